#!/usr/bin/env python3
"""Generator for voice_v2 (synthetic stand-in speech). Python 3 stdlib + espeak-ng + sox. Fixed seed."""
import csv, json, os, random, subprocess, shutil, tempfile
from datetime import datetime, timedelta, timezone

SEED = 20261202
R = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REC = os.path.join(OUT, "recordings")
TZ = timezone(timedelta(hours=8))
TMP = tempfile.mkdtemp(prefix="voice_v2_")

# ---------------- texts ----------------
AGENCY_SELF = ["喂，我就是本人，现在真没钱。", "我是本人，下个月再说吧。", "钱我会还的，你们别天天打了。",
               "我现在失业了，拿什么还？", "我知道欠款，但是利息太高了。", "你们这是暴力催收，我录音了。",
               "再打我就去银保监投诉你们。", "我没钱，你们爱怎么办怎么办。", "这个账我不认，利息不合法。",
               "你报一下工号，我要投诉你。"]
AGENCY_REL = ["喂，我是他哥哥，他不在家。", "我是他姐姐，他出去打工了。", "他住院了，有事跟我说。",
              "我是他家属，他现在联系不上。", "我是他老婆，他的事我不清楚。", "他手机在我这，人不在。",
              "我是他表哥，你们别再打了。", "他去外地了，回来我转告他。"]
AGENCY_PRO = ["我们是他委托的律师事务所。", "请你们走法律程序，别再骚扰。", "这个案子由我们法务对接。",
              "你们的催收方式已经违规了。", "他已经全权委托我们处理。", "有事打我们办公室电话。",
              "我们会向监管部门反映情况。", "减免方案没谈好之前不还款。"]
FAMILY = ["喂，我是他妈妈，钱我们想办法。", "孩子出去打工了，我会告诉他。", "我是他爸爸，这钱家里会还。",
          "他们兄弟俩的事都找我吧。", "她上班呢，晚上我让她回电话。", "别着急，月底一定还上。",
          "我是他姐姐，我帮他问问情况。", "他手机坏了，你们先打我这。"]
SINGLE = ["喂，你好，我知道了，这两天就还。", "你是哪里？哦，好的，我晚上处理。", "我在开会，等会儿打给你。",
          "工资下周发，发了马上还。", "能不能分期？我一次还不上。", "好的，我现在就去还。",
          "我以为已经自动扣款了。", "最近手头紧，再宽限几天吧。", "行，我明天上午转过去。",
          "喂？信号不好，你再说一遍。", "我记得还了啊，我查一下。", "利息能不能少一点？",
          "好，我知道了，谢谢提醒。", "我在开车，晚点回你电话。", "这个月底之前肯定还清。"]

# ---------------- speakers ----------------
VARIANTS_M = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "iven", "adam", "david", "Andy", "edward", "norbert", "pablo", "boris"]
VARIANTS_F = ["f1", "f2", "f3", "f4", "f5", "linda", "belinda", "anika", "Annie", "aunty", "Alicia", "Andrea"]

def base_voice(female=None):
    female = R.random() < 0.45 if female is None else female
    v = R.choice(VARIANTS_F if female else VARIANTS_M)
    return {"variant": v, "female": female,
            "ep": R.randint(30, 70) if not female else R.randint(45, 85),   # espeak pitch
            "eg": R.randint(0, 3),                                          # espeak word gap (-g, 10 ms units)
            "es": R.randint(190, 235),                                      # espeak speed
            "cents": R.randint(-250, 150) if not female else R.randint(-100, 250),
            "bass": round(R.uniform(-5, 4), 1), "treble": round(R.uniform(-5, 3), 1),
            "level": round(R.uniform(-10, -2), 1),
            "noise": "office", "noise_db": round(R.uniform(-44, -34), 1)}

def near(sp):
    """a different person who sounds alike: same base voice, nearby pitch."""
    q = dict(sp)
    q["ep"] = max(0, min(99, sp["ep"] + R.choice([-1, 1]) * R.randint(3, 7)))
    q["cents"] = sp["cents"] + R.choice([-1, 1]) * R.randint(30, 80)
    q["es"] = sp["es"] + R.randint(-8, 8)
    q["bass"] = round(sp["bass"] + R.uniform(-1.5, 1.5), 1)
    q["treble"] = round(sp["treble"] + R.uniform(-1.5, 1.5), 1)
    q["eg"] = sp["eg"]
    return q

speakers = {}   # id -> dict(kind, params, ...)
def add_speaker(sid, kind, params, **kw):
    p = dict(params); p.update(kw)
    speakers[sid] = {"kind": kind, "p": p}

