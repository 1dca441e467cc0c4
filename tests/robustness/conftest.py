"""What the robustness tests share: small articles of our own, the command line run as a user runs it."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples" / "articles"
COMMAND = [sys.executable, "-m", "detente.cli"]


def write_articles(folder: Path, count: int, *, tag: str = "") -> list[Path]:
    """``count`` plain-text articles in ``folder``: the bundled examples, each made new by a numbered closing
    line (so that no two have the same content hash, whatever ``count``)."""
    folder.mkdir(parents=True, exist_ok=True)
    examples = sorted(EXAMPLES.glob("*.txt"))
    paths = []
    for number in range(count):
        source = examples[number % len(examples)]
        path = folder / f"{number:03d}{tag}_{source.name}"
        text = source.read_text(encoding="utf-8").rstrip()
        path.write_text(f"{text}\n\nThis is report {number}{tag} of the robustness tests.\n", encoding="utf-8")
        paths.append(path)
    return paths



def detente(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    """``detente ARGS`` in a new process, as a user runs it."""
    return subprocess.run([*COMMAND, *map(str, args)], capture_output=True, text=True, timeout=timeout)


def start(*args) -> subprocess.Popen:
    return subprocess.Popen([*COMMAND, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)


def snapshot(db: Path) -> dict:
    """What a SQLite store holds, in a form that compares across runs: document hashes, event ids, counts."""
    with sqlite3.connect(db) as connection:
        return {
            "documents": sorted(row[0] for row in connection.execute("SELECT hash FROM documents")),
            "events": sorted(row[0] for row in connection.execute("SELECT id FROM events")),
            **{table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
               for table in ("sentences", "participants", "claims", "aggregates", "mentions", "links")},
        }


def by_document(db: Path) -> dict[str, tuple]:
    """Each stored document's sentences and event ids: a half-written document would differ from a whole one."""
    with sqlite3.connect(db) as connection:
        return {hash_: (connection.execute("SELECT COUNT(*) FROM sentences WHERE document = ?", (hash_,)).fetchone()[0],
                        sorted(row[0] for row in connection.execute("SELECT id FROM events WHERE document = ?",
                                                                      (hash_,))))
                for (hash_,) in connection.execute("SELECT hash FROM documents")}


def assert_consistent(db: Path) -> None:
    """The file passes SQLite's own check, and no row is left without its document (no half-written one)."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = {
            "sentences": "SELECT COUNT(*) FROM sentences s WHERE NOT EXISTS "
                         "(SELECT 1 FROM documents d WHERE d.hash = s.document)",
            "events": "SELECT COUNT(*) FROM events e WHERE NOT EXISTS "
                      "(SELECT 1 FROM documents d WHERE d.hash = e.document)",
            "participants": "SELECT COUNT(*) FROM participants p WHERE NOT EXISTS "
                            "(SELECT 1 FROM events e WHERE e.id = p.event)"
        }
        found = {name: connection.execute(sql).fetchone()[0] for name, sql in orphans.items()}
        assert found == dict.fromkeys(orphans, 0)


def event_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def articles(tmp_path_factory) -> Path:
    """A folder of 15 small articles."""
    folder = tmp_path_factory.mktemp("articles")
    write_articles(folder, 15)
    return folder
