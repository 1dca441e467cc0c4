"""The command line: thin wrappers over the library calls of ``detente.api``.

Every command parses its options, calls one library function and formats
the result.  Library errors become one ``Error: …`` line and exit code 1.
Exit codes: 0 success; 1 an error stopped the command; 2 bad usage;
3 the run finished but some inputs could not be read (each named on stderr).
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from . import api, export
from .errors import DetenteError, UsageError
from .evaluate import FORMATS as GOLD_FORMATS
from .evaluate import ArticleScore
from .evaluate import evaluate as evaluate_gold
from .settings import Settings, describe
from .store import EventFilter, Store
from .store.backends import is_url, masked

PARTIAL_FAILURE = 3


def _fail_cleanly(command):
    """Render library errors as one line: exit code 2 for a ``UsageError``, else 1."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            raise click.UsageError(str(error)) from error
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


def settings_options(command):
    """One option per setting of ``detente.settings``, named after it, with its help text."""
    for name, default, help_text in reversed(describe()):
        flag = "--" + name.replace("_", "-")
        if isinstance(default, bool):
            command = click.option(f"{flag}/--no-{name.replace('_', '-')}", name, default=default,
                                   show_default=True, help=help_text)(command)
        else:
            kind = int if isinstance(default, int) else str
            command = click.option(flag, name, default=default, type=kind, show_default=True, help=help_text,
                                   envvar=SETTING_ENVIRONMENT.get(name),
                                   show_envvar=name in SETTING_ENVIRONMENT)(command)
    return command


def _settings(options: dict) -> Settings:
    return Settings(**{name: options[name] for name, _, _ in describe()})


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _dyad(ctx, param, value):
    if value is None:
        return None
    parts = value.upper().replace("_", "-").split("-")
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter(f"{value!r}: write a dyad as two codes joined by a dash, e.g. USA-RUS")
    return parts[0], parts[1]


@click.group()
@click.version_option(package_name="detente")
@click.option("-v", "--verbose", is_flag=True, help="log what each stage does")
def main(verbose: bool) -> None:
    """detente: event data that knows about reciprocity."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s: %(message)s",
                        stream=sys.stderr)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "pub_date", callback=_iso_date,
              help="publication date (YYYY-MM-DD) for inputs that carry none of their own")
@click.option("--source", help="outlet name for inputs that name none")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="jsonl", show_default=True,
              help="output format")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="write events here instead of standard output")
@click.option("--db", type=click.Path(dir_okay=False),
              help="also store documents, sentences and events in this SQLite file or postgresql:// URL")
@click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
              help="statuses to write, comma-separated, or `all`")
@click.option("--quiet", "-q", is_flag=True, help="write no events (useful with --db)")
@click.option("--workers", default=1, show_default=True, help="code on this many processes")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="code on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786), or `local` for a "
                   "cluster of this machine's cores")
@click.option("--shards", type=click.Path(file_okay=False),
              help="also write the events as numbered Parquet files in this folder")
@click.option("--progress/--no-progress", default=None,
              help="show documents, documents/s, events and failures while coding [default: on a terminal]")
@settings_options
@_fail_cleanly
def code(paths, pub_date, source, fmt, output, db, status_text, quiet, workers, dask_address, shards, progress,
         **options):
    """Code news articles into events.

    PATHS are text, HTML, JSON Lines or JSON files, folders of them, or `-` for
    standard input.  Unreadable inputs are named on standard error and skipped.
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
    click.echo(f"{report.documents} documents coded, {report.events} events, "
               f"{report.already_stored} already stored, {report.failed} failed", err=True)
    if report.update is not None:
        click.echo(_update_line(report.update), err=True)
    if report.failures:
        sys.exit(PARTIAL_FAILURE)


class _Progress:
    """Documents, documents/s, events and failures on standard error while `detente code` runs."""

    def __init__(self, enabled: bool | None) -> None:
        self.live = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.live = Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                                 TextColumn("{task.fields[rate]:.1f}/s"), TextColumn("{task.fields[events]} events"),
                                 TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
            self.task = self.live.add_task("coding", total=None, rate=0.0, events=0, failed=0)
            self.live.start()

    def update(self, report: api.Report) -> None:
        if self.live is not None:
            elapsed = self.live.tasks[0].elapsed or 0.0
            self.live.update(self.task, completed=report.documents, events=report.events, failed=report.failed,
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
@click.option("--db", type=_STORE, required=True, help="the store: a SQLite file or a postgresql:// URL")
@click.option("--dyad", callback=_dyad, help="two country codes, e.g. USA-RUS (both directions)")
@click.option("--type", "event_type", help="PLOVER event type, e.g. SANCTION")
@click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
              help="statuses, comma-separated, or `all`")
