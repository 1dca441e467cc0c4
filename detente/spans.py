"""Sentences and entities of a parsed document, found in logarithmic time instead of a walk of the document.

spaCy finds ``span.ents`` by building every entity of the document, and
``doc.sents`` by walking every token, on each call.  The coder asks once
per event and per sentence ("the dates of this sentence", "the places of this
sentence", "the sentence before"), so on a long document those walks made the
coder's cost grow with the square of its length (docs/scale.md).

``index_spans`` reads the sentences and entities once, when the pipeline has
finished, and gives them to spaCy's own hooks (``Doc.user_hooks["sents"]``,
``Span.sent``, ``Span.sents``, ``Token.sent``), so every caller of those
attributes gets the same spans as before, found by bisection.  spaCy has no
hook for ``Span.ents``: ``entities`` is the function to call instead.  A
document without the index (made by another pipeline, or by hand in a test)
falls back on spaCy's own attributes, with the same results.

The index describes the document as it was when it was built: it is built by
the last component of the pipeline (``detente_span_index``), and nothing
after it changes sentence boundaries or entities.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# The key of the index among the document's user hooks (spaCy reads only the hook names it knows).
INDEX = "detente_spans"


class SpanIndex:
    """The sentences and entities of one document, with their start positions for bisection."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sentences: tuple[Span, ...] = tuple(doc.sents)
        self.sentence_starts = [s.start for s in self.sentences]
        self.entities: tuple[Span, ...] = doc.ents
        self.entity_starts = [e.start for e in self.entities]

    def sentence_at(self, i: int) -> Span:
        """The sentence holding token ``i``."""
        return self.sentences[max(bisect_right(self.sentence_starts, i) - 1, 0)]

    def sentences_of(self, span: Span) -> Iterator[Span]:
        """The sentences a span is part of (``Span.sents``)."""
        first = max(bisect_right(self.sentence_starts, span.start) - 1, 0)
        for sentence in self.sentences[first:]:
            if sentence.end <= span.start:
                continue
            if sentence.start < span.end or sentence.start == span.start == span.end:
                yield sentence
            else:
                break

    def entities_in(self, start: int, end: int) -> list[Span]:
        """The entities wholly inside tokens ``start``..``end``, in order (``Span.ents``)."""
        out = []
        for i in range(bisect_left(self.entity_starts, start), len(self.entities)):
            entity = self.entities[i]
            if entity.end > end:
                break
            out.append(entity)
        return out

    # -- spaCy's hooks: an object of another document (``Span.as_doc`` copies the hooks) gets spaCy's answer

    def doc_sents(self, doc: Doc) -> Iterator[Span]:
        if doc is self.doc:
            return iter(self.sentences)
        return _walked_sentences(doc)

    def token_sent(self, token: Token) -> Span:
        if token.doc is self.doc:
            return self.sentence_at(token.i)
        return _walked_sentence(token.doc, token.i)

    def span_sent(self, span: Span) -> Span:
        if span.doc is self.doc:
            return self.sentence_at(span.start)
        return _walked_sentence(span.doc, span.start)

    def span_sents(self, span: Span) -> Iterator[Span]:
        if span.doc is self.doc:
            return self.sentences_of(span)
        return (s for s in _walked_sentences(span.doc) if s.end > span.start
                and (s.start < span.end or s.start == span.start == span.end))


def index_spans(doc: Doc) -> Doc:
    """Index the sentences and entities of a parsed document and hand them to spaCy's hooks."""
    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return doc  # no sentence boundaries to index: spaCy says so where they are asked for
    index = SpanIndex(doc)
    doc.user_hooks[INDEX] = index
    doc.user_hooks["sents"] = index.doc_sents
    doc.user_span_hooks["sent"] = index.span_sent
    doc.user_span_hooks["sents"] = index.span_sents
    doc.user_token_hooks["sent"] = index.token_sent
    return doc


def remove_index(doc: Doc) -> Doc:
    """The document as spaCy leaves it: no index, no hooks (for comparing with spaCy's own answers)."""
    if isinstance(doc.user_hooks.get(INDEX), SpanIndex):
        del doc.user_hooks[INDEX]
        del doc.user_hooks["sents"]
        del doc.user_span_hooks["sent"]
        del doc.user_span_hooks["sents"]
        del doc.user_token_hooks["sent"]
    return doc


def entities(span: Span) -> list[Span]:
    """``span.ents``: the entities wholly inside the span, through the document's index when it has one."""
    index = span.doc.user_hooks.get(INDEX)
    if isinstance(index, SpanIndex) and index.doc is span.doc:
        return index.entities_in(span.start, span.end)
    return list(span.ents)


def _walked_sentence(doc: Doc, i: int) -> Span:
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end]


def _walked_sentences(doc: Doc) -> Iterator[Span]:
    start = 0
    for i in range(1, len(doc)):
        if doc[i].is_sent_start:
            yield doc[start:i]
            start = i
    if start < len(doc):
        yield doc[start:len(doc)]


@Language.component("detente_span_index")
def span_index(doc: Doc) -> Doc:
    """The last component: index sentences and entities for the coder's stages (detente/spans.py)."""
    return index_spans(doc)
