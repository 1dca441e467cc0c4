"""Batch coding: several processes and a Dask cluster give what one process gives; resuming; Parquet shards."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import api
from detente.settings import Settings
from detente.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SETTINGS = Settings(batch_size=4)  # small chunks, so that several are in flight at once


def run(tmp_path, name, **options):
    with Store.open(tmp_path / f"{name}.sqlite") as store:
        events = [e.to_dict() for e in api.code([str(EXAMPLES)], settings=SETTINGS, store=store, **options)]
        stored = sorted(row[0] for row in store.connection.execute("SELECT id FROM events"))
        aggregates = store.count("aggregates"), store.count("links")
    return events, stored, aggregates


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    return run(tmp_path_factory.mktemp("single"), "single")


def test_two_processes_give_what_one_gives(single, tmp_path):
    assert run(tmp_path, "two", workers=2) == single


def test_a_dask_cluster_of_two_workers_gives_what_one_process_gives(single, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        assert run(tmp_path, "dask", dask=cluster.scheduler_address) == single


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
