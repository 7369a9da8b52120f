"""Per-check precision and recall of the material checks on freshly generated documents.

Generates documents with qinglang.synth.documents.generate_documents for each seed (use seeds
nobody developed with), runs check_materials with and/or without OCR, and scores each check
family against the generator's truth ("expect" per file):

    check           fires on any of these finding codes
    metadata        material_meta_editor, material_jpeg_requantized, material_meta_modified_later
    pdf_revisions   material_pdf_incremental_edit
    reuse           material_reused_across_borrowers, material_text_reused_across_borrowers
    name_mismatch   material_name_mismatch, material_name_inconsistent, material_id_mismatch
    id_invalid      material_id_invalid
    dates           material_issued_after_complaint, material_issued_long_after_event,
                    material_event_after_issue, material_pdf_produced_after_issue
    seal            material_seal_issuer_mismatch, material_seal_copied
    licence         material_fake_licence, material_not_law_firm
    flagged         MaterialResult.flagged vs "any check should fire"

Also: reuse claims between two genuine documents of different borrowers (must be 0) and the
share of incremental PDF edits found (must be 1.0).

    .venv/bin/python evaluations/eval_materials.py --seeds 901 902 --n 200 [--no-ocr] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

CHECKS: dict[str, set[str]] = {
    "metadata_editor": {"material_meta_editor", "material_jpeg_requantized", "material_meta_modified_later"},
    "pdf_revisions": {"material_pdf_incremental_edit"},
    "reuse": {"material_reused_across_borrowers", "material_text_reused_across_borrowers"},
    "name_mismatch": {"material_name_mismatch", "material_name_inconsistent", "material_id_mismatch"},
    "id_invalid": {"material_id_invalid"},
    "dates": {
        "material_issued_after_complaint",
        "material_issued_long_after_event",
        "material_event_after_issue",
        "material_pdf_produced_after_issue",
    },
    "seal": {"material_seal_issuer_mismatch", "material_seal_copied"},
    "licence": {"material_fake_licence", "material_not_law_firm"},
}


def load_inputs(d: Path):
    from qinglang.schema import Complaint, Customer

    comps = [
        Complaint(**json.loads(x)) for x in (d / "complaints.jsonl").read_text("utf-8").splitlines() if x
    ]
    custs = {}
    with (d / "customers.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            custs[r["customer_id"]] = Customer(
                customer_id=r["customer_id"],
                name=r["name"],
                phone=r["phone"],
                extra={"id_number": r["id_number"]},
            )
    return comps, custs


def evaluate(seeds: list[int], n: int, ocr: bool, cache: Path | None) -> dict:
    from qinglang.materials import check_materials
    from qinglang.synth.documents import generate_documents

    counts = {c: [0, 0, 0] for c in [*CHECKS, "flagged"]}  # tp, fp, fn
    genuine_reuse_claims = 0
    pdf_edits = pdf_found = 0
    seconds = 0.0
    files = 0
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            d = Path(tmp) / str(seed)
            truth = generate_documents(d, n, seed)["files"]
            comps, custs = load_inputs(d)
            t0 = time.perf_counter()
            results = check_materials(d / "attachments", comps, custs, ocr=ocr, cache_dir=cache)
            seconds += time.perf_counter() - t0
            files += len(results)
            for r in results:
                tr = truth[r.file]
                codes = {f.code for f in r.findings}
                for check, cs in CHECKS.items():
                    fired, want = bool(codes & cs), tr["expect"][check]
                    counts[check][0 if fired and want else 1 if fired else 2 if want else 0] += fired or want
                    if fired and not want:
                        errors.append(
                            f"FP {check} {seed} {r.file} {tr['tamper']} "
                            + "; ".join(f.detail_en for f in r.findings if f.code in cs)
                        )
                    elif want and not fired:
                        errors.append(f"FN {check} {seed} {r.file} {tr['tamper']} {tr['doc_type']}")
                want = tr["forged"]
                counts["flagged"][0 if r.flagged and want else 1 if r.flagged else 2 if want else 0] += (
                    r.flagged or want
                )
                if want != r.flagged:
                    errors.append(
                        f"{'FN' if want else 'FP'} flagged {seed} {r.file} {tr['tamper']} "
                        f"score={r.score} codes={sorted(codes)}"
                    )
                if not tr["forged"]:
                    for f in r.findings:
                        if f.code in CHECKS["reuse"] and all(
                            not truth[x]["forged"] for x in f.refs if x in truth
                        ):
                            genuine_reuse_claims += 1
                if tr["tamper"] == "pdf_incremental_edit":
                    pdf_edits += 1
                    pdf_found += "material_pdf_incremental_edit" in codes
    table = {}
    for c, (tp, fp, fn) in counts.items():
        table[c] = {
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        }
    return {
        "seeds": seeds,
        "n_per_seed": n,
        "ocr": ocr,
        "files": files,
        "seconds_check": round(seconds, 1),
        "checks": table,
        "reuse_claims_between_genuine": genuine_reuse_claims,
        "pdf_incremental_edits": pdf_edits,
        "pdf_incremental_found": pdf_found,
        "errors": errors[:200],
    }


def markdown(res: dict) -> str:
    lines = [
        f"OCR {'on' if res['ocr'] else 'off'} · seeds {res['seeds']} · {res['files']} files",
        "",
        "| check | TP | FP | FN | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    for c, v in res["checks"].items():
        lines.append(f"| {c} | {v['tp']} | {v['fp']} | {v['fn']} | {v['precision']} | {v['recall']} |")
    lines.append("")
    lines.append(
        f"reuse claimed between genuine documents: {res['reuse_claims_between_genuine']}; "
        f"incremental PDF edits found: {res['pdf_incremental_found']}/{res['pdf_incremental_edits']}"
    )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="+", default=[424242, 515151])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="OCR cache folder (default: a temporary one)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--errors", action="store_true", help="print every FP/FN")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache_tmp:
        res = evaluate(a.seeds, a.n, not a.no_ocr, a.cache or Path(cache_tmp))
    print(markdown(res))
    if a.errors:
        print("\n".join(res["errors"]))
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
