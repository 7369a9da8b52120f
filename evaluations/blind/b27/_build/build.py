#!/usr/bin/env python3
"""Assemble b27 files from hand-written texts. Standard library only. Fixed seed."""
import json, random, re, csv, datetime as dt, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import agency_a, agency_b, agency_c, agency_d, genuine_groups as gg, genuine_individual as gi, genuine_more as gm
import posts_a, posts_b, posts_c

R = random.Random(20260427)
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 3, 1, tzinfo=TZ); END = dt.datetime(2026, 4, 30, 23, 59, 59, tzinfo=TZ)

used_phones = set(); used_ips = set(); used_dev = set()
AG_B_PHONES = ["13926481037", "18529370415", "15360728842"]
AG_B_EMAILS = ["xc_weituo88@126.com", "shengfu_xieshang@163.com"]
AG_D_PHONE = "13760215598"
COLLECTOR = gi.COLLECTOR
reserved = set(AG_B_PHONES + [AG_D_PHONE, COLLECTOR, "19146027735"])
PREFIX = ["130","131","132","133","135","136","137","138","139","150","151","152","155","156","157","158","159",
          "166","173","176","177","178","180","181","182","183","185","186","187","188","189","191","195","198","199"]
def phone(prefixes=PREFIX):
    while True:
        p = R.choice(prefixes) + "".join(R.choice("0123456789") for _ in range(8))
        if p not in used_phones and p not in reserved:
            used_phones.add(p); return p
def ip():
    while True:
        a = R.choice([36,39,42,49,58,60,61,101,106,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,171,175,180,182,183,218,219,221,222,223])
        x = f"{a}.{R.randint(1,254)}.{R.randint(0,255)}.{R.randint(1,254)}"
        if x.startswith("183.6.122.") or x.startswith("59.42.108."): continue
        if x not in used_ips: used_ips.add(x); return x
def dev():
    while True:
        if R.random() < 0.45:
            d = "IOS-" + "".join(R.choice("0123456789ABCDEF") for _ in range(8)) + "-" + "".join(R.choice("0123456789ABCDEF") for _ in range(4))
        else:
            d = "AND-" + "".join(R.choice("0123456789abcdef") for _ in range(16))
        if d not in used_dev: used_dev.add(d); return d

SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国文斌宇浩凯俊帆琳晶雪梅兰燕婷倩颖晨阳欣怡佳慧宁博鑫峰海波亮"
used_names = set()
def name():
    while True:
        n = R.choice(SUR) + "".join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))
        if n not in used_names: used_names.add(n); return n

customers = {}  # id -> row
used_cids = set()
def customer(ref, overdue=None, due_in=None, settled=False, ph=None):
    while True:
        cid = "C" + str(R.randint(1000000, 9999999))
        if cid not in used_cids: used_cids.add(cid); break
    if settled:
        due, od = "", 0
    elif overdue:
        due, od = (ref.date() - dt.timedelta(days=overdue)).isoformat(), overdue
    else:
        due, od = (ref.date() + dt.timedelta(days=due_in if due_in is not None else R.randint(3, 28))).isoformat(), 0
    customers[cid] = dict(customer_id=cid, name=name(), phone=ph or phone(), principal=R.randrange(2000, 50001, 100),
                          next_due_date=due, overdue_days=od)
    return cid

def rtime(a, b, hours=(8, 22)):
    while True:
        t = a + dt.timedelta(seconds=R.randint(0, int((b - a).total_seconds())))
        if hours[0] <= t.hour < hours[1]: return t
def D(m, d, h=0, mi=0): return dt.datetime(2026, m, d, h, mi, tzinfo=TZ)

complaints = []  # dicts with group/campaign/intent
def add(t, ch, cid, ph, text, group, camp, intent, ipa=None, device=None):
    complaints.append(dict(received_at=t, channel=ch, customer_id=cid, phone=ph, text=text, ip=ipa, device_id=device,
                           _group=group, _camp=camp, _intent=intent))

