# Helper library for the b17_docs evaluation set (fixed seeds; deterministic).
import io, math, random
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageOps

CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DJS = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
DJM = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
_fc = {}
def font(size, idx=0, path=CJK):
    k = (path, size, idx)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(path, size, index=idx) if path.endswith('ttc') else ImageFont.truetype(path, size)
    return _fc[k]

# ---------------- ID numbers (GB 11643) ----------------
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_check(s17):
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, W)) % 11]
def make_id(area, birth, seq):
    s = f"{area}{birth}{seq:03d}"
    return s + id_check(s)
def id_valid(s):
    import datetime
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17]

# USCC (GB 32100)
UC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc(prefix2, area, org8, rng):
    # org code 9 chars: 8 + GB11714 check
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    def v(c):
        return int(c) if c.isdigit() else ord(c) - 55
    s = sum(v(c) * w for c, w in zip(org8, ow))
    c9 = 11 - s % 11
    c9 = '0' if c9 == 11 else ('X' if c9 == 10 else str(c9))
    body = prefix2 + area + org8 + c9
    t = sum(UC.index(c) * w for c, w in zip(body, UW))
    ck = (31 - t % 31) % 31
    return body + UC[ck]

# ---------------- seals ----------------
def _char_img(ch, size, fidx=0):
    f = font(size, fidx)
    im = Image.new('L', (size + 8, size + 8), 0)
    d = ImageDraw.Draw(im)
    d.text(((size + 8) / 2, (size + 8) / 2), ch, font=f, fill=255, anchor='mm')
    return im

def seal_geom(ring, shape='round', star=True, center_text=None, bottom=None, regno=None, fsize=None, fidx=0):
    if shape == 'round':
        Wd, Hd = 380, 380; ra = rb = 178; arc = (215, -35)
    else:
        Wd, Hd = 460, 320; ra, rb = 218, 148; arc = (200, -20)
    m = Image.new('L', (Wd, Hd), 0)
    d = ImageDraw.Draw(m)
    cx, cy = Wd / 2, Hd / 2
    d.ellipse([cx - ra, cy - rb, cx + ra, cy + rb], outline=255, width=10)
    if shape == 'oval':
        d.ellipse([cx - ra + 14, cy - rb + 14, cx + ra - 14, cy + rb - 14], outline=255, width=3)
    n = len(ring)
    fs = fsize or (44 if n <= 12 else (38 if n <= 16 else 32))
    ir_a, ir_b = ra - 42, rb - 42
    a0, a1 = arc
    for i, ch in enumerate(ring):
        t = math.radians(a0 + (a1 - a0) * (i + 0.5) / n)
        x = cx + ir_a * math.cos(t); y = cy - ir_b * math.sin(t)
        # tangent direction of ellipse
        tang = math.degrees(math.atan2(ir_b * math.cos(t), ir_a * math.sin(t)))
        ci = _char_img(ch, fs, fidx).rotate(tang - 90 + 90 * 0, expand=True, resample=Image.BICUBIC)
        ci = ci.rotate(0)
        # rotation so the char's top points outward
        ang = math.degrees(math.atan2(-(-ir_b * 0), 1))
        ci = _char_img(ch, fs, fidx).rotate(math.degrees(t) - 90, expand=True, resample=Image.BICUBIC)
        m.paste(255, (int(x - ci.width / 2), int(y - ci.height / 2)), ci)
    if star:
        r1 = 50 if shape == 'round' else 40; r2 = r1 * 0.38
        pts = []
        for k in range(10):
            r = r1 if k % 2 == 0 else r2
            t = math.radians(90 + 36 * k)
            pts.append((cx + r * math.cos(t), cy - 8 - r * math.sin(t)))
        d.polygon(pts, fill=255)
    if center_text:
        d.text((cx, cy + (52 if star else 0)), center_text, font=font(30, fidx), fill=255, anchor='mm')
    if bottom:
        d.text((cx, cy + (100 if shape == 'round' else 78)), bottom, font=font(28, fidx), fill=255, anchor='mm')
    if regno:
        k = len(regno)
        for i, ch in enumerate(regno):
            t = math.radians(246 + 48 * (i + 0.5) / k)
            x = cx + (ra - 26) * math.cos(t); y = cy - (rb - 26) * math.sin(t)
            ci = _char_img(ch, 18).rotate(math.degrees(t) - 270, expand=True, resample=Image.BICUBIC)
            m.paste(255, (int(x - ci.width / 2), int(y - ci.height / 2)), ci)
    return m

