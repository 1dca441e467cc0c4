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

Status (denied, hypothetical, planned, demanded, threatened) comes from
negation, conditions, modals and the verbs that govern the clause.  The
result is a list of ``Finding``; dates, sizes and the final record are
attached by the coder.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..actors.resolve import NamedPhrase, Resolver
from ..records import Entity
from . import grammar as g
from .codebook import Code
from .lexicon import NO_THEME, Lexicon, Pattern

# Nouns whose "to" infinitive states a decision of their possessor ("Russia's decision to expel").
DECISION_NOUNS = {"decision", "move", "plan", "order", "attempt", "threat", "refusal", "bid", "readiness",
                  "intention", "step", "measure", "choice", "effort", "call", "demand", "request", "offer",
                  "proposal", "promise", "pledge", "vow", "agreement", "willingness", "determination"}
SPEAKER_PREPS = {"according"}
OBLIGATION_AUXILIARIES = {"must", "should", "ought"}
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
THIRD_PERSON = PERSONAL_PRONOUNS | {"it", "its", "they", "them", "their"}
QUOTES = {'"', "“", "”", "‘", "’", "'", "«", "»"}
# Events that compound actors do with each other ("Jordan and Britain agreed …").
# Besides verbal conflict, the events whose unnamed recipient is the other party of the story.
CONTEXT_EVENTS = {"SANCTION", "RETREAT"}
# Prepositions of a theme that name the other party ("trade *with* Canada", "sanctions *on* Iran").
THEME_PREPS = frozenset({"with", "against", "on", "toward", "towards", "for"})
CIRCUMSTANCE_PREPS = {"after", "during", "at", "following", "before", "ahead", "on", "in"}
RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}
# Nouns that carry a trigger noun compounded into them ("a sanctions *bill*", "the expulsion *order*").
CARRIER_NOUNS = {"bill", "law", "regime", "package", "legislation", "measure", "programme", "program", "list",
                 "order", "decree", "act", "resolution", "decision", "campaign", "policy", "round", "deal",
                 "threat", "talks", "plan"}


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
    recipient_inferred: bool = False


def _sector_fits(pattern: Pattern, actor: list[Entity]) -> bool:
    """Whether the actor has one of the sectors a pattern asks for (``NONE`` for none)."""
    if pattern.sector is None:
        return True
    return any((e.sector or "NONE") in pattern.sector for e in actor)


