# -*- coding: utf-8 -*-
"""Build the b8_docs evaluation set (seeded; rerunnable).  Usage: python build.py OUTDIR"""
import sys, os, io, json, csv, random, datetime as dt
import numpy as np
from PIL import Image, ImageDraw
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *
from common import _rl_init
import pypdf
from pypdf.generic import NameObject

OUT = sys.argv[1]
ATT = os.path.join(OUT, 'attachments'); os.makedirs(ATT, exist_ok=True)
R = random.Random(20261130)
LENDER = '融安消费金融有限公司'
TZ = dt.timezone(dt.timedelta(hours=8))

# ------------------------------------------------------------------ people
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃武戴莫孔汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉宇浩凯晨欣怡婷雪琳博文斌海波峰建国志红梅燕丹颖慧佳俊亮鑫飞龙彬瑶倩雯蕾璐晗')
AREAS = [('330106', '浙江省杭州市西湖区'), ('330102', '浙江省杭州市上城区'), ('320102', '江苏省南京市玄武区'),
         ('440305', '广东省深圳市南山区'), ('440106', '广东省广州市天河区'), ('510107', '四川省成都市武侯区'),
         ('420111', '湖北省武汉市洪山区'), ('370102', '山东省济南市历下区'), ('410105', '河南省郑州市金水区'),
         ('430104', '湖南省长沙市岳麓区'), ('350203', '福建省厦门市思明区'), ('610113', '陕西省西安市雁塔区'),
         ('341122', '安徽省滁州市来安县'), ('412726', '河南省周口市郸城县'), ('522425', '贵州省毕节市织金县'),
         ('431226', '湖南省怀化市麻阳苗族自治县')]
# district codes created after many holders' birth years (re-issued IDs carry them legitimately)
NEW_AREAS = [('110119', '北京市延庆区'), ('320117', '江苏省南京市溧水区'), ('330112', '浙江省杭州市临安区'),
             ('440118', '广东省广州市增城区'), ('510116', '四川省成都市双流区')]
used_names = set()
def new_name(r=R):
    while True:
        n = r.choice(SUR) + ''.join(r.choice(GIV) for _ in range(r.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n
def new_person(r=R, area=None, byear=None, gender=None, name=None):
    area = area or r.choice(AREAS)
    by = byear or r.randint(1972, 2001)
    b = dt.date(by, r.randint(1, 12), r.randint(1, 28))
    g = gender if gender is not None else r.randint(0, 1)       # 1 male
    seq = r.randint(0, 99) * 10 + r.choice([1, 3, 5, 7, 9] if g else [0, 2, 4, 6, 8])
    return dict(name=name or new_name(r), id=make_id(area[0], b, seq), gender='男' if g else '女',
                birth=b, addr=area[1], area=area[0])
def age_at(p, d):
    b = p['birth']; return d.year - b.year - ((d.month, d.day) < (b.month, b.day))

customers = []   # rows
def new_customer(person=None, **kw):
    p = person or new_person(**kw)
    while True:
        cid = 'C8%06d' % R.randint(100000, 999999)
        if cid not in {x['customer_id'] for x in customers}: break
    phone = R.choice(['138', '139', '150', '152', '158', '177', '186', '188', '135', '199']) + '%08d' % R.randint(0, 99999999)
    c = dict(customer_id=cid, name=p['name'], phone=phone, principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000]) + R.randint(0, 99) * 10,
             next_due_date='', overdue_days=R.choice([0, 0, 3, 12, 35, 67, 95, 140, 210]), id_number=p['id'], person=p)
    customers.append(c); return c

# ------------------------------------------------------------------ issuers & seals
ST_HOSP = dict(ring_w=13, text_px=56, span=220, star_r=64, centre_px=36, radius_text=228)
ST_HOSP2 = dict(ring_w=11, text_px=60, span=210, star_r=72, centre_px=40, radius_text=224)
ST_COMP = dict(ring_w=15, text_px=54, span=235, star_r=70, centre_px=38, radius_text=226)
ST_COMP2 = dict(ring_w=12, text_px=58, span=225, star_r=66, centre_px=36, radius_text=226)
ST_VILL = dict(ring_w=12, text_px=52, span=240, star_r=74, centre_px=34, radius_text=230)
ST_STREET = dict(ring_w=14, text_px=54, span=235, star_r=76, centre_px=34, radius_text=228)
ST_LAW = dict(ring_w=12, text_px=62, span=200, star_r=70, centre_px=36, radius_text=222)
ST_HRSS = dict(ring_w=13, text_px=50, span=250, star_r=72, centre_px=34, radius_text=230)
ISS = {
  # pairs with identical seal style that differ only in ring text
  'H1': dict(name='杭州市西湖区人民医院', centre='诊断证明专用章', style=ST_HOSP, kind='hosp'),
  'H2': dict(name='杭州市上城区人民医院', centre='诊断证明专用章', style=ST_HOSP, kind='hosp'),
  'H3': dict(name='南京市玄武区中医院', centre='医务处', style=ST_HOSP2, kind='hosp'),
  'H4': dict(name='南京市秦淮区中医院', centre='医务处', style=ST_HOSP2, kind='hosp'),
  'C1': dict(name='深圳市恒远电子科技有限公司', centre='人事专用章', style=ST_COMP, kind='comp'),
  'C2': dict(name='深圳市恒达电子科技有限公司', centre='人事专用章', style=ST_COMP, kind='comp'),
  'C3': dict(name='广州锦程物流有限公司', centre='', style=ST_COMP2, kind='comp'),
  'C4': dict(name='广州顺景物流有限公司', centre='', style=ST_COMP2, kind='comp'),
  'V1': dict(name='来安县张山乡东王村民委员会', centre='', style=ST_VILL, kind='vill'),
  'V2': dict(name='来安县张山乡西王村民委员会', centre='', style=ST_VILL, kind='vill'),
  'S1': dict(name='武汉市洪山区狮子山街道办事处', centre='', style=ST_STREET, kind='street'),
  'S2': dict(name='武汉市洪山区珞南街道办事处', centre='', style=ST_STREET, kind='street'),
  'L1': dict(name='浙江明理律师事务所', centre='', style=ST_LAW, kind='law'),
  'L2': dict(name='浙江明德律师事务所', centre='', style=ST_LAW, kind='law'),
  'J1': dict(name='南京市玄武区人力资源和社会保障局', centre='业务专用章', style=ST_HRSS, kind='hrss'),
  'J2': dict(name='南京市秦淮区人力资源和社会保障局', centre='业务专用章', style=ST_HRSS, kind='hrss'),
  # singles
  'H5': dict(name='成都市武侯区人民医院', centre='诊断证明专用章', style=ST_HOSP2, kind='hosp'),
  'FL': dict(name='广东正和律师事务所', centre='', style=ST_LAW, kind='law'),
  'FL2': dict(name='北京德信恒律师事务所', centre='', style=ST_LAW, kind='law'),
}
SEAL_PAIRS = [('H1', 'H2'), ('H3', 'H4'), ('C1', 'C2'), ('C3', 'C4'), ('V1', 'V2'), ('S1', 'S2'), ('L1', 'L2'), ('J1', 'J2')]
ISS['L1']['uscc'] = uscc_make('31', '330000', R); ISS['L2']['uscc'] = uscc_make('31', '330000', R)
ISS['FL']['uscc'] = uscc_make('31', '440000', R); ISS['FL2']['uscc'] = uscc_make('31', '110000', R)
for k in ISS:
    if ISS[k]['kind'] == 'comp': ISS[k]['uscc'] = uscc_make('91', '440300' if k in ('C1', 'C2') else '440101', R)
_seal_seed = [1000]
def seal(k):
    """A fresh impression (new ink texture / angle) of issuer k's seal."""
    _seal_seed[0] += 1
    i = ISS[k]
    return make_seal(i['name'], i['centre'], i['style'], _seal_seed[0])

