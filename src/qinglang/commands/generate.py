"""`qinglang generate`: write a realistic demo lender (complaints, customers, posts, attachments, truth)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer


def command(
    out: Path = typer.Option(..., "--out", help="output folder / 输出目录"),
    complaints: int = typer.Option(
        None, "--complaints", "-n", help="number of complaints / 投诉条数 (default 20,000)"
    ),
    seed: int = typer.Option(
        None, "--seed", help="random seed, default 20260301 (same seed → identical files)"
    ),
    customers: int = typer.Option(None, "--customers", help="loan-book size (default 0.6 × complaints)"),
    posts: int = typer.Option(None, "--posts", help="number of online posts (default max(200, N/20))"),
    campaigns: int = typer.Option(None, "--campaigns", help="number of agency campaigns (default 8)"),
    campaign_share: float = typer.Option(
        None, "--campaign-share", help="share of complaints filed by agencies (default 0.15)"
    ),
    obfuscation_rate: float = typer.Option(
        None, "--obfuscation-rate", help="how often code words are disguised (default 0.5)"
    ),
    start: str = typer.Option(None, "--start", help="first day, YYYY-MM-DD (default 2026-03-01)"),
    days: int = typer.Option(None, "--days", help="length of the period in days (default 31)"),
    config: Path = typer.Option(None, "--config", help="JSON file with scenario settings (CLI flags win)"),
    messy: bool = typer.Option(None, "--messy", help="mix other timestamp export forms into complaints"),
    render_attachments: bool = typer.Option(
        None,
        "--render-attachments/--no-render-attachments",
        help="render attachment files (default on when N <= 50,000)",
    ),
    calls: bool = typer.Option(
        False, "--calls", help="also collection call records (calls.csv, notes.jsonl) / 同时生成催收通话记录"
    ),
    recordings: int = typer.Option(
        0,
        "--recordings",
        min=0,
        help="with --calls: about N synthetic recordings of answered calls (espeak-ng voices, a stand-in "
        "for real speech) under recordings/ / 合成录音条数",
    ),
) -> None:
    """Generate a synthetic lender with ground truth (truth.json)."""
    from datetime import date

    from rich.console import Console

    from qinglang.synth.scenario import Config, generate

    flags = dict(
        complaints=complaints,
        seed=seed,
        customers=customers,
        posts=posts,
        campaigns=campaigns,
        campaign_share=campaign_share,
        obfuscation_rate=obfuscation_rate,
        start=date.fromisoformat(start) if start else None,
        days=days,
        messy=messy,
    )
    # flags given on the command line win
    overrides: dict[str, Any] = {k: v for k, v in flags.items() if v is not None}
    cfg = Config.from_json(config, **overrides) if config else Config(**overrides)
    summary = generate(out, cfg, render_attachments, calls=calls, recordings=recordings)
    con = Console()
    con.print(f"[bold]qinglang generate[/bold] → {summary['out']}")
    con.print(
        f"  complaints {summary['complaints']:,} (campaign {summary['campaign_complaints']:,}), "
        f"customers {summary['customers']:,}, posts {summary['posts']:,} {summary['posts_by_label']}, "
        f"attachments {summary['attachments']:,} (rendered: {summary['rendered']})"
    )
    for cid, c in summary["campaigns"].items():
        con.print(f"  {cid}: {c['style']:<17} {c['size']:>6}  {c['agency']} ({c['city']})")
    con.print("  hard negatives: " + ", ".join(f"{g} {n}" for g, n in summary["hard_negatives"].items()))
    con.print("  files: complaints.jsonl customers.csv posts.jsonl attachments/manifest.jsonl truth.json")
    if "calls" in summary:
        c = summary["calls"]
        con.print(
            f"  calls {c['calls']:,} of {c['borrowers']:,} borrowers, notes {c['notes']:,}, "
            f"recordings {c['recordings']:,}, groups {c['groups']}: "
            "calls.csv notes.jsonl lender_numbers.txt calls_truth.json"
        )
