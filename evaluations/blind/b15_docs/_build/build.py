# -*- coding: utf-8 -*-
"""Build the b15_docs evaluation set. Run: /work/main/.venv/bin/python build.py  (seeded, deterministic
apart from JPEG encoder versions). Fonts are pip-downloaded wheels unpacked under /tmp/b15docs_scratch/fonts
(see ../BRIEF.md)."""
import os, io, json, csv, random, re, datetime as dt, shutil
import numpy as np
from PIL import Image, ImageDraw
import lib
from lib import (font, make_id, id_check, id_valid, uscc, seal_die, seal_impression, multiply_paste, render_png,
                 render_pdf, find_box, phone_photo, save_phone_jpeg, scanner, wechat, screenshot, exif_bytes)
import docs as D

OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
ATT = os.path.join(OUT, 'attachments')
TMP = '/tmp/b15docs_scratch/work'
random.seed(15)
R = np.random.default_rng(15)
TZ = dt.timezone(dt.timedelta(hours=8))
LENDER = '恒信消费金融有限公司'

# ------------------------------------------------------------------ customers
NAMES = ['陈志强', '刘秀兰', '王海燕', '张建军', '李娜', '杨光明', '赵雪梅', '黄晓东', '周丽华', '吴俊杰', '徐桂芳', '孙浩然',
         '胡春燕', '朱国庆', '高玉兰', '林志远', '何美玲', '郭晓峰', '马丽娟', '罗文斌', '梁小芳', '宋立新', '郑婷婷', '谢宏伟',
         '韩雪', '唐振华', '冯淑珍', '于海波', '董佳怡', '萧永康', '程丽', '曹建平', '袁媛', '邓超群', '许志鹏', '傅秋菊',
         '沈磊', '彭晓红', '吕国栋', '苏晴']
# (region, birth) ; several regions are districts created after the holder's birth year (genuine, re-issued IDs)
REG = [('330110', '19790314'), ('440307', '19861102'), ('500112', '19900627'), ('120116', '19920218'), ('110115', '19830905'),
       ('320583', '19950711'), ('410102', '19880423'), ('430104', '19911230'), ('510107', '19870108'), ('420106', '19930519'),
       ('350203', '19850816'), ('610113', '19960302'), ('370202', '19820927'), ('230102', '19780611'), ('340104', '19940125'),
       ('360103', '19890709'), ('530102', '19971019'), ('210102', '19840214'), ('441900', '19921107'), ('522601', '19950601'),
       ('360703', '19850420'), ('320117', '19880808'), ('330604', '19870315'), ('510107', '19900912'), ('410102', '19760128'),
       ('430104', '19981111'), ('450103', '19910503'), ('130104', '19860724'), ('420106', '19890130'), ('350203', '19930929'),
       ('610113', '19800417'), ('370202', '19990220'), ('110115', '19881206'), ('330110', '19940808'), ('530102', '19830101'),
       ('360703', '19920716'), ('440307', '19970303'), ('120116', '19850519'), ('500112', '19780822'), ('320583', '19910415')]
CUST = []
for i, (nm, (rg, bd)) in enumerate(zip(NAMES, REG)):
    seq = int(R.integers(10, 999))
    if nm in ('刘秀兰', '徐桂芳', '高玉兰', '何美玲', '马丽娟', '梁小芳', '郑婷婷', '韩雪', '冯淑珍', '董佳怡', '程丽', '袁媛',
              '傅秋菊', '彭晓红', '苏晴', '王海燕', '李娜', '赵雪梅', '周丽华', '胡春燕'):
        seq = seq - seq % 2  # female: even
    else:
        seq = seq - seq % 2 + 1
    idn = make_id(rg, bd, seq)
    CUST.append(dict(cid='C15%04d' % (3001 + i * 7), name=nm, id=idn, phone='1%d%09d' % (R.choice([3, 5, 7, 8, 9]), R.integers(0, 10 ** 9)),
                     principal='%.2f' % (R.integers(30, 900) * 100), overdue=int(R.choice([0, 0, 5, 12, 31, 47, 63, 95, 120])),
                     due=dt.date(2026, 12, int(R.integers(1, 28)))))
# give a few customers an X check digit (same region/birth, another sequence number of the same sex)
for c in CUST[2:40:9]:
    par = int(c['id'][16]) % 2
    for sq in range(par, 999, 2):
        cand = make_id(c['id'][:6], c['id'][6:14], sq)
        if cand[-1] == 'X':
            c['id'] = cand
            break
P = {c['name']: c for c in CUST}
for c in CUST:
    assert id_valid(c['id'])

# ------------------------------------------------------------------ issuers & seal dies
ISS = {}


def issuer(key, name, die_kw, **kw):
    ISS[key] = dict(name=name, die=seal_die(name if 'ring' not in kw else kw['ring'], **die_kw), **kw)

# pair 1: companies, round + star + 人事专用章 + registration no.
PAIR_CO = dict(center='人事专用章', star=True, reg='', fontkey='song')
issuer('CO1', '杭州联拓网络科技有限公司', dict(PAIR_CO, reg='3301100098213'), addr='杭州市余杭区文一西路998号', hr='沈佳', tel='0571-8861 2203', dept='技术部')
issuer('CO2', '苏州恒远精密制造有限公司', dict(PAIR_CO, reg='3205830047716'), addr='昆山市开发区前进东路318号', hr='顾晓燕', tel='0512-5771 3390', dept='生产部')
# pair 2: hospitals, round no star, 诊断证明专用章
PAIR_H = dict(center='诊断证明专用章', star=False, fontkey='hei', center_size=0.1)
issuer('H1', '郑州市第二人民医院', PAIR_H)
issuer('H2', '长沙市第四医院', PAIR_H)
# pair 3: village committees, round + star
PAIR_V = dict(center='', star=True, fontkey='song')
issuer('V1', '赣州市南康区龙岭镇坪田村民委员会', PAIR_V, unit='村', head='钟福生', tel='0797-6621 035')
issuer('V2', '凯里市三棵树镇南花村民委员会', PAIR_V, unit='村', head='杨昌明', tel='0855-8270 144')
# pair 4: law firms, round + star, inner ring
PAIR_L = dict(center='', star=True, fontkey='song', inner_ring=True)
issuer('L1', '浙江衡泰律师事务所', PAIR_L, tel='0571-8795 6620', addr='杭州市西湖区文三路90号东部软件园8楼')
issuer('L2', '广东明法律师事务所', PAIR_L, tel='020-3861 2290', addr='广州市天河区珠江新城华夏路16号富力盈凯大厦21楼')
# pair 5: public employment service centres, round + star + 业务专用章
PAIR_E = dict(center='业务专用章', star=True, fontkey='song')
issuer('E1', '成都市武侯区公共就业服务中心', PAIR_E, verify='028-12333')
issuer('E2', '长沙市岳麓区公共就业服务中心', PAIR_E, verify='0731-12333')
# pair 6: township health centres, oval, no star
PAIR_T = dict(center='诊断专用章', star=False, shape='oval', fontkey='hei', center_size=0.075)
issuer('T1', '溧水区石湫街道社区卫生服务中心', PAIR_T)
issuer('T2', '上虞区章镇镇中心卫生院', PAIR_T)
# others
issuer('CO3', '深圳市佳讯电子商务有限公司', dict(center='', star=True, fontkey='hei'), addr='深圳市龙岗区坂田街道五和大道118号', hr='陈露', tel='0755-2897 6614', dept='运营中心')
issuer('CO4', '成都蓉锦餐饮管理有限公司', dict(center='', star=True, fontkey='song', reg='5101070231457'), addr='成都市武侯区科华北路65号', hr='何静', tel='028-8541 2270', dept='门店')
issuer('CO5', '武汉楚天物流有限公司', dict(center='', star=True, fontkey='song'), addr='武汉市武昌区中北路227号', hr='熊丽', tel='027-8731 5526', dept='仓储部')
issuer('CO6', '上海云帆信息技术有限公司', dict(center='人事专用章', star=True, fontkey='hei'), addr='上海市浦东新区张江路665号', hr='孙怡', tel='021-5080 2331', dept='研发中心')
issuer('H3', '西安市雁塔区人民医院', dict(center='医务科', star=True, fontkey='song'))
issuer('H4', '昆明市第三人民医院', dict(center='死亡证明专用章', star=False, fontkey='hei', center_size=0.1), prov='云南省', doctor='李春')
issuer('H5', '南昌市洪都中医院', dict(center='诊断证明专用章', star=False, fontkey='song', center_size=0.1))
issuer('H6', '株洲市中心医院', dict(center='诊断证明专用章', star=False, fontkey='song', center_size=0.1))
issuer('V3', '南昌市东湖区豫章街道办事处', dict(center='', star=True, fontkey='song'), unit='辖区', head='邹建华', tel='0791-8672 1130')
issuer('E3', '北京市大兴区人力资源和社会保障局', dict(center='', star=True, fontkey='song'), verify='010-12333')
issuer('E4', '武汉市江岸区公共就业服务中心', dict(center='业务专用章', star=True, fontkey='song'), verify='027-12333')
issuer('M1', '厦门市思明区民政局', dict(center='', star=True, fontkey='song'))
issuer('L3', '湖南湘达律师事务所', dict(center='', star=True, fontkey='song', inner_ring=True), tel='0731-8889 3021', addr='长沙市岳麓区麓谷大道658号')
# forged law firms (USCC shown as licence)
issuer('FL1', '北京德润信律师事务所', dict(center='', star=True, fontkey='hei'), tel='010-5823 6671', addr='北京市朝阳区建国路88号SOHO现代城B座')
issuer('FL2', '上海汇正律师事务所', dict(center='', star=True, fontkey='song', inner_ring=True, reg='3101150281934'), tel='021-6035 7718', addr='上海市浦东新区世纪大道1198号')
issuer('FL3', '广州正衡律师事务所', dict(center='', star=True, fontkey='song'), tel='020-8388 0936', addr='广州市越秀区环市东路339号')
issuer('FL4', '深圳卓信律师事务所', dict(center='', star=True, fontkey='hei', inner_ring=True), tel='0755-8632 1109', addr='深圳市福田区深南大道4011号')
issuer('FL5', '重庆民信律师事务所', dict(center='', star=True, fontkey='song'), tel='023-6788 4402', addr='重庆市渝北区金开大道68号')

