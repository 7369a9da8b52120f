# The file plan: genuine set, then forged set; then writes complaints/customers/truth.
from build import *
from PIL import ImageFont

D = dt.date
POS = ["仓储管理员", "配送司机", "客服专员", "调度员", "行政助理", "分拣员"]


def ci_():
    return new_cust()


# ================================================================ genuine
G = {}
def G_add(ci, fname, doc, cap, var, note="", pdf=None, issue=None):
    d = add(ci, fname, doc, cap, var, forged=False, kinds=[], note=note or "genuine", pdf=pdf, issue=issue)
    G[fname] = d
    return d


def lz(key, ci, fnt="ming", layout="letterhead"):
    iss = before(ci, 8, 45)
    leave = iss - dt.timedelta(days=R.randint(0, 6))
    hire = D(R.randint(2016, 2023), R.randint(1, 12), R.randint(1, 28))
    return d_lizhi(key, custs[ci], iss, hire, leave, R.choice(POS), font_=fnt, layout=layout), iss


DIAG = [("腰椎间盘突出症", "建议卧床休息一个月，避免负重劳动。"), ("2型糖尿病伴并发症", "需长期服药治疗，定期复查，全休两周。"),
        ("冠状动脉粥样硬化性心脏病", "建议住院进一步治疗，避免劳累。"), ("胃恶性肿瘤（术后）", "需定期化疗，全休三个月。"),
        ("右胫骨骨折", "石膏固定，全休六周，定期复查。"), ("重度抑郁发作", "规律服药，门诊随访，建议休息一个月。")]


def zd(key, ci, fnt="ming", **kw):
    iss = before(ci, 5, 40)
    dg, adv = R.choice(DIAG)
    return d_zhenduan(key, custs[ci], iss, dg, adv, font_=fnt, **kw), iss


def zy(key, ci, fnt="ming", **kw):
    iss = before(ci, 5, 40)
    dis = iss - dt.timedelta(days=R.randint(0, 3))
    adm = dis - dt.timedelta(days=R.randint(4, 25))
    return d_zhuyuan(key, custs[ci], adm, dis, iss, R.choice(DIAG)[0], font_=fnt, **kw), iss


def kn(key, ci, fnt="kai", **kw):
    iss = before(ci, 5, 50)
    return d_kunnan(key, custs[ci], iss, R.choice(["因失业无固定收入", "因本人患重病长期治疗", "因家中老人长期卧床需照料"]), font_=fnt, **kw), iss


def pk(key, ci, fnt="ming", **kw):
    iss = before(ci, 5, 50)
    return d_pinkun(key, custs[ci], iss, font_=fnt, **kw), iss


def sy(key, ci, fnt="hei", **kw):
    iss = before(ci, 5, 40)
    reg = iss - dt.timedelta(days=R.randint(10, 90))
    return d_shiye(key, custs[ci], iss, reg, font_=fnt, **kw), iss


LAWYERS = ["黄志明", "林晓峰", "陈嘉怡", "梁伟文", "吴思敏", "郑国栋", "许文涛", "罗佳"]


def lic17(region="4401"):
    return f"1{region}{R.randint(2008, 2022)}{R.randint(1, 2)}{R.randint(10 ** 6, 10 ** 7 - 1)}"


def lw(key, ci, fnt="ming", lic=None, firm=None, seal_d=None, **kw):
    iss = before(ci, 3, 25)
    firm = firm or ISS[key]["name"]
    return d_lawyer(firm, lic or lic17(), R.choice(LAWYERS), custs[ci], iss, seal_d or iss_seal(key, R.randint(1, 10 ** 6)), font_=fnt, **kw), iss


DECEASED = []
def dead(male=True):
    return dict(name=R.choice(SUR) + R.choice(GIV_M if male else GIV_F), id=rand_id(male),
                cause=R.choice(["急性心肌梗死", "脑出血", "肺恶性肿瘤", "多器官功能衰竭"]))


def de(key, ci, fnt="ming", **kw):
    iss = before(ci, 10, 50)
    death = iss - dt.timedelta(days=R.randint(0, 2))
    return d_death(key, dead(R.random() < 0.5), custs[ci], death, iss, R.choice(["父子", "母子", "夫妻", "父女", "母女"]), font_=fnt, **kw), iss


