#!/usr/bin/env python3
"""Generator for calls_c4 (fixed seed). Python 3 stdlib only.
Run: python3 _build/gen.py  (from the calls_c4 folder or anywhere)."""
import csv, json, os, random, datetime as dt

SEED = 20261201
R = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.date(2026, 2, 1)
END = dt.date(2026, 4, 30)
ASOF = END

# ---------------------------------------------------------------- numbers
used = set()
MOB_PFX = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152',
           '155', '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182',
           '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199']


def uniq(f):
    while True:
        n = f()
        if n not in used:
            used.add(n)
            return n


def mobile(pfx=None):
    return uniq(lambda: (pfx or R.choice(MOB_PFX)) + ''.join(R.choice('0123456789') for _ in range(8)))


def landline(area):
    return uniq(lambda: area + R.choice('2345678') + ''.join(R.choice('0123456789') for _ in range(7)))


# lender's own numbers
LENDER_COLLECTOR = [landline('021') for _ in range(14)]
LENDER_95 = '95377'
LENDER_400 = '4008206677'
used.update([LENDER_95, LENDER_400])
LENDER_ALL = LENDER_COLLECTOR + [LENDER_95, LENDER_400]

# ---------------------------------------------------------------- names
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁龙林欣怡佳雪婷倩琳颖慧晶晨阳波鑫志国庆海峰亮成东春梅燕云莉丹')


def name(sur=None):
    s = sur or R.choice(SUR)
    g = R.choice(GIV) + (R.choice(GIV) if R.random() < 0.65 else '')
    return s + g


# ---------------------------------------------------------------- helpers
def days(a, b):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def mkdt(d, h, m, s=0):
    return dt.datetime(d.year, d.month, d.day, h, m, s, tzinfo=TZ)


def rand_time(d, lo=8.0, hi=20.9):
    # collector calling hours 08:00-21:00, mass around 10-12 and 14-17
    while True:
        x = R.uniform(lo, hi)
        w = 1.0
        if 12.0 <= x < 13.5:
            w = 0.45
        if x >= 18.5:
            w = 0.55
        if R.random() < w:
            break
    h = int(x)
    mi = int((x - h) * 60)
    return mkdt(d, h, mi, R.randint(0, 59))


def due_dates(day):
    out = []
    for (y, m) in [(2026, 1), (2026, 2), (2026, 3), (2026, 4), (2026, 5)]:
        out.append(dt.date(y, m, day))
    return out


def hm(t):
    return t.hour + t.minute / 60.0


# answering schedules of diversion targets
def sched_p(kind, t):
    wd = t.weekday()
    x = hm(t)
    if kind == 'ag_office_lunch':  # Mon-Fri 9-12, 13:30-18
        return 0.9 if wd < 5 and (9 <= x < 12 or 13.5 <= x < 18) else 0.0
    if kind == 'ag_24':
        return 0.85
    if kind == 'ag_mon_sat':  # Mon-Sat 9-17:30
        return 0.88 if wd < 6 and 9 <= x < 17.5 else 0.0
    if kind == 'ag_daily_10_19':
        return 0.9 if 10 <= x < 19 else 0.0
    if kind == 'ag_office':  # Mon-Fri 8:30-17:30
        return 0.85 if wd < 5 and 8.5 <= x < 17.5 else 0.0
    if kind == 'switchboard':
        if wd < 5 and 8.5 <= x < 17.5:
            return 0.35 if 12 <= x < 13.5 else 0.93
        return 0.0
    if kind == 'secretary':
        return 0.9 if wd < 5 and 9 <= x < 18.5 else (0.15 if wd < 5 else 0.05)
    if kind == 'family':
        return 0.75 if x < 20 else 0.5
    if kind == 'platform':
        return 1.0
    if kind == 'self2':
        return 0.7
    return 0.5


# ---------------------------------------------------------------- customers
customers = []  # dicts
truth_c = {}
agency_numbers = {}
notes = []  # (customer_id, datetime, text)


def new_customer(group, agency=None):
    cid = 'K%05d' % (10000 + len(customers) * 7 + R.randint(0, 6))
    c = dict(id=cid, name=name(), phone=mobile(), principal=R.choice(range(3000, 60001, 500)),
             due_day=R.randint(1, 28), group=group, agency=agency, fwd=[], forwarded=False,
             overdue=None, cure=None, p_ans=R.uniform(0.55, 0.85), changed=None,
             callback=None, callback_dial_p=0.0, stop_after=None, reject_p=0.0,
             off_p=0.0, inbound=[], sched_self=None)
    customers.append(c)
    return c


def first_due_after(c, d):
    for x in due_dates(c['due_day']):
        if x >= d:
            return x
    return due_dates(c['due_day'])[-1]


