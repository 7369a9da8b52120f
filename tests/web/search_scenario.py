"""The small lender of wb_scenario, for search: campaign A's agent writes "15682786262" (the
acceptance test's number) instead of wb_scenario's, and the store holds online ads — two of them
carry A's number (written 156-8278-6262 and 156 8278 6262), one a neighbouring number, one none.

Saved through the real store and scan with the scan's own features, as `qinglang scan` does.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from wb_scenario import AGENT_PHONE, T0, Scenario, build_records

from qinglang.schema import Post

ORGANISER_PHONE = "15682786262"
NEIGHBOUR_PHONE = "15682786263"  # same first ten digits: a prefix finds both, an exact lookup one
SPACED = "156 8278 6262"
ADS = {
    "P001": "专业停息挂账、协商分期，成功再收费，微信同号 156-8278-6262，添加请备注来意",
    "P002": f"征信修复 加V：xinyong_fix99 电话 {SPACED} 全国可办",
    "P003": f"个人债务优化，咨询热线 {NEIGHBOUR_PHONE}",
    "P004": "反诈提醒：所谓停息挂账、征信修复都是骗局，请勿轻信",
}


def write_search_scenario(db_url: str, out_dir: Path) -> Scenario:
    from qinglang.online import ARTIFACT_NAME, OnlineIndex, complaint_fingerprint
    from qinglang.scan import run_scan
    from qinglang.store import open_store, save_scan

    out_dir.mkdir(parents=True, exist_ok=True)
    complaints, customers, members, genuine = build_records()
    complaints = [
        c.model_copy(update={"text": c.text.replace(AGENT_PHONE, ORGANISER_PHONE)}) for c in complaints
    ]
    posts = [
        Post(
            post_id=pid,
            platform="douyin" if i % 2 else "weibo",
            account=f"ad_account_{i}",
            posted_at=T0 - timedelta(days=3 - i),
            text=text,
        )
        for i, (pid, text) in enumerate(ADS.items())
    ]
    store = open_store(db_url)
    store.add_customers(customers)
    store.add_complaints(complaints)
    store.add_posts(posts)
    result = run_scan(complaints, {c.customer_id: c for c in customers})
    index = OnlineIndex.from_scan(result, {c.complaint_id: complaint_fingerprint(c) for c in complaints})
    run_id = "scan-search-1"
    save_scan(
        store,
        run_id,
        {"out_dir": str(out_dir.resolve()), "threshold": 0.5},
        result.summary(),
        result.scored,
        [c.cluster for c in result.clusters],
        artifacts={ARTIFACT_NAME: index.to_bytes()},
        features=result.feats,
    )
    store.close()
    sc = Scenario(
        db_url=db_url, out_dir=out_dir, run_id=run_id, campaign_members=members, genuine_ids=genuine
    )
    for label, ids in members.items():
        for cr in result.clusters:
            if set(ids) & set(cr.cluster.complaint_ids):
                sc.clusters[label] = cr.cluster.cluster_id
                break
    return sc
