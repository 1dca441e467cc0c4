"""Precision, recall and F1 from their counts; reading predictions the way the shared scripts do."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.codebook import PLOVER_EVENTS
from ..records import Event

log = logging.getLogger(__name__)

Prediction = Mapping[str, Any]


@dataclass(frozen=True)
class Measure:
    """Precision = ``correct / predicted``, recall = ``found / gold``, F1 their harmonic mean (0 when undefined).

    ``correct`` counts the predictions judged right and ``found`` the gold
    events found; the two differ when one prediction may stand for several
    gold items or the reverse.  (At the sentence type level the shared scorer
    uses found gold types for both: see ``score_sentences``.)
    """

    correct: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        # The order of operations of the shared scripts, so that the floats are equal.
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Measure) -> Measure:
        return Measure(self.correct + other.correct, self.predicted + other.predicted, self.found + other.found,
                       self.gold + other.gold)

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "correct": self.correct,
                "predicted": self.predicted, "found": self.found, "gold": self.gold}


def type_order(event_type: str) -> tuple[int, str]:
    """PLOVER order (AGREE … ASSAULT), then any other name alphabetically."""
    if event_type in PLOVER_EVENTS:
        return PLOVER_EVENTS.index(event_type), ""
    return len(PLOVER_EVENTS), event_type


def by_type(counts: Mapping[str, Measure]) -> dict[str, Measure]:
    return {t: counts[t] for t in sorted(counts, key=type_order)}


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """The event records of a predictions file (``shared/spec/event-record.md``), one per line.

    Like the shared scripts, blank lines and lines that are not JSON are
    skipped (with a warning), so that a scored file gives their numbers.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "no such predictions file; check the path") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(name, f"cannot be read ({error}); give the coder's JSON Lines output") from None
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            log.warning("%s:%d: not JSON; line skipped", name, number)
            continue
        if not isinstance(record, dict):
            log.warning("%s:%d: not an event record; line skipped", name, number)
            continue
        records.append(record)
    return records


def group_by_document(predictions: Iterable[Prediction | Event]) -> dict[str, list[Prediction]]:
    """Event records by ``str(doc_id)``, in order (``Event`` objects are turned into their records)."""
    grouped: dict[str, list[Prediction]] = {}
    for record in predictions:
        if isinstance(record, Event):
            record = record.to_dict()
        grouped.setdefault(str(record.get("doc_id")), []).append(record)
    return grouped
