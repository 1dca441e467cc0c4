import csv
import dataclasses
import io
import json
import os
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from detente.errors import UsageError
from detente.export import (
    AGGREGATED_COLUMNS,
    CSV_COLUMNS,
    GDELT_EVENT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    TABLE_HEADER,
    Written,
    aggregated_row,
    fraction_date,
    gdelt_event_row,
    gdelt_mention_rows,
    table_rows,
    write_aggregated_csv,
    write_aggregated_jsonl,
    write_aggregated_parquet,
    write_csv,
    write_gdelt_events,
    write_gdelt_mentions,
    write_jsonl,
)
from detente.records import Entity, Event, Location, Size

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
    cue="calling", confidence=0.83,
)


def event(**changes):
    return dataclasses.replace(BASE, **changes)


FULL = event()
SPARSE = event(id="e2", date=None, date_source="publication", mode=None, context=(), recipient=(), size=None,
               source=None, cue=None, status="threatened", goldstein=-7, cameo="0311", quad_class=3, confidence=None)
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
        (FULL, "confidence", 0.83),
        (SPARSE, "confidence", None),
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
        (FULL, "confidence", "0.83"),
        (SPARSE, "confidence", ""),
    ],
)
def test_csv_values(one, column, expected):
    _, [row] = csv_rows([one])
    assert row[column] == expected


MOSCOW_PLACE = Location(text="MOSCOW", name="Moscow", geonames_id=524901, lat=55.75222, lon=37.61556, country="RUS",
                        region="RU.48", resolution="city", source="dateline")


def test_csv_carries_the_events_place():
    _, [located, unplaced] = csv_rows([event(event_loc=MOSCOW_PLACE), FULL])
    assert {k: v for k, v in located.items() if k.startswith("location_")} == {
        "location_name": "Moscow", "location_country": "RUS", "location_region": "RU.48",
        "location_lat": "55.75222", "location_lon": "37.61556", "location_geonames_id": "524901",
        "location_resolution": "city", "location_source": "dateline"}
    assert all(unplaced[k] == "" for k in unplaced if k.startswith("location_"))


def test_jsonl_carries_the_events_place():
    [record] = jsonl([event(event_loc=MOSCOW_PLACE)])
    assert record["event_loc"] == dataclasses.asdict(MOSCOW_PLACE)
    assert jsonl([FULL])[0]["event_loc"] is None


def test_csv_text_with_commas_quotes_and_newlines_round_trips():
    _, rows = csv_rows(EVENTS)
    assert [row["text"] for row in rows] == [TEXT, TEXT, TEXT, TRICKY_TEXT]
    assert [row["id"] for row in rows] == ["e1", "e2", "e3", "e4"]


