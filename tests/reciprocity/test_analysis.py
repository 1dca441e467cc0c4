"""PLOVER scores, escalation series and periods."""

from __future__ import annotations

from datetime import date

import pytest

from detente import api
from detente.errors import UsageError
from detente.reciprocity.analysis import period_start, plover_scores


def test_plover_scores_rank_the_types():
    scores = plover_scores()
    assert set(scores) >= {"ASSAULT", "SANCTION", "ACCUSE", "CONSULT", "AID"}
    assert scores["ASSAULT"] < scores["SANCTION"] < scores["ACCUSE"] < 0 < scores["CONSULT"] < scores["AID"]


@pytest.mark.parametrize("period, start", [("day", date(2017, 7, 28)), ("week", date(2017, 7, 24)),
                                           ("month", date(2017, 7, 1))])
def test_period_start(period, start):
    assert period_start(date(2017, 7, 28), period) == start


def test_series_sums_the_events_of_each_period(corpus_store):
    series = api.dyad(corpus_store, "RUS", "GBR", period="month").series
    march = [p for p in series if p.period == date(2018, 3, 1) and p.actor == "RUS"]
    assert len(march) == 1 and march[0].events >= 2
    assert march[0].goldstein < 0 and march[0].plover < 0
    events = api.aggregated(corpus_store)
    in_march = [r for r in events
                if r["date"] and r["date"].startswith("2018-03") and r["status"] in api.DEFAULT_STATUSES
                and {e["country"] for e in r["actor"]} == {"RUS"} and {e["country"] for e in r["recipient"]} == {"GBR"}]
    assert march[0].events == len(in_march)


def test_unknown_period(corpus_store):
    with pytest.raises(UsageError):
        api.dyad(corpus_store, "RUS", "GBR", period="fortnight")
