import csv
import dataclasses
import io
import json
from datetime import date

import pytest

from detente.export import CSV_COLUMNS, TABLE_HEADER, table_rows, write_csv, write_jsonl
from detente.records import Entity, Event, Size

TEXT = 'Russia said on Saturday, March 17, it would expel 23 British diplomats, calling London\'s move "provocative".'
TRICKY_TEXT = 'Moscow, in turn, "regretted" the step;\nit said, quote, "we will respond".\r\nEnd, "finally".'


def entity(country, name, sector="GOV", text=None):
    return Entity(text=text or name, name=name, country=country, sector=sector, id=f"state:{country}")


BASE = Event(
    id="e1", doc_id="moscow", date=date(2018, 3, 17), date_source="explicit", event="SANCTION", mode="expel",
    context=("diplomatic",), cameo="166", quad_class=4, goldstein=-4.0,
    actor=(entity("RUS", "Russia", text="Moscow"),), recipient=(entity("GBR", "United Kingdom", text="British"),),
    size=Size(count=23, unit="diplomats", text="23 British diplomats"), status="actual", text=TEXT,
    span=(120, 120 + len(TEXT)), trigger="expel", trigger_span=(165, 170), sentence=2, source="Capital Wire",
    cue="calling",
)


def event(**changes):
    return dataclasses.replace(BASE, **changes)


FULL = event()
SPARSE = event(id="e2", date=None, date_source="publication", mode=None, context=(), recipient=(), size=None,
               source=None, cue=None, status="threatened", goldstein=-7, cameo="0311", quad_class=3)
COMPOUND = event(id="e3", actor=(entity("USA", "United States", text="Washington"),
                                 entity("GBR", "United Kingdom", sector=None, text="London")),
                 recipient=(entity("RUS", "Russia"), entity("BLR", "Belarus")), context=("diplomatic", "economic"))
TRICKY = event(id="e4", text=TRICKY_TEXT, trigger='"regretted"')
EVENTS = [FULL, SPARSE, COMPOUND, TRICKY]

# The contract of shared/spec/event-record.md: field → JSON types allowed.
NUMBER = (int, float)
CONTRACT = {
    "id": (str,), "doc_id": (str,), "date": (str, type(None)), "date_source": (str,), "event": (str,),
    "mode": (str, type(None)), "context": (list,), "cameo": (str,), "quad_class": (int,), "goldstein": NUMBER,
    "actor": (list,), "recipient": (list,), "size": (dict, type(None)), "status": (str,), "text": (str,),
    "span": (list,), "trigger": (str,),
}
ENTITY = {"text": (str,), "name": (str,), "country": (str, type(None)), "sector": (str, type(None)), "id": (str,)}


def jsonl(events):
    out = io.StringIO()
    assert write_jsonl(events, out) == len(events)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def csv_rows(events):
    out = io.StringIO()
    assert write_csv(events, out) == len(events)
    out.seek(0)
    reader = csv.DictReader(out)
    return reader.fieldnames, list(reader)


def has_type(value, types):
    return isinstance(value, types) and not (isinstance(value, bool) and bool not in types)


@pytest.mark.parametrize("one", EVENTS, ids=lambda e: e.id)
def test_jsonl_carries_the_contract(one):
    [record] = jsonl([one])
    missing = set(CONTRACT) - set(record)
    assert not missing
    wrong = {name: type(record[name]).__name__ for name, types in CONTRACT.items()
             if not has_type(record[name], types)}
    assert not wrong
    assert all(isinstance(context, str) for context in record["context"])
    assert len(record["span"]) == 2 and all(has_type(offset, (int,)) for offset in record["span"])
    for entity_record in record["actor"] + record["recipient"]:
        assert set(entity_record) >= set(ENTITY)
        assert all(has_type(entity_record[name], types) for name, types in ENTITY.items())
    if record["size"] is not None:
        assert has_type(record["size"]["count"], (int,)) and has_type(record["size"]["unit"], (str,))


