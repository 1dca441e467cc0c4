"""The store: documents, sentences and events in SQLite (the embedded default) or PostgreSQL.

``Store.open(path)`` creates or migrates the database: a SQLite file, or the
PostgreSQL database of a ``postgresql://`` URL (``backends.py`` holds what
differs between the two; the SQL here is the same for both).  ``Store.add`` writes
one document with its sentences and events in one transaction, keyed by the
content hash of the cleaned text, so that coding the same document twice adds
nothing and a crash never leaves half a document behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import StoreError
from ..records import Claim, Document, Event, Sentence
from .aggregates import AggregateRow, AggregateTables, Mention
from .backends import DatabaseError, PostgreSQL, SQLite, connect, is_url
from .migrations import MIGRATIONS

TABLES = ("documents", "sentences", "events", "participants", "claims", "aggregates", "mentions", "links")

__all__ = ["AggregateRow", "EventFilter", "Mention", "Store", "StoreError", "is_url"]


@dataclass(frozen=True)
class EventFilter:
    """Which stored events a query returns."""

    dyad: tuple[str, str] | None = None
    event: str | None = None
    statuses: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    both_directions: bool = True


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
        with self._transaction():
            db.execute(db.schema("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
                                 "applied_at TEXT NOT NULL)"))
        applied = []
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self._transaction():
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
        row = self.connection.execute("SELECT 1 FROM documents WHERE hash = ?", (document.content_hash,)).fetchone()
        return row is not None

    def add(self, document: Document, sentences: Sequence[Sentence], events: Sequence[Event],
            claims: Sequence[Claim] = ()) -> bool:
        """Store a coded document with its stated responses; False when the same text was stored before."""
        db = self.connection
        try:
            with self._transaction():
                cursor = db.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    (document.content_hash, document.id, document.title,
                     document.date.isoformat() if document.date else None, document.date_source,
                     document.source, document.url, document.origin, document.text, _now()),
                )
                if cursor.rowcount == 0:
                    return False
                db.executemany(
                    "INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                    [(document.content_hash, s.index, s.start, s.end, s.text) for s in sentences],
                )
                for event in events:
                    self._add_event(document.content_hash, event)
                self._add_claims(document.content_hash, claims)
        except DatabaseError as error:
            raise StoreError(f"{self.path}: cannot store {document.origin or document.id}: {error.reason}") from error
        return True

    def _add_event(self, document_hash: str, event: Event) -> None:
        record = event.to_dict()
        self.connection.execute(
            f"INSERT INTO events VALUES ({', '.join('?' * 20)}) ON CONFLICT DO NOTHING",
            (event.id, document_hash, event.doc_id, record["date"], event.date_source, event.date_precision,
             event.event, event.mode, event.cameo, event.quad_class, event.goldstein, event.status,
             event.actor[0].country if event.actor else None,
             event.recipient[0].country if event.recipient else None,
             event.size.count if event.size else None, event.size.unit if event.size else None,
             event.sentence, event.source, event.cue, json.dumps(record, ensure_ascii=False)),
        )
        rows = [(event.id, role, position, e.country, e.sector, e.name, e.id, e.text)
                for role, entities in (("actor", event.actor), ("recipient", event.recipient))
                for position, e in enumerate(entities)]
        self.connection.executemany(
            "INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows)

    def _transaction(self):
        return _Transaction(self.connection)

    def transaction(self):
        """``with store.transaction():`` — one write transaction (writers queue), rolled back on any error."""
        return _Transaction(self.connection)

    # -- reading ------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}")
        return self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def events(self, where: EventFilter | None = None) -> Iterator[dict]:
        """Stored event records (the JSON of ``Event.to_dict``), ordered by date."""
        sql, params = _event_query(where or EventFilter())
        for (record,) in self.connection.execute(sql, params):
            yield json.loads(record)

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


def filter_clauses(where: EventFilter, table: str) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) of a filter's type, statuses and dates, on the columns
    ``event``, ``status`` and ``date`` of ``table``: shared by stored events and aggregated events."""
    clauses: list[str] = []
    params: list = []
    if where.event:
        clauses.append(f"{table}.event = ?")
        params.append(where.event.upper())
    if where.statuses:
        clauses.append(f"{table}.status IN ({','.join('?' * len(where.statuses))})")
        params.extend(where.statuses)
    if where.since:
        clauses.append(f"{table}.date >= ?")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append(f"{table}.date <= ?")
        params.append(where.until.isoformat())
    return clauses, params


def _event_query(where: EventFilter) -> tuple[str, list]:
    sql = "SELECT e.record FROM events e"
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
