"""The command line: thin wrappers over the library calls of ``detente.api``.

Every command parses its options, calls one library function and formats
the result.  Library errors become one ``Error: …`` line.  Exit codes: 0
success; 1 an error stopped the command; 2 bad usage (a wrong option or
value, a filter that cannot match: one ``Error: …`` line too); 3 the run
finished but some inputs could not be read (each named on stderr); 130
interrupted (Ctrl-C), with a line saying how to resume.

The words are those of ``detente.api``: an *event* is a real-world event
merged from its reports, shown with its number (12); a *report* is one
document's account of an event, shown with its number written r12.  Both
numbers are accepted wherever an event is asked for (``sources``, ``chain``).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import json
import math
import logging
import socket
import sys
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from . import api, export, query
from .errors import DetenteError, UsageError
from .evaluate import FORMATS as GOLD_FORMATS
from .evaluate import ArticleScore
from .evaluate import evaluate as evaluate_gold
from .settings import GROUPS, RANGES, Settings, describe
from .store import Store
from .store.backends import is_url, masked
from .watch import MAX_ITEMS, TOTAL_TIMEOUTS, Limits

PARTIAL_FAILURE = 3
BAD_USAGE = 2
INTERRUPTED = 130
# What to do after Ctrl-C, per command; the others only stop.
RESUME = {
    "code": "the documents stored so far are kept: run the same command again to go on (stored documents are "
            "skipped, not coded twice)",
    "recode": "the documents coded again so far are kept: run the same command again to finish, then "
              "`detente aggregate --rebuild` to build the events from all the reports",
    "aggregate": "nothing was lost: run `detente aggregate` again",
    "fetch": "the pages stored so far are kept: run the same command again to go on",
}


class _Commands(click.Group):
    """The group of commands: usage errors in one line, Ctrl-C with a way to resume."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except _OneLine:
            raise
        except click.UsageError as error:
            raise _OneLine(error.format_message(), error.ctx or ctx) from None
        except KeyboardInterrupt:
            raise _Interrupted(ctx.invoked_subcommand) from None


class _OneLine(click.UsageError):
    """A usage error as one line naming the command's help, exit code 2 (BAD_USAGE)."""

    exit_code = BAD_USAGE

    def show(self, file=None) -> None:
        command = self.ctx.command_path if self.ctx else "detente"
        click.echo(f"Error: {self.format_message()} (see `{command} --help`)", err=True, file=file)


class _Interrupted(click.ClickException):
    """Ctrl-C: one line saying what is kept and how to go on, exit code 130."""

    exit_code = INTERRUPTED

    def __init__(self, command: str | None) -> None:
        self.command = command
        super().__init__(RESUME.get(command or "", "nothing was changed"))

    def show(self, file=None) -> None:
        click.echo(f"Interrupted: {self.message}.", err=True, file=file)


def _fail_cleanly(command):
    """Render library errors as one line: exit code 2 for a ``UsageError``, else 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            raise _OneLine(str(error), click.get_current_context(silent=True)) from error
        except DetenteError as error:
            raise click.ClickException(str(error)) from error
    return wrapper


class _StorePath(click.Path):
    """An existing SQLite file, or a ``postgresql://`` URL (which ``click.Path`` would reject as missing)."""

    def convert(self, value, param, ctx):
        return value if is_url(value) else super().convert(value, param, ctx)


_STORE = _StorePath(exists=True, dir_okay=False)


def _stdout():
    """Standard output, opened as ``--output -`` opens it (``click.get_text_stream`` is deprecated)."""
    return click.open_file("-", "w", encoding="utf-8")


# Settings that may also come from the environment (read here, at the edge): where a machine keeps its cache.
SETTING_ENVIRONMENT = {"cache_dir": "DETENTE_CACHE_DIR"}


def settings_options(*groups):
    """One option per setting of ``detente.settings`` (of the given groups: ``settings_options("coding")``;
    those of a whole run when used bare, ``@settings_options``: every group but the filters, which the
    commands that list events offer as shared options, ``_MIN_CONFIDENCE``), named after it, with its help
    text."""
    if len(groups) == 1 and callable(groups[0]):
        return _with_settings(groups[0], tuple(group for group in GROUPS if group != "filter"))
    return lambda command: _with_settings(command, groups)


def _with_settings(command, groups: tuple[str, ...]):
    for name, default, help_text in reversed(describe(*groups)):
        flag = "--" + name.replace("_", "-")
        if isinstance(default, bool):
            command = click.option(f"{flag}/--no-{name.replace('_', '-')}", name, default=default,
                                   show_default=True, help=help_text)(command)
        else:
            kind = click.IntRange(*RANGES[name]) if name in RANGES else int if isinstance(default, int) else str
            command = click.option(flag, name, default=default, type=kind, show_default=True, help=help_text,
                                   envvar=SETTING_ENVIRONMENT.get(name),
                                   show_envvar=name in SETTING_ENVIRONMENT)(command)
    return command


class _Seconds(click.FloatRange):
    """A number of seconds within a range; ``nan`` and ``inf``, which every range check lets through, refused."""

    def convert(self, value, param, ctx):
        seconds = super().convert(value, param, ctx)
        if not math.isfinite(seconds):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return seconds


def _settings(options: dict) -> Settings:
    """The settings given as options; those a command does not offer keep their defaults."""
    return Settings(**{name: options[name] for name, _, _ in describe() if name in options})


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _publication_date(ctx, param, value):
    day = _iso_date(ctx, param, value)
    try:
        return query.publication_date(day)
    except UsageError as error:
        raise click.BadParameter(str(error)) from None


_DB = click.option("--db", type=_STORE, required=True, help="the store: a SQLite file or a postgresql:// URL")
_STATUS = click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
                       help="statuses, comma-separated: actual, planned, threatened, demanded, hypothetical, "
                            "denied; `done` for actual and planned; `all`")
