#!/usr/bin/env python3
"""Assemble B25 files from hand-written texts. Standard library only. Fixed seed."""
import json, random, csv, os, sys, re
from datetime import datetime, timedelta, timezone, date
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from t_a import A
from t_b import B
from t_c import C
from t_d import D
from t_inc import INC
from t_burst import BURST
from t_viral import VIRAL
from t_griev import GRIEV
from t_hard import HARD
from t_misc import FAMILY, COLLECTOR, REPEAT
from t_bg import BG
from t_posts1 import P1
from t_posts2 import P2, VIRAL_POST
from t_posts3 import P3

R = random.Random(2525)
TZ = timezone(timedelta(hours=8))
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = datetime(2026, 3, 1, 0, 0, tzinfo=TZ)
END = datetime(2026, 4, 30, 23, 59, 59, tzinfo=TZ)

# ---------------- organiser assets ----------------
A_HANDLE, A_QQGROUP = "shangan_zhou88", "736218495"
B_PHONES = ["15361827045", "13016692318", "18922071536"]
B_EMAILS = ["anxin_jiawu@163.com", "lx_weituo@126.com"]
B_BLOCK = "113.87.142"
B_CARD = "6217003320164489231"
C_SIMS = ["17161520394", "16725083916", "17043916285", "16592703148",
          "17136048257", "16752931804", "17095283617", "16620485973"]
C_HANDLE, C_QQ = "kaka_sim66", "1470382956"
D_USCC = "91440300MA5H7K2R3X"
D_QQ = "2871530946"
D_EMAIL = "fawu_hengxinda@163.com"
D_PHONE = "17304826591"
D_DEVICES = ["dev-7f3a91c2e04b", "dev-7f3a91c2e05d", "dev-b81d40a6f913"]
D_BLOCK = "120.229.61"
RESERVED = set(B_PHONES + C_SIMS + [D_PHONE, "17085523146"])

# ---------------- helpers ----------------
used_phones = set(RESERVED)
PFX = ["130","131","132","133","135","136","137","138","139","150","151","152","155","156","157","158","159",
       "166","173","175","176","177","180","181","182","183","185","186","187","188","189","191","198","199"]
