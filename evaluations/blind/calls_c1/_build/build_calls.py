#!/usr/bin/env python3
"""Build calls_c1: collection call records with anti-collection agencies and hard negatives.
Standard library only. Deterministic (seed fixed). Writes into the parent folder."""
import csv, json, random, os, math
from datetime import datetime, date, timedelta, timezone

R = random.Random(20260801)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = timezone(timedelta(hours=8))
P0, P1 = date(2026, 8, 1), date(2026, 10, 31)
DAYS = [P0 + timedelta(d) for d in range((P1 - P0).days + 1)]

# ---------------------------------------------------------------- numbers
USED = set()
MOB_PFX = ['130','131','132','133','135','136','137','138','139','150','151','152','155','156','157','158','159',
           '166','170','173','175','176','177','178','180','181','182','183','185','186','187','188','189','191','198','199']
def mobile(pfx=None):
    while True:
        n = (pfx or R.choice(MOB_PFX)) + ''.join(R.choice('0123456789') for _ in range(8))
        if n not in USED:
            USED.add(n); return n
def landline(area, digits=8):
    while True:
        n = area + str(R.randint(2, 8)) + ''.join(R.choice('0123456789') for _ in range(digits - 1))
        if n not in USED:
            USED.add(n); return n

SURN = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏飞鑫波宁欣颖婷雪琳晨阳帆峰亮志海健俊佳')
def name(surname=None):
    s = surname or R.choice(SURN)
    return s + ''.join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))

# lender's own numbers: collector lines (Chengdu landlines + virtual mobile block) and official numbers
LENDER_COLLECTOR = [landline('028', 8) for _ in range(24)] + [mobile('170') for _ in range(12)]
LENDER_OFFICIAL = ['95079', '4008207788', '4006619500']
LENDER = LENDER_COLLECTOR + LENDER_OFFICIAL
# carrier voicemail / call-secretary platforms (fictional but carrier-like)
VOICEMAIL = {'cmcc': '13800138500', 'cucc': '13010888500', 'ctcc': '18900000500'}
for v in VOICEMAIL.values(): USED.add(v)

# ---------------------------------------------------------------- time helpers
def is_workday(d):
    return d.weekday() < 5 and not (date(2026, 10, 1) <= d <= date(2026, 10, 7))

def collector_time(d):
    """Time of an outbound collection call: 08:30-20:50, peaks mid-morning, afternoon, early evening."""
    while True:
        c = R.random()
        if c < 0.35: h = R.gauss(10.3, 1.0)
        elif c < 0.75: h = R.gauss(15.2, 1.4)
        else: h = R.gauss(19.0, 0.9)
        if 8.5 <= h <= 20.85: break
    return datetime(d.year, d.month, d.day, tzinfo=TZ) + timedelta(seconds=int(h * 3600) + R.randint(0, 59))

def any_time(d, lo=7.5, hi=22.5):
    h = R.uniform(lo, hi)
    return datetime(d.year, d.month, d.day, tzinfo=TZ) + timedelta(seconds=int(h * 3600))

def hour(t):
    return t.hour + t.minute / 60

def office_open(t, sat_morning=False, lunch=True):
    d = t.date(); h = hour(t)
    if is_workday(d):
        if lunch:
            return (9.0 <= h < 12.0) or (13.5 <= h < 18.0)
        return 8.5 <= h < 17.5
    if sat_morning and d.weekday() == 5 and not (date(2026, 10, 1) <= d <= date(2026, 10, 7)):
        return 9.5 <= h < 12.0
    return False

# ---------------------------------------------------------------- customers
CUSTOMERS = []   # dicts
EVENTS = []      # dicts

def new_customer(group, agency=None, forwarded=False, surname=None, phone=None, overdue_since=None, principal=None):
    c = dict(name=name(surname), phone=phone or mobile(), group=group, agency=agency, forwarded=forwarded,
             principal=principal or R.choice([3000, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 30000, 50000]) + R.choice([0, 0, 500, 1000]),
             due_dom=R.randint(1, 28), overdue_since=overdue_since)
    CUSTOMERS.append(c)
    return c

def rand_overdue_since(lo=date(2026, 5, 1), hi=date(2026, 10, 15)):
    return lo + timedelta(R.randint(0, (hi - lo).days))

