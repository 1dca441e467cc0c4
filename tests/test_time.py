"""Tests of detente.time: date expressions, deadlines, publication dates."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.coder import Coder
from detente.errors import DataFileError
from detente.records import Document
from detente.time import (
    TIME_WORDS_PATH,
    ResolvedDate,
    heading_days,
    is_deadline,
    is_period,
    item_days,
    load_time_words,
    publication_date_from_text,
    resolve_anaphoric,
    resolve_expression,
    section_days,
    story_day,
    _patterns,
)

SATURDAY = datetime.date(2017, 7, 29)
MONDAY = datetime.date(2017, 7, 31)
WEDNESDAY_IN_JANUARY = datetime.date(2018, 1, 3)
SEPTEMBER = datetime.date(2017, 9, 20)

# (expression, publication date, expected date, precision, source); None when nothing resolves.
RESOLVE_CASES = [
    # day names
    ("on Friday", SATURDAY, "2017-07-28", "day", "relative"),
    ("Friday", SATURDAY, "2017-07-28", "day", "relative"),
    ("Friday evening", SATURDAY, "2017-07-28", "day", "relative"),
    ("late on Friday night", SATURDAY, "2017-07-28", "day", "relative"),
    ("Friday's", SATURDAY, "2017-07-28", "day", "relative"),
    ("on Saturday", SATURDAY, "2017-07-29", "day", "relative"),
    ("on Sunday", SATURDAY, "2017-07-23", "day", "relative"),
    ("on Thursday", MONDAY, "2017-07-27", "day", "relative"),
    ("last Thursday", MONDAY, "2017-07-27", "day", "relative"),
    ("last Saturday", SATURDAY, "2017-07-22", "day", "relative"),
    ("this past Wednesday", SATURDAY, "2017-07-26", "day", "relative"),
    ("next Friday", SATURDAY, "2017-08-04", "day", "relative"),
    ("this coming Friday", MONDAY, "2017-08-04", "day", "relative"),
    ("this Friday", MONDAY, "2017-08-04", "day", "relative"),
    ("Wed.", SATURDAY, "2017-07-26", "day", "relative"),
    ("on Friday", WEDNESDAY_IN_JANUARY, "2017-12-29", "day", "relative"),
    # days counted from the publication date
    ("today", SATURDAY, "2017-07-29", "day", "relative"),
    ("this morning", SATURDAY, "2017-07-29", "day", "relative"),
    ("tonight", SATURDAY, "2017-07-29", "day", "relative"),
    ("yesterday", SATURDAY, "2017-07-28", "day", "relative"),
    ("yesterday afternoon", SATURDAY, "2017-07-28", "day", "relative"),
    ("overnight", SATURDAY, "2017-07-28", "day", "relative"),
    ("last night", SATURDAY, "2017-07-28", "day", "relative"),
    ("the day before yesterday", SATURDAY, "2017-07-27", "day", "relative"),
    ("tomorrow", SATURDAY, "2017-07-30", "day", "relative"),
    ("yesterday", datetime.date(2018, 1, 1), "2017-12-31", "day", "relative"),
    ("tomorrow", datetime.date(2017, 12, 31), "2018-01-01", "day", "relative"),
    ("three days ago", SATURDAY, "2017-07-26", "day", "relative"),
    ("two weeks ago", SATURDAY, "2017-07-15", "day", "relative"),
    # spans of days, months and years
    ("last week", SATURDAY, "2017-07-22", "day", "relative"),
    ("earlier this week", SATURDAY, "2017-07-27", "day", "relative"),
    ("this week", SATURDAY, "2017-07-29", "day", "relative"),
    ("last week", WEDNESDAY_IN_JANUARY, "2017-12-27", "day", "relative"),
    # a weekend is stood for by its Saturday: the last one on or before the paper's day, or the next
    ("over the weekend", MONDAY, "2017-07-29", "day", "relative"),
    ("at the weekend", SATURDAY, "2017-07-29", "day", "relative"),
    ("at the week-end", MONDAY, "2017-07-29", "day", "relative"),
    ("week-end", MONDAY, "2017-07-29", "day", "relative"),
    ("last weekend", datetime.date(2017, 7, 30), "2017-07-29", "day", "relative"),
    ("this weekend", WEDNESDAY_IN_JANUARY, "2017-12-30", "day", "relative"),
    ("next weekend", MONDAY, "2017-08-05", "day", "relative"),
    ("weekend", MONDAY, None, None, None),
    ("last month", SATURDAY, "2017-06-01", "month", "relative"),
    ("last month", WEDNESDAY_IN_JANUARY, "2017-12-01", "month", "relative"),
    ("this month", SATURDAY, "2017-07-01", "month", "relative"),
    ("earlier this month", SATURDAY, "2017-07-01", "month", "relative"),
    # "at the start of the month", "the beginning of the year": the publication's month and year
    ("the start of the month", SATURDAY, "2017-07-03", "month", "relative"),
    ("the beginning of the year", SATURDAY, "2017-01-01", "year", "relative"),
    ("next month", datetime.date(2017, 12, 15), "2018-01-01", "month", "relative"),
    ("a month ago", SATURDAY, "2017-06-01", "month", "relative"),
    ("last year", SATURDAY, "2016-01-01", "year", "relative"),
    ("earlier this year", SATURDAY, "2017-01-01", "year", "relative"),
    ("last year", WEDNESDAY_IN_JANUARY, "2017-01-01", "year", "relative"),
    # a month or a day in a year counted from the story's
    ("in March last year", SATURDAY, "2016-03-01", "month", "relative"),
    ("November of last year", WEDNESDAY_IN_JANUARY, "2017-11-01", "month", "relative"),
    ("on 5 June last year", SATURDAY, "2016-06-05", "day", "relative"),
    ("October 2 next year", SATURDAY, "2018-10-02", "day", "relative"),
    ("early December this year", SATURDAY, "2017-12-05", "month", "relative"),
    # the part of a day named before it
    ("on the night of July 3", SATURDAY, "2017-07-03", "day", "explicit"),
    ("the morning of 23 July", SATURDAY, "2017-07-23", "day", "explicit"),
    # month and day without a year
    ("July 31", SEPTEMBER, "2017-07-31", "day", "explicit"),
    ("31 July", SEPTEMBER, "2017-07-31", "day", "explicit"),
    ("Aug. 16", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("Sept 1", SEPTEMBER, "2017-09-01", "day", "explicit"),
    ("on July 31st", SEPTEMBER, "2017-07-31", "day", "explicit"),
    ("the 31st of July", SEPTEMBER, "2017-07-31", "day", "explicit"),
    ("by September 1", SATURDAY, "2017-09-01", "day", "explicit"),
    ("December 29", WEDNESDAY_IN_JANUARY, "2017-12-29", "day", "explicit"),
    ("January 2", datetime.date(2017, 12, 28), "2018-01-02", "day", "explicit"),
    ("December 20", datetime.date(2017, 7, 1), "2016-12-20", "day", "explicit"),
    ("February 29", datetime.date(2017, 3, 10), "2016-02-29", "day", "explicit"),
    ("Friday, July 28", SATURDAY, "2017-07-28", "day", "explicit"),
    ("July 30-31", SEPTEMBER, "2017-07-30", "day", "explicit"),
    # full dates
    ("Aug. 16, 2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("16 August 2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("August 16th, 2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("Wednesday 16 August 2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("2017-08-16", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("2020-07-24T14:03:00Z", SEPTEMBER, "2020-07-24", "day", "explicit"),
    ("16.08.2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("8/16/2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("9/8/2017", SEPTEMBER, "2017-09-08", "day", "explicit"),
    ("the 16th day of August 2017", SEPTEMBER, "2017-08-16", "day", "explicit"),
    ("May 32, 2017", SEPTEMBER, None, None, None),
    # months and years
    ("in December", SEPTEMBER, "2016-12-01", "month", "explicit"),
    ("in July", SEPTEMBER, "2017-07-01", "month", "explicit"),
    ("in September", SEPTEMBER, "2017-09-01", "month", "explicit"),
    ("in December", WEDNESDAY_IN_JANUARY, "2017-12-01", "month", "explicit"),
    ("last May", SEPTEMBER, "2017-05-01", "month", "relative"),
    ("last September", SEPTEMBER, "2016-09-01", "month", "relative"),
    ("last December", SEPTEMBER, "2016-12-01", "month", "relative"),
    ("next May", SEPTEMBER, "2018-05-01", "month", "relative"),
    ("next December", SEPTEMBER, "2017-12-01", "month", "relative"),
    ("this December", WEDNESDAY_IN_JANUARY, "2018-12-01", "month", "relative"),
    # a qualifier places a month's date in the part of the month it names; the precision stays "month"
    ("early July", SEPTEMBER, "2017-07-05", "month", "explicit"),
    ("mid-July", SEPTEMBER, "2017-07-15", "month", "explicit"),
    ("late last month", SEPTEMBER, "2017-08-24", "month", "relative"),
    ("in July", SEPTEMBER, "2017-07-01", "month", "explicit"),
    ("earlier in the week", SATURDAY, "2017-07-27", "day", "relative"),
    ("in July 2017", SEPTEMBER, "2017-07-01", "month", "explicit"),
    ("December 2016", SEPTEMBER, "2016-12-01", "month", "explicit"),
    ("in 2014", SEPTEMBER, "2014-01-01", "year", "explicit"),
    ("2015", SEPTEMBER, "2015-01-01", "year", "explicit"),
    ("since 2014", SEPTEMBER, "2014-01-01", "year", "explicit"),
    ("the end of 2016", SEPTEMBER, "2016-01-01", "year", "explicit"),
    # not dates
    ("for two years", SEPTEMBER, None, None, None),
    ("three days", SEPTEMBER, None, None, None),
    ("20 minutes", SEPTEMBER, None, None, None),
    ("decades", SEPTEMBER, None, None, None),
    ("the 1990s", SEPTEMBER, None, None, None),
    ("the next day", SEPTEMBER, None, None, None),
    ("three days after July 31", SEPTEMBER, None, None, None),
    ("", SEPTEMBER, None, None, None),
    ("a few days ago", SEPTEMBER, None, None, None),
    # a day restated in brackets, also cut off by the entity recogniser: the part that names it outright
    ("Friday (July 28)", SATURDAY, "2017-07-28", "day", "explicit"),
    ("Friday (July 28", SATURDAY, "2017-07-28", "day", "explicit"),
    ("July 28 (Friday)", SATURDAY, "2017-07-28", "day", "explicit"),
    ("Friday ()", SATURDAY, "2017-07-28", "day", "relative"),
]


@pytest.mark.parametrize(("text", "reference", "expected", "precision", "source"), RESOLVE_CASES)
def test_resolve_expression(
    text: str, reference: datetime.date, expected: str | None, precision: str | None, source: str | None
) -> None:
    resolved = resolve_expression(text, reference)
    if expected is None:
        assert resolved is None
    else:
        assert resolved == ResolvedDate(datetime.date.fromisoformat(expected), precision, source, text.strip())


def test_resolved_date_is_frozen_and_documented() -> None:
    resolved = resolve_expression("yesterday", SATURDAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolved.date = SATURDAY  # type: ignore[misc, union-attr]
    assert all(field.metadata.get("help") for field in dataclasses.fields(ResolvedDate))


def test_resolve_expression_accepts_a_datetime_reference() -> None:
    resolved = resolve_expression("yesterday", datetime.datetime(2017, 7, 29, 18, 47))
    assert resolved is not None and type(resolved.date) is datetime.date


DEADLINE_CASES = [
    ("Diplomats must leave by", True),
    ("by", True),
    ("by the end of", True),
    ("until", True),
    ("sanctions stay in force until next", True),
    ("gave Russia until noon on", True),
    ("met at noon on", False),
    ("no later than", True),
    ("before", True),
    ("within", True),
    ("ahead of", True),
    ("the mission would lose access from", True),
    ("the ban applies as of", True),
    ("starting", True),
    ("Russia expelled the diplomats on", False),
    ("The ministry said", False),
    ("the day before", False),
    ("shortly before", False),
    ("in", False),
    ("standby", False),
    ("", False),
]


@pytest.mark.parametrize(("prefix", "expected"), DEADLINE_CASES)
def test_is_deadline(prefix: str, expected: bool) -> None:
    assert is_deadline(prefix) is expected


@pytest.mark.parametrize(("prefix", "expected"), [
    ("pledged 450 million euros for", True),
    ("the budget FOR", True),
    ("pledged 450 million euros in", False),
    ("forces", False),
    ("", False),
])
def test_is_period(prefix: str, expected: bool) -> None:
    assert is_period(prefix) is expected


PUBLICATION_CASES = [
    ("Kremlin vows response to new sanctions\n\n29 July 2017\n\nMoscow ordered cuts.", "2017-07-29", "29 July 2017"),
    ("Envoys recalled\nBy Jane Doe | 31 August 2017\nThe ministry spoke.", "2017-08-31", "31 August 2017"),
    ("MOSCOW, March 17, 2018 — Russia said it would expel 23 envoys.", "2018-03-17", "March 17, 2018"),
    ("WASHINGTON, D.C., Aug. 3, 2017 — The Senate voted on a bill.", "2017-08-03", "Aug. 3, 2017"),
    ("Moscow, July 31 (RHC)-- Officials said talks would go on.\n© 2017 Coastal Wire", "2017-07-31", "July 31"),
    ("Border talks resume\nUpdated: 2020-07-24 14:03 UTC\nNegotiators met.", "2020-07-24", "2020-07-24"),
    ("Sept. 19, 2023\nLeaders gathered in New York on Tuesday.", "2023-09-19", "Sept. 19, 2023"),
    ("World\nSaturday 29 July 2017 18.47 BST\nSanctions bill passes.", "2017-07-29", "Saturday 29 July 2017"),
    ("Posted on August 2, 2017 by newsdesk\nThe embassy closed.", "2017-08-02", "August 2, 2017"),
    ("Talks stall\nPublished 19 September 2023 · 4 min read\nEnvoys left.", "2023-09-19", "19 September 2023"),
    ("Last updated: 24/07/2020\nThe summit ended.", "2020-07-24", "24/07/2020"),
    ("Talks stall\nOn 12 March 2014, the parliament voted.\nBy Ann Lee, 18 March 2018", "2018-03-18", "18 March 2018"),
    ("Moscow, July 31 (RHC)-- Officials said talks would go on.", None, None),
    ("Talks stall\nOn 12 March 2014, the parliament voted to annex the peninsula.", None, None),
    ("Last updated: 03/08/2017\nThe summit ended.", None, None),
    ("Sanctions\nThe ministry updated its guidance on 12 March 2014 after the vote.", None, None),
    ("\n".join(["Filler line."] * 12 + ["29 July 2017"]), None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "expected", "matched"), PUBLICATION_CASES)
def test_publication_date_from_text(text: str, expected: str | None, matched: str | None) -> None:
    found = publication_date_from_text(text)
    if expected is None:
        assert found is None
    else:
        assert found == (datetime.date.fromisoformat(expected), matched)


def test_packaged_time_words_load() -> None:
    words = load_time_words()
    assert words.weekdays["friday"] == 4
    assert words.months["sept"] == 9
    assert "on" in words.prepositions


# (text replaced in a copy of the packaged file, replacement, words the error must contain)
BROKEN_FILE_CASES = [
    ('  - "on"', "  - on", "quote words"),
    ("  friday: 4", "  friday: 9", "'friday' must be a whole number from 0 to 6"),
    ("ago_units:", "ago_unit:", "unknown section 'ago_unit'"),
    ("  sept: 9", "  sept: 9: 10", "not valid YAML"),
]


@pytest.mark.parametrize(("old", "new", "message"), BROKEN_FILE_CASES)
def test_broken_time_words_name_the_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    original = TIME_WORDS_PATH.read_text(encoding="utf-8")
    assert old in original
    broken = tmp_path / "time_words.yaml"
    broken.write_text(original.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_time_words(broken)
    assert message in str(raised.value)
    assert raised.value.line == original[: original.index(old)].count("\n") + 1


def test_missing_section_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "time_words.yaml"
    broken.write_text("weekdays:\n  monday: 0\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing section"):
        load_time_words(broken)


@pytest.mark.parametrize(("text", "precision", "expected"), [
    ("the next day", "day", ("2021-04-13", "day")),
    ("the next day", "month", ("2021-04-12", "month")),
    ("three days later", "month", ("2021-04-12", "month")),
    ("three weeks later", "month", None),
])
def test_resolve_anaphoric_against_a_day_or_a_month(text: str, precision: str, expected: tuple | None) -> None:
    resolved = resolve_anaphoric(text, datetime.date(2021, 4, 12), precision)
    assert (resolved.date.isoformat(), resolved.precision) == expected if expected else resolved is None


@pytest.mark.parametrize(("text", "months", "expected"), [
    ("a year earlier", True, ("2020-04-01", "month")),
    ("more than a year earlier", True, ("2020-04-01", "month")),
    ("six months later", True, ("2021-10-01", "month")),
    ("two years before", True, ("2019-04-01", "month")),
    # against the event before, a long shift dates badly: left undated
    ("a year earlier", False, None),
])
def test_resolve_anaphoric_months_and_years_only_when_asked(text: str, months: bool, expected: tuple | None) -> None:
    resolved = resolve_anaphoric(text, datetime.date(2021, 4, 12), months=months)
    assert (resolved.date.isoformat(), resolved.precision) == expected if expected else resolved is None


@pytest.fixture(scope="module")
def coder():
    return Coder()


# (text, publication date, the day the story is told from)
STORY_DAYS = [
    ("ADDIS ABABA, May 12, 2000 (Wire) — Ethiopia ordered a ceasefire tonight.", "2000-05-13", "2000-05-12"),
    # a dateline without a year takes the year that puts it before publication
    ("LIMA, Dec 30 (Wire) - Peru recalled its ambassador.", "2019-12-31", "2019-12-30"),
    ("MOSCOW, Dec 31 (Wire) - Russia said today it would respond.", "2020-01-01", "2019-12-31"),
    # the dateline of publication itself, one far from it, or none: the publication date
    ("TOKYO, Dec. 29, 2018 — Japan released a video.", "2018-12-29", "2018-12-29"),
    ("TOKYO, Dec. 9, 2018 — Japan released a video.", "2018-12-29", "2018-12-29"),
    ("Japan released a video on Friday.", "2018-12-29", "2018-12-29"),
]


@pytest.mark.parametrize(("text", "published", "expected"), STORY_DAYS)
def test_story_day(text: str, published: str, expected: str) -> None:
    assert story_day(text, datetime.date.fromisoformat(published)) == datetime.date.fromisoformat(expected)


def test_a_story_is_dated_from_its_dateline(coder) -> None:
    text = ("ADDIS ABABA, May 12, 2000 (Wire) — Ethiopia's prime minister ordered the armed forces tonight to cease "
            "all military operations against Eritrea.")
    events = coder.code(Document(id="t", text=text, date=datetime.date(2000, 5, 13)))
    assert [(e.event, str(e.date)) for e in events] == [("RETREAT", "2000-05-12")]


def test_a_date_that_names_the_object_deed_dates_the_deed_not_the_verdict(coder) -> None:
    day = datetime.date(2022, 9, 8)
    verdict = coder.code(Document(id="t", text="NATO condemned the April cyberattack on Estonia.", date=day))
    assert [(e.event, str(e.date)) for e in verdict] == [("ACCUSE", "2022-09-08")]
    war = coder.code(Document(id="t", text="India and China fought a brief war in 1962.", date=day))
    assert {str(e.date) for e in war} == {"1962-01-01"}


def test_an_act_told_inside_a_noun_of_decision_is_not_dated_by_the_clause(coder) -> None:
    text = ("Armenia will bar Turkish airlines from Oct. 25, the minister said on Thursday, in a mirror response to "
            "Ankara's decision to ban Armenian carriers.")
    events = coder.code(Document(id="t", text=text, date=datetime.date(2015, 9, 26)))
    dates = {tuple(e.country for e in event.actor): str(event.date) for event in events}
    assert dates == {("ARM",): "2015-09-24", ("TUR",): "2015-09-26"}


def test_a_day_without_a_year_told_in_the_past_is_the_last_one_before_the_story(coder) -> None:
    day = datetime.date(2024, 3, 15)
    past = coder.code(Document(id="t", text="Caracas police have surrounded the Argentine embassy since June 30.",
                               date=day))
    assert [str(e.date) for e in past] == ["2023-06-30"]
    coming = coder.code(Document(id="t", text="Japan will impose sanctions on North Korea on June 30.", date=day))
    assert {str(e.date) for e in coming} <= {"2024-06-30", "2024-03-15"}


# Words a head's date is made of, and what surrounds them: everything but digits.
HEAD_WORDS = [*load_time_words().months, *load_time_words().weekdays, "the", "of", "st", "th", "Updated", "By",
              "MOSCOW", "(Reuters)", "—", "-", "/", ".", ",", "|", "©", "Posted on"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEAD_WORDS), max_size=12), st.sampled_from([" ", "  ", ", ", ". ", "\t"]))
def test_a_head_line_without_a_digit_holds_no_date(words: list[str], separator: str) -> None:
    """``publication_date_from_text`` tries the date shapes only on lines with a digit: no shape may match
    a line without one."""
    line = separator.join(words)
    patterns = _patterns()
    shapes = (patterns.iso, patterns.month_day, patterns.day_month, patterns.numeric)
    assert not any(shape.search(line) for shape in shapes)
    assert any(shape.search(f"{line} July 12, 2017") for shape in shapes)  # the shapes do match a date


# An occasion an act is done at dates it: (text, the dates of its accusations)
OCCASIONS = [
    ("At a meeting in Geneva on Monday, the Russian foreign minister accused Washington of bad faith.",
     ["2024-03-11"]),
    ("During talks in Geneva on Monday, the Russian foreign minister accused Washington of bad faith.",
     ["2024-03-11"]),  # "talks", whose lemma is "talk"
]


@pytest.mark.parametrize(("text", "expected"), OCCASIONS)
def test_an_occasion_dates_what_is_done_at_it(coder, text: str, expected: list[str]) -> None:
    assert _accusation_dates(coder, text) == expected


def test_a_happening_that_is_no_occasion_keeps_its_date_to_itself(coder) -> None:
    dates = _accusation_dates(coder, "The Russian foreign minister accused Washington over the explosions of 2014.")
    assert "2014-01-01" not in dates, dates


def _accusation_dates(coder, text: str) -> list[str]:
    events = coder.code(Document(id="t", text=text, date=datetime.date(2024, 3, 15)))
    return [str(e.date) for e in events if e.event == "ACCUSE"]


TIMELINE = """How we got here:

