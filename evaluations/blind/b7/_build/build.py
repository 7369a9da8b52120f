#!/usr/bin/env python3
"""Assemble the b7 blind evaluation set from hand-written texts in texts/.
Only assigns ids, timestamps, phones, devices, IPs and customer rows."""
import json, random, re, csv, os
from datetime import datetime, timedelta, timezone, date

random.seed(20261130)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 6, 1, 0, 0, tzinfo=TZ)
END = datetime(2026, 7, 31, 23, 59, 59, tzinfo=TZ)
CH = {'a': 'app', 'h': 'hotline', 'e': 'email', 'r': 'regulator', 's': 'social', 'o': 'other'}

def load(name):
    rows = []
    with open(os.path.join(HERE, 'texts', name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                continue
            ch, nm, text = line.split('\t', 2)
            rows.append((CH[ch], nm, text))
    return rows

# ---------------- organiser indicators ----------------
A_QQ, A_WX = '736215948', 'anxin_hz88'
B_WX, B_PHONE = 'wuyou-kt2026', '17318426650'
C_PHONES = ['13286417520', '13286417593']
C_DEVICES = ['and-7c31e09fa2b44d61', 'and-7c31e09fa2b44d88', 'and-b50d2e7713c9f402']
C_BLOCK = '121.35.118'
D_PHONES = ['18620937714', '15013862245']
D_USCC = '91440106MA9Y3KQ21T'
D_CARD = '6222023602084417365'
D_ALIPAY = '19926471308'
D_BLOCK = '113.108.77'
COLLECTOR = '17092638415'
RESERVED = set(C_PHONES + D_PHONES + [B_PHONE, D_ALIPAY, COLLECTOR])

# ---------------- helpers ----------------
used_phones = set(RESERVED)
PFX = ['130','131','132','133','135','136','137','138','139','150','151','152','153','155','156','157','158','159','166','173','175','176','177','180','181','182','183','185','186','187','188','189','191','195','198','199']
def new_phone():
    while True:
        p = random.choice(PFX) + ''.join(random.choice('0123456789') for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p

used_dev = set(C_DEVICES)
def new_device():
    while True:
        d = random.choice(['and-', 'ios-']) + ''.join(random.choice('0123456789abcdef') for _ in range(16))
        if d not in used_dev:
            used_dev.add(d); return d

HOME_A = [36, 39, 42, 58, 60, 61, 101, 106, 110, 111, 112, 114, 115, 116, 117, 119, 120, 123, 124, 125, 171, 175, 180, 182, 183, 211, 218, 220, 221, 222, 223]
def home_ip():
    while True:
        ip = f"{random.choice(HOME_A)}.{random.randint(1,254)}.{random.randint(0,254)}.{random.randint(2,254)}"
        if not ip.startswith(C_BLOCK + '.') and not ip.startswith(D_BLOCK + '.'):
            return ip

SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力梅鹏飞斌宇浩凯亮鑫波宁琳雪琴晨欣怡佳慧颖婷雯倩鹤松柏林峰岚')
used_names = set()
def new_name():
    while True:
        n = random.choice(SUR) + ''.join(random.choice(GIV) for _ in range(random.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n

customers = {}   # cid -> dict
cid_seq = [0]
def new_customer(name=None, phone=None):
    cid_seq[0] += 1
    cid = f"LC{30120000 + cid_seq[0] * 7:08d}"
    if name is None:
        name = new_name()
    else:
        used_names.add(name)
    customers[cid] = dict(customer_id=cid, name=name, phone=phone or new_phone(),
                          principal=random.choice([3000, 5000, 6000, 8000, 10000, 12000, 15000, 18000, 20000, 25000, 30000, 40000, 50000]),
                          next_due_date=None, overdue_days=0, _dev=None, _ip=None)
    return cid

def set_status(cid, when, overdue=None, due_in=None):
    c = customers[cid]
    if c['next_due_date'] is not None:
        return
    d = when.date()
    if overdue:
        c['overdue_days'] = overdue
        c['next_due_date'] = (d - timedelta(days=overdue)).isoformat()
    else:
        c['overdue_days'] = 0
        c['next_due_date'] = (d + timedelta(days=due_in if due_in is not None else random.randint(4, 28))).isoformat()

CN = {'一':1,'两':2,'二':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9,'十':10}
def cn2int(s):
    if s.isdigit(): return int(s)
    if s == '十': return 10
    if s.startswith('十'): return 10 + CN.get(s[1], 0)
    if '十' in s:
        a, b = s.split('十'); return CN[a] * 10 + (CN[b] if b else 0)
    return CN.get(s, 1)

def parse_overdue(text):
    m = re.search(r'逾期(?:了|约|快|第|近)?([0-9一两二三四五六七八九十]+)(多|几)?(个多月|个月|天|周)', text)
    if not m:
        return None
    n = cn2int(m.group(1)); more = m.group(2); unit = m.group(3)
    if unit == '天':
        return n + (random.randint(1, 6) if more else 0)
    if unit == '周':
        return n * 7 + (random.randint(1, 4) if more else 0)
    if unit == '个多月':
        return n * 30 + random.randint(3, 20)
    return n * 30 + random.randint(-3, 5)

def rand_time(lo=START, hi=END, hours=(8, 23)):
    while True:
        t = lo + timedelta(seconds=random.randint(0, int((hi - lo).total_seconds())))
        if hours[0] <= t.hour < hours[1] or random.random() < 0.04:
            return t.replace(microsecond=0)

def forwarded(t):
    d = t + timedelta(days=random.randint(1, 5))
    return d.replace(hour=random.randint(9, 16), minute=random.randint(0, 59), second=random.randint(0, 59))

complaints = []
def add(group, intent, ch, cid, t, text, phone=None, ip=None, dev=None, agency=None):
    c = customers[cid]
    rec = dict(received_at=t.isoformat(), channel=ch, customer_id=cid,
               phone=phone or c['phone'], text=text)
    if ip: rec['ip'] = ip
    if dev: rec['device_id'] = dev
    complaints.append((rec, group, intent, agency))

def own_net(cid, ch):
    c = customers[cid]
    if c['_dev'] is None:
        c['_dev'] = new_device(); c['_ip'] = home_ip()
    if ch == 'app':
        return c['_ip'], c['_dev']
    if ch == 'email':
        return c['_ip'], None
    return None, None

EXPLICIT_OVERDUE = ['已经逾期', '逾期了', '逾期中', '逾期约', '逾期第', '逾期快', '已逾期', '账户逾期', '逾期后', '逾期两', '逾期三', '现已逾期', '逾期，', '逾期。', '导致逾期', '导致借款逾期', '借款逾期']
def agency_status(cid, t, text):
    ov = parse_overdue(text)
    if ov:
        set_status(cid, t, overdue=ov); return
    if any(k in text for k in EXPLICIT_OVERDUE) or random.random() < 0.6:
        set_status(cid, t, overdue=random.randint(12, 190))
    else:
        set_status(cid, t, due_in=random.randint(0, 7))

# ---------------- agencies A and B: own phones, coached sessions ----------------
def session_times(sessions, n):
    out = []
    for i in range(n):
        s, dur = sessions[i % len(sessions)]
        out.append(s + timedelta(seconds=random.randint(0, dur * 60)))
    random.shuffle(out)
    return out

def own_phone_agency(fname, agency, sessions):
    rows = load(fname)
    times = session_times(sessions, len(rows))
    for (ch, _, text), t in zip(rows, times):
        cid = new_customer()
        agency_status(cid, t, text)
        rt = forwarded(t) if ch == 'regulator' else t
        ip, dev = own_net(cid, ch)
        add(agency, 'agency_package', ch, cid, rt, text, ip=ip, dev=dev, agency=agency)

D = lambda *a: datetime(*a, tzinfo=TZ)
SESS_A = [(D(2026, 6, 10, 12, 2), 88), (D(2026, 6, 24, 12, 6), 94), (D(2026, 7, 8, 11, 58), 85)]
SESS_B = [(D(2026, 6, 18, 21, 24), 100), (D(2026, 7, 2, 21, 31), 92), (D(2026, 7, 16, 21, 38), 84)]
own_phone_agency('agency_a.txt', 'agency_a', SESS_A)
own_phone_agency('agency_b.txt', 'agency_b', SESS_B)

# ---------------- agency C: template, 2 agency phones, 3 devices, office block ----------------
SESS_C = [(D(2026, 6, 4, 10, 5), 80), (D(2026, 6, 11, 14, 40), 75), (D(2026, 6, 19, 9, 50), 90),
          (D(2026, 6, 30, 15, 10), 70), (D(2026, 7, 7, 10, 20), 85), (D(2026, 7, 15, 14, 30), 80),
          (D(2026, 7, 23, 10, 0), 75)]
rows = load('agency_c.txt')
times = sorted(session_times(SESS_C, len(rows)))
for i, ((ch, nm, text), t) in enumerate(zip(rows, times)):
    cid = new_customer(name=nm)
    agency_status(cid, t, text)
    ph = C_PHONES[0] if random.random() < 0.55 else C_PHONES[1]
    ip = dev = None
    rt = t
    if ch == 'app':
        dev = random.choice(C_DEVICES); ip = f"{C_BLOCK}.{random.choice([17, 23, 41, 42])}"
    elif ch == 'email':
        ip = f"{C_BLOCK}.{random.choice([17, 23, 41, 42])}"
    elif ch == 'regulator':
        rt = forwarded(t)
    add('agency_c', 'agency_package', ch, cid, rt, text, phone=ph, ip=ip, dev=dev, agency='agency_c')

# ---------------- agency D: relatives / lawyers, USCC, refund account ----------------
rows = load('agency_d.txt')
for ch, nm, text in rows:
    t = rand_time(hours=(13, 18))
    while t.weekday() >= 5:
        t = rand_time(hours=(13, 18))
    cid = new_customer(name=nm)
    agency_status(cid, t, text)
    ph = D_PHONES[0] if random.random() < 0.5 else D_PHONES[1]
    ip = None; rt = t
    if ch in ('email', 'other'):
        ip = f"{D_BLOCK}.{random.choice([66, 67, 130])}"
    elif ch == 'regulator':
        rt = forwarded(t)
    add('agency_d', 'representative', ch, cid, rt, text, phone=ph, ip=ip, agency='agency_d')

# ---------------- genuine incident ----------------
INC0 = D(2026, 7, 9, 9, 8)
for ch, _, text in load('incident.txt'):
    t = INC0 + timedelta(seconds=random.randint(0, 178 * 60))
    cid = new_customer(); set_status(cid, t, due_in=random.randint(3, 28))
    rt = forwarded(t) if ch == 'regulator' else t
    ip, dev = own_net(cid, ch)
    add('incident_settlement_interest', 'grievance', ch, cid, rt, text, ip=ip, dev=dev)

# ---------------- genuine hardship burst ----------------
HB0 = D(2026, 7, 15, 10, 18)
for ch, _, text in load('hardship_burst.txt'):
    t = HB0 + timedelta(seconds=random.randint(0, 238 * 60))
    cid = new_customer()
    ov = parse_overdue(text) or random.randint(31, 70)
    set_status(cid, t, overdue=max(ov, 1))
    ip, dev = own_net(cid, ch)
    add('hardship_burst', 'hardship', ch, cid, t, text, ip=ip, dev=dev)

def genuine_status(cid, t, text):
    ov = parse_overdue(text)
    if ov:
        set_status(cid, t, overdue=ov)
    elif '逾期' in text and not re.search(r'(没|没有|从来没|从来没有|从没)逾期|没有逾期|从来没有逾期过|从来没逾期', text) and random.random() < 0.8:
        set_status(cid, t, overdue=random.randint(2, 20))
    else:
        set_status(cid, t)

# ---------------- grievances ----------------
for ch, _, text in load('grievance.txt'):
    t = rand_time(); cid = new_customer(); genuine_status(cid, t, text)
    ip, dev = own_net(cid, ch)
    add('grievance', 'grievance', ch, cid, t, text, ip=ip, dev=dev)

# ---------------- hardship pleas (first 14 filed 0-3 days before due date) ----------------
for i, (ch, _, text) in enumerate(load('hardship.txt')):
    t = rand_time(); cid = new_customer()
    if i < 14:
        m = re.search(r'还款日是?(\d+)月(\d+)[日号]', text)
        if m:
            due = date(2026, int(m.group(1)), int(m.group(2)))
            t = datetime(due.year, due.month, due.day, random.randint(9, 22), random.randint(0, 59), random.randint(0, 59), tzinfo=TZ) - timedelta(days=random.randint(1, 3))
            set_status(cid, t, due_in=(due - t.date()).days)
        else:
            dd = 0 if '今天' in text else 1 if '明天' in text else 2 if '后天' in text else 3 if '三天' in text else random.randint(1, 3)
            set_status(cid, t, due_in=dd)
    else:
        set_status(cid, t, overdue=parse_overdue(text) or random.randint(8, 75))
    ip, dev = own_net(cid, ch)
    add('hardship', 'hardship', ch, cid, t, text, ip=ip, dev=dev)

# ---------------- families sharing a phone or device ----------------
FAM_INTENT = ['grievance', 'hardship', 'grievance', 'grievance', 'other', 'grievance', 'grievance', 'grievance', 'grievance',
              'hardship', 'hardship', 'grievance', 'grievance', 'grievance', 'hardship', 'grievance', 'grievance', 'grievance', 'grievance']
PHONE_SHARE = {'F1', 'F4', 'F7'}
fam_rows = load('family.txt')
fam_state = {}
for i, (ch, fid, text) in enumerate(fam_rows):
    st = fam_state.get(fid)
    if st is None:
        sur = random.choice(SUR)
        st = fam_state[fid] = dict(t=rand_time(hi=D(2026, 7, 25, 0, 0)), phone=new_phone(), dev=new_device(), ip=home_ip(), sur=sur, n=0)
    st['n'] += 1
    st['t'] = st['t'] + timedelta(hours=random.randint(2, 30), minutes=random.randint(0, 59))
    if not 8 <= st['t'].hour < 22:
        st['t'] = st['t'].replace(hour=random.randint(9, 21))
    t = st['t']
    # first member's own phone is the shared phone; others have their own phones but call/log in from the shared one
    if st['n'] == 1:
        cid = new_customer(phone=st['phone'])
    else:
        cid = new_customer()
    genuine_status(cid, t, text)
    if fid in PHONE_SHARE:
        add('family', FAM_INTENT[i], ch, cid, t, text, phone=st['phone'])
    else:
        add('family', FAM_INTENT[i], ch, cid, t, text, ip=st['ip'], dev=st['dev'])

# ---------------- collector cited ----------------
for ch, _, text in load('collector.txt'):
    t = rand_time(lo=D(2026, 6, 8, 0, 0)); cid = new_customer()
    ov = parse_overdue(text) or random.randint(3, 12)
    set_status(cid, t, overdue=ov)
    ip, dev = own_net(cid, ch)
    add('collector_cited', 'grievance', ch, cid, t, text, ip=ip, dev=dev)

# ---------------- repeat complainers ----------------
rep = {}
for ch, rid, text in load('repeat.txt'):
    if rid not in rep:
        t0 = rand_time(hi=D(2026, 6, 25, 0, 0))
        rep[rid] = dict(cid=new_customer(), t=t0)
        set_status(rep[rid]['cid'], t0)
    else:
        rep[rid]['t'] = rep[rid]['t'] + timedelta(days=random.randint(6, 14), hours=random.randint(-5, 5))
    cid = rep[rid]['cid']; t = rep[rid]['t']
    rt = forwarded(t) if ch == 'regulator' else t
    ip, dev = own_net(cid, ch)
    add('repeat', 'grievance', ch, cid, rt, text, ip=ip, dev=dev)
customers[rep['R1']['cid']]['overdue_days'] = 0

# ---------------- background ----------------
for ch, _, text in load('background.txt'):
    t = rand_time(); cid = new_customer(); genuine_status(cid, t, text)
    ip, dev = own_net(cid, ch)
    add('background', 'other', ch, cid, t, text, ip=ip, dev=dev)

# ---------------- write complaints ----------------
for rec, *_ in complaints:
    t = datetime.fromisoformat(rec['received_at'])
    if rec['channel'] == 'hotline' and not 8 <= t.hour < 23:   # hotline staffed 08:00-23:00
        t = t.replace(hour=random.randint(9, 21)); rec['received_at'] = t.isoformat()
    if t > END:
        rec['received_at'] = (END - timedelta(minutes=random.randint(5, 600))).replace(microsecond=0).isoformat()
random.shuffle(complaints)
campaigns, groups, intents = {}, {}, {}
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for i, (rec, group, intent, agency) in enumerate(complaints, 1):
        cid = f"B7-{i:06d}"
        out = dict(complaint_id=cid, **rec)
        f.write(json.dumps(out, ensure_ascii=False) + '\n')
        campaigns[cid] = agency; groups[cid] = group; intents[cid] = intent

with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    for c in customers.values():
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], c['next_due_date'], c['overdue_days']])

organizers = {
    'agency_a': [A_QQ, A_WX],
    'agency_b': [B_WX, B_PHONE],
    'agency_c': C_PHONES + C_DEVICES + [C_BLOCK + '.0/24'],
    'agency_d': D_PHONES + [D_USCC, D_CARD, D_ALIPAY, D_BLOCK + '.0/24'],
}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(dict(campaigns=campaigns, organizers=organizers, groups=groups, complaint_intent=intents), f, ensure_ascii=False, indent=1)

# ---------------- posts ----------------
SPECIAL = {'系统升级': D(2026, 7, 7, 17, 30), '提前结清时出现金额计算异常': D(2026, 7, 9, 16, 45),
           '委托合作机构进行催收提醒': D(2026, 7, 15, 9, 58), '提前还款今天怎么要收全部利息': D(2026, 7, 9, 11, 20),
           '平台说要转给外包催收': D(2026, 7, 15, 12, 40)}
posts, ptruth = [], {}
with open(os.path.join(HERE, 'texts', 'posts.tsv'), encoding='utf-8') as f:
    prow = [l.rstrip('\n').split('\t') for l in f if l.strip()]
random.shuffle(prow)
for i, (intent, platform, account, agency, contacts, text) in enumerate(prow, 1):
    pid = f"P7-{i:04d}"
    t = rand_time(hours=(7, 24))
    for k, v in SPECIAL.items():
        if k in text:
            t = v + timedelta(minutes=random.randint(0, 9))
    posts.append(dict(post_id=pid, platform=platform, account=account, posted_at=t.isoformat(), text=text))
    ptruth[pid] = dict(intent=intent, is_ad=intent in ('service_ad', 'recruitment'),
                       contacts=[c.lower() for c in contacts.split(',') if c], agency=None if agency == 'null' else agency)
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for p in posts:
        f.write(json.dumps(p, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8') as f:
    json.dump(dict(posts=ptruth), f, ensure_ascii=False, indent=1)
print('complaints', len(complaints), 'customers', len(customers), 'posts', len(posts))
