"""Rendering, capture and identifier helpers for the b2_docs evaluation set.

Everything is deterministic given the seeds passed in by build.py.
Fonts: AR PL UMing (song/明体), AR PL UKai (kai/楷体), WenQuanYi Micro Hei (hei/黑体),
extracted (not installed) from the Debian packages fonts-arphic-uming, fonts-arphic-ukai,
fonts-wqy-microhei into $B2_FONT_DIR (default /tmp/b2_fonts/x/usr/share/fonts/truetype).
"""
from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from PIL.TiffImagePlugin import IFDRational

FONT_DIR = os.environ.get("B2_FONT_DIR", "/tmp/b2_fonts/x/usr/share/fonts/truetype")
FONT_FILES = {
    "song": (f"{FONT_DIR}/arphic/uming.ttc", 0),
    "kai": (f"{FONT_DIR}/arphic/ukai.ttc", 0),
    "hei": (f"{FONT_DIR}/wqy/wqy-microhei.ttc", 0),
}
_font_cache: dict = {}


def pil_font(key: str, px: float) -> ImageFont.FreeTypeFont:
    px = max(4, int(round(px)))
    k = (key, px)
    if k not in _font_cache:
        path, idx = FONT_FILES[key]
        _font_cache[k] = ImageFont.truetype(path, px, index=idx)
    return _font_cache[k]


def text_width(s: str, key: str, size: float) -> float:
    """Width in the same unit as size (points)."""
    f = pil_font(key, 100)
    return f.getlength(s) * size / 100.0


# --------------------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------------------
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(s17: str) -> str:
    return ID_C[sum(int(a) * b for a, b in zip(s17, ID_W)) % 11]


def id_valid(s: str) -> bool:
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()


def make_id(region: str, birth: dt.date, seq: int, male: bool) -> str:
    seq = seq % 1000
    if (seq % 2 == 1) != male:
        seq = (seq + 1) % 1000
        if (seq % 2 == 1) != male:
            seq = (seq + 1) % 1000
    s17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return s17 + id_check(s17)


UC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17: str) -> str:
    v = 31 - sum(UC.index(c) * w for c, w in zip(s17, UW)) % 31
    return UC[0 if v == 31 else v]


def org_check(s8: str) -> str:
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    tot = sum((int(c) if c.isdigit() else ord(c) - 55) * x for c, x in zip(s8, w))
    v = 11 - tot % 11
    return "X" if v == 10 else ("0" if v == 11 else str(v))


def make_uscc(prefix2: str, region: str, org8: str) -> str:
    org9 = org8 + org_check(org8)
    s17 = prefix2 + region + org9
    assert all(c in UC for c in s17), s17
    return s17 + uscc_check(s17)


def uscc_valid(s: str) -> bool:
    return len(s) == 18 and all(c in UC for c in s) and uscc_check(s[:17]) == s[17]


# --------------------------------------------------------------------------------------
# Layout (points, origin top-left, A4)
# --------------------------------------------------------------------------------------
A4 = (595.28, 841.89)
PUNCT_NO_START = set("，。、；：？！）》”’,.;:?!)%")


