# document templates -> (ops, pos) in mm on A4; pos marks field baselines for later reference
from lib import *
def age_at(birth, d): return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))
def letterhead(ops, org, sub=None, color=(20, 20, 20), y=22, pt=19, f=0):
    ops.append(('t', 105, y, pt, org, {'align': 'c', 'bold': True, 'color': color, 'f': f}))
    if sub: ops.append(('t', 105, y+6.5, 8.5, sub, {'align': 'c', 'color': (70, 70, 70)}))
    ops.append(('l', 20, y+9.5, 190, y+9.5, 0.7, color)); ops.append(('l', 20, y+10.6, 190, y+10.6, 0.25, color))
def seal_op(ops, seal_img, cx, cy, spec):
    ops.append(('img', cx, cy, seal_img.width/12, seal_img.height/12, seal_img))

def T_lizhi(p, iss, d, seal):
    ops = []; pos = {}
    letterhead(ops, iss['name'], iss.get('addr'), f=iss.get('f', 0))
    ops.append(('t', 105, 52, 22, '离 职 证 明', {'align': 'c', 'bold': True}))
    ops.append(('t', 160, 62, 10, d['docno'], {'align': 'l', 'color': (60, 60, 60)}))
    y = 76
    ops.append(('t', 28, y, 13, '姓    名：', {})); ops.append(('t', 56, y, 13, p['name'], {})); pos['name'] = (56, y, 13, p['name'])
    ops.append(('t', 110, y, 13, '性别：' + ('男' if p['sex'] == 'M' else '女'), {}))
    y += 10; ops.append(('t', 28, y, 13, '身份证号：', {})); ops.append(('t', 56, y, 13, p['idno'], {})); pos['id'] = (56, y, 13, p['idno'])
    y += 14
    body = (f"兹证明上述人员自{cn_date(d['start'])}起在我公司{d['dept']}任{d['job']}职务，"
            f"于{cn_date(d['end'])}因{d['reason']}与我公司解除劳动合同，已办理完毕离职手续。"
            f"我公司与其不存在任何劳动纠纷，其社会保险已于{d['end'].year}年{d['end'].month}月停缴。")
    y = para(ops, 28, y, 154, 13, body); pos['end'] = d['end']
    y = para(ops, 28, y+2, 154, 13, '特此证明。')
    ys = max(y + 30, 200)
    ops.append(('t', 182, ys, 13, iss['name'], {'align': 'r'}))
    ops.append(('t', 182, ys+10, 13, cn_date(d['issue']), {'align': 'r'})); pos['issue'] = (182, ys+10, 13)
    if seal is not None: seal_op(ops, seal, 150, ys+2, iss['seal']); pos['seal'] = (150, ys+2)
    ops.append(('t', 28, 270, 9, f"联系人：人事部  电话：{iss.get('tel', '')}", {'color': (90, 90, 90)}))
    return ops, pos

def T_shouru(p, iss, d, seal):
    ops = []; pos = {}
    letterhead(ops, iss['name'], iss.get('addr'), color=(170, 20, 20))
    ops.append(('t', 105, 54, 20, '停薪及收入情况证明', {'align': 'c', 'bold': True}))
    body = (f"兹有{p['name']}（公民身份号码：{p['idno']}），系我单位{d['dept']}员工。"
            f"因公司业务调整，自{cn_date(d['start'])}起该员工停薪待岗，待岗期间每月仅发放基本生活费{d['amount']}元，"
            f"此前月均收入约{d['before']}元。")
    pos['name'] = None
    y = para(ops, 25, 74, 160, 12.5, body, lead=2.1)
    y = para(ops, 25, y+2, 160, 12.5, '本证明仅用于其向金融机构说明收入情况，不作其他用途。', lead=2.1)
    ops.append(('t', 185, y+32, 12.5, f"{iss['name']}（盖章）", {'align': 'r'}))
    ops.append(('t', 185, y+42, 12.5, cn_date(d['issue']), {'align': 'r'}))
    if seal is not None: seal_op(ops, seal, 152, y+34, iss['seal']); pos['seal'] = (152, y+34)
    return ops, pos

