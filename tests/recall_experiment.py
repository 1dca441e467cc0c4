"""Would a learned component find the events the rules miss?  An experiment, scored leave one set out.

    python -m tests.recall_experiment      # needs scikit-learn (the test extra)

Half the core events the coder misses on a blind set have no prediction near them at all (no tuple
with their states, or their type, on their day): a construction no rule reads.  Rules written for the
misses of one blind set carried little to the next (docs/accuracy.md), so this asks whether a model
trained on the gold of the other sets does better.

A candidate is one sentence with an ordered pair of states: both named in the sentence (a term of the
knowledge base naming one country), or one named and the other one of the story's two main parties.
Its label is the type of the gold event of its article with that source and target whose evidence is
in the sentence, else NONE.  Its features are the sentence's lemmas, the dependency relations and
heads of the two states' names, the lemma of the sentence's root, and the types the rules found in the
sentence.  A logistic regression is fitted on every set but one blind set; on that set, each candidate
whose best type other than NONE has at least the threshold's probability is added to the rules'
events (dated as the rules' first event of the sentence, else on the story's day), and the set is
scored with and without the additions.  Nothing here is used by the coder.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span

from detente.coder import Coder, Work, _told_from
from detente.evaluate.articles import score_articles
from detente.evaluate.gold import ArticleGold, load_gold
from detente.ingest import read_inputs
from detente.settings import Settings

from .calibrate import WRITTEN, article_sets

THRESHOLDS = (0.5, 0.7, 0.9)
NONE = "NONE"


@dataclass(frozen=True)
class Candidate:
    """A sentence and an ordered pair of states, with what the gold says of them."""

    doc_id: str
    source: str
    target: str
    label: str
    features: dict[str, int]
    day: str | None


def states_named(work: Work, sent: Span) -> dict[str, list]:
    """The countries the knowledge base's terms in ``sent`` name unambiguously, with each name's last token."""
    named = defaultdict(list)
    for match in work.resolver.matches:
        countries = {term.country for term in match.terms if term.country}
        if sent.start <= match.start < sent.end and len(countries) == 1:
            named[countries.pop()].append(work.parsed[match.end - 1])
    return named


def features(sent: Span, named: dict[str, list], source: str, target: str, found: set[str]) -> dict[str, int]:
    """What the model reads of one candidate."""
    out = {f"word:{t.lemma_.lower()}": 1 for t in sent if t.is_alpha and not t.is_stop}
    for role, country in (("source", source), ("target", target)):
        for token in named.get(country, ()):
            out[f"{role}.dep:{token.dep_}"] = 1
            out[f"{role}.head:{token.dep_}:{token.head.lemma_.lower()}"] = 1
            if token.head.dep_.startswith("nsubj") or token.dep_.startswith("nsubj"):
                verb = token.head if token.dep_.startswith("nsubj") else token.head.head
                out[f"{role}.verb:{verb.lemma_.lower()}"] = 1
    if target not in named:
        out["target:story"] = 1
    out[f"root:{sent.root.lemma_.lower()}"] = 1
    out.update({f"rules:{name}": 1 for name in found} or {"rules:none": 1})
    return out


def candidates(work: Work, gold: ArticleGold) -> list[Candidate]:
    """Every candidate of one coded document."""
    events = [e for e in work.events or [] if e.status in WRITTEN]
    found, dated = defaultdict(set), {}
    for event in events:
        found[event.sentence].add(event.event)
        dated.setdefault(event.sentence, event.date.isoformat() if event.date else None)
    story = [e.country for e in work.resolver.discourse.pair()]
    day = _told_from(work.document).date
    out = []
    for index, sent in enumerate(work.parsed.sents):
        named = states_named(work, sent)
        told = [e for e in gold.events if e.evidence and e.evidence[:40].strip() in sent.text]
        for source in named:
            for target in [*named, *(c for c in story if c not in named)]:
                if source != target:
                    label = next((e.event for e in told if source in e.source and target in e.target), NONE)
                    out.append(Candidate(work.document.id, source, target, label,
                                         features(sent, named, source, target, found[index]),
                                         dated.get(index, day.isoformat() if day else None)))
    return out


def collect(coder: Coder, inputs: Path, gold_path: Path) -> tuple[list, list[Candidate]]:
    """The rules' written events of one set, and its candidates."""
    gold = {article.doc_id: article for article in load_gold(gold_path).articles}
    documents = [item for item in read_inputs([str(inputs)]) if not isinstance(item, Exception)]
    events, found = [], []
    for work in coder.work_all(documents):
        if work.parsed is not None and work.document.id in gold:
            events += [e.to_dict() for e in work.events or [] if e.status in WRITTEN]
            found += candidates(work, gold[work.document.id])
    return events, found


def added(model, vectorizer, found: list[Candidate], threshold: float) -> list[dict]:
    """Records for the candidates the model gives a type other than NONE with ``threshold`` or more."""
    classes = list(model.classes_)
    out = []
    for candidate, row in zip(found, model.predict_proba(vectorizer.transform([c.features for c in found])),
                              strict=True):
        best = max((p, name) for p, name in zip(row, classes, strict=True) if name != NONE)
        if best[0] >= threshold:
            out.append({"doc_id": candidate.doc_id, "date": candidate.day, "event": best[1],
                        "actor": [{"country": candidate.source}], "recipient": [{"country": candidate.target}]})
    return out


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    coder = Coder(Settings())
    sets = {name: (collect(coder, inputs, gold), gold) for name, (inputs, gold) in article_sets().items()}
    print("set        threshold  added  precision  recall  F1  (rules alone first)")
    for name in (n for n in sets if n.startswith("blind-")):
        training = [c for other, ((_e, found), _g) in sets.items() if other != name for c in found]
        vectorizer = DictVectorizer()
        model = LogisticRegression(max_iter=3000).fit(vectorizer.fit_transform([c.features for c in training]),
                                                      [c.label for c in training])
        (events, found), gold_path = sets[name]
        gold = load_gold(gold_path)
        alone = score_articles(gold, events).overall
        print(f"{name:10} {'rules':>9} {0:6d} {alone.precision:10.3f} {alone.recall:7.3f} {alone.f1:.3f}")
        for threshold in THRESHOLDS:
            extra = added(model, vectorizer, found, threshold)
            both = score_articles(gold, events + extra).overall
            print(f"{name:10} {threshold:9.1f} {len(extra):6d} {both.precision:10.3f} {both.recall:7.3f} {both.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
