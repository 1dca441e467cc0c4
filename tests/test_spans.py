"""The sentence and entity index (detente/spans.py) gives spaCy's own answers, and the coder's events on every
development set are the same with it as with spaCy's walks of the document (docs/scale.md)."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from pathlib import Path

import pytest

from detente.coder import STAGES, Coder, Work, run_stages
from detente.ingest import read_inputs
from detente.records import Document
from detente.spans import INDEX, SpanIndex, entities, index_spans, remove_index

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _seeds() -> list[Document]:
    """The seed articles with the publication dates of their gold, read as tests/accuracy.py codes them."""
    gold = SHARED / "eval" / "seeds-dev.gold.jsonl"
    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "seeds.jsonl"
        with inputs.open("w", encoding="utf-8") as out:
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    text = (SHARED / "corpus" / "seeds" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
                    out.write(json.dumps({"id": record["doc_id"], "date": record["pub_date"], "text": text}) + "\n")
        return _read(inputs)


def _read(path: Path) -> list[Document]:
    return [d for d in read_inputs([str(path)]) if isinstance(d, Document)]


DEVELOPMENT_SETS = {
    "seeds": _seeds,
    "examples": lambda: _read(ROOT / "examples" / "articles"),
    "second-set": lambda: _read(ROOT / "examples" / "second-set" / "articles.jsonl"),
    "sentences": lambda: _read(ROOT / "examples" / "sentences" / "input.jsonl"),
    "plover-gsr": lambda: _read(SHARED / "eval" / "plover-gsr" / "plover_gsr.input.jsonl"),
}


@pytest.fixture(scope="module")
def coder():
    return Coder()


@pytest.fixture(scope="module")
def parsed(coder):
    """The documents of the examples and second set, parsed by the coder's pipeline (with the index)."""
    documents = DEVELOPMENT_SETS["examples"]() + DEVELOPMENT_SETS["second-set"]()
    return list(coder.resources.nlp.pipe(d.text for d in documents))


def test_the_pipeline_indexes_every_parsed_document(parsed):
    assert all(isinstance(doc.user_hooks.get(INDEX), SpanIndex) for doc in parsed)


def test_sentences_and_entities_are_spacys(parsed):
    """Every token's and entity's sentence, every sentence's entities and ``Span.sents`` of assorted spans,
    with the index and with spaCy's walks."""
    for doc in parsed:
        indexed = _answers(doc)
        remove_index(doc)
        assert "sents" not in doc.user_hooks
        try:
            assert _answers(doc) == indexed
        finally:
            index_spans(doc)


def _answers(doc) -> tuple:
    sentences = [(s.start, s.end) for s in doc.sents]
    of_tokens = [(t.sent.start, t.sent.end) for t in doc]
    of_entities = [(e.sent.start, e.sent.end) for e in doc.ents]
    in_sentences = [[(e.start, e.end, e.label_) for e in entities(s)] for s in doc.sents]
    spans = [doc[i:j] for i in range(0, len(doc), 7) for j in (i, i + 1, i + 25, i + 90) if j <= len(doc)]
    of_spans = [[(s.start, s.end) for s in span.sents] for span in spans]
    in_spans = [[(e.start, e.end) for e in entities(span)] for span in spans]
    return sentences, of_tokens, of_entities, in_sentences, of_spans, in_spans


def test_a_span_made_into_its_own_document_gets_its_own_sentences(parsed):
    doc = parsed[0]
    sent = list(doc.sents)[2]
    piece = doc[sent.start - 3:sent.end].as_doc()  # spaCy hands the hooks on to the new document
    assert [t.sent.text for t in piece][-1] == sent.text
    assert [s.text for s in piece.sents][-1] == sent.text


@pytest.mark.parametrize("name", DEVELOPMENT_SETS)
def test_the_events_of_a_development_set_are_those_of_spacys_walks(coder, name):
    """Each document is parsed once, then coded twice: with spaCy's own sentence and entity walks (the index
    removed) and with the index.  Sentences, events and claims must be the same."""
    documents = DEVELOPMENT_SETS[name]()
    assert documents
    nlp = coder.resources.nlp
    events = 0
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        remove_index(doc)
        walked = _coded(coder, document, doc)
        index_spans(doc)
        indexed = _coded(coder, document, doc)
        assert indexed == walked, document.id
        events += len(indexed[1])
    assert events > 0


def _coded(coder: Coder, document: Document, doc) -> tuple:
    work = Work(document=document, parsed=doc)
    run_stages(coder, work, STAGES[1:])
    return (tuple(work.sentences), tuple(dataclasses.astuple(e) for e in work.events),
            tuple(dataclasses.astuple(c) for c in work.claims))
