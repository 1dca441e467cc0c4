"""Reciprocity: one event from many reports, action → reaction links, parity, dyad analyses.

``update(store)`` runs after coding: it places new mentions into aggregated
events (``aggregate.py``), resolves the stated responses the coder read
(``claims.py``, ``links.py``) and infers counter-actions.  It is incremental
and idempotent.  ``parity.py`` and ``analysis.py`` read the result.
"""

from __future__ import annotations

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
    """Place new mentions, resolve open claims, infer links; a re-run changes nothing."""
    settings = settings or Settings()
    placed = aggregate(store, settings)
    linked = link(store, placed.touched, settings)
    return UpdateReport(placed, linked)


def rebuild(store: Store, settings: Settings | None = None) -> UpdateReport:
    """Forget all aggregates and links and build them again (after changing the rules or settings)."""
    with store.transaction():
        store.clear_aggregates()
    settings = settings or Settings()
    placed = aggregate(store, settings)
    touched = {row.id for row in store.aggregate_rows()}
    return UpdateReport(placed, link(store, touched, settings))
