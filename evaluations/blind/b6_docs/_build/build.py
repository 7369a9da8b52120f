# Build the b6_docs blind evaluation set. Deterministic: SEED fixed; run with /work/main/.venv/bin/python.
import os, io, json, csv, random, datetime as dt, shutil, sys
import numpy as np
from PIL import Image, ImageDraw
sys.path.insert(0, os.path.dirname(__file__))
from lib import *

SEED = 20261130
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ATT = os.path.join(OUT, "attachments")
shutil.rmtree(ATT, ignore_errors=True); os.makedirs(ATT)
R = random.Random(SEED)

LENDER = "和瑞消费金融有限公司"
# ---------------- issuers ----------------
ISS = {
 "CO_A": ("深圳市华晟电子科技有限公司", TPL_CO, ""), "CO_B": ("深圳市华盛电子科技有限公司", TPL_CO, ""),
 "JOB_A": ("广州市天河区就业服务管理中心", TPL_JOB, "业务专用章"), "JOB_B": ("广州市海珠区就业服务管理中心", TPL_JOB, "业务专用章"),
 "ST_A": ("上海市浦东新区花木街道办事处", TPL_GOV, ""), "ST_B": ("上海市浦东新区洋泾街道办事处", TPL_GOV, ""),
 "MZ_A": ("成都市武侯区民政局", TPL_GOV, ""), "MZ_B": ("成都市锦江区民政局", TPL_GOV, ""),
 "H_A": ("杭州市第一人民医院", TPL_HOSP, "诊断证明专用章"), "H_B": ("杭州市第三人民医院", TPL_HOSP, "诊断证明专用章"),
 "H_C": ("重庆市渝中区人民医院", TPL_HOSP, "医务科专用章"), "H_D": ("重庆市江北区人民医院", TPL_HOSP, "医务科专用章"),
 "LAW_A": ("上海明德律师事务所", TPL_LAW, ""), "LAW_B": ("上海明理律师事务所", TPL_LAW, ""),
 "CO_S": ("苏州工业园区星海精密机械有限公司", TPL_CO, ""), "CO_T": ("武汉市江汉区恒远商贸有限公司", TPL_CO, ""),
 "ST_W": ("武汉市洪山区关山街道办事处", TPL_GOV, ""), "H_N": ("南京市江宁区人民医院", TPL_HOSP, "诊断证明专用章"),
 "H_W": ("武汉市第六人民医院", TPL_HOSP, "医务科专用章"),
 "CO_F": ("深圳市鼎泰物流有限公司", TPL_CO, ""),
 "FL1": ("深圳市诚和法律咨询有限公司", TPL_CO, ""), "FL2": ("广东正信律师事务所", TPL_LAW, ""),
 "FL3": ("湖南和衡法务服务有限公司", TPL_CO, ""), "FL4": ("北京德润律师事务所", TPL_LAW, ""),
 "FL5": ("上海锦程律师事务所", TPL_LAW, ""),
}
_sealn = [0]
def impression(key):
    _sealn[0] += 1
    name, tpl, bottom = ISS[key]
    return make_seal(tpl, name, bottom, seed=SEED + 101 * _sealn[0])

# ---------------- people ----------------
NAMES = ["张建华", "李秀英", "王磊", "刘芳", "陈志强", "杨静", "赵文博", "黄丽娟", "周明", "吴晓燕", "徐国庆", "孙婷婷",
 "马俊杰", "朱丹", "胡海波", "郭敏", "何伟", "林晓梅", "罗刚", "高雅琴", "梁振宇", "宋佳", "郑凯", "谢淑华", "韩冬",
 "唐欣怡", "冯志远", "于红", "董浩然", "萧雨", "程建军", "曹丽", "袁博", "邓晓琳", "许文杰", "傅慧", "沈立新", "曾小燕",
 "彭涛", "吕娜", "苏志明", "卢倩", "蒋一帆", "蔡玉兰", "贾鹏", "丁雪", "魏东升", "薛莉", "叶子豪", "阎春梅",
 "潘宇航", "杜美玲", "戴军", "夏琳", "钟永强", "汪婷"]
OLD_REG = ["440106", "440105", "310104", "310110", "510107", "510104", "330106", "330102", "500103", "500105",
           "420111", "420103", "320106", "110105", "430104", "410105"]
NEW_REG = [("310115", 1984), ("440307", 1986), ("110115", 1981), ("330110", 1979), ("320115", 1983), ("500112", 1988)]
def bdate(r, y0=1975, y1=2001, year=None):
    y = year or r.randint(y0, y1)
    return dt.date(y, r.randint(1, 12), r.randint(1, 28))
def person(r, region=None, year=None, female=None):
    b = bdate(r, year=year)
    seq = r.randint(10, 99) * 10 + r.randint(0, 9)
    if female is not None:
        if (seq % 2 == 0) != female:
            seq += 1 if seq % 10 != 9 else -1
    return make_id(region or r.choice(OLD_REG), b.strftime("%Y%m%d"), seq)
def gender(idn): return "男" if int(idn[16]) % 2 else "女"
def age(idn, on): b = dt.date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14])); return on.year - b.year - ((on.month, on.day) < (b.month, b.day))
def mkphone(r): return r.choice(["138", "139", "150", "151", "157", "177", "186", "188", "199", "135", "136", "183"]) + "".join(str(r.randint(0, 9)) for _ in range(8))
EXTRA_NAMES = ["张建平", "李秀云", "王蕾", "刘方", "陈智强", "杨菁", "赵雯", "黄立军", "周敏", "吴晓艳", "田桂芝", "石磊", "任志刚", "方雨晴", "孔德明"]

