"""Rendering, seal and capture helpers for the b26_docs evaluation set."""
import io, math
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageOps

FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
_fc = {}


def F(size, idx=0):
    k = (int(size), idx)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(FONT, int(size), index=idx)
    return _fc[k]


W_ID = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(s17):
    return '10X98765432'[sum(int(a) * b for a, b in zip(s17, W_ID)) % 11]


USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(prefix17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(prefix17, USCC_W))
    c = 31 - s % 31
    return prefix17 + USCC_CH[0 if c == 31 else c]


# ---------------------------------------------------------------- document ops
class Doc:
    """Records drawing ops in a 900x1273 px page (A4 at ~109 dpi)."""
    W, H = 900, 1273

    def __init__(self, fi=0, margin=95):
        self.ops, self.boxes, self.y, self.m, self.fi = [], {}, margin - 20, margin, fi

    def _box(self, k, b):
        if k is None:
            return
        o = self.boxes.get(k)
        self.boxes[k] = b if o is None else (min(o[0], b[0]), min(o[1], b[1]), max(o[2], b[2]), max(o[3], b[3]))

    def text(self, segs, size=21, x=None, align='left', lh=1.75, bold=False, indent=0, color=(25, 25, 25), right=None, maxw=None):
        font = F(size, self.fi)
        if isinstance(segs, str):
            segs = [(segs, None)]
        chars = [(c, k) for t, k in segs for c in t]
        x = self.m if x is None else x
        maxw = maxw or (self.W - self.m - x)
        lines, cur, w = [], [], indent
        for c, k in chars:
            cw = font.getlength(c)
            if c == '\n' or w + cw > maxw:
                lines.append(cur); cur, w = [], 0
                if c == '\n':
                    continue
            cur.append((c, k, cw)); w += cw
        lines.append(cur)
        for i, line in enumerate(lines):
            lw = sum(cw for _, _, cw in line)
            if align == 'center':
                x0 = (self.W - lw) / 2
            elif align == 'right':
                x0 = (right or self.W - self.m) - lw
            else:
                x0 = x + (indent if i == 0 else 0)
            s = ''.join(c for c, _, _ in line)
            self.ops.append(('text', x0, self.y, s, size, color, bold, self.fi))
            xx = x0
            for c, k, cw in line:
                self._box(k, (xx, self.y, xx + cw, self.y + size * 1.2)); xx += cw
            self.y += size * lh
        return self

    def line(self, x1, y1, x2, y2, w=1, color=(30, 30, 30)):
        self.ops.append(('line', x1, y1, x2, y2, w, color))

    def hr(self, w=2, color=(190, 20, 20), gap=14):
        self.line(self.m - 10, self.y, self.W - self.m + 10, self.y, w, color); self.y += gap

    def space(self, h):
        self.y += h

    def table(self, rows, widths, size=19, rh=46):
        """rows: list of cells; cell = str | (str,key) | list of segs; None merges."""
        x0 = self.m; tw = sum(widths)
        y0 = self.y
        for r in rows:
            n = max(1, max(len(self._wrap(c, widths[i] - 16, size)) for i, c in enumerate(r) if c is not None))
            h = rh + (n - 1) * size * 1.4
            x = x0
            for i, c in enumerate(r):
                if c is None:
                    x += widths[i]; continue
                # cell spans over following None cells
                span = widths[i]; j = i + 1
                while j < len(r) and r[j] is None:
                    span += widths[j]; j += 1
                self.line(x, self.y, x, self.y + h, 1)
                lines = self._wrap(c, span - 16, size)
                ty = self.y + (h - len(lines) * size * 1.4) / 2 + 2
                for ln in lines:
                    s = ''.join(ch for ch, _ in ln)
                    self.ops.append(('text', x + 8, ty, s, size, (25, 25, 25), False, self.fi))
                    xx = x + 8
                    for ch, k in ln:
                        cw = F(size, self.fi).getlength(ch)
                        self._box(k, (xx, ty, xx + cw, ty + size * 1.2)); xx += cw
                    ty += size * 1.4
                x += widths[i]
            self.line(x0 + tw, self.y, x0 + tw, self.y + h, 1)
            self.line(x0, self.y, x0 + tw, self.y, 1)
            self.y += h
        self.line(x0, self.y, x0 + tw, self.y, 1)
        self.y += 16

    def _wrap(self, c, maxw, size):
        if isinstance(c, str):
            c = [(c, None)]
        elif isinstance(c, tuple):
            c = [c]
        font = F(size, self.fi)
        lines, cur, w = [], [], 0
        for t, k in c:
            for ch in t:
                cw = font.getlength(ch)
                if w + cw > maxw:
                    lines.append(cur); cur, w = [], 0
                cur.append((ch, k)); w += cw
        lines.append(cur)
        return lines

    def seal(self, img, cx, cy, key='seal'):
        self.ops.append(('seal', img, cx, cy))
        self._box(key, (cx - img.width / 2, cy - img.height / 2, cx + img.width / 2, cy + img.height / 2))

    def rect(self, x1, y1, x2, y2, w=2, color=(30, 30, 30)):
        self.ops.append(('rect', x1, y1, x2, y2, w, color))