def set_overdue(c, lo, hi, cure_p=0.0, cure_len=(3, 25)):
    # overdue starts the day after a due date between lo and hi
    cands = [x for x in due_dates(c['due_day']) if lo <= x <= hi]
    dd = R.choice(cands) if cands else first_due_after(c, lo)
    c['overdue'] = dd + dt.timedelta(days=1)
    if R.random() < cure_p:
        c['cure'] = c['overdue'] + dt.timedelta(days=R.randint(*cure_len))
        if c['cure'] > END:
            c['cure'] = None


def add_fwd(c, start, end, target, mode, kind):
    c['fwd'].append(dict(start=start, end=end, target=target, mode=mode, kind=kind))


def fmt_num(n, style):
    """vary how a number is written in a free-text note"""
    CN = dict(zip('0123456789', '零一二三四五六七八九'))
    if len(n) == 11 and n[0] == '1':
        a, b, c_ = n[:3], n[3:7], n[7:]
        if style == 0: return n
        if style == 1: return '%s %s %s' % (a, b, c_)
        if style == 2: return '%s-%s-%s' % (a, b, c_)
        if style == 3: return '+86 ' + n
        if style == 4: return ''.join(CN[x] for x in n)
        if style == 5: return a + ''.join(CN[x] for x in b) + c_
        if style == 6: return '(+86)%s%s%s' % (a, b, c_)
        return n[:3] + '·' + n[3:7] + '·' + n[7:]
    # landline: area code 3 digits
    area, rest = n[:3], n[3:]
    if style in (0, 4): return n
    if style == 1: return '%s-%s' % (area, rest)
    if style == 2: return '(%s)%s' % (area, rest)
    if style == 3: return '+86 %s %s' % (area[1:], rest)
    if style == 5: return area + ' ' + rest[:4] + ' ' + rest[4:]
    if style == 6: return ''.join(CN[x] for x in n)
    return '%s-%s %s' % (area, rest[:4], rest[4:])


def note(c, when, text):
    notes.append((c['id'], when, text))


# ---------------------------------------------------------------- AG1: rotating pool, unconditional, after overdue, office hours w/ lunch break
AG = {}
ag1_epochs = [(dt.date(2026, 2, 1), dt.date(2026, 2, 27)), (dt.date(2026, 2, 28), dt.date(2026, 3, 29)),
              (dt.date(2026, 3, 30), END)]