_AS = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                   help="output format")
_ALL_LINKS = click.option("--all-links", is_flag=True,
                          help="show links scored below the link threshold too (docs/reciprocity.md)")
_SINCE = click.option("--since", callback=_iso_date, help="first event date (YYYY-MM-DD)")
_UNTIL = click.option("--until", callback=_iso_date, help="last event date (YYYY-MM-DD)")
_DYAD = click.option("--dyad", help="two country codes, `USA RUS` or USA-RUS (both directions)")


def _confidence(ctx, param, value):
    try:
        return query.confidence(value)
    except UsageError as error:
        raise click.BadParameter(str(error)) from None


def _setting_option(name: str, **extra):
    """The option of one setting of ``detente.settings``, named after it, with its default and help text."""
    default, help_text = next((default, help_text) for setting, default, help_text in describe() if setting == name)
    return click.option("--" + name.replace("_", "-"), name, default=default, show_default=True, help=help_text,
                        **extra)


# Read as text and checked by ``query.confidence``, as the service checks it: one message for any wrong value.
_MIN_CONFIDENCE = _setting_option("min_confidence", type=str, callback=_confidence, metavar="P")
_DYAD_ARGUMENT = click.argument("dyad_codes", metavar="A B", nargs=-1, required=True)


def _filters(command):
    """The filters of `detente events`, `reports` and `export`."""
    options = [
        _DYAD,
        click.option("--type", "event_type", help="PLOVER event type, e.g. SANCTION"),
        click.option("--cameo", help="CAMEO code: events with this code or one under it (161, or 16 for all of 16x)"),
        _STATUS, _SINCE, _UNTIL,
        click.option("--outlet", help="only events reported by this outlet"),
        _MIN_CONFIDENCE,
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _where(store: Store, dyad, event_type, cameo, status_text, since, until, outlet, min_confidence):
    return query.event_filter(store, pair=dyad, kind=event_type, code=cameo, status=status_text, since=since,
                              until=until, source=outlet, min_confidence=min_confidence)


@click.group(cls=_Commands)
@click.version_option(package_name="detente")
@click.option("-v", "--verbose", is_flag=True, help="log what each stage does")
def main(verbose: bool) -> None:
    """detente: event data that knows about reciprocity.

    An event is a real-world event, merged from every report of it (its
    number: 12); a report is one document's account of an event (its number:
    r12).
    """
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s: %(message)s",
                        stream=sys.stderr)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "pub_date", callback=_publication_date,
              help="publication date (YYYY-MM-DD, not in the future) for inputs that carry none of their own")
@click.option("--source", help="outlet name for inputs that name none")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="jsonl", show_default=True,
              help="output format")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="write events here instead of standard output")
@click.option("--db", type=click.Path(dir_okay=False),
              help="also store documents, sentences and events in this SQLite file or postgresql:// URL")
@click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
              help="statuses to write, comma-separated, `done` (actual and planned) or `all`")
@click.option("--quiet", "-q", is_flag=True, help="write no events (useful with --db)")
@click.option("--workers", default=1, type=click.IntRange(1, 1024), show_default=True,
              help="code on this many processes")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="code on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), or `local` for a "
                   "cluster of this machine's cores")
@click.option("--shards", type=click.Path(file_okay=False),
              help="also write the events as numbered Parquet files in this folder")
@click.option("--progress/--no-progress", default=None,
              help="show documents, documents/s, reports and failures while coding [default: on a terminal]")
@_MIN_CONFIDENCE
@settings_options
@_fail_cleanly
def code(paths, pub_date, source, fmt, output, db, status_text, quiet, workers, dask_address, shards, progress,
         **options):
    """Code news articles into events.

    PATHS are text, HTML, JSON Lines or JSON files, folders of them, or `-` for
    standard input.  Unreadable inputs are named on standard error and skipped.
    With --db, each document (one outlet's article) is stored once with its
    reports, and the reports are merged into events.
    """
    statuses = api.parse_statuses(status_text)
    report = api.Report()
    store = Store.open(db) if db else None
    try:
        meter = _Progress(progress)
        events = api.code(paths, settings=_settings(options), date=pub_date, source=source, store=store,
                          statuses=statuses, report=report, on_document=meter.update,
                          on_failure=lambda failure: meter.echo(f"error: {failure}"),
                          workers=workers, dask=dask_address, shards=shards)
        if quiet:
            for _ in events:
                pass
        elif fmt == "jsonl":
            export.write_jsonl(events, output)
        elif fmt == "csv":
            export.write_csv(events, output)
        else:
            _print_table(list(events), output)
    finally:
        meter.close()
        if store is not None:
            store.close()
    click.echo(_code_line(report, statuses, quiet, stored=db is not None, min_confidence=options["min_confidence"]),
               err=True)
    if report.update is not None:
        click.echo(_update_line(report.update), err=True)
    if report.failures:
        sys.exit(PARTIAL_FAILURE)


def _code_line(report: api.Report, statuses: tuple[str, ...], quiet: bool, *, stored: bool,
               min_confidence: float | None = None) -> str:
    """What `detente code` did, in the numbers that are stored."""
    sure = f" and a confidence of at least {min_confidence:g}" if min_confidence else ""
    written = "" if quiet else f" ({report.events} written with the statuses {', '.join(statuses)}{sure})"
    if not stored:
        return f"{_count(report.documents, 'document')} coded, {_count(report.reports, 'report')}{written}, " \
               f"{report.failed} failed"
    coded = report.documents - report.copied
    shared = f"; {report.copied} reusing the coding of the same text from another outlet" if report.copied else ""
    duplicates = f"{_count(report.duplicates, 'duplicate')} skipped"
    return (f"{_count(report.documents, 'document')} stored ({coded} coded{shared}), "
            f"{_count(report.reports, 'report')}{written}, "
            f"{duplicates}, {report.failed} failed")


