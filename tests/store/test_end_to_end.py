"""The bundled examples, coded once, stored and linked on each backend: every reading agrees with SQLite's."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import api, reciprocity
from detente.coder import Coder
from detente.ingest import read_inputs
from detente.reciprocity.events import dyads, event_page
from detente.store import EventFilter, Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def coded():
    """The coder's work on the bundled examples: coded once, stored on every backend."""
    return list(Coder().work_all(read_inputs([str(EXAMPLES)])))


def store_and_update(store: Store, coded) -> None:
    for work in coded:
        store.add(work.document, work.sentences or [], work.events or [], work.claims or [])
    reciprocity.update(store)


def readings(store: Store) -> dict:
    """What the library reads back from a store: events, aggregates with links, parity, pages, chains."""
    aggregated = api.aggregated(store)
    linked = [row["id"] for row in aggregated if row["links"]]
    return {
        "events": list(store.events()),
        "russia": [record["id"] for record in store.events(EventFilter(dyad=("USA", "RUS"), outlet="capital wire"))],
        "aggregated": aggregated,
        "links": store.links(),
        "parity": api.parity(store, "usa", "rus"),
        "summary": api.summary(store),
        "page": event_page(store, EventFilter(dyad=("USA", "RUS")), sort="-date", limit=5, offset=2),
        "dyads": dyads(store, EventFilter(statuses=("actual",))),
        "chains": [api.chain(store, aggregate) for aggregate in linked],
        "counts": {table: store.count(table) for table in ("documents", "events", "aggregates", "mentions", "links")},
    }


@pytest.fixture(scope="module")
def expected(coded, tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("reference") / "store.sqlite") as store:
        store_and_update(store, coded)
        return readings(store)


def test_coding_linking_and_reading_agree_on_both_backends(database, coded, expected):
    with Store.open(database) as store:
        store_and_update(store, coded)
        found = readings(store)
        again = reciprocity.update(store)
        assert again.aggregation.placed == 0 and again.links.stated == 0
    assert expected["links"] and expected["parity"].entries and expected["chains"]
    for reading in expected:
        assert found[reading] == expected[reading], reading
