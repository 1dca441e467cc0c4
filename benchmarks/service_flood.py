"""The service under a flood of coding requests: how long reads take while clients send large texts to code.

    .venv/bin/python benchmarks/service_flood.py [--events 100000] [--seconds 60] [--clients 4] [--chars 20000]

Builds the synthetic store of `benchmarks/service.py`, starts `detente serve` on
127.0.0.1 in a process of its own (as users run it, default limits, with a
token) and waits until its coding process has loaded the coder.  Then it times
`GET /api/events` (the first page of 50, as the page asks for it) alone, and again for
`--seconds` while `--clients` threads each send `POST /api/code` with a text of
`--chars` characters of dense news (every sentence an event), again as soon as
they are answered; halfway through, one authorised `POST /api/documents`.  It
prints p50, p99 and the longest read, alone and during the flood; what the
coding requests were answered, and the longest of them against the deadline;
and how long the write took.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from service import build

from detente.serve.limits import ServiceLimits

TOKEN = "flood-benchmark-token"
STATES = ["Russia", "the United States", "Britain", "China", "France", "Germany", "Poland", "Ukraine", "Iran",
          "Israel", "Canada", "Japan"]
ACTS = ["expelled {n} diplomats from", "imposed sanctions on", "accused", "threatened", "condemned",
        "recalled its ambassador from", "closed the consulate of"]


def dense_text(chars: int, seed: int) -> str:
    """News of one event a sentence, ``chars`` characters long: the costliest text of its length to code."""
    rng = random.Random(seed)
    sentences = []
    while sum(map(len, sentences)) < chars:
        actor, target = rng.sample(STATES, 2)
        act = rng.choice(ACTS).format(n=rng.randint(2, 99))
        sentences.append(f"{actor} {act} {target} on Monday, and {target} said it would respond. ")
    return "".join(sentences)[:chars]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_service(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port), "--token", TOKEN]
    service = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    until = time.monotonic() + 300
    while time.monotonic() < until:
        try:
            if httpx.post(f"{base}/api/code", json={"text": "Russia expelled two Polish diplomats."},
                          timeout=60).status_code == 200:  # the coding process is loaded
                return service
        except httpx.TransportError:
            time.sleep(0.5)
    service.kill()
    raise SystemExit(f"the service did not start: {service.stderr.read()[-2000:]}")


def read_times(base: str, stop: threading.Event, times: list[float], errors: Counter) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.is_set():
            began = time.perf_counter()
            response = client.get("/api/events")
            times.append(time.perf_counter() - began)
            if response.status_code != 200:
                errors[response.status_code] += 1


def flood(base: str, number: int, chars: int, stop: threading.Event, answers: Counter, durations: list) -> None:
    with httpx.Client(base_url=base, timeout=120) as client:
        sent = 0
        while not stop.is_set():
            began = time.perf_counter()
            response = client.post("/api/code", json={"text": dense_text(chars, seed=number * 10_000 + sent)})
            durations.append(time.perf_counter() - began)
            answers[response.status_code] += 1
            sent += 1
            if response.status_code in (429, 503):
                time.sleep(float(response.headers.get("retry-after", 1)))


def write_once(base: str, delay: float, outcome: dict) -> None:
    time.sleep(delay)
    text = ("Canada recalls its ambassador\n\nOTTAWA, August 6, 2018 — Canada recalled its ambassador to Saudi "
            "Arabia on Monday after Riyadh expelled the Canadian envoy.")
    began = time.perf_counter()
    response = httpx.post(f"{base}/api/documents", json={"text": text}, timeout=120,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    outcome.update(status=response.status_code, seconds=time.perf_counter() - began)


def timed_reads(base: str, seconds: float) -> tuple[list[float], Counter]:
    stop, times, errors = threading.Event(), [], Counter()
    reader = threading.Thread(target=read_times, args=(base, stop, times, errors))
    reader.start()
    time.sleep(seconds)
    stop.set()
    reader.join()
    return times, errors


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"{len(times)} requests, p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
            f"longest {ordered[-1] * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--chars", type=int, default=ServiceLimits().max_code_chars)
    args = parser.parse_args()
    limits = ServiceLimits()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "flood.sqlite"
        build(db, args.events)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        service = start_service(db, port)
        try:
            print(f"{args.events} aggregated events; {limits.coding_processes} coding process(es), queue "
                  f"{limits.coding_queue}, deadline {limits.coding_deadline:g} s, at most "
                  f"{limits.max_code_chars} characters a request")
            alone, _ = timed_reads(base, min(args.seconds, 10))
            print(f"reads alone: GET /api/events: {summary(alone)}")

            stop, answers, durations, write = threading.Event(), Counter(), [], {}
            clients = [threading.Thread(target=flood, args=(base, n, args.chars, stop, answers, durations))
                       for n in range(args.clients)]
            writer = threading.Thread(target=write_once, args=(base, args.seconds / 2, write))
            for thread in [*clients, writer]:
                thread.start()
            during, errors = timed_reads(base, args.seconds)
            stop.set()
            for thread in [*clients, writer]:
                thread.join()
        finally:
            service.terminate()
            service.wait(30)
    print(f"reads during the flood: GET /api/events: {summary(during)}"
          + (f"; not 200: {dict(errors)}" if errors else ""))
    statuses = ", ".join(f"{count} × {status}" for status, count in sorted(answers.items()))
    print(f"POST /api/code, {args.clients} clients, {args.chars} characters each: {sum(answers.values())} answered "
          f"({statuses}); longest {max(durations):.1f} s (deadline {limits.coding_deadline:g} s)")
    print(f"POST /api/documents during the flood: {write.get('status')} in {write.get('seconds', float('nan')):.1f} s")


if __name__ == "__main__":
    main()
