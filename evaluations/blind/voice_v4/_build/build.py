#!/usr/bin/env python3
"""Build voice_v4 (fixed seed). Python stdlib + espeak-ng + sox."""
import csv, json, os, random, subprocess, datetime, tempfile, shutil
SEED = 20261201
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REC = os.path.join(ROOT, "recordings")
TMP = tempfile.mkdtemp(prefix="v4b_")

SURN = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟")
GIV = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志军海燕丹雪梅波辉宇浩然欣怡子涵晨俊峰婷婷文博晓东亮慧琳雯佳")
R.shuffle(SURN)
used_names = set()
def given():
    n = R.choice([1, 2, 2])
    return "".join(R.choice(GIV) for _ in range(n))
def name_with(s):
    while True:
        nm = s + given()
        if nm not in used_names:
            used_names.add(nm); return nm
used_phones = set()
def phone(prefixes=("138","139","135","136","150","151","158","186","187","189","131","132","177","199")):
    while True:
        p = R.choice(prefixes) + "".join(R.choice("0123456789") for _ in range(8))
        if p not in used_phones:
            used_phones.add(p); return p

# ---------- speakers ----------
# base voice = (espeak variant, espeak pitch, espeak speed, sox pitch cents, tempo, eq centre Hz, eq gain dB, tilt lowpass Hz, noise kind)
VARS_M = ["m1","m2","m3","m4","m7","Andy","Lee","Jacky","Michael","grandpa","iven","david","paul","rob"]
VARS_F = ["f1","f2","f3","f4","f5","Annie","Alicia","Andrea","linda","steph","belinda","aunty","anika"]
def base_voice(sex=None):
    sex = sex or R.choice("MF")
    v = R.choice(VARS_M if sex == "M" else VARS_F)
    return dict(sex=sex, variant=v,
                ep=R.randint(25, 75), es=R.randint(190, 240),
                cents=R.randint(-350, -50) if sex == "M" else R.randint(-100, 250),
                tempo=round(R.uniform(0.92, 1.10), 3),
                eqf=R.choice([600, 900, 1200, 1800, 2400]), eqg=round(R.uniform(-5, 5), 1),
                lp=R.choice([3000, 3200, 3400]), hp=R.choice([250, 300, 350]),
                noise=R.choice(["pinknoise", "brownnoise", "whitenoise"]), nlev=round(R.uniform(0.004, 0.02), 4))
def near(b, dc=None):
    """a different person who sounds alike: same base voice, nearby pitch/tempo"""
    n = dict(b)
    n["cents"] = b["cents"] + (dc if dc is not None else R.choice([-1, 1]) * R.randint(35, 70))
    n["ep"] = max(0, min(99, b["ep"] + R.randint(-6, 6)))
    n["tempo"] = round(b["tempo"] * R.uniform(0.96, 1.04), 3)
    n["eqg"] = round(b["eqg"] + R.uniform(-1.5, 1.5), 1)
    return n

speakers = {}   # sid -> dict(kind, voice, ...)
AG_COUNTS = [15, 13, 11, 9, 8, 7, 5]
ag_ids = ["SPK-A%02d" % (i + 1) for i in range(len(AG_COUNTS))]
for i, sid in enumerate(ag_ids):
    if i == 3:   # agency staff close to staff 0
        v = near(speakers[ag_ids[0]]["voice"])
    elif i == 5:  # close to staff 2
        v = near(speakers[ag_ids[2]]["voice"])
    else:
        v = base_voice()
    speakers[sid] = dict(kind="agency", voice=v, n=AG_COUNTS[i])
# agency numbers: 9 numbers, a few shared
AG_NUMS = [phone(("170", "171", "138", "186", "133")) for _ in range(9)]
ag_num_use = {ag_ids[0]: [0, 1], ag_ids[1]: [2], ag_ids[2]: [3, 1], ag_ids[3]: [4],
              ag_ids[4]: [5, 2], ag_ids[5]: [6, 7], ag_ids[6]: [8, 7]}
FAM_COUNTS = [3, 2, 3, 2, 3]
fam_ids = ["SPK-F%02d" % (i + 1) for i in range(len(FAM_COUNTS))]
for i, sid in enumerate(fam_ids):
    if i == 1:   # family speaker close to an agency staff
        v = near(speakers[ag_ids[1]]["voice"])
    elif i == 3:  # close to family speaker 0
        v = near(speakers[fam_ids[0]]["voice"])
    else:
        v = base_voice()
    speakers[sid] = dict(kind="family", voice=v, n=FAM_COUNTS[i])
