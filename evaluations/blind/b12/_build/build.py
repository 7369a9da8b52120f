#!/usr/bin/env python3
"""Assemble b12 files from hand-written texts in _build/texts. Standard library only.
Assigns ids, timestamps, phones, devices, IPs and customer rows; checks counts."""
import json, random, re, os, csv, datetime as dt
from collections import Counter, defaultdict

R = random.Random(20261201)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
T = os.path.join(HERE, 'texts')
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 9, 1, 0, 0, tzinfo=TZ)
END = dt.datetime(2026, 10, 31, 23, 59, 59, tzinfo=TZ)

def lines(fn):
    with open(os.path.join(T, fn), encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip()]

# ---------------- organisers ----------------
AG = {'a': 'agency_shangan', 'b': 'agency_jiashu', 'c': 'agency_simcard', 'd': 'agency_hengxin'}
A_COACH_PHONE = '13925716408'; A_WX = 'anxin_lilaoshi'; A_QQ = '736251904'
B_PHONES = {'p1': '15013867254', 'p2': '18620931547', 'p3': '13710582936'}
B_EMAILS = {'e1': 'jiashu_xieshang@163.com', 'e2': 'hefu_daiban2026@126.com'}
B_EMAIL_CALLBACK = {'e1': 'p1', 'e2': 'p2'}
B_BLOCK = '113.104.218'
B_WX = 'xieshang_kefu66'
C_SIMS = ['17051928463', '17139260517', '16527384019', '17083615294', '16739182056', '17146025839',
          '17058392716', '16510847362', '17193847520', '17027465918', '16782039451', '17164592083']
C_CARD = '6222021508034417692'
D_PHONES = ['13352864107', '19925831462']
D_USCC = '91440106MA9W3K7L2X'
D_ACCT = '44050158001200003671'
D_EMAIL = 'hengxin_fawu@163.com'
D_WX = 'hengxin_fawu01'
D_BLOCK = '14.155.90'
D_DEVICES = ['DV7C3E90A1F2B4D6', 'DV7C3E90A1F2B4E1']
COLLECTOR = '17162358814'
RESERVED = set([A_COACH_PHONE, COLLECTOR] + list(B_PHONES.values()) + C_SIMS + D_PHONES)

# ---------------- generators for ids ----------------
used_phones = set(RESERVED)
PREF = ['130','131','132','133','135','136','137','138','139','150','151','152','155','156','157','158','159',
        '166','173','175','176','177','180','181','182','183','185','186','187','188','189','191','195','198','199']
def new_phone():
    while True:
        p = R.choice(PREF) + ''.join(R.choice('0123456789') for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p
used_dev = set(D_DEVICES)
def new_device():
    while True:
        d = 'DV' + ''.join(R.choice('0123456789ABCDEF') for _ in range(14))
        if d not in used_dev:
            used_dev.add(d); return d
IP_FIRST = [36, 39, 42, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 119, 120, 121,
            122, 123, 124, 125, 171, 175, 180, 182, 183, 218, 219, 220, 221, 222, 223]
def new_ip():
    while True:
        ip = '%d.%d.%d.%d' % (R.choice(IP_FIRST), R.randint(1, 254), R.randint(0, 254), R.randint(2, 253))
        if not ip.startswith(B_BLOCK + '.') and not ip.startswith(D_BLOCK + '.'):
            return ip
SUR = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲建国志海波斌辉鹏宇浩凯欣怡婷雪梅晨阳琳颖佳倩文博俊峰飞亮成龙彬莉春燕兰凤洁琴云丹淑珍荣利新晓')
used_names = set()
def new_name():
    while True:
        n = R.choice(SUR) + ''.join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n
def email_addr():
    if R.random() < 0.5:
        return '%d@qq.com' % R.randint(10**8, 3 * 10**9)
    return '%s%s%d@%s' % (''.join(R.choice('abcdefghjklmnpqrstwxyz') for _ in range(R.randint(3, 6))),
                          R.choice(['', '_', '.']), R.randint(1975, 2004), R.choice(['163.com', '126.com', 'sina.com', 'foxmail.com']))

# ---------------- customers ----------------
customers = {}
cust_seq = [0]
def new_customer(overdue=0, due=None, phone=None, principal=None):
    cust_seq[0] += 1
    cid = 'C12%05d' % cust_seq[0]
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=phone or new_phone(),
                          principal=principal or R.choice([3000, 5000, 6000, 8000, 10000, 12000, 15000, 18000, 20000, 25000, 30000, 36000, 50000]),
                          next_due_date=due, overdue_days=overdue)
    return cid

