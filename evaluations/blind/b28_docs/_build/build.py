# b28_docs builder. Run: /work/main/.venv/bin/python build.py   (seed 2828; deterministic apart from library versions)
import os, sys, json, csv, io, copy, datetime as dt
sys.path.insert(0, os.path.dirname(__file__))
from lib import *
from templates import *
from PIL import JpegPresets
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
ATT = os.path.join(OUT, 'attachments'); os.makedirs(ATT, exist_ok=True)
R = np.random.RandomState(2828)
D = dt.date; TZ = dt.timezone(dt.timedelta(hours=8))
LENDER = '安信消费金融有限公司'

# ---------------- people ----------------
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥建国志海波宁辉鹏飞云莉佳俊浩宇欣怡子轩梓涵晨阳嘉琪思雨文博雪梅春燕凤琴立新永健德胜小兵')
REG_OLD = ['110101', '310115', '440304', '430104', '510107', '411625', '450103', '420106', '370202', '320106', '610113', '350203',
           '130102', '500103', '411623', '330106', '440605', '320505', '420111', '451025']
REG_NEW = [('440309', 2016), ('320213', 2015), ('330112', 2017), ('500156', 2016), ('510116', 2016)]   # district codes created after holder's birth
used_names = set(); people = []
def new_person(region=None, byear=None, sex=None, name=None):
    sex = sex or ('M' if R.rand() < 0.55 else 'F')
    while name is None or name in used_names:
        name = SUR[R.randint(len(SUR))] + ''.join(GIV[R.randint(len(GIV))] for _ in range(1 if R.rand() < 0.35 else 2))
    used_names.add(name)
    byear = byear or int(R.randint(1972, 2001))
    birth = D(byear, int(R.randint(1, 13)), int(R.randint(1, 29)))
    region = region or REG_OLD[R.randint(len(REG_OLD))]
    idno = make_id(region, birth, int(R.randint(0, 1000)), sex)
    return dict(name=name, sex=sex, birth=birth, idno=idno, region=region)

customers = []; complaints_att = {}
def new_customer(newcode=False, want_x=False, **kw):
    if newcode:
        rc, yr = REG_NEW[len([c for c in customers if c.get('newcode')]) % len(REG_NEW)]
        p = new_person(region=rc, byear=int(R.randint(1972, min(yr-3, 1996))), **kw)
    else: p = new_person(**kw)
    if want_x:
        while not p['idno'].endswith('X'):
            p['idno'] = make_id(p['region'], p['birth'], int(R.randint(0, 1000)), p['sex'])
    n = len(customers) + 1
    recv = dt.datetime(2026, 8, 1, 8, tzinfo=TZ) + dt.timedelta(days=int(R.randint(0, 60)), minutes=int(R.randint(0, 14*60)))
    c = dict(p, cid=f"C28{n:04d}", phone='1' + str(R.choice([38, 39, 58, 59, 86, 87, 35, 77, 52])) + f"{R.randint(0, 10**8):08d}",
             principal=int(R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000])), recv=recv, newcode=newcode)
    c['overdue'] = int(R.choice([0, 0, 5, 12, 33, 61, 95, 150, 210]))
    c['next_due'] = (recv.date() + dt.timedelta(days=int(R.randint(3, 28)))) if c['overdue'] == 0 else (recv.date() - dt.timedelta(days=c['overdue']))
    customers.append(c); complaints_att[c['cid']] = []
    return c
def other_person(like=None, **kw):
    return new_person(**kw)

# ---------------- issuers & seals ----------------
def rspec(ring, seed, **kw):
    s = dict(shape='round', w=42, ring=ring, star=True, seed=seed, inner=False); s.update(kw); return s
ISS = {}
def iss(key, name, spec, **kw): ISS[key] = dict(name=name, seal=spec, **kw)
# six twin pairs: identical seal parameters + texture seed, different ring text
iss('jd_wyh', '长沙市岳麓区望月湖街道办事处', rspec('长沙市岳麓区望月湖街道办事处', 101), tel='0731-88823146')
iss('jd_pzj', '长沙市天心区坡子街街道办事处', rspec('长沙市天心区坡子街街道办事处', 101), tel='0731-85127730')
iss('cd3', '成都市第三人民医院', dict(shape='oval', w=46, h=32, ring='成都市第三人民医院', star=False, center='诊断证明专用章', seed=202, lw=0.9, span=200, center_size=3.4))
iss('cd5', '成都市第五人民医院', dict(shape='oval', w=46, h=32, ring='成都市第五人民医院', star=False, center='诊断证明专用章', seed=202, lw=0.9, span=200, center_size=3.4))
iss('hr', '深圳市华锐电子科技有限公司', rspec('深圳市华锐电子科技有限公司', 303, w=40, bottom='4403050127794'), addr='深圳市南山区科技园中区科苑路15号 · 电话 0755-26613388', tel='0755-26613388')
iss('ht', '深圳市恒通物流服务有限公司', rspec('深圳市恒通物流服务有限公司', 303, w=40, bottom='4403060238815'), addr='深圳市宝安区福永街道凤凰路88号 · 电话 0755-29901216', tel='0755-29901216')
iss('wl', '郸城县汲冢镇王楼村民委员会', rspec('郸城县汲冢镇王楼村民委员会', 404, w=40, ring_size=4.8), tel='')
iss('lz', '郸城县宁平镇李寨村民委员会', rspec('郸城县宁平镇李寨村民委员会', 404, w=40, ring_size=4.8), tel='')
iss('mdhx', '北京市明德恒信律师事务所', rspec('北京市明德恒信律师事务所', 505, inner=True), addr='北京市朝阳区建国门外大街甲12号 新华保险大厦18层')
iss('hzzh', '北京市华章正和律师事务所', rspec('北京市华章正和律师事务所', 505, inner=True), addr='北京市海淀区中关村南大街5号 理工科技大厦9层')
iss('qx', '南宁市青秀区就业服务中心', rspec('南宁市青秀区就业服务中心', 606, center='业务专用章'), tel='0771-5582310')
iss('xn', '南宁市兴宁区就业服务中心', rspec('南宁市兴宁区就业服务中心', 606, center='业务专用章'), tel='0771-2629051')
TWINS = [('jd_wyh', 'jd_pzj'), ('cd3', 'cd5'), ('hr', 'ht'), ('wl', 'lz'), ('mdhx', 'hzzh'), ('qx', 'xn')]
# other issuers (distinct seals)
iss('wc', '武汉市武昌医院', dict(shape='round', w=40, ring='武汉市武昌医院', star=False, center='医学证明专用章', seed=701, span=200, lw=1.0, center_size=2.7))
iss('jy', '济南市第一人民医院', dict(shape='round', w=38, ring='济南市第一人民医院', star=True, center='死亡证明专用章', seed=709, span=220))
iss('td', '浙江省立同德医院', dict(shape='oval', w=48, h=34, ring='浙江省立同德医院', star=False, center='病案管理专用章', seed=702, span=190, inner=True))
iss('cs4', '长沙市第四医院', dict(shape='round', w=38, ring='长沙市第四医院', star=False, center='门诊专用章', seed=703, span=170))
iss('th', '广州市天禾贸易有限公司', rspec('广州市天禾贸易有限公司', 704, w=40, code='4401040093571'), addr='广州市越秀区中山五路219号 · 020-83361720', tel='020-83361720')
iss('zz', '郸城县汲冢镇张庄村民委员会', rspec('郸城县汲冢镇张庄村民委员会', 705, w=40, ring_size=4.6, star_r=0.2))
iss('mz', '重庆市渝中区民政局', rspec('重庆市渝中区民政局', 706, center='低保专用章'))
iss('dzl', '西安市雁塔区电子城街道办事处', rspec('西安市雁塔区电子城街道办事处', 710, w=42, inner=True), tel='029-88251107')
iss('hc', '上海市汇诚律师事务所', rspec('上海市汇诚律师事务所', 707), addr='上海市静安区南京西路1038号 梅龙镇广场22层')
iss('fh', '广东法衡律师事务所', rspec('广东法衡律师事务所', 708, w=40, center='', bottom='31440000MD0123'), addr='广州市天河区珠江新城华夏路30号 富力中心31层')
iss('yf', '武汉光谷云帆网络科技有限公司', rspec('武汉光谷云帆网络科技有限公司', 711, w=40, ring_size=4.6, code='4201000312845'), addr='武汉市东湖新技术开发区光谷大道77号', tel='027-87655120')
iss('hm', '杭州禾美服饰有限公司', rspec('杭州禾美服饰有限公司', 712, w=38), addr='杭州市余杭区临平街道迎宾路388号')
iss('htjm', '苏州恒泰精密机械有限公司', dict(shape='round', w=40, ring='苏州恒泰精密机械有限公司', star=True, seed=713, bottom='3205070048821', ring_size=4.9), addr='苏州市相城区黄埭镇春秋路8号', tel='0512-65881932')
iss('hs', '青岛海顺物流有限公司', rspec('青岛海顺物流有限公司', 714, w=40), addr='青岛市黄岛区长江中路216号')
iss('gc', '佛山市南海区桂城街道公共就业服务站', rspec('佛山市南海区桂城街道公共就业服务站', 715, w=42, ring_size=4.4, center='业务专用章'), tel='0757-86335120')
iss('hc2', '商水县固墙镇后陈村民委员会', rspec('商水县固墙镇后陈村民委员会', 716, w=40, ring_size=4.8))
iss('xy2', '湘潭市中心医院', dict(shape='oval', w=44, h=30, ring='湘潭市中心医院', star=False, center='诊断证明专用章', seed=717, span=190))
# pseudo law firms used in forged letters
iss('f_dh', '广东德衡信律师事务所', rspec('广东德衡信律师事务所', 801), addr='广州市天河区天河路385号 太古汇一座26层')
iss('f_xz', '湖南湘正律师事务所', rspec('湖南湘正律师事务所', 802, w=40), addr='长沙市芙蓉区五一大道389号 华美欧大厦15层')
iss('f_sa', '四川蜀安律师事务所', rspec('四川蜀安律师事务所', 803, inner=True), addr='成都市锦江区红星路三段1号 IFS一号办公楼20层')
iss('f_hth', '北京市华泰和律师事务所', rspec('北京市华泰和律师事务所', 804, w=40, center='', bottom=''), addr='北京市东城区东长安街1号 东方广场W2座11层')
iss('f_hx', '上海沪信律师事务所', rspec('上海沪信律师事务所', 805), addr='上海市黄浦区延安东路222号 外滩中心19层')
SEALS = {}
def seal_of(key, rot=None):
    sp = dict(ISS[key]['seal']); sp['rot'] = float(R.uniform(-12, 12)) if rot is None else rot
    return make_seal(sp)

