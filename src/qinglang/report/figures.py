"""Pictures for the self-contained report: timeline bars as inline SVG, entity graph as PNG.

SVG needs no font and no library; the graph picture uses igraph's layout drawn by matplotlib
with a CJK font so Chinese labels render (fonts-wqy-microhei, installed by the set-up).
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path

CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


@lru_cache(maxsize=1)
def cjk_font_path() -> str | None:
    for p in CJK_FONTS:
        if Path(p).exists():
            return p
    return None


def timeline_svg(times: Sequence[datetime], width: int = 640, height: int = 90) -> str:
    """Daily counts as bars; the burst shows as the tall ones."""
    if not times:
        return ""
    days = Counter(t.date() for t in times)
    first, last = min(days), max(days)
    n_days = (last - first).days + 1
    peak = max(days.values())
    bw = max(1.0, (width - 40) / n_days)
    bars = []
    for d, c in sorted(days.items()):
        x = 30 + (d - first).days * bw
        h = (height - 30) * c / peak
        bars.append(
            f'<rect x="{x:.1f}" y="{height - 20 - h:.1f}" width="{max(bw - 1, 1):.1f}" height="{h:.1f}" '
            f'fill="#c0392b"><title>{d}: {c}</title></rect>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">'
        + "".join(bars)
        + f'<text x="30" y="{height - 5}" font-size="11">{first}</text>'
        + f'<text x="{width - 80}" y="{height - 5}" font-size="11">{last}</text>'
        + f'<text x="2" y="12" font-size="11">{peak}</text></svg>'
    )


def graph_png(
    edges: Sequence[tuple[int, int]],
    node_kinds: Sequence[str],
    node_labels: Sequence[str],
    size_px: int = 520,
) -> str:
    """data: URI of a PNG drawing of a small entity graph (complaints + indicators)."""
    import igraph as ig
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt
    from matplotlib.collections import LineCollection

    g = ig.Graph(n=len(node_kinds), edges=list(edges))
    layout = g.layout_fruchterman_reingold(niter=300, seed=None) if g.vcount() > 1 else [(0.0, 0.0)]
    fig, ax = plt.subplots(figsize=(size_px / 100, size_px / 100), dpi=100)
    font = cjk_font_path()
    fp = font_manager.FontProperties(fname=font, size=7) if font else None
    xs = [p[0] for p in layout]
    ys = [p[1] for p in layout]
    # one collection per kind of mark: a call per node or edge made a 300-member picture take
    # ~3 s of CPU (matplotlib builds an artist per call); the drawing is the same
    segments = [[(xs[a], ys[a]), (xs[b], ys[b])] for a, b in edges]
    ax.add_collection(LineCollection(segments, colors="#bbbbbb", linewidths=0.5, zorder=1))
    is_c = [kind == "complaint" for kind in node_kinds]
    for complaint, size, marker in ((True, 12, "o"), (False, 90, "s")):
        pick = [i for i, c in enumerate(is_c) if c is complaint]
        if pick:
            ax.scatter(
                [xs[i] for i in pick],
                [ys[i] for i in pick],
                s=size,
                color="#2c7fb8" if complaint else "#e6550d",
                zorder=2,
                marker=marker,
            )
    for i, kind in enumerate(node_kinds):
        if kind != "complaint" and node_labels[i]:
            ax.annotate(node_labels[i], (xs[i], ys[i]), fontproperties=fp, fontsize=7, zorder=3)
    ax.autoscale_view()
    ax.set_axis_off()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
