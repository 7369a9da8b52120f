"""Assemble the hand-written texts in _build/*.txt into the B1 files.
Only assembles: ids, timestamps, phones, devices, IPs, customer rows. All texts are in the .txt files."""
import json, random, re, csv, os, datetime as dt
from collections import Counter, defaultdict

random.seed(20261130)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = dt.timezone(dt.timedelta(hours=8))

HDR = re.compile(r'^#(app|hotline|email|regulator|social|other)\|([^|]*)\|([a-z_]+)(?:\|(\w+))?\s*$')

def read_items(fn):
    items, cur = [], None
    for line in open(os.path.join(HERE, fn), encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('//') or not line.strip():
            continue
        m = HDR.match(line)
        if m:
            cur = dict(channel=m.group(1), name=m.group(2), intent=m.group(3), key=m.group(4))
            continue
        assert cur is not None and 'text' not in cur, (fn, line[:40])
        cur['text'] = line.strip()
        items.append(cur)
        cur = None
    return items

# ---------------------------------------------------------------- indicators
A_PHONES = ['13246758810', '18617042259']
A_WECHAT = 'hengzheng_fw'
A_USCC = '91440300MA5H2K8Q4P'
A_DEVICE = 'd7c41e09a2b35f68'
B_DEVICES = ['3f9a0c52e7d18b46', '81be47d0c3a95f12', 'c05d2e9f7a4b1386']
B_IPS = ['116.25.143.%d' % i for i in (11, 12, 37, 58, 103)]
C_PHONE = '17758823946'
D_PHONES = ['15923847761', '13087651943', '18829036615']
D_DEVICES = ['5a2f8e1c09d7b436', 'e93b60d4a1c72f85']
E_DEVICES = ['9b14c7e2f05a3d68', '2d6e0f9b8c1a4753', 'f7a3952c1e6d08b4']
E_QQ = '276419058'
COLLECTOR = '16530287714'
RESERVED = set(A_PHONES + [C_PHONE] + D_PHONES + [COLLECTOR])

# ---------------------------------------------------------------- generators
PREFIX = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '147', '150', '151', '152',
          '153', '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181',
          '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199']
used_phones = set(RESERVED)

def new_phone():
    while True:
        p = random.choice(PREFIX) + '%08d' % random.randrange(10 ** 8)
        if p not in used_phones:
            used_phones.add(p)
            return p

used_dev = set(B_DEVICES + D_DEVICES + E_DEVICES + [A_DEVICE])

def new_device():
    while True:
        d = '%016x' % random.getrandbits(64)
        if d not in used_dev:
            used_dev.add(d)
            return d

IP_A = [36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 117, 118, 119, 120, 121,
        122, 123, 124, 125, 171, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222, 223]

def new_ip(mobile=False):
    if mobile:
        a = random.choice([223, 117, 39, 112, 111])
    else:
        a = random.choice(IP_A)
    return '%d.%d.%d.%d' % (a, random.randrange(1, 255), random.randrange(0, 255), random.randrange(2, 254))

SURNAMES = ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIVEN1 = list('建志国秀桂丽晓海小文明永红春立德玉美金宏俊伟子雪慧佳家浩宇欣梦雨思亚凤翠淑爱')
GIVEN2 = list('华平军英芳敏强勇明杰涛斌军霞燕娟萍磊超鹏辉刚峰娜静丹琳颖婷洁倩阳宁飞龙健晨蕾露欢')
used_names = set()

def new_name():
    while True:
        s = random.choice(SURNAMES)
        if random.random() < 0.35:
            n = s + random.choice(GIVEN1 + GIVEN2)
        else:
            n = s + random.choice(GIVEN1) + random.choice(GIVEN2)
        if n not in used_names:
            used_names.add(n)
            return n

def principal():
    r = random.random()
    if r < 0.35:
        v = random.randrange(2000, 10000, 100)
    elif r < 0.8:
        v = random.randrange(10000, 50000, 500)
    else:
        v = random.randrange(50000, 200000, 1000)
    return v

D0 = dt.date(2026, 9, 1)
D1 = dt.date(2026, 10, 31)

