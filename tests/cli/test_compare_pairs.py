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


# ------------------------------------------------- --pair: the pairs a user chooses

A = ["A (s1): No moderation", "A (s1): Crackdown", "A (s1): Crackdown [delay_hours=6]"]
B = ["B (s2): No moderation", "B (s2): Crackdown", "B (s2): Zero tolerance"]


def _chosen(*values: str, a=A, b=B):
    from simulation.cli.compare_pairs import chosen_pairs

    presets = {"crackdown": "Crackdown", "none": "No moderation"}
    return chosen_pairs(list(values), a, b, "A (s1): ", "B (s2): ", lambda r: presets.get(r, r))


def test_pair_names_arms_as_their_sweeps_the_comparison_or_the_presets_do():
    """Without --pair two sweeps of six arms gave 36 pairs; --pair keeps those asked for,
    in the order given, each once, each arm named as its own sweep's report names it
    (parameters and all), as the comparison's report does, or by its preset."""
    assert _chosen(
        "Crackdown [delay_hours=6]:Zero tolerance",
        "A (s1): No moderation:B (s2): Crackdown",
        "crackdown:crackdown",
        "Crackdown:Crackdown",  # the same pair again: compared once
    ) == [
        ("A (s1): Crackdown [delay_hours=6]", "B (s2): Zero tolerance"),
        ("A (s1): No moderation", "B (s2): Crackdown"),
        ("A (s1): Crackdown", "B (s2): Crackdown"),
    ]
    # an arm whose name holds a colon: the split that names an arm of each side
    a = ["A (s1): Rule: ads", "A (s1): Rule"]
    assert _chosen("Rule: ads:Crackdown", a=a) == [("A (s1): Rule: ads", "B (s2): Crackdown")]


def _refused(capsys, *values: str, a=A, b=B) -> str:
    import pytest
    import typer

    with pytest.raises(typer.Exit) as exc:
        _chosen(*values, a=a, b=b)
    assert exc.value.exit_code == 2
    return " ".join(capsys.readouterr().err.split())


def test_a_pair_naming_no_arm_is_an_input_error_naming_the_option_value_and_arms(capsys):
    said = _refused(capsys, "Crackdown:Zero tolerence")
    assert said.startswith(
        "error: --pair 'Crackdown:Zero tolerence': 'Zero tolerence' is not an arm of B (s2) "
        "(did you mean 'Zero tolerance'?); the arms of A (s1): 'No moderation', "
        "'Crackdown', 'Crackdown [delay_hours=6]'; of B (s2): 'No moderation', "
        "'Crackdown', 'Zero tolerance'"
    )
    said = _refused(capsys, "Crackdown:Crackdown", "Crackdwon [x]:Crackdown")
    assert "--pair 'Crackdwon [x]:Crackdown': 'Crackdwon [x]' is not an arm of A (s1)" in said
    said = _refused(capsys, "Crackdown")  # no colon
    assert "--pair 'Crackdown': expected A:B, an arm of A (s1), a colon, an arm of B (s2)" in said
    said = _refused(capsys, "x:y")
    assert "'x' is not an arm of A (s1), and 'y' is not an arm of B (s2)" in said
    # two readings: the comparison's full names say which is meant
    a, b = ["A (s1): P", "A (s1): P:Q"], ["B (s2): Q:R", "B (s2): R"]
    said = _refused(capsys, "P:Q:R", a=a, b=b)
    assert said.startswith(
        "error: --pair 'P:Q:R' names two pairs: 'A (s1): P' against 'B (s2): Q:R' or "
        "'A (s1): P:Q' against 'B (s2): R'; name the arms as the comparison report does "
        "('A (s1): P:B (s2): Q:R')"
    )
    assert _chosen("A (s1): P:Q:B (s2): R", a=a, b=b) == [("A (s1): P:Q", "B (s2): R")]


# ------------------------------------------------- report --pair: two arms of one sweep
ONE = ["No moderation", "Crackdown", "Crackdown [delay_hours=6]", "Zero tolerance"]


def _within(*values: str):
    from simulation.cli.compare_pairs import pairs_within

    presets = {"crackdown": "Crackdown", "none": "No moderation"}
    return pairs_within(list(values), ONE, "sw-1", lambda r: presets.get(r, r))


def test_a_sweeps_report_tests_the_arms_a_pair_names():
    """A sweep of more than four policies tested each against the first only (a delayed
    crackdown never against zero tolerance); --pair on `report` names the pairs, as the
    report names the arms or by their presets, in the order given, each once."""
    assert _within(
        "Crackdown [delay_hours=6]:Zero tolerance", "none:crackdown", "none:Crackdown"
    ) == [
        ("Crackdown [delay_hours=6]", "Zero tolerance"),
        ("No moderation", "Crackdown"),
    ]


def test_a_pair_within_a_sweep_that_names_no_two_arms_is_an_input_error(capsys):
    import pytest
    import typer

    def refused(value: str) -> str:
        with pytest.raises(typer.Exit) as exc:
            _within(value)
        assert exc.value.exit_code == 2
        return " ".join(capsys.readouterr().err.split())

    arms = "the arms of sw-1: 'No moderation', 'Crackdown', 'Crackdown [delay_hours=6]', "
    assert refused("crackdown:Crackdown") == (
        "error: --pair 'crackdown:Crackdown' names 'Crackdown' twice: an arm is not compared "
        f"with itself; {arms}'Zero tolerance'"
    )
    assert refused("Crackdown:Zero tolerence").startswith(
        "error: --pair 'Crackdown:Zero tolerence': 'Zero tolerence' is not an arm of sw-1 "
        "(did you mean 'Zero tolerance'?); " + arms
    )
    assert "expected A:B, two arms of sw-1 with a colon between them" in refused("Crackdown")


def test_a_pair_within_a_sweep_read_two_ways_says_how_to_name_it(capsys):
    """Within one sweep there are no sides to name the arms by: the hint was to name them
    "as the comparison report does", with the same ambiguous value as the example."""
    import pytest
    import typer

    from simulation.cli.compare_pairs import pairs_within

    with pytest.raises(typer.Exit) as exc:
        pairs_within(["P:Q:R"], ["P", "P:Q", "R", "Q:R"], "sw-1")
    assert exc.value.exit_code == 2
    said = " ".join(capsys.readouterr().err.split())
    assert said.startswith(
        "error: --pair 'P:Q:R' names two pairs: 'P' against 'Q:R' or 'P:Q' against 'R'; "
        "name one of them by the policy preset or file it was run as"
    )
