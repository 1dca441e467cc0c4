"""Reader of HTML pages: one page, one document.

trafilatura finds the main text and the page's metadata (title, date, site
name, address); htmldate is asked for the date when trafilatura has none.
When trafilatura finds no main text (a fragment, broken markup) the text of
the page's blocks is taken as lxml parses it.  Paragraphs are separated by
blank lines, and the title is the first paragraph.  Broken markup gives
text, a ``FormatError`` or an ``EmptyInputError``, never a crash.
"""

from __future__ import annotations

import datetime
import logging
import re

import htmldate
import lxml.etree
import lxml.html
import trafilatura

from ..errors import EmptyInputError, FormatError
from ..records import Document
from .document import Defaults, Found, build_document

log = logging.getLogger(__name__)

# Only dates the page states about itself (metadata, address), not any date
# found in its prose: a date inside the text is the dateline's business.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
_DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "header")
_BLOCK_TAGS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article",
    "main", "figure", "figcaption", "td", "th", "tr", "dd", "dt", "pre", "table", "ul", "ol", "body",
)
_WHITESPACE = re.compile(r"\s+")
# Characters XML forbids (C0 controls other than tab and line breaks, and the two non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def read_html(markup: str, *, doc_id: str, origin: str, defaults: Defaults, fast: bool = False) -> Document:
    """The document of an HTML page.

    ``fast``: trafilatura's main extractor alone, without its fallbacks (justext, readability), whose time
    grows with the square of the number of paragraphs: for large pages (``detente.watch.pages``).
    """
    return build_document(_extract(markup, doc_id, origin, fast), defaults, where=origin)


def _extract(markup: str, doc_id: str, origin: str, fast: bool = False) -> Found:
    try:
        result = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, date_extraction_params=_DATE_SEARCH, fast=fast
        )
    except Exception as error:  # noqa: BLE001 - any failure of the extractor means markup it cannot read
        log.debug("%s: trafilatura failed (%s); reading the page's blocks instead", origin, error)
        result = None
    text = (result.text if result else None) or ""
    title = _strip(result.title if result else None)
    if not text.strip():
        text, block_title = _block_text(markup, origin)
        title = title or block_title
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    if not paragraphs:
        raise EmptyInputError(
            origin, "the page holds no article text; give the article's own page, not an index or a frame"
        )
    if title and _WHITESPACE.sub(" ", paragraphs[0]).casefold() != _WHITESPACE.sub(" ", title).casefold():
        paragraphs.insert(0, title)
    return Found(
        id=doc_id,
        text="\n\n".join(paragraphs),
        origin=origin,
        title=title,
        date=_page_date(result.date if result else None, markup, origin),
        date_source="html",
        source=_strip(result.sitename or result.hostname) if result else None,
        url=_strip(result.url) if result else None,
    )


def _block_text(markup: str, origin: str) -> tuple[str, str | None]:
    """The text of the page's blocks, one per line, and its title: for pages trafilatura cannot read."""
    try:
        # lxml parses control characters into text but refuses to set such text again (ValueError).
        root = lxml.html.document_fromstring(_NOT_XML.sub(" ", markup))
    except (lxml.etree.ParserError, ValueError) as error:
        raise FormatError(origin, f"cannot be parsed as HTML ({error}); check that it is an HTML page") from error
    title = _strip(root.findtext(".//title")) or _strip(next((h.text_content() for h in root.iter("h1")), None))
    for element in list(root.iter(*_DROPPED_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str):
            element.text = _WHITESPACE.sub(" ", element.text) if element.text else element.text
            element.tail = _WHITESPACE.sub(" ", element.tail) if element.tail else element.tail
    for element in root.iter(*_BLOCK_TAGS, "br"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    return root.text_content(), title


def _page_date(found: str | None, markup: str, origin: str) -> datetime.date | None:
    if not found:
        try:
            found = htmldate.find_date(markup, **_DATE_SEARCH)
        except Exception as error:  # noqa: BLE001 - a date the page does not give is no reason to refuse it
            log.debug("%s: htmldate failed (%s)", origin, error)
            found = None
    try:
        return datetime.date.fromisoformat(found[:10]) if found else None
    except ValueError:
        return None


def _strip(value: str | None) -> str | None:
    value = _WHITESPACE.sub(" ", value).strip() if value else None
    return value or None
