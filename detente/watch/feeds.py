"""Polling feeds and coding the pages of their new items.

A feed is fetched conditionally (its stored ETag and Last-Modified); a 304
means nothing new.  feedparser reads it with the response's headers (its
Content-Type and charset); a feed it recognises with no items is a feed with
nothing new, not a failure.  Each item not seen before (by its id, else its
link) has its page fetched and coded into the store, with the feed's title
(else the host) as the source and the item's date when the page gives none:
at most ``max_items`` a poll, newest first, the rest left for the next poll.
An item is remembered only once its page is coded, and the feed's validators
only when all its new pages were coded, so a page that failed or waited is
fetched at the next poll.
"""

from __future__ import annotations

import calendar
import datetime
import logging
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import defusedxml.ElementTree
import feedparser
from defusedxml import DefusedXmlException

from .. import api
from ..errors import InputError
from ..settings import Settings
from ..store import Store
from .client import Fetcher
from .errors import FetchError
from .pages import read_page
from .state import WatchState

MAX_ITEMS = 300

log = logging.getLogger(__name__)


@dataclass
class PollReport:
    """What a poll did: feeds read, feeds unchanged (304), pages coded, events found, items left for the next
    poll (over ``max_items``), failures."""

    feeds: int = 0
    not_modified: int = 0
    pages: int = 0
    events: int = 0
    left: int = 0
    failures: list[InputError] = field(default_factory=list)


def poll_feed(url: str, store: Store, state: WatchState, fetcher: Fetcher, settings: Settings,
              report: PollReport, on_failure: Callable[[InputError], None], *, max_items: int = MAX_ITEMS) -> None:
    """Fetch one feed and code the pages of its new items; ``FetchError`` when the feed itself fails."""
    etag, last_modified = state.validators(url)
    response = fetcher.get(url, etag=etag, last_modified=last_modified)
    report.feeds += 1
    if response.not_modified:
        report.not_modified += 1
        log.info("%s: not modified", url)
        return
    parsed = read_feed(url, response)
    source = (parsed.feed.get("title") or "").strip() or urlsplit(url).hostname
    new = [(entry, item) for entry, item in _items(parsed.entries) if not state.seen(item)]
    complete = len(new) <= max_items
    if not complete:
        report.left += len(new) - max_items
        log.info("%s: %d new items; the %d newest are fetched now, the rest at the next poll", url, len(new),
                 max_items)
    for entry, item in new[:max_items]:
        try:
            code_page(entry["link"], store, fetcher, settings, report, source=source, date=_entry_date(entry))
        except InputError as error:
            error = type(error)(error.source, f"{error.reason} (an item of the feed {url})")
            report.failures.append(error)
            on_failure(error)
            complete = False
            continue
        state.remember_item(item, entry["link"])
    if complete:
        # With a page left to retry or to fetch, the next poll must read the feed again rather than get a 304.
        state.remember_validators(url, response.etag, response.last_modified)


def read_feed(url: str, response) -> feedparser.FeedParserDict:
    """The feed in a response, read with the response's headers; ``FetchError`` when it is none.

    A document feedparser recognises as RSS or Atom (``version``) is a feed even with no items or with
    markup errors (then logged); anything else without items is refused.
    """
    refuse_entities(url, response.body)
    parsed = feedparser.parse(response.body, response_headers={**response.headers, "content-location": response.url})
    if not parsed.entries and not parsed.get("version"):
        reason = getattr(parsed, "bozo_exception", None) or "no items"
        raise FetchError(url, f"not a readable RSS or Atom feed ({_one_line(reason)})")
    if parsed.bozo:
        log.warning("%s: malformed feed (%s); reading the %d items found", url,
                    _one_line(getattr(parsed, "bozo_exception", "")), len(parsed.entries))
    return parsed


def _items(entries: list) -> list[tuple[dict, str]]:
    """(entry, item key) of the entries with a link, newest first; undated ones after, in the feed's order."""
    linked = [(entry, entry.get("id") or entry["link"]) for entry in entries if entry.get("link")]
    return sorted(linked, key=lambda pair: _stamp(pair[0]), reverse=True)


def _stamp(entry) -> float:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return calendar.timegm(parsed) if parsed else float("-inf")


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
    """Fetch one page and code it into the store (text, title and date through the HTML reader).

    The page is read in bounded time and memory (``pages.read_page``); errors and warnings name ``url``.
    """
    response = fetcher.get(url)
    try:
        document = read_page(url, response.body, date=date, source=source or urlsplit(url).hostname)
    except InputError as error:  # named after the page already: recorded like any input that cannot be read
        document = error
    del response  # the body is no longer needed while the page is coded
    coded = api.Report()
    for _ in api.code_inputs([document], settings=settings, store=store, report=coded):
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