# ---------------- helpers ----------------
truth = {}
def mk_d(base_issue, **kw): kw['issue'] = base_issue; return kw
def when_taken(c, issue):
    lo = dt.datetime.combine(issue, dt.time(9), tzinfo=TZ); hi = c['recv'] - dt.timedelta(hours=1)
    if hi <= lo: hi = lo + dt.timedelta(hours=3)
    t = lo + (hi - lo) * float(R.uniform(0.3, 0.98)); return t.replace(tzinfo=None)
CAPCAT = {'phone': 'phone_photo', 'scan': 'scanner_jpeg', 'wechat': 'wechat_jpeg', 'pdf': 'pdf', 'scanpdf': 'pdf', 'png': 'png'}
K = 150/25.4

def edit_patch(im, mp, field, new_text, color=(45, 45, 45), size_fac=1.0, fidx=0, pad=1.0):
    x, y, pt, old = field
    x0, y1 = x*K - pad*K*0.3, (y + pt*0.3528*0.32)*K
    x1, y0 = (x + text_w_mm(old, pt))*K + pad*K*0.5, (y - pt*0.3528*0.95)*K
    pts = [mp(x0, y0), mp(x1, y0), mp(x1, y1), mp(x0, y1)]
    bx0, by0 = int(min(p[0] for p in pts)), int(min(p[1] for p in pts)); bx1, by1 = int(max(p[0] for p in pts))+1, int(max(p[1] for p in pts))+1
    a = np.asarray(im).copy()
    strip = a[max(0, by0-8):by0-2, bx0:bx1].reshape(-1, a.shape[2] if a.ndim == 3 else 1)
    bg = np.median(strip, axis=0)
    a[by0:by1, bx0:bx1] = bg.astype(np.uint8) if a.ndim == 3 else np.uint8(bg[0])
    im2 = Image.fromarray(a); dr = ImageDraw.Draw(im2)
    s = math.dist(mp(0, 0), mp(1000, 0))/1000
    bx, byy = mp(x*K, y*K)
    fcol = color if im2.mode == 'RGB' else int(np.mean(color))
    dr.text((bx, byy), new_text, font=font(pt/72*150*s*size_fac, fidx), fill=fcol, anchor='ls')
    return im2
def edit_clone(im, mp, src_mm, dst_mm, size_mm):
    a = np.asarray(im).copy()
    sx, sy = [int(v) for v in mp(src_mm[0]*K, src_mm[1]*K)]; dx, dy = [int(v) for v in mp(dst_mm[0]*K, dst_mm[1]*K)]
    s = math.dist(mp(0, 0), mp(1000, 0))/1000; w, h = int(size_mm[0]*K*s), int(size_mm[1]*K*s)
    a[dy:dy+h, dx:dx+w] = a[sy:sy+h, sx:sx+w]
    return Image.fromarray(a)

def capture_image(page, cap, c, issue):
    """cap like 'phone:desk', 'scan:gray', 'wechat:phone:warm', 'wechat:scan:plain'. returns (img, mapfn, exif or None)"""
    parts = cap.split(':')
    if parts[0] == 'wechat': parts = parts[1:]
    if parts[0] == 'phone':
        im, mp = phone(page, R, parts[1]); ex = phone_exif(R, when_taken(c, issue)); return im, mp, ex
    if parts[0] in ('scan', 'scanpdf'):
        im, mp = scanner(page, R, parts[1]); return im, mp, None
    raise ValueError(cap)

def encode(im, cap, ex=None, editor=None):
    kind = cap.split(':')[0]
    if kind == 'wechat':
        return wechat(im, R), 'jpg'
    if kind == 'phone':
        if editor == 'photoshop':
            e = Image.Exif(); e.update(ex or {}); e[0x0131] = 'Adobe Photoshop 25.3 (Windows)'; e[0x0132] = '2026:' + f"{R.randint(8, 10):02d}:0{R.randint(1, 9)} 2{R.randint(0, 3)}:1{R.randint(0, 9)}:42"
            return to_jpeg(im, exif=e.tobytes(), qtables=JpegPresets.presets['web_very_high']['quantization'], subsampling=0), 'jpg'
        return to_jpeg(im, int(R.choice([88, 90, 92, 95])), exif=ex.tobytes() if ex is not None else None, subsampling=2), 'jpg'
    if kind == 'scan':
        if editor == 'photoshop':
            return to_jpeg(im, qtables=JpegPresets.presets['web_high']['quantization'], dpi=(150, 150), subsampling=0), 'jpg'
        return to_jpeg(im, int(R.choice([75, 80, 85])), dpi=(150, 150)), 'jpg'
    if kind == 'scanpdf':
        jb = to_jpeg(im.convert('RGB') if im.mode != 'L' else im, 78, dpi=(150, 150))
        from reportlab.pdfgen import canvas as cv
        from reportlab.lib.utils import ImageReader
        from reportlab.lib.units import mm
        b = io.BytesIO(); cc = cv.Canvas(b, pagesize=(210*mm, 297*mm), invariant=1)
        cc.setCreator(str(R.choice(['Canon MF Scan Utility 1.7', 'HP Smart Scan', 'EPSON Scan 2', 'Brother iPrint&Scan'])))
        cc.drawImage(ImageReader(io.BytesIO(jb)), 0, 0, 210*mm, 297*mm); cc.showPage(); cc.save()
        return b.getvalue(), 'pdf'
    raise ValueError(cap)

