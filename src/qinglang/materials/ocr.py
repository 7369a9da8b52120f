"""OCR of document images, cached by file content.

The page is read by PP-OCRv4 (detection + recognition, through RapidOCR on ONNX Runtime; the
weights ship inside the rapidocr-onnxruntime wheel, nothing is downloaded). Tesseract chi_sim read
phone photos of documents poorly — at an angle, in shade or on a desk it returned fragments
("执业证号 : 91440 -<SMASR2FNEXZW") and lost names, IDs and dates, so half of the forged
documents of the blind b10_docs set went unread; PP-OCR reads the same photos nearly whole. Its
boxes are put back into lines (pp_lines) in the form the field reader expects, and each character
keeps the recogniser's probability as its confidence (0-100), which the checks require of any value
that accuses someone (consistency.sure).

Tesseract still reads the seal: its inside, the ring text unrolled into a straight line and the
black text under it (short single lines where it measured well, see read_ring).

OCR costs a few seconds per page on one core, so results are cached under the SHA-256 of the file
bytes (plus the engines' versions): re-running a scan over the same attachments costs nothing. The
cache writes atomically (temp file + rename), so parallel workers and parallel runs can share it.
Both engines are told to use one thread because parallelism comes from one process per core.

The red seal is read on its own as black on white, twice: the inside of the ring (star, 专用章
line, or a centred name) and the ring text unrolled into a straight line (seals.ring_strip),
which names the issuer on a real 公章; the page itself is read from its red channel, where the seal
all but vanishes (page_for_text).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

# chi_sim alone: its model reads digits and Latin letters too, and with "+eng" Tesseract read
# Chinese labels as English words (姓名 -> "HEA:", 身份证号 -> "EYES:") on photos and scans,
# measured on the b2 dev set; it is also ~1.5x faster.
LANG = "chi_sim"
CACHE_VERSION = "10"  # 5-10: page read by PP-OCRv4; 4: chi_sim only, word confidences kept
# the ring's readings in several renderings (read_ring) are cached apart from the page
RING_CACHE_VERSION = "4"  # 4: grey scans' seals, a desk touching the picture's edge is no seal


@dataclass
class OcrResult:
    text: str
    seal_text: str
    ring_text: str = ""
    ring_conf: float = 0.0  # Tesseract's mean character confidence of the ring text (0-100)
    # the page's words in reading order with Tesseract's confidence (0-100): [[word, conf], ...]
    words: list = field(default_factory=list)


class OcrUnavailableError(RuntimeError):
    """Tesseract or its chi_sim data is missing: install tesseract-ocr tesseract-ocr-chi-sim."""


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    import pytesseract

    try:
        langs = pytesseract.get_languages(config="")
        ver = str(pytesseract.get_tesseract_version())
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrUnavailableError("tesseract not installed: run bash scripts/install-sysdeps.sh") from exc
    if "chi_sim" not in langs:
        raise OcrUnavailableError("tesseract has no chi_sim data: apt-get install tesseract-ocr-chi-sim")
    return ver


def default_cache_dir() -> Path:
    base = os.environ.get("QINGLANG_OCR_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "qinglang", "ocr"
    )
    return Path(base)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def seal_box(img: Image.Image) -> np.ndarray | None:
    """The RGB pixels (int16) of the box around the red seal impression; None when the page has
    no seal. The box is that of the largest compact red blob (seals.locate): a red title line,
    a red desk or stray red pixels are not the seal."""
    from qinglang.materials.seals import locate, red_pixels

    rgb = np.asarray(img.convert("RGB"))
    box = locate(red_pixels(rgb))
    if box is None:
        return None
    x0, y0, x1, y1 = box
    return rgb[y0:y1, x0:x1].astype(np.int16)


def seal_crop(img: Image.Image) -> Image.Image | None:
    """The seal's inner text as black on white (L), deskewed; None when there is no seal.

    Only the inside of the ring is kept (the ring confuses Tesseract), and the impression is
    turned by the angle (within ±9°) that makes its text lines sharpest in the row profile:
    a stamp is rarely pressed straight, and OCR of a tilted seal measured much worse."""
    r = seal_box(img)
    if r is None:
        return None
    red = np.clip((r[..., 0] - r[..., 1]) * 2, 0, 255).astype(np.uint8)  # ink strength, keeps faint strokes
    h, w = red.shape
    if h < 20 or w < 20:
        return None
    yy, xx = np.mgrid[0:h, 0:w]
    inner = np.where(np.hypot((yy - h / 2) / (h / 2), (xx - w / 2) / (w / 2)) < 0.8, red, 0).astype(np.uint8)
    im = Image.fromarray(inner)
    angle = max(
        range(-9, 10),
        key=lambda a: float(
            np.asarray(im.rotate(a, resample=Image.Resampling.BILINEAR), dtype=np.float32).sum(1).var()
        ),
    )
    return Image.fromarray(255 - inner).rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def page_for_text(img: Image.Image) -> Image.Image:
    """The page as PP-OCR reads it: its red channel, where a red seal is as light as the paper and
    the black print it was stamped over stays whole (whitening the seal's pixels, as for
    Tesseract, cut the digits under it: a 17-digit licence read as 15)."""
    rgb = np.asarray(img.convert("RGB"))
    return Image.fromarray(np.ascontiguousarray(rgb[..., 0]))


def read_ring(ink: np.ndarray) -> list[tuple[str, float]]:
    """The seal's ring text unrolled (seals.ring_strip) and read in a few renderings (as is,
    enlarged, sharpened, binarised): Tesseract reads a curved, grainy line differently each
    time, and the cross-document check uses every reading as evidence of which body the ring
    names. [(text, confidence 0-100), ...], best first; [] when there is no ring."""
    from PIL import ImageFilter

    from qinglang.materials.seals import ring_strip

    strip = ring_strip(ink)
    if strip is None:
        return []
    a = np.asarray(strip)
    big = strip.resize((int(strip.width * 1.4), int(strip.height * 1.4)), Image.Resampling.LANCZOS)
    renders = [
        strip,
        big,
        strip.filter(ImageFilter.UnsharpMask(2, 150, 3)),
        Image.fromarray(np.where(a > _otsu(a), 255, 0).astype(np.uint8)),
    ]
    reads = [_read_line(x) for x in renders]
    return sorted((r for r in reads if r[0]), key=lambda r: -r[1])


def _through_cache(key_text: str, compute, cache_dir: Path | None, accept):  # noqa: ANN001, ANN202
    """accept(JSON of compute()) for one file's part, computed once per `key_text` (file hash, kind
    of read, engine and cache versions) through the content-addressed cache; an entry `accept`
    refuses (damaged, an older shape) is recomputed."""
    cache_dir = cache_dir or default_cache_dir()
    key = hashlib.sha256(key_text.encode()).hexdigest()
    cpath = cache_dir / key[:2] / f"{key}.json"
    if cpath.is_file():
        try:
            return accept(json.loads(cpath.read_text("utf-8")))
        except (ValueError, TypeError, KeyError, AttributeError):
            pass
    res = compute()
    _write_json(cpath, res)
    return accept(res)


def _pp_cached(sha: str, what: str, version: str, compute, cache_dir: Path | None) -> dict:
    """One PP-OCR read of a file's part (`what`) through the cache (a dict)."""

    def accept(got: object) -> dict:
        if not isinstance(got, dict):
            raise TypeError("not a PP-OCR entry")
        return got

    return _through_cache(f"{sha}:{what}:pp{pp_version()}:{version}", compute, cache_dir, accept)


