# b28_docs build library: IDs, seals, page rendering (PIL + reportlab), capture pipelines
import io, math, random, datetime as dt
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageEnhance, ImageOps
FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
W_MM, H_MM = 210.0, 297.0
_fc = {}
def font(px, idx=0):
    k = (int(px), idx)
    if k not in _fc: _fc[k] = ImageFont.truetype(FONT, int(px), index=idx)
    return _fc[k]
def text_w_mm(s, size_pt, idx=0):
    return font(100, idx).getlength(s) * size_pt / 100 * 25.4 / 72

# ---------- IDs ----------
W17 = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
def id_check(s17): return '10X98765432'[sum(int(a)*b for a,b in zip(s17, W17)) % 11]
def make_id(region, birth, seq, sex):  # sex 'M'/'F'
    q = seq % 100
    d3 = (seq // 100) % 10
    third = (2*((q+d3) % 5) + (1 if sex == 'M' else 0))
    s17 = f"{region}{birth:%Y%m%d}{q:02d}{third}"
    return s17 + id_check(s17)
def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit(): return False
    try: dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError: return False
    return s[17] == id_check(s[:17])
UC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def uscc(s17):
    c = 31 - sum(UC.index(ch)*w for ch, w in zip(s17, UW)) % 31
    return s17 + UC[0 if c == 31 else c]

# ---------- seals ----------
RED = (205, 25, 35)
def make_seal(spec, pxmm=12):
    """spec: shape round|oval, w,h mm, ring, star bool, center (text under/instead of star), bottom (text along bottom arc), seed, ring_size"""
    w, h = spec['w'], spec.get('h', spec['w'])
    W, H = int(w*pxmm), int(h*pxmm)
    im = Image.new('L', (W+8, H+8), 0); d = ImageDraw.Draw(im)
    lw = int(spec.get('lw', 1.2)*pxmm)
    d.ellipse([4, 4, W+3, H+3], outline=255, width=lw)
    if spec.get('inner'):
        g = int(1.6*pxmm); d.ellipse([4+g, 4+g, W+3-g, H+3-g], outline=255, width=max(2, lw//4))
    cx, cy = (W+8)/2, (H+8)/2
    ring = spec['ring']; n = len(ring)
    rs = spec.get('ring_size', 5.2 if spec['shape']=='round' else 4.6)
    cpx = int(rs*pxmm)
    span = spec.get('span', 250 if spec['shape']=='round' else 220)
    rx, ry = W/2 - lw - cpx*0.78, H/2 - lw - cpx*0.78
    fnt = font(cpx, spec.get('fidx', 0))
    def put(ch, theta, rot, f):
        ci = Image.new('L', (int(f.size*1.3),)*2, 0)
        ImageDraw.Draw(ci).text((ci.width/2, ci.height/2), ch, font=f, fill=255, anchor='mm',
                               stroke_width=spec.get('stroke', 1), stroke_fill=255)
        ci = ci.rotate(rot, resample=Image.BICUBIC, expand=True)
        x = cx + rx*math.cos(math.radians(theta)); y = cy - ry*math.sin(math.radians(theta))
        im.paste(255, (int(x-ci.width/2), int(y-ci.height/2)), ci)
    for i, ch in enumerate(ring):
        th = 90 + span/2 - (i*span/(n-1) if n > 1 else span/2)
        put(ch, th, th-90, fnt)
    if spec.get('bottom'):
        b = spec['bottom']; m = len(b); bs = spec.get('bspan', 70)
        bf = font(int(2.6*pxmm))
        for i, ch in enumerate(b):
            th = 270 - bs/2 + i*bs/(m-1)
            x = cx + (rx+cpx*0.15)*math.cos(math.radians(th)); y = cy - (ry+cpx*0.15)*math.sin(math.radians(th))
            ci = Image.new('L', (bf.size*2,)*2, 0)
            ImageDraw.Draw(ci).text((bf.size, bf.size), ch, font=bf, fill=255, anchor='mm')
            ci = ci.rotate(th+90-360, resample=Image.BICUBIC, expand=True)
            im.paste(255, (int(x-ci.width/2), int(y-ci.height/2)), ci)
    if spec.get('star'):
        R = min(W, H)*spec.get('star_r', 0.17); pts = []
        sy = cy - (R*0.25 if spec.get('center') else 0)
        for k in range(10):
            a = math.radians(90 + k*36); r = R if k % 2 == 0 else R*0.382
            pts.append((cx + r*math.cos(a), sy - r*math.sin(a)))
        d.polygon(pts, fill=255)
    if spec.get('center'):
        ct = spec['center']; cs = int(spec.get('center_size', 3.6)*pxmm)
        yy = cy + (min(W, H)*0.22 if spec.get('star') else 0)
        d.text((cx, yy), ct, font=font(cs), fill=255, anchor='mm')
    if spec.get('code'):   # horizontal registration number under centre
        d.text((cx, cy + H*0.33), spec['code'], font=font(int(2.2*pxmm)), fill=255, anchor='mm')
    # ink texture (deterministic by seed)
    r = np.random.RandomState(spec.get('seed', 1))
    a = np.asarray(im).astype(np.float32)/255
    lo = r.rand(max(2, im.height//40), max(2, im.width//40))
    lo = np.asarray(Image.fromarray((lo*255).astype(np.uint8)).resize(im.size, Image.BICUBIC)).astype(np.float32)/255
    fine = r.rand(im.height, im.width)
    tex = np.clip(0.55 + 0.6*lo, 0, 1) * (fine > 0.08)
    a = np.clip(a*tex*spec.get('ink', 0.95), 0, 1)
    rgba = np.zeros((im.height, im.width, 4), np.uint8); rgba[..., 0] = RED[0]; rgba[..., 1] = RED[1]; rgba[..., 2] = RED[2]
    rgba[..., 3] = (a*255).astype(np.uint8)
    out = Image.fromarray(rgba, 'RGBA')
    if spec.get('rot'): out = out.rotate(spec['rot'], resample=Image.BICUBIC, expand=True)
    return out

# ---------- page ops ----------
# ('t', x, y, pt, s, {align,bold,f,color}) ; ('l', x1,y1,x2,y2,w) ; ('r', x,y,w,h,lw) ; ('img', cx,cy,w_mm,h_mm,PIL RGBA)
def wrap(s, width_mm, pt, idx=0):
    lines, cur = [], ''
    for ch in s:
        if ch == '\n': lines.append(cur); cur = ''; continue
        if text_w_mm(cur+ch, pt, idx) > width_mm and cur:
            if ch in '，。；：、）”': cur += ch; lines.append(cur); cur = ''; continue
            lines.append(cur); cur = ch
        else: cur += ch
    if cur: lines.append(cur)
    return lines
def para(ops, x, y, width, pt, s, lead=1.9, indent=True, **kw):
    first = ('\u3000\u3000' if indent else '')
    for line in wrap(first+s, width, pt):
        ops.append(('t', x, y, pt, line, kw)); y += pt*0.3528*lead
    return y

def render_pil(ops, dpi=150, paper=(255, 255, 255), size=(W_MM, H_MM)):
    k = dpi/25.4
    im = Image.new('RGB', (int(size[0]*k), int(size[1]*k)), paper); d = ImageDraw.Draw(im)
    for op in ops:
        if op[0] == 't':
            _, x, y, pt, s, o = op
            f = font(pt/72*dpi, o.get('f', 0)); anchor = {'l': 'ls', 'c': 'ms', 'r': 'rs'}[o.get('align', 'l')]
            col = o.get('color', (20, 20, 20))
            d.text((x*k, y*k), s, font=f, fill=col, anchor=anchor, stroke_width=1 if o.get('bold') else 0, stroke_fill=col)
        elif op[0] == 'l':
            _, x1, y1, x2, y2, w = op[:6]; col = op[6] if len(op) > 6 else (30, 30, 30)
            d.line([(x1*k, y1*k), (x2*k, y2*k)], fill=col, width=max(1, int(w*k)))
        elif op[0] == 'r':
            _, x, y, w, h, lw = op; d.rectangle([x*k, y*k, (x+w)*k, (y+h)*k], outline=(30, 30, 30), width=max(1, int(lw*k)))
        elif op[0] == 'img':
            _, cx, cy, w, h, sim = op
            s2 = sim.resize((max(1, int(w*k)), max(1, int(h*k))), Image.LANCZOS)
            im = multiply_paste(im, s2, int(cx*k - s2.width/2), int(cy*k - s2.height/2)); d = ImageDraw.Draw(im)
    return im

def multiply_paste(base, rgba, x, y):
    """ink-like blend of RGBA onto RGB base (multiply within alpha)"""
    b = np.asarray(base).astype(np.float32)
    s = np.asarray(rgba).astype(np.float32)
    H, W = b.shape[:2]
    x0, y0 = max(0, x), max(0, y); x1, y1 = min(W, x+s.shape[1]), min(H, y+s.shape[0])
    if x1 <= x0 or y1 <= y0: return base
    ss = s[y0-y:y1-y, x0-x:x1-x]; a = ss[..., 3:4]/255
    reg = b[y0:y1, x0:x1]
    mult = reg*ss[..., :3]/255
    b[y0:y1, x0:x1] = reg*(1-a) + mult*a
    return Image.fromarray(np.clip(b, 0, 255).astype(np.uint8))

def render_pdf(ops, path_or_buf, meta=None, size=(W_MM, H_MM)):
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.utils import ImageReader
    from reportlab.lib.units import mm
    for nm, idx in (('WQY', 0), ('WQYM', 1)):
        if nm not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(nm, FONT, subfontIndex=idx))
    c = canvas.Canvas(path_or_buf, pagesize=(size[0]*mm, size[1]*mm), invariant=1)
    meta = meta or {}
    if meta.get('creator'): c.setCreator(meta['creator'])
    if meta.get('producer'): c.setProducer(meta['producer'])
    if meta.get('title'): c.setTitle(meta['title'])
    if meta.get('author'): c.setAuthor(meta['author'])
    Hp = size[1]
    for op in ops:
        if op[0] == 't':
            _, x, y, pt, s, o = op
            col = o.get('color', (20, 20, 20)); c.setFillColorRGB(*[v/255 for v in col])
            fn = 'WQYM' if o.get('f', 0) == 1 else 'WQY'; c.setFont(fn, pt)
            if o.get('bold'):
                c.setStrokeColorRGB(*[v/255 for v in col]); c.setLineWidth(0.35)
                t = c.beginText(); t.setTextRenderMode(2); t.setFont(fn, pt)
                wpt = c.stringWidth(s, fn, pt); xa = {'l': 0, 'c': wpt/2, 'r': wpt}[o.get('align', 'l')]
                t.setTextOrigin(x*mm - xa, (Hp-y)*mm); t.textOut(s); c.drawText(t)
            else:
                fnc = {'l': c.drawString, 'c': c.drawCentredString, 'r': c.drawRightString}[o.get('align', 'l')]
                fnc(x*mm, (Hp-y)*mm, s)
        elif op[0] == 'l':
            _, x1, y1, x2, y2, w = op[:6]; col = op[6] if len(op) > 6 else (30, 30, 30)
            c.setStrokeColorRGB(*[v/255 for v in col]); c.setLineWidth(w*mm); c.line(x1*mm, (Hp-y1)*mm, x2*mm, (Hp-y2)*mm)
        elif op[0] == 'r':
            _, x, y, w, h, lw = op; c.setStrokeColorRGB(.12, .12, .12); c.setLineWidth(lw*mm); c.rect(x*mm, (Hp-y-h)*mm, w*mm, h*mm, fill=0)
        elif op[0] == 'img':
            _, cx, cy, w, h, sim = op
            sim2 = sim if sim.width < 700 else sim.resize((600, int(600*sim.height/sim.width)), Image.LANCZOS)
            c.drawImage(ImageReader(sim2), (cx-w/2)*mm, (Hp-cy-h/2)*mm, w*mm, h*mm, mask='auto')
    c.showPage(); c.save()

# ---------- capture pipelines ----------
def _noise(a, rng, s):
    return a + rng.normal(0, s, a.shape)
def to_jpeg(im, q=85, exif=None, dpi=None, subsampling=None, qtables=None, optimize=False):
    b = io.BytesIO(); kw = {}
    if exif is not None: kw['exif'] = exif
    if dpi: kw['dpi'] = dpi
    if subsampling is not None: kw['subsampling'] = subsampling
    if qtables is not None: kw['qtables'] = qtables; kw.pop('quality', None)
    else: kw['quality'] = q
    im.save(b, 'JPEG', optimize=optimize, **kw); return b.getvalue()

def homography(src, dst):
    A = []; B = []
    for (x, y), (u, v) in zip(src, dst):
        A.append([x, y, 1, 0, 0, 0, -u*x, -u*y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v*x, -v*y]); B.append(v)
    h = np.linalg.solve(np.array(A, float), np.array(B, float))
    return np.append(h, 1).reshape(3, 3)

def scanner(page, rng, variant='plain', dpi_out=150, angle=None):
    """returns (PIL image, mapfn(page_px)->out_px)"""
    im = page.convert('RGB')
    ang = rng.uniform(-0.6, 0.6) if angle is None else angle
    if variant in ('fax', 'photocopy2'): im = im.convert('L')
    im = im.rotate(ang, resample=Image.BICUBIC, fillcolor=(250, 250, 248) if im.mode == 'RGB' else 250)
    cx, cy = page.width/2, page.height/2
    def mp(x, y):
        a = math.radians(-ang); dx, dy = x-cx, y-cy
        return (cx + dx*math.cos(a) - dy*math.sin(a), cy + dx*math.sin(a) + dy*math.cos(a))
    a = np.asarray(im).astype(np.float32)
    if variant == 'plain':
        tone = np.array([246, 245, 240], np.float32)
        a = a/255*tone; a = _noise(a, rng, 2.2)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
    elif variant == 'gray':
        a = a.mean(axis=2)*0.96 + 4; a = _noise(a, rng, 2.5)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), 'L').filter(ImageFilter.GaussianBlur(0.45))
    elif variant == 'fax':
        sm = Image.fromarray(a.astype(np.uint8), 'L').resize((int(page.width*0.66), int(page.height*0.5)), Image.BILINEAR)
        b = np.asarray(sm).astype(np.float32); b = _noise(b, rng, 18)
        b = np.where(b > 150, 255, 0).astype(np.uint8)
        sp = rng.rand(*b.shape) < 0.0015; b[sp] = 0
        im = Image.fromarray(b, 'L').resize(page.size, Image.NEAREST).filter(ImageFilter.GaussianBlur(0.6))
    elif variant == 'photocopy2':
        for gen in range(2):
            a = (a-128)*1.35 + 150; a = _noise(a, rng, 7)
            a = np.asarray(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), 'L').filter(ImageFilter.GaussianBlur(0.8))).astype(np.float32)
            sp = rng.rand(*a.shape) < 0.0008; a[sp] = 40
        h, w = a.shape; yy, xx = np.mgrid[0:h, 0:w]
        edge = np.minimum(np.minimum(xx, w-1-xx), np.minimum(yy, h-1-yy))
        a = a*np.clip(0.55 + edge/60, 0, 1)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), 'L')
    if dpi_out != 150:
        f = dpi_out/150; im = im.resize((int(im.width*f), int(im.height*f)), Image.LANCZOS)
        mp0 = mp; mp = lambda x, y: tuple(v*f for v in mp0(x, y))
    return im, mp

