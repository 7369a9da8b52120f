#!/usr/bin/env python3
"""Consistency check for calls_c3; writes STATS.md (counts only). stdlib only."""
import csv, json, os, re, sys, collections
from datetime import datetime

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
errors = []
def err(m):
    if len(errors) < 50: errors.append(m)
    else: errors.append("...") if errors[-1] != "..." else None

def p(name): return os.path.join(D, name)
W0 = datetime.fromisoformat("2026-08-01T00:00:00+08:00")
W1 = datetime.fromisoformat("2026-11-01T00:00:00+08:00")
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
NUM = re.compile(r"^\d{5,12}$")

for f in ("calls.csv", "customers.csv", "lender_numbers.txt", "notes.jsonl", "truth.json", "BRIEF.md"):
    if not os.path.exists(p(f)): err("missing file " + f)

cust = list(csv.DictReader(open(p("customers.csv"), encoding="utf-8")))
cols = ["customer_id", "name", "phone", "principal", "due_date", "overdue_days"]
if list(cust[0].keys()) != cols: err("customers.csv header")
cids = [c["customer_id"] for c in cust]
if len(set(cids)) != len(cids): err("duplicate customer_id")
cset = set(cids)
phones = [c["phone"] for c in cust]
if len(set(phones)) != len(phones): err("duplicate customer phone")
for c in cust:
    if not NUM.match(c["phone"]): err("bad phone " + c["phone"])
    if not c["principal"].isdigit(): err("bad principal")
    if not c["overdue_days"].isdigit(): err("bad overdue_days")
    try: datetime.strptime(c["due_date"], "%Y-%m-%d")
    except Exception: err("bad due_date")

lender = [l.strip() for l in open(p("lender_numbers.txt"), encoding="utf-8") if l.strip()]
if len(set(lender)) != len(lender): err("duplicate lender number")
for n in lender:
    if not NUM.match(n): err("bad lender number " + n)

calls = list(csv.DictReader(open(p("calls.csv"), encoding="utf-8")))
ccols = ["call_id", "started_at", "direction", "customer_id", "dialled", "answered", "ring_seconds", "talk_seconds", "answered_by", "diversion_reason", "recording"]
if list(calls[0].keys()) != ccols: err("calls.csv header")
ids = [r["call_id"] for r in calls]
if len(set(ids)) != len(ids): err("duplicate call_id")
REASONS = {"unconditional", "busy", "no_answer", "unreachable"}
for r in calls:
    if not ISO.match(r["started_at"]): err("bad started_at " + r["call_id"]); continue
    t = datetime.fromisoformat(r["started_at"])
    if not (W0 <= t < W1): err("outside window " + r["call_id"])
    if r["direction"] not in ("outbound", "inbound"): err("bad direction " + r["call_id"])
    if r["customer_id"] not in cset: err("unknown customer " + r["call_id"])
    if not NUM.match(r["dialled"]): err("bad dialled " + r["call_id"])
    if r["answered"] not in ("true", "false"): err("bad answered " + r["call_id"])
    for k in ("ring_seconds", "talk_seconds"):
        if not r[k].isdigit(): err("bad %s %s" % (k, r["call_id"]))
    if r["answered"] == "false" and r["talk_seconds"] != "0": err("talk without answer " + r["call_id"])
    if r["answered"] == "true" and int(r["talk_seconds"]) <= 0: err("answered with zero talk " + r["call_id"])
    if int(r["ring_seconds"]) > 120 or int(r["talk_seconds"]) > 3600: err("implausible duration " + r["call_id"])
    if bool(r["answered_by"]) != bool(r["diversion_reason"]): err("answered_by/diversion mismatch " + r["call_id"])
    if r["diversion_reason"] and r["diversion_reason"] not in REASONS: err("bad diversion " + r["call_id"])
    if r["answered_by"] and not NUM.match(r["answered_by"]): err("bad answered_by " + r["call_id"])
    if r["direction"] == "inbound" and r["answered_by"]: err("diversion on inbound " + r["call_id"])
    if r["recording"] != "": err("recording not empty " + r["call_id"])