@click.option("--since", callback=_iso_date, help="first event date (YYYY-MM-DD)")
@click.option("--until", callback=_iso_date, help="last event date (YYYY-MM-DD)")
@click.option("--outlet", help="only events from this outlet")
@click.option("--format", "fmt", type=click.Choice(export.FORMATS), default="table", show_default=True,
              help="output format")
@_fail_cleanly
def events(db, dyad, event_type, status_text, since, until, outlet, fmt):
    """List stored events."""
    where = EventFilter(dyad=dyad, event=event_type, statuses=api.parse_statuses(status_text), since=since,
                        until=until, outlet=outlet)
    with Store.open(db) as store:
        found = api.events(store, where)
    out = _stdout()
    if fmt == "jsonl":
        export.write_jsonl(found, out)
    elif fmt == "csv":
        export.write_csv(found, out)
    else:
        _print_table(found, out)


@main.command()
@click.option("--db", type=_STORE, required=True, help="the store: a SQLite file or a postgresql:// URL")
@click.option("--dyad", callback=_dyad, required=True, help="two country codes, e.g. USA-RUS")
@click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
              help="statuses, comma-separated, or `all`")
@_fail_cleanly
def timeline(db, dyad, status_text):
    """The events between two countries, in date order, both directions."""
    with Store.open(db) as store:
        rows = api.timeline(store, dyad, api.parse_statuses(status_text))
    _print_timeline(f"{dyad[0]}–{dyad[1]}", rows, _stdout())


@main.command()
@click.option("--db", type=_STORE, required=True, help="the store: a SQLite file or a postgresql:// URL")
@click.option("--top", default=3, show_default=True, help="timelines of this many busiest pairs")
@_fail_cleanly
def summary(db, top):
    """Events per dyad and the timelines of the busiest pairs of countries."""
    with Store.open(db) as store:
        result = api.summary(store, top=top)
    out = _stdout()
    console = Console(file=out, width=120)
    console.print(f"[bold]{result.documents} documents, {result.events} events[/bold]")
    table = Table(title="Events per dyad (actor → recipient)")
    for column in ("actor", "recipient", "events"):
        table.add_column(column)
    for actor, recipient, n in result.dyads[:20]:
        table.add_row(actor, recipient, str(n))
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
@settings_options
@_fail_cleanly
def evaluate(gold, inputs, predictions, fmt, details, **options):
    """Score events against gold: precision, recall, F1, per type, confusions.

    GOLD is article gold JSON Lines, sentence gold JSON Lines, PLOVER gold
    JSON or PETRARCH validation XML.  INPUTS are documents to code when no
    --predictions file is given (sentence gold with texts needs none).
    """
    result = evaluate_gold(gold, predictions, inputs, settings=_settings(options))
    for skipped in result.skipped:
        click.echo(f"error: {skipped}", err=True)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(result.to_dict(details), ensure_ascii=False) + "\n")
    else:
        _print_evaluation(result, out, details)


_DB = click.option("--db", type=_STORE, required=True, help="the store: a SQLite file or a postgresql:// URL")
_STATUS = click.option("--status", "status_text", default=",".join(api.DEFAULT_STATUSES), show_default=True,
                       help="statuses, comma-separated, or `all`")
_AS = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                   help="output format")


@main.command()
@_DB
@click.option("--rebuild", is_flag=True, help="forget all aggregated events and links and build them again")
@settings_options
@_fail_cleanly
def aggregate(db, rebuild, **options):
    """Merge stored reports into events and link answers to causes.

    `detente code --db` does this after each run; run it by hand with
    --rebuild after changing the aggregation or linking settings.
    """
    with Store.open(db) as store:
        click.echo(_update_line(api.aggregate(store, _settings(options), rebuild=rebuild)))


def _update_line(update) -> str:
    placed, links = update.aggregation, update.links
    return (f"{placed.placed} reports placed ({placed.created} new events); links: {links.stated} stated, "
            f"{links.inferred} inferred, {links.open_claims} stated responses still without their cause")