PHONES = [("HUAWEI", "NOH-AN00", "NOH-AN00 4.0.0.160(C00E150R5P2)"), ("Xiaomi", "2201123C", "2201123C V14.0.6.0.TLACNXM"),
          ("Apple", "iPhone 13", "16.5.1"), ("OPPO", "PEEM00", "PEEM00_11_F.21"), ("vivo", "V2145A", "compass_12.1.8"),
          ("HONOR", "ANY-AN00", "ANY-AN00 6.1.0.233(C00E200R2P5)"), ("Apple", "iPhone 11", "17.2")]
def phone_exif(rng, when, phone=None):
    mk, md, sw = phone or PHONES[rng.randint(len(PHONES))]
    e = Image.Exif(); s = when.strftime('%Y:%m:%d %H:%M:%S')
    e[0x010F] = mk; e[0x0110] = md; e[0x0131] = sw; e[0x0132] = s; e[0x0112] = 1
    ifd = e.get_ifd(0x8769); ifd[0x9003] = s; ifd[0x9004] = s; ifd[0x8827] = int(rng.choice([100, 200, 400, 800, 1600]))
    return e

def phone(page, rng, variant='desk', out=(1500, 2000)):
    """photo of a paper (or a screen). returns (PIL RGB, mapfn page_px->out_px)"""
    W, H = out; pw, ph = page.size
    bgc = {'desk': (150, 112, 80), 'dim': (60, 55, 50), 'warm': (180, 150, 110), 'folded': (200, 200, 205),
           'screen': (25, 25, 28), 'table': (225, 228, 230)}[variant]
    src = page.convert('RGB')
    if variant == 'screen':
        a = np.asarray(src.resize((pw*2, ph*2), Image.NEAREST)).astype(np.float32)
        a = a*0.85 + 20; a[..., 2] += 10
        yy, xx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
        for c in range(3): a[..., c] *= 0.78 + 0.22*((xx % 3) == c)
        moire = 1 + 0.07*np.sin(2*math.pi*(xx*0.013 + yy*0.021))*np.sin(2*math.pi*(xx*0.004 - yy*0.017))
        a *= moire[..., None]
        src = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).resize((pw, ph), Image.BILINEAR)
    if variant == 'folded':
        a = np.asarray(src).astype(np.float32); yy = np.arange(ph)[:, None]; xx = np.arange(pw)[None, :]
        sh = np.ones((ph, pw), np.float32)
        for fy in (ph/3, 2*ph/3):
            d = (yy - fy)/ph
            sh *= np.where(d < 0, 1 - 0.10*np.exp(d*60), 1 + 0.04*np.exp(-d*60)) * (1 - 0.25*np.exp(-(d*ph/2.2)**2))
        d = (xx - pw/2)/pw; sh *= 1 - 0.18*np.exp(-(d*pw/2.5)**2)
        src = Image.fromarray(np.clip(a*sh[..., None], 0, 255).astype(np.uint8))
    sc = min(W/pw, H/ph)*rng.uniform(0.78, 0.9)
    dw, dh = pw*sc, ph*sc; ox, oy = (W-dw)/2 + rng.uniform(-30, 30), (H-dh)/2 + rng.uniform(-30, 30)
    j = lambda: rng.uniform(-0.045, 0.045)*dw
    dst = [(ox+j(), oy+j()), (ox+dw+j(), oy+j()), (ox+dw+j(), oy+dh+j()), (ox+j(), oy+dh+j())]
    srcc = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    Hm = homography(srcc, dst); Hi = np.linalg.inv(Hm); Hi = Hi/Hi[2, 2]
    bg = Image.new('RGB', (W, H), bgc)
    a = np.asarray(bg).astype(np.float32); a = _noise(a, rng, 6)
    bg = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2))
    warped = src.transform((W, H), Image.PERSPECTIVE, tuple(Hi.flatten()[:8]), Image.BICUBIC)
    mask = Image.new('L', (pw, ph), 255).transform((W, H), Image.PERSPECTIVE, tuple(Hi.flatten()[:8]), Image.BILINEAR)
    # soft drop shadow
    shadow = mask.filter(ImageFilter.GaussianBlur(12)); bga = np.asarray(bg).astype(np.float32)
    bga *= (1 - 0.35*np.asarray(shadow, np.float32)[..., None]/255)
    bg = Image.fromarray(np.clip(bga, 0, 255).astype(np.uint8))
    bg.paste(warped, (0, 0), mask)
    a = np.asarray(bg).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    grad = 1 + 0.12*(gx*(xx/W-0.5) + gy*(yy/H-0.5))
    if variant in ('desk', 'table', 'folded'):   # hand/phone shadow blob
        sx, sy = rng.uniform(0.2, 0.8)*W, rng.uniform(0.6, 1.1)*H
        grad *= 1 - 0.28*np.exp(-(((xx-sx)/(0.35*W))**2 + ((yy-sy)/(0.25*H))**2))
    tint = {'desk': (1.0, 0.98, 0.94), 'dim': (0.55, 0.5, 0.42), 'warm': (1.02, 0.9, 0.7),
            'folded': (0.97, 0.97, 1.0), 'screen': (0.9, 0.95, 1.05), 'table': (0.98, 0.99, 1.0)}[variant]
    a = a*grad[..., None]*np.array(tint, np.float32)
    a = _noise(a, rng, 9 if variant == 'dim' else 3.5)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3) if variant != 'dim' else 1.5))
    im = ImageEnhance.Sharpness(im).enhance(1.6)
    def mp(x, y):
        v = Hm @ np.array([x, y, 1.0]); return (v[0]/v[2], v[1]/v[2])
    return im, mp

def wechat(im, rng, q=None):
    """WeChat forward: downscale long side to <=1280 (or 1080), strip EXIF, recompress"""
    im = im.convert('RGB'); ls = max(im.size); tgt = 1280 if rng.rand() < 0.6 else 1080
    if ls > tgt:
        f = tgt/ls; im = im.resize((int(im.width*f), int(im.height*f)), Image.BILINEAR)
    return to_jpeg(im, q or int(rng.choice([72, 75, 80, 82])))

def cn_date(d): return d if isinstance(d, str) else f"{d.year}年{d.month}月{d.day}日"
