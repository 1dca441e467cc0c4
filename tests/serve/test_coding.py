"""The pool of coding processes: deadlines that end a process, a queue that refuses, writes first, crashes survived.

The processes run stand-ins (``stand_ins.py``) rather than the coder, so each rule is timed in seconds.
"""

from __future__ import annotations

import os
import threading
import time

import pytest

from detente.errors import InputError
from detente.serve.coding import BusyError, CodingPool, DeadlineError, Job, QueueFullError
from detente.serve.limits import ServiceLimits
from detente.settings import Settings

from . import stand_ins

READY = 60  # seconds a new process may take to start (it imports the package) on a busy machine


@pytest.fixture
def pools():
    made = []

    def make(load=stand_ins.load_nothing, **limits) -> CodingPool:
        pool = CodingPool(Settings(), ServiceLimits(**limits), load=load, run=stand_ins.run)
        made.append(pool)
        return pool

    yield make
    for pool in made:
        pool.close()


def ask(pool: CodingPool, text: str, *, write: bool = False):
    return pool.code(pool.admit(write=write), Job(text))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def in_thread(pool: CodingPool, text: str, results: list, *, write: bool = False) -> threading.Thread:
    """Admit now, then wait and code in a thread; the outcome (answer or error) is appended to ``results``."""
    ticket = pool.admit(write=write)

    def work():
        try:
            results.append((text, pool.code(ticket, Job(text))))
        except Exception as error:  # noqa: BLE001 - recorded for the test to look at
            results.append((text, error))

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_a_job_is_coded_in_another_process(pools):
    pool = pools()
    pool.start(wait=READY)
    [(text, pid)] = ask(pool, "hello")
    assert text == "hello" and pid != os.getpid()
    assert ask(pool, "again")[0][1] == pid  # the same process, loaded once


def test_coding_past_the_deadline_ends_the_process_and_a_new_one_takes_its_place(pools):
    pool = pools(coding_deadline=1.0)
    pool.start(wait=READY)
    [(_, first)] = ask(pool, "quick")
    began = time.monotonic()
    with pytest.raises(DeadlineError, match="took over 1 s"):
        ask(pool, "sleep 30")
    assert 0.7 <= time.monotonic() - began <= 1.0  # answered by its deadline
    assert not alive(first)
    pool.start(wait=READY)
    [(_, second)] = ask(pool, "quick")
    assert second != first and pool.processes_started == 2


def test_a_full_queue_refuses_at_once_and_writes_have_their_own(pools):
    pool = pools(coding_processes=1, coding_queue=1, coding_deadline=20)
    pool.start(wait=READY)
    results: list = []
    running = in_thread(pool, "sleep 1.5", results)
    time.sleep(0.5)  # the first request holds the process
    waiting = in_thread(pool, "sleep 0", results)
    began = time.monotonic()
    with pytest.raises(QueueFullError, match="1 requests are waiting"):
        pool.admit(write=False)
    assert time.monotonic() - began < 0.1
    write = in_thread(pool, "stored", results, write=True)
    for thread in (running, waiting, write):
        thread.join()
    assert all(not isinstance(outcome, Exception) for _, outcome in results)


def test_writes_are_served_before_waiting_code_requests(pools):
    pool = pools(coding_processes=1, coding_queue=3, coding_deadline=30)
    pool.start(wait=READY)
    results: list = []
    threads = [in_thread(pool, "sleep 1", results)]
    time.sleep(0.3)
    for text, write in (("code one", False), ("code two", False), ("write", True)):
        threads.append(in_thread(pool, text, results, write=write))
        time.sleep(0.1)
    for thread in threads:
        thread.join()
    assert [text for text, _ in results] == ["sleep 1", "write", "code one", "code two"]


def test_a_request_that_never_reached_a_process_is_busy_within_its_deadline(pools):
    pool = pools(coding_processes=1, coding_queue=1, coding_deadline=1.5)
    pool.start(wait=READY)
    results: list = []
    holder = in_thread(pool, "sleep 30", results)
    time.sleep(0.3)
    began = time.monotonic()
    with pytest.raises(BusyError) as raised:
        ask(pool, "quick")
    assert not isinstance(raised.value, DeadlineError)
    assert time.monotonic() - began <= 1.5
    holder.join()
    assert isinstance(results[0][1], DeadlineError)


def test_a_process_that_dies_is_replaced(pools):
    pool = pools()
    pool.start(wait=READY)
    with pytest.raises(BusyError, match="stopped .exit code 3"):
        ask(pool, "crash")
    pool.start(wait=READY)
    assert ask(pool, "after")[0][0] == "after"
    assert pool.processes_started == 2


def test_an_input_error_is_the_requests_and_the_process_goes_on(pools):
    pool = pools()
    pool.start(wait=READY)
    [(_, pid)] = ask(pool, "before")
    with pytest.raises(InputError, match="text: refused by the stand-in"):
        ask(pool, "refuse")
    assert ask(pool, "after")[0][1] == pid and pool.processes_started == 1


def test_a_process_still_loading_is_kept(pools):
    pool = pools(load=stand_ins.load_slowly, coding_deadline=0.5)
    with pytest.raises(BusyError, match="did not finish loading"):
        ask(pool, "too early")
    pool.start(wait=READY)
    assert ask(pool, "loaded")[0][0] == "loaded"
    assert pool.processes_started == 1


def test_a_closed_pool_ends_its_processes(pools):
    pool = pools()
    pool.start(wait=READY)
    [(_, pid)] = ask(pool, "hello")
    pool.close()
    assert not alive(pid)
    with pytest.raises(BusyError, match="stopping"):
        pool.admit(write=False)


@pytest.mark.parametrize("limits", [{"coding_processes": 0}, {"coding_deadline": float("nan")},
                                    {"max_code_chars": -1}, {"coding_queue": 10**9}])
def test_limits_out_of_range_are_refused(limits):
    from detente.errors import UsageError

    with pytest.raises(UsageError, match="must be between"):
        ServiceLimits(**limits)
