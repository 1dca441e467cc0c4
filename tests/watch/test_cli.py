"""`detente watch` and `detente fetch` end to end against the local server."""

from __future__ import annotations

from click.testing import CliRunner

from detente.cli import PARTIAL_FAILURE, main
from detente.store import Store

from .pages import MOSCOW, PRAGUE, article, rss


def test_watch_once_codes_the_feed_and_fires_alerts_once(site, tmp_path):
    db = tmp_path / "watch.sqlite"
    feeds = tmp_path / "feeds.txt"
    feed = site.page("/feed.xml", rss("Wire", [("p", site.page("/prague", article(PRAGUE))),
                                               ("m", site.page("/moscow", article(MOSCOW)))]), etag='"1"')
    feeds.write_text(f"# one feed\n{feed}\n", encoding="utf-8")
    rules = tmp_path / "alerts.yaml"
    rules.write_text("rules:\n  - {name: in-kind, answered_in_kind: true}\n", encoding="utf-8")
    command = ["watch", "--feeds", str(feeds), "--db", str(db), "--once", "--allow-private", "--min-interval", "0",
               "--alerts", str(rules)]

    first = CliRunner().invoke(main, command)
    assert first.exit_code == 0, first.output
    assert "2 pages coded" in first.stderr
    assert first.stdout.count("alert in-kind:") == 1
    second = CliRunner().invoke(main, command)
    assert second.exit_code == 0, second.output
    assert "1 not modified" in second.stderr
    assert "alert" not in second.stdout
    with Store.open(db) as store:
        assert store.count("documents") == 2


def test_fetch_refuses_private_addresses_and_names_them(site, tmp_path):
    page = site.page("/prague", article(PRAGUE))
    db = tmp_path / "fetch.sqlite"
    refused = CliRunner().invoke(main, ["fetch", page, site.url("/nowhere"), "--db", str(db)])
    assert refused.exit_code == PARTIAL_FAILURE
    assert f"{page}: refused" in refused.stderr
    done = CliRunner().invoke(main, ["fetch", page, site.url("/nowhere"), "--db", str(db), "--allow-private"])
    assert done.exit_code == PARTIAL_FAILURE
    assert "1 pages coded" in done.stderr
    assert f"{site.url('/nowhere')}: HTTP 404" in done.stderr


def test_watch_needs_feeds(tmp_path):
    result = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "x.sqlite"), "--once"])
    assert result.exit_code == 2
    assert "give feed addresses or --feeds FILE" in result.output


def test_a_feed_of_100000_items_costs_at_most_max_items_page_requests(site, tmp_path):
    items = [(f"item-{n}", site.url(f"/page/{n}")) for n in range(100_000)]
    feed = site.page("/flood.xml", rss("Flood", items), content_type="application/rss+xml")
    result = CliRunner().invoke(main, ["watch", feed, "--db", str(tmp_path / "flood.sqlite"), "--once",
                                       "--allow-private", "--min-interval", "0", "--max-items", "5"])
    pages = [path for path, _ in site.requests if path.startswith("/page/")]
    assert len(pages) == 5
    assert result.exit_code == PARTIAL_FAILURE  # the five pages are missing (404): named, retried next poll
    assert "99995 items left for the next poll" in result.stderr
