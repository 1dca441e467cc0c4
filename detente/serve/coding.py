"""Coding for the service, in a small pool of processes that can be ended.

A request's text is read and coded in a coding process, never in the
service's own threads, so a long text holds neither a lock nor the
interpreter the reading requests need, and it can be stopped::

    pool = CodingPool(settings, limits)
    ticket = pool.admit(write=False)      # QueueFullError at once when the queue is full
    coded = pool.code(ticket, Job(text))  # waits for a process, then codes: a list of ``Coded``

The rules:

* at most ``coding_processes`` texts are coded at once; a request waits for
  a process in a queue of ``coding_queue`` places, one queue for writes
  (``POST /api/documents``) and one for ``POST /api/code``.  Writes are
  served first, so a flood of ``/api/code`` keeps a write waiting at most
  for the texts being coded;
* one deadline per request, from its admission to its answer: a request
  still waiting at its deadline gets ``BusyError``; one being coded has its
  process killed and gets ``DeadlineError``; a new process takes the place
  of the one ended;
* a process that dies (out of memory, killed from outside) is replaced; its
  request gets ``BusyError``;
* each process loads the coder once, when it starts; the first requests of a
  new process wait for that (a few seconds), within their deadline;
* for ``/api/code`` the processes also write the JSON answer, so the
  service's own process, which answers reads, does no work for a coding
  request but pass its bytes on (building the answer of a long text there
  held its event loop for a good part of a second).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import multiprocessing
import pickle
import signal
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..batch import Coded, code_chunk, code_documents
from ..errors import DetenteError, InputError, TooLargeError
from ..ingest import read_string
from ..settings import Settings
from .limits import ServiceLimits

log = logging.getLogger(__name__)

# The name under which errors about a request's text name it: the JSON field it came in.
TEXT_FIELD = "text"
# Seconds kept from a request's deadline to end its process and send the answer, so that it is answered in time.
ANSWER_TIME = 0.2


class BusyError(DetenteError):
    """The service cannot code this request now: no process became free before its deadline, or it died."""


class QueueFullError(BusyError):
    """Every coding process is busy and the queue in front of them is full."""


class DeadlineError(BusyError):
    """Coding took longer than the request's deadline; its process was ended."""


@dataclass(frozen=True)
class Job:
    """A text to read and code, with what the text itself may not say.

    ``keep``: the coded documents are wanted, to be stored (``POST /api/documents``); else the answer of
    ``POST /api/code``, its events as JSON, written in the coding process.
    """

    text: str
    date: datetime.date | None = None
    source: str | None = None
    keep: bool = False


@dataclass(eq=False)
class Ticket:
    """A request admitted to the pool: which queue it waits in, and when its time is up."""

    write: bool
    until: float


def load_coder(settings: Settings) -> None:
    """Load the model, knowledge base and lexicon of this process: what a coding process does first."""
    code_chunk(settings, [])


def code_job(job: Job, settings: Settings, max_chars: int) -> list[Coded] | bytes:
    """Read and code one request's text: what a coding process runs.  ``InputError`` when it cannot be.

    The coded documents when the job keeps them, else the JSON answer (``events_json``).  Plain text over
    ``max_chars`` is refused before it is read; an HTML page once its text is read.
    """
    refuse_long_text(job.text, max_chars)
    documents = []
    for item in read_string(job.text, name=TEXT_FIELD, date=job.date, source=job.source,
                            max_bytes=settings.max_bytes):
        if isinstance(item, InputError):
            raise item
        documents.append(item)
    _refuse_long(sum(len(document.text) for document in documents), max_chars)
    coded = list(code_documents(documents, settings))
    for item in coded:
        if item.failure is not None:
            raise item.failure
    return coded if job.keep else events_json(coded)


def events_json(coded: list[Coded]) -> bytes:
    """``{"events": [...]}``: the events of the statuses written by default, as ``detente code`` writes them."""
    from ..api import DEFAULT_STATUSES

    events = [event.to_dict() for item in coded for event in item.events if event.status in DEFAULT_STATUSES]
    return json.dumps({"events": events}, ensure_ascii=False).encode("utf-8")


def refuse_long_text(text: str, max_chars: int) -> None:
    """``TooLargeError`` for plain text over ``max_chars``: checked before a request is queued, and again here.

    Text sniffed as HTML or JSON is measured once read (markup and field names do not count).
    """
    from ..ingest import sniff

    if sniff(text) == "text":
        _refuse_long(len(text), max_chars)


