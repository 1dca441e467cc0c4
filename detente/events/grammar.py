"""Small questions about a spaCy dependency parse that the event stage asks.

They are kept apart from the coder so that each reads as one rule: who is the
subject of this clause, is it passive, what is its object, is it negated, in
the future, under a condition.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj"}
COMPLEMENTS = {"xcomp", "ccomp", "acomp", "attr", "oprd", "advcl", "pcomp"}
PASSIVE_MARKS = PASSIVE_SUBJECTS | {"auxpass"}

def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def first_child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_MARKS for c in verb.children)


def subject(verb: Token) -> Token | None:
    """The grammatical subject of an active clause; not a transcript's label that the parser took for one
    ("*Q*: On Monday the United States … attributed the hack …"). A name right before a verb that has no subject
    is one, whatever the parser made of it ("Six days later *Beijing* suspended imports …", read as a modifier);
    so is a name it took for the object of an opening "as" or "after", set in apposition to an opening place, or
    gave to a relative clause it misread (``_subordinated_name``, ``_placed_name``, ``_before_whose``)."""
    found = next((c for c in verb.children if c.dep_ in SUBJECTS and not _label(c)), None)
    if found is None and verb.pos_ == "VERB" and verb.i > 0:
        before = verb.doc[verb.i - 1]
        if before.head.i == verb.i and before.dep_ == "npadvmod" and before.pos_ == "PROPN" \
                and not is_time(before):
            return before
    if found is None and verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _subordinated_name(verb)
    if found is None and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return _placed_name(verb) or _before_whose(verb)
    return found


def _before_whose(verb: Token) -> Token | None:
    """The subject the parser gave to a relative clause it misread as a complement ("*Washington and the European
    Union*, whose rotating presidency is held by Finland, urged …", read as "Washington … is held"): the subject of a
    clause before the verb that stands before that clause's "whose"."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
        whose = next((t for t in clause.subtree if t.tag_ == "WP$"), None)
        if whose is None:
            continue
        return next((c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and c.i < whose.i), None)
    return None


def _placed_name(verb: Token) -> Token | None:
    """The subject the parser hung on the place a clause opens with ("*At the United Nations the Security Council*,
    meeting in emergency session, adopted …", read as "the United Nations, the Security Council"): a noun in apposition
    to the object of an opening preposition with no comma between them."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            named = next((a for a in place.children if a.dep_ == "appos" and a.i > place.i), None)
            if named is not None and named.left_edge.i > 0 and named.doc[named.left_edge.i - 1].i == place.i:
                return named
    return None


# Words that open a clause or a phrase alike: "the vote came *as Moscow* … accused", which the parser may read as a
# preposition with the clause's subject as its object.
SUBORDINATORS = frozenset({"as", "after", "before", "since", "until", "while"})


def _subordinated_name(verb: Token) -> Token | None:
    """The subject of a clause opened by "as", "after" … that the parser took for a preposition's object ("The vote
    came *as Moscow*, in a statement, accused …"): a name that is the object of such a word hung on the verb the
    clause modifies, before the clause, with no verb between them (the clause's own verb is finite: "laid the case
    *before the OAS*, charging …" has none)."""
    opener = next((c for c in verb.head.children if c.dep_ == "prep" and c.lower_ in SUBORDINATORS
                   and c.i < verb.i), None)
    name = first_child(opener, "pobj") if opener is not None else None
    if name is None or name.pos_ != "PROPN" or is_time(name):
        return None
    between = verb.doc[name.i + 1:verb.i]
    return None if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "relcl") for t in between) else name


def is_time(token: Token) -> bool:
    """ "on *Thursday*", "for *two days*": a word of a date or a time, as the entity recogniser marked it."""
    return token.ent_type_ in ("DATE", "TIME")


