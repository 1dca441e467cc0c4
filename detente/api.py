"""The library calls behind the commands: ``code``, ``events``, ``timeline``, ``summary``, and the
reciprocity calls ``aggregate``, ``aggregated``, ``parity``, ``dyad``, ``chain``, ``sources``.

Each command of the CLI is a thin wrapper over the function of the same name
here; the web service calls the same functions.  ``code_inputs`` codes
documents already read (the pages ``detente watch`` fetches) and
``store_coded`` stores documents coded elsewhere (the service's coding
processes), with the counts of ``code``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from . import reciprocity as _reciprocity
from .errors import InputError, NotFoundError, UsageError
from .ingest import read_inputs
from .reciprocity.analysis import ChainNode, Reciprocity, SeriesPoint, escalation_series
from .reciprocity.analysis import chain as _chain
from .reciprocity.analysis import reciprocity as _reciprocity_statistics
from .reciprocity.events import aggregated_event, aggregated_events
from .reciprocity.parity import ParityLedger
from .reciprocity.parity import parity as _parity
from .records import STATUSES, Document, Event
from .settings import Settings
from .store import EventFilter, Store

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
    """What a coding run did: documents coded, skipped as already stored, failed, events found."""

    documents: int = 0
    already_stored: int = 0
    events: int = 0
    failures: list[InputError] = field(default_factory=list)
    update: _reciprocity.UpdateReport | None = None

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
        raise UsageError(f"unknown status {', '.join(unknown)}; choose from {', '.join(STATUSES)} or all")
    return statuses


def code(paths: Iterable[str], *, settings: Settings | None = None, date: date | None = None,
         source: str | None = None, store: Store | None = None, statuses: tuple[str, ...] = DEFAULT_STATUSES,
         report: Report | None = None, stdin=None,
         on_failure: Callable[[InputError], None] | None = None,
         on_document: Callable[[Report], None] | None = None,
         workers: int = 1, dask: str | None = None, shards: str | None = None) -> Iterator[Event]:
    """Read, code and (with a store) store documents; yields the events with the given statuses.

    Inputs stream through: memory does not grow with their number.  Inputs
    that cannot be read are recorded in ``report.failures``, passed to
    ``on_failure`` as they happen, and skipped.  A document whose text is
    already in the store is not coded again, so running the same command
    after an interruption resumes it without duplicates or gaps.  With a
    store, the new events then join the aggregated events and links
    (``aggregate``) once the last document is stored.  ``workers`` processes
    or the Dask cluster at ``dask`` (``local`` for one on this machine) code
    the documents; results come in input order, the same as on one process.
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

    report = report if report is not None else Report()
    settings = settings or Settings()

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
            if store is not None and store.has(item):
                report.already_stored += 1
                continue
            yield item

    writer = ShardWriter(shards) if shards else None
    try:
        for coded in code_documents(documents(), settings, workers=workers, dask=dask):
            if coded.failure is not None:  # over the time limit: recorded, not stored, so a re-run tries again
                failed(coded.failure)
                continue
            if not _keep(coded, store, report):
                continue
            if writer is not None:
                writer.add(coded.events)
            yield from _counted(coded.events, statuses, report)
            if on_document is not None:
                on_document(report)
    finally:
        if writer is not None:
            writer.close()
    if store is not None:
        report.update = _reciprocity.update(store, settings)


def store_coded(store: Store, coded: Iterable[Coded], *, settings: Settings | None = None,
                statuses: tuple[str, ...] = DEFAULT_STATUSES, report: Report | None = None) -> list[Event]:
    """Store documents coded elsewhere (the service's coding processes), then update aggregates and links.

    The counts are those of ``code``: a document another writer stored first counts as already stored.
    """
    report = report if report is not None else Report()
    found = []
    for item in coded:
        if _keep(item, store, report):
            found.extend(_counted(item.events, statuses, report))
    report.update = _reciprocity.update(store, settings or Settings())
    return found


def _keep(coded: Coded, store: Store | None, report: Report) -> bool:
    """Store one coded document and count it; False when another run stored the same text meanwhile.

    The check before coding (``Store.has``) does not see a document a concurrent run stores while this one
    codes it, so what is counted as coded is what the insert actually added.
    """
    if store is not None and not store.add(coded.document, coded.sentences, coded.events, coded.claims):
        report.already_stored += 1
        return False
    report.documents += 1
    return True


