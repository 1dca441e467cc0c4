"""Throughput of `detente code` into the SQLite store, against spaCy's own full pipeline on the same texts.

    .venv/bin/python benchmarks/throughput.py [--articles 2000] [--workers 1 2] [--off-topic 0.5]

The corpus is generated from the bundled examples: each article is repeated
with a numbered line added, so that every text is new to the store (the store
skips texts it has seen).  ``--off-topic SHARE`` replaces that share of the
articles by our off-topic texts (tests/fixtures/off_topic: weather, recipes,
sport …), as in a real news stream, where the fast path skips the parse of
the texts that name no actor.  For each number of workers the script codes the
whole corpus into a fresh store (`detente.api.code`, as `detente code --db`
does, including the reciprocity update) and reports articles/s, words/s, the
ratio to the baseline, and the peak resident memory and CPU time of the coding
processes.  The baseline is `nlp.pipe` of spaCy's full pipeline as installed,
over the same texts in the same run: on one process, and on as many processes
as the most workers asked for (``n_process``, which shows what this machine
gives two processes side by side).  Finally it times a worker's start-up, spawned
and forked from the forkserver, and one article coded after warm-up (the path
of `POST /api/code`).
"""

from __future__ import annotations

import argparse
import multiprocessing.forkserver
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import spacy

from detente import api, batch
from detente.ingest import read_inputs
from detente.records import Document
from detente.settings import Settings
from detente.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
OFF_TOPIC = ROOT / "tests" / "fixtures" / "off_topic"