# ---------------- file plan ----------------
G, F = [], []
def g(fid, kind, iss, cap, **kw): G.append(dict(fid=fid, kind=kind, iss=iss, cap=cap, forged=False, kinds=[], **kw))
def f(fid, kind, iss, cap, kinds, **kw): F.append(dict(fid=fid, kind=kind, iss=iss, cap=cap, forged=True, kinds=kinds, **kw))
for i, (k, iss, cap) in enumerate([
 ("lizhi", "CO_A", "phone_photo"), ("lizhi", "CO_B", "scanner_jpeg"), ("lizhi", "CO_A", "wechat_jpeg"),
 ("shiye", "JOB_A", "wechat_jpeg"), ("shiye", "JOB_B", "phone_photo"), ("shiye", "JOB_A", "png"), ("shiye", "JOB_A", "scanner_jpeg"),
 ("pinkun", "ST_A", "pdf"), ("pinkun", "ST_B", "phone_photo"), ("pinkun", "ST_A", "scanner_jpeg"),
 ("dibao", "MZ_A", "scanner_jpeg"), ("dibao", "MZ_B", "wechat_jpeg"), ("dibao", "MZ_A", "phone_photo"),
 ("zhenduan", "H_A", "phone_photo"), ("zhenduan", "H_B", "wechat_jpeg"), ("zhenduan", "H_A", "scanner_jpeg"), ("zhenduan", "H_B", "pdf"),
 ("zhuyuan", "H_C", "pdf"), ("zhuyuan", "H_D", "phone_photo"), ("zhuyuan", "H_C", "png"), ("zhenduan", "H_D", "wechat_jpeg"),
 ("lawyer", "LAW_A", "pdf"), ("lawyer", "LAW_B", "phone_photo"), ("lawyer", "LAW_A", "scanner_jpeg"),
 ("siwang", "H_B", "phone_photo"), ("siwang", "H_C", "scanner_jpeg"), ("shouru", "CO_S", "pdf"), ("pinkun", "ST_W", "phone_photo"),
 ("zhenduan", "H_N", "pdf"), ("lizhi", "CO_T", "png"), ("zhuyuan", "H_W", "wechat_jpeg"), ("shiye", "JOB_B", "pdf"),
 ("lizhi", "CO_B", "phone_photo"), ("dibao", "MZ_B", "pdf"), ("zhenduan", "H_A", "png"), ("pinkun", "ST_B", "wechat_jpeg"),
 ("shouru", "CO_A", "scanner_jpeg"), ("zhuyuan", "H_D", "scanner_jpeg"), ("lawyer", "LAW_B", "pdf"), ("siwang", "H_A", "wechat_jpeg")]):
    g(f"g{i+1:02d}", k, iss, cap)
GX = {x["fid"]: x for x in G}
GX["g21"]["note"] = "phone photo forwarded via WeChat (recompressed twice, EXIF stripped)"; GX["g21"]["double"] = True
GX["g29"]["benign_incremental"] = True
GX["g33"]["heavy_blur"] = True

f("fL1", "lawyer", "FL1", "pdf", ["uscc_as_lawyer_licence"], lic=("91", "440300", "MA5G7K2L"))
f("fL2", "lawyer", "FL2", "phone_photo", ["uscc_as_lawyer_licence"], lic=("31", "440000", "E3821657"))
f("fL3", "lawyer", "FL3", "wechat_jpeg", ["uscc_as_lawyer_licence"], lic=("91", "430100", "MA4P9QX3"))
f("fL4", "lawyer", "FL4", "pdf", ["uscc_as_lawyer_licence"], lic=("31", "110000", "E0062315"))
f("fL5", "lawyer", "FL5", "scanner_jpeg", ["uscc_as_lawyer_licence", "invalid_id_number"], lic=("31", "310000", "E1187344"), badid="check")
f("fE1", "shiye", "JOB_B", "phone_photo", ["edited_image"], edit=["name"])
f("fE2", "zhenduan", "H_A", "scanner_jpeg", ["edited_image"], edit=["name", "id"], ps=True)
f("fE3", "pinkun", "ST_B", "wechat_jpeg", ["edited_image"], edit=["name"])
f("fE4", "zhuyuan", "H_D", "scanner_jpeg", ["edited_image", "date_inconsistent"], edit=["adm"])
for grp, (k, iss, cap, n) in {"R1": ("shiye", "JOB_A", "wechat_jpeg", 2), "R2": ("zhenduan", "H_C", "phone_photo", 2),
                              "R3": ("dibao", "MZ_A", "pdf", 2), "R4": ("lizhi", "CO_B", "scanner_jpeg", 2)}.items():
    for j in range(n):
        f(f"f{grp}{'abc'[j]}", k, iss, cap, ["reused_across_borrowers"], group=grp)
