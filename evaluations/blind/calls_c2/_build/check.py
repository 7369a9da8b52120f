#!/usr/bin/env python3
"""Consistency check for calls_c2 and STATS.md writer."""
import csv, json, os, collections, re
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
calls = list(csv.DictReader(open(os.path.join(D, "calls.csv"), encoding="utf-8")))
cust = list(csv.DictReader(open(os.path.join(D, "customers.csv"), encoding="utf-8")))
truth = json.load(open(os.path.join(D, "truth.json"), encoding="utf-8"))
notes = [json.loads(l) for l in open(os.path.join(D, "notes.jsonl"), encoding="utf-8")]
lender = [l.strip() for l in open(os.path.join(D, "lender_numbers.txt")) if l.strip()]
ids = [c["call_id"] for c in calls]
assert len(ids) == len(set(ids)), "dup call ids"
cids = [c["customer_id"] for c in cust]
assert len(cids) == len(set(cids)), "dup customer ids"
assert set(cids) == set(truth["customers"]), "truth incomplete"
assert all(c["customer_id"] in set(cids) for c in calls), "unknown customer in calls"
assert set(n["call_id"] for n in notes) <= set(ids), "note for unknown call"
assert len(set(c["phone"] for c in cust)) == len(cust), "dup phones"
for c in calls:
    assert re.fullmatch(r"2026-0[5-7]-\d\dT\d\d:\d\d:\d\d\+08:00", c["started_at"]), c
    assert c["direction"] in ("outbound", "inbound") and c["answered"] in ("true", "false")
    assert c["diversion_reason"] in ("", "unconditional", "busy", "no_answer", "unreachable")
    assert bool(c["answered_by"]) == bool(c["diversion_reason"])
groups = collections.Counter(v["group"] for v in truth["customers"].values())
for a, nums in truth["agency_numbers"].items():
    assert groups[a] > 0 and nums
    assert not set(nums) & set(lender)
fwd = collections.Counter((v["group"], v["forwarded"]) for v in truth["customers"].values())
out = ["# STATS calls_c2", "", f"- customers: {len(cust)}", f"- calls: {len(calls)} (outbound {sum(c['direction']=='outbound' for c in calls)}, inbound {sum(c['direction']=='inbound' for c in calls)})",
       f"- answered: {sum(c['answered']=='true' for c in calls)}", f"- calls with a diversion: {sum(bool(c['diversion_reason']) for c in calls)}",
       f"- diversion reasons: {dict(collections.Counter(c['diversion_reason'] for c in calls if c['diversion_reason']))}",
       f"- notes: {len(notes)}", f"- lender numbers: {len(lender)}", f"- overdue customers: {sum(1 for c in cust if c['overdue_since'])}", "", "| group | customers | forwarded |", "|---|---|---|"]
for g, n in sorted(groups.items()):
    out.append(f"| {g} | {n} | {fwd[(g, True)]} |")
out += ["", "| agency | numbers controlled |", "|---|---|"] + [f"| {a} | {len(n)} |" for a, n in sorted(truth["agency_numbers"].items())]
open(os.path.join(D, "STATS.md"), "w").write("\n".join(out) + "\n")
print("\n".join(out)); print("CHECK OK")
