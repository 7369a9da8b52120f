#!/usr/bin/env python3
"""Assemble b8 files from the hand-written texts in t_*.py. Assigns ids, timestamps, phones,
devices, IPs and customer rows only. Fixed seed."""
import json, random, datetime as dt, os, sys, csv
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import t_agency_a as A, t_agency_b as B, t_agency_c as C, t_agency_d as D
import t_incident, t_burst, t_viral, t_grievance, t_hardship, t_misc, t_posts1, t_posts2

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rng = random.Random(20260808)
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 8, 1, 0, 0, tzinfo=TZ)
END = dt.datetime(2026, 9, 30, 23, 59, 59, tzinfo=TZ)

RESERVED = set(B.PHONES) | set(C.PHONES) | set(D.CONTACTS) | {"13923817460", t_misc.COLLECTOR}
for p in t_posts1.P + t_posts2.P:
    for c in p[4]:
        if c.isdigit() and len(c) == 11:
            RESERVED.add(c)
used_phones = set(RESERVED)
PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
          "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187",
          "188", "189", "191", "198", "199"]

def new_phone():
    while True:
        p = rng.choice(PREFIX) + "".join(rng.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p)
            return p

used_dev = set()
def new_device(kind=None):
    kind = kind or rng.choice(["and", "and", "ios"])
    while True:
        d = kind + "-" + "".join(rng.choice("0123456789abcdef") for _ in range(16))
        if d not in used_dev:
            used_dev.add(d)
            return d

HOME_NETS = ["113.", "125.", "14.", "36.", "39.", "58.", "60.", "61.", "101.", "106.", "110.", "112.", "117.",
             "120.", "123.", "171.", "175.", "180.", "182.", "218.", "221.", "222.", "223."]
def new_ip():
    while True:
        ip = rng.choice(HOME_NETS) + ".".join(str(rng.randint(1, 254)) for _ in range(3))
        if not ip.startswith("183.6.51.") and not ip.startswith("116.25.143."):
            return ip

SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIV = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰海燕晓东文斌波宇浩凯鹏飞俊辉雪梅丹玲慧晨阳欣怡婷婷子涵梓轩雨桐思远佳琪家豪春生秋菊冬梅振华国强德明永红丽娟小龙金凤淑珍卫东新民"
used_names = set()
def new_name():
    while True:
        g = rng.choice([1, 2, 2])
        n = rng.choice(SUR) + "".join(rng.choice(GIV) for _ in range(g))
        if n not in used_names:
            used_names.add(n)
            return n

customers = {}
cust_seq = [0]
def new_customer(first_time, status, phone=None):
    """status: ('overdue', days) | ('predue', days_to_due) | ('normal',)"""
    cust_seq[0] += 1
    cid = "C8%05d" % (cust_seq[0] * 7 + rng.randint(0, 6))
    ph = phone or new_phone()
    d0 = first_time.date()
    if status[0] == "overdue":
        od = status[1]
        due = d0 - dt.timedelta(days=od)
    elif status[0] == "predue":
        od = 0
        due = d0 + dt.timedelta(days=status[1])
    else:
        od = 0
        due = d0 + dt.timedelta(days=rng.randint(4, 28))
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=ph,
                          principal=rng.choice(range(2000, 60001, 500)), next_due_date=due.isoformat(),
                          overdue_days=od)
    return cid

def rand_time(a, b):
    s = (b - a).total_seconds()
    return a + dt.timedelta(seconds=rng.randint(0, int(s)))

def day_time(day, h0, h1):
    a = dt.datetime(day.year, day.month, day.day, h0, 0, tzinfo=TZ)
    return rand_time(a, a + dt.timedelta(hours=h1 - h0))

def rand_day(a=START.date(), b=END.date(), weekdays=False):
    while True:
        d = a + dt.timedelta(days=rng.randint(0, (b - a).days))
        if not weekdays or d.weekday() < 5:
            return d

def agency_status():
    if rng.random() < 0.75:
        return ("overdue", rng.randint(3, 95))
    return ("predue", rng.randint(0, 7))

