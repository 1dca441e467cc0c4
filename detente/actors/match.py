"""Finding the knowledge base's terms in a parsed document.

``ActorMatcher`` compiles every term of the knowledge base into two phrase
indexes (``PhraseIndex``, what spaCy's ``PhraseMatcher`` finds: proper names by
exact spelling, generic nouns and titles in any case) and returns, for a document, the longest
non-overlapping matches.  Ambiguous names ("Jordan", "Chad", "the
Alliance") count only where spaCy's named entities agree.  Longer names of
something else ("New Jersey", the word list ``other_names``) hide the names
inside them.
"""

from __future__ import annotations

import re

from collections import defaultdict
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .knowledge import ADJECTIVE, CAPITAL, GENERIC, GROUP, ORGANISATION, PERSON, STATE, TITLE, KnowledgeBase, Term
from .phrases import PhraseIndex

# Named-entity labels that confirm an ambiguous term of each kind.
CONFIRMING_LABELS = {
    PERSON: {"PERSON"},
    ADJECTIVE: {"NORP", "GPE"},
    ORGANISATION: {"ORG", "GPE", "NORP"},
    GROUP: {"ORG", "NORP"},
    # the small model calls a state it knows less well a work of art or an event ("sanctions on Niger"); a
    # person's name ("Chad", "Jordan") is what the label must rule out
    STATE: {"GPE", "LOC", "ORG", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"},
}
PLACE_LABELS = {"GPE", "LOC", "ORG", "FAC", "NORP"}
# Named-entity labels of a word before an ambiguous common noun that make it an actor ("Serb forces").
OWNER_LABELS = {"NORP", "GPE"}
# Kinds of knowledge-base terms that own such a noun wherever they are found ("the generals *in Niamey*").
OWNER_KINDS = {STATE, CAPITAL, ADJECTIVE}


@dataclass(frozen=True)
class Match:
    """A run of tokens naming one knowledge-base term (or several readings of it)."""

    start: int
    end: int
    terms: tuple[Term, ...]

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


class ActorMatcher:
    """Finds knowledge-base terms in documents made by one spaCy pipeline."""

    def __init__(self, kb: KnowledgeBase, nlp, words: dict[str, tuple[str, ...]] | None = None) -> None:
        """``words``: the tokens of each term's text, from ``term_words`` (the start-up cache keeps them)."""
        self.kb = kb
        # Words before a surname inside a person's name that are not given names: "Mr", "President" …
        self.titles = kb.words["courtesy_titles"] | {word for term in kb.terms if term.kind == TITLE
                                                     for word in term.text.lower().split()}
        self.exact = PhraseIndex(nlp.vocab, attr="ORTH")
        self.folded = PhraseIndex(nlp.vocab, attr="LOWER")
        by_text: dict[tuple[bool, str], list[Term]] = defaultdict(list)
        for term in kb.terms:
            by_text[(term.case_sensitive, term.text if term.case_sensitive else term.text.lower())].append(term)
        self.readings: dict[str, tuple[Term, ...]] = {}
        exact_patterns, folded_patterns = [], []
        for (case_sensitive, text), terms in by_text.items():
            key = ("=" if case_sensitive else "~") + text
            self.readings[key] = tuple(terms)
            (exact_patterns if case_sensitive else folded_patterns).append((key, text))
        if words is None:
            words = term_words(kb, nlp)
        for matcher, patterns in ((self.exact, exact_patterns), (self.folded, folded_patterns)):
            for key, text in patterns:
                matcher.add(key, words[text])
                if "'" in text:  # as typeset: "People’s", "Côte d’Ivoire"
                    matcher.add(key, tuple(word.replace("'", "’") for word in words[text]))
        self.other_names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.other_names.add("other_names", [nlp.make_doc(name) for name in sorted(kb.words["other_names"])])
        self.vocab = nlp.vocab
        self._others: dict[str, set[str]] = {}  # the document's surnames and the other names with them
        self._name_words: dict[str, set[str]] = {}  # the words of each known person's names ("Sergei", "Sergey")
        for term in kb.terms:
            if term.kind == PERSON:
                self._name_words.setdefault(term.id, set()).update(re.split(r"[\s\-]+", term.text))

    def __call__(self, doc: Doc) -> list[Match]:
        """Longest non-overlapping matches, leftmost first.

        An ambiguous name that its entity label confirms once in the document
        is taken in its other mentions too, unless they are part of a longer
        name ("sanctions on Niger" where the model, unsure, calls Niger a
        person, in an article that says "the junta in Niger" elsewhere).

        A longer name of something else (``other_names``) hides the names
        inside it: "Jersey" in "New Jersey" neither counts nor confirms."""
        found = []
        confirmed: set[Term] = set()
        doubtful: list[tuple[int, int, str]] = []
        self._others = _other_bearers(doc, self.titles)
        hidden = [Match(start, end, ()) for _, start, end in self.other_names(doc)]
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                if any(h.start <= start and end <= h.end for h in hidden):
                    continue
                key, span = self.vocab.strings[match_id], doc[start:end]
                terms = tuple(t for t in self.readings[key] if self._plausible(t, span))
                if terms:
                    found.append(Match(start, end, terms))
                    confirmed.update(t for t in terms if t.ambiguous)
                else:
                    doubtful.append((start, end, key))
        # tokens of the states, capitals and nationalities found: owners of an ambiguous common noun even
        # where the model gives them no place label ("the generals in Niamey", Niamey tagged ORG)
        places = {i for m in found if any(t.kind in OWNER_KINDS for t in m.terms) for i in range(m.start, m.end)}
        # states the document names beyond doubt, by their capital, nationality or a name of no other reading:
        # "Chad" (a first name to the model) is the state in an article that says "N'Djamena" or "Chadian", and
        # "Greeks" (an ethnic group too) its people in one that says "Athens"
        states = {t.country for m in found for t in m.terms if not t.ambiguous and t.kind in OWNER_KINDS}
        # and the words that name a state beyond doubt: "Mali, *Niger* and Burkina Faso" lists states
        state_words = {m.end - 1 for m in found if any(t.kind == STATE and not t.ambiguous for t in m.terms)}
        for start, end, key in doubtful:
            span = doc[start:end]
            listed = any(c.i in state_words for c in span[-1].conjuncts)
            terms = tuple(t for t in self.readings[key] if (t in confirmed and _whole_entity(span))
                          or (t.kind == STATE and (t.country in states or listed) and _whole_entity(span))
                          or (t.kind == ADJECTIVE and t.country in states and _whole_entity(span))
                          or (t.kind == GENERIC and _named_owner(span, places)))
            if terms:
                found.append(Match(start, end, terms))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[Match] = []
        taken: set[int] = set()
        for match in sorted(hidden + found, key=lambda m: (-(m.end - m.start), m.start)):
            if taken.isdisjoint(range(match.start, match.end)):
                chosen.append(match)
                taken.update(range(match.start, match.end))
        # a word of two states ("Congolese") is of the one the document names beyond doubt, if it names one
        # ("Republic of Congo" inside "Democratic Republic of Congo" names neither)
        named = {t.country for m in chosen for t in m.terms if not t.ambiguous and t.kind in OWNER_KINDS}
        return sorted((_of_named_state(m, named) for m in chosen if m.terms), key=lambda m: m.start)

    def raw(self, doc: Doc) -> list[Match]:
        """Every match with every reading, plausible or not: what a document could name, read off its
        tokens alone (the fast path's screen runs before the entity recogniser)."""
        return [Match(start, end, self.readings[self.vocab.strings[match_id]])
                for matcher in (self.exact, self.folded) for match_id, start, end in matcher(doc)]

    def _plausible(self, term: Term, span: Span) -> bool:
        if term.kind == PERSON and self._inside_other_name(term, span):
            return False
        if not term.ambiguous:
            return True
        if _named_further(span, self.kb.words["naming_prepositions"]):
            return False  # "the *Union* of Poles in Belarus": a word of another name
        labels = {t.ent_type_ for t in span} - {""}
        if term.kind == GENERIC and _named_owner(span):
            return True  # "Serb *forces*", "Iraq's *extremists*": a nationality makes the common noun an actor
        if term.kind == GENERIC and term.sector == "CVL" and _counted(span, self.kb.words["counting_nouns"]):
            return True  # "thousands of *people*", "several hundred *people*": a crowd
        return bool(labels & CONFIRMING_LABELS.get(term.kind, PLACE_LABELS))

    def _inside_other_name(self, term: Term, span: Span) -> bool:
        """ "Levy Mwanawasa" is not David Levy: a short name of a known person followed by more of a
        person's name belongs to someone else.  So does a surname the knowledge base marks as shared
        (``ambiguous``) after a given name that is not the known person's: "Lars Løkke Rasmussen" is not
        Anders Fogh Rasmussen.  A name in brackets after a name abbreviates that name."""
        person = self.kb.persons.get(term.id)
        if person is None or span.text == person.name:
            return False
        if len(span) == 1 and self._others.get(span.text, set()) - self._name_words.get(person.id, set()):
            return True  # "Kang" in an article about "Kang Chol" is not the known Kang
        doc = span.doc
        if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")":
            return True  # "the Montenegro Municipality Association (AKK)": an abbreviation, not a person
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.ent_type_ == "PERSON" \
                and after.ent_iob_ == "I" and after.text[:1].isupper() \
                and after.text not in self._name_words.get(person.id, ()):
            return True  # (but "*Hu* Jintao" is Hu Jintao: a family name told first)
        before = doc[span.start - 1] if span.start > 0 else None
        return (term.ambiguous and before is not None and span[0].ent_iob_ == "I" and before.ent_type_ == "PERSON"
                and before.pos_ == "PROPN" and before.is_alpha and before.text[:1].isupper()
                and before.lower_ not in self.titles and before.text not in person.name.split())


def _of_named_state(match: Match, states: set[str]) -> Match:
    """A match whose readings are of several states, kept to those of the states the document names beyond
    doubt: "the *Congolese* government" in a story of "the Democratic Republic of Congo"."""
    named = tuple(t for t in match.terms if t.country in states)
    if not named or len({t.country for t in match.terms}) < 2 or len(named) == len(match.terms) \
            or any(t.kind not in OWNER_KINDS for t in match.terms):
        return match
    return Match(match.start, match.end, named)


def _named_further(span: Span, naming: frozenset[str]) -> bool:
    """Whether a capitalised name goes on after ``span`` with "of" or "for" ("the Union *of Poles*", "the
    Commission *for Economic Relations* with Foreign Countries")."""
    doc = span.doc
    after = doc[span.end:span.end + 3]
    if len(after) < 2 or after[0].lower_ not in naming or not span[-1].text[:1].isupper():
        return False
    name = after[2] if after[1].lower_ == "the" and len(after) > 2 else after[1]
    return name.pos_ == "PROPN" and name.text[:1].isupper()


def term_words(kb: KnowledgeBase, nlp) -> dict[str, tuple[str, ...]]:
    """The tokens of every term's text as the matcher looks for it (as written, or lowercased), by the
    pipeline's tokenizer."""
    texts = {term.text if term.case_sensitive else term.text.lower() for term in kb.terms}
    return {text: tuple(token.text for token in nlp.make_doc(text)) for text in sorted(texts)}


def _other_bearers(doc: Doc, titles: frozenset[str]) -> dict[str, set[str]]:
    """The given names the document puts before each surname in the names of people it tells of ("Kang Chol" →
    {"Kang": {"Chol"}} as well, since East Asian names put the family name first)."""
    bearers: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = [t.text for t in ent if t.is_alpha and t.lower_ not in titles]
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            bearers.setdefault(word, set()).update(w for w in words if w != word)
    return bearers


def _whole_entity(span: Span) -> bool:
    """Whether the span has no entity label, or is a whole entity (not "Chad" of "Chad Smith")."""
    if not any(t.ent_type_ for t in span):
        return True
    doc = span.doc
    return span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")


def _counted(span: Span, counting: frozenset[str]) -> bool:
    """Whether the phrase is a crowd counted roughly, that acts: "thousands of people rallied", "tens of
    thousands of people", "several hundred people" (not "755 people would have to leave", nor the victims in
    "killing hundreds of people")."""
    head = span.root
    counted = any(c.dep_ == "nummod" and c.lemma_.lower() in counting for c in head.children)  # "several hundred"
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in counting:
        head, counted = head.head.head, True
    return counted and head.dep_ == "nsubj"


# Prepositions after an ambiguous common noun whose state makes it an actor ("security forces *in* Guinea").
OWNER_PREPS = {"in", "of", "from", "inside"}


def _named_owner(span: Span, places: set[int] = frozenset()) -> bool:
    """Whether a nationality or a state names whose the phrase is: "*Serb* forces", "*Iraq's* militias",
    "security forces *in Guinea*", "the militias *of Sudan*".  The owner is a word with a place or
    nationality label, or one of the token positions ``places`` (where the knowledge base found one)."""
    doc = span.doc

    def owner(token: Token) -> bool:
        return token.ent_type_ in OWNER_LABELS or token.i in places

    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text in ("'s", "’s") and span.start > 1:
        before = doc[span.start - 2]
    if before is not None and owner(before):
        return True
    head = span.root
    return any(prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS and obj.dep_ == "pobj" and owner(obj)
               for prep in head.children if prep.i >= span.end for obj in prep.children)