def save(fname, data):
    assert not os.path.exists(os.path.join(ATT, fname)), fname
    with open(os.path.join(ATT, fname), 'wb') as f: f.write(data)

def record(fname, c, tpl, cap, forged=False, kinds=(), note='', doc_type=None):
    rel = 'attachments/' + fname
    cat = CAPCAT[cap.split(':')[0]]
    truth[rel] = dict(forged=forged, kinds=list(kinds), doc_type=doc_type or DOC_TYPE[tpl], capture=cat, note=note)
    complaints_att[c['cid']].append((rel, tpl))

def person_of(c): return {k: c[k] for k in ('name', 'sex', 'birth', 'idno')}

def make_doc(fname, c, tpl, ik, d, cap, doc_person=None, seal_key=None, seal_img=None, pre=None, post=None, editor=None,
             forged=False, kinds=(), note='', pdfmeta=None):
    p = doc_person or person_of(c)
    issuer = ISS[ik]
    if tpl == 'lvshi':
        pre_ = {'mdhx': '京明', 'hzzh': '京华', 'hc': '沪汇', 'fh': '粤法', 'f_dh': '粤德', 'f_xz': '湘正', 'f_sa': '川安', 'f_hth': '京泰', 'f_hx': '沪信'}[ik]
        d = dict(d); d['docno'] = f"（2026）{pre_}律函字第{d['docno'].split('第')[1]}"
    seal = seal_img if seal_img is not None else (seal_of(seal_key or ik) if (seal_key or ik) and pre != 'noseal' else None)
    ops, pos = TEMPLATES[tpl](p, issuer, d, seal)
    if cap == 'pdf':
        b = io.BytesIO(); render_pdf(ops, b, meta=pdfmeta or {'creator': issuer['name'] + ' 电子证明系统'}); data = b.getvalue(); ext = 'pdf'
    elif cap.startswith('png:desktop'):
        page = render_pil(ops, dpi=96); data = desktop_png(page, fname); ext = 'png'
    else:
        page = render_pil(ops, dpi=150)
        if callable(pre): page = pre(page, pos)
        iss_for_exif = d['issue'] if not isinstance(d['issue'], str) else c['recv'].date() - dt.timedelta(days=3)
        if iss_for_exif >= c['recv'].date(): iss_for_exif = c['recv'].date() - dt.timedelta(days=2)
        im, mp, ex = capture_image(page, cap, c, iss_for_exif)
        if post: im = post(im, mp, pos)
        data, ext = encode(im, cap, ex, editor)
        t = dt.datetime.strptime(ex[0x0132], '%Y:%m:%d %H:%M:%S') if ex is not None else (c['recv'] - dt.timedelta(hours=int(R.randint(2, 30)))).replace(tzinfo=None)
        fname = fname.replace('{ts}', t.strftime('%Y%m%d_%H%M%S')).replace('{ms}', str(int(t.replace(tzinfo=TZ).timestamp()*1000) + int(R.randint(0, 999))))
    assert fname.endswith('.' + ext), (fname, ext)
    save(fname, data); record(fname, c, tpl, cap, forged, kinds, note)
    return ops, pos

def desktop_png(page, fname):
    W, H = 1600, 1300
    im = Image.new('RGB', (W, H), (58, 58, 62)); dr = ImageDraw.Draw(im)
    dr.rectangle([0, 0, W, 36], fill=(235, 235, 238)); dr.text((12, 18), fname.rsplit('.', 1)[0] + '.pdf - WPS Office', font=font(17), fill=(40, 40, 40), anchor='lm')
    dr.rectangle([0, 36, W, 84], fill=(246, 246, 248)); dr.text((14, 60), '开始   插入   批注   页面   保护   转换   工具        100%', font=font(16), fill=(70, 70, 70), anchor='lm')
    ox = (W - page.width)//2; im.paste(page.crop((0, 0, page.width, min(page.height, H-96))), (ox, 96))
    dr.rectangle([0, H-26, W, H], fill=(235, 235, 238)); dr.text((12, H-13), '页面：1/1    字数：412', font=font(14), fill=(60, 60, 60), anchor='lm')
    b = io.BytesIO(); im.save(b, 'PNG', optimize=True); return b.getvalue()

def app_png(fname, c, title, app, fields, seal_key=None, post=None, forged=False, kinds=(), note='', doc_type='', when=None):
    seal = seal_of(seal_key, rot=0) if seal_key else None
    im, pos = app_screenshot(None, title, app, fields, when or (c['recv'] - dt.timedelta(hours=int(R.randint(2, 60)))), seal)
    if post: im = post(im, pos)
    b = io.BytesIO(); im.save(b, 'PNG', optimize=True); save(fname, b.getvalue())
    rel = 'attachments/' + fname
    truth[rel] = dict(forged=forged, kinds=list(kinds), doc_type=doc_type, capture='png', note=note)
    complaints_att[c['cid']].append((rel, 'app'))

def pdf_incremental_rename(src_bytes, pos_fields, new_vals, meta_only=False):
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas as cv
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    w = PdfWriter(io.BytesIO(src_bytes), incremental=True)
    if meta_only:
        w.add_metadata({'/ModDate': "D:20260815093012+08'00'", '/Keywords': '已归档'})
    else:
        b = io.BytesIO(); cc = cv.Canvas(b, pagesize=(210*mm, 297*mm))
        for (x, y, pt, old), new in zip(pos_fields, new_vals):
            cc.setFillColorRGB(1, 1, 1); wd = text_w_mm(old, pt)
            cc.rect((x-0.5)*mm, (297-y-pt*0.3528*0.3)*mm, (wd+1.5)*mm, (pt*0.3528*1.25)*mm, fill=1, stroke=0)
            cc.setFillColorRGB(20/255, 20/255, 20/255); cc.setFont('WQY', pt); cc.drawString(x*mm, (297-y)*mm, new)
        cc.showPage(); cc.save()
        w.pages[0].merge_page(PdfReader(b).pages[0])
    o = io.BytesIO(); w.write(o); return o.getvalue()

def days_before(c, lo, hi): return c['recv'].date() - dt.timedelta(days=int(R.randint(lo, hi)))
def docno(prefix): return f"{prefix}〔2026〕{R.randint(10, 400)}号"
DX = [('腰椎间盘突出症（L4/5）', '建议卧床休息，避免重体力劳动，全休一个月，门诊随诊。', '骨科'),
      ('2型糖尿病伴周围神经病变', '规律服药，控制饮食，建议休息两周，定期复查血糖。', '内分泌科'),
      ('抑郁发作（中度）', '坚持药物治疗，避免精神刺激，建议休养三个月，每两周复诊。', '精神心理科'),
      ('右胫腓骨骨折术后', '患肢制动，建议休息三个月，术后一月、三月复查X线。', '骨科'),
      ('慢性肾脏病3期', '低盐低蛋白饮食，避免劳累，肾内科门诊定期随访。', '肾内科'),
      ('乳腺恶性肿瘤术后化疗中', '按期完成化疗疗程，注意休息，不宜从事劳动。', '肿瘤科'),
      ('脑梗死恢复期', '康复训练，继续抗血小板治疗，需专人陪护，休息三个月。', '神经内科')]
