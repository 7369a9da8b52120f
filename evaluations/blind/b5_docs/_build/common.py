# -*- coding: utf-8 -*-
"""Shared helpers for the b5_docs evaluation set: IDs, USCC, seals, page layout,
rendering to PIL / reportlab, capture simulations, PDF incremental updates."""
import io, math, random, re, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DPI = 150
SCALE = DPI / 72.0
PAGE_W, PAGE_H = 595.0, 842.0            # A4 points
PX_W, PX_H = int(PAGE_W * SCALE), int(PAGE_H * SCALE)   # 1239 x 1754

_fcache = {}
def font(px):
    px = int(round(px))
    if px not in _fcache:
        _fcache[px] = ImageFont.truetype(FONT_PATH, px, index=0)
    return _fcache[px]

# ---------------------------------------------------------------- IDs
W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_check(s17):
    return "10X98765432"[sum(int(a) * b for a, b in zip(s17, W_ID)) % 11]

def make_id(region, birth, seq):
    s17 = "%s%s%03d" % (region, birth.strftime("%Y%m%d"), seq)
    return s17 + id_check(s17)

def id_valid(s):
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    try:
        dt.datetime.strptime(s[6:14], "%Y%m%d")
    except ValueError:
        return False
    return id_check(s[:17]) == s[17]

USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc_check(s17):
    t = sum(USCC_CH.index(c) * w for c, w in zip(s17, USCC_W))
    return USCC_CH[(31 - t % 31) % 31]

def make_uscc(prefix2, region, body9):
    s17 = prefix2 + region + body9
    return s17 + uscc_check(s17)

