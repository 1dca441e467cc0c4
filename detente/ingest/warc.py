"""Reader of WARC archives (``.warc``, ``.warc.gz``): one document per HTML ``response`` record.

Archived pages go through the same HTML reader as ``detente code`` and
``detente watch`` (trafilatura).  The record's target address gives the
document id (host and path) and, through its host, the source when the
page names none; the record's WARC-Date is the date when the page states
none.  Records that are not responses, or not HTML, are skipped (an
archive with no HTML page at all is a ``FormatError``); a page that cannot
be read is yielded as the ``InputError`` saying why, and the archive goes
on.  ``read_inputs`` reads archives through it.

Hostile archives are bounded: a page over ``max_bytes`` is refused, a
compressed archive stops once it has decompressed to ``ARCHIVE_FACTOR``
times ``max_bytes``, and a truncated or malformed archive gives one
``FormatError`` after the pages read before the damage.
"""

from __future__ import annotations

import datetime
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import DetenteError, FormatError, InputError, TooLargeError
from ..records import Document
from .decode import decode
from .document import Defaults, page_id
from .html import read_html

log = logging.getLogger(__name__)

SUFFIXES = (".warc", ".warc.gz")
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 65536
# A compressed archive may decompress to this many times the max_bytes setting (1 GB at the default),
# room for hundreds of pages while a "gzip bomb" stops within a few seconds.
ARCHIVE_FACTOR = 50


def is_warc(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def read_warc(path: str, *, defaults: Defaults = Defaults(),  # noqa: B008 - a frozen record
              max_bytes: int = 20_000_000) -> Iterator[Document | InputError]:
    """One document per HTML response record of the archive at ``path``.

    Each archived page is refused over ``max_bytes``; a compressed archive is
    refused once it has decompressed to ``ARCHIVE_FACTOR × max_bytes`` (a
    "gzip bomb"), after the pages read until then.
    """
    try:
        with open(path, "rb") as raw:
            stream = _decompressed(raw, path, ARCHIVE_FACTOR * max_bytes)
            yield from _responses(stream, path, defaults, max_bytes)
    except OSError as error:
        yield InputError(path, f"cannot be read ({error.strerror or error}); check that it is a readable file")


def _responses(stream: BinaryIO, path: str, defaults: Defaults, max_bytes: int) -> Iterator[Document | InputError]:
    records = pages = 0
    archive = _Archive(stream)
    try:
        for record in archive:
            if record.format != "warc":
                continue
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = record.http_headers.get_header("Content-Type") or ""
            if "html" in kind.lower():
                pages += 1
                yield _read_record(record, path, defaults, max_bytes)
    except TooLargeError as error:
        yield error
        return
    except ArchiveLoadFailed as error:
        yield FormatError(path, f"not a readable WARC archive ({_one_line(error)})")
        return
    except zlib.error as error:  # a corrupt gzip stream
        yield FormatError(path, f"a corrupt compressed archive ({_one_line(error) or type(error).__name__}); "
                                "check that the file was copied whole")
        return
    except DetenteError:  # not warcio's: a time limit, say
        raise
    except Exception as error:  # noqa: BLE001 - warcio fails in many ways on malformed records
        yield FormatError(path, f"a malformed WARC record ({type(error).__name__}: {_one_line(error)}); "
                                "check that it is a WARC archive")
        return
    if getattr(stream, "truncated", False):
        yield FormatError(path, "the compressed archive is cut short (the pages before the cut were read); "
                                "check that the file was copied whole")
        return
    if archive.err_count and records:
        log.warning("%s: %d records have a wrong Content-Length; read as far as they go", path, archive.err_count)
    if not records:
        yield FormatError(path, "holds no WARC records; check that it is a WARC archive")
    elif not pages:
        yield FormatError(path, f"holds {records} WARC records but no archived HTML page (a response record of "
                                "type text/html); give an archive of crawled pages")


class _Archive(ArchiveIterator):
    """warcio's reader, silent: it writes a multi-line warning to standard error for each record whose
    length is wrong, which ``_responses`` counts (``err_count``) and logs once instead."""

    INC_RECORD = ""


def _decompressed(raw: BinaryIO, path: str, limit: int) -> BinaryIO:
    """The archive's bytes, decompressed here (and counted) when it is gzip, so that its size can be bounded."""
    gzipped = raw.read(2) == GZIP_MAGIC
    raw.seek(0)
    return _Inflated(raw, path, limit) if gzipped else raw


class _Inflated(io.RawIOBase):
    """The decompressed bytes of a gzip stream of one or more members (a .warc.gz holds one per record).

    It raises ``TooLargeError`` once more than ``limit`` bytes came out, and
    ends quietly where the file is cut short, setting ``truncated``, so that
    the records before the cut are still read.
    """

    def __init__(self, raw: BinaryIO, path: str, limit: int) -> None:
        self.raw, self.path, self.limit = raw, path, limit
        self.count = 0
        self.pending = b""
        self.inflater = zlib.decompressobj(wbits=31)
        self.in_member = False
        self.truncated = False

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.count

    def read(self, size: int = -1) -> bytes:
        size = _CHUNK if size is None or size < 0 else max(size, 1)
        while True:
            if self.inflater.eof:  # a member ended: the next starts with the bytes left over
                self.pending = self.inflater.unused_data + self.pending
                self.inflater = zlib.decompressobj(wbits=31)
                self.in_member = False
            if not self.pending:
                self.pending = self.raw.read(_CHUNK)
                if not self.pending:
                    self.truncated = self.in_member
                    return b""
            self.in_member = True
            data = self.inflater.decompress(self.pending, size)
            # At the end of a member zlib leaves the rest in both unused_data and unconsumed_tail: take it once.
            self.pending = b"" if self.inflater.eof else self.inflater.unconsumed_tail
            if data:
                return self._counted(data)

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _counted(self, data: bytes) -> bytes:
        self.count += len(data)
        if self.count > self.limit:
            raise TooLargeError(self.path, f"decompresses to over {self.limit:,} bytes ({ARCHIVE_FACTOR} × "
                                           "max_bytes); split the archive or raise the max_bytes setting")
        return data


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


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