def _refuse_long(length: int, max_chars: int) -> None:
    if length > max_chars:
        raise TooLargeError(TEXT_FIELD, f"{length:,} characters of article text is over this service's limit of "
                                        f"{max_chars:,} a request (--max-code-chars); split the text or code it "
                                        "with `detente code`")


class CodingPool:
    """Coding processes, the two queues in front of them, and the deadline of each request.

    ``load`` and ``run`` are what each process does when it starts and for each job (module-level functions,
    which a new process can import); tests give stand-ins that sleep or crash.
    """

    def __init__(self, settings: Settings, limits: ServiceLimits, *,
                 load: Callable[[Settings], None] = load_coder,
                 run: Callable[[Job, Settings, int], list[Coded]] = code_job) -> None:
        self.settings = settings
        self.limits = limits
        self._work = (load, run)
        self._context = multiprocessing.get_context("spawn")  # see batch.py: a clean start, no forked threads
        self._idle: list[_Process | None] = [None] * limits.coding_processes  # None: not started yet
        self._waiting: dict[bool, deque[Ticket]] = {True: deque(), False: deque()}
        self._turn = threading.Condition()
        self._processes: list[multiprocessing.process.BaseProcess] = []  # ended with the pool if not before
        self.processes_started = 0
        self._closed = False
        self._serving = 0  # applications serving with this pool (see ``serving``)
        weakref.finalize(self, _end_all, self._processes)

    @property
    def most_admitted(self) -> int:
        """The most requests admitted at once: each needs a thread while it waits or codes."""
        return 2 * (self.limits.coding_processes + self.limits.coding_queue)

    def start(self, *, wait: float = 0.0) -> None:
        """Start every process now rather than on first use; they load the coder in the background.

        With ``wait``, also wait up to that many seconds for the idle ones to be loaded (a benchmark or a test
        that must not count the loading); ``BusyError`` if they are not.
        """
        until = time.monotonic() + wait
        with self._turn:
            self._idle = [process or self._started() for process in self._idle]
            if wait:
                for process in self._idle:
                    process.wait_ready(until, wait)

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        """Processes started for as long as an application serves; they end when the last one stops.

        An application may be served twice at once (a test client and a server in one test session).
        """
        with self._turn:
            self._serving += 1
            self._closed = False
        self.start()
        try:
            yield
        finally:
            with self._turn:
                self._serving -= 1
                last = self._serving == 0
            if last:
                self.close()

    def close(self) -> None:
        """End the idle processes, and each busy one when its request is answered; refuse new requests."""
        with self._turn:
            self._closed = True
            idle, self._idle = self._idle, [None] * len(self._idle)
            self._turn.notify_all()
        for process in idle:
            if process is not None:
                process.end()

    def admit(self, *, write: bool) -> Ticket:
        """A place in the queue for a write or a ``/api/code`` request; ``QueueFullError`` when there is none."""
        with self._turn:
            queue = self._waiting[write]
            if self._closed:
                raise BusyError("the service is stopping; try again in a moment")
            if len(queue) >= self.limits.coding_queue + len(self._idle):
                raise QueueFullError(f"all {self.limits.coding_processes} coding processes are busy and "
                                     f"{len(queue)} requests are waiting for them; try again in a few seconds")
            ticket = Ticket(write, time.monotonic() + max(self.limits.coding_deadline - ANSWER_TIME,
                                                          self.limits.coding_deadline / 2))
            queue.append(ticket)
            return ticket

    def withdraw(self, ticket: Ticket) -> None:
        """Leave the queue (a request that ends before its turn); nothing when it has been served."""
        with self._turn:
            if ticket in self._waiting[ticket.write]:
                self._waiting[ticket.write].remove(ticket)
                self._turn.notify_all()

    def code(self, ticket: Ticket, job: Job) -> list[Coded]:
        """Wait for a process, code the job on it, and answer before the ticket's deadline or raise."""
        process = self._take(ticket)
        try:
            return process.code(job, ticket.until, self.limits.coding_deadline)
        except BusyError as error:
            if isinstance(error, DeadlineError) or not process.alive:
                process.end()
                process = None  # replaced when given back
            raise
        finally:
            self._give_back(process)

    def _take(self, ticket: Ticket) -> _Process:
        with self._turn:
            try:
                while not (self._idle and self._next() is ticket):
                    remaining = ticket.until - time.monotonic()
                    if self._closed:
                        raise BusyError("the service is stopping; try again in a moment")
                    if remaining <= 0:
                        raise BusyError(f"no coding process became free within {self.limits.coding_deadline:g} s "
                                        "(--coding-deadline); try again in a few seconds")
                    self._turn.wait(remaining)
            finally:
                if ticket in self._waiting[ticket.write]:
                    self._waiting[ticket.write].remove(ticket)
                self._turn.notify_all()
            process = self._idle.pop()
        return process or self._started()

    def _next(self) -> Ticket | None:
        """Whose turn it is: the first write waiting, else the first ``/api/code`` request."""
        for write in (True, False):
            if self._waiting[write]:
                return self._waiting[write][0]
        return None

    def _give_back(self, process: _Process | None) -> None:
        with self._turn:
            closed = self._closed
            self._idle.append(None if closed else process or self._started())
            self._turn.notify_all()
        if closed and process is not None:
            process.end()

    def _started(self) -> _Process:
        process = _Process(self._context, self._work, self.settings, self.limits.max_code_chars)
        self._processes[:] = [p for p in self._processes if p.is_alive()] + [process.process]
        self.processes_started += 1
        return process


