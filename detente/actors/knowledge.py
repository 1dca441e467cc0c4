"""The actor knowledge base: states, organisations, institutions, groups, office holders.

It is data, shipped as YAML files in ``detente/actors/data`` and reviewed like
code (see ``docs/knowledge-base.md``).  ``load_knowledge`` reads and validates
them, merges a user's file of extra entries, and returns a ``KnowledgeBase``:
a flat list of ``Term`` (every way of naming an actor, for the matcher) and
the office holders with their terms, so that "the Secretary of State" or
"Putin" resolve to a state on a given day.

Every problem is reported as a ``DataFileError`` naming the file and line.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import pycountry

from .. import datafiles
from ..datafiles import as_list, key_line, line_of, mappings
from ..errors import DataFileError

DATA = Path(__file__).parent / "data"

# Codes that are not ISO 3166-1 but are used for states in event data: Kosovo, and East Germany's code of
# 1974-1990 (ISO 3166-3 keeps it as withdrawn).
EXTRA_STATE_CODES = {"XKX", "DDR", "YUG"}

# The word lists of reference_words.yaml.
REFERENCE_WORDS = ("personal_pronouns", "neuter_pronouns", "plural_pronouns", "first_person_pronouns",
                   "distributive_pronouns", "dateline_adverbs", "naming_prepositions",
                   "former_words", "not_a_country_before", "not_a_country_after", "locative_prepositions",
                   "person_categories", "ethnic_words", "pair_nouns", "pair_words", "all_sides_nouns",
                   "courtesy_titles",
                   "sponsor_words", "other_names", "mission_nouns", "document_nouns",
                   "told_people", "told_craft", "border_nouns", "counting_nouns", "including_words",
                   "pointing_words", "tying_verbs", "tying_prepositions", "relation_nouns", "body_nouns", "pair_titles",
                   "any_body_nouns", "venue_named_things")

# Term kinds, i.e. what a matched phrase can be.
STATE, ADJECTIVE, CAPITAL, SEAT = "state", "adjective", "capital", "seat"
ORGANISATION, INSTITUTION, GENERIC, GROUP = "organisation", "institution", "generic", "group"
PERSON, TITLE = "person", "title"


@dataclass(frozen=True)
class Term:
    """One way of naming an actor or part of one."""

    text: str
    kind: str
    name: str
    id: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    category: str | None = None
    ambiguous: bool = False
    since: date | None = None  # the first day the term names the actor ("Belgrade", Serbia's capital since 2003)
    until: date | None = None  # the day it stopped (Yugoslavia's capital until 2003)

    @property
    def case_sensitive(self) -> bool:
        """Proper names match with their capitals; generic nouns and titles in any case."""
        return self.kind not in (GENERIC, TITLE)

    def names_on(self, day: date | None) -> bool:
        """Whether the term names its actor on ``day`` (any day, when the day is not known)."""
        return day is None or ((self.since is None or self.since <= day) and (self.until is None or day < self.until))


@dataclass(frozen=True)
class Office:
    """A term of office held by a person."""

    country: str
    role: str
    title: str
    start: date
    end: date | None
    to: str | None = None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    """An office holder."""

    id: str
    name: str
    offices: tuple[Office, ...]

    def office_on(self, day: date) -> Office | None:
        """The office held on ``day``, preferring the most senior role."""
        held = [o for o in self.offices if o.holds_on(day)]
        held.sort(key=lambda o: ROLE_RANK.get(o.role, len(ROLE_RANK)))
        return held[0] if held else None

    def last_office_before(self, day: date) -> Office | None:
        past = [o for o in self.offices if o.start <= day]
        return max(past, key=lambda o: o.start) if past else None


ROLE_RANK = {
    role: rank
    for rank, role in enumerate(
        [
            "head_of_state",
            "head_of_government",
            "secretary_general",
            "foreign_minister",
            "defence_minister",
            "un_ambassador",
            "ambassador",
            "deputy_foreign_minister",
            "intelligence_chief",
            "spokesperson",
            "foreign_ministry_spokesperson",
        ]
    )
}


@dataclass
class KnowledgeBase:
    """Everything the actor stage knows, ready for matching."""

    terms: list[Term] = field(default_factory=list)
    persons: dict[str, Person] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    body_words: dict[str, frozenset[str]] = field(default_factory=dict)  # the words of an organisation's names
    generic_roles: dict[str, str] = field(default_factory=dict)
    specific_roles: dict[str, tuple[str, str]] = field(default_factory=dict)
    _holders: dict[tuple[str, str], list[tuple[Office, Person]]] = field(default_factory=dict)

    def name_of(self, code: str) -> str:
        return self.states.get(code) or self.organisations.get(code) or code

    def is_organisation(self, code: str | None) -> bool:
        return code in self.organisations

    def holder(self, country: str, role: str, day: date) -> Person | None:
        """Who held ``role`` for ``country`` on ``day``, if the knowledge base knows."""
        for office, person in self._holders.get((country, role), []):
            if office.holds_on(day):
                return person
        return None

    def index_holders(self) -> None:
        holders: dict[tuple[str, str], list[tuple[Office, Person]]] = defaultdict(list)
        for person in self.persons.values():
            for office in person.offices:
                holders[(office.country, office.role)].append((office, person))
        self._holders = dict(holders)


def _fail(path: Path, entry: Any, reason: str) -> DataFileError:
    return DataFileError(str(path), line_of(entry), reason)


def _require(path: Path, entry: Any, key: str) -> Any:
    if not isinstance(entry, dict):
        raise _fail(path, entry, f"expected a mapping, found {type(entry).__name__}")
    value = entry.get(key)
    if value in (None, "", []):
        raise _fail(path, entry, f"missing `{key}`")
    return value


def _dotted(text: str) -> str | None:
    """The abbreviation with a full stop after each letter ("OAS" → "O.A.S."), for abbreviations of two to four
    capitals."""
    return ".".join(text) + "." if 2 <= len(text) <= 4 and text.isalpha() and text.isupper() else None


# The Arabic article inside a name, which copy writes in either case ("Abdullah *al*-Salim *Al*-Sabah").
ARTICLE_PARTICLE = re.compile(r"(?<![^\s-])([Aa]l|[Ee]l)-")


def _particle_cased(text: str) -> str | None:
    """The name with the Arabic article of its later words in the other case ("Abdullah Al-Salim Al-Sabah" →
    "Abdullah al-Salim al-Sabah"), or None when it has none; a name that starts with the article keeps it."""
    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        return (word.lower() if word[0].isupper() else word.capitalize()) + "-"

    cased = text[:1] + ARTICLE_PARTICLE.sub(swap, text[1:])
    return cased if cased != text else None


def _strings(path: Path, entry: dict, key: str) -> list[str]:
    values = as_list(entry.get(key))
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise _fail(path, entry, f"`{key}` must hold non-empty strings, found {value!r}")
    return [v.strip() for v in values]


def _date(path: Path, entry: dict, key: str, *, required: bool) -> date | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _fail(path, entry, f"missing `{key}`")
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(path, entry, f"`{key}` is not an ISO date: {value!r}") from None


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


class _Builder:
    """Reads the data files one by one into a ``KnowledgeBase``, checking as it goes."""

    def __init__(self) -> None:
        self.kb = KnowledgeBase()

    # -- helpers ---------------------------------------------------------------------

    def sector(self, path: Path, entry: Any, value: Any) -> str | None:
        if value in (None, ""):
            return None
        if value not in self.kb.sectors:
            raise _fail(path, entry, f"unknown sector {value!r} (see sectors.yaml)")
        return value

    def country(self, path: Path, entry: Any, value: Any, *, allow_none: bool = False) -> str | None:
        if value in (None, ""):
            if allow_none:
                return None
            raise _fail(path, entry, "missing `country`")
        code = str(value)
        if code in self.kb.states or code in self.kb.organisations:
            return code
        raise _fail(path, entry, f"unknown country or organisation code {code!r}")

    def member_states(self, path: Path, entry: dict) -> tuple[str, ...]:
        """The states of a grouping that acts only as its members do ("the G7", "the Baltic states")."""
        codes = _strings(path, entry, "members")
        unknown = [code for code in codes if code not in self.kb.states]
        if unknown or not codes:
            raise DataFileError(str(path), key_line(entry, "members") or line_of(entry),
                                f"members must be state codes, found {unknown or 'none'}")
        return tuple(codes)

    def add(self, path: Path, entry: Any, texts: Iterable[str], *, all_ambiguous: bool = False,
            **fields: Any) -> None:
        flag = entry.get("ambiguous") if isinstance(entry, dict) else None
        ambiguous = set() if flag is None or isinstance(flag, bool) else set(_strings(path, entry, "ambiguous"))
        texts = set(texts)
        for text in sorted(texts):
            self.kb.terms.append(Term(text=text, ambiguous=all_ambiguous or text in ambiguous, **fields))
            # "the O.A.S. Council": an abbreviation as older copy writes it; "Sheikh Abdullah al-Salim": the article
            for variant in (_dotted(text), _particle_cased(text)):
                if variant is not None and variant not in texts:
                    self.kb.terms.append(Term(text=variant, ambiguous=all_ambiguous or text in ambiguous, **fields))

    # -- files ---------------------------------------------------------------------------

    def words(self, path: Path) -> None:
        """Word lists of the resolver: each key a list of lower-case words."""
        data = datafiles.load(path)
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, "expected a mapping of word lists")
        for name, words in data.items():
            if name == datafiles.LINE:
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise DataFileError(str(path), key_line(data, name), f"`{name}` must be a list of words")
            self.kb.words[name] = frozenset(w.lower() for w in words)
        missing = set(REFERENCE_WORDS) - set(self.kb.words)
        if missing:
            raise DataFileError(str(path), None, f"missing word lists: {', '.join(sorted(missing))}")

    def sectors(self, path: Path) -> None:
        data = datafiles.load(path)
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, "expected a mapping of sector code to description")
        self.kb.sectors = {k: str(v) for k, v in data.items() if k != datafiles.LINE}

    def states(self, path: Path, entries: list[Any]) -> None:
        entries = list(mappings(path, entries, "state"))
        for entry in entries:
            code = str(_require(path, entry, "code"))
            if code not in EXTRA_STATE_CODES and pycountry.countries.get(alpha_3=code) is None:
                raise _fail(path, entry, f"{code!r} is not an ISO 3166-1 alpha-3 code")
            self.kb.states[code] = str(_require(path, entry, "name"))
        for entry in entries:
            code, name = str(entry["code"]), str(entry["name"])
            ident = f"state:{code}"
            common = {"name": name, "id": ident, "country": code}
            self.add(path, entry, {name, *_strings(path, entry, "names"), *_strings(path, entry, "abbreviations")},
                     kind=STATE, **common)
            self.add(path, entry, {*_strings(path, entry, "adjectives"), *_strings(path, entry, "demonyms")},
                     kind=ADJECTIVE, **common)
            # a capital shared over time ("Belgrade": Yugoslavia's until 2003, Serbia's since) names each in its years
            self.add(path, entry, _strings(path, entry, "capital"), kind=CAPITAL, sector="GOV",
                     since=_date(path, entry, "capital_since", required=False),
                     until=_date(path, entry, "capital_until", required=False), **common)
            # "the *USS* Pueblo", "*HMS* Montrose": a ship of the state's navy
            self.add(path, entry, _strings(path, entry, "ship_prefixes"), kind=ADJECTIVE, sector="MIL", **common)
            seats = entry.get("seats")
            for index, seat in enumerate(as_list(seats)):
                dates: dict[str, date | None] = {}
                if isinstance(seat, dict):
                    seat_name = str(_require(path, seat, "name"))
                    sector = self.sector(path, seat, seat.get("sector", "GOV"))
                    # a former capital ("Rangoon" until 2005) speaks for the state only in its years
                    dates = {"since": _date(path, seat, "since", required=False),
                             "until": _date(path, seat, "until", required=False)}
                elif isinstance(seat, str):
                    seat_name, sector = seat, "GOV"
                else:
                    raise DataFileError(str(path), datafiles.item_line(seats, index) or line_of(entry),
                                        f"a seat must be a name or a mapping, found {seat!r}")
                self.add(path, entry, [seat_name], kind=SEAT, sector=sector, **dates, **common)

    def organisations(self, path: Path, entries: list[Any]) -> None:
        entries = list(mappings(path, entries, "organisation"))
        for entry in entries:
            code = str(_require(path, entry, "code"))
            if not code.replace("-", "").isalnum() or code.upper() != code:
                raise _fail(path, entry, f"organisation code {code!r} must be upper-case letters and digits")
            self.kb.organisations.setdefault(code, str(_require(path, entry, "name")))
            if "members" in entry:
                self.kb.members[code] = self.member_states(path, entry)
        for entry in entries:
            code, name = str(entry["code"]), str(entry["name"])
            sector = self.sector(path, entry, entry.get("sector", "IGO"))
            ident = f"org:{_slug(name)}"
            texts = {name, *_strings(path, entry, "aliases"), *_strings(path, entry, "adjectives")}
            self.add(path, entry, texts, kind=ORGANISATION, name=name, id=ident, country=code, sector=sector)
            words = {word.lower() for text in texts for word in text.split()}
            self.kb.body_words[code] = self.kb.body_words.get(code, frozenset()) | words

    def institutions(self, path: Path, data: Any) -> None:
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, "expected a mapping with `generic` and `specific`")
        for entry in mappings(path, data.get("generic"), "generic institution"):
            terms = _strings(path, entry, "terms")
            if not terms:
                raise _fail(path, entry, "missing `terms`")
            sector = self.sector(path, entry, _require(path, entry, "sector"))
            category = entry.get("kind")
            self.add(path, entry, terms, kind=GENERIC, name=terms[0], id=f"generic:{_slug(terms[0])}",
                     sector=sector, category=category)
        for entry in mappings(path, data.get("specific"), "institution"):
            name = str(_require(path, entry, "name"))
            country = self.country(path, entry, entry.get("country"))
            sector = self.sector(path, entry, entry.get("sector"))
            self.add(path, entry, {name, *_strings(path, entry, "aliases")}, kind=INSTITUTION, name=name,
                     id=f"institution:{_slug(name)}", country=country, sector=sector)

    def groups(self, path: Path, entries: list[Any]) -> None:
        for entry in mappings(path, entries, "group"):
            name = str(_require(path, entry, "name"))
            country = self.country(path, entry, entry.get("country"), allow_none=True)
            sector = self.sector(path, entry, entry.get("sector"))
            self.add(path, entry, {name, *_strings(path, entry, "aliases")}, kind=GROUP, name=name,
                     id=f"group:{_slug(name)}", country=country, sector=sector)

    def roles(self, path: Path, data: Any) -> None:
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, "expected a mapping with `generic` and `specific`")
        for entry in mappings(path, data.get("generic"), "role"):
            role = str(_require(path, entry, "role"))
            for title in _strings(path, entry, "titles"):
                self.kb.generic_roles[title.lower()] = role
                self.add(path, entry, [title], kind=TITLE, name=title, id=f"title:{_slug(title)}", role=role,
                         sector="GOV")
        for entry in mappings(path, data.get("specific"), "role"):
            role = str(_require(path, entry, "role"))
            country = self.country(path, entry, entry.get("country"))
            for title in _strings(path, entry, "titles"):
                self.kb.specific_roles[title.lower()] = (country, role)
                self.add(path, entry, [title], kind=TITLE, name=title, id=f"title:{country}:{_slug(title)}",
                         country=country, role=role, sector="GOV",
                         all_ambiguous=bool(entry.get("ambiguous")))

    def persons(self, path: Path, entries: list[Any]) -> None:
        for entry in mappings(path, entries, "office holder"):
            name = str(_require(path, entry, "name"))
            ident = f"person:{_slug(name)}"
            offices = []
            for office in mappings(path, _require(path, entry, "offices"), "office"):
                start = _date(path, office, "start", required=True)
                end = _date(path, office, "end", required=False)
                if end is not None and end < start:
                    raise _fail(path, office, f"office of {name} ends before it starts")
                offices.append(Office(
                    country=self.country(path, office, office.get("country")),
                    role=str(_require(path, office, "role")),
                    title=str(office.get("title") or ""),
                    start=start,
                    end=end,
                    to=office.get("to"),
                ))
            person = Person(id=ident, name=name, offices=tuple(offices))
            if ident in self.kb.persons:
                person = Person(ident, name, self.kb.persons[ident].offices + person.offices)
            self.kb.persons[ident] = person
            self.add(path, entry, {name, *_strings(path, entry, "aliases")}, kind=PERSON, name=name, id=ident)

    def extra(self, path: Path) -> None:
        """A user's file: a mapping whose keys name the packaged file each list extends."""
        data = datafiles.load(path)
        if not isinstance(data, dict):
            raise DataFileError(str(path), None, "expected a mapping with keys states, organisations, "
                                                 "institutions, groups, roles or office_holders")
        for key, value in data.items():
            if key == datafiles.LINE:
                continue
            handler = {
                "states": self.states, "organisations": self.organisations, "groups": self.groups,
                "office_holders": self.persons, "institutions": self.institutions, "roles": self.roles,
            }.get(key)
            if handler is None:
                raise DataFileError(str(path), key_line(data, key), f"unknown section {key!r}")
            handler(path, value if isinstance(value, (dict, list)) else as_list(value))


