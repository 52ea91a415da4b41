"""How numbers are shown: the one rule shared by the CLI, the reports and the app."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from simulation.numbers import format_number


def test_whole_days_are_not_shown_with_decimals():
    """The report showed "days to halve 7.000"."""
    assert format_number(7.0) == "7"
    assert format_number(0.0) == "0" and format_number(-0.0) == "0"
    assert format_number(0.355) == "0.355"
    assert format_number(12_345.6) == "12,346"
    assert format_number(float("nan")) == "–"
    assert format_number(3) == "3" and format_number(True) == "True"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_shown_number_reads_back_as_its_value_to_the_digits_shown(value):
    shown = format_number(value)
    back = float(shown.replace(",", ""))
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    assert math.isclose(back, value, abs_tol=0.5 * 10**-decimals + 1e-9)
    if abs(value) < 10 and not value.is_integer():
        assert decimals == 3
