"""A case's campaign read out of the workbench's store and packed as evidence (qinglang.evidence).

WHY here and not in qinglang.evidence: the pack (files, manifest, hashes, verification) is below
the workbench and knows nothing of its tables; the workbench gathers what the pack shows and hands
it down, so the imports run one way (web -> evidence). Unmasked: only a lead may export.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from qinglang.evidence import build_evidence_pack
from qinglang.web import repo, views


def collect_case(engine: Engine, case: dict[str, Any]) -> dict[str, Any]:
    """Everything the pack shows about a case's campaign, unmasked."""
    run = repo.get_run(engine, case["run_id"]) or {"run_id": case["run_id"], "params": {}}
    cluster = repo.get_cluster(engine, case["run_id"], case["cluster_id"])
    if cluster is None:
        raise LookupError(f"campaign {case['cluster_id']} of run {case['run_id']} is not in the store")
    members = repo.complaints_by_ids(engine, list(cluster["complaint_ids"]))
    scored = repo.scored_for(engine, case["run_id"], [m["complaint_id"] for m in members])
    attachments = [a for m in members for a in m.get("attachments", [])]
    materials = repo.materials_for(run.get("params", {}).get("out_dir"), attachments)
    files = {str(rec.get("file", "")) for rec in materials}
    return {
        "run": run,
        "cluster": cluster,
        "members": members,
        "scored": scored,
        "materials": materials,
        "material_paths": {f: p for f in sorted(files) if (p := repo.material_path(run, f)) is not None},
        "evidence": list((cluster.get("extra") or {}).get("evidence") or []),
        "reasons": repo.top_reasons(engine, case["run_id"], list(cluster["complaint_ids"]), n=8),
        "geo": views.geo_distribution(members),
        "timeline": views.timeline([m["received_at"] for m in members]),
        "graph": views.entity_graph(cluster, members, masked=False),
        "verdicts": repo.verdict_history(engine, "campaign", case["cluster_id"], case["run_id"]),
        "notes": repo.notes_for(engine, "campaign", case["cluster_id"], case["run_id"]),
    }


def evidence_pack(
    engine: Engine, case: dict[str, Any], exported_by: str, *, now: datetime | None = None
) -> tuple[bytes, dict[str, Any]]:
    """The ZIP bytes and manifest of `case` (a row of wb_cases); LookupError when its campaign
    is not in the store."""
    return build_evidence_pack(case, collect_case(engine, case), exported_by, now=now)
