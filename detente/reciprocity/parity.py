"""The parity ledger: the numbers that define each side's diplomatic presence in the other.

Reciprocity between governments is argued in numbers: a ceiling of 455 staff,
755 people to leave, 35 diplomats expelled, three consulates closed.  The
ledger lists, for the two countries of a dyad and in date order, every
quantity the stored reports give for the presence of one side in the other —
with the event, its outlets and the sentence that states it — and sums what
each side lost.

Which quantity an event states:

* ``ceiling``   — a cap on the other side's staff ("cut to 455");
* ``expelled``  — people ordered out or declared persona non grata;
* ``closed``    — consulates, annexes, compounds and other properties shut or
  taken away;
* ``other``     — any other number stated for a measure between the two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..store import EventFilter, Mention, Store
from .aggregate import unit_kind

MEASURES = ("ceiling", "expelled", "closed", "other")


@dataclass(frozen=True)
class ParityEntry:
    """One stated quantity of one side's presence in the other."""

    date: date | None
    side: str          # whose presence (the country acted upon)
    host: str          # the country that set the number
    measure: str       # ceiling, expelled, closed, other
    count: int
    unit: str
    event: str         # id of the aggregated event
    number: int        # its number
    status: str
    sources: tuple[str, ...]
    evidence: str

    def to_dict(self) -> dict:
        out = dict(self.__dict__)
        out["date"] = self.date.isoformat() if self.date else None
        out["sources"] = list(self.sources)
        return out


@dataclass(frozen=True)
class ParityLedger:
    """The ledger of a dyad: entries by date, and per side the totals and the latest ceiling."""

    first: str
    second: str
    entries: tuple[ParityEntry, ...]
    totals: dict[str, dict[str, int]] = field(default_factory=dict)
    ceilings: dict[str, ParityEntry] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"dyad": [self.first, self.second], "entries": [e.to_dict() for e in self.entries],
                "totals": self.totals, "ceilings": {k: v.to_dict() for k, v in self.ceilings.items()}}


def parity(store: Store, first: str, second: str, where: EventFilter | None = None) -> ParityLedger:
    """The ledger of the presence of ``first`` in ``second`` and of ``second`` in ``first``, from the SANCTION
    events that pass ``where`` (statuses, confidence; done by default)."""
    where = where or EventFilter(statuses=("actual", "planned"))
    entries = []
    for host, side in ((first, second), (second, first)):
        for row in store.aggregates_with(host, side, "SANCTION", where=where):
            mentions = store.mentions_of(row.id)
            stated = _stated_quantity(mentions, row.representative)
            if stated is None:
                continue
            mention = stated
            entries.append(ParityEntry(
                date=row.date, side=side, host=host, measure=measure_of(mention), count=mention.count,
                unit=mention.unit or "", event=row.id, number=row.number, status=row.status,
                sources=tuple(sorted({m.source for m in mentions if m.source})),
                evidence=" ".join(mention.record["text"].split()),
            ))
    entries.sort(key=lambda e: (e.date or date.max, e.side, e.measure))
    totals: dict[str, dict[str, int]] = {}
    ceilings: dict[str, ParityEntry] = {}
    for entry in entries:
        if entry.measure == "ceiling":
            ceilings[entry.side] = entry  # the latest stated ceiling holds
        elif entry.measure in ("expelled", "closed"):
            side = totals.setdefault(entry.side, {"expelled": 0, "closed": 0})
            side[entry.measure] += entry.count
    return ParityLedger(first, second, tuple(entries), totals, ceilings)


def measure_of(mention: Mention) -> str:
    if mention.relation == "ceiling":
        return "ceiling"
    kind = unit_kind(mention.unit)
    if kind == "facilities" or mention.mode == "withdraw" and kind != "people":
        return "closed"
    if kind == "people" or mention.mode == "expel":
        return "expelled"
    return "other"


def _stated_quantity(mentions: list[Mention], representative: str) -> Mention | None:
    """The mention whose number speaks for the event: the representative's, else the most reported."""
    sized = [m for m in mentions if m.count is not None and m.relation != "votes"]
    if not sized:
        return None
    for mention in sized:
        if mention.id == representative:
            return mention
    counts = [m.count for m in sized]
    return max(sized, key=lambda m: (counts.count(m.count), -sized.index(m)))