@pytest.mark.parametrize(
    ("one", "field", "expected"),
    [
        (FULL, "date", "2018-03-17"),
        (SPARSE, "date", None),
        (FULL, "cameo", "166"),
        (SPARSE, "cameo", "0311"),
        (FULL, "quad_class", 4),
        (SPARSE, "goldstein", -7),
        (FULL, "context", ["diplomatic"]),
        (SPARSE, "context", []),
        (FULL, "size", {"count": 23, "unit": "diplomats", "relation": "affected", "text": "23 British diplomats"}),
        (SPARSE, "size", None),
        (SPARSE, "recipient", []),
        (FULL, "span", [120, 120 + len(TEXT)]),
        (FULL, "actor", [{"text": "Moscow", "name": "Russia", "country": "RUS", "sector": "GOV", "id": "state:RUS"}]),
        (COMPOUND, "actor", [
            {"text": "Washington", "name": "United States", "country": "USA", "sector": "GOV", "id": "state:USA"},
            {"text": "London", "name": "United Kingdom", "country": "GBR", "sector": None, "id": "state:GBR"},
        ]),
        (TRICKY, "text", TRICKY_TEXT),
    ],
)
def test_jsonl_values(one, field, expected):
    [record] = jsonl([one])
    assert record[field] == expected


def test_jsonl_writes_one_line_per_event_and_accepts_stored_records():
    records = jsonl(EVENTS)
    assert [record["id"] for record in records] == ["e1", "e2", "e3", "e4"]
    assert jsonl(records) == records


def test_jsonl_keeps_non_ascii_text_readable():
    out = io.StringIO()
    write_jsonl([event(text="Prague’s move angered Moscow — again.")], out)
    assert "Prague’s move angered Moscow — again." in out.getvalue()


@pytest.mark.parametrize("as_records", [False, True], ids=["events", "stored records"])
def test_csv_header_is_the_csv_columns(as_records):
    events = [one.to_dict() for one in EVENTS] if as_records else EVENTS
    header, rows = csv_rows(events)
    assert header == CSV_COLUMNS
    assert len(rows) == len(EVENTS)


@pytest.mark.parametrize(
    ("one", "column", "expected"),
    [
        (FULL, "actor_country", "RUS"),
        (FULL, "actor_text", "Moscow"),
        (FULL, "recipient_country", "GBR"),
        (FULL, "size_count", "23"),
        (FULL, "size_unit", "diplomats"),
        (FULL, "span_start", "120"),
        (FULL, "cameo", "166"),
        (FULL, "goldstein", "-4.0"),
        (COMPOUND, "actor_country", "USA;GBR"),
        (COMPOUND, "actor_name", "United States;United Kingdom"),
        (COMPOUND, "actor_sector", "GOV;"),
        (COMPOUND, "actor_text", "Washington;London"),
        (COMPOUND, "recipient_country", "RUS;BLR"),
        (COMPOUND, "context", "diplomatic;economic"),
        (SPARSE, "date", ""),
        (SPARSE, "mode", ""),
        (SPARSE, "recipient_country", ""),
        (SPARSE, "size_count", ""),
        (SPARSE, "source", ""),
        (SPARSE, "cameo", "0311"),
        (TRICKY, "text", TRICKY_TEXT),
        (TRICKY, "trigger", '"regretted"'),
    ],
)
def test_csv_values(one, column, expected):
    _, [row] = csv_rows([one])
    assert row[column] == expected


def test_csv_text_with_commas_quotes_and_newlines_round_trips():
    _, rows = csv_rows(EVENTS)
    assert [row["text"] for row in rows] == [TEXT, TEXT, TEXT, TRICKY_TEXT]
    assert [row["id"] for row in rows] == ["e1", "e2", "e3", "e4"]


@pytest.mark.parametrize(
    ("one", "expected"),
    [
        (FULL, ["2018-03-17", "RUS", "SANCTION 166", "GBR", "23 diplomats", "actual", "expel", "moscow"]),
        (SPARSE, ["?", "RUS", "SANCTION 0311", "-", "", "threatened", "expel", "moscow"]),
        (COMPOUND, ["2018-03-17", "USA+GBR", "SANCTION 166", "RUS+BLR", "23 diplomats", "actual", "expel", "moscow"]),
    ],
    ids=["full", "sparse", "compound"],
)
def test_table_row(one, expected):
    assert table_rows([one]) == [expected]
    assert table_rows([one.to_dict()]) == [expected]


def test_table_rows_shape():
    rows = table_rows(EVENTS)
    assert len(rows) == len(EVENTS)
    assert all(len(row) == len(TABLE_HEADER) for row in rows)
    assert all(isinstance(cell, str) for row in rows for cell in row)
    assert table_rows([]) == []
