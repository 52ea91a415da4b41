"""Each defect of the headline numbers, measured on shipped scenarios, with the right value."""

from __future__ import annotations

import math

import numpy as np
import pytest

from policy import load_policy_text
from policy.interface import RunContext
from simulation import run
from simulation.metrics import KINDS, METRICS, DayTally, UnknownMetricError, breakdown
from simulation.metrics.summary import ratio_over


@pytest.fixture(scope="module")
def classifier_review():
    return run("classroom", "classifier_review", days=60, seed=2)


def test_no_daily_count_is_ever_negative(classifier_review):
    """Appeal restorations used to be subtracted from the day's removals (down to −4)."""
    m = classifier_review.metrics
    cats = tuple(c.split(".", 1)[1] for c in m.columns if c.startswith("offers_created."))
    counts = [
        f"{x.name}.{p}" if p else x.name
        for x in METRICS
        if x.is_count
        for p in (breakdown(x, cats) or ("",))
    ]
    assert (m[counts].to_numpy() >= 0).all()
    restored = m[[f"posts_restored.{k}" for k in KINDS]].to_numpy().sum()
    assert restored > 0  # appeals did restore posts: counted as restorations
    assert classifier_review.summary["posts_restored"] == restored


def test_wrongful_removals_never_exceed_the_life_posts_and_ads_removed(classifier_review):
    m = classifier_review.metrics
    assert (
        m["removed_by_moderation.wrongful"] <= m["posts_removed.life"] + m["posts_removed.ad"]
    ).all()
    assert classifier_review.summary["wrongful_removals"] == 397


def test_the_runs_own_posts_add_up():
    """zero_tolerance, classroom, seed 1: 114,244 created = removed + surviving; the posts
    carried in from the warm-up are counted apart (they used to inflate 'removed')."""
    s = run("classroom", "zero_tolerance", seed=1).summary
    assert s["posts_created"] == 114_244
    assert s["posts_removed"] + s["posts_surviving"] == s["posts_created"]
    assert (s["posts_removed"], s["posts_surviving"]) == (13_510, 100_734)
    assert 0 < s["carried_in_removed"] <= s["posts_carried_in"]


def test_precision_has_one_meaning_per_name():
    """crackdown, classroom, seed 3: what moderation decided (705 / 919) vs all removals."""
    r = run("classroom", "crackdown", seed=3)
    s, rules, m = r.summary, r.rules, r.metrics
    by_rules = (rules["removals"].sum() - rules["wrongful_removals"].sum()) / rules[
        "removals"
    ].sum()
    assert s["moderation_precision"] == pytest.approx(705 / 919)
    assert s["moderation_precision"] == pytest.approx(by_rules)
    assert s["removal_precision"] == pytest.approx(0.9504, abs=1e-4)
    # over a window, a ratio is the ratio of the totals, not the mean of daily ratios
    window = m[(m["day"] >= 60) & (m["day"] <= 89)]
    num = window["removed_by_moderation.correct"].sum()
    den = num + window["removed_by_moderation.wrongful"].sum()
    assert ratio_over(window, "moderation_precision") == pytest.approx(num / den)
    # a day with nothing removed has no precision (NaN), as the registry says
    nothing = m["removed_by_moderation.correct"] + m["removed_by_moderation.wrongful"] == 0
    assert nothing.any() and m.loc[nothing, "moderation_precision"].isna().all()


def test_wrongful_bans_mean_the_same_in_the_rule_statistics_and_the_daily_metrics():
    r = run("classroom", "zero_tolerance", seed=2, days=60)
    assert r.rules["wrongful_bans"].sum() == r.metrics["bans.wrongful"].sum()
    assert r.rules["bans"].sum() == (r.metrics["bans.correct"] + r.metrics["bans.wrongful"]).sum()
    assert r.rules["wrongful_account_actions"].sum() >= r.rules["wrongful_bans"].sum()


APPEALS = """
name: appeal window
detectors:
  kw: {type: keywords, terms: {tobacco: [vape]}}
rules:
  - {name: ban vape, when: {hit: kw}, action: ban}
enforcement:
  appeals: {share_appealed: 1.0, overturn_probability: 1.0, delay_days: 0}
"""


@pytest.mark.parametrize(("last_violation_ago", "wrong"), [(30, False), (31, True)])
def test_appeals_judge_wrong_with_the_engines_window(last_violation_ago, wrong):
    """The engine calls a ban wrongful when the account's last violation is more than
    ``wrongful_window_days`` before it (strictly); appeal reviewers use the same test."""
    policy = load_policy_text(APPEALS)
    ctx = RunContext(("tobacco",), "en_US", np.random.default_rng(0), 100, wrongful_window_days=30)
    session = policy.start(ctx)
    session.last_violation[7] = 50 - last_violation_ago
    session._lodge_accounts(50, np.array([7]), 0, out := type("O", (), {"appeals": 0})())
    assert out.appeals == 1
    assert session.appeals.pending[0].wrong is wrong


def test_a_misspelt_metric_is_an_error_not_a_zero():
    tally = DayTally.for_categories(("tobacco",))
    with pytest.raises(UnknownMetricError, match=r"posts_removd\.life"):
        tally["posts_removd.life"] = 1
    with pytest.raises(UnknownMetricError):
        _ = tally["posts_removd.life"]
    with pytest.raises(UnknownMetricError, match="ratio"):
        tally["ad_share"] = 0.5  # computed from impressions, never written
    tally["posts_created.life"] = 3
    row = tally.row(0)
    assert row["posts_created.life"] == 3.0 and row["posts_created.ad"] == 0.0
    assert math.isnan(row["ad_share"])  # no impressions: undefined


ACCOUNT_RULES = """
name: account rules
detectors:
  kw: {type: keywords, terms: {tobacco: [vape, cigarette, cigarettes, iqos, heets]}}
  spam_words: {type: keywords, terms: {spam: [prize, winner, loan]}}
rules:
  - {name: ban vape, when: {hit: kw}, action: ban, shadow: SHADOW}
  - {name: restrict spam, when: {hit: spam_words}, action: restrict, restrict_days: 2,
     shadow: SHADOW}
"""


def test_restrict_and_ban_rules_count_the_posts_they_fired_on():
    """A live restrict or ban rule acts on the author and has no post row: its hits, true
    and false positives read 0 in the rule table while it banned dozens of accounts
    (classifier_review's 're-registered-seller', report_driven's 'reported-account').
    The same rule in shadow counted every post. On day 0 both runs decide the same posts,
    so the live rule's hits are the shadow rule's."""
    live = run("classroom", load_policy_text(ACCOUNT_RULES.replace("SHADOW", "false")), days=1)
    shadow = run("classroom", load_policy_text(ACCOUNT_RULES.replace("SHADOW", "true")), days=1)
    counts = ["hits", "true_positives", "false_positives"]
    a = live.rules.set_index("name")[counts]
    b = shadow.rules.set_index("name")[counts]
    assert (a["hits"] > 0).all()
    assert a.equals(b)
    assert (a["true_positives"] + a["false_positives"] == a["hits"]).all()
    rules = live.rules.set_index("name")
    assert rules.loc["ban vape", "bans"] > 0
    assert rules.loc["restrict spam", "account_actions"] > 0
    # an author is acted on once a day, however many of their posts the rule fired on
    assert (rules["account_actions"] <= rules["hits"]).all()
