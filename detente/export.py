"""Writing events.

Coded events (one per mention): JSON Lines (the record of shared/spec/event-record.md), CSV, a readable
table.  Aggregated events: PLOVER JSON Lines, the GDELT 2.0 event and mentions tables, and a flat table
as CSV or Parquet (docs/exports.md).
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, TextIO

import pycountry

from .actors.knowledge import EXTRA_STATE_CODES
from .errors import UsageError

logger = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "table")
CSV_COLUMNS = ["id", "doc_id", "date", "date_source", "event", "mode", "context", "cameo", "quad_class",
               "goldstein", "actor_country", "actor_sector", "actor_name", "actor_text", "recipient_country",
               "recipient_sector", "recipient_name", "recipient_text", "size_count", "size_unit", "status",
               "trigger", "source", "cue", "location_name", "location_country", "location_region", "location_lat",
               "location_lon", "location_geonames_id", "location_resolution", "location_source", "confidence",
               "span_start", "span_end", "text"]
# The columns of an event's place (`event_loc`) in the flat tables, and the key of each in the record.
LOCATION_COLUMNS = {"location_name": "name", "location_country": "country", "location_region": "region",
                    "location_lat": "lat", "location_lon": "lon", "location_geonames_id": "geonames_id",
                    "location_resolution": "resolution", "location_source": "source"}


def as_record(event: Any) -> dict:
    """An ``Event`` or an already serialised record, as the JSON record."""
    return event if isinstance(event, dict) else event.to_dict()


def write_jsonl(events: Iterable[Any], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(as_record(event), ensure_ascii=False) + "\n")
        n += 1
    return n


def csv_row(record: dict) -> dict:
    """One flat row: compound actors are joined with ``;``."""
    def joined(entities: list[dict], key: str) -> str:
        return ";".join(str(e.get(key) or "") for e in entities)

    size = record.get("size") or {}
    return {
        "id": record["id"], "doc_id": record["doc_id"], "date": record.get("date") or "",
        "date_source": record["date_source"], "event": record["event"], "mode": record.get("mode") or "",
        "context": ";".join(record.get("context") or []), "cameo": record["cameo"],
        "quad_class": record["quad_class"], "goldstein": record["goldstein"],
        "actor_country": joined(record["actor"], "country"), "actor_sector": joined(record["actor"], "sector"),
        "actor_name": joined(record["actor"], "name"), "actor_text": joined(record["actor"], "text"),
        "recipient_country": joined(record["recipient"], "country"),
        "recipient_sector": joined(record["recipient"], "sector"),
        "recipient_name": joined(record["recipient"], "name"),
        "recipient_text": joined(record["recipient"], "text"),
        "size_count": size.get("count", ""), "size_unit": size.get("unit", ""), "status": record["status"],
        "trigger": record["trigger"], "source": record.get("source") or "", "cue": record.get("cue") or "",
        **{column: "" if value is None else value for column, value in location_values(record).items()},
        "confidence": "" if record.get("confidence") is None else record["confidence"],
        "span_start": record["span"][0], "span_end": record["span"][1], "text": record["text"].strip(),
    }


def location_values(record: dict) -> dict[str, Any]:
    """The place of an event (its `event_loc`) as the LOCATION_COLUMNS; None for each without one."""
    place = record.get("event_loc") or {}
    return {column: place.get(key) for column, key in LOCATION_COLUMNS.items()}


def write_csv(events: Iterable[Any], out: TextIO, *, numbered: bool = False) -> int:
    """Events as CSV rows (CSV_COLUMNS); ``numbered`` reports of the store first give their ``number`` and the
    ``event_number`` of their aggregated event (REPORT_COLUMNS)."""
    writer = csv.DictWriter(out, fieldnames=REPORT_COLUMNS if numbered else CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        record = as_record(event)
        row = csv_row(record)
        if numbered:
            row = {"number": record.get("number"), "event_number": record.get("event_number") or "", **row}
        writer.writerow(row)
        n += 1
    return n


def table_rows(events: Iterable[Any], *, numbered: bool = False) -> list[list[str]]:
    """Rows of the readable table: date, actor, event, recipient, size, status, confidence, trigger, outlet,
    document; ``numbered`` reports of the store start with their number (r12) and their aggregated event's."""
    rows = []
    for event in events:
        record = as_record(event)
        size = record.get("size")
        row = [
            record.get("date") or "?",
            "+".join(str(e["country"]) for e in record["actor"]),
            f"{record['event']} {record['cameo']}",
            "+".join(str(e["country"]) for e in record["recipient"]) or "-",
            f"{size['count']} {size['unit']}" if size else "",
            record["status"],
            confidence_text(record.get("confidence")),
            record["trigger"],
            record.get("source") or "",
            record["doc_id"],
        ]
        if numbered:
            event_number = record.get("event_number")
            row = [report_reference(record["number"]), str(event_number) if event_number else "", *row]
        rows.append(row)
    return rows


