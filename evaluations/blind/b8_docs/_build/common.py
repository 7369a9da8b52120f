# -*- coding: utf-8 -*-
"""Shared helpers for the b8_docs evaluation set: IDs, USCCs, seals, page layout,
image rendering, captures (phone / scanner / WeChat / PNG screenshot), PDF rendering."""
import io, math, random, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
_fcache = {}
def font(px, index=0):
    k = (int(px), index)
    if k not in _fcache:
        _fcache[k] = ImageFont.truetype(FONT_PATH, int(px), index=index)
    return _fcache[k]

# ---------------------------------------------------------------- IDs (GB 11643)
W17 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = '10X98765432'
def id_check(s17):
    return CHK[sum(int(a) * b for a, b in zip(s17, W17)) % 11]
def make_id(area, birth, seq3):
    s17 = '%s%s%03d' % (area, birth.strftime('%Y%m%d'), seq3)
    return s17 + id_check(s17)
def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()

# ---------------------------------------------------------------- USCC (GB 32100)
USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def uscc_make(prefix2, area6, rng):
    body = prefix2 + area6 + ''.join(rng.choice(USCC_CH[:10] + 'ABCDEFGHJKLMNPQRTUWXY' if i >= 2 else USCC_CH[:10]) for i in range(9))
    s = sum(USCC_CH.index(c) * w for c, w in zip(body, USCC_W))
    c = 31 - s % 31
    return body + USCC_CH[0 if c == 31 else c]

def lawyer_licence(area4, year, gender_digit, rng):
    # 17 digits: 1 + region(4) + year(4) + type(1) + gender(1) + serial(6)
    return '1%s%d1%d%06d' % (area4, year, gender_digit, rng.randint(1, 999999))

def cn_date(d):
    return '%d年%d月%d日' % (d.year, d.month, d.day)