– 9 October: explosions in Kabul.

– Night of 11–12 October: attacks on border posts.

Oct. 15 — talks open in Doha.

Dec. 25: a day after publication is of the year before.

BELGRADE, Oct 16 (Agency) - a dateline is no entry.
The talks of 25 October will go on.
"""


def test_the_entries_of_a_timeline_are_dated_by_the_day_they_open_with() -> None:
    days = item_days(TIMELINE, datetime.date(2025, 10, 19))
    found = [(TIMELINE[start:end].split()[1], str(day)) for start, end, day in days]
    assert found == [("9", "2025-10-09"), ("Night", "2025-10-11"), ("15", "2025-10-15"), ("25:", "2024-12-25")]


BULLETS = """THE WEEK THAT WAS

• Ankara recalls its envoy (Sat, Aug 5). The foreign ministry said the step was temporary.

* The Geneva talks (Tue., Aug. 8): delegates met for three hours.

• Talks resume (in Geneva). No day in brackets.

• Brussels weighs a reply (Aug 6 or 7). Two days: none.
"""


def test_a_bullet_item_titled_with_its_day_in_brackets_is_of_that_day() -> None:
    days = item_days(BULLETS, datetime.date(2017, 8, 14))
    assert [(BULLETS[start:end].split()[1], str(day)) for start, end, day in days] == [
        ("Ankara", "2017-08-05"), ("The", "2017-08-08")]


def test_what_a_titled_bullet_item_tells_without_a_date_is_of_its_day(coder) -> None:
    text = ("Good morning. Here is the week.\n\n• Mercosur suspends Venezuela (Sat, Aug 5). Meeting in Sao Paulo, "
            "Argentina and Brazil suspended Venezuela from the bloc.\n")
    events = coder.code(Document(id="t", text=text, date=datetime.date(2017, 8, 14)))
    assert {str(e.date) for e in events if e.event == "SANCTION"} == {"2017-08-05"}, events


def test_what_a_timeline_entry_tells_without_a_date_is_of_its_day(coder) -> None:
    text = ("Catch up.\n\n– 11 October: Afghan forces attack Pakistani border posts along the Durand Line.\n\n"
            "– 15 October: Pakistan and Afghanistan agree a truce on Wednesday.\n")
    events = coder.code(Document(id="t", text=text, date=datetime.date(2025, 10, 19)))
    dated = {(e.event, str(e.date), e.date_source) for e in events}
    assert ("ASSAULT", "2025-10-11", "explicit") in dated
    assert ("AGREE", "2025-10-15", "relative") in dated  # a date of its own wins


@pytest.mark.parametrize(("text", "expected"), [
    ("Jan. 15, two days", "2024-01-15"),  # "On Jan. 15, two days after the election, …": one entity for both
    ("Monday, two days", "2024-01-22"),
    ("two days, officials", None),
    ("December 30 to 20 years", "2023-12-30"),  # "sentenced them on December 30 to 20 years in prison"
    ("Monday through Friday", "2024-01-22"),
    ("two days to 20 years", None),
])
def test_a_date_run_together_with_a_span_is_its_first_part(text: str, expected: str | None) -> None:
    resolved = resolve_expression(text, datetime.date(2024, 1, 24))
    assert (str(resolved.date) if resolved else None) == expected


DIGEST = """Briefing digest, Thursday 21 September 2023

