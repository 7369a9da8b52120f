#!/usr/bin/env python3
"""Assemble the hand-written texts in _build/texts/ into the b2 evaluation files.

Only ids, timestamps, phone numbers, IPs, device ids and customer rows are
assigned here (fixed seed); every text was written by hand in texts/*.txt.
Standard library only.  Run:  python3 _build/build.py
"""
import json, os, random, re, csv
from datetime import datetime, timedelta, timezone, date

SEED = 20261130
rnd = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 10, 1, 0, 0, tzinfo=TZ)
END = datetime(2026, 11, 30, 23, 59, 59, tzinfo=TZ)

# ---------------------------------------------------------------- constants
AGENCY = {
    "A1": dict(phones=["13826419357", "18938250461"], uscc="91440106MA9UQ7LX3E"),
    "A2": dict(phones=["17729481063", "19951376240", "17729485512"], wechat="zwyh_8866",
               card="6222023611874409521", devices=["dev-5c1e9a7f30b2", "dev-5c1e9a7f31c4"],
               ipnet="116.23.88."),
    "A3": dict(wechat="xyhy668", devices=["dev-8b21c4f0e7a3", "dev-8b21c4f0e7b9", "dev-3f9a6d2c1e05"],
               ipnet="183.62.147."),
    "A4": dict(phones=["15817264093"], qq="2847193605"),
    "A5": dict(phones=["13247815902", "16620937418"], wechat="hx9527kk",
               devices=["dev-a07d33e91c58", "dev-a07d33e91d20"], ipnet="14.153.210."),
}
ORGANIZERS = {
    "A1": ["13826419357", "18938250461", "91440106MA9UQ7LX3E"],
    "A2": ["17729481063", "19951376240", "17729485512", "zwyh_8866", "6222023611874409521",
           "dev-5c1e9a7f30b2", "dev-5c1e9a7f31c4"],
    "A3": ["xyhy668", "dev-8b21c4f0e7a3", "dev-8b21c4f0e7b9", "dev-3f9a6d2c1e05"],
    "A4": ["15817264093", "2847193605"],
    "A5": ["13247815902", "16620937418", "hx9527kk", "dev-a07d33e91c58", "dev-a07d33e91d20"],
}
COLLECTOR = "17085946213"  # abusive outsourced collector: cited, NOT an organiser
RESERVED = set(p for a in AGENCY.values() for p in a.get("phones", [])) | {COLLECTOR}

PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
            "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "180",
            "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
         "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "文", "华", "红", "建国", "志强", "晓燕",
         "海燕", "婷婷", "雪", "慧敏", "宇", "浩然", "子涵", "欣怡", "俊杰", "思远", "晨", "凤英", "玉梅",
         "德华", "春燕", "永刚", "海峰", "丹", "琳", "博", "鹏", "佳怡", "梦瑶", "志伟", "丽娟", "国平",
         "红梅", "金凤", "小龙", "冬梅", "亚军", "玉兰", "雨萱", "一鸣", "振宇", "淑华", "美玲", "建军",
         "秋菊", "长江", "兴旺", "瑞", "倩", "莉", "鑫", "斌", "彬", "昊", "阳", "帆", "佳", "璐"]

used_phones = set(RESERVED)
used_names = set()
used_devices = set(d for a in AGENCY.values() for d in a.get("devices", []))
used_cids = set()


def new_phone():
    while True:
        p = rnd.choice(PREFIXES) + "".join(rnd.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p)
            return p


def new_name(surname=None):
    for _ in range(1000):
        n = (surname or rnd.choice(SURNAMES)) + rnd.choice(GIVEN)
        if n not in used_names:
            used_names.add(n)
            return n
    raise RuntimeError


def new_device():
    while True:
        d = "dev-" + "".join(rnd.choice("0123456789abcdef") for _ in range(12))
        if d not in used_devices:
            used_devices.add(d)
            return d


def new_cid():
    while True:
        c = "C%07d" % rnd.randint(1000000, 9999999)
        if c not in used_cids:
            used_cids.add(c)
            return c


GENUINE_NETS = ["36.112.", "39.144.", "58.60.", "61.141.", "101.88.", "112.96.", "113.57.",
                "117.136.", "120.229.", "123.139.", "124.64.", "171.34.", "175.0.", "180.102.",
                "182.150.", "218.88.", "220.181.", "221.4.", "222.90.", "223.104."]


def genuine_ip():
    net = rnd.choice(GENUINE_NETS)
    parts = net.rstrip(".").split(".")
    while len(parts) < 4:
        parts.append(str(rnd.randint(1, 254)))
    return ".".join(parts)


