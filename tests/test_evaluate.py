"""`detente evaluate` and ``detente.evaluate``: gold formats, and the same numbers as the shared scorers.

Agreement is checked against ``../shared/eval/score.py --json`` (article
level, every count and float equal) and ``../shared/eval/sentences.py score``
(sentence level, its printed line equal), on the development sets coded by
``tests.accuracy`` and on small hand-made cases, one rule each.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente import api
from detente.cli import main
from detente.errors import DetenteError, FormatError, InputError, UsageError
from detente.evaluate import (
    FORMATS,
    ArticleScore,
    Measure,
    SentenceScore,
    evaluate,
    load_gold,
    load_predictions,
    score_articles,
    score_sentences,
)
from tests import accuracy

needs_shared = pytest.mark.skipif(not (accuracy.SHARED / "eval").is_dir(), reason="../shared is absent")

SEEDS_GOLD = accuracy.SHARED / "eval" / "seeds-dev.gold.jsonl"
EXAMPLES_GOLD = accuracy.ROOT / "examples" / "gold.jsonl"
PLOVER_GOLD = accuracy.SHARED / "eval" / "plover-gsr" / "plover_gsr.gold.jsonl"
PLOVER_RAW = accuracy.SHARED / "eval" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
SCRIPT_KEYS = ("precision", "recall", "f1", "core", "found_core", "predicted", "matched")

# A PETRARCH-style validation file written for these tests: a sanction, an accusation, a
# reciprocal meeting, an organisation, a code the table lacks (0431 → 043), a statement
# without PLOVER type (010) and a sentence without events.
PETRARCH_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<Sentence date="20180317" id="FIXTURE-01" source="test" sentence="True">
<EventCoding sourcecode="RUSGOV" targetcode="GBRGOV" eventcode="161"/>
<Text>
Russia expelled 23 British diplomats on Saturday.
</Text>
<Parse>(ROOT (S (NP (NNP Russia)) (VP (VBD expelled))))</Parse>
</Sentence>
<Sentence date="20180314" id="FIXTURE-02" source="test">
<EventCoding sourcecode="GBRGOV" targetcode="RUSGOV" eventcode="112"/>
<EventCoding sourcecode="GBRGOV" targetcode="IGOUNO" eventcode="010"/>
<Text>Britain accused Russia of poisoning a former spy and told the United Nations so.</Text>
</Sentence>
<Sentence date="20210616" id="FIXTURE-03" source="test">
<EventCoding sourcecode="USAGOV" targetcode="RUSGOV" eventcode="040"/>
<EventCoding sourcecode="RUSGOV" targetcode="USAGOV" eventcode="0431"/>
<EventCoding sourcecode="NATO" targetcode="RUSMIL" eventcode="111"/>
<Text>President Joe Biden met Russian President Vladimir Putin in Geneva on Wednesday.</Text>
</Sentence>
<Sentence date="2021-06-17" id="FIXTURE-04" source="test">
<EventCoding noevents="True"/>
<Text>It rained in Geneva.</Text>
</Sentence>
</Sentences>
"""


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def petrarch(tmp_path_factory):
    path = tmp_path_factory.mktemp("petrarch") / "validation.xml"
    path.write_text(PETRARCH_XML, encoding="utf-8")
    return path


# -- agreement on the development sets -----------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_predictions():
    return accuracy.code_seeds()


@pytest.fixture(scope="module")
def examples_predictions():
    return accuracy.code_examples()


@pytest.fixture(scope="module")
def plover_predictions():
    return accuracy.code_plover_gsr()


@needs_shared
@pytest.mark.parametrize("gold, predictions", [(SEEDS_GOLD, "seeds_predictions"),
                                               (EXAMPLES_GOLD, "examples_predictions")], ids=["seeds", "examples"])
def test_articles_agree_with_score_py(gold, predictions, request):
    predictions = request.getfixturevalue(predictions)
    expected = accuracy.score_articles(gold, predictions)
    score = score_articles(load_gold(gold), load_predictions(predictions))
    assert {key: score.to_dict()[key] for key in SCRIPT_KEYS} == expected


