"""A fetched page read in bounded time and memory: large markup cut (scripts and styles first), named by its URL."""

from __future__ import annotations

import logging
import time
import tracemalloc

import pytest

from detente.watch import fetch
from detente.watch.pages import MAX_PAGE_BYTES, cut_page, read_page

from .conftest import LOCAL
from .pages import PRAGUE, article

URL = "http://news.example/2021/04/17/prague"


def padded(before: bytes, after: bytes, size: int) -> bytes:
    """The Prague article with ``before`` repeated ahead of it and ``after`` behind it: about ``size`` bytes."""
    page = article(PRAGUE).encode()
    head, _, rest = page.partition(b"<article>")
    room = max(size - len(page), 0) // (2 if before and after else 1)
    return (head + (before * (room // len(before)) if before else b"") + b"<article>"
            + rest.replace(b"</body>", (after * (room // len(after)) if after else b"") + b"</body>"))


def test_a_page_within_the_limit_is_read_whole():
    page = article(PRAGUE).encode()
    assert cut_page(page, URL) is page


def test_scripts_styles_and_comments_go_first_and_json_ld_stays(caplog):
    ld = b'<script type="application/ld+json">{"datePublished": "2021-04-17"}</script>'
    filler = (b"<script>var x = '" + b"a" * 1000 + b"';</script><style>p{}</style><!-- <p>old</p> -->"
              b"<SVG viewBox='0 0 1 1'><path d='M0'/></svg><noscript><img src=x></noscript>")
    page = padded(filler, b"", 3 * MAX_PAGE_BYTES)
    page = page.replace(b"<head>", b"<head>" + ld)
    with caplog.at_level(logging.WARNING):
        cut = cut_page(page, URL)
    assert len(cut) < 10_000
    assert not any(tag in cut.lower() for tag in (b"<script>", b"<style>", b"<!--", b"<svg", b"<noscript>"))
    assert ld in cut and b"Vrbetice" in cut
    [warning] = [record.getMessage() for record in caplog.records]
    assert warning.startswith(f"{URL}: a page of {len(page):,} bytes; read the first {len(cut):,} bytes")


def test_markup_over_the_limit_is_cut_at_a_tag():
    page = padded(b"", b"<p>filler paragraph</p>", 2 * MAX_PAGE_BYTES)
    cut = cut_page(page, URL)
    assert MAX_PAGE_BYTES - 100 < len(cut) <= MAX_PAGE_BYTES and page[len(cut):].startswith(b"<")
    document = read_page(URL, page)
    assert "Vrbetice" in document.text and document.origin == URL


def _cut_seconds(filler: bytes, size: int) -> tuple[float, bytes]:
    """CPU seconds to cut a page of ``size`` bytes of ``filler``, and the cut: a ratio of two of them, taken in
    one process, does not depend on how busy the machine is, as a bound on the clock would."""
    page = filler * (size // len(filler))
    began = time.process_time()
    cut = cut_page(page, URL)
    return time.process_time() - began, cut


@pytest.mark.parametrize("filler", [b"<script", b"<script>", b"<style x='", b"<scrip"])
def test_pathological_markup_is_cut_in_linear_time(filler):
    small, _cut = _cut_seconds(filler, 1_000_000)
    large, cut = _cut_seconds(filler, 4_000_000)
    # four times the markup costs about four times as much; a quadratic cut would cost sixteen
    assert large < 8 * small + 0.1 and len(cut) <= MAX_PAGE_BYTES


@pytest.mark.parametrize("unit", [b"<div><p>" + b"word " * 40 + b"</p></div>", b"<p>filler paragraph</p>"])
def test_reading_a_large_page_takes_bounded_time_and_memory(unit):
    page = padded(b"", unit, 20_000_000)
    tracemalloc.start()
    began = time.monotonic()
    try:
        document = read_page(URL, page)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "Vrbetice" in document.text
    assert time.monotonic() - began < 10
    assert len(page) > 19_000_000 and peak < len(page)  # what reading holds besides the body: under its size


def test_a_large_fetched_page_is_coded_and_the_warnings_name_its_address(site, store, caplog):
    page = padded(b"<script>" + b"x" * 5000 + b"</script>", b"<div>" + b"y" * 200 + b"</div>", 19_500_000)
    url = site.page("/big", "")
    site.routes["/big"].body = page
    began = time.monotonic()
    with caplog.at_level(logging.WARNING):
        report = fetch([url], store, limits=LOCAL)
    assert report.pages == 1 and not report.failures
    assert time.monotonic() - began < 60
    assert len(page) > 19_000_000
    assert any(record.getMessage().startswith(f"{url}: a page of {len(page):,} bytes") for record in caplog.records)
    assert not any("detente-watch-" in record.getMessage() for record in caplog.records)
    assert store.connection.execute("SELECT origin FROM documents").fetchone()[0] == url