class _Progress:
    """Documents, documents/s, reports and failures on standard error while `detente code` runs."""

    def __init__(self, enabled: bool | None) -> None:
        self.live = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.live = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                 TextColumn("{task.fields[rate]:.1f}/s"), TextColumn("{task.fields[events]} reports"),
                                 TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
            self.task = self.live.add_task("coding", total=None, rate=0.0, events=0, failed=0)
            self.live.start()

    def update(self, report: api.Report) -> None:
        if self.live is not None:
            elapsed = self.live.tasks[0].elapsed or 0.0
            self.live.update(self.task, completed=report.documents, events=report.reports, failed=report.failed,
                             rate=report.documents / elapsed if elapsed else 0.0)

    def echo(self, message: str) -> None:
        if self.live is not None:
            self.live.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def close(self) -> None:
        if self.live is not None:
            self.live.stop()


@main.command()
@_DB
@click.option("--since", callback=_iso_date, help="documents published on or after this date (YYYY-MM-DD)")
@click.option("--until", callback=_iso_date, help="documents published on or before this date (YYYY-MM-DD)")
@click.option("--outlet", help="only the documents of this outlet")
@click.option("--workers", default=1, show_default=True, help="code on this many processes")
@settings_options("coding", "batch", "aggregation")
@_fail_cleanly
def recode(db, since, until, outlet, workers, **options):
    """Code stored documents again with today's lexicon, knowledge base and settings.

    Each document's reports are replaced by the new coding (a report coded
    exactly as before keeps its number), and the events and links are updated
    where reports changed.  Without filters every document is coded again.
    """
    with Store.open(db) as store:
        query.window(since, until)
        chosen = query.outlet(outlet, store.outlets()) if outlet else None
        result = api.recode(store, _settings(options), since=since, until=until, outlet=chosen, workers=workers,
                            on_failure=lambda failure: click.echo(f"error: {failure}", err=True))
    click.echo(f"{_count(result.documents, 'document')} coded again ({result.outdated} had been coded by an older "
               "version); "
               f"reports: {result.kept} unchanged, {result.removed} removed, {result.added} added, "
               f"{len(result.failures)} documents failed and kept their reports", err=True)
    if result.update is not None:
        click.echo(_update_line(result.update), err=True)
    if result.failures:
        sys.exit(PARTIAL_FAILURE)


@main.command()
@_DB
@_filters
@click.option("--reports", "as_reports", is_flag=True,
              help="list the reports (each document's account of an event) instead of the events")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="output format (csv: the columns of `detente export --format csv`, or of reports)")
@_ALL_LINKS
@_fail_cleanly
def events(db, dyad, event_type, cameo, status_text, since, until, outlet, min_confidence, as_reports, fmt,
           all_links):
    """List events: each real-world event once, with its number, confidence, reports, outlets and links.

    With --reports, list the reports instead (as `detente reports` does).
    """
    _list(db, (dyad, event_type, cameo, status_text, since, until, outlet, min_confidence), as_reports, fmt,
          all_links)


def _list(db: str, filters: tuple, as_reports: bool, fmt: str, all_links: bool = False) -> None:
    """Write the events, or the reports, that the filter options of a command select."""
    with Store.open(db) as store:
        where = dataclasses.replace(_where(store, *filters), all_links=all_links)
        found = api.reports(store, where) if as_reports else api.events(store, where)
    if as_reports:
        _write_reports(found, fmt)
    else:
        _write_events(found, fmt)


@main.command()
@_DB
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="output format")
@_fail_cleanly
def reports(db, dyad, event_type, cameo, status_text, since, until, outlet, min_confidence, fmt):
    """List reports: each document's account of an event, with its number (r12) and its event's number."""
    _list(db, (dyad, event_type, cameo, status_text, since, until, outlet, min_confidence), True, fmt)


@main.command(hidden=True)
@_DB
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="output format")
@_ALL_LINKS
@_fail_cleanly
def aggregated(db, dyad, event_type, cameo, status_text, since, until, outlet, min_confidence, fmt, all_links):
    """The former name of `detente events`."""
    _list(db, (dyad, event_type, cameo, status_text, since, until, outlet, min_confidence), False, fmt, all_links)


def _write_events(found: list[dict], fmt: str) -> None:
    out = _stdout()
    if fmt == "jsonl":
        for record in found:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        export.write_aggregated_csv(found, out)
    else:
        _print_events(found, out)


def _write_reports(found: list[dict], fmt: str) -> None:
    out = _stdout()
    if fmt == "jsonl":
        export.write_jsonl(found, out)
    elif fmt == "csv":
        export.write_csv(found, out, numbered=True)
    else:
        _print_reports(found, out)


@main.command()
@click.argument("dyad_codes", metavar="[A B]", nargs=-1)
@_DB
@_DYAD
@_STATUS
@_SINCE
@_UNTIL
@_MIN_CONFIDENCE
@click.option("--reports", "as_reports", is_flag=True, help="list every report instead of each event once")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True,
              help="output format")
@_fail_cleanly
def timeline(dyad_codes, db, dyad, status_text, since, until, min_confidence, as_reports, fmt):
    """The events between two countries, in date order, both directions: each event once, with its reports
    and outlets.

    The two countries are given as `A B`, as `A-B`, or with --dyad.
    """
    with Store.open(db) as store:
        pair = _pair(store, dyad_codes, dyad)
        statuses = api.parse_statuses(status_text)
        if as_reports:
            found = api.reports(store, query.event_filter(store, pair=pair, status=statuses, since=since,
                                                           until=until, min_confidence=min_confidence))
            _write_reports(found, fmt)
            return
        query.window(since, until)
        rows = api.timeline(store, pair, statuses, since=since, until=until, min_confidence=min_confidence)
    out = _stdout()
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["number", "date", "actor", "recipient", "event", "cameo", "goldstein", "status", "size",
                         "trigger", "reports", "outlets", "confidence", "independent_sources"])
        for row in rows:
            writer.writerow([row.number, row.date or "", row.actor, row.recipient, row.event, row.cameo,
                             row.goldstein, row.status, row.size, row.trigger, row.reports, ";".join(row.outlets),
                             "" if row.confidence is None else row.confidence,
                             "" if row.independent_sources is None else row.independent_sources])
    else:
        _print_timeline(f"{pair[0]}–{pair[1]}", rows, out)


