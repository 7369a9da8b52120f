# Document templates. Each returns a lib.Page with field boxes recorded.
from lib import Page, cn_date

LENDER = '安信消费金融有限公司'

def _foot(p, issuer, date, spec, seal_xy, ang, seed, fk='ming', x=1080, y=1380, datefmt=None):
    p.text(x, y, issuer, fk, 30, anchor='r', key='issuer')
    p.text(x, y + 60, datefmt or cn_date(date), fk, 30, anchor='r', key='date')
    p.seal(spec, seal_xy[0], seal_xy[1], ang, seed)

def lizhi(d):  # 离职证明, letterhead, free text
    p = Page()
    p.text(620, 110, d['issuer'], 'hei', 40, (150, 20, 20), anchor='c')
    p.text(620, 165, d.get('issuer_addr', ''), 'hei', 20, (90, 90, 90), anchor='c')
    p.line(100, 205, 1140, 205, 4, (150, 20, 20)); p.line(100, 213, 1140, 213, 1, (150, 20, 20))
    p.text(620, 300, '离 职 证 明', 'hei', 56, anchor='c')
    segs = [('兹证明', None), (d['name'], 'name'), ('，性别', None), (d['gender'], None), ('，身份证号码：', None), (d['id'], 'id'),
            ('，自', None), (cn_date(d['start']), 'start'), ('起在我公司', None), (d['dept'], None), ('担任', None), (d['pos'], None),
            ('职务。因', None), (d['reason'], None), ('，该员工于', None), (cn_date(d['leave']), 'leave'),
            ('与我公司解除劳动合同，离职手续已全部办结，双方无劳动争议。', None)]
    y = p.para(130, 430, 980, segs, d.get('fk', 'ming'), 32, 1.9)
    p.para(130, y + 20, 980, [('特此证明。', None)], d.get('fk', 'ming'), 32)
    p.text(130, y + 140, '（本证明仅用于证明该员工离职事实，不作其他用途）', d.get('fk', 'ming'), 24, (80, 80, 80), key='restrict')
    _foot(p, d['issuer'], d['issue'], d['seal'], (930, 1420), d['ang'], d['seed'])
    return p

def shiye(d):  # 失业证明, table
    p = Page()
    p.text(620, 170, '失 业 证 明', 'zen', 58, anchor='c')
    p.text(1100, 260, '编号：' + d['no'], 'zen', 22, anchor='r', key='no')
    rows = [('姓名', d['name'], 'name'), ('性别', d['gender'], None), ('公民身份号码', d['id'], 'id'),
            ('户籍地址', d['addr'], None), ('原工作单位', d['prev'], None),
            ('失业登记日期', cn_date(d['reg']), 'reg'), ('失业原因', d['reason'], None), ('就业困难人员认定', d.get('hard', '是'), None)]
    x0, x1, x2, y = 120, 420, 1120, 310
    for lab, val, key in rows:
        p.rect(x0, y, x2, y + 90, 2)
        p.line(x1, y, x1, y + 90, 2)
        p.text(x0 + 20, y + 28, lab, 'zen', 30)
        p.text(x1 + 24, y + 28, val, 'ming', 30, key=key)
        y += 90
    p.para(120, y + 50, 1000, [('经核实，上述人员现处于失业状态，已在我单位办理失业登记，特此证明。', None)], 'ming', 30)
    p.text(120, y + 180, '办公时间：周一至周五 9:00-12:00 14:00-17:30', 'ming', 22, (80, 80, 80))
    _foot(p, d['issuer'], d['issue'], d['seal'], (900, y + 340), d['ang'], d['seed'], y=y + 300)
    return p

