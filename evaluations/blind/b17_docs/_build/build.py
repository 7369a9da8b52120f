# Build script for b17_docs. Deterministic: master seed 17017.
import os, io, json, csv, datetime as dt, random
import numpy as np
from PIL import Image, ImageDraw, PngImagePlugin
import lib
from lib import Doc, font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ATT = os.path.join(ROOT, 'attachments')
os.makedirs(ATT, exist_ok=True)
R = random.Random(17017)
NR = np.random.default_rng(17017)
LENDER = '安和消费金融股份有限公司'

# ---------------- customers ----------------
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛')
GIV = list('伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红鹏辉建国志宏海波宁婷雪梅晨浩宇欣怡子涵俊峰文斌春燕凯琳')
# area codes; some districts created after holders' birth (genuine, not an error)
AREAS = [('110119', (1978, 1992)), ('330110', (1972, 1990)), ('320117', (1980, 1995)), ('500156', (1976, 1990)), ('330113', (1985, 1998)),
         ('440115', (1980, 1996)), ('510107', (1975, 1999)), ('411503', (1970, 1995)), ('410105', (1980, 1998)), ('330106', (1975, 1998)),
         ('320106', (1978, 1997)), ('440306', (1983, 1999)), ('420111', (1975, 1995)), ('430104', (1980, 1996))]
used_names = set()
def new_name():
    while True:
        n = R.choice(SUR) + R.choice(GIV) + (R.choice(GIV) if R.random() < 0.7 else '')
        if n not in used_names:
            used_names.add(n); return n
def new_id(sex=None, area=None, yr=None):
    a, (y0, y1) = R.choice(AREAS) if area is None else (area, (1975, 1995))
    y = yr or R.randint(y0, y1)
    b = dt.date(y, 1, 1) + dt.timedelta(days=R.randint(0, 364))
    seq = R.randint(10, 998)
    if sex is not None:
        seq = seq - seq % 2 + (1 if sex == 'M' else 0)
    return lib.make_id(a, b.strftime('%Y%m%d'), seq)

customers = []
def new_customer():
    i = len(customers) + 1
    idn = new_id()
    c = dict(customer_id=f'C17{i:04d}', name=new_name(), phone=f'1{R.choice("3578")}{R.randint(0,9)}{R.randint(10000000,99999999)}',
             principal=R.choice([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000]) + R.randint(0, 20) * 100,
             overdue_days=R.choice([0, 0, 5, 12, 31, 45, 62, 95, 120, 183]), id_number=idn)
    c['sex'] = 'M' if int(idn[16]) % 2 else 'F'
    c['age'] = 2026 - int(idn[6:10])
    c['received'] = dt.datetime(2026, 8, 1, 9) + dt.timedelta(days=R.randint(0, 59), hours=R.randint(0, 11), minutes=R.randint(0, 59))
    c['next_due_date'] = (c['received'].date() + dt.timedelta(days=R.randint(3, 30))).isoformat()
    customers.append(c)
    return c

def cd(d):  # Chinese date
    return f'{d.year}年{d.month}月{d.day}日'
def before(c, lo, hi):
    return c['received'].date() - dt.timedelta(days=R.randint(lo, hi))

# ---------------- issuers & seals ----------------
IS = {
 'H1': dict(name='杭州市西湖区人民医院', kind='hosp', seal=dict(shape='round', star=True, bottom='诊断证明专用章', regno='3301060042157'), lh='redline', color=(170, 20, 30)),
 'H2': dict(name='杭州市上城区人民医院', kind='hosp', seal=dict(shape='round', star=True, bottom='诊断证明专用章', regno='3301020038815'), lh='redline', color=(170, 20, 30)),
 'H3': dict(name='南京市第一人民医院', kind='hosp', seal=dict(shape='oval', star=False, center_text='住院处专用章'), lh='band', color=(20, 70, 140)),
 'H4': dict(name='南京市第二人民医院', kind='hosp', seal=dict(shape='oval', star=False, center_text='住院处专用章'), lh='band', color=(20, 70, 140)),
 'H5': dict(name='信阳市平桥区人民医院', kind='hosp', seal=dict(shape='round', star=True, bottom='医学证明专用章'), lh='plain', color=(0, 0, 0)),
 'S1': dict(name='成都市武侯区浆洗街街道办事处', kind='street', seal=dict(shape='round', star=True), lh='redline', color=(190, 10, 10)),
 'S2': dict(name='成都市武侯区望江路街道办事处', kind='street', seal=dict(shape='round', star=True), lh='redline', color=(190, 10, 10)),
 'V1': dict(name='信阳市平桥区胡店乡杨湾村民委员会', kind='village', seal=dict(shape='round', star=True), lh='none', color=(0, 0, 0)),
 'V2': dict(name='信阳市平桥区胡店乡王岗村民委员会', kind='village', seal=dict(shape='round', star=True), lh='none', color=(0, 0, 0)),
 'C1': dict(name='深圳市恒远达物流有限公司', kind='co', seal=dict(shape='round', star=True, regno='4403060217745'), lh='band', color=(30, 110, 80)),
 'C2': dict(name='深圳市恒远通物流有限公司', kind='co', seal=dict(shape='round', star=True, regno='4403060231908'), lh='band', color=(30, 110, 80)),
 'C3': dict(name='广州市穗联餐饮管理有限公司', kind='co', seal=dict(shape='round', star=True, bottom='人事专用章'), lh='plain', color=(0, 0, 0)),
 'L1': dict(name='上海正衡律师事务所', kind='law', seal=dict(shape='round', star=True), lh='band', color=(40, 40, 60)),
 'L2': dict(name='上海正恒律师事务所', kind='law', seal=dict(shape='round', star=True), lh='band', color=(40, 40, 60)),
 'R1': dict(name='郑州市金水区人力资源和社会保障局', kind='hrss', seal=dict(shape='round', star=True, bottom='业务专用章'), lh='redline', color=(200, 0, 0)),
 'R2': dict(name='郑州市中原区人力资源和社会保障局', kind='hrss', seal=dict(shape='round', star=True, bottom='业务专用章'), lh='redline', color=(200, 0, 0)),
 'F1': dict(name='北京德正律师事务所', kind='law', seal=dict(shape='oval', star=False, center_text='律师事务所'), lh='band', color=(90, 20, 20)),
 'F2': dict(name='广东衡信律师事务所', kind='law', seal=dict(shape='round', star=True, fidx=1), lh='plain', color=(0, 0, 0)),
 'F3': dict(name='湖南正本律师事务所', kind='law', seal=dict(shape='round', star=False, center_text='律师函专用'), lh='redline', color=(120, 0, 0)),
}
GEOM = {k: lib.seal_geom(v['name'], **v['seal']) for k, v in IS.items()}
IMPCACHE = {}
def impression(iss, seed, angle=None):
    key = (iss, seed, angle)
    if key not in IMPCACHE:
        IMPCACHE[key] = lib.seal_impression(GEOM[iss], seed, angle=angle)
    return IMPCACHE[key]

# ---------------- doc content ----------------
DIAG = ['腰椎间盘突出症（L4-L5）', '2型糖尿病伴周围神经病变', '慢性肾功能不全（CKD 3期）', '重度抑郁发作', '乳腺恶性肿瘤术后', '冠状动脉粥样硬化性心脏病', '股骨颈骨折']
REASON_RESIGN = ['公司经营调整', '个人原因', '岗位撤销', '合同到期不再续签']