def confidence_text(value: float | None) -> str:
    """A confidence as the tables show it: two decimals, or – when unknown."""
    return "–" if value is None else f"{value:.2f}"


def report_reference(number: int) -> str:
    """How a report's number is written where event numbers are also shown: r12 (event numbers are bare)."""
    return f"r{number}"


TABLE_HEADER = ["date", "actor", "event", "recipient", "size", "status", "confidence", "trigger", "outlet",
                "document"]
REPORT_TABLE_HEADER = ["report", "event no.", "date", "actor", "type", "recipient", "size", "status", "confidence",
                       "trigger", "outlet", "document"]
REPORT_COLUMNS = ["number", "event_number", *CSV_COLUMNS]


# --- Aggregated events ---------------------------------------------------------------------------
#
# The writers below take aggregated events: the event record of a representative mention, with the
# aggregated event's id and `number`, `mentions`, `sources`, `first_seen`, `last_seen`, `links` and
# `disagreements` (docs/exports.md).  Each writes to a path atomically, or to an open stream, and
# returns how many rows it wrote.

Target = str | os.PathLike[str] | IO[Any]

# A line break for pandas, R or Python's str.splitlines: none may stay inside a TSV value.
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


@dataclass(frozen=True)
class Written:
    """What a GDELT writer wrote: rows, and events left out because they have no date."""

    rows: int
    skipped: int = 0


@contextlib.contextmanager
def open_target(target: Target, *, binary: bool = False) -> Iterator[IO[Any]]:
    """``target`` itself when it is a stream; else a temporary file that replaces the path on success only."""
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
        return
    path = Path(target)  # type: ignore[arg-type]
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        if binary:
            stream: IO[Any] = os.fdopen(handle, "wb")
        else:
            stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        with stream:
            yield stream
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def as_date(value: Any) -> date | None:
    """A ``date`` from a ``date``, a ``datetime`` or an ISO string; None for None or ``""``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise UsageError(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_aggregated_jsonl(events: Iterable[dict], target: Target) -> int:
    """PLOVER JSON Lines: each aggregated event as one JSON object per line, dates as ISO strings."""
    n = 0
    with open_target(target) as out:
        for event in events:
            out.write(json.dumps(event, ensure_ascii=False, default=_json_value) + "\n")
            n += 1
    return n


# --- GDELT 2.0 -----------------------------------------------------------------------------------

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
# The keys of a place in an event's `geo` hook, in the order of _GEO_FIELDS.
GEO_KEYS = ["type", "full_name", "country_code", "adm1_code", "adm2_code", "lat", "long", "feature_id"]
GEO_ROLES = {"actor1": "Actor1Geo_", "actor2": "Actor2Geo_", "action": "ActionGeo_"}

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{name}" for name in _ACTOR_FIELDS],
    *[f"Actor2{name}" for name in _ACTOR_FIELDS],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{prefix}{name}" for prefix in GEO_ROLES.values() for name in _GEO_FIELDS],
    "DATEADDED", "SOURCEURL",
]
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
MENTION_TYPE_WEB = 1
UNKNOWN_OFFSET = -1


def is_state(code: str | None) -> bool:
    """Whether an entity's `country` is a state (ISO 3166-1 alpha-3), not an organisation code."""
    return bool(code) and (code in EXTRA_STATE_CODES or pycountry.countries.get(alpha_3=code) is not None)