def page_text_cached(sha: str, img: Image.Image, cache_dir: Path | None = None) -> tuple[str, list[list]]:
    """read_page of a page image that is not a file of its own (the scan inside an image-only
    PDF), through the content-addressed cache under the containing file's hash."""

    def compute() -> dict:
        text, words = read_page(page_for_text(img))
        return {"text": text, "words": words}

    got = _pp_cached(sha, "pdfpage", CACHE_VERSION, compute, cache_dir)
    return str(got.get("text", "")), list(got.get("words", []))


def read_ring_pp(ink: np.ndarray) -> dict:
    """The seal's ring text unrolled (seals.ring_strip) and read by PP-OCR's recogniser, with each
    character's probability: {"text", "confs"} (confs 0-1, one per character; empty without a
    ring). On the b10_docs seals it read the issuer whole where Tesseract returned fragments
    (深圳市瑞丰电子科技有限公司 at 1.00 against 深起市瑞丰… at 81), and a misread character comes
    with a low probability (genuine seals' misread characters ≤ 0.93), so a character read surely
    is evidence of which body the seal names (consistency.seal_names_other_body)."""
    from qinglang.materials.seals import ring_strip

    strip = ring_strip(ink)
    if strip is None:
        return {"text": "", "confs": []}
    rgb = np.ascontiguousarray(np.asarray(strip.convert("RGB")))
    res, _ = _pp_engine().text_rec([rgb], True)
    text, score, info = str(res[0][0]), float(res[0][1]), res[0][2]
    confs = [float(c) for c in info[4]] if info and len(info[4]) == len(text) else [score] * len(text)
    return {"text": text, "confs": [round(c, 3) for c in confs]}


