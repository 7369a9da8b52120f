"""A genuine-only development set: realistic photos and scans of real-looking certificates.

Measured on an independent document set, the material checks called genuine documents forged
when they looked like real attachments rather than like the main generator's clean renders:
seals of different issuers of one template matched as copies, phone/scanner JPEGs with the
standard libjpeg tables were read as re-saves, IDs with district codes newer than the holder's
birth were called invalid. This generator makes exactly those documents, all genuine, so an
evaluation can count false alarms (evaluations/eval_materials.py --genuine):

- phone photos: the page on a desk, shot at an angle (perspective), turned a few degrees, a soft
  shadow across it, uneven light, slight blur, sensor noise, camera EXIF (Make/Model/firmware as
  Software, DateTimeOriginal); half with the vendor's own quantisation tables, half with the
  standard libjpeg tables (many phones use them);
- scanner JPEGs: flat, nearly straight, slightly soft, standard libjpeg tables at quality
  75-95, scanner EXIF (EPSON/Canon/HP/Brother, driver name as Software) or none;
- born-digital PDFs (electronic certificates, lawyer letters) with licence numbers written as
  law firms do: plain, grouped with spaces, or in full-width digits;
- issuers in families of one seal template whose seals differ only in their ring text
  (深圳市福田区人民医院 / 深圳市南山区人民医院 …), each issuer stamping several documents (every
  impression its own: angle, ink, voids);
- customers whose ID numbers carry a district code created after their birth (110119 延庆区,
  2015, on a 1980 birth): real people, valid under GB 11643.

Output layout is generate_documents' (attachments/, manifest.jsonl, complaints.jsonl,
customers.csv with id_number, truth.json with every file forged=False). A pure function of
(n, seed).
"""

from __future__ import annotations

import hashlib
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from qinglang.materials.idnumber import check_digit
from qinglang.synth.documents import (
    _CERTS,
    _GAPS,
    CAMERAS,
    DEATH_CAUSES,
    DISEASES,
    GENUINE_PDF_PRODUCERS,
    DocRow,
    _camera_qtables,
    _contract,
    _exif_bytes,
    _pdf_date,
    _pdf_with_metadata,
    build_layout,
    make_lawyer_licence,
    make_name,
    make_seal,
    make_uscc,
    render_pdf,
    render_raster,
    write_complaints_and_customers,
)

# District codes created after many holders' births (GB/T 2260 history): stdnum's cn.ric
# rejects e.g. 110119 with a 1980 birth date, though such cards are issued every day.
LATER_DISTRICTS = [
    ("110119", 2015),  # 北京市延庆区
    ("110115", 2001),  # 北京市大兴区
    ("440309", 2016),  # 深圳市龙华区
    ("440310", 2016),  # 深圳市坪山区
    ("370114", 2016),  # 济南市章丘区
    ("510116", 2015),  # 成都市双流区
    ("500151", 2014),  # 重庆市铜梁区
    ("330110", 2001),  # 杭州市余杭区
]

# Issuer families: one seal template, issuers differing only in a word of their name.
FAMILIES: dict[str, list[str]] = {
    "diagnosis": ["深圳市福田区人民医院", "深圳市南山区人民医院", "深圳市罗湖区人民医院"],
    "death_certificate": ["成都市第一人民医院", "成都市第二人民医院", "成都市第三人民医院"],
    "poverty_certificate": [
        "武汉市洪山区东风乡人民政府",
        "武汉市洪山区青山乡人民政府",
        "武汉市洪山区红星镇人民政府",
    ],
    "quarantine_proof": [
        "西安市雁塔区疾病预防控制中心",
        "西安市碑林区疾病预防控制中心",
        "西安市未央区疾病预防控制中心",
    ],
    "unemployment_proof": ["杭州恒信科技有限公司", "杭州恒达科技有限公司", "杭州恒泰科技有限公司"],
    "lawyer_letter": ["北京恒信律师事务所", "北京恒德律师事务所", "北京恒正律师事务所"],
}
BOTTOM_TEXT = {
    "diagnosis": "诊断证明专用章",
    "death_certificate": "医学证明专用章",
    "poverty_certificate": None,
    "quarantine_proof": "业务专用章",
    "unemployment_proof": "人事专用章",
    "lawyer_letter": None,
}
SCANNERS = [
    ("EPSON", "DS-530", "EPSON Scan 2"),
    ("Canon", "MF643C/644C", "Canon MF Scan Utility"),
    ("HP", "LaserJet MFP M227fdw", "HP Scan"),
    ("Brother", "MFC-L2750DW", "ControlCenter4"),
    ("FUJI XEROX", "DocuCentre S2110", "FUJI XEROX Scan"),
]
DESKS = [(121, 96, 72), (168, 140, 110), (205, 200, 190), (90, 92, 96), (230, 228, 222)]


