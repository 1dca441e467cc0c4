"""Reader of plain text and markdown articles: one file, one document.

The headline is the first line when it looks like one (short, not ending
like a sentence); markdown markers are removed from it.
"""

from __future__ import annotations

from ..records import Document
from .document import Defaults, Found, build_document


def read_text(text: str, *, doc_id: str, origin: str, defaults: Defaults) -> Document:
    """The document of a plain text or markdown article."""
    found = Found(id=doc_id, text=text, origin=origin)
    return build_document(found, defaults, where=origin, headline=True)
