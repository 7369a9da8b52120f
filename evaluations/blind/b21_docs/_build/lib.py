# Rendering, seal, capture and PDF helpers for the b21_docs evaluation set.
import io, math, random, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONTROOT = '/tmp/b21docs_scratch/fonts/usr/share/fonts/truetype'
FONTS = {
    'hei': FONTROOT + '/wqy/wqy-microhei.ttc',
    'zen': FONTROOT + '/wqy/wqy-zenhei.ttc',
    'kai': FONTROOT + '/arphic/ukai.ttc',
    'ming': FONTROOT + '/arphic/uming.ttc',
}
_fc = {}
def font(key, size):
    k = (key, int(size))
    if k not in _fc:
        _fc[k] = ImageFont.truetype(FONTS[key], int(size))
    return _fc[k]

PW, PH = 1240, 1754  # A4 at 150 dpi

# ---------------------------------------------------------------- ID / codes
W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
C_ID = '10X98765432'
def id_check(s17):
    return C_ID[sum(int(a) * b for a, b in zip(s17, W_ID)) % 11]
def make_id(area, birth, seq):
    s = '%s%s%03d' % (area, birth.strftime('%Y%m%d'), seq)
    return s + id_check(s)
def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()

USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc(prefix2, area, rng):
    body = ''.join(rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(8))
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(USCC_CH.index(c) * ww for c, ww in zip(body, w))
    c9 = 11 - s % 11
    c9 = 'X' if c9 == 10 else ('0' if c9 == 11 else str(c9))
    s17 = prefix2 + area + body + c9
    t = 31 - sum(USCC_CH.index(c) * ww for c, ww in zip(s17, USCC_W)) % 31
    return s17 + USCC_CH[0 if t == 31 else t]

def lawyer_licence(area4, year, sex, rng):
    return '1%s%d1%d%06d' % (area4, year, sex, rng.randint(1, 999999))[:17]

def cn_date(d):
    if isinstance(d, str):
        return d
    return '%d年%d月%d日' % (d.year, d.month, d.day)

# ---------------------------------------------------------------- Page ops
class Page:
    def __init__(self, w=PW, h=PH):
        self.w, self.h = w, h
        self.ops = []
        self.boxes = {}

    def text(self, x, y, s, fk='ming', size=28, fill=(20, 20, 20), anchor='l', key=None):
        f = font(fk, size)
        wdt = f.getlength(s)
        if anchor == 'c':
            x = x - wdt / 2
        elif anchor == 'r':
            x = x - wdt
        self.ops.append(('text', x, y, s, fk, size, fill))
        if key:
            self.boxes.setdefault(key, (x, y, x + wdt, y + size * 1.15))
        return x + wdt

    def para(self, x, y, width, segs, fk='ming', size=28, lh=1.8, indent=2):
        """segs: list of (text, key|None). Lays out char by char; returns y after."""
        f = font(fk, size)
        cx = x + indent * size
        cy = y
        for s, key in segs:
            for ch in s:
                cw = f.getlength(ch)
                if cx + cw > x + width:
                    cx = x
                    cy += size * lh
                self.ops.append(('text', cx, cy, ch, fk, size, (20, 20, 20)))
                if key:
                    b = self.boxes.get(key)
                    nb = (cx, cy, cx + cw, cy + size * 1.15)
                    if b is None:
                        self.boxes[key] = nb
                    elif abs(b[1] - cy) < 1:
                        self.boxes[key] = (b[0], b[1], nb[2], b[3])
                cx += cw
        return cy + size * lh

    def line(self, x1, y1, x2, y2, w=2, fill=(30, 30, 30)):
        self.ops.append(('line', x1, y1, x2, y2, w, fill))

    def rect(self, x1, y1, x2, y2, w=2, fill=None, outline=(30, 30, 30)):
        self.ops.append(('rect', x1, y1, x2, y2, w, fill, outline))

    def seal(self, spec, cx, cy, angle=0.0, ink_seed=0, clean=False):
        self.ops.append(('seal', spec, cx, cy, angle, ink_seed, clean))
        self.boxes.setdefault('seal', (cx - spec.get('rx', 150), cy - spec.get('ry', 150),
                                       cx + spec.get('rx', 150), cy + spec.get('ry', 150)))

