# Build script for b22_docs. Seeds: random.Random(22022), numpy default_rng(7022 + file index).
import io, json, os, random, datetime as dt, csv, copy
import numpy as np
from PIL import Image, ImageDraw
import lib
from lib import font

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ATT = os.path.join(OUT, "attachments")
os.makedirs(ATT, exist_ok=True)
R = random.Random(22022)
LENDER = "安和消费金融有限公司"

# ------------------------------------------------------------ customers
SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIV_M = ["建国", "志强", "海涛", "俊杰", "文博", "浩然", "国庆", "永刚", "晓东", "伟", "磊", "鹏", "振华", "家豪", "子轩", "明辉", "立新", "宏伟"]
GIV_F = ["丽娟", "秀英", "婷婷", "雅琴", "晓燕", "慧敏", "静", "娜", "芳", "桂兰", "玉梅", "思雨", "欣怡", "春花", "美玲", "红霞"]
# (region, note) -- some district codes created after typical birth years
REGIONS = ["330110", "500117", "440118", "320115", "340104", "510107", "360121", "420111", "110105",
           "440305", "330106", "370202", "430104", "610113", "350203", "210102", "120104", "130102"]
custs = []
used_names = set()
for i in range(84):
    male = R.random() < 0.5
    while True:
        nm = R.choice(SUR) + R.choice(GIV_M if male else GIV_F)
        if nm not in used_names:
            used_names.add(nm); break
    by = R.randint(1972, 2001)
    bd = dt.date(by, R.randint(1, 12), R.randint(1, 28))
    seq = R.randint(10, 499) * 2 + (1 if male else 0)
    seq = seq % 1000
    idn = lib.make_id(R.choice(REGIONS), bd.strftime("%Y%m%d"), seq)
    custs.append(dict(customer_id=f"C22{1001 + i}", name=nm, male=male, birth=bd,
                      phone="1" + R.choice(["38", "39", "58", "86", "77", "35", "52", "89"]) + f"{R.randint(0, 99999999):08d}",
                      principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000]) + R.randint(0, 9) * 100,
                      overdue_days=R.choice([0, 0, 3, 15, 32, 47, 61, 95, 120, 180]),
                      id_number=idn))
for c in custs:
    c["next_due_date"] = (dt.date(2026, 9, 1) + dt.timedelta(days=R.randint(0, 60))).isoformat()

CHANNELS = ["app", "hotline", "email", "regulator", "social", "other"]
complaints = {}


def complaint_for(ci):
    c = custs[ci]
    if c["customer_id"] not in complaints:
        rd = dt.datetime(2026, 8, 1, 9) + dt.timedelta(days=R.randint(0, 59), minutes=R.randint(0, 600))
        complaints[c["customer_id"]] = dict(cust=c, received=rd, channel=R.choice(CHANNELS), files=[], texts=[])
    return complaints[c["customer_id"]]


def cn(d):
    return f"{d.year}年{d.month}月{d.day}日"


def age(c, on):
    b = c["birth"]
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


# ------------------------------------------------------------ issuers / seals
def seal(ring, seed, center="", star=True, shape="round", reg=None, font_="zen", rot=None, color=(205, 30, 35)):
    return dict(ring=ring, center=center, star=star, shape=shape, reg=reg, seed=seed,
                rot=R.uniform(-25, 25) if rot is None else rot, ring_font=font_, color=color)


