"""The command line, end to end on a few short articles (the real spaCy model, loaded once per process)."""

import csv
import io
import json
import re
import shutil
import socket
import subprocess
import sys
from types import SimpleNamespace

import click
import pytest
from click.testing import CliRunner

from detente.api import DEFAULT_STATUSES
from detente.cli import PARTIAL_FAILURE, main
from detente.export import CSV_COLUMNS, REPORT_TABLE_HEADER, TABLE_HEADER
from detente.store import Store

MOSCOW = """Russia expels 23 British diplomats

MOSCOW, March 17, 2018 — Russia expelled 23 British diplomats on Saturday and ordered Britain to close its \
consulate general in St Petersburg, in retaliation for London's expulsion of 23 Russian diplomats over the \
poisoning of a former spy in Salisbury.

The British ambassador was summoned to the Foreign Ministry and told that the diplomats had one week to leave.
"""

LONDON = """Britain expels 23 Russian diplomats

LONDON, March 14, 2018 — Britain expelled 23 Russian diplomats on Wednesday after Moscow gave no explanation \
for the use of a military nerve agent against a former spy and his daughter in Salisbury.

Prime Minister Theresa May told Parliament that the diplomats had one week to leave the country.
"""

# An outlet and a dyad of its own, and events other than sanctions, for the filters to tell apart.
GENEVA = {"id": "geneva-2021", "date": "2021-06-16", "source": "Alpine Courier",
          "text": "Biden and Putin meet in Geneva\n\nGENEVA, June 16, 2021 — President Joe Biden met Russian President "
                  "Vladimir Putin in Geneva on Wednesday. The two leaders agreed to return their ambassadors to "
                  "Washington and Moscow.\n\nBiden also warned Putin that the United States would respond if "
                  "Russia carried out cyberattacks on American infrastructure."}
WASHINGTON = {"id": "washington-2016", "date": "2016-12-29",
              "text": "The United States expelled 35 Russian diplomats on Thursday and closed two Russian compounds "
                      "in Maryland and New York in response to Moscow's interference in the presidential election."}
PRAGUE = {"id": "prague-2021", "date": "2021-04-18",
          "text": "Russia expelled 20 Czech diplomats on Sunday, a day after the Czech Republic expelled 18 "
                  "Russian diplomats over a 2014 explosion at an ammunition depot."}
# A line that is not JSON, between two good lines.
WIRE = "\n".join([json.dumps(WASHINGTON), '{"id": "broken", "text": "Russia expelled', json.dumps(PRAGUE)]) + "\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"

SOURCE = "Test Wire"
DOCUMENTS = {"moscow-expels", "london-expels", "geneva-2021"}


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def countries(entities):
    return {entity["country"] for entity in entities}


def is_between(record, first, second):
    actors, recipients = countries(record["actor"]), countries(record["recipient"])
    return (first in actors and second in recipients) or (second in actors and first in recipients)


def counts(db):
    with Store.open(db) as store:
        return {table: store.count(table) for table in ("documents", "sentences", "events", "participants")}


def document_ids(db):
    with Store.open(db) as store:
        return {row[0] for row in store.connection.execute("SELECT id FROM documents")}


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "moscow-expels.txt").write_text(MOSCOW, encoding="utf-8")
    (folder / "london-expels.txt").write_text(LONDON, encoding="utf-8")
    (folder / "geneva.jsonl").write_text(json.dumps(GENEVA) + "\n", encoding="utf-8")
    (folder / "wire.jsonl").write_text(WIRE, encoding="utf-8")
    (folder / "chart.png").write_bytes(PNG)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def stored(articles, tmp_path_factory):
    """One coding run of three articles into a store; the tests below read that store."""
    db = tmp_path_factory.mktemp("store") / "detente.sqlite"
    result = run("code", articles / "moscow-expels.txt", articles / "london-expels.txt", articles / "geneva.jsonl",
                 "--db", db, "--source", SOURCE, "--format", "jsonl")
    return SimpleNamespace(result=result, db=db, records=jsonl(result.stdout))


