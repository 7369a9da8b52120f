# -*- coding: utf-8 -*-
"""Build the b5_docs blind evaluation set. Deterministic (fixed seeds).
Run: /work/main/.venv/bin/python _build/build.py   (from the b5_docs folder or anywhere)"""
import os, sys, io, json, csv, random, datetime as dt, shutil
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ATT = os.path.join(ROOT, "attachments")
if os.path.isdir(ATT):
    shutil.rmtree(ATT)
os.makedirs(ATT)

R = random.Random(20261130)
D = dt.date
LENDER = "安和消费金融有限公司"

# ------------------------------------------------------------------ people
SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIV = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅琳建国志海波辉鹏飞斌宇浩凯俊帆晨欣怡雪婷倩颖佳慧莉萍燕丹鑫亮林峰振东文斌龙成荣新春")
REGIONS = ["110105", "110108", "310115", "310104", "440106", "440305", "330106", "320102", "510107",
           "420106", "610113", "370102", "430104", "500103", "350203", "410105", "130102", "340104",
           "360102", "450103", "530102", "520102", "210102", "230102", "120101", "140105", "430626",
           "411302", "421002", "512501"]
used_names, used_ids = set(), set()

def new_name(n=None):
    while True:
        n2 = n or R.choice([2, 3, 3])
        nm = R.choice(SUR) + "".join(R.choice(GIV) for _ in range(n2 - 1))
        if nm not in used_names:
            used_names.add(nm); return nm

def new_id(region=None, birth=None, sex=None):
    while True:
        reg = region or R.choice(REGIONS)
        b = birth or D(R.randint(1966, 2001), R.randint(1, 12), R.randint(1, 28))
        seq = R.randint(10, 999)
        if sex is not None and seq % 2 != (1 if sex == "男" else 0):
            seq += 1
            if seq > 999: seq = 11 if sex == "男" else 10
        i = make_id(reg, b, seq)
        if i not in used_ids:
            used_ids.add(i); return i

def sex_of(i): return "男" if int(i[16]) % 2 else "女"
def birth_of(i): return D(int(i[6:10]), int(i[10:12]), int(i[12:14]))
def age_at(i, d):
    b = birth_of(i); return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

customers = {}
def new_customer(region=None, birth=None, n=None, sex=None):
    cid = "C5%04d" % (len(customers) + 101)
    nm = new_name(n)
    idn = new_id(region, birth, sex)
    ph = "1" + R.choice("3456789") + "".join(R.choice("0123456789") for _ in range(9))
    c = dict(customer_id=cid, name=nm, phone=ph, principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000, 80000]),
             next_due_date=None, overdue_days=None, id_number=idn)
    customers[cid] = c
    return c

def cdate(k):
    """complaint received date for the k-th complaint, spread over 2026-06-01..07-31"""
    return D(2026, 6, 1) + dt.timedelta(days=R.randint(0, 60))

def cn(d): return "%d年%d月%d日" % (d.year, d.month, d.day)
def days(n): return dt.timedelta(days=n)

# ------------------------------------------------------------------ issuers
def I(name, bottom, diameter=240, kind="hosp", **kw):
    return dict(name=name, bottom=bottom, diameter=diameter, kind=kind, **kw)
ISS = {
  # 8 pairs: identical seal template, ring text differs only
  "xihu": I("杭州市西湖区人民医院", "门诊诊断专用章", 250, addr="杭州市西湖区文三路", tel="0571-8796xxxx"),
  "gongshu": I("杭州市拱墅区人民医院", "门诊诊断专用章", 250, addr="杭州市拱墅区莫干山路", tel="0571-8809xxxx"),
  "gulou": I("南京市鼓楼区中医院", "住院专用章", 240, addr="南京市鼓楼区中山北路", tel="025-8331xxxx"),
  "xuanwu": I("南京市玄武区中医院", "住院专用章", 240, addr="南京市玄武区珠江路", tel="025-8451xxxx"),
  "hengyuan": I("深圳市恒远科技有限公司", "人事专用章", 240, kind="co"),
  "hengda": I("深圳市恒达科技有限公司", "人事专用章", 240, kind="co"),
  "wuhou": I("成都市武侯区就业服务管理局", "业务专用章", 250, kind="gov"),
  "jinjiang": I("成都市锦江区就业服务管理局", "业务专用章", 250, kind="gov"),
  "shiping": I("平江县安定镇石坪村民委员会", "", 230, kind="vil"),
  "wukou": I("平江县安定镇浯口村民委员会", "", 230, kind="vil"),
  "xinyuan": I("武汉鑫源物流有限公司", "", 240, kind="co"),
  "xinyang": I("武汉鑫洋物流有限公司", "", 240, kind="co"),
  "zz7": I("郑州市第七人民医院", "死亡证明专用章", 240),
  "zz9": I("郑州市第九人民医院", "死亡证明专用章", 240),
  "zhengyan": I("浙江正言律师事务所", "", 240, kind="law", addr="杭州市上城区钱江路", tel="0571-8608xxxx"),
  "zhengxin": I("浙江正信律师事务所", "", 240, kind="law", addr="杭州市滨江区江南大道", tel="0571-8772xxxx"),
  # others
  "pudong": I("上海市浦东新区人民医院", "诊断证明专用章", 245, addr="上海市浦东新区川环南路", tel="021-6830xxxx"),
  "wuchang": I("武汉市武昌医院", "门诊专用章", 235, addr="武汉市武昌区解放路", tel="027-8881xxxx"),
  "tianhe": I("广州市天河区人民医院", "住院专用章", 245, addr="广州市天河区黄埔大道", tel="020-8558xxxx"),
  "yuelu": I("长沙市岳麓区人民医院", "诊断证明专用章", 245, addr="长沙市岳麓区桐梓坡路", tel="0731-8881xxxx"),
  "longhua": I("深圳市龙华区人民医院", "出院证明专用章", 245, addr="深圳市龙华区东环一路", tel="0755-2774xxxx"),
  "lixia": I("济南市历下区人民医院", "医务科", 240, addr="济南市历下区文化东路", tel="0531-8296xxxx"),
  "yanta": I("西安市雁塔区中心医院", "诊断证明专用章", 245, addr="西安市雁塔区长安南路", tel="029-8532xxxx"),
  "jincheng": I("上海锦程餐饮管理有限公司", "人事专用章", 240, kind="co"),
  "suihua": I("广州市穗华服装有限公司", "", 240, kind="co"),
  "yunfan": I("杭州云帆电子商务有限公司", "人事专用章", 240, kind="co"),
  "ruifeng": I("苏州瑞丰精密机械有限公司", "人事行政专用章", 245, kind="co"),
  "rongxin": I("成都蓉欣餐饮有限公司", "财务专用章", 235, kind="co"),
  "jinshui": I("郑州市金水区公共就业服务中心", "业务专用章", 255, kind="gov"),
  "yuelu_hr": I("长沙市岳麓区人力资源和社会保障局", "", 260, kind="gov"),
  "wangyue": I("长沙市岳麓区望月湖街道办事处", "", 250, kind="gov"),
  "jiefangbei": I("重庆市渝中区解放碑街道办事处", "", 250, kind="gov"),
  "anding": I("平江县安定镇人民政府", "", 245, kind="gov"),
  # forged lawyer-letter issuers
  "hanxin": I("广东瀚信律师事务所", "", 240, kind="law", addr="广州市天河区珠江新城", tel="020-3828xxxx"),
  "dehe": I("北京德合律师事务所", "", 240, kind="law", addr="北京市朝阳区建国路", tel="010-6552xxxx"),
  "shenheng": I("上海申衡律师事务所", "", 240, kind="law", addr="上海市静安区南京西路", tel="021-6218xxxx"),
  "qianhai": I("深圳前海融信法律咨询有限公司", "", 250, kind="law", addr="深圳市前海深港合作区", tel="0755-8663xxxx"),
  "huiming": I("湖南汇明律师事务所", "", 240, kind="law", addr="长沙市芙蓉区五一大道", tel="0731-8471xxxx"),
  "jiaxin": I("四川嘉信律师事务所", "", 240, kind="law", addr="成都市高新区天府大道", tel="028-8519xxxx"),
}
_seal_cache = {}
def seal_of(key, seed):
    k = (key, seed)
    if k not in _seal_cache:
        s = ISS[key]
        _seal_cache[k] = render_seal(s["name"], s["bottom"], diameter=s["diameter"], seed=seed)
    return _seal_cache[k]