def ev(c, t, direction='outbound', dialled=None, answered=True, ring=None, talk=None, by='', reason='', note=None):
    if ring is None:
        ring = R.randint(3, 22) if answered else R.choice([R.randint(35, 60), R.randint(35, 60), R.randint(1, 6)])
    if talk is None:
        talk = R.randint(25, 240) if answered else 0
    EVENTS.append(dict(t=t, direction=direction, c=c, dialled=dialled or c['phone'], answered=answered,
                       ring=ring, talk=talk if answered else 0, by=by if by else '', reason=reason, note=note))

def collection_days(c, start_lag=1):
    """Days on which the lender works this customer, with a daily call intensity."""
    os_ = c['overdue_since']
    out = []
    if os_ is None: return out
    for d in DAYS:
        if d < os_ + timedelta(start_lag): continue
        age = (d - os_).days
        rate = 1.8 if age <= 30 else (1.15 if age <= 90 else 0.63)
        if d.weekday() >= 5: rate *= 0.6
        if date(2026, 10, 1) <= d <= date(2026, 10, 7): rate *= 0.35
        out.append((d, rate))
    return out

def poisson(lam):
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= R.random()
        if p < L: return k
        k += 1

def due_dates(c):
    out = []
    for m in (8, 9, 10):
        out.append(date(2026, m, c['due_dom']))
    return out

def reminder_calls(c, until=None, answer_fn=None):
    """Pre-due reminders (D-3, D-1, D0) for the monthly installments."""
    for dd in due_dates(c):
        if until and dd > until: continue
        for off in (-3, -1, 0):
            d = dd + timedelta(off)
            if d < P0 or d > P1 or R.random() > 0.55: continue
            t = collector_time(d)
            if answer_fn: answer_fn(c, t, reminder=True)
            else:
                a = R.random() < 0.8
                ev(c, t, answered=a, talk=R.randint(15, 90))

def inbound_self(c, n, lo=P0, hi=P1, number=None):
    for _ in range(n):
        d = lo + timedelta(R.randint(0, max(0, (hi - lo).days)))
        t = any_time(d, 8.0, 21.5)
        ev(c, t, direction='inbound', dialled=number or c['phone'], answered=True, ring=R.randint(2, 30), talk=R.randint(40, 420))

def self_answer(c, t, reminder=False, p=0.72):
    a = R.random() < p
    ev(c, t, answered=a, talk=R.randint(15, 90) if reminder else R.randint(30, 300))

# ================================================================ AGENCIES
AGENCY_NUMBERS = {}
NOTES = []

# ---- AG-01 "single target": one forwarding target (Dongguan mobile) for 34 borrowers, unconditional forwarding
ag1 = 'AG-01'
ag1_target = mobile('176')
AGENCY_NUMBERS[ag1] = [ag1_target]
ag1_lines = ['对方自称是客户委托的律师，要求停止联系本人', '接听人称客户已全权委托其处理债务，要求减免', '对方称已向监管投诉，威胁录音曝光',
             '接听人说客户在外地住院，让我们等通知', '对方要求提供催收员工号并称会投诉', '接听人称客户是其表弟，让走协商流程']
for i in range(34):
    c = new_customer(ag1, ag1, True, overdue_since=rand_overdue_since(date(2026, 4, 20), date(2026, 8, 25)))
    # each borrower signs with the agency at a different date; some already forwarded on Aug 1
    fw_start = max(P0, c['overdue_since'] + timedelta(R.randint(5, 60))) if R.random() < 0.6 else P0
    if R.random() < 0.25: fw_start = P0 + timedelta(R.randint(10, 70))
    c['fw_start'] = fw_start
    for d, rate in collection_days(c):
        for _ in range(poisson(rate * 1.1)):
            t = collector_time(d)
            if d < fw_start:
                self_answer(c, t, p=0.45)
            else:
                if office_open(t) and R.random() < 0.86:
                    note = R.choice(ag1_lines) if R.random() < 0.12 else None
                    ev(c, t, answered=True, ring=R.randint(4, 18), talk=R.randint(90, 600), by=ag1_target, reason='unconditional', note=note)
                else:
                    ev(c, t, answered=False, ring=R.randint(40, 60), by='', reason='unconditional')
    # the agency sometimes calls in itself "on behalf" of the borrower
    for _ in range(R.choice([0, 0, 1, 2])):
        d = max(fw_start, P0) + timedelta(R.randint(0, 40))
        if d > P1 or not is_workday(d): continue
        t = datetime(d.year, d.month, d.day, R.choice([10, 11, 14, 15, 16]), R.randint(0, 59), tzinfo=TZ)
        ev(c, t, direction='inbound', dialled=ag1_target, answered=True, ring=R.randint(2, 20), talk=R.randint(120, 700),
           note='来电人代客户协商，要求停催并减免罚息' if R.random() < 0.5 else None)

