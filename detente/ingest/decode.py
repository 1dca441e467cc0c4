"""Bytes to text: read an input within the size limit and decode it.

The order of attempts is fixed so that the same bytes always give the same
text:

1. UTF-32 or UTF-16 when the data starts with their byte order mark;
2. otherwise refuse binary data (NUL bytes, or a high share of control
   characters);
3. UTF-8, with or without a byte order mark;
4. the encoding the input declares, if any (an HTML ``<meta charset>``);
5. charset-normalizer's best guess, if its measured "chaos" is low, with
   Windows-1252 preferred among equally good single-byte guesses (it is what
   browsers use for Latin-1 pages);
6. otherwise ``DecodingError``.

Text that is empty or only whitespace gives ``EmptyInputError``.
"""

from __future__ import annotations

import codecs
import os
import re
from typing import BinaryIO, TextIO

import charset_normalizer

from ..errors import BinaryInputError, DecodingError, EmptyInputError, TooLargeError

# How much of the start of an input is inspected for control characters.
_SNIFF_BYTES = 8192
# Share of control characters above which an input is taken as binary.
_MAX_CONTROL_SHARE = 0.10
# Highest charset-normalizer "chaos" (0 = clean text, 1 = noise) accepted.
_MAX_CHAOS = 0.2
# Control bytes that plain text does contain: tab, newline, vertical tab,
# form feed, carriage return, escape (ANSI colours in terminal captures).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FORMATS_HINT = "give a text, HTML or JSON Lines file"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def read_file(path: str, *, max_bytes: int) -> bytes:
    """The bytes of the file at ``path``; its size is checked before it is read."""
    size = os.stat(path).st_size
    if size > max_bytes:
        raise TooLargeError(path, _too_large(size, max_bytes))
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew, or is a device that reports no size
        raise TooLargeError(path, _too_large(len(data), max_bytes))
    return data


def read_stream(stream: TextIO | BinaryIO, name: str, *, max_bytes: int) -> str:
    """The text of a stream (standard input), read up to ``max_bytes``."""
    binary = getattr(stream, "buffer", stream)
    data = binary.read(max_bytes + 1)
    if isinstance(data, str):  # a text stream without a byte buffer (io.StringIO)
        if len(data.encode("utf-8")) > max_bytes:
            raise TooLargeError(name, _too_large(None, max_bytes))
        return check_text(data, name)
    if len(data) > max_bytes:
        raise TooLargeError(name, _too_large(None, max_bytes))
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` read from the input ``name``; see the module docstring for the order."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return check_text(_decode_strict(data, encoding, name), name)
    _refuse_binary(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _declared(data, declared_charset(data)) or _guess(data, name)
    return check_text(text, name)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _declared(data: bytes, declared: str | None) -> str | None:
    try:
        encoding = codecs.lookup(declared).name if declared else None
    except LookupError:
        return None
    if encoding is None:
        return None
    # Browsers read pages labelled Latin-1 or ASCII as Windows-1252; Latin-1
    # remains for the five bytes Windows-1252 leaves undefined.
    western = encoding in ("iso8859-1", "ascii", "cp1252")
    for candidate in ("cp1252", "iso8859-1") if western else (encoding,):
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    return None


def check_text(text: str, name: str) -> str:
    """``text`` unchanged, unless it is empty or holds characters only binary data has."""
    if "\x00" in text:
        raise BinaryInputError(name, f"NUL characters found: this is binary data, not text; {_FORMATS_HINT}")
    if not text.strip():
        raise EmptyInputError(name, "the input is empty or only whitespace; remove it or give an article")
    return text


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodingError(
            name, f"starts with a {encoding.upper()} byte order mark but is not valid {encoding.upper()} "
            f"(byte {error.start}); re-save the file as UTF-8"
        ) from error


def _refuse_binary(data: bytes, name: str) -> None:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        if _looks_like_utf16(head):
            raise BinaryInputError(name, "NUL bytes found: this looks like UTF-16 without a byte order mark; "
                                         "re-save the file as UTF-8")
        raise BinaryInputError(name, f"NUL bytes found: this is binary data, not text; {_FORMATS_HINT}")
    if not head:
        return
    controls = sum(1 for byte in head if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    if controls / len(head) > _MAX_CONTROL_SHARE:
        raise BinaryInputError(
            name, f"{controls} control characters in the first {len(head)} bytes: this is binary data, "
            f"not text; {_FORMATS_HINT}"
        )


def _looks_like_utf16(head: bytes) -> bool:
    """Every other byte NUL, the others printable ASCII: English text saved as UTF-16 with no byte order mark.
    It is still refused (without the mark the byte order is a guess), with a message that says how to fix it."""
    pairs = len(head) // 2
    if pairs < 8:
        return False
    for zeros, letters in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) >= 0.9 * pairs and sum(32 <= b < 127 or b in _TEXT_CONTROLS for b in letters) >= 0.9 * pairs:
            return True
    return False


def _guess(data: bytes, name: str) -> str:
    results = [r for r in charset_normalizer.from_bytes(data) if r.chaos <= _MAX_CHAOS]
    if not results:
        raise DecodingError(
            name, "not UTF-8 and no other encoding decodes it as readable text; re-save the file as UTF-8"
        )
    least_chaos = min(r.chaos for r in results)
    best = [r for r in results if r.chaos == least_chaos]
    most_coherent = max(r.coherence for r in best)
    best = [r for r in best if r.coherence == most_coherent]
    if any("cp1252" in r.could_be_from_charset for r in best):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best[0])


def _too_large(size: int | None, max_bytes: int) -> str:
    """``size`` is None for a stream, whose length is known only to pass the limit."""
    what = f"{size:,} bytes" if size is not None else "the stream"
    return f"{what} is over the limit of {max_bytes:,} bytes; split the input or raise the max_bytes setting"
