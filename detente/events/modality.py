"""The modality of an event's clause: negated, conditional, planned, demanded, threatened, future.

``Modality.status`` gives the status of the spec (actual, planned,
threatened, demanded, hypothetical, denied) from negation, conditions, modal
verbs and the verbs that govern the clause; ``is_future``, ``intended``,
``consequent`` and ``obliged`` answer the narrower questions the coder's
conversions ask ("will visit" is an intention, "would close … if" a threat).
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from . import grammar as g
from .codebook import Code
from .lexicon import Lexicon, Pattern
from .roles import Roles

# Prepositions of an act that comes after the clause it hangs on.
LATER_PREPS = {"before", "until", "ahead"}


class Modality:
    """Reads the modality of clauses with the lexicon's word lists."""

    def __init__(self, lexicon: Lexicon, codes: dict[str, Code], roles: Roles) -> None:
        self.codes = codes
        self.roles = roles
        words = lexicon.word_list
        self.speech = words("speech_verbs")
        self.hypothetical = words("hypothetical_modals")
        self.ability = words("ability_words")
        self.future = words("future_auxiliaries")
        self.conditions = words("condition_marks")
        self.planning = words("planning_verbs")
        self.deciding = words("deciding_verbs")
        self.demanding = words("demanding_verbs")
        self.grievance = words("grievance_preps")
        self.threatening = words("threatening_verbs")
        self.refusing = words("refusing_verbs")
        self.reversing = words("reversing_verbs")
        self.wishing = words("wishing_words")
        self.obligation = words("obligation_auxiliaries")
        self.obligation_verbs = words("obligation_verbs")
        self.intent_nouns = words("intention_nouns")
        self.alleging = words("alleging_verbs")

    def obliged(self, verb: Token) -> bool:
        """ "must release", "should withdraw", "has to leave", "needs to cooperate"."""
        if any(a in self.obligation for a in g.auxiliaries(verb)):
            return True
        head = verb.head
        return verb.dep_ == "xcomp" and g.lemma(head) in self.obligation_verbs and head.i != verb.i

    @staticmethod
    def negated(verb: Token, theme: Token | None) -> bool:
        """ "did not have any basis", "had *no* justification": the clause or its object is negated."""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        return theme is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in theme.children)

    def intended(self, verb: Token) -> bool:
        """Future, modal or intended: "will respond", "would retaliate", "is prepared to take action",
        "the consequences *would* be devastating"."""
        if verb.pos_ in ("NOUN", "PROPN") and verb.head.i != verb.i:
            verb = verb.head
            if verb.pos_ == "ADP" and verb.dep_ == "prep":
                verb = verb.head  # "*would lead to* grave consequences": the verb the phrase is on
        for token in g.clause_chain(verb, limit=4):
            auxes = g.auxiliaries(token)
            if any(a in self.future or a in self.hypothetical or a == "must" for a in auxes):
                return True
            if token.i != verb.i and g.lemma(token) in self.planning | self.threatening:
                return True
            # "would study the measures *before announcing* its reaction": the later act is to come as well
            later = (token.dep_ == "pcomp" and token.head.lower_ in LATER_PREPS) or \
                (token.dep_ == "prep" and token.lower_ in LATER_PREPS)
            if token.dep_ not in ("xcomp", "conj", "acomp") and not later:
                break
        return False

    def status(self, predicate: Token, trigger: Token, pattern: Pattern) -> str:
        for token in (predicate, trigger):
            if not pattern.negated and any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
                                           for c in token.children):
                return "denied"
        if not pattern.negated and any(c.dep_ in ("nsubjpass", "dobj") and not g.after_break(predicate, c)
                                       and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                                       for c in predicate.children):
            return "denied"  # "*no* Russian diplomats are being expelled"
        chain = list(g.clause_chain(predicate, limit=5))
        if predicate.sent.root in chain and _asked(predicate.sent):
            return "hypothetical"  # "Did the US expel Cuban diplomats …?", "Will China retaliate?": asked, not told
        threat = self.codes[pattern.cameo].event == "THREATEN"
        for token in chain:
            marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
            if not threat and ((token.dep_ == "advcl" and marks & {"if", "unless"}) or "whether" in marks):
                return "hypothetical"
            if token.dep_ == "advcl" and marks & self.conditions and (token.tag_ in ("VBZ", "VBP", "VB") or set(
                    g.auxiliaries(token.head)) & (self.future | self.hypothetical)):
                # "refusing to back the talks *until Moscow lifts* the ban", "would stay *until Warsaw met* …": a
                # condition, not "fought on until Russia withdrew in 1989"
                return "hypothetical"
        if pattern.when != "future" and any(any(a in self.obligation for a in g.auxiliaries(token))
                                            and self.roles.reported(token, quotes=False) for token in chain[1:]):
            return "demanded"  # "the US must be ready *to mediate*, Mubarak said"
        for below, token in itertools.pairwise(chain):
            if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or below.dep_ == "conj":
                continue
            word = g.lemma(token)
            if below.dep_ == "prep" and below.lower_ in self.grievance \
                    and word in self.demanding | self.threatening | self.refusing:
                break  # "demanded an apology *over the killing*": the killing is what the demand is about
            # "did *not* …", and for a noun "*no* plans to meet"
            negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)
            if word in self.wishing or (word in self.alleging and token.pos_ == "VERB"):
                return "hypothetical"
            if token.pos_ == "NOUN" and word in self.intent_nouns and below.dep_ == "acl":
                return "denied" if negated else "planned"  # "a consensus *to exchange* information"
            if token.pos_ == "NOUN" and word in self.demanding and below.dep_ in ("acl", "ccomp"):
                return "demanded"  # "Moscow's *demand* that the mission be cut"
            if word in self.ability and below.dep_ == "xcomp" and set(
                    g.auxiliaries(token.head if token.dep_ == "acomp" else token)) & self.hypothetical:
                return "hypothetical"  # "China *would be able* to send police": a capability, not an act
            if token.pos_ in ("VERB", "ADJ"):
                if word in self.refusing:
                    return "denied"
                if word in self.reversing and below.dep_ in ("dobj", "nsubjpass") and below.pos_ == "NOUN":
                    return "denied"  # "withdrew its decision *to expel* the ambassador": undone
                if word in self.threatening and word not in self.speech:
                    return "threatened"
                if word in self.demanding and not (below.dep_ == "ccomp" and below.tag_ == "VBD"):
                    # not "insisted Thailand *was* to blame": what is said to have been is no demand
                    return "denied" if negated else "demanded"
                if word in self.deciding and below.dep_ == "xcomp" and self.codes[pattern.cameo].quad_class == 4:
                    return "denied" if negated else "actual"  # "agreed to ban Belarusian airlines"
                if word in self.planning and below.dep_ in ("xcomp", "pcomp", "prep"):
                    return "denied" if negated else "planned"
            if word in self.speech or token.dep_ not in ("xcomp", "ccomp", "conj", "acl", "advcl", "pcomp", "pobj",
                                                         "prep", "dobj"):
                break
        if predicate.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children) \
                and predicate.tag_ == "VB" and self.intended(predicate.head):
            return "planned"  # the purpose of what is to come: "will visit Senegal *to mediate*"
        auxiliaries = g.auxiliaries(predicate)
        if pattern.when != "future" and self.obliged(predicate) and self.roles.reported(predicate, quotes=False):
            subject = g.subject(predicate) or g.first_child(predicate, *g.PASSIVE_SUBJECTS)
            if subject is not None and self.roles.speaker_of(predicate) != self.roles.entities(subject):
                return "demanded"
        if pattern.when != "future" and not threat and any(a in self.hypothetical for a in auxiliaries) \
                and not ("would" in auxiliaries and self.roles.reported(predicate, quotes=False)):
            return "hypothetical"
        return "actual"

    def is_future(self, predicate: Token) -> bool:
        """Stated as to come: "will visit", "said it would visit" (reported "will"), "plans to visit"."""
        auxiliaries = g.auxiliaries(predicate)
        if any(a in self.future for a in auxiliaries):
            return True
        if predicate.dep_ == "acl" and g.lemma(predicate.head) in self.intent_nouns:
            return True  # "no plans *to meet*": an intention is of what is to come
        return "would" in auxiliaries and self.roles.reported(predicate, quotes=False)

    def ultimatum(self, predicate: Token) -> bool:
        """ "… will withdraw its force *unless* …": a future act made to depend on the other side yielding."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                   for c in predicate.children)

    @staticmethod
    def conditional(predicate: Token) -> bool:
        """The clause has a condition of its own ("would close the strait *if* …", "… *unless* …")."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                   for c in predicate.children)

    def consequent(self, predicate: Token) -> bool:
        """The clause is what would follow ("… *would* close the border", "*if* …, we *will* respond",
        "is *prepared* to impose martial law"), not the condition itself."""
        if self.conditional(predicate):
            return True
        if any(a in self.hypothetical for a in g.auxiliaries(predicate)):
            return True
        head = predicate.head
        return predicate.dep_ == "xcomp" and g.lemma(head) in self.planning


def _asked(sent) -> bool:
    """Whether a sentence is a yes-or-no question: it ends with a question mark and its verb comes before its
    subject ("*Did* the US expel …?", "*Is* Russia ready …?"), and it has no question word ("Why did …?" takes the
    act as done)."""
    if not sent.text.rstrip(" \"'”’»\n").endswith("?") or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in sent):
        return False
    root = sent.root
    subject = g.subject(root)
    return subject is not None and (root.i < subject.i or any(
        c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in root.children))