ISS = {
    "pengda": dict(name="深圳市鹏达物流有限公司", star=True, reg="4403060123457", center=""),
    "pengyuan": dict(name="深圳市鹏远物流有限公司", star=True, reg="4403060123475", center=""),
    "yh1": dict(name="杭州市余杭区第一人民医院", star=False, center="诊断证明专用章", reg=None),
    "yh2": dict(name="杭州市余杭区第二人民医院", star=False, center="诊断证明专用章", reg=None),
    "jiangxi": dict(name="成都市武侯区浆洗街街道办事处", star=True, center="", reg=None),
    "yulin": dict(name="成都市武侯区玉林街道办事处", star=True, center="", reg=None),
    "donghu": dict(name="南昌县莲塘镇东湖村民委员会", star=True, center="", reg=None),
    "xihu": dict(name="南昌县莲塘镇西湖村民委员会", star=True, center="", reg=None),
    "shushan": dict(name="合肥市蜀山区人力资源和社会保障局", star=True, center="业务专用章", reg=None),
    "baohe": dict(name="合肥市包河区人力资源和社会保障局", star=True, center="业务专用章", reg=None),
    "zhengheng": dict(name="广东正衡律师事务所", star=True, center="", reg=None),
    "zhenghe": dict(name="广东正和律师事务所", star=True, center="", reg=None),
    "hengxin": dict(name="苏州恒信电子科技有限公司", star=False, center="财务专用章", reg=None, shape="oval"),
    "ncx": dict(name="南昌县人民医院", star=False, center="医务处", reg=None),
    "jxx": dict(name="进贤县人民医院", star=False, center="医务处", reg=None),
    "hechuan": dict(name="重庆市合川区人民医院", star=False, center="住院处专用章", reg=None, shape="oval"),
    "guanshan": dict(name="武汉市洪山区关山街道关山社区居民委员会", star=True, center="", reg=None),
}
# forged lawyer-letter firms (fictional)
FIRMS_F = ["浙江律正律师事务所", "北京信和衡律师事务所", "上海汇诚律师事务所", "湖南楚衡律师事务所", "江苏恒泽律师事务所"]


def iss_seal(key, seed, rot=None):
    i = ISS[key]
    return seal(i["name"], seed, center=i["center"], star=i["star"], shape=i.get("shape", "round"), reg=i["reg"], rot=rot)


