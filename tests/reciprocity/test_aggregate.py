"""The rules of aggregation, one table row per rule, on hand-made mentions; then on coded articles."""

from __future__ import annotations

from datetime import date

import pytest

from detente import api
from detente.reciprocity.aggregate import Members, codes_agree, fit, summarise, unit_kind
from detente.settings import Settings
from detente.store import EventFilter, Mention

from .conftest import code_articles


def mention(id="m1", day="2018-03-17", date_source="relative", precision="day", event="SANCTION", cameo="161",
            mode="expel", status="actual", count=None, unit="diplomats", relation="affected", published=None,
            source="Outlet A", actor="RUS", recipient="GBR") -> Mention:
    size = {"count": count, "unit": unit, "relation": relation} if count is not None else None
    record = {"actor": [{"country": actor, "name": actor}], "recipient": [{"country": recipient, "name": recipient}],
              "size": size, "text": "", "trigger": "", "span": [0, 0]}
    return Mention(id=id, doc_id=id, published=date.fromisoformat(published or day) if (published or day) else None,
                   source=source, url=None, date=date.fromisoformat(day) if day else None, date_source=date_source,
                   date_precision=precision, event=event, cameo=cameo, mode=mode, quad_class=4, status=status,
                   count=count, unit=unit if count is not None else None, sentence=0, record=record, doc_length=0)


def verdict(new: Mention, *members: Mention) -> float | None:
    row = summarise("a1", 1, list(members))
    return fit(new, row, Members(members), Settings())


@pytest.mark.parametrize("new, members, joins", [
    # same day, another outlet
    (mention("b", source="Outlet B"), [mention("a")], True),
    # "will expel" and "expelled": one decision
    (mention("b", status="planned"), [mention("a")], True),
    # a threat to expel is not the expulsion
    (mention("b", status="threatened"), [mention("a")], False),
    # a day apart (time zones, "yesterday"): one event; three days apart: two
    (mention("b", day="2018-03-18"), [mention("a")], True),
    (mention("b", day="2018-03-20"), [mention("a")], False),
    # expelling people is not closing a consulate, and 161 is not an embargo (163)
    (mention("b", mode="withdraw"), [mention("a")], False),
    (mention("b", cameo="163", mode=None), [mention("a")], False),
    # the generic code of the root fits any code of the root
    (mention("b", cameo="160", mode=None), [mention("a")], True),
    # two numbers on two days: two events; two numbers on the same day: one event, reports disagree
    (mention("b", day="2018-03-18", count=20), [mention("a", count=23)], False),
    (mention("b", count=20), [mention("a", count=23)], True),
    # a later article that refers back by the number, dated only by its publication
    (mention("b", day="2018-09-01", date_source="publication", count=23), [mention("a", count=23)], True),
    (mention("b", day="2018-09-01", date_source="publication", count=24), [mention("a", count=23)], False),
    (mention("b", day="2018-09-01", date_source="publication"), [mention("a", count=23)], False),
    # too small a number to identify an event
    (mention("b", day="2018-09-01", date_source="publication", count=2), [mention("a", count=2)], False),
    # both dated by their texts, months apart, with the same number: two events
    (mention("b", day="2018-09-01", count=23), [mention("a", count=23)], False),
    # "755 people" and "755 diplomats" count the same thing
    (mention("b", day="2018-09-01", date_source="publication", count=23, unit="people"),
     [mention("a", count=23)], True),
    # a month-precise date fits its month when the numbers agree
    (mention("b", day="2018-03-01", date_source="explicit", precision="month", count=23),
     [mention("a", count=23)], True),
    (mention("b", day="2018-04-01", date_source="explicit", precision="month", count=23),
     [mention("a", count=23)], False),
])
def test_rules(new, members, joins):
    assert (verdict(new, *members) is not None) == joins


@pytest.mark.parametrize("first, second, quad, agree", [
    ("161", "161", 4, True), ("161", "163", 4, False), ("160", "163", 4, True), ("111", "112", 3, True),
    ("1312", "130", 3, True),
])
def test_codes_agree(first, second, quad, agree):
    assert codes_agree(first, second, quad) is agree


