# Builds attachments/, complaints.jsonl, customers.csv, materials_truth.json for b10_docs.
# Deterministic: all randomness from fixed seeds below.
import os, io, json, csv, random, datetime, copy
import numpy as np
from PIL import Image
import lib, zlib


def H(x):
    return zlib.crc32(str(x).encode()) % 100000

from lib import make_id, make_uscc, make_seal, impress, render_page
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader
from pypdf import PdfReader, PdfWriter

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ATT = os.path.join(OUT, 'attachments')
os.makedirs(ATT, exist_ok=True)
R = random.Random(20261201)
pdfmetrics.registerFont(TTFont('wqy', lib.FONT, subfontIndex=0))
D = datetime.date

# ------------------------------------------------------------------ customers
# (name, sex, region, birth, seq)  -- some regions newer than birth year (genuine):
# 440309 Longhua (2016), 440311 Guangming (2018), 120116 Binhai (2009), 110115 Daxing (2001 as district)
CUST = [
    ('张伟', 'M', '440304', '19880312', '001'), ('李娜', 'F', '440304', '19910507', '022'),
    ('王芳', 'F', '440309', '19850919', '046'), ('刘洋', 'M', '510107', '19930104', '013'),
    ('陈静', 'F', '510107', '19890228', '028'), ('杨磊', 'M', '420111', '19870716', '035'),
    ('赵敏', 'F', '420115', '19920830', '064'), ('黄勇', 'M', '440311', '19790411', '051'),
    ('周婷', 'F', '420111', '19951123', '082'), ('吴杰', 'M', '440305', '19900617', '077'),
    ('徐丽', 'F', '440304', '19861002', '040'), ('孙强', 'M', '440309', '19830525', '019'),
    ('马超', 'M', '430121', '19940308', '031'), ('朱红', 'F', '430121', '19780114', '062'),
    ('胡斌', 'M', '330110', '19910921', '057'), ('郭燕', 'F', '330110', '19970603', '088'),
    ('何军', 'M', '440307', '19820227', '015'), ('高霞', 'F', '320106', '19930417', '024'),
    ('林涛', 'M', '120116', '19800808', '093'), ('罗琳', 'F', '310115', '19890130', '066'),
    ('梁浩', 'M', '110115', '19751210', '011'), ('宋佳', 'F', '320106', '19960725', '048'),
    ('郑凯', 'M', '500112', '19920219', '073'), ('谢雪', 'F', '610113', '19881106', '026'),
    ('韩鹏', 'M', '370202', '19850503', '039'), ('唐颖', 'F', '430104', '19900912', '084'),
    ('冯刚', 'M', '440309', '19810131', '095'), ('曹蕾', 'F', '320106', '19940629', '060'),
    ('彭飞', 'M', '510107', '19870308', '017'), ('曾莉', 'F', '430121', '19911215', '042'),
    ('邓辉', 'M', '310115', '19860722', '055'), ('许晴', 'F', '330110', '19980404', '068'),
    ('傅斌', 'M', '440304', '19840920', '071'), ('沈洁', 'F', '440311', '19760814', '086'),
]
customers = []
for i, (nm, sx, rg, bd, sq) in enumerate(CUST):
    idn = make_id(rg, bd, sq)
    assert lib.id_valid(idn) and (int(sq[-1]) % 2 == 1) == (sx == 'M'), (nm, idn)
    ph = '1' + R.choice('3456789') + ''.join(R.choice('0123456789') for _ in range(9))
    customers.append(dict(customer_id='C10%04d' % (i + 1), name=nm, sex='男' if sx == 'M' else '女', id_number=idn, phone=ph,
                          birth=bd, principal=R.choice([8000, 12000, 15000, 20000, 26000, 30000, 45000, 50000, 68000]),
                          next_due_date=str(D(2026, 11, 1) + datetime.timedelta(days=R.randint(0, 40))),
                          overdue_days=R.choice([0, 0, 3, 15, 32, 47, 61, 95, 120, 183])))


def C(n):
    return customers[n - 1]

# outsiders (not customers) with valid IDs
OUTS = [dict(name='陈晓东', sex='男', id_number=make_id('440306', '19870402', '035')),
        dict(name='王桂兰', sex='女', id_number=make_id('430121', '19520917', '024')),   # deceased relative
        dict(name='冯建国', sex='男', id_number=make_id('440309', '19550306', '013')),   # deceased relative (Longhua code newer than birth: genuine)
        dict(name='刘志明', sex='男', id_number=make_id('420111', '19580123', '057')),
        ]
for o in OUTS:
    assert lib.id_valid(o['id_number'])


def age(c, on):
    b = c['birth']
    y = on.year - int(b[:4]) - ((on.month, on.day) < (int(b[4:6]), int(b[6:])))
    return y


def cn(d):
    return f'{d.year}年{d.month}月{d.day}日'

# ------------------------------------------------------------------ issuers / seal designs
DS = {
    'jd': dict(size=300, border=9, ring_size=33, span=250),
    'sq': dict(size=320, border=8, ring_size=25, span=280),
    'hosp': dict(size=300, border=8, ring_size=30, span=230, star=True, inner=True),
    'co': dict(size=290, border=9, ring_size=31, span=255),
    'law': dict(size=290, border=10, ring_size=34, span=220),
    'cun': dict(size=300, border=9, ring_size=31, span=255),
    'oval': dict(shape='oval', size=340, border=7, ring_size=28, span=220, star=False),
    'gov': dict(size=310, border=10, ring_size=36, span=240),
    'hosp2': dict(size=300, border=8, ring_size=28, span=250, star=True),
}
ISS = {
    # look-alike pairs: same design, differ only in ring text
    'futian': ('深圳市福田区福田街道办事处', 'jd', None), 'huafu': ('深圳市福田区华富街道办事处', 'jd', None),
    'yulinbei': ('成都市武侯区玉林街道玉林北路社区居民委员会', 'sq', None), 'yulindong': ('成都市武侯区玉林街道玉林东路社区居民委员会', 'sq', None),
    'hongshan': ('武汉市洪山区人民医院', 'hosp', '诊断证明专用章'), 'jiangxia': ('武汉市江夏区人民医院', 'hosp', '诊断证明专用章'),
    'ruifeng': ('深圳市瑞丰电子科技有限公司', 'co', None), 'ruifeng2': ('深圳市瑞峰电子科技有限公司', 'co', None),
    'huanan': ('广东华南律师事务所', 'law', None), 'huaheng': ('广东华衡律师事务所', 'law', None),
    'huanglong': ('长沙县黄花镇黄龙村民委员会', 'cun', None), 'huangxing': ('长沙县黄花镇黄兴村民委员会', 'cun', None),
    'yunqi': ('杭州云栖网络科技有限公司', 'oval', '人事专用章'), 'yunxi': ('杭州云溪网络科技有限公司', 'oval', '人事专用章'),
    # singles
    'longhua': ('深圳市龙华区人民医院', 'hosp2', '医务科'),
    'gulou': ('南京市鼓楼区中心医院', 'hosp', '住院证明专用章'),
    'yuhang': ('杭州市余杭区民政局', 'gov', None),
    'pudong': ('上海市浦东新区花木街道社区事务受理服务中心', 'sq', None),
    'chuangxin': ('深圳市创新达物流有限公司', 'co', None),
    'zhongcheng': ('深圳前海中诚律师事务所', 'law', None),
    'hengzheng': ('广州恒正律师事务所', 'law', None),
    'xincheng': ('深圳市鑫诚企业管理咨询有限公司', 'co', None),
}
REGNO = {'chuangxin': '4403060231874', 'xincheng': '4403040559012'}
SEAL = {}
for k, (nm, dsk, bottom) in ISS.items():
    d = DS[dsk]
    if d.get('shape') == 'oval':
        SEAL[k] = make_seal(nm, d, H(k) % 1000, center_text=bottom)
    else:
        SEAL[k] = make_seal(nm, d, H(k) % 1000, bottom=bottom, regno=REGNO.get(k))

FIRM = {  # law firm -> (USCC of firm, address)
    'huanan': (make_uscc('31', '440000', '45528613'), '广州市天河区珠江新城华夏路16号28楼'),
    'huaheng': (make_uscc('31', '440000', '45529380'), '广州市越秀区环市东路339号19楼'),
    'zhongcheng': (make_uscc('31', '440000', 'MA5F8T2K'), '深圳市前海深港合作区前湾一路1号A栋201室'),
    'hengzheng': (make_uscc('31', '440000', 'MA9W3LQ4'), '广州市白云区机场路1962号1105室'),
}
COMPANY_USCC = {'xincheng': make_uscc('91', '440300', 'MA5G7H1N'), 'chuangxin': make_uscc('91', '440300', '78926517'),
                'ruifeng': make_uscc('91', '440300', '69254137'), 'ruifeng2': make_uscc('91', '440300', 'MA5DL8P3')}


def lawyer_lic(region4, year, gender, seq):
    s = '1' + region4 + str(year) + '1' + str(gender) + '%06d' % seq
    assert len(s) == 17
    return s