def test_code_prints_jsonl_events(stored):
    assert stored.result.exit_code == 0, stored.result.output
    records = stored.records
    assert {record["doc_id"] for record in records} == DOCUMENTS
    assert all(record["status"] in DEFAULT_STATUSES for record in records)
    outlets = {record["doc_id"]: record["source"] for record in records}
    assert outlets == {"moscow-expels": SOURCE, "london-expels": SOURCE, "geneva-2021": "Alpine Courier"}
    expulsions = {(record["doc_id"], record["event"], record["date"]) for record in records
                  if is_between(record, "RUS", "GBR")}
    assert ("moscow-expels", "SANCTION", "2018-03-17") in expulsions
    assert ("london-expels", "SANCTION", "2018-03-14") in expulsions
    assert ("geneva-2021", "CONSULT", "2021-06-16") in {
        (record["doc_id"], record["event"], record["date"]) for record in records if is_between(record, "USA", "RUS")}
    summary, update = stored.result.stderr.splitlines()[-2:]
    reports = counts(stored.db)["events"]
    assert summary == (f"3 documents stored (3 coded), {reports} reports ({len(records)} written with the statuses "
                       "actual, planned), 0 duplicates skipped, 0 failed")
    assert update.startswith(f"{reports} reports placed (")


def test_code_stores_the_documents_and_events_it_printed(stored):
    assert counts(stored.db)["documents"] == 3
    assert document_ids(stored.db) == DOCUMENTS
    with Store.open(stored.db) as store:
        kept = [record for record in store.events() if record["status"] in DEFAULT_STATUSES]
    assert sorted(record["id"] for record in kept) == sorted(record["id"] for record in stored.records)


def check_csv(stdout):
    reader = csv.DictReader(io.StringIO(stdout))
    rows = list(reader)
    assert reader.fieldnames == CSV_COLUMNS
    assert any(row["event"] == "SANCTION" and row["actor_country"] == "RUS" for row in rows)


def check_table(stdout, header=TABLE_HEADER):
    head = next(line for line in stdout.splitlines() if "date" in line and "┃" in line)
    assert all(column in head for column in header)
    assert "SANCTION" in stdout
    assert "moscow-expels" in stdout