# ------------------------------------------------------------------ page builders
L, RGT, WID = 72, 523, 451
def header(p, iss, title, serial=None):
    p.text(297.5, 78, iss["name"], 20, "c")
    if iss.get("addr"):
        p.text(297.5, 98, "地址：%s    电话：%s" % (iss["addr"], iss["tel"]), 9, "c", color=(60, 60, 60))
    col = (180, 30, 30) if iss["kind"] in ("gov", "law") else (0, 0, 0)
    p.line(L, 108, RGT, 108, 1.6, col)
    p.text(297.5, 150, title, 22, "c")
    if serial:
        p.text(RGT, 176, serial, 10.5, "r")
    return 205

def fields(p, y, person, extra=None):
    nm, idn = person["name"], person["id"]
    p.text(L, y, "姓    名：", 12); p.text(L + measure("姓    名：", 12), y, nm, 12, tag="name")
    p.text(300, y, "性    别：%s" % person["sex"], 12)
    y += 26
    p.text(L, y, "身份证号：", 12); p.text(L + measure("身份证号：", 12), y, idn, 12, tag="id")
    if extra:
        for row in extra:
            y += 26
            p.text(L, y, row[0], 12)
            if len(row) > 1: p.text(300, y, row[1], 12)
    return y + 40

def footer(p, iss, d, seal, y=None, extra_line=None):
    y = y or 690
    if extra_line:
        p.text(RGT, y - 28, extra_line, 12, "r")
    p.text(RGT, y, iss["name"], 12, "r")
    p.text(RGT, y + 26, cn(d), 12, "r")
    w = measure(iss["name"], 12)
    if seal is not None:
        p.seal(RGT - max(w, 100) / 2 + 6, y + 2, seal)

def pg_lizhi(iss, person, d_join, d_leave, d_issue, seal, position="操作员", serial=None, reason="因公司业务调整"):
    p = Page(); y = header(p, iss, "离 职 证 明", serial)
    y = fields(p, y, person)
    y = p.para(L, y, WID, "兹证明上述人员自%s起在我公司%s岗位工作，%s，双方于%s解除劳动合同，"
               "该员工已办理完毕离职交接手续，我公司已为其结清工资并停止缴纳社会保险。" % (cn(d_join), position, reason, cn(d_leave)))
    y = p.para(L, y + 8, WID, "特此证明。")
    footer(p, iss, d_issue, seal); return p

def pg_shiye(iss, person, d_unemp, d_reg, d_issue, seal, serial=None):
    p = Page(); y = header(p, iss, "失业登记证明", serial)
    y = fields(p, y, person, [("户籍性质：城镇", "登记地：%s" % iss["name"][:5])])
    y = p.para(L, y, WID, "经审核，上述人员于%s与原用人单位终止劳动关系，于%s在我局办理失业登记，"
               "目前处于失业状态，已纳入就业困难人员帮扶范围，正在享受失业保险待遇。" % (cn(d_unemp), cn(d_reg)))
    y = p.para(L, y + 8, WID, "本证明仅用于证明其失业登记状态，有效期三个月。")
    footer(p, iss, d_issue, seal); return p

def pg_pinkun(iss, person, d_issue, seal, household=4, kind="贫困", serial=None, story=None):
    title = "家庭经济困难证明" if kind == "贫困" else "最低生活保障证明"
    p = Page(); y = header(p, iss, title, serial)
    y = fields(p, y, person, [("家庭人口：%d人" % household, "家庭人均月收入：%d元" % R.choice([420, 560, 610, 680, 730]))])
    story = story or "该户系我辖区居民，家庭主要劳动力长期患病，无稳定收入来源，子女尚在读书，家庭生活十分困难"
    if kind == "贫困":
        txt = "经村（居）委会调查核实，%s，属于家庭经济困难户，情况属实。" % story
    else:
        txt = "经核实，该户%s，经审批已纳入城市居民最低生活保障范围，自%s起享受低保待遇。" % (story, cn(d_issue - days(R.randint(60, 200))))
    y = p.para(L, y, WID, txt)
    y = p.para(L, y + 8, WID, "特此证明。")
    footer(p, iss, d_issue, seal); return p

def pg_zhenduan(iss, person, d_visit, seal, diag, advice, opno, dept="骨科", doctor="陈志远"):
    p = Page(); y = header(p, iss, "诊 断 证 明 书", "门诊号：%s" % opno)
    y = fields(p, y, person, [("年    龄：%d岁" % age_at(person["id"], d_visit), "科    别：%s" % dept),
                              ("就诊日期：%s" % cn(d_visit),)])
    p.text(L, y, "诊断：", 13); y += 26
    for dg in diag:
        p.text(L + 26, y, dg, 12); y += 24
    y += 12
    p.text(L, y, "医疗建议：", 13); y += 8
    y = p.para(L, y + 18, WID, advice)
    p.text(L, 640, "医师签名：%s" % doctor, 12)
    footer(p, iss, d_visit, seal, y=690, extra_line=None); return p

def pg_zhuyuan(iss, person, d_in, d_out, d_issue, seal, diag, ipno, dept="心内科", doctor="刘建华", title="出 院 证 明"):
    p = Page(); y = header(p, iss, title, "住院号：%s" % ipno)
    y = fields(p, y, person, [("年    龄：%d岁" % age_at(person["id"], d_in), "科    室：%s" % dept),
                              ("入院日期：%s" % cn(d_in), "出院日期：%s" % cn(d_out)),
                              ("住院天数：%d天" % (d_out - d_in).days,)])
    p.text(L, y, "出院诊断：", 13); y += 26
    for dg in diag:
        p.text(L + 26, y, dg, 12); y += 24
    y = p.para(L, y + 14, WID, "患者住院期间经积极治疗，病情好转出院。出院后需继续口服药物治疗，"
               "建议全休%d个月，避免劳累，定期门诊复查，不适随诊。" % R.choice([1, 2, 3]))
    p.text(L, 640, "主治医师：%s" % doctor, 12)
    footer(p, iss, d_issue, seal); return p

def pg_siwang(iss, person, d_death, d_issue, seal, cause, certno, place="医院病房"):
    p = Page(); y = header(p, iss, "居民死亡医学证明（推断）书", "编号：%s" % certno)
    y = fields(p, y, person, [("民    族：汉族", "年    龄：%d岁" % age_at(person["id"], d_death)),
                              ("死亡日期：%s" % cn(d_death), "死亡地点：%s" % place)])
    p.text(L, y, "致死的主要疾病诊断：", 13); y += 26
    for k, c in enumerate(cause):
        p.text(L + 26, y, "（%s）%s" % ("甲乙丙"[k], c), 12); y += 24
    y = p.para(L, y + 14, WID, "根本死亡原因：%s。以上情况经本院医师核实，特此证明。" % cause[-1], indent=False)
    p.text(L, 640, "医师签名：%s" % R.choice(["王立新", "孙海燕", "周文斌"]), 12)
    footer(p, iss, d_issue, seal); return p

