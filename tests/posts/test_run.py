"""End to end: `qinglang posts` on small fixture files."""

import json

from typer.testing import CliRunner

from qinglang.cli import app

POSTS = [
    {
        "post_id": "P1",
        "platform": "抖音",
        "account": "上岸老师",
        "posted_at": "2026-01-30T06:45:33+08:00",
        "text": "专业停息挂账，只还本金！加V：jgkal2004，电话 壹叁玖 壹贰叁肆 伍陆柒捌",
    },
    {
        "post_id": "P2",
        "platform": "快手",
        "account": "解忧顾问",
        "posted_at": "2026-02-01T10:00:00+08:00",
        "text": "亭息卦账，征信修复，薇：jgkal2004",
    },
    {
        "post_id": "P3",
        "platform": "微博",
        "account": "反诈中心",
        "posted_at": "2026-02-01T10:00:00+08:00",
        "text": "警惕“停息挂账”骗局！征信无法花钱修复。",
    },
    {"post_id": "", "platform": "微博", "account": "坏行", "text": "缺少编号"},
]
COMPLAINTS = [
    {
        "complaint_id": "C1",
        "received_at": "2026-02-02T09:00:00",
        "channel": "app",
        "phone": "13912345678",
        "text": "要求停息挂账，只还本金，否则投诉到监管。",
    },
    {
        "complaint_id": "C2",
        "received_at": "2026-02-02T09:05:00",
        "channel": "app",
        "text": "你们暴力催收，请联系我的代理人，微信 jgkal2004。",
    },
    {
        "complaint_id": "C3",
        "received_at": "2026-02-02T09:10:00",
        "channel": "hotline",
        "phone": "13800001111",
        "text": "重复扣款两次，请退还。",
    },
]


def _write_jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


def test_posts_command_end_to_end(tmp_path):
    _write_jsonl(tmp_path / "posts.jsonl", POSTS)
    _write_jsonl(tmp_path / "complaints.jsonl", COMPLAINTS)
    out = tmp_path / "out"
    res = CliRunner().invoke(
        app,
        [
            "posts",
            "--posts",
            str(tmp_path / "posts.jsonl"),
            "--complaints",
            str(tmp_path / "complaints.jsonl"),
            "--out",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    rows = {
        r["post_id"]: r for r in map(json.loads, (out / "posts_scored.jsonl").read_text("utf-8").splitlines())
    }
    assert set(rows) == {"P1", "P2", "P3"}
    assert rows["P1"]["flagged"] and rows["P2"]["flagged"] and not rows["P3"]["flagged"]
    for key in ("post_id", "score", "flagged", "categories", "hits", "contacts"):
        assert key in rows["P1"]
    text = POSTS[0]["text"]
    for c in rows["P1"]["contacts"]:
        assert text[c["start"] : c["end"]] == c["raw"]
    assert {"+8613912345678", "jgkal2004"} <= {c["value"] for c in rows["P1"]["contacts"]}
    # the two ad accounts share a WeChat handle -> one group
    assert rows["P1"]["group_id"] is not None and rows["P1"]["group_id"] == rows["P2"]["group_id"]
    # ad -> complaints carrying the same contact (text WeChat in C2, phone field in C1)
    assert rows["P1"]["linked_complaints"] == ["C1", "C2"]
    assert rows["P3"]["linked_complaints"] == []
    groups = json.loads((out / "posts_groups.json").read_text("utf-8"))
    assert groups[0]["complaint_ids"] == ["C1", "C2"]
    html = (out / "posts_report.html").read_text("utf-8")
    assert "黑灰产广告监测报告" in html and "jgkal2004" in html
    quarantined = (out / "quarantine.jsonl").read_text("utf-8").splitlines()
    assert len(quarantined) == 1