def seal_impression(geom, seed, angle=None, scale=0.62, color=(205, 28, 38)):
    r = np.random.default_rng(seed)
    a = np.asarray(geom, dtype=np.float32) / 255.0
    h, w = a.shape
    low = r.random((h // 24 + 2, w // 24 + 2)).astype(np.float32)
    low = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC), dtype=np.float32) / 255
    tex = 0.55 + 0.45 * low
    holes = r.random((h, w)) > 0.06
    edge = np.linspace(0.75 + 0.25 * r.random(), 1.0, w)[None, :] * np.linspace(1.0, 0.8 + 0.2 * r.random(), h)[:, None]
    a = a * tex * holes * edge
    im = Image.fromarray((np.clip(a, 0, 1) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.1))
    ang = angle if angle is not None else float(r.uniform(-25, 25))
    im = im.rotate(ang, expand=True, resample=Image.BICUBIC)
    im = im.resize((int(im.width * scale), int(im.height * scale)), Image.LANCZOS)
    col = tuple(int(c + r.integers(-12, 12)) for c in color)
    return im, col

def stamp(doc, imp, cx, cy):
    mask, col = imp
    arr = np.asarray(doc, dtype=np.float32)
    x0, y0 = int(cx - mask.width / 2), int(cy - mask.height / 2)
    a = np.asarray(mask, dtype=np.float32)[..., None] / 255.0 * 0.92
    H, Wd = arr.shape[:2]
    xs, ys = max(0, x0), max(0, y0)
    xe, ye = min(Wd, x0 + mask.width), min(H, y0 + mask.height)
    sub = a[ys - y0:ye - y0, xs - x0:xe - x0]
    c = np.array(col, dtype=np.float32) / 255.0
    arr[ys:ye, xs:xe] = arr[ys:ye, xs:xe] * (1 - sub * (1 - c))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