ag1_pool = [[mobile(R.choice(['170', '171', '165', '167'])) for _ in range(3)] for _ in ag1_epochs]
ag1_cb = mobile('199')
agency_numbers['AG1'] = sorted(set(sum(ag1_pool, []) + [ag1_cb]))
for i in range(36):
    c = new_customer('AG1', 'AG1')
    set_overdue(c, dt.date(2026, 1, 10), dt.date(2026, 3, 20))
    c['p_ans'] = R.uniform(0.15, 0.35)
    fstart = c['overdue'] + dt.timedelta(days=R.randint(2, 12))
    if fstart > END - dt.timedelta(days=10):
        fstart = END - dt.timedelta(days=10)
    slot = i % 3
    for ei, (a, b) in enumerate(ag1_epochs):
        if b < fstart:
            continue
        s = max(a, fstart)
        # re-pointing happens a few days after rotation
        if ei > 0 and s == a:
            s = a + dt.timedelta(days=R.randint(0, 3))
            prev = c['fwd'][-1] if c['fwd'] else None
            if prev:
                prev['end'] = s - dt.timedelta(days=1)
        add_fwd(c, s, b, ag1_pool[ei][(slot + i // 12) % 3], 'unconditional', 'ag_office_lunch')
    c['forwarded'] = True
    c['agtalk'] = ['自称代理律师', '称已委托第三方协商', '说客户已经报警', '要求出示催收资质', '威胁打12378投诉']

# ---------------------------------------------------------------- AG2: pre-overdue no_answer forwarding, answers round the clock
ag2_n1 = mobile('184')
ag2_n2 = mobile('147')
agency_numbers['AG2'] = [ag2_n1, ag2_n2]
for i in range(18):
    c = new_customer('AG2', 'AG2')
    set_overdue(c, dt.date(2026, 2, 5), dt.date(2026, 4, 10))
    c['p_ans'] = R.uniform(0.02, 0.08)
    due = c['overdue'] - dt.timedelta(days=1)
    fstart = max(START, due - dt.timedelta(days=R.randint(3, 20)))
    sw = dt.date(2026, 3, 16) + dt.timedelta(days=R.randint(0, 6))
    if fstart < sw:
        add_fwd(c, fstart, sw - dt.timedelta(days=1), ag2_n1, 'no_answer', 'ag_24')
        add_fwd(c, sw, END, ag2_n2, 'no_answer', 'ag_24')
    else:
        add_fwd(c, fstart, END, ag2_n2, 'no_answer', 'ag_24')
    c['forwarded'] = True
    c['agtalk'] = ['自称是客户表哥', '说客户出车祸住院了', '称客户在外地打工没带手机', '说会转告但不保证', '自称客户老婆，说在离婚']

# ---------------------------------------------------------------- AG3: busy forwarding to landline pool + agency phones the lender
ag3_pool = [landline('020') for _ in range(3)]
ag3_in = [ag3_pool[0], landline('020')]
agency_numbers['AG3'] = sorted(set(ag3_pool + ag3_in))
for i in range(24):
    c = new_customer('AG3', 'AG3')
    set_overdue(c, dt.date(2026, 1, 15), dt.date(2026, 3, 31))
    c['p_ans'] = R.uniform(0.3, 0.5)
    c['reject_p'] = R.uniform(0.75, 0.95)
    if i < 16:
        fstart = c['overdue'] + dt.timedelta(days=R.randint(5, 20))
        if fstart < END - dt.timedelta(days=7):
            add_fwd(c, fstart, END, R.choice(ag3_pool), 'busy', 'ag_mon_sat')
            c['forwarded'] = True
    # agency calls in about this client
    k = R.randint(1, 4)
    for _ in range(k):
        d = c['overdue'] + dt.timedelta(days=R.randint(4, 45))
        while d.weekday() == 6:
            d += dt.timedelta(days=1)
        if d > END:
            continue
        c['inbound'].append((mkdt(d, R.randint(9, 16), R.randint(0, 59), R.randint(0, 59)),
                             R.choice(ag3_in), 'ag3'))
    c['agtalk'] = ['自称某律所律师', '称已向银保监投诉', '要求停息挂账', '说要起诉暴力催收', '要求减免违约金']

# ---------------------------------------------------------------- AG4: callback-number agency (few forwards)
ag4_cb = [landline('057'), mobile('170')]
agency_numbers['AG4'] = ag4_cb[:]
for i in range(12):
    c = new_customer('AG4', 'AG4')
    set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 3, 25))
    c['p_ans'] = R.uniform(0.45, 0.65)
    c['callback'] = ag4_cb[i % 2] if i < 10 else ag4_cb[0]
    c['callback_from'] = c['overdue'] + dt.timedelta(days=R.randint(3, 15))
    c['callback_dial_p'] = R.uniform(0.25, 0.45)
    if i % 3 == 0:
        s = c['callback_from'] + dt.timedelta(days=R.randint(5, 15))
        if s < END:
            add_fwd(c, s, END, c['callback'], 'no_answer', 'ag_office')
            c['forwarded'] = True
    c['agtalk'] = ['称是客户的债务规划师', '说客户已全权委托', '要求只跟他们谈', '说客户心理有问题不能接电话']

# ---------------------------------------------------------------- AG5: small, unreachable forwarding to virtual number, daily 10-19
ag5_n = mobile('171')
agency_numbers['AG5'] = [ag5_n]
for i in range(7):
    c = new_customer('AG5', 'AG5')
    set_overdue(c, dt.date(2026, 2, 10), dt.date(2026, 4, 5))
    c['p_ans'] = 0.3
    c['off_p'] = 0.92
    due = c['overdue'] - dt.timedelta(days=1)
    fstart = due + dt.timedelta(days=R.choice([-6, -2, 1, 3, 8, 12, 15]))
    fstart = max(fstart, START)
    add_fwd(c, fstart, END, ag5_n, 'unreachable', 'ag_daily_10_19')
    c['off_from'] = fstart
    c['forwarded'] = True
    c['agtalk'] = ['自称客户弟弟', '说客户手机丢了', '说客户在坐牢', '称客户已去世，要求销账']

# ---------------------------------------------------------------- families
families = []
for f in range(7):
    sur = R.choice(SUR)
    rel_is_customer = f in (1, 4)
    size = [2, 3, 2, 3, 2, 2, 3][f]
    rel_phone = None
    members = []
    if rel_is_customer:
        rc = new_customer('family')
        rc['name'] = name(sur)
        rel_phone = rc['phone']
        rc['p_ans'] = 0.8
        members.append(rc)
    else:
        rel_phone = mobile()
    for j in range(size):
        c = new_customer('family')
        c['name'] = name(sur)
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 5), cure_p=0.35, cure_len=(8, 30))
        c['p_ans'] = R.uniform(0.1, 0.4)
        c['reject_p'] = R.uniform(0.5, 0.8)
        mode = R.choice(['no_answer', 'unconditional', 'busy'])
        s = (c['overdue'] - dt.timedelta(days=R.randint(-5, 30))) if c['overdue'] else START + dt.timedelta(days=R.randint(0, 40))
        s = max(START, min(s, END - dt.timedelta(days=5)))
        add_fwd(c, s, END, rel_phone, mode, 'family')
        c['forwarded'] = True
        c['rel_role'] = R.choice(['母亲', '父亲', '哥哥', '姐姐', '妻子', '丈夫', '女儿'])
        if R.random() < 0.5:
            d = s + dt.timedelta(days=R.randint(1, 20))
            if d <= END:
                c['inbound'].append((rand_time(d, 9, 20), rel_phone, 'family'))
        members.append(c)
    families.append((rel_phone, members))

