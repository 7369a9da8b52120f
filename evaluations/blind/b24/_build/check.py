#!/usr/bin/env python3
import json, csv, os, re, datetime as dt, collections
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
C = [json.loads(l) for l in open(os.path.join(OUT, "complaints.jsonl"), encoding="utf-8")]
cust = {r["customer_id"]: r for r in csv.DictReader(open(os.path.join(OUT, "customers.csv"), encoding="utf-8"))}
T = json.load(open(os.path.join(OUT, "truth.json"), encoding="utf-8"))
P = [json.loads(l) for l in open(os.path.join(OUT, "posts.jsonl"), encoding="utf-8")]
PT = json.load(open(os.path.join(OUT, "posts_truth.json"), encoding="utf-8"))["posts"]
errs = []
ids = [c["complaint_id"] for c in C]
if len(ids) != len(set(ids)): errs.append("dup complaint ids")
lo, hi = dt.datetime(2026, 3, 1, tzinfo=dt.timezone(dt.timedelta(hours=8))), dt.datetime(2026, 5, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CH = {"app", "hotline", "email", "regulator", "social", "other"}
for c in C:
    t = dt.datetime.fromisoformat(c["received_at"])
    if not (lo <= t < hi) or not c["received_at"].endswith("+08:00"): errs.append("time " + c["complaint_id"])
    if c["channel"] not in CH: errs.append("channel " + c["complaint_id"])
    if c["customer_id"] not in cust: errs.append("cust " + c["complaint_id"])
    if not re.fullmatch(r"1\d{10}", c["phone"]): errs.append("phone " + c["complaint_id"])
    for k in ("campaigns", "groups", "complaint_intent"):
        if c["complaint_id"] not in T[k]: errs.append(k + " missing " + c["complaint_id"])
for k in ("campaigns", "groups", "complaint_intent"):
    if set(T[k]) != set(ids): errs.append(k + " extra keys")
for r in cust.values():
    if not re.fullmatch(r"1\d{10}", r["phone"]): errs.append("cust phone " + r["customer_id"])
# agency borrowers overdue or due within 7 days of complaint
for c in C:
    a = T["campaigns"][c["complaint_id"]]
    if a:
        r = cust[c["customer_id"]]
        ok = int(r["overdue_days"]) > 0 or (r["next_due_date"] and 0 <= (dt.date.fromisoformat(r["next_due_date"]) - dt.date.fromisoformat(c["received_at"][:10])).days <= 7)
        if not ok: errs.append("agency borrower not overdue/due " + c["complaint_id"])
        if T["groups"][c["complaint_id"]] != a: errs.append("group/campaign mismatch " + c["complaint_id"])
# agency_c: no card used > 7 days
span = collections.defaultdict(list)
for c in C:
    if T["campaigns"][c["complaint_id"]] == "agency_c":
        span[c["phone"]].append(dt.date.fromisoformat(c["received_at"][:10]))
for ph, ds in span.items():
    if (max(ds) - min(ds)).days > 6: errs.append("card span " + ph)
# posts
pids = [p["post_id"] for p in P]
if len(pids) != len(set(pids)) or set(pids) != set(PT): errs.append("post ids")
CN = str.maketrans("〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖０１２３４５６７８９", "00123456789" + "123456789" + "0123456789")
def norm(s):
    s = s.translate(CN).lower()
    return re.sub(r"[\s\-－—_·.]", "", s), re.sub(r"[\s\-－—·]", "", s)
for p in P:
    if not (lo <= dt.datetime.fromisoformat(p["posted_at"]) < hi): errs.append("post time " + p["post_id"])
    a, b = norm(p["text"])
    for ct in PT[p["post_id"]]["contacts"]:
        if ct not in b and ct.replace("_", "") not in a: errs.append(f"contact {ct} not in {p['post_id']}")
    if PT[p["post_id"]]["intent"] not in {"service_ad","recruitment","warning","notice","news","lawful_offer","question","off_topic"}: errs.append("intent")
# organiser indicators appear in data
blob = "\n".join(json.dumps(x, ensure_ascii=False).lower() for x in C + P)
for ag, inds in T["organizers"].items():
    for x in inds:
        if "/24" in x:
            if x.rsplit(".", 2)[0].lower() not in blob: errs.append(f"org {ag} {x}")
        elif x.lower() not in blob: errs.append(f"org {ag} {x} absent")
# agency handle quotes in agency_a texts <= 2
q = sum(1 for c in C if T["campaigns"][c["complaint_id"]] == "agency_a" and ("736281945" in c["text"] or "上岸互助营" in c["text"]))
if q > 2: errs.append("agency_a quotes %d" % q)
print("ERRORS:", len(errs)); print("\n".join(errs[:40]))
