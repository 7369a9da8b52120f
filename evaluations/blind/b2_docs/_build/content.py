"""Document templates: each builder returns (Layout, meta).

A builder receives `p` (dict with the person shown on the document: name, id, sex, birth),
`iss` (issuer dict), `dates` (dict of datetime.date), `rng`, `seal` (RGBA image or None) and extra kw.
Named boxes recorded in the layout: name, id, date, docno, licence..., used by forgery steps.
"""
from __future__ import annotations

import datetime as dt

from common import Layout, text_width

LENDER = "青岚消费金融有限公司"
L, R = 62.0, 533.0
CW = R - L


def cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def age_at(birth: dt.date, d: dt.date) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def sex_cn(p) -> str:
    return "男" if p["male"] else "女"


def _fields_row(lay, y, items, size=11.5, x0=L, widths=None):
    """items: list of (label, value, name|None)."""
    n = len(items)
    widths = widths or [CW / n] * n
    x = x0
    for (label, value, name), w in zip(items, widths):
        xe = lay.text(x, y, label, size=size, font="song")
        lay.text(xe, y, value, size=size, font="song", name=name)
        x += w


def _sign_seal(lay, seal, cx, cy, d=118.0, rot=0.0, name="seal"):
    if seal is not None:
        lay.seal(seal, cx, cy, d, rot=rot, name=name)


def _footer(lay, lines, y=788.0, size=8.5):
    for i, t in enumerate(lines):
        lay.text(L, y + i * 13, t, size=size, color=(70, 70, 70))


def _sig(lay, x, y, name, size=17):
    """Handwritten-looking signature."""
    return lay.text(x, y, name, font="kai", size=size, color=(25, 30, 60))


# ---------------------------------------------------------------------------------------------
# Hospital forms
# ---------------------------------------------------------------------------------------------
def _hosp_head(lay, iss, title, docno, left_label):
    lay.text(lay.w / 2, 64, iss["name"], font="hei", size=19, anchor="m")
    lay.text(lay.w / 2, 100, title, font="song", size=21, anchor="m", bold=True)
    lay.text(L, 128, left_label, size=10.5)
    lay.spans(R - 150, 128, [("编号：", None), (docno, "docno")], size=10.5)
    lay.line(L, 136, R, 136, width=1.0)


def diagnosis(p, iss, dates, rng, seal, extra):
    lay = Layout()
    issue = dates["issue"]
    _hosp_head(lay, iss, "诊 断 证 明 书", extra["docno"], f"科别：{extra['dept']}")
    _fields_row(lay, 164, [("姓名：", p["name"], "name"), ("性别：", sex_cn(p), None), ("年龄：", f"{age_at(p['birth'], issue)}岁", None)])
    _fields_row(lay, 190, [("身份证号：", p["id"], "id"), ("门诊号：", extra["opno"], None)], widths=[CW * 0.6, CW * 0.4])
    _fields_row(lay, 216, [("就诊日期：", cn_date(dates["visit"]), "visit_date")])
    lay.text(L, 256, "诊断：", size=12, bold=True)
    y = lay.paragraph(L, 282, CW, [(extra["diag"], "diag")], size=12, indent=2)
    lay.text(L, y + 12, "医嘱及处理意见：", size=12, bold=True)
    y = lay.paragraph(L, y + 38, CW, [(extra["advice"], None)], size=12, indent=2)
    yb = max(y + 40, 560)
    lay.line(L, yb, R, yb, width=0.6)
    xe = lay.text(L, yb + 36, "医师签名：", size=12)
    _sig(lay, xe + 4, yb + 37, extra["doctor"])
    lay.spans(R - 170, yb + 36, [("开具日期：", None), (cn_date(issue), "date")], size=12)
    lay.text(R - 95, yb + 86, iss["name"], size=12, anchor="m")
    _sign_seal(lay, seal, R - 105, yb + 78)
    _footer(lay, ["注：1. 本证明仅作为病情证明，涂改无效；2. 未加盖本院诊断证明专用章无效；3. 本证明不作为医疗纠纷及诉讼依据。",
                  f"地址：{iss.get('addr', '')}    咨询电话：{iss.get('tel', '')}"])
    return lay, dict(issue=issue.isoformat(), visit=dates["visit"].isoformat())


