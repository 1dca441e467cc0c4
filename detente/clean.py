"""The clean stage: article text as read → the text that is coded.

``clean_text`` is applied by every reader, so ``Document.text`` is always
clean and event offsets point into it.  It works line by line and never
edits inside a sentence, except to remove markdown markup:

1. newlines, Unicode spaces and invisible characters are normalised;
2. markdown heading, emphasis, list, quote and code markers are removed, and
   links keep only their text;
3. a wire service's slug before a headline or a line ("UPDATE 2-", "FLASH —",
   "BREAKING:"), a ``slugs`` pattern of ``data/boilerplate.yaml`` matched at
   the start of the line, is removed, and the rest of the line kept;
4. boilerplate lines are dropped: those matching a ``lines`` pattern of
   ``data/boilerplate.yaml`` anywhere, a ``source`` pattern in its place
   (top or bottom), and a ``header`` pattern (a date, a byline) above the
   first paragraph of body text, together with an author's name standing on
   the line next to such a date or byline;
5. every line that appears twice or more is dropped, all copies: picture
   captions are repeated on news pages.  The headline keeps its first copy,
   and so does a paragraph of body text (two sentences or more, of
   ``_PARAGRAPH_WORDS`` words or more, not in brackets): syndicated copy
   sometimes runs a paragraph twice;
6. paragraphs are separated by one blank line; the headline, when there is
   one, is the first paragraph.

The patterns are matched against whole lines, so a paragraph that merely
mentions "share" or "copyright" is never touched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import datafiles
from .errors import DataFileError

BOILERPLATE_FILE = Path(__file__).parent / "data" / "boilerplate.yaml"

_SECTIONS = ("lines", "header", "source", "slugs")
_PLACES = ("top", "bottom", "last", "top-or-bottom")
# How many non-empty lines count as the top or the bottom of an article.
_EDGE_LINES = 5
# The header (dates, bylines) ends at the first line that reads as body text,
# and at the latest after this many non-empty lines.
_HEADER_LINES = 10
_HEADER_MAX_CHARS = 160


@dataclass(frozen=True)
class Pattern:
    """One entry of the boilerplate file."""

    regex: re.Pattern[str]
    why: str
    where: str = "anywhere"
    raw: bool = False

    def match(self, written: str, plain: str) -> re.Match[str] | None:
        return self.regex.fullmatch(written if self.raw else plain)


@dataclass(frozen=True)
class Boilerplate:
    """The validated content of ``boilerplate.yaml``."""

    lines: tuple[Pattern, ...]
    header: tuple[Pattern, ...]
    source: tuple[Pattern, ...]
    slugs: tuple[Pattern, ...]


# --- the data file -----------------------------------------------------------


@functools.lru_cache(maxsize=4)
def load_boilerplate(path: str | Path = BOILERPLATE_FILE) -> Boilerplate:
    """Load and validate a boilerplate file (once per path); errors name the file and entry."""
    path = str(path)
    content = datafiles.load(path)
    if not isinstance(content, dict):
        raise DataFileError(path, None, f"expected a mapping with the keys {', '.join(_SECTIONS)}")
    unknown = sorted(k for k in content if k not in _SECTIONS and k != datafiles.LINE)
    if unknown:
        raise DataFileError(path, datafiles.line_of(content), f"unknown section {unknown[0]!r}")
    sections = {}
    for section in _SECTIONS:
        entries = content.get(section) or []
        if not isinstance(entries, list):
            raise DataFileError(path, datafiles.line_of(content), f"section {section!r} must be a list")
        sections[section] = tuple(_pattern(path, section, entry) for entry in entries)
    return Boilerplate(**sections)


def _pattern(path: str, section: str, entry: Any) -> Pattern:
    line = datafiles.line_of(entry)
    if not isinstance(entry, dict):
        raise DataFileError(path, line, f"{section}: each entry must be a mapping with `pattern` and `why`")
    allowed = {"pattern", "why", datafiles.LINE} | ({"where", "raw"} if section == "source" else set())
    extra = sorted(k for k in entry if k not in allowed)
    if extra:
        raise DataFileError(path, line, f"{section}: unknown key {extra[0]!r} in entry {entry.get('pattern')!r}")
    text, why = entry.get("pattern"), entry.get("why")
    if not isinstance(text, str) or not text:
        raise DataFileError(path, line, f"{section}: entry without a `pattern` string")
    if not isinstance(why, str) or not why.strip():
        raise DataFileError(path, line, f"{section}: entry {text!r} needs a `why` saying what it removes")
    try:
        regex = re.compile(text, re.IGNORECASE)
    except re.error as error:
        raise DataFileError(path, line, f"{section}: bad regular expression {text!r}: {error}") from error
    if section != "source":
        return Pattern(regex, why)
    if "source" not in regex.groupindex:
        raise DataFileError(path, line, f"source: pattern {text!r} needs a group named `source`")
    where = entry.get("where", "top-or-bottom")
    if where not in _PLACES:
        raise DataFileError(path, line, f"source: `where` must be one of {', '.join(_PLACES)}, not {where!r}")
    raw = entry.get("raw", False)
    if not isinstance(raw, bool):
        raise DataFileError(path, line, f"source: `raw` must be true or false in entry {text!r}")
    return Pattern(regex, why, where, raw)


# --- normalising and markdown --------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

_REFERENCE_DEFINITION = re.compile(r"\[[^\]]+\]:\s+\S+.*")
_HEADING = re.compile(r"#{1,6}(?:\s+(.*?))?(?:\s+#+)?")
_QUOTE_OR_BULLET = re.compile(r"(?:>\s?)+|(?:[*+]|-(?!-))\s+")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^<>\s]+|[\w.+-]+@[\w-]+\.[\w.-]+)>")
_CODE = re.compile(r"(?<!`)(`+)([^`]+)\1(?!`)")
# Emphasis opens and closes outside words ("3*4*5", "snake_case" stay) and
# not on an escaped marker ("\*").  Its text holds no marker of its own
# kind, which keeps matching linear; nesting is undone by repeating.
_EMPHASIS = (
    re.compile(r"(?<![\w\\])(\*{1,3})(?=\S)([^*]+?)(?<=[^\s\\])\1(?!\w)"),
    re.compile(r"(?<![\w\\])(_{1,3})(?=\S)([^_]+?)(?<=[^\s\\])\1(?!\w)"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def normalise(text: str) -> str:
    """``text`` in NFC with ``\\n`` newlines, plain spaces and no invisible characters."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def plain_line(line: str) -> str:
    """One normalised line without its markdown markers; links keep their text."""
    if _REFERENCE_DEFINITION.fullmatch(line):
        return ""
    heading = _HEADING.fullmatch(line)
    if heading:
        line = heading.group(1) or ""
    line = _QUOTE_OR_BULLET.sub("", line, count=1) if _QUOTE_OR_BULLET.match(line) else line
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REFERENCE_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\2", line)
    for _ in range(3):  # nested emphasis: **bold *and italic* text**, **_x_**
        stripped = line
        for emphasis in _EMPHASIS:
            stripped = emphasis.sub(r"\2", stripped)
        if stripped == line:
            break
        line = stripped
    line = _ESCAPE.sub(r"\1", line)
    return _SPACES.sub(" ", line).strip()


