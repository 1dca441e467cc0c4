"""The place of the events of the bundled examples against the annotation of examples/locations.jsonl.

Each line names an event by its document, a snippet of its sentence and its trigger, and gives the
country and city where the article says it took place (city null when the text names none).  The floors are
those of issue 9: country right for 95 % of the events, city for 80 %.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.api import STATUSES
from detente.coder import Coder
from detente.ingest import read_inputs
from detente.records import Event

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "examples" / "locations.jsonl"
COUNTRY_FLOOR, CITY_FLOOR = 0.95, 0.8


def annotations() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def events() -> list[Event]:
    documents = [d for d in read_inputs([str(ROOT / "examples" / "articles")]) if not isinstance(d, Exception)]
    return [e for coded in Coder().code_all(documents) for e in coded if e.status in STATUSES]


def find(events: list[Event], gold: dict) -> Event | None:
    return next((e for e in events if e.doc_id == gold["doc_id"] and gold["snippet"] in e.text
                 and e.trigger == gold["trigger"]), None)


def scores(events: list[Event]) -> tuple[float, float, list[str]]:
    """Country and city accuracy over the annotated events, and a line per miss."""
    country = city = 0
    misses = []
    gold_lines = annotations()
    for gold in gold_lines:
        event = find(events, gold)
        loc = event.event_loc if event else None
        got_country = loc.country if loc else None
        got_city = loc.name if loc and loc.resolution == "city" else None
        country += got_country == gold["country"]
        city += got_city == gold["city"]
        if (got_country, got_city) != (gold["country"], gold["city"]):
            misses.append(f"{gold['doc_id']} {gold['trigger']!r}: expected {gold['country']}/{gold['city']}, "
                          f"got {got_country}/{got_city}" + ("" if event else " (event not found)"))
    return country / len(gold_lines), city / len(gold_lines), misses


def test_the_annotation_has_at_least_30_events():
    assert len(annotations()) >= 30


def test_every_annotated_event_is_coded(events):
    missing = [f"{g['doc_id']}: {g['snippet']!r}" for g in annotations() if find(events, g) is None]
    assert not missing, "\n".join(missing)


def test_location_accuracy_on_the_examples(events):
    country, city, misses = scores(events)
    print(f"country {country:.3f}, city {city:.3f}", *misses, sep="\n")
    assert country >= COUNTRY_FLOOR and city >= CITY_FLOOR, \
        f"country {country:.3f} (floor {COUNTRY_FLOOR}), city {city:.3f} (floor {CITY_FLOOR}):\n" + "\n".join(misses)