@pytest.mark.parametrize(("fmt", "check"), [("csv", check_csv), ("table", check_table)])
def test_code_formats(articles, fmt, check):
    result = run("code", articles / "moscow-expels.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    check(result.stdout)


def test_second_run_stores_nothing_new(stored, articles):
    before = counts(stored.db)
    result = run("code", articles / "moscow-expels.txt", "--db", stored.db, "--source", SOURCE)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    summary, update = result.stderr.splitlines()[-2:]
    assert summary == ("0 documents stored (0 coded), 0 reports (0 written with the statuses actual, planned), "
                       "1 duplicate skipped, 0 failed")
    assert update.startswith("0 reports placed (0 new events); links: 0 stated, 0 inferred")
    assert counts(stored.db) == before


@pytest.mark.parametrize(
    ("options", "keep"),
    [
        pytest.param(["--dyad", "GBR-RUS"], lambda r: is_between(r, "GBR", "RUS"), id="dyad"),
        pytest.param(["--dyad", "rus_gbr"], lambda r: is_between(r, "GBR", "RUS"), id="dyad lower case"),
        pytest.param(["--type", "SANCTION"], lambda r: r["event"] == "SANCTION", id="type"),
        pytest.param(["--type", "consult", "--dyad", "RUS-USA"],
                     lambda r: r["event"] == "CONSULT" and is_between(r, "USA", "RUS"), id="type and dyad"),
        pytest.param(["--since", "2018-03-15"], lambda r: r["date"] is not None and r["date"] >= "2018-03-15",
                     id="since"),
        pytest.param(["--until", "2018-03-14"], lambda r: r["date"] is not None and r["date"] <= "2018-03-14",
                     id="until"),
        pytest.param(["--outlet", SOURCE.upper()], lambda r: r["doc_id"] != "geneva-2021", id="outlet"),
        pytest.param(["--outlet", "Alpine Courier"], lambda r: r["doc_id"] == "geneva-2021", id="other outlet"),
        pytest.param(["--cameo", "161"], lambda r: r["cameo"].startswith("161"), id="cameo"),
    ],
)
@pytest.mark.parametrize("command", [["reports"], ["events", "--reports"]], ids=["reports", "events --reports"])
def test_reports_filter(stored, options, keep, command):
    everything = jsonl(run(*command, "--db", stored.db, "--format", "jsonl").stdout)
    expected = [record for record in everything if keep(record)]
    assert 0 < len(expected) < len(everything), "the articles should give reports on both sides of this filter"
    result = run(*command, "--db", stored.db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert jsonl(result.stdout) == expected


@pytest.mark.parametrize(
    ("options", "keep"),
    [
        pytest.param(["--dyad", "GBR RUS"], lambda r: is_between(r, "GBR", "RUS"), id="dyad"),
        pytest.param(["--type", "sanction"], lambda r: r["event"] == "SANCTION", id="type"),
        pytest.param(["--cameo", "16"], lambda r: r["cameo"].startswith("16"), id="cameo root"),
        pytest.param(["--since", "2018-03-15"], lambda r: r["date"] is not None and r["date"] >= "2018-03-15",
                     id="since"),
        pytest.param(["--outlet", "alpine courier"], lambda r: "Alpine Courier" in r["sources"], id="outlet"),
    ],
)
def test_events_filter(stored, options, keep):
    everything = jsonl(run("events", "--db", stored.db, "--format", "jsonl").stdout)
    expected = [record for record in everything if keep(record)]
    assert 0 < len(expected) < len(everything), "the articles should give events on both sides of this filter"
    result = run("events", "--db", stored.db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert jsonl(result.stdout) == expected


def test_events_are_reports_merged(stored):
    events = jsonl(run("events", "--db", stored.db, "--format", "jsonl", "--status", "all").stdout)
    reports = jsonl(run("reports", "--db", stored.db, "--format", "jsonl", "--status", "all").stdout)
    assert sorted(m["report"] for e in events for m in e["mentions"]) == sorted(r["number"] for r in reports)
    numbers = {e["number"] for e in events}
    assert {r["event_number"] for r in reports} == numbers and len(events) <= len(reports)


def test_events_filter_can_find_nothing(stored):
    result = run("events", "--db", stored.db, "--format", "jsonl", "--dyad", "USA-CHN")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_reports_table(stored):
    result = run("reports", "--db", stored.db, "--dyad", "GBR-RUS")
    assert result.exit_code == 0, result.output
    check_table(result.stdout, REPORT_TABLE_HEADER)
    assert "Reports: " in result.stdout
    assert re.search(r"│ r\d+ +│ \d+ +│", result.stdout), "each report shows its number and its event's"


def test_events_table(stored):
    result = run("events", "--db", stored.db, "--dyad", "GBR-RUS")
    assert result.exit_code == 0, result.output
    assert "Events: " in result.stdout and "each real-world event once" in result.stdout
    head = next(line for line in result.stdout.splitlines() if "date" in line and "┃" in line)
    assert all(column in head for column in ("no.", "date", "who", "type", "reports", "outlets"))


def test_timeline(stored):
    result = run("timeline", "--db", stored.db, "--dyad", "RUS-GBR")
    assert result.exit_code == 0, result.output
    assert "Timeline RUS–GBR" in result.stdout
    assert "RUS → GBR" in result.stdout and "GBR → RUS" in result.stdout
    assert "2018-03-14" in result.stdout and "2018-03-17" in result.stdout
    assert "USA" not in result.stdout and "2021-06-16" not in result.stdout


def test_summary(stored):
    result = run("summary", "--db", stored.db)
    assert result.exit_code == 0, result.output
    with Store.open(stored.db) as store:
        stored_counts = (store.count("documents"), store.count("events"), store.count("aggregates"))
    assert "{} documents, {} reports, {} events".format(*stored_counts) in result.stdout
    assert stored_counts[0] == 3 and stored_counts[2] < stored_counts[1]
    assert "Events per dyad" in result.stdout
    assert "Timeline GBR–RUS" in result.stdout and "Timeline RUS–USA" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["events", "--dyad", "GBRRUS"], id="dyad without dash"),
        pytest.param(["events", "--dyad", "GBR-RUS-USA"], id="dyad of three"),
        pytest.param(["timeline", "--dyad", "-RUS"], id="dyad missing a side"),
        pytest.param(["events", "--since", "yesterday"], id="bad since"),
        pytest.param(["events", "--until", "2018-02-30"], id="impossible until"),
        pytest.param(["events", "--status", "rumoured"], id="unknown status"),
        pytest.param(["code", "{article}", "--date", "17/03/2018"], id="bad date"),
        pytest.param(["code", "{article}", "--format", "xml"], id="unknown format"),
        pytest.param(["code"], id="no input"),
    ],
)
def test_bad_usage_exits_2(stored, articles, args):
    if args[0] != "code":
        args = [*args, "--db", stored.db]
    args = [str(articles / "moscow-expels.txt") if arg == "{article}" else arg for arg in args]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "Error" in result.stderr
    assert result.stdout == ""