# ---------------------------------------------------------------- switchboards
switchboards = []
for k, (area, n) in enumerate([('0755', 12), ('028', 9), ('0512', 15)]):
    sb = landline(area)
    switchboards.append(sb)
    comp_mode = ['no_answer', 'busy', 'no_answer'][k]
    for j in range(n):
        c = new_customer('switchboard')
        if R.random() < 0.6:
            set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 20), cure_p=0.55)
        c['p_ans'] = R.uniform(0.25, 0.5)
        c['reject_p'] = 0.7 if comp_mode == 'busy' else 0.0
        add_fwd(c, START, END, sb, comp_mode, 'switchboard')
        c['forwarded'] = True
        c['company'] = ['深圳市华晟电子有限公司', '成都蓉信物流有限公司', '苏州工业园区恒泰精密制造有限公司'][k]

# ---------------------------------------------------------------- stopped answering
for i in range(15):
    c = new_customer('stopped_answering')
    set_overdue(c, dt.date(2026, 1, 15), dt.date(2026, 4, 1))
    c['p_ans'] = R.uniform(0.6, 0.8)
    c['stop_after'] = c['overdue'] + dt.timedelta(days=R.randint(0, 10))

# ---------------------------------------------------------------- changed numbers
for i in range(8):
    c = new_customer('changed_number')
    if R.random() < 0.6:
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 1), cure_p=0.3)
    ch = START + dt.timedelta(days=R.randint(10, 70))
    c['changed'] = (ch, mobile(), ch + dt.timedelta(days=R.randint(1, 12)))  # (stop date, new number, reported date)

# ---------------------------------------------------------------- voicemail / call-answering platforms
PLATFORMS = {
    'P_voicemail_A': [mobile('138')],
    'P_secretary_B': [landline('025'), landline('025'), landline('025')],
    'P_ai_C': [mobile('106')[:11]],
    'P_voicemail_D': [mobile('189'), mobile('189')],
}
plist = list(PLATFORMS.items())
for i in range(38):
    c = new_customer('voicemail')
    c['p_ans'] = R.uniform(0.25, 0.55)
    if R.random() < 0.75:
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 15), cure_p=0.5)
    pname, pnums = plist[[0, 0, 1, 1, 1, 2, 2, 3][i % 8]]
    mode = R.choice(['no_answer', 'no_answer', 'busy', 'unreachable'])
    c['off_p'] = 0.35 if mode == 'unreachable' else 0.0
    c['reject_p'] = 0.4 if mode == 'busy' else 0.0
    s = START + dt.timedelta(days=R.choice([0, 0, 0, R.randint(1, 60)]))
    add_fwd(c, s, END, R.choice(pnums), mode, 'platform')
    c['platform'] = pname

# ---------------------------------------------------------------- secretaries
for i in range(3):
    c = new_customer('secretary')
    c['principal'] = R.choice(range(80000, 200001, 5000))
    if i < 2:
        set_overdue(c, dt.date(2026, 2, 1), dt.date(2026, 4, 10), cure_p=0.5)
    sec = mobile()
    c['p_ans'] = 0.4
    c['reject_p'] = 0.7
    add_fwd(c, START, END, sec, R.choice(['busy', 'no_answer']), 'secretary')
    c['forwarded'] = True
    c['biz'] = ['五金批发', '装修公司', '餐饮连锁'][i]

# ---------------------------------------------------------------- own second phone
for i in range(5):
    c = new_customer('own_second_phone')
    if i < 3:
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 10), cure_p=0.6)
    p2 = mobile()
    s = START + dt.timedelta(days=R.randint(0, 50))
    add_fwd(c, s, END, p2, 'unconditional', 'self2')
    c['second'] = p2

# ---------------------------------------------------------------- ordinary borrowers
while len(customers) < 600:
    c = new_customer('normal')
    r = R.random()
    if r < 0.34:
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 25), cure_p=1.0, cure_len=(1, 20))
    elif r < 0.52:
        set_overdue(c, dt.date(2026, 1, 20), dt.date(2026, 4, 20), cure_p=0.35, cure_len=(10, 50))

