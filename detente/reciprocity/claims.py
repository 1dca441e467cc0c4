"""Stated responses: which event of a document answers which, in the words of a sentence.

This runs inside the coder (stage ``claims/v2``) because it needs the parse.
A response cue of the lexicon ("in retaliation for", "in response to",
"answering", "tit-for-tat", "after") is found in a sentence.  The phrase the
cue governs names the cause: the object of its preposition ("in retaliation
for *the sanctions bill*"), of its verb ("answering *London's expulsion of 23
diplomats*") or the clause it introduces ("after *Prague expelled 18
Russians*").  An event of the sentence inside that phrase is the cause; the
sentence's other events are the effects.  When the sentence has no other
event, the cue refers back ("The move was a response to …"): the effects are
the events of the nearest earlier sentence that has some.

A cue of kind ``cause`` (after, following, over) only says that one thing came
after another, so it makes a claim only when the phrase reports an event of
the other side and the effect answers it (actor and recipient swapped).

When no event of the phrase was coded, the claim keeps a description — the
words, the CAMEO codes they suggest, a number — for the link stage to look up
among the events of every stored document.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import timedelta
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..events.codebook import load_codebook
from ..events.lexicon import Cue, Lexicon
from ..records import Claim, Event, stable_id
from ..size import number_value

# Statuses an effect can have: what was done, decided or threatened in answer.
EFFECT_STATUSES = ("actual", "planned", "threatened")
# How many sentences back a cue without an effect of its own may refer ("The move was …").
LOOK_BACK = 2
# Days before a verdict within which an act is the news it answers rather than the story's background.
NEWS_DAYS = 3
PHRASE_PREPOSITIONS = ("to", "for", "against", "at", "of", "over")
CONFLICT = (3, 4)  # quad classes of verbal and material conflict
ANY_ACT = (1, 2, 3, 4)  # every quad class: what a demand asks to undo may be any act
MATERIAL_CONFLICT = 4  # the quad class of deeds: an answer told with words and a deed is the deed
DONE = ("actual", "planned")  # statuses of acts a verdict can judge, and of verdicts that answer
JUDGING_EVENTS = ("ACCUSE", "REJECT")  # verdicts and refusals, which answer what they judge
UNDOING_EVENTS = ("REQUEST",)  # demands, which answer the act they ask to be undone
ACCUSATION = frozenset({"ACCUSE"})
ACCORDS = frozenset({"AGREE", "SUPPORT"})  # the types of an accord: agreed to, signed
DEMANDS = frozenset({"REQUEST", "THREATEN", "COERCE"})
SEQUEL_EVENTS = ("ACCUSE", "REJECT", "PROTEST", "SANCTION", "THREATEN", "REQUEST")  # answers without a cue
DEED_ANSWERS = ("THREATEN", "REQUEST")  # what answers a deed only, when no cue says what it answers


# Makes the event a cause phrase names when the coder coded none there ("over *the poisoning* of …"): the
# phrase, the effect that answers it, the sentence and its index; None when the words name no such event.
CauseMaker = Callable[[Span, Event, Span, int], Event | None]
# The countries a noun phrase names ("*Iran* answered within hours", "*the ministry* responded").
CountriesOf = Callable[[Token], set[str]]


def stated_claims(doc: Doc, events: Sequence[Event], lexicon: Lexicon, make_cause: CauseMaker | None = None,
                  countries_of: CountriesOf | None = None, text: str | None = None,
                  pointing: Collection[str] = ()) -> tuple[list[Claim], list[Event]]:
    """The claims of one parsed document whose coded events are ``events``, and the events of the causes
    that ``make_cause`` made for phrases that had none; ``countries_of`` says who the subject of an answering
    verb is, whose acts alone can be the answer; ``text`` is the document's text when the caller has it
    (spaCy's ``doc.text`` builds it from every token); ``pointing`` are the determiners of a noun told before
    ("*the* expulsion"), of which a verdict's noun names an act the document told."""
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    claims: list[Claim] = []
    made: list[Event] = []
    claimed: set[str] = set()
    text = doc.text if text is None else text  # a sentence's text is a slice of it, cheaper than its tokens'
    cues = Cues(_cue_starts(lexicon.cues), _cue_patterns(lexicon.cues))  # looked up once, not per sentence
    for index, sent in enumerate(doc.sents):
        claims.extend(_in_kind_claims(sent, index, by_sentence, claimed))
        for cue, kind in _cues_in(sent, cues, text):
            if any(c.dep_ == "neg" for c in cue.root.children):
                continue  # "Britain … *has not answered* with a second round": no answer
            answerer = _answerer(cue, countries_of)
            sequel = _act_dated(cue, lexicon, pointing) if kind == "cause" else None
            claims.extend(_claims_of_cue(doc, sent, index, cue, kind, by_sentence, lexicon, claimed,
                                         make_cause, made, answerer, sequel, pointing))
    drawing = lexicon.word_list("drawing_verbs")
    for index in sorted(by_sentence):  # after the cues: a cue says more than the participle of a reaction
        claims.extend(_drawn_claims(doc, by_sentence[index], drawing, claimed))
    for index in sorted(by_sentence):  # after the cues: a cue says more than the thing a verdict names
        claims.extend(_judgement_claims(doc, index, by_sentence, lexicon, claimed, pointing))
    causes = {claim.cause for claim in claims if claim.cause}  # told as what was answered: not an answer here
    claims.extend(_sequel_claims(by_sentence, claimed | causes))  # last: what no word ties to a cause
    return claims, made


def _claims_of_cue(doc: Doc, sent: Span, index: int, cue: Span, kind: str,
                   by_sentence: dict[int, list[Event]], lexicon: Lexicon, claimed: set[str],
                   make_cause: CauseMaker | None = None, made: list[Event] | None = None,
                   answerer: set[str] = frozenset(), sequel: Token | None = None,
                   pointing: Collection[str] = ()) -> list[Claim]:
    """The claims a cue makes; ``sequel`` is the subject of a cue that says what an act told before came after
    ("*The move* came a day after …"): the effect is the first act the story told that it names, if it answers
    the cause.  A phrase that names an act told before ("in retaliation for *the strikes*", "in answer to *the
    deal*") names the last such act of the side the effect is aimed at, when none is told inside it."""
    phrase = cause_phrase(cue)
    own = by_sentence.get(index, [])
    answering = {_trigger_index(e, doc) for e in own if e.recipient_source == "answered"}
    if answering & {cue.root.i, cue.root.head.i, *(t.head.i for t in cue)}:
        return []  # "answered in kind": the answer the coder made of the cue has its claim
    causes = [e for e in own if phrase and _inside(e, phrase) and e.status != "denied"]
    threats = [e for e in own if e.event == "THREATEN" and _inside(e, cue) and e.status in EFFECT_STATUSES]
    effects = [e for e in own if not (phrase and _inside(e, phrase)) and e.status in EFFECT_STATUSES
               and not _inside(e, cue)]
    effects = _governed(cue, effects, doc) or effects if len(effects) > 1 else effects
    deeds = [e for e in effects if e.quad_class == MATERIAL_CONFLICT]
    if deeds and not threats:
        effects = deeds  # "Moscow called the move unfriendly and expelled 60 diplomats in a mirror response": the deed
    if threats:  # "would answer any new measure": the cue is the threat's own word, the threat is the answer
        effects = threats
    if answerer:  # "Iran answered": only Iran's acts are the answer
        effects = [e for e in effects if _countries(e.actor) & answerer]
    opening = not _inside_any(own, cue) and cue.start == sent.start + _first_word(sent)
    if not effects and sequel is not None:
        effects = _told_acts(sequel, index, by_sentence, lexicon)[:1]
    if not effects and kind != "cause" and not opening:
        # "the strikes were in retaliation for …"; "Iran answered within hours. Speedboats attacked …"
        effects = _earlier_effects(index, by_sentence, answerer) or _next_effects(index, by_sentence, answerer)
    if phrase is not None and not any(_best_cause(e, causes) for e in effects):
        causes = _told_causes(phrase, effects, index, by_sentence, lexicon, pointing) or causes
    if phrase is not None and make_cause is not None and not any(_best_cause(e, causes) for e in effects):
        # "expelled 23 diplomats *over the poisoning* of …": the cause is an event too, done by the side the
        # measure the cue hangs on falls on
        answering = [e for e in effects if e.quad_class in CONFLICT and e.recipient]
        cause = make_cause(phrase, answering[0], sent, index) if answering else None
        if cause is not None:
            causes = [cause]
            by_sentence.setdefault(index, []).append(cause)
            if made is not None:
                made.append(cause)
    if kind == "cause":  # "after" and "over" say that one conflict answered another, nothing more
        causes = [c for c in causes if c.quad_class in CONFLICT]
        effects = [e for e in effects if e.quad_class in CONFLICT and _best_cause(e, causes)]
        if not effects:
            return []
    elif not effects:
        return []  # a cue opening a sentence without events: "In response, …" says nothing we can place
    out = []
    for effect in effects:
        if effect.id in claimed:
            continue
        cause = _best_cause(effect, causes)
        if cause is None and causes:
            continue  # the phrase reports an act of the effect's own side: not an answer
        claimed.add(effect.id)
        words = " ".join(phrase.text.split()) if phrase is not None else None
        out.append(Claim(
            id=stable_id("claim", effect.id, cue.start_char),
            doc_id=effect.doc_id,
            sentence=index,
            cue=cue.text,
            kind=kind,
            effect=effect.id,
            cause=cause.id if cause else None,
            cause_text=words,
            cause_codes=_suggested_codes(phrase, lexicon) if phrase is not None and cause is None else (),
            cause_count=_stated_count(phrase) if phrase is not None and cause is None else None,
            evidence=sent.text.strip(),
        ))
    return out


def _told_causes(phrase: Span, effects: list[Event], index: int, by_sentence: dict[int, list[Event]],
                 lexicon: Lexicon, pointing: Collection[str]) -> list[Event]:
    """The acts told before that a cue's phrase names with "the", "this" or an owner ("in response to *the
    expulsions*", "in answer to *the deal*"): for each effect, the last act of the kinds the noun names that
    the effect answers or punishes."""
    noun = phrase.root
    kinds = _judged_kinds(noun, lexicon, ANY_ACT) if noun.pos_ == "NOUN" and _told_before(noun, pointing) else None
    if kinds is None:
        return []
    if kinds & ACCORDS:
        kinds |= ACCORDS  # an accord told before was agreed (AGREE) or signed (SUPPORT)
    found = (_last_judged(effect, kinds, index, by_sentence, None) for effect in effects)
    return list({cause.id: cause for cause in found if cause is not None}.values())


def _in_kind_claims(sent: Span, index: int, by_sentence: dict[int, list[Event]], claimed: set[str]) -> list[Claim]:
    """ "Damascus answered in kind": an answer the coder made as the same act turned back (recipient source
    ``answered``) answers the latest act of its code that the other side did to the answerer."""
    out = []
    for effect in by_sentence.get(index, []):
        if effect.recipient_source != "answered":
            continue
        before = [c for i in range(index + 1) for c in by_sentence.get(i, [])
                  if i < index or c.trigger_span[0] < effect.trigger_span[0]]
        cause = next((c for c in reversed(before) if c.cameo == effect.cameo and c.recipient_source != "answered"
                      and answers(effect, c)), None)
        if cause is None:
            continue
        claimed.add(effect.id)
        out.append(_answer_claim(effect, cause, "reciprocity", effect.trigger, sent.text, index))
    return out


def _answer_claim(effect: Event, cause: Event, kind: str, cue: str, evidence: str, sentence: int,
                  cause_text: str | None = None) -> Claim:
    """The claim that ``effect`` answers ``cause``, a reported event, in the words ``cue`` of ``evidence``."""
    return Claim(id=stable_id("claim", effect.id, effect.trigger_span[0]), doc_id=effect.doc_id, sentence=sentence,
                 cue=cue, kind=kind, effect=effect.id, cause=cause.id, cause_text=cause_text, cause_codes=(),
                 cause_count=None, evidence=evidence.strip())


def _drawn_claims(doc: Doc, events: list[Event], drawing: Collection[str], claimed: set[str]) -> list[Claim]:
    """ "Honiara signed a security pact with Beijing, *prompting* warnings from Canberra", "fired four missiles,
    *drawing* condemnation from Tokyo": a reaction told under a participle of ``drawing`` answers the act of
    the clause the participle hangs on, when it is aimed at that act's side."""
    out = []
    for effect in events:
        trigger = _trigger_index(effect, doc)
        if effect.id in claimed or effect.status not in EFFECT_STATUSES or trigger is None:
            continue
        participle = next((a for a in (doc[trigger], *doc[trigger].ancestors) if a.tag_ == "VBG"
                           and a.lemma_.lower() in drawing and a.head.i != a.i), None)
        if participle is None:
            continue
        clause = participle.head
        inside = set(range(clause.left_edge.i, clause.right_edge.i + 1)) \
            - set(range(participle.left_edge.i, participle.right_edge.i + 1))  # the clause, not the reaction
        acts = [c for c in events if c is not effect and c.status in DONE and _aimed_at(effect, c)
                and _trigger_index(c, doc) in inside]
        cause = next((c for c in acts if _trigger_index(c, doc) == clause.i), acts[0] if acts else None)
        if cause is None:
            continue
        claimed.add(effect.id)
        out.append(_answer_claim(effect, cause, "response", participle.text, participle.sent.text, effect.sentence))
    return out


def _aimed_at(effect: Event, cause: Event) -> bool:
    """Whether ``effect`` is aimed at the side that did ``cause`` by another side (one it was done to or
    not: "signed a pact with Beijing, prompting warnings from Canberra")."""
    doers = _countries(cause.actor)
    return bool(doers & _countries(effect.recipient)) and not doers & _countries(effect.actor)


def _judgement_claims(doc: Doc, index: int, by_sentence: dict[int, list[Event]], lexicon: Lexicon,
                      claimed: set[str], pointing: Collection[str]) -> list[Claim]:
    """ "Iran condemned *the move*", "Moscow rejected *the accusations*", "Madrid regrets *the decision*": a
    verdict or a refusal that names an act told before answers the last such act of the side it is aimed at,
    in the same document; a refusal that names nothing ("Cambodia refused") the demand made of it in the two
    sentences before; a demand to undo an act ("urged Pyongyang to *reverse it*", "demanded the *lifting of the
    ban*") the act."""
    out = []
    for effect in by_sentence.get(index, []):
        if effect.id in claimed or effect.event not in JUDGING_EVENTS + UNDOING_EVENTS \
                or effect.status not in DONE or not effect.recipient:
            continue
        trigger = _trigger_index(effect, doc)
        if trigger is None:
            continue
        refused = False
        if effect.event in UNDOING_EVENTS:
            thing, kinds = _undone(doc[trigger], lexicon, pointing)
        else:
            things = [(t, _judged_kinds(t, lexicon)) for t in _judged_things(doc[trigger], lexicon, pointing)]
            thing, kinds = next(((t, k) for t, k in things if k is not None), (None, None))
            refused = thing is None and doc[trigger].lemma_.lower() in lexicon.word_list("refusing_verbs")
        if thing is None and effect.cameo.startswith(tuple(lexicon.word_list("denial_codes"))):
            kinds = ACCUSATION  # "denied any involvement": the last accusation
        elif refused and effect.event == "REJECT":
            kinds = DEMANDS  # "Cambodia refused": the demand just made of it
        if kinds is None:
            continue
        cause = _last_judged(effect, kinds, index, by_sentence, _subtree(thing) if thing is not None else None,
                             since=index - LOOK_BACK if refused else 0)
        if cause is None:
            continue
        claimed.add(effect.id)
        words = " ".join(_subtree(thing).text.split()) if thing is not None else effect.trigger
        out.append(_answer_claim(effect, cause, "judgement", words, doc[trigger].sent.text, index, cause_text=words))
    return out


def _judged_things(trigger: Token, lexicon: Lexicon, pointing: Collection[str]) -> Iterator[Token]:
    """The nouns told before that a verdict may be on, nearest first: the object of its verb ("condemned *the
    move*", "called *the expulsion* unfounded"), what it is felt about ("disappointed *by the decision*"), the
    subject it is said of ("*the expulsions* were unjustified", "said *the ban* was an insult")."""
    feeling = lexicon.word_list("feeling_preps")
    said_of = trigger.pos_ in ("ADJ", "NOUN") or trigger.dep_ in ("acomp", "attr", "oprd") or _copular(trigger)
    words = [(trigger, said_of), *((c, True) for c in trigger.children if c.dep_ in ("oprd", "acomp", "xcomp")
                                   or c.dep_ == "ccomp" and _copular(c))]  # "said *the ban* was an insult"
    if trigger.dep_ in ("acomp", "attr", "oprd") and trigger.head.i != trigger.i:
        words.append((trigger.head, True))  # "the expulsion *was* unjustified"
    for word, subject in words:
        for child in word.children:
            if child.dep_ == "dobj" or (subject and child.dep_ in ("nsubj", "nsubjpass")):
                nouns = [child]
            elif child.dep_ in ("prep", "agent") and child.lower_ in feeling:
                nouns = [o for o in child.children if o.dep_ == "pobj"]
            else:
                continue
            yield from (n for n in nouns if n.pos_ == "NOUN" and _told_before(n, pointing))


def _undone(trigger: Token, lexicon: Lexicon, pointing: Collection[str]) -> tuple[Token | None, frozenset[str] | None]:
    """What a demand asks to be undone and the kinds of act it names (empty: any), or (None, None) for a demand
    of anything else: the object of a verb of undoing in the clause asked for, when it names an act told before
    ("urged Washington to *revoke the sale*"), or what a noun of undoing is of ("demanded the *lifting of the
    ban*"); "it", "this" or nothing names the last act ("urged the North to reverse *it*", "to reconsider")."""
    undoing = lexicon.word_list("undoing_words")
    clauses = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    for clause in [*clauses, *(conj for c in clauses for conj in c.conjuncts)]:
        if clause.lemma_.lower() not in undoing:
            continue
        objects = [o for o in clause.children if o.dep_ == "dobj"] if clause.pos_ == "VERB" else [
            o for p in clause.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not objects or objects[0].lower_ in lexicon.word_list("told_things"):  # "reverse *it*"
            return None, frozenset()
        thing = objects[0]
        return (thing, _judged_kinds(thing, lexicon, ANY_ACT)) if _told_before(thing, pointing) \
            else (None, None)  # "revoke the sale"
    return None, None


def _told_before(noun: Token, pointing: Collection[str]) -> bool:
    """Whether a noun names a thing told before: owned ("*its* decision") or pointed at ("*the* move")."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in pointing) for c in noun.children)


def _copular(verb: Token) -> bool:
    """Whether a verb says what its subject is ("the claim *was* unfounded")."""
    return verb.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in verb.children)


def _judged_kinds(thing: Token, lexicon: Lexicon, quads: Collection[int] = CONFLICT) -> frozenset[str] | None:
    """The types of act of the quad classes ``quads`` a judged noun names (empty: any hostile act, deeds first,
    for a noun of decision), or None when it names none."""
    lemma = thing.lemma_.lower()
    if lemma in lexicon.word_list("judged_accusations"):
        return ACCUSATION
    if lemma in lexicon.word_list("judged_demands"):
        return DEMANDS
    if lemma in lexicon.word_list("decision_nouns"):
        return frozenset()
    codes = load_codebook()
    kinds = frozenset(codes[p.cameo].event for p in lexicon.patterns(lemma, "NOUN")
                      if p.cameo in codes and codes[p.cameo].quad_class in quads)
    return kinds or None


def _sequel_claims(by_sentence: dict[int, list[Event]], claimed: set[str]) -> list[Claim]:
    """A verdict, refusal, threat, demand or measure that no word ties to a cause answers the act the other side
    did to its actor in the days before, when the story tells both ("Washington expelled two diplomats on
    Monday. … On Wednesday Moscow called the step hostile"): kind ``sequence``, the weakest claim."""
    told = [event for index in sorted(by_sentence) for event in by_sentence[index]]
    # the acts that may be answered, by date (a stable sort: in the order told among those of one day), so that
    # each answer looks only at its own days
    acts = sorted((c for c in told if c.status in DONE + ("alleged",) and c.quad_class in CONFLICT
                   and c.date is not None), key=lambda c: c.date)
    days = [c.date for c in acts]
    out = []
    for effect in told:
        if effect.id in claimed or effect.status not in DONE or effect.event not in SEQUEL_EVENTS \
                or effect.date is None:
            continue
        window = acts[bisect_left(days, effect.date - timedelta(days=NEWS_DAYS)):bisect_left(days, effect.date)]
        cause = _provoking(effect, window)
        if cause is not None:
            out.append(_answer_claim(effect, cause, "sequence", effect.trigger, effect.text, effect.sentence))
    return out


def _provoking(effect: Event, acts: list[Event]) -> Event | None:
    """The latest of ``acts`` (those of the 1 to ``NEWS_DAYS`` days before ``effect``, in the order told) that
    the side the effect is aimed at did to its actor: an accusation or a demand for a refusal, else a deed
    first; only a deed for a threat or a demand (a story's threats and demands answer what was done, its words
    answer each other too)."""
    done = [c for c in acts if _turned_back(effect, c)]
    if effect.event in DEED_ANSWERS:
        done = [c for c in done if c.quad_class == MATERIAL_CONFLICT]
    first = (lambda c: c.event in ACCUSATION | DEMANDS) if effect.event == "REJECT" \
        else (lambda c: c.quad_class == MATERIAL_CONFLICT)
    return max(reversed(done), key=lambda c: (first(c), c.date), default=None)  # the last told among alike


def _turned_back(effect: Event, cause: Event) -> bool:
    """Whether ``effect`` is done by a side ``cause`` was done to, to a side that did it, both named."""
    effect_actor, cause_actor = _countries(effect.actor), _countries(cause.actor)
    return bool(effect_actor & _countries(cause.recipient)) and bool(_countries(effect.recipient) & cause_actor) \
        and not effect_actor & cause_actor


def _last_judged(effect: Event, kinds: frozenset[str], index: int, by_sentence: dict[int, list[Event]],
                 phrase: Span | None, since: int = 0) -> Event | None:
    """The last act before ``effect`` (or inside the phrase it judges) of ``kinds`` done by the side the effect
    is aimed at — to the side that judges it, or to a third ("Greece condemned *the raids*" on Libya) —, one
    of the days before the effect first, then one that names whom it was done to; for no kinds (a noun of
    decision: "the move") the last deed, else the last hostile words; only from sentence ``since`` on."""
    own = by_sentence.get(index, [])
    inside = [c for c in own if phrase is not None and _inside(c, phrase)]
    before = [c for i in sorted(by_sentence) if since <= i < index for c in by_sentence[i]] \
        + [c for c in own if c.trigger_span[0] < effect.trigger_span[0]]
    done = [c for c in [*inside, *reversed(before)] if c.id != effect.id and c.status in DONE + ("alleged",)
            and (answers(effect, c) or punishes(effect, c))]
    # the acts of the days before the verdict first (a story retells older ones in its background paragraphs,
    # often after its news: "Helsinki *shut* four crossings last week"), then those that name whom they were done
    # to; stable: the latest first among those alike
    done = sorted(done, key=lambda c: (_older(c, effect), not c.recipient))
    if kinds:
        return next((c for c in done if c.event in kinds), None)
    return next((c for c in done if c.quad_class == MATERIAL_CONFLICT), None) \
        or next((c for c in done if c.quad_class in CONFLICT), None)


def _older(cause: Event, effect: Event) -> bool:
    """Whether ``cause`` was done more than ``NEWS_DAYS`` before ``effect``, both dated."""
    return cause.date is not None and effect.date is not None and (effect.date - cause.date).days > NEWS_DAYS


def _governed(cue: Span, effects: list[Event], doc: Doc) -> list[Event]:
    """The effects the cue speaks of: the event of the clause or noun the cue hangs on ("Russia *expelled* 23
    diplomats *in retaliation for* …", "a *tit-for-tat* move", "*responded by expelling* …"), and of the
    clauses below it; not every event of a long sentence."""
    anchor = cue.root
    while anchor.dep_ in ("prep", "pobj", "agent", "mark", "advmod", "npadvmod", "amod", "det", "compound") \
            and anchor.head.i != anchor.i and anchor.pos_ not in ("VERB", "AUX"):
        anchor = anchor.head  # up from the cue's words to what they modify
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("pobj", "dobj", "attr") and anchor.head.head.i != anchor.i:
        anchor = anchor.head if anchor.head.pos_ in ("VERB", "AUX") else anchor.head.head  # "in a tit-for-tat move"
    scope = {t.i for t in anchor.subtree} | {anchor.i} | {t.i for t in anchor.conjuncts}
    near = {a.i for a in list(anchor.ancestors)[:2]}
    return [e for e in effects if _trigger_index(e, doc) in scope or _trigger_index(e, doc) in near]


def _trigger_index(event: Event, doc: Doc) -> int | None:
    span = doc.char_span(*event.trigger_span, alignment_mode="expand")
    return span.root.i if span is not None else None


def answers(effect: Event, cause: Event) -> bool:
    """Whether ``effect`` is done by the side ``cause`` was done to, to the side that did it."""
    effect_actor = {e.country for e in effect.actor if e.country}
    effect_recipient = {e.country for e in effect.recipient if e.country}
    cause_actor = {e.country for e in cause.actor if e.country}
    cause_recipient = {e.country for e in cause.recipient if e.country}
    if not effect_actor or not cause_actor or effect_actor & cause_actor:
        return False
    toward_cause = not effect_recipient or bool(effect_recipient & cause_actor)
    from_target = not cause_recipient or bool(effect_actor & cause_recipient)
    return toward_cause and from_target


def punishes(effect: Event, cause: Event) -> bool:
    """Whether ``effect`` is aimed at who did ``cause`` to a third party: "the Arab states broke with Bonn *in
    retaliation for Bonn's decision to establish relations with Israel*", "expelled the ambassador *over Kigali's
    backing for the rebels*"."""
    effect_actor = {e.country for e in effect.actor if e.country}
    effect_recipient = {e.country for e in effect.recipient if e.country}
    cause_actor = {e.country for e in cause.actor if e.country}
    return bool(effect_actor) and not effect_actor & cause_actor and bool(effect_recipient & cause_actor)


def _best_cause(effect: Event, causes: list[Event]) -> Event | None:
    """The cause the effect answers, else one whose doer it punishes for what was done to a third party."""
    return next((c for c in causes if answers(effect, c)), None) \
        or next((c for c in causes if punishes(effect, c)), None)


def _earlier_effects(index: int, by_sentence: dict[int, list[Event]], answerer: set[str]) -> list[Event]:
    for earlier in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
        found = [e for e in by_sentence.get(earlier, []) if e.status in EFFECT_STATUSES
                 and (not answerer or _countries(e.actor) & answerer)]
        if found:
            return found
    return []


def _next_effects(index: int, by_sentence: dict[int, list[Event]], answerer: set[str]) -> list[Event]:
    """ "Iran answered within hours. *Speedboats attacked* …": a named answerer's conflicts told next."""
    return [e for e in by_sentence.get(index + 1, []) if answerer and _countries(e.actor) & answerer
            and e.status in EFFECT_STATUSES and e.quad_class in CONFLICT] if answerer else []


def _answerer(cue: Span, countries_of: CountriesOf | None) -> set[str]:
    """The countries of the subject of a cue that is a verb ("*Iran* answered", "*Moscow* retaliated")."""
    verb = cue.root
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if verb.pos_ == "VERB" and countries_of is not None else None
    return {c for c in countries_of(subject) if c} if subject is not None else set()


def _act_dated(cue: Span, lexicon: Lexicon, pointing: Collection[str]) -> Token | None:
    """The subject of the verb of sequence a cue of kind ``cause`` hangs on, when it names an act told before:
    "*The move* came a day after …", "*The recall* followed …", "*It* comes after …"."""
    verb = cue.root.head.head if cue.root.dep_ == "mark" else cue.root  # "came … *after* Ankara accused"
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # "came a day after the vote": up from "after" and "day"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() not in lexicon.word_list("sequel_verbs") or subject is None:
        return None
    told = subject.lower_ in lexicon.word_list("told_things") or subject.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in pointing for c in subject.children)
    return subject if told else None


def _told_acts(subject: Token, index: int, by_sentence: dict[int, list[Event]], lexicon: Lexicon) -> list[Event]:
    """The acts told before sentence ``index`` that a noun can name ("the recall": a SANCTION; "the move", "it":
    any), in the order told: a story names its news first, and "the move" later is that news."""
    kinds = _judged_kinds(subject, lexicon) if subject.pos_ == "NOUN" else None
    before = [e for i in sorted(by_sentence) if i < index for e in by_sentence[i]]
    return [e for e in before if e.status in DONE and (not kinds or e.event in kinds)]


def _countries(entities) -> set[str]:
    return {e.country for e in entities if e.country}


# -- the cue and its phrase -----------------------------------------------------------------------

# A cue is whole words: no letter, digit or hyphen just before or after it.
CUE_BEFORE, CUE_AFTER = r"(?<![\w-])", r"(?![\w-])"


@functools.lru_cache(maxsize=8)
def _cue_patterns(cues: tuple[Cue, ...]) -> tuple[tuple[re.Pattern, str], ...]:
    """One regular expression per cue, longest first, hyphens and spaces alike ("tit-for-tat")."""
    ordered = sorted(cues, key=lambda c: -len(" ".join(c.words)))
    return tuple((re.compile(CUE_BEFORE + _cue_words(cue) + CUE_AFTER, re.IGNORECASE), cue.kind) for cue in ordered)


@functools.lru_cache(maxsize=8)
def _cue_starts(cues: tuple[Cue, ...]) -> re.Pattern:
    """Where any cue starts, as empty matches (a lookahead, so that a cue starting inside another is found
    too): every position at which one cue's own pattern can match.  Most sentences have none, and one pass
    tells; the word boundaries are tested once per position, not once per cue (ten times faster than joining
    the cues' patterns)."""
    return re.compile(CUE_BEFORE + "(?=(?:" + "|".join(_cue_words(cue) for cue in cues) + ")" + CUE_AFTER + ")",
                      re.IGNORECASE)


def _cue_words(cue: Cue) -> str:
    parts = [re.escape(part) for word in cue.words for part in re.split(r"-", word) if part]
    return r"(?:\s+|\s*-\s*)".join(parts)


class Cues(NamedTuple):
    """The lexicon's cues compiled: where any of them starts (``_cue_starts``), and each on its own, longest
    first."""

    starts: re.Pattern
    each: tuple[tuple[re.Pattern, str], ...]


def _cues_in(sent: Span, cues: Cues, doc_text: str) -> list[tuple[Span, str]]:
    """The cues of a sentence as token spans, in order, without overlaps (the longest wins)."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[Span, str]] = []
    text = doc_text[sent.start_char:sent.end_char]  # ``sent.text``, without reading every token
    starts = [start.start() for start in cues.starts.finditer(text)]
    if not starts:
        return found
    for pattern, kind in cues.each:
        for match in matches_at(pattern, text, starts):
            start, end = match.start() + sent.start_char, match.end() + sent.start_char
            if any(start < b and a < end for a, b in taken):
                continue
            span = sent.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            taken.append((start, end))
            found.append((span, kind))
    return sorted(found, key=lambda item: item[0].start)


def matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that can match only at the positions ``starts`` (in order):
    its leftmost matches that do not overlap, tried at those positions alone instead of at every character."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)  # its look-behind still sees the text before ``start``
        if match is not None:
            yield match
            end = match.end()


def cause_phrase(cue: Span) -> Span | None:
    """The words naming what the cue says was answered, or None ("in kind", "tit-for-tat")."""
    last = cue[-1]
    if last.dep_ == "mark" and last.head.dep_ != "ROOT":  # after Prague expelled 18 Russians
        return _subtree(last.head)
    if last.pos_ == "ADP" or last.dep_ in ("prep", "agent"):
        objects = [t for t in last.children if t.dep_ in ("pobj", "pcomp")]
        return _subtree(_named_thing(objects[0])) if objects else None
    if last.pos_ in ("VERB", "NOUN"):
        for child in last.children:
            if last.pos_ == "VERB" and child.dep_ in ("dobj", "obj"):
                return _subtree(child)
            if child.dep_ == "prep" and child.lower_ in PHRASE_PREPOSITIONS:
                objects = [t for t in child.children if t.dep_ in ("pobj", "pcomp")]
                if objects:
                    return _subtree(objects[0])
    return None


def _named_thing(token: Token) -> Token:
    """What a free relative names: "in protest at *what it called* Chávez's interference" is about the
    interference, not about the calling."""
    if token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in token.children):
        named = next((c for c in token.children if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ == "NOUN"), None)
        if named is not None:
            return named
    return token


def _subtree(token: Token) -> Span:
    tokens = list(token.subtree)
    return token.doc[min(t.i for t in tokens): max(t.i for t in tokens) + 1]


def _inside(event: Event, span: Span) -> bool:
    return span.start_char <= event.trigger_span[0] < span.end_char


def _inside_any(events: list[Event], span: Span) -> bool:
    return any(_inside(e, span) for e in events)


def _first_word(sent: Span) -> int:
    for offset, token in enumerate(sent):
        if not (token.is_punct or token.is_space):
            return offset
    return 0


def _suggested_codes(phrase: Span, lexicon: Lexicon) -> tuple[str, ...]:
    """CAMEO codes of the trigger words of the phrase: sanctions → 163, expulsion → 161."""
    codes: list[str] = []
    for token in phrase:
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_
        if pos not in ("NOUN", "VERB"):
            continue
        for pattern in lexicon.patterns(token.lemma_.lower(), pos) or lexicon.patterns(token.lower_, pos):
            if pattern.cameo not in codes:
                codes.append(pattern.cameo)
    return tuple(codes)


def _stated_count(phrase: Span) -> int | None:
    for token in phrase:
        if token.like_num:
            value = number_value(token)
            if value is not None and value > 1:
                return value
    return None
