#!/usr/bin/env python3
"""Assemble the B3 blind set from the hand-written text files in this folder.
Standard library only, fixed seed. Texts are NOT generated here: every text line
comes verbatim from the *.txt files (only {name} is filled with the borrower's name)."""
import json, random, csv, os, datetime as dt

random.seed(20261130)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 9, 15, 0, 0, tzinfo=TZ)
END = dt.datetime(2026, 11, 15, 23, 59, 59, tzinfo=TZ)

def lines(fn):
    with open(os.path.join(HERE, fn), encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f if l.strip()]

# ---------------------------------------------------------------- constants
A1_OFFICE = '183.14.29.'           # agency_a1 office block /24
A1_SHARED_DEV = ['dev_7f3a91c2e04b', 'dev_2b8e55d01c9a']
A2_PHONES = ['13316829047', '18926475310', '15012963384']
A2_USCC = ['91440106MA9W3KXR2L', '91440101MA5CN8T47Q']
A2_EMAIL_IP = '14.215.77.'
A3_CONTACT = '19157328806'
A3_HANDLE = 'qsshangan'  # not used in texts; kept for clarity
A4_PHONES = ['17267310958', '13652218874']
A4_QQ = '2850371946'
A4_CARD = '6217003320184471265'
A4_OFFICE = '61.141.88.'
A4_DEV = ['dev_a4c0ffee1201', 'dev_a4c0ffee1202', 'dev_a4c0ffee1203']
A1_HANDLE = 'anhe_youhua88'
COLLECTOR = '17085523419'
RESERVED = set(A2_PHONES + A4_PHONES + [A3_CONTACT, COLLECTOR])