f("fP1", "zhenduan", "H_B", "pdf", ["edited_pdf_incremental"])
f("fP2", "pinkun", "ST_A", "pdf", ["edited_pdf_incremental"])
f("fP3", "lizhi", "CO_A", "pdf", ["edited_pdf_incremental"])
f("fS1", "zhenduan", "H_B", "phone_photo", ["seal_copied_across_issuers"], seal_from="g16")
f("fS2", "pinkun", "ST_B", "scanner_jpeg", ["seal_copied_across_issuers"], seal_from="g08")
f("fS3", "lizhi", "CO_F", "wechat_jpeg", ["seal_copied_across_issuers"], seal_from="g01")
f("fM1", "zhenduan", "H_A", "wechat_jpeg", ["name_id_mismatch"], mm="similar_name")
f("fM2", "lizhi", "CO_B", "phone_photo", ["name_id_mismatch"], mm="other_customer_id")
f("fM3", "dibao", "MZ_B", "pdf", ["name_id_mismatch"], mm="birth_altered")
f("fM4", "siwang", "H_D", "scanner_jpeg", ["name_id_mismatch"], mm="other_person")
f("fM5", "shiye", "JOB_B", "png", ["name_id_mismatch"], mm="fabricated_id")
f("fD1", "zhenduan", "H_C", "phone_photo", ["date_inconsistent"], dd="after_received")
f("fD2", "pinkun", "ST_A", "wechat_jpeg", ["date_inconsistent"], dd="feb30")
f("fD3", "zhuyuan", "H_D", "pdf", ["date_inconsistent"], dd="discharge_before_admission")
f("fI1", "lizhi", "CO_A", "scanner_jpeg", ["invalid_id_number"], badid="check")
f("fI2", "zhenduan", "H_B", "phone_photo", ["invalid_id_number"], badid="birth")
f("fI3", "shiye", "JOB_A", "wechat_jpeg", ["invalid_id_number"], badid="region")
FILES = G + F
FX = {x["fid"]: x for x in FILES}

# ---------------- owners & customers ----------------
NC = len(NAMES)
order = FILES[:]
for attempt in range(1000):
    R.shuffle(order)
    owner = {x["fid"]: i % NC for i, x in enumerate(order)}
    ok = True
    for grp in ["R1", "R2", "R3", "R4"]:
        os_ = [owner[x["fid"]] for x in FILES if x.get("group") == grp]
        if len(set(os_)) != len(os_): ok = False
    # a customer should not own two files of the same forged group or two fS/fP of same kind: keep simple
    if ok: break
owned = {}
for fid, c in owner.items(): owned.setdefault(c, []).append(fid)
all_genuine = [c for c in range(NC) if all(not FX[x]["forged"] for x in owned[c])]
newreg_c = set(R.sample(all_genuine, len(NEW_REG)))
custs = []
nr = iter(NEW_REG)
for c in range(NC):
    nm = NAMES[c]
    female = nm[-1] in "英芳静娟燕婷丹敏梅琴佳华红丽琳慧燕娜倩兰雪莉梅玲琳"
    if c in newreg_c:
        reg, yr = next(nr); idn = person(R, reg, yr, female)
    else:
        idn = person(R, female=female)
    rec = R.choice([dt.datetime(2026, 4, 1, 8), dt.datetime(2026, 5, 1, 8)]) + dt.timedelta(days=R.randint(0, 29), hours=R.randint(0, 12), minutes=R.randint(0, 59), seconds=R.randint(0, 59))
    custs.append(dict(customer_id=f"K6{c+1:04d}", name=nm, phone=mkphone(R), principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000, 80000]) + R.randint(0, 99) * 10,
                      next_due_date=(rec.date() + dt.timedelta(days=R.randint(3, 40))).isoformat(), overdue_days=R.choice([0, 0, 3, 12, 25, 34, 47, 61, 90, 118]),
                      id_number=idn, received=rec))

# dates: reused groups share one issue date before every member's complaint
gdate = {}
for grp in ["R1", "R2", "R3", "R4"]:
    mem = [owner[x["fid"]] for x in FILES if x.get("group") == grp]
    gdate[grp] = min(custs[c]["received"] for c in mem).date() - dt.timedelta(days=R.randint(6, 30))
for x in FILES:
    c = custs[owner[x["fid"]]]
    x["cust"] = c
    x["date"] = gdate[x["group"]] if x.get("group") else c["received"].date() - dt.timedelta(days=R.randint(3, 45))

# ---------------- document content ----------------
def pick(r, seq): return seq[r.randint(0, len(seq) - 1)]
ADDR = {"CO": "广东省深圳市南山区科技园南区", "JOB": "广州市", "ST": "上海市浦东新区", "MZ": "成都市", "H": "", "LAW": "上海市黄浦区"}
def sign(pg, issuer, date_s, seal_img, y=None):
    y = y or max(pg.y + 80, 1020)
    f30 = 26
    pg.text(880, y, issuer, f30, "ra", tag="issuer")
    pg.text(880, y + 50, date_s, f30, "ra", tag="date")
    w = font(f30).getlength(issuer)
    if seal_img is not None:
        pg.seal(880 - min(w, 300) / 2, y + 30, seal_img)