LENDER = '安和消费金融有限公司'

# ------------------------------------------------------------------ document factories
# Each returns a doc dict for lib.render_page; fields: 'who' dict(name,id_number,sex)


def unemp(iss, p, issue, no, leave):
    nm = ISS[iss][0]
    return dict(header=nm, red_header=True, title='失业证明', docno=no,
                paras=[f'兹证明{p["name"]}，{p["sex"]}，身份证号码：{p["id_number"]}，系我辖区常住居民。该居民原就职单位于{cn(leave)}与其解除劳动关系，本人现处于失业状态，已于{cn(leave + datetime.timedelta(days=9))}在我处办理失业登记。',
                       '该居民目前无稳定收入来源，家庭生活较为困难。', '特此证明。'],
                tags=[p['name'], p['id_number'], cn(leave)], sign_lines=[nm], date=cn(issue), iss=iss)


def poverty(iss, p, issue, no, income, reason):
    nm = ISS[iss][0]
    return dict(title='家庭经济困难证明', docno=no,
                paras=[f'兹证明{p["name"]}（身份证号码：{p["id_number"]}）系我村（居）村民，家庭常住人口4人。{reason}，家庭年人均收入约{income}元，生活十分困难。',
                       '以上情况经村（居）委会核实，情况属实。', '特此证明。'],
                tags=[p['name'], p['id_number'], f'{income}元'], sign_lines=[nm], date=cn(issue), iss=iss)


def community(iss, p, issue, no, reason):
    nm = ISS[iss][0]
    return dict(title='居民生活困难情况证明', docno=no,
                paras=[f'兹有我社区居民{p["name"]}，身份证号码：{p["id_number"]}，{reason}，目前生活困难，暂无能力按期偿还个人债务。',
                       '经社区走访核实，情况属实，请有关单位予以关注。', '特此证明。'],
                tags=[p['name'], p['id_number']], sign_lines=[nm], date=cn(issue), iss=iss)


def diag(iss, p, issue, no, dx, advice, dept='消化内科'):
    nm = ISS[iss][0]
    return dict(header=nm, title='诊 断 证 明 书', docno=no,
                table=[('姓    名', p['name']), ('性    别', p['sex']), ('年    龄', f'{age(p, issue)}岁' if 'birth' in p else '—'),
                       ('身份证号', p['id_number']), ('科    别', dept), ('就诊日期', cn(issue))],
                paras=[f'诊断：{dx}', f'医嘱：{advice}'], tags=[dx],
                sign_lines=['医师签名：', '（本证明加盖诊断证明专用章有效）'], date=cn(issue), sig_seed=H(no) % 999, iss=iss)


def inpatient(iss, p, issue, no, adm, dis, dx):
    nm = ISS[iss][0]
    days = (dis - adm).days
    return dict(header=nm, title='住 院 证 明', docno=no,
                table=[('姓    名', p['name']), ('性    别', p['sex']), ('身份证号', p['id_number']), ('住 院 号', no[-6:]),
                       ('入院日期', cn(adm)), ('出院日期', cn(dis)), ('住院天数', f'{days}天')],
                paras=[f'出院诊断：{dx}', '出院医嘱：出院后继续休息治疗，定期门诊复查，避免劳累。'], tags=[dx],
                sign_lines=['经治医师：'], date=cn(issue), sig_seed=H(no) % 997, iss=iss)


def resign(iss, p, issue, no, entry, leave, dept, pos):
    nm = ISS[iss][0]
    return dict(header=nm, title='离 职 证 明', docno=no,
                paras=[f'兹证明{p["name"]}（身份证号：{p["id_number"]}）自{cn(entry)}起在我公司{dept}担任{pos}一职，于{cn(leave)}因公司经营调整与我公司解除劳动合同，现已办理完毕全部离职交接手续。',
                       '我公司与其不存在任何劳动纠纷。', '特此证明。'],
                tags=[p['name'], p['id_number'], cn(leave), cn(entry)], sign_lines=[nm], date=cn(issue), iss=iss)


def income(iss, p, issue, no, amt):
    nm = ISS[iss][0]
    return dict(header=nm, title='收 入 证 明', docno=no,
                paras=[f'兹证明{p["name"]}（身份证号：{p["id_number"]}）系我单位员工。因业务量下降，自2026年4月起该员工处于待岗状态，每月仅领取基本生活费{amt}元。',
                       '特此证明。'], tags=[p['name'], p['id_number'], f'{amt}元'], sign_lines=[nm], date=cn(issue), iss=iss)


def death(iss, dec, rel, rel_p, issue, no, dod, cause):
    nm = ISS[iss][0]
    return dict(header=nm, title='居民死亡医学证明（推断）书', title_size=40, docno=no,
                table=[('死者姓名', dec['name']), ('性    别', dec['sex']), ('身份证号', dec['id_number']), ('死亡日期', cn(dod)),
                       ('死亡地点', '医疗卫生机构'), ('死亡原因', cause), ('申 报 人', rel_p['name']), ('申报人证件号', rel_p['id_number']),
                       ('与死者关系', rel)],
                paras=['本证明由医疗卫生机构填写，用于办理户籍注销及殡葬等事宜。'], tags=[],
                sign_lines=['填报医师：'], date='签发日期：' + cn(issue), sig_seed=H(no) % 991, iss=iss)


def dibao(iss, p, issue, no, start):
    nm = ISS[iss][0]
    return dict(header=nm, red_header=True, title='最低生活保障证明', docno=no,
                paras=[f'兹证明{p["name"]}（身份证号码：{p["id_number"]}）家庭经申请、审核、公示，符合城乡居民最低生活保障条件，自{cn(start)}起纳入最低生活保障范围，保障证号：{no[-8:]}。',
                       '特此证明。'], tags=[p['name'], p['id_number']], sign_lines=[nm], date=cn(issue), iss=iss)


def lawyer(firm, p, issue, no, lname, lic, label='执业证号'):
    nm = ISS[firm][0]
    uscc, addr = FIRM[firm]
    return dict(header=nm, red_header=True, title='律 师 函', docno=no, to=f'致：{LENDER}', fsize=28,
                paras=[f'本所接受{p["name"]}（身份证号码：{p["id_number"]}）的委托，指派本所{lname}律师，就委托人与贵司之间的借款合同纠纷事宜，郑重致函如下：',
                       '一、委托人因失业及家庭变故，目前确无能力按原合同约定还款，请贵司自收函之日起停止一切催收行为，不得以任何方式联系委托人及其亲友、同事。',
                       '二、贵司收取的利息、服务费等费用合计已超过法定上限，请贵司核减并与本所协商停息挂账、分期还款方案。',
                       '三、自本函发出之日起，涉及委托人借款事宜请直接与本所承办律师联系。', '特此函告。'],
                tags=[p['name'], p['id_number'], lic], sign_lines=[nm, f'承办律师：{lname}', f'{label}：{lic}'], date=cn(issue),
                footer=[f'地址：{addr}', f'统一社会信用代码：{uscc}'], sig_seed=H(no) % 983, iss=firm)

# ------------------------------------------------------------------ render helpers


def page(doc, seal_seed, seal_override=None, seal_xy=None):
    doc = dict(doc)
    s = seal_override if seal_override is not None else impress(SEAL[doc['iss']], seal_seed)
    doc['seal'] = s
    if seal_xy:
        doc['seal_x'], doc['seal_y'] = seal_xy
    return render_page(doc)