# ---------------------------------------------------------------- seals
def _star(cx, cy, r):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.38
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts

def seal_mask(spec, scale=1.0):
    """Returns an L image (255 = ink) of the seal, centred."""
    rx = spec.get('rx', 150) * scale
    ry = spec.get('ry', rx / scale) * scale if spec.get('shape') == 'oval' else rx
    S = int(2 * max(rx, ry) + 20)
    im = Image.new('L', (S, S), 0)
    d = ImageDraw.Draw(im)
    c = S / 2
    bw = max(3, int(spec.get('border', 9) * scale))
    d.ellipse((c - rx, c - ry, c + rx, c + ry), outline=255, width=bw)
    if spec.get('inner_ring'):
        d.ellipse((c - rx + bw * 2.2, c - ry + bw * 2.2, c + rx - bw * 2.2, c + ry - bw * 2.2), outline=255, width=max(1, bw // 3))
    text = spec['text']
    fk = spec.get('font', 'zen')
    fs = int(spec.get('fs', 40) * scale)
    f = font(fk, fs)
    span = math.radians(spec.get('span', 250))
    n = len(text)
    ra, rb = rx - bw - fs * 0.62, ry - bw - fs * 0.62
    for i, ch in enumerate(text):
        th = -span / 2 + span * (i + 0.5) / n
        px, py = c + ra * math.sin(th), c - rb * math.cos(th)
        nang = math.atan2(math.sin(th) / max(ra, 1), math.cos(th) / max(rb, 1))
        ci = Image.new('L', (fs * 2, fs * 2), 0)
        ImageDraw.Draw(ci).text((fs, fs), ch, font=f, fill=255, anchor='mm')
        ci = ci.rotate(-math.degrees(nang), resample=Image.BICUBIC)
        im.paste(255, (int(px - fs), int(py - fs)), ci)
    if spec.get('center') == 'star':
        sr = rx * 0.3
        d.polygon(_star(c, c - (ry * 0.05 if spec.get('bottom') else 0), sr), fill=255)
    elif spec.get('center'):
        cf = font(fk, int(fs * 1.1))
        d.text((c, c), spec['center'], font=cf, fill=255, anchor='mm')
    if spec.get('bottom'):
        bfs = int(min(fs * 0.8, rx * 1.25 / max(1, len(spec['bottom']))))
        d.text((c, c + ry * 0.48), spec['bottom'], font=font(fk, bfs), fill=255, anchor='mm')
    if spec.get('reg'):
        rfs = max(12, int(fs * 0.42))
        d.text((c, c + ry * 0.7), spec['reg'], font=font('hei', rfs), fill=255, anchor='mm')
    return im

def stamp_layer(spec, angle, ink_seed, clean, scale=1.0):
    m = seal_mask(spec, scale).rotate(angle, resample=Image.BICUBIC)
    a = np.asarray(m).astype(np.float32) / 255.0
    if not clean:
        r = np.random.RandomState(ink_seed)
        h, w = a.shape
        # uneven ink: low-frequency pressure field + speckle
        lf = r.rand(6, 6).astype(np.float32)
        lf = np.asarray(Image.fromarray((lf * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(np.float32) / 255
        speck = (r.rand(h, w) > 0.12).astype(np.float32)
        a = a * (0.45 + 0.55 * lf) * (0.55 + 0.45 * speck)
        a = np.asarray(Image.fromarray((a * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.9))).astype(np.float32) / 255
        a = np.clip(a * 1.25, 0, 0.93)
    return a

SEAL_RED = np.array([214, 32, 38], np.float32)

def render(page, bg=(255, 255, 255)):
    im = Image.new('RGB', (page.w, page.h), bg)
    d = ImageDraw.Draw(im)
    seals = []
    for op in page.ops:
        if op[0] == 'text':
            _, x, y, s, fk, size, fill = op
            d.text((x, y), s, font=font(fk, size), fill=fill)
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w, fill = op
            d.line((x1, y1, x2, y2), fill=fill, width=int(w))
        elif op[0] == 'rect':
            _, x1, y1, x2, y2, w, fill, outline = op
            d.rectangle((x1, y1, x2, y2), fill=fill, outline=outline, width=int(w))
        elif op[0] == 'seal':
            seals.append(op)
    arr = np.asarray(im).astype(np.float32)
    for _, spec, cx, cy, ang, seed, clean in seals:
        a = stamp_layer(spec, ang, seed, clean)
        arr = apply_ink(arr, a, cx, cy)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))

def apply_ink(arr, a, cx, cy, color=SEAL_RED):
    h, w = a.shape
    x0, y0 = int(cx - w / 2), int(cy - h / 2)
    H, W = arr.shape[:2]
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(W, x0 + w), min(H, y0 + h)
    sub = a[ya - y0:yb - y0, xa - x0:xb - x0][..., None]
    region = arr[ya:yb, xa:xb]
    arr[ya:yb, xa:xb] = region * (1 - sub) + (region * color / 255.0) * sub
    return arr

# ---------------------------------------------------------------- geometry
def homography(src, dst):
    A = []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, _, V = np.linalg.svd(np.array(A, float))
    H = V[-1].reshape(3, 3)
    return H / H[2, 2]

def warp(img, H, size, bg):
    Hi = np.linalg.inv(H)
    coeffs = (Hi / Hi[2, 2]).flatten()[:8]
    canvas = Image.new('RGB', size, bg)
    w = img.transform(size, Image.PERSPECTIVE, tuple(coeffs), Image.BICUBIC, fillcolor=None)
    mask = Image.new('L', img.size, 255).transform(size, Image.PERSPECTIVE, tuple(coeffs), Image.BILINEAR)
    canvas.paste(w, (0, 0), mask)
    return canvas

def mapper(H):
    def f(x, y):
        p = H @ np.array([x, y, 1.0])
        return p[0] / p[2], p[1] / p[2]
    return f

# ---------------------------------------------------------------- captures
def _exif_bytes(make, model, software, when, extra_exif=True):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    if software:
        ex[0x0131] = software
    ts = when.strftime('%Y:%m:%d %H:%M:%S')
    ex[0x0132] = ts
    ex[0x0112] = 1
    if extra_exif:
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = ts
        ifd[0x9004] = ts
        ifd[0x829A] = (1, 60)
        ifd[0x8827] = 200
        ifd[0x920A] = (555, 100)
    return ex.tobytes()

PHONES = [('Apple', 'iPhone 13', '17.5.1'), ('HUAWEI', 'ALN-AL00', 'ALN-AL00 4.0.0.126(C00E120R2P2)'),
          ('Xiaomi', '2211133C', 'MIUI V14.0.6.0'), ('OPPO', 'PGEM10', None), ('vivo', 'V2309A', None),
          ('HONOR', 'ANY-AN00', None), ('Apple', 'iPhone 14 Pro', '18.1')]

def phone_photo(img, rng, light='normal', when=None, phone=None, out=(1200, 1600), quality=90):
    W, H = out
    bgc = rng.choice([(120, 95, 70), (90, 90, 95), (160, 150, 135), (60, 55, 50), (180, 175, 170)])
    if light == 'fold':
        a = np.asarray(img).astype(np.float32)
        y = int(img.height * rng.uniform(0.45, 0.55))
        yy = np.arange(img.height)[:, None]
        sh = 1 - 0.18 * np.exp(-((yy - y) / 6.0) ** 2) - 0.06 * (yy > y)
        a = a * sh[..., None]
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if light == 'screen':
        # document shown on a monitor: pixel grid, glow, moire
        a = np.asarray(img.resize((img.width, img.height))).astype(np.float32)
        a = 40 + a * 0.78
        yy, xx = np.mgrid[0:img.height, 0:img.width]
        moire = 8 * np.sin((xx * 0.31 + yy * 0.07)) * np.sin(yy * 0.29)
        a = a + moire[..., None]
        a[..., 2] += 12
        a[::3, :, :] *= 0.9
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        bgc = (20, 20, 22)
    m = rng.uniform(0.05, 0.12)
    pw, ph = W * (1 - 2 * m), W * (1 - 2 * m) * img.height / img.width
    ox, oy = W * m, (H - ph) / 2
    j = lambda: rng.uniform(-0.045, 0.045) * W
    dst = [(ox + j(), oy + j()), (ox + pw + j(), oy + j()), (ox + pw + j(), oy + ph + j()), (ox + j(), oy + ph + j())]
    src = [(0, 0), (img.width, 0), (img.width, img.height), (0, img.height)]
    Hm = homography(src, dst)
    out_im = warp(img, Hm, (W, H), bgc)
    a = np.asarray(out_im).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    grad = 1 + 0.12 * ((xx / W - 0.5) * gx + (yy / H - 0.5) * gy)
    if light == 'dim':
        grad = grad * 0.58
    if light == 'shadow':
        cxs, cys = rng.uniform(0.2, 0.8) * W, rng.uniform(0.5, 1.0) * H
        grad = grad * (1 - 0.35 * np.exp(-(((xx - cxs) / (0.3 * W)) ** 2 + ((yy - cys) / (0.25 * H)) ** 2)))
    a = a * grad[..., None]
    if light == 'warm':
        a[..., 0] *= 1.04; a[..., 1] *= 0.95; a[..., 2] *= 0.78
    elif light == 'dim':
        a[..., 2] *= 0.9
    else:
        a[..., 2] *= rng.uniform(0.95, 1.02)
    nsig = 9 if light == 'dim' else rng.uniform(2.5, 5)
    r = np.random.RandomState(rng.randint(0, 2 ** 31))
    a = a + r.normal(0, nsig, a.shape)
    out_im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.3)))
    phone = phone or rng.choice(PHONES)
    when = when or dt.datetime(2026, 8, 1, 10, 0)
    buf = io.BytesIO()
    out_im.save(buf, 'JPEG', quality=quality, exif=_exif_bytes(phone[0], phone[1], phone[2], when))
    return buf.getvalue(), mapper(Hm), out_im

