"""min_confidence on every endpoint that lists or aggregates events, over a store whose reports carry known
confidences (tests/trust.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.serve import create_app
from detente.store import Store

from .. import trust

FILTERED = ["/api/events", "/api/reports", "/api/dyads", "/api/dyads/GBR/RUS/series", "/api/dyads/GBR/RUS/parity",
            "/api/dyads/GBR/RUS/plot.svg"]


@pytest.fixture(scope="module")
def trusted(tmp_path_factory):
    path = tmp_path_factory.mktemp("trust") / "trust.sqlite"
    with Store.open(path) as store:
        trust.build(store)
        names = trust.event_names(store)
    return str(path), names


@pytest.fixture(scope="module")
def client(trusted):
    return TestClient(create_app(trusted[0]))


@pytest.mark.parametrize("value", sorted(trust.PASSING))
def test_events(client, trusted, value):
    names = trusted[1]
    page = client.get("/api/events", params={"min_confidence": value, "limit": 500}).json()
    assert page["total"] == len(page["items"])
    assert {names[item["number"]] for item in page["items"]} == trust.PASSING[value]
    for item in page["items"]:
        assert item["confidence"] == trust.EVENTS[names[item["number"]]][1]
        assert item["independent_sources"] == trust.EVENTS[names[item["number"]]][2]


def test_events_without_the_parameter_are_all(client):
    assert client.get("/api/events").json()["total"] == 5


def test_events_sorted_by_confidence(client, trusted):
    names = trusted[1]
    items = client.get("/api/events", params={"sort": "confidence"}).json()["items"]
    assert [names[item["number"]] for item in items] == ["gbr", "rus", "shut", "usa", "threat"]


@pytest.mark.parametrize("value", sorted(trust.REPORTS_PASSING))
def test_reports(client, value):
    page = client.get("/api/reports", params={"min_confidence": value}).json()
    assert {item["doc_id"] for item in page["items"]} == trust.REPORTS_PASSING[value]


@pytest.mark.parametrize(("value", "events"), [(0.0, 5), (0.7, 3), (0.8, 2), (0.95, 0)])
def test_dyads(client, value, events):
    items = client.get("/api/dyads", params={"min_confidence": value}).json()["items"]
    assert sum(item["events"] for item in items) == events


@pytest.mark.parametrize(("value", "events"), [(0.0, 4), (0.7, 3), (0.8, 2), (0.95, 0)])
def test_series(client, value, events):
    series = client.get("/api/dyads/GBR/RUS/series", params={"min_confidence": value, "period": "month"}).json()
    assert sum(point["events"] for point in series["series"]) == events


@pytest.mark.parametrize(("value", "entries"), [(0.0, 3), (0.8, 2), (0.95, 0)])
def test_parity(client, value, entries):
    assert len(client.get("/api/dyads/GBR/RUS/parity", params={"min_confidence": value}).json()["entries"]) == entries


def test_plot(client):
    assert client.get("/api/dyads/GBR/RUS/plot.svg", params={"min_confidence": 0.8}).status_code == 200
    refused = client.get("/api/dyads/GBR/RUS/plot.svg", params={"min_confidence": 0.95})
    assert refused.status_code == 400
    assert "no dated events with a confidence of at least 0.95" in refused.json()["error"]["message"]


@pytest.mark.parametrize("path", FILTERED)
@pytest.mark.parametrize(("value", "status"), [("1.5", 400), ("-0.1", 400), ("nan", 400), ("abc", 422)])
def test_a_wrong_minimum_is_refused(client, path, value, status):
    response = client.get(path, params={"min_confidence": value})
    assert response.status_code == status
    message = response.json()["error"]["message"]
    assert "is not a confidence: give a number from 0 to 1" in message if status == 400 else "min_confidence" in message


def test_the_parameter_is_described(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in FILTERED:
        names = {parameter["name"] for parameter in paths[path.replace("GBR", "{first}").replace(
            "RUS", "{second}")]["get"]["parameters"]}
        assert "min_confidence" in names, path


def test_one_event_says_why(client, trusted):
    number = next(n for n, name in trusted[1].items() if name == "rus")
    record = client.get(f"/api/events/{number}").json()
    assert record["confidence"] == 0.85 and record["independent_sources"] == 2
    assert record["corroboration"]["independent_sources"] == 2
    assert sorted(m["confidence"] for m in record["mentions"]) == [0.5, 0.6, 0.7]
    copies = [r for r in record["corroboration"]["reports"] if r["copy_of"] is not None]
    assert [r["source"] for r in copies] == ["Capital Wire"]