R.shuffle(customers)
for c, n in zip(customers, sorted(R.sample(range(10000, 99999), len(customers)))):
    c['id'] = 'K%05d' % n
R.shuffle(customers)

# ---------------------------------------------------------------- call simulation
calls = []


def overdue_on(c, d):
    return c['overdue'] is not None and c['overdue'] <= d and (c['cure'] is None or d < c['cure'])


def active_fwd(c, d):
    for f in c['fwd']:
        if f['start'] <= d <= f['end']:
            return f
    return None


def borrower_pick(c, t, od_days):
    d = t.date()
    if c['stop_after'] and d >= c['stop_after']:
        return False
    p = c['p_ans'] * (0.85 if od_days > 0 else 1.0) * (0.8 if od_days > 30 else 1.0)
    if hm(t) >= 20 or hm(t) < 8.5:
        p *= 0.8
    return R.random() < p


def agency_talk(): return R.randint(35, 420)


def sim_outbound(c, t, dialled, od_days, kind='collect'):
    d = t.date()
    row = dict(started_at=t, direction='outbound', customer_id=c['id'], dialled=dialled, answered=False,
               ring_seconds=0, talk_seconds=0, answered_by='', diversion_reason='')
    # dialling the changed customer's dead old number
    if c['changed'] and dialled == c['phone'] and d >= c['changed'][0]:
        row['ring_seconds'] = R.randint(0, 3)
        return row
    # dialling an agency callback number directly
    if c['callback'] and dialled == c['callback']:
        p = sched_p('ag_office', t)
        if R.random() < p:
            row.update(answered=True, ring_seconds=R.randint(3, 15), talk_seconds=agency_talk())
        else:
            row['ring_seconds'] = R.randint(30, 55)
        return row
    f = active_fwd(c, d) if dialled == c['phone'] else None
    divert = None
    pre_ring = 0
    if f:
        m = f['mode']
        if m == 'unconditional':
            divert = True
        elif m == 'busy':
            if R.random() < c['reject_p'] * (1.0 if od_days > 0 else 0.6):
                divert = True
                pre_ring = R.randint(2, 12)
        elif m == 'no_answer':
            if not borrower_pick(c, t, od_days):
                divert = True
                pre_ring = R.randint(15, 30)
            else:
                divert = False
        elif m == 'unreachable':
            offp = c['off_p']
            if c.get('off_from') and d < c['off_from']:
                offp = 0.0
            if R.random() < offp:
                divert = True
                pre_ring = 0
    if divert:
        row['answered_by'] = f['target']
        row['diversion_reason'] = f['mode']
        p = sched_p(f['kind'], t)
        if f['kind'] == 'self2':
            p = c['p_ans']
        if R.random() < p:
            row['answered'] = True
            row['ring_seconds'] = pre_ring + R.randint(1, 14)
            k = f['kind']
            if k.startswith('ag_'):
                row['talk_seconds'] = agency_talk()
            elif k == 'platform':
                row['ring_seconds'] = pre_ring + R.randint(0, 3)
                row['talk_seconds'] = R.randint(6, 48)
            elif k == 'switchboard':
                row['talk_seconds'] = R.randint(15, 110)
            elif k == 'secretary':
                row['talk_seconds'] = R.randint(20, 150)
            else:
                row['talk_seconds'] = R.randint(20, 260)
        else:
            row['ring_seconds'] = pre_ring + R.randint(20, 45)
        return row
    # no diversion
    if c['off_p'] and not f and c['group'] not in ('AG5',) and R.random() < 0.05:
        row['ring_seconds'] = R.randint(0, 2)
        return row
    if R.random() < 0.97 and borrower_pick(c, t, od_days):
        row['answered'] = True
        row['ring_seconds'] = R.randint(2, 22)
        row['talk_seconds'] = R.randint(12, 90) if kind == 'remind' else R.randint(18, 300)
    else:
        row['ring_seconds'] = R.randint(25, 60)
    return row


