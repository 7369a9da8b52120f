# Build script for b29_docs. Seeds fixed: SEED=29029 (python random), numpy seeds derived from it.
import os, io, json, csv, random, datetime, math, shutil
import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, DictionaryObject, ArrayObject, NumberObject, TextStringObject, FloatObject
import lib
from lib import F, make_id, make_uscc, cn_date, make_seal, render_page, PW, PH
import pdfr

SEED = 29029
R = random.Random(SEED)
np.random.seed(SEED % 2 ** 31)
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
ATT = os.path.join(OUT, 'attachments')
shutil.rmtree(ATT, ignore_errors=True)
os.makedirs(ATT)
D = datetime.date
DT = datetime.datetime
LENDER = '瑞禾消费金融有限公司'

# ---------------- customers ----------------
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏海燕雪梅晓东春林斌浩宇婷')
AREAS_OLD = ['110105', '310104', '440305', '330106', '420111', '510107', '320106', '370212', '610113', '410105',
             '430104', '350203', '440106', '500105', '430523', '510104', '340104', '230103']
# districts created later than many holders' birth years (genuine)
AREAS_NEW = [('440309', 1988), ('120116', 1979), ('330113', 1985), ('440310', 1991), ('500112', 1983), ('310115', 1982)]
used_names, used_ids = set(), set()
customers = []


def new_person(newarea=None):
    while True:
        nm = R.choice(SUR) + ''.join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))
        if nm not in used_names:
            break
    used_names.add(nm)
    if newarea:
        area, by = newarea
        birth = D(by, R.randint(1, 12), R.randint(1, 28))
    else:
        area = R.choice(AREAS_OLD)
        birth = D(R.randint(1968, 2001), R.randint(1, 12), R.randint(1, 28))
    sex = R.choice('MF')
    while True:
        seq = R.randrange(1, 999)
        if (seq % 2 == 1) == (sex == 'M'):
            break
    idn = make_id(area, birth, seq)
    used_ids.add(idn)
    return dict(name=nm, id=idn, sex='男' if sex == 'M' else '女', birth=birth)


def new_customer(newarea=None):
    p = new_person(newarea)
    cid = f"C29{len(customers) + 101:04d}"
    phone = R.choice(['13', '15', '17', '18', '19']) + str(R.randint(0, 9)) + ''.join(R.choice('0123456789') for _ in range(8))
    c = dict(customer_id=cid, name=p['name'], phone=phone, principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000]) + R.randint(0, 99) * 10,
             next_due_date=str(D(2026, 10, 1) + datetime.timedelta(days=R.randint(0, 40))), overdue_days=R.choice([0, 0, 3, 15, 32, 61, 95, 120, 187]),
             id_number=p['id'], sex=p['sex'], birth=p['birth'])
    customers.append(c)
    return c


newarea_pool = list(AREAS_NEW)


def cust():
    if newarea_pool and R.random() < 0.15:
        return new_customer(newarea_pool.pop())
    return new_customer()


def age(c, d):
    b = c['birth']
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


# ---------------- issuers / seals ----------------
ISS = {
    'P1a': dict(name='上海市浦东新区花木街道办事处', seal=dict(center='证明专用章', star=True, shape='round'), style='letterhead', sub='地址：上海市浦东新区 联系电话：021-5833XXXX'),
    'P1b': dict(name='上海市浦东新区塘桥街道办事处', seal=dict(center='证明专用章', star=True, shape='round'), style='letterhead', sub='地址：上海市浦东新区 联系电话：021-5882XXXX'),
    'P2a': dict(name='武汉市洪山区第三人民医院', seal=dict(center='诊断证明专用章', star=False, shape='round'), style='hospital'),
    'P2b': dict(name='武汉市洪山区第五人民医院', seal=dict(center='诊断证明专用章', star=False, shape='round'), style='hospital'),
    'P3a': dict(name='邵阳县塘田市镇白竹村民委员会', seal=dict(center='', star=True, shape='round', reg='4305230101021'), style='plain'),
    'P3b': dict(name='邵阳县塘田市镇白石村民委员会', seal=dict(center='', star=True, shape='round', reg='4305230101027'), style='plain'),
    'P4a': dict(name='深圳市恒盛达电子科技有限公司', seal=dict(center='人事专用章', star=False, shape='oval'), style='letterhead', sub='Shenzhen Hengshengda Electronic Technology Co., Ltd.'),
    'P4b': dict(name='深圳市恒盛源电子科技有限公司', seal=dict(center='人事专用章', star=False, shape='oval'), style='letterhead', sub='Shenzhen Hengshengyuan Electronic Technology Co., Ltd.'),
    'P5a': dict(name='广东正衡律师事务所', seal=dict(center='', star=True, shape='round'), style='letterhead', sub='广州市天河区珠江新城 电话：020-3821XXXX', head_color=(20, 40, 120)),
    'P5b': dict(name='广东正恒律师事务所', seal=dict(center='', star=True, shape='round'), style='letterhead', sub='广州市越秀区环市东路 电话：020-8376XXXX', head_color=(20, 40, 120)),
    'P6a': dict(name='杭州市西湖区就业管理服务中心', seal=dict(center='业务专用章', star=True, shape='round', reg='3301060032158'), style='plain'),
    'P6b': dict(name='杭州市拱墅区就业管理服务中心', seal=dict(center='业务专用章', star=True, shape='round', reg='3301050027743'), style='plain'),
    'H3': dict(name='成都市武侯区人民医院', seal=dict(center='医务科', star=True, shape='round'), style='hospital'),
    'POL': dict(name='重庆市公安局渝北区分局龙溪派出所', seal=dict(center='户口专用章', star=True, shape='round'), style='plain'),
    'MZ': dict(name='郑州市金水区民政局', seal=dict(center='', star=True, shape='round', reg='4101050000318'), style='letterhead', sub='郑州市金水区 民政业务专用'),
    'C3': dict(name='北京星途互联网科技有限公司', seal=dict(center='', star=True, shape='round', reg='1101050123456'), style='letterhead', sub='北京市朝阳区望京 电话：010-6478XXXX', head_color=(30, 30, 30)),
    'C4': dict(name='南京金陵顺达物流有限公司', seal=dict(center='人力资源部', star=False, shape='oval'), style='plain'),
    'L3': dict(name='北京中聚律师事务所', seal=dict(center='', star=True, shape='round'), style='letterhead', sub='北京市东城区建国门内大街 电话：010-6518XXXX', head_color=(0, 0, 0)),
    # issuers used only by forgers
    'X1': dict(name='上海恒泰律师事务所', seal=dict(center='', star=True, shape='round'), style='letterhead', sub='上海市静安区 电话：021-6233XXXX', head_color=(20, 40, 120)),
    'X2': dict(name='深圳前海债安企业管理咨询有限公司', seal=dict(center='', star=True, shape='round', reg='4403050298811'), style='letterhead', sub='深圳市前海深港合作区', head_color=(120, 20, 20)),
    'X3': dict(name='湖南信和律师事务所', seal=dict(center='', star=True, shape='round'), style='letterhead', sub='长沙市岳麓区 电话：0731-8866XXXX', head_color=(20, 40, 120)),
    'X4': dict(name='浙江明诚律师事务所', seal=dict(center='', star=True, shape='oval'), style='plain'),
    'X5': dict(name='广州海穗法务咨询服务有限公司', seal=dict(center='法务专用章', star=True, shape='round'), style='letterhead', sub='广州市海珠区', head_color=(20, 40, 120)),
}
_seal_cache = {}