def _pair(store: Store, codes: tuple[str, ...], option: str | None) -> tuple[str, str]:
    """The dyad given as arguments (`A B` or `A-B`) or with --dyad, checked."""
    if codes and option:
        raise UsageError("give the two countries once: as arguments or with --dyad")
    if not codes and not option:
        raise UsageError("give two countries: `A B`, `A-B` or --dyad A-B")
    return query.dyad(codes or option, store.countries())


@main.command()
@_DB
@click.option("--top", default=3, type=click.IntRange(0, 10_000), show_default=True,
              help="timelines of this many busiest pairs")
@_STATUS
@_MIN_CONFIDENCE
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="output format")
@_fail_cleanly
def summary(db, top, status_text, min_confidence, fmt):
    """What the store holds: documents, reports and events; events per dyad and the timelines of the busiest
    pairs of countries (each event once)."""
    with Store.open(db) as store:
        result = api.summary(store, top=top, statuses=api.parse_statuses(status_text), min_confidence=min_confidence)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=140)
    console.print(f"[bold]{_count(result.documents, 'document')}, {_count(result.reports, 'report')}, "
                  f"{_count(result.events, 'event')}[/bold] "
                  "(an event is one real-world event, merged from its reports)", highlight=False)
    if result.outdated_documents:
        console.print(f"{_count(result.outdated_documents, 'document')} "
                      f"({_count(result.outdated_reports, 'report')}) were coded by an "
                      f"older version of the coder (lexicon, knowledge base or code): `detente recode --db {db}` "
                      "codes them again", markup=False, highlight=False)
    sure = f"; confidence at least {result.min_confidence:g}" if result.min_confidence else ""
    table = Table(title="Events per dyad (actor → recipient)", caption=f"statuses {', '.join(result.statuses)}{sure}")
    for column in ("actor", "recipient", "events", "reports"):
        table.add_column(column, justify="left" if column in ("actor", "recipient") else "right")
    for actor, recipient, n, reported in result.dyads[:20]:
        table.add_row(actor, recipient, str(n), str(reported))
    console.print(table)
    for pair, rows in result.timelines.items():
        _print_timeline(f"{pair[0]}–{pair[1]}", rows, out)


@main.command()
@click.argument("gold", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1)
@click.option("--predictions", type=click.Path(dir_okay=False),
              help="the coder's JSON Lines output to score; without it, INPUTS (or the gold's own texts) are coded")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="output format")
@click.option("--details/--no-details", default=False, show_default=True,
              help="also list the missed gold events and the extra predictions")
@_ALL_LINKS
@settings_options("reading", "coding", "batch")
@_fail_cleanly
def evaluate(gold, inputs, predictions, fmt, details, all_links, **options):
    """Score events against gold: precision, recall, F1, per type, confusions.

    GOLD is article gold JSON Lines, sentence gold JSON Lines, PLOVER gold
    JSON or PETRARCH validation XML.  INPUTS are documents to code when no
    --predictions file is given (sentence gold with texts needs none).  An
    input that cannot be read is named on standard error, its gold counts as
    missed, and the exit status is 3.
    """
    result = evaluate_gold(gold, predictions, inputs, settings=_settings(options), all_links=all_links)
    for skipped in result.skipped:
        click.echo(f"error: {skipped}", err=True)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(result.to_dict(details), ensure_ascii=False) + "\n")
    else:
        _print_evaluation(result, out, details)
    if result.skipped:
        sys.exit(PARTIAL_FAILURE)


@main.command()
@_DB
@click.option("--rebuild", is_flag=True, help="forget all events and links and build them again from the reports")
@settings_options("aggregation")
@_fail_cleanly
def aggregate(db, rebuild, **options):
    """Merge stored reports into events and link answers to causes.

    `detente code --db` does this after each run; run it by hand with
    --rebuild after changing the aggregation or linking settings.
    """
    with Store.open(db) as store:
        click.echo(_update_line(api.aggregate(store, _settings(options), rebuild=rebuild)))