@main.command()
@_DB
@click.option("--dyad", callback=_dyad, help="two country codes, e.g. USA-RUS (both directions)")
@click.option("--type", "event_type", help="PLOVER event type, e.g. SANCTION")
@_STATUS
@click.option("--since", callback=_iso_date, help="first event date (YYYY-MM-DD)")
@click.option("--until", callback=_iso_date, help="last event date (YYYY-MM-DD)")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="output format")
@_fail_cleanly
def aggregated(db, dyad, event_type, status_text, since, until, fmt):
    """List aggregated events: one line per real-world event, with its reports, outlets and links."""
    where = EventFilter(dyad=dyad, event=event_type, statuses=api.parse_statuses(status_text), since=since,
                        until=until)
    with Store.open(db) as store:
        found = api.aggregated(store, where)
    out = _stdout()
    if fmt == "jsonl":
        for record in found:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=160)
    table = Table()
    for column in ("no.", "date", "who", "event", "size", "reports", "outlets", "answers", "trigger"):
        table.add_column(column, overflow="fold")
    for record in found:
        size = record.get("size")
        table.add_row(str(record["number"]), record["date"] or "?", _who(record),
                      f"{record['event']} {record['cameo']}",
                      f"{size['count']} {size['unit']}" if size else "", str(len(record["mentions"])),
                      ", ".join(record["sources"]), ", ".join(_short(link) for link in record["links"]),
                      record["trigger"])
    console.print(table)


def _who(record: dict) -> str:
    actors = "+".join(sorted({str(e["country"]) for e in record["actor"] if e.get("country")})) or "?"
    recipients = "+".join(sorted({str(e["country"]) for e in record["recipient"] if e.get("country")})) or "?"
    return f"{actors} → {recipients}"


def _short(link: dict) -> str:
    return f"{link['event'][:8]} ({link['type']}, {link['score']:.2f})"


@main.command()
@click.argument("reference")
@_DB
@_AS
@_fail_cleanly
def sources(reference, db, fmt):
    """Which outlets reported an event and where their reports disagree (numbers, dates, who acted).

    REFERENCE is an aggregated event's id or number, or the id of one of its reports.
    """
    with Store.open(db) as store:
        record = api.sources(store, reference)
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=160)
    console.print(f"[bold]{record['number']}. {_who(record)} {record['event']} {record['cameo']} "
                  f"{record['date'] or '?'}[/bold] — {len(record['mentions'])} reports, "
                  f"{len(record['sources'])} outlets")
    table = Table(title="Reports")
    for column in ("outlet", "published", "date given", "size", "who", "sentence"):
        table.add_column(column, overflow="fold")
    for mention in record["mentions"]:
        size = mention["size"]
        table.add_row(mention["source"] or mention["doc_id"], mention["published"] or "?",
                      f"{mention['date'] or '?'} ({mention['date_source']})",
                      f"{size['count']} {size['unit']}" if size else "",
                      ", ".join(e["name"] for e in mention["actor"]), " ".join(mention["text"].split()))
    console.print(table)
    if not record["disagreements"]:
        console.print("The reports agree on numbers, dates and actors.")
    for what, values in record["disagreements"].items():
        console.print(f"[bold]They disagree on {what}:[/bold] " + "; ".join(
            f"{v['value']} ({', '.join(v['sources'] or v['doc_ids'])})" for v in values), highlight=False)


@main.command()
@click.argument("first")
@click.argument("second")
@_DB
@_STATUS
@_AS
@_fail_cleanly
def parity(first, second, db, status_text, fmt):
    """The parity ledger of two countries: staff ceilings, people expelled, facilities closed, with evidence."""
    with Store.open(db) as store:
        ledger = api.parity(store, first, second, api.parse_statuses(status_text))
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps(ledger.to_dict(), ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=160)
    table = Table(title=f"Parity ledger {ledger.first}–{ledger.second}")
    for column in ("date", "presence of", "set by", "measure", "number", "outlets", "evidence"):
        table.add_column(column, overflow="fold")
    for entry in ledger.entries:
        table.add_row(entry.date.isoformat() if entry.date else "?", f"{entry.side} in {entry.host}", entry.host,
                      entry.measure, f"{entry.count} {entry.unit}", ", ".join(entry.sources), entry.evidence)
    console.print(table)
    for side in (ledger.first, ledger.second):
        host = ledger.second if side == ledger.first else ledger.first
        totals = ledger.totals.get(side, {"expelled": 0, "closed": 0})
        ceiling = ledger.ceilings.get(side)
        console.print(f"{side} in {host}: {totals['expelled']} people expelled, {totals['closed']} facilities "
                      f"closed" + (f", staff ceiling {ceiling.count} (since {ceiling.date})" if ceiling else ""))


