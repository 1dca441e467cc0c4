"""Tests of detente.coder: the stage runner, purity of the coder, long documents, the event record."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from datetime import date

import pytest

from detente.coder import STAGES, Coder, Stage, Work, run_stages
from detente.errors import CodingError, DataFileError, StageError
from detente.records import Document
from detente.settings import Settings

ARTICLE = Document(
    id="moscow-expels",
    text="Russia expels British diplomats\n\n"
         "MOSCOW, March 17 (Wire) — Russia on Saturday expelled 23 British diplomats in retaliation for the "
         "expulsion of its own envoys. The British Foreign Office said it would consider its response.",
    title="Russia expels British diplomats",
    date=date(2018, 3, 17),
    date_source="option",
    source="Test Wire",
    origin="moscow-expels.txt",
)
OTHER = dataclasses.replace(
    ARTICLE,
    text="Canada recalls envoy\n\nOTTAWA (Wire) — Canada on Monday expelled two Saudi diplomats after a dispute over "
         "human rights.",
)


@pytest.fixture(scope="module")
def coder():
    return Coder()


@pytest.fixture(scope="module")
def events(coder):
    found = coder.code(ARTICLE)
    assert found
    return found


# (stage run on a Work holding only the document, the fields it reports missing)
MISSING_CASES = [
    ("sentences/v1", "parsed"),
    ("actors/v1", "parsed"),
    ("events/v1", "parsed, resolver"),
    ("records/v1", "parsed, findings"),
]


@pytest.mark.parametrize(("name", "missing"), MISSING_CASES)
def test_stage_without_its_input_is_named(coder, name: str, missing: str) -> None:
    stage = next(s for s in STAGES if s.name == name)
    with pytest.raises(StageError) as raised:
        run_stages(coder, Work(document=ARTICLE), [stage])
    assert raised.value.stage == name
    assert str(raised.value) == f"stage {name}: needs {missing}, which no earlier stage wrote"


def test_first_stage_without_its_input_stops_the_run(coder) -> None:
    with pytest.raises(StageError, match=r"^stage sentences/v1: needs parsed"):
        run_stages(coder, Work(document=ARTICLE), STAGES[1:])


def fail(coder, work) -> None:
    raise ValueError("no verb in sight")


def bad_data(coder, work) -> None:
    raise DataFileError("lexicon.yaml", 12, "unknown word class '@nope'")


def nothing(coder, work) -> None:
    pass


def test_failing_stage_is_named_with_the_document(coder) -> None:
    stage = Stage("broken/v1", fail, ("document",), ("events",), "a stage with a bug")
    with pytest.raises(StageError) as raised:
        run_stages(coder, Work(document=ARTICLE), [stage])
    assert raised.value.stage == "broken/v1"
    assert str(raised.value) == "stage broken/v1: ValueError: no verb in sight (document moscow-expels)"
    assert isinstance(raised.value.__cause__, ValueError)


def test_a_bug_met_on_one_document_skips_that_document_only(coder, monkeypatch, caplog) -> None:
    import detente.coder as coder_module

    def records_unless_bad(coder, work):
        if work.document.id == "bad":
            raise ValueError("no verb in sight")
        coder_module._records(coder, work)

    stages = tuple(dataclasses.replace(s, run=records_unless_bad) if s.name == "records/v1" else s
                   for s in coder_module.STAGES)
    monkeypatch.setattr(coder_module, "STAGES", stages)
    bad, good = dataclasses.replace(ARTICLE, id="bad"), dataclasses.replace(ARTICLE, id="good")
    with caplog.at_level(logging.ERROR, logger="detente.coder"):
        first, second = coder.work_all([bad, good])
    assert isinstance(first.failure, CodingError) and "no verb in sight" in str(first.failure)
    assert second.failure is None and second.events
    assert "stage records/v1: ValueError: no verb in sight (document bad)" in caplog.text


def test_errors_of_detente_pass_through(coder) -> None:
    stage = Stage("lexicon/v1", bad_data, ("document",), (), "a stage that reads a broken data file")
    with pytest.raises(DataFileError, match="lexicon.yaml:12"):
        run_stages(coder, Work(document=ARTICLE), [stage])


def test_stage_that_does_not_write_is_named(coder) -> None:
    stage = Stage("lazy/v1", nothing, ("document",), ("events",), "a stage that forgets its output")
    with pytest.raises(StageError, match=r"^stage lazy/v1: did not write events$"):
        run_stages(coder, Work(document=ARTICLE), [stage])


def test_stages_are_versioned_and_documented() -> None:
    assert all(re.fullmatch(r"[a-z]+/v\d+", stage.name) and stage.help for stage in STAGES)
    assert len({stage.name for stage in STAGES}) == len(STAGES)


def test_coding_is_pure(coder, events) -> None:
    assert coder.code(ARTICLE) == events
    assert Coder().code(ARTICLE) == events


def test_code_all_codes_each_document_as_code_does(coder, events) -> None:
    assert list(coder.code_all([ARTICLE, OTHER])) == [events, coder.code(OTHER)]


def test_event_ids_differ_between_texts(coder, events) -> None:
    other = coder.code(OTHER)
    assert other
    assert {e.id for e in events}.isdisjoint(e.id for e in other)
    assert len({e.id for e in events}) == len(events)


def test_a_cause_already_coded_from_its_sentence_is_one_record(coder) -> None:
    """ "… after the Israeli raid on the Iraqi reactor and again after Israeli strikes on Beirut": the raid, a
    cause of the strikes, is coded from the sentence too; the two were one id twice, which the store refused
    and which stopped a whole run."""
    text = ("Ties with Washington soured in the summer, when the administration delayed deliveries of fighter jets "
            "after the Israeli raid on the Iraqi reactor near Baghdad and again after Israeli strikes on Beirut.")
    found = coder.code(Document(id="raid", text=text, date=date(1981, 10, 29)))
    assert len({e.id for e in found}) == len(found)
    assert [(e.event, e.recipient[0].country) for e in found if e.trigger == "raid"] == [("ASSAULT", "IRQ")]


def test_words_told_again_without_a_date_are_those_of_the_day_before(coder) -> None:
    text = ("LONDON, March 17 - Britain on Friday accused Russia of the attack in Salisbury. The foreign secretary "
            "said the evidence was clear. British officials accused Moscow of flouting the chemical weapons treaty.")
    found = [e for e in coder.code(Document(id="w", text=text, date=date(2018, 3, 17))) if e.event == "ACCUSE"]
    assert {e.date for e in found} == {date(2018, 3, 16)}, [(e.date, e.date_source) for e in found]


def test_words_told_again_after_a_week_are_other_words(coder) -> None:
    text = ("Britain on Monday accused Russia of the attack in Salisbury. The foreign secretary said the evidence "
            "was clear. British officials accused Moscow of flouting the chemical weapons treaty.")
    found = [e for e in coder.code(Document(id="w", text=text, date=date(2018, 3, 17))) if e.event == "ACCUSE"]
    assert {e.date for e in found} == {date(2018, 3, 12), date(2018, 3, 17)}, [(e.date, e.date_source) for e in found]


def test_words_told_as_earlier_keep_the_day_of_the_story_and_deeds_do_not(coder) -> None:
    text = ("Ecuador expelled the American ambassador on Tuesday. The State Department had called the expulsion "
            "unwarranted. Quito had already recalled its own envoy from Washington.")
    found = coder.code(Document(id="r", text=text, date=date(2011, 4, 7)))
    dates = {e.event: (e.date, e.date_source) for e in found
             if e.event in ("ACCUSE", "SANCTION") and e.trigger != "expelled"}
    assert dates == {"ACCUSE": (date(2011, 4, 7), "publication"), "SANCTION": (None, "background")}, dates


def test_article_event(events) -> None:
    lede = [e for e in events if e.size is not None]
    assert [([a.country for a in e.actor], [r.country for r in e.recipient], e.size.count) for e in lede] == [
        (["RUS"], ["GBR"], 23)
    ]
    assert lede[0].cue == "in retaliation for"


def test_long_document_is_cut_with_a_warning(caplog) -> None:
    long = dataclasses.replace(ARTICLE, text=" ".join([ARTICLE.text] * 40))
    limit = 2 * len(ARTICLE.text)
    with caplog.at_level(logging.WARNING, logger="detente.coder"):
        found = Coder(Settings(max_chars=limit)).code(long)
    assert f"moscow-expels.txt: cut to {limit} characters (setting max_chars)" in caplog.messages
    assert found and all(e.span[1] <= limit for e in found)


def test_short_document_is_not_cut(coder, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="detente.coder"):
        coder.code(ARTICLE)
    assert caplog.messages == []


# (field of shared/spec/event-record.md, the JSON types it may have)
EVENT_FIELDS = [
    ("id", (str,)),
    ("doc_id", (str,)),
    ("date", (str, type(None))),
    ("date_source", (str,)),
    ("event", (str,)),
    ("mode", (str, type(None))),
    ("context", (list,)),
    ("cameo", (str,)),
    ("quad_class", (int,)),
    ("goldstein", (int, float)),
    ("actor", (list,)),
    ("recipient", (list,)),
    ("size", (dict, type(None))),
    ("status", (str,)),
    ("text", (str,)),
    ("span", (list,)),
    ("trigger", (str,)),
]
ENTITY_FIELDS = ["text", "name", "country", "sector", "id"]


@pytest.mark.parametrize(("name", "types"), EVENT_FIELDS)
def test_event_has_spec_field(events, name: str, types: tuple[type, ...]) -> None:
    for event in events:
        record = json.loads(json.dumps(event.to_dict()))
        assert isinstance(record[name], types)


def test_event_values_follow_the_spec(events) -> None:
    for event in events:
        record = event.to_dict()
        assert record["date_source"] in ("explicit", "relative", "publication", "background")
        assert record["event"] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                                   "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                                   "ASSAULT"}
        assert re.fullmatch(r"\d{2,4}", record["cameo"])
        assert record["quad_class"] in (1, 2, 3, 4)
        assert record["status"] in ("actual", "threatened", "planned", "demanded", "hypothetical", "denied",
                                    "alleged")
        assert record["doc_id"] == ARTICLE.id
        assert ARTICLE.text[slice(*record["span"])] == record["text"]
        trigger = ARTICLE.text[slice(*record["trigger_span"])]
        words = record["trigger"].split()
        assert trigger.startswith(words[0]) and trigger.endswith(words[-1])
        assert all(list(entity) == ENTITY_FIELDS for entity in record["actor"] + record["recipient"])
        assert record["size"] is None or {"count", "unit"} <= set(record["size"])
