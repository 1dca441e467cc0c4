"""Headlines in title case or in capitals, read as a sentence is written.

News heads are often set in title case ("Canada Seizes Spanish Trawler in Turbot Row") or in capitals
("RWANDA SEVERS TIES WITH FRANCE"). The parser and the entity recogniser learnt English from running text,
where a capital marks a name: they read such a head as a string of names and find no verb in it. Before
parsing, ``SentenceCase`` gives the words of a head the case they would have in a sentence: names stay
capitalised (a knowledge-base name, a city of the gazetteer, an acronym, a word no English word list knows),
every other word is lowercased, and the first word is capitalised. Only the case changes, never the length
of a word, so every offset into the text stays valid; the records show the text as it was written
(docs/coding-decisions.md, "Wire copy").

A head is a line of at most ``MAX_TOKENS`` tokens that does not end as a sentence does, with at least
``MIN_WORDS`` words of four letters or more that are not stop words, and that are (nearly) all capitalised.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

from .actors.match import ActorMatcher

MAX_TOKENS = 30
MIN_WORDS = 3
CAPITALISED_SHARE = 0.8
LINE_CAPITALISED_SHARE = 0.5
_LINE = re.compile(r"[^\n]+")
# A head is no longer than this many characters (30 tokens of news words).
MAX_HEAD_CHARS = 300
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_FIRST_WORD = re.compile(r"(?:\d{1,2}[.)]\s*)?\W*([^\W\d_]{2,})")  # after a rubric's number: "3. WHITE HOUSE —"
# What ends the name of a rubric, the heading of a digest's or a liveblog's section ("WHITE HOUSE — Statement by
# the press secretary", "KREMLIN: Conference call with …")
RUBRIC_ENDS = frozenset({"—", "–", "-", ":"})
SEPARATORS = frozenset("|·•")
# Names of days, and of months next to a number ("6 August", "Aug. 6"), keep their capital: the dates of a
# head or a dateline are read from them ("May" and "March" alone may be a verb).
DAYS = frozenset(name.lower() for name in calendar.day_name)
MONTHS = frozenset(name.lower() for names in (calendar.month_name, calendar.month_abbr) for name in names if name)


class SentenceCase:
    """Re-cases the heads of tokenized documents of one pipeline (``__call__``)."""

    def __init__(self, nlp, matcher: ActorMatcher, is_city: Callable[[str], bool] = lambda name: False) -> None:
        """``is_city``: whether a name is a city's (the gazetteer's), which keeps its capital."""
        self.nlp = nlp
        self.matcher = matcher
        self.is_city = is_city
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.common = _common_words(nlp)

    def __call__(self, doc: Doc, text: str | None = None) -> Doc:
        """``doc`` with its heads in sentence case; ``doc`` itself when it has none.  ``text`` is the text
        ``doc`` was made from, when the caller has it (spaCy builds ``doc.text`` anew from every token)."""
        cased = {}
        text = doc.text if text is None else text
        heads = list(self._heads(doc, text))
        for start, end in heads:
            cased.update(self._sentence_cased(doc[start:end]))
        cased.update(self._leading_names(doc, text, {start for start, _end in heads}))
        if not cased:
            return doc
        # the words and spaces read off the arrays and the text, not from a Token object each
        rows = doc.to_array([IDX, LENGTH, SPACY]).tolist()
        words = [cased.get(i) or text[start:start + length] for i, (start, length, _space) in enumerate(rows)]
        return Doc(doc.vocab, words=words, spaces=[bool(space) for _start, _length, space in rows])

    def _heads(self, doc: Doc, text: str) -> Iterator[tuple[int, int]]:
        """Token ranges of the lines of ``doc`` (whose text is ``text``) that are heads."""
        for line in _LINE.finditer(text):
            if len(line.group()) > MAX_HEAD_CHARS or not _capitalised(_LONG_WORD.findall(line.group())):
                continue  # read off the text first: most lines are no heads, and spans cost more
            span = doc.char_span(line.start(), line.end(), alignment_mode="expand")
            if span is None:
                continue
            tokens = [t for t in span if not t.is_space]
            if tokens and len(tokens) <= MAX_TOKENS and self._is_head(tokens):
                yield tokens[0].i, tokens[-1].i + 1

    def _leading_names(self, doc: Doc, text: str, heads: set[int]) -> dict[int, str]:
        """Names in capitals that open a paragraph's sentence ("MALACAÑANG hit back …"), in the case the
        knowledge base writes them; a word in capitals that is no name there ("UPDATE", "EU") stays."""
        out = {}
        for line in _LINE.finditer(text):
            first = _FIRST_WORD.match(line.group())
            if first is None or not first.group(1).isupper():
                continue
            span = doc.char_span(line.start(), line.end(), alignment_mode="expand")
            if span is None or span.start in heads:
                continue
            run, numbered = [], False
            for token in span:
                if not run and (token.like_num or token.text in (".", ")")):
                    numbered = True  # the number of a rubric
                    continue
                if not (token.is_alpha and token.text.isupper() and len(token.text) > 1):
                    break
                run.append(token)
            after = run[-1].i + 1 if run else None
            rubric = after is not None and after < len(doc) and (
                doc[after].text == ":" or (numbered and doc[after].text in RUBRIC_ENDS))
            if not run or after >= len(doc) or not (doc[after].is_lower or rubric):
                continue  # a dateline ("MOSCOW, March 3 —", "ANKARA —") is read as one: only a name the sentence
                # goes on from, or the name of a numbered rubric ("3. WHITE HOUSE —") or of a label
            names = self._names(doc[run[0].i:run[-1].i + 1], shouting=True)
            out.update({i: text for i, text in names.items() if text != doc[i].text and len(text) == len(doc[i].text)})
        return out

    def _is_head(self, tokens) -> bool:
        if tokens[-1].text in {".", ":", ";", ","} or tokens[-1].text.endswith("…"):
            return False  # a sentence, or a lead-in ("Photo:")
        if any(t.text in SEPARATORS for t in tokens):
            return False  # a line of a page's furniture: "Published 6 August · Source: …", "Share | Email"
        words = [t.text for t in tokens if t.is_alpha and len(t.text) >= 4 and t.lower_ not in self.stop_words]
        if len(words) < MIN_WORDS:
            return False
        capitalised = sum(word[0].isupper() for word in words)
        return capitalised >= CAPITALISED_SHARE * len(words)

    def _sentence_cased(self, head) -> dict[int, str]:
        """The new text of each token of ``head`` whose case changes."""
        shouting = all(not t.is_alpha or t.text.isupper() for t in head if any(c.isalpha() for c in t.text))
        names = self._names(head, shouting)
        out = {}
        for position, token in enumerate(head):
            text = token.text
            if not any(c.isalpha() for c in text) or token.i in names:
                new = names.get(token.i, text)
            elif _calendar(token):
                new = text.capitalize() if shouting else text
            elif text.isupper() and not shouting and len(text) > 1:
                new = text  # an acronym in a title-case head: "U.S.", "EU", "NATO"
            elif self._common(token.lower_) and not self.is_city(text.capitalize()):
                new = text.lower()
            else:
                new = text.capitalize() if shouting else text  # a word no list knows: a name ("Houthi")
            if position == 0:
                new = new[:1].upper() + new[1:]
            if new != text and len(new) == len(text):
                out[token.i] = new
        return out

    def _names(self, head, shouting: bool) -> dict[int, str]:
        """Tokens of ``head`` inside a knowledge-base name, with the case of that name; a name that is also a
        stop word ("May", "Will") is read as the word."""
        forms = [[t.text for t in head]]
        if shouting:
            forms.append([t.text.capitalize() for t in head])  # "RWANDA" as "Rwanda"
        names: dict[int, str] = {}
        for words in forms:
            probe = Doc(self.nlp.vocab, words=words)
            for match in self.matcher.raw(probe):
                if any(term.case_sensitive for term in match.terms) and not (
                        match.end - match.start == 1 and words[match.start].lower() in self.stop_words):
                    for offset in range(match.start, match.end):
                        names.setdefault(head[offset].i, words[offset])
        return names

    def _common(self, word: str) -> bool:
        """Whether ``word`` is an English word other than a name: a stop word, or a form of a word of the
        lemmatizer's word lists."""
        if word in self.stop_words or word in self.common:
            return True
        return any(word.endswith(ending) and word[: len(word) - len(ending)] + replacement in self.common
                   for ending, replacement in _ENDINGS)


