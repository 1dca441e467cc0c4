"""Helpers of the "when" stage: dates of events, deadlines, publication dates.

News reports date events relative to the day they are published: "on
Friday", "yesterday", "last month", "July 31".  ``resolve_expression`` turns
one such expression into a calendar date against the publication date;
``is_deadline`` tells whether the words before a date make it a limit ("by
September 1") rather than the date of the event; ``publication_date_from_text``
finds the publication date in the dateline or byline of an article.

The common shapes are matched by regular expressions built once from the
vocabulary in ``data/time_words.yaml``; dateparser is asked only about the
rare written-out full dates those expressions miss, because it is slow and
this module runs on every sentence.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from detente.errors import DataFileError

__all__ = [
    "ResolvedDate",
    "TimeWords",
    "is_deadline",
    "is_period",
    "load_time_words",
    "publication_date_from_text",
    "resolve_anaphoric",
    "resolve_expression",
]

TIME_WORDS_PATH = Path(__file__).parent / "data" / "time_words.yaml"

# A month-day without a year is placed in the year that puts it closest to the
# publication date, a day in the future counting this many days in the past:
# news reports mostly past events, and the future dates it gives are near.
FUTURE_WEIGHT = 2

# Longer spans are clauses, not date expressions; they are not worth matching.
MAX_EXPRESSION_LENGTH = 60

# How many non-blank lines of an article's head may hold its dateline or byline.
HEAD_LINES = 12


@dataclass(frozen=True)
class ResolvedDate:
    """A date expression of an article resolved to a calendar date."""

    date: datetime.date = field(
        metadata={"help": "the date; the 1st of the month for precision `month`, January 1 for `year`"}
    )
    precision: str = field(metadata={"help": "`day`, `month` or `year`"})
    source: str = field(
        metadata={
            "help": "`explicit` when the text names a calendar date (`July 31`, `in December`), "
            "`relative` when it counts from the publication date (`yesterday`, `last Friday`)"
        }
    )
    text: str = field(metadata={"help": "the expression as written"})


@dataclass(frozen=True)
class TimeWords:
    """The validated vocabulary of ``data/time_words.yaml`` (see the comments there)."""

    weekdays: Mapping[str, int]
    months: Mapping[str, int]
    prepositions: tuple[str, ...]
    qualifiers: tuple[str, ...]
    day_parts: tuple[str, ...]
    weekday_modifiers: Mapping[str, str]  # modifier word -> "past", "next" or "this"
    relative_days: Mapping[str, int]
    relative_spans: Mapping[str, int]
    relative_weekends: Mapping[str, int]
    relative_months: Mapping[str, int]
    relative_years: Mapping[str, int]
    numbers: Mapping[str, int]
    ordinal_days: Mapping[str, int]
    ago_units: Mapping[str, str]
    anaphoric_days: Mapping[str, int]
    qualifier_days: Mapping[str, int]
    anaphoric_directions: tuple[str, ...]
    deadline_words: tuple[str, ...]
    onset_words: tuple[str, ...]
    period_words: tuple[str, ...]
    range_words: tuple[str, ...]
    span_edges: tuple[str, ...]
    deadline_fillers: tuple[str, ...]
    not_deadlines: tuple[str, ...]
    publication_markers: tuple[str, ...]
    byline_openers: tuple[str, ...]


# ---------------------------------------------------------------- the data file

_WORD_LISTS = (
    "anaphoric_directions",
    "prepositions",
    "qualifiers",
    "day_parts",
    "deadline_words",
    "onset_words",
    "period_words",
    "range_words",
    "span_edges",
    "deadline_fillers",
    "not_deadlines",
    "publication_markers",
    "byline_openers",
)
_WORD_MAPS: dict[str, range | frozenset[str]] = {
    "weekdays": range(7),
    "months": range(1, 13),
    "relative_days": range(-31, 32),
    "relative_spans": range(-31, 32),
    "relative_weekends": range(-4, 5),
    "relative_months": range(-12, 13),
    "relative_years": range(-10, 11),
    "numbers": range(1, 100),
    "ordinal_days": range(1, 32),
    "ago_units": frozenset({"day", "week", "month", "year"}),
    "anaphoric_days": range(-31, 32),
    "qualifier_days": range(1, 29),
}
_MODIFIER_KINDS = frozenset({"past", "next", "this"})
_SECTIONS = (*_WORD_LISTS, *_WORD_MAPS, "weekday_modifiers")
_STRING_TAG = "tag:yaml.org,2002:str"


@functools.cache
def load_time_words(path: Path = TIME_WORDS_PATH) -> TimeWords:
    """Read and validate a time vocabulary file (by default the packaged one), once per path.

    Raises ``DataFileError`` naming the file and the line when the file cannot
    be read, is not YAML, or breaks the layout of ``data/time_words.yaml``.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except OSError as error:
        raise DataFileError(str(path), None, f"cannot be read ({error.strerror})") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataFileError(str(path), line, f"is not valid YAML: {getattr(error, 'problem', error)}") from error
    _check_sections(str(path), root)
    modifiers = {word: kind for kind, words in data["weekday_modifiers"].items() for word in words}
    return TimeWords(
        weekday_modifiers=modifiers,
        **{name: tuple(data[name]) for name in _WORD_LISTS},
        **{name: dict(data[name]) for name in _WORD_MAPS},
    )


