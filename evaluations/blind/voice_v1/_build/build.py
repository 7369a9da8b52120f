#!/usr/bin/env python3
"""Build the voice_v1 blind evaluation set: answering-side recordings (espeak-ng + sox), fixed seed."""
import csv, json, os, random, subprocess, tempfile, datetime as dt, wave
from concurrent.futures import ThreadPoolExecutor

SEED = 7301
rng = random.Random(SEED)
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REC = os.path.join(OUT, "recordings")
TMP = tempfile.mkdtemp(prefix="voice_v1_", dir="/tmp/blind_c2" if os.path.isdir("/tmp/blind_c2") else None)
os.makedirs(REC, exist_ok=True)

AGENCY_LINES = [
    "喂，哪位？", "他现在不方便，有事跟我说。", "我是他表哥，他出去打工了。", "你们再打我就投诉。", "已经委托律师处理了，别再打了。",
    "我们会跟你们协商的，先等通知。", "他的事情现在都由我来负责。", "你说吧，什么事？", "这个账我们有异议，要先核实利息。",
    "你们这是暴力催收，我已经录音了。", "月底之前给你们答复。", "停息挂账办不办？不办就没得谈。", "你把合同和明细发过来再说。",
    "他住院了，现在联系不上。", "我是他家属，有事跟我说就行。", "你们公司叫什么？工号多少？", "我要去金融监管局投诉你们。",
    "这个号码以后别打了，打另一个号。", "现在没钱，等他有钱了再说。", "你这样打电话是骚扰，我会报警。", "嗯，知道了，我会转告他的。",
    "我是他的代理人，全权处理这件事。", "你们先把罚息免了，我们再谈。", "我不清楚，你问他本人去。",
]
FAMILY_LINES = [
    "喂，我是他妈妈，他不在家。", "我是他爱人，钱的事我们在想办法。", "他在上班，我回头让他给你们回电话。", "我是他爸，孩子的事我来说吧。",
    "你好，我是他姐姐，他手机放我这儿了。", "我们家这几天会凑钱还上的。", "他出差了，晚上回来我跟他讲。", "你们别着急，下个月一定还。",
    "喂，找我儿子吗？他出去了。", "我知道了，我会提醒他按时还款。", "家里老人生病，手头确实紧。", "嗯，我是他老婆，你说吧。",
]
SINGLE_LINES = [
    "喂，你好，哪位？", "我知道，我明天就还。", "不好意思，这个月工资还没发。", "我现在开车，等会儿再说。", "我已经在APP上还了，你查一下。",
    "能不能分期？我一下子拿不出来。", "喂？信号不好，你大声点。", "好的好的，我下午处理。", "我下周三发工资，发了就还。", "你打错了吧，我不认识这个人。",
    "我在开会，晚点回给你。", "这个钱我会还的，别催了。", "利息怎么这么高？我要问一下。", "喂，哪里？贷款的吗？", "行，我记下了，谢谢。",
    "我最近失业了，能宽限几天吗？", "你好，是催款的吧？我知道了。", "我马上转账，十分钟以后你再看。",
]

VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5", "klatt", "klatt2"]