def ts(d, h, m, s=None):
    if s is None:
        s = random.randrange(60)
    return dt.datetime(d.year, d.month, d.day, h, m, s, tzinfo=TZ)

def rand_day():
    return D0 + dt.timedelta(days=random.randrange((D1 - D0).days + 1))

MIN_DATE = {  # text fragment -> earliest plausible received date (texts mention these dates)
    '0913号': dt.date(2026, 9, 14), '9月初因车祸': dt.date(2026, 9, 8), '2026年9月在工地': dt.date(2026, 9, 10),
    '九月份已经过世': dt.date(2026, 9, 25), '9月12日因突发': dt.date(2026, 9, 14), '9月下旬因癌症': dt.date(2026, 10, 1),
    '10月3日离世': dt.date(2026, 10, 6), '9月3号提前': dt.date(2026, 9, 5), '9月8日的还款': dt.date(2026, 9, 9),
    '9月5日申请提前结清': dt.date(2026, 9, 6), '9月22日在app内': dt.date(2026, 9, 24),
    '今年9月我所在的公司': dt.date(2026, 9, 20), '9月25日通过app修改': dt.date(2026, 10, 11),
    '9月被多扣了一期': dt.date(2026, 9, 20),
}

def min_date(text):
    ds = [d for k, d in MIN_DATE.items() if k in text]
    return max(ds) if ds else None

def day_ok(day, text):
    m = min_date(text)
    return m is None or day >= m

def rand_day_for(text):
    m = min_date(text) or D0
    return m + dt.timedelta(days=random.randrange((D1 - m).days + 1))

def rand_time(day, channel):
    if channel == 'hotline':
        h = random.choice(list(range(9, 21)))
    else:
        h = random.choices(range(24), weights=[2, 1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 8, 8, 8, 9, 10, 10, 8, 5])[0]
    return ts(day, h, random.randrange(60))

def add_months(d, k):
    y, m = d.year, d.month + k
    while m > 12:
        y, m = y + 1, m - 12
    while m < 1:
        y, m = y - 1, m + 1
    import calendar
    day = min(d.day, calendar.monthrange(y, m)[1])
    return dt.date(y, m, day)

def next_due_from_daynum(ref, daynum):
    """next date with day-of-month daynum on/after ref"""
    for k in range(0, 3):
        cand = add_months(dt.date(ref.year, ref.month, 1), k)
        import calendar
        dd = min(daynum, calendar.monthrange(cand.year, cand.month)[1])
        cand = dt.date(cand.year, cand.month, dd)
        if cand >= ref:
            return cand
    raise RuntimeError

def schedule(ref, overdue=0, due_in=None):
    """return (next_due_date, overdue_days) as of date ref.
    overdue>0: the missed instalment was ref-overdue; due day = that day-of-month.
    due_in: force next due date = ref+due_in (only when overdue==0 or consistent)."""
    if due_in is not None:
        nd = ref + dt.timedelta(days=due_in)
        return nd, overdue
    if overdue > 0:
        missed = ref - dt.timedelta(days=overdue)
        return next_due_from_daynum(ref, missed.day), overdue
    return next_due_from_daynum(ref, random.randint(1, 28)), 0

# ---------------------------------------------------------------- build
customers = {}   # cid -> row
complaints = []  # dicts

def new_cid():
    while True:
        c = 'CUS%08d' % random.randrange(10 ** 8)
        if c not in customers:
            return c

def add_customer(name, phone, ref, overdue=0, due_in=None, prin=None):
    cid = new_cid()
    nd, od = schedule(ref, overdue, due_in)
    if name in ('', '-'):
        name = new_name()
    used_names.add(name)
    customers[cid] = dict(customer_id=cid, name=name, phone=phone, principal=prin or principal(),
                          next_due_date=nd.isoformat(), overdue_days=od)
    return cid

def add_complaint(item, when, cid, phone, group, campaign, ip=None, device=None):
    complaints.append(dict(received_at=when, channel=item['channel'], customer_id=cid, phone=phone,
                           text=item['text'], ip=ip, device_id=device, _group=group, _campaign=campaign,
                           _intent=item['intent']))