def _check_sections(path: str, root: yaml.Node | None) -> None:
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(path, _line(root), "must be a mapping of sections: " + ", ".join(_SECTIONS))
    seen: set[str] = set()
    for key, value in root.value:
        name = key.value
        if name not in _SECTIONS:
            raise DataFileError(path, _line(key), f"unknown section {name!r}; known: {', '.join(_SECTIONS)}")
        if name in seen:
            raise DataFileError(path, _line(key), f"section {name!r} appears twice")
        seen.add(name)
        if name in _WORD_LISTS:
            _check_word_list(path, value)
        elif name in _WORD_MAPS:
            _check_word_map(path, value, _WORD_MAPS[name])
        else:
            _check_modifier_groups(path, value)
    missing = [name for name in _SECTIONS if name not in seen]
    if missing:
        raise DataFileError(path, None, f"missing section(s): {', '.join(missing)}")


def _check_word_list(path: str, node: yaml.Node) -> None:
    if not isinstance(node, yaml.SequenceNode):
        raise DataFileError(path, _line(node), "expected a list of words")
    for item in node.value:
        _check_word(path, item)


def _check_modifier_groups(path: str, node: yaml.Node) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(path, _line(node), "expected lists of words under " + ", ".join(sorted(_MODIFIER_KINDS)))
    for key, value in node.value:
        if key.value not in _MODIFIER_KINDS:
            raise DataFileError(path, _line(key), f"{key.value!r} is not one of {', '.join(sorted(_MODIFIER_KINDS))}")
        _check_word_list(path, value)


def _check_word_map(path: str, node: yaml.Node, allowed: range | frozenset[str]) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise DataFileError(path, _line(node), "expected a mapping of words")
    keys: set[str] = set()
    for key, value in node.value:
        _check_word(path, key)
        if key.value in keys:
            raise DataFileError(path, _line(key), f"{key.value!r} appears twice")
        keys.add(key.value)
        if isinstance(allowed, range):
            valid = (
                isinstance(value, yaml.ScalarNode)
                and re.fullmatch(r"[+-]?\d+", value.value) is not None
                and int(value.value) in allowed
            )
            expected = f"a whole number from {allowed.start} to {allowed.stop - 1}"
        else:
            valid = isinstance(value, yaml.ScalarNode) and value.tag == _STRING_TAG and value.value in allowed
            expected = "one of " + ", ".join(sorted(allowed))
        if not valid:
            raise DataFileError(path, _line(value), f"the value of {key.value!r} must be {expected}")


def _check_word(path: str, node: yaml.Node) -> None:
    word = node.value if isinstance(node, yaml.ScalarNode) and node.tag == _STRING_TAG else None
    if not word or word != " ".join(word.lower().split()) or "." in word or "," in word:
        raise DataFileError(
            path,
            _line(node),
            f"{getattr(node, 'value', node)!r} must be a lower-case word or phrase without dots or commas "
            '(quote words YAML reads as booleans, like "on")',
        )


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


# ---------------------------------------------------------------- patterns


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so that "sept" wins over "sep"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


@dataclass(frozen=True)
class _Patterns:
    iso: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    ago: re.Pattern[str]
    leading_word: re.Pattern[str]
    trailing_day_part: re.Pattern[str]
    part_break: re.Pattern[str]
    full_weekday: re.Pattern[str]
    month_name: re.Pattern[str]
    deadline: re.Pattern[str]
    onset: re.Pattern[str]
    not_deadline: re.Pattern[str]
    marker: re.Pattern[str]
    ends_with_marker: re.Pattern[str]
    byline: re.Pattern[str]
    ends_with_preposition: re.Pattern[str]
    in_relative_year: re.Pattern[str]
    leading_day_part: re.Pattern[str]


_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_RANGE = rf"(?:\s*-\s*\d{{1,2}}{_ORDINAL})?"  # "July 30-31" is dated by its first day
_TIME_OF_DAY = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?"
# A place name of a dateline: "MOSCOW, ", "Washington, D.C., ", "Moscow (RHC) — ", "HOUSTON/BEIJING, ".
_DATELINE_PLACE = re.compile(
    r"^\W*(?:[A-Z][\w.'’-]*[\s/]*){1,4}(?:\([^)]*\)\s*)?(?:,\s*(?:[A-Z][\w.'’-]*[\s/]*){1,4})?[,—–-]\s*$"
)
_ANY_LETTER = re.compile(r"[^\W\d_]")
_YEAR_IN_TEXT = re.compile(r"(?<![\d:])(?:19|20)\d{2}(?![\d:])")
# A digit, which every date shape of a head holds (a day, a year): most head lines have none, and the shapes
# are slow to try at every character.
_DIGIT = re.compile(r"\d")