def inpatient(p, iss, dates, rng, seal, extra):
    lay = Layout()
    issue = dates["issue"]
    _hosp_head(lay, iss, "住 院 证 明", extra["docno"], f"科室：{extra['dept']}  住院号：{extra['ipno']}")
    _fields_row(lay, 164, [("姓名：", p["name"], "name"), ("性别：", sex_cn(p), None), ("年龄：", f"{age_at(p['birth'], issue)}岁", None)])
    _fields_row(lay, 190, [("身份证号：", p["id"], "id")])
    _fields_row(lay, 216, [("入院日期：", cn_date(dates["admit"]), "admit_date"), ("出院日期：", cn_date(dates["discharge"]) if dates.get("discharge") else "在院", "discharge_date")])
    days = (dates["discharge"] - dates["admit"]).days if dates.get("discharge") else None
    y = 262
    lay.text(L, y, "兹证明：", size=12, bold=True)
    body = [("该患者于", None), (cn_date(dates["admit"]), None), (f"因{extra['reason']}入住我院{extra['dept']}，", None)]
    if dates.get("discharge"):
        body += [(f"于{cn_date(dates['discharge'])}出院，共住院{days}天。", None)]
    else:
        body += [("目前仍在住院治疗中。", None)]
    body += [(f"出院诊断：{extra['diag']}。", "diag"), (extra.get("advice", ""), None)]
    y = lay.paragraph(L, y + 28, CW, body, size=12)
    yb = max(y + 40, 560)
    lay.line(L, yb, R, yb, width=0.6)
    xe = lay.text(L, yb + 36, "经治医师：", size=12)
    _sig(lay, xe + 4, yb + 37, extra["doctor"])
    lay.spans(R - 170, yb + 36, [("日期：", None), (cn_date(issue), "date")], size=12)
    lay.text(R - 95, yb + 86, f"{iss['name']}（盖章）", size=12, anchor="m")
    _sign_seal(lay, seal, R - 105, yb + 78)
    _footer(lay, ["本证明仅证明患者住院情况，复印无效。", f"地址：{iss.get('addr', '')}    电话：{iss.get('tel', '')}"])
    return lay, dict(issue=issue.isoformat(), admit=dates["admit"].isoformat(),
                     discharge=dates["discharge"].isoformat() if dates.get("discharge") else None)


def discharge(p, iss, dates, rng, seal, extra):
    lay = Layout()
    issue = dates["issue"]
    _hosp_head(lay, iss, "出 院 记 录", extra["docno"], f"科室：{extra['dept']}  床号：{extra['bed']}  住院号：{extra['ipno']}")
    _fields_row(lay, 164, [("姓名：", p["name"], "name"), ("性别：", sex_cn(p), None), ("年龄：", f"{age_at(p['birth'], issue)}岁", None)])
    _fields_row(lay, 190, [("身份证号：", p["id"], "id")])
    _fields_row(lay, 216, [("入院日期：", dates["admit"].isoformat(), "admit_date"), ("出院日期：", dates["discharge"].isoformat(), "discharge_date"),
                           ("住院天数：", f"{(dates['discharge'] - dates['admit']).days}天", None)])
    y = 254
    for label, txt in (("入院诊断：", extra["diag_in"]), ("出院诊断：", extra["diag"]), ("诊疗经过：", extra["course"]), ("出院医嘱：", extra["advice"])):
        lay.text(L, y, label, size=11.5, bold=True)
        y = lay.paragraph(L + 70, y, CW - 70, [(txt, None)], size=11.5, indent=0, leading=20) + 8
    yb = max(y + 30, 600)
    xe = lay.text(L, yb + 30, "主治医师：", size=12)
    _sig(lay, xe + 4, yb + 31, extra["doctor"])
    lay.spans(R - 170, yb + 30, [("记录日期：", None), (cn_date(issue), "date")], size=12)
    lay.text(R - 95, yb + 78, "医务科（盖章）", size=12, anchor="m")
    _sign_seal(lay, seal, R - 100, yb + 70)
    _footer(lay, [f"{iss['name']}  电子病历系统打印  第1页/共1页"])
    return lay, dict(issue=issue.isoformat(), admit=dates["admit"].isoformat(), discharge=dates["discharge"].isoformat())


