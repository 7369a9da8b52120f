# -*- coding: utf-8 -*-
"""Document templates -> page specs (mm layout shared by the Pillow and reportlab back ends)."""
import datetime as dt
from lib import wrap


def cn_date(d, style=0):
    if isinstance(d, str):
        return d
    if style == 1:
        return '%d年%02d月%02d日' % (d.year, d.month, d.day)
    if style == 2:
        return '%d-%02d-%02d' % (d.year, d.month, d.day)
    return '%d年%d月%d日' % (d.year, d.month, d.day)


def T(x, y, t, fk='song', pt=12, **o):
    return ('text', x, y, t, fk, pt, o)


def para(items, x, y, text, fk, pt, width, lead=1.9, indent=2):
    for ln in wrap(text, fk, pt, width, indent):
        items.append(T(x, y, ln, fk, pt))
        y += pt * 0.3528 * lead
    return y


def gender(idn):
    return '男' if int(idn[16]) % 2 else '女'


def age(idn, on):
    if isinstance(on, str):  # textual (possibly impossible) date: use its year/month
        on = dt.date(int(on[:4]), int(on[5:7]), 28)
    try:
        b = dt.date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14]))
    except ValueError:
        b = dt.date(int(idn[6:10]), int(idn[10:12]), 28)
    return on.year - b.year - ((on.month, on.day) < (b.month, b.day))


def letterhead(items, name, fk='bold', sub=None, red=False):
    items.append(T(105, 18, name, fk, 20, align='c', color=(200, 20, 30) if red else (20, 20, 22)))
    if sub:
        items.append(T(105, 30, sub, 'hei', 8.5, align='c', color=(80, 80, 80)))
    items.append(('line', 20, 36, 190, 36, 1.6 if red else 0.8))
    if red:
        items.append(('line', 20, 37.3, 190, 37.3, 0.4))


def seal_item(items, x, y, imp, dmm=40):
    items.append(('seal', x, y, imp, dmm))


def doc_lizhi(p, iss, imp, d_in, d_out, d_issue, pos, reason, docno=None, bodyfont='song', variant=0):
    it = []
    letterhead(it, iss['name'], sub=iss.get('addr'))
    it.append(T(105, 52, '离 职 证 明', 'bold', 22, align='c'))
    if docno:
        it.append(T(190, 66, docno, 'hei', 9, align='r', color=(90, 90, 90)))
    y = 76
    it.append(T(25, y, '兹证明 %s（身份证号码：%s）' % (p['name'], p['id']), bodyfont, 12.5))
    y += 11
    txt = ('自%s起在我公司%s担任%s一职，于%s因%s与我公司解除劳动合同。截至离职之日，双方劳动关系已终止，'
           '工资及社会保险已结算至离职当月，离职手续已办理完毕。' % (cn_date(d_in), iss.get('dept', '综合部'), pos, cn_date(d_out), reason))
    y = para(it, 25, y, txt, bodyfont, 12.5, 160, indent=0)
    y += 4
    it.append(T(25, y, '\u3000\u3000特此证明。', bodyfont, 12.5))
    it.append(T(25, y + 12, '\u3000\u3000（本证明仅用于证明离职情况，不作其他用途）', bodyfont, 10.5, color=(60, 60, 60)))
    it.append(T(180, 200, iss['name'], bodyfont, 12.5, align='r'))
    it.append(T(180, 211, cn_date(d_issue), bodyfont, 12.5, align='r'))
    seal_item(it, 150, 203, imp, 40)
    it.append(T(25, 240, '经办人：', bodyfont, 11)); it.append(('sig', 45, 238, iss.get('hr', '李敏')))
    it.append(T(25, 250, '联系电话：%s' % iss.get('tel', '0571-8861 2203'), bodyfont, 11))
    return dict(w_mm=210, h_mm=297, items=it)


