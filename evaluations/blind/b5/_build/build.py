#!/usr/bin/env python3
"""Assemble the b5 blind set from hand-written texts in _build/texts/.
Only assigns ids, timestamps, phones, devices, IPs and customer rows. Fixed seed."""
import csv, json, os, random, re
from datetime import datetime, timedelta, timezone, date

random.seed(20261130)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TX = os.path.join(HERE, 'texts')
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 6, 1, 0, 0, tzinfo=TZ)
END = datetime(2026, 7, 31, 23, 59, 59, tzinfo=TZ)


def read_blocks(name):
    raw = open(os.path.join(TX, name), encoding='utf-8').read()
    out = []
    for b in raw.split('\n@@\n'):
        b = b.strip('\n')
        if not b.strip():
            continue
        lines = b.split('\n')
        tag = None
        if lines[0].startswith('%%') or lines[0].startswith('#'):
            tag = lines[0]
            lines = lines[1:]
        out.append((tag, '\n'.join(lines).strip()))
    return out

# ---------------- identity helpers ----------------
SURN = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢')
GIV1 = list('建国秀志海明永晓春小文俊丽红伟玉家子雪佳梦思雨欣浩宇嘉婷静敏军鹏亚立金桂凤新宏德云博天瑞晨丹慧美')
GIV2 = list('华平强芳军杰娟英敏辉涛磊波霞燕琳婷洋勇峰超刚宁颖琴飞斌亮鑫瑶萍蕾晶彤萱轩涵阳龙林莉凯珍兰梅')
used_names = set()

def mkname(surname=None):
    while True:
        s = surname or random.choice(SURN)
        if random.random() < 0.35:
            n = s + random.choice(GIV1 + GIV2)
        else:
            n = s + random.choice(GIV1) + random.choice(GIV2)
        if n not in used_names or surname:
            used_names.add(n)
            return n

PREF = ['130','131','132','133','135','136','137','138','139','150','151','152','155','156','157','158','159','166','173','175','176','177','178','180','181','182','183','185','186','187','188','189','191','193','195','198','199']
RESERVED = {'15989214476','13544870192','18665903218','13826107753','17620339581','18720463315','17085529016'}
used_phones = set(RESERVED)

def mkphone():
    while True:
        p = random.choice(PREF) + ''.join(random.choice('0123456789') for _ in range(8))
        if p not in used_phones:
            used_phones.add(p)
            return p

used_dev = set()
def mkdev():
    while True:
        d = ''.join(random.choice('0123456789abcdef') for _ in range(16))
        if d not in used_dev:
            used_dev.add(d); return d

IP1 = [36,39,58,59,60,61,101,106,110,111,112,113,114,115,116,117,119,120,121,122,123,124,125,171,175,180,182,202,211,218,219,220,221,222,223]
def mkip():
    return '%d.%d.%d.%d' % (random.choice(IP1), random.randint(1, 254), random.randint(0, 255), random.randint(2, 254))

OFFICE = '183.222.87'
def office_ip():
    return '%s.%d' % (OFFICE, random.choice([11, 12, 14, 23, 37, 38, 52, 66, 101, 102, 118]))

customers = {}
cust_seq = []
def mkcust(name=None, phone=None, principal=None, due=None, overdue=0, surname=None):
    while True:
        cid = 'XH%08d' % random.randint(10000000, 99999999)
        if cid not in customers:
            break
    customers[cid] = dict(customer_id=cid, name=name or mkname(surname), phone=phone or mkphone(),
                          principal=principal or random.choice(range(2000, 60001, 100)),
                          next_due_date=due.isoformat() if due else None, overdue_days=overdue)
    cust_seq.append(cid)
    return cid

def rand_day_time(day, h0=8, h1=22):
    return datetime(day.year, day.month, day.day, tzinfo=TZ) + timedelta(seconds=random.randint(h0 * 3600, h1 * 3600))

def rand_dt(d0=date(2026, 6, 1), d1=date(2026, 7, 31), h0=8, h1=22):
    n = (d1 - d0).days
    return rand_day_time(d0 + timedelta(days=random.randint(0, n)), h0, h1)

def random_due(ref):
    # a future due date within a month, not an agency-like window in most cases
    return (ref + timedelta(days=random.randint(8, 30))).date()