def render_pdf(doc, seal_img, title, producer, creator, created, moddate=None, sealpos=None, seal_seed=0):
    """Vector PDF (reportlab) with the same layout as render_page; returns (bytes, boxes in pt)."""
    b = io.BytesIO()
    k = 0.48
    Wp, Hp = 595.2, 841.9
    c = rl_canvas.Canvas(b, pagesize=(Wp, Hp), pageCompression=1, invariant=1)
    c.setTitle(title); c.setProducer(producer); c.setCreator(creator)
    c.setCreationDate(created) if hasattr(c, 'setCreationDate') else None
    # Rasterise the layout once to get the coordinates, then draw text as vectors.
    img, boxes = render_page(dict(doc, seal=None, sig_seed=None))
    from PIL import ImageDraw
    d = ImageDraw.Draw(img)

    def T(txt, x, y, fs, col=(0, 0, 0)):
        c.setFillColorRGB(*[v / 255 for v in col]); c.setFont('wqy', fs * k)
        c.drawString(x * k, Hp - (y + fs * 0.92) * k, txt)
    # re-run layout logic (mirrors lib.render_page)
    y = 110
    if doc.get('header'):
        f = lib.font(30); t = doc['header']; tw = d.textlength(t, font=f)
        T(t, (lib.A4[0] - tw) / 2, y, 30, (150, 20, 25) if doc.get('red_header') else (20, 20, 20)); y += 52
        if doc.get('red_header'):
            c.setStrokeColorRGB(0.67, 0.08, 0.1); c.setLineWidth(2); c.line(120 * k, Hp - y * k, (lib.A4[0] - 120) * k, Hp - y * k); y += 20
    ts = doc.get('title_size', 48); f = lib.font(ts); tw = d.textlength(doc['title'], font=f)
    T(doc['title'], (lib.A4[0] - tw) / 2, y + 20, ts); y += 110
    if doc.get('docno'):
        f2 = lib.font(24); tw = d.textlength(doc['docno'], font=f2); T(doc['docno'], lib.A4[0] - 140 - tw, y, 24); y += 55
    fs = doc.get('fsize', 31); f = lib.font(fs); lh = int(fs * 1.85); L, Rr = 140, lib.A4[0] - 140
    if doc.get('to'):
        T(doc['to'], L, y, fs); y += lh
    for kk, v in doc.get('table', []):
        T(kk, L, y, fs); T(v, L + 230, y, fs)
        c.setStrokeColorRGB(.5, .5, .5); c.setLineWidth(0.5); c.line((L + 224) * k, Hp - (y + fs + 10) * k, Rr * k, Hp - (y + fs + 10) * k)
        y += lh
    if doc.get('table'):
        y += 20
    for p in doc.get('paras', []):
        for ln in lib.wrap('\u3000\u3000' + p, f, Rr - L, d):
            T(ln, L, y, fs); y += lh
        y += 10
    y = max(y + 40, doc.get('sign_y', 0)); sy = y
    for s in doc.get('sign_lines', []):
        tw = d.textlength(s, font=f); T(s, Rr - tw - 20, y, fs); y += lh
    if doc.get('date'):
        tw = d.textlength(doc['date'], font=f); T(doc['date'], Rr - tw - 20, y, fs); y += lh
    if doc.get('footer'):
        for i, ln in enumerate(doc['footer']):
            T(ln, L, lib.A4[1] - 150 + i * 34, 22, (70, 70, 70))
    if seal_img is not None:
        cx = doc.get('seal_x', Rr - 230); cy = doc.get('seal_y', (sy + y) / 2)
        if sealpos:
            cx, cy = sealpos
        sb = io.BytesIO(); seal_img.save(sb, 'PNG')
        c.drawImage(ImageReader(io.BytesIO(sb.getvalue())), (cx - seal_img.width / 2) * k, Hp - (cy + seal_img.height / 2) * k,
                    seal_img.width * k, seal_img.height * k, mask='auto')
    c.showPage(); c.save()
    pdf = b.getvalue()
    # set dates via pypdf (non-incremental, this is the "issued" file)
    r = PdfReader(io.BytesIO(pdf)); w = PdfWriter(clone_from=r)
    meta = {'/Producer': producer, '/Creator': creator, '/Title': title, '/CreationDate': created, '/ModDate': moddate or created}
    w.add_metadata(meta)
    o = io.BytesIO(); w.write(o)
    bx = {kk: tuple(v * k for v in vv) for kk, vv in boxes.items()}
    return o.getvalue(), bx


def image_pdf(img, title, producer, created):
    """Scanner-to-PDF: page image embedded as JPEG."""
    b = io.BytesIO()
    c = rl_canvas.Canvas(b, pagesize=(595.2, 841.9), invariant=1)
    c.setTitle(title); c.setProducer(producer); c.setCreator(producer)
    jb = io.BytesIO(); img.convert('RGB').save(jb, 'JPEG', quality=80)
    c.drawImage(ImageReader(io.BytesIO(jb.getvalue())), 0, 0, 595.2, 841.9)
    c.showPage(); c.save()
    r = PdfReader(io.BytesIO(b.getvalue())); w = PdfWriter(clone_from=r)
    w.add_metadata({'/Producer': producer, '/Creator': producer, '/Title': title, '/CreationDate': created, '/ModDate': created})
    o = io.BytesIO(); w.write(o)
    return o.getvalue()


def pdfdate(dt):
    return dt.strftime("D:%Y%m%d%H%M%S+08'00'")


def exifdt(d, h=None):
    h = R.randint(8, 20) if h is None else h
    return f'{d.year:04d}:{d.month:02d}:{d.day:02d} {h:02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}'

# ------------------------------------------------------------------ registry
FILES = {}      # fname -> truth
ATTACH = []     # (fname, cust_no, issue_date, cmp_key, received_override)


def put(fname, data, cust, issue, forged, kinds, doc_type, capture, note, cmp=None, recv=None):
    with open(os.path.join(ATT, fname), 'wb') as fh:
        fh.write(data)
    FILES['attachments/' + fname] = dict(forged=forged, kinds=kinds, doc_type=doc_type, capture=capture, note=note)
    ATTACH.append((fname, cust, issue, cmp, recv))


def capture(img, how, seed, shot_date):
    """Return (bytes, ext, capture_label, final_image)."""
    if how == 'phone':
        b, im = lib.phone_photo(img, seed, exifdt(shot_date)); return b, 'jpg', 'phone_photo', im
    if how == 'screen':
        b, im = lib.screen_photo(img, seed, exifdt(shot_date)); return b, 'jpg', 'phone_photo', im
    if how == 'scan':
        b, im = lib.scanner_jpeg(img, seed); return b, 'jpg', 'scanner_jpeg', im
    if how == 'scangray':
        b, im = lib.scanner_jpeg(img, seed, gray=True, q=90, dpi=300); return b, 'jpg', 'scanner_jpeg', im
    if how == 'fax':
        b, im = lib.fax_scan(img, seed); return b, 'jpg', 'scanner_jpeg', im
    if how == 'copy':
        b, im = lib.photocopy(img, seed); return b, 'jpg', 'scanner_jpeg', im
    if how == 'wechat':
        b0, _ = lib.phone_photo(img, seed, exifdt(shot_date), q=92)
        b, im = lib.wechat_jpeg(b0, seed); return b, 'jpg', 'wechat_jpeg', im
    if how == 'wechat_scan':
        b0, im0 = lib.scanner_jpeg(img, seed)
        b, im = lib.wechat_jpeg(im0, seed); return b, 'jpg', 'wechat_jpeg', im
    if how == 'png':
        b, im = lib.screenshot_png(img, seed, clock=f'{R.randint(8, 22)}:{R.randint(10, 59)}'); return b, 'png', 'png', im
    raise ValueError(how)


def fname_for(ext, how, seed, shot):
    t = datetime.datetime(shot.year, shot.month, shot.day, RN.randint(8, 22), RN.randint(0, 59), RN.randint(0, 59))
    if how in ('phone', 'screen'):
        return RN.choice([f'IMG_{t:%Y%m%d_%H%M%S}.{ext}', f'IMG_{RN.randint(1000, 9999)}.{ext}'])
    if how.startswith('wechat'):
        return f'mmexport{int(t.timestamp() * 1000) + RN.randint(0, 999)}.{ext}'
    if how in ('scan', 'scangray', 'fax', 'copy'):
        return RN.choice([f'scan_{t:%Y%m%d%H%M%S}.{ext}', f'SCAN{RN.randint(1, 400):04d}.{ext}', f'{RN.choice(["证明", "附件", "材料"])}{RN.randint(1, 9)}.{ext}'])
    return f'Screenshot_{t:%Y-%m-%d-%H-%M-%S}.{ext}'


SEQ = [0]
SHOTS = {}


USED = set()
RN = random.Random(777)


def uid(base):
    n = base
    while n in USED:
        stem, ext = base.rsplit('.', 1)
        n = f'{stem}({RN.randint(1, 9)}).{ext}'
    USED.add(n)
    return n


def add_img(doc, seal_seed, how, cust, issue, forged, kinds, doc_type, note, cmp=None, recv=None, seed=None, seal_override=None, shot=None):
    seed = seed if seed is not None else R.randint(1, 99999)
    if not seal_seed:
        seal_seed = H(doc.get('docno', '')) + cust * 7
    img, boxes = page(doc, seal_seed, seal_override)
    shot = shot or issue + datetime.timedelta(days=R.randint(1, 6))
    b, ext, cap, _ = capture(img, how, seed, shot)
    fn = uid(fname_for(ext, how, seed, shot))
    put(fn, b, cust, issue, forged, kinds, doc_type, cap, note, cmp, recv)
    SHOTS[fn] = shot
    return fn

# ================================================================== GENUINE (40)
G = dict(forged=False, kinds=[])
NOTE_PAIR = 'look-alike seal: same design as sibling issuer, differs only in ring text'


def gen(doc, how, cust, issue, doc_type, note, **kw):
    return add_img(doc, H(doc.get('docno', '')) + cust, how, cust, issue, False, [], doc_type, note, **kw)