def build_page(x, name, idn, seal_img, r):
    k, iss = x["kind"], ISS[x["iss"]][0]
    d = x["date"]; ds = x.get("date_str") or cn_date(d)
    pg = Page()
    if k == "lizhi":
        pg.text(500, 170, "离 职 证 明", 46, "ma"); pg.y = 300
        start = d.replace(year=d.year - r.randint(1, 6), day=1) - dt.timedelta(days=r.randint(0, 200))
        end = x.get("end") or d - dt.timedelta(days=r.randint(0, 20))
        dept, pos = pick(r, [("生产部", "操作工"), ("销售部", "销售专员"), ("仓储部", "仓管员"), ("行政部", "行政助理"), ("研发部", "测试工程师")])
        pg.para([("兹证明", None), (name, "name"), ("（身份证号：", None), (idn, "id"), (f"）自{cn_date(start)}起在我公司{dept}担任{pos}，于", None),
                 (cn_date(end), "end"), (f"因{pick(r, ['公司业务调整', '个人原因', '劳动合同期满不再续签', '岗位裁撤'])}与我公司解除劳动合同，现已办理完毕离职交接手续，与我公司不再存在劳动关系。", None)])
        pg.para([("特此证明。", None)])
        pg.y += 30; pg.text(100, pg.y, f"联系电话：0755-{r.randint(20000000, 89999999)}", 22)
        sign(pg, iss, ds, seal_img)
    elif k == "shouru":
        pg.text(500, 170, "收 入 证 明", 46, "ma"); pg.y = 300
        pg.para([("兹证明", None), (name, "name"), ("（身份证号：", None), (idn, "id"), (f"）系我公司员工，自{cn_date(d)}起因公司停工减产，岗位调整为待岗，待岗期间每月仅发放基本生活费人民币{pick(r, ['1800', '2000', '2200'])}元（税前）。", None)])
        pg.para([("特此证明。本证明仅用于证明该员工收入情况。", None)])
        sign(pg, iss, ds, seal_img)
    elif k == "shiye":
        pg.text(500, 120, iss, 30, "ma", tag="issuer_head")
        pg.text(500, 190, "失业登记证明", 46, "ma")
        pg.text(880, 270, f"编号：{x.get('docno') or 'SY' + d.strftime('%Y%m') + str(r.randint(1000, 9999))}", 22, "ra")
        pg.y = 340
        rows = [("姓　　名：", name, "name"), ("性　　别：", gender(idn) if len(idn) == 18 and idn[16].isdigit() else "男", None), ("身份证号：", idn, "id"),
                ("登记日期：", cn_date(x.get("regdate") or d - dt.timedelta(days=r.randint(10, 90))), "regdate"),
                ("失业原因：", pick(r, ["单位裁员", "劳动合同终止", "单位经营困难解除合同", "个人原因离职"]), None), ("人员类别：", "城镇登记失业人员", None)]
        for lab, val, tg in rows:
            pg.text(140, pg.y, lab, 26); pg.text(140 + font(26).getlength(lab), pg.y, val, 26, tag=tg); pg.y += 58
        pg.y += 30
        pg.para([("经核实，上述人员已在我中心办理失业登记，目前处于失业状态，登记信息真实有效。", None)])
        pg.para([("特此证明。", None)])
        sign(pg, iss, ds, seal_img)
    elif k in ("pinkun", "dibao"):
        pg.text(500, 170, "家庭经济困难证明" if k == "pinkun" else "最低生活保障证明", 44, "ma"); pg.y = 300
        if k == "pinkun":
            sit = pick(r, ["其配偶长期患病需常年服药", "其本人于今年初失业至今未能再就业", "其父母年迈多病，子女尚在读书", "家中主要劳动力因伤丧失劳动能力"])
            pg.para([("兹有我辖区居民", None), (name, "name"), ("（身份证号：", None), (idn, "id"), (f"），现住本辖区{pick(r, ['东明路', '杨高中路', '锦绣路', '民生路', '关山大道'])}{r.randint(10, 999)}弄{r.randint(1, 40)}号。{sit}，家庭经济十分困难，无稳定收入来源，以上情况属实。", None)])
        else:
            pg.para([("兹证明", None), (name, "name"), ("（身份证号：", None), (idn, "id"), (f"）家庭，经审核符合城乡居民最低生活保障条件，自{cn_date(d - dt.timedelta(days=r.randint(60, 400)))}起纳入最低生活保障范围，保障人口{r.randint(1, 4)}人，月保障金额{r.randint(6, 12) * 100}元。", None)])
        pg.para([("特此证明。", None)])
        sign(pg, iss, ds, seal_img)
    elif k in ("zhenduan", "zhuyuan", "siwang"):
        pg.text(500, 110, iss, 34, "ma", tag="issuer_head")
        title = {"zhenduan": "诊 断 证 明 书", "zhuyuan": "住 院 证 明", "siwang": "居民死亡医学证明（推断）书"}[k]
        pg.text(500, 175, title, 40, "ma"); pg.line(90, 250, 910, 250, 3)
        pg.y = 280
        def row(parts):
            xx = 110
            for lab, val, tg in parts:
                pg.text(xx, pg.y, lab, 25); xx += font(25).getlength(lab)
                pg.text(xx, pg.y, val, 25, tag=tg); xx += font(25).getlength(val) + 40
            pg.y += 56
        gd = gender(idn) if len(idn) == 18 and idn[16].isdigit() else "男"
        try: ag = str(age(idn, d if isinstance(d, dt.date) else dt.date(2026, 4, 1)))
        except Exception: ag = "37"
        if k == "siwang":
            dn, did, rel = x["deceased"]
            dd_ = x.get("death") or d - dt.timedelta(days=r.randint(2, 20))
            row([("死者姓名：", dn, "dname"), ("性别：", gender(did), None)])
            row([("死者身份证号：", did, "did")])
            row([("死亡日期：", cn_date(dd_), "death"), ("死亡地点：", "医疗卫生机构", None)])
            row([("直接死亡原因：", pick(r, ["急性心肌梗死", "呼吸循环衰竭", "脑出血", "多器官功能衰竭"]), None)])
            row([("申报人姓名：", name, "name"), ("与死者关系：", rel, None)])
            row([("申报人身份证号：", idn, "id")])
            pg.y += 40
            row([("医师签名：", pick(r, ["王立平", "陈红", "刘建国", "赵敏"]), None)])
        else:
            row([("姓名：", name, "name"), ("性别：", gd, None), ("年龄：", ag + "岁", None)])
            row([("科室：", pick(r, ["心内科", "神经内科", "骨科", "肿瘤科", "肾内科", "普外科"]), None), ("门诊号：", str(r.randint(10000000, 99999999)), None)])
            row([("身份证号：", idn, "id")])
            diag = pick(r, ["腰椎间盘突出症（L4/5）", "2型糖尿病伴周围神经病变", "乳腺恶性肿瘤（术后）", "慢性肾功能不全（CKD4期）", "脑梗死后遗症", "胫腓骨骨折"])
            if k == "zhuyuan":
                adm = x.get("adm") or d - dt.timedelta(days=r.randint(12, 30))
                dis = x.get("dis") or adm + dt.timedelta(days=r.randint(5, 11))
                row([("入院日期：", x.get("adm_str") or cn_date(adm), "adm")])
                row([("出院日期：", cn_date(dis), "dis"), ("住院天数：", f"{abs((dis - adm).days)}天", None)])
                row([("出院诊断：", diag, "diag")])
                pg.y += 20
                pg.para([("该患者于上述期间在我院住院治疗，出院后需继续休息治疗，定期复查。特此证明。", None)], size=25)
            else:
                row([("临床诊断：", diag, "diag")])
                pg.y += 20
                pg.para([("处理意见：", None), (pick(r, ["建议全休三个月，避免重体力劳动，定期门诊复查。", "需长期规律服药治疗，建议休息一个月。", "建议住院进一步治疗，期间需专人陪护。"]), None)], size=25)
                pg.y += 10
                row([("医师：", pick(r, ["李卫东", "孙丽", "周国平", "吴静"]), None)])
        sign(pg, iss, ds, seal_img, y=1080)
    elif k == "lawyer":
        pg.text(500, 100, iss, 34, "ma", tag="issuer_head")
        pg.text(500, 152, f"地址：{pick(r, ['上海市黄浦区延安东路', '深圳市福田区深南大道', '北京市朝阳区建国路', '长沙市岳麓区麓谷大道'])}{r.randint(10, 999)}号  电话：{x['lphone']}", 18, "ma")
        pg.line(90, 190, 910, 190, 3)
        pg.text(500, 225, "律 师 函", 44, "ma")
        pg.text(500, 292, f"（2026）{iss[2:4]}律函字第{r.randint(10, 399)}号", 22, "ma")
        pg.y = 350
        pg.text(100, pg.y, f"致：{LENDER}", 24); pg.y += 56
        pg.para([(f"{iss}（以下简称“本所”）接受", None), (name, "name"), ("（身份证号：", None), (idn, "id"), (f"）的委托，指派{x['lawyer']}律师就委托人与贵司之间的借款合同纠纷事宜，郑重致函如下：", None)], size=23)
        pg.para([(f"一、委托人因{pick(r, ['突发疾病', '失业', '家庭变故', '经营失败'])}，目前确无还款能力，并非恶意拖欠。", None)], size=23)
        pg.para([("二、贵司及委托的催收机构在催收过程中多次联系委托人亲友，已严重影响委托人正常生活。", None)], size=23)
        pg.para([("三、请贵司自收到本函之日起七日内停止一切催收行为，并与本所律师协商停息挂账、分期还款方案。", None)], size=23)
        pg.y += 10
        pg.text(100, pg.y, f"承办律师：{x['lawyer']}", 23); pg.text(420, pg.y, "执业证号：", 23); pg.text(420 + font(23).getlength("执业证号："), pg.y, x["lic"], 23, tag="lic"); pg.y += 48
        pg.text(100, pg.y, f"联系电话：{x['lphone']}", 23); pg.y += 40
        sign(pg, iss, ds, seal_img, y=1120)
    return pg

