#!/usr/bin/env python3
"""Assemble the b9 blind set from hand-written texts in t_*.py. Standard library only, fixed seed."""
import json, random, datetime as dt, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from t_agency_a import A
from t_agency_b import B
from t_agency_c import C
from t_agency_d import D
from t_incident import INC
from t_burst import BURST
from t_viral import VIRAL
from t_griev_hard import GRIEV, HARD
from t_misc import FAM, COLL, REP, BG
from t_posts import P

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = random.Random(20261130)
TZ = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 10, 1, 0, 0, tzinfo=TZ)
END = dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=TZ)

used_phones = set()
RESERVED = {"13926418057", "15817362940", "18718650293", "13530826417", "17319642085"}
def new_phone(prefixes=("130","131","132","133","135","136","137","138","139","150","151","152","155","156","157","158","159","176","177","180","181","182","183","185","186","187","188","189","191","198","199")):
    while True:
        p = R.choice(prefixes) + "".join(R.choice("0123456789") for _ in range(8))
        if p not in used_phones and p not in RESERVED:
            used_phones.add(p); return p
used_dev = set()
def new_dev():
    while True:
        d = "DEV-" + "".join(R.choice("0123456789abcdef") for _ in range(12))
        if d not in used_dev:
            used_dev.add(d); return d
def home_ip():
    return "%d.%d.%d.%d" % (R.choice([36,39,42,49,58,59,60,61,101,106,110,111,112,113,114,115,116,117,120,122,123,124,125,171,175,180,182,183,202,218,219,220,221,222,223]), R.randint(1,254), R.randint(1,254), R.randint(2,254))

SUR = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬斌鹏辉建国晓东海波宁欣怡雪梅婷浩宇俊凯琳颖倩瑶慧佳鑫帅亮成龙飞云峰志春兰凤丹丽娟文博"
used_names = set()
def new_name():
    while True:
        n = R.choice(SUR) + "".join(R.choice(GIV) for _ in range(R.choice([1,2,2])))
        if n not in used_names:
            used_names.add(n); return n

customers = {}  # id -> row
cust_seq = [0]
def new_customer(phone=None, principal=None):
    cust_seq[0] += 1
    cid = "C9%06d" % (100000 + cust_seq[0] * 7 + R.randint(0, 6))
    customers[cid] = dict(customer_id=cid, name=new_name(), phone=phone or new_phone(),
                          principal=principal or R.choice([1500,2000,3000,3500,5000,6000,8000,9800,10000,12000,15000,18000,20000,25000,30000]),
                          next_due_date=None, overdue_days=0)
    return cid
def set_due(cid, when, overdue=None, before=None):
    """overdue: days overdue at `when`; before: days until due at `when`."""
    c = customers[cid]
    if overdue:
        c["next_due_date"] = (when - dt.timedelta(days=overdue)).date().isoformat(); c["overdue_days"] = overdue
    else:
        b = before if before is not None else R.randint(5, 28)
        c["next_due_date"] = (when + dt.timedelta(days=b)).date().isoformat(); c["overdue_days"] = 0

def rtime(d0, d1, hours=(8, 23)):
    while True:
        t = d0 + dt.timedelta(seconds=R.randint(0, int((d1 - d0).total_seconds())))
        if hours[0] <= t.hour < hours[1]:
            return t
def weekday_office(d0, d1):
    while True:
        t = rtime(d0, d1, (10, 17))
        if t.weekday() < 5 and (10 <= t.hour < 11 or (t.hour == 11 and t.minute < 30) or 15 <= t.hour < 16 or (t.hour == 16 and t.minute < 30)):
            return t

rows = []  # complaint rows before id assignment
def add(channel, cid, text, when, group, intent, campaign=None, phone=None, device=None, ip=None):
    r = dict(received_at=when, channel=channel, customer_id=cid, phone=phone or customers[cid]["phone"], text=text)
    if ip: r["ip"] = ip
    if device: r["device_id"] = device
    rows.append((r, group, intent, campaign))

D0 = lambda m, d, h=0, mi=0: dt.datetime(2026, m, d, h, mi, tzinfo=TZ)

