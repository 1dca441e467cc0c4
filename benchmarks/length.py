"""Cost of one long document: coding time and peak memory as the same kind of text doubles in length.

    .venv/bin/python benchmarks/length.py [--sizes 32000 64000 128000 256000 512000]

The document is made of the bundled examples (examples/articles), one after
the other, each preceded by a numbered heading and with its paragraphs
numbered, so that no sentence repeats, cut at a paragraph end at the size
asked for.  Each size is coded in fresh processes (``--repeat``, 3 by default:
the least time and the most memory are shown; peak memory is the process's
own): the coder is loaded and warmed up on one article, then the long
document is coded with the default settings, parse included.  The script
prints, per size, the coding time (start-up not included; wall and CPU time
of the process), the process's peak resident memory, and the growth of CPU
time and memory from the size before (CPU time: what other processes on a
shared machine do changes it less than the wall time).  A stage whose cost
grows with the square of the length shows as a time growth near 4× per
doubling.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
DEFAULT_SIZES = [32_000, 64_000, 128_000, 256_000, 512_000]


def long_text(size: int) -> str:
    """About ``size`` characters of news, no sentence repeated, ending at a paragraph end."""
    from detente.ingest import read_inputs
    from detente.records import Document

    articles = [d.text for d in read_inputs([str(EXAMPLES)]) if isinstance(d, Document)]
    parts: list[str] = []
    length, copy = 0, 0
    while length < size:
        for article in articles:
            copy += 1
            paragraphs = [p.strip() for p in article.split("\n\n") if p.strip()]
            parts.append(f"Report {copy}.")
            parts.extend(f"{p} (Paragraph {copy}.{n}.)" for n, p in enumerate(paragraphs, 1))
            length = sum(len(p) + 2 for p in parts)
            if length >= size:
                break
    text = ""
    for part in parts:
        if text and len(text) + len(part) + 2 > size:
            break
        text += ("\n\n" if text else "") + part
    return text


def measure(size: int) -> dict:
    """Code one document of ``size`` characters in this process; its time and this process's peak memory."""
    from detente.coder import Coder
    from detente.records import Document

    coder = Coder()
    warm = long_text(3_000)
    coder.code(Document(id="warm-up", text=warm, date=date(2021, 4, 20)))
    text = long_text(size)
    began, cpu = time.perf_counter(), time.process_time()
    events = coder.code(Document(id=f"long-{size}", text=text, date=date(2021, 4, 20)))
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"characters": len(text), "seconds": took, "cpu": cpu, "events": len(events),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=DEFAULT_SIZES, help="document lengths, characters")
    parser.add_argument("--repeat", type=int, default=3,
                        help="fresh processes per size: the least time and the most memory are shown")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process: measure one size
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return
    print("characters | events | coding time | CPU time | × size before | peak memory | × size before")
    rows = []
    for size in args.sizes:
        runs = []
        for _ in range(args.repeat):
            done = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"size {size}: {done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        row = dict(runs[0], seconds=min(r["seconds"] for r in runs), cpu=min(r["cpu"] for r in runs),
                   peak_mb=max(r["peak_mb"] for r in runs))
        before = rows[-1] if rows else None
        time_growth = f"{row['cpu'] / before['cpu']:.2f}×" if before else ""
        memory_growth = f"{row['peak_mb'] / before['peak_mb']:.2f}×" if before else ""
        print(f"{row['characters']:,} | {row['events']} | {row['seconds']:.2f} s | {row['cpu']:.2f} s | {time_growth} | "
              f"{row['peak_mb']:.0f} MB | {memory_growth}", flush=True)
        rows.append(row)
    if len(rows) > 1:
        print(f"largest / smallest: {rows[-1]['characters'] / rows[0]['characters']:.1f}× the characters, "
              f"{rows[-1]['cpu'] / rows[0]['cpu']:.1f}× the CPU time ({rows[-1]['seconds'] / rows[0]['seconds']:.1f}× "
              f"the wall time), "
              f"{rows[-1]['peak_mb'] / rows[0]['peak_mb']:.2f}× the peak memory")


if __name__ == "__main__":
    main()
