"""`qinglang score`: score new complaints online against the last scan's index."""

from __future__ import annotations

import json
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
    from pydantic import ValidationError

    from qinglang.ingest import parse_timestamp
    from qinglang.online import OnlineIndex, load_index
    from qinglang.schema import Complaint

    if scan is None and db is None:
        typer.echo("需要 --scan 或 --db / give --scan DIR or --db URL", err=True)
        raise typer.Exit(2)
    index = OnlineIndex.load(scan) if scan is not None else load_index(db)
    lines = [complaint] if complaint is not None else [ln for ln in sys.stdin if ln.strip()]
    bad = 0
    for n, line in enumerate(lines, start=1):
        try:
            data = json.loads(line)
            if isinstance(data.get("received_at"), str):
                data["received_at"] = parse_timestamp(data["received_at"])
            c = Complaint.model_validate(data)
        except (ValueError, ValidationError) as exc:
            bad += 1
            typer.echo(f"第 {n} 行无效 / line {n} rejected: {str(exc).splitlines()[0]}", err=True)
            continue
        typer.echo(index.score(c).model_dump_json())
    if bad:
        raise typer.Exit(1)
