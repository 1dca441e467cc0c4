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
   ("Russia's decision to expel 755 diplomats");
5. numbers that agree, unless the dates are the same day (then the difference
   is a disagreement between the reports, kept and shown).

Among several fitting events the closest in time wins.  Mentions are taken
in order of publication, so the result of coding a collection does not depend
on how it was split into runs, except for ties.  Aggregates only grow: a
re-run finds nothing to place and changes nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import datafiles
from ..records import stable_id
from ..settings import Settings
from ..store import AggregateRow, Mention, Store

DONE = ("actual", "planned")
TEXT_DATES = ("explicit", "relative")
# The smallest number that identifies an event referred back to ("two diplomats" does not).
DISTINCTIVE_COUNT = 3
UNITS = Path(__file__).parent / "data" / "units.yaml"


@dataclass
class AggregationReport:
    """What one run of the aggregation did."""

    placed: int = 0
    created: int = 0
    touched: set[str] = field(default_factory=set)


def aggregate(store: Store, settings: Settings | None = None) -> AggregationReport:
    """Place every stored mention that is not yet in an aggregated event."""
    settings = settings or Settings()
    report = AggregationReport()
    members: dict[str, list[Mention]] = {}
    with store.transaction():
        for mention in store.unassigned_mentions():
            best: tuple[float, AggregateRow] | None = None
            for row in store.aggregates_with(mention.actors, mention.recipients, mention.event):
                if row.id not in members:
                    members[row.id] = store.mentions_of(row.id)
                distance = fit(mention, row, members[row.id], settings)
                if distance is not None and (best is None or distance < best[0]):
                    best = (distance, row)
            if best is None:
                row = _new(store, mention)
                members[row.id] = []
                report.created += 1
            else:
                row = best[1]
            members[row.id].append(mention)
            store.assign(mention.id, row.id)
            store.write_aggregate(summarise(row.id, row.number, members[row.id]))
            report.placed += 1
            report.touched.add(row.id)
    return report


def fit(mention: Mention, row: AggregateRow, members: list[Mention], settings: Settings) -> float | None:
    """How far ``mention`` is from the aggregate (0 = same day), or None when it is another event."""
    if _status_group(mention.status) != _status_group(row.status):
        return None
    if not codes_agree(mention.cameo, row.cameo, mention.quad_class):
        return None
    if mention.mode and row.mode and mention.mode != row.mode:
        return None
    same_time = _same_time(mention, row, members, settings)
    if same_time is not None:
        return same_time
    return _same_number(mention, row, members, settings)


def codes_agree(first: str, second: str, quad_class: int) -> bool:
    if quad_class in (1, 3):  # verbal: "criticised" and "accused" in two outlets report one statement
        return True
    if first[:3] == second[:3]:
        return True
    generic = (len(first) == 3 and first.endswith("0")) or (len(second) == 3 and second.endswith("0"))
    return generic and first[:2] == second[:2]


def _same_time(mention: Mention, row: AggregateRow, members: list[Mention], settings: Settings) -> float | None:
    if mention.date is None:
        return None
    text_dated = _text_dated(mention)
    dates = [m.date for m in members if m.date and _text_dated(m) and m.date_precision != "month"]
    if not dates:
        dates = [m.date for m in members if m.date]
    if not dates:
        return None
    if mention.date_precision == "month" and text_dated:
        same_month = any((d.year, d.month) == (mention.date.year, mention.date.month) for d in dates)
        return 10.0 if same_month and _counts_agree(mention, members) else None
    gap = min(abs((mention.date - d).days) for d in dates)
    if gap > settings.same_event_days:
        return None
    if gap > 0 and not _counts_agree(mention, members):
        return None
    loose = not text_dated or not any(_text_dated(m) for m in members)
    return gap + (0.5 if loose else 0.0)


def _same_number(mention: Mention, row: AggregateRow, members: list[Mention], settings: Settings) -> float | None:
    """A report that refers back to an event by its number."""
    if mention.count is None or mention.count < DISTINCTIVE_COUNT:
        return None
    matching = [m for m in members if m.count == mention.count and _units_agree(m, mention)
                and m.relation == mention.relation]
    if not matching:
        return None
    if _text_dated(mention) and any(_text_dated(m) for m in matching):
        return None  # both give dates, and they are too far apart: two events with the same number
    if mention.date is None or row.date is None:
        return 20.0
    gap = (mention.date - row.date).days
    if _text_dated(mention):
        gap = -gap  # the dated report is the event, the undated ones in the aggregate refer back to it
    if not 0 <= gap <= settings.background_days and abs(gap) > settings.same_event_days:
        return None
    return 20.0 + abs(gap) / 1000


def summarise(aggregate_id: str, number: int, members: list[Mention]) -> AggregateRow:
    """The stored summary of an aggregate with these mentions."""
    representative = min(members, key=_rank)
    text_dates = [m.date for m in members if m.date and _text_dated(m)]
    dates = text_dates or [m.date for m in members if m.date]
    published = [m.published for m in members if m.published]
    return AggregateRow(
        id=aggregate_id, number=number, event=representative.event, cameo=representative.cameo,
        mode=next((m.mode for m in sorted(members, key=_rank) if m.mode), None),
        status=_status(members), actors=representative.actors, recipients=representative.recipients,
        date=representative.date, date_first=min(dates) if dates else None, date_last=max(dates) if dates else None,
        first_seen=min(published) if published else None, last_seen=max(published) if published else None,
        mentions=len(members), sources=len({m.source for m in members if m.source}),
        representative=representative.id,
    )


def _new(store: Store, mention: Mention) -> AggregateRow:
    row = summarise(stable_id("aggregate", mention.id), store.next_number(), [mention])
    store.write_aggregate(row)
    return row


def _rank(mention: Mention) -> tuple:
    """Which mention speaks for the event: a text date, a precise one, a number, the earliest report."""
    source_rank = {"explicit": 0, "relative": 1}.get(mention.date_source, 2)
    return (mention.date is None, mention.date_precision != "day", source_rank, mention.count is None,
            mention.published or date.max, mention.doc_id, mention.sentence, mention.id)


def _status(members: list[Mention]) -> str:
    statuses = {m.status for m in members}
    return "actual" if "actual" in statuses else min(statuses)


def _status_group(status: str) -> str:
    return "done" if status in DONE else status


def _text_dated(mention: Mention) -> bool:
    return mention.date_source in TEXT_DATES


def _units_agree(first: Mention, second: Mention) -> bool:
    return unit_kind(first.unit) == unit_kind(second.unit)


@functools.cache
def _units() -> dict[str, str]:
    data = datafiles.load(UNITS)
    return {str(word).lower(): kind for kind in ("people", "facilities") for word in data.get(kind) or []}


def unit_kind(unit: str | None) -> str:
    """``people``, ``facilities``, or the unit itself when it is in neither list of data/units.yaml."""
    unit = (unit or "").lower()
    return _units().get(unit, unit)


def _counts_agree(mention: Mention, members: list[Mention]) -> bool:
    if mention.count is None:
        return True
    for member in members:
        if member.count is not None and member.relation == mention.relation and _units_agree(member, mention):
            if member.count != mention.count:
                return False
    return True
