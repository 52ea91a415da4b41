"""Actions and rule composition: first-match vs all-match, priority, shadow, scope."""

from __future__ import annotations

import numpy as np
import pytest

from policy import load_policy_text
from policy.interface import AccountAction, PostAction, Stage
from tests.policy.helpers import World, context

HEAD = """
name: t
detectors:
  kw: {type: keywords, terms: {tobacco: [vape], medical: [pills]}}
"""


def decide(rules: str, texts, semantics: str = "first_match", day: int = 0, **kw):
    p = load_policy_text(HEAD + f"semantics: {semantics}\nrules:\n" + rules)
    s = p.start(context())
    return p, s.decide(World().batch(day, texts, **kw))


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("allow", PostAction.ALLOW),
        ("label", PostAction.LABEL),
        ("downrank", PostAction.DOWNRANK),
        ("remove", PostAction.REMOVE),
        ("review", PostAction.REVIEW),
    ],
)
def test_each_post_action(action, expected):
    _, out = decide(f"  - {{name: r, when: {{hit: kw}}, action: {action}}}\n", ["vape", "hi"])
    assert out.posts.post_id.tolist() == [0]
    assert out.posts.action.tolist() == [expected]
    assert out.posts.rule.tolist() == [0]
    assert out.posts.stage.tolist() == [Stage.UPLOAD]
    assert len(out.accounts) == 0


def test_downrank_factor_and_remove_delay():
    _, out = decide(
        "  - {name: d, when: {hit: {detector: kw, categories: [medical]}}, "
        "action: downrank, factor: 0.25}\n"
        "  - {name: r, when: {hit: kw}, action: remove, delay_hours: 1.5}\n",
        ["pills", "vape"],
    )
    rows = dict(
        zip(
            out.posts.post_id.tolist(),
            zip(
                out.posts.action.tolist(),
                out.posts.factor.tolist(),
                out.posts.at_hours.tolist(),
                strict=True,
            ),
            strict=True,
        )
    )
    assert rows[0] == (PostAction.DOWNRANK, 0.25, 0.0)
    assert rows[1] == (PostAction.REMOVE, 1.0, 1.5)


@pytest.mark.parametrize(
    ("action", "expected", "until"),
    [("restrict", AccountAction.RESTRICT, 5 + 4), ("ban", AccountAction.BAN, -1)],
)
def test_account_actions_once_per_author(action, expected, until):
    _, out = decide(
        f"  - {{name: r, when: {{hit: kw}}, action: {action}, restrict_days: 4}}\n",
        ["vape", "vape", "vape"],
        authors=[3, 3, 8],
        day=5,
        hour=[2, 5, 9],
    )
    assert out.accounts.account.tolist() == [3, 8]
    assert out.accounts.action.tolist() == [expected, expected]
    assert out.accounts.until_day.tolist() == [until, until]
    assert out.accounts.at_hour.tolist() == [2.0, 9.0]  # the first offending post's hour
    assert "rule 'r'" in out.accounts.reason[0]


def test_ban_is_not_repeated_on_later_days():
    p = load_policy_text(HEAD + "rules:\n  - {name: r, when: {hit: kw}, action: ban}\n")
    s = p.start(context())
    w = World(["vape"])
    assert len(s.decide(w.batch(0, [0], authors=1)).accounts) == 1
    assert len(s.decide(w.batch(1, [0], authors=1)).accounts) == 0


RULES = """\
  - {name: label-all-vape, when: {hit: kw}, action: label}
  - {name: remove-vape, when: {hit: kw}, action: remove}
"""


def test_first_match_only_the_first_rule_decides():
    _, out = decide(RULES, ["vape"])
    assert out.posts.rule.tolist() == [0]
    assert out.posts.action.tolist() == [PostAction.LABEL]


def test_all_match_every_matching_rule_fires():
    _, out = decide(RULES, ["vape"], semantics="all_match")
    assert sorted(out.posts.rule.tolist()) == [0, 1]


def test_priority_reorders_rules():
    rules = RULES.replace("action: remove}", "action: remove, priority: 5}")
    p, out = decide(rules, ["vape"])
    assert out.posts.rule.tolist() == [1]  # higher priority first
    assert p.rule_names == ("label-all-vape", "remove-vape")  # rule_names keep file order