# ------------------------------------------------------------------ document templates
DIAG = [('腰椎间盘突出症（L4/5）', '建议卧床休息四周，避免久坐及负重。'), ('重度抑郁发作', '建议门诊规律服药治疗，全休三个月，定期复诊。'),
        ('2型糖尿病伴周围神经病变', '建议长期规律用药，低糖饮食，休息两周。'), ('右侧胫骨平台骨折（术后）', '建议休息三个月，避免负重，定期复查。'),
        ('乳腺恶性肿瘤（术后化疗中）', '建议继续按疗程化疗，全休六个月。'), ('慢性肾功能不全（CKD 4期）', '建议规律透析前评估，注意休息，全休三个月。'),
        ('急性心肌梗死（PCI术后）', '建议全休三个月，规律服用抗血小板药物。'), ('肺结核（初治涂阳）', '建议居家隔离治疗，全休六个月。')]
DEPT = {'腰椎': '骨科', '抑郁': '精神心理科', '糖尿': '内分泌科', '骨折': '骨科', '乳腺': '肿瘤科', '肾': '肾内科', '心肌': '心内科', '肺结核': '感染科'}
def dept_of(diag):
    for k, v in DEPT.items():
        if k in diag: return v
    return '内科'
DOCS = ['陈建华', '王丽萍', '刘振宇', '周文斌', '孙晓燕', '赵立新', '黄志强', '吴敏']

def id_disp(p, masked=False, override=None):
    s = override or p['id']
    return s[:6] + '*' * 8 + s[14:] if masked else s

def t_diag(ik, no, p, d, diag, advice, doctor, seal_img, masked=False, idov=None, nameov=None, ageov=None, visit=None):
    i = ISS[ik]
    f = [('姓名', nameov or p['name'], 'name'), ('性别', p['gender'], 'gender'), ('年龄', '%d岁' % (ageov or age_at(p, d)), 'age'),
         ('身份证号', id_disp(p, masked, idov), 'id'), ('科室', dept_of(diag), 'dept'), ('就诊日期', cn_date(visit or d), 'visit')]
    paras = [('诊断：' + diag, 'diag'), ('医嘱：' + advice, 'advice'), '本证明仅供患者休假及相关事务证明使用，涂改无效。']
    return std_doc(i['name'], '诊断证明书', '门诊号：' + no, f, paras, i['name'], cn_date(d), seal_img,
                   sign_lines=[('医师：' + doctor, 'doctor')])

def t_inpatient(ik, no, p, admit, disch, d, diag, doctor, seal_img, idov=None, nameov=None, days_ov=None, family=None, masked=False):
    i = ISS[ik]
    days = days_ov if days_ov is not None else (disch - admit).days
    f = [('姓名', nameov or p['name'], 'name'), ('性别', p['gender'], 'gender'), ('年龄', '%d岁' % age_at(p, d), 'age'),
         ('身份证号', id_disp(p, masked, idov), 'id'), ('住院号', no, 'inno'), ('入院日期', cn_date(admit), 'admit'),
         ('出院日期', cn_date(disch), 'disch'), ('住院天数', '%d天' % days, 'days')]
    if family:
        f.append(('陪护家属', '%s（%s，身份证号：%s）' % (family[0]['name'], family[1], family[0]['id']), 'family'))
    paras = [('出院诊断：' + diag, 'diag'), '患者住院期间经积极治疗，病情好转出院，出院后需继续门诊随访治疗，注意休息。', '特此证明。']
    return std_doc(i['name'], '住院证明', None, f, paras, i['name'], cn_date(d), seal_img, sign_lines=[('经治医师：' + doctor, 'doctor')])

def t_death(ik, no, dec, death_d, cause, decl, rel, d, seal_img, dec_id_ov=None):
    i = ISS[ik]
    f = [('死者姓名', dec['name'], 'dname'), ('性别', dec['gender'], 'dgender'), ('出生日期', cn_date(dec['birth']), 'dbirth'),
         ('身份证号', dec_id_ov or dec['id'], 'did'), ('死亡日期', cn_date(death_d), 'death'), ('死亡地点', '医院病房', 'dplace'),
         ('直接死亡原因', cause, 'cause'), ('申报人', decl['name'], 'name'), ('申报人身份证号', decl['id'], 'id'), ('与死者关系', rel, 'rel')]
    paras = ['以上情况经本院核实无误。本证明书为死者户籍注销、殡葬等事宜之凭证，涂改无效。']
    return std_doc(i['name'], '居民死亡医学证明书', '编号：' + no, f, paras, i['name'], '填报日期：' + cn_date(d), seal_img, pt=12)

def t_resign(ik, no, p, start, leave, dept, pos, reason, d, seal_img, idov=None, nameov=None):
    i = ISS[ik]
    f = [('姓名', nameov or p['name'], 'name'), ('身份证号', idov or p['id'], 'id'), ('入职日期', cn_date(start), 'start'),
         ('离职日期', cn_date(leave), 'leave'), ('所在部门', dept, 'dept'), ('岗位', pos, 'pos')]
    paras = ['兹证明上述员工在我公司工作期间表现良好，因%s，经双方协商一致，已于离职日期解除劳动合同，工资已结清，社会保险关系已停缴，离职手续已全部办理完毕。' % reason,
             '特此证明。']
    return std_doc(i['name'], '离职证明', '编号：' + no, f, paras, i['name'], cn_date(d), seal_img,
                   extra_top=['统一社会信用代码：' + i['uscc']])

def t_unemp(ik, no, p, reg_d, d, seal_img, idov=None, nameov=None, title='失业证明'):
    i = ISS[ik]
    f = [('姓名', nameov or p['name'], 'name'), ('性别', p['gender'], 'gender'), ('身份证号', idov or p['id'], 'id'),
         ('户籍地址', p['addr'], 'addr'), ('失业登记日期', cn_date(reg_d), 'reg'), ('登记证号', no, 'regno')]
    paras = ['兹证明上述人员已在本辖区办理失业登记，目前处于失业状态，未在任何单位就业，无固定收入来源。',
             '本证明有效期为三个月。', '特此证明。']
    return std_doc(i['name'], title, None, f, paras, i['name'], cn_date(d), seal_img)

def t_poverty(ik, no, p, members, income, reason, d, seal_img, idov=None, nameov=None, member_rows=None):
    i = ISS[ik]
    f = [('姓名', nameov or p['name'], 'name'), ('身份证号', idov or p['id'], 'id'), ('家庭人口', '%d人' % members, 'members'),
         ('家庭年人均收入', '%d元' % income, 'income')]
    paras = ['兹有我村村民%s，%s，家庭经济十分困难，无力偿还相关债务。以上情况经村委会调查核实，情况属实。' % (nameov or p['name'], reason), '特此证明。']
    if member_rows:
        paras = [('家庭成员：%s' % r, 'member%d' % k) for k, r in enumerate(member_rows)] + paras
    return std_doc(None, '家庭经济困难证明', '编号：' + no, f, paras, i['name'], cn_date(d), seal_img)

def t_lawyer(ik, no, p, lawyer, lic, reason, d, seal_img, aggressive=False, show_uscc=True, idov=None):
    i = ISS[ik]
    extra = ['统一社会信用代码：%s' % i['uscc']] if show_uscc else []
    hs = sum(map(ord, i['name']))
    extra.append('地址：%s  电话：%s' % (('杭州市西湖区文三路%d号' if ik in ('L1', 'L2') else '广州市天河区体育西路%d号') % (hs % 390 + 10),
                                      ('0571-8%07d' if ik in ('L1', 'L2') else '020-3%07d') % (hs * 7919 % 9999999)))
    body = ['致：' + LENDER,
            '%s接受%s（身份证号：%s）的委托，指派本所%s律师就委托人与贵司之间的借款合同事宜，郑重致函如下：' % (i['name'], p['name'], idov or p['id'], lawyer),
            '一、委托人因%s，目前确无能力按原合同约定按期足额还款，并非恶意逃避债务。' % reason]
    if aggressive:
        body += ['二、贵司在催收过程中存在频繁致电、骚扰委托人亲友等违规行为，请贵司自收到本函之日起立即停止一切催收活动，否则本所将向监管部门投诉并依法追究贵司责任。',
                 '三、请贵司在三日内全额减免委托人的罚息、违约金及服务费，仅就剩余本金与委托人协商分期，逾期未回复视为同意。']
    else:
        body += ['二、委托人愿意积极履行还款义务，恳请贵司根据其实际情况，在收到本函之日起十五日内与委托人协商个性化分期还款方案。',
                 '三、如有任何疑问，请与本所承办律师联系。']
    return std_doc(i['name'], '律师函', '（2026）%s函字第%03d号' % (i['name'][2:4], no), [], body, i['name'], cn_date(d), seal_img,
                   extra_top=extra, sign_lines=[('承办律师：' + lawyer, 'lawyer'), ('执业证号：' + lic, 'lic')], pt=12)