# ------------------------------------------------------------------ helpers
TRUTH, COMPLAINTS = {}, []
STORE = {}  # name -> dict(page=..., imp=..., path=...)


def rdate(base, lo, hi, weekday=True):
    while True:
        d = base - dt.timedelta(days=int(R.integers(lo, hi + 1)))
        if not weekday or d.weekday() < 5:
            return d


def lawyer_licence(region4, year, female, serial):
    return '1%s%d1%d%06d' % (region4, year, 2 if female else 1, serial)


def photo_time(d_issue, comp_dt):
    lo = dt.datetime.combine(d_issue, dt.time(9)) + dt.timedelta(hours=2)
    hi = comp_dt.replace(tzinfo=None) - dt.timedelta(minutes=20)
    span = max(60, int((hi - lo).total_seconds()))
    t = lo + dt.timedelta(seconds=int(R.integers(0, span)))
    if t.hour < 8 and t + dt.timedelta(hours=10) < hi:  # people rarely photograph papers at night
        t += dt.timedelta(hours=10)
    return min(t, hi)


PS_Q = [[6, 4, 4, 6, 9, 11, 12, 16], [4, 5, 5, 6, 8, 10, 12, 12], [4, 5, 5, 6, 10, 12, 12, 12], [4, 5, 6, 10, 12, 12, 12, 12],
        [5, 6, 10, 12, 12, 12, 12, 12], [6, 10, 12, 12, 12, 12, 12, 12], [9, 12, 12, 12, 12, 12, 12, 12], [12, 12, 12, 12, 12, 12, 12, 12]]
PS_C = [[7, 7, 13, 24, 26, 31, 31, 31], [7, 12, 16, 21, 31, 31, 31, 31], [13, 16, 17, 31, 31, 31, 31, 31], [24, 21, 31, 31, 31, 31, 31, 31],
        [26, 31, 31, 31, 31, 31, 31, 31], [31, 31, 31, 31, 31, 31, 31, 31], [31, 31, 31, 31, 31, 31, 31, 31], [31, 31, 31, 31, 31, 31, 31, 31]]


def flat(t):
    return [v for r in t for v in r]


def capture(page, spec, cap, path, when, seed, pdf_meta=None):
    """Write one attachment; return capture label."""
    if cap == 'pdf':
        render_pdf(spec, path, pdf_meta or {})
        return 'pdf'
    if cap == 'pdf_scan':
        im = scanner(page, seed, mode='gray', dpi=150)
        b = io.BytesIO(); im.convert('L').save(b, 'JPEG', quality=70)
        from reportlab.pdfgen import canvas
        from reportlab.lib.utils import ImageReader
        c = canvas.Canvas(path, pagesize=(595.27, 841.89), invariant=1)
        c.setCreator((pdf_meta or {}).get('creator', 'CamScanner')); c.setProducer((pdf_meta or {}).get('producer', 'intsig.com pdf producer'))
        c.drawImage(ImageReader(io.BytesIO(b.getvalue())), 0, 0, 595.27, 841.89)
        c.showPage(); c.save()
        return 'pdf'
    if cap.startswith('phone'):
        kw = dict(dim='dim' in cap, fold=2 if 'fold2' in cap else ('fold' in cap), crumple='crumple' in cap,
                  screen='screen' in cap, blur=float(R.uniform(0.5, 1.3)), landscape='land' in cap)
        im = phone_photo(page, seed, out_long=int(R.choice([1800, 2000, 2200])), **kw)
        save_phone_jpeg(im, path, when, seed)
        return 'phone_photo'
    if cap.startswith('scan'):
        mode = {'scan_color': 'color', 'scan_gray': 'gray', 'scan_fax': 'fax', 'scan_copy2': 'gray'}[cap]
        dpi = {'scan_fax': 120, 'scan_copy2': 150}.get(cap, int(R.choice([150, 200])))
        im = scanner(page, seed, mode=mode, dpi=dpi, copies=2 if cap == 'scan_copy2' else 0,
                     rot=0 if R.random() < 0.4 else None)
        im.save(path, 'JPEG', quality=int(R.choice([75, 85, 90])), dpi=(dpi, dpi))
        return 'scanner_jpeg'
    if cap.startswith('wechat'):
        if cap == 'wechat_scan':
            src = scanner(page, seed, mode='color', dpi=150)
        else:
            src = phone_photo(page, seed, out_long=2000, blur=float(R.uniform(0.6, 1.2)), dim=False)
            b = io.BytesIO(); src.save(b, 'JPEG', quality=92); src = Image.open(io.BytesIO(b.getvalue()))
        open(path, 'wb').write(wechat(src, long_side=int(R.choice([1080, 1280, 1440])), q=int(R.choice([72, 78, 82]))))
        return 'wechat_jpeg'
    if cap == 'png':
        sc = screenshot(page, pdf_meta.get('app_title', '电子证明') if pdf_meta else '电子证明', seed,
                        bar_time='%02d:%02d' % (when.hour, when.minute), footer=(pdf_meta or {}).get('footer'))
        sc.save(path, 'PNG', optimize=True)
        return 'png'
    raise ValueError(cap)


def add_file(fn, cust, doc_type, cap_label, forged, kinds, note):
    SHOWN['attachments/' + fn] = dict(customer=P[cust]['cid'], name=LAST['p']['name'], id=LAST['p']['id'])
    TRUTH['attachments/' + fn] = dict(forged=forged, kinds=kinds, doc_type=doc_type, capture=cap_label, note=note)


# ------------------------------------------------------------------ complaint calendar
CDATES = {}


def comp_dt(key):
    if key not in CDATES:
        d = dt.date(2026, 10, 6) + dt.timedelta(days=int(R.integers(0, 52)))
        CDATES[key] = dt.datetime(d.year, d.month, d.day, int(R.integers(8, 22)), int(R.integers(0, 60)), int(R.integers(0, 60)), tzinfo=TZ)
    return CDATES[key]


COMP_FILES = {}  # comp key -> (customer name, [files], text kind)


def attach(comp, cust, fn, topic):
    COMP_FILES.setdefault(comp, [cust, [], []])
    COMP_FILES[comp][1].append('attachments/' + fn)
    COMP_FILES[comp][2].append(topic)

