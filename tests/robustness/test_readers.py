"""The readers on hostile inputs: each gives documents or one clear, one-line error naming the input, never a
crash; and the same for any bytes hypothesis makes, under every suffix the readers know."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import read_inputs
from detente.records import Document

from .hostile import CASES, DOCUMENT, MAX_BYTES, gzip_bomb

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".bin")


def read(path) -> list[Document | InputError]:
    return list(read_inputs([str(path)], max_bytes=MAX_BYTES))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_input_gives_documents_or_one_clear_error(case, tmp_path):
    path = tmp_path / case.name
    path.write_bytes(case.data)
    started = time.monotonic()
    found = read(path)
    assert time.monotonic() - started < 20
    if case.outcome == DOCUMENT:
        assert found and all(isinstance(item, Document) for item in found), found
        assert all(item.text.strip() for item in found)
        return
    errors = [item for item in found if isinstance(item, InputError)]
    assert errors and {type(error).__name__ for error in errors} == {case.outcome}, found
    assert len(found) - len(errors) == case.documents
    for error in errors:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
    assert case.message in str(errors[-1])


def test_a_gzip_bomb_stops_at_the_limit_quickly(tmp_path):
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(gzip_bomb(10_000_000_000))  # 10 GB
    assert bomb.stat().st_size < 11_000_000
    started = time.monotonic()
    page, archive = list(read_inputs([str(bomb)], max_bytes=1_000_000))
    assert time.monotonic() - started < 5
    assert str(page) == (f"{bomb}#http://bomb.example/page: the archived page is over max_bytes (1000000); "
                         "raise --max-bytes")
    assert str(archive) == (f"{bomb}: decompresses to over 50,000,000 bytes (50 × max_bytes); split the archive or "
                          "raise the max_bytes setting")


def _check(found: list) -> None:
    for item in found:
        if isinstance(item, InputError):
            assert "\n" not in str(item)
        else:
            assert isinstance(item, Document) and item.text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_documents_or_errors(data, suffix, tmp_path):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _check(read(path))


TEXTS = st.text(st.characters(codec="utf-8"), max_size=500)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.sampled_from(["id", "text", "date", "title", "source", "url"]),
                                             children, max_size=6), max_leaves=20)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(JSON_VALUES, max_size=5))
def test_any_json_lines_give_documents_or_errors(lines, tmp_path):
    import json

    path = tmp_path / "input.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    _check(read(path))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=TEXTS, tags=st.lists(st.sampled_from(["div", "p", "script", "style", "b", "table", "li", "<", "&"]),
                                 max_size=30))
def test_any_markup_gives_a_document_or_an_error(body, tags, tmp_path):
    path = tmp_path / "input.html"
    path.write_text("".join(f"<{tag}>" for tag in tags) + body + "".join(f"</{tag}>" for tag in tags),
                    encoding="utf-8")
    _check(read(path))
