"""Every post is counted exactly once: surviving or removed, never both, never twice."""

from __future__ import annotations

import numpy as np

from policy import load_policy
from simulation.metrics import KINDS
from simulation.world.engine import Simulation


def _run(scenario, policy, days, start_day=None):
    sim = Simulation(scenario, load_policy(policy, start_day=start_day), seed=2)
    sim.run(days)
    sim.finish()
    return sim


def test_created_equals_removed_plus_surviving(tiny):
    sim = _run(tiny, "crackdown", 25, start_day=5)
    m = sim.metrics_frame()
    created = np.array([m[f"posts_created.{k}"].sum() for k in KINDS])
    removed_daily = np.array([m[f"posts_removed.{k}"].sum() for k in KINDS])
    t = sim.world.totals
    # two independent paths: daily removal counts vs every post's final state
    assert np.array_equal(t.created, created)
    assert np.array_equal(t.removed, removed_daily)
    assert np.array_equal(t.removed_checked, removed_daily)
    # posts made during the unrecorded warm-up days are carried into the run
    assert t.carried_in.sum() > 0
    assert np.array_equal(t.removed_checked + t.surviving_checked, created + t.carried_in)
    assert removed_daily.sum() > 0
    # the run's own posts, on their own, add up as well
    own_removed, own_surviving = sim.post_fates()
    assert np.array_equal(own_removed + own_surviving, created)


def test_a_post_removed_twice_is_counted_once(tiny):
    """A strike ladder bans authors whose posts were already removed by a rule."""
    sim = _run(tiny.with_changes({"posting.seller_per_day": 6.0}), "zero_tolerance", 15)
    t = sim.world.totals
    assert np.array_equal(t.removed, t.removed_checked)


def test_impressions_are_consistent(tiny):
    sim = _run(tiny, "keywords", 20)
    m = sim.metrics_frame()
    parts = sum(m[f"impressions.{k}"] for k in KINDS)
    assert np.allclose(parts, m["impressions_total"])
    cats = [c for c in m.columns if c.startswith("offer_impressions.")]
    assert np.allclose(m[cats].sum(axis=1), m["impressions.offer"])
    assert ((m["ad_share"] >= 0) & (m["ad_share"] <= 1)).all()
