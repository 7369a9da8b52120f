"""Browser acceptance for watch-lists and alerts (issue 12 item 2): in Chromium an analyst watches
campaign A on its page, a rescan adds members to A, the header shows one alert, the alerts page
lists it unread, opening it reads it and lands on A in the new run. Screenshots 30-33 in
test-artifacts/web/.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alerts_scenario import rescan
from playwright.sync_api import expect, sync_playwright
from wb_live import login, serve
from wb_scenario import AGENT_PHONE, PASSWORD, USERS, Scenario, artifacts_dir

from qinglang.evidence.pack import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Scenario, object]]:
    from wb_scenario import write_scenario

    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    d = tmp_path_factory.mktemp("wb-alerts-browser")
    sc = write_scenario(f"sqlite:///{d / 'q.sqlite'}", d / "out")
    app = create_app(sc.db_url, online=False)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    with serve(app) as base:
        yield base, sc, app


def test_analyst_watches_a_campaign_and_opens_the_alert_a_rescan_raises(live):
    from qinglang.web import alerts

    base, sc, app = live
    a = sc.clusters["A"]
    shots = artifacts_dir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        login(page, base, "analyst1")
        expect(page.locator("#alert-count")).to_be_hidden()
        page.goto(f"{base}/campaigns/{a}")
        button = page.locator("#watch-campaign")
        expect(button).to_have_attribute("aria-pressed", "false")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        expect(button).to_contain_text("取消关注")
        # next to the organisers too (the phone is watched by its position: the page has it masked)
        organiser_watch = page.locator("#organizers button.js-watch").first
        organiser_watch.click()
        expect(organiser_watch).to_have_attribute("aria-pressed", "true")
        page.locator("#campaign-key").scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "30-watch-campaign.png"))
        # a reload keeps the state (read from the server)
        page.reload()
        expect(page.locator("#watch-campaign")).to_have_attribute("aria-pressed", "true")

        rescan(sc, "scan-browser-2", grow=4, days=7)
        assert len(alerts.after_scan(app.state.wb.engine, "scan-browser-2")) == 2  # the campaign, the phone

        page.goto(base + "/")
        count = page.locator("#alert-count")
        expect(count).to_be_visible()
        expect(count).to_have_text("2")
        page.screenshot(path=str(shots / "31-alert-in-header.png"))

        page.locator("#nav-alerts").click()
        page.wait_for_url("**/alerts")
        rows = page.locator("tr.alert-row.unread")
        expect(rows).to_have_count(2)
        campaign_row = rows.filter(has_text="新增 4 件投诉")
        expect(campaign_row).to_have_count(1)
        assert AGENT_PHONE not in page.locator("main").inner_text()
        expect(page.locator("#alerts")).to_contain_text("139****5678")
        page.screenshot(path=str(shots / "32-alerts-page.png"), full_page=True)

        campaign_row.locator("a.alert-open").click()
        page.wait_for_url("**/campaigns/*run_id=scan-browser-2*")
        expect(page.locator("#cluster-id")).to_have_text(a)
        expect(page.locator("#since-last")).to_contain_text("4")
        expect(page.locator("#alert-count")).to_have_text("1")  # opening it read it
        page.screenshot(path=str(shots / "33-alert-opened.png"))

        page.goto(base + "/alerts")
        expect(page.locator("tr.alert-row.unread")).to_have_count(1)
        page.locator("#alerts-read-all").click()
        expect(page.locator("tr.alert-row.unread")).to_have_count(0)
        expect(page.locator("#alert-count")).to_be_hidden()

        page.goto(base + "/watches")
        expect(page.locator("tr.watch-row")).to_have_count(2)
        page.locator("tr.watch-row button.js-unwatch").first.click()
        expect(page.locator("tr.watch-row")).to_have_count(1)
        browser.close()
