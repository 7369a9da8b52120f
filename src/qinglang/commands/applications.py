"""`qinglang applications`: pre-loan check for packaged applications, dormitories, fake offices.

qinglang applications --applications F --out DIR [--complaints C]
qinglang applications generate --out DIR [--n 5000] [--seed 1]
"""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    help="贷前：识别集体宿舍、虚假办公点与中介包装进件 / pre-loan: dormitories, fake offices, packaged applications",
)


@app.callback()
def main(
    ctx: typer.Context,
    applications: Path | None = typer.Option(
        None, "--applications", help="申请文件 JSONL/CSV / applications file"
    ),
    out: Path | None = typer.Option(None, "--out", help="输出目录 / output folder"),
    complaints: Path | None = typer.Option(
        None,
        "--complaints",
        help="投诉文件，关联团伙成员的后续投诉 / complaints file to link clusters to later complaints",
    ),
) -> None:
    """Score applications and write applications_scored.jsonl and application_clusters.json."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from qinglang.applications.run import run_applications

    con = Console(stderr=True)
    if applications is None or out is None:
        con.print("[red]需要 --applications 和 --out / --applications and --out are required[/red]")
        raise typer.Exit(2)
    for path, what in (
        (applications, "申请文件 / applications file"),
        (complaints, "投诉文件 / complaints file"),
    ):
        if path is not None and not path.is_file():
            con.print(f"[red]{what} 不存在 / not found: {path}[/red]")
            raise typer.Exit(2)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=con,
        disable=not con.is_terminal,
    ) as bar:
        task = bar.add_task("解析地址与特征 addresses & features", total=None)

        def on_total(n: int) -> None:
            bar.update(task, total=max(n, 1))

        def step(k: int) -> None:
            bar.advance(task, k)

        try:
            summary = run_applications(applications, out, complaints, progress=step, on_total=on_total)
        except (OSError, UnicodeError) as exc:
            con.print(f"[red]无法读取或写入 / cannot read or write: {exc}[/red]")
            raise typer.Exit(2) from None
    if summary["applications"] == 0:
        con.print("[red]没有有效的申请记录 / no valid applications[/red]")
        raise typer.Exit(2)
    typer.echo(
        f"申请 {summary['applications']} 条（隔离 {summary['quarantined']} 条），标记 {summary['flagged']} 条，"
        f"团伙 {summary['clusters']} 个，关联投诉的团伙 {summary['clusters_linked_to_complaints']} 个 / "
        f"applications {summary['applications']} (quarantined {summary['quarantined']}), flagged "
        f"{summary['flagged']}, clusters {summary['clusters']}, linked to complaints "
        f"{summary['clusters_linked_to_complaints']} ({summary['seconds']}s) -> {out}"
    )


@app.command("generate")
def generate(
    out: Path = typer.Option(..., "--out", help="输出目录 / output folder"),
    n: int = typer.Option(5000, "--n", min=50, help="申请条数 / number of applications"),
    seed: int = typer.Option(1, "--seed", help="随机种子 / random seed"),
) -> None:
    """Write synthetic applications.jsonl and truth.json (packaged groups and hard negatives)."""
    from qinglang.applications.synth import write

    apps, truth = write(out, n, seed)
    typer.echo(f"已生成 / written: {apps}, {truth}")