# ---------------- Agency A: coached self-filing group ----------------
SESS = {1: (D0(10,15,20,0), D0(10,15,21,40)), 2: (D0(10,23,12,5), D0(10,23,13,20)), 3: (D0(11,6,20,20), D0(11,6,21,50))}
sess_members = {1: [], 2: [], 3: []}
for s, kind, ch, text in A:
    a, b = SESS[s]
    if kind == 'r':
        cid, t0, dev, ip = R.choice(sess_members[s])
        when = rtime(t0 + dt.timedelta(days=1), t0 + dt.timedelta(days=5), (9, 17))
        add('regulator', cid, text, when, 'agency_a', 'agency_package', 'agency_a')
        continue
    if kind == 's':
        when = b + dt.timedelta(minutes=R.randint(180, 1200))
    else:
        when = a + dt.timedelta(seconds=R.randint(0, int((b - a).total_seconds())))
    cid = new_customer()
    set_due(cid, when, overdue=R.randint(25, 120))
    dev = new_dev() if ch == 'app' else None
    ip = home_ip() if ch in ('app', 'email') else None
    sess_members[s].append((cid, when, dev, ip))
    add(ch, cid, text, when, 'agency_a', 'agency_package', 'agency_a', device=dev, ip=ip)

# ---------------- Agency B: multi-channel shop ----------------
B_PH = ["13926418057", "15817362940", "18718650293"]
B_DEV = [new_dev() for _ in range(4)]
B_NET = "119.129.76"
REP_KEYS = ['委托', '代为', '代借款人', '我朋友', '表哥', '协商专员', '代理人', '我方', '为其“客户', '代表', '这边是帮', '来电人称受', '代其亲属']
for i, (ch, text) in enumerate(B):
    when = rtime(D0(10,8), D0(11,27,23), (9, 19))
    while when.weekday() >= 5:
        when = rtime(D0(10,8), D0(11,27,23), (9, 19))
    cid = new_customer()
    set_due(cid, when, overdue=R.randint(15, 130)) if i % 9 else set_due(cid, when, before=R.randint(1, 7))
    intent = 'representative' if any(k in text for k in REP_KEYS) else 'agency_package'
    ph = B_PH[i % 3]
    for p in B_PH:
        if p in text: ph = p
    if ch == 'app':
        add(ch, cid, text, when, 'agency_b', intent, 'agency_b', phone=customers[cid]["phone"], device=B_DEV[i % 4], ip="%s.%d" % (B_NET, R.randint(10, 60)))
    elif ch == 'email':
        add(ch, cid, text, when, 'agency_b', intent, 'agency_b', phone=ph, ip="%s.%d" % (B_NET, R.randint(10, 60)))
    else:
        add(ch, cid, text, when, 'agency_b', intent, 'agency_b', phone=ph)

# ---------------- Agency C: fake law firm ----------------
C_PH = "13530826417"
C_DEV = [new_dev() for _ in range(2)]
C_NET = "121.35.188"
for i, (ch, text) in enumerate(C):
    when = rtime(D0(10,12), D0(11,28,23), (9, 18))
    while when.weekday() >= 5:
        when = rtime(D0(10,12), D0(11,28,23), (9, 18))
    cid = new_customer()
    if '会员' in text or '加速审核费' in text or '保险' in text:
        set_due(cid, when, before=R.randint(0, 7))
    else:
        set_due(cid, when, overdue=R.randint(20, 150))
    if ch == 'app':
        add(ch, cid, text, when, 'agency_c', 'representative', 'agency_c', phone=customers[cid]["phone"], device=C_DEV[i % 2], ip="%s.%d" % (C_NET, R.randint(100, 140)))
    else:
        add(ch, cid, text, when, 'agency_c', 'representative', 'agency_c', phone=C_PH, ip="%s.%d" % (C_NET, R.randint(100, 140)))

# ---------------- Agency D: family-proxy SIM pool ----------------
D_POOL = [new_phone(("170", "171", "162", "165", "167")) for _ in range(12)]
for i, (ch, text) in enumerate(D):
    when = weekday_office(D0(10,19), D0(11,26,18))
    cid = new_customer()
    set_due(cid, when, overdue=R.randint(10, 100))
    add(ch, cid, text, when, 'agency_d', 'representative', 'agency_d', phone=D_POOL[(i * 5) % 12])