def _actor_columns(entities: list[dict]) -> list[str]:
    """The ten GDELT columns of an actor: the first entity of a compound actor, CAMEO-style codes."""
    if not entities:
        return [""] * len(_ACTOR_FIELDS)
    entity = entities[0]
    country, sector = entity.get("country") or "", entity.get("sector") or ""
    name = (entity.get("name") or "").upper()
    if country and not is_state(country):
        # An organisation: its code is CAMEO's known-group code, and its IGO sector is implied by it.
        code = country if sector == "IGO" else country + sector
        return [code, name, "", country, "", "", "", sector, "", ""]
    return [country + sector, name, country, "", "", "", "", sector, "", ""]


def _geo_columns(record: dict, role: str) -> list[str]:
    """The eight GDELT geography columns of ``role`` from the record's `geo` hook, else, for the action, from
    the event's place (`event_loc`); empty without either."""
    place = (record.get("geo") or {}).get(role)
    if place is None and role == "action" and record.get("event_loc"):
        place = gdelt_place(record["event_loc"])
    return [_text((place or {}).get(key)) for key in GEO_KEYS]


def gdelt_place(location: dict) -> dict:
    """An event's `event_loc` as GDELT's geography (GEO_KEYS): the type (1 country, 2 US state, 3 US city,
    4 world city, 5 world state), a full name "city, state, country", FIPS 10-4 country and ADM1 codes as
    GDELT writes them, and the GeoNames id as the feature id (docs/geolocation.md)."""
    from .geo import load_gazetteer  # the gazetteer only loads when an export has places to write

    gazetteer = load_gazetteer()
    country = gazetteer.countries.get(location["country"])
    fips = gazetteer.fips.get(location["country"], "")
    region = location.get("region")
    division = region.split(".", 1)[1] if region and "." in region else ""
    state = gazetteer.us_states.get(division) if location["country"] == "USA" else None
    resolution = location["resolution"]
    names = [location["name"]] if resolution != "country" else []
    if state is not None and resolution == "city":
        names.append(state.name)
    names.append(country.name if country else location["country"])
    us = location["country"] == "USA"
    kind = {"country": 1, "region": 2 if us else 5, "city": 3 if us else 4}[resolution]
    return {"type": kind, "full_name": ", ".join(names), "country_code": fips,
            "adm1_code": fips + division if resolution != "country" else fips, "adm2_code": "",
            "lat": location.get("lat"), "long": location.get("lon"), "feature_id": location.get("geonames_id")}


def fraction_date(day: date) -> float:
    """GDELT's FractionDate: the year plus the day of the year over 365, to four decimals."""
    return round(day.year + day.timetuple().tm_yday / 365, 4)


def _timestamp(day: date | None) -> str:
    return f"{day:%Y%m%d}000000" if day else ""


def _text(value: Any) -> str:
    return "" if value is None else _BREAKS.sub(" ", str(value))


def _number(record: dict) -> int:
    number = record.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise UsageError(f"aggregated event {record.get('id')!r} has no positive `number`, which GDELT files "
                         f"use as GLOBALEVENTID: export aggregated events from the store")
    return number


def _date_added(record: dict) -> date | None:
    return as_date(record.get("first_seen")) or as_date(record.get("date"))


def gdelt_event_row(record: dict) -> list[str] | None:
    """The 61 GDELT 2.0 event columns of an aggregated event; None when it has no date (no SQLDATE)."""
    day = as_date(record.get("date"))
    if day is None:
        return None
    mentions = record.get("mentions") or []
    cameo = str(record["cameo"])
    if len(cameo) == 2:  # GDELT writes a root as its x0 code (14 as 140); docs/codes.md gives both one meaning
        cameo += "0"
    url = next((m["url"] for m in mentions if m.get("url")), None)
    source_url = url or (mentions[0]["doc_id"] if mentions else record.get("doc_id"))
    row: list[Any] = [
        _number(record), f"{day:%Y%m%d}", f"{day:%Y%m}", day.year, f"{fraction_date(day):.4f}",
        *_actor_columns(record.get("actor") or []),
        *_actor_columns(record.get("recipient") or []),
        1 if (record.get("sentence") or 0) <= 1 else 0, cameo, cameo[:3], cameo[:2], record["quad_class"],
        float(record["goldstein"]), len(mentions), len(record.get("sources") or []),
        len({m["doc_id"] for m in mentions}), "",
        *[value for role in GEO_ROLES for value in _geo_columns(record, role)],
        _timestamp(_date_added(record)), source_url,
    ]
    return [_text(value) for value in row]