def build_doc(dtype, iss, p, f, seal_seed, seal_iss=None, seal_angle=None, layout=0):
    """p: person dict(name,id,sex,age); f: fields dict. Returns Doc (stamped image in d.im)."""
    I = IS[iss]
    d = Doc(paper=(255, 255, 253) if layout % 2 else (255, 255, 255))
    fidx = 1 if layout == 2 else 0
    if I['lh'] != 'none':
        d.letterhead(I['name'], I['lh'], color=I['color'], sub=f.get('sub'), docno=f.get('docno'), fidx=fidx)
    else:
        d.y = 160
        if f.get('docno'):
            d.d.text((d.R, d.y), f['docno'], font=font(22, 1), fill=(30, 30, 30), anchor='ra'); d.y += 40
    if dtype == 'diag':
        d.title('诊断证明书')
        if layout == 1:
            d.table([('姓　名', [(p['name'], 'name')]), ('性　别', '男' if p['sex'] == 'M' else '女'), ('年　龄', f"{p['age']}岁"),
                     ('身份证号', [(p['id'], 'id')]), ('就诊日期', [(cd(f['visit']), 'visit')]), ('诊　断', [(f['diag'], 'diag')]),
                     ('医　嘱', f['advice'])], fidx=fidx)
        else:
            d.para(['患者', (p['name'], 'name'), '，', '男' if p['sex'] == 'M' else '女', f"，{p['age']}岁，身份证号：", (p['id'], 'id'), '，于',
                    (cd(f['visit']), 'visit'), '来我院就诊。'], fidx=fidx)
            d.para(['诊断：', (f['diag'], 'diag'), '。'], fidx=fidx)
            d.para(['医嘱：' + f['advice']], fidx=fidx)
        d.para([f"医师：{f['doctor']}"], indent=0, fidx=fidx)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue')]], fidx=fidx)
    elif dtype == 'inpatient':
        d.title('出院记录' if layout != 1 else '住院证明', size=48)
        rows = [('姓　名', [(p['name'], 'name')]), ('身份证号', [(p['id'], 'id')]), ('住院号', f['ipno']),
                ('入院日期', [(cd(f['adm']), 'adm')]), ('出院日期', [(cd(f['dis']), 'dis')]),
                ('住院天数', f"{(f['dis'] - f['adm']).days}天" if f['dis'] >= f['adm'] else f"{abs((f['dis'] - f['adm']).days)}天"),
                ('出院诊断', [(f['diag'], 'diag')]), ('出院医嘱', f['advice'])]
        d.table(rows, fidx=fidx, size=26, rh=64)
        c = d.sign([I['name'] + '住院处', [(cd(f['issue']), 'issue')]], fidx=fidx)
    elif dtype == 'death':
        d.title('居民死亡医学证明（推断）书', size=42, spacing=False)
        d.table([('死者姓名', [(p['name'], 'name')]), ('性　别', '男' if p['sex'] == 'M' else '女'), ('身份证号', [(p['id'], 'id')]),
                 ('出生日期', f"{p['id'][6:10]}年{int(p['id'][10:12])}月{int(p['id'][12:14])}日"),
                 ('死亡日期', [(cd(f['death']), 'death')]), ('死亡地点', f['place']), ('直接死亡原因', f['cause']),
                 ('医师签名', f['doctor']), ('填报日期', [(cd(f['issue']), 'issue')])], col1=300, size=26, rh=66, fidx=fidx)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue2')]], fidx=fidx)
    elif dtype == 'resign':
        d.title('离职证明')
        d.para(['兹证明', (p['name'], 'name'), '（身份证号：', (p['id'], 'id'), f"）自{cd(f['start'])}起在我公司担任{f['post']}职务，于",
                (cd(f['leave']), 'leave'), f"因{f['reason']}与我公司解除劳动合同，离职前月均收入", (f['salary'], 'salary'), '元。相关离职手续已办理完毕，双方无劳动争议。'], fidx=fidx)
        d.para(['特此证明。'], fidx=fidx)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue')]], fidx=fidx)
    elif dtype == 'unemp':
        d.title('失业证明' if I['kind'] == 'street' else '就业失业登记证明', size=48, spacing=I['kind'] == 'street')
        d.para(['兹有', (p['name'], 'name'), '，身份证号：', (p['id'], 'id'), f"，户籍/常住地址：{f['addr']}。该同志自", (cd(f['since']), 'since'),
                f"起处于失业状态，无固定收入，已于{cd(f['reg'])}在我处办理失业登记，登记编号{f['regno']}。"], fidx=fidx)
        d.para(['特此证明。本证明有效期三个月。'], fidx=fidx)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue')]], fidx=fidx)
    elif dtype == 'poverty':
        d.title('家庭经济困难证明', size=46, spacing=False)
        d.para(['兹有我村村民', (p['name'], 'name'), '，身份证号', (p['id'], 'id'), f"，家庭人口{f['n']}人。", (f['why'], 'why'),
                '，家庭年人均收入不足', (f['inc'], 'inc'), '元，生活十分困难，无力按期偿还债务。'], fidx=fidx, size=32)
        d.para(['情况属实，特此证明。'], fidx=fidx, size=32)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue')]], fidx=fidx, size=32)
    elif dtype == 'lawyer':
        d.title('律师函', size=56)
        d.para([f"{f['no']}"], indent=0, size=24, fidx=1)
        d.para([f'致：{LENDER}'], indent=0, size=28)
        d.para([f"{I['name']}接受", (p['name'], 'name'), '（身份证号：', (p['id'], 'id'),
                f"）的委托，指派本所律师就其与贵司之间的借款合同纠纷事宜，致函如下：委托人因{f['why']}，目前确无能力按原约定还款。贵司在催收过程中存在{f['issue_txt']}等情形，严重影响委托人正常生活。"], size=27)
        d.para(['现特函告贵司：一、立即停止对委托人及其亲友的一切催收行为；二、与委托人协商个性化分期还款方案，减免罚息及相关费用；三、请于收函之日起七个工作日内与本律师联系。'], size=27)
        d.para([f"承办律师：{f['lawyer']}　执业证号：", (f['lic'], 'lic'), f"　联系电话：{f['tel']}"], indent=0, size=25)
        c = d.sign([I['name'], [(cd(f['issue']), 'issue')]], size=28)
    d.footer(f.get('foot', ''))
    im = d.im
    si = seal_iss or iss
    if si:
        imp = impression(si, seal_seed, seal_angle)
        r = random.Random(seal_seed)
        im = lib.stamp(im, imp, c[0] + r.randint(-30, 30), c[1] + r.randint(-20, 20))
    d.im = im
    return d

