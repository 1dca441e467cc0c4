"""Fit the confidence model on the development sets and write its calibration (``make calibrate``).

    python -m tests.calibrate     # writes detente/data/confidence.json and docs/calibration.md

It also fits the link score (``detente/data/link_score.json``) on stores coded from the same sets.
The sets are the article gold of ``tests.accuracy`` (seeds, examples, second set, blind sets).  Every
number written to docs/calibration.md is measured on a set the model that gave it was not fitted on
(``detente.evaluate.calibrate.cross_validated``); the file written to the package is fitted on all of
them.  Review both diffs before committing, as for golden files.
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from detente import api, confidence
from detente.coder import Coder
from detente.evaluate import calibrate
from detente.evaluate.gold import load_gold
from detente.ingest import read_inputs
from detente.reciprocity import link_score
from detente.settings import Settings
from detente.store import Store

from . import accuracy

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION_DOC = ROOT / "docs" / "calibration.md"
WRITTEN = ("actual", "planned")  # the statuses `detente code` writes by default


def article_sets() -> dict[str, tuple[Path, Path]]:
    """Each article set's inputs and gold."""
    sets = {
        "seeds": (accuracy.seed_inputs(), accuracy.SHARED / "eval" / "seeds-dev.gold.jsonl"),
        "examples": (ROOT / "examples" / "articles", ROOT / "examples" / "gold.jsonl"),
        "second-set": (ROOT / "examples" / "second-set" / "articles.jsonl", ROOT / "examples" / "second-set" / "gold.jsonl"),
    }
    for name in accuracy.blind_sets():
        folder = ROOT / "examples" / name
        sets[name] = (folder / "articles.jsonl", folder / "gold.jsonl")
    return sets


def coded(coder: Coder, inputs: Path):
    """Each document's written events with its parse."""
    documents = [item for item in read_inputs([str(inputs)]) if not isinstance(item, Exception)]
    for work in coder.work_all(documents):
        yield [e for e in work.events or [] if e.status in WRITTEN], work.parsed, work.document.date


def main() -> int:
    # the coder loads the packaged model; the events are coded before it is refitted, whatever it holds
    confidence.CALIBRATION.write_text(json.dumps({"intercept": 0.0, "weights": {}}) + "\n", encoding="utf-8")
    confidence.load_calibration.cache_clear()
    coder = Coder(Settings())
    per_set = {}
    for name, (inputs, gold_path) in article_sets().items():
        gold = load_gold(gold_path).articles
        documents = list(coded(coder, inputs))
        per_set[name] = (gold, documents, calibrate.samples(name, gold, documents))
    everything = [sample for _gold, _documents, found in per_set.values() for sample in found]
    held_out = calibrate.cross_validated(everything)
    final = calibrate.fit(everything)
    data = {"intercept": final.intercept, "weights": final.weights, "fitted_on": list(final.fitted_on),
            "fitted": date.today().isoformat(), "features": list(confidence.FEATURES)}
    confidence.CALIBRATION.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    confidence.load_calibration.cache_clear()
    with tempfile.TemporaryDirectory() as folder:
        links = fit_links(Path(folder))
    CALIBRATION_DOC.write_text(report(per_set, held_out) + links, encoding="utf-8")
    print(f"wrote {confidence.CALIBRATION}, {link_score.MODEL} and {CALIBRATION_DOC}")
    return 0


def fit_links(folder: Path) -> str:
    """Fit the link score on stores coded from every set (with the confidence model just fitted, which the
    links' features read); write its data file and return its section of docs/calibration.md."""
    link_score.MODEL.write_text(json.dumps({"intercept": 0.0, "weights": {}, "threshold": 0.0}) + "\n",
                                encoding="utf-8")
    link_score.load_model.cache_clear()
    stores, found = {}, []
    for name, (inputs, gold_path) in article_sets().items():
        store = Store.open(str(folder / f"{name}.sqlite"))
        for _event in api.code([str(inputs)], store=store):
            pass
        gold = load_gold(gold_path).articles
        stores[name] = (gold, store)
        found += calibrate.link_samples(name, gold, store)
    samples = [sample for sample, _link in found]
    held_out = calibrate.cross_validated(samples, link_score.FEATURES)
    scores = {(sample.set_name, link): scored.confidence for (sample, link), scored in zip(found, held_out, strict=True)}
    threshold = calibrate.best_link_threshold(stores, scores)
    final = calibrate.fit(samples, names=link_score.FEATURES)
    data = {"intercept": final.intercept, "weights": final.weights, "threshold": threshold,
            "fitted_on": list(final.fitted_on), "fitted": date.today().isoformat()}
    link_score.MODEL.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    link_score.load_model.cache_clear()
    section = link_report(stores, held_out, scores, threshold)
    for _gold, store in stores.values():
        store.close()
    return section