def pg_lvshi(iss, person, lawyer, licence, d_issue, seal, ref, demand=None):
    p = Page(); y = header(p, iss, "律 师 函", ref)
    p.text(L, y, "致：%s" % LENDER, 12); y += 30
    p.text(L, y, "委 托 人：", 12); p.text(L + measure("委 托 人：", 12), y, person["name"], 12, tag="name"); y += 26
    p.text(L, y, "身份证号：", 12); p.text(L + measure("身份证号：", 12), y, person["id"], 12, tag="id"); y += 36
    y = p.para(L, y, WID, "本所接受上述委托人的委托，指派本所律师就其与贵司之间的借款合同纠纷事宜出具本律师函。"
               "经核查，委托人因客观原因暂时丧失还款能力，贵司在催收过程中存在频繁致电其亲友等不当行为。")
    y = p.para(L, y + 6, WID, demand or "现本所律师郑重函告：请贵司自收到本函之日起立即停止一切催收行为，"
               "减免委托人名下借款的全部罚息、违约金及超出法定上限的利息，并与委托人协商个性化分期方案。"
               "否则本所将依法向监管部门投诉并提起诉讼，由此产生的一切后果由贵司承担。")
    y += 20
    p.text(L, y, "承办律师：%s" % lawyer, 12); y += 24
    p.text(L, y, "执业证号：%s" % licence, 12, tag="licence"); y += 24
    p.text(L, y, "联系电话：%s" % iss["tel"], 12)
    footer(p, iss, d_issue, seal); return p

def pg_shouru(iss, person, d_issue, seal, old, new, since, position="司机"):
    p = Page(); y = header(p, iss, "收入情况证明")
    y = fields(p, y, person, [("职    务：%s" % position,)])
    y = p.para(L, y, WID, "兹证明上述人员系我公司员工。因公司经营困难、业务量大幅下降，自%s起该员工月收入"
               "由税前%d元调整为%d元（含基本工资及绩效），以上情况属实。" % (cn(since), old, new))
    y = p.para(L, y + 8, WID, "本证明仅用于该员工向金融机构说明收入情况，不作其他用途。")
    footer(p, iss, d_issue, seal); return p

def person_of(c, name=None, idn=None):
    idn = idn or c["id_number"]
    return dict(name=name or c["name"], id=idn, sex=sex_of(idn) if idn[16].isdigit() else "男")

# ------------------------------------------------------------------ captures + saving
PHONES = [("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2012K11AC"), ("Apple", "iPhone 13"), ("OPPO", "PEEM00"),
          ("vivo", "V2055A"), ("HONOR", "ANY-AN00"), ("Apple", "iPhone 14 Pro"), ("Redmi", "22081212C")]
SCANNERS = [("Canon", "DR-C225"), ("FUJITSU", "fi-7160"), ("EPSON", "DS-530"), ("Brother", "MFC-7880DN")]

def cap_image(img, capture, seed, when=None, **kw):
    rng = np.random.RandomState(seed)
    if capture == "phone_photo":
        return phone_photo(img, rng, blur=kw.get("blur"), light=kw.get("light", 0.35))
    if capture == "scanner_jpeg":
        return scanner(img, rng)
    if capture == "wechat_jpeg":
        src = kw.get("src", "phone")
        base = phone_photo(img, rng) if src == "phone" else scanner(img, rng)
        base = jpeg_roundtrip(base, 92)
        return wechat(base, 1280)
    if capture == "png":
        return screenshot(img, rng, kw.get("app", "电子证明"), clock=kw.get("clock", "10:24"))
    raise ValueError(capture)

def exif_time(d, seed):
    rr = random.Random(seed)
    return "%04d:%02d:%02d %02d:%02d:%02d" % (d.year, d.month, d.day, rr.randint(8, 21), rr.randint(0, 59), rr.randint(0, 59))

def save_image(im, path, capture, seed, when, software=None, keep_exif=True, extra_png=None):
    rr = random.Random(seed)
    if capture == "phone_photo":
        mk, md = PHONES[rr.randrange(len(PHONES))]
        ex = exif_bytes(mk, md, exif_time(when, seed), software) if keep_exif else (exif_bytes(software=software) if software else None)
        kw = dict(quality=rr.choice([88, 90, 92, 95]))
        if ex: kw["exif"] = ex
        im.save(path, "JPEG", **kw)
    elif capture == "scanner_jpeg":
        kw = dict(quality=rr.choice([75, 80, 85]), dpi=(150, 150))
        if rr.random() < 0.5 or software:
            mk, md = SCANNERS[rr.randrange(len(SCANNERS))]
            kw["exif"] = exif_bytes(None if software else mk, None if software else md,
                                    exif_time(when, seed) if not software else None, software)
        im.save(path, "JPEG", **kw)
    elif capture == "wechat_jpeg":
        kw = dict(quality=rr.choice([75, 80, 82]))
        if software: kw["exif"] = exif_bytes(software=software)
        im.save(path, "JPEG", **kw)
    elif capture == "png":
        from PIL import PngImagePlugin
        info = PngImagePlugin.PngInfo()
        if software: info.add_text("Software", software)
        im.save(path, "PNG", pnginfo=info, optimize=True)

def pdfdate(d, h=10, m=12, s=33):
    return "D:%04d%02d%02d%02d%02d%02d+08'00'" % (d.year, d.month, d.day, h, m, s)

# ------------------------------------------------------------------ registry
truth, complaints = {}, []
EXT = {"phone_photo": "jpg", "scanner_jpeg": "jpg", "wechat_jpeg": "jpg", "png": "png", "pdf": "pdf"}
fileno = [0]
NAMER = random.Random(98765)
_used_fn = set()
def fname(capture, stem=None):
    """Neutral upload names (random hex), so names leak neither order nor status."""
    while True:
        fn = "%010x.%s" % (NAMER.getrandbits(40), EXT[capture])
        if fn not in _used_fn:
            _used_fn.add(fn); return fn

def register(fn, forged, kinds, doc_type, capture, note):
    truth["attachments/" + fn] = dict(forged=forged, kinds=kinds, doc_type=doc_type, capture=capture, note=note)

CHANNELS = ["app", "app", "hotline", "wechat_official", "email", "regulator_transfer"]
ASKS = ["减免罚息和违约金", "停息挂账", "延期还款6个月", "分60期只还本金", "免除剩余利息", "暂停催收并协商还款方案"]
DOCNAME = {"lizhi": "离职证明", "shiye": "失业登记证明", "pinkun": "家庭经济困难证明", "dibao": "低保证明",
           "zhenduan": "诊断证明", "zhuyuan": "出院证明", "siwang": "死亡医学证明", "lvshi": "律师函", "shouru": "收入证明"}