def ring_pp_cached(sha: str, ink: np.ndarray, cache_dir: Path | None = None) -> dict:
    """read_ring_pp of one file's seal, through its own content-addressed cache."""
    got = _pp_cached(sha, "ringpp", RING_CACHE_VERSION, lambda: read_ring_pp(ink), cache_dir)
    return {"text": str(got.get("text", "")), "confs": [float(c) for c in got.get("confs", [])]}


def _otsu(a: np.ndarray) -> int:
    h, _ = np.histogram(a, bins=256, range=(0, 256))
    p = h / max(1, h.sum())
    w = np.cumsum(p)
    mu = np.cumsum(p * np.arange(256))
    between = (mu[-1] * w - mu) ** 2 / (w * (1 - w) + 1e-9)
    return int(np.argmax(between))


def run_ocr(img: Image.Image) -> OcrResult:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    tesseract_version()
    text, words = read_page(page_for_text(img))
    seal = seal_crop(img)
    seal_text = ring_text = ""
    ring_conf = 0.0
    if seal is not None:
        seal_text = pytesseract.image_to_string(seal, lang="chi_sim", config="--psm 6")
        from qinglang.materials.seals import describe, ring_strip

        described = describe(img, grey=False)  # the page cache's contract: red seals only
        strip = ring_strip(described[1]) if described is not None else None
        if strip is not None:
            ring_text, ring_conf = _read_line(strip)
    return OcrResult(
        text=text, seal_text=seal_text, ring_text=ring_text.strip(), ring_conf=ring_conf, words=words
    )


@lru_cache(maxsize=1)
def _pp_engine():  # noqa: ANN202 - RapidOCR has no type information
    """One PP-OCRv4 engine per process (loading the models takes ~0.5 s)."""
    import logging

    from rapidocr_onnxruntime import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, print_verbose=False)


def pp_version() -> str:
    from importlib.metadata import version

    return version("rapidocr-onnxruntime")


def read_page(page: Image.Image) -> tuple[str, list[list]]:
    """The page's text lines and its characters with their confidence, read by PP-OCRv4."""
    rgb = np.ascontiguousarray(np.asarray(page.convert("RGB")))
    res, _ = _pp_engine()(rgb, return_word_box=True)
    res = [list(b) for b in res or []]
    _confirm_long_codes(rgb, res)
    return pp_lines(res)


LONG_CODE = re.compile(r"[0-9A-Za-z]{12,}")
STRETCH = 1.5  # the re-read's horizontal stretch


def _confirm_long_codes(rgb: np.ndarray, res: list[list]) -> None:
    """Re-read every box holding a long number (an ID, a licence, a credit code) stretched
    sideways, and leave its characters unsure (confidence at most 50) when the two reads differ.

    A CTC recogniser merges two equal neighbours when a line is squeezed ("44" read as "4"), and
    its per-character probabilities do not show the lost one: a number's length is evidence (a
    17-digit ID number, a 15-digit licence) only when a second, wider look counts the same."""
    import cv2

    eng = _pp_engine()
    for b in res:
        if not LONG_CODE.search(str(b[1])):
            continue
        crops = eng.get_crop_img_list(rgb, [np.asarray(b[0], dtype=np.float32)])
        if not crops:
            continue
        c = crops[0]
        wide = cv2.resize(c, (max(1, int(c.shape[1] * STRETCH)), c.shape[0]), interpolation=cv2.INTER_CUBIC)
        again, _ = eng.text_rec([wide])
        if LONG_CODE.findall(str(again[0][0])) != LONG_CODE.findall(str(b[1])):
            b[2] = min(float(b[2]), 0.5)
            if len(b) >= 6 and b[5]:
                b[5] = [min(float(x), 0.5) for x in b[5]]


# two boxes of one line further apart than this many line heights are two cells (a column gap):
# the detector pads its boxes (unclip 1.6), so a gap that looks 1.5 heights wide measures ~0.6
PP_GAP = 0.5
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff：:])\s+|\s+(?=[\u4e00-\u9fff])")


