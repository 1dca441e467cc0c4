"""A fetched page as a document, read in bounded time and memory.

The HTML extractor (trafilatura, with htmldate and lxml) takes time that
grows faster than the page past about half a megabyte of markup (measured:
0.25 MB 0.7 s, 0.5 MB 1.5 s, 1 MB 4 s, 2 MB 12 s, 4 MB 44 s; a 19.5 MB page
took 184 s and 1.09 GB).  No article needs that much markup, and most of a
large page is scripts and styles, which the extractor drops anyway.  So a
page over ``MAX_PAGE_BYTES`` is cut before it is read:

* ``<script>`` and ``<style>`` elements are left out (a JSON-LD script, which
  carries the page's date and title, is kept), scanning the page once;
* what remains is cut at the last tag start before ``MAX_PAGE_BYTES``;
* a warning names the page's address and both sizes.

The work is done on the bytes, before they are decoded, and the cut copy
never grows past ``MAX_PAGE_BYTES``: besides the body, reading a page holds
at most that much more.  Errors and warnings name the page's address.
"""

from __future__ import annotations

import datetime
import logging
import re

from ..ingest.decode import decode
from ..ingest.document import Defaults, page_id
from ..ingest.html import read_html
from ..records import Document

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 500_000
# A tag's attributes are bounded so that a page of unclosed "<script" cannot make the search quadratic.
_OPENING = re.compile(rb"<(script|style)\b[^>]{0,2000}>", re.IGNORECASE)
_CLOSING = {b"script": re.compile(rb"</script\s*>", re.IGNORECASE), b"style": re.compile(rb"</style\s*>", re.IGNORECASE)}
_KEPT = re.compile(rb"ld\+json", re.IGNORECASE)


def read_page(url: str, body: bytes, *, date: datetime.date | None = None,
              source: str | None = None) -> Document:
    """The document of the page fetched from ``url``; an ``InputError`` naming ``url`` when it has none."""
    markup = cut_page(body, url)
    text = decode(markup, url)
    return read_html(text, doc_id=page_id(url), origin=url, defaults=Defaults(date=date, source=source))


def cut_page(body: bytes, url: str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """``body`` itself when within ``limit``; else its markup without scripts and styles, cut to ``limit``."""
    if len(body) <= limit:
        return body
    kept = _without_scripts(body, limit)
    if len(kept) > limit:
        end = kept.rfind(b"<", 0, limit)
        kept = kept[:end if end > 0 else limit]
    log.warning("%s: a page of %s bytes; read the first %s bytes of its markup, scripts and styles left out",
                url, f"{len(body):,}", f"{len(kept):,}")
    return kept


def _without_scripts(body: bytes, limit: int) -> bytes:
    """``body`` without its script and style elements (JSON-LD kept), stopping past ``limit`` bytes kept.

    Linear: each byte is looked at a bounded number of times; an element left open runs to the end of the
    page, as browsers read it.
    """
    view = memoryview(body)
    kept = bytearray()
    position = 0
    while len(kept) <= limit:
        opening = _OPENING.search(body, position)
        start = opening.start() if opening else len(body)
        kept += view[position:min(start, position + limit + 1 - len(kept))]
        if opening is None:
            break
        closing = _CLOSING[opening.group(1).lower()].search(body, opening.end())
        end = closing.end() if closing else len(body)
        if _KEPT.search(opening.group(0)):
            kept += view[start:min(end, start + max(limit + 1 - len(kept), 0))]
        position = end
    return bytes(kept)
