"""`detente code --db` killed (SIGKILL) at random points: each time the database passes SQLite's integrity check
and holds only whole documents; a re-run then completes, and the store equals that of one clean run — the same
documents and event ids, nothing lost, nothing twice."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

from click.testing import CliRunner

from detente.cli import main

from .conftest import assert_consistent, by_document, snapshot, start

KILLS = 3
SEED = 8


def code(folder, db):
    result = CliRunner().invoke(main, ["code", str(folder), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return result


def stored(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db, timeout=30) as connection:
        try:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # the tables are not made yet
            return 0


def kill_while_writing(db, folder, total: int, delays: random.Random) -> None:
    """Start a run, wait until it has stored a random number of documents more (short of all), then kill it
    at a random moment within the next document's coding and writing."""
    before = stored(db)
    target = delays.randint(before + 1, max(total - 1, before + 1))
    process = start("code", folder, "--db", db, "--quiet")
    deadline = time.monotonic() + 120
    while stored(db) < target and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(delays.uniform(0, 0.03))
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    process.stderr.close()


def test_killed_runs_leave_whole_documents_and_a_rerun_completes(articles, tmp_path):
    clean = tmp_path / "clean.sqlite"
    code(articles, clean)
    whole = by_document(clean)

    db = tmp_path / "killed.sqlite"
    delays = random.Random(SEED)
    after_kills = []
    for _ in range(KILLS):
        kill_while_writing(db, articles, len(whole), delays)
        assert_consistent(db)
        kept = by_document(db)
        assert {hash_: whole[hash_] for hash_ in kept} == kept  # every stored document is whole
        after_kills.append(len(kept))
    assert any(0 < count < len(whole) for count in after_kills), after_kills  # a kill landed mid-run

    code(articles, db)
    assert_consistent(db)
    assert snapshot(db) == snapshot(clean)