# ---- AG-02 "pool": five answering numbers (Changsha landlines + mobiles), borrowers rotate among them,
#      mix of unconditional and no_answer forwarding; answers also Saturday mornings
ag2 = 'AG-02'
ag2_pool = [landline('0731', 8), landline('0731', 8), mobile('166'), mobile('173'), mobile('150')]
AGENCY_NUMBERS[ag2] = list(ag2_pool)
for i in range(46):
    c = new_customer(ag2, ag2, True, overdue_since=rand_overdue_since(date(2026, 3, 1), date(2026, 9, 10)))
    primary = R.choice(ag2_pool)
    switch_day = P0 + timedelta(R.randint(20, 80)) if R.random() < 0.45 else None
    secondary = R.choice([p for p in ag2_pool if p != primary])
    mode = 'unconditional' if R.random() < 0.6 else 'no_answer'
    fw_start = P0 if R.random() < 0.7 else P0 + timedelta(R.randint(5, 45))
    for d, rate in collection_days(c):
        for _ in range(poisson(rate * 0.95)):
            t = collector_time(d)
            if d < fw_start:
                self_answer(c, t, p=0.35); continue
            tgt = secondary if (switch_day and d >= switch_day) else primary
            if R.random() < 0.15: tgt = R.choice(ag2_pool)     # overflow handled by another desk
            if mode == 'no_answer' and R.random() < 0.08:
                ev(c, t, answered=True, talk=R.randint(10, 60)); continue   # borrower picks up rarely
            r = mode if R.random() < 0.9 else 'busy'
            ring = R.randint(18, 30) + R.randint(2, 12) if r == 'no_answer' else R.randint(3, 15)
            if office_open(t, sat_morning=True) and R.random() < 0.8:
                ev(c, t, answered=True, ring=ring, talk=R.randint(45, 420), by=tgt, reason=r,
                   note=R.choice(['对方称是客户家属，客户精神状况不好，不要再打', '接听人称在走法律程序，要求出示债权证明',
                                  '对方拒绝透露身份，称客户要求分期36期', '接听人称将以暴力催收投诉']) if R.random() < 0.08 else None)
            else:
                ev(c, t, answered=False, ring=ring + R.randint(15, 30), reason=r)

# ---- AG-03 "callback number": no forwarding. Borrowers tell collectors to call the agency's "法务" numbers;
#      collectors then dial those numbers (logged against the borrower).
ag3 = 'AG-03'
ag3_cb = [mobile('138'), landline('0755', 8), mobile('191')]
AGENCY_NUMBERS[ag3] = list(ag3_cb)
def fmt_num(n):
    s = R.random()
    if n.startswith('0') and len(n) >= 11:
        a = 4 if n.startswith('0755') or n.startswith('0731') else 3
        return n[:a] + '-' + n[a:] if s < 0.6 else n
    if s < 0.5: return n
    if s < 0.8: return n[:3] + ' ' + n[3:7] + ' ' + n[7:]
    return n[:3] + '-' + n[3:7] + '-' + n[7:]
ag3_note_tpl = ['客户说让我们打{n}，找他们法务谈', '客户称有事联系他们法务 {n}，本人不再接听', '客户不配合，只说“你们打{n}跟王律师谈”',
                '客户报了一个号码{n}，说是委托的债务协商机构', '借款人称已委托第三方，联系电话{n}，挂断', '客户：以后别打我电话了，打{n}',
                '客户让联系其代理人 {n}（自称张律师）']