CN = [('一个半月', 45), ('两个多月', 65), ('两个月', 60), ('快两个月', 55), ('一个多月', 36), ('快一个月', 27), ('一个月', 30),
      ('半个月', 15), ('五十多天', 53), ('四十多天', 44), ('二十多天', 23), ('二十来天', 21), ('十几天', 13), ('十来天', 11),
      ('三周', 21), ('两个星期', 14), ('两周', 14), ('一周多', 9), ('一周', 7), ('一个星期', 7), ('一个多星期', 9),
      ('十天', 10), ('九天', 9), ('八天', 8), ('七天', 7), ('六天', 6), ('五天', 5), ('四天', 4), ('三天', 3), ('两天', 2), ('一天', 1), ('几天', 4)]
def parse_overdue(text):
    for m in re.finditer('逾期', text):
        seg = text[m.end():m.end() + 9]
        md = re.match(r'[^0-9，。、,]{0,3}?(\d+)\s*天', seg)
        if md:
            return int(md.group(1))
        for k, v in CN:
            if k in seg[:7]:
                return v
    return None

def fmt(t):
    return t.isoformat(timespec='seconds')
def at(day, h0, h1):
    """random time on date `day` between hours h0 and h1"""
    base = dt.datetime(day.year, day.month, day.day, tzinfo=TZ)
    return base + dt.timedelta(seconds=R.randint(int(h0 * 3600), int(h1 * 3600) - 1))
def d(m, dd):
    return dt.date(2026, m, dd)
def daytime():
    return R.choice([(9, 12), (12, 18), (18, 22.5), (8, 23)])
def rand_day(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))

records = []  # dicts
def add(group, campaign, intent, channel, cid, phone, text, t, ip=None, device=None):
    rec = dict(received_at=fmt(t), channel=channel, customer_id=cid, phone=phone, text=text)
    if ip: rec['ip'] = ip
    if device: rec['device_id'] = device
    records.append(dict(rec=rec, group=group, campaign=campaign, intent=intent))

def std_meta(channel, dev=None, ip=None):
    """ip/device fields by channel for a genuine customer with own device/home ip"""
    if channel == 'app':
        return ip or new_ip(), dev or new_device()
    if channel in ('social', 'email'):
        return ip or new_ip(), None
    if channel == 'regulator':
        return (ip or new_ip()) if R.random() < 0.7 else None, None
    return None, None

def email_wrap(text, addr):
    return '[发件人: %s] %s' % (addr, text)

def overdue_customer(text, filed_date, lo=15, hi=70, due_soon=False):
    if due_soon:
        due = filed_date + dt.timedelta(days=R.randint(1, 6))
        return new_customer(0, due.isoformat())
    od = parse_overdue(text)
    if od is None:
        od = R.randint(lo, hi)
    return new_customer(od, (filed_date - dt.timedelta(days=od)).isoformat())

def is_due_soon(text):
    # not yet overdue: mentions an upcoming due date and gives no overdue duration
    return ('到期' in text or '还款日' in text) and parse_overdue(text) is None and '已经逾期' not in text and '目前逾期' not in text

