"""`qinglang scan`: find complaint campaigns and write the public output files."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from concurrent.futures import Future


def command(
    complaints: Path = typer.Option(
        ..., "--complaints", exists=True, dir_okay=False, help="complaints JSONL/CSV / 投诉文件"
    ),
    customers: Path | None = typer.Option(
        None, "--customers", exists=True, dir_okay=False, help="customers CSV / 客户文件"
    ),
    attachments: Path | None = typer.Option(
        None,
        "--attachments",
        exists=True,
        file_okay=False,
        help="attachments folder: check materials too / 附件目录",
    ),
    db: str | None = typer.Option(
        None, "--db", help="also record inputs and results in this store / 写入数据库"
    ),
    out: Path = typer.Option(..., "--out", file_okay=False, help="output dir / 输出目录"),
    threshold: float | None = typer.Option(
        None, "--threshold", min=0.0, max=1.0, help="flag threshold (default 0.5 or the config's) / 标记阈值"
    ),
    config_file: Path | None = typer.Option(
        None,
        "--config",
        exists=True,
        dir_okay=False,
        help="detection config TOML (weights, thresholds, rules) / 检测配置文件",
    ),
    calls: Path | None = typer.Option(
        None,
        "--calls",
        exists=True,
        dir_okay=False,
        help="collection call records: shared forwarding / callback numbers join campaigns as organisers / 催收通话记录",
    ),
    ocr: bool = typer.Option(True, "--ocr/--no-ocr", help="OCR attachments (slow) / 附件 OCR"),
    report: bool = typer.Option(True, "--report/--no-report", help="write report.html / 生成报告"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON / 输出 JSON 摘要"),
    engine_name: str = typer.Option(
        "local",
        "--engine",
        help="where the heavy stages run: local (this process) or spark (docs/engines.md) / 计算引擎",
    ),
    spark_master: str | None = typer.Option(
        None,
        "--spark-master",
        help="Spark master for --engine spark (default local[*], or QINGLANG_SPARK_MASTER) / Spark 主节点",
    ),
) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    from qinglang.detection_config import ConfigError, load_config
    from qinglang.engines import ENGINES, open_engine
    from qinglang.ingest import write_quarantine
    from qinglang.ingest.load import ACCEPTED, QUARANTINED, classify, new_summary
    from qinglang.link.records import CustomerFacts
    from qinglang.online import ARTIFACT_NAME, OnlineIndex, complaint_fingerprint
    from qinglang.report.outputs import write_clusters, write_scored
    from qinglang.scan import run_scan

    con = Console(stderr=True)
    try:
        config = load_config(config_file)
    except ConfigError as exc:
        con.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if threshold is not None:
        config = config.with_overrides(threshold=threshold)
    if engine_name not in ENGINES:
        con.print(f"[red]--engine: one of {', '.join(ENGINES)}[/red]")
        raise typer.Exit(2)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    # the inputs go into the store in a process of their own while the scan runs (it reads the
    # files itself): on two cores the scan's serial stages leave a core free for it
    stored_inputs = _start_storing_inputs(db, complaints, customers) if db else None
    quarantined = []
    cust_map: dict[str, CustomerFacts] = {}
    if customers is not None:
        # streamed into the few facts the scan reads: a loan book as full objects is gigabytes
        for row in classify(customers, "customers", new_summary(customers, "customers")):
            if row.status == ACCEPTED:
                cust_map[row.item.customer_id] = CustomerFacts.of(row.item)
            elif row.status == QUARANTINED:
                quarantined.append(row.item)
    read_summary = new_summary(complaints, "complaints")
    fingerprints: dict[str, str] = {}

    def stream():
        """Accepted complaints straight from the file; rejected rows kept for quarantine."""
        for row in classify(complaints, "complaints", read_summary):
            if row.status == ACCEPTED:
                fingerprints[row.item.complaint_id] = complaint_fingerprint(row.item)
                yield row.item
            elif row.status == QUARANTINED:
                quarantined.append(row.item)

    material_results: list = []

    def check_attachments(with_attachments):
        from qinglang.materials import check_materials, complaint_material_evidence

        con.print(f"核验附件材料 / checking attachments of {len(with_attachments)} complaints …")
        material_results.extend(
            check_materials(attachments, with_attachments, cust_map, ocr=ocr, progress=sys.stderr.isatty())
        )
        return complaint_material_evidence(material_results)

    stages = {
        "features": "提取特征 features",
        "signatures": "模板签名 signatures",
        "templates": "模板分组 templates",
        "graph": "关系图 graph",
        "campaigns": "团伙评分 campaigns",
    }
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        _rate_column(),
        TimeElapsedColumn(),
        console=con,
        disable=as_json or not con.is_terminal,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stages.get(stage, stage), total=max(total, 1))
            bar.update(tasks[stage], completed=done, total=max(total, 1))

        engine = open_engine(engine_name, spark_master)
        if engine.ui_url:
            con.print(f"Spark UI / 任务监控: {engine.ui_url}")
        with engine:
            result = run_scan(
                stream(),
                cust_map,
                check_attachments if attachments is not None else None,
                config,
                progress,
                total=_count_lines(complaints),
                engine=engine,
            )
    calls_found = None
    if calls is not None:  # qinglang.calls: organisers from call records (attribution only)
        from qinglang.calls.merge import merge_calls_file

        calls_found = merge_calls_file(calls, customers, result.clusters, result.feats, out, quarantined)
    if quarantined:
        write_quarantine(quarantined, out / "quarantine.jsonl")
    if not result.scored:
        con.print("[red]没有可扫描的投诉 / no valid complaints to scan[/red]")
        raise typer.Exit(2)
    if material_results:
        with (out / "materials_scored.jsonl").open("w", encoding="utf-8") as fh:
            for r in material_results:
                fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")

    write_scored(out / "complaints_scored.jsonl", result.scored)
    write_clusters(out / "clusters.json", result.clusters)
    index_blob = OnlineIndex.from_scan(result, fingerprints).to_bytes()
    (out / "online_index.npz").write_bytes(index_blob)
    (out / "detection_config.json").write_text(
        json.dumps(config.to_dict() | {"digest": config.digest()}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    if report:
        from qinglang.report.html import build_context, render_report

        thumbs = {}
        if material_results and attachments is not None:
            from qinglang.materials import render_thumbnail

            for r in material_results:
                if r.flagged:
                    p = attachments / r.file
                    if not p.exists():
                        p = attachments.parent / r.file
                    if p.exists():
                        thumbs[r.file] = render_thumbnail(p)
        render_report(out / "report.html", build_context(result, material_results, thumbs))
    summary = result.summary() | {
        "read": read_summary.read,
        "duplicates": read_summary.duplicates,
        "quarantined": len(quarantined),
        "seconds": round(time.perf_counter() - t0, 2),
        "out": str(out),
        "config_digest": config.digest(),
    }
    if calls_found is not None:
        summary["calls"] = calls_found
    if db:
        from qinglang.store import open_store
        from qinglang.store.results import save_scan

        assert stored_inputs is not None
        stored_inputs.result()  # raises what the storing process raised
        store = open_store(db)
        run_id = time.strftime("scan-%Y%m%d-%H%M%S")
        save_scan(
            store,
            run_id,
            {
                "out_dir": str(out.resolve()),
                "complaints": str(complaints),
                "threshold": config.threshold,
                "config": config.to_dict(),
                "config_digest": config.digest(),
                "config_file": str(config_file) if config_file else None,
            },
            summary,
            result.scored,
            [c.cluster for c in result.clusters],
            artifacts={ARTIFACT_NAME: index_blob},
            features=result.feats,  # the indicator index reuses what the scan extracted
        )
        summary["run_id"] = run_id
        from qinglang.posts.in_store import score_stored_posts

        # the store's posts (qinglang ingest --posts), scored and linked to this run's campaigns
        posts_found = score_stored_posts(store, run_id, [c.cluster for c in result.clusters])
        if posts_found is not None:
            summary["posts"] = posts_found
            if not as_json:
                con.print(
                    f"广告监测 / posts: {posts_found['posts']} 条, 判定广告 flagged {posts_found['flagged']}, "
                    f"账号组 ad groups {posts_found['groups']}, 关联团伙 feeding campaigns "
                    f"{posts_found['groups_feeding_campaigns']} 组 → {posts_found['campaigns_fed']} 个, "
                    f"{posts_found['seconds']} s"
                )
        from qinglang.web.alerts import after_scan

        # watched campaigns and indicators this run touches raise alerts (web/alerts.py)
        summary["alerts"] = len(after_scan(store.engine, run_id))
        if summary["alerts"] and not as_json:
            con.print(f"关注提醒 / alerts raised: {summary['alerts']}")
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return
    con.print(
        f"[bold]扫描完成 / scan done[/bold]: {summary['complaints']} 件投诉, 标记 flagged {summary['flagged']} "
        f"({summary['flag_rate']:.1%}), 疑似团伙 campaigns {summary['campaigns']}, "
        f"隔离 quarantined {summary['quarantined']}, {summary['seconds']} s"
    )
    for name in (
        "complaints_scored.jsonl",
        "clusters.json",
        "report.html",
        "materials_scored.jsonl",
        "calls_scored.jsonl",
        "call_groups.json",
        "quarantine.jsonl",
        "detection_config.json",
    ):
        if (out / name).exists():
            con.print(f"  {out / name}")


def _store_inputs(db: str, complaints: Path, customers: Path | None) -> None:
    """Read, validate and store the scanned files (qinglang.store.ingest_files: insert-or-skip,
    so a re-run or an earlier `qinglang ingest` of the same files adds nothing)."""
    from qinglang.store import open_store
    from qinglang.store.ingest_files import ingest_file

    store = open_store(db)
    ingest_file(store, complaints, "complaints")
    if customers is not None:
        ingest_file(store, customers, "customers")


def _start_storing_inputs(db: str, complaints: Path, customers: Path | None) -> Future[None]:
    """Store the inputs in a forked process (started before any thread or engine exists);
    returns its future. The process is joined at exit whatever happens to the scan."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(_store_inputs, db, complaints, customers)
    pool.shutdown(wait=False)
    return future


def _rate_column():
    """A progress column: records (or clusters) per second of the stage so far, averaged from its
    start (a stage that jumps from 0 to done in one update has no instantaneous speed)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):  # type: ignore[no-untyped-def]
            elapsed = task.finished_time if task.finished_time is not None else task.elapsed
            if not elapsed or not task.completed:
                return Text("")
            return Text(f"{task.completed / elapsed:,.0f}/s", style="progress.data.speed")

    return RateColumn()


def _count_lines(path: Path) -> int:
    """Rows in the file (for the progress bar and the serial/parallel choice); a CSV header is
    not a row."""
    with path.open("rb") as fh:
        n = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return max(n - 1, 0) if path.suffix.lower() == ".csv" else n
