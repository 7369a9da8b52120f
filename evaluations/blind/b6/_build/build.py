#!/usr/bin/env python3
"""Assemble B6 files from hand-written texts. Standard library only, fixed seed."""
import json, random, csv, re, os, sys
from datetime import datetime, timedelta, timezone, date
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from t_a1 import A1
from t_a2 import A2
from t_a3 import A3
from t_a4 import A4
from t_inc import INC1, INC2
from t_gen import GRIEV, HARD, FAMILY, COLL, REPEAT, BACKG
from t_posts import P

R = random.Random(20261130)
TZ = timezone(timedelta(hours=8))
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = datetime(2026, 4, 1, 0, 0, tzinfo=TZ)
END = datetime(2026, 5, 31, 23, 59, 59, tzinfo=TZ)

ORG = {
 "A1": {"qq": ["736281945"]},
 "A2": {"phones": ["13817264059", "15921038847"], "devices": ["dev-7f3a91c2e045", "dev-2b8d64f01a9e", "dev-c51e0d7734b8"], "block": "116.228.47.0/24"},
 "A3": {"phones": ["18621937745", "13162850937"], "handles": ["hl_fawu888"], "uscc": "91310115MA1K4BQX7N", "devices": ["dev-9a04be6c1f27", "dev-e6713d0a58c4"], "block": "101.87.153.0/24"},
 "A4": {"phones": ["15387462210"], "card": "6217002870012345678", "alipay": "13968452107", "handles": ["zw_youhua66"]},
}
COLLECTOR = "17085236614"
RESERVED = {"13817264059","15921038847","18621937745","13162850937","15387462210","13968452107",COLLECTOR}

SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIV = ["伟","芳","娜","秀英","敏","静","丽","强","磊","军","洋","勇","艳","杰","娟","涛","明","超","秀兰","霞","平","刚","桂英","建华","文","辉","鑫","宇","浩","凯","慧","婷","雪","琳","晨","欣怡","子涵","俊杰","志强","海燕","红梅","玉兰","晓东","春生","国栋","丹丹","佳琪","思远","立新","永福"]
used_phones = set(RESERVED)
def phone():
    while True:
        p = R.choice(["13","15","18","17","19","16"]) + str(R.randint(0,9)) + "".join(str(R.randint(0,9)) for _ in range(8))
        if p[:3] in ("170","171","162","165","167"): continue
        if p not in used_phones:
            used_phones.add(p); return p
used_names=set()
def name():
    while True:
        n = R.choice(SUR)+R.choice(GIV)
        if n not in used_names:
            used_names.add(n); return n
def dev(): return "dev-" + "".join(R.choice("0123456789abcdef") for _ in range(12))
HOME_PREFIX = ["114.86","183.206","117.136","223.104","61.148","120.229","36.112","39.144","125.119","112.10","58.62","221.219"]
def home_ip(): return "%s.%d.%d" % (R.choice(HOME_PREFIX), R.randint(1,254), R.randint(2,253))
def rand_time(a=START, b=END, day_hours=(8,22)):
    while True:
        t = a + timedelta(seconds=R.randint(0, int((b-a).total_seconds())))
        if day_hours[0] <= t.hour < day_hours[1]: return t
def in_window(d, h1, m1, h2, m2):
    a = datetime(2026, d[0], d[1], h1, m1, tzinfo=TZ); b = datetime(2026, d[0], d[1], h2, m2, tzinfo=TZ)
    return a + timedelta(seconds=R.randint(0, int((b-a).total_seconds())))

customers = {}   # cid -> row dict
cid_used=set()
def new_customer(nm=None, ph=None, principal=None, overdue=None, due=None, ref_time=None, pre_due_days=None):
    while True:
        cid = "C%06d" % R.randint(100000, 999999)
        if cid not in cid_used: cid_used.add(cid); break
    nm = nm or name(); used_names.add(nm)
    ph = ph or phone()
    principal = principal or R.randrange(3000, 50001, 100)
    rd = ref_time.date()
    if overdue is None: overdue = 0
    if due is None:
        if overdue > 0: due = rd - timedelta(days=overdue)
        elif pre_due_days is not None: due = rd + timedelta(days=pre_due_days)
        else: due = rd + timedelta(days=R.randint(3, 28))
    customers[cid] = dict(customer_id=cid, name=nm, phone=ph, principal=principal, next_due_date=due.isoformat(), overdue_days=overdue)
    return cid

