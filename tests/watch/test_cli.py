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
