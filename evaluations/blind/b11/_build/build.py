#!/usr/bin/env python3
"""Assemble hand-written texts into the b11 evaluation files. Standard library only.
The script only assigns ids, timestamps, phones, devices, IPs and customer rows."""
import json, random, csv, os, re
from datetime import datetime, timedelta, date

random.seed(20261201)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = "+08:00"

def lines(fn):
    with open(os.path.join(HERE, fn), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]

def ts(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + TZ

def rnd_dt(d0, d1, h0=8, h1=23):
    """random datetime between dates d0..d1 (inclusive), hours h0..h1"""
    days = (d1 - d0).days
    d = d0 + timedelta(days=random.randint(0, days))
    return datetime(d.year, d.month, d.day, random.randint(h0, h1 - 1), random.randint(0, 59), random.randint(0, 59))

def window(start, minutes):
    return start + timedelta(seconds=random.randint(0, minutes * 60))

used_phones = set()
PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
            "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]
RESERVED = {"13926184570", "13570248816", "18922063157", "15013768420", "17817635092", "13682917435", "18476523019"}

def new_phone(prefixes=PREFIXES):
    while True:
        p = random.choice(prefixes) + "".join(random.choice("0123456789") for _ in range(8))
        if p not in used_phones and p not in RESERVED:
            used_phones.add(p)
            return p

used_dev = set()
def new_dev(kind="phone"):
    while True:
        if kind == "emu":
            d = "emu-" + "".join(random.choice("0123456789abcdef") for _ in range(12))
        else:
            d = random.choice(["and-", "ios-"]) + "".join(random.choice("0123456789abcdef") for _ in range(16))
        if d not in used_dev:
            used_dev.add(d)
            return d

FIRST_OCTETS = [36, 39, 58, 60, 61, 101, 106, 110, 111, 112, 114, 115, 116, 117, 119, 120, 121, 122, 123, 124, 125,
                171, 180, 182, 183, 202, 218, 219, 220, 221, 222, 223]
def home_ip():
    return "%d.%d.%d.%d" % (random.choice(FIRST_OCTETS), random.randint(1, 254), random.randint(0, 254), random.randint(2, 253))

SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红梅鹏飞斌宇浩凯健俊帆鑫波海峰亮志晨婷雪琳欣怡佳慧建国春燕小龙文辉丹阳晓东晶莉云翠"
used_names = set()
def new_name():
    while True:
        n = random.choice(SURN) + "".join(random.choice(GIVEN) for _ in range(random.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n)
            return n

customers = {}   # id -> dict
cust_seq = [0]
def new_customer(phone=None, principal=None, due=None, overdue=0):
    cust_seq[0] += 1
    cid = "C%06d" % (300000 + cust_seq[0] * 7 + random.randint(0, 6))
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=phone or new_phone(),
                          principal=principal or random.choice([1000, 1500, 2000, 3000, 3500, 5000, 6000, 8000, 10000, 12000, 15000, 20000, 30000]),
                          next_due_date=due, overdue_days=overdue)
    return cid

def set_overdue(cid, when, lo, hi):
    od = random.randint(lo, hi)
    customers[cid]["overdue_days"] = od
    customers[cid]["next_due_date"] = (when.date() - timedelta(days=od)).isoformat()

def set_due_ahead(cid, when, lo, hi):
    customers[cid]["overdue_days"] = 0
    customers[cid]["next_due_date"] = (when.date() + timedelta(days=random.randint(lo, hi))).isoformat()

complaints = []
def add(when, channel, cid, phone, text, group, intent, campaign=None, ip=None, dev=None):
    rec = dict(received_at=ts(when), channel=channel, customer_id=cid, phone=phone, text=text)
    if ip: rec["ip"] = ip
    if dev: rec["device_id"] = dev
    rec["_group"], rec["_intent"], rec["_campaign"] = group, intent, campaign
    complaints.append(rec)

D = lambda m, d: date(2026, m, d)

# ---------------- agency_a: coached self-filing group ----------------
A = "agency_a"
members = {}
sess = {"S1": (datetime(2026, 7, 14, 20, 0), 100), "S2": (datetime(2026, 7, 21, 20, 30), 60), "S3": (datetime(2026, 7, 28, 12, 0), 70)}
first_time = {}
for l in lines("ag_a.txt"):
    m, s, ch, text = l.split("|", 3)
    if m not in members:
        cid = new_customer()
        members[m] = dict(cid=cid, phone=customers[cid]["phone"], dev=new_dev(), ip=home_ip())
    mb = members[m]
    if s in sess:
        when = window(*sess[s])
    elif s == "L":
        when = rnd_dt(D(7, 16), D(8, 2), 9, 23)
    else:  # regulator-forwarded copy, days later
        when = first_time[m] + timedelta(days=random.randint(4, 9))
        when = when.replace(hour=random.randint(9, 16), minute=random.randint(0, 59))
    first_time.setdefault(m, when)
    if s != "R":
        if random.random() < 0.8 or m in {"m03", "m05", "m06", "m09", "m17", "m21"}:
            set_overdue(mb["cid"], when, 8, 75)
        else:
            set_due_ahead(mb["cid"], when, 1, 6)
    ip = dev = None
    if ch == "app":
        ip, dev = mb["ip"], mb["dev"]
    elif ch == "email":
        ip = mb["ip"]
    add(when, ch, mb["cid"], mb["phone"], text, A, "agency_package", A, ip, dev)
org_a = ["sanan_lin2026", "13926184570", "736219485"]

# ---------------- agency_b: fake law firm letters ----------------
B = "agency_b"
B_DEVS = [new_dev("phone") for _ in range(3)]
B_PHONES = ["13570248816", "18922063157"]
b_cust = {}
second_letter = {"b31": "b04", "b37": "b24"}
b_days = [D(7, 6), D(7, 7), D(7, 9), D(7, 15), D(7, 16), D(7, 22), D(7, 23), D(7, 29), D(8, 4), D(8, 5), D(8, 12), D(8, 13), D(8, 19), D(8, 25)]
bl = lines("ag_b.txt")
for i, l in enumerate(bl):
    k, ch, text = l.split("|", 2)
    if k in second_letter:
        cid = b_cust[second_letter[k]]
        day = None
    else:
        cid = new_customer()
        b_cust[k] = cid
    name = customers[cid]["name"]
    text = text.replace("{name}", name)
    d0 = b_days[min(i // 3, len(b_days) - 1)]
    if k in second_letter:
        d0 = D(8, 19) if k == "b31" else D(8, 25)
    when = datetime(d0.year, d0.month, d0.day, random.randint(9, 17), random.randint(0, 59), random.randint(0, 59))
    if k not in second_letter:
        if random.random() < 0.85 or k in ("b04", "b24"):
            set_overdue(cid, when, 15, 120)
        else:
            set_due_ahead(cid, when, 0, 7)
    ip = "113.68.142.%d" % random.choice([23, 23, 41, 57, 88])
    if ch == "app":
        dev = random.choice(B_DEVS)
        phone = customers[cid]["phone"]
    else:
        dev = None
        m = re.search(r"1[3-9]\d{9}", text)
        phone = m.group(0) if m else random.choice(B_PHONES)
    add(when, ch, cid, phone, text, B, "agency_package", B, ip, dev)
org_b = B_PHONES + ["91440101MA9W3K7R5T", "6217003620004418527"] + B_DEVS + ["113.68.142.0/24"]

# ---------------- agency_c: rented SIM pool ----------------
C = "agency_c"
SIMS = [new_phone(["170", "171", "167", "165", "162"]) for _ in range(12)]
sizes = [4, 4, 4, 3, 3, 3, 3, 3, 3, 4, 3, 3]
order = []
for si, n in enumerate(sizes):
    order += [si] * n
cl = lines("ag_c.txt")
assert len(order) == len(cl), (len(order), len(cl))
sim_start = {si: rnd_dt(D(7, 6), D(8, 18), 9, 12) for si in range(12)}
for l, si in zip(cl, order):
    k, ch, text = l.split("|", 2)
    cid = new_customer()
    when = sim_start[si] + timedelta(days=random.randint(0, 12), hours=random.randint(0, 8), minutes=random.randint(0, 59))
    if random.random() < 0.85:
        set_overdue(cid, when, 5, 90)
    else:
        set_due_ahead(cid, when, 0, 7)
    add(when, ch, cid, SIMS[si], text, C, "agency_package", C)
org_c = SIMS + ["3158827460"]

# ---------------- agency_d: callback-hijack via cloud server ----------------
Dg = "agency_d"
D_PHONES = ["15013768420", "17817635092", "13682917435"]
D_DEVS = [new_dev("emu") for _ in range(4)]
nights = [D(7, 10), D(7, 18), D(7, 31), D(8, 11), D(8, 24)]
dl = lines("ag_d.txt")
for i, l in enumerate(dl):
    k, ch, text = l.split("|", 2)
    cid = new_customer()
    nd = nights[i * len(nights) // len(dl)]
    when = datetime(nd.year, nd.month, nd.day, random.randint(0, 3), random.randint(0, 59), random.randint(0, 59))
    if random.random() < 0.8:
        set_overdue(cid, when, 20, 200)
    else:
        set_due_ahead(cid, when, 0, 7)
    m = re.search(r"1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}", text)
    phone = re.sub(r"\D", "", m.group(0)) if m else customers[cid]["phone"]
    ip = "47.98.23.%d" % random.choice([105, 106, 107, 131])
    dev = random.choice(D_DEVS) if ch == "app" else None
    add(when, ch, cid, phone, text, Dg, "agency_package", Dg, ip, dev)
org_d = D_PHONES + ["2871654390"] + D_DEVS + ["47.98.23.0/24"]

# ---------------- genuine: incident (wrong-card auto-debit) ----------------
INC = "incident_wrong_card_debit"
for l in lines("incident.txt"):
    ch, text = l.split("|", 1)
    cid = new_customer()
    when = window(datetime(2026, 8, 5, 9, 25), 180)
    customers[cid]["next_due_date"] = random.choice(["2026-08-05", "2026-08-05", "2026-08-05", "2026-08-15"])
    customers[cid]["overdue_days"] = 0
    ip = dev = None
    if ch in ("app", "email", "other"):
        ip = home_ip()
    if ch == "app":
        dev = new_dev()
    add(when, ch, cid, customers[cid]["phone"], text, INC, "grievance", None, ip, dev)

# ---------------- genuine: hardship burst after factory shutdown ----------------
for l in lines("burst.txt"):
    ch, text = l.split("|", 1)
    cid = new_customer()
    when = window(datetime(2026, 8, 12, 13, 50), 240)
    set_overdue(cid, when, 3, 14)
    ip = home_ip() if ch in ("app", "email") else None
    dev = new_dev() if ch == "app" else None
    add(when, ch, cid, customers[cid]["phone"], text, "hardship_burst", "hardship", None, ip, dev)

# ---------------- genuine: viral wording about guarantee fee ----------------
for l in lines("viral.txt"):
    ch, text = l.split("|", 1)
    cid = new_customer()
    day = D(8, 15) + timedelta(days=min(7, int(random.expovariate(0.45))))
    when = datetime(day.year, day.month, day.day, random.randint(8, 23), random.randint(0, 59), random.randint(0, 59))
    customers[cid]["overdue_days"] = 0
    customers[cid]["next_due_date"] = (day + timedelta(days=random.randint(4, 28))).isoformat()
    ip = home_ip() if ch in ("app", "email") else None
    dev = new_dev() if ch == "app" else None
    add(when, ch, cid, customers[cid]["phone"], text, "viral_wording", "grievance", None, ip, dev)

# ---------------- genuine: grievances ----------------
for l in lines("grievance.txt"):
    kind, ch, text = l.split("|", 2)
    cid = new_customer()
    when = rnd_dt(D(7, 1), D(8, 31), 8, 23)
    if random.random() < 0.5:
        set_overdue(cid, when, 1, 30)
    else:
        set_due_ahead(cid, when, 3, 28)
    phone = customers[cid]["phone"]
    if kind == "r":
        phone = new_phone()  # relative's or lawyer's own phone
    ip = home_ip() if ch in ("app", "email", "other") else None
    dev = new_dev() if ch == "app" else None
    add(when, ch, cid, phone, text, "grievance", "representative" if kind == "r" else "grievance", None, ip, dev)

# ---------------- genuine: hardship pleas ----------------
for l in lines("hardship.txt"):
    kind, ch, text = l.split("|", 2)
    cid = new_customer()
    when = rnd_dt(D(7, 1), D(8, 31), 8, 23)
    if kind == "pre":
        set_due_ahead(cid, when, 0, 3)
    else:
        set_overdue(cid, when, 5, 60)
    ip = home_ip() if ch in ("app", "email") else None
    dev = new_dev() if ch == "app" else None
    add(when, ch, cid, customers[cid]["phone"], text, "hardship", "hardship", None, ip, dev)

# ---------------- families, collector-cited, repeat ----------------
fam = {}
fam_intent = ["grievance", "grievance", "other", "other", "other", "grievance", "other", "grievance", "other", "other",
              "grievance", "grievance", "hardship", "other", "other", "grievance", "other", "other", "grievance", "hardship"]
fi = 0
rep = {}
for l in lines("family_coll_rep.txt"):
    key, ch, text = l.split("|", 2)
    if key.startswith("F"):
        if key not in fam:
            fam[key] = dict(phone=new_phone(), dev=new_dev(), ip=home_ip(), base=rnd_dt(D(7, 2), D(8, 18), 9, 21), n=0)
        f = fam[key]
        # first member's registered phone is the shared phone; others have their own
        cid = new_customer(phone=f["phone"] if f["n"] == 0 else None)
        f["n"] += 1
        when = f["base"] + timedelta(days=random.randint(0, 10), hours=random.randint(0, 3), minutes=random.randint(0, 59))
        if random.random() < 0.4:
            set_overdue(cid, when, 1, 12)
        else:
            set_due_ahead(cid, when, 2, 25)
        ip = f["ip"] if ch in ("app", "email") else None
        dev = f["dev"] if ch == "app" else None
        add(when, ch, cid, f["phone"], text, "family", fam_intent[fi], None, ip, dev)
        fi += 1
    elif key == "C":
        cid = new_customer()
        when = rnd_dt(D(7, 20), D(8, 20), 8, 23)
        set_overdue(cid, when, 2, 20)
        ip = home_ip() if ch in ("app", "email") else None
        dev = new_dev() if ch == "app" else None
        add(when, ch, cid, customers[cid]["phone"], text, "collector_cited", "grievance", None, ip, dev)
    else:
        if key not in rep:
            cid = new_customer()
            rep[key] = dict(cid=cid, dev=new_dev(), ip=home_ip(), t=rnd_dt(D(7, 3), D(8, 10), 9, 22))
            set_due_ahead(cid, rep[key]["t"], 5, 25)
        r = rep[key]
        when = r["t"]
        r["t"] = r["t"] + timedelta(days=random.randint(2, 6), hours=random.randint(-3, 3))
        ip = r["ip"] if ch in ("app", "email") else None
        dev = r["dev"] if ch == "app" else None
        add(when, ch, r["cid"], customers[r["cid"]]["phone"], text, "repeat", "grievance", None, ip, dev)

# ---------------- background ----------------
for l in lines("background.txt"):
    ch, text = l.split("|", 1)
    cid = new_customer()
    when = rnd_dt(D(7, 1), D(8, 31), 8, 23)
    set_due_ahead(cid, when, 1, 30)
    ip = home_ip() if ch in ("app", "email", "other") else None
    dev = new_dev() if ch == "app" else None
    add(when, ch, cid, customers[cid]["phone"], text, "background", "other", None, ip, dev)

# customers with no due date yet
for c in customers.values():
    if not c["next_due_date"]:
        c["next_due_date"] = "2026-08-20"

# ---------------- ids, shuffle, write ----------------
random.shuffle(complaints)
campaigns, groups, intents = {}, {}, {}
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for i, r in enumerate(complaints, 1):
        cid = "B11-%06d" % i
        campaigns[cid] = r.pop("_campaign")
        groups[cid] = r.pop("_group")
        intents[cid] = r.pop("_intent")
        out = {"complaint_id": cid}
        out.update(r)
        f.write(json.dumps(out, ensure_ascii=False) + "\n")

with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    for c in sorted(customers.values(), key=lambda c: c["customer_id"]):
        w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"]])

truth = {"campaigns": campaigns,
         "organizers": {A: org_a, B: org_b, C: org_c, Dg: org_d},
         "groups": groups, "complaint_intent": intents}
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)

# ---------------- posts ----------------
DATE_HINTS = [("8月5日部分客户自动扣款异常", datetime(2026, 8, 5, 19, 40)),
              ("已解绑银行卡扣款，公司称已全部退款", datetime(2026, 8, 6, 10, 15)),
              ("昆山一电子厂突然停产", datetime(2026, 8, 12, 16, 30)),
              ("昆山地区客户专项帮扶", datetime(2026, 8, 13, 11, 0)),
              ("厂里停产了，网贷还不上", datetime(2026, 8, 12, 21, 5)),
              ("今天昆山有阵雨", datetime(2026, 8, 12, 7, 30)),
              ("大家快去看看屿花账单", datetime(2026, 8, 14, 21, 48)),
              ("担保服务费说明", datetime(2026, 8, 24, 17, 0)),
              ("担保服务费\"引热议", datetime(2026, 8, 19, 9, 30)),
              ("担保服务费到底能不能退", datetime(2026, 8, 20, 22, 10)),
              ("屿花扣错卡的钱退了吗", datetime(2026, 8, 6, 20, 12)),
              ("工资问题进展", datetime(2026, 8, 20, 18, 0))]
posts, ptruth = [], {}
plines = lines("posts1.txt") + lines("posts2.txt") + lines("posts3.txt")
random.shuffle(plines)
for i, l in enumerate(plines, 1):
    intent, platform, account, agency, contacts, text = l.split("|", 5)
    when = None
    for hint, dt in DATE_HINTS:
        if hint in text:
            when = dt
    if when is None:
        when = rnd_dt(D(7, 1), D(8, 31), 7, 24)
    pid = "B11-P%04d" % i
    posts.append(dict(post_id=pid, platform=platform, account=account, posted_at=ts(when), text=text))
    amap = {"A1": A, "B": B, "C": C, "D": Dg}
    clist = [c.lower() for c in contacts.split(",") if c]
    ag = amap.get(agency) if agency else None
    if ag is None:  # any post carrying an agency contact is linked to that agency
        for k, v in truth["organizers"].items():
            if set(clist) & {x.lower() for x in v}:
                ag = k
    ptruth[pid] = dict(intent=intent, is_ad=intent in ("service_ad", "recruitment"), contacts=clist, agency=ag)
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for p in posts:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"posts": ptruth}, f, ensure_ascii=False, indent=1)
print("complaints", len(complaints), "customers", len(customers), "posts", len(posts))