@dataclass
class Layout:
    w: float = A4[0]
    h: float = A4[1]
    ops: list = field(default_factory=list)
    boxes: dict = field(default_factory=dict)  # name -> list of (x0,y0,x1,y1) in pt
    seals: list = field(default_factory=list)  # dicts: img (RGBA PIL), cx, cy, d (pt), rot

    def text(self, x, y, s, font="song", size=12.0, color=(20, 20, 20), anchor="l", name=None, bold=False):
        wdt = text_width(s, font, size)
        x0 = x if anchor == "l" else (x - wdt / 2 if anchor == "m" else x - wdt)
        self.ops.append(dict(op="text", x=x0, y=y, s=s, font=font, size=size, color=color, bold=bold))
        if name:
            self.boxes.setdefault(name, []).append((x0, y - size * 0.92, x0 + wdt, y + size * 0.22))
        return x0 + wdt

    def spans(self, x, y, segs, font="song", size=12.0, color=(20, 20, 20), bold=False):
        """Draw consecutive segments [(text, name|None)] on one line, recording named boxes."""
        for s, name in segs:
            x = self.text(x, y, s, font=font, size=size, color=color, name=name, bold=bold)
        return x

    def line(self, x1, y1, x2, y2, width=0.8, color=(30, 30, 30)):
        self.ops.append(dict(op="line", x1=x1, y1=y1, x2=x2, y2=y2, width=width, color=color))

    def rect(self, x, y, w, h, width=0.8, color=(30, 30, 30)):
        self.ops.append(dict(op="rect", x=x, y=y, w=w, h=h, width=width, color=color))

    def paragraph(self, x, y, width, segs, font="song", size=12.0, leading=None, indent=2, color=(20, 20, 20)):
        """Wrap segments [(text, name|None)] into lines; returns y after last line."""
        leading = leading or size * 1.85
        chars = []
        for s, name in segs:
            for ch in s:
                chars.append((ch, name))
        lines = []
        cur = []
        cur_w = indent * size
        first = True
        for i, (ch, name) in enumerate(chars):
            cw = text_width(ch, font, size)
            avail = width - (0 if not first or indent == 0 else 0)
            if cur_w + cw > avail and cur and ch not in PUNCT_NO_START:
                lines.append((cur, first))
                cur, cur_w, first = [], 0.0, False
            cur.append((ch, name))
            cur_w += cw
        if cur:
            lines.append((cur, first))
        for cur, is_first in lines:
            # regroup into segments
            segs2 = []
            for ch, name in cur:
                if segs2 and segs2[-1][1] == name:
                    segs2[-1][0] += ch
                else:
                    segs2.append([ch, name])
            self.spans(x + (indent * size if is_first else 0), y, [tuple(s) for s in segs2], font=font, size=size, color=color)
            y += leading
        return y

    def seal(self, img, cx, cy, d, rot=0.0, name="seal"):
        self.seals.append(dict(img=img, cx=cx, cy=cy, d=d, rot=rot))
        self.boxes.setdefault(name, []).append((cx - d / 2, cy - d / 2, cx + d / 2, cy + d / 2))

    def box(self, name):
        bs = self.boxes[name]
        return (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))


# --------------------------------------------------------------------------------------
# Seals
# --------------------------------------------------------------------------------------
def _star(cx, cy, r):
    pts = []
    for i in range(10):
        ang = math.radians(90 + i * 36)
        rr = r if i % 2 == 0 else r * 0.382
        pts.append((cx + rr * math.cos(ang), cy - rr * math.sin(ang)))
    return pts


def seal_mask(ring_text: str, bottom_text: str = "", size: int = 640, ring_font: str = "song",
              arc_deg: float = 250.0, oval: bool = False, code: str = "") -> Image.Image:
    """Binary-ish L mask of a round official seal, rendered large."""
    W = size
    H = int(size * 0.72) if oval else size
    m = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(m)
    cx, cy = W / 2, H / 2
    rw = W * 0.035
    d.ellipse([rw / 2, rw / 2, W - rw / 2, H - rw / 2], outline=255, width=int(rw))
    # ring text
    n = len(ring_text)
    if bottom_text and arc_deg > 225:
        arc_deg = 222.0
    arc_len = (W * 0.355) * math.radians(arc_deg)
    ch_h = min(W * 0.15, 0.95 * arc_len / max(n, 1))
    r_txt = W / 2 - rw - ch_h * 0.62
    start = 90 + arc_deg / 2
    step = arc_deg / max(n - 1, 1) if n > 1 else 0
    f = pil_font(ring_font, ch_h * 1.25)
    for i, ch in enumerate(ring_text):
        th = math.radians(start - i * step)
        tile = Image.new("L", (int(ch_h * 1.6), int(ch_h * 1.6)), 0)
        td = ImageDraw.Draw(tile)
        td.text((tile.width / 2, tile.height / 2), ch, font=f, fill=255, anchor="mm", stroke_width=max(1, int(ch_h * 0.035)), stroke_fill=255)
        tile = tile.resize((int(tile.width * 0.78), tile.height), Image.LANCZOS)
        tile = tile.rotate(math.degrees(th) - 90, resample=Image.BICUBIC, expand=True)
        px = cx + r_txt * math.cos(th)
        py = cy - r_txt * math.sin(th) * (H / W if oval else 1.0)
        m.paste(255, (int(px - tile.width / 2), int(py - tile.height / 2)), tile)
    # star
    d.polygon(_star(cx, cy - (0 if not bottom_text else H * 0.02), W * 0.16 * (0.8 if oval else 1)), fill=255)
    if bottom_text:
        fb = pil_font(ring_font, min(W * 0.08, W * 0.5 / len(bottom_text)))
        d.text((cx, cy + H * 0.29), bottom_text, font=fb, fill=255, anchor="mm", stroke_width=2, stroke_fill=255)
    if code:
        fc = pil_font("hei", W * 0.045)
        # code along the bottom arc (small digits)
        n2 = len(code)
        for i, ch in enumerate(code):
            th = math.radians(-90 + (i - (n2 - 1) / 2) * 5.2)
            rr = W / 2 - rw - W * 0.045
            tile = Image.new("L", (int(W * 0.07), int(W * 0.07)), 0)
            ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=fc, fill=255, anchor="mm")
            tile = tile.rotate(math.degrees(th) + 90, resample=Image.BICUBIC, expand=True)
            px = cx + rr * math.cos(th)
            py = cy - rr * math.sin(th)
            m.paste(255, (int(px - tile.width / 2), int(py - tile.height / 2)), tile)
    return m