def _count(n: int, word: str) -> str:
    """``1 report``, ``2 reports``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _update_line(update) -> str:
    placed, links = update.aggregation, update.links
    return (f"{_count(placed.placed, 'report')} placed ({_count(placed.created, 'new event')}); links: "
            f"{links.stated} stated, "
            f"{links.inferred} inferred, {links.open_claims} stated responses still without their cause")


@main.command()
@click.argument("reference")
@_DB
@_AS
@_ALL_LINKS
@_fail_cleanly
def sources(reference, db, fmt, all_links):
    """Which outlets reported an event and where their reports disagree (numbers, dates, who acted).

    REFERENCE is an event's number (12), the number of one of its reports (r12), or an id.
    """
    with Store.open(db) as store:
        record = api.sources(store, reference, all_links)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=160)
    trust = record["corroboration"]
    console.print(f"[bold]Event {record['number']}. {_who(record)} {record['event']} {record['cameo']} "
                  f"{record['date'] or '?'}[/bold] — {_count(len(record['mentions']), 'report')}, "
                  f"{_count(len(record['sources']), 'outlet')}, "
                  f"{_count(trust['independent_sources'], 'independent source')}, "
                  f"confidence {export.confidence_text(record['confidence'])}", highlight=False)
    table = Table(title="Its reports")
    for column in ("report", "outlet", "published", "date given", "size", "who", "confidence", "copy of",
                   "sentence"):
        table.add_column(column, overflow="fold")
    explained = {report["report"]: report for report in trust["reports"]}
    for mention in record["mentions"]:
        size = mention["size"]
        why = explained.get(mention["report"], {})
        table.add_row(export.report_reference(mention["report"]), mention["source"] or mention["doc_id"],
                      mention["published"] or "?", f"{mention['date'] or '?'} ({mention['date_source']})",
                      f"{size['count']} {size['unit']}" if size else "",
                      ", ".join(e["name"] for e in mention["actor"]),
                      export.confidence_text(mention["confidence"]) + (" counted" if why.get("counted") else ""),
                      export.report_reference(why["copy_of"]) if why.get("copy_of") else "",
                      " ".join(mention["text"].split()))
    console.print(table)
    if not record["disagreements"]:
        console.print("The reports agree on numbers, dates and actors.")
    for what, values in record["disagreements"].items():
        console.print(f"[bold]They disagree on {what}:[/bold] " + "; ".join(
            f"{v['value']} ({', '.join(v['sources'] or v['doc_ids'])})" for v in values), highlight=False)
    for line in _trust_lines(trust):
        console.print(line, markup=False, highlight=False)


def _trust_lines(trust: dict) -> list[str]:
    """Why an event has its confidence: its independent sources, the noisy-or, the disagreements."""
    lines = [f"Independent sources (outlets; sentences with {trust['copy_overlap']:.0%} of their words in common "
             "count as copies of one story, and the copies as one source):"]
    for number, source in enumerate(trust["sources"], 1):
        counted = (f"best report {export.report_reference(source['counted'])}, "
                   f"{export.confidence_text(source['confidence'])}") if source["counted"] else "no confidence"
        reports = ", ".join(export.report_reference(report) for report in source["reports"])
        lines.append(f"  {number}. {', '.join(source['outlets'])} ({reports}): {counted}")
    if trust["noisy_or"] is None:
        lines.append("Confidence: unknown (no report has one).")
        return lines
    known = [source["confidence"] for source in trust["sources"] if source["confidence"] is not None]
    how = (f"1 - {' × '.join(f'(1 - {value:.2f})' for value in known)} = {trust['noisy_or']:.4f}"
           if len(known) > 1 else f"{trust['noisy_or']:.4f} (one source)")
    if len(known) > 1 and trust["noisy_or"] > trust["ceiling"]:
        how += f", at most {trust['ceiling']}"
    for what in trust["disagreements"]:
        how += f"; the reports disagree on {what}: × {trust['factor']}"
    lines.append(f"Confidence: {how} → {export.confidence_text(trust['confidence'])}.")
    return lines


@main.command()
@_DYAD_ARGUMENT
@_DB
@_STATUS
@_MIN_CONFIDENCE
@_AS
@_fail_cleanly
def parity(dyad_codes, db, status_text, min_confidence, fmt):
    """The parity ledger of two countries (`A B` or `A-B`): staff ceilings, people expelled, facilities closed,
    with evidence."""
    with Store.open(db) as store:
        first, second = query.dyad(dyad_codes, store.countries())
        ledger = api.parity(store, first, second, api.parse_statuses(status_text), min_confidence=min_confidence)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(ledger.to_dict(), ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=160)
    table = Table(title=f"Parity ledger {ledger.first}–{ledger.second}")
    for column in ("event", "date", "presence of", "set by", "measure", "number", "outlets", "evidence"):
        table.add_column(column, overflow="fold")
    for entry in ledger.entries:
        table.add_row(str(entry.number), entry.date.isoformat() if entry.date else "?",
                      f"{entry.side} in {entry.host}", entry.host, entry.measure, f"{entry.count} {entry.unit}",
                      ", ".join(entry.sources), entry.evidence)
    console.print(table)
    for side in (ledger.first, ledger.second):
        host = ledger.second if side == ledger.first else ledger.first
        totals = ledger.totals.get(side, {"expelled": 0, "closed": 0})
        ceiling = ledger.ceilings.get(side)
        console.print(f"{side} in {host}: {totals['expelled']} people expelled, {totals['closed']} facilities "
                      f"closed" + (f", staff ceiling {ceiling.count} (since {ceiling.date})" if ceiling else ""))


_PERIOD = click.option("--period", type=click.Choice(["day", "week", "month"]), default="week", show_default=True,
                       help="length of the periods of the escalation series")


@main.command()
@_DYAD_ARGUMENT
@_DB
@_PERIOD
@_STATUS
@_SINCE
@_UNTIL
@_MIN_CONFIDENCE
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="output format; csv: one row per period and direction, with the events of each quad class "
                   "and PLOVER type")
@_fail_cleanly
def dyad(dyad_codes, db, period, status_text, since, until, min_confidence, fmt):
    """Escalation series per direction (every period, zero when nothing happened) and reciprocity statistics
    of two countries (`A B` or `A-B`)."""
    from .reciprocity.analysis import series_columns

    with Store.open(db) as store:
        first, second = query.dyad(dyad_codes, store.countries())
        result = api.dyad(store, first, second, period=period, statuses=api.parse_statuses(status_text),
                          since=since, until=until, min_confidence=min_confidence)
    out = _stdout()
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=series_columns(), lineterminator="\n")
        writer.writeheader()
        for point in result.series:
            writer.writerow(point.to_row())
        return
    if fmt == "json":
        out.write(json.dumps({"dyad": [result.first, result.second], "period": period,
                              "series": [p.to_dict() for p in result.series],
                              "reciprocity": [r.to_dict() for r in result.reciprocity]}, ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=140)
    table = Table(title=f"Escalation {result.first}–{result.second} per {period} "
                        "(events, each real-world event once)")
    for column in ("period", "direction", "events", "Goldstein", "PLOVER score"):
        table.add_column(column, justify="left" if column in ("period", "direction") else "right")
    for point in result.series:
        table.add_row(point.period.isoformat(), f"{point.actor} → {point.recipient}", str(point.events),
                      f"{point.goldstein:+.1f}", f"{point.plover:+.1f}")
    console.print(table)
    stats = Table(title="Reciprocity (hostile acts of the first side, answered by the second)")
    for column in ("acts of", "answered by", "hostile acts", "answered", "in kind", "share in kind",
                   "median lag (days)", "proportionality", "answered events (cause → answer)"):
        stats.add_column(column, justify="left" if column in ("acts of", "answered by") else "right")
    for r in result.reciprocity:
        share = r.share_answered_in_kind
        stats.add_row(r.actor, r.recipient, str(r.hostile), str(r.answered), str(r.answered_in_kind),
                      f"{share:.0%}" if share is not None else "–",
                      f"{r.median_lag_days:g}" if r.median_lag_days is not None else "–",
                      f"{r.proportionality:g}" if r.proportionality is not None else "–",
                      ", ".join(f"{pair[4]} → {pair[5]}" for pair in r.pairs))
    console.print(stats)


@main.command()
@click.argument("reference")
@_DB
@click.option("--depth", default=10, type=click.IntRange(1, 50), show_default=True,
              help="follow causes and answers this many steps")
@_ALL_LINKS
@_fail_cleanly
def chain(reference, db, depth, all_links):
    """The retaliation chain of an event: the causes it answered and the answers it drew, as a tree, along
    the links scored at least the link threshold (all links with --all-links).

    REFERENCE is an event's number (12), the number of one of its reports (r12), or an id.
    """
    with Store.open(db) as store:
        nodes = api.chain(store, reference, depth, all_links)
    out = _stdout()
    causes = [n for n in nodes if n.depth < 0]
    answers = [n for n in nodes if n.depth > 0]
    if causes:
        out.write("answers:\n")
        for node in causes:
            out.write("  " * -node.depth + "◂ " + _chain_line(node) + "\n")
    out.write("▸ " + _chain_line(nodes[0]) + "\n")
    if answers:
        out.write("answered by:\n")
        for node in answers:
            out.write("  " * node.depth + "▹ " + _chain_line(node) + "\n")


def _chain_line(node) -> str:
    row = node.event
    how = ""
    if node.link_type:
        how = f"  [{node.link_type} {node.score:.2f}" + (f", {node.cue!r}" if node.cue else "") + "]"
    return (f"{row.number}. {row.date or '?'} {row.actors or '?'} → {row.recipients or '?'} {row.event} {row.cameo} "
            f"({_count(row.mentions, 'report')}, {_count(row.sources, 'outlet')}){how}")


@main.command("export")
@_DB
@click.option("--format", "fmt", type=click.Choice(api.EXPORT_FORMATS), required=True,
              help="plover: JSON Lines of events with their reports and links; gdelt: the GDELT 2.0 event "
                   "table (61 columns) and its mentions table; csv or parquet: one row per event")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="the file to write")
@click.option("--mentions", type=click.Path(dir_okay=False),
              help="gdelt: where to write the mentions table (default: OUTPUT with .mentions before its suffix)")
@click.option("--header/--no-header", default=True, show_default=True,
              help="gdelt: a first line with the column names (--no-header for strict GDELT files)")
@_filters
@_ALL_LINKS
@_fail_cleanly
def export_command(db, fmt, output, mentions, header, dyad, event_type, cameo, status_text, since, until, outlet,
                   min_confidence, all_links):
    """Write events for pandas, R or GDELT tools: PLOVER JSONL, GDELT TSV, CSV or Parquet; their links are
    those scored at least the link threshold (all links with --all-links)."""
    with Store.open(db) as store:
        where = _where(store, dyad, event_type, cameo, status_text, since, until, outlet, min_confidence)
        where = dataclasses.replace(where, all_links=all_links)
        report = api.export(store, fmt, output, mentions=mentions, header=header, where=where)
    for path, rows in report.files.items():
        click.echo(f"{rows} rows written to {path}")
    if report.skipped:
        click.echo(f"{report.skipped} events without a date left out of the GDELT tables", err=True)


@main.command()
@_DYAD_ARGUMENT
@_DB
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="a .png or .svg file")
@_PERIOD
@_STATUS
@click.option("--since", callback=_iso_date, help="start of the time axis (YYYY-MM-DD)")
@click.option("--until", callback=_iso_date, help="end of the time axis (YYYY-MM-DD)")
@_MIN_CONFIDENCE
@_fail_cleanly
def plot(dyad_codes, db, output, period, status_text, since, until, min_confidence):
    """Draw the escalation series of two countries (`A B` or `A-B`), Goldstein and PLOVER score, with the
    linked events marked: the largest labelled, the others listed below."""
    with Store.open(db) as store:
        first, second = query.dyad(dyad_codes, store.countries())
        chart = api.plot(store, first, second, output, period=period, statuses=api.parse_statuses(status_text),
                         since=since, until=until, min_confidence=min_confidence)
    listed = f", {len(chart.listed)} listed below the chart" if chart.listed else ""
    click.echo(f"wrote {output} ({len(chart.labels)} events labelled{listed})")


def _service_limit_options(command):
    """One option of `detente serve` per limit of ``detente.serve.limits``, named after it, range-checked."""
    from .serve.limits import describe as service_limits

    for name, default, help_text, (low, high) in reversed(service_limits()):
        kind = click.IntRange(low, high) if isinstance(default, int) else _Seconds(low, high)
        command = click.option("--" + name.replace("_", "-"), name, default=default, type=kind, show_default=True,
                               help=help_text)(command)
    return command


def _service_limits(options: dict):
    from .serve.limits import ServiceLimits
    from .serve.limits import describe as service_limits

    return ServiceLimits(**{name: options.pop(name) for name, _, _, _ in service_limits()})


@main.command()
@click.option("--db", required=True, help="the store: a SQLite file (created if missing) or a postgresql:// URL")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; 0.0.0.0 makes the service reachable from other machines")
@click.option("--port", default=8000, type=click.IntRange(0, 65535), show_default=True, help="port to listen on")
@click.option("--token", envvar="DETENTE_TOKEN", show_envvar=True,
              help="token that allows storing articles (POST /api/documents); without it the service only reads")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="a web origin allowed to call the API from a browser (repeatable); none by default")
@_service_limit_options
@settings_options("reading", "coding", "aggregation")
@_fail_cleanly
def serve(db, host, port, token, cors_origins, **options):
    """Serve the web page and the JSON API (its OpenAPI description at /openapi.json)."""
    import uvicorn

    from .serve import create_app

    app = create_app(db, token=token, settings=_settings(options), limits=_service_limits(options),
                     cors_origins=tuple(cors_origins))
    listening = _listen(host, port)
    click.echo(f"detente serving {masked(db) if is_url(db) else db} on http://{host}:{port}/ "
               f"(writing {'allowed with the token' if token else 'off'})", err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to the address, before the service says it serves: a busy port is one error line."""
    listening = None
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        listening = socket.socket(family, socket.SOCK_STREAM)
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listening.bind((host, port))
    except OSError as error:
        if listening is not None:
            listening.close()
        reason = error.strerror or str(error)
        raise DetenteError(f"cannot listen on {host}:{port}: {reason} (is another service using the port? "
                           "choose another with --port)") from error
    return listening


