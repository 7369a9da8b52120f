# reportlab renderer for vector PDFs
import io
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader

CJK = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
pdfmetrics.registerFont(TTFont('WQY', CJK, subfontIndex=0))
pdfmetrics.registerFont(TTFont('WQYM', CJK, subfontIndex=1))


def _wrap(text, font, fs, width):
    out, cur = [], ''
    for ch in text:
        if pdfmetrics.stringWidth(cur + ch, font, fs) > width:
            out.append(cur); cur = ch
        else:
            cur += ch
    if cur:
        out.append(cur)
    return out


def render_pdf(doc, seal_png=None, meta=None, track=None):
    """Returns (bytes, boxes) boxes: key -> (x, y, w, h) in PDF points of tracked string."""
    track = track or {}
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=A4, invariant=1)
    if meta:
        c.setTitle(meta.get('title', '')); c.setAuthor(meta.get('author', '')); c.setCreator(meta.get('creator', ''))
        c.setProducer(meta.get('producer', 'ReportLab PDF Library'))
    Wd, Ht = A4
    font = 'WQYM' if doc.get('font_idx') == 1 else 'WQY'
    fs = doc.get('pfs', 12)
    y = Ht - 60
    boxes = {}
    if doc.get('style') in ('letterhead', 'hospital'):
        col = doc.get('head_color', (190, 20, 20)) if doc.get('style') == 'letterhead' else (0, 0, 0)
        c.setFillColorRGB(*[v / 255 for v in col])
        c.setFont(font, 20)
        c.drawCentredString(Wd / 2, y, doc['issuer'])
        y -= 22
        if doc.get('sub'):
            c.setFont(font, 9); c.drawCentredString(Wd / 2, y, doc['sub']); y -= 12
        if doc.get('style') == 'letterhead':
            c.setStrokeColorRGB(*[v / 255 for v in col]); c.setLineWidth(2); c.line(40, y, Wd - 40, y)
            c.setLineWidth(0.6); c.line(40, y - 4, Wd - 40, y - 4)
        y -= 30
    c.setFillColorRGB(0, 0, 0)
    if doc.get('docno'):
        c.setFont(font, 10); c.drawRightString(Wd - 50, y, doc['docno']); y -= 22
    c.setFont(font, 22)
    t = doc['title']
    c.drawCentredString(Wd / 2, y, ' '.join(t) if len(t) <= 5 else t)
    y -= 44
    lh = fs * 1.9

    def line(x, yy, s):
        c.drawString(x, yy, s)
        for k, v in track.items():
            if v in s and k not in boxes:
                off = pdfmetrics.stringWidth(s[:s.index(v)], font, fs)
                boxes[k] = (x + off, yy - 3, pdfmetrics.stringWidth(v, font, fs), fs + 5)
    c.setFont(font, fs)
    if doc.get('to'):
        line(50, y, doc['to']); y -= lh
    if doc.get('table'):
        x0, x1 = 50, Wd - 50
        colw = doc.get('colw', 0.28)
        xm = x0 + (x1 - x0) * colw
        for k, v in doc['table']:
            vl = _wrap(v, font, fs, x1 - xm - 12) or ['']
            rh = len(vl) * lh + 6
            c.rect(x0, y - rh, x1 - x0, rh); c.line(xm, y, xm, y - rh)
            c.drawString(x0 + 6, y - fs - 4, k)
            for i, s in enumerate(vl):
                line(xm + 6, y - fs - 4 - i * lh, s)
            y -= rh
        y -= 20
    for p in doc.get('paras', []):
        for s in _wrap('\u3000\u3000' + p, font, fs, Wd - 100):
            line(50, y, s); y -= lh
        y -= 4
    y -= 30
    sx = Wd - 240
    sy = y
    for s in doc.get('sign_lines', []):
        line(sx, y, s); y -= lh
    if seal_png is not None:
        sz = doc.get('pdf_seal_pt', 120)
        ir = ImageReader(seal_png)
        w, h = seal_png.size
        c.drawImage(ir, sx + 80 - sz * w / h / 2 + doc.get('seal_dx', 0) * 0.5, sy - sz / 2 - 10, width=sz * w / h, height=sz, mask='auto')
    if doc.get('footer'):
        c.setFont(font, 8); c.setFillColorRGB(0.4, 0.4, 0.4); c.drawString(50, 40, doc['footer'])
    c.showPage(); c.save()
    return b.getvalue(), boxes


def image_pdf(img, meta=None):
    b = io.BytesIO()
    c = canvas.Canvas(b, pagesize=A4, invariant=1)
    if meta:
        c.setCreator(meta.get('creator', '')); c.setProducer(meta.get('producer', ''))
    bi = io.BytesIO(); img.convert('RGB' if img.mode != 'L' else 'L').save(bi, 'JPEG', quality=80); bi.seek(0)
    c.drawImage(ImageReader(bi), 0, 0, width=A4[0], height=A4[1])
    c.showPage(); c.save()
    return b.getvalue()
