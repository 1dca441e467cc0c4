"""The coder on generated text: sentences from a small grammar of our own words mixed with random unicode.
Whatever the text, it returns events whose sentence and trigger lie within the text, or raises a ``DetenteError``;
and a pathological sentence is stopped by the time limit rather than hanging."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.coder import Coder
from detente.errors import DetenteError
from detente.limits import TimeLimitError, deadline
from detente.records import Document
from detente.settings import Settings

ACTORS = ["Russia", "The United States", "Britain", "China", "The Czech Republic", "Canada", "NATO",
          "The foreign minister", "Moscow", "Beijing", "Ottawa", "The European Union", "India"]
VERBS = ["expelled", "sanctioned", "threatened", "met", "condemned", "accused", "warned", "recalled",
         "agreed with", "demanded that", "closed the consulate of", "promised to help", "did not expel"]
OBJECTS = ["23 diplomats", "its ambassador", "the embassy", "Ukraine", "Washington", "two spies", "Poland",
           "the consulate general in Houston", "forty officials"]
TAILS = ["on Saturday", "in retaliation", "last week", "on March 17, 2018", "after the poisoning", "", "in 2021"]


@st.composite
def sentence(draw) -> str:
    words = [draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS)),
             draw(st.sampled_from(TAILS))]
    return " ".join(word for word in words if word) + draw(st.sampled_from([".", "!", "?", ";", "", " —"]))


NOISE = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
TEXT = st.lists(sentence() | NOISE, min_size=1, max_size=8).map(lambda parts: " ".join(parts))


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gives_events_within_the_text_or_a_detente_error(coder, text):
    document = Document(id="fuzz", text=text)
    try:
        events = coder.code(document)
    except DetenteError:
        return
    assert isinstance(events, list)
    for event in events:
        start, end = event.span
        assert 0 <= start <= end <= len(text)
        trigger_start, trigger_end = event.trigger_span
        assert start <= trigger_start <= trigger_end <= end


@pytest.mark.parametrize("text", [
    "\u202eRussia expelled\u200d 23\u200b British\u200f diplomats on Saturday.\u202c",
    "\x01\x02 Russia \x1b[31mexpelled\x1b[0m 23 diplomats.\x7f",
    "Russia expelled " + "x" * 1_000_000 + " diplomats.",
    " \n\t ",
    "Russia expelled ² diplomats and ³ officers on Friday; Ukraine said ١٢ soldiers were killed.",
], ids=["bidi-and-joiners", "control-characters", "million-character-word", "whitespace", "digits-int-cannot-read"])
def test_strange_text_is_coded(coder, text):
    events = coder.code(Document(id="strange", text=text))
    assert all(0 <= event.span[0] <= event.span[1] <= len(text) for event in events)


# An alarm that lands in a garbage collector callback (hypothesis installs one) is reported as "ignored" by Python;
# the alarm repeats, and the next one stops the coder.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_sentence_of_a_hundred_thousand_tokens_is_cut_then_stopped_by_the_time_limit(caplog):
    """max_chars cuts it (with a warning), and what is left still takes minutes in the coder's list handling:
    the time limit turns that into one error naming the document."""
    text = "Russia expelled " + " diplomats and" * 100_000 + " spies."
    coder = Coder(Settings(max_chars=200_000))
    started = time.monotonic()
    with pytest.raises(TimeLimitError) as caught, deadline(2, "long-sentence.txt"):
        coder.code(Document(id="long", text=text, origin="long-sentence.txt"))
    assert time.monotonic() - started < 10
    assert str(caught.value).startswith("long-sentence.txt: coding took over 2 s")
    assert "long-sentence.txt: cut to 200000 characters (setting max_chars)" in caplog.text
