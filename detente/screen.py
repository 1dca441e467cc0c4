"""The fast path: documents that cannot hold an event skip the parse.

spaCy's tagger, parser and entity recogniser take most of the time of
coding (benchmarks/throughput.py).  Before any of them runs, the screen
looks at the tokens alone and lets through only documents that can hold an
event, which needs both:

* an actor: a knowledge-base term that names someone on its own (a state,
  capital, seat, institution, person, organisation, title …).  Generic nouns
  ("officials", "police") and pronouns name someone only through such a
  term elsewhere in the document, so a document without one has no actor
  for any event;
* a trigger: a word whose lemma — under any part of speech the lemmatizer
  could give it — is a verb, noun or adjective of the lexicon, or a modal
  of obligation (the demand pattern "X must …").

Both tests over-accept (the lemma candidates come from every rule and
exception of spaCy's English lemmatizer, for every part of speech, and
ambiguous names count), so a document the screen refuses gives no event
under full processing either; ``tests/test_screen.py`` checks that on the
bundled examples, the seed articles and off-topic texts.  A refused
document is stored with no sentences and no events.

The screen works per document, not per sentence: a sentence without a
trigger still tells the resolver who "he" and "the ministry" are, so it
needs its parse whenever the document is coded.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .actors.knowledge import GENERIC
from .actors.match import ActorMatcher
from .events.lexicon import Lexicon

# Parts of speech whose lemmatizer rules can turn a trigger's form into its lemma.
LEMMA_POS = ("verb", "noun", "adj")
SEEN_WORDS = 200_000


class Screen:
    """Tells, from the tokens alone, whether a document can hold an event."""

    def __init__(self, nlp, matcher: ActorMatcher, lexicon: Lexicon) -> None:
        self.matcher = matcher
        self.triggers = frozenset(lexicon.verbs) | frozenset(lexicon.nouns) | frozenset(lexicon.adjectives) \
            | lexicon.word_list("obligation_auxiliaries") | lexicon.word_list("obligation_verbs")
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        self.exceptions = {pos: lookups.get_table("lemma_exc").get(pos, {}) for pos in LEMMA_POS} if lookups else {}
        self.rules = {pos: lookups.get_table("lemma_rules").get(pos, []) for pos in LEMMA_POS} if lookups else {}
        self._seen: dict[str, bool] = {}  # word → verdict, up to SEEN_WORDS words (memory stays flat)

    def may_hold_events(self, doc: Doc) -> bool:
        """Whether the tokenized (not yet parsed) document names an actor and has a trigger word."""
        return self._has_trigger(doc) and self._has_actor(doc)

    def _has_actor(self, doc: Doc) -> bool:
        return any(term.kind != GENERIC for match in self.matcher.raw(doc) for term in match.terms)

    def _has_trigger(self, doc: Doc) -> bool:
        return any(self._is_trigger(token.lower_) for token in doc if not token.is_space and not token.is_punct)

    def _is_trigger(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            known = not self.triggers.isdisjoint(self.lemma_candidates(word))
            if len(self._seen) < SEEN_WORDS:
                self._seen[word] = known
        return known

    def lemma_candidates(self, word: str) -> set[str]:
        """Every lemma the rule lemmatizer could give ``word``: itself, its exceptions, its suffix rules."""
        out = {word}
        for pos in LEMMA_POS:
            out.update(self.exceptions.get(pos, {}).get(word, ()))
            for old, new in self.rules.get(pos, ()):
                if word.endswith(old) and len(word) > len(old):
                    out.add(word[: len(word) - len(old)] + new)
        return out