def death(p, iss, dates, rng, seal, extra):
    lay = Layout()
    issue = dates["issue"]
    lay.text(lay.w / 2, 62, "居民死亡医学证明（推断）书", font="hei", size=19, anchor="m")
    lay.text(lay.w / 2, 86, "（第四联  死者家属保存）", size=11, anchor="m")
    lay.spans(R - 170, 112, [("编号：", None), (extra["docno"], "docno")], size=10.5)
    lay.text(L, 112, f"行政区划代码：{p['id'][:6]}", size=10.5)
    lay.rect(L, 122, CW, 470, width=0.9)
    rows = [
        [("死者姓名：", p["name"], "name"), ("性别：", sex_cn(p), None), ("民族：", "汉族", None)],
        [("有效身份证件：", "居民身份证", None), ("证件号码：", p["id"], "id")],
        [("出生日期：", cn_date(p["birth"]), None), ("实足年龄：", f"{age_at(p['birth'], dates['death'])}岁", None)],
        [("死亡日期：", f"{cn_date(dates['death'])}{extra['death_time']}", "death_date")],
        [("死亡地点：", extra["place"], None)],
        [("常住地址：", extra["addr"], None)],
    ]
    y = 148
    for r in rows:
        _fields_row(lay, y, r, size=11.5, x0=L + 10, widths=[(CW - 20) * w for w in ([0.4, 0.3, 0.3] if len(r) == 3 else [0.4, 0.6] if len(r) == 2 else [1.0])])
        lay.line(L, y + 10, R, y + 10, width=0.4)
        y += 30
    lay.text(L + 10, y + 8, "致死的主要疾病诊断：", size=11.5, bold=True)
    y += 34
    for lab, val in extra["causes"]:
        lay.text(L + 20, y, f"{lab}{val}", size=11.5)
        y += 26
    lay.text(L + 10, y + 8, f"生前主要疾病最高诊断单位：{iss['name']}    诊断依据：临床", size=11)
    y += 40
    xe = lay.text(L + 10, y, "医师签名：", size=11.5)
    _sig(lay, xe + 4, y + 1, extra["doctor"])
    lay.spans(L + 250, y, [("填报日期：", None), (cn_date(issue), "date")], size=11.5)
    lay.text(R - 110, 640, "医疗卫生机构盖章", size=12, anchor="m")
    _sign_seal(lay, seal, R - 110, 632)
    _footer(lay, ["说明：本证明书是死亡原因统计及办理户籍注销、殡葬等事项的凭证，由负责救治或正常死亡调查的医疗卫生机构签发。",
                  f"签发机构：{iss['name']}    联系电话：{iss.get('tel', '')}"])
    return lay, dict(issue=issue.isoformat(), death=dates["death"].isoformat())


def cremation(p, iss, dates, rng, seal, extra):
    lay = Layout()
    issue = dates["issue"]
    lay.text(lay.w / 2, 70, iss["name"], font="hei", size=19, anchor="m")
    lay.text(lay.w / 2, 108, "火 化 证 明", font="song", size=22, anchor="m", bold=True)
    lay.spans(R - 160, 136, [("No.", None), (extra["docno"], "docno")], size=10.5)
    lay.line(L, 144, R, 144)
    y = 184
    for r in ([("逝者姓名：", p["name"], "name"), ("性别：", sex_cn(p), None), ("年龄：", f"{age_at(p['birth'], dates['death'])}岁", None)],
              [("身份证号：", p["id"], "id")],
              [("死亡日期：", cn_date(dates["death"]), "death_date"), ("火化日期：", cn_date(dates["cremation"]), "cremation_date")],
              [("户籍地址：", extra["addr"], None)],
              [("经办人：", extra["agent"], None), ("与逝者关系：", extra["relation"], None)]):
        _fields_row(lay, y, r, size=12)
        y += 34
    y = lay.paragraph(L, y + 20, CW, [(f"兹证明上述逝者遗体已于{cn_date(dates['cremation'])}在我馆火化。", None)], size=12)
    lay.text(R - 90, y + 70, iss["name"], size=12, anchor="m")
    lay.spans(R - 150, y + 100, [(cn_date(issue), "date")], size=12)
    _sign_seal(lay, seal, R - 95, y + 80)
    _footer(lay, ["本证明一式两份，用于办理户口注销等手续。", f"地址：{iss.get('addr', '')}  电话：{iss.get('tel', '')}"])
    return lay, dict(issue=issue.isoformat(), death=dates["death"].isoformat(), cremation=dates["cremation"].isoformat())