# ---------------------------------------------------------------- parsing
def parse(path):
    recs, cur = [], None
    started = False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@ "):
            started = True
            meta = {}
            for kv in line[2:].split(" | "):
                k, _, v = kv.partition("=")
                meta[k.strip()] = v.strip()
            cur = {"meta": meta, "lines": []}
            recs.append(cur)
        elif not started:
            continue  # header comment
        else:
            cur["lines"].append(line)
    for r in recs:
        r["text"] = "\n".join(r["lines"]).strip()
        assert r["text"], (path, r["meta"])
    return recs


def T(path):
    return parse(os.path.join(HERE, "texts", path))


def at(d, h, m, s=None):
    return datetime(d.year, d.month, d.day, h, m, rnd.randint(0, 59) if s is None else s, tzinfo=TZ)


def rand_time_in(day, h0, h1):
    """random time on `day` between hours h0 and h1 (floats)."""
    mins = rnd.uniform(h0 * 60, h1 * 60)
    return datetime(day.year, day.month, day.day, tzinfo=TZ) + timedelta(minutes=mins, seconds=rnd.randint(0, 59))


def daytime_random(d0=date(2026, 10, 1), d1=date(2026, 11, 30)):
    day = d0 + timedelta(days=rnd.randint(0, (d1 - d0).days))
    r = rnd.random()
    if r < 0.8:
        return rand_time_in(day, 8, 22)
    elif r < 0.93:
        return rand_time_in(day, 22, 23.98)
    return rand_time_in(day, 0.1, 7.9)


CN = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def overdue_from_text(t):
    m = re.search(r"逾期(?:了)?(\d+)天", t)
    if m:
        return int(m.group(1))
    m = re.search(r"逾期(?:了|才|仅)?([一两二三四五六七八九十])天", t)
    if m:
        return CN[m.group(1)]
    m = re.search(r"(?:晚了|只逾期了|才逾期)([一两二三四五六七八九十])天", t)
    if m:
        return CN[m.group(1)]
    m = re.search(r"逾期(?:了)?(\d+)多?天|逾期(?:了)?二十多天", t)
    if m:
        return int(m.group(1)) if m.group(1) else 22
    return None


# ---------------------------------------------------------------- build complaints
complaints = []   # dicts incl. truth fields (_group, _campaign, _intent)
customers = {}    # cid -> row


def add_customer(name=None, phone=None, principal=None, due=None, od=0, surname=None):
    cid = new_cid()
    if name:
        used_names.add(name)
    customers[cid] = dict(customer_id=cid, name=name or new_name(surname), phone=phone or new_phone(),
                          principal=principal or rnd.choice(range(3000, 80001, 1000)),
                          next_due_date=due.isoformat(), overdue_days=od)
    return cid


def due_for(ts, od):
    """od>0: missed instalment od days before ts; od==0: next due 1..25 days later."""
    d = ts.date()
    if od > 0:
        return d - timedelta(days=od)
    return d + timedelta(days=rnd.randint(1, 25))


def push(rec, ts, ch, cid, phone, group, campaign, intent, ip=None, device=None):
    ts = ts.replace(microsecond=0)
    assert START <= ts <= END, ts
    c = dict(received_at=ts.isoformat(), channel=ch, customer_id=cid, phone=phone, text=rec["text"])
    if ip:
        c["ip"] = ip
    if device:
        c["device_id"] = device
    c["_group"], c["_campaign"], c["_intent"] = group, campaign, intent
    complaints.append(c)


def principal_of(m):
    return int(m["principal"]) if m.get("principal") else None


# ---- A1: pseudo-law office letters; batches on a few afternoons, regulator forwards 2-5 weekdays later
a1 = T("A1.txt")
batch_days = [date(2026, 10, 9), date(2026, 10, 16), date(2026, 10, 28), date(2026, 11, 6),
              date(2026, 11, 13), date(2026, 11, 24)]
for i, r in enumerate(a1):
    m = r["meta"]
    bd = batch_days[i % len(batch_days)]
    ts = rand_time_in(bd, 14, 16.5)
    if m["ch"] == "regulator":
        fd = bd + timedelta(days=rnd.randint(2, 5))
        while fd.weekday() >= 5:
            fd += timedelta(days=1)
        ts = rand_time_in(fd, 9, 17.5)
    od = rnd.randint(25, 140)
    cid = add_customer(m.get("name"), principal=principal_of(m), due=bd - timedelta(days=od), od=od)
    phone = rnd.choice(AGENCY["A1"]["phones"])
    push(r, ts, m["ch"], cid, phone, "A1", "A1", m["intent"])

