"""Measure the materials check on an independently built document set (evaluations/blind/<set>_docs).

The set's writer never saw the checks (see its BRIEF.md). This runs `qinglang materials` as a user
would (OCR on) and compares `flagged` with the writer's truth (materials_truth.json):
precision / recall of "forged", recall per forgery kind, false alarms per capture kind among the
genuine documents, and — the issue's rule — genuine documents flagged by a seal or a quantisation
table finding alone.

    .venv/bin/python evaluations/eval_blind_docs.py evaluations/blind/b2_docs --json OUT.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

QL = str(Path(sys.executable).with_name("qinglang"))
WEAK_ALONE = {"material_seal_copied", "material_jpeg_requantized", "material_jpeg_standard_tables"}


def run(folder: Path, out: Path, ocr: bool) -> list[dict]:
    cmd = [
        QL,
        "materials",
        "--attachments",
        str(folder),
        "--complaints",
        str(folder / "complaints.jsonl"),
        "--customers",
        str(folder / "customers.csv"),
        "--out",
        str(out),
    ]
    if not ocr:
        cmd.append("--no-ocr")
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return [json.loads(x) for x in (out / "materials_scored.jsonl").read_text("utf-8").splitlines() if x]


def quarantined_complaints(folder: Path) -> list[str]:
    """Complaints the ingest reader sets aside (e.g. an unknown channel): their attachments are
    then checked without their borrower and complaint date."""
    from qinglang.ingest.readers import read_complaints
    from qinglang.schema import Complaint

    rows = read_complaints(folder / "complaints.jsonl")
    return [getattr(r, "reason_code", "?") for r in rows if not isinstance(r, Complaint)]


def load_lenient(d: Path):
    """complaints.jsonl and customers.csv (with id_number) as schema objects; a channel the
    schema does not know becomes "other"."""
    import csv

    from qinglang.schema import Complaint, Customer

    comps = []
    for line in (d / "complaints.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        try:
            comps.append(Complaint(**raw))
        except ValueError:
            comps.append(Complaint(**{**raw, "channel": "other"}))
    custs = {}
    with (d / "customers.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            custs[r["customer_id"]] = Customer(
                customer_id=r["customer_id"], name=r["name"], extra={"id_number": r.get("id_number")}
            )
    return comps, custs


def run_linked(folder: Path, ocr: bool) -> list[dict]:
    """The Python API with every complaint linked: a channel the reader does not know becomes
    "other" (what the materials checks need is the borrower and the date, not the channel)."""
    from qinglang.materials import check_materials

    comps, custs = load_lenient(folder)
    return [r.to_json() for r in check_materials(folder, comps, custs, ocr=ocr)]


def figures(folder: Path, scored: list[dict]) -> dict:
    truth = json.loads((folder / "materials_truth.json").read_text("utf-8"))["files"]
    by_file = {r["file"]: r for r in scored}
    tp = fp = fn = 0
    kind_hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    capture_fa: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_alarms, misses, weak_alone = [], [], []
    for f, t in truth.items():
        r = by_file.get(f)
        flagged = bool(r and r["flagged"])
        codes = [x["code"] for x in (r or {}).get("findings", []) if x.get("weight", 0) > 0]
        if t["forged"]:
            tp += flagged
            fn += not flagged
            for k in t["kinds"]:
                kind_hits[k][0] += 1
                kind_hits[k][1] += flagged
            if not flagged:
                misses.append(
                    {"file": f, "kinds": t["kinds"], "score": (r or {}).get("score"), "codes": codes}
                )
        else:
            fp += flagged
            capture_fa[t["capture"]][0] += 1
            capture_fa[t["capture"]][1] += flagged
            if flagged:
                false_alarms.append(
                    {"file": f, "doc_type": t["doc_type"], "score": r["score"], "codes": codes}
                )
                if codes and set(codes) <= WEAK_ALONE:
                    weak_alone.append(f)
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return {
        "files": len(truth),
        "forged": tp + fn,
        "genuine": sum(v[0] for v in capture_fa.values()),
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "genuine_flagged": fp,
        "genuine_flagged_by_seal_or_tables_alone": len(weak_alone),
        "recall_by_kind": {k: f"{v[1]}/{v[0]}" for k, v in sorted(kind_hits.items())},
        "false_alarms_by_capture": {k: f"{v[1]}/{v[0]}" for k, v in sorted(capture_fa.items())},
        "false_alarms": false_alarms,
        "misses": misses,
        "finding_codes_on_genuine": dict(Counter(c for a in false_alarms for c in a["codes"])),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument(
        "--link-all",
        action="store_true",
        help="run the Python API with every complaint linked (unknown channels read as 'other') "
        "instead of the CLI, whose reader sets such complaints aside",
    )
    args = ap.parse_args(argv)
    if args.link_all:
        res = figures(args.folder, run_linked(args.folder, not args.no_ocr))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            res = figures(args.folder, run(args.folder, Path(tmp) / "m", not args.no_ocr))
    quarantined = quarantined_complaints(args.folder)
    res = {
        "set": str(args.folder),
        "ocr": not args.no_ocr,
        "all_complaints_linked": args.link_all,
        "complaints_set_aside_by_reader": dict(Counter(quarantined)),
        **res,
    }
    if quarantined and not args.link_all:
        print(
            f"warning: the reader set aside {len(quarantined)} complaints {dict(Counter(quarantined))}: "
            "their attachments were checked without borrower or complaint date (see --link-all)"
        )
    print(
        f"documents {res['files']} (forged {res['forged']}): P {res['precision']} R {res['recall']}, "
        f"genuine flagged {res['genuine_flagged']}/{res['genuine']} "
        f"(by seal or tables alone: {res['genuine_flagged_by_seal_or_tables_alone']})"
    )
    print("  recall by kind", res["recall_by_kind"])
    print("  false alarms by capture", res["false_alarms_by_capture"])
    for a in res["false_alarms"]:
        print("  FA", a["file"], a["doc_type"], a["score"], a["codes"])
    for m in res["misses"]:
        print("  miss", m["file"], m["kinds"], m["score"], m["codes"])
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
