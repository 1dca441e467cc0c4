"""Fit the confidence model on the development sets and write its calibration (``make calibrate``).

    python -m tests.calibrate     # writes detente/data/confidence.json and docs/calibration.md

The sets are the article gold of ``tests.accuracy`` (seeds, examples, second set, blind sets).  Every
number written to docs/calibration.md is measured on a set the model that gave it was not fitted on
(``detente.evaluate.calibrate.cross_validated``); the file written to the package is fitted on all of
them.  Review both diffs before committing, as for golden files.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from detente import confidence
from detente.coder import Coder
from detente.evaluate import calibrate
from detente.evaluate.gold import load_gold
from detente.ingest import read_inputs
from detente.settings import Settings

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
    for folder in sorted((ROOT / "examples").glob("blind-*")):
        sets[folder.name] = (folder / "articles.jsonl", folder / "gold.jsonl")
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
    CALIBRATION_DOC.write_text(report(per_set, held_out), encoding="utf-8")
    print(f"wrote {confidence.CALIBRATION} and {CALIBRATION_DOC}")
    return 0


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


if __name__ == "__main__":
    sys.exit(main())
