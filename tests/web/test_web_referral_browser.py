"""Browser acceptance for referral to police (issue 14 item 4): in Chromium, against a live
workbench on loopback, a lead refers a case to a unit from the case page, an officer of that unit
signs for it (a receipt shows) and asks for more material, the lead sees the referral waiting on
them and answers, the officer signs again, files and closes the case; the timeline shows every
step on both sides. Screenshots 60-65 in test-artifacts/web/.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pii_watch import leaks_in
from playwright.sync_api import Page, expect, sync_playwright
from wb_live import login, serve
from wb_scenario import AGENT_PHONE, PASSWORD, USERS, Scenario, artifacts_dir

from qinglang.evidence.pack import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow
UNIT = "上海市公安局经侦总队"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Scenario, str]]:
    from wb_scenario import write_scenario

    from qinglang.web import actions
    from qinglang.web.app import create_app
    from qinglang.web.auth import User, create_user

    d = tmp_path_factory.mktemp("wb-referral-browser")
    sc = write_scenario(f"sqlite:///{d / 'q.sqlite'}", d / "out")
    app = create_app(sc.db_url, online=False)
    engine = app.state.wb.engine
    for name, role in USERS.items():
        create_user(engine, name, PASSWORD, role)
    create_user(engine, "officer1", PASSWORD, "police", UNIT)
    case = actions.confirm_campaign(
        engine, User("lead1", "lead"), sc.run_id, sc.clusters["A"], "团伙代投诉 A"
    )
    with serve(app) as base:
        yield base, sc, case["case_id"]


def _police_login(page: Page, base: str) -> None:
    page.goto(base + "/")
    page.wait_for_url("**/login**")
    page.fill("#username", "officer1")
    page.fill("#password", PASSWORD)
    page.click("#login-submit")
    page.wait_for_url("**/referrals")


def _police_move(page: Page, state: str, note: str, events: int) -> None:
    page.fill("#referral-note", note)
    page.click(f"#police-{state}")
    expect(page.locator("tr.referral-event")).to_have_count(events)


def test_lead_refers_officer_signs_asks_more_lead_answers_officer_closes(live):
    base, sc, case_id = live
    shots = artifacts_dir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        lead = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        officer = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()

        # the officer sees nothing before the referral
        _police_login(officer, base)
        expect(officer.locator("tr.referral-row")).to_have_count(0)
        assert officer.goto(f"{base}/referrals/{case_id}").status == 404
        assert officer.goto(f"{base}/cases/{case_id}").status == 404

        # the lead exports the pack and refers the case from its page
        login(lead, base, "lead1")
        assert lead.request.get(f"{base}/api/cases/{case_id}/evidence-pack").status == 200
        lead.goto(f"{base}/cases/{case_id}")
        expect(lead.locator("#referral-none")).to_be_visible()
        lead.fill("#refer-unit", UNIT)
        lead.fill("#refer-note", "线索移送：团伙代投诉 A")
        lead.click("#refer-submit")
        expect(lead.locator("tr.referral-event")).to_have_count(1)
        expect(lead.locator("#case-status")).to_contain_text("已移送")
        lead.locator("#referral-timeline").scroll_into_view_if_needed()
        lead.screenshot(path=str(shots / "60-lead-referred-case.png"), full_page=True)

        # the officer signs for it (a receipt) and asks for more material
        officer.goto(f"{base}/referrals")
        expect(officer.locator("tr.referral-row")).to_have_count(1)
        officer.screenshot(path=str(shots / "61-officer-referrals.png"))
        officer.click(f"a[href='/referrals/{case_id}']")
        officer.wait_for_url(f"**/referrals/{case_id}")
        main = officer.locator("main").inner_text()
        assert AGENT_PHONE in main  # the organiser as the pack shows him
        assert [x for x in leaks_in(main) if not x.endswith(AGENT_PHONE)] == []  # customers masked
        _police_move(officer, "received", "已签收证据包", 2)
        expect(officer.locator(".receipt")).to_have_count(1)
        _police_move(officer, "more_material", "请补充通话录音", 3)
        expect(officer.locator("#awaiting-lead")).to_be_visible()
        officer.screenshot(path=str(shots / "62-officer-asks-more-material.png"), full_page=True)

        # the lead sees it waiting on them, and answers
        lead.goto(f"{base}/referrals")
        row = lead.locator("tr.referral-row", has_text=case_id)
        expect(row).to_contain_text("补充材料")
        expect(row.locator(".waited")).not_to_be_empty()
        lead.screenshot(path=str(shots / "63-lead-open-referrals.png"))
        lead.goto(f"{base}/cases/{case_id}")
        expect(lead.locator("#case-status")).to_contain_text("审查中")
        lead.fill("#answer-note", "已补充通话录音 3 段")
        lead.click("#answer-submit")
        expect(lead.locator("tr.referral-event")).to_have_count(4)
        expect(lead.locator("#case-status")).to_contain_text("已移送")

        # the officer signs again, files and closes the case
        officer.reload()
        _police_move(officer, "received", "已签收补充材料", 5)
        _police_move(officer, "filed", "已立案侦查", 6)
        _police_move(officer, "closed", "已结案", 7)
        expect(officer.locator("#referral-form")).to_have_count(0)
        officer.screenshot(path=str(shots / "64-officer-closed.png"), full_page=True)

        lead.reload()
        expect(lead.locator("#case-status")).to_contain_text("已结案")
        states = lead.locator("tr.referral-event").evaluate_all("rows => rows.map(r => r.dataset.to)")
        assert states == ["referred", "received", "more_material", "referred", "received", "filed", "closed"]
        lead.locator("#referral-timeline").scroll_into_view_if_needed()
        lead.screenshot(path=str(shots / "65-lead-timeline-closed.png"), full_page=True)
        browser.close()
