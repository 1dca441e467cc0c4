import dataclasses
import random
import sqlite3
from datetime import date

import pytest

from detente.errors import InputError, RefusedError, StoreError
from detente.store.backends import DatabaseError
from detente.records import Document, Entity, Event, Location, Sentence, Size, stable_id
from detente.store import EventFilter, Store
from detente.store.migrations import MIGRATIONS

# Records are built by hand: the store is tested without the NLP pipeline.

COUNTRIES = {"RUS": "Russia", "GBR": "United Kingdom", "USA": "United States", "CZE": "Czech Republic"}
TABLES = ("documents", "sentences", "events", "participants")


def entity(country, sector="GOV"):
    return Entity(text=COUNTRIES[country], name=COUNTRIES[country], country=country, sector=sector,
                  id=f"state:{country}")


def document(doc_id, sentences, *, day=None, source=None):
    return Document(id=doc_id, text=" ".join(f"{text}." for text in sentences), title=f"Title of {doc_id}", date=day,
                    date_source="option" if day else "none", source=source, url=None, origin=f"{doc_id}.txt")


def split(doc):
    """The document's sentences: the text is sentences ending in "." joined by single spaces."""
    sentences, start = [], 0
    for index, text in enumerate(doc.text[:-1].split(". ")):
        text += "."
        sentences.append(Sentence(doc_id=doc.id, index=index, start=start, end=start + len(text), text=text))
        start += len(text) + 1
    return sentences


def event(doc, sentence=0, *, name=None, kind="SANCTION", actor=("RUS",), recipient=("GBR",), status="actual",
          day=None, size=None, cue=None):
    sentences = split(doc)
    text = sentences[sentence].text
    return Event(
        id=name or stable_id(doc.id, sentence, kind),
        doc_id=doc.id, date=day, date_source="explicit" if day else "publication", event=kind,
        mode="expel" if kind == "SANCTION" else None, context=("diplomatic",), cameo="166", quad_class=4,
        goldstein=-4.0, actor=tuple(entity(c) for c in actor), recipient=tuple(entity(c) for c in recipient),
        size=Size(count=size, unit="diplomats", text=f"{size} diplomats") if size else None, status=status,
        text=text, span=(sentences[sentence].start, sentences[sentence].end), trigger="expelled",
        trigger_span=(sentences[sentence].start, sentences[sentence].start + 8), sentence=sentence,
        date_precision="day" if day else None, source=doc.source, cue=cue,
    )


MOSCOW = document("moscow", ["Russia expelled 23 British diplomats", "It warned of further steps",
                             "It may close the British Council"], day=date(2018, 3, 17), source="Capital Wire")
LONDON = document("london", ["Britain expelled 23 Russian diplomats",
                             "Washington and London accused Moscow of the attack"],
                  day=date(2018, 3, 14), source="Northern Ledger")
WASHINGTON = document("washington", ["Moscow cut the staff of the US mission",
                                     "Washington planned to close two Russian compounds",
                                     "The presidents spoke by phone"],
                      day=date(2017, 7, 30), source="Eurasia Daily Review")

# Each event is named after what it is; the filter table below refers to these names.
EVENTS = {
    MOSCOW: [
        event(MOSCOW, 0, name="rus-expels-gbr", day=date(2018, 3, 17), size=23, cue="answering"),
        event(MOSCOW, 1, name="rus-threatens-gbr", kind="THREATEN", day=date(2018, 3, 17)),
        event(MOSCOW, 2, name="rus-may-close-council", status="hypothetical", day=date(2018, 3, 18)),
    ],
    LONDON: [
        event(LONDON, 0, name="gbr-expels-rus", actor=("GBR",), recipient=("RUS",), day=date(2018, 3, 14), size=23),
        event(LONDON, 1, name="usa-gbr-accuse-rus", kind="ACCUSE", actor=("USA", "GBR"), recipient=("RUS",),
              day=date(2018, 3, 15)),
    ],
    WASHINGTON: [
        event(WASHINGTON, 0, name="rus-cuts-usa", actor=("RUS",), recipient=("USA",), day=date(2017, 7, 30),
              size=755),
        event(WASHINGTON, 1, name="usa-plans-closure", actor=("USA",), recipient=("RUS",), status="planned",
              day=date(2017, 7, 29)),
        event(WASHINGTON, 2, name="usa-consults-rus", kind="CONSULT", actor=("USA",), recipient=("RUS",)),
    ],
}
ALL = ["usa-plans-closure", "rus-cuts-usa", "gbr-expels-rus", "usa-gbr-accuse-rus", "rus-expels-gbr",
       "rus-threatens-gbr", "rus-may-close-council", "usa-consults-rus"]


