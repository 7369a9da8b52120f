"""Build and verify a case's evidence pack.

The pack is a ZIP holding:
- report.html / report.pdf: the case report a police officer or lawyer reads (Chinese, with
  English alongside), PDF printed by Chromium (reportlab with a built-in CJK font if Chromium is
  not available);
- complaints.csv: every member complaint, unmasked (only a lead may export), with scores and
  reason codes;
- indicators.json / indicators.csv: shared contacts, devices, IPs; organiser candidates with why;
- materials.json and materials/…: the materials-check findings and the files they are about;
- graph.png: the entity graph;
- stix/bundle.json, provenance.json, referral_letter.pdf (pack v2, issue 14; modules stix,
  provenance, referral_letter);
- manifest.json: case, campaign, scan run, who exported it and when, and the SHA-256, SM3 and
  size of every other file. The manifest's own SHA-256 goes to the audit log, so a later change
  of any byte in the pack is detectable from both sides;
- seal/: the Ed25519 signature over the Merkle root of all the above and the RFC 3161 timestamp
  token over it (qinglang.evidence.integrity; checked offline by qinglang.evidence.verify).

The pack knows nothing of where a case comes from: the caller collects the case's data (the
workbench does it from its store, qinglang.web.export) and hands it over, so this package never
imports the workbench that exports it.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import importlib.util
import io
import json
import logging
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape

from qinglang import csvsafe
from qinglang.evidence import integrity
from qinglang.evidence.integrity import SealConfig

log = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
_TEMPLATES = Path(__file__).parent / "templates"
_MAX_MATERIAL_FILES = 200
# Members listed in report.html/pdf (Chromium cannot print tens of thousands of table rows);
# complaints.csv always holds every member.
REPORT_MEMBERS = 1000


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def local_time(value: datetime | None) -> str:
    """Beijing time for the report's readers. The collector hands over aware datetimes; a naive
    one is UTC, as the store keeps it."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def _csv_time(value: datetime | None) -> str:
    """Beijing time with its offset, to the second (2026-03-02T09:00:05+08:00): what a reader of
    the CSV sees in the workbench, and still unambiguous for a machine."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(SHANGHAI).replace(microsecond=0).isoformat()


# ---- pieces -----------------------------------------------------------------------------------


def graph_png(graph: dict[str, list[dict[str, Any]]]) -> bytes:
    """The entity graph as a PNG (matplotlib, CJK font, igraph's force-directed layout)."""
    import igraph as ig
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    if Path(CJK_FONT).is_file():
        font_manager.fontManager.addfont(CJK_FONT)
        plt.rcParams["font.family"] = font_manager.FontProperties(fname=CJK_FONT).get_name()
    nodes = graph["nodes"]
    index = {n["data"]["id"]: i for i, n in enumerate(nodes)}
    edges = [(index[e["data"]["source"]], index[e["data"]["target"]]) for e in graph["edges"]]
    fig, ax = plt.subplots(figsize=(10, 8), dpi=110)
    ax.set_axis_off()
    if nodes:
        g = ig.Graph(n=len(nodes), edges=edges)
        coords = g.layout_fruchterman_reingold(niter=300, seed=None) if len(nodes) > 1 else [(0.0, 0.0)]
        xy = [tuple(c) for c in coords]
        for a, b in edges:
            ax.plot([xy[a][0], xy[b][0]], [xy[a][1], xy[b][1]], color="#bbbbbb", lw=0.6, zorder=1)
        colours = {"complaint": "#4e79a7", "indicator": "#f28e2b", "organizer": "#e15759"}
        for i, n in enumerate(nodes):
            kind = n["data"].get("type", "complaint")
            size = 18 if kind == "complaint" else 90
            ax.scatter([xy[i][0]], [xy[i][1]], s=size, c=colours.get(kind, "#999999"), zorder=2)
            if kind != "complaint":
                ax.annotate(
                    n["data"]["label"], xy[i], fontsize=7, zorder=3, xytext=(4, 4), textcoords="offset points"
                )
    ax.set_title(
        "关联图谱 / entity graph: 蓝=投诉 complaint, 橙=指标 indicator, 红=组织者 organiser", fontsize=9
    )
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def html_to_pdf(html: str) -> bytes:
    """Chromium's print-to-PDF; reportlab (built-in CJK CID font) when Chromium or Playwright (an
    optional dependency) is not there."""
    if Path(CHROMIUM).exists() and importlib.util.find_spec("playwright") is not None:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page()
                    page.set_content(html, wait_until="load")
                    return page.pdf(
                        format="A4",
                        print_background=True,
                        margin={"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"},
                    )
                finally:
                    browser.close()
        except PlaywrightError as exc:  # printing failed: the pack still gets a PDF
            log.warning("chromium could not print the report (%s); using reportlab", exc)
    return _reportlab_pdf(html)


def _reportlab_pdf(html: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = getSampleStyleSheet()["BodyText"]
    style.fontName = "STSong-Light"
    text = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    text = re.sub(r"<br\s*/?>|</(p|tr|h\d|li|div)>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4)
    doc.build([Paragraph(escape(line.strip()), style) for line in text.splitlines() if line.strip()])
    return buf.getvalue()


def _csv_bytes(header: list[str], rows: list[list[Any]]) -> bytes:
    """UTF-8 CSV for a spreadsheet; no cell is read as a formula (qinglang.csvsafe)."""
    buf = io.StringIO()
    w = csvsafe.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


# ---- the pack ---------------------------------------------------------------------------------


def _material_files(materials: list[dict[str, Any]], paths: dict[str, Path]) -> dict[str, bytes]:
    """The files the findings are about, under materials/ (`paths`: where each finding's file lies)."""
    files: dict[str, bytes] = {}
    for rec in materials:
        if len(files) >= _MAX_MATERIAL_FILES:
            break
        f = str(rec.get("file", ""))
        path = paths.get(f)
        if path is not None:
            parts = [x for x in PurePosixPath(f.replace("\\", "/")).parts if x not in ("", ".", "..", "/")]
            files["materials/" + "/".join(parts)] = path.read_bytes()
    return files


def is_confirmed(data: dict[str, Any]) -> bool:
    """Whether the lender's latest verdict on the campaign is a confirmation (an unconfirmed
    campaign's pack says so on its cover and in its letter). The police outcomes recorded as
    verdicts after a referral (`police_filed`, `police_declined`, `police_closed`) are not the
    lender's verdict and are passed over."""
    own = [v for v in data.get("verdicts") or [] if not str(v.get("verdict", "")).startswith("police_")]
    return bool(own) and own[-1].get("verdict") == "confirm"


def build_evidence_pack(
    case: dict[str, Any],
    data: dict[str, Any],
    exported_by: str,
    *,
    now: datetime | None = None,
    seal: SealConfig | None = None,
) -> tuple[bytes, dict[str, Any]]:
    """The ZIP bytes and its manifest for `case` (a row of wb_cases).

    `data` is everything the pack shows about the case's campaign, unmasked: run, cluster,
    members, scored, materials, material_paths (finding's file -> where it lies), evidence (the
    campaign's signals), reasons, geo, timeline, graph, verdicts, notes (as qinglang.web.export.collect_case gathers them),
    and optionally provenance (qinglang.evidence.provenance's input) and lender (name, USCC).

    `seal`: how the pack is signed and timestamped (integrity.SealConfig); without one it is
    signed with a one-off key and not timestamped, which the seal says."""
    now = now or datetime.now(UTC)
    cluster, members, scored = data["cluster"], data["members"], data["scored"]
    files: dict[str, bytes] = {}

    files["graph.png"] = graph_png(data["graph"])
    files["complaints.csv"] = _csv_bytes(
        [
            "complaint_id",
            "received_at",
            "channel",
            "customer_id",
            "phone_raw",
            "phone_e164",
            "phone_province",
            "phone_city",
            "ip",
            "device_id",
            "attachments",
            "score",
            "flagged",
            "reason_codes",
            "text",
        ],
        [
            [
                m["complaint_id"],
                _csv_time(m.get("received_at")),
                m.get("channel"),
                m.get("customer_id"),
                m.get("phone_raw"),
                m.get("phone_e164"),
                m.get("phone_province"),
                m.get("phone_city"),
                m.get("ip"),
                m.get("device_id"),
                ";".join(m.get("attachments", [])),
                scored.get(m["complaint_id"], {}).get("score"),
                scored.get(m["complaint_id"], {}).get("flagged"),
                ";".join(r.get("code", "") for r in scored.get(m["complaint_id"], {}).get("reasons", [])),
                m.get("text"),
            ]
            for m in members
        ],
    )
    files["indicators.json"] = json.dumps(
        {"indicators": cluster["indicators"], "organizers": cluster["organizers"]},
        ensure_ascii=False,
        indent=2,
    ).encode("utf-8")
    files["indicators.csv"] = _csv_bytes(
        ["role", "kind", "value", "count_or_score", "why"],
        [["indicator", i.get("kind"), i.get("value"), i.get("count"), ""] for i in cluster["indicators"]]
        + [
            ["organizer", o.get("kind"), o.get("value"), o.get("score"), o.get("why")]
            for o in cluster["organizers"]
        ],
    )
    files["campaign_evidence.json"] = json.dumps(
        {
            "score": cluster.get("score"),
            "status": (cluster.get("extra") or {}).get("status"),
            "evidence": data.get("evidence") or [],
        },
        ensure_ascii=False,
        indent=2,
    ).encode("utf-8")
    files["materials.json"] = json.dumps(
        data["materials"], ensure_ascii=False, indent=2, default=str
    ).encode()
    files.update(_material_files(data["materials"], data["material_paths"]))

    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]))
    html = env.get_template("report.html").render(
        case=case,
        exported_by=exported_by,
        now=now,
        local_time=local_time,
        graph_data_uri="data:image/png;base64," + base64.b64encode(files["graph.png"]).decode(),
        report_members=members[:REPORT_MEMBERS],
        confirmed=is_confirmed(data),
        **data,
    )
    files["report.html"] = html.encode("utf-8")
    files["report.pdf"] = html_to_pdf(html)

    seal = seal or SealConfig()
    if not (data.get("lender") or {}).get("name"):
        data = {**data, "lender": {**(data.get("lender") or {}), "name": seal.signer}}
    files.update(_v2_files(case, data, exported_by, now, files))

    manifest = {
        "format": "qinglang-evidence-pack/2",
        "case_id": case["case_id"],
        "case_title": case.get("title"),
        "case_status": case.get("status"),
        "run_id": case["run_id"],
        "cluster_id": case["cluster_id"],
        "complaints": len(members),
        "created_at": now.isoformat(),
        "created_by": exported_by,
        "confirmed": is_confirmed(data),
        "hash_algorithm": "sha256",
        "hash_algorithms": ["sha256", "sm3"],
        "seal": {
            "signature": "ed25519",
            "signer": seal.signer,
            "timestamp_authority": seal.tsa_url,
            "merkle": integrity.MERKLE_RULE,
            "files": [integrity.SIGNATURE_FILE, integrity.TIMESTAMP_FILE, integrity.TSA_CERT_FILE],
        },
        "files": [
            {"path": name, "sha256": sha256(body), "sm3": integrity.sm3(body), "bytes": len(body)}
            for name, body in sorted(files.items())
        ],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    manifest["manifest_sha256"] = sha256(manifest_bytes)
    files["manifest.json"] = manifest_bytes
    sealed = integrity.seal_files(files, seal)
    manifest["merkle_root"] = json.loads(sealed[integrity.SIGNATURE_FILE])["merkle_root"]
    files.update(sealed)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        for name, body in sorted(files.items()):
            if name != "manifest.json":
                zf.writestr(name, body)
    return buf.getvalue(), manifest


def _v2_files(
    case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime, files: dict[str, bytes]
) -> dict[str, bytes]:
    """The v2 additions: STIX bundle, provenance chain, referral letter (each module optional
    until it is built: a missing one is simply not in the pack)."""
    out: dict[str, bytes] = {}
    for module, name in (
        ("qinglang.evidence.stix", "stix/bundle.json"),
        ("qinglang.evidence.provenance", "provenance.json"),
        ("qinglang.evidence.referral_letter", "referral_letter.pdf"),
    ):
        if importlib.util.find_spec(module) is None:
            continue
        mod = importlib.import_module(module)
        out[name] = mod.build(case, data, exported_by, now, {**files, **out})
    return out


def verify_pack(zip_bytes: bytes) -> list[str]:
    """Problems found in a pack: files whose SHA-256 or size differ from the manifest, files
    missing or not listed. An empty list means the pack is intact."""
    problems: list[str] = []
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
        names = set(zf.namelist())
        if "manifest.json" not in names:
            return ["manifest.json missing"]
        manifest = json.loads(zf.read("manifest.json"))
        listed = set()
        for entry in manifest.get("files", []):
            path = entry["path"]
            listed.add(path)
            if path not in names:
                problems.append(f"{path}: missing")
                continue
            body = zf.read(path)
            if sha256(body) != entry["sha256"]:
                problems.append(f"{path}: sha256 differs")
            if len(body) != entry.get("bytes", len(body)):
                problems.append(f"{path}: size differs")
        for extra in sorted(
            n for n in names - listed - {"manifest.json"} if not n.startswith(integrity.SEAL_DIR)
        ):
            problems.append(f"{extra}: not in manifest")
    return problems
