"""The version of the coder that coded a document, recorded with the document in the store.

A stored report is only as good as the coder that read it.  The version is a
line of short hashes of what decides the events of a text::

    lexicon:1f0c9a2e knowledge:77b1d3c0 code:5a9e0b44 extra:- settings:c2d81f3a

* ``lexicon``: the trigger lexicon, the CAMEO/PLOVER code table and the other
  word lists of the coder (time words, numbers, boilerplate, places);
* ``knowledge``: the packaged knowledge base (``detente/actors/data``);
* ``code``: the source of the coder's stages;
* ``extra``: the ``--extra-actors`` file (``-`` without one);
* ``settings``: the settings that change the events (model, max_chars,
  context_recipient).

A document is coded by an *older version* when its lexicon, knowledge or code
hash is not today's (or it was stored before versions were recorded):
``detente summary`` says so and ``detente recode`` codes it again.  Two
documents with the same text and publication date share one coding only when
their whole versions are equal.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .settings import Settings

PACKAGE = Path(__file__).parent
# The coder's own code: what runs from a document's text to its events and claims.
CODE = ("coder.py", "nlp.py", "clean.py", "time.py", "size.py", "screen.py", "records.py", "datafiles.py",
        "ingest", "events", "actors", "geo", "reciprocity/claims.py")
OUTDATED_WHEN = ("lexicon", "knowledge", "code")
NONE = "-"


def coder_version(settings: Settings | None = None) -> str:
    """The version line of the coder that ``settings`` give, with today's data files and code."""
    settings = settings or Settings()
    parts = current()
    parts["extra"] = _digest([Path(settings.extra_actors)]) if settings.extra_actors else NONE
    parts["settings"] = _digest_text(f"{settings.model}\x1f{settings.max_chars}\x1f{settings.context_recipient}")
    return " ".join(f"{name}:{value}" for name, value in parts.items())


def current() -> dict[str, str]:
    """Today's hashes of the lexicon, the knowledge base and the coder's code."""
    from .actors import knowledge
    from .events import codebook, lexicon

    word_lists = [lexicon.LEXICON, codebook.TABLE, *sorted((PACKAGE / "data").glob("*.yaml")),
                  *sorted((PACKAGE / "geo" / "data").glob("*.yaml"))]
    return {
        "lexicon": _digest(word_lists),
        "knowledge": _digest(sorted(p for p in Path(knowledge.DATA).iterdir() if p.is_file())),
        "code": _digest(_code_files()),
    }


def parts(version: str | None) -> dict[str, str]:
    """The hashes of a version line by name; empty for None."""
    return dict(part.split(":", 1) for part in (version or "").split() if ":" in part)


def outdated(version: str | None) -> bool:
    """Whether a document coded by ``version`` was coded by an older lexicon, knowledge base or code."""
    if not version:
        return True
    stored, today = parts(version), current()
    return any(stored.get(name) != today[name] for name in OUTDATED_WHEN)


def _code_files() -> list[Path]:
    files: list[Path] = []
    for name in CODE:
        path = PACKAGE / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"")
        digest.update(b"\0")
    return digest.hexdigest()[:8]


def _digest_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