rows = []  # dicts w/o id
def add(t, channel, cid, ph, text, group, intent, camp=None, ip=None, device=None):
    assert START <= t <= END, t
    r = dict(received_at=t.isoformat(timespec="seconds"), channel=channel, customer_id=cid, phone=ph, text=text)
    if ip: r["ip"] = ip
    if device: r["device_id"] = device
    rows.append((r, camp, group, intent))

def agency_overdue(text=""):
    # overdue, or within 7 days of due
    if "逾期" not in text and R.random() < 0.3: return 0, R.randint(1, 7)
    return R.randint(8, 120), None

# ---- A1: own phones, own devices/home networks, coached, 3 sessions + regulator forwards
A1_SESS = [((4,18),20,5,21,40), ((5,6),19,40,21,10), ((5,22),20,0,21,20)]
for i,(kind,text) in enumerate(A1):
    s = A1_SESS[i % 3]
    t = in_window(*s)
    od, pd = agency_overdue(text)
    cid = new_customer(overdue=od, ref_time=t, pre_due_days=pd)
    ph = customers[cid]["phone"]
    if kind == "app":
        add(t, "app", cid, ph, text, "A1", "agency_package", "A1", ip=home_ip(), device=dev())
    elif kind == "hotline":
        add(t, "hotline", cid, ph, text, "A1", "agency_package", "A1")
    elif kind == "email":
        add(t, "email", cid, ph, text, "A1", "agency_package", "A1")
    else:
        t2 = t + timedelta(days=R.randint(1,5)); t2 = t2.replace(hour=R.randint(9,17), minute=R.randint(0,59))
        add(t2, "regulator", cid, ph, text, "A1", "agency_package", "A1")

# ---- A2: two office phones, three devices, office /24, five sessions
A2_SESS = [((4,9),10,0,11,40), ((4,21),14,0,16,0), ((5,7),10,10,11,50), ((5,14),14,20,16,10), ((5,26),9,40,11,30)]
for i,text in enumerate(A2):
    nm = re.match(r"投诉人(\S+?)，", text).group(1)
    amt = int(re.search(r"借款(\d+)元", text).group(1))
    t = in_window(*A2_SESS[i % 5])
    od, pd = agency_overdue(text)
    cid = new_customer(nm=nm, principal=amt, overdue=od, ref_time=t, pre_due_days=pd)
    ph = ORG["A2"]["phones"][R.randint(0,1)]
    ip = "116.228.47.%d" % R.choice([23, 24, 57, 88, 102])
    ch = "app" if i % 4 else "other"
    add(t, ch, cid, ph, text, "A2", "agency_package", "A2", ip=ip, device=R.choice(ORG["A2"]["devices"]) if ch=="app" else None)

# ---- A3: relatives / lawyers, USCC, office phones + devices + office /24
for i,(ch,nm,text) in enumerate(A3):
    t = rand_time(day_hours=(9,18))
    od, pd = agency_overdue(text)
    cid = new_customer(nm=nm, overdue=od, ref_time=t, pre_due_days=pd)
    if ch == "hotline":
        add(t, "hotline", cid, R.choice(ORG["A3"]["phones"]), text, "A3", "representative", "A3")
    elif ch == "app":
        add(t, "app", cid, customers[cid]["phone"], text, "A3", "representative", "A3",
            ip="101.87.153.%d" % R.choice([12, 45, 46, 130]), device=R.choice(ORG["A3"]["devices"]))
    elif ch == "email":
        add(t, "email", cid, customers[cid]["phone"], text, "A3", "representative", "A3")
    else:
        add(t, "regulator", cid, ORG["A3"]["phones"][0], text, "A3", "representative", "A3")

# ---- A4: refunds to one card / Alipay; borrowers' own phones, one agency phone for calls
for i,(ch,text) in enumerate(A4):
    t = rand_time(day_hours=(9,23))
    od, pd = agency_overdue(text)
    cid = new_customer(overdue=od, ref_time=t, pre_due_days=pd)
    ph = customers[cid]["phone"]
    if ch == "app":
        add(t, "app", cid, ph, text, "A4", "agency_package", "A4", ip=home_ip(), device=dev())
    elif ch == "hotline":
        add(t, "hotline", cid, ORG["A4"]["phones"][0], text, "A4", "agency_package", "A4")
    else:
        add(t, ch, cid, ph, text, "A4", "agency_package", "A4")

# ---- incidents
def genuine_channel(weights=(("app",5),("hotline",3),("social",1),("email",1))):
    tot = sum(w for _,w in weights); x = R.uniform(0, tot)
    for c,w in weights:
        x -= w
        if x <= 0: return c
    return weights[0][0]