# ---------------------------------------------------------------- seals
def make_seal(ring, centre_text, style, seed, code=None):
    """Return RGBA 600x600 seal impression (unique ink texture per seed).
    style: dict(ring_w, text_px, span, star_r, centre_px, radius_text, colour)"""
    rng = np.random.RandomState(seed)
    S = 600; c = S / 2
    R = 288
    m = Image.new('L', (S, S), 0)
    d = ImageDraw.Draw(m)
    rw = style['ring_w']
    d.ellipse([c - R, c - R, c + R, c + R], outline=255, width=rw)
    # star
    sr = style['star_r']
    pts = []
    for k in range(10):
        ang = math.pi / 2 + k * math.pi / 5
        r = sr if k % 2 == 0 else sr * 0.382
        pts.append((c + r * math.cos(ang), c - r * math.sin(ang)))
    d.polygon(pts, fill=255)
    # ring text
    n = len(ring); span = style['span']; rt = style['radius_text']; tp = style['text_px']
    f = font(tp)
    for i, ch in enumerate(ring):
        th = 90 + span / 2 - (i * span / (n - 1) if n > 1 else span / 2)
        g = Image.new('L', (tp + 20, tp + 20), 0)
        ImageDraw.Draw(g).text(((tp + 20) / 2, (tp + 20) / 2), ch, font=f, fill=255, anchor='mm')
        g = g.transform(g.size, Image.AFFINE, (0.78, 0, (tp + 20) / 2 * 0.22, 0, 1, 0))  # condensed glyphs
        g = g.rotate(th - 90, resample=Image.BICUBIC, expand=True)
        x = c + rt * math.cos(math.radians(th)); y = c - rt * math.sin(math.radians(th))
        m.paste(255, (int(x - g.size[0] / 2), int(y - g.size[1] / 2)), g)
    if centre_text:
        cf = font(style['centre_px'])
        d.text((c, c + sr + 20 + style['centre_px'] / 2), centre_text, font=cf, fill=255, anchor='mm')
    if code:
        cf = font(26)
        n2 = len(code); sp2 = 50
        for i, ch in enumerate(code):
            th = 270 - sp2 / 2 + i * sp2 / (n2 - 1)
            g = Image.new('L', (40, 40), 0)
            ImageDraw.Draw(g).text((20, 20), ch, font=cf, fill=255, anchor='mm')
            g = g.rotate(th - 270, resample=Image.BICUBIC, expand=True)
            x = c + (R - rw - 22) * math.cos(math.radians(th)); y = c - (R - rw - 22) * math.sin(math.radians(th))
            m.paste(255, (int(x - g.size[0] / 2), int(y - g.size[1] / 2)), g)
    a = np.asarray(m, dtype=np.float32) / 255.0
    # ink texture: low-frequency unevenness + speckle dropouts
    low = rng.rand(12, 12).astype(np.float32)
    low = np.asarray(Image.fromarray((low * 255).astype(np.uint8)).resize((S, S), Image.BICUBIC), np.float32) / 255
    tilt = np.linspace(rng.uniform(0.55, 1.0), rng.uniform(0.55, 1.0), S)[None, :] * np.ones((S, 1))
    speck = (rng.rand(S, S) > rng.uniform(0.03, 0.09)).astype(np.float32)
    speck = np.asarray(Image.fromarray((speck * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2)), np.float32) / 255
    a = a * np.clip(0.45 + 0.55 * low * tilt + 0.15, 0, 1) * np.clip(speck * 1.2, 0, 1)
    a = np.asarray(Image.fromarray((a * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8)), np.float32)
    col = style.get('colour', (214, 32, 42))
    jitter = rng.randint(-12, 12, 3)
    rgb = np.zeros((S, S, 4), np.uint8)
    rgb[..., 0] = np.clip(col[0] + jitter[0], 0, 255); rgb[..., 1] = np.clip(col[1] + jitter[1] // 2, 0, 255)
    rgb[..., 2] = np.clip(col[2] + jitter[2] // 2, 0, 255); rgb[..., 3] = a.astype(np.uint8)
    im = Image.fromarray(rgb, 'RGBA')
    ang = rng.uniform(-14, 14)
    return im.rotate(ang, resample=Image.BICUBIC)

# ---------------------------------------------------------------- layout
# A page is a list of ops in millimetres on A4 (210x297); y is the text baseline.
class Page:
    def __init__(self):
        self.ops = []
    def text(self, x, y, s, pt=12, tag=None, anchor='l'):
        self.ops.append(('text', x, y, s, pt, tag, anchor))
    def line(self, x1, y1, x2, y2, w=0.4):
        self.ops.append(('line', x1, y1, x2, y2, w))
    def seal(self, cx, cy, img, dia_mm=42):
        self.ops.append(('seal', cx, cy, img, dia_mm))

def text_width_mm(s, pt):
    return font(200).getlength(s) / 200 * pt * 25.4 / 72

def wrap(s, pt, width_mm, indent=True):
    lines = []; cur = '\u3000\u3000' if indent else ''
    for ch in s:
        if text_width_mm(cur + ch, pt) > width_mm:
            lines.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines

def std_doc(header, title, no, fields, paras, issuer, date_str, seal_img, seal_dia=42,
            extra_top=None, sign_lines=None, pt=12.5, title_pt=22):
    """Standard certificate layout. fields: list of (label, value, tag)."""
    p = Page()
    y = 28
    if header:
        p.text(105, y, header, 15, 'header', 'm'); y += 7
    if extra_top:
        for t in extra_top:
            p.text(105, y, t, 9.5, None, 'm'); y += 5
    if header or extra_top:
        p.line(22, y, 188, y, 0.6); y += 14
    p.text(105, y, title, title_pt, 'title', 'm'); y += 10
    if no:
        p.text(188, y, no, 10.5, 'no', 'r'); y += 10
    else:
        y += 4
    for lab, val, tag in fields:
        p.text(28, y, lab + '：', pt, None)
        p.text(28 + text_width_mm(lab + '：', pt), y, val, pt, tag)
        y += 9.5
    y += 3
    for para in paras:
        if isinstance(para, tuple):   # (text, tag) un-wrapped single line
            p.text(28, y, para[0], pt, para[1]); y += 8.5; continue
        for ln in wrap(para, pt, 154):
            p.text(28, y, ln, pt, None); y += 8.5
        y += 2
    y = max(y + 18, 200)
    if sign_lines:
        for s, tag in sign_lines:
            p.text(182, y, s, pt, tag, 'r'); y += 9
    p.text(182, y, issuer, pt, 'issuer', 'r')
    p.text(182, y + 10, date_str, pt, 'date', 'r')
    if seal_img is not None:
        p.seal(182 - text_width_mm(issuer, pt) / 2 + random.Random(sum(map(ord, issuer))).uniform(-6, 6), y + 2, seal_img, seal_dia)
    return p

# ---------------------------------------------------------------- raster render
def render(page, dpi=150, paper=(252, 251, 247)):
    k = dpi / 25.4
    W, H = int(210 * k), int(297 * k)
    im = Image.new('RGB', (W, H), paper)
    d = ImageDraw.Draw(im)
    boxes = {}; chars = {}
    seals = []
    for op in page.ops:
        if op[0] == 'text':
            _, x, y, s, pt, tag, anchor = op
            f = font(pt * dpi / 72)
            wpx = f.getlength(s)
            x0 = x * k - (wpx if anchor == 'r' else wpx / 2 if anchor == 'm' else 0)
            d.text((x0, y * k), s, font=f, fill=(24, 24, 26), anchor='ls')
            if tag:
                asc, desc = f.getmetrics()
                boxes[tag] = (int(x0), int(y * k - asc * 0.92), int(x0 + wpx), int(y * k + desc * 0.6))
                cl = []; cx = x0
                for ch in s:
                    cw = f.getlength(ch)
                    cl.append((ch, (int(cx), int(y * k - asc * 0.85), int(cx + cw), int(y * k + desc * 0.4))))
                    cx += cw
                chars[tag] = cl
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w = op
            d.line([(x1 * k, y1 * k), (x2 * k, y2 * k)], fill=(40, 40, 40), width=max(1, int(w * k)))
        elif op[0] == 'seal':
            seals.append(op)
    arr = np.asarray(im, np.float32)
    for _, cx, cy, simg, dia in seals:
        px = int(dia * k)
        s = simg.resize((px, px), Image.LANCZOS)
        sa = np.asarray(s, np.float32)
        x0 = int(cx * k - px / 2); y0 = int(cy * k - px / 2)
        a = sa[..., 3:4] / 255.0
        region = arr[y0:y0 + px, x0:x0 + px]
        region[:] = region * (1 - a * (1 - sa[..., :3] / 255.0))
        boxes['seal'] = (x0, y0, x0 + px, y0 + px)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8)), boxes, chars