# ---------------------------------------------------------------------------------------------
# Letters
# ---------------------------------------------------------------------------------------------
def _letterhead(lay, iss, sub=None, y=60):
    lay.text(lay.w / 2, y, iss["name"], font="hei", size=17, anchor="m", color=(160, 20, 20) if iss.get("red_head") else (20, 20, 20))
    if sub:
        lay.text(lay.w / 2, y + 20, sub, font="hei", size=9, anchor="m", color=(90, 90, 90))
    lay.line(L, y + 28, R, y + 28, width=1.6, color=(160, 20, 20) if iss.get("red_head") else (40, 40, 40))


def _letter(lay, title, paras, issuer_text, date, seal, y0=150, salutation=None, docno=None, after=None, size=12.5, sign_extra=()):
    lay.text(lay.w / 2, y0, title, font="song", size=23, anchor="m", bold=True)
    y = y0 + 28
    if docno:
        lay.spans(R - 10 - 10.5 * len(docno) * 0.75, y, [(docno, "docno")], size=10.5)
        y += 14
    y += 22
    if salutation:
        lay.text(L, y, salutation, size=size)
        y += size * 2
    for segs in paras:
        y = lay.paragraph(L, y, CW, segs, size=size) + 4
    if after:
        y = after(lay, y)
    y = max(y + 40, 520)
    for t in sign_extra:
        lay.text(R - 10, y, t, size=size - 1, anchor="r")
        y += 24
    lay.text(R - 10, y, issuer_text, size=size, anchor="r")
    wdt = len(issuer_text) * size
    lay.text(R - 10, y + 28, cn_date(date), size=size, anchor="r", name="date")
    _sign_seal(lay, seal, R - 10 - min(wdt, 200) / 2, y + 4)
    return y + 28


def unemployment(p, iss, dates, rng, seal, extra):
    lay = Layout()
    paras = [[("兹有", None), (p["name"], "name"), (f"，{sex_cn(p)}，身份证号码：", None), (p["id"], "id"),
              (f"，系我街道{extra['community']}社区居民，现住{extra['addr']}。", None)],
             [(f"该同志原在{extra['company']}从事{extra['job']}工作，于{cn_date(dates['event'])}因{extra['reason']}离职，"
               f"至今处于失业状态，已在社区进行失业人员登记，目前无固定收入来源，{extra['family']}，家庭生活较为困难。", None)],
             [("情况属实，特此证明。", None)]]
    _letter(lay, "证    明", paras, iss["name"], dates["issue"], seal, y0=120, salutation=extra.get("to", "致有关单位："),
            sign_extra=(f"{extra['community']}社区居民委员会（经办人：{extra['clerk']}）",))
    _footer(lay, [f"联系电话：{iss.get('tel', '')}（工作日 9:00-17:00）"])
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def resignation(p, iss, dates, rng, seal, extra):
    lay = Layout()
    _letterhead(lay, iss, sub=iss.get("addr"))
    paras = [[("兹证明", None), (p["name"], "name"), ("（身份证号：", None), (p["id"], "id"),
              (f"）自{cn_date(dates['start'])}起在我公司{extra['dept']}担任{extra['job']}一职，"
               f"于{cn_date(dates['event'])}因{extra['reason']}与我公司解除劳动合同，双方劳动关系自该日起终止，离职手续已办理完毕。", None)],
             [(f"截至离职日，公司已结清其工资，社会保险缴纳至{dates['event'].year}年{dates['event'].month}月。", None)],
             [("特此证明。", None)]]
    _letter(lay, "离 职 证 明", paras, f"{iss['name']}（盖章）", dates["issue"], seal, y0=150, docno=extra.get("docno"))
    _footer(lay, [f"人力资源部联系电话：{iss.get('tel', '')}", f"统一社会信用代码：{iss['uscc']}"] if iss.get("uscc") else [])
    return lay, dict(issue=dates["issue"].isoformat(), start=dates["start"].isoformat(), event=dates["event"].isoformat())