def genuine_net(item, dev=None):
    ch = item['channel']
    if ch == 'app':
        return new_ip(mobile=random.random() < 0.5), dev or new_device()
    if ch == 'other':
        return new_ip(), None
    return None, None

# ---- Agency A: bursts of letters on Tue/Thu office hours
A = read_items('agency_A.txt')
a_days = [dt.date(2026, 9, 8), dt.date(2026, 9, 15), dt.date(2026, 9, 24), dt.date(2026, 10, 13),
          dt.date(2026, 10, 15), dt.date(2026, 10, 22), dt.date(2026, 10, 27), dt.date(2026, 10, 29)]
random.shuffle(A)
chunks = [A[i::len(a_days)] for i in range(len(a_days))]
for ci, (day, chunk) in enumerate(zip(a_days, chunks)):
    for k, it in enumerate(chunk):
        if not day_ok(day, it['text']):
            later = chunks[-1]
            j = next(j for j, x in enumerate(later) if min_date(x['text']) is None)
            chunk[k], later[j] = later[j], chunk[k]
for day, chunk in zip(a_days, chunks):
    t = ts(day, random.randint(9, 14), random.randrange(60))
    for it in chunk:
        t = t + dt.timedelta(minutes=random.randint(4, 35), seconds=random.randint(0, 59))
        cid = add_customer(it['name'], new_phone(), t.date(), overdue=random.randint(30, 210))
        ph = random.choice(A_PHONES)
        ip, dev = (None, None)
        if it['channel'] == 'app':
            ip, dev = '119.123.%d.%d' % (random.randint(60, 70), random.randint(2, 250)), A_DEVICE
        elif it['channel'] == 'other':
            ip = '119.123.%d.%d' % (random.randint(60, 70), random.randint(2, 250))
        add_complaint(it, t, cid, ph, 'A', 'A', ip, dev)

# ---- Agency B: 5 weekday morning bursts from 3 office devices in one /24
B = read_items('agency_B.txt')
b_days = [dt.date(2026, 9, 9), dt.date(2026, 9, 22), dt.date(2026, 10, 9), dt.date(2026, 10, 20), dt.date(2026, 10, 28)]
chunks = [B[i::len(b_days)] for i in range(len(b_days))]
for day, chunk in zip(b_days, chunks):
    t = ts(day, 9, random.randint(20, 50))
    for it in chunk:
        t = t + dt.timedelta(minutes=random.randint(2, 9), seconds=random.randint(0, 59))
        ph = new_phone()
        if random.random() < 0.55:
            cid = add_customer(it['name'], ph, t.date(), overdue=random.randint(5, 95))
        else:
            cid = add_customer(it['name'], ph, t.date(), overdue=0, due_in=random.randint(1, 4))
        dev = B_DEVICES[2] if it['channel'] == 'other' else random.choice(B_DEVICES[:2])
        add_complaint(it, t, cid, ph, 'B', 'B', random.choice(B_IPS), dev)

# ---- Agency C: each borrower files 0-3 days before own due date
C = read_items('agency_C.txt')
import calendar
def c_due(text, day):
    for keys, v in ((('明天为还款日', '明天是还款日', '还有一天'), 1), (('后天', '还有两天', '前两天'), 2), (('三天后',), 3)):
        if any(k in text for k in keys):
            return day, v
    if '本月15日' in text:
        return dt.date(day.year, day.month, 15) - dt.timedelta(days=random.randint(0, 3)), None
    if '这个月的20号' in text:
        return dt.date(day.year, day.month, 20) - dt.timedelta(days=random.randint(0, 3)), None
    if '月底到期' in text:
        last = dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        return last - dt.timedelta(days=random.randint(0, 3)), None
    return day, random.randint(0, 3)

for it in C:
    day = rand_day()
    day, due_in = c_due(it['text'], day)
    if due_in is None:
        due_in = {'本月15日': 15, '这个月的20号': 20}.get(next((k for k in ('本月15日', '这个月的20号') if k in it['text']), ''), None)
        due_in = (dt.date(day.year, day.month, due_in) - day).days if due_in else \
                 (dt.date(day.year, day.month, calendar.monthrange(day.year, day.month)[1]) - day).days
    t = rand_time(day, it['channel'])
    ph = new_phone()
    od = 0 if random.random() < 0.75 else random.randint(28, 31) - due_in
    cid = add_customer(it['name'], ph, day, overdue=od, due_in=due_in)
    ip, dev = genuine_net(it)
    add_complaint(it, t, cid, ph, 'C', 'C', ip, dev)

