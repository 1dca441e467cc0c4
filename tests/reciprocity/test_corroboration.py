"""An aggregated event's confidence: copies of one wire story are one source, each source counts with its best
report, sources combine by noisy-or, disagreement lowers it (detente/reciprocity/corroboration.py)."""

from __future__ import annotations

import dataclasses

import pytest

from detente.reciprocity.aggregate import Members, summarise
from detente.reciprocity.corroboration import (
    CEILING,
    DISAGREEMENT_FACTOR,
    Sources,
    combine,
    is_copy,
    noisy_or,
    overlap,
    source_key,
    words,
)
from detente.reciprocity.events import corroboration

from .test_aggregate import mention

WIRE = ("Russia expelled 23 British diplomats on Saturday in retaliation for the poisoning of a former spy in "
        "Salisbury.")
# The same wire story as another outlet printed it: a few words added or changed.
REPRINT = ("Russia expelled 23 British diplomats on Saturday in retaliation for the poisoning of a former spy in "
           "Salisbury, the foreign ministry said.")
# The same event in a reporter's own words.
OWN_WORDS = "Moscow ordered 23 envoys of the United Kingdom to leave within a week, its foreign ministry announced."


def report(id, source, text, confidence, **changes) -> object:
    """A report (mention) of an outlet with its sentence and confidence."""
    base = mention(id, source=source, **changes)
    return dataclasses.replace(base, record={**base.record, "text": text, "confidence": confidence})


@pytest.mark.parametrize(("first", "second", "copy"), [
    (WIRE, WIRE, True),
    (WIRE, REPRINT, True),
    (WIRE, OWN_WORDS, False),
    (WIRE, "", False),
    ("", "", False),
    # case and punctuation do not matter
    (WIRE, WIRE.upper().replace(",", ""), True),
])
def test_copies_are_told_by_the_words_the_sentences_share(first, second, copy):
    assert is_copy(words(first), words(second)) is copy


def test_overlap_is_jaccard():
    assert overlap(words("a b c d"), words("a b c e")) == pytest.approx(3 / 5)
    assert overlap(words("a b"), frozenset()) == 0.0
    assert not is_copy(words(WIRE), words(REPRINT + " More follows."))  # 17 words of 22


@pytest.mark.parametrize(("reports", "sources"), [
    # two outlets, one printing the other's wire story: one source
    ([("Capital Wire", WIRE), ("Harbour Ledger", REPRINT)], 1),
    # two outlets in their own words: two sources
    ([("Capital Wire", WIRE), ("Northern Courier", OWN_WORDS)], 2),
    # one outlet twice: one source
    ([("Capital Wire", WIRE), ("capital wire", OWN_WORDS)], 1),
    # a copy of a copy is one source with the original, though the two share fewer words: whatever the order
    ([("A", WIRE), ("B", REPRINT), ("C", REPRINT + " More follows.")], 1),
    ([("C", REPRINT + " More follows."), ("A", OWN_WORDS), ("B", WIRE), ("D", REPRINT)], 2),
    # without an outlet, each document is its own source
    ([(None, WIRE + " One."), (None, OWN_WORDS)], 2),
])
def test_independent_sources(reports, sources):
    found = Sources()
    for number, (outlet, text) in enumerate(reports):
        found.add(source_key(outlet, f"doc-{number}"), text, 0.5)
    assert len(found) == sources == len(found.groups()) == len(found.best())


@pytest.mark.parametrize(("best", "disagreements", "expected"), [
    ([0.7], (), 0.7),
    ([0.7, 0.6], (), 0.88),  # 1 - 0.3 × 0.4
    ([0.7, 0.5, 0.5], (), 0.925),
    ([0.7, None], (), 0.7),  # a source without a confidence adds nothing
    ([None, None], (), None),
    ([], (), None),
    ([0.7, 0.6], ("numbers",), round(0.88 * DISAGREEMENT_FACTOR, 4)),
    ([0.7, 0.6], ("dates",), round(0.88 * DISAGREEMENT_FACTOR, 4)),
    ([0.7, 0.6], ("numbers", "dates"), round(0.88 * DISAGREEMENT_FACTOR ** 2, 4)),
    ([0.7], ("numbers",), round(0.7 * DISAGREEMENT_FACTOR, 4)),  # one outlet that disagrees with itself
    ([0.95, 0.95, 0.95], (), CEILING),  # corroboration never makes an event certain
    ([0.95], (), 0.95),
])
def test_combine(best, disagreements, expected):
    assert combine(best, disagreements) == expected


