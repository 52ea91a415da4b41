"""Which arms ``circlelab compare`` compares when both sides hold several: every pair,
the likeliest questions first (the list was cut at 8 pairs, silently, and the pair cut
off could be the one the comparison was made for)."""

from __future__ import annotations

from simulation.cli.cmd_sweep import arm_pairs


def test_every_pair_is_compared_the_changed_policy_among_the_first():
    """Two sweeps of three policies each, one of them changed between the sweeps (a
    crackdown moved to day 30): 9 pairs, none left out; the changed policy against its
    new version first, then each policy against itself, then the rest."""
    a = ["A (s1): No moderation", "A (s1): Crackdown", "A (s1): My crackdown"]
    b = ["B (s2): No moderation", "B (s2): Crackdown", "B (s2): My crackdown day 30"]
    pairs = arm_pairs(a, b, "A (s1): ", "B (s2): ")
    assert len(pairs) == 9 == len(set(pairs))
    assert pairs[:3] == [
        ("A (s1): My crackdown", "B (s2): My crackdown day 30"),
        ("A (s1): No moderation", "B (s2): No moderation"),
        ("A (s1): Crackdown", "B (s2): Crackdown"),
    ]
    assert pairs[3:] == [(x, y) for x in a for y in b if (x, y) not in pairs[:3]]


def test_the_same_policies_in_two_worlds_pair_by_name():
    """Two sweeps of the same policies in two scenarios: each policy against itself first."""
    a = ["A (s1): No moderation", "A (s1): Crackdown"]
    b = ["B (s2): No moderation", "B (s2): Crackdown"]
    assert arm_pairs(a, b, "A (s1): ", "B (s2): ")[:2] == [
        ("A (s1): No moderation", "B (s2): No moderation"),
        ("A (s1): Crackdown", "B (s2): Crackdown"),
    ]


def test_two_runs_are_one_pair():
    assert arm_pairs(["A (4): X"], ["B (7): Y"], "A (4): ", "B (7): ") == [("A (4): X", "B (7): Y")]


def test_each_sides_notes_say_which_side_they_are_of():
    """Both sides' runs made under an older model version gave the same note twice, with
    nothing to say which side it was of; each is now headed by its side, in both
    languages."""
    from simulation.cli.cmd_sweep import _sided
    from simulation.runs.report_words import Words
    from simulation.sweeps import words as W

    note = W.Note(W.NOTE_OLDER, version="0", current="1")
    (a,) = _sided([note], "A (s1)")
    assert a == "A (s1): " + note and isinstance(a, W.Note)
    assert a.said(Words("zh_CN")).startswith("A (s1)：这些运行")
    assert _sided(["a plain note"], "B (s2)") == ["B (s2): a plain note"]
