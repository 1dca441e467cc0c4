"""Reader of WARC archives (``.warc``, ``.warc.gz``): one document per HTML ``response`` record.

Archived pages go through the same HTML reader as ``detente code`` and
``detente watch`` (trafilatura).  The record's target address gives the
document id (host and path) and, through its host, the source when the
page names none; the record's WARC-Date is the date when the page states
none.  Records that are not responses, or not HTML, are skipped; a page
that cannot be read is yielded as the ``InputError`` saying why, and the
archive goes on.  ``read_inputs`` reads archives through it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import FormatError, InputError, TooLargeError
from ..records import Document
from .decode import decode
from .document import Defaults, page_id
from .html import read_html

SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def read_warc(path: str, *, defaults: Defaults = Defaults(),  # noqa: B008 - a frozen record
              max_bytes: int = 20_000_000) -> Iterator[Document | InputError]:
    """One document per HTML response record of the archive at ``path``."""
    try:
        records = 0
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.format != "warc":
                    continue
                records += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                kind = record.http_headers.get_header("Content-Type") or ""
                if "html" not in kind.lower():
                    continue
                yield _read_record(record, path, defaults, max_bytes)
        if not records:
            yield FormatError(path, "holds no WARC records; check that it is a WARC archive")
    except ArchiveLoadFailed as error:
        yield FormatError(path, f"not a readable WARC archive ({' '.join(str(error).split())})")
    except OSError as error:
        yield InputError(path, f"cannot be read ({error.strerror or error}); check that it is a readable file")


def _read_record(record, path: str, defaults: Defaults, max_bytes: int) -> Document | InputError:
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    origin = f"{path}#{url}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return TooLargeError(origin, f"the archived page is over max_bytes ({max_bytes}); raise --max-bytes")
    host = urlsplit(url).hostname
    fallback = Defaults(date=defaults.date or _warc_date(record), source=defaults.source or host)
    try:
        return read_html(decode(data, origin), doc_id=page_id(url), origin=origin, defaults=fallback)
    except InputError as error:
        return error


def _warc_date(record) -> datetime.date | None:
    stamp = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.date.fromisoformat(stamp[:10])
    except ValueError:
        return None
