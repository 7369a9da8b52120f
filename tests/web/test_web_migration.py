"""Alembic revision 0002_workbench creates exactly the tables qinglang.web.db declares, with the
append-only trigger, and downgrades cleanly to 0001_initial."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from qinglang.store import open_store
from qinglang.web import db


def _ours(obj, name, type_, reflected, compare_to):
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return table is None or table.name in db.metadata.tables


def _heads() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", "qinglang.store:migrations")
    return tuple(ScriptDirectory.from_config(cfg).get_heads())


def test_migration_matches_the_workbench_tables(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'm.sqlite'}")
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _ours})
        assert compare_metadata(ctx, db.metadata) == []
        # at the head of the packaged history (later revisions build on 0002_workbench)
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() in _heads()
    with store.engine.begin() as conn:
        conn.execute(
            sa.insert(db.audit_log).values(
                at=sa.func.current_timestamp(), username="u", role="lead", action="probe"
            )
        )
    try:
        with store.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM wb_audit_log"))
        raise AssertionError("DELETE on the audit log must fail")
    except sa.exc.DBAPIError as exc:
        assert "append-only" in str(exc)
    cfg = Config()
    cfg.set_main_option("script_location", "qinglang.store:migrations")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001_initial")
    names = sa.inspect(store.engine).get_table_names()
    assert "complaints" in names and not [n for n in names if n.startswith("wb_")]
    store.close()