def pp_lines(boxes: list) -> tuple[str, list[list]]:
    """PP-OCR's text boxes as lines of text, and [[character, confidence 0-100], ...] in the
    same reading order.

    A box is [corners, text, score] (+ its characters and their probabilities when asked for
    word boxes). PP-OCR finds a table's label and value as two boxes ("姓名" | "吴杰"); on a
    photo at an angle the value sits higher or lower than its label, so boxes are put on one line
    when their centres agree after taking out the page's tilt (the median slope of the wide
    boxes' top edges) to within 0.6 of the smaller box's height, and read left to right. Two boxes
    of a line are joined by a space, or by three when the gap is wider than PP_GAP line heights (a
    column gap between two fields: "姓名   吴杰"), the form text_from_data gives Tesseract's
    words, so the field reader serves both."""
    raw = []
    slopes = []
    for b in boxes:
        pts = np.asarray(b[0], dtype=np.float32)
        # PP-OCR writes a space inside a box only where the page shows a gap, never between two
        # Chinese characters set close: beside Chinese it is a column gap ("姓名 吴杰")
        text = _CJK_SPACE.sub("   ", str(b[1]).strip())
        if not text:
            continue
        top = pts[1] - pts[0]
        # the text's height: the left and right edges' lengths (a tilted box's extent is more)
        h = max(1.0, float(np.linalg.norm(pts[3] - pts[0]) + np.linalg.norm(pts[2] - pts[1])) / 2)
        if abs(float(top[0])) > 2 * h:
            slopes.append(float(top[1] / top[0]))
        if len(b) >= 6 and b[4] and len(b[4]) == len(b[5]):
            chars = [[str(c), round(float(p) * 100, 1)] for c, p in zip(b[4], b[5], strict=True)]
        else:
            chars = [[text, round(float(b[2]) * 100, 1)]]
        raw.append((pts, h, text, chars))
    slope = float(np.median(slopes)) if slopes else 0.0
    items = []
    for pts, h, text, chars in raw:
        xc, yc = float(pts[:, 0].mean()), float(pts[:, 1].mean())
        items.append((yc - slope * xc, h, float(pts[:, 0].min()), float(pts[:, 0].max()), text, chars))
    items.sort(key=lambda it: it[0])
    lines: list[list] = []
    for it in items:
        for line in lines:
            yc = sum(x[0] for x in line) / len(line)
            if abs(it[0] - yc) < 0.6 * min(it[1], min(x[1] for x in line)):
                line.append(it)
                break
        else:
            lines.append([it])
    out: list[str] = []
    words: list[list] = []
    for line in sorted(lines, key=lambda ln: sum(x[0] for x in ln) / len(ln)):
        line.sort(key=lambda x: x[2])
        h = sorted(x[1] for x in line)[len(line) // 2]
        parts = [line[0][4]]
        for prev, cur in zip(line, line[1:], strict=False):
            parts.append(("   " if cur[2] - prev[3] > PP_GAP * h else " ") + cur[4])
        out.append("".join(parts))
        for x in line:
            words += x[5]
    return "\n".join(out) + ("\n" if out else ""), words


def text_from_data(data: dict) -> tuple[str, list[list]]:
    """Tesseract's image_to_data as text lines plus the words with their confidence.

    Words of one line are joined by a space; a gap wider than 1.5 line heights (a column gap
    between two fields: "姓名: 杨涛      性别: 男") by three spaces, so the field reader can tell
    where a value ends (fields.normalise_fields_line)."""
    lines: dict[tuple[int, int, int], list[tuple[int, int, int, str, float]]] = {}
    words: list[list] = []
    for i, w in enumerate(data["text"]):
        w = (w or "").strip()
        conf = float(data["conf"][i])
        if not w or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(
            (int(data["left"][i]), int(data["width"][i]), int(data["height"][i]), w, conf)
        )
        words.append([w, round(conf, 1)])
    out = []
    for key in sorted(lines):
        ws = lines[key]
        h = max(1, sorted(x[2] for x in ws)[len(ws) // 2])
        parts = [ws[0][3]]
        for prev, cur in zip(ws, ws[1:], strict=False):
            gap = cur[0] - (prev[0] + prev[1])
            parts.append(("   " if gap > 1.5 * h else " ") + cur[3])
        out.append("".join(parts))
    return "\n".join(out) + ("\n" if out else ""), words


def _read_line(img: Image.Image) -> tuple[str, float]:
    """One line of Chinese and Tesseract's confidence in it (mean over characters, 0-100)."""
    import pytesseract

    d = pytesseract.image_to_data(img, lang="chi_sim", config="--psm 7", output_type=pytesseract.Output.DICT)
    words = [
        (w.strip(), float(c))
        for w, c in zip(d["text"], d["conf"], strict=True)
        if w.strip() and float(c) >= 0
    ]
    n = sum(len(w) for w, _ in words)
    return "".join(w for w, _ in words), round(sum(len(w) * c for w, c in words) / n, 1) if n else 0.0


def ocr_file(path: Path, cache_dir: Path | None = None, sha: str | None = None) -> OcrResult:
    """OCR one image file, through the content-addressed cache."""
    cache_dir = cache_dir or default_cache_dir()
    sha = sha or file_sha256(path)
    key = hashlib.sha256(
        f"{sha}:{LANG}:{tesseract_version()}:pp{pp_version()}:{CACHE_VERSION}".encode()
    ).hexdigest()
    cpath = cache_dir / key[:2] / f"{key}.json"
    if cpath.is_file():
        try:
            return OcrResult(**json.loads(cpath.read_text("utf-8")))
        except (ValueError, TypeError):
            pass  # a damaged entry is simply recomputed
    with Image.open(path) as img:
        img.load()
        res = run_ocr(img)
    _write_json(cpath, asdict(res))
    return res


def _write_json(cpath: Path, obj: object) -> None:
    cpath.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cpath.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False)
    os.replace(tmp, cpath)


SIGNATURE_CACHE_VERSION = "1"


def cached_reads(sha: str, what: str, compute, cache_dir: Path | None = None) -> list[tuple[str, float]]:
    """[(text, conf), ...] computed once per file content and kind of read (the ring of a PDF's
    embedded seal: four Tesseract calls, ~2 s a file), through the content-addressed cache."""
    return _through_cache(
        f"{sha}:{what}:{tesseract_version()}:{RING_CACHE_VERSION}",
        lambda: [[str(t), float(c)] for t, c in compute()],
        cache_dir,
        lambda got: [(str(t), float(c)) for t, c in got],
    )


def read_signature_block(img: Image.Image) -> dict:
    """The black text the seal is stamped over (the issuer's name and the issue date under it),
    read from the red channel alone: there red ink is as light as the paper and black print
    stays black, so the characters the seal covers are whole again (the page OCR masks the seal's
    pixels and loses the strokes under it: 2026年4月1日 read as 2026年4刁1日). The band of the
    seal's rows, from 1.5 seal widths to its left to one to its right. {"text", "words"}; empty
    without a seal."""
    import pytesseract

    from qinglang.materials.seals import describe

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    described = describe(img, grey=False)  # read from the red channel: colour pages only
    if described is None:
        return {"text": "", "words": []}
    x0, y0, x1, y1 = described[0].box
    w = x1 - x0
    box = (max(0, int(x0 - 1.5 * w)), max(0, y0), min(img.width, int(x1 + w)), min(img.height, y1))
    red = np.asarray(img.convert("RGB").crop(box))[..., 0].astype(np.float32)
    lo, hi = 40.0, max(float(np.percentile(red, 95)), 60.0)
    grey = np.clip((red - lo) * 255 / (hi - lo), 0, 255).astype(np.uint8)
    data = pytesseract.image_to_data(
        Image.fromarray(grey), lang=LANG, config="--psm 6", output_type=pytesseract.Output.DICT
    )
    text, words = text_from_data(data)
    return {"text": text, "words": words}


def signature_file(path: Path, cache_dir: Path | None = None, sha: str | None = None) -> dict:
    """read_signature_block of one image file, through its own content-addressed cache."""
    cache_dir = cache_dir or default_cache_dir()
    sha = sha or file_sha256(path)
    key = hashlib.sha256(f"{sha}:sig:{tesseract_version()}:{SIGNATURE_CACHE_VERSION}".encode()).hexdigest()
    cpath = cache_dir / key[:2] / f"{key}.json"
    if cpath.is_file():
        try:
            return dict(json.loads(cpath.read_text("utf-8")))
        except ValueError:
            pass
    with Image.open(path) as img:
        img.load()
        res = read_signature_block(img)
    _write_json(cpath, res)
    return res


def ring_reads_file(path: Path, cache_dir: Path | None = None, sha: str | None = None) -> list[list]:
    """read_ring of the seal on one image file ([[text, conf], ...], [] without a seal), through
    its own content-addressed cache (the page OCR's cache stays valid when ring reading changes)."""
    cache_dir = cache_dir or default_cache_dir()
    sha = sha or file_sha256(path)
    key = hashlib.sha256(f"{sha}:ring:{tesseract_version()}:{RING_CACHE_VERSION}".encode()).hexdigest()
    cpath = cache_dir / key[:2] / f"{key}.json"
    if cpath.is_file():
        try:
            return list(json.loads(cpath.read_text("utf-8")))
        except ValueError:
            pass
    from qinglang.materials.seals import describe

    with Image.open(path) as img:
        img.load()
        described = describe(img)
    reads = [[t, c] for t, c in read_ring(described[1])] if described is not None else []
    _write_json(cpath, reads)
    return reads
