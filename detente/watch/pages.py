"""A fetched page as a document, read in bounded time and memory.

The HTML extractor (trafilatura, with htmldate and lxml) takes time that
grows faster than the page: its fallback extractor (justext) compares each
short paragraph with its neighbours, so a page of many short paragraphs
costs the square of their number (measured on this machine: a 19.5 MB page
took 184 s and 1.09 GB; 200 KB of one-line paragraphs around an article
13 s, 100 KB 1.8 s).  So:

* a page over ``MAX_PAGE_BYTES`` is cut before it is read: its ``<script>``,
  ``<style>``, ``<svg>``, ``<noscript>`` and ``<template>`` elements and its
  comments are left out (a JSON-LD script, which carries the page's date
  and title, is kept), scanning the page once, and what remains is cut at
  the last tag start before ``MAX_PAGE_BYTES``; a warning names the page's
  address and both sizes;
* markup over ``FAST_OVER`` bytes (after the cut) is read by trafilatura's
  main extractor alone, which is close to linear up to ``MAX_PAGE_BYTES``
  (0.9 s for 500 KB of one-line paragraphs, 0.3 s for 500 KB of ordinary
  blocks).

The cut works on the bytes, before they are decoded, and its copy never
grows past ``MAX_PAGE_BYTES``: reading a page holds the body and a bounded
amount more (about 10 MB at most, measured with tracemalloc).  Errors and
warnings name the page's address.
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
FAST_OVER = 100_000
_SKIPPED = (b"script", b"style", b"svg", b"noscript", b"template")
# A tag's attributes are bounded so that a page of unclosed "<script" cannot make the search quadratic.
_OPENING = re.compile(rb"<(" + b"|".join(_SKIPPED) + rb")\b[^>]{0,2000}>|<!--", re.IGNORECASE)
_CLOSING = {**{name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in _SKIPPED},
            None: re.compile(rb"-->")}
_KEPT = re.compile(rb"ld\+json", re.IGNORECASE)


def read_page(url: str, body: bytes, *, date: datetime.date | None = None,
              source: str | None = None) -> Document:
    """The document of the page fetched from ``url``; an ``InputError`` naming ``url`` when it has none."""
    markup = cut_page(body, url)
    text = decode(markup, url)
    return read_html(text, doc_id=page_id(url), origin=url, defaults=Defaults(date=date, source=source),
                     fast=len(markup) > FAST_OVER)


def cut_page(body: bytes, url: str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """``body`` itself when within ``limit``; else its markup without scripts, styles …, cut to ``limit``."""
    if len(body) <= limit:
        return body
    kept = _without_scripts(body, limit)
    if len(kept) > limit:
        end = kept.rfind(b"<", 0, limit)
        kept = kept[:end if end > 0 else limit]
    log.warning("%s: a page of %s bytes; read the first %s bytes of its markup, scripts, styles and comments "
                "left out", url, f"{len(body):,}", f"{len(kept):,}")
    return kept


def _without_scripts(body: bytes, limit: int) -> bytes:
    """``body`` without the elements that hold no text, nor comments (JSON-LD kept), stopping past ``limit``.

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
        name = opening.group(1)
        closing = _CLOSING[name.lower() if name else None].search(body, opening.end())
        end = closing.end() if closing else len(body)
        if _KEPT.search(opening.group(0)):
            kept += view[start:min(end, start + max(limit + 1 - len(kept), 0))]
        position = end
    return bytes(kept)
