"""Every page and API answer an analyst or an auditor can reach, scanned for numbers and names
they may not see: full mobile numbers, full resident ID numbers, and the borrowers' full names
(in free text too: complaint texts, campaign templates, materials findings and OCR fields)."""

from __future__ import annotations

import pytest
from pii_watch import SEEN, leaks_in
from wb_scenario import ID_NUMBER, NAMES


def _paths(scenario, client) -> list[str]:
    ids = [i for members in scenario.campaign_members.values() for i in members] + list(scenario.genuine_ids)
    paths = [
        "/api/me",
        "/api/runs/latest",
        "/api/campaigns",
        "/api/quick-lane",
        "/api/cases",
        "/api/indicators?value=tingxi_dz888&kind=wechat",
        "/",
        "/cases",
    ]
    for cid in scenario.clusters.values():
        paths += [f"/api/campaigns/{cid}", f"/campaigns/{cid}"]
    for i in ids[:40]:
        paths += [f"/api/complaints/{i}", f"/complaints/{i}"]
    for case in client.get("/api/cases").json()["items"]:
        paths += [f"/api/cases/{case['case_id']}", f"/cases/{case['case_id']}"]
    return paths


@pytest.mark.parametrize("role", ["analyst", "auditor"])
def test_no_full_number_or_name_reaches_a_masked_role(role, scenario, request):
    client = request.getfixturevalue(role)
    # a lead's notes carry numbers and names too (analysts copy them from calls)
    lead = request.getfixturevalue("lead")
    pii = f"客户{NAMES[0]}来电，号码13912345678，身份证{ID_NUMBER}"
    cid = scenario.clusters["A"]
    assert lead.post(f"/api/campaigns/{cid}/notes", json={"text": pii}).status_code == 200
    member = scenario.campaign_members["A"][0]
    assert lead.post(f"/api/complaints/{member}/notes", json={"text": pii}).status_code == 200
    for case in lead.get("/api/cases").json()["items"][:2]:
        assert lead.post(f"/api/cases/{case['case_id']}/notes", json={"text": pii}).status_code == 200
    leaks: dict[str, list[str]] = {}
    seen_material = False
    for path in _paths(scenario, client):
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        body = r.text
        seen_material |= "A000_hardship.png" in body and "修订前文本" in body
        if found := leaks_in(body):
            leaks[path] = sorted(set(found))
    assert seen_material, "the sweep never reached the materials findings it must check"
    assert not leaks, leaks


def test_the_sweep_would_see_a_leak(lead, scenario):
    """The same scan on a lead's unmasked answer finds what it looks for (the test can fail)."""
    cid = scenario.clusters["A"]
    body = lead.get(f"/api/campaigns/{cid}?unmask=1").text
    assert ID_NUMBER in body and leaks_in(body)


def test_mask_deep_masks_by_field_and_inside_text():
    from qinglang.web.pii import mask_deep

    record = {
        "file": "a.pdf",
        "fields": {
            "name": "王小明",
            "holder_name": "李四",
            "id_numbers": [ID_NUMBER],
            "ocr_conf": {"name": 91},
        },
        "findings": [
            {"detail_zh": f"修订前文本：姓名：赵六 身份证号：{ID_NUMBER}，我是钱七，电话13912345678"}
        ],
    }
    got = mask_deep(record, names=("孙八",))
    flat = str(got)
    assert "王小明" not in flat and "李四" not in flat and "赵六" not in flat and "钱七" not in flat
    assert ID_NUMBER not in flat and "13912345678" not in flat
    assert got["fields"]["ocr_conf"] == {"name": 91} and got["file"] == "a.pdf"
    assert got["fields"]["name"] == "王**" and got["fields"]["id_numbers"] == ["110101********4518"]


def test_the_run_wide_watch_sees_the_masked_roles_answers(analyst, scenario):
    """conftest's login() puts a watch on every analyst/auditor client: it saw this answer."""
    before = SEEN[0]
    analyst.get(f"/api/campaigns/{scenario.clusters['A']}")
    assert SEEN[0] == before + 1


def test_the_watch_reads_numbers_not_hex_ids():
    # a scan run's random hex id may hold an 11-digit run: it is no phone; numbers still are
    assert leaks_in('{"run": "b4835c15245685926cf9dc8626a240c8"}') == []
    assert leaks_in('{"t": "电话13912345678"}') == ["13912345678"]
    assert leaks_in(f'{{"id": "{ID_NUMBER}"}}') == [ID_NUMBER]
