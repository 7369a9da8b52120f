"""Browser acceptance of issue 12 (Chromium on a live server), the analyst's daily job: a rescan
keeps the lead's verdict on the right campaign and shows its growth; the quick lane pages through
every urgent complaint; a cross-site form POST (another origin) is refused and changes nothing;
a page of members is marked answered with one confirmation.
Screenshots go to test-artifacts/web/."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from playwright.sync_api import sync_playwright
from wb_live import free_port, login, serve
from wb_scenario import AGENT_PHONE, PASSWORD, USERS, Scenario, artifacts_dir, write_scenario

from qinglang.evidence.pack import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.slow  # Chromium against a live server


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Scenario]]:
    from qinglang.web.app import create_app
    from qinglang.web.auth import create_user

    d = tmp_path_factory.mktemp("wb-browser-rescan")
    sc = write_scenario(f"sqlite:///{d / 'qinglang.sqlite'}", d / "out")
    app = create_app(sc.db_url)
    for name, role in USERS.items():
        create_user(app.state.wb.engine, name, PASSWORD, role)
    with serve(app) as base:
        yield base, sc


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _rescan_with_b_grown(sc: Scenario, extra: int = 2) -> tuple[str, str]:
    """A second scan run a week later: A and B swap ranks and B gains `extra` complaints.
    Returns (A's id now, B's id now)."""
    from qinglang.store import open_store, save_scan
    from qinglang.store.results import load_scan

    store = open_store(sc.db_url)
    first = load_scan(store, sc.run_id)
    assert first is not None
    a = next(c for c in first.clusters if c.cluster_id == sc.clusters["A"])
    b = next(c for c in first.clusters if c.cluster_id == sc.clusters["B"])
    taken = {i for c in first.clusters for i in c.complaint_ids}
    more = [s.complaint_id for s in first.scored if s.complaint_id not in taken][:extra]
    a_now = a.model_copy(update={"cluster_id": b.cluster_id})
    b_now = b.model_copy(
        update={
            "cluster_id": a.cluster_id,
            "complaint_ids": [*b.complaint_ids, *more],
            "size": b.size + len(more),
        }
    )
    save_scan(
        store,
        "scan-test-rescan",
        first.params,
        first.summary,
        first.scored,
        [a_now, b_now],
        created_at=first.created_at + timedelta(days=7),
    )
    store.close()
    return a_now.cluster_id, b_now.cluster_id


def test_a_rescan_keeps_the_verdict_on_the_right_campaign_and_shows_its_growth(live, browser):
    base, sc = live
    shots = artifacts_dir()
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    login(page, base, "lead1")
    b_first = sc.clusters["B"]
    page.goto(base + f"/campaigns/{b_first}")
    key = page.inner_text("#campaign-key b")
    page.click("#confirm-campaign")
    page.wait_for_selector("#action-dialog[open]")
    page.fill("#dialog-note", "同一代理电话，核实为代投诉")
    page.click("#dialog-ok")
    page.wait_for_url("**/cases/QL-*")
    case_id = page.inner_text("#case-id")

    a_now, b_now = _rescan_with_b_grown(sc)
    page.goto(base + "/")
    rows = {
        page.locator("#queue tbody tr").nth(i).locator("a.campaign-link").inner_text(): page.locator(
            "#queue tbody tr"
        ).nth(i)
        for i in range(page.locator("#queue tbody tr").count())
    }
    b_row, a_row = rows[b_now], rows[a_now]
    assert "确认为团伙" in b_row.inner_text() and case_id in b_row.inner_text()  # the verdict followed B
    assert "+2" in b_row.inner_text() and key in b_row.inner_text()  # and its growth is shown
    assert "确认为团伙" not in a_row.inner_text() and case_id not in a_row.inner_text()  # not on B's old rank
    first_row = page.locator("#queue tbody tr").first.locator("a.campaign-link").inner_text()
    assert first_row == b_now  # grown since the last scan: first in the queue
    page.screenshot(path=str(shots / "15-rescan-queue.png"), full_page=True)

    page.goto(base + f"/campaigns/{b_now}")
    assert page.inner_text("#campaign-key b") == key
    assert "+2" in page.inner_text("#since-last") and b_first in page.inner_text("#since-last")
    assert page.inner_text("#case-link") == case_id
    assert page.locator("#confirm-campaign").count() == 0  # its case is live: nothing to confirm again
    page.screenshot(path=str(shots / "16-rescan-campaign.png"), full_page=True)
    page.goto(base + f"/cases/{case_id}")
    if b_now != b_first:
        assert b_now in page.inner_text("#case-now")
    assert errors == []


def test_the_quick_lane_pages_through_every_waiting_complaint(live, browser):
    base, _ = live
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    login(page, base, "analyst1")
    for j in range(20):  # online submissions join the lane: more than one page of 30
        r = context.request.post(
            f"{base}/api/complaints",
            data={
                "complaint_id": f"LANE-B-{j:02d}",
                "received_at": "2026-03-06 10:00",
                "text": "昨天被重复扣款两次，请尽快退款",
            },
        )
        assert r.status == 200 and not r.json()["flagged"], r.text()
    page.goto(base + "/")
    total_text = page.inner_text("#lane-total")
    total = int("".join(ch for ch in total_text.split("件")[0] if ch.isdigit()))
    seen: list[str] = []
    for _ in range(100):
        seen += page.locator("#quick-lane .lane-item:not(.incident) > a").all_inner_texts()
        if page.locator("#lane-next").count() == 0:
            break
        page.click("#lane-next")
        page.wait_for_selector("#lane-pager")
    assert total > 30 and len(seen) == total and len(set(seen)) == total
    page.screenshot(path=str(artifacts_dir() / "17-lane-last-page.png"), full_page=True)


ATTACK = """<!doctype html><html><body>
<form id="f" method="post" action="{target}/api/complaints/{cid}/verdict" enctype="text/plain">
<input name='{{"verdict":"genuine","note":"x","pad":"' value='"}}'><button id="go">go</button></form>
<form id="l" method="post" action="{target}/login"><input name="username" value="auditor1">
<input name="password" value="{password}"><button id="go-login">login</button></form>
</body></html>"""


def test_a_cross_site_post_is_refused_and_changes_nothing(live, browser):
    """A page on another origin (localhost vs 127.0.0.1) submits forms into the workbench while the
    lead is logged in: a JSON-shaped verdict (text/plain) and a login as someone else."""
    base, sc = live
    cid = sc.campaign_members["A"][3]
    html = ATTACK.format(target=base, cid=cid, password=PASSWORD).encode()

    class Evil(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    port = free_port()
    evil = http.server.HTTPServer(("127.0.0.1", port), Evil)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        login(page, base, "lead1")
        before = context.request.get(f"{base}/api/complaints/{cid}").json()["verdicts"]
        page.goto(f"http://localhost:{port}/")
        with page.expect_response(lambda r: "/verdict" in r.url) as resp:
            page.click("#go")
        assert resp.value.status == 403
        page.goto(f"http://localhost:{port}/")
        with page.expect_response(lambda r: r.url.endswith("/login")) as resp:
            page.click("#go-login")
        assert resp.value.status == 403
        # the form's POST navigates the page to the refusal: let that navigation finish before the
        # picture (CI once caught Chromium mid-commit: "Unable to capture screenshot")
        page.wait_for_load_state("load")
        page.screenshot(path=str(artifacts_dir() / "18-cross-site-refused.png"))
        assert context.request.get(f"{base}/api/complaints/{cid}").json()["verdicts"] == before
        assert context.request.get(f"{base}/api/me").json()["username"] == "lead1"  # session not swapped
    finally:
        evil.shutdown()


def test_an_analyst_marks_a_page_of_members_answered_with_one_confirmation(live, browser):
    base, sc = live
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    login(page, base, "analyst1")
    cid = sc.clusters["A"]
    page.goto(base + f"/campaigns/{cid}?members_sort=oldest")
    assert page.locator("#campaign-evidence .evidence-row").count() >= 2
    boxes = page.locator(".member-check")
    n = boxes.count()
    assert n >= 4 and page.locator("#bulk-answered").is_disabled()
    page.check("#select-page")
    assert page.locator("#bulk-answered").is_enabled() and str(n) in page.inner_text("#bulk-count")
    page.click("#bulk-answered")
    page.wait_for_selector("#action-dialog[open]")
    assert f"{n} 件" in page.inner_text("#dialog-text")
    page.screenshot(path=str(artifacts_dir() / "19-bulk-dialog.png"))
    page.fill("#dialog-note", "已统一电话答复")
    ids = [boxes.nth(i).get_attribute("value") for i in range(n)]
    with page.expect_response(lambda r: r.url.endswith("/api/complaints/bulk-verdict")) as resp:
        page.click("#dialog-ok")
    assert resp.value.status == 200
    page.wait_for_selector("#members")
    for member in ids:
        detail = page.context.request.get(f"{base}/api/complaints/{member}").json()
        assert [v["verdict"] for v in detail["verdicts"]][-1] == "answered"
    assert errors == []


def test_an_organiser_node_in_the_graph_opens_its_indicator_page(live, browser):
    base, sc = live
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    login(page, base, "analyst1")
    page.goto(base + f"/campaigns/{sc.clusters['A']}")
    page.wait_for_selector("#graph canvas")
    deadline = time.monotonic() + 20
    while not page.evaluate("!!(window.__cy && window.__cy.nodes(\"[type = 'organizer']\").length)"):
        assert time.monotonic() < deadline, "no organiser node in the graph"
        time.sleep(0.1)
    page.evaluate("window.__cy.nodes(\"[type = 'organizer']\")[0].emit('tap')")  # what a click does
    page.wait_for_url("**/indicators/*/*")
    assert "/indicators/organizer" not in page.url  # resolved on the server to the keyed page
    assert AGENT_PHONE not in page.url and AGENT_PHONE not in page.inner_text("body")
    page.screenshot(path=str(artifacts_dir() / "20-graph-organiser-to-indicator.png"), full_page=True)