# ---------------- Genuine incident ----------------
for ch, text in INC:
    when = D0(11,10,9,20) + dt.timedelta(seconds=R.randint(0, 3 * 3600))
    cid = new_customer()
    set_due(cid, when, before=R.randint(4, 15))
    add(ch, cid, text, when, 'incident_due_date_shift', 'grievance',
        device=new_dev() if ch == 'app' else None, ip=home_ip() if ch in ('app', 'email') else None)

# ---------------- Hardship burst ----------------
for ch, text in BURST:
    when = D0(11,19,19,0) + dt.timedelta(seconds=R.randint(0, 4 * 3600))
    cid = new_customer(principal=R.choice([1500, 2000, 2500, 3000, 3500, 4000, 5000]))
    set_due(cid, when, overdue=R.randint(3, 16))
    add(ch, cid, text, when, 'hardship_burst', 'hardship',
        device=new_dev() if ch == 'app' else None, ip=home_ip() if ch in ('app', 'email') else None)

# ---------------- Viral wording ----------------
for ch, text in VIRAL:
    when = rtime(D0(10,20,8), D0(10,27,23), (8, 24))
    cid = new_customer()
    set_due(cid, when, before=R.randint(3, 28))
    add(ch, cid, text, when, 'viral_wording', 'grievance',
        device=new_dev() if ch == 'app' else None, ip=home_ip() if ch in ('app', 'email') else None)

def std(ch, group, intent, text, when, cid):
    add(ch, cid, text, when, group, intent, device=new_dev() if ch == 'app' else None,
        ip=home_ip() if ch in ('app', 'email') else None)

# ---------------- Grievances ----------------
for ch, text in GRIEV:
    when = rtime(START, END, (8, 23))
    cid = new_customer()
    if '逾期' in text and '没有逾期' not in text and '从没逾期' not in text:
        set_due(cid, when, overdue=R.randint(1, 14))
    else:
        set_due(cid, when)
    std(ch, 'grievance', 'grievance', text, when, cid)

# ---------------- Hardship pleas ----------------
for ch, before, text in HARD:
    when = rtime(START, END, (7, 23))
    cid = new_customer()
    if before is None:
        set_due(cid, when, overdue=R.randint(5, 70))
    else:
        set_due(cid, when, before=before)
    std(ch, 'hardship', 'hardship', text, when, cid)

# ---------------- Families ----------------
for fi, fam in enumerate(FAM):
    shared_phone = new_phone() if fi % 2 == 0 else None
    shared_dev = new_dev()
    base = rtime(START, END - dt.timedelta(days=3), (9, 21))
    for j, (ch, intent, text) in enumerate(fam):
        when = base + dt.timedelta(minutes=R.randint(5, 50) * (j + 1) + (R.randint(0, 2) * 1440 if j else 0))
        cid = new_customer(phone=shared_phone)
        if intent == 'hardship':
            set_due(cid, when, overdue=R.randint(5, 25))
        else:
            set_due(cid, when, overdue=R.choice([0, 0, 3])) if '逾期' in text else set_due(cid, when)
        add(ch, cid, text, when, 'family', intent, phone=customers[cid]["phone"],
            device=shared_dev if ch == 'app' else None, ip=home_ip() if ch in ('app', 'email') else None)

# ---------------- Collector cited ----------------
for ch, text in COLL:
    when = rtime(D0(10,25), D0(11,22,23), (8, 23))
    cid = new_customer()
    set_due(cid, when, overdue=R.randint(4, 16))
    std(ch, 'collector_cited', 'grievance', text, when, cid)

# ---------------- Repeat ----------------
for rep in REP:
    cid = new_customer()
    dev = new_dev()
    t = rtime(D0(10,3), D0(10,25), (9, 22))
    for j, (ch, text) in enumerate(rep):
        if j == 0:
            set_due(cid, t, overdue=R.randint(3, 10)) if '催收' in text else set_due(cid, t)
        add(ch, cid, text, t, 'repeat', 'grievance', device=dev if ch == 'app' else None,
            ip=home_ip() if ch in ('app', 'email') else None)
        t = t + dt.timedelta(days=R.randint(6, 14), minutes=R.randint(-300, 300))

# ---------------- Background ----------------
for ch, text in BG:
    when = rtime(START, END, (8, 23))
    cid = new_customer()
    set_due(cid, when)
    std(ch, 'background', 'other', text, when, cid)