def test_units():
    assert unit_kind("Diplomats") == unit_kind("staff") == "people"
    assert unit_kind("consulates") == unit_kind("annexes") == "facilities"
    assert unit_kind("votes") == "votes"


def test_the_mention_with_a_text_date_speaks_for_the_event():
    row = summarise("a1", 1, [mention("a", day="2018-03-18", date_source="publication"),
                              mention("b", day="2018-03-17", date_source="explicit", count=23)])
    assert row.representative == "b" and row.date == date(2018, 3, 17)
    assert row.mentions == 2


# -- on coded articles (written for these tests) ---------------------------------------------------

REPORTS = [
    ("wire-1", "Harbour Wire", "2018-03-17",
     "Russia expels 23 British diplomats\n\nMOSCOW — Russia on Saturday ordered 23 British diplomats to leave "
     "the country within a week, the Foreign Ministry said."),
    ("paper-1", "Evening Courier", "2018-03-17",
     "Moscow hits back\n\nLONDON — Moscow on Saturday expelled 23 British diplomats, a week after Britain "
     "sent home the same number of Russians."),
    ("wire-2", "Harbour Wire", "2018-03-24",
     "Russia expels more British staff\n\nMOSCOW — Russia on Saturday expelled four more British diplomats, "
     "the Foreign Ministry said."),
]


def _expulsions(store):
    return [r for r in api.aggregated(store, EventFilter(dyad=("RUS", "GBR"), event="SANCTION",
                                                          both_directions=False)) if r["mode"] == "expel"]


def test_two_outlets_one_event_and_a_week_later_another(store):
    code_articles(store, REPORTS)
    found = _expulsions(store)
    by_date = {r["date"]: r for r in found}
    assert set(by_date) == {"2018-03-17", "2018-03-24"}
    assert by_date["2018-03-17"]["sources"] == ["Evening Courier", "Harbour Wire"]
    assert by_date["2018-03-24"]["sources"] == ["Harbour Wire"]


def test_a_new_report_joins_the_event_already_stored(store):
    code_articles(store, REPORTS[:1])
    first = _expulsions(store)
    code_articles(store, REPORTS[1:2])
    second = _expulsions(store)
    assert [r["id"] for r in second] == [r["id"] for r in first]
    assert len(second[0]["mentions"]) > len(first[0]["mentions"])


def test_rebuild_gives_the_same_events(store):
    code_articles(store, REPORTS)
    before = api.aggregated(store)
    api.aggregate(store, rebuild=True)
    assert [(r["id"], len(r["mentions"])) for r in api.aggregated(store)] == [(r["id"], len(r["mentions"]))
                                                                              for r in before]


# -- retold events without a date ---------------------------------------------------------------------------------

RECALL = ("recall-1", "Harbour Wire", "2021-05-03",
          "Ruritania recalls envoy\n\nOSLO — Norway on Monday recalled its ambassador from Moscow for "
          "consultations.")
RETOLD = ("retold-1", "Evening Courier", "2021-05-20",
          "Norway expels Russian diplomats\n\nOSLO — Norway on Wednesday expelled three Russian diplomats. "
          "Tensions had risen for weeks. Norway had already recalled its ambassador from Moscow.")


def test_a_retold_event_without_a_date_joins_the_event_it_retells(store):
    from .conftest import code_articles

    code_articles(store, [RECALL, RETOLD])
    retold = [r for r in store.events() if r["doc_id"] == "retold-1" and r["trigger"] == "recalled"]
    assert [(r["date"], r["date_source"]) for r in retold] == [(None, "background")]
    recalls = [e for e in api.events(store) if e["mode"] == "withdraw" or "recall" in e["trigger"]]
    assert len(recalls) == 1 and recalls[0]["date"] == "2021-05-03"
    assert {m["doc_id"] for m in recalls[0]["mentions"]} == {"recall-1", "retold-1"}


def test_a_retold_event_with_nothing_to_join_has_no_date(store):
    from .conftest import code_articles

    code_articles(store, [RETOLD])
    recalls = [e for e in api.events(store) if "recall" in e["trigger"]]
    assert [e["date"] for e in recalls] == [None]
