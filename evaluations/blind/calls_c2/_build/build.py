#!/usr/bin/env python3
"""Build the calls_c2 blind evaluation set (fixed seed, stdlib only)."""
import csv, json, os, random, datetime as dt

SEED = 20260501
rng = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = "+08:00"
START = dt.date(2026, 5, 1)
END = dt.date(2026, 7, 31)
DAYS = [START + dt.timedelta(d) for d in range((END - START).days + 1)]

used = set()
def mobile(prefixes=("138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "185", "187", "188", "133", "153", "180", "181", "189", "177", "199", "166")):
    while True:
        n = rng.choice(prefixes) + "".join(rng.choice("0123456789") for _ in range(8))
        if n not in used:
            used.add(n); return n
def landline(area):
    while True:
        n = area + rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(7))
        if n not in used:
            used.add(n); return n

# ---- lender numbers
lender = ["95733", "4006607788", "4008201234"] + [landline("021") for _ in range(6)] + [mobile(("170", "171")) for _ in range(5)]
used.update(lender)
official = lender[:3]
VOICEMAIL = {"cm": "13800138500", "cu": "13010112500", "ct": "18900000500"}
used.update(VOICEMAIL.values())

SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志斌宇浩然欣怡子涵梓轩雨婷晨阳思远佳琪俊杰文博海燕春梅晓东立新"
def name():
    return rng.choice(SUR) + "".join(rng.choice(GIV) for _ in range(rng.choice((1, 2, 2))))

customers = {}   # cid -> dict
truth = {}
agency_numbers = {}
cid_n = [0]
def new_customer(group, overdue_prob, forwarded=False, agency=None, overdue_window=(dt.date(2026, 5, 3), dt.date(2026, 7, 20))):
    cid_n[0] += 1
    cid = "K%05d" % (10000 + rng.randrange(89999))
    while cid in customers:
        cid = "K%05d" % (10000 + rng.randrange(89999))
    od = None
    if rng.random() < overdue_prob:
        a, b = overdue_window
        od = a + dt.timedelta(rng.randrange((b - a).days + 1))
    dom = od.day - 1 if od else rng.randint(1, 28)
    if dom < 1: dom = 1
    c = dict(customer_id=cid, name=name(), phone=mobile(), principal=rng.choice([3000, 5000, 8000, 10000, 12000, 15000, 20000, 30000, 50000]) + rng.randrange(0, 1000, 100),
             overdue_since=od, dom=dom, group=group)
    if od:
        c["next_due_date"] = od - dt.timedelta(1)
        c["overdue_days"] = (END - od).days + 1
    else:
        d = dt.date(2026, 8, min(dom, 28))
        c["next_due_date"] = d
        c["overdue_days"] = 0
    customers[cid] = c
    truth[cid] = {"group": group, "forwarded": forwarded, "agency": agency}
    return c

calls = []   # dicts
notes = []
def ts(day, lo_h=8.5, hi_h=20.5):
    sec = int(rng.uniform(lo_h, hi_h) * 3600)
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=sec)
def add(t, direction, cid, dialled, answered, ring, talk, by="", reason="", note=None):
    calls.append(dict(t=t, direction=direction, customer_id=cid, dialled=dialled, answered=answered,
                      ring_seconds=ring, talk_seconds=talk if answered else 0, answered_by=by, diversion_reason=reason, note=note))

def schedule(c):
    """Yield datetimes of outbound calls for customer c (reminders + collection)."""
    out = []
    od = c["overdue_since"]
    dom = c["dom"]
    for m in (5, 6, 7):
        try:
            due = dt.date(2026, m, dom)
        except ValueError:
            continue
        if od and due >= od:
            continue
        for k in range(0, 4):
            d = due - dt.timedelta(k)
            if START <= d and rng.random() < 0.35:
                out.append(ts(d, 9, 19))
    if od:
        for d in DAYS:
            if d < od: continue
            age = (d - od).days
            p = 0.85 if age < 30 else 0.6
            if rng.random() < p:
                for _ in range(rng.choice((1, 1, 2, 2, 2, 3))):
                    out.append(ts(d))
    return sorted(out)