def furlough(p, iss, dates, rng, seal, extra):
    lay = Layout()
    _letterhead(lay, iss, sub=iss.get("addr"))
    paras = [[(f"受{extra['cause']}影响，我公司生产经营出现严重困难。经公司研究决定并报当地劳动保障部门备案，自{cn_date(dates['event'])}起部分岗位停工待岗。", None)],
             [("我公司员工", None), (p["name"], "name"), ("（身份证号：", None), (p["id"], "id"),
              (f"，所在部门：{extra['dept']}）自{cn_date(dates['event'])}起停工待岗，待岗期间公司按当地最低工资标准的80%发放生活费，"
               f"每月约{extra['pay']}元，恢复生产时间另行通知。", None)],
             [("特此证明。", None)]]
    _letter(lay, "停工待岗证明", paras, f"{iss['name']}", dates["issue"], seal, y0=150, docno=extra.get("docno"))
    _footer(lay, [f"联系人：{extra['hr']}   电话：{iss.get('tel', '')}"])
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def income(p, iss, dates, rng, seal, extra):
    lay = Layout()
    _letterhead(lay, iss, sub=iss.get("addr"))
    paras = [[("兹证明", None), (p["name"], "name"), ("（身份证号：", None), (p["id"], "id"),
              (f"）系我单位正式员工，在{extra['dept']}工作。", None)],
             [(f"因公司业务调整，自{dates['event'].year}年{dates['event'].month}月起，该员工月收入（税前）由{extra['old']}元调整为{extra['new']}元，"
               "主要构成为基本工资，无其他奖金及补贴。", None)],
             [("本证明仅用于证明该员工收入情况，不作为任何担保依据。", None)],
             [("特此证明。", None)]]
    _letter(lay, "收 入 证 明", paras, f"{iss['name']}（人事专用章）", dates["issue"], seal, y0=150)
    _footer(lay, [f"单位地址：{iss.get('addr', '')}  联系电话：{iss.get('tel', '')}"])
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def poverty(p, iss, dates, rng, seal, extra):
    lay = Layout()
    unit = extra.get("unit", "我村")
    paras = [[(f"兹有{unit}村民", None), (p["name"], "name"), (f"，{sex_cn(p)}，{age_at(p['birth'], dates['issue'])}岁，身份证号：", None), (p["id"], "id"),
              (f"，家住{extra['addr']}，家庭人口{extra['members']}人。", None)],
             [(f"该户{extra['reason']}，家庭主要收入来源中断，{dates['issue'].year - 1}年家庭人均年收入不足{extra['income']}元，"
               f"生活十分困难，属{unit}困难家庭。", None)],
             [("以上情况属实，特此证明。", None)]]
    _letter(lay, "贫 困 证 明", paras, iss["name"], dates["issue"], seal, y0=110, salutation="致有关单位：",
            sign_extra=((f"村委会主任：{extra['head']}",) if unit == "我村" else (f"经办人：{extra['head']}",)))
    _footer(lay, [f"村委会联系电话：{iss.get('tel', '')}"])
    return lay, dict(issue=dates["issue"].isoformat())


def isolation(p, iss, dates, rng, seal, extra):
    lay = Layout()
    _letterhead(lay, iss)
    paras = [[("", None), (p["name"], "name"), ("（身份证号：", None), (p["id"], "id"), ("）：", None)],
             [(f"经{extra['hospital']}诊断，你患有{extra['disease']}，属于传染期患者。根据《中华人民共和国传染病防治法》有关规定，"
               f"请你自{cn_date(dates['start'])}起至{cn_date(dates['end'])}止居家隔离治疗，隔离期间不得外出务工、不得前往人员密集场所，"
               "按时服药并接受社区医生随访。隔离期满经复查合格后方可解除隔离。", None)],
             [("特此告知。", None)]]
    _letter(lay, "居家隔离治疗告知书", paras, iss["name"], dates["issue"], seal, y0=150, docno=extra.get("docno"), size=12)
    _footer(lay, [f"随访医生：{extra['doctor']}   联系电话：{iss.get('tel', '')}"])
    return lay, dict(issue=dates["issue"].isoformat(), start=dates["start"].isoformat(), end=dates["end"].isoformat())


# ---------------------------------------------------------------------------------------------
# Forms from government bodies
# ---------------------------------------------------------------------------------------------
def _table(lay, y, rows, col1=120, size=11.5, row_h=34):
    x1 = L + col1
    top = y
    for label, value, name in rows:
        lay.line(L, y, R, y, width=0.7)
        lay.text(L + 8, y + row_h * 0.64, label, size=size)
        lay.text(x1 + 10, y + row_h * 0.64, value, size=size, name=name)
        y += row_h
    lay.line(L, y, R, y, width=0.7)
    lay.line(L, top, L, y, width=0.7)
    lay.line(R, top, R, y, width=0.7)
    lay.line(x1, top, x1, y, width=0.7)
    return y


