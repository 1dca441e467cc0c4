"""Reader of JSON Lines (one article per line) and JSON files (a list of articles).

Each article is an object ``{"id", "text", "date", "title", "source", "url"}``;
only ``text`` is required.  A missing ``id`` becomes ``<file stem>:<line>``
(``<file stem>:<item>`` in a JSON list, counted from 1).  A line that is not
valid JSON, not an object, or has no string ``text`` gives a ``FormatError``
naming the file and line, and reading goes on with the next line.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from ..errors import FormatError, InputError
from ..records import Document
from .document import Defaults, Found, build_document

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIX_LINE = "fix or remove the line"


def read_jsonl(text: str, *, stem: str, origin: str, defaults: Defaults) -> Iterator[Document | InputError]:
    """One document, or the error that skipped it, per non-blank line of ``text``."""
    # Split on "\n" only: JSON strings may hold U+2028 and other characters
    # that str.splitlines takes for line breaks.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            item = _loads(line)
        except json.JSONDecodeError as error:
            yield FormatError(where, f"invalid JSON ({error.msg} at column {error.colno}); {_FIX_LINE}")
            continue
        except _Unreadable as error:
            yield FormatError(where, f"{error}; {_FIX_LINE}")
            continue
        yield from _read_item(item, f"{stem}:{number}", where, origin, defaults, _FIX_LINE)


def read_json(text: str, *, stem: str, origin: str, defaults: Defaults) -> Iterator[Document | InputError]:
    """The documents of a JSON file holding one article object or a list of them."""
    try:
        content = _loads(text)
    except _Unreadable as error:
        yield FormatError(origin, f"{error}; fix the file")
        return
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # one object per line: JSON Lines named .json
            yield from read_jsonl(text, stem=stem, origin=origin, defaults=defaults)
        else:
            yield FormatError(
                origin, f"invalid JSON at line {error.lineno}, column {error.colno} ({error.msg}); fix the file"
            )
        return
    if isinstance(content, dict):
        yield from _read_item(content, stem, origin, origin, defaults, "fix the file")
        return
    if not isinstance(content, list):
        yield FormatError(origin, f"expected an article object or a list of them, found {_kind(content)}; fix the file")
        return
    for number, item in enumerate(content, start=1):
        where = f"{origin}: item {number}"
        yield from _read_item(item, f"{stem}:{number}", where, origin, defaults, "fix or remove it")


class _Unreadable(ValueError):
    """Valid JSON that Python's parser cannot hold: nesting deeper than the recursion limit, an integer
    of more digits than ``sys.get_int_max_str_digits``."""


def _loads(text: str) -> Any:
    """``json.loads``, with the parser's own limits turned into ``_Unreadable`` rather than a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError as error:
        raise _Unreadable("JSON nested too deeply to read") from error
    except ValueError as error:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        raise _Unreadable(f"JSON number too long to read ({str(error).split(';')[0]})") from error


def _read_item(
    item: Any, default_id: str, where: str, origin: str, defaults: Defaults, fix: str
) -> Iterator[Document | InputError]:
    try:
        yield build_document(_found(item, default_id, where, origin, fix), defaults, where=where)
    except InputError as error:
        yield error


def _found(item: Any, default_id: str, where: str, origin: str, fix: str) -> Found:
    if not isinstance(item, dict):
        raise FormatError(where, f'expected an object with a "text" field, found {_kind(item)}; {fix}')
    text = item.get("text")
    if not isinstance(text, str):
        found = "no such field" if text is None else _kind(text)
        raise FormatError(where, f'"text" must be the article as a string, found {found}; {fix}')
    day = _date(item.get("date"), where)
    return Found(
        id=_string(item.get("id")) or default_id,
        text=text,
        origin=origin,
        title=_string(item.get("title")),
        date=day,
        date_source="jsonl" if day else "none",
        source=_string(item.get("source")),
        url=_string(item.get("url")),
    )


def _date(value: Any, where: str) -> datetime.date | None:
    """An ISO date (or the date part of an ISO timestamp); anything else is ignored with a warning."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    log.warning("%s: ignoring \"date\" %r: not an ISO date such as 2017-07-29", where, value)
    return None


def _string(value: Any) -> str | None:
    """A field's value as stripped text; numbers are accepted (ids often are), other types are not."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
