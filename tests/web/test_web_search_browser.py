"""Browser acceptance for search (issue 12): Chromium types "156 8278 6262" into the header box,
lands on results that show the campaign that number organises and its two ads, opens the
indicator page, and reaches the same page from the campaign page's organiser link.
Screenshots in test-artifacts/web/ (20-22).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect, sync_playwright
from search_scenario import ORGANISER_PHONE, SPACED, write_search_scenario
from wb_live import login, serve
from wb_scenario import PASSWORD, USERS, Scenario, artifacts_dir

from qinglang.evidence.pack import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Scenario]]:
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    d = tmp_path_factory.mktemp("wb-search-browser")
    sc = write_search_scenario(f"sqlite:///{d / 'q.sqlite'}", d / "out")
    app = create_app(sc.db_url, online=False)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    with serve(app) as base:
        yield base, sc


def test_analyst_searches_a_spaced_phone_and_opens_its_indicator_page(live):
    base, sc = live
    shots = artifacts_dir()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        login(page, base, "analyst1")
        box = page.locator("#search-box")
        expect(box).to_be_visible()
        box.fill(SPACED)
        box.press("Enter")
        page.wait_for_url("**/search?q=*")
        expect(page.locator("#campaigns .campaign-hit")).to_have_count(1)
        expect(page.locator("#campaigns")).to_contain_text(sc.clusters["A"])
        expect(page.locator("#posts .post-hit")).to_have_count(2)
        expect(page.locator("#posts")).to_contain_text("P001")
        expect(page.locator("#posts")).to_contain_text("P002")
        expect(page.locator("#complaints .total")).to_have_text(str(len(sc.campaign_members["A"])))
        expect(page.locator("#indicators .indicator-link").first).to_have_text("156****6262")
        assert ORGANISER_PHONE not in page.locator("main").inner_text()
        page.screenshot(path=str(shots / "20-search-spaced-phone.png"), full_page=True)

        page.locator("#indicators .indicator-link").first.click()
        page.wait_for_url("**/indicators/phone/*")
        assert ORGANISER_PHONE not in page.url
        expect(page.locator("#indicator-value")).to_have_text("156****6262")
        expect(page.locator("#first-seen")).not_to_be_empty()
        expect(page.locator("#campaigns")).to_contain_text(sc.clusters["A"])
        expect(page.locator("#posts .post-hit")).to_have_count(2)
        page.screenshot(path=str(shots / "21-indicator-page.png"), full_page=True)
        indicator_url = page.url

        # the campaign page's organiser link opens the same indicator page
        page.goto(f"{base}/campaigns/{sc.clusters['A']}")
        page.locator("#organizers .organizer-link").first.click()
        page.wait_for_url("**/indicators/phone/*")
        assert page.url == indicator_url
        # the results page in English
        page.goto(f"{base}/search?q=156%208278%206262&lang=en")
        expect(page.locator("#search-head h1")).to_contain_text("Search")
        page.screenshot(path=str(shots / "22-search-en.png"), full_page=True)
        browser.close()