CY = [('急性阑尾炎', '急性化脓性阑尾炎', '入院后完善相关检查，于腹腔镜下行阑尾切除术，术后予抗感染、补液治疗，恢复可，切口愈合良好。'),
      ('右股骨颈骨折', '右股骨颈骨折（GardenⅢ型）', '入院后行右髋关节置换术，术后抗凝、镇痛及康复训练，现可扶拐行走。'),
      ('社区获得性肺炎', '重症肺炎', '入院后予抗感染、化痰、氧疗等治疗，复查胸部CT示病灶吸收好转，病情稳定。'),
      ('急性心肌梗死', '急性前壁心肌梗死 冠状动脉粥样硬化性心脏病', '入院后急诊行冠状动脉造影及支架植入术，术后予双联抗血小板等治疗，症状缓解。')]
def zd_d(c, dxi=None, issue=None, mzh=None, doctor=None):
    dx, adv, dept = DX[R.randint(len(DX))] if dxi is None else DX[dxi]
    iss_d = issue or days_before(c, 4, 40)
    return dict(dx=dx, advice=adv, dept=dept, visit=iss_d, issue=iss_d, mzh=mzh or f"MZ{R.randint(10**7, 10**8)}",
                doctor=doctor or (SUR[R.randint(len(SUR))] + GIV[R.randint(len(GIV))] + GIV[R.randint(len(GIV))]))
def cy_d(c, i=None, issue=None):
    dx_in, dx_out, course = CY[R.randint(len(CY))] if i is None else CY[i]
    dis = issue or days_before(c, 6, 45); adm = dis - dt.timedelta(days=int(R.randint(5, 21)))
    return dict(adm=adm, dis=dis, issue=dis, zyh=f"{R.randint(10**6, 10**7)}", bed=f"{R.randint(1, 60)}床", dept=('普外科', '骨科', '呼吸内科', '心内科')[CY.index((dx_in, dx_out, course))],
                dx_in=dx_in, dx_out=dx_out, course=course, advice='注意休息，加强营养，遵医嘱按时服药，出院后两周门诊复查，不适随诊。',
                doctor=SUR[R.randint(len(SUR))] + GIV[R.randint(len(GIV))] + GIV[R.randint(len(GIV))])
JOBS = [('生产部', '操作工'), ('销售部', '销售专员'), ('仓储部', '仓管员'), ('技术部', '测试工程师'), ('行政部', '行政助理'), ('物流部', '配送司机')]
def lz_d(c, prefix, end=None, issue=None, reason='公司经营调整、岗位撤销'):
    dept, job = JOBS[R.randint(len(JOBS))]
    e = end or days_before(c, 20, 90); s = D(int(R.randint(2015, 2023)), int(R.randint(1, 13)), 1)
    return dict(start=s, end=e, issue=issue or e + dt.timedelta(days=int(R.randint(0, 8))), dept=dept, job=job, reason=reason, docno=docno(prefix))
WHY = ['户主于今年上半年因病丧失劳动能力，长期服药治疗', '家中老人常年卧病在床，子女尚在读书，夫妻二人务农收入微薄',
       '户主务工时受伤致残，已无法外出务工', '家庭房屋遭受洪涝灾害损毁，且配偶患重病需长期治疗']
def pk_d(c, issue=None, **kw):
    d = dict(addr=kw.pop('addr', '本村' + str(R.randint(1, 9)) + '组' + str(R.randint(1, 60)) + '号'), n=int(R.randint(3, 7)), why=WHY[R.randint(len(WHY))],
             issue=issue or days_before(c, 5, 40), head=SUR[R.randint(len(SUR))] + GIV[R.randint(len(GIV))] + GIV[R.randint(len(GIV))],
             tel='1' + str(R.choice([37, 39, 52, 83])) + f"{R.randint(0, 10**8):08d}")
    d.update(kw); return d
def sy_d(c, issue=None, reg=None, **kw):
    rg = reg or days_before(c, 30, 120)
    d = dict(docno=f"SY{R.randint(10**9, 10**10)}", hukou=kw.pop('hukou', '广西壮族自治区南宁市'), employer=kw.pop('employer', '南宁市某商贸有限公司'),
             reg=rg, reason='劳动合同期满终止/单位裁员', regno=f"45010{R.randint(10**9, 10**10)}", issue=issue or days_before(c, 3, 25))
    d.update(kw); return d
def lv_d(c, lawyer, licence, issue=None, to=LENDER):
    pts = ['委托人因突发疾病及失业，收入骤减，客观上暂无能力按原合同约定履行还款义务，并非恶意逃废债务。',
           '贵司及贵司委托的第三方催收机构存在频繁致电委托人亲友、发送威胁性短信等行为，涉嫌违反《个人信息保护法》等相关规定，请立即停止。',
           '委托人愿意在合理范围内协商还款方案，请贵司于收到本函之日起七日内与本所律师联系，逾期本所将依法采取进一步措施。']
    return dict(to=to, lawyer=lawyer, licence=licence, issue=issue or days_before(c, 2, 20), tel='1' + str(R.choice([35, 36, 88])) + f"{R.randint(0, 10**8):08d}",
                docno=f"（2026）{R.choice(['京明', '京华', '沪汇', '粤法', '粤德', '湘正', '川安', '京泰', '沪信'])}律函字第{R.randint(10, 999):03d}号", points=pts)
def lic17(prov, year, sex='1'): return f"1{prov}{year}{R.randint(1, 3)}{sex}{R.randint(10**5, 10**6)}"[:17]
def sw_d(c_dead, issue=None, death=None, cause='呼吸循环衰竭', root='肝恶性肿瘤'):
    de = death or days_before(c_dead, 20, 70)
    return dict(docno=f"D{R.randint(10**8, 10**9)}", death=de, issue=issue or de + dt.timedelta(days=int(R.randint(0, 3))), place='医疗卫生机构',
                addr='本市' + str(R.choice(['武昌区', '洪山区', '历下区', '槐荫区'])) + str(R.randint(1, 300)) + '号', cause=cause, root=root,
                doctor=SUR[R.randint(len(SUR))] + GIV[R.randint(len(GIV))])

# ===================================================== GENUINE =====================================================
G = 0
def gname(stem, ext):
    global G; G += 1; return f"{stem}_{G:02d}.{ext}" if False else f"{stem}.{ext}"
# twin pair 1: street offices
c = new_customer(newcode=True); make_doc('kunnan_zm_wyh.jpg', c, 'jiedao', 'jd_wyh', dict(addr='长沙市岳麓区望月湖小区12栋', why='本人于2026年4月失业，配偶长期患病无劳动能力', clerk='刘敏', docno=docno('望街证'), issue=days_before(c, 5, 30)), 'phone:dim', note='genuine; twin seal of jd_pzj')
c = new_customer(); make_doc('街道困难证明_坡子街.jpg', c, 'jiedao', 'jd_pzj', dict(addr='长沙市天心区坡子街118号', why='本人因交通事故致残，现无固定收入', clerk='周洁', docno=docno('坡街证'), issue=days_before(c, 5, 30)), 'scan:fax', note='genuine; twin seal of jd_wyh; fax-like scan')
c = new_customer(); make_doc('kunnan_wyh_2.png', c, 'jiedao', 'jd_wyh', dict(addr='长沙市岳麓区桃子湖路6号', why='本人经营的小店于2026年初关停，家中两名子女在读', clerk='刘敏', docno=docno('望街证'), issue=days_before(c, 5, 30)), 'png:desktop', note='genuine; desktop screenshot of the issued e-copy')
# twin pair 2: hospitals, one issuer/template for three borrowers
for fn, cap in [('诊断证明_成都三院.jpg', 'phone:warm'), ('zdzm_cd3_wx.jpg', 'wechat:phone:desk'), ('成都市第三人民医院诊断证明书.pdf', 'pdf')]:
    c = new_customer(newcode=(fn.endswith('pdf'))); make_doc(fn, c, 'zhenduan', 'cd3', zd_d(c), cap, note='genuine; same issuer & template as other cd3 docs, different patient')
