"""Where an event took place: the sentence's place, else the article's dateline, else the actor's country.

The sentence's place is a GPE, LOC or FAC entity that a locative preposition ("talks *in* Moscow", "closed
the consulate *in* San Francisco") or a compound ("the *Houston* consulate") attaches to the trigger, to
the clause above it or to its object.  A capital or seat of government that names the actor ("*Moscow*
said") is in none of these positions, so it is never taken for the place.  Names shared by several places
are decided by the rule of docs/geolocation.md.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .. import datafiles
from ..actors.knowledge import CAPITAL, SEAT, STATE, KnowledgeBase, Term
from ..records import Entity, Event, Location
from ..spans import entities
from ..time import load_time_words
from .places import CITY, COUNTRY, REGION, Gazetteer, Place

PLACE_LABELS = ("GPE", "LOC", "FAC")
DATA = Path(__file__).parent / "data" / "places.yaml"
# A population share under which a place in the event's countries does not beat a bigger namesake elsewhere
# ("talks in Vienna" between the US and Iran are in Austria, not in Vienna, Virginia).
CONTEXT_SHARE = 0.25
# PLOVER quad classes of verbal and material cooperation: what states do together, on neutral ground.
COOPERATION = (1, 2)
# Days between an event and the article's date within which the event is the article's news.
NEWS_DAYS = 3
# Dependencies through which a trigger hangs below the clause a locative phrase may attach to.
_CLAUSE_LINKS = ("xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "advcl", "nsubjpass")
_DATELINE_LINES = 6


@functools.cache
def _dateline() -> re.Pattern[str]:
    """ "MOSCOW, July 28 (Outlet) —", "Prague, 19.4.2021 —", "BERLIN — Thursday", "HOUSTON/BEIJING, July 22",
    "QUITO, Ecuador, Jan. 19 —", "CAIRO (Outlet) -", "REYKJAVÍK, Sept. 2.": a capitalised name of any letters at
    the start of a line, perhaps with its state or province ("Ecuador", "N. Y.") and the outlet in brackets, then a
    comma and a date (a number, or the first three letters of a month or day of detente/data/time_words.yaml), or
    a dash."""
    words = load_time_words()
    starts = sorted({name[:3] for name in (*words.months, *words.weekdays) if len(name) >= 3 and name.isalpha()})
    names = "|".join(f"{start.title()}|{start.upper()}" for start in starts)
    letter = r"[^\W\d_]"  # any letter, as in "REYKJAVÍK", "BOGOTÁ", "SÃO PAULO"
    return re.compile(rf"^([A-Z](?:{letter}|[.'’\- ])*{letter})(?:/(?:{letter}|[.'’\- ])+)?"
                      rf"(?:, +[A-Z](?:{letter}|[.'’])+(?: [A-Z](?:{letter}|[.'’])+)*)?(?: +\([^)]{{1,40}}\))?"
                      rf"(?:, *(?:\d|{names})| +(?:—|–|--|-) )")


@dataclass(frozen=True)
class Words:
    """The word lists of places.yaml."""

    region_words: frozenset[str]
    place_nouns: frozenset[str]
    travel_nouns: frozenset[str]
    us_context: frozenset[str]


@functools.cache
def load_words() -> Words:
    data = datafiles.load(DATA)
    return Words(*(frozenset(str(w).lower() for w in data[key]) for key in ("region_words", "place_nouns",
                                                                           "travel_nouns", "us_context")))


def dateline_lines(text: str) -> list[str]:
    """The names that start a dateline-like line among the first lines of the text, as written
    ("WASHINGTON"); the locator takes the first that is a place."""
    lines = islice((line.strip() for line in text.splitlines() if line.strip()), _DATELINE_LINES)
    return [m.group(1).strip() for line in lines if (m := _dateline().match(line))]


class Locator:
    """Finds the place of the events of one document."""

    def __init__(self, gazetteer: Gazetteer, kb: KnowledgeBase) -> None:
        self.gazetteer = gazetteer
        self.words = load_words()
        self.locative = kb.words["locative_prepositions"]
        self.known: dict[str, Term] = {}
        self.capitals: dict[str, str] = {}
        for term in kb.terms:
            if term.until is not None:
                continue  # Belgrade as Yugoslavia's capital: a city is placed in the state it is in today
            if term.kind in (STATE, CAPITAL, SEAT) and term.country:
                self.known.setdefault(term.text, term)
            if term.kind == CAPITAL and term.country:
                self.capitals.setdefault(term.country, term.text)

    def locate(self, doc: Doc, event: Event, dateline: tuple[str, Place] | None,
               published: date | None = None) -> Location | None:
        """The event's place: the sentence's, else the dateline's (``published`` is the article's date),
        else the actor's country."""
        sent = doc.char_span(*event.span, alignment_mode="expand")
        trigger = doc.char_span(*event.trigger_span, alignment_mode="expand")
        if sent is not None and trigger is not None:
            found = self.sentence_place(sent, trigger.root, event)
            if found is not None:
                return _location(found[0], found[1], "sentence")
        found = self.dateline(dateline, event, published)
        if found is not None:
            return _location(found[0], found[1], "dateline")
        return self.actor_place(event)

    def city_country(self, name: str, min_population: int = 0) -> str | None:
        """The country of the city a name means when it is no state or capital of the knowledge base ("Kharkiv",
        "Idlib"): the most populous city of that name, if it has ``min_population``; None when the name is no
        such city."""
        places = self.gazetteer.lookup(_bare(name))
        if not places or places[0].kind != CITY or _bare(name) in self.known:
            return None
        found = _best([p for p in places if p.kind == CITY], set())
        return found.country if found is not None and found.population >= min_population else None

    # -- the sentence ---------------------------------------------------------------------------------

    def sentence_place(self, sent: Span, trigger: Token, event: Event) -> tuple[str, Place] | None:
        """The nearest place attached to the trigger's clause or object, with the words that name it."""
        actors = {e.text for e in (*event.actor, *event.recipient)}
        context = _countries(event)
        found = []
        for ent in entities(sent):
            if ent.label_ not in PLACE_LABELS:
                continue
            hops = self._attachment(ent, trigger, actors)
            if hops is None:
                continue
            place = self.resolve(ent, sent, context)
            if place is not None:
                found.append((hops, ent.start, ent.text.strip(), place))
        if not found:
            return None
        _, _, text, place = min(found, key=lambda item: (item[0], item[1]))
        return text, place

    def _attachment(self, ent: Span, trigger: Token, actors: set[str]) -> int | None:
        """How far from the trigger the phrase that places ``ent`` hangs; None when nothing places it."""
        node = ent.root
        for _ in range(3):  # "in Maryland and New York", "in Seattle, Washington", "in the city of Houston"
            if node.dep_ in ("conj", "appos") and node.head.i != node.i:
                node = node.head
            elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in \
                    self.words.place_nouns:
                node = node.head.head
            else:
                break
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ in self.locative:
            return _distance(node.head.head, trigger)
        if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lemma_.lower() in \
                self.words.travel_nouns:  # "Pompeo, on a visit to Denmark, accused …"
            return _distance(node.head.head, trigger)
        if ent.root.dep_ == "compound" and ent.text not in actors and self._is_city(ent.text):
            return _distance(ent.root.head, trigger)  # "closed the Houston consulate"
        return None

    def _is_city(self, text: str) -> bool:
        places = self.gazetteer.lookup(_bare(text))
        return bool(places) and places[0].kind == CITY

    # -- names --------------------------------------------------------------------------------------

    def resolve(self, ent: Span | str, sent: Span | None, context: set[str]) -> Place | None:
        """The place a name means in its sentence (docs/geolocation.md, "Names of several places")."""
        text = _bare(ent if isinstance(ent, str) else ent.text)
        if "," in text:  # "Seattle, Washington", "Paris, Texas"
            return self._qualified(*[part.strip() for part in text.split(",", 1)], context)
        words = text.split()
        state_named = len(words) > 1 and words[-1].lower() in self.words.region_words  # "Washington State"
        if state_named:
            text = " ".join(words[:-1])
        places = self.gazetteer.lookup(text)
        states = [p for p in places if p.kind == REGION]
        if states and (state_named or isinstance(ent, Span) and self._means_state(ent, sent)):
            return states[0]
        term = self.known.get(text)
        if term is not None and term.kind == STATE:
            return self.gazetteer.countries.get(term.country)
        if term is not None:  # a capital or a seat of government: the capital of its state
            capital = self.capitals.get(term.country, text)
            return self.gazetteer.city_in(term.country, text) or self.gazetteer.city_in(term.country, capital)
        return _best(places, context)

    def _qualified(self, name: str, qualifier: str, context: set[str]) -> Place | None:
        """ "Seattle, Washington": the place called ``name`` inside the state or country ``qualifier``."""
        within = self.gazetteer.lookup(qualifier)
        places = [p for p in self.gazetteer.lookup(name) if p.kind == CITY]
        for scope in within:
            inside = [p for p in places if (p.region == scope.region if scope.kind == REGION
                                            else p.country == scope.country)]
            if inside:
                return inside[0]
        return _best(places, context) or _best(within, context)

    def _means_state(self, ent: Span, sent: Span | None) -> bool:
        """Whether a name that is also a US state means the state: "Washington state", "the state of
        Georgia", "Seattle, Washington", "the U.S. state of Georgia", or another US place in the sentence
        for a name that is also a country."""
        doc = ent.doc
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        before = doc[max(ent.start - 3, 0):ent.start].text.lower()
        if after in self.words.region_words or any(before.endswith(w) for w in self.words.region_words):
            return True
        if ent.start >= 2 and doc[ent.start - 1].text == "," and self._us_city(doc[ent.start - 2].text):
            return True
        term = self.known.get(_bare(ent.text))
        if term is None or term.kind != STATE:
            return False  # "Washington": the capital without state words
        if any(t.lower_ in self.words.us_context for t in doc[max(ent.start - 3, 0):ent.start]):
            return True
        return sent is not None and any(self._us_place(other) for other in entities(sent)
                                        if other.label_ in PLACE_LABELS and other != ent)

    def _us_city(self, text: str) -> bool:
        places = self.gazetteer.lookup(text)
        return bool(places) and places[0].kind == CITY and places[0].country == "USA"

    def _us_place(self, ent: Span) -> bool:
        """An unambiguous US city or state (not also a country, not the capital used for the government)."""
        places = self.gazetteer.lookup(_bare(ent.text))
        return bool(places) and places[0].country == "USA" and places[0].kind != COUNTRY \
            and self.known.get(_bare(ent.text)) is None

    # -- fallbacks ------------------------------------------------------------------------------------

    def dateline_place(self, text: str) -> tuple[str, Place] | None:
        """The dateline of a document text and its place: the first dateline-like name that is a place,
        its most populous namesake (a dateline names a city readers know)."""
        for name in dateline_lines(text):
            place = self.resolve(name.title() if name.isupper() else name, None, set())
            if place is not None:
                return name, place
        return None

    def dateline(self, dateline: tuple[str, Place] | None, event: Event,
                 published: date | None) -> tuple[str, Place] | None:
        """The dateline's place when the reporter is where the event was: for news of the article's day
        (not background told from memory), in the actor's country (or the actor is no state), or in a third
        country for cooperation between two states (a summit in Geneva, an exchange in Ankara).  Not for a
        conflict act there, nor in the recipient's country: a reporter in Moscow telling what Washington did
        reports from where the answer came."""
        if dateline is None or not _reported_then(event, published):
            return None
        country = dateline[1].country
        actors = {e.country for e in event.actor}
        recipients = {e.country for e in event.recipient if e.country in self.gazetteer.countries}
        if self._state_actor(event) is None or country in actors:
            return dateline
        if recipients and country not in recipients and event.quad_class in COOPERATION:
            return dateline
        return None

    def _state_actor(self, event: Event) -> Entity | None:
        """The first actor entity that is a state (not an organisation)."""
        return next((e for e in event.actor if e.country in self.gazetteer.countries), None)

    def actor_place(self, event: Event) -> Location | None:
        """The country of the first actor that is a state."""
        entity = self._state_actor(event)
        if entity is None:
            return None
        return _location(entity.text, self.gazetteer.countries[entity.country], "actor")