def unemp_reg(p, iss, dates, rng, seal, extra):
    lay = Layout()
    lay.text(lay.w / 2, 78, "就业失业登记证明", font="hei", size=21, anchor="m")
    lay.spans(R - 200, 110, [("证明编号：", None), (extra["docno"], "docno")], size=10.5)
    rows = [("姓    名", p["name"], "name"), ("性    别", sex_cn(p), None), ("公民身份号码", p["id"], "id"),
            ("户籍性质", extra["hukou"], None), ("登记类别", "失业登记", None),
            ("失业登记日期", cn_date(dates["event"]), "event_date"), ("失业原因", extra["reason"], None),
            ("原工作单位", extra["company"], None), ("失业保险金", extra["ui"], None),
            ("登记机构", extra["office"], None)]
    y = _table(lay, 124, rows)
    y = lay.paragraph(L, y + 34, CW, [(f"经核实，该人员已于{cn_date(dates['event'])}在我局所属公共就业服务机构办理失业登记，"
                                        "登记状态为“失业”，特此证明。", None)], size=12)
    lay.text(R - 20, y + 60, iss["name"], size=12, anchor="r")
    lay.text(R - 20, y + 88, cn_date(dates["issue"]), size=12, anchor="r", name="date")
    _sign_seal(lay, seal, R - 110, y + 64)
    _footer(lay, ["本证明可通过“澜州人社”网上服务平台输入证明编号核验真伪。", f"打印时间：{dates['issue'].isoformat()} {extra.get('time', '10:12:45')}"])
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def dibao(p, iss, dates, rng, seal, extra):
    lay = Layout()
    lay.text(lay.w / 2, 78, extra.get("title", "最低生活保障证明"), font="hei", size=21, anchor="m")
    lay.spans(R - 180, 110, [("证号：", None), (extra["docno"], "docno")], size=10.5)
    rows = [("户主姓名", p["name"], "name"), ("公民身份号码", p["id"], "id"), ("家庭住址", extra["addr"], None),
            ("保障人口", f"{extra['members']}人", None), ("保障类别", extra["category"], None),
            ("月保障金额", f"{extra['amount']}元", None), ("批准日期", cn_date(dates["event"]), "event_date"),
            ("有效期至", cn_date(dates["valid"]), None)]
    y = _table(lay, 124, rows, col1=130)
    y = lay.paragraph(L, y + 34, CW, [(f"兹证明上述家庭经审核符合{extra['category']}条件，已纳入保障范围，特此证明。", None)], size=12)
    lay.text(R - 20, y + 60, iss["name"], size=12, anchor="r")
    lay.text(R - 20, y + 88, cn_date(dates["issue"]), size=12, anchor="r", name="date")
    _sign_seal(lay, seal, R - 90, y + 64)
    _footer(lay, [f"经办人：{extra['clerk']}   核验电话：{iss.get('tel', '')}"])
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def police(p, iss, dates, rng, seal, extra):
    lay = Layout()
    lay.text(lay.w / 2, 74, iss["parent"], font="hei", size=18, anchor="m")
    lay.text(lay.w / 2, 110, "受 案 回 执", font="song", size=22, anchor="m", bold=True)
    lay.spans(R - 230, 140, [(extra["docno"], "docno")], size=11)
    y = 186
    lay.spans(L, y, [(p["name"], "name"), ("：", None)], size=12.5)
    y += 32
    y = lay.paragraph(L, y, CW, [(f"你（单位）于{cn_date(dates['event'])}报称的{extra['case']}一案我单位已受理。", None)], size=12.5)
    y = lay.paragraph(L, y, CW, [("报案人：", None), (p["name"], None), ("，公民身份号码：", None), (p["id"], "id"), ("。", None)], size=12.5)
    y = lay.paragraph(L, y, CW, [(f"你可通过{extra['tel']}查询案件进展情况。", None)], size=12.5)
    lay.text(R - 10, y + 80, iss["name"], size=12.5, anchor="r")
    lay.text(R - 10, y + 108, cn_date(dates["issue"]), size=12.5, anchor="r", name="date")
    _sign_seal(lay, seal, R - 85, y + 86)
    lay.line(L, 700, R, 700, width=0.5)
    lay.text(L, 722, f"办案民警：{extra['officer']}    联系电话：{extra['tel']}", size=10.5)
    lay.text(L, 742, "一式两份，一份交报案人，一份附卷。", size=10.5)
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