def _offset(entities: list[dict], mention: dict) -> int:
    """Document offset of the first entity's words in the mention's sentence, or GDELT's -1."""
    words = entities[0].get("text") if entities else None
    found = mention.get("text", "").find(words) if words else -1
    return mention["span"][0] + found if found >= 0 else UNKNOWN_OFFSET


def gdelt_mention_rows(record: dict) -> list[list[str]]:
    """The 16 GDELT 2.0 mention columns, one row per mention; no rows for an event without a date."""
    if as_date(record.get("date")) is None:
        return []
    number, added = _number(record), _timestamp(_date_added(record))
    rows = []
    for mention in record.get("mentions") or []:
        actor, recipient = mention.get("actor") or [], mention.get("recipient") or []
        actor_offset, recipient_offset = _offset(actor, mention), _offset(recipient, mention)
        in_text = actor_offset != UNKNOWN_OFFSET and (not recipient or recipient_offset != UNKNOWN_OFFSET)
        row: list[Any] = [
            number, added, _timestamp(as_date(mention.get("published"))), MENTION_TYPE_WEB,
            mention.get("source"), mention.get("url") or mention["doc_id"], mention["sentence"] + 1,
            actor_offset, recipient_offset, mention["trigger_span"][0], 1 if in_text else 0,
            gdelt_confidence(mention.get("confidence")), mention.get("doc_length"), "", "", "",
        ]
        rows.append([_text(value) for value in row])
    return rows


def gdelt_confidence(confidence: float | None) -> int | None:
    """GDELT's Confidence of a mention, a percentage 0-100 (an integer), from a report's confidence (0-1);
    None (an empty value) when the report has none."""
    if confidence is None:
        return None
    return max(0, min(100, round(float(confidence) * 100)))


def _write_tsv(target: Target, columns: list[str], rows: Iterable[list[str] | None], header: bool) -> Written:
    written = skipped = 0
    with open_target(target) as out:
        if header:
            out.write("\t".join(columns) + "\n")
        for row in rows:
            if row is None:
                skipped += 1
                continue
            out.write("\t".join(row) + "\n")
            written += 1
    return Written(rows=written, skipped=skipped)


def write_gdelt_events(events: Iterable[dict], target: Target, *, header: bool = True) -> Written:
    """The GDELT 2.0 event table (tab-separated, GDELT_EVENT_COLUMNS); events without a date are skipped."""
    result = _write_tsv(target, GDELT_EVENT_COLUMNS, (gdelt_event_row(event) for event in events), header)
    if result.skipped:
        logger.info("GDELT events: %d events without a date left out", result.skipped)
    return result


def write_gdelt_mentions(events: Iterable[dict], target: Target, *, header: bool = True) -> Written:
    """The GDELT 2.0 mentions table (GDELT_MENTION_COLUMNS), one row per mention of each dated event."""
    def rows() -> Iterator[list[str] | None]:
        for event in events:
            if as_date(event.get("date")) is None:
                yield None
            else:
                yield from gdelt_mention_rows(event)

    result = _write_tsv(target, GDELT_MENTION_COLUMNS, rows(), header)
    if result.skipped:
        logger.info("GDELT mentions: the mentions of %d events without a date left out", result.skipped)
    return result


# --- The flat table of aggregated events -----------------------------------------------------------

# Column → its type in the Parquet file (pyarrow's names).  The CSV has the same columns, lists joined
# with ";".  pyarrow is imported only by the Parquet writer: it is slow to import for every command.
STRING, INTEGER, FLOAT, DATE, STRINGS, INTEGERS = "string", "int64", "float64", "date32", "list<string>", \
    "list<int64>"
