"""The position indexes of the records stage (detente/positions.py) give the answers of the scans they replaced,
and so does the sharing of dates between mentions of one event (``detente.coder._share_dates``)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente import coder as coder_module
from detente.coder import Coder
from detente.positions import ByPosition, Latest, Nearest
from detente.records import Document, Entity, Event

told_items = st.lists(st.tuples(st.integers(0, 30), st.dates(date(2020, 1, 1), date(2020, 1, 9)),
                                st.sampled_from(["day", "month"])), max_size=40)


@given(told_items, st.integers(-1, 32))
def test_latest_is_the_greatest_item_before_a_position(items, position):
    latest = Latest()
    for item in items:
        latest.add(item)
    earlier = sorted(item for item in items if item[0] < position)
    assert latest.before(position) == (earlier[-1] if earlier else None)


@given(st.lists(st.tuples(st.integers(0, 20), st.integers()), max_size=40), st.integers(-1, 22), st.integers(-1, 22))
def test_by_position_is_a_stable_sort_and_a_range(items, start, end):
    indexed = ByPosition(lambda item: item[0])
    for item in items:
        indexed.add(item)
    ordered = sorted(items, key=lambda item: item[0])
    assert list(indexed) == ordered
    assert indexed.between(start, end) == [item for item in ordered if start <= item[0] < end]


@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 12)), max_size=40), st.sampled_from("abcd"),
       st.integers(-2, 14))
def test_nearest_is_the_first_of_the_nearest_sentence(items, key, sentence):
    numbered = list(enumerate(items))  # (order, (key, sentence)): items are told apart by their order
    nearest = Nearest(numbered, lambda item: [item[1][0]], lambda item: item[1][1])
    candidates = [item for item in numbered if item[1][0] == key]
    expected = min(candidates, key=lambda item: abs(item[1][1] - sentence)) if candidates else None
    assert nearest.nearest(key, sentence) == expected


@given(st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 8), st.booleans()), max_size=40),
       st.sampled_from("abc"), st.integers(-1, 10))
def test_latest_before_is_the_first_accepted_of_the_nearest_earlier_sentence(items, key, sentence):
    numbered = list(enumerate(items))  # (order, (key, sentence, accepted))
    nearest = Nearest(numbered, lambda item: [item[1][0]], lambda item: item[1][1])
    candidates = [item for item in numbered if item[1][0] == key and item[1][1] < sentence and item[1][2]]
    expected = min(candidates, key=lambda item: abs(item[1][1] - sentence)) if candidates else None
    assert nearest.latest_before(key, sentence, lambda item: item[1][2]) == expected


# -- sharing dates between mentions: the fast code against the scan it replaced ---------------------------

def _share_dates_by_scan(events: list[Event], nominal: set[str], retold: set[str]) -> list[Event]:
    dated: dict[tuple, list[Event]] = {}
    for event in events:
        if event.date_source != "publication" and event.date_precision == "day":
            dated.setdefault(coder_module._event_key(event), []).append(event)
    out = []
    for event in events:
        mention = (event.sentence == 0 or event.id in nominal) and event.status == "actual"
        candidates = []
        if mention and event.date_source == "publication":
            candidates = dated.get(coder_module._event_key(event), [])
        elif event.date_source == "publication" and event.status == "actual" and event.date is not None \
                and event.id not in retold:
            days = coder_module.RECENT_DAYS if event.quad_class in (2, 4) else coder_module.RECENT_WORDS
            candidates = [c for c in dated.get(coder_module._event_key(event), []) if c.sentence < event.sentence
                          and 0 <= (event.date - c.date).days <= days]
        elif mention and event.date_precision == "month":
            candidates = [c for c in dated.get(coder_module._event_key(event), [])
                          if (c.date.year, c.date.month) == (event.date.year, event.date.month)]
        elif event.id in nominal and event.date_source == "relative" and event.status == "actual":
            # a noun's mention counted back takes the nearest day the text states for the same act and code
            stated = [c for c in events if c.date_source == "explicit" and c.date_precision == "day"
                      and coder_module._event_key(c) == coder_module._event_key(event)
                      and c.cameo[:3] == event.cameo[:3]
                      and 0 < abs((c.date - event.date).days) <= coder_module.RETOLD_REACH]
            if stated:
                source = min(stated, key=lambda c: abs((c.date - event.date).days))
                event = dataclasses.replace(event, date=source.date, date_source=source.date_source,
                                            date_precision=source.date_precision)
        if candidates:
            source = min(candidates, key=lambda c: (c.cameo[:3] != event.cameo[:3], abs(c.sentence - event.sentence)))
            event = dataclasses.replace(event, date=source.date, date_source=source.date_source,
                                        date_precision=source.date_precision)
        out.append(event)
    return out


@pytest.fixture(scope="module")
def template() -> Event:
    article = Document(id="a", text="Russia expelled 23 British diplomats on Friday.", date=date(2018, 3, 17))
    return Coder().code(article)[0]


COUNTRIES = [Entity(text=c, name=c, country=c) for c in ("RUS", "GBR", "USA")]
mentions = st.lists(st.tuples(
    st.integers(0, 3),  # sentence step from the event before
    st.sampled_from(["REDUCE", "EXPEL"]),
    st.sampled_from(["161", "163", "172"]),  # CAMEO code
    st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES),
    st.sampled_from([("publication", "day"), ("explicit", "day"), ("explicit", "month"), ("relative", "day")]),
    st.dates(date(2018, 1, 1), date(2018, 4, 30)),
    st.sampled_from(["actual", "actual", "planned"]),
    st.booleans(),  # a noun's mention
    st.sampled_from([1, 2, 3, 4]),  # quad class
    st.booleans(),  # told as earlier than the news
), max_size=30)


@settings(deadline=None, max_examples=300)
@given(mentions)
def test_shared_dates_are_those_of_the_scan(template, drawn):
    events, nominal, retold, sentence = [], set(), set(), 0
    for n, (step, kind, cameo, actor, recipient, (source, precision), day, status, noun, quad, earlier) \
            in enumerate(drawn):
        sentence += step
        event = dataclasses.replace(template, id=f"e{n}", sentence=sentence, event=kind, cameo=cameo,
                                    actor=(actor,), recipient=(recipient,), date=day, date_source=source,
                                    date_precision=precision, status=status, quad_class=quad)
        events.append(event)
        if noun:
            nominal.add(event.id)
        if earlier:
            retold.add(event.id)
    assert coder_module._share_dates(events, nominal, retold) == _share_dates_by_scan(events, nominal, retold)