SURN = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤')
GIV = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰梅琴云莲真环雪荣爱妹香月莺媛凤洁琳素云莉蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽峰志国建文辉力明永健世广海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘')
PREF = ['130','131','132','133','134','135','136','137','138','139','147','150','151','152','153','155','156','157','158','159','166','171','173','175','176','177','178','180','181','182','183','184','185','186','187','188','189','191','193','195','198','199']
used_phones = set(RESERVED)
def new_phone():
    while True:
        p = random.choice(PREF) + ''.join(random.choice('0123456789') for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p
used_names = set()
def new_name():
    while True:
        n = random.choice(SURN) + ''.join(random.choice(GIV) for _ in range(random.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n
def res_ip():
    return '%d.%d.%d.%d' % (random.choice([36,39,42,49,58,101,106,110,112,113,114,117,119,120,122,123,124,125,171,175,180,182,202,211,218,220,221,222,223]),
                            random.randint(1,254), random.randint(0,254), random.randint(2,253))
used_dev = set(A1_SHARED_DEV + A4_DEV)
def new_dev():
    while True:
        d = 'dev_' + ''.join(random.choice('0123456789abcdef') for _ in range(12))
        if d not in used_dev:
            used_dev.add(d); return d

customers = {}   # id -> row dict
cust_seq = [0]
def new_customer(first_time, kind, phone=None):
    """kind: 'ok' (not overdue), 'near' (due in 0-3 days), 'overdue', 'near_or_overdue'"""
    cust_seq[0] += 1
    cid = 'C%05d' % (10000 + cust_seq[0] * 7)
    d = first_time.date()
    if kind == 'near_or_overdue':
        kind = random.choice(['near', 'overdue', 'overdue'])
    if kind == 'ok':
        nd, od = d + dt.timedelta(days=random.randint(4, 28)), 0
    elif kind == 'near':
        nd, od = d + dt.timedelta(days=random.randint(0, 3)), 0
    elif isinstance(kind, tuple):   # ('gap', n): due exactly n days after the complaint
        nd, od = d + dt.timedelta(days=kind[1]), 0
    elif kind == 'near13':
        nd, od = d + dt.timedelta(days=random.randint(1, 3)), 0
    else:  # overdue
        od = kind if isinstance(kind, int) else random.randint(4, 75)
        nd = d - dt.timedelta(days=od)
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=phone or new_phone(),
                          principal=random.randrange(2000, 50001, 100), next_due_date=nd.isoformat(), overdue_days=od)
    return cid

def rand_time(a, b):
    s = random.uniform(a.timestamp(), b.timestamp())
    return dt.datetime.fromtimestamp(int(s), TZ)
def T(y, mo, d, h=0, mi=0):
    return dt.datetime(y, mo, d, h, mi, tzinfo=TZ)
def daytime_between(a, b):
    while True:
        t = rand_time(a, b)
        if 7 <= t.hour <= 23:
            return t

records = []  # complaint dicts without id
def add(t, channel, cid, phone, text, group, campaign, intent, ip=None, dev=None):
    r = dict(received_at=t.isoformat(), channel=channel, customer_id=cid, phone=phone, text=text)
    if ip: r['ip'] = ip
    if dev: r['device_id'] = dev
    records.append((r, group, campaign, intent))

def split(l):
    ch, tx = l.split('|', 1)
    return ch, tx

# ---------------------------------------------------------------- agency_a1
# borrowers' own phones & devices; only ties: 4 evening filing sessions,
# office IP block 183.14.29.0/24 (~2/3 of filings), 2 shared devices (4 filings each)
a1 = lines('a1.txt'); random.shuffle(a1)
sessions = [T(2026,9,24,19,30), T(2026,10,13,19,40), T(2026,10,29,19,20), T(2026,11,10,19,35)]
shared_slots = set(random.sample(range(len(a1)), 8))
shared_map = {}
for k, i in enumerate(sorted(shared_slots)):
    shared_map[i] = A1_SHARED_DEV[k % 2]
for i, l in enumerate(a1):
    ch, tx = split(l)
    s = sessions[i % 4]
    t = s + dt.timedelta(minutes=random.randint(0, 130), seconds=random.randint(0, 59))
    cid = new_customer(t, 'near_or_overdue')
    ph = customers[cid]['phone']
    office = (i in shared_map) or random.random() < 0.6
    ip = A1_OFFICE + str(random.randint(10, 90)) if office else res_ip()
    dev = None
    if ch == 'app':
        dev = shared_map.get(i) or new_dev()
    add(t, ch, cid, ph, tx, 'agency_a1', 'agency_a1', 'agency_package', ip, dev)

# ---------------------------------------------------------------- agency_a2
# poses as relatives / lawyers / "legal consultants" from 3 phones; USCC as 执业证号
a2 = lines('a2.txt')
a2_days = [T(2026,9,18), T(2026,9,29), T(2026,10,10), T(2026,10,16), T(2026,10,22), T(2026,10,30), T(2026,11,4), T(2026,11,9), T(2026,11,12)]
for i, l in enumerate(a2):
    ch, tx = split(l)
    day = a2_days[i % len(a2_days)]
    t = day + dt.timedelta(hours=random.randint(9, 17), minutes=random.randint(0, 59), seconds=random.randint(0, 59))
    cid = new_customer(t, 'overdue')
    tx = tx.replace('{name}', customers[cid]['name'])
    ph = next((p for p in A2_PHONES if p in tx), None) or random.choice(A2_PHONES)
    ip = A2_EMAIL_IP + str(random.randint(20, 60)) if ch == 'email' else None
    add(t, ch, cid, ph, tx, 'agency_a2', 'agency_a2', 'representative', ip)

# ---------------------------------------------------------------- agency_a3
# individually reworded texts, one contact (19157328806) in many written forms;
# filed from the borrowers' own phones/devices, spread over the whole period
a3 = lines('a3.txt')
for l in a3:
    ch, tx = split(l)
    t = daytime_between(T(2026,9,16), T(2026,11,14,22))
    cid = new_customer(t, 'near_or_overdue')
    ph = customers[cid]['phone']
    ip = res_ip() if ch in ('app', 'email') else None
    dev = new_dev() if ch == 'app' else None
    add(t, ch, cid, ph, tx, 'agency_a3', 'agency_a3', 'agency_package', ip, dev)

# ---------------------------------------------------------------- agency_a4
# copy-paste script with small edits; bursts 1-3 days before borrowers' due dates,
# filed from 2 agency phones, office IP 61.141.88.0/24 and 3 agency devices
a4 = lines('a4.txt')
bursts = [T(2026,9,27,14,0), T(2026,10,12,10,30), T(2026,10,25,15,0), T(2026,11,6,9,40), T(2026,11,13,16,10)]
for i, l in enumerate(a4):
    ch, tx = split(l)
    b = bursts[i % len(bursts)]
    t = b + dt.timedelta(minutes=random.randint(0, 95), seconds=random.randint(0, 59))
    cid = new_customer(t, 'near13' if random.random() < 0.75 else 'overdue')
    ph = next((p for p in A4_PHONES if p in tx), None) or random.choice(A4_PHONES)
    ip = A4_OFFICE + str(random.randint(100, 140)) if ch in ('app', 'email') else None
    dev = random.choice(A4_DEV) if ch == 'app' else None
    add(t, ch, cid, ph, tx, 'agency_a4', 'agency_a4', 'agency_package', ip, dev)

# ---------------------------------------------------------------- incidents
# texts that name a clock time must be filed after it (hh, mm earliest; optional latest)
TIME_HINTS = [('2:07至3:40', (3, 41)), ('夜里3点40', (3, 41)), ('三点半了', (3, 31)), ('凌晨四点刚到家', (4, 1)),
              ('四点了，整晚没睡', (4, 1)), ('三点十五', (3, 15), (3, 30)), ('两点五十', (2, 51)), ('凌晨3点后', (3, 5)),
              ('快三点了', (2, 45), (2, 59)), ('两点半给我打电话', (2, 31)), ('凌晨2点10分起', (2, 11)), ('凌晨约2点半起', (2, 31)),
              ('半夜三点你们打到', (3, 1)), ('凌晨三点，第六个', (3, 1)), ('两点到现在', (2, 40)),
              ('10点多登录', (10, 35)), ('11时许', (11, 10)), ('下午1点左右', (13, 10)), ('一个多小时了', (11, 30)),
              ('今天中午', (12, 5)), ('午休时', (12, 5)), ('下午还要打印', (10, 20), (11, 59))]
def incident(fn, a, b, name):
    for l in lines(fn):
        ch, tx = split(l)
        lo_, hi_ = a, b
        for h in TIME_HINTS:
            if h[0] in tx:
                lo_ = max(a, a.replace(hour=h[1][0], minute=h[1][1]))
                if len(h) > 2: hi_ = min(b, a.replace(hour=h[2][0], minute=h[2][1]))
        t = rand_time(lo_, hi_)
        cid = new_customer(t, random.choice(['ok'] * 6 + ['near', 'overdue']))
        ph = customers[cid]['phone']
        ip = res_ip() if ch in ('app', 'email') else None
        dev = new_dev() if ch == 'app' else None
        add(t, ch, cid, ph, tx, name, None, 'grievance', ip, dev)
incident('inc_contract.txt', T(2026,10,8,10,20), T(2026,10,8,15,20), 'incident_contract_leak')
incident('inc_night.txt', T(2026,10,27,2,5), T(2026,10,27,5,0), 'incident_night_push')

# ---------------------------------------------------------------- singles
DATE_HINTS = [('9月20日申请提前结清', T(2026,9,21,8)), ('10月3日通过APP还款', T(2026,10,4,8)),
              ('10月15日下午', T(2026,10,16,8)), ('自10月20日起', T(2026,10,25,8))]
def singles(fn, group, intent, kind_fn, tr=(T(2026,9,15,8), T(2026,11,15,22))):
    for l in lines(fn):
        ch, tx = split(l)
        a, b = tr
        for key, after in DATE_HINTS:
            if key in tx: a = max(a, after)
        t = daytime_between(a, b)
        cid = new_customer(t, kind_fn())
        ph = customers[cid]['phone']
        ip = res_ip() if ch in ('app', 'email') else None
        dev = new_dev() if ch == 'app' else None
        add(t, ch, cid, ph, tx, group, None, intent, ip, dev)
singles('grievance.txt', 'grievance', 'grievance', lambda: random.choice(['ok'] * 8 + ['near', 'overdue']))
singles('collector.txt', 'collector_cited', 'grievance', lambda: random.randint(2, 20), (T(2026,9,20,8), T(2026,11,12,22)))
singles('background.txt', 'background', 'other', lambda: 'ok')

# hardship: N = filed 0-3 days before due date
for l in lines('hardship.txt'):
    flag, rest = l.split('|', 1)
    ch, tx = split(rest)
    t = daytime_between(T(2026,9,15,8), T(2026,11,15,22))
    fixed_due = {'还款日是10月20号': dt.date(2026,10,20), '还款日是11月3日': dt.date(2026,11,3)}
    for key, due in fixed_due.items():
        if key in tx:
            g_ = random.randint(0, 3)
            t = T(due.year, due.month, due.day, random.randint(8, 22), random.randint(0, 59)) - dt.timedelta(days=g_)
    if '本周五（三天后）' in tx:   # move to a Tuesday
        while t.weekday() != 1: t = t - dt.timedelta(days=1)
    if flag == 'N':
        gap = next((((due - t.date()).days) for k_, due in fixed_due.items() if k_ in tx), None)
        if gap is None: gap = 0 if '今天' in tx else 1 if ('明天' in tx or '次日' in tx) else 2 if ('后天' in tx or '两天' in tx) else 3 if '三天' in tx else random.randint(0, 3)
        kind = ('gap', gap)
    else:
        kind = random.randint(5, 70)
    cid = new_customer(t, kind)
    ph = customers[cid]['phone']
    ip = res_ip() if ch in ('app', 'email') else None
    dev = new_dev() if ch == 'app' else None
    add(t, ch, cid, ph, tx, 'hardship', None, 'hardship', ip, dev)

# families: members share the first member's phone (and one device) when filing
fam = {}
for l in lines('family.txt'):
    g, rest = l.split('|', 1)
    fam.setdefault(g, []).append(split(rest))
share_reg_phone = {'F1', 'F3', 'F5', 'F7', 'F10'}   # same registered phone in customers.csv
for g, items in fam.items():
    t0 = daytime_between(T(2026,9,16,8), T(2026,11,14,20))
    fam_phone = new_phone()
    fam_dev = new_dev()
    fam_ip = res_ip()
    cids = []
    # F5 / F8: the third text is the same person again (F8) or a parent (F5)
    for k, (ch, tx) in enumerate(items):
        if (g == 'F8' or g == 'F5') and k == 2:
            cid = cids[0]   # F8: same sister again; F5: mother calls about father's account
        else:
            cid = new_customer(t0, ('gap', 1) if (g == 'F4' and k == 0) else random.choice(['ok', 'ok', 'ok', 'near', 2]),
                               phone=fam_phone if (k == 0 or g in share_reg_phone) else None)
            cids.append(cid)
        t = t0 + dt.timedelta(minutes=k * random.randint(3, 40), seconds=random.randint(0, 59))
        ip = fam_ip if ch in ('app', 'email') else None
        dev = fam_dev if ch == 'app' else None
        add(t, ch, cid, fam_phone, tx, 'family', None, 'grievance', ip, dev)

# repeats: 5 customers x 3 complaints, several days apart
rep = {}
for l in lines('repeat.txt'):
    g, rest = l.split('|', 1)
    rep.setdefault(g, []).append(split(rest))
for g, items in rep.items():
    t = daytime_between(T(2026,10,5,8), T(2026,10,12,20)) if g == 'R5' else daytime_between(T(2026,9,16,8), T(2026,10,15,20))
    cid = new_customer(t, 'ok')
    ph = customers[cid]['phone']
    dev = new_dev()
    for ch, tx in items:
        ip = res_ip() if ch in ('app', 'email') else None
        add(t, ch, cid, ph, tx, 'repeat', None, 'grievance', ip, dev if ch == 'app' else None)
        t = t + dt.timedelta(days=random.randint(5, 12), minutes=random.randint(-200, 200))

# ---------------------------------------------------------------- write complaints
random.shuffle(records)
campaigns, groups, intents = {}, {}, {}
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for n, (r, g, c, it) in enumerate(records, 1):
        cid = 'B3-%06d' % n
        row = dict(complaint_id=cid); row.update(r)
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
        campaigns[cid] = c; groups[cid] = g; intents[cid] = it
with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    w.writeheader()
    for cid in sorted(customers):
        w.writerow(customers[cid])

organizers = {
    'agency_a1': A1_SHARED_DEV + [A1_HANDLE],
    'agency_a2': A2_PHONES + A2_USCC,
    'agency_a3': [A3_CONTACT],
    'agency_a4': A4_PHONES + [A4_QQ] + A4_DEV + [A4_CARD],
}
with open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8') as f:
    json.dump(dict(campaigns=campaigns, organizers=organizers, groups=groups, complaint_intent=intents),
              f, ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- posts
plines = lines('posts.txt')
order = list(range(len(plines)))
random.shuffle(order)
posts, ptruth = [], {}
for n, i in enumerate(order, 1):
    intent, ag, plat, acct, contacts, text = plines[i].split('|', 5)
    text = text.strip()
    if '10月8日电子合同' in text:
        t = rand_time(T(2026,10,8,18), T(2026,10,9,12))
    elif '10月27日凌晨' in text:
        t = rand_time(T(2026,10,27,10), T(2026,10,27,20))
    elif '合同里看到别人' in text or '电子合同展示错误' in text:
        t = rand_time(T(2026,10,8,13), T(2026,10,10,20))
    elif '凌晨的催款短信' in text:
        t = rand_time(T(2026,10,27,6), T(2026,10,28,20))
    else:
        t = daytime_between(T(2026,9,10,8), T(2026,11,20,23))
    pid = 'B3-P%04d' % n
    posts.append(dict(post_id=pid, platform=plat, account=acct, posted_at=t.isoformat(), text=text))
    cl = [c.strip().lower() for c in contacts.split(',') if c.strip()]
    ptruth[pid] = dict(intent=intent, is_ad=intent in ('service_ad', 'recruitment'), contacts=cl,
                       agency=None if ag == 'null' else 'agency_' + ag)
posts.sort(key=lambda p: p['post_id'])
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for p in posts:
        f.write(json.dumps(p, ensure_ascii=False) + '\n')
with open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8') as f:
    json.dump(dict(posts=ptruth), f, ensure_ascii=False, indent=1)
print('complaints', len(records), 'customers', len(customers), 'posts', len(posts))