def complaint_text(dtypes, c, extra=None):
    ask = R.choice(ASKS)
    names = "和".join(DOCNAME[t] for t in dtypes)
    t = dtypes[0]
    if t == "siwang":
        rel = R.choice(["儿子", "女儿", "妻子", "丈夫"])
        return "我是借款人%s的%s，借款人已因病去世，家里没有能力偿还这笔借款，附件是%s，请贵司核实后核销剩余欠款，不要再打电话催收。" % (c["name"], rel, names)
    if t == "lvshi":
        return R.choice(["本人已委托律师处理与贵司的借款纠纷，律师函见附件，请贵司停止催收并%s。" % ask,
                         "附件是律师函，请贵司收到后联系我的律师，%s，否则我们将向监管部门投诉。" % ask])
    if t in ("zhenduan", "zhuyuan"):
        return R.choice(["本人近期生病住院，失去收入，无法按时还款，申请%s，附件是医院开具的%s，请核实。" % (ask, names),
                         "我因病一直在治疗，医药费花了很多，现在确实还不上，附件为%s，希望贵司%s。" % (names, ask)])
    if t in ("lizhi", "shiye", "shouru"):
        return R.choice(["本人已失业，目前没有收入来源，申请%s，附件为%s。" % (ask, names),
                         "公司裁员我丢了工作，暂时无力还款，上传%s，请求%s，找到工作后一定还。" % (names, ask),
                         "收入大幅减少，实在还不起每月的分期，附件是%s，恳请%s。" % (names, ask)])
    return R.choice(["本人家庭经济困难，无力偿还借款，附件为村委会/街道出具的%s，申请%s。" % (names, ask),
                     "家里困难情况属实，有%s为证（见附件），请贵司%s。" % (names, ask)])

def add_complaint(c, when, files, dtypes, text=None, phone=None):
    complaints.append(dict(customer=c, received=when, files=files, dtypes=dtypes,
                           text=text or complaint_text(dtypes, c), phone=phone or c["phone"]))

# ------------------------------------------------------------------ document producers
DIAGS = [(["1.腰椎间盘突出症（L4/5）", "2.坐骨神经痛"], "骨科", "建议卧床休息，全休一个月，避免弯腰负重及久坐，门诊随访。"),
         (["1.2型糖尿病", "2.糖尿病周围神经病变"], "内分泌科", "建议长期规律用药，控制饮食，休息两周，定期复查血糖。"),
         (["1.重度抑郁发作", "2.睡眠障碍"], "精神心理科", "建议药物治疗并心理干预，暂停工作一个月，家属陪护。"),
         (["1.右桡骨远端骨折", "2.右腕关节软组织挫伤"], "骨科", "已行石膏外固定，建议休息六周，患肢制动，定期复查X线。"),
         (["1.慢性肾功能不全（CKD3期）", "2.高血压病2级"], "肾内科", "建议低盐低蛋白饮食，规律服药，休息一个月，门诊随访。"),
         (["1.乳腺恶性肿瘤术后", "2.化疗后骨髓抑制"], "肿瘤科", "建议按期化疗，注意休息，避免劳累及感染，全休三个月。")]
INDIAGS = [(["1.急性ST段抬高型心肌梗死", "2.冠状动脉粥样硬化性心脏病"], "心内科"),
           (["1.急性胆囊炎", "2.胆囊结石"], "普外科"),
           (["1.社区获得性肺炎（重症）", "2.Ⅰ型呼吸衰竭"], "呼吸内科"),
           (["1.脑梗死（左侧基底节区）", "2.高血压病3级"], "神经内科"),
           (["1.腰椎压缩性骨折（L1）", "2.骨质疏松症"], "骨科")]
DEATHS = [["急性心肌梗死", "冠状动脉粥样硬化性心脏病"], ["呼吸循环衰竭", "肺恶性肿瘤"], ["脑疝", "脑出血"],
          ["多器官功能衰竭", "肝硬化失代偿期"]]

def opno(): return "%d%07d" % (R.randint(1, 9), R.randint(0, 9999999))
def serialno(prefix): return "%s〔2026〕%03d号" % (prefix, R.randint(11, 480))

def make_doc(dtype, iss_key, person, cdt, seal=None, seal_seed=None, dates=None, **kw):
    """Returns (page, issue_date, dates-dict). dates optional override."""
    iss = ISS[iss_key]
    if seal is None:
        seal = seal_of(iss_key, seal_seed if seal_seed is not None else R.randint(1, 10**6))
    dd = dict(dates or {})
    if dtype == "lizhi":
        leave = dd.get("leave", cdt - days(R.randint(20, 120)))
        join = dd.get("join", leave - days(R.randint(400, 2600)))
        issue = dd.get("issue", leave + days(R.randint(0, 5)))
        pg = pg_lizhi(iss, person, join, leave, issue, seal, kw.get("position", R.choice(["仓储专员", "销售代表", "操作员", "客服专员", "质检员"])),
                      serial=kw.get("serial"), reason=kw.get("reason", R.choice(["因公司业务调整", "因个人原因申请离职", "因部门撤销"])))
        dd.update(join=join, leave=leave, issue=issue)
    elif dtype == "shiye":
        reg = dd.get("reg", cdt - days(R.randint(15, 80)))
        unemp = dd.get("unemp", reg - days(R.randint(5, 60)))
        issue = dd.get("issue", min(reg + days(R.randint(0, 10)), cdt - days(2)))
        pg = pg_shiye(iss, person, unemp, reg, issue, seal, serial=kw.get("serial", serialno("失登证")))
        dd.update(reg=reg, unemp=unemp, issue=issue)
    elif dtype in ("pinkun", "dibao"):
        issue = dd.get("issue", cdt - days(R.randint(5, 50)))
        pg = pg_pinkun(iss, person, issue, seal, R.randint(3, 6), "贫困" if dtype == "pinkun" else "低保",
                       serial=kw.get("serial"), story=kw.get("story"))
        dd.update(issue=issue)
    elif dtype == "zhenduan":
        visit = dd.get("issue", cdt - days(R.randint(3, 45)))
        dg, dept, adv = kw.get("diag", R.choice(DIAGS))
        pg = pg_zhenduan(iss, person, visit, seal, dg, adv, kw.get("opno", opno()), dept, kw.get("doctor", R.choice(["陈志远", "林晓", "黄建军", "赵敏", "吴海涛"])))
        dd.update(issue=visit)
    elif dtype == "zhuyuan":
        din = dd.get("admit", cdt - days(R.randint(25, 90)))
        dout = dd.get("discharge", din + days(R.randint(4, 18)))
        issue = dd.get("issue", dout)
        dg, dept = kw.get("diag", R.choice(INDIAGS))
        pg = pg_zhuyuan(iss, person, din, dout, issue, seal, dg, kw.get("ipno", "ZY%07d" % R.randint(0, 9999999)), dept,
                        R.choice(["刘建华", "张雅琴", "蒋伟", "邓丽"]))
        dd.update(admit=din, discharge=dout, issue=issue)
    elif dtype == "siwang":
        death = dd.get("death", cdt - days(R.randint(10, 70)))
        issue = dd.get("issue", death + days(R.randint(0, 2)))
        pg = pg_siwang(iss, person, death, issue, seal, kw.get("cause", R.choice(DEATHS)), "%s%08d" % (R.choice("ABC"), R.randint(0, 99999999)))
        dd.update(death=death, issue=issue)
    elif dtype == "lvshi":
        issue = dd.get("issue", cdt - days(R.randint(1, 10)))
        pg = pg_lvshi(iss, person, kw["lawyer"], kw["licence"], issue, seal, kw.get("ref", "（2026）%s律函字第%03d号" % (iss["name"][2:4], R.randint(10, 399))))
        dd.update(issue=issue)
    elif dtype == "shouru":
        issue = dd.get("issue", cdt - days(R.randint(3, 30)))
        old = R.choice([6500, 7200, 8000, 9500]); new = R.choice([2800, 3000, 3200])
        pg = pg_shouru(iss, person, issue, seal, old, new, issue - days(R.randint(60, 150)), kw.get("position", R.choice(["司机", "调度员", "仓管员", "厨师", "服务员"])))
        dd.update(issue=issue)
    return pg, dd["issue"], dd

