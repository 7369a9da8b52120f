"""wb_scenario's lender plus online ads in the store, scored by the scan's posts stage.

Two accounts advertise 停息挂账 with campaign A's agent phone and WeChat (one group, G0001, that
feeds campaign A); two more share a QQ number no complaint carries (G0002, feeds nothing); a
police warning uses the same words; a farm's two shops share a number (G0003, flags nothing); a
lone ad leaves a number nobody else uses.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from wb_scenario import AGENT_PHONE, AGENT_WECHAT, T0, Scenario, build_records, write_scenario

from qinglang.schema import Post

QQ = "88886666"
LONE_PHONE = "13698765432"
FARM_PHONE = "13511112222"  # a farm's two shop accounts: a group that flags nothing
ADS = {
    "P001": (
        "douyin",
        "tingxi_helper",
        f"专业停息挂账，协商分期，成功再收费，联系电话 {AGENT_PHONE}，私信了解",
    ),
    "P002": (
        "weibo",
        "debt_free_2026",
        f"债务优化 停息挂账 个性化分期，加V {AGENT_WECHAT} 或电话 {AGENT_PHONE} 详聊",
    ),
    "P003": ("douyin", "zx_xiubai_1", f"征信修复，逾期记录可以消除，扣扣 {QQ} 私聊"),
    "P004": ("kuaishou", "zx_xiubai_2", f"征信花了？洗白征信，加QQ {QQ} 咨询"),
    "P005": ("weibo", "police_notice", "反诈提醒：所谓停息挂账、征信修复都是骗局，请勿轻信"),
    "P006": ("douyin", "lone_seller", f"反催收 协商还款 电话 {LONE_PHONE} 私我"),
    "P007": ("weibo", "wuchang_rice", f"新米上市，五常大米10斤59元，包邮到家，订购电话 {FARM_PHONE}"),
    "P008": (
        "xiaohongshu",
        "orchard_apples",
        f"自家果园红富士苹果熟了，一箱80元，电话 {FARM_PHONE} 送货上门",
    ),
}
SECRETS = (AGENT_PHONE, AGENT_WECHAT, QQ, LONE_PHONE, FARM_PHONE)


def posts() -> list[Post]:
    return [
        Post(post_id=pid, platform=pf, account=acct, posted_at=T0 - timedelta(days=6 - i), text=text)
        for i, (pid, (pf, acct, text)) in enumerate(ADS.items())
    ]


def write_posts_scenario(db_url: str, out_dir: Path) -> tuple[Scenario, dict]:
    """The lender scanned and saved (wb_scenario), its ads added and scored for that run as
    `qinglang scan` does; returns the scenario and the stage's summary."""
    from qinglang.posts.in_store import score_stored_posts
    from qinglang.store import load_scan, open_store

    sc = write_scenario(db_url, out_dir)
    store = open_store(db_url)
    store.add_posts(posts())
    scan = load_scan(store, sc.run_id)
    assert scan is not None
    summary = score_stored_posts(store, sc.run_id, scan.clusters)
    store.close()
    assert summary is not None
    return sc, summary


def write_files(out_dir: Path) -> tuple[Path, Path]:
    """The same complaints and posts as JSONL files (for `qinglang posts --posts FILE`)."""
    complaints, _customers, _members, _genuine = build_records()
    out_dir.mkdir(parents=True, exist_ok=True)
    cpath, ppath = out_dir / "complaints.jsonl", out_dir / "posts.jsonl"
    with cpath.open("w", encoding="utf-8") as fh:
        for c in complaints:
            fh.write(json.dumps(c.model_dump(mode="json", exclude={"phone_info"}), ensure_ascii=False) + "\n")
    with ppath.open("w", encoding="utf-8") as fh:
        for p in posts():
            fh.write(json.dumps(p.model_dump(mode="json"), ensure_ascii=False) + "\n")
    return cpath, ppath
