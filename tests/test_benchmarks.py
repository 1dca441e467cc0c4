"""The benchmarks still run: each on a tiny input, checking what it prints, not how fast (docs/scale.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_throughput_codes_the_same_events_on_one_and_two_workers():
    out = run("throughput.py", "--articles", "8", "--workers", "1", "2")
    assert re.search(r"^8 articles \(0% off-topic\), \d+ words", out, re.M)
    for processes in (1, 2):
        assert re.search(rf"^baseline: spaCy full pipeline \(nlp\.pipe\), {processes} process\(es\): [\d.]+ articles/s",
                         out, re.M)
    events = {int(workers): int(count) for workers, count in
              re.findall(r"^detente code --db, (\d) worker\(s\): .*?, (\d+) events,", out, re.M)}
    assert set(events) == {1, 2}
    assert events[1] == events[2] > 0
    assert re.search(r"^speed-up from 1 to 2 workers: [\d.]+×", out, re.M)
    assert len(re.findall(r"^  CPU [\d.]+ ms per article .*: [\d.]+ × spaCy's pipeline on \d process\(es\) by CPU time",
                          out, re.M)) == 2
    assert re.search(r"^one article after warm-up: [\d.]+ s", out, re.M)
    assert re.search(r"^one worker's start-up \(imports and loading, in a new process\): [\d.]+ s", out, re.M)


def test_throughput_skips_off_topic_articles_on_the_fast_path():
    out = run("throughput.py", "--articles", "6", "--workers", "1", "--off-topic", "0.5")
    skipped = re.search(r"(\d+) articles skipped by the fast path", out)
    assert skipped and int(skipped.group(1)) >= 1


def test_screen_counts_sentences():
    out = run("screen.py", str(Path(__file__).resolve().parent.parent / "examples" / "articles"))
    found = re.search(r"^(\d+) documents, (\d+) sentences: (\d+) with a trigger lemma", out, re.M)
    assert found and int(found.group(1)) > 0 and 0 < int(found.group(3)) <= int(found.group(2))


def test_service_times_requests():
    out = run("service.py", "--events", "300")
    assert re.search(r"^300 aggregated events; baseline GET /api/health [\d.]+ ms", out, re.M)
    assert re.search(r"ms +[\d.]+ × baseline +GET /api/", out)


def test_length_prints_time_and_memory_per_size():
    out = run("length.py", "--sizes", "2000", "4000", "--repeat", "1")
    rows = re.findall(r"^([\d,]+) \| (\d+) \| [\d.]+ s \| ([\d.]+) s \| (?:([\d.]+)×)? \| (\d+) MB \| (?:([\d.]+)×)?$",
                      out, re.M)
    assert len(rows) == 2
    assert all(int(r[0].replace(",", "")) <= size for r, size in zip(rows, (2000, 4000), strict=True))
    assert rows[1][3] and rows[1][5]  # growth factors from the size before
    assert re.search(r"^largest / smallest: [\d.]+× the characters, [\d.]+× the CPU time \([\d.]+× the wall time\), "
                     r"[\d.]+× the peak memory", out, re.M)


def test_stages_prints_the_time_of_each_component_and_stage():
    out = run("stages.py", "--articles", "4")
    assert re.search(r"^4 articles; CPU ms per article", out, re.M)
    for name in ("detente tokenizer", "detente ner", "detente stage events/v1", "spaCy ner", "detente total",
                 "spaCy total"):
        assert re.search(rf"^{re.escape(name)} +[\d.]+$", out, re.M), name


def test_service_flood_times_reads_while_clients_send_texts_to_code():
    out = run("service_flood.py", "--events", "300", "--seconds", "4", "--clients", "2", "--chars", "2000")
    assert re.search(r"^300 aggregated events; 1 coding process\(es\), queue \d+, deadline [\d.]+ s", out, re.M)
    for when in ("alone", "during the flood"):
        assert re.search(rf"^reads {when}: GET /api/events: \d+ requests, p50 [\d.]+ ms, p99 [\d.]+ ms", out, re.M)
    answered = re.search(r"^POST /api/code, 2 clients, 2000 characters each: (\d+) answered \((.*)\); longest "
                         r"([\d.]+) s \(deadline ([\d.]+) s\)", out, re.M)
    assert answered and int(answered.group(1)) > 0 and "× 200" in answered.group(2)
    assert float(answered.group(3)) <= float(answered.group(4))
    assert re.search(r"^POST /api/documents during the flood: 201 in [\d.]+ s", out, re.M)
