"""`detente code --db` on a folder of every hostile input next to a good article: one `error:` line per bad input
naming it, exit code 3 (some inputs failed), the good documents stored, and the store intact; a second run adds
nothing."""

from __future__ import annotations

from click.testing import CliRunner

from detente.cli import PARTIAL_FAILURE, main

from .conftest import assert_consistent, snapshot, write_articles
from .hostile import CASES, DOCUMENT, MAX_BYTES


def test_code_names_each_hostile_input_on_one_line_and_keeps_the_store(tmp_path):
    folder = tmp_path / "inputs"
    write_articles(folder, 1)
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    db = tmp_path / "store.sqlite"

    result = CliRunner().invoke(main, ["code", str(folder), "--db", str(db), "--quiet", "--max-bytes", MAX_BYTES])
    assert result.exit_code == PARTIAL_FAILURE, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for case in CASES:
        named = [line for line in errors if line.startswith(f"error: {folder / case.name}")]
        assert bool(named) == (case.outcome != DOCUMENT), (case.name, named)
        assert all(case.message in line for line in named[-1:])
    summary = result.stderr.strip().splitlines()[-2]
    documents = 1 + sum(case.documents + (case.outcome == DOCUMENT) for case in CASES)
    assert summary.startswith(f"{documents} documents stored (")
    assert summary.endswith(f"0 duplicates skipped, {len(errors)} failed")
    assert_consistent(db)
    first = snapshot(db)
    assert len(first["documents"]) == documents

    again = CliRunner().invoke(main, ["code", str(folder), "--db", str(db), "--quiet", "--max-bytes", MAX_BYTES])
    assert again.exit_code == PARTIAL_FAILURE
    assert (f"0 documents stored (0 coded), 0 reports, {documents} duplicates skipped, {len(errors)} failed"
            in again.stderr)
    assert snapshot(db) == first
    assert_consistent(db)
