"""The JSON API: reading, paging, one event with its evidence, coding a text, writing with a token, safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente import api
from detente.serve import create_app
from detente.store import EventFilter

from .conftest import TOKEN

PAGE = Path(__file__).resolve().parents[2] / "detente" / "serve" / "page"
ARTICLE = ("Czech Republic expels Russian diplomats\n\nPRAGUE — The Czech Republic on Saturday expelled 18 Russian "
           "diplomats, the foreign ministry said.")


def error_of(response):
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == response.status_code
    return body["error"]["message"]


def the_755(store):
    return next(r for r in api.aggregated(store, EventFilter(dyad=("RUS", "USA"), event="SANCTION"))
                if any(m["size"] and m["size"]["count"] == 755 for m in r["mentions"]))


def test_health(client):
    assert client.get("/api/health").json()["status"] == "ok"


def test_events_are_paged_in_the_database(client):
    first = client.get("/api/events", params={"dyad": "USA-RUS", "limit": 5, "sort": "-date"}).json()
    second = client.get("/api/events", params={"dyad": "USA-RUS", "limit": 5, "offset": 5, "sort": "-date"}).json()
    assert first["total"] == second["total"] > 10
    assert len(first["items"]) == len(second["items"]) == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    dates = [e["date"] for e in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)


def test_events_filters(client):
    sanctions = client.get("/api/events", params={"dyad": "RUS-GBR", "type": "SANCTION", "limit": 100}).json()
    assert sanctions["items"] and all(e["event"] == "SANCTION" for e in sanctions["items"])
    assert all({"RUS", "GBR"} <= set((e["actors"] + "+" + e["recipients"]).split("+")) for e in sanctions["items"])
    since = client.get("/api/events", params={"since": "2021-01-01", "limit": 100}).json()["items"]
    assert since and all(e["date"] >= "2021-01-01" for e in since)


def test_one_event_with_highlighted_evidence_and_its_answer(client, corpus_store):
    record = client.get(f"/api/events/{the_755(corpus_store)['number']}").json()
    assert len(record["sources"]) >= 2
    for mention in record["mentions"]:
        roles = {mark["role"] for mark in mention["highlights"]}
        assert "trigger" in roles
        for mark in mention["highlights"]:
            assert 0 <= mark["start"] < mark["end"] <= len(mention["text"])
    trigger = next(m for m in record["mentions"][0]["highlights"] if m["role"] == "trigger")
    assert record["mentions"][0]["text"][trigger["start"]:trigger["end"]] == record["mentions"][0]["trigger"]
    answers = [link for link in record["answered_by"] if link["type"] == "responds_to"]
    assert answers and answers[0]["summary"]["actors"] == "USA"


def test_chain_dyads_series_parity_plot(client, corpus_store):
    number = the_755(corpus_store)["number"]
    nodes = client.get(f"/api/events/{number}/chain").json()["nodes"]
    assert nodes[0]["depth"] == 0 and any(n["depth"] > 0 for n in nodes)
    assert client.get("/api/dyads").json()["items"][0]["events"] > 0
    series = client.get("/api/dyads/USA/RUS/series", params={"period": "month"}).json()
    assert series["series"] and len(series["reciprocity"]) == 2
    assert client.get("/api/dyads/usa/rus/parity").json()["ceilings"]["USA"]["count"] == 455
    chart = client.get("/api/dyads/USA/RUS/plot.svg")
    assert chart.headers["content-type"] == "image/svg+xml" and b"<svg" in chart.content


@pytest.mark.parametrize("path, status", [
    ("/api/events/no-such-event", 404), ("/api/events/%C2%B2", 404), ("/api/events?limit=0", 422),
    ("/api/events?dyad=USA", 400), ("/api/events?dyad=norway-russia", 400), ("/api/events?type=SANCTIONS", 400),
    ("/api/events?cameo=999", 400), ("/api/events?status=rumoured", 400), ("/api/events/r999999", 404),
    ("/api/dyads/NOR/XXX/series", 400), ("/api/dyads/Russia/USA/parity", 400),
    ("/api/events?since=2021-02-01&until=2021-01-01", 400),
    ("/api/events?sort=DROP%20TABLE", 422), ("/api/dyads/USA/RUS/series?period=year", 422), ("/api/nothing", 404),
])
def test_errors_have_one_shape(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert error_of(response)


def test_code_a_text_without_storing_it(client, corpus_store):
    before = corpus_store.count("documents")
    response = client.post("/api/code", json={"text": ARTICLE, "date": "2021-04-17"})
    assert response.status_code == 200
    events = response.json()["events"]
    assert any(e["event"] == "SANCTION" and e["actor"][0]["country"] == "CZE" for e in events)
    assert corpus_store.count("documents") == before


def test_code_an_empty_text_is_an_error(client):
    assert client.post("/api/code", json={"text": "   "}).status_code == 422
    assert client.post("/api/code", json={}).status_code == 422


def test_writing_needs_the_token(client):
    assert client.post("/api/documents", json={"text": ARTICLE}).status_code == 401
    wrong = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 401 and "token" in error_of(wrong)


def test_writing_with_the_token_stores_and_aggregates(tmp_path):
    client = TestClient(create_app(str(tmp_path / "new.sqlite"), token=TOKEN))
    response = client.post("/api/documents", json={"text": ARTICLE, "date": "2021-04-17", "source": "Test Wire"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201 and response.json()["documents"] == 1
    page = client.get("/api/events", params={"dyad": "CZE-RUS"}).json()
    assert page["total"] >= 1 and page["items"][0]["sources"] == 1
    again = client.post("/api/documents", json={"text": ARTICLE, "date": "2021-04-17", "source": "Test Wire"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["already_stored"] == 1
    syndicated = client.post("/api/documents", json={"text": ARTICLE, "date": "2021-04-17", "source": "Other Wire"},
                             headers={"Authorization": f"Bearer {TOKEN}"})
    assert syndicated.json()["documents"] == 1  # the same text from another outlet is a report of its own
    page = client.get("/api/events", params={"dyad": "CZE RUS"}).json()
    assert page["total"] >= 1 and page["items"][0]["sources"] == 2


def test_a_service_without_a_token_does_not_write(tmp_path):
    client = TestClient(create_app(str(tmp_path / "read-only.sqlite")))
    response = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": "Bearer "})
    assert response.status_code == 403


def test_large_bodies_are_refused(client):
    response = client.post("/api/code", json={"text": "x" * 60_000})
    assert response.status_code == 413 and "larger than" in error_of(response)


def test_security_headers_and_no_cors_by_default(client):
    response = client.get("/api/health", headers={"Origin": "https://elsewhere.example"})
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "access-control-allow-origin" not in response.headers


def test_cors_when_asked_for(corpus_store):
    client = TestClient(create_app(corpus_store.path, cors_origins=("https://analysts.example",)))
    response = client.get("/api/health", headers={"Origin": "https://analysts.example"})
    assert response.headers["access-control-allow-origin"] == "https://analysts.example"


def test_article_text_is_returned_as_data_never_as_markup(client):
    hostile = ARTICLE + ' <script>alert("x")</script> <img src=x onerror=alert(1)>'
    response = client.post("/api/code", json={"text": hostile, "date": "2021-04-17"})
    assert response.headers["content-type"].startswith("application/json")


def test_the_page_sets_text_never_markup():
    script = (PAGE / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "outerHTML" not in script and "insertAdjacentHTML" not in script
    assert "<script>" not in (PAGE / "index.html").read_text(encoding="utf-8")


def test_the_page_and_the_openapi_description_are_served(client):
    assert "detente" in client.get("/").text
    assert client.get("/page/app.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{reference}", "/api/code", "/api/documents",
            "/api/dyads/{first}/{second}/parity", "/api/events/{reference}/chain"} <= set(paths)


def test_bad_filters_say_what_was_meant(client):
    assert "did you mean NOR, Norway?" in error_of(client.get("/api/events", params={"dyad": "norway-russia"}))
    assert "did you mean SANCTION?" in error_of(client.get("/api/events", params={"type": "SANCTIONS"}))
    assert client.get("/api/events", params={"status": "done", "limit": 1}).status_code == 200
    future = client.post("/api/code", json={"text": ARTICLE, "date": "2999-01-01"})
    assert future.status_code == 400 and "is in the future" in error_of(future)


def test_events_and_reports_by_their_numbers(client, corpus_store):
    the_event = the_755(corpus_store)
    report = the_event["mentions"][0]["report"]
    assert client.get(f"/api/events/r{report}").json()["id"] == the_event["id"]
    assert client.get(f"/api/events/{the_event['number']}/chain").json()["nodes"][0]["event"]["number"] == \
        the_event["number"]
    reports = client.get("/api/reports", params={"dyad": "RUS-USA", "cameo": "16", "limit": 500}).json()
    assert reports["total"] == len(reports["items"]) > 0
    assert report in {r["number"] for r in reports["items"]}
    assert all(r["cameo"].startswith("16") for r in reports["items"])


def test_the_chart_has_a_window(client):
    whole = client.get("/api/dyads/USA/RUS/series", params={"period": "month"}).json()["series"]
    window = client.get("/api/dyads/USA/RUS/series",
                        params={"period": "month", "since": "2017-07-01", "until": "2017-12-31"}).json()["series"]
    assert {p["period"] for p in window} == {f"2017-{m:02d}-01" for m in range(7, 13)}
    assert len(window) == 12 < len(whole)  # six months, both directions, zeros included
    chart = client.get("/api/dyads/USA/RUS/plot.svg", params={"since": "2017-07-01", "until": "2017-12-31"})
    assert chart.status_code == 200 and b"2017-07-01 to 2017-12-31" in chart.content