AGGREGATED_TYPES = {
    "id": INTEGER, "key": STRING, "date": DATE, "date_precision": STRING, "event": STRING, "mode": STRING,
    "cameo": STRING, "quad_class": INTEGER, "goldstein": FLOAT, "status": STRING,
    "actor_country": STRING, "actor_sector": STRING, "actor_name": STRING, "actor_countries": STRINGS,
    "recipient_country": STRING, "recipient_sector": STRING, "recipient_name": STRING,
    "recipient_countries": STRINGS,
    "size_count": INTEGER, "size_unit": STRING, "size_relation": STRING,
    "confidence": FLOAT, "independent_sources": INTEGER,
    "mentions": INTEGER, "sources": INTEGER, "outlets": STRINGS, "first_seen": DATE, "last_seen": DATE,
    "responds_to": INTEGERS, "inferred_from": INTEGERS,
    "location_name": STRING, "location_country": STRING, "location_region": STRING, "location_lat": FLOAT,
    "location_lon": FLOAT, "location_geonames_id": INTEGER, "location_resolution": STRING,
    "location_source": STRING, "trigger": STRING, "text": STRING,
}
AGGREGATED_COLUMNS = list(AGGREGATED_TYPES)


def aggregated_row(record: dict) -> dict[str, Any]:
    """One aggregated event as typed scalar values and lists of strings; None where a value is missing."""
    actor, recipient = record.get("actor") or [], record.get("recipient") or []
    size = record.get("size") or {}
    links = record.get("links") or []

    def first(entities: list[dict], key: str) -> str | None:
        return entities[0].get(key) if entities else None

    def linked(kind: str) -> list[int]:
        return [link["number"] for link in links if link["type"] == kind and link.get("number") is not None]

    return {
        "id": record.get("number"), "key": record["id"], "date": as_date(record.get("date")),
        "date_precision": record.get("date_precision"), "event": record["event"], "mode": record.get("mode"),
        "cameo": str(record["cameo"]), "quad_class": record["quad_class"],
        "goldstein": float(record["goldstein"]), "status": record["status"],
        "actor_country": first(actor, "country"), "actor_sector": first(actor, "sector"),
        "actor_name": first(actor, "name"), "actor_countries": [e.get("country") or "" for e in actor],
        "recipient_country": first(recipient, "country"), "recipient_sector": first(recipient, "sector"),
        "recipient_name": first(recipient, "name"),
        "recipient_countries": [e.get("country") or "" for e in recipient],
        "size_count": size.get("count"), "size_unit": size.get("unit"), "size_relation": size.get("relation"),
        "confidence": None if record.get("confidence") is None else float(record["confidence"]),
        "independent_sources": record.get("independent_sources"),
        "mentions": len(record.get("mentions") or []), "sources": len(record.get("sources") or []),
        "outlets": list(record.get("sources") or []),
        "first_seen": as_date(record.get("first_seen")), "last_seen": as_date(record.get("last_seen")),
        "responds_to": linked("responds_to"), "inferred_from": linked("inferred"),
        **location_values(record), "trigger": record.get("trigger"),
        "text": record["text"].strip() if record.get("text") else record.get("text"),
    }


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_aggregated_csv(events: Iterable[dict], target: Target) -> int:
    """The flat table as CSV (RFC 4180 quoting, header, UTF-8): missing values empty, lists joined with ";"."""
    n = 0
    with open_target(target) as out:
        writer = csv.DictWriter(out, fieldnames=AGGREGATED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for event in events:
            writer.writerow({name: _csv_value(value) for name, value in aggregated_row(event).items()})
            n += 1
    return n


def write_aggregated_parquet(events: Iterable[dict], target: Target) -> int:
    """The flat table as Parquet, typed by AGGREGATED_TYPES (dates date32, counts int64, lists list<string>)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {STRING: pa.string(), INTEGER: pa.int64(), FLOAT: pa.float64(), DATE: pa.date32(),
                   STRINGS: pa.list_(pa.string()), INTEGERS: pa.list_(pa.int64())}
    rows = [aggregated_row(event) for event in events]
    schema = pa.schema([(name, arrow_types[kind]) for name, kind in AGGREGATED_TYPES.items()])
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise UsageError(f"aggregated events cannot be written as Parquet: {error}") from error
    with open_target(target, binary=True) as out:
        pq.write_table(table, out)
    return len(rows)