# agency staff: office X (A1,A2,A3 share 3 phone numbers), office Y (A4,A5 share 2 numbers), A6 solo, A7 solo (street)
AG_COUNTS = {"A1": 15, "A2": 13, "A3": 12, "A4": 11, "A5": 10, "A6": 9, "A7": 8}
a1 = base_voice(False); add_speaker("A1", "agency", a1)
add_speaker("A2", "agency", near(a1))                       # same office, sounds like A1
add_speaker("A3", "agency", base_voice(True))
a4 = base_voice(True); add_speaker("A4", "agency", a4)
add_speaker("A5", "agency", base_voice(False))
add_speaker("A6", "agency", base_voice(False))
add_speaker("A7", "agency", base_voice(None), street=0.5)   # ~half of A7's calls from a noisy street
# family speakers
FAM_COUNTS = {"F1": 3, "F2": 3, "F3": 2, "F4": 2}
add_speaker("F1", "family", base_voice(True))
add_speaker("F2", "family", near(speakers["A5"]["p"]))      # a parent who sounds like agency staff A5
add_speaker("F3", "family", base_voice(False))
add_speaker("F4", "family", near(a4))                       # sounds like agency staff A4
# singles
N_SINGLE = 68
lookalike_of = ["A1", "A3", "A6", "A7", "F1", "F3", "A2", "A4"]
for i in range(N_SINGLE):
    sid = "S%02d" % (i + 1)
    if i < len(lookalike_of):
        add_speaker(sid, "single", near(speakers[lookalike_of[i]]["p"]))
    elif i < 14 and i % 2 == 1:
        add_speaker(sid, "single", near(speakers["S%02d" % i]["p"]))   # pairs of look-alike singles
    else:
        add_speaker(sid, "single", base_voice())
for sp in speakers.values():
    sp["p"].pop("street", None) if sp["kind"] != "agency" else None
    if "street" not in sp["p"]:
        sp["p"]["street"] = 0.0
    sp["p"]["noise_db"] = round(R.uniform(-44, -34), 1)
# staff of one office share the room: same noise floor
for s_ in ("A2", "A3"): speakers[s_]["p"]["noise_db"] = speakers["A1"]["p"]["noise_db"]
speakers["A5"]["p"]["noise_db"] = speakers["A4"]["p"]["noise_db"]

# ---------------- numbers / customers ----------------
USED = set()
def mobile():
    while True:
        n = R.choice(["13", "15", "17", "18", "19"]) + "".join(R.choice("0123456789") for _ in range(9))
        if n not in USED:
            USED.add(n); return n
OFFICE_X = [mobile() for _ in range(3)]
OFFICE_Y = [mobile() for _ in range(2)]
AG_NUM = {"A1": OFFICE_X, "A2": OFFICE_X, "A3": OFFICE_X, "A4": OFFICE_Y, "A5": OFFICE_Y, "A6": [mobile()], "A7": [mobile(), mobile()]}
cust_n = [0]
def new_cust():
    cust_n[0] += 1
    return cust_n[0]

def rand_time(office):
    d = datetime(2026, 8, 1, tzinfo=TZ) + timedelta(days=R.randrange(92))
    if office:
        while d.weekday() >= 5:
            d += timedelta(days=1)
        h = R.choice([9, 10, 11, 14, 15, 16, 17])
    else:
        h = R.randint(8, 20)
    return d.replace(hour=h, minute=R.randrange(60), second=R.randrange(60))

plan = []  # (speaker_id, customer_tmp, answered_by, started_at, text, street)
for sid, n in AG_COUNTS.items():
    for k in range(n):
        c = new_cust()
        ab = R.choice(AG_NUM[sid]) if R.random() > 0.15 else ""   # some borrowers hand their SIM to the agency
        txt = R.choice(R.choice([AGENCY_SELF, AGENCY_REL, AGENCY_PRO]))
        street = R.random() < speakers[sid]["p"]["street"]
        plan.append((sid, c, ab, rand_time(True), txt, street))
family_customers = {}
for sid, n in FAM_COUNTS.items():
    rel = mobile(); cs = []
    for k in range(n):
        c = new_cust(); cs.append(c)
        plan.append((sid, c, rel, rand_time(False), R.choice(FAMILY), False))
    family_customers[sid] = cs
for i in range(N_SINGLE):
    sid = "S%02d" % (i + 1)
    c = new_cust()
    plan.append((sid, c, "" if R.random() < 0.85 else mobile(), rand_time(False), R.choice(SINGLE), R.random() < 0.1))

