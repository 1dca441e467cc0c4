"""Article-level scoring: the rules of ``shared/eval/score.py``, reproduced exactly, with more detail.

Per article, the predictions are reduced to distinct (source, target, type,
date) tuples, compound actors expanded into pairs and pairs of one country
dropped.  Gold events that a tuple cannot tell apart (same states, type and
date) are merged.  Matching is one-to-one and greedy: a first pass accepts
exact dates only, a second any date within the tolerance; in each pass core
events claim tuples before optional ones.  Precision is over all tuples
(a tuple matched to an optional event is correct); recall is over core
events only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from typing import Any

from ..errors import UsageError
from ..records import Event
from .gold import ArticleGold, Gold, GoldEvent
from .measure import Measure, Prediction, by_type, group_by_document

# score.py's renaming of old type names, applied to gold and predictions alike.
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
             "SACTION": "SANCTION"}


def norm_type(name: Any) -> str:
    name = str(name or "").upper()
    return OLD_TYPES.get(name, name)


def parse_date(value: Any) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def countries(entities: Any) -> list[str]:
    """Country codes of a record's actors or recipients (``country``, else ``code``, upper-cased)."""
    found = []
    for entity in entities or []:
        code = (entity.get("country") or entity.get("code")) if isinstance(entity, dict) else entity
        if code:
            found.append(str(code).upper())
    return found


@dataclass(frozen=True)
class EventTuple:
    """What scoring keeps of a prediction: one state acting on another, the type and the date."""

    source: str
    target: str
    event: str
    date: Date | None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "event": self.event,
                "date": self.date.isoformat() if self.date else None}


def event_tuples(records: Iterable[Prediction]) -> list[EventTuple]:
    """Distinct tuples of one document's predictions, sorted as score.py sorts them."""
    seen = set()
    for record in records:
        event_type, day = norm_type(record.get("event")), parse_date(record.get("date"))
        for source in countries(record.get("actor")) or [None]:
            for target in countries(record.get("recipient")) or [None]:
                if source and target and source != target:
                    seen.add(EventTuple(source, target, event_type, day))
    return sorted(seen, key=lambda t: (t.source, t.target, t.event, t.date or Date.min))


def readings(gold: GoldEvent) -> set[tuple[str, str]]:
    """All (source, target) pairs a gold event accepts: alternatives, compounds, and both ways if symmetric."""
    pairs = set()
    for sources in (gold.source, *gold.source_alt):
        for targets in (gold.target, *gold.target_alt):
            for source in sources:
                for target in targets:
                    pairs.add((source.upper(), target.upper()))
                    if gold.symmetric:
                        pairs.add((target.upper(), source.upper()))
    return pairs


def accepted_types(gold: GoldEvent) -> set[str]:
    return {norm_type(gold.event)} | {norm_type(t) for t in gold.event_alt}


def in_window(day: Date | None, gold: GoldEvent, exact_date_only: bool = False) -> bool:
    """Whether a tuple's date fits: any date for a null gold date, else within the tolerance (0 if exact)."""
    gold_day = parse_date(gold.date)
    if gold_day is None:
        return not exact_date_only
    if day is None:
        return False
    return abs((day - gold_day).days) <= (0 if exact_date_only else gold.date_tolerance)


def matches(candidate: EventTuple, gold: GoldEvent, exact_date_only: bool = False) -> bool:
    return ((candidate.source, candidate.target) in readings(gold) and candidate.event in accepted_types(gold)
            and in_window(candidate.date, gold, exact_date_only))


def merge_same_key(events: Sequence[GoldEvent]) -> list[GoldEvent]:
    """Gold events that a tuple cannot tell apart (same states, type and date) count once."""
    merged: dict[tuple, GoldEvent] = {}
    for event in events:
        key = (event.source, event.target, norm_type(event.event), event.date)
        if key not in merged:
            merged[key] = event
            continue
        first = merged[key]
        merged[key] = replace(first, status="core" if event.core else first.status,
                              event_alt=tuple(sorted(set(first.event_alt) | set(event.event_alt))),
                              date_tolerance=max(first.date_tolerance, event.date_tolerance))
    return list(merged.values())


@dataclass(frozen=True)
class ArticleResult:
    """The scoring of one article: gold events found and missed, tuples matched and extra."""

    doc_id: str
    found: tuple[GoldEvent, ...]
    missed: tuple[GoldEvent, ...]
    matched: tuple[EventTuple, ...]
    extras: tuple[EventTuple, ...]
    confused: tuple[tuple[GoldEvent, EventTuple], ...]

    @property
    def measure(self) -> Measure:
        return Measure(correct=len(self.matched), predicted=len(self.matched) + len(self.extras),
                       found=len(self.found), gold=len(self.found) + len(self.missed))

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure
        return {"doc_id": self.doc_id, "core": measure.gold, "found_core": measure.found,
                "predicted": measure.predicted, "matched": measure.correct,
                "missed": [g.to_dict() for g in self.missed], "extras": [t.to_dict() for t in self.extras]}


