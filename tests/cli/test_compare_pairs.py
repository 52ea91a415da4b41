"""Which arms ``circlelab compare`` compares when both sides hold several: every pair,
the likeliest questions first (the list was cut at 8 pairs, silently, and the pair cut
off could be the one the comparison was made for)."""

from __future__ import annotations

from simulation.cli.cmd_sweep import arm_pairs


def test_every_pair_is_compared_the_changed_policy_among_the_first():
    """Two sweeps of three policies each, one of them changed between the sweeps (a
    crackdown moved to day 30): 9 pairs, none left out; the same policy against itself
    first, then the changed one against its new version, then the rest."""
    a = ["A (s1): No moderation", "A (s1): Crackdown", "A (s1): My crackdown"]
    b = ["B (s2): No moderation", "B (s2): Crackdown", "B (s2): My crackdown day 30"]
    pairs = arm_pairs(a, b, "A (s1): ", "B (s2): ")
    assert len(pairs) == 9 == len(set(pairs))
    assert pairs[:3] == [
        ("A (s1): No moderation", "B (s2): No moderation"),
        ("A (s1): Crackdown", "B (s2): Crackdown"),
        ("A (s1): My crackdown", "B (s2): My crackdown day 30"),
    ]
    assert pairs[3:] == [(x, y) for x in a for y in b if (x, y) not in pairs[:3]]


def test_two_runs_are_one_pair():
    assert arm_pairs(["A (4): X"], ["B (7): Y"], "A (4): ", "B (7): ") == [("A (4): X", "B (7): Y")]