def pinkun(d):  # 贫困证明, free text, kai
    p = Page()
    fk = d.get('fk', 'kai')
    p.text(620, 200, '家庭经济困难证明', fk, 58, anchor='c')
    segs = [('兹有我村村民', None), (d['name'], 'name'), ('，', None), (d['gender'], None), ('，公民身份号码', None), (d['id'], 'id'),
            ('，现住', None), (d['addr'], None), ('。该户家庭人口', None), (str(d['members']), None), ('人，因', None), (d['reason'], None),
            ('，家庭年收入约', None), (d['income'], 'income'), ('元，生活十分困难，经村民代表评议，属我村', None), (d['level'], 'level'),
            ('家庭。', None)]
    y = p.para(120, 380, 1000, segs, fk, 34, 2.0)
    y = p.para(120, y + 20, 1000, [('情况属实，特此证明。', None)], fk, 34)
    p.text(120, y + 60, '（此证明仅限本人申请减免使用，复印无效）', fk, 26, (70, 70, 70), key='restrict')
    _foot(p, d['issuer'], d['issue'], d['seal'], (920, 1330), d['ang'], d['seed'], fk=fk, y=1290)
    p.text(120, 1600, '村委会联系电话：' + d.get('tel', ''), fk, 24)
    return p

def _hosp_head(p, d, title):
    p.text(620, 100, d['issuer'], 'hei', 44, anchor='c')
    p.text(620, 175, title, 'hei', 52, anchor='c')
    p.line(90, 250, 1150, 250, 3)

def zhenduan(d):  # 诊断证明书
    p = Page()
    _hosp_head(p, d, '诊 断 证 明 书')
    p.text(1150, 262, '门诊号：' + d['no'], 'hei', 22, anchor='r', key='no')
    y = 320
    p.text(100, y, '姓名：', 'hei', 30); p.text(190, y, d['name'], 'ming', 30, key='name')
    p.text(450, y, '性别：' + d['gender'], 'hei', 30); p.text(680, y, '年龄：%d岁' % d['age'], 'hei', 30, key='age')
    p.text(920, y, '科别：' + d['dept'], 'hei', 30)
    y += 70
    p.text(100, y, '身份证号：', 'hei', 30); p.text(260, y, d['id'], 'ming', 30, key='id')
    p.line(90, y + 60, 1150, y + 60, 1)
    y += 110
    p.text(100, y, '临床诊断：', 'hei', 32)
    y = p.para(130, y + 60, 960, [(d['diag'], 'diag')], 'kai', 34, 1.7, 0)
    p.text(100, y + 40, '医嘱及建议：', 'hei', 32)
    y = p.para(130, y + 100, 960, [(d['advice'], 'advice')], 'kai', 34, 1.7, 0)
    p.text(100, 1340, '医师签名：', 'hei', 30); p.text(270, 1330, d['doctor'], 'kai', 44, (30, 30, 90))
    p.text(100, 1420, '开具日期：', 'hei', 30); p.text(260, 1420, cn_date(d['issue']), 'ming', 30, key='date')
    p.seal(d['seal'], 880, 1400, d['ang'], d['seed'])
    p.line(90, 1600, 1150, 1600, 1)
    p.text(100, 1620, '注：本证明书须加盖诊断证明专用章方有效，涂改无效。', 'hei', 22, (60, 60, 60))
    return p

def zhuyuan(d):  # 出院记录 / 住院证明, table
    p = Page()
    _hosp_head(p, d, '住 院 证 明')
    p.text(1150, 262, '住院号：' + d['no'], 'hei', 22, anchor='r', key='no')
    rows = [('姓名', d['name'], 'name'), ('性别/年龄', '%s / %d岁' % (d['gender'], d['age']), 'age'), ('身份证号', d['id'], 'id'),
            ('科室/床号', d['dept'], None), ('入院日期', cn_date(d['adm']), 'adm'), ('出院日期', cn_date(d['dis']), 'dis'),
            ('住院天数', '%d天' % d['days'], 'days'), ('出院诊断', d['diag'], 'diag'), ('出院医嘱', d['advice'], None)]
    y = 300
    for lab, val, key in rows:
        p.rect(100, y, 1140, y + 84, 2); p.line(330, y, 330, y + 84, 2)
        p.text(120, y + 26, lab, 'hei', 28)
        p.text(350, y + 26, val if len(val) < 28 else val[:27], 'ming', 28, key=key)
        y += 84
    p.text(100, y + 60, '以上情况属实，特此证明。', 'ming', 30)
    p.text(1080, y + 200, '经治医师：' + d['doctor'], 'kai', 34, anchor='r')
    p.text(1080, y + 270, cn_date(d['issue']), 'ming', 30, anchor='r', key='date')
    p.seal(d['seal'], 900, y + 260, d['ang'], d['seed'])
    return p

