"""`qinglang eval`: a scan's quality against truth.json, as a table or one JSON object."""

from __future__ import annotations

import json
from pathlib import Path

import typer


def command(
    truth: Path = typer.Option(..., "--truth", exists=True, dir_okay=False, help="truth.json / 真值文件"),
    scan: Path = typer.Option(
        ..., "--scan", exists=True, file_okay=False, help="scan output dir / 扫描输出目录"
    ),
    as_json: bool = typer.Option(False, "--json", help="print one JSON object / 输出 JSON"),
) -> None:
    from rich.console import Console
    from rich.table import Table

    from qinglang.evaluate import evaluate_dirs

    res = evaluate_dirs(truth, scan)
    if as_json:
        typer.echo(json.dumps(res.to_json(), ensure_ascii=False))
        return
    con = Console()
    t = Table(title="整体 / overall")
    for col in (
        "投诉 complaints",
        "真阳 positives",
        "标记 flagged",
        "precision",
        "recall",
        "F1",
        "ARI",
        "organiser hit@1",
    ):
        t.add_column(col)
    t.add_row(
        str(res.complaints),
        str(res.positives),
        str(res.flagged),
        f"{res.precision:.4f}",
        f"{res.recall:.4f}",
        f"{res.f1:.4f}",
        f"{res.ari:.4f}",
        f"{res.organizer_hit_at_1:.2f}",
    )
    con.print(t)
    t = Table(title="每个团伙 / per campaign")
    for col in ("campaign", "style", "size", "best cluster", "F1", "P", "R", "top organiser", "hit"):
        t.add_column(col)
    for c in res.campaigns:
        t.add_row(
            c.campaign_id,
            c.style or "",
            str(c.size),
            c.best_cluster or "-",
            f"{c.f1:.3f}",
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            c.organizer_top or "-",
            "✔" if c.organizer_hit else "✘",
        )
    con.print(t)
    t = Table(title="困难负样本标记率 / hard-negative flag rate")
    t.add_column("group")
    t.add_column("size")
    t.add_column("flag rate")
    for g, r in res.hard_negative_flag_rate.items():
        t.add_row(g, str(res.hard_negative_sizes[g]), f"{r:.2%}")
    con.print(t)
