"""`qinglang score`: score new complaints online against the last scan's index."""

from __future__ import annotations

import sys
from pathlib import Path

import typer


def command(
    scan: Path | None = typer.Option(None, "--scan", exists=True, file_okay=False,
                                     help="scan output dir holding the index / 扫描输出目录"),
    db: str | None = typer.Option(None, "--db", help="use the latest scan recorded in this store / 数据库"),
    complaint: str | None = typer.Option(None, "--complaint",
                                         help="one complaint as JSON; default: JSONL on stdin / 单条投诉 JSON"),
) -> None:
    from qinglang.ingest import Rejection, complaint_from_json, complaints_from_jsonl
    from qinglang.online import OnlineIndex, load_index

    if scan is None and db is None:
        typer.echo("需要 --scan 或 --db / give --scan DIR or --db URL", err=True)
        raise typer.Exit(2)
    index = OnlineIndex.load(scan) if scan is not None else load_index(db)
    # validated exactly like a line of `qinglang ingest` (same aliases, zones, reason codes)
    if complaint is not None:
        items = [(1, complaint_from_json(complaint))]
    else:
        items = complaints_from_jsonl(sys.stdin.buffer.read())  # n = physical line number
    bad = 0
    for n, c in items:
        if isinstance(c, Rejection):
            bad += 1
            typer.echo(f"第 {n} 行无效 / line {n} rejected: [{c.code}] {c.reason}", err=True)
            continue
        typer.echo(index.score(c).model_dump_json())
    if bad:
        raise typer.Exit(1)
