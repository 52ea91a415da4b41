"""Lint across words counts the pairs of words a hanzi term is held across that the
detector's exceptions leave to fire. A pair two exceptions both cover is silenced once by
the matcher, so it is taken off once: an exception listed twice, one inside another
(人口交通 holds 口交通) or two that overlap (另外烟, 外烟花: both cover 另外|烟花) took the
shared pairs off twice, and a term still held across words often enough went unwarned."""

from __future__ import annotations

import pytest

from policy import explain, load_policy_text
from policy.lint import lint
from policy.lint_across import ACROSS_SHARE, across

POLICY = """
name: across
detectors:
  kw:
    type: keywords
    normalize: [nfkc, casefold]
    terms: {{sexual_health: [口交]}}
    exceptions: [{exceptions}]
rules: [{{name: r, when: {{hit: kw}}, action: remove}}]
"""


def _across_warnings(exceptions: str) -> list[str]:
    policy = load_policy_text(POLICY.format(exceptions=exceptions))
    return [w.message for w in lint(policy) if "is held across" in w.message]


def test_exceptions_covering_the_same_pairs_take_them_off_once():
    alone = across("口交", ("口交通",))[0]
    assert alone < across("口交")[0]
    # 人口交通 and 出口交通 cover only pairs 口交通 already covers; 口交通 twice is 口交通
    for more in (("口交通",), ("人口交通",), ("人口交通", "出口交通")):
        assert across("口交", ("口交通", *more))[0] == pytest.approx(alone, rel=1e-12), more


def test_a_term_still_held_across_words_is_warned_with_nested_exceptions():
    # 口交通 alone leaves 口交 held across words often enough (人口|交易, 人口|交流 …)
    assert across("口交", ("口交通",))[0] >= ACROSS_SHARE
    assert len(_across_warnings("口交通")) == 1
    # the longer exceptions silence nothing more: the same warning (it was lost)
    (warning,) = _across_warnings("口交通, 人口交通, 出口交通")
    assert "(人口|交易, " in warning
    policy = load_policy_text(POLICY.format(exceptions="口交通, 人口交通, 出口交通"))
    assert explain(policy, "人口交易市场").action == "remove"  # the pair still fires
    assert explain(policy, "人口交通调查").action == "allow"


def test_overlapping_exceptions_take_off_their_union():
    """另外烟 covers 另外|烟…, 外烟花 covers …外|烟花; both cover 另外|烟花, which 另外烟花
    covers alone: what the two take off is what each does less what they share."""
    base = across("外烟")[0]

    def off(*exceptions: str) -> float:
        return base - across("外烟", exceptions)[0]

    both = off("另外烟", "外烟花")
    assert both == pytest.approx(off("另外烟") + off("外烟花") - off("另外烟花"), rel=1e-9)
    assert off("另外烟花") > 0  # they do share pairs


def test_an_exception_that_is_the_term_covers_every_pair():
    # the matcher silences every hit of the term (lint warns that it is an exception)
    assert across("外烟", ("外烟",))[0] == pytest.approx(0, abs=1e-12)
    assert across("外烟", ("外烟", "另外烟"))[0] == pytest.approx(0, abs=1e-12)