N_SINGLE = 62
N_OWN = 48          # singles who are borrowers answering their own phone
sg_ids = ["SPK-S%03d" % (i + 1) for i in range(N_SINGLE)]
targets = ag_ids + fam_ids
for i, sid in enumerate(sg_ids):
    if i % 5 == 0:   # 1 in 5 singles sounds like some repeated speaker
        v = near(speakers[targets[(i // 5) % len(targets)]]["voice"])
    else:
        v = base_voice()
    speakers[sid] = dict(kind="single", voice=v, n=1, own=(i < N_OWN))

# ---------- texts ----------
AG_AS_SELF = ["喂，哪位？对，我就是，这个月手头紧，下周一定还。", "嗯，是我本人，钱的事我知道了，过几天处理。",
    "我就是他，你们别老打了，月底给你们还上。", "喂？是我，我现在在开车，回头再说吧。", "对，我本人，我在外地出差，回去就还款。",
    "是我，我已经在想办法了，能不能宽限几天。", "喂，你说，我听着呢，这笔钱下周五前还。", "我就是，最近生意不好，分期能不能再谈谈。"]
AG_AS_REL = ["他不在家，出去打工了，我是他老婆，有事跟我说。", "我是他哥，他手机放我这儿了，钱的事我转告他。",
    "他住院了，我是他妈妈，等他出院再说吧。", "我是他表弟，他人在外地，我会让他回电话。", "她去上班了，我是她老公，你们说的我知道了。",
    "这是他家里人，他最近联系不上，我们也在找他。", "我是她姐姐，她电话坏了，有事找我就行。"]
FAM_TXT = ["我是他姐姐，他最近住院了，钱我们家里会想办法。", "你找我弟弟啊，他在工地上，晚上我让他回你。",
    "我是他妈，他这两天不在家，欠的钱我们会还的。", "我儿子出去打工了，手机留在家里，我跟他说。",
    "我是他爸，家里最近困难，能不能少还一点。", "她是我妹妹，她在带孩子，有事跟我讲吧。"]
OWN_TXT = ["喂，是我，我知道逾期了，月底发工资就还。", "你好，我是本人，昨天已经还了一部分。", "喂，我在上班，晚点我自己去处理。",
    "是我，不好意思忘了还款日，今天就还。", "你好，我看到短信了，这周内还清。", "喂？对，我是，能不能帮我申请个延期。",
    "我是本人，最近失业了，能不能先还最低。", "嗯，我知道，钱已经准备好了，下午转过去。"]
SG_DIV_TXT = ["你打错了吧，这个号码是我新办的。", "我是他同事，他把电话落在单位了。", "我是他房东，他早就搬走了。",
    "我不认识这个人，别再打了。", "我是他朋友，他让我帮忙接一下电话。"]

def synth(text, v, out, jit):
    raw = os.path.join(TMP, "raw.wav"); mid = os.path.join(TMP, "mid.wav"); nz = os.path.join(TMP, "nz.wav")
    subprocess.run(["espeak-ng", "-v", "cmn+" + v["variant"], "-p", str(v["ep"]), "-s", str(v["es"] + jit["ds"]),
                    "-w", raw, text], check=True, stderr=subprocess.DEVNULL)
    subprocess.run(["sox", "-R", raw, "-r", "8000", "-c", "1", "-b", "16", mid,
                    "gain", "-8", "pitch", str(v["cents"] + jit["dc"]), "tempo", "-s", str(round(v["tempo"] * jit["dt"], 3)),
                    "equalizer", str(v["eqf"]), "1q", str(v["eqg"]),
                    "highpass", str(v["hp"]), "lowpass", str(v["lp"]),
                    "silence", "1", "0.05", "0.5%", "reverse", "silence", "1", "0.05", "0.5%", "reverse",
                    "pad", str(jit["lead"]), "0.3", "gain", "-n", str(jit["lvl"])], check=True)
    d = float(subprocess.run(["soxi", "-D", mid], capture_output=True, text=True).stdout)
    if d > 7.4:
        t = os.path.join(TMP, "t.wav")
        subprocess.run(["sox", "-R", mid, t, "trim", "0", "7.2", "fade", "0", "7.2", "0.15"], check=True); shutil.move(t, mid); d = 7.2
    if d < 3.2:
        t = os.path.join(TMP, "t.wav")
        subprocess.run(["sox", "-R", mid, t, "pad", "0", str(round(3.3 - d, 3))], check=True); shutil.move(t, mid); d = 3.3
    subprocess.run(["sox", "-R", "-n", "-r", "8000", "-c", "1", "-b", "16", nz, "synth", str(d), v["noise"],
                    "vol", str(round(v["nlev"] * jit["dn"], 5))], check=True)
    subprocess.run(["sox", "-R", "-m", mid, nz, "-b", "16", out, "highpass", "200", "lowpass", "3500", "dither"], check=True)

# ---------- calls ----------
plan = []   # (sid, customer spec)
customers = []
fam_surn = SURN[:len(fam_ids)]; other_surn = SURN[len(fam_ids):]
surn_i = 0
def new_customer(surname=None):
    global surn_i
    if surname is None:
        surname = other_surn[surn_i % len(other_surn)]; surn_i += 1
    cid = "CUS-%05d" % CID_POOL[len(customers)]
    c = dict(customer_id=cid, name=name_with(surname), phone=phone())
    customers.append(c); return c
family_customers = {}
CID_POOL = R.sample(range(10001, 99999), 400)   # random, non-sequential ids: no ordering leak
for sid in ag_ids:
    nums = ag_num_use[sid]
    for k in range(speakers[sid]["n"]):
        c = new_customer()
        as_self = R.random() < 0.55
        plan.append(dict(sid=sid, cust=c, answered_by=AG_NUMS[nums[k % len(nums)] if R.random() < 0.8 else R.choice(nums)],
                         text=R.choice(AG_AS_SELF if as_self else AG_AS_REL)))
for i, sid in enumerate(fam_ids):
    group = [new_customer(fam_surn[i]) for _ in range(speakers[sid]["n"])]
    family_customers[sid] = [c["customer_id"] for c in group]
    txts = R.sample(FAM_TXT, len(group))
    for j, c in enumerate(group):
        rel = group[(j + 1) % len(group)]   # answered on a relative's phone
        plan.append(dict(sid=sid, cust=c, answered_by=rel["phone"], text=txts[j]))
for sid in sg_ids:
    c = new_customer()
    if speakers[sid]["own"]:
        t = R.choice(OWN_TXT)
        plan.append(dict(sid=sid, cust=c, answered_by="", text=t))
    else:
        plan.append(dict(sid=sid, cust=c, answered_by=phone(), text=R.choice(SG_DIV_TXT)))
R.shuffle(plan)
t0 = datetime.datetime(2026, 11, 2, 9, 0, 0)
times = sorted(t0 + datetime.timedelta(days=R.randint(0, 26), hours=R.randint(0, 11), minutes=R.randint(0, 59), seconds=R.randint(0, 59)) for _ in plan)
calls = []; truth = {"speakers": {}, "speaker_kind": {}, "family_customers": family_customers}
for idx, (p, ts) in enumerate(zip(plan, times)):
    cid = "CALL-%06d" % (400000 + idx * 13 + R.randint(0, 12))
    v = speakers[p["sid"]]["voice"]
    jit = dict(dc=R.randint(-18, 18), ds=R.randint(-8, 8), dt=R.uniform(0.97, 1.03), lead=round(R.uniform(0.1, 0.4), 2),
               lvl=round(R.uniform(-6, -2), 1), dn=R.uniform(0.6, 1.5))
    synth(p["text"], v, os.path.join(REC, cid + ".wav"), jit)
    calls.append(dict(call_id=cid, customer_id=p["cust"]["customer_id"], started_at=ts.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                      answered_by=p["answered_by"], recording="recordings/%s.wav" % cid))
    truth["speakers"][cid] = p["sid"]
for sid, s in speakers.items():
    truth["speaker_kind"][sid] = s["kind"]
with open(os.path.join(ROOT, "calls.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=["call_id", "customer_id", "started_at", "answered_by", "recording"]); w.writeheader(); w.writerows(calls)
cs = sorted(customers, key=lambda c: c["customer_id"])
with open(os.path.join(ROOT, "customers.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=["customer_id", "name", "phone"]); w.writeheader(); w.writerows(cs)
with open(os.path.join(ROOT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1, sort_keys=True)
with open(os.path.join(HERE, "speaker_params.json"), "w", encoding="utf-8") as f:
    json.dump({k: s for k, s in speakers.items()}, f, ensure_ascii=False, indent=1, sort_keys=True)
shutil.rmtree(TMP)
print("calls", len(calls), "customers", len(cs))
