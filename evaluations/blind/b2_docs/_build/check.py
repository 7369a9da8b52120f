"""Consistency checks for the b2_docs set; also writes STATS.md.  Run: /work/main/.venv/bin/python _build/check.py"""
from __future__ import annotations

import collections
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import id_valid, uscc_valid  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
errors = []


def err(msg):
    errors.append(msg)


truth = json.load(open(ROOT / "materials_truth.json", encoding="utf-8"))["files"]
manifest = json.load(open(ROOT / "_build" / "manifest.json", encoding="utf-8"))
mf = manifest["files"]
complaints = [json.loads(line) for line in open(ROOT / "complaints.jsonl", encoding="utf-8")]
customers = {r["customer_id"]: r for r in csv.DictReader(open(ROOT / "customers.csv", encoding="utf-8"))}

# 1. files in truth exist, and every attachment file is in truth
on_disk = {f"attachments/{p.name}" for p in (ROOT / "attachments").iterdir()}
for rel in truth:
    if not (ROOT / rel).is_file():
        err(f"missing file {rel}")
for rel in on_disk - set(truth):
    err(f"file not in truth: {rel}")

# 2. each file referenced by a complaint; each complaint attachment in truth
ref = collections.Counter(a for c in complaints for a in c["attachments"])
for rel in truth:
    if ref[rel] == 0:
        err(f"not referenced by any complaint: {rel}")
for c in complaints:
    for a in c["attachments"]:
        if a not in truth:
            err(f"{c['complaint_id']} references unknown {a}")

# 3. complaints well-formed; customers exist
ids = [c["complaint_id"] for c in complaints]
if len(ids) != len(set(ids)):
    err("duplicate complaint ids")
for c in complaints:
    if not re.fullmatch(r"D2-\d{4}", c["complaint_id"]):
        err(f"bad id {c['complaint_id']}")
    t = dt.datetime.fromisoformat(c["received_at"])
    if t.utcoffset() != dt.timedelta(hours=8) or not (dt.date(2026, 10, 1) <= t.date() <= dt.date(2026, 11, 30)):
        err(f"bad received_at {c['complaint_id']} {c['received_at']}")
    if c["customer_id"] not in customers:
        err(f"{c['complaint_id']}: customer {c['customer_id']} not in customers.csv")
    if not any(k in c["text"] for k in ("附件", "附", "见附")):
        err(f"{c['complaint_id']}: text does not mention the attachment")
    for k in ("complaint_id", "received_at", "channel", "customer_id", "phone", "text", "attachments"):
        if k not in c:
            err(f"{c['complaint_id']}: missing {k}")
for cid, r in customers.items():
    if not id_valid(r["id_number"]):
        err(f"customer {cid} has invalid ID {r['id_number']}")

# 4. genuine documents: borrower name + correct, checksum-valid ID; dates sensible
comp_of = {a: c for c in complaints for a in c["attachments"]}
for rel, v in mf.items():
    c = comp_of[rel]
    cust = customers[c["customer_id"]]
    if v["customer_id"] != c["customer_id"]:
        err(f"{rel}: manifest customer differs from complaint")
    recv = dt.datetime.fromisoformat(c["received_at"])
    if not v["forged"]:
        if truth[rel]["kinds"]:
            err(f"{rel}: genuine with kinds")
        if v["shown_name"] != cust["name"] or v["shown_id"] != cust["id_number"]:
            err(f"{rel}: genuine doc does not show borrower's name/ID")
        if not id_valid(v["shown_id"]):
            err(f"{rel}: genuine doc ID fails GB 11643")
        if dt.date.fromisoformat(v["dates"]["issue"]) > recv.date():
            err(f"{rel}: genuine doc issued after complaint")
        for a, b in v["dates"].items():
            if a not in ("issue", "end", "valid") and dt.date.fromisoformat(b) > dt.date.fromisoformat(v["dates"]["issue"]):
                err(f"{rel}: genuine event date {a} after issue")
        if v["doc_type"] == "lawyer_letter":
            for nm, lic in v["extra"]["lawyers"]:
                if not re.fullmatch(r"\d{17}", lic):
                    err(f"{rel}: genuine lawyer licence not 17 digits: {lic}")
    else:
        if not truth[rel]["kinds"] or len(truth[rel]["kinds"]) > 2:
            err(f"{rel}: forged must have 1-2 kinds")
    kinds = truth[rel]["kinds"]
    if "invalid_id_number" in kinds and id_valid(v["shown_id"]):
        err(f"{rel}: invalid-ID forgery has a valid ID")
    if "uscc_as_lawyer_licence" in kinds:
        if not any(len(l) == 18 and uscc_valid(l) for _, l in v["extra"]["lawyers"]):
            err(f"{rel}: no USCC licence")
    if "name_id_mismatch" in kinds and v["shown_name"] == cust["name"] and v["shown_id"] == cust["id_number"]:
        err(f"{rel}: mismatch forgery matches borrower")
    # photo time not after complaint
    dto = v["meta"].get("datetime_original") or v["meta"].get("datetime")
    if dto and dt.datetime.fromisoformat(dto).replace(tzinfo=recv.tzinfo) > recv:
        err(f"{rel}: capture/edit time after complaint")

