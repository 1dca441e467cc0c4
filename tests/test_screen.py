"""The fast path: documents that cannot hold an event skip the parse, and nothing else changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.coder import Coder
from detente.ingest import read_inputs
from detente.records import Document
from detente.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples" / "articles"
OFF_TOPIC = Path(__file__).resolve().parent / "fixtures" / "off_topic"
SEEDS = SHARED / "corpus" / "seeds"
SENTENCES = SHARED / "eval" / "plover-gsr" / "plover_gsr.input.jsonl"


def documents(*paths: Path) -> list[Document]:
    return [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]


@pytest.fixture(scope="module")
def full():
    return Coder(Settings(fast_path=False))


@pytest.fixture(scope="module")
def fast():
    return Coder(Settings(fast_path=True))


def coded(coder: Coder, docs: list[Document]) -> list[dict]:
    return [event.to_dict() for events in coder.code_all(docs) for event in events]


def test_the_fast_path_gives_the_events_of_full_processing_on_the_examples_and_off_topic_texts(full, fast):
    docs = documents(EXAMPLES, OFF_TOPIC)
    events = coded(full, docs)
    assert events and coded(fast, docs) == events


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed articles are not present")
def test_the_fast_path_gives_the_events_of_full_processing_on_the_seed_articles_and_sentence_set(full, fast):
    docs = documents(SEEDS, SENTENCES)
    refused = [d.id for d in docs if not fast.screen.may_hold_events(fast.resources.nlp.make_doc(d.text))]
    assert refused  # some sentences of the set name no actor: the test covers refusals, not only passes
    assert coded(fast, docs) == coded(full, docs)


def test_texts_that_name_no_actor_are_not_parsed(fast):
    docs = documents(OFF_TOPIC)
    works = list(fast.work_all(docs))
    skipped = [w.document.id for w in works if w.parsed is None]
    assert "02_sourdough" in skipped and "01_frost-warning" in skipped
    assert all(w.sentences == [] and w.events == [] and w.claims == [] for w in works if w.parsed is None)
    assert "07_cup-final" not in skipped  # states are named: it is parsed (and gives no event)


def test_full_processing_parses_everything():
    coder = Coder(Settings(fast_path=False))
    works = list(coder.work_all(documents(OFF_TOPIC)))
    assert all(w.parsed is not None and w.sentences for w in works)


def test_every_lemma_the_pipeline_gives_a_trigger_is_among_the_screens_candidates(full, fast):
    """The screen's claim: whatever lemma the tagger and lemmatizer choose, the screen considered it."""
    lexicon = full.resources.lexicon
    checked = 0
    for work in full.work_all(documents(EXAMPLES)):
        for token in work.parsed:
            lemma = token.lemma_.lower()
            pos = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}.get(token.pos_)
            if pos and lexicon.patterns(lemma, pos):
                checked += 1
                assert lemma in fast.screen.lemma_candidates(token.lower_), token.text
    assert checked > 500


@pytest.mark.parametrize("form, lemma", [("expelled", "expel"), ("met", "meet"), ("sanctions", "sanction"),
                                         ("imposing", "impose"), ("fought", "fight"), ("accused", "accuse")])
def test_lemma_candidates_cover_regular_and_irregular_forms(fast, form, lemma):
    assert lemma in fast.screen.lemma_candidates(form)


def test_an_ambiguous_name_is_enough_to_be_parsed(fast):
    """ "May" may be a person's name: the screen cannot tell without the entity recogniser, so it parses."""
    doc = fast.resources.nlp.make_doc("In May the club met and urged members to weigh their hives.")
    assert fast.screen.may_hold_events(doc)