# ---- A2: copy-paste script; morning bursts 2 days before clustered due dates; agency phones/devices/IPs
a2 = T("A2.txt")
due_clusters = [date(2026, 10, 10), date(2026, 10, 15), date(2026, 10, 25), date(2026, 11, 5),
                date(2026, 11, 15), date(2026, 11, 25)]
for i, r in enumerate(a2):
    m = r["meta"]
    dd = due_clusters[i % len(due_clusters)]
    bd = dd - timedelta(days=rnd.choice([1, 2, 2, 3]))
    ts = rand_time_in(bd, 9, 11.5)
    if m["ch"] == "regulator":
        ts = rand_time_in(bd + timedelta(days=rnd.randint(1, 3)), 9, 17)
    if rnd.random() < 0.7:
        od, due = 0, dd
    else:
        od = rnd.randint(8, 75)
        due = ts.date() - timedelta(days=od)
    if od == 0 and due < ts.date():  # forwarded after the due date passed unpaid
        od = (ts.date() - due).days
    own = new_phone()
    cid = add_customer(m.get("name"), phone=own, principal=principal_of(m), due=due, od=od)
    phone = rnd.choice(AGENCY["A2"]["phones"]) if rnd.random() < 0.85 else own
    ip = dev = None
    if m["ch"] == "app":
        ip = AGENCY["A2"]["ipnet"] + str(rnd.randint(41, 45))
        dev = rnd.choice(AGENCY["A2"]["devices"])
    push(r, ts, m["ch"], cid, phone, "A2", "A2", m["intent"], ip, dev)

# ---- A3: borrowers' own phones; evening bursts; shared office IP block; three shared devices
a3 = T("A3.txt")
nights = [date(2026, 10, 8), date(2026, 10, 22), date(2026, 11, 6), date(2026, 11, 19)]
order = list(range(len(a3)))
rnd.shuffle(order)
shared_dev_idx = set(order[:15])
for k, i in enumerate(order):
    r = a3[i]
    m = r["meta"]
    night = nights[k % len(nights)]
    ts = rand_time_in(night, 20.5, 23)
    if rnd.random() < 0.65:
        od = 0
        due = night + timedelta(days=rnd.randint(1, 4))
    else:
        od = rnd.randint(5, 60)
        due = night - timedelta(days=od)
    cid = add_customer(None, principal=principal_of(m), due=due, od=od)
    phone = customers[cid]["phone"]
    ip = dev = None
    if m["ch"] == "app":
        ip = AGENCY["A3"]["ipnet"] + str(rnd.randint(10, 60)) if rnd.random() < 0.75 else genuine_ip()
        dev = rnd.choice(AGENCY["A3"]["devices"]) if i in shared_dev_idx else new_device()
    push(r, ts, m["ch"], cid, phone, "A3", "A3", m["intent"], ip, dev)

# ---- A4: individually reworded; spread over two months, 1-5 days before each borrower's due date
a4 = T("A4.txt")
for r in a4:
    m = r["meta"]
    day = date(2026, 10, 3) + timedelta(days=rnd.randint(0, 55))
    ts = rand_time_in(day, 9.5, 21)
    if rnd.random() < 0.55:
        od, due = 0, day + timedelta(days=rnd.randint(1, 5))
    else:
        od = rnd.randint(10, 90)
        due = day - timedelta(days=od)
    cid = add_customer(None, principal=principal_of(m), due=due, od=od)
    own = customers[cid]["phone"]
    if m["intent"] == "representative":
        phone = AGENCY["A4"]["phones"][0]
    else:
        phone = AGENCY["A4"]["phones"][0] if rnd.random() < 0.2 else own
    ip = dev = None
    if m["ch"] in ("app", "social"):
        ip = genuine_ip()
        if m["ch"] == "app":
            dev = new_device()
    push(r, ts, m["ch"], cid, phone, "A4", "A4", m["intent"], ip, dev)

