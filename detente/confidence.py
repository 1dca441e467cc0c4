"""How likely a coded event is right: a probability from what the coder knows about how it found it.

Every event gets ``confidence``: the probability that it is right as the article scorer of
``shared/eval/score.py`` counts it (actor, recipient, type, date within tolerance).  It comes from a
logistic model over a few facts the coder knows about the event — how its actor and recipient were
found (a name in the clause, a pronoun, a role noun, the story's context, both parties of a joint
thing), its type, how its date was found, where in the article it stands, whether a noun or a verb
expresses it — fitted on the gold of the development sets by ``make calibrate``
(``detente.evaluate.calibrate``) and kept as a data file, ``data/confidence.json``, which says what
it was fitted on and how well it is calibrated (docs/calibration.md).

Applying the model needs no machine-learning library: a weighted sum and the logistic function.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from .errors import DataFileError
from .records import Event

CALIBRATION = Path(__file__).parent / "data" / "confidence.json"

# PLOVER types frequent enough in the gold to have a weight of their own; the others share their quad class's.
OWN_TYPES = ("SANCTION", "ACCUSE", "THREATEN", "ASSAULT", "REQUEST", "CONSULT", "SUPPORT", "REJECT", "AGREE")
# The facts a weight is kept for, in the order of the data file.
FEATURES = (
    *(f"type:{name}" for name in OWN_TYPES),
    "quad:1", "quad:2", "quad:3", "quad:4",
    "actor:elsewhere", "actor:noun", "actor:several",
    "recipient:context", "recipient:joint", "recipient:several", "recipient:people",
    "date:explicit", "date:relative", "date:background",
    "status:planned",
    "trigger:noun",
    "sentence:headline", "sentence:lead", "sentence:late",
    "sentence:events", "sentence:long",
    "cue",
    "told:again", "dyad:main", "date:far",
)
# Sectors of a recipient that is a state's people rather than the state itself.
PEOPLE = frozenset({"CVL", "REB", "OPP", "REF", "EDU", "LAB", "MED", "BUS", "NGO", "REL", "HLH"})


@dataclass(frozen=True)
class Calibration:
    """A fitted model: the weight of each feature, and what it was fitted on."""

    intercept: float
    weights: Mapping[str, float]
    fitted_on: tuple[str, ...] = ()

    def probability(self, features: Mapping[str, float]) -> float:
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@functools.cache
def load_calibration(path: Path = CALIBRATION) -> Calibration:
    """The fitted model of ``path``; a file that is not one names the problem and the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = {str(name): float(value) for name, value in data["weights"].items()}
        intercept = float(data["intercept"])
        fitted_on = tuple(str(name) for name in data.get("fitted_on", ()))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataFileError(str(path), None, f"not a calibration of detente.confidence: {error}") from None
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise DataFileError(str(path), None, f"weights of unknown features {unknown}: run `make calibrate`")
    return Calibration(intercept, weights, fitted_on)


@dataclass(frozen=True)
class Story:
    """What the other events of a document say about one: how many share its sentence, in how many
    sentences each who-did-what-to-whom is told, and the pair of states the story is most about."""

    per_sentence: Mapping[int, int]
    told: Mapping[tuple, int]
    main_dyad: frozenset[str] | None

    @classmethod
    def of(cls, events: Sequence[Event]) -> "Story":
        per_sentence: dict[int, int] = {}
        told: dict[tuple, set[int]] = {}
        dyads: dict[frozenset[str], int] = {}
        for event in events:
            per_sentence[event.sentence] = per_sentence.get(event.sentence, 0) + 1
            told.setdefault(_who_what_whom(event), set()).add(event.sentence)
            for dyad in _dyads(event):
                dyads[dyad] = dyads.get(dyad, 0) + 1
        main = max(dyads, key=lambda d: (dyads[d], sorted(d)), default=None)
        return cls(per_sentence, {key: len(sentences) for key, sentences in told.items()}, main)


def _who_what_whom(event: Event) -> tuple:
    return (event.event, frozenset(e.country for e in event.actor), frozenset(e.country for e in event.recipient))


def _dyads(event: Event) -> set[frozenset[str]]:
    return {frozenset((a.country, r.country)) for a in event.actor for r in event.recipient
            if a.country and r.country and a.country != r.country}


def features(event: Event, doc: Doc | None, story: Story, published: date | None = None) -> dict[str, float]:
    """The facts of ``event`` the model weighs (present ones only, as 1.0, and the share of events of its
    sentence); ``doc`` is its parsed document, for the part of speech of the trigger, ``story`` what the
    document's other events say, ``published`` its publication date."""
    out: dict[str, float] = {}
    if event.event in OWN_TYPES:
        out[f"type:{event.event}"] = 1.0
    out[f"quad:{event.quad_class}"] = 1.0
    texts = [e.text for e in event.actor]
    sentence = event.text.lower()
    if texts and not any(text.lower() in sentence for text in texts):
        out["actor:elsewhere"] = 1.0  # a pronoun or a role noun stood for it: its name is in another sentence
    elif texts and all(text[:1].islower() or text.lower().startswith("the ") for text in texts):
        out["actor:noun"] = 1.0  # "the ministry", "officials": a role noun, not a name
    if len({e.country for e in event.actor}) > 1:
        out["actor:several"] = 1.0
    if event.recipient_source in ("context", "joint"):
        out[f"recipient:{event.recipient_source}"] = 1.0
    if len({e.country for e in event.recipient}) > 1:
        out["recipient:several"] = 1.0
    if any(e.sector in PEOPLE for e in event.recipient):
        out["recipient:people"] = 1.0
    if event.date_source in ("explicit", "relative", "background"):
        out[f"date:{event.date_source}"] = 1.0
    if event.status == "planned":
        out["status:planned"] = 1.0
    if doc is not None and _trigger_is_noun(event, doc):
        out["trigger:noun"] = 1.0
    if event.sentence == 0:
        out["sentence:headline"] = 1.0
    elif event.sentence <= 3:
        out["sentence:lead"] = 1.0
    elif event.sentence > 12:
        out["sentence:late"] = 1.0
    out["sentence:events"] = min(story.per_sentence.get(event.sentence, 1), 6) / 6
    if len(event.text.split()) > 40:
        out["sentence:long"] = 1.0
    if event.cue:
        out["cue"] = 1.0
    if story.told.get(_who_what_whom(event), 0) > 1:
        out["told:again"] = 1.0  # the story tells it in more than one sentence
    if story.main_dyad is not None and story.main_dyad in _dyads(event):
        out["dyad:main"] = 1.0
    if published is not None and event.date is not None and (published - event.date).days > 30:
        out["date:far"] = 1.0
    return out


def _trigger_is_noun(event: Event, doc: Doc) -> bool:
    span = doc.char_span(*event.trigger_span, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def with_confidence(events: Sequence[Event], doc: Doc | None, calibration: Calibration,
                    published: date | None = None) -> list[Event]:
    """The events of one document, each with its confidence."""
    story = Story.of(events)
    return [dataclasses.replace(event, confidence=round(calibration.probability(
        features(event, doc, story, published)), 3)) for event in events]
