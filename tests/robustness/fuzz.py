"""Long fuzzing, kept out of the default test run: ``python -m tests.robustness.fuzz --seconds 60 [--target coder]``.

atheris (libFuzzer for Python) mutates bytes, starting from the hostile inputs of ``hostile.py``:

* ``readers``: the first byte picks a suffix (.txt .html .jsonl .json .warc .warc.gz), the rest is the file;
  ``read_inputs`` must yield documents or one-line ``InputError`` records, and nothing else may escape;
* ``coder``: the bytes as text through ``Coder.code``; it must return events within the text or raise a
  ``DetenteError``.

A crash stops the run and leaves the input that caused it as ``crash-*`` in the current folder.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["detente"]):
    from detente.coder import Coder
    from detente.errors import DetenteError, InputError
    from detente.ingest import read_inputs
    from detente.records import Document

from .hostile import CASES, MAX_BYTES

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz")
FOLDER = Path(tempfile.mkdtemp(prefix="detente-fuzz-"))


def read_any(data: bytes) -> None:
    """One fuzzed file through the readers."""
    if not data:
        return
    path = FOLDER / f"input{SUFFIXES[data[0] % len(SUFFIXES)]}"
    path.write_bytes(data[1:])
    for item in read_inputs([str(path)], max_bytes=MAX_BYTES):
        if isinstance(item, InputError):
            assert "\n" not in str(item), str(item)
        else:
            assert item.text.strip()


def code_any(coder: Coder, data: bytes) -> None:
    """One fuzzed text through the coder."""
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    try:
        events = coder.code(Document(id="fuzz", text=text))
    except DetenteError:
        return
    for event in events:
        assert 0 <= event.span[0] <= event.trigger_span[0] <= event.trigger_span[1] <= event.span[1] <= len(text)


def seeds(folder: Path) -> None:
    """The hostile cases as the fuzzer's starting inputs (small ones only: libFuzzer truncates large ones)."""
    for number, case in enumerate(CASES):
        suffix = next((s for s in reversed(SUFFIXES) if case.name.endswith(s)), ".txt")
        if len(case.data) < 50_000:
            (folder / f"seed-{number}").write_bytes(bytes([SUFFIXES.index(suffix)]) + case.data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long to fuzz")
    parser.add_argument("--target", choices=["readers", "coder"], default="readers")
    options, rest = parser.parse_known_args()
    corpus = FOLDER / "corpus"
    corpus.mkdir()
    seeds(corpus)
    if options.target == "coder":
        coder = Coder()

        def target(data: bytes) -> None:
            code_any(coder, data)
    else:
        target = read_any
    atheris.Setup([sys.argv[0], f"-max_total_time={options.seconds}", "-max_len=65536", "-rss_limit_mb=3072",
                   "-timeout=60", *rest, str(corpus)], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