# ---- A5: chat-style "relatives"; late night on a dozen nights; agency phones and two devices
a5 = T("A5.txt")
a5_nights = sorted(rnd.sample(range(0, 60), 12))
for i, r in enumerate(a5):
    m = r["meta"]
    n = date(2026, 10, 1) + timedelta(days=a5_nights[i % 12])
    ts = rand_time_in(n, 22, 23.95) if rnd.random() < 0.6 else rand_time_in(n + timedelta(days=1), 0, 1.5)
    if ts > END:
        ts = rand_time_in(n, 22, 23.95)
    od = rnd.randint(15, 95)
    cid = add_customer(None, principal=principal_of(m), due=ts.date() - timedelta(days=od), od=od)
    own = customers[cid]["phone"]
    phone = rnd.choice(AGENCY["A5"]["phones"]) if rnd.random() < 0.8 else own
    ip = dev = None
    if m["ch"] in ("app", "social"):
        ip = AGENCY["A5"]["ipnet"] + str(rnd.randint(2, 30)) if rnd.random() < 0.7 else genuine_ip()
        if m["ch"] == "app":
            dev = rnd.choice(AGENCY["A5"]["devices"])
    push(r, ts, m["ch"], cid, phone, "A5", "A5", m["intent"], ip, dev)


def genuine(r, ts, group, intent, od=None, principal=None):
    m = r["meta"]
    if od is None:
        od = 0
    cid = add_customer(m.get("name"), principal=principal or principal_of(m), due=due_for(ts, od), od=od)
    phone = customers[cid]["phone"]
    ip = dev = None
    if m["ch"] in ("app", "social"):
        ip = genuine_ip()
        if m["ch"] == "app":
            dev = new_device()
    push(r, ts, m["ch"], cid, phone, group, None, intent, ip, dev)
    return cid


# ---- incidents
for r in T("INC1.txt"):  # wrong overdue status after migration, 2026-10-19 08:30-13:30
    ts = datetime(2026, 10, 19, 8, 30, tzinfo=TZ) + timedelta(minutes=min(299, rnd.triangular(0, 300, 60)),
                                                            seconds=rnd.randint(0, 59))
    if r["meta"]["ch"] == "regulator":
        ts = datetime(2026, 10, 19, 11, 0, tzinfo=TZ) + timedelta(minutes=rnd.randint(0, 150))
    cid = add_customer(None, due=date(2026, 11, rnd.randint(14, 19)), od=0)
    ip = dev = None
    if r["meta"]["ch"] in ("app", "social"):
        ip = genuine_ip()
        dev = new_device() if r["meta"]["ch"] == "app" else None
    push(r, ts, r["meta"]["ch"], cid, customers[cid]["phone"], "incident_overdue_migration", None,
         "grievance", ip, dev)
for r in T("INC2.txt"):  # rate display error after app 5.3.0, 2026-11-12 19:40-22:40
    ts = datetime(2026, 11, 12, 19, 40, tzinfo=TZ) + timedelta(minutes=min(179, rnd.triangular(0, 180, 45)),
                                                             seconds=rnd.randint(0, 59))
    genuine(r, ts, "incident_rate_display", "grievance", od=0)

# ---- individual grievances, hardship, collector-cited, background
for r in T("GRV.txt"):
    ts = daytime_random()
    od = overdue_from_text(r["text"]) or (0 if rnd.random() < 0.8 else rnd.randint(1, 10))
    if "结清" in r["text"] and od and "逾期" not in r["text"]:
        od = 0
    genuine(r, ts, "grievance", "grievance", od=od)
for r in T("HRD.txt"):
    ts = daytime_random()
    od = overdue_from_text(r["text"])
    if od is None:
        od = rnd.randint(1, 40) if rnd.random() < 0.4 else 0
    genuine(r, ts, "hardship", "hardship", od=od)
for r in T("COL.txt"):
    ts = daytime_random(date(2026, 10, 8), date(2026, 11, 28))
    od = overdue_from_text(r["text"]) or rnd.choice([0, 2, 3, 4, 5, 6, 8])
    genuine(r, ts, "collector_cited", "grievance", od=od)
for r in T("BKG.txt"):
    genuine(r, daytime_random(), "background", r["meta"]["intent"], od=0)

# ---- families: shared phone (customers.csv lists the shared phone for both) or shared tablet
fams = {}
for r in T("FAM.txt"):
    fams.setdefault(r["meta"]["fam"], []).append(r)