def lic17(r):
    return "1" + r.choice(["3101", "3102", "4403", "1101"]) + str(r.randint(2008, 2020)) + "1" + str(r.randint(0, 1)) + f"{r.randint(0, 999999):06d}"

# ---------------- per-file content decisions ----------------
LAWYERS = ["周立新", "陈雅琴", "黄振华", "许明", "林海涛", "吕婷", "孙建国", "方慧"]
for x in FILES:
    r = random.Random(f"{SEED}-{x['fid']}")
    c = x["cust"]
    x["name"], x["id"] = c["name"], c["id_number"]
    if x["kind"] == "lawyer":
        x["lawyer"] = r.choice(LAWYERS); x["lphone"] = mkphone(r)
        x["lic"] = make_uscc(*x["lic"]) if x.get("lic") else lic17(r)
    if x["kind"] == "siwang":
        rel = r.choice(["配偶", "子女", "父子" if gender(x["id"]) == "男" else "母女"])
        x["deceased"] = (r.choice(["王桂兰", "李德明", "张国栋", "刘秀珍", "陈永福"]), person(r), rel)
    b = x.get("badid")
    if b == "check":
        good = x["id"]; x["id"] = good[:17] + r.choice([ch for ch in "0123456789X" if ch != good[17]])
        x["note"] = "ID number on the document fails the GB 11643 check digit (otherwise equals the borrower's ID)"
    elif b == "birth":
        s17 = x["id"][:6] + x["id"][6:10] + "0231" + x["id"][14:17]; x["id"] = s17 + id_check(s17)
        x["note"] = "ID number has impossible birth date (Feb 31) though its check digit is consistent"
    elif b == "region":
        s17 = "990203" + x["id"][6:17]; x["id"] = s17 + id_check(s17)
        x["note"] = "ID number uses non-existent administrative division code 990203 (check digit consistent)"
    mm = x.get("mm")
    if mm == "similar_name":
        x["name"] = {"张建华": "张建平"}.get(c["name"], c["name"][0] + r.choice(["文", "志", "晓", "立"]) + c["name"][-1] if len(c["name"]) == 3 else c["name"][0] + r.choice(["蕾", "方", "敏"]))
        x["note"] = f"name on document ({x['name']}) differs from borrower {c['name']}; ID is the borrower's"
    elif mm == "other_customer_id":
        other = custs[(owner[x["fid"]] + 7) % NC]; x["id"] = other["id_number"]
        x["note"] = f"borrower's name but ID belongs to another customer ({other['customer_id']})"
    elif mm == "birth_altered":
        bd = dt.date(int(x["id"][6:10]), int(x["id"][10:12]), int(x["id"][12:14])) + dt.timedelta(days=r.choice([-400, 365, 731]))
        s17 = x["id"][:6] + bd.strftime("%Y%m%d") + x["id"][14:17]; x["id"] = s17 + id_check(s17)
        x["note"] = "borrower's name but ID birth date differs from borrower's ID (valid checksum)"
    elif mm == "other_person":
        x["name"] = r.choice(EXTRA_NAMES); x["id"] = person(r)
        x["note"] = "declarant name and ID are a different person, not the complaining borrower"
    elif mm == "fabricated_id":
        x["id"] = person(r, region=x["id"][:6])
        x["note"] = "borrower's name with a different (checksum-valid) ID number"
    dd = x.get("dd")
    if dd == "after_received":
        x["date"] = c["received"].date() + dt.timedelta(days=r.randint(6, 18))
        x["note"] = "issue date is after the complaint's received_at"
    elif dd == "feb30":
        x["date_str"] = "2026年2月30日"; x["note"] = "issue date 2026年2月30日 does not exist"
    elif dd == "discharge_before_admission":
        adm = x["date"] - dt.timedelta(days=8); x["adm"] = adm; x["dis"] = adm - dt.timedelta(days=6)
        x["note"] = "discharge date precedes admission date"
    if x.get("group"):
        x["docno"] = "SY202603" + "4417"

