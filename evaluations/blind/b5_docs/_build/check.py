# -*- coding: utf-8 -*-
"""Consistency checks for the b5_docs set; also writes STATS.md."""
import os, sys, json, csv, collections, re
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import id_valid
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
truth = json.load(open("materials_truth.json", encoding="utf-8"))["files"]
comps = [json.loads(l) for l in open("complaints.jsonl", encoding="utf-8")]
custs = {r["customer_id"]: r for r in csv.DictReader(open("customers.csv", encoding="utf-8"))}
errs = []
refd = collections.Counter(a for c in comps for a in c["attachments"])
for f in truth:
    if not os.path.isfile(f): errs.append("missing " + f)
    if refd[f] == 0: errs.append("unreferenced " + f)
for f in refd:
    if f not in truth: errs.append("attachment not in truth " + f)
ondisk = {"attachments/" + x for x in os.listdir("attachments")}
if ondisk != set(truth): errs.append("disk/truth mismatch")
ids = [c["complaint_id"] for c in comps]
if len(set(ids)) != len(ids): errs.append("dup complaint ids")
for c in comps:
    if c["customer_id"] not in custs: errs.append("unknown customer " + c["customer_id"])
    if not re.fullmatch(r"2026-0[67]-\d\dT\d\d:\d\d:\d\d\+08:00", c["received_at"]): errs.append("bad ts " + c["received_at"])
for cid, r in custs.items():
    if not id_valid(r["id_number"]): errs.append("invalid customer id " + cid)
# genuine docs: the borrower's ID (customer of the complaint) must be valid
owner = {a: c["customer_id"] for c in comps for a in c["attachments"]}
for f, t in truth.items():
    if not t["forged"] and not id_valid(custs[owner[f]]["id_number"]):
        errs.append("genuine doc with invalid borrower id " + f)
    if t["forged"] != bool(t["kinds"]): errs.append("forged/kinds mismatch " + f)
print("files", len(truth), "complaints", len(comps), "customers", len(custs))
print("ERRORS:" if errs else "all checks passed", *errs, sep="\n")
# stats
g = [t for t in truth.values() if not t["forged"]]; fz = [t for t in truth.values() if t["forged"]]
K = collections.Counter(k for t in fz for k in t["kinds"])
C = collections.Counter((t["capture"], t["forged"]) for t in truth.values())
T = collections.Counter((t["doc_type"], t["forged"]) for t in truth.values())
size = sum(os.path.getsize(f) for f in truth) / 1e6
L = ["# STATS", "", "files: %d (genuine %d, forged %d); complaints: %d; customers: %d; attachments total %.1f MB" % (len(truth), len(g), len(fz), len(comps), len(custs), size), "",
     "## Forgery kinds (a forged file may carry two kinds)", "", "| kind | files |", "|---|---|"]
L += ["| %s | %d |" % kv for kv in sorted(K.items())]
L += ["", "## Capture", "", "| capture | genuine | forged |", "|---|---|---|"]
for cap in ["phone_photo", "scanner_jpeg", "wechat_jpeg", "png", "pdf"]:
    L.append("| %s | %d | %d |" % (cap, C[(cap, False)], C[(cap, True)]))
L += ["", "## Document type", "", "| doc_type | genuine | forged |", "|---|---|---|"]
for dt_ in sorted({t["doc_type"] for t in truth.values()}):
    L.append("| %s | %d | %d |" % (dt_, T[(dt_, False)], T[(dt_, True)]))
L += ["", "doc_type codes: lizhi 离职证明, shiye 失业登记证明, pinkun 家庭经济困难证明, dibao 低保证明, zhenduan 诊断证明书, zhuyuan 出院证明, siwang 居民死亡医学证明, lvshi 律师函, shouru 收入情况证明.",
      "", "Complaints with two attachments: %d." % sum(len(c["attachments"]) > 1 for c in comps)]
open("STATS.md", "w", encoding="utf-8").write("\n".join(L) + "\n")
sys.exit(1 if errs else 0)