@functools.cache
def _patterns() -> _Patterns:
    words = load_time_words()
    weekday = rf"(?P<weekday>{_alternation(words.weekdays)})"
    month = rf"(?P<month>{_alternation(words.months)})"
    optional_weekday = rf"(?:{weekday}\.?,?\s+)?"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    fillers = rf"(?:\s+(?:{_alternation(words.deadline_fillers)}))*\s*$"
    flags = re.IGNORECASE
    return _Patterns(
        iso=re.compile(
            rf"(?<!\d)(?P<year>\d{{4}})([-/.])(?P<month>\d{{1,2}})\2(?P<day>\d{{1,2}})(?!\d){_TIME_OF_DAY}", flags
        ),
        month_day=re.compile(
            rf"(?<!\w){optional_weekday}{month}\.?\s+(?P<day>\d{{1,2}}){_ORDINAL}{_DAY_RANGE}{year}(?!\w)", flags
        ),
        day_month=re.compile(
            rf"(?<!\w){optional_weekday}(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}{_DAY_RANGE}\s+(?:of\s+)?"
            rf"{month}\.?{year}(?!\w)",
            flags,
        ),
        numeric=re.compile(r"(?<![\d/.])(?P<first>\d{1,2})([/.])(?P<second>\d{1,2})\2(?P<year>\d{4})(?!\d)"),
        month_year=re.compile(rf"{month}(?:\s+of)?\s+(?P<year>\d{{4}})", flags),
        month=re.compile(rf"(?:(?P<modifier>{_alternation(words.weekday_modifiers)})\s+)?{month}", flags),
        year=re.compile(r"(?P<year>\d{4})"),
        weekday=re.compile(rf"(?:(?P<modifier>{_alternation(words.weekday_modifiers)})\s+)?{weekday}", flags),
        ago=re.compile(
            rf"(?P<count>\d{{1,3}}|{_alternation(words.numbers)})\s+(?P<unit>{_alternation(words.ago_units)})\s+ago",
            flags,
        ),
        leading_word=re.compile(rf"(?:{_alternation((*words.prepositions, *words.qualifiers))})\s+(?P<rest>.+)"),
        trailing_day_part=re.compile(rf"(?P<rest>.+?)\s+(?:{_alternation(words.day_parts)})"),
        part_break=re.compile(rf",|\s(?:{_alternation(words.range_words)})\s", flags),
        # a day's name in full, not its abbreviation ("Sun" is also a newspaper): the day of a section's heading
        full_weekday=re.compile(rf"(?<!\w)(?:{_alternation(d for d in words.weekdays if d.endswith('day'))})(?!\w)",
                                flags),
        month_name=re.compile(rf"(?<!\w)(?:{_alternation(words.months)})(?!\w)"),
        deadline=re.compile(rf"(?:^|\s)(?:{_alternation((*words.deadline_words, *words.onset_words))}){fillers}"),
        onset=re.compile(rf"(?:^|\s)(?:{_alternation(words.onset_words)}){fillers}"),
        not_deadline=re.compile(rf"(?:^|\s)(?:{_alternation(words.not_deadlines)}){fillers}"),
        marker=re.compile(rf"(?<!\w)(?:{_alternation(words.publication_markers)})(?!\w)", flags),
        ends_with_marker=re.compile(rf"(?<!\w)(?:{_alternation(words.publication_markers)})\W*$", flags),
        byline=re.compile(rf"^\W*(?:{_alternation(words.byline_openers)})\s", flags),
        ends_with_preposition=re.compile(rf"(?<!\w)(?:{_alternation(words.prepositions)})\W*$", flags),
        # "March last year", "5 June of next year": a month or a day, and the year counted from the story's
        in_relative_year=re.compile(
            rf"(?P<rest>.*?(?:{_alternation(words.months)})\.?(?:\s+\d{{1,2}}{_ORDINAL})?)\s+(?:of\s+)?"
            rf"(?P<relative>{_alternation(words.relative_years)})", flags),
        # "the night of Oct 27", "the morning of 23 July": the day named
        leading_day_part=re.compile(rf"(?:the\s+)?(?:{_alternation(words.day_parts)})\s+of\s+(?P<rest>.+)"),
    )


# ---------------------------------------------------------------- expressions

_QUOTES_AND_DASHES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"'s\b")
_RANGE_DASH = re.compile(r"(?<=\d)\s*-\s*(?=\d)")
_WORD_HYPHEN = re.compile(r"(?<!\d)-|-(?!\d)")
_DOT_OR_COMMA = re.compile(r"(?<!\d)\.|\.(?!\d)|,")
_EDGE_PUNCTUATION = " \t\n\"'()[]:;!?"


def _normalize(text: str) -> str:
    """Lower case, no possessive, no dots but those between digits, no commas, single spaces."""
    text = text.translate(_QUOTES_AND_DASHES).lower()
    text = _POSSESSIVE.sub("", text)
    text = _RANGE_DASH.sub("-", text)
    text = _WORD_HYPHEN.sub(" ", text)
    text = _DOT_OR_COMMA.sub(" ", text)
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION)


def _ordinal_days(phrase: str) -> str:
    """A day of a month written as an ordinal word, as its number: "the twenty seventh of november" → "the 27th of
    november"; left as it is where no month is named ("a second time")."""
    words = load_time_words()
    if not any(word in words.months for word in phrase.split()):
        return phrase
    return _ordinal_day_pattern().sub(lambda m: f"{words.ordinal_days[m.group()]}th", phrase)


@functools.cache
def _ordinal_day_pattern() -> re.Pattern[str]:
    names = sorted(load_time_words().ordinal_days, key=len, reverse=True)  # "twenty first" before "first"
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b")


