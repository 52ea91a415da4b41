"""Every innocent post a policy costs is counted: a ban takes all its account's live posts
down, so a wrongful ban removes life posts and legal ads that no rule decided. A
zero-tolerance run in the classroom world reported 'wrongful removals 161' (the posts
moderation decided) while 3,110 life posts and legal ads were taken down, nearly all with
their wrongly banned authors. ``innocent_removed_with_wrongly_banned`` counts those per
day; ``innocent_posts_removed`` adds them to the wrongful removals."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from simulation import run
from simulation.metrics.invariants import InvariantError, check_day
from simulation.metrics.summary import BY_MEASURE, HEADLINE


@pytest.fixture(scope="module")
def strict():
    return run("classroom", "zero_tolerance", days=30, seed=5)


def test_the_innocent_posts_of_wrongful_bans_are_counted(strict):
    m = strict.metrics
    swept = m["innocent_removed_with_wrongly_banned"].sum()
    assert m["bans.wrongful"].sum() > 0 and swept > 0
    # part of the removals with banned authors, and with the wrongful removals no more
    # than the life posts and ads taken down
    life_ad = m["posts_removed.life"].sum() + m["posts_removed.ad"].sum()
    assert swept <= m["removed_with_banned_author"].sum()
    assert m["removed_by_moderation.wrongful"].sum() + swept <= life_ad


def test_the_headline_counts_every_innocent_post_lost(strict):
    m, summary = strict.metrics, strict.summary
    expected = (
        m["removed_by_moderation.wrongful"].sum() + m["innocent_removed_with_wrongly_banned"].sum()
    )
    assert summary["innocent_posts_removed"] == expected
    assert summary["innocent_posts_removed"] > 10 * summary["wrongful_removals"]
    assert "innocent_posts_removed" in HEADLINE


def test_a_policy_that_bans_no_one_wrongly_costs_only_its_wrongful_removals():
    r = run("classroom", "crackdown", days=30, seed=3)
    m = r.metrics
    if m["bans.wrongful"].sum() == 0:
        assert m["innocent_removed_with_wrongly_banned"].sum() == 0
    assert (
        r.summary["innocent_posts_removed"]
        == r.summary["wrongful_removals"] + m["innocent_removed_with_wrongly_banned"].sum()
    )


def test_a_run_stored_before_the_count_existed_has_no_value():
    m = pd.DataFrame({"day": [0], "removed_by_moderation.wrongful": [3.0]})
    assert math.isnan(BY_MEASURE["innocent_posts_removed"].compute(m, None))


def test_the_count_is_checked_against_the_removals(strict):
    row = strict.metrics.iloc[-1].to_dict()
    row["innocent_removed_with_wrongly_banned"] = row["removed_with_banned_author"] + 1
    with pytest.raises(InvariantError, match="innocent posts of wrongful bans"):
        check_day(
            row,
            tuple(c.split(".", 1)[1] for c in strict.metrics if c.startswith("offers_created.")),
        )
