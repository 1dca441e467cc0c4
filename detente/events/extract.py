"""The events stage: who did what to whom in one sentence.

For every word of a sentence that the lexicon lists (a verb such as "expel",
a noun such as "sanctions"), the first pattern whose conditions hold in the
parse gives a CAMEO code.  Then the roles:

* the **predicate** is the verb itself, or for a noun the light verb that
  carries it ("*imposed* sanctions", "*ordered* the closure");
* the **actor** is the predicate's subject, the agent of a passive ("were
  expelled *by Moscow*"), the possessor of a noun ("*Russia's* decision to
  expel"), or — when the clause has none — the actor of the clause that
  governs it (conjoined verbs, infinitives, "by expelling"), the noun a
  relative clause modifies, or the speaker who reports it;
* the **recipient** is the entity named by the object ("expelled *US*
  diplomats"), an indirect object, a preposition ("sanctions *on Russia*",
  "talks *with China*"), or, when the sentence names none, the other party
  of the surrounding sentences (a setting).

The roles are found by ``Roles`` (events/roles.py), the status by
``Modality`` (events/modality.py).  The result is a list of ``Finding``;
dates, sizes and the final record are attached by the coder.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.knowledge import ADJECTIVE, ORGANISATION, PERSON
from ..actors.resolve import Resolver
from ..records import Entity
from . import grammar as g
from .codebook import Code
from .lexicon import NO_THEME, Lexicon, Pattern
from .modality import Modality
from .roles import Roles


@dataclass(frozen=True)
class Finding:
    """An event found in a sentence, before its date, size and record are made."""

    trigger: tuple[int, ...]
    predicate: int
    pattern: Pattern
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    theme: int | None
    status: str
    future: bool = False
    consequent: bool = False
    ultimatum: bool = False
    recipient_inferred: bool = False
    conditional: bool = False
    counted: int | None = None  # a number standing for the theme told before ("Estonia expelled *two*")
    joint: tuple[str, ...] = ()  # the thing of both parties the act is about: the types of event it names
    in_kind: bool = False  # the same act as one done to the actor, turned back ("answered in kind")
    # done together by the actor and its recipients, all named as its subject ("Brazil, Bolivia and Argentina
    # met"): one event per pair of them
    together: bool = False
    # aimed, with no one named, at who last acted against the actor ("Latvia said it would respond")
    answered: bool = False
    # the predicate of the act an answer "each time" answers, whose day "within hours" counts from
    answers: int | None = None


# Modes of acts on people that only the state hosting them does, when a passive names no agent: "he was
# declared persona non grata", "the former Marine was released".
HOSTED_MODES = frozenset({"expel", "release"})

# Acts aimed, when the sentence names no one, at who last acted against the actor.
ANSWERING_EVENTS = ("THREATEN", "MOBILIZE")

# Words aimed, when their clause names no one, at whom the speech that reports them was told to.
ADDRESSED_EVENTS = ("THREATEN", "ACCUSE", "REQUEST", "REJECT")

# Deeds a state's regret for its own side's part is an apology for.
APOLOGISED_EVENTS = frozenset({"ASSAULT", "COERCE", "PROTEST"})

# Acts named by a noun whose "between" names who did them, each to the other ("fighting between Ethiopia and
# Eritrea", "talks between Washington and Tokyo collapsed").
BETWEEN_EVENTS = ("ASSAULT", "CONSULT")

# The CAMEO code of mediation done (the parties mediated are its recipients).
MEDIATED = "045"

# How many acts back the accusation a denial answers may be told.
DENIAL_REACH = 4


def _sector_fits(pattern: Pattern, actor: list[Entity]) -> bool:
    """Whether the actor has one of the sectors a pattern asks for (``NONE`` for none)."""
    if pattern.sector is None:
        return True
    return any((e.sector or "NONE") in pattern.sector for e in actor)


def _spent_on(amount: Token) -> Token | None:
    """What an amount of money is of or in ("$2.5 million *in military assistance*"), not where it goes ("invested
    $1.5 billion *in Bolivia*")."""
    return next((o for _p, o in g.prep_objects(amount, MONEY_PREPS) if o.pos_ == "NOUN"), None)


def _named_by(finding: Finding, others: list[Finding], doc: Doc) -> bool:
    """Whether a finding is an act that another finding's clause names as its object or cause ("condemned *the
    raid*"), not a deed told by a clause of its own."""
    predicate = doc[finding.predicate]
    return predicate.pos_ in ("NOUN", "PROPN") and any(
        o.predicate != finding.predicate and doc[o.predicate] in predicate.ancestors for o in others)


def _distinct(entities: list[Entity]) -> list[Entity]:
    """The entities without repeats of a country in one sector ("Russia's GRU and FSB" is Russia's, once)."""
    return list({(e.country, e.sector): e for e in entities}.values())


def _circumstance_of(clause: Token, verb: Token) -> bool:
    """ "Islamabad answered …, *as* the two neighbours *moved* troops": the clause is a circumstance of the
    verb (an adverbial clause with a conjunction), not what the verb reports."""
    for token in g.clause_chain(clause):
        if token.i == verb.i:
            return False
        if token.dep_ == "advcl" and token.head.i == verb.i and any(c.dep_ == "mark" for c in token.children):
            return True
    return False


# How the parser hangs on the verb the states of a list whose verb is left out ("…, Spain 25, Denmark 15").
REMNANT_DEPS = frozenset({"npadvmod", "appos", "conj", "dobj", "nsubj"})


def _remnant_number(member: Token, approximators: frozenset[str]) -> Token | None:
    """The number of a state in a list with the verb left out: its own ("Denmark *15*"), or one right after
    it, past words of ``approximators`` ("Spain around *25*")."""
    own = next((c for c in member.children if c.like_num), None)
    if own is not None:
        return own
    doc = member.doc
    for token in doc[member.right_edge.i + 1:min(len(doc), member.right_edge.i + 4)]:
        if token.like_num:
            return token
        if token.lower_ not in approximators:
            return None
    return None


def _holds(clause: Token, token: Token) -> bool:
    """Whether a token is in the phrase a clause's head spans."""
    return clause.left_edge.i <= token.i <= clause.right_edge.i


# Prepositions that give the reason of a measure ("sanctions *over* the interference").
REASON_PREPS = frozenset({"over", "for"})

# Sectors of those whose report of another state's hostile act is an accusation: the state and its bodies, its
# intelligence and cyber agencies included ("the National Cyber Security Centre said Russian military intelligence
# had hacked …").
STATE_VOICES = frozenset({"NONE", "GOV", "MIL", "LEG", "JUD", "SPY"})

# Hostile deeds whose victim a condemnation names ("condemned the attack *on* X"), not whom it accuses, and the
# prepositions that name the victim.
HOSTILE_DEEDS = frozenset({"ASSAULT", "COERCE"})
# Events that pass a verdict on something done or decided: praise, condemnation, refusal.
VERDICT_EVENTS = frozenset({"SUPPORT", "ACCUSE", "REJECT"})
VICTIM_PREPS = frozenset({"against", "on", "upon"})

# Types of the acts that, about a thing two parties have together, are aimed at both of them.
JOINT_EVENTS = frozenset({"SUPPORT", "AGREE", "REQUEST", "CONSULT", "COOPERATE", "AID", "ACCUSE"})

# Prepositions that lead to the thing two parties have together ("a halt *to* the fighting", "called *for* talks").
JOINT_PREPS = frozenset({"to", "for", "of", "on", "in", "with"})

# Prepositions that name on whom a threatened act would fall ("consequences *for* Israel").
THREAT_PREPS = frozenset({"for", "against", "on"})

# Dependencies of a clause that states what the act above it is for.
PURPOSE_DEPS = {"advcl", "xcomp", "acl", "prep", "pcomp"}

MATERIAL_COOPERATION, MATERIAL_CONFLICT = 2, 4  # quad classes of deeds
VERBAL = (1, 3)  # quad classes of words
MONEY_PREPS = frozenset({"in", "of"})  # what an amount of money is spent on: "$2 million *in* aid"

# How many conjoined clauses back an act may be placed by the first ("bombed a camp in X *and killed* …").
GOVERNING_CONJUNCTS = 3


class EventFinder:
    """Finds the events of the sentences of one document, in order."""

    def __init__(self, lexicon: Lexicon, codes: dict[str, Code], resolver: Resolver, *,
                 context_recipient: bool = True) -> None:
        self.lexicon = lexicon
        self.codes = codes
        self.resolver = resolver
        self.context_recipient = context_recipient
        self.roles = Roles(lexicon, resolver)
        self.modality = Modality(lexicon, codes, self.roles)
        self.reciprocal = lexicon.word_list("reciprocal_events")
        self.laying = lexicon.word_list("laying_verbs")
        self.unilateral = tuple(lexicon.word_list("unilateral_codes"))
        self.mediation = tuple(sorted(lexicon.word_list("mediation_codes")))
        self.brokering = lexicon.word_list("brokering_words")
        self.brokering_preps = lexicon.word_list("brokering_preps")
        self.bidding_preps = lexicon.word_list("bidding_preps")
        self.vetoing = lexicon.word_list("vetoing_words")
        self.body_decisions = lexicon.word_list("body_decisions")
        self.swaps = lexicon.word_list("swap_nouns")
        self.unheld = lexicon.word_list("unheld_words")
        self.repeated = tuple(sorted(lexicon.word_list("repeated_codes")))
        self.returned_force = lexicon.word_list("returned_force")
        self.forums = frozenset(code.upper() for code in lexicon.word_list("forum_bodies"))
        self.regrets = lexicon.word_list("regret_words")
        self.apology_doers = lexicon.word_list("apology_doers")
        self.regret_preps = lexicon.word_list("regret_preps")
        self.bonds = lexicon.word_list("bond_nouns")
        self.context_events = lexicon.word_list("context_recipient_events")
        self.context_codes = tuple(sorted(lexicon.word_list("context_recipient_codes")))
        self.cooperative = lexicon.word_list("cooperative_events")
        self.denials = tuple(sorted(lexicon.word_list("denial_codes")))
        self.mission_preps = lexicon.word_list("mission_preps")
        self.siege_codes = tuple(sorted(lexicon.word_list("siege_codes")))
        self.territorial_codes = tuple(sorted(lexicon.word_list("territorial_codes")))
        self.set_phrases = lexicon.word_list("set_phrase_words")
        self.told_things = lexicon.word_list("told_things")
        self.wishing = lexicon.word_list("wishing_words")
        self.placed_events = lexicon.word_list("placed_events")
        self.domestic_events = lexicon.word_list("domestic_placed_events")
        self.domestic_codes = tuple(sorted(lexicon.word_list("domestic_codes")))
        self.instruments = lexicon.word_list("attack_instruments")
        self.needs_counterpart = lexicon.word_list("counterpart_events")
        self.press = lexicon.word_list("press_nouns")
        self.audience = lexicon.word_list("audience_nouns") | self.press
        self.envoys = lexicon.word_list("envoy_nouns")
        self.answering = lexicon.word_list("answering_verbs")
        self.justifying = lexicon.word_list("justifying_words")
        self.following = lexicon.word_list("following_verbs")
        self.following_objects = lexicon.word_list("following_objects")
        self.copying_verbs = lexicon.word_list("copying_verbs")
        self.copying_words = lexicon.word_list("copying_words")
        self.additive_adverbs = lexicon.word_list("additive_adverbs")
        self.pro_verbs = lexicon.word_list("pro_verbs")
        self.hosted_codes = lexicon.word_list("hosted_codes")
        self.addressing = lexicon.word_list("addressing_verbs")
        self.cause_marks = lexicon.word_list("cause_marks")
        self.sovereign_things = lexicon.word_list("sovereign_things")
        self.said_things = lexicon.word_list("said_things")
        self.rejected_things = lexicon.word_list("rejected_things")
        self.spoken_things = lexicon.word_list("spoken_things")
        self.bare_measures = lexicon.word_list("bare_measures")
        self.own_meetings = lexicon.word_list("own_meetings")
        self._beneficiaries: tuple[object, list[Entity]] = (None, [])  # the document and what its appeals are for
        self.hoping = lexicon.word_list("hoping_verbs")
        self.wanting = lexicon.word_list("wanting_verbs")
        self.conditions = lexicon.word_list("condition_marks")
        self.releasing = lexicon.word_list("release_nouns")
        self.in_kind_words = lexicon.word_list("in_kind_words")
        self.reciprocating = lexicon.word_list("reciprocating_verbs")
        self.matching = lexicon.word_list("matching_verbs")
        self.shared = lexicon.word_list("shared_words")
        self.approximators = lexicon.word_list("approximators")
        self.feeling_preps = lexicon.word_list("feeling_preps")
        self.refusing = lexicon.word_list("refusing_verbs")
        self.reversing = lexicon.word_list("reversing_verbs")
        self.no_comment = lexicon.word_list("comment_verbs")
        self.deciding = lexicon.word_list("deciding_verbs")
        self.particle_adverbs = lexicon.word_list("particle_adverbs")
        self.joint_things = lexicon.word_list("joint_things")
        self.mutual = lexicon.word_list("mutual_words")
        self.drawing = lexicon.word_list("drawing_verbs")
        self.hosted = lexicon.word_list("hosted_people")
        self.arriving = lexicon.word_list("arriving_verbs")
        self.reactions = lexicon.word_list("reaction_nouns")
        self.asking = lexicon.word_list("asking_verbs")
        self.state_sectors = frozenset(s.upper() for s in lexicon.word_list("state_sectors"))
        self.earlier: list[Finding] = []  # the findings of the document's previous sentences
        self.told: list[Finding] = []  # this sentence's findings so far
        self._complements: dict[int, list[tuple[str, str, Token]]] = {}  # this sentence's, by token

    def sentence(self, sent: Span) -> list[Finding]:
        """The events of one sentence; afterwards the sentence's actors join the discourse."""
        self.roles.reset()
        self._complements = {}
        findings: list[Finding] = []
        self.told = findings
        consumed: set[int] = set()
        tokens = list(sent)  # one walk of the sentence: spaCy makes a new token object at each
        clauses = [t for t in tokens if t.pos_ in ("VERB", "AUX")]
        verbs = [t for t in clauses if self.lexicon.patterns(g.lemma(t), "VERB") and not self._in_name(t)]
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and self.lexicon.patterns(g.lemma(t), "NOUN")
                 and not self._in_name(t)]
        for token in verbs:
            if token.i in consumed:
                continue
            found = self._verb_event(token, consumed)
            if found:
                findings.extend(self._gapped(found))
        for token in nouns:
            if token.i in consumed:
                continue
            found = self._noun_event(token)
            if found:
                findings.extend(self._gapped(found))
        for token in tokens:
            if token.i not in consumed and self._is_adjective(token):
                found = self._adjective_event(token)
                if found:
                    findings.append(found)
        for token in clauses:
            if token.i not in consumed:
                found = self._modal_demand(token, findings) or self._asked(token, findings) \
                    or self._hoped(token, findings)
                if found:
                    findings.append(found)
                condition = self._conditioned(token, findings)
                if condition:
                    findings.append(condition)
        findings = [split for finding in findings for split in self._mutual(finding)]
        findings.extend(self._brokered(tokens, findings))
        findings.extend(self._swapped(findings))
        findings.extend(self._reported_acts(findings))
        findings.extend(self._in_kind(clauses, findings))
        # "summoned the envoys *to protest*, and Spain did the same": the summons is done again, not its purpose
        findings.extend(self._followed(clauses, self._without_purposes(findings)))
        self.roles.remember(sent)
        findings = self._shared_recipients(self._without_means(self._without_decisions(
            self._without_purposes(findings))))
        findings = [self._against_cause(self._across_border(finding), findings) for finding in findings]
        findings = [self._as_apology(finding, findings) for finding in findings]
        for finding in findings:  # who did what to whom so far: "both sides" are the parties of the story
            # a mediator's welcome of "the accord" makes it no party, nor does its mediation
            if not finding.joint and not finding.pattern.cameo.startswith(self.mediation):
                self.resolver.discourse.note_dyad(finding.actor, finding.recipient)
        self.earlier.extend(findings)
        return findings

    def _shared_recipients(self, findings: list[Finding]) -> list[Finding]:
        """ "Canada was concerned by the arrests and urged *the Saudi authorities* to release them": a
        conflict without a recipient, verbal or material ("downgraded ties with India and *suspended trade*"),
        conjoined to an act of the same actor that has one, is aimed at the same side; so is an act without an
        object that follows from such an act ("…, arresting twelve")."""
        doc = self.resolver.doc
        out = []
        for finding in findings:
            predicate = doc[finding.predicate]
            # "police opened fire on the crowd, *killing* one and *arresting* twelve": what the act leads to
            first = predicate
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            consequence = first.dep_ == "advcl" and first.tag_ == "VBG"
            code = self.codes[finding.pattern.cameo]
            # a threat aimed by guess at who last acted against the actor ("… and warned that it would
            # respond") is aimed at whom the conjoined act names ("called *the British decision* hasty")
            if (not finding.recipient or finding.answered) and (code.quad_class in (3, 4) or consequence):
                conjoined = {finding.predicate} | {t.i for t in predicate.conjuncts}
                if consequence:
                    conjoined |= {first.head.i} | {t.i for t in first.head.conjuncts}
                actor = {e.country for e in finding.actor}
                # (an answer keeps its adversary over a measure at home: "declared a state of emergency and called
                # up reservists")
                other = next((f for f in findings if f is not finding and f.recipient and f.predicate in conjoined
                              and {e.country for e in f.actor} == actor and not f.recipient_inferred
                              and not f.answered
                              and not (finding.answered and {e.country for e in f.recipient} <= actor)), None)
                if other is not None:
                    finding = dataclasses.replace(finding, recipient=other.recipient)
            out.append(finding)
        return out

    def _across_border(self, finding: Finding) -> Finding:
        """An attack on the actor's own people in another state's land falls on that state: "Colombian forces
        bombed a FARC camp *inside Ecuador* and killed …", "Turkish jets struck PKK positions *in northern Iraq*"."""
        if self.codes[finding.pattern.cameo].event != "ASSAULT" or not finding.recipient:
            return finding
        actor = {e.country for e in finding.actor}
        if not {e.country for e in finding.recipient} <= actor:
            return finding
        clause = self.resolver.doc[finding.predicate]
        for _ in range(GOVERNING_CONJUNCTS):
            land = [e for e in self.roles.scene(clause) if e.country not in actor]
            if land:
                return dataclasses.replace(finding, recipient=tuple(land))
            if clause.dep_ != "conj":
                break
            clause = clause.head  # "… *inside Ecuador* and killed the group's commander": where the first act was
        return finding

    def _against_cause(self, finding: Finding, findings: list[Finding]) -> Finding:
        """A conflict that names no one is aimed at whoever did to its actor the act of a clause or phrase that
        says why or after what it came ("Japan lodged a protest *after a Chinese survey ship entered* Japanese
        waters", "recalled its envoy *over the raid* by …"), not of one that tells what was said or asked."""
        if finding.recipient or self.codes[finding.pattern.cameo].quad_class not in (3, 4):
            return finding
        doc = self.resolver.doc
        predicate, actor = doc[finding.predicate], {e.country for e in finding.actor}

        def cause_of(other: Finding) -> bool:
            node, path = doc[other.predicate], []
            while node.i != predicate.i and node.head.i != node.i:
                if node.dep_ in ("ccomp", "xcomp", "conj", "relcl"):
                    return False
                path.append(node)
                node = node.head
            # a clause or phrase on the way up that says after what or why ("*after* a ship entered …",
            # "suspended flights *following* the shelling …", however the parser hung it)
            return node.i == predicate.i and other is not finding and any(
                n.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.cause_marks for c in n.children)
                or n.dep_ in ("prep", "advcl", "acl") and n.lower_ in self.cause_marks for n in path)
        cause = next((f for f in findings if cause_of(f) and f.actor and actor & {e.country for e in f.recipient}
                      and not actor & {e.country for e in f.actor}), None)
        return finding if cause is None else dataclasses.replace(finding, recipient=cause.actor)

    def _as_apology(self, finding: Finding, told: list[Finding]) -> Finding:
        """Regret voiced over what the actor's own side did is an apology (055) to those it was done to:
        regret of a deed of people no other state is named for ("regretted the unacceptable behaviour *of
        protesters*"), or, said of nothing, after a deed of the actor's own side ("Cambodian rioters burned the
        Thai embassy … Hun Sen *expressed deep regret*")."""
        if self.codes[finding.pattern.cameo].event != "ACCUSE":
            return finding
        doc, own = self.resolver.doc, {e.country for e in finding.actor}
        words = {g.lemma(doc[i]) for i in finding.trigger} | {finding.pattern.lemma}
        theme = doc[finding.theme] if finding.theme is not None else None
        if not (words | ({g.lemma(theme)} if theme is not None else set())) & self.regrets:
            return finding
        regretted = [theme] if theme is not None and g.lemma(theme) not in self.regrets else []
        regretted += [o for i in {*finding.trigger, finding.predicate}
                      for _p, o in g.prep_objects(doc[i], self.regret_preps)]
        # the doers the regretted deed names ("the killing of two Jordanians *by an Israeli guard*", "the *U.S.*
        # decision"), else any state it names
        doers = {e.country for thing in regretted for e in self.roles.own_actors(thing)}
        # or the forces or craft an "of" names ("the intrusion *of a Chinese submarine*"), which do, not suffer
        doers |= {e.country for thing in regretted for _of, o in g.prep_objects(thing, frozenset({"of"}))
                  for e in self.roles.entities(o) if e.sector == "MIL"}
        named = doers or {e.country for thing in regretted for t in thing.subtree for e in self.roles.entities(t)}
        if named - own:
            return finding  # "regretted the U.S. decision"
        # deeds done, not those denied or held out ("we will not impose visas on Moldovans")
        deeds = [f for f in [*self.earlier, *told] if f is not finding and f.recipient and f.status == "actual"
                 and self.codes[f.pattern.cameo].event in APOLOGISED_EVENTS]
        last = next((f for f in reversed(deeds) if own & {e.country for e in (*f.actor, *f.recipient)}), None)
        own_deed = last is not None and bool(own & {e.country for e in last.actor})
        people = {w for thing in regretted for t in thing.subtree for w in g.phrase_lemmas(t)} & self.apology_doers
        if not own_deed and not people and not doers:
            return finding
        # the victims of the run of own deeds told last ("burned the Danish and Norwegian embassies … and the
        # building of the Swedish one")
        run = list(itertools.takewhile(lambda f: own & {e.country for e in f.actor}, reversed(deeds))) \
            if own_deed else []
        victims = _distinct([e for f in run for e in f.recipient if e.country not in own]) if run \
            else [e for i in {*finding.trigger, finding.predicate} for _p, o in g.prep_objects(doc[i], {"to"})
                  for e in self.roles.entities(o) if e.country not in own] \
            or self._other_party(own)  # "expressed deep regret *to Jordan*"
        return dataclasses.replace(finding, pattern=dataclasses.replace(finding.pattern, cameo="055"),
                                   recipient=tuple(victims), recipient_inferred=True)

    def _mutual(self, finding: Finding) -> list[Finding]:
        """ "India and Pakistan accused *each other*", "each side accuses *the other*", "the two *traded* fire":
        an act of several states without a recipient, done by each to each other, is one event per ordered
        pair; an act several states did together, one event per pair of them."""
        if finding.together:
            parties = list({e.country: e for e in (*finding.actor, *finding.recipient) if e.country}.values())
            return [dataclasses.replace(finding, actor=(first,), recipient=(second,), together=False)
                    for n, first in enumerate(parties) for second in parties[n + 1:]] or [finding]
        states = list({e.country: e for e in finding.actor if e.country}.values())
        if len(states) < 2:
            return [finding]
        doc = self.resolver.doc
        predicate = doc[finding.predicate]
        subject = g.subject(predicate)
        if subject is not None and len(states) == 2 and any(c.lower_ == "each" for c in subject.children):
            finding = dataclasses.replace(finding, recipient=())  # "each side expelled one diplomat"
        if finding.recipient and g.lemma(predicate) in self.mutual \
                and not any(c.dep_ == "prep" and c.lower_ == "with" for c in predicate.children):
            # "Turkey and Israel *traded* expulsions and insults … after troops killed 60 Palestinians": with each
            # other
            finding = dataclasses.replace(finding, recipient=())
        if finding.recipient:
            return [finding]
        theme = doc[finding.theme] if finding.theme is not None else None
        words = {g.lemma(predicate)} | ({theme.lower_} if theme is not None else set())
        each = subject is not None and any(c.lower_ == "each" for c in subject.children)
        # "moved troops toward *their shared border*": what is between them
        shared = any(c.dep_ == "amod" and c.lower_ in self.shared
                     for _p, place in g.prep_objects(predicate) for c in place.children)
        if not words & self.mutual and not each and not shared:
            return [finding]
        return [dataclasses.replace(finding, actor=(first,), recipient=(second,))
                for first in states for second in states if first is not second]

    def _swapped(self, findings: list[Finding]) -> list[Finding]:
        """ "Iran released a Belgian aid worker *in exchange for* an Iranian diplomat jailed in Belgium": a
        release told as one side of a swap (``swap_nouns``) between two states is done by the other side too,
        the same day (not by a body, nor in a swap of several states: who freed whom is not told)."""
        doc = self.resolver.doc
        told = {(a.country, r.country, f.pattern.cameo) for f in findings for a in f.actor for r in f.recipient}
        out = []
        for finding in findings:
            mode = finding.pattern.mode or self.codes[finding.pattern.cameo].mode
            states = [e for e in (*finding.actor, *finding.recipient)
                      if not self.resolver.kb.is_organisation(e.country)]
            if mode != "release" or len(finding.actor) != 1 or len(finding.recipient) != 1 or len(states) != 2 \
                    or not self._as_swap(doc[finding.predicate]):
                continue
            if any((r.country, a.country, finding.pattern.cameo) in told
                   for a in finding.actor for r in finding.recipient):
                continue
            out.append(dataclasses.replace(finding, actor=finding.recipient, recipient=finding.actor))
        return out

    def _as_swap(self, predicate: Token) -> bool:
        """Whether a clause says it was done in a swap: "*in exchange for*", "*as part of a prisoner swap*"."""
        return any(g.lemma(node) in self.swaps for _p, obj in g.prep_objects(predicate)
                   for node in (obj, *(o for _q, o in g.prep_objects(obj))))

    def _in_kind(self, clauses: list[Token], findings: list[Finding]) -> list[Finding]:
        """ "Britain expelled three Syrian diplomats, and Damascus *answered in kind*": an answer said to be the
        same act does to the other side what that side last did to the answerer, one event per act answered.
        An answer "each time" replaces, in ``findings``, the act its clause tells with its answers."""
        out = []
        for verb in clauses:
            if verb.pos_ != "VERB" or not self._answers_in_kind(verb) or self.modality.is_future(verb) \
                    or self.modality.negated(verb, None) \
                    or (verb.dep_ == "xcomp" and g.lemma(verb.head) in self.refusing):
                continue  # "would respond in kind" is a threat; "did not retaliate", "declined to match" nothing
            answerer = self.roles.actors(verb)
            countries = {e.country for e in answerer}
            if not countries or None in countries:
                continue
            before = [f for f in findings if f.predicate < verb.i]
            if self._every_time(verb):
                # "*Each time*, Moscow hit back in kind, *banning* the other side's carriers": every act against it
                # told in the sentences before is answered, and the act the clause tells is those answers
                answers = [Finding(trigger=(verb.i,), predicate=verb.i, pattern=act.pattern, actor=tuple(answerer),
                                   recipient=act.actor, theme=None, status="actual", in_kind=True,
                                   answers=act.predicate)
                           for act in self._all_acts_against(countries, before, verb)]
                codes = {a.pattern.cameo for a in answers}
                findings[:] = [f for f in findings if not (verb.left_edge.i <= f.predicate <= verb.right_edge.i
                                                           and f.pattern.cameo in codes
                                                           and {e.country for e in f.actor} & countries)]
                out.extend(answers)
                continue
            # "responded in kind, *expelling* 23 diplomats": an act the sentence tells is not made again
            told = {f.pattern.cameo for f in findings if verb.left_edge.i <= f.predicate <= verb.right_edge.i
                    and {e.country for e in f.actor} & countries}
            out.extend(Finding(trigger=(verb.i,), predicate=verb.i, pattern=act.pattern, actor=tuple(answerer),
                               recipient=act.actor, theme=None, status="actual", in_kind=True)
                       for act in self._acts_against(countries, before)
                       if act.pattern.cameo not in told)
        return out

    @staticmethod
    def _every_time(verb: Token) -> bool:
        """ "*Each time*, Moscow hit back in kind", "*every time* it retaliated": the answer is to each act."""
        return any(g.lemma(c) == "time" and any(d.lower_ in ("each", "every") for d in c.children)
                   for c in verb.children)

    def _all_acts_against(self, countries: set[str | None], findings: list[Finding], verb: Token) -> list[Finding]:
        """The deeds done to ``countries`` by others in this sentence and the two before, one per doer."""
        start = g.sentences_back(verb, 2)
        acts = [f for f in [*self.earlier, *findings] if f.predicate >= start and self._done_to(f, countries, (4,))]
        return [next(f for f in acts if e in f.actor) for e in _distinct([e for f in acts for e in f.actor])]

    def _done_to(self, finding: Finding, countries: set[str | None], kinds: tuple[int, ...]) -> bool:
        """Whether a conflict of these quad classes, done or planned, was done to ``countries`` by others (not one
        done together, nor an answer in kind itself)."""
        return self.codes[finding.pattern.cameo].quad_class in kinds and finding.status in ("actual", "planned") \
            and not finding.joint and not finding.in_kind and bool({e.country for e in finding.recipient} & countries) \
            and not {e.country for e in finding.actor} & countries

    def _followed(self, clauses: list[Token], findings: list[Finding]) -> list[Finding]:
        """ "Germany expelled 40 Russian diplomats. Within hours *France followed with 35*", "Poland *followed
        suit*": the follower does the last conflict another state did, to the same side (with its own number); one
        that followed suit or did the same, the last act of any kind ("Austria *followed suit*" in a recognition)."""
        out = []
        for verb in clauses:
            obj = g.direct_object(verb)
            as_did = self._as_did(verb)
            copying = as_did or self._copies(verb, obj)
            participle = verb.tag_ == "VBG" and verb.dep_ == "advcl"  # "…, *adding* its voice to the condemnation"
            if verb.pos_ != "VERB" or (g.lemma(verb) not in self.following and not copying) \
                    or (verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN") and not participle) \
                    or self.modality.is_future(verb) or any(f.predicate == verb.i for f in findings):
                continue  # "urged the others *to follow*": not done
            number = next((o for _p, o in g.prep_objects(verb, {"with"}) if o.like_num), None)
            if obj is not None and not copying and g.lemma(obj) not in self.following_objects:
                continue
            if not self._follows_as_actor(verb):
                continue
            follower = self.roles.actors(verb)
            countries = {e.country for e in follower}
            # a follower does the last deed; one who does or says the same, the last deed or words, but not the
            # words its doer said about its own deed ("The EU closed its airspace. 'Our airspace is closed,' she
            # said. Canada did the same"); "as did" what its own clause tells
            spoken = g.lemma(verb) in self.roles.speech or (obj is not None and g.lemma(obj) in self.spoken_things)
            told = [f for f in findings if f.predicate == verb.head.i] if as_did else [
                *self.earlier, *[f for f in findings if f.predicate < verb.i]]
            # "followed suit" or "did the same" after words or cooperation too; a bare "followed", a deed
            any_kind = as_did or copying or (obj is not None and g.lemma(obj) in self.following_objects)
            # the deed of a clause, not one its object names ("Mexico condemned *the raid*. Chile did the same")
            last = next((f for n, f in reversed(list(enumerate(told)))
                         if (any_kind or self._quad_class(f) == 4)
                         and not f.in_kind and not {e.country for e in f.actor} & countries
                         and not _named_by(f, told, verb.doc)
                         and (as_did or spoken or not self._about_own_deed(f, told[:n]))), None)
            recipient = tuple(e for e in last.recipient if e.country not in countries) if last is not None else ()
            if countries and None not in countries and recipient:
                # a refusal followed is refused again ("would not attend the summit. Bangladesh did so too")
                status = "denied" if last.status == "denied" else "actual"
                out.append(dataclasses.replace(last, trigger=(verb.i,), predicate=verb.i, actor=tuple(follower),
                                               recipient=recipient, theme=None, status=status,
                                               counted=number.i if number is not None else None))
        return out

    def _quad_class(self, finding: Finding) -> int:
        """The quad class of what a finding tells: cooperation denied is verbal conflict ("would not attend")."""
        quad = self.codes[finding.pattern.cameo].quad_class
        return 3 if finding.status == "denied" and quad in (1, 2) else quad

    def _follows_as_actor(self, verb: Token) -> bool:
        """Whether a clause tells of someone doing again what another did: active ("diplomats were refused
        information, *followed* and prevented from …" were watched), with a subject that names an actor or
        stands for one ("Bulgaria followed", "it did the same"), not a thing ("his offer of mediation *followed*").
        """
        clause = verb.head if verb.dep_ == "conj" and g.first_child(verb, "nsubj") is None else verb
        if g.is_passive(verb) or g.is_passive(clause):
            return False
        subject = g.subject(verb) or (g.subject(clause) if clause is not verb else None) \
            or next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "*the British delegate* took the same line", "*Colombia's president*, Gustavo Petro, said the same"
        return subject is None or subject.pos_ in ("PROPN", "PRON") or subject.i in self.resolver.by_token \
            or bool(self.roles.entities(subject))

    def _about_own_deed(self, words: Finding, before: list[Finding]) -> bool:
        """Whether words follow a deed of their own speaker told just before them."""
        if self.codes[words.pattern.cameo].quad_class != 3 or not before:
            return False
        deed = before[-1]
        return self.codes[deed.pattern.cameo].quad_class == 4 \
            and {e.country for e in deed.actor} == {e.country for e in words.actor}

    def _copies(self, verb: Token, obj: Token | None) -> bool:
        """ "took the same step", "said the same", "*So did* Chile, Bolivia and Venezuela": the verb does again
        what another did."""
        if g.lemma(verb) not in self.copying_verbs:
            return False
        if obj is not None:
            # "announced shutdowns": a measure with no words of its own but a determiner is the one told before
            bare = g.lemma(obj) in self.bare_measures and all(c.dep_ in ("det", "predet") for c in obj.children)
            return bare or g.lemma(obj) in self.copying_words or any(g.lemma(c) in self.copying_words
                                                                      for c in obj.children)
        # "*So did* Chile", "Denmark *did so too*", "Norway also *did so*", "Chile *did likewise*", "said *the
        # same*" (which the parser may read as an adverb)
        adverbs = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod")]
        adverbs += [c for a in adverbs if a.lower_ in self.additive_adverbs for c in a.children if c.dep_ == "advmod"]
        # … and a bare "did" or "has" with "too" ("Spain *has too*")
        bare = g.lemma(verb) in self.pro_verbs and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "acomp", "prep")
                                                      for c in verb.children)
        return any(a.lower_ == "so" or g.lemma(a) in self.copying_words for a in adverbs) \
            or bare and any(a.lower_ in self.additive_adverbs for a in adverbs)

    def _as_did(self, verb: Token) -> bool:
        """ "Japan expressed serious concern, *as did Australia*", "*as had* Spain" (not "as it did in 2019"): the
        verb does again what its head clause tells."""
        return g.lemma(verb) in self.pro_verbs and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)

    def _answers_in_kind(self, verb: Token) -> bool:
        """ "answered *in kind*", "responded *with identical measures*", "*likewise* retaliated", "reciprocated",
        "matched the move"."""
        lemma = g.lemma(verb)
        if lemma not in self.answering:
            return False
        obj = g.direct_object(verb)
        if lemma in self.reciprocating and obj is None:
            return True
        if lemma in self.matching:
            return obj is not None and g.lemma(obj) in self.roles.decision_nouns
        words = {c for c in verb.children if c.dep_ == "advmod"}
        words |= {place for _prep, place in g.prep_objects(verb, {"in", "with", "by"})}
        words |= {verb.doc[c.i + 1] for c in verb.children  # "in kind" where the parser leaves "in" bare
                  if c.dep_ == "prep" and c.lower_ == "in" and c.i + 1 < len(verb.doc)}
        words |= {c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound")}
        return any(w.lower_ in self.in_kind_words or g.lemma(w) in self.in_kind_words for w in words)

    def _acts_against(self, countries: set[str | None], findings: list[Finding]) -> list[Finding]:
        """The conflicts last done to ``countries`` by others: those of the latest sentence that has any (this
        one first), one per code."""
        acts = [f for f in findings if self._done_to(f, countries, (3, 4))]
        if not acts:
            doc = self.resolver.doc
            earlier = [f for f in self.earlier if self._done_to(f, countries, (3, 4))]
            last = doc[earlier[-1].predicate].sent.start if earlier else None
            acts = [f for f in earlier if doc[f.predicate].sent.start == last]
        return list({f.pattern.cameo: f for f in acts}.values())

    def _reported_acts(self, findings: list[Finding]) -> list[Finding]:
        """ "Ethiopia's spokeswoman said *Eritrean forces had attacked*": a state that reports a hostile act of
        another against itself, or against nobody named, accuses it (ACCUSE 112, by the speaker, dated by the
        speech); the act itself is kept as the text tells it."""
        out = []
        for finding in findings:
            code = self.codes[finding.pattern.cameo]
            predicate = self.resolver.doc[finding.predicate]
            # an act told as a clause ("said Russian forces *shelled* …"), not one named by a noun, which the
            # speaker takes as known ("said the cap answered *Moscow's expulsion* of …")
            told_as_clause = predicate.pos_ == "VERB" and code.quad_class == 4 and finding.status == "actual"
            speech = self.roles.speech_of(predicate) if told_as_clause else None
            if speech is None or finding.pattern.actor == "speaker" or _circumstance_of(predicate, speech):
                continue
            if g.is_passive(predicate) and g.passive_agent(predicate) is None:
                continue  # "said its consulate had been attacked": nobody is named, so nobody is accused
            speaker = list({e.country: e for e in self.roles.speaker_of(predicate)
                            if (e.sector or "NONE") in STATE_VOICES}.values())
            speakers, doers = {e.country for e in speaker}, {e.country for e in finding.actor}
            victims = {e.country for e in finding.recipient}
            parties = {e.country for e in self.resolver.discourse.pair()}
            # the victim reports it, or, with no victim named, one party of the story tells of the other's act
            # (alone or with others: "the agencies of the United States, Britain and Canada said …")
            told = victims & speakers if victims else bool(speakers & parties) and doers <= parties
            if not speaker or speakers & doers or not told:
                continue
            if any(f.predicate == speech.i and self.codes[f.pattern.cameo].event == "ACCUSE" for f in findings):
                continue
            pattern = Pattern(lemma=g.lemma(speech), pos="VERB", cameo="112")
            out.append(Finding(trigger=(speech.i,), predicate=speech.i, pattern=pattern, actor=tuple(speaker),
                               recipient=finding.actor, theme=None, status="actual"))
        return out

    def _brokered(self, tokens: list[Token], findings: list[Finding]) -> list[Finding]:
        """ "Iran freed the doctor in a deal *mediated by Oman*", "the accord, which was *brokered by* the EU",
        "agreed after talks *under the chairmanship of* Sudan's head of state": who brokered the deal, the accord
        or the talks mediated (045) between the parties of the act they belong to, one event with each party, on
        that act's day; with no such act, between the parties a "between" names."""
        out = []
        doc = self.resolver.doc
        for token in tokens:
            mediators, thing = self._mediation(token)
            countries = {e.country for e in mediators}
            if not mediators or None in countries:
                continue
            hosts = [f for f in findings if f.pattern.cameo != MEDIATED and _holds(doc[f.predicate], thing)]
            parties = [e for f in hosts for e in (*f.actor, *f.recipient)] or self._between_parties(thing)
            parties = list({e.country: e for e in parties if e.country and e.country not in countries}.values())
            host = hosts[0] if hosts else None
            told = host if host is not None and token.pos_ == "NOUN" else None  # a participle's deal was made
            pattern = Pattern(lemma=g.lemma(token), pos=token.pos_, cameo=MEDIATED)
            out.extend(Finding(trigger=(token.i,), predicate=host.predicate if host else token.i, pattern=pattern,
                               actor=tuple(mediators), recipient=(party,), theme=None,
                               status=told.status if told else "actual", future=told.future if told else False)
                       for party in parties)
        return out

    def _mediation(self, token: Token) -> tuple[list[Entity], Token]:
        """Who mediated, and the thing mediated: the agent of a participle of brokering and the deal it qualifies
        ("a deal *brokered by Oman*"), or whose a noun of brokering is and the word its phrase hangs on ("talks
        *under the auspices of the OAU*")."""
        if g.lemma(token) not in self.brokering and token.lower_ not in self.brokering:  # "auspices" (lemma "auspex")
            return [], token
        if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"):
            agent = g.passive_agent(token)
            return (self.roles.entities(agent) if agent is not None else []), token.head
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in self.brokering_preps:
            owner = next((o for _p, o in g.prep_objects(token, frozenset({"of"}))), None)
            return self.roles.entities(owner if owner is not None else token), token.head.head
        return [], token

    def _in_name(self, token: Token) -> bool:
        """Whether a word is part of a longer proper name ("the Collective Security *Treaty* Organisation") or
        names a person the knowledge base knows ("met *Mr Ban* in New York"), which is no trigger."""
        match = self.resolver.by_token.get(token.i)
        return match is not None and all(t.case_sensitive for t in match.terms) and (
            match.end - match.start > 1 or any(t.kind == PERSON for t in match.terms))

    def _gapped(self, finding: Finding) -> list[Finding]:
        """ "Latvia expelled two Russian diplomats, *Estonia three* and *Lithuania one*": states listed with a
        number after the object, the verb left out, do the same act to the same side, each its own event; so do
        states named before a thing like the object, or each with an amount after an amount."""
        # a number standing for the object told before ("Belgium expelled *21*, the Netherlands 17") is the
        # object of this sentence; the noun of an act carried by a verb ("lodged *a protest*") is its object
        told = finding.counted if finding.counted is not None else finding.theme
        if told is None:
            told = next((i for i in finding.trigger if i != finding.predicate), None)
        if told is None:
            return [finding]
        doc = self.resolver.doc
        theme = doc[told]
        predicate = doc[finding.predicate]
        # the states listed after the object ("33 Russian diplomats, *Romania 10*"), or hung on the verb
        # ("ordered 30 Russian diplomats out, *Spain around 25*, *Denmark 15* and *Sweden three*")
        listed = g.members(theme)[1:] + [member for c in predicate.children if c.dep_ in REMNANT_DEPS
                                         and c.i > theme.i and c.pos_ == "PROPN" for member in g.members(c)]
        gapped = [(member, number) for member in listed if member.pos_ == "PROPN"
                  for number in [_remnant_number(member, self.approximators)] if number is not None]
        # "Libya, Iraq and Yemen condemned it, *and Iran too*": a state with "too" after it does the same
        gapped += [(c, None) for c in predicate.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > theme.i
                   and any(a.dep_ == "advmod" and a.lower_ in self.additive_adverbs for a in c.children)]
        gapped += self._gapped_alike(predicate, theme)
        known = {member.i for member, _number in gapped}
        gapped += [(name, number) for name, number in self._gapped_amounts(theme) if name.i not in known]
        doers = [(self.roles.entities(member)[:1], number) for member, number in gapped]
        doers = [(actor, number) for actor, number in doers if actor]
        if not doers:
            return [finding]
        countries = {actor[0].country for actor, _number in doers}
        recipient = tuple(e for e in finding.recipient if e.country not in countries)
        inferred = finding.recipient_inferred
        if finding.recipient and not recipient \
                and self._by_context(predicate, finding.pattern, self.codes[finding.pattern.cameo]):
            # "Saudi Arabia pledged $1.5 billion, *Qatar* $1 billion": the listed doers were no recipients
            outsiders = countries | {e.country for e in finding.actor}
            aid = self.codes[finding.pattern.cameo].event in ("AGREE", "AID")
            recipient = tuple((aid and self._beneficiary(outsiders)) or self._other_party(outsiders, states_only=aid))
            inferred = bool(recipient)
        first = dataclasses.replace(finding, recipient=recipient, recipient_inferred=inferred)
        return [first, *(dataclasses.replace(first, actor=tuple(actor), counted=number.i if number is not None
                                             else finding.counted) for actor, number in doers)]

    def _gapped_amounts(self, theme: Token) -> list[tuple[Token, Token]]:
        """ "Saudi Arabia pledged $1 billion, *the European Union about 500 million euros* and *the United States
        an additional $100 million*": after an amount, the states or bodies named each with an amount of their
        own, the verb left out, however the parser hung them; so after a counted object ("expelled two Russian
        diplomats on Monday, *Lithuania three* and *Sweden one*")."""
        counted = any(c.dep_ == "nummod" and c.like_num for c in theme.children)
        if theme.ent_type_ != "MONEY" and not theme.like_num and not counted:
            return []
        doc, out = theme.doc, []
        end = theme.sent.end
        for match in self.resolver.matches:
            if match.start <= theme.i or match.end >= end:
                continue
            amount = next((t for t in doc[match.end:min(end, match.end + 4)]
                           if t.like_num or t.ent_type_ == "MONEY" and t.pos_ == "NUM"), None)
            between = doc[match.end:amount.i] if amount is not None else ()
            if amount is not None and not g.is_time(amount) \
                    and all(t.lower_ in self.approximators or t.pos_ in ("DET", "SYM", "ADJ") for t in between):
                # ("talks with Lithuania *three days* earlier" counts no days)
                out.append((doc[match.end - 1], amount))
        return out

    def _gapped_alike(self, predicate: Token, theme: Token) -> list[tuple[Token, Token]]:
        """ "Sweden lodged a formal protest, and *Norway and Finland similar notes*": states named before a
        thing like the object (the same noun, or one said to be similar), the verb left out; each with it."""
        out = []
        for thing in predicate.children:
            alike = g.lemma(thing) == g.lemma(theme) or any(g.lemma(c) in self.copying_words for c in thing.children)
            if thing.dep_ != "conj" or thing.pos_ != "NOUN" or thing.i < theme.i or not alike:
                continue
            owners = [c for c in thing.children if c.dep_ in ("nmod", "compound", "nsubj") and c.pos_ == "PROPN"]
            out.extend((member, thing) for owner in owners for member in g.members(owner))
        return out

    def _without_purposes(self, findings: list[Finding]) -> list[Finding]:
        """Drop the demands and complaints that only state what a protest is for ("students staged
        demonstrations *to demand* reforms"), and the protest that only states what a summons is for ("summoned
        the envoy *to protest*"): the protest, and the summons, are the event."""
        def places(event: str) -> set[int]:
            return {i for f in findings if self.codes[f.pattern.cameo].event == event for i in (f.predicate, *f.trigger)}

        protests, accusations = places("PROTEST"), places("ACCUSE")
        if not protests and not accusations:
            return findings
        kept = []
        for finding in findings:
            event = self.codes[finding.pattern.cameo].event
            predicate = self.resolver.doc[finding.predicate]
            # a purpose shares its subject ("staged demonstrations *to demand*"); "…, *while Denmark called* …"
            # has its own
            purpose = predicate.dep_ in PURPOSE_DEPS and predicate.head.i != predicate.i \
                and g.first_child(predicate, "nsubj", "nsubjpass") is None
            if purpose and event in ("REQUEST", "ACCUSE") and predicate.head.i in protests:
                continue
            if purpose and event in ("PROTEST", "ACCUSE") and predicate.head.i in accusations - {predicate.i}:
                continue  # "summoned the ambassador *to protest* against the arrests": one protest
            kept.append(finding)
        return kept

    def _without_decisions(self, findings: list[Finding]) -> list[Finding]:
        """Drop the agreement that only decides a material conflict ("the EU agreed *to ban* Belarusian
        airlines"): the ban is the event, not an agreement with Belarus."""
        doc = self.resolver.doc
        decided = {doc[f.predicate].head.i for f in findings
                   if doc[f.predicate].dep_ == "xcomp" and self.codes[f.pattern.cameo].quad_class == 4}
        return [f for f in findings if not (f.predicate in decided and self.codes[f.pattern.cameo].event == "AGREE"
                                            and g.lemma(doc[f.predicate]) in self.deciding)]

    def _without_means(self, findings: list[Finding]) -> list[Finding]:
        """Drop an attack named by a noun that is the means of an attack verb ("an air strike by coalition jets
        *killed* 12 civilians"): the verb's event, with its victims, is the attack."""
        doc = self.resolver.doc
        verbs = [f for f in findings if self.codes[f.pattern.cameo].event == "ASSAULT" and doc[f.predicate].pos_ == "VERB"]
        def means(finding: Finding) -> bool:
            noun = doc[finding.trigger[-1]]
            return noun.pos_ == "NOUN" and any(
                (noun.head.i == verb.predicate or noun.head.head.i == verb.predicate) and verb.actor == finding.actor
                for verb in verbs if verb is not finding)
        return [f for f in findings if not (self.codes[f.pattern.cameo].event == "ASSAULT" and means(f))]

    def _verb_event(self, verb: Token, consumed: set[int]) -> Finding | None:
        if g.lemma(verb) in self.refusing and any(g.lemma(c) in self.no_comment for c in g.children(verb, "xcomp")):
            return None  # "refused to comment", "declined to confirm": no answer is not a rejection
        for pattern in self.lexicon.patterns(g.lemma(verb), "VERB"):
            used = self._conditions(pattern, verb)
            if used is None:
                continue
            if self.codes[pattern.cameo].event == "ASSAULT" and self._told_with_words(verb):
                return None  # "the G7 had smeared *and attacked* China": an attack in words
            if self._own_wish(verb, pattern):
                continue  # "France wants *to restore* relations": the wanter's own intention, asked of nobody
            if pattern.actor == "speaker":
                if not self.roles.reported(verb):
                    continue
                actor = self.roles.speaker_of(verb)
                subject = self._subject(verb)
                # "said India was making life difficult *by breaking* a principle": the doer of the clause above
                recipient = self.roles.entities(subject) if subject is not None else self.roles.actors(verb)
                theme = subject
                if g.is_passive(verb) and subject is not None:
                    # "the truce was violated *by Israel*", "PNG would not be lectured *by Canberra*": the subject
                    # had it done to it; whoever did it, if named
                    agent = g.passive_agent(verb)
                    recipient = self.roles.entities(agent) if agent is not None else []
            elif pattern.actor == "keeper":
                # "two Kenyan fishermen remain *in Ugandan custody*": the state that keeps them holds them
                actor = self._keeper(self._complement_hit(verb, pattern.complement), verb)
                theme = self._subject(verb)
                recipient = [e for e in self.roles.entities(theme) if e.country not in {a.country for a in actor}]
                if not recipient:
                    continue  # "the sailors remained in custody": whose they are is told elsewhere, if at all
            else:
                actor = self.roles.actors(verb)
                theme = self.roles.theme(verb) or self._particle_object(verb, pattern)
                countries = frozenset(e.country for e in actor)
                recipient = self._past_forum(pattern, actor, lambda exclude: self.roles.recipients(
                    verb, theme, exclude=exclude, own=countries))
                if g.lemma(verb) in self.reversing and pattern.cameo == "081" and theme is not None:
                    recipient = self._undone_recipient(theme, countries)  # "withdrew its decision to expel …"
            between = self._agreed_between(verb, pattern)
            if between:
                actor, recipient = between, []  # "the deployment, agreed *between Seoul and Washington*"
            elif not recipient and pattern.cameo.startswith(self.mediation):
                # "ready to act as an intermediary *between Riyadh and Tehran*": whom it would mediate between
                # "have offered to mediate": between the two parties of the story (which "mediated *the talks*"
                # finds with the thing of both it names, and its date)
                countries = {a.country for a in actor}
                parties = self._between_parties(verb) or (
                    self.resolver.discourse.pair() if self._joint_thing(verb, theme) is None else [])
                recipient = [e for e in parties if e.country not in countries]
            attack = self.codes[pattern.cameo].event == "ASSAULT"
            if attack and pattern.actor is None and g.is_passive(verb) and g.passive_agent(verb) is None:
                # "eight people were killed in clashes in Pando, officials said", "*its* consulate in Belgrade had
                # been attacked, Zagreb said": who reports an attack did not do it; nobody being named, it is the
                # scene's (or the owner's of the bomb or shell it names), on whom the attacked belong to
                victims = self.roles.entities(theme) if theme is not None else []
                reporters_own = bool({e.country for e in actor} & {e.country for e in victims})
                actor = self._unattributed_attack(verb) or (self.roles.scene(verb)[:1] if reporters_own else [])
                doers = {e.country for e in actor}
                recipient = [e for e in victims if e.country not in doers or theme.pos_ == "NOUN"] \
                    or [e for e in recipient if e.country not in doers]
            elif not actor and attack:
                actor = self._unattributed_attack(verb)
            told_as_done = verb.dep_ in ("ROOT", "conj") or (
                verb.dep_ == "ccomp" and g.lemma(verb.head) in self.roles.speech)
            mode = pattern.mode or self.codes[pattern.cameo].mode
            by_host = g.is_passive(verb) and told_as_done and (
                mode in HOSTED_MODES or self.codes[pattern.cameo].event == "COERCE" or self._summoned(pattern, theme))
            # people the phrase itself marks as the reporter's ("*British* diplomats"), not "the mission" it placed
            hostile = self.codes[pattern.cameo].quad_class in (3, 4) and not attack \
                and theme is not None and any(c.dep_ in ("amod", "poss", "compound") and self.roles.entities(c)
                                              for c in theme.children)
            if (by_host or hostile) and actor and g.is_passive(verb) \
                    and g.passive_agent(verb) is None and theme is not None \
                    and {e.country for e in actor} & {e.country for e in self.roles.entities(theme)}:
                # "the Indian envoy was called in, *Indian officials* said", "British diplomats had been refused
                # information, *he* said": who reports a hostile act done to its own did not do it (an attack, above)
                actor = []
            if not actor and by_host:
                # told as done, not inside "Moscow's demand that …": "he was declared persona non grata", "the
                # officers were detained in Tbilisi", "the Indian envoy was summoned to the foreign ministry", "the
                # former Marine was released"
                actor = self._host(theme, verb, expelled=mode == "expel")
                hosts = {e.country for e in actor}
                envoys = [e for e in self.roles.entities(theme) if e.country not in hosts]
                recipient = envoys or [e for e in recipient if e.country not in hosts]  # whose people they are
            if not actor and g.is_passive(verb) and self.codes[pattern.cameo].event == "MOBILIZE" and theme is not None:
                # "Thai troops were placed on high alert": a state's own forces, put on alert by their state
                actor = self.roles.entities(theme)
                recipient = [e for e in recipient if e.country not in {a.country for a in actor}]
            if not actor and g.is_passive(verb) and mode == "withdraw" and theme is not None \
                    and g.lemma(theme) in self.envoys:
                actor, recipient = self._recalled(theme, verb, recipient)
            own_forces = self.roles.entities(theme) if theme is not None else []
            if g.is_passive(verb) and pattern.cameo == "0874" and own_forces \
                    and {a.country for a in actor} <= {e.country for e in own_forces}:
                # "the Danish soldiers would be brought home from Mali": a state's own forces, withdrawn by their
                # state from where the phrase names (also when one of that state reports it: "Kofod announced …")
                left = [e for _from, place in g.prep_objects(verb, frozenset({"from"}), self.roles.place_adverbs)
                        for e in self.roles.entities(place) if e.country not in {a.country for a in own_forces}]
                if left:
                    actor, recipient = own_forces, left
            if not actor:
                return None
            if not _sector_fits(pattern, actor):
                continue
            if pattern.actor == "speaker" and recipient and not {e.country for e in recipient} - {e.country for e in actor}:
                continue  # a speaker accuses someone else, or this reading does not apply
            if pattern.actor == "speaker" and not recipient and (theme is None or theme.pos_ == "PRON") \
                    and not g.is_passive(verb):
                continue  # "that demand breached the law": a thing of the other side; "we breached": no
            consumed.update(used)
            trigger = (verb.i,) + tuple(c.i for c in verb.children if c.dep_ == "prt")
            found = self._finding(trigger, verb, pattern, actor, recipient, theme)
            written = self.roles.elided_theme(verb)
            if found is not None and written is not None and theme is not None and written.i != theme.i \
                    and self.roles.stand_in(written) is theme:
                found = dataclasses.replace(found, counted=written.i)
            return found
        return None

    def _told_with_words(self, verb: Token) -> bool:
        """Whether a verb shares its object with a verb of verbal conflict only ("smeared and attacked China",
        "insulted and attacked"): what they do together is said, not done; not "attacked the town and denounced
        the government"."""
        words = verb.head  # a conjunct comes after the verb it is conjoined to
        if verb.dep_ != "conj" or words.pos_ != "VERB" or g.first_child(words, "dobj") is not None \
                or g.lemma(words) in self.roles.speech:
            return False
        patterns = self.lexicon.patterns(g.lemma(words), "VERB")
        return bool(patterns) and all(self.codes[p.cameo].event == "ACCUSE" for p in patterns)

    def _particle_object(self, verb: Token, pattern: Pattern) -> Token | None:
        """The object of a phrasal verb whose particle the parser took for a preposition ("called *in* the
        Philippine charge d'affaires"): the word the pattern asks for under that preposition, or its head."""
        if pattern.prep is None or pattern.complement is None:
            return None
        hit = self._complement_hit(verb, pattern.complement)
        return hit.head if hit is not None and hit.dep_ == "compound" else hit

    def _conditions(self, pattern: Pattern, token: Token) -> set[int] | None:
        """The token indices a pattern's conditions used, or None when they do not hold."""
        used: set[int] = set()
        if pattern.particle is not None and g.particle(token, self.particle_adverbs) != pattern.particle:
            return None
        if pattern.prep is not None:
            objects = [obj for _p, obj in g.prep_objects(token, pattern.prep, self.roles.place_adverbs)]
            stranded = any(c.dep_ == "prep" and c.lower_ in pattern.prep and not list(c.children)
                           for c in token.children)
            if not stranded and all(g.is_time(obj) for obj in objects):
                return None  # no such preposition, or only a date: "called on Thursday" is no "call on"
        if pattern.object is NO_THEME:
            if self.roles.theme(token) is not None:
                return None
        elif pattern.object is not None:
            theme = self.roles.theme(token)
            counted = theme is not None and (theme.ent_type_ == "MONEY" or any(
                c.dep_ == "nummod" for c in theme.children))  # "5 million euros", which the recogniser may miss
            if counted and not self._lemmas(theme) & pattern.object:
                theme = _spent_on(theme) or theme  # "suspended $2.5 million *in military assistance*"
            # "imposed an air *and arms embargo*": any of the objects listed
            if theme is None or not any(self._lemmas(t) & pattern.object for t in (theme, *theme.conjuncts)):
                return None
            used.add(theme.i)  # and what it is a part of: "delayed the last tranche *of the loan*"
            used.update(o.i for _p, o in g.prep_objects(theme, frozenset({"of"})))
        if pattern.complement is not None:
            hit = self._complement_hit(token, pattern.complement)
            if hit is None or self._told_in_public(token):
                return None
            used.add(hit.i)
        if pattern.subject is not None:
            subject = self._subject(token)
            if subject is None and token.dep_ == "acl":
                subject = token.head  # "demonstrators protesting election results"
            if subject is None:
                return None
            subject = self.roles.through_quantity(subject)
            if not self._lemmas(subject) & pattern.subject:
                return None
        if pattern.negated and not self.modality.negated(token, self.roles.theme(token)):
            return None  # "the decision had *no* justification": the judgement is in the negation
        if pattern.when == "future" and not self.modality.intended(token) \
                and not (pattern.actor == "speaker" and self.modality.obliged(token)):
            return None  # a speaker's order is stated as an obligation too: "23 diplomats *had to* leave"
        if pattern.when == "past" and self.modality.intended(token):
            return None
        return used

    def _told_in_public(self, verb: Token) -> bool:
        """Whether a verb of speech tells its words to an audience ("told *a regular briefing* that the countries
        concerned should stop …", "told *reporters* …"): what it says is said in public, not ordered of anyone."""
        return g.lemma(verb) in self.roles.speech and any(
            c.dep_ in ("dobj", "dative", "iobj") and g.lemma(c) in self.audience for c in verb.children)

    def _recalled(self, envoy: Token, verb: Token, recipient: list[Entity]) -> tuple[list[Entity], list[Entity]]:
        """An envoy recalled in the passive with no agent is recalled by the state the phrase names as his ("*the
        Soviet* Ambassador in Tel Aviv was being recalled"), from the state he serves in ("in Tel Aviv", "from
        Tel Aviv")."""
        own = [e for c in envoy.children if c.dep_ in ("amod", "poss") for e in self.roles.entities(c)]
        states = {e.country for e in own}
        serves = [e for _p, place in [*g.prep_objects(envoy, frozenset({"in", "to", "at"})),
                                      *g.prep_objects(verb, frozenset({"from"}))]
                  for e in self.roles.entities(place)]
        return own, [e for e in recipient + serves if e.country not in states][:1] if own else recipient

    def _undone_recipient(self, decision: Token, countries: frozenset[str | None]) -> list[Entity]:
        """Whom a decision taken back was aimed at: those of the act it was to be ("withdrew its decision *to expel
        Montenegro's ambassador*"), else those of the undoer's last deed told before ("reversed the move")."""
        for clause in g.children(decision, "acl"):
            found = self.roles.recipients(clause, self.roles.theme(clause), exclude=lambda e: e.country in countries,
                                          own=countries)
            if found:
                return found
        last = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].quad_class == 4
                     and {e.country for e in f.actor} & countries), None)
        return [e for e in last.recipient if e.country not in countries] if last is not None else []

    def _summoned(self, pattern: Pattern, theme: Token | None) -> bool:
        """An envoy called in (a formal protest, 114) or received (043) by the state that hosts them ("the
        Austrian ambassador *was received* at the Farnesina")."""
        return pattern.cameo in self.hosted_codes and theme is not None and pattern.object is not None \
            and bool(g.phrase_lemmas(theme) & pattern.object)

    def _host(self, held: Token | None, verb: Token, expelled: bool = True) -> list[Entity]:
        """Who expels a diplomat, or holds a foreigner, when a passive names no agent ("he *was declared* persona
        non grata", "the officers *were detained* in Tbilisi"): the state they are in ("North Korea's envoy *in
        Kuala Lumpur*", "detained *in Tbilisi*"), else the state that tells of it, else the state the story is
        filed from, when the story names it, else the other party of the story."""
        if held is None or not ((held.pos_ == "PRON" and expelled) or held.ent_type_ in ("PERSON", "NORP")
                                or g.phrase_lemmas(held) & self.hosted) \
                or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in held.children):
            return []  # "*their own* nationals were told to leave": the actor's own people, no host's act
        senders = {e.country for e in self.roles.entities(held)}
        if not senders:
            return []
        # "detained in Tbilisi"; "a diplomat *abducted in Baghdad*", "Reed, a former Marine *held in Russia*"
        described = [c for n in (held, *g.children(held, "appos")) for c in g.children(n, "acl")]
        for node in (held, *described, verb):
            for _prep, place in g.prep_objects(node, frozenset({"in", "to", "at"})):
                # "detained in Tbilisi", "summoned to the ministry *in Colombo*"
                for where in (place, *(p for _q, p in g.prep_objects(place, frozenset({"in"})))):
                    host = [e for e in self.resolver.place(where) if e.country not in senders]
                    if host:
                        return host
        # "the Foreign Ministry in Chisinau said the Romanian ambassador had been declared persona non grata": a
        # state that tells of another's envoy expelled expelled him
        speaker = [e for e in self.roles.speaker_of(verb) if e.country not in senders
                   and (e.sector or "NONE") in self.state_sectors and not self.resolver.kb.is_organisation(e.country)]
        if speaker:
            return speaker
        home = self.resolver.home_party()  # a story filed from the host's capital ("DAR ES SALAAM —")
        if home is not None and home.country not in senders:
            return [home]
        return self._other_party(senders)

    def _keeper(self, kept: Token | None, verb: Token) -> list[Entity]:
        """The state whose custody, jail or prison someone is in: named by its modifier ("*Ugandan* custody", "*a
        Bolivian* jail", "*Iran's* custody") or its place ("in jail *in La Paz*", "remain in custody *in Iran*")."""
        if kept is None:
            return []
        named = [e for child in kept.children if child.dep_ in ("amod", "compound", "poss") and child.i < kept.i
                 for e in self.roles.entities(child)]
        return named[:1] or next((found for _prep, place in g.prep_objects(kept, self.roles.place_preps)
                                  if (found := self.resolver.place(place))), []) or self.roles.place(verb)

    def _unattributed_attack(self, verb: Token) -> list[Entity]:
        """ "A roadside bombing near Kirkuk killed three soldiers", "were killed in a car bomb explosion in
        Beirut": an attack that only names what killed is coded with the state where it happened as actor; a craft
        brought down over a state's ground ("two American planes *were shot down over North Vietnam*"), with
        the state whose sky it was."""
        held = g.first_child(verb, "nsubjpass") if g.is_passive(verb) and g.passive_agent(verb) is None else None
        if held is not None and g.phrase_lemmas(self.roles.through_quantity(held)) & self.roles.craft_nouns:
            skies = [e for _p, place in g.prep_objects(verb, frozenset({"over"})) for e in self.resolver.place(place)]
            if skies:
                return skies[:1]
        if g.is_passive(verb):
            means = [a for a in [g.passive_agent(verb)] if a is not None] + [
                o for p, o in g.prep_objects(verb, frozenset({"in", "by"}))]
        else:
            means = [s for s in [g.subject(verb)] if s is not None]
        means = [m for m in means if g.phrase_lemmas(m) & self.instruments]
        if not means:
            return []
        # "were killed in shelling *by Russian forces*", "an air strike *by coalition jets* killed …", "a bombing
        # *claimed by* the group": whoever the attack is owned by
        for instrument in means:
            owners = self.roles.own_actors(instrument) or [
                e for clause in g.children(instrument, "acl") for agent in [g.passive_agent(clause)]
                if agent is not None for e in self.roles.entities(agent)]
            if owners:
                return owners
            # "a missile *fired from Yemen* struck Riyadh": the state it was launched from
            launched = [e for clause in g.children(instrument, "acl")
                        for _p, place in g.prep_objects(clause, frozenset({"from"}))
                        for e in self.resolver.place(place)]
            if launched:
                return launched[:1]
        return self.roles.scene(verb)[:1]

    def _lemmas(self, phrase: Token) -> set[str]:
        """The phrase's lemmas, with "ent:gpe" for a place the knowledge base or the gazetteer knows, whatever
        the entity recogniser made of it ("pounded *Kharkiv*", read as a person), "ent:people" for a
        state's people named by their demonym as a noun ("several hundred *Thais* gathered") and "ent:igo" for an
        international organisation; for a plural object pronoun, those of the object it stands for."""
        told = self.roles.object_antecedent(phrase) if phrase.pos_ == "PRON" else None
        lemmas = g.phrase_lemmas(phrase if told is None else told)  # "asked *them* to leave": the members told
        if "ent:gpe" not in lemmas and phrase.pos_ == "PROPN" and self.resolver.place(phrase):
            lemmas.add("ent:gpe")
        match = self.resolver.by_token.get(phrase.i)
        if phrase.pos_ in ("PROPN", "NOUN") and match is not None and match.end - match.start == 1 \
                and any(term.kind == ADJECTIVE for term in match.terms):
            lemmas.add("ent:people")
        if match is not None and any(term.kind == ORGANISATION for term in match.terms):
            lemmas.add("ent:igo")  # "withdrew from *the OAU*": an organisation the knowledge base knows
        return lemmas

    def _subject(self, token: Token) -> Token | None:
        """The subject of a clause, active or passive; for "23 diplomats *had to* leave" that of "have"."""
        subject = g.subject(token) or g.first_child(token, *g.PASSIVE_SUBJECTS)
        if subject is None and token.dep_ == "xcomp" and self.modality.obliged(token):
            subject = g.subject(token.head) or g.first_child(token.head, *g.PASSIVE_SUBJECTS)
        return subject

    def _own_wish(self, verb: Token, pattern: Pattern) -> bool:
        """Whether a demand read from a verb of wanting has the wanter as the doer: an infinitive with no subject
        of its own and no object of the verb ("France wants *to restore* relations"), not "wants Moscow to
        reverse its decision" or "expected an apology"."""
        if g.lemma(verb) not in self.wanting or pattern.complement is None \
                or self.codes[pattern.cameo].event != "REQUEST" or g.first_child(verb, "dobj") is not None:
            return False
        hit = self._complement_hit(verb, pattern.complement)
        return hit is not None and hit.dep_ == "xcomp" and hit.head.i == verb.i and g.subject(hit) is None

    def _complement_hit(self, token: Token, words: frozenset[str]) -> Token | None:
        """A complement of ``token`` (or its object, adjective, noun) whose lemma is in ``words``."""
        if token.i not in self._complements:  # the patterns of a word often ask for several complements
            self._complements[token.i] = [(g.lemma(c), c.lower_, c) for c in self._complement_candidates(token)]
        hit = next((c for lemma, lower, c in self._complements[token.i] if (lemma in words or lower in words)
                    and not (c.dep_ == "dobj" and lemma in self.lexicon.sentiment_only)), None)
        if hit is None and any(w.startswith("ent:") for w in words):
            # "broke *with Bonn*": a place the knowledge base or gazetteer knows, a people ("stood by *the Thais*")
            hit = next((c for _lemma, _lower, c in self._complements[token.i]
                        if c.dep_ == "pobj" and self._lemmas(c) & words), None)
        return hit

    def _complement_candidates(self, token: Token) -> list[Token]:
        """The complements of ``token`` and their objects, adjectives and nouns, in the order they are tried."""
        candidates: list[Token] = [c for c in token.children if c.dep_ == "amod" and token.pos_ == "NOUN"]
        for child in token.children:
            if child.dep_ in g.COMPLEMENTS | {"dobj", "acl", "relcl", "npadvmod", "advmod"}:
                candidates.append(child)
                candidates.extend(c for c in child.children
                                  if c.dep_ in ("dobj", "attr", "acomp", "oprd", "pobj", "xcomp", "amod", "prep",
                                                "npadvmod", "nsubj", "nsubjpass", "relcl", "acl", "advmod"))
                if child.dep_ == "dobj":
                    # "gave Venezuela's ambassador in Lima, Diego Molero, *five days to leave*": after a long
                    # object the parser may read the time given as its apposition, with the clause under it
                    candidates.extend(c for appos in g.children(child, "appos") if g.is_time(appos)
                                      for c in appos.children if c.dep_ in ("relcl", "acl", "xcomp"))
            elif child.dep_ in ("prep", "prt") or (child.dep_ == "dative" and child.pos_ == "ADP"):
                # "sent ten battalions *to* the border": the parser may label "to" as a dative
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        first = g.first_listed(token)  # "stepped up customs and migration *checks* at the border": the last object
        if token.pos_ == "NOUN" and first.dep_ == "dobj":
            # "imposed controls *on exports*": the phrase right after an object is often hung on the verb, and so
            # is an infinitive ("accepted a US call *to halt* air strikes")
            candidates.extend(c for c in first.head.children if c.dep_ == "prep" and c.i == token.right_edge.i + 1
                              or c.dep_ in ("advcl", "xcomp") and c.left_edge.i == token.right_edge.i + 1
                              and c.left_edge.lower_ == "to")
        # "declared a first secretary of the Polish embassy in Minsk *persona non grata*": a set phrase the parser
        # may hang anywhere under the object
        candidates.extend(t for obj in g.children(token, "dobj") for t in obj.subtree if t.lower_ in self.set_phrases)
        # or on the verb itself, as a loose dependent ("declared two members of the embassy here *persona* non grata")
        # or as a verb joined to it ("declared Mexico's ambassador, Raquel Serur, *persona* non grata")
        candidates.extend(c for c in token.children if c.dep_ in ("dep", "conj") and c.lower_ in self.set_phrases)
        if g.lemma(token) in self.roles.object_control:
            # "allow refugees who have lived in Iraq to return": the infinitive may hang anywhere under the object
            for obj in g.children(token, "dobj"):
                candidates.extend(t for t in obj.subtree
                                  if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
        expanded = []
        for candidate in candidates:
            expanded.append(candidate)
            if candidate.dep_ == "prep":
                expanded.extend(c for c in candidate.children if c.dep_ in ("pobj", "pcomp"))
            # "called Russia *our enemy and occupier*": each of the words listed
            expanded.extend(c for c in candidate.children if c.dep_ in ("dobj", "pobj", "amod", "compound", "conj"))
        # "described them as *intelligence* officers": the modifiers of what something is described as, and
        # what it is an act of ("described the landing as an act *of aggression*")
        described = [p for p in expanded if p.dep_ == "pobj" and p.head.lower_ == "as"]
        expanded.extend(c for p in described for c in p.children if c.dep_ in ("compound", "amod"))
        expanded.extend(o for p in described for _of, o in g.prep_objects(p, frozenset({"of"})))
        return expanded

    def _modal_demand(self, verb: Token, findings: list[Finding]) -> Finding | None:
        """ "Libya must hand over the suspects, the minister said": the speaker demands of the subject."""
        if not self.modality.obliged(verb) or not self.roles.reported(verb, quotes=False):
            return None
        subject = g.subject(verb) or g.first_child(verb, *g.PASSIVE_SUBJECTS)
        if subject is None and verb.dep_ == "xcomp":
            subject = g.subject(verb.head)
        if subject is None:
            return None
        obliged = self.roles.entities(self.roles.through_quantity(subject))
        speaker = self.roles.speaker_of(verb)
        if not obliged or not speaker or any(self._same_side(e, speaker) for e in obliged) \
                or {e.country for e in obliged} == {e.country for e in speaker} \
                and all((e.sector or "NONE") not in self.state_sectors for e in obliged):
            return None  # a demand is put on another side: another state, or a state by its own people
        embedded = next((f for f in findings if f.predicate == verb.i), None)
        if embedded is not None and embedded.pattern.when == "future":
            return None  # "755 diplomats must leave": the obligation is the event itself
        if embedded is not None:
            code = self.codes[embedded.pattern.cameo]
            cameo = self.lexicon.convert("demand", code.code, code.event)
        else:
            cameo = self.lexicon.convert("demand", "", "")
        pattern = Pattern(lemma=g.lemma(verb), pos="VERB", cameo=cameo)
        found = self._finding((verb.i,), verb, pattern, speaker, obliged, None)
        return dataclasses.replace(found, status="actual") if found else None  # the demand itself was made

    def _asked(self, verb: Token, findings: list[Finding]) -> Finding | None:
        """ "Niger's junta *asked France to withdraw* its ambassador", "*urged* Iran *to* free the sailors": a
        request of whoever is to do the act, whatever the act is, when the verb gave no event of its own."""
        if g.lemma(verb) not in self.asking or any(f.predicate == verb.i for f in findings):
            return None
        clause = next((c for c in g.children(verb, "xcomp", "ccomp")
                       if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        asked = g.first_child(verb, "dobj") or next(
            (o for _p, o in g.prep_objects(verb, frozenset({"on", "upon", "to"})) if clause is not None
             and o.i < clause.i), None)
        if clause is None or asked is None:
            return None
        return self._request_of(verb, clause, asked, findings)

    def _hoped(self, verb: Token, findings: list[Finding]) -> Finding | None:
        """ "we hope *the US side will* match its words with deeds", "Beijing expects Manila would …", "hoped
        *both sides would* exercise restraint" (said by a third side): an appeal to whom the hoped-for act is
        about, when the verb gave no event of its own."""
        if (g.lemma(verb) not in self.hoping and verb.lower_ not in self.hoping) \
                or any(f.predicate == verb.i for f in findings):
            return None
        clause = g.first_child(verb, "ccomp")
        subject = g.subject(clause) if clause is not None else None
        modals = self.modality.future | self.modality.hypothetical | self.modality.obligation  # "will", "would" …
        if subject is None or not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            return None
        named = [subject, *(c for c in subject.children if c.dep_ in ("compound", "amod", "poss"))]
        pair = self.resolver.names_pair(subject)
        if not any(self.resolver.by_token.get(t.i) for t in named) and not pair:
            return None  # a state named as the doer ("the US side"), not "a change of personnel in Washington"
        parties = {e.country for e in self.resolver.discourse.pair()}
        if pair and {e.country for e in self.roles.actors(verb)} & parties:
            return None  # "Washington hoped both sides could avoid retaliation": a party's wish, no appeal
        return self._request_of(verb, clause, subject, findings)

    def _conditioned(self, verb: Token, findings: list[Finding]) -> Finding | None:
        """ "refusing to back the talks *until Moscow lifts the ban*", "will not withdraw *unless Hamas frees* the
        hostages": an act set as the condition of another is demanded of the state that is to do it."""
        clause = next((c for c in g.children(verb, "advcl") if any(m.dep_ == "mark" and m.lower_ in self.conditions
                                                                   for m in c.children)), None)
        subject = g.subject(clause) if clause is not None else None
        if subject is None or self.resolver.by_token.get(subject.i) is None \
                or not any(f.predicate == clause.i for f in findings):
            return None  # a state named as the one to act, and an act
        if any(f.predicate in (verb.i, verb.head.i) and self.codes[f.pattern.cameo].event == "THREATEN"
               for f in findings):
            return None  # "threatened to break relations unless …": the threat says it
        return self._request_of(verb, clause, subject, findings)

    def _request_of(self, verb: Token, clause: Token, asked: Token, findings: list[Finding]) -> Finding | None:
        """The request the verb's actor makes of whom ``asked`` names, coded by the demand of the act the
        clause asks for (any demand when the clause gave no event); it was made, whatever comes of it."""
        actor = self.roles.actors(verb)
        recipient = [e for e in self.roles.entities(asked) if not self._same_side(e, actor)]
        if not actor or not recipient:
            return None
        embedded = next((f for f in findings if f.predicate == clause.i), None)
        code = self.codes[embedded.pattern.cameo] if embedded is not None else None
        cameo = self.lexicon.convert("demand", code.code, code.event) if code else self.lexicon.convert("demand", "", "")
        found = self._finding((verb.i,), verb, Pattern(lemma=g.lemma(verb), pos="VERB", cameo=cameo), actor, recipient,
                              None)
        return dataclasses.replace(found, status="actual") if found else None

    def _is_adjective(self, token: Token) -> bool:
        """ "was *alarmed*", "is *concerned* by", "*ready* to talk": an adjective or a passive participle."""
        if not self.lexicon.patterns(token.lower_, "ADJ"):
            return False
        return token.pos_ == "ADJ" or (token.tag_ == "VBN" and (g.is_passive(token) or token.dep_ == "acomp"))

    def _adjective_event(self, adjective: Token) -> Finding | None:
        """The feeling or stance of the one the adjective is said of: "Canada was gravely concerned by …"."""
        for pattern in self.lexicon.patterns(adjective.lower_, "ADJ"):
            if self._conditions(pattern, adjective) is None:
                continue
            holder = adjective.head if adjective.dep_ in ("acomp", "oprd") else adjective
            subject = g.first_child(holder, *g.SUBJECTS, *g.PASSIVE_SUBJECTS)
            said_of = self.roles.entities(self.roles.through_quantity(subject)) if subject is not None else []
            if pattern.actor == "speaker":
                # "Russia was responsible for the attack, the minister said": the speaker accuses
                if not (self.roles.reported(adjective, quotes=False) or self.roles.according(adjective)):
                    continue
                actor = self.roles.speaker_of(adjective)
                # "the annexation was contrary to the accords, Cairo said": an act told before, judged as a verb's
                # object is (its doers)
                act = subject if not said_of and subject is not None and self._told_act(subject) else None
                if not actor or not (said_of or act is not None):
                    continue
                return self._finding((adjective.i,), holder if holder.pos_ in ("VERB", "AUX") else adjective,
                                     pattern, actor, said_of, act)
            actor = said_of
            if not actor and holder.pos_ in ("VERB", "AUX"):
                actor = self.roles.actors(holder)
            if not actor:
                return None
            recipient: list[Entity] = []
            for prep, obj in g.prep_objects(adjective, None):
                if prep in self.feeling_preps:
                    recipient = self.roles.entities(obj) or self.roles.recipients(obj, self.roles.theme(obj))
                    if recipient:
                        break
            if not recipient:  # "ready *for talks with Athens*": with whom the meeting it is ready for is
                recipient = self.roles.partners(adjective, frozenset({"for"}), self.roles.meetings)
            for clause in [] if recipient else g.children(adjective, "xcomp"):
                # "ready to settle the issue *with Manila*", "willing to help *Kyiv*": whom the stance is about
                recipient = self.roles.recipients(clause, self.roles.theme(clause), exclude=self._own_side(actor),
                                                  own=frozenset(e.country for e in actor))
            # "alarmed *by the attack*", "not bound *by the vote*": with no one named, the thing felt is judged
            felt = None if recipient else next((obj for prep, obj in g.prep_objects(adjective, None)
                                                if prep in self.feeling_preps and obj.pos_ == "NOUN"), None)
            return self._finding((adjective.i,), holder if holder.pos_ in ("VERB", "AUX") else adjective,
                                 pattern, actor, recipient, felt)
        return None

    def _noun_event(self, noun: Token) -> Finding | None:
        if g.is_time(noun):
            return None  # "on *March* 15", "in *May*": a month, not a march
        if any(c.dep_ in ("compound", "amod") and g.lemma(c) in self.own_meetings for c in noun.children) \
                and all(self.codes[p.cameo].event == "CONSULT" for p in self.lexicon.patterns(g.lemma(noun), "NOUN")):
            return None  # "called an emergency *cabinet* meeting": one side's own
        predicate = self.roles.light_verb(noun)
        for pattern in self.lexicon.patterns(g.lemma(noun), "NOUN"):
            if self._conditions(pattern, noun) is None:
                continue
            if pattern.light is not None and (predicate is None or g.lemma(predicate) not in pattern.light) \
                    and not self._done_by(noun) and not self._told_done(noun, pattern.light):
                continue
            if pattern.actor == "speaker":
                owners = self.roles.own_actors(noun) or self.roles.entities(self.roles.theme(noun))
                reason = self._measure_for(noun)
                if reason is not None:
                    # "imposed sanctions *over election interference*": who takes a measure for an act imputes it
                    actor = self.roles.actors(reason)
                    if actor:
                        target = owners or self.roles.recipients(reason, self.roles.theme(reason),
                                                                 exclude=self._own_side(actor))
                        return self._finding((noun.i,), reason, pattern, actor, target, None)
                if not (self.roles.reported(noun) or self.roles.according(noun)):
                    continue
                actor = self.roles.speaker_of(noun)
                if not actor:
                    continue
                if not owners and self.codes[pattern.cameo].event == "THREATEN":
                    # "would lead to grave consequences *for Britain*": whom the noun names, else the verb that
                    # brings them ("would bring consequences *for Moscow*")
                    owners = self.roles.recipients(noun, None, exclude=self._own_side(actor))
                    if not owners and noun.dep_ == "dobj":
                        owners = self.roles.recipients(noun.head, None, exclude=self._own_side(actor))
                return self._finding((noun.i,), noun, pattern, actor, owners, None)
            own = self.roles.own_actors(noun)
            voiced = self._voiced(noun) if not own and g.lemma(noun) in self.reactions else None
            if own:
                actor = own
            elif voiced is not None:
                actor, drawer = voiced
                if not actor:
                    return None
                countries = {e.country for e in actor}
                if drawer is not None:
                    recipient = [e for e in self.roles.actors(drawer) if e.country not in countries]
                else:  # solidarity goes to the victim of the last hostile act, criticism to its doer
                    recipient = self._last_hostile(countries, victim=self.codes[pattern.cameo].quad_class == 1) \
                        or self._other_party(countries)
                return self._finding((noun.i,), drawer or noun, pattern, actor, recipient, None)
            elif predicate is not None:
                actor = self.roles.actors(predicate) or self._agreed_between(predicate, pattern, noun)
            elif self.codes[pattern.cameo].event == "CONSULT" and self.roles.circumstance(noun) is not None:
                predicate = self.roles.circumstance(noun)
                actor = self.roles.actors(predicate)
            elif self._joined_protest(noun, pattern):
                # "thousands converged *for a rally*": those who go to a protest hold it
                predicate = self.roles.circumstance(noun)
                actor = [e for e in self.roles.actors(predicate) if (e.sector or "NONE") not in self.state_sectors]
            elif self.codes[pattern.cameo].event in BETWEEN_EVENTS and not self._feared(noun) \
                    and not self._unheld(noun) and len(parties := self._between_parties(noun)) > 1:
                actor = parties  # "fighting *between Ethiopia and Eritrea*": each on the other; talks the same
            else:
                actor = []
            if not actor and self.codes[pattern.cameo].event == "COERCE":
                # "the arrest *in Phnom Penh* of a Thai engineer": the state where it happened holds him
                actor = self.roles.place(noun)[:1]
            if not actor and pattern.sector is not None:
                continue  # a reading for actors of some sectors, and no actor yet: the readings after it
            if not actor:
                return None
            if not _sector_fits(pattern, actor):
                continue
            theme = self.roles.theme(noun)
            own_side = self._own_side(actor)
            recipient = self._past_forum(pattern, actor, lambda exclude: self._noun_recipients(
                noun, theme, predicate, actor, exclude))
            bidden = self._bidden(noun) if self.codes[pattern.cameo].event == "REQUEST" else None
            if not recipient and bidden is not None:
                # "the Council met on Friday at Ukraine's request": asked of whoever did the clause, and told by it
                # (its date, its mood: "China would be able to send police at Honiara's request")
                recipient = [e for e in self.roles.actors(bidden) or self._moved(bidden) if not own_side(e)]
                if recipient:
                    return self._finding((noun.i,), bidden, pattern, actor, recipient, theme)
            if not recipient and self.codes[pattern.cameo].event == "REQUEST":
                recipient = [e for e in self._answerers(noun) if not own_side(e)]
            trigger = tuple(sorted({noun.i} | ({predicate.i} if predicate is not None else set())))
            return self._finding(trigger, predicate or noun, pattern, actor, recipient, theme)
        return None

    def _done_by(self, noun: Token) -> bool:
        """Whether a noun names its doer with "by" ("the recognition of Slovenia *by the Twelve*", "the signature
        of the accord *by Israel*"): an act told, whatever verb carries it."""
        agents = [obj for _by, obj in g.prep_objects(noun, frozenset({"by"}))] + [
            agent for _of, done_to in g.prep_objects(noun, frozenset({"of"}))
            for _by, agent in g.prep_objects(done_to, frozenset({"by"}))]
        return any(self.roles.entities(agent) for agent in agents)

    @staticmethod
    def _told_done(noun: Token, light: frozenset[str]) -> bool:
        """Whether a participle of one of the noun's light verbs tells its act ("the agreement *signed by*
        Pakistan and India"), also when the parser hung it on the name of the noun's partner ("a security treaty
        with Solomon Islands, *signed in 2017*": a state is not signed)."""
        partners = [obj for _with, obj in g.prep_objects(noun, frozenset({"with"})) if obj.pos_ == "PROPN"]
        return any(c.dep_ == "acl" and c.tag_ == "VBN" and g.lemma(c) in light
                   for told in (noun, *partners) for c in told.children)

    def _noun_recipients(self, noun: Token, theme: Token | None, predicate: Token | None, actor: list[Entity],
                         exclude: Callable[[Entity], bool]) -> list[Entity]:
        """Whom a noun's act is aimed at: its own phrases, else those of the noun it qualifies ("an aid *package
        for Egypt*"), else those of its predicate ("filed a complaint … *over American subsidies*")."""
        countries = frozenset(e.country for e in actor)
        found = self.roles.recipients(noun, theme, exclude=exclude, own=countries)
        if not found and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            found = self.roles.recipients(noun.head, None, exclude=exclude, own=countries)
        if not found and predicate is not None:
            found = self.roles.recipients(predicate, None, exclude=exclude, own=countries)
        return found

    def _past_forum(self, pattern: Pattern, actor: list[Entity],
                    search: Callable[[Callable[[Entity], bool]], list[Entity]]) -> list[Entity]:
        """The recipients ``search`` finds past the actor's own side; a complaint to a body that hears cases
        (``forum_bodies``: "a complaint *with the WTO* over American subsidies", "protested to the Security
        Council over the Colombian raid") is aimed at the other party it names, and at the body only when it
        names none.  A request to such a body is the body's to answer, and stays with it."""
        own_side = self._own_side(actor)
        found = search(own_side)
        if not found or self.codes[pattern.cameo].event != "ACCUSE" or not all(
                e.country in self.forums for e in found):
            return found
        countries = {e.country for e in actor}
        return search(lambda e: own_side(e) or e.country in self.forums or e.country in countries) or found

    def _answerers(self, noun: Token) -> list[Entity]:
        """Who answered a request: the doer of the clause that acted "in response to *appeals* from X", "in
        answer to *an appeal* from the Ruler"."""
        to = noun.head
        answer = to.head if noun.dep_ == "pobj" and to.lower_ == "to" else None
        within = answer.head if answer is not None and g.lemma(answer) in self.justifying | self.answering else None
        clause = within.head if within is not None and within.dep_ == "prep" else None
        while clause is not None and clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head  # "to cease all military operations *in response to* …", hung on the noun
        if clause is None or clause.pos_ not in ("VERB", "AUX"):
            return []
        # "ordered the armed forces *to cease* … in response to …": whoever gave the order if not whom it went to
        return self.roles.actors(clause) or (self.roles.actors(clause.head) if clause.dep_ == "xcomp" else [])

    def _bidden(self, noun: Token) -> Token | None:
        """The clause done at a request ("the Council *met* at Ukraine's request", "troops *landed* at the request
        of the President"; ``bidding_preps``), if the noun is one."""
        to = noun.head
        return to.head if noun.dep_ == "pobj" and to.lower_ in self.bidding_preps \
            and to.head.pos_ in ("VERB", "AUX") else None

    def _moved(self, clause: Token) -> list[Entity]:
        """Whom a passive clause moved ("troops *were flown* in at the request of the President"), not a person it
        was done to ("Meng *was arrested* at the request of the United States")."""
        return [e for subject in g.children(clause, *g.PASSIVE_SUBJECTS) if subject.ent_type_ != "PERSON"
                for e in self.roles.entities(subject)]

    def _feared(self, noun: Token) -> bool:
        """Whether a happening is only feared or supposed: "the danger that *a clash* … could escalate"."""
        clause = noun.head
        if clause.pos_ in ("VERB", "AUX") and any(a in self.modality.hypothetical for a in g.auxiliaries(clause)):
            return True
        return any(g.lemma(a) in self.wishing for a in noun.ancestors)

    def _unheld(self, noun: Token) -> bool:
        """Whether what a noun names is said not to have happened (yet): planned, proposed, cancelled, blocked
        ("a summit *planned* for April was *cancelled*", "*blocked* the launch of negotiations")."""
        if any(c.dep_ == "acl" and g.lemma(c) in self.unheld for c in noun.children):
            return True
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return clause is not None and g.lemma(clause) in self.unheld

    def _agreed_between(self, verb: Token, pattern: Pattern, noun: Token | None = None) -> list[Entity]:
        """The states of a "between" phrase of a verb with no subject of its own (or of what it names: "discussed
        at talks *between the two sides*"), for an act done with each other: "the deployment, *agreed between
        Seoul and Washington* last July" is theirs, not the clause's before it. For the ``noun`` a passive verb
        carries with no agent, the noun's phrase too: "an agreement *between Iran and Iraq* was reached"."""
        if self.codes[pattern.cameo].event.lower() not in self.reciprocal or pattern.cameo.startswith(self.mediation):
            return []  # "ready to act as an intermediary *between Riyadh and Tehran*": those it would mediate
        subject = g.subject(verb)
        if subject is not None and (noun is None or subject.i != noun.i or subject.dep_ != "nsubjpass"):
            return []
        parties = self._between_parties(verb) or (self._between_parties(noun) if noun is not None else [])
        return parties if len(parties) > 1 else []

    def _between_parties(self, noun: Token) -> list[Entity]:
        """The states of a "between" phrase of a noun ("clashes *between Kyrgyz and Tajik troops*"), also one
        hung on a place of the noun ("fighting around Badme, on the border *between Ethiopia and Eritrea*")."""
        verb = noun.head if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else None  # "fighting broke out …"
        nodes = [noun] if verb is None else [noun, verb]  # "broke out … *between* Ethiopia and Eritrea"
        places = [o for node in nodes for _p, o in g.prep_objects(node) if o.pos_ in ("NOUN", "PROPN")]
        holders = [*nodes, *places, *(o for h in places for _p, o in g.prep_objects(h) if o.pos_ in ("NOUN", "PROPN"))]
        found = [e for h in holders for _p, obj in g.prep_objects(h, frozenset({"between"}))
                 for member in g.members(obj) for e in self.roles.entities(member)]
        return list({e.country: e for e in found if e.country}.values())

    def _voiced(self, noun: Token) -> tuple[list[Entity], Token | None] | None:
        """Who voices a reaction named by a noun, when a "from" says it: "*drawing* condemnation *from* Tokyo,
        Seoul and Washington", "expressions of solidarity *came from* Riga and Vilnius"; with the verb whose
        subject drew the reaction (its target), if any.  None when no "from" names the voices."""
        holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        nodes = [noun, holder]
        verb = holder.head if holder.dep_ in ("dobj", "nsubj", "nsubjpass") else None
        if verb is not None and g.lemma(verb) in self.drawing | self.arriving:
            nodes.append(verb)
        voices = [e for node in nodes for _prep, obj in g.prep_objects(node, frozenset({"from"}))
                  for e in self.roles.entities(obj)]
        if not voices:
            return None
        drawer = verb if verb is not None and g.lemma(verb) in self.drawing else None
        return voices, drawer

    def _measure_for(self, noun: Token) -> Token | None:
        """The predicate of a material conflict that ``noun`` is the reason of ("expelled ten diplomats *over*
        …", "imposed sanctions *for* …"), or None."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in REASON_PREPS:
            return None
        head = noun.head.head
        if head.pos_ in ("NOUN", "PROPN"):
            head = self.roles.light_verb(head) or head
        if head.pos_ not in ("VERB", "AUX"):
            return None
        measures = [p for p in self.lexicon.patterns(g.lemma(head), "VERB") if self._conditions(p, head) is not None]
        carried = [p for c in head.children if c.dep_ == "dobj"
                   for p in self.lexicon.patterns(g.lemma(c), "NOUN") if self._conditions(p, c) is not None]
        if any(self.codes[p.cameo].quad_class == 4 for p in (measures or carried)[:1]):
            return head
        return None

    def _joined_protest(self, noun: Token, pattern: Pattern) -> bool:
        """Whether a protest noun is the circumstance of a clause that is no event of its own ("converged for a
        rally", "joined in the demonstrations"), unlike "arrested dozens during the protest"."""
        if self.codes[pattern.cameo].event != "PROTEST":
            return False
        clause = self.roles.circumstance(noun)
        return clause is not None and all(self._conditions(p, clause) is None
                                          for p in self.lexicon.patterns(g.lemma(clause), "VERB"))

    def _beneficiary(self, outsiders: set[str | None]) -> list[Entity]:
        """The state the story's conference, appeal or pledges are for ("the Pledging Conference *for Syria*", "an
        appeal *for* Haiti", "pledged $9.9 billion *to help Haiti* rebuild", "pledge … *for Iraq* rebuilding"), if
        the text names one (looked up once per document)."""
        doc = self.resolver.doc
        if self._beneficiaries[0] is not doc:
            nouns = self.lexicon.word_list("beneficiary_nouns")
            found = [e for token in doc if token.dep_ == "pobj" and token.head.lower_ == "for"
                     and g.lemma(token.head.head) in nouns
                     for named in (token, *g.children(token, "compound")) for e in self.resolver.place(named)]
            self._beneficiaries = (doc, found + self._helped(doc))
        return next(([e] for e in self._beneficiaries[1] if e.country not in outsiders), [])

    def _helped(self, doc: Doc) -> list[Entity]:
        """The states named as helped by the purpose of a pledge ("pledged $9.9 billion *to help Haiti* rebuild",
        "Donors Pledge $9.9 Billion *to Rebuild Haiti*"), or as those it is made to ("pledged credit *to Bangkok*")."""
        pledging, helping = self.lexicon.word_list("pledging_verbs"), self.lexicon.word_list("aid_purposes")
        pledges = [token for token in doc if g.lemma(token) in pledging]
        purposes = [c for token in pledges for c in g.children(token, "advcl", "xcomp")
                    if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        helped = [h for purpose in purposes for h in (purpose, *g.children(purpose, "xcomp", "ccomp"))
                  if g.lemma(h) in helping]
        # and whom a pledge is made to: "pledged billions of dollars of credit *to Bangkok*"
        given = [o for token in pledges for _to, o in g.prep_objects(token, {"to"})]
        return [e for h in helped for named in (*g.children(h, "dobj"), *(s for c in g.children(h, "ccomp")
                                                                          for s in g.children(c, "nsubj")))
                for e in self.resolver.place(named)] + [e for o in given for e in self.resolver.place(o)]

    def _with_an_ally(self, predicate: Token, pattern: Pattern) -> bool:
        """Whether the pattern's preposition names someone only by their tie ("stands with *its ally*")."""
        ties = self.resolver.words["relation_nouns"]
        return pattern.prep is not None and any(o.lower_ in ties or g.lemma(o) in ties
                                                for _p, o in g.prep_objects(predicate, pattern.prep))

    def _last_hostile(self, outsiders: set[str | None], victim: bool) -> list[Entity]:
        """The victims (or the doers) of the last hostile act told, which ``outsiders`` took no part in."""
        for classes in ((4,), (3,)):  # deeds before words
            for finding in reversed(self.earlier):
                if self.codes[finding.pattern.cameo].quad_class not in classes:
                    continue
                parties = {e.country for e in (*finding.actor, *finding.recipient)}
                side = finding.recipient if victim else finding.actor
                if side and finding.recipient and not parties & outsiders:
                    return list({e.country: e for e in side}.values())
        return []

    def _with_each_other(self, actor: list[Entity], code: Code, theme: Token | None) -> bool:
        """Whether several actors, with no recipient named, act on one another: "Russia and China held talks"
        (a type done together, not a pledge each makes on its own, nor the members of one grouping: "G7 leaders
        met"), or the story's two parties (or the first two states it names) breaking or restoring "relations",
        "ties" ("Britain and Argentina have broken off relations")."""
        countries = {e.country for e in actor}
        if len(countries) < 2:
            return False
        if code.event.lower() in self.reciprocal and not code.code.startswith(self.unilateral):
            return not self.resolver.one_grouping(actor)
        return len(countries) == 2 and theme is not None and g.lemma(theme) in self.bonds \
            and {e.country for e in self.resolver.discourse.pair()} in (set(), countries)

    def _same_act_before(self, predicate: Token, code: Code, actor_countries: set[str | None]) -> list[Entity]:
        """Whom an act that names no one falls on when another state did the same act just before ("Argentina
        pulled its ambassador from Asunción. Brazil, Uruguay and Chile *called theirs home*"): that act's
        recipients, told in this sentence or the one before, when the actor is none of them. Deeds, aid and
        pledges of aid only ("Japan pledged $100 million to Nepal. Britain and Norway *also announced
        contributions*"): words ("condemned", "urged") are aimed at whom the speaker names or the story is about."""
        if code.quad_class not in (MATERIAL_COOPERATION, MATERIAL_CONFLICT) and not code.code.startswith(self.repeated):
            return []
        start = g.sentences_back(predicate, 1)
        before = [*self.earlier, *(f for f in self.told if f.predicate < predicate.i)]
        last = next((f for f in reversed(before) if start <= f.predicate < predicate.i
                     and f.pattern.cameo[:3] == code.code[:3] and f.recipient and f.status == "actual"), None)
        if last is None or {e.country for e in last.actor} & actor_countries \
                or {e.country for e in last.recipient} & actor_countries:
            return []
        return list(last.recipient)

    def _other_party(self, actor_countries: set[str | None], states_only: bool = False) -> list[Entity]:
        """The other party of the story: the country named most, the more recent among equals; a state, for aid
        and promises (a donors' conference at the UN gives to the state it is for, not to the UN)."""
        discourse = self.resolver.discourse
        others = [e for e in discourse.mentioned if e.country and e.country not in actor_countries
                  and not (states_only and self.resolver.kb.is_organisation(e.country))]
        other = max(others, key=lambda e: discourse.counts[e.country], default=None)
        return [other] if other is not None else []

    def _joint_thing(self, predicate: Token, theme: Token | None) -> Token | None:
        """The thing two parties have together, owned by nobody named, that an act is about ("welcomed *the
        accord*", "urged both to show *restraint*", "called for a *halt* to the fighting"), if any."""
        objects = [theme] if theme is not None else []
        objects += g.children(predicate, "dobj") + [o for _p, o in g.prep_objects(predicate, JOINT_PREPS)]
        objects += [o for clause in g.children(predicate, "xcomp", "ccomp") for o in g.children(clause, "dobj")]
        # "demanded a halt *to* the fighting", "called for an end *to* the war"
        near = objects + [o for obj in objects for _p, o in g.prep_objects(obj, JOINT_PREPS)]
        return next((token for token in near if token.pos_ in ("NOUN", "PROPN") and g.lemma(token) in self.joint_things
                     and not any(c.dep_ == "poss" for c in token.children)), None)

    def _between(self, theme: Token, actors: set[str | None]) -> list[Entity]:
        """The states a "between" phrase of the theme names, but the actors: "a halt to fighting *between
        Ethiopia and Eritrea*", "talks *between the two*"."""
        return [e for e in self._between_named(theme) if e.country not in actors]

    def _cut_off(self, theme: Token, actors: set[str | None]) -> list[Entity]:
        """Whom a measure on ties between the actor and others cuts off: "ordered a halt to all air and sea
        traffic *between Venezuela and Aruba*" (the others of a "between" that names the actor's state)."""
        named = self._between_named(theme)
        return [e for e in named if e.country not in actors] if actors & {e.country for e in named} else []

    def _between_named(self, theme: Token) -> list[Entity]:
        """The states of the first "between" phrase under the theme."""
        places = [t for t in theme.subtree if t.dep_ == "pobj" and t.head.lower_ == "between"]
        return _distinct([e for place in places[:1] for member in g.members(place)
                          for e in self.roles.entities(member)])

    def _holders(self, requesters: set[str | None]) -> list[Entity]:
        """Who a demand for release is aimed at: who last seized or held the requester's people or ships
        ("the Philippines seized a Chinese fishing boat … / China demanded their immediate release")."""
        last = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].event == "COERCE"
                     and {e.country for e in f.recipient} & requesters), None)
        return [e for e in last.actor if e.country not in requesters] if last is not None else []

    def _own_domain(self, theme: Token | None) -> bool:
        """Whether an object is a state's sovereignty, territory, waters or airspace that a pronoun owns ("*its*
        territorial waters")."""
        return theme is not None and g.lemma(theme) in self.sovereign_things \
            and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in theme.children)

    def _addressee(self, predicate: Token) -> list[Entity]:
        """Whom the words that report a clause were told to: the object of the speech verb above it ("Ankara *warned
        Athens* that …", "Tehran told *Baghdad* …", `addressing_verbs`), not a medium ("told *the BBC*"), a
        forum ("told *the Council*") nor reporters."""
        speech = next((a for a in predicate.ancestors if a.pos_ == "VERB" and g.lemma(a) in self.roles.speech), None)
        if speech is None or g.lemma(speech) not in self.addressing:
            return []
        told = g.first_child(speech, "dobj", "dative", "iobj")
        # ("told *the Council* his country had been the victim of aggression": a forum, not the target)
        return [e for e in self.roles.entities(told) if e.sector != "MED"
                and not self.resolver.kb.is_organisation(e.country)] if told is not None else []

    def _bodies_named(self, sent: Span, outsiders: set[str | None]) -> list[Entity]:
        """The organisations a sentence names ("in the Security Council"), but the outsiders'."""
        found: dict[str | None, Entity] = {}
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound":
                for e in self.roles.entities(token):
                    if self.resolver.kb.is_organisation(e.country) and e.country not in outsiders:
                        found.setdefault(e.country, e)
        return list(found.values())

    def _fired_back(self, predicate: Token) -> bool:
        """Whether force is told as an answer: "*returned fire*", "*fired back*", "*struck back*"."""
        obj = g.direct_object(predicate)
        return g.particle(predicate, self.particle_adverbs) == "back" \
            or g.lemma(predicate) in self.answering and obj is not None and g.lemma(obj) in self.returned_force

    def _answered(self, speakers: set[str | None], deeds: bool = False) -> list[Entity]:
        """Whom a threat without a named target is aimed at: who did the last hostile act (the last deed, for force
        fired back) against the speaker ("Britain expelled 23 Russian diplomats. The Kremlin said it *will not
        leave this unanswered*")."""
        classes = (4,) if deeds else (3, 4)
        last = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].quad_class in classes
                     and {e.country for e in f.recipient} & speakers), None)
        return [e for e in last.actor if e.country not in speakers] if last is not None else []

    def _accusers(self, speakers: set[str | None]) -> list[Entity]:
        """Whom a denial without a named addressee answers: who accused the speaker last, among the last few
        acts told before it."""
        last = next((f for f in reversed(self.earlier[-DENIAL_REACH:]) if self.codes[f.pattern.cameo].event == "ACCUSE"
                     and {e.country for e in f.recipient} & speakers), None)
        return [e for e in last.actor if e.country not in speakers] if last is not None else []

    @staticmethod
    def _judged_noun(predicate: Token, theme: Token | None) -> Token | None:
        """What a verdict is on: its theme ("called *the expulsions* a provocation"), or the subject of the
        clause it reports ("said *the expulsions* were retaliation")."""
        if theme is not None and theme.pos_ == "NOUN":
            return theme
        clause = g.first_child(predicate, "ccomp", "xcomp")
        subject = g.first_child(clause, "nsubj", "nsubjpass") if clause is not None else None
        return subject if subject is not None and subject.pos_ == "NOUN" else None

    def _judges_words(self, predicate: Token, theme: Token | None) -> bool:
        """Whether a verdict is on an accusation, a claim, a demand or a proposal: its theme, the subject of the
        clause it reports, or the subject of the verdict itself ("Australia's *claim* was unfounded")."""
        judged = self._judged_noun(predicate, theme)
        if judged is None and g.lemma(predicate) == "be":
            judged = g.first_child(predicate, "nsubj")
        return judged is not None and g.lemma(judged) in self.rejected_things

    def _told_before(self, thing: Token) -> bool:
        """Whether a noun names a thing told before ("*the* expulsions", "*this* move"), not a new one."""
        return any(c.dep_ == "det" and c.lower_ in self.resolver.words["pointing_words"] for c in thing.children)

    def _told_unowned(self, thing: Token) -> bool:
        """Whether a noun names a thing told before and nothing in its phrase says whose or which ("*the* raids",
        not "the U.S. raids", "the raids on Libya")."""
        return self._told_before(thing) \
            and not any(c.dep_ in ("poss", "prep", "amod", "compound") for c in thing.children)

    def _told_act(self, thing: Token) -> bool:
        """Whether a noun with "the" names an act told before: a noun of the lexicon's patterns or causes ("the
        annexation", "the expulsions")."""
        return thing.pos_ == "NOUN" and self._told_before(thing) and bool(self._act_kinds(thing))

    def _act_kinds(self, thing: Token) -> set[str]:
        """The types of act a noun names: those of its patterns, and of the deed it names as a cause a measure
        answers ("hacking", "the downing", "the sinking")."""
        kinds = {self.codes[p.cameo].event for p in self.lexicon.patterns(g.lemma(thing), "NOUN")}
        cause = self.lexicon.causes.get(g.lemma(thing))
        return kinds | {self.codes[cause].event} if cause is not None else kinds

    def _own_act(self, thing: Token, speakers: set[str | None]) -> bool:
        """Whether "the strikes", "the expulsions" are the speaker's own: the last act of the kind the noun names
        was done by the speaker's state."""
        told = self._told_before(thing)
        if not told or any(c.dep_ == "poss" or c.ent_type_ in ("NORP", "GPE") for c in thing.children):
            return False  # "further actions would follow": new acts, not one told; "the *Turkish* tariffs"
        kinds = {self.codes[p.cameo].event for p in self.lexicon.patterns(g.lemma(thing), "NOUN")}
        last = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].event in kinds), None)
        return last is not None and {e.country for e in last.actor} <= speakers

    def _judged(self, thing: Token, speakers: set[str | None]) -> list[Entity]:
        """Whom a verdict on "the decision", "the move", "the expulsions" is aimed at: all who took the last
        act against the speaker (of the kind the noun names: "the expulsions" is a SANCTION), and the same act
        before it ("Saudi Arabia, Egypt … cut ties with Qatar" / "Qatar regretted the decision")."""
        kinds = {self.codes[p.cameo].event for p in self.lexicon.patterns(g.lemma(thing), "NOUN")}
        if (g.lemma(thing) not in self.roles.decision_nouns and not kinds) \
                or any(c.dep_ == "poss" for c in thing.children):
            return []
        against = [f for f in self.earlier if {e.country for e in f.recipient} & speakers]
        # "the decision", "the move": any act; "the attack": an attack (NATO "condemned the attack" is no verdict on
        # a request made of NATO)
        against = [f for f in against if self.codes[f.pattern.cameo].event in kinds] if kinds else against
        same = [f for f in against if f.pattern.cameo[:3] == against[-1].pattern.cameo[:3]] if against else []
        return list({e.country: e for f in same for e in f.actor if e.country not in speakers}.values())

    def _victims(self, thing: Token) -> list[Entity]:
        """Who a hostile act named by a noun falls on: "the cyberattack *against Albania*", "the attack *on*
        Egyptian fans"; none for a noun of no hostile act."""
        if not self._act_kinds(thing) & HOSTILE_DEEDS and g.lemma(thing) not in self.instruments:
            return []
        # "the *Kuwait* invasion", "the invasion *of Kuwait*": the land taken
        invaded = [e for c in thing.children if self.roles.invaded(c, thing) for e in self.roles.entities(c)]
        if g.lemma(thing) in self.roles.invaded_nouns:
            invaded += [e for _p, o in g.prep_objects(thing, frozenset({"of"})) for e in self.roles.entities(o)]
        return invaded + [e for _p, o in g.prep_objects(thing, VICTIM_PREPS) for e in self.roles.entities(o)]

    def _deed_doers(self, thing: Token, speakers: set[str | None]) -> list[Entity]:
        """Who did the hostile deed a noun with "the" names and nothing else says whose ("deplores *the attack*",
        "condemned *the invasion*"): the doers of the last deed told by that word, else of the last deed of its
        kind told by any word ("air strikes" … "condemned *the attacks*"), not the speaker, nor a deed at home."""
        kinds = self._act_kinds(thing) & HOSTILE_DEEDS
        if not kinds or not self._told_unowned(thing):
            return []
        doc, lemma = thing.doc, g.lemma(thing)
        # the deed told by the same word ("U.S. *raids* on Libya … Greece condemned *the raids*"), or by a word of
        # the same specific code ("North Korea *shells* a South Korean island … condemned *the shelling*") first,
        # then the last of its kind by any word; never a deed whose doer is also its victim (at home)
        codes = {p.cameo for p in self.lexicon.patterns(lemma, "NOUN") if not p.cameo.endswith("0")}
        deeds = [f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].event in kinds and f.recipient
                 and f.actor and not {e.country for e in f.actor} & (speakers | {e.country for e in f.recipient})]
        deed = next((f for f in deeds if f.pattern.cameo in codes or any(g.lemma(doc[i]) == lemma for i in f.trigger)),
                    deeds[0] if deeds else None)
        return list({e.country: e for e in deed.actor}.values()) if deed is not None else []

    def _same_word_doers(self, thing: Token, speakers: set[str | None]) -> list[Entity]:
        """Who did the act a noun with "the" names by the word it was told with ("Russia *vetoed* the draft" …
        "condemned *the veto*"; "the expulsions" after "expelled"): the doers of the last act told by that word,
        unless the speaker's own or the noun says whose."""
        if not self._told_unowned(thing):
            return []
        doc, lemma = thing.doc, g.lemma(thing)
        last = next((f for f in reversed(self.earlier) if f.actor and f.status == "actual"
                     and any(g.lemma(doc[i]) == lemma for i in f.trigger)), None)
        if last is None or {e.country for e in last.actor} & speakers:
            return []
        return list({e.country: e for e in last.actor}.values())

    def _laid_on(self, predicate: Token, theme: Token) -> bool:
        """Whether a deed is laid on whom its "on" names: "blamed *the cyberattack on Russia*" (the blamed),
        not "blamed Iran for the attack on Israel" (the victim)."""
        return g.lemma(predicate) in self.laying and theme.head.i == predicate.i and theme.dep_ == "dobj" \
            and next(g.prep_objects(predicate, frozenset({"for"})), None) is None

    def _attackers(self, thing: Token, victims: list[Entity]) -> list[Entity]:
        """Who did a hostile act: its owner ("*Iran's* cyberattack", "the attack *by Iran*", ``Roles.own_actors``),
        or whoever did the last hostile act told against its victims."""
        owners = self.roles.own_actors(thing)
        if owners:
            return owners
        hit = {e.country for e in victims}
        last = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].event in HOSTILE_DEEDS
                     and {e.country for e in f.recipient} & hit), None)
        return [e for e in last.actor if e.country not in hit] if last is not None else []

    def _praised(self, thing: Token, speakers: set[str | None]) -> list[Entity]:
        """Whom praise of "the release", "the move", "the announcement" is for: who did the last act told of
        the kind the noun names (any act, for a noun of decision), unless it was the speaker."""
        # "Russia's release of …" names its doer itself; "Grapel's release" only the one released, told before
        owners = [c for c in thing.children if c.dep_ == "poss"]
        if not (self._told_before(thing) or owners) or any(
                e.sector is None or e.sector in self.state_sectors
                for c in owners if c.pos_ != "PRON" for e in self.roles.entities(c)):
            return []
        # the deeds the noun names ("the action" names none of its own: "action … unacceptable" is a verdict); a
        # noun of decision only the deeds its own words name ("the decision" alone: any)
        deeds = [p for p in self.lexicon.patterns(g.lemma(thing), "NOUN") if p.actor != "speaker"]
        decision = g.lemma(thing) in self.roles.decision_nouns
        # "welcomed *the statements*", "backed *the attribution*": words, whoever last said any
        said = g.lemma(thing) in self.said_things
        kinds = {self.codes[p.cameo].event for p in deeds if not decision or self._conditions(p, thing) is not None}
        if not kinds and not decision and not said:
            return []
        def named(finding: Finding) -> bool:
            code = self.codes[finding.pattern.cameo]
            return code.quad_class in VERBAL if said else not kinds or code.event in kinds

        done = [f for f in self.earlier if f.recipient and f.status == "actual"]
        last = next((f for f in reversed(done) if named(f)), None)
        if last is None or {e.country for e in last.actor} & speakers:
            return []  # "Ottawa defended the action": its own
        return list(last.actor)

    def _deciding_body(self, thing: Token, predicate: Token, speakers: set[str | None]) -> list[Entity]:
        """The organisation or court whose decision a noun of ``body_decisions`` names: its owner ("the
        tribunal's *ruling*"), else for "the vote" told before, a body the sentence names, else the body that made
        the last decision told; never the speaker's own."""
        if g.lemma(thing) not in self.body_decisions:
            return []
        def body(entity: Entity) -> bool:
            return self.resolver.kb.is_organisation(entity.country) and entity.country not in speakers

        owners = [e for c in thing.children if c.dep_ == "poss" for e in self.roles.entities(c)]
        if owners or not self._told_before(thing):
            return [e for e in owners if body(e)]
        named = self._bodies_named(predicate.sent, speakers)
        if named:
            return named
        # the subject of the last decision told ("the General Assembly *voted* …", "the Council *adopted* the
        # resolution"), if a body ("Crimeans voted in a referendum": no body's vote)
        before = reversed(thing.doc[:predicate.sent.start])
        told = next((t for t in before if g.lemma(t) in self.body_decisions), None)
        if told is None:
            return []
        clause = next((t for t in g.clause_chain(told) if t.pos_ in ("VERB", "AUX")), None)
        subject = g.subject(clause) if clause is not None else None
        return [e for e in self.roles.entities(subject) if body(e)] if subject is not None else []

    def _said_of_it(self, predicate: Token, code: Code, actors: set[str | None]) -> list[Entity]:
        """The recipient of the last words of the same kind by another actor, in the sentence before."""
        sent = predicate.sent
        start = predicate.doc[sent.start - 1].sent.start if sent.start else sent.start
        last = next((f for f in reversed(self.earlier) if start <= f.predicate < sent.start
                     and self.codes[f.pattern.cameo].event == code.event
                     and f.recipient and not {e.country for e in f.actor} & actors), None)
        return [e for e in last.recipient if e.country not in actors] if last is not None else []

    def _by_context(self, predicate: Token, pattern: Pattern, code: Code) -> bool:
        """Whether an act whose sentence names no recipient is aimed at the other party of the story."""
        return self.context_recipient and (code.quad_class == 3 or code.event.lower() in self.context_events
                                           or code.code.startswith(self.context_codes)
                                           or self._refused(predicate, pattern, code))

    def _refused(self, predicate: Token, pattern: Pattern, code: Code) -> bool:
        """Whether a cooperation is refused for the future ("will not apologise"), which the record makes a
        rejection (REJECT): verbal conflict, whose unnamed recipient is the other party."""
        if code.event.lower() not in self.cooperative:
            return False
        return self.modality.is_future(predicate) and self.modality.status(predicate, predicate, pattern) == "denied"

    def _missions(self, predicate: Token) -> list[Token]:
        """The missions abroad a clause acts at or on: its object ("stormed *the embassy*"), or the object of a
        place or aim ("outside *the embassy*", "in front of *the consulate*", "threw stones at *the mission*")."""
        missions = self.resolver.words["mission_nouns"]
        verbs = [predicate, *g.children(predicate, "conj")]  # "stormed and burned *the embassies*"
        found = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        # "demonstrated for a second day *outside the embassy*": a place hung on a phrase of time or manner
        nested = [c for v in verbs for p in g.children(v, "prep") for o in g.children(p, "pobj") for c in o.children]
        for prep in [c for v in verbs for c in v.children] + nested:
            if prep.dep_ != "prep" or prep.lower_ not in self.mission_preps:
                continue
            for obj in g.children(prep, "pobj"):
                if g.lemma(obj) == "front":  # "in front of the embassy"
                    obj = next((o for p in g.children(obj, "prep") if p.lower_ == "of" for o in g.children(p, "pobj")),
                               obj)
                found.append(obj)
        # "set fire to *the building housing the consulate*": a mission inside the phrase
        found = [next((t for t in thing.subtree if g.lemma(t) in missions), None) for thing in found]
        return [member for mission in found if mission is not None for member in g.members(mission)]

    def _interview(self, talked: list[Token], recipient: list[Entity]) -> bool:
        """Whether talking is talking to the press ("speaking *to reporters* in Paris", "spoke *to the BBC*", "said
        during a call *with news outlets*"), which is no consultation: the one spoken to is a press noun or of the
        media sector."""
        addressed = [who for word in talked for _prep, who in g.prep_objects(word, {"to", "with"})]
        return any(g.lemma(t) in self.press for t in addressed) or all(e.sector == "MED" for e in recipient)

    def _own_side(self, actor: list[Entity]):
        """A test of whether a recipient is the actor's own state (see ``_same_side``)."""
        return lambda entity: self._same_side(entity, actor)

    def _chanted_against(self, predicate: Token, actor_countries: set) -> list[Entity]:
        """ "demonstrated in Goma, *chanting slogans hostile to Rwanda*", "…, *burning flags of Japan*", "*shouting
        anti-Turkish slogans*": whom a protest is against, named in what the protesters do while protesting."""
        doings = [c for c in predicate.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
        named = [e for doing in doings for token in doing.subtree if token.i in self.resolver.by_token
                 for e in self.resolver.opposed(token) or self.roles.entities(token)]  # "*anti-Turkish* slogans"
        return _distinct([e for e in named if e.country not in actor_countries])[:1]

    def _member_named_apart(self, entity: Entity, actor: list[Entity]) -> bool:
        """ "the G8 suspended *Russia*": a state named on its own is the recipient of its grouping's other
        members (not "the Nordic countries pledged *military* aid", their own forces)."""
        return (entity.sector is None and entity.text != actor[0].text and len(actor) > 1
                and self.resolver.one_grouping(actor))

    def _same_side(self, entity: Entity, actor: list[Entity]) -> bool:
        """Whether a recipient is the actor's own state: same country, and not a government acting on its
        own rebels, opposition or people ("Sudan accused Darfur rebels" is an event of one country)."""
        same = [a for a in actor if a.country == entity.country]
        if not same or self._member_named_apart(entity, actor):
            return False
        if any(a.sector == entity.sector for a in same):
            return True  # "demonstrators … to show *their* anger": the actor itself
        inside = {"NONE"} | self.state_sectors
        return (entity.sector or "NONE") in inside and all((a.sector or "NONE") in inside for a in same)

    def _finding(self, trigger: tuple[int, ...], predicate: Token, pattern: Pattern, actor: list[Entity],
                 recipient: list[Entity], theme: Token | None) -> Finding | None:
        rejection = self.lexicon.convert("rejection", pattern.cameo, "")
        if rejection is not None and self._judges_words(predicate, theme):
            # "said *the US accusation* was groundless", "called the demand absurd": a verdict on what the other
            # side said or asked refuses it
            pattern = dataclasses.replace(pattern, cameo=rejection)
        code = self.codes[pattern.cameo]
        actor = _distinct(actor)
        if self.resolver.one_grouping(actor):  # "the G8 suspended Russia": the other members did
            actor = [e for e in actor if e.country not in {r.country for r in recipient}] or actor
        recipient = _distinct([e for e in recipient if not self._same_side(e, actor)])
        answered = False  # aimed, with no one named, at who last acted against the actor
        if not recipient and theme is not None and theme.lower_ == "own":
            # "announced expulsions of their own": the same act as another actor's, against the same side
            earlier = next((f for f in reversed(self.earlier) if self.codes[f.pattern.cameo].event == code.event
                            and f.recipient and {e.country for e in f.actor}.isdisjoint(e.country for e in actor)),
                           None)
            if earlier is not None:
                recipient = [e for e in earlier.recipient if not self._same_side(e, actor)]
        together = False
        if not recipient and self._with_each_other(actor, code, theme):
            actor, recipient = actor[:1], actor[1:]
            together = g.subject(predicate) is not None  # "X, Y and Z met", not "support announced by X, Y and Z"
        actor_countries = {e.country for e in actor}
        conditional = self.modality.conditional(predicate)
        if not recipient and (code.event == "THREATEN" or code.quad_class == 4 and conditional):
            # "… would close the strait *if the United States* imposed an embargo": aimed at who sets the condition
            recipient = [e for e in self.roles.condition_subject(predicate) if e.country not in actor_countries]
        if not recipient and code.event == "THREATEN":
            # "any attempt *by Taiwan* to declare independence would be crushed": at who would make the attempt
            attempted = g.subject(predicate) or g.first_child(predicate, *g.PASSIVE_SUBJECTS)
            recipient = [e for _by, doer in g.prep_objects(attempted, frozenset({"by"}))
                         for e in self.roles.entities(doer) if e.country not in actor_countries] \
                if attempted is not None else []
        if not recipient and code.event == "THREATEN":
            # "threatened to resume attacks *in Israel*": a threat is aimed where the threatened act would fall,
            # or on whom its consequences would ("warned there will be consequences *for Israel*")
            clauses = g.children(predicate, "xcomp", "ccomp")
            recipient = [e for clause in clauses for e in self.roles.place(clause)
                         if e.country not in actor_countries][:1] or [
                e for clause in clauses for t in clause.subtree if t.dep_ == "pobj" and t.head.lower_ in THREAT_PREPS
                for e in self.roles.entities(t) if e.country not in actor_countries][:1]
        if not recipient and code.event in ("COERCE", "ASSAULT") and self._own_domain(theme):
            # "Vietnam said China had violated *its* sovereignty": no state violates its own; the speaker's
            recipient = [e for e in self.roles.speaker_of(predicate) if e.country not in actor_countries]
        if not recipient and code.event in ADDRESSED_EVENTS:
            # "any provocation will not go unanswered, Ankara *warned Athens*": words told to a state are aimed at it
            recipient = [e for e in self._addressee(predicate) if e.country not in actor_countries]
        if not recipient and (code.event in ANSWERING_EVENTS or code.event == "ASSAULT" and self._fired_back(predicate)):
            # "… will not leave this unanswered", "sent two patrol boats to the reefs", "*returned fire*": aimed at
            # who last acted against the actor
            recipient = self._answered(actor_countries, deeds=code.event == "ASSAULT")
            answered = bool(recipient)
        if not recipient and code.code.startswith(self.denials):
            recipient = self._accusers(actor_countries)  # "The Kremlin flatly denied any involvement"
        if not recipient and code.event == "REQUEST" and theme is not None:
            # "demanded a halt to fighting *between Ethiopia and Eritrea*"; "demanded their release": of whoever
            # holds the speaker's people
            recipient = self._between(theme, actor_countries) or (
                self._holders(actor_countries) if g.lemma(theme) in self.releasing else [])
        cut = theme if theme is not None else g.first_child(predicate, "dobj")  # "ordered *a halt* to all traffic …"
        if not recipient and code.quad_class == 4 and cut is not None:
            recipient = self._cut_off(cut, actor_countries)
        # of an organisation's own officers or of its members' ministers ("EC foreign ministers meeting in Brussels")
        organisation_met = code.event == "CONSULT" and all(
            e.sector == "IGO" or self.resolver.kb.is_organisation(e.country) for e in actor)
        if not recipient and code.event.lower() in self.placed_events and not organisation_met:
            # an attack falls on the state of its scene, named in any of its phrases ("struck fighters *near
            # Qamishli*"), and so does a build-up ("massed troops *near the Ukrainian border*"); an organisation's
            # body or its members' ministers meeting in a capital ("the OAS Council met in Washington") meet nobody
            # there
            scened = code.event in ("ASSAULT", "MOBILIZE")
            placed = self.roles.place(predicate)
            places = placed or (self.roles.scene(predicate) if scened else [])
            recipient = [e for e in places if e.country not in actor_countries]
            if not recipient and code.code.startswith(self.territorial_codes):
                # "Peruvian forces captured Tiwintza": ground of the actor's own that another claims (not the scene
                # of an attack nobody is named for)
                recipient = [e for place in placed for e in self.resolver.claimants(place)
                             if e.country not in actor_countries]
        if not recipient and (code.event == "PROTEST" or code.code.startswith(self.siege_codes)):
            # "protested outside the Danish embassy", "stormed the embassies": against the missions' states; "threw
            # a cordon of troops around the French embassy": on the mission's state
            recipient = [e for mission in self._missions(predicate) for e in self.roles.entities(mission)
                         if e.country not in actor_countries]
        if not recipient and code.event == "PROTEST":
            recipient = self._chanted_against(predicate, actor_countries)
        if not recipient and code.event == "PROTEST":
            # people protest against their own government unless the sentence names another
            recipient = [Entity(text=e.text, name=e.name, country=e.country, sector="GOV", id=e.id)
                         for e in actor[:1] if (e.sector or "NONE") not in self.state_sectors]
        if not recipient and len(actor_countries) == 1 and (pattern.mode or code.mode) != "deport" \
                and all((e.sector or "NONE") in {"NONE"} | self.state_sectors for e in actor):
            # "Egyptian police dispersed demonstrators": a state acts on a group of its own people
            sector = self.roles.domestic_sector(predicate, theme)
            if sector is not None:
                state = actor[0]
                recipient = [Entity(text=state.text, name=state.name, country=state.country, sector=sector,
                                    id=state.id)]
        if not recipient and code.code.startswith(self.domestic_codes) and len(actor_countries) == 1 \
                and all((e.sector or "NONE") in {"NONE"} | self.state_sectors for e in actor):
            # "is prepared to impose martial law": a state's measure at home falls on its own people
            placed = [e for e in self.roles.place(predicate) if e.country in actor_countries]
            recipient = [dataclasses.replace(e, sector="CVL") for e in (placed or actor)[:1]]
        judged = self._judged_noun(predicate, theme) if code.event == "ACCUSE" else None
        if judged is not None and any(g.lemma(t) in self.justifying for t in predicate.subtree
                                      if not judged.left_edge.i <= t.i <= judged.right_edge.i) \
                and self._own_act(judged, actor_countries):
            return None  # "the minister said *the strikes* were in retaliation": a state justifies its own act
        about = g.antecedent(theme) if theme is not None else None  # "the decision, *which* it called unjustified"
        if not recipient and code.quad_class == 3 and about is not None:
            recipient = self._judged(about, actor_countries)
        joint: tuple[str, ...] = ()
        joined = not recipient and code.event in JOINT_EVENTS
        pair = self.resolver.discourse.pair() if joined else []
        # "welcomed the signing of the accord *between Ankara and Yerevan*": those the thing is between
        between = self._between(theme, actor_countries) if joined and theme is not None else []
        parties = between or ([] if {e.country for e in pair} & actor_countries else pair)
        thing = self._joint_thing(predicate, theme) if parties else None
        if thing is not None:
            # "welcomed the accord", "urged restraint": a third party's act aimed at both parties of the story
            recipient = parties
            joint = tuple(sorted({self.codes[p.cameo].event for p in self.lexicon.patterns(g.lemma(thing), "NOUN")}
                                 | {"JOINT"}))
        if not recipient and theme is not None and theme.lower_ in self.told_things and code.quad_class in (1, 3):
            # "Washington welcomed the decision of Cyprus. London also welcomed *it*": what the last like words
            # were about
            recipient = self._said_of_it(predicate, code, actor_countries)
        praised = self._judged_noun(predicate, theme) if not recipient and code.event == "SUPPORT" else None
        if praised is not None:
            # "welcomed the release": praise of a deed told before (after "welcomed the accord" of both)
            recipient = self._praised(praised, actor_countries)
        decided = self._judged_noun(predicate, theme) if not recipient and code.event in VERDICT_EVENTS else None
        if decided is not None:
            # "welcomed the vote", "condemned the court's ruling": the body whose decision it is
            recipient = self._deciding_body(decided, predicate, actor_countries)
        victims = self._victims(theme) if code.event == "ACCUSE" and theme is not None \
            and not self._laid_on(predicate, theme) else []
        if victims and {e.country for e in recipient} <= {e.country for e in victims}:
            # "condemned the cyberattack *against Albania*": the attacker, not the victim
            recipient = self._attackers(theme, victims)
        if not recipient and code.event == "ACCUSE" and theme is not None:
            # "Washington deplores *the attack*": who did the last attack told, whoever it fell on
            recipient = self._deed_doers(theme, actor_countries)
        if not recipient and code.event in ("ACCUSE", "REJECT") and theme is not None:
            # "Russia vetoed the draft … Kyiv condemned *the veto*": who did the act told before by the same word
            recipient = self._same_word_doers(theme, actor_countries)
        if not recipient and code.event == "REJECT" and any(g.lemma(predicate.doc[i]) in self.vetoing
                                                             for i in trigger):
            # "the Soviet Union vetoed two cease-fire resolutions" in a sentence of the Security Council, "Britain
            # voted against": aimed at the body whose draft it stopped (the one the sentence names, else the last
            # one told), not at the other party of the story
            recipient = self._bodies_named(predicate.sent, actor_countries) or [
                e for e in self.resolver.discourse.mentioned
                if e.sector == "IGO" and e.country not in actor_countries][:1]
        inferred = False
        if not recipient and code.event == "SUPPORT" and self._with_an_ally(predicate, pattern):
            # "the United States stands with its ally": the victim of the last hostile act told
            recipient = self._last_hostile(actor_countries, victim=True)
            inferred = bool(recipient)
        if not recipient and self._by_context(predicate, pattern, code):
            aid = code.event in ("AGREE", "AID")
            pledged = aid and self._beneficiary(actor_countries)
            recipient = pledged or self._same_act_before(predicate, code, actor_countries) \
                or [e for e in self._other_party(actor_countries, states_only=aid) if e not in victims]
            inferred = bool(recipient)
        if not recipient and code.event.lower() in self.domestic_events:
            # "imposed a curfew in Sudan": a state's act at home falls on the people of the place
            recipient = [dataclasses.replace(e, sector="CVL") for e in self.roles.place(predicate)
                         if e.country in actor_countries]
        talked = [predicate, *(predicate.doc[i] for i in trigger if i != predicate.i)]  # "during a *call with* …"
        if code.event.lower() in self.needs_counterpart and (not recipient or self._interview(talked, recipient)):
            return None  # "the cabinet met on Sunday": a meeting of one side is no event between two
        if theme is not None:
            self.roles.note_theme(theme)
        trigger_token = predicate.doc[trigger[-1]] if predicate.i in trigger else predicate.doc[trigger[0]]
        status = self.modality.status(predicate, trigger_token, pattern)
        return Finding(trigger=trigger, predicate=predicate.i, pattern=pattern, actor=tuple(actor),
                       recipient=tuple(recipient), theme=theme.i if theme is not None else None, status=status,
                       future=self.modality.is_future(predicate), consequent=self.modality.consequent(predicate),
                       ultimatum=self.modality.ultimatum(predicate),
                       recipient_inferred=inferred, conditional=conditional, joint=joint, together=together,
                       answered=answered)
