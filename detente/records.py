"""Typed records passed between the stages of the pipeline.

Every record is a frozen dataclass.  Each field carries its help text in
``metadata["help"]`` so that the documentation, the JSON output and the
database schema can be generated from one place (see ``describe``).
The JSON form of an ``Event`` is the contract of ``shared/spec/event-record.md``.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields by name, not copied (``dataclasses.asdict`` deep-copies: slow, and not needed for
    records whose fields are strings, numbers and tuples of them)."""
    return dict(vars(record))


def _help(text: str, **kwargs: Any) -> Any:
    return field(metadata={"help": text}, **kwargs)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hexadecimal digest of ``parts``: same parts, same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One news article, as read from an input and cleaned."""

    id: str = _help("document id: the JSONL `id`, else the file name without directory and extension")
    text: str = _help("the article text after cleaning; event offsets point into it")
    title: str | None = _help("headline, when the input has one", default=None)
    date: date | None = _help("publication date", default=None)
    date_source: str = _help(
        "where the publication date came from: `jsonl`, `option`, `html`, `dateline`, or `none`",
        default="none",
    )
    source: str | None = _help("outlet that published the article (name or domain)", default=None)
    url: str | None = _help("address of the article, when known", default=None)
    origin: str = _help("the input the document was read from (path, `-` for stdin)", default="")

    @functools.cached_property
    def content_hash(self) -> str:
        """Digest of the cleaned text: coding the same text twice is detected by it.  Computed once per
        record: every event's id includes it, and for a long document hashing the text per event made the
        coder's cost grow with the square of its length."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Sentence:
    """A sentence of a cleaned document."""

    doc_id: str = _help("id of the document")
    index: int = _help("position of the sentence in the document, from 0")
    start: int = _help("offset of the first character in the document text")
    end: int = _help("offset after the last character in the document text")
    text: str = _help("the sentence text")


@dataclass(frozen=True)
class Entity:
    """An actor or recipient of an event, resolved against the knowledge base."""

    text: str = _help("the words of the article that name the entity")
    name: str = _help("canonical name (a state, an organisation, an office holder)")
    country: str | None = _help(
        "ISO 3166-1 alpha-3 code, or an organisation code (NATO, EU, UN …) for international organisations"
    )
    sector: str | None = _help("PLOVER sector code (GOV, LEG, MIL, SPY, JUD …) or null", default=None)
    id: str = _help("id of the knowledge-base entry the entity was resolved to", default="")

    def to_dict(self) -> dict[str, Any]:
        return _fields(self)


@dataclass(frozen=True)
class Size:
    """A quantity stated for an event: 755 diplomats, three consulates."""

    count: int = _help("the number")
    unit: str = _help("what is counted, as a plural noun (`diplomats`, `consulates`)")
    relation: str = _help(
        "how the number relates to the event: `affected` (755 must leave), `ceiling` (cut to 455), "
        "`votes` (a 98-2 vote)",
        default="affected",
    )
    text: str = _help("the words that state the quantity", default="")

    def to_dict(self) -> dict[str, Any]:
        return _fields(self)


RESOLUTIONS = ("city", "region", "country")
LOCATION_SOURCES = ("sentence", "dateline", "actor")


@dataclass(frozen=True)
class Location:
    """Where an event took place (PLOVER's location object), resolved against the GeoNames gazetteer."""

    text: str = _help("the words that name the place: the sentence's, the dateline's, or the actor's country")
    name: str = _help("the resolved place name (GeoNames)")
    geonames_id: int | None = _help("GeoNames id of the place, null when it has none")
    lat: float | None = _help("latitude in degrees (a country's or state's population centre)")
    lon: float | None = _help("longitude in degrees")
    country: str = _help("ISO 3166-1 alpha-3 code of the country the place is in")
    region: str | None = _help("GeoNames first-level division code (`US.TX`, `RU.48`), null for a country")
    resolution: str = _help("how precise the place is: `city`, `region` or `country`")
    source: str = _help("where it was found: `sentence`, `dateline` (the article's) or `actor` (the actor's country)")

    def to_dict(self) -> dict[str, Any]:
        return _fields(self)


