"""The service under abuse: texts too long, queues full, coding past its deadline, reads while coding, numbers out
of range, the token's scheme in any case, empty texts named."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from detente.serve import create_app
from detente.serve.coding import BusyError, DeadlineError
from detente.serve.limits import ServiceLimits

from .conftest import TOKEN
from .test_service import ARTICLE, error_of

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def fresh(tmp_path):
    """A new service over an empty store, with limits the test gives; its coding processes end with the test."""
    opened = []

    def make(*, started: bool = True, **limits) -> TestClient:
        client = TestClient(create_app(str(tmp_path / "fresh.sqlite"), token=TOKEN, limits=ServiceLimits(**limits)))
        if started:  # as `detente serve` runs it; else its processes start with the first text to code
            opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def test_plain_text_over_the_character_limit_is_refused_before_it_is_queued(fresh):
    client = fresh(max_code_chars=1_000, started=False)
    response = client.post("/api/code", json={"text": "Russia expelled diplomats. " * 50})
    assert response.status_code == 413
    assert error_of(response).startswith("text: 1,350 characters of article text is over this service's limit")
    assert "--max-code-chars" in error_of(response)
    assert client.app.state.coding.processes_started == 0


def test_html_is_measured_by_the_text_read_from_it(client):
    paragraphs = "".join(f"<p>In report {n}, the Czech Republic expelled {n} Russian diplomats.</p>" for n in range(450))
    markup = f"<html><body><article>{paragraphs}</article></body></html>"
    response = client.post("/api/code", json={"text": markup})
    assert response.status_code == 413 and "characters of article text is over" in error_of(response)
    short = "<html><body><article><p>" + ARTICLE + "</p></article></body></html>"
    assert client.post("/api/code", json={"text": short, "date": "2021-04-17"}).status_code == 200


def test_a_full_queue_is_429_and_a_write_still_gets_through(fresh):
    client = fresh(coding_processes=1, coding_queue=0)
    pool = client.app.state.coding
    held = pool.admit(write=False)  # a request waiting for the one process, as under a flood
    try:
        response = client.post("/api/code", json={"text": ARTICLE})
        assert response.status_code == 429 and response.headers["retry-after"]
        assert "requests are waiting" in error_of(response)
        stored = client.post("/api/documents", json={"text": ARTICLE, "date": "2021-04-17"}, headers=AUTH)
        assert stored.status_code == 201 and stored.json()["documents"] == 1
    finally:
        pool.withdraw(held)
    assert client.post("/api/code", json={"text": ARTICLE}).status_code == 200


@pytest.mark.parametrize("error, status", [(DeadlineError("coding took over 20 s"), 504),
                                           (BusyError("no coding process became free"), 503)])
def test_coding_that_cannot_finish_has_the_one_error_shape(fresh, monkeypatch, error, status):
    client = fresh()

    def late(ticket, job):
        raise error

    monkeypatch.setattr(client.app.state.coding, "code", late)
    response = client.post("/api/code", json={"text": ARTICLE})
    assert response.status_code == status and error_of(response) == str(error)
    assert response.headers["retry-after"]


def test_reads_do_not_wait_for_coding(fresh, monkeypatch):
    client = fresh(coding_processes=1)
    pool = client.app.state.coding
    real = pool.code

    def slow(ticket, job):
        time.sleep(3)  # a long text being coded: this thread waits for its process
        return real(ticket, job)

    monkeypatch.setattr(pool, "code", slow)
    coding = threading.Thread(target=client.post, args=("/api/code",), kwargs={"json": {"text": ARTICLE}})
    coding.start()
    time.sleep(0.5)
    began = time.monotonic()
    for path in ("/api/events", "/api/documents", "/api/dyads", "/api/health"):
        assert client.get(path).status_code == 200
    took = time.monotonic() - began
    assert coding.is_alive() and took < 1.5
    coding.join()


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999", "2147483648", "0",
                                    "9" * 5000])
def test_event_numbers_out_of_range_are_not_found(client, number):
    for path in (f"/api/events/{number}", f"/api/events/{number}/chain"):
        response = client.get(path)
        assert response.status_code == 404 and "no event" in error_of(response)
        assert len(error_of(response)) < 300


@pytest.mark.parametrize("header", [f"bearer {TOKEN}", f"BEARER {TOKEN}", f"Bearer   {TOKEN}  "])
def test_the_bearer_scheme_is_read_in_any_case(fresh, header):
    client = fresh()
    response = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": header})
    assert response.status_code == 201


@pytest.mark.parametrize("header", [f"Basic {TOKEN}", TOKEN, f"Bearer{TOKEN}", "Bearer", ""])
def test_other_schemes_are_refused(client, header):
    response = client.post("/api/documents", json={"text": ARTICLE}, headers={"Authorization": header})
    assert response.status_code == 401


def test_whitespace_is_named_as_the_text_field(client):
    response = client.post("/api/code", json={"text": " \n\t\u3000 "})
    assert response.status_code == 422
    assert error_of(response).startswith("text: the input is empty or only whitespace")