def add_genuine(t, cid, text, group, intent, ch=None, ip=None, device=None, ph=None):
    ch = ch or genuine_channel()
    ph = ph or customers[cid]["phone"]
    if ch == "regulator":
        t = t + timedelta(days=R.randint(1,5)); t = t.replace(hour=R.randint(9,17))
        if t > END: t = END - timedelta(hours=R.randint(1,40))
        add(t, ch, cid, ph, text, group, intent, None, ip=home_ip() if R.random()<0.2 else None)
    elif ch == "app":
        add(t, ch, cid, ph, text, group, intent, None, ip=ip or home_ip(), device=device or dev())
    else:
        add(t, ch, cid, ph, text, group, intent, None)

for text in INC1:
    t = in_window((5,12),7,40,10,40)
    cid = new_customer(overdue=0, due=date(2026,5,12), ref_time=t)
    add_genuine(t, cid, text, "incident_debitfail", "grievance", ch=genuine_channel((("app",6),("hotline",3),("social",1))))
for text in INC2:
    t = in_window((4,23),14,10,16,10)
    cid = new_customer(overdue=0, ref_time=t)
    add_genuine(t, cid, text, "incident_smsfull", "grievance", ch=genuine_channel((("app",5),("hotline",4),("social",1))))

ALLCH = (("app",5),("hotline",4),("email",1),("regulator",2),("social",1),("other",1))
for text in GRIEV:
    t = rand_time()
    coll = any(k in text for k in ("催收","催款"))
    od = R.randint(1, 15) if coll and R.random() < 0.8 else 0
    cid = new_customer(overdue=od, ref_time=t)
    add_genuine(t, cid, text, "grievance", "grievance", ch=genuine_channel(ALLCH))
for pre, text in HARD:
    t = rand_time()
    if pre:
        cid = new_customer(overdue=0, ref_time=t, pre_due_days=R.randint(0,3))
        # keep the stated lead time consistent with the text
        lead = 3 if ("大后天" in text or "三天" in text) else 2 if ("后天" in text or "两天" in text) else 1 if "明天" in text else 0 if "今天" in text else R.randint(2,3)
        customers[cid]["next_due_date"] = (t.date() + timedelta(days=lead)).isoformat()
        add_genuine(t, cid, text, "hardship", "hardship", ch=genuine_channel((("app",5),("hotline",4),("email",1))))
    else:
        m = re.search(r"逾期(了)?(\d+|十|两周|二十多|一个多月|一个月|一周|三周|三天|20|15)", text)
        od = R.randint(5, 60)
        cid = new_customer(overdue=od, ref_time=t)
        add_genuine(t, cid, text, "hardship", "hardship", ch=genuine_channel(ALLCH))

HARD_FAM = {"吴静", "马秀英"}
for fi, fam in enumerate(FAMILY):
    shared_phone = phone() if fi % 2 == 0 else None
    shared_dev = dev() if fi % 2 == 1 else None
    fam_ip = home_ip(); fam_dev = dev()
    base = rand_time(day_hours=(9,21))
    for mi, (nm, text) in enumerate(fam):
        t = base + timedelta(minutes=R.randint(0, 60*24*R.choice([0,0,1,6])))
        if t > END: t = END - timedelta(hours=3)
        intent = "hardship" if nm in HARD_FAM else "grievance"
        od = R.randint(2,10) if "逾期了三天" in text else 0
        cid = new_customer(nm=nm, overdue=od, ref_time=t, pre_due_days=(R.randint(2,7) if nm in HARD_FAM else None))
        if shared_phone:
            if mi == 0: customers[cid]["phone"] = shared_phone
            ch = R.choice(["app","hotline"])
            if ch == "app":
                add(t, "app", cid, shared_phone, text, "family", intent, None, ip=fam_ip, device=fam_dev)
            else:
                add(t, "hotline", cid, shared_phone, text, "family", intent, None)
        else:
            add(t, "app", cid, customers[cid]["phone"], text, "family", intent, None, ip=fam_ip, device=shared_dev)
# fix: family shared-phone rows without device -> give the family one device on app
for r,_,g,_ in rows:
    pass

for text in COLL:
    t = rand_time()
    cid = new_customer(overdue=R.randint(3,30), ref_time=t)
    add_genuine(t, cid, text, "collector_cited", "grievance", ch=genuine_channel((("app",4),("hotline",4),("regulator",1),("social",1))))

