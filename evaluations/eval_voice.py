"""Quality of "one voice across calls" (qinglang.voice.pipeline) on SYNTHETIC speakers.

For each seed, qinglang.voice.synth renders --calls telephone recordings (8 kHz, band 300-3400 Hz,
noise) by --speakers espeak-ng voices; every call is embedded once (the numpy GE2E port) and the
calls are grouped by voice. Scored against the generator's truth (call -> speaker):

- pair similarity distributions: cosine of same-speaker and different-speaker call pairs
  (percentiles), and at each threshold the share of same pairs kept and of different pairs let
  through (what the pipeline's THRESHOLD was read from, on development seeds 1-3);
- pairs: precision / recall of "same voice" call pairs after clustering;
- groups: a predicted group (>= 2 calls) is pure when all its calls share one speaker; a true
  voice heard on >= 2 calls is found when a pure predicted group holds >= 2 of its calls.
  group precision = pure / predicted, group recall = found / true voices with >= 2 calls.

What the figures mean: espeak-ng voices are formant-synthesised. They are not people: the
encoder (trained on read and conversational human speech) hears them all as rather alike
(different-speaker pairs score high), while one synthetic speaker repeats itself more exactly
than a person does. Neither number transfers to real calls; recalibrate on labelled real calls.

    .venv/bin/python evaluations/eval_voice.py --seeds 501 502 503 [--speakers 20 --calls 60] \
        [--collectors 2 [--no-staff]] [--json evaluations/results/voice.json]

--collectors N: every call opens with one of N collector voices (one mono recording of both
sides); the collectors' enrolment recordings are left out of each call (staff voices) unless
--no-staff, which shows what a collector's voice does to the groups.

A recording folder (a blind set) instead of seeds:

    .venv/bin/python evaluations/eval_voice.py --folder evaluations/blind/voice_v1 --json F --note "..."

The folder holds calls.csv (call_id, customer_id, started_at, answered_by, recording: a path
relative to the folder, else recordings/<call_id>.wav), truth.json ({"speakers": {call_id:
speaker_id}, "speaker_kind": {speaker_id: "agency" | "family" | "single" | ...},
"family_customers": customers grouped by family}) and, if the lender's own voices are given,
staff/*.wav (left out of every call, as `qinglang calls --recordings` does). Besides pairs and
groups at THRESHOLD, per speaker kind: voices found, same-voice pairs kept, calls merged with
another speaker; and per predicted group, the unrelated customers it spans (a family counts once)
with the chance test and Benjamini-Hochberg cut the calls module applies to voices
(calls/voices.voice_background and test_voices: reference calls are those with no answered_by): how many agency voices would flag their borrowers and how many family voices
would (they must not).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from qinglang.calls.numbers import number_key
from qinglang.voice.pipeline import (
    THRESHOLD,
    cluster_embeddings,
    embed_recordings,
    keep_own_calls_within_spread,
    reference_threshold,
    set_apart_lines,
    staff_voices,
)
from qinglang.voice.synth import synthesise_collector_references, synthesise_recordings

SWEEP = [round(t, 2) for t in np.arange(0.70, 0.97, 0.02)]


def pair_sets(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[misc]


def score_groups(groups: list[list[str]], truth: dict[str, str]) -> dict[str, float | int]:
    true_groups: dict[str, list[str]] = {}
    for call, spk in truth.items():
        true_groups.setdefault(spk, []).append(call)
    true_pairs = pair_sets(list(true_groups.values()))
    pred_pairs = pair_sets(groups)
    tp = len(true_pairs & pred_pairs)
    multi = [g for g in groups if len(g) >= 2]
    pure = [g for g in multi if len({truth[c] for c in g}) == 1]
    found = {truth[g[0]] for g in pure}
    voices_multi = [s for s, calls in true_groups.items() if len(calls) >= 2]
    return {
        "pair_tp": tp,
        "pair_fp": len(pred_pairs) - tp,
        "pair_fn": len(true_pairs) - tp,
        "pair_precision": round(tp / len(pred_pairs), 4) if pred_pairs else 1.0,
        "pair_recall": round(tp / len(true_pairs), 4) if true_pairs else 1.0,
        "groups_predicted": len(multi),
        "groups_pure": len(pure),
        "group_precision": round(len(pure) / len(multi), 4) if multi else 1.0,
        "voices_with_2plus_calls": len(voices_multi),
        "voices_found": len(found & set(voices_multi)),
        "group_recall": round(len(found & set(voices_multi)) / len(voices_multi), 4) if voices_multi else 1.0,
    }


def _family_of(raw: object) -> dict[str, str]:
    """customer -> family id from truth's family_customers, either {family: [customers]} or
    {customer: family}."""
    out: dict[str, str] = {}
    if isinstance(raw, dict):
        for k, v in raw.items():
            if isinstance(v, list):
                for c in v:
                    out[str(c)] = str(k)
            elif isinstance(v, str | int):
                out[str(k)] = str(v)
    elif isinstance(raw, list):
        for i, fam in enumerate(raw):
            for c in fam if isinstance(fam, list) else []:
                out[str(c)] = f"family{i}"
    return out


def evaluate_folder(
    folder: Path, staff_dir: Path | None = None, no_apart: bool = False, fixed_threshold: bool = False
) -> dict[str, Any]:
    """Voice groups of a recording folder scored against its truth (see the module docstring)."""
    import csv

    from qinglang.calls.codes import MIN_PARTIES
    from qinglang.calls.voices import test_voices, voice_background

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    speakers: dict[str, str] = {str(k): str(v) for k, v in truth["speakers"].items()}
    kind_of: dict[str, str] = {str(k): str(v) for k, v in truth.get("speaker_kind", {}).items()}
    family = _family_of(truth.get("family_customers", {}))
    customer: dict[str, str] = {}
    recordings: dict[str, Path] = {}
    reference: set[str] = set()
    answered_by: dict[str, str] = {}
    with (folder / "calls.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cid = row["call_id"]
            rel = (row.get("recording") or "").strip()
            path = folder / rel if rel else folder / "recordings" / f"{cid}.wav"
            if path.exists():
                recordings[cid] = path
                customer[cid] = row.get("customer_id", "")
                if not (row.get("answered_by") or "").strip():
                    reference.add(cid)  # no diversion: the borrower's own phone, own voice
                else:
                    answered_by[cid] = number_key(row["answered_by"])
    staff_dir = staff_dir or (folder / "staff")
    staff = {q.stem: q for q in sorted(staff_dir.glob("*.wav"))} if staff_dir.is_dir() else {}
    exclude = staff_voices(staff) if staff else None
    t0 = time.process_time()
    emb, skipped = embed_recordings(recordings, exclude=exclude)
    cpu = time.process_time() - t0
    scored = {c: speakers[c] for c in emb if c in speakers}
    emb = {c: emb[c] for c in scored}
    # family lines, as calls/voices.family_lines reads them from a customers file (relations.py):
    # an answering number answering for >= 2 customers, all of one family; truth's
    # family_customers stands in for the customers file's surnames / households here
    customers_of: dict[str, set[str]] = {}
    for c, num in answered_by.items():
        customers_of.setdefault(num, set()).add(customer.get(c, c))
    lines = {
        num
        for num, cs in customers_of.items()
        if len(cs) >= 2 and len({family.get(x, "cust:" + x) for x in cs}) == 1
    }
    apart = {c: "line:" + num for c, num in answered_by.items() if num in lines and c in emb}
    # the cut the pipeline takes (groups_from_embeddings): from the reference calls' similarities
    threshold = THRESHOLD if fixed_threshold else reference_threshold(emb, reference)
    groups = cluster_embeddings(emb, threshold)
    if not no_apart:
        groups = set_apart_lines(groups, apart)
        groups = keep_own_calls_within_spread(groups, emb, reference)
    out: dict[str, Any] = {
        "folder": str(folder),
        "recordings": len(recordings),
        "embedded": len(emb),
        "skipped": len(skipped),
        "staff_voices_left_out": len(staff),
        "threshold": round(threshold, 4),
        "threshold_from": "fixed THRESHOLD"
        if fixed_threshold or threshold == THRESHOLD
        else "reference calls",
        "family_line_calls_set_apart": 0 if no_apart else len(apart),
        **score_groups(groups, scored),
        "embedding_cpu_seconds_per_call": round(cpu / max(len(emb), 1), 3),
    }
    group_of = {c: i for i, g in enumerate(groups) for c in g}
    calls_of: dict[str, list[str]] = {}
    for c, spk in scored.items():
        calls_of.setdefault(spk, []).append(c)
    by_kind: dict[str, Counter[str]] = {}
    for spk, calls in calls_of.items():
        k = by_kind.setdefault(
            kind_of.get(spk, "unknown"),
            Counter(
                dict.fromkeys(
                    (
                        "voices_with_2plus_calls",
                        "same_pairs_kept",
                        "calls_merged_with_another_speaker",
                        "voices_found_pure",
                        "voices_in_a_flagged_group",
                        "voices_spanning_3plus_unrelated",
                    ),
                    0,
                )
            ),
        )
        k["voices"] += 1
        k["calls"] += len(calls)
        if len(calls) >= 2:
            k["voices_with_2plus_calls"] += 1
        same = [p for p in combinations(sorted(calls), 2)]
        k["same_pairs"] += len(same)
        k["same_pairs_kept"] += sum(1 for a, b in same if group_of[a] == group_of[b])
        k["calls_merged_with_another_speaker"] += sum(
            1 for c in calls if any(scored[o] != spk for o in groups[group_of[c]])
        )
        mine = [groups[group_of[c]] for c in calls]
        if any(
            len(g) >= 2 and sum(scored[o] == spk for o in g) >= 2 and all(scored[o] == spk for o in g)
            for g in mine
        ):
            k["voices_found_pure"] += 1

    # the calls module's test on each predicted group (calls/voices.py): unrelated customers
    # (a family once), chance rate over all groups, BH at GROUP_FDR, >= MIN_PARTIES
    def party(c: str) -> str:
        cust = customer.get(c, "")
        return "fam:" + family[cust] if cust in family else "cust:" + cust

    # every group (one call too) is a test; the background is the clustering's rate of joining two
    # reference calls (no diversion) of different customers, over every customer recorded, as
    # calls/voices.py counts them
    n_parties = [len({party(c) for c in g}) for g in groups]
    background = voice_background(
        groups, {c: customer.get(c, c) for c in scored}, reference, len({customer.get(c, c) for c in scored})
    )
    tested = test_voices(n_parties, background)
    flagged_groups = []
    for g, n, (p, flag) in zip(groups, n_parties, tested, strict=True):
        if not flag:
            continue
        kinds = Counter(kind_of.get(scored[c], "unknown") for c in g)
        flagged_groups.append(
            {
                "calls": len(g),
                "unrelated_customers": n,
                "speakers": len({scored[c] for c in g}),
                "calls_by_kind": dict(kinds),
                "majority_kind": kinds.most_common(1)[0][0],
                "p_value": float(f"{p:.3g}"),
            }
        )
    for spk, calls in calls_of.items():
        k = by_kind[kind_of.get(spk, "unknown")]
        hit = any(
            sum(scored[o] == spk for o in g) >= 2 and flag
            for g, (_, flag) in zip(groups, tested, strict=True)
        )
        k["voices_in_a_flagged_group"] += hit
        if len({party(c) for c in calls}) >= MIN_PARTIES:
            k["voices_spanning_3plus_unrelated"] += 1
    out["by_speaker_kind"] = {k: dict(v) for k, v in sorted(by_kind.items())}
    out["voice_flagging"] = {
        **background.facts(),
        "parties_in_pool": background.parties,
        "groups_tested": len(groups),
        "groups_flagged": len(flagged_groups),
        "flagged": sorted(flagged_groups, key=lambda g: -g["calls"]),
    }
    return out


def run_seed(
    seed: int, speakers: int, calls: int, work: Path, collectors: int = 0, use_staff: bool = True
) -> tuple[dict[str, np.ndarray], dict[str, str], float]:
    paths, truth = synthesise_recordings(speakers, calls, work / str(seed), seed=seed, collectors=collectors)
    exclude = None
    if collectors and use_staff:
        exclude = staff_voices(synthesise_collector_references(collectors, work / f"{seed}-staff", seed=seed))
    t0 = time.process_time()
    emb, skipped = embed_recordings(paths, exclude=exclude)
    cpu = time.process_time() - t0
    if skipped:
        print(f"seed {seed}: {len(skipped)} recordings without embedding: {skipped}", file=sys.stderr)
    return emb, {c: truth[c] for c in emb}, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="+", default=[501, 502, 503])
    ap.add_argument("--speakers", type=int, default=20)
    ap.add_argument("--calls", type=int, default=60)
    ap.add_argument(
        "--collectors", type=int, default=0, help="calls opened by one of N collector voices (mono)"
    )
    ap.add_argument(
        "--no-staff", action="store_true", help="with --collectors: do not leave their voices out"
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--folder", type=Path, help="a recording folder with truth.json (blind set)")
    ap.add_argument(
        "--staff", type=Path, help="with --folder: the lender's own voices (default FOLDER/staff)"
    )
    ap.add_argument(
        "--no-apart",
        action="store_true",
        help="with --folder: keep family-line calls in other voices' groups (before set_apart_lines)",
    )
    ap.add_argument(
        "--fixed-threshold",
        action="store_true",
        help="with --folder: cut at THRESHOLD, not at the reference calls' 1%% tail (before round 3)",
    )
    ap.add_argument("--note", default="")
    a = ap.parse_args()
    if a.folder:
        res = {
            "note": a.note,
            **evaluate_folder(a.folder, a.staff, no_apart=a.no_apart, fixed_threshold=a.fixed_threshold),
        }
        text = json.dumps(res, indent=1, ensure_ascii=False)
        print(text)
        if a.json:
            a.json.parent.mkdir(parents=True, exist_ok=True)
            a.json.write_text(text + "\n", encoding="utf-8")
        return 0

    same: list[float] = []
    diff: list[float] = []
    per_seed = []
    sweep_totals: dict[float, Counter[str]] = {t: Counter() for t in [*SWEEP, THRESHOLD]}
    cpu_total, n_total = 0.0, 0
    with tempfile.TemporaryDirectory(prefix="qinglang-voice-eval-") as tmp:
        for seed in a.seeds:
            emb, truth, cpu = run_seed(seed, a.speakers, a.calls, Path(tmp), a.collectors, not a.no_staff)
            cpu_total += cpu
            n_total += len(emb)
            ids = sorted(emb)
            x = np.stack([emb[i] for i in ids]).astype(np.float64)
            sims = x @ x.T
            for i, j in combinations(range(len(ids)), 2):
                (same if truth[ids[i]] == truth[ids[j]] else diff).append(float(sims[i, j]))
            at_default = score_groups(cluster_embeddings(emb, THRESHOLD), truth)
            per_seed.append({"seed": seed, "calls_embedded": len(emb), **at_default})
            for t in sweep_totals:
                s = score_groups(cluster_embeddings(emb, t), truth)
                sweep_totals[t].update(
                    {
                        k: int(v)
                        for k, v in s.items()
                        if k.startswith(("pair_t", "pair_f", "groups_", "voices_"))
                    }
                )

    s_arr, d_arr = np.array(same), np.array(diff)

    def summary(c: Counter[str]) -> dict[str, float | int]:
        pp = c["pair_tp"] + c["pair_fp"]
        tp_fn = c["pair_tp"] + c["pair_fn"]
        return {
            "pair_precision": round(c["pair_tp"] / pp, 4) if pp else 1.0,
            "pair_recall": round(c["pair_tp"] / tp_fn, 4) if tp_fn else 1.0,
            "group_precision": round(c["groups_pure"] / c["groups_predicted"], 4)
            if c["groups_predicted"]
            else 1.0,
            "group_recall": round(c["voices_found"] / c["voices_with_2plus_calls"], 4)
            if c["voices_with_2plus_calls"]
            else 1.0,
            **dict(c),
        }

    result = {
        "what": "synthetic espeak-ng speakers (a stand-in for real speech), 8 kHz telephone band",
        "seeds": a.seeds,
        "speakers_per_seed": a.speakers,
        "calls_per_seed": a.calls,
        "collectors": a.collectors,
        "staff_voices_left_out": bool(a.collectors and not a.no_staff),
        "threshold": THRESHOLD,
        "at_threshold": summary(sweep_totals[THRESHOLD]),
        "per_seed": per_seed,
        "pair_cosine": {
            "same_n": len(s_arr),
            "diff_n": len(d_arr),
            "same_percentiles_1_5_10_50": np.percentile(s_arr, [1, 5, 10, 50]).round(4).tolist()
            if len(s_arr)
            else [],
            "diff_percentiles_50_90_99_99.9": np.percentile(d_arr, [50, 90, 99, 99.9]).round(4).tolist()
            if len(d_arr)
            else [],
            "by_threshold": {
                str(t): {
                    "same_kept": round(float((s_arr >= t).mean()), 4) if len(s_arr) else None,
                    "diff_passed": round(float((d_arr >= t).mean()), 4) if len(d_arr) else None,
                }
                for t in SWEEP
            },
        },
        "clustered_by_threshold": {str(t): summary(sweep_totals[t]) for t in SWEEP},
        "embedding_cpu_seconds_per_call": round(cpu_total / max(n_total, 1), 3),
    }
    print(
        json.dumps(
            {k: result[k] for k in ("what", "seeds", "threshold", "at_threshold")},
            indent=1,
            ensure_ascii=False,
        )
    )
    print("threshold  same_kept  diff_passed  pairP   pairR   groupP  groupR")
    for t in SWEEP:
        pc = result["pair_cosine"]["by_threshold"][str(t)]
        cl = result["clustered_by_threshold"][str(t)]
        print(
            f"{t:9.2f}  {pc['same_kept']:9.3f}  {pc['diff_passed']:11.4f}  {cl['pair_precision']:.3f}   {cl['pair_recall']:.3f}   {cl['group_precision']:.3f}   {cl['group_recall']:.3f}"
        )
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
