"""The page's minimum confidence in Chromium, over a store whose reports carry known confidences
(tests/trust.py): the control filters the chart, the ledger and the events; each event shows its confidence
and its independent outlets, and an event says why it has its confidence."""

from __future__ import annotations

import re

import pytest

from detente.serve import create_app
from detente.store import Store

from .. import trust
from .test_page import SHOTS, expect, page, server  # noqa: F401  (Chromium or skipped, as test_page decides)


@pytest.fixture(scope="module")
def trusted(tmp_path_factory):
    path = tmp_path_factory.mktemp("trust-page") / "trust.sqlite"
    with Store.open(path) as store:
        trust.build(store)
        return str(path), trust.event_names(store)


@pytest.fixture(scope="module")
def app(trusted):
    return create_app(trusted[0])


def numbers(page, names):  # noqa: F811
    return {names[int(text)] for text in page.locator("#events tbody td:first-child").all_inner_texts()}


def test_the_minimum_confidence_filters_what_the_page_shows(page, server, trusted):  # noqa: F811
    names = trusted[1]
    page.goto(server + "/#/dyad/GBR-RUS?period=month")
    expect(page.locator("#dyad h1")).to_have_text("GBR – RUS")
    expect(page.locator("#events tbody tr")).to_have_count(4)
    headers = page.locator("#events thead th").all_inner_texts()
    assert "confidence" in headers and "independent outlets" in headers
    rus = next(number for number, name in names.items() if name == "rus")
    row = page.locator("#events tbody tr").filter(has=page.locator("td:first-child", has_text=re.compile(f"^{rus}$")))
    cells = row.locator("td").all_inner_texts()
    assert cells[headers.index("confidence")] == "0.85" and cells[headers.index("independent outlets")] == "2"
    assert cells[headers.index("outlets")] == "3"
    threat = next(number for number, name in names.items() if name == "threat")
    unknown = page.locator("#events tbody tr").filter(
        has=page.locator("td:first-child", has_text=re.compile(f"^{threat}$")))
    assert unknown.locator("td").all_inner_texts()[headers.index("confidence")] == "–"
    expect(page.locator("#dyad table").nth(1).locator("tbody tr")).to_have_count(3)  # the parity ledger

    control = page.locator("#window input[name=min_confidence]")
    control.fill("0.8")
    control.press("Tab")
    expect(page).to_have_url(re.compile(r"min_confidence=0\.8"))
    expect(page.locator("#chart")).to_have_attribute("src", re.compile(r"plot\.svg\?.*min_confidence=0\.8"))
    expect(page.locator("#events tbody tr")).to_have_count(2)
    assert numbers(page, names) == trust.PASSING[0.8] & {"gbr", "threat", "rus", "shut"}
    expect(page.locator("#dyad table").nth(1).locator("tbody tr")).to_have_count(2)
    expect(page.locator("#window input[name=min_confidence]")).to_have_value("0.8")
    chart = page.locator("#chart")
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("image => image.naturalWidth") > 0
    page.screenshot(path=SHOTS / "6-confidence.png", full_page=True)

    # the type filter below keeps the minimum confidence chosen above
    page.select_option("select[name=type]", "SANCTION")
    expect(page.locator("#events tbody tr")).to_have_count(2)

    control = page.locator("#window input[name=min_confidence]")
    control.fill("0.7")
    control.press("Tab")
    expect(page).to_have_url(re.compile(r"min_confidence=0\.7"))
    expect(page.locator("#events tbody tr")).to_have_count(3)
    assert numbers(page, names) == trust.PASSING[0.7]


def test_an_event_says_why_it_has_its_confidence(page, server, trusted):  # noqa: F811
    rus = next(number for number, name in trusted[1].items() if name == "rus")
    page.goto(server + f"/#/event/{rus}")
    expect(page.locator("#confidence")).to_have_text("confidence 0.85 · 2 independent outlets")
    expect(page.locator("#event .report .meta").filter(has_text="confidence 0.70")).to_have_count(1)
    expect(page.locator("#event .report .meta").filter(has_text=re.compile(r"Capital Wire .* copy of r\d+"))
           ).to_have_count(1)
    expect(page.locator("#sources li")).to_have_count(2)
    expect(page.locator("#combined")).to_have_text("combined (noisy-or) 0.85 → 0.85")
    shut = next(number for number, name in trusted[1].items() if name == "shut")
    page.goto(server + f"/#/event/{shut}")
    expect(page.locator("#combined")).to_have_text("combined (noisy-or) 0.94 × 0.8 (the reports disagree on numbers)"
                                                   " → 0.75")
    page.screenshot(path=SHOTS / "7-why.png", full_page=True)