@pytest.fixture
def store(database):
    with Store.open(database) as opened:
        yield opened


@pytest.fixture
def filled(store):
    for doc, events in EVENTS.items():
        assert store.add(doc, split(doc), events)
    return store


def counts(store):
    return {table: store.count(table) for table in TABLES}


def test_migrations_are_recorded(store):
    assert store.migrations() == ["0001_documents_sentences_events", "0002_claims_aggregates_links",
                                  "0003_reports_numbers_coder", "0004_confidence"]
    assert store.migrations() == [migration.name for migration in MIGRATIONS]


def test_migrate_applies_each_migration_once():
    store = Store(sqlite3.connect(":memory:", isolation_level=None), ":memory:")
    with store:
        assert store.migrate() == [migration.name for migration in MIGRATIONS]
        assert store.migrate() == []
        assert store.migrations() == [migration.name for migration in MIGRATIONS]


def test_opening_twice_applies_nothing_new(database):
    with Store.open(database) as first:
        applied = list(first.connection.execute("SELECT name, applied_at FROM migrations"))
        assert first.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
    with Store.open(database) as second:
        assert second.migrate() == []
        assert list(second.connection.execute("SELECT name, applied_at FROM migrations")) == applied
        assert second.count("events") == len(EVENTS[MOSCOW])


def test_add_same_document_twice(store):
    assert not store.has(MOSCOW)
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW]) is True
    assert store.has(MOSCOW)
    before = counts(store)
    assert before == {"documents": 1, "sentences": 3, "events": 3, "participants": 6}
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW]) is False
    assert counts(store) == before


def test_same_text_outlet_and_address_is_a_duplicate_whatever_its_id(store):
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
    copy = dataclasses.replace(MOSCOW, id="moscow-copy", origin="copy.txt", date=date(2018, 3, 18))
    assert store.has(copy)
    assert store.add(copy, split(copy), EVENTS[MOSCOW]) is False
    assert store.count("documents") == 1


@pytest.mark.parametrize("change", [{"source": "Another Outlet"}, {"url": "https://example.org/moscow"}],
                         ids=["another outlet", "another address"])
def test_same_text_from_another_outlet_or_address_is_a_document_of_its_own(store, change):
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
    twin = dataclasses.replace(MOSCOW, **change)
    assert not store.has(twin)
    assert store.add(twin, split(twin), EVENTS[MOSCOW]) is True
    assert counts(store) == {"documents": 2, "sentences": 6, "events": 6, "participants": 12}
    ids = [record["id"] for record in store.events()]
    assert len(set(ids)) == 6  # the twin's events got ids of their own