def pdf_info(kind, forged_tool=None):
    return {"hosp": dict(creator="东华HIS电子病历系统 V8.2", producer="iText 5.5.13.2 ©2000-2020 iText Group NV", title="诊疗证明"),
            "co": dict(creator="用友NC Cloud 人力资源", producer="Aspose.PDF for .NET 21.6", title="证明"),
            "gov": dict(creator="政务服务电子证照系统", producer="iText 7.1.15", title="电子证明"),
            "vil": dict(creator="Microsoft® Word 2016", producer="Microsoft® Word 2016", title=""),
            "law": dict(creator="WPS 文字", producer="WPS 文字", title="律师函")}[kind]

def emit(fn, page, capture, seed, issue, cdt, iss_key, app=None, **kw):
    """Render + capture + save a document honestly (no edit)."""
    path = os.path.join(ATT, fn)
    if capture == "pdf":
        buf = io.BytesIO()
        render_pdf(page, buf, pdf_info(ISS[iss_key]["kind"]), pdfdate(issue, 9 + seed % 8, seed % 60, (seed * 7) % 60))
        data = buf.getvalue()
        if kw.get("meta_update"):
            data = pdf_incremental(data, kw["meta_update"])
        open(path, "wb").write(data)
        return
    img = render_pil(page)
    im = cap_image(img, capture, seed, app=app, blur=kw.get("blur"), light=kw.get("light", 0.35), src=kw.get("src", "phone"))
    when = issue + dt.timedelta(days=random.Random(seed).randint(0, max(0, (cdt - issue).days - 1)))
    save_image(im, path, capture, seed, when)

def diff_boxes(a, b, gap=14, pad=6):
    A = np.asarray(a).astype(np.int16); B = np.asarray(b).astype(np.int16)
    m = np.abs(A - B).sum(axis=2) > 40
    rows = np.where(m.any(axis=1))[0]
    boxes = []
    if len(rows) == 0:
        return boxes
    groups = [[rows[0], rows[0]]]
    for r_ in rows[1:]:
        if r_ - groups[-1][1] > gap: groups.append([r_, r_])
        else: groups[-1][1] = r_
    H, W = m.shape
    for y0, y1 in groups:
        cols = np.where(m[y0:y1 + 1].any(axis=0))[0]
        boxes.append((max(0, cols[0] - pad), max(0, y0 - pad), min(W, cols[-1] + pad + 1), min(H, y1 + pad + 1)))
    return boxes

def diff_rows(pageA, pageB):
    rows = {}
    for oa, ob in zip(pageA.ops, pageB.ops):
        if oa[0] == "text" and oa[3] != ob[3]:
            _, x, y, sB, size, align, _c = ob
            sA = oa[3]; p = 0
            while p < min(len(sA), len(sB)) and sA[p] == sB[p]:
                p += 1
            xs = x + measure(sB[:p], size)
            rows.setdefault(y, []).append((xs, xs + max(measure(sA[p:], size), measure(sB[p:], size)), sB[p:], size))
    return [rows[y] for y in sorted(rows)]

def edited_image(pageA, pageB, capture, seed, visible=False, app=None, pre_q=92):
    """Capture original (A) and a variant (B) identically; paste B's differing regions onto A.
    visible=True: flat, un-warped patch with crisp text drawn on it (an obvious paste)."""
    imA = cap_image(render_pil(pageA), capture, seed, app=app)
    imB = cap_image(render_pil(pageB), capture, seed, app=app)
    boxes = diff_boxes(imA, imB)
    out = jpeg_roundtrip(imA, pre_q) if capture != "png" else imA.copy()
    if not visible:
        for bx in boxes:
            out.paste(imB.crop(bx), bx[:2])
        return out, boxes
    rows = diff_rows(pageA, pageB)
    for g in (14, 10, 7, 5, 3):
        boxes = diff_boxes(imA, imB, gap=g, pad=4)
        if len(boxes) == len(rows):
            break
    assert len(rows) == len(boxes), (len(rows), len(boxes))
    d = ImageDraw.Draw(out)
    arr = np.asarray(out).astype(np.float32)
    scs = [(b[3] - b[1] - 8) / (max(r[3] for r in rw) * 1.05) for b, rw in zip(boxes, rows)]
    sc_all = float(np.median(scs)) if scs else None
    for bx, row in zip(boxes, rows):
        x0, y0, x1, y1 = bx
        ring = np.concatenate([arr[max(0, y0 - 4):y0, x0:x1].reshape(-1, 3), arr[y1:y1 + 4, x0:x1].reshape(-1, 3)])
        col = tuple(int(min(255, v + 12)) for v in ring.mean(axis=0))
        d.rectangle([x0, y0, x1, y1], fill=col)
        rx0 = min(r[0] for r in row); rx1 = max(r[1] for r in row)
        sc = sc_all or (x1 - x0 - 12) / max(rx1 - rx0, 1)
        if (rx1 - rx0) * sc + 12 > x1 - x0:
            x1 = int(x0 + (rx1 - rx0) * sc + 12); d.rectangle([x0, y0, x1, y1], fill=col)
        for (ox0, ox1, sB, size) in row:
            d.text((x0 + 6 + (ox0 - rx0) * sc, y1 - 6 - size * sc * 0.2), sB, font=font(size * sc * 1.02), fill=(25, 25, 25), anchor="ls")
    return out, boxes

