# Rendering, seals, capture pipelines and forgery tools for the b10_docs set.
import io, math, random, datetime
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageEnhance, ImageOps

FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
_fc = {}


def font(size, idx=0):
    k = (size, idx)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(FONT, size, index=idx)
    return _fc[k]

# ---------------------------------------------------------------- IDs
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = '10X98765432'


def id_check(s17):
    return CK[sum(int(a) * b for a, b in zip(s17, W)) % 11]


def make_id(region, birth, seq):
    s = region + birth + seq
    return s + id_check(s)


def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    try:
        datetime.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17].upper()

USCC_CH = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def org_code(body8):
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body8]
    c = 11 - sum(v * x for v, x in zip(vals, w)) % 11
    return body8 + ('X' if c == 10 else '0' if c == 11 else str(c))


def make_uscc(prefix2, region6, body8):
    s = prefix2 + region6 + org_code(body8)
    c = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s, USCC_W)) % 31
    return s + USCC_CH[0 if c == 31 else c]

# ---------------------------------------------------------------- seals
RED = (205, 22, 35)


def _char_img(ch, size, color, alpha=255):
    f = font(size)
    im = Image.new('RGBA', (int(size * 1.4), int(size * 1.4)), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    bb = d.textbbox((0, 0), ch, font=f)
    d.text(((im.width - (bb[2] - bb[0])) / 2 - bb[0], (im.height - (bb[3] - bb[1])) / 2 - bb[1]), ch, font=f, fill=color + (alpha,))
    return im


def _star(d, cx, cy, r, fill):
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.382
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


def make_seal(ring, design, seed, center_text=None, bottom=None, regno=None):
    """design: dict(shape='round'|'oval', size, star, border, ring_size, span)
    Identical design + different ring text -> look-alike seals."""
    rs = random.Random(seed)
    shape = design.get('shape', 'round')
    Wd = design.get('size', 300)
    Ht = Wd if shape == 'round' else int(Wd * 0.68)
    S = 2  # supersample
    im = Image.new('RGBA', (Wd * S, Ht * S), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    bw = design.get('border', 9) * S
    col = RED + (255,)
    d.ellipse([bw // 2, bw // 2, Wd * S - bw // 2, Ht * S - bw // 2], outline=col, width=bw)
    if design.get('inner'):
        g = bw * 2
        d.ellipse([g, g, Wd * S - g, Ht * S - g], outline=col, width=max(2, bw // 4))
    cx, cy = Wd * S / 2, Ht * S / 2
    a = Wd * S / 2 - bw * 1.6 - design.get("ring_size", 34) * S * 0.72
    b = Ht * S / 2 - bw * 1.6 - design.get("ring_size", 34) * S * 0.72
    cs = int(design.get('ring_size', 34) * S)
    span = math.radians(design.get('span', 250))
    n = len(ring)
    for i, ch in enumerate(ring):
        th = -span / 2 + span * (i + 0.5) / n
        x = cx + a * math.sin(th)
        y = cy - b * math.cos(th)
        # tangent direction for rotation
        ang = math.degrees(math.atan2(b * math.sin(th), a * math.cos(th))) if shape == 'oval' else math.degrees(th)
        ci = _char_img(ch, cs, RED).rotate(-ang, resample=Image.BICUBIC, expand=True)
        im.alpha_composite(ci, (int(x - ci.width / 2), int(y - ci.height / 2)))
    if design.get('star', True):
        _star(d, cx, cy - (0 if shape == 'round' else b * 0.1), Wd * S * 0.15 * (1 if shape == 'round' else 0.7), col)
    if center_text:
        f = font(int(cs * 0.9))
        bb = d.textbbox((0, 0), center_text, font=f)
        d.text((cx - (bb[2] - bb[0]) / 2, cy + Ht * S * (0.16 if design.get('star', True) else -0.05)), center_text, font=f, fill=col)
    if bottom:
        f = font(int(cs * 0.85))
        bb = d.textbbox((0, 0), bottom, font=f)
        d.text((cx - (bb[2] - bb[0]) / 2, cy + Ht * S * (0.12 if regno else 0.2)), bottom, font=f, fill=col)
    if regno:
        # registration number along the lower arc, small digits
        m = len(regno)
        sp = math.radians(95)
        ds = int(cs * 0.55)
        for i, ch in enumerate(regno):
            th = math.pi + sp / 2 - sp * (i + 0.5) / m
            x = cx + (a + cs * 0.15) * math.sin(th)
            y = cy - (b + cs * 0.15) * math.cos(th)
            ci = _char_img(ch, ds, RED).rotate(-math.degrees(th) + 180, resample=Image.BICUBIC, expand=True)
            im.alpha_composite(ci, (int(x - ci.width / 2), int(y - ci.height / 2)))
    im = im.resize((Wd, Ht), Image.LANCZOS)
    return im


def impress(seal, seed, strength=0.9):
    """One physical impression: uneven ink, rotation, slight blur."""
    rs = np.random.RandomState(seed)
    s = seal.rotate(rs.uniform(-18, 18), resample=Image.BICUBIC, expand=True)
    a = np.asarray(s).astype(np.float32)
    h, w = a.shape[:2]
    # low-frequency ink density + speckle
    lf = rs.rand(6, 6).astype(np.float32)
    lf = np.asarray(Image.fromarray((lf * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)).astype(np.float32) / 255
    sp = (rs.rand(h, w) > 0.035).astype(np.float32)
    dens = np.clip(0.55 + 0.6 * lf, 0, 1) * sp * strength
    a[..., 3] = a[..., 3] * dens
    out = Image.fromarray(a.astype(np.uint8), 'RGBA').filter(ImageFilter.GaussianBlur(0.6))
    return out


def stamp(img, seal_imp, cx, cy):
    """Multiply-blend an RGBA seal impression onto an RGB page."""
    x0, y0 = int(cx - seal_imp.width / 2), int(cy - seal_imp.height / 2)
    base = np.asarray(img).astype(np.float32)
    s = np.asarray(seal_imp).astype(np.float32)
    h, w = s.shape[:2]
    sx0, sy0 = max(0, -x0), max(0, -y0)
    X0, Y0 = max(0, x0), max(0, y0)
    X1, Y1 = min(base.shape[1], x0 + w), min(base.shape[0], y0 + h)
    s = s[sy0:sy0 + (Y1 - Y0), sx0:sx0 + (X1 - X0)]
    region = base[Y0:Y1, X0:X1]
    al = s[..., 3:4] / 255
    col = s[..., :3] / 255
    base[Y0:Y1, X0:X1] = region * (1 - al + al * col)
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


def signature(img, x, y, seed, color=(25, 35, 110), w=170):
    rs = random.Random(seed)
    d = ImageDraw.Draw(img)
    px, py = x, y
    for _ in range(rs.randint(3, 5)):
        pts = []
        for t in range(24):
            px += w / 70 + rs.uniform(-2, 3)
            py = y + 18 * math.sin(t / rs.uniform(1.5, 3.5) + rs.random() * 0.5) + rs.uniform(-3, 3)
            pts.append((px, py))
        d.line(pts, fill=color, width=3, joint='curve')
        px -= rs.uniform(5, 25)
    return img

# ---------------------------------------------------------------- page render
A4 = (1240, 1754)


def wrap(text, f, maxw, d):
    lines, cur = [], ''
    for ch in text:
        if ch == '\n':
            lines.append(cur); cur = ''; continue
        if d.textlength(cur + ch, font=f) > maxw:
            lines.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def render_page(doc, paper=(250, 249, 245)):
    """doc: dict(header, title, docno, paras:list[str], table:list[(k,v)], sign_lines:list[str], date,
    seal:(RGBA impression) or None, seal_pos, footer, sig_seed, fsize).
    Returns (image, boxes) where boxes maps tag->(x0,y0,x1,y1) for named spans (first occurrence)."""
    img = Image.new('RGB', A4, paper)
    d = ImageDraw.Draw(img)
    boxes = {}
    y = 110
    if doc.get('header'):
        f = font(30)
        t = doc['header']
        tw = d.textlength(t, font=f)
        d.text(((A4[0] - tw) / 2, y), t, font=f, fill=(150, 20, 25) if doc.get('red_header') else (20, 20, 20))
        y += 52
        if doc.get('red_header'):
            d.line([(120, y), (A4[0] - 120, y)], fill=(170, 20, 25), width=4)
            y += 20
    f = font(doc.get('title_size', 48))
    tw = d.textlength(doc['title'], font=f)
    d.text(((A4[0] - tw) / 2, y + 20), doc['title'], font=f, fill=(10, 10, 10))
    y += 110
    if doc.get('docno'):
        f2 = font(24)
        t = doc['docno']
        d.text((A4[0] - 140 - d.textlength(t, font=f2), y - 10), t, font=f2, fill=(30, 30, 30))
        y += 62
    fs = doc.get('fsize', 31)
    f = font(fs)
    lh = int(fs * 1.85)
    L, R = 140, A4[0] - 140
    if doc.get('to'):
        d.text((L, y), doc['to'], font=f, fill=(15, 15, 15)); y += lh
    for k, v in doc.get('table', []):
        d.text((L, y), k, font=f, fill=(15, 15, 15))
        x = L + 230
        d.text((x, y), v, font=f, fill=(15, 15, 15))
        boxes.setdefault('T:' + k, (x, y, x + d.textlength(v, font=f), y + fs + 6))
        d.line([(x - 6, y + fs + 10), (R, y + fs + 10)], fill=(120, 120, 120), width=1)
        y += lh
    if doc.get('table'):
        y += 20
    for p in doc.get('paras', []):
        lines = wrap('\u3000\u3000' + p, f, R - L, d)
        for ln in lines:
            d.text((L, y), ln, font=f, fill=(15, 15, 15))
            for tag in doc.get('tags', []):
                i = ln.find(tag)
                if i >= 0 and tag not in boxes:
                    x0 = L + d.textlength(ln[:i], font=f)
                    boxes[tag] = (x0, y, x0 + d.textlength(tag, font=f), y + fs + 6)
            y += lh
        y += 10
    y = max(y + 40, doc.get('sign_y', 0))
    sy = y
    for s in doc.get('sign_lines', []):
        tw = d.textlength(s, font=f)
        d.text((R - tw - 20, y), s, font=f, fill=(15, 15, 15))
        for tag in doc.get('tags', []):
            i = s.find(tag)
            if i >= 0 and tag not in boxes:
                x0 = R - tw - 20 + d.textlength(s[:i], font=f)
                boxes[tag] = (x0, y, x0 + d.textlength(tag, font=f), y + fs + 6)
        y += lh
    if doc.get('date'):
        t = doc['date']
        tw = d.textlength(t, font=f)
        d.text((R - tw - 20, y), t, font=f, fill=(15, 15, 15))
        boxes['DATE'] = (R - tw - 20, y, R - 20, y + fs + 6)
        y += lh
    if doc.get('sig_seed') is not None:
        signature(img, R - 420, sy - 40, doc['sig_seed'])
    if doc.get('footer'):
        f3 = font(22)
        for i, ln in enumerate(doc['footer']):
            d.text((L, A4[1] - 150 + i * 34), ln, font=f3, fill=(70, 70, 70))
    if doc.get('seal') is not None:
        cx = doc.get('seal_x', R - 230)
        cy = doc.get('seal_y', (sy + y) / 2)
        img = stamp(img, doc['seal'], cx, cy)
        boxes['SEAL'] = (cx - doc['seal'].width / 2, cy - doc['seal'].height / 2, cx + doc['seal'].width / 2, cy + doc['seal'].height / 2)
    return img, boxes

# ---------------------------------------------------------------- capture pipelines


def _jpeg(img, q, **kw):
    b = io.BytesIO()
    img.save(b, 'JPEG', quality=q, **kw)
    return b.getvalue()


def _exif_phone(make, model, dt, software=None):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0132] = dt
    if software:
        ex[0x0131] = software
    ifd = ex.get_ifd(0x8769)
    ifd[0x9003] = dt
    ifd[0x9004] = dt
    ifd[0x829A] = (1, 50)
    ifd[0x8827] = 200
    ifd[0x920A] = (554, 100)
    return ex


def _persp_coeffs(src, dst):
    A, B = [], []
    for (x, y), (X, Y) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -X * x, -X * y]); B.append(X)
        A.append([0, 0, 0, x, y, 1, -Y * x, -Y * y]); B.append(Y)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


PHONES = [('Xiaomi', 'Redmi K60'), ('HUAWEI', 'NOH-AN00'), ('Apple', 'iPhone 13'), ('OPPO', 'PFJM10'), ('vivo', 'V2241A'), ('HONOR', 'ANY-AN00'), ('Apple', 'iPhone 15 Pro')]


def phone_photo(img, seed, dt, out_w=1500, shadow=True, blur=0.8, phone=None, q=86, table=None):
    rs = np.random.RandomState(seed)
    r = random.Random(seed)
    Wc, Hc = out_w, int(out_w * 4 / 3)
    tcol = table or r.choice([(120, 92, 64), (180, 175, 165), (70, 72, 80), (205, 200, 188)])
    bg = np.ones((Hc, Wc, 3), np.float32) * np.array(tcol, np.float32)
    bg += rs.randn(Hc, Wc, 1).astype(np.float32) * 6
    canvas = Image.fromarray(np.clip(bg, 0, 255).astype(np.uint8))
    w, h = img.size
    m = 0.07
    j = lambda: r.uniform(-0.045, 0.045)
    dst = [(Wc * (m + j()), Hc * (m + j())), (Wc * (1 - m + j()), Hc * (m + j())),
           (Wc * (1 - m + j()), Hc * (1 - m + j())), (Wc * (m + j()), Hc * (1 - m + j()))]
    co = _persp_coeffs([(0, 0), (w, 0), (w, h), (0, h)], dst)
    global LAST_FWD
    LAST_FWD = _persp_coeffs(dst, [(0, 0), (w, 0), (w, h), (0, h)])
    warped = img.transform((Wc, Hc), Image.PERSPECTIVE, co, Image.BICUBIC, fillcolor=None)
    mask = Image.new('L', (w, h), 255).transform((Wc, Hc), Image.PERSPECTIVE, co, Image.BILINEAR)
    canvas.paste(warped, (0, 0), mask)
    a = np.asarray(canvas).astype(np.float32)
    yy, xx = np.mgrid[0:Hc, 0:Wc].astype(np.float32)
    # lighting gradient + vignette + warm/cool cast
    g = 0.85 + 0.2 * ((xx / Wc) * r.uniform(-1, 1) + (yy / Hc) * r.uniform(-1, 1))
    v = 1 - 0.25 * (((xx - Wc / 2) / Wc) ** 2 + ((yy - Hc / 2) / Hc) ** 2) * 2
    a *= (g * v)[..., None]
    a *= np.array([r.uniform(0.95, 1.04), 1.0, r.uniform(0.9, 1.02)], np.float32)
    if shadow:
        # soft hand/phone shadow from one side
        sx = r.uniform(0.2, 0.8) * Wc
        sh = 1 - 0.35 / (1 + np.exp(-(xx - sx - 0.3 * (yy - Hc / 2)) / 60))
        if r.random() < 0.5:
            sh = sh[:, ::-1]
        a *= sh[..., None]
    a += rs.randn(Hc, Wc, 1).astype(np.float32) * 3.5
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(blur))
    mk, md = phone or PHONES[seed % len(PHONES)]
    ex = _exif_phone(mk, md, dt)
    return _jpeg(out, q, exif=ex.tobytes()), out


def screen_photo(img, seed, dt):
    """Photo of a monitor showing the document: moire + pixel grid + glare."""
    r = random.Random(seed)
    w, h = img.size
    a = np.asarray(img.resize((int(w * 0.9), int(h * 0.9)))).astype(np.float32)
    hh, ww = a.shape[:2]
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    ang = r.uniform(0.05, 0.2)
    mo = 0.9 + 0.1 * np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * 0.9) * np.sin((yy * math.cos(ang) - xx * math.sin(ang)) * 0.35)
    a = a * mo[..., None] * np.array([0.92, 0.97, 1.05])  # bluish screen
    a = a * 0.92 + 12
    glare = 40 * np.exp(-(((xx - ww * 0.7) / (ww * 0.25)) ** 2 + ((yy - hh * 0.2) / (hh * 0.2)) ** 2))
    a += glare[..., None]
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return phone_photo(im, seed + 7, dt, shadow=False, blur=1.1, table=(25, 25, 28))


def scanner_jpeg(img, seed, q=85, gray=False, dpi=200, rot=None):
    r = random.Random(seed)
    im = img.rotate(r.uniform(-0.8, 0.8) if rot is None else rot, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    im = ImageEnhance.Contrast(im).enhance(1.08)
    a = np.asarray(im).astype(np.float32)
    a = a + np.random.RandomState(seed).randn(*a.shape[:2], 1) * 1.5
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if gray:
        im = im.convert('L')
    return _jpeg(im, q, dpi=(dpi, dpi)), im


def fax_scan(img, seed):
    r = np.random.RandomState(seed)
    im = img.convert('L').resize((int(A4[0] * 0.68), int(A4[1] * 0.68 * 0.5)), Image.BILINEAR).resize((int(A4[0] * 0.68), int(A4[1] * 0.68)), Image.NEAREST)
    a = np.asarray(im).astype(np.float32)
    a = np.where(a + r.randn(*a.shape) * 18 < 150, 0, 255).astype(np.float32)
    rows = r.rand(a.shape[0]) < 0.01
    a[rows] = 255 - a[rows] * 0.3
    im = Image.fromarray(a.astype(np.uint8))
    return _jpeg(im, 80, dpi=(100, 100)), im


def photocopy(img, seed, gens=2):
    r = np.random.RandomState(seed)
    im = img.convert('L')
    for gdx in range(gens):
        im = im.rotate(r.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=235)
        im = ImageEnhance.Contrast(im).enhance(1.45)
        a = np.asarray(im).astype(np.float32)
        a = a - (r.rand(*a.shape) < 0.002) * 200  # toner specks
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
        edge = np.minimum(np.minimum(xx, a.shape[1] - xx), np.minimum(yy, a.shape[0] - yy))
        a = a - 60 * np.exp(-edge / 25.0)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    return _jpeg(im, 82, dpi=(150, 150)), im


def wechat_jpeg(img_or_bytes, seed, width=1080):
    if isinstance(img_or_bytes, bytes):
        im = Image.open(io.BytesIO(img_or_bytes)).convert('RGB')
    else:
        im = img_or_bytes.convert('RGB')
    if im.width > width:
        im = im.resize((width, int(im.height * width / im.width)), Image.BILINEAR)
    im = Image.open(io.BytesIO(_jpeg(im, 90))).convert('RGB')
    return _jpeg(im, 72 + seed % 6, subsampling=2), im


def screenshot_png(img, seed, app_title='电子证明', clock='10:24'):
    """Phone screenshot of an e-certificate viewer."""
    Wc, Hc = 1080, 2340
    c = Image.new('RGB', (Wc, Hc), (242, 243, 245))
    d = ImageDraw.Draw(c)
    d.rectangle([0, 0, Wc, 230], fill=(255, 255, 255))
    d.text((60, 28), clock, font=font(38), fill=(0, 0, 0))
    d.text((Wc - 200, 28), '5G  86%', font=font(34), fill=(0, 0, 0))
    d.text((60, 130), '<', font=font(56), fill=(30, 30, 30))
    tw = d.textlength(app_title, font=font(46))
    d.text(((Wc - tw) / 2, 135), app_title, font=font(46), fill=(20, 20, 20))
    doc = img.resize((1000, int(1000 * img.height / img.width)), Image.LANCZOS)
    c.paste(doc, (40, 270))
    y = 270 + doc.height + 40
    d.rounded_rectangle([60, y, Wc - 60, y + 130], radius=20, fill=(22, 119, 255))
    t = '下载证明'
    d.text(((Wc - d.textlength(t, font=font(44))) / 2, y + 38), t, font=font(44), fill=(255, 255, 255))
    b = io.BytesIO()
    c.save(b, 'PNG', optimize=True)
    return b.getvalue(), c

# ---------------------------------------------------------------- forgery tools


def patch_text(im, box, new, fsize, bg=None, fcol=(30, 30, 30), pad=6, font_idx=1, dy=0, fit=None):
    """Paste a flat rectangle over box and write new text (different font face)."""
    im = im.copy()
    d = ImageDraw.Draw(im)
    x0, y0, x1, y1 = [int(v) for v in box]
    if bg is None:
        a = np.asarray(im)
        strip = a[max(0, y0 - 14):y0 - 4, x0:x1].reshape(-1, 3)
        bg = tuple(int(v) for v in np.median(strip, axis=0)) if len(strip) else (250, 250, 250)
    f = font(fsize, font_idx)
    while fit and fsize > 8 and d.textlength(new, font=f) > (x1 - x0) * fit:
        fsize -= 1
        f = font(fsize, font_idx)
    d.rectangle([x0 - pad, y0 - pad, x0 + max(x1 - x0, d.textlength(new, font=f)) + pad, y1 + pad], fill=bg)
    d.text((x0, y0 + dy), new, font=f, fill=fcol)
    return im


def clone_region(im, src_box, dst_xy):
    im = im.copy()
    reg = im.crop(tuple(int(v) for v in src_box))
    im.paste(reg, (int(dst_xy[0]), int(dst_xy[1])))
    return im


def fwd(pt, co=None):
    a, b, c, d, e, f, g, h = co or LAST_FWD
    x, y = pt
    den = g * x + h * y + 1
    return ((a * x + b * y + c) / den, (d * x + e * y + f) / den)
