# Rendering, seal and capture helpers for the b22_docs evaluation set.
import io, math, random
import numpy as np
from PIL import Image, ImageDraw, ImageFont, ImageFilter, ImageEnhance

FD = "/tmp/b22docs_scratch/fonts/x/usr/share/fonts/truetype/"
FONTS = {
    "hei": FD + "wqy/wqy-microhei.ttc",
    "zen": FD + "wqy/wqy-zenhei.ttc",
    "kai": FD + "arphic/ukai.ttc",
    "ming": FD + "arphic/uming.ttc",
}
_fc = {}


def font(name, size):
    k = (name, size)
    if k not in _fc:
        _fc[k] = ImageFont.truetype(FONTS[name], size)
    return _fc[k]


W, H = 1240, 1754  # A4 at 150 dpi

# ---------------------------------------------------------------- ID / USCC
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_C = "10X98765432"


def id_check(body17):
    return ID_C[sum(int(a) * b for a, b in zip(body17, ID_W)) % 11]


def make_id(region, birth, seq3):
    b = f"{region}{birth}{seq3:03d}"
    return b + id_check(b)


def id_valid(s):
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return id_check(s[:17]) == s[17].upper()


USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def make_uscc(prefix17):
    s = sum(USCC_CH.index(c) * w for c, w in zip(prefix17, USCC_W))
    c = (31 - s % 31) % 31
    return prefix17 + USCC_CH[c]