@pytest.mark.parametrize(
    ("one", "expected"),
    [
        (FULL, ["2018-03-17", "RUS", "SANCTION 166", "GBR", "23 diplomats", "actual", "0.83", "expel",
                "Capital Wire", "moscow"]),
        (SPARSE, ["?", "RUS", "SANCTION 0311", "-", "", "threatened", "–", "expel", "", "moscow"]),
        (COMPOUND, ["2018-03-17", "USA+GBR", "SANCTION 166", "RUS+BLR", "23 diplomats", "actual", "0.83", "expel",
                    "Capital Wire", "moscow"]),
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


# --- Aggregated events ---------------------------------------------------------------------------

# Two articles about London's expulsion of 23 Russian diplomats in March 2018, in our own words.
LEDGER = ("LONDON, March 14 (Harbour Ledger) - Britain said on Wednesday it would expel 23 Russian diplomats "
          "over the nerve agent attack in Salisbury. Downing Street gave them a week to leave.")
COURIER = ("Moscow warned of a reply. The UK government on Wednesday ordered 23 Russian diplomats out of the "
           "country, the largest expulsion in three decades.")


def state(country, name, text, sector="GOV"):
    return {"text": text, "name": name, "country": country, "sector": sector, "id": f"state:{country}"}


def in_document(document, sentence_text, trigger, *, doc_id, source, url, published, actor, recipient, index=0,
                confidence=None):
    """A mention whose offsets point into ``document``, as the store keeps them."""
    start = document.index(sentence_text)
    trigger_start = document.index(trigger, start)
    return {
        "event": f"m-{doc_id}-{index}", "doc_id": doc_id, "source": source, "url": url, "published": published,
        "date": "2018-03-14", "date_source": "explicit", "sentence": index, "text": sentence_text,
        "trigger": trigger, "trigger_span": [trigger_start, trigger_start + len(trigger)],
        "span": [start, start + len(sentence_text)], "size": {"count": 23, "unit": "diplomats"},
        "actor": actor, "recipient": recipient, "status": "actual", "doc_length": len(document),
        "confidence": confidence,
    }


BRITAIN, RUSSIA = state("GBR", "United Kingdom", "Britain"), state("RUS", "Russia", "Russian")
LEDGER_SENTENCE = LEDGER[:LEDGER.index(". Downing") + 1]
COURIER_SENTENCE = COURIER[COURIER.index("The UK"):]
MENTIONS = [
    in_document(LEDGER, LEDGER_SENTENCE, "expel", doc_id="ledger-0314", source="Harbour Ledger", url=None,
                published="2018-03-14", actor=[BRITAIN], recipient=[RUSSIA], confidence=0.81),
    in_document(COURIER, COURIER_SENTENCE, "ordered", doc_id="courier-0315", source="Courier",
                url="https://courier.example/2018/03/15/expulsions", published="2018-03-15",
                actor=[state("GBR", "United Kingdom", "The UK government")], recipient=[RUSSIA], index=1,
                confidence=0.647),
    # A second report in the same article, whose recipient the sentence does not name.
    in_document(LEDGER, "Downing Street gave them a week to leave.", "gave", doc_id="ledger-0314",
                source="Harbour Ledger", url=None, published="2018-03-14",
                actor=[state("GBR", "United Kingdom", "Downing Street")], recipient=[RUSSIA], index=1),
]


def aggregated(**changes):
    """An aggregated event as the store hands it over: London's expulsion, unless ``changes`` say otherwise."""
    base = {
        "id": "agg-gbr-expel", "number": 7, "doc_id": "ledger-0314", "date": "2018-03-14",
        "date_source": "explicit", "date_precision": "day", "event": "SANCTION", "mode": "expel",
        "context": ["diplomatic"], "cameo": "166", "quad_class": 4, "goldstein": -4.0,
        "actor": [BRITAIN], "recipient": [RUSSIA],
        "size": {"count": 23, "unit": "diplomats", "relation": "affected", "text": "23 Russian diplomats"},
        "status": "actual", "text": LEDGER_SENTENCE, "span": MENTIONS[0]["span"], "trigger": "expel",
        "trigger_span": MENTIONS[0]["trigger_span"], "sentence": 0, "source": "Harbour Ledger",
        "mentions": MENTIONS, "sources": ["Courier", "Harbour Ledger"], "first_seen": "2018-03-14",
        "last_seen": "2018-03-15", "links": [], "disagreements": {}, "confidence": 0.9329, "independent_sources": 2,
    }
    return {**base, **changes}


LONDON = aggregated()
MOSCOW = aggregated(
    id="agg-rus-expel", number=8, date="2018-03-17", actor=[state("RUS", "Russia", "Moscow")],
    recipient=[state("GBR", "United Kingdom", "British")], sentence=3, first_seen="2018-03-17",
    last_seen="2018-03-17", text='Moscow said it would expel 23 British diplomats, calling the step "a provocation".',
    mentions=MENTIONS[1:2], sources=["Courier"],
    links=[{"type": "responds_to", "event": "agg-gbr-expel", "number": 7, "cue": "in response to",
            "evidence": "Moscow replied in kind.", "doc_id": "courier-0318", "score": 1.0},
           {"type": "inferred", "event": "agg-earlier", "number": 6, "cue": None, "evidence": None, "doc_id": None,
            "score": 0.4}],
    disagreements={"size": [23, 25]},
)
NATO = aggregated(
    id="agg-nato", number=9, date="2018-03-27", actor=[state("NATO", "North Atlantic Treaty Organization",
                                                              "NATO", sector="IGO")],
    recipient=[RUSSIA], size=None, cameo="0311", quad_class=3, goldstein=-5.0, date_precision=None,
    mentions=MENTIONS[1:2], sources=["Courier"], first_seen=None, last_seen=None, mode=None, confidence=None,
    independent_sources=None,
    text="NATO also cut the size of Russia's mission.\nOfficials called it\ta signal.",
)
UNDATED = aggregated(id="agg-undated", number=10, date=None, first_seen=None, last_seen=None)
AGGREGATED = [LONDON, MOSCOW, NATO]


def gdelt(record):
    return dict(zip(GDELT_EVENT_COLUMNS, gdelt_event_row(record), strict=True))


def test_gdelt_columns_are_the_codebook():
    assert len(GDELT_EVENT_COLUMNS) == 61 == len(set(GDELT_EVENT_COLUMNS))
    assert GDELT_EVENT_COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_EVENT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                                          "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                          "NumArticles", "AvgTone"]
    assert "Actor2Geo_ADM2Code" in GDELT_EVENT_COLUMNS
    assert GDELT_EVENT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    assert len(GDELT_MENTION_COLUMNS) == 16


@pytest.mark.parametrize("record", AGGREGATED, ids=lambda r: r["id"])
def test_gdelt_event_row_has_61_fields(record):
    row = gdelt_event_row(record)
    assert len(row) == 61
    assert all(isinstance(value, str) and "\t" not in value and "\n" not in value for value in row)


@pytest.mark.parametrize(
    ("record", "column", "expected"),
    [
        (LONDON, "GLOBALEVENTID", "7"),
        (LONDON, "SQLDATE", "20180314"),
        (LONDON, "MonthYear", "201803"),
        (LONDON, "Year", "2018"),
        (LONDON, "FractionDate", "2018.2000"),  # 14 March is day 73: 73 / 365 = 0.2
        (MOSCOW, "FractionDate", "2018.2082"),  # day 76
        (LONDON, "Actor1Code", "GBRGOV"),
        (LONDON, "Actor1Name", "UNITED KINGDOM"),
        (LONDON, "Actor1CountryCode", "GBR"),
        (LONDON, "Actor1KnownGroupCode", ""),
        (LONDON, "Actor1Type1Code", "GOV"),
        (LONDON, "Actor1EthnicCode", ""),
        (LONDON, "Actor2Code", "RUSGOV"),
        (LONDON, "Actor2CountryCode", "RUS"),
        (NATO, "Actor1Code", "NATO"),
        (NATO, "Actor1Name", "NORTH ATLANTIC TREATY ORGANIZATION"),
        (NATO, "Actor1CountryCode", ""),
        (NATO, "Actor1KnownGroupCode", "NATO"),
        (NATO, "Actor1Type1Code", "IGO"),
        (LONDON, "IsRootEvent", "1"),
        (aggregated(sentence=1), "IsRootEvent", "1"),  # the first sentence after a headline or dateline
        (aggregated(sentence=2), "IsRootEvent", "0"),
        (MOSCOW, "IsRootEvent", "0"),
        (LONDON, "EventCode", "166"),
        (LONDON, "EventBaseCode", "166"),
        (LONDON, "EventRootCode", "16"),
        (NATO, "EventCode", "0311"),
        (NATO, "EventBaseCode", "031"),
        (NATO, "EventRootCode", "03"),
        (aggregated(cameo="16"), "EventCode", "160"),
        (aggregated(cameo="16"), "EventBaseCode", "160"),
        (aggregated(cameo="16"), "EventRootCode", "16"),
        (LONDON, "QuadClass", "4"),
        (LONDON, "GoldsteinScale", "-4.0"),
        (LONDON, "NumMentions", "3"),
        (LONDON, "NumSources", "2"),
        (LONDON, "NumArticles", "2"),
        (MOSCOW, "NumArticles", "1"),
        (LONDON, "AvgTone", ""),
        (LONDON, "ActionGeo_Lat", ""),
        (LONDON, "DATEADDED", "20180314000000"),
        (NATO, "DATEADDED", "20180327000000"),  # not seen in a dated article: the event's date
        (LONDON, "SOURCEURL", "https://courier.example/2018/03/15/expulsions"),
        (aggregated(mentions=MENTIONS[:1]), "SOURCEURL", "ledger-0314"),
    ],
)
def test_gdelt_event_values(record, column, expected):
    assert gdelt(record)[column] == expected


def place(name, country, resolution, region=None, geonames_id=1, lat=1.5, lon=-2.5):
    return {"text": name, "name": name, "geonames_id": geonames_id, "lat": lat, "lon": lon, "country": country,
            "region": region, "resolution": resolution, "source": "sentence"}


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (place("Houston", "USA", "city", "US.TX", 4699066, 29.76328, -95.36327),
         ["3", "Houston, Texas, United States", "US", "USTX", "", "29.76328", "-95.36327", "4699066"]),
        (place("Moscow", "RUS", "city", "RU.48", 524901), ["4", "Moscow, Russia", "RS", "RS48", "", "1.5", "-2.5",
                                                            "524901"]),
        (place("Texas", "USA", "region", "US.TX"), ["2", "Texas, United States", "US", "USTX", "", "1.5", "-2.5", "1"]),
        (place("United Kingdom", "GBR", "country"), ["1", "United Kingdom", "UK", "UK", "", "1.5", "-2.5", "1"]),
    ],
    ids=["us-city", "world-city", "us-state", "country"],
)
def test_gdelt_action_geography_comes_from_the_events_place(location, expected):
    row = gdelt(aggregated(event_loc=location))
    assert [row[f"ActionGeo_{name}"] for name in
            ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]] == expected
    assert row["Actor1Geo_FullName"] == row["Actor2Geo_FullName"] == ""