def test_a_copy_takes_the_twins_events_as_its_own_reports(store):
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW], coder="v1")
    twin = dataclasses.replace(MOSCOW, id="moscow-wire", source="Another Outlet")
    assert store.coding_of(twin, "v1") is not None
    assert store.coding_of(twin, "v2") is None  # coded by another version: code it again
    assert store.coding_of(dataclasses.replace(twin, date=date(2018, 3, 18)), "v1") is None  # another date
    copied = store.copy(twin, store.coding_of(twin, "v1"))
    assert [(e.doc_id, e.source, e.event, e.sentence) for e in copied] == [
        ("moscow-wire", "Another Outlet", e.event, e.sentence) for e in EVENTS[MOSCOW]]
    reports = list(store.reports())
    assert len(reports) == 6 and len({r["number"] for r in reports}) == 6
    assert {r["source"] for r in reports} == {"Capital Wire", "Another Outlet"}
    assert store.copy(twin, store.coding_of(twin, "v1")) is None  # now a duplicate


def test_reports_are_numbered_in_the_order_stored(filled):
    numbers = {record["id"]: record["number"] for record in filled.reports()}
    assert sorted(numbers.values()) == list(range(1, 9))
    assert numbers["rus-expels-gbr"] < numbers["gbr-expels-rus"] < numbers["rus-cuts-usa"]
    assert filled.report_by_number(numbers["gbr-expels-rus"]) == "gbr-expels-rus"


def test_compound_actor_writes_one_participant_per_entity(store):
    store.add(LONDON, split(LONDON), EVENTS[LONDON][1:])
    rows = store.connection.execute(
        "SELECT event, role, position, country, sector, name, entity, text FROM participants "
        "ORDER BY role, position").fetchall()
    assert rows == [
        ("usa-gbr-accuse-rus", "actor", 0, "USA", "GOV", "United States", "state:USA", "United States"),
        ("usa-gbr-accuse-rus", "actor", 1, "GBR", "GOV", "United Kingdom", "state:GBR", "United Kingdom"),
        ("usa-gbr-accuse-rus", "recipient", 0, "RUS", "GOV", "Russia", "state:RUS", "Russia"),
    ]


def test_stored_record_is_the_event_json(filled):
    stored = {record["id"]: record for record in filled.events()}
    for events in EVENTS.values():
        for one in events:
            assert stored[one.id] == one.to_dict()


