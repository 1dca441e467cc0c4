"""Evaluation: score the coder's events against gold, with the numbers of the shared scripts.

    gold.py        gold files (article JSON Lines, sentence JSON Lines, PLOVER JSON, PETRARCH XML) → ``Gold``
    measure.py     precision/recall/F1 from counts; reading prediction files
    articles.py    article-level scoring (``shared/eval/score.py``)
    sentences.py   sentence-level scoring (``shared/eval/sentences.py score``)

``evaluate`` is the call behind ``detente evaluate``: it reads a gold file,
reads a predictions file or codes the inputs itself, and scores at the
level of the gold.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import api
from ..errors import UsageError
from ..reciprocity.link_score import floor
from ..settings import Settings
from ..store import Store
from .articles import ArticleResult, ArticleScore, EventTuple, score_articles
from .gold import ARTICLE, FORMATS, SENTENCE, ArticleGold, Gold, GoldEvent, SentenceGold, SentenceGoldEvent, load_gold
from .links import LinkScore, score_links
from .measure import Measure, load_predictions
from .sentences import SentenceResult, SentenceScore, score_sentences

__all__ = [
    "ARTICLE", "FORMATS", "SENTENCE", "ArticleGold", "ArticleResult", "ArticleScore", "Evaluation", "EventTuple",
    "Gold", "GoldEvent", "Measure", "SentenceGold", "SentenceGoldEvent", "SentenceResult", "SentenceScore",
    "evaluate", "load_gold", "load_predictions", "score_articles", "score_sentences",
]


@dataclass(frozen=True)
class Evaluation:
    """The result of ``evaluate``: which gold, which predictions, and the score at the gold's level."""

    gold: Gold
    predictions: str | None
    score: ArticleScore | SentenceScore
    skipped: tuple[str, ...] = ()
    links: LinkScore | None = None  # article gold, coded here: its links against the links found

    @property
    def level(self) -> str:
        return self.gold.level

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """One JSON object: where the numbers come from, then the score's own ``to_dict``."""
        out = {"gold": self.gold.path, "format": self.gold.format, "level": self.level,
               "predictions": self.predictions, "coded": self.predictions is None,
               "skipped": list(self.skipped), **self.score.to_dict(details)}
        if self.links is not None:
            out["links"] = self.links.to_dict(details)
        return out


def evaluate(gold_path: str | Path, predictions_path: str | Path | None = None,
             inputs: Iterable[str] | None = None, settings: Settings | None = None,
             all_links: bool = False) -> Evaluation:
    """Score predictions against a gold file, at the gold's level (article or sentence); coding article gold's
    inputs, also its links (those shown, or with ``all_links`` every link made).

    With ``predictions_path``, the event records of that file are scored as
    they are (every status).  Without it, the coder codes the documents with
    ``detente.api.code`` (default statuses, ``settings``): the ``inputs``
    (paths, as for ``detente code``) when given, else the sentence gold's own
    texts (PLOVER JSON and PETRARCH XML carry them), each coded as a document
    whose id is the sentence id.  Inputs that cannot be read are listed in
    ``Evaluation.skipped``.
    """
    inputs = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(path) for path in inputs or []]
    if predictions_path is not None and inputs:
        raise UsageError("give either a predictions file or inputs to code, not both")
    gold = load_gold(gold_path)
    links = None
    if predictions_path is not None:
        records, skipped = load_predictions(predictions_path), ()
    elif gold.level == ARTICLE and inputs:
        records, skipped, links = _code_and_link(gold, inputs, settings, all_links)
    else:
        records, skipped = _code(gold, inputs, settings)
    score = score_articles(gold, records) if gold.level == ARTICLE else score_sentences(gold, records)
    return Evaluation(gold, str(predictions_path) if predictions_path is not None else None, score, skipped,
                      links)


def _code_and_link(gold: Gold, inputs: list[str], settings: Settings | None, all_links: bool
                   ) -> tuple[list[dict], tuple[str, ...], LinkScore]:
    """Code the inputs into a store of their own, as `detente code --db` does, so that the links found
    (stated and inferred) can be scored against the gold's links too: those shown, scored at least the link
    threshold, or all of them."""
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "evaluate.sqlite") as store:
        report = api.Report()
        events = list(api.code(inputs, settings=settings, report=report, store=store))
        links = score_links(gold.articles, store, store.links(floor=floor(all_links)))
    records = [event.to_dict() for event in events]
    return records, tuple(str(failure) for failure in report.failures), links


def _code(gold: Gold, inputs: list[str], settings: Settings | None) -> tuple[list[dict], tuple[str, ...]]:
    report = api.Report()
    if inputs:
        events = api.code(inputs, settings=settings, report=report)
    elif gold.has_texts:
        # The gold's sentences go through the same reader as a JSON Lines input, so that they are
        # cleaned and dated exactly as `detente code` would clean and date them.
        lines = "".join(json.dumps({"id": s.id, "date": s.date, "text": s.text}, ensure_ascii=False) + "\n"
                        for s in gold.sentences)
        events = api.code(["-"], settings=settings, report=report, stdin=io.StringIO(lines))
    else:
        what = "article gold" if gold.level == ARTICLE else "this sentence gold"
        raise UsageError(f"{gold.path}: {what} carries no texts; give the predictions file (--predictions) "
                         "or the documents to code")
    records = [event.to_dict() for event in events]
    return records, tuple(str(failure) for failure in report.failures)