complaints = []
def add(cid, received, channel, text, group, intent, agency=None, phone=None, ip=None, dev=None):
    assert START <= received <= END, (received, text[:20])
    c = dict(received_at=received.isoformat(timespec='seconds'), channel=channel, customer_id=cid,
             phone=phone or customers[cid]['phone'], text=text)
    if ip and channel == 'app':
        c['ip'] = ip
    if dev and channel == 'app':
        c['device_id'] = dev
    complaints.append((c, group, intent, agency))

def agency_customer(filing):
    """overdue, or within 7 days of a due date"""
    if random.random() < 0.55:
        od = random.randint(3, 120)
        return mkcust(due=(filing - timedelta(days=od)).date(), overdue=od,
                      principal=random.choice(range(8000, 90001, 100)))
    return mkcust(due=(filing + timedelta(days=random.randint(0, 7))).date(), overdue=0,
                  principal=random.choice(range(8000, 90001, 100)))

def chan_of(tag, text, default='app'):
    if tag and tag.startswith('%%'):
        return tag[2:].split('|')[0]
    if text.startswith('客户来电反映'):
        return 'hotline'
    return default

# ---------------- agency A: coached borrowers, own phones ----------------
A = read_blocks('agency_a.txt')
assert len(A) == 38
A_DEVS = [mkdev() for _ in range(3)]
sessions = [(datetime(2026, 6, 10, 19, 30, tzinfo=TZ), 3.0), (datetime(2026, 6, 24, 8, 30, tzinfo=TZ), 3.0),
            (datetime(2026, 7, 8, 19, 0, tzinfo=TZ), 3.0), (datetime(2026, 7, 22, 9, 0, tzinfo=TZ), 2.5)]
a_channels = ['app'] * 28 + ['hotline'] * 7 + ['regulator'] * 3
random.shuffle(a_channels)
app_idx = [i for i, ch in enumerate(a_channels) if ch == 'app']
office_set = set(random.sample(app_idx, 19))
shared_plan = []
for d, k in zip(A_DEVS, [2, 3, 4]):
    shared_plan += [d] * k
# shared devices: mostly on office IP (7 of 9)
off_list = [i for i in app_idx if i in office_set]
non_off = [i for i in app_idx if i not in office_set]
shared_slots = random.sample(off_list, 7) + random.sample(non_off, 2)
random.shuffle(shared_slots)
shared_dev_for = dict(zip(shared_slots, shared_plan))
for i, (tag, text) in enumerate(A):
    s0, hrs = sessions[i % 4]
    filing = s0 + timedelta(seconds=random.randint(0, int(hrs * 3600)))
    cid = agency_customer(filing)
    ch = a_channels[i]
    recv = filing + timedelta(days=random.randint(1, 5), hours=random.randint(0, 8)) if ch == 'regulator' else filing
    if ch == 'regulator':
        text = '【金融监管局转办】投诉人反映：' + text
    elif ch == 'hotline':
        text = '客户来电反映：（按客户原话记录）' + text
    ip = office_ip() if i in office_set else mkip()
    dev = shared_dev_for.get(i) or mkdev()
    add(cid, recv, ch, text, 'agency_a', 'agency_package', 'agency_a', ip=ip, dev=dev)

# ---------------- agency B: personal bank card, agency phones ----------------
B = read_blocks('agency_b.txt')
assert len(B) == 40
B_PH = ['15989214476', '13544870192', '18665903218']
B_DEV = {p: mkdev() for p in B_PH}
for i, (tag, text) in enumerate(B):
    while True:
        filing = rand_dt(h0=9, h1=18)
        if filing.weekday() < 6:
            break
    cid = agency_customer(filing)
    ch = chan_of(tag, text, default=random.choice(['app', 'app', 'app', 'email']))
    ph = B_PH[[0, 0, 1, 1, 2][i % 5]]
    add(cid, filing, ch, text, 'agency_b', 'agency_package', 'agency_b', phone=ph,
        ip=mkip() if ch == 'app' else None, dev=B_DEV[ph] if ch == 'app' else None)

# ---------------- agency C: fake lawyers/法务 ----------------
C = read_blocks('agency_c.txt')
assert len(C) == 34
C_PH = ['13826107753', '17620339581']
for i, (tag, text) in enumerate(C):
    while True:
        filing = rand_dt(h0=9, h1=18)
        if filing.weekday() < 5:
            break
    cid = agency_customer(filing)
    ch = chan_of(tag, text)
    ph = '17620339581' if ('17620339581' in text or (i % 3 == 2 and '13826107753' not in text)) else '13826107753'
    recv = filing + timedelta(days=random.randint(2, 4)) if ch == 'other' else filing
    if recv > END:
        recv = filing
    add(cid, recv, ch, text, 'agency_c', 'representative', 'agency_c', phone=ph)

