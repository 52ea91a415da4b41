"""``circlelab study --help`` says where a study's runs are stored, and that is where
they go: ``OUT/study.db`` unless ``--db`` names another (it said the user data
directory, where a study never writes)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import simulation.cli.cmd_sweep as cmd_sweep
from simulation.cli.main import app

runner = CliRunner()


def test_the_help_names_the_database_a_study_uses():
    res = runner.invoke(app, ["study", "--help"], terminal_width=400)
    assert res.exit_code == 0
    text = " ".join(res.output.split())
    assert "(default: OUT/study.db, the study's own database in --out" in text
    assert "data directory" not in text


@pytest.mark.parametrize("given", [None, "elsewhere.db"])
def test_a_study_stores_its_runs_where_the_help_says(tmp_path, monkeypatch, given):
    used: list[str] = []

    def sweep_at(quiet, label, db, url, **kwargs):  # stands in for the study's sweep
        used.append(url)
        raise typer.Exit(0)

    monkeypatch.setattr(cmd_sweep, "run_sweep", sweep_at)
    out = tmp_path / "out"
    args = ["study", "takedown_speed", "--out", str(out)]
    if given:
        args += ["--db", str(tmp_path / given)]
    assert runner.invoke(app, args).exit_code == 0
    # OUT/study.db with OUT the --out folder, as the help says
    expected = tmp_path / given if given else out / "study.db"
    assert [Path(u) for u in used] == [expected]
