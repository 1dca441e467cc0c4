"""The store's side of aggregation and linking: claims, aggregates, mentions, links.

The rules (which mentions are one event, which claim links which events)
live in ``detente.reciprocity``; this module only reads and writes rows.
Every stored event ("mention") belongs to exactly one aggregate once the
aggregation has run; aggregates are never split or deleted by an update,
so their ids stay valid as coverage grows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date

from ..records import Claim, Link
from .filters import EventFilter, aggregate_clauses, filter_clauses

MENTION_COLUMNS = """e.id, e.doc_id, d.date, d.source, d.url, e.date, e.date_source, e.date_precision, e.event, e.cameo,
    e.mode, e.quad_class, e.status, e.size_count, e.size_unit, e.sentence, e.record, LENGTH(d.text), e.number"""


@dataclass(frozen=True)
class Mention:
    """A stored event as the aggregation sees it: one report of a real-world event."""

    id: str
    doc_id: str
    published: date | None
    source: str | None
    url: str | None
    date: date | None
    date_source: str
    date_precision: str | None
    event: str
    cameo: str
    mode: str | None
    quad_class: int
    status: str
    count: int | None
    unit: str | None
    sentence: int
    record: dict
    doc_length: int
    number: int | None = None  # the report's number

    @property
    def confidence(self) -> float | None:
        """The report's calibrated confidence (0-1), as its record gives it; None when it has none."""
        value = self.record.get("confidence")
        return None if value is None else float(value)

    @property
    def text(self) -> str:
        """The sentence the report was read from."""
        return self.record.get("text") or ""

    @property
    def actors(self) -> str:
        return countries(self.record["actor"])

    @property
    def recipients(self) -> str:
        return countries(self.record["recipient"])

    @property
    def relation(self) -> str | None:
        size = self.record.get("size")
        return size.get("relation") if size else None

    @classmethod
    def from_row(cls, row: tuple) -> "Mention":
        (id_, doc_id, published, source, url, day, date_source, precision, event, cameo, mode, quad, status,
         count, unit, sentence, record, length, number) = row
        return cls(id_, doc_id, _day(published), source, url, _day(day), date_source, precision, event, cameo,
                   mode, quad, status, count, unit, sentence, json.loads(record), length or 0, number)


@dataclass(frozen=True)
class AggregateRow:
    """The summary columns of an aggregate, as stored."""

    id: str
    number: int
    event: str
    cameo: str
    mode: str | None
    status: str
    actors: str
    recipients: str
    date: date | None
    date_first: date | None
    date_last: date | None
    first_seen: date | None
    last_seen: date | None
    mentions: int
    sources: int
    representative: str
    # Combined from the reports' confidences (detente/reciprocity/corroboration.py); None when no report has one.
    confidence: float | None = None
    independent_sources: int | None = None  # outlets, the copies of one wire story counting once

    @classmethod
    def from_row(cls, row: tuple) -> "AggregateRow":
        values = list(row)
        for i in (8, 9, 10, 11, 12):
            values[i] = _day(values[i])
        return cls(*values)


_AGGREGATE_COLUMNS = [field.name for field in fields(AggregateRow)]
AGGREGATE_UPSERT = (
    f"INSERT INTO aggregates VALUES ({', '.join('?' * len(_AGGREGATE_COLUMNS))}) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in _AGGREGATE_COLUMNS if column != "id")
)