# ------------------------------------------------------------------ capture / write
PHONES = [('HUAWEI', 'ALN-AL00'), ('Xiaomi', '23127PN0CC'), ('Apple', 'iPhone 14'), ('OPPO', 'PHB110'), ('vivo', 'V2309A'), ('HONOR', 'PGT-AN10')]
files = {}   # relpath -> truth
seq = [0]
def fname(stem, ext):
    seq[0] += 1
    return 'attachments/%s_%02d.%s' % (stem, seq[0], ext)

def shot_time(d, r=R):
    return dt.datetime(d.year, d.month, d.day, r.randint(9, 21), r.randint(0, 59), r.randint(0, 59))

def write_capture(page, cap, stem, d_taken, seed, edit=None, pdf_meta=None, app_title='电子证明'):
    """Render and capture; edit(img, mapper, boxes, chars) may modify the captured image
    and return (img, save_overrides)."""
    if cap == 'pdf':
        path = fname(stem, 'pdf')
        data = render_pdf(page, pdf_meta or {'date': pdf_date(d_taken)})
        open(os.path.join(OUT, path), 'wb').write(data)
        return path
    img, boxes, chars = render(page)
    ov = {}
    if cap == 'phone_photo':
        out, mp = phone_photo(img, seed)
        qt = phone_qtables(seed)
        out = jpeg_roundtrip_q(out, qt)      # the camera's own JPEG
        if edit: out, ov = edit(out, mp, boxes, chars)
        path = fname(stem, 'jpg')
        mk, md = PHONES[seed % len(PHONES)]
        ex = ov.get('exif', exif_phone(mk, md, shot_time(d_taken)))
        if ov.get('quality'):
            save_jpeg(out, os.path.join(OUT, path), quality=ov['quality'], exif=ex)
        else:
            save_jpeg(out, os.path.join(OUT, path), qtables=qt, exif=ex)
    elif cap == 'scanner_jpeg':
        out, mp = scanner(img, seed, grey=(seed % 4 == 0))
        if edit:
            out = jpeg_roundtrip(out, 85)
            out, ov = edit(out, mp, boxes, chars)
        path = fname(stem, 'jpg')
        save_jpeg(out, os.path.join(OUT, path), quality=ov.get('quality', 85), dpi=(150, 150), exif=ov.get('exif'))
    elif cap == 'wechat_jpeg':
        src = seed % 3
        if src == 0:
            out, mp0 = scanner(img, seed)
        else:
            out, mp0 = phone_photo(img, seed)
        W = out.size[0]
        out = wechat(out)
        s = out.size[0] / W
        mp = lambda x, y: tuple(v * s for v in mp0(x, y))
        if edit:
            out = jpeg_roundtrip(out, 80)
            out, ov = edit(out, mp, boxes, chars)
        path = fname(stem, 'jpg')
        save_jpeg(out, os.path.join(OUT, path), quality=ov.get('quality', 80))
    elif cap == 'png':
        out, mp = screenshot(img, seed, app_title, shot_time(d_taken))
        if edit: out, ov = edit(out, mp, boxes, chars)
        path = fname(stem, 'png')
        out.save(os.path.join(OUT, path), 'PNG', optimize=True)
    return path

def jpeg_roundtrip_q(img, qt):
    b = io.BytesIO(); img.save(b, 'JPEG', qtables=qt); b.seek(0); return Image.open(b).convert('RGB')

def mapped_rect(mp, box, pad=3):
    x0, y0, x1, y1 = box
    pts = [mp(x0, y0), mp(x1, y0), mp(x1, y1), mp(x0, y1)]
    xs = [p[0] for p in pts]; ys = [p[1] for p in pts]
    return (int(min(xs)) - pad, int(min(ys)) - pad, int(max(xs)) + pad, int(max(ys)) + pad)

