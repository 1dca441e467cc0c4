"""A time limit per document: coding that runs too long stops with a ``TimeLimitError`` naming the document.

Size limits (``max_bytes``, ``max_chars``) bound what one document can
hold, but not every cost follows size: a pathological sentence (tens of
thousands of tokens in one list) can make a stage's work grow faster than its
length.  ``deadline`` bounds the time instead::

    with deadline(settings.time_limit, document.origin or document.id):
        run_stages(coder, work, stages)      # calls check() between stages

How it stops the block:

* in the main thread of a process (``detente code``, each ``--workers``
  process, each coding process of the service) a ``SIGALRM`` timer raises
  ``TimeLimitError`` wherever Python code is running, even inside a stage's
  loop; it fires again every ``REPEAT`` seconds until the block is left,
  because code that catches ``Exception`` (a library's fallback) may swallow
  one raise;
* in any other thread (Dask's worker threads, a program that codes in its
  own threads), where signals cannot be delivered, it is cooperative:
  ``check()`` raises once the time is up, so the block stops at the next
  call of ``check()`` (between stages).

The service does not rely on it: its requests have a deadline of their own,
kept by ending the coding process (``detente.serve.coding``), which stops
even a call into C.

What it cannot interrupt: a single call into C that does not return to
Python (one spaCy parse, one regular expression match) runs to its end before
the alarm is handled, and in other threads a stage runs to its end before the
next ``check()``.  The size limits are what bound those.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import InputError

__all__ = ["TimeLimitError", "check", "deadline"]


class TimeLimitError(InputError):
    """A document took longer to code than the time limit."""


# Seconds between further alarms once the time is up.
REPEAT = 0.25

_local = threading.local()


@contextmanager
def deadline(seconds: float | None, name: str) -> Iterator[TimeLimitError | None]:
    """Raise ``TimeLimitError`` naming ``name`` when the block runs over ``seconds`` (None or 0: no limit).

    The block receives the error it would raise (to tell it from an enclosing deadline's), or None when
    there is no limit or an enclosing deadline of this thread ends sooner (that one then stops the block).
    """
    previous = getattr(_local, "deadline", None)
    if not seconds or seconds <= 0 or (previous is not None and previous[0] <= time.monotonic() + seconds):
        yield None
        return
    error = TimeLimitError(name, f"coding took over {seconds:g} s (setting time_limit); the document was not "
                                 "stored: shorten it, remove it, or raise time_limit")
    _local.deadline = (time.monotonic() + seconds, error)
    try:
        if _can_signal():
            with _alarm(seconds, error):
                yield error
        else:
            yield error
    finally:
        _local.deadline = previous


def check() -> None:
    """Raise the ``TimeLimitError`` of the innermost ``deadline`` of this thread if its time is up."""
    current = getattr(_local, "deadline", None)
    if current is not None and time.monotonic() >= current[0]:
        raise current[1]


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def _alarm(seconds: float, error: TimeLimitError) -> Iterator[None]:
    """A ``SIGALRM`` after ``seconds`` that raises ``error``; the previous handler and timer are put back."""
    def expired(signum, frame) -> None:
        raise error

    started = time.monotonic()
    handler = signal.signal(signal.SIGALRM, expired)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, handler)
        if outer > 0:  # an enclosing timer keeps running for what it had left
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
