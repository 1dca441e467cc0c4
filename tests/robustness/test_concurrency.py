"""Two `detente code` processes and the service writing into one store at the same time: afterwards the store is
consistent and holds exactly the documents and events of the same inputs coded one after another.  On a SQLite
file (write-ahead log, busy timeout) and, with DETENTE_TEST_POSTGRES set, on PostgreSQL."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner
from fastapi.testclient import TestClient

from detente.cli import main
from detente.serve import create_app
from detente.store import Store, is_url

from ..store.conftest import database  # noqa: F401  (a SQLite file, and a PostgreSQL schema when available)
from .conftest import assert_consistent, start, write_articles

TOKEN = "robustness-token-5c2e"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTE = ("Canada recalls its ambassador\n\nOTTAWA, August 6, 2018 — Canada recalled its ambassador to Saudi Arabia "
        "on Monday after Riyadh expelled the Canadian envoy. Service note {number}.")


def contents(location: str) -> dict:
    """Document hashes and event ids of the store at ``location``, whichever the backend."""
    with Store.open(location) as store:
        db = store.connection
        return {"documents": sorted(row[0] for row in db.execute("SELECT hash FROM documents")),
                "events": sorted(row[0] for row in db.execute("SELECT id FROM events")),
                "orphan events": db.execute("SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
                                            "(SELECT 1 FROM documents d WHERE d.hash = e.document)").fetchone()[0]}


def post(client: TestClient, number: int) -> None:
    response = client.post("/api/documents", json={"text": NOTE.format(number=number)}, headers=AUTH)
    assert response.status_code == 201, response.text


def test_two_coders_and_the_service_write_at_once(database, tmp_path):  # noqa: F811
    first = tmp_path / "first"
    second = tmp_path / "second"
    write_articles(first, 6, tag="a")
    write_articles(second, 6, tag="b")

    client = TestClient(create_app(database, token=TOKEN))
    processes = [start("code", folder, "--db", database, "--quiet") for folder in (first, second)]
    posted = 0
    while any(process.poll() is None for process in processes) or posted < 3:
        post(client, posted)  # each takes the service's write lock while the two processes write
        posted += 1
    for process in processes:
        assert process.wait(60) == 0, process.stderr.read()
        process.stderr.close()

    reference = tmp_path / "one-after-another.sqlite"
    for folder in (first, second):
        assert CliRunner().invoke(main, ["code", str(folder), "--db", str(reference), "--quiet"]).exit_code == 0
    alone = TestClient(create_app(str(reference), token=TOKEN))
    for number in range(posted):
        post(alone, number)

    if not is_url(database):
        assert_consistent(database)
        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    together = contents(database)
    assert together["orphan events"] == 0
    assert together == contents(str(reference))
    assert len(together["documents"]) == 12 + posted
