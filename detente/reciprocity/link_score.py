"""How likely a link is right: a probability fitted on the gold links of the development sets.

Every link (stated or inferred) gets ``score``: the probability that the link is one the gold of its
article has, as ``detente.evaluate.links`` counts it.  It comes from a logistic model over what the
linking knows — how the cause was found (reported in the cue's sentence, looked up from a description,
inferred), the cue's kind, whether the two events are words or deeds, whether the cause was done by the
answer's recipient, the lag, agreement of codes and numbers, and how sure the two events themselves are
(the lower of their ``confidence``: a link is right only when both its events are) — fitted by ``make
calibrate`` (``tests/calibrate.py``) and kept in ``data/link_score.json`` with the threshold under
which links are not shown unless asked (``--all-links``; docs/reciprocity.md).

A link's features are read from the store when the link is made: reports that join either event later
do not change its score until the links are built again (``detente aggregate --rebuild``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..confidence import Calibration
from ..errors import DataFileError
from ..events.codebook import load_codebook
from ..records import Claim
from ..store import AggregateRow, Store

MODEL = Path(__file__).resolve().parents[1] / "data" / "link_score.json"

FEATURES = (
    "inferred", "described",
    "kind:retaliation", "kind:response", "kind:reciprocity", "kind:cause", "kind:judgement", "kind:sequence",
    "effect:verbal", "cause:verbal", "cause:no_recipient", "cause:alleged",
    "reverse", "same:article", "same:code", "same:number",
    "lag", "confidence",
)
VERBAL_QUAD_CLASSES = (1, 3)
LAG_SCALE_DAYS = 365  # a lag of a year counts 1; longer lags count no more


@dataclass(frozen=True)
class LinkModel:
    """The fitted model, and the score under which a link is not shown unless asked."""

    calibration: Calibration
    threshold: float

    def score(self, features: Mapping[str, float]) -> float:
        return round(self.calibration.probability(features), 3)


@functools.cache
def load_model(path: Path = MODEL) -> LinkModel:
    """The fitted model of ``path``; a file that is not one names the problem and the file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = {str(name): float(value) for name, value in data["weights"].items()}
        calibration = Calibration(float(data["intercept"]), weights, tuple(data.get("fitted_on", ())))
        threshold = float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataFileError(str(path), None, f"not a link-score model: {error}") from None
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise DataFileError(str(path), None, f"weights of unknown features {unknown}: run `make calibrate`")
    return LinkModel(calibration, threshold)


def floor(all_links: bool = False) -> float:
    """The least score of the links shown: the model's threshold, or 0 when all links are asked for."""
    return 0.0 if all_links else load_model().threshold


def features(store: Store, effect: AggregateRow, cause: AggregateRow, claim: Claim | None) -> dict[str, float]:
    """What the linking knows about a link from ``cause`` to ``effect``; ``claim`` is None for an inferred one."""
    out = {"inferred": float(claim is None),
           "described": float(claim is not None and not claim.cause),
           "effect:verbal": float(quad_class(effect) in VERBAL_QUAD_CLASSES),
           "cause:verbal": float(quad_class(cause) in VERBAL_QUAD_CLASSES),
           "cause:no_recipient": float(not cause.recipients),
           "cause:alleged": float(cause.status == "alleged"),
           "reverse": float(_members(cause.actors) == _members(effect.recipients)
                            and _members(cause.recipients) == _members(effect.actors)),
           "same:code": float(cause.cameo[:3] == effect.cameo[:3]),
           "same:number": float(not store.counts_of(cause.id).isdisjoint(store.counts_of(effect.id) - {0})),
           "lag": _lag(effect, cause),
           "confidence": min(_sure(effect), _sure(cause))}
    if claim is not None:
        out[f"kind:{claim.kind}"] = 1.0
        out["same:article"] = float(cause.id in store.reported_in(claim.doc_id))
    return {name: value for name, value in out.items() if name in FEATURES and value}


def quad_class(row: AggregateRow) -> int:
    """The quad class of an aggregated event's code (0 for a code the codebook does not know)."""
    code = load_codebook().get(row.cameo)
    return code.quad_class if code else 0


def _members(countries: str) -> frozenset[str]:
    return frozenset(countries.split("+")) - {""}


def _lag(effect: AggregateRow, cause: AggregateRow) -> float:
    if effect.date is None or cause.date is None:
        return 0.0
    return min(max((effect.date - cause.date).days, 0), LAG_SCALE_DAYS) / LAG_SCALE_DAYS


def _sure(row: AggregateRow) -> float:
    return row.confidence if row.confidence is not None else 0.5
