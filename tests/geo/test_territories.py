"""The gazetteer of named territories: which state a region, island or disputed area belongs to."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.geo.territories import load_territories, territory


@pytest.mark.parametrize(("name", "country"), [
    ("Crimea", "UKR"), ("the Golan Heights", "SYR"), ("Abu Musa", "ARE"), ("Nagorno-Karabakh", "AZE"),
    ("Transnistria", "MDA"), ("the Falkland Islands", "GBR"),
])
def test_a_territory_belongs_to_the_state_most_states_recognise(name: str, country: str) -> None:
    assert territory(name).country == country


def test_a_name_it_does_not_list_is_no_territory() -> None:
    assert territory("Springfield") is None
    assert territory("Russia") is None  # states are the knowledge base's, not this list's


def test_every_name_is_of_one_state() -> None:
    territories = load_territories()
    assert len(territories) > 150
    assert all(len(t.country) == 3 and t.country.isupper() for t in territories.values())


def test_a_territory_keeps_the_states_that_claim_it() -> None:
    assert "ECU" in territory("Tiwintza").claimed_by
    assert "IRN" in territory("Abu Musa").claimed_by


def test_a_bad_file_names_itself_and_the_entry(tmp_path) -> None:
    bad = tmp_path / "territories.yaml"
    bad.write_text("- name: Somewhere\n  names: [Somewhere]\n  country: Nowhere\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="Somewhere.*three-letter"):
        load_territories(bad)
    shared = tmp_path / "shared.yaml"
    shared.write_text("- name: A\n  names: [Isle]\n  country: AAA\n- name: B\n  names: [Isle]\n  country: BBB\n",
                      encoding="utf-8")
    with pytest.raises(DataFileError, match="two states"):
        load_territories(shared)