def fields_for(dtype, iss, c, issue, rr):
    f = dict(issue=issue, docno=f"编号：{issue.year}{rr.randint(1000, 9999)}")
    if dtype == 'diag':
        f.update(visit=issue - dt.timedelta(days=rr.randint(0, 6)), diag=rr.choice(DIAG), advice=rr.choice(['建议全休三个月，定期复查。', '需长期服药治疗，避免劳累。', '建议休息六周，门诊随诊。']),
                 doctor=rr.choice(['陈立群', '王海燕', '李志远', '周敏']))
    elif dtype == 'inpatient':
        adm = issue - dt.timedelta(days=rr.randint(10, 40)); dis = adm + dt.timedelta(days=rr.randint(5, 25))
        f.update(adm=adm, dis=min(dis, issue), ipno=f"ZY{rr.randint(100000, 999999)}", diag=rr.choice(DIAG), advice='出院后继续药物治疗，一月后复诊，全休。')
    elif dtype == 'death':
        f.update(death=issue - dt.timedelta(days=rr.randint(1, 5)), place=rr.choice(['医疗卫生机构', '家中']), cause=rr.choice(['急性心肌梗死', '脑出血', '呼吸衰竭']), doctor=rr.choice(['刘建华', '许文']))
    elif dtype == 'resign':
        f.update(start=dt.date(rr.randint(2018, 2023), rr.randint(1, 12), rr.randint(1, 28)), post=rr.choice(['仓储管理员', '配送司机', '客服专员', '门店店长', '厨师']),
                 leave=issue - dt.timedelta(days=rr.randint(0, 10)), reason=rr.choice(REASON_RESIGN), salary=str(rr.randint(40, 120) * 100))
    elif dtype == 'unemp':
        since = issue - dt.timedelta(days=rr.randint(60, 200))
        f.update(addr=rr.choice(['浆洗街社区', '望江路社区', '金水区文化路街道', '中原区建设路街道', '本辖区']) + f"{rr.randint(1, 99)}号{rr.randint(1, 9)}栋",
                 since=since, reg=since + dt.timedelta(days=rr.randint(3, 30)), regno=f"{rr.randint(4100, 5199)}{rr.randint(10000000, 99999999)}")
    elif dtype == 'poverty':
        f.update(n=rr.randint(3, 6), why=rr.choice(['其配偶常年患病需长期服药', '家中老人瘫痪在床需人照料', '其本人因病丧失劳动能力', '家庭主要劳动力务工受伤']), inc=str(rr.randint(25, 60) * 100))
    return f

def lawyer_fields(iss, issue, lic, rr, lawyer):
    return dict(issue=issue, no=f"（{issue.year}）{IS[iss]['name'][2:4]}律函字第{rr.randint(100, 999)}号", why=rr.choice(['突发重病', '失业', '家庭变故']),
                issue_txt=rr.choice(['暴力催收、频繁致电', '违规收取高额费用', '向第三人泄露个人信息']), lawyer=lawyer, lic=lic,
                tel=f"1{rr.choice('35789')}{rr.randint(100000000, 999999999)}", foot='本函仅供收件人阅知')

def lawyer_lic(rr):
    return f"{rr.choice(['131', '144', '111', '133'])}{rr.randint(10, 20):02d}{rr.randint(2008, 2022)}{rr.randint(1, 2)}{rr.randint(0, 1)}{rr.randint(100000, 999999)}"[:17]

# ---------------- captures / saving ----------------
PHONES = [('Apple', 'iPhone 14', 'iOS 17.5.1'), ('Apple', 'iPhone 13 Pro', 'iOS 18.2'), ('HUAWEI', 'ALN-AL00', 'ALN-AL00 4.2.0.120'), ('Xiaomi', '23127PN0CC', 'MIUI 14'),
          ('OPPO', 'PJZ110', 'ColorOS 14'), ('vivo', 'V2309A', 'OriginOS 4')]

def do_capture(img, mode, c, rng, shot_dt):
    if mode.startswith('phone') or mode == 'screen':
        light = {'phone_dim': 'dim', 'phone_warm': 'warm'}.get(mode, 'normal')
        cap = lib.screen_photo(img, rng) if mode == 'screen' else lib.phone_photo(img, rng, light=light, fold=(mode == 'phone_fold'))
        return cap, 'phone_photo'
    if mode == 'wechat':
        cap = lib.phone_photo(img, rng, light=rng.choice(['normal', 'warm']))
        return cap, 'wechat_jpeg'
    if mode == 'scan':
        return lib.scanner(img, rng), 'scanner_jpeg'
    if mode == 'scan_gray':
        return lib.scanner(img, rng, gray=True, dpi_scale=0.9), 'scanner_jpeg'
    if mode == 'fax':
        return lib.fax(img, rng), 'scanner_jpeg'
    if mode == 'copy2':
        return lib.photocopy(img, rng, 2), 'scanner_jpeg'
    if mode in ('png', 'scanpdf', 'faxpdf'):
        if mode == 'faxpdf':
            return lib.fax(img, rng), 'pdf'
        if mode == 'scanpdf':
            return lib.scanner(img, rng, gray=rng.random() < 0.5), 'pdf'
        return lib.Cap(img, lambda x, y: (x, y)), 'png'
    raise ValueError(mode)

def save_capture(cap, mode, path, rng, shot_dt, exif_over=None, quality=None):
    im = cap.im
    if mode in ('phone', 'phone_dim', 'phone_warm', 'phone_fold', 'screen'):
        mk = PHONES[rng.integers(0, len(PHONES))]
        ex = exif_over if exif_over is not None else lib.exif_bytes(mk[0], mk[1], mk[2], shot_dt.strftime('%Y:%m:%d %H:%M:%S'))
        lib.save_jpeg(im, path, exif=ex or None, qtables=lib.phone_tables(rng) if exif_over is None else None, quality=quality or 90)
    elif mode == 'wechat':
        im = lib.wechat(im, long_side=1280)
        lib.save_jpeg(im, path, quality=quality or int(rng.integers(70, 82)), exif=exif_over)
    elif mode in ('scan', 'scan_gray', 'fax', 'copy2'):
        ex = exif_over
        if ex is None and rng.random() < 0.5:
            mk_ = [('Canon', 'iR-ADV C5535'), ('FUJIFILM', 'Apeos C2360'), ('EPSON', 'DS-530II'), ('HP', 'LaserJet MFP M437')][int(rng.integers(0, 4))]; ex = lib.exif_bytes(mk_[0], mk_[1], None, shot_dt.strftime('%Y:%m:%d %H:%M:%S'))
        if mode in ('fax',) and rng.random() < 0.5:
            im = im.convert('L')
        lib.save_jpeg(im, path, quality=quality or int(rng.choice([85, 90, 92])), exif=ex or None)
    elif mode == 'png':
        frame = phone_frame(im, rng)
        info = PngImagePlugin.PngInfo()
        frame.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True, pnginfo=info)
    elif mode in ('scanpdf', 'faxpdf'):
        im.convert('RGB' if mode == 'scanpdf' else 'L').save(path, 'PDF', resolution=150.0, quality=80,
                                                           title='扫描件', producer=rng.choice(['Canon iR-ADV PDF', 'EPSON Scan 2', 'HP Scan']),
                                                           creationDate=shot_dt.timetuple(), modDate=shot_dt.timetuple())

def phone_frame(doc, rng, w=1080):
    s = w / doc.width
    h = int(doc.height * s)
    H = h + 330
    fr = Image.new('RGB', (w, H), (245, 245, 245))
    d = ImageDraw.Draw(fr)
    d.text((60, 38), f"{rng.integers(8, 22)}:{rng.integers(10, 59):02d}", font=font(34), fill=(0, 0, 0), anchor='lm')
    d.text((w - 60, 38), '5G  82%', font=font(28), fill=(0, 0, 0), anchor='rm')
    d.rectangle([0, 80, w, 200], fill=(237, 237, 237))
    d.text((w / 2, 140), '文件预览', font=font(36), fill=(20, 20, 20), anchor='mm')
    d.text((50, 140), '〈', font=font(40), fill=(20, 20, 20), anchor='lm')
    fr.paste(doc.resize((w, h), Image.LANCZOS), (0, 220))
    return fr

# ---------------- vector PDFs (reportlab) ----------------
from reportlab.pdfgen import canvas as rlc
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader
pdfmetrics.registerFont(TTFont('WQY', lib.CJK, subfontIndex=0))
pdfmetrics.registerFont(TTFont('WQYM', lib.CJK, subfontIndex=1))