# originals for edits
for x in FILES:
    r = random.Random(f"{SEED}-orig-{x['fid']}")
    if "edited_image" in x["kinds"] or "edited_pdf_incremental" in x["kinds"]:
        cn = x["cust"]["name"]
        cands = [n for n in EXTRA_NAMES if len(n) == len(cn) and n != cn]
        x["orig_name"] = r.choice(cands)
        x["orig_id"] = person(r, female=gender(x["cust"]["id_number"]) == "女")
        if x["kind"] == "zhuyuan" and "adm" in x.get("edit", []):
            x["adm"] = x["date"] - dt.timedelta(days=r.randint(15, 25))
            x["adm_str_new"] = "2026年4月31日" if x["date"] > dt.date(2026, 5, 10) else "2026年2月30日"
            x["dis"] = x["date"] - dt.timedelta(days=r.randint(2, 5))

# ---------------- rendering ----------------
IMPR = {}
def when_photo(x, r):
    if x.get("group"):
        return dt.datetime.combine(x["date"], dt.time(10, 13, 27))
    d = x["date"] if isinstance(x["date"], dt.date) else x["cust"]["received"].date()
    lim = x["cust"]["received"] - dt.timedelta(hours=2)
    t = dt.datetime.combine(d, dt.time(9)) + dt.timedelta(hours=r.randint(0, 30), minutes=r.randint(0, 59))
    return min(t, lim) if t > lim and d <= lim.date() else t

def patch_text(im, box_pts, new, size, fill_col=None, crisp=True, dy=0):
    xs = [p[0] for p in box_pts]; ys = [p[1] for p in box_pts]
    x0, y0, x1, y1 = int(min(xs)) - 4, int(min(ys)) - 4, int(max(xs)) + 6, int(max(ys)) + 5
    a = np.asarray(im)
    if fill_col is None:
        ring = np.concatenate([a[y0 - 6:y0 - 2, x0:x1].reshape(-1, 3), a[y1 + 2:y1 + 6, x0:x1].reshape(-1, 3)])
        fill_col = tuple(int(v) for v in np.median(ring, axis=0))
    d = ImageDraw.Draw(im)
    d.rectangle([x0, y0, x1, y1], fill=fill_col)
    d.text((min(xs), min(ys) + dy), new, font=font(size), fill=(38, 38, 44))
    return im

def page_for(x, name, idn, seal):
    return build_page(x, name, idn, seal, random.Random(f"{SEED}-page-{x.get('group') or x['fid']}"))