@needs_shared
@pytest.mark.parametrize("gold", [PLOVER_GOLD, PLOVER_RAW], ids=["built-jsonl", "raw-plover-json"])
def test_sentences_agree_with_sentences_py(gold, plover_predictions):
    expected = accuracy.score_sentences(PLOVER_GOLD, plover_predictions)
    score = score_sentences(load_gold(gold), load_predictions(plover_predictions))
    assert score.summary == expected["report"]
    for level, measure in (("type", score.types), ("triple", score.triples)):
        assert round(measure.precision, 3) == expected[f"{level}_p"]
        assert round(measure.recall, 3) == expected[f"{level}_r"]
        assert round(measure.f1, 3) == expected[f"{level}_f1"]


@needs_shared
def test_coding_the_plover_gold_itself_gives_the_numbers_of_its_input_file(plover_predictions):
    result = evaluate(PLOVER_RAW)
    assert result.predictions is None and result.skipped == ()
    assert result.score.summary == accuracy.score_sentences(PLOVER_GOLD, plover_predictions)["report"]


# -- agreement on hand-made article cases, one rule each -------------------------------------------


def gold_event(**fields):
    event = {"id": "e1", "status": "core", "source": ["USA"], "target": ["RUS"], "event": "SANCTION",
             "date": "2017-07-28"}
    return {**event, **fields}


def record(actor=("USA",), recipient=("RUS",), event="SANCTION", date="2017-07-28", **fields):
    return {"actor": [{"country": c} for c in actor], "recipient": [{"country": c} for c in recipient],
            "event": event, "date": date, **fields}


# name, gold events, predictions, expected (found core, core, matched, predicted)
ARTICLE_CASES = [
    ("exact", [gold_event()], [record()], (1, 1, 1, 1)),
    ("symmetric either way", [gold_event(event="CONSULT", symmetric=True)],
     [record(actor=["RUS"], recipient=["USA"], event="CONSULT")], (1, 1, 1, 1)),
    ("reverse direction is extra", [gold_event()], [record(actor=["RUS"], recipient=["USA"])], (0, 1, 0, 1)),
    ("source_alt reading", [gold_event(source_alt=[["GBR"]])], [record(actor=["GBR"])], (1, 1, 1, 1)),
    ("target_alt reading", [gold_event(target_alt=[["BLR", "KAZ"]])], [record(recipient=["KAZ"])], (1, 1, 1, 1)),
    ("event_alt", [gold_event(event_alt=["COERCE"])], [record(event="COERCE")], (1, 1, 1, 1)),
    ("compound prediction expanded", [gold_event()], [record(actor=["USA", "GBR"])], (1, 1, 1, 2)),
    ("compound gold", [gold_event(source=["USA", "GBR"])], [record(actor=["GBR"])], (1, 1, 1, 1)),
    ("null gold date takes any date", [gold_event(date=None)], [record(date="2019-01-01"), record(date=None)],
     (1, 1, 1, 2)),
    ("null predicted date misses a dated event", [gold_event()], [record(date=None)], (0, 1, 0, 1)),
    ("one day of tolerance", [gold_event()], [record(date="2017-07-29"), record(date="2017-07-31")], (1, 1, 1, 2)),
    ("wider tolerance", [gold_event(date_tolerance=4)], [record(date="2017-08-01")], (1, 1, 1, 1)),
    ("exact dates claim first", [gold_event(), gold_event(id="e2", status="optional", date="2017-07-29")],
     [record(date="2017-07-29")], (0, 1, 1, 1)),
    ("core claims before optional",
     [gold_event(status="optional"), gold_event(id="e2", event="COERCE", event_alt=["SANCTION"])],
     [record()], (1, 1, 1, 1)),
    ("optional match is no false positive", [gold_event(status="optional")], [record()], (0, 0, 1, 1)),
    ("same key merged", [gold_event(status="optional", event_alt=["COERCE"]), gold_event(id="e2")],
     [record(event="COERCE")], (1, 1, 1, 1)),
    ("old type names", [gold_event(event="DISAPPROVE"), gold_event(id="e2", event="DEMAND")],
     [record(event="INVESTIGATE"), record(event="request")], (2, 2, 2, 2)),
    ("misspelt sanction", [gold_event(event="SACTION")], [record(event="sanction")], (1, 1, 1, 1)),
    ("self pairs and missing recipients dropped", [gold_event()],
     [record(recipient=["USA"]), record(recipient=[])], (0, 1, 0, 0)),
    ("duplicates count once", [gold_event()], [record(), record(id="other")], (1, 1, 1, 1)),
    ("codes, lower case and bare strings",
     [gold_event()], [{"actor": [{"code": "usa"}], "recipient": ["rus"], "event": "SANCTION",
                       "date": "2017-07-28T12:00:00Z"}], (1, 1, 1, 1)),
    ("greedy one to one", [gold_event(), gold_event(id="e2", date="2017-07-29", date_tolerance=0)],
     [record(date="2017-07-29")], (1, 2, 1, 1)),
    ("nothing predicted", [gold_event(), gold_event(id="e2", event="ACCUSE")], [], (0, 2, 0, 0)),
]