CN = {"一":1,"两":2,"二":2,"三":3,"四":4,"五":5,"六":6,"七":7,"八":8,"九":9,"十":10,"十一":11,"十二":12,"十五":15,"二十":20,"四十":40,"五十":50}
def overdue_from(text, default):
    m0 = re.search(r"逾期第([一二三四五六七八九十]|\d+)天", text)
    if m0: n = m0.group(1); return int(n) if n.isdigit() else CN.get(n, 1)
    m = re.search(r"逾期(?:了)?(?:快|将近)?([一两二三四五六七八九十]+|\d+)(?:多)?(天|个?月|周|个多月|个星期)", text)
    if not m: 
        if "逾期一个多月" in text or "一个多月" in text: return 35
        return default
    n = m.group(1); n = int(n) if n.isdigit() else CN.get(n, 10)
    unit = m.group(2)
    if "月" in unit: return n * 30 + (5 if "多" in m.group(0) else 0)
    if unit in ("周", "个星期"): return n * 7
    return n + (3 if "多" in m.group(0) else 0)

organizers = {}
# ---------------- Agency A: coached self-filing ----------------
batches = [(D(3,6,19), D(3,9,23), 12), (D(3,20,19), D(3,24,23), 14), (D(4,8,19), D(4,12,23), 14)]
ai = 0
for (a, b, n) in batches:
    for k in range(n):
        text = agency_a.TEXTS[ai]; ai += 1
        t = rtime(a, b, (7, 24))
        if R.random() < 0.22: t = t + dt.timedelta(days=R.randint(3, 9))   # late filers
        od = overdue_from(text, R.randint(8, 75))
        if R.random() < 0.12 and "逾期" not in text:
            cid = customer(t, due_in=R.randint(0, 6)); od = 0
        else:
            cid = customer(t, overdue=od)
        ch = R.choice(["app", "app", "regulator", "regulator", "hotline", "social"])
        ph = customers[cid]["phone"]
        ipa = ip() if ch in ("app", "social", "regulator") else None
        dv = dev() if ch in ("app", "social") else None
        add(t, ch, cid, ph, text, "AG_A", "AG_A", "agency_package", ipa, dv)
organizers["AG_A"] = ["lin_ls2026", "583920174"]

# ---------------- Agency B: 委托代理人/家属 via hotline/email ----------------
b_ips = [f"183.6.122.{x}" for x in (17, 23, 41, 58)]
for ch, text in agency_b.TEXTS:
    t = rtime(D(3,3), D(4,28,18), (9, 18))
    while t.weekday() >= 5: t = rtime(D(3,3), D(4,28,18), (9, 18))
    od = R.randint(5, 90)
    cid = customer(t, overdue=od) if R.random() > 0.08 else customer(t, due_in=R.randint(1, 7))
    if ch == "hotline":
        ph = R.choice(AG_B_PHONES); ipa = None
    else:
        ph = R.choice(AG_B_PHONES[:2]); ipa = R.choice(b_ips)
        em = R.choice(AG_B_EMAILS)
        text = f"[发件人: {em}] " + text
    add(t, ch, cid, ph, text, "AG_B", "AG_B", "representative", ipa, None)
organizers["AG_B"] = AG_B_PHONES + AG_B_EMAILS + ["6217003820415567913", "183.6.122.0/24"]

# ---------------- Agency C: rented SIMs, rotated ----------------
sims = []
cur = D(3,4,9)
simpref = ["170", "171", "165", "167", "162"]
items = list(agency_c.TEXTS)
i = 0
while i < len(items):
    s = phone(simpref); sims.append(s)
    life = R.randint(4, 5)
    n = min(R.randint(3, 4), len(items) - i)
    ts = sorted(rtime(cur, cur + dt.timedelta(days=life), (9, 20)) for _ in range(n))
    for t in ts:
        role, text = items[i]; i += 1
        od = R.randint(3, 80)
        cid = customer(t, overdue=od) if R.random() > 0.1 else customer(t, due_in=R.randint(0, 6))
        add(t, "hotline", cid, s, text, "AG_C", "AG_C", "agency_package" if role == "self" else "representative")
    cur = cur + dt.timedelta(days=life)
organizers["AG_C"] = sims + ["anran_xieshang", "19146027735"]

# ---------------- Agency D: fake 法务 from office network / emulators ----------------
d_devs = [dev(), dev(), dev()]
d_chs = ["app"] * 12 + ["social"] * 10 + ["regulator"] * 10 + ["other"] * 4
R.shuffle(d_chs)
for ch, text in zip(d_chs, agency_d.TEXTS):
    t = rtime(D(3,15), D(4,25,18), (9, 18))
    while t.weekday() >= 5: t = rtime(D(3,15), D(4,25,18), (9, 18))
    cid = customer(t, overdue=R.randint(10, 120)) if R.random() > 0.1 else customer(t, due_in=R.randint(0, 7))
    ph = customers[cid]["phone"]
    ipa = f"59.42.108.{R.choice([12, 12, 37, 37, 88, 131])}"
    dv = R.choice(d_devs) if ch in ("app", "social") else None
    add(t, ch, cid, ph, text, "AG_D", "AG_D", "representative", ipa, dv)