recs = []  # dicts with truth fields
def add(t, ch, cid, phone, text, grp, intent, campaign=None, ip=None, dev=None):
    r = dict(received_at=t, channel=ch, customer_id=cid, phone=phone, text=text)
    if ip: r["ip"] = ip
    if dev: r["device_id"] = dev
    r["_group"] = grp; r["_campaign"] = campaign; r["_intent"] = intent
    recs.append(r)
    return r

# ---------------- agency A: coached self-filing sessions ----------------
SESS = {1: (dt.datetime(2026, 8, 8, 9, 0, tzinfo=TZ), 90), 2: (dt.datetime(2026, 8, 30, 9, 30, tzinfo=TZ), 90),
        3: (dt.datetime(2026, 9, 19, 8, 30, tzinfo=TZ), 90)}
a_recs = []
reg_src = {r[0] for r in A.REG}
for k, (sess, ch, text) in enumerate(A.DIRECT):
    s0, mins = SESS[sess]
    t = s0 + dt.timedelta(seconds=rng.randint(0, mins * 60))
    st = agency_status()
    if k in reg_src and st[0] != "overdue":
        st = ("overdue", rng.randint(3, 60))   # copy arrives later; keep snapshot consistent
    cid = new_customer(t, st)
    ph = customers[cid]["phone"]
    ip = new_ip() if ch in ("app", "email") else None
    dev = new_device() if ch == "app" else None
    a_recs.append(add(t, ch, cid, ph, text, "agency_a", "agency_package", "agency_a", ip, dev))
for idx, days, text in A.REG:
    src = a_recs[idx]
    day = src["received_at"].date() + dt.timedelta(days=days)
    t = day_time(day, 9, 17)
    add(t, "regulator", src["customer_id"], src["phone"], text, "agency_a", "agency_package", "agency_a")

