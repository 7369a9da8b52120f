"""Scan results in the store: written by the scan, read by the web workbench and reports.

A scan run is saved whole in one transaction (saving the same run_id again replaces it), so a
reader never sees half a run. Cluster fields beyond the columns below (added to the Cluster
model later) survive in the `extra` JSON column and come back on load.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, desc, func, insert, inspect, select, text

from qinglang.config import DEFAULT_TZ
from qinglang.schema import Cluster, Reason, ScoredComplaint
from qinglang.score import reason_summary
from qinglang.scored import complaint_ids, json_records
from qinglang.store import models as m
from qinglang.store import sightings
from qinglang.store.lineage import CampaignKey, ClusterView, assign_keys, key_number, link
from qinglang.store.store import Store

_CLUSTER_COLUMNS = {
    "cluster_id",
    "size",
    "score",
    "first_seen",
    "last_seen",
    "template",
    "complaint_ids",
    "indicators",
    "organizers",
}
_BATCH = 5000
REASON_SUMMARY_CODES = (
    8  # reason codes kept per cluster in extra.reason_summary (the page shows 6, the pack 8)
)


@dataclass
class ScanResult:
    run_id: str
    created_at: datetime
    params: dict[str, Any]
    summary: dict[str, Any]
    scored: list[ScoredComplaint]
    clusters: list[Cluster]


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=ZoneInfo(DEFAULT_TZ))


def save_scan(
    store: Store,
    run_id: str,
    params: Mapping[str, Any],
    summary: Mapping[str, Any],
    scored: Sequence[ScoredComplaint],
    clusters: Sequence[Cluster],
    *,
    created_at: datetime | None = None,
    artifacts: Mapping[str, bytes] | None = None,
    features: Sequence[sightings.FeatureLike] | None = None,
) -> None:
    """Save one scan run (replacing any earlier run with the same run_id) atomically, with the
    artifacts later commands need (name -> bytes, e.g. the online index) and the indicator index
    (store/sightings.py; built from the scan's per-complaint `features` when given)."""
    created = _aware(created_at) if created_at else datetime.now(UTC)
    # members' reasons, for each cluster's summary of them (a 68k-member campaign's page once
    # parsed every member's reasons to show six lines); the scored rows themselves are written
    # in batches as they are read, never held all at once
    members = {i for c in clusters for i in c.complaint_ids}
    reasons_of: dict[str, list[dict[str, Any]]] = {}

    def scored_batches() -> Iterator[list[dict[str, Any]]]:
        batch: list[dict[str, Any]] = []
        for rec in json_records(scored):
            cid = str(rec["complaint_id"])
            if cid in members:
                reasons_of[cid] = rec["reasons"]
            batch.append(
                {
                    "run_id": run_id,
                    "complaint_id": cid,
                    "score": float(rec["score"]),
                    "flagged": bool(rec["flagged"]),
                    "cluster_id": rec["cluster_id"],
                    "reasons": rec["reasons"],
                }
            )
            if len(batch) >= _BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    def cluster_rows() -> list[dict[str, Any]]:
        rows = []
        for c in clusters:
            data = c.model_dump(mode="json")
            data["reason_summary"] = reason_summary(
                (reasons_of.get(i, []) for i in c.complaint_ids), REASON_SUMMARY_CODES
            )
            rows.append(
                {
                    "run_id": run_id,
                    "cluster_id": c.cluster_id,
                    "size": int(c.size),
                    "score": float(c.score),
                    "first_seen": _aware(c.first_seen),
                    "last_seen": _aware(c.last_seen),
                    "template": c.template,
                    "complaint_ids": list(c.complaint_ids),
                    "indicators": data["indicators"],
                    "organizers": data["organizers"],
                    # fields added to Cluster later; unset ones (None) are left out: the model's default
                    "extra": {k: v for k, v in data.items() if k not in _CLUSTER_COLUMNS and v is not None},
                }
            )
        return rows

    lineage_rows = _lineage_rows(store, run_id, created, clusters)
    with store.engine.connect() as conn:
        index_plan = sightings.plan(conn, complaint_ids(scored), clusters, features)
    with store.engine.begin() as conn:
        sightings.write(conn, run_id, index_plan)
        for table in (m.clusters, m.scored_complaints, m.scan_artifacts, m.scan_runs, m.cluster_lineage):
            conn.execute(delete(table).where(table.c.run_id == run_id))
        if lineage_rows:
            conn.execute(insert(m.cluster_lineage), lineage_rows)
        conn.execute(
            insert(m.scan_runs),
            [{"run_id": run_id, "created_at": created, "params": dict(params), "summary": dict(summary)}],
        )
        for batch in scored_batches():
            conn.execute(insert(m.scored_complaints), batch)
        rows = cluster_rows()  # after the scored rows: it reads the members' reasons they carried
        for i in range(0, len(rows), _BATCH):
            conn.execute(insert(m.clusters), rows[i : i + _BATCH])
        for name, blob in (artifacts or {}).items():
            conn.execute(
                insert(m.scan_artifacts),
                [
                    {
                        "run_id": run_id,
                        "name": name,
                        "size": len(blob),
                        "sha256": hashlib.sha256(blob).hexdigest(),
                        "content": blob,
                    }
                ],
            )
    refresh_statistics(store)


# Tables the workbench reads with joins whose plans depend on their statistics.
_ANALYZED = (
    "complaints",
    "customers",
    "posts",
    "scored_complaints",
    "clusters",
    "cluster_lineage",
    "indicator_sightings",
)


def refresh_statistics(store: Store) -> None:
    """PostgreSQL plans from table statistics, and a million rows written in one go are not in
    them until autovacuum gets round to it: the workbench's search then scanned every complaint
    (1.5-3.4 s a search at 1M complaints; 0.02-0.2 s after ANALYZE, which took 2.4 s). So a saved
    scan analyses what it wrote. SQLite plans without statistics: nothing to do."""
    if store.engine.dialect.name != "postgresql":
        return
    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        present = set(inspect(conn).get_table_names())
        for name in _ANALYZED:
            if name in present:
                conn.execute(text(f"ANALYZE {name}"))


def _lineage_rows(
    store: Store, run_id: str, created: datetime, clusters: Sequence[Cluster]
) -> list[dict[str, Any]]:
    """Each new cluster's link to the run saved just before this one (store/lineage.py)."""
    with store.engine.connect() as conn:
        prev = conn.execute(
            select(m.scan_runs.c.run_id)
            .where(m.scan_runs.c.created_at < created, m.scan_runs.c.run_id != run_id)
            .order_by(m.scan_runs.c.created_at.desc())
            .limit(1)
        ).first()
        previous_rows = (
            conn.execute(
                select(m.clusters.c.cluster_id, m.clusters.c.complaint_ids, m.clusters.c.indicators).where(
                    m.clusters.c.run_id == prev.run_id
                )
            ).all()
            if prev is not None
            else []
        )
        previous_keys = (
            {
                r.cluster_id: CampaignKey(r.campaign_key, tuple(r.absorbed_keys or ()))
                for r in conn.execute(
                    select(
                        m.cluster_lineage.c.cluster_id,
                        m.cluster_lineage.c.campaign_key,
                        m.cluster_lineage.c.absorbed_keys,
                    ).where(
                        m.cluster_lineage.c.run_id == prev.run_id,
                        m.cluster_lineage.c.campaign_key.is_not(None),
                    )
                )
            }
            if prev is not None
            else {}
        )
        next_number = 1 + max(
            (
                key_number(k)
                for (k,) in conn.execute(
                    select(m.cluster_lineage.c.campaign_key)
                    .where(
                        m.cluster_lineage.c.campaign_key.is_not(None), m.cluster_lineage.c.run_id != run_id
                    )
                    .order_by(
                        func.length(m.cluster_lineage.c.campaign_key).desc(),
                        m.cluster_lineage.c.campaign_key.desc(),
                    )
                    .limit(1)
                )
            ),
            default=0,
        )

    def keys(items: Any) -> frozenset[tuple[str, str]]:
        return frozenset(
            (str(i["kind"]), str(i["value"])) for i in items or [] if "kind" in i and "value" in i
        )

    previous = [
        ClusterView(r.cluster_id, frozenset(r.complaint_ids or []), keys(r.indicators)) for r in previous_rows
    ]
    new = [
        ClusterView(c.cluster_id, frozenset(c.complaint_ids), keys(c.model_dump(mode="json")["indicators"]))
        for c in clusters
    ]
    lineages = link(previous, new)
    campaign_keys = assign_keys(lineages, previous_keys, next_number)
    return [
        {
            "run_id": run_id,
            "cluster_id": lin.cluster_id,
            "campaign_key": campaign_keys[lin.cluster_id].key,
            "absorbed_keys": list(campaign_keys[lin.cluster_id].absorbed),
            "previous_run_id": prev.run_id if prev is not None else None,
            "relation": lin.relation,
            "previous": lin.previous,
            "shared": lin.shared,
            "added": lin.added,
            "removed": lin.removed,
            "new_indicators": [list(k) for k in lin.new_indicators[:50]],
        }
        for lin in lineages.values()
    ]


def load_artifact(store: Store, run_id: str, name: str) -> bytes | None:
    """An artifact saved with a scan run, checked against its recorded sha256; None if absent."""
    with store.engine.connect() as conn:
        row = conn.execute(
            select(m.scan_artifacts).where(
                m.scan_artifacts.c.run_id == run_id, m.scan_artifacts.c.name == name
            )
        ).first()
    if row is None:
        return None
    blob = bytes(row.content)
    if hashlib.sha256(blob).hexdigest() != row.sha256:
        raise ValueError(f"scan {run_id} artifact {name} fails its sha256 check / 扫描产物校验失败")
    return blob


def _local(dt: datetime) -> datetime:
    return dt.astimezone(ZoneInfo(DEFAULT_TZ))


def load_scan(store: Store, run_id: str) -> ScanResult | None:
    """One saved scan run with its scored complaints (by complaint_id) and clusters (by score)."""
    with store.engine.connect() as conn:
        run = conn.execute(select(m.scan_runs).where(m.scan_runs.c.run_id == run_id)).first()
        if run is None:
            return None
        scored = [
            ScoredComplaint(
                complaint_id=r.complaint_id,
                score=r.score,
                flagged=r.flagged,
                cluster_id=r.cluster_id,
                reasons=[Reason(**x) for x in r.reasons or []],
            )
            for r in conn.execute(
                select(m.scored_complaints)
                .where(m.scored_complaints.c.run_id == run_id)
                .order_by(m.scored_complaints.c.complaint_id)
            )
        ]
        clusters = [
            Cluster(
                **(r.extra or {}),
                cluster_id=r.cluster_id,
                size=r.size,
                score=r.score,
                first_seen=_local(r.first_seen),
                last_seen=_local(r.last_seen),
                template=r.template,
                complaint_ids=list(r.complaint_ids),
                indicators=r.indicators or [],
                organizers=r.organizers or [],
            )
            for r in conn.execute(
                select(m.clusters)
                .where(m.clusters.c.run_id == run_id)
                .order_by(desc(m.clusters.c.score), m.clusters.c.cluster_id)
            )
        ]
    return ScanResult(
        run_id=run.run_id,
        created_at=_local(run.created_at),
        params=dict(run.params or {}),
        summary=dict(run.summary or {}),
        scored=scored,
        clusters=clusters,
    )


def list_scans(store: Store) -> list[tuple[str, datetime]]:
    """(run_id, created_at) of every saved scan, newest first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(m.scan_runs.c.run_id, m.scan_runs.c.created_at).order_by(
                desc(m.scan_runs.c.created_at), desc(m.scan_runs.c.run_id)
            )
        )
        return [(r.run_id, _local(r.created_at)) for r in rows]


def latest_scan(store: Store) -> ScanResult | None:
    """The most recently created scan run, or None when no scan was saved yet."""
    runs = list_scans(store)
    return load_scan(store, runs[0][0]) if runs else None