# ================================================================== GENUINE
genuine_specs = [
    # pairs of issuers with look-alike seals (ring text differs only)
    ("zhenduan", "xihu", "phone_photo", "seal pair A (西湖/拱墅)", 101),
    ("zhenduan", "gongshu", "scanner_jpeg", "seal pair A (西湖/拱墅)", 102),
    ("zhuyuan", "gulou", "pdf", "seal pair B (鼓楼/玄武中医院)", None),
    ("zhuyuan", "xuanwu", "phone_photo", "seal pair B (鼓楼/玄武中医院)", None),
    ("lizhi", "hengyuan", "wechat_jpeg", "seal pair C (恒远/恒达)", 105),
    ("lizhi", "hengda", "phone_photo", "seal pair C (恒远/恒达)", None),
    ("shiye", "wuhou", "png", "seal pair D (武侯/锦江就业局); e-certificate screenshot", None),
    ("shiye", "jinjiang", "scanner_jpeg", "seal pair D (武侯/锦江就业局)", None),
    ("pinkun", "shiping", "phone_photo", "seal pair E (石坪村/浯口村)", 109),
    ("pinkun", "wukou", "wechat_jpeg", "seal pair E (石坪村/浯口村)", None),
    ("shouru", "xinyuan", "scanner_jpeg", "seal pair F (鑫源/鑫洋)", None),
    ("shouru", "xinyang", "pdf", "seal pair F (鑫源/鑫洋)", None),
    ("siwang", "zz7", "phone_photo", "seal pair G (郑州七院/九院); borrower deceased, complaint by family", None),
    ("siwang", "zz9", "scanner_jpeg", "seal pair G (郑州七院/九院); borrower deceased, complaint by family", None),
    ("lvshi", "zhengyan", "pdf", "seal pair H (正言/正信律所); real 17-digit lawyer licence", None),
    ("lvshi", "zhengxin", "scanner_jpeg", "seal pair H (正言/正信律所); real 17-digit lawyer licence", None),
    # others
    ("zhenduan", "pudong", "pdf", "PDF with harmless metadata-only incremental update (archive system)", None),
    ("zhenduan", "wuchang", "wechat_jpeg", "", None),
    ("zhenduan", "yuelu", "png", "hospital app screenshot", None),
    ("zhenduan", "yanta", "phone_photo", "strong blur", None),
    ("zhuyuan", "tianhe", "phone_photo", "", None),
    ("zhuyuan", "longhua", "pdf", "", None),
    ("zhuyuan", "lixia", "wechat_jpeg", "", None),
    ("lizhi", "jincheng", "pdf", "PDF with harmless metadata-only incremental update (e-signature archive)", None),
    ("lizhi", "suihua", "scanner_jpeg", "", None),
    ("lizhi", "yunfan", "png", "HR system screenshot", None),
    ("shiye", "jinshui", "phone_photo", "", None),
    ("shiye", "yuelu_hr", "pdf", "", None),
    ("dibao", "wangyue", "phone_photo", "uneven light, shadow", None),
    ("pinkun", "anding", "scanner_jpeg", "", None),
    ("dibao", "jiefangbei", "wechat_jpeg", "", None),
    ("shouru", "rongxin", "phone_photo", "", None),
    ("siwang", "tianhe", "wechat_jpeg", "borrower deceased, complaint by family", None),
    ("zhenduan", "lixia", "scanner_jpeg", "", None),
    ("zhuyuan", "yuelu", "scanner_jpeg", "", None),
    ("lizhi", "ruifeng", "wechat_jpeg", "", None),
    ("shiye", "wuhou", "wechat_jpeg", "scanned then forwarded", None),
    ("zhenduan", "tianhe", "phone_photo", "heavy shadow", None),
    ("zhuyuan", "wuchang", "png", "hospital app screenshot", None),
    ("pinkun", "shiping", "pdf", "", None),
    ("zhenduan", "longhua", "phone_photo", "ID has district code 440309 (龙华区, created 2016) though holder born earlier", None),
    ("lizhi", "jincheng", "phone_photo", "ID has district code 310151 (崇明区, created 2016) though holder born earlier", None),
    ("zhuyuan", "xihu", "wechat_jpeg", "ID has district code 330112 (临安区, created 2017) though holder born earlier", None),
    ("shouru", "xinyang", "png", "payroll app screenshot", None),
    ("zhenduan", "gulou", "phone_photo", "", None),
]
LATE_DISTRICT = {40: ("440309", D(1986, 3, 14)), 41: ("310151", D(1979, 11, 2)), 42: ("330112", D(1990, 6, 21))}
GENUINE_LICENCES = ["13301201810876543", "13301200910265471"]
GENUINE_LAWYERS = ["沈立群", "方可欣"]
APPS = {"png": ["浙里办", "健康武汉", "掌上医院", "北森iTalent", "个税与工资条"]}

gen_docs = {}   # index -> (cust, cdt, fn)
pair_complaints = {19: 20, 33: 34}   # genuine docs (index) filed together in one complaint
law_i = 0
for i, (dtype, ik, capture, note, sseed) in enumerate(genuine_specs):
    if i in LATE_DISTRICT:
        reg, b = LATE_DISTRICT[i]; cust = new_customer(region=reg, birth=b)
    elif i in pair_complaints.values():
        owner = [k for k, v in pair_complaints.items() if v == i][0]
        cust = gen_docs[owner][0]
    else:
        cust = None
    cdt = gen_docs[[k for k, v in pair_complaints.items() if v == i][0]][1] if i in pair_complaints.values() else None
    kw = {}
    mk = {}
    if dtype == "lvshi":
        mk = dict(lawyer=GENUINE_LAWYERS[law_i], licence=GENUINE_LICENCES[law_i]); law_i += 1
    app = None
    if capture == "png":
        app = {"shiye": "浙里办" if ik != "wuhou" else "天府通办", "zhenduan": "掌上医院", "zhuyuan": "健康武汉",
               "lizhi": "北森iTalent", "shouru": "工资条"}.get(dtype, "电子证明")
    if "strong blur" in note: kw["blur"] = 2.2
    if "heavy shadow" in note or "uneven" in note: kw["light"] = 0.6
    if "scanned then forwarded" in note: kw["src"] = "scan"
    c = cust or new_customer()
    cdt = cdt or cdate(i)
    pg, issue, dd = make_doc(dtype, ik, person_of(c), cdt, seal_seed=sseed, **mk)
    if "metadata-only" in note:
        kw["meta_update"] = {"Keywords": "已归档", "ModDate": pdfdate(issue, 18, 40, 5)} if "archive system" in note else \
                            {"Title": "离职证明（电子签章版）", "ModDate": pdfdate(issue + days(1), 9, 3, 41)}
    fn = fname(capture)
    seed = 1000 + i
    emit(fn, pg, capture, seed, issue, cdt, ik, app=app, **kw)
    dts = ", ".join("%s=%s" % (k, v) for k, v in dd.items())
    register(fn, False, [], dtype, capture, "genuine; issuer %s; %s. %s" % (ISS[ik]["name"], dts, note))
    gen_docs[i] = (c, cdt, fn, dtype)

for i in range(len(genuine_specs)):
    if i in pair_complaints.values():
        continue
    c, cdt, fn, dtype = gen_docs[i]
    files, dts = [fn], [dtype]
    if i in pair_complaints:
        j = pair_complaints[i]; files.append(gen_docs[j][2]); dts.append(gen_docs[j][3])
    add_complaint(c, cdt, files, dts)

# ================================================================== FORGED
def F(fn, kinds, dtype, capture, note, c, cdt, files_extra=None):
    register(fn, True, kinds, dtype, capture, note)
    add_complaint(c, cdt, [fn], [dtype])

# ---- lawyer letters with a USCC as 执业证号 (7)
LAW_FORGED = [
    ("hanxin", "pdf", make_uscc("91", "440300", "MA5GK2N7X"), "company USCC (letters) as licence"),
    ("dehe", "pdf", make_uscc("31", "110000", "400012843"), "law-firm USCC (all digits) as licence"),
    ("shenheng", "pdf", make_uscc("91", "310106", "MA1FL5R2Q"), "company USCC (letters) as licence"),
    ("qianhai", "phone_photo", make_uscc("91", "440300", "MA5FW8C1K"), "consulting-company USCC (letters) as licence; issuer is a 法律咨询有限公司"),
    ("huiming", "wechat_jpeg", make_uscc("31", "430000", "568723914"), "law-firm USCC (all digits) as licence"),
    ("jiaxin", "png", make_uscc("91", "510100", "MA6CQ3H5U"), "company USCC (letters) as licence; screenshot of letter"),
    ("dehe", "scanner_jpeg", make_uscc("12", "110105", "400837265"), "institution USCC (all digits) as licence; client ID number belongs to someone else"),
]
# make sure the "all digits" ones really are all digits (choose body so check char is a digit)
def digits_uscc(prefix, region):
    k = 0
    while True:
        body = "%09d" % (400000000 + k * 7919 + R.randint(0, 999))
        u = make_uscc(prefix, region, body)
        if u[-1].isdigit(): return u
        k += 1