class AggregateTables:
    """Queries over claims, aggregates, mentions and links (mixed into ``Store``)."""

    connection: object

    # -- claims ------------------------------------------------------------------------------

    def _add_claims(self, document_hash: str, claims: Iterable[Claim]) -> None:
        self.connection.executemany(
            "INSERT INTO claims (id, document, doc_id, sentence, cue, kind, effect, cause, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(c.id, document_hash, c.doc_id, c.sentence, c.cue, c.kind, c.effect, c.cause,
              json.dumps(c.to_dict(), ensure_ascii=False)) for c in claims],
        )

    def unresolved_claims(self) -> list[Claim]:
        rows = self.connection.execute("SELECT record FROM claims WHERE resolved = 0 ORDER BY doc_id, sentence, id")
        return [_claim(json.loads(record)) for (record,) in rows]

    def claim(self, claim_id: str) -> Claim | None:
        row = self.connection.execute("SELECT record FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return _claim(json.loads(row[0])) if row else None

    def mark_resolved(self, claim_id: str) -> None:
        self.connection.execute("UPDATE claims SET resolved = 1 WHERE id = ?", (claim_id,))

    def _delete_claims(self, ids: list[str]) -> set[str]:
        """Delete claims and the stated links that came from them; the aggregated events those links joined."""
        joined: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            links = self.connection.execute(f"SELECT effect, cause FROM links WHERE claim IN ({marks})",
                                            chunk).fetchall()
            for effect, cause in links:
                joined |= {effect, cause}
            self._reopen_claims({effect for effect, _ in links})
            self.connection.execute(f"DELETE FROM links WHERE claim IN ({marks})", chunk)
            self.connection.execute(f"DELETE FROM claims WHERE id IN ({marks})", chunk)
        return joined

    # -- mentions and aggregates -------------------------------------------------------------------

    def unassigned_mentions(self) -> Iterator[Mention]:
        """Stored events not yet in an aggregate, in the order they join: by publication date, then text.

        A stream: the database sorts them, and they are read one at a time.
        Placing the mention just read (``assign_all``) does not change what
        the stream gives next.
        """
        sql = (f"SELECT {MENTION_COLUMNS} FROM events e JOIN documents d ON d.hash = e.document "
               "WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id) "
               "ORDER BY d.date IS NULL, d.date, e.doc_id, e.sentence, e.id")
        for row in self.connection.execute(sql):
            yield Mention.from_row(row)

    def mentions_of(self, aggregate: str) -> list[Mention]:
        sql = (f"SELECT {MENTION_COLUMNS} FROM mentions m JOIN events e ON e.id = m.event "
               "JOIN documents d ON d.hash = e.document WHERE m.aggregate = ? "
               "ORDER BY d.date IS NULL, d.date, e.doc_id, e.sentence, e.id")
        return [Mention.from_row(row) for row in self.connection.execute(sql, (aggregate,))]

    def reported_in(self, doc_id: str) -> set[str]:
        """The aggregated events document ``doc_id`` reports (found from the document, not the events' reports)."""
        sql = ("SELECT DISTINCT m.aggregate FROM documents d JOIN events e ON e.document = d.hash "
               "JOIN mentions m ON m.event = e.id WHERE d.id = ? AND e.doc_id = ?")
        return {row[0] for row in self.connection.execute(sql, (doc_id, doc_id))}

    def counts_of(self, aggregate: str) -> set[int]:
        """The numbers its reports state for an aggregated event (755 diplomats …)."""
        sql = ("SELECT DISTINCT e.size_count FROM mentions m JOIN events e ON e.id = m.event "
               "WHERE m.aggregate = ? AND e.size_count IS NOT NULL")
        return {row[0] for row in self.connection.execute(sql, (aggregate,))}

    def aggregates_with(self, actors: str, recipients: str | None, event: str | None = None,
                        where: EventFilter | None = None) -> list[AggregateRow]:
        """The aggregated events with exactly these actors and recipients (any recipients for None; "" is none)
        and type, in order of number; those that pass ``where`` (statuses, dates, CAMEO code, confidence) when
        given."""
        sql = "SELECT * FROM aggregates WHERE actors = ?"
        params: list = [actors]
        if recipients is not None:
            sql += " AND recipients = ?"
            params.append(recipients)
        if event:
            sql += " AND event = ?"
            params.append(event)
        if where is not None:
            clauses, values = filter_clauses(where, "aggregates")
            sql += "".join(f" AND {clause}" for clause in clauses)
            params += values
        return [AggregateRow.from_row(row) for row in self.connection.execute(sql + " ORDER BY number", params)]

    def aggregate(self, aggregate_id: str) -> AggregateRow | None:
        row = self.connection.execute("SELECT * FROM aggregates WHERE id = ?", (aggregate_id,)).fetchone()
        return AggregateRow.from_row(row) if row else None

    def aggregate_by_number(self, number: int) -> str | None:
        row = self.connection.execute("SELECT id FROM aggregates WHERE number = ?", (number,)).fetchone()
        return row[0] if row else None

    def aggregate_of(self, event_id: str) -> str | None:
        row = self.connection.execute("SELECT aggregate FROM mentions WHERE event = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def aggregate_rows(self, ids: Iterable[str] | None = None, *,
                       where: EventFilter | None = None) -> Iterator[AggregateRow]:
        """Aggregated events by date (undated last), those that pass ``where`` when given; or those of ``ids``,
        by number."""
        if ids is None:
            clauses, params = aggregate_clauses(where or EventFilter(), "a")
            condition = f" WHERE {' AND '.join(clauses)}" if clauses else ""
            rows = self.connection.execute(f"SELECT * FROM aggregates a{condition} ORDER BY a.date IS NULL, a.date, "
                                           "a.number", params)
        else:
            wanted = list(ids)
            if not wanted:
                return  # no ids, no rows ("IN ()" is an error on PostgreSQL)
            rows = self.connection.execute(
                f"SELECT * FROM aggregates WHERE id IN ({','.join('?' * len(wanted))}) ORDER BY number", wanted)
        for row in rows:
            yield AggregateRow.from_row(row)

    def aggregate_dyads(self, where: EventFilter | None = None) -> list[tuple[str, str, int, int]]:
        """(actor country, recipient country, events, reports) for every pair, most events first, of the events
        that pass ``where`` (statuses, dates, confidence …); a compound actor or recipient counts for each of
        its countries."""
        clauses, params = aggregate_clauses(where or EventFilter(), "a")
        sql = "SELECT actors, recipients, COUNT(*), SUM(mentions) FROM aggregates a"
        if clauses:
            sql += f" WHERE {' AND '.join(clauses)}"
        counts: dict[tuple[str, str], list[int]] = {}
        for actors, recipients, events, reports in self.connection.execute(sql + " GROUP BY actors, recipients",
                                                                           params):
            for actor in filter(None, actors.split("+")):
                for recipient in filter(None, recipients.split("+")):
                    if actor != recipient:
                        total = counts.setdefault((actor, recipient), [0, 0])
                        total[0] += events
                        total[1] += int(reports or 0)
        return sorted(((a, r, e, n) for (a, r), (e, n) in counts.items()), key=lambda row: (-row[2], row[0], row[1]))

    def next_number(self) -> int:
        return (self.connection.execute("SELECT MAX(number) FROM aggregates").fetchone()[0] or 0) + 1

    def write_aggregate(self, row: AggregateRow) -> None:
        """Insert or replace the summary of an aggregate."""
        values = [v.isoformat() if isinstance(v, date) else v for v in row.__dict__.values()]
        self.connection.execute(AGGREGATE_UPSERT, values)

    def assign(self, mention: str, aggregate: str) -> None:
        """Place a mention in an aggregate (moving it when it was in another)."""
        self.assign_all([(mention, aggregate)])

    def assign_all(self, placed: Iterable[tuple[str, str]]) -> None:
        """Place each (mention, aggregate) pair, as ``assign`` does."""
        self.connection.executemany(
            "INSERT INTO mentions VALUES (?, ?) ON CONFLICT (event) DO UPDATE SET aggregate = excluded.aggregate",
            list(placed))

    def aggregates_of(self, mentions: Iterable[str]) -> set[str]:
        """The aggregated events these mentions are placed in."""
        found: set[str] = set()
        for chunk in _chunks(list(mentions)):
            found |= {row[0] for row in self.connection.execute(
                f"SELECT DISTINCT aggregate FROM mentions WHERE event IN ({','.join('?' * len(chunk))})", chunk)}
        return found

    def aggregates_keyed(self, keys: Iterable[tuple[str, str, str]]) -> set[str]:
        """The aggregated events with these (actors, recipients, type)."""
        found: set[str] = set()
        for actors, recipients, event in keys:
            found |= {row[0] for row in self.connection.execute(
                "SELECT id FROM aggregates WHERE actors = ? AND recipients = ? AND event = ?",
                (actors, recipients, event))}
        return found

    def dissolve(self, aggregates: Iterable[str]) -> tuple[dict[str, int], set[str]]:
        """Delete aggregated events with their links and placements: their mentions wait to be placed again.

        Returns the numbers of the deleted events (by id, so that an event made again of the same first
        mention keeps its number) and the other aggregated events their links joined (whose inferred links
        may change).  The claims of deleted stated links are open again.
        """
        ids = sorted(set(aggregates))
        numbers: dict[str, int] = {}
        joined: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            numbers.update(self.connection.execute(
                f"SELECT id, number FROM aggregates WHERE id IN ({marks})", chunk).fetchall())
            links = self.connection.execute(
                f"SELECT effect, cause FROM links WHERE effect IN ({marks}) OR cause IN ({marks})",
                chunk + chunk).fetchall()
            for effect, cause in links:
                joined |= {effect, cause}
            self._reopen_claims({effect for effect, _ in links})
            self.connection.execute(f"DELETE FROM links WHERE effect IN ({marks}) OR cause IN ({marks})",
                                    chunk + chunk)
            self.connection.execute(f"DELETE FROM mentions WHERE aggregate IN ({marks})", chunk)
            self.connection.execute(f"DELETE FROM aggregates WHERE id IN ({marks})", chunk)
        return numbers, joined - set(ids)

    def reopen_described(self, keys: Iterable[tuple[str, str, str]]) -> set[str]:
        """Reopen the stated responses whose cause was looked up from a description (the claim's sentence does
        not report the cause) among events of these keys' countries: an event of those keys may now be the
        better cause.  Their links are deleted and their claims open again; returns the events the links joined.
        """
        joined: set[str] = set()
        for actors, recipients in sorted({(actors, recipients) for actors, recipients, _ in keys}):
            rows = self.connection.execute(
                "SELECT l.effect, l.cause, l.claim FROM links l JOIN claims c ON c.id = l.claim "
                "JOIN aggregates a ON a.id = l.effect WHERE l.type = 'responds_to' AND c.cause IS NULL "
                "AND a.recipients = ? AND (a.actors = ? OR ? = '')", (actors, recipients, recipients)).fetchall()
            self._reopen_claims({effect for effect, _, _ in rows})
            for effect, cause, _ in rows:
                joined |= {effect, cause}
                self.connection.execute("DELETE FROM links WHERE effect = ? AND cause = ? AND type = 'responds_to'",
                                        (effect, cause))
        return joined

    def _reopen_claims(self, effects: Iterable[str]) -> None:
        """Open again every claim whose effect is a report of these aggregated events: a deleted stated link
        may have been found by several claims, and the link names one of them."""
        for chunk in _chunks(sorted(set(effects))):
            self.connection.execute(
                "UPDATE claims SET resolved = 0 WHERE effect IN (SELECT m.event FROM mentions m WHERE m.aggregate IN "
                f"({','.join('?' * len(chunk))}))", chunk)

    def clear_aggregates(self) -> None:
        """Forget every aggregate and link (``detente aggregate --rebuild``); mentions and claims stay."""
        for statement in ("DELETE FROM links", "DELETE FROM mentions", "DELETE FROM aggregates",
                          "UPDATE claims SET resolved = 0"):
            self.connection.execute(statement)

    # -- links ---------------------------------------------------------------------------------------

    def add_link(self, link: Link) -> bool:
        """Store a link; False when the same link (effect, cause, type) is stored already."""
        cursor = self.connection.execute(
            "INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (link.effect, link.cause, link.type, link.score, link.cue, link.evidence, link.doc_id, link.claim),
        )
        return cursor.rowcount != 0

    def drop_inferred_links(self, aggregates: Iterable[str]) -> None:
        ids = list(aggregates)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            self.connection.execute(
                f"DELETE FROM links WHERE type = 'inferred' AND (effect IN ({marks}) OR cause IN ({marks}))",
                chunk + chunk)

    def links(self, aggregate: str | None = None, *, as_cause: bool = False, floor: float = 0.0) -> list[Link]:
        """Links whose effect (or, with ``as_cause``, whose cause) is ``aggregate``, all links without one; only
        those scored at least ``floor``."""
        sql = "SELECT effect, cause, type, score, cue, evidence, doc_id, claim FROM links WHERE score >= ?"
        params: tuple = (floor,)
        if aggregate is not None:
            sql += " AND cause = ?" if as_cause else " AND effect = ?"
            params = (floor, aggregate)
        rows = self.connection.execute(sql + " ORDER BY type DESC, score DESC, cause, effect", params)
        return [Link(effect=r[0], cause=r[1], type=r[2], score=r[3], cue=r[4], evidence=r[5], doc_id=r[6],
                     claim=r[7]) for r in rows]

    def has_stated_link(self, effect: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM links WHERE effect = ? AND type = 'responds_to'", (effect,)).fetchone()
        return row is not None


def countries(entities: list[dict]) -> str:
    """The countries of an actor or recipient as aggregated events key them: sorted, joined by "+"."""
    return "+".join(sorted({str(e["country"]) for e in entities if e.get("country")}))


def _chunks(items: list, size: int = 400) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _claim(record: dict) -> Claim:
    record = dict(record)
    record["cause_codes"] = tuple(record.get("cause_codes") or ())
    return Claim(**record)
