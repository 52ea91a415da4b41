"""One day's metric values, written by name and checked against the registry."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from simulation.metrics.registry import METRICS, breakdown, columns, ratio_columns


class UnknownMetricError(KeyError):
    """A daily value was written or read under a name the registry does not define."""


@dataclass(frozen=True)
class _Ratio:
    column: str
    num: tuple[str, ...]
    den: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    """The columns of a run's daily rows (they depend on the catalogue's categories)."""

    order: tuple[str, ...]
    written: frozenset[str]  # columns the engine writes
    ratios: tuple[_Ratio, ...]  # columns computed from the written ones

    @classmethod
    def for_categories(cls, categories: tuple[str, ...]) -> Layout:
        ratios = []
        for m in METRICS:
            if m.aggregate != "ratio":
                continue
            for part in breakdown(m, categories) or (None,):
                num, den = ratio_columns(m, part)
                col = f"{m.name}.{part}" if part is not None else m.name
                ratios.append(_Ratio(col, tuple(num), tuple(den)))
        order = tuple(columns(categories))
        derived = {r.column for r in ratios}
        return cls(order, frozenset(c for c in order if c not in derived), tuple(ratios))


class DayTally:
    """One day's metric values.

    Every writer goes through here, so a misspelt column (``posts_removd.life``) fails
    loudly instead of being silently dropped or read back as zero; a ratio column cannot
    be written at all (it is computed from its numerator and denominator, once, in
    :meth:`row`). Columns nobody wrote on a day are 0 (nothing of that kind happened).
    """

    __slots__ = ("_layout", "_values")

    def __init__(self, layout: Layout):
        self._layout = layout
        self._values: dict[str, float] = {}

    @classmethod
    def for_categories(cls, categories: tuple[str, ...]) -> DayTally:
        return cls(Layout.for_categories(categories))

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column, in registry order."""
        return self._layout.order

    def fresh(self) -> DayTally:
        """An empty tally over the same columns (one per day, cheap)."""
        return DayTally(self._layout)

    def _check(self, column: str) -> None:
        if column not in self._layout.written:
            if column in self._layout.order:
                raise UnknownMetricError(
                    f"{column!r} is a ratio computed from other columns; write those"
                )
            raise UnknownMetricError(
                f"{column!r} is not a metric column; the registry "
                "(simulation/metrics/registry.py) defines every column"
            )

    def __setitem__(self, column: str, value: float) -> None:
        self._check(column)
        self._values[column] = value

    def __getitem__(self, column: str) -> float:
        self._check(column)
        return self._values.get(column, 0)

    def add(self, column: str, amount: float) -> None:
        """Add to a column (0 when not yet written today)."""
        self._check(column)
        self._values[column] = self._values.get(column, 0) + amount

    def set_parts(self, metric: str, parts: Iterable[str], values: Iterable[float]) -> None:
        """Write ``metric.part`` for every part of a breakdown, from parallel sequences."""
        for part, value in zip(parts, values, strict=True):
            self[f"{metric}.{part}"] = value

    def row(self, day: int) -> dict[str, float]:
        """The day's metrics row: ``day`` then every column in registry order, as floats;
        ratio columns computed from their numerator and denominator (NaN when it is 0)."""
        values = self._values
        row = {"day": float(day)}
        for col in self._layout.order:
            row[col] = float(values.get(col, 0.0))
        for r in self._layout.ratios:
            den = sum(row[c] for c in r.den)
            row[r.column] = sum(row[c] for c in r.num) / den if den > 0 else math.nan
        return row