for i in range(31):
    c = new_customer(ag3, ag3, False, overdue_since=rand_overdue_since(date(2026, 5, 15), date(2026, 9, 20)))
    cb = ag3_cb[0] if R.random() < 0.55 else (ag3_cb[1] if R.random() < 0.7 else ag3_cb[2])
    quoted = False
    cb2 = R.choice([x for x in ag3_cb if x != cb]) if R.random() < 0.2 else None
    cb2_day = P0 + timedelta(R.randint(30, 80)); cb2_quoted = False
    days = collection_days(c)
    for d, rate in days:
        for _ in range(poisson(rate)):
            t = collector_time(d)
            if not quoted:
                a = R.random() < 0.55
                if a and R.random() < 0.35:
                    quoted = True
                    ev(c, t, answered=True, talk=R.randint(20, 90), note=R.choice(ag3_note_tpl).format(n=fmt_num(cb)))
                else:
                    ev(c, t, answered=a, talk=R.randint(20, 200))
            else:
                if R.random() < 0.45:
                    n = cb2 if (cb2 and d >= cb2_day and R.random() < 0.6) else cb
                    if office_open(t) and R.random() < 0.85:
                        nt = R.choice(['对方自称法务，要求停息挂账', '对方称客户资金困难，只还本金', '对方称已向金融监管总局投诉', None, None, None])
                        if cb2 and not cb2_quoted and d >= cb2_day:
                            cb2_quoted = True; nt = '对方称以后改打{n}，找李主任'.format(n=fmt_num(cb2))
                        ev(c, t, dialled=n, answered=True, talk=R.randint(60, 500), note=nt)
                    else:
                        ev(c, t, dialled=n, answered=False)
                else:
                    # borrower himself now mostly rejects or ignores; occasionally repeats the number
                    a = R.random() < 0.15
                    note = R.choice(ag3_note_tpl).format(n=fmt_num(cb)) if a and R.random() < 0.5 else None
                    ev(c, t, answered=a, ring=R.randint(1, 5) if not a and R.random() < 0.5 else None, talk=R.randint(5, 40), note=note)

# ---- AG-04 "after overdue": borrowers behave normally until they go overdue; 4-12 days later their phones get
#      conditional forwarding (busy / no_answer) to three agency numbers (Zhengzhou). Only weekday office hours.
ag4 = 'AG-04'
ag4_nums = [mobile('185'), mobile('156'), landline('0371', 8)]
AGENCY_NUMBERS[ag4] = list(ag4_nums)
for i in range(26):
    os_ = date(2026, 8, 5) + timedelta(R.randint(0, 60))
    c = new_customer(ag4, ag4, True, overdue_since=os_)
    tgt = R.choice(ag4_nums[:2]) if R.random() < 0.75 else ag4_nums[2]
    lag = R.randint(4, 12)
    c['fw_start'] = os_ + timedelta(lag)
    reminder_calls(c, until=os_, answer_fn=lambda c, t, reminder=False: self_answer(c, t, reminder, p=0.85))
    inbound_self(c, R.choice([0, 1, 1, 2]), P0, os_)
    for d, rate in collection_days(c, start_lag=0):
        for _ in range(poisson(rate * 1.2)):
            t = collector_time(d)
            if d < c['fw_start']:
                self_answer(c, t, p=0.6); continue
            r = 'busy' if R.random() < 0.45 else 'no_answer'
            ring0 = R.randint(1, 5) if r == 'busy' else R.randint(20, 28)
            if office_open(t, lunch=True) and R.random() < 0.9:
                ev(c, t, answered=True, ring=ring0 + R.randint(3, 12), talk=R.randint(60, 480), by=tgt, reason=r,
                   note=R.choice(['接听人称客户已委托其代理，要求书面沟通', '对方称是客户姐姐，客户失业无力偿还', '对方称要去法院起诉我司高利贷']) if R.random() < 0.07 else None)
            else:
                ev(c, t, answered=False, ring=ring0 + R.randint(20, 35), reason=r)

