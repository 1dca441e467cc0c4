"""Aggregated events as records: the representative report, every mention, outlets, links.

The JSON form is the event record of ``shared/spec/event-record.md`` (taken
from the mention that speaks for the event, with the aggregate's id) plus
``number``, ``mentions``, ``sources``, ``first_seen``, ``last_seen``,
``links`` and ``disagreements``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..store import AggregateRow, EventFilter, Mention, Store


def aggregated_events(store: Store, where: EventFilter | None = None) -> Iterator[dict]:
    """Aggregated events matching a filter, by date."""
    where = where or EventFilter()
    for row in store.aggregate_rows():
        if matches(row, where):
            yield aggregated_event(store, row)


def aggregated_event(store: Store, row: AggregateRow) -> dict:
    """The full record of one aggregate."""
    mentions = store.mentions_of(row.id)
    representative = next(m for m in mentions if m.id == row.representative)
    record = dict(representative.record)
    record.update(
        id=row.id,
        number=row.number,
        status=row.status,
        mentions=[_mention(m) for m in mentions],
        sources=sorted({m.source for m in mentions if m.source}),
        first_seen=row.first_seen.isoformat() if row.first_seen else None,
        last_seen=row.last_seen.isoformat() if row.last_seen else None,
        date_first=row.date_first.isoformat() if row.date_first else None,
        date_last=row.date_last.isoformat() if row.date_last else None,
        links=[link.to_dict() for link in store.links(row.id)],
        answered_by=[{"type": link.type, "event": link.effect, "score": link.score}
                     for link in store.links(row.id, as_cause=True)],
        disagreements=disagreements(mentions),
    )
    return record


def matches(row: AggregateRow, where: EventFilter) -> bool:
    actors, recipients = set(row.actors.split("+")), set(row.recipients.split("+"))
    if where.dyad:
        first, second = where.dyad
        forward = first in actors and second in recipients
        backward = second in actors and first in recipients
        if not (forward or (where.both_directions and backward)):
            return False
    if where.event and row.event != where.event.upper():
        return False
    if where.statuses and row.status not in where.statuses:
        return False
    if where.since and (row.date is None or row.date < where.since):
        return False
    if where.until and (row.date is None or row.date > where.until):
        return False
    return True


def disagreements(mentions: list[Mention]) -> dict[str, list[dict]]:
    """Where the reports of one event differ: numbers, dates, who acted.  Empty when they agree."""
    out: dict[str, list[dict]] = {}
    sizes = _values(mentions, lambda m: f"{m.count} {m.unit}" if m.count is not None else None)
    if len(sizes) > 1:
        out["size"] = sizes
    dates = _values(mentions, lambda m: m.date.isoformat() if m.date and m.date_source != "publication" else None)
    if len(dates) > 1:
        out["date"] = dates
    actors = _values(mentions, lambda m: ", ".join(e["name"] for e in m.record["actor"]) or None)
    if len(actors) > 1:
        out["actor"] = actors
    return out


def _values(mentions: list[Mention], value) -> list[dict]:
    """Each distinct value with the outlets and documents that state it."""
    seen: dict[str, dict] = {}
    for mention in mentions:
        stated = value(mention)
        if stated is None:
            continue
        entry = seen.setdefault(stated, {"value": stated, "sources": [], "doc_ids": []})
        if mention.source and mention.source not in entry["sources"]:
            entry["sources"].append(mention.source)
        if mention.doc_id not in entry["doc_ids"]:
            entry["doc_ids"].append(mention.doc_id)
    return list(seen.values())


def _mention(mention: Mention) -> dict:
    record = mention.record
    return {
        "event": mention.id, "doc_id": mention.doc_id, "source": mention.source, "url": mention.url,
        "published": mention.published.isoformat() if mention.published else None,
        "date": mention.date.isoformat() if mention.date else None, "date_source": mention.date_source,
        "sentence": mention.sentence, "text": record["text"], "trigger": record["trigger"],
        "trigger_span": record.get("trigger_span"), "span": record["span"], "size": record.get("size"),
        "actor": record["actor"], "recipient": record["recipient"], "status": mention.status,
        "doc_length": mention.doc_length,
    }
