"""Stable campaign keys: a campaign keeps its key across scans; verdicts, notes and cases follow it.

Revision ID: 0008_campaign_key
Revises: 0007_cluster_lineage
Create Date: 2026-11-30

Cluster ids are ranks within one run (C00001 = the highest score this time). Verdicts, notes and
cases were keyed by them, so after a rescan a lead's confirmation could sit on another campaign
(issue 12, item 1). Each lineage row now carries the campaign's stable key ("G000042") and the
keys merged into it; the workbench's verdicts, notes and cases carry the key they were given
under. Existing rows are backfilled: lineage in run order with the rule of store/lineage.py
(frozen here: continued/merged keep the oldest previous key, split/new take the next number),
verdicts and cases by their run and cluster, notes by the run that was newest when written.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0008_campaign_key"
down_revision = "0007_cluster_lineage"
branch_labels = None
depends_on = None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return json.loads(value) if value else []
    return list(value)


def _backfill_lineage(bind: sa.Connection) -> dict[tuple[str, str], str]:
    lineage = sa.table(
        "cluster_lineage",
        sa.column("run_id"),
        sa.column("cluster_id"),
        sa.column("previous_run_id"),
        sa.column("relation"),
        sa.column("previous"),
        sa.column("campaign_key"),
        sa.column("absorbed_keys", JSON),
    )
    runs = sa.table("scan_runs", sa.column("run_id"), sa.column("created_at"))
    order = [
        r.run_id for r in bind.execute(sa.select(runs.c.run_id).order_by(runs.c.created_at, runs.c.run_id))
    ]
    keys: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
    number = 0
    for run_id in order:
        rows = bind.execute(
            sa.select(lineage.c.cluster_id, lineage.c.previous_run_id, lineage.c.relation, lineage.c.previous)
            .where(lineage.c.run_id == run_id)
            .order_by(lineage.c.cluster_id)
        ).all()
        for r in rows:
            before = [
                keys[(r.previous_run_id, p)] for p in _list(r.previous) if (r.previous_run_id, p) in keys
            ]
            if r.relation in ("continued", "merged") and before:
                keep = min(before, key=lambda k: k[0])
                absorbed = tuple(sorted({a for k in before for a in (k[0], *k[1])} - {keep[0]}))
                value = (keep[0], absorbed)
            else:
                number += 1
                value = (f"G{number:06d}", ())
            keys[(run_id, r.cluster_id)] = value
            bind.execute(
                lineage.update()
                .where(lineage.c.run_id == run_id, lineage.c.cluster_id == r.cluster_id)
                .values(campaign_key=value[0], absorbed_keys=list(value[1]))
            )
    return {k: v[0] for k, v in keys.items()}


def _backfill_workbench(bind: sa.Connection, keys: dict[tuple[str, str], str]) -> None:
    verdicts = sa.table(
        "wb_verdicts",
        sa.column("id"),
        sa.column("target_kind"),
        sa.column("target_id"),
        sa.column("run_id"),
        sa.column("campaign_key"),
    )
    for r in bind.execute(
        sa.select(verdicts.c.id, verdicts.c.target_id, verdicts.c.run_id).where(
            verdicts.c.target_kind == "campaign"
        )
    ).all():
        if (key := keys.get((r.run_id, r.target_id))) is not None:
            bind.execute(verdicts.update().where(verdicts.c.id == r.id).values(campaign_key=key))
    cases = sa.table(
        "wb_cases",
        sa.column("case_id"),
        sa.column("run_id"),
        sa.column("cluster_id"),
        sa.column("campaign_key"),
    )
    for r in bind.execute(sa.select(cases.c.case_id, cases.c.run_id, cases.c.cluster_id)).all():
        if (key := keys.get((r.run_id, r.cluster_id))) is not None:
            bind.execute(cases.update().where(cases.c.case_id == r.case_id).values(campaign_key=key))
    runs = sa.table("scan_runs", sa.column("run_id"), sa.column("created_at"))
    notes = sa.table(
        "wb_notes",
        sa.column("id"),
        sa.column("at"),
        sa.column("target_kind"),
        sa.column("target_id"),
        sa.column("run_id"),
        sa.column("campaign_key"),
    )
    for r in bind.execute(
        sa.select(notes.c.id, notes.c.at, notes.c.target_id).where(notes.c.target_kind == "campaign")
    ).all():
        run = bind.execute(
            sa.select(runs.c.run_id)
            .where(runs.c.created_at <= r.at)
            .order_by(runs.c.created_at.desc())
            .limit(1)
        ).first()
        if run is not None:
            bind.execute(
                notes.update()
                .where(notes.c.id == r.id)
                .values(run_id=run.run_id, campaign_key=keys.get((run.run_id, r.target_id)))
            )


def upgrade() -> None:
    op.add_column("cluster_lineage", sa.Column("campaign_key", sa.String(16), nullable=True))
    op.add_column("cluster_lineage", sa.Column("absorbed_keys", JSON, nullable=True))
    op.create_index(op.f("ix_cluster_lineage_campaign_key"), "cluster_lineage", ["campaign_key"])
    op.add_column("wb_verdicts", sa.Column("campaign_key", sa.String(16), nullable=True))
    op.create_index("ix_wb_verdicts_campaign_key", "wb_verdicts", ["campaign_key"])
    op.add_column("wb_notes", sa.Column("run_id", sa.String(128), nullable=True))
    op.add_column("wb_notes", sa.Column("campaign_key", sa.String(16), nullable=True))
    op.create_index("ix_wb_notes_campaign_key", "wb_notes", ["campaign_key"])
    op.add_column("wb_cases", sa.Column("campaign_key", sa.String(16), nullable=True))
    op.create_index("ix_wb_cases_campaign_key", "wb_cases", ["campaign_key"])
    bind = op.get_bind()
    _backfill_workbench(bind, _backfill_lineage(bind))


def downgrade() -> None:
    for table, index in (
        ("wb_cases", "ix_wb_cases_campaign_key"),
        ("wb_notes", "ix_wb_notes_campaign_key"),
        ("wb_verdicts", "ix_wb_verdicts_campaign_key"),
    ):
        op.drop_index(index, table_name=table)
    with op.batch_alter_table("wb_cases") as batch:
        batch.drop_column("campaign_key")
    with op.batch_alter_table("wb_notes") as batch:
        batch.drop_column("campaign_key")
        batch.drop_column("run_id")
    with op.batch_alter_table("wb_verdicts") as batch:
        batch.drop_column("campaign_key")
    op.drop_index(op.f("ix_cluster_lineage_campaign_key"), table_name="cluster_lineage")
    with op.batch_alter_table("cluster_lineage") as batch:
        batch.drop_column("absorbed_keys")
        batch.drop_column("campaign_key")
