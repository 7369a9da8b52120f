"""The evidence-code table and the indicator-kind registry: complete, and mirrored in the docs."""

from __future__ import annotations

import re
from pathlib import Path

from qinglang import indicators
from qinglang.codes import CODES, in_scope
from qinglang.text.contacts import extract_contacts

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _doc_rows(name: str) -> dict[str, list[str]]:
    """`code` -> the table rows of a doc page that start with it."""
    rows: dict[str, list[str]] = {}
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z_]+)`\s*\|(.*)", line)
        if m:
            rows.setdefault(m.group(1), []).append(m.group(2))
    return rows


def _weight_text(w: float) -> str:
    return f"−{abs(w):g}" if w < 0 else f"{w:g}"


def test_signals_doc_lists_every_campaign_complaint_and_post_code_with_its_weight():
    rows = _doc_rows("signals.md")
    for scope in ("campaign", "complaint", "post"):
        for row in in_scope(scope):
            assert row.code in rows, f"docs/signals.md has no row for {scope}.{row.code}"
            assert any(_weight_text(row.weight) in r for r in rows[row.code]), (
                scope,
                row.code,
                rows[row.code],
            )


def test_materials_doc_lists_every_material_code_with_its_weight():
    rows = _doc_rows("materials.md")
    for row in in_scope("material"):
        assert row.code in rows, f"docs/materials.md has no row for {row.code}"
        assert any(_weight_text(row.weight) in r for r in rows[row.code]), (row.code, rows[row.code])


def test_every_code_has_both_languages_and_material_families_exist():
    for (scope, code), row in CODES.items():
        assert re.search(r"[\u4e00-\u9fff]", row.zh) and re.search(r"[a-z]", row.en), (scope, code)
        if scope == "material":
            assert ("complaint", row.family) in CODES, code


def test_every_kind_the_features_emit_is_registered():
    text = "代理人电话13995001234，微信 qlzx8866，QQ 12345678，邮箱 a@b.cn，网址 www.example.cn"
    kinds = {c.kind for c in extract_contacts(text)}
    assert kinds <= set(indicators.CONTACT_TO_KIND), kinds - set(indicators.CONTACT_TO_KIND)
    for name in ("complainant_phone", "device", "agent_alias", "reported_phone", "ip_block"):
        assert name in indicators.KINDS


def test_registry_columns_drive_linking_masking_and_vertices():
    assert not indicators.links("reported_phone") and not indicators.links("domain")
    assert indicators.links("wechat") and indicators.links("device")
    assert indicators.display_value("reported_phone", "+8613995001234") != "+8613995001234"
    assert indicators.display_value("wechat", "qlzx8866") == "qlzx8866"
    assert indicators.link_key(("agent_phone", "x")) == indicators.link_key(("complainant_phone", "x"))
    assert indicators.POST_LINK_CONTACTS == {"phone", "wechat", "qq", "email"}
