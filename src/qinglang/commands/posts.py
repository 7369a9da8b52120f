"""`qinglang posts`: monitor online posts for black/gray-industry ads."""

from __future__ import annotations

from pathlib import Path

import typer


def command(
    posts: Path = typer.Option(..., "--posts", help="帖子文件 JSONL/CSV / posts file"),
    out: Path = typer.Option(..., "--out", help="输出目录 / output folder"),
    complaints: Path | None = typer.Option(
        None, "--complaints", help="投诉文件，用于关联广告与投诉 / complaints file to link ads to complaints"
    ),
) -> None:
    """Score posts, link accounts sharing contacts, trace ads to complaint batches."""
    from qinglang.posts.run import run_posts

    summary = run_posts(posts, out, complaints)
    typer.echo(
        f"帖子 {summary['posts']} 条，判定广告 {summary['flagged']} 条，账号组 {summary['groups']} 个，"
        f"与投诉共享联系方式的帖子 {summary['posts_linked_to_complaints']} 条 "
        f"/ posts {summary['posts']}, flagged {summary['flagged']}, groups {summary['groups']}, "
        f"linked to complaints {summary['posts_linked_to_complaints']} ({summary['seconds']}s) -> {out}"
    )