def test_the_flat_table_carries_the_events_place():
    row = aggregated_row(aggregated(event_loc=place("Moscow", "RUS", "city", "RU.48", 524901)))
    assert (row["location_name"], row["location_country"], row["location_lat"], row["location_geonames_id"]) == \
        ("Moscow", "RUS", 1.5, 524901)
    assert aggregated_row(LONDON)["location_name"] is None


def test_gdelt_geography_comes_from_the_geo_hook_only():
    place = {"type": 4, "full_name": "Salisbury, Wiltshire, United Kingdom", "country_code": "UK",
             "adm1_code": "UKP4", "lat": 51.07, "long": -1.79, "feature_id": "-2604469"}
    row = gdelt(aggregated(geo={"action": place}))
    assert row["ActionGeo_FullName"] == "Salisbury, Wiltshire, United Kingdom"
    assert row["ActionGeo_Lat"] == "51.07"
    assert row["ActionGeo_ADM2Code"] == ""
    assert row["Actor1Geo_FullName"] == ""


@pytest.mark.parametrize("day", [date(2018, 1, 1), date(2018, 7, 2), date(2020, 12, 30)])
def test_fraction_date_is_year_plus_day_of_year_over_365(day):
    assert fraction_date(day) == round(day.year + day.timetuple().tm_yday / 365, 4)


