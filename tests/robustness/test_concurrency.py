"""Two `detente code` processes and the service writing into one store at the same time: afterwards the store is
consistent and holds exactly the documents and events of the same inputs coded one after another.  On a SQLite
file (write-ahead log, busy timeout) and, with DETENTE_TEST_POSTGRES set, on PostgreSQL."""

from __future__ import annotations

import re
import sqlite3

from click.testing import CliRunner
from fastapi.testclient import TestClient

from detente import api
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


def summary_counts(stderr: str) -> tuple[int, int]:
    """(documents stored, duplicates skipped) from the summary line of `detente code`."""
    found = re.search(r"^(\d+) documents? stored .*?(\d+) duplicates? skipped", stderr, re.M)
    assert found, stderr
    return int(found.group(1)), int(found.group(2))


def test_runs_on_the_same_files_at_once_print_what_they_stored(tmp_path):
    folder = tmp_path / "same"
    write_articles(folder, 6, tag="s")
    database = tmp_path / "shared.sqlite"
    processes = [start("code", folder, "--db", database, "--quiet") for _ in range(3)]
    counts = []
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
        counts.append(summary_counts(stderr))
    with Store.open(str(database)) as store:
        stored = store.count("documents")
    assert stored == 6
    assert sum(coded for coded, _ in counts) == stored
    assert all(coded + already == 6 for coded, already in counts)


def test_a_document_stored_by_another_run_while_this_one_coded_it_counts_as_already_stored(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    write_articles(folder, 2, tag="r")
    with Store.open(tmp_path / "raced.sqlite") as store:
        first = api.Report()
        list(api.code([str(folder)], store=store, report=first))
        # The second run's check comes before the first run's insert: it codes both documents again.
        monkeypatch.setattr(store, "has", lambda document: False)
        second = api.Report()
        printed = list(api.code([str(folder)], store=store, report=second))
        assert (first.documents, first.already_stored) == (2, 0) and first.events > 0
        assert (second.documents, second.already_stored, second.events, printed) == (0, 2, 0, [])
        assert store.count("documents") == 2