def _rng(seed: int, key: str) -> random.Random:
    return random.Random(int(hashlib.sha256(f"{seed}:genuine:{key}".encode()).hexdigest()[:16], 16))


def later_district_id(rng: random.Random) -> str:
    """A valid ID whose district code was created after the holder's birth."""
    code, created = rng.choice(LATER_DISTRICTS)
    born = date(rng.randint(1960, created - 1), rng.randint(1, 12), rng.randint(1, 28))
    body = f"{code}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    return body + check_digit(body)


def plain_id(rng: random.Random) -> str:
    from qinglang.synth.documents import make_id_number

    return make_id_number(rng)


def _licence_as_written(lic: str, rng: random.Random) -> str:
    """How a genuine letter prints a 17-digit licence: plain, grouped, or full-width."""
    style = rng.choice(["plain", "plain", "grouped", "fullwidth"])
    if style == "grouped":
        return " ".join([lic[:5], lic[5:9], lic[9:13], lic[13:]])
    if style == "fullwidth":
        return lic.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return lic


# ---------------------------------------------------------------------------------------------
# Capture: phone photo, scanner
# ---------------------------------------------------------------------------------------------


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE): maps output (dst) points to input (src)."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return [float(c) for c in np.linalg.solve(np.array(a, dtype=float), np.array(b, dtype=float))]