class _Process:
    """One coding process and the pipe to it."""

    def __init__(self, context, work: tuple[Callable, Callable], settings: Settings, max_chars: int) -> None:
        self._pipe, child = context.Pipe()
        self.process = context.Process(target=_serve_jobs, args=(child, *work, settings, max_chars), daemon=True,
                                       name="detente-coding")
        self.process.start()
        child.close()
        self._ready = False

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def wait_ready(self, until: float, deadline: float) -> None:
        """Wait until the coder is loaded: the first message says it is, or why it could not be."""
        if self._ready:
            return
        kind, value = self._receive(until, BusyError(f"the coder did not finish loading within {deadline:g} s "
                                                     "(--coding-deadline); try again in a moment"))
        self._ready = True
        if kind == "failed":
            raise value

    def code(self, job: Job, until: float, deadline: float) -> list[Coded]:
        self.wait_ready(until, deadline)
        try:
            self._pipe.send(job)
        except OSError as error:
            raise BusyError(f"the coding process has stopped ({error}); try again") from error
        kind, value = self._receive(until, DeadlineError(
            f"coding took over {deadline:g} s (--coding-deadline) and was stopped; send a shorter text or code it "
            "with `detente code`"))
        if kind == "failed":
            raise value
        return value

    def _receive(self, until: float, late: BusyError) -> tuple[str, object]:
        """The next message of the process, or ``late`` raised when none arrives before ``until``."""
        remaining = until - time.monotonic()
        try:
            if remaining <= 0 or not self._pipe.poll(remaining):
                raise late
            return self._pipe.recv()
        except (EOFError, OSError):
            self.process.join(1)
            raise BusyError(f"the coding process stopped (exit code {self.process.exitcode}); try again") from None

    def end(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self._pipe.close()


def _end_all(processes: list) -> None:
    for process in processes:
        if process.is_alive():
            process.kill()


def _serve_jobs(pipe, load: Callable, run: Callable, settings: Settings, max_chars: int) -> None:
    """The loop of a coding process: load the coder, then code each job received, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the service's; it ends this process itself
    try:
        load(settings)
        pipe.send(("ready", None))
    except DetenteError as error:
        pipe.send(("failed", _portable(error)))
    while True:
        try:
            job = pipe.recv()
        except (EOFError, OSError):
            return
        try:
            pipe.send(("done", run(job, settings, max_chars)))
        except DetenteError as error:
            pipe.send(("failed", _portable(error)))
        except Exception as error:  # noqa: BLE001 - a bug on one text must not end the process for every other
            log.exception("coding a request failed")
            pipe.send(("failed", DetenteError(f"coding failed ({type(error).__name__}); see the service log")))


def _portable(error: DetenteError) -> DetenteError:
    """``error`` if it survives the pipe, else a plain ``DetenteError`` with its message."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - an error class whose arguments do not round-trip
        return DetenteError(str(error))
