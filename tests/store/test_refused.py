"""A document whose rows the store refuses is recorded and skipped: the run goes on, and what was stored stays."""

from __future__ import annotations

import dataclasses
import json

from click.testing import CliRunner

from detente.cli import PARTIAL_FAILURE, main
from detente.store import Store

RECORDS = [
    {"id": "first", "date": "2023-04-15", "text": "Russia expelled ten Norwegian diplomats on Friday."},
    {"id": "refused", "date": "2023-04-16", "text": "Norway expelled ten Russian diplomats on Saturday."},
    {"id": "last", "date": "2023-04-17", "text": "Finland recalled its ambassador from Moscow on Sunday."},
]


def test_a_document_the_store_refuses_is_recorded_and_the_run_goes_on(database, tmp_path, monkeypatch):
    original = Store._add_event

    def add_event(self, document_hash, event):
        # a bug that writes a row the schema forbids (NOT NULL), for one document only
        original(self, document_hash, dataclasses.replace(event, cameo=None) if event.doc_id == "refused" else event)

    monkeypatch.setattr(Store, "_add_event", add_event)
    inputs = tmp_path / "news.jsonl"
    inputs.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    result = CliRunner().invoke(main, ["code", str(inputs), "--db", database, "-q", "--no-progress"])
    assert result.exit_code == PARTIAL_FAILURE, result.output
    refused = [line for line in result.stderr.splitlines() if "refused" in line]
    assert len(refused) == 1 and "news.jsonl (refused)" in refused[0] and "cameo" in refused[0], result.stderr
    with Store.open(database) as store:
        assert sorted(stored.document.id for stored in store.documents()) == ["first", "last"]
    monkeypatch.undo()
    again = CliRunner().invoke(main, ["code", str(inputs), "--db", database, "-q", "--no-progress"])
    assert again.exit_code == 0, again.output  # a re-run stores it, and nothing twice
    with Store.open(database) as store:
        assert sorted(stored.document.id for stored in store.documents()) == ["first", "last", "refused"]
