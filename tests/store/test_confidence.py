"""Confidence in the store, on both backends: migration 0004 on a store written before it, the columns the
reports and events keep, and the minimum confidence in the filter clauses."""

from __future__ import annotations

import json

import pytest

from detente import api
from detente.reciprocity.events import event_page
from detente.store import EventFilter, Store

from .. import trust
from .test_migrations import store_migrated_to
from .test_store import EVENTS, LONDON, MOSCOW, split


def store_before_0004(database: str) -> None:
    """A store as the code before migration 0004 wrote it: reports without a confidence column, and an
    aggregated event without a confidence."""
    old = store_migrated_to(database, 3)
    db = old.connection
    number = 0
    with old.transaction():
        for document in (LONDON, MOSCOW):
            db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (document.id, document.id, document.title, document.date.isoformat(), document.date_source,
                        document.source, document.url, document.origin, document.text, "2024-01-01T00:00:00+00:00",
                        document.content_hash, None))
            for sentence in split(document):
                db.execute("INSERT INTO sentences VALUES (?, ?, ?, ?, ?)",
                           (document.id, sentence.index, sentence.start, sentence.end, sentence.text))
            for event in EVENTS[document]:
                number += 1
                record = event.to_dict()
                del record["confidence"]  # records written before the field existed
                db.execute(f"INSERT INTO events VALUES ({', '.join('?' * 21)})",
                           (event.id, document.id, event.doc_id, record["date"], event.date_source,
                            event.date_precision, event.event, event.mode, event.cameo, event.quad_class,
                            event.goldstein, event.status, event.actor[0].country,
                            event.recipient[0].country if event.recipient else None,
                            event.size.count if event.size else None, event.size.unit if event.size else None,
                            event.sentence, event.source, event.cue, json.dumps(record), number))
        first = EVENTS[LONDON][0]
        db.execute(f"INSERT INTO aggregates VALUES ({', '.join('?' * 16)})",
                   ("agg-1", 1, first.event, first.cameo, first.mode, first.status, "GBR", "RUS", "2018-03-14",
                    "2018-03-14", "2018-03-14", "2018-03-14", "2018-03-14", 1, 1, first.id))
        db.execute("INSERT INTO mentions VALUES (?, ?)", (first.id, "agg-1"))
    old.close()


def test_migration_0004_carries_an_old_store(database):
    store_before_0004(database)
    with Store.open(database) as store:
        assert store.migrations()[-1] == "0004_confidence"
        # the old rows have no confidence: null in both tables
        assert {row[0] for row in store.connection.execute("SELECT confidence FROM events")} == {None}
        row = store.aggregate("agg-1")
        assert row.confidence is None and row.independent_sources is None
        # a filter of 0 keeps them, any filter above 0 leaves them out
        assert len(list(store.reports(EventFilter(min_confidence=0.0)))) == 5
        assert list(store.reports(EventFilter(min_confidence=0.01))) == []
        assert [r.id for r in store.aggregate_rows(where=EventFilter())] == ["agg-1"]
        assert list(store.aggregate_rows(where=EventFilter(min_confidence=0.01))) == []
        # aggregating again computes what the old rows lacked
        api.aggregate(store, rebuild=True)
        assert {r.independent_sources for r in store.aggregate_rows()} == {1}
        assert {r.confidence for r in store.aggregate_rows()} == {None}
    with Store.open(database) as again:
        assert again.migrate() == []  # applied once


@pytest.fixture
def trusted(database):
    with Store.open(database) as store:
        yield trust.build(store)


def test_reports_keep_their_confidence(trusted):
    stored = {row[0]: row[1] for row in trusted.connection.execute("SELECT doc_id, confidence FROM events")}
    assert stored == {doc_id: reports[0][-1] for doc_id, _, _, reports in trust.DOCUMENTS}
    assert {r["doc_id"]: r["confidence"] for r in trusted.reports()} == stored


def test_events_combine_their_reports(trusted):
    names = trust.event_names(trusted)
    found = {names[row.number]: (row.confidence, row.independent_sources) for row in trusted.aggregate_rows()}
    assert found == {name: (confidence, sources) for name, (_, confidence, sources) in trust.EVENTS.items()}


@pytest.mark.parametrize("minimum", sorted(trust.PASSING))
def test_the_minimum_confidence_filters_events(trusted, minimum):
    names = trust.event_names(trusted)
    where = EventFilter(min_confidence=minimum)
    assert {names[row.number] for row in trusted.aggregate_rows(where=where)} == trust.PASSING[minimum]
    assert {names[record["number"]] for record in api.events(trusted, where)} == trust.PASSING[minimum]
    total, page = event_page(trusted, where, limit=2)
    assert total == len(trust.PASSING[minimum]) and len(page) == min(2, total)
    assert all(item["confidence"] >= minimum for item in page if minimum)


@pytest.mark.parametrize("minimum", sorted(trust.REPORTS_PASSING))
def test_the_minimum_confidence_filters_reports(trusted, minimum):
    where = EventFilter(min_confidence=minimum)
    assert {record["doc_id"] for record in trusted.reports(where)} == trust.REPORTS_PASSING[minimum]
    total, page = trusted.report_page(where, limit=50)
    assert total == len(page) == len(trust.REPORTS_PASSING[minimum])


def test_the_minimum_confidence_goes_with_the_other_filters(trusted):
    names = trust.event_names(trusted)
    where = EventFilter(dyad=("GBR", "RUS"), both_directions=False, min_confidence=0.7)
    assert {names[row.number] for row in trusted.aggregate_rows(where=where)} == {"gbr", "shut"}
    where = EventFilter(outlet="Northern Courier", min_confidence=0.8)
    assert {names[row.number] for row in trusted.aggregate_rows(where=where)} == {"rus"}