c = new_customer(); make_doc('cd5_diagnosis_scan.jpg', c, 'zhenduan', 'cd5', zd_d(c), 'scan:gray', note='genuine; twin seal of cd3')
c = new_customer(); make_doc('IMG_{ts}.jpg', c, 'zhenduan', 'cd5', zd_d(c), 'phone:folded', note='genuine; folded sheet')
# twin pair 3: companies (leaving certificates)
c = new_customer(); make_doc('离职证明_华锐.jpg', c, 'lizhi', 'hr', lz_d(c, '华锐人字'), 'phone:desk', note='genuine; twin seal of ht')
c = new_customer(want_x=True); make_doc('lizhi_hengtong_scan.jpg', c, 'lizhi', 'ht', lz_d(c, '恒通人字'), 'scan:plain', note='genuine; twin seal of hr; ID ends in X')
c = new_customer(); make_doc('离职证明-华锐电子.pdf', c, 'lizhi', 'hr', lz_d(c, '华锐人字'), 'pdf', note='genuine; e-certificate')
c = new_customer(); make_doc('IMG_4471.jpg', c, 'lizhi', 'ht', lz_d(c, '恒通人字'), 'phone:dim', note='genuine; dim light')
# twin pair 4: village committees
c = new_customer(); make_doc('贫困证明_王楼村.jpg', c, 'pinkun', 'wl', pk_d(c), 'phone:folded', note='genuine; twin seal of lz')
c = new_customer(); make_doc('pinkun_lizhai_copy.jpg', c, 'pinkun', 'lz', pk_d(c), 'scan:photocopy2', note='genuine; photocopy of a photocopy; twin seal of wl')
c = new_customer(); make_doc('mmexport{ms}.jpg', c, 'pinkun', 'wl', pk_d(c), 'wechat:phone:table', note='genuine; WeChat-forwarded phone photo')
c = new_customer(); make_doc('李寨村困难证明.jpg', c, 'pinkun', 'lz', pk_d(c), 'phone:warm', note='genuine; warm light')
# twin pair 5: law firms (genuine letters, 17-digit licences)
c = new_customer(); make_doc('律师函_明德恒信.pdf', c, 'lvshi', 'mdhx', lv_d(c, '陈立群', lic17('1101', '2012')), 'pdf', note='genuine lawyer letter; 17-digit licence; twin seal of hzzh')
c = new_customer(newcode=True); make_doc('lawyer_letter_hzzh.jpg', c, 'lvshi', 'hzzh', lv_d(c, '孙雅楠', lic17('1101', '2016', '2')), 'scan:plain', note='genuine; twin seal of mdhx')
c = new_customer(); make_doc('律师函.jpg', c, 'lvshi', 'hc', lv_d(c, '徐海峰', lic17('3101', '2009')), 'phone:desk', note='genuine lawyer letter')
c = new_customer(); make_doc('lsh_fh_wx.jpg', c, 'lvshi', 'fh', lv_d(c, '黄志明', lic17('4401', '2014')), 'wechat:scan:plain', note='genuine lawyer letter; seal with number along lower arc')
# twin pair 6: employment service centres
c = new_customer(); make_doc('失业登记证明_青秀.jpg', c, 'shiye', 'qx', sy_d(c), 'phone:table', note='genuine; twin seal of xn')
c = new_customer(); make_doc('shiye_xingning.pdf', c, 'shiye', 'xn', sy_d(c, hukou='广西壮族自治区南宁市兴宁区'), 'scanpdf:gray', note='genuine; scan saved as PDF; twin seal of qx')
c = new_customer(); make_doc('SY_qingxiu_wx.jpg', c, 'shiye', 'qx', sy_d(c), 'wechat:scan:gray', note='genuine')
# death certificates
c = new_customer(); make_doc('死亡医学证明.jpg', c, 'siwang', 'wc', sw_d(c), 'phone:desk', note='genuine; borrower deceased, filed by relative')
c = new_customer(); make_doc('death_cert_scan.pdf', c, 'siwang', 'jy', sw_d(c, cause='心源性猝死', root='冠状动脉粥样硬化性心脏病'), 'scanpdf:plain', note='genuine; scanned to PDF')
c = new_customer(); make_doc('swzm_wx.jpg', c, 'siwang', 'wc', sw_d(c, cause='多器官功能衰竭', root='脑出血'), 'wechat:phone:warm', note='genuine')
# discharge records
c = new_customer(); make_doc('出院记录_同德医院.pdf', c, 'chuyuan', 'td', cy_d(c), 'pdf', note='genuine e-record')
c = new_customer(); make_doc('IMG_{ts}_discharge.jpg', c, 'chuyuan', 'td', cy_d(c), 'phone:screen', note='genuine; photo of a computer screen')
c = new_customer(newcode=True); make_doc('出院小结.jpg', c, 'chuyuan', 'td', cy_d(c), 'wechat:phone:desk', note='genuine')
c = new_customer(); make_doc('chuyuan_fax.jpg', c, 'chuyuan', 'td', cy_d(c), 'scan:fax', note='genuine; fax-like')
c = new_customer(); make_doc('住院证明_复印件.jpg', c, 'chuyuan', 'td', cy_d(c), 'scan:photocopy2', note='genuine; photocopy of photocopy')
# income / leaving, other companies
c = new_customer(); make_doc('收入证明.jpg', c, 'shouru', 'hm', dict(dept='生产车间', start=days_before(c, 60, 120), amount=1800, before=6500, issue=days_before(c, 3, 30)), 'phone:warm', note='genuine')
c = new_customer(); make_doc('income_haishun.jpg', c, 'shouru', 'hs', dict(dept='运输部', start=days_before(c, 60, 120), amount=2000, before=7200, issue=days_before(c, 3, 30)), 'wechat:phone:table', note='genuine')
c = new_customer(); make_doc('离职证明_云帆.pdf', c, 'lizhi', 'yf', lz_d(c, '云帆人字'), 'scanpdf:gray', note='genuine; scan to PDF')
c = new_customer(); make_doc('离职证明_恒泰.jpg', c, 'lizhi', 'htjm', lz_d(c, '恒泰人字'), 'scan:gray', note='genuine')
# genuine e-certificate PDF later re-saved by a reader that appended a metadata-only incremental update
c = new_customer(); b = io.BytesIO()
ops, pos = T_lizhi(person_of(c), ISS['htjm'], lz_d(c, '恒泰人字'), seal_of('htjm')); render_pdf(ops, b, meta={'creator': '恒泰HR系统'})
save('lizhi_hengtai_e.pdf', pdf_incremental_rename(b.getvalue(), [], [], meta_only=True))
record('lizhi_hengtai_e.pdf', c, 'lizhi', 'pdf', note='genuine; has an incremental update that only adds document-info metadata (archived by a PDF reader); page content unchanged')
# dibao
c = new_customer(); make_doc('低保证明.jpg', c, 'dibao', 'mz', dict(addr='重庆市渝中区解放碑街道民族路118号', n=3, cls='A类', amt=1260, since=D(2025, 11, 1), no=f"YZ{R.randint(10**6, 10**7)}", issue=days_before(c, 5, 30)), 'scan:gray', note='genuine')
c = new_customer(); make_doc('dibao_yuzhong.png', c, 'dibao', 'mz', dict(addr='重庆市渝中区七星岗街道中山一路47号', n=2, cls='B类', amt=980, since=D(2024, 6, 1), no=f"YZ{R.randint(10**6, 10**7)}", issue=days_before(c, 5, 30)), 'png:desktop', note='genuine')
# Sunday-dated genuine diagnosis (hospital outpatient open on Sundays)
c = new_customer(); iss_d = days_before(c, 5, 40)
while iss_d.weekday() != 6: iss_d -= dt.timedelta(days=1)
make_doc('湘潭中心医院诊断证明.jpg', c, 'zhenduan', 'xy2', zd_d(c, issue=iss_d), 'phone:table', note='genuine; dated on a Sunday (outpatient service open)')
# PNG app screenshots (genuine)
c = new_customer(); w = c['recv'] - dt.timedelta(hours=5)
app_png(f'Screenshot_{w:%Y%m%d_%H%M%S}_失业登记.png', c, '就业失业登记信息', '广西人社', [('姓名', c['name']), ('身份证号', c['idno'][:6] + '********' + c['idno'][-4:]),
        ('登记状态', '失业'), ('失业登记日期', f"{days_before(c, 30, 90):%Y-%m-%d}"), ('登记机构', '南宁市兴宁区就业服务中心'), ('查询时间', f"{w:%Y-%m-%d %H:%M}")],
        seal_key=None, note='genuine; app screenshot, ID masked as displayed by the app', doc_type='失业登记信息截图', when=w)