organizers["AG_D"] = ["91440106MA5CQ8R27K", "6228480129773350218", "59.42.108.0/24", "zhengheng_fawu", AG_D_PHONE] + d_devs

# ---------------- Genuine incident ----------------
for text in gg.INCIDENT:
    t = rtime(D(4,8,9,10), D(4,8,12,10), (0, 24))
    cid = customer(t, due_in=0 if ("还款日" in text) else R.choice([0, 0, 0, 1, 2, 5, 9, 14, 20]))
    ch = R.choice(["app"] * 6 + ["hotline"] * 2 + ["social", "email"])
    ph = customers[cid]["phone"]
    add(t, ch, cid, ph, text, "incident_misloan", None, "grievance",
        ip() if ch in ("app", "social", "email") else None, dev() if ch in ("app", "social") else None)
# ---------------- Hardship burst ----------------
for text in gg.BURST:
    t = rtime(D(4,2,9), D(4,2,13), (0, 24))
    od = overdue_from(text, R.randint(1, 6))
    cid = customer(t, overdue=od)
    ch = R.choice(["app"] * 4 + ["hotline"] * 3 + ["email", "social"])
    ph = customers[cid]["phone"]
    add(t, ch, cid, ph, text, "hardship_burst", None, "hardship",
        ip() if ch in ("app", "social", "email") else None, dev() if ch in ("app", "social") else None)
# ---------------- Viral wording ----------------
for text in gg.VIRAL:
    t = rtime(D(3,11,14), D(3,18,23), (8, 24))
    cid = customer(t, settled=True)
    ch = R.choice(["app", "app", "regulator", "social", "email", "regulator"])
    ph = customers[cid]["phone"]
    add(t, ch, cid, ph, text, "viral_wording", None, "grievance",
        ip() if ch != "hotline" else None, dev() if ch in ("app", "social") else None)

GCH = ["app"] * 5 + ["hotline"] * 4 + ["email"] + ["regulator"] * 2 + ["social"] + ["other"]
def gadd(text, group, intent, t=None, cid=None, ch=None, ph=None, ipa=0, dv=0, od=None, due_in=None):
    t = t or rtime(START, END)
    if cid is None:
        if od: cid = customer(t, overdue=od)
        else: cid = customer(t, due_in=due_in)
    ch = ch or R.choice(GCH)
    ph = ph or customers[cid]["phone"]
    if ipa == 0: ipa = ip() if ch in ("app", "social", "email", "regulator") else None
    if dv == 0: dv = dev() if ch in ("app", "social") else None
    add(t, ch, cid, ph, text, group, None, intent, ipa, dv)
    return cid

for role, text in gi.GRIEVANCE:
    od = overdue_from(text, 0) if "逾期" in text else (R.randint(1, 10) if "催" in text and R.random() < 0.6 else None)
    if role == "lawyer":
        gadd(text, "grievance", "representative", ch=R.choice(["email", "regulator"]), od=od)
    elif role == "rel":
        gadd(text, "grievance", "representative", ch=R.choice(["hotline", "email", "app"]), od=od or R.randint(3, 40))
    else:
        gadd(text, "grievance", "grievance", od=od)
for kind, text in gi.HARDSHIP:
    if kind == "pre":
        t = rtime(START, D(4,26))
        di = 0 if ("今天" in text) else 1 if "明天" in text else 2 if "后天" in text and "大后天" not in text else 3 if ("大后天" in text or "3天" in text) else R.randint(0, 3)
        if "15号" in text:
            mth = R.choice([3, 4]); t = rtime(D(mth, 12), D(mth, 15, 21)); di = 15 - t.day
        if "下周一" in text:
            di = (7 - t.weekday()) % 7 or 7
            if di > 3:  # move t so that next Monday is within 3 days
                t = t + dt.timedelta(days=di - 3); di = 3
        gadd(text, "hardship", "hardship", t=t, due_in=di)
    else:
        gadd(text, "hardship", "hardship", od=overdue_from(text, R.randint(3, 30)))
for text in gi.COLLECTOR_TEXTS:
    gadd(text, "collector_cited", "grievance", od=R.randint(1, 12))