def court_mediation(p, iss, dates, rng, seal, extra):
    lay = Layout()
    lay.text(lay.w / 2, 72, iss["name"], font="hei", size=19, anchor="m")
    lay.text(lay.w / 2, 108, "民 事 调 解 书", font="song", size=22, anchor="m", bold=True)
    lay.spans(R - 200, 136, [(extra["docno"], "docno")], size=11)
    y = 172
    y = lay.paragraph(L, y, CW, [("原告：", None), (p["name"], "name"), (f"，{sex_cn(p)}，{cn_date(p['birth'])}出生，汉族，住{extra['addr']}，公民身份号码", None),
                                  (p["id"], "id"), ("。", None)], size=12, indent=2)
    y = lay.paragraph(L, y, CW, [(f"被告：{extra['defendant']}，住所地{extra['def_addr']}。", None)], size=12, indent=2)
    y = lay.paragraph(L, y, CW, [(f"法定代表人：{extra['def_rep']}，该公司总经理。", None)], size=12, indent=2)
    y = lay.paragraph(L, y, CW, [(f"原告{p['name']}与被告{extra['defendant']}劳动争议一案，本院于{cn_date(dates['filed'])}立案后，依法适用简易程序进行了审理。", None)], size=12)
    y = lay.paragraph(L, y, CW, [(f"原告诉称：原告自{extra['since']}起在被告处工作，被告自{extra['arrears_from']}起拖欠原告工资共计{extra['arrears']}元至今未付，且于{cn_date(dates['event'])}无故解除劳动合同。", None)], size=12)
    y = lay.paragraph(L, y, CW, [("本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：", None)], size=12)
    y = lay.paragraph(L, y, CW, [(f"一、被告{extra['defendant']}于{cn_date(dates['issue'] + dt.timedelta(days=90))}前分三期支付原告拖欠工资及经济补偿金共计{extra['settle']}元；", None)], size=12)
    y = lay.paragraph(L, y, CW, [("二、案件受理费5元，减半收取2.5元，由被告负担。", None)], size=12)
    y = lay.paragraph(L, y, CW, [("上述协议，不违反法律规定，本院予以确认。本调解书经双方当事人签收后，即具有法律效力。", None)], size=12)
    y = max(y + 30, 600)
    lay.text(R - 10, y, f"审判员  {extra['judge']}", size=12, anchor="r")
    lay.text(R - 10, y + 30, cn_date(dates["issue"]), size=12, anchor="r", name="date")
    lay.text(R - 10, y + 60, f"书记员  {extra['clerk']}", size=12, anchor="r")
    _sign_seal(lay, seal, R - 80, y + 24)
    return lay, dict(issue=dates["issue"].isoformat(), filed=dates["filed"].isoformat(), event=dates["event"].isoformat())


def court_notice(p, iss, dates, rng, seal, extra):
    lay = Layout()
    lay.text(lay.w / 2, 72, iss["name"], font="hei", size=19, anchor="m")
    lay.text(lay.w / 2, 108, "受理案件通知书", font="song", size=22, anchor="m", bold=True)
    lay.spans(R - 200, 136, [(extra["docno"], "docno")], size=11)
    y = 176
    lay.spans(L, y, [(p["name"], "name"), ("（公民身份号码：", None), (p["id"], "id"), ("）：", None)], size=12.5)
    y += 34
    y = lay.paragraph(L, y, CW, [(f"你于{cn_date(dates['event'])}提交的起诉状收悉。你诉{extra['defendant']}{extra['cause']}一案，"
                                  f"经审查，起诉符合法定受理条件，本院决定立案审理，案号为{extra['docno']}。", None)], size=12.5)
    y = lay.paragraph(L, y, CW, [("现将有关事项通知如下：", None)], size=12.5)
    for t in ("一、在诉讼过程中，当事人必须依法行使诉讼权利，有权行使民事诉讼法规定的各项权利；",
              "二、应在接到本通知书之日起七日内预交案件受理费，逾期不交又不提出缓交申请的，按撤诉处理；",
              f"三、本案由审判员{extra['judge']}独任审理，联系电话{extra['tel']}。"):
        y = lay.paragraph(L, y, CW, [(t, None)], size=12.5)
    y = max(y + 40, 560)
    lay.text(R - 10, y, iss["name"], size=12.5, anchor="r")
    lay.text(R - 10, y + 30, cn_date(dates["issue"]), size=12.5, anchor="r", name="date")
    _sign_seal(lay, seal, R - 80, y + 8)
    return lay, dict(issue=dates["issue"].isoformat(), event=dates["event"].isoformat())


