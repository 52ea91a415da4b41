"""How numbers are shown: the one rule shared by the CLI, the reports and the app."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from simulation.numbers import MAX_DECIMALS, format_number


def test_whole_days_are_not_shown_with_decimals():
    """The report showed "days to halve 7.000"."""
    assert format_number(7.0) == "7"
    assert format_number(0.0) == "0" and format_number(-0.0) == "0"
    assert format_number(0.355) == "0.355"
    assert format_number(12_345.6) == "12,346"
    assert format_number(float("nan")) == "–"
    assert format_number(3) == "3" and format_number(True) == "True"


def test_a_value_that_is_not_whole_is_not_shown_as_one():
    """A precision of 0.99996 showed as "1.000" (perfect), a recall of 0.0004 as "0.000"
    (none), and -0.0004 as "-0.000"."""
    assert format_number(0.99996) == "0.99996"
    assert format_number(0.0004) == "0.0004" and format_number(-0.0004) == "-0.0004"
    assert format_number(0.00052) == "0.00052"  # two significant digits
    assert format_number(9.9996) == "9.9996"
    assert format_number(3e-9) == "3.0e-09"
    assert format_number(0.4186) == "0.419"  # three decimals where they tell it apart
    assert format_number(0.05) == "0.050" and format_number(0.0123) == "0.012"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_shown_number_reads_back_as_its_value_to_the_digits_shown(value):
    shown = format_number(value)
    back = float(shown.replace(",", ""))
    if "e" in shown:  # scientific: two significant digits
        assert math.isclose(back, value, rel_tol=0.05) and abs(value) < 1e-6
        return
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    assert math.isclose(back, value, abs_tol=0.5 * 10**-decimals + 1e-9)
    if abs(value) < 10 and not value.is_integer():
        assert 3 <= decimals <= MAX_DECIMALS
        # never a whole number it is not (but to the last decimal allowed)
        assert not back.is_integer() or decimals == MAX_DECIMALS
        # two significant digits below 0.1 (where the decimals allow)
        if abs(value) < 0.1 and decimals < MAX_DECIMALS:
            assert math.isclose(back, value, rel_tol=0.05)
        # and no more decimals than it takes
        assert decimals == 3 or abs(value) < 0.1 or float(f"{value:.{decimals - 1}f}").is_integer()


def test_ranges_name_runs_of_consecutive_values():
    from simulation.numbers import ranges

    assert ranges([1, 2, 3, 7]) == "1–3, 7"
    assert ranges([5]) == "5" and ranges([]) == ""
    assert ranges([1, 3, 4, 5, 9, 10]) == "1, 3–5, 9–10"
