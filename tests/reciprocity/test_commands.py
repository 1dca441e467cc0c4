"""The reciprocity commands on the store of the seed articles and the bundled examples."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente import api
from detente.cli import main
from detente.store import EventFilter


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def db(corpus_store):
    return corpus_store.path


def _the_755(corpus_store):
    return next(r for r in api.aggregated(corpus_store, EventFilter(dyad=("RUS", "USA"), event="SANCTION"))
                if any(m["size"] and m["size"]["count"] == 755 for m in r["mentions"]))


def test_aggregate_again_places_nothing(db):
    result = run("aggregate", "--db", db)
    assert result.exit_code == 0
    assert result.output.startswith("0 reports placed (0 new events)")


def test_aggregated_jsonl_has_mentions_sources_links(db):
    result = run("aggregated", "--db", db, "--dyad", "USA-RUS", "--format", "jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records and all({"mentions", "sources", "links", "number", "first_seen"} <= set(r) for r in records)
    assert any(len(r["sources"]) >= 2 for r in records)


def test_aggregated_table(db):
    result = run("aggregated", "--db", db, "--dyad", "RUS-GBR")
    assert result.exit_code == 0 and "SANCTION 161" in result.output


def test_sources_lists_the_reports_and_disagreements(corpus_store, db):
    the_755 = _the_755(corpus_store)
    result = run("sources", the_755["number"], "--db", db)
    assert result.exit_code == 0
    assert "755" in result.output and "Radio Habana Cuba" in result.output
    as_json = json.loads(run("sources", the_755["id"], "--db", db, "--format", "json").output)
    assert as_json["id"] == the_755["id"]


def test_sources_of_an_unknown_event_is_one_error_line(db):
    result = run("sources", "no-such-event", "--db", db)
    assert result.exit_code == 1 and result.output.startswith("Error: no event 'no-such-event'")
    assert len(result.output.splitlines()) == 1


def test_chain_shows_what_the_closure_answers(corpus_store, db):
    the_755 = _the_755(corpus_store)
    result = run("chain", the_755["number"], "--db", db)
    assert result.exit_code == 0
    assert "answered by:" in result.output and "responds_to" in result.output


def test_parity(db):
    result = run("parity", "USA", "RUS", "--db", db)
    assert result.exit_code == 0 and "455" in result.output and "ceiling" in result.output
    ledger = json.loads(run("parity", "usa", "rus", "--db", db, "--format", "json").output)
    assert ledger["dyad"] == ["USA", "RUS"] and ledger["ceilings"]["USA"]["count"] == 455


def test_dyad(db):
    result = run("dyad", "USA", "RUS", "--db", db, "--period", "month")
    assert result.exit_code == 0 and "Reciprocity" in result.output
    data = json.loads(run("dyad", "USA", "RUS", "--db", db, "--format", "json").output)
    directions = {(p["actor"], p["recipient"]) for p in data["series"]}
    assert directions == {("USA", "RUS"), ("RUS", "USA")}
    assert {r["actor"] for r in data["reciprocity"]} == {"USA", "RUS"}


def test_gdelt_export_rereads_with_61_columns(db, tmp_path):
    import pandas

    from detente.export import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS

    events, mentions = tmp_path / "events.tsv", tmp_path / "events.mentions.tsv"
    result = run("export", "--db", db, "--format", "gdelt", "--output", events)
    assert result.exit_code == 0, result.output
    table = pandas.read_csv(events, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    assert list(table.columns) == GDELT_EVENT_COLUMNS and len(table.columns) == 61 and len(table) > 0
    assert all(len(line.split("\t")) == 61 for line in events.read_text(encoding="utf-8").splitlines())
    mention_table = pandas.read_csv(mentions, sep="\t", dtype=str, keep_default_na=False, quoting=3)
    assert list(mention_table.columns) == GDELT_MENTION_COLUMNS
    assert set(mention_table["GLOBALEVENTID"]) <= set(table["GLOBALEVENTID"])
    assert (table["NumMentions"].astype(int) >= 1).all()


@pytest.mark.parametrize("fmt, suffix", [("csv", "csv"), ("parquet", "parquet"), ("plover", "jsonl")])
def test_exports_reread(db, tmp_path, fmt, suffix, corpus_store):
    import pandas

    path = tmp_path / f"events.{suffix}"
    assert run("export", "--db", db, "--format", fmt, "--output", path, "--status", "all").exit_code == 0
    if fmt == "csv":
        frame = pandas.read_csv(path)
    elif fmt == "parquet":
        frame = pandas.read_parquet(path)
    else:
        frame = pandas.read_json(path, lines=True)
    assert len(frame) == corpus_store.count("aggregates")
    assert frame["id"].is_unique


def test_plot_writes_png_and_svg(db, tmp_path):
    png, svg = tmp_path / "usa-rus.png", tmp_path / "usa-rus.svg"
    assert run("plot", "USA", "RUS", "--db", db, "--output", png, "--period", "month").exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run("plot", "USA", "RUS", "--db", db, "--output", svg).exit_code == 0
    assert "USA → RUS" in svg.read_text(encoding="utf-8")


def test_plot_of_an_empty_dyad_is_a_usage_error(db, tmp_path):
    result = run("plot", "FRA", "BRA", "--db", db, "--output", tmp_path / "none.png")
    assert result.exit_code == 2 and "no dated events between FRA and BRA" in result.output
