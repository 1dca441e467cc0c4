"""Which stored reports and events a query returns: ``EventFilter`` and the SQL it becomes.

One filter serves every command and endpoint that lists or counts events:
the conditions are written here once, for the columns that the ``events``
table (reports) and the ``aggregates`` table (events) share, so a filter
means the same on both.

Confidence: ``min_confidence`` keeps the rows whose ``confidence`` is at
least the value.  A row without a confidence (NULL: a report coded before
confidences were computed, an event none of whose reports has one) passes a
filter of 0 (or none) and fails any filter above 0: it is not known to be
likely right.  ``confident`` says the same of one value, for events that are
filtered before they are stored (``detente code``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EventFilter:
    """Which stored events a query returns."""

    dyad: tuple[str, str] | None = None
    event: str | None = None
    statuses: tuple[str, ...] | None = None
    since: date | None = None
    until: date | None = None
    outlet: str | None = None
    both_directions: bool = True
    cameo: str | None = None  # a CAMEO code: events with this code or one under it (161 → 161, 1611 …)
    min_confidence: float | None = None  # only events whose confidence is at least this (0–1); NULL fails above 0
    all_links: bool = False  # links scored below the link threshold too (detente/reciprocity/link_score.py)


def confident(confidence: float | None, minimum: float | None) -> bool:
    """Whether a confidence passes ``min_confidence``: always for a minimum of 0 or none; otherwise only a
    known confidence at least the minimum."""
    if not minimum:
        return True
    return confidence is not None and confidence >= minimum


def filter_clauses(where: EventFilter, table: str) -> tuple[list[str], list]:
    """SQL conditions (and their parameters) of a filter's type, statuses, dates, CAMEO code and confidence,
    on the columns ``event``, ``status``, ``date``, ``cameo`` and ``confidence`` of ``table``: shared by stored
    reports (``events``) and aggregated events (``aggregates``)."""
    clauses: list[str] = []
    params: list = []
    if where.event:
        clauses.append(f"{table}.event = ?")
        params.append(where.event.upper())
    if where.statuses:
        clauses.append(f"{table}.status IN ({','.join('?' * len(where.statuses))})")
        params.extend(where.statuses)
    if where.since:
        clauses.append(f"{table}.date >= ?")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append(f"{table}.date <= ?")
        params.append(where.until.isoformat())
    if where.cameo:
        clauses.append(f"({table}.cameo = ? OR {table}.cameo LIKE ?)")
        params += [where.cameo, where.cameo + "%"]
    if where.min_confidence:
        # NULL >= x is not true: an unknown confidence fails every filter above 0 (see ``confident``).
        clauses.append(f"{table}.confidence >= ?")
        params.append(float(where.min_confidence))
    return clauses, params


def aggregate_clauses(where: EventFilter, table: str = "a") -> tuple[list[str], list]:
    """SQL conditions of a whole filter on aggregated events (rows of ``aggregates`` named ``table``): a dyad
    counts a compound actor or recipient for each of its countries, an outlet is one of the event's reports'."""
    clauses: list[str] = []
    params: list = []
    if where.dyad:
        first, second = where.dyad
        pair = f"('+' || {table}.actors || '+') LIKE ? AND ('+' || {table}.recipients || '+') LIKE ?"
        forward = [f"%+{first}+%", f"%+{second}+%"]
        if where.both_directions:
            clauses.append(f"(({pair}) OR ({pair}))")
            params += forward + [f"%+{second}+%", f"%+{first}+%"]
        else:
            clauses.append(f"({pair})")
            params += forward
    type_and_time = filter_clauses(where, table)
    clauses += type_and_time[0]
    params += type_and_time[1]
    if where.outlet:
        clauses.append("EXISTS (SELECT 1 FROM mentions m JOIN events e2 ON e2.id = m.event "
                       f"WHERE m.aggregate = {table}.id AND LOWER(e2.source) = LOWER(?))")
        params.append(where.outlet)
    return clauses, params