def doc_shiye(p, iss, imp, d_reg, d_issue, regno, prev_employer, fk='song'):
    it = []
    letterhead(it, iss['name'], fk='bold', red=True)
    it.append(T(105, 50, '就业失业登记证明', 'bold', 20, align='c'))
    it.append(T(190, 63, '编号：%s' % regno, 'hei', 9.5, align='r'))
    rows = [('姓名', p['name'], '性别', gender(p['id'])), ('公民身份号码', p['id'], '', ''),
            ('登记类别', '失业登记', '登记日期', cn_date(d_reg, 1)), ('原工作单位', prev_employer, '', ''),
            ('户籍性质', iss.get('hj', '非农业'), '人员类别', '其他失业人员')]
    y0 = 70
    for i, r in enumerate(rows):
        y = y0 + i * 13
        it.append(('rect', 22, y, 188, y + 13, 0.6))
        it.append(T(25, y + 3.6, r[0], fk, 11))
        it.append(('line', 56, y, 56, y + 13, 0.6))
        it.append(T(59, y + 3.6, r[1], fk, 11.5))
        if r[2]:
            it.append(('line', 118, y, 118, y + 13, 0.6)); it.append(('line', 143, y, 143, y + 13, 0.6))
            it.append(T(121, y + 3.6, r[2], fk, 11)); it.append(T(146, y + 3.6, r[3], fk, 11.5))
    y = y0 + len(rows) * 13 + 10
    y = para(it, 25, y, '上述人员已在本机构办理失业登记，现处于失业状态，可按规定享受公共就业服务及相关扶持政策。'
                         '本证明自开具之日起三个月内有效。', fk, 12, 160)
    it.append(T(182, 200, iss['name'], fk, 12, align='r'))
    it.append(T(182, 211, cn_date(d_issue), fk, 12, align='r'))
    seal_item(it, 152, 203, imp, 40)
    it.append(T(25, 262, '（查询核验：%s）' % iss.get('verify', '12333'), 'hei', 9, color=(90, 90, 90)))
    return dict(w_mm=210, h_mm=297, items=it)


def doc_pinkun(p, iss, imp, d_issue, members, reason, fk='song', docno=None):
    it = []
    it.append(T(105, 28, '家庭经济困难证明', 'bold', 22, align='c'))
    if docno:
        it.append(T(188, 42, docno, fk, 10, align='r'))
    y = 54
    txt = ('兹证明%s，%s，身份证号码：%s，系我%s居民，家庭常住人口%d人。%s家庭收入微薄，生活困难，情况属实。' %
           (p['name'], gender(p['id']), p['id'], iss.get('unit', '村'), members, reason))
    y = para(it, 24, y, txt, fk, 13, 162, lead=2.1)
    y += 4
    it.append(T(24, y, '\u3000\u3000特此证明。', fk, 13))
    it.append(T(178, 170, iss['name'], fk, 13, align='r'))
    it.append(T(178, 182, cn_date(d_issue), fk, 13, align='r'))
    seal_item(it, 150, 174, imp, 42)
    it.append(T(24, 205, '负责人：', fk, 12)); it.append(('sig', 44, 203, iss.get('head', '王建国')))
    it.append(T(24, 216, '联系电话：%s' % iss.get('tel', '0797-6621 035'), fk, 12))
    return dict(w_mm=210, h_mm=297, items=it)


def doc_zhenduan(p, iss, imp, d_visit, dept, diag, advice, clinic_no, doctor, fk='song', d_issue=None, dmm=38):
    it = []
    it.append(T(105, 16, iss['name'], 'bold', 19, align='c'))
    it.append(T(105, 28, '诊 断 证 明 书', 'bold', 17, align='c'))
    it.append(T(188, 39, '门诊/住院号：%s' % clinic_no, 'hei', 9.5, align='r'))
    it.append(('line', 18, 44, 192, 44, 1.0))
    it.append(T(20, 49, '姓名：%s' % p['name'], fk, 12))
    it.append(T(72, 49, '性别：%s' % gender(p['id']), fk, 12))
    it.append(T(105, 49, '年龄：%d岁' % age(p['id'], d_visit), fk, 12))
    it.append(T(140, 49, '科别：%s' % dept, fk, 12))
    it.append(T(20, 58, '身份证号：%s' % p['id'], fk, 12))
    it.append(T(120, 58, '就诊日期：%s' % cn_date(d_visit, 2), fk, 12))
    it.append(('line', 18, 66, 192, 66, 0.6))
    it.append(T(20, 72, '诊断：', 'bold', 12.5))
    y = 82
    for i, dg in enumerate(diag):
        it.append(T(30, y, '%d. %s' % (i + 1, dg), fk, 12.5)); y += 9
    y += 4
    it.append(T(20, y, '处理意见：', 'bold', 12.5))
    y = para(it, 30, y + 10, advice, fk, 12, 155, indent=0)
    it.append(('line', 18, 200, 192, 200, 0.6))
    it.append(T(110, 208, '医师：', fk, 12)); it.append(('sig', 125, 206, doctor))
    it.append(T(110, 220, '日期：%s' % cn_date(d_issue or d_visit, 1), fk, 12))
    seal_item(it, 85, 214, imp, dmm)
    it.append(T(20, 270, '注：本证明书须加盖本院诊断证明专用章方有效，涂改无效。', 'hei', 9, color=(80, 80, 80)))
    return dict(w_mm=210, h_mm=297, items=it)


