#!/usr/bin/env python3
"""Check voice_v1 consistency; write STATS.md and the speaker table in BRIEF.md."""
import csv, json, os, wave, collections
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
calls = list(csv.DictReader(open(os.path.join(D, "calls.csv"), encoding="utf-8")))
truth = json.load(open(os.path.join(D, "truth.json"), encoding="utf-8"))
sps = json.load(open(os.path.join(D, "_build", "speakers.json"), encoding="utf-8"))
ids = [c["call_id"] for c in calls]
assert len(ids) == len(set(ids)), "dup call ids"
assert set(ids) == set(truth["speakers"]), "truth speakers incomplete"
assert set(truth["speakers"].values()) <= set(truth["speaker_kind"]), "speaker without kind"
assert set(truth["speaker_kind"]) == set(truth["speakers"].values()), "kind for unused speaker"
durs = []
for c in calls:
    p = os.path.join(D, c["recording"])
    assert c["recording"] == "recordings/%s.wav" % c["call_id"] and os.path.exists(p), p
    with wave.open(p) as w:
        assert w.getnchannels() == 1 and w.getframerate() == 8000 and w.getsampwidth() == 2, p
        d = w.getnframes() / 8000; assert 3.0 <= d <= 8.0, (p, d); durs.append(d)
assert len(os.listdir(os.path.join(D, "recordings"))) == len(calls)
by_spk = collections.defaultdict(list)
cust = {c["call_id"]: c["customer_id"] for c in calls}
for cid, s in truth["speakers"].items(): by_spk[s].append(cust[cid])
for s, k in truth["speaker_kind"].items():
    cs = by_spk[s]
    if k == "agency": assert 6 <= len(cs) <= 15 and len(set(cs)) == len(cs)
    if k == "family": assert 2 <= len(cs) <= 3 and sorted(truth["family_customers"][s]) == sorted(cs)
    if k == "single": assert len(cs) == 1
assert set(truth["family_customers"]) == {s for s, k in truth["speaker_kind"].items() if k == "family"}
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(D) for f in fs)
kinds = collections.Counter(truth["speaker_kind"].values())
calls_by_kind = collections.Counter(truth["speaker_kind"][s] for s in truth["speakers"].values())
out = ["# STATS voice_v1", "", f"- recordings: {len(calls)}", f"- speakers: {len(truth['speaker_kind'])} (agency {kinds['agency']}, family {kinds['family']}, single {kinds['single']})",
       f"- recordings by speaker kind: agency {calls_by_kind['agency']}, family {calls_by_kind['family']}, single {calls_by_kind['single']}",
       f"- distinct customers: {len(set(cust.values()))}", f"- duration s: min {min(durs):.2f}, mean {sum(durs)/len(durs):.2f}, max {max(durs):.2f}",
       f"- folder size: {size/1e6:.2f} MB", "- format: 8 kHz mono 16-bit PCM WAV", ""]
open(os.path.join(D, "STATS.md"), "w").write("\n".join(out))
assert size < 15e6, size
# speaker parameter table for BRIEF.md
rows = ["| speaker | kind | calls | espeak voice | -p | -s | sox pitch (cents) | EQ Hz / dB | band | peak dB | noise |", "|---|---|---|---|---|---|---|---|---|---|---|"]
for sp in sps:
    rows.append(f"| {sp['speaker_id']} | {sp['kind']} | {len(by_spk[sp['speaker_id']])} | {sp['voice']} | {sp['espeak_pitch']} | {sp['espeak_speed']} | {sp['sox_pitch_cents']} | {sp['eq_freq']} / {sp['eq_gain_db']:+d} | {sp['band']} | {sp['level_db']} | {sp['noise']} |")
b = os.path.join(D, "BRIEF.md"); txt = open(b, encoding="utf-8").read()
mark = "<!-- SPEAKER TABLE -->"
txt = txt.split(mark)[0] + mark + "\n\n" + "\n".join(rows) + "\n"
open(b, "w", encoding="utf-8").write(txt)
print("\n".join(out)); print("CHECK OK")