def phone_photo(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page photographed on a desk: perspective, turn, shadow, uneven light, blur, noise."""
    w, h = page.size
    pad = int(0.08 * w)
    out_w, out_h = w + 2 * pad, h + 2 * pad
    # where the page corners land in the photo (keystone from shooting at an angle)
    k = 0.07
    tl = (pad + rng.uniform(-k, k) * w, pad + rng.uniform(-k, k) * h * 0.6)
    tr = (pad + w + rng.uniform(-k, k) * w, pad + rng.uniform(-k, k) * h * 0.6)
    br = (pad + w + rng.uniform(-k, k) * w, pad + h + rng.uniform(-k, k) * h * 0.6)
    bl = (pad + rng.uniform(-k, k) * w, pad + h + rng.uniform(-k, k) * h * 0.6)
    coeffs = _perspective_coeffs([tl, tr, br, bl], [(0, 0), (w, 0), (w, h), (0, h)])
    desk = rng.choice(DESKS)
    warped = page.convert("RGB").transform(
        (out_w, out_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC, fillcolor=desk
    )
    mask = Image.new("L", page.size, 255).transform(
        (out_w, out_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR, fillcolor=0
    )
    bg = Image.new("RGB", (out_w, out_h), desk)
    bg_arr = np.asarray(bg, dtype=np.float32)
    grain = np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (out_h, out_w))[..., None]
    bg = Image.fromarray(np.clip(bg_arr + grain, 0, 255).astype(np.uint8))
    img = Image.composite(warped, bg, mask)
    img = img.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, fillcolor=desk, expand=False)
    arr = np.asarray(img, dtype=np.float32)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    # uneven light: a broad gradient plus vignetting
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    light = 1.0 + gx * (xx / out_w - 0.5) + gy * (yy / out_h - 0.5)
    light *= 1.0 - 0.18 * (((xx / out_w - 0.5) ** 2 + (yy / out_h - 0.5) ** 2) / 0.5)
    # a soft shadow (the phone or a hand) over part of the page
    if rng.random() < 0.7:
        sh = Image.new("L", (out_w, out_h), 0)
        d = ImageDraw.Draw(sh)
        x0 = rng.uniform(-0.2, 0.6) * out_w
        y0 = rng.uniform(-0.2, 0.6) * out_h
        d.polygon(
            [
                (x0, y0),
                (x0 + rng.uniform(0.3, 0.9) * out_w, y0 + rng.uniform(-0.1, 0.2) * out_h),
                (x0 + rng.uniform(0.2, 0.9) * out_w, y0 + rng.uniform(0.4, 1.0) * out_h),
                (x0 + rng.uniform(-0.2, 0.2) * out_w, y0 + rng.uniform(0.3, 0.9) * out_h),
            ],
            fill=255,
        )
        sh = sh.filter(ImageFilter.GaussianBlur(rng.uniform(25, 60)))
        light *= 1.0 - rng.uniform(0.2, 0.45) * np.asarray(sh, dtype=np.float32) / 255.0
    tint = np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.9, 0.99)], dtype=np.float32)  # warm light
    arr = arr * light[..., None] * tint
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
    arr = np.asarray(img, dtype=np.float32)
    nrng = np.random.default_rng(rng.randint(0, 2**31))
    noisy = arr + nrng.normal(0, rng.uniform(2, 5), arr.shape)
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def scanner_image(page: Image.Image, rng: random.Random) -> Image.Image:
    """A flatbed / feeder scan: nearly straight, a little soft, even light, white background."""
    img = page.convert("RGB").rotate(
        rng.uniform(-1.2, 1.2), resample=Image.Resampling.BICUBIC, fillcolor=(250, 250, 250), expand=True
    )
    scale = rng.uniform(1.0, 1.35)
    img = img.resize((int(img.width * scale), int(img.height * scale)), Image.Resampling.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
    arr = np.asarray(img, dtype=np.float32) * rng.uniform(1.0, 1.05) + rng.uniform(0, 6)
    arr += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 1.5, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _save_phone(img: Image.Image, path: Path, rng: random.Random, taken: datetime) -> str:
    make, model, fw = rng.choice(CAMERAS)
    exif = _exif_bytes(make, model, fw, taken, taken)
    if rng.random() < 0.5:  # the phone's own tables
        img.save(path, "JPEG", qtables=_camera_qtables(rng), exif=exif)
        return "phone_vendor_tables"
    img.save(path, "JPEG", quality=rng.choice([85, 90, 92, 95]), exif=exif)  # standard libjpeg tables
    return "phone_standard_tables"


def _save_scan(img: Image.Image, path: Path, rng: random.Random, scanned: datetime) -> str:
    q = rng.choice([75, 80, 85, 90, 95])
    if rng.random() < 0.75:
        make, model, sw = rng.choice(SCANNERS)
        img.save(path, "JPEG", quality=q, exif=_exif_bytes(make, model, sw, scanned, scanned))
        return "scanner_exif"
    img.save(path, "JPEG", quality=q)
    return "scanner_no_exif"


# ---------------------------------------------------------------------------------------------
# The set
# ---------------------------------------------------------------------------------------------


def _extra(dtype: str, issuer: str, rng: random.Random, firm_codes: dict[str, str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    if dtype == "unemployment_proof":
        extra["uscc"] = firm_codes.setdefault(issuer, make_uscc(rng, "91"))
    elif dtype == "diagnosis":
        extra["disease"], extra["advice"] = rng.choice(DISEASES)
    elif dtype == "death_certificate":
        extra["cause"] = rng.choice(DEATH_CAUSES)
    elif dtype == "lawyer_letter":
        extra["firm_uscc"] = firm_codes.setdefault(issuer, make_uscc(rng, "31"))
        extra["lawyer"] = make_name(rng)
        extra["licence"] = _licence_as_written(make_lawyer_licence(rng, "110105"), rng)
    return extra


def generate_genuine(out_dir: Path, n: int, seed: int) -> dict:
    """Write n genuine attachments (+ manifest, complaints, customers, truth); return truth."""
    out_dir = Path(out_dir)
    att = out_dir / "attachments"
    att.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 7919 + 17)
    customers: list[dict[str, Any]] = []
    complaints: list[dict[str, Any]] = []
    rows: list[DocRow] = []
    info: dict[str, dict] = {}
    firm_codes: dict[str, str] = {}
    for i in range(n):
        dtype = _CERTS[i % len(_CERTS)]
        issuer = rng.choice(FAMILIES[dtype])
        cust_id = f"G{seed % 1000:03d}{i:05d}"
        name = make_name(rng)
        later = rng.random() < 0.3
        idn = later_district_id(rng) if later else plain_id(rng)
        customers.append(
            {
                "customer_id": cust_id,
                "name": name,
                "phone": f"139{rng.randint(10**7, 10**8 - 1)}",
                "id_number": idn,
            }
        )
        lo, hi = _GAPS.get(dtype, (0, 30))
        ev = date(2023, 1, 1) + timedelta(days=rng.randint(0, 700))
        if dtype == "quarantine_proof":
            ev = date(2021, 1, 1) + timedelta(days=rng.randint(0, 600))
        issue = ev + timedelta(days=rng.randint(lo, min(hi, 60)))
        if dtype == "lawyer_letter" or rng.random() < 0.12:
            capture = "pdf"
        else:
            capture = rng.choice(["phone", "phone", "phone", "scanner", "scanner"])
        ext = "pdf" if capture == "pdf" else "jpg"
        file = f"attachments/g{hashlib.sha1(f'{seed}:{i}'.encode()).hexdigest()[:11]}.{ext}"
        row = DocRow(
            file=file,
            doc_type=dtype,
            subject_name=name,
            subject_id_number=idn,
            issuer=issuer,
            issue_date=issue.isoformat(),
            event_date=ev.isoformat(),
            customer_id=cust_id,
            complaint_id=f"GQ{seed % 1000:03d}{i:06d}",
            serial=f"{issue:%Y}{rng.randint(10**7, 10**8 - 1)}",
        )
        rows.append(row)
        how = _render_genuine(row, out_dir, seed, capture, firm_codes)
        info[file] = {"capture": how, "later_district_id": later}
        received = issue + timedelta(days=rng.randint(3, 90))
        complaints.append(
            {
                "complaint_id": row.complaint_id,
                "received_at": f"{received.isoformat()}T10:00:00+08:00",
                "channel": "app",
                "customer_id": cust_id,
                "text": "申请停息挂账，附证明材料。",
                "attachments": [file],
            }
        )
    (att / "manifest.jsonl").write_text(
        "".join(json.dumps(_contract(r), ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    write_complaints_and_customers(out_dir, complaints, customers)
    truth: dict[str, Any] = {"seed": seed, "n": n, "genuine": True, "files": {}}
    for r in rows:
        truth["files"][r.file] = {**_contract(r), **info[r.file], "expect": {}, "forged": False}
    (out_dir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    return truth


def _render_genuine(row: DocRow, out_dir: Path, seed: int, capture: str, firm_codes: dict[str, str]) -> str:
    rng = _rng(seed, row.file)
    issue = date.fromisoformat(row.issue_date)
    ev = date.fromisoformat(row.event_date) if row.event_date else None
    extra = _extra(row.doc_type, row.issuer, rng, firm_codes)
    layout = build_layout(
        row,
        rng,
        printed_name=row.subject_name,
        printed_id=row.subject_id_number,
        printed_issue=issue,
        printed_event=ev,
        serial=row.serial or "",
        extra=extra,
    )
    path = out_dir / row.file
    taken = datetime.combine(issue, datetime.min.time()) + timedelta(
        days=rng.randint(1, 20), hours=rng.randint(8, 21)
    )
    if capture == "pdf":
        data, _ = render_pdf(layout, rng)
        meta = {
            "/Producer": rng.choice(GENUINE_PDF_PRODUCERS),
            "/Creator": row.issuer[:20] + "电子证照系统",
            "/CreationDate": _pdf_date(taken),
            "/ModDate": _pdf_date(taken),
        }
        path.write_bytes(_pdf_with_metadata(data, meta))
        return "pdf"
    # real stampings range from grainy to nearly solid ink
    seal = make_seal(
        row.issuer,
        rng,
        size=rng.choice([190, 200, 210]),
        bottom=BOTTOM_TEXT.get(row.doc_type),
        voids=rng.uniform(0.0, 0.15),
        uneven=rng.uniform(0.3, 0.8),
    )
    page = render_raster(layout, rng, seal, noisy=False).image
    if capture == "phone":
        return _save_phone(phone_photo(page, rng), path, rng, taken)
    return _save_scan(scanner_image(page, rng), path, rng, taken)
