"""`qinglang ingest`: load complaints, customers and posts into the store, quarantining bad rows.

Exit codes: 0 when the files were read (even with quarantined rows: a bad row never fails a
run), 2 for a missing input file or an unusable database URL.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer


def _quarantine_default(db_url: str) -> Path:
    """<dir of the SQLite file>/quarantine.jsonl, else <data dir>/quarantine.jsonl."""
    from sqlalchemy.engine import make_url

    from qinglang.config import get_settings

    try:
        url = make_url(db_url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return Path(url.database).expanduser().parent / "quarantine.jsonl"
    except Exception:
        pass
    return get_settings().data_dir / "quarantine.jsonl"


def _fail(message: str) -> None:
    typer.echo(f"错误 / error: {message}", err=True)
    raise typer.Exit(code=2)


def command(
    complaints: Path | None = typer.Option(None, "--complaints", help="投诉文件 JSONL/CSV / complaints file"),
    customers: Path | None = typer.Option(None, "--customers", help="客户文件 CSV/JSONL / customers file"),
    posts: Path | None = typer.Option(None, "--posts", help="帖子文件 JSONL/CSV / posts file"),
    db: str | None = typer.Option(
        None, "--db", help="数据库 URL（默认 SQLite）/ database URL (default: SQLite under ./qinglang-data)"
    ),
    quarantine: Path | None = typer.Option(
        None, "--quarantine", help="隔离文件路径 / quarantine JSONL path (default: next to the database)"
    ),
    as_json: bool = typer.Option(False, "--json", help="输出一个 JSON 对象 / print one JSON object"),
    batch_size: int = typer.Option(
        5000, "--batch-size", min=1, help="每批提交行数 / rows per committed batch"
    ),
) -> None:
    """Ingest input files into the store; every rejected row is written to quarantine.jsonl."""
    import json
    import sys

    from qinglang.config import default_db_url

    inputs = [
        (k, p)
        for k, p in (("complaints", complaints), ("customers", customers), ("posts", posts))
        if p is not None
    ]
    if not inputs:
        _fail("nothing to ingest: give --complaints, --customers and/or --posts / 未指定输入文件")
    for kind, p in inputs:
        if not p.is_file():
            _fail(f"{kind} file not found: {p} / 找不到文件")

    from qinglang.store import StoreError, open_store
    from qinglang.store.ingest_files import ingest_file

    db_url = db or default_db_url()
    try:
        store = open_store(db_url)
    except StoreError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot create the database directory: {exc}")
    # runs killed earlier (SIGKILL, power loss) are marked now; this run completes what they left
    interrupted = store.mark_interrupted_runs()
    q_path = quarantine or _quarantine_default(db_url)
    try:
        q_path.parent.mkdir(parents=True, exist_ok=True)
        q_file = open(q_path, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        store.close()
        _fail(f"cannot write quarantine file {q_path}: {exc}")

    from rich.console import Console

    err_console = Console(stderr=True)
    show_progress = not as_json and err_console.is_terminal
    summaries = []
    try:
        for kind, p in inputs:
            source = str(p.resolve())
            if show_progress:
                from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

                with Progress(
                    TextColumn(f"[bold]{kind}[/]"),
                    BarColumn(),
                    DownloadColumn(),
                    TimeRemainingColumn(),
                    console=err_console,
                    transient=True,
                ) as bar:
                    task = bar.add_task(kind, total=p.stat().st_size)
                    summary = ingest_file(
                        store,
                        source,
                        kind,
                        quarantine_out=q_file,
                        batch_size=batch_size,
                        progress=_bar_progress(bar, task),
                    )
            else:
                summary = ingest_file(store, source, kind, quarantine_out=q_file, batch_size=batch_size)
            summaries.append(summary)
    except OSError as exc:  # unreadable input, disk full: a clear message, not a traceback
        _fail(f"cannot read or write: {exc}")
    finally:
        q_file.close()
        store.close()

    totals: dict = {
        "read": 0,
        "accepted": 0,
        "duplicates": 0,
        "quarantined": 0,
        "inserted": 0,
        "by_reason": {},
    }
    for s in summaries:
        for k in ("read", "accepted", "duplicates", "quarantined", "inserted"):
            totals[k] += getattr(s, k)
        for code, n in s.by_reason.items():
            totals["by_reason"][code] = totals["by_reason"].get(code, 0) + n
    totals["quarantine_file"] = str(q_path) if totals["quarantined"] else None
    totals["interrupted_runs"] = interrupted  # ids of earlier runs found dead and marked interrupted
    totals["by_kind"] = {
        s.kind: s.model_dump(
            include={
                "source_file",
                "read",
                "accepted",
                "duplicates",
                "quarantined",
                "inserted",
                "by_reason",
                "encoding",
                "format",
            }
        )
        for s in summaries
    }
    if not totals["quarantined"]:
        q_path.unlink(missing_ok=True)  # the file exists only when a row was rejected
    if as_json:
        sys.stdout.write(json.dumps(totals, ensure_ascii=False) + "\n")
        return
    if interrupted:
        typer.echo(
            f"发现 {len(interrupted)} 次中断的导入，已标记为 interrupted（重新导入同一文件即可补齐）/ "
            f"{len(interrupted)} earlier ingest run(s) had been interrupted: marked so "
            "(ingesting the same file again completes it)",
            err=True,
        )
    _print_table(summaries, totals, q_path)


def _print_table(summaries: list, totals: dict, q_path: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from qinglang.ingest.reasons import REASON_CODES

    console = Console()
    table = Table(title="导入结果 / ingest summary")
    table.add_column("类型\nkind", no_wrap=True)
    table.add_column("编码\nencoding", no_wrap=True)
    numbers = ("read", "accepted", "duplicates", "quarantined", "inserted")
    widest = max(len(str(totals[k])) for k in numbers)
    for header in (
        "读取\nread",
        "接受\naccepted",
        "重复\nduplicates",
        "隔离\nquarantined",
        "新入库\ninserted",
    ):
        table.add_column(header, justify="right", min_width=widest)
    for s in summaries:
        table.add_row(s.kind, s.encoding or "-", *(str(getattr(s, k)) for k in numbers))
    if len(summaries) > 1:
        table.add_row("合计 total", "", *(str(totals[k]) for k in numbers))
    console.print(table)
    for s in summaries:
        console.print(f"  {s.kind}: {s.source_file}", overflow="fold")
    if not totals["quarantined"]:
        return
    reasons = Table(title="隔离原因 / quarantined by reason")
    reasons.add_column("类型\nkind")
    reasons.add_column("原因代码\nreason code")
    reasons.add_column("含义\nmeaning", overflow="fold")
    reasons.add_column("行数\nrows", justify="right", no_wrap=True)
    for s in summaries:
        for code, n in sorted(s.by_reason.items()):
            zh, en = REASON_CODES.get(code, ("", ""))
            reasons.add_row(s.kind, code, f"{zh} / {en}", str(n))
    console.print(reasons)
    console.print(f"隔离行已写入 / quarantined rows written to: {q_path}")


def _bar_progress(bar: Any, task: Any) -> Callable[[Any], None]:
    """A progress callback moving one rich task to the bytes read so far."""

    def progress(stats: Any) -> None:
        bar.update(task, completed=stats.bytes_read)

    return progress
