#!/usr/bin/env python3
"""Assemble B24 files from hand-written texts in texts/. Standard library only, fixed seed.
Assigns ids, timestamps, phones, devices, IPs and customer rows; texts are used verbatim
(email-channel texts get a sender header)."""
import json, random, os, csv, datetime as dt

random.seed(240301)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
T = os.path.join(HERE, "texts")
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 3, 1, 0, 0, tzinfo=TZ)
END = dt.datetime(2026, 4, 30, 23, 59, 59, tzinfo=TZ)

def read(name):
    rows = []
    for line in open(os.path.join(T, name), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip():
            rows.append(line.split("\t"))
    return rows

SURN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建华飞鑫波宁琳晨雪梅海燕亮志强婷浩宇俊凯佳欣文博子豪思雨梓涵晓东春花国庆"
used_names = set()
def rname():
    while True:
        n = random.choice(SURN) + "".join(random.choice(GIVEN) for _ in range(random.choice([1, 2, 2])))
        if n not in used_names:
            used_names.add(n); return n

PREF = ["130","131","132","133","135","136","137","138","139","150","151","152","155","156","157","158","159","176","177","180","181","182","183","185","186","187","188","189","191","199"]
used_phones = set()
RESERVED = {"13025117846","18826043957","15602231874","17052318846","17052318913","17052319027","16530482261",
            "16530482379","17108865102","17108865240","16710237764","15989034721","13316092478","17759203318"}
def rphone():
    while True:
        p = random.choice(PREF) + "".join(random.choice("0123456789") for _ in range(8))
        if p not in used_phones and p not in RESERVED:
            used_phones.add(p); return p

used_dev = set()
def rdev():
    while True:
        d = "dev-" + "".join(random.choice("0123456789abcdef") for _ in range(10))
        if d not in used_dev:
            used_dev.add(d); return d

A_BLOCKS = [(36,), (39,), (42,), (49,), (58,), (59,), (60,), (61,), (101,), (106,), (110,), (111,), (112,), (113,), (114,), (115,), (116,), (117,), (119,), (120,), (121,), (122,), (123,), (124,), (125,), (171,), (175,), (180,), (182,), (202,), (210,), (211,), (218,), (219,), (221,), (222,), (223,)]
used24 = set(["58.62.114", "183.6.88"])
def rip():
    while True:
        a = random.choice(A_BLOCKS)[0]; b = random.randint(1, 254); c = random.randint(0, 254)
        k = f"{a}.{b}.{c}"
        if k not in used24:
            used24.add(k); return f"{k}.{random.randint(2, 253)}"

def at(day, h0, h1):
    """random time on date `day` (datetime.date) between hours h0..h1"""
    secs = random.randint(int(h0 * 3600), int(h1 * 3600) - 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=TZ) + dt.timedelta(seconds=secs)

def d(m, dd):
    return dt.date(2026, m, dd)

def rand_day(a=d(3, 1), b=d(4, 30)):
    return a + dt.timedelta(days=random.randint(0, (b - a).days))

def email_addr():
    u = "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(random.randint(3, 7)))
    if random.random() < 0.6:
        u += str(random.randint(1975, 2004))
    return u + "@" + random.choice(["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"])

def email_wrap(text, addr):
    return f"[邮件 发件人 {addr}] {text}"

customers = {}   # id -> row dict
complaints = []  # dicts without id
cust_seq = [0]
def new_customer(name, phone, principal=None):
    cust_seq[0] += 1
    cid = f"C24{cust_seq[0]:06d}"
    customers[cid] = {"customer_id": cid, "name": name, "phone": phone,
                      "principal": principal or random.choice(range(1000, 30001, 500)),
                      "next_due_date": "", "overdue_days": 0}
    return cid

def set_due(cid, when, overdue=None, due_in=None):
    """snapshot as of the customer's (first) complaint time."""
    c = customers[cid]
    if c["next_due_date"] or c.get("_fixed"):
        return
    if overdue:
        c["overdue_days"] = overdue
        c["next_due_date"] = (when.date() - dt.timedelta(days=overdue)).isoformat()
    elif due_in is not None:
        c["overdue_days"] = 0
        c["next_due_date"] = (when.date() + dt.timedelta(days=due_in)).isoformat()
    c["_fixed"] = True

def add(when, channel, cid, phone, text, group, intent, campaign=None, ip=None, device=None):
    assert START <= when <= END, when
    r = {"received_at": when.isoformat(), "channel": channel, "customer_id": cid, "phone": phone, "text": text}
    if ip: r["ip"] = ip
    if device: r["device_id"] = device
    complaints.append({"rec": r, "group": group, "intent": intent, "campaign": campaign})

def name_of(n):
    if n.startswith("R:"):
        n = n[2:]
    return rname() if n.startswith("-") else (used_names.add(n) or n)

# ---------------- agency_a: coached self-filing group ----------------
A = read("ag_a.txt")
random.shuffle(A)
batches = [(d(3, 6), 12), (d(3, 22), 10), (d(4, 10), 10)]
i = 0
for start, n in batches:
    for k in range(n):
        name, text = A[i]; i += 1
        phone = rphone(); cid = new_customer(name, phone)
        late = random.random() < 0.3
        day = start + dt.timedelta(days=random.randint(3, 9) if late else random.randint(0, 2))
        when = at(day, 19.5, 23.6) if random.random() < 0.75 else at(day, 12, 13.8)
        ch = random.choices(["app", "regulator", "social", "hotline"], [12, 10, 5, 5])[0]
        dev, ip = rdev() if ch == "app" else None, rip() if ch in ("app", "social") else None
        if random.random() < 0.2:
            set_due(cid, when, due_in=random.randint(0, 7))
        else:
            set_due(cid, when, overdue=random.randint(8, 110))
        add(when, ch, cid, phone, text, "agency_a", "agency_package", "agency_a", ip, dev)

# ---------------- agency_b: 委托代理人/家属, agency phones + e-mails ----------------
B_PHONES = ["13025117846", "18826043957", "15602231874"]
B_MAILS = ["hc_weituo@126.com", "huicheng_kf@163.com"]
FORMAL = ("函", "邮件", "委托书", "主题", "附件", "尊敬", "诉求", "关于", "盼复", "本邮箱")
for name, text in read("ag_b.txt"):
    cid = new_customer(name, rphone())
    day = rand_day(d(3, 3), d(4, 28))
    while day.weekday() >= 5:
        day = rand_day(d(3, 3), d(4, 28))
    when = at(day, 9.5, 18)
    if random.random() < 0.15:
        set_due(cid, when, due_in=random.randint(1, 7))
    else:
        set_due(cid, when, overdue=random.randint(10, 150))
    if any(f in text for f in FORMAL):
        mail = random.choice(B_MAILS)
        add(when, "email", cid, random.choice(B_PHONES), email_wrap(text, mail), "agency_b", "agency_package", "agency_b",
            ip=f"58.62.114.{random.randint(10, 60)}")
    else:
        add(when, "hotline", cid, random.choice(B_PHONES), text, "agency_b", "agency_package", "agency_b")

# ---------------- agency_c: rented SIM cards, each <= 7 days ----------------
CARDS = [("17052318846", d(3, 4)), ("17052318913", d(3, 11)), ("16530482261", d(3, 19)), ("17052319027", d(3, 27)),
         ("16530482379", d(4, 3)), ("17108865102", d(4, 10)), ("17108865240", d(4, 17)), ("16710237764", d(4, 23))]
C = read("ag_c.txt")
ci = 0
per = [5, 4, 5, 4, 5, 4, 4, 4]
for (card, first), n in zip(CARDS, per):
    for k in range(n):
        name, text = C[ci]; ci += 1
        cid = new_customer(name, rphone())
        day = first + dt.timedelta(days=random.randint(0, 6))
        when = at(day, 9, 20.5)
        if random.random() < 0.2:
            set_due(cid, when, due_in=random.randint(0, 6))
        else:
            set_due(cid, when, overdue=random.randint(15, 180))
        ch = "hotline" if ("来电" in text or random.random() < 0.6) else "regulator"
        add(when, ch, cid, card, text, "agency_c", "agency_package", "agency_c")
assert ci == len(C), (ci, len(C))

# ---------------- agency_d: fake 法务 letters ----------------
D_PHONES = ["15989034721", "13316092478"]
for name, text in read("ag_d.txt"):
    cid = new_customer(name, rphone())
    day = rand_day(d(3, 10), d(4, 27))
    while day.weekday() >= 5:
        day = rand_day(d(3, 10), d(4, 27))
    when = at(day, 10, 17.5)
    if random.random() < 0.15:
        set_due(cid, when, due_in=random.randint(1, 7))
    else:
        set_due(cid, when, overdue=random.randint(20, 200))
    ch = random.choices(["email", "regulator", "other"], [12, 10, 8])[0]
    ph = random.choice(D_PHONES)
    if ch == "email":
        add(when, ch, cid, ph, email_wrap(text, "zhengan_fawu@163.com"), "agency_d", "agency_package", "agency_d",
            ip=f"183.6.88.{random.randint(100, 140)}")
    else:
        add(when, ch, cid, ph, text, "agency_d", "agency_package", "agency_d")

def genuine(name, text, when, ch, group, intent, phone=None, cid=None, dev=None, ip=None, email=None):
    if cid is None:
        phone = phone or rphone()
        cid = new_customer(name_of(name), phone)
    if ch == "email":
        text = email_wrap(text, email or email_addr())
        ip = ip or rip()
    elif ch == "app":
        dev = dev or rdev(); ip = ip or rip()
    elif ch == "social" and ip is None and random.random() < 0.5:
        ip = rip()
    add(when, ch, cid, phone, text, group, intent, None, ip, dev)
    return cid

# ---------------- incident: 借款期数 12->6 ----------------
t0 = dt.datetime(2026, 4, 16, 9, 50, tzinfo=TZ)
for name, text in read("incident.txt"):
    when = t0 + dt.timedelta(seconds=random.randint(0, 3 * 3600 - 60))
    ch = "hotline" if "来电" in text else ("email" if "邮件" in text else random.choices(["app", "social", "hotline"], [6, 2, 1])[0])
    cid = genuine(name, text, when, ch, "incident_term_mismatch", "grievance")
    set_due(cid, when, due_in=30)

# ---------------- hardship burst: earthquake ----------------
t0 = dt.datetime(2026, 4, 9, 7, 20, tzinfo=TZ)
for name, text in read("burst.txt"):
    when = t0 + dt.timedelta(seconds=random.randint(0, 4 * 3600 - 60))
    ch = random.choices(["app", "hotline", "social", "regulator"], [6, 3, 1, 1])[0]
    cid = genuine(name, text, when, ch, "hardship_burst", "hardship")
    set_due(cid, when, overdue=random.randint(1, 40))

# ---------------- viral wording: 结清证明 ----------------
for name, text in read("viral.txt"):
    when = at(rand_day(d(4, 20), d(4, 27)), 8, 23.5)
    ch = "hotline" if "来电" in text else random.choices(["app", "social", "regulator", "email"], [6, 3, 2, 1])[0]
    cid = genuine(name, text, when, ch, "viral_wording", "grievance")
    customers[cid]["_fixed"] = True  # settled: no due date, 0 overdue

# ---------------- grievances ----------------
for name, text in read("grievance.txt"):
    when = at(rand_day(), 8, 23)
    rep = name.startswith("R:")
    lawyer = "执业证号" in text
    ch = "email" if lawyer else random.choices(["app", "hotline", "email", "social", "regulator", "other"], [8, 6, 2, 2, 3, 1])[0]
    if rep:  # relative or lawyer writes from their own phone on the borrower's behalf
        cid = new_customer(name_of(name), rphone())
        genuine(name, text, when, ch, "grievance", "representative", phone=rphone(), cid=cid)
    else:
        cid = genuine(name, text, when, ch, "grievance", "grievance")
    if any(k in text for k in ("逾期才", "晚了", "才逾期", "逾期第一天", "逾期一", "晚几天")):
        set_due(cid, when, overdue=random.randint(1, 7))
    else:
        set_due(cid, when, due_in=random.randint(1, 30))

# ---------------- hardship pleas ----------------
for name, text in read("hardship.txt"):
    when = at(rand_day(d(3, 2), d(4, 29)), 8, 23.5)
    ch = random.choices(["app", "hotline", "email", "regulator", "social"], [8, 6, 1, 2, 1])[0]
    cid = genuine(name, text, when, ch, "hardship", "hardship")
    if name == "-D":
        due_in = 0 if "今天" in text else (1 if "明天" in text else (2 if "后天" in text and "大后天" not in text else 3))
        if "下周" in text or "这周五" in text: due_in = 3
        set_due(cid, when, due_in=due_in)
    else:
        set_due(cid, when, overdue=random.randint(5, 60))

# ---------------- families sharing a phone/device ----------------
fams = {}
for fid, text in read("family.txt"):
    fams.setdefault(fid, []).append(text)
for fid, texts in fams.items():
    shared_phone = rphone(); shared_dev = rdev(); home_ip = rip()
    base = rand_day(d(3, 2), d(4, 25))
    for j, text in enumerate(texts):
        own_phone = shared_phone if (j == 0 or int(fid[1:]) % 2 == 0) else rphone()
        cid = new_customer(rname(), own_phone)
        when = at(base + dt.timedelta(days=random.choice([0, 0, 1, 3])), 19, 22.5)
        ch = random.choices(["app", "hotline"], [3, 1])[0]
        intent = "hardship" if any(k in text for k in ("晚几天", "延期", "晚点")) else \
                 ("grievance" if any(k in text for k in ("催收", "多扣", "高了", "待还", "失败", "锁了", "没有恢复", "不一样")) else "other")
        if ch == "app":
            add(when, ch, cid, shared_phone, text, "family", intent, None, home_ip.rsplit(".", 1)[0] + f".{random.randint(2,250)}", shared_dev)
        else:
            add(when, ch, cid, shared_phone, text, "family", intent)
        if "逾期" in text:
            set_due(cid, when, overdue=random.randint(2, 6))
        else:
            set_due(cid, when, due_in=random.randint(1, 28))

# ---------------- collector cited ----------------
for name, text in read("collector.txt"):
    when = at(rand_day(d(3, 14), d(4, 18)), 9, 22)
    ch = random.choices(["app", "hotline", "regulator", "social"], [4, 3, 2, 1])[0]
    cid = genuine(name, text, when, ch, "collector_cited", "grievance")
    set_due(cid, when, overdue=random.randint(1, 6))

# ---------------- repeat complainers ----------------
reps = {}
for rid, text in read("repeat.txt"):
    reps.setdefault(rid, []).append(text)
rep_start = {"R1": d(3, 8), "R2": d(3, 15), "R3": d(3, 28), "R4": d(4, 6)}
for rid, texts in reps.items():
    phone = rphone(); dev = rdev(); cid = new_customer(rname(), phone)
    day = rep_start[rid]
    for text in texts:
        when = at(day, 9, 22)
        ch = random.choices(["app", "hotline", "regulator"], [3, 2, 1])[0] if text is not texts[-1] else random.choice(["regulator", "app"])
        add(when, ch, cid, phone, text, "repeat", "grievance", None, rip() if ch == "app" else None, dev if ch == "app" else None)
        day = day + dt.timedelta(days=random.randint(4, 9))
    set_due(cid, dt.datetime(2026, rep_start[rid].month, rep_start[rid].day, tzinfo=TZ),
            due_in=random.randint(3, 25) if rid != "R4" else 0)

# ---------------- background ----------------
for name, text in read("background.txt"):
    when = at(rand_day(), 7.5, 23.8)
    ch = random.choices(["app", "hotline", "email", "social", "other"], [10, 6, 1, 1, 1])[0]
    cid = genuine(name, text, when, ch, "background", "other")
    set_due(cid, when, due_in=random.randint(1, 30))

# ---------------- assign ids (shuffled) ----------------
random.shuffle(complaints)
campaigns, groups, intents = {}, {}, {}
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for n, c in enumerate(complaints, 1):
        cid = f"B24-{n:06d}"
        rec = {"complaint_id": cid, **c["rec"]}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        campaigns[cid] = c["campaign"]; groups[cid] = c["group"]; intents[cid] = c["intent"]

with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    for c in customers.values():
        w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"]])

organizers = {
    "agency_a": ["上岸互助营", "736281945", "shangan_li88"],
    "agency_b": B_PHONES + B_MAILS + ["6230582000114578921", "58.62.114.0/24", "汇诚债务咨询"],
    "agency_c": [c for c, _ in CARDS],
    "agency_d": D_PHONES + ["zafw2026", "zhengan_fawu@163.com", "91440101MA5CK7Y23R",
                            "6222024008056613527", "183.6.88.0/24", "正安法务"],
}
json.dump({"campaigns": campaigns, "organizers": organizers, "groups": groups, "complaint_intent": intents},
          open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# ---------------- posts ----------------
posts = []
for fn in ("posts_ads.txt", "posts_other.txt", "posts_off.txt"):
    for intent, agency, platform, account, contacts, text in read(fn):
        posts.append((intent, None if agency == "-" else agency, platform, account,
                      [] if contacts == "-" else [c.lower() for c in contacts.split(",") if "@" not in c], text))
random.shuffle(posts)
ptruth = {}
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for n, (intent, agency, platform, account, contacts, text) in enumerate(posts, 1):
        pid = f"B24P-{n:04d}"
        if "期数" in text:
            day = rand_day(d(4, 16), d(4, 18))
        elif "地震" in text or "受灾" in text:
            day = rand_day(d(4, 9), d(4, 14))
        elif "结清证明" in text:
            day = rand_day(d(4, 19), d(4, 30))
        elif agency == "agency_c":
            day = d(4, 11) if "17108865102" in text else d(3, 2)
        else:
            day = rand_day()
        posted = at(day, 7, 23.9)
        f.write(json.dumps({"post_id": pid, "platform": platform, "account": account,
                            "posted_at": posted.isoformat(), "text": text}, ensure_ascii=False) + "\n")
        ptruth[pid] = {"intent": intent, "is_ad": intent in ("service_ad", "recruitment"),
                       "contacts": contacts, "agency": agency}
json.dump({"posts": ptruth}, open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)
print("complaints", len(complaints), "customers", len(customers), "posts", len(posts))
