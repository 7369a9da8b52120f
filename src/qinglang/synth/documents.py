"""Generator of realistic supporting documents (证明材料), genuine and tampered, with truth.

Agencies attach hardship proofs, death certificates and lawyer letters to templated complaints.
The material checks (qinglang.materials) need documents whose forgeries are made the way
forgers make them — a name pasted over a scan, digits changed, a re-save through Photoshop or
Meitu, an incremental PDF edit, a seal copied from another document, a firm's credit code typed
where a lawyer's licence number belongs — and whose truth is known exactly. Everything is drawn
with a real CJK font so that real OCR (Tesseract chi_sim) runs on it.

Two entry points:
- render_manifest(out_dir, manifest, seed): renders the rows the scenario generator wrote to
  DIR/attachments/manifest.jsonl (contract in docs/materials.md);
- generate_documents(out_dir, n, seed): a standalone set (attachments + manifest + complaints +
  customers + truth.json) for tests, the evaluation and the benchmark.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from qinglang.materials.fonts import find_cjk_font

DOC_TYPES = (
    "poverty_certificate",
    "unemployment_proof",
    "diagnosis",
    "death_certificate",
    "quarantine_proof",
    "lawyer_letter",
    "bank_statement_screenshot",
    "deduction_screenshot",
)
TAMPERS = (
    "name_pasted",
    "digits_changed",
    "editor_resave",
    "pdf_incremental_edit",
    "reused_seal",
    "licence_is_uscc",
)
# Extension used by the standalone generator only: a document whose printed issue date is far
# from what its metadata or its event says (e.g. a 2021 quarantine proof first produced in 2025).
EXTRA_TAMPERS = ("backdated",)

LENDER = "清朗消费金融有限公司"
GENERIC_TITLES = {"police_report": "报警回执", "authorization_letter": "授权委托书"}
GENERIC_REASONS = {
    "police_report": "遭遇暴力催收已向公安机关报警",
    "authorization_letter": "委托代理人处理债务协商事宜",
}
PAGE_W, PAGE_H = 800, 1100
MARGIN = 60
INK = (34, 34, 38)
SEAL_RED = (205, 38, 38)

# Region codes python-stdnum's cn.ric knows (checked), with the place used in issuer names.
REGIONS = [
    ("110105", "北京市", "朝阳区"),
    ("110108", "北京市", "海淀区"),
    ("310104", "上海市", "徐汇区"),
    ("440304", "深圳市", "福田区"),
    ("440106", "广州市", "天河区"),
    ("510107", "成都市", "武侯区"),
    ("320106", "南京市", "鼓楼区"),
    ("420111", "武汉市", "洪山区"),
    ("370102", "济南市", "历下区"),
    ("610113", "西安市", "雁塔区"),
    ("330106", "杭州市", "西湖区"),
    ("350203", "厦门市", "思明区"),
    ("120101", "天津市", "和平区"),
    ("230103", "哈尔滨市", "南岗区"),
    ("410105", "郑州市", "金水区"),
    ("130102", "石家庄市", "长安区"),
    ("530102", "昆明市", "五华区"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国文辉鹏飞红梅波斌宇浩凯丹琳雪婷慧晨宁欣海燕志峰雷龙云亮俊佳琪嘉怡子轩浩然梓涵一诺欣怡"
WORDS = "德信恒泰华诚正源金盾明达君安中正宏远天平博雅致远汇智瑞丰鼎盛"
TOWNS = ["城关镇", "新华街道", "东风乡", "红星镇", "长安街道", "石桥镇", "青山乡", "柳林镇"]
DISEASES = [
    ("重度抑郁发作", "建议休息三个月，避免劳累"),
    ("腰椎间盘突出症", "建议卧床休息，定期复查"),
    ("慢性肾功能不全", "建议长期治疗，不宜从事重体力劳动"),
    ("乳腺恶性肿瘤", "建议住院化疗"),
    ("脑梗死", "建议住院治疗，家属陪护"),
]
DEATH_CAUSES = ["急性心肌梗死", "脑出血", "肺癌晚期", "交通事故致多发伤"]
EDITORS = [
    "Adobe Photoshop 25.0 (Windows)",
    "Adobe Photoshop CC 2019 (Macintosh)",
    "MeituXiuXiu 9.6.1",
    "Meitu 9.9.5",
    "Xingtu 8.2",
    "Snapseed 2.21",
    "PicsArt 24.1",
    "GIMP 2.10.34",
]
PDF_EDITORS = [
    "Adobe Acrobat Pro DC 21.1.20135",
    "Foxit PhantomPDF 10.1",
    "福昕PDF编辑器",
    "WPS PDF 11.1",
    "PDF-XChange Editor 9.5",
]
CAMERAS = [
    ("HUAWEI", "ELE-AL00", "ELE-AL00 10.1.0.150(C00E145R1P7)"),
    ("Xiaomi", "M2102K1C", "MIUI 14.0.6"),
    ("Apple", "iPhone 12", "16.6"),
    ("OPPO", "PEEM00", "ColorOS 13"),
    ("vivo", "V2049A", "OriginOS 3"),
]
GENUINE_PDF_PRODUCERS = [
    "iText 5.5.13 ©2000-2018 iText Group NV",
    "Microsoft: Print To PDF",
    "电子证照签发系统 3.2",
    "FineReport 10.0",
]


# ---------------------------------------------------------------------------------------------
# Manifest rows
# ---------------------------------------------------------------------------------------------


@dataclass
class DocRow:
    """One manifest row (the scenario generator's contract) plus optional rendering hints."""

    file: str
    doc_type: str
    subject_name: str
    subject_id_number: str
    issuer: str
    issue_date: str
    event_date: str | None = None
    complaint_id: str | None = None
    customer_id: str | None = None
    campaign_id: str | None = None
    tamper: str | None = None
    reuse_of: str | None = None
    # hints (optional; derived from the seed when absent)
    serial: str | None = None
    original_name: str | None = None  # name_pasted: the name under the paste
    seal_issuer: str | None = None  # reused_seal: whose seal is copied
    pdf_created: str | None = None  # backdated PDFs: when the file was really produced
    digits_target: str | None = None  # digits_changed: "id" or "event_date"

    @classmethod
    def from_json(cls, d: dict) -> DocRow:
        known: dict[str, Any] = {k: d.get(k) for k in cls.__dataclass_fields__ if k in d}
        for req in ("subject_name", "subject_id_number", "issuer"):
            known[req] = known.get(req) or ""
        known.setdefault("issue_date", d.get("issue_date") or "2025-01-01")
        known["doc_type"] = known.get("doc_type") or "poverty_certificate"
        return cls(**known)


def _rng_for(seed: int, key: str) -> random.Random:
    h = hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()
    return random.Random(int(h[:16], 16))


def _d(s: str | None) -> date | None:
    if not s:
        return None
    return date.fromisoformat(str(s)[:10])


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


# ---------------------------------------------------------------------------------------------
# Identity helpers (valid and invalid numbers)
# ---------------------------------------------------------------------------------------------


def make_id_number(rng: random.Random, birth: date | None = None) -> str:
    from stdnum.cn import ric

    for _ in range(100):  # some region codes were assigned only in some years: retry
        code = rng.choice(REGIONS)[0]
        b = birth or date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))
        body = f"{code}{b:%Y%m%d}{rng.randint(0, 999):03d}"
        idn = body + ric.calc_check_digit(body + "0")
        if ric.is_valid(idn):
            return idn
    return idn