def vector_pdf(path, iss, title, rows, body, sign_date, seal_seed, seal_iss=None, created=None, producer='iText 7.1.16', fnt='WQY', lic_line=None):
    """rows: list of (label, value). Returns dict of value positions (x,y,size) for incremental edits."""
    Wp, Hp = A4
    I = IS[iss]
    cv = rlc.Canvas(path, pagesize=A4, invariant=1)
    cv.setTitle(title); cv.setProducer(producer); cv.setCreator(producer); cv.setAuthor(I['name'])
    if created:
        cv.setDateFormatter(lambda *a, **k: created)
    col = [c / 255 for c in I['color']]
    cv.setFillColorRGB(*col); cv.setFont(fnt, 26); cv.drawCentredString(Wp / 2, Hp - 80, I['name'])
    cv.setStrokeColorRGB(*col); cv.setLineWidth(2); cv.line(50, Hp - 95, Wp - 50, Hp - 95)
    cv.setFillColorRGB(0, 0, 0); cv.setFont(fnt, 24); cv.drawCentredString(Wp / 2, Hp - 150, title)
    pos = {}
    y = Hp - 210
    cv.setFont(fnt, 13)
    for lab, val in rows:
        cv.rect(70, y - 10, Wp - 140, 30, stroke=1, fill=0)
        cv.line(190, y - 10, 190, y + 20)
        cv.drawString(80, y, lab)
        cv.drawString(200, y, val)
        pos[lab] = (200, y, 13, cv.stringWidth(val, fnt, 13))
        y -= 30
    y -= 20
    from reportlab.lib.utils import simpleSplit
    for para in body:
        for ln in simpleSplit(para, fnt, 13, Wp - 150):
            cv.drawString(75, y, ln); y -= 22
        y -= 6
    if lic_line:
        cv.drawString(75, y, lic_line); y -= 26
    cv.drawRightString(Wp - 90, y - 30, I['name'])
    cv.drawRightString(Wp - 90, y - 55, sign_date)
    imp = impression(seal_iss or iss, seal_seed)
    mask, colr = imp
    rgba = Image.new('RGBA', mask.size, colr + (0,)); rgba.putalpha(mask)
    b = io.BytesIO(); rgba.save(b, 'PNG'); b.seek(0)
    sw = 120
    cv.drawImage(ImageReader(b), Wp - 90 - sw, y - 95, width=sw, height=sw * mask.height / mask.width, mask='auto')
    cv.showPage(); cv.save()
    return pos

def incremental_overlay(path, edits, mod_date, producer):
    """Append an incremental update to path covering old text with white boxes and new text."""
    from pypdf import PdfWriter, PdfReader
    b = io.BytesIO()
    cv = rlc.Canvas(b, pagesize=A4)
    for (x, y, size, w), new in edits:
        cv.setFillColorRGB(1, 1, 1); cv.rect(x - 1, y - 3, w + 3, size + 4, stroke=0, fill=1)
        cv.setFillColorRGB(0, 0, 0); cv.setFont('WQY', size); cv.drawString(x, y, new)
    cv.showPage(); cv.save(); b.seek(0)
    ov = PdfReader(b).pages[0]
    w = PdfWriter(path, incremental=True)
    w.pages[0].merge_page(ov)
    w.add_metadata({'/ModDate': mod_date, '/Producer': producer})
    with open(path, 'ab') as fh:
        pass
    out = io.BytesIO(); w.write(out)
    data = out.getvalue()
    orig = open(path, 'rb').read()
    assert data.startswith(orig), 'not incremental'
    open(path, 'wb').write(data)

def incremental_meta_only(path, mod_date, producer):
    from pypdf import PdfWriter
    w = PdfWriter(path, incremental=True)
    w.add_metadata({'/ModDate': mod_date, '/Producer': producer})
    out = io.BytesIO(); w.write(out)
    orig = open(path, 'rb').read(); data = out.getvalue(); assert data.startswith(orig)
    open(path, 'wb').write(data)

# ====================== PLAN ======================
truth = {}
MANI = {}
complaints = []   # list of (customer, [files])
cust_files = {}
NAMES_CN = {'diag': '诊断证明书', 'inpatient': '出院记录/住院证明', 'death': '居民死亡医学证明', 'resign': '离职证明', 'unemp': '失业证明',
            'poverty': '家庭经济困难证明', 'lawyer': '律师函', 'social': '社保参保状态截图'}
counter = [0]
USED_FN = set()
def fname(dtype, ext, mode='pdf', when=None):
    when = when or dt.datetime(2026, 8, 1) + dt.timedelta(minutes=R.randint(0, 80000))
    while True:
        if mode in ('phone', 'phone_dim', 'phone_warm', 'phone_fold', 'screen'):
            n = R.choice([f"IMG_{when:%Y%m%d_%H%M%S}.jpg", f"IMG_{R.randint(1000, 9999)}.jpg", f"{when:%Y%m%d_%H%M%S}.jpg"])
        elif mode == 'wechat':
            n = R.choice([f"mmexport{int(when.timestamp() * 1000) + R.randint(0, 999)}.jpg", f"微信图片_{when:%Y%m%d%H%M%S}.jpg"])
        elif mode in ('scan', 'scan_gray', 'fax', 'copy2'):
            n = R.choice([f"扫描件{R.randint(1, 30)}_{R.randint(100, 999)}.jpg", f"SCAN{R.randint(1000, 9999)}.jpg", f"doc{when:%Y%m%d}{R.randint(10, 99)}.jpg"])
        elif mode == 'png':
            n = R.choice([f"Screenshot_{when:%Y%m%d-%H%M%S}.png", f"截图_{when:%Y%m%d%H%M%S}.png"])
        else:
            n = R.choice([f"{NAMES_CN.get(dtype, dtype).split('/')[0]}_{R.randint(100, 9999)}.pdf", f"{R.getrandbits(40):010x}.pdf", f"证明材料{R.randint(1, 99)}_{R.randint(10, 99)}.pdf"])
        if n not in USED_FN:
            USED_FN.add(n); return n
EXT = {'png': 'png', 'scanpdf': 'pdf', 'faxpdf': 'pdf'}

def person(c):
    return dict(name=c['name'], id=c['id_number'], sex=c['sex'], age=c['age'])

def emit(c, dtype, iss, mode, forged, kinds, note, p=None, f=None, seal_seed=None, seal_iss=None, layout=None, post=None, exif_over=None, quality=None, d=None):
    rr = random.Random(R.randint(0, 10 ** 9))
    rng = np.random.default_rng(R.randint(0, 10 ** 9))
    p = p or person(c)
    if f is None:
        f = fields_for(dtype, iss, c, before(c, 4, 70), rr)
    seal_seed = seal_seed if seal_seed is not None else R.randint(0, 10 ** 6)
    if d is None:
        d = build_doc(dtype, iss, p, f, seal_seed, seal_iss=seal_iss, layout=layout if layout is not None else rr.randint(0, 2))
    shot = dt.datetime.combine(c['received'].date() - dt.timedelta(days=R.randint(0, 3)), dt.time(R.randint(8, 22), R.randint(0, 59), R.randint(0, 59)))
    fn = fname(dtype, EXT.get(mode, 'jpg'), mode, shot)
    path = os.path.join(ATT, fn)
    cap, capname = do_capture(d.im, mode, c, rng, shot)
    if post:
        cap, mode2 = post(cap, d, rng)
        mode = mode2 or mode
    save_capture(cap, mode, path, rng, shot, exif_over=exif_over, quality=quality)
    rel = 'attachments/' + fn
    truth[rel] = dict(forged=forged, kinds=kinds, doc_type=NAMES_CN.get(dtype, dtype), capture=capname, note=note)
    MANI[rel] = dict(name=p['name'], id=p['id'], issuer=IS[iss]['name'], customer=c['customer_id'])
    cust_files.setdefault(c['customer_id'], []).append(rel)
    return rel, d

