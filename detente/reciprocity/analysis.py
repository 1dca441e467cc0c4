"""Dyad analyses over aggregated events: escalation series, reciprocity statistics, retaliation chains.

Everything counts *events* (aggregates), not reports, so that an event
covered by ten outlets weighs as much as one covered by one.  The series
are true series: every period is there, with zeros when nothing happened.

The **PLOVER score** of an event is the mean Goldstein value of the CAMEO
codes that PLOVER files under its event type (from the CAMEO→PLOVER table
the codebook carries): ASSAULT about −9.6, SANCTION about −6, CONSULT about +2.8.
It ranks events by type alone, where Goldstein ranks them by CAMEO code.
"""

from __future__ import annotations

import functools
import statistics
from dataclasses import dataclass
from datetime import date, timedelta

from ..events.codebook import NO_EVENT, load_codebook
from ..query import event_types
from ..store import AggregateRow, EventFilter, Store
from .aggregate import unit_kind
from .link_score import floor

DONE = ("actual", "planned")
PERIODS = ("day", "week", "month")


@functools.cache
def plover_scores() -> dict[str, float]:
    """PLOVER event type → mean Goldstein value of its CAMEO codes."""
    values: dict[str, list[float]] = {}
    for code in load_codebook().values():
        if code.event != NO_EVENT:
            values.setdefault(code.event, []).append(code.goldstein)
    return {event: round(statistics.fmean(v), 2) for event, v in values.items()}


QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class SeriesPoint:
    """One period of one direction of a dyad: its events, their scores, and how many of each kind."""

    period: date
    actor: str
    recipient: str
    events: int
    goldstein: float
    plover: float
    quad_classes: tuple[int, int, int, int] = (0, 0, 0, 0)  # events per quad class, 1 to 4
    types: tuple[tuple[str, int], ...] = ()  # (PLOVER type, events) for the types with events

    def to_dict(self) -> dict:
        return {"period": self.period.isoformat(), "actor": self.actor, "recipient": self.recipient,
                "events": self.events, "goldstein": self.goldstein, "plover": self.plover,
                "quad_classes": dict(zip(QUAD_CLASSES, self.quad_classes, strict=True)),
                "types": {name: n for name, n in self.types}}

    def to_row(self) -> dict:
        """The flat row of ``detente dyad --format csv``: a count for every quad class and PLOVER type."""
        types = dict(self.types)
        return {"period": self.period.isoformat(), "actor": self.actor, "recipient": self.recipient,
                "events": self.events, "goldstein": self.goldstein, "plover": self.plover,
                **dict(zip(QUAD_CLASSES, self.quad_classes, strict=True)),
                **{name: types.get(name, 0) for name in event_types()}}


def series_columns() -> list[str]:
    """The columns of ``SeriesPoint.to_row``."""
    return ["period", "actor", "recipient", "events", "goldstein", "plover", *QUAD_CLASSES, *event_types()]


def escalation_series(store: Store, first: str, second: str, period: str = "week",
                      where: EventFilter | None = None) -> list[SeriesPoint]:
    """Per period and direction: the number of events (those that pass ``where``: done by default), the sums
    of their Goldstein values and PLOVER scores, and their numbers per quad class and type.

    A true series: every period from the first to the last (of the events, or of the ``since``/``until``
    window of ``where`` when given) is there for both directions, with zeros where nothing happened.  Empty
    without events (in the window).
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    where = where or EventFilter(statuses=DONE)
    since, until = where.since, where.until
    codes, scores = load_codebook(), plover_scores()
    rows = dyad_events(store, first, second, where)
    if not rows:
        return []
    sums: dict[tuple[date, str, str], list] = {}
    for row in rows:
        key = (period_start(row.date, period), row.actors, row.recipients)
        total = sums.setdefault(key, [0, 0.0, 0.0, [0, 0, 0, 0], {}])
        code = codes.get(row.cameo)
        total[0] += 1
        total[1] += code.goldstein if code else 0.0
        total[2] += scores.get(row.event, 0.0)
        if code and 1 <= code.quad_class <= 4:
            total[3][code.quad_class - 1] += 1
        total[4][row.event] = total[4].get(row.event, 0) + 1
    start = period_start(since or rows[0].date, period)
    end = period_start(until or rows[-1].date, period)
    points = []
    for actor, recipient in ((first, second), (second, first)):
        for day in periods(start, end, period):
            n, g, p, quads, types = sums.get((day, actor, recipient), (0, 0.0, 0.0, [0, 0, 0, 0], {}))
            points.append(SeriesPoint(day, actor, recipient, int(n), round(g, 2), round(p, 2), tuple(quads),
                                      tuple(sorted(types.items()))))
    return sorted(points, key=lambda point: (point.period, point.actor != first))


def periods(first: date, last: date, period: str) -> list[date]:
    """Every period start from ``first`` to ``last`` (both period starts), in order."""
    days = []
    day = first
    while day <= last:
        days.append(day)
        if period == "day":
            day += timedelta(days=1)
        elif period == "week":
            day += timedelta(days=7)
        else:
            day = day.replace(year=day.year + 1, month=1) if day.month == 12 else day.replace(month=day.month + 1)
    return days


def dyad_events(store: Store, first: str, second: str, where: EventFilter | None = None) -> list[AggregateRow]:
    """Dated aggregated events from one country of the dyad to the other that pass ``where`` (statuses, dates,
    confidence; done by default), by date."""
    where = where or EventFilter(statuses=DONE)
    rows = store.aggregates_with(first, second, where=where) + store.aggregates_with(second, first, where=where)
    return sorted((r for r in rows if r.date), key=lambda r: (r.date, r.number))


def period_start(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


@dataclass(frozen=True)
class Reciprocity:
    """How one side answers the other's hostile acts."""

    actor: str                 # the side whose hostile acts are answered
    recipient: str             # the side that answers
    hostile: int               # hostile acts (quad class 3 and 4) of actor → recipient
    answered: int              # … that some link says were answered
    answered_in_kind: int      # … answered with an event of the same PLOVER type
    median_lag_days: float | None
    proportionality: float | None   # median of answer count / cause count where both give numbers
    # (cause id, answer id, lag, ratio, cause number, answer number) of each answered act
    pairs: tuple[tuple[str, str, int | None, float | None, int, int], ...]

    @property
    def share_answered_in_kind(self) -> float | None:
        return self.answered_in_kind / self.hostile if self.hostile else None

    def to_dict(self) -> dict:
        out = dict(self.__dict__)
        out["pairs"] = [{"cause": c, "answer": a, "lag_days": lag, "ratio": r, "cause_number": cn,
                         "answer_number": an} for c, a, lag, r, cn, an in self.pairs]
        out["share_answered_in_kind"] = self.share_answered_in_kind
        return out


