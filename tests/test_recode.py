"""Re-coding: stored texts coded again with today's lexicon give the store that coding from scratch gives.

The lexicon is changed as a user would change it (a trigger taken out), the bundled examples are coded
with it, the lexicon is put back, and `detente recode` brings the store up to date: its documents,
reports, events and links are then those of a store coded from scratch with today's lexicon.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente import api, batch
from detente.cli import main
from detente.events import lexicon
from detente.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def fresh_coder() -> None:
    """Forget the lexicon and the coders loaded with it."""
    lexicon.load_lexicon.cache_clear()
    batch._coder.cache_clear()


@pytest.fixture
def lexicons(tmp_path, monkeypatch):
    """Switch between today's lexicon and one whose verb `expel` is not a trigger: ``lexicons(changed=True)``."""
    text = lexicon.LEXICON.read_text(encoding="utf-8")
    entry = '  expel:\n    - {cameo: "161", mode: expel, object: ["@diplomat", "@facility"]}\n' \
            '    - {cameo: "174", object: "@deportee"}\n    - {cameo: "161", mode: expel}\n'
    assert text.count(entry) == 1, "the test takes out the verb expel of the lexicon"
    changed = tmp_path / "lexicon.yaml"
    changed.write_text(text.replace(entry, ""), encoding="utf-8")
    today = lexicon.LEXICON

    def use(*, changed_lexicon: bool) -> None:
        monkeypatch.setattr(lexicon, "LEXICON", changed if changed_lexicon else today)
        fresh_coder()

    yield use
    monkeypatch.undo()
    fresh_coder()


def member_key(mention: dict) -> tuple:
    return mention["doc_id"], mention["sentence"], tuple(mention["trigger_span"] or ()), mention["status"]


def contents(store: Store) -> dict:
    """What a store says, without its ids and numbers (which depend on the order things were stored)."""
    documents = sorted(tuple(row) for row in store.connection.execute(
        "SELECT id, source, url, date, text_hash, coder FROM documents"))
    reports = sorted(json.dumps({k: v for k, v in record.items() if k != "id"}, sort_keys=True)
                     for record in store.events())
    events = {}
    for record in api.events(store):
        members = tuple(sorted(member_key(m) for m in record["mentions"]))
        events[members] = (record["date"], record["event"], record["cameo"], record["status"], record["sources"],
                           record["first_seen"], record["last_seen"], record["date_first"], record["date_last"],
                           json.dumps(record["disagreements"], sort_keys=True))
    by_id = {record["id"]: tuple(sorted(member_key(m) for m in record["mentions"])) for record in api.events(store)}
    links = sorted((by_id[link.cause], by_id[link.effect], link.type, link.score, link.cue or "")
                   for link in store.links())
    return {"documents": documents, "reports": reports, "events": events, "links": links}


@pytest.mark.parametrize("taken_out", [False, True], ids=["a trigger put back", "a trigger taken out"])
def test_recode_after_a_lexicon_change_gives_the_store_coded_from_scratch(tmp_path, lexicons, taken_out):
    recoded, scratch = tmp_path / "recoded.sqlite", tmp_path / "scratch.sqlite"
    lexicons(changed_lexicon=not taken_out)
    assert run("code", EXAMPLES, "--db", recoded, "--quiet").exit_code == 0
    with Store.open(recoded) as store:
        before = contents(store)
    lexicons(changed_lexicon=taken_out)  # the lexicon changes

    summary = run("summary", "--db", recoded)
    assert "18 documents (" in summary.stdout and "were coded by an older version of the coder" in summary.stdout

    result = run("recode", "--db", recoded)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("18 documents coded again (18 had been coded by an older version); reports: ")
    assert run("code", EXAMPLES, "--db", scratch, "--quiet").exit_code == 0
    with Store.open(recoded) as first, Store.open(scratch) as second:
        after, expected = contents(first), contents(second)
    assert before["reports"] != expected["reports"], "the lexicon change should change the reports"
    for part in expected:
        assert after[part] == expected[part], part
    assert "older version" not in run("summary", "--db", recoded).stdout


def test_recode_without_a_change_keeps_every_report_event_and_number(tmp_path):
    db = tmp_path / "store.sqlite"
    assert run("code", EXAMPLES, "--db", db, "--quiet").exit_code == 0
    with Store.open(db) as store:
        before = (list(store.reports()), api.events(store), store.links())
    result = run("recode", "--db", db)
    assert result.exit_code == 0, result.output
    assert ", 0 removed, 0 added," in result.stderr.splitlines()[0]
    with Store.open(db) as store:
        assert (list(store.reports()), api.events(store), store.links()) == before


def test_recode_takes_the_documents_of_an_outlet_or_a_window(tmp_path, lexicons):
    db = tmp_path / "store.sqlite"
    assert run("code", EXAMPLES, "--db", db, "--quiet").exit_code == 0
    lexicons(changed_lexicon=True)
    with Store.open(db) as store:
        outlet = store.outlets()[0]
        of_outlet = [s for s in store.documents() if s.document.source == outlet]
    result = run("recode", "--db", db, "--outlet", outlet.upper())
    assert result.stderr.startswith(f"{len(of_outlet)} document")
    assert " coded again (" in result.stderr
    window = run("recode", "--db", db, "--since", "2018-03-01", "--until", "2018-03-31")
    with Store.open(db) as store:
        march = store.documents(since=date(2018, 3, 1), until=date(2018, 3, 31))
        assert march and window.stderr.startswith(f"{len(march)} document")
        left = api.summary(store).outdated_documents
    assert 0 < left < 18 - len(of_outlet) + 1
    bad = run("recode", "--db", db, "--outlet", "Nobody's Gazette")
    assert bad.exit_code == 2 and "no document in the store is from the outlet" in bad.stderr