def siwang(d):  # 居民死亡医学证明（推断）书
    p = Page()
    p.text(620, 110, '居民死亡医学证明（推断）书', 'hei', 46, anchor='c')
    p.text(100, 200, '发证机关：' + d['issuer'], 'hei', 24)
    p.text(1140, 200, '编号：' + d['no'], 'hei', 24, anchor='r', key='no')
    rows = [('死者姓名', d['name'], 'name'), ('性别', d['gender'], None), ('民族', '汉族', None), ('有效身份证件号码', d['id'], 'id'),
            ('出生日期', cn_date(d['birth']), 'birth'), ('死亡日期', cn_date(d['death']), 'death'), ('死亡地点', d['place'], None),
            ('直接死亡原因', d['cause'], None), ('常住户口地址', d['addr'], None)]
    y = 250
    for lab, val, key in rows:
        p.rect(100, y, 1140, y + 80, 2); p.line(400, y, 400, y + 80, 2)
        p.text(118, y + 24, lab, 'hei', 28)
        p.text(420, y + 24, val, 'ming', 28, key=key)
        y += 80
    p.text(100, y + 50, '医师签名：', 'hei', 28); p.text(260, y + 40, d['doctor'], 'kai', 40, (20, 20, 80))
    p.text(100, y + 120, '填表日期：' + cn_date(d['issue']), 'hei', 28, key='date')
    p.seal(d['seal'], 900, y + 130, d['ang'], d['seed'])
    p.text(100, 1650, '（第四联  死者家属保存）', 'hei', 22, (80, 80, 80))
    return p

def lvshi(d):  # 律师函
    p = Page()
    p.text(140, 90, d['issuer'], 'kai', 46, (10, 40, 110))
    p.text(140, 150, d.get('issuer_en', ''), 'hei', 20, (10, 40, 110))
    p.line(100, 190, 1140, 190, 3, (10, 40, 110))
    p.text(620, 260, '律  师  函', 'hei', 60, anchor='c')
    p.text(1120, 350, d['no'], 'ming', 26, anchor='r', key='no')
    p.text(120, 410, '致：' + LENDER, 'ming', 30)
    segs = [(d['issuer'], None), ('（以下简称“本所”）接受', None), (d['name'], 'name'), ('（公民身份号码：', None), (d['id'], 'id'),
            ('）的委托，指派本所', None), (d['lawyer'], None), ('律师，就委托人与贵司之间的借款合同纠纷事宜，郑重致函如下：', None)]
    y = p.para(120, 480, 1000, segs, 'ming', 28, 1.9)
    for t in d['body']:
        y = p.para(120, y + 6, 1000, [(t, None)], 'ming', 28, 1.9)
    p.para(120, y + 10, 1000, [('特此函告。', None)], 'ming', 28)
    y = max(y + 90, 1300)
    p.text(120, y, '承办律师：' + d['lawyer'], 'ming', 28)
    p.text(120, y + 50, '执业证号：', 'ming', 28); p.text(260, y + 50, d['lic'], 'ming', 28, key='lic')
    p.text(120, y + 100, '联系电话：' + d['tel'], 'ming', 28)
    p.text(1100, y + 120, d['issuer'], 'ming', 30, anchor='r')
    p.text(1100, y + 180, cn_date(d['issue']), 'ming', 30, anchor='r', key='date')
    p.seal(d['seal'], 930, y + 150, d['ang'], d['seed'])
    p.line(100, 1680, 1140, 1680, 1, (10, 40, 110))
    p.text(620, 1690, '地址：' + d.get('issuer_addr', ''), 'hei', 18, (10, 40, 110), anchor='c')
    return p

