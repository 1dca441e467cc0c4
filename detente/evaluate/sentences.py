"""Sentence-level scoring: the rules of ``shared/eval/sentences.py score``, reproduced exactly, with more detail.

Two measures per sentence.  Type level: the set of PLOVER types predicted
for the sentence against the set of gold types (CONCEDE and RETREAT are
accepted for each other).  Triple level, on the sentences whose gold names
both source and target countries: (actor country, recipient country, type)
triples against the gold triples.  A sentence listed twice in the gold
counts once, with its last line; predictions for sentences the gold does
not list are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..records import Event
from .gold import PLOVER_OLD_TYPES, Gold, SentenceGold
from .measure import Measure, Prediction, by_type, group_by_document

# CONCEDE and RETREAT were one type (YIELD) in older PLOVER; either is accepted for the other.
TWINS = {"CONCEDE": frozenset({"CONCEDE", "RETREAT"}), "RETREAT": frozenset({"CONCEDE", "RETREAT"})}

Triple = tuple[str, str, str]


def norm_type(name: Any) -> str:
    """Predicted type names as sentences.py reads them (gold types are compared as they are written)."""
    name = str(name or "").upper()
    return PLOVER_OLD_TYPES.get(name, name)


def accepts(gold_type: str) -> frozenset[str]:
    return TWINS.get(gold_type, frozenset({gold_type}))


def countries(entities: Any) -> list[str]:
    """Country codes of a record's actors or recipients (``country`` only, upper-cased)."""
    found = []
    for entity in entities or []:
        code = entity.get("country") if isinstance(entity, dict) else entity
        if code:
            found.append(str(code).upper())
    return found


def _triple_in(triple: Triple, pool: set[Triple]) -> bool:
    return any(triple[0] == other[0] and triple[1] == other[1] and triple[2] in accepts(other[2]) for other in pool)


@dataclass(frozen=True)
class SentenceResult:
    """What one sentence's predictions missed and added, by type and by triple."""

    id: str
    missed_types: tuple[str, ...]
    extra_types: tuple[str, ...]
    missed_triples: tuple[Triple, ...]
    extra_triples: tuple[Triple, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "missed_types": list(self.missed_types), "extra_types": list(self.extra_types),
                "missed_triples": [list(t) for t in self.missed_triples],
                "extra_triples": [list(t) for t in self.extra_triples]}


@dataclass(frozen=True)
class SentenceScore:
    """Sentence-level scores: type and triple levels (equal to sentences.py's), per type, confusions, misses.

    ``types`` and ``triples`` count as sentences.py does: ``correct`` =
    ``found`` = gold items (a sentence's types, its triples) that some
    prediction matches (CONCEDE and RETREAT accepted for each other),
    ``predicted`` = those plus the predictions that match no gold item,
    ``gold`` = all gold items; triples are scored only in sentences whose gold
    names both countries.  ``by_type[T]``: a prediction counts for its own type —
    precision of T = sentences where T was predicted and accepted / sentences
    where T was predicted; recall of T = sentences with gold type T where it
    (or its twin) was predicted / sentences with gold type T.
    ``confusion[(G, P)]``: sentences where gold type G was missed while type P
    was predicted and accepted by no gold type of the sentence.
    """

    sentences: int
    types: Measure
    triples: Measure
    by_type: dict[str, Measure]
    confusion: dict[tuple[str, str], int]
    results: tuple[SentenceResult, ...]

    @property
    def overall(self) -> Measure:
        return self.types

    @property
    def summary(self) -> str:
        """The line sentences.py prints."""
        t, r = self.types, self.triples
        return (f"sentences {self.sentences}  type P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}  "
                f"triple P {r.precision:.3f} R {r.recall:.3f} F1 {r.f1:.3f} (n={r.gold})")

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sentences": self.sentences, "type": self.types.to_dict(), "triple": self.triples.to_dict(),
            "by_type": {t: measure.to_dict() for t, measure in self.by_type.items()},
            "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in self.confusion.items()],
        }
        if details:
            out["sentences_missed_or_extra"] = [
                r.to_dict() for r in self.results
                if r.missed_types or r.extra_types or r.missed_triples or r.extra_triples
            ]
        return out


def score_sentences(gold: Gold | Iterable[SentenceGold], predictions: Iterable[Prediction | Event]) -> SentenceScore:
    """Score event records against sentence gold, as ``sentences.py score`` does.

    Predictions are grouped by ``doc_id``, which must be the sentence id.
    """
    if isinstance(gold, Gold) and gold.level != "sentence":
        raise UsageError(f"{gold.path} is article-level gold; score it with score_articles")
    sentences = {s.id: s for s in (gold.sentences if isinstance(gold, Gold) else gold)}
    grouped = group_by_document(predictions)
    types = triples = Measure()
    counts: dict[str, Measure] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    results = []
    for sentence_id, sentence in sentences.items():
        records = grouped.get(sentence_id, [])
        predicted = {norm_type(r.get("event")) for r in records}
        gold_types = {e.event for e in sentence.events}
        accepted = set().union(*(accepts(t) for t in gold_types))
        found = {t for t in gold_types if accepts(t) & predicted}
        missed = gold_types - found
        extra = {t for t in predicted if t not in accepted}
        types += Measure(correct=len(found), predicted=len(found) + len(extra), found=len(found),
                         gold=len(gold_types))
        for t in gold_types:
            counts[t] = counts.get(t, Measure()) + Measure(found=int(t in found), gold=1)
        for t in predicted:
            counts[t] = counts.get(t, Measure()) + Measure(correct=int(t in accepted), predicted=1)
        confusion.update((g, p) for g in missed for p in extra)
        gold_triples = {(s, t, e.event) for e in sentence.events for s in e.source for t in e.target if s and t}
        missed_triples: set[Triple] = set()
        extra_triples: set[Triple] = set()
        if gold_triples:
            coded = {(s, t, norm_type(r.get("event"))) for r in records
                     for s in countries(r.get("actor")) for t in countries(r.get("recipient"))}
            missed_triples = {g for g in gold_triples if not _triple_in(g, coded)}
            extra_triples = {p for p in coded if not _triple_in(p, gold_triples)}
            hits = len(gold_triples) - len(missed_triples)
            triples += Measure(correct=hits, predicted=hits + len(extra_triples), found=hits,
                               gold=len(gold_triples))
        results.append(SentenceResult(sentence_id, tuple(sorted(missed)), tuple(sorted(extra)),
                                      tuple(sorted(missed_triples)), tuple(sorted(extra_triples))))
    return SentenceScore(len(sentences), types, triples, by_type(counts), dict(confusion.most_common()),
                         tuple(results))
