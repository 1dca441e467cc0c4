"""The time limit per document (``detente.limits``): a slow stage stops with a one-line error naming the document,
by alarm in the main thread and cooperatively elsewhere; fast work is untouched and timers are put back."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from detente.errors import DetenteError, InputError
from detente.limits import TimeLimitError, check, deadline


def spin(seconds: float) -> None:
    """A stage that is slow in Python code (no sleep: the alarm must interrupt running code)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))


def test_a_slow_stage_is_stopped_by_the_alarm():
    started = time.monotonic()
    with pytest.raises(TimeLimitError) as caught, deadline(0.3, "articles/slow.txt"):
        spin(5)
    assert time.monotonic() - started < 1.5
    assert isinstance(caught.value, InputError) and isinstance(caught.value, DetenteError)
    assert str(caught.value) == ("articles/slow.txt: coding took over 0.3 s (setting time_limit); the document was "
                                 "not stored: shorten it, remove it, or raise time_limit")


def test_fast_work_is_untouched_and_the_alarm_is_put_back():
    before = signal.getsignal(signal.SIGALRM)
    with deadline(2, "fast.txt"):
        spin(0.01)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    spin(0.05)  # no alarm left to fire


def test_no_limit_means_no_timer():
    for seconds in (None, 0):
        with deadline(seconds, "any.txt"):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            check()


def test_an_enclosing_deadline_keeps_running():
    with pytest.raises(TimeLimitError) as caught, deadline(0.4, "outer.jsonl"):
        with deadline(5, "inner.jsonl:1"):
            spin(0.05)
        spin(5)
    assert str(caught.value).startswith("outer.jsonl: ")


def test_in_another_thread_the_limit_is_cooperative():
    outcome: list[BaseException | None] = []

    def stages():
        try:
            with deadline(0.2, "request"):
                for _ in range(50):  # stages, with check() between them as run_stages does
                    spin(0.05)
                    check()
            outcome.append(None)
        except TimeLimitError as error:
            outcome.append(error)

    started = time.monotonic()
    thread = threading.Thread(target=stages)
    thread.start()
    thread.join(5)
    assert isinstance(outcome[0], TimeLimitError) and time.monotonic() - started < 1.5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm was set from that thread


def test_an_alarm_swallowed_by_a_broad_except_fires_again():
    """Libraries catch ``Exception`` in their fallbacks; the alarm repeats until the block is left."""
    swallowed = []

    def stubborn_stage():
        for _ in range(2):
            try:
                spin(5)
            except Exception as error:  # noqa: BLE001 - what a library fallback does
                swallowed.append(error)
        spin(5)

    started = time.monotonic()
    with pytest.raises(TimeLimitError), deadline(0.3, "stubborn.html"):
        stubborn_stage()
    assert len(swallowed) == 2 and time.monotonic() - started < 2


def test_a_document_over_the_time_limit_is_skipped_and_recorded_and_the_run_goes_on(tmp_path, monkeypatch):
    """In `detente code`, the document that runs over `time_limit` is one failure naming it; the documents
    around it are coded and stored, and it is not stored (a re-run tries it again)."""
    from detente import api, coder
    from detente.settings import Settings
    from detente.store import Store

    from .conftest import write_articles

    paths = write_articles(tmp_path / "in", 3)
    slow = paths[1].name

    def dawdle(_coder, work):
        if work.document.origin.endswith(slow):
            spin(5)

    monkeypatch.setattr(coder, "STAGES", (*coder.STAGES, coder.Stage("dawdle/v1", dawdle, (), (), "slow on purpose")))
    report = api.Report()
    with Store.open(tmp_path / "limit.sqlite") as store:
        started = time.monotonic()
        events = list(api.code([str(tmp_path / "in")], settings=Settings(time_limit=1), store=store, report=report))
        stored = {row[0] for row in store.connection.execute("SELECT origin FROM documents")}
    assert time.monotonic() - started < 30
    assert [str(f) for f in report.failures] == [f"{paths[1]}: coding took over 1 s (setting time_limit); the "
                                                 "document was not stored: shorten it, remove it, or raise time_limit"]
    assert events and report.documents == 2
    assert stored == {str(paths[0]), str(paths[2])}


def test_an_enclosing_deadline_that_ends_sooner_is_not_replaced():
    started = time.monotonic()
    with pytest.raises(TimeLimitError) as caught, deadline(0.3, "outer.jsonl"):
        with deadline(60, "inner.txt") as inner:
            assert inner is None  # the outer deadline stops the block
            spin(5)
    assert time.monotonic() - started < 1.5 and str(caught.value).startswith("outer.jsonl:")