def article_files(directory: Path, cases):
    gold = [{"doc_id": name, "pub_date": "2017-07-29", "events": events} for name, events, _, _ in cases]
    predictions = [dict(r, doc_id=name) for name, _, records, _ in cases for r in records]
    predictions.append(record(doc_id="not in the gold"))
    gold_path = write_jsonl(directory / "gold.jsonl", gold)
    predictions_path = write_jsonl(directory / "pred.jsonl", predictions)
    with predictions_path.open("a", encoding="utf-8") as out:
        out.write('{"doc_id": "broken line\n')
    return gold_path, predictions_path


@needs_shared
@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[c[0] for c in ARTICLE_CASES])
def test_article_rules_agree_with_score_py(case, tmp_path):
    gold, predictions = article_files(tmp_path, [case])
    expected = accuracy.score_articles(gold, predictions)
    score = score_articles(load_gold(gold), load_predictions(predictions))
    assert {key: score.to_dict()[key] for key in SCRIPT_KEYS} == expected
    m = score.overall
    assert (m.found, m.gold, m.correct, m.predicted) == case[3]


@needs_shared
def test_all_article_cases_together_agree_with_score_py(tmp_path):
    gold, predictions = article_files(tmp_path, ARTICLE_CASES)
    score = score_articles(load_gold(gold), load_predictions(predictions))
    assert {key: score.to_dict()[key] for key in SCRIPT_KEYS} == accuracy.score_articles(gold, predictions)


# -- agreement on hand-made sentence cases ---------------------------------------------------------


def sentence(event="AGREE", source=("USA",), target=("RUS",)):
    return {"event": event, "source": list(source), "target": list(target)}


SENTENCE_CASES = [
    ("type and triple", [sentence()], [record(event="AGREE")]),
    ("concede for retreat", [sentence("CONCEDE")], [record(event="RETREAT")]),
    ("old names predicted", [sentence("REQUEST"), sentence("CONCEDE")], [record(event="DEMAND"),
                                                                        record(event="yield")]),
    ("extra type", [sentence()], [record(event="AGREE"), record(event="SANCTION")]),
    ("no gold target, no triple", [sentence(source=["HUN", "ROU"], target=[])],
     [record(actor=["HUN"], recipient=["ROU"], event="AGREE")]),
    ("old name in sentence gold is kept", [sentence("DEMAND")], [record(event="DEMAND")]),
    ("compound triples", [sentence(source=["USA", "GBR"])], [record(actor=["usa"], recipient=["RUS", "BLR"],
                                                                    event="AGREE")]),
    ("self pair kept", [sentence()], [record(actor=["USA"], recipient=["USA"], event="AGREE")]),
    ("no event type", [sentence()], [record(event=None)]),
    ("nothing predicted", [sentence(), sentence("ASSAULT")], []),
]


def sentence_files(directory: Path, cases):
    gold = [{"id": name, "events": events} for name, events, _ in cases]
    gold.append({"id": cases[0][0], "events": [sentence("THREATEN")]})  # a repeated id: the last line counts
    predictions = [dict(r, doc_id=name) for name, _, records in cases for r in records]
    return write_jsonl(directory / "gold.jsonl", gold), write_jsonl(directory / "pred.jsonl", predictions)


@needs_shared
@pytest.mark.parametrize("cases", [[c] for c in SENTENCE_CASES] + [SENTENCE_CASES],
                         ids=[c[0] for c in SENTENCE_CASES] + ["all"])
def test_sentence_rules_agree_with_sentences_py(cases, tmp_path):
    gold, predictions = sentence_files(tmp_path, cases)
    score = score_sentences(load_gold(gold), load_predictions(predictions))
    assert score.summary == accuracy.score_sentences(gold, predictions)["report"]