def test_missing_store_is_bad_usage(tmp_path):
    result = run("events", "--db", tmp_path / "nowhere.sqlite")
    assert result.exit_code == 2
    assert "nowhere.sqlite" in result.stderr


def test_unusable_store_is_one_error_line(tmp_path):
    db = tmp_path / "notes.sqlite"
    db.write_bytes(b"These are notes, not a database.\n" * 200)
    result = run("events", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and str(db) in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["sources", "chain"])
@pytest.mark.parametrize("number", ["99999999999999999999", "9223372036854775808", "2147483648", "0", "9" * 5000])
def test_an_event_number_out_of_range_is_one_error_line(stored, command, number):
    result = run(command, number, "--db", stored.db)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no event ") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [
    ["aggregate", "--link-days", "99999999999999999999"], ["aggregate", "--same-event-days", "-5"],
    ["code", "-", "--batch-size", "0"], ["chain", "1", "--depth", "99999999999999999999"],
    ["summary", "--top", "-1"], ["code", "-", "--workers", "0"], ["code", "-", "--max-chars", "0"],
], ids=lambda args: " ".join(args[:2]))
def test_numbers_out_of_range_are_bad_usage(stored, args):
    result = run(*args, *([] if args[0] == "code" else ["--db", stored.db]))
    assert result.exit_code == 2 and "is not in the range" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [[], *([name] for name in main.commands)], ids=lambda c: " ".join(c) or "main")
def test_help(command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage: ")


def test_unreadable_inputs_are_named_and_the_rest_is_stored(stored, articles, tmp_path):
    # A separate process, as a user runs it: the command names each failing input on stderr
    # through the logging that ``main`` sets up (logging.basicConfig), which pytest's own log
    # handlers would swallow in a CliRunner run.
    db = tmp_path / "detente.sqlite"
    shutil.copy(stored.db, db)
    before = document_ids(db)
    bad = {"chart.png": articles / "chart.png", "empty.txt": articles / "empty.txt",
           "missing.txt": articles / "missing.txt", "wire.jsonl:2": articles / "wire.jsonl"}
    inputs = [articles / "moscow-expels.txt", bad["chart.png"], bad["empty.txt"], bad["missing.txt"],
              bad["wire.jsonl:2"]]
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "detente.cli", "code", *map(str, inputs), "--db", str(db),
         "--format", "jsonl", "--source", SOURCE],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
    )
    assert result.returncode == PARTIAL_FAILURE, result.stderr
    lines = result.stderr.splitlines()
    for name in bad:
        assert len([line for line in lines if name in line]) == 1, (name, result.stderr)
    assert not [line for line in lines if "wire.jsonl:1" in line or "wire.jsonl:3" in line]
    assert "Traceback" not in result.stderr
    written = len(result.stdout.splitlines())
    assert lines[-2].startswith("2 documents stored (2 coded), ")
    assert lines[-2].endswith(f" reports ({written} written with the statuses actual, planned), 1 duplicate skipped, "
                              "4 failed")
    assert {record["doc_id"] for record in jsonl(result.stdout)} == {"washington-2016", "prague-2021"}
    assert document_ids(db) == before | {"washington-2016", "prague-2021"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        pytest.param(["events", "--dyad", "Norway-Russia"], "did you mean NOR, Norway?", id="names for codes"),
        pytest.param(["events", "--dyad", "norway-russia"], "did you mean NOR, Norway?", id="names in lower case"),
        pytest.param(["events", "--type", "SANCTIONS"], "did you mean SANCTION?", id="plural type"),
        pytest.param(["reports", "--type", "EXPEL"], "is not a PLOVER event type", id="unknown type"),
        pytest.param(["dyad", "NOR", "XXX"], "'XXX' is not a country code", id="unknown code"),
        pytest.param(["timeline", "Russia", "GBR"], "did you mean RUS, Russia?", id="timeline name"),
        pytest.param(["parity", "NOR"], "is not a dyad", id="one country"),
        pytest.param(["plot", "GBR", "GBR", "--output", "{tmp}/chart.png"], "two different countries", id="same twice"),
        pytest.param(["events", "--cameo", "999"], "'999' is not a CAMEO code", id="unknown CAMEO code"),
        pytest.param(["events", "--status", "done,rumoured"], "unknown status rumoured", id="unknown status"),
        pytest.param(["events", "--outlet", "Test Wir"], "did you mean Test Wire?", id="unknown outlet"),
        pytest.param(["events", "--since", "2021-01-02", "--until", "2021-01-01"], "is after --until", id="window"),
        pytest.param(["code", "{article}", "--date", "2999-01-01"], "is in the future", id="future date"),
    ],
)
def test_bad_filters_are_one_line_errors(stored, articles, tmp_path, args, said):
    if args[0] != "code":
        args = [*args, "--db", stored.db]
    args = [str(articles / "moscow-expels.txt") if arg == "{article}" else str(arg).replace("{tmp}", str(tmp_path))
            for arg in args]
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")
    assert said in result.stderr


