#!/usr/bin/env python3
"""Validate the b2 files and write STATS.md.  Standard library only."""
import json, csv, os, re, collections
from datetime import datetime, timezone, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 10, 1, tzinfo=TZ)
END = datetime(2026, 12, 1, tzinfo=TZ)
errors = []


def err(*a):
    errors.append(" ".join(map(str, a)))


def load_jsonl(name):
    rows = []
    for n, line in enumerate(open(os.path.join(OUT, name), encoding="utf-8"), 1):
        try:
            rows.append(json.loads(line))
        except Exception as e:
            err(name, "line", n, "does not parse", e)
    return rows


comps = load_jsonl("complaints.jsonl")
posts = load_jsonl("posts.jsonl")
truth = json.load(open(os.path.join(OUT, "truth.json"), encoding="utf-8"))
ptruth = json.load(open(os.path.join(OUT, "posts_truth.json"), encoding="utf-8"))["posts"]
custs = list(csv.DictReader(open(os.path.join(OUT, "customers.csv"), encoding="utf-8")))
cust = {c["customer_id"]: c for c in custs}

# ---- complaints
ids = [c["complaint_id"] for c in comps]
if len(ids) != len(set(ids)):
    err("duplicate complaint ids")
CH = {"app", "hotline", "email", "regulator", "social", "other"}
for c in comps:
    cid = c["complaint_id"]
    for key in ("campaigns", "groups", "complaint_intent"):
        if cid not in truth[key]:
            err("no truth", key, cid)
    if c["customer_id"] not in cust:
        err("unknown customer", cid, c["customer_id"])
    try:
        ts = datetime.fromisoformat(c["received_at"])
        if not c["received_at"].endswith("+08:00") or not (START <= ts < END):
            err("timestamp out of range", cid, c["received_at"])
    except Exception:
        err("bad timestamp", cid, c["received_at"])
    if c["channel"] not in CH:
        err("bad channel", cid)
    if not re.fullmatch(r"1[3-9]\d{9}", c["phone"]):
        err("bad phone", cid, c["phone"])
    if "ip" in c and not re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}", c["ip"]):
        err("bad ip", cid)
    if not c["text"].strip():
        err("empty text", cid)
for key in ("campaigns", "groups", "complaint_intent"):
    extra = set(truth[key]) - set(ids)
    if extra:
        err("truth has unknown ids", key, len(extra))
INTENTS = {"grievance", "hardship", "agency_package", "representative", "other"}
for k, v in truth["complaint_intent"].items():
    if v not in INTENTS:
        err("bad intent", k, v)
for k, v in truth["campaigns"].items():
    g = truth["groups"][k]
    if v is not None and g != v:
        err("group/campaign mismatch", k)
    if v is None and g in truth["organizers"]:
        err("agency group without campaign", k)

# ---- customers
PREF = re.compile(r"1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}")
phones = collections.Counter(c["phone"] for c in custs)
fam_surname_ok = True
for c in custs:
    if not PREF.fullmatch(c["phone"]):
        err("implausible customer phone", c["customer_id"], c["phone"])
    datetime.strptime(c["next_due_date"], "%Y-%m-%d")
    int(c["overdue_days"]); int(c["principal"])
for p, n in phones.items():
    if n > 1:
        names = [c["name"] for c in custs if c["phone"] == p]
        if len({x[0] for x in names}) != 1:
            err("shared phone across different surnames", p, names)
org_values = {v for vals in truth["organizers"].values() for v in vals}
for c in custs:
    if c["phone"] in org_values:
        err("customer phone equals organiser value", c["customer_id"])
# agency borrowers overdue or near due
for c in comps:
    a = truth["campaigns"][c["complaint_id"]]
    if a:
        cu = cust[c["customer_id"]]
        od = int(cu["overdue_days"])
        dd = datetime.strptime(cu["next_due_date"], "%Y-%m-%d").date()
        rd = datetime.fromisoformat(c["received_at"]).date()
        if not (od > 0 or 0 <= (dd - rd).days <= 7):
            err("agency borrower neither overdue nor near due", c["complaint_id"], od, dd, rd)

# ---- posts
pids = [p["post_id"] for p in posts]
if len(pids) != len(set(pids)):
    err("duplicate post ids")
CNUM = str.maketrans("零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖", "001234567891123456789")
def norm(t):
    t = t.translate(CNUM).lower()
    return re.sub(r"[\s\-/_:：]", "", t)
