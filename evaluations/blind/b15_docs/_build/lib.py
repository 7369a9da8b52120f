# -*- coding: utf-8 -*-
"""Primitives: IDs, USCC, seals, page layout (Pillow + reportlab), capture pipelines."""
import io, math, random, hashlib, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageOps, ImageEnhance

FD = '/tmp/b15docs_scratch/fonts'
FONT_FILES = {
    'hei': (FD + '/paperang_p2_fonts_cjk/paperang_p2_fonts_cjk/fonts/wqy-microhei.ttc', 0),
    'sans': (FD + '/pylo/pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf', 0),
    'song': (FD + '/pylo/pylopdf_fonts_zh_cn/NotoSerifSC-Regular.otf', 0),
    'bold': (FD + '/rinoh_typeface_notosanscjk/rinoh_typeface_notosanscjk/notosanscjkjp-bold.otf', 0),
}
_fcache = {}


def font(key, px):
    k = (key, int(px))
    if k not in _fcache:
        f, idx = FONT_FILES[key]
        _fcache[k] = ImageFont.truetype(f, int(px), index=idx)
    return _fcache[k]

# ---------------------------------------------------------------- identifiers
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = '10X98765432'


def id_check(s17):
    return CK[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def make_id(region, birth, seq3):
    s = '%s%s%03d' % (region, birth, seq3)
    return s + id_check(s)


def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return id_check(s[:17]) == s[17].upper()

USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(prefix2, region6, body9):
    s = prefix2 + region6 + body9
    t = sum(USCC_CH.index(c) * w for c, w in zip(s, USCC_W))
    return s + USCC_CH[(31 - t % 31) % 31]

# ---------------------------------------------------------------- seals
RED = np.array([214, 34, 44], dtype=np.float32)


def _char_img(ch, f, angle):
    bb = f.getbbox(ch)
    w, h = bb[2] - bb[0] + 4, bb[3] - bb[1] + 4
    im = Image.new('L', (w, h), 0)
    ImageDraw.Draw(im).text((2 - bb[0], 2 - bb[1]), ch, fill=255, font=f)
    return im.rotate(angle, resample=Image.BICUBIC, expand=True)


def seal_die(ring, center='', star=True, shape='round', reg='', fontkey='song', D=560, ring_span=None,
             inner_ring=False, center_size=0.085):
    """Return an L mask (255 = ink) of a seal die, D x D (round) or D x 0.72D (oval)."""
    if shape == 'round':
        Wd, Hd = D, D
        a = b = D * 0.475
    else:
        Wd, Hd = D, int(D * 0.72)
        a, b = D * 0.475, Hd * 0.475
    im = Image.new('L', (Wd, Hd), 0)
    dr = ImageDraw.Draw(im)
    cx, cy = Wd / 2, Hd / 2
    lw = max(6, int(D * 0.03))
    dr.ellipse([cx - a, cy - b, cx + a, cy + b], outline=255, width=lw)
    if inner_ring:
        dr.ellipse([cx - a * 0.93, cy - b * 0.93, cx + a * 0.93, cy + b * 0.93], outline=255, width=max(2, lw // 3))
    n = len(ring)
    fsz = int(D * (0.13 if n <= 12 else 0.115 if n <= 16 else 0.098))
    f = font(fontkey, fsz)
    span = ring_span or (min(250, 150 + n * 8) if shape == 'round' else min(230, 140 + n * 8))
    ra, rb = a - lw - fsz * 0.62, b - lw - fsz * 0.62
    for i, ch in enumerate(ring):
        th = math.radians(-span / 2 + span * (i + 0.5) / n)
        x, y = cx + ra * math.sin(th), cy - rb * math.cos(th)
        # tangent direction
        tx, ty = ra * math.cos(th), rb * math.sin(th)
        ang = -math.degrees(math.atan2(ty, tx))
        ci = _char_img(ch, f, ang)
        im.paste(255, (int(x - ci.width / 2), int(y - ci.height / 2)), ci)
    if star:
        rs = D * 0.12 if shape == 'round' else Hd * 0.13
        sy = cy - (D * 0.02 if shape == 'round' else Hd * 0.08)
        pts = []
        for k in range(10):
            r = rs if k % 2 == 0 else rs * 0.382
            t = math.radians(-90 + 36 * k)
            pts.append((cx + r * math.cos(t), sy + r * math.sin(t)))
        dr.polygon(pts, fill=255)
    if center:
        f2 = font(fontkey, int(D * center_size))
        wlen = f2.getlength(center)
        yy = cy + (D * 0.17 if star and shape == 'round' else Hd * 0.16 if star else -D * 0.04)
        dr.text((cx - wlen / 2, yy), center, fill=255, font=f2)
    if reg:
        f3 = font('hei', int(D * 0.05))
        m = len(reg)
        span2 = 70 if shape == 'round' else 60
        rr_a, rr_b = a - lw - D * 0.04, b - lw - D * 0.04
        for i, ch in enumerate(reg):
            th = math.radians(180 + span2 / 2 - span2 * (i + 0.5) / m)
            x, y = cx + rr_a * math.sin(th), cy - rr_b * math.cos(th)
            ci = _char_img(ch, f3, -(math.degrees(th) - 180))
            im.paste(255, (int(x - ci.width / 2), int(y - ci.height / 2)), ci)
    return im


def seal_impression(die, px, seed, rot=None, strength=0.9):
    """An inked impression (RGBA, red) of a die at diameter px. Seed decides ink texture."""
    rng = np.random.default_rng(seed)
    if rot is None:
        rot = rng.uniform(-25, 25)
    d = die.rotate(rot, resample=Image.BICUBIC, expand=False)
    h = int(px * die.height / die.width)
    d = d.resize((px, h), Image.LANCZOS)
    m = np.asarray(d, dtype=np.float32) / 255.0
    # ink mottling: low-frequency field + speckle
    lo = rng.random((max(2, h // 28), max(2, px // 28))).astype(np.float32)
    lo = np.asarray(Image.fromarray((lo * 255).astype(np.uint8)).resize((px, h), Image.BICUBIC), dtype=np.float32) / 255
    grad = np.linspace(rng.uniform(0.55, 1.0), rng.uniform(0.55, 1.0), px)[None, :]
    field = np.clip(0.45 + 0.6 * lo * grad + 0.25 * grad, 0, 1)
    speck = rng.random((h, px)) > rng.uniform(0.03, 0.12)
    a = m * field * speck * strength
    a = np.asarray(Image.fromarray((np.clip(a, 0, 1) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7)))
    rgba = np.zeros((h, px, 4), np.uint8)
    col = RED + rng.normal(0, 6, 3)
    rgba[..., :3] = np.clip(col, 0, 255)
    rgba[..., 3] = a
    return Image.fromarray(rgba, 'RGBA')


def multiply_paste(page, stamp, xy):
    """Multiply-blend an RGBA stamp onto an RGB page (in place, returns page)."""
    x, y = int(xy[0]), int(xy[1])
    pa = np.asarray(page, dtype=np.float32).copy()
    s = np.asarray(stamp, dtype=np.float32)
    h, w = s.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(pa.shape[1], x + w), min(pa.shape[0], y + h)
    ss = s[y0 - y:y1 - y, x0 - x:x1 - x]
    al = ss[..., 3:4] / 255.0
    region = pa[y0:y1, x0:x1]
    pa[y0:y1, x0:x1] = region * (1 - al) + region * (ss[..., :3] / 255.0) * al
    return Image.fromarray(np.clip(pa, 0, 255).astype(np.uint8))

# ---------------------------------------------------------------- layout
# A page spec: dict(w_mm, h_mm, items=[...]); items:
#  ('text', x_mm, y_mm(top), text, fontkey, size_pt, opts) opts: align 'l'|'c'|'r', color
#  ('line', x0, y0, x1, y1, width_pt)
#  ('rect', x0, y0, x1, y1, width_pt)
#  ('seal', x_mm_center, y_mm_center, RGBA image, diameter_mm)
#  ('sig', x_mm, y_mm, text)  handwritten-ish signature (rendered in a font with jitter)
MM = 1 / 25.4


def wrap(text, fontkey, pt, width_mm, first_indent=2):
    """Greedy CJK wrap; returns list of lines (first line indented by first_indent chars)."""
    f = font(fontkey, 100)
    lines, cur = [], '\u3000' * first_indent
    lim = width_mm / 25.4 * 72 / pt * 100
    for ch in text:
        if f.getlength(cur + ch) > lim and cur.strip():
            if ch in '，。、；：）”' and len(cur) > 1:
                lines.append(cur[:-1]); cur = cur[-1] + ch
            else:
                lines.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def render_png(spec, dpi=150, paper=(252, 252, 250)):
    s = dpi * MM
    W, H = int(spec['w_mm'] * s), int(spec['h_mm'] * s)
    page = Image.new('RGB', (W, H), paper)
    dr = ImageDraw.Draw(page)
    boxes = []  # (text, bbox px, fontkey, px_size, x,y)
    seals = []
    for it in spec['items']:
        k = it[0]
        if k == 'text':
            _, x, y, t, fk, pt, o = it
            px = pt / 72 * dpi
            f = font(fk, px)
            wl = f.getlength(t)
            xx = x * s
            al = o.get('align', 'l')
            if al == 'c':
                xx -= wl / 2
            elif al == 'r':
                xx -= wl
            col = o.get('color', (20, 20, 22))
            dr.text((xx, y * s), t, fill=col, font=f)
            if o.get('bold'):
                dr.text((xx + 1, y * s), t, fill=col, font=f)
            boxes.append(dict(text=t, x=xx, y=y * s, fk=fk, px=px, w=wl))
        elif k in ('line', 'rect'):
            _, x0, y0, x1, y1, lw = it
            wpx = max(1, int(lw / 72 * dpi))
            if k == 'line':
                dr.line([x0 * s, y0 * s, x1 * s, y1 * s], fill=(30, 30, 30), width=wpx)
            else:
                dr.rectangle([x0 * s, y0 * s, x1 * s, y1 * s], outline=(30, 30, 30), width=wpx)
        elif k == 'sig':
            _, x, y, t = it
            f = font('bold', 16 / 72 * dpi)
            xx = x * s
            rnd = random.Random(hash(t) & 0xffff)
            for ch in t:
                ci = Image.new('L', (int(f.size * 1.6), int(f.size * 1.6)), 0)
                ImageDraw.Draw(ci).text((4, 0), ch, fill=255, font=f)
                ci = ci.rotate(rnd.uniform(-14, 8), resample=Image.BICUBIC).transform(
                    ci.size, Image.AFFINE, (1, rnd.uniform(-0.3, 0.1), 0, 0, 1, 0), resample=Image.BICUBIC)
                page.paste((25, 35, 90), (int(xx), int(y * s + rnd.uniform(-3, 3))), ci)
                xx += f.size * rnd.uniform(0.7, 0.95)
    for it in spec['items']:
        if it[0] == 'seal':
            _, x, y, st, dmm = it
            px = int(dmm * s)
            im = st.resize((px, int(px * st.height / st.width)), Image.LANCZOS)
            pos = (x * s - im.width / 2, y * s - im.height / 2)
            page = multiply_paste(page, im, pos)
            seals.append((int(pos[0]), int(pos[1]), im.width, im.height))
    page.info['boxes'] = boxes
    page.info['seals'] = seals
    return page


def find_box(page, needle, scale=1.0):
    """Pixel bbox (x0,y0,x1,y1) of a substring in the rendered page (scaled)."""
    for b in page.info['boxes']:
        i = b['text'].find(needle)
        if i >= 0:
            f = font(b['fk'], b['px'])
            x0 = b['x'] + f.getlength(b['text'][:i])
            x1 = x0 + f.getlength(needle)
            asc = f.getbbox('国')
            return tuple(int(v * scale) for v in (x0, b['y'] + asc[1] - 2, x1, b['y'] + asc[3] + 2))
    raise KeyError(needle)


def render_pdf(spec, path, meta, fontmap=None, compress=1):
    from reportlab.pdfgen import canvas
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.lib.utils import ImageReader
    try:
        pdfmetrics.getFont('WQY')
    except KeyError:
        pdfmetrics.registerFont(TTFont('WQY', FONT_FILES['hei'][0], subfontIndex=0))
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    fm = fontmap or {'hei': 'WQY', 'sans': 'WQY', 'bold': 'WQY', 'song': 'STSong-Light'}
    H = spec['h_mm']
    c = canvas.Canvas(path, pagesize=(spec['w_mm'] * mm, H * mm), pageCompression=compress,
                      invariant=1)
    c.setTitle(meta.get('title', ''))
    c.setAuthor(meta.get('author', ''))
    c.setCreator(meta.get('creator', ''))
    c.setProducer(meta.get('producer', 'ReportLab PDF Library - www.reportlab.com'))
    c.setSubject(meta.get('subject', ''))
    for it in spec['items']:
        k = it[0]
        if k == 'text':
            _, x, y, t, fk, pt, o = it
            fn = fm[fk]
            c.setFont(fn, pt)
            col = o.get('color', (20, 20, 22))
            c.setFillColorRGB(*[v / 255 for v in col])
            yy = (H - y) * mm - pt * 0.88
            al = o.get('align', 'l')
            if al == 'c':
                c.drawCentredString(x * mm, yy, t)
            elif al == 'r':
                c.drawRightString(x * mm, yy, t)
            else:
                c.drawString(x * mm, yy, t)
        elif k == 'line':
            _, x0, y0, x1, y1, lw = it
            c.setLineWidth(lw); c.line(x0 * mm, (H - y0) * mm, x1 * mm, (H - y1) * mm)
        elif k == 'rect':
            _, x0, y0, x1, y1, lw = it
            c.setLineWidth(lw); c.rect(x0 * mm, (H - y1) * mm, (x1 - x0) * mm, (y1 - y0) * mm)
        elif k == 'sig':
            _, x, y, t = it
            c.setFont(fm['bold'], 15); c.setFillColorRGB(0.1, 0.14, 0.35)
            c.drawString(x * mm, (H - y) * mm - 14, t)
    for it in spec['items']:
        if it[0] == 'seal':
            _, x, y, st, dmm = it
            hmm = dmm * st.height / st.width
            im = st.resize((360, int(360 * st.height / st.width)), Image.LANCZOS)
            c.drawImage(ImageReader(im), (x - dmm / 2) * mm, (H - y - hmm / 2) * mm, dmm * mm, hmm * mm, mask='auto')
    c.showPage()
    c.save()

# ---------------------------------------------------------------- captures


def exif_bytes(make=None, model=None, when=None, software=None, extra=True, w=None, h=None):
    ex = Image.Exif()
    if make:
        ex[0x010F] = make
    if model:
        ex[0x0110] = model
    if software:
        ex[0x0131] = software
    if when:
        ex[0x0132] = when.strftime('%Y:%m:%d %H:%M:%S')
    if when or extra:
        ifd = ex.get_ifd(0x8769)
        if when:
            ifd[0x9003] = when.strftime('%Y:%m:%d %H:%M:%S')
            ifd[0x9004] = when.strftime('%Y:%m:%d %H:%M:%S')
        if extra and make:
            ifd[0x829A] = (1, random.choice([30, 50, 60, 100, 120]))
            ifd[0x8827] = random.choice([64, 100, 200, 400, 800])
            ifd[0x920A] = (random.choice([426, 473, 554, 600]), 100)
            ifd[0x829D] = (18, 10)
    return ex.tobytes()


def _persp_coeffs(dst, src):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def _lowfreq(rng, h, w, cells=6):
    lo = rng.random((cells, cells)).astype(np.float32)
    return np.asarray(Image.fromarray(lo, 'F').resize((w, h), Image.BICUBIC), np.float32)


def phone_photo(doc, seed, out_long=2000, dim=False, fold=False, crumple=False, screen=False, blur=1.0,
                shadow=True, bg=None, landscape=False):
    rng = np.random.default_rng(seed)
    d = doc.convert('RGB')
    if screen:
        a = np.asarray(d, np.float32)
        a = a * 0.86 + np.array([10, 18, 34])  # bluish emissive
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
        moire = 0.93 + 0.07 * np.sin(xx * 0.9 + yy * 0.13) * np.sin(yy * 0.83)
        a = a * moire[..., None]
        d = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if crumple:
        a = np.asarray(d, np.float32)
        h, w = a.shape[:2]
        f1 = _lowfreq(rng, h, w, 10) + 0.06 * _lowfreq(rng, h, w, 31)
        gy, gx = np.gradient(f1)
        shade = 1 + 0.35 * (gx * 0.8 + gy * 0.6) * w / 31
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        for _ in range(5):  # a few sharp creases
            x0, y0, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
            dd = (xx - x0) * np.sin(ang) - (yy - y0) * np.cos(ang)
            shade -= 0.07 * np.exp(-(dd / 3.0) ** 2) - 0.03 * np.tanh(dd / 25) * np.exp(-np.abs(dd) / 60)
        a = a * np.clip(shade, 0.72, 1.1)[..., None]
        d = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if fold:
        a = np.asarray(d, np.float32)
        h, w = a.shape[:2]
        yy = np.arange(h)[:, None]
        for fy in ([h // 3, 2 * h // 3] if fold == 2 else [h // 2]):
            dist = (yy - fy) / (h * 0.012)
            prof = 1 - 0.16 * np.exp(-dist ** 2) + 0.05 * np.tanh(dist) * np.exp(-np.abs(dist) / 8)
            a = a * prof[..., None]
        d = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if landscape:
        OW, OH = out_long, int(out_long * 0.75)
    else:
        OW, OH = int(out_long * 0.75), out_long
    # destination quad for the page
    sc = min(OW / d.width, OH / d.height) * rng.uniform(0.80, 0.92)
    pw, ph = d.width * sc, d.height * sc
    cx, cy = OW / 2 + rng.uniform(-0.04, 0.04) * OW, OH / 2 + rng.uniform(-0.03, 0.03) * OH
    j = lambda: rng.uniform(-0.045, 0.045) * pw
    dst = [(cx - pw / 2 + j(), cy - ph / 2 + j()), (cx + pw / 2 + j(), cy - ph / 2 + j()),
           (cx + pw / 2 + j(), cy + ph / 2 + j()), (cx - pw / 2 + j(), cy + ph / 2 + j())]
    if rng.random() < 0.5:  # keystone: top narrower
        k = rng.uniform(0.02, 0.06) * pw
        dst[0] = (dst[0][0] + k, dst[0][1]); dst[1] = (dst[1][0] - k, dst[1][1])
    src = [(0, 0), (d.width, 0), (d.width, d.height), (0, d.height)]
    co = _persp_coeffs(dst, src)
    warped = d.transform((OW, OH), Image.PERSPECTIVE, co, resample=Image.BICUBIC)
    mask = Image.new('L', d.size, 255).transform((OW, OH), Image.PERSPECTIVE, co, resample=Image.BILINEAR)
    bgc = bg or [tuple(int(v) for v in rng.integers(60, 170, 3)), (120, 90, 60), (200, 200, 195), (70, 70, 75)][rng.integers(0, 4)]
    base = np.ones((OH, OW, 3), np.float32) * np.array(bgc, np.float32)
    base *= (0.85 + 0.3 * _lowfreq(rng, OH, OW, 5))[..., None]
    m = np.asarray(mask, np.float32)[..., None] / 255
    a = np.asarray(warped, np.float32) * m + base * (1 - m)
    # illumination
    yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
    gx, gy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    illum = 1 + gx * (xx / OW - 0.5) + gy * (yy / OH - 0.5)
    if shadow:
        sm = Image.new('L', (OW, OH), 0)
        sx = rng.uniform(0.3, 0.8) * OW
        ImageDraw.Draw(sm).polygon([(sx, 0), (OW, 0), (OW, OH * rng.uniform(0.3, 0.9)), (sx + rng.uniform(-300, 300), OH)], fill=255)
        sm = np.asarray(sm.filter(ImageFilter.GaussianBlur(60)), np.float32) / 255
        illum = illum * (1 - rng.uniform(0.15, 0.35) * sm)
    a = a * illum[..., None]
    if dim:
        a = a * 0.42 + np.array([6, 3, -4])
        a = a * np.array([1.06, 1.0, 0.86])
    a += rng.normal(0, 5.5 if dim else 2.2, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if blur:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    im = ImageEnhance.Sharpness(im).enhance(1.6)  # phone sharpening
    return im


PHONES = [('HUAWEI', 'ELS-AN00', 'ELS-AN00 4.0.0.120(C00E110R2P2)'), ('Xiaomi', 'M2102K1C', 'MIUI 14'),
          ('OPPO', 'PGEM10', None), ('vivo', 'V2145A', None), ('Apple', 'iPhone 13', '17.5.1'),
          ('Apple', 'iPhone 11', '16.6'), ('HONOR', 'ANY-AN00', None), ('samsung', 'SM-S9080', 'S9080ZCU2AWF1')]


def save_phone_jpeg(im, path, when, phone_idx, q=None):
    mk, md, sw = PHONES[phone_idx % len(PHONES)]
    q = q or random.choice([87, 90, 92, 95])
    im.save(path, 'JPEG', quality=q, exif=exif_bytes(mk, md, when, sw), subsampling=2 if mk != 'Apple' else 2)


def scanner(doc, seed, mode='color', dpi=200, rot=None, copies=0):
    rng = np.random.default_rng(seed)
    d = doc.convert('RGB')
    s = dpi / 150
    if s != 1:
        d = d.resize((int(d.width * s), int(d.height * s)), Image.LANCZOS)
    if rot is None:
        rot = rng.uniform(-0.9, 0.9)
    for c in range(copies):  # photocopy generations
        g = ImageOps.grayscale(d)
        a = np.asarray(g, np.float32)
        a = (a - 40) * 1.35
        a += rng.normal(0, 7, a.shape)
        g = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
        g = g.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=30)
        # toner specks
        a = np.asarray(g, np.float32).copy()
        sp = rng.random(a.shape) < 0.0006
        a[sp] = 40
        g = Image.fromarray(a.astype(np.uint8))
        d = g.convert('RGB')
    if rot:
        d = d.rotate(rot, resample=Image.BICUBIC, fillcolor=(245, 245, 243) if not copies else (35, 35, 35))
    a = np.asarray(d, np.float32)
    if mode == 'gray':
        a = a.mean(axis=2, keepdims=True).repeat(3, 2)
    if mode == 'fax':
        g = a.mean(axis=2)
        g = g + rng.normal(0, 18, g.shape)
        b = (g > 150).astype(np.float32) * 255
        im = Image.fromarray(b.astype(np.uint8)).filter(ImageFilter.MedianFilter(3)) if False else Image.fromarray(b.astype(np.uint8))
        return im.convert('L')
    a = a * 1.02 + rng.normal(0, 1.6, a.shape) + 3
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if mode == 'gray' or copies:
        im = im.convert('L')
    return im


def wechat(im, long_side=1280, q=None):
    im = im.convert('RGB')
    s = long_side / max(im.size)
    if s < 1:
        im = im.resize((int(im.width * s), int(im.height * s)), Image.LANCZOS)
    b = io.BytesIO()
    im.save(b, 'JPEG', quality=q or 80)
    return b.getvalue()


def screenshot(doc, title, seed, bar_time='14:32', W=1080, H=2340, footer=None):
    rng = np.random.default_rng(seed)
    sc = Image.new('RGB', (W, H), (244, 245, 247))
    dr = ImageDraw.Draw(sc)
    dr.rectangle([0, 0, W, 90], fill=(255, 255, 255))
    dr.text((46, 22), bar_time, fill=(0, 0, 0), font=font('hei', 38))
    dr.text((W - 200, 24), '5G  86%', fill=(0, 0, 0), font=font('hei', 34))
    dr.rectangle([0, 90, W, 230], fill=(255, 255, 255))
    dr.text((40, 128), '<', fill=(30, 30, 30), font=font('hei', 52))
    f = font('sans', 46)
    dr.text((W / 2 - f.getlength(title) / 2, 130), title, fill=(20, 20, 20), font=f)
    dd = doc.convert('RGB')
    s = (W - 60) / dd.width
    dd = dd.resize((W - 60, int(dd.height * s)), Image.LANCZOS)
    top = 260
    sc.paste(dd.crop((0, 0, dd.width, min(dd.height, H - top - 220))), (30, top))
    if footer:
        ff = font('sans', 40)
        dr.rounded_rectangle([60, H - 190, W - 60, H - 80], 20, fill=(22, 119, 255))
        dr.text((W / 2 - ff.getlength(footer) / 2, H - 160), footer, fill=(255, 255, 255), font=ff)
    sc.info['scale'] = s
    sc.info['offset'] = (30, top)
    return sc
