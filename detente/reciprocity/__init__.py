"""Reciprocity: one event from many reports, action → reaction links, parity, dyad analyses.

``update(store)`` runs after coding: it places new mentions into aggregated
events (``aggregate.py``), resolves the stated responses the coder read
(``claims.py``, ``links.py``) and infers counter-actions.  It is incremental
and idempotent.  ``parity.py`` and ``analysis.py`` read the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..settings import Settings
from ..store import Store
from .aggregate import AggregationReport, aggregate
from .links import LinkReport, link


@dataclass(frozen=True)
class UpdateReport:
    """What an update of the aggregated events and links did."""

    aggregation: AggregationReport
    links: LinkReport


def update(store: Store, settings: Settings | None = None) -> UpdateReport:
    """Place new mentions, resolve open claims, infer links; a re-run changes nothing.

    A stated response whose cause was looked up from a description is provisional: when the new reports
    touch events of the countries its cause would have (done by its recipient to its actor), its link is
    dropped and its claim resolved again, so that a better cause that arrived since (the same number, the
    same article …) takes its place."""
    settings = settings or Settings()
    placed = aggregate(store, settings)
    keys = {(row.actors, row.recipients, row.event) for row in store.aggregate_rows(placed.touched)}
    with store.transaction():
        joined = store.reopen_described(keys) if keys else set()
    touched = placed.touched | {id_ for id_ in joined if store.aggregate(id_) is not None}
    return UpdateReport(placed, link(store, touched, settings))


def refresh(store: Store, settings: Settings | None = None, *,
            keys: Iterable[tuple[str, str, str]] = (), numbers: dict[str, int] | None = None,
            joined: Iterable[str] = ()) -> UpdateReport:
    """Update the aggregated events and links after reports were replaced (``detente recode``).

    Aggregation only ever joins reports with the same actors, recipients and
    type (``keys``), so dissolving every aggregated event of the keys whose
    reports changed and placing their reports again, in the order of
    publication, gives those keys what aggregating from scratch gives; the
    other aggregated events stay as they are.  An event made again of the same
    first report keeps its number (``numbers``: those dissolved before).  Links
    of the dissolved events go with them, and so do the stated responses whose
    cause was looked up among events of those keys' countries (a new event may
    be the better cause): all are resolved again, and inferred links are
    recomputed around every event that changed and those its links ``joined``.
    """
    settings = settings or Settings()
    numbers = dict(numbers or {})
    keys = set(keys)
    with store.transaction():
        dissolved, linked = store.dissolve(store.aggregates_keyed(keys))
        linked |= store.reopen_described(keys)
    numbers.update(dissolved)
    placed = aggregate(store, settings, numbers)
    touched = placed.touched | {id_ for id_ in {*joined, *linked} if store.aggregate(id_) is not None}
    return UpdateReport(placed, link(store, touched, settings))


def rebuild(store: Store, settings: Settings | None = None) -> UpdateReport:
    """Forget all aggregates and links and build them again (after changing the rules or settings)."""
    with store.transaction():
        store.clear_aggregates()
    settings = settings or Settings()
    placed = aggregate(store, settings)
    touched = {row.id for row in store.aggregate_rows()}
    return UpdateReport(placed, link(store, touched, settings))
