#!/usr/bin/env python3
"""Generator for calls_c3 (fictional data). Python 3 stdlib only. Fixed seed."""
import csv, json, os, random
from datetime import datetime, timedelta, timezone, date, time

SEED = 20261201
R = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TZ = timezone(timedelta(hours=8))
W0 = datetime(2026, 8, 1, 0, 0, tzinfo=TZ)
W1 = datetime(2026, 11, 1, 0, 0, tzinfo=TZ)  # exclusive
SNAP = date(2026, 10, 31)

USED = set()

def mobile(prefixes=("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158", "159", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199")):
    while True:
        n = R.choice(prefixes) + "".join(R.choice("0123456789") for _ in range(8))
        if n not in USED:
            USED.add(n); return n

def landline(area, first="2345678", length=8):
    while True:
        n = area + R.choice(first) + "".join(R.choice("0123456789") for _ in range(length - 1))
        if n not in USED:
            USED.add(n); return n

def reserve(n):
    assert n not in USED, n
    USED.add(n); return n

# ---------------- lender numbers ----------------
LENDER_COLLECTOR = [reserve("057186%06d" % (120300 + i * 7)) for i in range(24)] + [mobile(("135", "187")) for _ in range(6)]
LENDER_HOTLINE = reserve("95087")
LENDER_400 = reserve("4008857135")
LENDER_ALL = LENDER_COLLECTOR + [LENDER_HOTLINE, LENDER_400]

# ---------------- voicemail / answering platforms (not listed anywhere) -------
VM_PLATFORMS = {
    "P1_carrier_vm_mobile": [reserve("13800571000"), reserve("13800571001")],
    "P2_carrier_secretary": [reserve("12583001")],
    "P3_ai_answer_app": [reserve("17100885001"), reserve("17100885002"), reserve("17100885003")],
    "P4_ai_assistant": [reserve("01053900100"), reserve("01053900101")],
    "P5_telecom_vm": [reserve("18900571999")],
}

# ---------------- agencies ----------------
AG = {}
AG["AG1"] = {"fwd": [mobile(("186",))], "callback": [landline("0371")], "extra_inbound": []}
AG2_POOL = [mobile(("150", "152", "157", "178")) for _ in range(8)]
AG2_PERIODS = [(datetime(2026, 1, 1, tzinfo=TZ), datetime(2026, 8, 25, tzinfo=TZ), AG2_POOL[0:2]),
               (datetime(2026, 8, 25, tzinfo=TZ), datetime(2026, 9, 21, tzinfo=TZ), AG2_POOL[2:5]),
               (datetime(2026, 9, 21, tzinfo=TZ), datetime(2027, 1, 1, tzinfo=TZ), AG2_POOL[5:8])]
AG["AG2"] = {"fwd": AG2_POOL, "callback": [], "extra_inbound": []}
AG["AG3"] = {"fwd": [mobile(("166",)), mobile(("199",)), mobile(("170",))], "callback": [], "extra_inbound": [mobile(("171",))]}
l4a = landline("0755", "2")
l4b = str(int(l4a) + 1).zfill(len(l4a)) if str(int(l4a) + 1).zfill(len(l4a)) not in USED else landline("0755", "2")
if l4b not in USED: USED.add(l4b)
AG["AG4"] = {"fwd": [l4a], "callback": [l4a, mobile(("139",))], "extra_inbound": [l4b]}
AG["AG5"] = {"fwd": [mobile(("183",)), mobile(("184",))], "callback": [], "extra_inbound": []}

def ag_numbers(a):
    s = []
    for k in ("fwd", "callback", "extra_inbound"):
        for n in AG[a][k]:
            if n not in s: s.append(n)
    return s

# office-hour answer probability of forwarding targets
def in_hm(dt, a, b):
    m = dt.hour * 60 + dt.minute
    return a <= m < b

def p_answer(kind, dt):
    wd = dt.weekday()
    if kind == "AG1":
        return 0.85 if wd < 5 and (in_hm(dt, 540, 720) or in_hm(dt, 810, 1080)) else 0.03
    if kind == "AG2":
        return 0.8 if wd < 6 and in_hm(dt, 540, 1200) else 0.05
    if kind == "AG3":
        return 0.78
    if kind == "AG4":
        return 0.85 if wd < 5 and in_hm(dt, 540, 1050) else 0.03
    if kind == "AG5":
        return 0.8 if wd < 5 and in_hm(dt, 600, 1140) else 0.04
    if kind == "family":
        return 0.55 if in_hm(dt, 1200, 1440) else 0.72
    if kind == "switchboard":
        return 0.92 if wd < 5 and in_hm(dt, 510, 1050) else 0.0
    if kind == "secretary":
        return 0.85 if wd < 5 and in_hm(dt, 540, 1080) else (0.3 if wd == 5 else 0.08)
    if kind == "own":
        return 0.6
    if kind == "voicemail":
        return 1.0
    return 0.6

TALK = {"AG1": (50, 420), "AG2": (40, 360), "AG3": (60, 480), "AG4": (45, 300), "AG5": (40, 300),
        "family": (25, 200), "switchboard": (8, 55), "secretary": (15, 110), "own": (20, 240),
        "voicemail": (4, 38), "self": (15, 260)}

def talk(kind):
    a, b = TALK[kind]
    # skewed towards shorter
    return int(a + (b - a) * (R.random() ** 1.6))

# ---------------- names ----------------
SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIV = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志文斌宇浩凯鹏飞鑫婷雪琳晨欣怡佳俊博瑞峰亮辉海波丹萍红玉梅云莉宁慧颖倩晶")
NAMES = set()
def name(sur=None):
    while True:
        n = (sur or R.choice(SUR)) + "".join(R.choice(GIV) for _ in range(R.choice((1, 2, 2))))
        if n not in NAMES:
            NAMES.add(n); return n

# ---------------- customers ----------------
customers = []  # dicts
def dt_on(d, h=0, m=0):
    return datetime(d.year, d.month, d.day, h, m, tzinfo=TZ)

def rand_due(lo=date(2026, 6, 20), hi=date(2026, 10, 22)):
    return lo + timedelta(days=R.randrange((hi - lo).days + 1))

def new_customer(group, agency=None, sur=None, phone=None, due=None, overdue_mode="still", **kw):
    cid = "TMP%05d" % (len(customers) + 1)
    c = {"customer_id": cid, "name": name(sur), "phone": phone or mobile(), "principal": R.choice(range(2000, 50001, 100)),
         "due": due or rand_due(), "group": group, "agency": agency, "segs": [], "forwarded": False,
         "overdue_mode": overdue_mode, "inbound": [], "notes_hint": [], "stop_from": None, "change": None, "answer_p": R.uniform(0.45, 0.8)}
    c.update(kw)
    customers.append(c)
    return c

def seg(c, start, end, target, reason, kind, to_other=True):
    c["segs"].append({"start": start, "end": end, "target": target, "reason": reason, "kind": kind})
    if to_other and start < W1 and end > W0:
        c["forwarded"] = True

# --- AG1: one mobile, unconditional, starts 3-20 days after due, office hours ---
for i in range(16):
    c = new_customer("AG1", "AG1", due=rand_due(date(2026, 7, 10), date(2026, 9, 30)),
                     overdue_mode=("repaid" if i in (3, 11) else "still"))
    st = dt_on(c["due"] + timedelta(days=R.randint(3, 20)), R.randint(10, 22), R.randint(0, 59))
    seg(c, st, W1 + timedelta(days=30), AG["AG1"]["fwd"][0], "unconditional", "AG1")
    if R.random() < 0.45: c["notes_hint"].append(("cb", "AG1"))
    if R.random() < 0.25: c["inbound"].append(("AG1", AG["AG1"]["callback"][0], 1))

# --- AG2: rotating pool, busy forwarding, 40% start before due ---
for i in range(34):
    c = new_customer("AG2", "AG2", due=rand_due(date(2026, 7, 1), date(2026, 10, 15)))
    if R.random() < 0.4:
        st = dt_on(c["due"] - timedelta(days=R.randint(1, 10)), R.randint(9, 22), R.randint(0, 59))
    else:
        st = dt_on(c["due"] + timedelta(days=R.randint(2, 25)), R.randint(9, 22), R.randint(0, 59))
    # follow the pool rotation with a lag of 0-4 days (old number dead meanwhile)
    cur = st
    for (ps, pe, pool) in AG2_PERIODS:
        if pe <= st:
            continue
        s0 = max(st, ps)
        if s0 > st:
            s0 = s0 + timedelta(days=R.randint(0, 4), hours=R.randint(0, 12))
        if s0 >= pe:
            continue
        if c["segs"]:
            c["segs"][-1]["end"] = s0
        seg(c, s0, W1 + timedelta(days=30), R.choice(pool), "busy", "AG2")
    if R.random() < 0.3: c["notes_hint"].append(("cb", "AG2"))
    if R.random() < 0.3: c["inbound"].append(("AG2", None, 1))

# --- AG3: no office hours, no_answer forwarding, 3-number pool, calls lender at night ---
for i in range(11):
    c = new_customer("AG3", "AG3", due=rand_due(date(2026, 6, 25), date(2026, 9, 25)))
    st = dt_on(c["due"] + timedelta(days=R.randint(1, 12)), R.randint(0, 23), R.randint(0, 59))
    seg(c, st, W1 + timedelta(days=30), R.choice(AG["AG3"]["fwd"]), "no_answer", "AG3")
    c["inbound"].append(("AG3", None, R.randint(3, 7)))
    if R.random() < 0.3: c["notes_hint"].append(("cb", "AG3"))

# --- AG4: callback agency; most never forwarded; quotes callback numbers; phones lender ---
for i in range(22):
    c = new_customer("AG4", "AG4", due=rand_due(date(2026, 6, 25), date(2026, 10, 5)), answer_p=0.3)
    if i < 6:
        st = dt_on(c["due"] + timedelta(days=R.randint(5, 30)), R.randint(9, 21), R.randint(0, 59))
        seg(c, st, W1 + timedelta(days=30), AG["AG4"]["fwd"][0], "unconditional", "AG4")
    c["notes_hint"].append(("cb", "AG4"))
    if R.random() < 0.5: c["notes_hint"].append(("cb", "AG4"))
    c["inbound"].append(("AG4", None, R.randint(1, 4)))

# --- AG5: small, pre-emptive (set before due), unconditional, poses as relative ---
for i in range(6):
    c = new_customer("AG5", "AG5", due=rand_due(date(2026, 8, 15), date(2026, 10, 10)))
    st = dt_on(c["due"] - timedelta(days=R.randint(3, 15)), R.randint(9, 22), R.randint(0, 59))
    seg(c, st, W1 + timedelta(days=30), AG["AG5"]["fwd"][i % 2], "unconditional", "AG5")
    if R.random() < 0.5: c["notes_hint"].append(("relclaim", "AG5"))

# --- families: a relative answers for 2-3 family members ---
FAMILY_SIZES = [3, 2, 3, 2, 2, 3, 2]
families = []
for fi, sz in enumerate(FAMILY_SIZES):
    sur = R.choice(SUR)
    members = []
    rel_is_customer = fi in (1, 4)
    if rel_is_customer:
        relc = new_customer("family", sur=sur, overdue_mode=R.choice(["none", "repaid"]), answer_p=0.8)
        rel_phone = relc["phone"]; members_n = sz - 1
        relc["family"] = fi; rel_cust = relc
    else:
        rel_phone = mobile(); members_n = sz
    rel_role = R.choice(["父亲", "哥哥", "姐姐"]) if rel_is_customer else R.choice(["母亲", "父亲", "姐姐", "哥哥"])
    for j in range(members_n):
        c = new_customer("family", sur=sur, due=rand_due(date(2026, 6, 25), date(2026, 10, 10)))
        c["family"] = fi; c["rel_role"] = rel_role
        reason = R.choice(["unconditional", "no_answer", "no_answer"])
        st = dt_on(c["due"] + timedelta(days=R.randint(-5, 15)), R.randint(8, 22), R.randint(0, 59))
        seg(c, st, W1 + timedelta(days=30), rel_phone, reason, "family")
        c["notes_hint"].append(("family", rel_phone))
        if R.random() < 0.5: c["inbound"].append(("family", rel_phone, 1))
        members.append(c["customer_id"])
    if rel_is_customer: members.append(rel_cust["customer_id"])
    families.append({"rel_phone": rel_phone, "members": members, "relative_is_customer": rel_is_customer})

# --- switchboards: company extensions forwarded to the switchboard ---
SWB = []
for si, (area, sz) in enumerate((("021", 12), ("028", 9))):
    base = landline(area, "6")
    sw = base[:-3] + "000"
    if sw in USED and sw != base:
        sw = landline(area, "6")
    USED.add(sw)
    SWB.append(sw)
    for j in range(sz):
        if R.random() < 0.6:
            ph = reserve(sw[:-3] + "%03d" % (101 + j * 3 + si))
        else:
            ph = mobile(("134", "147", "139"))  # enterprise mobile (集团V网) with forwarding to switchboard
        c = new_customer("switchboard", phone=ph, due=rand_due(date(2026, 6, 25), date(2026, 10, 10)),
                         overdue_mode=R.choice(["still", "still", "repaid"]))
        seg(c, W0 - timedelta(days=200), W1 + timedelta(days=30), sw, R.choice(["no_answer", "no_answer", "unconditional"]), "switchboard")
        c["swb"] = sw
        if R.random() < 0.35: c["notes_hint"].append(("switchboard", sw))
    # HR calls about an employee
    customers[-1]["inbound"].append(("switchboard", sw, 1))

# --- stopped answering ---
for i in range(15):
    c = new_customer("stopped_answering", due=rand_due(date(2026, 7, 1), date(2026, 10, 1)))
    c["stop_from"] = dt_on(c["due"] + timedelta(days=R.randint(-2, 6)), R.randint(0, 23))

# --- changed numbers ---
for i in range(8):
    c = new_customer("changed_number", due=rand_due(date(2026, 7, 1), date(2026, 10, 1)),
                     overdue_mode=R.choice(["still", "repaid", "still"]))
    chg = dt_on(c["due"] + timedelta(days=R.randint(-10, 20)), R.randint(8, 20))
    rep = chg + timedelta(days=R.randint(1, 12), hours=R.randint(0, 8))
    c["change"] = {"at": chg, "reported": rep, "new": mobile()}
    c["notes_hint"].append(("changed", c["change"]["new"]))

# --- voicemail / answering-service users ---
plat_names = list(VM_PLATFORMS)
for i in range(36):
    p = plat_names[i % len(plat_names)]
    c = new_customer("voicemail", due=rand_due(date(2026, 7, 10), date(2026, 10, 15)), overdue_mode=R.choice(["still", "repaid", "none", "still", "still"]))
    c["vm"] = p
    c["vm_fixed"] = R.choice(VM_PLATFORMS[p])
    seg(c, W0 - timedelta(days=400), W1 + timedelta(days=30), c["vm_fixed"], "conditional", "voicemail", to_other=False)
    if R.random() < 0.4: c["notes_hint"].append(("vm", p))

# --- secretaries ---
for i in range(3):
    c = new_customer("secretary", due=rand_due(date(2026, 7, 1), date(2026, 9, 20)), overdue_mode="still")
    sec = landline(R.choice(["0571", "0574", "0579"])) if i != 1 else mobile()
    seg(c, W0 - timedelta(days=100), W1 + timedelta(days=30), sec, R.choice(["busy", "no_answer"]), "secretary")
    c["notes_hint"].append(("secretary", sec))
    c["inbound"].append(("secretary", sec, 1))

# --- own second phone ---
for i in range(5):
    c = new_customer("own_second_phone", due=rand_due(date(2026, 7, 20), date(2026, 10, 15)), overdue_mode=R.choice(["still", "repaid"]))
    sec = mobile()
    st = W0 - timedelta(days=30) if i < 2 else max(W0 + timedelta(days=3), dt_on(c["due"] - timedelta(days=R.randint(0, 20)), R.randint(8, 22)))
    seg(c, st, W1 + timedelta(days=30), sec, R.choice(["unconditional", "no_answer"]), "own", to_other=False)
    c["second"] = sec
    if R.random() < 0.6: c["notes_hint"].append(("own", sec))
    if R.random() < 0.5: c["inbound"].append(("own", sec, 1))

# --- normal borrowers ---
while len(customers) < 600:
    mode = R.choices(["none", "repaid", "still"], [0.42, 0.28, 0.30])[0]
    c = new_customer("normal", due=rand_due(), overdue_mode=mode)
    if R.random() < 0.3: c["inbound"].append(("self", c["phone"], R.randint(1, 3)))

# assign customer ids in random order so that ids carry no group information
_order = list(range(len(customers)))
R.shuffle(_order)
_remap = {}
for newi, oldi in enumerate(_order):
    c = customers[oldi]
    _remap[c["customer_id"]] = "K%05d" % (10001 + newi)
for c in customers:
    c["customer_id"] = _remap[c["customer_id"]]
for fam in families:
    fam["members"] = [_remap[m] for m in fam["members"]]

# overdue end for each customer
for c in customers:
    due = c["due"]
    if c["overdue_mode"] == "none":
        c["paid"] = dt_on(due, R.randint(8, 22))
    elif c["overdue_mode"] == "repaid":
        lo = 2
        if c["group"] in ("voicemail", "switchboard", "secretary", "own_second_phone", "family", "changed_number"):
            lo = 15
        c["paid"] = dt_on(due + timedelta(days=R.randint(lo, 45)), R.randint(8, 22))
        if c["segs"] and c["group"].startswith("AG"):
            c["paid"] = max(c["paid"], c["segs"][0]["start"] + timedelta(days=R.randint(15, 35)))
        if c["paid"].date() > SNAP:
            c["paid"] = None
        elif c["group"] != "normal" and c["paid"] < W0 + timedelta(days=12):
            c["paid"] = None  # keep hard cases visible inside the window
    else:
        c["paid"] = None
    if c["paid"] is None:
        c["overdue_days"] = max(0, (SNAP - due).days)
    else:
        c["overdue_days"] = 0

# ---------------- outbound call schedule ----------------
def collector_time(d):
    # 8:00-20:59, clustered in working blocks
    blk = R.choices([(8, 9), (9, 12), (12, 14), (14, 18), (18, 21)], [0.08, 0.38, 0.1, 0.34, 0.1])[0]
    h = R.randrange(blk[0], blk[1])
    return datetime(d.year, d.month, d.day, h, R.randrange(60), R.randrange(60), tzinfo=TZ)

def poisson(lam):
    L = 2.718281828 ** (-lam); k = 0; p = 1.0
    while True:
        p *= R.random()
        if p < L: return k
        k += 1

calls = []

def add(dt, direction, c, dialled, answered, ring, talk_s, by="", reason=""):
    calls.append({"started_at": dt, "direction": direction, "customer_id": c["customer_id"], "dialled": dialled,
                  "answered": answered, "ring_seconds": ring, "talk_seconds": talk_s, "answered_by": by,
                  "diversion_reason": reason, "_c": c})

def active_seg(c, dt):
    for s in c["segs"]:
        if s["start"] <= dt < s["end"]:
            return s
    return None

def outbound(c, dt):
    dialled = c["phone"]
    ch = c["change"]
    if ch and dt >= ch["reported"] and R.random() < 0.85:
        dialled = ch["new"]
    if ch and dialled == c["phone"] and dt >= ch["at"]:
        add(dt, "outbound", c, dialled, False, R.randint(0, 2), 0); return
    if c["stop_from"] and dt >= c["stop_from"]:
        if R.random() < 0.02:
            add(dt, "outbound", c, dialled, True, R.randint(3, 20), talk("self"))
        elif R.random() < 0.3:
            add(dt, "outbound", c, dialled, False, R.randint(1, 9), 0)  # rejected, no forwarding
        else:
            add(dt, "outbound", c, dialled, False, R.randint(25, 60), 0)
        return
    s = active_seg(c, dt) if dialled == c["phone"] else None
    g = c["group"]
    if s is None:
        p = c["answer_p"]
        if c["paid"] is None and c["due"] < dt.date():
            p *= 0.75
        if R.random() < p:
            add(dt, "outbound", c, dialled, True, R.randint(3, 25), talk("self"))
        elif R.random() < 0.06:
            add(dt, "outbound", c, dialled, False, 0, 0)  # switched off, no diversion
        else:
            add(dt, "outbound", c, dialled, False, R.randint(20, 60), 0)
        return
    kind = s["kind"]; reason = s["reason"]; target = s["target"]
    # the borrower's own behaviour first
    if kind == "voicemail":
        if R.random() < 0.42:
            add(dt, "outbound", c, dialled, True, R.randint(3, 22), talk("self")); return
        reason = R.choices(["no_answer", "busy", "unreachable"], [0.6, 0.25, 0.15])[0]
        if c["vm"] == "P3_ai_answer_app":
            target = R.choice(VM_PLATFORMS["P3_ai_answer_app"])
        pre = {"no_answer": R.randint(15, 25), "busy": R.randint(1, 8), "unreachable": R.randint(0, 2)}[reason]
        add(dt, "outbound", c, dialled, True, pre + R.randint(1, 4), talk("voicemail"), target, reason); return
    if reason == "busy":
        p_reject = {"AG2": 0.9, "secretary": 0.7}.get(kind, 0.6)
        if R.random() >= p_reject:
            if R.random() < (0.04 if kind.startswith("AG") else 0.5):
                add(dt, "outbound", c, dialled, True, R.randint(3, 20), talk("self"))
            else:
                add(dt, "outbound", c, dialled, False, R.randint(25, 60), 0)
            return
        pre = R.randint(1, 8)
    elif reason == "no_answer":
        p_self = {"AG3": 0.04, "family": 0.2, "switchboard": 0.15, "secretary": 0.25, "own": 0.3}.get(kind, 0.1)
        if R.random() < p_self:
            add(dt, "outbound", c, dialled, True, R.randint(3, 15), talk("self")); return
        pre = R.randint(15, 25)
    else:
        pre = 0
    if R.random() < p_answer(kind, dt):
        add(dt, "outbound", c, dialled, True, pre + R.randint(2, 20), talk(kind), target, reason)
    else:
        add(dt, "outbound", c, dialled, False, pre + R.randint(20, 45), 0, target, reason)

for c in customers:
    due = c["due"]
    # reminders before due
    for k in (3, 1, 0):
        d = due - timedelta(days=k)
        if W0.date() <= d <= SNAP and R.random() < 0.75:
            outbound(c, collector_time(d))
    if c["overdue_mode"] == "none":
        continue
    end = c["paid"].date() if c["paid"] else SNAP
    d = max(due + timedelta(days=1), W0.date())
    hard = c["group"] in ("AG1", "AG2", "AG3", "AG4", "AG5", "stopped_answering")
    while d <= end:
        od = (d - due).days
        lam = 1.9 if od <= 7 else (1.15 if od <= 30 else 0.8)
        if d.weekday() >= 5: lam *= 0.55
        if hard: lam *= 1.25
        for _ in range(poisson(lam)):
            t = collector_time(d)
            if c["paid"] and t >= c["paid"]:
                continue
            outbound(c, t)
        d += timedelta(days=1)

# ---------------- inbound calls ----------------
def rand_dt(lo, hi):
    lo = max(lo, W0); hi = min(hi, W1 - timedelta(minutes=1))
    if hi <= lo: return None
    return lo + timedelta(seconds=R.randrange(int((hi - lo).total_seconds())))

def office_dt(lo, hi, days=(0, 1, 2, 3, 4), h0=9, h1=17):
    for _ in range(200):
        t = rand_dt(lo, hi)
        if t is None: return None
        if t.weekday() in days and h0 <= t.hour < h1:
            return t
    return None

def night_dt(lo, hi):
    for _ in range(400):
        t = rand_dt(lo, hi)
        if t is None: return None
        if t.hour >= 21 or t.hour < 2 or t.weekday() >= 5:
            return t
    return None

def inbound(c, dt, num, kind):
    if dt is None: return
    add(dt, "inbound", c, num, True, R.randint(2, 20), talk(kind if kind in TALK else "self"))

for c in customers:
    due0 = dt_on(c["due"])
    first_seg = c["segs"][0]["start"] if c["segs"] else due0
    for (kind, num, n) in c["inbound"]:
        for _ in range(n):
            if kind == "AG1":
                inbound(c, office_dt(first_seg, W1), num, "AG1")
            elif kind == "AG2":
                t = office_dt(first_seg, W1, days=(0, 1, 2, 3, 4, 5), h0=9, h1=20)
                s = active_seg(c, t) if t else None
                inbound(c, t, s["target"] if s else AG2_POOL[-1], "AG2")
            elif kind == "AG3":
                pool = AG["AG3"]["fwd"] + AG["AG3"]["extra_inbound"]
                inbound(c, night_dt(due0, W1) if R.random() < 0.7 else rand_dt(due0, W1), R.choice(pool), "AG3")
            elif kind == "AG4":
                inbound(c, office_dt(due0 + timedelta(days=3), W1, h0=9, h1=17), R.choice([AG["AG4"]["fwd"][0], AG["AG4"]["extra_inbound"][0]]), "AG4")
            elif kind in ("family", "secretary", "switchboard"):
                inbound(c, office_dt(first_seg, W1, days=tuple(range(7)), h0=8, h1=21), num, kind)
            else:
                inbound(c, office_dt(due0 - timedelta(days=5), W1, days=tuple(range(7)), h0=8, h1=22), num, "self")
    ch = c["change"]
    if ch:
        inbound(c, ch["reported"], ch["new"], "self")
# hotline transfers and internal calls from the lender's own numbers
for _ in range(320):
    c = R.choice(customers)
    inbound(c, office_dt(W0, W1, days=tuple(range(7)), h0=8, h1=21), LENDER_HOTLINE if R.random() < 0.75 else LENDER_400, "self")
for _ in range(110):
    c = R.choice(customers)
    inbound(c, office_dt(W0, W1, h0=9, h1=18), R.choice(LENDER_COLLECTOR), "self")

calls = [x for x in calls if W0 <= x["started_at"] < W1]
calls.sort(key=lambda x: (x["started_at"], x["customer_id"]))
for i, x in enumerate(calls):
    x["call_id"] = "C%07d" % (i + 1)

# ---------------- notes ----------------
CN = "零一二三四五六七八九"
def fmt(num, style=None):
    st = style or R.choice(["plain", "dash", "space", "plus86", "fullwidth", "cn", "cn_yao", "paren", "mixed"])
    if len(num) == 11 and num[0] == "1":
        parts = (num[:3], num[3:7], num[7:])
    elif num.startswith("0"):
        ac = 3 if num[:3] in ("010", "021", "022", "023", "024", "025", "027", "028", "029", "020") else 4
        parts = (num[:ac], num[ac:])
    else:
        parts = (num,)
    if st == "plain": return num
    if st == "dash": return "-".join(parts)
    if st == "space": return " ".join(parts)
    if st == "plus86": return "+86 " + (num[1:] if num.startswith("0") else num)
    if st == "fullwidth": return "".join(chr(ord(ch) + 0xFEE0) for ch in num)
    if st == "cn": return "".join(CN[int(ch)] for ch in num)
    if st == "cn_yao": return "".join("幺" if ch == "1" else CN[int(ch)] for ch in num)
    if st == "paren": return "(%s)%s" % (parts[0], "".join(parts[1:])) if len(parts) > 1 else num
    if st == "mixed": return "".join((CN[int(ch)] if k % 4 == 1 else ch) for k, ch in enumerate(num))
    return num

notes = []
def note(c, dt, text):
    if dt is None or not (W0 <= dt < W1): return
    notes.append({"customer_id": c["customer_id"], "written_at": dt, "text": text})

by_c = {}
for x in calls:
    by_c.setdefault(x["customer_id"], []).append(x)

GEN_ANS = ["客户接听，称本周内还款。", "客户表示资金紧张，申请延期，已告知逾期后果。", "本人接听，承诺{d}号前处理。",
           "客户称已在还款，让稍后查询。", "客户态度一般，说工资发了就还。", "客户接听后称在开车，稍后回电。",
           "已提醒客户账单到期，客户知晓。", "客户称忘记还款日，今晚还。", "客户要求减免利息，已告知可申请分期。",
           "本人接听，对欠款无异议，还款意愿较弱。"]
GEN_NA = ["无人接听。", "多次拨打未接。", "响铃无人接。", "未接通，稍后再拨。", "客户挂断。"]
AG_TXT = {
    "AG1": ["接听人自称客户委托的债务协商人员，要求以后联系{n}，拒绝透露客户去向。",
            "对方称客户已全权委托他们处理，有事打{n}，并威胁投诉到银保监。",
            "接电话的不是本人，称是客户的法务顾问，留号码{n}。",
            "对方语速很快，称我司暴力催收，要录音取证。"],
    "AG2": ["对方称客户已委托第三方协商，统一由{n}对接。", "接听人自称客户表哥，态度强硬，说要投诉。",
            "不是本人接听，对方要求停催，否则打12378投诉。", "对方称客户住院，让联系{n}。"],
    "AG3": ["深夜有人来电自称客户家属，要求停止催收，回拨号码{n}。", "接听人称是律师事务所，要求我们出示授权。",
            "对方称客户已失联，有事找{n}。", "非本人接听，对方反复要求提供催收员工号。"],
    "AG4": ["客户称已委托律师处理，让我们联系律师电话{n}。", "客户让打{n}找他的代理人，随即挂断。",
            "客户说以后只跟{n}谈，那边是他请的法务。", "本人接听，称无力还款，所有事项请联系{n}（对方称微信同号）。",
            "对方自称法务中心，要求以后只联系{n}，不要再打客户本人。", "客户说：有事打{n}，别打我。"],
    "AG5": ["接听人自称客户哥哥，称客户外出打工，联系不上。", "对方自称客户姐姐，说会转告，要求别再打。",
            "家属接听，称客户生病，拒绝提供其他联系方式。"],
}

for c in customers:
    cl = by_c.get(c["customer_id"], [])
    g = c["group"]
    for x in cl:
        t = x["started_at"] + timedelta(minutes=R.randint(1, 12), seconds=R.randint(0, 59))
        if x["direction"] == "inbound":
            if x["dialled"] in (LENDER_HOTLINE, LENDER_400) and R.random() < 0.3:
                note(c, t, R.choice(["客服热线转入，客户咨询还款方式。", "由%s转接，客户询问结清金额。" % fmt(x["dialled"], "plain"),
                                     "官方客服转接来电，已核实身份。"]))
            elif x["dialled"] in LENDER_COLLECTOR and R.random() < 0.3:
                note(c, t, "内部转接（%s），组长跟进。" % x["dialled"])
            continue
        if R.random() > 0.22:
            continue
        if not x["answered"]:
            note(c, t, R.choice(GEN_NA)); continue
        k = None
        if x["answered_by"]:
            s = active_seg(c, x["started_at"])
            k = s["kind"] if s else None
        if k in AG_TXT:
            n = x["answered_by"]
            if k == "AG1" and R.random() < 0.5: n = AG["AG1"]["callback"][0]
            if k == "AG4": n = R.choice(AG["AG4"]["callback"])
            note(c, t, R.choice(AG_TXT[k]).format(n=fmt(n)))
        elif k == "family":
            note(c, t, "客户%s接听，称会转告客户，客户人在外地。" % c.get("rel_role", "家属"))
        elif k == "switchboard":
            note(c, t, R.choice(["公司总机接听，称该员工在开会。", "前台接听，称员工不在座位，已留言。", "总机接听，称会转达。"]))
        elif k == "secretary":
            note(c, t, "秘书接听，称%s总在开会，稍后回电。" % c["name"][0])
        elif k == "voicemail":
            note(c, t, R.choice(["转入语音信箱，已留言。", "智能助理接听，已留言请客户回电。", "语音留言，请客户回电%s。" % fmt(R.choice([LENDER_HOTLINE, LENDER_400]), "plain"), "秘书服务接听，已留言。"]))
        elif k == "own":
            note(c, t, "本人接听（转到另一部手机），称会还款。")
        else:
            note(c, t, R.choice(GEN_ANS).format(d=R.randint(1, 28)))
    # specific hints
    answered_targets = [x for x in cl if x["direction"] == "outbound" and x["answered"]]
    def hint_time():
        if answered_targets:
            return R.choice(answered_targets)["started_at"] + timedelta(minutes=R.randint(2, 20))
        if cl:
            return R.choice(cl)["started_at"] + timedelta(minutes=R.randint(2, 20))
        return None
    for (h, v) in c["notes_hint"]:
        t = hint_time()
        if h == "cb":
            if v == "AG4":
                n = R.choice(AG["AG4"]["callback"])
            elif v == "AG1":
                n = R.choice(AG["AG1"]["fwd"] + AG["AG1"]["callback"])
            elif v == "AG2":
                s = active_seg(c, t) if t else None
                n = s["target"] if s else R.choice(AG2_POOL)
            else:
                n = R.choice(AG["AG3"]["fwd"] + AG["AG3"]["extra_inbound"])
            note(c, t, R.choice([x for x in AG_TXT[v] if "{n}" in x]).replace("{n}", fmt(n)))
        elif h == "relclaim":
            note(c, t, R.choice(AG_TXT["AG5"]))
        elif h == "family":
            note(c, t, "客户%s接听，留电话%s，称家里几个人的欠款都由其协调。" % (c.get("rel_role", "家属"), fmt(v)) if R.random() < 0.5 else
                 "接听人为客户%s，称家里几个人的账都是这个号码接（%s）。" % (c.get("rel_role", "家属"), fmt(v)))
        elif h == "switchboard":
            note(c, t, "打到公司总机%s，前台称员工在外出差。" % fmt(v))
        elif h == "changed":
            t2 = c["change"]["reported"] + timedelta(minutes=R.randint(3, 30))
            note(c, t2, R.choice(["客户来电告知原号码已停用，新号码%s，以后打这个。", "客户换号了，新手机%s，已核实身份。", "本人来电，称旧卡丢失，新号%s。"]) % fmt(v))
        elif h == "vm":
            note(c, t, R.choice(["多次转入语音信箱。", "来电被AI接听助手接起，已留言。", "客户开通了来电秘书，留言未回。"]))
        elif h == "secretary":
            note(c, t, "客户为个体老板，电话由秘书代接，秘书电话%s。" % fmt(v))
        elif h == "own":
            note(c, t, "客户称%s也是本人号码（副卡），已设置转接。" % fmt(v))
# lender-number mentions in notes across many customers (hard negative)
for _ in range(260):
    c = R.choice(customers)
    cl = by_c.get(c["customer_id"])
    if not cl: continue
    t = R.choice(cl)["started_at"] + timedelta(minutes=R.randint(2, 30))
    note(c, t, R.choice(["告知客户可拨打官方客服%s核实。", "客户怀疑诈骗，已让其回拨我司热线%s。", "已短信告知还款后可致电%s查询。",
                         "请客户回拨催收专线%s。", "客户问怎么联系我们，告知%s。"]) % fmt(R.choice([LENDER_HOTLINE, LENDER_400, LENDER_400] + LENDER_COLLECTOR[:5]), R.choice(["plain", "dash", "space"])))

notes = [n for n in notes if n["text"]]
notes.sort(key=lambda n: (n["written_at"], n["customer_id"]))
for i, n in enumerate(notes):
    n["note_id"] = "N%06d" % (i + 1)

# ---------------- write ----------------
def iso(dt):
    return dt.isoformat(timespec="seconds")

with open(os.path.join(OUT, "calls.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["call_id", "started_at", "direction", "customer_id", "dialled", "answered", "ring_seconds", "talk_seconds", "answered_by", "diversion_reason", "recording"])
    for x in calls:
        w.writerow([x["call_id"], iso(x["started_at"]), x["direction"], x["customer_id"], x["dialled"], "true" if x["answered"] else "false",
                    x["ring_seconds"], x["talk_seconds"] if x["answered"] else 0, x["answered_by"], x["diversion_reason"], ""])

with open(os.path.join(OUT, "customers.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name", "phone", "principal", "due_date", "overdue_days"])
    for c in sorted(customers, key=lambda c: c["customer_id"]):
        w.writerow([c["customer_id"], c["name"], c["phone"], c["principal"], c["due"].isoformat(), c["overdue_days"]])

with open(os.path.join(OUT, "lender_numbers.txt"), "w", encoding="utf-8") as f:
    for n in LENDER_ALL:
        f.write(n + "\n")

with open(os.path.join(OUT, "notes.jsonl"), "w", encoding="utf-8") as f:
    for n in notes:
        f.write(json.dumps({"note_id": n["note_id"], "customer_id": n["customer_id"], "written_at": iso(n["written_at"]), "text": n["text"]}, ensure_ascii=False) + "\n")

truth = {"customers": {}, "agency_numbers": {a: ag_numbers(a) for a in sorted(AG)}}
for c in sorted(customers, key=lambda c: c["customer_id"]):
    truth["customers"][c["customer_id"]] = {"group": c["group"], "forwarded": bool(c["forwarded"]), "agency": c["agency"]}
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)

# build-side extra detail (not an input for detectors)
aux = {"voicemail_platform_numbers": VM_PLATFORMS, "switchboards": SWB,
       "families": families, "ag2_periods": [[p[0].isoformat(), p[1].isoformat(), p[2]] for p in AG2_PERIODS]}
with open(os.path.join(OUT, "_build", "aux_truth.json"), "w", encoding="utf-8") as f:
    json.dump(aux, f, ensure_ascii=False, indent=1)
print("customers", len(customers), "calls", len(calls), "notes", len(notes))
