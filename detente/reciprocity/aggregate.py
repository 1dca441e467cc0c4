"""Aggregation: the reports of one real-world event become one event.

Every stored event is a *mention*: one sentence of one article reporting
something.  ``aggregate`` puts each mention not yet placed into an existing
aggregated event, or starts a new one.  A mention joins an event when all of
these hold (docs/reciprocity.md explains each with examples):

1. the same actor countries, recipient countries and PLOVER event type;
2. the same kind of status: done (``actual`` and ``planned`` — "will expel"
   and "expelled" report one decision) or the same other status;
3. compatible codes: for material events the same CAMEO base code (161
   expelling diplomats is not 163 an embargo) unless one of them is the
   generic code of its root (160); verbal events only need the same type;
   and no two different modes (``expel`` is not ``withdraw``);
4. a date that fits: the dates the texts give are at most
   ``same_event_days`` apart (a month-precise date fits any day of its month
   when the numbers agree); or the mention gives no date of its own (only
   its article's publication date) or the event has none, and the mention
   states the same number (755 diplomats, at least 3) as a report of the event
   at most ``background_days`` earlier — how articles refer back to events
   ("Russia's decision to expel 755 diplomats"); or the mention is retold without a date
   (``date_source`` ``background``) and the event is the most recent at most ``background_days`` before
   the mention's publication;
5. numbers that agree, unless the dates are the same day (then the difference
   is a disagreement between the reports, kept and shown).

Among several fitting events the closest in time wins.  Mentions are taken
in order of publication, so the result of coding a collection does not depend
on how it was split into runs, except for ties.  Aggregates only grow: a
re-run finds nothing to place and changes nothing.

Each aggregate's summary also carries its confidence, combined from its
reports' over their independent sources (copies of one wire story counting
once), and the number of those sources: ``corroboration.py``, kept up to date
in ``Members`` as mentions join.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import datafiles
from ..records import stable_id
from ..settings import Settings
from ..store import AggregateRow, Mention, Store
from .corroboration import Sources, combine, source_key

DONE = ("actual", "planned")
TEXT_DATES = ("explicit", "relative")
# The smallest number that identifies an event referred back to ("two diplomats" does not).
DISTINCTIVE_COUNT = 3
UNITS = Path(__file__).parent / "data" / "units.yaml"
# Placements kept in memory before they are written, with the summaries they change.
WRITE_EVERY = 1000


@dataclass
class AggregationReport:
    """What one run of the aggregation did."""

    placed: int = 0
    created: int = 0
    touched: set[str] = field(default_factory=set)


def aggregate(store: Store, settings: Settings | None = None,
              numbers: dict[str, int] | None = None) -> AggregationReport:
    """Place every stored mention that is not yet in an aggregated event.

    The mentions are read as a stream.  Each aggregate is summarised in memory
    (``Members``) as mentions join it, and summaries and placements are
    written in batches, so the work per mention does not grow with the number
    of reports of its event.  ``numbers`` gives the numbers of aggregates
    dissolved by a re-coding (by id): one made again with the same id (the
    same first mention) takes its old number back.
    """
    settings = settings or Settings()
    report = AggregationReport()
    with store.transaction():
        # inside the write lock: the next free number, read before it, may be another process's by now
        gathered = _Gathered(store, numbers or {})
        for mention in store.unassigned_mentions():
            best: tuple[float, AggregateRow] | None = None
            for row in gathered.candidates(mention):
                distance = fit(mention, row, gathered.members(row.id), settings)
                if distance is not None and (best is None or distance < best[0]):
                    best = (distance, row)
            row = gathered.join(mention, best[1] if best else None)
            report.created += best is None
            report.placed += 1
            report.touched.add(row.id)
        gathered.write()
    return report


class _Gathered:
    """The aggregates one run reads and changes, kept in memory until the run writes them."""

    def __init__(self, store: Store, numbers: dict[str, int]) -> None:
        self.store = store
        self.rows: dict[str, AggregateRow] = {}
        self.keyed: dict[tuple[str, str, str], list[str]] = {}
        self.gathered: dict[str, Members] = {}
        self.reserved = numbers
        self.number = max([store.next_number(), *(n + 1 for n in numbers.values())])
        self.assigned: list[tuple[str, str]] = []  # (mention, aggregate), written in batches
        self.changed: set[str] = set()

    def candidates(self, mention: Mention) -> list[AggregateRow]:
        """The aggregates with the mention's actors, recipients and type, in order of number."""
        key = (mention.actors, mention.recipients, mention.event)
        if key not in self.keyed:
            stored = self.store.aggregates_with(*key)
            self.rows.update((row.id, row) for row in stored)
            self.keyed[key] = [row.id for row in stored]
        return [self.rows[id_] for id_ in self.keyed[key]]

    def members(self, aggregate_id: str) -> Members:
        if aggregate_id not in self.gathered:
            self.gathered[aggregate_id] = Members(self.store.mentions_of(aggregate_id))
        return self.gathered[aggregate_id]

    def join(self, mention: Mention, row: AggregateRow | None) -> AggregateRow:
        """Place ``mention`` in ``row``, or in a new aggregate when ``row`` is None; the new summary."""
        if row is None:
            aggregate_id = stable_id("aggregate", mention.id)
            number = self.reserved.pop(aggregate_id, None)
            if number is None:
                number, self.number = self.number, self.number + 1
            self.gathered[aggregate_id] = Members()
            self.keyed[(mention.actors, mention.recipients, mention.event)].append(aggregate_id)
        else:
            aggregate_id, number = row.id, row.number
        members = self.members(aggregate_id)
        members.add(mention)
        self.rows[aggregate_id] = members.summary(aggregate_id, number)
        self.changed.add(aggregate_id)
        self.assigned.append((mention.id, aggregate_id))
        if len(self.assigned) >= WRITE_EVERY:
            self.write()
        return self.rows[aggregate_id]

    def write(self) -> None:
        """Write the changed summaries, then the placements (a mention's aggregate must exist first)."""
        for aggregate_id in sorted(self.changed, key=lambda id_: self.rows[id_].number):
            self.store.write_aggregate(self.rows[aggregate_id])
        self.store.assign_all(self.assigned)
        self.changed.clear()
        self.assigned.clear()


