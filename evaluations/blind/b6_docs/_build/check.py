# Consistency check for the b6_docs set (does not inspect document pixels beyond existence).
import json, csv, os, sys, datetime as dt, re
sys.path.insert(0, os.path.dirname(__file__))
from lib import id_valid, id_check, USCC_CH, USCC_W
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.chdir(ROOT)
err = []
truth = json.load(open("materials_truth.json", encoding="utf-8"))["files"]
custs = {r["customer_id"]: r for r in csv.DictReader(open("customers.csv", encoding="utf-8"))}
comps = [json.loads(l) for l in open("complaints.jsonl", encoding="utf-8")]
on_disk = {"attachments/" + f for f in os.listdir("attachments")}
ref = {}
KINDS = {"uscc_as_lawyer_licence", "edited_image", "reused_across_borrowers", "edited_pdf_incremental", "seal_copied_across_issuers", "name_id_mismatch", "date_inconsistent", "invalid_id_number"}
for i, c in enumerate(comps):
    if c["complaint_id"] != f"D6-{i+1:04d}": err.append(f"bad id {c['complaint_id']}")
    t = dt.datetime.fromisoformat(c["received_at"])
    if not (t.utcoffset() == dt.timedelta(hours=8) and dt.date(2026, 4, 1) <= t.date() <= dt.date(2026, 5, 31)): err.append(f"received_at {c}")
    if c["channel"] not in {"app", "hotline", "email", "regulator", "social", "other"}: err.append("channel")
    if c["customer_id"] not in custs: err.append(f"missing customer {c['customer_id']}")
    if not c["attachments"] or not c["text"]: err.append("empty")
    for a in c["attachments"]:
        if a not in on_disk: err.append(f"missing file {a}")
        ref.setdefault(a, []).append(c["customer_id"])
if set(ref) != on_disk: err.append(f"unreferenced files {on_disk - set(ref)}")
if set(truth) != on_disk: err.append("truth/file mismatch")
for k, v in truth.items():
    if not set(v["kinds"]) <= KINDS or bool(v["kinds"]) != v["forged"]: err.append(f"kinds {k}")
    if v["capture"] not in {"phone_photo", "scanner_jpeg", "wechat_jpeg", "png", "pdf"}: err.append(f"capture {k}")
for cid, c in custs.items():
    if not id_valid(c["id_number"]): err.append(f"customer ID invalid {cid}")
# genuine PDFs: the borrower's name and ID must appear in the text; lawyer licences 17 digits; forged USCC valid
from pypdf import PdfReader
for k, v in truth.items():
    if k.endswith(".pdf"):
        txt = "".join(PdfReader(k).pages[0].extract_text().split())
        c = custs[ref[k][0]]
        if not v["forged"]:
            if c["name"] not in txt or c["id_number"] not in txt: err.append(f"genuine pdf lacks borrower name/ID {k}")
            if len(re.findall(r"\d{17}[\dX]", txt.replace(c["id_number"], ""))) > 1 and v["doc_type"] != "居民死亡医学证明（推断）书": err.append(f"extra IDs {k}")
        m = re.search(r"执业证号：([0-9A-Z]+)", txt)
        if m:
            lic = m.group(1)
            if v["forged"] and "uscc_as_lawyer_licence" in v["kinds"]:
                c18 = USCC_CH[(31 - sum(USCC_CH.index(a) * w for a, w in zip(lic[:17], USCC_W)) % 31) % 31]
                if len(lic) != 18 or lic[17] != c18: err.append(f"uscc {k}")
            elif not v["forged"] and not (len(lic) == 17 and lic.isdigit()): err.append(f"licence {k}")
# reused: each group spans >=2 borrowers
from collections import Counter
n_re = sum(1 for v in truth.values() if "reused_across_borrowers" in v["kinds"])
size = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(ROOT) for f in fs)
cnt = Counter(k for v in truth.values() for k in v["kinds"])
print("files", len(truth), "genuine", sum(not v["forged"] for v in truth.values()), "forged", sum(v["forged"] for v in truth.values()))
print("kinds", dict(cnt)); print("bytes", size)
if size > 25 * 2**20: err.append("too big")
print("ERRORS:" if err else "OK", *err, sep="\n")
sys.exit(1 if err else 0)
