"""The watch-list and alert tables (revision 0011_watch_alerts), declared on the workbench's metadata.

Why a module of their own: watches and alerts are one feature (issue 12 item 2) with their own
rules; `qinglang.web.db` imports this module so `ensure_schema` (and the migration test, which
compares the migrated database with `db.metadata`) see the tables.

- `wb_watches`: who watches what. `kind` is "campaign" (value = the stable campaign key,
  "G000123") or an indicator family of the indicator index (phone, wechat, qq, licence, uscc,
  device, ip_block, ...; value = the normalised value as the lender stores it, `value_key` = its
  keyed hash in the index, store/sightings.py). Removing a watch sets `removed_at` (its alerts
  keep pointing at it); watching the same thing again brings it back.
- `wb_alerts`: one per (watch, origin) — origin a scan run ("run", run_id) or an online-scored
  complaint ("submission", the submission's id) — so checking the same run twice raises nothing
  twice (the unique constraint decides, even for two checkers at once). `changes` holds what
  changed with raw values; every reader masks them per role. `webhook_status`/`webhook_error`
  record the optional webhook's delivery.
"""

from __future__ import annotations

import sqlalchemy as sa

from qinglang.web.metadata import metadata

watches = sa.Table(
    "wb_watches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(24), nullable=False),  # campaign | an indicator family
    sa.Column("value", sa.String(256), nullable=False),  # campaign key, or the normalised value
    sa.Column("value_key", sa.String(32)),  # keyed hash of an indicator (store/sightings.value_key)
    sa.Column("note", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("removed_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("username", "kind", "value", name="uq_wb_watches_who_what"),
    sa.Index("ix_wb_watches_kind_value", "kind", "value"),
)

alerts = sa.Table(
    "wb_alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("watch_id", sa.Integer, nullable=False),
    sa.Column("username", sa.String(64), nullable=False),  # the watch's owner: whose header counts it
    sa.Column("origin_kind", sa.String(16), nullable=False),  # run | submission
    sa.Column("origin_id", sa.String(128), nullable=False),
    sa.Column("run_id", sa.String(64)),
    sa.Column("cluster_id", sa.String(64)),  # the campaign it concerns in that run, if any
    sa.Column("complaint_id", sa.String(128)),  # the online-scored complaint, if any
    sa.Column("changes", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("read_at", sa.DateTime(timezone=True)),
    sa.Column("read_by", sa.String(64)),
    sa.Column("webhook_status", sa.String(16)),  # sent | failed | None (no webhook configured)
    sa.Column("webhook_error", sa.Text),
    sa.UniqueConstraint("watch_id", "origin_kind", "origin_id", name="uq_wb_alerts_watch_origin"),
    sa.Index("ix_wb_alerts_user_read", "username", "read_at"),
)