def office(t, sat=False, lo=9.0, hi=18.0, lunch=(12.0, 13.5)):
    wd = t.weekday()
    if wd == 6 or (wd == 5 and not sat): return False
    h = t.hour + t.minute / 60
    return lo <= h < hi and not (lunch[0] <= h < lunch[1])

def own_answer(c, t, base=0.55):
    """Ordinary behaviour of the borrower's own phone."""
    od = c["overdue_since"]
    p = base if not od or t.date() < od else max(0.15, base - 0.01 * (t.date() - od).days)
    if rng.random() < p:
        return (True, rng.randint(3, 14), rng.randint(15, 240))
    if rng.random() < 0.2:
        return (False, rng.randint(1, 8), 0)   # rejected
    return (False, rng.randint(25, 50), 0)

NORMAL_NOTES_ANS = ["客户承诺本周内还款", "客户称资金周转困难，申请延期", "客户表示下月发工资后还款", "已提醒客户还款日期，客户知晓", "客户态度良好，承诺今天处理",
                    "客户称已还部分，核实中", "客户情绪激动，挂断", "客户表示忘记还款日，马上还", "客户要求协商分期", "客户称在外地出差，回来处理",
                    "客户称已通过官方APP还款，请核实", "客户询问减免政策，已告知可致电95733客服", "客户说稍后回拨400客服电话咨询", "客户说会打4006607788问清楚"]
NORMAL_NOTES_NA = ["无人接听", "响铃无人接", "客户挂断", "多次拨打未接", "未接通"]

def fmt_number(n, style):
    if style == 0: return n
    if style == 1: return "%s %s %s" % (n[:3], n[3:7], n[7:])
    if style == 2: return "%s-%s-%s" % (n[:3], n[3:7], n[7:])
    if style == 3: return "+86 " + n
    if style == 4:
        cn = dict(zip("0123456789", "零幺二三四五六七八九"))
        return "".join(cn[x] for x in n)
    if style == 5: return "%s****%s（对方口述全号%s）" % (n[:3], n[7:], n)
    if style == 6: return "%s %s" % (n[:7], n[7:])
    return n

# ============ agencies ============
AG_NOTES = {
 "lawyer": ["接听人自称客户代理律师，要求停止一切催收，否则起诉", "对方自称律师事务所，称客户已全权委托，不许联系本人", "接听人称是法务代理，要求提供合同原件和利息计算明细",
            "对方自称律师，说我们暴力催收已取证"],
 "relative": ["接听人自称客户表哥，称客户在外地打工联系不上", "对方说是客户家属，客户生病住院，让等等", "接听人自称客户妻子，说家里没钱，别再打",
              "对方称是客户哥哥，问什么都说不清楚，只让等消息"],
 "stall": ["对方称已委托第三方协商，要求停息挂账", "接听人拖延，说月底再说", "对方要求减免全部利息后再谈还款", "接听人称客户要走债务重组，让我们等通知",
           "对方一直绕圈子，不给还款时间"],
 "threat": ["对方威胁要投诉到金融监管总局和12378", "接听人说要去银保监投诉我们违规催收", "对方称已录音，再打就投诉到12315和监管", "接听人态度强硬，称要投诉到消协并曝光"],
 "callback": ["对方让我们有事打这个号码：{n}", "接听人称客户已委托处理，后续请联系{n}", "对方称统一由协商专员处理，电话{n}", "接听人说别打客户电话了，打{n}找负责人",
              "客户让我们联系他的代理人，号码{n}", "对方称后续沟通请拨{n}"],
}

