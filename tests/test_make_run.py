"""What `make run` shows a user, on the store it makes (the bundled examples): each event once, ids that chain,
true series, and a chart whose labels never overlap or leave the figure.

The chart of the busiest dyad is saved in out/screenshots/ to be looked at; the test checks its label boxes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente import api
from detente.cli import main
from detente.reciprocity.analysis import series_columns
from detente.store import EventFilter, Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
SHOTS = ROOT / "out" / "screenshots"


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The store of `make run`: `detente code examples/articles --db … --quiet`."""
    path = tmp_path_factory.mktemp("make-run") / "detente.sqlite"
    run("code", EXAMPLES, "--db", path, "--quiet")
    return path


@pytest.fixture(scope="module")
def busiest(db):
    with Store.open(db) as store:
        summary = api.summary(store, top=1)
    return next(iter(summary.timelines))


def table_rows(text: str) -> list[list[str]]:
    """The cells of each row of rich tables in ``text`` (rows wrapped over several lines are joined)."""
    rows = []
    for line in text.splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        if cells[0] or not rows:
            rows.append(cells)
        else:  # a wrapped row goes on
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return rows


def test_the_summary_lists_each_real_event_once_with_its_reports_and_outlets(db):
    text = run("summary", "--db", db)
    assert re.match(r"\d+ documents, \d+ reports, \d+ events \(an event is one real-world event", text)
    with Store.open(db) as store:
        summary = api.summary(store)
        for pair, rows in summary.timelines.items():
            events = api.events(store, EventFilter(dyad=pair, statuses=api.DEFAULT_STATUSES))
            assert [row.number for row in rows] == [event["number"] for event in events]
            assert len({row.number for row in rows}) == len(rows)  # each event once
            for row, event in zip(rows, events, strict=True):
                assert row.reports == len(event["mentions"]) and list(row.outlets) == event["sources"]
    timelines = text.split("Timeline ")[1:]
    assert len(timelines) == len(summary.timelines)
    for shown, rows in zip(timelines, summary.timelines.values(), strict=True):
        cells = table_rows(shown)
        assert [int(c[0]) for c in cells] == [row.number for row in rows]
        assert [int(c[7]) for c in cells] == [row.reports for row in rows]
    # Events, not reports: the expulsion of 35 diplomats in December 2016 is one row however many report it.
    expulsions = [row for rows in summary.timelines.values() for row in rows
                  if row.date == "2016-12-29" and row.cameo == "161" and row.actor == "USA"]
    assert len(expulsions) == 1 and expulsions[0].reports > 1 and len(expulsions[0].outlets) > 1


def shown_ids(db, busiest) -> dict[str, set[str]]:
    """The event and report numbers each table shows, by the command that printed it."""
    first, second = busiest
    found = {}
    found["events"] = {c[0] for c in table_rows(run("events", "--db", db))}
    found["reports"] = {c[0] for c in table_rows(run("reports", "--db", db))} | \
        {c[1] for c in table_rows(run("reports", "--db", db)) if c[1]}
    found["timeline"] = {c[0] for c in table_rows(run("timeline", first, second, "--db", db))}
    found["summary"] = {c[0] for c in table_rows(run("summary", "--db", db).split("Timeline ", 1)[1])}
    found["parity"] = {c[0] for c in table_rows(run("parity", first, second, "--db", db))}
    some = sorted(found["events"], key=int)[0]
    found["sources"] = {c[0] for c in table_rows(run("sources", some, "--db", db))}
    found["chain"] = {line.split(".")[0].split()[-1] for line in run("chain", some, "--db", db).splitlines()
                      if re.search(r"\d+\. ", line)}
    return found


def test_every_table_shows_ids_that_sources_and_chain_accept(db, busiest):
    found = shown_ids(db, busiest)
    for command, ids in found.items():
        assert ids, f"`detente {command}` shows no ids"
        assert all(re.fullmatch(r"r?\d+", id_) for id_ in ids), (command, ids)
    with Store.open(db) as store:
        for command, ids in found.items():
            for id_ in sorted(ids)[:5]:
                event = api.sources(store, id_)
                if id_.startswith("r"):
                    assert int(id_[1:]) in {m["report"] for m in event["mentions"]}, (command, id_)
                else:
                    assert event["number"] == int(id_), (command, id_)
    for id_ in sorted(found["reports"])[:3] + sorted(found["timeline"])[:3]:
        assert run("sources", id_, "--db", db).startswith("Event ")
        assert "▸ " in run("chain", id_, "--db", db)