def test_allow_stops_later_rules_in_both_modes():
    rules = "  - {name: trusted, when: {friends: {ge: 1000}}, action: allow}\n" + RULES
    for sem in ("first_match", "all_match"):
        _, out = decide(rules, ["vape", "vape"], semantics=sem, friends=[5000, 10])
        by_post = {}
        for pid, rule in zip(out.posts.post_id.tolist(), out.posts.rule.tolist(), strict=True):
            by_post.setdefault(pid, []).append(rule)
        assert by_post[0] == [0], sem  # the trusted author's post: allow only
        assert 0 not in by_post[1]


def test_shadow_rule_only_counts():
    rules = (
        "  - {name: trial, when: {hit: kw}, action: remove, strikes: 3, shadow: true}\n"
        "  - {name: live, when: {hit: kw}, action: label}\n"
    )
    _, out = decide(rules, ["vape"])
    rows = sorted(
        zip(
            out.posts.rule.tolist(),
            out.posts.action.tolist(),
            out.posts.shadow.tolist(),
            strict=True,
        )
    )
    assert rows == [(0, PostAction.REMOVE, True), (1, PostAction.LABEL, False)]
    assert len(out.accounts) == 0  # shadow strikes are not given
    assert "(shadow)" in out.posts.evidence[int(np.flatnonzero(out.posts.shadow)[0])]


def test_shadow_ban_records_an_allow_row_not_a_ban():
    _, out = decide("  - {name: trial-ban, when: {hit: kw}, action: ban, shadow: true}\n", ["vape"])
    assert len(out.accounts) == 0
    assert out.posts.action.tolist() == [PostAction.ALLOW]
    assert out.posts.shadow.tolist() == [True]


def test_shadow_rule_sees_what_an_earlier_live_rule_left():
    rules = (
        "  - {name: live, when: {hit: {detector: kw, categories: [medical]}}, "
        "action: remove}\n"
        "  - {name: trial, when: {hit: kw}, action: remove, shadow: true}\n"
    )
    _, out = decide(rules, ["pills", "vape"])
    shadow_posts = out.posts.post_id[out.posts.shadow].tolist()
    assert shadow_posts == [1]


def test_scope_account_kind_and_stage():
    rules = (
        "  - {name: r, when: {hit: kw}, action: remove, "
        "scope: {account_kind: [personal], stages: [report]}}\n"
    )
    _, out = decide(
        rules,
        ["vape", "vape", "vape"],
        kind=["personal", "official", "personal"],
        stage=[1, 1, 0],
        posted_day=0,
        day=1,
    )
    assert out.posts.post_id.tolist() == [0]
    assert out.posts.stage.tolist() == [Stage.REPORT]


def test_no_rules_no_rows():
    p = load_policy_text("name: t\nrules: []\n")
    out = p.start(context()).decide(World().batch(0, ["vape"]))
    assert len(out.posts) == 0 and len(out.accounts) == 0


def test_vectorised_evaluation_matches_rowwise_reference():
    """Random batches: the vectorised first-match result equals a per-row reference."""
    rng = np.random.default_rng(5)
    rules = """\
  - {name: a, when: {all: [{hit: kw}, {friends: {lt: 50}}]}, action: remove, priority: 2}
  - {name: b, when: {any: [{hit: {detector: kw, categories: [medical]}}, {posts_today: {gt: 5}}]},
     action: downrank}
  - {name: c, when: {not: {account_age_days: {ge: 30}}}, action: label}
"""
    texts = ["vape", "pills", "hello", "vape pills"]
    n = 500
    tid = rng.integers(0, 4, n)
    friends, posts, age = rng.integers(0, 100, n), rng.integers(1, 10, n), rng.integers(0, 60, n)
    _, out = decide(rules, [texts[i] for i in tid], friends=friends, posts_today=posts, age=age)
    got = dict(zip(out.posts.post_id.tolist(), out.posts.rule.tolist(), strict=True))
    for i in range(n):
        t = texts[tid[i]]
        hit = "vape" in t or "pills" in t
        if hit and friends[i] < 50:
            exp = 0
        elif "pills" in t or posts[i] > 5:
            exp = 1
        elif age[i] < 30:
            exp = 2
        else:
            exp = None
        assert got.get(i) == exp, i
