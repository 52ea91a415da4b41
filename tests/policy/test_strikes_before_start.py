"""A post made before a rule was in force earns no strikes from it.

Reports pile up while no rule is in force; on the start day the policy judges every
reported post still up. The crackdown moved to day 10 (classroom, seed 11) warned
account 1478 at hour 0 of day 10 for post 22658, an offer it made on day 8, two days
before any rule was in force; 17 of the day's 103 correct warnings were for such posts.
Such posts are still judged (a ``remove`` rule takes them down), but they punish no one:
no strikes, and a ``restrict``/``ban`` rule does not act on their author.
"""

from __future__ import annotations

import numpy as np
import pytest

from policy import load_policy, load_policy_text
from simulation import Simulation, load_scenario
from simulation.world.state import Cause

START = 10


@pytest.fixture(scope="module")
def crackdown():
    sim = Simulation(
        load_scenario("classroom").with_changes({"days": 30}),
        load_policy("crackdown", start_day=START),
        seed=11,
    )
    for _ in range(START + 2):
        sim.step()
    return sim


def _made_on(sim, post_ids: np.ndarray) -> np.ndarray:
    posts = sim.world.posts
    return posts.day[np.asarray(post_ids, np.int64) - posts.base]


def test_the_backlog_is_judged_but_earns_no_strikes(crackdown):
    posts = crackdown.world.posts
    early = (posts.day[: posts.n] < START) & (posts.cause[: posts.n] == Cause.RULE)
    assert early.sum() > 10  # reported offers made before the start: still taken down
    book = crackdown.session.book
    struck = book.post_id[book.post_id >= 0]
    assert len(struck) > 100
    assert (_made_on(crackdown, struck) >= START).all()


def test_the_seller_of_the_example_is_not_warned_for_an_old_post(crackdown):
    posts = crackdown.world.posts
    row = 22658 - posts.base
    assert (posts.author[row], posts.day[row], posts.cause[row]) == (1478, 8, Cause.RULE)
    assert 22658 not in crackdown.session.book.post_id
    mine = [e for e in crackdown.world.events if e["account"] == 1478]
    assert mine and mine[0]["hour"] > 0 and "post 22658" not in mine[0]["reason"]


BAN_RULE = """
version: 1
name: ban on sight
start_day: 6
detectors:
  restricted: {type: keywords, mode: word, terms_from: catalogue}
rules:
  - {name: ban-offer, when: {hit: restricted}, action: ban}
"""


def test_a_ban_rule_bans_no_one_for_a_post_made_before_it():
    scenario = load_scenario("classroom").with_changes({"days": 8})
    sim = Simulation(scenario, load_policy_text(BAN_RULE), seed=11)
    decided = []
    real = sim.session.decide

    def decide(batch):
        out = real(batch)
        decided.append((batch.day, out))
        return out

    sim.session.decide = decide
    for _ in range(7):
        sim.step()
    day, out = decided[6]
    assert day == 6
    hits = out.account_rule_hits
    made = _made_on(sim, hits.post_id)
    assert (made < 6).sum() > 0  # reported posts from before the start were hit
    authors_now = set(
        sim.world.posts.author[np.asarray(hits.post_id) - sim.world.posts.base][made >= 6].tolist()
    )
    banned = set(np.asarray(out.accounts.account).tolist())
    assert banned and banned <= authors_now


def test_in_force_follows_the_schedule():
    text = """
version: 1
name: on and off
detectors:
  t: {type: keywords, terms: {tobacco: [vape]}}
rules:
  - {name: r, when: {hit: t}, action: remove, strikes: 1}
schedule:
  - {from_day: 5, rules: all}
  - {from_day: 8, rules: none}
  - {from_day: 12, rules: [r]}
"""
    p = load_policy_text(text)
    days = np.array([-3, 0, 4, 5, 7, 8, 11, 12, 40])
    expected = [False, False, False, True, True, False, False, True, True]
    assert p.in_force(0, days).tolist() == expected