def emit_pdf(c, dtype, iss, forged, kinds, note, rows_fn, body, sign_date, seal_seed, seal_iss=None, created=None, producer='iText 7.1.16', edit=None, meta_only=None, lic_line=None, title=None):
    fn = fname(dtype, 'pdf'); path = os.path.join(ATT, fn)
    rows = rows_fn
    pos = vector_pdf(path, iss, title or NAMES_CN[dtype], rows, body, sign_date, seal_seed, seal_iss=seal_iss, created=created, producer=producer, lic_line=lic_line)
    if edit:
        incremental_overlay(path, [(pos[k], v) for k, v in edit['edits']], edit['mod'], edit['producer'])
    if meta_only:
        incremental_meta_only(path, meta_only['mod'], meta_only['producer'])
    rel = 'attachments/' + fn
    truth[rel] = dict(forged=forged, kinds=kinds, doc_type=NAMES_CN.get(dtype, dtype), capture='pdf', note=note)
    MANI[rel] = dict(name=rows[0][1], id=rows[1][1], shown_after_edit=[e[1] for e in edit['edits']] if edit else None, issuer=IS[iss]['name'], customer=c['customer_id'])
    cust_files.setdefault(c['customer_id'], []).append(rel)
    return rel

def pdfdate(d):
    return d.strftime("D:%Y%m%d%H%M%S+08'00'")

MODES = ['phone', 'phone_dim', 'phone_warm', 'phone_fold', 'screen', 'wechat', 'wechat', 'scan', 'scan_gray', 'fax', 'copy2', 'png', 'scanpdf', 'faxpdf']
mi = [0]
def nextmode():
    m = MODES[mi[0] % len(MODES)]; mi[0] += 1; return m

# ---------- GENUINE ----------
SEAL_SEEDS = {}
gen_specs = [  # (issuer, dtype)
    ('H1', 'diag'), ('H2', 'diag'), ('H3', 'inpatient'), ('H4', 'inpatient'), ('S1', 'unemp'), ('S2', 'unemp'), ('V1', 'poverty'), ('V2', 'poverty'),
    ('C1', 'resign'), ('C2', 'resign'), ('L1', 'lawyer'), ('L2', 'lawyer'),
    ('H1', 'diag'), ('H1', 'diag'), ('S1', 'unemp'), ('S1', 'unemp'), ('R1', 'unemp'), ('R1', 'unemp'), ('R2', 'unemp'),
    ('H5', 'death'), ('H5', 'death'), ('H3', 'death'), ('C3', 'resign'), ('C3', 'resign'),
    ('V1', 'poverty'), ('V2', 'poverty'), ('C1', 'resign'), ('H4', 'inpatient'), ('H1', 'inpatient'), ('S2', 'unemp'), ('H2', 'diag'), ('L2', 'lawyer'),
    ('H5', 'diag'), ('C2', 'resign'),
]
first_seed = {}
for gi_, (iss, dtype) in enumerate(gen_specs):
    c = customers[-1] if gi_ in (14, 26, 30, 33) else new_customer()
    seed = R.randint(0, 10 ** 6)
    first_seed.setdefault(iss, seed)
    if dtype == 'lawyer':
        rr = random.Random(seed)
        f = lawyer_fields(iss, before(c, 3, 30), lawyer_lic(rr), rr, rr.choice(['孙启明', '杨卫东', '顾晓岚', '沈嘉怡']))
        emit(c, dtype, iss, nextmode(), False, [], 'genuine lawyer letter; 17-digit lawyer licence number', f=f, seal_seed=seed)
    else:
        note = 'genuine'
        if c['id_number'][:6] in ('110119', '320117', '500156', '330113', '330110'):
            note += '; holder\'s district code created after birth year (valid)'
        emit(c, dtype, iss, nextmode(), False, [], note, seal_seed=seed)

# genuine PNG app screenshots (社保 status) -- no seal
def social_screen(c, status, since, ins_city, edit=None):
    Wd, Hd = 1080, 2100
    im = Image.new('RGB', (Wd, Hd), (244, 246, 250)); d = ImageDraw.Draw(im)
    d.text((60, 40), '10:2' + str(R.randint(0, 9)), font=font(34), fill=(0, 0, 0), anchor='lm'); d.text((Wd - 60, 40), '4G  64%', font=font(28), fill=(0, 0, 0), anchor='rm')
    d.rectangle([0, 80, Wd, 210], fill=(25, 110, 220)); d.text((Wd / 2, 145), '电子社保卡 · 参保信息查询', font=font(40), fill=(255, 255, 255), anchor='mm')
    d.rounded_rectangle([40, 250, Wd - 40, 1100], 24, fill=(255, 255, 255))
    rows = [('姓名', c['name']), ('公民身份号码', c['id_number']), ('参保地', ins_city), ('险种', '失业保险'), ('参保状态', status), ('状态变更日期', since), ('查询时间', cd(c['received'].date() - dt.timedelta(days=1)))]
    boxes = {}
    y = 300
    for k, v in rows:
        d.text((90, y), k, font=font(34), fill=(120, 120, 120))
        d.text((Wd - 90, y), v, font=font(36), fill=(30, 30, 30), anchor='ra')
        boxes[k] = (Wd - 90 - font(36).getlength(v), y, Wd - 90, y + 44)
        y += 110
    d.text((Wd / 2, 1180), '数据来源：国家社会保险公共服务平台', font=font(26), fill=(150, 150, 150), anchor='mm')
    return im, boxes

for k in range(2):
    c = new_customer()
    im, _ = social_screen(c, '暂停缴费（中断）', cd(before(c, 40, 150)), R.choice(['成都市', '郑州市', '杭州市']))
    fn = fname('social', 'png', 'png'); im.save(os.path.join(ATT, fn), optimize=True)
    rel = 'attachments/' + fn
    truth[rel] = dict(forged=False, kinds=[], doc_type=NAMES_CN['social'], capture='png', note='genuine app screenshot')
    MANI[rel] = dict(name=c['name'], id=c['id_number'], customer=c['customer_id'])
    cust_files.setdefault(c['customer_id'], []).append(rel)

# genuine vector PDFs (e-certificates)
for iss, meta in [('R1', None), ('R2', True)]:
    c = new_customer(); issue = before(c, 5, 40); rr = random.Random(R.randint(0, 999))
    rows = [('姓名', c['name']), ('公民身份号码', c['id_number']), ('登记类型', '失业登记'), ('登记日期', cd(issue - dt.timedelta(days=20))), ('登记编号', f"41{rr.randint(10 ** 13, 10 ** 14 - 1)}")]
    created = pdfdate(dt.datetime.combine(issue, dt.time(10, 12)))
    rel = emit_pdf(c, 'unemp', iss, False, [], 'genuine electronic certificate (vector PDF)' + ('; later incremental update touches metadata only (e-sign platform), content unchanged' if meta else ''),
                   rows, ['经核查，上述人员已在我局办理失业登记，现处于失业状态。', '本电子证明可通过河南政务服务网核验。'], cd(issue), 777, created=created,
                   meta_only=dict(mod=pdfdate(dt.datetime.combine(issue, dt.time(10, 13))), producer='电子印章签署平台 v3.2') if meta else None, title='就业失业登记证明')