def doc_chuyuan(p, iss, imp, d_in, d_out, d_issue, ward, bed, inno, diag, course, doctor, fk='song'):
    it = []
    it.append(T(105, 16, iss['name'], 'bold', 19, align='c'))
    it.append(T(105, 28, '出 院 记 录', 'bold', 17, align='c'))
    it.append(('line', 18, 40, 192, 40, 1.0))
    it.append(T(20, 44, '姓名：%s   性别：%s   年龄：%d岁   科室：%s   床号：%s   住院号：%s' % (
        p['name'], gender(p['id']), age(p['id'], d_in), ward, bed, inno), fk, 10.5))
    it.append(T(20, 52, '身份证号：%s' % p['id'], fk, 10.5))
    days = (d_out - d_in).days if isinstance(d_out, dt.date) and isinstance(d_in, dt.date) else 0
    it.append(T(20, 62, '入院日期：%s' % cn_date(d_in, 2), fk, 11.5))
    it.append(T(80, 62, '出院日期：%s' % cn_date(d_out, 2), fk, 11.5))
    it.append(T(140, 62, '住院天数：%d天' % abs(days), fk, 11.5))
    it.append(T(20, 74, '入院诊断：%s' % diag[0], fk, 11.5))
    it.append(T(20, 84, '出院诊断：%s' % diag[1], fk, 11.5))
    it.append(T(20, 96, '诊疗经过：', 'bold', 11.5))
    y = para(it, 24, 105, course, fk, 11.5, 160)
    it.append(T(20, y + 4, '出院医嘱：', 'bold', 11.5))
    y = para(it, 24, y + 13, '注意休息，避免劳累；按时服药，定期门诊复查；病情变化随诊。全休一个月。', fk, 11.5, 160)
    it.append(T(110, 230, '主治医师：', fk, 11.5)); it.append(('sig', 132, 228, doctor))
    it.append(T(110, 241, '记录日期：%s' % cn_date(d_issue, 1), fk, 11.5))
    seal_item(it, 90, 236, imp, 38)
    return dict(w_mm=210, h_mm=297, items=it)


def doc_siwang(p, iss, imp, d_death, d_issue, cause, place, certno, fk='song'):
    it = []
    it.append(T(105, 16, '居民死亡医学证明（推断）书', 'bold', 18, align='c'))
    it.append(T(30, 28, '省（区、市）  %s' % iss.get('prov', '云南省'), fk, 10))
    it.append(T(190, 28, '编号：%s' % certno, 'hei', 10, align='r'))
    rows = [('死者姓名', p['name'], '性别', gender(p['id'])), ('有效身份证件号码', p['id'], '', ''),
            ('出生日期', '%s年%s月%s日' % (p['id'][6:10], p['id'][10:12], p['id'][12:14]), '民族', '汉族'),
            ('死亡日期', cn_date(d_death), '死亡地点', place),
            ('直接死亡原因', cause[0], '', ''), ('根本死亡原因', cause[1], '', ''),
            ('医师签名', '', '填报日期', cn_date(d_issue))]
    y0 = 36
    for i, r in enumerate(rows):
        y = y0 + i * 14
        it.append(('rect', 20, y, 190, y + 14, 0.6))
        it.append(T(23, y + 4, r[0], fk, 10.5))
        it.append(('line', 58, y, 58, y + 14, 0.6))
        it.append(T(61, y + 4, r[1], fk, 11))
        if r[2]:
            it.append(('line', 120, y, 120, y + 14, 0.6)); it.append(('line', 145, y, 145, y + 14, 0.6))
            it.append(T(123, y + 4, r[2], fk, 10.5)); it.append(T(148, y + 4, r[3], fk, 11))
    it.append(('sig', 62, y0 + 6 * 14 + 3, iss.get('doctor', '杨帆')))
    it.append(T(23, 150, '医疗卫生机构盖章：', fk, 11))
    it.append(T(23, 160, iss['name'], fk, 11))
    seal_item(it, 80, 166, imp, 38)
    it.append(T(20, 270, '（第四联 死者家属保存）', 'hei', 9, color=(90, 90, 90)))
    return dict(w_mm=210, h_mm=297, items=it)