# -- per type and confusions -----------------------------------------------------------------------


def test_article_types_and_confusion(tmp_path):
    cases = [("doc", [gold_event(), gold_event(id="e2", event="ACCUSE", event_alt=["REJECT"], date=None),
                      gold_event(id="e3", event="THREATEN", source=["RUS"], target=["USA"])],
              [record(), record(event="REJECT", date="2017-07-20"),
               record(actor=["RUS"], recipient=["USA"], event="REQUEST", date="2017-07-29"),
               record(actor=["RUS"], recipient=["USA"], event="ACCUSE", date="2017-08-20")], None)]
    gold, predictions = article_files(tmp_path, cases)
    score = score_articles(load_gold(gold), load_predictions(predictions))
    assert score.by_type == {"REQUEST": Measure(correct=0, predicted=1, found=0, gold=0),
                             "ACCUSE": Measure(correct=0, predicted=1, found=1, gold=1),
                             "REJECT": Measure(correct=1, predicted=1, found=0, gold=0),
                             "THREATEN": Measure(correct=0, predicted=0, found=0, gold=1),
                             "SANCTION": Measure(correct=1, predicted=1, found=1, gold=1)}
    assert score.confusion == {("THREATEN", "REQUEST"): 1}  # the ACCUSE of 08-20 is outside the date window
    (document,) = score.documents
    assert [g.id for g in document.missed] == ["e3"]
    assert [(t.event, str(t.date)) for t in document.extras] == [("ACCUSE", "2017-08-20"), ("REQUEST", "2017-07-29")]


def test_sentence_types_and_confusion(tmp_path):
    cases = [("s1", [sentence("CONCEDE"), sentence("ASSAULT")], [record(event="RETREAT"), record(event="COERCE")]),
             ("s2", [sentence("ASSAULT")], [record(event="ASSAULT"), record(event="CONSULT")])]
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"id": n, "events": e} for n, e, _ in cases])
    predictions = [dict(r, doc_id=n) for n, _, records in cases for r in records]
    score = score_sentences(load_gold(gold), predictions)
    assert score.types == Measure(correct=2, predicted=4, found=2, gold=3)
    assert score.by_type["RETREAT"] == Measure(correct=1, predicted=1, found=0, gold=0)
    assert score.by_type["CONCEDE"] == Measure(correct=0, predicted=0, found=1, gold=1)
    assert score.by_type["ASSAULT"] == Measure(correct=1, predicted=1, found=1, gold=2)
    assert score.confusion == {("ASSAULT", "COERCE"): 1}
    assert [(r.id, r.missed_types, r.extra_types) for r in score.results] == [
        ("s1", ("ASSAULT",), ("COERCE",)), ("s2", (), ("CONSULT",))]


# -- gold formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path, fmt, count", [
    pytest.param(EXAMPLES_GOLD, "article-jsonl", 18, id="article-jsonl"),
    pytest.param(SEEDS_GOLD, "article-jsonl", 3, id="seeds", marks=needs_shared),
    pytest.param(PLOVER_GOLD, "sentence-jsonl", 322, id="sentence-jsonl", marks=needs_shared),
    pytest.param(PLOVER_RAW, "plover-json", 322, id="plover-json", marks=needs_shared),
    pytest.param("petrarch", "petrarch-xml", 4, id="petrarch-xml"),
])
def test_each_gold_format_loads(path, fmt, count, petrarch):
    gold = load_gold(petrarch if path == "petrarch" else path)
    assert (gold.format, len(gold)) == (fmt, count)
    assert gold.level == ("article" if fmt == "article-jsonl" else "sentence")
    assert fmt in FORMATS


