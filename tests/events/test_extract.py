"""Sentences coded by the whole coder: one row per class of role finding worth guarding.

The sentences are written for these tests; each row names the actor and recipient countries (with the
recipient's sector where it matters) of the event of one PLOVER type.
"""

from __future__ import annotations

from datetime import date

import pytest

from detente.coder import Coder
from detente.records import Document


@pytest.fixture(scope="module")
def coder():
    return Coder()


def coded(coder, text: str, day: str = "2018-03-17") -> list[tuple]:
    document = Document(id="case", text=text, date=date.fromisoformat(day))
    return [(event.event, tuple(e.country for e in event.actor),
             tuple(f"{e.country} {e.sector or '-'}" for e in event.recipient)) for event in coder.code(document)]


# (sentence, PLOVER type, actor countries, recipients "COUNTRY SECTOR")
ROLE_CASES = [
    # a proposal's author is the recipient of its rejection
    ("Chile rejected a new offer from Peru on the border.", "REJECT", ("CHL",), ("PER -",)),
    # a place named through its modifiers: "X province", "the Ruritanian town of …", "a town in X"
    ("Spain eased the emergency measures in Andorra province.", "CONCEDE", ("ESP",), ("AND -",)),
    # a state's act at home falls on the people of the place
    ("The Kenyan government imposed a curfew in the town of Garissa in Kenya.", "COERCE", ("KEN",),
     ("KEN CVL",)),
    # a state acting on a bare group of its own people
    ("The Chilean police arrested dozens of protesters.", "COERCE", ("CHL",), ("CHL CVL",)),
    ("The Peruvian government accused rebels of the ambush.", "ACCUSE", ("PER",), ("PER REB",)),
    # a threat's recipient is the subject of the condition of the threatened act
    ("Ecuador threatened to halt the talks unless Peru withdrew its troops.", "THREATEN", ("ECU",), ("PER -",)),
    # the target of what a preposition names
    ("Estonia mobilized its reservists on Friday for a war against Russia.", "MOBILIZE", ("EST",), ("RUS -",)),
    # a verbal conflict conjoined to an act of the same actor shares its recipient
    ("Norway was deeply concerned by the detentions and urged the Russian authorities to free the men.",
     "ACCUSE", ("NOR",), ("RUS GOV",)),
]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), ROLE_CASES)
def test_roles(coder, text: str, event: str, actor: tuple, recipient: tuple) -> None:
    assert (event, actor, recipient) in coded(coder, text), coded(coder, text)


def test_deportation_gets_no_domestic_recipient(coder) -> None:
    assert ("COERCE", ("RUS",), ()) in coded(coder, "Russia deported two reporters.")


def test_expulsions_of_their_own_aim_at_the_earlier_target(coder) -> None:
    events = coded(coder, "Poland expelled four Belarusian diplomats on Monday. "
                          "Lithuania announced expulsions of its own on Tuesday.")
    assert ("SANCTION", ("LTU",), ("BLR GOV",)) in events, events


def test_facility_taken_away_is_a_sanction(coder) -> None:
    events = coded(coder, "Ottawa took away a residence used by the Iranian embassy.")
    assert any(event == "SANCTION" and actor == ("CAN",) for event, actor, _ in events), events


def test_staff_who_must_stop_working_are_expelled(coder) -> None:
    events = coded(coder, "Two hundred staff will stop working for the Dutch mission, the Iranian minister said.")
    assert any(event == "SANCTION" and actor == ("IRN",) for event, actor, _ in events), events