@main.command()
@click.argument("first")
@click.argument("second")
@_DB
@click.option("--period", type=click.Choice(["day", "week", "month"]), default="week", show_default=True,
              help="length of the periods of the escalation series")
@_STATUS
@_AS
@_fail_cleanly
def dyad(first, second, db, period, status_text, fmt):
    """Escalation series per direction and reciprocity statistics of two countries."""
    with Store.open(db) as store:
        result = api.dyad(store, first, second, period=period, statuses=api.parse_statuses(status_text))
    out = _stdout()
    if fmt == "json":
        out.write(json.dumps({"dyad": [result.first, result.second],
                              "series": [p.to_dict() for p in result.series],
                              "reciprocity": [r.to_dict() for r in result.reciprocity]}, ensure_ascii=False) + "\n")
        return
    console = Console(file=out, width=140)
    table = Table(title=f"Escalation {result.first}–{result.second} per {period}")
    for column in ("period", "direction", "events", "Goldstein", "PLOVER score"):
        table.add_column(column, justify="left" if column in ("period", "direction") else "right")
    for point in result.series:
        table.add_row(point.period.isoformat(), f"{point.actor} → {point.recipient}", str(point.events),
                      f"{point.goldstein:+.1f}", f"{point.plover:+.1f}")
    console.print(table)
    stats = Table(title="Reciprocity (hostile acts of the first side, answered by the second)")
    for column in ("acts of", "answered by", "hostile acts", "answered", "in kind", "share in kind",
                   "median lag (days)", "proportionality"):
        stats.add_column(column, justify="left" if column in ("acts of", "answered by") else "right")
    for r in result.reciprocity:
        share = r.share_answered_in_kind
        stats.add_row(r.actor, r.recipient, str(r.hostile), str(r.answered), str(r.answered_in_kind),
                      f"{share:.0%}" if share is not None else "–",
                      f"{r.median_lag_days:g}" if r.median_lag_days is not None else "–",
                      f"{r.proportionality:g}" if r.proportionality is not None else "–")
    console.print(stats)


@main.command()
@click.argument("reference")
@_DB
@click.option("--depth", default=10, show_default=True, help="follow causes and answers this many steps")
@_fail_cleanly
def chain(reference, db, depth):
    """The retaliation chain of an event: the causes it answered and the answers it drew, as a tree.

    REFERENCE is an aggregated event's id or number, or the id of one of its reports.
    """
    with Store.open(db) as store:
        nodes = api.chain(store, reference, depth)
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
            f"({row.mentions} reports, id {row.id}){how}")


@main.command("export")
@_DB
@click.option("--format", "fmt", type=click.Choice(api.EXPORT_FORMATS), required=True,
              help="plover: JSON Lines of aggregated events with mentions and links; gdelt: the GDELT 2.0 event "
                   "table (61 columns) and its mentions table; csv or parquet: one row per aggregated event")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="the file to write")
@click.option("--mentions", type=click.Path(dir_okay=False),
              help="gdelt: where to write the mentions table (default: OUTPUT with .mentions before its suffix)")
@click.option("--header/--no-header", default=True, show_default=True,
              help="gdelt: a first line with the column names (--no-header for strict GDELT files)")
@click.option("--dyad", callback=_dyad, help="two country codes, e.g. USA-RUS (both directions)")
@click.option("--type", "event_type", help="PLOVER event type, e.g. SANCTION")
@_STATUS
@click.option("--since", callback=_iso_date, help="first event date (YYYY-MM-DD)")
@click.option("--until", callback=_iso_date, help="last event date (YYYY-MM-DD)")
@_fail_cleanly
def export_command(db, fmt, output, mentions, header, dyad, event_type, status_text, since, until):
    """Write aggregated events for pandas, R or GDELT tools: PLOVER JSONL, GDELT TSV, CSV or Parquet."""
    where = EventFilter(dyad=dyad, event=event_type, statuses=api.parse_statuses(status_text), since=since,
                        until=until)
    with Store.open(db) as store:
        report = api.export(store, fmt, output, mentions=mentions, header=header, where=where)
    for path, rows in report.files.items():
        click.echo(f"{rows} rows written to {path}")
    if report.skipped:
        click.echo(f"{report.skipped} events without a date left out of the GDELT tables", err=True)