@needs_shared
def test_plover_records_read_as_sentences_py_builds_them():
    built = {s.id: s for s in load_gold(PLOVER_GOLD).sentences}
    raw = load_gold(PLOVER_RAW)
    assert raw.has_texts
    assert {s.id: s.events for s in raw.sentences} == {i: s.events for i, s in built.items()}
    assert {s.event for s in raw.sentences for s in s.events} <= {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_petrarch_sentences(petrarch):
    gold = load_gold(petrarch)
    assert [(s.id, s.date) for s in gold.sentences] == [
        ("FIXTURE-01", "2018-03-17"), ("FIXTURE-02", "2018-03-14"), ("FIXTURE-03", "2021-06-16"),
        ("FIXTURE-04", "2021-06-17")]
    assert gold.sentences[0].text == "Russia expelled 23 British diplomats on Saturday."
    events = [[(e.event, e.source, e.target) for e in s.events] for s in gold.sentences]
    assert events == [
        [("SANCTION", ("RUS",), ("GBR",))],
        [("ACCUSE", ("GBR",), ("RUS",))],  # 010 has no PLOVER type
        [("CONSULT", ("USA",), ("RUS",)), ("CONSULT", ("RUS",), ("USA",)), ("ACCUSE", ("NATO",), ("RUS",))],
        [],
    ]


# -- malformed gold --------------------------------------------------------------------------------


MALFORMED = [
    ("bad.jsonl", '{"doc_id": "a", "events": []}\n{"doc_id": "b", "events": [\n', FormatError, ":2: invalid JSON"),
    ("bad-event.jsonl", '{"doc_id": "a", "events": [{"status": "core", "event": "AGREE", "target": []}]}\n',
     FormatError, ":1: event 1: `source` is missing"),
    ("neither.jsonl", '{"text": "Russia expelled"}\n', FormatError, ":1: unknown gold format"),
    ("table.csv", "id,event\n1,AGREE\n", FormatError, ": unknown gold format"),
    ("empty.jsonl", "\n\n", FormatError, ": the gold file is empty"),
    ("doctype.xml", '<?xml version="1.0"?>\n<!DOCTYPE Sentences SYSTEM "x.dtd">\n<Sentences/>\n', FormatError,
     ": XML with a DOCTYPE or ENTITY declaration is refused"),
    ("entity.xml", '<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<Sentences>&b;</Sentences>',
     FormatError, ": XML with a DOCTYPE or ENTITY declaration is refused"),
    ("broken.xml", "<Sentences>\n<Sentence id='a'>\n</Sentences>\n", FormatError, ":3: not well-formed XML"),
    ("code.xml", "<Sentences><Sentence id='a'><EventCoding sourcecode='USA' targetcode='RUS' eventcode='999'/>"
                 "</Sentence></Sentences>", FormatError, ": sentence a: unknown CAMEO event code '999'"),
    ("plover.json", '[\n{"id": "x", "event": "AGREE", "text": "t"},\n{"id": \n]', FormatError, ":4: invalid JSON"),
    ("latin1.jsonl", b'{"id": "caf\xe9", "events": []}\n', InputError, ": not UTF-8"),
]


@pytest.mark.parametrize("name, content, error, message", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_gold_gives_one_error_naming_the_file(name, content, error, message, tmp_path):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as raised:
        load_gold(path)
    assert str(raised.value).startswith(str(path) + message)
    result = run("evaluate", path, "--predictions", path)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {raised.value}"]


def test_missing_gold_file(tmp_path):
    with pytest.raises(InputError, match="no such gold file"):
        load_gold(tmp_path / "nothing.jsonl")


@pytest.mark.parametrize("arguments, message", [
    (["--predictions", "pred.jsonl", "article.txt"], "either a predictions file or inputs"),
    ([], "carries no texts"),
])
def test_usage_errors(arguments, message, tmp_path):
    gold, _ = article_files(tmp_path, ARTICLE_CASES[:1])
    with pytest.raises(UsageError, match=message):
        evaluate(gold, **({"predictions_path": arguments[1], "inputs": arguments[2:]} if arguments else {}))
    result = run("evaluate", gold, *arguments)
    assert result.exit_code == 2 and message in result.output


def test_scoring_the_wrong_level_is_a_usage_error(tmp_path, petrarch):
    gold, _ = article_files(tmp_path, ARTICLE_CASES[:1])
    with pytest.raises(UsageError):
        score_sentences(load_gold(gold), [])
    with pytest.raises(UsageError):
        score_articles(load_gold(petrarch), [])
    assert issubclass(UsageError, DetenteError)


# -- the command line ------------------------------------------------------------------------------


def test_cli_prints_the_overall_line_and_the_tables(tmp_path):
    gold, predictions = article_files(tmp_path, ARTICLE_CASES)
    result = run("evaluate", gold, "--predictions", predictions, "--details")
    assert result.exit_code == 0, result.output
    score = score_articles(load_gold(gold), load_predictions(predictions))
    assert score.summary in result.stdout
    assert "Per event type" in result.stdout and "SANCTION" in result.stdout and "precision" in result.stdout
    assert "Misses and extras" in result.stdout and "reverse direction is extra" in result.stdout
    assert "Misses and extras" not in run("evaluate", gold, "--predictions", predictions).stdout


def test_cli_json_is_one_object(tmp_path):
    gold, predictions = sentence_files(tmp_path, SENTENCE_CASES)
    result = run("evaluate", gold, "--predictions", predictions, "--format", "json", "--details")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    score = score_sentences(load_gold(gold), load_predictions(predictions))
    assert out == json.loads(json.dumps(evaluate(gold, predictions).to_dict(details=True)))
    assert (out["level"], out["format"], out["coded"], out["sentences"]) == ("sentence", "sentence-jsonl", False,
                                                                            score.sentences)
    assert out["type"]["f1"] == score.types.f1 and "sentences_missed_or_extra" in out


# -- coding the gold itself ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coded_petrarch(petrarch):
    return evaluate(petrarch)


def test_evaluate_codes_the_petrarch_sentences_itself(coded_petrarch, petrarch, tmp_path):
    assert coded_petrarch.predictions is None and coded_petrarch.skipped == ()
    assert isinstance(coded_petrarch.score, SentenceScore) and coded_petrarch.score.sentences == 4
    assert coded_petrarch.score.types.gold == 4  # SANCTION; ACCUSE; CONSULT and ACCUSE
    assert coded_petrarch.score.by_type["SANCTION"].found == 1
    # The same as coding the texts with `detente code` and scoring the file it writes.
    gold = load_gold(petrarch)
    inputs = write_jsonl(tmp_path / "inputs.jsonl",
                         [{"id": s.id, "date": s.date, "text": s.text} for s in gold.sentences])
    predictions = write_jsonl(tmp_path / "pred.jsonl", [e.to_dict() for e in api.code([str(inputs)])])
    assert coded_petrarch.to_dict(details=True) | {"predictions": None, "coded": True} == \
        evaluate(petrarch, predictions).to_dict(details=True) | {"predictions": None, "coded": True}


def test_cli_codes_the_gold_itself(petrarch, coded_petrarch):
    result = run("evaluate", petrarch, "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["coded"] is True and out["type"] == coded_petrarch.score.types.to_dict()


def test_evaluate_codes_article_inputs(tmp_path):
    article = tmp_path / "moscow.txt"
    article.write_text("Russia expels diplomats\n\nMOSCOW, March 17, 2018 — Russia expelled 23 British diplomats "
                       "on Saturday.\n", encoding="utf-8")
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"doc_id": "moscow", "events": [
        gold_event(source=["RUS"], target=["GBR"], date="2018-03-17")]}])
    result = evaluate(gold, inputs=[str(article), str(tmp_path / "missing.txt")])
    assert isinstance(result.score, ArticleScore)
    assert result.score.overall.found == 1
    assert len(result.skipped) == 1 and "missing.txt" in result.skipped[0]


def test_evaluate_command_fails_when_an_input_is_missing(tmp_path):
    gold = write_jsonl(tmp_path / "gold.jsonl", [{"doc_id": "moscow", "events": [
        gold_event(source=["RUS"], target=["GBR"], date="2018-03-17")]}])
    result = run("evaluate", str(gold), str(tmp_path / "articles"))
    assert result.exit_code == 3
    assert "articles: no such file or folder" in result.stderr
    assert "recall 0.000" in result.stdout


def test_links_scored_against_the_gold_links_with_a_cue_alone():
    from detente.evaluate.gold import GoldLink
    from detente.evaluate.links import LinkResult, LinkScore

    results = (LinkResult("a", GoldLink("e2", "e1", "in retaliation for"), True, "", ""),
               LinkResult("a", GoldLink("e3", "e1", None), True, "", ""),
               LinkResult("a", GoldLink("e4", "e1", "in response to"), False, "", ""))
    score = LinkScore(results, correct=(), extras=())
    assert (score.measure.found, score.measure.gold) == (2, 3)
    assert (score.cued.found, score.cued.gold) == (1, 2)
