"""The trigger lexicon: which words express which CAMEO event, under which conditions.

The vocabulary is data (``data/lexicon.yaml``, documented in
``docs/lexicon.md``).  A verb or noun lemma has an ordered list of patterns;
the first whose conditions hold in the parse gives the CAMEO code.  The
conditions a pattern may state:

``object``       the theme (direct object, passive subject, a noun's "of"
                 phrase or compound) has a lemma in the list; ``none``: there
                 is no theme ("call *for* talks" but not "call Antonov home")
``complement``   a complement clause or its object has a lemma in the list
                 ("ordered them to *leave*", "said it was *unwarranted*")
``subject``      the grammatical subject has a lemma in the list
``prep``         the word governs one of these prepositions
``particle``     the verb has this particle ("call *off*")
``when``         ``future`` or ``past``: the tense the clause must have
``actor``        ``speaker``: the actor is whoever reports the clause and the
                 subject becomes the recipient ("755 diplomats must leave")
``light``        for a noun: the verb that carries it must be one of these
                 ("*lodged* a protest" vs "*staged* a protest")
``sector``       the actor's sector must be one of these (``none`` for no sector)

``conversions`` say which code an event takes when its clause changes what it
is: an intended cooperation is AGREE (``intent``), a conditional or planned
material conflict is THREATEN (``threat``), an action the speaker says the
other side must take is REQUEST (``demand``), a cooperation refused is REJECT
(``refusal``).  Keys are CAMEO codes (the longest prefix wins) or PLOVER types.

Lists may name a word class (``"@diplomat"``) defined under ``classes``.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .. import datafiles
from ..datafiles import as_list, line_of
from ..errors import DataFileError
from .codebook import NO_EVENT, load_codebook

LEXICON = Path(__file__).parent / "data" / "lexicon.yaml"
PATTERN_KEYS = {"cameo", "mode", "object", "complement", "subject", "prep", "particle", "when", "actor",
                "light", "sector", "negated", "note", datafiles.LINE}


class _NoTheme(frozenset):
    """The one value of ``object: none``: patterns are tested against it by identity, so pickling (the start-up
    cache, detente/cache.py) gives back this very object, not a copy."""

    def __reduce__(self) -> str:
        return "NO_THEME"


NO_THEME = _NoTheme({"<none>"})

CONVERSIONS = ("intent", "threat", "demand", "refusal", "disapproval", "rejection")
WORD_LISTS = ("light_verbs", "speech_verbs", "quantity_nouns", "carrying_out_nouns", "planning_verbs",
              "demanding_verbs", "threatening_verbs", "refusing_verbs", "reversing_verbs", "wishing_words", "hypothetical_modals",
              "future_auxiliaries", "obligation_auxiliaries", "decision_nouns", "carrier_nouns",
              "circumstance_preps", "meeting_measures", "pledging_verbs", "aid_purposes", "wanting_verbs",
              "theme_preps", "attribution_words", "object_control_verbs",
              "personal_pronouns", "third_person_pronouns", "quotation_marks", "reciprocal_events",
              "context_recipient_events", "context_recipient_codes", "cooperative_events", "place_preps",
              "placed_events", "state_sectors",
              "domestic_placed_events", "comment_verbs", "intention_nouns", "alleging_verbs", "counterpart_events",
              "feeling_preps", "domestic_codes",
              "scene_preps", "attack_instruments", "happenings", "onset_verbs", "deciding_verbs",
              "obligation_verbs", "shipped_nouns", "meeting_nouns", "boundary_nouns", "own_meetings", "beneficiary_nouns", "venue_nouns", "forum_bodies", "regret_words",
              "apology_doers", "regret_preps", "issuing_verbs", "judged_accusations", "judged_demands", "force_events",
              "simultaneous_preps", "custody_nouns", "crew_nouns", "craft_nouns", "particle_adverbs", "place_adverbs",
              "retort_particles", "elliptic_words", "known_counts", "joint_things", "paper_nouns",
              "mutual_words", "drawing_verbs", "arriving_verbs", "hosted_people", "reaction_nouns", "press_nouns",
              "audience_nouns", "envoy_nouns",
              "mission_preps", "siege_codes", "territorial_codes", "set_phrase_words", "told_things", "denial_codes",
              "answering_verbs", "in_kind_words", "justifying_words", "following_verbs", "following_objects",
              "copying_verbs", "copying_words", "additive_adverbs", "pro_verbs", "hosted_codes", "addressing_verbs",
              "cause_marks",
              "sovereign_things", "spoken_things", "said_things", "rejected_things", "sequel_verbs", "undoing_words",
              "invaded_nouns", "returned_force", "bare_measures",
              "release_nouns", "reciprocating_verbs", "matching_verbs", "shared_words", "approximators",
              "asking_verbs", "asking_nouns", "hoping_verbs", "condition_marks", "involving_verbs", "state_nouns",
              "group_nouns", "group_sectors", "posted_abroad", "helping_verbs", "unilateral_codes", "bond_nouns",
              "grievance_preps", "occasion_nouns", "occasion_preps", "feeling_nouns", "laying_verbs",
              "opposing_verbs", "speech_acts", "mediation_codes", "brokering_words", "brokering_preps",
              "bidding_preps", "vetoing_words", "body_decisions", "swap_nouns", "unheld_words", "repeated_codes",
              "ability_words")


@dataclass(frozen=True)
class Pattern:
    """One reading of a trigger word."""

    lemma: str
    pos: str
    cameo: str
    mode: str | None = None
    object: frozenset[str] | None = None
    complement: frozenset[str] | None = None
    subject: frozenset[str] | None = None
    prep: frozenset[str] | None = None
    particle: str | None = None
    when: str | None = None
    actor: str | None = None
    light: frozenset[str] | None = None
    sector: frozenset[str] | None = None
    negated: bool = False
    line: int | None = None


@dataclass(frozen=True)
class Cue:
    """Words stating that an action answers another ("in retaliation for")."""

    words: tuple[str, ...]
    kind: str


# The field of ``Lexicon`` that holds the patterns of each part of speech.
PATTERN_TABLES = {"VERB": "verbs", "NOUN": "nouns", "ADJ": "adjectives"}


@dataclass(frozen=True)
class Lexicon:
    """Trigger patterns by (part of speech, lemma), word lists and response cues."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    adjectives: dict[str, tuple[Pattern, ...]]
    words: dict[str, frozenset[str]]
    recipient_preps: tuple[str, ...]
    cues: tuple[Cue, ...]
    conversions: dict[str, dict[str, str]]
    causes: dict[str, str] = field(default_factory=dict)  # what a measure answers, by lemma → CAMEO code
    # the words a sentiment class took in from VADER and no list of the file names: a verdict only as what a
    # thing is called ("called the shift *a betrayal*"), never as the thing ("described *the crisis* as …")
    sentiment_only: frozenset[str] = frozenset()

    def convert(self, kind: str, code: str, event: str) -> str | None:
        """The code an event of CAMEO ``code`` and PLOVER type ``event`` takes under conversion ``kind``."""
        table = self.conversions[kind]
        for length in range(len(code), 1, -1):
            if code[:length] in table:
                return table[code[:length]]
        return table.get(event, table.get("default"))

    def patterns(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        # asked some 600 times per article: the table is named, not built into a dictionary at each call
        return getattr(self, PATTERN_TABLES[pos]).get(lemma, ())

    def word_list(self, name: str) -> frozenset[str]:
        return self.words[name]

    def vocabulary(self) -> frozenset[str]:
        """Every word the file names: triggers, the words their patterns ask for, and the word lists."""
        patterns = [p for table in (self.verbs, self.nouns, self.adjectives) for ps in table.values() for p in ps]
        asked = [words for p in patterns for words in (p.object, p.complement, p.subject) if words]
        return frozenset().union(self.verbs, self.nouns, self.adjectives, *self.words.values(), *asked)


def _words(path: Path, where: Any, values: Any, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    """Words and word classes; ``where`` is a mapping loaded with lines, or a line number."""
    line = where if isinstance(where, int) else line_of(where)
    out: set[str] = set()
    for value in as_list(values):
        if not isinstance(value, str) or not value:
            raise DataFileError(str(path), line, f"expected words, found {value!r}")
        if value.startswith("@"):
            if value[1:] not in classes:
                raise DataFileError(str(path), line, f"unknown word class {value!r}")
            out |= classes[value[1:]]
        else:
            out.add(value.lower())
    return frozenset(out)


def _patterns(path: Path, table: Any, pos: str, classes: dict[str, frozenset[str]]) -> dict[str, tuple[Pattern, ...]]:
    if not isinstance(table, dict):
        raise DataFileError(str(path), None, f"the {pos.lower()} table must map lemmas to lists of patterns")
    codes = load_codebook()
    out: dict[str, tuple[Pattern, ...]] = {}
    for lemma, entries in table.items():
        if lemma == datafiles.LINE:
            continue
        patterns = []
        for index, entry in enumerate(as_list(entries)):
            if not isinstance(entry, dict):
                line = datafiles.item_line(entries, index) or datafiles.key_line(table, lemma)
                raise DataFileError(str(path), line, f"{lemma}: a pattern must be a mapping")
            unknown = set(entry) - PATTERN_KEYS
            if unknown:
                raise DataFileError(str(path), line_of(entry), f"{lemma}: unknown keys {sorted(unknown)}")
            code = str(entry.get("cameo", ""))
            if code not in codes or codes[code].event == NO_EVENT:
                raise DataFileError(str(path), line_of(entry), f"{lemma}: {code!r} is not a coded CAMEO event")
            if entry.get("when") not in (None, "future", "past"):
                raise DataFileError(str(path), line_of(entry), f"{lemma}: `when` must be future or past")
            if entry.get("actor") not in (None, "speaker", "keeper"):
                raise DataFileError(str(path), line_of(entry), f"{lemma}: `actor` can only be speaker or keeper")
            if entry.get("negated") not in (None, True):
                raise DataFileError(str(path), line_of(entry), f"{lemma}: `negated` can only be true")

            def words(key: str, entry: dict = entry) -> frozenset[str] | None:
                if key == "object" and entry.get(key) == "none":
                    return NO_THEME
                return _words(path, entry, entry[key], classes) if key in entry else None

            patterns.append(Pattern(
                lemma=str(lemma).lower(), pos=pos, cameo=code, mode=entry.get("mode"),
                object=words("object"), complement=words("complement"), subject=words("subject"),
                prep=words("prep"), particle=entry.get("particle"), when=entry.get("when"),
                actor=entry.get("actor"), light=words("light"),
                sector=frozenset(str(v).upper() for v in as_list(entry["sector"])) if "sector" in entry else None,
                negated=bool(entry.get("negated")), line=line_of(entry),
            ))
        out[str(lemma).lower()] = tuple(patterns)
    return out


def _sentiment_words(source: Path, table: Any) -> dict[str, frozenset[str]]:
    """The words of VADER's sentiment lexicon (vaderSentiment) that a class takes in: those whose mean valence
    is at most ``at_most`` (or at least ``at_least``), single words of letters only."""
    if not table:
        return {}
    valences = _vader_valences()
    out = {}
    for name, bounds in table.items():
        if name == datafiles.LINE:
            continue
        if not isinstance(bounds, dict) or not {"at_most", "at_least"} & set(bounds):
            raise DataFileError(str(source), line_of(table), f"sentiment class {name}: needs `at_most` or `at_least`")
        low, high = bounds.get("at_least", -math.inf), bounds.get("at_most", math.inf)
        out[str(name)] = frozenset(word for word, valence in valences.items() if low <= valence <= high)
    return out


@functools.cache
def _vader_valences() -> dict[str, float]:
    """Word → mean valence (-4 … 4) of the lexicon that the vaderSentiment package carries."""
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", fields[0]):
            out[fields[0]] = float(fields[1])
    return out


@functools.cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """The trigger lexicon, checked entry by entry."""
    source = Path(path) if path else LEXICON
    data = datafiles.load(source)
    if not isinstance(data, dict):
        raise DataFileError(str(source), None, "expected a mapping")
    classes: dict[str, frozenset[str]] = {}
    for name, values in (data.get("classes") or {}).items():
        if name != datafiles.LINE:
            classes[name] = _words(source, datafiles.key_line(data["classes"], name), values, classes)
    sentiment_only: set[str] = set()
    for name, grown in _sentiment_words(source, data.get("sentiment_classes")).items():
        sentiment_only |= grown - classes.get(name, frozenset())
        classes[name] = classes.get(name, frozenset()) | grown
    words = {}
    for name in WORD_LISTS:
        if name not in data:
            raise DataFileError(str(source), None, f"missing word list `{name}`")
        words[name] = _words(source, datafiles.key_line(data, name), data[name], classes)
    cues = []
    for entry in as_list(data.get("cues")):
        if not isinstance(entry, dict) or not entry.get("words") or not entry.get("kind"):
            raise DataFileError(str(source), line_of(entry), "a cue needs `words` and `kind`")
        for phrase in as_list(entry["words"]):
            cues.append(Cue(tuple(str(phrase).lower().split()), str(entry["kind"])))
    conversions: dict[str, dict[str, str]] = {}
    raw = data.get("conversions") or {}
    codes = load_codebook()
    for kind in CONVERSIONS:
        table = raw.get(kind)
        if not isinstance(table, dict):
            raise DataFileError(str(source), line_of(raw), f"missing conversion table `{kind}`")
        conversions[kind] = {}
        for key, code in table.items():
            if key == datafiles.LINE:
                continue
            if str(code) not in codes:
                raise DataFileError(str(source), line_of(table), f"conversion {kind}: {code!r} is not a CAMEO code")
            conversions[kind][str(key)] = str(code)
    causes: dict[str, str] = {}
    raw_causes = data.get("causes") or {}
    for lemma, code in raw_causes.items():
        if lemma == datafiles.LINE:
            continue
        if str(code) not in codes or codes[str(code)].event == NO_EVENT:
            raise DataFileError(str(source), line_of(raw_causes), f"cause {lemma}: {code!r} is not a coded CAMEO event")
        causes[str(lemma).lower()] = str(code)
    return Lexicon(
        verbs=_patterns(source, data.get("verbs") or {}, "VERB", classes),
        nouns=_patterns(source, data.get("nouns") or {}, "NOUN", classes),
        adjectives=_patterns(source, data.get("adjectives") or {}, "ADJ", classes),
        words=words,
        recipient_preps=tuple(as_list(data.get("recipient_preps"))),
        cues=tuple(cues),
        conversions=conversions,
        causes=causes,
        sentiment_only=frozenset(sentiment_only),
    )