# ================================================================ HARD NEGATIVES
# ---- families: one relative answers for 2-3 household members (forwarding from elderly/away members)
FAMILY_ANSWERERS = []
for fi in range(10):
    sn = R.choice(SURN)
    k = R.choice([2, 2, 3, 3, 3])
    rel_is_customer = R.random() < 0.4
    members = []
    overdue = R.random() < 0.6
    for j in range(k):
        os_ = rand_overdue_since(date(2026, 7, 20), date(2026, 10, 10)) if (overdue and R.random() < 0.7) else None
        members.append(new_customer('family', None, False, surname=sn if R.random() < 0.85 else None, overdue_since=os_))
    relative = members[0]['phone'] if rel_is_customer else mobile()
    FAMILY_ANSWERERS.append(relative)
    for j, c in enumerate(members):
        if rel_is_customer and j == 0:
            c['forwarded'] = False
        else:
            c['forwarded'] = R.random() < 0.8
        mode = R.choice(['unconditional', 'no_answer', 'unconditional'])
        def fam_answer(c, t, reminder=False, mode=mode):
            if c['forwarded'] and c['phone'] != relative:
                if mode == 'no_answer' and R.random() < 0.3:
                    ev(c, t, answered=True, talk=R.randint(15, 120)); return
                # relative answers at any hour (evenings too), short-medium calls, promises to pass on / pay
                a = R.random() < (0.85 if 8 <= t.hour < 21 else 0.6)
                ev(c, t, answered=a, ring=(R.randint(18, 26) if mode == 'no_answer' else 0) + R.randint(3, 15) if a else None,
                   talk=R.randint(20, 200), by=relative if a else '', reason=mode,
                   note=R.choice(['家属接听，称会转告本人尽快还款', '接听人为客户儿子，答应本周帮还', '家属代接，说老人不会用手机', None, None, None]) if a and R.random() < 0.1 else None)
            else:
                self_answer(c, t, reminder, p=0.8)
        reminder_calls(c, answer_fn=fam_answer)
        for d, rate in collection_days(c):
            for _ in range(poisson(rate * 0.7)):
                fam_answer(c, collector_time(d))
        if c['overdue_since'] and R.random() < 0.6:
            inbound_self(c, 1, c['overdue_since'], P1, number=relative)   # relative calls in to pay
        inbound_self(c, R.choice([0, 1]))

# ---- switchboards: real employers whose staff phones (集团V网 short-number lines) fall back to the 总机 on busy/no answer;
#      collectors also dial the 总机 directly to verify employment.
SWITCHBOARDS = [landline('021', 8), landline('0512', 8), landline('027', 8)]
for si, (sb, n_emp) in enumerate(zip(SWITCHBOARDS, [14, 19, 24])):
    for j in range(n_emp):
        os_ = rand_overdue_since(date(2026, 7, 1), date(2026, 10, 5)) if R.random() < 0.45 else None
        c = new_customer('switchboard', None, R.random() < 0.85, overdue_since=os_)
        def sb_answer(c, t, reminder=False, sb=sb):
            if R.random() < 0.5 or not c['forwarded']:
                self_answer(c, t, reminder, p=0.75); return
            r = 'no_answer' if R.random() < 0.7 else 'busy'
            open_ = office_open(t, lunch=False)
            ring = (R.randint(15, 25) if r == 'no_answer' else R.randint(1, 5))
            if open_ and R.random() < 0.9:
                ev(c, t, answered=True, ring=ring + R.randint(2, 8), talk=R.randint(8, 45), by=sb, reason=r,
                   note=R.choice(['总机接听，称本人在车间，会转告', '前台接听，告知本人开会中', None, None, None, None]) if R.random() < 0.1 else None)
            else:
                ev(c, t, answered=False, ring=ring + R.randint(20, 30), reason=r)
        reminder_calls(c, answer_fn=sb_answer)
        for d, rate in collection_days(c):
            for _ in range(poisson(rate * 0.6)):
                sb_answer(c, collector_time(d))
        if c['overdue_since'] and R.random() < 0.5:   # employment verification through the switchboard
            d = c['overdue_since'] + timedelta(R.randint(3, 20))
            if d <= P1:
                t = collector_time(d)
                ev(c, t, dialled=sb, answered=office_open(t, lunch=False), talk=R.randint(20, 90),
                   note='致电单位总机核实在职，前台称本人在职' if office_open(t, lunch=False) else None)
        inbound_self(c, R.choice([0, 1, 1]))

# ---- stopped answering: answer until a day after going overdue, then silence (no diversion)
for i in range(22):
    os_ = rand_overdue_since(date(2026, 6, 15), date(2026, 9, 25))
    c = new_customer('stopped_answering', None, False, overdue_since=os_)
    stop = max(P0, os_ + timedelta(R.randint(0, 12)))
    reminder_calls(c, until=os_, answer_fn=lambda c, t, reminder=False: self_answer(c, t, reminder, p=0.8))
    for d, rate in collection_days(c, start_lag=0):
        for _ in range(poisson(rate * 1.15)):
            t = collector_time(d)
            if d < stop:
                self_answer(c, t, p=0.55)
            else:
                a = R.random() < 0.03
                ev(c, t, answered=a, ring=R.choice([R.randint(40, 60), R.randint(1, 4), 0]) if not a else None, talk=R.randint(5, 30))

