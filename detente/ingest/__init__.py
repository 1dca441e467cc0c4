"""The ingest stage: files, folders and standard input → cleaned ``Document`` records.

``read_inputs`` is the one entry point.  Each path is

* a file, read by its suffix: ``.txt .text .md`` plain text or markdown
  (one document), ``.html .htm`` a web page (one document), ``.jsonl
  .ndjson`` JSON Lines (one document per line), ``.json`` an article object
  or a list of them, ``.warc .warc.gz`` a WARC archive (one document per
  archived HTML page, ``ingest/warc.py``); a file with another suffix is
  sniffed like standard input;
* a folder, walked recursively in sorted order, taking the files with those
  suffixes and skipping hidden files and folders;
* ``-``, standard input, sniffed: JSON Lines if its first non-blank
  character is ``{``, a JSON list if ``[``, HTML if ``<``, else text.

An input that cannot be read is not a reason to stop a run: the
``InputError`` saying why it was skipped (a missing path, binary data, an
encoding, an empty file, a malformed JSON line …) is yielded in its place,
and the caller reports it.

Field precedence, the same for every format (see ``ingest/document.py``):

* ``date``: the input's own field or metadata (JSONL ``date`` → ``jsonl``;
  HTML metadata or htmldate → ``html``), then the dateline or byline at the
  head of the text (``dateline``), then the ``date`` argument (``option``),
  else ``none``.  Plain text has no field of its own, so for it the
  dateline comes first and the option second.
* ``source``: the JSONL field or the HTML site name, then a line naming the
  outlet ("Source: …", a final "Read more at …"), then the ``source``
  argument.
* ``id``: the JSONL ``id``, else the file name without folder and
  extension (``<stem>:<line>`` for a JSONL line without id; ``stdin`` for
  standard input).
"""

from __future__ import annotations

import datetime
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from ..errors import InputError
from ..records import Document
from .decode import decode, read_file, read_stream
from .document import Defaults
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text
from .warc import is_warc, read_warc

__all__ = ["SUFFIXES", "read_inputs", "read_string", "sniff"]

# Suffix → format of the files read from folders.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
STDIN = "-"
_STDIN_ID = "stdin"


def read_inputs(
    paths: Iterable[str],
    *,
    date: datetime.date | None = None,
    source: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = 20_000_000,
) -> Iterator[Document | InputError]:
    """One ``Document`` per article of ``paths``, or the ``InputError`` that skipped an input.

    ``date`` and ``source`` are used for inputs that give none of their own
    (see the module docstring for the order).  Inputs over ``max_bytes`` are
    refused before they are read.
    """
    defaults = Defaults(date=date, source=source)
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, defaults, max_bytes)
        elif os.path.isdir(path):
            yield from _read_folder(path, defaults, max_bytes)
        elif os.path.exists(path):
            yield from _read_file(path, defaults, max_bytes)
        else:
            yield InputError(path, "no such file or folder; check the path")


def read_string(text: str, *, name: str, date: datetime.date | None = None, source: str | None = None,
                max_bytes: int = 20_000_000) -> Iterator[Document | InputError]:
    """The documents of a text given whole (a request's field), sniffed like standard input.

    Errors name the input ``name`` (the field a service read the text from) rather than ``-``.
    """
    yield from _read_stdin(io.StringIO(text), Defaults(date=date, source=source), max_bytes, name=name)


def _read_folder(folder: str, defaults: Defaults, max_bytes: int) -> Iterator[Document | InputError]:
    files = list(_walk(folder))
    if not files:
        suffixes = " ".join(SUFFIXES)
        yield InputError(folder, f"the folder holds no files to read ({suffixes}); give another folder")
    for path in files:
        yield from _read_file(path, defaults, max_bytes)


def _walk(folder: str) -> Iterator[str]:
    """Readable files under ``folder``, in sorted order, hidden files and folders skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and (Path(name).suffix.lower() in SUFFIXES or is_warc(name)):
                yield os.path.join(root, name)


def _read_file(path: str, defaults: Defaults, max_bytes: int) -> Iterator[Document | InputError]:
    if is_warc(path):  # an archive of many pages: the size limit applies to each record
        yield from read_warc(path, defaults=defaults, max_bytes=max_bytes)
        return
    try:
        data = read_file(path, max_bytes=max_bytes)
        kind = SUFFIXES.get(Path(path).suffix.lower())
        text = decode(data, path)
        yield from _read(text, kind or sniff(text), stem=Path(path).stem, origin=path, defaults=defaults)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(path, f"cannot be read ({error.strerror or error}); check that it is a readable file")


def _read_stdin(stream: TextIO | BinaryIO, defaults: Defaults, max_bytes: int,
                name: str = STDIN) -> Iterator[Document | InputError]:
    try:
        text = read_stream(stream, name, max_bytes=max_bytes)
        yield from _read(text, sniff(text), stem=_STDIN_ID, origin=name, defaults=defaults)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(name, f"standard input cannot be read ({error.strerror or error})")


def sniff(text: str) -> str:
    """The format of a text read whole: ``jsonl``, ``json``, ``html`` or ``text``, by its first character."""
    first = text.lstrip("\ufeff \t\r\n")[:1]
    return {"{": "jsonl", "[": "json", "<": "html"}.get(first, "text")


def _read(text: str, kind: str, *, stem: str, origin: str, defaults: Defaults) -> Iterator[Document | InputError]:
    if kind == "jsonl":
        yield from read_jsonl(text, stem=stem, origin=origin, defaults=defaults)
    elif kind == "json":
        yield from read_json(text, stem=stem, origin=origin, defaults=defaults)
    elif kind == "html":
        yield read_html(text, doc_id=stem, origin=origin, defaults=defaults)
    else:
        yield read_text(text, doc_id=stem, origin=origin, defaults=defaults)