for c in customers:
    dues = due_dates(c['due_day'])
    # reminder calls before each due date in window
    for dd in dues:
        if c['overdue'] and dd >= c['overdue'] and (c['cure'] is None or dd < c['cure']):
            continue
        if R.random() < 0.55:
            for _ in range(R.choice([1, 1, 2])):
                d = dd - dt.timedelta(days=R.randint(0, 3))
                if START <= d <= END:
                    calls.append(sim_outbound(c, rand_time(d, 9, 18), c['phone'], 0, 'remind'))
    if not c['overdue']:
        continue
    # collection calls
    for d in days(max(START, c['overdue']), END):
        if not overdue_on(c, d):
            continue
        od = (d - c['overdue']).days + 1
        lam = 2.0 if od <= 7 else (1.5 if od <= 30 else 1.1)
        if c['group'] in ('AG1', 'AG2', 'AG3', 'AG4', 'AG5'):
            lam *= 1.25  # non-cooperation escalates
        if d.weekday() >= 5:
            lam *= 0.55
        n = 0
        L = 2.718281828 ** (-lam)
        p = R.random()
        while p > L:
            n += 1
            p *= R.random()
        for _ in range(n):
            t = rand_time(d)
            dial = c['phone']
            if c['changed'] and d >= c['changed'][2] and R.random() < 0.85:
                dial = c['changed'][1]
            if c['callback'] and d >= c['callback_from'] and R.random() < c['callback_dial_p']:
                dial = c['callback']
            row = sim_outbound(c, t, dial, od)
            if dial != c['phone'] and c['changed'] and dial == c['changed'][1]:
                # the new number behaves like an ordinary phone
                row.update(answered_by='', diversion_reason='')
            calls.append(row)

# inbound calls
for c in customers:
    # borrower calling in from own line
    k = R.choice([0, 0, 0, 1, 1, 2]) if c['overdue'] else R.choice([0, 0, 0, 0, 1])
    if c['group'] in ('stopped_answering',):
        k = 0
    for _ in range(k):
        d = START + dt.timedelta(days=R.randint(0, 88))
        src = c['phone']
        if c['changed'] and d >= c['changed'][0]:
            src = c['changed'][1]
        if c.get('second') and R.random() < 0.5:
            src = c['second']
        c['inbound'].append((rand_time(d, 8.5, 21), src, 'self'))
    if c['changed']:
        c['inbound'].append((rand_time(c['changed'][2], 9, 20), c['changed'][1], 'report_new'))
    # transfers from the lender's own hotline / internal collector lines
    if R.random() < 0.22:
        for _ in range(R.randint(1, 2)):
            d = START + dt.timedelta(days=R.randint(0, 88))
            c['inbound'].append((rand_time(d, 9, 20), R.choice([LENDER_95, LENDER_95, LENDER_400]), 'ivr'))
    if c['overdue'] and R.random() < 0.08:
        d = max(START, c['overdue']) + dt.timedelta(days=R.randint(0, 10))
        if d <= END:
            c['inbound'].append((rand_time(d, 9, 19), R.choice(LENDER_COLLECTOR), 'internal'))
    # switchboard HR calling in to verify employment (rare)
    if c['group'] == 'switchboard' and R.random() < 0.2:
        d = START + dt.timedelta(days=R.randint(0, 88))
        while d.weekday() >= 5:
            d += dt.timedelta(days=1)
        if d <= END:
            c['inbound'].append((mkdt(d, R.randint(9, 16), R.randint(0, 59)), c['fwd'][0]['target'], 'sb'))
    for (t, src, why) in c['inbound']:
        if t.date() > END:
            continue
        calls.append(dict(started_at=t, direction='inbound', customer_id=c['id'], dialled=src,
                          answered=R.random() < 0.93, ring_seconds=R.randint(0, 25),
                          talk_seconds=0, answered_by='', diversion_reason='', _why=why))
        if calls[-1]['answered']:
            calls[-1]['talk_seconds'] = R.randint(60, 600) if why == 'ag3' else R.randint(20, 400)

calls.sort(key=lambda r: (r['started_at'], r['customer_id']))
for i, r in enumerate(calls):
    r['call_id'] = 'C4-%06d' % (i + 1)

# ---------------------------------------------------------------- collector notes
byc = {}
for r in calls:
    byc.setdefault(r['customer_id'], []).append(r)

GENERIC_ANS = ['客户本人接听，承诺{d}号前还款', '本人接听，称工资晚发，希望宽限几天', '客户表示已知晓逾期，会尽快处理',
               '客户接听后态度一般，说月底还', '提醒还款，客户称已设置自动扣款', '本人接听，询问能否分期',
               '客户说正在筹钱，先还一部分', '客户称在上班不方便，晚点回电']
GENERIC_NO = ['多次拨打无人接听', '电话未接通', '响铃无人接，已发短信提醒', '无人接听，明日再拨']


PFX = ['电话被转接，', '呼叫转移，', '', '', '转到另一个号码，', '拨通后被转走，']


def later(t, mins=(1, 40)):
    return t + dt.timedelta(minutes=R.randint(*mins))


