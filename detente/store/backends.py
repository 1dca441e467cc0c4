"""The databases the store runs on: SQLite (a file path, the default) and PostgreSQL (a URL).

The store writes one dialect of SQL, the common ground of the two: ``?``
placeholders, ``INSERT … ON CONFLICT DO NOTHING`` and ``ON CONFLICT (key) DO
UPDATE`` for upserts, ``LENGTH``, ``LOWER`` and ``||``.  A backend runs that
SQL on its database and gives the store the same few operations over either::

    execute(sql, params)      a cursor: fetchone(), fetchall(), rowcount, iteration
    executemany(sql, rows)
    begin() / commit() / rollback()
    schema(statement)         a migration's statement in the backend's own types
    close()

What differs is kept here:

* placeholders: PostgreSQL's driver takes ``%s`` (so ``?`` and ``%`` are
  rewritten; the store's SQL keeps neither inside string literals);
* transactions: SQLite's ``BEGIN IMMEDIATE`` takes the write lock at once;
  on PostgreSQL a transaction that writes takes an advisory lock on the
  store's schema, so writers queue one after another exactly as on SQLite
  (``Store.add`` of the same document twice, two aggregation updates at once);
* types in migrations: on PostgreSQL ``INTEGER`` becomes ``BIGINT`` and
  ``REAL`` becomes ``DOUBLE PRECISION`` (SQLite's are 64-bit; PostgreSQL's
  ``REAL`` would round scores), and ``TEXT`` is compared byte by byte
  (``COLLATE "C"``) so that rows sort as they do in SQLite whatever the
  database's locale;
* PRAGMAs (write-ahead log, foreign keys, busy timeout) only on SQLite.

Driver errors are translated here, at the boundary: every backend raises
``DatabaseError``, a ``StoreError`` naming the database (a URL with its
password masked) in one line.
"""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..errors import StoreError

URL_SCHEMES = ("postgresql://", "postgres://")


class DatabaseError(StoreError):
    """The database refused a statement or a connection; ``refused`` when what it refused is the rows, which break
    one of its constraints (an integrity error), not the statement, the connection or the disk."""

    def __init__(self, location: str, reason: str, refused: bool = False) -> None:
        self.location = location
        self.reason = reason
        self.refused = refused
        super().__init__(f"{location}: {reason}")


def is_url(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return str(location).startswith(URL_SCHEMES)


def connect(location: str | Path) -> "SQLite | PostgreSQL":
    """The backend for a ``postgresql://`` URL, or for the SQLite file at any other path."""
    if is_url(location):
        return PostgreSQL.connect(str(location))
    return SQLite.connect(str(location))


def masked(url: str) -> str:
    """``url`` with its password (in the user part or the query) replaced by ``***``."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        if ":" in user:
            netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = parts.query
    if "password=" in query:
        query = urlencode([(key, "***" if key == "password" else value)
                           for key, value in parse_qsl(query, keep_blank_values=True)], safe="*")
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def _one_line(error: Exception) -> str:
    return "; ".join(line.strip() for line in str(error).splitlines() if line.strip()) or type(error).__name__


class SQLite:
    """A SQLite file, opened in autocommit mode: the store begins and commits its own transactions."""

    name = "sqlite"

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        self.connection = connection
        self.location = location

    @classmethod
    def connect(cls, path: str) -> "SQLite":
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=30, isolation_level=None)
        except (sqlite3.DatabaseError, OSError) as error:
            raise DatabaseError(path, _one_line(error)) from error
        backend = cls(connection, path)
        try:
            for pragma in ("busy_timeout=30000", "foreign_keys=ON"):
                backend.execute(f"PRAGMA {pragma}")
            backend._write_ahead_log()
            # With the write-ahead log, NORMAL syncs at checkpoints, not at every commit: a crash of the
            # program loses nothing committed, a power cut at most the last commits, and neither corrupts
            # the file (sqlite.org/wal.html).  FULL's sync per document was the bottleneck of large runs.
            backend.execute("PRAGMA synchronous=NORMAL")
        except DatabaseError:
            connection.close()
            raise
        return backend

    def _write_ahead_log(self) -> None:
        """Switch to WAL; SQLite answers "locked" at once, without waiting, while another connection
        creates the same new database, so the switch is retried for a while."""
        deadline = time.monotonic() + 30
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.DatabaseError as error:
                locked = isinstance(error, sqlite3.OperationalError) and "locked" in str(error)
                if not locked or time.monotonic() > deadline:
                    raise DatabaseError(self.location, _one_line(error)) from error
                time.sleep(0.05)

    def execute(self, sql: str, params=()) -> sqlite3.Cursor:
        try:
            return self.connection.execute(sql, params)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(self.location, _one_line(error), isinstance(error, sqlite3.IntegrityError)) from error

    def executemany(self, sql: str, rows) -> None:
        try:
            self.connection.executemany(sql, rows)
        except sqlite3.DatabaseError as error:
            raise DatabaseError(self.location, _one_line(error), isinstance(error, sqlite3.IntegrityError)) from error

    def begin(self) -> None:
        self.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def schema(self, statement: str) -> str:
        return statement

    def close(self) -> None:
        self.connection.close()


# Migrations say what SQLite means; these are the same columns in PostgreSQL.
POSTGRESQL_TYPES = (
    (re.compile(r"\bINTEGER\b"), "BIGINT"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
)


class PostgreSQL:
    """A PostgreSQL database reached by URL through psycopg 3, in autocommit mode like SQLite."""

    name = "postgresql"

    def __init__(self, connection, location: str) -> None:
        import psycopg

        self.connection = connection
        self.location = location
        self._errors = psycopg.Error
        self._refusals = psycopg.IntegrityError

    @classmethod
    def connect(cls, url: str) -> "PostgreSQL":
        import psycopg  # imported only when a PostgreSQL store is opened: it takes a while

        location = masked(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise DatabaseError(location, _one_line(error)) from error
        return cls(connection, location)

    def execute(self, sql: str, params=()):
        try:
            return self.connection.execute(_placeholders(sql), params)
        except self._errors as error:
            raise DatabaseError(self.location, _one_line(error), isinstance(error, self._refusals)) from error

    def executemany(self, sql: str, rows) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            with self.connection.cursor() as cursor:
                cursor.executemany(_placeholders(sql), rows)
        except self._errors as error:
            raise DatabaseError(self.location, _one_line(error), isinstance(error, self._refusals)) from error

    def begin(self) -> None:
        self.execute("BEGIN")
        self.execute("SELECT pg_advisory_xact_lock(hashtext('detente store ' || current_schema()))")

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def schema(self, statement: str) -> str:
        for pattern, replacement in POSTGRESQL_TYPES:
            statement = pattern.sub(replacement, statement)
        return statement

    def close(self) -> None:
        self.connection.close()


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")
