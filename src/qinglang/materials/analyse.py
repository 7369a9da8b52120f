"""Per-file analysis: metadata, text (OCR or PDF text layer), fields, and the signatures that
the cross-document checks compare. One file at a time, no shared state, so it runs in worker
processes; everything returned is plain data (picklable).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from qinglang.materials.fields import (
    DATE_FIELDS,
    ConfIndex,
    extract_fields,
    normalise_line,
    org_names,
    seal_words,
)
from qinglang.materials.forensics import check_forensics
from qinglang.materials.metadata import check_image, check_pdf
from qinglang.materials.ocr import (
    OcrUnavailableError,
    file_sha256,
    ocr_file,
    ring_pp_cached,
    ring_reads_file,
    signature_file,
)
from qinglang.materials.seals import Seal, block_signature, describe
from qinglang.schema import Evidence

IMAGE_EXT = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".gif"}
PAGE_SIG = (48, 64)  # coarse page thumbnail (w, h) after cropping to the text


@dataclass
class FileAnalysis:
    file: str
    path: str
    sha256: str
    kind: str  # image | pdf | other
    findings: list[Evidence] = field(default_factory=list)
    fields: dict = field(default_factory=dict)
    text: str = ""
    seal_text: str = ""
    page_sig: np.ndarray | None = None
    seal: Seal | None = None  # the seal impression in its own frame (materials/seals.py)
    seal_block: np.ndarray | None = None  # its blocking fingerprint (seals.block_signature)
    error: str | None = None


def page_signature(img: Image.Image) -> np.ndarray | None:
    """Grey page cropped to its dark text (seal excluded: red is lighter than ink), resized and
    z-normalised: invariant to resizing, small crops and brightness — what re-use does."""
    g = img.convert("L")
    a = np.asarray(g)
    ink = a < 70
    rows, cols = np.nonzero(ink.sum(1) > 2)[0], np.nonzero(ink.sum(0) > 2)[0]
    if len(rows) < 5 or len(cols) < 5:
        return None
    crop = g.crop((int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1))
    s = np.asarray(crop.resize(PAGE_SIG, Image.Resampling.BILINEAR), dtype=np.float32).ravel()
    s = s - s.mean()
    return s / (np.linalg.norm(s) + 1e-6)


def pdf_seal_text(text: str) -> str:
    """In a born-digital PDF the seal's words are text too, just before 专用章."""
    lines = [normalise_line(x) for x in text.splitlines() if x.strip()]
    for i, ln in enumerate(lines):
        if ln.startswith("专用章"):
            out: list[str] = []
            j = i - 1
            while j >= 0 and "：" not in lines[j] and len(out) < 3:
                out.insert(0, lines[j])
                j -= 1
            return "\n".join(out)
    return ""


def _page_images(page) -> Iterator[Image.Image]:  # noqa: ANN001 - a pypdf page
    """The first eight images of a PDF page that pypdf can decode, decoded one at a time as they
    are asked for (one it cannot decode is skipped)."""
    try:
        images = list(page.images)
    except Exception:  # noqa: BLE001 - an image pypdf cannot decode is skipped
        return
    for im in images[:8]:
        try:
            pic = im.image
        except Exception:  # noqa: BLE001
            continue
        if pic is not None:
            yield pic


def _pdf_seal(path: Path, fa: FileAnalysis, ocr: bool, cache_dir: str | None = None) -> None:
    """A born-digital PDF carries its seal as an embedded image (an electronic seal): the first
    image on the first pages in which a round red seal is found becomes the file's seal, so the
    cross-document check sees one seal image placed on another issuer's paper. Its ring is read
    with OCR (when on); the PDF's own text is exact."""
    from pypdf import PdfReader

    from qinglang.materials.ocr import cached_reads, read_ring

    try:
        pages = PdfReader(str(path)).pages[:3]
    except Exception:  # noqa: BLE001 - a damaged PDF is reported by check_pdf
        return
    for page in pages:
        for pic in _page_images(page):
            if min(pic.size) < 60 or max(pic.size) > 3000:
                continue
            rgb = Image.new("RGB", pic.size, (255, 255, 255))
            if pic.mode in ("RGBA", "LA") or (pic.mode == "P" and "transparency" in pic.info):
                pic = pic.convert("RGBA")
                rgb.paste(pic, mask=pic.getchannel("A"))
            else:
                rgb.paste(pic.convert("RGB"))
            described = describe(rgb, edge_ok=True)  # the image is the seal
            if described is None:
                continue
            fa.seal = described[0]
            fa.seal_block = block_signature(fa.seal)
            fa.fields["seal_geometry"] = {
                "radius_px": round(fa.seal.radius_px, 1),
                "axis_ratio": fa.seal.axis_ratio,
                "embedded_image": True,
                **fa.seal.geometry,
            }
            if ocr:
                ink = described[1]
                fa.fields["seal_ring_pp"] = ring_pp_cached(
                    fa.sha256, ink, Path(cache_dir) if cache_dir else None
                )
                reads = cached_reads(
                    fa.sha256,
                    "pdfring",
                    lambda ink=ink: read_ring(ink),
                    Path(cache_dir) if cache_dir else None,
                )
                if reads:
                    fa.seal.ring_text, fa.seal.ring_conf = normalise_line(reads[0][0]), reads[0][1]
                    fa.seal.ring_reads = [(normalise_line(t), c) for t, c in reads]
                    fa.fields["seal_ring_text"] = fa.seal.ring_text
                    fa.fields["seal_ring_conf"] = fa.seal.ring_conf
            return