# ---------------- document renderer ----------------
class Doc:
    def __init__(self, w=1240, h=1754, paper=(255, 255, 255)):
        self.im = Image.new('RGB', (w, h), paper)
        self.d = ImageDraw.Draw(self.im)
        self.w, self.h = w, h
        self.y = 90
        self.boxes = {}
        self.L, self.R = 130, w - 130

    def _box(self, tag, b):
        if tag is None:
            return
        if tag in self.boxes:
            o = self.boxes[tag]
            b = (min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3]))
        self.boxes[tag] = b

    def letterhead(self, name, style, color=(180, 20, 20), sub=None, docno=None, fidx=0):
        d = self.d
        if style == 'redline':
            d.text((self.w / 2, self.y + 30), name, font=font(56, fidx), fill=color, anchor='mm', stroke_width=1, stroke_fill=color)
            self.y += 80
            d.line([(self.L - 30, self.y), (self.R + 30, self.y)], fill=color, width=4)
            d.line([(self.L - 30, self.y + 8), (self.R + 30, self.y + 8)], fill=color, width=1)
            self.y += 30
        elif style == 'band':
            d.rectangle([0, 0, self.w, 150], fill=color)
            d.text((self.L, 55), name, font=font(46, fidx), fill=(255, 255, 255), anchor='lm')
            if sub:
                d.text((self.L, 110), sub, font=font(22, fidx), fill=(235, 235, 235), anchor='lm')
            self.y = 190
        else:  # plain small header left
            d.text((self.L, self.y), name, font=font(30, fidx), fill=(40, 40, 40))
            if sub:
                d.text((self.L, self.y + 42), sub, font=font(20, fidx), fill=(90, 90, 90))
            self.y += 90
            d.line([(self.L, self.y), (self.R, self.y)], fill=(120, 120, 120), width=2)
            self.y += 20
        if docno:
            d.text((self.R, self.y + 10), docno, font=font(22, 1), fill=(30, 30, 30), anchor='ra')
            self.y += 40

    def title(self, t, size=52, fidx=0, spacing=True):
        tt = ' '.join(t) if spacing and len(t) <= 6 else t
        self.d.text((self.w / 2, self.y + 50), tt, font=font(size, fidx), fill=(15, 15, 15), anchor='mm', stroke_width=1, stroke_fill=(15, 15, 15))
        self.y += 120

    def para(self, segs, size=30, fidx=0, indent=2, lh=1.75, color=(25, 25, 25)):
        f = font(size, fidx)
        x = self.L + indent * size
        y = self.y
        for seg in segs:
            if isinstance(seg, str):
                seg = (seg, None)
            text, tag = seg[0], seg[1]
            ff = font(size, seg[2]) if len(seg) > 2 else f
            for ch in text:
                cw = ff.getlength(ch)
                if x + cw > self.R:
                    x = self.L; y += size * lh
                self.d.text((x, y), ch, font=ff, fill=color)
                self._box(tag, (x, y, x + cw, y + size * 1.15))
                x += cw
        self.y = y + size * lh + 6

    def table(self, rows, col1=260, size=28, rh=70, fidx=0):
        d = self.d
        x0, x1 = self.L, self.R
        y = self.y
        for lab, val in rows:
            d.rectangle([x0, y, x1, y + rh], outline=(30, 30, 30), width=2)
            d.line([(x0 + col1, y), (x0 + col1, y + rh)], fill=(30, 30, 30), width=2)
            d.text((x0 + col1 / 2, y + rh / 2), lab, font=font(size, fidx), fill=(20, 20, 20), anchor='mm')
            x = x0 + col1 + 18
            if isinstance(val, str):
                val = [(val, None)]
            for seg in val:
                if isinstance(seg, str):
                    seg = (seg, None)
                tw = font(size, fidx).getlength(seg[0])
                d.text((x, y + rh / 2), seg[0], font=font(size, fidx), fill=(20, 20, 20), anchor='lm')
                self._box(seg[1], (x, y + rh / 2 - size * 0.6, x + tw, y + rh / 2 + size * 0.6))
                x += tw
            y += rh
        self.y = y + 40

    def sign(self, lines, size=30, fidx=0, right=True):
        # lines: list of segment lists; returns centre of block for stamping
        y = max(self.y + 40, self.y)
        top = y
        for segs in lines:
            if isinstance(segs, str):
                segs = [(segs, None)]
            tw = sum(font(size, fidx).getlength(s[0] if not isinstance(s, str) else s) for s in segs)
            x = self.R - tw - 20 if right else self.L
            for s in segs:
                if isinstance(s, str):
                    s = (s, None)
                self.d.text((x, y), s[0], font=font(size, fidx), fill=(25, 25, 25))
                w_ = font(size, fidx).getlength(s[0])
                self._box(s[1], (x, y, x + w_, y + size * 1.15))
                x += w_
            y += size * 1.8
        self.y = y
        return (self.R - 170, (top + y) / 2 - 10)

    def footer(self, text, size=20):
        self.d.text((self.w / 2, self.h - 70), text, font=font(size), fill=(110, 110, 110), anchor='mm')

# ---------------- capture pipelines ----------------
def _coeffs(src, dst):
    # PIL perspective coeffs mapping output(dst) -> input(src)
    A = []; B = []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float))