def patch_text(img, rect, text, colour=(30, 30, 30), fidx=0, scale=1.0, noise=0.0, seed=0):
    """Flat-fill a rectangle with the local background median and write new text."""
    a = np.asarray(img).astype(np.float32)
    x0, y0, x1, y1 = rect
    ring = np.concatenate([a[y0 - 6:y0, x0:x1].reshape(-1, 3), a[y1:y1 + 6, x0:x1].reshape(-1, 3)])
    bgc = np.median(ring, axis=0)
    newx1 = max(x1, x0 + int((y1 - y0) * 0.9 * len(text) * scale * 0.62) + 6)
    a[y0:y1, x0:newx1] = bgc
    if noise:
        a[y0:y1, x0:newx1] += np.random.RandomState(seed).normal(0, noise, a[y0:y1, x0:newx1].shape)
    im = Image.fromarray(a.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    h = (y1 - y0) * 0.78 * scale
    d.text((x0 + 3, (y0 + y1) / 2), text, font=font(h, fidx), fill=colour, anchor='lm')
    return im

# ------------------------------------------------------------------ complaint bookkeeping
complaints = []
def new_received(r=R):
    d0 = dt.datetime(2026, 8, 1, tzinfo=TZ) + dt.timedelta(days=r.randint(0, 60), hours=r.randint(8, 22), minutes=r.randint(0, 59), seconds=r.randint(0, 59))
    return d0
TEXTS = {
  'diag': ['本人身患%s，目前无法正常工作，收入中断，附诊断证明，申请停息挂账、延期还款。', '我得了%s，医院开了诊断证明（见附件），请求暂停催收，给予分期。',
           '因病（%s）无力还款，上传医院诊断证明，希望协商还款方案。'],
  'inpat': ['本人近期住院治疗（%s），附住院证明，请求延期还款并减免罚息。', '刚出院，病情是%s，附件是住院证明，现在没有收入，请协商。'],
  'death': ['家中%s去世，家庭变故无力按期还款，附死亡证明，请求减免利息。', '我%s因病去世，附居民死亡医学证明书，申请延期还款。'],
  'resign': ['本人已被公司辞退，目前失业无收入，附离职证明，申请停息挂账。', '公司裁员我已离职（附离职证明），现在没有能力还款，请求协商分期。'],
  'unemp': ['本人目前处于失业状态，附街道开具的失业证明，请求延期还款。', '失业在家没有收入，附失业证明，希望减免罚息后分期。'],
  'pov': ['家庭经济困难，附村委会开具的困难证明，请求减免利息、只还本金。', '家里困难（附贫困证明），实在还不上，请给个分期方案。'],
  'law': ['本人已委托律师处理，附律师函，请贵司与律师联系协商。', '附律师函，请贵司停止催收并在期限内回复。', '我的代理律师已发函（见附件），请按函中要求处理。'],
}
CHANNELS = ['app', 'app', 'app', 'hotline', 'email', 'regulator', 'social', 'other']
def add_complaint(cust, recv, text, paths):
    complaints.append(dict(cust=cust, recv=recv, text=text, paths=paths))

def truth(path, forged, kinds, doc_type, cap, note):
    files[path] = dict(forged=forged, kinds=kinds, doc_type=doc_type, capture=cap, note=note)

def before(recv, lo, hi, r=R):
    return recv.date() - dt.timedelta(days=r.randint(lo, hi))

def ctext(key, arg=None):
    t = R.choice(TEXTS[key]); return t % arg if '%s' in t else t

CAPS = ['phone_photo', 'scanner_jpeg', 'wechat_jpeg', 'png', 'pdf']
sd = [100]
def nseed():
    sd[0] += 7; return sd[0]

# ================================================================== GENUINE
G = {}   # handles for later reference (seal impressions etc.)
def genuine_diag(ik, cap, cust=None, masked=False, note='', recv=None, diag=None, keep=None, meta_upd=False):
    cust = cust or new_customer()
    p = cust['person']; recv = recv or new_received()
    d = before(recv, 2, 30); dg, adv = diag or R.choice(DIAG)
    s = seal(ik)
    no = '%s%05d' % (d.strftime('%Y%m%d'), R.randint(0, 99999))
    page = t_diag(ik, no, p, d, dg, adv, R.choice(DOCS), s, masked=masked, visit=d - dt.timedelta(days=R.randint(0, 3)))
    path = write_capture(page, cap, 'zhenduan', d + dt.timedelta(days=R.randint(0, 2)), nseed(), app_title='电子诊断证明',
                         pdf_meta={'date': pdf_date(d, 11, 20), 'creator': '%s 电子病历系统' % ISS[ik]['name'], 'producer': 'iText 5.5.13'})
    if keep is not None: keep.update(seal=s, page=page, path=path, d=d, no=no)
    truth(path, False, [], '诊断证明书', cap, (note + ' ' if note else '') + 'genuine %s diagnosis certificate for %s' % (ISS[ik]['name'], p['name']))
    return cust, recv, path, dg

def genuine(kind, ik, cap, cust=None, note='', recv=None, keep=None, **kw):
    masked = kw.pop('masked', False)
    cust = cust or new_customer(**kw)
    p = cust['person']; recv = recv or new_received()
    d = before(recv, 2, 35)
    s = seal(ik)
    if kind == 'inpat':
        dg = R.choice(DIAG)[0]
        disch = d - dt.timedelta(days=R.randint(0, 3)); admit = disch - dt.timedelta(days=R.randint(5, 25))
        page = t_inpatient(ik, 'ZY%07d' % R.randint(0, 9999999), p, admit, disch, d, dg, R.choice(DOCS), s, masked=masked)
        dt_, stem, key, arg = '住院证明', 'zhuyuan', 'inpat', dg
    elif kind == 'death':
        dec = new_person(byear=R.randint(1940, 1960), area=(p['area'], p['addr']))
        rel = R.choice(['父子', '母子', '父女', '母女']) if True else ''
        rel = ('父' if dec['gender'] == '男' else '母') + ('子' if p['gender'] == '男' else '女')
        death_d = d - dt.timedelta(days=R.randint(0, 2))
        page = t_death(ik, '%s%06d' % (d.strftime('%y'), R.randint(0, 999999)), dec, death_d, R.choice(['急性心肌梗死', '肺部感染', '脑出血', '多器官功能衰竭']), p, rel, d, s)
        dt_, stem, key, arg = '居民死亡医学证明书', 'siwang', 'death', '父亲' if dec['gender'] == '男' else '母亲'
    elif kind == 'resign':
        leave = d - dt.timedelta(days=R.randint(0, 10)); start = leave - dt.timedelta(days=R.randint(300, 2500))
        page = t_resign(ik, 'LZ%s%03d' % (d.strftime('%Y%m'), R.randint(1, 300)), p, start, leave, R.choice(['生产部', '物流部', '行政部', '研发部', '销售部']),
                        R.choice(['操作员', '仓管员', '行政专员', '测试工程师', '销售代表']), R.choice(['公司经营调整裁减人员', '个人原因', '劳动合同期满不再续签']), d, s)
        dt_, stem, key, arg = '离职证明', 'lizhi', 'resign', None
    elif kind == 'unemp':
        reg = d - dt.timedelta(days=R.randint(10, 60))
        title = '就业失业登记证明' if ik.startswith('J') else '失业证明'
        page = t_unemp(ik, '%s%08d' % (ISS[ik]['name'][:2] == '南京' and '3201' or '4201', R.randint(0, 99999999)), p, reg, d, s, title=title)
        dt_, stem, key, arg = title, 'shiye', 'unemp', None
    elif kind == 'pov':
        page = t_poverty(ik, '%s-%03d' % (d.year, R.randint(1, 150)), p, R.randint(2, 6), R.randint(2600, 5800),
                         R.choice(['其配偶常年患病需长期服药', '家中主要劳动力因伤致残', '家中有两名子女在校就读且本人务工收入中断']), d, s)
        dt_, stem, key, arg = '家庭经济困难证明', 'pinkun', 'pov', None
    elif kind == 'law':
        lawyer = new_name(); g = R.randint(0, 1)
        lic = lawyer_licence('3301', R.randint(2008, 2021), g, R)
        page = t_lawyer(ik, R.randint(10, 300), p, lawyer, lic, R.choice(['失业导致收入中断', '身患重病长期治疗', '经营失败负债较重']), d, s)
        dt_, stem, key, arg = '律师函', 'lvshihan', 'law', None
    path = write_capture(page, cap, stem, d + dt.timedelta(days=R.randint(0, 2)), nseed(), app_title=dt_,
                         pdf_meta={'date': pdf_date(d, 15, 2), 'creator': 'Microsoft® Word 2019', 'producer': 'Microsoft® Word 2019'})
    if keep is not None: keep.update(seal=s, page=page, path=path, d=d)
    truth(path, False, [], dt_, cap, (note + ' ' if note else '') + 'genuine %s from %s for %s' % (dt_, ISS[ik]['name'], p['name']))
    add_complaint(cust, recv, ctext(key, arg), [path])
    return cust, recv, path

def gd(ik, cap, **kw):
    c, r, p, dg = genuine_diag(ik, cap, **kw)
    add_complaint(c, r, ctext('diag', dg), [p]); return c, r, p

# same issuer & template, different borrowers (H1 x3, C1 x3, V1 x2, S1 x2)
gd('H1', 'phone_photo', note='H1 template 1/4;')
G['H1_scan'] = {}; gd('H1', 'scanner_jpeg', note='H1 template 2/4;', keep=G['H1_scan'])
gd('H1', 'wechat_jpeg', note='H1 template 3/4;')
gd('H1', 'png', note='H1 template 4/4; hospital app screenshot with masked ID (first 6 / last 4 match borrower);', masked=True)
gd('H2', 'phone_photo')
genuine('inpat', 'H2', 'pdf')
genuine('inpat', 'H1', 'png', masked=True, note='hospital app screenshot with masked ID;')
genuine('inpat', 'H3', 'scanner_jpeg')
gd('H4', 'wechat_jpeg')
genuine('death', 'H3', 'phone_photo', note='deceased is the borrower\'s parent; borrower is the declarant (申报人);')
genuine('death', 'H4', 'pdf', note='deceased is the borrower\'s parent; borrower is the declarant;')
G['C1'] = {}; genuine('resign', 'C1', 'phone_photo', note='C1 template 1/3;', keep=G['C1'])
genuine('resign', 'C1', 'pdf', note='C1 template 2/3;')
genuine('resign', 'C1', 'wechat_jpeg', note='C1 template 3/3;')
genuine('resign', 'C2', 'scanner_jpeg')
genuine('resign', 'C2', 'phone_photo')
genuine('resign', 'C3', 'wechat_jpeg')
genuine('resign', 'C4', 'png', note='e-certificate screenshot;')
genuine('pov', 'V1', 'phone_photo', note='V1 template 1/2;')
genuine('pov', 'V1', 'wechat_jpeg', note='V1 template 2/2;')
G['V2'] = {}; genuine('pov', 'V2', 'scanner_jpeg', keep=G['V2'])
genuine('pov', 'V2', 'pdf')
genuine('unemp', 'S1', 'phone_photo', note='S1 template 1/2;')
G['S1'] = {}; genuine('unemp', 'S1', 'scanner_jpeg', note='S1 template 2/2;', keep=G['S1'])
genuine('unemp', 'S2', 'pdf')
genuine('unemp', 'S2', 'wechat_jpeg')
genuine('unemp', 'J1', 'png', note='HRSS online-service screenshot;')
genuine('unemp', 'J2', 'phone_photo')
genuine('law', 'L1', 'pdf', note='real lawyer letter: 17-digit licence; firm USCC (31…) printed in letterhead only;')
genuine('law', 'L1', 'phone_photo', note='real lawyer letter: 17-digit licence; firm USCC in letterhead only;')
genuine('law', 'L2', 'scanner_jpeg', note='real lawyer letter: 17-digit licence;')
genuine('law', 'L2', 'wechat_jpeg', note='real lawyer letter: 17-digit licence;')
genuine('inpat', 'H4', 'phone_photo')
genuine('inpat', 'H3', 'pdf')
gd('H3', 'scanner_jpeg')
# borrowers whose ID carries a district code newer than their birth year
for (area, cap, kd, ik) in [(NEW_AREAS[0], 'phone_photo', 'resign', 'C3'), (NEW_AREAS[1], 'wechat_jpeg', 'unemp', 'J1'), (NEW_AREAS[2], 'scanner_jpeg', 'resign', 'C4')]:
    c = new_customer(area=area, byear=R.randint(1975, 1992))
    genuine(kd, ik, cap, cust=c,
            note='ID district code %s (%s) was created after the holder\'s birth year (legitimate re-issued ID);' % (area[0], area[1]))
# same borrower, same genuine document, two captures in two complaints (not reuse across borrowers)
c5 = new_customer(area=NEW_AREAS[4], byear=1986)
keep = {}
cc, r1, p1, dg = genuine_diag('H5', 'phone_photo', cust=c5, keep=keep, note='same borrower attached this document twice (photo, later a scan); ID code 510116 newer than birth year;')
add_complaint(c5, r1, ctext('diag', dg), [p1])
path = write_capture(keep['page'], 'scanner_jpeg', 'zhenduan', keep['d'] + dt.timedelta(days=5), nseed())
truth(path, False, [], '诊断证明书', 'scanner_jpeg', 'genuine: re-scan of the same paper as %s, same borrower %s, second complaint' % (p1, c5['name']))
add_complaint(c5, r1 + dt.timedelta(days=R.randint(6, 12), hours=3), '上次提交的诊断证明看不清，重新扫描上传，请尽快处理停息申请。', [path])
# genuine PDF with an incremental update that only changes metadata (e-seal platform stamp)
keep = {}
cc, rr, pp, dg = genuine_diag('H2', 'pdf', keep=keep, note='PDF carries an incremental update that changes only /Info metadata (hospital e-document platform), page content untouched;')
w = pypdf.PdfWriter(io.BytesIO(open(os.path.join(OUT, pp), 'rb').read()), incremental=True)
w.add_metadata({'/Keywords': 'HZSC-EDOC verified', '/ModDate': pdf_date(keep['d'], 11, 25)})
with open(os.path.join(OUT, pp), 'wb') as fh: w.write(fh)
add_complaint(cc, rr, ctext('diag', dg), [pp])

# ================================================================== FORGED
def forged_path(path, kinds, doc_type, cap, note):
    truth(path, True, kinds, doc_type, cap, note)

# ---- 1. lawyer letters with a USCC as 执业证号 (5)
agency_uscc = [uscc_make('91', '440101', R), uscc_make('91', '440300', R), uscc_make('91', '110105', R)]
def fake_letter(ik, cap, lic, cust=None, note='', seed=None, recv=None, d=None, lawyer=None, no=None, s=None, show_uscc=True):
    cust = cust or new_customer(); p = cust['person']; recv = recv or new_received()
    d = d or before(recv, 2, 20)
    page = t_lawyer(ik, no or R.randint(10, 300), p, lawyer or new_name(), lic, R.choice(['失业导致收入中断', '身患重病长期治疗']), d, s or seal(ik),
                    aggressive=True, show_uscc=show_uscc)
    path = write_capture(page, cap, 'lvshihan', d, seed or nseed(), app_title='律师函',
                         pdf_meta={'date': pdf_date(d, 16, 40), 'creator': 'WPS 文字', 'producer': 'WPS 文字'})
    add_complaint(cust, recv, ctext('law'), [path])
    return cust, path
c, pth = fake_letter('FL', 'pdf', agency_uscc[0], show_uscc=False)
forged_path(pth, ['uscc_as_lawyer_licence'], '律师函', 'pdf', '执业证号 %s is an 18-char USCC of a company (91… prefix), not a 17-digit lawyer licence' % agency_uscc[0])
c, pth = fake_letter('L2', 'pdf', ISS['L2']['uscc'])
forged_path(pth, ['uscc_as_lawyer_licence'], '律师函', 'pdf', '执业证号 equals the law firm\'s own USCC %s (also printed in the letterhead)' % ISS['L2']['uscc'])
c, pth = fake_letter('FL2', 'phone_photo', ISS['FL2']['uscc'])
forged_path(pth, ['uscc_as_lawyer_licence'], '律师函', 'phone_photo', '执业证号 is the firm USCC %s (31… prefix, 18 chars)' % ISS['FL2']['uscc'])
# same letter re-used for two borrowers (also counts as reuse group R4)
dd = dt.date(2026, 8, 20); sL = seal('FL'); lw = new_name()
c4a, pa = fake_letter('FL', 'wechat_jpeg', agency_uscc[1], recv=dt.datetime(2026, 8, 27, 14, 3, 11, tzinfo=TZ), d=dd, lawyer=lw, no=88, s=sL, show_uscc=False)
c4b, pb = fake_letter('FL', 'png', agency_uscc[1], recv=dt.datetime(2026, 9, 2, 10, 41, 5, tzinfo=TZ), d=dd, lawyer=lw, no=88, s=sL, show_uscc=False)
forged_path(pa, ['uscc_as_lawyer_licence', 'reused_across_borrowers'], '律师函', 'wechat_jpeg', 'group R4 (with %s): same letter no.88, date, lawyer, seal impression; only client name/ID differ; 执业证号 %s is a company USCC' % (pb, agency_uscc[1]))
forged_path(pb, ['uscc_as_lawyer_licence', 'reused_across_borrowers'], '律师函', 'png', 'group R4 (with %s): same letter as the other, client name/ID changed; 执业证号 is a company USCC' % pa)

# ---- 2. edited hardship proofs (5)
# E1: resignation cert phone photo, name+ID pasted, re-saved in Photoshop (double JPEG, Software tag)
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 3, 20)
orig = new_person()
page = t_resign('C2', 'LZ%s%03d' % (d.strftime('%Y%m'), 57), orig, d - dt.timedelta(days=900), d - dt.timedelta(days=2), '生产部', '操作员', '公司经营调整裁减人员', d, seal('C2'))
sh = shot_time(d)
def ed1(img, mp, boxes, chars):
    img = patch_text(img, mapped_rect(mp, boxes['name']), p['name'], scale=1.05)
    img = patch_text(img, mapped_rect(mp, boxes['id']), p['id'], scale=0.95)
    return img, dict(quality=92, exif=exif_phone('HUAWEI', 'ALN-AL00', sh, software='Adobe Photoshop 25.3 (Windows)', modify=sh + dt.timedelta(days=4, hours=3)))
