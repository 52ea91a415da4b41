"""Policy variants: dotted paths set in the YAML, comments kept, errors located."""

from __future__ import annotations

import pytest

from policy import PolicyError
from simulation.sweeps.variants import (
    compile_source,
    has_path,
    is_baseline_text,
    read_policy,
    set_paths,
    variant,
)


def test_paths_by_index_name_and_wildcard():
    src = read_policy("classifier_review")
    text = set_paths(
        src.text,
        {
            "enforcement.review.capacity_per_day": 50,
            "rules.keyword-restricted.delay_hours": 12,
            "rules.*.priority": 7,
        },
    )
    pol = compile_source(variant(src, {"enforcement.review.capacity_per_day": 50}))
    assert pol.spec.enforcement.review.capacity_per_day == 50
    assert "# Classifier plus human review" in text  # comments survive the round trip
    from policy import load_policy_text

    p = load_policy_text(text, "x", base_dir=None)
    by = {r.name: r for r in p.rules}
    assert by["keyword-restricted"].delay_hours == 12
    assert {r.priority for r in p.rules} == {7}
    text0 = set_paths(src.text, {"rules.0.action": "remove"})
    assert load_policy_text(text0, "x").rules[0].action == "remove"


def test_unknown_paths_are_errors_not_no_ops():
    src = read_policy("crackdown")
    with pytest.raises(KeyError, match=r"no 'enforcement\.review\.delay_hours'"):
        set_paths(src.text, {"enforcement.review.delay_hours": 3})
    with pytest.raises(PolicyError, match="delay_hour"):
        compile_source(variant(src, {"rules.*.delay_hour": 3}))


def test_has_path_and_baseline():
    assert not has_path(read_policy("none").text, "rules.*.delay_hours")
    assert has_path(read_policy("crackdown").text, "rules.*.delay_hours")
    assert is_baseline_text(read_policy("none").text)
    assert not is_baseline_text(read_policy("crackdown").text)
