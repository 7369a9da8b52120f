"""Alembic revision 0012_referrals on SQLite and PostgreSQL: upgrading to head creates exactly the
referral tables and wb_users.unit as qinglang.web declares them; downgrading to 0011 removes them
and keeps the users; upgrading again brings them back."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from wb_db import store_url

from qinglang.store import open_store
from qinglang.web import db

OURS = {"wb_referrals", "wb_referral_events", "wb_police_keys", "wb_users"}


def _ours(obj, name, type_, reflected, compare_to):
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in OURS


def _cfg(conn: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "qinglang.store:migrations")
    cfg.attributes["connection"] = conn
    return cfg


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_0012_upgrade_downgrade_upgrade(kind: str, tmp_path) -> None:
    with store_url(kind, tmp_path, "wbrefmig") as url:
        store = open_store(url)
        engine = store.engine
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _ours})
            assert compare_metadata(ctx, db.metadata) == []
            assert (
                conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0012_referrals"
            )
        with engine.begin() as conn:
            conn.execute(
                sa.insert(db.users).values(
                    username="p1",
                    password_hash="x",
                    role="police",
                    created_at=sa.func.now(),
                    unit="某市公安局",
                )
            )
        with engine.begin() as conn:
            command.downgrade(_cfg(conn), "0011_watch_alerts")
        insp = sa.inspect(engine)
        names = set(insp.get_table_names())
        assert not names & {"wb_referrals", "wb_referral_events", "wb_police_keys"}
        assert "unit" not in {c["name"] for c in insp.get_columns("wb_users")}
        with engine.connect() as conn:
            assert (
                conn.execute(sa.text("SELECT role FROM wb_users WHERE username = 'p1'")).scalar() == "police"
            )
        with engine.begin() as conn:
            command.upgrade(_cfg(conn), "head")
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _ours})
            assert compare_metadata(ctx, db.metadata) == []
        store.close()
        engine.dispose()