def phone():
    while True:
        p = R.choice(PFX) + "".join(R.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p
used_dev = set(D_DEVICES)
def device():
    while True:
        d = "dev-" + "".join(R.choice("0123456789abcdef") for _ in range(12))
        if d not in used_dev:
            used_dev.add(d); return d
HOME_NETS = ["223.104", "117.136", "39.144", "111.55", "120.244", "183.14", "27.38", "112.96", "36.112", "222.209", "59.42", "106.122"]
def home_ip():
    return "%s.%d.%d" % (R.choice(HOME_NETS), R.randint(0, 255), R.randint(2, 254))
SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红燕文辉建国志鹏婷雪梅海峰宇浩凯欣怡佳琪晨阳俊鑫慧颖帆亮波斌琳倩颖晓红丹莉兰"
used_names = set()
def name():
    while True:
        n = R.choice(SUR) + R.choice(GIV) + (R.choice(GIV) if R.random() < 0.7 else "")
        if n not in used_names:
            used_names.add(n); return n
def rand_time(a, b, day_hours=(8, 23)):
    while True:
        t = a + timedelta(seconds=R.randint(0, int((b - a).total_seconds())))
        if day_hours[0] <= t.hour < day_hours[1]:
            return t
def personal_email(n):
    return R.choice(["%d@qq.com" % R.randint(10**8, 10**10), "%s%d@163.com" % ("".join(R.choice("abcdefghjkmnpqrstwxyz") for _ in range(R.randint(3, 6))), R.randint(10, 9999)),
                     "%s_%d@126.com" % ("".join(R.choice("abcdefghjkmnpqrstwxyz") for _ in range(4)), R.randint(1, 999))])


CN = {"一":1,"两":2,"二":2,"三":3,"四":4,"五":5,"六":6,"七":7,"八":8,"九":9,"十":10,"十几":13,"二十":20,"二十多":23,"快两":55,"一个多":40}
def parse_od(text):
    m = re.search(r"(?:逾期(?:了|快)?|还款日过了|晚了)(十几|二十多|二十|一个多|快两|[一两二三四五六七八九十])(天|周|个月|期)", text)
    if not m:
        return None
    n = CN[m.group(1)]
    if m.group(2) == "周": return n * 7
    if m.group(2) in ("个月", "期"): return n * 30 if n < 30 else n
    return n

customers = {}
cust_n = [0]
def new_customer(ref_time, overdue=None, due_in=None, settled=False, ph=None):
    cust_n[0] += 1
    cid = "C%06d" % (300000 + cust_n[0] * 7)
    d = ref_time.date()
    if settled:
        nd, od = "", 0
    elif overdue and overdue > 0:
        nd, od = (d - timedelta(days=overdue)).isoformat(), overdue
    else:
        k = due_in if due_in is not None else R.randint(1, 30)
        nd, od = (d + timedelta(days=k)).isoformat(), 0
    customers[cid] = dict(customer_id=cid, name=name(), phone=ph or phone(),
                          principal=R.randrange(2000, 50001, 100), next_due_date=nd, overdue_days=od)
    return cid

recs = []  # complaint records before id assignment
def add(t, ch, cid, ph, text, group, camp, intent, ip=None, dev=None):
    r = dict(received_at=t.isoformat(timespec="seconds"), channel=ch, customer_id=cid, phone=ph, text=text)
    if ip: r["ip"] = ip
    if dev: r["device_id"] = dev
    recs.append((r, group, camp, intent))

def genuine_channel():
    return R.choices(["app", "hotline", "email", "regulator", "social", "other"], [45, 25, 8, 10, 8, 4])[0]
def genuine(t, cid, text, group, intent, ch=None, dev=None, ip=None):
    ch = ch or genuine_channel()
    c = customers[cid]
    if ch == "app":
        add(t, ch, cid, c["phone"], text, group, None, intent, ip or home_ip(), dev or device())
    elif ch == "email":
        add(t, ch, cid, c["phone"], "发件人：%s\n%s" % (personal_email(c["name"]), text), group, None, intent, ip or home_ip())
    else:
        add(t, ch, cid, c["phone"], text, group, None, intent)

# ---------------- agency A: coached self-filing group ----------------
batches = [datetime(2026, 3, 4, 20, tzinfo=TZ), datetime(2026, 3, 16, 20, tzinfo=TZ),
           datetime(2026, 3, 30, 20, tzinfo=TZ), datetime(2026, 4, 13, 20, tzinfo=TZ)]
sizes = [10, 10, 9, 9]
idx = 0
for b, n in zip(batches, sizes):
    for _ in range(n):
        lag = R.choice([0, 1, 1, 2, 2, 3, 4, 5]) if R.random() < 0.8 else R.randint(7, 14)
        t = rand_time(b + timedelta(days=lag), b + timedelta(days=lag + 1), (8, 23))
        t = min(t, END - timedelta(hours=2))
        od = R.randint(25, 240) if R.random() < 0.85 else 0
        cid = new_customer(t, overdue=od, due_in=R.randint(1, 7))
        ch = R.choices(["app", "regulator", "hotline", "social", "email"], [35, 30, 15, 12, 8])[0]
        genuine(t, cid, A[idx], "agency_a", "agency_package", ch=ch)
        recs[-1] = (recs[-1][0], "agency_a", "agency_a", "agency_package")
        idx += 1
assert idx == len(A)

# ---------------- agency B: entrusted agent / family member ----------------
for i, (ch, tx) in enumerate(B):
    while True:
        t = rand_time(datetime(2026, 3, 3, tzinfo=TZ), datetime(2026, 4, 28, tzinfo=TZ), (9, 18))
        if t.weekday() < 5: break
    od = R.randint(15, 200) if R.random() < 0.9 else 0
    cid = new_customer(t, overdue=od, due_in=R.randint(2, 7))
    text = tx.format(name=customers[cid]["name"])
    if ch == "hotline":
        ph = R.choices(B_PHONES, [5, 4, 2])[0]
        add(t, "hotline", cid, ph, text, "agency_b", "agency_b", "representative")
    else:
        em = R.choice(B_EMAILS)
        add(t, "email", cid, R.choice(B_PHONES), "发件人：%s\n%s" % (em, text), "agency_b", "agency_b", "representative",
            ip="%s.%d" % (B_BLOCK, R.randint(10, 60)))

# ---------------- agency C: rented SIM cards ----------------
win_start = datetime(2026, 3, 8, tzinfo=TZ)
for i, (role, ch, tx) in enumerate(C):
    card = i // 4
    ws = win_start + timedelta(days=card * 6.5)
    t = rand_time(ws, ws + timedelta(days=6), (9, 21))
    od = R.randint(20, 180) if R.random() < 0.9 else 0
    cid = new_customer(t, overdue=od, due_in=R.randint(1, 6))
    add(t, ch, cid, C_SIMS[card], tx, "agency_c", "agency_c", "agency_package" if role == "self" else "representative")

# ---------------- agency D: "法务" via borrowers' app accounts on office handsets ----------------
for i, (ch, tx) in enumerate(D):
    while True:
        t = rand_time(datetime(2026, 3, 10, tzinfo=TZ), datetime(2026, 4, 29, tzinfo=TZ), (9, 19))
        if t.weekday() < 6: break
    od = R.randint(30, 300) if R.random() < 0.9 else 0
    cid = new_customer(t, overdue=od, due_in=R.randint(1, 7))
    ip = "%s.%d" % (D_BLOCK, R.randint(100, 140))
    if ch == "app":
        add(t, "app", cid, customers[cid]["phone"], tx, "agency_d", "agency_d", "representative", ip=ip, dev=R.choice(D_DEVICES))
    else:
        add(t, "email", cid, D_PHONE, "发件人：%s\n%s" % (D_EMAIL, tx), "agency_d", "agency_d", "representative", ip=ip)

# ---------------- genuine incident ----------------
s = datetime(2026, 3, 18, 10, 3, tzinfo=TZ)
for tx in INC:
    t = s + timedelta(seconds=R.randint(0, 3 * 3600 - 200))
    cid = new_customer(t, overdue=0, due_in=R.randint(0, 12))
    ch = R.choices(["app", "hotline", "social", "regulator", "email"], [55, 22, 12, 5, 6])[0]
    genuine(t, cid, tx, "incident_insurance_fee", "grievance", ch=ch)

# ---------------- hardship burst ----------------
s = datetime(2026, 4, 8, 14, 0, tzinfo=TZ)
for tx in BURST:
    t = s + timedelta(seconds=R.randint(0, 4 * 3600 - 60))
    cid = new_customer(t, overdue=parse_od(tx) or R.randint(1, 25))
    ch = R.choices(["app", "hotline", "social", "email"], [55, 35, 6, 4])[0]
    genuine(t, cid, tx, "hardship_burst", "hardship", ch=ch)

# ---------------- viral wording ----------------
for tx in VIRAL:
    t = rand_time(datetime(2026, 4, 14, 9, tzinfo=TZ), datetime(2026, 4, 21, 22, tzinfo=TZ))
    cid = new_customer(t, settled=True)
    ch = R.choices(["app", "regulator", "hotline", "email", "social"], [45, 25, 12, 10, 8])[0]
    genuine(t, cid, tx, "viral_wording", "grievance", ch=ch)

# ---------------- grievances ----------------
G_OD = {0: 2, 3: 1, 12: 4, 27: 3, 40: 2, 24: 1, 14: 0}
for i, (kind, tx) in enumerate(GRIEV):
    t = rand_time(START, END)
    cid = new_customer(t, overdue=G_OD.get(i, 0))
    genuine(t, cid, tx, "grievance", "grievance" if kind == "g" else "representative",
            ch=("email" if kind == "law" and i % 2 == 0 else ("regulator" if kind == "law" else None)))

# ---------------- hardship pleas ----------------
for near, tx in HARD:
    t = rand_time(START, END)
    if near:
        cid = new_customer(t, overdue=0, due_in=R.randint(0, 3))
    else:
        cid = new_customer(t, overdue=parse_od(tx) or R.randint(3, 75))
    genuine(t, cid, tx, "hardship", "hardship")

# ---------------- families ----------------
FAM_INTENT = [["other", "grievance"], ["other", "other", "other"], ["other", "other"], ["grievance", "other"],
              ["other", "grievance", "other"], ["hardship", "other"], ["grievance", "other"], ["other", "other"]]
for f, (kind, texts) in enumerate(FAMILY):
    base = rand_time(START, END - timedelta(days=3))
    shared_ph = phone()
    shared_dev, shared_ip = device(), home_ip()
    for j, tx in enumerate(texts):
        t = base + timedelta(minutes=R.randint(5, 90) * j + R.randint(0, 4))
        od = R.randint(1, 10) if (FAM_INTENT[f][j] == "hardship" or "逾期了三天" in tx) else 0
        cid = new_customer(t, overdue=od, due_in=R.randint(2, 20), ph=(shared_ph if j == 1 and kind == "phone" else None))
        if kind == "phone":
            ch = R.choice(["hotline", "hotline", "app"])
            if ch == "app":
                add(t, "app", cid, shared_ph, tx, "family", None, FAM_INTENT[f][j], shared_ip, device())
            else:
                add(t, "hotline", cid, shared_ph, tx, "family", None, FAM_INTENT[f][j])
        else:
            add(t, "app", cid, customers[cid]["phone"], tx, "family", None, FAM_INTENT[f][j], shared_ip, shared_dev)

# ---------------- collector cited ----------------
for tx in COLLECTOR:
    t = rand_time(datetime(2026, 3, 20, tzinfo=TZ), datetime(2026, 4, 12, tzinfo=TZ))
    cid = new_customer(t, overdue=parse_od(tx) or R.randint(2, 40))
    genuine(t, cid, tx, "collector_cited", "grievance")

# ---------------- repeat complainers ----------------
REP_INTENT = [["grievance"] * 3, ["grievance"] * 3, ["grievance"] * 3, ["other", "grievance", "grievance"]]
for k, texts in enumerate(REPEAT):
    t0 = rand_time(START, datetime(2026, 4, 5, tzinfo=TZ))
    cid = new_customer(t0, overdue=0)
    dev, ip = device(), home_ip()
    t = t0
    for j, tx in enumerate(texts):
        if j: t = t + timedelta(days=R.randint(4, 10), minutes=R.randint(-300, 300))
        ch = R.choice(["app", "app", "hotline", "regulator"]) if j < 2 else R.choice(["regulator", "app", "hotline"])
        genuine(t, cid, tx, "repeat", REP_INTENT[k][j], ch=ch, dev=dev, ip=ip)

# ---------------- background ----------------
for tx in BG:
    t = rand_time(START, END)
    cid = new_customer(t, overdue=(R.randint(1, 20) if R.random() < 0.1 else 0))
    genuine(t, cid, tx, "background", "other", ch=R.choices(["app", "hotline", "email", "social", "other"], [55, 30, 7, 4, 4])[0])

# ---------------- assign ids, write ----------------
R.shuffle(recs)
complaints, campaigns, groups, intents = [], {}, {}, {}
for i, (r, g, camp, intent) in enumerate(recs, 1):
    cid_ = "B25-%06d" % i
    row = {"complaint_id": cid_}; row.update(r)
    complaints.append(row)
    campaigns[cid_] = camp; groups[cid_] = g; intents[cid_] = intent
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for row in complaints:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id", "name", "phone", "principal", "next_due_date", "overdue_days"])
    w.writeheader()
    for c in sorted(customers.values(), key=lambda x: x["customer_id"]):
        w.writerow(c)
organizers = {
    "agency_a": [A_HANDLE, A_QQGROUP],
    "agency_b": B_PHONES + B_EMAILS + [B_CARD, B_BLOCK + ".0/24"],
    "agency_c": C_SIMS + [C_HANDLE, C_QQ],
    "agency_d": [D_USCC, D_QQ, D_EMAIL, D_PHONE] + D_DEVICES + [D_BLOCK + ".0/24"],
}
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump({"campaigns": campaigns, "organizers": organizers, "groups": groups, "complaint_intent": intents},
              f, ensure_ascii=False, indent=1)

# ---------------- posts ----------------
AG = {"A": "agency_a", "B": "agency_b", "C": "agency_c", "D": "agency_d", None: None}
posts_src = P1 + P2 + [VIRAL_POST] + P3
R.shuffle(posts_src)
posts, ptruth = [], {}
def post_time(text):
    if "保险服务费" in text or "保险费" in text:
        return rand_time(datetime(2026, 3, 18, 11, tzinfo=TZ), datetime(2026, 3, 20, 22, tzinfo=TZ))
    if "快嘀" in text:
        return rand_time(datetime(2026, 4, 7, 22, tzinfo=TZ), datetime(2026, 4, 10, 22, tzinfo=TZ), (0, 24))
    if "注销" in text and ("短信" in text):
        return rand_time(datetime(2026, 4, 12, 9, tzinfo=TZ), datetime(2026, 4, 22, 22, tzinfo=TZ))
    return rand_time(START, END, (7, 24))
for i, (intent, plat, acct, text, contacts, ag) in enumerate(posts_src, 1):
    pid = "B25P-%04d" % i
    t = post_time(text)
    if acct == "不想再收短信了":
        t = datetime(2026, 4, 13, 21, 37, tzinfo=TZ)
    posts.append({"post_id": pid, "platform": plat, "account": acct, "posted_at": t.isoformat(timespec="seconds"), "text": text})
    ptruth[pid] = {"intent": intent, "is_ad": intent in ("service_ad", "recruitment"),
                   "contacts": [c.lower() for c in contacts], "agency": AG[ag]}
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for p in posts:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump({"posts": ptruth}, f, ensure_ascii=False, indent=1)
print("complaints", len(complaints), "customers", len(customers), "posts", len(posts))