def _apply_h(c, x, y):
    a, b, cc, d, e, f, g, h = c
    den = g * x + h * y + 1
    return (a * x + b * y + cc) / den, (d * x + e * y + f) / den

class Cap:
    """Result of a capture: PIL image + point map (doc -> captured)."""
    def __init__(self, im, fmap):
        self.im, self.fmap = im, fmap
    def box(self, b, pad=4):
        pts = [self.fmap(b[0], b[1]), self.fmap(b[2], b[1]), self.fmap(b[0], b[3]), self.fmap(b[2], b[3])]
        xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
        return (int(min(xs)) - pad, int(min(ys)) - pad, int(max(xs)) + pad, int(max(ys)) + pad)

def phone_photo(doc, rng, light='normal', fold=False, out_w=1200, bg=None):
    w, h = doc.size
    OW, OH = out_w, int(out_w * 4 / 3)
    bgc = bg or tuple(int(v) for v in rng.choice([(120, 95, 70), (200, 200, 195), (60, 62, 70), (150, 120, 90), (225, 220, 210)]))
    j = lambda s: rng.uniform(-s, s)
    mx, my = OW * 0.07, OH * 0.07
    dst = [(mx + j(40), my + j(40)), (OW - mx + j(40), my + j(40)), (OW - mx + j(50), OH - my + j(50)), (mx + j(50), OH - my + j(50))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    cf = _coeffs(src, dst)
    inv = _coeffs(dst, src)
    out = doc.transform((OW, OH), Image.PERSPECTIVE, tuple(cf), Image.BICUBIC, fillcolor=(1, 2, 3))
    arr = np.asarray(out, dtype=np.float32)
    maskbg = np.all(arr == (1, 2, 3), axis=2)
    arr[maskbg] = bgc
    yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
    # lighting gradient + shadow
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    grad = 1 - 0.18 * ((xx / OW - 0.5) * gx + (yy / OH - 0.5) * gy) - 0.08 * (((xx / OW - 0.5) ** 2 + (yy / OH - 0.5) ** 2))
    sx, sy, sr = rng.uniform(0, OW), rng.uniform(0, OH), rng.uniform(OW * 0.3, OW * 0.7)
    shadow = 1 - 0.22 * np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * sr ** 2)))
    lum = grad * shadow
    if fold:
        fy = OH * rng.uniform(0.4, 0.6)
        lum = lum * (1 - 0.10 * np.exp(-((yy - fy) ** 2) / (2 * 6 ** 2))) * np.where(yy > fy, 0.94, 1.0)
    arr = arr * lum[..., None]
    if light == 'dim':
        arr = arr * 0.55 + 8
    elif light == 'warm':
        arr = arr * np.array([1.02, 0.90, 0.70])
    arr = arr + rng.normal(0, 4.5 if light != 'dim' else 9, arr.shape)
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    return Cap(im, lambda x, y: _apply_h(inv, x, y))

def screen_photo(doc, rng):
    # photograph of a monitor showing the document: moire + subpixel tint
    c = phone_photo(doc, rng, out_w=1200, bg=(20, 20, 22))
    arr = np.asarray(c.im, dtype=np.float32)
    H, Wd = arr.shape[:2]
    yy, xx = np.mgrid[0:H, 0:Wd].astype(np.float32)
    f1, th = rng.uniform(0.35, 0.5), rng.uniform(0.2, 0.6)
    moire = 1 - 0.07 * (0.5 + 0.5 * np.sin(f1 * (xx * math.cos(th) + yy * math.sin(th))) * np.sin(0.013 * yy + 0.02 * xx))
    arr = arr * moire[..., None] * np.array([0.93, 0.98, 1.06])
    return Cap(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)), c.fmap)