def _counted(events: Iterable[Event], statuses: tuple[str, ...], report: Report) -> Iterator[Event]:
    for event in events:
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


# -- reciprocity ---------------------------------------------------------------------------------

def aggregate(store: Store, settings: Settings | None = None, *, rebuild: bool = False) -> _reciprocity.UpdateReport:
    """Place stored events into aggregated events and link them; ``rebuild`` starts from scratch."""
    if rebuild:
        return _reciprocity.rebuild(store, settings)
    return _reciprocity.update(store, settings)


def aggregated(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Aggregated events (with mentions, outlets, links and disagreements) matching a filter."""
    return list(aggregated_events(store, where))


def find_aggregate(store: Store, reference: str) -> str:
    """The id of the aggregated event named by its id, its number, or the id of one of its mentions."""
    reference = reference.strip()
    if store.aggregate(reference) is not None:
        return reference
    by_mention = store.aggregate_of(reference)
    if by_mention is not None:
        return by_mention
    number = event_number(reference)
    if number is not None:
        found = store.aggregate_by_number(number)
        if found is not None:
            return found
    raise NotFoundError(f"no aggregated event {_shown(reference)} in the store: give an id or number shown by "
                        "`detente aggregated` or the id of a stored event")


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


def sources(store: Store, reference: str) -> dict:
    """One aggregated event with every report of it and where the reports disagree."""
    row = store.aggregate(find_aggregate(store, reference))
    return aggregated_event(store, row)


def parity(store: Store, first: str, second: str, statuses: tuple[str, ...] = DEFAULT_STATUSES) -> ParityLedger:
    """The parity ledger of two countries: staff ceilings, people expelled, facilities closed."""
    return _parity(store, first.upper(), second.upper(), statuses)


@dataclass(frozen=True)
class Dyad:
    """Escalation series and reciprocity statistics of two countries."""

    first: str
    second: str
    series: list[SeriesPoint]
    reciprocity: list[Reciprocity]


def dyad(store: Store, first: str, second: str, *, period: str = "week",
         statuses: tuple[str, ...] = DEFAULT_STATUSES) -> Dyad:
    """Escalation per direction and period, and how each side answers the other."""
    first, second = first.upper(), second.upper()
    if period not in ("day", "week", "month"):
        raise UsageError(f"unknown period {period!r}; choose day, week or month")
    return Dyad(first, second, escalation_series(store, first, second, period, statuses),
                _reciprocity_statistics(store, first, second, statuses))


def chain(store: Store, reference: str, max_depth: int = 10) -> list[ChainNode]:
    """The retaliation chain of an event: what it answered, recursively, and what answered it."""
    return _chain(store, find_aggregate(store, reference), max_depth)


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
    before its suffix).  Files are replaced only when complete.
    """
    from . import export as writers

    records = aggregated(store, where)
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


def _beside(path: str, tag: str) -> str:
    from pathlib import Path

    target = Path(path)
    return str(target.with_name(f"{target.stem}.{tag}{target.suffix}"))


def plot(store: Store, first: str, second: str, output: str, *, period: str = "week",
         statuses: tuple[str, ...] = DEFAULT_STATUSES) -> str:
    """Draw the escalation series of a dyad, with its linked events marked, to a PNG or SVG file."""
    from .plot import plot_escalation

    result = dyad(store, first, second, period=period, statuses=statuses)
    if not result.series:
        raise UsageError(f"no dated events between {result.first} and {result.second} in {store.path}")
    records = {r["id"]: r for r in aggregated(store, EventFilter(dyad=(result.first, result.second),
                                                                  statuses=statuses))}
    marks = []
    for record in records.values():
        for link in record["links"]:
            cause = records.get(link["event"])
            if cause is None or not record["date"]:
                continue
            size = record.get("size")
            marks.append({"date": record["date"], "actor": _countries(record["actor"]),
                          "recipient": _countries(record["recipient"]), "kind": link["type"],
                          "label": f"{record['event']} {record['cameo']}: {record['trigger']}"
                                   + (f" {size['count']}" if size else ""),
                          "cause_date": cause["date"]})
    try:
        plot_escalation([p.to_dict() for p in result.series], marks, output,
                        title=f"{result.first}–{result.second}: escalation per {period}")
    except ValueError as error:
        raise UsageError(str(error)) from error
    return output


def _countries(entities: list[dict]) -> str:
    return "+".join(sorted({str(e["country"]) for e in entities if e.get("country")}))
