"""Metadata checks: what the file says about the software that last wrote it.

A hardship proof photographed on a phone and sent as is carries the phone's EXIF and the
phone's own JPEG quantisation tables. Open it in Photoshop or Meitu and save it, and the EXIF
Software tag names the editor, the modify time moves, and the tables become the editor's (often
the plain IJG tables of libjpeg at some quality). Standard tables next to camera EXIF are weak
evidence only (material_jpeg_requantized, 0.1): many phones and most scanners write exactly
those tables themselves, so alone (or with a later modify time) it never reaches the flag
threshold. A PDF edited in Acrobat or Foxit keeps its
first revision and appends the edit after another %%EOF; the producer and modification date
change. These are facts read from the file, so each finding quotes them.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image

from qinglang.materials.codes import finding

# IJG (libjpeg) standard tables, natural order as Pillow exposes them (ITU T.81 Annex K).
IJG_LUMA = [
    16,
    11,
    10,
    16,
    24,
    40,
    51,
    61,
    12,
    12,
    14,
    19,
    26,
    58,
    60,
    55,
    14,
    13,
    16,
    24,
    40,
    57,
    69,
    56,
    14,
    17,
    22,
    29,
    51,
    87,
    80,
    62,
    18,
    22,
    37,
    56,
    68,
    109,
    103,
    77,
    24,
    35,
    55,
    64,
    81,
    104,
    113,
    92,
    49,
    64,
    78,
    87,
    103,
    121,
    120,
    101,
    72,
    92,
    95,
    98,
    112,
    100,
    103,
    99,
]
IJG_CHROMA = [
    17,
    18,
    24,
    47,
    99,
    99,
    99,
    99,
    18,
    21,
    26,
    66,
    99,
    99,
    99,
    99,
    24,
    26,
    56,
    99,
    99,
    99,
    99,
    99,
    47,
    66,
    99,
    99,
    99,
    99,
    99,
    99,
] + [99] * 32

# Substrings of Software / Producer / Creator values that name an image or PDF editor.
IMAGE_EDITORS = (
    "photoshop",
    "meitu",
    "美图",
    "xingtu",
    "醒图",
    "snapseed",
    "picsart",
    "gimp",
    "lightroom",
    "canva",
    "pixlr",
    "faceu",
    "b612",
    "wps图片",
    "acdsee",
    "paint.net",
    "inshot",
    "polarr",
)
PDF_EDITORS = (
    "acrobat pro",
    "acrobat standard",
    "foxit phantom",
    "phantompdf",
    "福昕",
    "pdf-xchange",
    "wps pdf",
    "pdfelement",
    "万兴",
    "smallpdf",
    "ilovepdf",
    "sejda",
    "pdf editor",
    "pdf编辑",
    "photoshop",
    "nitro pro",
)


def scale_table(base: list[int], quality: int) -> list[int]:
    """The IJG scaling of a base table to a quality (jpeg_quality_scaling in libjpeg)."""
    q = max(1, min(100, quality))
    s = 5000 // q if q < 50 else 200 - 2 * q
    return [max(1, min(255, (v * s + 50) // 100)) for v in base]


def ijg_quality(table: list[int], base: list[int]) -> int | None:
    """The quality at which `table` is exactly the IJG scaling of `base`, else None."""
    for q in range(1, 101):
        if scale_table(base, q) == list(table):
            return q
    return None


@dataclass
class MetaResult:
    findings: list = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    revision_texts: list[str] = field(default_factory=list)


def _match_editor(value: str, names: tuple[str, ...]) -> str | None:
    low = value.lower()
    return next((n for n in names if n in low), None)


def _exif_time(v: object) -> datetime | None:
    try:
        return datetime.strptime(str(v).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except (ValueError, TypeError):
        return None


def check_image(path: Path) -> MetaResult:
    res = MetaResult()
    with Image.open(path) as img:
        fmt = img.format
        exif = img.getexif()
        software = str(exif.get(0x0131) or "").strip("\x00 ")
        make = str(exif.get(0x010F) or "").strip("\x00 ")
        model = str(exif.get(0x0110) or "").strip("\x00 ")
        modified = _exif_time(exif.get(0x0132))
        taken = _exif_time(exif.get_ifd(0x8769).get(0x9003)) if exif else None
        if fmt == "PNG":
            software = software or str(img.info.get("Software", ""))
            modified = modified or _exif_time(img.info.get("Creation Time"))
        qtables = getattr(img, "quantization", None) if fmt == "JPEG" else None
    res.fields.update(
        {
            "format": fmt,
            "exif_software": software or None,
            "exif_make": make or None,
            "exif_model": model or None,
            "exif_datetime": modified.isoformat() if modified else None,
            "exif_datetime_original": taken.isoformat() if taken else None,
        }
    )
    ed = _match_editor(software, IMAGE_EDITORS) if software else None
    if ed:
        res.findings.append(
            finding(
                "material_meta_editor",
                f"文件元数据 Software=“{software}”：图片经编辑软件保存"
                + (f"（设备 {make} {model}）" if make else ""),
                f"file metadata Software='{software}': saved by an image editor"
                + (f" (device {make} {model})" if make else ""),
            )
        )
    if taken and modified and modified - taken > timedelta(days=1):
        res.findings.append(
            finding(
                "material_meta_modified_later",
                f"拍摄时间 {taken:%Y-%m-%d}，修改时间 {modified:%Y-%m-%d}，相差 {(modified - taken).days} 天",
                f"taken {taken:%Y-%m-%d}, modified {modified:%Y-%m-%d}: {(modified - taken).days} days later",
            )
        )
    if qtables:
        luma = list(qtables.get(0, []))
        q = ijg_quality(luma, IJG_LUMA) if len(luma) == 64 else None
        res.fields["jpeg_ijg_quality"] = q
        if q is not None and make:
            res.findings.append(
                finding(
                    "material_jpeg_requantized",
                    f"EXIF 记录设备 {make} {model}，JPEG 量化表是 libjpeg 标准表（质量约 {q}）："
                    f"可能经软件重新压缩，但许多手机和扫描仪本身就用标准表，仅作弱佐证",
                    f"EXIF names a {make} {model} device and the quantisation tables are the standard "
                    f"libjpeg tables at quality ~{q}: possibly re-compressed by software, but many phones "
                    f"and scanners write these tables themselves (weak support only)",
                )
            )
    return res


# ----------------------------------------------------------------------------------------------
# PDF
# ----------------------------------------------------------------------------------------------

_EOF = re.compile(rb"%%EOF[\r\n]*")


def _pdf_time(v: object) -> datetime | None:
    m = re.match(r"D?:?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?", str(v or ""))
    if not m:
        return None
    year, month, day, hour, minute, second = (
        int(x) if x else d for x, d in zip(m.groups(), (0, 1, 1, 0, 0, 0), strict=True)
    )
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def pdf_revisions(data: bytes) -> list[bytes]:
    """Each revision of an incrementally updated PDF is the file up to one of its %%EOF marks."""
    ends = [m.end() for m in _EOF.finditer(data)]
    return [data[:e] for e in ends] if ends else [data]


def pdf_page_fingerprint(data: bytes) -> str | None:
    """A hash of what the pages draw: every page's content stream and the data of the images it
    uses. Two revisions with one fingerprint show the same pages (an update that only rewrote
    the document information or XMP metadata)."""
    import hashlib

    from pypdf import PdfReader

    try:
        r = PdfReader(io.BytesIO(data), strict=False)
        h = hashlib.sha256()
        for page in r.pages:
            contents = page.get_contents()
            h.update(contents.get_data() if contents is not None else b"")
            xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
            for name in sorted(xobjects):
                h.update(str(name).encode())
                h.update(xobjects[name].get_object().get_data())
        return h.hexdigest()
    except Exception:  # noqa: BLE001 - an unreadable revision gives no fingerprint
        return None


def pdf_text(data: bytes) -> tuple[str, dict]:
    from pypdf import PdfReader

    r = PdfReader(io.BytesIO(data), strict=False)
    text = "\n".join((p.extract_text() or "") for p in r.pages)
    meta = {k: str(v) for k, v in (r.metadata or {}).items()}
    return text, meta


def check_pdf(path: Path) -> MetaResult:
    res = MetaResult()
    data = Path(path).read_bytes()
    revs = pdf_revisions(data)
    texts: list[str] = []
    metas: list[dict] = []
    for rev in revs:
        try:
            t, m = pdf_text(rev)
        except Exception:  # noqa: BLE001 - a truncated early revision may not parse; keep going
            continue
        texts.append(t)
        metas.append(m)
    if not texts:
        res.findings.append(finding("material_unreadable", "PDF 无法解析", "PDF could not be parsed"))
        return res
    res.revision_texts = texts
    meta = metas[-1]
    producer, creator = meta.get("/Producer", ""), meta.get("/Creator", "")
    created, modified = _pdf_time(meta.get("/CreationDate")), _pdf_time(meta.get("/ModDate"))
    res.fields.update(
        {
            "format": "PDF",
            "pdf_producer": producer or None,
            "pdf_creator": creator or None,
            "pdf_created": created.isoformat() if created else None,
            "pdf_modified": modified.isoformat() if modified else None,
            "pdf_revisions": len(revs),
            "text": texts[-1],
        }
    )
    for label, value in (("Producer", producer), ("Creator", creator)):
        ed = _match_editor(value, PDF_EDITORS) if value else None
        if ed:
            res.findings.append(
                finding(
                    "material_meta_editor",
                    f"PDF {label}=“{value}”：文件经 PDF 编辑软件保存",
                    f"PDF {label}='{value}': saved by a PDF editor",
                )
            )
            break
    if created and modified and modified - created > timedelta(days=1):
        res.findings.append(
            finding(
                "material_meta_modified_later",
                f"PDF 创建于 {created:%Y-%m-%d}，修改于 {modified:%Y-%m-%d}，相差 {(modified - created).days} 天",
                f"PDF created {created:%Y-%m-%d}, modified {modified:%Y-%m-%d}: {(modified - created).days} days later",
            )
        )
    if len(revs) > 1:
        diff = revision_diff(texts[0], texts[-1]) if len(texts) > 1 else ""
        res.fields["pdf_revision_diff"] = diff
        first_fp, last_fp = pdf_page_fingerprint(revs[0]), pdf_page_fingerprint(revs[-1])
        if not diff and first_fp is not None and first_fp == last_fp:
            # the update left every page as it was (text, drawing, images): metadata only, as
            # issuers' platforms do when they stamp or register a document; not an edit
            res.fields["pdf_metadata_only_update"] = True
            return res
        res.findings.append(
            finding(
                "material_pdf_incremental_edit",
                f"PDF 含 {len(revs)} 个修订版本（{len(revs)} 个 %%EOF）：首版之后被追加修改。变化：{diff or '（无文字变化）'}",
                f"PDF has {len(revs)} revisions ({len(revs)} %%EOF markers): edited after it was first "
                f"written. Changes: {diff or '(no text change)'}",
            )
        )
    return res


def revision_diff(old: str, new: str, limit: int = 6) -> str:
    """What an incremental update changed, as readable snippets.

    An editor's 'edit text' usually paints over the old line and writes a new one, so the old
    line is still in the text of the last revision; a new labelled line (姓名：…) is therefore
    shown against the first revision's line with the same label: “姓名：A” → “姓名：B”."""
    a = [re.sub(r"\s+", "", x) for x in old.splitlines() if x.strip()]
    b = [re.sub(r"\s+", "", x) for x in new.splitlines() if x.strip()]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        removed = a[i1:i2]
        for added in b[j1:j2] or [""]:
            label = re.split("[：:]", added, maxsplit=1)[0] if re.search("[：:]", added) else None
            before = (
                removed.pop(0)
                if removed
                else next((x for x in a if label and x.startswith(label) and x != added), "")
            )
            if before and added:
                out.append(f"“{before}” → “{added}”")
            elif added:
                out.append(f"+“{added}”")
            elif before:
                out.append(f"−“{before}”")
        if len(out) >= limit:
            break
    return "; ".join(out[:limit])
