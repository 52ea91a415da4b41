"""Every invariant holds on every day of any short run; a violation fails the run loudly."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import load_policy
from simulation import Simulation, load_scenario, run
from simulation.metrics.invariants import InvariantError, check_day, check_run
from simulation.runs.storage import get_run, open_db
from simulation.scenario import controls
from simulation.world import decisions

PRESETS = (
    "none",
    "keywords",
    "crackdown",
    "zero_tolerance",
    "report_driven",
    "classifier_review",
    "spam",
)
LIVE = [(key, c) for key, c in controls() if c.live]


@st.composite
def worlds(draw):
    """A short, small world: a shipped scenario, a preset, a seed, random live knobs."""
    scenario = load_scenario(draw(st.sampled_from(["classroom", "demo", "demo_zh"])))
    changes = {"population.accounts": draw(st.integers(300, 900)), "days": draw(st.integers(6, 16))}
    for key, c in draw(st.lists(st.sampled_from(LIVE), max_size=4, unique_by=lambda kc: kc[0])):
        value = draw(st.floats(c.lo, c.hi, allow_nan=False))
        changes[key] = round(value, c.decimals) if c.decimals else int(value)
    # a mid-run change of a live parameter, as a slider would make
    key, c = draw(st.sampled_from(LIVE))
    late = round(draw(st.floats(c.lo, c.hi)), c.decimals) if c.decimals else int(c.hi)
    return (
        scenario.with_changes(changes),
        draw(st.sampled_from(PRESETS)),
        draw(st.integers(0, 10_000)),
        (key, late),
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(worlds())
def test_every_invariant_holds_every_day(world):
    scenario, preset, seed, (key, late) = world
    sim = Simulation(scenario, load_policy(preset, start_day=2), seed=seed)
    for day in range(scenario.days):
        if day == scenario.days // 2:
            sim.set_param(key, late)
        record = sim.step()
        check_day(record.metrics, sim.categories)  # also checked inside step()
    sim.finish()  # checks the run
    m, rules = sim.metrics_frame(), sim.rule_frame()
    own_removed, own_surviving = sim.post_fates()
    check_run(m, rules, own_removed, own_surviving, sim.world.totals.removed_checked)
    assert (m.drop(columns="day").select_dtypes("number").fillna(0).to_numpy() >= 0).all()


def test_a_broken_invariant_names_itself_and_the_day():
    row = {"day": 3.0}
    sim = Simulation(load_scenario("classroom").with_changes({"days": 2}), load_policy("none"))
    good = sim.step().metrics
    row = dict(good, **{"posts_removed.life": good["posts_removed.life"] + 1})
    with pytest.raises(InvariantError, match="every removal has one cause") as exc:
        check_day(row, sim.categories)
    assert exc.value.day == int(good["day"])


def test_a_run_that_breaks_an_invariant_is_stored_as_failed(tmp_path, monkeypatch):
    """A metric bug must never become a silent bad number: the run fails, naming why."""
    real = decisions._same_day

    def miscount(world, day):
        real(world, day)
        day.tally["violating_removed_same_day"] = -1  # a bug: a negative count

    monkeypatch.setattr(decisions, "_same_day", miscount)
    db = tmp_path / "runs.db"
    with pytest.raises(InvariantError, match="non-negative counts"):
        run("classroom", "crackdown", days=3, db=db)
    stored = get_run(open_db(db), 1)
    assert stored.status == "failed"
    assert "invariant 'non-negative counts' violated on day 0" in stored.error


def test_conservation_is_checked_when_the_books_close():
    sim = Simulation(load_scenario("classroom").with_changes({"days": 4}), load_policy("crackdown"))
    for _ in range(4):
        sim.step()
    sim.finish()
    removed, surviving = sim.post_fates()
    with pytest.raises(InvariantError, match="conservation"):
        check_run(
            sim.metrics_frame(),
            sim.rule_frame(),
            removed + np.array([0, 0, 0, 1]),
            surviving,
            sim.world.totals.removed_checked,
        )