# ---------------- assign ids, shuffle, write ----------------
R.shuffle(rows)
complaints, campaigns, groups, intents = [], {}, {}, {}
for i, (r, g, it, camp) in enumerate(rows, 1):
    cid = "B9-%06d" % i
    rec = dict(complaint_id=cid, received_at=r["received_at"].isoformat(), channel=r["channel"],
               customer_id=r["customer_id"], phone=r["phone"], text=r["text"])
    if "ip" in r: rec["ip"] = r["ip"]
    if "device_id" in r: rec["device_id"] = r["device_id"]
    complaints.append(rec)
    campaigns[cid] = camp; groups[cid] = g; intents[cid] = it

with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for c in complaints:
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("customer_id,name,phone,principal,next_due_date,overdue_days\n")
    for c in sorted(customers.values(), key=lambda x: x["customer_id"]):
        f.write("%s,%s,%s,%d,%s,%d\n" % (c["customer_id"], c["name"], c["phone"], c["principal"], c["next_due_date"], c["overdue_days"]))

organizers = {
    "agency_a": ["zhouls_shangan"],
    "agency_b": B_PH + ["hc-xs-0927", "hcxs0927", "276819354", "lvfu2026@126.com"] + B_DEV + [B_NET + ".0/24"],
    "agency_c": [C_PH, "91440300MA5GQ7KX3B", "6214837822915046", "hengzheng_fw@163.com"] + C_DEV + [C_NET + ".0/24"],
    "agency_d": D_POOL + ["385276941"],
}
truth = dict(campaigns=campaigns, organizers=organizers, groups=groups, complaint_intent=intents)
json.dump(truth, open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# ---------------- posts ----------------
VIRAL_POST = ('小红书', 'warning', False, None, [], "润途借偷偷扣的“尊享权益包”会员费怎么退？我自查发现每个月被扣29.9，从来没开通过！姐妹们快去APP“我的-权益”看看。投诉可以这样写：“本人从未主动开通‘尊享权益包’，也未收到任何扣费提醒。要求退还全部已扣取的会员费用，并关闭自动续费。”不用找任何中介，自己在APP或者打客服电话就行。")
posts_all = list(P) + [VIRAL_POST]
AG_ACC = {"agency_a": ["周老师说上岸", "上岸互助周老师"], "agency_b": ["汇诚协商小陈", "债务规划陈经理", "上岸顾问hc"], "agency_c": ["衡正法务", "衡正律所黄律师"], "agency_d": ["家属维权互助", "网贷家属之家"]}
def post_time(text):
    if text is VIRAL_POST[5]: return D0(10,19,21,14)
    if '17319642085' in text and '停岗' in text: return rtime(D0(11,21), D0(11,28), (9, 18))
    if '17319642085' in text: return rtime(D0(11,3), D0(11,20), (8, 23))
    if '薪易达' in text: return rtime(D0(11,18,10), D0(11,30,20), (8, 23))
    if '还款日' in text and ('改' in text or '异常' in text): return rtime(D0(11,10,10), D0(11,13), (8, 23))
    if '权益包' in text: return rtime(D0(10,20), D0(11,12), (8, 23))
    return rtime(START, END, (7, 24))
order = list(range(len(posts_all)))
R.shuffle(order)
posts, ptruth = [], {}
for k, idx in enumerate(order, 1):
    plat, intent, is_ad, ag, contacts, text = posts_all[idx]
    pid = "P9-%04d" % k
    acc = R.choice(AG_ACC[ag]) if ag else ("%s用户%d" % (plat[:1], R.randint(10000, 99999)) if not is_ad else R.choice(["上岸老哥", "债务规划师阿杰", "逾期互助", "协商小助手", "信用管家", "负债人的光", "阿强说债务", "金融小王子", "安心协商", "法务小李"]))
    if intent == 'notice' and ('润途' in text): acc = "润途消费金融官方"
    posts.append(dict(post_id=pid, platform=plat, account=acc, posted_at=post_time(text).isoformat(), text=text))
    ptruth[pid] = dict(intent=intent, is_ad=is_ad, contacts=[c.lower() for c in contacts], agency=ag)
posts.sort(key=lambda p: p["post_id"])
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for p in posts:
        f.write(json.dumps(p, ensure_ascii=False) + "\n")
json.dump(dict(posts=ptruth), open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("complaints", len(complaints), "customers", len(customers), "posts", len(posts))
