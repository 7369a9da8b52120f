"""The pack's 线索移送函 (referral letter, referral_letter.pdf): one or two pages an officer reads
first: who refers, what the case is, how many customers and complaints, the amounts, the
organiser evidence and the list of exhibits with their hashes.

WHY a PDF of its own and not the report: the report is the analyst's full case; the letter is
the formal cover a police unit files (the form 线索移送 takes between institutions), short,
in Chinese with English alongside, and it lists every exhibit's SHA-256 so the officer can tie
each file to it. It is drawn with reportlab and the CJK font the project uses elsewhere
(materials.fonts.find_cjk_font: WenQuanYi Micro Hei), so no browser is needed.

Masking follows the pack: organiser identifiers are written raw (the police need them); no
customer is named, only counted.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from qinglang.indicators import KINDS
from qinglang.materials.fonts import find_cjk_font

SHANGHAI = ZoneInfo("Asia/Shanghai")
FONT = "QLCJK"
_CHANNELS = {
    "app": "App 内投诉 in-app",
    "hotline": "客服热线 hotline",
    "email": "电子邮件 e-mail",
    "regulator": "监管转办 regulator",
    "social": "社交平台 social media",
    "other": "其他 other",
}


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(find_cjk_font()), subfontIndex=0))
    return FONT


def _local(value: Any) -> str:
    if not isinstance(value, datetime):
        return ""
    return (
        (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    )


def summary(case: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The figures the letter states (also what the test checks against the store)."""
    members, cluster = data["members"], data["cluster"]
    amounts = data.get("amounts") or {}
    return {
        "complaints": len(members),
        "customers": len({m.get("customer_id") for m in members if m.get("customer_id")}),
        "channels": Counter(str(m.get("channel") or "other") for m in members),
        "first": _local(cluster.get("first_seen")),
        "last": _local(cluster.get("last_seen")),
        "principal_total": amounts.get("principal_total"),
        "with_principal": amounts.get("with_principal", 0),
        "organizers": list(cluster.get("organizers") or []),
    }


