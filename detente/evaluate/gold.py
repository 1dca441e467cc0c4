"""Gold files → typed gold records, whatever their format.

``load_gold`` reads four formats and tells them apart by their content:

* article gold, JSON Lines (``shared/spec/gold-format.md``): one article per
  line, ``{"doc_id", "pub_date", "events": [...]}``;
* sentence gold, JSON Lines, as ``shared/eval/sentences.py build`` writes it:
  ``{"id", "events": [{"event", "source", "target"}]}`` per sentence (optional
  ``text`` and ``date`` are kept, so the sentences can be coded);
* the raw PLOVER gold-standard records (a JSON list, like
  ``shared/eval/plover-gsr/PLOVER_GSR_CAMEO.txt``), read exactly as
  ``sentences.py build`` reads them;
* PETRARCH validation XML: ``<Sentence id=… date=…>`` elements holding
  ``<EventCoding sourcecode=… targetcode=… eventcode=…/>`` and ``<Text>``.

Values are kept as the file gives them (no upper-casing, no renaming of old
type names) except where ``sentences.py build`` itself changes them, so that
scoring reproduces the shared scripts.  A file that cannot be read raises a
``FormatError`` (or another ``InputError``) naming the file and the line.
"""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import defusedxml.ElementTree
import pycountry
from defusedxml import DefusedXmlException

from ..actors.knowledge import load_knowledge
from ..errors import DecodingError, FormatError, InputError
from ..events.codebook import NO_EVENT, Code, load_codebook

log = logging.getLogger(__name__)

ARTICLE_JSONL = "article-jsonl"
SENTENCE_JSONL = "sentence-jsonl"
PLOVER_JSON = "plover-json"
PETRARCH_XML = "petrarch-xml"
FORMATS = {
    ARTICLE_JSONL: "article gold JSON Lines",
    SENTENCE_JSONL: "sentence gold JSON Lines",
    PLOVER_JSON: "PLOVER gold-standard JSON",
    PETRARCH_XML: "PETRARCH validation XML",
}
ARTICLE, SENTENCE = "article", "sentence"

# The renaming of old PLOVER type names done by shared/eval/sentences.py when it builds sentence
# gold from the PLOVER records (score.py has its own list, without YIELD: see scoring.articles).
PLOVER_OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
                    "YIELD": "CONCEDE", "SACTION": "SANCTION"}
PLOVER_DOCUMENTATION = "DOCUMENT"  # records that document the file, not an event

