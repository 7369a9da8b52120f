"""`qinglang score`: score new complaints online against the last scan's index."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from qinglang.schema import Complaint


def command(
    scan: Path | None = typer.Option(
        None, "--scan", exists=True, file_okay=False, help="scan output dir holding the index / 扫描输出目录"
    ),
    db: str | None = typer.Option(None, "--db", help="use the latest scan recorded in this store / 数据库"),
    complaint: str | None = typer.Option(
        None, "--complaint", help="one complaint as JSON; default: JSONL on stdin / 单条投诉 JSON"
    ),
    config_file: Path | None = typer.Option(
        None,
        "--config",
        exists=True,
        dir_okay=False,
        help="require the index to be built with this detection config (default: the index's own) / 检测配置文件",
    ),
) -> None:
    from qinglang.detection_config import ConfigError, load_config
    from qinglang.ingest import Rejection, complaint_from_json, complaints_from_jsonl
    from qinglang.online import OnlineIndex, StaleIndexError, load_index

    if scan is None and db is None:
        typer.echo("需要 --scan 或 --db / give --scan DIR or --db URL", err=True)
        raise typer.Exit(2)
    try:
        # the index carries the DetectionConfig of its scan; --config (or $QINGLANG_CONFIG) makes
        # sure that is the config the caller means, and a stale index is refused, never used
        expect = (
            load_config(config_file) if config_file is not None or os.environ.get("QINGLANG_CONFIG") else None
        )
        if scan is not None:
            index = OnlineIndex.load(scan, expect=expect)
        else:
            assert db is not None  # checked above: --scan or --db
            index = load_index(db, expect=expect)
    except (ConfigError, StaleIndexError, LookupError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    # validated exactly like a line of `qinglang ingest` (same aliases, zones, reason codes)
    items: Iterable[tuple[int, Complaint | Rejection]]
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