pth = write_capture(page, 'phone_photo', 'lizhi', d, 2000, edit=ed1)
forged_path(pth, ['edited_image'], '离职证明', 'phone_photo', 'name and ID pasted over original holder %s with flat background patches, unrotated text; re-saved by Photoshop (EXIF Software, ModifyDate later), double JPEG' % orig['name'])
add_complaint(c, recv, ctext('resign'), [pth])
# E2: diagnosis certificate scan, month digit of issue date replaced by a cloned "8" from the ID line
c = new_customer(byear=1988); p = c['person']
recv = dt.datetime(2026, 8, 24, 19, 12, 40, tzinfo=TZ); d_orig = dt.date(2026, 5, 16)
page = t_diag('H1', '20260516%05d' % R.randint(0, 99999), p, d_orig, *DIAG[0], '周文斌', seal('H1'), visit=d_orig)
def ed2(img, mp, boxes, chars):
    a = np.asarray(img).copy()
    src = [b for ch, b in chars['id'] if ch == '8'][0]
    tgt = [b for ch, b in chars['date'] if ch == '5'][0]     # 2026年5月16日 -> 2026年8月16日
    s0 = mapped_rect(mp, src, 1); t0 = mapped_rect(mp, tgt, 1)
    h = min(s0[3] - s0[1], t0[3] - t0[1]); w = min(s0[2] - s0[0], t0[2] - t0[0])
    a[t0[1]:t0[1] + h, t0[0]:t0[0] + w] = a[s0[1]:s0[1] + h, s0[0]:s0[0] + w]
    return Image.fromarray(a), dict(quality=90)
pth = write_capture(page, 'scanner_jpeg', 'zhenduan', d_orig, 2001, edit=ed2)
forged_path(pth, ['edited_image'], '诊断证明书', 'scanner_jpeg', 'issue-date month 5 -> 8 by cloning the "8" glyph from the ID number in the same image (就诊日期 field still reads 2026年5月16日; 门诊号 starts 20260516); re-saved JPEG (double compression), no editor tag')
add_complaint(c, recv, ctext('diag', DIAG[0][0]), [pth])
# E3: poverty cert via WeChat, issue-date day digits redrawn in a different font
c = new_customer(area=('341122', '安徽省滁州市来安县')); p = c['person']
recv = dt.datetime(2026, 9, 11, 9, 30, 2, tzinfo=TZ); d_orig = dt.date(2026, 3, 2)
page = t_poverty('V1', '2026-013', p, 4, 3100, '其配偶常年患病需长期服药', d_orig, seal('V1'))
def ed3(img, mp, boxes, chars):
    cl = chars['date']          # 2026年3月2日 -> 2026年9月2日 (month redrawn)
    b = [bx for ch, bx in cl if ch == '3'][0]
    r = mapped_rect(mp, b, 1)
    return patch_text(img, r, '9', fidx=1, scale=1.15, noise=2.0, seed=3), dict(quality=78)