def _lowfreq_noise(rng, shape, scale):
    h, w = shape
    sh, sw = max(2, h // scale), max(2, w // scale)
    small = rng.random((sh, sw)).astype(np.float32)
    im = Image.fromarray((small * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
    return np.asarray(im, dtype=np.float32) / 255.0


def seal_impression(mask: Image.Image, rng, color=(205, 30, 38), strength=0.9, rot=None, out_px=260) -> Image.Image:
    """A physical stamp impression: uneven ink, slight rotation. Returns RGBA of out_px width."""
    rot = rng.uniform(-9, 9) if rot is None else rot
    m = mask.rotate(rot, resample=Image.BICUBIC, expand=False)
    a = np.asarray(m, dtype=np.float32) / 255.0
    h, w = a.shape
    blot = _lowfreq_noise(rng, (h, w), 40) * 0.55 + _lowfreq_noise(rng, (h, w), 9) * 0.45
    ink = np.clip(0.35 + 1.05 * blot, 0, 1) ** 0.8
    grain = rng.random((h, w)).astype(np.float32)
    ink = ink * (0.82 + 0.18 * grain)
    # random lighter side (uneven pressure)
    yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
    ang = rng.uniform(0, 2 * math.pi)
    press = 0.78 + 0.3 * (np.cos(ang) * (xx - 0.5) + np.sin(ang) * (yy - 0.5)) * 2
    alpha = np.clip(a * ink * np.clip(press, 0.4, 1.1) * strength, 0, 1)
    alpha_img = Image.fromarray((alpha * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2))
    rgba = Image.new("RGBA", (w, h), color + (0,))
    rgba.putalpha(alpha_img)
    oh = int(out_px * h / w)
    return rgba.resize((out_px, oh), Image.LANCZOS)


def seal_electronic(mask: Image.Image, color=(228, 0, 18), out_px=300) -> Image.Image:
    """Electronic seal image as used by e-document systems: crisp, uniform."""
    a = mask.filter(ImageFilter.GaussianBlur(0.8))
    rgba = Image.new("RGBA", mask.size, color + (0,))
    rgba.putalpha(a.point(lambda v: int(v * 0.92)))
    oh = int(out_px * mask.height / mask.width)
    return rgba.resize((out_px, oh), Image.LANCZOS)


# --------------------------------------------------------------------------------------
# Raster backend
# --------------------------------------------------------------------------------------
def multiply_rgba(base: Image.Image, over: Image.Image, x: int, y: int):
    """Multiply-composite an RGBA ink layer onto RGB base at (x, y)."""
    b = np.asarray(base, dtype=np.float32).copy()
    o = np.asarray(over, dtype=np.float32)
    H, W = b.shape[:2]
    h, w = o.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return base
    oc = o[y0 - y:y1 - y, x0 - x:x1 - x]
    a = oc[..., 3:4] / 255.0
    col = oc[..., :3] / 255.0
    region = b[y0:y1, x0:x1]
    b[y0:y1, x0:x1] = region * (1 - a + a * col)
    return Image.fromarray(np.clip(b, 0, 255).astype(np.uint8))


def render_raster(lay: Layout, dpi=150, paper=(252, 251, 247), text_dark=1.0) -> Image.Image:
    s = dpi / 72.0
    W, H = int(round(lay.w * s)), int(round(lay.h * s))
    img = Image.new("RGB", (W, H), paper)
    d = ImageDraw.Draw(img)
    for op in lay.ops:
        if op["op"] == "text":
            f = pil_font(op["font"], op["size"] * s)
            col = tuple(int(c * text_dark) for c in op["color"])
            sw = max(1, int(op["size"] * s * 0.03)) if op.get("bold") else 0
            d.text((op["x"] * s, op["y"] * s), op["s"], font=f, fill=col, anchor="ls", stroke_width=sw, stroke_fill=col)
        elif op["op"] == "line":
            d.line([(op["x1"] * s, op["y1"] * s), (op["x2"] * s, op["y2"] * s)], fill=op["color"], width=max(1, int(round(op["width"] * s))))
        elif op["op"] == "rect":
            d.rectangle([op["x"] * s, op["y"] * s, (op["x"] + op["w"]) * s, (op["y"] + op["h"]) * s], outline=op["color"], width=max(1, int(round(op["width"] * s))))
    for sl in lay.seals:
        px = int(sl["d"] * s)
        im = sl["img"]
        ph = int(px * im.height / im.width)
        im2 = im.resize((px, ph), Image.LANCZOS)
        img = multiply_rgba(img, im2, int(sl["cx"] * s - px / 2), int(sl["cy"] * s - ph / 2))
    return img


# --------------------------------------------------------------------------------------
# PDF backend
# --------------------------------------------------------------------------------------
_rl_registered = False


def _rl_fonts():
    global _rl_registered
    if _rl_registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for key, rl in (("song", "ARPLUMingCN"), ("kai", "ARPLUKaiCN"), ("hei", "WenQuanYiMicroHei")):
        path, idx = FONT_FILES[key]
        pdfmetrics.registerFont(TTFont(rl, path, subfontIndex=idx))
    _rl_registered = True


RL_NAMES = {"song": "ARPLUMingCN", "kai": "ARPLUKaiCN", "hei": "WenQuanYiMicroHei"}


class _TS:
    def __init__(self, when: dt.datetime):
        self.YMDhms = (when.year, when.month, when.day, when.hour, when.minute, when.second)
        self.dhh, self.dmm = 8, 0
        self.t = when.timestamp()
        self.lt = self.YMDhms
        self.tzname = "CST"


def _merge_text_ops(ops):
    out = []
    for op in ops:
        if (op["op"] == "text" and out and out[-1]["op"] == "text" and abs(out[-1]["y"] - op["y"]) < 0.01
                and out[-1]["font"] == op["font"] and out[-1]["size"] == op["size"] and out[-1]["color"] == op["color"]
                and bool(out[-1].get("bold")) == bool(op.get("bold"))
                and abs(out[-1]["x"] + text_width(out[-1]["s"], op["font"], op["size"]) - op["x"]) < 0.05):
            out[-1] = dict(out[-1], s=out[-1]["s"] + op["s"])
        else:
            out.append(dict(op))
    return out


def render_pdf(lay: Layout, path: str, created: dt.datetime, producer: str, creator: str = "", title: str = "",
               author: str = "", subject: str = "", compress: bool = True):
    import hashlib
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    _rl_fonts()
    c = canvas.Canvas(path, pagesize=(lay.w, lay.h), pageCompression=1 if compress else 0, invariant=1)
    c._doc._timeStamp = _TS(created)
    c.setProducer(producer)
    c.setCreator(creator)
    c.setTitle(title)
    c.setAuthor(author)
    c.setSubject(subject)
    c.setKeywords("")
    h = hashlib.md5((os.path.basename(path) + created.isoformat() + producer).encode()).hexdigest()
    c._doc._ID = ("\n[<%s><%s>]\n" % (h, h)).encode()
    H = lay.h
    for op in _merge_text_ops(lay.ops):
        if op["op"] == "text":
            c.setFillColorRGB(*[v / 255 for v in op["color"]])
            c.setFont(RL_NAMES[op["font"]], op["size"])
            if op.get("bold"):
                c.setStrokeColorRGB(*[v / 255 for v in op["color"]])
                c.setLineWidth(op["size"] * 0.03)
                t = c.beginText(op["x"], H - op["y"])
                t.setTextRenderMode(2)
                t.setFont(RL_NAMES[op["font"]], op["size"])
                t.textOut(op["s"])
                c.drawText(t)
            else:
                c.drawString(op["x"], H - op["y"], op["s"])
        elif op["op"] == "line":
            c.setStrokeColorRGB(*[v / 255 for v in op["color"]])
            c.setLineWidth(op["width"])
            c.line(op["x1"], H - op["y1"], op["x2"], H - op["y2"])
        elif op["op"] == "rect":
            c.setStrokeColorRGB(*[v / 255 for v in op["color"]])
            c.setLineWidth(op["width"])
            c.rect(op["x"], H - op["y"] - op["h"], op["w"], op["h"], stroke=1, fill=0)
    for sl in lay.seals:
        im = sl["img"]
        w = sl["d"]
        hh = w * im.height / im.width
        c.drawImage(ImageReader(im), sl["cx"] - w / 2, H - sl["cy"] - hh / 2, w, hh, mask="auto")
    c.showPage()
    c.save()
    # neutralise the generator comment in the header (same length, offsets unchanged)
    data = open(path, "rb").read()
    m = re.search(rb"%[^\n]*ReportLab Generated PDF document[^\n]*", data[:200])
    if m:
        seg = m.group(0)
        rep = b"%\xe2\xe3\xcf\xd3" + b" " * (len(seg) - 5)
        data = data[:m.start()] + rep + data[m.end():]
        open(path, "wb").write(data)


# --------------------------------------------------------------------------------------
# JPEG / EXIF helpers
# --------------------------------------------------------------------------------------
IJG_LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
IJG_CHROMA = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
              47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32


def ijg_scale(tbl, q):
    s = 5000 / q if q < 50 else 200 - 2 * q
    return [min(255, max(1, (v * s + 50) // 100)) for v in tbl]


def custom_tables(kind: str):
    """Non-IJG quantisation tables in the style of various encoders (natural order)."""
    if kind == "apple":
        l = [max(1, int(round(v * 0.13 + (i % 8) * 0.25 + (i // 8) * 0.2))) for i, v in enumerate(IJG_LUMA)]
        c = [max(1, int(round(v * 0.14 + (i % 8) * 0.3 + (i // 8) * 0.3))) for i, v in enumerate(IJG_CHROMA)]
    elif kind == "hisilicon":
        l = [max(1, int(round(1 + v * 0.09 + ((i % 8) + (i // 8)) * 0.22))) for i, v in enumerate(IJG_LUMA)]
        c = [max(1, int(round(2 + v * 0.07 + ((i % 8) + (i // 8)) * 0.3))) for i, v in enumerate(IJG_CHROMA)]
    elif kind == "samsung":
        l = [max(1, int(round(2 + ((i % 8) + (i // 8)) * 0.45))) for i in range(64)]
        c = [max(1, int(round(2 + ((i % 8) + (i // 8)) * 0.6))) for i in range(64)]
    elif kind == "photoshop10":
        l = [max(1, int(round(1.5 + ((i % 8) ** 1.3 + (i // 8) ** 1.3) * 0.9))) for i in range(64)]
        c = [max(1, int(round(2.5 + ((i % 8) ** 1.3 + (i // 8) ** 1.3) * 1.1))) for i in range(64)]
    elif kind == "photoshop8":
        l = [max(1, int(round(3 + ((i % 8) ** 1.35 + (i // 8) ** 1.35) * 1.6))) for i in range(64)]
        c = [max(1, int(round(5 + ((i % 8) ** 1.35 + (i // 8) ** 1.35) * 2.0))) for i in range(64)]
    else:
        raise ValueError(kind)
    return [l, c]


def exif_bytes(make=None, model=None, software=None, dt_orig: dt.datetime | None = None, dt_mod: dt.datetime | None = None,
               size=None, camera=True, rng=None, xres=72, extra_ifd0=None):
    ex = Image.Exif()
    if make:
        ex[0x010F] = make
    if model:
        ex[0x0110] = model
    if software:
        ex[0x0131] = software
    if dt_mod or dt_orig:
        ex[0x0132] = (dt_mod or dt_orig).strftime("%Y:%m:%d %H:%M:%S")
    ex[0x011A] = IFDRational(xres, 1)
    ex[0x011B] = IFDRational(xres, 1)
    ex[0x0128] = 2
    if extra_ifd0:
        for k, v in extra_ifd0.items():
            ex[k] = v
    if camera:
        ex[0x0112] = 1
        ex[0x0213] = 1
        e = ex.get_ifd(0x8769)
        e[0x9000] = b"0232"
        if dt_orig:
            e[0x9003] = dt_orig.strftime("%Y:%m:%d %H:%M:%S")
            e[0x9004] = dt_orig.strftime("%Y:%m:%d %H:%M:%S")
            e[0x9010] = "+08:00"
            e[0x9011] = "+08:00"
        if rng is not None:
            e[0x829A] = IFDRational(1, int(rng.choice([25, 33, 50, 60, 100, 120])))
            e[0x829D] = IFDRational(int(rng.choice([16, 18, 19, 22, 24])), 10)
            e[0x8827] = int(rng.choice([50, 64, 80, 100, 125, 160, 200, 320, 400, 640]))
            e[0x920A] = IFDRational(int(rng.choice([554, 597, 640, 686, 690])), 100)
            e[0xA405] = int(rng.choice([23, 24, 26, 27]))
        e[0x9209] = 16
        e[0xA001] = 1
        if size:
            e[0xA002] = size[0]
            e[0xA003] = size[1]
    return ex.tobytes()


# --------------------------------------------------------------------------------------
# Captures
# --------------------------------------------------------------------------------------
def homography(src, dst):
    A, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); b.append(v)
    h = np.linalg.solve(np.array(A, dtype=float), np.array(b, dtype=float))
    return np.append(h, 1).reshape(3, 3)


def apply_h(Hm, x, y):
    v = Hm @ np.array([x, y, 1.0])
    return v[0] / v[2], v[1] / v[2]


@dataclass
class Capture:
    img: Image.Image            # final RGB (before encoding)
    page_to_img: object         # function (page_px_x, page_px_y) -> (img_x, img_y)
    page_dpi: float


def _background(rng, W, H):
    kind = rng.choice(["wood", "grey", "white", "dark", "beige"])
    base = {"wood": (142, 104, 70), "grey": (118, 120, 122), "white": (206, 204, 198),
            "dark": (58, 60, 68), "beige": (184, 170, 146)}[kind]
    n1 = _lowfreq_noise(rng, (H, W), 60)
    n2 = _lowfreq_noise(rng, (H, W), 6)
    arr = np.zeros((H, W, 3), np.float32)
    for i in range(3):
        arr[..., i] = base[i] * (0.85 + 0.2 * n1 + 0.08 * n2)
    if kind == "wood":
        yy = np.arange(H, dtype=np.float32)[:, None]
        xx = np.arange(W, dtype=np.float32)[None, :]
        grain = np.sin(xx / 7.0 + 6 * n1) * 0.06
        arr *= (1 + grain)[..., None]
    return arr


def phone_photo(page: Image.Image, rng, out_size=(1200, 1600), tilt=1.0, shadow=True, blur=None, noise=None) -> Capture:
    W, H = out_size
    pw, ph = page.size
    bg = _background(rng, W, H)
    fill = rng.uniform(0.80, 0.93)
    sc = fill * min(W / pw, H / ph)
    cx = W / 2 + rng.uniform(-0.03, 0.03) * W
    cy = H / 2 + rng.uniform(-0.02, 0.03) * H
    hw, hh = pw * sc / 2, ph * sc / 2
    ang = math.radians(rng.uniform(-3.5, 3.5) * tilt)
    keyx = rng.uniform(-0.06, 0.06) * tilt  # horizontal keystone (top narrower/wider)
    keyy = rng.uniform(-0.03, 0.03) * tilt
    corners = [(-hw * (1 - keyx), -hh * (1 - keyy)), (hw * (1 - keyx), -hh * (1 + keyy)),
               (hw * (1 + keyx), hh * (1 + keyy)), (-hw * (1 + keyx), hh * (1 - keyy))]
    quad = []
    for x, y in corners:
        x += rng.uniform(-0.008, 0.008) * W * tilt
        y += rng.uniform(-0.008, 0.008) * H * tilt
        quad.append((cx + x * math.cos(ang) - y * math.sin(ang), cy + x * math.sin(ang) + y * math.cos(ang)))
    rect = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    H_out2page = homography(quad, rect)
    H_page2out = np.linalg.inv(H_out2page)
    coeffs = tuple((H_out2page / H_out2page[2, 2]).flatten()[:8])
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    mask = Image.new("L", page.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    m = np.asarray(mask, np.float32)[..., None] / 255.0
    arr = np.asarray(warped, np.float32) * m + bg * (1 - m)
    # soft drop shadow of the paper on the background
    # illumination
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    xx /= W; yy /= H
    la = rng.uniform(0, 2 * math.pi)
    light = 1.0 + rng.uniform(0.05, 0.16) * (np.cos(la) * (xx - 0.5) + np.sin(la) * (yy - 0.5)) * 2
    vig = 1 - rng.uniform(0.08, 0.18) * (((xx - 0.5) ** 2 + (yy - 0.5) ** 2) / 0.5)
    lum = light * vig * rng.uniform(0.86, 0.97)
    if shadow:
        sm = Image.new("L", (W, H), 0)
        sd = ImageDraw.Draw(sm)
        side = rng.integers(0, 4)
        depth = rng.uniform(0.12, 0.35)
        if side == 0:
            poly = [(0, 0), (W * rng.uniform(0.3, 0.7), 0), (W * rng.uniform(0.1, 0.4), H * depth), (0, H * depth * 1.4)]
        elif side == 1:
            poly = [(W, 0), (W, H * rng.uniform(0.3, 0.6)), (W * (1 - depth), H * rng.uniform(0.2, 0.5)), (W * (1 - depth * 0.8), 0)]
        elif side == 2:
            poly = [(0, H), (W * rng.uniform(0.4, 0.8), H), (W * rng.uniform(0.2, 0.5), H * (1 - depth)), (0, H * (1 - depth * 0.7))]
        else:
            poly = [(0, H * rng.uniform(0.2, 0.5)), (W * depth, H * rng.uniform(0.3, 0.6)), (W * depth * 0.7, H), (0, H)]
        sd.polygon(poly, fill=255)
        sm = sm.filter(ImageFilter.GaussianBlur(rng.uniform(25, 60)))
        lum = lum * (1 - rng.uniform(0.18, 0.35) * np.asarray(sm, np.float32) / 255.0)
    arr = arr * lum[..., None]
    cast = np.array([rng.uniform(0.97, 1.03), 1.0, rng.uniform(0.9, 1.02)], np.float32)
    arr = arr * cast
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    b = rng.uniform(0.45, 1.1) if blur is None else blur
    img = img.filter(ImageFilter.GaussianBlur(b))
    img = img.filter(ImageFilter.UnsharpMask(radius=2, percent=int(rng.uniform(40, 90)), threshold=2))
    nz = rng.uniform(1.5, 3.0) if noise is None else noise
    a2 = np.asarray(img, np.float32) + rng.normal(0, nz, (H, W, 1)).astype(np.float32) + rng.normal(0, nz * 0.5, (H, W, 3)).astype(np.float32)
    img = Image.fromarray(np.clip(a2, 0, 255).astype(np.uint8))
    return Capture(img=img, page_to_img=lambda x, y, Hm=H_page2out: apply_h(Hm, x, y), page_dpi=None)


def scanner_scan(page: Image.Image, rng, gray=False, lid_shadow=True) -> Capture:
    W, H = page.size
    ang = rng.uniform(-0.7, 0.7)
    dx, dy = rng.uniform(-6, 6), rng.uniform(-4, 8)
    img = page.rotate(ang, resample=Image.BICUBIC, translate=(dx, dy), fillcolor=(250, 250, 250))
    arr = np.asarray(img, np.float32)
    arr = arr * rng.uniform(0.965, 0.99) + rng.normal(0, 1.6, (H, W, 1)).astype(np.float32)
    if lid_shadow:
        edge = int(rng.integers(6, 16))
        side = rng.integers(0, 2)
        ramp = np.linspace(0.55, 1.0, edge, dtype=np.float32)
        if side == 0:
            arr[:edge] *= ramp[:, None, None]
        else:
            arr[:, :edge] *= ramp[None, :, None]
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.45))
    if gray:
        img = img.convert("L").convert("RGB")
    a = math.radians(ang)
    c0, s0 = W / 2, H / 2

    def p2i(x, y):
        # PIL rotate is counter-clockwise about centre, then translate
        xr = (x - c0) * math.cos(a) + (y - s0) * math.sin(a) + c0 + dx
        yr = -(x - c0) * math.sin(a) + (y - s0) * math.cos(a) + s0 + dy
        return xr, yr
    return Capture(img=img, page_to_img=p2i, page_dpi=None)


def screenshot(page: Image.Image, rng, app_title: str, clock: str, width=828, height=1792, btns=("下载", "分享")) -> Capture:
    img = Image.new("RGB", (width, height), (242, 242, 246))
    d = ImageDraw.Draw(img)
    # status bar
    d.rectangle([0, 0, width, 88], fill=(255, 255, 255))
    d.text((54, 58), clock, font=pil_font("hei", 30), fill=(0, 0, 0), anchor="ls")
    d.rectangle([width - 110, 36, width - 56, 60], outline=(0, 0, 0), width=2)
    d.rectangle([width - 106, 40, width - 106 + int(46 * rng.uniform(0.3, 0.95)), 56], fill=(0, 0, 0))
    for i in range(4):
        d.rectangle([width - 190 + i * 12, 58 - (i + 1) * 6, width - 182 + i * 12, 58], fill=(0, 0, 0))
    # nav bar
    d.rectangle([0, 88, width, 176], fill=(255, 255, 255))
    d.line([(0, 176), (width, 176)], fill=(220, 220, 224), width=2)
    d.text((width / 2, 132), app_title, font=pil_font("hei", 34), fill=(17, 17, 17), anchor="mm")
    d.text((36, 132), "〈", font=pil_font("hei", 36), fill=(17, 17, 17), anchor="lm")
    # document
    pw = width - 40
    ph = int(page.height * pw / page.width)
    doc = page.resize((pw, ph), Image.LANCZOS)
    top = 196
    img.paste(doc, (20, top))
    d.rectangle([19, top - 1, 20 + pw, top + ph], outline=(210, 210, 214))
    # buttons
    by = min(height - 150, top + ph + 60)
    bw = (width - 120) // len(btns)
    for i, b in enumerate(btns):
        x0 = 40 + i * (bw + 40)
        d.rounded_rectangle([x0, by, x0 + bw, by + 88], radius=44, fill=(22, 119, 255) if i == 0 else (255, 255, 255), outline=(22, 119, 255), width=2)
        d.text((x0 + bw / 2, by + 44), b, font=pil_font("hei", 32), fill=(255, 255, 255) if i == 0 else (22, 119, 255), anchor="mm")
    d.rounded_rectangle([width / 2 - 134, height - 26, width / 2 + 134, height - 16], radius=5, fill=(20, 20, 20))
    sc = pw / page.width
    return Capture(img=img, page_to_img=lambda x, y: (20 + x * sc, top + y * sc), page_dpi=None)


def edoc_png(page: Image.Image) -> Capture:
    return Capture(img=page.copy(), page_to_img=lambda x, y: (x, y), page_dpi=None)


def save_jpeg(img: Image.Image, path: str, quality=None, qtables=None, exif: bytes | None = None, subsampling=2, xmp: bytes | None = None):
    kw = dict(subsampling=subsampling, optimize=False)
    if qtables is not None:
        kw["qtables"] = qtables
    else:
        kw["quality"] = quality
    if exif:
        kw["exif"] = exif
    if xmp:
        kw["xmp"] = xmp
    img.save(path, "JPEG", **kw)


def jpeg_roundtrip(img: Image.Image, quality=None, qtables=None, subsampling=2) -> Image.Image:
    bio = io.BytesIO()
    save_jpeg(img, bio, quality=quality, qtables=qtables, subsampling=subsampling)
    bio.seek(0)
    return Image.open(bio).convert("RGB")


def page_box_to_img(cap: Capture, box_pt, dpi, pad=2):
    s = dpi / 72.0
    x0, y0, x1, y1 = box_pt
    pts = [cap.page_to_img(x * s, y * s) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]
    xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
    return (int(min(xs)) - pad, int(min(ys)) - pad, int(math.ceil(max(xs))) + pad, int(math.ceil(max(ys))) + pad)