def fit(mention: Mention, row: AggregateRow, members: Members, settings: Settings) -> float | None:
    """How far ``mention`` is from the aggregate (0 = same day), or None when it is another event."""
    if _status_group(mention.status) != _status_group(row.status):
        return None
    if not codes_agree(mention.cameo, row.cameo, mention.quad_class):
        return None
    if mention.mode and row.mode and mention.mode != row.mode:
        return None
    if mention.date_source == BACKGROUND:
        return _retold(mention, row, settings)
    same_time = _same_time(mention, members, settings)
    if same_time is not None:
        return same_time
    return _same_number(mention, row, members, settings)


def _retold(mention: Mention, row: AggregateRow, settings: Settings) -> float | None:
    """A report of an earlier event whose date its text does not give ("Russia had already recalled its
    ambassador") is the most recent such event of the same dyad and type before its article, within
    ``background_days``; it starts no event on the day of the story."""
    if row.date is None or mention.published is None:
        return None
    gap = (mention.published - row.date).days
    if not 0 <= gap <= settings.background_days:
        return None
    return 30.0 + gap / 1000


def codes_agree(first: str, second: str, quad_class: int) -> bool:
    if quad_class in (1, 3):  # verbal: "criticised" and "accused" in two outlets report one statement
        return True
    if first[:3] == second[:3]:
        return True
    generic = (len(first) == 3 and first.endswith("0")) or (len(second) == 3 and second.endswith("0"))
    return generic and first[:2] == second[:2]


def _same_time(mention: Mention, members: Members, settings: Settings) -> float | None:
    if mention.date is None:
        return None
    text_dated = _text_dated(mention)
    dates = members.day_dates or members.dates
    if not dates:
        return None
    if mention.date_precision == "month" and text_dated:
        same_month = any((d.year, d.month) == (mention.date.year, mention.date.month) for d in dates)
        return 10.0 if same_month and members.counts_agree(mention) else None
    gap = min(abs((mention.date - d).days) for d in dates)
    if gap > settings.same_event_days:
        return None
    if gap > 0 and not members.counts_agree(mention):
        return None
    loose = not text_dated or not members.text_dated
    return gap + (0.5 if loose else 0.0)


def _same_number(mention: Mention, row: AggregateRow, members: Members, settings: Settings) -> float | None:
    """A report that refers back to an event by its number."""
    if mention.count is None or mention.count < DISTINCTIVE_COUNT:
        return None
    key = (mention.count, mention.relation, unit_kind(mention.unit))
    if key not in members.numbered:
        return None
    if _text_dated(mention) and members.numbered[key]:
        return None  # both give dates, and they are too far apart: two events with the same number
    if mention.date is None or row.date is None:
        return 20.0
    gap = (mention.date - row.date).days
    if _text_dated(mention):
        gap = -gap  # the dated report is the event, the undated ones in the aggregate refer back to it
    if not 0 <= gap <= settings.background_days and abs(gap) > settings.same_event_days:
        return None
    return 20.0 + abs(gap) / 1000