def make_speaker(sid, kind, taken):
    while True:
        sp = dict(speaker_id=sid, kind=kind,
                  voice="cmn+" + rng.choice(VARIANTS),
                  espeak_pitch=rng.randrange(15, 86, 5),
                  espeak_speed=rng.randrange(130, 196, 5),
                  sox_pitch_cents=rng.randrange(-400, 401, 50),
                  eq_freq=rng.choice([400, 700, 1000, 1500, 2200]),
                  eq_gain_db=rng.choice([-4, -2, 2, 4]),
                  band=rng.choice(["bandpass 1850 1550", "sinc 300-3400"]),
                  level_db=rng.choice([-3, -5, -7]),
                  noise=rng.choice(["whitenoise", "pinknoise", "brownnoise"]))
        key = (sp["voice"], sp["espeak_pitch"] // 10, sp["espeak_speed"] // 15, sp["sox_pitch_cents"] // 100)
        if key not in taken:
            taken.add(key); return sp

taken = set()
speakers = []
AGENCY_SIZES = [14, 12, 15, 9, 11, 8]
FAMILY_SIZES = [3, 2, 3, 3]
N_SINGLE = 68
for i, n in enumerate(AGENCY_SIZES):
    speakers.append((make_speaker("SPK_A%d" % (i + 1), "agency", taken), n))
for i, n in enumerate(FAMILY_SIZES):
    speakers.append((make_speaker("SPK_F%d" % (i + 1), "family", taken), n))
for i in range(N_SINGLE):
    speakers.append((make_speaker("SPK_S%02d" % (i + 1), "single", taken), 1))

used_nums = set()
def mobile():
    while True:
        n = rng.choice(["138", "139", "150", "152", "186", "177", "133", "199", "166", "181"]) + "".join(rng.choice("0123456789") for _ in range(8))
        if n not in used_nums:
            used_nums.add(n); return n
used_cids = set()
def cid():
    while True:
        c = "V%05d" % rng.randrange(10000, 99999)
        if c not in used_cids:
            used_cids.add(c); return c
def when(office):
    d = dt.date(2026, 5, 1) + dt.timedelta(rng.randrange(92))
    if office:
        while d.weekday() >= 5: d += dt.timedelta(1)
        h = rng.uniform(9.2, 17.5)
    else:
        h = rng.uniform(8.5, 20.8)
    if d > dt.date(2026, 7, 31): d = dt.date(2026, 7, 31)
    return (dt.datetime.combine(d, dt.time()) + dt.timedelta(seconds=int(h * 3600))).strftime("%Y-%m-%dT%H:%M:%S+08:00")

# agencies 1+2 share one office number pool, others have their own numbers
pools = {}
shared = [mobile() for _ in range(3)]
jobs = []
family_customers = {}
for sp, n in speakers:
    sid, kind = sp["speaker_id"], sp["kind"]
    if kind == "agency":
        if sid in ("SPK_A1", "SPK_A2"):
            nums = shared
        else:
            nums = [mobile() for _ in range(rng.choice((1, 2)))]
        sp["answering_numbers"] = nums
        custs = [cid() for _ in range(n)]
        lines = AGENCY_LINES
    elif kind == "family":
        nums = [mobile()]
        sp["answering_numbers"] = nums
        custs = [cid() for _ in range(n)]
        family_customers[sid] = custs
        lines = FAMILY_LINES
    else:
        nums = [""]
        custs = [cid()]
        lines = SINGLE_LINES + (AGENCY_LINES[:4] if rng.random() < 0.3 else [])
    for c in custs:
        k = rng.choice((1, 1, 1, 2))
        text = "".join(rng.sample(lines, k))
        jobs.append(dict(sp=sp, customer_id=c, answered_by=rng.choice(nums) if kind != "single" else "",
                         started_at=when(kind == "agency"), text=text,
                         tempo=round(rng.uniform(0.97, 1.03), 3), speed_jit=rng.randint(-4, 4),
                         noise_vol=round(rng.uniform(0.004, 0.02), 4), noise_off=round(rng.uniform(0, 50), 2)))

rng.shuffle(jobs)
for i, j in enumerate(jobs, 1):
    j["call_id"] = "VC%04d" % (1000 + i * 7 + rng.randrange(7))

# long noise beds, one per type (cut at a random offset per call)
NOISE = {}
for nt in ("whitenoise", "pinknoise", "brownnoise"):
    p = os.path.join(TMP, nt + ".wav")
    subprocess.run(["sox", "-R", "-n", "-r", "8000", "-c", "1", "-b", "16", p, "synth", "60", nt, "sinc", "300-3400"], check=True)
    NOISE[nt] = p

def dur(p):
    with wave.open(p) as w:
        return w.getnframes() / w.getframerate()

def render(j):
    sp = j["sp"]; base = os.path.join(TMP, j["call_id"])
    raw, proc, nz, out = base + "_raw.wav", base + "_p.wav", base + "_n.wav", os.path.join(REC, j["call_id"] + ".wav")
    speed = sp["espeak_speed"] + j["speed_jit"]
    subprocess.run(["espeak-ng", "-v", sp["voice"], "-p", str(sp["espeak_pitch"]), "-s", str(speed), "-w", raw, j["text"]], check=True)
    eff = ["gain", "-6", "pitch", str(sp["sox_pitch_cents"]), "tempo", str(j["tempo"]), "equalizer", str(sp["eq_freq"]), "1q", str(sp["eq_gain_db"])] \
          + sp["band"].split() + ["rate", "8000", "pad", "0.25", "0.3", "trim", "0", "7.2"]
    subprocess.run(["sox", "-R", raw, "-r", "8000", "-c", "1", "-b", "16", proc] + eff + ["gain", "-n", str(sp["level_db"])], check=True)
    d = dur(proc)
    if d < 3.2:
        tmp2 = base + "_p2.wav"
        subprocess.run(["sox", "-R", proc, tmp2, "pad", "0", "%.2f" % (3.3 - d)], check=True)
        proc = tmp2; d = dur(proc)
    subprocess.run(["sox", "-R", NOISE[sp["noise"]], nz, "trim", str(j["noise_off"]), "%.3f" % d, "vol", str(round(j["noise_vol"] * 2, 4))], check=True)
    subprocess.run(["sox", "-R", "-m", "-v", "1", proc, "-v", "1", nz, "-r", "8000", "-c", "1", "-b", "16", out, "trim", "0", "%.3f" % d], check=True)
    j["duration"] = round(dur(out), 2)
    for p in (raw, base + "_p.wav", base + "_p2.wav", nz):
        if os.path.exists(p): os.remove(p)

with ThreadPoolExecutor(8) as ex:
    list(ex.map(render, jobs))

jobs.sort(key=lambda j: j["call_id"])
with open(os.path.join(OUT, "calls.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["call_id", "customer_id", "started_at", "answered_by", "recording"])
    for j in jobs:
        w.writerow([j["call_id"], j["customer_id"], j["started_at"], j["answered_by"], "recordings/%s.wav" % j["call_id"]])
truth = {"speakers": {j["call_id"]: j["sp"]["speaker_id"] for j in jobs},
         "speaker_kind": {sp["speaker_id"]: sp["kind"] for sp, _ in speakers},
         "family_customers": family_customers}
with open(os.path.join(OUT, "truth.json"), "w", encoding="utf-8") as f:
    json.dump(truth, f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "_build", "speakers.json"), "w", encoding="utf-8") as f:
    json.dump([sp for sp, _ in speakers], f, ensure_ascii=False, indent=1)
with open(os.path.join(OUT, "_build", "texts.jsonl"), "w", encoding="utf-8") as f:
    for j in jobs:
        f.write(json.dumps({"call_id": j["call_id"], "text": j["text"], "tempo": j["tempo"], "speed_jitter": j["speed_jit"],
                            "noise_vol": j["noise_vol"], "duration": j["duration"]}, ensure_ascii=False) + "\n")
print(len(jobs), "recordings")
