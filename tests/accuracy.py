"""Accuracy on the development sets, scored by the shared evaluation scripts.

    python -m tests.accuracy seeds       # ../shared/corpus/seeds against seeds-dev.gold.jsonl
    python -m tests.accuracy examples    # examples/articles against examples/gold.jsonl
    python -m tests.accuracy second-set  # examples/second-set against its gold.jsonl
    python -m tests.accuracy plover-gsr  # the PLOVER gold-standard sentences
    python -m tests.accuracy sentences   # examples/sentences, our own sentence set
    python -m tests.accuracy blind-1     # a blind set of examples/, scored at first sight once (docs/accuracy.md)
    python -m tests.accuracy agreement examples/blind-1   # the two annotators of a blind set, each against the other

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


def seed_inputs() -> Path:
    """The seed articles as JSON Lines documents with the publication dates of their gold
    (see shared/eval/README.md)."""
    gold = SHARED / "eval" / "seeds-dev.gold.jsonl"
    inputs = OUT / "seeds.input.jsonl"
    inputs.parent.mkdir(parents=True, exist_ok=True)
    with inputs.open("w", encoding="utf-8") as out:
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = (SHARED / "corpus" / "seeds" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
                out.write(json.dumps({"id": record["doc_id"], "date": record["pub_date"], "text": text}) + "\n")
    return inputs


def code_seeds() -> Path:
    return _write(api.code([str(seed_inputs())]), OUT / "seeds.pred.jsonl")


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


def gold_as_predictions(gold: Path, out: Path) -> Path:
    """One annotator's core events written as event records, to score against another's gold."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as stream:
        for article in _read_jsonl(gold):
            for event in article["events"]:
                if event.get("status", "core") != "core":
                    continue
                record = {"doc_id": article["doc_id"], "event": event["event"], "date": event.get("date"),
                          "actor": [{"country": c} for c in event["source"]],
                          "recipient": [{"country": c} for c in event["target"]]}
                stream.write(json.dumps(record) + "\n")
    return out


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _corresponds(first: dict, second: dict) -> bool:
    """Whether two annotators' events are the same event: a shared pair of states, a type either accepts, and
    dates within the larger tolerance (or one of them unknown)."""
    def pairs(event: dict) -> set[tuple[str, str]]:
        found = {(s, t) for s in event["source"] for t in event["target"]}
        return found | {(t, s) for s, t in found} if event.get("symmetric") else found

    def types(event: dict) -> set[str]:
        return {event["event"], *event.get("event_alt", [])}

    if not pairs(first) & pairs(second) or not types(first) & types(second):
        return False
    if not first.get("date") or not second.get("date"):
        return True
    from datetime import date
    days = abs((date.fromisoformat(first["date"]) - date.fromisoformat(second["date"])).days)
    return days <= max(first.get("date_tolerance", 1), second.get("date_tolerance", 1))


def link_agreement(gold: Path, other: Path) -> dict:
    """How many of ``gold``'s links the other annotator also wrote (recall), and of the other's links how many
    ``gold`` has (precision): a link is the same when its effect and its cause are the same events."""
    def found(links_of: dict, events_of: dict, doc: str, link: dict, events: dict) -> bool:
        effect, cause = events[link["effect"]], events[link["cause"]]
        return any(_corresponds(effect, events_of[doc][theirs["effect"]])
                   and _corresponds(cause, events_of[doc][theirs["cause"]]) for theirs in links_of.get(doc, []))

    def index(path: Path) -> tuple[dict, dict]:
        articles = _read_jsonl(path)
        return ({a["doc_id"]: a.get("links", []) for a in articles},
                {a["doc_id"]: {e["id"]: e for e in a["events"]} for a in articles})

    (links_a, events_a), (links_b, events_b) = index(gold), index(other)
    hits_a = sum(found(links_b, events_b, doc, link, events_a[doc]) for doc, links in links_a.items() for link in links)
    hits_b = sum(found(links_a, events_a, doc, link, events_b[doc]) for doc, links in links_b.items() for link in links)
    total_a, total_b = sum(map(len, links_a.values())), sum(map(len, links_b.values()))
    precision, recall = (hits_b / total_b if total_b else 0.0), (hits_a / total_a if total_a else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "links": total_a, "other_links": total_b}


def agreement(folder: Path) -> dict:
    """Two annotators of a blind set (``gold-a.jsonl``, ``gold-b.jsonl``), each scored against the other with
    the shared article scorer, and their links."""
    first, second = folder / "gold-a.jsonl", folder / "gold-b.jsonl"
    name = folder.name
    return {
        "b_against_a": score_articles(first, gold_as_predictions(second, OUT / f"{name}.gold-b.pred.jsonl")),
        "a_against_b": score_articles(second, gold_as_predictions(first, OUT / f"{name}.gold-a.pred.jsonl")),
        "links_b_against_a": link_agreement(first, second),
    }


def code_blind(name: str) -> Path:
    return _write(api.code([str(ROOT / "examples" / name / "articles.jsonl")]), OUT / f"{name}.pred.jsonl")


def blind_sets() -> list[str]:
    """The blind sets of examples/ (blind-1, blind-2 …): development data once scored at first sight."""
    names = [folder.name for folder in (ROOT / "examples").glob("blind-*") if (folder / "gold.jsonl").is_file()]
    return sorted(names, key=lambda name: int(name.rsplit("-", 1)[1]))  # blind-9 before blind-10


SETS = {
    "seeds": lambda: score_articles(SHARED / "eval" / "seeds-dev.gold.jsonl", code_seeds()),
    "examples": lambda: score_articles(ROOT / "examples" / "gold.jsonl", code_examples()),
    "second-set": lambda: score_articles(ROOT / "examples" / "second-set" / "gold.jsonl", code_second_set()),
    "plover-gsr": lambda: score_sentences(SHARED / "eval" / "plover-gsr" / "plover_gsr.gold.jsonl",
                                          code_plover_gsr()),
    "sentences": lambda: score_sentences(ROOT / "examples" / "sentences" / "gold.jsonl", code_sentences()),
    **{name: (lambda name=name: score_articles(ROOT / "examples" / name / "gold.jsonl", code_blind(name)))
       for name in blind_sets()},
}


def main(argv: list[str]) -> int:
    if argv[:1] == ["agreement"]:
        for folder in argv[1:]:
            print(folder, json.dumps(agreement(Path(folder))))
        return 0
    names = argv or list(SETS)
    for name in names:
        if name not in SETS:
            print(f"unknown set {name!r}; choose from {', '.join(SETS)}", file=sys.stderr)
            return 2
        print(name, json.dumps(SETS[name]()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