# ---------------------------------------------------------------- PDF render
_rl = None
def _rl_init():
    global _rl
    if _rl is None:
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfbase import pdfmetrics
        pdfmetrics.registerFont(TTFont('WQYMicroHei', FONT_PATH, subfontIndex=0))
        _rl = True

def render_pdf(page, meta, only_tags=None):
    from reportlab.pdfgen import canvas
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    _rl_init()
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=(210 * mm, 297 * mm), invariant=1)
    c.setTitle(meta.get('title', '')); c.setAuthor(meta.get('author', ''))
    c.setCreator(meta.get('creator', '')); c.setProducer(meta.get('producer', 'ReportLab PDF Library'))
    for op in page.ops:
        if op[0] == 'text':
            _, x, y, s, pt, tag, anchor = op
            c.setFont('WQYMicroHei', pt); c.setFillColorRGB(0.09, 0.09, 0.1)
            Y = (297 - y) * mm
            if anchor == 'r': c.drawRightString(x * mm, Y, s)
            elif anchor == 'm': c.drawCentredString(x * mm, Y, s)
            else: c.drawString(x * mm, Y, s)
        elif op[0] == 'line':
            _, x1, y1, x2, y2, w = op
            c.setLineWidth(w * mm); c.line(x1 * mm, (297 - y1) * mm, x2 * mm, (297 - y2) * mm)
    for op in page.ops:
        if op[0] == 'seal':
            _, cx, cy, simg, dia = op
            s = simg.resize((300, 300), Image.LANCZOS)
            c.drawImage(ImageReader(s), (cx - dia / 2) * mm, (297 - cy - dia / 2) * mm, dia * mm, dia * mm, mask='auto')
    c.showPage(); c.save()
    data = b.getvalue()
    if 'date' in meta:   # fix creation date string (invariant mode uses 2000-01-01)
        from pypdf import PdfReader, PdfWriter
        r = PdfReader(io.BytesIO(data)); w = PdfWriter(clone_from=r)
        w.add_metadata({'/CreationDate': meta['date'], '/ModDate': meta['date']})
        o = io.BytesIO(); w.write(o); data = o.getvalue()
    return data

