"""The command line, end to end on a few short articles (the real spaCy model, loaded once per process)."""

import csv
import io
import json
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from detente.api import DEFAULT_STATUSES
from detente.cli import PARTIAL_FAILURE, main
from detente.export import CSV_COLUMNS, TABLE_HEADER
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
    assert summary == f"3 documents coded, {len(records)} events, 0 already stored, 0 failed"
    assert update.startswith(f"{counts(stored.db)['events']} reports placed (")


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


def check_table(stdout):
    header = stdout.splitlines()[1]
    assert all(column in header for column in TABLE_HEADER)
    assert "SANCTION" in stdout
    assert "moscow-expels" in stdout


@pytest.mark.parametrize(("fmt", "check"), [("csv", check_csv), ("table", check_table)])
def test_code_formats(articles, fmt, check):
    result = run("code", articles / "moscow-expels.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    check(result.stdout)


def test_second_run_stores_nothing_new(stored, articles):
    before = counts(stored.db)
    result = run("code", articles / "moscow-expels.txt", "--db", stored.db)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    summary, update = result.stderr.splitlines()[-2:]
    assert summary == "0 documents coded, 0 events, 1 already stored, 0 failed"
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
    ],
)
def test_events_filter(stored, options, keep):
    everything = jsonl(run("events", "--db", stored.db, "--format", "jsonl").stdout)
    expected = [record for record in everything if keep(record)]
    assert 0 < len(expected) < len(everything), "the articles should give events on both sides of this filter"
    result = run("events", "--db", stored.db, "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    assert jsonl(result.stdout) == expected


def test_events_filter_can_find_nothing(stored):
    result = run("events", "--db", stored.db, "--format", "jsonl", "--dyad", "USA-CHN")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_events_table(stored):
    result = run("events", "--db", stored.db, "--dyad", "GBR-RUS")
    assert result.exit_code == 0, result.output
    check_table(result.stdout)


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
    assert f"3 documents, {len(stored.records)} events" in result.stdout
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
    assert result.stderr.startswith("Error: no aggregated event ") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("args", [
    ["aggregate", "--link-days", "99999999999999999999"], ["aggregate", "--same-event-days", "-5"],
    ["aggregate", "--batch-size", "0"], ["chain", "1", "--depth", "99999999999999999999"],
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
         "--format", "jsonl"],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
    )
    assert result.returncode == PARTIAL_FAILURE, result.stderr
    lines = result.stderr.splitlines()
    for name in bad:
        assert len([line for line in lines if name in line]) == 1, (name, result.stderr)
    assert not [line for line in lines if "wire.jsonl:1" in line or "wire.jsonl:3" in line]
    assert "Traceback" not in result.stderr
    assert lines[-2] == f"2 documents coded, {len(result.stdout.splitlines())} events, 1 already stored, 4 failed"
    assert {record["doc_id"] for record in jsonl(result.stdout)} == {"washington-2016", "prague-2021"}
    assert document_ids(db) == before | {"washington-2016", "prague-2021"}
