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

Genuine set (--genuine): realistic phone photos and scanner JPEGs of genuine documents only
(qinglang.synth.documents_genuine); every flagged file is a false alarm, every finding an
unwarranted one. Reported per finding code and per capture kind:

    .venv/bin/python evaluations/eval_materials.py --genuine --genuine-seeds 2 3 --genuine-n 120 \
        --json evaluations/results/materials_genuine.json

--sets DIR... scores sets already written (folders with truth.json, from either generator):
the same files can then be checked by two versions of the code.
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


def _sets(tmp: str, seeds: list[int], n: int, given: list[Path] | None, genuine: bool):
    """(label, folder, truth files) per set: generated into tmp, or read from `given` folders."""
    if given:
        for d in given:
            yield d.name, d, json.loads((d / "truth.json").read_text("utf-8"))["files"]
        return
    for seed in seeds:
        d = Path(tmp) / str(seed)
        if genuine:
            from qinglang.synth.documents_genuine import generate_genuine

            yield str(seed), d, generate_genuine(d, n, seed)["files"]
        else:
            from qinglang.synth.documents import generate_documents

            yield str(seed), d, generate_documents(d, n, seed)["files"]


def evaluate(seeds: list[int], n: int, ocr: bool, cache: Path | None, sets: list[Path] | None = None) -> dict:
    from qinglang.materials import check_materials

    counts = {c: [0, 0, 0] for c in [*CHECKS, "flagged"]}  # tp, fp, fn
    genuine_reuse_claims = 0
    pdf_edits = pdf_found = 0
    seconds = 0.0
    files = 0
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed, d, truth in _sets(tmp, seeds, n, sets, genuine=False):
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
        "seeds": [str(x) for x in sets] if sets else seeds,
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


def evaluate_genuine(
    seeds: list[int], n: int, ocr: bool, cache: Path | None, sets: list[Path] | None = None
) -> dict:
    """False alarms on genuine documents only: flagged files and every finding, by code and by
    capture kind (phone photo with vendor / standard tables, scanner, PDF)."""
    from collections import Counter

    from qinglang.materials import check_materials

    files = flagged = 0
    by_code: Counter[str] = Counter()
    by_capture: Counter[str] = Counter()
    flagged_by_capture: Counter[str] = Counter()
    flagged_codes: Counter[str] = Counter()
    later_ids = later_ids_invalid = 0
    details: list[dict] = []
    seconds = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for label, d, truth in _sets(tmp, seeds, n, sets, genuine=True):
            comps, custs = load_inputs(d)
            t0 = time.perf_counter()
            results = check_materials(d / "attachments", comps, custs, ocr=ocr, cache_dir=cache)
            seconds += time.perf_counter() - t0
            for r in results:
                tr = truth[r.file]
                cap = tr.get("capture", "?")
                files += 1
                by_capture[cap] += 1
                codes = sorted({f.code for f in r.findings})
                by_code.update(codes)
                if tr.get("later_district_id"):
                    later_ids += 1
                    later_ids_invalid += "material_id_invalid" in codes
                if r.flagged:
                    flagged += 1
                    flagged_by_capture[cap] += 1
                    flagged_codes.update(codes)
                if codes:
                    details.append(
                        {
                            "set": label,
                            "file": r.file,
                            "capture": cap,
                            "doc_type": tr["doc_type"],
                            "score": r.score,
                            "flagged": r.flagged,
                            "findings": [f"{f.code}: {f.detail_en}" for f in r.findings],
                        }
                    )
    return {
        "genuine_sets": [str(x) for x in sets] if sets else seeds,
        "n_per_seed": n,
        "ocr": ocr,
        "files": files,
        "seconds_check": round(seconds, 1),
        "flagged": flagged,
        "false_alarm_rate": round(flagged / files, 3) if files else None,
        "files_by_capture": dict(sorted(by_capture.items())),
        "flagged_by_capture": dict(sorted(flagged_by_capture.items())),
        "files_with_code": dict(by_code.most_common()),
        "flagged_files_with_code": dict(flagged_codes.most_common()),
        "later_district_ids": later_ids,
        "later_district_ids_called_invalid": later_ids_invalid,
        "files_with_findings": details,
    }


def markdown_genuine(res: dict) -> str:
    lines = [
        f"Genuine set · OCR {'on' if res['ocr'] else 'off'} · sets {res['genuine_sets']} · {res['files']} files",
        "",
        f"flagged (false alarms): {res['flagged']}/{res['files']} ({res['false_alarm_rate']})",
        "",
        "| capture | files | flagged |",
        "|---|---|---|",
    ]
    for cap, k in res["files_by_capture"].items():
        lines.append(f"| {cap} | {k} | {res['flagged_by_capture'].get(cap, 0)} |")
    lines += ["", "| finding code | files | of them flagged |", "|---|---|---|"]
    for code, k in res["files_with_code"].items():
        lines.append(f"| {code} | {k} | {res['flagged_files_with_code'].get(code, 0)} |")
    lines.append("")
    lines.append(
        f"IDs with a district created after the birth year: {res['later_district_ids']}, "
        f"called invalid: {res['later_district_ids_called_invalid']}"
    )
    return "\n".join(lines)


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
    ap.add_argument("--sets", type=Path, nargs="+", default=None, help="score these written sets instead")
    ap.add_argument("--genuine", action="store_true", help="false alarms on the genuine photo/scan set")
    ap.add_argument("--genuine-seeds", type=int, nargs="+", default=[2, 3])
    ap.add_argument("--genuine-n", type=int, default=120)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache_tmp:
        cache = a.cache or Path(cache_tmp)
        if a.genuine:
            res = evaluate_genuine(a.genuine_seeds, a.genuine_n, not a.no_ocr, cache, a.sets)
        else:
            res = evaluate(a.seeds, a.n, not a.no_ocr, cache, a.sets)
    if a.genuine:
        print(markdown_genuine(res))
        if a.errors:
            for x in res["files_with_findings"]:
                print(
                    ("FLAGGED " if x["flagged"] else "        ") + f"{x['set']} {x['file']} {x['capture']} "
                    f"{x['doc_type']} {x['score']}: " + " | ".join(x["findings"])
                )
    else:
        print(markdown(res))
        if a.errors:
            print("\n".join(res["errors"]))
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