def _distance(anchor: Token, trigger: Token) -> int | None:
    """Hops between the word a place phrase hangs on and the trigger: below the trigger (its object, "the
    consulate in San Francisco") without crossing another clause, or on a clause above it ("agreed in Geneva
    to return …"); None when the phrase belongs to another clause."""
    node, hops = anchor, 0
    while hops <= 3:
        if node.i == trigger.i:
            return hops
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node, hops = node.head, hops + 1
    node, hops = trigger, 0
    while hops < 3 and node.dep_ in _CLAUSE_LINKS and node.head.i != node.i:
        node, hops = node.head, hops + 1
        if node.i == anchor.i:
            return hops + 1
    return None


def _reported_then(event: Event, published: date | None) -> bool:
    """Whether the event is news of the article's day (within NEWS_DAYS of publication), not background."""
    if event.date is None or published is None or event.date_source == "publication":
        return True
    return abs((event.date - published).days) <= NEWS_DAYS


def _best(places: list[Place], context: set[str]) -> Place | None:
    """A country if the name is one; else the most populous place, unless a place in the event's countries
    is at least CONTEXT_SHARE as populous."""
    if not places:
        return None
    if places[0].kind == COUNTRY:
        return places[0]
    top = max(p.population for p in places) or 1
    near = [p for p in places if p.country in context and p.population >= CONTEXT_SHARE * top]
    return near[0] if near else places[0]


def _countries(event: Event) -> set[str]:
    return {str(e.country) for e in (*event.actor, *event.recipient)}


def _bare(text: str) -> str:
    text = text.strip()
    return text[4:] if text.lower().startswith("the ") else text


def _location(text: str, place: Place, source: str) -> Location:
    return Location(text=text, name=place.name, geonames_id=place.geonames_id, lat=place.lat, lon=place.lon,
                    country=place.country, region=place.region, resolution=place.kind, source=source)