# ------------------------------------------------------------------ content pools
POS = ['前端开发工程师', '仓库管理员', '门店店长', '销售专员', '行政助理', '质检员', '客服主管', '数控操作工']
REASONS = ['公司经营调整、岗位撤销', '公司业务收缩裁员', '个人身体原因', '劳动合同期满不再续签', '公司停产整顿']
DIAGS = [(['腰椎间盘突出症（L4/5）', '腰椎管狭窄'], '建议卧床休息，避免负重及久坐，全休两个月，门诊随访。', '骨科'),
         (['2型糖尿病', '糖尿病周围神经病变'], '控制饮食，规律用药，监测血糖，建议休息一个月。', '内分泌科'),
         (['抑郁发作（中度）'], '规律服药，心理治疗，避免精神刺激，建议休息三个月。', '精神心理科'),
         (['乳腺恶性肿瘤（术后）'], '按期化疗，加强营养，注意休息，建议全休六个月。', '肿瘤科'),
         (['慢性肾功能不全（CKD 4期）', '肾性贫血'], '低盐优质低蛋白饮食，定期复查，必要时透析治疗，建议全休。', '肾内科'),
         (['右胫腓骨骨折术后'], '患肢避免负重，定期复查X线，全休三个月。', '骨科'),
         (['脑梗死（恢复期）', '高血压3级'], '继续康复治疗，规律服药，建议全休三个月。', '神经内科')]
CYCLE = ['入院后完善相关检查，予以对症支持治疗，病情好转后准予出院。', '入院后行手术治疗，术后予抗感染、补液等治疗，切口愈合良好。',
         '入院后予以抗感染、化痰、平喘等治疗，症状明显缓解。']
CAUSES = [('呼吸循环衰竭', '肺恶性肿瘤'), ('心源性猝死', '冠状动脉粥样硬化性心脏病'), ('多器官功能衰竭', '重症胰腺炎')]


def imp_of(key, seed, rot=None):
    return seal_impression(ISS[key]['die'], 320, seed, rot=rot)


LAST = {}
SHOWN = {}


def make_spec(kind, p, iss_key, imp, d_issue, rng, ov=None):
    ov = ov or {}
    LAST['p'] = p
    iss = ISS[iss_key]
    if kind == 'lizhi':
        d_out = ov.get('d_out', rdate(d_issue, 5, 40))
        d_in = ov.get('d_in', dt.date(int(rng.integers(2017, 2024)), int(rng.integers(1, 13)), int(rng.integers(1, 28))))
        return D.doc_lizhi(p, iss, imp, d_in, d_out, ov.get('d_issue_txt', d_issue), ov.get('pos', rng.choice(POS)),
                           ov.get('reason', rng.choice(REASONS)), docno=ov.get('docno'), bodyfont=ov.get('fk', 'song'))
    if kind == 'shiye':
        d_reg = ov.get('d_reg', rdate(d_issue, 3, 30))
        return D.doc_shiye(p, iss, imp, d_reg, ov.get('d_issue_txt', d_issue), ov.get('regno', '%s%08d' % (iss_key[-1] + '510', rng.integers(0, 10 ** 8))),
                           ov.get('prev', rng.choice(['成都蓉锦餐饮管理有限公司', '长沙晟泰建材有限公司', '武汉楚天物流有限公司', '北京京南汽配城有限公司'])), fk=ov.get('fk', 'song'))
    if kind == 'pinkun':
        rs = ov.get('reason', rng.choice(['本人因病长期无法正常工作，配偶务农，两个子女就学，', '本人失业在家，父母年迈多病，需长期服药，',
                                          '家中主要劳动力于今年因意外致残，']))
        return D.doc_pinkun(p, iss, imp, ov.get('d_issue_txt', d_issue), int(rng.integers(3, 7)), rs, fk=ov.get('fk', 'song'), docno=ov.get('docno'))
    if kind == 'zhenduan':
        dg = DIAGS[ov.get('diag', int(rng.integers(0, len(DIAGS))))]
        d_visit = ov.get('d_visit', d_issue)
        return D.doc_zhenduan(p, iss, imp, d_visit, dg[2], dg[0], dg[1], ov.get('no', '%d' % rng.integers(10 ** 7, 10 ** 8)),
                              ov.get('doctor', rng.choice(['张卫东', '刘敏', '王磊', '陈静'])), fk=ov.get('fk', 'song'),
                              d_issue=ov.get('d_issue_txt'), dmm=ov.get('dmm', 38))
    if kind == 'chuyuan':
        d_out = ov.get('d_out', rdate(d_issue, 0, 3, weekday=False))
        d_in = ov.get('d_in', d_out - dt.timedelta(days=int(rng.integers(5, 25))))
        dg = DIAGS[int(rng.integers(0, len(DIAGS)))][0]
        return D.doc_chuyuan(p, iss, imp, d_in, d_out, ov.get('d_issue_txt', d_issue), dg and '内科', '%d床' % rng.integers(1, 60),
                             '%d' % rng.integers(10 ** 6, 10 ** 7), (dg[0], dg[-1]), rng.choice(CYCLE), rng.choice(['赵海', '孙丽', '高远']), fk=ov.get('fk', 'song'))
    if kind == 'siwang':
        d_death = ov.get('d_death', rdate(d_issue, 0, 2, weekday=False))
        return D.doc_siwang(p, iss, imp, d_death, ov.get('d_issue_txt', d_issue), CAUSES[int(rng.integers(0, 3))],
                            ov.get('place', '医疗卫生机构'), 'K%s%06d' % (d_issue.year, rng.integers(0, 10 ** 6)))
    if kind == 'lvshihan':
        return D.doc_lvshihan(p, iss, imp, d_issue, LENDER, ov['lawyer'], ov['licence'],
                              ov.get('no', '（%d）%s函字第%03d号' % (d_issue.year, iss['name'][2:4], rng.integers(1, 400))),
                              ov.get('loan', '于%d年在贵司申请个人消费贷款' % rng.integers(2023, 2026)), fk=ov.get('fk', 'song'), firm_addr=iss.get('addr', ''))
    if kind == 'dibao':
        return D.doc_dibao(p, iss, imp, rdate(d_issue, 60, 300), d_issue, 'DB%s%06d' % (p['id'][:6], rng.integers(0, 10 ** 6)),
                           int(rng.integers(6, 13)) * 100, int(rng.integers(2, 5)))
    if kind == 'shouru':
        return D.doc_shouru(p, iss, imp, d_issue, rng.choice(POS), int(rng.integers(60, 130)) * 100, int(rng.integers(18, 25)) * 100,
                            rdate(d_issue, 30, 90))
    raise ValueError(kind)


DT_NAMES = {'lizhi': '离职证明', 'shiye': '就业失业登记证明', 'pinkun': '家庭经济困难证明', 'zhenduan': '诊断证明书',
            'chuyuan': '出院记录', 'siwang': '居民死亡医学证明书', 'lvshihan': '律师函', 'dibao': '最低生活保障证明', 'shouru': '停薪证明'}


# ------------------------------------------------------------------ forgery / edit helpers
def img_of(path):
    return Image.open(path)


def patch_text(im, box, text, fk, px, fill=(250, 250, 250), color=(10, 10, 10), pad=2):
    im = im.convert('RGB')
    dr = ImageDraw.Draw(im)
    x0, y0, x1, y1 = box
    dr.rectangle([x0 - pad, y0 - pad, x1 + pad, y1 + pad], fill=fill)
    f = font(fk, px)
    asc = f.getbbox('国')
    dr.text((x0, y0 + 2 - asc[1]), text, fill=color, font=f)
    return im


def char_cells(page, needle, scale=1.0, off=(0, 0)):
    """per-character cells (x0,y0,x1,y1) in output px of the first occurrence of needle"""
    for b in page.info['boxes']:
        i = b['text'].find(needle)
        if i >= 0:
            f = font(b['fk'], b['px'])
            asc = f.getbbox('国')
            cells = []
            for k in range(len(needle)):
                x0 = b['x'] + f.getlength(b['text'][:i + k])
                x1 = b['x'] + f.getlength(b['text'][:i + k + 1])
                cells.append(tuple(int(round(v * scale + o)) for v, o in ((x0, off[0]), (b['y'] + asc[1] - 3, off[1]),
                                                                            (x1, off[0]), (b['y'] + asc[3] + 3, off[1]))))
            return b, cells
    raise KeyError(needle)