Compiled from official briefings this week.

WARSAW — Foreign Ministry (statement, Wednesday)

Poland summoned Ukraine's ambassador over the president's remarks.

KYIV — Trade ministry (Monday, comments to reporters)

Ukraine filed a complaint against Poland at the World Trade Organization.

BRUSSELS — European Commission (midday briefing)

The Commission said it was studying the Polish ban.

Tunis home service in Arabic 2200 gmt 19 Sep 23

Excerpts: Tunisia urged both sides to talk.

What happened since Saturday

Hungary kept its ban.
"""


def test_the_headings_of_a_digest_name_the_days_of_their_sections() -> None:
    days = heading_days(DIGEST, datetime.date(2023, 9, 21))
    found = [(DIGEST[offset:].split("\n", 1)[0][:12], str(day) if day else None) for offset, day in days]
    # a heading that names no day ends the section before; a day after "since" is no section's day
    assert found == [("WARSAW — For", "2023-09-20"), ("KYIV — Trade", "2023-09-18"), ("BRUSSELS — E", None),
                     ("Tunis home s", "2023-09-19"), ("What happene", None)]


def test_what_a_section_tells_without_a_date_is_of_its_headings_day(coder) -> None:
    events = coder.code(Document(id="t", text=DIGEST, date=datetime.date(2023, 9, 21)))
    dated = {(e.event, tuple(a.country for a in e.actor), str(e.date)) for e in events}
    assert ("ACCUSE", ("POL",), "2023-09-20") in dated
    assert ("ACCUSE", ("UKR",), "2023-09-18") in dated
    assert ("REQUEST", ("TUN",), "2023-09-19") in dated


def test_a_day_named_in_a_section_counts_from_the_story_day(coder) -> None:
    text = ("Briefing digest\n\nCompiled from official briefings.\n\nDELHI — Foreign Ministry (Wednesday)\n\n"
            "On Thursday India revoked all visas issued to Pakistani nationals.\n")
    events = coder.code(Document(id="t", text=text, date=datetime.date(2025, 4, 24)))
    assert [str(e.date) for e in events if e.event == "SANCTION"] == ["2025-04-24"]


def test_a_date_after_named_places_is_the_clauses(coder) -> None:
    text = ("Egypt and Syria launched attacks on Israeli positions on the Suez Canal and the Golan Heights on Oct. 6. "
            "The United States began an airlift of arms to Israel last weekend.\n\n((Reporting by A. Haddad in "
            "Beirut; Editing by S. Pell))\n")
    events = coder.code(Document(id="t", text=text, date=datetime.date(1973, 10, 21)))
    assert {(e.event, str(e.date)) for e in events if e.event == "ASSAULT"} == {("ASSAULT", "1973-10-06")}


@pytest.mark.parametrize(("span", "expected"), [
    ("a day", ("2019-06-14", "day")),  # no entity of the recogniser's: the words before "after"
    ("two weeks", ("2019-06-01", "day")),
    ("more than a year", ("2018-06-01", "month")),  # to the month only
])
def test_what_a_clause_came_a_span_after_is_dated_back_from_it(coder, span: str, expected: tuple) -> None:
    text = f"India raised tariffs on 28 U.S. products on Saturday, {span} after Washington imposed higher duties."
    found = coder.code(Document(id="t", text=text, date=datetime.date(2019, 6, 16)))
    assert [(str(e.date), e.date_precision) for e in found if e.actor[0].country == "USA"] == [expected], found


TRACKER = """Which governments have recalled envoys from Caracas

