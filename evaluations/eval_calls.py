"""Quality of the call signals (issue 16): forwarded borrowers, agency answering numbers, hard negatives.

Runs `qinglang.calls.run_calls` on folders laid out like the blind set (calls.csv per contract,
customers.csv, lender_numbers.txt, optional notes.jsonl, truth.json or calls_truth.json with
{"customers": {cid: {"group", "forwarded", "agency"}}, "agency_numbers": {agency: [numbers]}}),
or on lenders generated here from seeds (`--seeds`, synth.calls.synthesise_world; development used
seed 11 only). Reports:
- forwarded borrowers: precision / recall of flagged vs truth `forwarded`, and vs "an agency is
  involved" (forwarded or quoting the agency's callback number);
- agency answering numbers: flagged forwarding targets and callback numbers vs truth numbers
  (recall also over the agency numbers that appear in the calls or notes at all);
- hard negatives: the flag rate of borrowers in each non-agency truth group, and which groups
  the members of every falsely flagged number belong to.
- agency clients (truth `agency` set): precision / recall, and the flag rate of diverted borrowers
  of no agency (switchboard staff, families, voicemail users): truth `forwarded` marks every
  diverted borrower, so "forwarded borrowers" recall counts these hard negatives as misses.

    .venv/bin/python evaluations/eval_calls.py --seeds 101 202 303 [--borrowers 3000] --lenders 101 202 [--out F]
    .venv/bin/python evaluations/eval_calls.py evaluations/blind/calls_c1 --out F --note "..."

--no-carrier-list: an ablation, carrier voicemail numbers are not known by number (data/
carrier_services.txt and the 125xx range are ignored), so only their behaviour can set them aside
(calls/machine.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from qinglang.calls.detectors.callback import quoted_numbers
from qinglang.calls.inputs import read_inputs
from qinglang.calls.numbers import number_key
from qinglang.calls.run import run_calls


def _pr(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def evaluate_folder(folder: Path) -> dict:
    # the generated lender has its complaints' truth.json beside calls_truth.json
    truth_path = (
        folder / "calls_truth.json" if (folder / "calls_truth.json").exists() else folder / "truth.json"
    )
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    customers = folder / "customers.csv"
    t0 = time.perf_counter()
    inp = read_inputs(folder / "calls.csv", customers if customers.exists() else None)
    result = run_calls(inp.calls, inp.customers, inp.notes, inp.lender_numbers)
    seconds = time.perf_counter() - t0
    flagged = {b.customer_id for b in result.borrowers if b.flagged}
    tc = truth["customers"]
    forwarded = {c for c, t in tc.items() if t.get("forwarded")}
    involved = {c for c, t in tc.items() if t.get("forwarded") or t.get("agency")}
    known = set(tc)
    fl = flagged & known
    out: dict = {
        "folder": str(folder),
        "calls": result.view.calls,
        "quarantined": len(inp.quarantined),
        "borrowers": len(result.borrowers),
        "seconds": round(seconds, 2),
        "forwarded_borrowers": _pr(len(fl & forwarded), len(fl - forwarded), len(forwarded - fl)),
        "agency_involved_borrowers": _pr(len(fl & involved), len(fl - involved), len(involved - fl)),
    }
    # truth "forwarded" marks every diverted borrower, also a switchboard's staff, a family's and
    # voicemail users; what the detector is for is the agencies' clients, diverted or not
    clients = {c for c, t in tc.items() if t.get("agency")}
    out["agency_clients"] = _pr(len(fl & clients), len(fl - clients), len(clients - fl))
    diverted_clients = clients & forwarded
    out["agency_clients"]["recall_of_diverted"] = (
        round(len(fl & diverted_clients) / len(diverted_clients), 4) if diverted_clients else None
    )
    hn_diverted = Counter(tc[c].get("group") or "none" for c in forwarded - clients)
    hn_diverted_flagged = Counter(tc[c].get("group") or "none" for c in (forwarded - clients) & fl)
    out["diverted_hard_negative_flag_rates"] = {
        g: {"borrowers": n, "flagged": hn_diverted_flagged[g], "rate": round(hn_diverted_flagged[g] / n, 4)}
        for g, n in sorted(hn_diverted.items())
    }
    agency_keys = {number_key(n) for ns in truth.get("agency_numbers", {}).values() for n in ns}
    # agency numbers that appear at all: answering diverted calls, calling in, quoted in notes
    seen = {r.by for b in result.view.borrowers.values() for r in b.calls if r.by}
    seen |= {r.dialled for b in result.view.borrowers.values() for r in b.calls if not r.outbound}
    seen |= {k for n in inp.notes for k in quoted_numbers(n.text)}
    flagged_numbers = {g.value for g in result.groups if g.flagged and g.kind != "voice"}
    out["agency_numbers"] = _pr(
        len(flagged_numbers & agency_keys),
        len(flagged_numbers - agency_keys),
        len(agency_keys - flagged_numbers),
    )
    present = agency_keys & seen
    out["agency_numbers"]["recall_of_present"] = (
        round(len(flagged_numbers & present) / len(present), 4) if present else None
    )
    out["agency_numbers"]["present"] = len(present)
    groups = Counter(
        t.get("group") or "none" for c, t in tc.items() if not (t.get("forwarded") or t.get("agency"))
    )
    flagged_in = Counter(
        tc[c].get("group") or "none" for c in fl if not (tc[c].get("forwarded") or tc[c].get("agency"))
    )
    out["hard_negative_flag_rates"] = {
        g: {"borrowers": n, "flagged": flagged_in[g], "rate": round(flagged_in[g] / n, 4)}
        for g, n in sorted(groups.items())
    }
    false_numbers = []
    for g in result.groups:
        if g.flagged and g.kind != "voice" and g.value not in agency_keys:
            false_numbers.append(
                {
                    "kind": g.kind,
                    "members_by_group": dict(Counter(tc.get(m, {}).get("group") or "?" for m in g.members)),
                }
            )
    out["false_numbers"] = false_numbers
    out["set_aside"] = result.summary()["set_aside"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--seeds", nargs="*", type=int, default=[])
    ap.add_argument("--borrowers", type=int, default=3000)
    ap.add_argument(
        "--lenders", nargs="*", type=int, default=[], help="seeds of `qinglang generate --calls` lenders"
    )
    ap.add_argument("--complaints", type=int, default=3000, help="size of those lenders")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--note", default="")
    ap.add_argument(
        "--no-carrier-list", action="store_true", help="ablation: carriers known by behaviour only"
    )
    args = ap.parse_args(argv)
    if args.no_carrier_list:
        from qinglang.calls.numbers import NumberLists

        listed = NumberLists.role

        def role(self: NumberLists, key: str) -> str | None:
            r = listed(self, key)
            return None if r == "carrier" else r

        NumberLists.role = role  # type: ignore[method-assign]
    results = []
    for folder in args.folders:
        results.append(evaluate_folder(folder))
    if args.seeds:
        from qinglang.synth.calls import synthesise_world, write_customers, write_world

        with tempfile.TemporaryDirectory() as tmp:
            for seed in args.seeds:
                d = Path(tmp) / str(seed)
                world = synthesise_world(args.borrowers, seed)
                write_world(world, d)
                write_customers(world, d / "customers.csv")
                r = evaluate_folder(d)
                r["folder"] = f"synthesise_world(borrowers={args.borrowers}, seed={seed})"
                results.append(r)
    if args.lenders:
        from qinglang.synth.scenario import Config, generate

        with tempfile.TemporaryDirectory() as tmp:
            for seed in args.lenders:
                d = Path(tmp) / f"lender{seed}"
                generate(d, Config(complaints=args.complaints, seed=seed), render=False, calls=True)
                r = evaluate_folder(d)
                r["folder"] = f"qinglang generate --calls -n {args.complaints} --seed {seed}"
                results.append(r)
    report = {"note": args.note, "results": results}
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