STATUSES = ("actual", "threatened", "planned", "demanded", "hypothetical", "denied", "alleged")
DATE_SOURCES = ("explicit", "relative", "publication", "background")


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, how much, as one sentence reports it."""

    id: str = _help("stable id of the event record (same input and settings give the same id)")
    doc_id: str = _help("id of the document the event was read from")
    date: date | None = _help("date of the event itself, resolved from the text; null when unknown")
    date_source: str = _help("how the date was found: `explicit`, `relative`, `publication` (fallback) or "
                             "`background` (an earlier event retold, its date unknown: `date` is null)")
    event: str = _help("PLOVER event type, upper case (AGREE … ASSAULT)")
    mode: str | None = _help("PLOVER mode")
    context: tuple[str, ...] = _help("PLOVER contexts")
    cameo: str = _help("CAMEO event code with leading zeros")
    quad_class: int = _help("1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    goldstein: float = _help("Goldstein score of the CAMEO code (GDELT 2.0 table)")
    actor: tuple[Entity, ...] = _help("who acts (several for a compound actor)")
    recipient: tuple[Entity, ...] = _help("who is acted upon; empty when none")
    size: Size | None = _help("quantity stated for the event")
    status: str = _help("actual, threatened, planned, demanded, hypothetical, denied, or alleged (only reported "
                        "as the reason for another state's measure)")
    text: str = _help("the sentence the event was read from")
    span: tuple[int, int] = _help("character offsets of that sentence in the cleaned document text")
    trigger: str = _help("the words that express the event")
    trigger_span: tuple[int, int] = _help("character offsets of the trigger in the cleaned document text")
    sentence: int = _help("index of the sentence in the document")
    date_precision: str | None = _help("`day`, `month` or `year`: how precise the date is", default=None)
    source: str | None = _help("outlet of the document", default=None)
    cue: str | None = _help(
        "a response cue in the sentence (`in retaliation for` …), kept for linking", default=None
    )
    recipient_source: str = _help(
        "`sentence` when the sentence names the recipient, `context` when it was taken from the surrounding "
        "sentences (setting context_recipient), `joint` when it is both parties of the story, whose accord, "
        "talks or fighting the event is about, `answered` when it is the actor of the act the event answers in "
        "kind (\"Damascus answered in kind\": the same act turned back)",
        default="sentence",
    )
    event_loc: Location | None = _help(
        "where the event took place (PLOVER location): the sentence's place, else the dateline's, else the "
        "actor's country; null when none is known", default=None,
    )
    confidence: float | None = _help(
        "probability (0-1) that the event is right as the article scorer counts it (actor, recipient, type, "
        "date within tolerance), calibrated on gold (docs/calibration.md); null when not computed",
        default=None,
    )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of ``shared/spec/event-record.md`` (plus the extra fields above)."""
        out = _fields(self)
        out["date"] = self.date.isoformat() if self.date else None
        out["context"] = list(self.context)
        out["actor"] = [e.to_dict() for e in self.actor]
        out["recipient"] = [e.to_dict() for e in self.recipient]
        out["size"] = self.size.to_dict() if self.size else None
        out["span"] = list(self.span)
        out["trigger_span"] = list(self.trigger_span)
        out["event_loc"] = self.event_loc.to_dict() if self.event_loc else None
        return out

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> "Event":
        """The event of a record written by ``to_dict`` (as the store keeps it); keys that are not fields are
        left out, and fields the record lacks take their defaults."""
        names = {f.name for f in dataclasses.fields(cls)}
        values = {key: value for key, value in record.items() if key in names}
        values["date"] = date.fromisoformat(record["date"]) if record.get("date") else None
        values["context"] = tuple(record.get("context") or ())
        values["actor"] = tuple(Entity(**e) for e in record.get("actor") or ())
        values["recipient"] = tuple(Entity(**e) for e in record.get("recipient") or ())
        values["size"] = Size(**record["size"]) if record.get("size") else None
        values["span"] = tuple(record["span"])
        values["trigger_span"] = tuple(record["trigger_span"])
        if "event_loc" in record:
            values["event_loc"] = Location(**record["event_loc"]) if record["event_loc"] else None
        return cls(**values)


def describe(record_type: type) -> list[tuple[str, str]]:
    """(field name, help text) for each field of a record type, in order."""
    return [(f.name, f.metadata.get("help", "")) for f in dataclasses.fields(record_type)]


CLAIM_KINDS = ("retaliation", "response", "reciprocity", "cause", "judgement")


@dataclass(frozen=True)
class Claim:
    """A sentence's statement that one action answers another, read while coding its document.

    The effect is an event of the document; the cause is an event of the same
    document when the sentence reports it ("in retaliation for *London's
    expulsion of 23 diplomats*"), else only a description that the link stage
    looks up among all stored events.
    """

    id: str = _help("stable id of the claim")
    doc_id: str = _help("id of the document")
    sentence: int = _help("index of the sentence that states the response")
    cue: str = _help("the words that state it (`in retaliation for`, `tit-for-tat` …)")
    kind: str = _help("`retaliation`, `response`, `reciprocity`, `cause` (after, over …), `judgement` "
                      "(a verdict on the act: \"condemned the move\") or `sequence` (no words: an answer to the "
                      "other side's act of the days before)")
    effect: str = _help("id of the event that answers")
    cause: str | None = _help("id of the answered event when the document reports it, else null")
    cause_text: str | None = _help("the words that name the answered action (`the sanctions bill`)")
    cause_codes: tuple[str, ...] = _help("CAMEO codes the cause words suggest (`163` for sanctions)")
    cause_count: int | None = _help("a number stated for the answered action (`755`), else null")
    evidence: str = _help("the sentence that states the response")

    def to_dict(self) -> dict[str, Any]:
        out = _fields(self)
        out["cause_codes"] = list(self.cause_codes)
        return out


LINK_TYPES = ("responds_to", "inferred")


@dataclass(frozen=True)
class Link:
    """An action → reaction link between two aggregated events."""

    effect: str = _help("id of the aggregated event that answers")
    cause: str = _help("id of the aggregated event it answers")
    type: str = _help("`responds_to` when an article states it, `inferred` for a counter-action of the same "
                      "kind by the target within the window")
    score: float = _help("the probability that the link is right, from a model fitted on gold links; links "
                         "under the threshold are shown only when asked (see docs/reciprocity.md)")
    cue: str | None = _help("the words that state the response, null for inferred links", default=None)
    evidence: str | None = _help("the sentence that states it, null for inferred links", default=None)
    doc_id: str | None = _help("the document of that sentence", default=None)
    claim: str | None = _help("id of the claim the link comes from", default=None)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "event": self.cause, "cue": self.cue, "evidence": self.evidence,
                "doc_id": self.doc_id, "score": self.score}
