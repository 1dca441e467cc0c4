"""The service on both stores: a SQLite file and PostgreSQL (`--db postgresql://…`)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from detente.serve import create_app

from ..store.conftest import database  # noqa: F401  (SQLite and PostgreSQL)
from .conftest import TOKEN

CAUSE = ("Czech Republic expels Russians\n\nPRAGUE — The Czech Republic on Saturday expelled 18 Russian diplomats.")
ANSWER = ("Russia hits back\n\nMOSCOW — Russia on Sunday expelled 20 Czech diplomats in retaliation for the "
          "expulsion of 18 Russians.")


def test_store_read_and_link_through_the_service(database):  # noqa: F811
    client = TestClient(create_app(database, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for text, day in ((CAUSE, "2021-04-17"), (ANSWER, "2021-04-18")):
        assert client.post("/api/documents", json={"text": text, "date": day}, headers=auth).status_code == 201
    page = client.get("/api/events", params={"dyad": "RUS-CZE", "type": "SANCTION", "sort": "-date"}).json()
    answer = next(e for e in page["items"] if e["actors"] == "RUS")
    record = client.get(f"/api/events/{answer['number']}").json()
    assert [link["summary"]["actors"] for link in record["links"] if link["type"] == "responds_to"] == ["CZE"]
    assert client.get("/api/documents").json()["total"] == 2
    assert "postgresql" not in client.get("/api/events/nothing").text  # no database address in errors


def test_a_document_the_store_refuses_is_a_client_error_and_nothing_is_stored(database, monkeypatch):  # noqa: F811
    import dataclasses

    from detente.store import Store

    original = Store._add_event
    monkeypatch.setattr(Store, "_add_event",
                        lambda self, key, event: original(self, key, dataclasses.replace(event, cameo=None)))
    client = TestClient(create_app(database, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    refused = client.post("/api/documents", json={"text": CAUSE, "date": "2021-04-17"}, headers=auth)
    assert refused.status_code == 422 and "refused" in refused.json()["error"]["message"], refused.text
    assert client.get("/api/documents").json()["total"] == 0
    monkeypatch.undo()
    assert client.post("/api/documents", json={"text": CAUSE, "date": "2021-04-17"}, headers=auth).status_code == 201
