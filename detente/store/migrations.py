"""Named, idempotent migrations of the store's schema.

Each migration runs once per database, in order, and is recorded in the
``migrations`` table with the time it was applied.  A migration is never
edited after it has been released: a change of schema is a new migration
appended to ``MIGRATIONS``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_documents_sentences_events", (
        """CREATE TABLE documents (
            hash TEXT PRIMARY KEY,
            id TEXT NOT NULL,
            title TEXT,
            date TEXT,
            date_source TEXT NOT NULL,
            source TEXT,
            url TEXT,
            origin TEXT,
            text TEXT NOT NULL,
            coded_at TEXT NOT NULL
        )""",
        "CREATE INDEX documents_id ON documents(id)",
        """CREATE TABLE sentences (
            document TEXT NOT NULL REFERENCES documents(hash),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (document, idx)
        )""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(hash),
            doc_id TEXT NOT NULL,
            date TEXT,
            date_source TEXT NOT NULL,
            date_precision TEXT,
            event TEXT NOT NULL,
            mode TEXT,
            cameo TEXT NOT NULL,
            quad_class INTEGER NOT NULL,
            goldstein REAL NOT NULL,
            status TEXT NOT NULL,
            actor_country TEXT,
            recipient_country TEXT,
            size_count INTEGER,
            size_unit TEXT,
            sentence INTEGER NOT NULL,
            source TEXT,
            cue TEXT,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX events_document ON events(document)",
        "CREATE INDEX events_date ON events(date)",
        "CREATE INDEX events_type ON events(event, status)",
        """CREATE TABLE participants (
            event TEXT NOT NULL REFERENCES events(id),
            role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
            position INTEGER NOT NULL,
            country TEXT,
            sector TEXT,
            name TEXT,
            entity TEXT,
            text TEXT,
            PRIMARY KEY (event, role, position)
        )""",
        "CREATE INDEX participants_country ON participants(country, role)",
    )),
)
