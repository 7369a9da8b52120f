#!/usr/bin/env python3
"""Validate b11 files and write STATS.md. Standard library only."""
import json, csv, os, re, collections
from datetime import datetime

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P = lambda n: os.path.join(OUT, n)
errors = []

comps = [json.loads(l) for l in open(P("complaints.jsonl"), encoding="utf-8") if l.strip()]
custs = {r["customer_id"]: r for r in csv.DictReader(open(P("customers.csv"), encoding="utf-8"))}
truth = json.load(open(P("truth.json"), encoding="utf-8"))
posts = [json.loads(l) for l in open(P("posts.jsonl"), encoding="utf-8") if l.strip()]
ptruth = json.load(open(P("posts_truth.json"), encoding="utf-8"))["posts"]

CHANNELS = {"app", "hotline", "email", "regulator", "social", "other"}
ids = [c["complaint_id"] for c in comps]
if len(ids) != len(set(ids)): errors.append("duplicate complaint ids")
lo, hi = datetime.fromisoformat("2026-07-01T00:00:00+08:00"), datetime.fromisoformat("2026-08-31T23:59:59+08:00")
for c in comps:
    for k in ("complaint_id", "received_at", "channel", "customer_id", "phone", "text"):
        if k not in c: errors.append("missing %s in %s" % (k, c.get("complaint_id")))
    if not re.fullmatch(r"B11-\d{6}", c["complaint_id"]): errors.append("bad id " + c["complaint_id"])
    t = datetime.fromisoformat(c["received_at"])
    if not (lo <= t <= hi) or not c["received_at"].endswith("+08:00"): errors.append("time " + c["complaint_id"])
    if c["channel"] not in CHANNELS: errors.append("channel " + c["complaint_id"])
    if c["customer_id"] not in custs: errors.append("customer missing " + c["customer_id"])
    if not re.fullmatch(r"1\d{10}", c["phone"]): errors.append("phone " + c["complaint_id"])
    if "{" in c["text"]: errors.append("placeholder " + c["complaint_id"])
for key in ("campaigns", "groups", "complaint_intent"):
    if set(truth[key]) != set(ids): errors.append("truth %s incomplete" % key)
for cid, ag in truth["campaigns"].items():
    if ag is not None and ag not in truth["organizers"]: errors.append("unknown agency " + ag)
    if ag is not None and truth["groups"][cid] != ag: errors.append("group/campaign mismatch " + cid)
    if ag is None and truth["groups"][cid].startswith("agency"): errors.append("group mismatch " + cid)
for cid, it in truth["complaint_intent"].items():
    if it not in {"grievance", "hardship", "agency_package", "representative", "other"}: errors.append("intent " + cid)
for r in custs.values():
    if not re.fullmatch(r"1\d{10}", r["phone"]): errors.append("cust phone " + r["customer_id"])
    datetime.fromisoformat(r["next_due_date"]); int(r["overdue_days"]); float(r["principal"])

# agency borrowers overdue or within 7 days of due date
byid = {c["complaint_id"]: c for c in comps}
for cid, ag in truth["campaigns"].items():
    if ag:
        cu = custs[byid[cid]["customer_id"]]
        if int(cu["overdue_days"]) == 0:
            d = (datetime.fromisoformat(cu["next_due_date"]).date() - datetime.fromisoformat(byid[cid]["received_at"]).date()).days
            if not (0 <= d <= 7): errors.append("agency borrower not near due " + cid)

# organizer indicators appear somewhere in that agency's records
blob = collections.defaultdict(str)
for c in comps:
    ag = truth["campaigns"][c["complaint_id"]]
    if ag:
        blob[ag] += " ".join([c["phone"], c.get("ip", ""), c.get("device_id", ""), re.sub(r"[\s\-]", "", c["text"]).lower()]) + " "
postblob = " ".join(p["text"] for p in posts)
for ag, inds in truth["organizers"].items():
    for x in inds:
        xx = x.lower()
        if xx.endswith(".0/24"):
            if xx[:-4] not in blob[ag]: errors.append("block %s not seen for %s" % (x, ag))