def _label(token: Token) -> bool:
    """Whether a word opens its sentence as a label does ("Q:", "A:"), a colon after it."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == ":" and bool(token.is_sent_start)


def passive_agent(verb: Token) -> Token | None:
    """The "by X" of a passive clause, also where the parser hung it on the infinitive
    ("were ordered to leave Russia *by Moscow*") or on what the object is declared ("were declared persona non
    grata *by Moldova*")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return first_child(child, "pobj")
    for complement in children(verb, "xcomp", "oprd"):
        for child in complement.children:
            if child.dep_ in ("agent", "prep") and child.lower_ == "by":
                return first_child(child, "pobj")
    return None


def direct_object(verb: Token) -> Token | None:
    if is_passive(verb):
        return first_child(verb, *PASSIVE_SUBJECTS)
    obj = first_child(verb, *OBJECTS)
    if obj is None:
        dative = first_child(verb, "dative")
        if dative is not None and dative.pos_ in ("NOUN", "PROPN"):
            return dative
        # "denounced *what Tass called the armed intervention* of the United States", which the parser hangs on
        # the verb as a clause: the thing named
        return next((thing for c in verb.children if c.dep_ == "ccomp" and (thing := named_thing(c)) is not None),
                    None)
    return obj


# Verbs that give a thing a name of the speaker's: "what Tass *called* the armed intervention"
NAMING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "dub", "characterise", "characterize"})


def named_thing(clause: Token) -> Token | None:
    """The thing a free relative of naming stands for: "*what it called* the Australian Government's unfriendly
    act" → "act", "*what it described as* an American-financed conspiracy" → "conspiracy"; None for any other
    clause."""
    if lemma(clause) not in NAMING_VERBS or not any(c.dep_ in OBJECTS and c.lower_ == "what" for c in clause.children):
        return None
    named = first_child(clause, "oprd")
    return named if named is not None else next((o for _as, o in prep_objects(clause, frozenset({"as"}))), None)


# Punctuation after which the parser's "object" of a verb starts a sentence fragment of its own.
BREAKS = frozenset({":", ";", "—", "–"})


def after_break(head: Token, child: Token) -> bool:
    """Whether a child of ``head`` follows a colon or a dash of its own ("shuttled between the delegations …
    before a compromise was found: *no statements* at all"): a fragment, not the verb's object."""
    return any(c.dep_ == "punct" and c.text in BREAKS and head.i < c.i < child.i for c in head.children)