def render(x):
    fid = x["fid"]; path = os.path.join(ATT, x["out"]); cap = x["cap"]
    r = random.Random(f"{SEED}-cap-{x.get('group') or fid}")
    rng = np.random.default_rng([SEED] + [ord(ch) for ch in (x.get("group") or fid)])
    seal = IMPR.get(x["seal_from"]) if x.get("seal_from") else None
    if seal is None:
        srng = random.Random(f"{SEED}-seal-{x.get('group') or fid}")
        seal = make_seal(ISS[x["iss"]][1], ISS[x["iss"]][0], ISS[x["iss"]][2], seed=srng.randint(1, 10**9))
    IMPR[fid] = seal
    edited = x.get("edit")
    name0 = x.get("orig_name", x["name"]) if (edited or "edited_pdf_incremental" in x["kinds"]) else x["name"]
    id0 = x.get("orig_id", x["id"]) if (edited and "id" in edited) or "edited_pdf_incremental" in x["kinds"] else x["id"]
    if edited and "name" not in edited: name0 = x["name"]
    if edited and "adm" in edited: x["adm_str"] = None
    pg = page_for(x, name0, id0, seal)
    when = when_photo(x, r)
    if cap == "pdf":
        creator = r.choice(["Microsoft® Word 2016", "WPS 文字", "HIS-Print 3.2", "电子证照服务平台"])
        buf = io.BytesIO()
        render_pdf(pg, buf, title=ISS[x["iss"]][0], creator=creator, created=dt.datetime.combine(x["date"], dt.time(r.randint(9, 16), r.randint(0, 59))))
        data = buf.getvalue()
        if "edited_pdf_incremental" in x["kinds"] or x.get("benign_incremental"):
            from pypdf import PdfReader, PdfWriter
            from reportlab.pdfgen import canvas as rc
            from reportlab.lib.pagesizes import A4
            w = PdfWriter(io.BytesIO(data), incremental=True)
            if x.get("benign_incremental"):
                w.add_metadata({"/Keywords": f"验证码:{r.randint(10**7, 10**8 - 1)}", "/ModDate": when.strftime("D:%Y%m%d%H%M%S+08'00'")})
            else:
                ov = io.BytesIO(); c = rc.Canvas(ov, pagesize=A4, invariant=1); k = A4[0] / PW
                c.setFont("wqy", 1)
                for tg, new in (("name", x["name"]), ("id", x["id"])):
                    x0, y0, x1, y1, size, _ = pg.tags[tg]
                    c.setFillColorRGB(1, 1, 1); c.rect((x0 - 2) * k, A4[1] - (y1 + 2) * k, (x1 - x0 + 4) * k, (y1 - y0 + 4) * k, stroke=0, fill=1)
                    c.setFillColorRGB(0.09, 0.09, 0.11); c.setFont("wqy", size * k); c.drawString(x0 * k, A4[1] - (y0 + size * 0.93) * k, new)
                c.showPage(); c.save()
                w.pages[0].merge_page(PdfReader(io.BytesIO(ov.getvalue())).pages[0])
                w.add_metadata({"/ModDate": min(when + dt.timedelta(days=r.randint(3, 20)), x["cust"]["received"] - dt.timedelta(hours=3)).strftime("D:%Y%m%d%H%M%S+08'00'"), "/Producer": "Foxit PhantomPDF"})
            out = io.BytesIO(); w.write(out); data = out.getvalue()
        open(path, "wb").write(data)
        return
    doc = render_pil(pg)
    if cap == "png":
        screenshot(doc, rng, when).save(path, "PNG", optimize=True); return
    if cap == "scanner_jpeg":
        im = scanner(doc, rng)
        if edited:
            for tg in edited:
                x0, y0, x1, y1, size, old = pg.tags[tg]
                new = {"name": x["name"], "id": x["id"], "adm": x.get("adm_str_new")}[tg]
                patch_text(im, [(x0, y0), (x1, y1)], new, size + 1, fill_col=(255, 255, 255) if x.get("ps") else None, dy=2)
            soft = "Adobe Photoshop 25.0 (Windows)" if x.get("ps") else None
            if soft:
                e = Image.Exif(); e[305] = soft; e[306] = when.strftime("%Y:%m:%d %H:%M:%S")
                im.save(path, "JPEG", quality=92, exif=e.tobytes())
            else:
                im.save(path, "JPEG", quality=90)
            return
        save_scanner(im, path, rng, software=r.choice([None, None, "EPSON Scan 2"])); return
    # phone based
    im, Hd = phone_photo(doc, rng)
    if x.get("heavy_blur"):
        from PIL import ImageFilter
        im = im.filter(ImageFilter.GaussianBlur(2.2))
    if edited:
        for tg in edited:
            x0, y0, x1, y1, size, old = pg.tags[tg]
            pts = [apply_h(Hd, px, py) for px, py in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]]
            scale = (apply_h(Hd, x1, y0)[0] - apply_h(Hd, x0, y0)[0]) / (x1 - x0)
            new = {"name": x["name"], "id": x["id"]}[tg]
            patch_text(im, pts, new, size * scale)
    if cap == "phone_photo":
        if edited:
            save_phone(im, path, random.Random(fid), when, q=95)  # camera EXIF kept by editing app
        else:
            save_phone(im, path, r, when)
    else:  # wechat_jpeg
        if x.get("double"):
            b = io.BytesIO(); im.save(b, "JPEG", quality=80); b.seek(0); im = Image.open(b).convert("RGB")
            wechat(im, path, rng)
        elif r.random() < 0.5 and not edited:
            wechat(scanner(doc, rng), path, rng)
        else:
            wechat(im, path, rng)

KIND_CN = {"lizhi": "离职证明", "shiye": "失业登记证明", "pinkun": "家庭经济困难证明", "dibao": "最低生活保障证明", "zhenduan": "诊断证明书",
           "zhuyuan": "住院证明", "siwang": "居民死亡医学证明（推断）书", "lawyer": "律师函", "shouru": "收入证明"}
EXT = {"pdf": "pdf", "png": "png"}
# file names: neutral, not revealing truth
fn_rng = random.Random(SEED + 7)
used = set()
for x in FILES:
    while True:
        stem = fn_rng.choice(["IMG_", "mmexport", "scan_", "微信图片_", "附件_", "Screenshot_", "doc_"])
        if x["cap"] == "phone_photo": stem = fn_rng.choice(["IMG_", "IMG_2026", "P2026"])
        elif x["cap"] == "wechat_jpeg": stem = fn_rng.choice(["mmexport", "微信图片_2026"])
        elif x["cap"] == "scanner_jpeg": stem = fn_rng.choice(["scan_", "SCAN", "扫描件_"])
        elif x["cap"] == "png": stem = fn_rng.choice(["Screenshot_2026", "截屏_"])
        else: stem = fn_rng.choice([KIND_CN[x["kind"]] + "_", "doc_", "附件"])
        nm = f"{stem}{fn_rng.randint(1000, 99999999)}.{EXT.get(x['cap'], 'jpg')}"
        if nm not in used: used.add(nm); break
    x["out"] = nm
for x in G: render(x)
for x in F: render(x)