def plain_text(text: str) -> str:
    """``text`` normalised and without markdown, every line kept: what date and source finders read."""
    return "\n".join(plain_line(line) for line in normalise(text).split("\n"))


# --- cleaning ----------------------------------------------------------------


class _Lines:
    """The lines of one text, as written and without markdown, and which are kept."""

    def __init__(self, text: str):
        self.written = normalise(text).split("\n")
        self.plain = [plain_line(line) for line in self.written]
        self.keep = [bool(line) for line in self.plain]
        self.filled = [i for i, line in enumerate(self.written) if line]

    def in_place(self, index: int, where: str) -> bool:
        rank = self.filled.index(index)
        from_end = len(self.filled) - 1 - rank
        return {
            "anywhere": True,
            "top": rank < _EDGE_LINES,
            "bottom": from_end < _EDGE_LINES,
            "last": from_end == 0,
            "top-or-bottom": rank < _EDGE_LINES or from_end < _EDGE_LINES,
        }[where]

    def source_lines(self, patterns: tuple[Pattern, ...]) -> list[tuple[int, str]]:
        """(line index, outlet name) of every line a ``source`` pattern matches in its place."""
        edges = self.filled[:_EDGE_LINES] + self.filled[-_EDGE_LINES:]
        found = []
        for pattern in patterns:
            for index in dict.fromkeys(edges):
                match = pattern.match(self.written[index], self.plain[index])
                if match and self.in_place(index, pattern.where):
                    found.append((index, match.group("source").strip(" .:;,")))
        return found


