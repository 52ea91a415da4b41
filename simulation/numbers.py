"""How numbers are shown to people: one rule for the CLI, the reports and the app."""

from __future__ import annotations

import math
from typing import Any


def format_number(value: Any) -> str:
    """Thousands separators; three decimals below 10; a dash for undefined (NaN)."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else str(value)
