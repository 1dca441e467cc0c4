"""Aggregated events as records: the representative report, every mention, outlets, links.

The JSON form is the event record of ``shared/spec/event-record.md`` (taken
from the mention that speaks for the event, with the aggregate's id and its
combined ``confidence``) plus ``number``, ``mentions`` (each with its own
``confidence``), ``sources``, ``independent_sources``, ``first_seen``,
``last_seen``, ``links`` and ``disagreements``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..store import AggregateRow, EventFilter, Mention, Store, aggregate_clauses
from .aggregate import Members
from .corroboration import CEILING, COPY_OVERLAP, DISAGREEMENT_FACTOR, Sources, is_copy, noisy_or, source_key, words
from .link_score import floor


def aggregated_events(store: Store, where: EventFilter | None = None) -> Iterator[dict]:
    """Aggregated events matching a filter (chosen in the database), by date, with the links it shows."""
    where = where or EventFilter()
    for row in store.aggregate_rows(where=where):
        yield aggregated_event(store, row, where.all_links)


def aggregated_event(store: Store, row: AggregateRow, all_links: bool = False) -> dict:
    """The full record of one aggregate, with its links scored at least the link threshold (all of them
    with ``all_links``)."""
    least = floor(all_links)
    mentions = store.mentions_of(row.id)
    representative = next(m for m in mentions if m.id == row.representative)
    record = dict(representative.record)
    record.update(
        id=row.id,
        number=row.number,
        status=row.status,
        confidence=row.confidence,
        mentions=[_mention(m) for m in mentions],
        sources=sorted({m.source for m in mentions if m.source}),
        independent_sources=row.independent_sources,
        first_seen=row.first_seen.isoformat() if row.first_seen else None,
        last_seen=row.last_seen.isoformat() if row.last_seen else None,
        date_first=row.date_first.isoformat() if row.date_first else None,
        date_last=row.date_last.isoformat() if row.date_last else None,
        links=[{**link.to_dict(), "number": _number(store, link.cause)} for link in store.links(row.id, floor=least)],
        answered_by=[{"type": link.type, "event": link.effect, "number": _number(store, link.effect),
                      "score": link.score} for link in store.links(row.id, as_cause=True, floor=least)],
        disagreements=disagreements(mentions),
    )
    return record


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
        "doc_length": mention.doc_length, "confidence": mention.confidence,
    }


def corroboration(mentions: list[Mention]) -> dict:
    """Why an event has its confidence (``detente sources``): each report's confidence and the report it copies
    (an earlier report of another outlet whose sentence it repeats), the independent sources with the report
    counted for each, the noisy-or, the disagreements that lower it, and the result — the rule of
    ``corroboration.py``, computed as the aggregation computes it."""
    members = Members()
    sources = Sources()
    reports, sentences = [], []  # sentences: (words, report number, outlet) of the reports so far
    for mention in mentions:
        members.add(mention)
        key = source_key(mention.source, mention.doc_id)
        sources.add(key, mention.text, mention.confidence)
        said = words(mention.text)
        copy_of = next((number for earlier, number, outlet in sentences if outlet != key and is_copy(said, earlier)),
                       None)
        sentences.append((said, mention.number, key))
        reports.append({"report": mention.number, "event": mention.id, "source": mention.source or mention.doc_id,
                        "confidence": mention.confidence, "key": key, "copy_of": copy_of})
    groups = []
    for outlets, best in zip(sources.groups(), sources.best(), strict=True):
        own = [r for r in reports if r["key"] in outlets]
        rated = [r for r in own if r["confidence"] is not None]
        counted = max(rated, key=lambda r: r["confidence"]) if rated else None
        groups.append({"outlets": list(dict.fromkeys(r["source"] for r in own)),
                       "reports": [r["report"] for r in own], "confidence": best,
                       "counted": counted["report"] if counted else None})
    counted = {group["counted"] for group in groups}
    for report in reports:
        report["counted"] = report["report"] in counted
        del report["key"]
    known = [group["confidence"] for group in groups if group["confidence"] is not None]
    combined = noisy_or(known)
    return {"reports": reports, "sources": groups, "independent_sources": len(groups),
            "noisy_or": round(combined, 4) if combined is not None else None, "ceiling": CEILING,
            "disagreements": list(members.disagreements()), "factor": DISAGREEMENT_FACTOR,
            "copy_overlap": COPY_OVERLAP, "confidence": members.confidence()}


SORTS = {"date": "a.date IS NULL, a.date, a.number", "-date": "a.date IS NULL, a.date DESC, a.number DESC",
         "reports": "a.mentions DESC, a.number", "outlets": "a.sources DESC, a.number",
         "number": "a.number", "-number": "a.number DESC",
         "confidence": "a.confidence IS NULL, a.confidence DESC, a.number"}


def event_page(store: Store, where: EventFilter | None = None, *, sort: str = "date", limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]:
    """(total, one page of summaries) of the aggregated events matching ``where``, paged in the database; their
    numbers of links count those scored at least the link threshold, unless ``where`` asks for all links."""
    where = where or EventFilter()
    clauses, params = aggregate_clauses(where, "a")
    condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    order = SORTS.get(sort, SORTS["date"])
    db = store.connection
    total = db.execute(f"SELECT COUNT(*) FROM aggregates a{condition}", params).fetchone()[0]
    rows = db.execute(
        "SELECT a.id, a.number, a.date, a.event, a.cameo, a.mode, a.status, a.actors, a.recipients, a.mentions, "
        "a.sources, a.first_seen, a.last_seen, e.record, a.confidence, a.independent_sources, "
        "(SELECT COUNT(*) FROM links l WHERE l.effect = a.id AND l.score >= ?), "
        "(SELECT COUNT(*) FROM links l WHERE l.cause = a.id AND l.score >= ?) "
        f"FROM (SELECT * FROM aggregates a{condition} ORDER BY {order} LIMIT ? OFFSET ?) a "
        f"JOIN events e ON e.id = a.representative ORDER BY {order}",
        [*[floor(where.all_links)] * 2, *params, limit, offset])
    page = []
    for (id_, number, day, event, cameo, mode, status, actors, recipients, mentions, sources, first_seen, last_seen,
         record, confidence, independent, answers, answered_by) in rows:
        record = json.loads(record)
        page.append({"id": id_, "number": number, "date": str(day) if day else None, "event": event,
                     "cameo": cameo, "mode": mode, "status": status, "actors": actors, "recipients": recipients,
                     "mentions": mentions, "sources": sources, "first_seen": first_seen and str(first_seen),
                     "last_seen": last_seen and str(last_seen), "trigger": record["trigger"],
                     "text": record["text"], "size": record.get("size"), "goldstein": record["goldstein"],
                     "confidence": confidence, "independent_sources": independent,
                     "answers": answers, "answered_by": answered_by})
    return total, page


def dyads(store: Store, where: EventFilter | None = None) -> list[dict]:
    """Pairs of countries with the number of aggregated events (those that pass ``where``) in each direction,
    busiest first."""
    clauses, params = aggregate_clauses(where or EventFilter(), "a")
    sql = "SELECT actors, recipients, COUNT(*) FROM aggregates a WHERE actors != '' AND recipients != ''"
    sql += "".join(f" AND {clause}" for clause in clauses)
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
