# -*- coding: utf-8 -*-
"""Assembles the hand-written texts into files. Assigns ids, times, phones, devices, IPs, customer rows.
Standard library only; fixed seed."""
import json, random, csv, os, sys
from datetime import datetime, timedelta, date, timezone
sys.path.insert(0, os.path.dirname(__file__))
from texts_agency import HZ, AX, ZX
from texts_genuine import FAKE_SMS, MEMBER_FEE, GRIEVANCE, HARDSHIP, FAMILIES, COLLECTOR, REPEAT, BACKGROUND

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = random.Random(20260801)
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 8, 1, 0, 0, 0, tzinfo=TZ)
END = datetime(2026, 9, 30, 23, 59, 59, tzinfo=TZ)

AGENCY_PHONES = ["13912887650", "18621450937", "15800736412"]
COLLECTOR_NO = "17085532194"
PREF = ["130","131","132","133","135","136","137","138","139","150","151","152","155","156","157","158","159",
        "173","176","177","178","180","181","182","183","185","186","187","188","189","191","198","199"]
used_phones = set(AGENCY_PHONES) | {COLLECTOR_NO}
def new_phone():
    while True:
        p = R.choice(PREF) + "".join(R.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p
used_dev = set()
def new_dev():
    while True:
        d = "dev-" + "".join(R.choice("0123456789abcdef") for _ in range(12))
        if d not in used_dev:
            used_dev.add(d); return d
MOBILE_NETS = ["112.97", "117.136", "223.104", "39.144", "111.18", "120.229", "101.88", "27.38", "36.112", "114.250"]
def mobile_ip():
    return "%s.%d.%d" % (R.choice(MOBILE_NETS), R.randint(0, 255), R.randint(1, 254))

SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏飞鑫婷雪琳晨欣怡佳俊峰海波亮志新春梅兰凤云霞庆东林成国荣健"
used_names = set()
def new_name():
    while True:
        n = R.choice(SUR) + "".join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n
used_cid = set()
customers = {}
def new_customer(phone=None, due=None, overdue=0):
    while True:
        cid = "C%07d" % R.randint(1000000, 9999999)
        if cid not in used_cid:
            used_cid.add(cid); break
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=phone or new_phone(),
                          principal=R.choice([1000,1500,2000,3000,3000,5000,5000,6000,8000,10000,12000,15000,20000,30000]),
                          next_due_date=due.isoformat() if due else None, overdue_days=overdue)
    return cid

def at(d, h, m, s=None):
    return datetime(d.year, d.month, d.day, h, m, R.randint(0, 59) if s is None else s, tzinfo=TZ)
def rand_time(d0=date(2026, 8, 1), d1=date(2026, 9, 30)):
    d = d0 + timedelta(days=R.randint(0, (d1 - d0).days))
    h = R.choices(range(24), weights=[1,1,0,0,0,0,1,3,6,9,10,9,8,8,9,9,8,7,6,7,8,7,5,3])[0]
    return at(d, h, R.randint(0, 59))
def due_for(t, soon_p):
    """returns (next_due_date, overdue_days) relative to filing time t"""
    if R.random() < soon_p:
        return t.date() + timedelta(days=R.randint(1, 4)), 0
    od = R.randint(3, 60)
    return t.date() - timedelta(days=od), od

def chan_from_text(text, default="app"):
    for pre, ch in [("客户来电反映", "hotline"), ("邮件：", "email"), ("监管转办", "regulator"), ("社交平台：", "social")]:
        if text.startswith(pre):
            if pre in ("邮件：", "社交平台："):
                text = text[len(pre):]
            return ch, text
    return default, text

recs = []   # dicts with received_at (datetime), channel, customer_id, phone, text, ip, device_id, group, campaign, intent
def add(t, ch, cid, phone, text, group, intent, campaign=None, ip=None, dev=None):
    assert START <= t <= END, t
    recs.append(dict(t=t, channel=ch, customer_id=cid, phone=phone, text=text, ip=ip, device_id=dev,
                     group=group, campaign=campaign, intent=intent))