def break_id_number(idn: str, rng: random.Random) -> str:
    """Change one digit of the sequence/birth part so the checksum no longer holds."""
    from stdnum.cn import ric

    for _ in range(50):
        pos = rng.choice([14, 15, 16, 12, 13])
        new = str((int(idn[pos]) + rng.randint(1, 9)) % 10)
        cand = idn[:pos] + new + idn[pos + 1 :]
        if not ric.is_valid(cand):
            return cand
    return idn[:-1] + ("0" if idn[-1] != "0" else "1")


def make_uscc(rng: random.Random, prefix: str = "91") -> str:
    from stdnum.cn import uscc

    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    code = rng.choice(REGIONS)[0]
    body = prefix + code + "".join(rng.choice(alphabet) for _ in range(9))
    return body + uscc.calc_check_digit(body + "0")


def make_lawyer_licence(rng: random.Random, region: str) -> str:
    """17 digits: practice type, 4-digit region, first-licence year, qualification, sex, serial."""
    return f"1{region[:4]}{rng.randint(2005, 2022)}{rng.choice('12')}{rng.choice('01')}{rng.randint(1, 999999):06d}"


def make_name(rng: random.Random) -> str:
    n = rng.choice(SURNAMES) + rng.choice(GIVEN)
    if rng.random() < 0.6:
        n += rng.choice(GIVEN)
    return n


def make_issuer(doc_type: str, rng: random.Random) -> str:
    _, city, district = rng.choice(REGIONS)
    if doc_type == "poverty_certificate":
        return f"{city}{district}{rng.choice(TOWNS)}人民政府"
    if doc_type == "unemployment_proof":
        return f"{city}{rng.choice(WORDS)}{rng.choice(WORDS)}科技有限公司"
    if doc_type in ("diagnosis", "death_certificate"):
        return rng.choice([f"{city}第{rng.randint(1, 6)}人民医院", f"{city}中心医院", f"{city}中医医院"])
    if doc_type == "quarantine_proof":
        return rng.choice([f"{city}{district}疾病预防控制中心", f"{district}{rng.choice(TOWNS)}办事处"])
    if doc_type == "lawyer_letter":
        return f"{city[:-1]}{rng.choice(WORDS)}{rng.choice(WORDS)}律师事务所"
    return rng.choice(["中国工商银行", "中国建设银行", "招商银行", "支付宝"])


# ---------------------------------------------------------------------------------------------
# Layout: the lines of a document with the spans of its fields
# ---------------------------------------------------------------------------------------------


@dataclass
class Line:
    text: str
    size: int = 22
    center: bool = False
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (start, end) chars


@dataclass
class Layout:
    title: str
    lines: list[Line]
    seal_text: str | None
    seal_at: tuple[int, int] = (520, 860)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if font.getlength(cur + ch) > width:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def _field_line(label: str, value: str, name: str) -> Line:
    text = f"{label}：{value}"
    return Line(text, fields={name: (len(label) + 1, len(text))})


def _body_lines(text: str, name: str, fields: dict[str, str]) -> list[Line]:
    """Wrap a paragraph; the field values inside it keep their spans (name in the body)."""
    font = _font(22)
    lines = []
    for part in _wrap(text, font, PAGE_W - 2 * MARGIN - 20):
        ln = Line(part)
        for fname, val in fields.items():
            i = part.find(val)
            if val and i >= 0:
                ln.fields[fname] = (i, i + len(val))
        lines.append(ln)
    return lines