# genuine vector PDFs: a lawyer letter with a 17-digit licence, and an electronic diagnosis
c = new_customer(); issue = before(c, 3, 25); rr = random.Random(4242)
lic = lawyer_lic(rr); f = lawyer_fields('L1', issue, lic, rr, '顾晓岚')
emit_pdf(c, 'lawyer', 'L1', False, [], 'genuine lawyer letter (vector PDF); 17-digit lawyer licence number', [('委托人', c['name']), ('身份证号', c['id_number']), ('致', LENDER), ('函号', f['no'])],
         [f"本所接受委托人的委托，就其与贵司借款合同纠纷事宜致函如下：委托人因{f['why']}，目前无力按原约定还款，请求协商个性化分期还款方案。",
          '请贵司依法合规开展催收工作，并于收函后七个工作日内与本律师联系。'], cd(issue), R.randint(0, 10 ** 6),
         created=pdfdate(dt.datetime.combine(issue, dt.time(16, 20))), producer='Microsoft Word 2021', lic_line=f"承办律师：顾晓岚　执业证号：{lic}　电话：{f['tel']}", title='律 师 函')
c = new_customer(); issue = before(c, 3, 25)
emit_pdf(c, 'diag', 'H2', False, [], 'genuine electronic diagnosis certificate (vector PDF)', [('姓名', c['name']), ('身份证号', c['id_number']), ('就诊日期', cd(issue - dt.timedelta(days=1))), ('诊断', R.choice(DIAG))],
         ['医嘱：建议休息一个月，门诊随诊。', '本证明由医院信息系统生成，加盖电子印章。'], cd(issue), 778, created=pdfdate(dt.datetime.combine(issue, dt.time(11, 5))), producer='HIS-PDF 2.3', title='诊断证明书')
truth_gen_count = sum(1 for v in truth.values() if not v['forged'])

# ---------- FORGED ----------
# (1) lawyer letters with an 18-char USCC as licence number
USCCS = [lib.uscc('91', '440300', 'MA5G7K2', R) if False else None]
def rand_org(rr):
    return ''.join(rr.choice('0123456789ABCDEFGHJKLMNPQRTUWXY') for _ in range(8))
uscc_cases = [('F1', 'phone', '91', '110105'), ('F1', 'pdf', '31', '110000'), ('F2', 'pdf', '91', '440300'), ('F3', 'wechat', '91', '430104'), ('F2', 'scan', '31', '440000')]
for ui_, (iss, mode, pre, area) in enumerate(uscc_cases):
    c = customers[0] if ui_ == 3 else new_customer(); rr = random.Random(R.randint(0, 10 ** 6))
    code = lib.uscc(pre, area, 'MA' + rand_org(rr)[:6] if pre == '91' else rand_org(rr), rr)
    lawyer = rr.choice(['张振华', '李文博', '赵德明', '黄志强', '吴思远'])
    issue = before(c, 2, 20)
    note = 'lawyer licence field holds an 18-char USCC (' + ('company code' if pre == '91' else 'law-firm code') + ')'
    if mode == 'pdf':
        f = lawyer_fields(iss, issue, code, rr, lawyer)
        rows = [('委托人', c['name']), ('身份证号', c['id_number']), ('致', LENDER), ('函号', f['no'])]
        emit_pdf(c, 'lawyer', iss, True, ['uscc_as_lawyer_licence'], note, rows,
                 [f"本所接受委托人的委托，就其与贵司借款合同纠纷事宜致函如下：委托人因{f['why']}，目前无力按原约定还款。贵司存在{f['issue_txt']}等情形。",
                  '现特函告：一、立即停止一切催收行为；二、协商停息挂账及个性化分期方案；三、请于收函后七个工作日内与本律师联系。'],
                 cd(issue), R.randint(0, 10 ** 6), created=pdfdate(dt.datetime.combine(issue, dt.time(15, 2))), producer=rr.choice(['WPS 文字', 'Microsoft Word 2019']),
                 lic_line=f"承办律师：{lawyer}　执业证号：{code}　电话：{f['tel']}", title='律 师 函')
    else:
        f = lawyer_fields(iss, issue, code, rr, lawyer)
        emit(c, 'lawyer', iss, mode, True, ['uscc_as_lawyer_licence'], note, f=f)

# (2) edited hardship proofs (after capture)
def patch_text(cap, box, text, rng, size=None, fidx=0, color=(30, 30, 30)):
    im = cap.im.copy(); dr = ImageDraw.Draw(im)
    b = cap.box(box, pad=3)
    region = np.asarray(im.crop(b)).reshape(-1, 3)
    bgc = tuple(int(v) for v in np.percentile(region, 90, axis=0))
    dr.rectangle(b, fill=bgc)
    sz = size or int((b[3] - b[1]) * 0.78)
    dr.text((b[0] + 2, (b[1] + b[3]) / 2), text, font=font(sz, fidx), fill=color, anchor='lm')
    return lib.Cap(im, cap.fmap)

def clone_cover(cap, box, rng, dy=None):
    im = cap.im.copy()
    b = cap.box(box, pad=6)
    h = b[3] - b[1]
    src_y = b[1] + (dy or h * 3)
    patch = im.crop((b[0], src_y, b[2], src_y + h))
    im.paste(patch, (b[0], b[1]))
    return lib.Cap(im, cap.fmap)

PS = lib.exif_bytes('Apple', 'iPhone 13 Pro', 'Adobe Photoshop 25.3 (Windows)', '2026:08:20 21:14:05')
# e1: H1 diag photographed, name+ID patched over another patient's
c = new_customer(); other = person(customers[0]) if False else dict(name=new_name(), id=new_id(), sex=c['sex'], age=c['age'])
def post_e1(cap, d, rng, c=c):
    cap = patch_text(cap, d.boxes['name'], c['name'], rng)
    cap = patch_text(cap, d.boxes['id'], c['id_number'], rng)
    return cap, None
PS = lib.exif_bytes('Apple', 'iPhone 13 Pro', 'Adobe Photoshop 25.3 (Windows)', (c['received'] - dt.timedelta(hours=20)).strftime('%Y:%m:%d %H:%M:%S'))
emit(c, 'diag', 'H1', 'phone', True, ['edited_image'], 'name and ID replaced by pasted text patches; re-saved through an image editor', p=other, post=post_e1, exif_over=PS, layout=0)
# e2: S1 unemp scanned; issue-date digits changed (year) ; re-saved without editor metadata
c = new_customer(); rr = random.Random(5)
f = fields_for('unemp', 'S1', c, before(c, 8, 30), rr)
orig_issue = f['issue'].replace(year=2025)
f['issue'] = orig_issue; f['since'] = orig_issue - dt.timedelta(days=90); f['reg'] = f['since'] + dt.timedelta(days=10)
def post_e2(cap, d, rng, c=c, f=f):
    return patch_text(cap, d.boxes['issue'], cd(f['issue'].replace(year=2026)), rng, fidx=1), None