def test_gdelt_needs_the_aggregated_number():
    with pytest.raises(UsageError, match="number"):
        gdelt_event_row(aggregated(number=None))


def read_gdelt(path, columns, header):
    return pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, header=0 if header else None,
                       names=None if header else columns, dtype={"EventCode": str, "EventBaseCode": str,
                                                                 "EventRootCode": str})


@pytest.mark.parametrize("header", [True, False], ids=["header", "no header"])
def test_gdelt_events_file_reads_back_with_pandas(tmp_path, header):
    path = tmp_path / "events.tsv"
    assert write_gdelt_events(AGGREGATED, path, header=header) == Written(rows=3, skipped=0)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 + header
    assert (lines[0] == "\t".join(GDELT_EVENT_COLUMNS)) is header
    assert all(len(line.split("\t")) == 61 for line in lines)
    frame = read_gdelt(path, GDELT_EVENT_COLUMNS, header)
    assert frame.shape == (3, 61)
    assert list(frame.columns) == GDELT_EVENT_COLUMNS
    dtypes = frame.dtypes.astype(str).to_dict()
    for column in ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
                   "NumSources", "NumArticles", "DATEADDED"]:
        assert dtypes[column] == "int64", column
    for column in ["FractionDate", "GoldsteinScale", "AvgTone"]:
        assert dtypes[column] == "float64", column
    assert frame["GLOBALEVENTID"].tolist() == [7, 8, 9]
    assert frame["EventCode"].tolist() == ["166", "166", "0311"]
    assert frame["AvgTone"].isna().all()
    assert frame["Actor1KnownGroupCode"].tolist()[2] == "NATO"


