"""Build the b2_docs evaluation set. Run:  /work/main/.venv/bin/python _build/build.py
Deterministic (fixed seeds). Writes attachments/, complaints.jsonl, customers.csv, materials_truth.json,
_build/manifest.json (full per-file details for the lead; not part of the blind inputs).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import os
import shutil
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, PngImagePlugin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (IJG_CHROMA, IJG_LUMA, Capture, Layout, custom_tables, edoc_png, exif_bytes, id_check, id_valid,  # noqa: E402
                    ijg_scale, jpeg_roundtrip, make_id, make_uscc, page_box_to_img, phone_photo, pil_font, render_pdf,
                    render_raster, save_jpeg, scanner_scan, screenshot, seal_electronic, seal_impression, seal_mask,
                    uscc_valid)
import content  # noqa: E402
from content import BUILDERS, DOC_TYPE_CN, LENDER, cn_date  # noqa: E402
from people import (COMPANY_JOBS, DIAG, DOCTORS, HARDSHIPS, HOMOPHONE, LATE_REGIONS, LEAVE_REASONS,  # noqa: E402
                    POVERTY_REASONS, NamePool, addr, lawyer_licence, make_issuers, phone_number, rand_org8)
from specs import ALL  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ATT = ROOT / "attachments"
SEED = 20261130
TZ = dt.timezone(dt.timedelta(hours=8))

DOC_TYPE_EN = dict(diagnosis="medical_diagnosis_certificate", inpatient="hospitalisation_certificate", discharge="discharge_record",
                   death="death_certificate", cremation="cremation_certificate", unemployment="unemployment_proof",
                   resignation="resignation_certificate", furlough="furlough_certificate", income="income_certificate",
                   poverty="poverty_certificate", isolation="isolation_notice", unemp_reg="unemployment_registration_certificate",
                   dibao="social_assistance_certificate", police="police_case_receipt", court_mediation="court_mediation_document",
                   court_notice="court_case_acceptance_notice", lawyer="lawyer_letter")
CAPTURE_EN = dict(phone="phone_photo", scan="scanner_jpeg", png="png", pdf="pdf")

PHONES = [("Apple", "iPhone 13", "apple", "18.6.2"), ("Apple", "iPhone 15 Pro", "apple", "26.0.1"), ("Apple", "iPhone 14", "apple", "18.7.1"),
          ("HUAWEI", "ALN-AL00", "hisilicon", "ALN-AL00 4.2.0.150(C00E150R1P9)"), ("HUAWEI", "NOH-AL00", "hisilicon", "NOH-AL00 4.0.0.126(C00E120R1P2)"),
          ("Xiaomi", "23127PN0CC", "ijg95", None), ("vivo", "V2309A", "ijg95", None), ("OPPO", "PJZ110", "samsung", None),
          ("HONOR", "PGT-AN10", "hisilicon", None), ("samsung", "SM-S9180", "samsung", "S9180ZCS2AXE1")]
SCANNERS = [("Canon", "iR-ADV C3530", None), ("FUJIFILM", "Apeos C2560", None), ("EPSON", "DS-1660W", "Epson Scan 2"),
            ("KONICA MINOLTA", "bizhub C300i", None), ("HP", "HP LaserJet MFP M437", None)]
PDF_PRODUCERS = dict(
    his=("EMR Print Service 3.2", "iText® 5.5.13.3 ©2000-2022 iText Group NV (AGPL-version)"),
    wk=("wkhtmltopdf 0.12.6", "Qt 4.8.7"),
    word=("Microsoft® Word 2019", "Microsoft® Word 2019"),
    word365=("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"),
    wps=("WPS 文字", "WPS 文字"),
)
INCR_TOOLS = dict(acrobat="Adobe Acrobat Pro (64-bit) 24.3.20112", foxit="Foxit PDF Editor 12.1.2.15332",
                  xchange="PDF-XChange Editor 10.2.1.385", wpspdf="WPS PDF 12.1.0.17147")
CHANNELS = ["app", "app", "app", "hotline", "hotline", "wechat", "email", "regulator_referral", "letter"]


def srng(*parts):
    h = hashlib.sha256(("|".join(map(str, parts)) + f"|{SEED}").encode()).digest()
    return np.random.default_rng(int.from_bytes(h[:8], "little"))


# ----------------------------------------------------------------------------------------------
# people & customers
# ----------------------------------------------------------------------------------------------
pool = NamePool(srng("names"))
ISS = make_issuers(srng("issuers"))

complaint_units = []  # list of lists of specs
seen_cg = {}
for s in ALL:
    if s["cg"]:
        if s["cg"] not in seen_cg:
            seen_cg[s["cg"]] = []
            complaint_units.append(seen_cg[s["cg"]])
        seen_cg[s["cg"]].append(s)
    else:
        complaint_units.append([s])

# genuine documents whose borrower carries a district code created after their birth year
LATE_FOR = ["G05", "G13", "G24", "G34", "G43", "G47", "G53", "G58"]

customers = []
cust_by_key = {}
rng_c = srng("customers")
for unit in complaint_units:
    first = unit[0]
    if first["k"] in LATE_FOR:
        reg, year_lim, note = LATE_REGIONS[LATE_FOR.index(first["k"])]
        by = int(rng_c.integers(year_lim - 12, year_lim - 1))
        person = pool.person(birth_year=by, region=reg, region_note=note)
    else:
        by = None
        if first["t"] in ("death",) or any(x["t"] == "death" for x in unit):
            by = int(rng_c.integers(1958, 1975))
        person = pool.person(birth_year=by)
    cid = f"K{2600000 + len(customers) * 37 + int(rng_c.integers(1, 30)):07d}"
    cust = dict(customer_id=cid, name=person["name"], phone=phone_number(rng_c),
                principal=f"{float(rng_c.choice([3000, 5000, 8000, 10000, 12000, 15000, 20000, 30000, 50000, 80000])) + float(rng_c.integers(0, 100)) * 10:.2f}",
                next_due_date=(dt.date(2026, 12, 1) + dt.timedelta(days=int(rng_c.integers(0, 40)))).isoformat(),
                overdue_days=int(rng_c.choice([0, 0, 5, 12, 31, 45, 63, 90, 121, 150, 185])),
                id_number=person["id"], _person=person)
    customers.append(cust)
    for s in unit:
        cust_by_key[s["k"]] = cust

# complaint receive times
rng_t = srng("times")
unit_received = {}
for unit in complaint_units:
    day = dt.date(2026, 10, 1) + dt.timedelta(days=int(rng_t.integers(0, 59)))
    t = dt.datetime(day.year, day.month, day.day, int(rng_t.integers(8, 23)), int(rng_t.integers(0, 60)), int(rng_t.integers(0, 60)), tzinfo=TZ)
    for s in unit:
        unit_received[s["k"]] = t

# ----------------------------------------------------------------------------------------------
# extras & dates
# ----------------------------------------------------------------------------------------------
DOCNO_CTR = {"n": 100}


def nxt(rng, lo=1000, hi=99999):
    DOCNO_CTR["n"] += 1
    return int(rng.integers(lo, hi))


def make_dates(t, issue, rng):
    d = dict(issue=issue)
    D = lambda n: dt.timedelta(days=int(n))  # noqa: E731
    if t == "diagnosis":
        d["visit"] = issue - D(rng.integers(0, 3))
    elif t in ("inpatient", "discharge"):
        d["discharge"] = issue - D(rng.integers(0, 3))
        d["admit"] = d["discharge"] - D(rng.integers(5, 24))
    elif t == "death":
        d["death"] = issue - D(rng.integers(0, 4))
    elif t == "cremation":
        d["death"] = issue - D(rng.integers(4, 8))
        d["cremation"] = issue
    elif t in ("unemployment", "unemp_reg"):
        d["event"] = issue - D(rng.integers(20, 150))
    elif t == "resignation":
        d["event"] = issue - D(rng.integers(0, 25))
        d["start"] = d["event"] - D(rng.integers(400, 2500))
    elif t == "furlough":
        d["event"] = issue - D(rng.integers(10, 60))
    elif t == "income":
        d["event"] = issue - D(rng.integers(30, 100))
    elif t == "isolation":
        d["start"] = issue
        d["end"] = issue + D(rng.choice([60, 90, 120, 180]))
    elif t == "dibao":
        d["event"] = issue - D(rng.integers(60, 330))
        d["valid"] = d["event"] + D(365)
    elif t == "police":
        d["event"] = issue - D(rng.integers(0, 2))
    elif t == "court_mediation":
        d["filed"] = issue - D(rng.integers(30, 70))
        d["event"] = d["filed"] - D(rng.integers(20, 90))
    elif t == "court_notice":
        d["event"] = issue - D(rng.integers(3, 8))
    return d


def make_extra(t, rng, iss, p, cust, dates, spec):
    o = spec["opt"]
    issue = dates["issue"]
    dg = DIAG[int(rng.integers(0, len(DIAG)))]
    e = {}
    if t == "diagnosis":
        e = dict(docno=f"ZD{issue:%Y%m}{nxt(rng, 10000, 99999)}", opno=f"MZ{int(rng.integers(10**7, 10**8))}", dept=dg[2], diag=dg[0], advice=dg[1],
                 doctor=str(rng.choice(DOCTORS)))
    elif t == "inpatient":
        e = dict(docno=f"ZY{issue:%y}{nxt(rng, 100000, 999999)}", dept=dg[2], ipno=f"{int(rng.integers(10**6, 10**7))}",
                 reason=str(rng.choice(["病情加重", "突发胸痛", "腰腿痛加重伴活动受限", "高热伴咳嗽咳痰", "腹痛伴呕吐", "意外受伤"])),
                 diag=dg[0], advice="出院后" + dg[1], doctor=str(rng.choice(DOCTORS)))
    elif t == "discharge":
        e = dict(docno=f"CY{issue:%y}{nxt(rng, 100000, 999999)}", dept=dg[2], bed=f"{int(rng.integers(1, 60))}", ipno=f"{int(rng.integers(10**6, 10**7))}",
                 diag_in=dg[0].split("（")[0] + "？", diag=dg[0],
                 course=f"入院后完善相关检查，明确诊断为{dg[0]}，予以对症支持及专科治疗，病情好转后出院。",
                 advice=dg[1], doctor=str(rng.choice(DOCTORS)))
    elif t == "death":
        cause = [("肺恶性肿瘤", "呼吸循环衰竭"), ("急性心肌梗死", "心源性休克"), ("脑出血", "中枢性呼吸循环衰竭"), ("肝硬化失代偿期", "上消化道大出血")][int(rng.integers(0, 4))]
        e = dict(docno=f"{p['id'][:6]}{issue:%Y}{nxt(rng, 100000, 999999)}", death_time=f"{int(rng.integers(0, 24))}时{int(rng.integers(0, 60))}分",
                 place=str(rng.choice(["医疗卫生机构", "家中"])), addr=addr(rng), doctor=str(rng.choice(DOCTORS)),
                 causes=[("（a）直接死亡原因：", cause[1]), ("（b）引起（a）的疾病或情况：", cause[0])])
    elif t == "cremation":
        e = dict(docno=f"HH{issue:%Y}{nxt(rng, 10000, 99999)}", addr=addr(rng), agent=pool.person()["name"], relation=str(rng.choice(["儿子", "女儿", "配偶"])))
    elif t == "unemployment":
        job = COMPANY_JOBS[int(rng.integers(0, len(COMPANY_JOBS)))]
        e = dict(community=str(rng.choice(["江景", "兴华", "滨海", "花园", "长乐", "新村"])), addr=addr(rng),
                 company=str(rng.choice(["澜州市顺安建筑劳务有限公司", "澜州恒远科技有限公司", "望海市蓝湾酒店管理有限公司", "濮江市锦程餐饮管理有限公司"])),
                 job=job[1], reason=str(rng.choice(LEAVE_REASONS)), family=str(rng.choice(["上有老人需赡养，下有子女在读", "配偶无业，子女年幼", "独自抚养子女"])),
                 clerk=str(rng.choice(["李红", "覃丽", "黄敏", "陆海燕"])))
    elif t == "resignation":
        job = COMPANY_JOBS[int(rng.integers(0, len(COMPANY_JOBS)))]
        e = dict(dept=job[0], job=job[1], reason=str(rng.choice(LEAVE_REASONS)),
                 docno=(f"HR-LZ-{issue:%Y}-{nxt(rng, 100, 999)}" if rng.random() < 0.5 else None))
    elif t == "furlough":
        job = COMPANY_JOBS[int(rng.integers(0, len(COMPANY_JOBS)))]
        e = dict(cause=str(rng.choice(["主要客户订单大幅减少", "行业市场持续低迷", "原材料价格上涨及订单取消"])), dept=job[0],
                 pay=str(int(rng.choice([1440, 1528, 1584]))), hr=str(rng.choice(["赵敏", "韦晓丽", "陈立"])), docno=f"人字〔{issue:%Y}〕{int(rng.integers(10, 99))}号")
    elif t == "income":
        job = COMPANY_JOBS[int(rng.integers(0, len(COMPANY_JOBS)))]
        old = int(rng.choice([6500, 7200, 8000, 9500, 12000]))
        e = dict(dept=job[0], old=f"{old:,}", new=f"{int(old * float(rng.choice([0.35, 0.4, 0.5]))):,}")
    elif t == "poverty":
        unit = "我镇石桥村" if spec["iss"] == "gov1" else "我村"
        e = dict(addr=addr(rng, city="青禾县石桥镇" if spec["iss"] in ("vil1", "vil2", "gov1") else "濮江市河口镇") .split("号")[0] + "号",
                 members=int(rng.integers(3, 7)), reason=str(rng.choice(POVERTY_REASONS)), income=str(int(rng.choice([3000, 4000, 5000]))),
                 head=pool.person(male=True)["name"], unit=unit)
    elif t == "isolation":
        e = dict(hospital="澜州市第三人民医院（市结核病定点医院）", disease="肺结核（病原学阳性）", doctor=str(rng.choice(DOCTORS)),
                 docno=f"江北疾控隔字〔{issue:%Y}〕{nxt(rng, 100, 999)}号")
    elif t == "unemp_reg":
        e = dict(docno=f"{issue:%Y}{nxt(rng, 10**9, 10**10 - 1)}", hukou=str(rng.choice(["城镇", "农村"])), reason=str(rng.choice(["单位裁员", "劳动合同期满终止", "单位解除劳动合同"])),
                 company=str(rng.choice(["澜州市顺安建筑劳务有限公司", "澜州恒远科技有限公司", "澜州市新程教育咨询有限公司"])),
                 ui=str(rng.choice(["已申领（每月1,656元，共12个月）", "未申领", "已申领（每月1,584元，共9个月）"])),
                 office=iss["name"].replace("人力资源和社会保障局", "公共就业服务中心"), time=f"{int(rng.integers(9, 17))}:{int(rng.integers(10, 59))}:{int(rng.integers(10, 59))}")
    elif t == "dibao":
        tekun = o.get("tekun")
        e = dict(docno=f"{'TK' if tekun else 'DB'}{issue:%Y}{nxt(rng, 10000, 99999)}", addr=addr(rng, city=iss["name"][:3] + "城区"),
                 members=1 if tekun else int(rng.integers(2, 5)), category="特困人员救助供养" if tekun else "城市最低生活保障",
                 amount=str(int(rng.choice([780, 860, 920, 1150]))), clerk=str(rng.choice(["罗海", "莫丽娟", "卢军"])),
                 title="特困人员救助供养证明" if tekun else "最低生活保障证明")
    elif t == "police":
        e = dict(docno=f"{iss['name'][2:4]}公（{iss['name'][-5:-3]}）受案字〔{issue:%Y}〕{nxt(rng, 10000, 99999)}号",
                 case=str(rng.choice(["被电信网络诈骗", "被冒用身份信息网络贷款", "刷单返利诈骗", "虚假投资理财诈骗"])),
                 tel=f"0779-33{int(rng.integers(10000, 99999))}", officer=f"{pool.person()['name']}、{pool.person()['name']}")
    elif t == "court_mediation":
        e = dict(docno=f"（{issue:%Y}）澜{'0102' if spec['iss'] == 'ct1' else '0103'}民初{nxt(rng, 1000, 9999)}号", addr=addr(rng),
                 defendant=str(rng.choice(["澜州市顺安建筑劳务有限公司", "澜州市新程教育咨询有限公司", "澜州市鑫达物流有限公司"])),
                 def_addr="澜州市江南区白沙路77号", def_rep=pool.person()["name"], since=f"{issue.year - int(rng.integers(2, 6))}年{int(rng.integers(1, 13))}月",
                 arrears_from=f"{issue.year}年{int(rng.integers(1, 5))}月", arrears=f"{int(rng.integers(15, 60)) * 1000:,}",
                 settle=f"{int(rng.integers(20, 70)) * 1000:,}", judge=pool.person()["name"], clerk=pool.person()["name"])
    elif t == "court_notice":
        e = dict(docno=f"（{issue:%Y}）澜{'0102' if spec['iss'] == 'ct1' else '0103'}民初{nxt(rng, 1000, 9999)}号",
                 defendant=str(rng.choice(["澜州市顺安建筑劳务有限公司", "望海市蓝湾酒店管理有限公司"])), cause=str(rng.choice(["劳动争议", "追索劳动报酬纠纷"])),
                 judge=pool.person()["name"], tel=f"0779-33{int(rng.integers(10000, 99999))}")
    elif t == "lawyer":
        short = iss["name"].replace("律师事务所", "").replace("法务咨询有限公司", "").replace("法律咨询服务有限公司", "")[-2:]
        lawyers = []
        n_law = 2 if (o.get("uscc2") or rng.random() < 0.5) else 1
        for i in range(n_law):
            lp = pool.person()
            if o.get("uscc") and (i == 0 or o.get("uscc2")):
                pre, reg, style = o["uscc"]
                lic = make_uscc(pre, reg, rand_org8(rng, style))
            else:
                lic = lawyer_licence(rng, region4=str(rng.choice(["4501", "4505", "4401", "4403", "3101", "1101"])), male=lp["male"])
            lawyers.append((lp["name"], lic))
        pr = float(cust["principal"])
        e = dict(docno=f"（{issue:%Y}）{short}律函字第{nxt(rng, 10, 999):04d}号", lawyers=lawyers,
                 loan_date=cn_date(issue - dt.timedelta(days=int(rng.integers(300, 700)))), principal=f"{pr:,.2f}",
                 hardship=str(rng.choice(HARDSHIPS)),
                 overdue_from=cn_date(issue - dt.timedelta(days=int(rng.integers(40, 160)))),
                 tel=phone_number(rng), tone=o.get("tone", "polite"))
    return e


# ----------------------------------------------------------------------------------------------
# seals
# ----------------------------------------------------------------------------------------------
_mask_cache = {}
_eseal_cache = {}


def mask_for(iss):
    k = iss["key"]
    if k not in _mask_cache:
        _mask_cache[k] = seal_mask(iss["ring"], iss.get("bottom", ""), size=640)
    return _mask_cache[k]


def eseal_for(iss):
    k = iss["key"]
    if k not in _eseal_cache:
        _eseal_cache[k] = seal_electronic(mask_for(iss), out_px=320)
    return _eseal_cache[k]


BLANK_SEAL = Image.new("RGBA", (320, 320), (0, 0, 0, 0))

# ----------------------------------------------------------------------------------------------
# image edit helpers
# ----------------------------------------------------------------------------------------------


def paper_color(img, box):
    x0, y0, x1, y1 = box
    reg = np.asarray(img.crop((x0 - 6, y0 - 6, x1 + 6, y1 + 6)), np.float32).reshape(-1, 3)
    lum = reg.mean(1)
    bright = reg[lum >= np.percentile(lum, 70)]
    return tuple(int(v) for v in np.median(bright, 0))


def ink_color(img, box):
    reg = np.asarray(img.crop(box), np.float32).reshape(-1, 3)
    lum = reg.mean(1)
    dark = reg[lum <= np.percentile(lum, 3)]
    return tuple(int(v) for v in np.median(dark, 0))


def paste_text(img, box, text, rng, visible, angle=0.0, font="song"):
    """Replace the content of an image box by new text (a forger's paste)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    bg = paper_color(img, box)
    ink = ink_color(img, box)
    fs = h * (0.62 if visible else 0.66)
    if visible:
        tw = int(pil_font(font, fs).getlength(text)) + 8
        patch = Image.new("RGB", (max(w + 6, tw), h + 4), tuple(min(255, c + 6) for c in bg))
        d = ImageDraw.Draw(patch)
        d.text((3, (h + 4) / 2), text, font=pil_font(font, fs), fill=(10, 10, 10), anchor="lm")
        img.paste(patch, (x0 - 3, y0 - 2))
        return img
    # subtle: noisy background, matched ink, slight rotation and blur, feathered edge
    ink = tuple(int(c * 0.55) for c in ink)
    fs = h * 0.7
    pw, ph = max(w + 10, int(pil_font(font, fs).getlength(text)) + 16), h + 8
    arr = np.ones((ph, pw, 3), np.float32) * np.array(bg, np.float32) + rng.normal(0, 2.0, (ph, pw, 1)).astype(np.float32)
    patch = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    layer = Image.new("L", (pw * 2, ph * 2), 0)
    ImageDraw.Draw(layer).text((10, ph), text, font=pil_font(font, fs * 2), fill=255, anchor="lm")
    layer = layer.rotate(-angle, resample=Image.BICUBIC).resize((pw, ph), Image.LANCZOS).filter(ImageFilter.GaussianBlur(0.5))
    a = np.asarray(layer, np.float32)[..., None] / 255.0
    out = np.asarray(patch, np.float32) * (1 - a) + np.array(ink, np.float32) * a
    patch = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    feather = Image.new("L", (pw, ph), 0)
    ImageDraw.Draw(feather).rectangle([3, 3, pw - 4, ph - 4], fill=255)
    feather = feather.filter(ImageFilter.GaussianBlur(2))
    img.paste(patch, (x0 - 5, y0 - 4), feather)
    return img


def box_angle(cap, box_pt, dpi):
    s = dpi / 72.0
    x0, y0, x1, y1 = box_pt
    ym = (y0 + y1) / 2
    a = cap.page_to_img(x0 * s, ym * s)
    b = cap.page_to_img(x1 * s, ym * s)
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def xmp_packet(tool, created, modified):
    c = created.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    m = modified.strftime("%Y-%m-%dT%H:%M:%S+08:00")
    iid = hashlib.md5((tool + m).encode()).hexdigest()
    return (f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c002 79.f354efc70, 2023/11/09-12:05:53        ">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
            'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
            'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            f'xmp:CreatorTool="{tool}" xmp:CreateDate="{c}" xmp:ModifyDate="{m}" xmp:MetadataDate="{m}" '
            f'dc:format="image/jpeg" photoshop:ColorMode="3" xmpMM:InstanceID="xmp.iid:{iid[:8]}-{iid[8:12]}-{iid[12:16]}-{iid[16:20]}-{iid[20:32]}">'
            f'<xmpMM:History><rdf:Seq><rdf:li stEvt:action="saved" stEvt:instanceID="xmp.iid:{iid}" stEvt:when="{m}" '
            f'stEvt:softwareAgent="{tool}" stEvt:changed="/"/></rdf:Seq></xmpMM:History></rdf:Description></rdf:RDF></x:xmpmeta>\n'
            '<?xpacket end="w"?>').encode("utf-8")


def phone_tables(kind):
    if kind == "ijg95":
        return None, 95
    return custom_tables(kind), None


def copy_seal_pixels(dst_img, dst_center, src_img, src_box):
    """Paste the red seal pixels of src (inside src_box) at dst_center, pixel-for-pixel."""
    crop = np.asarray(src_img.crop(src_box)).astype(np.int16)
    red = (crop[..., 0] - np.maximum(crop[..., 1], crop[..., 2])) > 28
    h, w = red.shape
    x0 = int(round(dst_center[0] - w / 2))
    y0 = int(round(dst_center[1] - h / 2))
    d = np.asarray(dst_img).copy()
    sub = d[y0:y0 + h, x0:x0 + w]
    sub[red] = crop[red].astype(np.uint8)
    d[y0:y0 + h, x0:x0 + w] = sub
    return Image.fromarray(d), int(red.sum())


# ----------------------------------------------------------------------------------------------
# incremental PDF edit
# ----------------------------------------------------------------------------------------------
def pdf_incremental_edit(src, dst, lay, repl, when, producer):
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas
    from common import RL_NAMES, _rl_fonts
    _rl_fonts()
    bio = io.BytesIO()
    c = canvas.Canvas(bio, pagesize=(lay.w, lay.h), invariant=1)
    for field, new in repl.items():
        x0, y0, x1, y1 = lay.box(field)
        size = (y1 - y0) / 1.14
        base = y1 - size * 0.22
        c.setFillColorRGB(1, 1, 1)
        c.rect(x0 - 1.5, lay.h - y1 - 1.5, (x1 - x0) + 3, (y1 - y0) + 3, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(RL_NAMES["song"], size)
        c.drawString(x0, lay.h - base, new)
    c.showPage()
    c.save()
    bio.seek(0)
    ov = PdfReader(bio)
    w = PdfWriter(src, incremental=True)
    w.pages[0].merge_page(ov.pages[0])
    w.add_metadata({"/ModDate": when.strftime("D:%Y%m%d%H%M%S+08'00'"), "/Producer": producer})
    w.write(dst)


def pdf_metadata_update(src, dst, when, producer):
    from pypdf import PdfWriter
    w = PdfWriter(src, incremental=True)
    w.add_metadata({"/ModDate": when.strftime("D:%Y%m%d%H%M%S+08'00'"), "/Producer": producer})
    w.write(dst)


# ----------------------------------------------------------------------------------------------
# main build
# ----------------------------------------------------------------------------------------------
def invalid_id(pid, how):
    if how == "check_digit":
        good = pid[17]
        alt = [c for c in "0123456789X" if c != good]
        return pid[:17] + alt[(int(hashlib.md5(pid.encode()).hexdigest(), 16)) % len(alt)]
    if how == "feb30":
        s17 = pid[:10] + "0230" + pid[14:17]
        return s17 + id_check(s17)
    if how == "month13":
        s17 = pid[:10] + "13" + pid[12:17]
        return s17 + id_check(s17)
    raise ValueError(how)


def main():
    if ATT.exists():
        shutil.rmtree(ATT)
    ATT.mkdir(parents=True)
    built = {}      # key -> dict(path, img (decoded final for images), seal_box_img, ...)
    manifest = {}
    reuse_groups = {}
    used_names = set()

    def unique(fn):
        base, ext = os.path.splitext(fn)
        cand, i = fn, 1
        while cand in used_names:
            cand = f"{base}({i}){ext}"
            i += 1
        used_names.add(cand)
        return cand

    for idx, spec in enumerate(ALL):
        k, t, cap, o = spec["k"], spec["t"], spec["cap"], spec["opt"]
        iss = ISS[spec["iss"]]
        cust = cust_by_key[k]
        borrower = cust["_person"]
        received = unit_received[k]
        rng = srng("doc", k)
        reuse = o.get("reuse")
        grp = None
        if reuse:
            gname, gmode = reuse
            if gname not in reuse_groups:
                members = [s for s in ALL if s["opt"].get("reuse", (None,))[0] == gname]
                earliest = min(unit_received[s["k"]] for s in members)
                grng = srng("group", gname)
                g_issue = earliest.date() - dt.timedelta(days=int(grng.integers(12, 30)))
                orig = pool.person()
                reuse_groups[gname] = dict(issue=g_issue, orig=orig, seed=("group", gname), members=[s["k"] for s in members], earliest=earliest)
            grp = reuse_groups[gname]
            rng = srng(*grp["seed"])  # identical content & capture for all members

        # ---- dates
        if grp:
            issue = grp["issue"]
        else:
            back = int(rng.integers(3, 36)) if t not in ("death", "cremation") else int(rng.integers(8, 40))
            issue = received.date() - dt.timedelta(days=back)
        dates = make_dates(t, issue, rng)
        date_bad = o.get("date_bad")
        if date_bad == "death_months_before_issue":
            dates["death"] = issue - dt.timedelta(days=int(rng.integers(190, 240)))
        elif date_bad == "issued_before_event":
            issue = received.date() - dt.timedelta(days=int(rng.integers(35, 50)))
            dates = make_dates(t, issue, rng)
            dates["event"] = issue + dt.timedelta(days=int(rng.integers(18, 30)))
        elif date_bad == "issued_after_complaint":
            issue = received.date() + dt.timedelta(days=int(rng.integers(6, 15)))
            dates = make_dates(t, issue, rng)
        elif date_bad == "discharge_before_admission":
            dates["admit"] = issue - dt.timedelta(days=int(rng.integers(2, 5)))
            dates["discharge"] = dates["admit"] - dt.timedelta(days=int(rng.integers(6, 12)))

        # ---- who is shown on the document
        shown = dict(borrower)
        orig_person = None
        mm = o.get("mismatch")
        if mm == "other_person":
            other = pool.person(birth_year=borrower["birth"].year + int(rng.integers(-6, 7)))
            shown = dict(other)
        elif mm == "id_other":
            other = pool.person(male=borrower["male"], birth_year=borrower["birth"].year + int(rng.integers(-4, 5)))
            shown["id"] = other["id"]
        elif mm == "name_typo":
            nm = borrower["name"]
            last = nm[-1]
            shown["name"] = nm[:-1] + HOMOPHONE.get(last, "晓")
        elif mm == "name_other":
            shown["name"] = pool.person(male=borrower["male"])["name"]
        if o.get("invalid"):
            shown["id"] = invalid_id(borrower["id"], o["invalid"])
        if grp:
            # the re-used original keeps its sex/age wording; only name (and ID) are swapped
            shown["birth"] = grp["orig"]["birth"]
            shown["male"] = grp["orig"]["male"]
            if reuse[1] == "name_only":
                shown["id"] = grp["orig"]["id"]
        render_person = shown
        if o.get("edit") or o.get("incr"):
            orig_person = pool.person(male=borrower["male"], birth_year=borrower["birth"].year + int(rng.integers(-3, 4)))
            render_person = dict(orig_person)

        extra = make_extra(t, rng, iss, render_person, cust, dates, spec)
        if grp:
            extra = grp.setdefault("extra", extra)

        # ---- seal
        seal_from = o.get("seal_from")
        if cap == "pdf":
            seal = eseal_for(ISS[ALL_BY_KEY[seal_from]["iss"]]) if seal_from else eseal_for(iss)
        elif seal_from:
            seal = BLANK_SEAL
        else:
            seal = seal_impression(mask_for(iss), rng, out_px=320)

        lay, meta = BUILDERS[t](render_person, iss, dates, rng, seal, extra)

        # ---- capture & save
        exif_info = {}
        note_bits = []
        if cap == "pdf":
            if seal_from:
                note_bits.append(f"electronic seal image identical to the one in {built[seal_from]['path'].name} ({ISS[ALL_BY_KEY[seal_from]['iss']]['name']}) placed on {iss['name']} paper")
            prod_key = o.get("producer", "word")
            creator, producer = PDF_PRODUCERS[prod_key]
            created = dt.datetime.combine(issue, dt.time(int(rng.integers(9, 17)), int(rng.integers(0, 60)), int(rng.integers(0, 60))))
            fn = pdf_name(t, render_person if not orig_person else borrower, extra, rng)
            fn = unique(fn)
            out = ATT / fn
            title = DOC_TYPE_CN[t] if prod_key in ("word", "word365", "wps") else ""
            author = {"word": "Administrator", "word365": "HP", "wps": "Lenovo", "his": "", "wk": ""}[prod_key]
            if o.get("incr"):
                tmp = ATT / ("_tmp_" + fn)
                render_pdf(lay, str(tmp), created, producer, creator=creator, title=title, author=author)
                when = dt.datetime.combine(received.date() - dt.timedelta(days=int(rng.integers(1, 4))), dt.time(int(rng.integers(20, 24)), int(rng.integers(0, 60)), 11))
                repl = {f_: (borrower["name"] if f_ == "name" else borrower["id"]) for f_ in o["incr"]["fields"]}
                pdf_incremental_edit(str(tmp), str(out), lay, repl, when, INCR_TOOLS[o["incr"]["tool"]])
                tmp.unlink()
                note_bits.append(f"original issued to {orig_person['name']} {orig_person['id']}; incremental update by {INCR_TOOLS[o['incr']['tool']]} on {when:%Y-%m-%d %H:%M} overlays " + ", ".join(f"{a}->{b}" for a, b in repl.items()))
                shown = dict(shown)
                shown["name"] = borrower["name"] if "name" in repl else orig_person["name"]
                shown["id"] = borrower["id"] if "id" in repl else orig_person["id"]
            elif o.get("benign_incremental"):
                tmp = ATT / ("_tmp_" + fn)
                render_pdf(lay, str(tmp), created, producer, creator=creator, title=title, author=author)
                when = created + dt.timedelta(minutes=2, seconds=17)
                pdf_metadata_update(str(tmp), str(out), when, producer + "; modified using iText® 7.2.5 ©2000-2023 Apryse Group NV")
                tmp.unlink()
                note_bits.append("genuine; the issuer's e-sign platform appended an incremental update 2 min after creation that only rewrites the Info dictionary (page content unchanged)")
            else:
                render_pdf(lay, str(out), created, producer, creator=creator, title=title, author=author)
            pdf_meta = dict(created=created.isoformat(), producer=producer, creator=creator)
            built[k] = dict(path=out)
            exif_info = pdf_meta
        else:
            dpi = 170 if cap == "phone" else 150
            page = render_raster(lay, dpi=dpi)
            crng = rng
            if cap == "phone":
                size = (1200, 1600)
                capobj = phone_photo(page, crng, out_size=size)
            elif cap == "scan":
                capobj = scanner_scan(page, crng, gray=bool(o.get("gray")))
            else:
                if o.get("png") == "shot":
                    clock = f"{int(crng.integers(8, 23))}:{int(crng.integers(0, 60)):02d}"
                    capobj = screenshot(page, crng, o.get("app", "电子证照"), clock)
                else:
                    capobj = edoc_png(page)
            img = capobj.img
            # seal copied from another issuer's document in this set
            if seal_from:
                src = built[seal_from]
                dst_box = page_box_to_img(capobj, lay.box("seal"), dpi, pad=0)
                centre = ((dst_box[0] + dst_box[2]) / 2, (dst_box[1] + dst_box[3]) / 2)
                img, npx = copy_seal_pixels(img, centre, src["final"], src["seal_box"])
                note_bits.append(f"seal pixels copied from {src['path'].name} ({ISS[ALL_BY_KEY[seal_from]['iss']]['name']}) onto {iss['name']} paper ({npx} px)")
            # photographing time
            lo = dt.datetime.combine(issue, dt.time(9, 0), tzinfo=TZ)
            hi = (grp["earliest"] if grp else received) - dt.timedelta(hours=1)
            if hi <= lo:
                hi = lo + dt.timedelta(hours=3)
            if date_bad == "issued_after_complaint":
                lo, hi = received - dt.timedelta(days=3), received - dt.timedelta(hours=2)
            shot_t = lo + dt.timedelta(seconds=int(crng.integers(0, int((hi - lo).total_seconds()))))
            if shot_t.hour < 8 or shot_t.hour > 22:
                shot_t = shot_t.replace(hour=int(crng.integers(9, 21)))
                if shot_t > hi:
                    shot_t = hi
            shot_naive = shot_t.replace(tzinfo=None)
            ed = o.get("edit")
            if ed:
                # first the genuine-looking original file, then the forger's edit
                if cap == "phone":
                    ph = PHONES[int(crng.integers(0, len(PHONES)))]
                    qt, q = phone_tables(ph[2])
                    img = jpeg_roundtrip(img, quality=q, qtables=qt)
                elif cap == "scan":
                    img = jpeg_roundtrip(img, quality=80)
                for field in ed["fields"]:
                    box = page_box_to_img(capobj, lay.box(field), dpi, pad=2)
                    ang = box_angle(capobj, lay.box(field), dpi) if cap == "phone" else 0.0
                    new = borrower["name"] if field == "name" else borrower["id"]
                    img = paste_text(img, box, new, crng, ed["visible"], angle=ang)
                note_bits.append(f"original shows {orig_person['name']} {orig_person['id']}; " + ("visible flat paste" if ed["visible"] else "blended paste") + " of " + "/".join(ed["fields"]))
                shown = dict(borrower)
            if cap == "phone":
                if ed:
                    edit_t = shot_naive + dt.timedelta(hours=int(crng.integers(2, 30)))
                    if edit_t >= received.replace(tzinfo=None):
                        edit_t = received.replace(tzinfo=None) - dt.timedelta(minutes=30)
                    if ed.get("strip"):
                        img2 = img.resize((1080, 1440), Image.LANCZOS)
                        fn = unique(f"mmexport{int(edit_t.replace(tzinfo=TZ).timestamp() * 1000)}.jpg")
                        save_jpeg(img2, str(ATT / fn), quality=82)
                        exif_info = dict(exif=None, note="no metadata (re-saved through a messaging app)")
                    else:
                        exb = exif_bytes(make=ph[0], model=ph[1], software=ed["software"], dt_orig=shot_naive, dt_mod=edit_t, size=img.size, rng=crng)
                        xmp = xmp_packet(ed["software"], shot_naive, edit_t) if ed.get("xmp") else None
                        fn = unique(f"IMG_{shot_naive:%Y%m%d_%H%M%S}.jpg" if ph[0] != "Apple" else f"IMG_{int(crng.integers(1000, 9999))}.jpg")
                        save_jpeg(img, str(ATT / fn), qtables=custom_tables("photoshop10"), exif=exb, xmp=xmp)
                        exif_info = dict(make=ph[0], model=ph[1], software=ed["software"], datetime_original=shot_naive.isoformat(), datetime=edit_t.isoformat(), xmp=bool(xmp))
                elif o.get("noexif"):
                    img2 = img.resize((1080, 1440), Image.LANCZOS)
                    fn = unique(f"微信图片_{shot_naive:%Y%m%d%H%M%S}.jpg")
                    save_jpeg(img2, str(ATT / fn), quality=int(crng.choice([78, 82, 85])))
                    exif_info = dict(exif=None, note="phone photo forwarded through a messaging app: EXIF stripped, recompressed")
                else:
                    ph = PHONES[int(crng.integers(0, len(PHONES)))]
                    qt, q = phone_tables(ph[2])
                    exb = exif_bytes(make=ph[0], model=ph[1], software=ph[3], dt_orig=shot_naive, size=img.size, rng=crng)
                    if ph[0] == "Apple":
                        fn = f"IMG_{int(crng.integers(1000, 9999))}.JPG"
                    else:
                        fn = f"IMG_{shot_naive:%Y%m%d_%H%M%S}.jpg"
                    fn = unique(fn)
                    save_jpeg(img, str(ATT / fn), quality=q, qtables=qt, exif=exb)
                    exif_info = dict(make=ph[0], model=ph[1], software=ph[3], datetime_original=shot_naive.isoformat(), tables=ph[2])
            elif cap == "scan":
                q = int(crng.choice([75, 80, 85]))
                if ed:
                    edit_t = shot_naive + dt.timedelta(hours=int(crng.integers(2, 30)))
                    exb = exif_bytes(software=ed["software"], dt_mod=edit_t, camera=False, xres=150)
                    fn = unique(f"{DOC_TYPE_CN[t]}.jpg")
                    save_jpeg(img, str(ATT / fn), quality=90, exif=exb)
                    exif_info = dict(software=ed["software"], datetime=edit_t.isoformat(), quality=90)
                elif o.get("scanner_exif"):
                    sc = SCANNERS[int(crng.integers(0, len(SCANNERS)))]
                    exb = exif_bytes(make=sc[0], model=sc[1], software=sc[2], dt_mod=shot_naive, camera=False, xres=150)
                    fn = unique(f"SCAN{shot_naive:%Y%m%d%H%M}_{int(crng.integers(1, 99)):03d}.jpg")
                    save_jpeg(img, str(ATT / fn), quality=q, exif=exb)
                    exif_info = dict(make=sc[0], model=sc[1], datetime=shot_naive.isoformat(), quality=q)
                else:
                    style = int(crng.integers(0, 3))
                    fn = [f"扫描件_{shot_naive:%Y%m%d}.jpg", f"Doc{shot_naive:%Y%m%d%H%M%S}.jpg", f"{DOC_TYPE_CN[t]}扫描件.jpg"][style]
                    fn = unique(fn)
                    save_jpeg(img, str(ATT / fn), quality=q)
                    exif_info = dict(exif=None, quality=q)
            else:  # png
                pnginfo = None
                if ed:
                    edit_t = shot_naive + dt.timedelta(hours=int(crng.integers(2, 30)))
                    pnginfo = PngImagePlugin.PngInfo()
                    if ed.get("png_software"):
                        pnginfo.add_text("Software", ed["png_software"])
                    if ed.get("xmp"):
                        pnginfo.add_itxt("XML:com.adobe.xmp", xmp_packet("Adobe Photoshop 25.0 (Windows)", shot_naive, edit_t).decode("utf-8"))
                    exif_info = dict(png_software=ed.get("png_software"), xmp=bool(ed.get("xmp")))
                if o.get("png") == "shot":
                    fn = unique(f"Screenshot_{shot_naive:%Y%m%d-%H%M%S}.png" if crng.random() < 0.6 else f"IMG_{int(crng.integers(1000, 9999))}.PNG")
                else:
                    fn = unique(f"{DOC_TYPE_CN[t]}_{shot_naive:%Y%m%d}.png" if crng.random() < 0.5 else f"{DOC_TYPE_CN[t]}-{borrower['name']}.png")
                img.save(str(ATT / fn), "PNG", pnginfo=pnginfo, optimize=True)
            out = ATT / fn
            final = Image.open(out).convert("RGB")
            seal_box_img = page_box_to_img(capobj, lay.box("seal"), dpi, pad=4) if "seal" in lay.boxes else None
            if final.size != capobj.img.size and seal_box_img:
                sx = final.size[0] / capobj.img.size[0]
                seal_box_img = tuple(int(v * sx) for v in seal_box_img)
            built[k] = dict(path=out, final=final, seal_box=seal_box_img)

        rel = f"attachments/{out.name}"
        kinds = list(spec["kinds"])
        if mm:
            note_bits.append(f"document shows {shown['name']} {shown['id']}; borrower is {borrower['name']} {borrower['id']} ({mm})")
        if o.get("invalid"):
            note_bits.append(f"ID on document {shown['id']} is invalid ({o['invalid']}); borrower's ID is {borrower['id']}")
        if grp:
            note_bits.append(f"re-use group {reuse[0]} ({', '.join(grp['members'])}): same original document, only the name" + (" and ID" if reuse[1] == "name_id" else "") + " changed (sex/age wording left as on the original); "
                             + (f"ID shown {shown['id']} belongs to neither borrower" if reuse[1] == "name_only" else "ID matches this borrower"))
        if date_bad:
            note_bits.append(f"date problem: {date_bad}; dates shown {json.dumps({a: b.isoformat() for a, b in dates.items()}, ensure_ascii=False)}; complaint received {received.isoformat()}")
        if t == "lawyer":
            note_bits.append("licences: " + "; ".join(f"{a} {b} ({'USCC, valid check' if len(b) == 18 and uscc_valid(b) else str(len(b)) + '-digit lawyer licence'})" for a, b in extra["lawyers"]))
            if iss.get("footer_uscc"):
                note_bits.append(f"footer shows the firm's own USCC {iss['uscc']} (legitimate)")
        if o.get("pair"):
            note_bits.append(f"seal-pair {o['pair']}: seal differs only in ring text from its partner issuer")
        if o.get("eseal_shared"):
            note_bits.append("genuine e-document: same electronic seal image as the other PDFs of this issuer")
        if k in LATE_FOR:
            note_bits.append(f"genuine ID with a district code created after birth: {borrower['region_note']}")
        if cap == "phone" and o.get("noexif"):
            note_bits.append("genuine phone photo without EXIF (forwarded via messaging app)")
        seal_text = ISS[ALL_BY_KEY[seal_from]["iss"]]["ring"] if seal_from else iss["ring"]
        truth_note = f"{DOC_TYPE_CN[t]} by {iss['name']}; " + "; ".join(note_bits) if note_bits else f"{DOC_TYPE_CN[t]} by {iss['name']}"
        manifest[rel] = dict(key=k, forged=bool(kinds), kinds=kinds, doc_type=DOC_TYPE_EN[t], doc_type_cn=DOC_TYPE_CN[t], capture=CAPTURE_EN[cap],
                             issuer=iss["name"], seal_ring_text=seal_text if seal is not None else None,
                             customer_id=cust["customer_id"], borrower_name=borrower["name"], borrower_id=borrower["id"],
                             shown_name=shown["name"], shown_id=shown["id"], original_person=(orig_person and dict(name=orig_person["name"], id=orig_person["id"])),
                             dates={a: b.isoformat() for a, b in dates.items()}, received_at=received.isoformat(), meta=exif_info,
                             extra={a: b for a, b in extra.items() if isinstance(b, (str, int, list))}, note=truth_note)
        print(f"{k:4s} {rel}")

    # ------------------------------------------------------------------------------------------
    # complaints
    # ------------------------------------------------------------------------------------------
    rel_by_key = {v["key"]: r for r, v in manifest.items()}
    crng = srng("complaints")
    order = list(range(len(complaint_units)))
    crng.shuffle(order)
    # sort by received time so IDs increase with time, ties broken by shuffle
    pos = {i: n for n, i in enumerate(order)}
    order.sort(key=lambda i: (unit_received[complaint_units[i][0]["k"]], pos[i]))
    complaints = []
    for n, ui in enumerate(order, start=1):
        unit = complaint_units[ui]
        cust = cust_by_key[unit[0]["k"]]
        recv = unit_received[unit[0]["k"]]
        atts = [rel_by_key[s["k"]] for s in unit]
        text, phone = complaint_text(unit, cust, crng, manifest, atts)
        complaints.append(dict(complaint_id=f"D2-{n:04d}", received_at=recv.isoformat(), channel=str(crng.choice(CHANNELS)),
                               customer_id=cust["customer_id"], phone=phone, text=text, attachments=atts))
    with open(ROOT / "complaints.jsonl", "w", encoding="utf-8") as fh:
        for c in complaints:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(ROOT / "customers.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "id_number"])
        for c in sorted(customers, key=lambda c: c["customer_id"]):
            w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"], c["id_number"]])
    truth = {"files": {r: dict(forged=v["forged"], kinds=v["kinds"], doc_type=v["doc_type"], capture=v["capture"], note=v["note"])
                       for r, v in sorted(manifest.items())}}
    with open(ROOT / "materials_truth.json", "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=2)
    for r, v in manifest.items():
        v["complaint_id"] = next(c["complaint_id"] for c in complaints if r in c["attachments"])
    with open(Path(__file__).resolve().parent / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(dict(files=manifest, reuse_groups={g: dict(members=v["members"], original=dict(name=v["orig"]["name"], id=v["orig"]["id"]), issue=v["issue"].isoformat())
                                                     for g, v in reuse_groups.items()},
                       issuers={k: {a: b for a, b in v.items()} for k, v in ISS.items()}), fh, ensure_ascii=False, indent=1, default=str)


ALL_BY_KEY = {s["k"]: s for s in ALL}


def pdf_name(t, p, extra, rng):
    cn = DOC_TYPE_CN[t].replace("/", "")
    style = int(rng.integers(0, 4))
    if t == "lawyer":
        return [f"律师函（{p['name']}）.pdf", f"律师函-{p['name']}.pdf", "律师函.pdf", f"{extra['docno']}.pdf"][style]
    return [f"{cn}_{p['name']}.pdf", f"{cn}.pdf", f"{p['name']}{cn}.pdf", f"{cn}{int(rng.integers(100000, 999999))}.pdf"][style]


AGENCY_TAIL = ["依据《消费者权益保护法》及监管部门相关规定，请贵司在7个工作日内给出书面答复，否则我将向金融监管部门投诉。",
               "请贵司停止一切催收行为，否则我将向12378及人民银行投诉。",
               "请尽快处理，谢谢。", "希望贵司能体谅我的实际困难，给予帮助。", "恳请贵司酌情处理。", ""]


def complaint_text(unit, cust, rng, manifest, atts):
    s = unit[0]
    t = s["t"]
    types = [x["t"] for x in unit]
    names = "、".join(dict.fromkeys(DOC_TYPE_CN[x] for x in types))
    phone = cust["phone"]
    tail = str(rng.choice(AGENCY_TAIL))
    if "death" in types or "cremation" in types:
        rel = str(rng.choice(["儿子", "女儿", "妻子", "丈夫"]))
        dd = manifest[atts[types.index("death") if "death" in types else 0]]["dates"].get("death", "")
        dd_txt = f"{int(dd[5:7])}月{int(dd[8:10])}日" if dd else "近日"
        phone = phone_number(rng)
        txt = f"本人系借款人{cust['name']}的{rel}。{cust['name']}已于{dd_txt}因病去世，现提交{names}（见附件），请贵司核实后停止对家属的催收，并告知剩余欠款如何处理。{tail}"
        return txt, phone
    if t == "lawyer" and len(unit) == 1:
        txt = str(rng.choice([f"我已委托律师处理与贵司的借款纠纷，律师函见附件，请贵司与律师联系协商，不要再联系我本人及家人。{tail}",
                              f"附件为律师函，请贵司法务部门查收并按函中要求处理，停止催收，协商减免。{tail}",
                              f"本人因{str(rng.choice(HARDSHIPS))}无法按期还款，已委托律师向贵司发出律师函（附件），请与律师沟通还款方案。{tail}"]))
        return txt, phone
    if len(unit) > 1 and "lawyer" in types:
        other = [DOC_TYPE_CN[x] for x in types if x != "lawyer"][0]
        return f"本人因病无法工作，收入中断，附{other}及律师函，请贵司停止催收，减免罚息，按本金分期还款。{tail}", phone
    lead = {
        "diagnosis": ["我目前身患疾病正在治疗，已无法正常工作，", "本人因病长期治疗，医疗开支大，"],
        "inpatient": ["我近期住院治疗，医疗费用开支很大，", "本人刚出院，仍需休养，"],
        "discharge": ["我近期住院治疗，医疗费用开支很大，", "本人刚出院，仍需休养，"],
        "unemployment": ["我已失业多月，没有收入来源，", "本人被公司裁员后一直没有找到工作，"],
        "unemp_reg": ["我已失业，已在人社部门办理失业登记，", "本人目前处于失业状态，"],
        "resignation": ["我已从原单位离职，目前没有工作，", "本人已离职，暂无收入，"],
        "furlough": ["公司停工，我待岗在家只拿生活费，", "本人所在公司停工停产，"],
        "income": ["我的工资被大幅下调，", "公司降薪后本人收入减半，"],
        "poverty": ["我家庭经济十分困难，", "本人家中困难，"],
        "dibao": ["我家是低保/特困家庭，", "本人家庭已纳入政府救助，"],
        "police": ["我被诈骗后已经报警，损失惨重，", "本人遭遇诈骗，已报案，"],
        "court_mediation": ["原单位拖欠我工资，已经法院调解但款项尚未到位，", "本人与原单位劳动争议已经法院处理，"],
        "court_notice": ["原单位拖欠工资，我已向法院起诉，", "本人正在与原单位打官司讨薪，"],
        "isolation": ["我因患传染病需要居家隔离治疗，不能外出工作，", "本人正在居家隔离治疗，"],
        "cremation": [""], "death": [""], "lawyer": [""],
    }[t]
    ask = str(rng.choice(["暂时无力按期还款，申请停息挂账、延期还款。", "请求减免逾期罚息和违约金，本金分期偿还。",
                          "申请个性化分期，减免利息。", "请贵司暂停催收，给我一段时间缓冲。"]))
    txt = f"{str(rng.choice(lead))}{ask}附件是{names}，请核实。{tail}"
    return txt, phone


if __name__ == "__main__":
    main()
