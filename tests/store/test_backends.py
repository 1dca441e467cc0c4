"""What differs between the backends: URLs, messages, types, ordering and concurrent writers."""

from __future__ import annotations

import os
import threading

import pytest

from detente.errors import StoreError
from detente.records import Link
from detente.store import Store, is_url
from detente.store.backends import PostgreSQL, SQLite, masked
from detente.store.migrations import MIGRATIONS

from .conftest import POSTGRES_VARIABLE
from .test_store import EVENTS, LONDON, MOSCOW, split


@pytest.mark.parametrize(
    ("location", "url"),
    [
        ("postgresql://detente:secret@127.0.0.1:5432/detente", True),
        ("postgres://db.example/detente", True),
        ("out/detente.sqlite", False),
        ("/tmp/postgresql://not-a-url.sqlite", False),
        (":memory:", False),
    ],
)
def test_a_url_opens_postgresql_and_anything_else_sqlite(location, url):
    assert is_url(location) is url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://detente:secret@127.0.0.1:5432/db", "postgresql://detente:***@127.0.0.1:5432/db"),
        ("postgresql://detente:p@ss:word@host/db", "postgresql://detente:***@host/db"),
        ("postgresql://detente@host/db", "postgresql://detente@host/db"),
        ("postgresql:///db", "postgresql:///db"),
        ("postgresql://host/db?user=detente&password=secret&sslmode=disable",
         "postgresql://host/db?user=detente&password=***&sslmode=disable"),
    ],
)
def test_the_password_is_masked(url, shown):
    assert masked(url) == shown


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("postgresql://detente:secret@127.0.0.1:no-port/db", id="malformed"),
        pytest.param("postgresql://detente:secret@127.0.0.1:1/db", id="nothing listens"),
    ],
)
def test_a_bad_url_is_one_line_naming_the_database_without_its_password(url):
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert message.startswith(f"{masked(url)}: cannot open the store: ")
    assert "\n" not in message and "secret" not in message


def test_a_wrong_password_is_one_line_without_the_password():
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set: no PostgreSQL server to test the store on")
    scheme, rest = url.split("://", 1)
    userinfo, host = rest.split("@", 1)
    user = userinfo.split(":", 1)[0]
    # built from its parts: replacing the user's name in the whole URL would also hit "postgres" in the scheme
    wrong = f"{scheme}://{user}:not-the-password-42@{host}"
    with pytest.raises(StoreError) as caught:
        Store.open(wrong)
    assert "\n" not in str(caught.value) and "not-the-password-42" not in str(caught.value)
    assert f"{user}:***@" in str(caught.value)


def test_the_store_names_its_backend_and_location(database):
    with Store.open(database) as store:
        if is_url(database):
            assert isinstance(store.connection, PostgreSQL)
            assert store.path == masked(database)
        else:
            assert isinstance(store.connection, SQLite)
            assert store.path == database


def test_postgresql_migrations_use_wide_types_and_byte_order():
    backend = PostgreSQL.__new__(PostgreSQL)
    statement = backend.schema("CREATE TABLE t (text TEXT NOT NULL, n INTEGER, score REAL)")
    assert statement == 'CREATE TABLE t (text TEXT COLLATE "C" NOT NULL, n BIGINT, score DOUBLE PRECISION)'
    every = "\n".join(backend.schema(s) for migration in MIGRATIONS for s in migration.statements)
    assert " REAL" not in every and " INTEGER" not in every


def test_scores_and_large_numbers_come_back_exactly(database):
    with Store.open(database) as store:
        assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
        store.connection.execute("UPDATE events SET size_count = ? WHERE id = 'rus-expels-gbr'", (5_000_000_000,))
        row = store.connection.execute("SELECT size_count, goldstein FROM events WHERE id = 'rus-expels-gbr'")
        assert row.fetchone() == (5_000_000_000, -4.0)


def test_percent_signs_and_question_marks_pass_as_parameters(database):
    with Store.open(database) as store:
        assert store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
        row = store.connection.execute("SELECT id || '%' FROM events WHERE cue LIKE ? AND id != ?",
                                       ("answer%", "what?")).fetchone()
        assert row == ("rus-expels-gbr%",)


def test_text_sorts_by_bytes_on_both(database):
    with Store.open(database) as store:
        rows = [(f"doc-{name}", name) for name in ("b", "B", "a", "_", "Z", "é")]
        store.connection.executemany(
            "INSERT INTO documents (hash, id, title, date, date_source, source, url, origin, text, coded_at) "
            "VALUES (?, ?, NULL, NULL, 'none', NULL, NULL, NULL, 'text', 'now')", rows)
        ordered = [row[0] for row in store.connection.execute("SELECT id FROM documents ORDER BY id")]
        assert ordered == ["B", "Z", "_", "a", "b", "é"]


def test_upserts_replace_aggregates_and_move_mentions(database):
    from detente.reciprocity import update

    with Store.open(database) as store:
        store.add(LONDON, split(LONDON), EVENTS[LONDON])
        store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW])
        update(store)
        first, second = list(store.aggregate_rows())[:2]
        with store.transaction():
            store.write_aggregate(first.__class__(**{**first.__dict__, "mentions": 99}))
            store.assign(first.representative, second.id)
            store.add_link(Link(effect=second.id, cause=first.id, type="inferred", score=0.123456789))
            store.add_link(Link(effect=second.id, cause=first.id, type="inferred", score=0.5))
        assert store.aggregate(first.id).mentions == 99
        assert store.aggregate_of(first.representative) == second.id
        assert [link.score for link in store.links(second.id) if link.cause == first.id] == [0.123456789]


def test_a_document_written_by_many_at_once_is_stored_once(database):
    with Store.open(database):
        pass  # migrated before the writers start
    results, errors = [], []

    def write():
        try:
            with Store.open(database) as store:
                results.append(store.add(MOSCOW, split(MOSCOW), EVENTS[MOSCOW]))
        except Exception as error:  # collected: an assertion below names it
            errors.append(error)

    writers = [threading.Thread(target=write) for _ in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    assert errors == []
    assert sorted(results) == [False, False, False, True]
    with Store.open(database) as store:
        assert store.count("events") == len(EVENTS[MOSCOW])


def test_the_command_line_takes_a_url_and_fails_in_one_line():
    from click.testing import CliRunner

    from detente.cli import main

    result = CliRunner().invoke(main, ["summary", "--db", "postgresql://detente:secret@127.0.0.1:1/db"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: postgresql://detente:***@127.0.0.1:1/db: cannot open the store: ")
    assert result.output.count("\n") == 1 and "secret" not in result.output


def test_a_new_database_opened_by_many_at_once_is_migrated_once(database):
    errors = []

    def open_it():
        try:
            Store.open(database).close()
        except Exception as error:  # collected: the assertion below names it
            errors.append(error)

    openers = [threading.Thread(target=open_it) for _ in range(4)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=60)
    assert errors == []
    with Store.open(database) as store:
        assert store.migrations() == [migration.name for migration in MIGRATIONS]
        assert store.migrate() == []