# ---------------- agency B: SIM pool ----------------
b_dev_own = {i: new_device("and") for i in range(len(B.PHONES))}
b_shared = ["and-7c1e90a4b3d2f815", "and-3f8b20d6e17ac942", "and-b94d0c2e8a61f730"]
used_dev.update(b_shared)
# app items of phones grouped so that each shared device is used by several different pool phones
app_items = [k for k, it in enumerate(B.ITEMS) if it[1] == "app"]
shared_map = {}
for j, k in enumerate(app_items):
    if j % 2 == 0:
        shared_map[k] = b_shared[(j // 2) % 3]
b_devices = set(b_shared)
b_days = sorted(rand_day(weekdays=True) for _ in B.ITEMS)
order = list(range(len(B.ITEMS))); rng.shuffle(order)
for n, k in enumerate(order):
    sim, ch, text = B.ITEMS[k]
    t = day_time(b_days[n], 9, 18)
    cid = new_customer(t, agency_status())
    dev = None; ip = None
    if ch == "app":
        dev = shared_map.get(k, b_dev_own[sim]); b_devices.add(dev)
        ip = new_ip()
    add(t, ch, cid, B.PHONES[sim], text, "agency_b", "agency_package", "agency_b", ip, dev)

# ---------------- agency C: representatives ----------------
c_devs = ["ios-4e7a19c2d05b8f31", "and-91d0e3b7a6c4f258"]
used_dev.update(c_devs)
for pi, ch, text in C.ITEMS:
    t = day_time(rand_day(weekdays=True), 9, 18)
    cid = new_customer(t, agency_status())
    ip = "183.6.51.%d" % rng.randint(2, 250) if ch in ("app", "email") else None
    dev = rng.choice(c_devs) if ch == "app" else None
    add(t, ch, cid, C.PHONES[pi], text, "agency_c", "representative", "agency_c", ip, dev)

# ---------------- agency D: hardship-voice office ----------------
for ci, ch, text in D.ITEMS:
    day = rand_day(weekdays=True)
    a = dt.datetime(day.year, day.month, day.day, 14, 0, tzinfo=TZ)
    t = rand_time(a, a + dt.timedelta(minutes=210))
    cid = new_customer(t, agency_status())
    add(t, ch, cid, customers[cid]["phone"], text, "agency_d", "agency_package", "agency_d",
        "116.25.143.%d" % rng.randint(2, 250), rng.choice(D.DEVICES))

# ---------------- genuine incident ----------------
i0 = dt.datetime(2026, 9, 3, 10, 5, tzinfo=TZ)
for ch, text in t_incident.ITEMS:
    t = rand_time(i0, i0 + dt.timedelta(minutes=175))
    st = ("predue", 0) if ("今天" in text and "还款" in text) or "还款日" in text else rng.choice([("normal",), ("normal",), ("predue", rng.randint(1, 10))])
    cid = new_customer(t, st)
    add(t, ch, cid, customers[cid]["phone"], text, "incident_forced_permission", "grievance", None,
        new_ip() if ch in ("app", "email") else None, new_device() if ch == "app" else None)

# ---------------- hardship burst ----------------
h0 = dt.datetime(2026, 8, 22, 8, 30, tzinfo=TZ)
for ch, text in t_burst.ITEMS:
    t = rand_time(h0, h0 + dt.timedelta(minutes=235))
    cid = new_customer(t, ("overdue", rng.randint(1, 8)))
    add(t, ch, cid, customers[cid]["phone"], text, "hardship_burst", "hardship", None,
        new_ip() if ch in ("app", "email") else None, new_device() if ch == "app" else None)

# ---------------- viral wording ----------------
v0 = dt.datetime(2026, 9, 13, 21, 0, tzinfo=TZ)
for ch, text in t_viral.ITEMS:
    t = rand_time(v0, v0 + dt.timedelta(days=7, hours=2))
    cid = new_customer(t, ("normal",))
    add(t, ch, cid, customers[cid]["phone"], text, "viral_wording", "grievance", None,
        new_ip() if ch in ("app", "email") else None, new_device() if ch == "app" else None)

def own(ch, cid, t, text, grp, intent):
    return add(t, ch, cid, customers[cid]["phone"], text, grp, intent, None,
               new_ip() if ch in ("app", "email") else None, new_device() if ch == "app" else None)

# ---------------- grievances ----------------
for ch, od, text in t_grievance.ITEMS:
    t = day_time(rand_day(), 8, 22)
    cid = new_customer(t, ("overdue", rng.randint(1, 30)) if od else ("normal",))
    own(ch, cid, t, text, "grievance", "grievance")

# ---------------- hardship pleas ----------------
for ch, pre, text in t_hardship.ITEMS:
    t = day_time(rand_day(), 8, 22)
    cid = new_customer(t, ("predue", rng.randint(0, 3)) if pre else ("overdue", rng.randint(3, 70)))
    own(ch, cid, t, text, "hardship", "hardship")

# ---------------- families ----------------
for share, members in t_misc.FAMILIES:
    shared_phone = new_phone(); shared_dev = new_device(); home_ip = new_ip()
    d = rand_day(b=END.date() - dt.timedelta(days=20))
    for k, (ch, intent, od, text) in enumerate(members):
        t = day_time(d + dt.timedelta(days=rng.randint(0, 18)), 8, 22)
        st = ("overdue", rng.randint(3, 25)) if od else ("normal",)
        if intent == "hardship" and not od:
            st = ("predue", 2)
        cid = new_customer(t, st, phone=shared_phone if k == 0 else None)
        if share == "phone":
            add(t, ch, cid, shared_phone, text, "family", intent, None,
                home_ip if ch in ("app", "email") else None, new_device() if ch == "app" else None)
        else:
            add(t, ch, cid, customers[cid]["phone"], text, "family", intent, None,
                home_ip if ch in ("app", "email") else None, shared_dev if ch == "app" else None)

# ---------------- collector cited ----------------
for ch, text in t_misc.COLLECTOR_ITEMS:
    t = day_time(rand_day(dt.date(2026, 8, 20), dt.date(2026, 9, 12)), 8, 22)
    cid = new_customer(t, ("overdue", rng.randint(2, 20)))
    own(ch, cid, t, text, "collector_cited", "grievance")

# ---------------- repeats ----------------
for seq in t_misc.REPEATS:
    d = rand_day(dt.date(2026, 8, 3), dt.date(2026, 9, 5))
    t = day_time(d, 9, 21)
    od = "催收" in seq[0][1]
    cid = new_customer(t, ("overdue", rng.randint(5, 20)) if od else ("normal",))
    for k, (ch, text) in enumerate(seq):
        tk = day_time(d + dt.timedelta(days=k * rng.randint(6, 10)), 9, 21)
        own(ch, cid, tk, text, "repeat", "grievance")

# ---------------- background ----------------
for ch, intent, text in t_misc.BACKGROUND:
    t = day_time(rand_day(), 8, 22)
    st = ("normal",) if rng.random() < 0.85 else ("overdue", rng.randint(1, 10))
    cid = new_customer(t, st)
    own(ch, cid, t, text, "background", intent)

# ---------------- finalize complaints ----------------
rng.shuffle(recs)
campaigns, groups, intents = {}, {}, {}
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for n, r in enumerate(recs, 1):
        cid = "B8-%06d" % n
        campaigns[cid] = r["_campaign"]; groups[cid] = r["_group"]; intents[cid] = r["_intent"]
        o = {"complaint_id": cid, "received_at": r["received_at"].isoformat(timespec="seconds"),
             "channel": r["channel"], "customer_id": r["customer_id"], "phone": r["phone"], "text": r["text"]}
        if "ip" in r: o["ip"] = r["ip"]
        if "device_id" in r: o["device_id"] = r["device_id"]
        f.write(json.dumps(o, ensure_ascii=False) + "\n")

with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    for c in sorted(customers.values(), key=lambda c: c["customer_id"]):
        w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"]])

organizers = {
    "agency_a": list(A.ORGANIZERS),
    "agency_b": list(B.PHONES) + sorted(b_devices),
    "agency_c": list(C.PHONES) + [C.WECHAT, C.USCC, C.CARD] + c_devs + [C.OFFICE],
    "agency_d": list(D.CONTACTS) + list(D.DEVICES) + [D.OFFICE],
}
json.dump({"campaigns": campaigns, "organizers": organizers, "groups": groups, "complaint_intent": intents},
          open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# ---------------- posts ----------------
posts = t_posts1.P + t_posts2.P
order = list(range(len(posts))); rng.shuffle(order)
ptruth = {}
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for n, k in enumerate(order, 1):
        plat, acct, intent, is_ad, contacts, agency, text = posts[k]
        if "6.2.0" in text or "通讯录权限" in text or "强制索取通讯录" in text:
            t = rand_time(dt.datetime(2026, 9, 3, 11, 0, tzinfo=TZ), dt.datetime(2026, 9, 7, 22, 0, tzinfo=TZ))
        elif "台风" in text:
            t = rand_time(dt.datetime(2026, 8, 21, 18, 0, tzinfo=TZ), dt.datetime(2026, 8, 30, 22, 0, tzinfo=TZ))
        elif "精打细算" in acct:
            t = dt.datetime(2026, 9, 13, 20, 42, tzinfo=TZ)
        elif "担保费" in text and intent in ("notice", "lawful_offer", "question", "news"):
            t = rand_time(dt.datetime(2026, 9, 14, 8, 0, tzinfo=TZ), dt.datetime(2026, 9, 30, 22, 0, tzinfo=TZ))
        else:
            t = rand_time(START, END)
        pid = "B8P-%04d" % n
        f.write(json.dumps({"post_id": pid, "platform": plat, "account": acct,
                            "posted_at": t.isoformat(timespec="seconds"), "text": text}, ensure_ascii=False) + "\n")
        ptruth[pid] = {"intent": intent, "is_ad": is_ad, "contacts": [c.lower() for c in contacts], "agency": agency}
json.dump({"posts": ptruth}, open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print("complaints", len(recs), "customers", len(customers), "posts", len(posts))
