"""Exposure inside a day: views decay with a half-life in hours; removal cuts the tail.

A post made at hour ``s`` collects a share ``F(a) = 1 - 2**(-a / h)`` of its
lifetime views by age ``a`` hours, with half-life ``h`` (its own: the feed's pace on the
day it was posted, ``simulation.world.attention``, or its channel's). A removal at age ``r``
keeps only ``F(r)``. So a takedown two hours after posting (``h`` = 6) still
prevents 79% of the views, while one after 24 hours prevents 6%: this is why the
speed of moderation matters as much as its accuracy (Truong et al. 2025,
"Delayed takedown of illegal content on social media makes moderation
ineffective").
"""

from __future__ import annotations

import math

import numpy as np

from simulation.world import parallel

TAIL = 0.001  # a post is followed until it would collect less than this share of its views


def reached(age_hours: np.ndarray | float, half_life: np.ndarray | float) -> np.ndarray:
    """Share of lifetime views a post has collected by ``age_hours`` (0 for negative ages)."""
    age = np.maximum(np.asarray(age_hours, dtype=np.float64), 0.0)
    return -np.expm1(-age * (math.log(2.0) / half_life))


def horizon_days(half_life: float) -> int:
    """Days after which a post's remaining views fall below ``TAIL``."""
    hours = half_life * math.log2(1.0 / TAIL)
    return math.ceil(hours / 24.0) + 1


def views_on_day(
    day: int,
    posted_day: np.ndarray,
    hour: np.ndarray,
    removed_age: np.ndarray,
    potential: np.ndarray,
    half_life: np.ndarray | float,
    days_ascending: bool = False,
) -> np.ndarray:
    """Expected views each post collects during ``day`` (hours 0–24 of that day).

    ``reached(hi) - reached(lo)`` over the hours of the day the post was up, computed in
    place in two float64 buffers with the same bits as :func:`reached` applied twice,
    in fewer passes: ``-expm1(-a * r)`` is computed as ``expm1(a * -r)`` (negation is
    exact, so each product and each result is the same number, negated) and the
    difference of two such negated values as the difference the other way round; the
    second clip of negative ages is left out because ``removed_age`` is never negative
    (removals are made at age 0 or later), so a clipped age cut at it stays clipped.

    ``days_ascending``: ``posted_day`` is sorted ascending (as the post table is), so the
    start ages are computed one posting day at a time, ``(day - made) * 24 - hour`` with
    the first product a constant: the same numbers in one pass over ``hour``.

    Shapes: ``posted_day`` (n,); ``hour``, ``removed_age``, ``potential`` and
    ``half_life`` each (n,) or a scalar. Returns float64 (n,). Raises ``ValueError`` for
    any other shape (whatever n is: a long window is computed in parts over threads,
    ``simulation.world.parallel``, and every post's number is computed alone, so the
    parts give the same bits as one pass)."""
    n = len(posted_day)
    for name, x in (
        ("hour", hour),
        ("removed_age", removed_age),
        ("potential", potential),
        ("half_life", half_life),
    ):
        if np.ndim(x) and np.shape(x) != (n,):
            raise ValueError(f"{name} has shape {np.shape(x)}: ({n},) or a scalar expected")
    out = np.empty(n, np.float64)

    columns = (posted_day, hour, removed_age, potential, half_life)

    def rows(a: int, b: int) -> None:
        block = tuple(x[a:b] if np.ndim(x) else x for x in columns)  # (scalars as they are)
        _views_into(out[a:b], day, block, days_ascending)

    parallel.by_rows(rows, parallel.bounds(n))
    return out


def _views_into(
    out: np.ndarray, day: int, block: tuple[np.ndarray | float, ...], days_ascending: bool
) -> None:
    """:func:`views_on_day` for one block of posts, written into ``out`` (float64):
    ``block`` is its ``(posted_day, hour, removed_age, potential, half_life)``."""
    posted_day, hour, removed_age, potential, half_life = block
    neg_rate = np.divide(-math.log(2.0), half_life)  # -(rate of ``reached``), exactly
    today = len(posted_day)  # where the posts made on ``day`` start (known when sorted)
    if days_ascending and len(posted_day):
        lo = np.empty(len(posted_day), np.float64)
        lo[:] = hour  # (exact: float32 or float64 hours, or one hour for all)
        first, last = int(posted_day[0]), int(posted_day[-1])
        later = np.arange(first + 1, last + 1).astype(posted_day.dtype)  # fits its type
        bounds = [0, *np.searchsorted(posted_day, later).tolist(), len(posted_day)]
        for m, a, b in zip(range(first, last + 1), bounds[:-1], bounds[1:], strict=True):
            # the days since posting times 24, exact, minus the hour: one rounding, as below
            np.subtract(float((day - m) * 24), lo[a:b], out=lo[a:b])
            if m == day:
                today = a
    else:
        lo = np.subtract(day, posted_day, dtype=np.float64)  # days since posting, exact
        lo *= 24.0
        lo -= hour  # start age
    hi = np.add(lo, 24.0, out=out)  # end age
    cut = removed_age.astype(np.float64)
    rate = np.asarray(neg_rate)
    for age, rows in ((lo, slice(0, today)), (hi, slice(None))):
        part = age[rows]
        np.maximum(part, 0.0, out=part)
        np.minimum(part, cut[rows], out=part)
        part *= rate[rows] if rate.ndim else rate
        np.expm1(part, out=part)  # -reached(age)
    # a post made today starts the day at age 0 or less: clipped to 0, times the negative
    # rate, -0.0, whose expm1 is -0.0 (what the steps above give, without them)
    lo[today:] = -0.0
    np.subtract(lo, hi, out=hi)  # reached(hi) - reached(lo): the share collected today
    np.maximum(hi, 0.0, out=hi)
    np.multiply(potential, hi, out=hi)


def avoided_share(removal_age_hours: float, half_life: float) -> float:
    """Share of a post's views that a removal at this age prevents."""
    return float(1.0 - reached(removal_age_hours, half_life))