def table(ops, x, y, colw, rowh, rows, pt=12):
    tw = sum(colw); ops.append(('r', x, y, tw, rowh*len(rows), 0.4))
    cells = {}
    for i, row in enumerate(rows):
        yy = y + rowh*i
        if i: ops.append(('l', x, yy, x+tw, yy, 0.3))
        xx = x
        for j, c in enumerate(row):
            w = colw[j] if len(row) == len(colw) else (tw - sum(colw[:j]) if j == len(row)-1 else colw[j])
            if j: ops.append(('l', xx, yy, xx, yy+rowh, 0.3))
            if c:
                ops.append(('t', xx+2.5, yy+rowh*0.66, pt, c, {}))
                cells[(i, j)] = (xx+2.5, yy+rowh*0.66, pt, c)
            xx += w
    return cells

def T_shiye(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 30, 20, '失业登记证明', {'align': 'c', 'bold': True}))
    ops.append(('t', 190, 40, 10, f"编号：{d['docno']}", {'align': 'r'}))
    rows = [['姓名', p['name'], '性别', '男' if p['sex'] == 'M' else '女'],
            ['公民身份号码', p['idno']], ['户籍所在地', d['hukou']], ['原工作单位', d['employer']],
            ['失业登记日期', cn_date(d['reg'])], ['失业原因', d['reason']], ['就业失业登记证号', d['regno']]]
    cells = table(ops, 20, 46, [38, 62, 25, 45], 13, rows)
    pos['name'] = cells[(0, 1)]; pos['id'] = cells[(1, 1)]; pos['reg'] = cells[(4, 1)]
    y = para(ops, 22, 150, 166, 12, f"经核实，该同志已于{cn_date(d['reg'])}在本机构办理失业登记，目前处于失业状态，尚未实现再就业。", lead=2)
    ops.append(('t', 185, y+30, 12, iss['name'], {'align': 'r'}))
    ops.append(('t', 185, y+40, 12, cn_date(d['issue']), {'align': 'r'})); pos['issue'] = (185, y+40, 12)
    if seal is not None: seal_op(ops, seal, 155, y+33, iss['seal']); pos['seal'] = (155, y+33)
    ops.append(('t', 20, 275, 8.5, '本证明自开具之日起三个月内有效。办公时间：周一至周五 8:30-12:00，14:30-17:30', {'color': (90, 90, 90)}))
    return ops, pos

def T_pinkun(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 45, 22, d.get('title', '家庭经济困难证明'), {'align': 'c', 'bold': True, 'f': 1}))
    y = 70
    ops.append(('t', 25, y, 13.5, '兹有我村村民', {'f': 1}))
    body = (f"兹有我村村民{p['name']}，{'男' if p['sex'] == 'M' else '女'}，身份证号码{p['idno']}，现居住于{d['addr']}。"
            f"该户家庭人口{d['n']}人，{d['why']}，家庭主要收入来源中断，生活十分困难，无力偿还个人债务。")
    ops.pop()
    y = para(ops, 25, y, 160, 13.5, body, lead=2.1, f=1)
    y = para(ops, 25, y+2, 160, 13.5, '经村委会核实，以上情况属实，特此证明。', lead=2.1, f=1)
    if d.get('validity'):
        ops.append(('t', 25, y+8, 11, d['validity'], {'f': 1, 'color': (60, 60, 60)})); pos['validity'] = (25, y+8, 11, d['validity'])
    ys = y + 40
    ops.append(('t', 180, ys, 13.5, iss['name'], {'align': 'r', 'f': 1}))
    ops.append(('t', 180, ys+11, 13.5, cn_date(d['issue']), {'align': 'r', 'f': 1})); pos['issue'] = (180, ys+11, 13.5)
    ops.append(('t', 25, ys+30, 11, f"村委会负责人：{d['head']}    联系电话：{d['tel']}", {'f': 1}))
    if seal is not None: seal_op(ops, seal, 148, ys+3, iss['seal']); pos['seal'] = (148, ys+3)
    return ops, pos

