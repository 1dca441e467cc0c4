"""Polling feeds and coding the pages of their new items.

A feed is fetched conditionally (its stored ETag and Last-Modified); a 304
means nothing new.  Each item not seen before (by its id, else its link)
has its page fetched and coded into the store, with the feed's title (else
the host) as the source and the item's date when the page gives none.  An
item is remembered only once its page is coded, and the feed's validators
only when all its new pages were coded, so a page that failed is tried
again at the next poll.
"""

from __future__ import annotations

import datetime
import logging
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from .. import api
from ..errors import InputError
from ..ingest.document import page_id
from ..settings import Settings
from ..store import Store
from .client import Fetcher
from .errors import FetchError
from .state import WatchState

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What a poll did: feeds read, feeds unchanged (304), pages coded, events found, failures."""

    feeds: int = 0
    not_modified: int = 0
    pages: int = 0
    events: int = 0
    failures: list[InputError] = field(default_factory=list)


def poll_feed(url: str, store: Store, state: WatchState, fetcher: Fetcher, settings: Settings,
              report: PollReport, on_failure: Callable[[InputError], None]) -> None:
    """Fetch one feed and code the pages of its new items; ``FetchError`` when the feed itself fails."""
    etag, last_modified = state.validators(url)
    response = fetcher.get(url, etag=etag, last_modified=last_modified)
    report.feeds += 1
    if response.not_modified:
        report.not_modified += 1
        log.info("%s: not modified", url)
        return
    refuse_entities(url, response.body)
    parsed = feedparser.parse(response.body, response_headers={"content-location": response.url})
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        raise FetchError(url, f"not a readable RSS or Atom feed ({_one_line(reason)})")
    if parsed.bozo:
        log.warning("%s: malformed feed (%s); reading the %d items found", url,
                    _one_line(getattr(parsed, "bozo_exception", "")), len(parsed.entries))
    source = (parsed.feed.get("title") or "").strip() or urlsplit(url).hostname
    complete = True
    for entry in parsed.entries:
        link = entry.get("link")
        item = entry.get("id") or link
        if not item or not link or state.seen(item):
            continue
        try:
            code_page(link, store, fetcher, settings, report, source=source, date=_entry_date(entry))
        except InputError as error:
            report.failures.append(error)
            on_failure(error)
            complete = False
            continue
        state.remember_item(item, link)
    if complete:
        # With a page left to retry, the next poll must read the feed again rather than get a 304.
        state.remember_validators(url, response.etag, response.last_modified)


def refuse_entities(url: str, body: bytes) -> None:
    """``FetchError`` when the feed declares XML entities.

    feedparser 6.0 drops entity declarations, but a feed has no use for them,
    and refusing them here keeps entity expansion ("billion laughs") and
    external entities (a local file's content) out whatever the version of
    feedparser and its XML parser.  Malformed XML is left to feedparser, which
    reads what it can.
    """
    try:
        defusedxml.ElementTree.fromstring(body)
    except DefusedXmlException as error:
        raise FetchError(url, f"the feed declares XML entities ({type(error).__name__}), which are refused as "
                              "unsafe; ask its publisher for a plain RSS or Atom feed") from None
    except ElementTree.ParseError:
        pass


def code_page(url: str, store: Store, fetcher: Fetcher, settings: Settings, report: PollReport, *,
              source: str | None = None, date: datetime.date | None = None) -> None:
    """Fetch one page and code it into the store (text, title and date through the HTML reader)."""
    response = fetcher.get(url)
    with tempfile.TemporaryDirectory(prefix="detente-watch-") as folder:
        path = Path(folder) / f"{page_id(response.url)}.html"
        path.write_bytes(response.body)
        coded = api.Report()
        for _ in api.code([str(path)], settings=settings, store=store, report=coded, date=date,
                          source=source or urlsplit(url).hostname):
            pass
    if coded.failures:
        raise InputError(url, coded.failures[0].reason)
    report.pages += coded.documents
    report.events += coded.events
    log.info("%s: coded (%d events)", url, coded.events)


def _entry_date(entry) -> datetime.date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.date(*stamp[:3]) if stamp else None


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split())
