"""Expected coder output for the bundled examples, kept as reviewed JSON files.

    python -m tests.golden        # (or `make golden`) rewrite tests/golden/*.json from the current coder

Review the diff before committing: each change is a change in what the coder
says about a real article.  ``tests/test_golden.py`` fails while the files and
the coder disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from detente import api

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).parent / "golden"


def summarise(record: dict) -> dict:
    """The fields a reviewer reads: what, who, to whom, when, how much, where, from which words."""
    size = record.get("size")
    place = record.get("event_loc")
    return {
        "sentence": record["sentence"],
        "trigger": record["trigger"],
        "event": record["event"],
        "cameo": record["cameo"],
        "status": record["status"],
        "actor": [e["country"] for e in record["actor"]],
        "recipient": [e["country"] for e in record["recipient"]],
        "date": record["date"],
        "size": [size["count"], size["unit"]] if size else None,
        "place": [place["country"], place["name"] if place["resolution"] != "country" else None, place["source"]]
        if place else None,
    }


def current() -> dict[str, list[dict]]:
    """Summaries of the coder's events (all statuses) per example article."""
    out: dict[str, list[dict]] = {path.stem: [] for path in sorted(EXAMPLES.iterdir()) if not path.name.startswith(".")}
    for event in api.code([str(EXAMPLES)], statuses=api.STATUSES):
        out[event.doc_id].append(summarise(event.to_dict()))
    return out


def write() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for stale in GOLDEN.glob("*.json"):
        stale.unlink()
    for doc_id, events in current().items():
        lines = ",\n".join(" " + json.dumps(event, ensure_ascii=False) for event in events)
        (GOLDEN / f"{doc_id}.json").write_text(f"[\n{lines}\n]\n" if events else "[]\n", encoding="utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {len(list(GOLDEN.glob('*.json')))} files in {GOLDEN}", file=sys.stderr)
