"""The library calls behind the commands: ``code``, ``events``, ``timeline``, ``summary``.

Each command of the CLI is a thin wrapper over the function of the same name
here; the web service (later) calls the same functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from .coder import Coder
from .errors import InputError
from .ingest import read_inputs
from .records import STATUSES, Event
from .settings import Settings
from .store import EventFilter, Store

log = logging.getLogger(__name__)

# Statuses written by default: events that happened or are announced as decided.  Threatened,
# demanded, hypothetical and denied actions are kept in the store and shown on request; the
# threat or demand itself is its own THREATEN or REQUEST event.
DEFAULT_STATUSES = ("actual", "planned")


@dataclass
class Report:
    """What a coding run did: documents coded, skipped as already stored, failed, events found."""

    documents: int = 0
    already_stored: int = 0
    events: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def parse_statuses(text: str | None) -> tuple[str, ...]:
    """``"actual,planned"`` or ``"all"`` → a tuple of statuses."""
    if not text:
        return DEFAULT_STATUSES
    if text.strip().lower() == "all":
        return STATUSES
    statuses = tuple(s.strip().lower() for s in text.split(",") if s.strip())
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        from .errors import UsageError
        raise UsageError(f"unknown status {', '.join(unknown)}; choose from {', '.join(STATUSES)} or all")
    return statuses


def code(paths: Iterable[str], *, settings: Settings | None = None, date: date | None = None,
         source: str | None = None, store: Store | None = None, statuses: tuple[str, ...] = DEFAULT_STATUSES,
         report: Report | None = None, stdin=None,
         on_failure: Callable[[InputError], None] | None = None) -> Iterator[Event]:
    """Read, code and (with a store) store documents; yields the events with the given statuses.

    Inputs that cannot be read are recorded in ``report.failures``, passed to
    ``on_failure`` as they happen, and skipped.  A
    document whose text is already in the store is not coded again.
    """
    report = report if report is not None else Report()
    coder = Coder(settings)

    def documents():
        for item in read_inputs(paths, date=date, source=source, stdin=stdin,
                                max_bytes=coder.settings.max_bytes):
            if isinstance(item, InputError):
                log.debug("skipped %s", item)
                report.failures.append(item)
                if on_failure is not None:
                    on_failure(item)
                continue
            if store is not None and store.has(item):
                report.already_stored += 1
                continue
            yield item

    for work in coder.work_all(documents()):
        report.documents += 1
        if store is not None:
            store.add(work.document, work.sentences or [], work.events or [])
        for event in work.events or []:
            if event.status in statuses:
                report.events += 1
                yield event


def events(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Stored events matching a filter, in date order."""
    return list(store.events(where))


@dataclass(frozen=True)
class TimelineRow:
    date: str | None
    actor: str
    recipient: str
    event: str
    cameo: str
    goldstein: float
    status: str
    size: str
    trigger: str
    source: str | None
    doc_id: str


def timeline(store: Store, dyad: tuple[str, str], statuses: tuple[str, ...] = DEFAULT_STATUSES) -> list[TimelineRow]:
    """The events between two countries, both directions, in date order."""
    rows = []
    for record in store.events(EventFilter(dyad=dyad, statuses=statuses)):
        size = record.get("size")
        rows.append(TimelineRow(
            date=record["date"],
            actor="+".join(sorted({str(e["country"]) for e in record["actor"]})),
            recipient="+".join(sorted({str(e["country"]) for e in record["recipient"]})),
            event=record["event"], cameo=record["cameo"], goldstein=record["goldstein"], status=record["status"],
            size=f"{size['count']} {size['unit']}" if size else "", trigger=record["trigger"],
            source=record.get("source"), doc_id=record["doc_id"],
        ))
    return rows


@dataclass(frozen=True)
class Summary:
    documents: int
    events: int
    dyads: list[tuple[str, str, int]]
    timelines: dict[tuple[str, str], list[TimelineRow]]


def summary(store: Store, *, top: int = 3, statuses: tuple[str, ...] = DEFAULT_STATUSES) -> Summary:
    """Events per dyad and the timelines of the busiest pairs of countries."""
    dyads = store.dyad_counts(statuses)
    pairs: list[tuple[str, str]] = []
    for actor, recipient, _ in dyads:
        pair = tuple(sorted((actor, recipient)))
        if pair not in pairs:
            pairs.append(pair)
    timelines = {pair: timeline(store, pair, statuses) for pair in pairs[:top]}
    total = sum(1 for _ in store.events(EventFilter(statuses=statuses)))
    return Summary(store.count("documents"), total, dyads, timelines)
