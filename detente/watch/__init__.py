"""Following the news: ``watch`` polls RSS/Atom feeds and ``fetch`` single pages, coding new articles.

Modules, one concept each: ``safety`` (which addresses may be fetched),
``client`` (HTTP with limits), ``state`` (what a watch remembers in the
store), ``feeds`` (polling a feed, coding a page), ``pages`` (a fetched page
read in bounded time and memory), ``alerts`` (rules fired once per matching
aggregated event or link).  A failure of one feed or page
is logged, reported and survived; the others go on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import InputError
from ..settings import Settings
from ..store import Store
from .alerts import Alert, Alerts, check_alerts, load_alerts
from .client import TOTAL_TIMEOUTS, Fetcher
from .errors import FetchError
from .feeds import MAX_ITEMS, PollReport, code_page, poll_feed
from .state import WatchState

__all__ = ["MAX_ITEMS", "TOTAL_TIMEOUTS", "Alert", "Alerts", "Backoff", "FetchError", "Limits", "PollReport", "fetch",
           "load_alerts", "read_feed_list", "watch"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """How politely and safely to fetch (``timeout`` per connect and read, ``deadline`` per fetch: None for
    ``TOTAL_TIMEOUTS`` × ``timeout``; ``max_items`` pages per feed and poll)."""

    allow_private: bool = False
    timeout: float = 10.0
    deadline: float | None = None
    min_interval: float = 1.0
    max_bytes: int = 20_000_000
    max_items: int = MAX_ITEMS


class Backoff:
    """When a failing feed is tried again: after 1, 2, 4 … up to ``MAX_BACKOFF`` intervals."""

    MAX_BACKOFF = 32

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._failures: dict[str, int] = {}
        self._next_try: dict[str, float] = {}

    def due(self, url: str, now: float) -> bool:
        return self._next_try.get(url, now) <= now

    def failed(self, url: str, now: float) -> None:
        count = self._failures[url] = self._failures.get(url, 0) + 1
        self._next_try[url] = now + self.interval * min(2 ** (count - 1), self.MAX_BACKOFF)

    def succeeded(self, url: str) -> None:
        self._failures.pop(url, None)
        self._next_try.pop(url, None)


def read_feed_list(path: str) -> list[str]:
    """Feed addresses from a file, one a line; blank lines and ``#`` comments skipped."""
    try:
        with open(path, encoding="utf-8") as lines:
            return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the feed list ({error})") from error


def watch(feeds: Iterable[str], store: Store, *, settings: Settings | None = None, limits: Limits = Limits(),
          alerts: Alerts | None = None, once: bool = False, interval: float = 600.0,
          on_poll: Callable[[PollReport, list[Alert]], None] | None = None,
          on_failure: Callable[[InputError], None] | None = None, console: Callable[[str], None] | None = None) -> PollReport:
    """Poll every feed, code new articles and fire alerts; again every ``interval`` seconds unless ``once``.

    Failures are passed to ``on_failure`` (default: logged as warnings).  A
    feed that fails waits longer before each new try (``Backoff``).  Returns
    the report of the last poll; the loop without ``once`` ends with
    ``KeyboardInterrupt``.
    """
    feeds = list(dict.fromkeys(feeds))
    on_failure = on_failure or _log_failure
    settings = settings or Settings()
    state = WatchState(store)
    fetcher = _fetcher(limits)
    backoff = Backoff(interval)
    try:
        while True:
            report = PollReport()
            started = time.monotonic()
            for url in feeds:
                if not backoff.due(url, started):
                    continue
                try:
                    poll_feed(url, store, state, fetcher, settings, report, on_failure, max_items=limits.max_items)
                    backoff.succeeded(url)
                except InputError as error:
                    report.failures.append(error)
                    on_failure(error)
                    backoff.failed(url, started)
            fired = check_alerts(store, alerts, state, allow_private=limits.allow_private,
                                 console=console) if alerts else []
            if on_poll is not None:
                on_poll(report, fired)
            if once:
                return report
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    finally:
        fetcher.close()


def fetch(urls: Iterable[str], store: Store, *, settings: Settings | None = None, limits: Limits = Limits(),
          alerts: Alerts | None = None, on_failure: Callable[[InputError], None] | None = None,
          console: Callable[[str], None] | None = None) -> PollReport:
    """Fetch single pages and code them into the store; a page already seen is not fetched again."""
    on_failure = on_failure or _log_failure
    settings = settings or Settings()
    state = WatchState(store)
    fetcher = _fetcher(limits)
    report = PollReport()
    try:
        for url in dict.fromkeys(urls):
            if state.seen(url):
                continue
            try:
                code_page(url, store, fetcher, settings, report)
                state.remember_item(url, url)
            except InputError as error:
                report.failures.append(error)
                on_failure(error)
        if alerts:
            check_alerts(store, alerts, state, allow_private=limits.allow_private, console=console)
    finally:
        fetcher.close()
    return report


def _log_failure(error: InputError) -> None:
    log.warning("%s", error)


def _fetcher(limits: Limits) -> Fetcher:
    return Fetcher(allow_private=limits.allow_private, max_bytes=limits.max_bytes, timeout=limits.timeout,
                   deadline=limits.deadline, min_interval=limits.min_interval)