def _list(path: Path) -> list[Any]:
    data = datafiles.load(path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise DataFileError(str(path), None, "expected a list of entries")
    return data


# The office holders, in the order they are read: since 2000 for the states most in the news; 1955-1999; since
# 2000 for the states the first leaves out; the offices since 2000 the three lacked (foreign ministers of some
# fifty states, heads of government of twenty); the foreign ministers of 1945-1999 they lacked (some seventy
# states); the heads of state and government and foreign ministers of 1945-1954 (some forty states).
OFFICE_HOLDER_FILES = ("office_holders.yaml", "office_holders_1945_1999.yaml", "office_holders_2000_2025.yaml",
                       "office_holders_added_2000_2025.yaml", "office_holders_added_1945_1999.yaml",
                       "office_holders_1945_1954.yaml")


@functools.cache
def load_knowledge(extra: str | None = None, data_dir: str | None = None) -> KnowledgeBase:
    """The packaged knowledge base, plus the entries of the user's file ``extra``."""
    folder = Path(data_dir) if data_dir else DATA
    builder = _Builder()
    builder.sectors(folder / "sectors.yaml")
    builder.words(folder / "reference_words.yaml")
    builder.states(folder / "states.yaml", _list(folder / "states.yaml"))
    builder.organisations(folder / "organisations.yaml", _list(folder / "organisations.yaml"))
    builder.institutions(folder / "institutions.yaml", datafiles.load(folder / "institutions.yaml"))
    builder.groups(folder / "groups.yaml", _list(folder / "groups.yaml"))
    builder.roles(folder / "roles.yaml", datafiles.load(folder / "roles.yaml"))
    for name in OFFICE_HOLDER_FILES:  # entries of one name in several files merge their offices
        builder.persons(folder / name, _list(folder / name))
    if extra:
        builder.extra(Path(extra))
    builder.kb.index_holders()
    return builder.kb