def change_digits(im, page, old, new, scale=1.0, off=(0, 0)):
    """Replace digits of string `old` by those of `new` by copying glyph cells of the same font/size from elsewhere
    on the page (clone-stamp style); falls back to typing the digit."""
    im = im.convert('RGB') if im.mode not in ('RGB', 'L') else im.copy()
    b, cells = char_cells(page, old, scale, off)
    for k, (a, c) in enumerate(zip(old, new)):
        if a == c:
            continue
        src = None
        for bb in page.info['boxes']:
            if bb['fk'] == b['fk'] and abs(bb['px'] - b['px']) < 0.01 and c in bb['text'] and bb is not b:
                j = bb['text'].index(c)
                f = font(bb['fk'], bb['px']); asc = f.getbbox('国')
                x0 = bb['x'] + f.getlength(bb['text'][:j])
                src = (int(round(x0 * scale + off[0])), int(round((bb['y'] + asc[1] - 3) * scale + off[1])))
                break
        x0, y0, x1, y1 = cells[k]
        if src:
            reg = im.crop((src[0], src[1], src[0] + x1 - x0, src[1] + y1 - y0))
            im.paste(reg, (x0, y0))
        else:
            dr = ImageDraw.Draw(im)
            dr.rectangle([x0, y0, x1, y1], fill=255 if im.mode == 'L' else (248, 248, 248))
            f = font(b['fk'], b['px'] * scale)
            dr.text((x0, y0 + 3 * scale - f.getbbox('国')[1]), c,
                    fill=20 if im.mode == 'L' else (20, 20, 20), font=f)
    return im


def red_stamp_from(im, box):
    """Lift the red ink of a seal from a captured image region -> RGBA."""
    a = np.asarray(im.convert('RGB').crop(box), np.float32)
    red = np.clip((a[..., 0] - (a[..., 1] + a[..., 2]) / 2 - 15) / 120, 0, 1)
    out = np.zeros(a.shape[:2] + (4,), np.uint8)
    out[..., :3] = np.clip(a, 0, 255)
    out[..., 3] = (red * 255).astype(np.uint8)
    return Image.fromarray(out, 'RGBA')


def pdf_incremental(path, new_spec=None, meta_update=None):
    """Append an incremental update to an existing (uncompressed) reportlab PDF: optionally replace the page
    content stream by the one rendered from new_spec, and write a new Info dictionary."""
    from pypdf import PdfReader
    data = open(path, 'rb').read()
    rd = PdfReader(io.BytesIO(data))
    page = rd.pages[0]
    cref = page.get_object().get('/Contents').indirect_reference
    size = int(rd.trailer['/Size'])
    root = rd.trailer.raw_get('/Root')
    info_old = rd.trailer.raw_get('/Info')
    prev = int(re.findall(rb'startxref\s+(\d+)', data)[-1])
    objs = []
    if new_spec is not None:
        tmp = TMP + '/_incr.pdf'
        render_pdf(new_spec, tmp, {}, compress=0, fontmap=PDF_CID)
        nc = PdfReader(tmp).pages[0].get_contents().get_data()
        objs.append((cref.idnum, b'<< /Length %d >>\nstream\n' % len(nc) + nc + b'\nendstream'))
    mu = meta_update or {}
    info = rd.metadata or {}
    fields = dict((k, v) for k, v in info.items())
    fields.update(mu)

    def esc(v):
        if all(ord(ch) < 128 for ch in v):
            return b'(' + v.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)').encode('latin-1') + b')'
        return b'<FEFF' + v.encode('utf-16-be').hex().upper().encode() + b'>'
    info_num = size
    objs.append((info_num, b'<< ' + b' '.join(k.encode() + b' ' + esc(str(v)) for k, v in fields.items()) + b' >>'))
    out = bytearray(data)
    if not out.endswith(b'\n'):
        out += b'\n'
    offs = {}
    for num, body in objs:
        offs[num] = len(out)
        out += b'%d 0 obj\n' % num + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n'
    for num in sorted(offs):
        out += b'%d 1\n%010d 00000 n \n' % (num, offs[num])
    tid = rd.trailer.get('/ID')
    idpart = b''
    if tid:
        t0 = tid[0]
        t0 = getattr(t0, 'original_bytes', None) or (t0 if isinstance(t0, bytes) else str(t0).encode('latin-1'))
        idpart = b' /ID [<%s> <%s>]' % (t0.hex().encode(), hashlib_md5(bytes(out[-400:])).encode())
    out += b'trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d%s >>\nstartxref\n%d\n%%%%EOF\n' % (
        size + 1, root.idnum, info_num, prev, idpart, xref)
    open(path, 'wb').write(bytes(out))


def hashlib_md5(b):
    import hashlib
    return hashlib.md5(b).hexdigest()


PDF_CID = {'hei': 'STSong-Light', 'sans': 'STSong-Light', 'bold': 'STSong-Light', 'song': 'STSong-Light'}


def pdfdate(t):
    return t.strftime("D:%Y%m%d%H%M%S+08'00'")