def test_noisy_or():
    assert noisy_or([]) is None
    assert noisy_or([0.25]) == 0.25
    assert noisy_or([0.5, 0.5]) == 0.75


@pytest.mark.parametrize(("reports", "confidence", "independent"), [
    # two outlets, one copied sentence: one source, counted with its best report
    ([report("a", "Capital Wire", WIRE, 0.7), report("b", "Harbour Ledger", REPRINT, 0.6)], 0.7, 1),
    ([report("a", "Capital Wire", WIRE, 0.6), report("b", "Harbour Ledger", REPRINT, 0.7)], 0.7, 1),
    # two independent outlets: noisy-or
    ([report("a", "Capital Wire", WIRE, 0.7), report("b", "Northern Courier", OWN_WORDS, 0.6)], 0.88, 2),
    # the copy adds nothing to two independent sources
    ([report("a", "Capital Wire", WIRE, 0.7), report("b", "Harbour Ledger", REPRINT, 0.6),
      report("c", "Northern Courier", OWN_WORDS, 0.5)], 0.85, 2),
    # reports without a confidence are left out; none at all gives none
    ([report("a", "Capital Wire", WIRE, None), report("b", "Northern Courier", OWN_WORDS, 0.6)], 0.6, 2),
    ([report("a", "Capital Wire", WIRE, None), report("b", "Northern Courier", OWN_WORDS, None)], None, 2),
    # two numbers of the same kind on the same day: the reports disagree, the value is lowered
    ([report("a", "Capital Wire", WIRE, 0.7, count=23), report("b", "Northern Courier", OWN_WORDS, 0.6, count=25)],
     round(0.88 * DISAGREEMENT_FACTOR, 4), 2),
    # 23 diplomats and 23 people count the same: no disagreement
    ([report("a", "Capital Wire", WIRE, 0.7, count=23),
      report("b", "Northern Courier", OWN_WORDS, 0.6, count=23, unit="people")], 0.88, 2),
    # two days their texts give
    ([report("a", "Capital Wire", WIRE, 0.7), report("b", "Northern Courier", OWN_WORDS, 0.6, day="2018-03-18")],
     round(0.88 * DISAGREEMENT_FACTOR, 4), 2),
    # a date that is only the publication date disagrees with nothing
    ([report("a", "Capital Wire", WIRE, 0.7),
      report("b", "Northern Courier", OWN_WORDS, 0.6, day="2018-03-18", date_source="publication")], 0.88, 2),
    # a month-precise date fits its month
    ([report("a", "Capital Wire", WIRE, 0.7),
      report("b", "Northern Courier", OWN_WORDS, 0.6, day="2018-03-01", precision="month")], 0.88, 2),
], ids=["copy, first best", "copy, second best", "independent", "copy and independent", "one without",
        "none with", "numbers disagree", "same number, another unit", "dates disagree", "publication date",
        "month"])
def test_aggregate_confidence(reports, confidence, independent):
    row = summarise("a1", 1, reports)
    assert row.confidence == confidence
    assert row.independent_sources == independent
    # the summary kept up to date report by report is the one computed at once, and the explanation agrees
    members = Members()
    for one in reports:
        members.add(one)
    assert members.confidence() == confidence
    assert corroboration(reports)["confidence"] == confidence


def test_the_explanation_names_copies_and_the_reports_counted():
    reports = [dataclasses.replace(one, number=number) for number, one in enumerate(
        [report("a", "Capital Wire", WIRE, 0.7), report("b", "Harbour Ledger", REPRINT, 0.6),
         report("c", "Northern Courier", OWN_WORDS, 0.5)], 1)]
    why = corroboration(reports)
    assert [(r["report"], r["copy_of"], r["counted"]) for r in why["reports"]] == [
        (1, None, True), (2, 1, False), (3, None, True)]
    assert [(s["outlets"], s["reports"], s["counted"], s["confidence"]) for s in why["sources"]] == [
        (["Capital Wire", "Harbour Ledger"], [1, 2], 1, 0.7), (["Northern Courier"], [3], 3, 0.5)]
    assert why["independent_sources"] == 2 and why["noisy_or"] == 0.85 and why["confidence"] == 0.85
    assert why["disagreements"] == []