def test_exports_write_the_numbers_the_tables_show(db, tmp_path):
    run("export", "--db", db, "--format", "csv", "--output", tmp_path / "events.csv")
    run("export", "--db", db, "--format", "gdelt", "--output", tmp_path / "events.tsv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text(encoding="utf-8"))))
    numbers = {row["id"] for row in rows}
    assert numbers == {c[0] for c in table_rows(run("events", "--db", db))}
    answers = {n for row in rows for n in row["responds_to"].split(";") if n}
    assert answers and answers <= numbers
    gdelt = [line.split("\t")[0] for line in (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert set(gdelt) <= numbers


@pytest.mark.parametrize("period", ["week", "month"])
def test_dyad_csv_has_every_period(db, busiest, period):
    first, second = busiest
    rows = list(csv.DictReader(io.StringIO(run("dyad", first, second, "--db", db, "--period", period,
                                               "--format", "csv"))))
    assert list(rows[0]) == series_columns()
    for direction in ((first, second), (second, first)):
        days = [date.fromisoformat(r["period"]) for r in rows if (r["actor"], r["recipient"]) == direction]
        if period == "week":
            assert all((b - a).days == 7 for a, b in zip(days, days[1:]))
        else:
            assert all((b.year * 12 + b.month) - (a.year * 12 + a.month) == 1 and b.day == 1
                       for a, b in zip(days, days[1:]))
        assert days[0] <= date(2016, 12, 29) and days[-1] >= date(2021, 6, 16)
    assert any(r["events"] == "0" for r in rows)  # quiet periods are there, with zeros
    for row in rows:
        kinds = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
        assert int(row["events"]) == sum(int(row[k]) for k in kinds) == sum(
            int(row[t]) for t in series_columns()[10:])
    data = json.loads(run("dyad", first, second, "--db", db, "--period", period, "--format", "json"))
    assert len(data["series"]) == len(rows)
    assert sum(p["events"] for p in data["series"]) == sum(int(r["events"]) for r in rows)


def test_the_plot_of_the_busiest_dyad_has_no_overlapping_labels(db, busiest):
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"plot-{busiest[0]}-{busiest[1]}.png"
    with Store.open(db) as store:
        chart = api.plot(store, *busiest, str(path), period="month")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = chart.size
    assert chart.labels, "the largest events are labelled"
    for text, (x0, y0, x1, y1) in chart.labels:
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, f"label {text!r} leaves the figure"
    for (a, (ax0, ay0, ax1, ay1)), (b, (bx0, by0, bx1, by1)) in combinations(chart.labels, 2):
        assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, f"labels {a!r} and {b!r} overlap"
    if chart.listed:  # the others are listed below the panels, inside the figure, under every label
        x0, y0, x1, y1 = chart.list_box
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height
        assert all(y1 <= label_y0 for _, (_, label_y0, _, _) in chart.labels)
    with Store.open(db) as store:
        linked = [e for e in api.events(store, EventFilter(dyad=busiest)) if e["links"] and e["date"]]
    assert len(chart.labels) + len(chart.listed) <= sum(len(e["links"]) for e in linked)
    assert len(chart.labels) + len(chart.listed) >= len(linked) // 2


def test_the_plot_has_a_window(db, busiest, tmp_path):
    path = tmp_path / "window.svg"
    run("plot", *busiest, "--db", db, "--output", path, "--since", "2017-07-01", "--until", "2017-09-30")
    svg = path.read_text(encoding="utf-8")
    assert "2017-07-01 to 2017-09-30" in svg
    result = CliRunner().invoke(main, ["plot", *busiest, "--db", str(db), "--output", str(tmp_path / "none.png"),
                                       "--since", "1990-01-01", "--until", "1990-12-31"])
    assert result.exit_code == 2 and "no dated events between" in result.stderr
