"""The referral tables (revision 0012_referrals), declared on the workbench's metadata.

Why a module of their own: a referral to police is one feature (issue 14 items 3-4) with its own
state machine (web/referrals.py); `qinglang.web.db` imports this module so `ensure_schema` and the
migration test (which compares the migrated database with `db.metadata`) see the tables.

- `wb_referrals`: one per (case, referral): the unit it went to, its state (referred, received,
  filed, declined, more_material, closed), who referred it and the pack it referred (the SHA-256 of
  the exported pack's bytes, and its Merkle root when the pack carries one).
- `wb_referral_events`: every state change with who (user and role), when, the note, and for a
  signing (已签收) the receipt: the police user's Ed25519 signature over the pack's root.
- `wb_police_keys`: each police user's Ed25519 key pair (made on the first signing).
The user's unit is a column of wb_users (db.users).
"""

from __future__ import annotations

import sqlalchemy as sa

from qinglang.web.metadata import metadata

referrals = sa.Table(
    "wb_referrals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("case_id", sa.String(32), nullable=False),
    sa.Column("unit", sa.String(128), nullable=False),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("referred_by", sa.String(64), nullable=False),
    sa.Column("referred_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("pack_sha256", sa.String(64)),
    sa.Column("merkle_root", sa.String(128)),
    sa.Index("ix_wb_referrals_case", "case_id"),
    sa.Index("ix_wb_referrals_unit_state", "unit", "state"),
)

referral_events = sa.Table(
    "wb_referral_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("referral_id", sa.Integer, nullable=False),
    sa.Column("case_id", sa.String(32), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("from_state", sa.String(16)),
    sa.Column("to_state", sa.String(16), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("receipt", sa.JSON),
    sa.Index("ix_wb_referral_events_referral", "referral_id"),
)

police_keys = sa.Table(
    "wb_police_keys",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("private_key", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