emit(c, 'unemp', 'S1', 'scan', True, ['edited_image'], 'issue-date digits changed (year altered) to make an expired certificate current; no editor metadata', f=f, post=post_e2, exif_over=b'', layout=0)
# e3: V2 poverty, a clause erased by cloning paper region, sent via WeChat
c = new_customer()
rr = random.Random(7); f = fields_for('poverty', 'V2', c, before(c, 5, 40), rr)
f['why'] = '该户2025年已脱贫，现其配偶患病'
def post_e3(cap, d, rng):
    b = d.boxes['why']
    return clone_cover(cap, (b[0], b[1], b[0] + (b[2] - b[0]) * 0.55 if b[3] - b[1] < 60 else b[2], b[3]), rng, dy=int((b[3] - b[1]) * 4)), None
emit(c, 'poverty', 'V2', 'wechat', True, ['edited_image'], 'part of a clause erased by cloning a blank paper region over it (copy-move); then forwarded via WeChat', f=f, post=post_e3, layout=1)
# e4: H3 inpatient, diagnosis replaced by a pasted patch, grey scan, editor metadata (Meitu)
c = new_customer()
def post_e4(cap, d, rng):
    return patch_text(cap, d.boxes['diag'], '胃恶性肿瘤（IV期）', rng), None
emit(c, 'inpatient', 'H3', 'scan_gray', True, ['edited_image'], 'diagnosis text replaced by a pasted patch; re-saved by a phone photo editor',
     post=post_e4, exif_over=lib.exif_bytes(None, None, 'MTXX (美图秀秀) 9.9.2', (c['received'] - dt.timedelta(hours=30)).strftime('%Y:%m:%d %H:%M:%S')), layout=1)
# e5: PNG app screenshot, status text painted over
c = new_customer()
im, bx = social_screen(c, '正常参保', cd(before(c, 300, 500)), '郑州市')
cp = patch_text(lib.Cap(im, lambda x, y: (x, y)), bx['参保状态'], '', None)
dr = ImageDraw.Draw(cp.im); b = bx['参保状态']
dr.text((b[2], b[1] + 2), '已停保（失业）', font=font(37), fill=(30, 30, 30), anchor='ra')
cp2 = patch_text(cp, bx['状态变更日期'], '', None)
ImageDraw.Draw(cp2.im).text((bx['状态变更日期'][2], bx['状态变更日期'][1]), cd(before(c, 60, 90)), font=font(36), fill=(30, 30, 30), anchor='ra')
fn = fname('social', 'png', 'png'); info = PngImagePlugin.PngInfo(); info.add_text('Software', 'Adobe Photoshop 2024')
cp2.im.save(os.path.join(ATT, fn), pnginfo=info, optimize=True)
rel = 'attachments/' + fn
truth[rel] = dict(forged=True, kinds=['edited_image'], doc_type=NAMES_CN['social'], capture='png', note='status and date values painted over in an editor')
MANI[rel] = dict(name=c['name'], id=c['id_number'], customer=c['customer_id'])
cust_files.setdefault(c['customer_id'], []).append(rel)

# (3) reused across borrowers: identical paper/template, only name+ID differ, recaptured
reuse_groups = [('H1', 'diag', ['phone_warm', 'scan']), ('V1', 'poverty', ['phone', 'copy2', 'wechat']), ('C1', 'resign', ['wechat', 'phone_dim']),
                ('R1', 'unemp', ['scan', 'fax']), ('H4', 'inpatient', ['screen', 'scanpdf'])]
for gi, (iss, dtype, modes) in enumerate(reuse_groups):
    cs = [new_customer() for _ in modes]
    latest = min(x['received'] for x in cs).date()
    rr = random.Random(900 + gi)
    issue = latest - dt.timedelta(days=rr.randint(6, 30))
    f = fields_for(dtype, iss, cs[0], issue, rr)
    seed = R.randint(0, 10 ** 6); lay = rr.randint(0, 2)
    for c, m in zip(cs, modes):
        emit(c, dtype, iss, m, True, ['reused_across_borrowers'], f'same document (number, dates, seal impression) reused for {len(cs)} borrowers with only name/ID changed; group R{gi + 1}',
             f=dict(f), seal_seed=seed, layout=lay)

# (4) edited PDFs: incremental update changes the name (and ID)
for iss, dtype in [('H4', 'inpatient'), ('R1', 'unemp'), ('C2', 'resign')]:
    c = new_customer(); issue = before(c, 6, 40); rr = random.Random(R.randint(0, 999))
    oname, oid = new_name(), new_id()
    if dtype == 'inpatient':
        adm = issue - dt.timedelta(days=20)
        rows = [('姓名', oname), ('身份证号', oid), ('住院号', f'ZY{rr.randint(100000, 999999)}'), ('入院日期', cd(adm)), ('出院日期', cd(adm + dt.timedelta(days=12))), ('出院诊断', rr.choice(DIAG))]
        body = ['出院医嘱：继续药物治疗，全休一个月，门诊随访。']; title = '出院记录'
    elif dtype == 'unemp':
        rows = [('姓名', oname), ('公民身份号码', oid), ('登记类型', '失业登记'), ('登记日期', cd(issue - dt.timedelta(days=25))), ('登记编号', f"41{rr.randint(10 ** 13, 10 ** 14 - 1)}")]
        body = ['经核查，上述人员已在我局办理失业登记，现处于失业状态。']; title = '就业失业登记证明'
    else:
        rows = [('姓名', oname), ('身份证号', oid), ('入职日期', cd(issue - dt.timedelta(days=900))), ('离职日期', cd(issue - dt.timedelta(days=3))), ('岗位', '仓储管理员')]
        body = ['兹证明上述员工已与我公司解除劳动合同，离职手续办理完毕。']; title = '离职证明'
    lab_name, lab_id = rows[0][0], rows[1][0]
    emit_pdf(c, dtype, iss, True, ['edited_pdf_incremental'], 'original issued for another person; an incremental update overlays the borrower\'s name and ID', rows, body, cd(issue),
             R.randint(0, 10 ** 6), created=pdfdate(dt.datetime.combine(issue, dt.time(9, 40))), producer='iText 7.1.16',
             edit=dict(edits=[(lab_name, c['name']), (lab_id, c['id_number'])], mod=pdfdate(c['received'] - dt.timedelta(days=1)), producer=rr.choice(['Adobe Acrobat Pro 2024', '福昕PDF编辑器 12.1', 'PDF Expert'])), title=title)

# (5) seals copied across issuers: exact impression of issuer A (from a genuine file in this set) on issuer B's document
for src, dstiss, dtype, mode in [('H1', 'H2', 'diag', 'phone'), ('S1', 'S2', 'unemp', 'scan'), ('V1', 'V2', 'poverty', 'wechat'), ('C1', 'C3', 'resign', 'phone_fold')]:
    c = new_customer()
    emit(c, dtype, dstiss, mode, True, ['seal_copied_across_issuers'], f"seal impression copied from a {IS[src]['name']} document onto a {IS[dstiss]['name']} document",
         seal_seed=first_seed[src], seal_iss=src)