def T_jiedao(p, iss, d, seal):
    ops = []; pos = {}
    letterhead(ops, iss['name'], None, color=(180, 20, 20), pt=20)
    ops.append(('t', 105, 50, 18, '困难情况证明', {'align': 'c', 'bold': True}))
    ops.append(('t', 105, 58, 10, d['docno'], {'align': 'c'}))
    body = (f"{p['name']}（身份证号：{p['idno']}）系我街道辖区居民，户籍地址为{d['addr']}。"
            f"{d['why']}。经社区走访核实，该户目前家庭人均月收入低于本市最低生活保障标准，属于生活困难家庭。")
    y = para(ops, 24, 74, 162, 12.5, body, lead=2.0)
    y = para(ops, 24, y+2, 162, 12.5, '特此证明。', lead=2.0)
    ys = y + 34
    ops.append(('t', 184, ys, 12.5, iss['name'], {'align': 'r'})); ops.append(('t', 184, ys+10, 12.5, cn_date(d['issue']), {'align': 'r'}))
    pos['issue'] = (184, ys+10, 12.5)
    if seal is not None: seal_op(ops, seal, 152, ys+2, iss['seal']); pos['seal'] = (152, ys+2)
    ops.append(('t', 24, 272, 9, f"经办人：{d['clerk']}  联系电话：{iss.get('tel', '')}", {'color': (80, 80, 80)}))
    return ops, pos

def T_zhenduan(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 24, 18, iss['name'], {'align': 'c', 'bold': True}))
    ops.append(('t', 105, 36, 20, '诊 断 证 明 书', {'align': 'c', 'bold': True}))
    y = 50
    ops.append(('t', 20, y, 11, f"姓名：{p['name']}", {})); pos['name'] = (31.2, y, 11, p['name'])
    ops.append(('t', 68, y, 11, f"性别：{'男' if p['sex'] == 'M' else '女'}", {}))
    ops.append(('t', 95, y, 11, f"年龄：{age_at(p['birth'], d['visit'])}岁", {}))
    ops.append(('t', 125, y, 11, f"科别：{d['dept']}", {})); ops.append(('t', 190, y, 11, f"门诊号：{d['mzh']}", {'align': 'r'}))
    y += 8; ops.append(('t', 20, y, 11, f"身份证号：{p['idno']}", {})); pos['id'] = (39.5, y, 11, p['idno'])
    ops.append(('t', 190, y, 11, f"就诊日期：{d['visit']:%Y-%m-%d}", {'align': 'r'})); pos['visit'] = (190, y, 11)
    ops.append(('l', 20, y+4, 190, y+4, 0.5))
    y += 16; ops.append(('t', 20, y, 13, '临床诊断：', {'bold': True}))
    y = para(ops, 44, y, 146, 13, d['dx'], indent=False, lead=1.8)
    y += 6; ops.append(('t', 20, y, 13, '医  嘱：', {'bold': True}))
    y = para(ops, 44, y, 146, 13, d['advice'], indent=False, lead=1.8)
    ys = max(y + 30, 180)
    ops.append(('l', 20, ys-8, 190, ys-8, 0.3))
    ops.append(('t', 20, ys, 11, f"医师签名：{d['doctor']}", {}))
    ops.append(('t', 190, ys, 11, f"开具日期：{d['issue']:%Y年%m月%d日}", {'align': 'r'})); pos['issue'] = (190, ys, 11)
    if seal is not None: seal_op(ops, seal, 160, ys-4, iss['seal']); pos['seal'] = (160, ys-4)
    ops.append(('t', 20, ys+14, 8.5, '注：本证明仅供参考，须加盖诊断证明专用章方有效。涂改无效。', {'color': (90, 90, 90)}))
    return ops, pos