Last updated March 9

PERU — March 8

Lima recalled its ambassador from Venezuela.

ECUADOR — March 2

Quito said its ambassador to Venezuela had been called home.

PARAGUAY, URUGUAY — Feb. 24

Asuncion and Montevideo recalled their ambassadors from Caracas.
"""


def test_the_dated_headings_of_a_tracker_tell_their_days_however_far_back() -> None:
    days = heading_days(TRACKER, datetime.date(2024, 3, 9))
    # the first within a dateline's reach of publication, those after it as far back as they go
    assert [(TRACKER[offset:].split()[0], str(day)) for offset, day in days] == [
        ("Last", "2024-03-09"), ("PERU", "2024-03-08"), ("ECUADOR", "2024-03-02"), ("PARAGUAY,", "2024-02-24")]


def test_what_a_trackers_entry_tells_is_of_its_headings_day(coder) -> None:
    events = coder.code(Document(id="t", text=TRACKER, date=datetime.date(2024, 3, 9)))
    assert sorted((e.actor[0].country, str(e.date)) for e in events if e.event == "SANCTION") == [
        ("ECU", "2024-03-02"), ("PER", "2024-03-08"), ("PRY", "2024-02-24")], events


WEEKDAY_DATELINES = """THE EVENING POST

Ndola, Monday, April 11, 1966 — Late City Edition

