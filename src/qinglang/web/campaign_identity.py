"""A campaign's stable key in the workbench: what verdicts, notes and cases are filed under.

Why: cluster ids are ranks within one scan run. A lead's confirmation of C00002 must stay with
that campaign after a rescan renumbers it, and must not appear on whatever is C00002 now
(issue 12, item 1). Each scan saves every cluster's campaign key with its lineage
(store/lineage.assign_keys): a campaign that continues keeps its key, a merge keeps the oldest
key and absorbs the others. Verdicts, notes and cases carry the key they were given under, and
a campaign shows those of its own key and of every key merged into it.

Rows written before keys existed (no key) are matched the old way: by run and cluster id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from qinglang.web import db


@dataclass(frozen=True)
class Identity:
    run_id: str
    cluster_id: str
    key: str | None = None
    absorbed: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """Keys whose verdicts, notes and cases belong to this campaign (its own first)."""
        return (self.key, *self.absorbed) if self.key else ()


def identities(engine: Engine, run_id: str, cluster_ids: list[str] | None = None) -> dict[str, Identity]:
    """cluster id -> its identity, for the clusters of one run (all, or those listed)."""
    query = "SELECT cluster_id, campaign_key, absorbed_keys FROM cluster_lineage WHERE run_id = :r"
    params: dict[str, Any] = {"r": run_id}
    stmt = sa.text(query)
    if cluster_ids is not None:
        stmt = sa.text(query + " AND cluster_id IN :ids").bindparams(sa.bindparam("ids", expanding=True))
        params["ids"] = list(cluster_ids) or [""]
    with engine.connect() as conn:
        rows = conn.execute(stmt, params).mappings().all()
    return {
        r["cluster_id"]: Identity(
            run_id, r["cluster_id"], r["campaign_key"], tuple(db.jload(r["absorbed_keys"], []) or [])
        )
        for r in rows
    }


def identity(engine: Engine, run_id: str, cluster_id: str) -> Identity:
    return identities(engine, run_id, [cluster_id]).get(cluster_id) or Identity(run_id, cluster_id)


def key_of(engine: Engine, run_id: str | None, cluster_id: str) -> str | None:
    return identity(engine, run_id, cluster_id).key if run_id else None


def belongs(
    table: sa.Table,
    ident: Identity,
    *,
    legacy_run_column: str = "run_id",
    legacy_id_column: str = "target_id",
) -> Any:
    """SQL condition: a row of `table` (verdicts, notes, cases) belongs to this campaign."""
    legacy = sa.and_(
        table.c.campaign_key.is_(None),
        table.c[legacy_id_column] == ident.cluster_id,
        table.c[legacy_run_column] == ident.run_id,
    )
    if not ident.keys:
        return legacy
    return sa.or_(table.c.campaign_key.in_(ident.keys), legacy)


def row_belongs(row: dict[str, Any], ident: Identity, *, id_column: str = "target_id") -> bool:
    """The same rule as `belongs`, on a row already read."""
    if row.get("campaign_key"):
        return row["campaign_key"] in ident.keys
    return row.get(id_column) == ident.cluster_id and row.get("run_id") == ident.run_id


def where_now(engine: Engine, key: str | None) -> dict[str, Any] | None:
    """The newest run's cluster carrying `key` (or having absorbed it): where a case's campaign
    is in the latest scan — {run_id, cluster_id, campaign_key} — or None."""
    if not key:
        return None
    run_id = db.latest_run_id(engine)
    if run_id is None:
        return None
    with engine.connect() as conn:
        exact = conn.execute(
            sa.text("SELECT cluster_id FROM cluster_lineage WHERE run_id = :r AND campaign_key = :k"),
            {"r": run_id, "k": key},
        ).first()
        if exact is not None:
            return {"run_id": run_id, "cluster_id": exact.cluster_id, "campaign_key": key}
        rows = conn.execute(
            sa.text(
                "SELECT cluster_id, campaign_key, absorbed_keys FROM cluster_lineage"
                " WHERE run_id = :r AND absorbed_keys IS NOT NULL"
            ),
            {"r": run_id},
        ).mappings()
        for r in rows:
            if key in (db.jload(r["absorbed_keys"], []) or []):
                return {
                    "run_id": run_id,
                    "cluster_id": r["cluster_id"],
                    "campaign_key": r["campaign_key"],
                }
    return None