# ---------------------------------------------------------------- seal
def seal_image(ring, center="", shape="round", star=True, reg=None, size=330,
               color=(205, 30, 35), seed=0, rot=0.0, ring_font="zen", ink=0.9):
    """RGBA seal. ring text on arc; optional star; center text; reg number on
    the lower arc (registration number)."""
    rnd = random.Random(seed)
    S = size * 2
    w, h = (S, S) if shape == "round" else (int(S * 1.35), S)
    im = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(im)
    lw = int(S * 0.035)
    d.ellipse([lw, lw, w - lw, h - lw], outline=255, width=lw)
    cx, cy = w / 2, h / 2
    rx, ry = w / 2 - lw * 3.2, h / 2 - lw * 3.2
    n = len(ring)
    span = 250 if shape == "round" else 220
    fs = int(S * (0.13 if n <= 12 else 0.11 if n <= 16 else 0.092))
    f = font(ring_font, fs)
    for i, ch in enumerate(ring):
        ang = -90 - span / 2 + span * (i + 0.5) / n  # degrees, top centred
        a = math.radians(ang)
        x = cx + (rx - fs * 0.55) * math.cos(a)
        y = cy + (ry - fs * 0.55) * math.sin(a)
        g = Image.new("L", (fs * 2, fs * 2), 0)
        ImageDraw.Draw(g).text((fs, fs), ch, font=f, fill=255, anchor="mm")
        g = g.rotate(-(ang + 90), resample=Image.BICUBIC)
        im.paste(255, (int(x - fs), int(y - fs)), g)
    if star:
        r = S * 0.12
        pts = []
        for k in range(10):
            rr = r if k % 2 == 0 else r * 0.38
            a = math.radians(-90 + 36 * k)
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(pts, fill=255)
    if center:
        f2 = font(ring_font, int(S * 0.075))
        d.text((cx, cy + S * 0.24), center, font=f2, fill=255, anchor="mm")
    if reg:
        f3 = font("hei", int(S * 0.045))
        m = len(reg)
        for i, ch in enumerate(reg):
            ang = 90 + 70 / 2 - 70 * (i + 0.5) / m
            a = math.radians(ang)
            x = cx + (rx - S * 0.03) * math.cos(a)
            y = cy + (ry - S * 0.03) * math.sin(a)
            g = Image.new("L", (80, 80), 0)
            ImageDraw.Draw(g).text((40, 40), ch, font=f3, fill=255, anchor="mm")
            g = g.rotate(-(ang - 90), resample=Image.BICUBIC)
            im.paste(255, (int(x - 40), int(y - 40)), g)
    im = im.resize((w // 2, h // 2), Image.LANCZOS)
    # ink texture
    a = np.asarray(im).astype(np.float32) / 255
    nr = np.random.default_rng(seed)
    tex = nr.random((a.shape[0] // 6 + 1, a.shape[1] // 6 + 1))
    tex = np.asarray(Image.fromarray((tex * 255).astype(np.uint8)).resize(
        (a.shape[1], a.shape[0]), Image.BICUBIC)).astype(np.float32) / 255
    a = a * np.clip(ink - 0.35 + 0.6 * tex, 0.15, 1.0)
    al = Image.fromarray((a * 255).astype(np.uint8)).rotate(rot, resample=Image.BICUBIC, expand=True)
    out = Image.new("RGBA", al.size, color + (0,))
    out.putalpha(al)
    return out


def stamp(page, seal, cx, cy):
    """multiply-blend seal onto RGB page, centred at cx, cy."""
    x0, y0 = int(cx - seal.width / 2), int(cy - seal.height / 2)
    p = np.asarray(page).astype(np.float32)
    s = np.asarray(seal).astype(np.float32)
    al = s[..., 3:4] / 255
    col = s[..., :3]
    reg = p[y0:y0 + seal.height, x0:x0 + seal.width]
    blended = reg * (1 - al) + np.minimum(reg, col) * al
    p[y0:y0 + seal.height, x0:x0 + seal.width] = blended
    return Image.fromarray(p.clip(0, 255).astype(np.uint8)), (x0, y0, x0 + seal.width, y0 + seal.height)


# ---------------------------------------------------------------- page render
def wrap(text, f, maxw):
    lines, cur = [], ""
    for ch in text:
        if f.getlength(cur + ch) > maxw:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    if cur:
        lines.append(cur)
    return lines


def render_page(doc):
    """doc: dict with issuer, title, paras (list), table (list of (k,v)),
    sign (list lines), date, fontset, layout, seal(dict) -> (img, seal_box, seal_img)."""
    fb = doc.get("font", "ming")
    ft = doc.get("tfont", "hei")
    img = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(img)
    y = 110
    lay = doc.get("layout", "plain")
    if lay == "letterhead":
        d.text((W / 2, y), doc["issuer"], font=font(ft, 54), fill=(190, 20, 20), anchor="mm")
        if doc.get("issuer_en"):
            d.text((W / 2, y + 50), doc["issuer_en"], font=font("hei", 20), fill=(120, 20, 20), anchor="mm")
        d.line([(100, y + 80), (W - 100, y + 80)], fill=(190, 20, 20), width=5)
        d.line([(100, y + 90), (W - 100, y + 90)], fill=(190, 20, 20), width=2)
        y += 150
    elif lay == "hospital":
        d.text((W / 2, y), doc["issuer"], font=font(ft, 46), fill=(0, 0, 0), anchor="mm")
        y += 70
    if doc.get("docno"):
        d.text((W - 110, y), doc["docno"], font=font("hei", 24), fill=(40, 40, 40), anchor="rm")
        y += 40
    d.text((W / 2, y + 30), doc["title"], font=font(ft, 60 if lay != "hospital" else 50), fill=(0, 0, 0), anchor="mm")
    y += 120
    fsz = doc.get("fsize", 34)
    fbf = font(fb, fsz)
    if doc.get("to"):
        d.text((110, y), doc["to"], font=fbf, fill=(0, 0, 0))
        y += fsz + 26
    if doc.get("table"):
        t = doc["table"]
        x0, x1, xm = 110, W - 110, 400
        rh = 72
        d.rectangle([x0, y, x1, y + rh * len(t)], outline=(0, 0, 0), width=3)
        for i, (k, v) in enumerate(t):
            yy = y + rh * i
            if i:
                d.line([(x0, yy), (x1, yy)], fill=(0, 0, 0), width=2)
            d.text((x0 + 20, yy + rh / 2), k, font=font(ft, 30), fill=(0, 0, 0), anchor="lm")
            d.text((xm + 20, yy + rh / 2), v, font=fbf, fill=(0, 0, 0), anchor="lm")
            doc.setdefault("_pos", {})[k] = (xm + 20, yy + rh / 2, fbf.getlength(v), fsz)
        d.line([(xm, y), (xm, y + rh * len(t))], fill=(0, 0, 0), width=2)
        y += rh * len(t) + 40
    doc["_para_y"] = []
    for p in doc.get("paras", []):
        y_s = y
        for i, ln in enumerate(wrap(p, fbf, W - 220 - (2 * fsz))):
            d.text((110 + (2 * fsz if i == 0 else 0), y), ln, font=fbf, fill=(0, 0, 0))
            y += int(fsz * 1.9)
        doc["_para_y"].append((y_s, y))
        y += 8
    y = max(y + 60, doc.get("sign_y", 0))
    sx = W - 140
    for ln in doc.get("sign", []):
        d.text((sx, y), ln, font=fbf, fill=(0, 0, 0), anchor="ra")
        y += int(fsz * 1.8)
    d.text((sx, y), doc["date"], font=fbf, fill=(0, 0, 0), anchor="ra")
    doc.setdefault("_pos", {})["_date"] = (sx - fbf.getlength(doc["date"]), y + fsz / 2, fbf.getlength(doc["date"]), fsz)
    date_y = y
    for ln in doc.get("foot", []):
        y += int(fsz * 1.8)
    if doc.get("foot"):
        fy = H - 150
        for ln in doc["foot"]:
            d.text((110, fy), ln, font=font("hei", 22), fill=(80, 80, 80))
            fy += 34
    seal_box, simg = None, None
    if doc.get("seal"):
        s = doc["seal"]
        simg = seal_image(**s)
        cx = sx - 150 + doc.get("seal_dx", 0)
        cy = date_y - 20 + doc.get("seal_dy", 0)
        img, seal_box = stamp(img, simg, cx, cy)
    return img, seal_box, simg


# ---------------------------------------------------------------- captures
def _persp_coeffs(src, dst):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def paper_noise(img, rng, amt=4):
    a = np.asarray(img).astype(np.float32)
    a += rng.normal(0, amt, a.shape)
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


def phone_photo(img, rng, light="normal", fold=False, screen=False, blur=1.0, out_w=1500):
    """Paper on a desk photographed at an angle with shadow and blur."""
    w, h = img.size
    if fold:
        a = np.asarray(img).astype(np.float32)
        fx = int(h * rng.uniform(0.45, 0.55))
        prof = 1 - 0.18 * np.exp(-((np.arange(h) - fx) / 12.0) ** 2)
        prof2 = np.where(np.arange(h) > fx, 0.94, 1.0)
        a *= (prof * prof2)[:, None, None]
        img = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    if screen:
        a = np.asarray(img.resize((w, h))).astype(np.float32)
        yy, xx = np.mgrid[0:h, 0:w]
        moire = 10 * np.sin(xx * 0.9 + yy * 0.31) * np.sin(yy * 0.77)
        a = a * 0.82 + 30 + moire[..., None]
        a[..., 2] += 12
        img = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    bg = {"normal": (92, 84, 74), "warm": (120, 86, 50), "dim": (50, 48, 46)}[light]
    CW, CH = int(w * 1.25), int(h * 1.18)
    m = [rng.uniform(0.04, 0.09) for _ in range(8)]
    dst = [(CW * m[0], CH * m[1]), (CW * (1 - m[2]), CH * m[3] * 0.8),
           (CW * (1 - m[4] * 0.7), CH * (1 - m[5])), (CW * m[6] * 1.1, CH * (1 - m[7] * 0.7))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    c = _persp_coeffs(src, dst)
    canvas = Image.new("RGB", (CW, CH), bg)
    tex = rng.normal(0, 9, (CH // 8, CW // 8))
    tex = Image.fromarray((tex + 128).clip(0, 255).astype(np.uint8)).resize((CW, CH), Image.BICUBIC)
    canvas = Image.fromarray((np.asarray(canvas).astype(np.float32) + (np.asarray(tex)[..., None].astype(np.float32) - 128)).clip(0, 255).astype(np.uint8))
    warped = img.transform((CW, CH), Image.PERSPECTIVE, c, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", (w, h), 255).transform((CW, CH), Image.PERSPECTIVE, c, Image.BILINEAR, fillcolor=0)
    canvas.paste(warped, (0, 0), mask)
    a = np.asarray(canvas).astype(np.float32)
    yy, xx = np.mgrid[0:CH, 0:CW]
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    grad = 1 - 0.22 * ((xx / CW - 0.5) * gx + (yy / CH - 0.5) * gy + 0.5)
    # soft shadow blob (hand/phone)
    sx, sy = rng.uniform(0.1, 0.9) * CW, rng.uniform(0.6, 1.0) * CH
    sh = 1 - 0.28 * np.exp(-(((xx - sx) / (CW * 0.25)) ** 2 + ((yy - sy) / (CH * 0.18)) ** 2))
    g = grad * sh
    a *= g[..., None]
    if light == "warm":
        a *= np.array([1.06, 0.95, 0.78])
    if light == "dim":
        a = a * 0.62 + rng.normal(0, 7, a.shape)
    else:
        a += rng.normal(0, 3.5, a.shape)
    out = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    out = out.filter(ImageFilter.GaussianBlur(blur))
    out = out.resize((out_w, int(out_w * CH / CW)), Image.LANCZOS)
    fc = _persp_coeffs(dst, src)
    k = out_w / CW

    def fwd(x, y):
        a, b, c_, d_, e, f_, g_, h_ = fc
        den = g_ * x + h_ * y + 1
        return ((a * x + b * y + c_) / den * k, (d_ * x + e * y + f_) / den * k)
    phone_photo.last_fwd = fwd
    return out


def scanner(img, rng, gray=False, dpi_scale=1.0, skew=None):
    a = paper_noise(img, rng, 2.5)
    sk = rng.uniform(-0.8, 0.8) if skew is None else skew
    a = a.rotate(sk, resample=Image.BICUBIC, fillcolor=(250, 250, 248), expand=False)
    a = a.filter(ImageFilter.GaussianBlur(0.55))
    if dpi_scale != 1.0:
        a = a.resize((int(a.width * dpi_scale), int(a.height * dpi_scale)), Image.LANCZOS)
    if gray:
        a = a.convert("L")
    return a


def fax(img, rng):
    g = img.convert("L").resize((img.width * 2 // 3, img.height * 2 // 3), Image.BILINEAR)
    g = g.rotate(rng.uniform(-1.2, 1.2), fillcolor=255)
    a = np.asarray(g).astype(np.float32) + rng.normal(0, 18, (g.height, g.width))
    b = Image.fromarray(a.clip(0, 255).astype(np.uint8)).convert("1")
    # horizontal streaks
    b = b.convert("L")
    a = np.asarray(b).copy()
    for _ in range(4):
        r = rng.integers(0, a.shape[0])
        a[r:r + 1, :] = np.minimum(a[r:r + 1, :], 90)
    return Image.fromarray(a)


def photocopy(img, rng, gen=2):
    g = img.convert("L")
    for _ in range(gen):
        a = np.asarray(g).astype(np.float32)
        a = (a - 60) * 1.35
        a += rng.normal(0, 10, a.shape)
        a[:, :18] *= 0.4
        g = Image.fromarray(a.clip(0, 255).astype(np.uint8)).rotate(rng.uniform(-0.7, 0.7), fillcolor=235)
        g = g.filter(ImageFilter.GaussianBlur(0.7))
    return g


def wechat(img, rng):
    w = 1080
    im = img.convert("RGB").resize((w, int(img.height * w / img.width)), Image.BILINEAR)
    b = io.BytesIO()
    im.save(b, "JPEG", quality=90)
    im = Image.open(io.BytesIO(b.getvalue())).convert("RGB")
    return im


def phone_exif(make, model, dt, software=None):
    ex = Image.Exif()
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0132] = dt
    if software:
        ex[0x0131] = software
    ifd = ex.get_ifd(0x8769)
    ifd[0x9003] = dt
    ifd[0x9004] = dt
    ifd[0x829A] = 1 / 60
    ifd[0x8827] = 200
    ifd[0x920A] = 4.7
    return ex


def screenshot(img, rng, app_title="电子证照", t="10:24"):
    """Phone screenshot (1080x2340 png) of a doc shown in an app."""
    Wp, Hp = 1080, 2340
    s = Image.new("RGB", (Wp, Hp), (242, 242, 242))
    d = ImageDraw.Draw(s)
    d.rectangle([0, 0, Wp, 90], fill=(255, 255, 255))
    d.text((60, 45), t, font=font("hei", 34), fill=(0, 0, 0), anchor="lm")
    d.text((Wp - 60, 45), "5G 87%", font=font("hei", 30), fill=(0, 0, 0), anchor="rm")
    d.rectangle([0, 90, Wp, 230], fill=(255, 255, 255))
    d.text((Wp / 2, 160), app_title, font=font("hei", 40), fill=(0, 0, 0), anchor="mm")
    d.text((50, 160), "<", font=font("hei", 48), fill=(0, 0, 0), anchor="lm")
    dw = Wp - 60
    doc = img.resize((dw, int(img.height * dw / img.width)), Image.LANCZOS)
    s.paste(doc, (30, 280))
    return s