def sr(key, ci, fnt="hei"):
    iss = before(ci, 5, 30)
    return d_shouru(key, custs[ci], iss, R.choice(["销售专员", "生产主管", "质检员", "技术员"]), R.choice([2600, 3100, 3500, 2900]), font_=fnt), iss


def db(key, ci, fnt="kai"):
    iss = before(ci, 5, 40)
    return d_dibao(key, custs[ci], iss, font_=fnt), iss


PH = "phone_photo"; SC = "scanner_jpeg"; WX = "wechat_jpeg"; PN = "png"; PD = "pdf"
c = [ci_() for _ in range(38)]
plan_g = [
    ("g01_lizhi.jpg", lz, "pengda", 0, PH, {}, {}),
    ("g02_lizhi_wx.jpg", lz, "pengda", 1, WX, {"from_photo": True}, {}),
    ("g03_lizhi_scan.jpg", lz, "pengda", 2, SC, {}, {}),
    ("g04_lizhi.jpg", lz, "pengyuan", 3, PH, {"light": "warm"}, {}),
    ("g05_lizhi.pdf", lz, "pengyuan", 4, PD, {"kw": {"producer": "WPS Office", "creator": "WPS 文字"}}, {}),
    ("g06_zhenduan.jpg", zd, "yh1", 5, PH, {"light": "dim"}, {}),
    ("g07_zhenduan_scan.jpg", zd, "yh1", 6, SC, {"v": "gray"}, {}),
    ("g08_zhuyuan.jpg", zy, "yh2", 7, PH, {"fold": True}, {}),
    ("g09_zhenduan.png", zd, "yh2", 8, PN, {"title": "健康档案"}, {}),
    ("g10_kunnan_fax.jpg", kn, "jiangxi", 9, SC, {"v": "fax"}, {}),
    ("g11_kunnan_wx.jpg", kn, "jiangxi", 10, WX, {}, {}),
    ("g12_kunnan_screen.jpg", kn, "yulin", 11, PH, {"screen": True}, {}),
    ("g13_pinkun_copy.jpg", pk, "donghu", 12, SC, {"v": "photocopy"}, {}),
    ("g14_pinkun.jpg", pk, "donghu", 13, PH, {"blur": 1.6}, {}),
    ("g15_pinkun_scan.pdf", pk, "xihu", 14, PD, {}, {"pdf": "scan"}),
    ("g16_shiye.pdf", sy, "shushan", 15, PD, {"kw": {"producer": "iText 7.1", "creator": "合肥市就业服务平台"}}, {}),
    ("g17_shiye.png", sy, "shushan", 16, PN, {"title": "皖事通"}, {}),
    ("g18_shiye.jpg", sy, "baohe", 17, PH, {}, {}),
    ("g19_lvshihan.pdf", lw, "zhengheng", 18, PD, {}, {}),
    ("g20_lvshihan_wx.jpg", lw, "zhengheng", 19, WX, {}, {}),
    ("g21_lvshihan.pdf", lw, "zhenghe", 20, PD, {"kw": {"producer": "WPS Office", "creator": "WPS 文字"}}, {}),
    ("g22_shouru_scan.jpg", sr, "hengxin", 21, SC, {"q": 90}, {}),
    ("g23_shouru.jpg", sr, "hengxin", 22, PH, {"light": "warm"}, {}),
    ("g24_siwang.jpg", de, "ncx", 23, PH, {}, {}),
    ("g25_zhuyuan_scan.jpg", zy, "jxx", 24, SC, {"v": "gray"}, {}),
    ("g26_zhuyuan_scan.pdf", zy, "hechuan", 25, PD, {"gray": True}, {"pdf": "scan"}),
    ("g27_dibao.jpg", db, "guanshan", 26, PH, {"light": "dim"}, {}),
    ("g28_dibao_wx.jpg", db, "guanshan", 27, WX, {"from_photo": True, "light": "warm"}, {}),
    ("g29_zhenduan.png", zd, "ncx", 0, PN, {"flat": True}, {}),
    ("g30_zhenduan.jpg", zd, "jxx", 28, PH, {"fold": True, "light": "warm"}, {}),
    ("g31_lizhi_scan.jpg", lz, "pengda", 29, SC, {"q": 92}, {}),
    ("g32_zhuyuan_wx.jpg", zy, "yh1", 30, WX, {"from_photo": True}, {}),
    ("g33_pinkun_copy.jpg", pk, "xihu", 31, SC, {"v": "photocopy"}, {}),
    ("g34_kunnan_scan.pdf", kn, "yulin", 32, PD, {"photocopy": True}, {"pdf": "scan"}),
    ("g35_shiye_wx.jpg", sy, "baohe", 33, WX, {}, {}),
    ("g36_zhenduan_screen.jpg", zd, "hechuan", 34, PH, {"screen": True, "light": "dim"}, {}),
    ("g37_lvshihan.jpg", lw, "zhenghe", 35, PH, {}, {}),
    ("g38_shouru.pdf", sr, "hengxin", 36, PD, {"kw": {"producer": "Microsoft: Print To PDF", "creator": "Microsoft Word"}}, {}),
    ("g39_kunnan.jpg", kn, "jiangxi", 5, PH, {"light": "warm"}, {}),
    ("g40_dibao_fax.jpg", db, "guanshan", 37, SC, {"v": "fax"}, {}),
]
FONTS_CYCLE = ["ming", "kai", "hei", "zen"]
for j, (fn, b, key, k, cap, var, extra) in enumerate(plan_g):
    kwf = {} if b in (sr, db) else {}
    doc, iss = b(key, c[k])
    if b in (lz, zd, zy, pk) and j % 3 == 1:
        doc["font"] = FONTS_CYCLE[j % 4]
    G_add(c[k], fn, doc, cap, var, pdf=extra.get("pdf"), issue=iss,
          note=("genuine; same issuer/template as other genuine files for other borrowers" if key in ("pengda", "yh1", "jiangxi", "shushan", "guanshan", "hengxin") else "genuine"))

