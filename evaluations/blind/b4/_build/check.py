# -*- coding: utf-8 -*-
import json, csv, os, re, collections
from datetime import datetime
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rows = [json.loads(l) for l in open(os.path.join(OUT, "complaints.jsonl"), encoding="utf-8")]
truth = json.load(open(os.path.join(OUT, "truth.json"), encoding="utf-8"))
cust = {r["customer_id"]: r for r in csv.DictReader(open(os.path.join(OUT, "customers.csv"), encoding="utf-8"))}
ids = [r["complaint_id"] for r in rows]
assert len(ids) == len(set(ids)) and all(re.fullmatch(r"B4-\d{6}", i) for i in ids)
lo, hi = datetime.fromisoformat("2026-08-01T00:00:00+08:00"), datetime.fromisoformat("2026-09-30T23:59:59+08:00")
for r in rows:
    t = datetime.fromisoformat(r["received_at"]); assert lo <= t <= hi and r["received_at"].endswith("+08:00")
    assert re.fullmatch(r"1\d{10}", r["phone"]), r
    assert r["customer_id"] in cust
    assert r["channel"] in {"app", "hotline", "email", "regulator", "social", "other"}
    assert r["text"].strip()
    for k in ("campaigns", "groups", "complaint_intent"):
        assert r["complaint_id"] in truth[k]
for k in ("campaigns", "groups", "complaint_intent"):
    assert set(truth[k]) == set(ids)
for c in cust.values():
    assert re.fullmatch(r"1\d{10}", c["phone"]); datetime.fromisoformat(c["next_due_date"])
assert set(cust) == {r["customer_id"] for r in rows}
for a, items in truth["organizers"].items():
    for x in items: assert x == x.lower()
byid = {r["complaint_id"]: r for r in rows}
L = []
L.append("# STATS (by _build/check.py)\n")
L.append("complaints: %d; customers: %d\n" % (len(rows), len(cust)))
def table(title, counter):
    L.append("\n## " + title + "\n")
    for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))): L.append("- %s: %d" % (k, v))
table("groups", collections.Counter(truth["groups"].values()))
table("campaigns", collections.Counter(v or "null" for v in truth["campaigns"].values()))
table("complaint_intent", collections.Counter(truth["complaint_intent"].values()))
table("channels", collections.Counter(r["channel"] for r in rows))
gc = collections.defaultdict(collections.Counter)
for i, g in truth["groups"].items(): gc[g][byid[i]["channel"]] += 1
L.append("\n## channel by group\n")
for g in sorted(gc): L.append("- %s: %s" % (g, dict(gc[g])))
L.append("\n## agency ties\n")
for a in truth["organizers"]:
    mine = [byid[i] for i, v in truth["campaigns"].items() if v == a]
    net = [x for x in truth["organizers"][a] if x.endswith("/24")]
    pre = net[0].rsplit(".", 1)[0] + "." if net else None
    inblk = sum(1 for r in mine if pre and r.get("ip", "").startswith(pre))
    own = sum(1 for r in mine if cust[r["customer_id"]]["phone"] == r["phone"])
    devs = collections.Counter(r.get("device_id") for r in mine if r.get("device_id"))
    shared = {d: c for d, c in devs.items() if c > 1}
    org_ph = [x for x in truth["organizers"][a] if re.fullmatch(r"\d{11}", x)]
    handle = [x for x in truth["organizers"][a] if not x.endswith("/24") and not x.startswith("dev-") and not x.isdigit()]
    hcount = sum(1 for r in mine for h in handle if h in r["text"].lower())
    days = collections.Counter(r["received_at"][:10] for r in mine)
    soon = sum(1 for r in mine if 0 < (datetime.fromisoformat(cust[r["customer_id"]]["next_due_date"]).date() - datetime.fromisoformat(r["received_at"]).date()).days <= 4)
    L.append("- %s: n=%d, own-phone filings=%d, ip in office block=%d, shared devices=%s, agency phones used=%d, handle mentions=%d, due within 1-4 days=%d, days=%s" %
             (a, len(mine), own, inblk, sorted(shared.values()), sum(1 for r in mine if r["phone"] in org_ph), hcount, soon, dict(sorted(days.items()))))
    # shared devices outside agency?
    for d in shared:
        assert all(truth["campaigns"][r["complaint_id"]] == a for r in rows if r.get("device_id") == d)
for g in ("incident_fake_sms", "incident_member_fee"):
    ts = sorted(datetime.fromisoformat(byid[i]["received_at"]) for i, v in truth["groups"].items() if v == g)
    L.append("- %s: n=%d, span %s -> %s" % (g, len(ts), ts[0].isoformat(), ts[-1].isoformat()))
hs = [i for i, v in truth["groups"].items() if v == "hardship"]
soon = sum(1 for i in hs if 0 <= (datetime.fromisoformat(cust[byid[i]["customer_id"]]["next_due_date"]).date() - datetime.fromisoformat(byid[i]["received_at"]).date()).days <= 3)
L.append("- hardship filed 0-3 days before due date: %d of %d" % (soon, len(hs)))
fam = [byid[i] for i, v in truth["groups"].items() if v == "family"]
L.append("- family complaints: %d; distinct shared phones: %d; distinct shared devices: %d" % (len(fam), len({r["phone"] for r in fam}), len({r.get("device_id") for r in fam})))
rep = collections.Counter(byid[i]["customer_id"] for i, v in truth["groups"].items() if v == "repeat")
L.append("- repeat complaints: %d from %d customers" % (sum(rep.values()), len(rep)))
L.append("- texts containing collector number 17085532194 (digits only after removing spaces/dashes): %d" % sum(1 for r in rows if "17085532194" in re.sub(r"[ \-]", "", r["text"])))
L.append("- received_at range: %s .. %s" % (min(r["received_at"] for r in rows), max(r["received_at"] for r in rows)))
open(os.path.join(OUT, "STATS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