SCANNERS = [('Canon', 'imageRUNNER ADVANCE C3520'), ('EPSON', 'DS-530'), ('FUJI XEROX', 'DocuCentre-VI C2271'), ('KONICA MINOLTA', 'bizhub C300i')]

def scan(img, rng, mode='color', quality=75, exif=None, rot=None, dpi=150):
    a = img
    if mode in ('gray', 'fax', 'photocopy2'):
        a = a.convert('L')
    if mode == 'fax':
        g = np.asarray(a.resize((a.width // 2, a.height // 2))).astype(np.float32)
        r = np.random.RandomState(rng.randint(0, 2 ** 31))
        g = g + r.normal(0, 25, g.shape)
        b = (g > 150).astype(np.uint8) * 255
        b[:, r.randint(0, b.shape[1], 3)] = 0  # vertical streaks
        a = Image.fromarray(b).resize((img.width, img.height), Image.NEAREST)
    if mode == 'photocopy2':
        for k in range(2):
            g = np.asarray(a).astype(np.float32)
            g = np.clip((g - 60) * 1.35, 0, 255)
            r = np.random.RandomState(rng.randint(0, 2 ** 31))
            g[r.rand(*g.shape) > 0.9993] = 30
            a = Image.fromarray(g.astype(np.uint8)).rotate(rng.uniform(-0.7, 0.7), resample=Image.BICUBIC, fillcolor=235)
            a = a.filter(ImageFilter.GaussianBlur(0.7))
    rot = rng.uniform(-0.8, 0.8) if rot is None else rot
    bg = 255 if a.mode == 'L' else (250, 250, 250)
    a = a.rotate(rot, resample=Image.BICUBIC, fillcolor=bg)
    if a.mode == 'RGB':
        arr = np.asarray(a).astype(np.float32) * np.array([0.985, 0.98, 0.965]) + 2
        a = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    kw = dict(quality=quality, dpi=(dpi, dpi))
    if exif:
        ex = Image.Exif(); ex[0x010F] = exif[0]; ex[0x0110] = exif[1]
        kw['exif'] = ex.tobytes()
    a.save(buf, 'JPEG', **kw)
    th = math.radians(rot)
    cx, cy = img.width / 2, img.height / 2
    def mp(x, y):
        dx, dy = x - cx, y - cy
        return cx + dx * math.cos(th) + dy * math.sin(th), cy - dx * math.sin(th) + dy * math.cos(th)
    return buf.getvalue(), mp, a

def wechat(jpeg_bytes_or_img, quality=None, rng=None, long_side=1280):
    im = jpeg_bytes_or_img
    if isinstance(im, (bytes, bytearray)):
        im = Image.open(io.BytesIO(im)).convert('RGB')
    s = long_side / max(im.size)
    if s < 1:
        im = im.resize((round(im.width * s), round(im.height * s)), Image.LANCZOS)
    else:
        s = 1.0
    q = quality or (rng.choice([70, 75, 80, 85]) if rng else 80)
    buf = io.BytesIO()
    im.save(buf, 'JPEG', quality=q)
    return buf.getvalue(), s, im

def jpeg_bytes(im, **kw):
    b = io.BytesIO(); im.save(b, 'JPEG', **kw); return b.getvalue()

# ---------------------------------------------------------------- PDF (native)
_rl_reg = set()
def rl_font(fk):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    name = 'F_' + fk
    if name not in _rl_reg:
        pdfmetrics.registerFont(TTFont(name, FONTS[fk], subfontIndex=0))
        _rl_reg.add(name)
    return name

def page_pdf(page, path, producer='', title='', author='', creator='', seal_clean=True, when=None):
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    k = 72.0 / 150
    c = canvas.Canvas(path, pagesize=(page.w * k, page.h * k), pageCompression=1, invariant=1)
    c.setTitle(title); c.setAuthor(author); c.setCreator(creator)
    if producer:
        c.setProducer(producer)
    for op in page.ops:
        if op[0] == 'text':
            _, x, y, s, fk, size, fill = op
            c.setFillColorRGB(*[v / 255 for v in fill])
            c.setFont(rl_font(fk), size * k)
            c.drawString(x * k, (page.h - y - size * 0.88) * k, s)
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w, fill = op
            c.setLineWidth(w * k); c.setStrokeColorRGB(*[v / 255 for v in fill])
            c.line(x1 * k, (page.h - y1) * k, x2 * k, (page.h - y2) * k)
        elif op[0] == 'rect':
            _, x1, y1, x2, y2, w, fill, outline = op
            c.setLineWidth(w * k); c.setStrokeColorRGB(*[v / 255 for v in (outline or (0, 0, 0))])
            if fill:
                c.setFillColorRGB(*[v / 255 for v in fill])
            c.rect(x1 * k, (page.h - y2) * k, (x2 - x1) * k, (y2 - y1) * k, stroke=1 if outline else 0, fill=1 if fill else 0)
    for op in page.ops:
        if op[0] == 'seal':
            _, spec, cx, cy, ang, seed, clean = op
            a = stamp_layer(spec, ang, seed, clean or seal_clean)
            h, w = a.shape
            rgba = np.zeros((h, w, 4), np.uint8)
            rgba[..., :3] = SEAL_RED.astype(np.uint8)
            rgba[..., 3] = (a * 255).astype(np.uint8)
            ir = ImageReader(Image.fromarray(rgba, 'RGBA'))
            c.drawImage(ir, (cx - w / 2) * k, (page.h - cy - h / 2) * k, w * k, h * k, mask='auto')
    c.showPage(); c.save()

def image_pdf(img, path, producer='', creator='', dpi=150):
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    k = 72.0 / dpi
    c = canvas.Canvas(path, pagesize=(img.width * k, img.height * k), invariant=1)
    c.setProducer(producer); c.setCreator(creator)
    b = io.BytesIO(); img.save(b, 'JPEG', quality=80); b.seek(0)
    c.drawImage(ImageReader(b), 0, 0, img.width * k, img.height * k)
    c.showPage(); c.save()
