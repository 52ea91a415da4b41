"""Reinstating a banned account puts back the posts its ban took down with it.

The lesson policy "Keyword filter, one strike bans, with appeals" in the classroom world
(start day 5, ``posting.mention_share`` 0.05, seed 1, 20 days) reinstates a few hundred
wrongly banned accounts on appeal. Their posts that had disappeared with the ban
(``Cause.BAN``) used to stay down, and no count said so: "posts restored" counted only
the posts whose own removal was appealed. A reinstated account now gets them back; they
are counted in ``posts_restored`` and apart in ``restored_with_reinstated_author``.
"""

from __future__ import annotations

import numpy as np
import pytest

from policy import load_policy
from simulation import Simulation, load_scenario
from simulation.metrics import KINDS
from simulation.metrics.invariants import InvariantError, check_day, check_run
from simulation.metrics.summary import BY_MEASURE, RunFacts
from simulation.world.accounts import Status
from simulation.world.state import Cause

LESSON = "assets/lessons/policies/keyword_ban_appeals.yaml"
DAYS = 20


@pytest.fixture(scope="module")
def appeals():
    scenario = load_scenario("classroom").with_changes(
        {"posting.mention_share": 0.05, "days": DAYS}
    )
    sim = Simulation(scenario, load_policy(LESSON, start_day=5), seed=1)
    for _ in range(DAYS):
        sim.step()
    return sim


@pytest.fixture(scope="module")
def closed(appeals):
    """The run with its books closed (``finish`` raises InvariantError if they do not
    balance); after the tests that look at the posts as the last day left them."""
    appeals.finish()
    return appeals


def test_a_reinstated_account_gets_back_what_its_ban_took_down(appeals):
    acc, posts = appeals.world.accounts, appeals.world.posts
    reinstated = np.flatnonzero((acc.status[: acc.n] == Status.ACTIVE) & (acc.bans[: acc.n] > 0))
    assert len(reinstated) > 100
    theirs = np.isin(posts.author[: posts.n], reinstated)
    assert not (theirs & (posts.cause[: posts.n] == Cause.BAN)).any()
    assert (theirs & (posts.cause[: posts.n] == Cause.NONE)).sum() > 0


def test_the_posts_back_with_their_author_are_counted(appeals):
    m = appeals.metrics_frame()
    back = m["restored_with_reinstated_author"].sum()
    restored = m[[f"posts_restored.{k}" for k in KINDS]].to_numpy().sum()
    assert m["bans_overturned"].sum() > 100
    # a reinstated account had far more posts swept away than single posts are appealed
    assert back > restored - back > 0
    assert back <= m["removed_with_banned_author"].sum()
    facts = RunFacts(accounts_start=1)
    assert BY_MEASURE["posts_restored"].compute(m, facts) == restored
    assert BY_MEASURE["restored_with_reinstated_author"].compute(m, facts) == back


def test_the_books_still_balance(closed):
    """Removals − restorations = posts down at the end, with the posts put back counted."""
    removed, surviving = closed.post_fates()
    m = closed.metrics_frame()
    check_run(m, closed.rule_frame(), removed, surviving, closed.world.totals.removed_checked)


def test_a_miscount_of_posts_back_with_their_author_fails_the_run(closed):
    """The posts back with a reinstated author are counted where they are put back, the
    posts a ban swept away where the ban took them: the run's check compares the two, and
    a count of posts back that no ban took down fails it. The day's row has no check of
    them against the posts restored (both counted by one function, it could not fail), so
    the broken day passes the daily checks and is caught when the books close."""
    m = closed.metrics_frame()
    back, swept = m["restored_with_reinstated_author"].sum(), m["removed_with_banned_author"].sum()
    assert 0 < back <= swept
    broken = m.copy()
    last = broken.index[-1]
    # a bug that counts, say, every post of a reinstated account, not the ones put back
    broken.loc[last, "restored_with_reinstated_author"] += swept - back + 1
    check_day(broken.loc[last].to_dict(), closed.categories)  # the day alone looks fine
    removed, surviving = closed.post_fates()
    with pytest.raises(InvariantError, match="reinstated author had been removed with them"):
        check_run(
            broken,
            closed.rule_frame(),
            removed,
            surviving,
            closed.world.totals.removed_checked,
        )
