"""Alert rules, read from a small YAML file, fired once per matching aggregated event or link.

The file::

    sinks:                      # where alerts go (default: console)
      - console
      - jsonl: alerts.jsonl
      - webhook: https://example.org/hook
    rules:
      - {name: usa-rus-conflict, dyad: USA-RUS, quad_class: [3, 4]}
      - {name: expulsions, event: EXPEL}
      - {name: answered-in-kind, answered_in_kind: true}
      - {name: chain-x, link_into: AGGREGATE_ID}

Event rules (``dyad``, both directions; ``quad_class``; ``event``, a PLOVER
type) match aggregated events; link rules (``answered_in_kind``: a stated
or inferred link whose effect has the same PLOVER type as its cause;
``link_into``: a link whose cause is that aggregated event) match links.  A
rule is one kind or the other.  What fired is remembered in the store.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import api, datafiles
from ..errors import DataFileError
from ..reciprocity.link_score import floor
from ..store import Store
from .errors import FetchError
from .safety import check_url
from .state import WatchState

log = logging.getLogger(__name__)

EVENT_KEYS = ("dyad", "quad_class", "event")
LINK_KEYS = ("answered_in_kind", "link_into")
RULE_KEYS = ("name", *EVENT_KEYS, *LINK_KEYS)
SINK_KINDS = ("console", "jsonl", "webhook")


@dataclass(frozen=True)
class Rule:
    """One alert rule; empty fields do not constrain."""

    name: str
    dyad: tuple[str, str] | None = None
    quad_class: tuple[int, ...] = ()
    event: str | None = None
    answered_in_kind: bool = False
    link_into: str | None = None

    @property
    def on_links(self) -> bool:
        return self.answered_in_kind or self.link_into is not None


@dataclass(frozen=True)
class Sink:
    kind: str
    target: str | None = None


@dataclass(frozen=True)
class Alerts:
    rules: tuple[Rule, ...]
    sinks: tuple[Sink, ...]


@dataclass(frozen=True)
class Alert:
    """An alert that fired: the rule, what it fired on, and the record (an aggregated event or a link)."""

    rule: str
    target: str
    record: dict

    def to_dict(self) -> dict:
        return {"rule": self.rule, "target": self.target, "record": self.record}


def load_alerts(path: str | Path) -> Alerts:
    """The rules and sinks of an alerts file; a ``DataFileError`` names the wrong line."""
    where = str(path)
    content = datafiles.load(path)
    if not isinstance(content, dict):
        raise DataFileError(where, None, "expected a mapping with `rules:` (and optionally `sinks:`)")
    unknown = [key for key in content if key not in ("rules", "sinks", datafiles.LINE)]
    if unknown:
        raise DataFileError(where, datafiles.key_line(content, unknown[0]),
                            f"unknown key {unknown[0]!r}; use `rules` and `sinks`")
    rules = tuple(_rule(where, entry) for entry in datafiles.mappings(where, content.get("rules"), "rule"))
    if not rules:
        raise DataFileError(where, datafiles.line_of(content), "no rules; add a list under `rules:`")
    names = [rule.name for rule in rules]
    for index, name in enumerate(names):
        if name in names[:index]:
            raise DataFileError(where, datafiles.item_line(content["rules"], index), f"duplicate rule name {name!r}")
    raw_sinks = content.get("sinks") or ["console"]
    sinks = tuple(_sink(where, raw_sinks, index, item) for index, item in enumerate(datafiles.as_list(raw_sinks)))
    return Alerts(rules, sinks)


def _rule(where: str, entry: dict) -> Rule:
    line = datafiles.line_of(entry)
    for key in entry:
        if key != datafiles.LINE and key not in RULE_KEYS:
            raise DataFileError(where, datafiles.key_line(entry, key),
                                f"unknown rule key {key!r}; choose from {', '.join(RULE_KEYS)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise DataFileError(where, line, "each rule needs a `name`")
    has_event = any(entry.get(key) not in (None, []) for key in EVENT_KEYS)
    has_link = any(entry.get(key) not in (None, False) for key in LINK_KEYS)
    if has_event == has_link:
        raise DataFileError(where, line, f"rule {name!r}: give event conditions ({', '.join(EVENT_KEYS)}) or "
                                         f"link conditions ({', '.join(LINK_KEYS)}), not both nor neither")
    dyad = entry.get("dyad")
    if dyad is not None:
        parts = str(dyad).upper().split("-")
        if len(parts) != 2 or not all(parts):
            raise DataFileError(where, datafiles.key_line(entry, "dyad"),
                                f"rule {name!r}: dyad {dyad!r} must be two codes joined by a dash, e.g. USA-RUS")
        dyad = (parts[0], parts[1])
    quads = datafiles.as_list(entry.get("quad_class"))
    if any(not isinstance(q, int) or isinstance(q, bool) or q not in (1, 2, 3, 4) for q in quads):
        raise DataFileError(where, datafiles.key_line(entry, "quad_class"),
                            f"rule {name!r}: quad_class must be 1, 2, 3 or 4 (or a list of them)")
    in_kind = entry.get("answered_in_kind", False)
    if not isinstance(in_kind, bool):
        raise DataFileError(where, datafiles.key_line(entry, "answered_in_kind"),
                            f"rule {name!r}: answered_in_kind must be true or false")
    event = entry.get("event")
    link_into = entry.get("link_into")
    return Rule(name=name.strip(), dyad=dyad, quad_class=tuple(quads),
                event=str(event).upper() if event else None, answered_in_kind=in_kind,
                link_into=str(link_into) if link_into is not None else None)


def _sink(where: str, items, index: int, item) -> Sink:
    line = datafiles.item_line(items, index)
    if item == "console":
        return Sink("console")
    if isinstance(item, dict):
        keys = [key for key in item if key != datafiles.LINE]
        if len(keys) == 1 and keys[0] in ("jsonl", "webhook") and isinstance(item[keys[0]], str):
            return Sink(keys[0], item[keys[0]])
    raise DataFileError(where, line, f"sink {item!r}: write `console`, `jsonl: PATH` or `webhook: URL`")


def check_alerts(store: Store, alerts: Alerts, state: WatchState, *, allow_private: bool = False,
                 console: Callable[[str], None] | None = None) -> list[Alert]:
    """Fire every rule on the aggregated events and links it has not fired on yet; the alerts fired."""
    records = {record["id"]: record for record in api.aggregated(store)}
    fired = []
    for rule in alerts.rules:
        for target, record in _matches(rule, records, store):
            if state.fired(rule.name, target):
                continue
            alert = Alert(rule.name, target, record)
            _send(alert, alerts.sinks, allow_private=allow_private, console=console)
            state.remember_alert(rule.name, target)
            fired.append(alert)
    return fired


def _matches(rule: Rule, records: dict[str, dict], store: Store):
    if not rule.on_links:
        for identifier, record in records.items():
            if _event_matches(rule, record):
                yield identifier, record
        return
    for link in store.links():
        cause, effect = records.get(link.cause), records.get(link.effect)
        if cause is None or effect is None:
            continue
        if rule.link_into is not None and link.cause != rule.link_into:
            continue
        if rule.answered_in_kind and cause["event"] != effect["event"]:
            continue
        yield f"{link.effect}<-{link.cause}", {"effect": effect["id"], "cause": cause["id"], "type": link.type,
                                               "event": effect["event"], "cause_event": cause["event"],
                                               "score": link.score, "evidence": link.evidence}


def _event_matches(rule: Rule, record: dict) -> bool:
    if rule.dyad:
        actors = {str(e.get("country")) for e in record.get("actor", [])}
        recipients = {str(e.get("country")) for e in record.get("recipient", [])}
        first, second = rule.dyad
        if not ((first in actors and second in recipients) or (second in actors and first in recipients)):
            return False
    if rule.quad_class and record.get("quad_class") not in rule.quad_class:
        return False
    return not (rule.event and record.get("event") != rule.event)


def _send(alert: Alert, sinks: tuple[Sink, ...], *, allow_private: bool,
          console: Callable[[str], None] | None) -> None:
    line = json.dumps(alert.to_dict(), ensure_ascii=False, default=str)
    for sink in sinks:
        try:
            if sink.kind == "console":
                (console or log.warning)(f"alert {alert.rule}: {_summary(alert.record)}")
            elif sink.kind == "jsonl":
                with open(sink.target, "a", encoding="utf-8") as out:
                    out.write(line + "\n")
            elif sink.kind == "webhook":
                check_url(sink.target, allow_private=allow_private)
                httpx.post(sink.target, content=line, headers={"Content-Type": "application/json"},
                           timeout=10.0).raise_for_status()
        except (OSError, httpx.HTTPError, FetchError) as error:
            log.warning("alert %s: sink %s %s failed (%s)", alert.rule, sink.kind, sink.target or "", error)


def _summary(record: dict) -> str:
    if "cause" in record:
        return f"{record['effect']} ({record['event']}) answers {record['cause']} ({record['cause_event']})"
    who = "+".join(sorted({str(e.get("country")) for e in record.get("actor", [])}))
    whom = "+".join(sorted({str(e.get("country")) for e in record.get("recipient", [])}))
    return f"{record['id']} {record.get('date') or ''} {who} {record.get('event')} {whom}: {record.get('trigger')}"
