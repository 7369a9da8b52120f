#!/usr/bin/env python3
"""Consistency check for voice_v2; writes STATS.md (counts only). stdlib only."""
import csv, json, os, re, sys, wave, collections
from datetime import datetime

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []
def err(m): errors.append(m)

for f in ("calls.csv", "truth.json", "BRIEF.md", "recordings"):
    if not os.path.exists(os.path.join(D, f)): err("missing " + f)

rows = list(csv.DictReader(open(os.path.join(D, "calls.csv"), encoding="utf-8")))
if rows and list(rows[0].keys()) != ["call_id", "customer_id", "started_at", "answered_by", "recording"]: err("calls.csv header")
ids = [r["call_id"] for r in rows]
if len(set(ids)) != len(ids): err("duplicate call_id")
truth = json.load(open(os.path.join(D, "truth.json"), encoding="utf-8"))
sp = truth["speakers"]; kind = truth["speaker_kind"]; fam = truth["family_customers"]
if set(sp) != set(ids): err("truth speakers != calls")
if set(sp.values()) != set(kind): err("speaker_kind keys != speakers used")
for s, k in kind.items():
    if k not in ("agency", "family", "single"): err("bad kind " + s)
if set(fam) != {s for s, k in kind.items() if k == "family"}: err("family_customers keys != family speakers")

durs = []; refd = set()
for r in rows:
    if not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", r["started_at"]): err("bad started_at " + r["call_id"])
    if not re.match(r"^K\d{5}$", r["customer_id"]): err("bad customer_id " + r["call_id"])
    if r["answered_by"] and not re.match(r"^\d{11}$", r["answered_by"]): err("bad answered_by " + r["call_id"])
    if r["recording"] != "recordings/%s.wav" % r["call_id"]: err("bad recording path " + r["call_id"])
    path = os.path.join(D, r["recording"]); refd.add(os.path.basename(path))
    try:
        with wave.open(path) as w:
            if w.getframerate() != 8000 or w.getnchannels() != 1 or w.getsampwidth() != 2 or w.getcomptype() != "NONE":
                err("bad wav format " + r["call_id"])
            d = w.getnframes() / w.getframerate(); durs.append(d)
            if not (3.0 <= d <= 8.0): err("duration %.2f %s" % (d, r["call_id"]))
    except Exception as e:
        err("unreadable wav %s %s" % (r["call_id"], e))
extra = set(f for f in os.listdir(os.path.join(D, "recordings"))) - refd
if extra: err("unreferenced files in recordings: %d" % len(extra))

by_sp = collections.defaultdict(list)
for r in rows: by_sp[sp.get(r["call_id"])].append(r)
for s, rr in by_sp.items():
    k = kind.get(s); n = len(rr); custs = [r["customer_id"] for r in rr]
    if k == "agency":
        if not (5 <= n <= 15): err("agency speaker %s has %d calls" % (s, n))
        if len(set(custs)) != n: err("agency speaker %s repeats a borrower" % s)
    elif k == "family":
        if not (2 <= n <= 3): err("family speaker %s has %d calls" % (s, n))
        if sorted(set(custs)) != sorted(fam[s]): err("family_customers mismatch " + s)
    elif k == "single" and n != 1:
        err("single speaker %s has %d calls" % (s, n))
# a borrower's calls must not be answered by both an agency voice and another voice kind
cust_sp = collections.defaultdict(set)
for r in rows: cust_sp[r["customer_id"]].add(sp[r["call_id"]])

size = 0
for root, _, files in os.walk(D):
    for f in files:
        if f != "STATS.md": size += os.path.getsize(os.path.join(root, f))
if size > 14.5 * 1024 * 1024: err("folder too large: %d bytes" % size)

kc = collections.Counter(kind.values())
calls_by_kind = collections.Counter(kind[sp[c]] for c in ids)
L = ["# voice_v2 — STATS", "", "Written by `_build/check_voice.py`.", "",
     "- check result: **%s**" % ("OK" if not errors else "FAIL (%d problems)" % len(errors)),
     "- recordings: %d; distinct customers: %d" % (len(rows), len(set(r["customer_id"] for r in rows))),
     "- speakers: %d (agency %d, family %d, single %d)" % (len(kind), kc["agency"], kc["family"], kc["single"]),
     "- calls by speaker kind: agency %d, family %d, single %d" % (calls_by_kind["agency"], calls_by_kind["family"], calls_by_kind["single"]),
     "- calls with answered_by filled: %d" % sum(1 for r in rows if r["answered_by"]),
     "- distinct answered_by numbers: %d" % len(set(r["answered_by"] for r in rows if r["answered_by"])),
     "- duration seconds: min %.2f, mean %.2f, max %.2f; total %.1f" % (min(durs), sum(durs) / len(durs), max(durs), sum(durs)) if durs else "- durations: none",
     "- folder size (excluding STATS.md): %.2f MB" % (size / 1024 / 1024), "",
     "| speaker | kind | calls |", "|---|---|---|"]
for s in sorted(by_sp, key=lambda s: (kind.get(s, ""), s)):
    if kind.get(s) != "single":
        L.append("| %s | %s | %d |" % (s, kind.get(s), len(by_sp[s])))
L.append("| (single speakers) | single | %d × 1 |" % kc["single"])
if errors:
    L += ["", "## problems", ""] + ["- " + e for e in errors[:50]]
open(os.path.join(D, "STATS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
sys.exit(1 if errors else 0)