def score_document(gold: ArticleGold, records: Iterable[Prediction]) -> ArticleResult:
    """Match one article's predictions against its gold (score.py's ``score_doc``)."""
    events = merge_same_key(gold.events)
    tuples = event_tuples(records)
    used_tuples: set[int] = set()
    used_gold: set[int] = set()
    for exact in (True, False):
        for want_core in (True, False):  # core events claim predictions before optional ones
            for gi, event in enumerate(events):
                if gi in used_gold or event.core != want_core:
                    continue
                for ti, candidate in enumerate(tuples):
                    if ti not in used_tuples and matches(candidate, event, exact_date_only=exact):
                        used_tuples.add(ti)
                        used_gold.add(gi)
                        break
    core = [gi for gi, event in enumerate(events) if event.core]
    missed = tuple(events[gi] for gi in core if gi not in used_gold)
    extras = tuple(tuples[ti] for ti in range(len(tuples)) if ti not in used_tuples)
    return ArticleResult(
        doc_id=gold.doc_id,
        found=tuple(events[gi] for gi in core if gi in used_gold),
        missed=missed,
        matched=tuple(tuples[ti] for ti in sorted(used_tuples)),
        extras=extras,
        confused=_confused(missed, extras),
    )


def _confused(missed: Sequence[GoldEvent], extras: Sequence[EventTuple]) -> tuple[tuple[GoldEvent, EventTuple], ...]:
    """Each missed core event paired with an extra tuple of the same states and date window but another type.

    Greedy in gold order, each extra tuple used once, so that a confusion is
    one miss and one extra seen together.
    """
    pairs, used = [], set()
    for event in missed:
        pairs_of_event = readings(event)
        types = accepted_types(event)
        for ti, candidate in enumerate(extras):
            if (ti not in used and (candidate.source, candidate.target) in pairs_of_event
                    and candidate.event not in types and in_window(candidate.date, event)):
                used.add(ti)
                pairs.append((event, candidate))
                break
    return tuple(pairs)


@dataclass(frozen=True)
class ArticleScore:
    """Article-level scores: overall (equal to score.py's), per event type, confusions, misses and extras.

    ``by_type[T]``: a tuple counts for its own type (precision of T = tuples of
    type T matched to a gold event / tuples of type T, even when the gold
    event's main type is another one of its ``event_alt``); recall of T = core
    gold events whose type is T that were found / core gold events of type T.
    ``confusion[(G, P)]``: how many missed core events of type G had an extra
    tuple of type P with the same states and date window.
    """

    articles: int
    overall: Measure
    by_type: dict[str, Measure]
    confusion: dict[tuple[str, str], int]
    documents: tuple[ArticleResult, ...]

    @property
    def summary(self) -> str:
        """The last line score.py prints."""
        m = self.overall
        return (f"articles {self.articles}  core {m.found}/{m.gold}  matched {m.correct}/{m.predicted}  "
                f"precision {m.precision:.3f}  recall {m.recall:.3f}  F1 {m.f1:.3f}")

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """The keys of ``score.py --json``, then per type, the confusion and (with ``details``) each article."""
        m = self.overall
        out: dict[str, Any] = {
            "precision": m.precision, "recall": m.recall, "f1": m.f1, "core": m.gold, "found_core": m.found,
            "predicted": m.predicted, "matched": m.correct, "articles": self.articles,
            "by_type": {t: measure.to_dict() for t, measure in self.by_type.items()},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.items()],
        }
        if details:
            out["documents"] = [d.to_dict() for d in self.documents if d.missed or d.extras]
        return out


def score_articles(gold: Gold | Iterable[ArticleGold], predictions: Iterable[Prediction | Event]) -> ArticleScore:
    """Score event records (``shared/spec/event-record.md``) against article gold, as score.py does.

    ``predictions`` are event records (dicts) or ``Event`` objects; records of
    documents the gold does not name are ignored.  An article listed twice in
    the gold is scored twice, as score.py does.
    """
    if isinstance(gold, Gold) and gold.level != "article":
        raise UsageError(f"{gold.path} is sentence-level gold; score it with score_sentences")
    articles = gold.articles if isinstance(gold, Gold) else tuple(gold)
    grouped = group_by_document(predictions)
    documents = tuple(score_document(article, grouped.get(article.doc_id, [])) for article in articles)
    overall, counts = Measure(), {}
    for document in documents:
        overall += document.measure
        for candidate in document.matched:
            counts[candidate.event] = counts.get(candidate.event, Measure()) + Measure(correct=1, predicted=1)
        for candidate in document.extras:
            counts[candidate.event] = counts.get(candidate.event, Measure()) + Measure(predicted=1)
        for event in document.found:
            name = norm_type(event.event)
            counts[name] = counts.get(name, Measure()) + Measure(found=1, gold=1)
        for event in document.missed:
            name = norm_type(event.event)
            counts[name] = counts.get(name, Measure()) + Measure(gold=1)
    confusion = Counter((norm_type(event.event), candidate.event)
                        for document in documents for event, candidate in document.confused)
    return ArticleScore(len(documents), overall, by_type(counts), dict(confusion.most_common()), documents)