def pdf_date(d, hh=10, mi=0):
    return "D:%04d%02d%02d%02d%02d%02d+08'00'" % (d.year, d.month, d.day, hh, mi, 0)

# ---------------------------------------------------------------- captures
def _homography(src, dst):
    A = []; B = []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    h = np.linalg.solve(np.array(A, float), np.array(B, float))
    return np.append(h, 1).reshape(3, 3)

def phone_photo(img, seed, out_w=1200):
    """Perspective, desk background, uneven light + shadow, blur, sensor noise.
    Returns (image, mapper) where mapper maps page px -> output px."""
    rng = np.random.RandomState(seed)
    W, H = img.size
    OW, OH = int(W * 1.18), int(H * 1.14)
    j = lambda s: rng.uniform(-s, s)
    m = 0.06
    dst = [(OW * m + j(40), OH * m + j(40)), (OW * (1 - m) + j(40), OH * m + j(40)),
           (OW * (1 - m) + j(40), OH * (1 - m) + j(40)), (OW * m + j(40), OH * (1 - m) + j(40))]
    src = [(0, 0), (W, 0), (W, H), (0, H)]
    Hinv = _homography(dst, src)
    Hf = _homography(src, dst)
    bg = np.array([rng.randint(90, 170), rng.randint(80, 150), rng.randint(60, 130)], np.float32)
    base = Image.new('RGB', (OW, OH), tuple(int(v) for v in bg))
    warped = img.transform((OW, OH), Image.PERSPECTIVE, tuple(Hinv.flatten()[:8]), Image.BICUBIC, fillcolor=None)
    mask = Image.new('L', img.size, 255).transform((OW, OH), Image.PERSPECTIVE, tuple(Hinv.flatten()[:8]), Image.BILINEAR)
    base.paste(warped, (0, 0), mask)
    a = np.asarray(base, np.float32)
    yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
    light = 0.80 + 0.2 * (xx / OW * rng.uniform(-1, 1) + yy / OH * rng.uniform(-1, 1)) / 2 + 0.1
    # soft shadow of phone/hand
    sx, sy, sr = rng.uniform(0, OW), rng.uniform(0, OH), rng.uniform(0.25, 0.5) * OW
    shadow = 1 - 0.28 * np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * sr ** 2)))
    tint = np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.9, 0.98)], np.float32)
    a = a * (light * shadow)[..., None] * tint
    a += rng.normal(0, 3.0, a.shape)
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.1)))
    sc = out_w / OW
    out = out.resize((out_w, int(OH * sc)), Image.LANCZOS)
    def mapper(x, y):
        v = Hf @ np.array([x, y, 1.0]); return (v[0] / v[2] * sc, v[1] / v[2] * sc)
    return out, mapper

