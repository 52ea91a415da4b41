"""Loading, the keyword detector, remove + strikes, the ladder and start_day."""

from __future__ import annotations

import numpy as np
import pytest

import policy
from policy.interface import AccountAction, PostAction
from tests.policy.helpers import World, context

BASE = """
version: 1
name: test
detectors:
  kw:
    type: keywords
    terms:
      tobacco: [vape, cigarettes]
      medical: [antibiotics]
rules:
  - name: remove-restricted
    when: {hit: kw}
    action: remove
    strikes: 1
enforcement:
  strikes:
    window_days: 30
    ladder:
      - {at: 1, action: warn}
      - {at: 2, action: restrict, days: 3}
      - {at: 3, action: ban}
"""


def test_keyword_remove_gives_strike_and_evidence():
    p = policy.load_policy_text(BASE)
    s = p.start(context())
    w = World()
    out = s.decide(w.batch(0, ["nice lunch", "cheap vape here"], authors=[1, 2]))
    assert out.posts.post_id.tolist() == [1]
    assert out.posts.action.tolist() == [PostAction.REMOVE]
    assert out.posts.rule.tolist() == [0]
    assert out.posts.at_hours.tolist() == [0.0]
    assert "vape" in out.posts.evidence[0] and "remove-restricted" in out.posts.evidence[0]
    assert out.accounts.account.tolist() == [2]
    assert out.accounts.action.tolist() == [AccountAction.WARN]


def test_ladder_warn_restrict_ban_over_days():
    p = policy.load_policy_text(BASE)
    s = p.start(context())
    w = World()
    actions = []
    for day in range(4):
        out = s.decide(w.batch(day, ["vape"], authors=[7]))
        actions.append((out.accounts.action.tolist(), out.accounts.until_day.tolist()))
    assert actions[0] == ([AccountAction.WARN], [-1])
    assert actions[1] == ([AccountAction.RESTRICT], [1 + 3])
    assert actions[2] == ([AccountAction.BAN], [-1])
    assert actions[3] == ([], [])  # already banned: no second ban


def test_start_day_keeps_rules_off_before():
    p = policy.load_policy_text(BASE + "start_day: 5\n")
    s = p.start(context())
    w = World()
    assert len(s.decide(w.batch(4, ["vape"])).posts) == 0
    assert len(s.decide(w.batch(5, ["vape"])).posts) == 1


@pytest.mark.parametrize("name", ["none", "keywords", "crackdown"])
def test_presets_load(name):
    p = policy.load_policy(name)
    assert p.name and p.source
    assert len(p.rule_names) == len(set(p.rule_names))


def test_crackdown_personal_only_from_day_30():
    p = policy.load_policy("crackdown")
    (a,) = p.announcements()
    assert a.day == 30 and a.risk_multiplier > 1
    assert set(a.categories) == {"medical", "tobacco", "sexual_health", "aphrodisiac"}
    s = p.start(context())
    w = World()
    before = s.decide(w.batch(29, ["selling vape, all flavours"]))
    assert len(before.posts) == 0
    out = s.decide(
        w.batch(
            30,
            ["selling vape", "selling vape", "hello"],
            kind=["personal", "official", "personal"],
            authors=[1, 2, 3],
        )
    )
    assert out.posts.post_id.tolist() == [int(out.posts.post_id[0])]
    assert np.all(out.posts.action == PostAction.REMOVE) and len(out.posts) == 1


def test_crackdown_start_day_override_moves_announcement():
    p = policy.load_policy("crackdown", start_day=10)
    assert p.announcements()[0].day == 10
    assert p.active(10).all() and not p.active(9).any()


def test_a_moved_start_day_is_in_the_policy_text():
    # The text is what a stored run and its report show, and what a report rebuilt from
    # the database reads the start from: it must say the day the rules acted from.
    p = policy.load_policy("crackdown", start_day=10)
    assert "start_day: 10  # moved when loaded (the file says 30)" in p.source
    assert "start_day: 30" not in p.source
    again = policy.load_policy_text(p.source, "stored.yaml", cache=False)
    assert again.spec == p.spec and again.announcements() == p.announcements()
    for text in (BASE, "{version: 1, name: flow, rules: []}"):  # a new key; a flow mapping
        moved = policy.load_policy_text(text, start_day=4, cache=False)
        assert policy.load_policy_text(moved.source, cache=False).spec.start_day == 4
    assert policy.load_policy_text(BASE + "start_day: 4\n", start_day=4).source.endswith(
        "start_day: 4\n"
    )  # not moved: the file's text as it is


SCHEDULED = BASE + "schedule:\n  - {from_day: 2, rules: all}\n"


def test_start_day_beside_a_schedule_is_an_error_not_ignored():
    # The schedule decides which rules act when; a start day beside it was ignored.
    with pytest.raises(policy.LocatedError) as moved:
        policy.load_policy_text(SCHEDULED, "s.yaml", start_day=6, cache=False)
    (problem,) = moved.value.problems
    schedule_line = SCHEDULED.splitlines().index("schedule:") + 1
    first_phase = schedule_line + 1
    assert (problem.file, problem.field, problem.line) == ("s.yaml", "schedule", first_phase)
    assert "--start-day" in problem.message
    with pytest.raises(policy.LocatedError) as both:
        policy.load_policy_text(SCHEDULED + "start_day: 5\n", "b.yaml", cache=False)
    (problem,) = both.value.problems
    assert (problem.field, problem.line, problem.column) == ("start_day", schedule_line + 2, 12)
    assert policy.load_policy_text(SCHEDULED, start_day=0, cache=False).active(2).all()