def build_layout(
    row: DocRow,
    rng: random.Random,
    *,
    printed_name: str,
    printed_id: str,
    printed_issue: date,
    printed_event: date | None,
    serial: str,
    extra: dict[str, str],
) -> Layout:
    """The text of a document. Labels are fixed so fields can be read back by OCR."""
    t = row.doc_type
    ev = printed_event or printed_issue
    nm = printed_name
    head = [
        _field_line("编号", serial, "serial"),
        _field_line("姓名", nm, "name"),
        _field_line("身份证号", printed_id, "id_number"),
    ]
    issuer_line = _field_line("出具单位", row.issuer, "issuer")
    date_line = _field_line("出具日期", cn_date(printed_issue), "issue_date")
    seal = row.issuer
    if t == "poverty_certificate":
        title = "困难家庭证明"
        body = (
            f"兹证明{nm}系本辖区居民，因家庭成员患病、收入微薄，家庭经济十分困难，经村（居）民"
            f"委员会民主评议并公示，认定为低收入困难家庭。特此证明。"
        )
        mid = [_field_line("认定日期", cn_date(ev), "event_date")]
    elif t == "unemployment_proof":
        title = "失业证明"
        body = (
            f"兹证明{nm}原系我单位员工，因公司经营困难，已于离职日期与其解除劳动合同。"
            f"该员工目前处于失业状态，无固定收入来源。特此证明。"
        )
        mid = [
            _field_line("离职日期", cn_date(ev), "event_date"),
            _field_line("统一社会信用代码", extra.get("uscc", ""), "uscc"),
        ]
    elif t == "diagnosis":
        title = "诊断证明书"
        dis, adv = extra.get("disease", DISEASES[0][0]), extra.get("advice", DISEASES[0][1])
        body = f"患者{nm}于就诊日期来我院就诊，经检查确诊。{adv}。"
        mid = [_field_line("就诊日期", cn_date(ev), "event_date"), _field_line("诊断", dis, "diagnosis")]
    elif t == "death_certificate":
        title = "居民死亡医学证明书"
        body = f"死者{nm}因{extra.get('cause', DEATH_CAUSES[0])}经抢救无效死亡，特此证明。"
        mid = [
            _field_line("死亡日期", cn_date(ev), "event_date"),
            _field_line("死亡原因", extra.get("cause", DEATH_CAUSES[0]), "cause"),
        ]
    elif t == "quarantine_proof":
        title = "隔离证明"
        end = ev + timedelta(days=14)
        body = (
            f"兹证明{nm}因新冠肺炎疫情防控需要，于上述期间接受集中隔离医学观察，"
            f"期间无法正常工作和出行。特此证明。"
        )
        mid = [
            Line(f"隔离日期：{cn_date(ev)}至{cn_date(end)}", fields={"event_date": (5, 5 + len(cn_date(ev)))})
        ]
    elif t == "lawyer_letter":
        title = "律师函"
        head = [
            _field_line("编号", serial, "serial"),
            Line(f"致：{LENDER}"),
            _field_line("委托人", nm, "name"),
            _field_line("身份证号", printed_id, "id_number"),
        ]
        body = (
            f"本所接受委托人{nm}的委托，就其与贵司之间的借款合同纠纷致函如下：委托人遭遇重大变故，"
            f"现无力偿还，请贵司立即停止一切催收行为并减免全部利息和罚息，否则本所将依法代为提起诉讼。"
        )
        mid = [_field_line("委托日期", cn_date(ev), "event_date")]
        issuer_line = _field_line("律师事务所", row.issuer, "issuer")
        tail = [
            _field_line("统一社会信用代码", extra.get("firm_uscc", ""), "uscc"),
            _field_line("承办律师", extra.get("lawyer", ""), "lawyer"),
            _field_line("执业证号", extra.get("licence", ""), "licence"),
        ]
        lines = [*head, *mid, *_body_lines(body, nm, {"name_body": nm}), issuer_line, *tail, date_line]
        return Layout(title, lines, seal)
    elif t not in ("bank_statement_screenshot", "deduction_screenshot"):  # police report, authorisation, …
        title = GENERIC_TITLES.get(t, "证明")
        body = f"兹证明{nm}因{GENERIC_REASONS.get(t, '个人原因')}，情况属实。特此证明。"
        mid = [_field_line("事发日期", cn_date(ev), "event_date")]
    else:  # screenshots: statement / deduction records
        title = "交易明细" if t == "bank_statement_screenshot" else "扣款记录"
        rows = [
            Line(f"{cn_date(ev - timedelta(days=i * 3))}  {LENDER[:4]}  扣款  -{rng.randint(3, 30) * 100}.00")
            for i in range(5)
        ]
        return Layout(title, [*head[1:], issuer_line, *rows, date_line], None)
    lines = [*head, *mid, *_body_lines(body, nm, {"name_body": nm}), issuer_line, date_line]
    return Layout(title, lines, seal)


# ---------------------------------------------------------------------------------------------
# Raster rendering
# ---------------------------------------------------------------------------------------------

_FONTS: dict[int, ImageFont.FreeTypeFont] = {}


def _font(size: int) -> ImageFont.FreeTypeFont:
    if size not in _FONTS:
        _FONTS[size] = ImageFont.truetype(str(find_cjk_font()), size)
    return _FONTS[size]


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for i in range(10):
        a = -np.pi / 2 + i * np.pi / 5
        rr = r if i % 2 == 0 else r * 0.382
        pts.append((cx + rr * np.cos(a), cy + rr * np.sin(a)))
    d.polygon(pts, fill=255)


def seal_design(text: str, size: int = 200, bottom: str | None = "专用章") -> Image.Image:
    """The engraved face of a round official seal (L, 255 = ink): the issuer's name along the
    ring (clockwise, centred on the top, characters upright towards the rim, as 公章 are cut), a
    five-pointed star in the centre, an optional horizontal line below it (专用章 …). Two issuers
    of one template differ only in their ring text."""
    img = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(img)
    c = size / 2
    rim = size / 2 - 4
    ring_w = max(3, round(size * 0.03))
    d.ellipse((c - rim, c - rim, c + rim, c + rim), outline=255, width=ring_w)
    n = max(len(text), 1)
    fs = round(size * 0.115)
    r_text = rim - ring_w - 3 - fs * 0.55
    # characters sit one char width apart; the arc is at most 250 degrees
    while fs > 8 and n * (fs * 1.05) / r_text > np.radians(250):
        fs -= 1
        r_text = rim - ring_w - 3 - fs * 0.55
    step = (fs * 1.05) / r_text  # radians per character
    font = _font(fs)
    first = -np.pi / 2 - step * (n - 1) / 2
    for i, ch in enumerate(text):
        a = first + i * step
        g = Image.new("L", (fs * 2, fs * 2), 0)
        ImageDraw.Draw(g).text((fs, fs), ch, font=font, fill=255, anchor="mm")
        g = g.rotate(-np.degrees(a + np.pi / 2), resample=Image.Resampling.BICUBIC)
        x, y = c + r_text * np.cos(a), c + r_text * np.sin(a)
        img.paste(255, (round(x - fs), round(y - fs)), g)
    _star(d, c, c - size * 0.01, size * 0.15)
    if bottom:
        bf = _font(max(8, round(size * (0.1 if len(bottom) <= 4 else 0.075))))
        d.text((c, c + rim * 0.5), bottom, font=bf, fill=255, anchor="mm")
    return img


