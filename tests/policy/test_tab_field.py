"""A tab in a line's indentation is a YAML error at that line, and the field it names is
the one on that line, or none: the key of the line above was named (``name: "tab"`` then
``\\tdetectors: {}`` said ``3:1: name: invalid YAML``). Policies, scenarios and lessons
read YAML through the same layer (``policy.yamlfile``); each is checked here."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import PolicyError, load_policy_text
from policy.errors import LocatedError
from policy.yamlfile import fields_at, parse_yaml

ROOT = Path(__file__).resolve().parents[2]
BAD6 = 'version: 1\nname: "tab"\n\tdetectors: {}\n'


def test_the_tab_line_s_key_is_named_not_the_key_above(tmp_path):
    with pytest.raises(PolicyError) as info:
        load_policy_text(BAD6, "bad6.yaml")
    (issue,) = info.value.issues
    assert (issue.line, issue.column, issue.field) == (3, 1, "detectors")
    assert "a tab: YAML indents with spaces" in issue.message


def test_policy_check_names_the_tab_line_s_key_and_exits_2(tmp_path):
    path = tmp_path / "bad6.yaml"
    path.write_text(BAD6, encoding="utf-8")
    command = "from simulation.cli.main import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", command, "policy", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert f"{path}:3:1: detectors: invalid YAML" in done.stderr
    assert "name:" not in done.stderr.split("invalid YAML")[0].split("3:1:")[1]


def test_a_scenario_names_the_tab_line_s_key():
    from simulation.scenario import parse_scenario

    text = (ROOT / "assets" / "scenarios" / "classroom.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("population:"))
    lines[n] = "\t" + lines[n]  # the key above it holds a value (or ends a block)
    with pytest.raises(LocatedError) as info:
        parse_scenario("\n".join(lines), "s.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.field) == (n + 1, "population")


def test_a_lesson_names_the_tab_line_s_key(tmp_path):
    from simulation.lessons.load import load_lesson

    text = (ROOT / "assets" / "lessons" / "crackdown.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("steps:"))
    lines[n] = "\t" + lines[n]
    path = tmp_path / "lesson.yaml"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LocatedError) as info:
        load_lesson(path)
    (problem,) = info.value.problems
    assert (problem.line, problem.field) == (n + 1, "steps")


# every shipped file that is read through policy.yamlfile: policies, scenarios, lessons
FILES = sorted(
    [
        *(ROOT / "assets" / "policies").glob("*.yaml"),
        *(ROOT / "assets" / "scenarios").glob("*.yaml"),
        *(ROOT / "assets" / "lessons").glob("*.yaml"),
    ]
)
_KEY_LINE = re.compile(r"^( *)((?:- +)*)([A-Za-z_][A-Za-z0-9_]*) *:(?: |$)")


def _key_lines(path: Path) -> list[tuple[int, str, str]]:
    """(line, key, the field the key is, by the parser) of every block key in ``path``."""
    text = path.read_text(encoding="utf-8")
    found = [
        (n, m) for n, line in enumerate(text.split("\n"), start=1) if (m := _KEY_LINE.match(line))
    ]
    places = [(n, m.end(2) + 1) for n, m in found]
    return [(n, m.group(3), f) for (n, m), f in zip(found, fields_at(text, places), strict=True)]


KEYS = {path: _key_lines(path) for path in FILES}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(FILES),
    pick=st.integers(min_value=0),
    how=st.sampled_from(["before", "after spaces", "instead of spaces"]),
)
def test_a_tab_before_any_key_names_that_key_or_no_field(path, pick, how):
    """A tab put into the indentation of any key of a shipped policy, scenario or lesson:
    each problem on that line names that key (alone, or as the field it is) or no field,
    never a key of another line."""
    keys = KEYS[path]
    number, key, field = keys[pick % len(keys)]
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines[number - 1]
    indent = len(line) - len(line.lstrip(" "))
    lines[number - 1] = {
        "before": "\t" + line,
        "after spaces": line[:indent] + "\t" + line[indent:],
        "instead of spaces": "\t" + line[indent:],
    }[how]
    try:
        parse_yaml("\n".join(lines), path.name)
    except LocatedError as exc:
        problems = exc.problems
    else:
        problems = []
    for problem in problems:
        if problem.line == number:
            assert problem.field in ("", key, field), (path.name, number, problem)