# ================================================================ forged
def F_add(ci, fname, doc, cap, var, kinds, note, pdf=None, issue=None, post=None):
    return add(ci, fname, doc, cap, var, forged=True, kinds=kinds, note=note, pdf=pdf, issue=issue, post=post)


# ---- 1. USCC as lawyer licence (5)
for n, (firm, pre, cap, var) in enumerate([
        (FIRMS_F[0], "31330000" + "MD01823", PD, {"kw": {"producer": "WPS Office", "creator": "WPS 文字"}}),
        (FIRMS_F[1], "31110000" + "E00291X", PD, {}),
        (FIRMS_F[2], "91310115" + "MA1K4B8", PD, {"kw": {"producer": "Skia/PDF m118", "creator": "Chromium"}}),
        (FIRMS_F[3], "31430000" + "MD02417", WX, {"from_photo": True}),
        (FIRMS_F[4], "91320106" + "MA27XQ3", PH, {"light": "warm"})]):
    ci = ci_()
    body = pre + "".join(R.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(17 - len(pre)))
    uscc = lib.make_uscc(body[:17])
    sd = seal(firm, R.randint(1, 10 ** 6), star=True)
    doc, iss = lw(None, ci, firm=firm, lic=uscc, seal_d=sd, fnt=["ming", "kai", "hei", "ming", "zen"][n])
    F_add(ci, f"f{n + 1:02d}_lvshihan." + ("pdf" if cap == PD else "jpg"), doc, cap, var, ["uscc_as_lawyer_licence"],
          "执业证号 is an 18-char unified social credit code, not a 17-digit lawyer licence", issue=iss)


# ---- helpers for image edits
def sample_bg(im, box):
    x0, y0, x1, y1 = [int(v) for v in box]
    a = np.asarray(im.convert("RGB"))
    strip = np.concatenate([a[max(0, y0 - 6):y0, x0:x1].reshape(-1, 3), a[y1:y1 + 6, x0:x1].reshape(-1, 3)])
    return tuple(int(v) for v in np.median(strip, axis=0))


