"""A policy without rules runs once in a sweep over policy parameters: a top-level key
such as ``start_day`` can always be set, so ``--policy-set start_day=5,10`` made two
identical "No moderation" arms (each compared with the other, twice the runs)."""

from __future__ import annotations

from simulation.sweeps.plan import plan


def arms(p) -> list[tuple[str, str]]:
    return sorted({(j.policy_name, j.params_json) for j in p.jobs})


def test_a_policy_without_rules_is_not_varied():
    p = plan("classroom", ["none", "crackdown"], "1-2", policy_sets={"start_day": [5, 10]})
    assert arms(p) == [
        ("March-2024 personal-account crackdown", '{"policy:start_day": 10}'),
        ("March-2024 personal-account crackdown", '{"policy:start_day": 5}'),
        ("No moderation", "{}"),
    ]
    assert len(p.jobs) == 6
    assert (
        "policy 'none' has no rules and no announcements: it runs once, without the parameters"
        in p.notes
    )
    assert p.baseline == "No moderation"


def test_nor_by_zipped_values():
    p = plan(
        "classroom",
        ["none", "crackdown"],
        "1",
        policy_zip={"start_day": [5, 10], "enforcement.strikes.window_days": [30, 60]},
    )
    assert [n for n, _p in arms(p)].count("No moderation") == 1


def test_a_policy_given_twice_is_one_arm_whose_seeds_count_once():
    """``--policy none --policy none`` made one arm of two identical runs per seed: its
    interval was computed as if each seed had been run twice, independently."""
    p = plan("classroom", ["none", "crackdown", "none"], "1-2")
    assert arms(p) == [
        ("March-2024 personal-account crackdown", "{}"),
        ("No moderation", "{}"),
    ]
    assert len(p.jobs) == len({j.key for j in p.jobs}) == 4
    assert (
        p.notes.count(
            "policy 'none' was given more than once: it runs once (a second arm of the same runs "
            "would count each seed twice)"
        )
        == 1
    )
