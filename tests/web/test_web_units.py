"""Pure pieces of the workbench: masking, highlighting, timeline, diffs, 归属地, quick lane, passwords."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qinglang.evidence import verify_pack
from qinglang.web import views
from qinglang.web.auth import PERMISSIONS, hash_password, verify_password
from qinglang.web.highlight import segments
from qinglang.web.pii import mask_id, mask_text, mask_value, sensitive_spans

SH = ZoneInfo("Asia/Shanghai")


def test_mask_text_hides_phones_and_ids_but_keeps_other_digits():
    text = "请联系 139-1234-5678 或 +86 13800138000，身份证110101199003074518，借款20000元，订单号 2026030112"
    out = mask_text(text)
    assert "1234-5678" not in out and "13800138000" not in out and "199003074518" not in out
    assert "139****5678" in out and "138****8000" in out and "110101********4518" in out
    assert "20000元" in out and "2026030112" in out


def test_sensitive_spans_do_not_overlap():
    spans = sensitive_spans("电话13912345678和13912345678，证件110101199003074518")
    assert len(spans) == 3
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_mask_value_by_kind():
    assert mask_value("agent_phone", "+8613912345678") == "139****5678"
    assert (
        mask_value("id_number", "110101199003074518") == mask_id("110101199003074518") == "110101********4518"
    )
    assert mask_value("wechat", "tingxi_dz888") == "tingxi_dz888"


def test_segments_cover_the_original_text_and_mask_numbers():
    text = "要求停息挂账，联系代理人电话13912345678，加微信tingxi_dz888"
    plain = segments(text, masked=False)
    assert "".join(s.text for s in plain) == text
    masked = segments(text, masked=True)
    joined = "".join(s.text for s in masked)
    assert "13912345678" not in joined and "139****5678" in joined
    assert all("13912345678" not in s.title for s in masked)
    assert any(s.cls == "contact" and s.text == "tingxi_dz888" for s in masked)


def test_timeline_buckets_by_hour_and_fills_gaps():
    t0 = datetime(2026, 3, 2, 9, 5, tzinfo=SH)
    tl = views.timeline([t0, t0 + timedelta(minutes=10), t0 + timedelta(hours=3), None])
    assert tl["unit"] == "hour" and tl["counts"] == [2, 0, 0, 1] and tl["labels"][0] == "03-02 09:00"
    long = views.timeline([t0, t0 + timedelta(days=5)])
    assert long["unit"] == "day" and sum(long["counts"]) == 2 and len(long["counts"]) == 6


def test_diff_segments_mark_only_the_changed_characters():
    tmpl = "本人张伟，欠款20000元，要求停息挂账。"
    text = "本人李娜，欠款21000元，要求停息挂账。"
    segs = views.diff_segments(tmpl, text)
    assert "".join(s["text"] for s in segs) == text
    changed = "".join(s["text"] for s in segs if s["cls"] == "diff")
    assert "李娜" in changed and "停息挂账" not in changed and len(changed) <= 4


def test_geo_distribution_counts_province_and_city():
    rows = [
        {"phone_province": "广东省", "phone_city": "深圳市"},
        {"phone_province": "广东省", "phone_city": "深圳市"},
        {"phone_province": "北京市", "phone_city": "北京市"},
        {},
    ]
    assert views.geo_distribution(rows) == [
        {"region": "广东省深圳市", "count": 2},
        {"region": "北京市", "count": 1},
        {"region": "未知", "count": 1},
    ]


def test_quick_lane_puts_marked_genuine_first_then_urgent():
    now = datetime(2026, 3, 2, tzinfo=SH)
    cands = [
        {"complaint_id": "plain", "text": "请问额度怎么调整", "received_at": now},
        {"complaint_id": "dd", "text": "被重复扣款了", "received_at": now - timedelta(hours=1)},
        {"complaint_id": "abuse", "text": "催收辱骂威胁我", "received_at": now},
        {"complaint_id": "marked", "text": "请问额度怎么调整", "received_at": now - timedelta(days=1)},
    ]
    lane = views.quick_lane(cands, {"marked"})
    assert [c["complaint_id"] for c in lane] == ["marked", "abuse", "dd"]


def test_password_hashing_and_role_rights():
    h = hash_password("s3cret")
    assert h != hash_password("s3cret")  # salted
    assert (
        verify_password("s3cret", h) and not verify_password("S3cret", h) and not verify_password("x", "junk")
    )
    assert "unmask" in PERMISSIONS["lead"] and "unmask" not in PERMISSIONS["analyst"]
    assert PERMISSIONS["auditor"] == {"read", "audit"}


def test_verify_pack_reports_missing_and_unlisted_files():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            "manifest.json", json.dumps({"files": [{"path": "a.txt", "sha256": "0" * 64, "bytes": 1}]})
        )
        zf.writestr("b.txt", b"x")
    assert verify_pack(buf.getvalue()) == ["a.txt: missing", "b.txt: not in manifest"]


def test_entity_graph_links_members_to_their_indicators():
    cluster = {
        "indicators": [
            {"kind": "ip_block", "value": "101.22.33.0/24", "count": 2},
            {"kind": "agent_phone", "value": "+8613912345678", "count": 1},
        ],
        "organizers": [{"kind": "agent_phone", "value": "+8613912345678", "score": 1.0, "why": ""}],
    }
    members = [
        {"complaint_id": "a", "ip": "101.22.33.44", "text": "代理人电话139 1234 5678"},
        {"complaint_id": "b", "ip": "101.22.33.7", "text": "无"},
        {"complaint_id": "c", "ip": "8.8.8.8", "text": "无"},
    ]
    g = views.entity_graph(cluster, members, masked=True)
    edges = {(e["data"]["source"], e["data"]["target"]) for e in g["edges"]}
    assert edges == {("c:a", "i:0"), ("c:b", "i:0"), ("c:a", "i:1")}
    labels = {n["data"]["id"]: n["data"] for n in g["nodes"]}
    assert labels["i:1"]["type"] == "organizer" and "13912345678" not in labels["i:1"]["label"]


def test_analyst_facing_wording():
    """Issue 12 wording: spans in days, money in yuan, evidence codes in words, local CSV times."""
    from datetime import UTC, datetime

    from qinglang.evidence.pack import _csv_time
    from qinglang.web.pages import code_label, human_span, yuan

    assert human_span(662.4) == "27 天 14 小时" and human_span(5.2, "en") == "5 h"
    assert yuan(47400.0) == "47,400 元" and yuan("12.5") == "12.50 元" and yuan(None) == ""
    assert code_label("campaign_member") != "campaign_member" and code_label("no_such_code") == "no_such_code"
    assert _csv_time(datetime(2026, 3, 2, 1, 0, 5, 123456, tzinfo=UTC)) == "2026-03-02T09:00:05+08:00"


def test_organiser_nodes_link_to_their_indicator_page_without_the_number():
    from qinglang.web.views import entity_graph

    cluster = {
        "run_id": "scan-1",
        "cluster_id": "C00003",
        "indicators": [{"kind": "phone", "value": "+8613912345678", "count": 3}],
        "organizers": [{"kind": "device", "value": "dev-9"}, {"kind": "phone", "value": "+8613912345678"}],
    }
    members = [{"complaint_id": f"X{i}", "text": "call 13912345678", "phone_e164": None} for i in range(3)]
    nodes = {n["data"]["label"]: n["data"] for n in entity_graph(cluster, members, masked=True)["nodes"]}
    phone = next(d for label, d in nodes.items() if label.startswith("phone"))
    assert phone["type"] == "organizer" and "13912345678" not in phone["href"] + phone["label"]
    assert phone["href"] == "/indicators/organizer?cluster_id=C00003&organizer=1&run_id=scan-1"
    assert nodes["X0"]["type"] == "complaint" and "href" not in nodes["X0"]