# 5. capture-specific properties
for rel, v in mf.items():
    p = ROOT / rel
    cap = truth[rel]["capture"]
    if cap in ("phone_photo", "scanner_jpeg"):
        im = Image.open(p)
        if im.format != "JPEG":
            err(f"{rel}: not JPEG")
        if max(im.size) > 1800:
            err(f"{rel}: too large {im.size}")
        ex = im.getexif()
        if cap == "phone_photo" and v["meta"].get("make"):
            e2 = ex.get_ifd(0x8769)
            if ex.get(0x010F) != v["meta"]["make"] or 0x9003 not in e2:
                err(f"{rel}: EXIF Make/DateTimeOriginal missing")
    elif cap == "png":
        if Image.open(p).format != "PNG":
            err(f"{rel}: not PNG")
    elif cap == "pdf":
        from pypdf import PdfReader
        txt = PdfReader(str(p)).pages[0].extract_text()
        if v["shown_name"] not in txt:
            err(f"{rel}: name not in PDF text layer")

# 6. re-use groups span different borrowers
for g, info in manifest["reuse_groups"].items():
    custs = {mf[r]["customer_id"] for r in mf if mf[r]["key"] in info["members"]}
    if len(custs) < 2 or len(custs) != len(info["members"]):
        err(f"reuse group {g} not across distinct borrowers")

# 7. copied seals really are pixel-identical
by_key = {v["key"]: r for r, v in mf.items()}
seal_report = []
for r, v in mf.items():
    if "seal_copied_across_issuers" in v["kinds"]:
        m = re.search(r"seal pixels copied from (\S+)", v["note"])
        if r.endswith(".pdf"):
            from pypdf import PdfReader

            def imgs(path):
                pg = PdfReader(str(ROOT / path)).pages[0]
                out = []
                for name, ob in pg["/Resources"]["/XObject"].items():
                    out.append(ob.get_object().get_data())
                return out
            src = [k for k in mf if mf[k]["key"] == "G21"][0]
            same = bool(set(imgs(r)) & set(imgs(src)))
            seal_report.append(f"{r} vs {src}: identical image XObject data = {same}")
            if not same:
                err(f"{r}: e-seal not identical to source")
        else:
            seal_report.append(f"{r}: {m.group(0) if m else '?'}")

# 8. folder size
size = sum(f.stat().st_size for f in ROOT.rglob("*") if f.is_file())
if size > 40 * 1024 * 1024:
    err(f"folder too large: {size / 1e6:.1f} MB")

# ---------------------------------------------------------------------------------------------
# STATS.md
# ---------------------------------------------------------------------------------------------
files = truth
n_f = sum(1 for v in files.values() if v["forged"])
kinds = collections.Counter(k for v in files.values() for k in v["kinds"])
cap = collections.Counter((v["capture"], "forged" if v["forged"] else "genuine") for v in files.values())
dtyp = collections.Counter((v["doc_type"], "forged" if v["forged"] else "genuine") for v in files.values())
two = sum(1 for v in files.values() if len(v["kinds"]) == 2)
pairs = collections.defaultdict(list)
for r, v in mf.items():
    m = re.search(r"seal-pair (P\d+)", v["note"])
    if m:
        pairs[m.group(1)].append(v["issuer"])
late = sum(1 for v in mf.values() if "district code created after birth" in v["note"])
lines = ["# STATS — b2_docs", "",
         f"Files: {len(files)} ({len(files) - n_f} genuine, {n_f} forged). Complaints: {len(complaints)} "
         f"({sum(1 for c in complaints if len(c['attachments']) > 1)} with two attachments). Customers: {len(customers)}. "
         f"Folder size: {size / 1e6:.1f} MB.", "",
         "## Forgery kinds (a file may carry two kinds)", "", "| kind | files |", "|---|---|"]
lines += [f"| {k} | {n} |" for k, n in sorted(kinds.items())]
lines += ["", f"Forged files with two kinds: {two}.", "", "## Capture", "", "| capture | genuine | forged | total |", "|---|---|---|---|"]
for c in ("phone_photo", "scanner_jpeg", "png", "pdf"):
    g_, f_ = cap[(c, "genuine")], cap[(c, "forged")]
    lines.append(f"| {c} | {g_} | {f_} | {g_ + f_} |")
lines += ["", "## Document types", "", "| doc_type | genuine | forged |", "|---|---|---|"]
for d in sorted({d for d, _ in dtyp}):
    lines.append(f"| {d} | {dtyp[(d, 'genuine')]} | {dtyp[(d, 'forged')]} |")
lines += ["", "## Genuine traps", "",
          f"- Seal pairs (different issuers, seals differ only in ring text): {len(pairs)} — " + "; ".join(f"{k}: {' / '.join(v)}" for k, v in sorted(pairs.items())),
          f"- Genuine borrowers whose ID uses a district code created after their birth year: {late}",
          f"- Genuine phone photos without EXIF (messaging-app recompression): {sum(1 for v in mf.values() if not v['forged'] and 'without EXIF' in v['note'])}",
          f"- Genuine PDF with a metadata-only incremental update by the issuer's platform: {sum(1 for v in mf.values() if not v['forged'] and 'incremental update' in v['note'])}",
          f"- Genuine e-document PDFs sharing one issuer's electronic seal image: {sum(1 for v in mf.values() if 'same electronic seal image' in v['note'])}",
          f"- Genuine lawyer letters (17-digit licence), some with the firm's own USCC in the footer: {sum(1 for v in mf.values() if v['doc_type'] == 'lawyer_letter' and not v['forged'])}",
          "", "## Copied seals", ""] + [f"- {s}" for s in seal_report]
lines += ["", "## Checks", "", "`_build/check.py`: " + ("all checks passed." if not errors else f"{len(errors)} problems.")]
(ROOT / "STATS.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problems")
    sys.exit(1)
print(f"OK: {len(files)} files, {len(complaints)} complaints, {len(customers)} customers, {size / 1e6:.1f} MB")