def resolve_expression(text: str, reference: datetime.date) -> ResolvedDate | None:
    """Resolve one date expression against the publication date ``reference``.

    ``text`` is a date span found by spaCy (label DATE) or a prepositional
    phrase ("on Friday", "by September 1").  Leading prepositions, qualifiers
    ("early", "the end of") and parts of the day ("evening") are ignored.
    Returns None for what is not a date (durations, ages, decades) or cannot
    be resolved; it never raises for odd input.

    The conventions, for a news article published on ``reference``:

    - a day name is the last such day before the reference, or the reference
      itself when it falls on that day; "last Friday" in a Friday paper is a
      week before; "next Friday" is the first after the reference; "this
      Friday" is the one in the reference's week, Monday to Sunday;
    - "today", "yesterday", "tomorrow", "two days ago" count days;
    - "last week", "earlier this week", "this week" stand for a span of days
      and resolve to one day in it, with precision "day" (there is no week
      precision): 7 days before the reference, 2 days before, the reference;
    - "last month", "earlier this month" have precision "month" and the 1st of
      the month; "last year" has precision "year" and January 1;
    - a month and day without a year take the year that puts them closest to
      the reference, the future counting double ("December 29" in a paper of
      January 3 is the past December); a month alone is the last such month
      at or before the reference's month, "last May" the last before it,
      "next May" the first after it and "this May" the reference's year's; a numeric date whose day and month
      could be swapped takes the reading closest to the reference likewise.
    """
    if isinstance(reference, datetime.datetime):
        reference = reference.date()
    bracketed = _BRACKETED.search(text)
    if bracketed is not None:
        return _restated(text, bracketed, reference)
    phrase = _ordinal_days(_normalize(text))
    if not phrase or len(phrase) > MAX_EXPRESSION_LENGTH:
        return None
    for candidate in _peeled(phrase):
        found = _resolve_phrase(candidate, reference)
        if found is not None:
            return ResolvedDate(*_placed_in_month(phrase, candidate, found), text=text.strip())
    found = _parse_with_dateparser(phrase, reference)
    if found:
        return ResolvedDate(*found, text=text.strip())
    # "Jan. 15, two days (after the election)", "December 30 to 20 years": the entity recogniser ran a date and
    # a span together; the first part that is a date by itself
    parts = [part for part in _patterns().part_break.split(text) if part.strip()]
    return next((found for part in parts[:-1] if (found := resolve_expression(part, reference)) is not None),
                None) if len(parts) > 1 else None


# A part of a date expression in brackets, closed or cut off by the entity recogniser: "Saturday *(June 23)*"
_BRACKETED = re.compile(r"\(([^()]*)\)?")


def _restated(text: str, bracketed: re.Match[str], reference: datetime.date) -> ResolvedDate | None:
    """ "Saturday (June 23)", "June 23 (Saturday)", "last week (July 28)": a day restated in brackets; the part
    that names it outright (a month and a day), else the one that names a day, else either."""
    parts = [resolve_expression(bracketed.group(1), reference),
             resolve_expression(text[:bracketed.start()] + " " + text[bracketed.end():], reference)]
    found = [part for part in parts if part is not None]
    best = next((part for part in found if part.source == "explicit" and part.precision == "day"), None) \
        or next((part for part in found if part.precision == "day"), None) or next(iter(found), None)
    return replace(best, text=text.strip()) if best is not None else None


def _placed_in_month(phrase: str, resolved: str, found: _Found) -> _Found:
    """ "late last month", "mid-March", "early July": a date known to the month, at the part of the month the
    qualifier peeled off before ``resolved`` names (precision stays ``month``)."""
    day, precision, source = found
    if precision != "month":
        return found
    qualifier = phrase[: len(phrase) - len(resolved)].strip()
    days = load_time_words().qualifier_days
    place = next((days[word] for word in sorted(days, key=len, reverse=True) if word in qualifier.split()
                  or qualifier.endswith(word)), None)
    return (day.replace(day=place), precision, source) if place else found


def _peeled(phrase: str) -> Iterator[str]:
    """The phrase, then the phrase less one leading preposition or qualifier, a trailing day part or a leading
    one ("the night of"), and so on."""
    patterns = _patterns()
    while phrase:
        yield phrase
        match = patterns.leading_word.fullmatch(phrase) or patterns.trailing_day_part.fullmatch(phrase) \
            or patterns.leading_day_part.fullmatch(phrase)
        if match is None:
            return
        phrase = match["rest"]


_Found = tuple[datetime.date, str, str]


def _resolve_phrase(phrase: str, reference: datetime.date) -> _Found | None:
    words = load_time_words()
    if phrase in words.relative_days:
        return reference + datetime.timedelta(days=words.relative_days[phrase]), "day", "relative"
    if phrase in words.relative_spans:
        return reference + datetime.timedelta(days=words.relative_spans[phrase]), "day", "relative"
    if phrase in words.relative_weekends:
        return _weekend(reference, words.relative_weekends[phrase]), "day", "relative"
    if phrase in words.relative_months:
        return _month_start(reference, words.relative_months[phrase]), "month", "relative"
    if phrase in words.relative_years:
        return datetime.date(reference.year + words.relative_years[phrase], 1, 1), "year", "relative"
    if found := _in_relative_year(phrase, reference):
        return found
    patterns = _patterns()
    if match := patterns.weekday.fullmatch(phrase):
        return _weekday_date(match, reference), "day", "relative"
    if match := patterns.ago.fullmatch(phrase):
        return _ago_date(match, reference)
    return _explicit_date(phrase, reference)


def _in_relative_year(phrase: str, reference: datetime.date) -> _Found | None:
    """A month or a day in a year counted from the reference: "March last year", "5 June of next year"; the
    month or day in that year, told as counted ("relative")."""
    match = _patterns().in_relative_year.fullmatch(phrase)
    if match is None:
        return None
    year = reference.year + load_time_words().relative_years[match["relative"]]
    found = _explicit_date(f"{match['rest']} {year}", reference)
    return (found[0], found[1], "relative") if found else None


