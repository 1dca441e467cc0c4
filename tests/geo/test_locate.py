"""Where the coder places events: the sentence's place, the dateline, the actor's country, and the rule for
names of several places (docs/geolocation.md)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from datetime import date

import pytest

from detente.coder import STAGES, Coder, Work, run_stages
from detente.geo import dateline_lines, load_gazetteer
from detente.records import Document

DAY = date(2021, 4, 19)


@pytest.fixture(scope="module")
def coder():
    return Coder()


def place_of(coder, text, trigger, day=DAY):
    """The place of the event of ``text`` whose trigger is ``trigger``."""
    events = coder.code(Document(id="t", text=text, date=day))
    event = next(e for e in events if e.trigger == trigger)
    return event.event_loc


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the capital unless state words or a US city place it in the state
        ("Russian and American diplomats held talks in Washington on Monday.", "held talks",
         ("Washington", "USA", "city", "US.DC")),
        ("Russian and American diplomats held talks in the state of Washington on Monday.", "held talks",
         ("Washington", "USA", "region", "US.WA")),
        ("Russian and American diplomats held talks in Seattle, Washington on Monday.", "held talks",
         ("Seattle", "USA", "city", "US.WA")),
        # the country unless the sentence is about the United States
        ("Russian and Turkish diplomats held talks in Georgia on Monday.", "held talks",
         ("Georgia", "GEO", "country", None)),
        ("Russian and American diplomats held talks in the U.S. state of Georgia on Monday.", "held talks",
         ("Georgia", "USA", "region", "US.GA")),
        # "the city of", a compound of the object, another name of the place
        ("China closed the U.S. consulate in the city of Chengdu on Monday.", "closed",
         ("Chengdu", "CHN", "city", "CN.32")),
        ("The United States closed the Houston consulate on Monday.", "closed", ("Houston", "USA", "city", "US.TX")),
        ("Russian and Ukrainian negotiators held talks in Kiev on Monday.", "held talks",
         ("Kyiv", "UKR", "city", "UA.12")),
    ],
)
def test_names_of_several_places(coder, text, trigger, expected):
    loc = place_of(coder, text, trigger)
    assert (loc.name, loc.country, loc.resolution, loc.region) == expected
    assert loc.source == "sentence"


def test_a_seat_of_government_that_acts_is_not_the_place(coder):
    loc = place_of(coder, "Moscow expelled 20 Czech diplomats on Monday.", "expelled")
    assert (loc.source, loc.resolution, loc.country, loc.text) == ("actor", "country", "RUS", "Moscow")


def test_a_seat_of_government_is_the_place_when_a_preposition_says_so(coder):
    loc = place_of(coder, "At the Kremlin, Russia expelled 20 Czech diplomats on Monday.", "expelled")
    assert (loc.source, loc.name, loc.country) == ("sentence", "Moscow", "RUS")


def test_the_dateline_places_the_days_news_of_the_actor(coder):
    text = "MOSCOW, April 19 (Wire) — Russia expelled 20 Czech diplomats on Monday."
    loc = place_of(coder, text, "expelled")
    assert (loc.source, loc.text, loc.name, loc.resolution) == ("dateline", "MOSCOW", "Moscow", "city")


def test_a_dateline_in_the_recipients_country_does_not_place_the_act(coder):
    text = "PRAGUE, April 19 (Wire) — Russia expelled 20 Czech diplomats on Monday."
    loc = place_of(coder, text, "expelled")
    assert (loc.source, loc.country, loc.resolution) == ("actor", "RUS", "country")


def test_a_dateline_does_not_place_background(coder):
    text = "MOSCOW, April 19 (Wire) — Russia expelled 20 Czech diplomats on 2 March 2021."
    loc = place_of(coder, text, "expelled")
    assert loc.source == "actor"


def test_without_a_place_the_actors_country(coder):
    loc = place_of(coder, "Russia expelled 20 Czech diplomats on Monday.", "expelled")
    assert (loc.source, loc.name, loc.country, loc.resolution, loc.region) == \
        ("actor", "Russia", "RUS", "country", None)
    assert loc.lat is not None and loc.lon is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Headline\n\nWASHINGTON, Dec. 29, 2016 (Wire) — The", ["WASHINGTON"]),
        ("Headline\n\nBERLIN — Thursday, 12 December 2019\nBy Jonas Reiter", ["BERLIN"]),
        ("Headline\n\nPrague, 19.4.2021 — By Petra", ["Prague"]),
        ("Headline\n\nHOUSTON/BEIJING, July 22, 2020 (Wire) — The", ["HOUSTON"]),
        ("Headline\n\nBy Elena Marsh | 31 December 2016\nSource: Ledger", []),
        # with the state or province, and the outlet in brackets before the dash
        ("Headline\n\nQUITO, Ecuador, Jan. 19 — The", ["QUITO"]),
        ("Headline\n\nUNITED NATIONS, N. Y., July 22 — The", ["UNITED NATIONS"]),
        ("Headline\n\nATHENS, Greece (Wire) - Several", ["ATHENS"]),
        ("Headline\n\nCAIRO (Wire) - Students", ["CAIRO"]),
        # names in their own letters, alone on a line
        ("Headline\n\nFrom Our Own Correspondent\n\nREYKJAVÍK, Sept. 2.\n\nBritain and", ["REYKJAVÍK"]),
        ("Headline\n\nASUNCIÓN, Paraguay, April 26 — The", ["ASUNCIÓN"]),
        ("Headline\n\nSÃO PAULO (Wire) - Brazil", ["SÃO PAULO"]),
        # a headline that lists states is no dateline
        ("Egypt, Israel sign accord - report\n\nThe two", []),
    ],
)
def test_datelines(text, names):
    assert dateline_lines(text) == names


def test_the_places_stage_changes_nothing_but_the_place(coder):
    document = Document(id="t", text="MOSCOW, April 19 (Wire) — Russia expelled 20 Czech diplomats in Prague.",
                        date=DAY)
    names = [stage.name for stage in STAGES]
    work = Work(document=document)
    run_stages(coder, work, STAGES[:names.index("places/v1")])
    before = list(work.events)
    run_stages(coder, work, [STAGES[names.index("places/v1")]])
    assert before and all(e.event_loc is not None for e in work.events)
    assert [dataclasses.replace(e, event_loc=None) for e in work.events] == before


def test_the_gazetteer_is_loaded_once():
    assert load_gazetteer() is load_gazetteer()


GUARDED = textwrap.dedent("""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    from datetime import date
    from detente.coder import Coder
    from detente.records import Document

    events = Coder().code(Document(id="t", text="Russia and Ukraine held talks in Istanbul on Monday.",
                                   date=date(2022, 3, 28)))
    print(next(e.event_loc.name for e in events if e.event_loc is not None))
""")


def test_coding_places_needs_no_network():
    """A fresh process whose sockets cannot connect loads the gazetteer and places an event."""
    done = subprocess.run([sys.executable, "-c", GUARDED], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Istanbul"
