"""Who does what to whom: the roles of an event in a parsed sentence.

``Roles`` answers, for a clause or a noun, who acts (the subject, the agent of
a passive, a possessor, the actor of the clause above, the speaker who reports
it), what is acted upon (the theme) and who receives the action (the entity
the theme names, an indirect object, a preposition), resolving noun phrases
through the ``Resolver`` of the document.  The words it needs (light verbs,
speech verbs, prepositions …) come from the lexicon's word lists.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..actors.resolve import NamedPhrase, Resolver
from ..casing import RUBRIC_ENDS
from ..records import Entity
from ..size import compound_number
from . import grammar as g
from .lexicon import Lexicon

# Sectors of a country's own politics, which an act of that country may aim at ("to protest *the president's*
# failure"), unlike its people, whom it acts for ("to protect *American students*").
POLITICAL_SECTORS = frozenset({"ELI", "OPP", "REB", "PTY"})
# Prepositions of a prepositional object's own target: "for a war *against* Iraq", "to a demand *from* the US".
NESTED_TARGET_PREPS = frozenset({"against", "on", "upon", "from", "by", "between"})


# Prepositions of an object-control verb that name who is to act ("called *on* Russia to withdraw").
CONTROL_PREPS = frozenset({"on", "upon", "to"})

# Prepositions of a participle of a thing that name whom it is given to or laid on ("visas *issued to* Algerians").
GIVEN_TO = frozenset({"to", "on", "against"})
# Prepositions that name some of what a clause's object counts ("16 people, *among* them …").
MEMBER_PREPS = frozenset({"among", "including"})
# Words for the actor's own thing where the thing would stand ("expulsions of *their own*", "called *theirs* home").
OWN_WORDS = frozenset({"own", "theirs", "ours", "hers", "mine", "yours"})
# The entities whose numbers count no people or things ("two years", "$5 million", "40 percent")
MEASURE_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# where a measure is taken on a border: "checks *at* the border with Kyrgyzstan"
BOUNDARY_PREPS = frozenset({"at", "along", "on", "across"})
# whom a thing is sent or handed: "sent a note *to* Singapore"
GIVEN_PREPS = frozenset({"to"})
# How many of the last lists of states the story told "the seven" or "the four countries" may name.
LISTS_KEPT = 4


def _judged_as(noun: Token, verb: Token) -> bool:
    """Whether the verb says what its object is ("called *the expulsion* unjustified", "called the test a step
    backwards"): a verdict on the thing, which the verb does not carry out."""
    return noun.dep_ == "dobj" and any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.i > noun.i
                                       for c in verb.children)


def _called(noun: Token, verb: Token) -> bool:
    """Whether the noun is what the verb calls its object ("called it *a gross attack*"): a name for the thing,
    which the verb does not carry out; but "what it called *Chile's refusal*" names a deed done."""
    return noun.dep_ == "oprd" and any(c.dep_ == "dobj" and c.i < noun.i and c.lower_ not in ("what", "which")
                                       for c in verb.children)


# The most words of a transcript's speaker label ("PRESS SECRETARY:", "Foreign Minister Wang Yi:").
LABEL_WORDS = 5


