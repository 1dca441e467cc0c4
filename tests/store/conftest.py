"""The store tests run on both backends: a SQLite file, and a fresh schema on a PostgreSQL server.

The PostgreSQL server is the one named by ``DETENTE_TEST_POSTGRES`` (``.ci/run``
starts one and sets it).  Without the variable the PostgreSQL variants are
skipped; with it, a server that cannot be reached fails them.
"""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES_VARIABLE = "DETENTE_TEST_POSTGRES"


def in_schema(url: str, schema: str) -> str:
    """``url`` with the schema ``schema`` first on its search path."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    """Where a test's store lives: a new SQLite file, or a new empty schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set: no PostgreSQL server to test the store on")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    yield in_schema(url, schema)
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