def make_seal(
    text: str,
    rng: random.Random | None,
    size: int = 200,
    bottom: str | None = "专用章",
    voids: float = 0.3,
    uneven: float = 1.0,
) -> Image.Image:
    """A round red seal impression (RGBA) of `seal_design`. With rng: a unique impression (angle,
    uneven ink, ink voids); without: the identical pixels every time — what a digitally copied
    seal looks like. `voids` is the share of ink pixels the paper grain skips, `uneven` scales
    how much the ink load varies over the face (a fresh pad and a firm press: both small)."""
    r = rng or random.Random(int(hashlib.sha256(text.encode()).hexdigest()[:8], 16))
    arr = np.asarray(seal_design(text, size, bottom), dtype=np.float32) / 255.0
    noise = (
        np.asarray(
            Image.fromarray(
                (np.array([[r.random() for _ in range(size // 8)] for _ in range(size // 8)]) * 255).astype(
                    np.uint8
                )
            ).resize((size, size), Image.Resampling.BILINEAR),
            dtype=np.float32,
        )
        / 255.0
    )
    arr = arr * np.clip(1.0 - uneven * (0.55 - noise), 0, 1)  # uneven ink
    speckle = np.random.default_rng(r.randint(0, 2**31)).random(arr.shape) >= voids  # paper grain, voids
    arr = arr * speckle
    alpha = Image.fromarray((arr * 235).astype(np.uint8))
    alpha = alpha.rotate(r.uniform(-7, 7), resample=Image.Resampling.BICUBIC)
    seal = Image.new("RGBA", (size, size), (*SEAL_RED, 0))
    seal.putalpha(alpha)
    return seal


@dataclass
class Raster:
    image: Image.Image
    boxes: dict[str, list[tuple[int, int, int, int]]]
    paper: tuple[int, int, int]


def render_raster(layout: Layout, rng: random.Random, seal: Image.Image | None, noisy: bool = True) -> Raster:
    paper = (rng.randint(240, 250), rng.randint(238, 247), rng.randint(228, 240))
    img = Image.new("RGB", (PAGE_W, PAGE_H), paper)
    d = ImageDraw.Draw(img)
    dx, dy = rng.randint(-12, 12), rng.randint(-10, 10)
    d.text((PAGE_W // 2 + dx, 70 + dy), layout.title, font=_font(36), fill=INK, anchor="mm")
    boxes: dict[str, list[tuple[int, int, int, int]]] = {}
    y = 140 + dy
    for ln in layout.lines:
        f = _font(ln.size)
        x = MARGIN + dx
        d.text((x, y), ln.text, font=f, fill=INK)
        for name, (a, b) in ln.fields.items():
            x0 = x + int(f.getlength(ln.text[:a]))
            x1 = x + int(f.getlength(ln.text[:b]))
            boxes.setdefault(name, []).append((x0 - 2, y - 1, x1 + 3, y + ln.size + 7))
        y += int(ln.size * 2.0)
    if seal is not None:
        sx = layout.seal_at[0] + rng.randint(-25, 25)
        sy = min(y - 60, PAGE_H - 220) + rng.randint(-10, 20)
        img.paste(seal.convert("RGB"), (sx, sy), seal)
        boxes["seal"] = [(sx, sy, sx + seal.width, sy + seal.height)]
    # crop the empty bottom of the page: smaller files, same content
    img = img.crop((0, 0, PAGE_W, min(PAGE_H, max(y, boxes.get("seal", [(0, 0, 0, 0)])[0][3]) + 90)))
    if noisy:  # sensor noise and uneven light of a phone photo / scan
        arr = np.asarray(img, dtype=np.float32)
        nrng = np.random.default_rng(rng.randint(0, 2**31))
        arr += nrng.normal(0, 3.0, arr.shape[:2])[..., None]
        arr += np.linspace(-6, 4, arr.shape[0], dtype=np.float32)[:, None, None]
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return Raster(img, boxes, paper)


def paste_text(img: Image.Image, box: tuple[int, int, int, int], text: str, size: int = 22) -> None:
    """What a forger does in an editor: a flat patch in the paper colour, new text on top."""
    arr = np.asarray(img)
    x0, y0, x1, y1 = box
    ring = np.concatenate(
        [arr[max(y0 - 4, 0) : y0, x0:x1].reshape(-1, 3), arr[y1 : y1 + 4, x0:x1].reshape(-1, 3)]
    )
    fill = tuple(int(v) for v in np.median(ring, axis=0)) if len(ring) else (245, 243, 235)
    d = ImageDraw.Draw(img)
    new_w = int(_font(size).getlength(text)) + 6
    d.rectangle((x0, y0, max(x1, x0 + new_w), y1), fill=fill)
    d.text((x0 + 2, y0 + 1), text, font=_font(size), fill=(12, 12, 12))


def _exif_bytes(make: str, model: str, software: str, taken: datetime, modified: datetime) -> bytes:
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0131] = software
    ex[0x0132] = modified.strftime("%Y:%m:%d %H:%M:%S")
    exif_ifd = {0x9003: taken.strftime("%Y:%m:%d %H:%M:%S"), 0x9004: taken.strftime("%Y:%m:%d %H:%M:%S")}
    ex[0x8769] = exif_ifd
    return ex.tobytes()


def _camera_qtables(rng: random.Random) -> list[list[int]]:
    """A phone vendor's tables: IJG-like at high quality but not exactly the IJG scaling."""
    from qinglang.materials.metadata import IJG_CHROMA, IJG_LUMA, scale_table

    q = rng.randint(86, 93)
    lum = [max(1, v + (1 if (i * 7 + q) % 5 == 0 else 0)) for i, v in enumerate(scale_table(IJG_LUMA, q))]
    chrom = [max(1, v + (1 if (i * 3 + q) % 7 == 0 else 0)) for i, v in enumerate(scale_table(IJG_CHROMA, q))]
    return [lum, chrom]


def _save_raster(img: Image.Image, path: Path, rng: random.Random, taken: datetime) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() in (".jpg", ".jpeg"):
        make, model, fw = rng.choice(CAMERAS)
        img.save(path, "JPEG", qtables=_camera_qtables(rng), exif=_exif_bytes(make, model, fw, taken, taken))
    else:
        img.save(path, "PNG", optimize=False, compress_level=6)


def _resave_in_editor(path: Path, rng: random.Random, when: datetime) -> None:
    """Open and save again the way an editor does: new quantisation, editor name, new time."""
    img = Image.open(path)
    img.load()
    old = img.getexif()
    make = old.get(0x010F) or rng.choice(CAMERAS)[0]
    model = old.get(0x0110) or ""
    taken_s = old.get_ifd(0x8769).get(0x9003) if old else None
    taken = datetime.strptime(taken_s, "%Y:%m:%d %H:%M:%S") if taken_s else when - timedelta(days=30)
    sw = rng.choice(EDITORS)
    rgb = img.convert("RGB")
    if path.suffix.lower() in (".jpg", ".jpeg"):
        rgb.save(
            path, "JPEG", quality=rng.choice([75, 80, 85, 90]), exif=_exif_bytes(make, model, sw, taken, when)
        )
    else:
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Software", sw)
        info.add_text("Creation Time", when.strftime("%Y:%m:%d %H:%M:%S"))
        rgb.save(path, "PNG", pnginfo=info)


def _reuse_transform(img: Image.Image, rng: random.Random) -> Image.Image:
    """A reused scan is re-photographed or resized: slightly scaled, cropped and brighter."""
    w, h = img.size
    s = rng.uniform(0.93, 1.0)
    img = img.resize((int(w * s), int(h * s)), Image.Resampling.BILINEAR)
    cx, cy = rng.randint(0, 8), rng.randint(0, 8)
    img = img.crop((cx, cy, img.width - rng.randint(0, 8), img.height - rng.randint(0, 8)))
    arr = np.asarray(img, dtype=np.float32) * rng.uniform(0.95, 1.04) + rng.uniform(-4, 4)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# ---------------------------------------------------------------------------------------------
# PDF rendering
# ---------------------------------------------------------------------------------------------

_PT = 595.0 / PAGE_W


def _register_pdf_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "QLCJK" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("QLCJK", str(find_cjk_font()), subfontIndex=0))
    return "QLCJK"


def _pdf_date(dt: datetime) -> str:
    return dt.strftime("D:%Y%m%d%H%M%S+08'00'")


def render_pdf(layout: Layout, rng: random.Random) -> tuple[bytes, dict[str, list[tuple[float, float, int]]]]:
    """A born-digital document (electronic certificate, lawyer letter): text layer + vector seal.

    Returns the bytes and, per field, (x, y, size) in PDF points of each line holding it."""
    from reportlab.pdfgen import canvas

    fname = _register_pdf_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(595, 842))
    c.setFillColorRGB(*(v / 255 for v in INK))
    c.setFont(fname, 36 * _PT)
    c.drawCentredString(297.5, 842 - 70 * _PT - 10, layout.title)
    pos: dict[str, list[tuple[float, float, int]]] = {}
    y = 140.0
    for ln in layout.lines:
        c.setFont(fname, ln.size * _PT)
        yy = 842 - (y + ln.size) * _PT
        c.drawString(MARGIN * _PT, yy, ln.text)
        for name in ln.fields:
            pos.setdefault(name, []).append((MARGIN * _PT, yy, ln.size))
        pos.setdefault("_line:" + ln.text, []).append((MARGIN * _PT, yy, ln.size))
        y += ln.size * 2.0
    if layout.seal_text:
        cx, cy = 600 * _PT, 842 - (min(y + 40, 980)) * _PT
        c.saveState()
        c.setStrokeColorRGB(*(v / 255 for v in SEAL_RED))
        c.setFillColorRGB(*(v / 255 for v in SEAL_RED))
        c.setLineWidth(3)
        c.circle(cx, cy, 70, stroke=1, fill=0)
        c.setFont(fname, 14)
        t = layout.seal_text
        chunks = [t[i : i + 7] for i in range(0, len(t), 7)][:3]
        yy = cy + 8 + (len(chunks) - 1) * 8
        for ch in chunks:
            c.drawCentredString(cx, yy, ch)
            yy -= 17
        c.drawCentredString(cx, cy - 48, "专用章")
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue(), pos


def _pdf_with_metadata(data: bytes, meta: dict[str, str]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    w.add_metadata(meta)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _pdf_incremental_edit(
    data: bytes, at: tuple[float, float, int], new_line: str, producer: str, when: datetime
) -> bytes:
    """Append an incremental update that paints a white box over one line and writes new text:
    what 'edit text' in a PDF editor saves. The original revision stays in the file."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    fname = _register_pdf_font()
    x, y, size = at
    ov = io.BytesIO()
    c = canvas.Canvas(ov, pagesize=(595, 842))
    c.setFillColorRGB(1, 1, 1)
    c.rect(x - 2, y - 4, 595 - 2 * x, size * _PT + 7, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(fname, size * _PT)
    c.drawString(x, y, new_line)
    c.showPage()
    c.save()
    w = PdfWriter(io.BytesIO(data), incremental=True)
    w.pages[0].merge_page(PdfReader(io.BytesIO(ov.getvalue())).pages[0])
    w.add_metadata({"/Producer": producer, "/ModDate": _pdf_date(when)})
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Rendering one manifest row
# ---------------------------------------------------------------------------------------------


def _extra_fields(row: DocRow, rng: random.Random) -> dict[str, str]:
    extra: dict[str, str] = {}
    if row.doc_type == "unemployment_proof":
        extra["uscc"] = make_uscc(rng, "91")
    elif row.doc_type == "diagnosis":
        extra["disease"], extra["advice"] = rng.choice(DISEASES)
    elif row.doc_type == "death_certificate":
        extra["cause"] = rng.choice(DEATH_CAUSES)
    elif row.doc_type == "lawyer_letter":
        region = rng.choice(REGIONS)[0]
        extra["firm_uscc"] = make_uscc(rng, "31")
        extra["lawyer"] = make_name(rng)
        extra["licence"] = make_lawyer_licence(rng, region)
        if row.tamper == "licence_is_uscc":
            extra["licence"] = extra["firm_uscc"] if rng.random() < 0.6 else make_uscc(rng, "91")
    return extra


def _printed_values(row: DocRow, rng: random.Random) -> dict:
    """What the genuine document under any tampering says."""
    issue = _d(row.issue_date) or date(2025, 1, 1)
    event = _d(row.event_date)
    name = row.subject_name or make_name(rng)
    if row.tamper == "name_pasted":
        name = row.original_name or make_name(rng)
    return {
        "name": name,
        "id": row.subject_id_number or make_id_number(rng),
        "issue": issue,
        "event": event,
        "serial": row.serial or f"{issue:%Y}{rng.randint(10**7, 10**8 - 1)}",
    }


def render_row(
    row: DocRow, out_dir: Path, seed: int, rendered: dict[str, Path], boxes: dict[str, dict] | None = None
) -> Path:
    """Render one row to out_dir/row.file; `rendered` maps already written files (for reuse),
    `boxes` collects where each raster's fields were drawn (a reused scan is pasted over there)."""
    boxes = boxes if boxes is not None else {}
    rng = _rng_for(seed, row.file)
    path = out_dir / row.file
    path.parent.mkdir(parents=True, exist_ok=True)
    is_pdf = path.suffix.lower() == ".pdf"
    issue = _d(row.issue_date) or date(2025, 1, 1)
    taken = datetime.combine(issue, datetime.min.time()) + timedelta(
        days=rng.randint(0, 20), hours=rng.randint(8, 20)
    )
    if row.reuse_of and row.reuse_of in rendered and rendered[row.reuse_of].exists():
        return _render_reuse(row, path, rendered[row.reuse_of], rng, taken, boxes.get(row.reuse_of))

    pv = _printed_values(row, rng)
    extra = _extra_fields(row, rng)
    tamper = row.tamper
    printed_id, printed_event = pv["id"], pv["event"]
    if tamper == "digits_changed" and is_pdf:
        tamper = "pdf_incremental_edit"  # a PDF's digits are changed in an editor
    pdf_target = None
    if tamper == "pdf_incremental_edit":
        pdf_target = row.digits_target or (
            rng.choice(["name", "event_date", "id_number"]) if row.doc_type != "lawyer_letter" else "name"
        )
        if pdf_target == "name":  # first revision names someone else; the edit writes the borrower
            pv["name"] = row.original_name or make_name(rng)
    layout = build_layout(
        row,
        rng,
        printed_name=pv["name"],
        printed_id=printed_id,
        printed_issue=pv["issue"],
        printed_event=printed_event,
        serial=pv["serial"],
        extra=extra,
    )
    if tamper == "reused_seal":
        cr = _rng_for(seed, "seal:" + str(row.campaign_id or row.file))  # one stolen seal per campaign
        layout.seal_text = row.seal_issuer or make_issuer(cr.choice(_CERTS[:5]), cr)

    if is_pdf:
        data, pos = render_pdf(layout, rng)
        created = taken
        if tamper == "backdated" and row.pdf_created:
            created = datetime.fromisoformat(row.pdf_created)
        meta = {
            "/Producer": rng.choice(GENUINE_PDF_PRODUCERS),
            "/Creator": row.issuer[:20] + "电子证照系统",
            "/CreationDate": _pdf_date(created),
            "/ModDate": _pdf_date(created),
        }
        if tamper == "editor_resave":
            meta["/Producer"] = rng.choice(PDF_EDITORS)
            meta["/ModDate"] = _pdf_date(created + timedelta(days=rng.randint(20, 400)))
        data = _pdf_with_metadata(data, meta)
        if tamper == "pdf_incremental_edit":
            when = created + timedelta(days=rng.randint(15, 500))
            target = pdf_target
            if target == "name" and "name" in pos:
                label = "委托人" if row.doc_type == "lawyer_letter" else "姓名"
                new = f"{label}：{row.subject_name or make_name(rng)}"
                data = _pdf_incremental_edit(data, pos["name"][0], new, rng.choice(PDF_EDITORS), when)
            elif target == "id_number" and "id_number" in pos:
                new = f"身份证号：{break_id_number(printed_id, rng)}"
                data = _pdf_incremental_edit(data, pos["id_number"][0], new, rng.choice(PDF_EDITORS), when)
            else:
                key = (
                    next(k for k in pos if k.startswith("_line:") and cn_date(printed_event or issue) in k)
                    if any(k.startswith("_line:") and cn_date(printed_event or issue) in k for k in pos)
                    else None
                )
                if key is None:
                    new = f"身份证号：{break_id_number(printed_id, rng)}"
                    data = _pdf_incremental_edit(
                        data, pos["id_number"][0], new, rng.choice(PDF_EDITORS), when
                    )
                else:
                    old_line = key[len("_line:") :]
                    ev = printed_event or issue
                    moved = issue + timedelta(days=rng.randint(30, 400))  # the story needs a later event
                    data = _pdf_incremental_edit(
                        data,
                        pos[key][0],
                        old_line.replace(cn_date(ev), cn_date(moved)),
                        rng.choice(PDF_EDITORS),
                        when,
                    )
        path.write_bytes(data)
        return path

    seal = None
    if layout.seal_text:
        seal = make_seal(layout.seal_text, None if tamper == "reused_seal" else rng)
    # PNG = a clean export (scanner software, screenshot); JPEG = a phone photo with sensor noise
    noisy = path.suffix.lower() in (".jpg", ".jpeg") and not row.doc_type.endswith("screenshot")
    ras = render_raster(layout, rng, seal, noisy=noisy)
    img = ras.image
    boxes[row.file] = ras.boxes
    if tamper == "name_pasted":
        new = row.subject_name or make_name(rng)
        if "name" in ras.boxes:
            paste_text(img, ras.boxes["name"][0], new)
        if "name_body" in ras.boxes and rng.random() < 0.5:
            for b in ras.boxes["name_body"]:
                paste_text(img, b, new)
    elif tamper == "digits_changed":
        target = row.digits_target or (
            "id" if rng.random() < 0.6 or "event_date" not in ras.boxes else "event_date"
        )
        if target == "id" and "id_number" in ras.boxes:
            paste_text(img, ras.boxes["id_number"][0], break_id_number(printed_id, rng))
        elif "event_date" in ras.boxes:
            ev = printed_event or issue
            moved = ev.replace(year=issue.year + 1, day=min(ev.day, 28))  # the story needs a later event
            paste_text(img, ras.boxes["event_date"][0], cn_date(moved))
    _save_raster(img, path, rng, taken)
    if tamper == "editor_resave":
        _resave_in_editor(path, rng, taken + timedelta(days=rng.randint(5, 300)))
    return path


def _render_reuse(
    row: DocRow, path: Path, base: Path, rng: random.Random, taken: datetime, base_boxes: dict | None
) -> Path:
    """A document reused for another borrower: the same scan, maybe with this borrower's name
    pasted over, re-encoded; a reused PDF is copied as is (same bytes, different file name)."""
    if base.suffix.lower() == ".pdf" or path.suffix.lower() == ".pdf":
        path.write_bytes(base.read_bytes())
        return path
    img = Image.open(base).convert("RGB")
    box = (base_boxes or {}).get("name")
    if row.tamper == "name_pasted" and row.subject_name and box:
        paste_text(img, box[0], row.subject_name)
    img = _reuse_transform(img, rng)
    _save_raster(img, path, rng, taken)
    if row.tamper == "editor_resave":
        _resave_in_editor(path, rng, taken + timedelta(days=rng.randint(5, 300)))
    return path


def _order(rows: list[DocRow]) -> list[DocRow]:
    """Bases before the documents that reuse them."""
    by_file = {r.file: r for r in rows}
    done: set[str] = set()
    out: list[DocRow] = []

    def visit(r: DocRow, depth: int = 0) -> None:
        if r.file in done:
            return
        if r.reuse_of and r.reuse_of in by_file and depth < 20:
            visit(by_file[r.reuse_of], depth + 1)
        done.add(r.file)
        out.append(r)

    for r in rows:
        visit(r)
    return out


def _render_batch(args: tuple[str, list[dict], int, dict]) -> dict[str, dict]:
    out_dir, rows, seed, base_boxes = args
    rendered = {f: Path(out_dir) / f for f in base_boxes}
    boxes: dict[str, dict] = dict(base_boxes)
    for d in rows:
        render_row(DocRow(**d), Path(out_dir), seed, rendered, boxes)
    return {d["file"]: boxes.get(d["file"], {}) for d in rows}


def render_manifest(out_dir: Path, manifest: Path, seed: int, workers: int | None = None) -> int:
    """Render every row of `manifest` (JSONL, paths relative to out_dir); returns files written.

    Output is a pure function of (row, seed): re-running is idempotent. Originals render first
    (in `workers` processes, default min(CPUs, 4)), then the copies that re-use them."""
    import os

    out_dir = Path(out_dir)
    rows = [
        DocRow.from_json(json.loads(line))
        for line in Path(manifest).read_text("utf-8").splitlines()
        if line.strip()
    ]
    ordered = _order(rows)
    files = {r.file for r in rows}
    first = [r for r in ordered if not (r.reuse_of and r.reuse_of in files)]
    later = [r for r in ordered if r.reuse_of and r.reuse_of in files]
    n_workers = workers or min(os.cpu_count() or 1, 4)
    boxes: dict[str, dict] = {}
    if n_workers > 1 and len(first) > 40:
        from concurrent.futures import ProcessPoolExecutor

        chunks = [first[i :: n_workers * 4] for i in range(n_workers * 4)]
        with ProcessPoolExecutor(max_workers=n_workers) as ex:
            for res in ex.map(
                _render_batch, [(str(out_dir), [asdict(r) for r in c], seed, {}) for c in chunks]
            ):
                boxes.update(res)
    else:
        boxes.update(_render_batch((str(out_dir), [asdict(r) for r in first], seed, {})))
    # copies of copies are rare: render the rest in order, one process
    rendered = {f: out_dir / f for f in boxes}
    for r in later:
        rendered[r.file] = render_row(r, out_dir, seed, rendered, boxes)
    return len(first) + len(later)


# ---------------------------------------------------------------------------------------------
# Standalone generator: documents, borrowers, complaints and truth
# ---------------------------------------------------------------------------------------------


def write_complaints_and_customers(out_dir: Path, complaints: list[dict], customers: list[dict]) -> None:
    """complaints.jsonl and customers.csv of a document set (this generator and the genuine set's)."""
    import csv

    (out_dir / "complaints.jsonl").write_text(
        "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in complaints), "utf-8"
    )
    with (out_dir / "customers.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["customer_id", "name", "phone", "id_number"])
        w.writeheader()
        w.writerows(customers)


LATE_LIMIT_DAYS = {  # how long after the event a genuine certificate is plausibly issued
    "quarantine_proof": 90,
    "death_certificate": 60,
    "diagnosis": 120,
    "unemployment_proof": 365,
    "poverty_certificate": 1100,
    "lawyer_letter": 120,
}
_CERTS = (
    "poverty_certificate",
    "unemployment_proof",
    "diagnosis",
    "death_certificate",
    "quarantine_proof",
    "lawyer_letter",
)
_GAPS = {
    "quarantine_proof": (10, 40),
    "death_certificate": (1, 20),
    "diagnosis": (0, 10),
    "unemployment_proof": (0, 120),
    "poverty_certificate": (20, 700),
    "lawyer_letter": (1, 30),
}


def _event_and_issue(doc_type: str, rng: random.Random, late: bool) -> tuple[date, date]:
    if doc_type == "quarantine_proof":
        ev = date(2021, 1, 1) + timedelta(days=rng.randint(0, 700))
    else:
        ev = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
    lo, hi = _GAPS.get(doc_type, (0, 30))
    issue = ev + timedelta(days=rng.randint(lo, hi))
    if late:
        limit = LATE_LIMIT_DAYS.get(doc_type, 365)
        issue = min(ev + timedelta(days=limit + rng.randint(200, 1200)), date(2025, 10, 31))
        if (issue - ev).days <= limit:  # the cap ate the gap: the event moves back instead
            ev = issue - timedelta(days=limit + rng.randint(30, 400))
    return ev, issue


def generate_documents(out_dir: Path, n: int, seed: int, *, pdf_share: float = 0.3) -> dict:
    """Write n attachments + manifest + complaints.jsonl + customers.csv + truth.json; return truth.

    Mix: ~half genuine, the rest spread over every tamper kind and cross-borrower reuse groups.
    truth["files"][file] = manifest row + "expect": {check: bool} for per-check evaluation."""
    out_dir = Path(out_dir)
    att = out_dir / "attachments"
    att.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n_customers = max(4, n)
    customers = []
    for i in range(n_customers):
        customers.append(
            {
                "customer_id": f"C{seed % 1000:03d}{i:05d}",
                "name": make_name(rng),
                "phone": f"1{rng.choice('3578')}{rng.randint(10**8, 10**9 - 1)}",
                "id_number": make_id_number(rng),
            }
        )
    # a few issuers per type, so genuine documents of one template from one issuer exist
    issuers = {t: [make_issuer(t, rng) for _ in range(3)] for t in DOC_TYPES}
    stock_seals = {k: make_issuer(rng.choice(_CERTS[:5]), rng) for k in (1, 2, 3)}
    rows: list[DocRow] = []
    extra_truth: dict[str, dict] = {}
    complaints: list[dict] = []
    cust_iter = iter(range(10**9))

    def next_customer() -> dict:
        return customers[next(cust_iter) % n_customers]

    def new_file(ext: str) -> str:
        return f"attachments/{hashlib.sha1(f'{seed}:{len(rows)}:{rng.random()}'.encode()).hexdigest()[:12]}.{ext}"

    kinds = (
        ["genuine"] * 50
        + ["editor_resave"] * 6
        + ["digits_changed"] * 6
        + ["pdf_incremental_edit"] * 6
        + ["reused_seal"] * 6
        + ["licence_is_uscc"] * 4
        + ["backdated"] * 5
        + ["reuse_group"] * 17
    )
    while len(rows) < n:
        kind = rng.choice(kinds)
        dtype = rng.choice(_CERTS) if kind != "genuine" else rng.choice(DOC_TYPES)
        if kind == "licence_is_uscc":
            dtype = "lawyer_letter"
        cust = next_customer()
        ev, issue = _event_and_issue(dtype, rng, late=(kind == "backdated"))
        want_pdf = kind == "pdf_incremental_edit" or (
            kind in ("genuine", "backdated", "licence_is_uscc")
            and rng.random() < pdf_share
            and not dtype.endswith("screenshot")
        )
        if kind == "backdated" and want_pdf:
            # printed as issued on time, but the file was first produced years later
            issue = ev + timedelta(days=rng.randint(*_GAPS.get(dtype, (0, 30))))
        ext = "pdf" if want_pdf else rng.choice(["jpg", "jpg", "png"])
        base = DocRow(
            file=new_file(ext),
            doc_type=dtype,
            subject_name=cust["name"],
            subject_id_number=cust["id_number"],
            issuer=rng.choice(issuers[dtype]),
            issue_date=issue.isoformat(),
            event_date=ev.isoformat(),
            customer_id=cust["customer_id"],
            tamper=None if kind in ("genuine", "reuse_group") else kind,
        )
        if kind == "backdated" and want_pdf:
            base.pdf_created = datetime(2025, rng.randint(1, 10), rng.randint(1, 28), 10, 0).isoformat()
        if kind == "digits_changed":
            base.digits_target = "id" if rng.random() < 0.6 else "event_date"
        if kind == "pdf_incremental_edit":
            base.digits_target = (
                "name" if dtype == "lawyer_letter" else rng.choice(["name", "event_date", "id_number"])
            )
        if kind == "reused_seal":
            # a campaign keeps one stolen seal and stamps it on every document type it forges
            k = rng.randint(1, 3)
            base.campaign_id = f"K{seed}-{k}"
            base.seal_issuer = stock_seals[k]
            if base.seal_issuer == base.issuer:
                base.seal_issuer = stock_seals[k % 3 + 1]
        group = [base]
        if kind == "reuse_group":
            base.campaign_id = f"R{seed}-{len(rows)}"
            for _ in range(rng.randint(1, 3)):
                c2 = next_customer()
                t = "name_pasted" if (ext != "pdf" and rng.random() < 0.5) else None
                group.append(
                    DocRow(
                        file=new_file("jpg" if ext != "pdf" else "pdf"),
                        doc_type=dtype,
                        subject_name=c2["name"],
                        subject_id_number=cust["id_number"],
                        issuer=base.issuer,
                        issue_date=base.issue_date,
                        event_date=base.event_date,
                        customer_id=c2["customer_id"],
                        campaign_id=base.campaign_id,
                        tamper=t,
                        reuse_of=base.file,
                    )
                )
        for r in group:
            issued = _d(r.issue_date)
            assert issued is not None  # every row has an issue date
            received = issued + timedelta(days=rng.randint(3, 120))
            if kind == "backdated" and r.pdf_created:
                created = _d(r.pdf_created)
                assert created is not None
                received = max(received, created + timedelta(days=rng.randint(3, 30)))
            r.complaint_id = f"Q{seed % 1000:03d}{len(complaints):06d}"
            complaints.append(
                {
                    "complaint_id": r.complaint_id,
                    "received_at": f"{received.isoformat()}T10:00:00+08:00",
                    "channel": "app",
                    "customer_id": r.customer_id,
                    "text": "申请停息挂账，附证明材料。",
                    "attachments": [r.file],
                }
            )
            rows.append(r)
    rows = rows[: max(n, 1)] if len(rows) > n else rows
    kept = {r.file for r in rows}
    complaints = [c for c in complaints if c["attachments"][0] in kept]
    # a reuse copy whose base was cut off is rendered as its own document
    for r in rows:
        if r.reuse_of and r.reuse_of not in kept:
            r.reuse_of = None
            r.tamper = None if r.tamper == "name_pasted" else r.tamper
    (att / "manifest.jsonl").write_text(
        "".join(json.dumps(_contract(r), ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    hints = att / ".render_hints.jsonl"
    hints.write_text("".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in rows), "utf-8")
    written = render_manifest(out_dir, hints, seed)
    hints.unlink()
    write_complaints_and_customers(out_dir, complaints, customers)
    truth: dict[str, Any] = {"seed": seed, "n": written, "files": {}}
    comp_date = {c["attachments"][0]: c["received_at"][:10] for c in complaints}
    cust_name = {c["customer_id"]: c["name"] for c in customers}
    by_file = {r.file: r for r in rows}
    reuse_groups: dict[str, set[str]] = {}
    for r in rows:
        root = r.reuse_of or r.file
        reuse_groups.setdefault(root, set()).add(r.customer_id or "")
    for r in rows:
        root = r.reuse_of or r.file
        multi = len(reuse_groups.get(root, set())) > 1
        expect = _expect(r, by_file, multi, cust_name, comp_date.get(r.file))
        truth["files"][r.file] = {
            **_contract(r),
            **extra_truth.get(r.file, {}),
            "expect": expect,
            "forged": any(expect.values()),
        }
    (out_dir / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    return truth


def _contract(r: DocRow) -> dict:
    keys = (
        "file",
        "complaint_id",
        "customer_id",
        "doc_type",
        "subject_name",
        "subject_id_number",
        "issuer",
        "issue_date",
        "event_date",
        "campaign_id",
        "tamper",
        "reuse_of",
    )
    return {k: getattr(r, k) for k in keys}


def _expect(
    r: DocRow,
    by_file: dict[str, DocRow],
    reused_multi: bool,
    cust_name: dict[str, str],
    complaint_date: str | None,
) -> dict[str, bool]:
    """Which check family should fire on this file (the per-check truth of the evaluation)."""
    base = by_file.get(r.reuse_of) if r.reuse_of else None
    tampers = {r.tamper, base.tamper if base else None}
    ev, issue = _d(r.event_date), _d(r.issue_date)
    late = bool(ev and issue and (issue - ev).days > LATE_LIMIT_DAYS.get(r.doc_type, 10**6))
    return {
        "metadata_editor": "editor_resave" in tampers or "pdf_incremental_edit" in tampers,
        "pdf_revisions": r.tamper == "pdf_incremental_edit",
        "reuse": reused_multi,
        "name_mismatch": bool(r.reuse_of)
        or r.tamper == "name_pasted"
        or (r.tamper == "pdf_incremental_edit" and r.digits_target in ("name", "id_number"))
        or (r.tamper == "digits_changed" and r.digits_target == "id"),  # the ID is no longer the borrower's
        "id_invalid": (r.tamper == "digits_changed" and r.digits_target == "id")
        or (r.tamper == "pdf_incremental_edit" and r.digits_target == "id_number"),
        "dates": r.tamper == "backdated"
        or late
        or (r.tamper == "digits_changed" and r.digits_target != "id")
        or (r.tamper == "pdf_incremental_edit" and r.digits_target == "event_date")
        or bool(complaint_date and issue and issue.isoformat() > complaint_date),
        "seal": "reused_seal" in tampers,
        "licence": r.tamper == "licence_is_uscc",
    }


def iter_manifest(path: Path) -> Iterable[dict]:
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            yield json.loads(line)
