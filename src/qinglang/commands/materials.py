"""`qinglang materials`: check attached supporting materials for forgery and re-use.

Writes OUT/materials_scored.jsonl (one line per file) and OUT/materials_report.html.
`--attachments` may be the folder that contains "attachments/…" (what complaints reference)
or the attachments folder itself. Exit code 2 for a missing input.
"""

from __future__ import annotations

from pathlib import Path

import typer


def _fail(message: str) -> None:
    typer.echo(f"错误 / error: {message}", err=True)
    raise typer.Exit(code=2)


def command(
    attachments: Path = typer.Option(
        ..., "--attachments", help="附件目录 / attachments folder (or its parent)"
    ),
    complaints: Path | None = typer.Option(None, "--complaints", help="投诉文件 JSONL/CSV / complaints file"),
    customers: Path | None = typer.Option(None, "--customers", help="客户文件 CSV/JSONL / customers file"),
    out: Path = typer.Option(..., "--out", help="输出目录 / output folder"),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="是否 OCR 图片 / OCR images with Tesseract"),
    workers: int | None = typer.Option(None, "--workers", min=1, help="OCR 进程数 / OCR worker processes"),
    progress: bool = typer.Option(False, "--progress", help="显示进度 / show a progress bar"),
) -> None:
    """Check every attachment (metadata, OCR fields, consistency, re-use across borrowers)."""
    import json

    from qinglang.ingest.readers import read_complaints, read_customers
    from qinglang.materials import check_materials, resolve_root
    from qinglang.materials.report import write_report, write_scored
    from qinglang.schema import Complaint, Customer

    if not attachments.is_dir():
        _fail(f"no such folder: {attachments}")
    comps: list[Complaint] = []
    custs: dict[str, Customer] = {}
    if complaints is not None:
        if not complaints.is_file():
            _fail(f"no such file: {complaints}")
        comps = [c for c in read_complaints(complaints) if isinstance(c, Complaint)]
    if customers is not None:
        if not customers.is_file():
            _fail(f"no such file: {customers}")
        custs = {c.customer_id: c for c in read_customers(customers) if isinstance(c, Customer)}
    results = check_materials(attachments, comps, custs, ocr=ocr, progress=progress, workers=workers)
    out.mkdir(parents=True, exist_ok=True)
    write_scored(results, out / "materials_scored.jsonl")
    root = resolve_root(attachments, [a for c in comps for a in c.attachments])
    write_report(results, root, out / "materials_report.html")
    summary = {
        "files": len(results),
        "flagged": sum(r.flagged for r in results),
        "out": str(out / "materials_scored.jsonl"),
        "report": str(out / "materials_report.html"),
    }
    typer.echo(json.dumps(summary, ensure_ascii=False))