d = D(2026, 8, 12); gen(unemp('huafu', C(1), d, '福华证〔2026〕第0312号', D(2026, 6, 30)), 'phone', 1, d, '失业证明', NOTE_PAIR + ' (华富 vs 福田)')
d = D(2026, 7, 21); gen(unemp('futian', C(2), d, '福街证〔2026〕第0457号', D(2026, 5, 31)), 'scan', 2, d, '失业证明', NOTE_PAIR + ' (福田 vs 华富); same issuer/template as other 福田 docs')
d = D(2026, 8, 27); gen(unemp('futian', C(3), d, '福街证〔2026〕第0533号', D(2026, 7, 15)), 'wechat', 3, d, '失业证明', 'same issuer+template as 福田 docs for other borrowers; different number/dates/impression')
d = D(2026, 9, 2); gen(unemp('futian', C(4), d, '福街证〔2026〕第0561号', D(2026, 8, 10)), 'fax', 4, d, '失业证明', 'fax-like 1-bit scan; same template as other 福田 docs')
d = D(2026, 8, 5); gen(community('yulinbei', C(5), d, '玉北居证〔2026〕38号', '因2026年5月所在单位停产放假，本人无固定收入，且需赡养年迈父母'), 'phone', 5, d, '社区困难证明', NOTE_PAIR + ' (玉林北路 vs 玉林东路)', cmp='c5')
d = D(2026, 9, 9); gen(community('yulindong', C(6), d, '玉东居证〔2026〕51号', '因配偶重病住院，家庭收入锐减'), 'wechat', 6, d, '社区困难证明', NOTE_PAIR)
d = D(2026, 8, 18); gen(diag('hongshan', C(7), d, '门诊号 0026081832', '腰椎间盘突出症（L4/5）', '建议休息一个月，避免久坐及负重。', '骨科'), 'phone', 7, d, '诊断证明书', NOTE_PAIR + ' (洪山 vs 江夏)', cmp='c7')
d = D(2026, 7, 30); gen(diag('jiangxia', C(8), d, '门诊号 1026073011', '2型糖尿病伴周围神经病变', '长期规律用药，建议休息两周。', '内分泌科'), 'scan', 8, d, '诊断证明书', NOTE_PAIR)
d = D(2026, 9, 14); gen(diag('hongshan', C(10), d, '门诊号 0026091407', '抑郁发作（中度）', '建议休息治疗一个月，定期复诊。', '心理科'), 'screen', 10, d, '诊断证明书', 'photo of a monitor (moire, glare); genuine')
d = D(2026, 8, 3); gen(resign('ruifeng', C(11), d, '瑞丰人字〔2026〕第019号', D(2021, 3, 8), D(2026, 7, 31), '生产部', '质检员'), 'phone', 11, d, '离职证明', NOTE_PAIR + ' (瑞丰 vs 瑞峰, one character)', cmp='c11')
d = D(2026, 7, 10); gen(resign('ruifeng2', C(12), d, '瑞峰人〔2026〕027号', D(2019, 11, 4), D(2026, 6, 30), '销售部', '销售代表'), 'copy', 12, d, '离职证明', NOTE_PAIR + '; photocopy of a photocopy (2 generations), grayscale')
d = D(2026, 9, 1); gen(lawyer('huanan', C(16), d, '（2026）华南律函字第0921号', '谭志刚', lawyer_lic('4401', 2013, 0, 245871)), 'scan', 16, d, '律师函', 'genuine lawyer letter, 17-digit licence; footer carries the FIRM USCC (legit) separately from the 执业证号')
d = D(2026, 8, 22); gen(poverty('huanglong', C(17), d, '黄龙村证字〔2026〕第15号', 4200, '本人2026年初务工受伤致左腿残疾，丧失主要劳动能力'), 'phone', 17, d, '贫困证明', NOTE_PAIR + ' (黄龙 vs 黄兴)')
d = D(2026, 9, 6); gen(poverty('huangxing', C(18), d, '黄兴村证字〔2026〕第22号', 3600, '家中母亲常年卧病，两名子女在读'), 'wechat', 18, d, '贫困证明', NOTE_PAIR)
d = D(2026, 8, 15); gen(resign('yunqi', C(19), d, '云栖人〔2026〕0815-02', D(2020, 6, 1), D(2026, 8, 14), '技术部', '测试工程师'), 'png', 19, d, '离职证明', NOTE_PAIR + ' (云栖 vs 云溪, oval 人事专用章); app screenshot PNG')
d = D(2026, 7, 28); gen(resign('yunxi', C(20), d, '云溪人〔2026〕071号', D(2018, 9, 10), D(2026, 7, 25), '运营部', '运营专员'), 'scan', 20, d, '离职证明', NOTE_PAIR)
d = D(2026, 8, 9); gen(death('longhua', OUTS[2], '父子', C(27), d, '死亡证明编号 440309202600871', D(2026, 8, 7), '急性心肌梗死'), 'phone', 27, d, '居民死亡医学证明', 'deceased is borrower\'s father; deceased ID has Longhua 440309 code newer than 1955 birth (legit re-issued ID); borrower C27 is declarant (ID 440309, born 1981)')
d = D(2026, 9, 12); gen(inpatient('gulou', C(22), d, '住院号 ZY2026088213', D(2026, 8, 29), D(2026, 9, 11), '急性胰腺炎'), 'wechat', 22, d, '住院证明', 'genuine; admission < discharge, 13 days')
d = D(2026, 9, 3); gen(income('chuangxin', C(25), d, '创新达人〔2026〕33号', 1800), 'scangray', 25, d, '收入证明', 'seal with 13-digit registration number on lower arc; grayscale 300dpi scan')
d = D(2026, 6, 25); gen(death('longhua', OUTS[1] | {'name': '王桂兰'}, '母子', C(29), d, '死亡证明编号 440309202600532', D(2026, 6, 23), '肺部感染'), 'scan', 29, d, '居民死亡医学证明', 'deceased is borrower\'s mother (ID 430121 code); genuine')
d = D(2026, 8, 26); gen(diag('gulou', C(21), d, '门诊号 MZ26082617', '右侧股骨颈骨折', '建议卧床休息三个月。', '骨科'), 'phone', 21, d, '诊断证明书', 'holder ID uses 110115 Daxing code though born 1975 (district code newer than birth; legit)')
d = D(2026, 7, 19); gen(unemp('huafu', C(28), d, '福华证〔2026〕第0288号', D(2026, 6, 15)), 'copy', 28, d, '失业证明', 'same issuer/template as other 华富 doc (C01), different borrower/number; photocopy')
d = D(2026, 9, 20); gen(community('yulinbei', C(30), d, '玉北居证〔2026〕47号', '因本人患慢性肾病需长期透析治疗'), 'screen', 30, d, '社区困难证明', 'photo of screen; same issuer/template as C05 doc')
d = D(2026, 9, 5); gen(poverty('huangxing', C(32), d, '黄兴村证字〔2026〕第20号', 3900, '家庭主要劳动力因病去世'), 'fax', 32, d, '贫困证明', 'fax-like scan; same issuer/template as C18 doc')
d = D(2026, 8, 30); gen(resign('yunqi', C(33), d, '云栖人〔2026〕0830-05', D(2022, 2, 14), D(2026, 8, 28), '客服部', '客服主管'), 'phone', 33, d, '离职证明', 'same issuer/template as C19 doc, different borrower')
d = D(2026, 8, 11); gen(inpatient('gulou', C(5), d, '住院号 ZY2026071934', D(2026, 7, 20), D(2026, 8, 10), '慢性阻塞性肺疾病急性加重'), 'scan', 5, d, '住院证明', 'genuine; second attachment of C05', cmp='c5')
d = D(2026, 9, 8); gen(lawyer('huaheng', C(7), d, '（2026）华衡律函字第0388号', '黎婉仪', lawyer_lic('4401', 2017, 1, 103342)), 'phone', 7, d, '律师函', 'genuine lawyer letter photographed; 17-digit licence; look-alike seal with 华南 firm', cmp='c7')
d = D(2026, 8, 20); gen(income('ruifeng2', C(8), d, '瑞峰人〔2026〕041号', 2100), 'wechat_scan', 8, d, '收入证明', 'scan forwarded via WeChat; 瑞峰 look-alike seal')
d = D(2026, 9, 10); gen(diag('longhua', C(12), d, '门诊号 LH2609100086', '高血压3级（极高危）', '建议休息两周，低盐饮食，规律服药。', '心血管内科'), 'phone', 12, d, '诊断证明书', 'genuine; holder ID 440309 born 1983', cmp='c12')
d = D(2026, 9, 16); gen(dibao('yuhang', C(31), d, '余民保〔2026〕00183467', D(2026, 7, 1)), 'wechat', 31, d, '最低生活保障证明', 'genuine')
d = D(2026, 9, 24); gen(dibao('yuhang', C(15), d, '余民保〔2026〕00191520', D(2026, 9, 1)), 'png', 15, d, '最低生活保障证明', 'genuine; e-certificate screenshot; same issuer/template as C31 doc')
d = D(2026, 9, 18); gen(inpatient('jiangxia', C(9), d, '住院号 JX2026090211', D(2026, 9, 2), D(2026, 9, 17), '重症肺炎'), 'phone', 9, d, '住院证明', 'genuine; 江夏 hospital look-alike seal')

# ---- genuine PDFs
NOW = datetime.datetime


