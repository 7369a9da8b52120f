"""Self-contained HTML report of a post-monitoring run (Chinese first, English alongside)."""

from __future__ import annotations

import html
from pathlib import Path

from qinglang.text.lexicon import CATEGORY_LABELS

_CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
th{background:#f3f3f3;text-align:left}.en{color:#777;font-size:12px}
mark.hit{background:#ffe08a}mark.sup{background:#e0e0e0;text-decoration:line-through}mark.ct{background:#b9e3ff}
.num{text-align:right;white-space:nowrap}
"""


def _highlight(text: str, row: dict) -> str:
    marks: list[tuple[int, int, str]] = []
    for h in row["hits"]:
        marks.append((h["start"], h["end"], "sup" if h["suppressed"] else "hit"))
    for c in row["contacts"]:
        marks.append((c["start"], c["end"], "ct"))
    marks.sort()
    out = []
    pos = 0
    for s, e, cls in marks:
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{cls}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def write_report(path: Path, rows: list[tuple[dict, str]], groups: list[dict], summary: dict) -> None:
    flagged = sorted((r for r in rows if r[0]["flagged"]), key=lambda r: -r[0]["score"])
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<title>清朗 · 黑灰产广告监测报告</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>清朗 · 网络黑灰产广告监测报告 <span class='en'>online black/gray-industry ad monitoring</span></h1>",
        "<table>",
    ]
    labels = [
        ("posts", "帖子总数", "posts"),
        ("flagged", "判定为广告", "flagged as ads"),
        ("groups", "关联账号组（共享联系方式）", "account groups sharing contacts"),
        ("complaints_read", "读取投诉数", "complaints read"),
        ("posts_linked_to_complaints", "与投诉共享联系方式的帖子", "posts sharing a contact with complaints"),
        ("quarantined", "隔离的坏行", "quarantined rows"),
    ]
    for key, zh, en in labels:
        parts.append(
            f"<tr><th>{zh} <span class='en'>{en}</span></th><td class='num'>{summary.get(key, 0)}</td></tr>"
        )
    parts.append("</table>")
    parts.append("<h2>类别分布 <span class='en'>categories of flagged posts</span></h2><table>")
    for cat, n in summary.get("categories", {}).items():
        parts.append(
            f"<tr><td>{html.escape(CATEGORY_LABELS.get(cat, cat))} <span class='en'>{cat}</span></td>"
            f"<td class='num'>{n}</td></tr>"
        )
    parts.append("</table>")
    parts.append("<h2>广告 → 团伙 → 投诉批次 <span class='en'>advert → agency → complaint batch</span></h2>")
    if groups:
        parts.append(
            "<table><tr><th>组 group</th><th>账号 accounts</th><th>共享联系方式 shared contacts</th>"
            "<th>帖子 posts</th><th>关联投诉 complaints</th></tr>"
        )
        for g in groups[:200]:
            cids = g.get("complaint_ids", [])
            shown = ", ".join(cids[:20]) + (f" … (+{len(cids) - 20})" if len(cids) > 20 else "")
            parts.append(
                f"<tr><td>{g['group_id']}</td><td>{html.escape('、'.join(g['accounts']))}</td>"
                f"<td>{html.escape(', '.join(g['contacts']))}</td><td class='num'>{len(g['post_ids'])}</td>"
                f"<td>{len(cids)} 件 {html.escape(shown)}</td></tr>"
            )
        parts.append("</table>")
    else:
        parts.append("<p>未发现共享联系方式的账号组。<span class='en'>no account groups found.</span></p>")
    parts.append("<h2>判定为广告的帖子 <span class='en'>flagged posts</span></h2>")
    parts.append(
        "<p class='en'>黄色=黑灰产用语，灰色删除线=警示/新闻语境中（不计分），蓝色=联系方式 · "
        "yellow = term, grey = suppressed (warning/news), blue = contact</p>"
    )
    parts.append(
        "<table><tr><th>分数 score</th><th>平台/账号 account</th><th>正文 text</th><th>理由 reasons</th></tr>"
    )
    for row, text in flagged[:500]:
        reasons = "<br>".join(
            f"{html.escape(r['detail_zh'])} <span class='en'>{html.escape(r['detail_en'])}</span>"
            for r in row["reasons"]
        )
        acct = html.escape(f"{row['platform'] or ''} / {row['account'] or ''}")
        extra = f"<br>组 {row['group_id']}" if row["group_id"] else ""
        if row["linked_complaints"]:
            extra += f"<br>关联投诉 {len(row['linked_complaints'])} 件"
        parts.append(
            f"<tr><td class='num'>{row['score']:.2f}</td><td>{acct}{extra}</td>"
            f"<td>{_highlight(text, row)}</td><td>{reasons}</td></tr>"
        )
    parts.append("</table></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
