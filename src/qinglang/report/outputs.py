"""Writers of the scan's public output files (complaints_scored.jsonl, clusters.json).

The field set is the contract in DESIGN.md; clusters.json carries two additive fields,
`flagged` and `reasons` (the campaign evidence with refs), which readers may ignore.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from qinglang.scan import ClusterResult
from qinglang.schema import ScoredComplaint
from qinglang.scored import ScoredTable


def write_scored(path: Path, scored: Iterable[ScoredComplaint]) -> int:
    if isinstance(scored, ScoredTable):  # its lines are the model's JSON already
        with path.open("wb") as fb:
            for line in scored.json_lines():
                fb.write(line + b"\n")
        return len(scored)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for s in scored:
            fh.write(s.model_dump_json() + "\n")
            n += 1
    return n


def cluster_record(cr: ClusterResult) -> dict:
    rec = json.loads(cr.cluster.model_dump_json(exclude={"evidence"}))  # written below with refs
    rec["flagged"] = cr.flagged
    rec["reasons"] = [json.loads(e.model_dump_json()) for e in cr.evidence]
    return rec


def write_clusters(path: Path, clusters: Iterable[ClusterResult]) -> int:
    recs = [cluster_record(c) for c in clusters]
    path.write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(recs)


def read_scored(path: Path) -> list[ScoredComplaint]:
    with path.open(encoding="utf-8") as fh:
        return [ScoredComplaint.model_validate_json(line) for line in fh if line.strip()]


def read_clusters(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))
