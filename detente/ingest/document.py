"""From what a reader found in an input to a cleaned ``Document``.

Every reader ends here, so the text is always cleaned and the fields follow
one order of precedence, whatever the format:

* ``date``: the input's own field or metadata (the JSONL ``date``, the HTML
  page's metadata) → the dateline or byline at the head of the text
  (``detente.time.publication_date_from_text``) → the ``date`` option
  (``--date``) → none.  ``date_source`` says which one gave it: ``jsonl``,
  ``html``, ``dateline``, ``option`` or ``none``.  What the input says of
  itself is more specific than a date given for a whole run, so the option
  only fills gaps.
* ``source``: the input's own field (JSONL ``source``, HTML site name or
  host) → a line of the text naming the outlet ("Source: …", a final
  "Read more at …") → the ``source`` option (``--source``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from urllib.parse import urlsplit

from ..clean import clean_text, plain_text, source_from_text
from ..errors import EmptyInputError
from ..records import Document
from ..time import publication_date_from_text


@dataclass(frozen=True)
class Found:
    """What a reader found in one article of an input, before cleaning."""

    id: str
    text: str
    origin: str
    title: str | None = None
    date: Date | None = None
    date_source: str = "none"
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Defaults:
    """Values given for a whole run (``--date``, ``--source``), used when an input has none."""

    date: Date | None = None
    source: str | None = None


def build_document(found: Found, defaults: Defaults, *, where: str, headline: bool = False) -> Document:
    """The cleaned ``Document`` for ``found``; ``where`` names the input in errors.

    With ``headline``, a title is taken from the text when the input gave none
    (plain text files carry their headline as the first line).
    """
    text = clean_text(found.text)
    if not text:
        raise EmptyInputError(
            where, "nothing is left after removing boilerplate (links, credits, notices); give the article text"
        )
    head = plain_text(found.text)
    day, day_source = found.date, found.date_source if found.date else "none"
    if day is None:
        dateline = publication_date_from_text(head)
        if dateline:
            day, day_source = dateline[0], "dateline"
        elif defaults.date is not None:
            day, day_source = defaults.date, "option"
    title = found.title or (headline_of(text) if headline else None)
    return Document(
        id=found.id,
        text=text,
        title=title,
        date=day,
        date_source=day_source,
        source=found.source or source_from_text(found.text) or defaults.source,
        url=found.url,
        origin=found.origin,
    )


# A headline is short and does not end like a sentence or a lead-in.
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 25
_NOT_HEADLINE_ENDINGS = (".", ",", ";", ":", "…")


def headline_of(text: str) -> str | None:
    """The first line of a cleaned text, if it looks like a headline and more text follows."""
    first, _, rest = text.partition("\n")
    if not rest.strip() or len(first) > _HEADLINE_MAX_CHARS:
        return None
    words = first.split()
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS or first.endswith(_NOT_HEADLINE_ENDINGS):
        return None
    return first


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def page_id(url: str) -> str:
    """A document id from the address: host and path, safe as a file name."""
    parts = urlsplit(url)
    stem = _UNSAFE.sub("-", f"{parts.hostname}{parts.path}{'-' + parts.query if parts.query else ''}")
    return stem.strip("-")[:150] or "page"