def test_event_columns(filled):
    row = filled.connection.execute(
        "SELECT doc_id, date, event, cameo, status, actor_country, recipient_country, size_count, size_unit, "
        "source, cue FROM events WHERE id = 'rus-expels-gbr'").fetchone()
    assert row == ("moscow", "2018-03-17", "SANCTION", "166", "actual", "RUS", "GBR", 23, "diplomats",
                   "Capital Wire", "answering")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        pytest.param(EventFilter(), ALL, id="no filter: date order, undated last"),
        pytest.param(EventFilter(dyad=("GBR", "RUS")),
                     ["gbr-expels-rus", "usa-gbr-accuse-rus", "rus-expels-gbr", "rus-threatens-gbr",
                      "rus-may-close-council"], id="dyad both directions"),
        pytest.param(EventFilter(dyad=("RUS", "GBR")),
                     ["gbr-expels-rus", "usa-gbr-accuse-rus", "rus-expels-gbr", "rus-threatens-gbr",
                      "rus-may-close-council"], id="dyad both directions, other order"),
        pytest.param(EventFilter(dyad=("GBR", "RUS"), both_directions=False),
                     ["gbr-expels-rus", "usa-gbr-accuse-rus"], id="dyad one direction"),
        pytest.param(EventFilter(dyad=("RUS", "GBR"), both_directions=False),
                     ["rus-expels-gbr", "rus-threatens-gbr", "rus-may-close-council"], id="dyad other direction"),
        pytest.param(EventFilter(dyad=("USA", "RUS"), both_directions=False),
                     ["usa-plans-closure", "usa-gbr-accuse-rus", "usa-consults-rus"],
                     id="dyad through a compound actor"),
        pytest.param(EventFilter(dyad=("GBR", "USA")), [], id="dyad without events"),
        pytest.param(EventFilter(event="SANCTION"),
                     ["usa-plans-closure", "rus-cuts-usa", "gbr-expels-rus", "rus-expels-gbr",
                      "rus-may-close-council"], id="type"),
        pytest.param(EventFilter(event="accuse"), ["usa-gbr-accuse-rus"], id="type in lower case"),
        pytest.param(EventFilter(statuses=("hypothetical",)), ["rus-may-close-council"], id="one status"),
        pytest.param(EventFilter(statuses=("actual", "planned")),
                     [name for name in ALL if name != "rus-may-close-council"], id="two statuses"),
        pytest.param(EventFilter(since=date(2018, 3, 15)),
                     ["usa-gbr-accuse-rus", "rus-expels-gbr", "rus-threatens-gbr", "rus-may-close-council"],
                     id="since is inclusive"),
        pytest.param(EventFilter(until=date(2018, 3, 14)),
                     ["usa-plans-closure", "rus-cuts-usa", "gbr-expels-rus"], id="until is inclusive"),
        pytest.param(EventFilter(since=date(2018, 3, 17), until=date(2018, 3, 17)),
                     ["rus-expels-gbr", "rus-threatens-gbr"], id="since and until on one day"),
        pytest.param(EventFilter(outlet="Northern Ledger"), ["gbr-expels-rus", "usa-gbr-accuse-rus"], id="outlet"),
        pytest.param(EventFilter(outlet="capital wire"),
                     ["rus-expels-gbr", "rus-threatens-gbr", "rus-may-close-council"], id="outlet in any case"),
        pytest.param(EventFilter(outlet="Nobody's Gazette"), [], id="unknown outlet"),
        pytest.param(EventFilter(dyad=("RUS", "GBR"), event="SANCTION", statuses=("actual",)),
                     ["gbr-expels-rus", "rus-expels-gbr"], id="dyad, type and status together"),
        pytest.param(EventFilter(dyad=("USA", "RUS"), since=date(2017, 1, 1), until=date(2017, 12, 31)),
                     ["usa-plans-closure", "rus-cuts-usa"], id="dyad within dates leaves undated out"),
    ],
)
def test_event_filter(filled, where, expected):
    assert [record["id"] for record in filled.events(where)] == expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        pytest.param(None, [("RUS", "GBR", 3), ("USA", "RUS", 3), ("GBR", "RUS", 2), ("RUS", "USA", 1)],
                     id="all statuses"),
        pytest.param(("actual",), [("GBR", "RUS", 2), ("RUS", "GBR", 2), ("USA", "RUS", 2), ("RUS", "USA", 1)],
                     id="actual"),
        pytest.param(("planned", "hypothetical"), [("RUS", "GBR", 1), ("USA", "RUS", 1)], id="two statuses"),
        pytest.param(("denied",), [], id="no such events"),
    ],
)
def test_dyad_counts(filled, statuses, expected):
    assert filled.dyad_counts(statuses) == expected


def test_dyad_counts_leave_out_events_within_one_country(store):
    internal = event(MOSCOW, 0, name="rus-rus", actor=("RUS",), recipient=("RUS",))
    no_recipient = event(MOSCOW, 1, name="rus-alone", recipient=())
    store.add(MOSCOW, split(MOSCOW), [internal, no_recipient, EVENTS[MOSCOW][0]])
    assert store.dyad_counts() == [("RUS", "GBR", 1)]


class BrokenEvent(Event):
    """An event that cannot be serialised."""

    def to_dict(self):
        raise RuntimeError("cannot serialise this event")


def broken_second_event(monkeypatch):
    first, second, *rest = EVENTS[MOSCOW]
    broken = BrokenEvent(**{field.name: getattr(second, field.name) for field in dataclasses.fields(second)})
    return [first, broken, *rest]


def failing_add_event(monkeypatch):
    original = Store._add_event
    calls = []

    def add_event(self, document_hash, one):
        if calls:
            raise RuntimeError("the disk caught fire")
        calls.append(one)
        original(self, document_hash, one)

    monkeypatch.setattr(Store, "_add_event", add_event)
    return EVENTS[MOSCOW]