def prep_objects(token: Token, preps: set[str] | frozenset[str] | None = None,
                 adverbs: frozenset[str] = frozenset()) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs governed by ``token``, and by those of its ``adverbs`` that hold a phrase of
    its own ("moved tanks *close to* the border")."""
    for child in token.children:
        dep, word = child.dep_, child.lower_  # read once: spaCy looks each string up at every reading
        # "provided intelligence *to* Macedonia": the parser may label "to" as a dative; "flew to Damascus and
        # then *to* Ankara": the repeated preposition as a conjunct of the verb
        prepositional = dep in ("prep", "agent") or (dep in ("dative", "conj") and child.pos_ == "ADP")
        if prepositional and (preps is None or word in preps):
            # and the same preposition repeated in a list: "appeals from Boumediene *and from* the emir"
            repeated = [c for c in child.children if c.dep_ == "conj" and c.lower_ == word]
            for prep in (child, *repeated):
                for obj in prep.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        # "blamed the explosion on *what it called the puppet clique*": the thing named
                        yield word, (named_thing(obj) if obj.dep_ == "pcomp" else None) or obj
        elif dep == "advmod" and word in adverbs:
            yield from prep_objects(child, preps)
        elif word == "out" and (preps is None or "from" in preps):
            for inner in child.children:  # "pulled its diplomats *out of* India" is "from"
                if inner.dep_ == "prep" and inner.lower_ == "of":
                    for obj in inner.children:
                        if obj.dep_ == "pobj":
                            yield "from", obj


SUMMING_WORDS = frozenset({"all", "both"})  # what sums up a list before its verb: "X, Y, Z — *all* asked …"


def listed_appositions(head: Token) -> list[Token]:
    """Nouns the parser put in apposition to ``head`` although they continue a list: "Canada, *Ukraine* and
    more than a dozen EU *states*", "Saudi Arabia, *the United Arab Emirates*, Bahrain and Egypt" (a list
    has "and"/"or" on the head, on one of them or on one of their conjuncts); also a name the parser made a
    modifier of the name before it ("The Soviet Union, *Poland*, East Germany, Hungary and Bulgaria sent …"); a
    list summed up by "all" or "both" needs no "and" ("Norway, *the US*, *France* — all asked …")."""
    appositions = [c for c in head.children if c.dep_ == "appos"
                   or c.dep_ == "npadvmod" and c.pos_ == "PROPN" and head.pos_ == "PROPN" and c.i > head.i]
    if not appositions:
        return []
    names = [a for a in appositions if a.lower_ not in SUMMING_WORDS]
    listed = [head, *names, *(c for a in names for c in a.conjuncts)]
    if len(names) == len(appositions) and not any(c.dep_ == "cc" for t in listed for c in t.children):
        return []
    return names


def members(head: Token) -> list[Token]:
    """The head of a noun phrase and the heads of the phrases listed with it ("Britain and France")."""
    out = [head]
    seen = {head.i}
    # a conjunct's conjuncts are the head's own: only the listed appositions can bring more (and a list of
    # n names must not cost n² token comparisons — a sentence of 10⁵ listed words would never end)
    groups = [head.conjuncts, *((token, *token.conjuncts) for token in listed_appositions(head)),
              named_people(head), comma_subjects(head)]
    for group in groups:
        for member in group:
            if member.i not in seen:
                seen.add(member.i)
                out.append(member)
    return out


def first_listed(noun: Token) -> Token:
    """The first of the nouns listed with ``noun``, whose place in the clause the list has ("stepped up customs,
    sanitary and migration *checks*": customs, the verb's object)."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head
    return noun


def comma_subjects(head: Token) -> list[Token]:
    """The other subjects of a headline's list without "and": "Britain, US blame Russia" (the parser makes
    each a subject of the verb)."""
    if head.dep_ != "nsubj":
        return []
    others = [c for c in head.head.children if c.dep_ == "nsubj" and c.i != head.i]
    first, last = min([head, *others], key=lambda t: t.i), max([head, *others], key=lambda t: t.i)
    if not others or not any(t.text == "," for t in head.doc[first.i:last.i]):
        return []
    return others


def named_people(head: Token) -> list[Token]:
    """The people a plural title names one after the other: "Presidents *Lula* of Brazil, *Morales* of
    Bolivia and *Kirchner* of Argentina" (the parser hangs each on one before it, in apposition or as a
    conjunct, and the title on the first or the first on the title)."""
    if head.left_edge.tag_ != "NNS":
        return []
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        following = [c for c in token.children if c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON"]
        out.extend(following)
        stack.extend(following)
    return sorted(out, key=lambda t: t.i)


def antecedent(token: Token) -> Token:
    """What a relative pronoun of a relative clause stands for ("Trump, *who* announced …", "the decision,
    *which* it called …"); any other token is itself."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def particle(verb: Token, adverbs: frozenset[str] = frozenset()) -> str | None:
    """The verb's particle: a ``prt`` child, or one of ``adverbs`` right after it, which the parser often
    labels advmod ("fired *back*")."""
    prt = first_child(verb, "prt")
    if prt is not None:
        return prt.lower_
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.head.i == verb.i and after.dep_ == "advmod" and after.lower_ in adverbs:
        return after.lower_
    return None


def auxiliaries(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]


def clause_chain(token: Token, limit: int = 6) -> Iterator[Token]:
    """The token and the heads above it, up to the root."""
    current = token
    for _ in range(limit):
        yield current
        head = current.head  # spaCy makes a new token object at each reading
        if head.i == current.i:
            return
        current = head


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def phrase_lemmas(head: Token) -> set[str]:
    """Lemmas of a noun phrase's head and its compounds and adjectives ("diplomatic staff"), and the word right
    before the head joined to it, for the words of two that lists name ("*air space*", "*military attache*")."""
    out = {lemma(head), head.lower_}
    if head.pos_ == "PROPN" and head.lower_.endswith("s") and not head.lower_.endswith("ss"):
        out.add(head.lower_[:-1])  # a plural read as a name, which keeps its "s": "*Mobs* set fire to …"
    if head.ent_type_:
        out.add("ent:" + head.ent_type_.lower())
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            out.add(lemma(child))
            out.add(child.lower_)
            if child.i == head.i - 1:
                out.add(f"{child.lower_} {lemma(head)}")
    return out


def sentences_back(token: Token, count: int) -> int:
    """The first token of the sentence ``count`` sentences before that of ``token`` (or of the first one)."""
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start