# ---- Agency D: fake relatives from 3 phones, spread over two months, file order = time order
D = read_items('agency_D.txt')
d_days = sorted(rand_day() for it in D)
d_times = [rand_time(d, it['channel']) for d, it in zip(d_days, D)]
for i, (it, t) in enumerate(zip(D, d_times)):
    if not day_ok(t.date(), it['text']):
        t = rand_time(rand_day_for(it['text']), it['channel'])
    cid = add_customer(it['name'], new_phone(), t.date(), overdue=random.randint(40, 320))
    ph = D_PHONES[i % 3] if random.random() < 0.7 else random.choice(D_PHONES)
    ip, dev = (None, None)
    if it['channel'] == 'app':
        ip, dev = new_ip(mobile=True), D_DEVICES[D_PHONES.index(ph) % 2]
    add_complaint(it, t, cid, ph, 'D', 'D', ip, dev)

# ---- Agency E: late-night bursts from 3 studio tablets, borrowers' own phones, mobile IPs
E = read_items('agency_E.txt')
e_nights = [dt.date(2026, 9, 5), dt.date(2026, 9, 19), dt.date(2026, 10, 2), dt.date(2026, 10, 11),
            dt.date(2026, 10, 18), dt.date(2026, 10, 25)]
random.shuffle(E)
chunks = [E[i::len(e_nights)] for i in range(len(e_nights))]
for day, chunk in zip(e_nights, chunks):
    t = ts(day, 22, random.randint(20, 50))
    for it in chunk:
        t = t + dt.timedelta(minutes=random.randint(6, 22), seconds=random.randint(0, 59))
        ph = new_phone()
        if random.random() < 0.8:
            cid = add_customer(it['name'], ph, t.date(), overdue=random.randint(5, 75))
        else:
            cid = add_customer(it['name'], ph, t.date(), overdue=0, due_in=random.randint(1, 3))
        add_complaint(it, t, cid, ph, 'E', 'E', new_ip(mobile=True), random.choice(E_DEVICES))

# ---- Incident 1: double deduction, 2026-09-16 07:40-13:40
I1 = read_items('inc_double.txt')
start = ts(dt.date(2026, 9, 16), 7, 40, 0)
offs = sorted(random.uniform(0, 6 * 3600) for _ in I1)
for it, o in zip(I1, offs):
    t = start + dt.timedelta(seconds=int(o))
    ph = new_phone()
    cid = add_customer('-', ph, t.date(), overdue=0, due_in=30)  # next instalment 2026-10-16
    ip, dev = genuine_net(it)
    add_complaint(it, t, cid, ph, 'incident_double_deduction', None, ip, dev)

# ---- Incident 2: app outage on due date 2026-10-15; 16 before midnight, rest after
I2 = read_items('inc_outage.txt')
pre = sorted(random.uniform(0, 113 * 60) for _ in range(16))           # 22:05 .. 23:58
post = sorted(random.uniform(0, 63 * 60) for _ in range(len(I2) - 16))  # 00:02 .. 01:05
t_pre = [ts(dt.date(2026, 10, 15), 22, 5, 0) + dt.timedelta(seconds=int(o)) for o in pre]
t_post = [ts(dt.date(2026, 10, 16), 0, 2, 0) + dt.timedelta(seconds=int(o)) for o in post]
for it, t in zip(I2, t_pre + t_post):
    ph = new_phone()
    if t.date() == dt.date(2026, 10, 15):
        cid = add_customer('-', ph, t.date(), overdue=0, due_in=0)
    else:
        paid = any(k in it['text'] for k in ('终于还上', '还款成功', '又试了一次终于'))
        if paid:
            cid = add_customer('-', ph, t.date(), overdue=0, due_in=30)
        else:
            cid = add_customer('-', ph, t.date(), overdue=1, due_in=30)
    ip, dev = genuine_net(it)
    add_complaint(it, t, cid, ph, 'incident_app_outage', None, ip, dev)