def scanner(doc, rng, gray=False, dpi_scale=1.0, angle=None):
    ang = angle if angle is not None else rng.uniform(-0.9, 0.9)
    w, h = doc.size
    im = doc.rotate(ang, resample=Image.BICUBIC, fillcolor=(252, 252, 250))
    if dpi_scale != 1.0:
        im = im.resize((int(w * dpi_scale), int(h * dpi_scale)), Image.LANCZOS)
    arr = np.asarray(im, dtype=np.float32)
    arr = (arr - 10) * 1.06 + rng.normal(0, 2.0, arr.shape)
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    if gray:
        im = ImageOps.grayscale(im).convert('RGB')
    t = math.radians(ang); cx, cy = w / 2, h / 2
    def fm(x, y):
        dx, dy = x - cx, y - cy
        return ((cx + dx * math.cos(t) + dy * math.sin(t)) * dpi_scale, (cy - dx * math.sin(t) + dy * math.cos(t)) * dpi_scale)
    return Cap(im, fm)

def fax(doc, rng):
    w, h = doc.size
    g = ImageOps.grayscale(doc).resize((w * 2 // 3, h * 2 // 3), Image.BILINEAR)
    arr = np.asarray(g, dtype=np.float32) + rng.normal(0, 18, (g.height, g.width))
    b = (arr > 150).astype(np.uint8) * 255
    for _ in range(6):
        y = int(rng.integers(0, g.height - 3)); k = int(rng.integers(1, 3)); b[y:y + k] = np.minimum(b[y:y + k], (255 - 255 * (rng.random(g.width) < 0.3)).astype(np.uint8))
    im = Image.fromarray(b).convert('RGB')
    return Cap(im, lambda x, y: (x * 2 / 3, y * 2 / 3))

def photocopy(doc, rng, times=2):
    im = doc
    for _ in range(times):
        g = ImageOps.grayscale(im)
        arr = np.asarray(g, dtype=np.float32)
        arr = np.clip((arr - 60) * 1.35, 0, 255) + rng.normal(0, 6, arr.shape)
        sp = rng.random(arr.shape) < 0.0015
        arr[sp] = rng.uniform(0, 90, sp.sum())
        arr[:, :8] *= 0.5
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).rotate(rng.uniform(-0.6, 0.6), fillcolor=235).filter(ImageFilter.GaussianBlur(0.7)).convert('RGB')
    return Cap(im, lambda x, y: (x, y))

def wechat(cap_im, quality=None, rng=None, long_side=1280):
    im = cap_im
    s = long_side / max(im.size)
    if s < 1:
        im = im.resize((int(im.width * s), int(im.height * s)), Image.BILINEAR)
    return im

# ---------------- saving ----------------
STD_LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
STD_CHROMA = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32

def phone_tables(rng):
    # vendor-style custom quantisation tables (not scaled libjpeg tables)
    f = rng.uniform(0.10, 0.22)
    l = [max(1, min(255, int(round(v * f + rng.integers(0, 2))))) for v in STD_LUMA]
    c = [max(1, min(255, int(round(v * f * 1.1 + rng.integers(0, 2))))) for v in STD_CHROMA]
    return [l, c]

def exif_bytes(make=None, model=None, software=None, dt=None, dpi=None):
    ex = Image.Exif()
    if make: ex[0x010F] = make
    if model: ex[0x0110] = model
    if software: ex[0x0131] = software
    if dt:
        ex[0x0132] = dt
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = dt; ifd[0x9004] = dt
    return ex.tobytes()

def save_jpeg(im, path, quality=88, exif=None, qtables=None, subsampling=None):
    kw = {}
    if exif: kw['exif'] = exif
    if qtables: kw['qtables'] = qtables
    else: kw['quality'] = quality
    if subsampling is not None: kw['subsampling'] = subsampling
    im.save(path, 'JPEG', **kw)

def jpeg_roundtrip(im, q):
    b = io.BytesIO(); im.save(b, 'JPEG', quality=q); b.seek(0)
    return Image.open(b).convert('RGB')
