"""The web page in a real browser: Playwright for Python driving Debian's Chromium (no browser download).

The tests save screenshots in out/screenshots/.  Without /usr/bin/chromium they are skipped, unless
DETENTE_REQUIRE_BROWSER is set (as `.ci/run` does), in which case they fail.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

from detente import api
from detente.store import EventFilter

CHROMIUM = Path(os.environ.get("DETENTE_CHROMIUM", "/usr/bin/chromium"))
SHOTS = Path(__file__).resolve().parents[2] / "out" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTICLE = ("India expels Canadian diplomat\n\nNEW DELHI — India on Tuesday expelled a senior Canadian diplomat "
           "and gave him five days to leave the country, a day after Canada expelled an Indian diplomat.")

if not CHROMIUM.exists():
    if os.environ.get("DETENTE_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium package (see .ci/run)")
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server(app):
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    service = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not service.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the service did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    service.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.set_default_timeout(30_000)
        yield page
        browser.close()
        assert not errors, errors


def test_choose_a_dyad_open_an_event_see_evidence_and_its_answer(page, server, corpus_store):
    the_755 = next(r for r in api.aggregated(corpus_store, EventFilter(dyad=("RUS", "USA"), event="SANCTION"))
                   if any(m["size"] and m["size"]["count"] == 755 for m in r["mentions"]))
    page.goto(server + "/")
    expect(page.locator("#dyad-picker option[value='RUS-USA']")).to_have_count(1)
    page.select_option("#dyad-picker", "RUS-USA")
    expect(page.locator("#dyad h1")).to_have_text("RUS – USA")
    expect(page.locator("#events tbody tr").first).to_be_visible()
    chart = page.locator("#chart")
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("image => image.naturalWidth") > 0  # the SVG chart loaded
    page.screenshot(path=SHOTS / "1-dyad.png", full_page=True)

    page.select_option("select[name=type]", "SANCTION")
    expect(page.locator("#events tbody tr td:nth-child(4)").filter(has_not_text="SANCTION")).to_have_count(0)
    number = page.locator("#events tbody td:first-child").filter(has_text=re.compile(f"^{the_755['number']}$"))
    while number.count() == 0:
        shown = page.locator("#events .pager span").inner_text()
        page.get_by_role("button", name="next →").click()
        expect(page.locator("#events .pager span")).not_to_have_text(shown)
    number.first.click()
    expect(page.locator("#event h1")).to_contain_text(f"{the_755['number']}.")
    expect(page.locator("#event .report mark.trigger").first).to_be_visible()
    expect(page.locator("#event .report")).to_have_count(len(the_755["mentions"]))
    answer = page.locator("#answers li.link", has_text="USA → RUS").filter(has=page.locator(".badge.stated"))
    expect(answer.first).to_be_visible()
    page.screenshot(path=SHOTS / "2-event.png", full_page=True)

    answer.first.locator("a").click()
    expect(page.locator("#event h1")).to_contain_text("USA → RUS SANCTION")
    page.screenshot(path=SHOTS / "3-answer.png", full_page=True)


def test_links_under_the_threshold_appear_when_asked(page, server, corpus_store):
    from detente.reciprocity.link_score import floor

    hidden = [link for link in corpus_store.links() if link.score < floor()]
    assert hidden, "the corpus has links under the threshold"
    event = corpus_store.aggregate(hidden[0].effect)
    shown = len(corpus_store.links(event.id, floor=floor()))
    every = len(corpus_store.links(event.id))
    page.goto(f"{server}/#/event/{event.number}")
    expect(page.locator("#event h1")).to_contain_text(f"{event.number}.")
    expect(page.locator("#causes li.link")).to_have_count(shown)
    page.check("#all-links")
    expect(page).to_have_url(re.compile(r"all_links=true"))
    expect(page.locator("#causes li.link")).to_have_count(every)
    expect(page.locator("#causes .badge").first).to_contain_text(re.compile(r"(stated|inferred) 0\.\d\d"))


def test_the_window_applies_to_the_chart_and_the_events(page, server):
    page.goto(server + "/#/dyad/RUS-USA?period=month")
    expect(page.locator("#dyad h1")).to_have_text("RUS – USA")
    page.fill("#window input[name=since]", "2017-07-01")
    expect(page).to_have_url(re.compile(r"since=2017-07-01"))
    page.fill("#window input[name=until]", "2017-12-31")
    expect(page).to_have_url(re.compile(r"until=2017-12-31"))
    chart = page.locator("#chart")
    expect(chart).to_have_attribute("src", re.compile(r"plot\.svg\?period=month&status=done&since=2017-07-01&"
                                                       r"until=2017-12-31"))
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("image => image.naturalWidth") > 0
    expect(page.locator("#events tbody tr").first).to_be_visible()
    dates = page.locator("#events tbody td:nth-child(2)").all_inner_texts()
    assert dates and all("2017-07-01" <= day <= "2017-12-31" for day in dates)
    expect(page.locator("#window select[name=status] option[value=done]")).to_have_text("actual and planned")
    page.screenshot(path=SHOTS / "5-window.png", full_page=True)


def test_paste_an_article_and_see_its_events(page, server):
    page.goto(server + "/#/code")
    page.fill("#article", ARTICLE)
    page.fill("input[aria-label='publication date']", "2023-09-19")
    page.click("#code-button")
    rows = page.locator("#results tbody tr")
    expect(rows.first).to_be_visible()
    expect(page.locator("#results", has_text="IND → CAN")).to_have_count(1)
    expect(page.locator("#results mark.trigger").first).to_be_visible()
    page.screenshot(path=SHOTS / "4-code.png", full_page=True)


def test_hostile_text_is_shown_not_run(page, server):
    page.goto(server + "/#/code")
    page.fill("#article", ARTICLE + ' India said <img src=x onerror="window.injected=1"> nothing more.')
    page.click("#code-button")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    assert page.evaluate("window.injected === undefined")
    assert page.locator("#results img").count() == 0
