"""The search of response cues: tried only where a cue starts, it finds what each cue's pattern finds
everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.events.lexicon import load_lexicon
from detente.reciprocity.claims import _cue_patterns, _cue_starts, matches_at

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

# Cues inside cues, at the ends of the text, in capitals, hyphenated, glued to other words.
MADE_UP = [
    "In retaliation for the expulsions, Moscow expelled 23 diplomats in retaliation.",
    "a tit-for-tat move, TIT FOR TAT, tit - for - tat and tit-for-tatting",
    "retaliation for",
    "Ankara answered in kind, in response to Berlin's response to the move in response",
    "non-retaliation for the attack; retaliationfor; -in retaliation for- ",
    "",
]


def texts() -> list[str]:
    paragraphs = [p for path in sorted(EXAMPLES.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n")]
    return MADE_UP + [p for p in paragraphs if p.strip()]


@pytest.mark.parametrize("text", texts())
def test_cues_tried_at_their_starts_are_those_found_everywhere(text: str) -> None:
    cues = load_lexicon().cues
    starts = [found.start() for found in _cue_starts(cues).finditer(text)]
    for pattern, _kind in _cue_patterns(cues):
        assert [m.span() for m in matches_at(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]


def test_the_made_up_texts_hold_a_cue_inside_another() -> None:
    """What the test above must get right: a cue that starts inside another ("in *retaliation for*")."""
    cues = load_lexicon().cues
    found = {m.span() for pattern, _kind in _cue_patterns(cues) for m in pattern.finditer(MADE_UP[0])}
    assert any(a < c < b for a, b in found for c, _d in found)