_UNKNOWN = (f"unknown gold format: expected {FORMATS[ARTICLE_JSONL]} (lines with `doc_id` and `events`), "
            f"{FORMATS[SENTENCE_JSONL]} (lines with `id` and `events`), {FORMATS[PLOVER_JSON]} (a list of "
            f"records) or {FORMATS[PETRARCH_XML]}")


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event of an article (the fields of ``shared/spec/gold-format.md`` that scoring reads)."""

    id: str
    status: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    event: str
    event_alt: tuple[str, ...] = ()
    source_alt: tuple[tuple[str, ...], ...] = ()
    target_alt: tuple[tuple[str, ...], ...] = ()
    date: str | None = None
    date_tolerance: int = 1
    symmetric: bool = False
    cameo: str | None = None
    evidence: str = ""

    @property
    def core(self) -> bool:
        return self.status == "core"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "source": list(self.source), "target": list(self.target),
                "event": self.event, "event_alt": list(self.event_alt), "date": self.date,
                "date_tolerance": self.date_tolerance, "symmetric": self.symmetric, "cameo": self.cameo,
                "evidence": self.evidence}


@dataclass(frozen=True)
class GoldLink:
    """An action → reaction pair the article states: ``effect`` answers ``cause`` (gold event ids)."""

    effect: str
    cause: str
    cue: str | None = None


@dataclass(frozen=True)
class ArticleGold:
    """The gold events of one article, and the links between them."""

    doc_id: str
    events: tuple[GoldEvent, ...]
    pub_date: str | None = None
    links: tuple[GoldLink, ...] = ()


@dataclass(frozen=True)
class SentenceGoldEvent:
    """One annotated event of a sentence: its type and the country codes of source and target."""

    event: str
    source: tuple[str, ...]
    target: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "source": list(self.source), "target": list(self.target)}


@dataclass(frozen=True)
class SentenceGold:
    """The gold events of one sentence, with its text and date when the gold file carries them."""

    id: str
    events: tuple[SentenceGoldEvent, ...]
    text: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Gold:
    """A gold file: articles (article level) or sentences (sentence level), in the order of the file."""

    path: str
    format: str
    articles: tuple[ArticleGold, ...] = ()
    sentences: tuple[SentenceGold, ...] = ()

    @property
    def level(self) -> str:
        """``article`` or ``sentence``."""
        return ARTICLE if self.format == ARTICLE_JSONL else SENTENCE

    @property
    def has_texts(self) -> bool:
        """Whether every sentence carries its text, so that the gold can be coded without inputs."""
        return bool(self.sentences) and all(s.text is not None for s in self.sentences)

    def __len__(self) -> int:
        return len(self.articles) + len(self.sentences)


def load_gold(path: str | Path) -> Gold:
    """Read a gold file in any of the four formats (see the module docstring)."""
    name = str(path)
    text = _read(name)
    first = text.lstrip("\ufeff \t\r\n")[:1]
    if first == "<":
        return Gold(name, PETRARCH_XML, sentences=tuple(_petrarch(text, name)))
    if first == "[":
        return Gold(name, PLOVER_JSON, sentences=tuple(_plover(text, name)))
    if first == "{":
        return _json_lines(text, name)
    if not first:
        raise FormatError(name, "the gold file is empty; give a gold file with at least one article or sentence")
    raise FormatError(name, _UNKNOWN)


def _read(path: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such gold file; check the path") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DecodingError(path, f"not UTF-8 (byte {error.start}); save the gold file as UTF-8") from None


# -- JSON Lines ------------------------------------------------------------------------------


def _lines(text: str, path: str):
    """(line number, object) for each non-blank line; a line that is not a JSON object is an error."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise FormatError(f"{path}:{number}", f"invalid JSON ({error.msg} at column {error.colno}); "
                                                  "fix the line") from None
        if not isinstance(item, dict):
            raise FormatError(f"{path}:{number}", "expected a JSON object per line")
        yield number, item


def _json_lines(text: str, path: str) -> Gold:
    lines = _lines(text, path)
    number, first = next(lines)
    if "doc_id" in first and "events" in first:
        articles = [_article(first, f"{path}:{number}")]
        articles += [_article(item, f"{path}:{n}") for n, item in lines]
        return Gold(path, ARTICLE_JSONL, articles=tuple(articles))
    if "id" in first and "events" in first:
        sentences = [_sentence(first, f"{path}:{number}")]
        sentences += [_sentence(item, f"{path}:{n}") for n, item in lines]
        return Gold(path, SENTENCE_JSONL, sentences=tuple(sentences))
    raise FormatError(f"{path}:{number}", _UNKNOWN)


def _article(item: dict, where: str) -> ArticleGold:
    doc_id = item.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise FormatError(where, "`doc_id` must be the article id as a string")
    events = item.get("events")
    if not isinstance(events, list):
        raise FormatError(where, "`events` must be a list of events")
    pub_date = item.get("pub_date")
    parsed = tuple(_gold_event(e, f"{where}: event {i}") for i, e in enumerate(events, 1))
    return ArticleGold(doc_id, parsed, pub_date if isinstance(pub_date, str) else None,
                       _links(item.get("links"), {e.id for e in parsed}, where))