def reciprocity(store: Store, first: str, second: str, where: EventFilter | None = None) -> list[Reciprocity]:
    """Reciprocity statistics in both directions of a dyad, over the events (hostile acts and answers alike)
    that pass ``where`` (statuses, confidence; done by default)."""
    where = where or EventFilter(statuses=DONE)
    codes = load_codebook()
    out = []
    for actor, recipient in ((first, second), (second, first)):
        hostile = [r for r in store.aggregates_with(actor, recipient, where=where)
                   if r.cameo in codes and codes[r.cameo].quad_class >= 3]
        answering = {r.id: r for r in store.aggregates_with(recipient, None, where=where)}
        answered = in_kind = 0
        pairs = []
        for cause in hostile:
            answers = [answering.get(link.effect)
                       for link in store.links(cause.id, as_cause=True, floor=floor(where.all_links))]
            answers = [a for a in answers if a is not None]
            if not answers:
                continue
            answered += 1
            in_kind += any(a.event == cause.event for a in answers)
            first_answer = min(answers, key=lambda a: (a.date or date.max, a.number))
            lag = (first_answer.date - cause.date).days if first_answer.date and cause.date else None
            pairs.append((cause.id, first_answer.id, lag, _ratio(store, cause, first_answer), cause.number,
                          first_answer.number))
        lags = [p[2] for p in pairs if p[2] is not None]
        ratios = [p[3] for p in pairs if p[3] is not None]
        out.append(Reciprocity(actor, recipient, len(hostile), answered, in_kind,
                               statistics.median(lags) if lags else None,
                               round(statistics.median(ratios), 2) if ratios else None, tuple(pairs)))
    return out


def _ratio(store: Store, cause: AggregateRow, answer: AggregateRow) -> float | None:
    """Answer's number / cause's number, when both count the same kind of thing (people, or facilities)."""
    def count(row: AggregateRow) -> tuple[int, str] | None:
        counts = [(m.count, unit_kind(m.unit)) for m in store.mentions_of(row.id)
                  if m.count and m.relation == "affected"]
        return max(set(counts), key=counts.count) if counts else None
    cause_count, answer_count = count(cause), count(answer)
    if not cause_count or not answer_count or cause_count[1] != answer_count[1]:
        return None
    return round(answer_count[0] / cause_count[0], 2)



@dataclass(frozen=True)
class ChainNode:
    """An event of a retaliation chain with the link that brought it in."""

    event: AggregateRow
    depth: int                  # negative: a cause (−1 answered by the root …); positive: an answer
    link_type: str | None
    cue: str | None
    score: float | None


def chain(store: Store, aggregate_id: str, max_depth: int = 10, all_links: bool = False) -> list[ChainNode]:
    """The causes (recursively) and answers (recursively) of an event, root at depth 0, along the links scored
    at least the link threshold (all links with ``all_links``)."""
    root = store.aggregate(aggregate_id)
    if root is None:
        return []
    walk = _Walk(store, max_depth, floor(all_links), [ChainNode(root, 0, None, None, None)], {root.id})
    walk.from_node(root.id, -1, upward=True)
    walk.from_node(root.id, 1, upward=False)
    return walk.nodes


@dataclass
class _Walk:
    """A walk along the links of a chain, each event met once."""

    store: Store
    max_depth: int
    least: float
    nodes: list[ChainNode]
    seen: set[str]

    def from_node(self, start: str, depth: int, upward: bool) -> None:
        if abs(depth) > self.max_depth:
            return
        for link in self.store.links(start, as_cause=not upward, floor=self.least):
            other = link.cause if upward else link.effect
            if other in self.seen:
                continue
            self.seen.add(other)
            row = self.store.aggregate(other)
            if row is None:
                continue
            self.nodes.append(ChainNode(row, depth, link.type, link.cue, link.score))
            self.from_node(other, depth - 1 if upward else depth + 1, upward)