@pytest.mark.parametrize("status", ["done", "actual,planned", "ACTUAL, planned"])
def test_done_is_actual_and_planned(stored, status):
    assert run("events", "--db", stored.db, "--status", status, "--format", "jsonl").stdout == \
        run("events", "--db", stored.db, "--format", "jsonl").stdout


def test_one_dyad_syntax(stored):
    outputs = {" ".join(args): run("timeline", *args, "--db", stored.db).stdout
               for args in (["RUS", "GBR"], ["rus-gbr"], ["--dyad", "RUS-GBR"], ["--dyad", "RUS GBR"])}
    assert len(set(outputs.values())) == 1, outputs
    dyads = {" ".join(args): run("dyad", *args, "--db", stored.db, "--format", "json").stdout
             for args in (["GBR", "RUS"], ["GBR-RUS"], ["gbr_rus"])}
    assert len(set(dyads.values())) == 1


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(("fmt", "parse"), [("jsonl", jsonl), ("csv", csv_rows)])
def test_timeline_formats(stored, fmt, parse):
    rows = parse(run("timeline", "GBR", "RUS", "--db", stored.db, "--format", fmt).stdout)
    events = jsonl(run("events", "--dyad", "GBR-RUS", "--db", stored.db, "--format", "jsonl").stdout)
    assert [int(row["number"]) for row in rows] == [event["number"] for event in events]
    assert [int(row["reports"]) for row in rows] == [len(event["mentions"]) for event in events]


def test_summary_as_json(stored):
    summary = json.loads(run("summary", "--db", stored.db, "--format", "json").stdout)
    assert (summary["documents"], summary["reports"], summary["events"]) == (
        counts(stored.db)["documents"], counts(stored.db)["events"], len(jsonl(run(
            "events", "--db", stored.db, "--status", "all", "--format", "jsonl").stdout)))
    assert summary["outdated"] == {"documents": 0, "reports": 0}


def test_csv_text_has_no_trailing_blank_lines(stored):
    for command in (["reports"], ["events"]):
        rows = list(csv.DictReader(io.StringIO(run(*command, "--db", stored.db, "--format", "csv").stdout)))
        assert rows and all(row["text"] == row["text"].strip() for row in rows)


def options_of(command):
    return {flag for param in main.commands[command].params if isinstance(param, click.Option) for flag in param.opts}


@pytest.mark.parametrize(
    ("command", "offered", "not_offered"),
    [
        ("aggregate", {"--same-event-days", "--inferred-days"},
         {"--model", "--batch-size", "--max-bytes", "--fast-path"}),
        ("serve", {"--model", "--max-bytes", "--link-days"}, {"--batch-size"}),
        ("recode", {"--model", "--extra-actors", "--batch-size", "--same-event-days"}, {"--max-bytes"}),
        ("evaluate", {"--model", "--max-bytes"}, {"--same-event-days", "--inferred-days"}),
        ("code", {"--model", "--max-bytes", "--batch-size", "--same-event-days"}, set()),
        ("summary", {"--db", "--format"}, {"--model", "--same-event-days"}),
        ("events", {"--dyad", "--cameo", "--reports"}, {"--model", "--same-event-days"}),
    ],
)
def test_each_command_offers_the_options_that_apply(command, offered, not_offered):
    options = options_of(command)
    assert offered <= options and not (not_offered & options)
    assert run(command, "--help").exit_code == 0


def test_serve_on_a_busy_port_is_one_error_line(stored):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--db", stored.db, "--port", port)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use (is "
                                          "another service using the port? choose another with --port)"]


def test_ctrl_c_says_how_to_resume(stored, articles, monkeypatch):
    from detente import api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(api, "code", interrupted)
    result = run("code", articles / "moscow-expels.txt", "--db", stored.db)
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1].startswith("Interrupted: the documents stored so far are kept: run the "
                                                     "same command again")