def _links(links: Any, ids: set[str], where: str) -> tuple[GoldLink, ...]:
    if links is None:
        return ()
    if not isinstance(links, list):
        raise FormatError(where, "`links` must be a list of {effect, cause, cue}")
    out = []
    for number, entry in enumerate(links, 1):
        if not isinstance(entry, dict) or entry.get("effect") not in ids or entry.get("cause") not in ids:
            raise FormatError(where, f"link {number}: `effect` and `cause` must be ids of the article's events")
        cue = entry.get("cue")
        out.append(GoldLink(str(entry["effect"]), str(entry["cause"]), str(cue) if cue else None))
    return tuple(out)


def _gold_event(event: Any, where: str) -> GoldEvent:
    if not isinstance(event, dict):
        raise FormatError(where, "an event must be an object")
    for key in ("status", "event"):
        if not isinstance(event.get(key), str):
            raise FormatError(where, f"`{key}` must be a string")
    date = event.get("date")
    if date is not None and not isinstance(date, str):
        raise FormatError(where, "`date` must be an ISO date string or null")
    tolerance = event.get("date_tolerance", 1)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance < 0:
        raise FormatError(where, "`date_tolerance` must be a whole number of days")
    cameo = event.get("cameo")
    return GoldEvent(
        id=str(event.get("id") or ""),
        status=event["status"],
        source=_codes(event, "source", where),
        target=_codes(event, "target", where),
        event=event["event"],
        event_alt=_strings(event.get("event_alt", []), "event_alt", where),
        source_alt=_readings(event, "source_alt", where),
        target_alt=_readings(event, "target_alt", where),
        date=date,
        date_tolerance=tolerance,
        symmetric=bool(event.get("symmetric")),
        cameo=str(cameo) if cameo is not None else None,
        evidence=str(event.get("evidence") or ""),
    )


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(where, f"`{key}` must be a list of strings")
    return tuple(value)


def _codes(event: dict, key: str, where: str) -> tuple[str, ...]:
    if key not in event:
        raise FormatError(where, f"`{key}` is missing; give a list of country codes")
    return _strings(event[key], key, where)


def _readings(event: dict, key: str, where: str) -> tuple[tuple[str, ...], ...]:
    value = event.get(key, [])
    if not isinstance(value, list):
        raise FormatError(where, f"`{key}` must be a list of lists of country codes")
    return tuple(_strings(reading, key, where) for reading in value)


def _sentence(item: dict, where: str) -> SentenceGold:
    sentence_id = item.get("id")
    if not isinstance(sentence_id, str) or not sentence_id:
        raise FormatError(where, "`id` must be the sentence id as a string")
    events = item.get("events")
    if not isinstance(events, list):
        raise FormatError(where, "`events` must be a list of events")
    parsed = []
    for index, event in enumerate(events, start=1):
        here = f"{where}: event {index}"
        if not isinstance(event, dict) or not isinstance(event.get("event"), str):
            raise FormatError(here, "an event must be an object with `event`, `source` and `target`")
        parsed.append(SentenceGoldEvent(event["event"], _codes(event, "source", here), _codes(event, "target", here)))
    text, date = item.get("text"), item.get("date")
    return SentenceGold(sentence_id, tuple(parsed), text if isinstance(text, str) else None,
                        date if isinstance(date, str) else None)


# -- PLOVER gold-standard records --------------------------------------------------------------