def render_pil(doc, paper=(255, 255, 255)):
    im = Image.new('RGB', (doc.W, doc.H), paper)
    d = ImageDraw.Draw(im)
    seals = []
    for op in doc.ops:
        if op[0] == 'text':
            _, x, y, s, size, color, bold, fi = op
            d.text((x, y), s, font=F(size, fi), fill=color, stroke_width=1 if bold else 0, stroke_fill=color)
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w, color = op
            d.line((x1, y1, x2, y2), fill=color, width=w)
        elif op[0] == 'rect':
            _, x1, y1, x2, y2, w, color = op
            d.rectangle((x1, y1, x2, y2), outline=color, width=w)
        elif op[0] == 'seal':
            seals.append(op)
    for _, img, cx, cy in seals:
        im = stamp(im, img, cx, cy)
    return im


def stamp(im, seal, cx, cy):
    a = np.asarray(im).astype(np.float32)
    x0, y0 = int(cx - seal.width / 2), int(cy - seal.height / 2)
    s = np.asarray(seal).astype(np.float32)
    h, w = s.shape[:2]
    xs0, ys0 = max(0, -x0), max(0, -y0)
    xe, ye = min(w, a.shape[1] - x0), min(h, a.shape[0] - y0)
    al = s[ys0:ye, xs0:xe, 3:4] / 255.0
    col = s[ys0:ye, xs0:xe, :3]
    reg = a[y0 + ys0:y0 + ye, x0 + xs0:x0 + xe]
    a[y0 + ys0:y0 + ye, x0 + xs0:x0 + xe] = reg * (1 - al) + (reg * col / 255.0) * al
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def render_pdf(doc, path, font='wqy', title='', author='', creator='', producer=None, cdate=None, paper_img=None):
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.lib.utils import ImageReader
    if 'WQY' not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont('WQY', FONT, subfontIndex=0))
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    fname = 'WQY' if font == 'wqy' else 'STSong-Light'
    s = 595.27 / doc.W
    H = 841.89
    c = canvas.Canvas(path, pagesize=(595.27, H), invariant=1)
    c.setTitle(title); c.setAuthor(author); c.setCreator(creator)
    if producer:
        c._doc.info.producer = producer
    if cdate:
        c._doc._timeStamp = None
    seals = []
    for op in doc.ops:
        if op[0] == 'text':
            _, x, y, t, size, color, bold, fi = op
            c.setFillColorRGB(*[v / 255 for v in color])
            c.setFont(fname, size * s)
            if bold:
                c.setStrokeColorRGB(*[v / 255 for v in color]); c.setLineWidth(0.35)
                tobj = c.beginText(x * s, H - (y + size * 0.93) * s); tobj.setTextRenderMode(2)
                tobj.setFont(fname, size * s); tobj.textOut(t); c.drawText(tobj)
            else:
                c.drawString(x * s, H - (y + size * 0.93) * s, t)
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w, color = op
            c.setStrokeColorRGB(*[v / 255 for v in color]); c.setLineWidth(w * s)
            c.line(x1 * s, H - y1 * s, x2 * s, H - y2 * s)
        elif op[0] == 'rect':
            _, x1, y1, x2, y2, w, color = op
            c.setStrokeColorRGB(*[v / 255 for v in color]); c.setLineWidth(w * s)
            c.rect(x1 * s, H - y2 * s, (x2 - x1) * s, (y2 - y1) * s)
        elif op[0] == 'seal':
            seals.append(op)
    for _, img, cx, cy in seals:
        bio = io.BytesIO(); img.save(bio, 'PNG'); bio.seek(0)
        c.drawImage(ImageReader(bio), (cx - img.width / 2) * s, H - (cy + img.height / 2) * s,
                    img.width * s, img.height * s, mask='auto')
    c.showPage(); c.save()