class Members:
    """What the rules and the summary need from the mentions of one aggregate, kept up to date as mentions join.

    It holds sets and the best-ranked mentions, not the mentions themselves,
    so testing a new mention and summarising after it joins take the same
    time whether the event has two reports or two thousand.
    """

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        self.count = 0
        self.day_dates: set[date] = set()  # dates the texts give to the day (not only a month)
        self.text_dates: set[date] = set()  # dates the texts give
        self.months: set[tuple[int, int]] = set()  # (year, month) of the month-precise dates the texts give
        self.dates: set[date] = set()  # every date, publication dates included
        self.text_dated = False
        self.numbers: dict[tuple, set[int]] = {}  # (relation, unit kind) → the numbers stated
        self.numbered: dict[tuple, bool] = {}  # (number, relation, unit kind) → whether one of them is text-dated
        self.published: set[date] = set()
        self.sources: set[str] = set()
        self.statuses: set[str] = set()
        self.representative: Mention | None = None
        self.with_mode: Mention | None = None  # the best-ranked mention that names a mode
        self.independent = Sources()  # the independent sources and their best confidences (corroboration.py)
        self._ranks: dict[str, tuple] = {}
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> None:
        self.count += 1
        text_dated = _text_dated(mention)
        if mention.date:
            self.dates.add(mention.date)
            if text_dated:
                self.text_dates.add(mention.date)
                if mention.date_precision != "month":
                    self.day_dates.add(mention.date)
                else:
                    self.months.add((mention.date.year, mention.date.month))
        self.text_dated = self.text_dated or text_dated
        if mention.count is not None:
            kind = unit_kind(mention.unit)
            self.numbers.setdefault((mention.relation, kind), set()).add(mention.count)
            key = (mention.count, mention.relation, kind)
            self.numbered[key] = self.numbered.get(key, False) or text_dated
        if mention.published:
            self.published.add(mention.published)
        if mention.source:
            self.sources.add(mention.source)
        self.statuses.add(mention.status)
        self.independent.add(source_key(mention.source, mention.doc_id), mention.text, mention.confidence)
        rank = _rank(mention)
        if self.representative is None or rank < self._ranks["representative"]:
            self.representative, self._ranks["representative"] = mention, rank
        if mention.mode and (self.with_mode is None or rank < self._ranks["with_mode"]):
            self.with_mode, self._ranks["with_mode"] = mention, rank

    def counts_agree(self, mention: Mention) -> bool:
        """Whether no report states another number of the same kind than ``mention`` does."""
        if mention.count is None:
            return True
        return self.numbers.get((mention.relation, unit_kind(mention.unit)), set()) <= {mention.count}

    def disagreements(self) -> tuple[str, ...]:
        """What the reports disagree on, of what lowers the event's confidence: ``numbers`` (two counts of the
        same kind of thing) and ``dates`` (two days, or months, that the texts give)."""
        found = []
        if any(len(counts) > 1 for counts in self.numbers.values()):
            found.append("numbers")
        months = self.months | {(day.year, day.month) for day in self.day_dates}
        if len(self.day_dates) > 1 or len(months) > 1:
            found.append("dates")
        return tuple(found)

    def confidence(self) -> float | None:
        """The event's confidence: its independent sources' best reports combined by noisy-or, lowered for each
        kind of disagreement (``corroboration.combine``); None when no report has a confidence."""
        return combine(self.independent.best(), self.disagreements())

    def summary(self, aggregate_id: str, number: int) -> AggregateRow:
        """The stored summary of the aggregate."""
        representative = self.representative
        if representative is None:
            raise ValueError(f"aggregate {aggregate_id} has no mentions")
        dates = self.text_dates or self.dates
        return AggregateRow(
            id=aggregate_id, number=number, event=representative.event, cameo=representative.cameo,
            mode=self.with_mode.mode if self.with_mode else None,
            status="actual" if "actual" in self.statuses else min(self.statuses),
            actors=representative.actors, recipients=representative.recipients, date=representative.date,
            date_first=min(dates) if dates else None, date_last=max(dates) if dates else None,
            first_seen=min(self.published) if self.published else None,
            last_seen=max(self.published) if self.published else None,
            mentions=self.count, sources=len(self.sources), representative=representative.id,
            confidence=self.confidence(), independent_sources=len(self.independent),
        )


def summarise(aggregate_id: str, number: int, mentions: Iterable[Mention]) -> AggregateRow:
    """The stored summary of an aggregate with these mentions."""
    return Members(mentions).summary(aggregate_id, number)


def _rank(mention: Mention) -> tuple:
    """Which mention speaks for the event: a text date, a precise one, a number, the earliest report."""
    source_rank = {"explicit": 0, "relative": 1}.get(mention.date_source, 2)
    return (mention.date is None, mention.date_precision != "day", source_rank, mention.count is None,
            mention.published or date.max, mention.doc_id, mention.sentence, mention.id)


def _status_group(status: str) -> str:
    return "done" if status in DONE else status


BACKGROUND = "background"


def _text_dated(mention: Mention) -> bool:
    return mention.date_source in TEXT_DATES


@functools.cache
def _units() -> dict[str, str]:
    data = datafiles.load(UNITS)
    return {str(word).lower(): kind for kind in ("people", "facilities") for word in data.get(kind) or []}


def unit_kind(unit: str | None) -> str:
    """``people``, ``facilities``, or the unit itself when it is in neither list of data/units.yaml."""
    unit = (unit or "").lower()
    return _units().get(unit, unit)