# ---------------------------------------------------------------------------------------------
# Lawyer letter
# ---------------------------------------------------------------------------------------------
def lawyer(p, iss, dates, rng, seal, extra):
    lay = Layout()
    _letterhead(lay, iss, sub=iss.get("en"), y=58)
    lay.text(lay.w / 2, 130, "律  师  函", font="song", size=25, anchor="m", bold=True)
    lay.spans(R - 12.0 * 0.9 * len(extra["docno"]), 156, [(extra["docno"], "docno")], size=11)
    y = 186
    lay.text(L, y, f"致：{LENDER}", size=12.5, bold=True)
    y += 30
    tone = extra.get("tone", "polite")
    paras = [[(f"{iss['name']}（以下简称“本所”）接受", None), (p["name"], "name"), ("（公民身份号码：", None), (p["id"], "id"),
              (f"，以下简称“委托人”）的委托，指派{extra['lawyers'][0][0]}律师就委托人与贵司之间的借款合同纠纷事宜，向贵司致函如下：", None)],
             [(f"据委托人陈述及提供的材料，委托人于{extra['loan_date']}通过贵司平台借款人民币{extra['principal']}元。"
               f"此后因{extra['hardship']}，委托人收入锐减，自{extra['overdue_from']}起未能按期足额还款。", None)]]
    if tone == "polite":
        paras += [[("委托人并无恶意逃避债务之意，愿意在能力范围内继续履行还款义务。为妥善解决本纠纷，本所律师代表委托人提出：恳请贵司暂停对委托人及其亲友的催收联络，"
                    "减免逾期期间产生的罚息及违约金，并同意委托人按照本金分期的方式还款，具体方案可与本所律师协商。", None)],
                  [("如贵司对上述事项有异议，请于收到本函之日起十五日内与本所律师联系。", None)]]
    else:
        paras += [[("经本所律师审查，贵司存在综合年化利率超过法定上限、暴力催收、违规向第三人披露委托人债务信息等情形，已严重侵害委托人合法权益。", None)],
                  [("现本所律师郑重要求贵司：一、立即停止一切催收行为；二、全额减免罚息、违约金及各项服务费；三、于收到本函之日起三日内与本所律师联系并出具停息挂账方案。"
                    "否则本所将代委托人向中国人民银行、国家金融监督管理总局及互联网金融协会投诉举报，并依法提起诉讼，由此产生的一切法律后果由贵司承担。", None)]]
    paras += [[("特此函告。", None)]]
    for segs in paras:
        y = lay.paragraph(L, y, CW, segs, size=12) + 2
    y = max(y + 24, 560)
    lay.text(R - 10, y, f"{iss['name']}（盖章）", size=12, anchor="r")
    y2 = y + 26
    for i, (nm, lic) in enumerate(extra["lawyers"]):
        segs = [(f"经办律师：{nm}    执业证号：", None), (lic, f"licence{i}")]
        wd = sum(text_width(a, "song", 11.5) for a, _ in segs)
        lay.spans(R - 10 - wd, y2, segs, size=11.5)
        y2 += 22
    segs = [("联系电话：", None), (extra["tel"], None)]
    lay.spans(R - 10 - sum(text_width(a, "song", 11.5) for a, _ in segs), y2, segs, size=11.5)
    lay.text(R - 10, y2 + 26, cn_date(dates["issue"]), size=12, anchor="r", name="date")
    _sign_seal(lay, seal, R - 90, y + 8)
    foot = [f"地址：{iss.get('addr', '')}"]
    if iss.get("footer_uscc"):
        foot.append(f"统一社会信用代码：{iss['uscc']}")
    _footer(lay, foot)
    return lay, dict(issue=dates["issue"].isoformat())


BUILDERS = dict(diagnosis=diagnosis, inpatient=inpatient, discharge=discharge, death=death, cremation=cremation,
                unemployment=unemployment, resignation=resignation, furlough=furlough, income=income, poverty=poverty,
                isolation=isolation, unemp_reg=unemp_reg, dibao=dibao, police=police, court_mediation=court_mediation,
                court_notice=court_notice, lawyer=lawyer)

DOC_TYPE_CN = dict(diagnosis="诊断证明书", inpatient="住院证明", discharge="出院记录", death="死亡证明", cremation="火化证明",
                   unemployment="失业证明", resignation="离职证明", furlough="停工待岗证明", income="收入证明", poverty="贫困证明",
                   isolation="隔离证明", unemp_reg="就业失业登记证明", dibao="低保证明", police="受案回执",
                   court_mediation="民事调解书", court_notice="受理案件通知书", lawyer="律师函")