def corpus(n: int, off_topic: float = 0.0) -> list[Document]:
    """``n`` articles, every text new; a share ``off_topic`` of them (evenly spread) from the off-topic texts."""
    originals = [d for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]
    others = [d for d in read_inputs([str(OFF_TOPIC)]) if isinstance(d, Document)]
    out = []
    for i in range(n):
        pool = others if int((i + 1) * off_topic) > int(i * off_topic) else originals
        base = pool[i % len(pool)]
        out.append(Document(id=f"{base.id}-{i}", text=f"{base.text}\n\nArchive copy {i}.", date=base.date,
                            date_source=base.date_source, source=base.source))
    return out


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _children_cpu() -> float:
    """CPU seconds used by the finished child processes (the workers of a finished run)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


STARTUP = "import time; began = time.perf_counter(); from detente.coder import Coder; Coder(); " \
          "print(time.perf_counter() - began)"


def startup() -> float:
    """Seconds a new process takes to import detente and load a coder, as a spawned worker does (median of 3)."""
    times = sorted(float(subprocess.run([sys.executable, "-c", STARTUP], capture_output=True, text=True,
                                        check=True).stdout) for _ in range(3))
    return times[1]


def pool_startup() -> float:
    """Seconds from asking a pool for a worker to its coder loaded, the forkserver (if any) running: what a
    worker forked from it adds to a run (median of 3)."""
    context, times = batch.worker_context(), []
    if context.get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()
    for _ in range(3):
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            began = time.perf_counter()
            pool.submit(batch.code_chunk, Settings(), []).result()  # loads the coder and codes nothing
            times.append(time.perf_counter() - began)
    return sorted(times)[1]


def stop_forkserver() -> None:
    """End the forkserver, as a command ends with its run: the next run starts its own, and the CPU time and
    memory of its workers (children of the forkserver) reach this process's count of its children."""
    stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)  # private; no public way in 3.11
    if stop is not None:
        stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--off-topic", type=float, default=0.0, help="share of off-topic articles (0 to 1)")
    args = parser.parse_args()
    documents = corpus(args.articles, args.off_topic)
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} articles ({args.off_topic:.0%} off-topic), {words} words, {os.cpu_count()} cores")

    nlp = spacy.load(Settings().model)  # spaCy's own pipeline, as installed: none of detente's changes
    list(nlp.pipe(d.text for d in documents[:20]))  # warm-up
    baselines, baseline_cpu = {}, {}
    for processes in sorted({1, max(args.workers)}):
        began, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        for _ in nlp.pipe((d.text for d in documents), batch_size=32, n_process=processes):
            pass
        baselines[processes] = time.perf_counter() - began
        baseline_cpu[processes] = time.process_time() - cpu + _children_cpu() - children
        print(f"baseline: spaCy full pipeline (nlp.pipe), {processes} process(es): "
              f"{len(documents) / baselines[processes]:.1f} articles/s, {words / baselines[processes]:,.0f} words/s, "
              f"CPU {1000 * baseline_cpu[processes] / len(documents):.1f} ms per article, "
              f"in {baselines[processes]:.2f} s")
    baseline = baselines[1]

    rates = {}
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as folder:
            folder_path = Path(folder)
            inputs = folder_path / "corpus.jsonl"
            import json
            with inputs.open("w", encoding="utf-8") as out:
                for d in documents:
                    out.write(json.dumps({"id": d.id, "text": d.text, "date": d.date.isoformat() if d.date else None,
                                          "source": d.source}) + "\n")
            began, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
            with Store.open(folder_path / "bench.sqlite") as store:
                report = api.Report()
                coded_at = [began]

                def note(_report, coded_at=coded_at):
                    coded_at[0] = time.perf_counter()

                for _ in api.code([str(inputs)], store=store, report=report, workers=workers, on_document=note):
                    pass
                update_took = time.perf_counter() - coded_at[0]  # after the last document: the reciprocity update
                parsed = store.connection.execute("SELECT COUNT(DISTINCT document) FROM sentences").fetchone()[0]
            took, writer_cpu = time.perf_counter() - began, time.process_time() - cpu
            stop_forkserver()
            workers_cpu = _children_cpu() - children
        rates[workers] = len(documents) / took
        memory = peak_mb(resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN)
        print(f"detente code --db, {workers} worker(s): {rates[workers]:.1f} articles/s in {took:.2f} s, "
              f"{words / took:,.0f} words/s, "
              f"{baseline / took:.2f} × the speed of spaCy's pipeline alone"
              + (f" ({baselines[workers] / took:.2f} × on as many processes)" if workers in baselines and workers > 1
                 else "")
              + f", {report.events} events, "
              f"peak memory per worker {memory:.0f} MB; {len(documents) - parsed} articles skipped by the fast path; "
              f"reciprocity update {update_took:.1f} s"
              + (f"; the writing process used {writer_cpu:.0f} s of CPU in {took:.0f} s, the workers "
                 f"{workers_cpu:.0f} s (at most {workers * took:.0f})" if workers > 1 else ""))
        cpu_used, compared = writer_cpu + workers_cpu, workers if workers in baseline_cpu else 1
        print(f"  CPU {1000 * cpu_used / len(documents):.1f} ms per article (start-up, reading, store and update "
              f"included): {baseline_cpu[compared] / cpu_used:.2f} × spaCy's pipeline on {compared} process(es) "
              f"by CPU time")
    if 1 in rates and 2 in rates:
        print(f"speed-up from 1 to 2 workers: {rates[2] / rates[1]:.2f}×")

    print(f"one worker's start-up (imports and loading, in a new process): {startup():.2f} s "
          f"(start-up cache in place; docs/scale.md)")
    method = batch.worker_context().get_start_method()
    print(f"one worker's start-up as a pool starts it ({method}"
          + (", from the running forkserver, which has done the imports" if method == "forkserver" else "")
          + f"): {pool_startup():.2f} s")
    stop_forkserver()
    from detente.coder import Coder
    coder = Coder()
    coder.code(documents[0])
    times = []
    for document in documents[1:11]:
        began = time.perf_counter()
        coder.code(document)
        times.append(time.perf_counter() - began)
    print(f"one article after warm-up: {sorted(times)[len(times) // 2]:.3f} s (median of 10)")


if __name__ == "__main__":
    sys.exit(main())
