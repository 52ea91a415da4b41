"""Comparing sweeps run by different paths (serial, parallel, Dask, PostgreSQL)."""

from __future__ import annotations

import pandas as pd

VOLATILE = {"summary.wall_seconds", "summary.posts_per_second"}


def by_run(result) -> dict[tuple, pd.DataFrame]:
    """(policy, params, seed) → that run's daily metrics, rows by day, columns sorted."""
    out = {}
    for _i, r in result.runs.iterrows():
        m = result.metrics[result.metrics["run_id"] == r["run_id"]].drop(columns="run_id")
        m = m.sort_values("day").reset_index(drop=True)
        out[(r["policy"], r["policy_params"], r["scenario_params"], r["seed"])] = m[
            sorted(m.columns)
        ]
    return out


def summaries(result) -> dict[tuple, dict]:
    cols = [c for c in result.runs.columns if c.startswith("summary.") and c not in VOLATILE]
    return {
        (r["policy"], r["policy_params"], r["seed"]): {
            c: (None if _missing(r[c]) else r[c]) for c in cols
        }
        for _i, r in result.runs.iterrows()
    }


def assert_same_runs(a, b) -> None:
    """Both sweeps hold the same runs with identical daily metrics and summaries."""
    ra, rb = by_run(a), by_run(b)
    assert sorted(ra) == sorted(rb)
    for key in ra:
        pd.testing.assert_frame_equal(ra[key], rb[key], check_exact=True, check_dtype=False)
    assert summaries(a) == summaries(b)


def _missing(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False