def test_gdelt_undated_events_are_skipped_and_counted(tmp_path):
    events_path, mentions_path = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    assert gdelt_event_row(UNDATED) is None
    assert gdelt_mention_rows(UNDATED) == []
    assert write_gdelt_events([LONDON, UNDATED, NATO], events_path) == Written(rows=2, skipped=1)
    assert write_gdelt_mentions([LONDON, UNDATED, NATO], mentions_path) == Written(rows=4, skipped=1)
    assert "agg-undated" not in events_path.read_text(encoding="utf-8")
    ids = {line.split("\t")[0] for line in mentions_path.read_text(encoding="utf-8").splitlines()[1:]}
    assert ids == {"7", "9"}


def mention_rows(record):
    return [dict(zip(GDELT_MENTION_COLUMNS, row, strict=True)) for row in gdelt_mention_rows(record)]


def test_gdelt_mention_rows_have_16_fields():
    rows = gdelt_mention_rows(LONDON)
    assert len(rows) == len(MENTIONS)
    assert all(len(row) == 16 for row in rows)


@pytest.mark.parametrize(
    ("index", "column", "expected"),
    [
        (0, "GLOBALEVENTID", "7"),
        (0, "EventTimeDate", "20180314000000"),
        (1, "EventTimeDate", "20180314000000"),
        (1, "MentionTimeDate", "20180315000000"),
        (0, "MentionType", "1"),
        (0, "MentionSourceName", "Harbour Ledger"),
        (0, "MentionIdentifier", "ledger-0314"),
        (1, "MentionIdentifier", "https://courier.example/2018/03/15/expulsions"),
        (0, "SentenceID", "1"),
        (2, "SentenceID", "2"),
        (0, "InRawText", "1"),
        (2, "InRawText", "0"),  # "them": the sentence does not name the recipient
        (2, "Actor2CharOffset", "-1"),
        (0, "Confidence", "81"),  # GDELT's percentage, from the report's confidence
        (1, "Confidence", "65"),  # rounded to a whole percentage
        (2, "Confidence", ""),  # a report without a confidence
        (0, "MentionDocLen", str(len(LEDGER))),
        (1, "MentionDocLen", str(len(COURIER))),
        (0, "MentionDocTone", ""),
        (0, "MentionDocTranslationInfo", ""),
    ],
)
def test_gdelt_mention_values(index, column, expected):
    assert mention_rows(LONDON)[index][column] == expected


@pytest.mark.parametrize(
    ("index", "document", "column", "words"),
    [
        (0, LEDGER, "ActionCharOffset", "expel"),
        (0, LEDGER, "Actor1CharOffset", "Britain"),
        (0, LEDGER, "Actor2CharOffset", "Russian"),
        (1, COURIER, "ActionCharOffset", "ordered"),
        (1, COURIER, "Actor1CharOffset", "The UK government"),
        (1, COURIER, "Actor2CharOffset", "Russian"),
        (2, LEDGER, "Actor1CharOffset", "Downing Street"),
        (2, LEDGER, "ActionCharOffset", "gave"),
    ],
)
def test_gdelt_mention_offsets_point_into_the_document(index, document, column, words):
    offset = int(mention_rows(LONDON)[index][column])
    assert document[offset:offset + len(words)] == words


def test_gdelt_mentions_without_a_publication_date_or_source_leave_them_empty():
    bare = dict(MENTIONS[0], published=None, source=None)
    [row] = mention_rows(aggregated(mentions=[bare]))
    assert row["MentionTimeDate"] == "" and row["MentionSourceName"] == ""


def test_gdelt_values_lose_tabs_and_line_breaks(tmp_path):
    messy = dict(MENTIONS[1], source="Harbour\tLedger\nWeekly", url="ledger\r\n0314")
    path = tmp_path / "mentions.tsv"
    write_gdelt_mentions([aggregated(mentions=[messy])], path, header=False)
    [line] = path.read_text(encoding="utf-8").splitlines()
    fields = line.split("\t")
    assert len(fields) == 16
    assert fields[4] == "Harbour Ledger Weekly" and fields[5] == "ledger 0314"
    frame = read_gdelt(path, GDELT_MENTION_COLUMNS, header=False)
    assert frame.shape == (1, 16)
    assert str(frame["ActionCharOffset"].dtype) == "int64"


