"""A study file's mistakes are named by the study file's line, column and field before any
run starts, with the closest valid name: a misspelt scenario parameter, a value a policy
refuses, zipped lists of different lengths, a baseline or ``x`` that is not in the study
(``x`` was ignored in silence, and the study's figure was drawn against something else).
Names resolve from the study's folder: a baseline given as the file next to the study is
the policy of that file (it was "not one of the sweep's policies")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policy.errors import LocatedError
from simulation.cli.main import app
from simulation.paths import assets_dir
from simulation.sweeps.study import load_study

POLICY = "classifier_threshold.policy.yaml"
HEAD = f"""name: trial
scenario: classroom
days: 5
seeds: 1-2
policies:
  - none
  - {POLICY}
"""


def study(tmp_path: Path, tail: str, head: str = HEAD) -> Path:
    shutil.copy(assets_dir() / "studies" / POLICY, tmp_path / POLICY)
    path = tmp_path / "trial.yaml"
    path.write_text(head + tail, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(LocatedError) as caught:
        load_study(path)
    return [str(p) for p in caught.value.problems]


def test_a_misspelt_scenario_parameter_is_named_at_its_key(tmp_path):
    path = study(tmp_path, "set:\n  attention.posts_per_dy: [10, 20]\n")
    assert problems(path) == [
        f"{path}:9:3: set.attention.posts_per_dy: unknown scenario parameter "
        "'attention.posts_per_dy' (did you mean 'attention.posts_per_day'?)"
    ]


def test_a_scenario_value_out_of_range_is_named_at_the_value(tmp_path):
    path = study(tmp_path, "set:\n  attention.posts_per_day: [10, -5]\n")
    (text,) = problems(path)
    assert text.startswith(f"{path}:9:33: set.attention.posts_per_day[1]: ")
    assert "attention.posts_per_day=-5" in text and "greater than 0" in text


def test_a_policy_path_no_policy_has_is_named_with_the_closest_one(tmp_path):
    path = study(tmp_path, "policy_set:\n  detectors.model.recal.spam: [0.3, 0.5]\n")
    assert problems(path) == [
        f"{path}:9:3: policy_set.detectors.model.recal.spam: no policy of the study has "
        "'detectors.model.recal.spam' (did you mean 'detectors.model.recall.spam'?)"
    ]


def test_a_value_the_policy_refuses_is_named_at_the_value(tmp_path):
    path = study(tmp_path, "policy_set:\n  detectors.model.recall.default: [0.5, 7]\n")
    (text,) = problems(path)
    assert text.startswith(f"{path}:9:41: policy_set.detectors.model.recall.default[1]: ")
    assert "with detectors.model.recall.default=7 does not compile" in text
    assert "less than or equal to 1" in text


def test_zipped_lists_of_different_lengths_are_named(tmp_path):
    tail = (
        "policy_zip:\n"
        "  detectors.model.recall.default: [0.5, 0.7]\n"
        "  detectors.model.recall.spam: [0.5]\n"
    )
    path = study(tmp_path, tail)
    assert problems(path) == [
        f"{path}:10:32: policy_zip.detectors.model.recall.spam: zipped lists move together, "
        "so each needs the same number of values: this one has 1, "
        "'detectors.model.recall.default' has 2"
    ]


def test_a_baseline_and_x_outside_the_study_are_named(tmp_path):
    tail = (
        "baseline: nonee\n"
        "x: detectors.model.recal.default\n"
        "policy_set:\n"
        "  detectors.model.recall.default: [0.5, 0.7]\n"
    )
    path = study(tmp_path, tail)
    assert problems(path) == [
        f"{path}:8:11: baseline: 'nonee' is not one of the study's policies (did you mean "
        f"'none'?) (policies: none, {POLICY})",
        f"{path}:9:4: x: 'detectors.model.recal.default' is not a swept parameter (did you "
        "mean 'detectors.model.recall.default'?) (the study sweeps: "
        "detectors.model.recall.default)",
    ]


def test_an_x_whose_values_are_not_numbers_is_named_at_the_value(tmp_path):
    """The study's curve plots against x's values: a list among them stopped the study
    with a traceback after every run."""
    tail = (
        "x: rules.*.scope.account_kind\npolicy_set:\n  rules.*.scope.account_kind: [[personal]]\n"
    )
    path = study(tmp_path, tail)
    assert problems(path) == [
        f"{path}:10:32: policy_set.rules.*.scope.account_kind[0]: x is "
        "'rules.*.scope.account_kind': the study's curve plots against its values, each a "
        "number, not ['personal']"
    ]


def test_a_misspelt_scenario_and_a_missing_policy_are_named(tmp_path):
    head = HEAD.replace("classroom", "clasroom").replace(POLICY, "missing.policy.yaml")
    path = study(tmp_path, "", head)
    first, second = problems(path)
    assert first.startswith(
        f"{path}:2:11: scenario: no scenario preset or file 'clasroom' (did you mean 'classroom'?)"
    )
    assert second.startswith(f"{path}:7:5: policies[1]: missing.policy.yaml")


def test_backward_seeds_are_named(tmp_path):
    path = study(tmp_path, "", HEAD.replace("1-2", "5-1"))
    assert problems(path) == [f"{path}:4:8: seeds: seed range '5-1' runs backwards"]


def test_names_resolve_from_the_study_folder(tmp_path):
    scenario = tmp_path / "small.yaml"
    shutil.copy(assets_dir() / "scenarios" / "classroom.yaml", scenario)
    head = HEAD.replace("scenario: classroom", "scenario: small.yaml")
    spec = load_study(study(tmp_path, f"baseline: {POLICY}\n", head))
    assert spec["scenario"] == str(scenario)
    assert spec["baseline"] == str(tmp_path / POLICY) == spec["policies"][1]


def test_the_command_refuses_before_any_run(tmp_path):
    path = study(tmp_path, "x: detectors.model.recal.default\n")
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["study", str(path), "--out", str(out)], terminal_width=400)
    assert res.exit_code == 2
    assert f"{path}:8:4: x: 'detectors.model.recal.default' is not a swept parameter" in (
        " ".join(res.output.split())
    )
    assert not out.exists()  # nothing run, nothing written


@pytest.mark.parametrize(
    "name", ["takedown_speed", "takedown_speed_passive", "classifier_threshold"]
)
def test_the_shipped_studies_pass(name):
    spec = load_study(name)
    assert spec["name"] == name
