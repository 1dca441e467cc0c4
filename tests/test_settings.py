"""The settings table: numbers out of their range are refused when the record is made, by the library too."""

from __future__ import annotations

import pytest

from detente.errors import UsageError
from detente.settings import RANGES, Settings, describe


@pytest.mark.parametrize("name, value", [("link_days", 10**20), ("same_event_days", -1), ("batch_size", 0),
                                         ("max_chars", 0), ("time_limit", -5), ("max_bytes", 2**41)])
def test_a_number_out_of_range_is_refused(name, value):
    with pytest.raises(UsageError, match=f"the setting {name} must be between"):
        Settings(**{name: value})


def test_every_range_is_of_an_integer_setting_and_holds_its_default():
    defaults = {name: default for name, default, _ in describe()}
    for name, (low, high) in RANGES.items():
        assert isinstance(defaults[name], int) and low <= defaults[name] <= high