# ---- genuine singles
def genuine_single(fn, group, od_fn):
    for it in read_items(fn):
        day = rand_day_for(it['text'])
        t = rand_time(day, it['channel'])
        ph = new_phone()
        od, due_in = od_fn(it)
        cid = add_customer('-', ph, day, overdue=od, due_in=due_in)
        ip, dev = genuine_net(it)
        add_complaint(it, t, cid, ph, group, None, ip, dev)

def od_grievance(it):
    tx = it['text']
    if '催' in tx and '还清' not in tx:
        return random.randint(2, 45), None
    return (0, None) if random.random() < 0.85 else (random.randint(1, 30), None)

def od_hardship(it):
    tx = it['text']
    if '逾期' in tx and '不想逾期' not in tx and '不希望产生逾期' not in tx:
        return random.randint(3, 25), None
    if '还款日是明天' in tx:
        return 0, 1
    if '还款日为今日' in tx:
        return 0, 0
    return 0, random.randint(0, 10)

def od_collector(it):
    return random.randint(3, 45), None

def od_background(it):
    return (0, None) if random.random() < 0.9 else (random.randint(1, 20), None)

genuine_single('grievance.txt', 'grievance', od_grievance)
genuine_single('hardship.txt', 'hardship', od_hardship)
genuine_single('collector.txt', 'collector_cited', od_collector)
genuine_single('background.txt', 'background', od_background)

# ---- families: one shared phone (and one shared device) per family
fams = defaultdict(list)
for it in read_items('family.txt'):
    fams[it['key']].append(it)
for key, members in fams.items():
    shared_phone = new_phone()
    shared_dev = new_device()
    shared_ip = new_ip()
    day = rand_day_for(' '.join(x['text'] for x in members))
    day = min(day, D1 - dt.timedelta(days=10))
    t = rand_time(day, members[0]['channel'])
    for j, it in enumerate(members):
        if j:
            t = t + dt.timedelta(minutes=random.randint(3, 40)) if random.random() < 0.7 else \
                rand_time(min(D1, t.date() + dt.timedelta(days=random.randint(1, 9))), it['channel'])
        reg_phone = shared_phone if (j == 0 or random.random() < 0.5) else new_phone()
        od = random.randint(2, 20) if (it['intent'] == 'hardship' or '催' in it['text']) else 0
        cid = add_customer(it['name'], reg_phone, t.date(), overdue=od)
        ip, dev = (None, None)
        if it['channel'] == 'app':
            ip, dev = shared_ip, shared_dev
        add_complaint(it, t, cid, shared_phone, 'family', None, ip, dev)

# ---- repeat complainers: same customer, same phone/device, 5-15 days apart
reps = defaultdict(list)
for it in read_items('repeat.txt'):
    reps[it['key']].append(it)
for key, items in reps.items():
    ph = new_phone()
    dev = new_device()
    day = D0 + dt.timedelta(days=random.randrange(0, 28))
    cid = add_customer('-', ph, day, overdue=0, due_in=(random.randint(1, 3) if key == 'R06' else None))
    fixed = {'R02': [dt.date(2026, 9, 24), dt.date(2026, 10, 8), dt.date(2026, 10, 19)]}.get(key)
    if fixed:
        day = fixed[0]
        customers[cid]['next_due_date'] = next_due_from_daynum(day, random.randint(1, 28)).isoformat()
    for j, it in enumerate(items):
        if fixed:
            day = fixed[j]
        elif j:
            day = min(D1, day + dt.timedelta(days=random.randint(5, 15)))
        t = rand_time(day, it['channel'])
        ip, _ = genuine_net(it, dev)
        add_complaint(it, t, cid, ph, 'repeat', None, ip, dev if it['channel'] == 'app' else None)

# ---------------------------------------------------------------- ids, write
random.shuffle(complaints)
for i, c in enumerate(complaints, 1):
    c['complaint_id'] = 'B1-%06d' % i

