"""Build the b26_docs evaluation set. Seeds: random.Random(2626), numpy default_rng(2626+i) per file."""
import os, io, json, csv, random, datetime as dt, shutil
import numpy as np
from PIL import Image, ImageDraw, PngImagePlugin
from lib import *

OUT = '/work/main/evaluations/blind/b26_docs'
ATT = OUT + '/attachments'
SCR = '/tmp/b26docs_scratch'
shutil.rmtree(ATT, ignore_errors=True); os.makedirs(ATT); os.makedirs(SCR, exist_ok=True)
R = random.Random(2626)
LENDER = '恒信消费金融有限公司'

# ------------------------------------------------------------ people
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢')
GIV = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞',
       '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '文博', '子涵', '雨桐', '浩然', '婷婷', '俊杰', '晓丽', '国庆', '红梅',
       '立新', '春燕', '少华', '振宇', '嘉怡', '宏伟', '玉兰', '德明', '思远', '佳琪']
# (region code, year the code came into use) -- several are newer than holders' birth years
REG = [('310115', 1993), ('500103', 1997), ('460106', 2002), ('440307', 1993), ('510107', 1990), ('420106', 1980),
       ('330106', 1980), ('440105', 1980), ('320102', 1980), ('370102', 1980), ('410105', 1980), ('210102', 1980),
       ('350203', 1980), ('430104', 1980), ('610113', 1980), ('120104', 1980), ('510104', 1980), ('330110', 2001),
       ('500112', 1997), ('110105', 1980)]
used_names = set()


def person():
    while True:
        n = R.choice(SUR) + R.choice(GIV)
        if n not in used_names:
            used_names.add(n); break
    g = R.choice('男女')
    b = dt.date(R.randint(1968, 2001), R.randint(1, 12), R.randint(1, 28))
    rc = R.choice(REG)[0]
    seq = R.randint(10, 99) * 10 + R.choice([1, 3, 5, 7, 9] if g == '男' else [0, 2, 4, 6, 8])
    s17 = rc + b.strftime('%Y%m%d') + '%03d' % seq
    return dict(name=n, gender=g, birth=b, id=s17 + id_check(s17))