def doc_lvshihan(p, firm, imp, d_issue, lender, lawyer, licence, letter_no, loan_desc, fk='song', firm_addr=''):
    it = []
    letterhead(it, firm['name'], fk='bold', sub=firm_addr, red=True)
    it.append(T(105, 46, '律 师 函', 'bold', 24, align='c'))
    it.append(T(190, 60, letter_no, fk, 10.5, align='r'))
    it.append(T(22, 70, '致：%s' % lender, fk, 12.5))
    y = 80
    body = ('%s接受%s（身份证号：%s）的委托，指派本所%s律师就其与贵司之间的借款合同纠纷事宜，向贵司致函如下：'
            % (firm['name'], p['name'], p['id'], lawyer))
    y = para(it, 22, y, body, fk, 12, 166)
    y = para(it, 22, y + 2, '一、委托人%s。因客观原因目前确无能力按原约定还款，其并无恶意逃废债务之意图。' % loan_desc, fk, 12, 166)
    y = para(it, 22, y + 2, '二、贵司及贵司委托的催收机构在催收过程中存在频繁致电、联系委托人亲友等行为，已对委托人正常生活造成严重影响，请立即停止。', fk, 12, 166)
    y = para(it, 22, y + 2, '三、请贵司在收到本函之日起七日内与本律师联系，协商停息挂账、减免罚息及分期还款方案。', fk, 12, 166)
    y = para(it, 22, y + 2, '特此函告。', fk, 12, 166)
    it.append(T(22, 205, '承办律师：%s' % lawyer, fk, 12))
    it.append(T(22, 214, '执业证号：%s' % licence, fk, 12))
    it.append(T(22, 223, '联系电话：%s' % firm.get('tel', '0571-8795 6620'), fk, 12))
    it.append(T(185, 214, firm['name'], fk, 12, align='r'))
    it.append(T(185, 224, cn_date(d_issue), fk, 12, align='r'))
    seal_item(it, 158, 217, imp, 42)
    return dict(w_mm=210, h_mm=297, items=it)


def doc_dibao(p, iss, imp, d_approve, d_issue, certno, amount, members, fk='sans'):
    it = []
    it.append(T(105, 20, '最低生活保障证明', 'bold', 20, align='c'))
    it.append(T(105, 32, '（电子证明）', 'hei', 10, align='c', color=(90, 90, 90)))
    rows = [('户主姓名', p['name']), ('身份证号', p['id']), ('保障类别', '城市最低生活保障'),
            ('保障人口', '%d人' % members), ('月保障金额', '%d元' % amount), ('批准日期', cn_date(d_approve, 2)),
            ('证明编号', certno)]
    for i, (a, b) in enumerate(rows):
        y = 44 + i * 12
        it.append(('line', 22, y + 11, 188, y + 11, 0.4))
        it.append(T(24, y + 2, a, fk, 11.5, color=(90, 90, 90)))
        it.append(T(70, y + 2, b, fk, 12))
    it.append(T(24, 138, '经核实，上述家庭符合最低生活保障条件，现正在享受城市最低生活保障待遇。', fk, 11))
    it.append(T(180, 162, iss['name'], fk, 12, align='r'))
    it.append(T(180, 172, '出具日期：%s' % cn_date(d_issue, 2), fk, 11, align='r'))
    seal_item(it, 150, 164, imp, 38)
    return dict(w_mm=210, h_mm=200, items=it)


def doc_shouru(p, iss, imp, d_issue, pos, salary_before, salary_now, since, fk='hei'):
    it = []
    letterhead(it, iss['name'], fk='bold', sub=iss.get('addr'))
    it.append(T(105, 52, '停 薪 证 明', 'bold', 22, align='c'))
    y = 70
    txt = ('兹证明%s（身份证号：%s）系我单位员工，岗位为%s。受经营状况影响，自%s起其所在岗位停工待岗，'
           '月工资由原%d元调整为生活费%d元，期间社会保险由单位继续缴纳。' % (p['name'], p['id'], pos, cn_date(since), salary_before, salary_now))
    y = para(it, 24, y, txt, fk, 12.5, 162)
    it.append(T(24, y + 6, '\u3000\u3000特此证明。', fk, 12.5))
    it.append(T(180, 190, iss['name'], fk, 12.5, align='r'))
    it.append(T(180, 201, cn_date(d_issue), fk, 12.5, align='r'))
    seal_item(it, 150, 194, imp, 40)
    return dict(w_mm=210, h_mm=297, items=it)
