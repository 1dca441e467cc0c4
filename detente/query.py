"""What a user asks for, checked: country codes, dyads, event types, CAMEO codes, statuses, dates, outlets.

The command line and the service take filters from people.  A filter that
cannot match (a country's name where its code is wanted, a plural type, a
misspelt outlet) would return nothing and look like an answer, so each value
is checked here and a wrong one raises a ``UsageError`` of one line that says
what is wrong and, when it can tell, what was meant::

    'NORWAY' is not a country code: give an ISO 3166 alpha-3 code or an organisation code of the
    knowledge base (did you mean NOR, Norway?)

Codes are taken in any case.  Country codes are the ISO 3166 alpha-3 codes,
the knowledge base's own (XKX for Kosovo, NATO, EU …) and any code the store
holds events for (from an ``--extra-actors`` file); suggestions come from the
names of the knowledge base ("Russia", "Russian", "Moscow" → RUS).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date

import pycountry

from .errors import UsageError
from .records import STATUSES

DONE = ("actual", "planned")
PERIODS = ("day", "week", "month")
# A dyad written as one value: two codes joined by a dash, a space, a comma or an underscore.
DYAD_SEPARATOR = re.compile(r"\s*[-–—,_/]\s*|\s+")
CODE = re.compile(r"^[A-Za-z0-9]{1,12}$")


# -- countries and dyads -----------------------------------------------------------------------------

def country(text: str, known: Iterable[str] = ()) -> str:
    """An upper-case country or organisation code; a ``UsageError`` (with a suggestion) for anything else."""
    value = (text or "").strip()
    code = value.upper()
    if CODE.match(value) and (code in set(known) or _is_code(code)):
        return code
    hint = _suggest_country(value)
    raise UsageError(f"{value!r} is not a country code: give an ISO 3166 alpha-3 code or an organisation code of "
                     "the knowledge base" + (f" (did you mean {hint}?)" if hint else " (USA, RUS, NATO, EU …)"))


def dyad(values: str | Sequence[str], known: Iterable[str] = ()) -> tuple[str, str]:
    """Two country codes from ``("USA", "RUS")``, ``"USA RUS"`` or ``"USA-RUS"`` (in any case)."""
    parts = [values] if isinstance(values, str) else list(values)
    codes = [code for part in parts for code in DYAD_SEPARATOR.split(str(part).strip()) if code]
    if len(codes) != 2:
        written = " ".join(str(part) for part in parts)
        raise UsageError(f"{written!r} is not a dyad: give two country codes, as `USA RUS` or `USA-RUS`")
    known = set(known)
    first, second = (country(code, known) for code in codes)
    if first == second:
        raise UsageError(f"a dyad needs two different countries, not {first} twice")
    return first, second


@functools.cache
def _iso_codes() -> frozenset[str]:
    from .actors.knowledge import EXTRA_STATE_CODES

    return frozenset({c.alpha_3 for c in pycountry.countries} | set(EXTRA_STATE_CODES))


def _is_code(code: str) -> bool:
    if code in _iso_codes():
        return True
    kb = _knowledge()
    return code in kb.states or code in kb.organisations


@functools.cache
def _knowledge():
    from .actors.knowledge import load_knowledge

    return load_knowledge()


@functools.cache
def _names() -> dict[str, tuple[str, str]]:
    """Lower-case name → (code, name): the knowledge base's names of states and organisations, their
    adjectives and capitals, and ISO's names and two-letter codes."""
    from .actors.knowledge import ADJECTIVE, CAPITAL, ORGANISATION, STATE

    kb = _knowledge()
    names: dict[str, tuple[str, str]] = {}
    for country_ in pycountry.countries:
        for name in (country_.name, getattr(country_, "common_name", None), getattr(country_, "official_name", None)):
            if name:
                names.setdefault(name.lower(), (country_.alpha_3, name))
    for term in kb.terms:
        if term.kind in (STATE, ADJECTIVE, CAPITAL, ORGANISATION) and term.country and not term.ambiguous:
            names[term.text.lower()] = (term.country, kb.name_of(term.country))
    for country_ in pycountry.countries:
        names.setdefault(country_.alpha_2.lower(), (country_.alpha_3, kb.name_of(country_.alpha_3)))
    return names


def _suggest_country(text: str) -> str | None:
    names = _names()
    found = names.get(text.lower())
    if found is None:
        close = difflib.get_close_matches(text.lower(), list(names), n=1, cutoff=0.8)
        found = names[close[0]] if close else None
    if found is None:
        codes = sorted(_iso_codes() | set(_knowledge().organisations))
        close = difflib.get_close_matches(text.upper(), codes, n=1, cutoff=0.75)
        found = (close[0], _knowledge().name_of(close[0])) if close else None
    return f"{found[0]}, {found[1]}" if found else None


