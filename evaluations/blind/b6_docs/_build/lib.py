# Helpers for the b6_docs evaluation set: IDs, USCC, seals, page layout, capture simulation.
import io, math, random, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
_fc = {}
def font(size):
    size = int(round(size))
    if size not in _fc:
        _fc[size] = ImageFont.truetype(FONT, size, index=0)
    return _fc[size]

# ---------------- GB 11643 resident ID ----------------
W11643 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_check(s17):
    r = sum(int(c) * w for c, w in zip(s17, W11643)) % 11
    return "10X98765432"[r]
def make_id(region, birth, seq):
    s17 = f"{region}{birth}{seq:03d}"
    return s17 + id_check(s17)
def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()

# ---------------- GB 32100 USCC ----------------
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def org_code(body8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    v = lambda c: int(c) if c.isdigit() else ord(c) - 55
    c = 11 - sum(v(ch) * wi for ch, wi in zip(body8, w)) % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))
def make_uscc(prefix2, region6, body8):
    s17 = prefix2 + region6 + org_code(body8)
    c = (31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s17, USCC_W)) % 31) % 31
    return s17 + USCC_CH[c]

def cn_date(d):
    if isinstance(d, str):
        return d
    return f"{d.year}年{d.month}月{d.day}日"

# ---------------- seals ----------------
RED = (214, 28, 36)
def make_seal(tpl, ring, bottom="", code="", seed=0):
    """Return an RGBA impression. tpl: dict R, ring_w, fs, span, star, rt (text radius ratio)."""
    rng = np.random.default_rng(seed)
    S = 2  # supersample
    R = tpl["R"] * S
    size = 2 * R + 8 * S
    c = size / 2
    im = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(im)
    rw = tpl["ring_w"] * S
    d.ellipse([c - R, c - R, c + R, c + R], outline=255, width=rw)
    # star
    sr = tpl["star"] * S
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        r = sr if k % 2 == 0 else sr * 0.382
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=255)
    # ring text
    n = len(ring)
    fs = tpl["fs"] * S * (min(1.0, 14 / n))  # long names use smaller ring characters
    f = font(fs)
    span = math.radians(tpl["span"])
    rt = R - rw - fs * 0.62
    for i, ch in enumerate(ring):
        th = -span / 2 + span * (i / (n - 1) if n > 1 else 0.5)
        g = Image.new("L", (int(fs * 1.4), int(fs * 1.4)), 0)
        ImageDraw.Draw(g).text((g.width / 2, g.height / 2), ch, font=f, fill=255, anchor="mm")
        g = g.rotate(-math.degrees(th), resample=Image.BICUBIC)
        x = c + rt * math.sin(th) - g.width / 2
        y = c - rt * math.cos(th) - g.height / 2
        im.paste(255, (int(x), int(y)), g)
    if bottom:
        bf = font(tpl.get("bfs", tpl["fs"] - 4) * S)
        d.text((c, c + R * 0.58), bottom, font=bf, fill=255, anchor="mm")
    if code:
        cf = font(10 * S)
        d.text((c, c + R * 0.80), code, font=cf, fill=255, anchor="mm")
    im = im.resize((size // S, size // S), Image.LANCZOS)
    # impression variation: ink density field, speckle, rotation
    a = np.asarray(im).astype(np.float32) / 255
    h, w = a.shape
    low = rng.random((h // 16 + 2, w // 16 + 2))
    low = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(np.float32) / 255
    dens = 0.55 + 0.45 * low
    speck = rng.random((h, w)) > 0.06
    a = a * dens * speck
    alpha = Image.fromarray(np.clip(a * 235, 0, 255).astype(np.uint8))
    alpha = alpha.filter(ImageFilter.GaussianBlur(0.5))
    col = tuple(int(v + rng.integers(-12, 12)) for v in RED)
    out = Image.new("RGBA", alpha.size, col + (0,))
    out.putalpha(alpha)
    out = out.rotate(float(rng.uniform(-12, 12)), resample=Image.BICUBIC)
    return out

TPL_GOV = dict(R=100, ring_w=6, fs=23, span=235, star=30)
TPL_HOSP = dict(R=96, ring_w=5, fs=21, span=205, star=26, bfs=16)
TPL_CO = dict(R=98, ring_w=6, fs=23, span=245, star=30)
TPL_LAW = dict(R=94, ring_w=5, fs=21, span=225, star=24)
TPL_JOB = dict(R=100, ring_w=6, fs=20, span=220, star=28, bfs=16)

# ---------------- page layout (ops in a 1000x1414 page) ----------------
PW, PH = 1000, 1414

class Page:
    def __init__(self):
        self.ops = []   # ('text', x, y, size, s, anchor) y = baseline-ish top; ('line', x1,y1,x2,y2,w); ('seal', cx, cy, img)
        self.tags = {}  # tag -> bbox (x0,y0,x1,y1) in page coords, size
        self.y = 120
    def text(self, x, y, s, size, anchor="la", tag=None):
        self.ops.append(("text", x, y, size, s, anchor))
        if tag:
            f = font(size)
            wdt = f.getlength(s)
            x0 = x - (wdt / 2 if anchor[0] == "m" else wdt if anchor[0] == "r" else 0)
            self.tags[tag] = (x0, y, x0 + wdt, y + size * 1.15, size, s)
    def line(self, x1, y1, x2, y2, w=2):
        self.ops.append(("line", x1, y1, x2, y2, w))
    def seal(self, cx, cy, img):
        self.ops.append(("seal", cx, cy, img))
    def para(self, segs, size=25, x0=100, x1=900, indent=2, lh=1.75):
        """segs: list of (text, tag|None). Wrap char by char; record tag bboxes (first line of the span)."""
        f = font(size)
        x = x0 + indent * size
        line_segs = []  # current line: list of [text, tag, x]
        def flush():
            for t, tg, xx in line_segs:
                self.text(xx, self.y, t, size, tag=tg)
            line_segs.clear()
        for t, tg in segs:
            if tg and x + f.getlength(t) > x1 and x > x0:  # tagged spans (name, ID, dates) are never split
                flush()
                self.y += size * lh
                x = x0
            cur = ""
            sx = x
            for ch in t:
                wch = f.getlength(ch)
                if x + wch > x1 and ch not in "，。、）；：”":  # no line-initial punctuation
                    if cur:
                        line_segs.append([cur, tg, sx])
                    flush()
                    self.y += size * lh
                    x = x0
                    cur, sx = "", x
                cur += ch
                x += wch
            if cur:
                line_segs.append([cur, tg, sx])
        flush()
        self.y += size * lh

def render_pil(page, paper=(255, 255, 255), ink=(24, 24, 28)):
    im = Image.new("RGB", (PW, PH), paper)
    d = ImageDraw.Draw(im)
    seals = []
    for op in page.ops:
        if op[0] == "text":
            _, x, y, size, s, anchor = op
            d.text((x, y), s, font=font(size), fill=ink, anchor=anchor if anchor != "la" else "la")
        elif op[0] == "line":
            _, x1, y1, x2, y2, w = op
            d.line([x1, y1, x2, y2], fill=ink, width=w)
        elif op[0] == "seal":
            seals.append(op)
    for _, cx, cy, img in seals:  # seals on top (multiply-like)
        base = im.crop((int(cx - img.width / 2), int(cy - img.height / 2), int(cx - img.width / 2) + img.width, int(cy - img.height / 2) + img.height))
        b = np.asarray(base).astype(np.float32)
        s = np.asarray(img).astype(np.float32)
        a = s[..., 3:4] / 255
        mixed = b * (1 - a) + np.minimum(b, s[..., :3]) * a
        im.paste(Image.fromarray(mixed.astype(np.uint8)), (int(cx - img.width / 2), int(cy - img.height / 2)))
    return im

def render_pdf(page, path_or_buf, title="", author="", creator="", producer=None, created=None):
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfbase import pdfmetrics
    from reportlab.lib.utils import ImageReader
    try:
        pdfmetrics.getFont("wqy")
    except KeyError:
        pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
    import os, calendar
    if created is not None:  # creation time = issue time (Beijing) via SOURCE_DATE_EPOCH
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(created.timetuple()) - 8 * 3600)
    W, H = A4
    k = W / PW
    c = canvas.Canvas(path_or_buf, pagesize=A4, invariant=1)
    if title: c.setTitle(title)
    if author: c.setAuthor(author)
    if creator: c.setCreator(creator)
    if producer: c.setProducer(producer)
    c.setFillColorRGB(0.09, 0.09, 0.11)
    for op in page.ops:
        if op[0] == "text":
            _, x, y, size, s, anchor = op
            c.setFont("wqy", size * k)
            yy = H - (y + size * 0.93) * k
            if anchor[0] == "m":
                c.drawCentredString(x * k, yy, s)
            elif anchor[0] == "r":
                c.drawRightString(x * k, yy, s)
            else:
                c.drawString(x * k, yy, s)
        elif op[0] == "line":
            _, x1, y1, x2, y2, w = op
            c.setLineWidth(w * k)
            c.line(x1 * k, H - y1 * k, x2 * k, H - y2 * k)
    for op in page.ops:
        if op[0] == "seal":
            _, cx, cy, img = op
            c.drawImage(ImageReader(img), (cx - img.width / 2) * k, H - (cy + img.height / 2) * k,
                        img.width * k, img.height * k, mask="auto")
    c.showPage()
    c.save()

# ---------------- capture simulation ----------------
def _noise(im, rng, sigma):
    a = np.asarray(im).astype(np.float32)
    a += rng.normal(0, sigma, a.shape[:2])[..., None]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))

def paperize(im, rng, tone=(248, 246, 240)):
    a = np.asarray(im).astype(np.float32) / 255
    t = np.array(tone, np.float32)
    return Image.fromarray(np.clip(a * t, 0, 255).astype(np.uint8))

def coeffs(out_pts, in_pts):
    """Perspective coeffs mapping out-plane -> in-plane (PIL convention)."""
    A, B = [], []
    for (x, y), (u, v) in zip(out_pts, in_pts):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float))

