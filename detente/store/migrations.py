"""Named, idempotent migrations of the store's schema.

Each migration runs once per database, in order, and is recorded in the
``migrations`` table with the time it was applied.  A migration is never
edited after it has been released: a change of schema is a new migration
appended to ``MIGRATIONS``.

The statements are written for SQLite and run unchanged there; on PostgreSQL
the backend widens their types (``backends.PostgreSQL.schema``: ``INTEGER``
→ ``BIGINT``, ``REAL`` → ``DOUBLE PRECISION``, ``TEXT`` compared byte by
byte), so the one list serves both.  The ``migrations`` table is the same in both.
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
    Migration("0002_claims_aggregates_links", (
        """CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL REFERENCES documents(hash),
            doc_id TEXT NOT NULL,
            sentence INTEGER NOT NULL,
            cue TEXT NOT NULL,
            kind TEXT NOT NULL,
            effect TEXT NOT NULL REFERENCES events(id),
            cause TEXT REFERENCES events(id),
            record TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX claims_unresolved ON claims(resolved)",
        """CREATE TABLE aggregates (
            id TEXT PRIMARY KEY,
            number INTEGER NOT NULL UNIQUE,
            event TEXT NOT NULL,
            cameo TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            actors TEXT NOT NULL,
            recipients TEXT NOT NULL,
            date TEXT,
            date_first TEXT,
            date_last TEXT,
            first_seen TEXT,
            last_seen TEXT,
            mentions INTEGER NOT NULL,
            sources INTEGER NOT NULL,
            representative TEXT NOT NULL REFERENCES events(id)
        )""",
        "CREATE INDEX aggregates_key ON aggregates(actors, recipients, event)",
        "CREATE INDEX aggregates_date ON aggregates(date)",
        """CREATE TABLE mentions (
            event TEXT PRIMARY KEY REFERENCES events(id),
            aggregate TEXT NOT NULL REFERENCES aggregates(id)
        )""",
        "CREATE INDEX mentions_aggregate ON mentions(aggregate)",
        """CREATE TABLE links (
            effect TEXT NOT NULL REFERENCES aggregates(id),
            cause TEXT NOT NULL REFERENCES aggregates(id),
            type TEXT NOT NULL CHECK (type IN ('responds_to', 'inferred')),
            score REAL NOT NULL,
            cue TEXT,
            evidence TEXT,
            doc_id TEXT,
            claim TEXT REFERENCES claims(id),
            PRIMARY KEY (effect, cause, type)
        )""",
        "CREATE INDEX links_cause ON links(cause)",
    )),
    Migration("0003_reports_numbers_coder", (
        # A document is one report of one outlet: the same text from another outlet or address is a document
        # of its own.  `hash` becomes the document's key (the text's hash for the documents stored before,
        # when a text could be stored once only); `text_hash` is the hash of the text, shared by such twins.
        "ALTER TABLE documents ADD COLUMN text_hash TEXT",
        "UPDATE documents SET text_hash = hash",
        "CREATE INDEX documents_text ON documents(text_hash)",
        # The version of the coder (lexicon, knowledge base, code, settings) that coded the document;
        # null for the documents coded before versions were recorded.
        "ALTER TABLE documents ADD COLUMN coder TEXT",
        # The short number of each report (stored event), given in the order the reports were stored.
        "ALTER TABLE events ADD COLUMN number INTEGER",
        """CREATE TABLE report_numbers AS SELECT e.id AS id,
            ROW_NUMBER() OVER (ORDER BY d.coded_at, e.document, e.sentence, e.id) AS number
            FROM events e JOIN documents d ON d.hash = e.document""",
        "CREATE INDEX report_numbers_id ON report_numbers(id)",
        "UPDATE events SET number = (SELECT n.number FROM report_numbers n WHERE n.id = events.id)",
        "DROP TABLE report_numbers",
        "CREATE UNIQUE INDEX events_number ON events(number)",
    )),
    Migration("0004_confidence", (
        # The calibrated confidence (0-1) of each report, as its record gives it, in a column of its own so that
        # `--min-confidence` filters in the database; null for the reports stored before (and for any the coder
        # gave none): they fail every filter above 0 until `detente recode` codes them again.
        "ALTER TABLE events ADD COLUMN confidence REAL",
        # An aggregated event's confidence, combined from its reports (detente/reciprocity/corroboration.py), and
        # its number of independent sources (outlets, copies of one wire story counting once); null until the
        # event's summary is computed again (a new report, `detente aggregate --rebuild`).
        "ALTER TABLE aggregates ADD COLUMN confidence REAL",
        "ALTER TABLE aggregates ADD COLUMN independent_sources INTEGER",
    )),
)
