"""Scoring links: the action → reaction pairs of article gold against the store's links.

A gold event is *reported* by an aggregated event when one of the
aggregate's mentions in that article matches it as article scoring matches
a tuple (states, type or alternative, date within the tolerance).  A gold
link is found when some link of the store goes from an aggregate reporting
its effect to one reporting its cause, stated (``responds_to``) or inferred:
whether the article states the answer with a cue or not, the link says what
answered what.  The extras are the stated links whose evidence sentence is in a
gold article, and the inferred links whose effect a gold article reports, that
match none of its gold links.  Precision is over those links, recall over all
gold links; ``LinkScore.measure_of`` gives stated and inferred links apart, and
``LinkScore.cued`` recall over the gold links with a cue alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Link
from ..store import Mention, Store
from .articles import accepted_types, in_window, norm_type, parse_date, readings
from .gold import ArticleGold, GoldEvent, GoldLink
from .measure import Measure


@dataclass(frozen=True)
class LinkResult:
    """One gold link and whether the store has it."""

    doc_id: str
    gold: GoldLink
    found: bool
    effect: str
    cause: str
    found_by: tuple[str, ...] = ()  # the types of the links that join its effect to its cause


@dataclass(frozen=True)
class LinkScore:
    """Gold links found and missed; links of the gold articles that are right or extra."""

    results: tuple[LinkResult, ...]
    correct: tuple[Link, ...]
    extras: tuple[Link, ...]

    @property
    def measure(self) -> Measure:
        """Stated and inferred links together."""
        return Measure(correct=len(self.correct), predicted=len(self.correct) + len(self.extras),
                       found=sum(r.found for r in self.results), gold=len(self.results))

    def measure_of(self, kind: str) -> Measure:
        """The links of one type (``responds_to`` or ``inferred``) alone: the gold links they find, and how
        many of them are right."""
        correct = [link for link in self.correct if link.type == kind]
        extras = [link for link in self.extras if link.type == kind]
        return Measure(correct=len(correct), predicted=len(correct) + len(extras),
                       found=sum(kind in r.found_by for r in self.results), gold=len(self.results))

    @property
    def cued(self) -> Measure:
        """Every link made, against the gold links the article states with a cue ("in retaliation for"): the
        gold format's links. Annotators of later sets also link reactions that no words tie to what they
        answer (no cue); a link made that matches one of those is right here too, but recall is over the
        cued ones."""
        cued = [r for r in self.results if r.gold.cue]
        return Measure(correct=len(self.correct), predicted=len(self.correct) + len(self.extras),
                       found=sum(r.found for r in cued), gold=len(cued))

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        out = {"links": self.measure.to_dict(), "stated": self.measure_of("responds_to").to_dict(),
               "inferred": self.measure_of("inferred").to_dict(), "cued": self.cued.to_dict()}
        if details:
            out["missed"] = [{"doc_id": r.doc_id, "effect": r.effect, "cause": r.cause, "cue": r.gold.cue}
                             for r in self.results if not r.found]
            out["extras"] = [{"doc_id": link.doc_id, "cue": link.cue, "evidence": link.evidence}
                             for link in self.extras]
        return out


def score_links(articles: tuple[ArticleGold, ...], store: Store, links: Sequence[Link] | None = None) -> LinkScore:
    """Score the store's links (or ``links`` of it) against the links of article gold whose documents are in
    the store."""
    mentions = _mentions_by_document(store)
    links = store.links() if links is None else links
    results: list[LinkResult] = []
    used: set[tuple[str, str, str]] = set()
    for article in articles:
        if article.doc_id not in mentions:
            continue
        events = {e.id: e for e in article.events}
        for gold in article.links:
            effects = _reporting(events[gold.effect], mentions[article.doc_id], store)
            causes = _reporting(events[gold.cause], mentions[article.doc_id], store)
            hits = [link for link in links if link.effect in effects and link.cause in causes]
            used.update((link.effect, link.cause, link.type) for link in hits)
            results.append(LinkResult(article.doc_id, gold, bool(hits), _describe(events[gold.effect]),
                                      _describe(events[gold.cause]), tuple(sorted({link.type for link in hits}))))
    gold_docs = {article.doc_id for article in articles}
    reported = {aggregate for found in mentions.values() for aggregate, _mention in found}
    # a stated link speaks in a gold article; an inferred link counts when its effect is reported in one
    scored = [link for link in links if (link.type == "responds_to" and link.doc_id in gold_docs)
              or (link.type == "inferred" and link.effect in reported)]
    correct = tuple(link for link in scored if (link.effect, link.cause, link.type) in used)
    extras = tuple(link for link in scored if (link.effect, link.cause, link.type) not in used)
    return LinkScore(tuple(results), correct, extras)


def _mentions_by_document(store: Store) -> dict[str, list[tuple[str, Mention]]]:
    out: dict[str, list[tuple[str, Mention]]] = {}
    for row in store.aggregate_rows():
        for mention in store.mentions_of(row.id):
            out.setdefault(mention.doc_id, []).append((row.id, mention))
    return out


def _reporting(gold: GoldEvent, mentions: list[tuple[str, Mention]], store: Store) -> set[str]:
    """Aggregates with a mention in the article that matches the gold event."""
    pairs, types = readings(gold), accepted_types(gold)
    found = set()
    for aggregate, mention in mentions:
        if norm_type(mention.event) not in types or not in_window(parse_date(mention.date and str(mention.date)), gold):
            continue
        actors = [e.get("country") for e in mention.record["actor"]]
        recipients = [e.get("country") for e in mention.record["recipient"]]
        if any((str(a).upper(), str(r).upper()) in pairs for a in actors for r in recipients if a and r):
            found.add(aggregate)
    return found


def _describe(event: GoldEvent) -> str:
    return f"{event.id} {'+'.join(event.source)}→{'+'.join(event.target)} {event.event} {event.date or ''}".strip()