def _print_events(records: list[dict], out) -> None:
    console = Console(file=out, width=160)
    table = Table(title=f"Events: {len(records)} (each real-world event once; `detente reports` lists the reports)")
    for column in ("no.", "date", "who", "type", "size", "confidence", "reports", "outlets", "answers", "trigger"):
        table.add_column(column, overflow="fold")
    for record in records:
        size = record.get("size")
        table.add_row(str(record["number"]), record["date"] or "?", _who(record),
                      f"{record['event']} {record['cameo']}",
                      f"{size['count']} {size['unit']}" if size else "",
                      export.confidence_text(record.get("confidence")), str(len(record["mentions"])),
                      ", ".join(record["sources"]), ", ".join(_short(link) for link in record["links"]),
                      record["trigger"])
    console.print(table)


def _print_reports(records: list[dict], out) -> None:
    console = Console(file=out, width=170)
    table = Table(title=f"Reports: {len(records)} (each document's account of an event; `detente events` lists "
                        "each event once)")
    for column in export.REPORT_TABLE_HEADER:
        table.add_column(column, overflow="fold")
    for row in export.table_rows(records, numbered=True):
        table.add_row(*row)
    console.print(table)


def _who(record: dict) -> str:
    actors = "+".join(sorted({str(e["country"]) for e in record["actor"] if e.get("country")})) or "?"
    recipients = "+".join(sorted({str(e["country"]) for e in record["recipient"] if e.get("country")})) or "?"
    return f"{actors} → {recipients}"


