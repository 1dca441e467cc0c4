"""Writing events: JSON Lines (the record of shared/spec/event-record.md), CSV, a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "table")
CSV_COLUMNS = ["id", "doc_id", "date", "date_source", "event", "mode", "context", "cameo", "quad_class",
               "goldstein", "actor_country", "actor_sector", "actor_name", "actor_text", "recipient_country",
               "recipient_sector", "recipient_name", "recipient_text", "size_count", "size_unit", "status",
               "trigger", "source", "cue", "span_start", "span_end", "text"]


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
        "span_start": record["span"][0], "span_end": record["span"][1], "text": record["text"],
    }


def write_csv(events: Iterable[Any], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(csv_row(as_record(event)))
        n += 1
    return n


def table_rows(events: Iterable[Any]) -> list[list[str]]:
    """Rows of the readable table: date, actor, event, recipient, size, status, trigger, document."""
    rows = []
    for event in events:
        record = as_record(event)
        size = record.get("size")
        rows.append([
            record.get("date") or "?",
            "+".join(str(e["country"]) for e in record["actor"]),
            f"{record['event']} {record['cameo']}",
            "+".join(str(e["country"]) for e in record["recipient"]) or "-",
            f"{size['count']} {size['unit']}" if size else "",
            record["status"],
            record["trigger"],
            record["doc_id"],
        ])
    return rows


TABLE_HEADER = ["date", "actor", "event", "recipient", "size", "status", "trigger", "document"]