def apply_h(c, x, y):
    a, b, cc, d, e, f, g, h = c
    den = g * x + h * y + 1
    return ((a * x + b * y + cc) / den, (d * x + e * y + f) / den)

def exif_bytes(make, model, when, software=None, extra=True):
    e = Image.Exif()
    e[271] = make; e[272] = model
    e[306] = when.strftime("%Y:%m:%d %H:%M:%S")
    e[274] = 1
    if software: e[305] = software
    i = e.get_ifd(0x8769)
    i[36867] = when.strftime("%Y:%m:%d %H:%M:%S")
    i[36868] = when.strftime("%Y:%m:%d %H:%M:%S")
    if extra:
        i[0x8827] = 100 + (sum(map(ord, model)) % 7) * 50
        i[0xA405] = 26
    return e.tobytes()

PHONES = [("Apple", "iPhone 13"), ("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2102K1C"), ("OPPO", "PEGM00"),
          ("vivo", "V2183A"), ("HONOR", "ANY-AN00"), ("Apple", "iPhone 14 Pro"), ("Redmi", "22081212C")]

def phone_photo(doc, rng, return_h=False):
    """doc: RGB page. Returns (photo RGB, H doc->photo coeffs)."""
    W, H = 1200, 1600
    base = np.array(rng.choice([[150, 112, 80], [188, 186, 182], [96, 100, 108], [205, 195, 178]]), np.float32)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    grad = 0.85 + 0.3 * (xx / W) * rng.uniform(0.3, 1) + 0.1 * (yy / H)
    bg = np.clip(base[None, None, :] * grad[..., None] + rng.normal(0, 6, (H, W, 1)), 0, 255).astype(np.uint8)
    bg = Image.fromarray(bg)
    docp = paperize(doc, rng, tuple(int(v) for v in rng.integers(236, 252, 3)))
    sc = rng.uniform(0.95, 1.08)
    dw, dh = PW * sc, PH * sc
    cx, cy = W / 2 + rng.uniform(-30, 30), H / 2 + rng.uniform(-20, 20)
    j = lambda: rng.uniform(-55, 55)
    dst = [(cx - dw / 2 + j(), cy - dh / 2 + j()), (cx + dw / 2 + j(), cy - dh / 2 + j()),
           (cx + dw / 2 + j(), cy + dh / 2 + j()), (cx - dw / 2 + j(), cy + dh / 2 + j())]
    src = [(0, 0), (PW, 0), (PW, PH), (0, PH)]
    c = coeffs(dst, src)
    warped = docp.transform((W, H), Image.PERSPECTIVE, tuple(c), Image.BICUBIC)
    mask = Image.new("L", (PW, PH), 255).transform((W, H), Image.PERSPECTIVE, tuple(c), Image.BICUBIC)
    bg.paste(warped, (0, 0), mask)
    a = np.asarray(bg).astype(np.float32)
    # lighting + a soft shadow blob
    light = 0.78 + 0.26 * np.clip(1 - ((xx - rng.uniform(0, W)) ** 2 + (yy - rng.uniform(0, H)) ** 2) / (1.4 * H * H), 0, 1)
    sh = Image.new("L", (W, H), 0)
    sx = rng.uniform(0, W)
    ImageDraw.Draw(sh).ellipse([sx - 300, H - rng.uniform(250, 500), sx + 500, H + 400], fill=int(rng.uniform(50, 95)))
    sh = np.asarray(sh.filter(ImageFilter.GaussianBlur(60))).astype(np.float32) / 255
    a = a * (light * (1 - sh))[..., None]
    a += rng.normal(0, 2.5, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.4)))
    return im, coeffs(src, dst)