def build(
    case: dict[str, Any], data: dict[str, Any], exported_by: str, now: datetime, files: dict[str, bytes]
) -> bytes:
    """referral_letter.pdf's bytes (the pack's hook: qinglang.evidence.pack._v2_files); `files`
    are the exhibits already in the pack, listed with their SHA-256."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from qinglang.evidence.pack import is_confirmed, sha256

    font = _font()
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=10)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=26, alignment=1)
    head = ParagraphStyle("head", parent=body, fontSize=12, leading=18, spaceBefore=6, keepWithNext=1)
    warn = ParagraphStyle(
        "warn",
        parent=body,
        textColor=colors.HexColor("#b00000"),
        borderColor=colors.HexColor("#b00000"),
        borderWidth=1,
        borderPadding=4,
    )
    s = summary(case, data)
    lender = str((data.get("lender") or {}).get("name") or "（出具机构 lender）")

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[Any]], widths: list[float], style: ParagraphStyle = body) -> Table:
        t = Table(
            [[c if isinstance(c, Paragraph) else p(str(c), style) for c in r] for r in rows], colWidths=widths
        )
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeff")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    story: list[Any] = [
        p("线索移送函", title),
        p("Referral of a criminal lead (letter of transfer)", ParagraphStyle("t2", parent=body, alignment=1)),
        Spacer(1, 4 * mm),
    ]
    if not is_confirmed(data):
        story += [
            p(
                "注意：本团伙尚未经分析人员确认，本函所附仅为系统线索。 / NOTE: this campaign has NOT been confirmed by an analyst; the enclosed is a machine lead.",
                warn,
            ),
            Spacer(1, 3 * mm),
        ]
    story += [
        p(f"编号 No.：{case['case_id']}　　日期 Date：{now.astimezone(SHANGHAI).strftime('%Y-%m-%d')}"),
        p(
            "致：________ 公安局（分局）经济犯罪侦查部门 / To: the economic crime investigation unit of ________ Public Security Bureau"
        ),
        Spacer(1, 2 * mm),
        p(
            f"{lender}在投诉处理中发现一批疑似由黑灰产“代理维权”组织策划、批量代写或代投的投诉，"
            "涉嫌以恶意投诉相要挟谋取减免（可能涉及敲诈勒索、诈骗等）。现将线索及固定的电子证据移送贵单位，请依法审查。"
        ),
        p(
            f"{lender} found, in its complaint handling, a batch of complaints that appear organised, written or filed "
            "in bulk by a fake debt-relief (代理维权) operation, using complaints as leverage to extort fee waivers. "
            "We transfer the lead and the fixed electronic evidence for your review.",
            small,
        ),
        p("一、基本情况 / Summary", head),
        table(
            [
                ["项目 Item", "内容 Value"],
                ["出具机构 Referring lender", lender],
                [
                    "案件 / 团伙 Case / campaign",
                    f"{case['case_id']} / {case['cluster_id']}（扫描 scan {case['run_id']}）",
                ],
                ["投诉件数 Complaints", s["complaints"]],
                ["涉及客户（被诱导借款人）Customers involved", s["customers"]],
                ["涉及机构 Institutions", "1（本机构 the referring lender）"],
                [
                    "投诉渠道 Channels",
                    "；".join(f"{_CHANNELS.get(k, k)} {v}" for k, v in s["channels"].most_common()),
                ],
                ["时间跨度 Period", f"{s['first']} — {s['last']}（北京时间）"],
                [
                    "涉及借款本金 Principal at stake",
                    f"{s['principal_total']:,.2f} 元（{s['with_principal']} 名客户有记录 customers on record）"
                    if s["principal_total"] is not None
                    else "未记录 not recorded",
                ],
                ["团伙评分 Campaign score", f"{float(data['cluster'].get('score') or 0):.2f}"],
            ],
            [55 * mm, 115 * mm],
        ),
        p("二、组织者证据 / Organiser evidence", head),
        table(
            [["类型 Kind", "标识 Identifier", "依据 Why"]]
            + [
                [
                    f"{KINDS[o['kind']].zh} {KINDS[o['kind']].en}"
                    if o.get("kind") in KINDS
                    else str(o.get("kind")),
                    str(o.get("value")),
                    p(str(o.get("why") or ""), small),
                ]
                for o in s["organizers"][:12]
            ],
            [36 * mm, 38 * mm, 96 * mm],
        ),
    ]
    evidence = data.get("evidence") or []
    if evidence:
        story += [p("三、团伙证据 / Campaign evidence", head)]
        story += [p(f"· {e.get('detail_zh', '')}（{e.get('code')}）", small) for e in evidence[:10]]
    story += [
        p("四、附件清单 / Exhibits (SHA-256)", head),
        table(
            [["文件 File", "字节 Bytes", "SHA-256"]]
            + [[name, len(b), p(sha256(b), small)] for name, b in sorted(files.items())],
            [52 * mm, 18 * mm, 100 * mm],
            small,
        ),
        Spacer(1, 2 * mm),
        p(
            "全部文件（含本函）的 SHA-256 与 SM3 值见 manifest.json；全部文件的默克尔根由出具机构以 Ed25519 签名并经 RFC 3161 "
            "可信时间戳固定（seal/ 目录），可用 qinglang verify-pack 离线校验。 / Every file's SHA-256 and SM3 (this letter included) "
            "are in manifest.json; the Merkle root over all files is signed (Ed25519) and timestamped (RFC 3161) in seal/, "
            "verifiable offline with qinglang verify-pack.",
            small,
        ),
        Spacer(1, 8 * mm),
        p(f"出具机构（盖章）Referring lender (seal)：{lender}"),
        p(f"经办人 Prepared by：{exported_by}　　联系电话 Tel：________"),
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"线索移送函 {case['case_id']}",
    )
    doc.build(story)
    return buf.getvalue()
