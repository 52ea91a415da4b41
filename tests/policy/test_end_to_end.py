"""Through the engine: what the policy language does to a simulated Friends Circle.

These runs use the small ``classroom`` scenario so the whole file takes seconds.
"""

from __future__ import annotations

import warnings

import pytest

simulation = pytest.importorskip("simulation")

from policy import load_policy, load_policy_text  # noqa: E402

SEEDS = (1, 2, 3)
ALL_STEPS = (
    "normalize: [emoji, nfkc, casefold, confusables, letterforms, diacritics, invisible,\n"
    "                leetspeak, separators, traditional, numerals, repeats, abbreviations, pinyin]"
)


def metrics(policy, days: int, seed: int):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return simulation.run("classroom", policy, days=days, seed=seed).metrics


@pytest.mark.parametrize("seed", SEEDS)
def test_crackdown_cuts_restricted_offer_impressions(seed):
    none = metrics("none", 60, seed)
    crack = metrics("crackdown", 60, seed)
    # Before day 30 the crackdown is not in force: the runs are identical.
    assert crack["impressions.offer"][:30].sum() == pytest.approx(
        none["impressions.offer"][:30].sum()
    )
    before, after = none["impressions.offer"][30:].sum(), crack["impressions.offer"][30:].sum()
    cut = 1 - after / before
    print(
        f"seed {seed}: offer impressions days 30-59: none {before:,.0f}, "
        f"crackdown {after:,.0f} (cut {cut:.0%})"
    )
    assert cut > 0.6  # measured ≈ 0.90 on seeds 1-3
    assert crack["bans.correct"].sum() > 0


def test_without_confusables_homoglyph_evasion_gains_ground():
    src = load_policy("keywords").source
    assert ALL_STEPS in src
    no_conf = load_policy_text(
        src.replace(ALL_STEPS, ALL_STEPS.replace("confusables, ", "")),
        "keywords-without-confusables",
    )
    for seed in SEEDS[:2]:
        full = metrics("keywords", 90, seed)
        weak = metrics(no_conf, 90, seed)

        def per_day(m, lo, hi):
            return m["offers_by_style.homoglyph"][lo:hi].sum() / (hi - lo)

        early = per_day(weak, 0, 10), per_day(full, 0, 10)
        late = per_day(weak, 30, 90), per_day(full, 30, 90)
        print(
            f"seed {seed}: homoglyph offers per day without / with confusables: "
            f"days 0-9 {early[0]:.1f} / {early[1]:.1f}, days 30-89 {late[0]:.1f} / {late[1]:.1f}"
        )
        # Against the full filter homoglyph sellers are removed and the style dies out in
        # the feed (it lives on with sellers who moved to chats, where nothing is scanned:
        # offers_by_style counts every channel); against the filter without confusables it
        # works, so it persists and spreads.
        assert late[1] < early[1]
        assert late[0] > 0.5 * early[0]
        assert late[0] > 3 * max(late[1], 0.1)
        # ... and more restricted goods are sold (harm: units sold, every channel).
        sold = weak.filter(like="units_sold.").sum(axis=1)[30:].sum()
        assert sold > 1.1 * full.filter(like="units_sold.").sum(axis=1)[30:].sum()