def report(per_set: dict, held_out: list[calibrate.Sample]) -> str:
    """docs/calibration.md: reliability and trade-offs per set, each from a model fitted on the other sets."""
    lines = [
        "# Calibration of `confidence`",
        "",
        "Written by `make calibrate` (`python -m tests.calibrate`); do not edit by hand.  Each number comes",
        "from a model fitted on the *other* sets (leave one set out), so none measures a set the model saw.",
        "A sample is one (actor, recipient, type, date) tuple of an event that `detente code` writes,",
        "right when it matches a gold event of its article (core or optional) as the article scorer",
        "matches.  ECE: expected calibration error, the gap between confidence and precision, weighted",
        "by the number of samples per bin.",
        "",
    ]
    sets = list(per_set)
    pooled_bins, pooled_error = calibrate.reliability(held_out)
    lines += [f"**Pooled over {', '.join(sets)}:** {len(held_out)} samples, ECE {pooled_error:.3f}.", ""]
    lines += _bins_table(pooled_bins)
    for name in sets:
        gold, documents, _found = per_set[name]
        scored = [s for s in held_out if s.set_name == name]
        bins, error = calibrate.reliability(scored)
        lines += ["", f"## {name}", "", f"{len(scored)} samples, ECE {error:.3f}.", ""]
        lines += _bins_table(bins)
        model = calibrate.fit([s for s in held_out if s.set_name != name])
        events = [e for found, doc, published in documents
                  for e in confidence.with_confidence(found, doc, model, published)]
        lines += ["", "| kept at confidence ≥ | precision | recall |", "|---|---|---|"]
        everything = calibrate.trade_off(gold, events, 0.0)
        lines.append(f"| (all) | {everything[0]:.2f} | {everything[1]:.2f} |")
        for threshold in calibrate.THRESHOLDS:
            precision, recall = calibrate.trade_off(gold, events, threshold)
            lines.append(f"| {threshold} | {precision:.2f} | {recall:.2f} |")
    return "\n".join(lines) + "\n"


def _bins_table(bins: list[calibrate.Bin]) -> list[str]:
    rows = ["| confidence | samples | mean confidence | precision |", "|---|---|---|---|"]
    rows += [f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.mean_confidence:.2f} | {b.precision:.2f} |" for b in bins]
    return rows



def link_report(stores: dict, held_out: list[calibrate.Sample], scores: dict, threshold: float) -> str:
    """The link score's section of docs/calibration.md: reliability, and link precision and recall with every
    link and with the links at or above the threshold, each set scored by a model fitted on the others."""
    bins, error = calibrate.reliability(held_out)
    lines = ["", "# Calibration of the link `score`", "",
             f"A sample is one link of a store coded from a set, right when it joins events reporting the effect",
             f"and the cause of a gold link (`detente evaluate`).  Pooled: {len(held_out)} links, ECE {error:.3f}.",
             f"Threshold (best pooled link F1, each set scored by a model fitted on the others): **{threshold:g}**;",
             "links scored below it are shown only with `--all-links`.", ""]
    lines += _bins_table(bins)
    lines += ["", "| set | links made | right | P / R / F1, every link | P / R / F1, at the threshold |",
              "|---|---|---|---|---|"]
    for name, (gold, store) in stores.items():
        mine = [(link, score) for (held, link), score in scores.items() if held == name]
        every = calibrate.link_trade_off(gold, store, [link for link, _score in mine])
        kept = calibrate.link_trade_off(gold, store, [link for link, score in mine if score >= threshold])
        right = sum(s.right for s in held_out if s.set_name == name)
        lines.append(f"| {name} | {len(mine)} | {right} | {_prf(every)} | {_prf(kept)} |")
    return "\n".join(lines) + "\n"


def _prf(measure) -> str:
    return f"{measure.precision:.2f} / {measure.recall:.2f} / {measure.f1:.2f}"


if __name__ == "__main__":
    sys.exit(main())