CN = dict(zip("〇零一二三四五六七八九幺", "001234567891"))
def normalise(s):
    s = "".join(chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch for ch in s)
    s = "".join(CN.get(ch, ch) for ch in s)
    s = re.sub(r"[\s\-\u3000]", "", s)
    return s.lower()
npost = normalise(postblob)
for ag, inds in truth["organizers"].items():
    for x in inds:
        xx = x.lower()
        if xx.endswith(".0/24"): continue
        if xx not in blob[ag] and xx not in npost:
            errors.append("organizer indicator %s of %s not found in data" % (x, ag))

# posts
pids = [p["post_id"] for p in posts]
if len(pids) != len(set(pids)): errors.append("dup post ids")
if set(pids) != set(ptruth): errors.append("posts truth incomplete")
INTENTS = {"service_ad", "recruitment", "warning", "notice", "news", "lawful_offer", "question", "off_topic"}
for p in posts:
    t = datetime.fromisoformat(p["posted_at"])
    if not (lo <= t <= hi): errors.append("post time " + p["post_id"])
    pt = ptruth[p["post_id"]]
    if pt["intent"] not in INTENTS: errors.append("post intent " + p["post_id"])
    if pt["is_ad"] != (pt["intent"] in ("service_ad", "recruitment")): errors.append("is_ad " + p["post_id"])
    nt = normalise(p["text"])
    for c in pt["contacts"]:
        if c != c.lower() or c not in nt: errors.append("contact %s not in post %s" % (c, p["post_id"]))
        if c.startswith("400") or c == "12378": errors.append("hotline as contact " + p["post_id"])
    # every 11-digit mobile in text must be listed
    for m in re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", nt):
        if m not in pt["contacts"]: errors.append("unlisted mobile %s in %s" % (m, p["post_id"]))
    if pt["agency"] and pt["agency"] not in truth["organizers"]: errors.append("post agency " + p["post_id"])
    if pt["agency"]:
        if not any(c in [o.lower() for o in truth["organizers"][pt["agency"]]] for c in pt["contacts"]):
            errors.append("agency post without shared contact " + p["post_id"])

print("ERRORS:", len(errors))
for e in errors[:50]: print(" ", e)

# ---------- STATS ----------
g = collections.Counter(truth["groups"].values())
ci = collections.Counter(truth["complaint_intent"].values())
ch = collections.Counter(c["channel"] for c in comps)
camp = collections.Counter(v for v in truth["campaigns"].values() if v)
pi = collections.Counter(v["intent"] for v in ptruth.values())
pa = collections.Counter(v["agency"] for v in ptruth.values() if v["agency"])
nad = sum(v["is_ad"] for v in ptruth.values())
L = ["# STATS (generated by _build/check.py)", "",
     "Complaints: %d; customers: %d; posts: %d" % (len(comps), len(custs), len(posts)), "",
     "## Complaints by group"] + ["- %s: %d" % kv for kv in sorted(g.items())] + ["",
     "## Complaints by campaign (agency)"] + ["- %s: %d" % kv for kv in sorted(camp.items())] + \
    ["- null (genuine): %d" % sum(1 for v in truth["campaigns"].values() if v is None), "",
     "## Complaint intent"] + ["- %s: %d" % kv for kv in sorted(ci.items())] + ["",
     "## Channels"] + ["- %s: %d" % kv for kv in sorted(ch.items())] + ["",
     "## Complaints with ip / device_id: %d / %d" % (sum("ip" in c for c in comps), sum("device_id" in c for c in comps)), "",
     "## Organizer indicators per agency"] + ["- %s: %d" % (k, len(v)) for k, v in sorted(truth["organizers"].items())] + ["",
     "## Posts by intent"] + ["- %s: %d" % kv for kv in sorted(pi.items())] + \
    ["", "- ads or recruitment: %d (%.0f%%)" % (nad, 100 * nad / len(posts)),
     "- posts with contacts: %d" % sum(1 for v in ptruth.values() if v["contacts"]),
     "- posts linked to an agency: %d (%s)" % (sum(pa.values()), ", ".join("%s %d" % kv for kv in sorted(pa.items())))]
open(P("STATS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")
print("\n".join(L))