def _capitalised(words: list[str]) -> bool:
    """Whether a line's long words may be a head's: enough of them, and most capitalised (stop words, which
    a head leaves in lower case, are among them here, so the share asked is lower than ``_is_head``'s)."""
    capitals = sum(word[0].isupper() for word in words)
    return capitals >= MIN_WORDS and capitals >= LINE_CAPITALISED_SHARE * len(words)


def _calendar(token) -> bool:
    word = token.lower_.rstrip(".")
    if word in DAYS:
        return True
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return word in MONTHS and any(t.like_num for t in neighbours)


# Inflections taken off a word to find it in the word lists: "ties" → "tie", "seizes" → "seize", "hits" → "hit".
_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
            ("ing", "e"), ("'s", ""), ("’s", ""), ("ly", ""))


def _common_words(nlp) -> frozenset[str]:
    """The words of the lemmatizer's lists of nouns, verbs, adjectives and adverbs, and its irregular forms.
    Those lists know a few names ("france"): names are looked up in the knowledge base first."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    words: set[str] = set()
    if lookups.has_table("lemma_index"):
        for listed in lookups.get_table("lemma_index").values():
            words.update(listed)
    if lookups.has_table("lemma_exc"):
        for forms in lookups.get_table("lemma_exc").values():  # part of speech → {form: lemmas}
            words.update(forms)
    return frozenset(word for word in words if "_" not in word)