def session_times(days, h0, m0, h1, m1, n):
    out = []
    for i in range(n):
        d = days[i % len(days)]
        a = h0 * 60 + m0; b = h1 * 60 + m1
        mm = R.randint(a, b)
        out.append(at(d, mm // 60, mm % 60))
    R.shuffle(out)
    return out

def agency_own_phone(aid, texts, days, window, ip_net, hosts, shared_counts, reg_idx, organizers):
    times = session_times(days, *window, len(texts))
    shared = [new_dev() for _ in shared_counts]
    organizers[aid] = [d for d in shared] + [ip_net + ".0/24"]
    # choose which app filings use shared devices
    order = list(range(len(texts)))
    R.shuffle(order)
    dev_assign = {}
    k = 0
    for dv, c in zip(shared, shared_counts):
        placed = 0
        while placed < c:
            i = order[k]; k += 1
            ch, _ = chan_from_text(texts[i])
            if ch == "app" and i not in reg_idx:
                dev_assign[i] = dv; placed += 1
    for i, text in enumerate(texts):
        t = times[i]
        ch, body = chan_from_text(text)
        due, od = due_for(t, 0.75)
        cid = new_customer(due=due, overdue=od)
        phone = customers[cid]["phone"]
        ip = dev = None
        if i in reg_idx:
            ch = "regulator"
            t = at(t.date() + timedelta(days=R.randint(1, 3)), R.randint(9, 16), R.randint(0, 59))
        else:
            if R.random() < 0.87 or i in dev_assign:
                ip = "%s.%d" % (ip_net, R.choice(hosts))
            else:
                ip = mobile_ip()
            if ch == "app":
                dev = dev_assign.get(i) or new_dev()
        add(t, ch, cid, phone, body, aid, "agency_package", aid, ip, dev)

organizers = {}
# agency_huizhi: evenings, office 183.14.202.0/24
agency_own_phone("agency_huizhi", HZ,
                 [date(2026, 8, 11), date(2026, 8, 25), date(2026, 9, 8), date(2026, 9, 22)],
                 (19, 30, 22, 30), "183.14.202", [11, 12, 17, 23, 46, 88, 102], [3, 3, 2],
                 {4, 11, 16, 22, 35, 36}, organizers)
organizers["agency_huizhi"].insert(0, "hz-youhua668")
# agency_anxin: mornings, office 221.228.97.0/24
agency_own_phone("agency_anxin", AX,
                 [date(2026, 8, 14), date(2026, 8, 28), date(2026, 9, 11), date(2026, 9, 25)],
                 (8, 40, 11, 40), "221.228.97", [5, 6, 9, 31, 33, 140], [3, 2, 3],
                 {2, 8, 10, 15, 23, 35}, organizers)
# agency_zhengxin: agency phones, weekday afternoons
zx_days = [date(2026, 8, 6), date(2026, 8, 13), date(2026, 8, 20), date(2026, 8, 27),
           date(2026, 9, 3), date(2026, 9, 10), date(2026, 9, 17), date(2026, 9, 24)]
zx_times = session_times(zx_days, 14, 0, 17, 30, len(ZX))
organizers["agency_zhengxin"] = list(AGENCY_PHONES) + ["58.211.33.0/24"]
for i, text in enumerate(ZX):
    t = zx_times[i]
    ch, body = chan_from_text(text, default="other")
    due, od = due_for(t, 0.6)
    cid = new_customer(due=due, overdue=od)
    phone = R.choices(AGENCY_PHONES, weights=[5, 3, 2])[0]
    ip = "58.211.33.%d" % R.choice([21, 22, 60]) if ch == "email" else None
    if ch == "regulator":
        t = at(t.date() + timedelta(days=R.randint(1, 4)), R.randint(9, 16), R.randint(0, 59))
    add(t, ch, cid, phone, body, "agency_zhengxin", "representative", "agency_zhengxin", ip, None)

def genuine(text, t, group, intent, cid=None, phone=None, dev=None, default="app", soon=None):
    ch, body = chan_from_text(text, default=default)
    if ch == "app" and default == "app" and R.random() < 0.08:
        ch = R.choice(["other", "social"])
    if cid is None:
        if soon is True:
            due, od = t.date() + timedelta(days=R.randint(0, 3)), 0
        elif soon is False:
            due, od = due_for(t, 0.0)
        else:
            due, od = due_for(t, 0.0) if R.random() < 0.3 else (t.date() + timedelta(days=R.randint(5, 28)), 0)
        cid = new_customer(phone=phone, due=due, overdue=od)
    phone = phone or customers[cid]["phone"]
    ip = d = None
    if ch == "app":
        ip = mobile_ip(); d = dev or new_dev()
    elif ch == "email":
        ip = mobile_ip()
    add(t, ch, cid, phone, body, group, intent, None, ip, d)
    return cid

# incidents
for text in FAKE_SMS:
    mm = int(min(239, R.expovariate(1 / 80.0)))
    t = datetime(2026, 8, 19, 8, 50, R.randint(0, 59), tzinfo=TZ) + timedelta(minutes=mm)
    genuine(text, t, "incident_fake_sms", "grievance")
for text in MEMBER_FEE:
    mm = R.randint(0, 119)
    t = datetime(2026, 9, 12, 19, 40, R.randint(0, 59), tzinfo=TZ) + timedelta(minutes=mm)
    genuine(text, t, "incident_member_fee", "grievance")
for text in GRIEVANCE:
    genuine(text, rand_time(), "grievance", "grievance")
for text, soon in HARDSHIP:
    genuine(text, rand_time(), "hardship", "hardship", soon=soon)
for kind, members in FAMILIES:
    shared_phone = new_phone()
    shared_dev = new_dev()
    for text, intent in members:
        t = rand_time()
        if kind == "phone":
            due, od = due_for(t, 0.0) if R.random() < 0.3 else (t.date() + timedelta(days=R.randint(3, 25)), 0)
            cid = new_customer(phone=shared_phone, due=due, overdue=od)
            ch, body = chan_from_text(text)
            add(t, ch, cid, shared_phone, body, "family", intent, None, mobile_ip(), shared_dev)
        else:
            cid = new_customer(due=t.date() + timedelta(days=R.randint(3, 25)), overdue=0)
            ch, body = chan_from_text(text)
            add(t, ch, cid, customers[cid]["phone"], body, "family", intent, None, mobile_ip(), shared_dev)
for text in COLLECTOR:
    t = rand_time(date(2026, 8, 10), date(2026, 9, 28))
    ch, body = chan_from_text(text)
    od = R.randint(2, 40)
    cid = new_customer(due=t.date() - timedelta(days=od), overdue=od)
    genuine(text, t, "collector_cited", "grievance", cid=cid)
for intent, texts in REPEAT:
    t = rand_time(date(2026, 8, 3), date(2026, 8, 25))
    cid = None
    for k, text in enumerate(texts):
        if cid is None:
            cid = genuine(text, t, "repeat", intent, soon=(True if intent == "hardship" else None))
        else:
            genuine(text, t, "repeat", intent, cid=cid)
        t = at(t.date() + timedelta(days=R.randint(7, 14)), R.randint(8, 22), R.randint(0, 59))
for text in BACKGROUND:
    intent = "other"
    genuine(text, rand_time(), "background", intent)

# shuffle and assign ids
R.shuffle(recs)
rows = []
truth = {"campaigns": {}, "organizers": organizers, "groups": {}, "complaint_intent": {}}
for n, r in enumerate(recs, 1):
    cid = "B4-%06d" % n
    row = {"complaint_id": cid, "received_at": r["t"].isoformat(), "channel": r["channel"],
           "customer_id": r["customer_id"], "phone": r["phone"], "text": r["text"]}
    if r["ip"]: row["ip"] = r["ip"]
    if r["device_id"]: row["device_id"] = r["device_id"]
    rows.append(row)
    truth["campaigns"][cid] = r["campaign"]
    truth["groups"][cid] = r["group"]
    truth["complaint_intent"][cid] = r["intent"]

with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    w.writeheader()
    for c in sorted(customers.values(), key=lambda c: c["customer_id"]):
        w.writerow(c)
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
print("complaints", len(rows), "customers", len(customers))
