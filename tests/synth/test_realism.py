"""Genuine complaints read like different people; the incident is a burst; attachments and posts line up."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

from qinglang.synth.attachments import TAMPERS
from qinglang.synth.genuine import split_sentences

# Pleasantries such as "谢谢" or "请尽快处理" are legitimately common; a shared template sentence is longer.
MIN_SENTENCE = 10


def _core(sentence: str) -> str:
    return re.sub(r"[，,；;：:、\s]", "", sentence)


def test_genuine_complaints_share_no_whole_sentence(scenario) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in scenario.complaints:
        if scenario.campaign_of(c["complaint_id"]) is None:
            for s in split_sentences(c["text"]):
                core = _core(s)
                if len(core) >= MIN_SENTENCE:
                    owners[core].add(c["customer_id"] or c["complaint_id"])
    shared = {s: who for s, who in owners.items() if len(who) > 1}
    assert not shared, list(shared)[:5]


def test_genuine_texts_vary_in_length(scenario) -> None:
    lengths = sorted(
        len(c["text"]) for c in scenario.complaints if scenario.campaign_of(c["complaint_id"]) is None
    )
    assert lengths[len(lengths) // 10] < 60  # one-liners exist
    assert lengths[-len(lengths) // 20] > 150  # and several-sentence complaints
    assert sum("！！" in c["text"] for c in scenario.complaints) > 20  # some are angry
    assert sum("12378" in c["text"] for c in scenario.complaints) > 20  # some threaten the regulator


def test_incident_burst_within_hours_from_unrelated_customers(scenario) -> None:
    recs = {c["complaint_id"]: c for c in scenario.complaints}
    burst = [recs[cid] for cid in scenario.truth["hard_negatives"]["incident_burst"]]
    assert len(burst) >= 30
    times = sorted(datetime.fromisoformat(c["received_at"]).replace(tzinfo=None) for c in burst)
    assert times[-1] - times[0] <= timedelta(hours=8)
    assert len({c["customer_id"] for c in burst}) == len(burst)
    assert len({c["phone"] for c in burst}) >= 0.95 * len(burst)
    cities = {scenario.customers[c["customer_id"]]["city"] for c in burst}
    assert len(cities) >= 15  # across the country
    texts = [c["text"] for c in burst]
    assert len(set(texts)) == len(texts)


def test_campaign_phones_concentrate_in_agency_city(scenario) -> None:
    from qinglang.phones import phone_info

    agencies = scenario.truth["agencies"]
    styles = scenario.truth["campaign_styles"]
    for cid, ag in agencies.items():
        if styles[cid] not in ("legal_consulting", "fake_law_firm", "death_relatives"):
            continue
        phones = [c["phone"] for c in scenario.complaints if scenario.campaign_of(c["complaint_id"]) == cid]
        in_city = sum(1 for p in phones if (phone_info(p).city or "").endswith(ag["city"]))
        assert in_city / len(phones) >= 0.4, (cid, ag["city"])


def test_attachments_manifest(scenario) -> None:
    rows = {r["file"]: r for r in scenario.manifest}
    assert len(rows) == len(scenario.manifest)  # one line per file
    referenced = [(c["complaint_id"], f) for c in scenario.complaints for f in c["attachments"]]
    assert {f for _, f in referenced} == set(rows)
    for cid, f in referenced:
        assert re.fullmatch(r"attachments/[0-9a-f]{16}\.(png|jpg|pdf)", f)
        r = rows[f]
        assert r["complaint_id"] == cid
        assert r["campaign_id"] == scenario.campaign_of(cid)
        assert r["tamper"] is None or r["tamper"] in TAMPERS
        if r["reuse_of"] is not None:
            assert r["reuse_of"] in rows and r["reuse_of"] != f
    kinds = Counter(r["doc_type"] for r in scenario.manifest)
    assert kinds["death_certificate"] >= 20 and kinds["lawyer_letter"] >= 5
    assert any(r["reuse_of"] for r in scenario.manifest)
    assert sum(1 for r in scenario.manifest if r["tamper"]) >= 10
    # genuine attachments are never tampered
    assert all(r["tamper"] is None for r in scenario.manifest if r["campaign_id"] is None)


def test_posts_truth(scenario) -> None:
    truth = scenario.truth["posts"]
    assert set(truth) == {p["post_id"] for p in scenario.posts}
    labels = Counter(v["label"] for v in truth.values())
    assert labels["ad"] > 20 and labels["negative"] > 20
    kinds = Counter(v["kind"] for v in truth.values())
    for k in ("anti_fraud", "regulator_notice", "court_news", "lender_ad", "borrower_question"):
        assert kinds[k] > 0, k
    agencies = scenario.truth["agencies"]
    linked = {v["campaign_id"] for v in truth.values() if v.get("campaign_id")}
    assert len(linked) >= len(agencies) // 2
    for v in truth.values():
        if v.get("campaign_id"):
            ag = agencies[v["campaign_id"]]
            assert v["contacts"]
            assert set(v["contacts"]) <= set(ag["phones"]) | {ag["wechat"], ag["backup_wechat"], ag["qq"]}
    # negatives use the same vocabulary as the ads
    neg_text = " ".join(p["text"] for p in scenario.posts if truth[p["post_id"]]["label"] == "negative")
    assert "停息挂账" in neg_text and "反催收" in neg_text


def test_accounts_reappear_under_new_names(scenario) -> None:
    truth = scenario.truth["posts"]
    accounts_per_agency: dict[str, set[str]] = defaultdict(set)
    for p in scenario.posts:
        cid = truth[p["post_id"]].get("campaign_id")
        if cid:
            accounts_per_agency[cid].add(p["account"])
    assert any(len(a) >= 2 for a in accounts_per_agency.values())


def test_official_numbers_are_common_but_never_organizers(scenario) -> None:
    from qinglang.synth import lexicon as lx

    hotline = re.sub(r"\D", "", lx.HOTLINE)
    mentions = [c for c in scenario.complaints if hotline in re.sub(r"\D", "", c["text"])]
    assert len(mentions) >= 10
    assert len({c["customer_id"] for c in mentions}) >= 10  # many unrelated customers quote it
    organizers = {v for vals in scenario.truth["organizers"].values() for v in vals}
    assert not any(hotline in v or v.endswith("12378") for v in organizers)
    assert all(
        scenario.campaign_of(cid) is None for cid in scenario.truth["hard_negatives"]["official_numbers"]
    )


def test_family_households_share_devices_sometimes(scenario) -> None:
    recs = {c["complaint_id"]: c for c in scenario.complaints}
    by_device: dict[str, set[str]] = defaultdict(set)
    for cid in scenario.truth["hard_negatives"]["shared_family_phone"]:
        c = recs[cid]
        if c["device_id"]:
            by_device[c["device_id"]].add(c["customer_id"])
    assert any(len(v) >= 2 for v in by_device.values())
