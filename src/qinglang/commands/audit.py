"""`qinglang audit verify`: walk the workbench audit log's hash chain and report the first break.

Exit code 0: the chain is intact, the append-only triggers are in place and every --anchor
still holds; 1: something of that is not so (the first broken entry is named); 2: the log
cannot be checked (no database, no audit log, a log without the hash columns).
The database is only read: it is opened without migrations, so checking never rewrites it.
"""

from __future__ import annotations

from enum import StrEnum

import typer


class Action(StrEnum):
    verify = "verify"


def command(
    action: Action = typer.Argument(..., help="verify：校验哈希链 / check the hash chain"),
    db: str = typer.Option(
        None, "--db", help="数据库 URL / store URL (default: QINGLANG_DB_URL or ./qinglang-data)"
    ),
    anchor: list[str] = typer.Option(
        [],
        "--anchor",
        help="此前记下的链头 ID:HASH，可多次给出 / a head noted earlier, ID:HASH (repeatable); "
        "catches a rewrite that recomputed every hash, and truncation",
    ),
) -> None:
    """Check the audit log: every entry matches its hash and follows the one before it."""
    from pathlib import Path

    import sqlalchemy as sa

    from qinglang import auditchain
    from qinglang.config import default_db_url
    from qinglang.store import StoreError, open_store

    url = db or default_db_url()
    try:
        anchors = [auditchain.parse_anchor(a) for a in anchor]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--anchor") from None
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not parsed.database.startswith("file:"):
        if parsed.database != ":memory:" and not Path(parsed.database).expanduser().exists():
            typer.echo(f"数据库文件不存在 / no such database file: {parsed.database}", err=True)
            raise typer.Exit(2)
    try:
        store = open_store(url, migrate=False)
    except StoreError as exc:
        typer.echo(f"无法打开数据库 / cannot open the database: {exc}", err=True)
        raise typer.Exit(2) from None
    try:
        with store.engine.connect() as conn:
            inspector = sa.inspect(conn)
            if not inspector.has_table(auditchain.TABLE):
                typer.echo(f"没有审计日志表 / no audit log ({auditchain.TABLE}) in {url}", err=True)
                raise typer.Exit(2)
            if "entry_hash" not in {c["name"] for c in inspector.get_columns(auditchain.TABLE)}:
                typer.echo(
                    "审计日志尚无哈希链：请先升级数据库（qinglang serve 打开一次即可）"
                    " / the audit log has no hash chain yet: upgrade the store first "
                    "(opening it once with qinglang serve does)",
                    err=True,
                )
                raise typer.Exit(2)
            report = auditchain.verify(conn, anchors)
    except sa.exc.DBAPIError as exc:
        typer.echo(f"无法读取审计日志 / cannot read the audit log: {exc.orig}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()

    typer.echo(f"审计日志 / audit log: {report.entries} 条 / entries")
    typer.echo(f"链头 / head: #{report.head_id} {report.head_hash}")
    if report.broken:
        typer.echo(f"哈希链断裂 / chain broken at #{report.broken_id}: {report.broken}")
    else:
        typer.echo("哈希链完整 / chain intact")
    for name in report.triggers_missing:
        typer.echo(f"防篡改触发器缺失 / append-only trigger missing or disabled: {name}")
    for msg in report.anchors_failed:
        typer.echo(msg)
    if not report.ok:
        raise typer.Exit(1)