SCANNED_PDF_CHARS = 30  # a PDF with less text than this in its layer is a scan: its page is OCR'd


def _scanned_pdf_text(path: Path, fa: FileAnalysis, cache_dir: str | None) -> list:
    """An image-only PDF (a paper scanned to PDF) has no text layer: its first page's largest
    image is read like a photo, and the file's values then count as OCR reads, not exact text
    (format "PDF (scan)"). Returns the OCR words ([] when the PDF holds no page-sized image)."""
    from pypdf import PdfReader

    from qinglang.materials.ocr import page_text_cached

    try:
        first = PdfReader(str(path)).pages[0]
    except Exception:  # noqa: BLE001 - a damaged PDF is reported by check_pdf
        return []
    best = None
    for pic in _page_images(first):
        if min(pic.size) >= 500 and (best is None or pic.size[0] * pic.size[1] > best.size[0] * best.size[1]):
            best = pic
    if best is None:
        return []
    page = best.convert("RGB")
    text, words = page_text_cached(fa.sha256, page, Path(cache_dir) if cache_dir else None)
    if not text.strip():
        return []
    fa.text = text
    fa.fields["format"] = "PDF (scan)"
    fa.page_sig = page_signature(page)
    return words


TWICE_READ_CONF = 90.0


def _date_forms(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    return [f"{y}年{int(m)}月{int(d)}", f"{y}年{m}月{d}", f"{y}-{m}-{d}", f"{y}.{m}.{d}", f"{y}/{m}/{d}"]


def value_confidences(fields: dict, idx: ConfIndex) -> dict[str, float]:
    """Tesseract's confidence (lowest over its characters, 0-100) of each value the checks may
    use as evidence: names, ID numbers, licence numbers, dates (keyed by the value, dates by
    their ISO form). A value not found word for word in the OCR words is left out (unknown)."""
    out: dict[str, float] = {}
    values = [fields.get("name"), fields.get("id_number"), fields.get("licence"), fields.get("uscc")]
    values += list(fields.get("names_in_body") or []) + list(fields.get("id_numbers") or [])
    values += list(fields.get("licences") or [])
    if fields.get("stay_days"):
        values.append(fields["stay_days"] + "天")
    for person in fields.get("persons") or []:
        values += [person.get("name"), person.get("id_number")]
    for v in values:
        if v and v not in out:
            c = idx.conf(v)
            if c is not None:
                out[v] = c
    dates = {fields.get(f) for f in DATE_FIELDS} | set(fields.get("body_event_dates") or [])
    for iso in sorted(d for d in dates if d):
        cs = [c for c in map(idx.conf, _date_forms(iso)) if c is not None]
        if cs:
            # the same date read twice (a field and the body both state it) is no misread
            seen = sum(idx.text.count(f) for f in _date_forms(iso)[:3])
            out[iso] = max(max(cs), TWICE_READ_CONF if seen >= 2 else 0.0)
    for bad in fields.get("impossible_dates") or []:
        cs = [c for c in map(idx.conf, _date_forms(bad)) if c is not None]
        if cs:
            out[bad] = max(cs)
    raw = fields.get("issue_date_raw")
    if raw:
        # a signature date whose 月 was garbled: the digits' confidence (impossible or not)
        c = idx.conf_digits(raw)
        if c is not None:
            m = re.search(r"(\d{4})年(\d{1,2})\D(\d{1,2})", raw)
            if m:
                key = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                out[key] = max(out.get(key, 0.0), c)
    return out


def _merge_signature(fa: FileAnalysis, signature: dict) -> None:
    """What the seal covers, read from the red channel (ocr.read_signature_block): the issue date
    when the page's read lost it or garbled it, an impossible date written there, and the
    signing body's name (with its confidence) for the seal checks. Its text is kept with the
    page's for the cross-document comparisons."""
    idx = ConfIndex(signature.get("words") or [])
    sig = extract_fields(signature["text"])
    confs = fa.fields.setdefault("ocr_conf", {})
    iso = sig.get("issue_date")
    if iso and sig.get("issue_date_from") == "signature":
        c = max((x for x in map(idx.conf, _date_forms(iso)) if x is not None), default=None)
        page_has = fa.fields.get("issue_date") and fa.fields.get("issue_date_from") != "signature_garbled"
        if c is not None and not page_has:
            fa.fields["issue_date"] = iso
            fa.fields["issue_date_from"] = "signature_under_seal"
            confs[iso] = max(confs.get(iso, 0.0), c)
    for bad in sig.get("impossible_dates") or []:
        c = max((x for x in map(idx.conf, _date_forms(bad)) if x is not None), default=None)
        if c is not None and bad not in (fa.fields.get("impossible_dates") or []):
            fa.fields.setdefault("impossible_dates", []).append(bad)
            confs[bad] = c
    known = {o for o, _ in fa.fields.get("org_names") or []}
    for o in org_names(signature["text"]):
        if o not in known:
            fa.fields.setdefault("org_names", []).append([o, idx.conf(o) or 0.0])
    fa.fields["signature_text"] = signature["text"].strip()
    fa.text = fa.text + "\n" + signature["text"]


def analyse_file(path: str, rel: str, ocr: bool, cache_dir: str | None) -> FileAnalysis:
    p = Path(path)
    fa = FileAnalysis(file=rel, path=path, sha256=file_sha256(p), kind="other")
    revs: list[str] = []
    words: list = []
    signature: dict = {}
    ext = p.suffix.lower()
    try:
        if ext == ".pdf":
            fa.kind = "pdf"
            meta = check_pdf(p)
            fa.findings += meta.findings
            fa.text = meta.fields.pop("text", "")
            fa.fields.update(meta.fields)
            fa.seal_text = pdf_seal_text(fa.text)
            revs = meta.revision_texts
            _pdf_seal(p, fa, ocr, cache_dir)
            if ocr and len(re.sub(r"\s", "", fa.text)) < SCANNED_PDF_CHARS:
                words = _scanned_pdf_text(p, fa, cache_dir)
        elif ext in IMAGE_EXT:
            fa.kind = "image"
            meta = check_image(p)
            fa.findings += meta.findings
            fa.fields.update(meta.fields)
            with Image.open(p) as img:
                img.load()
                fa.page_sig = page_signature(img)
                described = describe(img)
                fa.fields["size"] = list(img.size)
                fa.findings += check_forensics(img)  # pixel forensics (materials/forensics.py)
            if described is not None:
                if ocr:
                    fa.fields["seal_ring_pp"] = ring_pp_cached(
                        fa.sha256, described[1], Path(cache_dir) if cache_dir else None
                    )
                fa.seal = described[0]
                fa.seal_block = block_signature(fa.seal)
                fa.fields["seal_geometry"] = {
                    "radius_px": round(fa.seal.radius_px, 1),
                    "axis_ratio": fa.seal.axis_ratio,
                    **fa.seal.geometry,
                }
            if ocr:
                res = ocr_file(p, Path(cache_dir) if cache_dir else None, fa.sha256)
                fa.text, fa.seal_text = res.text, res.seal_text
                words = res.words
                if fa.seal is not None:
                    # the ring read in several renderings (cached apart); the page OCR's read is
                    # the ring text, else the surest rendering (the page OCR reads red seals
                    # only: a grey scan's seal is found and read here)
                    reads = ring_reads_file(p, Path(cache_dir) if cache_dir else None, fa.sha256)
                    fa.seal.ring_reads = [(normalise_line(t), c) for t, c in reads]
                    best = max(reads, key=lambda r: r[1]) if reads else None
                    if res.ring_text:
                        fa.seal.ring_text, fa.seal.ring_conf = normalise_line(res.ring_text), res.ring_conf
                    elif best is not None:
                        fa.seal.ring_text, fa.seal.ring_conf = normalise_line(best[0]), float(best[1])
                    if fa.seal.ring_text:
                        fa.fields["seal_ring_text"] = fa.seal.ring_text
                        fa.fields["seal_ring_conf"] = fa.seal.ring_conf
                if fa.seal is not None:
                    signature = signature_file(p, Path(cache_dir) if cache_dir else None, fa.sha256)
        else:
            return fa
    except OcrUnavailableError:
        raise  # a missing Tesseract is a set-up error, not a property of this file
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop a scan
        from qinglang.materials.codes import finding

        fa.error = f"{type(exc).__name__}: {exc}"
        fa.findings.append(
            finding("material_unreadable", f"文件无法解析：{fa.error}", f"cannot parse: {fa.error}")
        )
        return fa
    if fa.text:
        fa.fields.update(extract_fields(fa.text))
        orgs = org_names(fa.text)
        if words:
            idx = ConfIndex(words)
            fa.fields["ocr_conf"] = value_confidences(fa.fields, idx)
            # the bodies the page names, with Tesseract's confidence (a PDF's text is exact)
            fa.fields["org_names"] = [[o, idx.conf(o) or 0.0] for o in orgs]
        elif orgs:
            fa.fields["org_names"] = [[o, 100.0] for o in orgs]
        if signature.get("text"):
            _merge_signature(fa, signature)
        if len(revs) > 1:
            first = extract_fields(revs[0])
            fa.fields["first_revision"] = {
                k: first.get(k) for k in ("name", "id_number", "issue_date", "event_date", "issuer")
            }
    # a real 公章 names its issuer along the ring; an older design in its centre
    ring = fa.seal.ring_text if fa.seal is not None else ""
    ring_ok = len(re.findall(r"[\u4e00-\u9fff]", ring)) >= 4 and not (fa.kind == "pdf" and fa.seal_text)
    read = ring if ring_ok else fa.seal_text
    fa.fields["seal_words"] = seal_words(read) if read else None
    return fa
