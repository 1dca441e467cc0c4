"""Polling feeds: new items coded once, conditional GETs, failures logged and survived."""

from __future__ import annotations

import dataclasses

import pytest

from detente.settings import Settings
from detente.watch import Backoff, PollReport, watch
from detente.watch.client import Fetcher
from detente.watch.feeds import poll_feed
from detente.watch.state import WatchState

from .conftest import LOCAL, Route
from .pages import MOSCOW, PRAGUE, SAN_FRANCISCO, article, atom, rss


def test_new_items_are_coded_once_and_a_304_is_honoured(site, store):
    prague, moscow = site.page("/prague", article(PRAGUE)), site.page("/moscow", article(MOSCOW))
    feed = site.page("/feed.xml", rss("Wire", [("a1", prague), ("a2", moscow)]),
                     content_type="application/rss+xml", etag='"v1"')

    first = watch([feed], store, limits=LOCAL, once=True)
    assert (first.feeds, first.pages, first.failures) == (1, 2, [])
    assert first.events > 0
    second = watch([feed], store, limits=LOCAL, once=True)
    assert (second.not_modified, second.pages) == (1, 0)
    assert site.hits("/feed.xml") == [200, 304]
    assert site.hits("/prague") == [200]
    assert store.count("documents") == 2
    sources = {row[0] for row in store.connection.execute("SELECT source FROM documents")}
    assert sources == {"Wire"}


def test_an_updated_feed_adds_only_its_new_items(site, store):
    prague = site.page("/prague", article(PRAGUE))
    feed = site.page("/feed.atom", atom("Atom wire", [("urn:1", prague)]), content_type="application/atom+xml",
                     etag='"v1"')
    assert watch([feed], store, limits=LOCAL, once=True).pages == 1

    moscow = site.page("/moscow", article(MOSCOW))
    site.page("/feed.atom", atom("Atom wire", [("urn:2", moscow), ("urn:1", prague)]),
              content_type="application/atom+xml", etag='"v2"')
    again = watch([feed], store, limits=LOCAL, once=True)
    assert (again.not_modified, again.pages) == (0, 1)
    assert site.hits("/prague") == [200]
    assert site.hits("/moscow") == [200]