def put_pdf(doc, cust, issue, forged, kinds, doc_type, note, producer, creator, fname, seal=None, cmp=None, recv=None, seal_seed=None):
    seal = seal if seal is not None else impress(SEAL[doc['iss']], seal_seed or H(fname))
    cr = pdfdate(NOW(issue.year, issue.month, issue.day, R.randint(9, 17), R.randint(0, 59), R.randint(0, 59)))
    b, bx = render_pdf(doc, seal, doc['title'].replace(' ', ''), producer, creator, cr)
    fn = uid(fname)
    put(fn, b, cust, issue, forged, kinds, doc_type, 'pdf', note, cmp, recv)
    return fn, b, bx

d = D(2026, 9, 4); put_pdf(resign('ruifeng', C(13), d, '瑞丰人字〔2026〕第024号', D(2022, 5, 16), D(2026, 8, 31), '仓储部', '仓管员'), 13, d, False, [], '离职证明', 'genuine vector PDF; same issuer/template as C11 瑞丰 photo', 'Microsoft: Print To PDF', 'WPS 文字', 'lizhi_zhengming.pdf', cmp='c13')
d = D(2026, 8, 28); put_pdf(lawyer('huanan', C(14), d, '（2026）华南律函字第0876号', '欧阳敏', lawyer_lic('4401', 2011, 1, 198254)), 14, d, False, [], '律师函', 'genuine lawyer letter PDF; 17-digit licence; firm USCC in footer', 'Microsoft® Word 2019', 'Microsoft® Word 2019', 'lvshihan_0876.pdf')
d = D(2026, 9, 15); put_pdf(lawyer('huaheng', C(15), d, '（2026）华衡律函字第0412号', '黎婉仪', lawyer_lic('4401', 2017, 1, 103342)), 15, d, False, [], '律师函', 'genuine; same lawyer/licence as C07 letter (a lawyer serves several clients)', 'Microsoft® Word 2016', 'Microsoft® Word 2016', 'huaheng_lsh.pdf')
pu = unemp('pudong', C(24), D(2026, 8, 6), '浦花受〔2026〕第10233号', D(2026, 7, 3)); pu['title'] = '失业登记证明'
d = D(2026, 8, 6); put_pdf(pu, 24, d, False, [], '失业登记证明', 'genuine e-certificate style PDF', 'iText® 5.5.13 ©2000-2020 iText Group NV', '上海市社区事务受理系统', 'shiye_dengji.pdf')
d = D(2026, 9, 21); put_pdf(inpatient('jiangxia', C(26), d, '住院号 JX2026090577', D(2026, 9, 5), D(2026, 9, 19), '脑梗死（急性期）'), 26, d, False, [], '住院证明', 'genuine hospital PDF', 'iText 7.1.16', 'HIS 电子病历系统', 'zhuyuan_zm.pdf')
d = D(2026, 8, 19); put_pdf(resign('chuangxin', C(11), d, '创新达人〔2026〕29号', D(2017, 3, 20), D(2026, 8, 15), '运输部', '调度员'), 11, d, False, [], '离职证明', 'genuine PDF; seal with registration number', 'Microsoft: Print To PDF', 'WPS 文字', 'chuangxinda_lizhi.pdf', cmp='c11')
# genuine scanned-to-PDF (image only)
img, _ = page(inpatient('hongshan', C(23), D(2026, 9, 7), '住院号 HS2026082406', D(2026, 8, 24), D(2026, 9, 6), '急性心力衰竭'), 77)
_, sim = lib.scanner_jpeg(img, 77)
fn = uid('扫描件_住院证明.pdf'); put(fn, image_pdf(sim, 'scan_zhuyuan', 'HP Scan', pdfdate(NOW(2026, 9, 8, 10, 12, 3))), 23, D(2026, 9, 7), False, [], '住院证明', 'pdf', 'genuine scanned-to-PDF (image only, no text layer)')
# genuine PDF with a benign incremental update (metadata only: archive keyword), page content unchanged
d = D(2026, 9, 2)
fn, b, _ = put_pdf(inpatient('gulou', C(13), d, '住院号 ZY2026081102', D(2026, 8, 11), D(2026, 9, 1), '腰椎压缩性骨折'), 13, d, False, [], '住院证明',
                   'genuine; has ONE incremental update that only adds /Keywords to the Info dict (hospital archive stamp), page content unchanged', 'iText 7.1.16', 'HIS 电子病历系统', 'gulou_zhuyuan.pdf', cmp='c13')
w = PdfWriter(io.BytesIO(b), incremental=True)
w.add_metadata({'/Keywords': '已归档 2026-09-03'})
o = io.BytesIO(); w.write(o); open(os.path.join(ATT, fn), 'wb').write(o.getvalue())

# ================================================================== FORGED
# ---- lawyer letters with USCC as 执业证号
def lw_forged(firm, cust, issue, no, lname, lic, how, note, extra_kinds=(), who=None):
    doc = lawyer(firm, who or C(cust), issue, no, lname, lic)
    kinds = ['uscc_as_lawyer_licence'] + list(extra_kinds)
    if how == 'pdf':
        return put_pdf(doc, cust, issue, True, kinds, '律师函', note, 'Microsoft® Word 2016', 'Microsoft® Word 2016', RN.choice(['律师函.pdf', f'lsh_{RN.randint(100, 999)}.pdf', '律师函件.pdf']))[0]
    return add_img(doc, H(no), how, cust, issue, True, kinds, '律师函', note)

X1 = COMPANY_USCC['xincheng']
lw_forged('zhongcheng', 3, D(2026, 9, 10), '（2026）中诚律函字第1107号', '王振华', X1, 'pdf', f'执业证号 {X1} is the 18-char USCC of 深圳市鑫诚企业管理咨询有限公司 (a debt-relief consultancy), not a 17-digit licence')
lw_forged('hengzheng', 10, D(2026, 9, 22), '（2026）恒正律函字第0563号', '李明轩', FIRM['hengzheng'][0], 'pdf', '执业证号 equals the law firm\'s own USCC (also printed in footer)')
U3 = make_uscc('91', '440300', 'MA5H2R6X')
lw_forged('zhongcheng', 23, D(2026, 9, 19), '（2026）中诚律函字第1152号', '王振华', U3, 'phone', f'photo; 执业证号 {U3} is a company USCC (91 prefix)')
lw_forged('hengzheng', 24, D(2026, 8, 29), '（2026）恒正律函字第0498号', '张家豪', X1, 'wechat', 'WeChat-forwarded photo; USCC of the consultancy as 执业证号')
lw_forged('zhongcheng', 26, D(2026, 9, 26), '（2026）中诚律函字第1189号', '何俊峰', FIRM['zhongcheng'][0], 'scan', 'scan; firm\'s own USCC used as 执业证号')
bad = C(34)['id_number'][:17] + ('0' if C(34)['id_number'][17] != '0' else '1')
lw_forged('hengzheng', 34, D(2026, 10, 2), '（2026）恒正律函字第0611号', '李明轩', make_uscc('91', '440106', 'MA59QX3E'), 'pdf',
          f'USCC as 执业证号 AND borrower ID printed with wrong check digit ({bad})', extra_kinds=['invalid_id_number'], who=C(34) | {'id_number': bad})

# ---- edited images
def box_of(boxes, tag, sub=None, font_size=31):
    x0, y0, x1, y1 = boxes[tag]
    if sub is None:
        return (x0, y0, x1, y1)
    f = lib.font(font_size)
    i, j = sub
    from PIL import ImageDraw
    dd = ImageDraw.Draw(Image.new('RGB', (10, 10)))
    return (x0 + dd.textlength(tag[:i], font=f), y0, x0 + dd.textlength(tag[:j], font=f), y1)


def save_jpeg(im, q, exif=None):
    b = io.BytesIO()
    kw = dict(quality=q)
    if exif is not None:
        kw['exif'] = exif.tobytes()
    im.save(b, 'JPEG', **kw)
    return b.getvalue()

# E1 pasted text patch on a phone photo (name + ID of another person replaced), re-saved by Photoshop
o = OUTS[0]
d = D(2026, 8, 14)
doc = unemp('futian', o, d, '福街证〔2026〕第0471号', D(2026, 7, 1))
img, bx = page(doc, 301)
b0, ph = lib.phone_photo(img, 4401, exifdt(D(2026, 8, 16)))
for tag, new, fs in [(o['name'], C(13)['name'], 31), (o['id_number'], C(13)['id_number'], 31)]:
    x0, y0, x1, y1 = bx[tag]
    p0 = lib.fwd((x0, y0)); p1 = lib.fwd((x1, y1))
    sc = (p1[1] - p0[1]) / (y1 - y0)
    ph = lib.patch_text(ph, (p0[0], p0[1], p1[0], p1[1]), new, int(fs * sc * 0.98), pad=3, font_idx=1, fit=1.04 if len(new) > 5 else None)
ex = lib._exif_phone('HUAWEI', 'NOH-AN00', '2026:08:16 19:22:41', software='Adobe Photoshop 25.4 (Windows)')
ex[0x0132] = '2026:09:20 23:11:05'
fn = uid('IMG_20260816_192241.jpg')
put(fn, save_jpeg(ph, 93, ex), 13, d, True, ['edited_image'], '失业证明', 'phone_photo',
    'pasted text patch: name and ID of the real holder (陈晓东) covered by flat patches and retyped (Mono face) with borrower\'s; re-saved in Photoshop (EXIF Software, ModifyDate later than DateTimeOriginal)')