for c in customers:
    rs = byc.get(c['id'], [])
    g = c['group']
    outs = [r for r in rs if r['direction'] == 'outbound']
    for r in rs:
        t = r['started_at']
        if r['direction'] == 'inbound':
            why = r.get('_why')
            if why == 'ag3' and r['answered'] and R.random() < 0.8:
                st = R.randrange(8)
                cb = r['dialled']
                txt = R.choice([
                    '有人来电自称客户{n}的委托律师，要求停止一切催收，回拨电话{x}',
                    '第三方来电代{n}协商，态度强硬，称已向监管投诉，留电话：{x}',
                    '来电人不肯透露姓名，说是{n}的法律顾问，以后打{x}找他',
                    '接到电话，对方称受{n}委托处理债务，要求减免，联系方式 {x}'])
                note(c, later(t), txt.format(n=c['name'], x=fmt_num(cb, st)))
            elif why == 'report_new':
                note(c, later(t), R.choice(['客户来电称原号码已停用，新号码{x}', '客户换号了，新手机：{x}，已核实本人',
                                            '本人来电更新联系方式，新号 {x}']).format(x=fmt_num(c['changed'][1], R.randrange(8))))
            elif why == 'family' and r['answered']:
                note(c, later(t), '客户{r}来电询问欠款金额，称会督促还款'.format(r=c.get('rel_role', '家属')))
            elif why == 'ivr' and R.random() < 0.3:
                note(c, later(t), R.choice(['客服热线{x}转入，客户咨询提前结清', '官方客服{x}转接，客户要求开具结清证明',
                                            '由{x}转来，客户咨询还款账户']).format(x=fmt_num(r['dialled'], 0)))
            continue
        if R.random() > 0.22:
            continue
        ab = r['answered_by']
        if g in ('AG1', 'AG2', 'AG3', 'AG4', 'AG5'):
            if ab and r['answered']:
                txt = R.choice(PFX) + '接听人{a}'.format(a=R.choice(c['agtalk']))
                if R.random() < 0.3:
                    txt += R.choice(['，让以后直接打{x}', '，说有事打这个号{x}', '，留了回拨号码{x}', '，要求联系{x}'
                                     ]).format(x=fmt_num(ag1_cb if (g == 'AG1' and R.random() < 0.5) else ab,
                                                         R.randrange(8)))
                note(c, later(t), txt)
            elif g == 'AG1' and R.random() < 0.5 and r['answered']:
                note(c, later(t), '本人接听后说已委托处理，让联系{x}'.format(x=fmt_num(ag1_cb, R.randrange(8))))
            elif g == 'AG4' and r['answered'] and r['dialled'] == c['phone'] and t.date() >= c['callback_from']:
                note(c, later(t), R.choice(['客户说已委托代理，不再直接沟通，请打{x}', '本人称所有事情找他的代理人，电话{x}',
                                            '客户给了一个号码 {x}，说是帮他处理的人', '客户拒绝协商，说打{x}'
                                            ]).format(x=fmt_num(c['callback'], R.randrange(8))))
            elif g == 'AG4' and r['answered'] and r['dialled'] == c['callback']:
                note(c, later(t), '拨打代理号码，对方{a}'.format(a=R.choice(c['agtalk'])))
            elif not r['answered']:
                note(c, later(t), R.choice(GENERIC_NO))
            else:
                note(c, later(t), R.choice(['本人接听，态度恶劣，说没钱', '客户说已经投诉了，挂断', '客户称协商中，拒绝还款']))
        elif g == 'family':
            if ab and r['answered']:
                txt = R.choice(PFX) + '{r}接听，称{n}不在身边，会转告'.format(r=c.get('rel_role', '家属'), n=c['name'])
                if R.random() < 0.3:
                    txt += '，{r}电话{x}'.format(r=c.get('rel_role', '家属'), x=fmt_num(ab, R.randrange(8)))
                note(c, later(t), txt)
            else:
                note(c, later(t), R.choice(GENERIC_NO if not r['answered'] else GENERIC_ANS).format(d=R.randint(1, 28)))
        elif g == 'switchboard':
            if ab and r['answered']:
                txt = R.choice(PFX[:2]) * (R.random() < 0.4) + R.choice(['转到公司总机，前台说{n}在车间，下班后回电', '{co}总机接听，称本人出差', '前台接听，说会转告{n}'])
                txt = txt.format(n=c['name'], co=c['company'])
                if R.random() < 0.25:
                    txt += '，总机号{x}'.format(x=fmt_num(ab, R.randrange(8)))
                note(c, later(t), txt)
            elif ab:
                note(c, later(t), '转接公司总机，无人接听（非工作时间）')
            else:
                note(c, later(t), R.choice(GENERIC_NO if not r['answered'] else GENERIC_ANS).format(d=R.randint(1, 28)))
        elif g == 'voicemail':
            if ab and r['answered']:
                note(c, later(t), R.choice(['进入语音信箱，已留言', '转到来电秘书，已留言请回电', '智能助理代接，已说明来意',
                                            '语音留言，提醒尽快还款']))
            else:
                note(c, later(t), R.choice(GENERIC_NO if not r['answered'] else GENERIC_ANS).format(d=R.randint(1, 28)))
        elif g == 'secretary':
            if ab and r['answered']:
                txt = R.choice(PFX) + '秘书接听，说{n}总在开会，会转达'.format(n=c['name'][0])
                if R.random() < 0.3:
                    txt += '，秘书电话{x}'.format(x=fmt_num(ab, R.randrange(8)))
                note(c, later(t), txt)
            else:
                note(c, later(t), R.choice(GENERIC_NO if not r['answered'] else GENERIC_ANS).format(d=R.randint(1, 28)))
        elif g == 'own_second_phone':
            if ab and r['answered']:
                note(c, later(t), R.choice(['本人用另一部手机接听', '转接到本人备用机{x}，本人接听，承诺还款'
                                            ]).format(x=fmt_num(ab, R.randrange(8))))
            else:
                note(c, later(t), R.choice(GENERIC_NO))
        else:
            if r['answered']:
                tx = R.choice(GENERIC_ANS).format(d=R.randint(1, 28))
                if R.random() < 0.05:
                    tx += '，已告知官方客服{x}'.format(x=R.choice([LENDER_95, '400-820-6677', LENDER_400]))
                note(c, later(t), tx)
            else:
                note(c, later(t), R.choice(GENERIC_NO))
    if g == 'stopped_answering' and c['stop_after']:
        note(c, dt.datetime.combine(min(END, c['stop_after'] + dt.timedelta(days=12)), dt.time(17, 40), TZ),
             '逾期后客户一直不接电话，短信也不回')
    if g == 'changed_number' and c['changed'] and c['changed'][0] <= END:
        note(c, dt.datetime.combine(min(END, c['changed'][0] + dt.timedelta(days=1)), dt.time(11, 5), TZ), '原号码拨打提示无法接通')