c = new_customer(); w = c['recv'] - dt.timedelta(hours=30); v = days_before(c, 3, 30)
app_png('wx_hospital_record.png', c, '门诊诊断证明（电子）', '成都市第三人民医院', [('患者姓名', c['name']), ('身份证号', c['idno']), ('就诊科室', '精神心理科'),
        ('就诊日期', f"{v:%Y-%m-%d}"), ('诊断', '抑郁发作（中度）'), ('证明编号', f"DZ{R.randint(10**9, 10**10)}")], seal_key='cd3',
        note='genuine; hospital app e-certificate screenshot with electronic seal', doc_type='电子诊断证明截图', when=w)
n_genuine = len(truth)

# ===================================================== FORGED =====================================================
# --- 1. USCC used as lawyer licence number
L = [('律师函_德衡信.pdf', 'f_dh', 'pdf', uscc('31440000' + 'MD0231790'), 'law-firm style code 31…'),
     ('lvshihan_xiangzheng.pdf', 'f_xz', 'pdf', uscc('91430102' + 'MA4T8K3X9'), 'company code 91…'),
     ('IMG_{ts}_律师函.jpg', 'f_sa', 'phone:desk', uscc('91510100' + 'MA6CJ7W2L'), 'company code 91…'),
     ('律师函_华泰和.jpg', 'f_hth', 'wechat:scan:plain', uscc('31110000' + 'E00152799'), 'code 31…'),
     ('lawyer_letter_huxin.png', 'f_hx', 'png:desktop', uscc('91310101' + 'MA1FP4Q8Y'), 'company code 91…')]
for i, (fn, ik, cap, lic, tag) in enumerate(L):
    c = new_customer()
    kinds = ['uscc_as_lawyer_licence']; dp = None; note = f'执业证号 is an 18-char unified social credit code ({tag})'
    if i == 1:
        dp = dict(person_of(c)); dp['idno'] = new_person()['idno']; kinds.append('name_id_mismatch'); note += '; ID number on letter belongs to someone else (valid checksum)'
    make_doc(fn, c, 'lvshi', ik, lv_d(c, SUR[R.randint(len(SUR))] + '律师' if False else str(R.choice(['王振东', '赵思远', '刘一鸣', '张宏亮', '胡家豪'])), lic), cap,
             doc_person=dp, forged=True, kinds=kinds, note=note)
    assert len(lic) == 18

# --- 2. edited hardship proofs
def photoshop_ex(): return None
c = new_customer(); orig = new_person()
def post_e1(im, mp, pos, c=c):
    im = edit_patch(im, mp, pos['name'], c['name'], color=(35, 35, 35), size_fac=1.04)
    return edit_patch(im, mp, pos['id'], c['idno'], color=(35, 35, 35), size_fac=0.98)
make_doc('离职证明_恒泰精密.jpg', c, 'lizhi', 'htjm', lz_d(c, '恒泰人字'), 'scan:plain', doc_person=dict(orig), post=post_e1, editor='photoshop',
         forged=True, kinds=['edited_image'], note='scanned original of another employee; name and ID replaced with pasted text patches; re-saved from an image editor')
c = new_customer()
def post_e2(im, mp, pos):
    x, y, pt, txt = pos['validity']; w = text_w_mm(txt, pt) + 2
    return edit_clone(im, mp, (x-1, y - pt*0.3528*1.0 + 12), (x-1, y - pt*0.3528*1.0), (w, pt*0.3528*1.45))
make_doc('贫困证明.jpg', c, 'pinkun', 'wl', pk_d(c, validity='（本证明有效期至2026年3月31日，过期作废）', issue=D(2025, 12, 28)), 'phone:desk', post=post_e2,
         forged=True, kinds=['edited_image'], note='validity-expiry line covered by cloned blank-paper region; phone EXIF kept, not re-saved via desktop editor; issue 2025-12-28 (expired)')
c = new_customer(); w = c['recv'] - dt.timedelta(hours=9); v = days_before(c, 5, 30)
def post_e3(im, pos):
    x, y, val = pos['就诊日期']; dr = ImageDraw.Draw(im); tw = font(40).getlength(val)
    dr.rectangle([x - tw - 2, y - 34, x + 2, y + 8], fill=(255, 255, 255))
    dr.text((x, y + 1), val.replace('2025', '2026'), font=font(41), fill=(45, 45, 45), anchor='rs'); return im
app_png('诊断证明截图.png', c, '门诊诊断证明（电子）', '长沙市第四医院', [('患者姓名', c['name']), ('身份证号', c['idno']), ('就诊科室', '骨科'),
        ('就诊日期', f"2025-{v:%m-%d}"), ('诊断', '腰椎间盘突出症'), ('证明编号', f"DZ{R.randint(10**9, 10**10)}")], seal_key='cs4', post=post_e3,
        forged=True, kinds=['edited_image'], note='visit-date year digits overwritten (2025→2026) in a screenshot', doc_type='电子诊断证明截图', when=w)
c = new_customer()
def post_e4(im, mp, pos):
    return edit_patch(im, mp, pos['reg'], '2026年7月2日', color=(30, 30, 30), size_fac=0.97)
dd = sy_d(c, reg=D(2024, 3, 15)); make_doc('失业证明_gc.jpg', c, 'shiye', 'gc', dd, 'wechat:scan:plain', post=post_e4,
         forged=True, kinds=['edited_image'], note='失业登记日期 cell patched (2024→2026 date) before forwarding; the narrative line below still shows the original date')
c = new_customer()
def post_e5(im, mp, pos):
    return edit_patch(im, mp, pos['dx_out'], '胰腺恶性肿瘤（晚期）', color=(40, 40, 40))
dd = cy_d(c, i=0); make_doc('出院记录_ps.jpg', c, 'chuyuan', 'td', dd, 'phone:table', post=post_e5, editor='photoshop',
         forged=True, kinds=['edited_image'], note='出院诊断 cell text replaced by pasted patch; saved from Photoshop (Software tag), phone EXIF otherwise retained')

