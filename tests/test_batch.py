"""Batch coding: several processes and a Dask cluster give what one process gives; resuming; Parquet shards."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

from detente import api, batch
from detente.settings import Settings
from detente.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SETTINGS = Settings(batch_size=4)  # small chunks, so that several are in flight at once


def run(tmp_path, name, settings=SETTINGS, **options):
    with Store.open(tmp_path / f"{name}.sqlite") as store:
        events = [e.to_dict() for e in api.code([str(EXAMPLES)], settings=settings, store=store, **options)]
        stored = sorted(row[0] for row in store.connection.execute("SELECT id FROM events"))
        aggregates = store.count("aggregates"), store.count("links")
    return events, stored, aggregates


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    return run(tmp_path_factory.mktemp("single"), "single")


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_two_processes_give_what_one_gives(single, tmp_path, monkeypatch, method):
    if method == "spawn":  # as on macOS and Windows
        monkeypatch.setattr(batch, "worker_context", lambda: multiprocessing.get_context("spawn"))
    elif batch.worker_context().get_start_method() != method:
        pytest.skip("workers are spawned on this platform")
    assert run(tmp_path, "two", workers=2) == single


def test_a_dask_cluster_of_two_workers_gives_what_one_process_gives(single, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert run(tmp_path, "dask", dask=cluster.scheduler_address) == single


@pytest.mark.parametrize(("platform", "methods", "expected"), [
    ("linux", ["fork", "spawn", "forkserver"], "forkserver"),
    ("linux", ["spawn"], "spawn"),
    ("darwin", ["spawn", "fork", "forkserver"], "spawn"),  # system libraries' threads: Python spawns there too
    ("win32", ["spawn"], "spawn"),
])
def test_workers_are_forked_from_a_forkserver_where_it_is_safe(monkeypatch, platform, methods, expected):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: methods)
    assert batch.worker_context().get_start_method() == expected


def test_a_document_is_coded_the_same_in_any_chunk(single, tmp_path):
    # what lets the last chunks of a run on several workers be smaller (batch._chunks)
    assert run(tmp_path, "one by one", settings=Settings(batch_size=1)) == single


@pytest.mark.parametrize(("documents", "size", "workers", "sizes"), [
    (70, 32, 1, [32, 32, 6]),  # one process: chunks of batch_size
    (200, 32, 2, [32, 32, 32, 32, 32, 20, 10, 5, 3, 1, 1]),  # the last ones shrink, so both finish together
    (64, 32, 2, [32, 16, 8, 4, 2, 1, 1]),
    (8, 32, 2, [4, 2, 1, 1]),  # a few documents are shared too
    (9, 4, 3, [4, 2, 1, 1, 1]),
    (0, 32, 2, []),
])
def test_chunks_keep_the_input_order_and_shrink_at_the_end(documents, size, workers, sizes):
    chunks = list(batch._chunks(iter(range(documents)), size, workers))
    assert [len(chunk) for chunk in chunks] == sizes
    assert [item for chunk in chunks for item in chunk] == list(range(documents))


def test_an_interrupted_run_resumes_without_duplicates_or_gaps(single, tmp_path):
    files = sorted(str(p) for p in EXAMPLES.iterdir())
    with Store.open(tmp_path / "resumed.sqlite") as store:
        list(api.code(files[:7], settings=SETTINGS, store=store))  # the run stopped after seven articles
        report = api.Report()
        list(api.code([str(EXAMPLES)], settings=SETTINGS, store=store, report=report))
        assert report.already_stored == 7 and report.documents == len(files) - 7
        stored = sorted(row[0] for row in store.connection.execute("SELECT id FROM events"))
    assert stored == single[1]


def test_workers_must_be_positive():
    from detente.errors import UsageError

    with pytest.raises(UsageError):
        list(api.code([str(EXAMPLES)], workers=0))


def test_events_as_parquet_shards(single, tmp_path):
    import pandas

    from detente.shards import ShardWriter

    folder = tmp_path / "shards"
    events = list(api.code([str(EXAMPLES)], settings=SETTINGS, shards=str(folder), statuses=("actual",)))
    table = pandas.read_parquet(folder)
    assert len(table) == len(single[1]) and set(table["id"]) == set(single[1])
    assert len(events) < len(table)  # the shards keep every status; the output only the ones asked for
    writer = ShardWriter(folder, rows_per_shard=2)  # a resumed run numbers its shards after the last one
    for event in events[:3]:
        writer.add([event])
    writer.close()
    assert sorted(p.name for p in folder.iterdir()) == ["part-00001.parquet", "part-00002.parquet",
                                                        "part-00003.parquet"]
