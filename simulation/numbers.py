"""How numbers are shown to people: one rule for the CLI, the reports and the app."""

from __future__ import annotations

import math
from typing import Any

MAX_DECIMALS = 6  # a value below 10 gets three decimals, and up to this many when fewer
#                  would show it as a whole number it is not


def format_number(value: Any) -> str:
    """Thousands separators; three decimals below 10 unless the value is whole (a count
    of days held as a float, "7" and not "7.000"); a dash for undefined (NaN).

    A value below 10 that is not whole is never shown as a whole number, and one below 0.1
    keeps two significant digits: a precision of 0.99996 is "0.99996", not "1.000"
    (perfect, which it is not); a recall of 0.00052 is "0.00052", not "0.001" (twice
    it) or "0.000" (none). Up to ``MAX_DECIMALS`` decimals (zeros past the third left
    out), then scientific notation for what is closer to 0 ("3.0e-09")."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if value == 0:
            return "0"  # not "-0"
        if abs(value) < 10 and not value.is_integer():
            if abs(value) < 0.5 * 10**-MAX_DECIMALS:
                return f"{value:.1e}"
            # two significant digits below 0.1 (0.05 → 3 decimals, 0.00052 → 5)
            least = max(3, 1 - math.floor(math.log10(abs(value))))
            for decimals in range(min(least, MAX_DECIMALS), MAX_DECIMALS + 1):
                shown = f"{value:,.{decimals}f}"
                if not float(shown.replace(",", "")).is_integer():
                    break
            whole, _, frac = shown.partition(".")
            return f"{whole}.{frac[:3]}{frac[3:].rstrip('0')}"
        return f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)


def ranges(values: list[int]) -> str:
    """``1–3, 7`` for the sorted integers [1, 2, 3, 7]: runs of consecutive ones as a range
    (seeds as a report names them)."""
    out, start = [], None
    for i, v in enumerate(values):
        if start is None:
            start = v
        if i + 1 == len(values) or values[i + 1] != v + 1:
            out.append(str(start) if start == v else f"{start}–{v}")
            start = None
    return ", ".join(out)
