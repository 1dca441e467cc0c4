"""Where one process's time goes: CPU time per article of each pipeline component and coder stage.

    .venv/bin/python benchmarks/stages.py [--articles 300]

The corpus is that of benchmarks/throughput.py.  The documents are tokenized
and screened as the coder does, then run through the coder's pipeline one
component at a time (over all documents, in batches of 32) and through the
coder's stages one at a time; then spaCy's stock pipeline, component by
component, over the same texts.  CPU time of this process (``time.process_time``):
what other processes on the machine do changes it less than wall time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus  # noqa: E402

from detente.coder import STAGES, Coder, Work, run_stages  # noqa: E402
from detente.settings import Settings  # noqa: E402


def components(nlp, docs: list, times: Counter, prefix: str) -> list:
    for name, component in nlp.pipeline:
        began = time.process_time()
        docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
        times[f"{prefix} {name}"] += time.process_time() - began
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    documents = corpus(args.articles)
    coder = Coder()
    list(coder.code_all(documents[:10]))  # warm-up
    nlp, times = coder.resources.nlp, Counter()

    began = time.process_time()
    docs = [nlp.make_doc(d.text) for d in documents]
    times["detente tokenizer"] += time.process_time() - began
    began = time.process_time()
    for doc in docs:
        coder.screen.may_hold_events(doc)
    times["detente screen (fast path)"] += time.process_time() - began
    docs = components(nlp, docs, times, "detente")
    for document, doc in zip(documents, docs, strict=True):
        work = Work(document=document, parsed=doc)
        for stage in STAGES[1:]:
            began = time.process_time()
            run_stages(coder, work, [stage])
            times[f"detente stage {stage.name}"] += time.process_time() - began

    stock = spacy.load(Settings().model)  # spaCy's pipeline as installed
    list(stock.pipe(d.text for d in documents[:10]))
    began = time.process_time()
    docs = [stock.make_doc(d.text) for d in documents]
    times["spaCy tokenizer"] += time.process_time() - began
    components(stock, docs, times, "spaCy")

    per = 1000 / len(documents)
    print(f"{len(documents)} articles; CPU ms per article")
    for side in ("detente", "spaCy"):
        rows = sorted(((k, v) for k, v in times.items() if k.startswith(side + " ")), key=lambda kv: -kv[1])
        for name, seconds in rows:
            print(f"{name:45s} {seconds * per:7.2f}")
        print(f"{side + ' total':45s} {sum(v for _, v in rows) * per:7.2f}")


if __name__ == "__main__":
    main()