# E2 cloned glyph on a straight scan: leave year 2025 -> 2026 by cloning the '6' from the issue date; plain re-save, no metadata
d = D(2026, 1, 6)
doc = resign('ruifeng', C(14), d, '瑞丰人字〔2026〕第002号', D(2019, 9, 2), D(2025, 12, 31), '生产部', '操作工')
doc['date'] = '2026年1月6日'
img, bx = page(doc, 302)
_, sc_im = lib.scanner_jpeg(img, 4402, rot=0)
leave = cn(D(2025, 12, 31))
dst = box_of(bx, leave, (3, 4))
dx0, dy0, _, _ = bx['DATE']
src = box_of({'D': bx['DATE']}, 'D', None)
from PIL import ImageDraw as _ID
_dd = _ID.Draw(Image.new('RGB', (10, 10))); f31 = lib.font(31)
sx0 = dx0 + _dd.textlength('202', font=f31); sx1 = dx0 + _dd.textlength('2026', font=f31)
ed = lib.clone_region(sc_im, (sx0, dy0 - 2, sx1, dy0 + 40), (dst[0], dst[1] - 2))
fn = uid('scan_20260912093114.jpg')
put(fn, save_jpeg(ed, 88), 14, D(2026, 9, 12), True, ['edited_image'], '离职证明',
    'scanner_jpeg', 'cloned region: the "5" of leave year 2025 overwritten by a pixel clone of the "6" from the issue-date line (leave now reads 2026-12-31, after issue date 2026-01-06 and after the complaint); re-saved without metadata (double JPEG)')
FILES['attachments/' + fn]['kinds'].append('date_inconsistent')

# E3 changed date digits, then forwarded through WeChat (no editor metadata survives)
d = D(2025, 9, 3)
doc = diag('jiangxia', C(16), d, '门诊号 1025090317', '急性阑尾炎（术后）', '建议休息两周。', '普外科')
img, bx = page(doc, 303)
_, sc_im = lib.scanner_jpeg(img, 4403, rot=0)
ed = sc_im
for tag in ['T:就诊日期', 'DATE']:
    x0, y0, x1, y1 = bx[tag]
    s_ = _dd.textlength('202', font=f31)
    e_ = _dd.textlength('2025', font=f31)
    ed = lib.patch_text(ed, (x0 + s_, y0, x0 + e_, y1), '6', 31, pad=1, font_idx=0, dy=1)
b, _ = lib.wechat_jpeg(ed, 4403)
fn = uid('mmexport1789312847203.jpg')
put(fn, b, 16, D(2026, 9, 3), True, ['edited_image'], '诊断证明书', 'wechat_jpeg',
    'changed date digits: year 2025 -> 2026 in 就诊日期 and issue date (small patches, 1px offset), then forwarded via WeChat; 门诊号 still encodes 1025090317 (2025) and printed age 28 matches 2025 not 2026')

# E4 PNG screenshot with diagnosis text patched in a different face
d = D(2026, 9, 11)
doc = inpatient('hongshan', C(17), d, '住院号 HS2026090415', D(2026, 9, 4), D(2026, 9, 10), '急性胃肠炎')
img, bx = page(doc, 304)
b, scr = lib.screenshot_png(img, 4404, clock='21:07')
x0, y0, x1, y1 = bx['急性胃肠炎']
k = 1000 / 1240
scr = lib.patch_text(scr, (40 + x0 * k, 270 + y0 * k, 40 + x1 * k, 270 + y1 * k), '胃恶性肿瘤（晚期）', int(31 * k), pad=2, font_idx=1, bg=(250, 249, 245))
bb = io.BytesIO(); scr.save(bb, 'PNG')
fn = uid('Screenshot_2026-09-13-21-07-44.png')
put(fn, bb.getvalue(), 17, d, True, ['edited_image'], '住院证明', 'png',
    'pasted text patch on a screenshot: diagnosis 急性胃肠炎 replaced by 胃恶性肿瘤（晚期）; 6-day stay inconsistent with the diagnosis; saved as PNG, no metadata')

# E5 cloned paper region erasing income source on a grayscale scan; EXIF Software = Meitu
d = D(2026, 8, 24)
doc = poverty('huanglong', C(18), d, '黄龙村证字〔2026〕第17号', 26000, '本人在镇上经营早餐店，配偶务农')
doc['tags'] = doc['tags'] + ['本人在镇上经营早餐店，']
img, bx = page(doc, 305)
_, sg = lib.scanner_jpeg(img, 4405, rot=0, gray=True)
x0, y0, x1, y1 = bx['本人在镇上经营早餐店，']
w_, h_ = int(x1 - x0), int(y1 - y0 + 8)
ed = lib.clone_region(sg, (140, 1500, 140 + w_, 1500 + h_), (x0, y0 - 4))
x0, y0, x1, y1 = bx['26000元']
ed = lib.clone_region(ed, (140, 1440, 140 + _dd.textlength('2', font=f31) + 2, 1440 + 44), (x0 - 1, y0 - 4))
ex = Image.Exif(); ex[0x0131] = 'MTXX 9.9.2.0 (Meitu)'
fn = uid('材料2.jpg')
put(fn, save_jpeg(ed.convert('L'), 90, ex), 18, d, True, ['edited_image'], '贫困证明', 'scanner_jpeg',
    'cloned region: blank-paper patches cloned from the bottom margin erase "本人在镇上经营早餐店，" and the leading "2" of "26000元" (now reads 6000元); EXIF Software=MTXX (Meitu 美图秀秀)')

# ---- re-used across borrowers
RU = ['reused_across_borrowers']
# R1: 福田 template, identical number/date/seal impression; only name/sex/ID changed
d = D(2026, 8, 19)
for cust, how, sd in [(20, 'phone', 5101), (21, 'wechat', 5102)]:
    add_img(unemp('futian', C(cust), d, '福街证〔2026〕第0498号', D(2026, 7, 20)), 501, how, cust, d, True, RU, '失业证明',
            'group R1 (C20,C21): same 福街证〔2026〕第0498号, same dates and pixel-identical seal impression/position, only name/sex/ID differ', seed=sd)
# R2: diagnosis certificate reused for three borrowers (scan, phone photo, photocopy)
d = D(2026, 9, 1)
for cust, how, sd in [(22, 'scan', 5201), (23, 'phone', 5202), (24, 'copy', 5203)]:
    add_img(diag('hongshan', C(cust), d, '门诊号 0026090114', '焦虑抑郁状态', '建议休息治疗一个月。', '心理科'), 502, how, cust, d, True, RU, '诊断证明书',
            'group R2 (C22,C23,C24): identical 门诊号 0026090114, date, diagnosis and seal impression; name/sex/age/ID swapped', seed=sd)
# R3: poverty certificate re-scanned (two scanner passes), names changed
d = D(2026, 8, 8)
for cust, how, sd in [(25, 'scan', 5301), (26, 'scangray', 5302)]:
    add_img(poverty('huangxing', C(cust), d, '黄兴村证字〔2026〕第18号', 3100, '家中老人患病，本人失业在家'), 503, how, cust, d, True, RU, '贫困证明',
            'group R3 (C25,C26): same number/date/seal; second is a grayscale re-scan; only name/ID changed', seed=sd)
# R4: the SAME paper (naming C31) photographed twice, attached by C31 and by C32
d = D(2026, 9, 7)
doc = resign('ruifeng2', C(31), d, '瑞峰人〔2026〕052号', D(2020, 4, 7), D(2026, 9, 4), '财务部', '出纳')
img, _ = page(doc, 504)
for cust, sd, kinds, note in [(31, 5401, RU, 'group R4: same sheet photographed twice; this copy attached by the named borrower C31'),
                              (32, 5402, RU + ['name_id_mismatch'], 'group R4: same sheet (names C31 曾莉 and her ID) re-photographed and attached by C32 许晴')]:
    shot = D(2026, 9, 9) if cust == 31 else D(2026, 9, 23)
    b, ext, cap, _ = capture(img, 'phone', sd, shot)
    fn = uid(fname_for(ext, 'phone', sd, shot)); SHOTS[fn] = shot
    put(fn, b, cust, d, True, kinds, '离职证明', cap, note)
# R5: oval-seal 离职证明 template, screenshot PNG for one borrower, phone photo for another
d = D(2026, 8, 21)
for cust, how, sd in [(33, 'png', 5501), (34, 'phone', 5502)]:
    add_img(resign('yunxi', C(cust), d, '云溪人〔2026〕083号', D(2021, 7, 1), D(2026, 8, 20), '市场部', '市场专员'), 505, how, cust, d, True, RU, '离职证明',
            'group R5 (C33,C34): same number/dates/seal; only name/ID changed', seed=sd)

# ---- edited PDFs (incremental updates)
from reportlab.lib.colors import white


