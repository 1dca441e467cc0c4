"""Every report counts: one text from several outlets is several reports, coded once; a repeat is a duplicate.

A document is one report of one outlet on one date.  Syndicated wire copy is the case: the same text from
outlets A, B and C (C a week later) is three documents, three reports, three sources, and two events —
A's and B's on one Friday, C's on the next (its "Friday" is another day).  The counts printed are the
counts stored.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente import api, batch
from detente.cli import main
from detente.store import Store

TEXT = "Russia expelled ten Norwegian diplomats on Friday, the foreign ministry in Moscow said."
RECORDS = [
    {"id": "wire-a", "source": "Outlet A", "date": "2023-04-15", "url": "https://a.example/expulsion", "text": TEXT},
    {"id": "wire-b", "source": "Outlet B", "date": "2023-04-15", "url": "https://b.example/expulsion", "text": TEXT},
    {"id": "wire-c", "source": "Outlet C", "date": "2023-04-22", "url": "https://c.example/expulsion", "text": TEXT},
]
REPEAT = {**RECORDS[0], "id": "wire-a-again"}  # the same text, outlet and address: a duplicate


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def coded(tmp_path, monkeypatch):
    """The three records and the repeat coded into a store, counting the documents the coder parses."""
    parsed = []
    code_chunk = batch._code

    def counting(coder, documents):
        parsed.extend(document.id for document in documents)
        return code_chunk(coder, documents)

    monkeypatch.setattr(batch, "_code", counting)
    inputs = tmp_path / "wire.jsonl"
    inputs.write_text("".join(json.dumps(record) + "\n" for record in [*RECORDS, REPEAT]), encoding="utf-8")
    db = tmp_path / "store.sqlite"
    result = run("code", inputs, "--db", db, "--quiet")
    assert result.exit_code == 0, result.output
    return db, result, parsed


def test_three_outlets_give_three_reports_three_sources_and_two_events(coded):
    db, _, _ = coded
    with Store.open(db) as store:
        assert store.count("documents") == 3 and store.count("events") == 3
        events = api.events(store)
    assert [(e["date"], e["event"], e["cameo"], len(e["mentions"]), e["sources"]) for e in events] == [
        ("2023-04-14", "SANCTION", "161", 2, ["Outlet A", "Outlet B"]),
        ("2023-04-21", "SANCTION", "161", 1, ["Outlet C"]),
    ]
    assert sorted({source for e in events for source in e["sources"]}) == ["Outlet A", "Outlet B", "Outlet C"]


def test_the_same_text_and_date_is_coded_once_and_the_counts_printed_are_stored(coded):
    db, result, parsed = coded
    assert parsed == ["wire-a", "wire-c"]  # B takes A's coding; C, published a week later, is coded for its date
    printed, update = result.stderr.splitlines()[-2:]
    assert printed == ("3 documents stored (2 coded; 1 reusing the coding of the same text from another outlet), "
                       "3 reports, 1 duplicate skipped, 0 failed")
    assert update.startswith("3 reports placed (2 new events)")
    summary = json.loads(run("summary", "--db", db, "--format", "json").stdout)
    assert (summary["documents"], summary["reports"], summary["events"]) == (3, 3, 2)


def test_each_report_is_its_outlets_own(coded):
    db, _, _ = coded
    reports = [json.loads(line) for line in run("reports", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert [(r["number"], r["doc_id"], r["source"], r["date"], r["event_number"]) for r in reports] == [
        (1, "wire-a", "Outlet A", "2023-04-14", 1),
        (2, "wire-b", "Outlet B", "2023-04-14", 1),
        (3, "wire-c", "Outlet C", "2023-04-21", 2),
    ]
    assert len({r["id"] for r in reports}) == 3
    sources = json.loads(run("sources", "r2", "--db", db, "--format", "json").stdout)
    assert sources["number"] == 1 and [m["source"] for m in sources["mentions"]] == ["Outlet A", "Outlet B"]


def test_running_again_stores_nothing(coded, tmp_path):
    db, _, _ = coded
    inputs = tmp_path / "wire.jsonl"
    result = run("code", inputs, "--db", db, "--quiet")
    assert result.stderr.splitlines()[-2] == ("0 documents stored (0 coded), 0 reports, 4 duplicates skipped, "
                                              "0 failed")
    with Store.open(db) as store:
        assert (store.count("documents"), store.count("events"), store.count("aggregates")) == (3, 3, 2)


def test_a_twin_in_a_later_run_takes_the_stored_coding(coded, tmp_path):
    db, _, parsed = coded
    parsed.clear()
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({**RECORDS[0], "id": "wire-d", "source": "Outlet D", "url": None}) + "\n",
                     encoding="utf-8")
    result = run("code", later, "--db", db, "--quiet")
    assert parsed == []
    assert result.stderr.splitlines()[-2].startswith("1 document stored (0 coded; 1 reusing")
    with Store.open(db) as store:
        first = api.events(store)[0]
    assert first["sources"] == ["Outlet A", "Outlet B", "Outlet D"] and len(first["mentions"]) == 3


def test_recode_codes_twins_once_and_keeps_their_reports(coded):
    db, _, parsed = coded
    with Store.open(db) as store:
        before = (list(store.reports()), api.events(store))
    parsed.clear()
    result = run("recode", "--db", db)
    assert result.exit_code == 0, result.output
    assert parsed == ["wire-a", "wire-c"]
    assert result.stderr.splitlines()[0].startswith("3 documents coded again (0 had been coded by an older version); "
                                                    "reports: 3 unchanged, 0 removed, 0 added")
    with Store.open(db) as store:
        assert (list(store.reports()), api.events(store)) == before