def _short(link: dict) -> str:
    return f"{link.get('number') or link['event'][:8]} ({link['type']}, {link['score']:.2f})"


def _print_evaluation(result, out, details: bool) -> None:
    console = Console(file=out, width=140)
    source = result.predictions or "the events detente codes from the inputs"
    console.print(f"{result.gold.path} ({GOLD_FORMATS[result.gold.format]}) scored against {source}",
                  markup=False, highlight=False)
    console.print(result.score.summary, highlight=False)
    table = Table(title="Per event type")
    for column in ("event", "gold", "found", "predicted", "correct", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "event" else "right")
    for name, m in result.score.by_type.items():
        table.add_row(name or "(none)", str(m.gold), str(m.found), str(m.predicted), str(m.correct),
                      f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}")
    console.print(table)
    if result.score.confusion:
        confusion = Table(title="Confusions (gold type missed → type coded instead)")
        for column in ("gold", "coded as", "times"):
            confusion.add_column(column, justify="right" if column == "times" else "left")
        for (gold_type, coded), times in result.score.confusion.items():
            confusion.add_row(gold_type, coded or "(none)", str(times))
        console.print(confusion)
    else:
        console.print("No confusions between types.")
    if result.links is not None:
        _print_links(result.links, console, details)
    if details:
        misses = Table(title="Misses and extras")
        for column in ("document", "missed", "extra"):
            misses.add_column(column, overflow="fold")
        for row in _misses(result.score):
            misses.add_row(*row)
        console.print(misses)


def _print_links(links, console, details: bool) -> None:
    """The links found against the gold's: together, stated (with a cue) and inferred (counter-moves), and
    together against the gold links with a cue alone."""
    table = Table(title="Links (action → reaction)")
    for column in ("links", "gold", "found", "predicted", "correct", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "links" else "right")
    for name, m in (("all", links.measure), ("stated", links.measure_of("responds_to")),
                    ("inferred", links.measure_of("inferred")), ("all, gold with a cue", links.cued)):
        table.add_row(name, str(m.gold), str(m.found), str(m.predicted), str(m.correct),
                      f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}")
    console.print(table)
    if details:
        for result in links.results:
            if not result.found:
                console.print(f"link missed in {result.doc_id}: {result.effect} ← {result.cause} "
                              f"({result.gold.cue or 'no cue'})", markup=False, highlight=False)


def _misses(score):
    """(document, missed, extra) rows, one per document or sentence with something missed or extra."""
    if isinstance(score, ArticleScore):
        for doc in score.documents:
            if doc.missed or doc.extras:
                yield (doc.doc_id,
                       "\n".join(f"{g.id} {'+'.join(g.source)}→{'+'.join(g.target)} {g.event} {g.date or '?'}"
                                 for g in doc.missed),
                       "\n".join(f"{t.source}→{t.target} {t.event} {t.date or '?'}" for t in doc.extras))
        return
    for sentence in score.results:
        missed = [*sentence.missed_types, *(f"{s}→{t} {e}" for s, t, e in sentence.missed_triples)]
        extra = [*sentence.extra_types, *(f"{s}→{t} {e}" for s, t, e in sentence.extra_triples)]
        if missed or extra:
            yield sentence.id, "\n".join(missed), "\n".join(extra)


