"""Two run summaries side by side (what the app's Compare shows and exports)."""

from __future__ import annotations

import math

import simulation
from simulation.metrics.summary import FACTS_AFTER, RUN_SETTINGS, differences, differences_frame


def test_two_runs_of_one_world_differ_in_what_they_measured_only():
    a = simulation.run("classroom", "none", days=40).summary
    b = simulation.run("classroom", "crackdown", days=40).summary  # acting from day 30
    found = {d.name: d for d in differences(a, b)}
    # the computer's timings of each run (the registry's FACTS_AFTER) are no result to
    # compare; every other key is, in A's order
    assert FACTS_AFTER and not set(FACTS_AFTER) & set(found)
    assert list(found) == [k for k in a if k not in FACTS_AFTER]
    for name in RUN_SETTINGS:
        assert found[name].b_minus_a is None, name  # given to both, not a result
    assert found["policy"].a != found["policy"].b
    removed = found["posts_removed"]
    assert removed.unit == "posts" and removed.b_minus_a == b["posts_removed"] - a["posts_removed"]
    assert removed.b_minus_a > 0  # B, the crackdown, removed more: B − A, not A − B
    # nothing removed without moderation: A's precision is undefined, and so is B − A
    precision = found["moderation_precision"]
    assert math.isnan(precision.a) and math.isnan(precision.b_minus_a)
    frame = differences_frame(a, b)
    assert list(frame.columns) == ["measure", "unit", "a", "b", "b_minus_a"]
    assert frame["measure"].tolist() == list(found)