def agency_block(aid, n_borrowers, pool, callback, ftype, before_frac, hours, styles, nonfwd=0, inbound_per=0.0, reassign=False, talk=(40, 260)):
    agency_numbers[aid] = list(pool) + ([callback] if callback else [])
    members = []
    for i in range(n_borrowers + nonfwd):
        fwd = i < n_borrowers
        c = new_customer(aid, 1.0, forwarded=fwd, agency=aid, overdue_window=(dt.date(2026, 5, 5), dt.date(2026, 7, 5)))
        od = c["overdue_since"]
        if fwd:
            if rng.random() < before_frac:
                c["fwd_start"] = max(START, od - dt.timedelta(rng.randint(1, 20)))
            else:
                c["fwd_start"] = min(END, od + dt.timedelta(rng.randint(1, 12)))
            c["fwd_to"] = rng.choice(pool)
            if reassign and rng.random() < 0.4:
                c["fwd_switch"] = (c["fwd_start"] + dt.timedelta(rng.randint(10, 30)), rng.choice(pool))
        members.append(c)
        for t in schedule(c):
            note = None
            if not fwd or t.date() < c["fwd_start"]:
                a, r, tk = own_answer(c, t, 0.5)
                if not fwd and callback and a and rng.random() < 0.5:
                    note = rng.choice(AG_NOTES["callback"]).format(n=fmt_number(callback, rng.choice(styles)))
                elif rng.random() < 0.2:
                    note = rng.choice(NORMAL_NOTES_ANS if a else NORMAL_NOTES_NA)
                add(t, "outbound", c["customer_id"], c["phone"], a, r, tk, note=note)
                continue
            to = c["fwd_to"]
            if "fwd_switch" in c and t.date() >= c["fwd_switch"][0]:
                to = c["fwd_switch"][1]
            at_desk = office(t, **hours) and rng.random() < 0.9
            if ftype == "unconditional":
                reason = "unconditional"; ring_pre = 0
            elif ftype == "busy":
                if rng.random() < 0.25:   # borrower answers himself occasionally
                    a, r, tk = own_answer(c, t, 0.6)
                    add(t, "outbound", c["customer_id"], c["phone"], a, r, tk)
                    continue
                reason = "busy"; ring_pre = rng.randint(1, 6)
            else:
                reason = "no_answer"; ring_pre = rng.randint(15, 25)
            if at_desk:
                tk = rng.randint(*talk) if rng.random() < 0.8 else rng.randint(5, 25)
                kind = rng.choice(["lawyer", "relative", "stall", "threat", "stall"])
                if callback and rng.random() < 0.35: kind = "callback"
                note = None
                if rng.random() < 0.6:
                    note = rng.choice(AG_NOTES[kind])
                    if kind == "callback":
                        note = note.format(n=fmt_number(callback, rng.choice(styles)))
                add(t, "outbound", c["customer_id"], c["phone"], True, ring_pre + rng.randint(2, 10), tk, to, reason, note)
            else:
                add(t, "outbound", c["customer_id"], c["phone"], False, ring_pre + rng.randint(25, 45), 0, to, reason,
                    rng.choice(NORMAL_NOTES_NA) if rng.random() < 0.1 else None)
        # agency calling the lender about this borrower
        if inbound_per:
            k = int(inbound_per) + (1 if rng.random() < inbound_per - int(inbound_per) else 0)
            src = agency_numbers[aid]
            for _ in range(k):
                d = od + dt.timedelta(rng.randint(0, max(0, (END - od).days)))
                while d.weekday() >= 5: d -= dt.timedelta(1)
                if d < START: d = START
                t = ts(d, 9.2, 17.8)
                txt = rng.choice(["来电者自称客户委托的协商代理，要求减免", "来电人称代表客户，要求停催并提供合同", "来电称客户已委托他处理，威胁投诉",
                                  "代理人来电询问客户账单，要求停息挂账", "来电人自称客户律师，要求出具结清方案"])
                add(t, "inbound", c["customer_id"], rng.choice(src), True, rng.randint(0, 12), rng.randint(60, 420), note=txt if rng.random() < 0.8 else None)
    return members

