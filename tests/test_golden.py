"""The coder's output on the bundled examples equals the reviewed golden files (see tests/golden.py)."""

import json

import pytest

from tests import golden


@pytest.fixture(scope="module")
def produced():
    return golden.current()


def test_every_example_has_a_golden_file(produced):
    assert sorted(produced) == sorted(p.stem for p in golden.GOLDEN.glob("*.json"))


@pytest.mark.parametrize("doc_id", sorted(p.stem for p in golden.GOLDEN.glob("*.json")))
def test_events_match_the_golden_file(produced, doc_id):
    expected = json.loads((golden.GOLDEN / f"{doc_id}.json").read_text(encoding="utf-8"))
    assert produced[doc_id] == expected, "the coder changed: review and run `make golden`"