def overlay_pdf(draw):
    b = io.BytesIO(); c = rl_canvas.Canvas(b, pagesize=(595.2, 841.9), invariant=1)
    draw(c); c.showPage(); c.save()
    return PdfReader(io.BytesIO(b.getvalue())).pages[0]


def cover_text(bx, new, fs=31 * 0.48, bg=(250 / 255, 249 / 255, 245 / 255)):
    x0, y0, x1, y1 = bx
    def draw(c):
        c.setFillColorRGB(*bg); c.setStrokeColorRGB(*bg)
        c.rect(x0 - 1, 841.9 - y1 - 1, (x1 - x0) + 4, (y1 - y0) + 2, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0); c.setFont('wqy', fs)
        c.drawString(x0, 841.9 - (y0 + fs * 0.92 / 0.48 * 0.48), new)
    return draw

# P1: name overlaid (white box + new text) in one incremental update; ID left as the original holder's
o = OUTS[0]; d = D(2026, 8, 25)
fn, b, bx = put_pdf(unemp('huafu', o, d, '福华证〔2026〕第0351号', D(2026, 7, 10)), 19, d, True, ['edited_pdf_incremental', 'name_id_mismatch'], '失业证明',
                    'incremental update overlays a box + borrower name (周婷? see customers) over 陈晓东; ID still 陈晓东\'s; Producer changed to Acrobat', 'Microsoft: Print To PDF', 'WPS 文字', 'shiye_zm.pdf')
w = PdfWriter(io.BytesIO(b), incremental=True)
w.pages[0].merge_page(overlay_pdf(cover_text(bx[o['name']], C(19)['name'])))
w.add_metadata({'/Producer': 'Adobe Acrobat Pro (64-bit) 24.2.20759', '/ModDate': pdfdate(NOW(2026, 9, 26, 22, 41, 7))})
oo = io.BytesIO(); w.write(oo); open(os.path.join(ATT, fn), 'wb').write(oo.getvalue())
FILES['attachments/' + fn]['note'] = f'one incremental update: white box + "{C(19)["name"]}" drawn over original holder 陈晓东; ID left as 陈晓东\'s ({o["id_number"]}); Producer/ModDate changed to Acrobat'

# P2: raster patches (name and ID) added as images in an incremental update; Info dict untouched
o = OUTS[3]; d = D(2026, 9, 18)
fn, b, bx = put_pdf(inpatient('jiangxia', o, d, '住院号 JX2026090466', D(2026, 9, 4), D(2026, 9, 17), '急性心肌梗死'), 28, d, True, ['edited_pdf_incremental'], '住院证明',
                    '', 'iText 7.1.16', 'HIS 电子病历系统', 'zhuyuan_jx.pdf')
def raster_patch(c):
    for tag, new in [('T:姓    名', C(28)['name']), ('T:身份证号', C(28)['id_number'])]:
        x0, y0, x1, y1 = bx[tag]
        im = Image.new('RGB', (int((x1 - x0) / 0.48) + 60, 44), (250, 249, 245))
        from PIL import ImageDraw
        ImageDraw.Draw(im).text((0, 2), new, font=lib.font(30, 1), fill=(10, 10, 10))
        ib = io.BytesIO(); im.save(ib, 'PNG')
        c.drawImage(ImageReader(io.BytesIO(ib.getvalue())), x0 - 1, 841.9 - y1 - 2, im.width * 0.48, im.height * 0.48)
w = PdfWriter(io.BytesIO(b), incremental=True)
w.pages[0].merge_page(overlay_pdf(raster_patch))
oo = io.BytesIO(); w.write(oo); open(os.path.join(ATT, fn), 'wb').write(oo.getvalue())
FILES['attachments/' + fn]['note'] = f'incremental update adds raster image patches covering name 刘志明 and his ID with {C(28)["name"]} / borrower ID; original text still in the first revision; Info dict (Producer/ModDate) left unchanged'

# P3: two incremental updates: first the name, then the ID
o = OUTS[0] | {'name': '陈晓东'}; d = D(2026, 9, 3)
fn, b, bx = put_pdf(resign('ruifeng', o, d, '瑞丰人字〔2026〕第026号', D(2020, 8, 3), D(2026, 8, 31), '生产部', '班组长'), 29, d, True, ['edited_pdf_incremental'], '离职证明',
                    '', 'Microsoft: Print To PDF', 'WPS 文字', 'ruifeng_lizhi.pdf')
w = PdfWriter(io.BytesIO(b), incremental=True)
w.pages[0].merge_page(overlay_pdf(cover_text(bx[o['name']], C(29)['name'])))
w.add_metadata({'/Producer': 'Adobe Acrobat Pro DC 23.8', '/ModDate': pdfdate(NOW(2026, 10, 1, 9, 3, 55))})
oo = io.BytesIO(); w.write(oo)
w = PdfWriter(io.BytesIO(oo.getvalue()), incremental=True)
w.pages[0].merge_page(overlay_pdf(cover_text(bx[o['id_number']], C(29)['id_number'])))
w.add_metadata({'/ModDate': pdfdate(NOW(2026, 10, 1, 9, 6, 12))})
oo = io.BytesIO(); w.write(oo); open(os.path.join(ATT, fn), 'wb').write(oo.getvalue())
FILES['attachments/' + fn]['note'] = 'two incremental updates (name, then ID) each overlaying a box + new text over 陈晓东 and his ID; Producer changed to Acrobat'

# ---- seals copied across issuers
SC = ['seal_copied_across_issuers']
# S1: 华富 document bearing the look-alike 福田 seal (composited digitally, printed, photographed)
d = D(2026, 9, 2)
add_img(unemp('huafu', C(6), d, '福华证〔2026〕第0377号', D(2026, 8, 1)), 0, 'phone', 6, d, True, SC, '失业证明',
        'header/sign line 华富街道办事处 but seal ring text reads 深圳市福田区福田街道办事处 (look-alike design)', seal_override=impress(SEAL['futian'], 601))
# S2: 瑞峰 document with a rectangular crop of the 瑞丰 seal cut from a scan of a 瑞丰 document
d = D(2026, 8, 12)
src_img, sbx = page(resign('ruifeng', OUTS[0], d, '瑞丰人字〔2026〕第021号', D(2021, 1, 1), D(2026, 8, 1), '生产部', '操作工'), 602, seal_xy=(700, 1250))
_, src_scan = lib.scanner_jpeg(src_img, 602, rot=0)
crop = src_scan.crop(tuple(int(v) for v in sbx['SEAL']))
tdoc = resign('ruifeng2', C(9), d, '瑞峰人〔2026〕044号', D(2023, 3, 13), D(2026, 8, 10), '物流部', '仓储专员')
tgt, tbx = render_page(dict(tdoc, seal=None))
_, tbx2 = render_page(dict(tdoc, seal=SEAL['ruifeng2']))
tcx, tcy = (tbx2['SEAL'][0] + tbx2['SEAL'][2]) / 2, (tbx2['SEAL'][1] + tbx2['SEAL'][3]) / 2
_a = np.asarray(tgt).astype(np.float32); _c = np.asarray(crop).astype(np.float32) / 255  # 'multiply' layer in an editor
_x, _y = int(tcx - crop.width / 2), int(tcy - crop.height / 2)
_a[_y:_y + crop.height, _x:_x + crop.width] *= _c
tgt = Image.fromarray(np.clip(_a, 0, 255).astype(np.uint8))
b, ext, cap, _ = capture(tgt, 'scan', 6021, D(2026, 8, 20))
put(uid(fname_for(ext, 'scan', 6021, D(2026, 8, 20))), b, 9, d, True, SC, '离职证明', cap,
    'issuer 深圳市瑞峰电子科技有限公司 (letterhead + sign line) but seal is a rectangular crop of the 深圳市瑞丰电子科技有限公司 seal lifted from a scan of another document, laid on with multiply blend (slightly different paper tone in a rectangle)')
# S3: 江夏 hospital certificate with the 南京鼓楼 hospital seal (alpha-extracted)
d = D(2026, 9, 8)
add_img(diag('jiangxia', C(11), d, '门诊号 1026090822', '慢性乙型病毒性肝炎', '建议休息一个月，定期复查肝功能。', '感染科'), 0, 'wechat', 11, d, True, SC, '诊断证明书',
        'header 武汉市江夏区人民医院 but seal ring text 南京市鼓楼区中心医院 住院证明专用章', seal_override=impress(SEAL['gulou'], 603))
# S4: village committee poverty certificate carrying the 余杭民政局 seal, lifted from a PDF e-certificate
d = D(2026, 8, 17)
add_img(poverty('huanglong', C(1), d, '黄龙村证字〔2026〕第16号', 3300, '本人失业，配偶长期患病'), 0, 'scangray', 1, d, True, SC, '贫困证明',
        'village committee (黄龙村) certificate bearing the 杭州市余杭区民政局 seal (clean, no ink variation: taken from an e-certificate)', seal_override=SEAL['yuhang'])

