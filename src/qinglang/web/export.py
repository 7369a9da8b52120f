"""A case's campaign read out of the workbench's store and packed as evidence (qinglang.evidence).

WHY here and not in qinglang.evidence: the pack (files, manifest, hashes, verification) is below
the workbench and knows nothing of its tables; the workbench gathers what the pack shows and hands
it down, so the imports run one way (web -> evidence). Unmasked: only a lead may export.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.evidence import build_evidence_pack
from qinglang.evidence.integrity import SealConfig
from qinglang.store import models
from qinglang.web import actions, db, repo, views

# How the workbench seals packs: the lender's Ed25519 key file and the TSA it uses (unset: a
# one-off key and no timestamp, which the pack's seal says). `qinglang pack` takes them as options.
ENV_SIGN_KEY = "QINGLANG_PACK_SIGN_KEY"
ENV_TSA_URL = "QINGLANG_TSA_URL"
ENV_TSA_CERT = "QINGLANG_TSA_CERT"
ENV_LENDER = "QINGLANG_LENDER_NAME"


def seal_from_env() -> SealConfig:
    key, cert = os.environ.get(ENV_SIGN_KEY), os.environ.get(ENV_TSA_CERT)
    return SealConfig(
        sign_key=Path(key) if key else None,
        signer=os.environ.get(ENV_LENDER) or SealConfig.signer,
        tsa_url=os.environ.get(ENV_TSA_URL) or None,
        tsa_cert=Path(cert) if cert else None,
    )


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
        "provenance": provenance_records(engine, run, case, members),
        "amounts": amounts(engine, members),
    }


def amounts(engine: Engine, members: list[dict[str, Any]]) -> dict[str, Any]:
    """The principal the members' customers owe (customers.principal; the referral letter's amount)."""
    ids = sorted({str(m["customer_id"]) for m in members if m.get("customer_id")})
    c = models.customers.c
    values: list[float] = []
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            rows = conn.execute(sa.select(c.principal).where(c.customer_id.in_(ids[i : i + 500])))
            values += [float(r[0]) for r in rows if r[0] is not None]
    return {"principal_total": round(sum(values), 2) if values else None, "with_principal": len(values)}


def provenance_records(
    engine: Engine, run: dict[str, Any], case: dict[str, Any], members: list[dict[str, Any]]
) -> dict[str, Any]:
    """What the store records of how the campaign's evidence came to be (qinglang.evidence.
    provenance): the ingest runs of the members' source files (every run before the scan when
    the members have none recorded) and the audit entries about the campaign and its case."""
    sources = sorted({str(m["source_file"]) for m in members if m.get("source_file")})
    with engine.connect() as conn:
        q = sa.select(models.ingest_runs).order_by(models.ingest_runs.c.id)
        if sources:
            q = q.where(models.ingest_runs.c.source_file.in_(sources))
        elif run.get("created_at") is not None:
            q = q.where(models.ingest_runs.c.started_at <= run["created_at"])
        ingest_runs = [dict(r) for r in conn.execute(q).mappings()]
        a = db.audit_log.c
        audit = [
            dict(r)
            for r in conn.execute(
                sa.select(a.at, a.username, a.role, a.action, a.target_kind, a.target_id, a.entry_hash)
                .where(
                    sa.or_(
                        sa.and_(a.target_kind == "campaign", a.target_id == case["cluster_id"]),
                        sa.and_(a.target_kind == "case", a.target_id == case["case_id"]),
                    )
                )
                .order_by(a.id)
            ).mappings()
        ]
    return {"ingest_runs": ingest_runs, "audit": audit}


def evidence_pack(
    engine: Engine,
    case: dict[str, Any],
    exported_by: str,
    *,
    now: datetime | None = None,
    seal: SealConfig | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The ZIP bytes and manifest of `case` (a row of wb_cases); LookupError when its campaign
    is not in the store. `seal` defaults to the environment's (seal_from_env)."""
    return build_evidence_pack(
        case, collect_case(engine, case), exported_by, now=now, seal=seal or seal_from_env()
    )


def campaign_case(engine: Engine, cluster_id: str, run_id: str | None = None) -> dict[str, Any]:
    """The case to pack for a campaign of a scan (the latest by default): its case when one was
    opened, else a stand-in marked unconfirmed (`qinglang pack` packs any campaign)."""
    run = repo.get_run(engine, run_id)
    if run is None:
        raise LookupError("no scan run in the store")
    case = actions.case_for_cluster(engine, run["run_id"], cluster_id)
    if case is not None and case["run_id"] == run["run_id"] and case["cluster_id"] == cluster_id:
        return case
    return {
        "case_id": (case or {}).get("case_id") or f"CAMPAIGN-{cluster_id}",
        "run_id": run["run_id"],
        "cluster_id": cluster_id,
        "title": (case or {}).get("title") or f"campaign {cluster_id}",
        "status": (case or {}).get("status") or "no case (未立案)",
    }
