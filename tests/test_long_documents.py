"""Long documents: parsed in pieces cut at paragraph breaks (detente/nlp.py ``parse``), coded at a cost that
grows linearly with their length (docs/scale.md)."""

from __future__ import annotations

import functools
import sys
from datetime import date
from pathlib import Path

import pytest

import detente.coder as coder_module
from detente.coder import Coder, time_budget
from detente.nlp import parse, pieces
from detente.records import Document
from detente.spans import INDEX

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from length import long_text  # noqa: E402


@pytest.fixture(scope="module")
def coder():
    return Coder()


@pytest.fixture(scope="module")
def text():
    return long_text(24_000)


def test_pieces_put_together_are_the_text_and_cut_before_a_new_paragraph(text):
    parts = pieces(text, 5_000)
    assert "".join(parts) == text
    assert len(parts) >= 4
    assert all(len(part) <= 5_000 for part in parts)
    for part in parts[1:]:
        assert part[0].isupper()
    for part in parts[:-1]:
        assert part.rstrip()[-1] in '.!?…"”’\')]' and part.endswith("\n")


def test_a_text_without_a_paragraph_break_stays_whole():
    text = "Russia expelled 23 diplomats. " * 1_000
    assert pieces(text, 5_000) == [text]
    assert pieces("short", 5_000) == ["short"]


def test_a_long_document_parsed_in_pieces_has_the_tokens_sentences_and_index_of_one(coder, text):
    nlp = coder.resources.nlp
    [whole] = parse(nlp, [nlp.make_doc(text)], piece_chars=10 ** 9)
    [joined] = parse(nlp, [nlp.make_doc(text)], piece_chars=5_000)
    assert joined.text == text
    assert [t.text for t in joined] == [t.text for t in whole]
    assert INDEX in joined.user_hooks
    assert [s.start for s in joined.sents] == [s.start for s in whole.sents]


def test_events_of_a_long_document_in_pieces_are_those_of_one_parse(coder, text, monkeypatch):
    document = Document(id="long", text=text, date=date(2021, 4, 20))
    monkeypatch.setattr(coder_module, "parse", functools.partial(parse, piece_chars=5_000))
    in_pieces = coder.code(document)
    monkeypatch.setattr(coder_module, "parse", functools.partial(parse, piece_chars=10 ** 9))
    whole = coder.code(document)
    assert len(whole) > 50
    assert in_pieces == whole


def test_the_time_budget_grows_with_the_length():
    short, long = Document(id="a", text="x" * 1_000), Document(id="b", text="x" * 1_000_000)
    assert time_budget(60, short) == 60
    assert time_budget(60, long) == 600
    assert time_budget(0, long) == 0