pth = write_capture(page, 'wechat_jpeg', 'pinkun', d_orig, 2003, edit=ed3)
forged_path(pth, ['edited_image'], '家庭经济困难证明', 'wechat_jpeg', 'issue month 3 -> 9 redrawn with a different (mono) glyph over a flat patch (编号 2026-013 from March); forwarded via WeChat (recompressed, no EXIF)')
add_complaint(c, recv, ctext('pov'), [pth])
# E4: unemployment cert phone photo, ID patched, original phone EXIF kept but standard libjpeg tables
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 3, 15)
orig = new_person(gender=1 if p['gender'] == '男' else 0)
page = t_unemp('S1', '4201%08d' % R.randint(0, 99999999), orig, d - dt.timedelta(days=40), d, seal('S1'), nameov=p['name'])
sh = shot_time(d)
def ed4(img, mp, boxes, chars):
    img = patch_text(img, mapped_rect(mp, boxes['id']), p['id'], scale=0.95, noise=1.5, seed=4)
    return img, dict(quality=95, exif=exif_phone('Xiaomi', '23127PN0CC', sh))
pth = write_capture(page, 'phone_photo', 'shiye', d, 2004, edit=ed4)
forged_path(pth, ['edited_image'], '失业证明', 'phone_photo', 'ID number (originally %s) pasted with the borrower\'s ID over a flat patch; phone EXIF kept unchanged, no Software tag, but file re-encoded with standard IJG tables (q95) instead of the camera\'s tables' % orig['id'])
add_complaint(c, recv, ctext('unemp'), [pth])
# E5: inpatient screenshot PNG, diagnosis line replaced
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 3, 15)
disch = d - dt.timedelta(days=1); admit = disch - dt.timedelta(days=6)
page = t_inpatient('H2', 'ZY%07d' % R.randint(0, 9999999), p, admit, disch, d, '急性胃肠炎', '孙晓燕', seal('H2'))
def ed5(img, mp, boxes, chars):
    r = mapped_rect(mp, boxes['diag'], 2)
    return patch_text(img, (r[0], r[1], r[2] + 40, r[3]), '出院诊断：胰腺恶性肿瘤（晚期）', colour=(0, 0, 0), scale=0.93), {}
pth = write_capture(page, 'png', 'zhuyuan', d, 2005, edit=ed5, app_title='住院证明')
forged_path(pth, ['edited_image'], '住院证明', 'png', 'diagnosis line replaced (was 急性胃肠炎, 6-day stay) by 胰腺恶性肿瘤（晚期） over a flat patch; pure-black text of different size; screenshot PNG')
add_complaint(c, recv, ctext('inpat', '胰腺恶性肿瘤'), [pth])

# ---- 3. documents re-used across borrowers (R1..R3, R5; R4 above)
def reuse_group(label, make_page, caps, stem, doc_type, key, arg, base_d, note):
    paths = []; custs = []
    sl = None
    for k, cap in enumerate(caps):
        c = new_customer(); custs.append(c)
        recv = dt.datetime.combine(base_d + dt.timedelta(days=R.randint(5, 25)), dt.time(R.randint(8, 22), R.randint(0, 59)), tzinfo=TZ)
        page = make_page(c['person'], k)
        path = write_capture(page, cap, stem, base_d + dt.timedelta(days=k + 1), 3000 + len(paths) * 11 + sum(map(ord, label)) % 97, app_title=doc_type,
                             pdf_meta={'date': pdf_date(base_d, 9, 12), 'creator': 'WPS 文字', 'producer': 'WPS 文字'})
        add_complaint(c, recv, ctext(key, arg), [path]); paths.append((path, cap, c))
    for path, cap, c in paths:
        others = ', '.join(p for p, _, _ in paths if p != path)
        forged_path(path, ['reused_across_borrowers'], doc_type, cap, 'group %s: %s; this copy names %s; same document as %s' % (label, note, c['name'], others))
    return paths
bd = dt.date(2026, 8, 5); sR1 = seal('H3'); noR1 = '20260805%05d' % 31207; ageR1 = 41
reuse_group('R1', lambda p, k: t_diag('H3', noR1, p, bd, DIAG[1][0], DIAG[1][1], '刘振宇', sR1, ageov=ageR1 if k == 1 else None, visit=bd),
            ['phone_photo', 'phone_photo', 'scanner_jpeg'], 'zhenduan', '诊断证明书', 'diag', DIAG[1][0], bd,
            'same 门诊号 %s, date, diagnosis, doctor and identical seal impression; name/ID swapped then re-printed and photographed again / scanned (one copy keeps the template age 41岁 inconsistent with its ID)' % noR1)
bd = dt.date(2026, 8, 12); sR2 = seal('V2')
reuse_group('R2', lambda p, k: t_poverty('V2', '2026-047', p, 5, 2980, '家中主要劳动力因伤致残', bd, sR2),
            ['scanner_jpeg', 'scanner_jpeg'], 'pinkun', '家庭经济困难证明', 'pov', None, bd,
            'same 编号 2026-047, date, figures and seal impression; only name/ID changed; re-scanned')
bd = dt.date(2026, 8, 18); sR3 = seal('C3')
reuse_group('R3', lambda p, k: t_resign('C3', 'LZ202608019', p, dt.date(2023, 3, 1), dt.date(2026, 8, 15), '物流部', '仓管员', '公司经营调整裁减人员', bd, sR3),
            ['wechat_jpeg', 'phone_photo'], 'lizhi', '离职证明', 'resign', None, bd,
            'same 编号 LZ202608019, entry/leave dates, dept and seal impression; only name/ID changed')
bd = dt.date(2026, 8, 9); sR5 = seal('H4'); decR5 = new_person(byear=1952, gender=1)
def r5(p, k):
    dec = dict(decR5); dec['name'] = [decR5['name'], p['name'][0] + R.choice(GIV) + R.choice(GIV)][k]
    return t_death('H4', '26004127', dec, dt.date(2026, 8, 7), '脑出血', p, '父' + ('子' if p['gender'] == '男' else '女'), bd, sR5)
reuse_group('R5', r5, ['pdf', 'png'], 'siwang', '居民死亡医学证明书', 'death', '父亲', bd,
            'same 编号 26004127, deceased ID, death date, cause and seal impression; declarant (borrower) and deceased name changed')

# ---- 4. edited PDFs (incremental updates changing the name)
def pdf_incremental(page_orig, page_new, d, producer, mod_d, overlay=None):
    meta = {'date': pdf_date(d, 10, 5), 'creator': 'Microsoft® Word 2019', 'producer': 'Microsoft® Word 2019'}
    A = render_pdf(page_orig, meta)
    w = pypdf.PdfWriter(io.BytesIO(A), incremental=True)
    pg = w.pages[0]
    if overlay is None:
        B = pypdf.PdfReader(io.BytesIO(render_pdf(page_new, meta)))
        pg[NameObject('/Resources')] = B.pages[0]['/Resources'].clone(w)
        pg[NameObject('/Contents')] = B.pages[0]['/Contents'].clone(w)
    else:
        pg.merge_page(pypdf.PdfReader(io.BytesIO(overlay)).pages[0])
    w.add_metadata({'/Producer': producer, '/ModDate': pdf_date(mod_d, 22, 14)})
    o = io.BytesIO(); w.write(o); return o.getvalue()
