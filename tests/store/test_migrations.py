"""Migration 0003 carries a store written before it: documents keyed by their text, events without numbers."""

from __future__ import annotations

import dataclasses
import json

import detente.store as store_module
from detente.store import Store
from detente.store.backends import connect
from detente.store.migrations import MIGRATIONS

from .test_store import EVENTS, LONDON, MOSCOW, WASHINGTON, split


def store_migrated_to(database: str, count: int) -> Store:
    """A store at ``database`` with only its first ``count`` migrations run, as older code left it."""
    backend = connect(database)
    old = Store(backend, backend.location)
    original = store_module.MIGRATIONS
    store_module.MIGRATIONS = MIGRATIONS[:count]
    try:
        assert old.migrate() == [m.name for m in MIGRATIONS[:count]]
    finally:
        store_module.MIGRATIONS = original
    return old


def old_store(database: str) -> None:
    """A store as the code before migration 0003 wrote it: the first two migrations, and rows keyed by the
    hash of the text alone."""
    old = store_migrated_to(database, 2)
    db = old.connection
    with old.transaction():
        for coded, (document, events) in enumerate(((WASHINGTON, EVENTS[WASHINGTON]), (LONDON, EVENTS[LONDON]),
                                                    (MOSCOW, EVENTS[MOSCOW]))):
            db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (document.content_hash, document.id, document.title, document.date.isoformat(),
                        document.date_source, document.source, document.url, document.origin, document.text,
                        f"2024-01-0{coded + 1}T00:00:00+00:00"))
            for sentence in split(document):
                db.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                           (document.content_hash, sentence.index, sentence.start, sentence.end, sentence.text))
            for event in events:
                record = event.to_dict()
                db.execute(f"INSERT INTO events VALUES ({', '.join('?' * 20)})",
                           (event.id, document.content_hash, event.doc_id, record["date"], event.date_source,
                            event.date_precision, event.event, event.mode, event.cameo, event.quad_class,
                            event.goldstein, event.status, event.actor[0].country,
                            event.recipient[0].country if event.recipient else None,
                            event.size.count if event.size else None, event.size.unit if event.size else None,
                            event.sentence, event.source, event.cue, json.dumps(record)))
    old.close()


def test_migration_0003_carries_an_old_store(database):
    old_store(database)
    with Store.open(database) as store:
        assert "0003_reports_numbers_coder" in store.migrations()
        rows = store.connection.execute("SELECT hash, text_hash, coder FROM documents").fetchall()
        assert len(rows) == 3 and all(key == text and coder is None for key, text, coder in rows)
        numbers = {record["id"]: record["number"] for record in store.reports()}
        assert sorted(numbers.values()) == list(range(1, 9))  # numbered in the order the documents were stored
        assert max(numbers[e.id] for e in EVENTS[WASHINGTON]) < min(numbers[e.id] for e in EVENTS[LONDON])
        # The old documents are still recognised as stored, and a twin from another outlet is its own document.
        assert store.has(MOSCOW) and not store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
        twin = dataclasses.replace(MOSCOW, source="Another Outlet")
        assert store.add(twin, split(twin), EVENTS[MOSCOW])
        assert store.count("documents") == 4 and store.count("events") == 11
        assert {record["number"] for record in store.reports()} == set(range(1, 12))
        assert store.coders() == [(None, 4, 11)]  # no version recorded: coded by an older coder
    with Store.open(database) as again:
        assert again.migrate() == []