# (6) name / ID mismatches
mm = [('H1', 'diag', 'name', 'phone_dim'), ('S2', 'unemp', 'id_other', 'scan'), ('C2', 'resign', 'name1', 'wechat'), ('V1', 'poverty', 'id_birth', 'phone'), ('H3', 'inpatient', 'both', 'png')]
for iss, dtype, how, mode in mm:
    c = new_customer(); p = person(c)
    if how == 'name':
        p['name'] = new_name(); note = 'document names a different person; ID is the borrower\'s'
    elif how == 'id_other':
        p['id'] = new_id(); note = 'name matches; ID number is another valid ID, not the borrower\'s'
    elif how == 'name1':
        nm = c['name']; alt = R.choice([g for g in GIV if g != nm[-1]]); p['name'] = nm[:-1] + alt; note = 'name differs from the borrower\'s by one character'
    elif how == 'id_birth':
        i = c['id_number']; b = dt.date(int(i[6:10]), int(i[10:12]), int(i[12:14])) + dt.timedelta(days=R.randint(30, 400))
        s17 = i[:6] + b.strftime('%Y%m%d') + i[14:17]; p['id'] = s17 + lib.id_check(s17); note = 'ID has a different (checksum-valid) birth date than the borrower\'s'
    else:
        p = dict(name=new_name(), id=new_id(), sex=c['sex'], age=c['age']); note = 'document is entirely another person\'s (name and ID)'
    emit(c, dtype, iss, mode, True, ['name_id_mismatch'], note, p=p)

# (7) date inconsistencies
# 7a issue date after the complaint
c = new_customer(); rr = random.Random(71); f = fields_for('diag', 'H2', c, c['received'].date() + dt.timedelta(days=9), rr)
f['visit'] = c['received'].date() - dt.timedelta(days=3)
emit(c, 'diag', 'H2', 'phone_warm', True, ['date_inconsistent'], 'issue date is after the complaint was received', f=f)
# 7b impossible calendar date (Feb 30 / Jun 31)
c = new_customer(); rr = random.Random(72); f = fields_for('unemp', 'S1', c, before(c, 10, 30), rr)
class FakeDate:
    def __init__(s, y, m, d): s.year, s.month, s.day = y, m, d
f['issue'] = FakeDate(2026, 6, 31)
emit(c, 'unemp', 'S1', 'copy2', True, ['date_inconsistent'], 'issue date is an impossible calendar date', f=f)
# 7c discharge before admission
c = new_customer(); rr = random.Random(73); f = fields_for('inpatient', 'H4', c, before(c, 10, 30), rr)
f['adm'], f['dis'] = f['dis'] + dt.timedelta(days=3), f['adm']
emit(c, 'inpatient', 'H4', 'scan', True, ['date_inconsistent'], 'discharge date earlier than admission date', f=f, layout=0)
# 7d death date after the certificate's own filing/issue date
c = new_customer(); rr = random.Random(74); f = fields_for('death', 'H5', c, before(c, 10, 40), rr)
f['death'] = f['issue'] + dt.timedelta(days=6)
emit(c, 'death', 'H5', 'wechat', True, ['date_inconsistent'], 'date of death later than the certificate filing date', f=f)

# (8) invalid ID numbers on the document (borrower name correct)
inv = [('R2', 'unemp', 'checksum', 'phone'), ('C1', 'resign', 'date', 'scanpdf'), ('V2', 'poverty', 'area', 'fax')]
for iss, dtype, how, mode in inv:
    c = new_customer(); p = person(c); i = c['id_number']
    if how == 'checksum':
        s17 = i[:17]; bad = [x for x in '0123456789X' if x != lib.id_check(s17)][R.randint(0, 9)]; p['id'] = s17 + bad; note = 'ID check digit wrong'
    elif how == 'date':
        s17 = i[:6] + i[6:10] + '0230' + i[14:17]; p['id'] = s17 + lib.id_check(s17); note = 'ID encodes an impossible birth date (Feb 30), check digit recomputed'
    else:
        s17 = '990' + i[3:17]; p['id'] = s17 + lib.id_check(s17); note = 'ID has a non-existent region code, check digit recomputed'
    assert not lib.id_valid(p['id']) or how == 'area'
    emit(c, dtype, iss, mode, True, ['invalid_id_number', 'name_id_mismatch'], note + '; necessarily differs from the borrower\'s ID on file', p=p)

# ====================== OUTPUTS ======================
TXT = {
 '诊断证明书': ['本人身患{x}，医院已开具诊断证明（见附件），目前无法工作，申请延期还款并停止催收。', '我生病住院花了很多钱，附上医院诊断证明，请求减免罚息分期还款。'],
 '出院记录/住院证明': ['本人刚出院，附件是出院记录，现在没有收入来源，请求停息挂账。', '家里人住院，我是主要照顾人，附住院证明，请给予延期。'],
 '居民死亡医学证明': ['借款人（我父亲）已去世，附死亡医学证明，请核实并停止对家属的催收。', '我是借款人家属，借款人已经过世，附件为死亡证明，请依法处理。'],
 '离职证明': ['我已经被公司辞退，附离职证明，暂时无力还款，申请个性化分期。', '本人失业，附公司出具的离职证明，请求延期两个月还款。'],
 '失业证明': ['本人目前失业，附街道/人社出具的失业证明，请协商还款方案。', '我失业好几个月了，附失业证明，请求停息分期。'],
 '家庭经济困难证明': ['家里非常困难，村委会开了贫困证明（见附件），请减免利息。', '附村里出具的困难证明，我实在没有能力还款，请求协商。'],
 '律师函': ['委托律师向贵司发出律师函（见附件），请立即停止违规催收并协商还款。', '附律师函一份，请贵司在规定期限内回复。'],
 '社保参保状态截图': ['附社保参保状态截图，证明我已失业断缴，请求延期。', '我已经没有工作了，截图为社保状态，申请停息挂账。'],
}
perm = list(range(1, len(customers) + 1)); R.shuffle(perm)
remap = {}
for c, k in zip(customers, perm):
    remap[c['customer_id']] = f'C17{k:04d}'
cust_files = {remap[k]: v for k, v in cust_files.items()}
for v in MANI.values():
    v['customer'] = remap[v['customer']]
for c in customers:
    c['customer_id'] = remap[c['customer_id']]
customers.sort(key=lambda c: c['customer_id'])
CH = ['app', 'hotline', 'email', 'regulator', 'social', 'other']
rows_out = []
cid = 0
for c in customers:
    files = cust_files.get(c['customer_id'], [])
    if not files:
        continue
    cid += 1
    dtp = truth[files[0]]['doc_type']
    t = R.choice(TXT[dtp]).replace('{x}', '重病')
    if len(files) > 1:
        t += f'共{len(files)}份附件。'
    rows_out.append(dict(complaint_id=f'D17-{cid:04d}', received_at=c['received'].strftime('%Y-%m-%dT%H:%M:%S+08:00'), channel=R.choice(CH),
                         customer_id=c['customer_id'], phone=c['phone'], text=t, attachments=files))
rows_out.sort(key=lambda r: r['received_at'])
for i, r in enumerate(rows_out):
    r['complaint_id'] = f'D17-{i + 1:04d}'
with open(os.path.join(ROOT, 'complaints.jsonl'), 'w', encoding='utf-8') as fh:
    for r in rows_out:
        fh.write(json.dumps(r, ensure_ascii=False) + '\n')
with open(os.path.join(ROOT, 'customers.csv'), 'w', encoding='utf-8', newline='') as fh:
    w = csv.writer(fh); w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for c in customers:
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], c['next_due_date'], c['overdue_days'], c['id_number']])
json.dump({'files': truth}, open(os.path.join(ROOT, 'materials_truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('files', len(truth), 'forged', sum(v['forged'] for v in truth.values()), 'complaints', len(rows_out))

json.dump(MANI, open(os.path.join(ROOT, '_build', 'manifest_printed_identity.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
# neutral, deterministic file times (no build-order leak)
import time
for rel in truth:
    t = time.mktime((dt.datetime(2026, 10, 8, 12, 0, 0)).timetuple())
    os.utime(os.path.join(ROOT, rel), (t, t))