for p in posts:
    pt = ptruth.get(p["post_id"])
    if pt is None:
        err("post without truth", p["post_id"]); continue
    ts = datetime.fromisoformat(p["posted_at"])
    if pt["is_ad"] != (pt["intent"] in ("service_ad", "recruitment")):
        err("is_ad mismatch", p["post_id"])
    nt = norm(p["text"])
    for ct in pt["contacts"]:
        if norm(ct) not in nt:
            err("contact not found in post text", p["post_id"], ct)
    # any 11-digit mobile in the normalised text must be listed
    for mob in re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", nt):
        if mob not in pt["contacts"]:
            err("unlisted mobile in post", p["post_id"], mob)
    if pt["agency"]:
        if not set(pt["contacts"]) & set(truth["organizers"][pt["agency"]]):
            err("post agency without shared contact", p["post_id"])

# ---- stats
def avg(xs):
    return sum(xs) / len(xs) if xs else 0
L = []
L.append("# STATS (computed by _build/check.py)\n")
L.append(f"- complaints: {len(comps)}; customers: {len(custs)}; posts: {len(posts)}")
L.append(f"- complaint text length (chars): mean {avg([len(c['text']) for c in comps]):.1f}, "
         f"min {min(len(c['text']) for c in comps)}, max {max(len(c['text']) for c in comps)}")
L.append(f"- post text length (chars): mean {avg([len(p['text']) for p in posts]):.1f}")
L.append(f"- received_at range: {min(c['received_at'] for c in comps)} .. {max(c['received_at'] for c in comps)}\n")
byg = collections.defaultdict(list)
for c in comps:
    byg[truth["groups"][c["complaint_id"]]].append(c)
L.append("## Complaints per group\n\n| group | n | mean len | channels |\n|---|---|---|---|")
for g in sorted(byg):
    cs = byg[g]
    ch = collections.Counter(c["channel"] for c in cs)
    L.append(f"| {g} | {len(cs)} | {avg([len(c['text']) for c in cs]):.0f} | "
             + ", ".join(f"{k} {v}" for k, v in ch.most_common()) + " |")
L.append("\n## Complaints per campaign (agency)\n\n| campaign | n | distinct phones | distinct devices | organiser values |\n|---|---|---|---|---|")
byc = collections.Counter(v for v in truth["campaigns"].values())
for a in sorted(truth["organizers"]):
    cs = byg[a]
    L.append(f"| {a} | {byc[a]} | {len({c['phone'] for c in cs})} | {len({c.get('device_id') for c in cs if c.get('device_id')})} | "
             + ", ".join(truth["organizers"][a]) + " |")
L.append(f"| null (genuine) | {byc[None]} | | | |")
L.append("\n## Complaint intent\n\n| intent | n |\n|---|---|")
for k, v in collections.Counter(truth["complaint_intent"].values()).most_common():
    L.append(f"| {k} | {v} |")
L.append("\n## Complaint channel\n\n| channel | n |\n|---|---|")
for k, v in collections.Counter(c["channel"] for c in comps).most_common():
    L.append(f"| {k} | {v} |")
L.append("\n## Posts per intent\n\n| intent | n |\n|---|---|")
for k, v in collections.Counter(p["intent"] for p in ptruth.values()).most_common():
    L.append(f"| {k} | {v} |")
nad = sum(p["is_ad"] for p in ptruth.values())
L.append(f"\n- ads + recruitment: {nad} / {len(ptruth)} ({100*nad/len(ptruth):.0f} %)")
L.append("\n## Posts per agency\n\n| agency | n |\n|---|---|")
for k, v in collections.Counter(p["agency"] for p in ptruth.values()).most_common():
    L.append(f"| {k} | {v} |")
L.append("\n## Posts per platform\n\n| platform | n |\n|---|---|")
for k, v in collections.Counter(p["platform"] for p in posts).most_common():
    L.append(f"| {k} | {v} |")
fam_phone = sum(1 for p, n in phones.items() if n > 1)
L.append(f"\n- customer phones shared within families: {fam_phone}")
L.append(f"- complaints whose phone is an organiser phone: "
         f"{sum(1 for c in comps if c['phone'] in org_values)}")
L.append(f"- complaints citing the abusive collector number (any form, normalised): "
         f"{sum(1 for c in comps if '17085946213' in norm(c['text']))}")
open(os.path.join(OUT, "STATS.md"), "w", encoding="utf-8").write("\n".join(L) + "\n")

if errors:
    print(len(errors), "ERRORS")
    for e in errors[:80]:
        print(" ", e)
else:
    print("all checks passed")
print("\n".join(L))