# -- event types and codes ---------------------------------------------------------------------------

@functools.cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types of the code table, in alphabetical order."""
    from .events.codebook import NO_EVENT, load_codebook

    return tuple(sorted({code.event for code in load_codebook().values() if code.event != NO_EVENT}))


def event_type(text: str) -> str:
    """An upper-case PLOVER event type; a ``UsageError`` naming the nearest one for anything else."""
    value = (text or "").strip().upper()
    if value in event_types():
        return value
    close = difflib.get_close_matches(value[:-1] if value.endswith("S") else value, event_types(), n=1,
                                      cutoff=0.6)
    hint = f": did you mean {close[0]}?" if close else ""
    raise UsageError(f"{text!r} is not a PLOVER event type{hint} (types: {', '.join(event_types())})")


def cameo(text: str) -> str:
    """A CAMEO code or the start of one (``16``, ``161``, ``0311``): events with it or a code under it."""
    from .events.codebook import load_codebook

    value = (text or "").strip()
    if value.isdecimal() and len(value) == 1:
        value = "0" + value  # root 1 is written 01
    if value.isdecimal() and any(code == value or code.startswith(value) for code in load_codebook()):
        return value
    raise UsageError(f"{text!r} is not a CAMEO code of the code table (e.g. 161 for expelling diplomats, 16 for "
                     "any reduction of relations; docs/codes.md lists them)")


def statuses(text: str | None) -> tuple[str, ...]:
    """``"actual,planned"``, ``"done"`` (actual and planned) or ``"all"`` → a tuple of statuses."""
    if not text or not text.strip():
        return DONE
    if text.strip().lower() == "all":
        return STATUSES
    chosen: list[str] = []
    for status in (s.strip().lower() for s in text.split(",") if s.strip()):
        for one in DONE if status == "done" else (status,):
            if one not in chosen:
                chosen.append(one)
    unknown = [s for s in chosen if s not in STATUSES]
    if unknown:
        raise UsageError(f"unknown status {', '.join(unknown)}; choose from {', '.join(STATUSES)}, done (actual "
                         "and planned) or all")
    return tuple(chosen)


def period(text: str) -> str:
    value = (text or "").strip().lower()
    if value not in PERIODS:
        raise UsageError(f"unknown period {text!r}; choose day, week or month")
    return value


# -- dates and outlets ---------------------------------------------------------------------------------

def window(since: date | None, until: date | None) -> None:
    """A ``UsageError`` when ``since`` is after ``until``: no event could be in between."""
    if since and until and since > until:
        raise UsageError(f"--since {since.isoformat()} is after --until {until.isoformat()}: no date is in between")


def publication_date(day: date | None, today: date | None = None) -> date | None:
    """A publication date given by hand; one in the future is a mistake (dates resolve against it)."""
    today = today or date.today()
    if day is not None and day > today:
        raise UsageError(f"the publication date {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day


def confidence(value: str | float | None) -> float | None:
    """A minimum confidence, a number from 0 to 1 (None when not given); a ``UsageError`` for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or not 0.0 <= number <= 1.0:  # NaN fails both comparisons
        raise UsageError(f"{value!r} is not a confidence: give a number from 0 to 1 (0.7 keeps the events likely "
                         "right, 0 keeps all)")
    return number


def outlet(text: str | None, outlets: Iterable[str]) -> str | None:
    """An outlet the store has documents from (in any case); a ``UsageError`` naming the nearest otherwise."""
    if text is None:
        return None
    known = {name.lower(): name for name in outlets}
    if text.strip().lower() in known:
        return known[text.strip().lower()]
    close = difflib.get_close_matches(text.strip().lower(), list(known), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(known[c] for c in close)}?)" if close else ""
    raise UsageError(f"no document in the store is from the outlet {text!r}{hint}")



def event_filter(store, *, pair: str | Sequence[str] | None = None, kind: str | None = None,
                 code: str | None = None, status: str | Sequence[str] | None = None, since: date | None = None,
                 until: date | None = None, source: str | None = None, both_directions: bool = True,
                 min_confidence: str | float | None = None):
    """The ``EventFilter`` of what a user asked for (a dyad, an event type, a CAMEO code, statuses, dates, an
    outlet, a minimum confidence), every value checked against the code tables and the codes and outlets
    ``store`` holds."""
    from .store import EventFilter

    window(since, until)
    chosen = statuses(status) if status is None or isinstance(status, str) else tuple(status)
    return EventFilter(
        dyad=dyad(pair, store.countries()) if pair else None,
        event=event_type(kind) if kind else None,
        cameo=cameo(code) if code else None,
        statuses=chosen, since=since, until=until,
        outlet=outlet(source, store.outlets()) if source else None,
        both_directions=both_directions,
        min_confidence=confidence(min_confidence),
    )
