"""Wrongful account actions are counted as actions, and the innocent accounts they reached
as accounts, each once.

"bans wrongful" was reported in "accounts" but counted bans: an innocent account
reinstated on appeal and banned again counted twice, so the lesson policy "Keyword filter,
one strike bans, with appeals" (classroom, start day 5, ``posting.mention_share`` 0.05,
30 days) showed ~1,160 wrongly banned "accounts" for ~960 accounts. "Every innocent user a
strike reached" counted warnings, restrictions and bans: 88 actions on 85 accounts for the
crackdown from day 10 (classroom, 30 days, seed 11; 84 on 81 since posts made before the
start earn no strikes). Units now say bans and actions, and
``accounts_wrongly_banned`` / ``accounts_wrongly_struck`` count accounts.
"""

from __future__ import annotations

import pandas as pd
import pytest

from policy import load_policy
from simulation import run
from simulation.metrics.invariants import InvariantError, check_day
from simulation.metrics.registry import BY_NAME, RULE_COUNTS
from simulation.metrics.summary import BY_MEASURE, HEADLINE
from simulation.sweeps.report import KEY_MEASURES

LESSON = "assets/lessons/policies/keyword_ban_appeals.yaml"


def _wrongful_events(result) -> pd.DataFrame:
    events = pd.DataFrame(result.simulation.world.events)
    return events[events["wrongful"] & events["action"].isin(["warn", "restrict", "ban"])]


@pytest.fixture(scope="module")
def appeals():
    policy = load_policy(LESSON, start_day=5)
    changes = {"posting.mention_share": 0.05}
    return run("classroom", policy, days=30, seed=11, changes=changes, keep_simulation=True)


def test_an_account_banned_twice_is_one_account_wrongly_banned(appeals):
    s, bans = appeals.summary, _wrongful_events(appeals)
    bans = bans[bans["action"] == "ban"]
    assert s["bans_wrongful"] == len(bans)
    assert s["accounts_wrongly_banned"] == bans["account"].nunique()
    assert s["accounts_wrongly_banned"] < 0.9 * s["bans_wrongful"]  # re-bans after appeals
    per_10k = 1e4 * s["accounts_wrongly_banned"] / s["accounts_start"]
    assert s["accounts_wrongly_banned_per_10k_accounts"] == pytest.approx(per_10k)
    assert s["wrongful_bans_per_10k_accounts"] > s["accounts_wrongly_banned_per_10k_accounts"]


def test_every_innocent_account_a_strike_reached_is_counted_once():
    result = run(
        "classroom", load_policy("crackdown", start_day=10), days=30, seed=11, keep_simulation=True
    )
    s, struck = result.summary, _wrongful_events(result)
    assert s["accounts_wrongly_struck"] == struck["account"].nunique()
    assert len(struck) > s["accounts_wrongly_struck"] > 0
    actions = 1e4 * len(struck) / s["accounts_start"]
    assert s["wrongful_account_actions_per_10k_accounts"] == pytest.approx(actions)
    per_10k = 1e4 * s["accounts_wrongly_struck"] / s["accounts_start"]
    assert s["accounts_wrongly_struck_per_10k_accounts"] == pytest.approx(per_10k)


def test_units_say_what_is_counted():
    for name in ("warnings", "restrictions", "bans", "bans_overturned"):
        assert "accounts" not in BY_NAME[name].unit
    for name in ("accounts_wrongly_banned", "accounts_wrongly_struck"):
        assert BY_NAME[name].unit == "accounts/day"
    assert BY_MEASURE["bans_wrongful"].unit == "bans"
    assert BY_MEASURE["accounts_wrongly_banned"].unit == "accounts"
    actions = BY_MEASURE["wrongful_account_actions_per_10k_accounts"]
    assert "every innocent user" not in actions.meaning
    assert "every innocent user" in BY_MEASURE["accounts_wrongly_struck"].meaning
    rules = {c.name: c.unit for c in RULE_COUNTS}
    assert rules["wrongful_account_actions"] == "actions/day"
    assert rules["wrongful_bans"] == "bans/day"
    distinct = {
        "accounts_wrongly_banned_per_10k_accounts",
        "accounts_wrongly_struck_per_10k_accounts",
    }
    assert distinct <= set(HEADLINE) and distinct <= set(KEY_MEASURES)


def test_no_more_accounts_than_actions(appeals):
    m = appeals.metrics
    row = m.iloc[10].to_dict()
    row["accounts_wrongly_banned"] = row["bans.wrongful"] + 1
    cats = tuple(c.split(".", 1)[1] for c in m.columns if c.startswith("offers_created."))
    with pytest.raises(InvariantError, match="no more accounts wrongly acted on"):
        check_day(row, cats)


def test_chinese_words_count_actions_not_accounts():
    from simulation.runs.report_words import Words

    zh = Words("zh_CN")
    actions = zh.meaning(BY_MEASURE["wrongful_account_actions_per_10k_accounts"].meaning)
    # it used to say "the number of accounts that got a warning, a restriction or a ban"
    assert "次数" in actions and "受到警告、发帖限制或封号的账户数" not in actions
    assert "账户数" in zh.meaning(BY_MEASURE["accounts_wrongly_struck_per_10k_accounts"].meaning)
