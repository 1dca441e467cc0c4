"""--min-confidence on every command that lists, counts or writes events, on a store whose reports carry
known confidences (tests/trust.py); the exports re-read with pandas as a user would."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pandas as pd
import pytest

from detente import batch
from detente.cli import BAD_USAGE
from detente.store import Store

from . import trust
from .test_cli import MOSCOW, jsonl, run

DYAD = {"gbr", "threat", "rus", "shut"}  # the events between GBR and RUS


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("trust") / "trust.sqlite"
    with Store.open(path) as store:
        trust.build(store)
    return path


@pytest.fixture(scope="module")
def names(db):
    with Store.open(db) as store:
        return trust.event_names(store)


def minimum(value):
    """The option, or none at all for the default (0: every event)."""
    return ["--min-confidence", value] if value else []


@pytest.mark.parametrize("command", ["events", "aggregated", "export"])
@pytest.mark.parametrize("value", sorted(trust.PASSING))
def test_events_and_export(db, names, tmp_path, command, value):
    if command == "export":
        out = tmp_path / "events.jsonl"
        assert run("export", "--db", db, "--format", "plover", "--output", out, *minimum(value)).exit_code == 0
        text = out.read_text(encoding="utf-8")
    else:
        result = run(command, "--db", db, "--format", "jsonl", *minimum(value))
        assert result.exit_code == 0, result.output
        text = result.stdout
    assert {names[record["number"]] for record in jsonl(text)} == trust.PASSING[value]


@pytest.mark.parametrize("command", [("reports",), ("events", "--reports")])
@pytest.mark.parametrize("value", sorted(trust.REPORTS_PASSING))
def test_reports(db, command, value):
    result = run(*command, "--db", db, "--format", "jsonl", *minimum(value))
    assert result.exit_code == 0, result.output
    assert {record["doc_id"] for record in jsonl(result.stdout)} == trust.REPORTS_PASSING[value]


@pytest.mark.parametrize("value", sorted(trust.PASSING))
def test_timeline(db, names, value):
    result = run("timeline", "GBR", "RUS", "--db", db, "--format", "jsonl", *minimum(value))
    assert result.exit_code == 0, result.output
    rows = jsonl(result.stdout)
    assert {names[row["number"]] for row in rows} == trust.PASSING[value] & DYAD
    assert all(row["confidence"] is None or row["confidence"] >= value for row in rows)
    reports = run("timeline", "GBR-RUS", "--reports", "--db", db, "--format", "jsonl", *minimum(value))
    expected = {doc_id for doc_id, _, _, [(*_, confidence)] in trust.DOCUMENTS if doc_id != "courier-0315"
                and (not value or confidence is not None and confidence >= value)}
    assert {record["doc_id"] for record in jsonl(reports.stdout)} == expected


def test_timeline_csv_carries_confidence_and_independent_sources(db, names):
    result = run("timeline", "GBR", "RUS", "--db", db, "--format", "csv")
    rows = {names[int(row["number"])]: row for row in csv.DictReader(result.stdout.splitlines())}
    assert rows["rus"]["confidence"] == "0.85" and rows["rus"]["independent_sources"] == "2"
    assert rows["threat"]["confidence"] == ""


@pytest.mark.parametrize(("value", "dyads"), [
    (0.0, {("GBR", "RUS"): 2, ("RUS", "GBR"): 2, ("USA", "RUS"): 1}),
    (0.7, {("GBR", "RUS"): 2, ("RUS", "GBR"): 1}),
    (0.8, {("GBR", "RUS"): 1, ("RUS", "GBR"): 1}),
])
def test_summary(db, value, dyads):
    result = run("summary", "--db", db, "--format", "json", *minimum(value))
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert {(d["actor"], d["recipient"]): d["events"] for d in found["dyads"]} == dyads
    assert found["events"] == 5  # what the store holds, whatever the filter
    assert found["min_confidence"] == value
    table = " ".join(run("summary", "--db", db, *minimum(value)).stdout.split())
    assert ("confidence at least 0.8" in table) is (value == 0.8)


@pytest.mark.parametrize(("value", "events"), [(0.0, 4), (0.7, 3), (0.8, 2)])
def test_dyad(db, value, events):
    result = run("dyad", "GBR", "RUS", "--db", db, "--format", "json", "--period", "month", *minimum(value))
    assert result.exit_code == 0, result.output
    assert sum(point["events"] for point in json.loads(result.stdout)["series"]) == events
    series = run("dyad", "GBR", "RUS", "--db", db, "--format", "csv", *minimum(value)).stdout
    assert pd.read_csv(io.StringIO(series))["events"].sum() == events


@pytest.mark.parametrize(("value", "expected"), [(0.0, {"gbr", "rus", "shut"}), (0.8, {"gbr", "rus"}),
                                                 (0.95, set())])
def test_parity(db, names, value, expected):
    result = run("parity", "GBR", "RUS", "--db", db, "--format", "json", *minimum(value))
    assert result.exit_code == 0, result.output
    assert {names[entry["number"]] for entry in json.loads(result.stdout)["entries"]} == expected


def test_plot(db, tmp_path):
    chart = tmp_path / "chart.svg"
    assert run("plot", "GBR", "RUS", "--db", db, "--output", chart, "--min-confidence", "0.8").exit_code == 0
    assert chart.exists()
    result = run("plot", "GBR", "RUS", "--db", db, "--output", tmp_path / "none.svg", "--min-confidence", "0.95")
    assert result.exit_code == BAD_USAGE
    assert "no dated events with a confidence of at least 0.95 between GBR and RUS" in result.stderr
    assert not (tmp_path / "none.svg").exists()


@pytest.mark.parametrize("value", ["1.5", "-0.1", "abc", "nan"])
@pytest.mark.parametrize("command", [
    ("events",), ("reports",), ("aggregated",), ("timeline", "GBR", "RUS"), ("summary",), ("dyad", "GBR", "RUS"),
    ("parity", "GBR", "RUS"), ("plot", "GBR", "RUS", "--output", "x.png"), ("export", "--format", "csv", "-o", "x"),
])
def test_a_wrong_minimum_is_one_line(db, command, value):
    result = run(*command, "--db", db, "--min-confidence", value)
    assert result.exit_code == BAD_USAGE
    assert result.stderr.count("\n") == 1 and "is not a confidence: give a number from 0 to 1" in result.stderr


def test_code_checks_the_minimum_too(tmp_path):
    article = tmp_path / "moscow.txt"
    article.write_text(MOSCOW, encoding="utf-8")
    result = run("code", article, "--min-confidence", "2")
    assert result.exit_code == BAD_USAGE and "'2' is not a confidence" in result.stderr


# -- exports, re-read with pandas ---------------------------------------------------------------------

def test_export_csv_and_parquet(db, names, tmp_path):
    for fmt, read in (("csv", pd.read_csv), ("parquet", pd.read_parquet)):
        path = tmp_path / f"events.{fmt}"
        assert run("export", "--db", db, "--format", fmt, "--output", path, "--min-confidence", "0.7").exit_code == 0
        frame = read(path)
        assert {names[number] for number in frame["id"]} == trust.PASSING[0.7]
        found = dict(zip((names[number] for number in frame["id"]), frame["confidence"], strict=True))
        assert found == {name: trust.EVENTS[name][1] for name in trust.PASSING[0.7]}
        assert dict(zip((names[n] for n in frame["id"]), frame["independent_sources"], strict=True))["rus"] == 2
        assert str(frame["confidence"].dtype) == "float64"
    assert run("export", "--db", db, "--format", "csv", "--output", tmp_path / "all.csv").exit_code == 0
    everything = pd.read_csv(tmp_path / "all.csv")
    assert len(everything) == 5 and everything["confidence"].isna().sum() == 1  # the event without one


def test_export_plover_carries_both_levels(db, names, tmp_path):
    path = tmp_path / "events.jsonl"
    run("export", "--db", db, "--format", "plover", "--output", path)
    frame = pd.read_json(path, lines=True, dtype={"cameo": str})
    rows = {names[number]: row for number, row in zip(frame["number"], frame.to_dict("records"), strict=True)}
    assert rows["rus"]["confidence"] == 0.85 and rows["rus"]["independent_sources"] == 2
    assert sorted(m["confidence"] for m in rows["rus"]["mentions"]) == pytest.approx([0.5, 0.6, 0.7])
    assert pd.isna(rows["threat"]["confidence"])


def test_export_gdelt_mentions_fill_confidence(db, names, tmp_path):
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    result = run("export", "--db", db, "--format", "gdelt", "--output", events, "--mentions", mentions,
                 "--min-confidence", "0.7")
    assert result.exit_code == 0, result.output
    table = pd.read_csv(events, sep="\t", quoting=csv.QUOTE_NONE)
    assert {names[number] for number in table["GLOBALEVENTID"]} == trust.PASSING[0.7]
    rows = pd.read_csv(mentions, sep="\t", quoting=csv.QUOTE_NONE)
    assert str(rows["Confidence"].dtype) == "int64"
    by_event = {}
    for number, confidence in zip(rows["GLOBALEVENTID"], rows["Confidence"], strict=True):
        by_event.setdefault(names[number], []).append(confidence)
    # GDELT's percentage of each report's confidence: every report of the events kept, copies too
    assert {name: sorted(values) for name, values in by_event.items()} == {
        "gbr": [90], "rus": [50, 60, 70], "shut": [70, 80]}


def test_report_exports_carry_confidence(db):
    result = run("reports", "--db", db, "--format", "csv", "--min-confidence", "0.7")
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert sorted(frame["confidence"]) == [0.7, 0.7, 0.8, 0.9]
    assert set(frame["doc_id"]) == trust.REPORTS_PASSING[0.7]


# -- tables and sources -----------------------------------------------------------------------------

def test_events_table_shows_confidence(db):
    table = run("events", "--db", db).stdout
    assert "confidence" in table and "0.85" in table and "0.75" in table


def test_sources_shows_why(db, names):
    number = next(n for n, name in names.items() if name == "rus")
    result = run("sources", str(number), "--db", db)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "3 outlets, 2 independent sources, confidence 0.85" in text
    # one source: the wire story and its reprint (placed first), counted with the wire's report
    assert "1. Northern Courier (r6): best report r6, 0.50" in text
    assert "2. Harbour Ledger, Capital Wire (r5, r4): best report r4, 0.70" in text
    assert "Confidence: 1 - (1 - 0.50) × (1 - 0.70) = 0.8500 → 0.85." in text
    record = json.loads(run("sources", str(number), "--db", db, "--format", "json").stdout)
    why = {report["source"]: report for report in record["corroboration"]["reports"]}
    assert why["Harbour Ledger"]["copy_of"] is None  # the first of the two to be placed
    assert why["Capital Wire"]["copy_of"] == why["Harbour Ledger"]["report"]
    assert why["Capital Wire"]["counted"] and not why["Harbour Ledger"]["counted"]
    shut = next(n for n, name in names.items() if name == "shut")
    text = " ".join(run("sources", str(shut), "--db", db).stdout.split())
    assert "the reports disagree on numbers: × 0.8 → 0.75" in text


# -- code: the events written, not those stored ------------------------------------------------------

def test_code_writes_only_the_events_sure_enough(tmp_path, monkeypatch):
    """The coder's confidences are the model's business: here each SANCTION report gets 0.9, others 0.3."""
    coded = batch.code_documents

    def with_confidence(documents, settings, **options):
        for one in coded(documents, settings, **options):
            events = tuple(dataclasses.replace(e, confidence=0.9 if e.event == "SANCTION" else 0.3)
                           for e in one.events)
            yield dataclasses.replace(one, events=events)

    monkeypatch.setattr(batch, "code_documents", with_confidence)
    article = tmp_path / "moscow.txt"
    article.write_text(MOSCOW, encoding="utf-8")
    db = tmp_path / "coded.sqlite"
    everything = jsonl(run("code", article, "--status", "all").stdout)
    assert {e["event"] for e in everything} - {"SANCTION"}, "the article should have events of other types"
    result = run("code", article, "--status", "all", "--db", db, "--min-confidence", "0.8")
    assert result.exit_code == 0, result.output
    written = jsonl(result.stdout)
    assert written and {e["event"] for e in written} == {"SANCTION"}
    assert {e["confidence"] for e in written} == {0.9}
    assert f"{len(written)} written with the statuses" in result.stderr
    assert "and a confidence of at least 0.8" in result.stderr
    with Store.open(db) as store:  # the store keeps every report, with its confidence
        kept = {row[0] for row in store.connection.execute("SELECT confidence FROM events")}
        assert store.count("events") == len(everything) and kept == {0.9, 0.3}