# AG1: single number, unconditional, after overdue, strict office hours
agency_block("AG1", 26, [mobile()], None, "unconditional", 0.0, dict(sat=False, lo=9.0, hi=18.0), [0])
# AG2: pool of 5 numbers, busy forwarding, many start before overdue, Saturdays too, callback quoted
agency_block("AG2", 36, [mobile() for _ in range(5)], mobile(), "busy", 0.45, dict(sat=True, lo=9.5, hi=18.5, lunch=(12.0, 13.0)), [0, 1, 2, 3, 4, 5, 6], reassign=True)
# AG3: two numbers, no_answer forwarding, callback + inbound calls to lender, some borrowers only quote the callback
agency_block("AG3", 13, [mobile() for _ in range(2)], landline("0755"), "no_answer", 0.15, dict(sat=False, lo=9.0, hi=17.5), [0, 1, 2, 4, 6], nonfwd=4, inbound_per=2.5)
# AG4: small, forwarding set before overdue, one number + callback, inbound heavy
agency_block("AG4", 6, [mobile()], mobile(), "unconditional", 1.0, dict(sat=False, lo=10.0, hi=19.0, lunch=(12.5, 14.0)), [1, 2, 3, 5], nonfwd=2, inbound_per=1.5, talk=(20, 120))

# ============ families ============
FAM_NOTES = ["客户母亲接听，称会转告", "接听人是客户父亲，说孩子在外打工，会催他还", "客户妻子接听，说家里会想办法", "客户丈夫代接，承诺下周还款",
             "接听人称是客户女儿，父母年纪大，由她处理", "家属代接，态度配合", "客户姐姐接听，称会提醒"]
families = []
for f in range(8):
    size = rng.choice((2, 2, 3, 3))
    relative_is_customer = f < 3
    members = [new_customer("family", 0.55) for _ in range(size)]
    rel = members[0]["phone"] if relative_is_customer else mobile()
    ftype = rng.choice(["unconditional", "no_answer", "no_answer", "busy"])
    fwd_members = members[1:] if relative_is_customer else members
    for m in members:
        m["family_rel"] = rel
    for m in fwd_members:
        truth[m["customer_id"]]["forwarded"] = True
        m["fwd_start"] = START if rng.random() < 0.6 else START + dt.timedelta(rng.randint(5, 40))
    families.append(members)
    for m in members:
        for t in schedule(m):
            if m in fwd_members and t.date() >= m["fwd_start"]:
                if ftype == "busy" and rng.random() < 0.4:
                    a, r, tk = own_answer(m, t, 0.5); add(t, "outbound", m["customer_id"], m["phone"], a, r, tk); continue
                pre = 0 if ftype == "unconditional" else (rng.randint(1, 6) if ftype == "busy" else rng.randint(15, 25))
                a = rng.random() < 0.7
                note = rng.choice(FAM_NOTES) if a and rng.random() < 0.4 else None
                add(t, "outbound", m["customer_id"], m["phone"], a, pre + (rng.randint(2, 12) if a else rng.randint(20, 40)), rng.randint(15, 150), rel, ftype, note)
            else:
                a, r, tk = own_answer(m, t, 0.6)
                add(t, "outbound", m["customer_id"], m["phone"], a, r, tk, note=rng.choice(NORMAL_NOTES_ANS) if a and rng.random() < 0.2 else None)
        if rng.random() < 0.5:
            d = rng.choice(DAYS); add(ts(d, 8, 21), "inbound", m["customer_id"], rel, True, rng.randint(0, 8), rng.randint(30, 200),
                                      note="家属来电代为询问账单" if rng.random() < 0.7 else None)