# P1: inpatient, H5, content stream replaced (Acrobat-style)
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 5, 20)
orig = new_person(gender=1 if p['gender'] == '男' else 0, byear=p['birth'].year)
disch = d - dt.timedelta(days=1); admit = disch - dt.timedelta(days=14); s = seal('H5'); no = 'ZY%07d' % R.randint(0, 9999999)
A = t_inpatient('H5', no, orig, admit, disch, d, DIAG[3][0], '黄志强', s)
B = t_inpatient('H5', no, orig, admit, disch, d, DIAG[3][0], '黄志强', s, nameov=p['name'], idov=p['id'])
data = pdf_incremental(A, B, d, 'Adobe Acrobat Pro (64-bit) 24.2.20687', d + dt.timedelta(days=3))
pth = fname('zhuyuan', 'pdf'); open(os.path.join(OUT, pth), 'wb').write(data)
forged_path(pth, ['edited_pdf_incremental'], '住院证明', 'pdf', 'original revision names %s (%s); incremental update replaces page content/resources with the borrower\'s name and ID; Producer Acrobat, ModDate 3 days after creation' % (orig['name'], orig['id']))
add_complaint(c, recv, ctext('inpat', DIAG[3][0]), [pth])
# P2: resignation cert, C1, white-box overlay appended (PDF-editor style)
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 5, 20)
orig = new_person()
A = t_resign('C1', 'LZ%s%03d' % (d.strftime('%Y%m'), 133), orig, d - dt.timedelta(days=700), d - dt.timedelta(days=3), '研发部', '测试工程师', '公司经营调整裁减人员', d, seal('C1'))
_, bx, _ = render(A, dpi=72)  # boxes in points (1px = 1pt at 72 dpi)
from reportlab.pdfgen import canvas as _cv
from reportlab.lib.units import mm as _mm
ob = io.BytesIO(); cv = _cv.Canvas(ob, pagesize=(210 * _mm, 297 * _mm)); _rl_init()
for tag, val in (('name', p['name']), ('id', p['id'])):
    x0, y0, x1, y1 = bx[tag]
    cv.setFillColorRGB(1, 1, 1); cv.rect(x0 - 1, 297 * _mm - y1 - 1, (x1 - x0) + 30, (y1 - y0) + 2, stroke=0, fill=1)
    cv.setFillColorRGB(0, 0, 0); cv.setFont('WQYMicroHei', 12.5); cv.drawString(x0, 297 * _mm - y1 + 3.5, val)
cv.save()
data = pdf_incremental(A, None, d, 'Foxit PDF Editor 12.1.2', d + dt.timedelta(days=6), overlay=ob.getvalue())
pth = fname('lizhi', 'pdf'); open(os.path.join(OUT, pth), 'wb').write(data)
forged_path(pth, ['edited_pdf_incremental'], '离职证明', 'pdf', 'original revision names %s (%s); incremental update appends an overlay (white boxes + new name/ID text; old text still in the content stream); Producer Foxit' % (orig['name'], orig['id']))
add_complaint(c, recv, ctext('resign'), [pth])
# P3: unemployment cert, S2, content replaced, name only (ID already the borrower's)
c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 4, 15)
s = seal('S2'); no = '4201%08d' % R.randint(0, 99999999); reg = d - dt.timedelta(days=33)
oname = new_name()
A = t_unemp('S2', no, p, reg, d, s, nameov=oname)
B = t_unemp('S2', no, p, reg, d, s)
data = pdf_incremental(A, B, d, 'pypdf', d + dt.timedelta(days=1))
pth = fname('shiye', 'pdf'); open(os.path.join(OUT, pth), 'wb').write(data)
forged_path(pth, ['edited_pdf_incremental'], '失业证明', 'pdf', 'original revision names %s with the same ID; incremental update swaps the name to the borrower\'s' % oname)
add_complaint(c, recv, ctext('unemp'), [pth])

# ---- 5. seals copied across issuers (pixel-identical impressions lifted from genuine docs in this set)
def seal_copy(kind_fn, cap, src_key, src_iss, tgt_iss, doc_type, stem, key, arg=None):
    c = new_customer(); p = c['person']; recv = new_received(); d = before(recv, 3, 18)
    page = kind_fn(p, d, G[src_key]['seal'])
    pth = write_capture(page, cap, stem, d, nseed(), app_title=doc_type,
                        pdf_meta={'date': pdf_date(d, 14, 0), 'creator': 'WPS 文字', 'producer': 'WPS 文字'})
    forged_path(pth, ['seal_copied_across_issuers'], doc_type, cap, 'document of %s stamped with the seal of %s (ring text differs from issuer); seal impression pixel-identical to the one in genuine %s' % (ISS[tgt_iss]['name'], ISS[src_iss]['name'], G[src_key]['path']))
    add_complaint(c, recv, ctext(key, arg), [pth])
seal_copy(lambda p, d, s: t_diag('H2', d.strftime('%Y%m%d') + '%05d' % R.randint(0, 99999), p, d, *DIAG[2], '吴敏', s), 'phone_photo', 'H1_scan', 'H1', 'H2', '诊断证明书', 'zhenduan', 'diag', DIAG[2][0])
seal_copy(lambda p, d, s: t_resign('C2', 'LZ%s%03d' % (d.strftime('%Y%m'), 211), p, d - dt.timedelta(days=800), d - dt.timedelta(days=4), '销售部', '销售代表', '公司经营调整裁减人员', d, s), 'scanner_jpeg', 'C1', 'C1', 'C2', '离职证明', 'lizhi', 'resign')
seal_copy(lambda p, d, s: t_poverty('V1', '2026-%03d' % R.randint(60, 99), p, 3, 3300, '其配偶常年患病需长期服药', d, s), 'wechat_jpeg', 'V2', 'V2', 'V1', '家庭经济困难证明', 'pinkun', 'pov')
seal_copy(lambda p, d, s: t_unemp('S2', '4201%08d' % R.randint(0, 99999999), p, d - dt.timedelta(days=30), d, s), 'png', 'S1', 'S1', 'S2', '失业证明', 'shiye', 'unemp')

# ---- 6. name / ID mismatches
def simple_forge(cust, page_fn, cap, stem, doc_type, key, arg, kinds, note, recv=None, d=None):
    recv = recv or new_received(); d = d or before(recv, 3, 18)
    page = page_fn(cust['person'], d)
    pth = write_capture(page, cap, stem, min(d, recv.date()), nseed(), app_title=doc_type,
                        pdf_meta={'date': pdf_date(min(d, recv.date()), 9, 40), 'creator': 'Microsoft® Word 2019', 'producer': 'Microsoft® Word 2019'})
    forged_path(pth, kinds, doc_type, cap, note)
    add_complaint(cust, recv, ctext(key, arg), [pth]); return pth
c = new_customer(); other = new_person(gender=1 if c['person']['gender'] == '男' else 0)
simple_forge(c, lambda p, d: t_diag('H4', d.strftime('%Y%m%d') + '%05d' % R.randint(0, 99999), p, d, *DIAG[5], '赵立新', seal('H4'), idov=other['id']),
             'scanner_jpeg', 'zhenduan', '诊断证明书', 'diag', DIAG[5][0], ['name_id_mismatch'],
             'borrower\'s name but the ID %s (checksum-valid) belongs to someone else; borrower ID is %s' % (other['id'], c['id_number']))
c = new_customer()
nm = c['name'][0] + ('晶' if c['name'][1] != '晶' else '静') + c['name'][2:]
simple_forge(c, lambda p, d: t_resign('C3', 'LZ%s%03d' % (d.strftime('%Y%m'), R.randint(1, 300)), p, d - dt.timedelta(days=600), d - dt.timedelta(days=5), '物流部', '分拣员', '个人原因', d, seal('C3'), nameov=nm),
             'phone_photo', 'lizhi', '离职证明', 'resign', None, ['name_id_mismatch'],
             'name on document %s differs from borrower %s by one character; ID is the borrower\'s' % (nm, c['name']))
c = new_customer(area=('341122', '安徽省滁州市来安县'))
pp_ = c['person']; alt = make_id(pp_['area'], pp_['birth'].replace(year=pp_['birth'].year + 1), int(pp_['id'][14:17]))
simple_forge(c, lambda p, d: t_poverty('V2', '2026-%03d' % R.randint(100, 140), p, 4, 2700, '家中有两名子女在校就读且本人务工收入中断', d, seal('V2'), idov=alt),
             'wechat_jpeg', 'pinkun', '家庭经济困难证明', 'pov', None, ['name_id_mismatch'],
             'ID %s is checksum-valid but its birth year differs from borrower\'s ID %s' % (alt, c['id_number']))
