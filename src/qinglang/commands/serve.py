"""`qinglang serve`: run the analyst workbench and JSON API (FastAPI + uvicorn) over the store."""

from __future__ import annotations

import typer


def command(
    db: str = typer.Option(
        None, "--db", help="数据库 URL / store URL (default: QINGLANG_DB_URL or ./qinglang-data)"
    ),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 / address to bind"),
    port: int = typer.Option(8000, "--port", help="端口 / port"),
    create_user: str = typer.Option(
        None, "--create-user", help="创建或重置用户后退出 / create or reset a user, then exit"
    ),
    role: str = typer.Option(
        "analyst", "--role", help="analyst | lead | auditor | police (with --create-user)"
    ),
    unit: str = typer.Option(
        None, "--unit", help="公安用户所属单位 / a police user's unit (with --role police)"
    ),
    password: str = typer.Option(
        None,
        "--password",
        help="新用户密码（缺省时交互输入）/ password for --create-user (prompted if absent)",
    ),
    no_online: bool = typer.Option(
        False, "--no-online", help="不加载在线评分索引 / do not load the online index"
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        min=1,
        max=32,
        help="工作进程数（每个进程各载一份在线索引）/ worker processes, each with its own online index",
    ),
) -> None:
    """Run the workbench (`--create-user NAME --role lead` adds a user instead)."""
    from qinglang.config import default_db_url

    url = db or default_db_url()
    if create_user:
        from qinglang.web.auth import ROLES
        from qinglang.web.auth import create_user as make_user
        from qinglang.web.db import ensure_schema, open_engine

        if role not in ROLES:
            raise typer.BadParameter(f"--role must be one of {', '.join(ROLES)}")
        pw = password or typer.prompt("password", hide_input=True, confirmation_prompt=True)
        engine = open_engine(url)
        ensure_schema(engine)
        try:
            make_user(engine, create_user, pw, role, unit)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
        typer.echo(f"user {create_user} ({role}) saved in {url}")
        return

    import uvicorn

    from qinglang.web.app import create_app

    if workers > 1:
        # one app per process: scoring in one worker does not wait for another's (the score lock
        # is per process); the schema and demo users are made here once, before the workers start
        import os

        from qinglang.web.app import seed_demo_users
        from qinglang.web.db import ensure_schema, open_engine

        engine = open_engine(url)
        ensure_schema(engine)
        seed_demo_users(engine)
        engine.dispose()
        os.environ.update(QINGLANG_SERVE_DB=url, QINGLANG_SERVE_ONLINE="0" if no_online else "1")
        typer.echo(f"清朗 workbench: http://{host}:{port}/  ({workers} workers)  store: {url}")
        uvicorn.run(
            "qinglang.web.app:create_app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
        )
        return

    app = create_app(url, online=not no_online)
    state = app.state.wb
    typer.echo(f"清朗 workbench: http://{host}:{port}/  (API docs: /docs)  store: {url}")
    if state.index is None:
        typer.echo(f"online scoring: not available — {state.index_error}")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