# ------------------------------------------------------------ doc builders
def d_lizhi(key, c, issue, hire, leave, pos, font_="ming", layout="letterhead"):
    i = ISS[key]
    return dict(issuer=i["name"], title="离职证明", layout=layout, font=font_,
                docno=f"鹏人字〔2026〕{R.randint(11, 98)}号" if key in ("pengda", "pengyuan") else None,
                paras=[f"兹证明{c['name']}（身份证号：{c['id_number']}）自{cn(hire)}起在我公司{pos}岗位工作，"
                       f"于{cn(leave)}因公司业务调整与本公司解除劳动合同，现已办理完毕全部离职交接手续。",
                       "截至离职之日，本公司与其无任何劳动纠纷，工资及经济补偿均已结清。", "特此证明。"],
                sign=[i["name"], "人力资源部"], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_zhenduan(key, c, issue, diag, advice, font_="ming", name=None, idn=None):
    i = ISS[key]
    return dict(issuer=i["name"], title="诊断证明书", layout="hospital", font=font_, tfont="hei",
                docno=f"门诊号：{R.randint(10 ** 7, 10 ** 8 - 1)}",
                table=[("姓名", name or c["name"]), ("性别", "男" if c["male"] else "女"), ("年龄", f"{age(c, issue)}岁"),
                       ("身份证号", idn or c["id_number"]), ("科室", R.choice(["消化内科", "骨科", "心内科", "神经内科", "普外科"])),
                       ("诊断", diag)],
                paras=["医嘱：" + advice], sign=["医师：" + R.choice(["陈立", "王敏", "赵晓光", "孙红", "周斌"])],
                date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_zhuyuan(key, c, adm, dis, issue, diag, font_="ming", name=None, idn=None):
    i = ISS[key]
    return dict(issuer=i["name"], title="住院证明", layout="hospital", font=font_,
                docno=f"住院号：{R.randint(10 ** 5, 10 ** 6 - 1)}",
                table=[("姓名", name or c["name"]), ("身份证号", idn or c["id_number"]), ("入院日期", cn(adm)),
                       ("出院日期", cn(dis)), ("住院天数", f"{(dis - adm).days}天"), ("出院诊断", diag)],
                paras=["患者住院期间经治疗病情好转出院，出院后需定期复查，注意休息，避免劳累。"],
                sign=[i["name"] + "住院处"], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_kunnan(key, c, issue, reason, font_="kai", name=None, idn=None, extra=None):
    i = ISS[key]
    paras = [f"兹有我辖区居民{name or c['name']}，身份证号：{idn or c['id_number']}，{reason}，家庭收入微薄，生活困难。",
             "情况属实，特此证明。"]
    if extra:
        paras.insert(1, extra)
    return dict(issuer=i["name"], title="家庭经济困难证明", layout="plain", font=font_, tfont="zen", paras=paras,
                sign=[i["name"]], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_pinkun(key, c, issue, font_="ming", name=None, idn=None, extra=None):
    i = ISS[key]
    paras = [f"兹证明{name or c['name']}（身份证号：{idn or c['id_number']}）系我村村民，"
             f"家中{R.choice(['父亲长期患病', '配偶残疾', '子女就学', '主要劳动力受伤'])}，无稳定收入来源，家庭经济十分困难。"]
    if extra:
        paras.append(extra)
    paras.append("特此证明。")
    return dict(issuer=i["name"], title="贫困证明", layout="plain", font=font_, tfont="zen", fsize=36, paras=paras,
                sign=[i["name"]], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_shiye(key, c, issue, reg_date, name=None, idn=None, font_="hei"):
    i = ISS[key]
    return dict(issuer=i["name"], title="失业登记证明", layout="letterhead", font=font_, tfont="hei",
                docno=f"登记编号：{reg_date.year}{R.randint(10 ** 7, 10 ** 8 - 1)}",
                table=[("姓名", name or c["name"]), ("身份证号", idn or c["id_number"]), ("失业登记日期", cn(reg_date)),
                       ("失业原因", R.choice(["单位裁员", "劳动合同期满终止", "单位破产"])), ("登记机构", i["name"])],
                paras=["经核查，上述人员已在本机构办理失业登记，现处于失业状态。本证明自开具之日起三个月内有效。"],
                sign=[i["name"]], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_lawyer(firm, lic, lawyer, c, issue, seal_d, name=None, idn=None, font_="ming"):
    return dict(issuer=firm, title="律师函", layout="letterhead", font=font_, tfont="zen",
                docno=f"（2026）{firm[2:4]}律函字第{R.randint(100, 999)}号", to=f"致：{LENDER}",
                paras=[f"{firm}（以下简称“本所”）接受{name or c['name']}（身份证号：{idn or c['id_number']}）的委托，"
                       f"指派{lawyer}律师（执业证号：{lic}）就委托人与贵司之间的借款合同纠纷事宜，郑重致函如下：",
                       "一、委托人因客观原因暂时无力按期还款，请贵司依法停止一切电话、短信及上门催收行为，不得联系委托人亲友及工作单位。",
                       "二、请贵司于收函之日起七日内与本所联系，协商个性化分期还款方案，并减免逾期产生的罚息及违约金。",
                       "三、如贵司拒不配合，本所将依法向相关监管部门投诉并采取进一步法律措施。"],
                sign=[firm, f"承办律师：{lawyer}", f"联系电话：{R.choice(['020', '0755', '0571', '010'])}-{R.randint(10 ** 7, 10 ** 8 - 1)}"],
                date=cn(issue), seal=seal_d)


def d_death(key, deceased, c, death_d, issue, rel, name=None, idn=None, font_="ming"):
    i = ISS[key]
    return dict(issuer=i["name"], title="居民死亡医学证明（推断）书", layout="hospital", font=font_, fsize=30,
                docno=f"编号：{R.choice(['K', 'N'])}{R.randint(10 ** 8, 10 ** 9 - 1)}",
                table=[("死者姓名", deceased["name"]), ("死者身份证号", deceased["id"]), ("死亡日期", cn(death_d)),
                       ("死亡地点", "医疗卫生机构"), ("直接死亡原因", deceased["cause"]),
                       ("申报人（家属）", name or c["name"]), ("申报人身份证号", idn or c["id_number"]), ("与死者关系", rel)],
                paras=["本证明书由医疗卫生机构出具，是死者家属办理户籍注销及殡葬事宜的凭证。"],
                sign=["医师签名：" + R.choice(["刘洋", "何静", "郑斌"])], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_shouru(key, c, issue, pos, monthly, font_="hei"):
    i = ISS[key]
    return dict(issuer=i["name"], title="收入证明", layout="plain", font=font_, tfont="hei",
                paras=[f"兹证明{c['name']}（身份证号：{c['id_number']}）为我公司员工，任{pos}职务。"
                       f"因公司经营困难，自2026年4月起其月收入由原{monthly + 3000}元调整为{monthly}元（税前）。",
                       "特此证明。本证明仅用于说明收入情况。"],
                sign=[i["name"]], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def d_dibao(key, c, issue, font_="kai"):
    i = ISS[key]
    return dict(issuer=i["name"], title="最低生活保障对象证明", layout="plain", font=font_, tfont="kai",
                table=[("户主姓名", c["name"]), ("身份证号", c["id_number"]), ("保障人数", f"{R.randint(2, 4)}人"),
                       ("保障起始", "2026年3月"), ("月保障金额", f"{R.randint(6, 9) * 100}元")],
                paras=["经核实，该户为本社区城市最低生活保障对象，情况属实。"],
                sign=[i["name"]], date=cn(issue), seal=iss_seal(key, R.randint(1, 10 ** 6)))


def rand_id(male=True):
    bd = dt.date(R.randint(1940, 1960), R.randint(1, 12), R.randint(1, 28))
    return lib.make_id(R.choice(REGIONS), bd.strftime("%Y%m%d"), (R.randint(10, 499) * 2 + (1 if male else 0)) % 1000)


# ------------------------------------------------------------ capture & write
PHONES = [("Apple", "iPhone 14", "17.5.1"), ("HUAWEI", "NOH-AN00", None), ("Xiaomi", "2211133C", None),
          ("OPPO", "PHB110", None), ("vivo", "V2254A", None), ("Apple", "iPhone 12", "16.6")]


def shot_time(issue, recv):
    lo = dt.datetime.combine(issue, dt.time(12))
    hi = recv - dt.timedelta(hours=2)
    if hi <= lo:
        hi = lo + dt.timedelta(hours=3)
    return lo + (hi - lo) * R.uniform(0.3, 0.95)


def save_phone(img, path, t, q=92, software_override=None, keep=True):
    mk, md, sw = R.choice(PHONES)
    ex = lib.phone_exif(mk, md, t.strftime("%Y:%m:%d %H:%M:%S"), software_override or sw)
    img.save(path, "JPEG", quality=q, exif=ex.tobytes())


def capture(page, cap, variant, path, rng, t):
    """returns final PIL image written"""
    if cap == "phone_photo":
        im = lib.phone_photo(page, rng, light=variant.get("light", "normal"), fold=variant.get("fold", False),
                             screen=variant.get("screen", False), blur=variant.get("blur", 1.0))
        if variant.get("noexif_save"):
            return im
        save_phone(im, path, t)
        return im
    if cap == "scanner_jpeg":
        v = variant.get("v", "color")
        if v == "fax":
            im = lib.fax(page, rng)
        elif v == "photocopy":
            im = lib.photocopy(page, rng, gen=2)
        else:
            im = lib.scanner(page, rng, gray=(v == "gray"), skew=variant.get("skew"))
        im.save(path, "JPEG", quality=variant.get("q", 85))
        return im
    if cap == "wechat_jpeg":
        src = page
        if variant.get("from_photo"):
            src = lib.phone_photo(page, rng, light=variant.get("light", "normal"), blur=0.9)
        im = lib.wechat(src, rng)
        im.save(path, "JPEG", quality=variant.get("q", 80))
        return im
    if cap == "png":
        if variant.get("flat"):
            im = page.resize((1240, 1754))
        else:
            im = lib.screenshot(page, rng, app_title=variant.get("title", "文件预览"), t=t.strftime("%H:%M"))
        im.save(path, "PNG", optimize=True)
        return im
    raise ValueError(cap)


# ---- PDF helpers
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader

for k in ("hei", "zen", "kai", "ming"):
    pdfmetrics.registerFont(TTFont("F" + k, lib.FONTS[k], subfontIndex=0))


def pdf_native(doc, path, simg, producer="Microsoft® Word 2016", creator="Microsoft® Word 2016", title=None):
    """vector PDF with same layout as render_page (150dpi px -> pt)."""
    k = 72 / 150
    c = rl_canvas.Canvas(path, pagesize=A4, pageCompression=1)
    c.setCreator(creator)
    try:
        c.setProducer(producer)
    except Exception:
        pass
    c.setTitle(title or doc["title"])
    Hpt = A4[1]

    def T(x, y, s, f, size, col=(0, 0, 0), anchor="l"):
        c.setFillColorRGB(*[v / 255 for v in col])
        c.setFont("F" + f, size * k)
        X, Y = x * k, Hpt - y * k - size * k * 0.85
        if anchor == "c":
            c.drawCentredString(X, Y, s)
        elif anchor == "r":
            c.drawRightString(X, Y, s)
        else:
            c.drawString(X, Y, s)
    pos = {}
    y = 110
    fb, ft = doc.get("font", "ming"), doc.get("tfont", "hei")
    lay = doc.get("layout", "plain")
    if lay == "letterhead":
        T(lib.W / 2, y - 27, doc["issuer"], ft, 54, (190, 20, 20), "c")
        c.setStrokeColorRGB(190 / 255, 20 / 255, 20 / 255)
        c.setLineWidth(5 * k); c.line(100 * k, Hpt - (y + 80) * k, (lib.W - 100) * k, Hpt - (y + 80) * k)
        c.setLineWidth(2 * k); c.line(100 * k, Hpt - (y + 90) * k, (lib.W - 100) * k, Hpt - (y + 90) * k)
        y += 150
    elif lay == "hospital":
        T(lib.W / 2, y - 23, doc["issuer"], ft, 46, anchor="c")
        y += 70
    if doc.get("docno"):
        T(lib.W - 110, y - 12, doc["docno"], "hei", 24, (40, 40, 40), "r")
        y += 40
    T(lib.W / 2, y, doc["title"], ft, 60 if lay != "hospital" else 50, anchor="c")
    y += 120
    fsz = doc.get("fsize", 34)
    fbf = font(fb, fsz)
    if doc.get("to"):
        T(110, y, doc["to"], fb, fsz); y += fsz + 26
    c.setStrokeColorRGB(0, 0, 0)
    if doc.get("table"):
        t = doc["table"]; x0, x1, xm, rh = 110, lib.W - 110, 400, 72
        c.setLineWidth(2 * k)
        c.rect(x0 * k, Hpt - (y + rh * len(t)) * k, (x1 - x0) * k, rh * len(t) * k)
        for i, (kk, v) in enumerate(t):
            yy = y + rh * i
            if i:
                c.line(x0 * k, Hpt - yy * k, x1 * k, Hpt - yy * k)
            T(x0 + 20, yy + rh / 2 - 15, kk, ft, 30)
            T(xm + 20, yy + rh / 2 - fsz / 2, v, fb, fsz)
            pos[kk] = ((xm + 20) * k, Hpt - (yy + rh) * k, (x1 - xm - 30) * k, rh * k)
        c.line(xm * k, Hpt - y * k, xm * k, Hpt - (y + rh * len(t)) * k)
        y += rh * len(t) + 40
    for p in doc.get("paras", []):
        for i, ln in enumerate(lib.wrap(p, fbf, lib.W - 220 - 2 * fsz)):
            T(110 + (2 * fsz if i == 0 else 0), y, ln, fb, fsz)
            y += int(fsz * 1.9)
        y += 8
    y = y + 60
    sx = lib.W - 140
    for ln in doc.get("sign", []):
        T(sx, y, ln, fb, fsz, anchor="r"); y += int(fsz * 1.8)
    T(sx, y, doc["date"], fb, fsz, anchor="r")
    pos["_date"] = ((sx - fbf.getlength(doc["date"]) - 10) * k, Hpt - (y + fsz * 1.3) * k, (fbf.getlength(doc["date"]) + 20) * k, fsz * 1.5 * k)
    if simg is not None:
        cx, cy = sx - 150 + doc.get("seal_dx", 0), y - 20 + doc.get("seal_dy", 0)
        b = io.BytesIO(); simg.save(b, "PNG"); b.seek(0)
        c.drawImage(ImageReader(b), (cx - simg.width / 2) * k, Hpt - (cy + simg.height / 2) * k,
                    simg.width * k, simg.height * k, mask="auto")
    c.showPage(); c.save()
    return pos


def pdf_scan(img, path, producer="Canon iR-ADV C3525 PDF", q=70):
    c = rl_canvas.Canvas(path, pagesize=A4)
    c.setCreator("Canon iR-ADV C3525")
    try:
        c.setProducer(producer)
    except Exception:
        pass
    b = io.BytesIO(); img.convert("RGB").save(b, "JPEG", quality=q); b.seek(0)
    c.drawImage(ImageReader(b), 0, 0, A4[0], A4[1])
    c.showPage(); c.save()


CUR_T = [None]


def pdfdate(t):
    return t.strftime("D:%Y%m%d%H%M%S+08'00'")


def fix_pdf_meta(path, t, author):
    """set creation/mod dates to the (local) time the issuer produced the file; clear generator defaults."""
    from pypdf import PdfReader, PdfWriter
    r = PdfReader(path)
    m = dict(r.metadata or {})
    w = PdfWriter(clone_from=r)
    m.update({"/CreationDate": pdfdate(t), "/ModDate": pdfdate(t), "/Author": author, "/Subject": "", "/Keywords": ""})
    w.metadata = None
    w.add_metadata(m)
    with open(path, "wb") as f:
        w.write(f)


def pdf_incremental_edit(path, pos, key, new_text, fnt="hei", size=34 * 72 / 150, moddate=None):
    moddate = moddate or pdfdate(CUR_T[0] + dt.timedelta(minutes=R.randint(20, 300)))
    from pypdf import PdfReader, PdfWriter
    ov = io.BytesIO()
    c = rl_canvas.Canvas(ov, pagesize=A4)
    x, y, w, h = pos[key]
    c.setFillColorRGB(1, 1, 1)
    c.rect(x - 2, y + 3, w, h - 6, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("F" + fnt, size)
    c.drawString(x + (8 if key == "_date" else 0), y + h / 2 - size * 0.35, new_text)
    c.showPage(); c.save(); ov.seek(0)
    orig = open(path, "rb").read()
    w_ = PdfWriter(io.BytesIO(orig), incremental=True)
    w_.pages[0].merge_page(PdfReader(ov).pages[0])
    w_.add_metadata({"/ModDate": moddate, "/Producer": "Adobe Acrobat Pro 2024"})
    out = io.BytesIO()
    w_.write(out)
    data = out.getvalue()
    assert data.startswith(orig[:-64]), "incremental write did not keep original bytes"
    with open(path, "wb") as f:
        f.write(data)


# ------------------------------------------------------------ plan
TRUTH = {}
FIDX = [0]
ci_next = [0]


def new_cust():
    ci = ci_next[0]; ci_next[0] += 1
    return ci


TXT = {
    "离职证明": ["本人已被公司裁员失业，没有收入来源，附离职证明，申请延期还款。", "我已经离职了，现在没工作，附件是离职证明，请求停息挂账。"],
    "诊断证明书": ["本人生病住院无法工作，附医院诊断证明，申请减免罚息。", "因病无力还款，附诊断证明，请不要再催收。"],
    "住院证明": ["我住院治疗刚出院，附住院证明，请求分期还款。", "家人住院花光积蓄，附住院证明，希望协商还款。"],
    "家庭经济困难证明": ["家庭经济困难，附街道开具的困难证明，申请减免。"],
    "贫困证明": ["我家是贫困户，附村委会贫困证明，请求免除利息。", "附村里开的贫困证明，实在还不上，申请个性化分期。"],
    "失业登记证明": ["本人已失业并在人社局登记，附失业登记证明，申请延期。"],
    "律师函": ["附律师函，请贵司与我的委托律师联系，停止一切催收。", "我已委托律师处理，律师函见附件。"],
    "居民死亡医学证明（推断）书": ["家中亲人去世，附死亡证明，申请暂停催收和减免。"],
    "收入证明": ["公司降薪收入减少，附收入证明，申请降低每月还款额。"],
    "最低生活保障对象证明": ["我家是低保户，附低保证明，申请减免。"],
}


def add(ci, fname, page_doc, cap, variant, forged=False, kinds=(), note="", issue=None, render=True, post=None, pdf=None):
    """render page, capture, record truth. post(img, doc, path) may edit after capture."""
    FIDX[0] += 1
    rng = np.random.default_rng(7022 + FIDX[0])
    comp = complaint_for(ci)
    path = os.path.join(ATT, fname)
    t = shot_time(issue or comp["received"].date() - dt.timedelta(days=10), comp["received"])
    doc = page_doc
    if cap == "pdf":
        if pdf == "scan":
            page, box, simg = lib.render_page(doc)
            im = lib.scanner(page, rng, gray=variant.get("gray", False))
            if variant.get("photocopy"):
                im = lib.photocopy(page, rng, gen=1)
            pdf_scan(im, path, **variant.get("kw", {}))
            doc["_simg_out"] = simg
        else:
            simg = lib.seal_image(**doc["seal"]) if isinstance(doc.get("seal"), dict) else doc.get("_simg")
            if doc.get("_simg") is not None:
                simg = doc["_simg"]
            doc["_pdfpos"] = pdf_native(doc, path, simg, **variant.get("kw", {}))
            doc["_simg_out"] = simg
        ct = t.replace(hour=R.randint(9, 16))
        ct = ct if ct < t else t - dt.timedelta(minutes=R.randint(10, 90))
        fix_pdf_meta(path, ct, R.choice(["Administrator", "", "user", "HR", "dell"]))
        CUR_T[0] = t
        if post:
            post(None, doc, path)
    else:
        if doc.get("_simg") is not None:
            d2 = dict(doc); d2["seal"] = None
            page, _, _ = lib.render_page(d2)
            doc["_pos"] = d2["_pos"]
            sx = lib.W - 140
            dp = d2["_pos"]["_date"]
            page, _ = lib.stamp(page, doc["_simg"], sx - 150 + doc.get("seal_dx", 0), dp[1] - dp[3] / 2 - 20 + doc.get("seal_dy", 0))
        else:
            page, box, simg = lib.render_page(doc)
            doc["_simg_out"] = simg
        doc["_page"] = page
        im = capture(page, cap, variant, path, rng, t)
        if post:
            post(im, doc, path, t=t, rng=rng)
    comp["files"].append("attachments/" + fname)
    comp["texts"].append(R.choice(TXT.get(doc["title"], ["附件为相关证明材料，请核实。"])))
    TRUTH["attachments/" + fname] = dict(forged=forged, kinds=list(kinds), doc_type=doc["title"], capture=cap, note=note)
    return doc


def recv(ci):
    return complaint_for(ci)["received"].date()


def before(ci, lo, hi):
    return recv(ci) - dt.timedelta(days=R.randint(lo, hi))