for nm, texts in REPEAT:
    t = rand_time(END.replace(month=4, day=1), datetime(2026,5,5,tzinfo=TZ))
    od = 0
    cid = new_customer(nm=nm, overdue=od, ref_time=t)
    dv = dev(); ipx = home_ip()
    for k, text in enumerate(texts):
        tk = t + timedelta(days=7*k + R.randint(0,3), minutes=R.randint(0,300))
        ch = ["app","hotline","app"][k] if k < 2 else R.choice(["app","email"])
        if ch == "app":
            add(tk, "app", cid, customers[cid]["phone"], text, "repeat", "grievance", None, ip=ipx, device=dv)
        else:
            add(tk, ch, cid, customers[cid]["phone"], text, "repeat", "grievance", None)
    if "算了逾期" in texts[-1]:
        pass

for text in BACKG:
    t = rand_time()
    cid = new_customer(overdue=0, ref_time=t)
    add_genuine(t, cid, text, "background", "other", ch=genuine_channel((("app",5),("hotline",4),("email",1),("other",1))))

# family shared-phone app rows: use one device per family
# (done above: first member's device only; later members on same phone used hotline or app without device)

# ---- shuffle & ids
R.shuffle(rows)
complaints = []; truth = {"campaigns": {}, "organizers": {}, "groups": {}, "complaint_intent": {}}
for i, (r, camp, group, intent) in enumerate(rows, 1):
    cid = "B6-%06d" % i
    complaints.append(dict(complaint_id=cid, **r))
    truth["campaigns"][cid] = camp
    truth["groups"][cid] = group
    truth["complaint_intent"][cid] = intent
truth["organizers"] = {
 "A1": ["736281945"],
 "A2": ORG["A2"]["phones"] + ORG["A2"]["devices"] + [ORG["A2"]["block"]],
 "A3": ORG["A3"]["phones"] + ORG["A3"]["handles"] + [ORG["A3"]["uscc"]] + ORG["A3"]["devices"] + [ORG["A3"]["block"]],
 "A4": ORG["A4"]["phones"] + ORG["A4"]["handles"] + [ORG["A4"]["card"], ORG["A4"]["alipay"]],
}
with open(os.path.join(OUT, "complaints.jsonl"), "w", encoding="utf-8") as f:
    for c in complaints: f.write(json.dumps(c, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "customers.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id","name","phone","principal","next_due_date","overdue_days"])
    w.writeheader()
    for cid in sorted(customers): w.writerow(customers[cid])
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)

# ---- posts
ACCT = {
 "douyin": ["上岸的阿杰","负债人小林","晴天-债务规划","老周说贷款","小鱼的日常","法务小王","努力还债的我","鼎和花官方"],
 "xiaohongshu": ["是橙子呀","上岸日记_momo","宝妈阿静","理财小白兔","糖糖不焦虑","法律人Ella"],
 "weibo": ["鼎和消费金融","财经观察者","金融消保在线","债务优化咨询","吃瓜群众1987","北京晨报财经"],
 "tieba": ["网贷吧_路人甲","逾期互助吧主","老哥稳","一只咸鱼","信用卡吧友"],
 "kuaishou": ["东北老铁说事","农村小伙阿强","还债大哥","生活小技巧"],
 "zhihu": ["匿名用户","律师张明远","消费金融从业者","社会观察员"],
 "wechat_channels": ["金融消费者保护","普法小课堂","财经早知道"],
}
OFFICIAL = {"notice": {"weibo": "鼎和消费金融"}}
posts = []; ptruth = {"posts": {}}
order = list(range(len(P))); R.shuffle(order)
for k, idx in enumerate(order, 1):
    intent, ag, contacts, platform, text = P[idx]
    pid = "B6P-%05d" % k
    if intent == "notice" and platform == "weibo" and "【鼎和" in text:
        acct = "鼎和消费金融"
    else:
        acct = R.choice([a for a in ACCT[platform] if a not in ("鼎和消费金融","鼎和花官方")])
    posts.append(dict(post_id=pid, platform=platform, account=acct, posted_at=rand_time(day_hours=(7,24)).isoformat(timespec="seconds"), text=text))
    ptruth["posts"][pid] = dict(intent=intent, is_ad=intent in ("service_ad","recruitment"), contacts=[c.lower() for c in contacts], agency=ag)
with open(os.path.join(OUT, "posts.jsonl"), "w", encoding="utf-8") as f:
    for p in posts: f.write(json.dumps(p, ensure_ascii=False) + "\n")
with open(os.path.join(OUT, "posts_truth.json"), "w", encoding="utf-8") as f:
    json.dump(ptruth, f, ensure_ascii=False, indent=1)
print("complaints", len(complaints), "customers", len(customers), "posts", len(posts))