# ---------------------------------------------------------------- seals
def render_seal(ring, bottom="", diameter=250, ring_px=None, star=True, seed=0,
                color=(205, 28, 36), rot=None, span=232, clean=False):
    """Red round seal as RGBA. Ink texture and rotation depend on seed, so two
    impressions of the same seal differ slightly (as real stamps do)."""
    rng = np.random.RandomState(seed)
    S = diameter * 2  # supersample
    img = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(img)
    c = S / 2
    ow = int(S * 0.028)
    d.ellipse([ow, ow, S - ow, S - ow], outline=255, width=ow)
    n = len(ring)
    fpx = ring_px * 2 if ring_px else int(S * 0.14 if n <= 12 else S * 0.12)
    f = font(fpx)
    r_text = c - ow * 2 - fpx * 0.72
    a0 = -span / 2.0
    step = span / max(n - 1, 1)
    for i, ch in enumerate(ring):
        ang = a0 + i * step  # degrees from top, clockwise
        tile = Image.new("L", (fpx * 2, fpx * 2), 0)
        ImageDraw.Draw(tile).text((fpx, fpx), ch, font=f, fill=255, anchor="mm")
        tile = tile.rotate(-ang, resample=Image.BICUBIC)
        x = c + r_text * math.sin(math.radians(ang))
        y = c - r_text * math.cos(math.radians(ang))
        img.paste(255, (int(x - fpx), int(y - fpx)), tile)
    if star:
        R = S * 0.15; r = R * 0.382
        pts = []
        for k in range(10):
            rr = R if k % 2 == 0 else r
            a = math.radians(-90 + k * 36)
            pts.append((c + rr * math.cos(a), c + S * 0.01 + rr * math.sin(a)))
        d.polygon(pts, fill=255)
    if bottom:
        bf = font(int(S * 0.068))
        d.text((c, c + S * 0.25), bottom, font=bf, fill=255, anchor="mm")
    img = img.resize((diameter, diameter), Image.LANCZOS)
    a = np.asarray(img).astype(np.float32) / 255.0
    if not clean:
        low = rng.rand(diameter // 25 + 2, diameter // 25 + 2)
        low = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize(
            (diameter, diameter), Image.BICUBIC)).astype(np.float32) / 255.0
        hi = rng.rand(diameter, diameter)
        tex = 0.55 + 0.45 * low
        tex = tex * np.where(hi < 0.04, 0.45, 1.0)
        a = a * np.clip(tex, 0, 1) * 0.9
    else:
        a = a * 0.92
    rgba = np.zeros((diameter, diameter, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = color
    rgba[..., 3] = (np.clip(a, 0, 1) * 255).astype(np.uint8)
    im = Image.fromarray(rgba, "RGBA")
    if rot is None:
        rot = rng.uniform(-14, 14)
    return im.rotate(rot, resample=Image.BICUBIC)

def stamp(base, seal, cx, cy):
    """Multiply-blend an RGBA seal onto RGB image centred at (cx, cy) px."""
    b = np.asarray(base).astype(np.float32)
    s = np.asarray(seal).astype(np.float32)
    h, w = s.shape[:2]
    x0, y0 = int(cx - w / 2), int(cy - h / 2)
    reg = b[y0:y0 + h, x0:x0 + w]
    a = s[..., 3:4] / 255.0
    col = s[..., :3] / 255.0
    reg[:] = reg * (1 - a) + reg * col * a
    b[y0:y0 + h, x0:x0 + w] = reg
    return Image.fromarray(np.clip(b, 0, 255).astype(np.uint8))

# ---------------------------------------------------------------- layout
class Page:
    """Draw ops in A4 points, y measured from top."""
    def __init__(self):
        self.ops = []
        self.tags = {}
    def text(self, x, y, s, size=12, align="l", tag=None, color=(0, 0, 0)):
        self.ops.append(("text", x, y, s, size, align, color))
        if tag:
            w = measure(s, size)
            x0 = x if align == "l" else (x - w / 2 if align == "c" else x - w)
            self.tags[tag] = (x0, y - size * 0.95, x0 + w, y + size * 0.25, size, s)
    def line(self, x1, y1, x2, y2, w=0.8, color=(0, 0, 0)):
        self.ops.append(("line", x1, y1, x2, y2, w, color))
    def seal(self, cx, cy, seal_img):
        self.ops.append(("seal", cx, cy, seal_img))
    def para(self, x, y, width, s, size=12, lead=1.85, indent=True):
        lines = wrap(("　　" if indent else "") + s, width, size)
        for ln in lines:
            self.text(x, y, ln, size)
            y += size * lead
        return y

def measure(s, size):
    return font(size * SCALE * 2).getlength(s) / (SCALE * 2)

def wrap(s, width, size):
    out, cur = [], ""
    for ch in s:
        if measure(cur + ch, size) > width and cur:
            if ch in "，。；、：）" :
                cur += ch; out.append(cur); cur = ""; continue
            out.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out

def render_pil(page, paper=(255, 255, 255)):
    im = Image.new("RGB", (PX_W, PX_H), paper)
    d = ImageDraw.Draw(im)
    seals = []
    for op in page.ops:
        if op[0] == "text":
            _, x, y, s, size, align, color = op
            anchor = {"l": "ls", "c": "ms", "r": "rs"}[align]
            d.text((x * SCALE, y * SCALE), s, font=font(size * SCALE), fill=color, anchor=anchor)
        elif op[0] == "line":
            _, x1, y1, x2, y2, w, color = op
            d.line([(x1 * SCALE, y1 * SCALE), (x2 * SCALE, y2 * SCALE)], fill=color,
                   width=max(1, int(round(w * SCALE))))
        elif op[0] == "seal":
            seals.append(op)
    for _, cx, cy, simg in seals:
        im = stamp(im, simg, cx * SCALE, cy * SCALE)
    return im

def render_pdf(page, path_or_buf, info, date_str):
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.utils import ImageReader
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    c = canvas.Canvas(path_or_buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    c.setDateFormatter(lambda *a: date_str)
    c.setTitle(info.get("title", "")); c.setAuthor(info.get("author", ""))
    c.setCreator(info.get("creator", "")); c.setProducer(info.get("producer", ""))
    c.setSubject(info.get("subject", ""))
    for op in page.ops:
        if op[0] == "text":
            _, x, y, s, size, align, color = op
            c.setFillColorRGB(*[v / 255 for v in color]); c.setFont("WQY", size)
            fn = {"l": c.drawString, "c": c.drawCentredString, "r": c.drawRightString}[align]
            fn(x, PAGE_H - y, s)
        elif op[0] == "line":
            _, x1, y1, x2, y2, w, color = op
            c.setStrokeColorRGB(*[v / 255 for v in color]); c.setLineWidth(w)
            c.line(x1, PAGE_H - y1, x2, PAGE_H - y2)
    for op in page.ops:
        if op[0] == "seal":
            _, cx, cy, simg = op
            wpt = simg.size[0] / SCALE
            c.drawImage(ImageReader(simg), cx - wpt / 2, PAGE_H - cy - wpt / 2, wpt, wpt, mask="auto")
    c.showPage(); c.save()

# ---------------------------------------------------------------- captures
def _persp_coeffs(dst, src):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()

def paper_tone(im, rng, tone=(250, 248, 242)):
    a = np.asarray(im).astype(np.float32)
    a = a / 255.0 * np.array(tone, np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))

def phone_photo(doc, rng, out=(1200, 1600), blur=None, shadow=True, light=0.35):
    W, H = out
    # desk background
    base = np.array([(120, 95, 70), (180, 170, 155), (70, 72, 78), (200, 195, 185), (140, 110, 80)][rng.randint(5)], np.float32)
    bg = np.ones((H, W, 3), np.float32) * base
    bg += rng.normal(0, 6, (H, W, 1))
    streak = np.sin(np.linspace(0, rng.uniform(20, 60), W))[None, :, None] * rng.uniform(2, 8)
    bg += streak
    bgim = Image.fromarray(np.clip(bg, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2))
    d = paper_tone(doc, rng, tuple(int(v) for v in rng.uniform(236, 252, 3)))
    dw = int(W * rng.uniform(0.80, 0.90)); dh = int(dw * d.size[1] / d.size[0])
    if dh > H * 0.93:
        dh = int(H * 0.93); dw = int(dh * d.size[0] / d.size[1])
    d = d.resize((dw, dh), Image.LANCZOS)
    ox, oy = (W - dw) / 2, (H - dh) / 2
    j = lambda s: rng.uniform(-s, s)
    k = 0.06 * W
    dst = [(ox + j(k), oy + j(k)), (ox + dw + j(k), oy + j(k)),
           (ox + dw + j(k), oy + dh + j(k)), (ox + j(k), oy + dh + j(k))]
    src = [(0, 0), (dw, 0), (dw, dh), (0, dh)]
    co = _persp_coeffs(dst, src)
    warped = d.transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", (dw, dh), 255).transform((W, H), Image.PERSPECTIVE, co, Image.BICUBIC)
    bgim.paste(warped, (0, 0), mask)
    a = np.asarray(bgim).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * W, rng.uniform(0.2, 0.8) * H
    rr = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(W, H)
    illum = 1.0 - light * rr ** 1.3 * rng.uniform(0.6, 1.2)
    if shadow:
        # soft shadow of a hand/phone from one side
        ang = rng.uniform(0, 2 * math.pi)
        proj = (xx - W / 2) * math.cos(ang) + (yy - H / 2) * math.sin(ang)
        edge = rng.uniform(0.15, 0.45) * max(W, H)
        sh = 1.0 / (1.0 + np.exp(-(proj - edge) / (0.04 * max(W, H))))
        illum *= 1.0 - rng.uniform(0.25, 0.45) * sh
    warm = np.array([1.02, 1.0, rng.uniform(0.9, 0.97)], np.float32)
    a = a * illum[..., None] * warm
    a += rng.normal(0, 3.0, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    b = rng.uniform(0.5, 1.3) if blur is None else blur
    if b > 0:
        im = im.filter(ImageFilter.GaussianBlur(b))
    return im

def scanner(doc, rng):
    d = paper_tone(doc, rng, (246, 245, 240))
    ang = rng.uniform(-0.9, 0.9)
    d = d.rotate(ang, resample=Image.BICUBIC, fillcolor=(250, 250, 250), expand=False)
    a = np.asarray(d).astype(np.float32)
    a = 255 - (255 - a) * rng.uniform(0.85, 0.95)   # slightly washed
    a += rng.normal(0, 2.0, a.shape[:2])[..., None]
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.45))
    return im

def wechat(im, long_side=1280):
    w, h = im.size
    s = long_side / max(w, h)
    if s < 1:
        im = im.resize((int(w * s), int(h * s)), Image.LANCZOS)
    return im

def screenshot(doc, rng, app_title, clock="10:24", W=830, H=1800):
    im = Image.new("RGB", (W, H), (245, 245, 247))
    d = ImageDraw.Draw(im)
    d.text((34, 40), clock, font=font(30), fill=(0, 0, 0), anchor="ls")
    d.text((W - 40, 40), "5G  86%", font=font(26), fill=(0, 0, 0), anchor="rs")
    d.rectangle([0, 60, W, 150], fill=(255, 255, 255))
    d.text((W / 2, 118), app_title, font=font(34), fill=(20, 20, 20), anchor="ms")
    d.text((30, 118), "〈", font=font(34), fill=(20, 20, 20), anchor="ls")
    dw = W - 40
    dd = doc.resize((dw, int(dw * doc.size[1] / doc.size[0])), Image.LANCZOS)
    im.paste(dd, (20, 170))
    y = 170 + dd.size[1] + 30
    if y < H - 120:
        d.rounded_rectangle([60, H - 150, W - 60, H - 70], radius=40, fill=(22, 119, 255))
        d.text((W / 2, H - 98), "下载 / 转发", font=font(32), fill=(255, 255, 255), anchor="ms")
    return im

def exif_bytes(make=None, model=None, dtime=None, software=None):
    ex = Image.Exif()
    if make: ex[0x010F] = make
    if model: ex[0x0110] = model
    if software: ex[0x0131] = software
    if dtime:
        ex[0x0132] = dtime
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = dtime; ifd[0x9004] = dtime
    return ex.tobytes()

def jpeg_roundtrip(im, q):
    b = io.BytesIO(); im.save(b, "JPEG", quality=q); b.seek(0)
    return Image.open(b).convert("RGB")

# ---------------------------------------------------------------- PDF incremental update
def pdf_incremental(orig, new_info, overlays=None):
    """Append an incremental update. new_info: dict of Info entries (str values).
    overlays: list of (x0,y0,x1,y1 in points from top, PIL image) painted over page 1."""
    from pypdf import PdfReader
    from pypdf.generic import (DictionaryObject, NameObject, IndirectObject, ArrayObject)
    r = PdfReader(io.BytesIO(orig))
    size = int(r.trailer["/Size"])
    prev = int(re.findall(rb"startxref\s+(\d+)", orig)[-1])
    root = r.trailer.raw_get("/Root")
    ids = r.trailer.get("/ID")
    objs = {}
    nxt = size
    def ser(o):
        b = io.BytesIO(); o.write_to_stream(b); return b.getvalue()
    def esc(s):
        return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    def pdfstr(s):
        if all(ord(ch) < 128 for ch in s):
            return esc(s).encode("latin-1")
        return b"<FEFF" + s.encode("utf-16-be").hex().upper().encode() + b">"
    if overlays:
        import zlib
        page = r.pages[0]
        pref = page.indirect_reference
        cs = b""
        xo = {}
        for i, (x0, y0, x1, y1, pim) in enumerate(overlays):
            raw = pim.convert("RGB").tobytes()
            data = zlib.compress(raw)
            num = nxt; nxt += 1
            objs[num] = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                         b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (pim.size[0], pim.size[1], len(data))
                         + data + b"\nendstream")
            nm = "/EdIm%d" % i
            xo[nm] = num
            w, h = x1 - x0, y1 - y0
            cs += b"q 1 1 1 rg %.2f %.2f %.2f %.2f re f Q\n" % (x0, PAGE_H - y1, w, h)
            cs += b"q %.2f 0 0 %.2f %.2f %.2f cm %s Do Q\n" % (w, h, x0, PAGE_H - y1, nm.encode())
        cnum = nxt; nxt += 1
        objs[cnum] = b"<< /Length %d >>\nstream\n" % len(cs) + cs + b"\nendstream"
        nd = DictionaryObject()
        for k, v in page.items():
            nd[NameObject(k)] = v
        old = page.raw_get("/Contents")
        arr = ArrayObject(list(old) if isinstance(old, ArrayObject) else [old])
        arr.append(IndirectObject(cnum, 0, r))
        nd[NameObject("/Contents")] = arr
        res = DictionaryObject()
        for k, v in page["/Resources"].items():
            res[NameObject(k)] = v
        xd = DictionaryObject()
        if "/XObject" in res:
            for k, v in res["/XObject"].get_object().items():
                xd[NameObject(k)] = v
        for nm, num in xo.items():
            xd[NameObject(nm)] = IndirectObject(num, 0, r)
        res[NameObject("/XObject")] = xd
        nd[NameObject("/Resources")] = res
        objs[pref.idnum] = ser(nd)
    # Info
    inum = nxt; nxt += 1
    old_info = r.trailer["/Info"]
    parts = []
    merged = {}
    for k, v in old_info.items():
        merged[k] = ser(v)
    for k, v in new_info.items():
        merged["/" + k] = pdfstr(v)
    for k, v in merged.items():
        parts.append(k.encode() + b" " + v)
    objs[inum] = b"<< " + b" ".join(parts) + b" >>"
    out = bytearray(orig)
    if not out.endswith(b"\n"):
        out += b"\n"
    offs = {}
    for num in sorted(objs):
        offs[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for num in sorted(objs):
        out += b"%d 1\n%010d 00000 n \n" % (num, offs[num])
    out += b"trailer\n<< /Size %d /Root %s /Info %d 0 R /Prev %d" % (nxt, ser(root), inum, prev)
    if ids is not None:
        out += b" /ID " + ser(ids)
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)

def text_patch(s, size_pt, w_pt, h_pt, ppp=4, bg=(255, 255, 255)):
    """Raster image of text (as a PDF editor / paste would add)."""
    W, H = int(w_pt * ppp), int(h_pt * ppp)
    im = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(im)
    d.text((0, H - size_pt * 0.25 * ppp), s, font=font(size_pt * ppp * 1.03), fill=(15, 15, 15), anchor="ls")
    return im