# ---------------- agency D: reworded, disguised contact, 1-5 days before due ----------------
D = read_blocks('agency_d.txt')
assert len(D) == 42
for i, (tag, text) in enumerate(D):
    filing = rand_dt(date(2026, 6, 2), date(2026, 7, 25), 7, 23)
    due = (filing + timedelta(days=random.randint(1, 5))).date()
    cid = mkcust(due=due, overdue=0, principal=random.choice(range(5000, 70001, 100)))
    ch = chan_of(tag, text)
    recv = filing + timedelta(days=random.randint(1, 5), hours=random.randint(0, 6)) if ch == 'regulator' else filing
    add(cid, recv, ch, text, 'agency_d', 'agency_package', 'agency_d', ip=mkip(), dev=mkdev())

# ---------------- incidents ----------------
def incident(fname, n, t0, hours, gname):
    blocks = read_blocks(fname)
    assert len(blocks) == n, (fname, len(blocks))
    for tag, text in blocks:
        t = t0 + timedelta(seconds=random.randint(0, int(hours * 3600)))
        cid = mkcust(due=random_due(t), overdue=0)
        ch = chan_of(tag, text)
        add(cid, t, ch, text, gname, 'grievance', ip=mkip(), dev=mkdev())

incident('incident_freeze.txt', 55, datetime(2026, 6, 18, 10, 5, tzinfo=TZ), 4.0, 'incident_limit_freeze')
incident('incident_coupon.txt', 34, datetime(2026, 7, 15, 20, 0, tzinfo=TZ), 2.0, 'incident_coupon_not_applied')

# ---------------- genuine grievances ----------------
for tag, text in read_blocks('grievance.txt'):
    t = rand_dt()
    od = random.choice([0] * 8 + [1, 2, 3])
    cid = mkcust(due=(t - timedelta(days=od)).date() if od else random_due(t), overdue=od)
    ch = chan_of(tag, text)
    add(cid, t, ch, text, 'grievance', 'grievance', ip=mkip(), dev=mkdev())

# ---------------- hardship ----------------
H = read_blocks('hardship.txt')
assert len(H) == 40
near = [2, 3, 1, 1, 2, 3, 0, 3, 2, 3, 1, 1, 2]
overd = {13: 13, 14: 9, 15: 22, 16: 0, 17: 16, 18: 27, 19: 31, 20: 8, 21: 0, 22: 0, 23: 0, 24: 17, 25: 24, 26: 0,
         27: 19, 28: 11, 29: 5, 30: 0, 31: 44, 32: 21, 33: 0, 34: 45, 35: 63, 36: 12, 37: 0, 38: 56, 39: 33}
for i, (tag, text) in enumerate(H):
    t = rand_dt(h0=7, h1=23)
    if i < len(near):
        cid = mkcust(due=(t + timedelta(days=near[i])).date(), overdue=0)
    else:
        od = overd[i]
        cid = mkcust(due=(t - timedelta(days=od)).date() if od else random_due(t), overdue=od)
    ch = chan_of(tag, text)
    add(cid, t, ch, text, 'hardship', 'hardship', ip=mkip(), dev=mkdev())

# ---------------- families ----------------
fam = {}
for tag, text in read_blocks('family.txt'):
    ch, intent, fid, mode, surname = tag[2:].split('|')
    fam.setdefault(fid, []).append((ch, intent, mode, surname, text))
OWN_PHONE_FAMS = {'F1', 'F7', 'F10'}  # members have own numbers but file from one relative's phone
for fid, members in fam.items():
    mode = members[0][2]
    day = date(2026, 6, 1) + timedelta(days=random.randint(0, 59))
    t = rand_day_time(day, 9, 20)
    home_ip = mkip()
    shared_dev = mkdev()
    shared_phone = mkphone()
    for k, (ch, intent, _m, surname, text) in enumerate(members):
        od = random.choice([0, 0, 0, 2, 6])
        due = (t - timedelta(days=od)).date() if od else random_due(t)
        if mode == 'phone':
            cphone = mkphone() if fid in OWN_PHONE_FAMS and k < len(members) else shared_phone
            if fid in OWN_PHONE_FAMS and k == 0:
                cphone = shared_phone
            cid = mkcust(surname=surname, phone=cphone, due=due, overdue=od)
            add(cid, t, ch, text, 'family', intent, phone=shared_phone, ip=home_ip, dev=shared_dev)
        else:
            cid = mkcust(surname=surname, due=due, overdue=od)
            add(cid, t, ch, text, 'family', intent, ip=home_ip, dev=shared_dev)
        t = t + timedelta(minutes=random.randint(4, 90))