class EventFinder:
    """Finds the events of the sentences of one document, in order."""

    def __init__(self, lexicon: Lexicon, codes: dict[str, Code], resolver: Resolver, *,
                 context_recipient: bool = True) -> None:
        self.lexicon = lexicon
        self.codes = codes
        self.resolver = resolver
        self.context_recipient = context_recipient
        self.light = lexicon.word_list("light_verbs")
        self.speech = lexicon.word_list("speech_verbs")
        self.quantity = lexicon.word_list("quantity_nouns")
        self.negations = lexicon.word_list("negations")
        self.hypothetical = lexicon.word_list("hypothetical_modals")
        self.future = lexicon.word_list("future_auxiliaries")
        self.planning = lexicon.word_list("planning_verbs")
        self.demanding = lexicon.word_list("demanding_verbs")
        self.threatening = lexicon.word_list("threatening_verbs")
        self.refusing = lexicon.word_list("refusing_verbs")
        self.wishing = lexicon.word_list("wishing_words")
        self.recipient_preps = frozenset(lexicon.recipient_preps)
        self._phrases: dict[int, list[NamedPhrase]] = {}

    # -- the sentence -----------------------------------------------------------------

    def sentence(self, sent: Span) -> list[Finding]:
        """The events of one sentence; afterwards the sentence's actors join the discourse."""
        self._phrases = {}
        findings: list[Finding] = []
        consumed: set[int] = set()
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and self.lexicon.patterns(g.lemma(t), "VERB")]
        nouns = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and self.lexicon.patterns(g.lemma(t), "NOUN")]
        for token in verbs:
            if token.i in consumed:
                continue
            found = self._verb_event(token, consumed)
            if found:
                findings.append(found)
        for token in nouns:
            if token.i in consumed:
                continue
            found = self._noun_event(token)
            if found:
                findings.append(found)
        for token in sent:
            if token.i not in consumed and self._is_adjective(token):
                found = self._adjective_event(token)
                if found:
                    findings.append(found)
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and token.i not in consumed:
                found = self._modal_demand(token, findings)
                if found:
                    findings.append(found)
        self._remember(sent)
        return findings

    def _remember(self, sent: Span) -> None:
        """Let the next sentences refer back to this one's actors, subjects last (most salient)."""
        heads = [t for t in sent if t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound", "amod", "poss")]
        subjects = [t for t in heads if t.dep_ in g.SUBJECTS | g.PASSIVE_SUBJECTS]
        for token in [t for t in heads if t not in subjects]:
            self.resolver.remember(self._phrase(token))
        for token in sorted(subjects, key=lambda t: -len(list(g.clause_chain(t, limit=12)))):
            self.resolver.remember(self._phrase(token), subject=True)
        speaker = self._sentence_speaker(sent)
        if speaker is not None:
            self.resolver.discourse.speaker = speaker

    # -- verbs ------------------------------------------------------------------------------

    def _verb_event(self, verb: Token, consumed: set[int]) -> Finding | None:
        for pattern in self.lexicon.patterns(g.lemma(verb), "VERB"):
            used = self._conditions(pattern, verb)
            if used is None:
                continue
            if pattern.actor == "speaker":
                if not self._reported(verb):
                    continue
                actor = self._speaker_of(verb)
                subject = g.subject(verb) or g.first_child(verb, *g.PASSIVE_SUBJECTS)
                recipient = self._entities(subject) if subject is not None else []
                theme = subject
            else:
                actor = self._actors(verb)
                theme = self._theme(verb)
                recipient = self._recipients(verb, theme)
            if not actor:
                return None
            if not _sector_fits(pattern, actor):
                continue
            if pattern.actor == "speaker" and recipient and not {e.country for e in recipient} - {e.country for e in actor}:
                continue  # a speaker accuses someone else, or this reading does not apply
            if pattern.actor == "speaker" and not recipient and (theme is None or theme.pos_ == "PRON"):
                continue  # "that demand breached the law": a thing of the other side; "we breached": no
            consumed.update(used)
            trigger = (verb.i,) + tuple(c.i for c in verb.children if c.dep_ == "prt")
            return self._finding(trigger, verb, pattern, actor, recipient, theme)
        return None

    def _conditions(self, pattern: Pattern, token: Token) -> set[int] | None:
        """The token indices a pattern's conditions used, or None when they do not hold."""
        used: set[int] = set()
        if pattern.particle is not None and g.particle(token) != pattern.particle:
            return None
        if pattern.prep is not None and not any(True for _ in g.prep_objects(token, pattern.prep)) \
                and not any(c.dep_ == "prep" and c.lower_ in pattern.prep for c in token.children):
            return None
        if pattern.object is NO_THEME:
            if self._theme(token) is not None:
                return None
        elif pattern.object is not None:
            theme = self._theme(token)
            if theme is None or not g.phrase_lemmas(theme) & pattern.object:
                return None
            used.add(theme.i)
        if pattern.complement is not None:
            hit = self._complement_hit(token, pattern.complement)
            if hit is None:
                return None
            used.add(hit.i)
        if pattern.subject is not None:
            subject = g.subject(token) or g.first_child(token, *g.PASSIVE_SUBJECTS)
            if subject is None and token.dep_ == "acl":
                subject = token.head  # "demonstrators protesting election results"
            if subject is None:
                return None
            subject = self._through_quantity(subject)
            if not g.phrase_lemmas(subject) & pattern.subject:
                return None
        if pattern.when == "future" and not self._is_future(token):
            return None
        if pattern.when == "past" and self._is_future(token):
            return None
        return used

    def _complement_hit(self, token: Token, words: frozenset[str]) -> Token | None:
        """A complement of ``token`` (or its object, adjective, noun) whose lemma is in ``words``."""
        candidates: list[Token] = [c for c in token.children if c.dep_ == "amod" and token.pos_ == "NOUN"]
        for child in token.children:
            if child.dep_ in g.COMPLEMENTS | {"dobj", "acl", "relcl", "npadvmod", "advmod"}:
                candidates.append(child)
                candidates.extend(c for c in child.children
                                  if c.dep_ in ("dobj", "attr", "acomp", "oprd", "pobj", "xcomp", "amod", "prep",
                                                "npadvmod", "nsubj", "nsubjpass", "relcl", "acl"))
            elif child.dep_ in ("prep", "prt"):
                candidates.append(child)
                candidates.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        expanded = []
        for candidate in candidates:
            expanded.append(candidate)
            if candidate.dep_ == "prep":
                expanded.extend(c for c in candidate.children if c.dep_ in ("pobj", "pcomp"))
            expanded.extend(c for c in candidate.children if c.dep_ in ("dobj", "pobj", "amod", "compound"))
        for candidate in expanded:
            if g.lemma(candidate) in words or candidate.lower_ in words:
                return candidate
        return None

    # -- demands stated as obligations ----------------------------------------------------

    def _obliged(self, verb: Token) -> bool:
        """ "must release", "should withdraw", "has to leave", "needs to cooperate"."""
        if any(a in OBLIGATION_AUXILIARIES for a in g.auxiliaries(verb)):
            return True
        head = verb.head
        return verb.dep_ == "xcomp" and g.lemma(head) in ("have", "need") and head.i != verb.i

    def _modal_demand(self, verb: Token, findings: list[Finding]) -> Finding | None:
        """ "Libya must hand over the suspects, the minister said": the speaker demands of the subject."""
        if not self._obliged(verb) or not self._reported(verb, quotes=False):
            return None
        subject = g.subject(verb) or g.first_child(verb, *g.PASSIVE_SUBJECTS)
        if subject is None and verb.dep_ == "xcomp":
            subject = g.subject(verb.head)
        if subject is None:
            return None
        obliged = self._entities(self._through_quantity(subject))
        speaker = self._speaker_of(verb)
        if not obliged or not speaker or {e.country for e in obliged} & {e.country for e in speaker}:
            return None
        embedded = next((f for f in findings if f.predicate == verb.i), None)
        if embedded is not None and embedded.pattern.when == "future":
            return None  # "755 diplomats must leave": the obligation is the event itself
        if embedded is not None:
            code = self.codes[embedded.pattern.cameo]
            cameo = self.lexicon.convert("demand", code.code, code.event)
        else:
            cameo = self.lexicon.convert("demand", "", "")
        pattern = Pattern(lemma=g.lemma(verb), pos="VERB", cameo=cameo)
        return self._finding((verb.i,), verb, pattern, speaker, obliged, None)

    # -- adjectives ---------------------------------------------------------------------------

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
            said_of = self._entities(self._through_quantity(subject)) if subject is not None else []
            if pattern.actor == "speaker":
                # "Russia was responsible for the attack, the minister said": the speaker accuses
                if not (self._reported(adjective, quotes=False) or self._according(adjective)):
                    continue
                actor = self._speaker_of(adjective)
                if not actor or not said_of:
                    continue
                return self._finding((adjective.i,), holder if holder.pos_ in ("VERB", "AUX") else adjective,
                                     pattern, actor, said_of, None)
            actor = said_of
            if not actor and holder.pos_ in ("VERB", "AUX"):
                actor = self._actors(holder)
            if not actor:
                return None
            recipient: list[Entity] = []
            for prep, obj in g.prep_objects(adjective, None):
                if prep in ("by", "about", "at", "over", "with", "toward", "towards", "against", "of", "to"):
                    recipient = self._entities(obj) or self._recipients(obj, self._theme(obj))
                    if recipient:
                        break
            return self._finding((adjective.i,), holder if holder.pos_ in ("VERB", "AUX") else adjective,
                                 pattern, actor, recipient, None)
        return None

    # -- nouns ------------------------------------------------------------------------------

    def _noun_event(self, noun: Token) -> Finding | None:
        predicate = self._light_verb(noun)
        for pattern in self.lexicon.patterns(g.lemma(noun), "NOUN"):
            if self._conditions(pattern, noun) is None:
                continue
            if pattern.light is not None and (predicate is None or g.lemma(predicate) not in pattern.light):
                continue
            if pattern.actor == "speaker":
                if not (self._reported(noun) or self._according(noun)):
                    continue
                actor = self._speaker_of(noun)
                owners = self._own_actors(noun) or self._entities(self._theme(noun))
                if not actor:
                    continue
                return self._finding((noun.i,), noun, pattern, actor, owners, None)
            own = self._own_actors(noun)
            if own:
                actor = own
            elif predicate is not None:
                actor = self._actors(predicate)
            elif self.codes[pattern.cameo].event == "CONSULT" and self._circumstance(noun) is not None:
                predicate = self._circumstance(noun)
                actor = self._actors(predicate)
            else:
                return None
            if not actor:
                return None
            if not _sector_fits(pattern, actor):
                continue
            theme = self._theme(noun)
            recipient = self._recipients(noun, theme)
            if not recipient and predicate is not None:
                recipient = self._recipients(predicate, None)
            trigger = tuple(sorted({noun.i} | ({predicate.i} if predicate is not None else set())))
            return self._finding(trigger, predicate or noun, pattern, actor, recipient, theme)
        return None

    @staticmethod
    def _circumstance(noun: Token) -> Token | None:
        """The clause a meeting is the circumstance of: "agreed … *after a summit*", "said *during talks*"."""
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ in CIRCUMSTANCE_PREPS and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        return None

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb that carries a noun's event: "*imposed* sanctions", "sanctions *were approved*",
        "the sanctions bill *passed*", "a sanctions regime Congress *approved*"."""
        if noun.dep_ == "compound" and g.lemma(noun.head) in CARRIER_NOUNS:
            noun = noun.head
            for child in noun.children:
                if child.dep_ == "relcl" and g.lemma(child) in self.light and g.first_child(child, "dobj") is None:
                    return child
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX") \
                and g.lemma(head) in self.light:
            return head
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" \
                and g.lemma(head.head) in self.light and head.lower_ in ("with", "by"):
            return head.head
        return None

    def _own_actors(self, noun: Token) -> list[Entity]:
        """The actor a noun names itself: its possessor, a country adjective, "by X", "the decision *of X*"."""
        for child in noun.children:
            if child.dep_ == "poss":
                return self._entities(child)
        for prep, obj in g.prep_objects(noun, frozenset({"by"})):
            return self._entities(obj)
        if g.lemma(noun) in DECISION_NOUNS:
            for prep, obj in g.prep_objects(noun, frozenset({"of"})):
                found = self._entities(obj)
                if found:
                    return found
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
                found = self._entities(child)
                if found:
                    return found
        return []

    # -- roles ------------------------------------------------------------------------------

    def _actors(self, verb: Token, depth: int = 0) -> list[Entity]:
        """Who does what ``verb`` says, climbing to governing clauses when it has no subject."""
        if depth > 5:
            return []
        if g.is_passive(verb):
            agent = g.passive_agent(verb)
            if agent is not None:
                return self._entities(agent)
            return self._speaker_of(verb) if self._reported(verb, quotes=False) or self._according(verb) else []
        else:
            subject = g.subject(verb)
            if subject is not None:
                subject = self._through_quantity(subject)
                found = self._entities(subject)
                if found or subject.pos_ != "PRON":
                    return found
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "xcomp" or (dep == "ccomp" and head.pos_ == "VERB" and g.lemma(head) in g.OBJECT_CONTROL):
            if g.lemma(head) in g.OBJECT_CONTROL:
                obj = g.first_child(head, "dobj")
                if obj is not None:
                    return self._entities(obj)
            return self._actors(head, depth + 1)
        if dep in ("conj", "advcl", "pcomp", "xcomp", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            return self._actors(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep":
            return self._actors(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else []
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if verb.tag_ == "VBN" and g.first_child(verb, "dobj") is None:
                return []  # "a man accused of spying": a passive participle names no accuser
            named = [n.entity for n in self._phrase(head)]
            if named:
                return named  # "Belarus, for its part, handed over …": the noun acts
            own = self._own_actors(head)
            if own:
                return own
            carrier = self._light_verb(head) if g.lemma(head) in DECISION_NOUNS else None
            if carrier is None and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
                carrier = head.head
            return self._actors(carrier, depth + 1) if carrier is not None else []
        if dep == "relcl":
            return [n.entity for n in self._phrase(head)]
        if dep == "ccomp" and head.pos_ in ("VERB", "AUX") and g.lemma(head) not in self.speech:
            return self._actors(head, depth + 1)
        return []

    def _theme(self, token: Token) -> Token | None:
        """What the event is done to: the object, or for a noun its "of" phrase or compound."""
        if token.pos_ in ("VERB", "AUX"):
            obj = g.direct_object(token)
        else:
            obj = next((o for p, o in g.prep_objects(token, frozenset({"of"}))), None)
            if obj is None:
                obj = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        return self._through_quantity(obj) if obj is not None else None

    def _through_quantity(self, token: Token) -> Token:
        """"hundreds of diplomats" → "diplomats"."""
        if g.lemma(token) in self.quantity or token.like_num:
            inner = next((o for p, o in g.prep_objects(token, frozenset({"of"}))), None)
            if inner is not None:
                return inner
        return token

    def _recipients(self, token: Token, theme: Token | None) -> list[Entity]:
        if theme is not None and theme.lower_ == "own":
            theme = None  # "expulsions of their own": the actor's, not the other side's
        if theme is not None:
            found = self._entities(theme)
            if found:
                return found
            for owner in [c for c in theme.children if c.dep_ == "poss"] + [
                    o for p, o in g.prep_objects(theme, frozenset({"of", "by"}))]:
                found = self._entities(self._through_quantity(owner))
                if found:
                    return found
            if self.lexicon.patterns(g.lemma(theme), "NOUN"):
                inner = self._theme(theme)
                found = self._entities(inner) if inner is not None else []
                if found:
                    return found
                found = self._recipients(theme, None) if theme.i != token.i else []
                if found:
                    return found
        dative = g.first_child(token, "dative", "iobj")
        if dative is not None:
            found = self._entities(dative)
            if found:
                return found
        by_prep: dict[str, list[Entity]] = {}
        for prep, obj in g.prep_objects(token, self.recipient_preps):
            by_prep.setdefault(prep, []).extend(self._entities(self._through_quantity(obj)))
        for prep in self.lexicon.recipient_preps:
            if by_prep.get(prep):
                return by_prep[prep]
        if theme is not None and theme.i != token.i:
            for prep, obj in g.prep_objects(theme, THEME_PREPS):
                found = self._entities(self._through_quantity(obj))
                if found:
                    return found
        if token.pos_ in ("VERB", "AUX"):
            obj = g.first_child(token, "dobj")
            if obj is not None and (theme is None or obj.i != theme.i):
                return self._entities(obj)
        return []

    def _entities(self, head: Token | None) -> list[Entity]:
        if head is None:
            return []
        out: list[Entity] = []
        for token in (head, *head.conjuncts):
            for named in self._phrase(token):
                if named.entity not in out:
                    out.append(named.entity)
        return out

    def _phrase(self, token: Token) -> list[NamedPhrase]:
        if token.i not in self._phrases:
            self._phrases[token.i] = []  # guards against cycles through speakers
            found = self._pronoun_in_sentence(token)
            if found is None:
                found = self.resolver.phrase(token, speaker=self._speaker_of_token(token),
                                             context=self._context_of(token))
            self._phrases[token.i] = found
        return self._phrases[token.i]

    def _context_of(self, token: Token) -> Entity | None:
        """For a bare institution ("the National Security Council"), the speaker reporting the clause;
        for a statement, whoever issued it ("Washington released *a statement*")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        match = self.resolver.by_token.get(token.i)
        if match and any(t.category == "statement" for t in match.terms) and token.dep_ == "dobj":
            subject = g.subject(token.head)
            named = self._phrase(subject) if subject is not None else []
            if named:
                return named[0].entity
        for ancestor in list(g.clause_chain(token, limit=8))[1:]:
            if ancestor.pos_ in ("VERB", "AUX") and g.lemma(ancestor) in self.speech:
                subject = g.subject(ancestor)
                if subject is not None and subject.i != token.i and subject.i < token.i:
                    named = self._phrase(subject)
                    if named:
                        return named[0].entity
        return None

    def _pronoun_in_sentence(self, token: Token) -> list[NamedPhrase] | None:
        """A third-person pronoun that refers to the subject of a clause above it in the same sentence:
        "Russia said *it* would respond", "Germany freed him and *its* minister said …"."""
        lower = token.lower_
        if lower not in THIRD_PERSON:
            return None
        for ancestor in list(g.clause_chain(token, limit=8))[1:]:
            subject = g.first_child(ancestor, *g.SUBJECTS, *g.PASSIVE_SUBJECTS) \
                if ancestor.pos_ in ("VERB", "AUX") else None
            if subject is None or subject.i >= token.i or subject.pos_ == "PRON":
                continue
            named = [n for n in self._phrase(subject) if n.person == (lower in PERSONAL_PRONOUNS)
                     or lower in ("they", "them", "their")]
            if named:
                return named
            if lower in PERSONAL_PRONOUNS and subject.ent_type_ == "PERSON":
                return []  # "Gershkovich was arrested … charges that he rejected": someone we cannot code
        return None

    def _speaker_of_token(self, token: Token) -> Entity | None:
        if token.lower_ not in ("we", "us", "our", "ours", "i", "me", "my"):
            return None
        speakers = self._speaker_of(token.head, include_self=True)
        return speakers[0] if speakers else None

    def _speaker_of(self, token: Token, include_self: bool = False) -> list[Entity]:
        """Who reports the clause of ``token``: the subject of a governing or inserted speech verb."""
        inserted = self._parenthetical(token)
        if inserted is not None:
            subject = g.subject(inserted)
            found = self._entities(subject) if subject is not None else []
            if found:
                return found
        for ancestor in list(g.clause_chain(token))[(0 if include_self else 1):]:
            if ancestor.pos_ in ("VERB", "AUX") and g.lemma(ancestor) in self.speech:
                subject = g.subject(ancestor)
                if subject is not None and subject.lower_ not in ("we", "us", "i"):
                    found = self._entities(subject)
                    if found:
                        return found
            for prep, obj in g.prep_objects(ancestor, frozenset(SPEAKER_PREPS)):
                found = self._entities(obj)
                if found:
                    return found
        sentence_speaker = self._sentence_speaker(token.sent)
        if sentence_speaker is not None:
            return [sentence_speaker]
        return [self.resolver.discourse.speaker] if self.resolver.discourse.speaker else []

    def _according(self, token: Token) -> bool:
        """Whether the sentence attributes itself ("according to the ministry")."""
        return any(t.lower_ in SPEAKER_PREPS for t in token.sent)

    def _parenthetical(self, token: Token) -> Token | None:
        """A speech verb inserted in the clause: "That demand, *the spokesperson said*, breached the law"."""
        for node in g.clause_chain(token, limit=4):
            for child in node.children:
                if child.dep_ == "parataxis" and g.lemma(child) in self.speech:
                    return child
        return None

    def _reported(self, token: Token, quotes: bool = True) -> bool:
        """Whether a clause is reported speech: quoted, or governed by a speech verb."""
        if quotes and any(t.text in QUOTES for t in token.sent):
            return True
        if self._parenthetical(token) is not None:
            return True
        return any(a.pos_ in ("VERB", "AUX") and g.lemma(a) in self.speech for a in list(g.clause_chain(token))[1:])

    def _sentence_speaker(self, sent: Span) -> Entity | None:
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and g.lemma(token) in self.speech:
                subject = g.subject(token)
                if subject is not None and subject.pos_ != "PRON":
                    found = self._entities(subject)
                    if found:
                        return found[0]
        return None

    # -- status ------------------------------------------------------------------------------

    def _is_future(self, verb: Token) -> bool:
        """Future, modal or intended: "will respond", "would retaliate", "is prepared to take action",
        "the consequences *would* be devastating"."""
        if verb.pos_ in ("NOUN", "PROPN") and verb.head.i != verb.i:
            verb = verb.head
        for token in g.clause_chain(verb, limit=4):
            auxes = g.auxiliaries(token)
            if any(a in self.future or a in self.hypothetical or a == "must" for a in auxes):
                return True
            if token.i != verb.i and g.lemma(token) in self.planning | self.threatening:
                return True
            if token.dep_ not in ("xcomp", "conj", "acomp"):
                break
        return False

    def _status(self, predicate: Token, trigger: Token, pattern: Pattern) -> str:
        for token in (predicate, trigger):
            if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
                return "denied"
        chain = list(g.clause_chain(predicate, limit=5))
        threat = self.codes[pattern.cameo].event == "THREATEN"
        for token in chain:
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if not threat and ((token.dep_ == "advcl" and marks & {"if", "unless"}) or "whether" in marks):
                return "hypothetical"
        for below, token in zip(chain, chain[1:]):
            if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or below.dep_ == "conj":
                continue
            word = g.lemma(token)
            negated = any(c.dep_ == "neg" for c in token.children)
            if word in self.wishing:
                return "hypothetical"
            if token.pos_ in ("VERB", "ADJ"):
                if word in self.refusing:
                    return "denied"
                if word in self.threatening and word not in self.speech:
                    return "threatened"
                if word in self.demanding and word not in ("order", "tell", "instruct", "require"):
                    return "denied" if negated else "demanded"
                if word in self.planning and below.dep_ in ("xcomp", "pcomp", "prep"):
                    return "denied" if negated else "planned"
            if word in self.speech or token.dep_ not in ("xcomp", "ccomp", "conj", "acl", "advcl", "pcomp", "pobj",
                                                         "prep", "dobj"):
                break
        auxiliaries = g.auxiliaries(predicate)
        if pattern.when != "future" and self._obliged(predicate) and self._reported(predicate, quotes=False):
            subject = g.subject(predicate) or g.first_child(predicate, *g.PASSIVE_SUBJECTS)
            if subject is not None and self._speaker_of(predicate) != self._entities(subject):
                return "demanded"
        if pattern.when != "future" and not threat and any(a in self.hypothetical for a in auxiliaries) \
                and not ("would" in auxiliaries and self._reported(predicate, quotes=False)):
            return "hypothetical"
        return "actual"

    def is_future(self, predicate: Token) -> bool:
        """Stated as to come: "will visit", and "said it would visit" (reported "will")."""
        auxiliaries = g.auxiliaries(predicate)
        if any(a in self.future for a in auxiliaries):
            return True
        return "would" in auxiliaries and self._reported(predicate, quotes=False)

    # -- the finding --------------------------------------------------------------------------

    def _finding(self, trigger: tuple[int, ...], predicate: Token, pattern: Pattern, actor: list[Entity],
                 recipient: list[Entity], theme: Token | None) -> Finding | None:
        code = self.codes[pattern.cameo]
        if not recipient and len({e.country for e in actor}) > 1 and code.event in RECIPROCAL:
            actor, recipient = actor[:1], actor[1:]
        actor_countries = {e.country for e in actor}
        recipient = [e for e in recipient if e.country not in actor_countries]
        inferred = False
        if not recipient and self.context_recipient and (code.quad_class == 3 or code.event in CONTEXT_EVENTS):
            other = next((e for e in self.resolver.discourse.mentioned
                          if e.country and e.country not in actor_countries), None)
            if other is not None:
                recipient, inferred = [other], True
        trigger_token = predicate.doc[trigger[-1]] if predicate.i in trigger else predicate.doc[trigger[0]]
        status = self._status(predicate, trigger_token, pattern)
        return Finding(trigger=trigger, predicate=predicate.i, pattern=pattern, actor=tuple(actor),
                       recipient=tuple(recipient), theme=theme.i if theme is not None else None, status=status,
                       future=self.is_future(predicate), consequent=self._consequent(predicate),
                       recipient_inferred=inferred)

    def _consequent(self, predicate: Token) -> bool:
        """The clause is what would follow ("… *would* close the border", "*if* …, we *will* respond",
        "is *prepared* to impose martial law"), not the condition itself."""
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in predicate.children):
            return True
        if any(a in self.hypothetical for a in g.auxiliaries(predicate)):
            return True
        head = predicate.head
        return predicate.dep_ == "xcomp" and g.lemma(head) in self.planning
