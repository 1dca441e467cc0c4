"""What issue 4 must show on the seed articles and the bundled examples."""

from __future__ import annotations

from detente import api
from detente.evaluate.gold import load_gold
from detente.evaluate.links import score_links
from detente.reciprocity import update
from detente.store import EventFilter

from .conftest import EXAMPLES, SEEDS_GOLD


def _events(store, dyad, event="SANCTION"):
    return api.aggregated(store, EventFilter(dyad=dyad, event=event, both_directions=False))


def _count_of(record):
    return {m["size"]["count"] for m in record["mentions"] if m["size"]}


def test_755_must_leave_is_one_event_from_several_outlets(corpus_store):
    found = [r for r in _events(corpus_store, ("RUS", "USA")) if 755 in _count_of(r)]
    assert len(found) == 1
    assert len(found[0]["sources"]) >= 2
    assert len({m["doc_id"] for m in found[0]["mentions"]}) >= 2


def test_san_francisco_closure_answers_the_755(corpus_store):
    the_755 = next(r for r in _events(corpus_store, ("RUS", "USA")) if 755 in _count_of(r))
    closures = [r for r in _events(corpus_store, ("USA", "RUS"))
                if r["mode"] == "withdraw" and any("San Francisco" in m["text"] or "three" in m["text"].lower()
                                                   for m in r["mentions"])]
    assert closures
    answers = {link["event"] for closure in closures for link in closure["links"] if link["type"] == "responds_to"}
    assert the_755["id"] in answers


def test_seed_articles_stated_links_are_all_found(corpus_store):
    score = score_links(load_gold(SEEDS_GOLD).articles, corpus_store)
    assert score.results and all(result.found for result in score.results)


def test_examples_links_floor(corpus_store):
    """Recall of the 42 gold links of the bundled examples (stated and implicit): a floor, see docs/reciprocity.md."""
    measure = score_links(load_gold(EXAMPLES / "gold.jsonl").articles, corpus_store).measure
    assert measure.gold == 42
    assert measure.recall >= 0.40


def test_one_expulsion_reported_by_three_outlets_is_one_event(corpus_store):
    """Russia's expulsion of 23 British diplomats (17 March 2018) in three articles of three outlets."""
    found = [r for r in _events(corpus_store, ("RUS", "GBR")) if r["date"] == "2018-03-17" and r["mode"] == "expel"]
    assert len(found) == 1
    assert {"Capital Wire", "Albion Chronicle"} <= set(found[0]["sources"])


def test_two_expulsions_days_apart_stay_two_events(corpus_store):
    """The Czech expulsion of 18 Russians (17 April 2021) and the ceiling of 22 April are two events."""
    czech = [r for r in _events(corpus_store, ("CZE", "RUS")) if r["date"] and r["date"].startswith("2021-04")]
    assert len({r["date"] for r in czech}) >= 2
    sixty = [r for r in _events(corpus_store, ("USA", "RUS")) + _events(corpus_store, ("RUS", "USA"))
             if 60 in _count_of(r)]
    assert len(sixty) == 2 and sixty[0]["id"] != sixty[1]["id"]


def test_update_again_changes_nothing(corpus_store):
    before = (api.aggregated(corpus_store), corpus_store.links())
    report = update(corpus_store)
    assert report.aggregation.placed == 0 and report.links.stated == 0 and report.links.inferred == 0
    assert (api.aggregated(corpus_store), corpus_store.links()) == before


def test_coding_the_same_articles_again_adds_nothing(corpus_store):
    counts = {table: corpus_store.count(table) for table in ("events", "aggregates", "mentions", "links")}
    list(api.code([str(EXAMPLES / "articles")], store=corpus_store))
    assert {table: corpus_store.count(table) for table in counts} == counts


def test_every_mention_is_in_one_aggregate(corpus_store):
    assert corpus_store.count("mentions") == corpus_store.count("events")
    total = sum(len(record["mentions"]) for record in api.aggregated(corpus_store, EventFilter(statuses=None)))
    assert total == corpus_store.count("events")


def test_parity_ledger_of_the_2017_dispute(corpus_store):
    ledger = api.parity(corpus_store, "USA", "RUS")
    ceilings = [e for e in ledger.entries if e.measure == "ceiling" and e.side == "USA"]
    assert any(e.count == 455 for e in ceilings)
    assert any(e.measure == "expelled" and e.count == 35 and e.side == "RUS" for e in ledger.entries)
    assert ledger.ceilings["USA"].count == 455
    assert all(e.evidence and e.sources is not None for e in ledger.entries)
