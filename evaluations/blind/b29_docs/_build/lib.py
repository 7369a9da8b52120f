# Rendering / seal / capture helpers for the b29_docs evaluation set.
import io, math, random, datetime
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter

CJK = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
DJ = '/usr/share/fonts/truetype/dejavu/'
_fc = {}


def F(sz, idx=0):
    k = (sz, idx)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(CJK, sz, index=idx)
    return _fc[k]


# ---------------- IDs ----------------
W17 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = '10X98765432'


def id_check(s17):
    return CK[sum(int(a) * w for a, w in zip(s17, W17)) % 11]


def make_id(area, birth, seq):
    s = f"{area}{birth:%Y%m%d}{seq:03d}"
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


def make_uscc(prefix2, area6, rng):
    body = ''.join(rng.choice('0123456789') for _ in range(8))
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    c = 11 - sum(int(a) * w for a, w in zip(body, ow)) % 11
    org = body + ('X' if c == 10 else '0' if c == 11 else str(c))
    s = prefix2 + area6 + org
    c = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s, USCC_W)) % 31
    return s + USCC_CH[0 if c == 31 else c]


def cn_date(d, style=0):
    if style == 0:
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 1:
        return f"{d:%Y-%m-%d}"
    digs = '〇一二三四五六七八九'
    y = ''.join(digs[int(c)] for c in str(d.year))

    def n(x):
        if x < 10:
            return digs[x]
        if x == 10:
            return '十'
        if x < 20:
            return '十' + digs[x % 10]
        return digs[x // 10] + '十' + (digs[x % 10] if x % 10 else '')
    return f"{y}年{n(d.month)}月{n(d.day)}日"


# ---------------- seals ----------------
def _glyph(ch, font, color):
    bb = font.getbbox(ch)
    w, h = bb[2] - bb[0] + 4, bb[3] - bb[1] + 4
    im = Image.new('L', (max(w, 4), max(h, 4)), 0)
    ImageDraw.Draw(im).text((2 - bb[0], 2 - bb[1]), ch, font=font, fill=255)
    return im


def make_seal(ring, center_text='', reg='', shape='round', star=True, size=300,
              color=(214, 32, 42), seed=0, font_idx=0, span=250):
    rng = np.random.RandomState(seed)
    S = size * 3
    if shape == 'oval':
        Wd, Ht = int(S * 1.45), S
    else:
        Wd, Ht = S, S
    a_ = np.zeros((Ht, Wd), np.uint8)
    im = Image.fromarray(a_)
    d = ImageDraw.Draw(im)
    bw = int(S * 0.035)
    d.ellipse([bw // 2, bw // 2, Wd - bw // 2, Ht - bw // 2], outline=255, width=bw)
    cx, cy = Wd / 2, Ht / 2
    A, B = Wd / 2, Ht / 2
    # ring text
    n = len(ring)
    fs = int(S * (0.15 if n <= 14 else 0.13 if n <= 18 else 0.11))
    if shape == 'oval':
        fs = int(fs * 0.85)
    font = F(fs, font_idx)
    inset = bw + fs * 0.62
    sp = span if shape == 'round' else span - 20
    for i, ch in enumerate(ring):
        th = math.radians(-sp / 2 + (sp * i / (n - 1) if n > 1 else 0))
        ra, rb = A - inset, B - inset
        x, y = cx + ra * math.sin(th), cy - rb * math.cos(th)
        nx, ny = rb * math.sin(th), -ra * math.cos(th)
        phi = math.degrees(math.atan2(nx, -ny))
        g = _glyph(ch, font, 255)
        g = g.resize((int(g.width * (0.8 if shape == 'round' else 0.72)), g.height))
        g = g.rotate(-phi, expand=True, resample=Image.BICUBIC)
        im.paste(255, (int(x - g.width / 2), int(y - g.height / 2)), g)
    if star:
        r1 = S * 0.16
        pts = []
        for k in range(10):
            r = r1 if k % 2 == 0 else r1 * 0.38
            t = math.radians(k * 36)
            pts.append((cx + r * math.sin(t), cy - S * 0.02 - r * math.cos(t)))
        d.polygon(pts, fill=255)
    if center_text:
        f2 = F(int(S * (0.085 if shape == 'round' else 0.09)), font_idx)
        bb = d.textbbox((0, 0), center_text, font=f2)
        yy = cy + S * (0.2 if star else -0.02)
        d.text((cx - (bb[2] - bb[0]) / 2, yy), center_text, font=f2, fill=255)
    if reg:
        f3 = F(int(S * 0.05), font_idx)
        m = len(reg)
        sp2 = 70
        for k, ch in enumerate(reg):
            th = math.radians(180 + sp2 / 2 - sp2 * k / (m - 1))
            ra, rb = A - bw - S * 0.05, B - bw - S * 0.05
            x, y = cx + ra * math.sin(th), cy - rb * math.cos(th)
            phi = math.degrees(th) + 180
            g = _glyph(ch, f3, 255).rotate(-phi, expand=True, resample=Image.BICUBIC)
            im.paste(255, (int(x - g.width / 2), int(y - g.height / 2)), g)
    alpha = np.asarray(im).astype(np.float32) / 255
    # ink texture
    noise = rng.rand(Ht // 24 + 1, Wd // 24 + 1)
    noise = np.asarray(Image.fromarray((noise * 255).astype(np.uint8)).resize((Wd, Ht), Image.BICUBIC)) / 255.
    fine = rng.rand(Ht, Wd)
    alpha = alpha * np.clip(0.55 + 0.6 * noise, 0, 1) * np.where(fine < 0.04, 0.3, 1.0)
    out = np.zeros((Ht, Wd, 4), np.uint8)
    out[..., 0], out[..., 1], out[..., 2] = color
    out[..., 3] = np.clip(alpha * 240, 0, 255).astype(np.uint8)
    res = Image.fromarray(out, 'RGBA').resize((Wd // 3, Ht // 3), Image.LANCZOS)
    return res.filter(ImageFilter.GaussianBlur(0.4))


def stamp(page, seal, xy, angle=0.0):
    s = seal.rotate(angle, expand=True, resample=Image.BICUBIC)
    base = np.asarray(page).astype(np.float32)
    sa = np.asarray(s).astype(np.float32)
    x, y = int(xy[0] - s.width / 2), int(xy[1] - s.height / 2)
    h, w = sa.shape[:2]
    reg = base[y:y + h, x:x + w]
    al = sa[..., 3:4] / 255.
    col = sa[..., :3] / 255.
    reg[:] = reg * (1 - al * (1 - col))
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


def paste_multiply(page, patch, xy):
    base = np.asarray(page).astype(np.float32)
    p = np.asarray(patch.convert('RGB')).astype(np.float32) / 255.
    x, y = xy
    h, w = p.shape[:2]
    base[y:y + h, x:x + w] *= p / np.maximum(p.max(axis=(0, 1), keepdims=True), 1e-3)
    return Image.fromarray(np.clip(base, 0, 255).astype(np.uint8))


def signature(draw, x, y, rng, w=150, color=(20, 20, 60)):
    pts = []
    for k in range(60):
        t = k / 59
        pts.append((x + w * t + rng.uniform(-3, 3),
                    y + 18 * math.sin(t * rng.uniform(8, 16)) * (1 - t * 0.5) + rng.uniform(-2, 2)))
    draw.line(pts, fill=color, width=3, joint='curve')


# ---------------- page rendering ----------------
PW, PH = 1000, 1414


def wrap(text, font, width, draw):
    lines, cur = [], ''
    for ch in text:
        if draw.textlength(cur + ch, font=font) > width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def render_page(doc, rng):
    """doc: dict(style, issuer, sub, title, paras, table, sign_lines, font_idx, fs, docno,
    seal, seal_xy, seal_angle, signer). Returns (PIL page, info dict with text boxes)."""
    page = Image.new('RGB', (PW, PH), (255, 255, 255))
    d = ImageDraw.Draw(page)
    fi = doc.get('font_idx', 0)
    fs = doc.get('fs', 26)
    fb = F(fs, fi)
    boxes = {}
    y = 80
    st = doc.get('style', 'plain')
    if st == 'letterhead':
        f = F(40, fi)
        t = doc['issuer']
        w = d.textlength(t, font=f)
        d.text(((PW - w) / 2, y), t, font=f, fill=doc.get('head_color', (190, 20, 20)), stroke_width=1,
               stroke_fill=doc.get('head_color', (190, 20, 20)))
        y += 62
        if doc.get('sub'):
            f2 = F(18, fi)
            w = d.textlength(doc['sub'], font=f2)
            d.text(((PW - w) / 2, y), doc['sub'], font=f2, fill=(60, 60, 60))
            y += 30
        d.line([(70, y), (PW - 70, y)], fill=doc.get('head_color', (190, 20, 20)), width=4)
        d.line([(70, y + 7), (PW - 70, y + 7)], fill=doc.get('head_color', (190, 20, 20)), width=1)
        y += 40
    elif st == 'hospital':
        f = F(34, fi)
        t = doc['issuer']
        w = d.textlength(t, font=f)
        d.text(((PW - w) / 2, y), t, font=f, fill=(0, 0, 0))
        y += 55
    if doc.get('docno'):
        f3 = F(20, fi)
        d.text((PW - 90 - d.textlength(doc['docno'], font=f3), y), doc['docno'], font=f3, fill=(40, 40, 40))
        y += 36
    ft = F(44 if st != 'hospital' else 38, fi)
    t = doc['title']
    tt = ' '.join(t) if len(t) <= 5 else t
    w = d.textlength(tt, font=ft)
    d.text(((PW - w) / 2, y), tt, font=ft, fill=(0, 0, 0), stroke_width=1 if st == 'plain' else 0, stroke_fill=(0, 0, 0))
    y += 90
    lh = int(fs * 1.85)
    if doc.get('to'):
        d.text((90, y), doc['to'], font=fb, fill=(0, 0, 0))
        y += lh
    if doc.get('table'):
        x0, x1 = 90, PW - 90
        colw = doc.get('colw', 0.28)
        for key, val in doc['table']:
            vlines = wrap(val, fb, (x1 - x0) * (1 - colw) - 24, d) or ['']
            rh = max(1, len(vlines)) * lh + 16
            d.rectangle([x0, y, x1, y + rh], outline=(0, 0, 0), width=2)
            xm = x0 + int((x1 - x0) * colw)
            d.line([(xm, y), (xm, y + rh)], fill=(0, 0, 0), width=2)
            d.text((x0 + 14, y + 10), key, font=fb, fill=(0, 0, 0))
            for k, vl in enumerate(vlines):
                d.text((xm + 12, y + 10 + k * lh), vl, font=fb, fill=(0, 0, 0))
                boxes.setdefault(key, (xm + 12, y + 6, xm + 12 + d.textlength(vl, font=fb), y + 10 + fs + 8))
            y += rh
        y += 30
    for p in doc.get('paras', []):
        ls = wrap('\u3000\u3000' + p, fb, PW - 180, d)
        for k, l in enumerate(ls):
            d.text((90, y), l, font=fb, fill=(0, 0, 0))
            for key, val in doc.get('track', {}).items():
                if val in l and key not in boxes:
                    off = d.textlength(l[:l.index(val)], font=fb)
                    boxes[key] = (90 + off, y - 4, 90 + off + d.textlength(val, font=fb), y + fs + 8)
            y += lh
        y += 8
    y = max(y + 60, doc.get('sign_y', 0))
    sx = PW - 420
    sig_y = y
    for k, l in enumerate(doc.get('sign_lines', [])):
        d.text((sx, y), l, font=fb, fill=(0, 0, 0))
        for key, val in doc.get('track', {}).items():
            if val in l and key not in boxes:
                off = d.textlength(l[:l.index(val)], font=fb)
                boxes[key] = (sx + off, y - 4, sx + off + d.textlength(val, font=fb), y + fs + 8)
        y += lh
    if doc.get('signer'):
        signature(d, sx + 40, sig_y - 40, rng)
    if doc.get('footer'):
        f4 = F(18, fi)
        d.text((90, PH - 90), doc['footer'], font=f4, fill=(90, 90, 90))
    seal_xy = (sx + 150 + doc.get('seal_dx', 0), sig_y + 20 + doc.get('seal_dy', 0))
    if doc.get('seal') is not None:
        page = stamp(page, doc['seal'], seal_xy, doc.get('seal_angle', 0))
    return page, {'boxes': boxes, 'seal_xy': seal_xy, 'sig_y': sig_y}


# ---------------- capture pipelines ----------------
def _noise(arr, sigma, rng):
    return np.clip(arr + rng.normal(0, sigma, arr.shape), 0, 255)


def persp_coeffs(dst, src):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def exif_phone(make, model, dt, software=None, extra=True):
    ex = Image.Exif()
    ex[271] = make
    ex[272] = model
    ex[306] = dt.strftime('%Y:%m:%d %H:%M:%S')
    if software:
        ex[305] = software
    ex[274] = 1
    if extra:
        ifd = ex.get_ifd(0x8769)
        ifd[36867] = dt.strftime('%Y:%m:%d %H:%M:%S')
        ifd[36868] = dt.strftime('%Y:%m:%d %H:%M:%S')
        ifd[33434] = (1, random.Random(dt.toordinal()).choice([30, 50, 60, 100, 120]))
        ifd[33437] = (18, 10)
        ifd[34855] = random.Random(dt.second).choice([100, 200, 320, 640, 1250])
        ifd[37386] = (555, 100)
    return ex


def cap_phone(page, rng, light='normal', fold=False, screen=False, bg=(120, 95, 70)):
    nr = np.random.RandomState(rng.randint(0, 10 ** 6))
    if screen:
        a = np.asarray(page).astype(np.float32)
        a = a * 0.78 + 20
        a[..., 2] += 18
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
        mo = 10 * np.sin(xx * 0.9 + yy * 0.13) * np.sin(yy * 0.85)
        a += mo[..., None]
        page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        bg = (25, 25, 28)
    CW, CH = 1200, 1600
    canvas = np.zeros((CH, CW, 3), np.float32) + np.array(bg, np.float32)
    tex = nr.rand(CH // 40 + 1, CW // 8 + 1)
    tex = np.asarray(Image.fromarray((tex * 255).astype(np.uint8)).resize((CW, CH), Image.BICUBIC)).astype(np.float32)
    canvas += (tex[..., None] - 128) * 0.12
    sc = rng.uniform(0.78, 0.88)
    w, h = PW * sc * 1.15, PH * sc * 1.08
    x0, y0 = (CW - w) / 2 + rng.uniform(-30, 30), (CH - h) / 2 + rng.uniform(-30, 30)
    j = lambda: rng.uniform(-45, 45)
    dst = [(x0 + j(), y0 + j()), (x0 + w + j(), y0 + j()), (x0 + w + j(), y0 + h + j()), (x0 + j(), y0 + h + j())]
    src = [(0, 0), (PW, 0), (PW, PH), (0, PH)]
    co = persp_coeffs(dst, src)
    warped = page.transform((CW, CH), Image.PERSPECTIVE, co, Image.BICUBIC)
    mask = Image.new('L', page.size, 255).transform((CW, CH), Image.PERSPECTIVE, co, Image.BILINEAR)
    m = np.asarray(mask).astype(np.float32)[..., None] / 255
    img = canvas * (1 - m) + np.asarray(warped).astype(np.float32) * m
    yy, xx = np.mgrid[0:CH, 0:CW].astype(np.float32)
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    grad = 1 - 0.18 * ((xx / CW - 0.5) * gx + (yy / CH - 0.5) * gy) - 0.12 * (((xx / CW - 0.5) ** 2 + (yy / CH - 0.5) ** 2))
    img *= grad[..., None]
    if rng.random() < 0.7:  # soft shadow of phone/hand
        sx = rng.uniform(0.2, 0.8) * CW
        sy_ = rng.uniform(0.3, 0.7) * CH
        sh = 1 - 0.28 / (1 + np.exp(-(xx - sx - (yy * rng.uniform(-0.4, 0.4))) / 60.0)) / (1 + np.exp(-(yy - sy_) / 50.0))
        img *= sh[..., None]
    if fold:
        fy = y0 + h * rng.uniform(0.4, 0.6)
        dd = (yy - fy - (xx - CW / 2) * rng.uniform(-0.05, 0.05))
        img *= (1 - 0.10 * np.exp(-(dd / 8) ** 2) + 0.05 * np.tanh(dd / 40))[..., None]
    if light == 'warm':
        img *= np.array([1.04, 0.93, 0.72])
    elif light == 'dim':
        img = 255 * (img / 255) ** 1.5 * 0.75
        img = _noise(img, 9, nr)
    img = _noise(img, 3.5, nr)
    out = Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    return out


def cap_scan(page, rng, gray=False, tone=(246, 245, 240), rot=None):
    nr = np.random.RandomState(rng.randint(0, 10 ** 6))
    ang = rng.uniform(-0.9, 0.9) if rot is None else rot
    p = page.rotate(ang, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    a = np.asarray(p).astype(np.float32) * (np.array(tone) / 255.)
    a = _noise(a, 2.0, nr)
    out = Image.fromarray(a.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    return out.convert('L') if gray else out


def cap_fax(page, rng):
    nr = np.random.RandomState(rng.randint(0, 10 ** 6))
    g = np.asarray(page.convert('L').rotate(rng.uniform(-1.5, 1.5), fillcolor=255)).astype(np.float32)
    g = g[::2, :]  # low vertical resolution
    g = np.repeat(g, 2, axis=0)
    g = g + nr.normal(0, 30, g.shape)
    b = np.where(g < 150, 0, 255).astype(np.uint8)
    streak = nr.rand(b.shape[0]) < 0.004
    b[streak, :] = np.minimum(b[streak, :], 90)
    return Image.fromarray(b).filter(ImageFilter.GaussianBlur(0.4))


def cap_photocopy(page, rng, gens=2):
    nr = np.random.RandomState(rng.randint(0, 10 ** 6))
    g = page.convert('L')
    for _ in range(gens):
        g = g.rotate(rng.uniform(-0.8, 0.8), fillcolor=255, resample=Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.8))
        a = np.asarray(g).astype(np.float32)
        a = np.clip((a - 60) * 1.5, 0, 255)
        sp = nr.rand(*a.shape) < 0.0015
        a[sp] = 30
        a[:, :12] *= 0.4
        a[-15:, :] *= 0.5
        g = Image.fromarray(a.astype(np.uint8))
    return g


def save_jpeg(img, path, q=88, exif=None, dpi=None, subsampling=None, qtables=None):
    kw = dict(quality=q)
    if exif is not None:
        kw['exif'] = exif
    if dpi:
        kw['dpi'] = (dpi, dpi)
    if subsampling is not None:
        kw['subsampling'] = subsampling
    if qtables is not None:
        kw.pop('quality')
        kw['qtables'] = qtables
    img.save(path, 'JPEG', **kw)


def wechat(img, path, rng):
    b = io.BytesIO()
    img.save(b, 'JPEG', quality=92)
    im = Image.open(io.BytesIO(b.getvalue())).convert('RGB')
    s = 1280 / max(im.size)
    if s < 1:
        im = im.resize((int(im.width * s), int(im.height * s)), Image.BILINEAR)
    im.save(path, 'JPEG', quality=rng.choice([72, 75, 78, 80]))


def screenshot(page, rng, clock='10:24', app='文件预览'):
    SW, SH = 1080, 2340
    sc = np.full((SH, SW, 3), 242, np.uint8)
    im = Image.fromarray(sc)
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, SW, 110], fill=(250, 250, 250))
    d.text((50, 35), clock, font=F(40), fill=(0, 0, 0))
    d.rectangle([930, 45, 1000, 78], outline=(0, 0, 0), width=3)
    d.rectangle([934, 49, 934 + rng.randint(20, 62), 74], fill=(0, 0, 0))
    d.rectangle([0, 110, SW, 250], fill=(255, 255, 255))
    d.text((60, 150), '〈', font=F(48), fill=(0, 0, 0))
    d.text((SW / 2 - d.textlength(app, font=F(44)) / 2, 152), app, font=F(44), fill=(0, 0, 0))
    p = page.resize((SW - 40, int(PH * (SW - 40) / PW)), Image.LANCZOS)
    im.paste(p, (20, 300))
    return im
