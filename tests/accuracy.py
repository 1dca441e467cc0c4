"""Accuracy on the development sets, scored by the shared evaluation scripts.

    python -m tests.accuracy seeds       # ../shared/corpus/seeds against seeds-dev.gold.jsonl
    python -m tests.accuracy examples    # examples/articles against examples/gold.jsonl
    python -m tests.accuracy second-set  # examples/second-set against its gold.jsonl
    python -m tests.accuracy plover-gsr  # the PLOVER gold-standard sentences
    python -m tests.accuracy sentences   # examples/sentences, our own sentence set

Each writes the coder's predictions to out/<set>.pred.jsonl and prints the
shared scorer's summary.  ``tests/test_accuracy.py`` runs the same functions
with recorded floors.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from detente import api

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "out"


def _shared_script(name: str, *args: str) -> str:
    """Run one of the shared evaluation scripts as users do, and return what it prints."""
    script = SHARED / "eval" / f"{name}.py"
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, check=True)
    return done.stdout


def _write(events, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    return path


def code_seeds() -> Path:
    """Code the seed articles with the publication dates of their gold (see shared/eval/README.md)."""
    gold = SHARED / "eval" / "seeds-dev.gold.jsonl"
    inputs = OUT / "seeds.input.jsonl"
    inputs.parent.mkdir(parents=True, exist_ok=True)
    with inputs.open("w", encoding="utf-8") as out:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = (SHARED / "corpus" / "seeds" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
                out.write(json.dumps({"id": record["doc_id"], "date": record["pub_date"], "text": text}) + "\n")
    return _write(api.code([str(inputs)]), OUT / "seeds.pred.jsonl")


def code_examples() -> Path:
    return _write(api.code([str(ROOT / "examples" / "articles")]), OUT / "examples.pred.jsonl")


def code_second_set() -> Path:
    return _write(api.code([str(ROOT / "examples" / "second-set" / "articles.jsonl")]), OUT / "second-set.pred.jsonl")


def code_sentences() -> Path:
    return _write(api.code([str(ROOT / "examples" / "sentences" / "input.jsonl")]), OUT / "sentences.pred.jsonl")


def code_plover_gsr() -> Path:
    source = SHARED / "eval" / "plover-gsr" / "plover_gsr.input.jsonl"
    return _write(api.code([str(source)]), OUT / "plover-gsr.pred.jsonl")


def score_articles(gold: Path, predictions: Path) -> dict:
    """The shared article-level scorer's precision, recall and F1."""
    return json.loads(_shared_script("score", str(gold), str(predictions), "--json"))


SENTENCE_SCORES = re.compile(r"type P (?P<type_p>[\d.]+) R (?P<type_r>[\d.]+) F1 (?P<type_f1>[\d.]+)\s+"
                             r"triple P (?P<triple_p>[\d.]+) R (?P<triple_r>[\d.]+) F1 (?P<triple_f1>[\d.]+)")


def score_sentences(gold: Path, predictions: Path) -> dict:
    """The shared sentence-level scorer's type and actor-recipient-type triple scores."""
    report = _shared_script("sentences", "score", str(gold), str(predictions)).strip()
    found = SENTENCE_SCORES.search(report)
    if found is None:
        raise ValueError(f"unexpected output of sentences.py: {report!r}")
    scores = {key: float(value) for key, value in found.groupdict().items()}
    scores["report"] = report
    return scores


SETS = {
    "seeds": lambda: score_articles(SHARED / "eval" / "seeds-dev.gold.jsonl", code_seeds()),
    "examples": lambda: score_articles(ROOT / "examples" / "gold.jsonl", code_examples()),
    "second-set": lambda: score_articles(ROOT / "examples" / "second-set" / "gold.jsonl", code_second_set()),
    "plover-gsr": lambda: score_sentences(SHARED / "eval" / "plover-gsr" / "plover_gsr.gold.jsonl",
                                          code_plover_gsr()),
    "sentences": lambda: score_sentences(ROOT / "examples" / "sentences" / "gold.jsonl", code_sentences()),
}


def main(argv: list[str]) -> int:
    names = argv or list(SETS)
    for name in names:
        if name not in SETS:
            print(f"unknown set {name!r}; choose from {', '.join(SETS)}", file=sys.stderr)
            return 2
        print(name, json.dumps(SETS[name]()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