c = new_customer(); ocust = customers[R.randint(0, 20)]
simple_forge(c, lambda p, d: t_inpatient('H1', 'ZY%07d' % R.randint(0, 9999999), p, d - dt.timedelta(days=12), d - dt.timedelta(days=1), d, DIAG[6][0], '陈建华', seal('H1'), nameov=ocust['name']),
             'pdf', 'zhuyuan', '住院证明', 'inpat', DIAG[6][0], ['name_id_mismatch'],
             'patient name is %s (another customer, %s) while the ID is this borrower\'s %s (%s)' % (ocust['name'], ocust['customer_id'], c['id_number'], c['name']))
c = new_customer(); pp_ = c['person']
fake_tail = pp_['id'][:14] + ('%04d' % ((int(pp_['id'][14:17]) + 371) % 1000 * 10 + 3))[-4:]
simple_forge(c, lambda p, d: t_diag('H2', d.strftime('%Y%m%d') + '%05d' % R.randint(0, 99999), p, d, *DIAG[4], '孙晓燕', seal('H2'), masked=True, idov=fake_tail),
             'png', 'zhenduan', '诊断证明书', 'diag', DIAG[4][0], ['name_id_mismatch'],
             'masked ID %s: first 6 match but last 4 (%s) differ from the borrower\'s (%s)' % (fake_tail[:6] + '*' * 8 + fake_tail[14:], fake_tail[14:], c['id_number'][14:]))

# ---- 7. date inconsistencies
c = new_customer(); recv = new_received(); d = recv.date() + dt.timedelta(days=9)
simple_forge(c, lambda p, dd: t_resign('C4', 'LZ%s%03d' % (d.strftime('%Y%m'), 77), p, d - dt.timedelta(days=1000), d - dt.timedelta(days=2), '物流部', '司机', '公司经营调整裁减人员', d, seal('C4')),
             'phone_photo', 'lizhi', '离职证明', 'resign', None, ['date_inconsistent'],
             'issue date %s is 9 days after the complaint was received (%s)' % (d.isoformat(), recv.isoformat()), recv=recv, d=d)
c = new_customer(); recv = dt.datetime(2026, 8, 14, 15, 20, 0, tzinfo=TZ)
def d2(p, d):
    pg = t_diag('H5', '20260630%05d' % R.randint(0, 99999), p, dt.date(2026, 6, 30), *DIAG[7], '黄志强', seal('H5'))
    pg.ops = [(o[0], o[1], o[2], o[3].replace('2026年6月30日', '2026年6月31日')) + o[4:] if o[0] == 'text' else o for o in pg.ops]
    return pg
simple_forge(c, d2, 'scanner_jpeg', 'zhenduan', '诊断证明书', 'diag', DIAG[7][0], ['date_inconsistent'],
             'issue and visit dates read 2026年6月31日 (June has 30 days)', recv=recv, d=dt.date(2026, 6, 30))
c = new_customer()
simple_forge(c, lambda p, d: t_inpatient('H3', 'ZY%07d' % R.randint(0, 9999999), p, d - dt.timedelta(days=3), d - dt.timedelta(days=15), d, DIAG[3][0], '刘振宇', seal('H3'), days_ov=12),
             'pdf', 'zhuyuan', '住院证明', 'inpat', DIAG[3][0], ['date_inconsistent'],
             'discharge date (出院日期) is 12 days before the admission date (入院日期)')
c = new_customer(); recv = new_received(); d = before(recv, 3, 10); decD = new_person(byear=1950, gender=0, area=(c['person']['area'], c['person']['addr']))
simple_forge(c, lambda p, dd: t_death('H4', '26%06d' % R.randint(0, 999999), decD, d + dt.timedelta(days=4), '多器官功能衰竭', p, '母' + ('子' if p['gender'] == '男' else '女'), d, seal('H4')),
             'wechat_jpeg', 'siwang', '居民死亡医学证明书', 'death', '母亲', ['date_inconsistent'],
             'date of death %s is after the certificate\'s 填报日期 %s' % ((d + dt.timedelta(days=4)).isoformat(), d.isoformat()), recv=recv, d=d)

# ---- 8. invalid ID numbers
c = new_customer(); decI = new_person(byear=1955, gender=1, area=(c['person']['area'], c['person']['addr']))
bad = decI['area'] + '19550230' + '041'; bad += id_check(bad)
simple_forge(c, lambda p, d: t_death('H3', '26%06d' % R.randint(0, 999999), decI, d - dt.timedelta(days=1), '肺部感染', p, '父' + ('子' if p['gender'] == '男' else '女'), d, seal('H3'), dec_id_ov=bad),
             'phone_photo', 'siwang', '居民死亡医学证明书', 'death', '父亲', ['invalid_id_number'],
             'deceased\'s ID %s encodes birth date 1955-02-30 (impossible; check digit computed to look valid); borrower (declarant) ID is correct' % bad)
c = new_customer(); pid = c['id_number']; badc = pid[:17] + CHK[(CHK.index(pid[17]) + 3) % 11]
simple_forge(c, lambda p, d: t_unemp('S1', '4201%08d' % R.randint(0, 99999999), p, d - dt.timedelta(days=25), d, seal('S1'), idov=badc),
             'scanner_jpeg', 'shiye', '失业证明', 'unemp', None, ['invalid_id_number', 'name_id_mismatch'],
             'borrower\'s ID printed with a wrong check digit (%s; valid would be %s) — fails GB 11643 and so also differs from the record' % (badc, pid))
c = new_customer(); sp = new_person(gender=0 if c['person']['gender'] == '男' else 1)
badsp = sp['id'][:17] + CHK[(CHK.index(sp['id'][17]) + 5) % 11]
def i3(p, d):
    spx = dict(sp); spx['id'] = badsp
    return t_inpatient('H2', 'ZY%07d' % R.randint(0, 9999999), spx, d - dt.timedelta(days=20), d - dt.timedelta(days=2), d, DIAG[5][0], '王丽萍', seal('H2'),
                       family=(p, '配偶'))
simple_forge(c, i3, 'wechat_jpeg', 'zhuyuan', '住院证明', 'inpat', DIAG[5][0], ['invalid_id_number'],
             'patient is the borrower\'s spouse %s; patient ID %s has a wrong check digit; borrower appears as 陪护家属 with the correct ID' % (sp['name'], badsp))
for cc_ in complaints[-1:]:
    cc_['text'] = '我爱人住院治疗（%s），家里收入全靠我一个人，附住院证明，请求延期还款。' % DIAG[5][0]

# ================================================================== neutral file names (no ordering leak)
nums = R.sample(range(100, 1000), len(files)); ren = {}
for (old, n) in zip(sorted(files), nums):
    stem, ext = os.path.basename(old).rsplit('.', 1)
    new = 'attachments/%s_%03d.%s' % (stem.rsplit('_', 1)[0], n, ext)
    os.rename(os.path.join(OUT, old), os.path.join(OUT, new)); ren[old] = new
files = {ren[k]: v for k, v in files.items()}
for v in files.values():
    for o, n in ren.items(): v['note'] = v['note'].replace(o, n)
for cp in complaints: cp['paths'] = [ren[p] for p in cp['paths']]

# ================================================================== write tables
complaints.sort(key=lambda x: x['recv'])
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as fh:
    for k, cp in enumerate(complaints, 1):
        fh.write(json.dumps(dict(complaint_id='D8-%04d' % k, received_at=cp['recv'].isoformat(), channel=R.choice(CHANNELS),
                                 customer_id=cp['cust']['customer_id'], phone=cp['cust']['phone'], text=cp['text'],
                                 attachments=cp['paths']), ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'customers.csv'), 'w', newline='', encoding='utf-8') as fh:
    w = csv.writer(fh); w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for c in sorted(customers, key=lambda c: c['customer_id']):
        nd = dt.date(2026, 10, R.randint(1, 28)) if c['overdue_days'] == 0 else dt.date(2026, 9, 30) - dt.timedelta(days=c['overdue_days'] % 30)
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], nd.isoformat(), c['overdue_days'], c['id_number']])
json.dump({'files': dict(sorted(files.items()))}, open(os.path.join(OUT, 'materials_truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('files', len(files), 'forged', sum(v['forged'] for v in files.values()), 'complaints', len(complaints), 'customers', len(customers))