LAW_FORGED[1] = LAW_FORGED[1][:2] + (digits_uscc("31", "110000"),) + LAW_FORGED[1][3:]
LAW_FORGED[4] = LAW_FORGED[4][:2] + (digits_uscc("31", "430000"),) + LAW_FORGED[4][3:]
LAW_FORGED[6] = LAW_FORGED[6][:2] + (digits_uscc("12", "110105"),) + LAW_FORGED[6][3:]
for k, (ik, capture, lic, note) in enumerate(LAW_FORGED):
    c = new_customer(); cdt = cdate(0)
    kinds = ["uscc_as_lawyer_licence"]
    person = person_of(c)
    if k == 6:
        other = new_id(birth=birth_of(c["id_number"]) + days(R.randint(200, 900)))
        person = person_of(c, idn=other); kinds.append("name_id_mismatch")
        note += " (doc ID %s vs customer %s)" % (other, c["id_number"])
    pg, issue, dd = make_doc("lvshi", ik, person, cdt, lawyer=new_name(3), licence=lic)
    fn = fname(capture)
    seed = 2000 + k
    emit(fn, pg, capture, seed, issue, cdt, ik, app="微信" if capture == "png" else None)
    F(fn, kinds, "lvshi", capture, "forged lawyer letter by %s; 执业证号 %s (18-char USCC, not a 17-digit lawyer licence). %s" % (ISS[ik]["name"], lic, note), c, cdt)

# ---- edited hardship proofs (5): victim's genuine doc with name/ID changed to borrower
EDITS = [
    ("shiye", "jinjiang", "scanner_jpeg", "Adobe Photoshop 25.0 (Windows)", False, "clean retouch of name+ID; EXIF Software Photoshop"),
    ("pinkun", "anding", "phone_photo", "Adobe Photoshop CC 2019 (Macintosh)", False, "clean retouch of name+ID; camera EXIF kept, Software Photoshop"),
    ("zhenduan", "pudong", "png", "MeituXiuXiu 7.5", False, "screenshot with name+ID retouched; PNG Software text chunk"),
    ("lizhi", "ruifeng", "phone_photo", None, True, "visible paste: flat un-warped patch over name and ID on a phone photo"),
    ("zhuyuan", "tianhe", "wechat_jpeg", None, True, "visible paste: flat patch over name and ID, then forwarded via WeChat"),
]
for k, (dtype, ik, capture, sw, visible, note) in enumerate(EDITS):
    c = new_customer(); cdt = cdate(0)
    nA = new_name(len(c["name"]))
    victim = dict(name=nA, id=new_id(sex=sex_of(c["id_number"])), sex=sex_of(c["id_number"]))
    st = R.getstate()
    pgA, issue, dd = make_doc(dtype, ik, victim, cdt, seal_seed=3000 + k)
    R.setstate(st)
    pgB, _, _ = make_doc(dtype, ik, person_of(c), cdt, seal_seed=3000 + k)
    app = "掌上医院" if capture == "png" else None
    out, boxes = edited_image(pgA, pgB, capture, 3100 + k, visible=visible, app=app)
    fn = fname(capture)
    save_image(out, os.path.join(ATT, fn), capture, 3100 + k, issue + days(1), software=sw)
    F(fn, ["edited_image"], dtype, capture, "edited hardship proof: original holder %s (%s) replaced by borrower; %s; dates %s"
      % (nA, victim["id"], note, ", ".join("%s=%s" % kv for kv in dd.items())), c, cdt)

# ---- documents re-used across borrowers (5): group A 3x 贫困证明, group B 2x 诊断证明
def reuse_group(dtype, ik, capture, n, seed, kwmk, visible_last=False, tag=""):
    custs = [new_customer(n=3, sex="女") for _ in range(n)]
    cdts = sorted(cdate(0) for _ in range(n))
    cdt0 = cdts[0]
    st = R.getstate()
    victim = dict(name=new_name(3), id=new_id(), sex="女")
    pages = []
    for c in [None] + custs:
        R.setstate(st)
        pg, issue, dd = make_doc(dtype, ik, victim if c is None else person_of(c), cdt0, seal_seed=seed, **kwmk)
        pages.append(pg)
    made = []
    for j, c in enumerate(custs):
        vis = visible_last and j == n - 1
        out, _ = edited_image(pages[0], pages[j + 1], capture, seed, visible=vis)
        fn = fname(capture)
        save_image(out, os.path.join(ATT, fn), capture, seed, issue + days(2))
        kinds = ["reused_across_borrowers"] + (["edited_image"] if vis else [])
        F(fn, kinds, dtype, capture, "re-used document %s: same photo/serial/seal impression as the other files of the group, only name+ID changed%s; original holder %s (%s); dates %s"
          % (tag, " (visible paste)" if vis else "", victim["name"], victim["id"], ", ".join("%s=%s" % kv for kv in dd.items())), c, cdts[j])
        made.append(fn)
    for fn in made:
        truth["attachments/" + fn]["note"] += "; group files: " + ", ".join("attachments/" + x for x in made if x != fn)

reuse_group("pinkun", "wukou", "wechat_jpeg", 3, 4001, dict(serial="浯村证〔2026〕017号"), tag="group R1 (贫困证明 浯口村)")
reuse_group("zhenduan", "yanta", "phone_photo", 2, 4002, dict(opno="30517264", doctor="黄建军", diag=DIAGS[2]), visible_last=True, tag="group R2 (诊断证明 雁塔区中心医院)")

# ---- edited PDFs with incremental updates changing the name (3)
PDFED = [("lizhi", "yunfan", "Adobe Acrobat Pro DC (23.3.20269)"),
         ("zhenduan", "xuanwu", "Wondershare PDFelement 9.5.4"),
         ("pinkun", "shiping", "福昕高级PDF编辑器 12.1")]
for k, (dtype, ik, tool) in enumerate(PDFED):
    c = new_customer(); cdt = cdate(0)
    nA = new_name(len(c["name"]))
    victim = dict(name=nA, id=new_id(sex=sex_of(c["id_number"])), sex=sex_of(c["id_number"]))
    pgA, issue, dd = make_doc(dtype, ik, victim, cdt, seal_seed=5000 + k)
    buf = io.BytesIO()
    render_pdf(pgA, buf, pdf_info(ISS[ik]["kind"]), pdfdate(issue, 10, 5 + k, 12))
    ovs = []
    for tag, val in (("name", c["name"]), ("id", c["id_number"])):
        x0, y0, x1, y1, size, s = pgA.tags[tag]
        w = max(x1 - x0, measure(val, size)) + 2
        ovs.append((x0 - 1, y0, x0 - 1 + w, y1, text_patch(val, size, w, y1 - y0)))
    mod = issue + days(R.randint(20, 60))
    data = pdf_incremental(buf.getvalue(), {"Producer": tool, "ModDate": pdfdate(min(mod, cdt - days(1)), 22, 17, 3)}, ovs)
    fn = fname("pdf")
    open(os.path.join(ATT, fn), "wb").write(data)
    F(fn, ["edited_pdf_incremental"], dtype, "pdf", "incremental update overlays name+ID images (text layer still reads %s / %s); Producer changed to %s; dates %s"
      % (nA, victim["id"], tool, ", ".join("%s=%s" % kv for kv in dd.items())), c, cdt)

# ---- seals copied across issuers (3): exact seal bitmap of a genuine doc above pasted on another issuer's doc
COPIES = [("zhenduan", "gongshu", "xihu", 101, "phone_photo"),
          ("lizhi", "hengda", "hengyuan", 105, "scanner_jpeg"),
          ("pinkun", "wukou", "shiping", 109, "wechat_jpeg")]
for k, (dtype, ik, src, sseed, capture) in enumerate(COPIES):
    c = new_customer(); cdt = cdate(0)
    pg, issue, dd = make_doc(dtype, ik, person_of(c), cdt, seal=seal_of(src, sseed))
    fn = fname(capture)
    emit(fn, pg, capture, 6000 + k, issue, cdt, ik)
    src_file = [f for f, t in truth.items() if not t["forged"] and ISS[src]["name"] in t["note"]][0]
    F(fn, ["seal_copied_across_issuers"], dtype, capture, "document headed %s carries the identical seal impression of %s (ring text differs; same bitmap as %s); dates %s"
      % (ISS[ik]["name"], ISS[src]["name"], src_file, ", ".join("%s=%s" % kv for kv in dd.items())), c, cdt)