# ------------------------------------------------------------------ build
def main():
    if os.path.isdir(ATT):
        shutil.rmtree(ATT)
    os.makedirs(ATT); os.makedirs(TMP, exist_ok=True)

    def person(name, **kw):
        c = dict(P[name]); c.update(kw); return c

    # ---------------- genuine
    G = [  # fn, customer, complaint, kind, issuer, capture
        ('G01', '陈志强', 'K01', 'lizhi', 'CO1', 'scan_color'), ('G02', '刘秀兰', 'K02', 'lizhi', 'CO2', 'phone'),
        ('G03', '王海燕', 'K03', 'zhenduan', 'H1', 'phone_fold'), ('G04', '张建军', 'K04', 'zhenduan', 'H2', 'wechat'),
        ('G05', '李娜', 'K05', 'zhenduan', 'H1', 'scan_gray'), ('G06', '杨光明', 'K06', 'zhenduan', 'H1', 'phone_screen'),
        ('G07', '赵雪梅', 'K07', 'pinkun', 'V1', 'phone_crumple'), ('G08', '黄晓东', 'K08', 'pinkun', 'V2', 'scan_copy2'),
        ('G09', '周丽华', 'K09', 'lvshihan', 'L1', 'pdf'), ('G10', '吴俊杰', 'K10', 'lvshihan', 'L2', 'phone_land'),
        ('G11', '徐桂芳', 'K11', 'shiye', 'E1', 'png'), ('G12', '孙浩然', 'K12', 'shiye', 'E2', 'scan_color'),
        ('G13', '胡春燕', 'K13', 'zhenduan', 'T1', 'phone_dim'), ('G14', '朱国庆', 'K14', 'zhenduan', 'T2', 'wechat'),
        ('G15', '高玉兰', 'K15', 'chuyuan', 'H3', 'scan_color'), ('G16', '林志远', 'K16', 'chuyuan', 'H3', 'phone'),
        ('G17', '何美玲', 'K17', 'siwang', 'H4', 'scan_gray'), ('G18', '郭晓峰', 'K18', 'siwang', 'H4', 'phone_fold2'),
        ('G19', '马丽娟', 'K19', 'shiye', 'E3', 'pdf'), ('G20', '罗文斌', 'K20', 'shiye', 'E3', 'pdf_incr_meta'),
        ('G21', '梁小芳', 'K21', 'dibao', 'M1', 'png'), ('G22', '宋立新', 'K22', 'lizhi', 'CO3', 'wechat'),
        ('G23', '郑婷婷', 'K23', 'lvshihan', 'L3', 'scan_gray'), ('G24', '谢宏伟', 'K24', 'lizhi', 'CO1', 'phone_screen'),
        ('G25', '韩雪', 'K25', 'shiye', 'E1', 'scan_fax'), ('G26', '唐振华', 'K26', 'pinkun', 'V3', 'pdf_scan'),
        ('G27', '冯淑珍', 'K27', 'zhenduan', 'T1', 'scan_copy2'), ('G28', '于海波', 'K28', 'zhenduan', 'H2', 'phone'),
        ('G29', '董佳怡', 'K29', 'shouru', 'CO2', 'pdf'), ('G30', '萧永康', 'K30', 'zhenduan', 'H1', 'pdf'),
        ('G31', '程丽', 'K31', 'siwang', 'H4', 'wechat'), ('G32', '曹建平', 'K32', 'pinkun', 'V2', 'phone_dim'),
        ('G33', '袁媛', 'K33', 'lvshihan', 'L1', 'wechat_scan'), ('G34', '邓超群', 'K34', 'dibao', 'M1', 'png'),
        ('G35', '许志鹏', 'K35', 'chuyuan', 'H3', 'pdf'), ('G36', '傅秋菊', 'K36', 'lizhi', 'CO3', 'scan_fax'),
        ('G37', '沈磊', 'K37', 'zhenduan', 'T2', 'phone_crumple'), ('G38', '彭晓红', 'K38', 'shiye', 'E2', 'wechat'),
        ('G39', '吕国栋', 'K39', 'zhenduan', 'H2', 'scan_color'), ('G40', '苏晴', 'K40', 'lizhi', 'CO6', 'pdf'),
    ]
    LAWYERS = {'L1': ('方志诚', '13301201110482219'), 'L2': ('黎嘉欣', '14401201620937751'), 'L3': ('谭文博', '14301200911025538')}
    ext = {'pdf': 'pdf', 'pdf_scan': 'pdf', 'pdf_incr_meta': 'pdf', 'png': 'png'}
    APPT = {'shiye': ('电子证照', '下载证明'), 'dibao': ('民政服务', '下载证明'), 'zhenduan': ('互联网医院', '查看原件')}
    seedc = 100
    for fn, nm, comp, kind, ik, cap in G:
        seedc += 1
        cd = comp_dt(comp)
        rng = np.random.default_rng(seedc)
        d_issue = rdate(cd.date(), 4, 35) if kind != 'siwang' else rdate(cd.date(), 8, 40)
        imp = imp_of(ik, seedc)
        ov = {}
        if kind == 'lvshihan':
            ov = dict(lawyer=LAWYERS[ik][0], licence=LAWYERS[ik][1])
        if ik in ('CO1', 'CO2') and kind == 'lizhi':
            ov['docno'] = '%s人离证字[%d]%03d号' % ('联拓' if ik == 'CO1' else '恒远', d_issue.year, rng.integers(1, 300))
        p = person(nm)
        spec = make_spec(kind, p, ik, imp, d_issue, rng, ov)
        page = render_png(spec)
        name = '%s_%s.%s' % (fn, DT_NAMES[kind], ext.get(cap, 'jpg'))
        path = os.path.join(ATT, name)
        when = photo_time(d_issue, cd)
        meta = dict(title=DT_NAMES[kind], author=ISS[ik]['name'], creator='电子证照系统', producer='iText 5.5.13.2 ©2000-2020 iText Group NV')
        if kind == 'lvshihan':
            meta = dict(title='律师函', author=LAWYERS[ik][0], creator='Microsoft® Word 2019', producer='Microsoft® Word 2019')
        if kind in APPT:
            meta['app_title'], meta['footer'] = APPT[kind]
        if cap == 'pdf_incr_meta':
            render_pdf(spec, path, meta, compress=0, fontmap=PDF_CID)
            pdf_incremental(path, None, {'/ModDate': pdfdate(when), '/Keywords': '已电子签章'})
            cl = 'pdf'
        else:
            cl = capture(page, spec, cap, path, when, seedc, meta)
        STORE[fn] = dict(page=page, imp=imp, path=path, spec=spec, p=p, d=d_issue)
        note = '%s issued by %s for the borrower; %s' % (DT_NAMES[kind], ISS[ik]['name'], cap)
        if cap == 'pdf_incr_meta':
            note += '; e-certificate PDF with one incremental update that only rewrites the Info dictionary (signing mark), content unchanged'
        if p['id'][:6] in ('330110', '440307', '500112', '120116', '110115', '360703', '320117', '330604') :
            note += '; ID district code newer than holder birth year (genuine)'
        add_file(name, nm, DT_NAMES[kind], cl, False, [], note)
        attach(comp, nm, name, kind)

    # ---------------- forged
    def out(fn, kind):
        return '%s_%s' % (fn, DT_NAMES[kind])

    seedc = 500

    def nxt():
        nonlocal seedc
        seedc += 1
        return seedc

    # (1) lawyer letters whose 执业证号 is a USCC
    FLS = [('F01', '陈志强', 'K01', 'FL1', 'pdf', uscc('91', '110105', 'MA01R7K3X'), '韩立军'),
           ('F02', '王海燕', 'K41', 'FL2', 'pdf', uscc('31', '310000', 'E00218765'), '钱少华'),
           ('F03', '孙浩然', 'K12', 'FL3', 'pdf', uscc('91', '440101', 'MA5CK2Y4U'), '邝志明'),
           ('F04', '于海波', 'K42', 'FL4', 'phone', uscc('31', '440000', '4557123X0'), '袁冬梅'),
           ('F05', '曹建平', 'K32', 'FL5', 'wechat', uscc('91', '500112', 'MA60W8T2B'), '蒋涛')]
    for fn, nm, comp, ik, cap, lic, lw in FLS:
        s = nxt(); cd = comp_dt(comp); rng = np.random.default_rng(s)
        d_issue = rdate(cd.date(), 2, 15)
        p = person(nm)
        spec = make_spec('lvshihan', p, ik, imp_of(ik, s), d_issue, rng, dict(lawyer=lw, licence=lic, fk='song' if s % 2 else 'hei'))
        page = render_png(spec)
        name = out(fn, 'lvshihan') + ('.pdf' if cap == 'pdf' else '.jpg')
        meta = dict(title='律师函', author='Administrator', creator='WPS 文字', producer=['WPS 文字', 'Microsoft® Word 2019', 'Microsoft: Print To PDF'][s % 3])
        cl = capture(page, spec, cap, os.path.join(ATT, name), photo_time(d_issue, cd), s, meta)
        add_file(name, nm, '律师函', cl, True, ['uscc_as_lawyer_licence'],
                 'lawyer letter for the borrower; 执业证号 %s is an 18-char unified social credit code (%s), not a 17-digit lawyer licence'
                 % (lic, 'company' if lic.startswith('91') else 'law-firm style'))
        attach(comp, nm, name, 'lvshihan')

    # (2) edited images
    # F06 pasted text patch over name + ID on a scanned 离职证明, re-saved through Photoshop
    s = nxt(); cd = comp_dt('K43'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 5, 25)
    other = dict(name='周建新', id=make_id('440307', '19890614', 135))
    spec = make_spec('lizhi', other, 'CO3', imp_of('CO3', s), d_issue, rng)
    page = render_png(spec)
    im = scanner(page, s, mode='color', dpi=150, rot=0)
    p = person('张建军')
    box = find_box(page, '%s（身份证号码：%s）' % (other['name'], other['id']))
    im = patch_text(im, box, '%s（身份证号码：%s）' % (p['name'], p['id']), 'song', 12.5 / 72 * 150, fill=(251, 251, 251))
    name = out('F06', 'lizhi') + '.jpg'
    im.save(os.path.join(ATT, name), 'JPEG', qtables=[flat(PS_Q), flat(PS_C)],
            exif=exif_bytes(software='Adobe Photoshop CC 2019 (Windows)', when=photo_time(d_issue, cd), extra=False), dpi=(150, 150))
    add_file(name, '张建军', '离职证明', 'scanner_jpeg', True, ['edited_image'],
             'scanned 离职证明 of another person; name+ID replaced by a flat pasted text patch; re-saved through an image editor')
    attach('K43', '张建军', name, 'lizhi')

    # F07 cloned region: diagnosis lines covered with cloned blank paper and a graver diagnosis typed; WeChat-forwarded
    s = nxt(); cd = comp_dt('K44'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 5, 25)
    p = person('林志远')
    spec = make_spec('zhenduan', p, 'H2', imp_of('H2', s), d_issue, rng, dict(diag=0))
    page = render_png(spec)
    im = scanner(page, s, mode='color', dpi=150, rot=0).convert('RGB')
    b1, b2 = find_box(page, '1. ' + DIAGS[0][0][0]), find_box(page, DIAGS[0][1])
    x0, y0, x1, y1 = b1[0] - 4, b1[1] - 4, max(b1[2], b2[2]) + 6, b1[3] + (b1[3] - b1[1]) + 30
    clone = im.crop((x0 + 0, 232 * 150 // 25.4 if False else int(241 / 25.4 * 150), x1, int(241 / 25.4 * 150) + (y1 - y0)))
    im.paste(clone, (x0, y0))
    dr = ImageDraw.Draw(im); f = font('song', 12.5 / 72 * 150)
    dr.text((b1[0], b1[1] - f.getbbox('国')[1] + 2), '1. 肺恶性肿瘤（IV期）', fill=(22, 22, 24), font=f)
    dr.text((b1[0], b1[1] - f.getbbox('国')[1] + 2 + 9 / 25.4 * 150), '2. 多发骨转移', fill=(22, 22, 24), font=f)
    name = out('F07', 'zhenduan') + '.jpg'
    open(os.path.join(ATT, name), 'wb').write(wechat(im, 1280, 80))
    add_file(name, '林志远', '诊断证明书', 'wechat_jpeg', True, ['edited_image'],
             'borrower\'s own diagnosis certificate; diagnosis lines covered with a cloned blank-paper region and a graver diagnosis typed; then forwarded via WeChat (no editor metadata)')
    attach('K44', '林志远', name, 'zhenduan')

    # F08 changed date digits on a PNG screenshot of an e-certificate
    s = nxt(); cd = comp_dt('K45'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 3, 10)
    p = person('周丽华')
    d_reg_true = dt.date(2024, 3, 18)
    spec = make_spec('shiye', p, 'E1', imp_of('E1', s), d_issue, rng, dict(d_reg=d_reg_true))
    page = render_png(spec)
    when = photo_time(d_issue, cd)
    sc = screenshot(page, '电子证照', s, bar_time='%02d:%02d' % (when.hour, when.minute), footer='下载证明')
    old = D.cn_date(d_reg_true, 1)
    newd = D.cn_date(dt.date(2026, 8, 18), 1)
    sc = change_digits(sc, page, old, newd, scale=sc.info['scale'], off=sc.info['offset'])
    name = out('F08', 'shiye') + '.png'
    sc.save(os.path.join(ATT, name), 'PNG', optimize=True)
    add_file(name, '周丽华', '就业失业登记证明', 'png', True, ['edited_image'],
             'screenshot of an e-certificate; digits of the registration date changed (%s -> %s) by copying digit glyphs from elsewhere on the page' % (old, newd))
    attach('K45', '周丽华', name, 'shiye')

    # F09 pasted name/ID patch on the paper before printing, then photographed (no editor trace)
    s = nxt(); cd = comp_dt('K10'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 5, 30)
    other = dict(name='钟秀英', id=make_id('360703', '19810922', 242))
    spec = make_spec('pinkun', other, 'V1', imp_of('V1', s), d_issue, rng)
    page = render_png(spec)
    p = person('吴俊杰')
    for a, b in ((other['name'] + '，女', p['name'] + '，男'), (other['id'], p['id'])):
        bx = find_box(page, a)
        page = patch_text(page, bx, b, 'hei', 12.6 / 72 * 150, fill=(246, 245, 240), color=(30, 30, 30), pad=1)
    name = out('F09', 'pinkun') + '.jpg'
    im = phone_photo(page, s, out_long=2000, blur=0.8)
    save_phone_jpeg(im, os.path.join(ATT, name), photo_time(d_issue, cd), s)
    add_file(name, '吴俊杰', '家庭经济困难证明', 'phone_photo', True, ['edited_image'],
             'another villager\'s certificate; name/sex and ID replaced with pasted patches (different font) before printing, then photographed with a phone')
    attach('K10', '吴俊杰', name, 'pinkun')

    # F10 record date digits changed so that it falls after the complaint; saved by a phone photo-editor app
    s = nxt(); cd = comp_dt('K47'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 6, 12)
    p = person('谢宏伟')
    spec = make_spec('chuyuan', p, 'H3', imp_of('H3', s), d_issue, rng)
    page = render_png(spec)
    im = scanner(page, s, mode='gray', dpi=150, rot=0)
    newdate = cd.date() + dt.timedelta(days=int(rng.integers(4, 12)))
    old, new = D.cn_date(d_issue, 1), D.cn_date(newdate, 1)
    im = change_digits(im, page, old, new)
    name = out('F10', 'chuyuan') + '.jpg'
    im.save(os.path.join(ATT, name), 'JPEG', quality=93, exif=exif_bytes(software='MTXX PictureEditor 9.9.2', when=photo_time(d_issue, cd), extra=False))
    add_file(name, '谢宏伟', '出院记录', 'scanner_jpeg', True, ['edited_image', 'date_inconsistent'],
             'record date digits changed %s -> %s, which is after the complaint was received (%s); re-saved by a photo editor app' % (old, new, cd.date()))
    attach('K47', '谢宏伟', name, 'chuyuan')

    # (3) documents reused across borrowers (same paper, only personal fields changed, captured again)
    groups = [('R1', 'zhenduan', 'H5', [('F11', '罗文斌', 'K48', 'phone'), ('F12', '宋立新', 'K49', 'scan_color'), ('F13', '唐振华', 'K50', 'wechat')]),
              ('R2', 'lizhi', 'CO4', [('F14', '马丽娟', 'K51', 'phone_fold'), ('F15', '郑婷婷', 'K52', 'phone_land')]),
              ('R3', 'pinkun', 'V3', [('F16', '韩雪', 'K53', 'scan_gray'), ('F17', '袁媛', 'K54', 'pdf_scan')])]
    for gk, kind, ik, mem in groups:
        s0 = nxt()
        first = min(comp_dt(m[2]).date() for m in mem)
        d_issue = rdate(first, 6, 20)
        imp = imp_of(ik, s0)
        ov = {'docno': '豫街证[%d]%d号' % (d_issue.year, 47)} if kind == 'pinkun' else {}
        for fn, nm, comp, cap in mem:
            s = nxt(); cd = comp_dt(comp)
            rng = np.random.default_rng(s0)  # identical content draws for every member
            spec = make_spec(kind, person(nm), ik, imp, d_issue, rng, ov)
            page = render_png(spec)
            name = out(fn, kind) + ('.pdf' if cap.startswith('pdf') else '.jpg')
            cl = capture(page, spec, cap, os.path.join(ATT, name), photo_time(d_issue, cd), s)
            others = [m[1] for m in mem if m[1] != nm]
            add_file(name, nm, DT_NAMES[kind], cl, True, ['reused_across_borrowers'],
                     'group %s: same %s (same number, dates, seal impression, wording) also submitted for %s with only name/ID (and derived sex/age) changed; re-captured (%s)'
                     % (gk, DT_NAMES[kind], '、'.join(others), cap))
            attach(comp, nm, name, kind)

    # (4) PDFs edited by an incremental update that changes the name/ID
    EP = [('F18', '高玉兰', 'K55', 'lizhi', 'CO6', dict(name='孙艳', id=make_id('310115', '19910210', 184))),
          ('F19', '朱国庆', 'K14', 'shiye', 'E3', dict(name='张立伟', id=make_id('110115', '19860412', 37))),
          ('F20', '邓超群', 'K34', 'zhenduan', 'H1', dict(name='冯立强', id=make_id('410102', '19870923', 55)))]
    for fn, nm, comp, kind, ik, other in EP:
        s = nxt(); cd = comp_dt(comp); rng = np.random.default_rng(s)
        d_issue = rdate(cd.date(), 5, 30)
        imp = imp_of(ik, s)
        p = person(nm)
        spec_o = make_spec(kind, other, ik, imp, d_issue, np.random.default_rng(s))
        spec_n = make_spec(kind, p, ik, imp, d_issue, np.random.default_rng(s))
        name = out(fn, kind) + '.pdf'
        path = os.path.join(ATT, name)
        c0 = dt.datetime.combine(d_issue, dt.time(10, 12))
        render_pdf(spec_o, path, dict(title=DT_NAMES[kind], author=ISS[ik]['name'], creator='电子证照系统',
                                      producer='iText 5.5.13.2 ©2000-2020 iText Group NV'), compress=0, fontmap=PDF_CID)
        pdf_incremental(path, spec_n, {'/ModDate': pdfdate(photo_time(d_issue, cd)), '/Producer': 'Adobe Acrobat Pro DC 21.1.20145'})
        add_file(name, nm, DT_NAMES[kind], 'pdf', True, ['edited_pdf_incremental'],
                 'issued PDF for %s; an appended incremental update replaces the page content so it names the borrower' % other['name'])
        attach(comp, nm, name, kind)

    # (5) seals copied across issuers
    # F21: seal lifted from the genuine CO1 scan (G01) onto a CO5 letterhead
    s = nxt(); cd = comp_dt('K58'); rng = np.random.default_rng(s)
    g = STORE['G01']; gim = Image.open(g['path'])
    sx, sy, sw, sh = g['page'].info['seals'][0]
    k = gim.width / g['page'].width
    stamp = red_stamp_from(gim, (int(sx * k) - 6, int(sy * k) - 6, int((sx + sw) * k) + 6, int((sy + sh) * k) + 6))
    stamp = stamp.resize((int(stamp.width / k), int(stamp.height / k)), Image.LANCZOS)
    d_issue = rdate(cd.date(), 4, 20)
    spec = make_spec('lizhi', person('许志鹏'), 'CO5', stamp, d_issue, rng)
    page = render_png(spec)
    name = out('F21', 'lizhi') + '.jpg'
    cl = capture(page, spec, 'scan_color', os.path.join(ATT, name), None, s)
    add_file(name, '许志鹏', '离职证明', cl, True, ['seal_copied_across_issuers'],
             'letterhead/issuer %s but the seal is lifted from %s\'s genuine certificate (G01)' % (ISS['CO5']['name'], ISS['CO1']['name']))
    attach('K58', '许志鹏', name, 'lizhi')
    # F22: H1 impression (the one in G03) reused on an H6 diagnosis certificate
    s = nxt(); cd = comp_dt('K36'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 4, 20)
    spec = make_spec('zhenduan', person('傅秋菊'), 'H6', STORE['G03']['imp'], d_issue, rng, dict(fk='hei'))
    page = render_png(spec)
    name = out('F22', 'zhenduan') + '.jpg'
    cl = capture(page, spec, 'phone', os.path.join(ATT, name), photo_time(d_issue, cd), s)
    add_file(name, '傅秋菊', '诊断证明书', cl, True, ['seal_copied_across_issuers'],
             'header %s; the seal impression is the exact one of %s taken from G03' % (ISS['H6']['name'], ISS['H1']['name']))
    attach('K36', '傅秋菊', name, 'zhenduan')
    # F23: V1 impression (from G07) on a V2-headed certificate
    s = nxt(); cd = comp_dt('K60'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 4, 20)
    spec = make_spec('pinkun', person('沈磊'), 'V2', STORE['G07']['imp'], d_issue, rng)
    page = render_png(spec)
    name = out('F23', 'pinkun') + '.jpg'
    cl = capture(page, spec, 'wechat', os.path.join(ATT, name), None, s)
    add_file(name, '沈磊', '家庭经济困难证明', cl, True, ['seal_copied_across_issuers'],
             'signed as %s but stamped with the seal impression of %s (from G07)' % (ISS['V2']['name'], ISS['V1']['name']))
    attach('K60', '沈磊', name, 'pinkun')
    # F24: E2 seal lifted from the G12 scan onto an E4 certificate, output as PDF
    s = nxt(); cd = comp_dt('K61'); rng = np.random.default_rng(s)
    g = STORE['G12']; gim = Image.open(g['path'])
    sx, sy, sw, sh = g['page'].info['seals'][0]
    k = gim.width / g['page'].width
    stamp = red_stamp_from(gim, (int(sx * k) - 6, int(sy * k) - 6, int((sx + sw) * k) + 6, int((sy + sh) * k) + 6))
    d_issue = rdate(cd.date(), 4, 20)
    spec = make_spec('shiye', person('彭晓红'), 'E4', stamp, d_issue, rng)
    name = out('F24', 'shiye') + '.pdf'
    render_pdf(spec, os.path.join(ATT, name), dict(title='scan', creator='Microsoft® Word 2016', producer='Microsoft® Word 2016'))
    add_file(name, '彭晓红', '就业失业登记证明', 'pdf', True, ['seal_copied_across_issuers'],
             'issuer %s but the seal image is cut from %s\'s genuine certificate (G12)' % (ISS['E4']['name'], ISS['E2']['name']))
    attach('K61', '彭晓红', name, 'shiye')

    # (6) name / ID mismatches
    def alt_birth(idn, newb):
        s17 = idn[:6] + newb + idn[14:17]
        return s17 + id_check(s17)
    MM = [('F25', '吕国栋', 'K62', 'lizhi', 'CO2', 'phone', lambda p: dict(p, name='吕国强'), 'name 吕国强 differs from the borrower (ID is the borrower\'s)'),
          ('F26', '苏晴', 'K63', 'zhenduan', 'T1', 'scan_color', lambda p: dict(p, id=make_id('510107', '19930407', 228)), 'borrower\'s name but another person\'s (valid) ID number'),
          ('F27', '徐桂芳', 'K11', 'chuyuan', 'H3', 'wechat', lambda p: dict(p, name='许桂芳'), 'surname 许 vs borrower 徐 (ID is the borrower\'s)'),
          ('F28', '梁小芳', 'K65', 'shiye', 'E1', 'png', lambda p: dict(P['黄晓东']), 'names another customer (黄晓东, with his ID) though submitted by 梁小芳'),
          ('F29', '杨光明', 'K66', 'pinkun', 'V2', 'pdf_scan', lambda p: dict(p, id=alt_birth(p['id'], '19900726')), 'borrower\'s name; ID with a different birth date (checksum valid) — not the borrower\'s')]
    for fn, nm, comp, kind, ik, cap, f, why in MM:
        s = nxt(); cd = comp_dt(comp); rng = np.random.default_rng(s)
        d_issue = rdate(cd.date(), 4, 25)
        shown = f(person(nm))
        spec = make_spec(kind, shown, ik, imp_of(ik, s), d_issue, rng)
        page = render_png(spec)
        name = out(fn, kind) + {'png': '.png', 'pdf_scan': '.pdf'}.get(cap, '.jpg')
        meta = {'app_title': '电子证照', 'footer': '下载证明'}
        cl = capture(page, spec, cap, os.path.join(ATT, name), photo_time(d_issue, cd), s, meta)
        add_file(name, nm, DT_NAMES[kind], cl, True, ['name_id_mismatch'], why)
        attach(comp, nm, name, kind)

    # (7) date inconsistencies
    s = nxt(); cd = comp_dt('K67'); rng = np.random.default_rng(s)
    d_issue = cd.date() + dt.timedelta(days=9)
    spec = make_spec('lizhi', person('胡春燕'), 'CO3', imp_of('CO3', s), d_issue, rng, dict(d_out=cd.date() - dt.timedelta(days=20)))
    page = render_png(spec)
    name = out('F30', 'lizhi') + '.jpg'
    cl = capture(page, spec, 'phone_dim', os.path.join(ATT, name), cd.replace(tzinfo=None) - dt.timedelta(hours=3), s)
    add_file(name, '胡春燕', '离职证明', cl, True, ['date_inconsistent'],
             'issue date %s is after the complaint was received (%s)' % (d_issue, cd.date()))
    attach('K67', '胡春燕', name, 'lizhi')

    s = nxt(); cd = comp_dt('K68'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 10, 30)
    spec = make_spec('zhenduan', person('李娜'), 'H1', imp_of('H1', s), d_issue, rng,
                     dict(d_visit='2026-09-31', d_issue_txt='2026年09月31日'))
    page = render_png(spec)
    name = out('F31', 'zhenduan') + '.jpg'
    cl = capture(page, spec, 'scan_color', os.path.join(ATT, name), None, s)
    add_file(name, '李娜', '诊断证明书', cl, True, ['date_inconsistent'], 'visit/issue date 2026-09-31 does not exist')
    attach('K68', '李娜', name, 'zhenduan')

    s = nxt(); cd = comp_dt('K69'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 5, 20)
    d_out = d_issue - dt.timedelta(days=1)
    spec = make_spec('chuyuan', person('冯淑珍'), 'T2', imp_of('T2', s), d_issue, rng, dict(d_out=d_out, d_in=d_out + dt.timedelta(days=12)))
    page = render_png(spec)
    name = out('F32', 'chuyuan') + '.jpg'
    cl = capture(page, spec, 'phone_screen', os.path.join(ATT, name), photo_time(d_issue, cd), s)
    add_file(name, '冯淑珍', '出院记录', cl, True, ['date_inconsistent'],
             'discharge date %s is before admission date %s' % (d_out, d_out + dt.timedelta(days=12)))
    attach('K69', '冯淑珍', name, 'chuyuan')

    s = nxt(); cd = comp_dt('K70'); rng = np.random.default_rng(s)
    d_issue = rdate(cd.date(), 10, 30)
    d_death = d_issue + dt.timedelta(days=6)
    spec = make_spec('siwang', person('萧永康'), 'H4', imp_of('H4', s), d_issue, rng, dict(d_death=d_death))
    page = render_png(spec)
    name = out('F33', 'siwang') + '.jpg'
    cl = capture(page, spec, 'wechat', os.path.join(ATT, name), None, s)
    add_file(name, '萧永康', '居民死亡医学证明书', cl, True, ['date_inconsistent'],
             'date of death %s is after the certificate\'s 填报日期 %s' % (d_death, d_issue))
    attach('K70', '萧永康', name, 'siwang')

    # (8) invalid ID numbers
    def bad_check(idn):
        c = idn[17]
        return idn[:17] + ('0' if c != '0' else '1')
    IV = [('F34', '赵雪梅', 'K07', 'zhenduan', 'H2', 'phone', bad_check, 'check digit wrong'),
          ('F35', '黄晓东', 'K72', 'pinkun', 'V1', 'scan_fax', lambda i: alt_birth(i, i[6:10] + '0229'), 'birth date %s0229 does not exist'),
          ('F36', '韩雪', 'K73', 'lizhi', 'CO1', 'pdf', lambda i: (lambda s17: s17 + id_check(s17))('96' + i[2:17]), 'region code 96xxxx does not exist')]
    for fn, nm, comp, kind, ik, cap, f, why in IV:
        s = nxt(); cd = comp_dt(comp); rng = np.random.default_rng(s)
        d_issue = rdate(cd.date(), 4, 25)
        p = person(nm); bad = f(p['id'])
        assert not id_valid(bad) or bad[:2] == '96' or bad[10:14] == '0229'
        spec = make_spec(kind, dict(p, id=bad), ik, imp_of(ik, s), d_issue, rng)
        page = render_png(spec)
        name = out(fn, kind) + ('.pdf' if cap == 'pdf' else '.jpg')
        cl = capture(page, spec, cap, os.path.join(ATT, name), photo_time(d_issue, cd), s,
                     dict(title='离职证明', author='HR', creator='WPS 文字', producer='WPS 文字'))
        add_file(name, nm, DT_NAMES[kind], cl, True, ['invalid_id_number', 'name_id_mismatch'],
                 'ID shown %s is not a valid GB 11643 number (%s); hence also not the borrower\'s' % (bad, why.replace('%s', bad[6:10])))
        attach(comp, nm, name, kind)

    write_tables()


TOPIC = {'lizhi': '本人已离职，目前没有收入来源，附离职证明', 'shiye': '我现在失业在家，已办理失业登记，附失业证明',
         'pinkun': '家庭经济十分困难，附村（街道）出具的困难证明', 'zhenduan': '本人生病正在治疗，附医院诊断证明',
         'chuyuan': '刚刚住院出院，附出院记录', 'siwang': '借款人已经去世，家属附上死亡证明', 'lvshihan': '我已委托律师处理，附律师函',
         'dibao': '我家是低保户，附低保证明', 'shouru': '单位停工待岗只发生活费，附停薪证明'}
ASK = ['申请停息挂账、分期还款。', '请求减免罚息并延期还款。', '请立即停止催收，不要再打电话给我家人。', '希望协商个性化分期方案。',
       '要求核销剩余债务。', '请贵司按规定处理，否则将向监管部门投诉。']


def final_names():
    """Give every attachment a neutral, capture-typical file name (IMG_..., mmexport..., Screenshot_..., scan...)."""
    rn = random.Random(1515)
    comp_of = {f: k for k, v in COMP_FILES.items() for f in v[1]}
    mapping, used = {}, set()
    keys = sorted(TRUTH)
    rn.shuffle(keys)
    for n, key in enumerate(keys):
        t = TRUTH[key]
        old = os.path.join(OUT, key)
        cd = CDATES[comp_of[key]].replace(tzinfo=None)
        when = cd - dt.timedelta(minutes=rn.randint(3, 600))
        if when.hour < 8:
            when = min(when.replace(hour=rn.randint(8, 11)), cd - dt.timedelta(minutes=5))
        cap = t['capture']
        if cap == 'phone_photo':
            ex = Image.open(old).getexif().get_ifd(0x8769).get(0x9003)
            if ex:
                when = dt.datetime.strptime(ex, '%Y:%m:%d %H:%M:%S')
            mk = Image.open(old).getexif().get(0x010F)
            nm = ('IMG_%04d.JPG' % rn.randint(1000, 9999)) if mk == 'Apple' else when.strftime('IMG_%Y%m%d_%H%M%S.jpg')
        elif cap == 'wechat_jpeg':
            nm = rn.choice(['mmexport%d.jpg' % (int(when.timestamp() * 1000) + rn.randint(0, 999)),
                            when.strftime('微信图片_%Y%m%d%H%M%S.jpg')])
        elif cap == 'scanner_jpeg':
            nm = rn.choice(['scan%04d.jpg' % rn.randint(1, 400), '%s扫描件.jpg' % t['doc_type'],
                            when.strftime('CCF%Y%m%d_%H%M%S.jpg'), 'IMG_%03d.jpg' % rn.randint(1, 300)])
        elif cap == 'png':
            nm = when.strftime('Screenshot_%Y%m%d_%H%M%S.png') if rn.random() < 0.6 else when.strftime('截图_%Y%m%d%H%M%S.png')
        else:
            nm = rn.choice(['%s.pdf' % t['doc_type'], '%s(%d).pdf' % (t['doc_type'], rn.randint(1, 9)),
                            'doc%08d.pdf' % rn.randint(0, 10 ** 8), '%s-扫描.pdf' % t['doc_type']])
        base, ext = os.path.splitext(nm)
        k = 1
        while nm in used:
            k += 1
            nm = '%s_%d%s' % (base, k, ext)
        used.add(nm)
        os.rename(old, os.path.join(ATT, '__' + nm))
        mapping[key] = 'attachments/' + nm
    for key, new in mapping.items():
        os.rename(os.path.join(OUT, os.path.dirname(new), '__' + os.path.basename(new)), os.path.join(OUT, new))
    short = {os.path.basename(k).split('_')[0]: v for k, v in mapping.items()}
    newtruth = {}
    for key, t in TRUTH.items():
        t = dict(t)
        t['note'] = re.sub(r'\b([GF]\d\d)\b', lambda m: short.get(m.group(1), m.group(1)), t['note'])
        newtruth[mapping[key]] = t
    TRUTH.clear(); TRUTH.update(newtruth)
    sh = {mapping[k]: v for k, v in SHOWN.items()}
    json.dump(sh, open(os.path.join(OUT, '_build', 'shown_person.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    for k, v in COMP_FILES.items():
        v[1] = [mapping[f] for f in v[1]]
    json.dump(mapping, open(os.path.join(OUT, '_build', 'internal_names.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)


def write_tables():
    final_names()
    chans = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
    rows = []
    for k in sorted(COMP_FILES, key=lambda k: CDATES[k]):
        nm, files, topics = COMP_FILES[k]
        c = P[nm]
        t = '；'.join(dict.fromkeys(TOPIC[x] for x in topics))
        if 'siwang' in topics:
            t = '我是%s的家属，' % nm + t
        rows.append(dict(customer_id=c['cid'], phone=c['phone'], text=t + '，' + ASK[int(R.integers(0, len(ASK)))],
                         attachments=files, received_at=CDATES[k].isoformat(), channel=chans[int(R.integers(0, 6))]))
    with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as fo:
        for i, r in enumerate(rows):
            d = dict(complaint_id='D15-%04d' % (i + 1), received_at=r['received_at'], channel=r['channel'],
                     customer_id=r['customer_id'], phone=r['phone'], text=r['text'], attachments=r['attachments'])
            fo.write(json.dumps(d, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as fo:
        w = csv.writer(fo)
        w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
        for c in CUST:
            w.writerow([c['cid'], c['name'], c['phone'], c['principal'], c['due'].isoformat(), c['overdue'], c['id']])
    with open(os.path.join(OUT, 'materials_truth.json'), 'w', encoding='utf-8') as fo:
        json.dump({'files': dict(sorted(TRUTH.items()))}, fo, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