def test_gdelt_mentions_file_reads_back_with_pandas(tmp_path):
    path = tmp_path / "mentions.tsv"
    assert write_gdelt_mentions(AGGREGATED, path) == Written(rows=5, skipped=0)
    frame = read_gdelt(path, GDELT_MENTION_COLUMNS, header=True)
    assert list(frame.columns) == GDELT_MENTION_COLUMNS
    assert frame.shape == (5, 16)
    for column in ["GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "SentenceID", "Actor1CharOffset",
                   "Actor2CharOffset", "ActionCharOffset", "InRawText", "MentionDocLen"]:
        assert str(frame[column].dtype) == "int64", column


def test_aggregated_jsonl_is_the_dict_with_iso_dates(tmp_path):
    path = tmp_path / "events.jsonl"
    with_dates = aggregated(date=date(2018, 3, 14), first_seen=date(2018, 3, 14),
                            text="Britain’s move — 23 diplomats.")
    assert write_aggregated_jsonl([with_dates, MOSCOW], path) == 2
    content = path.read_text(encoding="utf-8")
    assert "Britain’s move — 23 diplomats." in content
    first, second = [json.loads(line) for line in content.splitlines()]
    assert first == aggregated(text="Britain’s move — 23 diplomats.")
    assert second == MOSCOW


def test_aggregated_row_columns():
    assert list(aggregated_row(LONDON)) == AGGREGATED_COLUMNS


def read_aggregated_csv(tmp_path, events):
    path = tmp_path / "events.csv"
    assert write_aggregated_csv(events, path) == len(events)
    return path, pd.read_csv(path, keep_default_na=True)


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (0, "id", 7),
        (0, "key", "agg-gbr-expel"),
        (0, "date", "2018-03-14"),
        (0, "actor_country", "GBR"),
        (0, "actor_countries", "GBR"),
        (0, "size_count", 23),
        (0, "size_relation", "affected"),
        (0, "mentions", 3),
        (0, "sources", 2),
        (0, "outlets", "Courier;Harbour Ledger"),
        (0, "first_seen", "2018-03-14"),
        (1, "responds_to", 7),
        (1, "inferred_from", 6),
        (1, "text", 'Moscow said it would expel 23 British diplomats, calling the step "a provocation".'),
        (2, "text", "NATO also cut the size of Russia's mission.\nOfficials called it\ta signal."),
        (2, "actor_country", "NATO"),
        (2, "actor_sector", "IGO"),
        (0, "confidence", 0.9329),
        (0, "independent_sources", 2),
    ],
)
def test_aggregated_csv_values_with_pandas(tmp_path, row, column, expected):
    _, frame = read_aggregated_csv(tmp_path, AGGREGATED)
    assert frame[column].tolist()[row] == expected


def test_aggregated_csv_types_and_missing_values(tmp_path):
    path, frame = read_aggregated_csv(tmp_path, [*AGGREGATED, UNDATED])
    assert list(frame.columns) == AGGREGATED_COLUMNS
    assert frame.shape == (4, len(AGGREGATED_COLUMNS))
    dtypes = frame.dtypes.astype(str).to_dict()
    assert dtypes["id"] == dtypes["quad_class"] == dtypes["mentions"] == dtypes["sources"] == "int64"
    assert dtypes["goldstein"] == dtypes["confidence"] == "float64"
    assert pd.isna(frame.iloc[2]["confidence"]) and pd.isna(frame.iloc[2]["independent_sources"])
    assert frame["cameo"].tolist() == [166, 166, 311, 166]  # pandas guesses; dtype={"cameo": str} keeps "0311"
    assert pd.read_csv(path, dtype={"cameo": str})["cameo"].tolist() == ["166", "166", "0311", "166"]
    nato, undated = frame.iloc[2], frame.iloc[3]
    assert pd.isna(nato["size_count"]) and pd.isna(nato["mode"]) and pd.isna(nato["first_seen"])
    assert pd.isna(undated["date"]) and pd.isna(frame.iloc[0]["responds_to"])
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[2]["size_count"] == "" and rows[2]["date_precision"] == "" and rows[3]["date"] == ""


