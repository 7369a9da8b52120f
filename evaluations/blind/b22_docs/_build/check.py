# Consistency checks for b22_docs; writes STATS.md.
import csv, json, os, re, collections, datetime as dt
from PIL import Image
from pypdf import PdfReader
import lib

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
truth = json.load(open(os.path.join(OUT, "materials_truth.json"), encoding="utf-8"))["files"]
comps = [json.loads(l) for l in open(os.path.join(OUT, "complaints.jsonl"), encoding="utf-8")]
custs = {r["customer_id"]: r for r in csv.DictReader(open(os.path.join(OUT, "customers.csv"), encoding="utf-8"))}
err = []
files = set("attachments/" + f for f in os.listdir(os.path.join(OUT, "attachments")))
ref = collections.Counter(a for c in comps for a in c["attachments"])
if files != set(truth):
    err.append(f"truth/files differ: {files ^ set(truth)}")
for f in files:
    if ref[f] != 1:
        err.append(f"{f} referenced {ref[f]} times")
ids = set()
for c in comps:
    if c["customer_id"] not in custs:
        err.append("unknown customer " + c["customer_id"])
    if c["complaint_id"] in ids:
        err.append("dup id")
    ids.add(c["complaint_id"])
    t = dt.datetime.fromisoformat(c["received_at"])
    if not (t.utcoffset() == dt.timedelta(hours=8) and t.year == 2026 and t.month in (8, 9)):
        err.append("bad received_at " + c["received_at"])
    if c["channel"] not in ("app", "hotline", "email", "regulator", "social", "other"):
        err.append("channel")
    if custs[c["customer_id"]]["phone"] != c["phone"]:
        err.append("phone mismatch")
for cu in custs.values():
    if not lib.id_valid(cu["id_number"]):
        err.append("customer id invalid " + cu["customer_id"])
# genuine docs: borrower's ID appears in extracted PDF text where possible
for c in comps:
    cu = custs[c["customer_id"]]
    for a in c["attachments"]:
        p = os.path.join(OUT, a)
        if a.endswith(".pdf"):
            r = PdfReader(p)
            txt = "".join(pg.extract_text() or "" for pg in r.pages)
            if not truth[a]["forged"] and txt.strip() and cu["id_number"] not in txt:
                err.append(f"genuine pdf {a} lacks borrower ID")
        else:
            Image.open(p).verify()
kinds = collections.Counter(k for v in truth.values() for k in v["kinds"])
caps = collections.Counter((v["capture"], v["forged"]) for v in truth.values())
size = sum(os.path.getsize(os.path.join(OUT, f)) for f in files)
with open(os.path.join(OUT, "STATS.md"), "w", encoding="utf-8") as f:
    f.write("# STATS (b22_docs)\n\n")
    f.write(f"- files: {len(files)} (genuine {sum(not v['forged'] for v in truth.values())}, forged {sum(v['forged'] for v in truth.values())})\n")
    f.write(f"- complaints: {len(comps)}; customers: {len(custs)}; attachments size: {size / 1e6:.1f} MB\n\n## forged kinds (a file may have two)\n\n")
    for k, n in sorted(kinds.items()):
        f.write(f"- {k}: {n}\n")
    f.write("\n## captures (genuine / forged)\n\n")
    for cap in sorted(set(k[0] for k in caps)):
        f.write(f"- {cap}: {caps[(cap, False)]} / {caps[(cap, True)]}\n")
    dts = collections.Counter(v["doc_type"] for v in truth.values())
    f.write("\n## doc types\n\n")
    for k, n in sorted(dts.items()):
        f.write(f"- {k}: {n}\n")
print("errors:", err or "none")
print(open(os.path.join(OUT, "STATS.md"), encoding="utf-8").read())