def scanner(img, seed, grey=False):
    rng = np.random.RandomState(seed)
    ang = rng.uniform(-0.8, 0.8)
    im = img.rotate(ang, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    a = np.asarray(im, np.float32)
    a = 255 - (255 - a) * rng.uniform(1.0, 1.15)
    a += rng.normal(0, 1.5, a.shape)
    if grey:
        a = a.mean(axis=2, keepdims=True).repeat(3, axis=2)
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    W, H = img.size; cx, cy = W / 2, H / 2; t = math.radians(ang)
    def mapper(x, y):
        dx, dy = x - cx, y - cy
        return (cx + dx * math.cos(t) + dy * math.sin(t), cy - dx * math.sin(t) + dy * math.cos(t))
    return out, mapper

# phone-style (non-standard) quantisation tables
def phone_qtables(seed):
    rng = np.random.RandomState(seed)
    base_l = np.array([[2,1,1,2,2,4,5,6],[1,1,1,2,3,6,6,6],[1,1,2,2,4,6,7,6],[1,2,2,3,5,9,8,6],
                       [2,2,4,6,7,11,10,8],[2,4,6,6,8,10,11,9],[5,6,8,9,10,12,12,10],[7,9,10,10,11,10,10,10]])
    base_c = np.array([[2,2,2,5,10,10,10,10],[2,2,3,7,10,10,10,10],[2,3,6,10,10,10,10,10],[5,7,10,10,10,10,10,10]] + [[10]*8]*4)
    s = rng.choice([1, 1, 2])
    return [list((base_l * s).flatten().clip(1, 255)), list((base_c * s).flatten().clip(1, 255))]

def exif_phone(make, model, when, software=None, modify=None):
    ex = Image.Exif()
    ex[0x010F] = make; ex[0x0110] = model
    ex[0x0132] = (modify or when).strftime('%Y:%m:%d %H:%M:%S')
    if software: ex[0x0131] = software
    sub = ex.get_ifd(0x8769)
    sub[0x9003] = when.strftime('%Y:%m:%d %H:%M:%S'); sub[0x9004] = when.strftime('%Y:%m:%d %H:%M:%S')
    sub[0x9010] = '+08:00'; sub[0x829D] = 1.8; sub[0x8827] = 100
    return ex

def save_jpeg(img, path, quality=None, qtables=None, exif=None, dpi=None, subsampling=2):
    kw = {}
    if qtables: kw['qtables'] = qtables
    else: kw['quality'] = quality
    if exif is not None: kw['exif'] = exif
    if dpi: kw['dpi'] = dpi
    img.save(path, 'JPEG', subsampling=subsampling, **kw)

def jpeg_roundtrip(img, q):
    b = io.BytesIO(); img.save(b, 'JPEG', quality=q); b.seek(0)
    return Image.open(b).convert('RGB')

def wechat(img, long_side=1280):
    W, H = img.size; s = long_side / max(W, H)
    if s < 1: img = img.resize((int(W * s), int(H * s)), Image.LANCZOS)
    return img

def screenshot(img, seed, app_title, when):
    """Phone screenshot (1080x2340) of an e-certificate viewer."""
    rng = np.random.RandomState(seed)
    S = Image.new('RGB', (1080, 2340), (242, 242, 246))
    d = ImageDraw.Draw(S)
    d.rectangle([0, 0, 1080, 90], fill=(255, 255, 255))
    d.text((50, 45), when.strftime('%H:%M'), font=font(36), fill=(0, 0, 0), anchor='lm')
    d.text((1030, 45), '5G  %d%%' % rng.randint(20, 95), font=font(32), fill=(0, 0, 0), anchor='rm')
    d.rectangle([0, 90, 1080, 230], fill=(255, 255, 255))
    d.text((540, 160), app_title, font=font(44), fill=(20, 20, 20), anchor='mm')
    d.text((50, 160), '〈', font=font(48), fill=(20, 20, 20), anchor='lm')
    w = 1020; pg = img.resize((w, int(img.size[1] * w / img.size[0])), Image.LANCZOS)
    S.paste(pg, (30, 270))
    d.rounded_rectangle([60, 2160, 1020, 2280], 20, fill=(22, 119, 255))
    d.text((540, 2220), '下载PDF', font=font(42), fill=(255, 255, 255), anchor='mm')
    def mapper(x, y):
        return (30 + x * w / img.size[0], 270 + y * w / img.size[0])
    return S, mapper