# families
for fam in gm.FAMILIES:
    t0 = rtime(START, D(4,27))
    fph = None; fdev = dev(); fip = ip()
    for j, (intent, text) in enumerate(fam):
        t = t0 + dt.timedelta(minutes=R.randint(5, 60 * 30)) if j else t0
        od = overdue_from(text, R.randint(2, 15)) if intent == "hardship" and "逾期" in text else (R.randint(2, 12) if intent == "hardship" else None)
        cid = customer(t, overdue=od) if od else customer(t)
        if fph is None: fph = customers[cid]["phone"]
        ch = R.choice(["app", "app", "hotline"]) if j == 0 else ("app" if R.random() < 0.7 else "hotline")
        add(t, ch, cid, fph, text, "family", None, intent, fip if ch == "app" else None, fdev if ch == "app" else None)
# repeat
for texts in gm.REPEAT:
    t = rtime(D(3,2), D(3,25))
    cid = customer(t, overdue=R.randint(1, 5) if "催收" in texts[0] else None)
    d0 = dev(); i0 = ip()
    for k, text in enumerate(texts):
        if k: t = t + dt.timedelta(days=R.randint(5, 12), hours=R.randint(-5, 5))
        ch = R.choice(["app", "hotline", "app", "regulator"]) if k < 2 else R.choice(["regulator", "hotline", "app"])
        add(t, ch, cid, customers[cid]["phone"], text, "repeat", None, "grievance",
            i0 if ch in ("app", "regulator") else None, d0 if ch == "app" else None)
for intent, text in gm.BACKGROUND:
    od = 1 if "昨天忘了还" in text else None
    gadd(text, "background", intent, od=od)

# ---------------- finalise complaints ----------------
R.shuffle(complaints)
rows = []; truth = {"campaigns": {}, "organizers": organizers, "groups": {}, "complaint_intent": {}}
for n, c in enumerate(complaints, 1):
    cid = f"B27-{n:06d}"
    r = {"complaint_id": cid, "received_at": c["received_at"].isoformat(), "channel": c["channel"],
         "customer_id": c["customer_id"], "phone": c["phone"], "text": c["text"]}
    if c["ip"]: r["ip"] = c["ip"]
    if c["device_id"]: r["device_id"] = c["device_id"]
    rows.append(r)
    truth["campaigns"][cid] = c["_camp"]; truth["groups"][cid] = c["_group"]; truth["complaint_intent"][cid] = c["_intent"]
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    w.writeheader()
    for k in sorted(customers): w.writerow(customers[k])
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)

# ---------------- posts ----------------
allposts = posts_a.POSTS + posts_b.POSTS + posts_c.POSTS
order = list(range(len(allposts))); R.shuffle(order)
ACC = "abcdefghijklmnopqrstuvwxyz"
prows = []; ptruth = {"posts": {}}
for n, idx in enumerate(order, 1):
    intent, is_ad, ag, plat, contacts, text = allposts[idx]
    pid = f"B27-P{n:04d}"
    if "我今天也中招了" in text:
        t = rtime(D(4,8,10,5), D(4,8,12,0), (0, 24))
    elif "账户注销流程" in text:
        t = rtime(D(4,1), D(4,20), (9, 18))
    elif "4月8日" in text or "点还款变借款" in text or "点还款变借款这事" in text:
        t = rtime(D(4,8,12,30), D(4,10,22))
    elif "城东小商品" in text or "批发市场" in text:
        t = rtime(D(3,30,20), D(4,6,22))
    elif "注销" in text and ("四十七条" in text or "注销不了" in text):
        t = D(3,11,13,42) if "亲测有用" in text else rtime(D(3,11,14), D(4,20))
    else:
        t = rtime(START, END, (7, 24))
    acct = "".join(R.choice(ACC) for _ in range(R.randint(5, 9))) + str(R.randint(10, 9999))
    if ag and is_ad and R.random() < 0.5: acct = contacts[0] if not contacts[0].isdigit() else acct
    if "晟福" in text and intent in ("notice", "lawful_offer") and text.startswith("【晟福"): acct = "晟福借官方"
    prows.append({"post_id": pid, "platform": plat, "account": acct, "posted_at": t.isoformat(), "text": text})
    ptruth["posts"][pid] = {"intent": intent, "is_ad": is_ad, "contacts": [x.lower() for x in contacts], "agency": ag}
prows.sort(key=lambda r: r["post_id"])
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for r in prows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump(ptruth, f, ensure_ascii=False, indent=1)
print("complaints", len(rows), "customers", len(customers), "posts", len(prows))
