"""The confidence of events: the model's file, its facts, and its calibration on the development sets."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from detente import confidence
from detente.coder import Coder
from detente.errors import DataFileError
from detente.records import Document


@pytest.fixture(scope="module")
def coder():
    return Coder()


def coded(coder, text: str, day: str = "2024-03-15"):
    return coder.code(Document(id="case", text=text, date=date.fromisoformat(day)))


def test_every_event_has_a_probability(coder):
    events = coded(coder, "Russia expelled two Latvian diplomats on Monday. Latvia said it would respond.")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)


def test_the_packaged_model_weighs_the_features_the_code_computes():
    data = json.loads(confidence.CALIBRATION.read_text(encoding="utf-8"))
    assert data["features"] == list(confidence.FEATURES)
    assert set(data["weights"]) == set(confidence.FEATURES)
    assert data["fitted_on"], "fitted on nothing: run make calibrate"


@pytest.mark.parametrize("content", ['{"weights": {"no:such": 1.0}, "intercept": 0}', "not json", '{"weights": 3}'])
def test_a_broken_model_file_is_refused_by_name(tmp_path, content):
    path = tmp_path / "confidence.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="confidence.json"):
        confidence.load_calibration.__wrapped__(path)


FACT_CASES = [
    # (text, a fact the event of its second sentence has, or must not have when prefixed with "!")
    # a pronoun stands for the actor: its name is in another sentence
    ("Estonia protested. It expelled two Russian diplomats.", "actor:elsewhere"),
    ("Estonia protested. Estonia expelled two Russian diplomats.", "!actor:elsewhere"),
    ("Russia expelled two Latvian diplomats. Latvia said it would respond.", "!recipient:context"),
    ("Latvia and Estonia argued. Russia said it would respond.", "recipient:context"),
    ("Russia expelled two Latvian diplomats on Monday. Latvia expelled two Russian diplomats on Tuesday.",
     "date:relative"),
    ("Tensions rose. The Russian expulsion of two Latvian diplomats angered Riga.", "trigger:noun"),
]


@pytest.mark.parametrize(("text", "fact"), FACT_CASES)
def test_facts_of_an_event(coder, text, fact):
    events = [e for e in coded(coder, text) if e.sentence == 1]
    assert events
    story = confidence.Story.of(coded(coder, text))
    doc = coder.resources.nlp(text)
    found = [confidence.features(e, doc, story, date(2024, 3, 15)) for e in events]
    if fact.startswith("!"):
        assert all(fact[1:] not in facts for facts in found)
    else:
        assert any(fact in facts for facts in found)


def test_more_reasons_for_doubt_give_a_lower_probability():
    model = confidence.load_calibration()
    plain = {"type:SANCTION": 1.0, "quad:4": 1.0, "date:relative": 1.0, "dyad:main": 1.0}
    doubtful = {**plain, "recipient:context": 1.0, "trigger:noun": 1.0, "sentence:late": 1.0}
    doubtful.pop("dyad:main")
    assert model.probability(doubtful) < model.probability(plain)


def test_confidence_is_computed_once_per_event_and_kept_by_copies(coder):
    [event] = [e for e in coded(coder, "Russia expelled two Latvian diplomats on Monday.")]
    assert dataclasses.replace(event, text="x").confidence == event.confidence