with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for c in complaints:
        o = dict(complaint_id=c['complaint_id'], received_at=c['received_at'].isoformat(), channel=c['channel'],
                 customer_id=c['customer_id'], phone=c['phone'], text=c['text'])
        if c['ip']:
            o['ip'] = c['ip']
        if c['device_id']:
            o['device_id'] = c['device_id']
        f.write(json.dumps(o, ensure_ascii=False) + '\n')

with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    w.writeheader()
    for cid in sorted(customers):
        w.writerow(customers[cid])

truth = {
    'campaigns': {c['complaint_id']: c['_campaign'] for c in complaints},
    'organizers': {
        'A': A_PHONES + [A_WECHAT, A_USCC, A_DEVICE],
        'B': list(B_DEVICES),
        'C': [C_PHONE],
        'D': D_PHONES + D_DEVICES,
        'E': E_DEVICES + [E_QQ],
    },
    'groups': {c['complaint_id']: c['_group'] for c in complaints},
    'complaint_intent': {c['complaint_id']: c['_intent'] for c in complaints},
}
json.dump(truth, open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- posts
PH = re.compile(r'^@(微博|抖音|小红书|百度贴吧|知乎|微信群|58同城|快手|闲鱼|今日头条|QQ空间|官网)\|([^|]+)\|'
                r'(service_ad|recruitment|warning|notice|news|lawful_offer|question)\|([A-E-])\|(.*)$')
posts = []
for fn in ('posts_ads.txt', 'posts_other.txt'):
    cur = None
    for line in open(os.path.join(HERE, fn), encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('//') or not line.strip():
            continue
        m = PH.match(line)
        if m:
            cur = dict(platform=m.group(1), account=m.group(2), intent=m.group(3),
                       agency=None if m.group(4) == '-' else m.group(4),
                       contacts=[] if m.group(5).strip() == '-' else [x.strip().lower() for x in m.group(5).split(',')])
            continue
        assert cur is not None and 'text' not in cur, (fn, line[:30])
        cur['text'] = line.strip()
        posts.append(cur)
        cur = None

P0 = dt.datetime(2026, 8, 15, tzinfo=TZ)
def post_time(p):
    tx = p['text']
    if p['intent'] in ('news', 'lawful_offer'):
        if '9月16日' in tx or ('重复扣款' in tx and '代扣' in tx):
            return ts(dt.date(2026, 9, 16), random.randint(15, 18), random.randrange(60))
        if '10月15日' in tx:
            return ts(dt.date(2026, 10, 16), random.randint(10, 12), random.randrange(60))
        if '代扣系统出现重复扣款' in tx:
            return ts(dt.date(2026, 9, 17), random.randint(8, 11), random.randrange(60))
        if '昨晚某消费金融APP' in tx:
            return ts(dt.date(2026, 10, 16), random.randint(8, 9), random.randrange(60))
    if p['intent'] == 'question' and 'App还款日当天系统故障' in tx:
        return ts(dt.date(2026, 10, 16), 13, random.randrange(60))
    if p['intent'] == 'question' and '重复扣款' in tx:
        return ts(dt.date(2026, 9, 17), 20, random.randrange(60))
    if '第三季度' in tx:
        return ts(dt.date(2026, 10, random.randint(10, 28)), random.randint(9, 17), random.randrange(60))
    if p['intent'] == 'warning' and '恒正法务' in tx:
        return ts(dt.date(2026, 10, 30), 21, random.randrange(60))
    d = (P0 + dt.timedelta(seconds=random.randrange(int((dt.datetime(2026, 10, 31, 23, 0, tzinfo=TZ) - P0).total_seconds())))).date()
    return rand_time(d, 'app')

random.shuffle(posts)
ptruth = {}
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for i, p in enumerate(posts, 1):
        pid = 'B1P-%04d' % i
        f.write(json.dumps(dict(post_id=pid, platform=p['platform'], account=p['account'],
                                posted_at=post_time(p).isoformat(), text=p['text']), ensure_ascii=False) + '\n')
        ptruth[pid] = dict(intent=p['intent'], is_ad=p['intent'] in ('service_ad', 'recruitment'),
                           contacts=p['contacts'], agency=p['agency'])
json.dump({'posts': ptruth}, open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('complaints', len(complaints), 'customers', len(customers), 'posts', len(posts))