# ---------------- agency a: coached self-filing ----------------
A = lines('agency_a.txt')
batches = [d(9, 7), d(9, 21), d(10, 12)]
for i, l in enumerate(A):
    ch, text = l.split('|', 1)
    b = batches[0] if i < 12 else batches[1] if i < 24 else batches[2]
    lag = R.randint(0, 3) if R.random() < 0.78 else R.randint(5, 9)
    day = b + dt.timedelta(days=lag)
    t = at(day, *R.choice([(19, 23.5), (12, 14), (9, 22)]))
    cid = overdue_customer(text, day, 20, 60, due_soon=is_due_soon(text))
    c = customers[cid]
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add(AG['a'], AG['a'], 'agency_package', ch, cid, c['phone'], text, t, ip, dev)

# ---------------- agency b: 委托代理人/家属 ----------------
B = lines('agency_b.txt')
bdays = sorted(rand_day(d(9, 10), d(10, 28)) for _ in B)
bdays = [x if x.weekday() < 5 else x - dt.timedelta(days=x.weekday() - 4) for x in bdays]
for l, day in zip(B, bdays):
    ag, ch, text = l.split('|', 2)
    t = at(day, 9.5, 17.5)
    cid = overdue_customer(text, day, 10, 90)
    c = customers[cid]
    text = text.replace('{name}', c['name'])
    ip = None
    if ag.startswith('e'):
        phone = B_PHONES[B_EMAIL_CALLBACK[ag]]
        text = email_wrap(text, B_EMAILS[ag])
        ip = '%s.%d' % (B_BLOCK, R.choice([23, 24, 37, 61]))
    else:
        phone = B_PHONES[ag]
    add(AG['b'], AG['b'], 'agency_package', ch, cid, phone, text, t, ip, None)

# ---------------- agency c: rented SIM cards ----------------
Cl = lines('agency_c.txt')
sim_start = d(9, 3)
for i, l in enumerate(Cl):
    ch, text = l.split('|', 1)
    k = i // 3
    win0 = sim_start + dt.timedelta(days=int(k * 4.8))
    day = win0 + dt.timedelta(days=R.randint(0, 5))
    if day > d(10, 31): day = d(10, 31)
    t = at(day, 10, 20)
    cid = overdue_customer(text, day, 8, 75, due_soon=('逾期' not in text and '催收' not in text and R.random() < 0.5))
    add(AG['c'], AG['c'], 'agency_package', ch, cid, C_SIMS[k], text, t)

# ---------------- agency d: 法务 with USCC ----------------
Dl = lines('agency_d.txt')
ddays = []
cur = d(9, 15)
while len(ddays) < len(Dl):
    if cur.weekday() in (1, 3):  # Tue / Thu filing sessions
        ddays += [cur] * R.randint(3, 5)
    cur += dt.timedelta(days=1)
for l, day in zip(Dl, ddays):
    ch, text = l.split('|', 1)
    t = at(day, 14, 18)
    cid = overdue_customer(text, day, 15, 120)
    c = customers[cid]
    text = text.replace('{name}', c['name'])
    ip = '%s.%d' % (D_BLOCK, R.choice([101, 102, 115]))
    dev = R.choice(D_DEVICES) if ch in ('regulator', 'social') else None
    if ch == 'email': text = email_wrap(text, D_EMAIL)
    add(AG['d'], AG['d'], 'agency_package', ch, cid, R.choice(D_PHONES), text, t, ip, dev)