class Roles:
    """The roles of the events of one document, sentence by sentence."""

    def __init__(self, lexicon: Lexicon, resolver: Resolver) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        words = lexicon.word_list
        self.light = words("light_verbs")
        self.involving = words("involving_verbs")
        self.answering = words("answering_verbs")
        self.asking_nouns = words("asking_nouns")
        self.speech = words("speech_verbs")
        self.speech_acts = words("speech_acts")
        self.quantity = words("quantity_nouns")
        self.carrying_out = words("carrying_out_nouns")
        self.decision_nouns = words("decision_nouns")
        self.carrier_nouns = words("carrier_nouns")
        self.invaded_nouns = words("invaded_nouns")
        self.opposing = words("opposing_verbs")
        self.circumstance_preps = words("circumstance_preps")
        self.meeting_measures = words("meeting_measures")
        self.theme_preps = words("theme_preps")
        self.feeling_preps = words("feeling_preps")
        self.feeling_nouns = words("feeling_nouns")
        # the prepositions a feeling voiced is aimed with, after the recipient prepositions ("regret *at* …")
        self.felt_preps = (*lexicon.recipient_preps, *sorted(self.feeling_preps - frozenset(lexicon.recipient_preps)))
        self.attribution = words("attribution_words")
        self.object_control = words("object_control_verbs")
        self.personal = words("personal_pronouns")
        self.third_person = words("third_person_pronouns")
        self.quotes = words("quotation_marks")
        self.place_preps = words("place_preps")
        self.scene_preps = words("scene_preps")
        self.state = words("state_sectors")
        self.recipient_preps = frozenset(lexicon.recipient_preps)
        self.shipped = words("shipped_nouns")
        self.asking = words("asking_verbs")
        self.meetings = words("meeting_nouns")
        self.place_adverbs = words("place_adverbs")
        self.boundaries = words("boundary_nouns")
        self.venues = words("venue_nouns")
        self.retort_particles = words("retort_particles")
        self.issuing = words("issuing_verbs")
        self.papers = words("paper_nouns")
        self.elliptic = words("elliptic_words")
        self.known_counts = words("known_counts")
        self.state_nouns = words("state_nouns")
        self.group_nouns = words("group_nouns")
        self.group_sectors = frozenset(s.upper() for s in words("group_sectors"))
        self.posted = words("posted_abroad")
        self.crew_nouns = words("crew_nouns")
        self.craft_nouns = words("craft_nouns")
        self.helping = words("helping_verbs")
        self._phrases: dict[int, list[NamedPhrase]] = {}
        self._themes: list[Token] = []  # themes of the events told so far, in the order of the text

    def reset(self) -> None:
        """Forget the phrases of the previous sentence."""
        self._phrases = {}

    def remember(self, sent: Span) -> None:
        """Let the next sentences refer back to this one's actors, subjects last (most salient)."""
        rubric = self._rubric(sent)
        if rubric is not None:  # the section it heads, this line first, is told by whom it names
            named = self.phrase(rubric)
            self.resolver.remember(named, subject=True)
            if named:
                self.resolver.discourse.speaker = named[0].entity
        heads = [t for t in sent if t.pos_ in ("PROPN", "NOUN") and t.dep_ not in ("compound", "amod", "poss")]
        subjects = [t for t in heads if t.dep_ in g.SUBJECTS | g.PASSIVE_SUBJECTS]
        # and those the parser hung elsewhere ("At the United Nations *the Security Council* … adopted")
        subjects += [s for verb in sent if verb.pos_ == "VERB" and not g.first_child(verb, *g.SUBJECTS)
                     for s in [g.subject(verb)] if s is not None and s in heads and s not in subjects]
        others: list[Entity] = []
        for token in [t for t in heads if t not in subjects]:
            self.resolver.remember(self.phrase(token))
            listed = self._listed(token)
            self._note_list(listed)
            others = listed if len({e.country for e in listed}) > 1 else others
        self.resolver.discourse.others = others
        for token in sorted(subjects, key=lambda t: -len(list(g.clause_chain(t, limit=12)))):
            self.resolver.remember(self.phrase(token), subject=True)
            listed = self._listed(token)
            if len({e.country for e in listed}) > 1:
                self.resolver.discourse.group = listed
            self._note_list(listed)
        for token in subjects:
            self._speaks_for(token)
        speaker = self._sentence_speaker(sent)
        if speaker is not None:
            self.resolver.discourse.speaker = speaker
        if rubric is not None:
            self.resolver.remember(self.phrase(rubric), subject=True)

    def _speaks_for(self, person: Token) -> None:
        """ "The United States asked for a session of the Council, *Ambassador Arthur J. Goldberg* said": a person
        the knowledge base does not know, with no title but a capitalised one, who tells what one state did or
        said speaks for it, whatever state his title alone made him guess to be of; his name and "he" refer to that
        state's official later. Not "analyst John Smith"."""
        if person.ent_type_ != "PERSON" or person.pos_ != "PROPN" or g.lemma(person.head) not in self.speech \
                or any(c.dep_ in ("compound", "amod", "appos") and c.ent_type_ != "PERSON" and c.pos_ != "PROPN"
                       for c in person.children) or any(not named.inferred for named in self.phrase(person)):
            return
        told = [c for c in person.head.children if c.dep_ in ("ccomp", "parataxis")]
        states = [e for clause in told for subject in [g.subject(clause)] if subject is not None
                  for e in self.entities(subject) if e.sector in (None, "GOV") and not e.id.startswith("person:")]
        if len({e.country for e in states}) != 1:
            return
        state = states[0]
        entity = Entity(text=person.text, name=state.name, country=state.country, sector="GOV", id=state.id)
        self.resolver.discourse.names[person.text] = entity
        self.resolver.discourse.note(entity, person=True, subject=True)

    @staticmethod
    def _label(sent: Span) -> Token | None:
        """The speaker's label that opens a line of a transcript ("PRESS SECRETARY: …", "Mr Lavrov: …"): the
        head of the few words before a colon that opens the sentence."""
        colon = next((t for t in sent[:LABEL_WORDS + 1] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            return None
        root = sent.doc[sent.start:colon.i].root
        return root if root.pos_ in ("NOUN", "PROPN") else None

    def _rubric(self, sent: Span) -> Token | None:
        """The name that heads a section of a digest or a liveblog ("3. White House — Statement by the press
        secretary", "KREMLIN: Conference call …"): the head of a name that opens the sentence after its number,
        ended by a dash or a colon."""
        first = next((t for t in sent if t.i > sent.start + 2 or not (t.like_num or t.text in (".", ")"))), None)
        match = self.resolver.by_token.get(first.i) if first is not None else None
        if match is None or match.end >= sent.end or sent.doc[match.end].text not in RUBRIC_ENDS:
            return None
        dateline = self.resolver.dateline
        if dateline is not None and sent.doc[match.start:match.end].text.lower() == dateline[0].lower():
            return None  # "ANKARA — Russia and Belarus freed …": the story's dateline
        return max(sent.doc[match.start:match.end], key=lambda t: len(list(t.children)) + (t.dep_ == "ROOT"))

    def _listed(self, token: Token) -> list[Entity]:
        """The entities of a list the token heads ("Latvia and Estonia"); none for a single phrase or for a
        later member of a list."""
        return self.entities(token) if token.dep_ != "conj" and len(g.members(token)) > 1 else []

    def _note_list(self, listed: list[Entity]) -> None:
        """Keep a list of three or more states, in any role, for "the seven" or "the four countries" to name
        later ("expelled the diplomats of Argentina, Chile, … and Uruguay. *The seven* had refused …")."""
        if len({e.country for e in listed}) > 2:
            lists = self.resolver.discourse.lists
            lists.insert(0, listed)
            del lists[LISTS_KEPT:]

    def circumstance(self, noun: Token) -> Token | None:
        """The clause a meeting is the circumstance of: "agreed … *after a summit*", "said *during talks*", "agreed
        after several hours *of talks*"."""
        head = noun.head
        measure = head.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and measure.dep_ == "pobj" \
                and measure.lower_ in self.meeting_measures:
            return self.circumstance(measure)
        if noun.dep_ == "pobj" and head.lower_ in self.circumstance_preps and head.head.pos_ in ("VERB", "AUX"):
            return _done_over(head.head)
        return None

    def light_verb(self, noun: Token) -> Token | None:
        """The verb that carries a noun's event: "*imposed* sanctions", "sanctions *were approved*",
        "the sanctions bill *passed*", "a sanctions regime Congress *approved*"; for a later member of a list,
        the verb of the first ("stepped up customs, sanitary and migration *checks*")."""
        noun = g.first_listed(noun)
        if noun.dep_ == "appos" and g.lemma(noun.head) in self.carrier_nouns:
            # "announced its *measures*: suspension of all defence cooperation, …": what the measures are
            return self.light_verb(noun.head)
        if noun.dep_ == "compound" and g.lemma(noun.head) in self.carrier_nouns:
            noun = noun.head
            for child in noun.children:
                if child.dep_ == "relcl" and g.lemma(child) in self.light and g.first_child(child, "dobj") is None:
                    return child
        head = noun.head
        if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX") \
                and g.lemma(head) in self.light and not _judged_as(noun, head) \
                and not (_called(noun, head) and g.lemma(noun) not in self.feeling_nouns):
            return head  # a feeling it is called is voiced: "called the decision *a great disappointment*"
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("dobj", "nsubjpass") \
                and head.head.head.pos_ == "VERB" and g.lemma(head.head.head) in self.light:
            return head.head.head  # "launched *ten days of* war games", "held *a round of* talks"
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and (
                g.lemma(head.head) in self.light and head.lower_ in ("with", "by")
                or head.lower_ == "in" and g.lemma(head.head) in self.involving
                or head.lower_ == "with" and g.lemma(head.head) in self.answering):
            return head.head  # "engaged *in* ethnic cleansing", "answered *with* a mirror ban"
        return None

    def own_actors(self, noun: Token) -> list[Entity]:
        """The actor a noun names itself: its possessor, a country adjective, "by X", "the decision *of X*"."""
        for child in noun.children:
            if child.dep_ != "poss":
                continue
            found = self.entities(child)
            if found or not g.is_time(child):  # "*Wednesday's* recognition … by X": dated by the day, not done
                return found
        for _prep, obj in g.prep_objects(noun, frozenset({"by"})):
            return self.entities(obj)
        if g.lemma(noun) in self.asking_nouns:
            # "appeals *from* President Boumediene *and from* Yasser Arafat": all who asked
            askers = [e for _prep, obj in g.prep_objects(noun, frozenset({"from"})) for e in self.entities(obj)]
            if askers:
                return askers
        for _of, done_to in g.prep_objects(noun, frozenset({"of"})):
            for _by, agent in g.prep_objects(done_to, frozenset({"by"})):
                return self.entities(agent)  # "the expulsion of ten diplomats *by Poland*", hung on "diplomats"
        for clause in noun.children:  # "the order, *announced by the State Department*, for 55 diplomats to leave"
            agent = g.passive_agent(clause) if clause.dep_ == "acl" and clause.tag_ == "VBN" else None
            if agent is not None and g.lemma(clause) in self.issuing:
                found = self.entities(agent)
                if found:
                    return found
        if g.lemma(noun) in self.decision_nouns:
            for _prep, obj in g.prep_objects(noun, frozenset({"of"})):
                found = self.entities(obj)
                if found:
                    return found
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i and not self.resolver.venue(child, noun) \
                    and not self.invaded(child, noun):
                found = self.entities(child)
                if found:
                    return found
        return []

    def invaded(self, modifier: Token, noun: Token) -> bool:
        """Whether a state's name before a noun of invasion names the land invaded ("the *Panama* invasion", "the
        *Kuwait* occupation"), where its adjective names the invader ("the *Iraqi* invasion")."""
        return modifier.dep_ == "compound" and modifier.pos_ == "PROPN" and g.lemma(noun) in self.invaded_nouns

    def actors(self, verb: Token, depth: int = 0) -> list[Entity]:
        """Who does what ``verb`` says, climbing to governing clauses when it has no subject."""
        if depth > 5:
            return []
        if g.is_passive(verb) and (self.lexicon.patterns(verb.lower_, "ADJ") or g.lemma(verb) in self.involving):
            # "Canada was concerned by the arrests, and urged …": a feeling, held by its subject; "Serb forces were
            # engaged in ethnic cleansing": a state, of its subject
            subject = g.first_child(verb, *g.PASSIVE_SUBJECTS)
            return self.entities(self.through_quantity(subject)) if subject is not None else []
        if g.is_passive(verb):
            agent = g.passive_agent(verb)
            if agent is not None:
                return self.entities(agent)
            return self.speaker_of(verb) if self.reported(verb, quotes=False) or self.according(verb) else []
        else:
            subject = g.subject(verb)
            if subject is not None:
                subject = self.through_quantity(subject)
                found = self.entities(subject) or self._issuer(subject)
                if found or subject.pos_ != "PRON":
                    return found
            if verb.tag_ == "VBG" and verb.dep_ == "pcomp":
                # "were killed in *shelling by Russian forces*": a gerund told as a noun, its doer after "by"
                found = [e for _by, agent in g.prep_objects(verb, frozenset({"by"})) for e in self.entities(agent)]
                if found:
                    return found
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "xcomp" or (dep == "ccomp" and head.pos_ == "VERB" and g.lemma(head) in self.object_control):
            if g.lemma(head) in self.object_control:
                # "ordered *the diplomats* to leave", "called *on Russia* to withdraw", "appealed *to Iran* to …"
                obj = g.first_child(head, "dobj") or next(
                    (o for _p, o in g.prep_objects(head, CONTROL_PREPS) if o.i < verb.i
                     and not g.is_time(o)), None)  # (not "moved *on Friday* to restrict …")
                if obj is not None:
                    return self.entities(obj)
            return self.actors(head, depth + 1)
        if dep == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.dep_ == "xcomp" and head.tag_ == "VB" \
                and head.head.pos_ in ("VERB", "AUX"):
            # "ordered two diplomats to leave the country *and barred* two others": a finite verb is no conjunct of
            # the infinitive the parser hung it on, but of the clause above it
            return self.actors(head.head, depth + 1)
        if dep in ("conj", "advcl", "pcomp", "xcomp", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            found = self.actors(head, depth + 1)
            if dep == "conj" and head.dep_ == "ccomp" and g.lemma(head.head) in self.speech:
                # "Yemen said Eritrean forces had attacked … *and accused Asmara* of aggression": a conjunct
                # whose object is the reported doer itself continues the speaker's clause, which the parse
                # put under the report
                obj = g.first_child(verb, "dobj")
                told = {e.country for e in self.entities(obj)} if obj is not None and obj.pos_ == "PROPN" else set()
                if told & {e.country for e in found}:
                    return self.actors(head.head, depth + 1)
                if not found and g.lemma(verb) in self.speech_acts:
                    # "Stoltenberg said allies stood with the Netherlands *and called on Russia* to stop": a speech
                    # act whose reported subject names nobody is the speaker's
                    return self.actors(head.head, depth + 1)
            return found
        if dep == "pcomp" and head.dep_ == "prep":
            return self.actors(head.head, depth + 1) if head.head.pos_ in ("VERB", "AUX") else []
        if dep == "acl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
                and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
            # "Prague expelled 18 diplomats …, *accusing* Russia": after a comma, the participle is the clause's
            return self.actors(head.head, depth + 1)
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if head.dep_ in ("dobj", "nsubjpass") and g.lemma(head.head) in self.opposing:
                return []  # "vetoed a draft *threatening* sanctions", "blocked an EU statement *criticising* …"
            if verb.tag_ == "VBN" and g.first_child(verb, "dobj") is None:
                return []  # "a man accused of spying": a passive participle names no accuser
            phrases = self.phrase(head)
            named = [n.entity for n in phrases]
            issued = head.dep_ == "dobj" and head.head.pos_ == "VERB" and bool(phrases) \
                and all(n.inferred and n.category == "statement" for n in phrases)
            if named and not issued:
                return named  # "Belarus, for its part, handed over …": the noun acts
            if issued:
                # "Tokyo, Seoul and Canberra issued a joint statement *condemning* …": all who issued it
                return self.actors(head.head, depth + 1) or named
            if self.resolver.domestic_group(head) is not None:
                return []  # "police dispersed demonstrators *protesting* …": the demonstrators, whoever they are
            own = self.own_actors(head)
            if own:
                return own
            carrier = self.light_verb(head) if g.lemma(head) in self.decision_nouns else None
            if carrier is None and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
                carrier = head.head
            return self.actors(carrier, depth + 1) if carrier is not None else []
        if dep == "relcl":
            return [n.entity for n in self.phrase(head)]
        if dep == "ccomp" and head.pos_ in ("VERB", "AUX") and g.lemma(head) not in self.speech:
            return self.actors(head, depth + 1)
        return []

    def theme(self, token: Token) -> Token | None:
        """What the event is done to: the object, or for a noun its "of" phrase or compound; for an object
        left out ("Estonia expelled *two*"), the noun it stands for (``stand_in``)."""
        obj = self.elided_theme(token)
        if obj is None or obj.lower_ in OWN_WORDS:
            return obj  # "called *theirs* home": the actor's own, no pronoun of someone else
        obj = self.through_quantity(g.antecedent(obj))  # "products *that* will be banned": the products
        return self.stand_in(obj) or obj

    def elided_theme(self, token: Token) -> Token | None:
        """The object as written: for "Estonia expelled *two*" the number itself."""
        if token.pos_ in ("VERB", "AUX"):
            return g.direct_object(token)
        obj = next((o for p, o in g.prep_objects(token, frozenset({"of"}))), None)
        if obj is None:
            obj = next((c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        if obj is None:  # "the arrest *in Phnom Penh of* a Thai engineer": the "of" hung on the place
            obj = next((o for _p, place in g.prep_objects(token, self.place_preps)
                        for _q, o in g.prep_objects(place, frozenset({"of"})) if o.pos_ in ("NOUN", "PROPN")
                        and not self.resolver.place(o)), None)
        return obj

    def note_theme(self, theme: Token) -> None:
        """An event's theme was told: a later number or "one" without a noun may stand for it."""
        if theme.pos_ in ("NOUN", "PROPN") and not self._elliptic(theme):
            self._themes.append(theme)

    def stand_in(self, token: Token) -> Token | None:
        """The noun a word without one stands for: "Latvia expelled two Russian diplomats. Estonia said it
        would send home *two*" → "diplomats", the theme of the last event told before it, within the two
        sentences before; None when ``token`` has a noun of its own or nothing was told."""
        if not self._elliptic(token):
            return None
        counted = self._same_count_before(token)
        if counted is not None:
            return counted
        start = g.sentences_back(token, 2)
        return next((theme for theme in reversed(self._themes) if start <= theme.i < token.i), None)

    def _issuer(self, paper: Token) -> list[Entity]:
        """Who speaks through a statement, a note, a broadcast that is the subject of a verb: "*a statement from*
        the foreign ministry", "a commentary *broadcast by* Hanoi radio"."""
        if g.lemma(paper) not in self.papers:
            return []
        issuers = [o for _p, o in g.prep_objects(paper, frozenset({"from", "by"}))]
        issuers += [agent for clause in paper.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
                    and g.lemma(clause) in self.issuing and (agent := g.passive_agent(clause)) is not None]
        return next((found for issuer in issuers if (found := self.entities(issuer))), [])

    def _same_count_before(self, token: Token) -> Token | None:
        """For a number told as known ("sentenced *the 46*", "freed *all three*"), the last noun before it
        counted by the same number, however far back ("Forty-six Ivorian soldiers held in Mali …"); not a
        measure of time, money or amount ("*two years* later … the two")."""
        if not any(c.dep_ == "det" and c.lower_ in self.known_counts for c in token.children):
            return None
        return _counted_alike(token, 0, token.i)

    def _elliptic(self, token: Token) -> bool:
        """A number or quantifier standing alone where a noun phrase should be ("expelled *two*")."""
        # ("barred *two others*": a quantifier the tagger took for a noun stands for one all the same)
        if not (token.like_num or token.lower_ in self.elliptic) \
                or (token.pos_ in ("NOUN", "PROPN") and token.lower_ not in self.elliptic) \
                or token.dep_ in ("nummod", "quantmod", "compound", "amod", "det", "npadvmod"):
            return False
        return not any(c.dep_ in ("prep", "compound", "amod") or c.pos_ in ("NOUN", "PROPN")
                       for c in token.children)

    def through_quantity(self, token: Token) -> Token:
        """ "hundreds of diplomats" → "diplomats", "hundreds of thousands of people" → "people"; "the
        implementation of the agreements" → "agreements" (a thing's carrying out is the thing)."""
        for _ in range(3):
            if not (g.lemma(token) in self.quantity or token.like_num or g.lemma(token) in self.carrying_out):
                break
            inner = next((o for _p, o in g.prep_objects(token, frozenset({"of"}))), None)
            if inner is None:
                break
            token = inner
        return token

    def recipients(self, token: Token, theme: Token | None, depth: int = 0,
                   exclude: Callable[[Entity], bool] = lambda entity: False,
                   own: frozenset[str | None] = frozenset()) -> list[Entity]:
        """Who receives the action of ``token``, passing over the entities ``exclude`` says are the
        actor's own ("Canada recalled *its* ambassador *from Saudi Arabia*" is about Saudi Arabia).
        ``own`` are the actor's countries, whose people a purpose clause names as whom the act is for, not
        as its target ("closed the mission to protect *American students*")."""
        return self._recipients(token, theme, depth, exclude, own)

    def _owned(self, thing: Token, own: frozenset[str | None]) -> bool:
        """Whether the actor owns a thing: a pronoun ("*its* embassy"), or the actor's state ("*Venezuela's*
        embassy", said of Venezuela)."""
        return any(c.dep_ == "poss" and (c.pos_ == "PRON" or bool(own) and {e.country for e in self.entities(c)} <= own)
                   for c in thing.children)

    def _listed_with_own(self, thing: Token, own: frozenset[str | None]) -> list[Entity]:
        """Who is named next to the actor's own thing: "asked *its neighbours and the IMF* for help" (a name
        joined by "and" alone; "summoned its ambassador*, and Spain*, which …" starts another clause)."""
        doc = thing.doc
        return [e for member in g.members(thing)[1:] if member.pos_ == "PROPN" and not self._owned(member, own)
                and not any(t.is_punct for t in doc[thing.i + 1:member.i]) for e in self.entities(member)]

    def _posted_at(self, thing: Token, other: Callable[[list[Entity]], list[Entity]]) -> list[Entity]:
        """Where the actor's own people or mission are posted: "recalled its ambassador *in Damascus*", "closed
        its embassy *in Kabul*"."""
        return [e for _p, place in g.prep_objects(thing, frozenset({"in", "to", "at"}))
                for e in other(self.resolver.place(place) or self.entities(place))]

    def _recipients(self, token: Token, theme: Token | None, depth: int,
                    exclude: Callable[[Entity], bool], own: frozenset[str | None] = frozenset()) -> list[Entity]:
        def other(entities: list[Entity]) -> list[Entity]:
            return [e for e in entities if not exclude(e)]

        if theme is not None and theme.lower_ == "what":
            theme = g.named_thing(token) or theme  # "*what* it called Chile's refusal": whose the refusal is
        if theme is not None and theme.lower_ in OWN_WORDS:
            # "expulsions of their own", "called *theirs* home": the actor's, not the other side's
            theme = None
        if theme is not None:
            # what a pronoun owns is the actor's own ("Egypt closed *its* airspace to Qatari planes",
            # "Beijing recalled *its* ambassador from Vilnius")
            owned = self._owned(theme, own)
            for _of, part in g.prep_objects(theme, frozenset({"of"})):
                if self._owned(part, own) and g.phrase_lemmas(part) & self.posted:
                    owned, theme = True, part  # "the closure *of Venezuela's embassy in Bogota*"
            named = self._listed_with_own(theme, own) if owned else self.entities(theme)
            found = other(named)
            if found:
                return found
            # "recalled *the American ambassador in Moscow*": the actor's own people, posted where it names
            own_people = bool(named) and bool(own) and {e.country for e in named} <= own
            if (owned or own_people) and g.phrase_lemmas(theme) & self.posted:
                found = self._posted_at(theme, other)
                if found:
                    return found
            # "freed 16 people, *among them* a US reporter", "expelled staff *including* two Czech attachés"
            named = [o for p, o in [*g.prep_objects(theme, MEMBER_PREPS), *g.prep_objects(token, MEMBER_PREPS)]
                     if o.pos_ != "PRON"]
            found = [e for o in named for e in other(self.entities(o))]
            if found:
                return found
            users = [g.passive_agent(c) for c in theme.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            for owner in [c for c in theme.children if c.dep_ == "poss"] + [
                    o for p, o in g.prep_objects(theme, frozenset({"of", "by", "from"}))] + [
                    u for u in users if u is not None]:  # "a dacha *used by the embassy*"
                found = other(self.entities(self.through_quantity(owner)))
                if found:
                    return found
            # "halved the number of visas *issued to Algerians*": whom a participle of the thing gives it to or
            # lays it on (not where it is "bound for")
            thing = self.through_quantity(theme)
            found = [e for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN"
                     for _p, o in g.prep_objects(c, GIVEN_TO) for e in other(self.entities(o))]
            if found:
                return found
            if self.lexicon.patterns(g.lemma(theme), "NOUN"):
                inner = self.theme(theme)
                found = other(self.entities(inner)) if inner is not None else []
                if found:
                    return found
                found = self._recipients(theme, None, depth, exclude) if theme.i != token.i else []
                if found:
                    return found
        dative = g.first_child(token, "dative", "iobj")
        if dative is not None:
            found = other(self.entities(dative))
            if found:
                return found
        if token.dep_ == "acl" and token.head.dep_ == "dobj":
            # "sent *Singapore* a note protesting the intrusions": whom the thing the participle qualifies went to
            sender = token.head.head
            given = [g.first_child(sender, "dative", "iobj"), *(o for _p, o in g.prep_objects(sender, GIVEN_PREPS))]
            found = [e for obj in given if obj is not None for e in other(self.entities(obj))]
            if found:
                return found
        if token.dep_ == "advcl" and token.tag_ == "VBG" and theme is None:
            # "wrote *to Paris* asking for military help": whom the verb the participle goes with addresses
            found = [e for _p, obj in g.prep_objects(token.head, frozenset({"to"})) for e in other(self.entities(obj))]
            if found:
                return found
        if token.pos_ == "NOUN":
            # "their demand *that Tokyo withdraw* the curbs": who is to act is the one asked
            for clause in token.children:
                subject = g.subject(clause) if clause.dep_ in ("acl", "ccomp") \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) else None
                found = other(self.entities(subject)) if subject is not None else []
                if found:
                    return found
        if token.pos_ == "VERB" and g.particle(token, self.retort_particles) in self.retort_particles:
            # "hit back *at Beijing*", "lashed out *at Washington*": a retort's "at" names its target
            found = [e for _p, obj in g.prep_objects(token, frozenset({"at"}))
                     for e in other(self.entities(obj) or self.resolver.place(obj))]  # "at Beijing": no place
            if found:
                return found
        by_prep: dict[str, list[Entity]] = {}
        # a feeling voiced is aimed at what it is felt at: "expressed their regret *at* the U.S. announcement"
        felt = theme is not None and g.lemma(theme) in self.feeling_nouns
        preps = self.felt_preps if felt else self.lexicon.recipient_preps
        # and those of a participle after a noun: "the sanctions *imposed on Iran*", "measures *taken against* …"
        participles = [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"] \
            if token.pos_ == "NOUN" else []
        wanted = frozenset(self.felt_preps) if felt else self.recipient_preps
        phrases = [*g.prep_objects(token, wanted, self.place_adverbs),
                   *(po for p in participles for po in g.prep_objects(p, wanted))]
        for prep, obj in phrases:
            if g.lemma(obj) in self.venues:
                continue  # "on the sidelines of the SCO summit": where, not with whom
            found = other(self.entities(self.through_quantity(obj)))
            if not found:
                # "mobilised reservists for a war *against Iraq*", "controls on exports *to Korea*": the target
                # of what the prep names
                # "appealed for help *to the Soviet Union*": the addressee of an appeal, hung on what it asks for
                asked = prep == "for" and token.pos_ == "VERB" and g.lemma(token) in self.asking
                nested = NESTED_TARGET_PREPS | ({"to"} if g.lemma(obj) in self.shipped or asked else set()) \
                    | ({"with"} if g.lemma(obj) in self.meetings | self.boundaries else set())
                found = [e for _p, inner in g.prep_objects(obj, nested) for e in other(self.entities(inner))]
            by_prep.setdefault(prep, []).extend(found)
        for prep in preps:
            if by_prep.get(prep):
                return by_prep[prep]
        # "was in contact *with* both governments", "in talks *with* Moscow"; "checks *at the border with*
        # Kyrgyzstan": the neighbour
        found = self.partners(token, frozenset({"in"}), self.meetings, other) \
            or self.partners(token, BOUNDARY_PREPS, self.boundaries, other)
        if found:
            return found
        if theme is not None and theme.i != token.i:
            ranged = any(p == "from" for p, _ in g.prep_objects(theme, frozenset({"from"})))
            # "a duty of 73.6 percent *on Australian barley*": also the phrases of the theme's amount
            amounts = [o for _, o in g.prep_objects(theme, frozenset({"of"})) if o.like_num or any(
                c.like_num for c in o.children)]
            # and those of its amount, and of the last measure of a list ("visa bans and asset freezes *on* …")
            of_theme = self.theme_preps | (self.feeling_preps if g.lemma(theme) in self.feeling_nouns else frozenset())
            for prep, obj in [*g.prep_objects(theme, of_theme),
                              *(po for amount in amounts for po in g.prep_objects(amount, self.theme_preps)),
                              *(po for conj in theme.conjuncts for po in g.prep_objects(conj, self.theme_preps))]:
                if prep == "to" and ranged:
                    continue  # "countries from Iraq to Afghanistan" is a range, not a recipient
                found = other(self.entities(self.through_quantity(obj)))
                if not found and felt:
                    found = other(self.own_actors(obj))  # "regret at *the decision by Nicaragua*": whose it is
                if found:
                    return found
        if token.pos_ in ("VERB", "AUX"):
            obj = g.first_child(token, "dobj")
            if obj is not None and (theme is None or obj.i != theme.i) and obj.lower_ not in OWN_WORDS:
                found = other(self.entities(obj))
                if found:
                    return found
            purposes = [c for c in g.children(token, "advcl")
                        if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            clauses = g.children(token, "ccomp", "xcomp") + purposes
            # "to help *rebuild Iraq*": what the help is for names whom it goes to
            clauses += [c for clause in clauses if g.lemma(clause) in self.helping for c in g.children(clause, "xcomp")]
            for clause in clauses:
                # "demanded that *the US* cancel the sale", "called for *Iran* to free them", "offered to hand them
                # over *to Britain*", "blocked a road to show their anger at *the United States*"
                subject = g.subject(clause)
                asked_for = any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
                found = other(self.entities(subject)) if subject is not None and (clause.dep_ == "ccomp" or asked_for) \
                    else []
                found = [e for e in found if e.country not in own] if asked_for else found
                if found:
                    return found
                if depth < 1:
                    found = self._recipients(clause, self.theme(clause), depth + 1, exclude)
                    if clause.dep_ == "advcl":  # the actor's own people are whom it acts for, not its target
                        found = [e for e in found if e.country not in own or e.sector is None
                                 or e.sector.lower() in self.state or e.sector in POLITICAL_SECTORS]
                    if found:
                        return found
            for _prep, obj in g.prep_objects(token, frozenset({"as"})):
                # "denounced as a crime *Serbia's suppression* of …": the object after its description
                for moved in g.children(obj, "appos"):
                    found = other(self.entities(moved)) or [
                        e for owner in g.children(moved, "poss") for e in other(self.entities(owner))]
                    if found:
                        return found
        return []

    def domestic_sector(self, token: Token, theme: Token | None) -> str | None:
        """The sector of a bare group of people the action falls on ("dispersed *demonstrators*", "accused
        *rebels*", "demands *from* rebels"), which names no country of its own."""
        candidates = []
        if theme is not None:
            candidates.append(theme)
            candidates.extend(o for _p, o in g.prep_objects(theme, frozenset({"of", "by", "from"})))
            candidates.extend(a for a in (g.passive_agent(c) for c in theme.children
                                          if c.dep_ == "acl" and c.tag_ == "VBN") if a is not None)
        candidates.extend(self.through_quantity(o) for _p, o in g.prep_objects(token, self.recipient_preps))
        for clause in g.children(token, "xcomp", "advcl"):
            if clause.dep_ == "advcl" and not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                continue  # "…, citing domestic opposition": a reason, not what the act falls on
            obj = g.first_child(clause, "dobj")  # "opened fire to disperse *demonstrators*"
            if obj is not None:
                candidates.append(self.through_quantity(obj))
        for candidate in candidates:
            sector = self.resolver.domestic_group(candidate)
            if sector is not None:
                return sector
        return None

    def condition_subject(self, token: Token) -> list[Entity]:
        """Who a condition is put to: "… will strike back *if Israel* attacks", "*unless Baghdad* accepts"."""
        # the clauses above, and the threatened act below ("threatened to stop talks *if* …")
        nodes = list(g.clause_chain(token, limit=3)) + g.children(token, "xcomp", "ccomp")
        for node in nodes:
            for child in node.children:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                 for m in child.children):
                    subject = g.subject(child) or g.first_child(child, *g.PASSIVE_SUBJECTS)
                    found = self.entities(subject) if subject is not None else []
                    if found:
                        return found
        return []

    def place(self, token: Token) -> list[Entity]:
        """The state a clause happens in or goes to ("arrived *in Amman*", "lifted a curfew *in Montenegro*"), or
        the place it falls on ("shelled *Kharkiv*"); each of the places a list names ("held talks *in Ukraine,
        Poland and France*")."""
        found = self._places_after(token)
        if found:
            return found
        theme = self.theme(token)
        if theme is None:
            return []
        found = self._places_after(theme)  # "held talks *in Kyiv and Warsaw*"
        if not found and token.pos_ in ("VERB", "AUX"):
            found = self.resolver.place(theme)  # "shelled *Kharkiv*", "bombed *the Syrian town of Idlib*"
        return found

    def partners(self, token: Token, preps: frozenset[str], nouns: frozenset[str],
                 other: Callable[[list[Entity]], list[Entity]] = lambda found: found) -> list[Entity]:
        """The states after "with" of a phrase of ``token`` whose noun is one of ``nouns`` ("in talks *with*
        Moscow", "at the border *with* Kyrgyzstan", "ready for talks *with* Athens"), those ``other`` keeps."""
        return [e for _p, obj in g.prep_objects(token, preps) if g.lemma(obj) in nouns
                for _q, partner in g.prep_objects(obj, frozenset({"with"})) for e in other(self.entities(partner))]

    def _places_after(self, token: Token) -> list[Entity]:
        """The states of the first place phrase of ``token`` that names any, each of a list once."""
        for _prep, obj in g.prep_objects(token, self.place_preps):
            found = list({e.country: e for member in g.members(obj) for e in self.resolver.place(member)}.values())
            if found:
                return found
        return []

    def scene(self, token: Token) -> list[Entity]:
        """The state a clause happens in, named anywhere in its phrases ("killed by a device *outside of the
        Iraqi city of Basra*", "a bombing *near the town of X in Iraq*"), not in clauses below it."""
        stack = [token]
        while stack:
            node = stack.pop(0)
            for child in node.children:
                if child.pos_ in ("VERB", "AUX") and child.dep_ not in ("amod", "compound"):
                    continue
                prep = child.head
                if prep.lower_ == "of" and prep.head.dep_ in ("prep", "advmod"):
                    prep = prep.head  # "*outside of* the city", "south of the capital"
                if child.dep_ == "pobj" and prep.lower_ in self.scene_preps:
                    found = self.resolver.place(child)
                    if found:
                        return found
                stack.append(child)
        return []

    def entities(self, head: Token | None) -> list[Entity]:
        if head is None:
            return []
        out: list[Entity] = []
        for token in g.members(head):
            for named in self.phrase(token):
                if named.entity not in out:
                    out.append(named.entity)
        return out

    def phrase(self, token: Token) -> list[NamedPhrase]:
        if token.i not in self._phrases:
            self._phrases[token.i] = []  # guards against cycles through speakers
            found = self._pronoun_in_sentence(token)
            if found is None:
                found = self._state_noun(token)
            if found is None:
                found = self._body_noun(token)
            if found is None:
                found = self.resolver.phrase(token, speaker=self._speaker_of_token(token),
                                             context=self._context_of(token))
            if not found:
                found = self._counted_before(token)
            self._phrases[token.i] = found
        return self._phrases[token.i]

    def _state_noun(self, token: Token) -> list[NamedPhrase] | None:
        """ "Algeria's foreign minister accused *the kingdom* of hostile actions": "the kingdom", "the emirate",
        "the country" with nothing else to name it is the state the story named last, other than the clause's
        subject; "the group", "the movement" is the armed group or movement named last. None when the token is
        no such noun."""
        lemma = g.lemma(token)
        group = lemma not in self.state_nouns and (token.lower_ in self.group_nouns or lemma in self.group_nouns)
        if lemma not in self.state_nouns and not group:
            return None  # most nouns, whose modifiers need not be read
        # a participle may qualify a group: "the *Iran-aligned* movement", "the *armed* group"
        qualifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nummod")
                      and not (group and c.tag_ == "VBN")]
        if token.pos_ != "NOUN" or self.resolver.by_token.get(token.i) or qualifiers \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in token.children):
            return None
        verb = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
        subject = g.subject(verb) if verb.pos_ in ("VERB", "AUX") and verb.i != token.i else None
        own = {e.country for e in self.entities(subject)} if subject is not None and subject.i != token.i else set()
        if not group:
            named = next((e for e in self.resolver.discourse.mentioned if e.country and e.country not in own
                          and e.sector in (None, "GOV")), None)
            sector = None
        else:
            named = next((e for e in self.resolver.discourse.mentioned if e.country
                          and e.sector in self.group_sectors), None)
            sector = named.sector if named is not None else None
        if named is None:
            return []
        entity = Entity(text=token.text, name=named.name, country=named.country, sector=sector, id=named.id)
        return [NamedPhrase(entity, False, None, True)]

    def _body_noun(self, token: Token) -> list[NamedPhrase] | None:
        """ "The U.N. Security Council voted … *The council* condemned …", "*the council* president read a
        statement": a body's generic noun with "the" is the organisation named last whose names have the word. None
        when the token is no such noun."""
        words = self.resolver.words
        noun = next((t for t in [token, *(c for c in token.children if c.dep_ == "compound")]
                     if g.lemma(t) in words["body_nouns"] and t.pos_ in ("NOUN", "PROPN")), None)
        matched = self.resolver.by_token
        if noun is None or (noun.i == token.i and matched.get(token.i)) or matched.get(noun.i) \
                or not any(c.dep_ == "det" and c.lower_ in words["pointing_words"] for c in token.children) \
                or any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in noun.children) \
                or any(c.dep_ in ("compound", "amod", "nmod", "poss") and c.i != noun.i for c in token.children):
            return None  # "*the United Steelworkers* union", "the O.A.S. Council": a name of its own
        kb = self.resolver.kb
        lemma = g.lemma(noun)
        # "The European Union's foreign policy chief said *the bloc* …": one named before it in its sentence first
        before = [phrase.entity for t in reversed(token.doc[token.sent.start:token.i])
                  if t.i in matched and t.i == matched[t.i].end - 1 for phrase in self.resolver.phrase(t)]
        # then one whose name, as the text gave it, has the word ("the *Security Council* … NATO powers … *the
        # Council* demanded"), then any that has a body of that name
        called = next((phrase.entity for m in reversed(self.resolver.matches) if m.end <= token.i
                       and any(g.lemma(t) == lemma for t in token.doc[m.start:m.end])
                       for phrase in self.resolver.phrase(token.doc[m.end - 1])
                       if kb.is_organisation(phrase.entity.country)), None)
        named = called if not any(kb.is_organisation(e.country) for e in before) else None
        named = named or next((e for e in [*before, *self.resolver.discourse.mentioned] if kb.is_organisation(e.country)
                               and (lemma in words["any_body_nouns"] or lemma in kb.body_words.get(e.country, ()))),
                              None)
        if named is None:
            return None
        entity = Entity(text=token.text, name=named.name, country=named.country, sector=named.sector, id=named.id)
        return [NamedPhrase(entity, False, None, True)]

    def _counted_before(self, token: Token) -> list[NamedPhrase]:
        """ "ordered 60 Russians out … / officials described *all 60* as intelligence officers": a bare number
        refers back to the nearest phrase counted with it in the two sentences before."""
        if token.pos_ != "NUM" or token.dep_ in ("nummod", "compound", "quantmod") or not token.sent.start:
            return []
        counted = _counted_alike(token, g.sentences_back(token, 2), token.sent.start)
        return self.resolver.phrase(counted) if counted is not None else []

    def _context_of(self, token: Token) -> Entity | None:
        """For a bare institution ("the National Security Council"), the speaker reporting the clause;
        for a statement, whoever issued it ("Washington released *a statement*")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        match = self.resolver.by_token.get(token.i)
        if match and any(t.category == "statement" for t in match.terms) and token.dep_ == "dobj":
            subject = g.subject(token.head)
            named = self.phrase(subject) if subject is not None else []
            if named:
                return named[0].entity
        for ancestor in list(g.clause_chain(token, limit=8))[1:]:
            if ancestor.pos_ in ("VERB", "AUX") and g.lemma(ancestor) in self.speech:
                subject = g.subject(ancestor)
                if subject is not None and subject.i != token.i and subject.i < token.i:
                    named = self.phrase(subject)
                    if named:
                        return named[0].entity
        return None

    def _pronoun_in_sentence(self, token: Token) -> list[NamedPhrase] | None:
        """A third-person pronoun that refers to the subject of a clause above it in the same sentence:
        "Russia said *it* would respond", "Germany freed him and *its* minister said …"."""
        lower = token.lower_
        if lower not in self.third_person:
            return None
        owning = self.resolver.words["neuter_pronouns"] | self.resolver.words["plural_pronouns"]
        if lower in owning and token.dep_ == "poss" and g.phrase_lemmas(token.head) & self.crew_nouns:
            # "seized a Chilean trawler and detained *its* crew": the craft named before, not the clause's subject
            craft = next((t for t in reversed(token.sent[:token.i - token.sent.start])
                          if t.pos_ == "NOUN" and g.lemma(t) in self.craft_nouns), None)
            if craft is not None:
                return self.phrase(craft)
        # a plural object of a clause is not its subject ("Rawlings accused *them*": not he and his), but more
        # likely the plural object of a clause above ("ordered two U.S. officials out, accusing *them* of …")
        own_clause = _clause_of_object(token) if lower in self.resolver.words["plural_pronouns"] else None
        told = self.object_antecedent(token)
        named = [n for head in g.members(told) for n in self.phrase(head)] if told is not None else []
        if named:
            return named
        for ancestor in list(g.clause_chain(token, limit=8))[1:]:
            subject = g.first_child(ancestor, *g.SUBJECTS, *g.PASSIVE_SUBJECTS) \
                if ancestor.pos_ in ("VERB", "AUX") and ancestor != own_clause else None
            if subject is None or subject.i >= token.i or subject.pos_ == "PRON":
                continue
            plural = lower in ("they", "them", "their")
            # "Germany, France and Poland said *they* would expel …": all the listed subjects; "they" is not one
            # state named in the singular ("Belarus has not recognised the regions, since Russia recognised *them*")
            heads = g.members(subject) if plural else [subject]
            if plural and len(heads) == 1 and subject.tag_ in ("NN", "NNP"):
                continue
            named = [n for head in heads for n in self.phrase(head) if n.person == (lower in self.personal) or plural]
            if named:
                return named
            if lower in self.personal and subject.ent_type_ == "PERSON":
                return []  # "Gershkovich was arrested … charges that he rejected": someone we cannot code
            if lower in ("it", "its") and subject.pos_ in ("NOUN", "PROPN") and subject.tag_ in ("NN", "NNP") \
                    and subject.ent_type_ not in ("PERSON", "NORP", "DATE", "TIME"):
                return []  # "the state airline said *it* would suspend flights": the airline, not a state
        return None

    def object_antecedent(self, token: Token) -> Token | None:
        """The plural object of a clause above that a plural object pronoun stands for ("ordered two U.S.
        officials out, accusing *them* of …", "declared two members of the embassy persona non grata and asked
        *them* to leave"), if there is one."""
        own_clause = _clause_of_object(token) if token.lower_ in self.resolver.words["plural_pronouns"] else None
        if own_clause is None:
            return None
        for ancestor in list(g.clause_chain(token, limit=8))[1:]:
            obj = g.first_child(ancestor, "dobj") if ancestor != own_clause else None
            if obj is not None and obj.i < token.i and (obj.tag_ in ("NNS", "NNPS") or len(g.members(obj)) > 1):
                return obj
        return None

    def _speaker_of_token(self, token: Token) -> Entity | None:
        """Who a first-person pronoun, or a noun it owns ("*our* forces returned fire, the ministry said"),
        speaks for: the reporter of its clause."""
        first = self.resolver.words["first_person_pronouns"]
        pronoun = token if token.lower_ in first else next(
            (c for c in token.children if c.dep_ == "poss" and c.lower_ in first), None)
        if pronoun is None:
            return None
        speakers = self.speaker_of(pronoun.head, include_self=True)
        return speakers[0] if speakers else None

    def speaker_of(self, token: Token, include_self: bool = False) -> list[Entity]:
        """Who reports the clause of ``token``: the subject of a governing or inserted speech verb."""
        inserted = self._parenthetical(token)
        if inserted is not None:
            subject = g.subject(inserted)
            found = self.entities(subject) if subject is not None else []
            if found:
                return found
        for ancestor in list(g.clause_chain(token))[(0 if include_self else 1):]:
            if ancestor.pos_ in ("VERB", "AUX") and g.lemma(ancestor) in self.speech:
                subject = g.subject(ancestor)
                if subject is not None and subject.lower_ not in ("we", "us", "i"):
                    found = self.entities(subject)
                    if found:
                        return found
            for _prep, obj in g.prep_objects(ancestor, self.attribution):
                found = self.entities(obj)
                if found:
                    return found
        sentence_speaker = self._sentence_speaker(token.sent)
        if sentence_speaker is not None:
            return [sentence_speaker]
        return [self.resolver.discourse.speaker] if self.resolver.discourse.speaker else []

    def speech_of(self, token: Token) -> Token | None:
        """The speech verb that reports the clause of ``token``: an inserted "X said", or the nearest one above."""
        inserted = self._parenthetical(token)
        speech = inserted or next((a for a in list(g.clause_chain(token))[1:] if a.pos_ in ("VERB", "AUX")
                                   and g.lemma(a) in self.speech), None)
        # "companies *said to* have supported …" reports nobody's words, however it is parsed; "*replied by*
        # expelling" is a deed
        if speech is None or g.is_passive(speech) or (speech.tag_ == "VBN" and speech.dep_ == "acl") \
                or any(c.dep_ == "prep" and c.lower_ == "by" for c in speech.children) \
                or any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                       for c in speech.children):
            return None
        return speech

    def according(self, token: Token) -> bool:
        """Whether the sentence attributes itself ("according to the ministry")."""
        return any(t.lower_ in self.attribution for t in token.sent)

    def _parenthetical(self, token: Token) -> Token | None:
        """A speech verb inserted in the clause: "That demand, *the spokesperson said*, breached the law"."""
        for node in g.clause_chain(token, limit=4):
            for child in node.children:
                if child.dep_ == "parataxis" and g.lemma(child) in self.speech:
                    return child
        return None

    def reported(self, token: Token, quotes: bool = True) -> bool:
        """Whether a clause is reported speech: quoted, or governed by a speech verb."""
        if quotes and any(t.text in self.quotes for t in token.sent):
            return True
        if self._parenthetical(token) is not None:
            return True
        return any(a.pos_ in ("VERB", "AUX") and g.lemma(a) in self.speech for a in list(g.clause_chain(token))[1:])

    def _sentence_speaker(self, sent: Span) -> Entity | None:
        label = self._label(sent)
        if label is not None:  # "PRESS SECRETARY: We categorically reject …"
            found = self.entities(label)
            if found:
                return found[0]
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and g.lemma(token) in self.speech:
                subject = g.subject(token)
                if subject is not None and subject.pos_ != "PRON":
                    found = self.entities(subject)
                    if found:
                        return found[0]
        return None


def _clause_of_object(token: Token) -> Token | None:
    """The verb a pronoun is the object of, directly or through a preposition ("accused *them*", "spoke to
    *him*"), if it is one."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in ("dobj", "dative", "iobj"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _counted_alike(number: Token, start: int, end: int) -> Token | None:
    """The last noun between positions ``start`` and ``end`` counted by the number ``number`` states ("46" after
    "Forty-six Ivorian soldiers"), not a measure of time, money or amount ("two years")."""
    value = compound_number(number)
    if value is None:
        return None
    return next((earlier.head for earlier in reversed(number.doc[start:end])
                 if earlier.dep_ == "nummod" and earlier.head.pos_ in ("NOUN", "PROPN")
                 and earlier.head.ent_type_ not in MEASURE_ENTITIES and compound_number(earlier) == value), None)


def _done_over(verb: Token) -> Token:
    """The verb a clause's circumstance belongs to: "*agreed* to reopen the crossing after talks" (a meeting held
    before a deed done, not before the act agreed to), else the clause's own."""
    top = verb
    while top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    return top if top is not verb and top.tag_ == "VBD" else verb