def _print_table(records, out) -> None:
    console = Console(file=out, width=160)
    table = Table(show_lines=False)
    for column in export.TABLE_HEADER:
        table.add_column(column, overflow="fold")
    for row in export.table_rows(records):
        table.add_row(*row)
    console.print(table)


def _print_timeline(title: str, rows, out) -> None:
    console = Console(file=out, width=150)
    table = Table(title=f"Timeline {title}: {len(rows)} events (each once, with its reports and outlets)")
    for column in ("no.", "date", "who", "type", "goldstein", "size", "trigger", "reports", "outlets", "confidence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(str(row.number), row.date or "?", f"{row.actor} → {row.recipient}", f"{row.event} {row.cameo}",
                      f"{row.goldstein:+.1f}", row.size, row.trigger, str(row.reports), ", ".join(row.outlets),
                      export.confidence_text(row.confidence))
    console.print(table)


def _watch_options(command):
    """Options shared by `detente watch` and `detente fetch`."""
    options = [
        click.option("--db", required=True, type=click.Path(dir_okay=False),
                     help="the store: a SQLite file (created if missing) or a postgresql:// URL"),
        click.option("--alerts", "alerts_file", type=click.Path(exists=True, dir_okay=False),
                     help="a YAML file of alert rules and sinks (see docs/watch.md)"),
        click.option("--allow-private", is_flag=True,
                     help="allow private, loopback and link-local addresses (refused by default)"),
        click.option("--timeout", default=10.0, type=_Seconds(0.001, 3600), show_default=True,
                     help="seconds to wait for a server to connect, or to send the next bytes"),
        click.option("--deadline", type=_Seconds(0.001, 86_400),
                     help="seconds one fetch may take from connect to last byte, headers included "
                          f"[default: {TOTAL_TIMEOUTS} × --timeout]"),
        click.option("--min-interval", default=1.0, type=_Seconds(0, 86_400), show_default=True,
                     help="seconds between two requests to the same host"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _watch_limits(options: dict, settings: Settings, max_items: int = MAX_ITEMS) -> Limits:
    return Limits(allow_private=options["allow_private"], timeout=options["timeout"], deadline=options["deadline"],
                  min_interval=options["min_interval"], max_bytes=settings.max_bytes, max_items=max_items)


def _poll_line(report) -> str:
    left = f", {report.left} items left for the next poll" if report.left else ""
    return (f"{report.feeds} feeds read ({report.not_modified} not modified), {report.pages} pages coded, "
            f"{report.events} events, {len(report.failures)} failed{left}")


@main.command()
@click.argument("feed_urls", nargs=-1)
@click.option("--feeds", "feeds_file", type=click.Path(exists=True, dir_okay=False),
              help="a file of feed addresses, one a line (# comments)")
@click.option("--once", is_flag=True, help="poll every feed once and exit")
@click.option("--interval", default=600.0, type=_Seconds(0.001, 10**7), show_default=True,
              help="seconds between two polls")
@click.option("--max-items", default=MAX_ITEMS, type=click.IntRange(1, 10**6), show_default=True,
              help="pages fetched per feed and poll, newest items first; the rest wait for the next poll")
@_watch_options
@settings_options
@_fail_cleanly
def watch(feed_urls, feeds_file, once, interval, max_items, db, alerts_file, allow_private, timeout, deadline,
          min_interval, **options):
    """Poll RSS/Atom feeds and code their new articles into the store.

    Failures of single feeds or pages are named on standard error and the
    others go on.  Without --once, polls every --interval seconds until
    interrupted.
    """
    from . import watch as watching

    feeds = list(feed_urls) + (watching.read_feed_list(feeds_file) if feeds_file else [])
    if not feeds:
        raise UsageError("give feed addresses or --feeds FILE")
    settings = _settings(options)
    limits = _watch_limits(dict(allow_private=allow_private, timeout=timeout, deadline=deadline,
                                min_interval=min_interval), settings, max_items)
    alerts = watching.load_alerts(alerts_file) if alerts_file else None
    with Store.open(db) as store:
        try:
            report = watching.watch(feeds, store, settings=settings, limits=limits, alerts=alerts, once=once,
                                    interval=interval, console=click.echo,
                                    on_failure=lambda failure: click.echo(f"error: {failure}", err=True),
                                    on_poll=lambda polled, _: click.echo(_poll_line(polled), err=True))
        except KeyboardInterrupt:
            return
    if report.failures:
        sys.exit(PARTIAL_FAILURE)


@main.command()
@click.argument("urls", nargs=-1, required=True)
@_watch_options
@settings_options
@_fail_cleanly
def fetch(urls, db, alerts_file, allow_private, timeout, deadline, min_interval, **options):
    """Fetch single article pages and code them into the store."""
    from . import watch as watching

    settings = _settings(options)
    limits = _watch_limits(dict(allow_private=allow_private, timeout=timeout, deadline=deadline,
                                min_interval=min_interval), settings)
    alerts = watching.load_alerts(alerts_file) if alerts_file else None
    with Store.open(db) as store:
        report = watching.fetch(urls, store, settings=settings, limits=limits, alerts=alerts, console=click.echo,
                                     on_failure=lambda failure: click.echo(f"error: {failure}", err=True))
    click.echo(_poll_line(report), err=True)
    if report.failures:
        sys.exit(PARTIAL_FAILURE)


if __name__ == "__main__":  # pragma: no cover
    main()
