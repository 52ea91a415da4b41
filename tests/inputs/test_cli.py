"""The hostile-file set through every command that reads a file: exit 2, the place, no
traceback, and nothing written (a refused sweep leaves no database behind)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from tests.inputs.hostile import NAMES, content

runner = CliRunner()
STRUCTURAL = ("binary", "empty", "alias bomb", "huge line", "python tag")

# command → (kind of file, hostile files, arguments with {f} for the file and {d} for a folder)
COMMANDS = {
    "policy check": ("policy", NAMES, ["policy", "check", "{f}"]),
    "policy test (policy)": ("policy", NAMES, ["policy", "test", "{f}"]),
    "policy test (cases)": ("cases", NAMES, ["policy", "test", "crackdown", "{f}"]),
    "policy explain": ("policy", NAMES, ["policy", "explain", "{f}", "vape"]),
    "policy evaluate": ("policy", NAMES, ["policy", "evaluate", "{f}", "--corpus", "{d}/c.tsv"]),
    "policy check (its catalogue)": ("catalogue", STRUCTURAL, ["policy", "check", "{d}/p.yaml"]),
    "scenario check": ("scenario", NAMES, ["scenario", "check", "{f}"]),
    "run --scenario": ("scenario", NAMES, ["run", "--scenario", "{f}", "--no-db"]),
    "run --policy": ("policy", NAMES, ["run", "--scenario", "classroom", "--policy", "{f}"]),
    "sweep --scenario": ("scenario", NAMES, ["sweep", "--scenario", "{f}", "--db", "{d}/s.db"]),
    "sweep --policy": (
        "policy",
        NAMES,
        ["sweep", "--scenario", "classroom", "--policy", "{f}", "--db", "{d}/s.db"],
    ),
    "study": ("study", NAMES, ["study", "{f}", "--out", "{d}/study"]),
}
CASES = [(cmd, name) for cmd, (_k, names, _a) in COMMANDS.items() for name in names]


@pytest.mark.parametrize(("command", "name"), CASES)
def test_every_command_refuses_every_hostile_file(tmp_path, command, name):
    kind, _names, args = COMMANDS[command]
    data, field = content(kind, name)
    path = tmp_path / f"{name.replace(' ', '_')}.yaml"
    path.write_bytes(data)
    (tmp_path / "p.yaml").write_text(
        f"name: uses-a-catalogue\ncatalogue: {path.name}\nrules: []\n", encoding="utf-8"
    )
    argv = [a.format(f=path, d=tmp_path) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"error: {path}:" in result.output, result.output[:500]
    line = result.output.split(f"error: {path}:")[1]
    number, column = line.split(":")[:2]
    assert int(number) >= 1 and int(column) >= 1
    if field and not field.endswith("*"):
        assert f": {field}: " in result.output
    assert len(result.output) < 5000  # a 200,000-character line is never echoed
    assert not (tmp_path / "s.db").exists()  # refused before a database was opened
    assert not (tmp_path / "study").exists()


@pytest.mark.parametrize("name", ["binary", "alias bomb", "python tag"])
def test_the_installed_command_answers_exit_2_without_traceback(tmp_path, name):
    """The real process (not the test runner): what a user at a shell sees."""
    data, _ = content("policy", name)
    path = tmp_path / "p.yaml"
    path.write_bytes(data)
    cmd = [sys.executable, "-m", "simulation.cli.main", "policy", "check", str(path)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.startswith(f"error: {path}:")


def test_set_values_are_read_by_the_input_layer():
    levels = ["&l0 [" + ", ".join(["x"] * 10) + "]"]
    levels += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 7)]
    bomb = "[" + ", ".join(levels) + "]"
    for value, words in [
        ("1e308", "at most 1,000"),
        (".nan", "finite number"),
        ("!!python/object/apply:os.system [x]", "not allowed"),
        ("[" * 100 + "]" * 100, "nested deeper"),
        (bomb, "alias bomb"),
    ]:
        result = runner.invoke(
            app,
            [
                "run",
                "--scenario",
                "classroom",
                "--no-db",
                "--set",
                f"posting.spammer_per_day={value}",
            ],
        )
        assert result.exit_code == 2, (value, result.output)
        assert "Traceback" not in result.output and "error: --set" in result.output
        assert words in result.output


def test_a_value_the_engine_cannot_run_is_refused_before_the_run():
    """1e6 spam posts a day per spammer passed validation and ran out of memory (8.5 GB)."""
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--no-db", "--set", "posting.spammer_per_day=1e6"]
    )
    assert result.exit_code == 2
    assert (
        "--set posting.spammer_per_day=1e6: posting.spammer_per_day: at most 1,000" in result.output
    )
    result = runner.invoke(
        app,
        [
            "run",
            "--scenario",
            "classroom",
            "--no-db",
            "--set",
            "population.accounts=4000000",
            "--set",
            "posting.spammer_per_day=900",
        ],
    )
    assert result.exit_code == 2
    assert "posting.spammer_per_day: these rates make about" in result.output
    assert "at most 5,000,000 a day" in result.output


def test_duplicate_keys_in_a_scenario_are_errors(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("name: a\ndays: 10\ndays: 20\n", encoding="utf-8")
    result = runner.invoke(app, ["scenario", "check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:1: days: duplicate key" in result.output


def test_help_lists_commands(tmp_path: Path):
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "policy", "scenario", "runs", "sweep", "study", "report", "metrics"):
        assert command in result.output


BYTE_IN_A_COMMENT = {
    "policy": b"name: latin\ndescription: notes\n# r\xe9sum\xe9 of the rules\nrules: []\n",
    "scenario": b"name: latin\ndays: 10\n# r\xe9sum\xe9 of the world\nseed: 3\n",
}


@pytest.mark.parametrize(
    ("kind", "args"),
    [
        ("policy", ["policy", "check", "{f}"]),
        ("policy", ["run", "--scenario", "classroom", "--policy", "{f}", "--no-db"]),
        ("scenario", ["scenario", "check", "{f}"]),
        ("scenario", ["run", "--scenario", "{f}", "--no-db"]),
    ],
)
def test_a_byte_that_is_not_utf8_in_a_comment_is_located_at_itself(tmp_path, kind, args):
    path = tmp_path / "latin.yaml"
    path.write_bytes(BYTE_IN_A_COMMENT[kind])
    result = runner.invoke(app, [a.format(f=path) for a in args])
    assert result.exit_code == 2, result.output
    # line 3 where the bytes are, columns in characters, no field: not the key above
    assert f"error: {path}:3:4: (file): not UTF-8 text (byte 0xe9 at offset " in result.output
    assert f"error: {path}:3:8: (file): not UTF-8 text (byte 0xe9 at offset " in result.output
    assert "description" not in result.output and ": days:" not in result.output