def test_aggregated_parquet_types(tmp_path):
    path = tmp_path / "events.parquet"
    assert write_aggregated_parquet([*AGGREGATED, UNDATED], path) == 4
    schema = pq.read_schema(path)
    types = {name: str(schema.field(name).type) for name in schema.names}
    assert schema.names == AGGREGATED_COLUMNS
    assert types["date"] == types["first_seen"] == types["last_seen"] == "date32[day]"
    assert types["id"] == types["size_count"] == types["mentions"] == "int64"
    assert types["goldstein"] == types["confidence"] == "double"
    assert types["independent_sources"] == "int64"
    assert types["outlets"] == types["actor_countries"] == "list<element: string>"
    assert types["responds_to"] == types["inferred_from"] == "list<element: int64>"


def test_aggregated_parquet_round_trip_with_pandas(tmp_path):
    path = tmp_path / "events.parquet"
    write_aggregated_parquet([*AGGREGATED, UNDATED], path)
    frame = pd.read_parquet(path)
    assert list(frame.columns) == AGGREGATED_COLUMNS
    assert frame["id"].tolist() == [7, 8, 9, 10]
    assert frame["key"].tolist() == ["agg-gbr-expel", "agg-rus-expel", "agg-nato", "agg-undated"]
    assert frame["date"].tolist()[:3] == [date(2018, 3, 14), date(2018, 3, 17), date(2018, 3, 27)]
    assert pd.isna(frame["date"].tolist()[3])
    assert frame["cameo"].tolist()[2] == "0311"
    assert pd.isna(frame["size_count"].tolist()[2]) and frame["size_count"].tolist()[0] == 23
    assert list(frame["outlets"].tolist()[0]) == ["Courier", "Harbour Ledger"]
    assert list(frame["responds_to"].tolist()[1]) == [7]
    assert list(frame["inferred_from"].tolist()[1]) == [6]
    assert list(frame["responds_to"].tolist()[0]) == []
    assert frame["text"].tolist()[2] == NATO["text"]
    assert frame["confidence"].tolist()[0] == 0.9329 and pd.isna(frame["confidence"].tolist()[2])
    assert frame["independent_sources"].tolist()[0] == 2


WRITERS = [
    ("jsonl", write_aggregated_jsonl),
    ("gdelt events", write_gdelt_events),
    ("gdelt mentions", write_gdelt_mentions),
    ("csv", write_aggregated_csv),
    ("parquet", write_aggregated_parquet),
]


def failing(events):
    yield from events
    raise RuntimeError("the store went away")


@pytest.mark.parametrize("writer", [w for _, w in WRITERS], ids=[n for n, _ in WRITERS])
def test_a_failing_writer_keeps_the_old_file(tmp_path, writer):
    path = tmp_path / "out"
    path.write_text("old content\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="store went away"):
        writer(failing(AGGREGATED), path)
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert os.listdir(tmp_path) == ["out"]


@pytest.mark.parametrize("writer", [w for _, w in WRITERS], ids=[n for n, _ in WRITERS])
def test_a_failing_writer_leaves_no_file(tmp_path, writer):
    with pytest.raises(RuntimeError):
        writer(failing(AGGREGATED), tmp_path / "out")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("writer", [w for _, w in WRITERS], ids=[n for n, _ in WRITERS])
def test_a_writer_replaces_the_file_and_keeps_its_permissions(tmp_path, writer):
    path = tmp_path / "out"
    path.write_text("old content\n", encoding="utf-8")
    path.chmod(0o640)
    writer(AGGREGATED, path)
    assert path.read_bytes() != b"old content\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["out"]


@pytest.mark.parametrize(("name", "writer"), WRITERS, ids=[n for n, _ in WRITERS])
def test_writers_write_to_streams(name, writer):
    out = io.BytesIO() if name == "parquet" else io.StringIO()
    result = writer(AGGREGATED, out)
    assert (result.rows if isinstance(result, Written) else result) > 0
    assert out.getvalue()
