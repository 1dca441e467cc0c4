"""Fitting and checking the confidence model (detente/confidence.py) on article gold.

A *sample* is one (actor, recipient, type, date) tuple of one coded event, as the article scorer counts
them, with the facts of its event (``confidence.features``) and whether the tuple is right: it matches
a gold event of its article, core or optional, as ``shared/eval/score.py`` matches.  The model is a
logistic regression (scikit-learn, L2) fitted on the samples of the development sets; it is checked
by leaving one set out at a time, fitting on the others and measuring on the one left out, so no
number here comes from a set the model was fitted on.

``reliability`` bins samples by confidence and compares each bin's mean confidence with the share of
right samples in it; the expected calibration error (ECE) is the mean gap, weighted by bin size.
``trade_off`` gives precision and recall of the events kept at a confidence threshold.

The link score (``detente/reciprocity/link_score.py``) is fitted the same way on the links of stores
coded from the sets, and its threshold is the one with the best link F1 when each set's links are scored
by a model fitted on the other sets.

scikit-learn is needed only here (``pip install .[calibrate]``, and the tests install it); applying the
model needs none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from .. import confidence
from ..reciprocity import link_score
from ..records import Event, Link
from ..store import Store
from .articles import EventTuple, countries, norm_type, parse_date, score_articles, score_document
from .gold import ArticleGold
from .links import score_links
from .measure import Measure

BINS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0001)
THRESHOLDS = (0.5, 0.7, 0.9)


@dataclass(frozen=True)
class Sample:
    """One scored tuple of a coded event: the facts of its event and whether it is right."""

    set_name: str
    doc_id: str
    features: Mapping[str, float]
    right: bool
    confidence: float | None = None


def samples(set_name: str, gold: Iterable[ArticleGold],
            coded: Iterable[tuple[Sequence[Event], Doc | None, date | None]]) -> list[Sample]:
    """The samples of one set: ``coded`` gives each document's events with its parse and publication date.
    A tuple told by several events of a document is one sample (the scorer counts it once), with the facts
    of the event that tells it first; it is right when the scorer matches it to a gold event."""
    by_doc = {article.doc_id: article for article in gold}
    out = []
    for events, doc, published in coded:
        article = by_doc.get(events[0].doc_id) if events else None
        if article is None:
            continue
        matched = set(score_document(article, [e.to_dict() for e in events]).matched)
        story = confidence.Story.of(events)
        seen: set[EventTuple] = set()
        for event in events:
            facts = confidence.features(event, doc, story, published)
            for candidate in _tuples(event):
                if candidate not in seen:
                    seen.add(candidate)
                    out.append(Sample(set_name, event.doc_id, facts, candidate in matched, event.confidence))
    return out


def _tuples(event: Event) -> list[EventTuple]:
    record = event.to_dict()
    day, kind = parse_date(record["date"]), norm_type(record["event"])
    return [EventTuple(source, target, kind, day) for source in countries(record["actor"])
            for target in countries(record["recipient"]) if source != target]


def fit(training: Sequence[Sample], strength: float = 1.0,
        names: Sequence[str] = confidence.FEATURES) -> confidence.Calibration:
    """A logistic model of ``training`` over the features ``names`` (L2 with inverse strength ``strength``)."""
    from sklearn.linear_model import LogisticRegression

    rows = [[sample.features.get(name, 0.0) for name in names] for sample in training]
    labels = [int(sample.right) for sample in training]
    model = LogisticRegression(C=strength, max_iter=2000)
    model.fit(rows, labels)
    weights = {name: round(float(weight), 4) for name, weight in zip(names, model.coef_[0], strict=True)}
    fitted_on = tuple(sorted({sample.set_name for sample in training}))
    return confidence.Calibration(round(float(model.intercept_[0]), 4), weights, fitted_on)


def cross_validated(all_samples: Sequence[Sample], names: Sequence[str] = confidence.FEATURES) -> list[Sample]:
    """Every sample, in the same order, with the confidence of a model fitted on the other sets only."""
    models = {held_out: fit([s for s in all_samples if s.set_name != held_out], names=names)
              for held_out in {sample.set_name for sample in all_samples}}
    return [dataclasses.replace(s, confidence=models[s.set_name].probability(s.features)) for s in all_samples]


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    precision: float


def reliability(scored: Sequence[Sample]) -> tuple[list[Bin], float]:
    """Confidence bins against the share of right samples, and the expected calibration error."""
    bins, error = [], 0.0
    for low, high in zip(BINS, BINS[1:]):
        inside = [s for s in scored if s.confidence is not None and low <= s.confidence < high]
        if not inside:
            continue
        mean = sum(s.confidence for s in inside) / len(inside)
        precision = sum(s.right for s in inside) / len(inside)
        bins.append(Bin(low, min(high, 1.0), len(inside), mean, precision))
        error += len(inside) / len(scored) * abs(mean - precision)
    return bins, error


def trade_off(gold: Sequence[ArticleGold], events: Sequence[Event], threshold: float) -> tuple[float, float]:
    """Precision and recall, as the article scorer counts them, of the events kept at ``threshold``."""
    kept = [event for event in events if event.confidence is not None and event.confidence >= threshold]
    measure = score_articles(gold, kept).overall
    return measure.precision, measure.recall


# Links (detente/reciprocity/link_score.py): a sample is one link of a store coded from a set, right when
# it joins events that report a gold link's effect and cause (``links.score_links``).
LINK_THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 13))


def link_samples(set_name: str, gold: Sequence[ArticleGold], store: Store) -> list[tuple[Sample, Link]]:
    """Each scored link of ``store`` (coded from the set's articles) with its features and whether it is right."""
    scored = score_links(tuple(gold), store)
    right = {(link.effect, link.cause, link.type) for link in scored.correct}
    out = []
    for link in (*scored.correct, *scored.extras):
        effect, cause = store.aggregate(link.effect), store.aggregate(link.cause)
        claim = store.claim(link.claim) if link.claim else None
        facts = link_score.features(store, effect, cause, claim)
        out.append((Sample(set_name, link.doc_id or "", facts, (link.effect, link.cause, link.type) in right), link))
    return out


def link_trade_off(gold: Sequence[ArticleGold], store: Store, kept: Sequence[Link]) -> Measure:
    """Link precision and recall when only the links ``kept`` are shown."""
    return score_links(tuple(gold), store, kept).measure


def best_link_threshold(per_set: Mapping[str, tuple[Sequence[ArticleGold], Store]],
                        held_out: Mapping[tuple[str, Link], float]) -> float:
    """The threshold with the best link F1 pooled over the sets, each set's links scored by a model fitted on
    the others (``held_out``: the score of each set's links)."""
    def pooled_f1(threshold: float) -> float:
        total = Measure()
        for name, (gold, store) in per_set.items():
            kept = [link for (held, link), score in held_out.items() if held == name and score >= threshold]
            total = total + link_trade_off(gold, store, kept)
        return total.f1
    return max(LINK_THRESHOLDS, key=lambda threshold: (pooled_f1(threshold), -threshold))
