"""Heads in title case or capitals are parsed in sentence case; the records keep the text as written."""

from __future__ import annotations

from datetime import date

import pytest

from detente.coder import Coder
from detente.records import Document
from detente.settings import Settings


@pytest.fixture(scope="module")
def coder():
    return Coder(Settings())


def recased(coder: Coder, text: str) -> str:
    return coder.sentence_case(coder.resources.nlp.make_doc(text)).text


@pytest.mark.parametrize("head, expected", [
    ("Hungary Expels Two Ukrainian Diplomats, Kyiv Vows Mirror Response",
     "Hungary expels two Ukrainian diplomats, Kyiv vows mirror response"),
    ("CANADA SEIZES SPANISH TRAWLER IN TURBOT ROW", "Canada seizes Spanish trawler in turbot row"),
    # acronyms stay, and so does a word no English word list knows: a name
    ("U.S., British Strikes Hit Houthi Targets Across Yemen", "U.S., British strikes hit Houthi targets across Yemen"),
    ("EU Ministers Weigh New Curbs on Minsk", "EU ministers weigh new curbs on Minsk"),
    # "May" alone is a verb; a month next to a number keeps its capital, and so does a day
    ("Russia May Expel More Diplomats Over Embassy Spat", "Russia may expel more diplomats over embassy spat"),
    ("Talks Resume in Geneva on 4 March After Monday Walkout", "Talks resume in Geneva on 4 March after Monday walkout"),
])
def test_a_head_is_read_in_sentence_case(coder, head, expected):
    assert recased(coder, head) == expected


@pytest.mark.parametrize("line", [
    "Canada's Foreign Minister Told Reporters In Ottawa That Talks Would Go On.",  # ends as a sentence does
    "Hungary expelled two Ukrainian diplomats on Monday, the ministry said",  # not a head: few capitals
    "Published 6 August 2018 · Source: Northern Wire",  # a page's furniture
    "Share This Story | Facebook | Twitter | Email",
    "By Maria Lopez",  # too few words to tell
])
def test_other_lines_keep_their_case(coder, line):
    assert recased(coder, line) == line


def test_only_the_heads_of_a_text_change_and_every_offset_stays(coder):
    body = "Hungary expelled two Ukrainian diplomats on Monday, the foreign ministry in Budapest said."
    text = f"HUNGARY EXPELS TWO UKRAINIAN DIPLOMATS\n\n{body}\n"
    out = recased(coder, text)
    assert len(out) == len(text)
    assert out.endswith(f"\n\n{body}\n")
    assert out.startswith("Hungary expels two Ukrainian diplomats\n")


def test_a_head_in_capitals_is_coded_and_its_record_shows_it_as_written(coder):
    text = ("PERU RECALLS ENVOY FROM MEXICO\n\n"
            "Lima called the remarks of the Mexican president an interference in its affairs.")
    events = coder.code(Document(id="head", text=text, date=date(2022, 12, 22)))
    recall = next(e for e in events if e.sentence == 0)
    assert (recall.event, [a.country for a in recall.actor], [r.country for r in recall.recipient]) \
        == ("SANCTION", ["PER"], ["MEX"])
    assert recall.trigger == "RECALLS"
    assert recall.text.strip() == "PERU RECALLS ENVOY FROM MEXICO"


def test_a_name_in_capitals_that_opens_a_sentence_takes_the_case_of_the_name(coder):
    assert recased(coder, "MALACAÑANG hit back at Beijing on Thursday.") == "Malacañang hit back at Beijing on Thursday."


@pytest.mark.parametrize("line", [
    "MOSCOW, March 3 (Wire) - Russia expelled two Estonian diplomats.",  # a dateline is read as one
    "BREAKING news from the border.",  # capitals that are no name
])
def test_capitals_that_are_no_name_or_a_dateline_stay(coder, line):
    assert recased(coder, line) == line
