"""Outputs of a material check: materials_scored.jsonl and a self-contained HTML report.

The report shows each flagged file as a thumbnail next to its evidence (Chinese first, English
under it), so an analyst sees the document and why it was flagged in one place. The scan report
and the campaign view embed the same fragment (flagged_materials_html).
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from qinglang.materials import MaterialResult, render_thumbnail
from qinglang.materials.codes import CODES


def write_scored(results: Sequence[MaterialResult], path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(r.to_json(), ensure_ascii=False, default=str) + "\n")


def flagged_materials_html(
    results: Sequence[MaterialResult], root: Path, limit: int = 200, only: set[str] | None = None
) -> str:
    """An HTML fragment: one card per flagged file (thumbnail + findings). `only` limits it to
    some files (e.g. a campaign's attachments)."""
    rows = [r for r in results if r.flagged and (only is None or r.file in only)]
    rows.sort(key=lambda r: -r.score)
    cards = []
    for r in rows[:limit]:
        try:
            thumb = render_thumbnail(Path(root) / r.file)
            img = f'<img src="{thumb}" alt="{html.escape(r.file)}" style="max-width:240px;border:1px solid #ccc">'
        except Exception:  # noqa: BLE001 - evidence without a picture is still evidence
            img = "<div>(无缩略图 / no thumbnail)</div>"
        items = "".join(
            f"<li><code>{html.escape(f.code)}</code> ({f.weight:.2f}) {html.escape(f.detail_zh)}"
            f"<br><small>{html.escape(f.detail_en)}</small></li>"
            for f in r.findings
        )
        who = ", ".join(r.complaint_ids[:5]) or "—"
        cards.append(
            f'<div class="mat" style="display:flex;gap:12px;margin:10px 0;border-bottom:1px solid #eee">'
            f"<div>{img}</div><div><b>{html.escape(r.file)}</b> · 分数 score {r.score:.2f} · "
            f"投诉 complaints: {html.escape(who)}<ul>{items}</ul></div></div>"
        )
    if not cards:
        return "<p>没有被标记的材料 / no flagged materials</p>"
    more = f"<p>…另有 {len(rows) - limit} 件 / {len(rows) - limit} more</p>" if len(rows) > limit else ""
    return "\n".join(cards) + more


def write_report(results: Sequence[MaterialResult], root: Path, path: Path) -> None:
    n = len(results)
    flagged = sum(r.flagged for r in results)
    codes = Counter(f.code for r in results for f in r.findings)
    table = "".join(
        f"<tr><td><code>{c}</code></td><td>{k}</td><td>{html.escape(CODES.get(c, (0, '', '', ''))[2])}</td>"
        f"<td>{html.escape(CODES.get(c, (0, '', '', ''))[3])}</td></tr>"
        for c, k in codes.most_common()
    )
    body = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>附件材料核验 / material check</title>
<style>body{{font-family:sans-serif;margin:24px}} td,th{{padding:4px 8px;border-bottom:1px solid #ddd}}</style>
</head><body>
<h1>附件材料核验报告 / supporting-material check</h1>
<p>文件 files: {n} · 标记 flagged: {flagged}</p>
<h2>发现 / findings</h2>
<table><tr><th>code</th><th>文件数 files</th><th>含义</th><th>meaning</th></tr>{table}</table>
<h2>被标记的材料 / flagged materials</h2>
{flagged_materials_html(results, root)}
</body></html>"""
    Path(path).write_text(body, encoding="utf-8")