def save_phone(im, path, rng, when, q=None, software=None, keep_exif=True):
    make, model = PHONES[rng.randint(0, len(PHONES) - 1)]
    kw = dict(quality=int(q or rng.randint(86, 92)), subsampling=2)
    if keep_exif:
        kw["exif"] = exif_bytes(make, model, when, software)
    im.save(path, "JPEG", **kw)
    return make, model

def scanner(doc, rng):
    im = paperize(doc, rng, (251, 250, 247))
    im = im.rotate(float(rng.uniform(-0.6, 0.6)), resample=Image.BICUBIC, fillcolor=(252, 252, 252))
    im = im.filter(ImageFilter.GaussianBlur(0.55))
    return _noise(im, rng, 1.6)

def save_scanner(im, path, rng, software=None):
    kw = dict(quality=85, dpi=(120, 120))  # Pillow -> libjpeg standard tables scaled at q85
    if software:
        e = Image.Exif(); e[305] = software; e[271] = "EPSON"; e[272] = "DS-530"
        kw["exif"] = e.tobytes()
    im.save(path, "JPEG", **kw)

def wechat(im, path, rng, q=None):
    w, h = im.size
    s = min(1.0, 1280 / max(w, h))
    if s < 1:
        im = im.resize((int(w * s), int(h * s)), Image.BILINEAR)
    im.save(path, "JPEG", quality=int(q or rng.integers(70, 80)), subsampling=2)  # no EXIF

def screenshot(doc, rng, when, title="文件预览"):
    W, H = 828, 1792
    im = Image.new("RGB", (W, H), (242, 242, 242))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 88], fill=(247, 247, 247))
    d.text((40, 44), when.strftime("%H:%M"), font=font(30), fill=(0, 0, 0), anchor="lm")
    d.rectangle([W - 95, 32, W - 45, 56], outline=(0, 0, 0), width=2)
    d.rectangle([W - 92, 35, W - 92 + int(rng.integers(15, 45)), 53], fill=(0, 0, 0))
    d.rectangle([0, 88, W, 180], fill=(255, 255, 255))
    d.text((W / 2, 134), title, font=font(34), fill=(0, 0, 0), anchor="mm")
    d.text((40, 134), "〈", font=font(36), fill=(0, 0, 0), anchor="lm")
    dd = doc.resize((W - 40, int((W - 40) * PH / PW)), Image.LANCZOS)
    im.paste(dd, (20, 220))
    d.text((W / 2, H - 60), "该文件由“政务服务”小程序生成", font=font(22), fill=(150, 150, 150), anchor="mm")
    return im