def _explicit_date(phrase: str, reference: datetime.date) -> _Found | None:
    patterns = _patterns()
    months = load_time_words().months
    if match := patterns.iso.fullmatch(phrase):
        day = _date(int(match["year"]), int(match["month"]), int(match["day"]))
        return (day, "day", "explicit") if day else None
    if match := patterns.month_day.fullmatch(phrase) or patterns.day_month.fullmatch(phrase):
        month, day_of_month = months[match["month"]], int(match["day"])
        if match["year"]:
            day = _date(int(match["year"]), month, day_of_month)
        else:
            day = _closest([_date(reference.year + shift, month, day_of_month) for shift in (-1, 0, 1)], reference)
        return (day, "day", "explicit") if day else None
    if match := patterns.numeric.fullmatch(phrase):
        first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
        day = _closest([_date(year, first, second), _date(year, second, first)], reference)
        return (day, "day", "explicit") if day else None
    if match := patterns.month_year.fullmatch(phrase):
        return datetime.date(int(match["year"]), months[match["month"]], 1), "month", "explicit"
    if match := patterns.month.fullmatch(phrase):
        month = months[match["month"]]
        kind = load_time_words().weekday_modifiers.get(match["modifier"] or "")
        if kind == "next":
            year = reference.year if month > reference.month else reference.year + 1
        elif kind == "this":
            year = reference.year
        elif kind == "past":
            year = reference.year if month < reference.month else reference.year - 1
        else:
            year = reference.year if month <= reference.month else reference.year - 1
        return datetime.date(year, month, 1), "month", "explicit" if kind is None else "relative"
    if (match := patterns.year.fullmatch(phrase)) and int(match["year"]) >= 1000:
        return datetime.date(int(match["year"]), 1, 1), "year", "explicit"
    return None


def _weekday_date(match: re.Match[str], reference: datetime.date) -> datetime.date:
    words = load_time_words()
    weekday = words.weekdays[match["weekday"]]
    kind = words.weekday_modifiers.get(match["modifier"] or "")
    if kind == "next":
        return reference + datetime.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
    if kind == "this":
        return reference + datetime.timedelta(days=weekday - reference.weekday())
    days_back = (reference.weekday() - weekday) % 7
    if kind == "past" and days_back == 0:
        days_back = 7
    return reference - datetime.timedelta(days=days_back)


def _ago_date(match: re.Match[str], reference: datetime.date) -> _Found:
    words = load_time_words()
    count_word = match["count"]
    count = int(count_word) if count_word.isdecimal() else words.numbers[count_word]
    unit = words.ago_units[match["unit"]]
    if unit == "day":
        return reference - datetime.timedelta(days=count), "day", "relative"
    if unit == "week":
        return reference - datetime.timedelta(weeks=count), "day", "relative"
    if unit == "month":
        return _month_start(reference, -count), "month", "relative"
    return datetime.date(reference.year - count, 1, 1), "year", "relative"


def _weekend(reference: datetime.date, weeks: int) -> datetime.date:
    """The Saturday of a weekend: ``weeks`` 0 is the one a story tells of as past or under way (the last
    Saturday on or before the reference; Sunday's paper tells of the day before), 1 the next, -1 the one
    before."""
    saturday = reference - datetime.timedelta(days=(reference.weekday() - 5) % 7)
    return saturday + datetime.timedelta(weeks=weeks)


def _month_start(reference: datetime.date, months: int) -> datetime.date:
    """The 1st of the month ``months`` after (or before) the reference's month."""
    index = reference.year * 12 + reference.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _closest(candidates: list[datetime.date | None], reference: datetime.date) -> datetime.date | None:
    """The candidate closest to the reference, a day in the future weighing ``FUTURE_WEIGHT`` days."""

    def cost(day: datetime.date) -> int:
        offset = (day - reference).days
        return offset * FUTURE_WEIGHT if offset > 0 else -offset

    valid = [day for day in candidates if day is not None]
    return min(valid, key=cost) if valid else None


