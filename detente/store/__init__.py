"""The store: documents, sentences and events in SQLite (the embedded default) or PostgreSQL.

``Store.open(path)`` creates or migrates the database: a SQLite file, or the
PostgreSQL database of a ``postgresql://`` URL (``backends.py`` holds what
differs between the two; the SQL here is the same for both).

A document is one report of one outlet: its key is the hash of its cleaned
text with its outlet and address (``document_key``).  ``Store.add`` writes one
document with its sentences and events (its *reports*, each with a short
number) in one transaction, so that a crash never leaves half a document
behind; the same text from the same outlet and address is a duplicate and
adds nothing.  The same text from another outlet or address is a document of
its own: ``Store.copy`` stores it with the events of its twin, which need not
be coded again when both carry the same publication date.  ``Store.replace``
swaps a document's reports for those of a new coding (``detente recode``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import RefusedError, StoreError
from ..records import Claim, Document, Event, Sentence, stable_id
from .aggregates import AggregateRow, AggregateTables, Mention, countries
from .backends import DatabaseError, PostgreSQL, SQLite, connect, is_url
from .filters import EventFilter, aggregate_clauses, confident, filter_clauses
from .migrations import MIGRATIONS

TABLES = ("documents", "sentences", "events", "participants", "claims", "aggregates", "mentions", "links")

__all__ = ["AggregateRow", "EventFilter", "Mention", "Replaced", "Store", "StoreError", "StoredDocument",
           "aggregate_clauses", "confident", "document_key", "filter_clauses", "is_url"]

DOCUMENT_COLUMNS = "hash, id, title, date, date_source, source, url, origin, text, coded_at, text_hash, coder"


def document_name(document: Document) -> str:
    """What names a document in a message: its address, with its id when the address is a file of many
    ("news.jsonl (wire-42)")."""
    if not document.origin or document.id in document.origin:
        return document.origin or document.id
    return f"{document.origin} ({document.id})"


def document_key(document: Document) -> str:
    """The key of a document in the store: its text, outlet and address (the same three are one document)."""
    return stable_id(document.content_hash, document.source or "", document.url or "", length=64)


@dataclass(frozen=True)
class StoredDocument:
    """A stored document with its key and the version of the coder that coded it."""

    key: str
    document: Document
    coder: str | None
    reports: int


@dataclass(frozen=True)
class Replaced:
    """What replacing a document's reports changed: the reports removed, kept and added, and the keys
    (actors, recipients, type) of the aggregated events whose reports changed."""

    removed: int
    kept: int
    added: int
    keys: frozenset[tuple[str, str, str]]
    numbers: dict[str, int]  # the aggregated events dissolved, by id, with their numbers
    joined: frozenset[str]  # other aggregated events that were linked to the dissolved ones


class Store(AggregateTables):
    """A detente database.

    ``connection`` is the backend (``backends.SQLite`` or ``backends.PostgreSQL``):
    ``store.connection.execute(sql, params)`` runs the store's SQL on either.
    ``path`` names the database in messages: the SQLite path, or the URL with
    its password masked.
    """

    def __init__(self, connection: SQLite | PostgreSQL | sqlite3.Connection, path: str) -> None:
        if isinstance(connection, sqlite3.Connection):
            connection = SQLite(connection, path)
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> "Store":
        """Open (creating and migrating when needed) the SQLite file at ``path``, or the PostgreSQL
        database when ``path`` is a ``postgresql://`` URL."""
        backend = None
        try:
            backend = connect(path)
            store = cls(backend, backend.location)
            store.migrate()
        except DatabaseError as error:
            if backend is not None:
                backend.close()
            raise StoreError(f"{error.location}: cannot open the store: {error.reason}") from error
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations not yet applied; returns their names.

        An up-to-date store is only read.  Otherwise each migration is checked
        again and applied inside a write transaction, so that two processes
        opening a new database at once apply it only once.
        """
        db = self.connection
        try:
            done = {row[0] for row in db.execute("SELECT name FROM migrations")}
        except DatabaseError:  # a new database: no migrations table yet
            done = set()
        if all(migration.name in done for migration in MIGRATIONS):
            return []
        with self.transaction():
            db.execute(db.schema("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                                 "applied_at TEXT NOT NULL)"))
        applied = []
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self.transaction():
                if db.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,)).fetchone():
                    continue  # another process applied it meanwhile
                for statement in migration.statements:
                    db.execute(db.schema(statement))
                db.execute("INSERT INTO migrations VALUES (?, ?)", (migration.name, _now()))
            applied.append(migration.name)
        return applied

    def migrations(self) -> list[str]:
        return [row[0] for row in self.connection.execute("SELECT name FROM migrations ORDER BY name")]

    # -- writing ---------------------------------------------------------------------------

    def has(self, document: Document) -> bool:
        """Whether the store holds this document: the same text from the same outlet and address."""
        return self._duplicate(document)

    def _duplicate(self, document: Document) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM documents WHERE text_hash = ? AND COALESCE(source, '') = ? AND COALESCE(url, '') = ?",
            (document.content_hash, document.source or "", document.url or "")).fetchone()
        return row is not None

    def add(self, document: Document, sentences: Sequence[Sentence], events: Sequence[Event],
            claims: Sequence[Claim] = (), *, coder: str | None = None) -> bool:
        """Store a coded document with its events and stated responses; False when it is a duplicate (the same
        text from the same outlet and address is stored).  ``coder`` is the version that coded it."""
        key = document_key(document)
        with self._storing(document_name(document)):
            if not self._insert_document(key, document, coder):
                return False
            events, claims = self._own_ids(key, events, claims)
            self._add_sentences(key, sentences)
            for event in events:
                self._add_event(key, event)
            self._add_claims(key, claims)
        return True

    def coding_of(self, document: Document, coder: str) -> str | None:
        """The key of a stored document with the same text and publication date, coded by the same version of
        the coder: its events are those of ``document`` too (``copy``).  None when there is none."""
        row = self.connection.execute(
            "SELECT hash FROM documents WHERE text_hash = ? AND COALESCE(date, '') = ? AND coder = ? "
            "ORDER BY coded_at, hash LIMIT 1",
            (document.content_hash, document.date.isoformat() if document.date else "", coder)).fetchone()
        return row[0] if row else None

    def copy(self, document: Document, twin: str) -> list[Event] | None:
        """Store ``document`` with the sentences, events and claims of the stored document ``twin`` (same text,
        publication date and coder), each event as this document's own report; None when it is a duplicate."""
        key = document_key(document)
        db = self.connection
        with self._storing(document_name(document)):
            coder = db.execute("SELECT coder FROM documents WHERE hash = ?", (twin,)).fetchone()
            if coder is None or not self._insert_document(key, document, coder[0]):
                return None
            db.execute("INSERT INTO sentences SELECT ?, idx, start_char, end_char, text FROM sentences "
                       "WHERE document = ?", (key, twin))
            events = [Event.from_dict(json.loads(record)) for (record,) in db.execute(
                "SELECT record FROM events WHERE document = ? ORDER BY sentence, number", (twin,)).fetchall()]
            claims = [_claim(json.loads(record)) for (record,) in db.execute(
                "SELECT record FROM claims WHERE document = ? ORDER BY sentence, id", (twin,)).fetchall()]
            events, claims = twin_events(key, document, events, claims)
            for event in events:
                self._add_event(key, event)
            self._add_claims(key, claims)
        return events

    def replace(self, key: str, sentences: Sequence[Sentence], events: Sequence[Event], claims: Sequence[Claim],
                *, coder: str | None, name: str | None = None) -> Replaced:
        """Replace the reports of the stored document ``key`` by those of a new coding of its text, in one
        transaction.

        A report the new coding gives exactly as before stays as it was (with its number and its place in an
        aggregated event); the others are removed and the new ones added.  The aggregated events that held a
        removed report are dissolved (``dissolve``): their other reports wait to be placed again.  The caller
        then updates the aggregated events (``detente.reciprocity.refresh``) with what this returns.  ``name``
        (the document's address or id) names it in errors: rows the database refuses raise ``RefusedError``, and
        the document keeps its reports.
        """
        db = self.connection
        with self._storing(name or key):
            old = dict(db.execute("SELECT id, record FROM events WHERE document = ?", (key,)).fetchall())
            events, claims = self._own_ids(key, events, claims, mine=set(old))
            new = {event.id: event for event in events}
            kept = {id_ for id_, event in new.items() if id_ in old and json.loads(old[id_]) == event.to_dict()}
            removed = [id_ for id_ in old if id_ not in kept]
            keys = {_key(json.loads(old[id_])) for id_ in removed}
            keys |= {_key(event.to_dict()) for id_, event in new.items() if id_ not in kept}
            old_claims = dict(db.execute("SELECT id, record FROM claims WHERE document = ?", (key,)).fetchall())
            new_claims = {claim.id: claim for claim in claims}
            kept_claims = {id_ for id_, claim in new_claims.items()
                           if id_ in old_claims and json.loads(old_claims[id_]) == claim.to_dict()
                           and claim.effect in kept and (claim.cause is None or claim.cause in kept)}
            numbers, joined = self.dissolve(self.aggregates_of(removed))
            joined |= self._delete_claims([id_ for id_ in old_claims if id_ not in kept_claims])
            self._delete_events(removed)
            db.execute("DELETE FROM sentences WHERE document = ?", (key,))
            self._add_sentences(key, sentences)
            for id_, event in new.items():
                if id_ not in kept:
                    self._add_event(key, event)
            self._add_claims(key, [claim for id_, claim in new_claims.items() if id_ not in kept_claims])
            db.execute("UPDATE documents SET coder = ?, coded_at = ? WHERE hash = ?", (coder, _now(), key))
        return Replaced(len(removed), len(kept), len(new) - len(kept), frozenset(keys), numbers,
                        frozenset(joined - set(numbers)))

    def _insert_document(self, key: str, document: Document, coder: str | None) -> bool:
        """Insert the document's row unless the store has it (inside the caller's transaction)."""
        if self._duplicate(document):
            return False
        cursor = self.connection.execute(
            f"INSERT INTO documents ({DOCUMENT_COLUMNS}) VALUES ({', '.join('?' * 12)}) ON CONFLICT DO NOTHING",
            (key, document.id, document.title, document.date.isoformat() if document.date else None,
             document.date_source, document.source, document.url, document.origin, document.text, _now(),
             document.content_hash, coder),
        )
        return cursor.rowcount != 0

    def _own_ids(self, key: str, events: Sequence[Event], claims: Sequence[Claim],
                 mine: set[str] = frozenset()) -> tuple[list[Event], list[Claim]]:
        """The events and claims with ids of their own: when another stored document holds an event id already
        (the same text with the same id, from another outlet), every id is made this document's."""
        ids = [event.id for event in events]
        taken = False
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            found = {row[0] for row in self.connection.execute(
                f"SELECT id FROM events WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
            taken = taken or bool(found - set(mine))
        if not taken:
            return list(events), list(claims)
        return rekeyed(key, list(events), list(claims))

    def _add_sentences(self, key: str, sentences: Sequence[Sentence]) -> None:
        self.connection.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                                    [(key, s.index, s.start, s.end, s.text) for s in sentences])

    def _add_event(self, document_key: str, event: Event) -> None:
        record = event.to_dict()
        number = self.connection.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM events").fetchone()[0]
        self.connection.execute(
            "INSERT INTO events (id, document, doc_id, date, date_source, date_precision, event, mode, cameo, "
            "quad_class, goldstein, status, actor_country, recipient_country, size_count, size_unit, sentence, "
            f"source, cue, record, number, confidence) VALUES ({', '.join('?' * 22)})",
            (event.id, document_key, event.doc_id, record["date"], event.date_source, event.date_precision,
             event.event, event.mode, event.cameo, event.quad_class, event.goldstein, event.status,
             event.actor[0].country if event.actor else None,
             event.recipient[0].country if event.recipient else None,
             event.size.count if event.size else None, event.size.unit if event.size else None,
             event.sentence, event.source, event.cue, json.dumps(record, ensure_ascii=False), number,
             event.confidence),
        )
        rows = [(event.id, role, position, e.country, e.sector, e.name, e.id, e.text)
                for role, entities in (("actor", event.actor), ("recipient", event.recipient))
                for position, e in enumerate(entities)]
        self.connection.executemany(
            "INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    def _delete_events(self, ids: Sequence[str]) -> None:
        """Delete reports with their participants and their places in aggregated events."""
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ",".join("?" * len(chunk))
            for table, column in (("participants", "event"), ("mentions", "event"), ("events", "id")):
                self.connection.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)

    def transaction(self):
        """``with store.transaction():`` — one write transaction (writers queue), rolled back on any error."""
        return _Transaction(self.connection)

    @contextlib.contextmanager
    def _storing(self, name: str) -> Iterator[None]:
        """One write transaction that stores the document ``name``; a database error names it, and rows the
        database refuses are this document's fault (``RefusedError``), not the store's."""
        try:
            with self.transaction():
                yield
        except DatabaseError as error:
            if error.refused:
                raise RefusedError(name, f"the store {self.path} refused it: {error.reason}") from error
            raise StoreError(f"{self.path}: cannot store {name}: {error.reason}") from error

    # -- reading ------------------------------------------------------------------------------

    def documents(self, *, since: date | None = None, until: date | None = None,
                  outlet: str | None = None) -> list[StoredDocument]:
        """Stored documents published within the dates (inclusive) and from the outlet, in the order their reports
        were stored (a twin stored with the events of another comes after it)."""
        clauses, params = [], []
        if since:
            clauses.append("d.date >= ?")
            params.append(since.isoformat())
        if until:
            clauses.append("d.date <= ?")
            params.append(until.isoformat())
        if outlet:
            clauses.append("LOWER(d.source) = LOWER(?)")
            params.append(outlet)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self.connection.execute(
            "SELECT d.hash, d.id, d.title, d.date, d.date_source, d.source, d.url, d.origin, d.text, d.coder, "
            f"(SELECT COUNT(*) FROM events e WHERE e.document = d.hash) FROM documents d{where} "
            "ORDER BY (SELECT MIN(e.number) FROM events e WHERE e.document = d.hash) IS NULL, "
            "(SELECT MIN(e.number) FROM events e WHERE e.document = d.hash), d.coded_at, d.hash", params).fetchall()
        return [StoredDocument(key, Document(id=id_, text=text, title=title, date=_day(day),
                                             date_source=date_source, source=source, url=url, origin=origin or ""),
                               coder, reports)
                for key, id_, title, day, date_source, source, url, origin, text, coder, reports in rows]

    def coders(self) -> list[tuple[str | None, int, int]]:
        """(coder version, documents, reports) for each version that coded stored documents."""
        rows = self.connection.execute(
            "SELECT d.coder, COUNT(*), SUM((SELECT COUNT(*) FROM events e WHERE e.document = d.hash)) "
            "FROM documents d GROUP BY d.coder ORDER BY COUNT(*) DESC")
        return [(coder, documents, int(reports or 0)) for coder, documents, reports in rows]

    def countries(self) -> set[str]:
        """The country and organisation codes of every actor and recipient of the stored reports."""
        return {row[0] for row in self.connection.execute(
            "SELECT DISTINCT country FROM participants WHERE country IS NOT NULL")}

    def outlets(self) -> list[str]:
        """The outlets of the stored documents, in alphabetical order."""
        return [row[0] for row in self.connection.execute(
            "SELECT DISTINCT source FROM documents WHERE source IS NOT NULL ORDER BY source")]

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}")
        return self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def events(self, where: EventFilter | None = None) -> Iterator[dict]:
        """Stored event records (the JSON of ``Event.to_dict``), ordered by date."""
        sql, params = _event_query(where or EventFilter())
        for record, _, _ in self.connection.execute(sql, params):
            yield json.loads(record)

    def reports(self, where: EventFilter | None = None) -> Iterator[dict]:
        """Stored events as reports: each record with its report ``number`` and the ``event_number`` of the
        aggregated event it belongs to (null until aggregation has placed it), ordered by date."""
        sql, params = _event_query(where or EventFilter())
        for record, number, event_number in self.connection.execute(sql, params):
            yield {**json.loads(record), "number": number, "event_number": event_number}

    def report_page(self, where: EventFilter | None = None, *, limit: int = 50,
                    offset: int = 0) -> tuple[int, list[dict]]:
        """(total, one page) of the reports matching ``where``, paged in the database."""
        sql, params = _event_query(where or EventFilter())
        total = self.connection.execute(f"SELECT COUNT(*) FROM ({sql}) matching", params).fetchone()[0]
        rows = self.connection.execute(f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
        return total, [{**json.loads(record), "number": number, "event_number": event_number}
                       for record, number, event_number in rows]

    def report_number(self, event_id: str) -> int | None:
        row = self.connection.execute("SELECT number FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def report_by_number(self, number: int) -> str | None:
        row = self.connection.execute("SELECT id FROM events WHERE number = ?", (number,)).fetchone()
        return row[0] if row else None

    def dyad_counts(self, statuses: tuple[str, ...] | None = None) -> list[tuple[str, str, int]]:
        """(actor country, recipient country, number of events) for every pair, largest first."""
        sql = """SELECT a.country, r.country, COUNT(DISTINCT e.id) FROM events e
                 JOIN participants a ON a.event = e.id AND a.role = 'actor'
                 JOIN participants r ON r.event = e.id AND r.role = 'recipient'
                 WHERE a.country IS NOT NULL AND r.country IS NOT NULL AND a.country != r.country"""
        params: list = []
        if statuses:
            sql += f" AND e.status IN ({','.join('?' * len(statuses))})"
            params.extend(statuses)
        sql += " GROUP BY a.country, r.country ORDER BY COUNT(DISTINCT e.id) DESC, a.country, r.country"
        return [tuple(row) for row in self.connection.execute(sql, params)]


def _event_query(where: EventFilter) -> tuple[str, list]:
    sql = ("SELECT e.record, e.number, a.number FROM events e LEFT JOIN mentions m ON m.event = e.id "
           "LEFT JOIN aggregates a ON a.id = m.aggregate")
    clauses: list[str] = []
    params: list = []
    if where.dyad:
        first, second = where.dyad
        pair = ("EXISTS (SELECT 1 FROM participants a WHERE a.event = e.id AND a.role = 'actor' AND a.country = ?) "
                "AND EXISTS (SELECT 1 FROM participants r WHERE r.event = e.id AND r.role = 'recipient' "
                "AND r.country = ?)")
        if where.both_directions:
            clauses.append(f"(({pair}) OR ({pair}))")
            params.extend([first, second, second, first])
        else:
            clauses.append(f"({pair})")
            params.extend([first, second])
    type_and_time = filter_clauses(where, "e")
    clauses += type_and_time[0]
    params += type_and_time[1]
    if where.outlet:
        clauses.append("LOWER(e.source) = LOWER(?)")
        params.append(where.outlet)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY e.date IS NULL, e.date, e.doc_id, e.sentence, e.id"
    return sql, params


class _Transaction:
    """Begin a write transaction; commit it, or roll it back on any error."""

    def __init__(self, connection: SQLite | PostgreSQL) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.begin()

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.connection.commit()
        else:
            self.connection.rollback()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _key(record: dict) -> tuple[str, str, str]:
    """What an event's aggregated event is keyed by: actors, recipients, type."""
    return countries(record["actor"]), countries(record["recipient"]), record["event"]


def _claim(record: dict) -> Claim:
    record = dict(record)
    record["cause_codes"] = tuple(record.get("cause_codes") or ())
    return Claim(**record)


def rekeyed(key: str, events: list[Event], claims: list[Claim]) -> tuple[list[Event], list[Claim]]:
    """The events and claims with ids made the document ``key``'s own (the claims follow their events)."""
    ids = {event.id: stable_id(event.id, key) for event in events}
    events = [dataclasses.replace(event, id=ids[event.id]) for event in events]
    claims = [dataclasses.replace(claim, id=stable_id(claim.id, key), effect=ids.get(claim.effect, claim.effect),
                                  cause=ids.get(claim.cause, claim.cause) if claim.cause else None)
              for claim in claims]
    return events, claims


def twin_events(key: str, document: Document, events: list[Event],
                claims: list[Claim]) -> tuple[list[Event], list[Claim]]:
    """The events and claims of a twin document (same text and date) as ``document``'s own reports."""
    events = [dataclasses.replace(event, doc_id=document.id, source=document.source) for event in events]
    claims = [dataclasses.replace(claim, doc_id=document.id) for claim in claims]
    return rekeyed(key, events, claims)