def seal_of(key, stamp_seed):
    s = ISS[key]['seal']
    k = (key, stamp_seed)
    if k not in _seal_cache:
        _seal_cache[k] = make_seal(ISS[key]['name'], center_text=s.get('center', ''), reg=s.get('reg', ''), shape=s['shape'],
                                   star=s['star'], size=250 if s['shape'] == 'round' else 210, seed=stamp_seed,
                                   color=(R.randint(200, 225), R.randint(20, 45), R.randint(30, 50)))
    return _seal_cache[k]


# ---------------- document content ----------------
HOSP_DX = ['重度抑郁发作', '腰椎间盘突出症（L4-5）', '乳腺恶性肿瘤术后', '2型糖尿病伴多并发症', '脑梗死恢复期', '慢性肾功能不全（CKD4期）', '股骨颈骨折', '急性心肌梗死']


def doc_content(dtype, key, c, issue, rng, over=None):
    """Return a doc dict. over: overrides of shown name/id/dates etc."""
    o = dict(name=c['name'], id=c['id_number'], sex=c['sex'], issue=issue)
    o.update(over or {})
    iss = ISS[key]
    dstyle = rng.choice([0, 0, 0, 2]) if iss['style'] != 'hospital' else rng.choice([0, 1])
    ds = lambda d: d if isinstance(d, str) else cn_date(d, dstyle)
    doc = dict(style=iss['style'], issuer=iss['name'], sub=iss.get('sub'), head_color=iss.get('head_color', (190, 20, 20)),
               font_idx=rng.choice([0, 0, 1]), fs=rng.choice([24, 25, 26, 27]), seal_angle=rng.uniform(-25, 25),
               seal_dx=rng.randint(-30, 30), seal_dy=rng.randint(-20, 20))
    track = {'name': o['name'], 'id': o['id'], 'date': ds(o['issue'])}
    no = f"{rng.randint(100, 999)}"
    if dtype == 'kunnan':
        doc.update(title='家庭经济困难证明', docno=f"浦街证〔2026〕{no}号",
                   paras=[f"兹证明{o['name']}（性别：{o['sex']}，身份证号码：{o['id']}）系我街道辖区常住居民。"
                          f"该居民因{rng.choice(['本人患病长期治疗', '配偶重病', '失业且需抚养两名未成年子女', '家庭主要劳动力意外受伤'])}，"
                          f"家庭人均月收入低于本市最低生活保障标准，经社区走访核实，家庭经济确有困难。", "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
    elif dtype == 'pinkun':
        n = o.get('people', rng.randint(3, 6))
        doc.update(title='贫困证明',
                   paras=[f"兹有我村村民{o['name']}，{o['sex']}，身份证号：{o['id']}，家庭人口{n}人。"
                          f"因{rng.choice(['父亲常年瘫痪在床', '本人务工受伤丧失劳动能力', '家中遭受洪灾房屋损毁', '母亲患尿毒症需长期透析'])}，"
                          f"家庭无稳定收入来源，生活十分困难，情况属实。", "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
        track['people'] = f"{n}人"
    elif dtype == 'zhenduan':
        adm = o.get('visit', o['issue'])
        dx = o.get('dx', rng.choice(HOSP_DX))
        doc.update(title='诊断证明书', docno=f"门诊号：{rng.randint(10 ** 7, 10 ** 8 - 1)}",
                   table=[('姓名', o['name']), ('性别', o['sex']), ('年龄', f"{o.get('age', 30)}岁"), ('身份证号', o['id']),
                          ('科室', rng.choice(['精神心理科', '骨科', '肿瘤科', '内分泌科', '神经内科', '肾内科'])), ('就诊日期', ds(adm)),
                          ('诊断', dx), ('医嘱', o.get('advice', f"建议休息{rng.choice(['两周', '一个月', '三个月'])}，定期复查，避免重体力劳动。"))],
                   paras=[], sign_lines=[f"医师：{rng.choice(SUR)}{rng.choice(GIV)}", f"日期：{ds(o['issue'])}"], signer=True)
        track['advice'] = '定期复查'
    elif dtype == 'chuyuan':
        a, b = o['adm'], o['dis']
        days = o.get('days', (b - a).days if not isinstance(b, str) else 12)
        doc.update(title='出院记录', docno=f"住院号：{rng.randint(10 ** 5, 10 ** 6 - 1)}",
                   table=[('姓名', o['name']), ('性别', o['sex']), ('身份证号', o['id']), ('入院日期', ds(a)), ('出院日期', ds(b)),
                          ('住院天数', f"{days}天"), ('入院诊断', rng.choice(HOSP_DX)), ('出院情况', '病情好转，准予出院，院外继续服药治疗。')],
                   paras=[], sign_lines=[f"主治医师：{rng.choice(SUR)}{rng.choice(GIV)}", f"{ds(o['issue'])}"], signer=True)
        track['adm'] = ds(a); track['dis'] = ds(b)
    elif dtype == 'siwang':
        dd = o['death']
        doc.update(title='居民死亡医学证明书', docno=f"编号：A{rng.randint(10 ** 8, 10 ** 9 - 1)}",
                   table=[('死者姓名', o['name']), ('性别', o['sex']), ('身份证号', o['id']), ('死亡日期', ds(dd)),
                          ('死亡地点', '医院'), ('直接死亡原因', rng.choice(['呼吸循环衰竭', '多器官功能衰竭', '急性心肌梗死'])),
                          ('根本死亡原因', rng.choice(['肺癌晚期', '肝癌晚期', '冠状动脉粥样硬化性心脏病'])), ('填报日期', ds(o['issue']))],
                   paras=[], sign_lines=[f"医师：{rng.choice(SUR)}{rng.choice(GIV)}", iss['name']], signer=True)
        track['death'] = ds(dd)
    elif dtype == 'zhuxiao':
        dd = o['death']
        doc.update(title='户口注销证明', docno=f"渝公龙溪户证字〔2026〕{no}号",
                   paras=[f"兹证明{o['name']}，{o['sex']}，公民身份号码{o['id']}，原系我所辖区常住户口，"
                          f"因死亡（死亡日期：{ds(dd)}），已于{ds(o['issue'])}在我所办理户口注销手续。", "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
    elif dtype == 'dibao':
        doc.update(title='最低生活保障证明', docno=f"金民低保〔2026〕{no}号",
                   paras=[f"{o['name']}（身份证号：{o['id']}）家庭经申请、审核、审批，符合城市最低生活保障条件，"
                          f"自{ds(o['issue'] - datetime.timedelta(days=rng.randint(60, 300)))}起纳入城市最低生活保障范围，现仍在保。", "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
    elif dtype == 'lizhi':
        st = o.get('start', D(rng.randint(2016, 2023), rng.randint(1, 12), rng.randint(1, 28)))
        en = o.get('end', o['issue'] - datetime.timedelta(days=rng.randint(0, 30)))
        doc.update(title='离职证明',
                   paras=[f"兹证明{o['name']}（身份证号码：{o['id']}）自{ds(st)}起在我公司{rng.choice(['生产部', '销售部', '仓储部', '运营部', '客服中心'])}"
                          f"任{rng.choice(['操作员', '销售专员', '仓管员', '运营专员', '客服专员'])}，"
                          f"于{ds(en)}因{rng.choice(['公司经营调整', '业务收缩裁员', '劳动合同期满不再续签', '个人原因'])}与我公司解除劳动合同，离职手续已办理完毕。",
                          "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
        track['end'] = ds(en)
    elif dtype == 'shouru':
        doc.update(title='收入证明',
                   paras=[f"兹证明{o['name']}（身份证号：{o['id']}）系我公司员工，因公司经营困难，自{ds(o['issue'] - datetime.timedelta(days=rng.randint(60, 200)))}起"
                          f"实行停工待岗，其月收入由原{rng.choice(['8,500', '6,200', '11,000', '7,800'])}元调整为{rng.choice(['2,100', '1,900', '2,490'])}元（当地最低工资标准）。",
                          "特此证明。"],
                   sign_lines=[iss['name'], ds(o['issue'])])
    elif dtype == 'shiye':
        reg = o.get('regdate', o['issue'] - datetime.timedelta(days=rng.randint(20, 150)))
        doc.update(title='失业登记证明', docno=f"登记编号：3301{rng.randint(10 ** 9, 10 ** 10 - 1)}",
                   table=[('姓名', o['name']), ('性别', o['sex']), ('公民身份号码', o['id']), ('失业登记日期', ds(reg)),
                          ('登记状态', '失业登记有效'), ('原工作单位', rng.choice(['杭州某电子商务有限公司', '杭州某餐饮管理有限公司', '杭州某科技有限公司']))],
                   paras=['经查询，上述人员已在本机构办理失业登记，登记状态有效。本证明仅证明查询时点状态。'],
                   sign_lines=[iss['name'], ds(o['issue'])])
        track['regdate'] = ds(reg)
    elif dtype == 'lvshi':
        lic = o['licence']
        lawyer = o.get('lawyer', rng.choice(SUR) + rng.choice(GIV) + rng.choice(GIV))
        doc.update(title='律师函', docno=f"{iss['name'][:2]}律函字〔2026〕第{no}号", to=f"致：{LENDER}",
                   paras=[f"{iss['name']}接受{o['name']}（身份证号：{o['id']}）的委托，指派本所律师就其与贵司借款合同纠纷一事致函如下：",
                          "委托人因失业、疾病等原因暂时丧失还款能力，并非恶意逃废债务。贵司及贵司委托的催收机构多次以电话轰炸、联系通讯录亲友等方式催收，"
                          "已严重影响委托人及其家人的正常生活。",
                          f"请贵司自收函之日起停止上述催收行为，并与委托人协商个性化分期还款方案。如贵司继续违规催收，本所将依法向监管部门投诉并追究相关法律责任。",
                          f"承办律师：{lawyer}    执业证号：{lic}"],
                   sign_lines=[iss['name'], ds(o['issue'])], signer=True)
        track['licence'] = lic
    else:
        raise ValueError(dtype)
    doc['track'] = track
    return doc


# ---------------- file emission ----------------
records = []  # dict(file, cust, forged, kinds, doc_type, capture, note, group)
counter = [0]


def fname(capture, dt, ext=None):
    counter[0] += 1
    n = R.randint(100000, 999999)
    if capture == 'phone_photo':
        return f"IMG_{dt:%Y%m%d}_{R.randint(8, 21):02d}{R.randint(0, 59):02d}{R.randint(0, 59):02d}.jpg"
    if capture == 'wechat_jpeg':
        return f"mmexport{int(DT(dt.year, dt.month, dt.day).timestamp()) * 1000 + R.randint(0, 86399999)}.jpg"
    if capture == 'scanner_jpeg':
        return f"scan_{dt:%Y%m%d}_{R.randint(1, 999):04d}.jpg"
    if capture == 'png':
        return f"Screenshot_{dt:%Y-%m-%d}-{R.randint(8, 22):02d}-{R.randint(0, 59):02d}-{R.randint(0, 59):02d}.png"
    return f"{R.choice(['doc', 'file', 'zm', 'cert', 'scan'])}_{dt:%m%d}_{n}.pdf"


def new_file(capture, dt):
    dt = dt - datetime.timedelta(days=1 + dt.toordinal() % 3)
    while True:
        f = fname(capture, dt)
        if not os.path.exists(os.path.join(ATT, f)):
            return f


PHONES = [('Apple', 'iPhone 13', '17.5.1'), ('HUAWEI', 'NOH-AN00', None), ('Xiaomi', 'M2012K11AC', None), ('OPPO', 'PFEM10', None),
          ('vivo', 'V2185A', None), ('Apple', 'iPhone 11', '16.6'), ('HONOR', 'ANY-AN00', None), ('Redmi', '22041211AC', None)]


def phone_exif(dt, software=None):
    dt = dt - datetime.timedelta(days=1 + dt.toordinal() % 3)
    mk, md, sw = R.choice(PHONES)
    t = DT(dt.year, dt.month, dt.day, R.randint(8, 22), R.randint(0, 59), R.randint(0, 59))
    return lib.exif_phone(mk, md, t, software or sw)


def capture_save(page, mode, rec_date, rng, pdfmeta=None):
    """mode: phone, phone_warm, phone_dim, phone_fold, phone_screen, scan, scan_gray, fax, photocopy,
    wechat_phone, wechat_scan, png, scanpdf, faxpdf. Returns (relpath, capture)."""
    if mode.startswith('phone'):
        img = lib.cap_phone(page, rng, light={'phone_warm': 'warm', 'phone_dim': 'dim'}.get(mode, 'normal'),
                            fold=(mode == 'phone_fold'), screen=(mode == 'phone_screen'))
        f = new_file('phone_photo', rec_date)
        lib.save_jpeg(img, os.path.join(ATT, f), q=rng.choice([85, 88, 90, 92]), exif=phone_exif(rec_date))
        return f, 'phone_photo'
    if mode.startswith('wechat'):
        if mode == 'wechat_phone':
            img = lib.cap_phone(page, rng, light=rng.choice(['normal', 'warm']))
        else:
            img = lib.cap_scan(page, rng)
        f = new_file('wechat_jpeg', rec_date)
        lib.wechat(img, os.path.join(ATT, f), rng)
        return f, 'wechat_jpeg'
    if mode in ('scan', 'scan_gray', 'fax', 'photocopy'):
        img = {'scan': lambda: lib.cap_scan(page, rng), 'scan_gray': lambda: lib.cap_scan(page, rng, gray=True),
               'fax': lambda: lib.cap_fax(page, rng), 'photocopy': lambda: lib.cap_photocopy(page, rng)}[mode]()
        f = new_file('scanner_jpeg', rec_date)
        lib.save_jpeg(img, os.path.join(ATT, f), q=rng.choice([75, 80, 85]), dpi=rng.choice([150, 200]))
        return f, 'scanner_jpeg'
    if mode == 'png':
        img = lib.screenshot(page, rng, clock=f"{rng.randint(8, 22)}:{rng.randint(0, 59):02d}", app=rng.choice(['文件预览', '图片', 'WPS Office', '浏览']))
        f = new_file('png', rec_date)
        img.save(os.path.join(ATT, f), 'PNG', optimize=True)
        return f, 'png'
    if mode in ('scanpdf', 'faxpdf'):
        img = lib.cap_scan(page, rng) if mode == 'scanpdf' else lib.cap_fax(page, rng)
        img = img.resize((PW * 85 // 100, PH * 85 // 100), Image.LANCZOS)
        f = new_file('pdf', rec_date)
        open(os.path.join(ATT, f), 'wb').write(pdfr.image_pdf(img, pdfmeta or {'creator': rng.choice(['Canon MF Scan Utility', 'Epson Scan 2', 'HP Smart', 'Brother iPrint&Scan']), 'producer': 'PDF Library'}))
        return f, 'pdf'
    raise ValueError(mode)


def add(f, c, cap, forged, kinds, dtype, note, rec, group=None):
    records.append(dict(file='attachments/' + f, cust=c, forged=forged, kinds=kinds, doc_type=dtype, capture=cap, note=note, rec=rec, group=group))


def rec_date():
    return D(2026, 8, 1) + datetime.timedelta(days=R.randint(0, 60))


def before(rd, lo=5, hi=80):
    return rd - datetime.timedelta(days=R.randint(lo, hi))


DTYPE_CN = {'kunnan': '家庭经济困难证明', 'pinkun': '贫困证明', 'zhenduan': '诊断证明书', 'chuyuan': '出院记录', 'siwang': '居民死亡医学证明书',
            'zhuxiao': '户口注销证明', 'dibao': '最低生活保障证明', 'lizhi': '离职证明', 'shouru': '收入证明', 'shiye': '失业登记证明', 'lvshi': '律师函'}


def make_doc(dtype, key, c, rd, rng, over=None, stamp_seed=None, seal=True):
    issue = (over or {}).get('issue') or before(rd)
    ov = dict(over or {})
    ov['issue'] = issue
    if dtype == 'zhenduan':
        ov.setdefault('age', age(c, issue if isinstance(issue, D) else rd))
        ov.setdefault('visit', issue)
    if dtype == 'chuyuan' and 'adm' not in ov:
        dis = issue - datetime.timedelta(days=rng.randint(0, 3))
        ov['adm'] = dis - datetime.timedelta(days=rng.randint(5, 25)); ov['dis'] = dis
    if dtype in ('siwang', 'zhuxiao') and 'death' not in ov:
        ov['death'] = issue - datetime.timedelta(days=rng.randint(1, 20) if dtype == 'zhuxiao' else rng.randint(0, 2))
    if dtype == 'lvshi' and 'licence' not in ov:
        ov['licence'] = lawyer_licence(rng)
    doc = doc_content(dtype, key, c, issue, rng, ov)
    if seal:
        doc['seal'] = seal_of(key, stamp_seed if stamp_seed is not None else rng.randint(0, 10 ** 6))
    return doc, ov


def lawyer_licence(rng):
    region = rng.choice(['14401', '11101', '13101', '14403', '13301'])
    return f"{region}{rng.randint(2008, 2022)}{rng.choice('12')}{rng.choice('01')}{rng.randint(100000, 999999)}"


def pdf_out(doc, rd, rng, meta=None, seal_img=None):
    data, boxes = pdfr.render_pdf(doc, seal_png=seal_img if seal_img is not None else doc.get('seal'), meta=meta, track=doc.get('track'))
    f = new_file('pdf', rd)
    open(os.path.join(ATT, f), 'wb').write(data)
    return f, data, boxes


# ============ GENUINE ============
G = [('kunnan', 'P1a', 'phone'), ('kunnan', 'P1a', 'scan'), ('kunnan', 'P1b', 'wechat_phone'), ('zhenduan', 'P2a', 'scan_gray'),
     ('zhenduan', 'P2a', 'phone_dim'), ('zhenduan', 'P2a', 'png'), ('chuyuan', 'P2a', 'pdf'), ('zhenduan', 'P2b', 'phone_fold'),
     ('chuyuan', 'P2b', 'wechat_scan'), ('pinkun', 'P3a', 'phone_warm'), ('pinkun', 'P3a', 'fax'), ('pinkun', 'P3b', 'photocopy'),
     ('lizhi', 'P4a', 'pdf'), ('lizhi', 'P4a', 'phone'), ('lizhi', 'P4b', 'scan'), ('shouru', 'P4b', 'wechat_phone'),
     ('lvshi', 'P5a', 'pdf'), ('lvshi', 'P5b', 'phone'), ('shiye', 'P6a', 'png'), ('shiye', 'P6a', 'scanpdf'),
     ('shiye', 'P6b', 'phone_screen'), ('shiye', 'P6b', 'wechat_scan'), ('siwang', 'H3', 'phone'), ('siwang', 'H3', 'scan'),
     ('zhenduan', 'H3', 'pdf'), ('zhuxiao', 'POL', 'phone_dim'), ('zhuxiao', 'POL', 'faxpdf'), ('dibao', 'MZ', 'scan'),
     ('dibao', 'MZ', 'wechat_phone'), ('lizhi', 'C3', 'png'), ('shouru', 'C3', 'pdf'), ('lizhi', 'C4', 'phone_fold'),
     ('lizhi', 'C4', 'photocopy'), ('lvshi', 'L3', 'pdf'), ('chuyuan', 'H3', 'phone_warm'), ('kunnan', 'P1b', 'scanpdf'),
     ('pinkun', 'P3b', 'wechat_phone'), ('lvshi', 'P5a', 'wechat_scan'), ('dibao', 'MZ', 'png'), ('shouru', 'C4', 'scan_gray')]
genuine_imgs = {}  # index -> (page image pre-capture, info, scanned image if any, doc)
death_cust = None
for i, (dt_, key, mode) in enumerate(G):
    rng = random.Random(SEED + 1000 + i)
    if dt_ == 'zhuxiao' and death_cust is not None and mode == 'phone_dim':
        c = death_cust  # same deceased borrower: death certificate + deregistration
    else:
        c = cust()
    if dt_ == 'siwang' and death_cust is None:
        death_cust = c
    rd = rec_date()
    gover = None
    if dt_ == 'zhuxiao' and c is death_cust:
        gi_ = death_date + datetime.timedelta(days=rng.randint(6, 15))
        gover = {'death': death_date, 'issue': gi_}
        if rd < gi_ + datetime.timedelta(days=5):
            rd = gi_ + datetime.timedelta(days=5)
    doc, ov = make_doc(dt_, key, c, rd, rng, over=gover)
    if dt_ == 'siwang' and c is death_cust and 'death_date' not in globals():
        death_date = ov['death']
    if mode == 'pdf':
        meta = {'creator': rng.choice(['HIS电子病历系统', 'Microsoft Word', 'WPS 文字', 'OA系统']), 'producer': rng.choice(['Microsoft: Print To PDF', 'WPS PDF', 'iText 5.5.13'])}
        f, data, boxes = pdf_out(doc, rd, rng, meta)
        add(f, c, 'pdf', False, [], DTYPE_CN[dt_], f"genuine, vector PDF from issuer {ISS[key]['name']}", rd)
        genuine_imgs[i] = dict(doc=doc, pdfseal=doc['seal'])
        continue
    page, info = render_page(doc, rng)
    if mode == 'scan':
        scanned = lib.cap_scan(page, rng, rot=0.0)
        f = new_file('scanner_jpeg', rd)
        lib.save_jpeg(scanned, os.path.join(ATT, f), q=85, dpi=200)
        cap = 'scanner_jpeg'
        genuine_imgs[i] = dict(doc=doc, scanned=scanned, info=info)
    else:
        f, cap = capture_save(page, mode, rd, rng)
    add(f, c, cap, False, [], DTYPE_CN[dt_], f"genuine {DTYPE_CN[dt_]} from {ISS[key]['name']}, capture={mode}", rd)

# ============ FORGED ============
fidx = [0]


def frng():
    fidx[0] += 1
    return random.Random(SEED + 5000 + fidx[0])


# --- U: lawyer letters with USCC as licence ---
U = [('X1', '31', '310106', 'pdf'), ('X2', '91', '440300', 'pdf'), ('X3', '31', '430104', 'phone'), ('X5', '91', '440105', 'wechat_phone'), ('X4', '31', '330106', 'pdf')]
for key, pre, area, mode in U:
    rng = frng(); c = cust(); rd = rec_date()
    lic = make_uscc(pre, area, rng)
    doc, ov = make_doc('lvshi', key, c, rd, rng, over={'licence': lic})
    if mode == 'pdf':
        f, _, _ = pdf_out(doc, rd, rng, {'creator': rng.choice(['WPS 文字', 'Microsoft Word']), 'producer': 'WPS PDF'})
        cap = 'pdf'
    else:
        page, _ = render_page(doc, rng)
        f, cap = capture_save(page, mode, rd, rng)
    add(f, c, cap, True, ['uscc_as_lawyer_licence'], '律师函', f"lawyer letter; 执业证号 field holds an 18-char USCC ({'law-firm 31' if pre == '31' else 'company 91'} prefix) of the issuing entity", rd)


def to_photo_xy(fwd, x, y):
    a = fwd
    den = a[6] * x + a[7] * y + 1
    return ((a[0] * x + a[1] * y + a[2]) / den, (a[3] * x + a[4] * y + a[5]) / den)


# phone capture that also returns forward mapping (reimplements perspective bookkeeping via a marker trick)
def phone_with_map(page, rng, light='normal'):
    # render a marker image through the same pipeline state to locate the page corners
    st = rng.getstate()
    img = lib.cap_phone(page, rng, light=light)
    rng2 = random.Random(); rng2.setstate(st)
    rng2.randint(0, 10 ** 6)
    sc = rng2.uniform(0.78, 0.88)
    CW, CH = 1200, 1600
    w, h = PW * sc * 1.15, PH * sc * 1.08
    x0, y0 = (CW - w) / 2 + rng2.uniform(-30, 30), (CH - h) / 2 + rng2.uniform(-30, 30)
    j = lambda: rng2.uniform(-45, 45)
    dst = [(x0 + j(), y0 + j()), (x0 + w + j(), y0 + j()), (x0 + w + j(), y0 + h + j()), (x0 + j(), y0 + h + j())]
    fwd = lib.persp_coeffs([(0, 0), (PW, 0), (PW, PH), (0, PH)], dst)
    return img, fwd


def paste_text_patch(img, box_page, text, fwd, rng, flat=True, font_idx=0):
    """Paint over a text box with a patch and write replacement text (simulates editor paste)."""
    x0, y0, x1, y1 = box_page
    if fwd:
        p0 = to_photo_xy(fwd, x0, y0); p1 = to_photo_xy(fwd, x1, y1)
        X0, Y0, X1, Y1 = int(p0[0]) - 3, int(p0[1]) - 2, int(p1[0]) + 6, int(p1[1]) + 2
    else:
        X0, Y0, X1, Y1 = int(x0) - 2, int(y0), int(x1) + 4, int(y1)
    a = np.asarray(img).astype(np.float32)
    ring = np.concatenate([a[Y0 - 6:Y0 - 2, X0:X1].reshape(-1, a.shape[2] if a.ndim == 3 else 1), a[Y1 + 2:Y1 + 6, X0:X1].reshape(-1, a.shape[2] if a.ndim == 3 else 1)])
    col = tuple(int(v) for v in np.median(ring, axis=0))
    im = img.copy(); d = ImageDraw.Draw(im)
    d.rectangle([X0, Y0, X1 + int((len(text) - 0) * 0), Y1], fill=col if len(col) > 1 else col[0])
    fs = int((Y1 - Y0) * 0.72)
    d.text((X0 + 2, Y0 + (Y1 - Y0 - fs) / 2 - 1), text, font=F(fs, font_idx), fill=(25, 25, 25) if img.mode == 'RGB' else 25)
    return im


# --- E: edited hardship proofs (borrower data correct; content edited) ---
# E1 shiye P6a phone photo -> pasted patch over registration date -> Photoshop re-save
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('shiye', 'P6a', c, rd, rng, over={'regdate': D(2025, 3, 12)})
page, info = render_page(doc, rng)
img, fwd = phone_with_map(page, rng)
newdate = cn_date(D(2026, 5, 18), 0) if '年' in doc['track']['regdate'] else '2026-05-18'
img2 = paste_text_patch(img, info['boxes']['失业登记日期'], newdate, fwd, rng, font_idx=doc['font_idx'])
f = new_file('phone_photo', rd)
ex = phone_exif(rd, software='Adobe Photoshop 25.3 (Windows)')
lib.save_jpeg(img2, os.path.join(ATT, f), q=90, exif=ex)
add(f, c, 'phone_photo', True, ['edited_image'], '失业登记证明', 'registration date replaced by a flat-colour pasted text patch; re-saved via Photoshop', rd)
E1_cust = c

# E2 zhenduan P2b scanner: cloned paper region erases part of the doctor's advice; re-saved JPEG
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('zhenduan', 'P2b', c, rd, rng, over={'advice': '建议休息两周，定期复查，之后可复工。', 'dx': '腰椎间盘突出症（L4-5）'})
page, info = render_page(doc, rng)
scanned = lib.cap_scan(page, rng, rot=0.0)
b = io.BytesIO(); scanned.save(b, 'JPEG', quality=82); scanned = Image.open(io.BytesIO(b.getvalue())).convert('RGB')
bx = info['boxes']['医嘱']
d_ = ImageDraw.Draw(page)
adv_font = F(doc['fs'], doc['font_idx'])
x_cut = int(bx[0] + d_.textlength('建议休息两周，定期复查', font=adv_font))
region = (x_cut, int(bx[1]), int(bx[2]) + 4, int(bx[3]))
wid, hei = region[2] - region[0], region[3] - region[1]
src = scanned.crop((120, PH - 260, 120 + wid, PH - 260 + hei))  # blank paper area from the same scan
scanned.paste(src, (region[0], region[1]))
f = new_file('scanner_jpeg', rd)
scanned.save(os.path.join(ATT, f), 'JPEG', quality=95, dpi=(200, 200))
add(f, c, 'scanner_jpeg', True, ['edited_image'], '诊断证明书', 'part of the 医嘱 (return-to-work sentence) covered with a cloned blank-paper region from the same scan; double JPEG save', rd)

# E3 chuyuan H3: date digits changed by transplanting digit glyphs from elsewhere in the same scan; forwarded via WeChat
rng = frng(); c = cust(); rd = rec_date()
dis = before(rd, 20, 40); adm = dis - datetime.timedelta(days=9)
doc, ov = make_doc('chuyuan', 'H3', c, rd, rng, over={'adm': adm, 'dis': dis, 'issue': dis})
doc['table'] = [(k, (v if k != '入院日期' else f"{adm:%Y-%m-%d}")) for k, v in doc['table']]
doc['table'] = [(k, (v if k != '出院日期' else f"{dis:%Y-%m-%d}")) for k, v in doc['table']]
page, info = render_page(doc, rng)
scanned = lib.cap_scan(page, rng, rot=0.0)
fnt = F(doc['fs'], doc['font_idx']); dd = ImageDraw.Draw(page)
# change admission month digit: take the same-position digit cell from the ID number row (a different digit glyph)
abx = info['boxes']['入院日期']; ibx = info['boxes']['身份证号']
adm_s = f"{adm:%Y-%m-%d}"; id_s = c['id_number']
pos = 6  # month tens/units position in YYYY-MM-DD -> units digit of month at index 6
target = str((int(adm_s[pos]) - 3) % 10)
k = next((k for k, ch in enumerate(id_s) if ch == target), None)
if k is None:
    target = id_s[0]; k = 0
sx0 = ibx[0] + dd.textlength(id_s[:k], font=fnt); sw = dd.textlength(id_s[k], font=fnt)
tx0 = abx[0] + dd.textlength(adm_s[:pos], font=fnt)
glyph = scanned.crop((int(sx0), int(ibx[1]), int(sx0 + sw + 1), int(ibx[3])))
scanned.paste((247, 246, 241), (int(tx0), int(abx[1]), int(tx0 + dd.textlength(adm_s[pos], font=fnt) + 1), int(abx[3])))
scanned.paste(glyph, (int(tx0), int(abx[1])))
f = new_file('wechat_jpeg', rd)
lib.wechat(scanned, os.path.join(ATT, f), rng)
add(f, c, 'wechat_jpeg', True, ['edited_image', 'date_inconsistent'], '出院记录', f"admission-date digit replaced with a digit glyph cut from the ID-number row of the same image (住院天数 field left unchanged at 9天)", rd)

# E4 lizhi C3 PNG screenshot: end date painted over and retyped with non-antialiased text; kept as PNG
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('lizhi', 'C3', c, rd, rng)
page, info = render_page(doc, rng)
bx = info['boxes']['end']
pg = page.copy(); dp = ImageDraw.Draw(pg)
dp.rectangle([bx[0], bx[1] + 2, bx[2] + 2, bx[3] - 2], fill=(255, 255, 255))
dp.fontmode = '1'
nd = ov['issue'] - datetime.timedelta(days=rng.randint(150, 240))
dp.text((bx[0], bx[1] + 5), cn_date(nd, 0) if '年' in doc['track']['end'] else f"{nd:%Y-%m-%d}", font=F(doc['fs'] - 1, 1 - doc['font_idx']), fill=(0, 0, 0))
img = lib.screenshot(pg, rng, clock='21:07', app='图片编辑')
f = new_file('png', rd); img.save(os.path.join(ATT, f), 'PNG', optimize=True)
add(f, c, 'png', True, ['edited_image'], '离职证明', 'departure date overwritten (white box + retyped non-antialiased text in the other font face); PNG screenshot, no JPEG re-save', rd)

# E5 pinkun P3b phone photo: household-size digit patched; re-saved by a beautify app
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('pinkun', 'P3b', c, rd, rng, over={'people': 3})
page, info = render_page(doc, rng)
img, fwd = phone_with_map(page, rng, light='warm')
img2 = paste_text_patch(img, info['boxes']['people'], '6人', fwd, rng, font_idx=doc['font_idx'])
f = new_file('phone_photo', rd)
lib.save_jpeg(img2, os.path.join(ATT, f), q=95, exif=lib.exif_phone('HUAWEI', 'NOH-AN00', DT(rd.year, rd.month, rd.day, 20, 14, 3) - datetime.timedelta(days=1 + rd.toordinal() % 3), '美图秀秀 10.3.0', extra=False))
add(f, c, 'phone_photo', True, ['edited_image'], '贫困证明', 'household size changed (3人 -> 6人) with a pasted patch; re-saved through a photo-beautify app', rd)

# --- R: re-used across borrowers ---
# R1 pinkun P3a rendered for three borrowers with identical stamp/date/number
rng0 = frng(); base_issue = D(2026, 6, 9); seal_seed = 777001
layout_seed = rng0.randint(0, 10 ** 6)
for j, mode in enumerate(['phone', 'wechat_phone', 'phone_dim']):
    c = cust(); rd = rec_date()
    r = random.Random(layout_seed)
    doc, ov = make_doc('pinkun', 'P3a', c, rd, r, over={'issue': base_issue, 'people': 4}, stamp_seed=seal_seed)
    page, _ = render_page(doc, random.Random(layout_seed))
    f, cap = capture_save(page, mode, rd, random.Random(layout_seed + j + 1))
    add(f, c, cap, True, ['reused_across_borrowers'], '贫困证明', 'same certificate (same date, wording, stamp impression and placement) reissued for 3 borrowers with only name/sex/ID changed; group R1', rd, group='R1')
# R2 zhenduan P2a: scanned for borrower A; then name/ID patched and re-photographed for borrower B
rng = frng(); cA = cust(); rdA = rec_date()
docA, ovA = make_doc('zhenduan', 'P2a', cA, rdA, rng)
pageA, infoA = render_page(docA, rng)
scanA = lib.cap_scan(pageA, rng, rot=0.0)
fA = new_file('scanner_jpeg', rdA); lib.save_jpeg(scanA, os.path.join(ATT, fA), q=85, dpi=200)
add(fA, cA, 'scanner_jpeg', True, ['reused_across_borrowers'], '诊断证明书', 'group R2 original used by this borrower; the same sheet reappears for another borrower with name/ID replaced', rdA, group='R2')
cB = cust(); rdB = rdA + datetime.timedelta(days=R.randint(3, 20))
if rdB > D(2026, 9, 30):
    rdB = D(2026, 9, 30)
pB = paste_text_patch(scanA, infoA['boxes']['姓名'], cB['name'], None, rng, font_idx=docA['font_idx'])
pB = paste_text_patch(pB, infoA['boxes']['身份证号'], cB['id_number'], None, rng, font_idx=docA['font_idx'])
pB = paste_text_patch(pB, infoA['boxes']['性别'], cB['sex'], None, rng, font_idx=docA['font_idx'])
pB = paste_text_patch(pB, infoA['boxes']['年龄'], f"{age(cB, ovA['issue'])}岁", None, rng, font_idx=docA['font_idx'])
imgB = lib.cap_phone(pB, rng, light='normal')
fB = new_file('phone_photo', rdB); lib.save_jpeg(imgB, os.path.join(ATT, fB), q=88, exif=phone_exif(rdB))
add(fB, cB, 'phone_photo', True, ['reused_across_borrowers', 'edited_image'], '诊断证明书', 'group R2: printout of the other borrower\'s scanned certificate with name/sex/age/ID patched, then photographed', rdB, group='R2')
# R3 shouru C3 PDF for borrower F, regenerated with G's name and printed+rescanned as PDF
rng = frng(); lay = rng.randint(0, 10 ** 6); iss3 = D(2026, 7, 2)
for j in range(2):
    c = cust(); rd = rec_date()
    if rd <= iss3:
        rd = iss3 + datetime.timedelta(days=10 + j)
    r = random.Random(lay)
    doc, ov = make_doc('shouru', 'C3', c, rd, r, over={'issue': iss3}, stamp_seed=888123)
    if j == 0:
        f, _, _ = pdf_out(doc, rd, r, {'creator': 'WPS 文字', 'producer': 'WPS PDF'}); cap = 'pdf'
    else:
        page, _ = render_page(doc, random.Random(lay))
        f, cap = capture_save(page, 'scanpdf', rd, random.Random(lay + 9))
    add(f, c, cap, True, ['reused_across_borrowers'], '收入证明', 'group R3: identical income certificate (same wording, amounts, date, stamp) for two borrowers, names/IDs swapped; one as PDF, one re-scanned to PDF', rd, group='R3')

# --- P: edited PDFs via incremental update ---
def incr_overlay(orig, box, newtext, font='WQY', fs=12, meta=None, extra_updates=0):
    from reportlab.pdfgen import canvas as cv
    from reportlab.lib.pagesizes import A4
    bb = io.BytesIO(); c2 = cv.Canvas(bb, pagesize=A4)
    x, y, w, h = box
    c2.setFillColorRGB(1, 1, 1); c2.rect(x - 1, y - 1, w + 3, h, fill=1, stroke=0)
    c2.setFillColorRGB(0, 0, 0); c2.setFont(font, fs); c2.drawString(x, y + 3, newtext)
    c2.showPage(); c2.save()
    data = orig
    for k in range(extra_updates):
        wr = PdfWriter(io.BytesIO(data), incremental=True)
        wr.add_metadata({'/ModDate': 'D:20260715093000+08\'00\''})
        o = io.BytesIO(); wr.write(o); data = o.getvalue()
    wr = PdfWriter(io.BytesIO(data), incremental=True)
    wr.pages[0].merge_page(PdfReader(io.BytesIO(bb.getvalue())).pages[0])
    if meta:
        wr.add_metadata(meta)
    o = io.BytesIO(); wr.write(o)
    return o.getvalue()


for j, (dt_, key) in enumerate([('lizhi', 'P4a'), ('kunnan', 'P1b'), ('dibao', 'MZ')]):
    rng = frng(); c = cust(); rd = rec_date()
    other = new_person()
    doc, ov = make_doc(dt_, key, c, rd, rng, over={'name': other['name'], 'id': other['id'], 'sex': c['sex']})
    data, boxes = pdfr.render_pdf(doc, seal_png=doc['seal'], meta={'creator': 'Microsoft Word', 'producer': 'Microsoft: Print To PDF'}, track=doc['track'])
    font = 'WQYM' if doc.get('font_idx') == 1 else 'WQY'
    fs = doc.get('pfs', 12)
    kinds = ['edited_pdf_incremental']
    if j == 0:
        new = incr_overlay(data, boxes['name'], c['name'], font, fs, meta={'/Producer': 'Adobe Acrobat Pro (64-bit) 24.2', '/ModDate': "D:20260801101500+08'00'"})
        new = incr_overlay(new, boxes['id'], c['id_number'], font, fs)
        note = 'name and ID replaced by white-box overlays in two appended incremental updates'
    elif j == 1:
        new = incr_overlay(data, boxes['name'], c['name'], font, fs, meta={'/Producer': '福昕PDF编辑器', '/ModDate': "D:20260720153000+08'00'"}, extra_updates=1)
        kinds.append('name_id_mismatch')
        note = 'name replaced in an incremental update; the ID number of the original holder was left in place'
    else:
        # full content-stream replacement: regenerate page with the borrower's name and swap /Contents in an update
        doc2 = dict(doc); doc2['paras'] = [p.replace(other['name'], c['name']).replace(other['id'], c['id_number']) for p in doc['paras']]
        d2, _ = pdfr.render_pdf(doc2, seal_png=doc['seal'], track={})
        r2 = PdfReader(io.BytesIO(d2))
        wr = PdfWriter(io.BytesIO(data), incremental=True)
        pg = wr.pages[0]
        # copy the new page's content over: merge new page onto a blanked original
        pg[NameObject('/Contents')] = ArrayObject()
        pg.merge_page(r2.pages[0])
        wr.add_metadata({'/Producer': 'PDFelement 9', '/ModDate': "D:20260805211200+08'00'"})
        o = io.BytesIO(); wr.write(o); new = o.getvalue()
        note = 'page content stream replaced in an incremental update (name and ID of original holder swapped to the borrower)'
    f = new_file('pdf', rd); open(os.path.join(ATT, f), 'wb').write(new)
    add(f, c, 'pdf', True, kinds, DTYPE_CN[dt_], note, rd)

# --- S: seals copied across issuers ---
def crop_seal(scanned, info, pad=150):
    x, y = info['seal_xy']
    return scanned.crop((int(x - pad), int(y - pad), int(x + pad), int(y + pad)))


src_idx = {k: i for i, (dt_, key, mode) in enumerate(G) if mode == 'scan' for k in [key]}
# S1: P1b kunnan with seal crop from genuine P1a scan
for j, (dt_, key, srckey, mode) in enumerate([('kunnan', 'P1b', 'P1a', 'scan'), ('pinkun', 'P3a', 'MZ', 'phone'), ('lizhi', 'C4', 'P4b', 'wechat_scan')]):
    rng = frng(); c = cust(); rd = rec_date()
    doc, ov = make_doc(dt_, key, c, rd, rng, seal=False)
    page, info = render_page(doc, rng)
    gi = genuine_imgs[src_idx[srckey]]
    patch = np.asarray(crop_seal(gi['scanned'], gi['info'], pad=140).convert('RGB')).astype(np.float32)
    red = patch[..., 0] - (patch[..., 1] + patch[..., 2]) / 2
    rgba = np.zeros(patch.shape[:2] + (4,), np.uint8)
    rgba[..., :3] = np.clip(patch, 0, 255).astype(np.uint8)
    rgba[..., 3] = np.clip((red - 18) * 2.2, 0, 255).astype(np.uint8)
    page = lib.stamp(page, Image.fromarray(rgba, 'RGBA'), info['seal_xy'], rng.uniform(-8, 8))
    f, cap = capture_save(page, mode, rd, rng)
    add(f, c, cap, True, ['seal_copied_across_issuers'], DTYPE_CN[dt_], f"document of {ISS[key]['name']} bearing a seal image cut from a genuine {ISS[srckey]['name']} document", rd)
# S4: P2b zhenduan PDF with the seal image lifted from the genuine P2a PDF
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('zhenduan', 'P2b', c, rd, rng, seal=False)
srcseal = next(v['pdfseal'] for k, v in genuine_imgs.items() if 'pdfseal' in v and G[k][1] == 'P2a')
f, _, _ = pdf_out(doc, rd, rng, {'creator': 'WPS 文字', 'producer': 'WPS PDF'}, seal_img=srcseal)
add(f, c, 'pdf', True, ['seal_copied_across_issuers'], '诊断证明书', 'PDF of 武汉市洪山区第五人民医院 carrying the seal image of 第三人民医院 lifted from a genuine PDF', rd)

# --- M: name / ID mismatches ---
M = [('zhenduan', 'H3', 'scan', 'other_id'), ('lizhi', 'P4b', 'phone', 'name_variant'), ('shiye', 'P6b', 'wechat_phone', 'other_person'),
     ('kunnan', 'P1a', 'png', 'same_birth_other_seq'), ('shouru', 'C4', 'pdf', 'relative')]
for dt_, key, mode, how in M:
    rng = frng(); c = cust(); rd = rec_date()
    if how == 'other_id':
        o = new_person(); over = {'id': o['id']}; note = "borrower's name with another person's (valid) ID number"
    elif how == 'name_variant':
        nm = c['name'][0] + ''.join(R.choice([g for g in GIV if g not in c['name']]) for _ in c['name'][1:])
        over = {'name': nm}; note = f"ID number is the borrower's but the name differs ({nm})"
    elif how == 'other_person':
        o = new_person(); over = {'name': o['name'], 'id': o['id'], 'sex': o['sex']}; note = 'certificate belongs to a different person (name and ID)'
    elif how == 'same_birth_other_seq':
        s17 = c['id_number'][:14] + f"{(int(c['id_number'][14:17]) + 2) % 1000:03d}"
        over = {'id': s17 + lib.id_check(s17)}; note = "borrower's name with a valid ID number differing only in the sequence digits"
    else:
        o = new_person(); nm = c['name'][0] + o['name'][1:]
        over = {'name': nm, 'id': o['id'], 'sex': o['sex']}; note = 'certificate of a person sharing the surname (different name and ID)'
    doc, ov = make_doc(dt_, key, c, rd, rng, over=over)
    if mode == 'pdf':
        f, _, _ = pdf_out(doc, rd, rng, {'creator': 'WPS 文字', 'producer': 'WPS PDF'}); cap = 'pdf'
    elif mode == 'scan':
        page, _ = render_page(doc, rng); f, cap = capture_save(page, 'scan', rd, rng)
    else:
        page, _ = render_page(doc, rng); f, cap = capture_save(page, mode, rd, rng)
    add(f, c, cap, True, ['name_id_mismatch'], DTYPE_CN[dt_], note, rd)

# --- T: date inconsistencies ---
# T1 issue date after complaint received
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('zhenduan', 'P2b', c, rd, rng, over={'issue': rd + datetime.timedelta(days=6)})
page, _ = render_page(doc, rng); f, cap = capture_save(page, 'phone', rd, rng)
add(f, c, cap, True, ['date_inconsistent'], '诊断证明书', 'issue/visit date is 6 days after the complaint was received', rd)
# T2 impossible calendar date (2026-02-29)
rng = frng(); c = cust(); rd = rec_date()
doc, ov = make_doc('shiye', 'P6a', c, rd, rng, over={'regdate': '2026年2月29日'})
page, _ = render_page(doc, rng); f, cap = capture_save(page, 'scan_gray', rd, rng)
add(f, c, cap, True, ['date_inconsistent'], '失业登记证明', 'registration date 2026年2月29日 does not exist (2026 is not a leap year)', rd)
# T3 discharge before admission (PDF)
rng = frng(); c = cust(); rd = rec_date()
iss_ = before(rd, 10, 40)
doc, ov = make_doc('chuyuan', 'P2a', c, rd, rng, over={'issue': iss_, 'adm': iss_ - datetime.timedelta(days=2), 'dis': iss_ - datetime.timedelta(days=16), 'days': 14})
f, _, _ = pdf_out(doc, rd, rng, {'creator': 'Microsoft Word', 'producer': 'Microsoft: Print To PDF'})
add(f, c, 'pdf', True, ['date_inconsistent'], '出院记录', 'discharge date is 14 days before the admission date', rd)
# T4 death date after the certificate's fill-in date, and after complaint (with seal copied? no: single kind)
rng = frng(); c = cust(); rd = rec_date()
iss_ = before(rd, 15, 40)
doc, ov = make_doc('siwang', 'H3', c, rd, rng, over={'issue': iss_, 'death': iss_ + datetime.timedelta(days=11)})
page, _ = render_page(doc, rng); f, cap = capture_save(page, 'wechat_phone', rd, rng)
add(f, c, cap, True, ['date_inconsistent'], '居民死亡医学证明书', 'death date is 11 days after the certificate fill-in (填报) date', rd)

# --- I: invalid ID numbers ---
for j, (dt_, key, mode) in enumerate([('lizhi', 'P4a', 'scan'), ('kunnan', 'P1b', 'png'), ('dibao', 'MZ', 'phone_warm')]):
    rng = frng(); c = cust(); rd = rec_date()
    idn = c['id_number']
    if j == 0:
        bad = idn[:17] + next(ch for ch in '0123456789X' if ch != idn[17]); note = 'ID number with a wrong check digit'
    elif j == 1:
        s17 = idn[:6] + idn[6:10] + '11' + '31' + idn[14:17]; bad = s17 + lib.id_check(s17); note = 'ID number with impossible birth date (Nov 31), check digit otherwise consistent'
    else:
        bad = idn[:9] + idn[10:]; note = 'ID number has 17 characters (one digit dropped)'
    doc, ov = make_doc(dt_, key, c, rd, rng, over={'id': bad})
    page, _ = render_page(doc, rng); f, cap = capture_save(page, mode, rd, rng)
    add(f, c, cap, True, ['invalid_id_number', 'name_id_mismatch'], DTYPE_CN[dt_], note + "; differs from the borrower's record", rd)

# ============ shuffle customer ids (so ids do not follow build order) ============
perm = list(range(len(customers))); R.shuffle(perm)
for c, p in zip(customers, perm):
    c['customer_id'] = f"C29{p + 101:04d}"
customers.sort(key=lambda c: c['customer_id'])
# ============ complaints ============
TXT = {
    '家庭经济困难证明': ['本人家庭经济困难，实在无力按期还款，附街道出具的困难证明，请求减免利息、延期还款。', '家里困难情况属实，街道已开证明（见附件），希望停催并协商分期。'],
    '贫困证明': ['我家是村里的困难户，附村委会贫困证明，请求停止催收，减免罚息。', '附件为村委会开具的贫困证明，请贵司核实后给予个性化分期。'],
    '诊断证明书': ['本人患病住院治疗，无法工作，附医院诊断证明，申请延期还款。', '我生病了没有收入，诊断证明已作为附件上传，请停止催收电话。'],
    '出院记录': ['刚出院，还在康复期，附出院记录，申请暂停还款三个月。', '附住院出院记录，因病无力还款，请协商。'],
    '居民死亡医学证明书': ['借款人已去世，我是家属，附死亡证明，请核销账户并停止联系家人。', '借款人已经病故，附医院开具的死亡证明，请停止催收。'],
    '户口注销证明': ['借款人已经去世，户口已注销（附派出所证明），请处理账户。'],
    '最低生活保障证明': ['我家是低保户，附低保证明，无力偿还，请求减免。', '本人低保在保，附民政部门证明，请给予还款宽限。'],
    '离职证明': ['本人已被公司裁员失业，附离职证明，请求停息挂账。', '失业了没有收入，附离职证明，申请延期。'],
    '收入证明': ['公司停工待岗，收入大幅下降，附单位收入证明，申请降低月供。'],
    '失业登记证明': ['本人已失业并办理失业登记，附证明，请求延期还款。', '附失业登记证明，目前没有收入来源，请协商还款方案。'],
    '律师函': ['附律师函，请贵司停止暴力催收并与我的代理律师联系协商。', '我已委托律师处理，附律师函，请贵司按函件要求停止催收。'],
}
CH = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
bycust = {}
for r in records:
    bycust.setdefault(r['cust']['customer_id'], []).append(r)
order = list(bycust.keys()); R.shuffle(order)
complaints = []
for k, cid in enumerate(order):
    rs = bycust[cid]; c = rs[0]['cust']
    rd = max(r['rec'] for r in rs)
    t = DT(rd.year, rd.month, rd.day, R.randint(8, 22), R.randint(0, 59), R.randint(0, 59))
    text = R.choice(TXT[rs[0]['doc_type']])
    if len(rs) > 1:
        text += '另附' + '、'.join(r['doc_type'] for r in rs[1:]) + '。'
    phone = c['phone'] if R.random() < 0.85 else R.choice(['13', '17', '18']) + ''.join(R.choice('0123456789') for _ in range(9))
    complaints.append(dict(complaint_id=f"D29-{k + 1:04d}", received_at=t.strftime('%Y-%m-%dT%H:%M:%S+08:00'), channel=R.choice(CH),
                           customer_id=cid, phone=phone, text=text, attachments=[r['file'] for r in rs]))
complaints.sort(key=lambda x: x['complaint_id'])
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as fh:
    for cpl in complaints:
        fh.write(json.dumps(cpl, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for c in customers:
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], c['next_due_date'], c['overdue_days'], c['id_number']])
truth = {'files': {}}
for r in sorted(records, key=lambda r: r['file']):
    truth['files'][r['file']] = dict(forged=r['forged'], kinds=r['kinds'], doc_type=r['doc_type'], capture=r['capture'], note=r['note'] + (f" [customer {r['cust']['customer_id']}]"))
with open(os.path.join(OUT, 'materials_truth.json'), 'w', encoding='utf-8') as fh:
    json.dump(truth, fh, ensure_ascii=False, indent=1)
print('files', len(records), 'complaints', len(complaints), 'customers', len(customers))
