"""The library calls behind the commands: ``code``, ``recode``, ``events``, ``reports``, ``timeline``,
``summary``, and the reciprocity calls ``aggregate``, ``parity``, ``dyad``, ``chain``, ``sources``, ``plot``,
``export``.

The words are those a user sees: an *event* is a real-world event, merged
from every report of it (an aggregated event, with a short number); a
*report* is what one document (one outlet's article on one date) says of an
event (a stored event record, with a number of its own, written r12).

Each command of the CLI is a thin wrapper over the function of the same name
here; the web service calls the same functions.  ``code_inputs`` codes
documents already read (the pages ``detente watch`` fetches) and
``store_coded`` stores documents coded elsewhere (the service's coding
processes), with the counts of ``code``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from . import reciprocity as _reciprocity
from .errors import InputError, NotFoundError, RefusedError, UsageError
from .ingest import read_inputs
from .reciprocity.analysis import ChainNode, Reciprocity, SeriesPoint, escalation_series
from .reciprocity.analysis import chain as _chain
from .reciprocity.analysis import reciprocity as _reciprocity_statistics
from .reciprocity.events import aggregated_event, aggregated_events, corroboration
from .reciprocity.parity import ParityLedger
from .reciprocity.parity import parity as _parity
from .records import STATUSES, Document, Event
from .settings import Settings
from .store import EventFilter, Store, confident, document_name

if TYPE_CHECKING:
    from .batch import Coded

log = logging.getLogger(__name__)

# Statuses written by default: events that happened or are announced as decided.  Threatened,
# demanded, hypothetical and denied actions are kept in the store and shown on request; the
# threat or demand itself is its own THREATEN or REQUEST event.
DEFAULT_STATUSES = ("actual", "planned")
# The largest aggregated event number: the store's INTEGER column is 32 bits on PostgreSQL.
MAX_NUMBER = 2**31 - 1


@dataclass
class Report:
    """What a coding run did.

    ``documents`` were stored (or, without a store, coded): ``copied`` of them
    reuse the coding of a stored twin (the same text and publication date from
    another outlet or address); ``already_stored`` were duplicates (the same
    text, outlet and address) and skipped; ``reports`` events were stored, of
    which ``events`` had the statuses asked for and were passed on.
    """

    documents: int = 0
    already_stored: int = 0
    events: int = 0
    copied: int = 0
    reports: int = 0
    failures: list[InputError] = field(default_factory=list)
    update: _reciprocity.UpdateReport | None = None

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def duplicates(self) -> int:
        return self.already_stored


def parse_statuses(text: str | None) -> tuple[str, ...]:
    """``"actual,planned"``, ``"done"`` (actual and planned) or ``"all"`` → a tuple of statuses."""
    from .query import statuses

    return statuses(text)


def code(paths: Iterable[str], *, settings: Settings | None = None, date: date | None = None,
         source: str | None = None, store: Store | None = None, statuses: tuple[str, ...] = DEFAULT_STATUSES,
         report: Report | None = None, stdin=None,
         on_failure: Callable[[InputError], None] | None = None,
         on_document: Callable[[Report], None] | None = None,
         workers: int = 1, dask: str | None = None, shards: str | None = None) -> Iterator[Event]:
    """Read, code and (with a store) store documents; yields the events with the given statuses and a
    confidence of at least ``settings.min_confidence`` (the store keeps every event).

    Inputs stream through: memory does not grow with their number.  Inputs
    that cannot be read are recorded in ``report.failures``, passed to
    ``on_failure`` as they happen, and skipped.  With a store, a document is
    one report of one outlet: one already stored (the same text, outlet and
    address) is a duplicate and skipped, so running the same command after an
    interruption resumes it without duplicates or gaps; the same text from
    another outlet or address is stored as a document of its own, coded once:
    it takes the events of its twin when both carry the same publication date
    and were coded by the same version of the coder (dates and office holders
    resolve against the publication date, so another date is coded again).
    The new events then join the aggregated events and links (``aggregate``)
    once the last document is stored.  ``workers`` processes or the Dask
    cluster at ``dask`` (``local`` for one on this machine) code the
    documents; results come in input order, the same as on one process.
    ``shards`` is a folder that receives the events as Parquet files.
    ``on_document`` is called with the report after each document (progress).
    """
    settings = settings or Settings()
    inputs = read_inputs(paths, date=date, source=source, stdin=stdin, max_bytes=settings.max_bytes)
    yield from code_inputs(inputs, settings=settings, store=store, statuses=statuses, report=report,
                           on_failure=on_failure, on_document=on_document, workers=workers, dask=dask,
                           shards=shards)


def code_inputs(inputs: Iterable[Document | InputError], *, settings: Settings | None = None,
                store: Store | None = None, statuses: tuple[str, ...] = DEFAULT_STATUSES,
                report: Report | None = None, on_failure: Callable[[InputError], None] | None = None,
                on_document: Callable[[Report], None] | None = None,
                workers: int = 1, dask: str | None = None, shards: str | None = None) -> Iterator[Event]:
    """``code`` for documents already read (a fetched page, a request's text): the same counts and storing."""
    from .batch import code_documents
    from .shards import ShardWriter
    from .store import document_key
    from .version import coder_version

    report = report if report is not None else Report()
    settings = settings or Settings()
    version = coder_version(settings) if store is not None else None
    # The documents read and not yet stored, in input order: (to copy from a twin, document, key, text).  Those
    # in flight are also in ``seen`` (a second one is a duplicate) and, when coded, in ``coding`` (a twin of one
    # is copied); once stored, the store answers both questions, so memory does not grow with the inputs.
    plan: deque[tuple[bool, Document, str | None, tuple[str, str] | None]] = deque()
    seen: set[str] = set()
    coding: set[tuple[str, str]] = set()

    def failed(error: InputError) -> None:
        log.debug("skipped %s", error)
        report.failures.append(error)
        if on_failure is not None:
            on_failure(error)

    def documents():
        for item in inputs:
            if isinstance(item, InputError):
                failed(item)
                continue
            key = text = None
            if store is not None:
                key = document_key(item)
                if key in seen or store.has(item):
                    report.already_stored += 1
                    continue
                seen.add(key)
                text = (item.content_hash, item.date.isoformat() if item.date else "")
                if text in coding or store.coding_of(item, version) is not None:
                    plan.append((True, item, key, text))
                    continue
                coding.add(text)
            plan.append((False, item, key, text))
            yield item

    def done(key: str | None, text: tuple[str, str] | None) -> None:
        seen.discard(key)
        coding.discard(text)

    def passed(events: Iterable[Event]) -> Iterator[Event]:
        for event in events:
            if event.status in statuses and confident(event.confidence, settings.min_confidence):
                report.events += 1
                yield event
        if on_document is not None:
            on_document(report)

    def copies() -> Iterator[Event]:
        """Store the twins waiting before the next document to code (their twins are stored by now)."""
        while plan and plan[0][0]:
            _, document, key, _ = plan.popleft()
            seen.discard(key)
            twin = store.coding_of(document, version)
            if twin is None:  # its twin could not be coded (time limit): code it here
                yield from stored(next(code_documents([document], settings)))
                continue
            events = store.copy(document, twin)
            if events is None:
                report.already_stored += 1
                continue
            report.documents += 1
            report.copied += 1
            report.reports += len(events)
            if writer is not None:
                writer.add(events)
            yield from passed(events)

    def stored(coded) -> Iterator[Event]:
        if coded.failure is not None:  # over the time limit: recorded, not stored, so a re-run tries again
            failed(coded.failure)
            return
        try:
            added = store is None or store.add(coded.document, coded.sentences, coded.events, coded.claims,
                                               coder=version)
        except RefusedError as error:  # rolled back: what was stored before stays, the run goes on
            failed(error)
            return
        if not added:
            report.already_stored += 1  # stored meanwhile by another process
            return
        report.reports += len(coded.events)
        report.documents += 1
        if writer is not None:
            writer.add(coded.events)
        yield from passed(coded.events)

    writer = ShardWriter(shards) if shards else None
    try:
        for coded in code_documents(documents(), settings, workers=workers, dask=dask):
            yield from copies()
            _, _, key, text = plan.popleft()
            yield from stored(coded)
            done(key, text)
        yield from copies()
    finally:
        if writer is not None:
            writer.close()
    if store is not None:
        report.update = _reciprocity.update(store, settings)


@dataclass
class RecodeReport:
    """What ``recode`` did: documents coded again, and reports removed, kept unchanged and added."""

    documents: int = 0
    outdated: int = 0
    removed: int = 0
    kept: int = 0
    added: int = 0
    failures: list[InputError] = field(default_factory=list)
    update: _reciprocity.UpdateReport | None = None


def recode(store: Store, settings: Settings | None = None, *, since: date | None = None,
           until: date | None = None, outlet: str | None = None,
           on_document: Callable[[RecodeReport], None] | None = None,
           on_failure: Callable[[InputError], None] | None = None, workers: int = 1) -> RecodeReport:
    """Code stored documents again with today's lexicon, knowledge base and ``settings``.

    The documents are those published between ``since`` and ``until`` (their
    publication dates, inclusive) by ``outlet``, all without filters.  Each
    document's reports are replaced by the new coding in one transaction
    (``Store.replace``: a report coded exactly as before keeps its number), its
    coder version is recorded, and the aggregated events and links are then
    updated where reports changed (``reciprocity.refresh``).  Twins (the same
    text and publication date) are coded once.  A document that fails (time
    limit) keeps its reports and is recorded in ``failures``.
    """
    from .batch import code_documents
    from .store import twin_events
    from .version import coder_version, outdated

    settings = settings or Settings()
    version = coder_version(settings)
    report = RecodeReport()
    chosen = store.documents(since=since, until=until, outlet=outlet)
    report.outdated = sum(outdated(stored.coder) for stored in chosen)
    groups: dict[tuple[str, str], list] = {}
    for stored in chosen:
        text = (stored.document.content_hash, stored.document.date.isoformat() if stored.document.date else "")
        groups.setdefault(text, []).append(stored)
    firsts = [members[0] for members in groups.values()]
    keys: set[tuple[str, str, str]] = set()
    numbers: dict[str, int] = {}
    joined: set[str] = set()
    coded_all = code_documents((first.document for first in firsts), settings, workers=workers)
    for first, coded in zip(firsts, coded_all, strict=True):  # one result per document, in input order
        if coded.failure is not None:
            report.failures.append(coded.failure)
            if on_failure is not None:
                on_failure(coded.failure)
            continue
        text = (first.document.content_hash, first.document.date.isoformat() if first.document.date else "")
        for index, member in enumerate(groups[text]):
            if index == 0:
                events, claims = list(coded.events), list(coded.claims)
            else:
                events, claims = twin_events(member.key, member.document, list(coded.events), list(coded.claims))
            try:
                changed = store.replace(member.key, coded.sentences, events, claims, coder=version,
                                        name=document_name(member.document))
            except RefusedError as error:  # rolled back: the document keeps its reports
                report.failures.append(error)
                if on_failure is not None:
                    on_failure(error)
                continue
            report.documents += 1
            report.removed += changed.removed
            report.kept += changed.kept
            report.added += changed.added
            keys |= changed.keys
            numbers.update(changed.numbers)
            joined |= changed.joined
            if on_document is not None:
                on_document(report)
    report.update = _reciprocity.refresh(store, settings, keys=keys, numbers=numbers, joined=joined)
    return report


def store_coded(store: Store, coded: Iterable[Coded], *, settings: Settings | None = None,
                statuses: tuple[str, ...] = DEFAULT_STATUSES, report: Report | None = None) -> list[Event]:
    """Store documents coded elsewhere (the service's coding processes), then update aggregates and links.

    The counts are those of ``code``: what is counted as stored is what the insert actually added, so a
    document another writer stored first counts as already stored.
    """
    from .version import coder_version

    settings = settings or Settings()
    report = report if report is not None else Report()
    version = coder_version(settings)
    found = []
    for item in coded:
        try:
            added = store.add(item.document, item.sentences, item.events, item.claims, coder=version)
        except RefusedError as error:  # rolled back; the other documents are stored
            report.failures.append(error)
            continue
        if not added:
            report.already_stored += 1
            continue
        report.documents += 1
        report.reports += len(item.events)
        for event in item.events:
            if event.status in statuses:
                report.events += 1
                found.append(event)
    report.update = _reciprocity.update(store, settings)
    return found




def events(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Events matching a filter, in date order: each real-world event once (an aggregated event, with its
    number, reports, outlets, links and disagreements)."""
    return list(aggregated_events(store, where))


def reports(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Reports matching a filter, in date order: each stored event as one document states it, with its report
    ``number`` and the ``event_number`` of the event it reports."""
    return list(store.reports(where))


@dataclass(frozen=True)
class TimelineRow:
    """One event of a timeline, with how many reports and outlets tell of it."""

    number: int
    date: str | None
    actor: str
    recipient: str
    event: str
    cameo: str
    goldstein: float
    status: str
    size: str
    trigger: str
    reports: int
    outlets: tuple[str, ...]
    confidence: float | None = None
    independent_sources: int | None = None

    def to_dict(self) -> dict:
        return {**self.__dict__, "outlets": list(self.outlets)}


def timeline(store: Store, dyad: tuple[str, str], statuses: tuple[str, ...] = DEFAULT_STATUSES, *,
             since: date | None = None, until: date | None = None,
             min_confidence: float | None = None) -> list[TimelineRow]:
    """The events between two countries, both directions, in date order: each real-world event once (those
    with a confidence of at least ``min_confidence`` when given)."""
    from . import query

    rows = []
    where = EventFilter(dyad=dyad, statuses=statuses, since=since, until=until,
                        min_confidence=query.confidence(min_confidence))
    for record in aggregated_events(store, where):
        size = record.get("size")
        rows.append(TimelineRow(
            number=record["number"], date=record["date"], actor=_countries(record["actor"]),
            recipient=_countries(record["recipient"]), event=record["event"], cameo=record["cameo"],
            goldstein=record["goldstein"], status=record["status"],
            size=f"{size['count']} {size['unit']}" if size else "", trigger=record["trigger"],
            reports=len(record["mentions"]), outlets=tuple(record["sources"]),
            confidence=record["confidence"], independent_sources=record["independent_sources"],
        ))
    return rows


@dataclass(frozen=True)
class Summary:
    """What a store holds: documents, reports and events (each real-world event once), the events per pair of
    countries, the timelines of the busiest pairs, and the documents coded by an older coder."""

    documents: int
    reports: int
    events: int
    statuses: tuple[str, ...]
    dyads: list[tuple[str, str, int, int]]  # (actor, recipient, events, reports) with the statuses
    timelines: dict[tuple[str, str], list[TimelineRow]]
    outdated_documents: int = 0
    outdated_reports: int = 0
    min_confidence: float | None = None  # the dyads and timelines count only events at least this confident

    def to_dict(self) -> dict:
        return {"documents": self.documents, "reports": self.reports, "events": self.events,
                "statuses": list(self.statuses), "min_confidence": self.min_confidence,
                "dyads": [{"actor": a, "recipient": r, "events": e, "reports": n} for a, r, e, n in self.dyads],
                "timelines": [{"dyad": list(pair), "events": [row.to_dict() for row in rows]}
                              for pair, rows in self.timelines.items()],
                "outdated": {"documents": self.outdated_documents, "reports": self.outdated_reports}}


def summary(store: Store, *, top: int = 3, statuses: tuple[str, ...] = DEFAULT_STATUSES,
            min_confidence: float | None = None) -> Summary:
    """Documents, reports and events stored; events per dyad and the timelines of the busiest pairs (of the
    events with the statuses and, when given, a confidence of at least ``min_confidence``)."""
    from . import query
    from .version import outdated

    min_confidence = query.confidence(min_confidence)
    dyads = store.aggregate_dyads(EventFilter(statuses=statuses, min_confidence=min_confidence))
    pairs: list[tuple[str, str]] = []
    for actor, recipient, _, _ in dyads:
        pair = tuple(sorted((actor, recipient)))
        if pair not in pairs:
            pairs.append(pair)
    timelines = {pair: timeline(store, pair, statuses, min_confidence=min_confidence) for pair in pairs[:max(top, 0)]}
    old = [(documents, reported) for coder, documents, reported in store.coders() if outdated(coder)]
    return Summary(store.count("documents"), store.count("events"), store.count("aggregates"), statuses, dyads,
                   timelines, sum(d for d, _ in old), sum(r for _, r in old), min_confidence)


# -- reciprocity ---------------------------------------------------------------------------------

def aggregate(store: Store, settings: Settings | None = None, *, rebuild: bool = False) -> _reciprocity.UpdateReport:
    """Place stored events into aggregated events and link them; ``rebuild`` starts from scratch."""
    if rebuild:
        return _reciprocity.rebuild(store, settings)
    return _reciprocity.update(store, settings)


def aggregated(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Aggregated events (with mentions, outlets, links and disagreements) matching a filter: ``events``."""
    return events(store, where)


def find_aggregate(store: Store, reference: str) -> str:
    """The id of the event named by its number (12), the number of one of its reports (r12), or an id."""
    reference = str(reference).strip()
    if reference[:1] in ("r", "R") and reference[1:].isdecimal():
        number = event_number(reference[1:])
        report = store.report_by_number(number) if number is not None else None
        found = store.aggregate_of(report) if report else None
        if found is not None:
            return found
        raise NotFoundError(f"no report {_shown(reference)} in {store.path}" if report is None else
                            f"report {reference} is not placed in an event yet: run `detente aggregate`")
    if reference.isdecimal():
        number = event_number(reference)
        found = store.aggregate_by_number(number) if number is not None else None
        if found is not None:
            return found
    elif store.aggregate(reference) is not None:
        return reference
    else:
        by_mention = store.aggregate_of(reference)
        if by_mention is not None:
            return by_mention
    raise NotFoundError(f"no event {_shown(reference)} in the store: give an event number shown by "
                        "`detente events`, a report number such as r12 shown by `detente reports`, or an id")


def event_number(reference: str) -> int | None:
    """The aggregated event number ``reference`` writes, or None when it is no number the store can hold.

    Numbers are counted from 1 in an INTEGER column, 32 bits on PostgreSQL: anything past ``MAX_NUMBER`` (or
    longer than its digits, which ``int`` would refuse past 4,300) names no event rather than overflowing
    the database driver.
    """
    if not reference.isdecimal() or len(reference) > len(str(MAX_NUMBER)):
        return None
    number = int(reference)
    return number if 1 <= number <= MAX_NUMBER else None


def _shown(reference: str) -> str:
    """The reference as an error message shows it: quoted, and cut when it is long."""
    return repr(reference if len(reference) <= 80 else reference[:80] + "…")


def sources(store: Store, reference: str, all_links: bool = False) -> dict:
    """One aggregated event with every report of it, where the reports disagree, and why it has its confidence
    (``corroboration``: each report's confidence, the reports counted as copies of others, the independent
    sources, the combined value); its links scored at least the link threshold (all with ``all_links``)."""
    row = store.aggregate(find_aggregate(store, reference))
    record = aggregated_event(store, row, all_links)
    record["corroboration"] = corroboration(store.mentions_of(row.id))
    return record


def parity(store: Store, first: str, second: str, statuses: tuple[str, ...] = DEFAULT_STATUSES, *,
           min_confidence: float | None = None) -> ParityLedger:
    """The parity ledger of two countries: staff ceilings, people expelled, facilities closed (from the events
    with the statuses and, when given, a confidence of at least ``min_confidence``)."""
    from . import query

    where = EventFilter(statuses=statuses, min_confidence=query.confidence(min_confidence))
    return _parity(store, *query.dyad((first, second), store.countries()), where)


@dataclass(frozen=True)
class Dyad:
    """Escalation series and reciprocity statistics of two countries."""

    first: str
    second: str
    series: list[SeriesPoint]
    reciprocity: list[Reciprocity]


def dyad(store: Store, first: str, second: str, *, period: str = "week",
         statuses: tuple[str, ...] = DEFAULT_STATUSES, since: date | None = None,
         until: date | None = None, min_confidence: float | None = None) -> Dyad:
    """Escalation per direction and period (every period, zeros included; within ``since``/``until`` when
    given), and how each side answers the other; of the events with the statuses and, when given, a
    confidence of at least ``min_confidence``."""
    from . import query

    first, second = query.dyad((first, second), store.countries())
    query.window(since, until)
    where = EventFilter(statuses=statuses, min_confidence=query.confidence(min_confidence))
    series = escalation_series(store, first, second, query.period(period),
                               dataclasses.replace(where, since=since, until=until))
    return Dyad(first, second, series, _reciprocity_statistics(store, first, second, where))


def chain(store: Store, reference: str, max_depth: int = 10, all_links: bool = False) -> list[ChainNode]:
    """The retaliation chain of an event: what it answered, recursively, and what answered it, along the links
    scored at least the link threshold (all links with ``all_links``)."""
    return _chain(store, find_aggregate(store, reference), max_depth, all_links)


EXPORT_FORMATS = ("plover", "gdelt", "csv", "parquet")


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote: rows per file, and events left out of the GDELT tables for want of a date."""

    files: dict[str, int]
    skipped: int = 0


def export(store: Store, fmt: str, output: str, *, mentions: str | None = None, header: bool = True,
           where: EventFilter | None = None) -> ExportReport:
    """Write the aggregated events matching ``where`` as PLOVER JSON Lines, GDELT 2.0 tables, CSV or Parquet.

    The GDELT format writes two files: the event table to ``output`` and the
    mentions table to ``mentions`` (default: ``output`` with ``.mentions``
    before its suffix).  Files are replaced only when complete.  Links are
    kept between events of the export only.
    """
    from . import export as writers

    records = _linked_within(aggregated(store, where))
    if fmt == "plover":
        return ExportReport({output: writers.write_aggregated_jsonl(records, output)})
    if fmt == "csv":
        return ExportReport({output: writers.write_aggregated_csv(records, output)})
    if fmt == "parquet":
        return ExportReport({output: writers.write_aggregated_parquet(records, output)})
    if fmt == "gdelt":
        mentions = mentions or _beside(output, "mentions")
        events = writers.write_gdelt_events(records, output, header=header)
        written = writers.write_gdelt_mentions(records, mentions, header=header)
        return ExportReport({output: events.rows, mentions: written.rows}, events.skipped)
    raise UsageError(f"unknown export format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")


def _linked_within(records: list[dict]) -> list[dict]:
    """The records with only the links to events of the same export: a file's `responds_to` numbers are
    rows of that file (a cause told only as alleged is exported with ``--status all``)."""
    kept = {record["id"] for record in records}
    return [{**record, "links": [link for link in record.get("links") or [] if link["event"] in kept]}
            for record in records]


def _beside(path: str, tag: str) -> str:
    from pathlib import Path

    target = Path(path)
    return str(target.with_name(f"{target.stem}.{tag}{target.suffix}"))


def plot(store: Store, first: str, second: str, output: str, *, period: str = "week",
         statuses: tuple[str, ...] = DEFAULT_STATUSES, since: date | None = None, until: date | None = None,
         min_confidence: float | None = None):
    """Draw the escalation series of a dyad, with its linked events marked, to a PNG or SVG file; the ``Chart``
    drawn (which events have labels and which are listed below the panels).  Only the events with the
    statuses and, when given, a confidence of at least ``min_confidence`` are drawn."""
    from . import query
    from .plot import plot_escalation

    min_confidence = query.confidence(min_confidence)
    result = dyad(store, first, second, period=period, statuses=statuses, since=since, until=until,
                  min_confidence=min_confidence)
    if not any(point.events for point in result.series):
        window = f" from {since or 'the start'} to {until or 'the end'}" if since or until else ""
        sure = f" with a confidence of at least {min_confidence:g}" if min_confidence else ""
        raise UsageError(f"no dated events{sure} between {result.first} and {result.second}{window} in "
                         f"{store.path}")
    records = {r["id"]: r for r in aggregated(store, EventFilter(dyad=(result.first, result.second),
                                                                  statuses=statuses, since=since, until=until,
                                                                  min_confidence=min_confidence))}
    marks = []
    for record in records.values():
        causes = [{"date": records[link["event"]]["date"], "kind": link["type"]} for link in record["links"]
                  if link["event"] in records]
        if not causes or not record["date"]:
            continue
        size = record.get("size")
        stated = any(cause["kind"] == "responds_to" for cause in causes)
        marks.append({"date": record["date"], "actor": _countries(record["actor"]),
                      "recipient": _countries(record["recipient"]), "kind": "responds_to" if stated else "inferred",
                      "label": f"{record['number']}. {record['event']} {record['cameo']}: {record['trigger']}"
                               + (f" {size['count']}" if size else ""),
                      "causes": causes})
    window = f", {since or '…'} to {until or '…'}" if since or until else ""
    try:
        return plot_escalation([p.to_dict() for p in result.series], marks, output,
                               title=f"{result.first}–{result.second}: escalation per {period}{window}",
                               window=(since, until))
    except ValueError as error:
        raise UsageError(str(error)) from error


def _countries(entities: list[dict]) -> str:
    return "+".join(sorted({str(e["country"]) for e in entities if e.get("country")}))