def cn_num(n):
    d = '〇一二三四五六七八九'
    if n < 10: return '十' if n == 10 else d[n]
    if n < 20: return '十' + (d[n % 10] if n % 10 else '')
    return d[n // 10] + '十' + (d[n % 10] if n % 10 else '')


def fdate(d, style=0):
    if isinstance(d, tuple):  # (y,m,d) possibly impossible
        y, m, dd = d
    else:
        y, m, dd = d.year, d.month, d.day
    if style == 1:
        return ''.join('〇一二三四五六七八九'[int(c)] for c in str(y)) + '年' + cn_num(m) + '月' + cn_num(dd) + '日'
    if style == 2:
        return '%d-%02d-%02d' % (y, m, dd)
    if style == 3:
        return '%d.%02d.%02d' % (y, m, dd)
    return '%d年%d月%d日' % (y, m, dd)


def age(p, d):
    return d.year - p['birth'].year - ((d.month, d.day) < (p['birth'].month, p['birth'].day))


# ------------------------------------------------------------ issuers & seals
ISS = {}


def iss(key, name, kind, seal, addr='', fi=0):
    ISS[key] = dict(key=key, name=name, kind=kind, seal=seal, addr=addr, fi=fi)


iss('pd_renmin', '上海市浦东新区人民医院', 'hosp', dict(center='诊断证明专用章', seed=101), '上海市浦东新区川环南路490号')
iss('pd_gongli', '上海市浦东新区公利医院', 'hosp', dict(center='诊断证明专用章', seed=101), '上海市浦东新区苗圃路219号')
iss('cd_wuhou', '成都市武侯区人力资源和社会保障局', 'hrss', dict(center='业务专用章', seed=102, d=240), '成都市武侯区')
iss('cd_jinjiang', '成都市锦江区人力资源和社会保障局', 'hrss', dict(center='业务专用章', seed=102, d=240), '成都市锦江区')
iss('cq_yuzhong', '重庆市渝中区民政局', 'civil', dict(center='', seed=103, d=236), '重庆市渝中区')
iss('cq_jiangbei', '重庆市江北区民政局', 'civil', dict(center='', seed=103, d=236), '重庆市江北区')
iss('gz_nanhuaxi', '广州市海珠区南华西街道办事处', 'street', dict(center='', seed=104, d=236), '广州市海珠区')
iss('gz_shayuan', '广州市海珠区沙园街道办事处', 'street', dict(center='', seed=104, d=236), '广州市海珠区')
iss('sz_xinghe', '深圳市星河电子科技有限公司', 'company', dict(center='人事专用章', seed=105, d=220), '深圳市龙岗区坂田街道', fi=1)
iss('sz_xinghai', '深圳市星海电子科技有限公司', 'company', dict(center='人事专用章', seed=105, d=220), '深圳市宝安区西乡街道', fi=1)
iss('wh_1', '武汉市第一医院', 'hosp', dict(center='住院处专用章', shape='oval', star=False, inner=True, seed=106, d=190), '武汉市硚口区中山大道215号')
iss('wh_3', '武汉市第三医院', 'hosp', dict(center='住院处专用章', shape='oval', star=False, inner=True, seed=106, d=190), '武汉市武昌区彭刘杨路241号')
iss('hz_beishan', '杭州市公安局西湖区分局北山派出所', 'police', dict(center='户口专用章', seed=107, d=240), '杭州市西湖区')
iss('hz_lingyin', '杭州市公安局西湖区分局灵隐派出所', 'police', dict(center='户口专用章', seed=107, d=240), '杭州市西湖区')
iss('sh_shenheng', '上海申衡律师事务所', 'law', dict(center='', seed=108, d=220), '上海市黄浦区延安东路58号12楼 电话：021-63218876')
iss('sh_shenheng2', '上海申恒律师事务所', 'law', dict(center='', seed=108, d=220), '上海市静安区威海路511号8楼 电话：021-62173390')
iss('su_boyuan', '苏州博远物流有限公司', 'company', dict(center='财务专用章', shape='oval', star=False, reg='3205940011873', seed=109, d=170), '苏州工业园区星湖街328号', fi=1)
iss('cd_wuyuan', '成都市第五人民医院', 'hosp', dict(center='医务处', reg='5101150034567', seed=110, d=215), '成都市温江区麻市街33号')
iss('dg_xinrong', '东莞市鑫荣五金制品有限公司', 'company', dict(center='', reg='4419000156782', seed=111, d=225), '东莞市长安镇', fi=0)
# forged-letter firms (their 执业证号 will be USCCs)
iss('f_zhengheng', '北京正衡律师事务所', 'law', dict(center='', seed=121, d=225), '北京市朝阳区建国路88号SOHO现代城B座 电话：010-85901122')
iss('f_lianxin', '广东联信律师事务所', 'law', dict(center='', seed=122, d=230), '广州市天河区珠江新城华夏路16号 电话：020-38861254')
iss('f_qianhai', '深圳前海惠民法律咨询有限公司', 'law', dict(center='法务专用章', shape='oval', star=False, seed=123, d=175), '深圳市前海深港合作区前湾一路1号 电话：0755-86659032')
iss('f_chengzhai', '湖南湘诚律师事务所', 'law', dict(center='', seed=124, d=225, inner=True), '长沙市岳麓区麓谷大道627号 电话：0731-88761203')
iss('f_jintai', '上海金泰律师事务所', 'law', dict(center='', seed=125, d=220), '上海市浦东新区世纪大道1777号 电话：021-50216689')
iss('f_hengan', '浙江恒安律师事务所', 'law', dict(center='', seed=126, d=225), '杭州市上城区钱江路639号 电话：0571-86012378')

SEALS = {}


def seal_of(key):
    if key not in SEALS:
        s = ISS[key]['seal']
        SEALS[key] = make_seal(ISS[key]['name'], center=s.get('center', ''), shape=s.get('shape', 'round'),
                               star=s.get('star', True), reg=s.get('reg'), d=s.get('d', 230), seed=s['seed'],
                               inner=s.get('inner', False), fi=ISS[key]['fi'])
    return SEALS[key]


DIAG = ['腰椎间盘突出症', '2型糖尿病伴多个并发症', '高血压病3级（极高危）', '乳腺恶性肿瘤术后', '慢性肾脏病4期', '重度抑郁发作',
        '胃恶性肿瘤', '脑梗死后遗症', '急性心肌梗死', '股骨颈骨折', '肺部感染', '甲状腺恶性肿瘤术后']
ADV = ['建议休息两周，定期复查。', '建议住院治疗，注意休息。', '建议全休一个月，门诊随访。', '避免重体力劳动，定期复诊。', '继续药物治疗，三个月后复查。']
DEPT = ['骨科', '内分泌科', '心内科', '普外科', '肾内科', '精神心理科', '肿瘤科', '神经内科', '呼吸内科']
DOCS = ['王海生', '刘敏', '陈建国', '赵雪', '孙立', '周文', '黄晓燕', '吴昊']


# ------------------------------------------------------------ document templates
def header(d, I, size=32, color=(185, 20, 25), sub=True):
    d.text(I['name'], size=size, align='center', bold=True, color=color)
    if sub and I.get('addr'):
        d.text('地址：' + I['addr'], size=15, align='center', color=(90, 90, 90), lh=1.5)
    d.hr(w=3, color=color)


def sign(d, I, date_s, seal_key=None, x=560, extra=None):
    d.space(30)
    for e in (extra or []):
        d.text(e, size=20, x=x - 40)
    y0 = d.y
    d.text(I['name'] if len(I['name']) < 16 else I['name'], size=20, align='right', right=Doc.W - 100)
    d.text([(date_s, 'date')], size=20, align='right', right=Doc.W - 100)
    bx = d.boxes['date']
    sk = seal_key or I['key']
    d.seal(seal_of(sk), (bx[0] + bx[2]) / 2 - 10, y0 + 20)


def t_diag(I, f):
    d = Doc(fi=I['fi']); header(d, I)
    d.text('诊 断 证 明 书', size=30, align='center', bold=True)
    d.text('门诊号：%s' % f['no'], size=17, align='right', color=(60, 60, 60))
    d.table([['姓名', (f['name'], 'name'), '性别', f['gender'], '年龄', '%d岁' % f['age']],
             ['身份证号', (f['id'], 'id'), None, None, None, None],
             ['科别', f['dept'], '就诊日期', (f['visit_s'], 'visit'), None, None],
             ['诊断', (f['diag'], 'diag'), None, None, None, None],
             ['医嘱', (f['adv'], 'adv'), None, None, None, None]], [120, 200, 110, 90, 80, 110], rh=52)
    if f.get('note'):
        d.text([(f['note'], 'note')], size=17, color=(70, 70, 70))
    d.space(20)
    d.text('医师：%s' % f['doctor'], size=20, x=140)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_inpat(I, f):
    d = Doc(fi=I['fi']); header(d, I, color=(20, 60, 140))
    d.text('出 院 记 录', size=30, align='center', bold=True)
    d.text('住院号：%s' % f['no'], size=17, align='right', color=(60, 60, 60))
    d.table([['姓名', (f['name'], 'name'), '性别', f['gender'], '年龄', '%d岁' % f['age']],
             ['身份证号', (f['id'], 'id'), None, None, '科室', f['dept']],
             ['入院日期', (f['admit_s'], 'admit'), None, '出院日期', (f['dis_s'], 'discharge'), None],
             ['住院天数', (f['days'], 'days'), None, None, None, None],
             ['入院诊断', f['diag'], None, None, None, None],
             ['出院诊断', (f['diag2'], 'diag2'), None, None, None, None],
             ['出院医嘱', f['adv'], None, None, None, None]], [120, 150, 110, 120, 80, 130], rh=50)
    d.space(10)
    d.text('经治医师：%s      主任医师：%s' % (f['doctor'], f['doctor2']), size=19, x=110)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_unemp(I, f):
    d = Doc(fi=I['fi'], margin=110); header(d, I, size=30)
    d.space(20)
    d.text('失 业 证 明', size=34, align='center', bold=True)
    d.text('%s' % f['no'], size=18, align='center', color=(60, 60, 60))
    d.space(20)
    d.text([('兹证明 ', None), (f['name'], 'name'), ('（公民身份号码：', None), (f['id'], 'id'),
            ('）原在%s工作，于%s解除劳动关系，已于' % (f['employer'], f['leave_s']), None), (f['reg_s'], 'regdate'),
            ('在我局办理失业登记，失业登记证号：%s。目前处于失业状态，可按规定享受失业保险待遇。' % f['regno'], None)],
           size=21, indent=42, lh=2.0)
    d.text('特此证明。', size=21, indent=42, lh=2.0)
    d.space(40)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_poverty(I, f):
    d = Doc(fi=I['fi'], margin=105)
    d.space(30)
    d.text(f.get('title', '家庭经济困难证明'), size=34, align='center', bold=True)
    d.text(f['no'], size=18, align='center', color=(60, 60, 60))
    d.space(24)
    d.text([('兹有我辖区居民 ', None), (f['name'], 'name'), ('，%s，公民身份号码：' % f['gender'], None), (f['id'], 'id'),
            ('，户籍地址：%s。该户家庭人口' % f['addr'], None), ('%d' % f['members'], 'members'),
            ('人，家庭人均月收入约', None), (f['income'], 'income'),
            ('元，%s，家庭经济十分困难，%s。' % (f['reason'], f['status']), None)], size=21, indent=42, lh=2.0)
    d.text([(f['footer'], 'footer')], size=21, indent=42, lh=2.0)
    d.text('特此证明。', size=21, indent=42, lh=2.0)
    d.space(50)
    d.text('（经办人：%s    联系电话：%s）' % (f['clerk'], f['tel']), size=17, x=120, color=(70, 70, 70))
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_resign(I, f):
    d = Doc(fi=I['fi'], margin=100)
    d.text(I['name'], size=26, x=100, bold=True, color=(20, 70, 150))
    d.text(f.get('eng', 'SHENZHEN XINGHE ELECTRONIC TECHNOLOGY CO., LTD.'), size=13, x=100, color=(90, 90, 90), lh=1.4)
    d.hr(w=2, color=(20, 70, 150))
    d.space(40)
    d.text('离 职 证 明', size=32, align='center', bold=True)
    d.space(30)
    d.text([('兹证明 ', None), (f['name'], 'name'), ('（身份证号：', None), (f['id'], 'id'),
            ('）自%s起在我公司%s担任%s一职，于' % (f['join_s'], f['deptc'], f['pos']), None), (f['leave_s'], 'leave'),
            ('因%s与我公司解除劳动合同，现已办妥全部离职交接手续。' % f['why'], None)], size=21, indent=42, lh=2.0)
    d.text('我公司与其不存在任何劳动纠纷，特此证明。', size=21, indent=42, lh=2.0)
    d.space(60)
    sign(d, I, f['date_s'], f.get('seal'), extra=[])
    d.y = 1150; d.text('公司地址：%s    人事部电话：%s' % (I['addr'], f['tel']), size=14, align='center', color=(110, 110, 110))
    return d


def t_death(I, f):
    d = Doc(fi=I['fi'], margin=110)
    d.rect(70, 70, Doc.W - 70, Doc.H - 90, w=4, color=(120, 40, 30)); d.rect(80, 80, Doc.W - 80, Doc.H - 100, w=1, color=(120, 40, 30))
    d.space(40)
    d.text('死 亡 证 明', size=36, align='center', bold=True)
    d.text('编号：%s' % f['no'], size=18, align='right', right=Doc.W - 120)
    d.space(10)
    d.table([['姓名', (f['name'], 'name'), '性别', f['gender']],
             ['民族', '汉', '出生日期', fdate(f['birth'])],
             ['公民身份号码', (f['id'], 'id'), None, None],
             ['死亡日期', (f['death_s'], 'death'), None, None],
             ['死亡原因', f['cause'], None, None],
             ['户籍地址', f['addr'], None, None]], [150, 240, 130, 160], rh=54)
    d.text([('经核实，上述人员已于', None), (f['death_s'], 'death2'), ('死亡，其常住户口已于%s注销。' % f['cancel_s'], None)],
           size=21, indent=42, lh=2.0)
    d.text('此证明用于办理相关事务。', size=21, indent=42, lh=2.0)
    d.space(30)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_lawyer(I, f):
    d = Doc(fi=I['fi'], margin=95)
    d.text(I['name'], size=30, align='center', bold=True, color=(30, 30, 30))
    d.text(I['addr'], size=14, align='center', color=(90, 90, 90), lh=1.5)
    d.hr(w=2, color=(30, 30, 30))
    d.text('律  师  函', size=34, align='center', bold=True)
    d.text(f['no'], size=18, align='center')
    d.text('致：%s' % LENDER, size=21, lh=1.9)
    d.text([(I['name'] + '（以下简称"本所"）接受', None), (f['name'], 'name'), ('（身份证号：', None), (f['id'], 'id'),
            ('）的委托，指派%s律师就其与贵司之间借款合同纠纷一事，郑重致函如下：' % f['lawyer'], None)], size=19, indent=38, lh=1.85)
    for p in f['paras']:
        d.text(p, size=19, indent=38, lh=1.85)
    d.space(10)
    d.text([('承办律师：%s' % f['lawyer'], None)], size=19, x=120, lh=1.6)
    d.text([('执业证号：', None), (f['lic'], 'lic')], size=19, x=120, lh=1.6)
    d.text('联系电话：%s' % f['tel'], size=19, x=120, lh=1.6)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


def t_income(I, f):
    d = Doc(fi=I['fi'], margin=100)
    d.space(40)
    d.text('收 入 证 明', size=32, align='center', bold=True)
    d.space(20)
    d.table([['姓名', (f['name'], 'name'), '部门', f['deptc']],
             ['身份证号码', (f['id'], 'id'), None, None],
             ['入职时间', f['join_s'], '职务', f['pos']],
             ['月均收入（税前）', (f['income'], 'income'), None, None],
             ['目前状态', f['status'], None, None]], [170, 230, 110, 190], rh=54)
    d.text('兹证明以上信息属实。本证明仅用于证明该员工在我单位的收入情况，不作任何担保之用。', size=19, indent=38, lh=1.9)
    d.space(40)
    d.text('人事经办人：%s' % f['clerk'], size=19, x=120)
    sign(d, I, f['date_s'], f.get('seal'))
    return d


TPL = dict(diag=t_diag, inpat=t_inpat, unemp=t_unemp, poverty=t_poverty, resign=t_resign, death=t_death,
           lawyer=t_lawyer, income=t_income)
DOC_TYPE = dict(diag='诊断证明书', inpat='出院记录', unemp='失业证明', poverty='家庭经济困难证明', resign='离职证明',
                death='死亡证明', lawyer='律师函', income='收入证明')
# ------------------------------------------------------------ field generation


def fields(kind, I, p, ddate, r):
    f = dict(name=p['name'], id=p['id'], gender=p['gender'], birth=p['birth'])
    st = 1 if I['kind'] in ('hrss', 'civil', 'police') and r.random() < 0.6 else r.choice([0, 0, 2])
    f['date_s'] = fdate(ddate, st); f['date'] = ddate
    if kind == 'diag':
        v = ddate - dt.timedelta(days=r.randint(0, 3))
        f.update(no='MZ%08d' % r.randint(10 ** 7, 10 ** 8 - 1), age=age(p, v), dept=r.choice(DEPT), visit_s=fdate(v, 2),
                 diag=r.choice(DIAG), adv=r.choice(ADV), doctor=r.choice(DOCS))
        f['date_s'] = fdate(ddate, r.choice([0, 2]))
    elif kind == 'inpat':
        dis = ddate - dt.timedelta(days=r.randint(0, 2)); adm = dis - dt.timedelta(days=r.randint(6, 30))
        dg = r.choice(DIAG)
        f.update(no='ZY%07d' % r.randint(10 ** 6, 10 ** 7 - 1), age=age(p, adm), dept=r.choice(DEPT), admit_s=fdate(adm, 2),
                 dis_s=fdate(dis, 2), days='%d天' % (dis - adm).days, diag=dg, diag2=dg + '（好转）', adv=r.choice(ADV),
                 doctor=r.choice(DOCS), doctor2=r.choice(DOCS), admit=adm, dis=dis)
        f['date_s'] = fdate(ddate, 0)
    elif kind == 'unemp':
        lv = ddate - dt.timedelta(days=r.randint(40, 200)); rg = lv + dt.timedelta(days=r.randint(5, 25))
        f.update(no='%s失证〔2026〕%d号' % (I['name'][3:5], r.randint(100, 2999)), employer=r.choice(
            ['成都锐拓科技有限公司', '四川华信建设工程有限公司', '成都蓉欣餐饮管理有限公司', '成都天府云商贸易有限公司']),
                 leave_s=fdate(lv), reg_s=fdate(rg), regno='5101%08d' % r.randint(10 ** 7, 10 ** 8 - 1))
    elif kind == 'poverty':
        f.update(no='%s证字〔2026〕第%03d号' % (I['name'][6:8] if I['kind'] == 'street' else I['name'][3:5], r.randint(10, 480)),
                 addr=I['addr'] + r.choice(['解放路', '民主路', '宝华路', '工业大道', '洪崖洞路']) + '%d号%d室' % (r.randint(1, 300), r.randint(101, 1808)),
                 members=r.randint(3, 6), income='%d' % r.choice([680, 820, 950, 1100, 1260]),
                 reason=r.choice(['户主长期患病', '家中有重度残疾人员', '主要劳动力失业', '因病致贫']),
                 status=r.choice(['已纳入城乡最低生活保障', '属于我辖区低收入家庭', '生活来源无保障']),
                 footer='本证明仅用于办理相关减免事项，有效期三个月。', clerk=r.choice(DOCS),
                 tel='0%d-%08d' % (r.choice([20, 23]), r.randint(10 ** 7, 10 ** 8 - 1)),
                 title='低保家庭证明' if I['kind'] == 'civil' else '家庭经济困难证明')
    elif kind == 'resign':
        lv = ddate - dt.timedelta(days=r.randint(0, 20)); jn = lv - dt.timedelta(days=r.randint(400, 2500))
        f.update(join_s=fdate(jn), leave_s=fdate(lv), deptc=r.choice(['生产部', '品质部', '采购部', '行政部', '研发中心']),
                 pos=r.choice(['操作员', '品质检验员', '采购专员', '行政助理', '硬件工程师']),
                 why=r.choice(['公司经营调整', '个人原因', '合同期满不再续签', '岗位裁撤']), tel='0755-%08d' % r.randint(10 ** 7, 10 ** 8 - 1),
                 leave=lv)
        if I['key'] == 'sz_xinghai': f['eng'] = 'SHENZHEN XINGHAI ELECTRONIC TECHNOLOGY CO., LTD.'
        if I['key'] == 'dg_xinrong': f['eng'] = 'DONGGUAN XINRONG HARDWARE PRODUCTS CO., LTD.'
    elif kind == 'death':
        de = ddate - dt.timedelta(days=r.randint(5, 30)); cc = de + dt.timedelta(days=r.randint(1, 4))
        if cc > ddate: cc = ddate
        f.update(no='%d%07d' % (330106 if 'beishan' in I['key'] else 330107, r.randint(10 ** 6, 10 ** 7 - 1)),
                 death_s=fdate(de), death=de, cancel_s=fdate(cc),
                 cause=r.choice(['疾病（心源性猝死）', '疾病（恶性肿瘤）', '疾病（脑出血）']),
                 addr='杭州市西湖区' + r.choice(['北山街', '曙光路', '灵隐路', '天目山路']) + '%d号' % r.randint(1, 200))
    elif kind == 'lawyer':
        f.update(no='（2026）%s律函字第%03d号' % (I['name'][2:4], r.randint(10, 900)),
                 lawyer=r.choice(['李明远', '张婉清', '陈卫东', '高志鹏', '刘书涵', '何俊']),
                 tel='1%d%09d' % (r.choice([35, 38, 39, 58, 86]), r.randint(10 ** 8, 10 ** 9 - 1)),
                 lic='1%s%d1%d%06d' % (r.choice(['3101', '1101', '4401']), r.randint(2008, 2020), r.randint(0, 1), r.randint(100000, 999999)),
                 paras=[
                     '一、委托人因%s，收入骤减，已无力按原合同约定偿还贵司借款。' % r.choice(['身患重病', '失业', '家庭变故', '经营失败']),
                     '二、经本所律师审查，贵司在放款过程中存在收取高额服务费、综合年化利率超过法定上限等情形，相关收费缺乏法律依据。',
                     '三、请贵司自收到本函之日起七日内停止一切催收行为，与本所协商停息挂账、减免罚息及分期还款方案。',
                     '四、如贵司置之不理，本所将依法向监管部门投诉并通过诉讼途径维护委托人合法权益。',
                     '特此函告。'])
    elif kind == 'income':
        jn = ddate - dt.timedelta(days=r.randint(500, 3000))
        f.update(deptc=r.choice(['运输部', '仓储部', '客服部']), join_s=fdate(jn), pos=r.choice(['司机', '仓管员', '客服专员']),
                 income=r.choice(['3,200.00元', '2,800.00元', '4,150.00元']), status=r.choice(['在职（停薪留职）', '在职', '待岗']),
                 clerk=r.choice(DOCS))
    return f


# ------------------------------------------------------------ captures
PHONES = [('HUAWEI', 'ELS-AN00'), ('Xiaomi', 'M2102K1C'), ('Apple', 'iPhone 13'), ('OPPO', 'PFEM10'), ('vivo', 'V2134A'),
          ('HONOR', 'ANY-AN00'), ('Apple', 'iPhone 12 Pro')]
CAPCAT = dict(phone='phone_photo', phone_warm='phone_photo', phone_dim='phone_photo', phone_fold='phone_photo',
              phone_screen='phone_photo', scan='scanner_jpeg', scan0='scanner_jpeg', scan_gray='scanner_jpeg', fax='scanner_jpeg',
              photocopy2='scanner_jpeg', scan_pdf='pdf', wechat='wechat_jpeg', wechat_scan='wechat_jpeg', png='png', pdf='pdf')


def capture(img, cap, rng):
    """returns (image, box-mapper)."""
    ident = lambda b: b
    if cap.startswith('phone'):
        o, Hf = cap_phone(img, rng, warm=cap == 'phone_warm', dim=cap == 'phone_dim', fold=cap == 'phone_fold',
                          screen=cap == 'phone_screen')
        return o, (lambda b: map_box(Hf, b))
    if cap == 'scan': return cap_scan(img, rng, angle=0 if rng.random() < 0.5 else None), ident
    if cap == 'scan0': return cap_scan(img, rng, angle=0), ident
    if cap == 'scan_gray': return cap_scan(img, rng, gray=True), ident
    if cap == 'fax': return cap_scan(img, rng, fax=True), ident
    if cap == 'photocopy2': return cap_scan(img, rng, photocopy=2), ident
    if cap == 'scan_pdf': return cap_scan(img, rng, gray=rng.random() < 0.5), ident
    if cap == 'wechat':
        o, Hf = cap_phone(img, rng, warm=rng.random() < 0.3, shadow=rng.random() < 0.5)
        s = 1280 / max(o.size)
        w, q = cap_wechat(o, rng)
        return w, (lambda b: tuple(v * s for v in map_box(Hf, b)))
    if cap == 'wechat_scan':
        o = cap_scan(img, rng, angle=0)
        w, q = cap_wechat(o, rng, maxside=1000)
        s = 1000 / max(o.size)
        return w, (lambda b: tuple(v * s for v in b))
    if cap == 'png':
        sh, (ox, oy, s) = screenshot(img, rng, app_title=rng.choice(['文件预览', '电子证照', '查看附件']), tm='%d:%02d' % (rng.integers(8, 22), rng.integers(0, 60)))
        return sh, (lambda b: (b[0] * s + ox, b[1] * s + oy, b[2] * s + ox, b[3] * s + oy))
    raise ValueError(cap)


def save(img, cap, path, rng, when, software=None, keep_exif=None, pdf_meta=None):
    if cap.startswith('phone'):
        mk, md = PHONES[rng.integers(len(PHONES))]
        ex = keep_exif if keep_exif is not None else exif_bytes(mk, md, when.strftime('%Y:%m:%d %H:%M:%S'), software)
        if software and keep_exif is None:
            ex = exif_bytes(None, None, None, software)
        img.convert('RGB').save(path, 'JPEG', quality=int(rng.integers(84, 92)), exif=ex)
    elif cap in ('scan', 'scan0', 'scan_gray', 'fax', 'photocopy2'):
        ex = exif_bytes('Canon', 'MF240 Series', when.strftime('%Y:%m:%d %H:%M:%S')) if rng.random() < 0.3 else b''
        if software: ex = exif_bytes(None, None, None, software)
        img.save(path, 'JPEG', quality=85, exif=ex)
    elif cap.startswith('wechat'):
        ex = exif_bytes(None, None, None, software) if software else b''
        img.convert('RGB').save(path, 'JPEG', quality=int(rng.integers(68, 78)), exif=ex)
    elif cap == 'png':
        pi = PngImagePlugin.PngInfo()
        if software: pi.add_text('Software', software)
        img.save(path, 'PNG', optimize=True, pnginfo=pi)
    elif cap == 'scan_pdf':
        image_pdf(img, path, title='扫描件', creator=rng.choice(['EPSON Scan 2', 'CamScanner', 'Canon ScanGear']), producer='ScanToPDF 3.1')


# ------------------------------------------------------------ build
FILES = {}
CUSTOMERS = []
COMPLAINTS = []
cust_i = [0]
USED_CID = set()


def new_customer(p=None):
    p = p or person()
    cust_i[0] += 1
    while True:
        cid = 'C26%06d' % R.randint(100000, 999999)
        if cid not in USED_CID:
            USED_CID.add(cid); break
    c = dict(customer_id=cid, name=p['name'],
             phone='1%d%08d' % (R.choice([33, 35, 37, 38, 39, 50, 52, 58, 77, 80, 86, 89]), R.randint(10 ** 7, 10 ** 8 - 1)),
             principal='%.2f' % R.choice([3000, 5000, 8000, 12000, 15000, 20000, 26000, 35000, 50000]),
             next_due_date='2026-%02d-%02d' % (R.choice([9, 10, 11]), R.randint(1, 28)), overdue_days=R.choice([0, 0, 5, 18, 33, 47, 62, 95, 140]),
             id_number=p['id'], _p=p)
    CUSTOMERS.append(c)
    return c


def recv_time():
    d = dt.datetime(2026, 8, 1, 8) + dt.timedelta(minutes=R.randint(0, 58 * 24 * 60))
    return d


nfile = [0]


USED_FN = set()


def fname(kind, cap, when):
    nfile[0] += 1
    ext = {'pdf': 'pdf', 'scan_pdf': 'pdf', 'png': 'png'}.get(cap, 'jpg')
    pre = {'phone_photo': 'IMG', 'scanner_jpeg': 'scan', 'wechat_jpeg': 'mmexport', 'png': 'Screenshot', 'pdf': 'doc'}[CAPCAT[cap]]
    while True:
        w = when + dt.timedelta(seconds=R.randint(0, 3000))
        if pre == 'IMG': n = R.choice(['IMG_%s' % w.strftime('%Y%m%d_%H%M%S'), '%s' % w.strftime('%Y%m%d_%H%M%S')]) + '.' + ext
        elif pre == 'mmexport': n = 'mmexport%d.%s' % (int((w - dt.timedelta(hours=8)).replace(tzinfo=dt.timezone.utc).timestamp() * 1000) + R.randint(0, 999), ext)
        elif pre == 'Screenshot': n = 'Screenshot_%s.%s' % (w.strftime('%Y-%m-%d-%H-%M-%S'), ext)
        elif pre == 'scan': n = R.choice(['scan_%s' % w.strftime('%Y%m%d%H%M%S'), 'SCN_%04d' % R.randint(1, 9999), '扫描件%d' % R.randint(1, 99)]) + '.' + ext
        else: n = R.choice(['%s_%d' % (DOC_TYPE[kind], R.randint(1, 999)), DOC_TYPE[kind] + w.strftime('%m%d'), 'file_%06d' % R.randint(0, 999999)]) + '.' + ext
        if n not in USED_FN:
            USED_FN.add(n); return n


def make(kind, ikey, cap, p, rt, forged=False, kinds=(), note='', tweak=None, seal=None, post_edit=None, pdf_font=None,
         fname_override=None, rseed=None, ddate=None, software=None, keep_exif=False, fields_override=None):
    """Render one attachment. Returns relative path."""
    I = ISS[ikey]
    r = random.Random(rseed if rseed is not None else R.randint(0, 10 ** 9))
    ddate = ddate or (rt.date() - dt.timedelta(days=r.randint(4, 35)))
    f = fields(kind, I, p, ddate, r)
    if fields_override: f.update(fields_override(f) or {})
    if tweak: tweak(f)
    if seal: f['seal'] = seal
    d = TPL[kind](I, f)
    when = rt - dt.timedelta(hours=R.randint(2, 24 * 6))
    fn = fname_override or fname(kind, cap, when)
    path = os.path.join(ATT, fn)
    rng = np.random.default_rng(2626 + nfile[0] * 13)
    if cap == 'pdf':
        pdf_font = pdf_font or R.choice(['wqy', 'stsong'])
        render_pdf(d, path, font=pdf_font, title=DOC_TYPE[kind], creator=r.choice(['Microsoft Word', 'WPS 文字', 'HIS电子病历系统']))
        if post_edit: post_edit(path, d, f)
    else:
        img = render_pil(d)
        out, mp = capture(img, cap, rng)
        ex = None
        if post_edit:
            out = post_edit(out, mp, d, f, rng)
            if keep_exif:
                mk, md = PHONES[rng.integers(len(PHONES))]
                ex = exif_bytes(mk, md, when.strftime('%Y:%m:%d %H:%M:%S'))
        save(out, cap, path, rng, when, software=software, keep_exif=ex)
    rel = 'attachments/' + fn
    FILES[rel] = dict(forged=forged, kinds=list(kinds), doc_type=f.get('title', DOC_TYPE[kind]) if kind == 'poverty' else DOC_TYPE[kind], capture=CAPCAT[cap], note=note)
    return rel, f, d


def complaint(c, rt, files, text, channel=None):
    COMPLAINTS.append(dict(complaint_id=None, received_at=rt.strftime('%Y-%m-%dT%H:%M:%S+08:00'),
                           channel=channel or R.choice(['app', 'app', 'hotline', 'email', 'regulator', 'social', 'other']),
                           customer_id=c['customer_id'], phone=c['phone'], text=text, attachments=files))


TXT = dict(
    diag=['本人因病长期治疗，无力按期还款，附医院诊断证明，请求延期还款。', '我生病住院花了很多钱，现在没有收入，附上诊断证明，希望能减免罚息。',
          '患病期间无法工作，附诊断证明书，申请停息分期。'],
    inpat=['本人刚出院，附出院记录，请暂停催收并协商分期。', '住院治疗近一个月，附出院记录，申请延期还款。'],
    unemp=['我已失业，附失业证明，目前没有收入来源，请求停息挂账。', '公司裁员后本人失业至今，附失业证明，请协商还款方案。'],
    poverty=['家庭经济困难，附街道开具的困难证明，请求减免利息。', '家里是低保户，附证明材料，实在无力还款，请求协商。'],
    resign=['本人已离职，附离职证明，暂时无力还款，希望延期。', '被公司辞退，附离职证明，请求减免罚息并分期。'],
    death=['借款人%s已去世，我是家属，附死亡证明，请核实后停止催收。', '我丈夫/妻子%s已经去世，附死亡证明，请求注销债务并停止打扰家人。'],
    lawyer=['我已委托律师处理，附律师函，请贵司停止催收并与律师联系。', '附律师函一份，请贵司在七日内答复停息挂账方案。'],
    income=['收入大幅下降，附单位收入证明，申请降低月供。', '目前待岗收入很低，附收入证明，请求延期。'],
)


def ctext(kind, c):
    t = R.choice(TXT[kind])
    return t % c['name'] if '%s' in t else t


def simple(kind, ikey, cap, **kw):
    c = new_customer(); rt = recv_time()
    rel, f, d = make(kind, ikey, cap, c['_p'], rt, **kw)
    complaint(c, rt, [rel], ctext(kind, c))
    return c, rt, rel, f


# ---------------------------------------------------------------- genuine (40)
GEN = [('diag', 'pd_renmin', 'phone'), ('diag', 'pd_renmin', 'scan'), ('diag', 'pd_renmin', 'wechat'),
       ('diag', 'pd_gongli', 'pdf'), ('diag', 'pd_gongli', 'phone_warm'), ('diag', 'pd_gongli', 'scan'),
       ('unemp', 'cd_wuhou', 'scan_gray'), ('unemp', 'cd_wuhou', 'png'), ('unemp', 'cd_jinjiang', 'phone_fold'),
       ('unemp', 'cd_jinjiang', 'pdf'),
       ('poverty', 'cq_yuzhong', 'phone'), ('poverty', 'cq_yuzhong', 'fax'), ('poverty', 'cq_jiangbei', 'wechat'),
       ('poverty', 'cq_jiangbei', 'pdf'), ('poverty', 'gz_nanhuaxi', 'scan'), ('poverty', 'gz_nanhuaxi', 'phone_screen'),
       ('poverty', 'gz_shayuan', 'phone_dim'), ('poverty', 'gz_shayuan', 'wechat'),
       ('resign', 'sz_xinghe', 'pdf'), ('resign', 'sz_xinghe', 'phone'), ('resign', 'sz_xinghe', 'wechat'),
       ('resign', 'sz_xinghai', 'photocopy2'), ('resign', 'sz_xinghai', 'scan'),
       ('inpat', 'wh_1', 'phone'), ('inpat', 'wh_1', 'scan_pdf'), ('inpat', 'wh_1', 'wechat_scan'),
       ('inpat', 'wh_3', 'wechat'), ('inpat', 'wh_3', 'phone_screen'),
       ('death', 'hz_beishan', 'scan'), ('death', 'hz_beishan', 'png'), ('death', 'hz_lingyin', 'phone'), ('death', 'hz_lingyin', 'wechat'),
       ('lawyer', 'sh_shenheng', 'pdf'), ('lawyer', 'sh_shenheng', 'wechat'), ('lawyer', 'sh_shenheng2', 'scan'),
       ('income', 'su_boyuan', 'png'), ('income', 'su_boyuan', 'scan'), ('income', 'su_boyuan', 'phone_dim'),
       ('diag', 'cd_wuyuan', 'phone'), ('diag', 'cd_wuyuan', 'pdf')]


def pdf_meta_only_update(path, d, f):
    from pypdf import PdfWriter
    w = PdfWriter(path, incremental=True)
    w.add_metadata({'/ModDate': "D:20260806101500+08'00'", '/Producer': 'Adobe Acrobat Reader 2026'})
    with open(path, 'wb') as fh:
        w.write(fh)


gen_cases = []
for i, (k, ik, cap) in enumerate(GEN):
    kw = {}
    note = 'genuine; issuer %s' % ISS[ik]['name']
    if k == 'diag' and ik == 'cd_wuyuan' and cap == 'pdf':
        kw['post_edit'] = pdf_meta_only_update
        note += '; PDF has an incremental update touching only /Info metadata (re-saved by a reader), content unchanged'
    c, rt, rel, f = simple(k, ik, cap, note=note, **kw)
    reg = c['id_number'][:6]
    if reg in ('500103', '460106', '440307', '310115', '330110', '500112') and c['_p']['birth'].year < dict(REG)[reg]:
        FILES[rel]['note'] += '; holder ID region code %s introduced after birth year %d (valid)' % (reg, c['_p']['birth'].year)
    gen_cases.append((c, rt, rel))

# a couple of genuine complaints with two attachments: add second genuine doc for same borrower
for idx, (k, ik, cap) in [(0, ('inpat', 'pd_renmin', 'scan')), (18, ('income', 'su_boyuan', 'wechat'))][:0]:
    pass

# ---------------------------------------------------------------- forged
def other_valid_person():
    q = person(); used_names.discard(q['name']); return q


# --- 1. USCC as lawyer licence (6)
USCC_PFX = ['31110000MD0173452', '91440101MA5CX8K2J', '91440300MA5FQ2R7X', '31430000MD02681K4', '91310115MA1K4B6T8',
            '92330102MA2H7N3L5']
for (ik, cap, pf) in [('f_zhengheng', 'pdf', USCC_PFX[0]), ('f_lianxin', 'phone', USCC_PFX[1]), ('f_qianhai', 'wechat', USCC_PFX[2]),
                      ('f_chengzhai', 'png', USCC_PFX[3]), ('f_jintai', 'scan_pdf', USCC_PFX[4]), ('f_hengan', 'fax', USCC_PFX[5])]:
    code = uscc(pf)
    simple('lawyer', ik, cap, forged=True, kinds=['uscc_as_lawyer_licence'], tweak=lambda f, code=code: f.update(lic=code),
           note='执业证号 printed is an 18-char unified social credit code')


# --- 2. edited images (5)
def patch(img, box, text, rng, pad=3, fi=1, scale=1.0, dx=0, color=None):
    im = img.convert('RGB'); a = np.asarray(im).astype(np.float32)
    x1, y1, x2, y2 = [int(v) for v in box]
    ring = np.concatenate([a[max(0, y1 - pad - 3):y1 - pad, x1:x2].reshape(-1, 3), a[y2 + pad:y2 + pad + 3, x1:x2].reshape(-1, 3)])
    bg = tuple(int(v) for v in np.median(ring, axis=0))
    inner = a[y1:y2, x1:x2].reshape(-1, 3)
    fg = color or tuple(int(v) for v in np.percentile(inner, 3, axis=0))
    d = ImageDraw.Draw(im)
    d.rectangle((x1 - pad, y1 - pad, x2 + pad + 3, y2 + pad), fill=bg)
    h = (y2 - y1) * 0.82 * scale
    d.text((x1 + dx, y1 + (y2 - y1 - h) * 0.35), text, font=F(h, fi), fill=fg)
    return im


c_orig = other_valid_person()


def e1(out, mp, d, f, rng):
    c = E_TARGET[0]
    im = patch(out, mp(d.boxes['name']), c['name'], rng)
    return patch(im, mp(d.boxes['id']), c['id_number'], rng, fi=1, scale=0.86)


def run_edit(kind, ik, cap, editfn, note, software=None, keep_exif=False, extra_kinds=(), tweak=None):
    c = new_customer(); rt = recv_time()
    E_TARGET[0] = c
    src = other_valid_person()
    rel, f, d = make(kind, ik, cap, src, rt, forged=True, kinds=['edited_image'] + list(extra_kinds), note=note,
                     post_edit=editfn, software=software, keep_exif=keep_exif, tweak=tweak)
    complaint(c, rt, [rel], ctext(kind, c))
    return c


E_TARGET = [None]
run_edit('resign', 'sz_xinghe', 'phone', e1, 'pasted text patches over name and ID (another person\'s certificate); saved via editor',
         software='Adobe Photoshop 25.1 (Windows)')


def e2(out, mp, d, f, rng):
    # make name/id correct by rendering doc for target, then clone paper texture over the restriction note
    a = np.asarray(out.convert('RGB')).copy()
    x1, y1, x2, y2 = [int(v) for v in mp(d.boxes['note'])]
    h = y2 - y1 + 8; w = x2 - x1 + 8
    sy = int(mp((0, 1180, 10, 1190))[1]) - h  # blank bottom area
    a[y1 - 4:y1 - 4 + h, x1 - 4:x1 - 4 + w] = a[sy:sy + h, x1 - 4:x1 - 4 + w]
    return Image.fromarray(a)


def run_edit_self(kind, ik, cap, editfn, note, software=None, keep_exif=False, tweak=None, extra_kinds=(), ddate=None, rtfix=None):
    c = new_customer(); rt = rtfix or recv_time()
    rel, f, d = make(kind, ik, cap, c['_p'], rt, forged=True, kinds=['edited_image'] + list(extra_kinds), note=note,
                     post_edit=editfn, software=software, keep_exif=keep_exif, tweak=tweak, ddate=ddate)
    complaint(c, rt, [rel], ctext(kind, c))
    return c


run_edit_self('diag', 'pd_renmin', 'scan0', e2, 'cloned paper region hides the restriction line under the table; re-saved without editor tag',
              tweak=lambda f: f.update(note='注：本证明仅作就诊记录，不作病休、减免债务及其他证明用途。', diag='急性上呼吸道感染', adv='建议休息三天。'))


def e3(out, mp, d, f, rng):
    b = mp(d.boxes['regdate'])
    return patch(out, b, f['_newreg'], rng, fi=0, scale=0.96)


def t3(f):
    f['_newreg'] = f['reg_s']
    old = dt.date(2024, 3, 11)
    f['reg_s'] = fdate(old)


run_edit_self('unemp', 'cd_wuhou', 'wechat_scan', e3, 'registration-date digits replaced (old 2024 registration re-dated); forwarded via WeChat',
              tweak=t3)


def e4(out, mp, d, f, rng):
    im = patch(out, mp(d.boxes['income']), '320', rng, fi=0)
    return patch(im, mp(d.boxes['members']), '6', rng, fi=0)


run_edit_self('poverty', 'gz_nanhuaxi', 'phone', e4, 'income and household-size figures pasted over; original camera-style EXIF re-attached',
              keep_exif=True, tweak=lambda f: f.update(income='2650', members=3, status='生活尚可维持', reason='家中有患病老人'))


def e5(out, mp, d, f, rng):
    return patch(out, mp(d.boxes['diag2']), '胃恶性肿瘤晚期（未愈）', rng, fi=0, pad=2)


run_edit_self('inpat', 'wh_3', 'png', e5, 'discharge diagnosis text replaced in a screenshot; saved by mobile photo editor',
              software='美图秀秀', tweak=lambda f: f.update(diag='急性阑尾炎', diag2='急性阑尾炎（治愈）'))

# --- 3. re-used across borrowers (7 files, 3 groups)
groups = [('poverty', 'gz_shayuan', ['phone', 'wechat']), ('inpat', 'wh_1', ['scan', 'phone_dim']),
          ('resign', 'dg_xinrong', ['photocopy2', 'phone_warm', 'scan_pdf'])]
for gi, (k, ik, caps) in enumerate(groups):
    seed = 9000 + gi
    base_rt = recv_time()
    base_date = base_rt.date() - dt.timedelta(days=20)
    members = []
    for j, cap in enumerate(caps):
        c = new_customer()
        rt = base_rt + dt.timedelta(days=3 + j * 4, hours=R.randint(0, 9))
        members.append(c)
        rel, f, d = make(k, ik, cap, c['_p'], rt, forged=True, kinds=['reused_across_borrowers'], rseed=seed, ddate=base_date,
                         note='group R%d: same document (same number, dates, details) re-issued for %d borrowers with only name/ID changed; re-captured' % (gi + 1, len(caps)))
        complaint(c, rt, [rel], ctext(k, c))


# --- 4. edited PDFs (3), incremental updates
def pdf_overlay_edit(target, change_id=True, moddate="D:20260812153000+08'00'", producer='PDF-XChange Editor 10.2'):
    def fn(path, d, f):
        from pypdf import PdfWriter, PdfReader
        from reportlab.pdfgen import canvas
        from reportlab.pdfbase import pdfmetrics
        s = 595.27 / Doc.W; H = 841.89
        ov = os.path.join(SCR, 'ov.pdf')
        cv = canvas.Canvas(ov, pagesize=(595.27, H))
        items = [('name', target['name'])] + ([('id', target['id_number'])] if change_id else [])
        for key, txt in items:
            x1, y1, x2, y2 = d.boxes[key]
            cv.setFillColorRGB(1, 1, 1); cv.rect(x1 * s - 1, H - y2 * s - 1, (x2 - x1) * s + 16, (y2 - y1) * s + 2, stroke=0, fill=1)
            cv.setFillColorRGB(0.1, 0.1, 0.1); cv.setFont('WQY', 20 * s * 0.97)
            cv.drawString(x1 * s, H - (y1 + 20 * 0.93) * s, txt)
        cv.showPage(); cv.save()
        w = PdfWriter(path, incremental=True)
        w.pages[0].merge_page(PdfReader(ov).pages[0])
        w.add_metadata({'/ModDate': moddate, '/Producer': producer})
        with open(path, 'wb') as fh:
            w.write(fh)
    return fn


for (k, ik, chid) in [('diag', 'pd_gongli', True), ('unemp', 'cd_jinjiang', False), ('resign', 'sz_xinghai', True)]:
    c = new_customer(); rt = recv_time(); src = other_valid_person()
    kinds = ['edited_pdf_incremental'] + ([] if chid else ['name_id_mismatch'])
    rel, f, d = make(k, ik, 'pdf', src, rt, forged=True, kinds=kinds, post_edit=pdf_overlay_edit(c, chid),
                     note='another person\'s PDF; incremental update overlays the name%s' % (' and ID' if chid else ' only (ID left as original holder\'s)'))
    complaint(c, rt, [rel], ctext(k, c))

# --- 5. seals copied across issuers (4)
for (k, ik, sk, cap) in [('inpat', 'wh_3', 'wh_1', 'phone'), ('diag', 'pd_renmin', 'cd_wuyuan', 'scan'),
                         ('death', 'hz_lingyin', 'hz_beishan', 'wechat'), ('resign', 'sz_xinghe', 'su_boyuan', 'pdf')]:
    simple(k, ik, cap, forged=True, kinds=['seal_copied_across_issuers'], seal=sk,
           note='document of %s bears seal of %s' % (ISS[ik]['name'], ISS[sk]['name']))

# --- 6. name/ID mismatches (5)
def mm_other_id(f): f['id'] = other_valid_person()['id']


def near_name(f):
    n = f['name']; alt = '君' if n[-1] != '君' else '军'
    f['name'] = n[:-1] + alt


simple('diag', 'pd_renmin', 'scan_gray', forged=True, kinds=['name_id_mismatch'], tweak=mm_other_id, note='borrower name with another person\'s valid ID')
simple('resign', 'sz_xinghe', 'wechat', forged=True, kinds=['name_id_mismatch'],
       tweak=lambda f: f.update(name=other_valid_person()['name']), note='different person\'s name with the borrower\'s ID')
simple('unemp', 'cd_wuhou', 'phone_fold', forged=True, kinds=['name_id_mismatch'], tweak=near_name, note='name differs by one character from borrower; borrower\'s ID')
simple('poverty', 'gz_shayuan', 'png', forged=True, kinds=['name_id_mismatch'], tweak=mm_other_id, note='borrower name with another person\'s valid ID')
simple('lawyer', 'sh_shenheng2', 'pdf', forged=True, kinds=['name_id_mismatch'], tweak=mm_other_id,
       note='lawyer letter (17-digit licence) naming borrower with another person\'s valid ID')

# --- 7. date inconsistencies (4)
c = new_customer(); rt = recv_time()
rel, f, d = make('diag', 'cd_wuyuan', 'phone', c['_p'], rt, forged=True, kinds=['date_inconsistent'], ddate=rt.date() + dt.timedelta(days=6),
                 note='issue date is after the complaint was received')
complaint(c, rt, [rel], ctext('diag', c))
simple('unemp', 'cd_jinjiang', 'scan', forged=True, kinds=['date_inconsistent'],
       tweak=lambda f: f.update(date_s='2026年6月31日'), ddate=dt.date(2026, 6, 30), note='impossible calendar date (June 31)')


def dis_before(f):
    f['admit_s'], f['dis_s'] = f['dis_s'], f['admit_s']


simple('inpat', 'wh_1', 'wechat', forged=True, kinds=['date_inconsistent'], tweak=dis_before, note='discharge date precedes admission date')


def death_after(f):
    de = f['date'] + dt.timedelta(days=5)
    f['death_s'] = fdate(de); f['cancel_s'] = fdate(de + dt.timedelta(days=1))


c = new_customer(); rt = recv_time()
rel, f, d = make('death', 'hz_beishan', 'scan_pdf', c['_p'], rt, forged=True, kinds=['date_inconsistent'], tweak=death_after,
                 ddate=rt.date() - dt.timedelta(days=12), note='certificate issue date precedes the stated date of death')
complaint(c, rt, [rel], ctext('death', c))


# --- 8. invalid ID numbers (3)
def bad_check(f):
    s = f['id']; ch = '10X98765432'
    f['id'] = s[:17] + ch[(ch.index(s[17]) + 3) % 11]


def bad_birth(f):
    s = f['id'][:6] + '19870230' + f['id'][14:17]
    f['id'] = s + id_check(s)


def bad_region(f):
    s = '990512' + f['id'][6:17]
    f['id'] = s + id_check(s)


simple('diag', 'pd_gongli', 'wechat', forged=True, kinds=['invalid_id_number'], tweak=bad_check,
       note='ID check digit wrong (doc ID therefore also differs from customer record)')
simple('poverty', 'cq_jiangbei', 'phone_warm', forged=True, kinds=['invalid_id_number'], tweak=bad_birth,
       note='ID encodes impossible birth date 1987-02-30 (differs from customer record)')
simple('income', 'su_boyuan', 'scan', forged=True, kinds=['invalid_id_number'], tweak=bad_region,
       note='ID has non-existent region code 99xxxx (differs from customer record)')

# ---------------------------------------------------------------- two-attachment complaints (genuine extras)
for (ci, k, ik, cap) in [(0, 'inpat', 'wh_3', 'scan'), (32, 'diag', 'pd_gongli', 'phone')]:
    c, rt, rel0 = gen_cases[ci]
    rel, f, d = make(k, ik, cap, c['_p'], rt, note='genuine; second attachment of same complaint; issuer %s' % ISS[ik]['name'])
    for cpl in COMPLAINTS:
        if cpl['customer_id'] == c['customer_id']:
            cpl['attachments'].append(rel)
# move second genuine file onto first complaint of the same borrower? keep simple: combine pairs by customer
R.shuffle(COMPLAINTS)
COMPLAINTS.sort(key=lambda x: x['received_at'])
for i, cpl in enumerate(COMPLAINTS):
    cpl['complaint_id'] = 'D26-%04d' % (i + 1)

with open(OUT + '/complaints.jsonl', 'w') as fh:
    for cpl in COMPLAINTS:
        fh.write(json.dumps(cpl, ensure_ascii=False) + '\n')
with open(OUT + '/customers.csv', 'w', newline='') as fh:
    w = csv.writer(fh)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'id_number'])
    for c in CUSTOMERS:
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], c['next_due_date'], c['overdue_days'], c['id_number']])
with open(OUT + '/materials_truth.json', 'w') as fh:
    json.dump({'files': dict(sorted(FILES.items()))}, fh, ensure_ascii=False, indent=1)
print(len(FILES), 'files', len(COMPLAINTS), 'complaints', len(CUSTOMERS), 'customers')
