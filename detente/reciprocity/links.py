"""Links: which aggregated event answers which.

**Stated links** (``responds_to``) come from the claims the coder read
(``claims.py``).  When the claim's sentence reports the cause, the link joins
the two aggregates of those mentions (score 1.0) — and because mentions from
every article join their aggregates, a cause first reported by another
outlet is found the same way.  When the sentence only describes the cause
("in retaliation for the sanctions bill") or gives none ("in kind"), the
cause is looked up among stored events: done by the effect's recipient to
its actor, at most ``link_days`` before it, of a type the words suggest
(sanctions → 163) or, failing words, of the effect's own type; an event the
same article reports, then one with the number the words state, then the
most recent, wins.  Claims whose cause is not in the store yet stay open
and are tried again on the next update.

**Inferred links** (``inferred``) are counter-actions nobody called one: a
material conflict event (quad class 4) done by the target of an earlier one
of the same type back to its actor, within ``inferred_days``, when no
article states what the later event answers.

Every link's ``score`` is the probability that it is right, from the model of ``link_score.py``
fitted on the gold links of the development sets (docs/reciprocity.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..events.codebook import load_codebook
from ..records import Claim, Link
from ..settings import Settings
from ..store import AggregateRow, Store
from .link_score import features, load_model, quad_class

DONE = ("actual", "planned")
INFERRED_QUAD_CLASS = 4


@dataclass
class LinkReport:
    """What one run of the linking did."""

    stated: int = 0
    open_claims: int = 0
    inferred: int = 0


def link(store: Store, touched: set[str], settings: Settings | None = None) -> LinkReport:
    """Resolve open claims, and infer links around the aggregates that changed."""
    settings = settings or Settings()
    report = LinkReport()
    with store.transaction():
        for claim in store.unresolved_claims():
            found = resolve(store, claim, settings)
            if found is None:
                report.open_claims += 1
                continue
            report.stated += store.add_link(found)  # several claims may state one link
            store.mark_resolved(claim.id)
        report.inferred = _infer(store, touched, settings)
    return report


def resolve(store: Store, claim: Claim, settings: Settings) -> Link | None:
    """The stated link of a claim, or None while its cause is not in the store."""
    effect_id = store.aggregate_of(claim.effect)
    effect = store.aggregate(effect_id) if effect_id else None
    if effect is None:
        return None
    if claim.cause:
        cause_id = store.aggregate_of(claim.cause)
        if cause_id is None or cause_id == effect_id:
            return None
        cause = store.aggregate(cause_id)
    else:
        cause = _described_cause(store, claim, effect, settings)
    if cause is None:
        return None
    score = load_model().score(features(store, effect, cause, claim))
    return Link(effect=effect_id, cause=cause.id, type="responds_to", score=score, cue=claim.cue,
                evidence=claim.evidence, doc_id=claim.doc_id, claim=claim.id)


def _described_cause(store: Store, claim: Claim, effect: AggregateRow, settings: Settings) -> AggregateRow | None:
    if not effect.recipients or effect.date is None:
        return None
    codes = load_codebook()
    types = {codes[c].event for c in claim.cause_codes if c in codes}
    bases = {c[:3] for c in claim.cause_codes}
    earliest = effect.date - timedelta(days=settings.link_days)
    candidates = []
    in_article = None
    for row in store.aggregates_with(effect.recipients, effect.actors) + _without_recipient(store, effect):
        if row.id == effect.id or row.status not in DONE or row.date is None:
            continue
        if not earliest <= row.date <= effect.date + timedelta(days=1):
            continue
        if types and row.event not in types:
            continue
        if not types and row.event != effect.event \
                and (quad_class(row) != INFERRED_QUAD_CLASS or quad_class(effect) < 3):
            continue  # "in kind": the same type; a conflict may also answer a material conflict
        if not types and effect.event == "THREATEN" and quad_class(row) != INFERRED_QUAD_CLASS:
            continue  # "will respond": a threat answers a deed, not the other side's threat
        if in_article is None:
            in_article = store.reported_in(claim.doc_id)
        same_article = row.id in in_article
        same_number = claim.cause_count is not None and claim.cause_count in store.counts_of(row.id)
        # a verdict with no cause named answers a deed rather than words ("Reykjavik reacted with fury" to the
        # freeze, not to the prime minister's words on it): two in three of the gold's verdicts answer deeds
        alike = quad_class(row) == INFERRED_QUAD_CLASS if effect.event == "ACCUSE" else row.event == effect.event
        same_code = row.cameo[:3] in bases or (not bases and alike)
        in_kind = row.cameo[:3] == effect.cameo[:3]  # "replied by expelling": the expulsion, not the sanctions
        # the row's id last: among events alike in all else, the same one whichever order they were stored in
        candidates.append(((same_article, same_number, same_code, in_kind, bool(row.recipients), row.date, row.id),
                           row))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]


def _without_recipient(store: Store, effect: AggregateRow) -> list[AggregateRow]:
    """Events by the effect's recipient that name no recipient ("Congress passed new sanctions")."""
    return store.aggregates_with(effect.recipients, "")


def _infer(store: Store, touched: set[str], settings: Settings) -> int:
    """Recompute the inferred links that start or end at a touched aggregate."""
    if not touched:
        return 0
    store.drop_inferred_links(touched)
    rows = list(store.aggregate_rows(touched))
    window = timedelta(days=settings.inferred_days)
    added = 0
    effects: dict[str, AggregateRow] = {}
    for row in rows:
        if not _counter_action(row):
            continue
        effects[row.id] = row
        for later in store.aggregates_with(row.recipients, row.actors, row.event):  # touched row as a cause
            if _counter_action(later) and later.date and row.date < later.date <= row.date + window:
                effects[later.id] = later
    for effect in effects.values():
        if store.has_stated_link(effect.id):
            continue
        found = _inferred_cause(store, effect, window)
        if found is not None:
            store.add_link(found)
            added += 1
    return added


def _inferred_cause(store: Store, effect: AggregateRow, window: timedelta) -> Link | None:
    candidates = [row for row in store.aggregates_with(effect.recipients, effect.actors, effect.event)
                  if _counter_action(row) and row.date and effect.date - window <= row.date < effect.date]
    if not candidates:
        return None
    cause = max(candidates, key=lambda row: (row.date, row.cameo[:3] == effect.cameo[:3], -row.number))
    return Link(effect=effect.id, cause=cause.id, type="inferred",
                score=load_model().score(features(store, effect, cause, None)))


def _counter_action(row: AggregateRow) -> bool:
    return (row.status in DONE and row.date is not None and bool(row.actors) and bool(row.recipients)
            and quad_class(row) == INFERRED_QUAD_CLASS)