# ---------------- complaints ----------------
TPL = ["本人因{why}，目前确实无力偿还借款，现提供{doc}（见附件），请求贵司停止催收并协商延期还款。",
       "附件是我的{doc}，我现在{why}，没有收入来源，希望能减免罚息和违约金，分期偿还本金。",
       "你们的催收电话已经打到我家人那里，严重影响生活。我{why}，{doc}已上传，要求停止暴力催收。",
       "我是借款人{name}，{why}，按要求补充{doc}，请尽快处理我的停息挂账申请。",
       "申请个性化分期。{doc}见附件，本人{why}，无法按期还款。",
       "监管部门转来：借款人反映{why}，无力还款，并提交了{doc}，请核实处理。",
       "本人已委托律师处理与贵司的借款纠纷，{doc}见附件，请贵司七日内与律师联系。",
       "材料已补交（{doc}），望贵司体谅我{why}的实际困难，暂停计收利息。"]
WHY = {"lizhi": "公司裁员已离职", "shiye": "失业在家", "pinkun": "家庭经济困难", "dibao": "家里吃低保", "zhenduan": "生病需要长期治疗",
       "zhuyuan": "刚做完手术住院", "siwang": "家人去世家中变故", "lawyer": "经济困难", "shouru": "单位停工只发生活费"}
byc = {}
for x in FILES: byc.setdefault(owner[x["fid"]], []).append(x)
complaints = []
for ci in sorted(byc, key=lambda c: custs[c]["received"]):
    c = custs[ci]; xs = byc[ci]; r = random.Random(f"{SEED}-cmp-{ci}")
    k0 = xs[0]["kind"]
    docs = "、".join(dict.fromkeys(KIND_CN[x["kind"]] for x in xs))
    t = TPL[6] if k0 == "lawyer" and r.random() < 0.7 else r.choice([T for T in TPL if T != TPL[6]])
    complaints.append(dict(received_at=c["received"].strftime("%Y-%m-%dT%H:%M:%S+08:00"), channel=r.choice(["app", "app", "hotline", "email", "regulator", "social", "other"]),
                           customer_id=c["customer_id"], phone=c["phone"] if r.random() < 0.85 else mkphone(r),
                           text=t.format(why=WHY[k0], doc=docs, name=c["name"]), attachments=[f"attachments/{x['out']}" for x in xs]))
for i, cp in enumerate(complaints): cp["complaint_id"] = f"D6-{i+1:04d}"
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as fh:
    for cp in complaints:
        fh.write(json.dumps({k: cp[k] for k in ["complaint_id", "received_at", "channel", "customer_id", "phone", "text", "attachments"]}, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", newline="", encoding="utf-8") as fh:
    w = csv.writer(fh); w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "id_number"])
    for c in custs:
        if any(owner[x["fid"]] == custs.index(c) for x in FILES):
            w.writerow([c[k] for k in ["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "id_number"]])

# ---------------- truth ----------------
KDESC = {"uscc_as_lawyer_licence": "执业证号 is an 18-char USCC (GB 32100 check valid) of a firm/company, not a 17-digit lawyer licence",
         "edited_image": "text region pasted over after capture (flat fill, crisp re-typed text, recompressed)",
         "reused_across_borrowers": "same document (same number, date, seal impression, capture) as {peers}, only name/ID changed",
         "edited_pdf_incremental": "incremental update overlays white box + new name/ID (original {orig} / {origid} remains underneath), ModDate/Producer changed",
         "seal_copied_across_issuers": "seal impression pixel-copied from {src} ({srciss}) onto a document headed {iss}"}
truth = {}
for x in FILES:
    notes = []
    if x.get("note"): notes.append(x["note"])
    for k in x["kinds"]:
        if k in KDESC:
            peers = [f"attachments/{y['out']}" for y in FILES if y.get("group") and y.get("group") == x.get("group") and y is not x]
            src = FX.get(x.get("seal_from"), {})
            notes.append(KDESC[k].format(peers=", ".join(peers), orig=x.get("orig_name"), origid=x.get("orig_id"),
                                         src=f"attachments/{src.get('out')}" if src else "", srciss=ISS[src["iss"]][0] if src else "", iss=ISS[x["iss"]][0]))
    if "edited_image" in x["kinds"]:
        notes.append((f"original name {x.get('orig_name')}" if 'name' in x.get('edit', []) else "name not edited") + (f", original ID {x.get('orig_id')}" if 'id' in x.get('edit', []) else "") + (f", admission date changed to {x.get('adm_str_new')}" if 'adm' in x.get('edit', []) else ""))
    if x.get("benign_incremental"): notes.append("genuine e-document PDF with a benign incremental update (platform adds verification code to /Keywords); text unchanged")
    if not x["forged"] and x["cust"]["id_number"][:6] in dict(NEW_REG): notes.append(f"borrower ID district code {x['cust']['id_number'][:6]} created after birth year (legitimate)")
    pair = {"CO_A": "CO_B", "CO_B": "CO_A", "JOB_A": "JOB_B", "JOB_B": "JOB_A", "ST_A": "ST_B", "ST_B": "ST_A", "MZ_A": "MZ_B", "MZ_B": "MZ_A",
            "H_A": "H_B", "H_B": "H_A", "H_C": "H_D", "H_D": "H_C", "LAW_A": "LAW_B", "LAW_B": "LAW_A"}
    if not x["forged"] and x["iss"] in pair: notes.append(f"seal template shared with {ISS[pair[x['iss']]][0]} (differs only in ring text)")
    if not x["forged"] and x["kind"] == "lawyer": notes.append(f"17-digit lawyer licence {x['lic']}")
    truth[f"attachments/{x['out']}"] = dict(forged=x["forged"], kinds=x["kinds"], doc_type=KIND_CN[x["kind"]], capture=x["cap"], note="; ".join([f"issuer {ISS[x['iss']][0]}; owner {x['cust']['customer_id']}"] + notes))
json.dump({"files": truth}, open(os.path.join(OUT, "materials_truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("files", len(FILES), "complaints", len(complaints), "customers", len(byc))