def T_chuyuan(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 22, 17, iss['name'], {'align': 'c', 'bold': True}))
    ops.append(('t', 105, 33, 18, '出 院 记 录', {'align': 'c', 'bold': True}))
    ops.append(('t', 190, 40, 9.5, f"住院号：{d['zyh']}   床号：{d['bed']}", {'align': 'r'}))
    rows = [['姓名', p['name'], '性别', '男' if p['sex'] == 'M' else '女', '年龄', f"{age_at(p['birth'], d['adm'])}岁"],
            ['身份证号', p['idno']], ['入院日期', f"{d['adm']:%Y年%m月%d日}", '出院日期', f"{d['dis']:%Y年%m月%d日}", '住院天数', f"{d.get('days', (d['dis']-d['adm']).days if not isinstance(d['dis'], str) else 0)}天"],
            ['科室', d['dept']], ['入院诊断', d['dx_in']], ['出院诊断', d['dx_out']]]
    cells = table(ops, 18, 44, [22, 38, 20, 38, 22, 34], 11, rows, pt=10.5)
    pos['name'] = cells[(0, 1)]; pos['id'] = cells[(1, 1)]; pos['dis'] = cells[(2, 3)]; pos['dx_out'] = cells[(5, 1)]
    y = 124; ops.append(('t', 18, y, 11.5, '诊疗经过：', {'bold': True}))
    y = para(ops, 18, y+8, 174, 11, d['course'], lead=1.9)
    ops.append(('t', 18, y+6, 11.5, '出院医嘱：', {'bold': True}))
    y = para(ops, 18, y+14, 174, 11, d['advice'], lead=1.9)
    ys = max(y+26, 220)
    ops.append(('t', 18, ys, 11, f"主治医师：{d['doctor']}", {}))
    ops.append(('t', 190, ys, 11, f"记录日期：{d['issue']:%Y年%m月%d日}", {'align': 'r'})); pos['issue'] = (190, ys, 11)
    if seal is not None: seal_op(ops, seal, 158, ys-3, iss['seal']); pos['seal'] = (158, ys-3)
    return ops, pos

def T_siwang(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 24, 16, '居民死亡医学证明（推断）书', {'align': 'c', 'bold': True}))
    ops.append(('t', 190, 33, 9.5, f"编号：{d['docno']}", {'align': 'r'}))
    rows = [['死者姓名', p['name'], '性别', '男' if p['sex'] == 'M' else '女', '民族', '汉'],
            ['有效身份证件', '居民身份证', '证件号码', p['idno']],
            ['出生日期', f"{p['birth']:%Y年%m月%d日}", '死亡日期', f"{d['death']:%Y年%m月%d日}"],
            ['死亡地点', d['place'], '', ''], ['常住地址', d['addr']],
            ['直接死亡原因', d['cause']], ['根本死亡原因', d['root']]]
    cells = table(ops, 15, 38, [26, 40, 24, 34, 16, 40], 12, rows, pt=10.5)
    pos['name'] = cells[(0, 1)]; pos['id'] = cells[(1, 3)]; pos['death'] = cells[(2, 3)]
    y = 136
    ops.append(('t', 15, y, 10.5, f"医师签名：{d['doctor']}", {}))
    ops.append(('t', 15, y+9, 10.5, f"医疗卫生机构：{iss['name']}（盖章）", {}))
    ops.append(('t', 195, y+9, 10.5, f"填表日期：{d['issue']:%Y年%m月%d日}", {'align': 'r'})); pos['issue'] = (195, y+9, 10.5)
    if seal is not None: seal_op(ops, seal, 85, y+4, iss['seal']); pos['seal'] = (85, y+4)
    ops.append(('l', 15, y+18, 195, y+18, 0.3, (120, 120, 120)))
    ops.append(('t', 15, y+26, 9, '第二联  公安机关保存（注销户口凭证）  家属凭此联办理户籍注销', {'color': (90, 90, 90)}))
    return ops, pos

def T_lvshi(p, iss, d, seal):
    ops = []; pos = {}
    letterhead(ops, iss['name'], iss.get('addr'), color=(20, 40, 110), pt=20)
    ops.append(('t', 105, 52, 24, '律 师 函', {'align': 'c', 'bold': True}))
    ops.append(('t', 190, 61, 10, d['docno'], {'align': 'r'}))
    ops.append(('t', 22, 72, 12.5, f"致：{d['to']}", {'bold': True}))
    body1 = (f"{iss['name']}（以下简称“本所”）接受{p['name']}（身份证号：{p['idno']}）的委托，"
             f"指派本所律师就其与贵司之间的借款合同纠纷事宜，向贵司郑重致函如下：")
    y = para(ops, 22, 84, 166, 12, body1, lead=2.0)
    for i, s in enumerate(d['points']):
        y = para(ops, 22, y+1, 166, 12, f"{'一二三四'[i]}、{s}", lead=2.0)
    y = para(ops, 22, y+2, 166, 12, '特此函告。', lead=2.0)
    ys = max(y + 16, 205)
    ops.append(('t', 22, ys, 12, f"承办律师：{d['lawyer']}", {}))
    ops.append(('t', 22, ys+9, 12, f"执业证号：{d['licence']}", {})); pos['licence'] = (22, ys+9, 12)
    ops.append(('t', 22, ys+18, 12, f"联系电话：{d['tel']}", {}))
    ops.append(('t', 188, ys+9, 12, iss['name'], {'align': 'r'}))
    ops.append(('t', 188, ys+19, 12, cn_date(d['issue']), {'align': 'r'})); pos['issue'] = (188, ys+19, 12)
    if seal is not None: seal_op(ops, seal, 158, ys+10, iss['seal']); pos['seal'] = (158, ys+10)
    return ops, pos