# --- 3. re-used across borrowers (same paper, only name/ID changed, re-captured)
base = lz_d(customers[0], '天禾人字', end=D(2026, 6, 30), issue=D(2026, 7, 3)); base['dept'], base['job'] = '销售部', '销售专员'; base['start'] = D(2021, 3, 1)
for fn, cap in [('离职证明_天禾.jpg', 'phone:desk'), ('tianhe_lizhi_scan.jpg', 'scan:gray'), ('mmexport{ms}.jpg', 'wechat:phone:warm')]:
    c = new_customer()
    while c['recv'].date() <= D(2026, 7, 10): c['recv'] += dt.timedelta(days=20)
    make_doc(fn, c, 'lizhi', 'th', dict(base), cap, forged=True, kinds=['reused_across_borrowers'],
             note='group R1: identical leaving certificate (same 文号/dates/job) filed for 3 borrowers, only name+ID differ')
base = zd_d(customers[0], dxi=2, issue=D(2026, 7, 14), mzh='MZ40218873', doctor='谭雪梅')
for fn, cap in [('长沙四院诊断.pdf', 'pdf'), ('zhenduan_cs4.jpg', 'phone:screen')]:
    c = new_customer()
    while c['recv'].date() <= D(2026, 7, 20): c['recv'] += dt.timedelta(days=20)
    make_doc(fn, c, 'zhenduan', 'cs4', dict(base), cap, forged=True, kinds=['reused_across_borrowers'],
             note='group R2: same diagnosis certificate (same 门诊号, doctor, date) for 2 borrowers, only name+ID differ')
base = pk_d(customers[0], issue=D(2026, 7, 20), addr='后陈村三组21号'); base['n'] = 5; base['why'] = WHY[0]
for fn, cap in [('贫困证明_后陈村.jpg', 'scan:photocopy2'), ('houchen_pk.jpg', 'phone:folded')]:
    c = new_customer()
    while c['recv'].date() <= D(2026, 7, 26): c['recv'] += dt.timedelta(days=20)
    make_doc(fn, c, 'pinkun', 'hc2', dict(base), cap, forged=True, kinds=['reused_across_borrowers'],
             note='group R3: same village hardship certificate (same household address & details) for 2 borrowers, only name+ID differ')

# --- 4. PDFs edited by incremental update
for i, (fn, tpl, ik) in enumerate([('离职证明_电子版.pdf', 'lizhi', 'yf'), ('诊断证明_cd5.pdf', 'zhenduan', 'cd5'), ('shiye_e_cert.pdf', 'shiye', 'xn')]):
    c = new_customer(); orig = new_person(sex=c['sex']); d = {'lizhi': lambda: lz_d(c, '云帆人字'), 'zhenduan': lambda: zd_d(c), 'shiye': lambda: sy_d(c)}[tpl]()
    ops, pos = TEMPLATES[tpl](orig, ISS[ik], d, seal_of(ik)); b = io.BytesIO(); render_pdf(ops, b, meta={'creator': ISS[ik]['name'] + ' 电子证明系统'})
    if tpl == 'zhenduan':
        f0 = pos['name']; data = pdf_incremental_rename(b.getvalue(), [f0], [c['name']])
        kinds = ['edited_pdf_incremental', 'name_id_mismatch']; note = 'incremental update overlays borrower name; ID left as original patient\'s'
    else:
        data = pdf_incremental_rename(b.getvalue(), [pos['name'], pos['id']], [c['name'], c['idno']])
        kinds = ['edited_pdf_incremental']; note = 'incremental update overlays name and ID with borrower\'s (white box + new text)'
    save(fn, data); record(fn, c, tpl, 'pdf', True, kinds, note)

# --- 5. seals copied across issuers
c = new_customer(); make_doc('恒通离职证明.jpg', c, 'lizhi', 'ht', lz_d(c, '恒通人字'), 'scan:plain', seal_key='hr', forged=True, kinds=['seal_copied_across_issuers'],
                             note='深圳市恒通 letterhead bearing the 深圳市华锐 seal (look-alike design, ring text names other issuer)')
c = new_customer(); make_doc('IMG_{ts}.jpg', c, 'zhenduan', 'cd5', zd_d(c), 'phone:desk', seal_key='cd3', forged=True, kinds=['seal_copied_across_issuers'],
                             note='成都市第五人民医院 certificate bearing 第三人民医院 seal')
# seal cut from a scan of a genuine 王楼村 document and pasted onto 张庄村 document
donor_ops, donor_pos = T_pinkun(new_person(), ISS['wl'], pk_d(customers[0], issue=D(2026, 6, 2)), seal_of('wl'))
donor_scan, dmp, _ = capture_image(render_pil(donor_ops), 'scan:plain', customers[0], D(2026, 6, 2))
sx, sy = dmp(donor_pos['seal'][0]*K, donor_pos['seal'][1]*K); r = int(23*K)
donor_crop = donor_scan.convert('RGB').crop((int(sx)-r, int(sy)-r, int(sx)+r, int(sy)+r))
def pre_s3(page, pos):
    a = np.asarray(donor_crop).astype(np.float32); alpha = np.clip((255 - a.min(axis=2))/120, 0, 1)*255
    rgba = np.dstack([a, alpha]).astype(np.uint8); x, y = pos['seal']
    return multiply_paste(page, Image.fromarray(rgba, 'RGBA'), int(x*K) - r, int(y*K) - r)
c = new_customer(); make_doc('张庄村证明.jpg', c, 'pinkun', 'zz', pk_d(c), 'wechat:phone:table', pre=pre_s3, seal_img=Image.new('RGBA', (4, 4)), forged=True,
                             kinds=['seal_copied_across_issuers'], note='张庄村 certificate carrying a 王楼村 seal cut from a scan of another document')
c = new_customer(); make_doc('失业证明_桂城.pdf', c, 'shiye', 'gc', sy_d(c, hukou='广东省佛山市南海区', employer='佛山市南海区某五金制品厂'), 'pdf', seal_key='jd_wyh',
                             forged=True, kinds=['seal_copied_across_issuers'], note='佛山 employment-station certificate bearing a 长沙望月湖街道办事处 seal image')

# --- 6. name / ID mismatch
c = new_customer(); op = new_person(); make_doc('诊断证明_扫描.jpg', c, 'zhenduan', 'cd3', zd_d(c), 'scan:plain', doc_person=op, forged=True, kinds=['name_id_mismatch'], note='patient name and ID are another person\'s')
c = new_customer(); dp = dict(person_of(c)); dp['idno'] = new_person(sex=c['sex'])['idno']
make_doc('lizhi_zm.jpg', c, 'lizhi', 'yf', lz_d(c, '云帆人字'), 'phone:warm', doc_person=dp, forged=True, kinds=['name_id_mismatch'], note='borrower\'s name with a different valid ID number')
c = new_customer(); dp = dict(person_of(c)); nm = c['name']; alt = {'伟': '玮', '芳': '方', '静': '婧', '军': '君', '明': '铭', '华': '桦', '杰': '洁'}
nm2 = nm[:-1] + alt.get(nm[-1], '晓'); dp['name'] = nm2
make_doc('贫困证明_转发.jpg', c, 'pinkun', 'lz', pk_d(c), 'wechat:phone:desk', doc_person=dp, forged=True, kinds=['name_id_mismatch'], note=f'name on document ({nm2}) differs from borrower ({nm}); ID matches borrower')
c = new_customer(); dp = dict(person_of(c)); dp['idno'] = new_person(sex=c['sex'], byear=c['birth'].year)['idno']
make_doc('death_certificate.pdf', c, 'siwang', 'jy', sw_d(c), 'scanpdf:gray', doc_person=dp, forged=True, kinds=['name_id_mismatch'], note='death certificate with borrower\'s name but another person\'s ID')
c = new_customer(); dp = dict(person_of(c)); dp['name'] = new_person()['name']
make_doc('chuyuan_record.png', c, 'chuyuan', 'td', cy_d(c), 'png:desktop', doc_person=dp, forged=True, kinds=['name_id_mismatch'], note='another person\'s name with the borrower\'s ID')

