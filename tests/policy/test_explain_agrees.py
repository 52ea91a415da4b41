"""``policy explain`` and ``policy evaluate`` head a message's decision with the same
action and rule. Under ``all_match`` a remove rule and a ban rule that both fire were
"remove by rule 'takedown'; account: ban" in one and "ban, banhammer" in the other, so a
designer checking a row of ``decisions.csv`` with ``explain`` read another rule."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import explain, load_policy_text
from policy.corpus import Chunk
from policy.evaluate import evaluate_chunks

ACTIONS = ("label", "downrank", "review", "remove", "restrict", "ban")
TERMS = {"a": "heroin", "b": "vape"}
TEXTS = ["heroin here", "vape and heroin", "vape only", "nothing at all"]


def policy_text(semantics: str, rules: list[tuple[str, str, bool]]) -> str:
    lines = [
        f"  - {{name: r{i}, when: {{hit: {det}}}, action: {action}, shadow: {str(shadow).lower()}}}"
        for i, (det, action, shadow) in enumerate(rules)
    ]
    return (
        "version: 1\nname: p\n"
        f"semantics: {semantics}\n"
        "detectors:\n"
        + "".join(
            f"  {d}: {{type: keywords, mode: word, terms: {{medical: [{t}]}}}}\n"
            for d, t in TERMS.items()
        )
        + "rules:\n"
        + "\n".join(lines)
        + "\n"
    )


def both(text: str, policy) -> tuple[tuple[str, str], tuple[str, str]]:
    exp = explain(policy, text)
    # a review nothing reviews (these policies have no enforcement.review) stays up:
    # explain heads it "review … stays up as if allowed", evaluate counts it allowed
    action = "allow" if exp.unreviewed else exp.action
    seen = []
    evaluate_chunks(
        policy,
        [Chunk(1, [text], ["spam"], np.array([1], np.int8))],
        on_chunk=lambda d: seen.append((d.action[0], d.rule[0])),
    )
    return (action, exp.rule or ""), seen[0]


def test_a_remove_and_a_ban_rule_under_all_match():
    policy = load_policy_text(
        policy_text("all_match", [("a", "remove", False), ("a", "ban", False)])
    )
    explained, evaluated = both("heroin here", policy)
    assert explained == evaluated == ("ban", "r1")
    assert "decision: ban by rule 'r1'; account: ban" in str(explain(policy, "heroin here"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    semantics=st.sampled_from(["first_match", "all_match"]),
    rules=st.lists(
        st.tuples(st.sampled_from(sorted(TERMS)), st.sampled_from(ACTIONS), st.booleans()),
        min_size=1,
        max_size=4,
    ),
    text=st.sampled_from(TEXTS),
)
def test_explain_and_evaluate_head_the_decision_alike(semantics, rules, text):
    policy = load_policy_text(policy_text(semantics, rules))
    explained, evaluated = both(text, policy)
    assert explained == evaluated


def test_a_review_nothing_reviews_yields_to_an_action_that_acts():
    """Without enforcement.review a review leaves the post up; under all_match a label rule
    that also fires is what happens to the post, in explain as in evaluate."""
    policy = load_policy_text(
        policy_text("all_match", [("a", "review", False), ("a", "label", False)])
    )
    assert policy.enforcement.review is None
    explained, evaluated = both("heroin here", policy)
    assert explained == evaluated == ("label", "r1")
    assert not explain(policy, "heroin here").unreviewed
    # alone, the review heads the decision and explain says the post stays up
    alone = load_policy_text(policy_text("all_match", [("a", "review", False)]))
    exp = explain(alone, "heroin here")
    assert (exp.action, exp.unreviewed) == ("review", True)
    assert both("heroin here", alone) == (("allow", "r0"), ("allow", "r0"))