def invalid_second_event(monkeypatch):
    first, second, *rest = EVENTS[MOSCOW]
    return [first, dataclasses.replace(second, cameo=None), *rest]  # NOT NULL column: the database refuses it


@pytest.mark.parametrize(
    ("make_events", "error"),
    [
        pytest.param(broken_second_event, RuntimeError, id="to_dict raises"),
        pytest.param(failing_add_event, RuntimeError, id="_add_event raises after the first event"),
        pytest.param(invalid_second_event, StoreError, id="the database refuses an event"),
    ],
)
def test_failed_add_rolls_back_the_whole_document(store, monkeypatch, make_events, error):
    assert store.add(LONDON, split(LONDON), EVENTS[LONDON])
    before = counts(store)
    with pytest.raises(error):
        store.add(MOSCOW, split(MOSCOW), make_events(monkeypatch))
    assert counts(store) == before
    assert not store.has(MOSCOW)
    assert store.has(LONDON)
    monkeypatch.undo()
    assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW]) is True
    assert store.count("events") == before["events"] + len(EVENTS[MOSCOW])


def test_database_error_names_the_store_and_the_document(store):
    with pytest.raises(StoreError) as caught:
        store.add(MOSCOW, split(MOSCOW), invalid_second_event(None))
    assert store.path in str(caught.value)
    assert "moscow.txt" in str(caught.value)


def test_rows_the_database_refuses_are_the_documents_fault(store):
    """A constraint the rows break (here NOT NULL) is this document's: recorded and skipped by a run, which
    goes on; the error is both an input error and a store error, and names the document and the store."""
    with pytest.raises(RefusedError) as caught:
        store.add(MOSCOW, split(MOSCOW), invalid_second_event(None))
    assert isinstance(caught.value, InputError) and isinstance(caught.value, StoreError)
    assert caught.value.source == "moscow.txt" and store.path in caught.value.reason


def test_a_failure_of_the_database_itself_is_no_refusal(store, monkeypatch):
    def failing(self, document_hash, one):
        raise DatabaseError(store.path, "disk I/O error")

    monkeypatch.setattr(Store, "_add_event", failing)
    with pytest.raises(StoreError) as caught:
        store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
    assert not isinstance(caught.value, RefusedError)


def not_a_database(tmp_path):
    path = tmp_path / "random.sqlite"
    path.write_bytes(random.Random(0).randbytes(4096))
    return path


def under_a_file(tmp_path):
    (tmp_path / "plain.txt").write_text("not a folder\n", encoding="utf-8")
    return tmp_path / "plain.txt" / "store.sqlite"


def a_folder(tmp_path):
    (tmp_path / "folder.sqlite").mkdir()
    return tmp_path / "folder.sqlite"


@pytest.mark.parametrize(
    "make_path",
    [
        pytest.param(not_a_database, id="random bytes"),
        pytest.param(under_a_file, id="parent is a file"),
        pytest.param(a_folder, id="a folder"),
    ],
)
def test_unusable_path_raises_store_error_naming_it(tmp_path, make_path):
    path = make_path(tmp_path)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("table", ["migrations", "sqlite_master", "events; DROP TABLE events"])
def test_count_only_counts_the_store_tables(store, table):
    with pytest.raises(StoreError):
        store.count(table)


def test_an_events_place_survives_the_store(database):
    place = Location(text="Moscow", name="Moscow", geonames_id=524901, lat=55.75222, lon=37.61556, country="RUS",
                     region="RU.48", resolution="city", source="dateline")
    located = dataclasses.replace(EVENTS[MOSCOW][0], event_loc=place)
    with Store.open(database) as store:
        store.add(MOSCOW, split(MOSCOW), [located])
        record = next(r for r in store.events() if r["id"] == located.id)
    assert record["event_loc"] == place.to_dict()
    assert Location(**record["event_loc"]) == place
