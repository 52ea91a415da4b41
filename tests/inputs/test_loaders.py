"""The hostile-file set through every loader: a located error, never a crash or a hang.

Each loader must answer each hostile file with a ``LocatedError`` whose problems name
the file, a line and column (>= 1) and the field at fault. (How fast: each is answered
in milliseconds; ``bench/bench_inputs.py`` prints the times, tests never time.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy.cases import load_cases
from policy.catalogue import read_catalogue
from policy.errors import LocatedError
from policy.loader import load_policy
from simulation.catalogue import load_catalogue
from simulation.scenario import load_scenario
from simulation.sweeps.study import load_study
from simulation.sweeps.variants import read_policy
from tests.inputs.hostile import NAMES, content

STRUCTURAL = ("binary", "empty", "alias bomb", "huge line", "python tag")

# loader name → (kind of file it reads, the call, hostile files it must refuse)
LOADERS = {
    "load_policy": ("policy", load_policy, NAMES),
    "read_policy (sweeps)": ("policy", read_policy, STRUCTURAL),
    "load_scenario": ("scenario", load_scenario, NAMES),
    "load_cases": ("cases", load_cases, NAMES),
    "load_study": ("study", load_study, NAMES),
    "load_catalogue (engine)": ("catalogue", load_catalogue, NAMES),
    "read_catalogue (policies)": ("catalogue", read_catalogue, STRUCTURAL),
}
CASES = [(loader, name) for loader, (_k, _f, names) in LOADERS.items() for name in names]


def check_located(exc: LocatedError, path: Path, field: str) -> None:
    """Every problem names the file and a place; one names the expected field."""
    assert exc.problems
    for p in exc.problems:
        assert p.file == str(path)
        assert p.line >= 1 and p.column >= 1, p
        assert p.message
        assert len(str(p)) < 2000  # a huge value is never echoed whole
        assert str(p).startswith(f"{path}:{p.line}:{p.column}: ")
    fields = [p.field for p in exc.problems]
    if field.endswith("*"):
        assert any(f.startswith(field[:-1]) for f in fields), fields
    else:
        assert field in fields, fields


@pytest.mark.parametrize(("loader", "name"), CASES)
def test_every_loader_refuses_every_hostile_file(tmp_path, loader, name):
    kind, load, _names = LOADERS[loader]
    data, field = content(kind, name)
    path = tmp_path / f"{name.replace(' ', '_')}.yaml"
    path.write_bytes(data)
    with pytest.raises(LocatedError) as info:
        load(path)
    check_located(info.value, path, field)


def test_the_python_tag_never_runs(tmp_path):
    marker = Path("/tmp/hacked")
    marker.unlink(missing_ok=True)
    data, _ = content("policy", "python tag")
    path = tmp_path / "tag.yaml"
    path.write_bytes(data)
    with pytest.raises(LocatedError, match="not allowed"):
        load_policy(path)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("kind", "name", "words"),
    [
        ("scenario", "huge", "at most 1,000"),
        ("policy", "huge", "at most 36,500"),
        ("cases", "huge", "at most 1,000,000,000"),
        ("scenario", "nan", "finite number"),
        ("policy", "nan", "finite number"),
        ("scenario", "alias bomb", "alias bomb"),
        ("scenario", "binary", "not UTF-8"),
        ("scenario", "huge line", "characters long"),
        ("scenario", "empty", "empty"),
    ],
)
def test_messages_say_what_is_wrong_and_why(tmp_path, kind, name, words):
    data, _ = content(kind, name)
    path = tmp_path / "f.yaml"
    path.write_bytes(data)
    load = {"scenario": load_scenario, "policy": load_policy, "cases": load_cases}[kind]
    with pytest.raises(LocatedError) as info:
        load(path)
    assert words in str(info.value)
