"""The link score: its features, its data file, and links under the threshold shown only when asked."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from detente import api
from detente.cli import main
from detente.confidence import Calibration
from detente.errors import DataFileError
from detente.reciprocity import link_score
from detente.serve import create_app
from detente.store import EventFilter

from .conftest import code_articles
from .test_links import ANSWER, CAUSE

QUIET_ANSWER = ("answer-2", "Evening Courier", "2021-04-19",
                "Russia expels 20 Czechs\n\nMOSCOW — Russia on Sunday expelled 20 Czech diplomats.")


def _answer(store):
    return next(r for r in api.aggregated(store, EventFilter(dyad=("RUS", "CZE"), both_directions=False,
                                                                 all_links=True)) if r["date"] == "2021-04-18")


def _features_of_links(store):
    """The features of each link, by its cue (or its type, for an inferred link)."""
    out = {}
    for link in store.links():
        claim = store.claim(link.claim) if link.claim else None
        facts = link_score.features(store, store.aggregate(link.effect), store.aggregate(link.cause), claim)
        out[link.cue or link.type] = facts
    return out


def test_the_features_say_how_the_cause_was_found(store):
    code_articles(store, [CAUSE, ANSWER])
    found = _features_of_links(store)
    stated = found["in retaliation for"]
    assert "inferred" not in stated and stated["described"] == 1.0  # "for the expulsion of 18 Russians": looked up
    assert stated["kind:retaliation"] == 1.0 and stated["reverse"] == 1.0 and stated["same:code"] == 1.0
    assert "effect:verbal" not in stated and 0 < stated["confidence"] <= 1
    over = found["over"]  # the explosion the expulsion was "over": coded in the cue's sentence, blamed, no date
    assert "described" not in over and over["kind:cause"] == over["cause:alleged"] == over["same:article"] == 1.0


def test_an_inferred_link_has_its_lag_and_no_cue(store):
    code_articles(store, [CAUSE, QUIET_ANSWER])
    inferred = _features_of_links(store)["inferred"]
    assert inferred["inferred"] == 1.0 and not any(name.startswith("kind:") for name in inferred)
    assert inferred["lag"] == pytest.approx(1 / link_score.LAG_SCALE_DAYS)


def test_every_link_is_scored_by_the_fitted_model(store):
    code_articles(store, [CAUSE, ANSWER])
    model = link_score.load_model()
    for link in store.links():
        claim = store.claim(link.claim) if link.claim else None
        facts = link_score.features(store, store.aggregate(link.effect), store.aggregate(link.cause), claim)
        assert link.score == model.score(facts) and 0 < link.score < 1


def test_the_packaged_model_prefers_a_deed_answering_a_deed_to_words_answering_words():
    model = link_score.load_model()
    deed = {"kind:retaliation": 1.0, "reverse": 1.0, "same:article": 1.0, "same:code": 1.0, "confidence": 0.9}
    words = {"described": 1.0, "effect:verbal": 1.0, "cause:verbal": 1.0, "cause:no_recipient": 1.0, "lag": 0.5,
             "confidence": 0.4}
    assert model.score(deed) > model.threshold > model.score(words)


@pytest.mark.parametrize("content", ["not json", json.dumps({"intercept": 0.0, "weights": {}}),
                                     json.dumps({"intercept": 0.0, "weights": {"lunar phase": 1.0}, "threshold": 0.2})])
def test_a_damaged_model_file_is_named(tmp_path, content):
    path = tmp_path / "link_score.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="link_score.json"):
        link_score.load_model.__wrapped__(path)


@pytest.fixture()
def strict(monkeypatch):
    """A model whose threshold is above every score: no link is shown unless all links are asked for."""
    model = link_score.LinkModel(Calibration(0.0, {}), threshold=1.01)
    monkeypatch.setattr(link_score, "load_model", lambda: model)


def test_links_under_the_threshold_are_left_out_unless_asked(store, strict):
    code_articles(store, [CAUSE, ANSWER])
    answer = _answer(store)
    assert answer["links"]
    shown = next(r for r in api.aggregated(store) if r["id"] == answer["id"])
    assert shown["links"] == [] and api.sources(store, str(answer["number"]))["links"] == []
    assert len(api.chain(store, str(answer["number"]))) == 1
    assert len(api.chain(store, str(answer["number"]), all_links=True)) > 1
    assert api.sources(store, str(answer["number"]), all_links=True)["links"] == answer["links"]


def test_the_command_line_shows_every_link_with_all_links(tmp_path, strict):
    from detente.store import Store

    path = tmp_path / "links.sqlite"
    with Store.open(path) as store:
        code_articles(store, [CAUSE, ANSWER])
        number = str(_answer(store)["number"])
    runner = CliRunner()
    for args, expected in ((["chain", number], 1), (["chain", number, "--all-links"], 2)):
        result = runner.invoke(main, [*args, "--db", str(path)])
        assert result.exit_code == 0, result.output
        assert result.output.count("→") >= expected and ("answers:" in result.output) == (expected > 1)
    plain = runner.invoke(main, ["export", "--db", str(path), "--format", "plover", "-o", str(tmp_path / "a.jsonl")])
    every = runner.invoke(main, ["export", "--db", str(path), "--format", "plover", "-o", str(tmp_path / "b.jsonl"),
                                 "--all-links"])
    assert plain.exit_code == every.exit_code == 0
    linked = [sum(bool(json.loads(line)["links"]) for line in (tmp_path / name).read_text().splitlines())
              for name in ("a.jsonl", "b.jsonl")]
    assert linked[0] == 0 < linked[1]


def test_the_service_shows_every_link_when_asked(tmp_path, strict):
    from detente.store import Store

    path = tmp_path / "links.sqlite"
    with Store.open(path) as store:
        code_articles(store, [CAUSE, ANSWER])
        number = _answer(store)["number"]
    client = TestClient(create_app(str(path)))
    assert client.get(f"/api/events/{number}").json()["links"] == []
    assert client.get(f"/api/events/{number}", params={"all_links": "true"}).json()["links"]
    assert len(client.get(f"/api/events/{number}/chain", params={"all_links": "true"}).json()["nodes"]) > 1
    page = client.get("/api/events", params={"all_links": "true", "limit": 200}).json()["items"]
    assert any(item["answers"] for item in page)
    assert not any(item["answers"] for item in client.get("/api/events", params={"limit": 200}).json()["items"])
