"""Parquet shards: the events of a long run written as numbered Parquet files as they are coded.

``detente code --shards DIR`` writes ``DIR/part-00001.parquet``,
``part-00002.parquet`` … with ``rows_per_shard`` events each (the columns of
the CSV output, typed), so that a run of millions of articles never holds its
events in memory and a cluster's output is ready for pandas, DuckDB, Spark or
R's arrow (``pandas.read_parquet(DIR)`` reads them all).  Each file appears
only once complete; a resumed run numbers its shards after the last one there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .export import CSV_COLUMNS, as_record, csv_row, open_target
from .records import Event

ROWS_PER_SHARD = 50_000
INTEGERS = {"quad_class", "span_start", "span_end", "size_count", "location_geonames_id"}
FLOATS = {"goldstein", "location_lat", "location_lon", "confidence"}


class ShardWriter:
    """Buffers events and writes a shard whenever ``rows_per_shard`` are waiting."""

    def __init__(self, folder: str | Path, rows_per_shard: int = ROWS_PER_SHARD) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rows_per_shard = rows_per_shard
        self.rows: list[dict] = []
        numbers = [int(m.group(1)) for p in self.folder.glob("part-*.parquet")
                   if (m := re.fullmatch(r"part-(\d+)\.parquet", p.name))]
        self.next = max(numbers, default=0) + 1
        self.written: list[Path] = []

    def add(self, events: Iterable[Event | dict]) -> None:
        self.rows.extend(csv_row(as_record(event)) for event in events)
        if len(self.rows) >= self.rows_per_shard:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {name: [_value(name, row[name]) for row in self.rows] for name in CSV_COLUMNS}
        schema = pa.schema([(name, pa.int64() if name in INTEGERS else pa.float64() if name in FLOATS
                             else pa.string()) for name in CSV_COLUMNS])
        path = self.folder / f"part-{self.next:05d}.parquet"
        with open_target(path, binary=True) as stream:
            pq.write_table(pa.table(columns, schema=schema), stream)
        self.written.append(path)
        self.next += 1
        self.rows = []

    def close(self) -> None:
        self.flush()


def _value(name: str, value):
    if name in INTEGERS:
        return None if value in ("", None) else int(value)
    if name in FLOATS:
        return None if value in ("", None) else float(value)
    return None if value == "" else str(value)