def shouru(d):  # 收入证明 / 停薪证明
    p = Page()
    p.text(620, 200, '收 入 证 明', 'ming', 56, anchor='c')
    segs = [('兹证明', None), (d['name'], 'name'), ('（身份证号：', None), (d['id'], 'id'), ('）系我单位员工，', None),
            ('因公司经营困难，自', None), (cn_date(d['from']), 'from'), ('起该员工停岗待岗，每月仅发放基本生活费', None), (d['amount'], 'amount'),
            ('元（税前），此前月平均收入为', None), (d['before'], None), ('元。', None)]
    y = p.para(130, 360, 980, segs, 'ming', 32, 1.9)
    p.para(130, y + 10, 980, [('本证明仅供该员工向金融机构说明还款能力使用，我单位对上述内容的真实性负责。', None)], 'ming', 32, 1.9)
    p.text(130, 1100, '单位联系人：' + d.get('contact', '') + '    电话：' + d.get('tel', ''), 'ming', 26)
    _foot(p, d['issuer'], d['issue'], d['seal'], (930, 1400), d['ang'], d['seed'], y=1360)
    return p

def shebao(d, screen=False):  # 社会保险个人参保证明 (e-document)
    p = Page()
    p.text(620, 120, '社会保险个人参保证明', 'hei', 50, anchor='c')
    p.text(620, 190, '（' + d['issuer'] + '）', 'hei', 26, anchor='c')
    y = 260
    info = [('姓名', d['name'], 'name'), ('公民身份号码', d['id'], 'id'), ('参保状态', d['status'], 'status'), ('最后缴费月份', d['last'], 'last')]
    for lab, val, key in info:
        p.rect(100, y, 1140, y + 70, 1, outline=(120, 120, 120)); p.line(400, y, 400, y + 70, 1, (120, 120, 120))
        p.text(120, y + 20, lab, 'hei', 26)
        p.text(420, y + 20, val, 'hei', 26, key=key)
        y += 70
    y += 40
    hdr = ['缴费年月', '险种', '缴费基数', '个人缴纳', '缴费状态']
    xs = [100, 300, 520, 740, 940, 1140]
    p.rect(100, y, 1140, y + 56, 1, (230, 236, 245), (120, 120, 120))
    for i, h in enumerate(hdr):
        p.text((xs[i] + xs[i + 1]) / 2, y + 16, h, 'hei', 24, anchor='c')
    y += 56
    for row in d['rows']:
        p.rect(100, y, 1140, y + 50, 1, outline=(160, 160, 160))
        for i, v in enumerate(row):
            p.text((xs[i] + xs[i + 1]) / 2, y + 13, v, 'hei', 22, anchor='c')
        y += 50
    p.text(100, y + 40, '打印日期：' + cn_date(d['issue']) + '    验证码：' + d['vcode'], 'hei', 24, key='date')
    p.text(100, y + 85, '本证明可登录当地人社部门官网或“掌上12333”输入验证码核验真伪。', 'hei', 22, (90, 90, 90))
    p.seal(d['seal'], 920, y + 60, 0, d['seed'], clean=True)
    return p

TEMPLATES = dict(lizhi=lizhi, shiye=shiye, pinkun=pinkun, zhenduan=zhenduan, zhuyuan=zhuyuan, siwang=siwang,
                 lvshi=lvshi, shouru=shouru, shebao=shebao)
DOC_NAMES = dict(lizhi='离职证明', shiye='失业证明', pinkun='贫困证明', zhenduan='诊断证明书', zhuyuan='住院证明',
                 siwang='死亡证明', lvshi='律师函', shouru='收入证明', shebao='社保参保证明')