# ---------------- genuine incident: login mix-up 2026-10-16 ----------------
inc0 = dt.datetime(2026, 10, 16, 19, 40, tzinfo=TZ)
for l in lines('incident.txt'):
    ch, text = l.split('|', 1)
    t = inc0 + dt.timedelta(seconds=int(R.triangular(0, 3 * 3600, 2400)))
    cid = new_customer(0, (d(10, 16) + dt.timedelta(days=R.randint(1, 30))).isoformat())
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('incident_login_mixup', None, 'grievance', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- hardship burst after market fire ----------------
b0 = dt.datetime(2026, 9, 28, 8, 5, tzinfo=TZ)
for l in lines('burst.txt'):
    ch, text = l.split('|', 1)
    t = b0 + dt.timedelta(seconds=R.randint(0, 4 * 3600 - 600))
    cid = overdue_customer(text, d(9, 28), 3, 15)
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('hardship_burst', None, 'hardship', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- viral wording: 结清证明 ----------------
for l in lines('viral.txt'):
    ch, text = l.split('|', 1)
    day = d(10, 20) + dt.timedelta(days=min(7, int(R.expovariate(0.45))))
    t = at(day, 8, 23.5)
    cid = new_customer(0, '')
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('viral_wording', None, 'grievance', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- grievances ----------------
for l in lines('grievance.txt'):
    k, ch, text = l.split('|', 2)
    day = rand_day(d(9, 1), d(10, 31))
    t = at(day, *daytime())
    od = parse_overdue(text)
    if od is not None and '已' not in text[:0]:
        cid = new_customer(od, (day - dt.timedelta(days=od)).isoformat())
    else:
        cid = new_customer(0, (day + dt.timedelta(days=R.randint(3, 30))).isoformat())
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('grievance', None, 'representative' if k == 'r' else 'grievance', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- hardship pleas ----------------
for l in lines('hardship.txt'):
    k, ch, text = l.split('|', 2)
    day = rand_day(d(9, 2), d(10, 30))
    t = at(day, *daytime())
    if k == 'D':
        off = 0 if '今天' in text else 1 if '明天' in text else 2 if '后天' in text else 3 if '三天' in text else 2 if '两天' in text else R.randint(0, 3)
        if '25日' in text:
            day = d(R.choice([9, 10]), 25) - dt.timedelta(days=R.randint(1, 3)); t = at(day, *daytime())
            off = (d(day.month, 25) - day).days
        cid = new_customer(0, (day + dt.timedelta(days=off)).isoformat())
    else:
        cid = overdue_customer(text, day, 10, 45)
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('hardship', None, 'hardship', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- families ----------------
FAM_INTENT = ['other', 'other', 'other', 'grievance', 'other', 'other', 'other', 'hardship', 'grievance', 'other',
              'other', 'grievance', 'other', 'grievance', 'grievance', 'hardship', 'hardship', 'grievance', 'other']
fam_state = {}
FL = lines('family.txt')
for i, l in enumerate(FL):
    f, share, ch, text = l.split('|', 3)
    if f not in fam_state:
        fam_state[f] = dict(day=rand_day(d(9, 3), d(10, 20)), phone=new_phone(), dev=new_device(), ip=new_ip())
    s = fam_state[f]
    day = s['day'] + dt.timedelta(days=R.randint(0, 9))
    t = at(day, *daytime())
    od = parse_overdue(text)
    reg_phone = s['phone'] if (share == 'phone' and (f in ('F5', 'F7') or i == min(j for j, x in enumerate(FL) if x.startswith(f + '|')))) else None
    if od:
        cid = new_customer(od, (day - dt.timedelta(days=od)).isoformat(), phone=reg_phone)
    else:
        cid = new_customer(0, (day + dt.timedelta(days=R.randint(2, 28))).isoformat(), phone=reg_phone)
    if share == 'phone':
        phone = s['phone']; ip, dev = std_meta(ch, ip=s['ip'])
    else:
        phone = customers[cid]['phone']; ip, dev = std_meta(ch, dev=s['dev'], ip=s['ip'])
    if ch == 'email': text = email_wrap(text, email_addr())
    add('family', None, FAM_INTENT[i], ch, cid, phone, text, t, ip, dev)

# ---------------- collector cited ----------------
for l in lines('collector.txt'):
    ch, text = l.split('|', 1)
    day = rand_day(d(10, 1), d(10, 25))
    t = at(day, *daytime())
    cid = overdue_customer(text, day, 3, 12)
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('collector_cited', None, 'grievance', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- repeat ----------------
rep = {}
for l in lines('repeat.txt'):
    r, ch, text = l.split('|', 2)
    if r not in rep:
        day0 = rand_day(d(9, 5), d(9, 25))
        rep[r] = dict(day=day0, cid=new_customer(0, (day0 + dt.timedelta(days=R.randint(5, 25))).isoformat()), dev=new_device(), ip=new_ip())
    else:
        rep[r]['day'] += dt.timedelta(days=R.randint(6, 14))
    s = rep[r]
    t = at(s['day'], *daytime())
    ip, dev = std_meta(ch, dev=s['dev'], ip=s['ip'] if R.random() < 0.7 else None)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('repeat', None, 'grievance', ch, s['cid'], customers[s['cid']]['phone'], text, t, ip, dev)

# ---------------- background ----------------
for l in lines('background.txt'):
    ch, text = l.split('|', 1)
    day = rand_day(d(9, 1), d(10, 31))
    t = at(day, *daytime())
    cid = new_customer(0, (day + dt.timedelta(days=R.randint(1, 30))).isoformat())
    ip, dev = std_meta(ch)
    if ch == 'email': text = email_wrap(text, email_addr())
    add('background', None, 'other', ch, cid, customers[cid]['phone'], text, t, ip, dev)

# ---------------- shuffle, ids, write ----------------
R.shuffle(records)
truth = dict(campaigns={}, organizers={}, groups={}, complaint_intent={})
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(records, 1):
        cid = 'B12-%06d' % i
        rec = dict(complaint_id=cid); rec.update(r['rec'])
        f.write(json.dumps(rec, ensure_ascii=False) + '\n')
        truth['campaigns'][cid] = r['campaign']
        truth['groups'][cid] = r['group']
        truth['complaint_intent'][cid] = r['intent']
truth['organizers'] = {
    AG['a']: [A_COACH_PHONE, A_WX, A_QQ],
    AG['b']: list(B_PHONES.values()) + [B_WX] + list(B_EMAILS.values()) + [B_BLOCK + '.0/24'],
    AG['c']: C_SIMS + [C_CARD],
    AG['d']: D_PHONES + [D_WX, D_USCC] + D_DEVICES + [D_ACCT, D_EMAIL, D_BLOCK + '.0/24'],
}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    for c in customers.values():
        w.writerow([c['customer_id'], c['name'], c['phone'], c['principal'], c['next_due_date'], c['overdue_days']])

# ---------------- posts ----------------
posts = []
for fn in ['posts1.txt', 'posts2.txt', 'posts3.txt', 'posts4.txt']:
    for l in lines(fn):
        intent, isad, ag, contacts, platform, account, text = l.split('|', 6)
        if '南关' in text or '火灾' in text:
            t = at(rand_day(d(9, 28), d(10, 6)), 8, 23)
        elif '串号' in text or '显示异常' in text:
            t = at(rand_day(d(10, 16), d(10, 20)), 8, 23) if '说明' not in text else dt.datetime(2026, 10, 16, 23, 42, tzinfo=TZ)
        elif '结清证明' in text:
            t = at(rand_day(d(10, 18), d(10, 30)), 8, 23)
        else:
            t = at(rand_day(d(9, 1), d(10, 31)), 7, 23.9)
        posts.append(dict(platform=platform, account=account, posted_at=fmt(t), text=text,
                          _t=dict(intent=intent, is_ad=isad == '1',
                                  contacts=[] if contacts == '-' else [x.lower() for x in contacts.split(',')],
                                  agency=None if ag == '-' else AG[ag])))
R.shuffle(posts)
ptruth = {'posts': {}}
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for i, p in enumerate(posts, 1):
        pid = 'B12P-%05d' % i
        t = p.pop('_t')
        rec = dict(post_id=pid); rec.update(p)
        f.write(json.dumps(rec, ensure_ascii=False) + '\n')
        ptruth['posts'][pid] = t
with open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8') as f:
    json.dump(ptruth, f, ensure_ascii=False, indent=1)
print('complaints', len(records), 'customers', len(customers), 'posts', len(posts))
