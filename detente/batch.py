"""Batch coding: the same coder on one process, on several (``--workers N``), or on a Dask cluster.

Documents stream in; they are cut into chunks of ``batch_size`` and each
chunk is coded where the run says — in this process, in a pool of worker
processes, or on the workers of a Dask cluster (``--dask ADDRESS`` or
``--dask local``).  Results come back **in input order**, whatever finished
first, so a parallel run stores and prints exactly what a single-process run
does.  At most a few chunks per worker are in flight, so memory does not grow
with the corpus.  The store stays written by this process alone (one writer).

Each worker process loads the coder once (model, knowledge base, lexicon) and
keeps it for every chunk it is given.  Workers are forked from a forkserver
that has imported spaCy and detente once (``worker_context``), so each skips
those imports; where there is none, they are spawned and import everything.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from .coder import Coder
from .errors import InputError, UsageError
from .records import Claim, Document, Event, Sentence
from .settings import Settings

log = logging.getLogger(__name__)

# Chunks waiting or running per worker: enough to keep every worker busy, few enough to keep memory flat.
IN_FLIGHT_PER_WORKER = 2
# What the forkserver imports before it forks any worker: this module brings spaCy, numpy and the whole of
# detente (most of a spawned worker's start-up), and the main module is what a spawned worker imports too.
FORKSERVER_PRELOAD = ("__main__", "detente.batch")


@dataclass(frozen=True)
class Coded:
    """What coding one document gives: what the store keeps (no parse, which does not travel between processes)."""

    document: Document
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    failure: InputError | None = None  # not coded (over the time limit): recorded and skipped, not stored


def code_documents(documents: Iterable[Document], settings: Settings, *, workers: int = 1,
                   dask: str | None = None) -> Iterator[Coded]:
    """Code documents in input order: here, on ``workers`` processes, or on the Dask cluster at ``dask``."""
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    if dask:
        yield from _on_dask(_chunks(documents, settings.batch_size), settings, dask)
    elif workers > 1:
        yield from _on_processes(_chunks(documents, settings.batch_size, workers), settings, workers)
    else:
        coder = _coder(settings)
        for chunk in _chunks(documents, settings.batch_size):
            yield from _code(coder, chunk)


def code_chunk(settings: Settings, documents: list[Document]) -> list[Coded]:
    """Code one chunk with this process's coder (loaded on first use): what a worker runs."""
    return list(_code(_coder(settings), documents))


@functools.lru_cache(maxsize=2)
def _coder(settings: Settings) -> Coder:
    return Coder(settings)


def _code(coder: Coder, documents: list[Document]) -> Iterator[Coded]:
    for work in coder.work_all(documents):
        yield Coded(work.document, tuple(work.sentences or ()), tuple(work.events or ()), tuple(work.claims or ()),
                    work.failure)


def _chunks(documents: Iterable[Document], size: int, workers: int = 1) -> Iterator[list[Document]]:
    """Chunks of ``size`` documents, in input order; for several workers, the last ones smaller.

    Chunks of ``size`` to the end leave one worker idle while another codes the last full one: half a
    chunk's time on average, about a second at 32 documents.  So, for several workers, the documents of one
    more chunk are read ahead, and once fewer than two chunks' worth are left, a chunk is a worker's share of
    what is left (200 documents, 32 a chunk, 2 workers: 32 five times, then 20, 10, 5, 3, 1, 1).  A document
    is coded the same in any chunk: its parse does not depend on the documents parsed with it
    (``tests/test_batch.py``).
    """
    iterator, size = iter(documents), max(size, 1)
    if workers < 2:
        while chunk := list(itertools.islice(iterator, size)):
            yield chunk
        return
    ahead: deque[Document] = deque()
    while True:
        ahead.extend(itertools.islice(iterator, 2 * size - len(ahead)))
        if not ahead:
            return
        share = -(-len(ahead) // workers)  # rounded up
        yield [ahead.popleft() for _ in range(size if len(ahead) == 2 * size else min(size, share))]


def _in_order(submit, chunks: Iterator[list[Document]], window: int) -> Iterator[Coded]:
    """Submit chunks keeping at most ``window`` in flight; yield their results in submission order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from _result(pending.popleft())
    while pending:
        yield from _result(pending.popleft())


def _result(future) -> list[Coded]:
    return future.result()


def worker_context() -> multiprocessing.context.BaseContext:
    """How coding processes start: forked from a forkserver that has imported detente, else spawned.

    This process is never forked: it may hold threads (a web service's, a library's) and an open store.  The
    forkserver is a process started afresh, only to fork: it runs one Python thread, plus the idle thread of
    OpenBLAS's pool that importing numpy starts, which OpenBLAS stops around a fork (a worker starts with one
    thread).  Its workers start with every module imported and, ending, skip the interpreter's teardown
    (half a second of the end of a spawned run).  On macOS, where system libraries may hold threads that a
    fork breaks (which is why Python spawns there), and where there is no forkserver, workers are spawned.
    """
    if sys.platform == "darwin" or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(FORKSERVER_PRELOAD))  # no effect once the forkserver runs
    return context


def _on_processes(chunks: Iterator[list[Document]], settings: Settings, workers: int) -> Iterator[Coded]:
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context()) as pool:
        def submit(chunk: list[Document]) -> Future:
            return pool.submit(code_chunk, settings, chunk)
        yield from _in_order(submit, chunks, workers * IN_FLIGHT_PER_WORKER)


def _on_dask(chunks: Iterator[list[Document]], settings: Settings, address: str) -> Iterator[Coded]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - distributed is a dependency
        raise UsageError("--dask needs the `distributed` package") from error
    cluster = None
    if address == "local":
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout="30s")
        except OSError as error:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {error}") from error
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)

        def submit(chunk: list[Document]):
            return client.submit(code_chunk, settings, chunk, pure=False)
        yield from _in_order(submit, chunks, workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