def patch_flat(im, box, text, fnt, size, col=(15, 15, 15)):
    im = im.convert("RGB")
    d = ImageDraw.Draw(im)
    bg = sample_bg(im, box)
    d.rectangle(box, fill=bg)
    d.text((box[0] + 2, (box[1] + box[3]) / 2), text, font=font(fnt, size), fill=col, anchor="lm")
    return im


def page_box(doc, key, pad=6, extra_w=60):
    x, yc, w, fs = doc["_pos"][key]
    return (x - pad, yc - fs * 0.7, x + w + extra_w, yc + fs * 0.7)


def photo_box(box, fwd, scale=1.0):
    pts = [fwd(box[0], box[1]), fwd(box[2], box[1]), fwd(box[2], box[3]), fwd(box[0], box[3])]
    xs, ys = [p[0] * scale for p in pts], [p[1] * scale for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


# ---- 2. edited hardship proofs (5)
# E1 phone photo, name+ID cell patched, re-saved through Photoshop keeping camera EXIF
ci = ci_(); other = custs[ci_()]
doc, iss = zd("yh1", ci, name=other["name"], idn=other["id_number"])
def post_e1(im, doc, path, t=None, rng=None, ci=ci):
    fwd = lib.phone_photo.last_fwd
    out = im
    for key, txt in (("姓名", custs[ci]["name"]), ("身份证号", custs[ci]["id_number"])):
        b = photo_box(page_box(doc, key), fwd)
        out = patch_flat(out, b, txt, "hei", int((b[3] - b[1]) * 0.62))
    save_phone(out, path, t, q=95, software_override="Adobe Photoshop 25.4 (Windows)")
F_add(ci, "f06_zhenduan.jpg", doc, PH, {}, ["edited_image"], "name and ID cells overpainted with a flat patch and retyped; re-saved via photo editor", issue=iss, post=post_e1)

# E2 scanner, cloned paper region hides a sentence
ci = ci_()
doc, iss = pk("donghu", ci, extra="经村委会核实，该户已于2025年12月脱贫退出，不再享受帮扶政策。")
def post_e2(im, doc, path, t=None, rng=None):
    a = np.asarray(im.convert("RGB")).copy()
    y0, y1 = doc["_para_y"][1]
    y0 -= 6
    hgt = y1 - y0
    src_y = lib.H - 120 - hgt
    a[y0:y1, 100:1160] = a[src_y:src_y + hgt, 100:1160]
    Image.fromarray(a).save(path, "JPEG", quality=95)
F_add(ci, "f07_pinkun_scan.jpg", doc, SC, {"skew": 0.0}, ["edited_image"], "blank paper region cloned over a sentence; re-saved JPEG", issue=iss, post=post_e2)

# E3 wechat flat, date year digits changed (old 2024 certificate refreshed)
ci = ci_()
doc, iss = sy("shushan", ci)
real_iss = iss - dt.timedelta(days=R.randint(95, 130))  # expired certificate (3-month validity)
doc["date"] = cn(real_iss)
doc["table"][2] = ("失业登记日期", cn(real_iss - dt.timedelta(days=R.randint(10, 40))))
def post_e3(im, doc, path, t=None, rng=None, iss=iss):
    k = im.width / lib.W
    x, yc, w, fs = doc["_pos"]["_date"]
    box = (x * k - 2, (yc - fs * 0.62) * k, (x + w) * k + 2, (yc + fs * 0.62) * k)
    out = patch_flat(im, box, cn(iss), "hei", int(fs * k * 0.98))
    out.save(path, "JPEG", quality=85)
F_add(ci, "f08_shiye_wx.jpg", doc, WX, {}, ["edited_image"], "issue-date digits overwritten to refresh an expired certificate", issue=iss, post=post_e3)

# E4 png screenshot, household-head name cell replaced
ci = ci_(); other = custs[ci_()]
doc, iss = db("guanshan", ci)
doc["table"][0] = ("户主姓名", other["name"])
def post_e4(im, doc, path, t=None, rng=None, ci=ci):
    k = (1080 - 60) / lib.W
    x, yc, w, fs = doc["_pos"]["户主姓名"]
    box = (30 + x * k - 3, 280 + (yc - fs * 0.65) * k, 30 + (x + w) * k + 20, 280 + (yc + fs * 0.65) * k)
    out = patch_flat(im, box, custs[ci]["name"], "hei", int(fs * k * 0.92))
    out.save(path, "PNG")
F_add(ci, "f09_dibao.png", doc, PN, {"title": "城市低保"}, ["edited_image"], "head-of-household name replaced in screenshot", issue=iss, post=post_e4)

# E5 wechat of a phone photo, diagnosis cell replaced
ci = ci_()
doc, iss = zd("yh2", ci)
doc["table"][5] = ("诊断", "急性胃肠炎")
doc["paras"] = ["医嘱：注意饮食，休息三天。"]
def post_e5(im, doc, path, t=None, rng=None):
    fwd = lib.phone_photo.last_fwd
    b = photo_box(page_box(doc, "诊断", extra_w=200), fwd, scale=1080 / 1500)
    out = patch_flat(im, b, "胃恶性肿瘤（晚期）", "ming", int((b[3] - b[1]) * 0.6))
    out.save(path, "JPEG", quality=88)
F_add(ci, "f10_zhenduan_wx.jpg", doc, WX, {"from_photo": True}, ["edited_image"], "diagnosis text replaced after capture", issue=iss, post=post_e5)

# ---- 3. reused across borrowers (7 files, 3 groups)
def reuse_group(base_fn, builder_doc, members, caps, tag, kind_note):
    for m, (ci, (cap, var, pdf)) in enumerate(zip(members, caps)):
        d = copy.deepcopy(builder_doc)
        for idx, (kk, vv) in enumerate(d.get("table") or []):
            if kk in ("姓名", "申报人（家属）"):
                d["table"][idx] = (kk, custs[ci]["name"])
            if kk in ("身份证号", "申报人身份证号"):
                d["table"][idx] = (kk, custs[ci]["id_number"])
        if d.get("paras") and tag == "pk":
            d["paras"][0] = d["paras"][0].replace(builder_doc["_n"], custs[ci]["name"]).replace(builder_doc["_i"], custs[ci]["id_number"])
        F_add(ci, f"{base_fn}_{chr(97 + m)}." + ("pdf" if cap == PD else "jpg"), d, cap, var, ["reused_across_borrowers"], kind_note, pdf=pdf, issue=builder_doc["_iss"])

m1 = [ci_(), ci_(), ci_()]
iss0 = min(recv(x) for x in m1) - dt.timedelta(days=21)
base = d_death("ncx", dead(True), custs[m1[0]], iss0 - dt.timedelta(days=1), iss0, "父子")
base["_iss"] = iss0
reuse_group("f11_siwang", base, m1, [(PH, {}, None), (PH, {"light": "warm", "blur": 1.3}, None), (SC, {"v": "color"}, None)],
            "de", "same death certificate used by several borrowers; only declarant name/ID changed; re-captured")
m2 = [ci_(), ci_()]
iss0 = min(recv(x) for x in m2) - dt.timedelta(days=30)
base = d_pinkun("xihu", custs[m2[0]], iss0)
base["_n"], base["_i"], base["_iss"] = custs[m2[0]]["name"], custs[m2[0]]["id_number"], iss0
reuse_group("f12_pinkun", base, m2, [(SC, {"v": "gray"}, None), (PD, {}, "scan")], "pk",
            "same poverty certificate for two borrowers; only name/ID changed; re-scanned")
m3 = [ci_(), ci_()]
iss0 = min(recv(x) for x in m3) - dt.timedelta(days=15)
base = d_zhuyuan("hechuan", custs[m3[0]], iss0 - dt.timedelta(days=12), iss0 - dt.timedelta(days=1), iss0, "脑梗死")
base["_iss"] = iss0
reuse_group("f13_zhuyuan", base, m3, [(PH, {"light": "dim"}, None), (WX, {"from_photo": True}, None)], "zy",
            "same discharge/hospital certificate for two borrowers; only name/ID changed")

# ---- 4. edited PDFs, incremental update (3)
ci = ci_(); other = custs[ci_()]
doc, iss = sy("baohe", ci, name=other["name"], idn=other["id_number"])
def post_p1(_, doc, path, ci=ci):
    pdf_incremental_edit(path, doc["_pdfpos"], "姓名", custs[ci]["name"])
    pdf_incremental_edit(path, doc["_pdfpos"], "身份证号", custs[ci]["id_number"])
F_add(ci, "f14_shiye.pdf", doc, PD, {"kw": {"producer": "iText 7.1", "creator": "合肥市就业服务平台"}}, ["edited_pdf_incremental"],
      "name and ID replaced in appended incremental updates", issue=iss, post=post_p1)
ci = ci_(); other = custs[ci_()]
doc, iss = zd("yh1", ci, name=other["name"], idn=other["id_number"])
def post_p2(_, doc, path, ci=ci):
    pdf_incremental_edit(path, doc["_pdfpos"], "姓名", custs[ci]["name"], fnt="zen")
F_add(ci, "f15_zhenduan.pdf", doc, PD, {}, ["edited_pdf_incremental", "name_id_mismatch"],
      "name replaced by incremental update; ID left as the original patient's", issue=iss, post=post_p2)
ci = ci_(); other = custs[ci_()]
doc, iss = de("jxx", ci, name=other["name"], idn=other["id_number"])
def post_p3(_, doc, path, ci=ci):
    pdf_incremental_edit(path, doc["_pdfpos"], "申报人（家属）", custs[ci]["name"], fnt="ming", size=30 * 72 / 150)
    pdf_incremental_edit(path, doc["_pdfpos"], "申报人身份证号", custs[ci]["id_number"], fnt="ming", size=30 * 72 / 150)
F_add(ci, "f16_siwang.pdf", doc, PD, {"kw": {"producer": "Microsoft: Print To PDF", "creator": "Microsoft Word"}}, ["edited_pdf_incremental"],
      "declarant name and ID replaced in incremental updates", issue=iss, post=post_p3)

# ---- 5. seals copied across issuers (4)
def src_seal(fn):
    return G[fn]["_simg_out"]
for n, (b, key, src, cap, var, fn) in enumerate([
        (pk, "donghu", "g15_pinkun_scan.pdf", PH, {}, "f17_pinkun.jpg"),
        (zd, "yh2", "g06_zhenduan.jpg", SC, {}, "f18_zhenduan_scan.jpg"),
        (lz, "pengyuan", "g01_lizhi.jpg", WX, {"from_photo": True}, "f19_lizhi_wx.jpg"),
        (sy, "baohe", "g16_shiye.pdf", PD, {}, "f20_shiye.pdf")]):
    ci = ci_()
    doc, iss = b(key, ci)
    doc["_simg"] = src_seal(src)
    F_add(ci, fn, doc, cap, var, ["seal_copied_across_issuers"], f"seal pixels copied from another issuer's document ({src})", issue=iss)

# ---- 6. name / ID mismatch (5)
ci = ci_()
doc, iss = lz("pengyuan", ci); doc["paras"][0] = doc["paras"][0].replace(custs[ci]["id_number"], custs[c[3]]["id_number"])
F_add(ci, "f21_lizhi.jpg", doc, PH, {"light": "warm"}, ["name_id_mismatch"], "borrower's name with another person's valid ID", issue=iss)
ci = ci_()
doc, iss = kn("yulin", ci, name=R.choice(SUR) + "国华")
F_add(ci, "f22_kunnan_scan.jpg", doc, SC, {"v": "gray"}, ["name_id_mismatch"], "borrower's ID with a different person's name", issue=iss)
ci = ci_()
nm = custs[ci]["name"]; alt = nm[:-1] + ("玮" if nm[-1] != "玮" else "伟")
doc, iss = zy("yh2", ci, name=alt)
F_add(ci, "f23_zhuyuan_wx.jpg", doc, WX, {}, ["name_id_mismatch"], "name differs from borrower by one character", issue=iss)
ci = ci_()
doc, iss = sy("shushan", ci, idn=rand_id(custs[ci]["male"]))
F_add(ci, "f24_shiye.pdf", doc, PD, {}, ["name_id_mismatch"], "borrower's name with an unrelated valid ID", issue=iss)
ci = ci_()
i0 = custs[ci]["id_number"]; seq = int(i0[14:17]); seq2 = (seq + 2) % 1000
doc, iss = db("guanshan", ci)
doc["table"][1] = ("身份证号", lib.make_id(i0[:6], i0[6:14], seq2))
F_add(ci, "f25_dibao.png", doc, PN, {"title": "社区服务"}, ["name_id_mismatch"], "ID differs from borrower's in sequence digits (checksum valid)", issue=iss)

# ---- 7. date inconsistencies (4)
ci = ci_()
doc, iss = zd("jxx", ci)
late = recv(ci) + dt.timedelta(days=6)
doc["date"] = cn(late)
F_add(ci, "f26_zhenduan.jpg", doc, PH, {}, ["date_inconsistent"], "issue date is after the complaint was received", issue=iss)
ci = ci_()
doc, iss = sy("baohe", ci)
doc["date"] = "2026年6月31日"
F_add(ci, "f27_shiye_scan.jpg", doc, SC, {}, ["date_inconsistent"], "impossible calendar date", issue=D(2026, 6, 30))
ci = ci_()
doc, iss = zy("ncx", ci)
adm = iss - dt.timedelta(days=3); dis = adm - dt.timedelta(days=9)
doc["table"][2] = ("入院日期", cn(adm)); doc["table"][3] = ("出院日期", cn(dis)); doc["table"][4] = ("住院天数", "9天")
F_add(ci, "f28_zhuyuan_wx.jpg", doc, WX, {"from_photo": True, "light": "warm"}, ["date_inconsistent"], "discharge date before admission date", issue=iss)
ci = ci_()
doc, iss = de("yh2", ci)
doc["table"][2] = ("死亡日期", cn(iss + dt.timedelta(days=4)))
F_add(ci, "f29_siwang.pdf", doc, PD, {"kw": {"producer": "WPS Office", "creator": "WPS 文字"}}, ["date_inconsistent"], "date of death after the certificate's issue date", issue=iss)

# ---- 8. invalid ID numbers (3)
ci = ci_()
i0 = custs[ci]["id_number"]; bad = i0[:17] + lib.ID_C[(lib.ID_C.index(i0[17]) + 3) % 11]
doc, iss = lz("pengda", ci); doc["paras"][0] = doc["paras"][0].replace(i0, bad)
F_add(ci, "f30_lizhi.jpg", doc, PH, {"light": "dim"}, ["invalid_id_number"], "check digit wrong", issue=iss)
ci = ci_()
i0 = custs[ci]["id_number"]; bad = lib.make_id(i0[:6], i0[6:10] + "0230", int(i0[14:17]))
doc, iss = pk("xihu", ci, idn=bad)
F_add(ci, "f31_pinkun_scan.jpg", doc, SC, {"v": "photocopy"}, ["invalid_id_number"], "birth date part is not a real date (check digit recomputed)", issue=iss)
ci = ci_()
i0 = custs[ci]["id_number"]; bad = lib.make_id("990" + i0[3:6], i0[6:14], int(i0[14:17]))
doc, iss = zd("hechuan", ci, idn=bad)
F_add(ci, "f32_zhenduan.pdf", doc, PD, {}, ["invalid_id_number"], "region code with a non-existent province (check digit recomputed)", issue=iss)

# ================================================================ outputs
rows = []
for i, (cid, cp) in enumerate(sorted(complaints.items(), key=lambda kv: kv[1]["received"])):
    cu = cp["cust"]
    rows.append(dict(complaint_id=f"D22-{i + 1:04d}", received_at=cp["received"].strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                     channel=cp["channel"], customer_id=cid, phone=cu["phone"],
                     text=("".join(dict.fromkeys(cp["texts"])) + ("（共%d份附件）" % len(cp["files"]) if len(cp["files"]) > 1 else "")),
                     attachments=cp["files"]))
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "id_number"])
    for cu in custs:
        w.writerow([cu["customer_id"], cu["name"], cu["phone"], cu["principal"], cu["next_due_date"], cu["overdue_days"], cu["id_number"]])
with open(os.path.join(OUT, "materials_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"files": TRUTH}, f, ensure_ascii=False, indent=1)
print(len(TRUTH), "files;", len(rows), "complaints;", ci_next[0], "customers used")
