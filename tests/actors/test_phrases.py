"""``PhraseIndex`` finds what spaCy's ``PhraseMatcher`` finds, in the same order, for the knowledge base's terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from detente.actors.knowledge import load_knowledge
from detente.actors.match import ActorMatcher, term_words
from detente.actors.phrases import PhraseIndex
from detente.ingest import read_inputs
from detente.nlp import load_model
from detente.records import Document
from detente.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    return load_model(Settings().model)


@pytest.fixture(scope="module")
def texts():
    documents = [d for d in read_inputs([str(ROOT / "examples" / "articles"),
                                         str(ROOT / "examples" / "second-set" / "articles.jsonl")])
                 if isinstance(d, Document)]
    return [d.text for d in documents] + ["", "UNITED STATES", "the united states of america and the U.S."]


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
def test_the_matches_are_spacys(nlp, texts, attr):
    kb = load_knowledge()
    folded = attr == "LOWER"
    patterns = sorted({t.text.lower() if folded else t.text for t in kb.terms if t.case_sensitive != folded})
    words = term_words(kb, nlp)
    spacy_matcher, index = PhraseMatcher(nlp.vocab, attr=attr), PhraseIndex(nlp.vocab, attr=attr)
    for text in patterns:
        key = ("~" if folded else "=") + text
        spacy_matcher.add(key, [nlp.make_doc(text)])
        index.add(key, words[text])
    found = 0
    for doc in [nlp.make_doc(t) for t in texts]:
        expected = spacy_matcher(doc)
        assert index(doc) == expected
        found += len(expected)
    assert found > 100


def test_the_actor_matcher_builds_from_words_or_from_the_tokenizer(nlp, texts):
    kb = load_knowledge()
    given, tokenized = ActorMatcher(kb, nlp, term_words(kb, nlp)), ActorMatcher(kb, nlp)
    for doc in nlp.pipe(texts[:5]):
        assert given(doc) == tokenized(doc)


def test_only_orth_and_lower(nlp):
    with pytest.raises(ValueError, match="ORTH or LOWER"):
        PhraseIndex(nlp.vocab, attr="LEMMA")