# ============ switchboards ============
SW_NOTES = ["公司前台接听，称会转告本人", "总机接听，称该员工在开会", "前台称员工不在工位，留言转达", "公司总机转接未果，前台代为记录", "前台称不方便透露员工信息"]
for s, (area, n) in enumerate((("010", 11), ("0571", 9))):
    sw = landline(area)
    ftype = "unconditional" if s == 0 else "no_answer"
    for i in range(n):
        m = new_customer("switchboard", 0.35, forwarded=True)
        for t in schedule(m):
            if ftype == "no_answer" and rng.random() < 0.35:
                a, r, tk = own_answer(m, t, 0.7); add(t, "outbound", m["customer_id"], m["phone"], a, r, tk); continue
            pre = 0 if ftype == "unconditional" else rng.randint(15, 25)
            if office(t, lo=8.5, hi=17.5, lunch=(12.0, 13.0)) and rng.random() < 0.92:
                add(t, "outbound", m["customer_id"], m["phone"], True, pre + rng.randint(2, 8), rng.randint(8, 50), sw, ftype,
                    rng.choice(SW_NOTES) if rng.random() < 0.45 else None)
            else:
                add(t, "outbound", m["customer_id"], m["phone"], False, pre + rng.randint(20, 40), 0, sw, ftype)

# ============ stopped answering ============
for i in range(17):
    m = new_customer("stopped_answering", 1.0, overdue_window=(dt.date(2026, 5, 10), dt.date(2026, 7, 1)))
    for t in schedule(m):
        if t.date() < m["overdue_since"] + dt.timedelta(rng.randint(0, 3)):
            a, r, tk = own_answer(m, t, 0.85)
        else:
            a = rng.random() < 0.03
            r = rng.randint(1, 8) if rng.random() < 0.4 else rng.randint(25, 50)
            tk = rng.randint(5, 30)
        add(t, "outbound", m["customer_id"], m["phone"], a, r, tk, note=rng.choice(NORMAL_NOTES_NA) if not a and rng.random() < 0.3 else None)

# ============ changed number ============
for i in range(10):
    m = new_customer("changed_number", 0.6)
    new = mobile()
    change = dt.date(2026, 5, 10) + dt.timedelta(rng.randint(0, 60))
    mode = i % 3   # 0 dead number, 1 number reassigned to stranger, 2 carrier forward old->new (one-to-one)
    if mode == 2: truth[m["customer_id"]]["forwarded"] = True
    learned = change + dt.timedelta(rng.randint(2, 15))
    for t in schedule(m):
        if t.date() < change:
            a, r, tk = own_answer(m, t, 0.6); add(t, "outbound", m["customer_id"], m["phone"], a, r, tk); continue
        if t.date() >= learned and rng.random() < 0.7:
            a, r, tk = own_answer(m, t, 0.6); add(t, "outbound", m["customer_id"], new, a, r, tk); continue
        if mode == 0:
            add(t, "outbound", m["customer_id"], m["phone"], False, 0, 0, note="空号" if rng.random() < 0.3 else None)
        elif mode == 1:
            a = rng.random() < 0.6
            add(t, "outbound", m["customer_id"], m["phone"], a, rng.randint(3, 20), rng.randint(5, 20),
                note="对方称不认识该客户，号码是新办的" if a and rng.random() < 0.5 else None)
        else:
            a, r, tk = own_answer(m, t, 0.6)
            add(t, "outbound", m["customer_id"], m["phone"], a, r, tk, new, "unconditional")
    tl = learned - dt.timedelta(1)
    add(ts(max(tl, START), 9, 20), "inbound", m["customer_id"], new, True, rng.randint(0, 6), rng.randint(40, 200),
        note="客户来电告知已更换手机号为%s" % fmt_number(new, rng.choice([0, 1, 2])))