# --- 7. date inconsistencies
c = new_customer(); dd = zd_d(c, issue=c['recv'].date() + dt.timedelta(days=int(R.randint(4, 15))))
make_doc('诊断证明_湘潭.jpg', c, 'zhenduan', 'xy2', dd, 'phone:desk', forged=True, kinds=['date_inconsistent'], note='issue/visit date is after the complaint was received')
c = new_customer(); dd = sy_d(c, reg='2026年2月29日', issue=days_before(c, 5, 20))
make_doc('失业登记证明_0229.jpg', c, 'shiye', 'xn', dd, 'scan:gray', forged=True, kinds=['date_inconsistent'], note='失业登记日期 2026-02-29 does not exist')
c = new_customer(); dd = cy_d(c); adm0 = dd['adm']; dd['adm'], dd['dis'] = dd['dis'], adm0; dd['days'] = (dd['adm'] - dd['dis']).days; dd['issue'] = dd['adm']
make_doc('出院记录.pdf', c, 'chuyuan', 'td', dd, 'pdf', forged=True, kinds=['date_inconsistent'], note='discharge date earlier than admission date')
c = new_customer(); dd = sw_d(c); dd['issue'] = dd['death'] - dt.timedelta(days=int(R.randint(4, 9)))
make_doc('死亡证明_转发.jpg', c, 'siwang', 'wc', dd, 'wechat:scan:plain', forged=True, kinds=['date_inconsistent'], note='填表(issue) date precedes the stated date of death')

# --- 8. invalid ID numbers
c = new_customer(); dp = dict(person_of(c)); s = dp['idno']; bad = s[:17] + ('0' if s[17] != '0' else '1'); dp['idno'] = bad
make_doc('离职证明_ID.jpg', c, 'lizhi', 'hs', lz_d(c, '海顺人字'), 'scan:gray', doc_person=dp, forged=True, kinds=['invalid_id_number'], note='ID check digit wrong')
c = new_customer(); dp = dict(person_of(c)); s = dp['idno']; b17 = s[:10] + '0230' + s[14:17]; dp['idno'] = b17 + id_check(b17)
make_doc('pinkun_dim.jpg', c, 'pinkun', 'lz', pk_d(c), 'phone:dim', doc_person=dp, forged=True, kinds=['invalid_id_number'], note='ID embeds impossible birth date (Feb 30) though check digit recomputed')
c = new_customer(); dp = dict(person_of(c)); dp['idno'] = dp['idno'][:9] + dp['idno'][10:]
make_doc('诊断证明_cs4.png', c, 'zhenduan', 'cs4', zd_d(c), 'png:desktop', doc_person=dp, forged=True, kinds=['invalid_id_number'], note='ID has 17 characters (one digit dropped)')

# --- second (genuine) attachments for a few complaints
def cust_of(fn):
    for c in customers:
        if any(a.endswith('/' + fn) for a, _ in complaints_att[c['cid']]): return c
    raise KeyError(fn)
c = cust_of('律师函_德衡信.pdf'); make_doc('诊断证明_附件2.jpg', c, 'zhenduan', 'cd3', zd_d(c), 'scan:plain', note='genuine second attachment of a complaint whose lawyer letter is forged')
c = cust_of('pinkun_dim.jpg'); make_doc('dibao_zm_2.jpg', c, 'dibao', 'mz', dict(addr='重庆市渝中区大溪沟街道人和街74号', n=4, cls='A类', amt=1320, since=D(2025, 3, 1), no=f"YZ{R.randint(10**6, 10**7)}", issue=days_before(c, 3, 20)), 'wechat:phone:desk', note='genuine second attachment')
c = cust_of('离职证明_华锐.jpg'); make_doc('zhenduan_xiangtan.pdf', c, 'zhenduan', 'xy2', zd_d(c), 'scanpdf:plain', note='genuine second attachment; scan to PDF')
c = cust_of('律师函_明德恒信.pdf'); make_doc('IMG_{ts}_出院.jpg', c, 'chuyuan', 'td', cy_d(c), 'phone:warm', note='genuine second attachment')
n_genuine = sum(1 for t in truth.values() if not t['forged'])

# ===================================================== complaints etc =====================================================
TXT = {'lizhi': ['本人已于{m}离职，目前没有收入，附离职证明，申请延期还款。', '我被公司裁员了，现在没工作，离职证明在附件，请求停息挂账。'],
       'shouru': ['公司让我停薪待岗，收入大幅下降，附单位证明，希望减免利息分期还款。'],
       'shiye': ['本人目前失业，已在当地办理失业登记，附失业证明，申请协商还款。', '我失业了，附件是失业登记证明，请暂停催收。'],
       'pinkun': ['家里确实困难，村委会开了证明，附件请查收，申请减免罚息。', '家庭经济困难无力偿还，附贫困证明，请求只还本金。'],
       'jiedao': ['街道已出具困难证明（见附件），本人暂时无力还款，请求延期。'],
       'zhenduan': ['本人生病住院治疗，附医院诊断证明，申请延期还款并减免罚息。', '因病无法工作，诊断证明见附件，请停止催收电话。'],
       'chuyuan': ['刚做完手术出院，附出院记录，目前没有还款能力，申请停息挂账。'],
       'siwang': ['借款人已去世，本人是其家属，附死亡证明，申请核销债务。'],
       'lvshi': ['我已委托律师处理此事，附律师函，请与律师联系，不要再打电话骚扰我和家人。', '律师函见附件，请贵司停止暴力催收并与律师协商。'],
       'dibao': ['我家是低保户，附低保证明，实在无力还款，申请减免。'],
       'app': ['附件是截图，请核实我的情况，申请延期还款。']}
CH = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
complaints = []
cust_sorted = sorted(customers, key=lambda c: c['recv'])
for i, c in enumerate(cust_sorted):
    atts = complaints_att[c['cid']]
    if not atts: continue
    tpl = atts[0][1]; t = TXT[tpl][R.randint(len(TXT[tpl]))].replace('{m}', f"{R.randint(4, 8)}月")
    ch = CH[R.randint(len(CH))]
    if tpl == 'siwang': t = f"（家属代办）{t}"
    if ch == 'regulator': t = '（监管转办）' + t
    complaints.append(dict(complaint_id=f"D28-{len(complaints)+1:04d}", received_at=c['recv'].isoformat(), channel=ch, customer_id=c['cid'],
                           phone=c['phone'], text=f"{c['name']}：{t}", attachments=[a for a, _ in atts]))
with open(os.path.join(OUT, 'complaints.jsonl'), 'w') as f:
    for cp in complaints: f.write(json.dumps(cp, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'customers.csv'), 'w', newline='') as f:
    w = csv.writer(f); w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for c in customers: w.writerow([c['cid'], c['name'], c['phone'], c['principal'], c['next_due'].isoformat(), c['overdue'], c['idno']])
with open(os.path.join(OUT, 'materials_truth.json'), 'w') as f:
    json.dump({'files': truth}, f, ensure_ascii=False, indent=1)
print('genuine', n_genuine, 'total', len(truth), 'customers', len(customers), 'complaints', len(complaints))