# random ids
R.shuffle(plan)
cust_ids = list(range(1, cust_n[0] + 1)); R.shuffle(cust_ids)
cmap = {old: "K%05d" % (30001 + i) for i, old in enumerate(cust_ids)}
family_customers = {s: sorted(cmap[c] for c in cs) for s, cs in family_customers.items()}
plan.sort(key=lambda x: x[3])

# ---------------- synthesis ----------------
def run(cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

def dur(path):
    return float(subprocess.run(["soxi", "-D", path], check=True, capture_output=True, text=True).stdout.strip())

def synth(call_id, sid, text, street, rr):
    p = speakers[sid]["p"]
    raw = os.path.join(TMP, call_id + "_raw.wav"); sp = os.path.join(TMP, call_id + "_sp.wav")
    nz = os.path.join(TMP, call_id + "_nz.wav"); out = os.path.join(REC, call_id + ".wav")
    # per-call small variation
    ep = max(0, min(99, p["ep"] + rr.randint(-2, 2)))
    es = p["es"] + rr.randint(-6, 6)
    cents = p["cents"] + rr.randint(-15, 15)
    lvl = p["level"] + rr.uniform(-1.5, 1.5)
    for attempt in range(6):
        run(["espeak-ng", "-v", "cmn+" + p["variant"], "-p", str(ep), "-g", str(p["eg"]), "-s", str(es), "-a", "160", "-w", raw, text])
        d = dur(raw)
        if d <= 7.0:
            break
        es += 15
    lead = rr.uniform(0.15, 0.6); tail = rr.uniform(0.15, 0.5)
    tot = lead + d + tail
    if tot < 3.0:
        tail += 3.0 - tot + rr.uniform(0.05, 0.4)
    run(["sox", "-R", raw, "-b", "16", sp, "pitch", str(cents), "bass", str(p["bass"]), "treble", str(p["treble"]),
         "pad", "%.3f" % lead, "%.3f" % tail, "rate", "8000", "channels", "1"])
    D = dur(sp)
    if street:
        ndb = rr.uniform(-24, -18)
        run(["sox", "-R", "-n", "-r", "8000", "-b", "16", "-c", "1", nz, "synth", "%.3f" % D, "brownnoise", "synth", "%.3f" % D, "pinknoise", "mix",
             "tremolo", "%.2f" % rr.uniform(0.2, 0.9), "60", "gain", "-n", "%.1f" % ndb])
    else:
        ndb = p["noise_db"] + rr.uniform(-2, 2)
        run(["sox", "-R", "-n", "-r", "8000", "-b", "16", "-c", "1", nz, "synth", "%.3f" % D, "pinknoise", "gain", "-n", "%.1f" % ndb])
    run(["sox", "-R", "-m", sp, nz, "-r", "8000", "-b", "16", "-c", "1", "-e", "signed-integer", out,
         "sinc", "300-3400", "compand", "0.01,0.2", "6:-70,-60,-20", "-3", "-90", "0.05", "gain", "-n", "%.1f" % lvl, "trim", "0", "7.95"])
    for f in (raw, sp, nz):
        os.remove(f)
    return dur(out), ndb

os.makedirs(REC, exist_ok=True)
for f in os.listdir(REC):
    if f.endswith(".wav"):
        os.remove(os.path.join(REC, f))
rows = []; truth_sp = {}; log = []
for i, (sid, c, ab, t, text, street) in enumerate(plan):
    cid = "V%04d" % (i + 1)
    rr = random.Random("%d-%s" % (SEED, cid))
    d, ndb = synth(cid, sid, text, street, rr)
    rows.append([cid, cmap[c], t.isoformat(timespec="seconds"), ab, "recordings/%s.wav" % cid])
    truth_sp[cid] = sid
    log.append({"call_id": cid, "speaker": sid, "text": text, "street": street, "duration": round(d, 3), "noise_db": round(ndb, 1)})

with open(os.path.join(OUT, "calls.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["call_id", "customer_id", "started_at", "answered_by", "recording"]); w.writerows(rows)
truth = {"speakers": truth_sp, "speaker_kind": {s: speakers[s]["kind"] for s in sorted(speakers)},
         "family_customers": family_customers}
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "_build", "speaker_params.json"), "w", encoding="utf-8") as f:
    json.dump({s: speakers[s] for s in sorted(speakers)}, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "_build", "synthesis_log.jsonl"), "w", encoding="utf-8") as f:
    for l in log: f.write(json.dumps(l, ensure_ascii=False) + "\n")
shutil.rmtree(TMP, ignore_errors=True)
print("calls", len(rows), "speakers", len(speakers))