# ---- changed number: old number goes dead or forwards to the borrower's own new number
for i in range(12):
    os_ = rand_overdue_since(date(2026, 7, 1), date(2026, 10, 1)) if R.random() < 0.6 else None
    c = new_customer('changed_number', None, i % 2 == 0, overdue_since=os_)
    new = mobile()
    ch = P0 + timedelta(R.randint(8, 70))
    c['new_phone'] = new
    found = ch + timedelta(R.randint(3, 25))
    def cn_answer(c, t, reminder=False, new=new, ch=ch, found=found):
        d = t.date()
        if d < ch:
            self_answer(c, t, reminder, p=0.8); return
        if c['forwarded']:
            a = R.random() < 0.8     # own new phone: any hour, personal
            ev(c, t, answered=a, ring=R.randint(3, 20) if a else None, talk=R.randint(20, 200), by=new if a else '', reason='unconditional')
        else:
            if d >= found and R.random() < 0.7:
                ev(c, t, dialled=new, answered=R.random() < 0.8, talk=R.randint(20, 200))
            else:
                ev(c, t, answered=False, ring=0, talk=0)   # 空号 / 停机
    reminder_calls(c, answer_fn=cn_answer)
    for d, rate in collection_days(c):
        for _ in range(poisson(rate * 0.8)):
            cn_answer(c, collector_time(d))
    if not c['forwarded'] and found <= P1:
        t = collector_time(found)
        ev(c, t, direction='inbound', dialled=new, answered=True, talk=R.randint(60, 300),
           note=R.choice(['客户来电称已换号，新号{n}，请更新'.format(n=fmt_num(new)), '客户更换手机号码，新号码 {n}'.format(n=fmt_num(new))]))
    elif c['forwarded']:
        if R.random() < 0.7:
            d = ch + timedelta(R.randint(1, 15))
            if d <= P1:
                ev(c, collector_time(d), direction='inbound', dialled=new, answered=True, talk=R.randint(60, 200),
                   note='客户说原号码已设置转接到新号{n}'.format(n=fmt_num(new)) if R.random() < 0.6 else None)

# ---- voicemail: unanswered calls divert to the carrier's voicemail/secretary platform (all hours, short)
for i in range(16):
    carrier = R.choice(['cmcc', 'cmcc', 'cucc', 'ctcc'])
    os_ = rand_overdue_since(date(2026, 6, 1), date(2026, 10, 10)) if R.random() < 0.55 else None
    c = new_customer('voicemail', None, True, overdue_since=os_,
                     phone=mobile(R.choice({'cmcc': ['138', '139', '150', '187'], 'cucc': ['130', '131', '186'], 'ctcc': ['133', '180', '189']}[carrier])))
    vm = VOICEMAIL[carrier]
    def vm_answer(c, t, reminder=False, vm=vm):
        if R.random() < 0.5:
            self_answer(c, t, reminder, p=0.85); return
        r = R.choice(['no_answer', 'no_answer', 'busy', 'unreachable'])
        ring = {'no_answer': R.randint(20, 30), 'busy': R.randint(1, 5), 'unreachable': 0}[r]
        leave = R.random() < 0.6
        ev(c, t, answered=leave, ring=ring + 2 if leave else ring, talk=R.randint(8, 35), by=vm if leave else '', reason=r)
    reminder_calls(c, answer_fn=vm_answer)
    for d, rate in collection_days(c):
        for _ in range(poisson(rate * 0.8)):
            vm_answer(c, collector_time(d))
    inbound_self(c, R.choice([0, 1, 2]))