def image_pdf(img, path, title='', creator='', producer=None, quality=80):
    from reportlab.pdfgen import canvas
    from reportlab.lib.utils import ImageReader
    c = canvas.Canvas(path, pagesize=(595.27, 841.89), invariant=1)
    c.setTitle(title); c.setCreator(creator)
    if producer:
        c._doc.info.producer = producer
    bio = io.BytesIO(); img.convert('RGB').save(bio, 'JPEG', quality=quality); bio.seek(0)
    r = img.height / img.width
    w = 595.27; h = w * r
    if h > 841.89:
        h = 841.89; w = h / r
    c.drawImage(ImageReader(bio), (595.27 - w) / 2, 841.89 - h, w, h)
    c.showPage(); c.save()


# ---------------------------------------------------------------- seals
def make_seal(ring, center='', shape='round', star=True, reg=None, d=230, seed=1, color=(205, 28, 36), fi=0,
              inner=False, ring_span=250, wear=0.18):
    S = 3
    W = int(d * (1.38 if shape == 'oval' else 1.0)) * S
    H = d * S
    m = Image.new('L', (W, H), 0)
    dr = ImageDraw.Draw(m)
    bw = int(d * 0.035 * S)
    dr.ellipse((bw, bw, W - bw, H - bw), outline=255, width=bw)
    a, b = W / 2 - bw * 2, H / 2 - bw * 2
    if inner:
        dr.ellipse((bw * 3.2, bw * 3.2, W - bw * 3.2, H - bw * 3.2), outline=255, width=max(2, bw // 3))
    cx, cy = W / 2, H / 2
    n = len(ring)
    fs = int(d * (0.135 if n <= 12 else 0.118 if n <= 16 else 0.10) * S)
    roff = fs * 0.6 + bw * 0.5 + (bw * 1.6 if inner else 0)
    span = (ring_span if n >= 9 else 210) if shape == 'round' else 200
    if shape == 'round' and n > 14: span, fs = 262, int(d * 0.105 * S)
    for i, ch in enumerate(ring):
        t = math.radians(-90 - span / 2 + span * (i + 0.5) / n)
        px = cx + (a - roff) * math.cos(t); py = cy + (b - roff) * math.sin(t)
        ci = Image.new('L', (int(fs * 1.6), int(fs * 1.6)), 0)
        ImageDraw.Draw(ci).text((fs * 0.8, fs * 0.8), ch, font=F(fs, fi), fill=255, anchor='mm')
        if shape == 'oval':
            ang = math.degrees(math.atan2(a * math.sin(t), b * math.cos(t))) + 90
        else:
            ang = math.degrees(t) + 90
        ci = ci.rotate(-ang, resample=Image.BICUBIC, expand=True)
        m.paste(255, (int(px - ci.width / 2), int(py - ci.height / 2)), ci)
    if star:
        R = H * 0.15; r = R * 0.382
        pts = []
        for k in range(10):
            rr = R if k % 2 == 0 else r
            t = math.radians(-90 + 36 * k)
            pts.append((cx + rr * math.cos(t), cy - H * 0.02 + rr * math.sin(t)))
        dr.polygon(pts, fill=255)
    if center:
        cf = F(int(d * 0.095 * S), fi)
        tw = cf.getlength(center)
        ty = cy + (H * 0.17 if star else -d * 0.05 * S)
        dr.text((cx - tw / 2, ty), center, font=cf, fill=255)
    if reg:
        rf = int(d * 0.062 * S)
        nn = len(reg); rs = min(70, nn * 5.2)
        for i, ch in enumerate(reg):
            t = math.radians(90 + rs / 2 - rs * (i + 0.5) / nn)
            px = cx + (a - rf * 0.9) * math.cos(t); py = cy + (b - rf * 0.9) * math.sin(t)
            ci = Image.new('L', (int(rf * 1.6), int(rf * 1.6)), 0)
            ImageDraw.Draw(ci).text((rf * 0.8, rf * 0.8), ch, font=F(rf, fi), fill=255, anchor='mm')
            ci = ci.rotate(-(math.degrees(t) - 90), resample=Image.BICUBIC, expand=True)
            m.paste(255, (int(px - ci.width / 2), int(py - ci.height / 2)), ci)
    m = m.resize((W // S, H // S), Image.LANCZOS)
    rng = np.random.default_rng(seed)
    noise = rng.random((H // S // 6 + 1, W // S // 6 + 1))
    noise = np.asarray(Image.fromarray((noise * 255).astype(np.uint8)).resize((W // S, H // S), Image.BICUBIC)) / 255.0
    fine = rng.random((H // S, W // S))
    mm = np.asarray(m) / 255.0
    mm = mm * np.clip(1.05 - wear * 2.2 * (noise < 0.3) - 0.25 * (fine < 0.08), 0.15, 1) * 0.92
    out = np.zeros((H // S, W // S, 4), np.uint8)
    out[..., 0], out[..., 1], out[..., 2] = color
    out[..., 3] = np.clip(mm * 255, 0, 255).astype(np.uint8)
    return Image.fromarray(out, 'RGBA').filter(ImageFilter.GaussianBlur(0.5))


# ---------------------------------------------------------------- captures
def homography(src, dst):
    A = []; B = []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    h = np.linalg.solve(np.array(A, float), np.array(B, float))
    return np.append(h, 1).reshape(3, 3)


def map_box(H, box):
    x1, y1, x2, y2 = box
    pts = np.array([[x1, y1, 1], [x2, y1, 1], [x1, y2, 1], [x2, y2, 1]], float).T
    q = H @ pts; q = q[:2] / q[2]
    return (q[0].min(), q[1].min(), q[0].max(), q[1].max())


def _noise(a, rng, sigma):
    return a + rng.normal(0, sigma, a.shape)


def cap_phone(img, rng, out=(1080, 1440), warm=False, dim=False, fold=False, screen=False, shadow=True, blur=0.9,
              tilt=45, bg=None):
    W, H = out
    if screen:
        a = np.asarray(img).astype(np.float32)
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
        pat = 0.9 + 0.1 * np.sin(xx * 0.9 + yy * 0.13) * np.sin(yy * 0.83)
        a = a * pat[..., None] * np.array([0.93, 0.98, 1.05]) + np.array([8, 12, 22])
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    sc = min(W * 0.86 / img.width, H * 0.86 / img.height)
    pw, ph = img.width * sc, img.height * sc
    ox, oy = (W - pw) / 2, (H - ph) / 2
    j = lambda: rng.uniform(-tilt, tilt)
    dst = [(ox + j(), oy + j()), (ox + pw + j(), oy + j()), (ox + pw + j(), oy + ph + j()), (ox + j(), oy + ph + j())]
    src = [(0, 0), (img.width, 0), (img.width, img.height), (0, img.height)]
    Hf = homography(src, dst)
    Hi = homography(dst, src)
    coeffs = tuple((Hi / Hi[2, 2]).flatten()[:8])
    warped = img.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new('L', img.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    bgc = bg or [(92, 70, 52), (120, 122, 126), (60, 62, 70), (170, 150, 120), (200, 200, 196)][rng.integers(5)]
    bga = np.ones((H, W, 3), np.float32) * np.array(bgc, np.float32)
    bga = _noise(bga, rng, 6)
    if screen:
        bga = bga * 0.25
    m = (np.asarray(mask) / 255.0)[..., None]
    a = np.asarray(warped).astype(np.float32) * m + bga * (1 - m)
    yy, xx = np.mgrid[0:H, 0:W] / np.array([H, W]).reshape(2, 1, 1)
    ang = rng.uniform(0, 2 * math.pi)
    g = 0.86 + 0.14 * (0.5 + 0.5 * np.cos(ang) * (xx - 0.5) * 2 + 0.5 * np.sin(ang) * (yy - 0.5) * 2)
    a = a * g[..., None]
    if shadow:
        sm = Image.new('L', (W, H), 0)
        cx0 = rng.uniform(0, W)
        ImageDraw.Draw(sm).polygon([(cx0, H), (cx0 + rng.uniform(150, 400), H * rng.uniform(0.4, 0.7)),
                                    (W + 50, H * rng.uniform(0.3, 0.6)), (W + 50, H)], fill=255)
        sm = np.asarray(sm.filter(ImageFilter.GaussianBlur(45))) / 255.0
        a = a * (1 - 0.28 * sm[..., None])
    if fold:
        fy = H * rng.uniform(0.42, 0.55)
        band = np.exp(-((np.mgrid[0:H, 0:W][0] - fy - (np.mgrid[0:H, 0:W][1] - W / 2) * 0.03) ** 2) / 18.0)
        side = (np.mgrid[0:H, 0:W][0] > fy).astype(np.float32)
        a = a * (1 - 0.22 * band[..., None]) * (1 - 0.06 * side[..., None])
    if warm:
        a = a * np.array([1.06, 0.95, 0.76])
    if dim:
        a = 255 * (a / 255) ** 1.25 * 0.62
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(blur))
    a = _noise(np.asarray(im).astype(np.float32), rng, 5 if dim else 2.8)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)), Hf


def cap_scan(img, rng, gray=False, angle=None, fax=False, photocopy=0, tone=244, warp=True):
    angle = rng.uniform(-0.8, 0.8) if angle is None else angle
    im = img
    if photocopy:
        im = im.convert('L')
        for k in range(photocopy):
            a = np.asarray(im).astype(np.float32)
            a = np.clip((a - 60) * 1.35, 0, 255)
            a = _noise(a, rng, 9)
            sp = rng.random(a.shape) < 0.0015
            a[sp] = 30
            im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
            im = im.rotate(rng.uniform(-0.7, 0.7), resample=Image.BICUBIC, fillcolor=235)
        gray = True
    if fax:
        im = im.convert('L').resize((im.width * 2 // 3, im.height * 2 // 3), Image.BILINEAR)
        a = np.asarray(im).astype(np.float32) + rng.normal(0, 18, (im.height, im.width))
        a = np.where(a > 150, 255, 0).astype(np.uint8)
        rows = rng.random(im.height) < 0.01
        a[rows] = np.where(rng.random((rows.sum(), im.width)) < 0.5, 0, 255)
        im = Image.fromarray(a).resize(img.size, Image.NEAREST)
        gray = True
    if warp and angle:
        im = im.rotate(angle, resample=Image.BICUBIC, fillcolor=255 if im.mode == 'L' else (255, 255, 255))
    a = np.asarray(im.convert('L') if gray else im.convert('RGB')).astype(np.float32)
    a = a * (tone / 255.0) + 6
    a = _noise(a, rng, 1.8)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return out.filter(ImageFilter.GaussianBlur(0.35))


def cap_wechat(img, rng, maxside=1280, quality=None, twice=False):
    im = img.convert('RGB')
    s = maxside / max(im.size)
    if s < 1:
        im = im.resize((int(im.width * s), int(im.height * s)), Image.BILINEAR)
    q = quality or int(rng.integers(68, 78))
    if twice:
        b = io.BytesIO(); im.save(b, 'JPEG', quality=q + 8); b.seek(0); im = Image.open(b).convert('RGB')
    return im, q


def screenshot(img, rng, app_title='文件预览', tm='10:24', w=720, h=1520, dark=False):
    sh = Image.new('RGB', (w, h), (245, 245, 245) if not dark else (30, 30, 30))
    d = ImageDraw.Draw(sh)
    d.rectangle((0, 0, w, 44), fill=(250, 250, 250))
    d.text((24, 10), tm, font=F(22), fill=(10, 10, 10))
    d.text((w - 120, 10), '5G  86%', font=F(20), fill=(10, 10, 10))
    d.rectangle((0, 44, w, 120), fill=(255, 255, 255))
    d.text((24, 66), '<', font=F(30), fill=(40, 40, 40))
    tw = F(28).getlength(app_title)
    d.text(((w - tw) / 2, 64), app_title, font=F(28), fill=(20, 20, 20))
    d.line((0, 120, w, 120), fill=(220, 220, 220))
    s = (w - 24) / img.width
    di = img.resize((int(img.width * s), int(img.height * s)), Image.LANCZOS)
    sh.paste(di, (12, 132))
    d.rectangle((0, h - 90, w, h), fill=(255, 255, 255))
    for i, t in enumerate(['分享', '下载', '打印']):
        d.text((80 + i * 230, h - 60), t, font=F(24), fill=(60, 60, 60))
    return sh, (12, 132, s)


def exif_bytes(make=None, model=None, dt=None, software=None):
    ex = Image.Exif()
    if make: ex[0x010F] = make
    if model: ex[0x0110] = model
    if software: ex[0x0131] = software
    if dt:
        ex[0x0132] = dt
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = dt; ifd[0x9004] = dt
    return ex.tobytes()