# ---- name / ID mismatches
NM = ['name_id_mismatch']
d = D(2026, 9, 13)
add_img(diag('longhua', C(2) | {'id_number': OUTS[0]['id_number']}, d, '门诊号 LH2609130042', '子宫肌瘤（术后）', '建议休息一个月。', '妇科'), 0, 'phone', 2, d, True, NM, '诊断证明书',
        f'name 李娜 matches borrower but ID is {OUTS[0]["id_number"]} (valid, a male\'s, not hers)')
d = D(2026, 9, 15)
add_img(inpatient('gulou', C(4) | {'name': '刘阳'}, d, '住院号 ZY2026090376', D(2026, 9, 3), D(2026, 9, 14), '急性胆囊炎'), 0, 'wechat', 4, d, True, NM, '住院证明',
        'borrower is 刘洋; document says 刘阳 (homophone) with borrower\'s ID')
d = D(2026, 9, 4)
add_img(community('yulindong', C(5), d, '玉东居证〔2026〕49号', '因本人失业且患病'), 0, 'scan', 8, d, True, NM, '社区困难证明',
        'attached by C08 赵敏 but names C05 陈静 with C05\'s ID (another customer\'s document)')
wrong = make_id(C(12)['id_number'][:6], C(12)['birth'][:6] + '28', C(12)['id_number'][14:17])
d = D(2026, 8, 27)
pu = unemp('pudong', C(12) | {'id_number': wrong}, d, '浦花受〔2026〕第10398号', D(2026, 7, 28)); pu['title'] = '失业登记证明'
add_img(pu, 0, 'png', 12, d, True, NM, '失业登记证明', f'name 孙强 matches but ID {wrong} (checksum-valid) has a different birth day than borrower\'s', cmp='c12')
d = D(2026, 9, 25)
add_img(dibao('yuhang', C(25) | {'name': '王丽'}, d, '余民保〔2026〕00192006', D(2026, 9, 1)), 0, 'phone', 25, d, True, NM, '最低生活保障证明',
        'borrower is 韩鹏 (male); certificate names 王丽 with the borrower\'s ID')

# ---- date inconsistencies
DI = ['date_inconsistent']
d = D(2026, 10, 20)
add_img(diag('hongshan', C(27), d, '门诊号 0026102009', '急性腰扭伤', '建议休息两周。', '骨科'), 0, 'phone', 27, d, True, DI, '诊断证明书',
        'issue/visit date 2026-10-20 is after the complaint was received (2026-10-09)', recv='2026-10-09T14:22:10+08:00', shot=D(2026, 10, 8))
add_img(unemp('huafu', C(3), D(2026, 9, 30), '福华证〔2026〕第0402号', D(2026, 8, 20)) | {'date': '2026年9月31日'}, 0, 'wechat', 3, D(2026, 9, 30), True, DI, '失业证明',
        'impossible calendar date: issued 2026年9月31日')
d = D(2026, 8, 20)
ip = inpatient('gulou', C(10), d, '住院号 ZY2026081690', D(2026, 8, 16), D(2026, 8, 3), '腰椎间盘突出症')
ip['table'] = [(k, '13天' if k == '住院天数' else v) for k, v in ip['table']]
add_img(ip, 0, 'scan', 10, d, True, DI, '住院证明', 'discharge 2026-08-03 is before admission 2026-08-16 (stay printed as 13天)')
d = D(2026, 9, 15)
add_img(death('longhua', OUTS[3] | {'name': '孙立'}, '父子', C(12), d, '死亡证明编号 440309202601105', D(2026, 9, 21), '呼吸衰竭'), 0, 'phone', 12, d, True, DI, '居民死亡医学证明',
        'death date 2026-09-21 is after the certificate issue date 2026-09-15', shot=D(2026, 9, 25))

# ---- invalid ID numbers
IV = ['invalid_id_number']
idn = C(15)['id_number']; bad = idn[:17] + ('X' if idn[17] != 'X' else '0')
d = D(2026, 9, 9)
add_img(income('chuangxin', C(15) | {'id_number': bad}, d, '创新达人〔2026〕35号', 1500), 0, 'scan', 15, d, True, IV, '收入证明', f'ID {bad}: check digit wrong (correct {idn[17]})')
idn = C(20)['id_number']; s17 = idn[:10] + '0230' + idn[14:17]; bad2 = s17 + lib.id_check(s17)
d = D(2026, 9, 17)
add_img(unemp('huafu', C(20) | {'id_number': bad2}, d, '福华证〔2026〕第0391号', D(2026, 8, 31)), 0, 'wechat_scan', 20, d, True, IV, '失业证明', f'ID {bad2}: birth date Feb 30 impossible (check digit computed, so only the date part fails)')
idn = C(22)['id_number']; bad3 = idn[:9] + idn[10:]
d = D(2026, 9, 23)
add_img(diag('gulou', C(22) | {'id_number': bad3}, d, '门诊号 MZ26092311', '右侧桡骨远端骨折', '建议石膏固定，休息六周。', '骨科'), 0, 'phone', 22, d, True, IV, '诊断证明书', f'ID {bad3}: 17 characters (one digit dropped)')

# ================================================================== complaints / customers / truth
TXT = {
    '失业证明': ['本人已失业，没有收入来源，实在无力按期还款，附件是街道开具的失业证明，请求停息挂账。', '我目前失业在家，附上失业证明，希望贵司减免罚息并给予分期。'],
    '失业登记证明': ['本人已办理失业登记，附失业登记证明，申请延期还款。'],
    '社区困难证明': ['家里遇到困难，社区出具了证明（见附件），请贵司停止催收，协商还款。', '附件为社区困难证明，请求个性化分期。'],
    '诊断证明书': ['本人生病无法工作，附医院诊断证明，申请延期还款并减免利息。', '我身体出了问题正在治疗，诊断证明已上传，请暂停催收。'],
    '住院证明': ['本人刚出院，附住院证明，目前无力还款，请求停催并协商。', '家里有人住院花光了积蓄，附住院证明，申请停息挂账。'],
    '离职证明': ['公司裁员我已经离职，附离职证明，收入中断，请求延期。', '附件是原单位的离职证明，我现在没有工作，希望能减免部分费用。'],
    '收入证明': ['单位待岗只发基本生活费，附收入证明，实在还不上，请求分期。'],
    '贫困证明': ['我家是困难户，村委会开了贫困证明（见附件），请求减免。', '附件为村里出具的家庭困难证明，申请停息分期还款。'],
    '居民死亡医学证明': ['家中至亲刚刚去世，附死亡证明，现在处理后事无力还款，请求延期。'],
    '最低生活保障证明': ['我家已纳入低保，附低保证明，请求减免利息和罚息。'],
    '律师函': ['我已委托律师处理，附律师函，请贵司停止一切催收行为，与律师协商。', '附件为律师函，请贵司按函件要求处理，不要再联系我和家人。'],
}
CH = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
groups = {}
for fn, cust, issue, cmp_, recv in ATTACH:
    key = cmp_ or fn
    groups.setdefault(key, []).append((fn, cust, issue, recv))
comps = []
for key, items in groups.items():
    cust = items[0][1]
    assert all(i[1] == cust for i in items)
    recv = next((i[3] for i in items if i[3]), None)
    if not recv:
        base = max(max(i[2] for i in items), max(SHOTS.get(i[0], i[2]) for i in items))
        rd = max(base + datetime.timedelta(days=R.randint(3, 24)), D(2026, 9, 1) + datetime.timedelta(days=R.randint(0, 40)))
        rd = min(rd, D(2026, 10, 30))
        assert rd >= base or FILES['attachments/' + items[0][0]]['forged'], (key, rd, base)
        recv = f'{rd.isoformat()}T{R.randint(8, 22):02d}:{R.randint(0, 59):02d}:{R.randint(0, 59):02d}+08:00'
    comps.append(dict(recv=recv, cust=cust, files=[i[0] for i in items]))
comps.sort(key=lambda c: (c['recv'], c['files'][0]))
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as fh:
    for i, c in enumerate(comps):
        cu = C(c['cust'])
        dts = [FILES['attachments/' + f]['doc_type'] for f in c['files']]
        t = R.choice(TXT[dts[0]])
        if len(dts) > 1:
            t += f'另附{"、".join(dts[1:])}。'
        fh.write(json.dumps(dict(complaint_id=f'D10-{i + 1:04d}', received_at=c['recv'], channel=R.choice(CH), customer_id=cu['customer_id'],
                                 phone=cu['phone'], text=t, attachments=['attachments/' + f for f in c['files']]), ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'customers.csv'), 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for cu in customers:
        w.writerow([cu['customer_id'], cu['name'], cu['phone'], cu['principal'], cu['next_due_date'], cu['overdue_days'], cu['id_number']])
for fn, cust, *_ in ATTACH:
    FILES['attachments/' + fn]['borrower'] = C(cust)['customer_id']
with open(os.path.join(OUT, 'materials_truth.json'), 'w', encoding='utf-8') as fh:
    json.dump({'files': FILES}, fh, ensure_ascii=False, indent=1)
print(len(FILES), 'files', len(comps), 'complaints', sum(v['forged'] for v in FILES.values()), 'forged')