# ---- normal borrowers: most calls answered by themselves, some missed; a part of them is (or was) overdue
N_NORMAL = 600 - len(CUSTOMERS)
for i in range(N_NORMAL):
    r = R.random()
    if r < 0.30: os_ = rand_overdue_since(date(2026, 6, 1), date(2026, 10, 20))
    else: os_ = None
    c = new_customer('normal', None, False, overdue_since=os_)
    pa = R.uniform(0.55, 0.95)
    reminder_calls(c, answer_fn=lambda c, t, reminder=False, pa=pa: self_answer(c, t, reminder, p=pa))
    # some repaid during the period: short episode of collection
    if os_ is None and R.random() < 0.25:
        ep = P0 + timedelta(R.randint(0, 75)); ln = R.randint(2, 15)
        for k in range(ln):
            d = ep + timedelta(k)
            if d > P1: break
            for _ in range(poisson(1.3)):
                self_answer(c, collector_time(d), p=pa)
    for d, rate in collection_days(c):
        for _ in range(poisson(rate * 1.0)):
            t = collector_time(d)
            a = R.random() < pa * (0.9 if 9 <= t.hour < 18 else 1.0)
            ev(c, t, answered=a, talk=R.randint(20, 320),
               note=R.choice(['客户承诺本周五前还款', '客户称工资延迟发放，下旬还', '客户申请延期，已告知回拨 95079 办理', '客户已还部分',
                              '客户称在外地出差，月底处理', '已告知客户可拨打 4008207788 咨询']) if a and R.random() < 0.05 else None)
    if R.random() < 0.35:
        inbound_self(c, R.choice([1, 1, 2, 3]))

# ---- lender's own numbers in the log: internal consult legs (collector→team lead) and IVR re-entry legs
allc = list(CUSTOMERS)
for _ in range(160):
    c = R.choice(allc)
    d = R.choice(DAYS)
    if not is_workday(d): continue
    t = collector_time(d)
    ev(c, t, dialled=R.choice(LENDER_COLLECTOR), answered=True, ring=R.randint(1, 6), talk=R.randint(15, 180))
for _ in range(90):
    c = R.choice(allc)
    t = any_time(R.choice(DAYS), 8.0, 21.0)
    ev(c, t, direction='inbound', dialled=R.choice(LENDER_OFFICIAL), answered=True, ring=R.randint(0, 3), talk=R.randint(10, 120))

# ================================================================ write
# customer ids: shuffled so that groups are not contiguous
R.shuffle(CUSTOMERS)
for i, c in enumerate(CUSTOMERS):
    c['id'] = 'K%05d' % (10001 + i * 7 + R.randint(0, 6))

def next_due(c):
    d = date(2026, 11, c['due_dom'])
    return d

with open(os.path.join(OUT, 'customers.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days', 'overdue_since'])
    for c in sorted(CUSTOMERS, key=lambda c: c['id']):
        os_ = c['overdue_since']
        w.writerow([c['id'], c['name'], c['phone'], c['principal'], next_due(c).isoformat(),
                    (P1 - os_).days + 1 if os_ else 0, os_.isoformat() if os_ else ''])

EVENTS = [e for e in EVENTS if P0 <= e['t'].date() <= P1]
EVENTS.sort(key=lambda e: (e['t'], e['c']['id']))
notes = []
with open(os.path.join(OUT, 'calls.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['call_id', 'started_at', 'direction', 'customer_id', 'dialled', 'answered', 'ring_seconds', 'talk_seconds',
                'answered_by', 'diversion_reason', 'recording'])
    for i, e in enumerate(EVENTS):
        cid = 'CL%07d' % (2000001 + i)
        w.writerow([cid, e['t'].isoformat(), e['direction'], e['c']['id'], e['dialled'], 'true' if e['answered'] else 'false',
                    e['ring'], e['talk'], e['by'], e['reason'], ''])
        if e['note']:
            notes.append({'call_id': cid, 'text': e['note']})
with open(os.path.join(OUT, 'notes.jsonl'), 'w', encoding='utf-8') as f:
    for n in notes:
        f.write(json.dumps(n, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'lender_numbers.txt'), 'w') as f:
    f.write('\n'.join(LENDER) + '\n')
truth = {'customers': {c['id']: {'group': c['group'], 'forwarded': bool(c['forwarded']), 'agency': c['agency']}
                       for c in sorted(CUSTOMERS, key=lambda c: c['id'])},
         'agency_numbers': AGENCY_NUMBERS}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
# build-side extras (not part of the evaluated files)
with open(os.path.join(OUT, '_build', 'design_extras.json'), 'w', encoding='utf-8') as f:
    json.dump({'switchboards': SWITCHBOARDS, 'voicemail_platforms': VOICEMAIL, 'family_answerers': FAMILY_ANSWERERS,
               'changed_number_new_phones': {c['id']: c['new_phone'] for c in CUSTOMERS if 'new_phone' in c},
               'forwarding_start': {c['id']: c['fw_start'].isoformat() for c in CUSTOMERS if 'fw_start' in c}},
              f, ensure_ascii=False, indent=1)
print('customers', len(CUSTOMERS), 'calls', len(EVENTS), 'notes', len(notes))