UNITED NATIONS, New York, Sunday.

The Security Council late last night called on Portugal to stop the tankers.

LUSAKA, Monday. — The minister said Zambia welcomed the step.

Smith, Monday, said it was no dateline.
"""


def test_a_dateline_that_names_a_weekday_tells_its_section_from_that_day() -> None:
    days = section_days(WEEKDAY_DATELINES, datetime.date(1966, 4, 11))
    assert [(WEEKDAY_DATELINES[offset:].split()[0], str(day)) for offset, day in days] == [
        ("UNITED", "1966-04-10"), ("LUSAKA,", "1966-04-11")]


def test_what_a_weekday_datelines_section_tells_counts_from_its_day(coder) -> None:
    events = coder.code(Document(id="t", text=WEEKDAY_DATELINES, date=datetime.date(1966, 4, 11)))
    assert [str(e.date) for e in events if e.event == "REQUEST"] == ["1966-04-09"], events


@pytest.mark.parametrize("text, day", [("the twenty-seventh of November", "1958-11-27"),
                                       ("on the thirty-first of December", "1958-12-31"),
                                       ("twenty-first November", "1958-11-21")])
def test_a_day_of_a_month_written_as_an_ordinal_word(text: str, day: str) -> None:
    assert str(resolve_expression(text, datetime.date(1959, 1, 1)).date) == day


def test_an_ordinal_word_without_a_month_is_no_day() -> None:
    assert resolve_expression("a second time", datetime.date(1959, 1, 1)) is None


def test_a_day_cut_from_its_month_at_of_is_one_date(coder) -> None:
    events = coder.code(Document(id="t", text="On the twenty-seventh of November Moscow expelled two British "
                                               "diplomats.", date=datetime.date(1959, 1, 1)))
    assert [str(e.date) for e in events] == ["1958-11-27"], events
