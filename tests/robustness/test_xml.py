"""XML from outside: entity expansion ("billion laughs") and external entities (XXE) are refused, in gold files
(`detente evaluate`) and in feeds (`detente watch`), and no local file's content ever reaches a document."""

from __future__ import annotations

import time

import feedparser
import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import FormatError
from detente.evaluate.gold import load_gold
from detente.watch import watch
from detente.watch.errors import FetchError
from detente.watch.feeds import refuse_entities

from ..watch.conftest import LOCAL, site, store  # noqa: F401  (a local web site and a store)
from ..watch.pages import PRAGUE, article

SECRET = "SECRET-4f1d-not-for-documents"


def laughs(root: str, inner: str) -> str:
    """Ten levels of ten references each: 10^10 characters once expanded."""
    entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [{entities}]>\n' + inner.replace("BOMB", "&l9;")


def external(root: str, inner: str, secret_file) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY x SYSTEM "file://{secret_file}">]>\n'
            + inner.replace("BOMB", "&x;"))


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


GOLD = "<Sentences><Sentence id='a' date='20210417'><Text>BOMB</Text></Sentence></Sentences>"


@pytest.mark.parametrize("make", [laughs, external], ids=["billion-laughs", "external-entity"])
def test_a_gold_file_with_entities_is_refused_in_one_line(make, tmp_path, secret_file):
    gold = tmp_path / "gold.xml"
    gold.write_text(make("Sentences", GOLD) if make is laughs else make("Sentences", GOLD, secret_file),
                    encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_gold(gold)
    assert str(caught.value).startswith(f"{gold}: XML with a DOCTYPE or ENTITY declaration is refused (")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--predictions", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {caught.value}"]
    assert SECRET not in result.output


FEED = ('<rss version="2.0"><channel><title>Wire BOMB</title><item><title>BOMB</title><guid>a1</guid>'
        "<link>LINK</link><description>BOMB</description></item></channel></rss>")


@pytest.mark.parametrize("make", [laughs, external], ids=["billion-laughs", "external-entity"])
def test_feedparser_itself_neither_expands_nor_reads_entities(make, secret_file):
    """The feedparser pinned here drops the declarations: pinned, so that an upgrade that changes it shows."""
    body = (make("rss", FEED) if make is laughs else make("rss", FEED, secret_file)).replace("LINK", "http://a/1")
    started = time.monotonic()
    parsed = feedparser.parse(body.encode())
    assert time.monotonic() - started < 2
    assert SECRET not in repr(parsed) and len(repr(parsed)) < 20_000


@pytest.mark.parametrize("make", [laughs, external], ids=["billion-laughs", "external-entity"])
def test_a_feed_with_entities_is_refused_before_feedparser(make, secret_file):
    body = make("rss", FEED) if make is laughs else make("rss", FEED, secret_file)
    with pytest.raises(FetchError) as caught:
        refuse_entities("http://wire.example/feed.xml", body.encode())
    assert str(caught.value).startswith("http://wire.example/feed.xml: the feed declares XML entities (")
    assert "\n" not in str(caught.value)


def test_watching_a_hostile_feed_stores_nothing_of_it(site, store, secret_file):  # noqa: F811
    page = site.page("/prague", article(PRAGUE))
    hostile = site.page("/xxe.xml", external("rss", FEED.replace("LINK", page), secret_file),
                        content_type="application/rss+xml")
    report = watch([hostile], store, limits=LOCAL, once=True)
    assert [str(failure) for failure in report.failures] == [
        f"{hostile}: the feed declares XML entities (EntitiesForbidden), which are refused as unsafe; ask its "
        "publisher for a plain RSS or Atom feed"]
    assert store.count("documents") == 0
    assert site.hits("/prague") == []


def test_a_plain_feed_with_a_doctype_is_still_read():
    body = ('<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            '"http://my.netscape.com/publish/formats/rss-0.91.dtd">' + FEED.replace("BOMB", "news"))
    refuse_entities("http://wire.example/feed.xml", body.encode())
