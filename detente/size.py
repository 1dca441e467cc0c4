"""The size stage: the quantities stated for an event.

"the expulsion of 755 diplomats", "three consulates", "cut to 455",
"a 98-2 vote".  A number modifying the event's theme is what the event
affects; a number after "to" on a verb of reduction is a ceiling; a
"98-2" score next to "vote" gives the votes in favour.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from spacy.tokens import Span, Token

from . import datafiles
from .errors import DataFileError
from .records import Size

NUMBERS = Path(__file__).parent / "data" / "numbers.yaml"
VOTE = re.compile(r"\b(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})\b")


@functools.cache
def _numbers() -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    data = _vocabulary()
    try:
        units = {str(k): int(v) for k, v in data["units"].items() if k != datafiles.LINE}
        multipliers = {str(k): int(v) for k, v in data["multipliers"].items() if k != datafiles.LINE}
        not_units = frozenset(str(w) for w in data["not_units"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise DataFileError(str(NUMBERS), None, f"expected units, multipliers and not_units: {error}") from None
    return units, multipliers, not_units


@functools.cache
def _verbs(name: str) -> frozenset[str]:
    words = _vocabulary().get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(str(NUMBERS), None, f"`{name}` must be a list of verbs")
    return frozenset(words)


@functools.cache
def _vocabulary() -> dict:
    data = datafiles.load(NUMBERS)
    if not isinstance(data, dict):
        raise DataFileError(str(NUMBERS), None, "expected a mapping")
    return data


def number_value(token: Token) -> int | None:
    """The integer a number token states ("755", "1,200", "three"), or None."""
    units, multipliers, _ = _numbers()
    text = token.text.lower().replace(",", "")
    if text.isdecimal():
        return int(text)
    if text in units:
        value = units[text]
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in multipliers:
            value *= multipliers[nxt.lower_]
        return value
    return None


def _plain_number(token: Token) -> int | None:
    """The number of one word, without looking at the words after it."""
    units, _, _ = _numbers()
    text = token.text.lower().replace(",", "")
    return int(text) if text.isdecimal() else units.get(text)


def compound_number(token: Token) -> int | None:
    """A number written in several words: "Twenty-three" ("three" with the compound "Twenty"),
    "five hundred" and "two dozen" ("hundred", "dozen" with the number that multiplies them)."""
    units, multipliers, _ = _numbers()
    word = token.lower_
    value = number_value(token) or multipliers.get(word)
    if value is None:
        return None
    if word in multipliers or word in ("dozen", "dozens"):
        factor = next((_plain_number(c) for c in token.children
                       if c.dep_ in ("compound", "nummod", "quantmod") and _plain_number(c) is not None), None)
        return factor * value if factor is not None else value
    if value < 10:
        for child in token.children:
            if child.dep_ == "compound":
                tens = number_value(child)
                if tens is not None and tens % 10 == 0 and 20 <= tens <= 90:
                    return tens + value
    return value


def size_of(theme: Token | None, predicate: Token, sent: Span, counted: Token | None = None) -> Size | None:
    """The quantity a sentence states for an event with this theme and predicate; ``counted`` is a number
    standing for a theme told before ("Estonia expelled *two*"), which counts that theme."""
    _, _, not_units = _numbers()
    if counted is not None and theme is not None:
        value = compound_number(counted)
        if value is not None:
            return Size(value, theme.lower_, "affected", counted.text)
    if theme is not None and theme.lower_ not in not_units:
        for child in theme.children:
            if child.dep_ in ("nummod", "quantmod") or (child.like_num and child.i < theme.i):
                value = compound_number(child)
                if value is not None:
                    words = theme.doc[child.left_edge.i:child.i + 1].text
                    return Size(value, theme.lower_, "affected", f"{words} {theme.text}")
    for token in (predicate, *[c for c in predicate.children if c.dep_ in ("xcomp", "ccomp", "conj")]):
        if token.lemma_.lower() in _verbs("ceiling_verbs"):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    for obj in prep.children:
                        if number_value(obj) is None:  # "to 455 people"
                            obj = next((c for c in obj.children if c.dep_ == "nummod"), obj)
                        value = compound_number(obj)
                        after = sent.doc[obj.i + 1].lower_ if obj.i + 1 < len(sent.doc) else ""
                        if value is not None and after not in not_units:
                            reduced = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), theme)
                            unit = reduced.lower_ if reduced is not None else "staff"
                            return Size(value, unit, "ceiling", f"to {obj.text}")
    voting = predicate.lemma_.lower() in _verbs("voting_verbs") or any(
        c.lemma_.lower() == "vote" for c in predicate.subtree)
    if voting and any(t.lemma_.lower() == "vote" for t in sent):
        match = VOTE.search(sent.text)
        if match and int(match.group(1)) > int(match.group(2)):
            return Size(int(match.group(1)), "votes", "votes", match.group(0))
    return None
