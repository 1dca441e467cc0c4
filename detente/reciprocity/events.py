"""Aggregated events as records: the representative report, every mention, outlets, links.

The JSON form is the event record of ``shared/spec/event-record.md`` (taken
from the mention that speaks for the event, with the aggregate's id) plus
``number``, ``mentions``, ``sources``, ``first_seen``, ``last_seen``,
``links`` and ``disagreements``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..store import AggregateRow, EventFilter, Mention, Store, filter_clauses


def aggregated_events(store: Store, where: EventFilter | None = None) -> Iterator[dict]:
    """Aggregated events matching a filter, by date."""
    where = where or EventFilter()
    outlet = where.outlet.lower() if where.outlet else None
    for row in store.aggregate_rows():
        if matches(row, where):
            record = aggregated_event(store, row)
            if outlet is None or outlet in {source.lower() for source in record["sources"]}:
                yield record


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
        links=[{**link.to_dict(), "number": _number(store, link.cause)} for link in store.links(row.id)],
        answered_by=[{"type": link.type, "event": link.effect, "number": _number(store, link.effect),
                      "score": link.score} for link in store.links(row.id, as_cause=True)],
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
    if where.cameo and not row.cameo.startswith(where.cameo):
        return False
    if where.statuses and row.status not in where.statuses:
        return False
    if where.since and (row.date is None or row.date < where.since):
        return False
    if where.until and (row.date is None or row.date > where.until):
        return False
    return True


def _number(store: Store, aggregate_id: str) -> int | None:
    row = store.aggregate(aggregate_id)
    return row.number if row else None


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
        "event": mention.id, "report": mention.number, "doc_id": mention.doc_id, "source": mention.source,
        "url": mention.url,
        "published": mention.published.isoformat() if mention.published else None,
        "date": mention.date.isoformat() if mention.date else None, "date_source": mention.date_source,
        "sentence": mention.sentence, "text": record["text"], "trigger": record["trigger"],
        "trigger_span": record.get("trigger_span"), "span": record["span"], "size": record.get("size"),
        "actor": record["actor"], "recipient": record["recipient"], "status": mention.status,
        "doc_length": mention.doc_length,
    }


SORTS = {"date": "a.date IS NULL, a.date, a.number", "-date": "a.date IS NULL, a.date DESC, a.number DESC",
         "reports": "a.mentions DESC, a.number", "outlets": "a.sources DESC, a.number",
         "number": "a.number", "-number": "a.number DESC"}


def event_page(store: Store, where: EventFilter | None = None, *, sort: str = "date", limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]:
    """(total, one page of summaries) of the aggregated events matching ``where``, paged in the database."""
    where = where or EventFilter()
    clauses, params = _page_filter(where)
    condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    order = SORTS.get(sort, SORTS["date"])
    db = store.connection
    total = db.execute(f"SELECT COUNT(*) FROM aggregates a{condition}", params).fetchone()[0]
    rows = db.execute(
        "SELECT a.id, a.number, a.date, a.event, a.cameo, a.mode, a.status, a.actors, a.recipients, a.mentions, "
        "a.sources, a.first_seen, a.last_seen, e.record, "
        "(SELECT COUNT(*) FROM links l WHERE l.effect = a.id), (SELECT COUNT(*) FROM links l WHERE l.cause = a.id) "
        f"FROM (SELECT * FROM aggregates a{condition} ORDER BY {order} LIMIT ? OFFSET ?) a "
        f"JOIN events e ON e.id = a.representative ORDER BY {order}", [*params, limit, offset])
    page = []
    for (id_, number, day, event, cameo, mode, status, actors, recipients, mentions, sources, first_seen, last_seen,
         record, answers, answered_by) in rows:
        record = json.loads(record)
        page.append({"id": id_, "number": number, "date": str(day) if day else None, "event": event,
                     "cameo": cameo, "mode": mode, "status": status, "actors": actors, "recipients": recipients,
                     "mentions": mentions, "sources": sources, "first_seen": first_seen and str(first_seen),
                     "last_seen": last_seen and str(last_seen), "trigger": record["trigger"],
                     "text": record["text"], "size": record.get("size"), "goldstein": record["goldstein"],
                     "answers": answers, "answered_by": answered_by})
    return total, page


def _page_filter(where: EventFilter) -> tuple[list[str], list]:
    clauses: list[str] = []
    params: list = []
    if where.dyad:
        first, second = where.dyad
        pair = "('+' || a.actors || '+') LIKE ? AND ('+' || a.recipients || '+') LIKE ?"
        forward = [f"%+{first}+%", f"%+{second}+%"]
        if where.both_directions:
            clauses.append(f"(({pair}) OR ({pair}))")
            params += forward + [f"%+{second}+%", f"%+{first}+%"]
        else:
            clauses.append(f"({pair})")
            params += forward
    type_and_time = filter_clauses(where, "a")
    clauses += type_and_time[0]
    params += type_and_time[1]
    if where.outlet:
        clauses.append("EXISTS (SELECT 1 FROM mentions m JOIN events e2 ON e2.id = m.event "
                       "WHERE m.aggregate = a.id AND LOWER(e2.source) = LOWER(?))")
        params.append(where.outlet)
    return clauses, params


def dyads(store: Store, statuses: tuple[str, ...] | None = None) -> list[dict]:
    """Pairs of countries with the number of aggregated events in each direction, busiest first."""
    sql = "SELECT actors, recipients, COUNT(*) FROM aggregates WHERE actors != '' AND recipients != ''"
    params: list = []
    if statuses:
        sql += f" AND status IN ({','.join('?' * len(statuses))})"
        params.extend(statuses)
    counts: dict[tuple[str, str], dict] = {}
    for actors, recipients, n in store.connection.execute(sql + " GROUP BY actors, recipients", params):
        for actor in actors.split("+"):
            for recipient in recipients.split("+"):
                if actor == recipient:
                    continue
                pair = tuple(sorted((actor, recipient)))
                entry = counts.setdefault(pair, {"dyad": list(pair), "events": 0, "directions": {}})
                entry["events"] += n
                key = f"{actor}-{recipient}"
                entry["directions"][key] = entry["directions"].get(key, 0) + n
    return sorted(counts.values(), key=lambda e: (-e["events"], e["dyad"]))
