"""Resolving noun phrases of a parsed sentence to actors.

The words that name an actor are rarely one name: "Russian Deputy Foreign
Minister Sergei Ryabkov", "the US embassy in Moscow", "Kremlin spokesman
Dmitry Peskov", "Britain and France", "the ministry", "he".  ``Resolver``
takes the head token of a noun phrase and returns the entities it names:

* the phrase's own modifiers (compounds, adjectives, possessors, "of X",
  appositions — never "in X" or "to X", which place or aim rather than name)
  give the *anchor*, the knowledge-base term that fixes the country;
* the head noun, when it is an institution, role or title, gives the sector;
* office holders are looked up on the document's date, so a former office
  holder is not the government (sector ELI);
* pronouns and bare role nouns ("the ministry", "the president") take the
  most recent fitting entity of the document (``Discourse``); "we", "our"
  take the speaker.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..events.grammar import antecedent, listed_appositions, members
from ..geo.territories import territory
from ..records import Entity
from ..size import number_value
from .knowledge import (
    ADJECTIVE,
    CAPITAL,
    GENERIC,
    GROUP,
    INSTITUTION,
    ORGANISATION,
    PERSON,
    SEAT,
    STATE,
    TITLE,
    KnowledgeBase,
    Term,
)
from .match import ActorMatcher, Match

if TYPE_CHECKING:  # the gazetteer's places know the knowledge base, not the other way round
    from ..geo.places import Place

# Prepositions of a place that opens a clause and places a bare role noun in it ("*In* Nairobi, the ministry …", "*On*
# Grenada, the Governor General …": an island).
OPENING_PLACE_PREPS = frozenset({"in", "on"})

# Roles a state fills many times over (an ambassador in every capital): the title names no one holder.
ROLES_WITHOUT_ONE_HOLDER = {"ambassador"}
# Which term wins when a phrase names several: the most specific first.
ANCHOR_PRIORITY = {PERSON: 0, INSTITUTION: 1, SEAT: 2, GROUP: 3, ORGANISATION: 4, STATE: 5, CAPITAL: 6,
                   ADJECTIVE: 7, TITLE: 8, GENERIC: 9}
# Sectors of people who belong to the country they act in when the phrase names none ("police fired on
# protesters in Cairo"); soldiers, diplomats and officials often act abroad, so they are not among them.
CLAUSE_PLACED_SECTORS = {"CVL", "REB", "OPP", "LAB", "EDU", "REF", "REL", "HLH", "MED", "PTY", "BUS", "COP", "NGO"}
SUBJECT_OR_OBJECT = {"nsubj", "nsubjpass", "dobj"}
# Sectors of the bodies of a state, which a bare noun may take from the speaker who reports it.
STATE_BODY_SECTORS = {None, "GOV", "MIL", "LEG", "JUD", "SPY", "COP"}
# Categories of government nouns that a state or capital after "in" owns ("the authorities in Kabul", "the foreign
# ministry in Hanoi"): bodies that stay at home, not people who travel ("the foreign minister in Beijing").
PLACED_GOVERNMENTS = {"executive", "foreign_ministry"}
# Roles of a government's voice, which speaks where its government sits ("a spokeswoman *in Moscow*").
PLACED_VOICES = {"spokesperson", "foreign_ministry_spokesperson"}
# Entity labels of a name that may be a city the knowledge base does not know, and the population from which
# a city name the model labels a person is taken for the city ("shelled Kharkiv").
PLACE_LABELS = {"GPE", "LOC", "FAC", "PERSON", ""}
BIG_CITY = 300_000
# Nouns whose "of" phrase names a place: "the town of Samarra", "the port city of Hodeidah".
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "port", "capital", "county",
               "municipality", "settlement", "enclave", "island", "area"}
# Dependency labels of the modifiers that belong to a name.
NAME_MODIFIERS = {"compound", "amod", "poss", "nmod", "flat", "appos", "npadvmod", "nummod", "det", "punct",
                  "cc", "conj", "case", "quantmod", "advmod"}

@dataclass
class Discourse:
    """What a document has said so far, for resolving pronouns and bare role nouns.

    ``persons`` and ``agents`` hold the entities that were grammatical subjects
    (what "he" and "it" usually pick up), most recent first; ``mentioned`` holds
    every entity named, for finding the other party of a dispute.
    """

    persons: list[Entity] = field(default_factory=list)
    agents: list[Entity] = field(default_factory=list)
    mentioned: list[Entity] = field(default_factory=list)
    categories: dict[str, Entity] = field(default_factory=dict)
    speaker: Entity | None = None
    group: list[Entity] = field(default_factory=list)  # the last subject that listed several states
    lists: list[list[Entity]] = field(default_factory=list)  # the last lists of states, in any role, latest first
    # the states the sentence before listed outside its subjects ("expelled the envoys *of Togo and Benin*")
    others: list[Entity] = field(default_factory=list)
    names: dict[str, Entity] = field(default_factory=dict)  # people the knowledge base does not know, by name
    counts: Counter = field(default_factory=Counter)  # mentions of each country
    dyads: Counter = field(default_factory=Counter)  # events between each two countries
    organisations: Collection[str] = frozenset()  # the codes of organisations, which are no party of a dispute

    def note(self, entity: Entity, *, category: str | None = None, person: bool = False,
             subject: bool = False) -> None:
        if entity.country is None:
            return
        self.counts[entity.country] += 1
        targets = [self.mentioned]
        if subject:
            targets.append(self.persons if person else self.agents)
        for target in targets:
            if entity in target:
                target.remove(entity)
            target.insert(0, entity)
            del target[16:]
        if category:
            self.categories[category] = entity
        if person and entity.id.startswith("person:") and " " in entity.name:
            # "Prime Minister P.V. Narasimha Rao … / *Mr Rao* held talks": the family name of a known person
            self.names.setdefault(entity.name.split()[-1], entity)

    def _party(self, entity: Entity) -> bool:
        """Whether an entity may be a party of a dispute: a state, not an organisation."""
        return entity.sector != "IGO" and entity.country not in self.organisations

    def note_dyad(self, actor: Iterable[Entity], recipient: Iterable[Entity]) -> None:
        """An event between these parties was told; an organisation is no party of a dispute between states
        ("the Security Council demanded a halt to fighting between Ethiopia and Eritrea")."""
        # in the order the event names them (not a set's, which changes with Python's hash seed): the pair told
        # first wins a tie
        parties = [list(dict.fromkeys(e.country for e in side if e.country and self._party(e)))
                   for side in (actor, recipient)]
        if any(frozenset(pair) in self.dyads for pair in itertools.combinations(parties[1], 2)):
            return  # what one does to two parties at once ("Brazil, which hosted *them*") is a third party's
        for first in parties[0]:
            for second in parties[1]:
                if second != first:
                    self.dyads[frozenset((first, second))] += 1

    def pair(self) -> list[Entity]:
        """The two parties of the story so far: the two countries with the most events between them (the
        pair told first among equals: a mediator named often is not a party), else the two countries named
        most (the more recent first among equals), as last named."""
        recency = {}
        for position, entity in enumerate(self.mentioned):
            recency.setdefault(entity.country, (position, entity))
        told = {d: i for i, d in enumerate(self.dyads)}  # a Counter keeps the order in which keys came
        dyads = [d for d in self.dyads if d <= recency.keys()]
        if dyads:
            best = max(dyads, key=lambda d: (self.dyads[d], -told[d]))
            return [recency[country][1] for country in sorted(best, key=lambda c: recency[c][0])]
        ranked = sorted(recency, key=lambda country: (-self.counts[country], recency[country][0]))
        states = [country for country in ranked if self._party(recency[country][1])]
        ranked = states if len(states) >= 2 else ranked  # an organisation named often is no party either
        return [recency[country][1] for country in ranked[:2]] if len(ranked) >= 2 else []


@dataclass(frozen=True)
class NamedPhrase:
    """The resolution of one noun phrase, with what it tells the discourse."""

    entity: Entity
    person: bool
    category: str | None
    inferred: bool


def _entity_span(head: Token) -> Span:
    """The named entity ``head`` is part of, as the entity recogniser marked it (``head`` alone if none)."""
    doc = head.doc
    start, end = head.i, head.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _named_otherwise(head: Token, known: Entity) -> bool:
    """Whether a titled phrase names a person by a name that is not ``known``'s ("Prime Minister *Manasseh
    Sogavare*" after Michael Somare)."""
    names = [t.text for t in head.subtree if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
    return bool(names) and not any(name in known.name.split() for name in names)


def _distinct_places(places: list[Entity]) -> list[Entity]:
    """Places without repeats of a state ("Tokyo and Osaka" are Japan, once)."""
    return list({e.country: e for e in places}.values())


class Resolver:
    """Resolves noun phrases of one document to entities."""

    def __init__(self, kb: KnowledgeBase, matcher: ActorMatcher, doc: Doc, day: date,
                 cities: Callable[[str, int], str | None] | None = None,
                 dateline: tuple[str, Place] | None = None) -> None:
        self.kb = kb
        self.cities = cities  # the country of a city the knowledge base does not know ("Kharkiv"), if given
        self.dateline = dateline  # the story's dateline and its place ("SUVA, Nov 4 –"), if it has one
        self.home = dateline[1].country if dateline else None  # the state of the dateline
        self._home_named: bool | None = None
        self._told: dict[int, NamedPhrase | None] = {}
        self.doc = doc
        self.day = day
        self.matches: list[Match] = _on_day(matcher(doc), day)
        self.by_token: dict[int, Match] = {}
        for match in self.matches:
            for i in range(match.start, match.end):
                self.by_token[i] = match
        self.discourse = Discourse(organisations=kb.organisations.keys())
        self.words = kb.words
        self.pronouns = frozenset().union(*(kb.words[name] for name in (
            "personal_pronouns", "neuter_pronouns", "plural_pronouns", "first_person_pronouns")))

    # -- public ------------------------------------------------------------------------

    def has_actor(self, start: int, end: int) -> bool:
        """Whether tokens start..end hold any term naming (part of) an actor."""
        return any(start <= m.start < end for m in self.matches) or any(
            t.lower_ in self.pronouns for t in self.doc[start:end]
        )

    def entities(self, head: Token, *, speaker: Entity | None = None) -> list[Entity]:
        """The entities the phrase headed by ``head`` names, conjuncts included ("Britain and France")."""
        out: list[Entity] = []
        for token in members(head):
            for named in self.phrase(token, speaker=speaker):
                if named.entity not in out:
                    out.append(named.entity)
        return out

    def phrase(self, head: Token, *, speaker: Entity | None = None,
               context: Entity | None = None) -> list[NamedPhrase]:
        """Resolve one phrase (without its conjuncts); several entities for "Hungarian and Romanian officials"."""
        found = self._phrase(head, speaker=speaker, context=context)
        if not found and (head.lower_ in self.words["told_people"] or head.lower_ in self.words["told_craft"]) \
                and _definite(head):
            told = self._told_people(head)  # "the crew", "the 24 sailors": whose they were when first told
            return [told] if told is not None else []
        return [member for named in found for member in self._members(named)]

    def names_pair(self, head: Token) -> bool:
        """Whether a phrase names the two parties of the story: "both sides", "the two countries", "all
        parties"."""
        lower, named = head.lower_, self.by_token.get(head.i)
        paired = any(c.lower_ in self.words["pair_words"] for c in head.children) or (
            lower in self.words["all_sides_nouns"] and any(c.lower_ == "all" for c in head.children))
        return paired and lower in self.words["pair_nouns"] and (named is None or lower in self.words["pair_titles"])

    def _included(self, head: Token, speaker: Entity | None, context: Entity | None) -> list[NamedPhrase]:
        """The states a phrase names as included: "several Gulf states, *including Saudi Arabia and the UAE*",
        "EU countries, including Germany" (named ones, not "a roadmap including a ceasefire")."""
        return [NamedPhrase(e, False, None, False) for child in head.children
                if child.dep_ == "prep" and child.lower_ in self.words["including_words"]
                for obj in child.children if obj.dep_ == "pobj" for member in members(obj)
                if self.by_token.get(member.i) is not None
                for e in (n.entity for n in self.phrase(member, speaker=speaker, context=context))]

    def one_grouping(self, entities: Sequence[Entity]) -> bool:
        """Whether ``entities`` are the members of one grouping named by one phrase ("the G7")."""
        countries = {e.country for e in entities}
        return len({e.text for e in entities}) == 1 and any(countries == set(m) for m in self.kb.members.values())

    def _members(self, named: NamedPhrase) -> list[NamedPhrase]:
        """A grouping that acts only as its states do ("G7 ministers", "the Baltic states"): each state."""
        codes = self.kb.members.get(named.entity.country or "")
        if not codes:
            return [named]
        sector = None if named.entity.sector == "IGO" else named.entity.sector
        return [NamedPhrase(Entity(text=named.entity.text, name=self.kb.name_of(code), country=code,
                                   sector=sector, id=f"state:{code}"), False, named.category, named.inferred)
                for code in codes]

    def _phrase(self, head: Token, *, speaker: Entity | None = None,
                context: Entity | None = None) -> list[NamedPhrase]:
        lower = head.lower_
        named = self.by_token.get(head.i)  # "the US" may be tagged as the pronoun "us"
        if lower in self.words["distributive_pronouns"] and head.dep_ in ("dobj", "pobj", "dative") \
                and not any(c.dep_ == "prep" for c in head.children):
            # "Norway, Finland and Iceland closed their embassies. Belarus recalled its envoys *from each*"
            return [NamedPhrase(entity, False, None, True)
                    for entity in self.discourse.others or self.discourse.group]
        if (head.pos_ == "PRON" or lower in self.pronouns) and named is None:
            group = self._group(lower, head.dep_ in ("dobj", "pobj", "dative"))
            if group:  # "Latvia and Estonia condemned the move. *They* said …": all of them
                return [NamedPhrase(entity, False, None, True) for entity in group]
            bound = self._bound(head)
            if len(bound) > 1:  # "Libya and Chad expressed *their* intention": each of the subject's states
                return [NamedPhrase(entity, False, None, True) for entity in bound]
            entity = bound[0] if bound else self._pronoun(lower, speaker)
            if entity is not None and lower in self.words["personal_pronouns"] and head.dep_ == "nsubj":
                entity = self._other_than_object(head, entity)
            return [NamedPhrase(entity, lower in self.words["personal_pronouns"], None, True)] if entity else []
        if self.names_pair(head):  # "urged both sides to respect the agreement", "the two countries agreed …"
            return [NamedPhrase(Entity(text=head.text, name=e.name, country=e.country,
                                       id=e.id if e.sector is None else f"state:{e.country}"),
                                False, None, True) for e in self.discourse.pair()]
        if lower in self.words["relation_nouns"] and named is None and (self._tied_state(head) or (
                _pronoun_owned(head) and not any(c.dep_ in ("amod", "compound") for c in head.children))):
            # "the allies of Iraq", "Russia's neighbours", "its ally" (not "its *Turkish* partners"): not the state
            # they are tied to
            return []
        counted = self._counted_group(head)
        if counted:  # "Mexico, Argentina, Colombia and Bolivia … its ambassadors in *the four countries*"
            return [NamedPhrase(entity, False, None, True) for entity in counted]
        tokens = self._name_tokens(head)
        matches = self._matches(tokens)
        if matches and all(t.ambiguous for m in matches for t in m.terms) and _pronoun_owned(head):
            # "a test for the OAU. *Its* Council of Ministers …": the body of whom the pronoun names, else of the
            # organisation told last
            owner = self._possessive_pronoun(head, speaker) or next(
                (e for e in self.discourse.mentioned if e.sector == "IGO"), None)
            if owner is not None:
                entity = Entity(text=head.text, name=owner.name, country=owner.country, sector=owner.sector,
                                id=owner.id)
                return [NamedPhrase(entity, False, None, True)]
        if not matches and head.text in self.discourse.names and (head.ent_type_ == "PERSON" or (
                head.pos_ == "PROPN" and not any(c.dep_ == "det" for c in head.children))):
            # "North Korea's envoy, Kang Chol, …" / "*Kang* refused": the person named before
            return [NamedPhrase(self.discourse.names[head.text], True, None, True)]
        sponsored = self._sponsored(head, tokens, matches)
        if sponsored is not None:
            return [sponsored]
        if not matches and head.pos_ == "NOUN":
            # "her department", "its office"; "*their* intention", said of "Libya and Chad": each one's
            owners = self._possessive_owners(head, speaker)
            if owners:
                return [NamedPhrase(Entity(text=head.text, name=o.name, country=o.country, sector=o.sector, id=o.id),
                                    False, None, True) for o in owners]
        if not matches and head.lemma_.lower() in self.words["document_nouns"]:
            signer = _signer(head)  # "the decree *Putin* signed", "a law passed *by parliament*"
            if signer is not None:
                return self._each(signer, speaker, context)
        included = self._included(head, speaker, context) if not matches or head.lower_ in self.words["pair_nouns"] \
            else []
        if included:
            return included
        if not matches:
            # "officers of Russia's military intelligence", "members of the delegation of Iran"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                            return self._each(obj, speaker, context)
            return self._affiliated(head, speaker, context)
        return self._named_phrase(head, tokens, matches, speaker, context)

    def _affiliated(self, head: Token, speaker: Entity | None, context: Entity | None) -> list[NamedPhrase]:
        """People no name places, tied by a participle to who does ("actors *affiliated with* China's Ministry of
        State Security", "hackers *linked to* Russia's GRU", "gunmen *backed by* Iran"): that state's."""
        # and participles listed with the first ("mercenaries *organized and paid by* Washington")
        participles = [c for a in head.children if a.dep_ == "acl" for c in (a, *a.conjuncts)]
        for clause in participles:
            if clause.tag_ != "VBN" or clause.lemma_.lower() not in self.words["tying_verbs"]:
                continue
            for prep in clause.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in self.words["tying_prepositions"]:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self._each(obj, speaker, context)
        return []

    def _each(self, head: Token, speaker: Entity | None, context: Entity | None) -> list[NamedPhrase]:
        """The phrases of a noun and of those listed with it, which a phrase names as its owners or agents
        ("the agencies *of the United States, Britain and Canada*", "a draft sponsored *by Brazil and Chile*")."""
        return [n for member in members(head) for n in self.phrase(member, speaker=speaker, context=context)]

    def _named_phrase(self, head: Token, tokens: list[Token], matches: list[Match], speaker: Entity | None,
                      context: Entity | None) -> list[NamedPhrase]:
        head_match = self.by_token.get(head.i)
        head_terms = head_match.terms if head_match and head_match in matches else ()
        role_term = _role_term(head_terms) or _role_term([t for m in matches for t in m.terms])
        if role_term is None:
            # an institution that did not fix the country still says which part of the state acts
            role_term = next((t for t in head_terms if t.kind == INSTITUTION and t.ambiguous), None)
        former = any(t.lower_ in self.words["former_words"] for t in tokens)
        anchors = self._anchors(matches)
        if not anchors:
            owner = self._possessive_pronoun(head, speaker) if role_term else None
            if owner is not None:
                entity = Entity(text=head.text, name=owner.name, country=owner.country,
                                sector=role_term.sector or owner.sector, id=owner.id)
                return [NamedPhrase(entity, False, role_term.category or role_term.role, True)]
            tied = self._affiliated(head, speaker, context) if role_term else []
            if tied:  # "militias *backed by* Iran": the backer's, in the role the noun names
                return [NamedPhrase(dataclasses.replace(n.entity, text=head.text,
                                                        sector=role_term.sector or n.entity.sector),
                                    False, role_term.category or role_term.role, True) for n in tied]
            located = self._located(head, role_term) if role_term else []
            if located:
                return located
            # a plural role noun names no one body, but "officials *here*" are those of the dateline's state
            plural = head.tag_ in ("NNS", "NNPS") and not any(c.lower_ in self.words["dateline_adverbs"]
                                                               for c in head.children)
            inferred = self._from_role(role_term, former, context, head) if role_term and not plural else None
            return [inferred] if inferred else []
        ethnic = self._ethnic(head, tokens, anchors, role_term)
        if ethnic is not None:
            return [ethnic]
        out = []
        for match, term in anchors:
            named = self._anchored(match, term, role_term, former)
            if named:
                out.append(named)
        # the name in apposition, also where the parser hung it on the place of the role ("the envoy in Kuala
        # Lumpur, Kang Chol, …")
        placed = [a for prep in head.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"
                  for a in obj.children if a.dep_ in ("appos", "conj") and a.ent_type_ == "PERSON"]
        named_person = [t for t in [*tokens, *(w for a in placed for w in a.subtree)]
                        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.i not in self.by_token]
        if len(out) == 1 and named_person:
            # "North Korea's envoy in Kuala Lumpur, Kang Chol": a person, whom "Kang" and "he" refer to later
            for token in named_person:
                self.discourse.names[token.text] = out[0].entity
            out = [NamedPhrase(out[0].entity, True, out[0].category, out[0].inferred)]
        return out



    def place(self, head: Token, depth: int = 0) -> list[Entity]:
        """The state a place names: a state ("in Lebanon") or its capital ("in Amman"), as a location.

        A place that is not itself a state is placed by its modifiers: "*Montenegro* province", "the
        *Bosnian* town of Gorazde", "the town of Cizre *in Turkey*", "the capital city *of Algiers*".
        """
        if head.lemma_.lower() in self.words["mission_nouns"]:
            return self._mission_place(head, depth)
        match = self.by_token.get(head.i)
        # a common noun of a body in a name ("Cairo *University*") is placed by its modifiers as other places
        # are, not one of a state's people or forces ("*Thai* troops")
        if match is not None and not (head.pos_ == "PROPN" and all(term.kind == GENERIC for term in match.terms)):
            # "the *Bosnian* town", "the *Kuwaiti* border" (which the tagger may take for a name), not "a
            # *Thai* engineer"
            placing = head.dep_ == "amod" or head.dep_ == "compound" and (
                head.head.lemma_.lower() in PLACE_NOUNS or head.head.lemma_.lower() in self.words["border_nouns"])
            # a seat is a place of its state too ("in Colombo", the seat of Sri Lanka's government)
            kinds = (STATE, CAPITAL, SEAT, ADJECTIVE) if depth > 0 and placing else (STATE, CAPITAL, SEAT)
            for term in match.terms:
                if term.kind in kinds and term.country:
                    text = self.doc[match.start:match.end].text
                    return [Entity(text=text, name=self.kb.name_of(term.country), country=term.country,
                                   sector=None, id=term.id)]
            return []  # a person or a body named by the place's head is no place
        city = self._city(head) or self._territory(head)
        if city is not None:
            return [city]
        if depth > 1 or head.pos_ not in ("NOUN", "PROPN"):
            return []
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < head.i:
                found = self.place(child, depth + 1)
                if found:
                    return found
        # "the town *of Samarra*", "the airfield *at Stanleyville*", "the border *with India*"
        preps = ("of", "in", "at", "with") if head.lemma_.lower() in self.words["border_nouns"] else ("of", "in", "at")
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = self.place(obj, depth + 1)
                        if found:
                            return found
        return []

    def _mission_place(self, head: Token, depth: int) -> list[Entity]:
        """Where a mission stands ("the Danish embassy *in Tehran*"), never the state whose it is."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                for obj in child.children:
                    if obj.dep_ == "pobj":  # "French missions in Tokyo, Manila and Santiago": each
                        return _distinct_places([e for place in members(obj) for e in self.place(place, depth + 1)])
        return []

    def _city(self, head: Token) -> Entity | None:
        """A city the knowledge base does not know, placed by the gazetteer ("shelled *Kharkiv*")."""
        named_place = head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in PLACE_NOUNS
        # the small model takes many a city after "in", "through" for an organisation
        located = head.dep_ == "pobj" and head.head.lower_ in self.words["locative_prepositions"] \
            and head.ent_type_ == "ORG"
        if self.cities is None or head.pos_ != "PROPN" \
                or (head.ent_type_ not in PLACE_LABELS and not named_place and not located):
            return None  # "the town *of Samarra*" is a place whatever label the model gives it
        text = _entity_span(head).text
        # the small model often takes a foreign city for a person: then only a big city is believed
        country = self.cities(text, BIG_CITY if head.ent_type_ == "PERSON" and not named_place else 0)
        if country is None:
            return None
        return Entity(text=text, name=self.kb.name_of(country), country=country, sector=None, id=f"place:{country}")

    def _tied_state(self, head: Token) -> bool:
        """Whether a noun's owner is a state named by its name or capital ("*Russia's* allies", "neighbours *of
        Iraq*")."""
        owners = [c for c in head.children if c.dep_ == "poss"] + [
            o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return any(term.kind in (STATE, CAPITAL) for owner in owners for match in [self.by_token.get(owner.i)]
                   if match is not None for term in match.terms)

    def _territory(self, head: Token) -> Entity | None:
        """A territory, region or disputed area of the gazetteer's list, placed in the state it belongs to
        ("annexed *Crimea*", "landed on *Abu Musa*", "troops in *the Golan Heights*")."""
        if head.pos_ != "PROPN":
            return None
        spans = [_entity_span(head)] if head.ent_iob_ != "O" else []
        start = head.i
        while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN" \
                and self.doc[start - 1].head.i in range(start, head.i + 1):
            start -= 1
        spans.append(self.doc[start:head.i + 1])  # "the *Kuril Islands*", whatever the model's entity
        found = next((found for span in spans if (found := territory(span.text))), None)
        if found is None:
            return None
        return Entity(text=head.text, name=self.kb.name_of(found.country), country=found.country, sector=None,
                      id=f"territory:{found.name}")

    def claimants(self, place: Entity) -> list[Entity]:
        """The states other than its own that claim a territory the text placed an act in ("captured *Tiwintza*")."""
        found = territory(place.id.removeprefix("territory:")) if place.id.startswith("territory:") else None
        return [Entity(text=place.text, name=self.kb.name_of(code), country=code, sector=None, id=f"state:{code}")
                for code in (found.claimed_by if found is not None else ())]

    def remember(self, named: list[NamedPhrase], *, subject: bool = False) -> None:
        """Let later pronouns and role nouns refer to these phrases."""
        for item in named:
            self.discourse.note(item.entity, category=item.category, person=item.person, subject=subject)

    # -- phrase analysis ------------------------------------------------------------

    def _name_tokens(self, head: Token) -> list[Token]:
        """The head and the modifiers that are part of its name."""
        out, stack = [], [head]
        listed = {t.i for t in listed_appositions(head)}
        while stack:
            token = stack.pop()
            out.append(token)
            for child in token.children:
                if child.i in listed:
                    continue  # "Canada, Ukraine and …": the next of a list, not part of the name
                if child.dep_ == "compound" and self.venue(child, head):
                    continue  # "the *Berlin* agreement", "the *Minsk* talks": where, not who
                if child.dep_ in NAME_MODIFIERS and not (child.dep_ == "conj" and token.i == head.i):
                    stack.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of" and (self._is_role_noun(token)
                                                                       or token.ent_type_ == "PERSON"):
                    stack.extend(c for c in child.children if c.dep_ == "pobj")
        return sorted(out, key=lambda t: t.i)

    def venue(self, modifier: Token, head: Token) -> bool:
        """Whether a capital names the place of an agreement or a meeting its head names ("the Berlin
        agreement", "the Minsk talks"), not a party to it ("the US-China agreement" names two)."""
        match = self.by_token.get(modifier.i)
        return head.lemma_.lower() in self.words["venue_named_things"] and match is not None \
            and all(term.kind == CAPITAL for term in match.terms)

    def _sponsored(self, head: Token, tokens: list[Token], matches: list[Match]) -> NamedPhrase | None:
        """ "Russian-backed separatists", "Iran-funded militias": an armed group that only its backer places
        is the backer's (sector REB); a group of its own ("Iranian-backed Houthi rebels") keeps its own state."""
        terms = [t for m in matches for t in m.terms]
        role_term = _role_term(terms)
        if role_term is None or role_term.sector != "REB" or any(t.country for t in terms):
            return None
        doc = self.doc
        for token in tokens:
            backer = self.by_token.get(token.i)
            after = backer.end if backer is not None else 0
            if backer is None or after + 1 >= len(doc) or doc[after].text != "-" \
                    or doc[after + 1].lower_ not in self.words["sponsor_words"]:
                continue
            state = next((t for t in backer.terms if t.kind in (STATE, ADJECTIVE) and t.country), None)
            if state is not None:
                entity = Entity(text=f"{doc[backer.start:after + 2].text} {head.text}",
                                name=self.kb.name_of(state.country), country=state.country, sector="REB", id=state.id)
                return NamedPhrase(entity, False, role_term.category, False)
        return None

    def _is_role_noun(self, token: Token) -> bool:
        match = self.by_token.get(token.i)
        return bool(match and any(t.kind in (GENERIC, TITLE, INSTITUTION) for t in match.terms))

    def _matches(self, tokens: list[Token]) -> list[Match]:
        seen: list[Match] = []
        for token in tokens:
            match = self.by_token.get(token.i)
            if match and match not in seen and self._counts(match):
                seen.append(match)
        return seen

    def opposed(self, token: Token) -> list[Entity]:
        """The state an "anti-" word names, which is no actor of its phrase but what the phrase is against:
        "shouting *anti-Turkish* slogans"."""
        match = self.by_token.get(token.i)
        doc = self.doc
        if match is None or match.start < 2 or doc[match.start - 1].text != "-" \
                or doc[match.start - 2].lower_ != "anti":
            return []
        return [Entity(text=doc[match.start - 2:match.end].text, name=self.kb.name_of(t.country), country=t.country,
                       id=t.id) for t in match.terms[:1] if t.kind in (STATE, ADJECTIVE) and t.country]

    def _counts(self, match: Match) -> bool:
        """False for "pro-Russian", "Russian-backed" and capitals that place rather than act ("met *in Manila*")."""
        doc = self.doc
        last = doc[match.end - 1]
        if any(t.kind == CAPITAL for t in match.terms) and last.dep_ == "pobj" \
                and last.head.lower_ in self.words["locative_prepositions"]:
            return False
        if match.start >= 2 and doc[match.start - 1].text == "-" \
                and doc[match.start - 2].lower_ in self.words["not_a_country_before"]:
            return False
        if match.end + 1 < len(doc) and doc[match.end].text == "-" \
                and doc[match.end + 1].lower_ in self.words["not_a_country_after"]:
            return False
        return True

    def _anchors(self, matches: list[Match]) -> list[tuple[Match, Term]]:
        """The terms that fix a country; several when conjoined ("Hungarian and Romanian")."""
        candidates = []
        for match in matches:
            for term in match.terms:
                if term.kind in (GENERIC, TITLE) and term.country is None:
                    continue
                if term.kind == PERSON and self._person_office(term) is None:
                    continue
                candidates.append((ANCHOR_PRIORITY[term.kind], match.start, match, term))
        if not candidates:
            return []
        # of two people named alike ("King Abdullah"), the one in office on the story's day
        candidates.sort(key=lambda c: (c[0], c[1], c[3].kind == PERSON and self._in_office(c[3]) is None))
        best_rank, _, best_match, best_term = candidates[0]
        if best_term.kind == PERSON and self._in_office(best_term) is None:
            # "the Commonwealth Secretary-General, Mr Shridath Ramphal": someone out of his state's offices who
            # holds an organisation's acts for it
            body = next((c for c in candidates if c[3].kind == ORGANISATION), None)
            if body is not None:
                best_rank, _, best_match, best_term = body
        if best_term.kind == ORGANISATION and self._root(best_match).dep_ == "compound":
            # "North Korea's *U.N.* ambassador", "the Iranian *NATO* envoy": where the envoy is posted; the state
            # that owns or qualifies the phrase is whose envoy he is
            owner = next((c for c in candidates if c[3].kind in (STATE, ADJECTIVE, CAPITAL)
                          and self._root(c[2]).dep_ in ("poss", "amod", "compound")), None)
            if owner is not None:
                best_rank, _, best_match, best_term = owner
        if best_term.kind == INSTITUTION and best_term.ambiguous:
            # "the Ivory Coast's Supreme Court": a body's common name yields to the state the phrase names
            state = next((c for c in candidates if c[3].kind in (STATE, ADJECTIVE)
                          and c[3].country != best_term.country), None)
            if state is not None:
                best_rank, _, best_match, best_term = state
            else:
                body = self._likeliest_body(best_match, candidates)
                if body is None:  # no state of the story has a body of that name: the common noun it is
                    return []
                best_term = body
        chosen = [(best_match, best_term)]
        # the conjuncts of the name's head ("*the United States*, Britain and Canada"), each by the head of its name
        conjoined = {t.i for t in self._root(best_match).conjuncts}
        for _rank, _, match, term in candidates[1:]:
            if self._root(match).i in conjoined and term.country != best_term.country \
                    and term.kind in (ADJECTIVE, STATE):
                chosen.append((match, term))
        return chosen

    def _root(self, match: Match) -> Token:
        """The head of the words a match covers."""
        return self.doc[match.start:match.end].root

    def _likeliest_body(self, match: Match, candidates: list[tuple]) -> Term | None:
        """Of several states' bodies with one common name ("the Foreign Office": Britain's, Germany's,
        Pakistan's), the one of the state the story is filed from, else of the state it named last, else
        (with no dateline) the first the knowledge base lists; none when a story filed from elsewhere names
        none of them ("the National Assembly" in a story from Rawalpindi is Pakistan's, which the knowledge
        base knows by longer names only)."""
        bodies = [c[3] for c in candidates if c[2] is match and c[3].kind == INSTITUTION and c[3].ambiguous]
        counts = self.discourse.counts
        recent = [e.country for e in self.discourse.mentioned]
        best = max(bodies, key=lambda term: (term.country == self.home,
                                             -recent.index(term.country) if term.country in recent else -len(recent),
                                             counts.get(term.country, 0)))
        return best if self.home is None or best.country == self.home or counts.get(best.country, 0) else None

    def _in_office(self, term: Term):
        person = self.kb.persons.get(term.id)
        return person.office_on(self.day) if person is not None else None

    def _person_office(self, term: Term):
        person = self.kb.persons.get(term.id)
        if person is None:
            return None
        return person.office_on(self.day) or person.last_office_before(self.day) or min(
            person.offices, key=lambda o: o.start, default=None)

    def _anchored(self, match: Match, term: Term, role_term: Term | None, former: bool) -> NamedPhrase | None:
        text = self.doc[match.start:match.end].text
        sector = role_term.sector if role_term and role_term.sector else term.sector
        category = role_term.category or role_term.role if role_term else None
        if term.kind == PERSON:
            person = self.kb.persons[term.id]
            office = person.office_on(self.day)
            if office is None or former:
                office = office or self._person_office(term)
                sector = "ELI"
            else:
                sector = _office_sector(office.role)
            entity = Entity(text=text, name=person.name, country=office.country, sector=sector, id=person.id)
            return NamedPhrase(entity, True, office.role, False)
        if former and role_term is not None:
            sector = "ELI"
        country = term.country
        if role_term is not None and role_term.kind == TITLE and role_term.role and sector != "ELI" \
                and role_term.role not in ROLES_WITHOUT_ONE_HOLDER:
            holder = self.kb.holder(country, role_term.role, self.day)
            if holder is not None:
                entity = Entity(text=text, name=holder.name, country=country, sector="GOV", id=holder.id)
                return NamedPhrase(entity, True, role_term.role, False)
        entity = Entity(text=text, name=self.kb.name_of(country), country=country, sector=sector, id=term.id)
        person = role_term is not None and role_term.kind == TITLE
        return NamedPhrase(entity, person, category, False)

    def _from_role(self, role_term: Term, former: bool, context: Entity | None, head: Token) -> NamedPhrase | None:
        """A bare role noun: "the Secretary of State", "the ministry", "the president".

        A title that names one state's office ("the Secretary of State") is that
        office's holder.  Otherwise the noun belongs to whoever reports the
        clause ("Downing Street said *the National Security Council* would
        meet"), else to the last entity of its kind ("the ministry" after "the
        Russian Foreign Ministry", also found by the noun itself), else, for a singular noun of the
        government with an article ("the ministry", "a ministry spokesperson"), to the last state that
        was a subject.  A statement speaks for the last speaker.
        """
        if role_term.kind == TITLE and role_term.country and not former:
            holder = self.kb.holder(role_term.country, role_term.role, self.day)
            name = holder.name if holder else self.kb.name_of(role_term.country)
            entity = Entity(text=role_term.text, name=name, country=role_term.country, sector="GOV",
                            id=holder.id if holder else role_term.id)
            return NamedPhrase(entity, True, role_term.role, False)
        if former:
            return None
        category = role_term.category or role_term.role
        person = role_term.kind == TITLE or category in self.words["person_categories"]
        if self.home and any(c.lower_ in self.words["dateline_adverbs"] for c in head.children):
            # "the government here", "officials here": the state the story is filed from
            home = self._home()
            entity = Entity(text=role_term.text, name=home.name, country=home.country,
                            sector=role_term.sector or "GOV", id=home.id)
            return NamedPhrase(entity, person, category, True)
        # the speaker's own body ("Downing Street said the National Security Council …"); people, media and
        # groups of no named country are not the speaker's ("Canada was concerned by arrests of civil society")
        own_body = role_term.kind == TITLE or role_term.sector in STATE_BODY_SECTORS or category == "statement"
        previous = context if context is not None and context.country and own_body else None
        named_span = self.by_token.get(head.i)
        inside = range(named_span.start, named_span.end) if named_span else range(head.i, head.i + 1)
        if previous is None and own_body and head.dep_ in ("nsubj", "nsubjpass") \
                and (role_term.kind != TITLE or not _owned_or_named(head, inside)):
            # "In Nairobi, *the foreign ministry* condemned the closure", "In Singapore, *a spokesman* said …"
            previous = self._clause_place(head)
        if previous is None:
            # "the ministry" after "the Russian Foreign Ministry": the last entity named with the same noun
            word = head.lemma_.lower()
            previous = next((e for e in self.discourse.agents + self.discourse.mentioned
                             if e.text.lower().split()[-1:] and e.text.lower().split()[-1].rstrip("s") == word.rstrip("s")),
                            None)
        if previous is None and category:
            previous = self.discourse.categories.get(category)
            if previous is not None and previous.id.startswith("person:") and _named_otherwise(head, previous):
                # "Prime Minister Sir Michael Somare said … In Honiara, Prime Minister *Manasseh Sogavare* …": a
                # title with another person's name is not the known holder told before, but of the place its
                # clause opens with, else of the state last told as a subject ("*Bratislava* was unapologetic.
                # Prime Minister Robert Fico told …")
                other = previous.country
                previous = self._clause_place(head) or next(
                    (e for e in self.discourse.agents if e.country and e.country != other
                     and e.sector in (None, "GOV") and not self.kb.is_organisation(e.country)), None)
        # "the spokesman", and a title told with a name of no known holder ("Spokesman Li Wenhao")
        determined = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "a", "an") for c in head.children) \
            or (role_term.kind == TITLE and head.ent_type_ == "PERSON")
        if previous is None and category == "statement":
            previous = self.discourse.speaker
        if previous is None and category == "resolution":
            previous = next((e for e in self.discourse.agents if e.sector in ("IGO", "LEG")), None)
        if previous is None and determined and role_term.sector == "GOV":
            # "the Foreign Minister, Mr. Guðmundsson": not of a state whose foreign minister that day was another
            previous = next((e for e in self.discourse.agents if e.sector in ("GOV", "MIL", None)
                             and not self._held_by_another(e.country, role_term, head)), None)
        if previous is None and own_body and _acting(head) and self._home_in_story() \
                and not _owned_or_named(head, inside):
            previous = self._home()  # "SUVA – The foreign ministry said …": the state the story is filed from
        if previous is None:
            return None
        entity = Entity(text=role_term.text, name=previous.name, country=previous.country,
                        sector=role_term.sector or previous.sector, id=previous.id)
        return NamedPhrase(entity, person, category, True)

    def _held_by_another(self, country: str | None, role_term: Term, head: Token) -> bool:
        """Whether a title told with a person's name ("the Foreign Minister, *Mr. Guðmundsson*") cannot be
        ``country``'s: the knowledge base knows who held that office there on the day, by another name."""
        holder = self.kb.holder(country, role_term.role, self.day) if country and role_term.role else None
        return holder is not None and _named_otherwise(head, holder)

    def _clause_place(self, head: Token) -> Entity | None:
        """The state of a place that opens the clause of ``head`` ("*In Honiara*, Prime Minister X said …", "In a
        statement issued *in Nairobi*, the ministry said …", "*On Grenada*, the Governor General ordered …")."""
        verb = head.head
        opening = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in OPENING_PLACE_PREPS and c.i < head.i]
        for place in (t for prep in opening for t in prep.subtree
                      if t.dep_ == "pobj" and t.head.lower_ in OPENING_PLACE_PREPS):
            found = self.place(place)
            if found:
                return found[0]
        return None

    def _told_people(self, head: Token) -> NamedPhrase | None:
        """The people last told of with an owner before ``head`` ("24 American crew members" for "the crew"),
        as people of that state; a craft, the last told of by the same word ("a Chinese trawler" for "the
        trawler", not the patrol boats that stopped it)."""
        if head.i in self._told:
            return self._told[head.i]
        self._told[head.i] = None  # no loop through a mention that refers to itself
        found = None
        people = self.words["told_people"]
        craft = head.lower_ in self.words["told_craft"]
        for earlier in reversed(self.doc[max(0, head.i - TOLD_PEOPLE_WINDOW):head.i]):
            told_again = earlier.lemma_ == head.lemma_ if craft else earlier.lower_ in people
            if not told_again:
                continue
            owner = next((n.entity for n in self.phrase(_people_head(earlier)) if n.entity.country), None)
            if owner is not None:
                found = NamedPhrase(Entity(text=head.text, name=owner.name, country=owner.country,
                                           sector=owner.sector or "CVL", id=owner.id), False, None, True)
                break
        self._told[head.i] = found
        return found

    def home_party(self) -> Entity | None:
        """The state the story is filed from, when it is a party the story names (see ``_home_in_story``)."""
        return self._home() if self._home_in_story() else None

    def _home(self) -> Entity:
        return Entity(text=self.kb.name_of(self.home), name=self.kb.name_of(self.home), country=self.home,
                      id=f"state:{self.home}")

    def _home_in_story(self) -> bool:
        """Whether the dateline's state is named in the story besides its dateline: a story filed from a
        venue (Geneva, New York) about others has no home party."""
        if not self.home:
            return False
        if self._home_named is None:
            self._home_named = any(not _starts_line(self.doc, m.start) for m in self.matches
                                   if any(t.country == self.home and t.kind in (STATE, CAPITAL, ADJECTIVE)
                                          for t in m.terms))
        return self._home_named

    def _located(self, head: Token, role_term: Term) -> list[NamedPhrase]:
        """A group placed in a state or a movement: "opposition groups *in Zimbabwe*", "activists *from Fatah*";
        a government or its voice in its state or capital: "the junta *in Niamey*", "the foreign ministry
        spokeswoman *in Moscow*" (but diplomats in Moscow are not Russia's)."""
        placed = role_term.kind == GENERIC and role_term.sector != "IGO" and (
            role_term.sector != "GOV" or role_term.category in PLACED_GOVERNMENTS)
        if not placed and not (role_term.kind == TITLE and role_term.role in PLACED_VOICES):
            return []
        # a phrase between a subject and its verb is the subject's, wherever the parser hung it ("the foreign
        # ministry *in Tokyo* summoned …")
        between = [c for c in head.head.children if head.i < c.i < head.head.i] \
            if head.dep_ in ("nsubj", "nsubjpass") else []
        for child in [*head.children, *between]:
            if child.dep_ == "prep" and child.lower_ in ("in", "from", "of", "inside", "throughout", "across"):
                for obj in child.children:
                    match = self.by_token.get(obj.i) if obj.dep_ == "pobj" else None
                    state = next((t for t in match.terms if t.kind in (STATE, CAPITAL, SEAT, GROUP) and t.country),
                                 None) if match else None
                    if state is not None:
                        entity = Entity(text=head.text, name=self.kb.name_of(state.country), country=state.country,
                                        sector=role_term.sector, id=state.id)
                        return [NamedPhrase(entity, False, role_term.category, False)]
        if role_term.sector in CLAUSE_PLACED_SECTORS:
            # "protesters blocked roads *in Algiers*", "demonstrators protesting *in Monrovia*": people of no
            # named country are of the place they act in
            clauses = [c for c in head.children if c.dep_ in ("acl", "relcl")]
            # and the object of a clause of theirs ("protesting election results *in Monrovia*")
            clauses += [o for c in clauses for o in c.children if o.dep_ == "dobj"]
            counted = head
            while counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.pos_ == "NOUN":
                counted = counted.head.head  # "*hundreds* of students rallied …"
            if counted.dep_ in SUBJECT_OR_OBJECT:
                clauses.append(counted.head)
            places = [obj for clause in clauses for child in clause.children
                      if child.dep_ == "prep" and child.lower_ in self.words["locative_prepositions"]
                      for obj in child.children if obj.dep_ == "pobj"
                      # a mission stands on another's soil: "into the *Danish* embassy compound" is no Denmark
                      and not any(t.lemma_.lower() in self.words["mission_nouns"] for t in obj.subtree)]
            # or where the mission they act at stands ("set fire to the building housing the consulate in Beirut")
            # ("the British embassy *compound* in Tehran": the noun the mission word qualifies), named by its own
            # place phrase, not by the owner's name ("the *Danish* embassy")
            missions = [t.head if t.dep_ == "compound" else t
                        for clause in clauses if clause.pos_ in ("VERB", "AUX") for t in clause.subtree
                        if t.lemma_.lower() in self.words["mission_nouns"] and t.i != head.i]
            stands = [obj for mission in missions for child in mission.children
                      if child.dep_ == "prep" and child.lower_ in self.words["locative_prepositions"]
                      for obj in child.children if obj.dep_ == "pobj"]
            for place in places + stands:
                # "crowds gathered in Tokyo, Manila and Santiago": the people of each place
                found = _distinct_places([e for member in members(place) for e in self.place(member)])
                if found:
                    return [NamedPhrase(Entity(text=head.text, name=e.name, country=e.country, sector=role_term.sector,
                                               id=e.id), False, role_term.category, True) for e in found]
            if missions and self.home and self.home not in self._owners(missions):
                # "QUITO — Students gathered outside the US embassy": a mission with no place is in the dateline's
                # state (unless it is that state's own: "PARIS — Protesters gathered outside French embassies")
                home = self._home()
                return [NamedPhrase(dataclasses.replace(home, text=head.text, sector=role_term.sector), False,
                                    role_term.category, True)]
        return []

    def _owners(self, missions: list[Token]) -> set[str | None]:
        """The states the words of missions name ("the *US* embassy", "*French* embassies")."""
        owners: set[str | None] = set()
        for mission in missions:
            for token in mission.subtree:
                match = self.by_token.get(token.i)
                if match is not None:
                    owners.update(term.country for term in match.terms)
        return owners

    def _ethnic(self, head: Token, tokens: list[Token], anchors: list[tuple[Match, Term]],
                role_term: Term | None) -> NamedPhrase | None:
        """ "ethnic Albanians in Serbia", "ethnic Turks demonstrated in Sweden": a people of the state they
        live in, named by a nationality; None when the phrase is not such a people or names no place."""
        if len(anchors) != 1 or anchors[0][1].kind != ADJECTIVE \
                or not any(t.lower_ in self.words["ethnic_words"] for t in tokens):
            return None
        places = [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                  for o in c.children if o.dep_ == "pobj"]
        if head.dep_ in SUBJECT_OR_OBJECT:
            places += [o for c in head.head.children
                       if c.dep_ == "prep" and c.lower_ in self.words["locative_prepositions"]
                       for o in c.children if o.dep_ == "pobj"]
        for place in places:
            found = self.place(place)
            if found:
                sector = role_term.sector if role_term is not None and role_term.sector else "CVL"
                entity = Entity(text=head.text, name=found[0].name, country=found[0].country, sector=sector,
                                id=found[0].id)
                return NamedPhrase(entity, False, None, True)
        return None

    def domestic_group(self, head: Token) -> str | None:
        """The sector of a bare noun of people inside a state ("demonstrators", "the rebels", "students"),
        which names no country of its own; None for anything else."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        matches = self._matches(self._name_tokens(head))
        terms = [t for m in matches for t in m.terms]
        if not terms or any(t.kind not in (GENERIC,) for t in terms):
            return None
        role_term = _role_term(terms)
        if role_term is None or role_term.sector not in CLAUSE_PLACED_SECTORS - {"REF", "NGO", "BUS"}:
            return None
        return role_term.sector

    def _possessive_pronoun(self, head: Token, speaker: Entity | None) -> Entity | None:
        """ "her department", "its embassy", "our ministry": the owner the pronoun refers to."""
        return next(iter(self._possessive_owners(head, speaker)), None)

    def _possessive_owners(self, head: Token, speaker: Entity | None) -> list[Entity]:
        """The owners a possessive pronoun refers to: one ("its embassy"), or each state of a listed subject
        ("Libya and Chad expressed *their* intention")."""
        pronoun = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if pronoun is None:
            return []
        bound = self._bound(pronoun)
        owner = self._pronoun(pronoun.lower_, speaker) if not bound else None
        return bound or ([owner] if owner is not None else [])

    def _bound(self, pronoun: Token) -> list[Entity]:
        """What a third-person pronoun stands for inside its own sentence, if anything (a plural one: each member
        of a listed subject, "Libya and Chad expressed *their* intention"): the subject of the verb
        above a "that" clause whose subject it is ("Trump, who announced that *he* was doubling tariffs" —
        who is Trump), or the subject of the verb whose object it owns ("Britain told *its* airlines"), or of
        the verb above the adverbial clause whose subject it owns ("paratroopers jumped … after *their* comrades
        seized …"), or of the verb that reports the clause whose subject it owns, when the clause is told to
        nobody named ("Hanoi said *its* forces had captured …"; not "Moscow informed Washington that *its* staff
        must be cut", where it may be either's)."""
        personal = pronoun.lower_ in self.words["personal_pronouns"]
        if not personal and pronoun.lower_ not in self.words["neuter_pronouns"] | self.words["plural_pronouns"]:
            return []
        clause = pronoun.head
        owned = clause
        while owned.dep_ == "conj" and owned.head.i != owned.i:
            owned = owned.head  # "to defend itself and *its* allies": the object the owned noun is listed with
        if pronoun.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and personal:
            verb = clause.head
        elif pronoun.dep_ == "poss" and owned.dep_ == "dobj" and owned.head.pos_ in ("VERB", "AUX"):
            verb = owned.head
        elif pronoun.dep_ == "poss" and owned.dep_ in ("nsubj", "nsubjpass") and owned.head.dep_ == "advcl" \
                and owned.head.head.pos_ in ("VERB", "AUX"):
            verb = owned.head.head  # "Belgian paratroopers jumped …, two days after *their* comrades seized …"
        elif pronoun.dep_ == "poss" and owned.dep_ in ("nsubj", "nsubjpass") and owned.head.dep_ == "ccomp" \
                and owned.head.head.pos_ in ("VERB", "AUX") and not _addressed(owned.head.head):
            verb = owned.head.head  # "Hanoi said *its* forces had captured an American airman": told to nobody
        elif pronoun.dep_ == "poss" and personal:
            before = self._person_before(pronoun)  # "on Lukashenko and dozens of *his* officials"
            return [before] if before is not None else []
        else:
            return []
        subject = next((antecedent(c) for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            return []
        if pronoun.lower_ in self.words["plural_pronouns"]:  # "Libya and Chad expressed *their* intention …"
            return [named.entity for member in members(subject) for named in self.phrase(member) if not named.person]
        return [named.entity for named in self.phrase(subject) if named.person == personal][:1]

    def _person_before(self, pronoun: Token) -> Entity | None:
        """The person named last before a personal pronoun in its own sentence, if any."""
        for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
            if token.ent_type_ == "PERSON":
                found = next((n.entity for n in self._phrase(token) if n.person and n.entity.country), None)
                if found is not None:
                    return found
        return None

    def _counted_group(self, head: Token) -> list[Entity]:
        """The states "the four countries" (or "the three", the noun left out) stands for: those of the last
        subject that listed as many, else of the latest list of as many in any role."""
        if not any(c.dep_ == "det" and c.lower_ in self.words["pointing_words"] for c in head.children):
            return []
        if head.pos_ == "NUM":
            count = number_value(head)  # "*the three* would recall their ambassadors"
        elif head.lower_ in self.words["pair_nouns"] and (self.by_token.get(head.i) is None
                                                          or head.lower_ in self.words["pair_titles"]):
            # "the four *Foreign Ministers* met": a title counted is the listed states' holders of it
            count = next((number_value(c) for c in head.children if c.dep_ == "nummod"), None)
        else:
            return []
        if count is None or count < 3:
            return []
        lists = [list({e.country: e for e in listed}.values())
                 for listed in [self.discourse.group, *self.discourse.lists]]
        return next((listed for listed in lists if len(listed) == count), [])

    def _group(self, lower: str, object_: bool = False) -> list[Entity]:
        """The states a plural pronoun stands for: as an object ("accused *them*"), those the sentence before
        listed outside its subjects ("expelled the envoys of Togo and Benin"); else, when the last subject
        listed several, those ("Latvia and Estonia condemned the move. *They* said …")."""
        discourse = self.discourse
        if lower not in self.words["plural_pronouns"]:
            return []
        if object_ and discourse.others:
            return discourse.others
        return discourse.group if discourse.agents and discourse.agents[0] in discourse.group else []

    def _other_than_object(self, pronoun: Token, entity: Entity) -> Entity | None:
        """ "*He* called on Montenegro to withdraw …", "*He* called on Erdoğan to resign": a person is not of the
        state their own clause names as its object, or of a known person it names so; the person told before of
        another state is, else the state the story is filed from."""
        verb = pronoun.head
        objects = [*(c for c in verb.children if c.dep_ == "dobj"),
                   *(o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
        named = {term.country for o in objects if (match := self.by_token.get(o.i)) is not None
                 for term in match.terms if term.kind in (STATE, CAPITAL)}
        # and a known person it names ("*He* called on Erdoğan to resign" is not Erdoğan)
        named |= {office.country for o in objects if (match := self.by_token.get(o.i)) is not None
                  for term in match.terms if term.kind == PERSON and (office := self._person_office(term))}
        if entity.country not in named:
            return entity
        other = next((p for p in self.discourse.persons if p.country and p.country not in named), None)
        home = self.home_party()  # else the state the story is filed from ("BELGRADE —")
        return other or (home if home is not None and home.country not in named else None)

    def _pronoun(self, lower: str, speaker: Entity | None) -> Entity | None:
        discourse = self.discourse
        if lower in self.words["first_person_pronouns"]:
            return speaker or discourse.speaker
        if lower in self.words["personal_pronouns"]:
            return discourse.persons[0] if discourse.persons else None
        if lower in self.words["neuter_pronouns"] | self.words["plural_pronouns"]:
            return discourse.agents[0] if discourse.agents else None
        return None


def _on_day(matches: list[Match], day: date | None) -> list[Match]:
    """The matches with the readings that name their actor on ``day`` ("Belgrade" in 1992 is Yugoslavia's)."""
    out = []
    for match in matches:
        terms = tuple(t for t in match.terms if t.names_on(day))
        if len(terms) == len(match.terms):
            out.append(match)  # most, and the names that hide a term ("New South Wales"), which have none
        elif terms:
            out.append(dataclasses.replace(match, terms=terms))
    return out


def _pronoun_owned(head: Token) -> bool:
    """Whether a noun has a possessive pronoun ("*its* ally", "*Its* Council of Ministers")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _owned_or_named(head: Token, name: range) -> bool:
    """Whether a role noun has an owner the text gives ("the junta's ministry", "the ministry of X") or a
    person's name ("Deputy Prime Minister Numan Kurtulmuş"): whoever they are, the text says so.  The words of
    the role's own name (``name``: "Department *of* Foreign Affairs") are no owner."""
    return any((c.dep_ in ("poss", "appos") or (c.dep_ == "prep" and c.lower_ == "of")) and c.i not in name
               for c in head.children) or any(t.ent_type_ == "PERSON" for t in head.subtree)


def _signer(document: Token) -> Token | None:
    """Who signed, issued or passed a document, as a clause on it says: its subject ("the decree *Putin*
    signed") or its agent ("a law passed *by parliament*")."""
    for clause in document.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.tag_ not in ("WP", "WDT"):
                return child
            if child.dep_ == "agent":
                return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


# How far back (tokens) "the crew" looks for the crew told with an owner.
TOLD_PEOPLE_WINDOW = 600


def _definite(head: Token) -> bool:
    """"the crew", "these sailors", "the 24 crew": people the story has told of."""
    return any((c.dep_ == "det" and c.lower_ in ("the", "these", "those")) for c in head.children)


def _people_head(token: Token) -> Token:
    """"crew" of "24 American crew members" is the compound of the phrase's head."""
    return token.head if token.dep_ == "compound" and token.head.pos_ == "NOUN" else token


def _acting(head: Token) -> bool:
    """Whether a phrase acts in its clause: its subject, or the agent of a passive ("by the ministry")."""
    return head.dep_ in ("nsubj", "csubj") or (head.dep_ == "pobj" and head.head.dep_ == "agent")


def _starts_line(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts a line, as the place of a dateline does."""
    return i == 0 or "\n" in doc[i - 1].text_with_ws


def _role_term(terms) -> Term | None:
    """The term that says what part of a state a phrase names: an office's title before a generic noun
    ("the Secretary of State" is an office with a holder, not just "a minister")."""
    titles = [t for t in terms if t.kind == TITLE]
    if titles:
        return next((t for t in titles if t.country), titles[0])
    return next((t for t in terms if t.kind == GENERIC), None)


def _office_sector(role: str) -> str:
    return "MIL" if role == "defence_minister" else "SPY" if role == "intelligence_chief" else "GOV"


def _addressed(verb: Token) -> bool:
    """Whether a verb of speech names whom it was told to ("informed *Washington* that …", "told *reporters*")."""
    return any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children)