# ---------------- collector cited ----------------
for tag, text in read_blocks('collector.txt'):
    t = rand_dt(h0=7, h1=23)
    od = random.randint(1, 9)
    cid = mkcust(due=(t - timedelta(days=od)).date(), overdue=od)
    add(cid, t, chan_of(tag, text), text, 'collector_cited', 'grievance', ip=mkip(), dev=mkdev())

# ---------------- repeat complainers ----------------
rep = {}
for tag, text in read_blocks('repeat.txt'):
    ch, rid = tag[2:].split('|')
    rep.setdefault(rid, []).append((ch, text))
for rid, items in rep.items():
    t = rand_dt(date(2026, 6, 1), date(2026, 6, 30))
    cid = mkcust(due=random_due(t), overdue=0)
    dev = mkdev()
    for ch, text in items:
        add(cid, t, ch, text, 'repeat', 'grievance', ip=mkip(), dev=dev)
        t = t + timedelta(days=random.randint(5, 12), hours=random.randint(-5, 5))

# ---------------- background ----------------
for tag, text in read_blocks('background.txt'):
    t = rand_dt()
    cid = mkcust(due=random_due(t), overdue=0)
    add(cid, t, chan_of(tag, text), text, 'background', 'other', ip=mkip(), dev=mkdev())

# ---------------- write complaints ----------------
random.shuffle(complaints)
campaigns, groups, cintent = {}, {}, {}
with open(os.path.join(OUT, 'complaints.jsonl'), 'w', encoding='utf-8') as f:
    for n, (c, g, it, ag) in enumerate(complaints, 1):
        cid = 'B5-%06d' % n
        row = dict(complaint_id=cid)
        row.update(c)
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
        campaigns[cid] = ag
        groups[cid] = g
        cintent[cid] = it

with open(os.path.join(OUT, 'customers.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f)
    w.writerow(['customer_id', 'name', 'phone', 'principal', 'next_due_date', 'overdue_days'])
    for cid in sorted(customers):
        r = customers[cid]
        w.writerow([cid, r['name'], r['phone'], r['principal'], r['next_due_date'], r['overdue_days']])

organizers = {
    'agency_a': A_DEVS + [OFFICE + '.0/24'],
    'agency_b': B_PH + [B_DEV[p] for p in B_PH] + ['6217003760014482915'],
    'agency_c': C_PH + ['91440106MA5D8QKX7B'],
    'agency_d': ['18720463315'],
}
json.dump(dict(campaigns=campaigns, organizers=organizers, groups=groups, complaint_intent=cintent),
          open(os.path.join(OUT, 'truth.json'), 'w', encoding='utf-8'), ensure_ascii=False, indent=1)

# ---------------- posts ----------------
posts = read_blocks('posts.txt')
random.shuffle(posts)
ptruth = {}
with open(os.path.join(OUT, 'posts.jsonl'), 'w', encoding='utf-8') as f:
    for n, (tag, text) in enumerate(posts, 1):
        plat, acct, intent, ag, contacts = tag[1:].split('|')
        pid = 'B5P-%04d' % n
        t = rand_dt(h0=6, h1=24)
        if t > END:
            t = END - timedelta(minutes=random.randint(1, 300))
        f.write(json.dumps(dict(post_id=pid, platform=plat, account=acct,
                                posted_at=t.isoformat(timespec='seconds'), text=text), ensure_ascii=False) + '\n')
        ptruth[pid] = dict(intent=intent, is_ad=intent in ('service_ad', 'recruitment'),
                           contacts=[x.strip().lower() for x in contacts.split(',') if x.strip()],
                           agency=None if ag == '-' else ag)
json.dump(dict(posts=ptruth), open(os.path.join(OUT, 'posts_truth.json'), 'w', encoding='utf-8'),
          ensure_ascii=False, indent=1)
print('complaints', len(complaints), 'customers', len(customers), 'posts', len(posts))