def clean_text(text: str) -> str:
    """The cleaned form of an article's text; see the module docstring for what is removed."""
    table = load_boilerplate()
    lines = _Lines(text)
    lines.plain = [_without_slug(line, table.slugs) for line in lines.plain]
    for index, line in enumerate(lines.plain):
        if line and any(p.regex.fullmatch(line) for p in table.lines):
            lines.keep[index] = False
    for index, _ in lines.source_lines(table.source):
        lines.keep[index] = False
    headline = _drop_header(lines, table.header)
    _drop_repeated(lines, headline)
    return _assemble(lines)


def _without_slug(line: str, slugs: tuple[Pattern, ...]) -> str:
    """The line without a wire service's slug at its start ("UPDATE 2-Japan protests …"); a line that is only
    a slug stays as it is, for the boilerplate patterns to judge."""
    for slug in slugs:
        found = slug.regex.match(line)
        if found and found.end() < len(line):
            return line[found.end():]
    return line


def source_from_text(text: str) -> str | None:
    """The outlet named by a line at the top or bottom of ``text`` ("Source: …", "Read more at …")."""
    lines = _Lines(text)
    found = lines.source_lines(load_boilerplate().source)
    return found[0][1] if found and found[0][1] else None


# A name standing alone next to a date or byline: "Alex Lantier", "Jane M. Doe".
_AUTHOR_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _reads_as_body(line: str) -> bool:
    words = len(line.split())
    return words >= 25 or (words >= 6 and bool(_SENTENCE_END.search(line)))


def _drop_header(lines: _Lines, patterns: tuple[Pattern, ...]) -> int | None:
    """Drop dates and bylines above the body; the index of the headline (first kept line)."""
    headline = None
    dropped: list[int] = []
    candidates: list[int] = []
    seen = 0
    for index, line in enumerate(lines.plain):
        if not lines.keep[index]:
            continue
        if seen >= _HEADER_LINES or _reads_as_body(line):
            break
        seen += 1
        if len(line) <= _HEADER_MAX_CHARS and any(p.regex.fullmatch(line) for p in patterns):
            lines.keep[index] = False
            dropped.append(index)
        elif headline is None:
            headline = index
        else:
            candidates.append(index)
    for index in candidates:
        beside_dropped = index - 1 in dropped or index + 1 in dropped
        if beside_dropped and _AUTHOR_NAME.fullmatch(lines.plain[index]):
            lines.keep[index] = False
    return headline


_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"} | {c: "-" for c in "‐‑‒–—―"})


def _repeat_key(line: str) -> str:
    return " ".join(line.translate(_QUOTES).casefold().split())


def _drop_repeated(lines: _Lines, headline: int | None) -> None:
    keys = {i: _repeat_key(line) for i, line in enumerate(lines.plain) if lines.keep[i]}
    counts: dict[str, int] = {}
    for key in keys.values():
        counts[key] = counts.get(key, 0) + 1
    kept: set[str] = set()
    for index, key in keys.items():
        if counts[key] > 1 and index != headline:
            first = key not in kept and _is_paragraph(lines.plain[index])
            lines.keep[index] = first
            kept.add(key)


# A body paragraph run twice keeps its first copy when it has at least this many words (and two sentences).
_PARAGRAPH_WORDS = 25
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")


def _is_paragraph(line: str) -> bool:
    """Whether a line reads as a paragraph of body text, not a caption: two sentences or more, long enough, and
    not in brackets ("[Photo: …]")."""
    stripped = line.strip()
    return not stripped.startswith(("[", "(")) and len(stripped.split()) >= _PARAGRAPH_WORDS \
        and _SENTENCE_BREAK.search(stripped) is not None


def _assemble(lines: _Lines) -> str:
    out: list[str] = []
    for index, written in enumerate(lines.written):
        if lines.keep[index]:
            out.append(lines.plain[index])
        elif not written and out and out[-1]:
            out.append("")
    return "\n".join(out).strip("\n")