for fam, recs in fams.items():
    share = recs[0]["meta"]["share"]
    members = {}
    shared_phone = new_phone() if share == "phone" else None
    shared_dev = new_device() if share == "device" else None
    base = daytime_random(date(2026, 10, 3), date(2026, 11, 25))
    for r in recs:
        m = r["meta"]
        if m["cust"] not in members:
            od = overdue_from_text(r["text"]) or 0
            members[m["cust"]] = add_customer(m["name"], phone=shared_phone, principal=principal_of(m),
                                              due=due_for(base, od), od=od)
    for j, r in enumerate(recs):
        m = r["meta"]
        ts = base + timedelta(minutes=rnd.randint(3, 50) * j + (rnd.randint(0, 2) * 1440 if j else 0))
        if ts > END:
            ts = base + timedelta(minutes=5 * j)
        writer_cid = members[m["cust"]]
        phone = shared_phone or customers[writer_cid]["phone"]
        # the complaint concerns the member whose loan it is: for a representative text, the other member
        if m["intent"] == "representative" and len(members) > 1:
            others = [c for k, c in members.items() if k != m["cust"]]
            subject = others[0]
        else:
            subject = writer_cid
        ip = dev = None
        if m["ch"] in ("app", "social"):
            ip = genuine_ip()  # overwritten below by the household IP
            dev = shared_dev or (new_device() if m["ch"] == "app" else None)
        push(r, ts, m["ch"], subject, phone, "family", None, m["intent"], ip, dev)
    # tablets at home share one home IP
    if shared_dev:
        home_ip = genuine_ip()
        for c in complaints:
            if c.get("device_id") == shared_dev:
                c["ip"] = home_ip
    if shared_phone:
        home_ip = genuine_ip()
        for c in complaints:
            if c["phone"] == shared_phone and c["channel"] == "app":
                c["ip"] = home_ip

# ---- repeat complainers
reps = {}
for r in T("REP.txt"):
    reps.setdefault(r["meta"]["rep"], []).append(r)
for key, recs in reps.items():
    recs.sort(key=lambda r: int(r["meta"]["seq"]))
    first = daytime_random(date(2026, 10, 2), date(2026, 11, 5))
    od = 1 if key in ("R5",) else (rnd.randint(5, 20) if key == "R3" else 0)
    cid = add_customer(None, due=due_for(first, od), od=od)
    dev = new_device()
    t = first
    for r in recs:
        m = r["meta"]
        ip = genuine_ip() if m["ch"] in ("app", "social") else None
        push(r, t, m["ch"], cid, customers[cid]["phone"], "repeat", None, m["intent"], ip,
             dev if m["ch"] == "app" else None)
        t = t + timedelta(days=rnd.randint(4, 10), minutes=rnd.randint(-300, 300))

# ---------------------------------------------------------------- ids, shuffle, write
N = len(complaints)
ids = ["B2-%06d" % i for i in range(1, N + 1)]
perm = list(range(N))
rnd.shuffle(perm)
for c, k in zip(complaints, perm):
    c["complaint_id"] = ids[k]
rnd.shuffle(complaints)

truth = {"campaigns": {}, "organizers": ORGANIZERS, "groups": {}, "complaint_intent": {}}
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for c in complaints:
        rec = {k: c[k] for k in ("complaint_id", "received_at", "channel", "customer_id", "phone", "text")}
        for k in ("ip", "device_id"):
            if c.get(k):
                rec[k] = c[k]
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        truth["campaigns"][c["complaint_id"]] = c["_campaign"]
        truth["groups"][c["complaint_id"]] = c["_group"]
        truth["complaint_intent"][c["complaint_id"]] = c["_intent"]
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    w.writeheader()
    for cid in sorted(customers):
        w.writerow(customers[cid])

# ---------------------------------------------------------------- posts
posts = T("POSTS1.txt") + T("POSTS2.txt")
rnd.shuffle(posts)
pt = {}
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for i, p in enumerate(posts, 1):
        m = p["meta"]
        pid = "P2-%04d" % i
        if m.get("at"):
            ts = datetime.fromisoformat(m["at"]).replace(tzinfo=TZ, second=rnd.randint(0, 59))
        else:
            d = date(2026, 9, 1) + timedelta(days=rnd.randint(0, 90))
            ts = rand_time_in(d, 7, 23.9).replace(microsecond=0)
        f.write(json.dumps({"post_id": pid, "platform": m["platform"], "account": m["account"],
                            "posted_at": ts.isoformat(), "text": p["text"]}, ensure_ascii=False) + "\n")
        contacts = [x.strip().lower() for x in m.get("contacts", "").split(",") if x.strip()]
        pt[pid] = {"intent": m["intent"], "is_ad": m["intent"] in ("service_ad", "recruitment"),
                   "contacts": contacts, "agency": m.get("agency") or None}
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"posts": pt}, f, ensure_ascii=False, indent=1)
print("complaints", N, "customers", len(customers), "posts", len(posts))
