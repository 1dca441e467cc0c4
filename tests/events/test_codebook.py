"""Tests of detente.events.codebook: the packaged CAMEO code table and its validation."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.codebook import COLUMNS, PLOVER_EVENTS, TABLE, load_codebook


@pytest.fixture(scope="module")
def codes():
    return load_codebook()


# (CAMEO root, quad class of every code under it)
ROOT_CASES = [
    ("01", 1),
    ("02", 1),
    ("03", 1),
    ("04", 1),
    ("05", 1),
    ("06", 2),
    ("07", 2),
    ("08", 2),
    ("09", 3),
    ("10", 3),
    ("11", 3),
    ("12", 3),
    ("13", 3),
    ("14", 4),
    ("15", 4),
    ("16", 4),
    ("17", 4),
    ("18", 4),
    ("19", 4),
    ("20", 4),
]


@pytest.mark.parametrize(("root", "quad_class"), ROOT_CASES)
def test_root_and_its_codes_share_the_quad_class(codes, root: str, quad_class: int) -> None:
    assert root in codes
    under_root = [code for code in codes.values() if code.root == root]
    assert [c.code for c in under_root if c.quad_class != quad_class] == []


def test_every_code_is_under_one_of_the_twenty_roots(codes) -> None:
    assert {code.root for code in codes.values()} == {root for root, _ in ROOT_CASES}


def test_events_are_plover_events(codes) -> None:
    assert {code.event for code in codes.values()} <= {*PLOVER_EVENTS, "NONE"}


# (CAMEO code, PLOVER event, PLOVER mode, quad class)
CODE_CASES = [
    ("161", "SANCTION", "withdraw", 4),
    ("163", "SANCTION", "discontinue", 4),
    ("166", "SANCTION", "expel", 4),
    ("174", "COERCE", "deport", 4),
    ("040", "CONSULT", None, 1),
    ("070", "AID", None, 2),
    ("130", "THREATEN", None, 3),
    ("140", "PROTEST", None, 4),
    ("150", "MOBILIZE", None, 4),
    ("190", "ASSAULT", None, 4),
]


@pytest.mark.parametrize(("code", "event", "mode", "quad_class"), CODE_CASES)
def test_code(codes, code: str, event: str, mode: str | None, quad_class: int) -> None:
    assert (codes[code].event, codes[code].mode, codes[code].quad_class) == (event, mode, quad_class)


def test_goldstein_scores_are_in_range(codes) -> None:
    assert all(-10 <= code.goldstein <= 10 for code in codes.values())


def row(fields: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(fields)
    return out.getvalue()


# (column changed in the row of code 174, its new value, words the error must contain);
# no column: the row is repeated; no value: the column is left out
BROKEN_CASES = [
    (None, None, "code 174 appears twice"),
    ("plover_event", "SANCTIONS", "unknown PLOVER event 'SANCTIONS'"),
    ("goldstein", "12", "goldstein within -10..10"),
    ("goldstein", "high", "must be numbers"),
    ("quad_class", "5", "quad_class must be 1-4"),
    ("code", "17x", "bad CAMEO code '17x'"),
    ("goldstein", None, "columns"),
]


@pytest.mark.parametrize(("column", "value", "message"), BROKEN_CASES)
def test_broken_table_names_the_line(tmp_path: Path, column: str | None, value: str | None, message: str) -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("174,"))
    fields = next(csv.reader([lines[index]]))
    if column is None:
        lines.insert(index, lines[index])
        index += 1
    else:
        position = COLUMNS.index(column)
        fields[position:position + 1] = [] if value is None else [value]
        lines[index] = row(fields)
    broken = tmp_path / "cameo.csv"
    broken.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_codebook(str(broken))
    assert message in raised.value.reason
    assert raised.value.line == index + 1
    assert f"cameo.csv:{index + 1}: " in str(raised.value)


def test_wrong_columns_are_named(tmp_path: Path) -> None:
    broken = tmp_path / "cameo.csv"
    broken.write_text("code,name\n01,Make public statement\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cameo.csv:1: expected the columns code,name,plover_event"):
        load_codebook(str(broken))


def test_code_without_root_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "cameo.csv"
    broken.write_text("code,name,plover_event,plover_mode,plover_context,quad_class,goldstein\n"
                      "174,Expel or deport individuals,COERCE,deport,legal,4,-5.0\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="code 174 has no root row 17"):
        load_codebook(str(broken))