notes = [n for n in notes if n[1].date() <= END + dt.timedelta(days=0) or True]
notes.sort(key=lambda n: (n[1], n[0]))

# ---------------------------------------------------------------- write
with open(os.path.join(OUT, 'calls.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['call_id', 'started_at', 'direction', 'customer_id', 'dialled', 'answered', 'ring_seconds',
                'talk_seconds', 'answered_by', 'diversion_reason', 'recording'])
    for r in calls:
        w.writerow([r['call_id'], r['started_at'].isoformat(), r['direction'], r['customer_id'], r['dialled'],
                    'true' if r['answered'] else 'false', r['ring_seconds'], r['talk_seconds'],
                    r['answered_by'], r['diversion_reason'], ''])

with open(os.path.join(OUT, 'customers.csv'), 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    for c in sorted(customers, key=lambda c: c['id']):
        od = 0
        if c['overdue'] and c['cure'] is None:
            od = (ASOF - c['overdue']).days + 1
        nd = [x for x in due_dates(c['due_day']) if x > ASOF][0]
        w.writerow([c['id'], c['name'], c['phone'], c['principal'], nd.isoformat(), od])

with open(os.path.join(OUT, 'lender_numbers.txt'), 'w', encoding='utf-8') as f:
    for n in LENDER_ALL:
        f.write(n + '\n')

with open(os.path.join(OUT, 'notes.jsonl'), 'w', encoding='utf-8') as f:
    for i, (cid, when, text) in enumerate(notes):
        f.write(json.dumps(dict(note_id='N4-%06d' % (i + 1), customer_id=cid, written_at=when.isoformat(),
                                text=text), ensure_ascii=False) + '\n')

# forwarded = the line was observably diverted to another person (not a voicemail platform, not own phone)
seen_div = set(r['customer_id'] for r in calls if r['answered_by'])
for c in customers:
    # a voicemail / second-phone / secretary user whose diversion never showed up is, in the data, ordinary
    if c['group'] in ('voicemail', 'own_second_phone', 'secretary') and c['id'] not in seen_div:
        c['group'] = 'normal'
    if c['forwarded'] and c['id'] not in seen_div:
        c['forwarded'] = False
truth = {'customers': {}, 'agency_numbers': {k: sorted(set(v)) for k, v in sorted(agency_numbers.items())}}
for c in sorted(customers, key=lambda c: c['id']):
    truth['customers'][c['id']] = {'group': c['group'], 'forwarded': bool(c['forwarded']), 'agency': c['agency']}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)

# build-side details (not needed by consumers)
with open(os.path.join(OUT, '_build', 'aux_numbers.json'), 'w', encoding='utf-8') as f:
    json.dump({'platforms': PLATFORMS, 'switchboards': switchboards,
               'family_relatives': [fp for fp, _ in families]}, f, ensure_ascii=False, indent=1)
print(len(customers), len(calls), len(notes))
