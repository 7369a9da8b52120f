"""`qinglang calls`: score borrowers on their collection call records and list shared numbers."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer


def command(
    calls: Path = typer.Option(
        ..., "--calls", exists=True, dir_okay=False, help="call records CSV/JSONL / 通话记录"
    ),
    customers: Path | None = typer.Option(
        None,
        "--customers",
        exists=True,
        dir_okay=False,
        help="customers CSV (overdue dates, names) / 客户文件",
    ),
    notes: Path | None = typer.Option(
        None,
        "--notes",
        exists=True,
        dir_okay=False,
        help="collectors' call notes JSONL {call_id,text} (default: notes.jsonl beside --calls) / 催收备注",
    ),
    lender_numbers: Path | None = typer.Option(
        None,
        "--lender-numbers",
        exists=True,
        dir_okay=False,
        help="the lender's own collector and official numbers, one a line (default: lender_numbers.txt "
        "beside --calls) / 本机构号码",
    ),
    recordings: Path | None = typer.Option(
        None,
        "--recordings",
        exists=True,
        file_okay=False,
        help="recordings folder: voices shared across borrowers / 录音目录",
    ),
    out: Path = typer.Option(..., "--out", file_okay=False, help="output dir / 输出目录"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON / 输出 JSON 摘要"),
) -> None:
    """Agencies answering collection calls for borrowers (呼叫转移代接), from call records."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from qinglang.calls.inputs import read_inputs
    from qinglang.calls.outputs import write_outputs
    from qinglang.calls.run import run_calls
    from qinglang.calls.voices import VoicesUnavailable, voice_groups_for
    from qinglang.ingest import write_quarantine

    con = Console(stderr=True)
    extra = None
    if recordings is not None:
        try:
            extra = voice_groups_for(recordings)
        except VoicesUnavailable as exc:
            con.print(f"[red]{exc}[/red]")
            raise typer.Exit(2) from None
    t0 = time.perf_counter()
    stages = {
        "read": "读取通话 reading calls",
        "view": "整理 borrowers",
        "signals": "信号 signals",
        "voices": "声纹 voices",
    }
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=con,
        disable=as_json or not con.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stages.get(stage, stage), total=max(total, 1))
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        inp = read_inputs(calls, customers, notes, lender_numbers, lambda d, t: progress("read", d, t))
        result = run_calls(inp.calls, inp.customers, inp.notes, inp.lender_numbers, extra, progress)
    out.mkdir(parents=True, exist_ok=True)
    if inp.quarantined:
        write_quarantine(inp.quarantined, out / "quarantine.jsonl")
    if not inp.summary.accepted:
        con.print("[red]没有可用的通话记录 / no valid call records[/red]")
        raise typer.Exit(2)
    paths = write_outputs(out, result)
    summary = result.summary() | {
        "read": inp.summary.read,
        "duplicates": inp.summary.duplicates,
        "quarantined": len(inp.quarantined),
        "notes": len(inp.notes),
        "seconds": round(time.perf_counter() - t0, 2),
        "out": str(out),
    }
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    con.print(
        f"[bold]通话分析完成 / calls done[/bold]: {summary['calls']} 条通话, {summary['borrowers']} 名借款人, "
        f"标记 flagged {summary['flagged']}, 共用号码 shared numbers {summary['flagged_groups']} 个被标记 / flagged "
        f"(排除 set aside {sum(summary['set_aside'].values())}), 隔离 quarantined {summary['quarantined']}, "
        f"{summary['seconds']} s"
    )
    for p in (*paths.values(), out / "quarantine.jsonl"):
        if p.exists():
            con.print(f"  {p}")