def _plover(text: str, path: str):
    """One sentence per record, as ``sentences.py build_plover`` makes them (old type names renamed)."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"{path}:{error.lineno}", f"invalid JSON ({error.msg} at column {error.colno}); "
                                                    "fix the file") from None
    for number, record in enumerate(records, start=1):
        where = f"{path}: record {number}"
        if not isinstance(record, dict) or not isinstance(record.get("event"), str):
            raise FormatError(where, "a PLOVER record must be an object with `event`")
        if record["event"] == PLOVER_DOCUMENTATION:
            continue
        if not isinstance(record.get("id"), str) or not isinstance(record.get("text"), str):
            raise FormatError(where, "a PLOVER record needs `id` and `text` strings")
        event = record["event"].upper()
        yield SentenceGold(
            id=record["id"],
            events=(SentenceGoldEvent(PLOVER_OLD_TYPES.get(event, event), _plover_codes(record.get("source")),
                                      _plover_codes(record.get("target"))),),
            text=record["text"],
            date=record.get("date") if isinstance(record.get("date"), str) else None,
        )


def _plover_codes(actors: Any) -> tuple[str, ...]:
    # Like sentences.py: a string or null instead of a list of actors gives no codes.
    return tuple(a["code"] for a in actors or [] if isinstance(a, dict) and isinstance(a.get("code"), str)
                 and a["code"])


# -- PETRARCH validation XML -------------------------------------------------------------------


def _petrarch(text: str, path: str):
    """One sentence per ``<Sentence>``; its events from the ``<EventCoding>`` elements."""
    try:
        # defusedxml stops at the declaration itself, before any entity is expanded ("billion laughs")
        # or any external file or address is read (XXE); a gold file has no use for either.
        root = defusedxml.ElementTree.fromstring(text, forbid_dtd=True)
    except DefusedXmlException as error:
        raise FormatError(path, f"XML with a DOCTYPE or ENTITY declaration is refused ({type(error).__name__}); "
                                "remove the declaration") from None
    except ElementTree.ParseError as error:
        line, column = error.position
        raise FormatError(f"{path}:{line}", f"not well-formed XML ({error}); fix the file") from None
    found = False
    for index, element in enumerate(root.iter("Sentence"), start=1):
        found = True
        sentence_id = (element.get("id") or "").strip()
        if not sentence_id:
            raise FormatError(f"{path}: sentence {index}", "a <Sentence> needs an `id` attribute")
        events = tuple(e for coding in element.iter("EventCoding")
                       if (e := _coding(coding, f"{path}: sentence {sentence_id}")) is not None)
        body = element.find("Text")
        words = " ".join((body.text or "").split()) if body is not None else ""
        yield SentenceGold(sentence_id, events, words or None, _petrarch_date(element.get("date")))
    if not found:
        raise FormatError(path, f"no <Sentence> elements; {_UNKNOWN}")


def _coding(coding: ElementTree.Element, where: str) -> SentenceGoldEvent | None:
    if (coding.get("noevents") or "").strip().lower() == "true":
        return None
    code = (coding.get("eventcode") or "").strip()
    found = _code(code)
    if found is None:
        raise FormatError(where, f"unknown CAMEO event code {code!r}; fix the <EventCoding>")
    if found.event == NO_EVENT:
        log.debug("%s: CAMEO %s has no PLOVER event type; not gold", where, code)
        return None
    source, target = _country(coding.get("sourcecode")), _country(coding.get("targetcode"))
    return SentenceGoldEvent(found.event, (source,) if source else (), (target,) if target else ())


def _code(code: str) -> Code | None:
    """The code table's entry for a CAMEO code, or for its nearest parent code (``0431`` → ``043``)."""
    codes = load_codebook()
    for length in range(len(code), 1, -1):
        if code[:length] in codes:
            return codes[code[:length]]
    return None


def _country(actor: str | None) -> str | None:
    """The country of a CAMEO actor code, in the codes the coder writes.

    An organisation code of the knowledge base given whole (``NATO``), else the
    first three letters when they are an ISO 3166-1 alpha-3 code (``USAGOV`` →
    ``USA``) or an organisation code; else none (regions, ``IGO…`` codes,
    invented countries).
    """
    code = (actor or "").strip().upper()
    organisations = load_knowledge().organisations
    if code in organisations:
        return code
    head = code[:3]
    if len(head) == 3 and (pycountry.countries.get(alpha_3=head) is not None or head in organisations):
        return head
    return None


def _petrarch_date(value: str | None) -> str | None:
    """``20150805`` or ``2015-08-05`` → ``2015-08-05``."""
    value = (value or "").strip()
    digits = value.replace("-", "")
    if len(digits) >= 8 and digits[:8].isdigit():
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return None