def test_failures_are_logged_and_survived(site, store, caplog):
    limits = dataclasses.replace(LOCAL, timeout=0.5, max_bytes=20_000)
    site.routes["/slow"] = Route(article(PRAGUE).encode(), delay=1.5)
    site.routes["/error"] = Route(b"oops", status=500)
    site.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    site.routes["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
    site.routes["/huge"] = Route(b"<html><body>" + b"<p>word</p>" * 5_000 + b"</body></html>")
    good = site.page("/good", article(SAN_FRANCISCO))
    pages = ["/missing", "/error", "/slow", "/loop-a", "/huge"]
    feed = site.page("/feed.xml", rss("Wire", [(p, site.url(p)) for p in pages] + [("good", good)]),
                     content_type="application/rss+xml")
    broken = site.page("/broken.xml", "this is not a feed at all {{{", content_type="application/rss+xml")
    down = site.url("/down.xml")
    site.routes["/down.xml"] = Route(b"", status=503)

    report = watch([broken, down, feed], store, limits=limits, once=True)

    assert report.pages == 1
    messages = [str(failure) for failure in report.failures]
    expected = {
        broken: "not a readable RSS or Atom feed",
        down: "HTTP 503",
        site.url("/missing"): "HTTP 404",
        site.url("/error"): "HTTP 500",
        site.url("/slow"): "timed out",
        site.url("/loop-a"): "redirect loop",
        site.url("/huge"): "larger than max_bytes",
    }
    assert len(messages) == len(expected)
    for url, reason in expected.items():
        assert any(message.startswith(f"{url}: ") and reason in message for message in messages), (url, messages)
    assert all("\n" not in message for message in messages)
    assert sum(record.levelname == "WARNING" for record in caplog.records) >= len(expected)


def test_a_failed_page_is_tried_again_at_the_next_poll(site, store):
    site.routes["/later"] = Route(b"", status=500)
    feed = site.page("/feed.xml", rss("Wire", [("later", site.url("/later"))]), content_type="application/rss+xml",
                     etag='"v1"')
    assert len(watch([feed], store, limits=LOCAL, once=True).failures) == 1
    site.page("/later", article(PRAGUE))
    assert watch([feed], store, limits=LOCAL, once=True).pages == 1
    assert watch([feed], store, limits=LOCAL, once=True).not_modified == 1
    assert site.hits("/feed.xml") == [200, 200, 304]


def test_last_modified_is_sent_back(site, store):
    stamp = "Sat, 17 Apr 2021 12:00:00 GMT"
    feed = site.page("/feed.xml", rss("Wire", [("p", site.page("/prague", article(PRAGUE)))]),
                     headers={"Last-Modified": stamp})
    watch([feed], store, limits=LOCAL, once=True)
    assert watch([feed], store, limits=LOCAL, once=True).not_modified == 1
    assert site.hits("/feed.xml") == [200, 304]


@pytest.mark.parametrize(("events", "due"), [
    ([], {0: True}),
    ([("failed", 0)], {5: False, 10: True}),
    ([("failed", 0), ("failed", 10)], {25: False, 30: True}),
    ([("failed", 0)] * 9, {319: False, 320: True}),
    ([("failed", 0), ("succeeded", 1)], {1: True}),
])
def test_a_failing_feed_backs_off(events, due):
    backoff = Backoff(interval=10)
    for what, now in events:
        backoff.failed("f", now) if what == "failed" else backoff.succeeded("f")
    assert {now: backoff.due("f", now) for now in due} == due


def test_without_once_the_feeds_are_polled_until_interrupted(site, store):
    feed = site.page("/feed.xml", rss("Wire", [("p", site.page("/prague", article(PRAGUE)))]), etag='"v1"')
    polls = []

    def stop_after_two(report, fired):
        polls.append(report)
        if len(polls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch([feed], store, limits=LOCAL, interval=0.0, on_poll=stop_after_two)
    assert [(p.pages, p.not_modified) for p in polls] == [(1, 0), (0, 1)]


def dated_rss(items: list[tuple[str, str, int]]) -> str:
    """An RSS feed of (guid, link, day of April 2021) items, in the order given."""
    entries = "".join(f"<item><guid>{guid}</guid><link>{link}</link>"
                      f"<pubDate>{day:02d} Apr 2021 10:00:00 GMT</pubDate></item>" for guid, link, day in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>http://example.org/</link><description>news</description>{entries}</channel></rss>")


EMPTY_FEEDS = {
    "rss": '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title><link>http://example.org/</link>'
           "<description>nothing yet</description></channel></rss>",
    "atom": '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title><id>urn:q</id>'
            "<updated>2021-04-17T00:00:00Z</updated></feed>",
}


@pytest.mark.parametrize("kind", EMPTY_FEEDS)
def test_a_valid_feed_without_items_is_a_success(site, store, caplog, kind):
    feed = site.page("/empty.xml", EMPTY_FEEDS[kind], content_type="application/xml")
    report = watch([feed], store, limits=LOCAL, once=True)
    assert (report.feeds, report.pages, report.failures) == (1, 0, [])
    assert not [record for record in caplog.records if record.levelname == "WARNING"]


def test_a_correct_feed_is_read_without_a_warning(site, store, caplog):
    feed = site.page("/feed.xml", rss("Wire", [("p", site.page("/prague", article(PRAGUE)))]),
                     content_type="application/rss+xml; charset=utf-8")
    assert watch([feed], store, limits=LOCAL, once=True).pages == 1
    assert not [record.getMessage() for record in caplog.records if "malformed" in record.getMessage()]


def test_a_feed_read_with_its_headers_takes_their_charset(site, store):
    # Only the Content-Type header names the charset; read as UTF-8 or Windows-1252 the title is garbled.
    text = rss("Голос Москвы", [("p", site.page("/prague", article(PRAGUE)))]).replace(' encoding="utf-8"', "")
    feed = site.page("/koi8.xml", "", content_type="application/rss+xml; charset=koi8-r")
    site.routes["/koi8.xml"].body = text.encode("koi8-r")
    assert watch([feed], store, limits=LOCAL, once=True).pages == 1
    assert store.connection.execute("SELECT source FROM documents").fetchone()[0] == "Голос Москвы"


def test_at_most_max_items_pages_a_poll_newest_first_the_rest_at_the_next(site, store):
    stories = [PRAGUE, MOSCOW, SAN_FRANCISCO]
    links = [site.page(f"/page{n}", article(story)) for n, story in enumerate(stories)]
    # In the feed's order the oldest comes first: the poll takes the newest, by date.
    feed = site.page("/feed.xml", dated_rss([("old", links[0], 10), ("new", links[1], 20), ("mid", links[2], 15)]),
                     content_type="application/rss+xml", etag='"v1"')
    limits = dataclasses.replace(LOCAL, max_items=1)
    first = watch([feed], store, limits=limits, once=True)
    assert (first.pages, first.left) == (1, 2)
    assert [path for path, _ in site.requests if path.startswith("/page")] == ["/page1"]
    second = watch([feed], store, limits=limits, once=True)
    assert (second.not_modified, second.pages, second.left) == (0, 1, 1)
    third = watch([feed], store, limits=limits, once=True)
    assert (third.pages, third.left) == (1, 0)
    assert [path for path, _ in site.requests if path.startswith("/page")] == ["/page1", "/page2", "/page0"]
    assert watch([feed], store, limits=limits, once=True).not_modified == 1


def test_a_page_refused_after_a_redirect_names_the_item_and_the_feed(site, store):
    site.routes["/moved"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
    feed = site.page("/feed.xml", rss("Wire", [("moved", site.url("/moved"))]), content_type="application/rss+xml")

    class Loopback(Fetcher):
        """The test server allowed (it is on loopback); every other address checked as usual, never fetched."""

        def _check(self, url, current):
            if not current.startswith(site.base):
                super()._check(url, current)

    failures = []
    poll_feed(feed, store, WatchState(store), Loopback(min_interval=0), Settings(), PollReport(), failures.append)
    [message] = [str(failure) for failure in failures]
    assert message.startswith(f"{site.url('/moved')}: redirected to http://169.254.169.254/latest/meta-data: refused")
    assert message.endswith(f"(an item of the feed {feed})")
    assert site.requests[-1] == ("/moved", 302)