def T_dibao(p, iss, d, seal):
    ops = []; pos = {}
    ops.append(('t', 105, 28, 18, iss['name'], {'align': 'c', 'bold': True}))
    ops.append(('t', 105, 40, 17, '城乡居民最低生活保障证明', {'align': 'c', 'bold': True}))
    rows = [['户主姓名', p['name']], ['身份证号码', p['idno']], ['家庭住址', d['addr']], ['保障人口', f"{d['n']}人"],
            ['保障类别', d['cls']], ['月保障金额', f"{d['amt']}元"], ['纳入保障时间', cn_date(d['since'])], ['低保证编号', d['no']]]
    cells = table(ops, 28, 50, [40, 114], 12.5, rows, pt=12)
    pos['name'] = cells[(0, 1)]; pos['id'] = cells[(1, 1)]
    y = para(ops, 28, 162, 154, 12, '经核查，该户目前仍在享受城乡居民最低生活保障待遇，特此证明。', lead=2)
    ops.append(('t', 182, y+30, 12, iss['name'], {'align': 'r'})); ops.append(('t', 182, y+40, 12, cn_date(d['issue']), {'align': 'r'}))
    pos['issue'] = (182, y+40, 12)
    if seal is not None: seal_op(ops, seal, 152, y+33, iss['seal']); pos['seal'] = (152, y+33)
    return ops, pos

TEMPLATES = dict(lizhi=T_lizhi, shouru=T_shouru, shiye=T_shiye, pinkun=T_pinkun, jiedao=T_jiedao, zhenduan=T_zhenduan,
                 chuyuan=T_chuyuan, siwang=T_siwang, lvshi=T_lvshi, dibao=T_dibao)
DOC_TYPE = dict(lizhi='离职证明', shouru='停薪/收入证明', shiye='失业登记证明', pinkun='家庭经济困难证明', jiedao='困难情况证明',
                zhenduan='诊断证明书', chuyuan='出院记录', siwang='死亡医学证明', lvshi='律师函', dibao='最低生活保障证明')

def app_screenshot(p, title, app, fields, when, seal=None, seal_spec=None, dark_header=(22, 119, 255)):
    """PNG phone screenshot of an e-certificate page (1080x2340)"""
    W, H = 1080, 2340; im = Image.new('RGB', (W, H), (242, 243, 245)); d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 250], fill=dark_header)
    d.text((50, 40), f"{when:%H:%M}", font=font(40), fill='white')
    d.text((W-50, 40), '5G  87%', font=font(36), fill='white', anchor='ra')
    d.text((W/2, 175), app, font=font(50), fill='white', anchor='mm')
    d.text((60, 175), '<', font=font(56), fill='white', anchor='lm')
    d.rounded_rectangle([40, 300, W-40, 420 + 110*len(fields) + (380 if seal is not None else 60)], 28, fill='white')
    d.text((W/2, 365), title, font=font(52), fill=(30, 30, 30), anchor='mm', stroke_width=1, stroke_fill=(30, 30, 30))
    y = 470; pos = {}
    for k, v in fields:
        d.text((90, y), k, font=font(38), fill=(130, 130, 130), anchor='ls')
        d.text((W-90, y), v, font=font(40), fill=(30, 30, 30), anchor='rs'); pos[k] = (W-90, y, v)
        d.line([(90, y+35), (W-90, y+35)], fill=(235, 235, 235), width=2); y += 110
    if seal is not None:
        s2 = seal.resize((330, int(330*seal.height/seal.width)), Image.LANCZOS)
        im = multiply_paste(im, s2, W-90-330, y-40); pos['seal'] = (W-90-165, y-40+s2.height/2)
    d = ImageDraw.Draw(im)
    d.text((W/2, H-120), '数据来源：' + app + '  仅供本人查询使用', font=font(30), fill=(150, 150, 150), anchor='mm')
    return im, pos