def _parse_with_dateparser(phrase: str, reference: datetime.date) -> _Found | None:
    """Full dates written in shapes the patterns miss ("the 16th day of August 2017", "Aug 16th '17")."""
    if not any(character.isdigit() for character in phrase):
        return None
    month = _patterns().month_name.search(phrase)
    if month is None:
        return None
    # Imported here: loading dateparser takes half a second that most runs never need.
    import dateparser

    first_number = re.search(r"\d", phrase)
    order = "DMY" if first_number and first_number.start() < month.start() else "MDY"
    settings = {
        "RELATIVE_BASE": datetime.datetime(reference.year, reference.month, reference.day),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": order,
        "STRICT_PARSING": True,  # a day, a month and a year, or nothing
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return (parsed.date(), "day", "explicit") if parsed else None


# ---------------------------------------------------------------- dates stated from another event

@functools.lru_cache(maxsize=4)
def _anaphoric_phrases(expressions: frozenset[str]) -> re.Pattern:
    words = sorted(expressions, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def anaphoric_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` says a day from another event in words the entity recognizer may not take for a date:
    "*the same day* France expelled …", "*within hours* Moscow answered" (character offsets)."""
    pattern = _anaphoric_phrases(frozenset(load_time_words().anaphoric_days))
    return [match.span() for match in pattern.finditer(text)]


def resolve_anaphoric(text: str, anchor: datetime.date, precision: str = "day",
                      months: bool = False) -> ResolvedDate | None:
    """Resolve "three days later", "a week earlier", "the next day" against the date of the event before; with
    ``months``, also "a year earlier", "six months before" (to the month), which only a clause's own anchor
    dates well ("…, *a year after* Washington imposed duties": the main clause's day).

    The anchor is the date of the event the article mentioned last; the
    result's source is ``relative``.  Returns None for anything else.  An
    anchor known only to the month ("In April Washington expelled …; Moscow
    replied *the next day*") gives that month, for a shift of a week at most.
    """
    phrase = _normalize(text)
    words = load_time_words()
    for expression, offset in words.anaphoric_days.items():
        if phrase.endswith(expression):
            return _shifted(anchor, offset, precision, text)
    found = _ANAPHORIC.search(phrase)
    if found is None:
        return None
    count_word = found["count"]
    count = int(count_word) if count_word.isdecimal() else words.numbers.get(count_word)
    if count is None:
        return None
    sign = -1 if found["direction"] in ("earlier", "before", "previously") else 1
    if found["unit"].startswith(("month", "year")):  # "a year after": the month is all that is known
        shift = sign * count * (12 if found["unit"].startswith("year") else 1)
        return ResolvedDate(_months_shifted(anchor, shift), "month", "relative", text.strip()) \
            if months and precision in ("day", "month") else None
    days = sign * count * (7 if found["unit"].startswith("week") else 1)
    return _shifted(anchor, days, precision, text)


def _months_shifted(anchor: datetime.date, months: int) -> datetime.date:
    """The first day of the month ``months`` away from the anchor's."""
    index = anchor.year * 12 + anchor.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _shifted(anchor: datetime.date, days: int, precision: str, text: str) -> ResolvedDate | None:
    if precision == "day":
        return ResolvedDate(anchor + datetime.timedelta(days=days), "day", "relative", text.strip())
    if precision == "month" and abs(days) <= 7:
        return ResolvedDate(anchor, "month", "relative", text.strip())
    return None


_ANAPHORIC = re.compile(
    r"(?P<count>\d{1,2}|[a-z]+)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
    r"(?P<direction>later|after|afterwards|on|earlier|before|previously)$"
)


# ---------------------------------------------------------------- deadlines


def is_deadline(prefix: str) -> bool:
    """True when the words before a date make it a deadline or a future limit.

    "expel them by" (September 1), "until", "no later than", "before",
    "within", also with "the end of", "next" and the like in between: the
    date is then a limit, not the date of the event itself.  "The day before"
    and "shortly before" place the event in time and are not limits.
    """
    tail = _normalize(prefix)
    patterns = _patterns()
    if not tail or patterns.not_deadline.search(tail):
        return False
    return patterns.deadline.search(tail) is not None


def is_onset(prefix: str) -> bool:
    """True when the words before a date name the day a measure takes effect ("from October 10", "as of
    Monday"): a deadline for a measure announced before it, the day of the act for one in force since."""
    tail = _normalize(prefix)
    return bool(tail) and _patterns().onset.search(tail) is not None


def is_period(prefix: str) -> bool:
    """True when the word right before a date makes it the period an act is for ("pledged $100 million *for*
    2015"), not the date of the act."""
    words = _normalize(prefix).split()
    return bool(words) and words[-1] in load_time_words().period_words


# ---------------------------------------------------------------- publication date


def story_day(text: str, published: datetime.date | None) -> datetime.date | None:
    """The day a story is told from, which "today", "tonight" and "on Sunday" count from: the date of its
    dateline when that falls in the three days before publication (agency copy filed late in the evening, a
    morning paper's story of the day before: "CAIRO, July 24 —" published on the 25th), else the publication
    date.  A dateline without a year takes the year that puts it before publication."""
    if published is None:
        return None
    found = publication_date_from_text(text, default_year=published.year)
    if found is None:
        return published
    return _told_day(found[0], published)


# How many days before publication a dateline may be and still be the day the story is told from.
STORY_DAY_REACH = 3

_TEXT_LINE = re.compile(r"[^\n]+")


def section_days(text: str, published: datetime.date | None) -> list[tuple[int, datetime.date]]:
    """The days that the later datelines of a story are told from, by the offset of their line: a wire story
    put together from its takes ("PODGORICA, Nov 28 (Agency) - …", then "UPDATE 2 … / BELGRADE, Nov 29 (Agency)
    - …"), a liveblog's entries.  A dateline is a place and a date opening a line; the first is the head's
    (``story_day``).  Each day counts as ``story_day`` counts the head's, and a dateline out of its reach is
    told from the publication date, but for a later one on a line of its own, which heads a section whenever
    it was ("HONDURAS — Nov. 3" in a tracker)."""
    if published is None:
        return []
    out, named = [], []
    patterns = _patterns()
    for line in _TEXT_LINE.finditer(text):
        if not _DIGIT.search(line.group()):
            day = _weekday_dateline(line.group(), published)
            if day is not None:
                named.append((line.start(), day))
            continue
        for match in _matches_in_order(line.group(), (patterns.month_day, patterns.day_month)):
            if _DATELINE_PLACE.match(line.group()[:match.start()]):
                day = _head_date(match) or _date(published.year, load_time_words().months[match["month"].lower()],
                                                 int(match["day"]))
                # a later dateline on a line of its own heads a section whenever it was ("HONDURAS — Nov. 3")
                alone = bool(out) and not line.group()[match.end():].strip(" .,:;—–-")
                if day is not None:
                    out.append((line.start(), (_heading_day if alone else _told_day)(day, published)))
                break
    return sorted(out[1:] + named)


# What may follow a dateline's weekday: a stop, a colon or a dash, then the story, or nothing.
_AFTER_WEEKDAY = re.compile(r"^\s*(?:[.:—–-]|$)\s*(?P<rest>.*)$")


def _weekday_dateline(line: str, published: datetime.date) -> datetime.date | None:
    """The day of a dateline that names the day by its weekday, as British papers did ("UNITED NATIONS, New
    York, Sunday." on a line of its own, "LUSAKA, Monday. — The minister …"): places as a dated dateline has them
    before its date, then the weekday; with text after it only when the first place is in capitals ("Smith,
    Monday, said …" is no dateline).  The last such day at or before publication."""
    line = line.strip()
    weekday = _patterns().full_weekday.search(line)
    after = _AFTER_WEEKDAY.match(line[weekday.end():]) if weekday is not None else None
    if after is None or not _DATELINE_PLACE.match(line[:weekday.start()]):
        return None
    place = line.split(",", 1)[0].strip(" \t\"'“”‘’")
    if after["rest"] and not (place.split()[0].isupper() and len(place) > 1):
        return None
    resolved = resolve_expression(weekday.group(), published)
    return resolved.date if resolved is not None and resolved.date <= published else None


# The longest a heading of a section may be, in characters and in words: a line of its own without a sentence's
# end ("WARSAW — Ministry of Foreign Affairs (statement, Wednesday)").
HEADING_CHARS = 100
HEADING_WORDS = 14
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*\s*$")


def heading_days(text: str, published: datetime.date | None) -> list[tuple[int, datetime.date | None]]:
    """The days the headings of a digest's or a monitoring report's sections name, by the offset of their line: a
    line of its own, short and with no sentence's end, that names one day ("KYIV — Ministry of Foreign Affairs
    (spokesman, Wednesday)", "Algiers home service in Arabic 2000 gmt 12 Nov 84"); not the story's first line, its
    headline, nor a caption in brackets.  What a section tells with no date of its own happened on its heading's
    day, counted as ``story_day`` counts a dateline's, until a heading that names no day (whose entry's day is
    None); the days it names itself count from the story's day as elsewhere."""
    if published is None:
        return []
    out: list[tuple[int, datetime.date | None]] = []
    patterns = _patterns()
    lines = [line for line in _TEXT_LINE.finditer(text) if line.group().strip()]
    for line in lines[1:]:
        words = line.group().strip()
        if len(words) > HEADING_CHARS or len(words.split()) > HEADING_WORDS or _SENTENCE_END.search(words) \
                or words[0] in "([" or patterns.byline.match(words) or not _ANY_LETTER.search(words):
            continue
        matches = _matches_in_order(words, (patterns.month_day, patterns.day_month)) if _DIGIT.search(words) else []
        # "12 Nov 84", "19 Sep 23": a day and a month, then a year of two digits, not the month and a day too
        matches = [m for n, m in enumerate(matches) if not any(o.start() < m.start() < o.end() for o in matches[:n])]
        dates = [day for match in matches if not _limit(words[:match.start()]) and (day := _head_date(match) or _date(
            published.year, load_time_words().months[match["month"].lower()], int(match["day"]))) is not None]
        days = dates + [resolved.date for match in patterns.full_weekday.finditer(words)
                        if not _limit(words[:match.start()])
                        and (resolved := resolve_expression(match.group(), published)) is not None]
        if len(days) == 1:
            # the first dated as a dateline, near publication; those after it as the sections of a tracker or a
            # chronology, whenever they were ("TURKEY — Nov. 4" … "HONDURAS — Nov. 3" … "CHILE — Oct. 31")
            series = bool(dates) and any(day is not None for _offset, day in out)
            out.append((line.start(), (_heading_day if series else _told_day)(days[0], published)))
        elif not days and out and out[-1][1] is not None:
            out.append((line.start(), None))  # "— PAKISTAN'S RESPONSE —": a new section, of no day named
    return out


def _heading_day(day: datetime.date, published: datetime.date) -> datetime.date:
    """The day of a heading after another: one after publication is of the year before; such a heading is no
    dateline, whose day must be near publication ("HONDURAS — Nov. 3" in a tracker published on Nov. 7 heads
    what happened that day)."""
    if day > published:
        day = _date(day.year - 1, day.month, day.day) or day
    return day if day <= published else published


def _limit(prefix: str) -> bool:
    """Whether the words before a day make it a limit or an onset rather than the day of a section ("what
    happened *since* Saturday", "talks *until* Friday")."""
    words = prefix.lower().split()
    return is_deadline(prefix) or bool(words) and words[-1] in load_time_words().span_edges


# The opening of a line that a timeline's entry puts before its date: a bullet or dash, and a few words without
# digits ("– *Night of* 11–12 October: …").
_ITEM_OPENING = re.compile(r"^\W*(?:[A-Za-z]+\s+){0,3}$")
# What follows an entry's date: a colon or a dash, then the entry.
_ITEM_SEPARATOR = re.compile(r"^[^\S\n]*(?::|-\s)")


def item_days(text: str, published: datetime.date | None) -> list[tuple[int, int, datetime.date]]:
    """The entries of a timeline that open with their day ("– 9 October: explosions in Kabul. …", "*Oct. 11* —
    Afghan forces attack …"): (start, end, day) of each such line, the day without a year taking the year that puts
    it at or before publication.  What an entry tells with no date of its own happened on its day."""
    if published is None:
        return []
    out = []
    patterns = _patterns()
    for line in _TEXT_LINE.finditer(text):
        head = line.group()[:60].translate(_QUOTES_AND_DASHES)  # (one character for one: offsets hold)
        if not _DIGIT.search(head):
            continue
        first = next(iter(_matches_in_order(head, (patterns.month_day, patterns.day_month))), None)
        opens = first is not None and _ITEM_OPENING.match(head[:first.start()]) \
            and _ITEM_SEPARATOR.match(head[first.end():])
        day = _item_day(first, published) if opens else _titled_item_day(line.group(), published)
        if day is not None:
            out.append((line.start(), line.end(), day))
    return out


# A bullet item titled with its day in brackets: "• Mercosur suspends Venezuela *(Sat, Aug 5).* Meeting in …"
_TITLED_ITEM = re.compile(r"^\W*[•·▪●*\-–—]\s*[^.()\n]{3,120}\(([^()\n]{3,30})\)\s*[.:]")


def _titled_item_day(line: str, published: datetime.date) -> datetime.date | None:
    """The day of a bullet item whose title ends with it in brackets ("• The Lima Declaration (Tue, Aug 8).")."""
    titled = _TITLED_ITEM.match(line)
    if titled is None:
        return None
    patterns = _patterns()
    named = titled.group(1).translate(_QUOTES_AND_DASHES)
    found = _matches_in_order(named, (patterns.month_day, patterns.day_month))
    # the day alone, with its weekday before it: not "(Aug 6 or 7)"
    alone = len(found) == 1 and not named[found[0].end():].strip(" .,")
    return _item_day(found[0], published) if alone else None


def _item_day(match: re.Match[str], published: datetime.date) -> datetime.date | None:
    """The day a timeline entry opens with, without a year taking the year that puts it at or before publication."""
    month = load_time_words().months[match["month"].lower()]
    day = _head_date(match) or _date(published.year, month, int(match["day"]))
    if day is not None and day > published and not match["year"]:
        day = _date(published.year - 1, month, int(match["day"]))
    return day if day is not None and day <= published else None


def _told_day(day: datetime.date, published: datetime.date) -> datetime.date:
    """A dateline's day as the day a story is told from: a day after publication is of the year before."""
    day = _heading_day(day, published)
    return day if (published - day).days <= STORY_DAY_REACH else published


def publication_date_from_text(text: str, default_year: int | None = None) -> tuple[datetime.date, str] | None:
    """Find the publication date in the dateline or byline at the head of an article.

    Looks at the first non-blank lines for a full date that stands alone, opens
    the line, follows a place name ("MOSCOW, March 17, 2018 —") or shares its
    line with a byline or marker ("By Jane Doe | 31 August 2017", "Updated:
    2020-07-24").  Dates inside prose ("On 12 March 2014, Russia …") are not
    taken.  A dateline without a year ("Moscow, July 31 (RHC)--") is dated
    only when a year stands elsewhere in those lines ("© 2017"), or by
    ``default_year``.  Returns the date and the words that gave it, or None.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()][:HEAD_LINES]
    patterns = _patterns()
    full_shapes = (patterns.iso, patterns.month_day, patterns.day_month, patterns.numeric)
    dated = [line for line in lines if _DIGIT.search(line)]
    for line in dated:
        for match in _matches_in_order(line, full_shapes):
            day = _head_date(match)
            if day and _is_head_context(line, match):
                return day, _date_words(line, match)
    year = _head_year(lines) or default_year
    if year is None:
        return None
    for line in dated:
        for match in _matches_in_order(line, (patterns.month_day, patterns.day_month)):
            if match["year"] is None and _is_head_context(line, match):
                day = _date(year, load_time_words().months[match["month"].lower()], int(match["day"]))
                if day:
                    return day, _date_words(line, match)
    return None


def _matches_in_order(line: str, shapes: tuple[re.Pattern[str], ...]) -> list[re.Match[str]]:
    return sorted((match for shape in shapes for match in shape.finditer(line)), key=lambda match: match.start())


def _head_date(match: re.Match[str]) -> datetime.date | None:
    """The date of a full-date match, None when it has no year or is ambiguous or invalid."""
    groups = match.groupdict()
    if not groups.get("year"):
        return None
    year = int(groups["year"])
    if "first" in groups:
        first, second = int(groups["first"]), int(groups["second"])
        readings = {day for day in (_date(year, second, first), _date(year, first, second)) if day}
        return readings.pop() if len(readings) == 1 else None
    month = groups["month"]
    month_number = int(month) if month.isdecimal() else load_time_words().months[month.lower()]
    return _date(year, month_number, int(groups["day"]))


def _date_words(line: str, match: re.Match[str]) -> str:
    """The words of a date match, without the time of day that may follow it."""
    end = max(match.end(name) for name, value in match.groupdict().items() if value is not None)
    return line[match.start() : end]


def _is_head_context(line: str, match: re.Match[str]) -> bool:
    """Whether the words before a date on a line make it a dateline or byline, not prose."""
    patterns = _patterns()
    prefix = line[: match.start()]
    if preposition := patterns.ends_with_preposition.search(prefix):
        # "Posted on 2 August 2017" is a byline, "the law was changed on 12 March 2014" is prose.
        return patterns.ends_with_marker.search(prefix[: preposition.start()]) is not None
    if patterns.marker.search(prefix) or patterns.byline.search(line):
        return True
    return not _ANY_LETTER.search(prefix) or _DATELINE_PLACE.match(prefix) is not None


def _head_year(lines: list[str]) -> int | None:
    """A year stated by a marker line ("© 2017", "Published 2017") of the head.

    Years in prose ("fighting since March 2011") say nothing about when the
    article appeared, so they are not taken.
    """
    marker = _patterns().marker
    for line in lines:
        if marker.search(line) and (found := _YEAR_IN_TEXT.search(line)):
            return int(found.group(0))
    return None
