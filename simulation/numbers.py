"""How numbers are shown to people: one rule for the CLI, the reports and the app."""

from __future__ import annotations

import math
from typing import Any


def format_number(value: Any) -> str:
    """Thousands separators; three decimals below 10 unless the value is whole (a count
    of days held as a float, "7" and not "7.000"); a dash for undefined (NaN)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if value == 0:
            return "0"  # not "-0"
        if abs(value) < 10 and not value.is_integer():
            return f"{value:,.3f}"
        return f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)
