"""report.html: the self-contained scan report a person reads (Chinese first, English alongside).

One file, no external assets: tables, an SVG timeline per campaign, the template with each
member's differences highlighted, the indicator list, organisers with why, and a PNG of the
campaign's entity graph embedded as a data URI.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from qinglang import indicators
from qinglang.indicators import display_value
from qinglang.report.figures import graph_png, timeline_svg
from qinglang.scan import ClusterResult, ScanResult
from qinglang.scored import flagged_scored

MAX_CAMPAIGNS_IN_REPORT = 50
MAX_GRAPHS = 12


def highlight_diff(template: str, text: str) -> Markup:
    """The member text with what differs from the template wrapped in <mark>."""
    sm = difflib.SequenceMatcher(a=template, b=text, autojunk=False)
    out = []
    for op, _a0, _a1, b0, b1 in sm.get_opcodes():
        seg = escape(text[b0:b1])
        out.append(seg if op == "equal" else f"<mark>{seg}</mark>")
    return Markup("".join(out))


def _graph_picture(cr: ClusterResult, scan: ScanResult) -> str:
    idx = {i: k for k, i in enumerate(cr.members[:300])}
    kinds = ["complaint"] * len(idx)
    labels = [""] * len(idx)
    edges = []
    ind_nodes: dict[tuple[str, str], int] = {}
    for i, k in idx.items():
        for key in scan.feats[i].indicators:
            if key not in scan.index.members:
                continue
            if key not in ind_nodes:
                ind_nodes[key] = len(kinds)
                kinds.append(key[0])
                labels.append(f"{indicators.zh(key[0])} {display_value(*key)}")
            edges.append((k, ind_nodes[key]))
        lab = int(scan.template_labels[i])
        if lab >= 0:
            key = ("template", str(lab))
            if key not in ind_nodes:
                ind_nodes[key] = len(kinds)
                kinds.append("template")
                labels.append("模板 template")
            edges.append((k, ind_nodes[key]))
    return graph_png(edges, kinds, labels)


def build_context(
    scan: ScanResult,
    materials: Sequence | None = None,
    thumbnails: Mapping[str, str] | None = None,
    title: str = "清朗 扫描报告 / qinglang scan report",
) -> dict:
    summary = scan.summary()
    camps = [c for c in scan.clusters if c.flagged][:MAX_CAMPAIGNS_IN_REPORT]
    views = []
    for n, cr in enumerate(camps):
        template = cr.cluster.template
        samples = [
            (scan.feats[i].complaint_id, scan.texts[i]) for i in cr.members if scan.texts[i] != template
        ][:3]
        cities = Counter(scan.feats[i].phone_city or "未知" for i in cr.members).most_common(6)
        views.append(
            {
                "c": cr.cluster,
                "reasons": cr.evidence,
                "timeline": Markup(timeline_svg([scan.feats[i].received_at for i in cr.members])),
                "template": template,
                "diffs": [(cid, highlight_diff(template, text)) for cid, text in samples],
                "cities": cities,
                "graph": _graph_picture(cr, scan) if n < MAX_GRAPHS else None,
                "materials": [
                    (f, thumbnails.get(f.file) if thumbnails else None)
                    for f in (materials or [])
                    if getattr(f, "flagged", False)
                    and set(getattr(f, "complaint_ids", [])) & set(cr.cluster.complaint_ids)
                ][:6],
            }
        )
    top_reasons = Counter(r.code for s in flagged_scored(scan.scored) for r in s.reasons).most_common(10)
    return {
        "title": title,
        "generated": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "summary": summary,
        "campaigns": views,
        "all_clusters": [c for c in scan.clusters if c.flagged],
        "top_reasons": top_reasons,
        "display_value": display_value,
        "kind_zh": {k: v.zh for k, v in indicators.KINDS.items()},
    }


def render_report(path: Path, context: dict) -> None:
    env = Environment(
        loader=PackageLoader("qinglang.report", "templates"), autoescape=select_autoescape(["html"])
    )
    path.write_text(env.get_template("scan_report.html").render(**context), encoding="utf-8")