@main.command()
@click.argument("first")
@click.argument("second")
@_DB
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True, help="a .png or .svg file")
@click.option("--period", type=click.Choice(["day", "week", "month"]), default="week", show_default=True,
              help="length of the periods of the escalation series")
@_STATUS
@_fail_cleanly
def plot(first, second, db, output, period, status_text):
    """Draw a dyad's escalation series (Goldstein and PLOVER score) with its linked events marked."""
    with Store.open(db) as store:
        api.plot(store, first, second, output, period=period, statuses=api.parse_statuses(status_text))
    click.echo(f"wrote {output}")


@main.command()
@click.option("--db", required=True, help="the store: a SQLite file (created if missing) or a postgresql:// URL")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="address to listen on; 0.0.0.0 makes the service reachable from other machines")
@click.option("--port", default=8000, show_default=True, help="port to listen on")
@click.option("--token", envvar="DETENTE_TOKEN", show_envvar=True,
              help="token that allows storing articles (POST /api/documents); without it the service only reads")
@click.option("--max-request-bytes", default=2_000_000, show_default=True, help="larger request bodies are refused")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="a web origin allowed to call the API from a browser (repeatable); none by default")
@settings_options
@_fail_cleanly
def serve(db, host, port, token, max_request_bytes, cors_origins, **options):
    """Serve the web page and the JSON API (its OpenAPI description at /openapi.json)."""
    import uvicorn

    from .serve import create_app

    app = create_app(db, token=token, settings=_settings(options), max_request_bytes=max_request_bytes,
                     cors_origins=tuple(cors_origins))
    click.echo(f"detente serving {masked(db) if is_url(db) else db} on http://{host}:{port}/ "
               f"(writing {'allowed with the token' if token else 'off'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
    if details:
        misses = Table(title="Misses and extras")
        for column in ("document", "missed", "extra"):
            misses.add_column(column, overflow="fold")
        for row in _misses(result.score):
            misses.add_row(*row)
        console.print(misses)


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
    console = Console(file=out, width=140)
    table = Table(title=f"Timeline {title}")
    for column in ("date", "who", "event", "goldstein", "size", "trigger", "outlet"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row.date or "?", f"{row.actor} → {row.recipient}", f"{row.event} {row.cameo}",
                      f"{row.goldstein:+.1f}", row.size, row.trigger, row.source or row.doc_id)
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
        click.option("--timeout", default=10.0, show_default=True, help="seconds to wait for a server"),
        click.option("--min-interval", default=1.0, show_default=True,
                     help="seconds between two requests to the same host"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _watch_limits(options: dict, settings: Settings):
    from .watch import Limits

    return Limits(allow_private=options["allow_private"], timeout=options["timeout"],
                  min_interval=options["min_interval"], max_bytes=settings.max_bytes)


def _poll_line(report) -> str:
    return (f"{report.feeds} feeds read ({report.not_modified} not modified), {report.pages} pages coded, "
            f"{report.events} events, {len(report.failures)} failed")


@main.command()
@click.argument("feed_urls", nargs=-1)
@click.option("--feeds", "feeds_file", type=click.Path(exists=True, dir_okay=False),
              help="a file of feed addresses, one a line (# comments)")
@click.option("--once", is_flag=True, help="poll every feed once and exit")
@click.option("--interval", default=600.0, show_default=True, help="seconds between two polls")
@_watch_options
@settings_options
@_fail_cleanly
def watch(feed_urls, feeds_file, once, interval, db, alerts_file, allow_private, timeout, min_interval,
          **options):
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
    limits = _watch_limits(dict(allow_private=allow_private, timeout=timeout, min_interval=min_interval), settings)
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
def fetch(urls, db, alerts_file, allow_private, timeout, min_interval, **options):
    """Fetch single article pages and code them into the store."""
    from . import watch as watching

    settings = _settings(options)
    limits = _watch_limits(dict(allow_private=allow_private, timeout=timeout, min_interval=min_interval), settings)
    alerts = watching.load_alerts(alerts_file) if alerts_file else None
    with Store.open(db) as store:
        report = watching.fetch(urls, store, settings=settings, limits=limits, alerts=alerts, console=click.echo,
                                     on_failure=lambda failure: click.echo(f"error: {failure}", err=True))
    click.echo(_poll_line(report), err=True)
    if report.failures:
        sys.exit(PARTIAL_FAILURE)


if __name__ == "__main__":  # pragma: no cover
    main()