# ---- name / ID mismatches (5)
MISM = [("zhenduan", "wuchang", "phone_photo", "name"), ("lizhi", "suihua", "scanner_jpeg", "id"),
        ("zhuyuan", "lixia", "wechat_jpeg", "both"), ("shiye", "jinshui", "png", "id_near"),
        ("siwang", "zz9", "pdf", "id")]
for k, (dtype, ik, capture, how) in enumerate(MISM):
    c = new_customer(n=3 if how == "name" else None); cdt = cdate(0)
    nm, idn = c["name"], c["id_number"]
    if how == "name":
        nm = c["name"][:2] + R.choice([g for g in GIV if g != c["name"][2]])
    elif how == "id":
        idn = new_id(sex=sex_of(c["id_number"]))
    elif how == "both":
        nm = new_name(); idn = new_id()
    elif how == "id_near":
        b = birth_of(c["id_number"]) + days(R.randint(30, 400))
        idn = new_id(region=c["id_number"][:6], birth=b, sex=sex_of(c["id_number"]))
    pg, issue, dd = make_doc(dtype, ik, dict(name=nm, id=idn, sex=sex_of(idn)), cdt)
    fn = fname(capture)
    emit(fn, pg, capture, 7000 + k, issue, cdt, ik, app="天府通办" if capture == "png" else None)
    F(fn, ["name_id_mismatch"], dtype, capture, "doc names %s / %s but borrower is %s / %s (%s); all IDs checksum-valid; dates %s"
      % (nm, idn, c["name"], c["id_number"], how, ", ".join("%s=%s" % kv for kv in dd.items())), c, cdt)

# ---- date inconsistencies (4)
c = new_customer(); cdt = cdate(0)
leave = cdt - days(40); iss_d = leave - days(44)
pg, issue, dd = make_doc("lizhi", "yunfan", person_of(c), cdt, dates=dict(leave=leave, issue=iss_d))
fn = fname("phone_photo"); emit(fn, pg, "phone_photo", 8000, issue, cdt, "yunfan")
F(fn, ["date_inconsistent"], "lizhi", "phone_photo", "issue date %s is before the stated leaving date %s (issued before the event)" % (iss_d, leave), c, cdt)

c = new_customer(); cdt = cdate(0)
vis = cdt + days(17)
pg, issue, dd = make_doc("zhenduan", "yuelu", person_of(c), cdt, dates=dict(issue=vis))
fn = fname("scanner_jpeg"); emit(fn, pg, "scanner_jpeg", 8001, cdt - days(1), cdt, "yuelu")
F(fn, ["date_inconsistent"], "zhenduan", "scanner_jpeg", "visit/issue date %s is after the complaint was received (%s)" % (vis, cdt), c, cdt)

c = new_customer(); cdt = cdate(0)
death = cdt - days(230); iss_d = cdt - days(12)
pg, issue, dd = make_doc("siwang", "zz7", person_of(c), cdt, dates=dict(death=death, issue=iss_d))
fn = fname("wechat_jpeg"); emit(fn, pg, "wechat_jpeg", 8002, issue, cdt, "zz7")
F(fn, ["date_inconsistent"], "siwang", "wechat_jpeg", "death certificate issued %s, %d days after the death date %s" % (iss_d, (iss_d - death).days, death), c, cdt)

c = new_customer(); cdt = cdate(0)
din = cdt - days(35); dout = din - days(9)
pg, issue, dd = make_doc("zhuyuan", "longhua", person_of(c), cdt, dates=dict(admit=din, discharge=dout, issue=din + days(1)))
fn = fname("pdf"); emit(fn, pg, "pdf", 8003, issue, cdt, "longhua")
F(fn, ["date_inconsistent"], "zhuyuan", "pdf", "discharge date %s is before admission date %s (stay shown as negative days); issued %s" % (dout, din, din + days(1)), c, cdt)

# ---- invalid ID numbers (4); the doc's ID necessarily differs from the (valid) customer record too
def bad_check(i):
    good = i[17]; alt = [ch for ch in "0123456789X" if ch != good]
    return i[:17] + R.choice(alt)
INVAL = [("zhenduan", "wuchang", "phone_photo", "bad_check"), ("pinkun", "anding", "scanner_jpeg", "feb30"),
         ("shiye", "jinjiang", "wechat_jpeg", "region"), ("lizhi", "suihua", "png", "month13")]
for k, (dtype, ik, capture, how) in enumerate(INVAL):
    c = new_customer(); cdt = cdate(0); i0 = c["id_number"]
    if how == "bad_check":
        bad = bad_check(i0); why = "check digit should be %s" % i0[17]
    elif how == "feb30":
        s17 = i0[:6] + i0[6:10] + "0230" + i0[14:17]; bad = s17 + id_check(s17); why = "birth date %s-02-30 does not exist (check digit itself consistent)" % i0[6:10]
    elif how == "region":
        s17 = "663102" + i0[6:17]; bad = s17 + id_check(s17); why = "region code 663102 does not exist (province 66); check digit consistent"
    else:
        s17 = i0[:10] + "13" + i0[12:17]; bad = s17 + id_check(s17); why = "birth month 13; check digit consistent"
    assert not id_valid(bad) or how == "region"
    pg, issue, dd = make_doc(dtype, ik, dict(name=c["name"], id=bad, sex=sex_of(i0)), cdt)
    fn = fname(capture)
    emit(fn, pg, capture, 9000 + k, issue, cdt, ik, app="北森iTalent" if capture == "png" else None)
    F(fn, ["invalid_id_number", "name_id_mismatch"], dtype, capture, "ID on doc %s is invalid: %s; customer record has %s" % (bad, why, i0), c, cdt)

# ================================================================== outputs
# neutral customer ids (creation order would otherwise leak genuine/forged)
IDR = random.Random(4242)
newids = IDR.sample(range(10000, 99999), len(customers))
for c, n in zip(list(customers.values()), newids):
    c["customer_id"] = "C5%05d" % n
# fix customer account fields
for c in customers.values():
    od = R.choice([0, 0, 3, 12, 25, 40, 67, 95, 130])
    c["overdue_days"] = od
    c["next_due_date"] = str(D(2026, 6, 1) + days(R.randint(0, 75)))

complaints.sort(key=lambda x: (x["received"], x["customer"]["customer_id"]))
with open(os.path.join(ROOT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for k, cp in enumerate(complaints):
        rr = random.Random(k + 77)
        ts = "%sT%02d:%02d:%02d+08:00" % (cp["received"], rr.randint(8, 22), rr.randint(0, 59), rr.randint(0, 59))
        f.write(json.dumps(dict(complaint_id="D5-%04d" % (k + 1), received_at=ts, channel=rr.choice(CHANNELS),
                                customer_id=cp["customer"]["customer_id"], phone=cp["phone"], text=cp["text"],
                                attachments=["attachments/" + x for x in cp["files"]]), ensure_ascii=False) + "\n")
with open(os.path.join(ROOT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "id_number"])
    for c in sorted(customers.values(), key=lambda x: x["customer_id"]):
        w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"], c["id_number"]])
with open(os.path.join(ROOT, "materials_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"files": dict(sorted(truth.items()))}, f, ensure_ascii=False, indent=1)
print("files", len(truth), "complaints", len(complaints), "customers", len(customers))