# ============ voicemail ============
for i in range(14):
    m = new_customer("voicemail", 0.6)
    vm = VOICEMAIL[rng.choice(list(VOICEMAIL))]
    truth[m["customer_id"]]["forwarded"] = True
    for t in schedule(m):
        if rng.random() < 0.35:
            a, r, tk = own_answer(m, t, 0.7); add(t, "outbound", m["customer_id"], m["phone"], a, r, tk); continue
        reason = rng.choice(["no_answer", "no_answer", "busy", "unreachable"])
        pre = {"no_answer": rng.randint(15, 25), "busy": rng.randint(1, 6), "unreachable": 0}[reason]
        add(t, "outbound", m["customer_id"], m["phone"], True, pre + rng.randint(1, 3), rng.randint(4, 30), vm, reason,
            "转入语音信箱，已留言" if rng.random() < 0.3 else None)

# ============ normal ============
while len(customers) < 500:
    m = new_customer("normal", 0.33)
    vm = VOICEMAIL[rng.choice(list(VOICEMAIL))]
    for t in schedule(m):
        a, r, tk = own_answer(m, t, 0.6)
        if not a and rng.random() < 0.03:   # occasional voicemail diversion for ordinary customers
            add(t, "outbound", m["customer_id"], m["phone"], True, r, rng.randint(4, 20), vm, "no_answer"); continue
        add(t, "outbound", m["customer_id"], m["phone"], a, r, tk,
            note=(rng.choice(NORMAL_NOTES_ANS) if a else rng.choice(NORMAL_NOTES_NA)) if rng.random() < 0.2 else None)
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        d = rng.choice(DAYS)
        add(ts(d, 8, 22), "inbound", m["customer_id"], m["phone"], True, rng.randint(0, 10), rng.randint(30, 300),
            note=rng.choice(["客户来电咨询还款方式", "客户来电要求开具结清证明", "客户来电询问账单"]) if rng.random() < 0.5 else None)

# lender's own numbers calling in (internal transfers, QA callbacks) across many customers
cids = list(customers)
for _ in range(300):
    c = customers[rng.choice(cids)]
    d = rng.choice(DAYS)
    add(ts(d, 9, 18), "inbound", c["customer_id"], rng.choice(lender), True, rng.randint(0, 5), rng.randint(20, 200),
        note=rng.choice(["内部转接：客服转催收", "质检回访内部来电", "客服中心95733转入", "400热线转接至催收组"]) if rng.random() < 0.6 else None)

# ---- write
calls.sort(key=lambda x: (x["t"], x["customer_id"]))
rows = []
for i, c in enumerate(calls, 1):
    c["call_id"] = "CC%06d" % i
with open(os.path.join(OUT, "calls.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["call_id", "started_at", "direction", "customer_id", "dialled", "answered", "ring_seconds", "talk_seconds", "answered_by", "diversion_reason", "recording"])
    for c in calls:
        w.writerow([c["call_id"], c["t"].strftime("%Y-%m-%dT%H:%M:%S") + TZ, c["direction"], c["customer_id"], c["dialled"],
                    "true" if c["answered"] else "false", c["ring_seconds"], c["talk_seconds"], c["answered_by"], c["diversion_reason"], ""])
with open(os.path.join(OUT, "notes.jsonl"), "w", encoding="utf-8") as f:
    for c in calls:
        if c["note"]:
            f.write(json.dumps({"call_id": c["call_id"], "text": c["note"]}, ensure_ascii=False) + "\n")
order = sorted(customers)
with open(os.path.join(OUT, "customers.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days", "overdue_since"])
    for k in order:
        c = customers[k]
        w.writerow([k, c["name"], c["phone"], c["principal"], c["next_due_date"].isoformat(), c["overdue_days"],
                    c["overdue_since"].isoformat() if c["overdue_since"] else ""])
with open(os.path.join(OUT, "lender_numbers.txt"), "w") as f:
    f.write("\n".join(lender) + "\n")
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump({"customers": {k: truth[k] for k in order}, "agency_numbers": agency_numbers}, f, ensure_ascii=False, indent=1)
print(len(customers), len(calls))