notes = [json.loads(l) for l in open(p("notes.jsonl"), encoding="utf-8") if l.strip()]
nids = [n["note_id"] for n in notes]
if len(set(nids)) != len(nids): err("duplicate note_id")
for n in notes:
    if set(n) != {"note_id", "customer_id", "written_at", "text"}: err("note keys " + n["note_id"])
    if n["customer_id"] not in cset: err("note unknown customer " + n["note_id"])
    if not ISO.match(n["written_at"]): err("note time " + n["note_id"])
    if not n["text"].strip(): err("empty note " + n["note_id"])

truth = json.load(open(p("truth.json"), encoding="utf-8"))
tc = truth["customers"]; an = truth["agency_numbers"]
if set(tc) != cset: err("truth customers != customers.csv")
GROUPS = {"family", "switchboard", "stopped_answering", "changed_number", "voicemail", "secretary", "own_second_phone", "normal"}
allnums = collections.Counter(n for v in an.values() for n in v)
if any(v > 1 for v in allnums.values()): err("agency number shared by two agencies")
if set(allnums) & set(lender): err("agency number in lender list")
if set(allnums) & set(phones): err("agency number is a customer phone")
for cid, v in tc.items():
    if set(v) != {"group", "forwarded", "agency"}: err("truth keys " + cid)
    g = v["group"]
    if g in an:
        if v["agency"] != g: err("agency mismatch " + cid)
    elif g in GROUPS:
        if v["agency"] is not None: err("non-agency with agency " + cid)
    else:
        err("unknown group " + g)
    if not isinstance(v["forwarded"], bool): err("forwarded not bool " + cid)

# derived counts
gcount = collections.Counter(v["group"] for v in tc.values())
fwd = collections.Counter((v["group"], v["forwarded"]) for v in tc.values())
divc = collections.Counter(r["customer_id"] for r in calls if r["answered_by"])
obs = collections.Counter(tc[c]["group"] for c in divc)
calls_by_group = collections.Counter(tc[r["customer_id"]]["group"] for r in calls)
dirc = collections.Counter(r["direction"] for r in calls)
reasons = collections.Counter(r["diversion_reason"] or "(none)" for r in calls)
answered = sum(r["answered"] == "true" for r in calls)
agency_clients_in_calls = {a: len({r["customer_id"] for r in calls if (r["answered_by"] in an[a] or (r["direction"] == "inbound" and r["dialled"] in an[a]))}) for a in an}
num_in_notes = sum(1 for n in notes if re.search(r"[0-9０-９零一二三四五六七八九幺]{5,}", n["text"].replace("-", "").replace(" ", "")))

mins = {"family": 6 * 2, "switchboard": 2, "stopped_answering": 15, "changed_number": 8, "voicemail": 30, "secretary": 3, "own_second_phone": 5}
for g, m in mins.items():
    if gcount[g] < m: err("too few " + g)
if not (20000 <= len(calls) <= 25000): err("call count outside 20k-25k")
if len(cust) < 550 or len(cust) > 650: err("customer count")

L = ["# calls_c3 — STATS", "", "Written by `_build/check_calls.py`.", "",
     "- check result: **%s**" % ("OK" if not errors else "FAIL (%d problems)" % len(errors)),
     "- customers: %d" % len(cust), "- calls: %d (outbound %d, inbound %d; answered %d)" % (len(calls), dirc["outbound"], dirc["inbound"], answered),
     "- notes: %d (containing a digit run of 5+ characters: %d)" % (len(notes), num_in_notes),
     "- lender numbers: %d" % len(lender),
     "- agencies: %d; agency numbers: %s" % (len(an), ", ".join("%s=%d" % (a, len(v)) for a, v in sorted(an.items()))),
     "- customers with at least one diverted call: %d" % len(divc), "",
     "| group | customers | forwarded=true | with diverted calls | calls |", "|---|---|---|---|---|"]
for g in sorted(gcount):
    L.append("| %s | %d | %d | %d | %d |" % (g, gcount[g], fwd[(g, True)], obs[g], calls_by_group[g]))
L += ["", "| diversion_reason | calls |", "|---|---|"] + ["| %s | %d |" % (k, v) for k, v in sorted(reasons.items())]
L += ["", "| agency | customers seen via its numbers in calls.csv |", "|---|---|"] + ["| %s | %d |" % (a, n) for a, n in sorted(agency_clients_in_calls.items())]
if errors:
    L += ["", "## problems", ""] + ["- " + e for e in errors if e]
open(p("STATS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
sys.exit(1 if errors else 0)
