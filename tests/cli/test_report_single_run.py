"""A single run's report finds its baseline: `report RUN --baseline none` pointed nowhere
("not one of the policies run") though a no-moderation run of the same world was stored.
It is now measured against the newest complete run of the same scenario, seed, days and
parameters under that policy; without one, the error and the report say how to get a
baseline (`--baseline none` with such a run stored, or `circlelab compare`)."""

from __future__ import annotations

from typer.testing import CliRunner

from simulation.cli.main import app

runner = CliRunner()
RUN = ["run", "--scenario", "classroom", "--days", "40"]


def invoke(*args: str):
    res = runner.invoke(app, list(args), terminal_width=400)
    return res.exit_code, " ".join(res.output.split())


def test_a_single_run_is_measured_against_a_stored_run_of_the_same_world(tmp_path):
    db = str(tmp_path / "r.db")
    assert invoke(*RUN, "--policy", "crackdown", "--db", db)[0] == 0  # run 1
    code, text = invoke(
        "report", "1", "--db", db, "--out", str(tmp_path / "a"), "--baseline", "none"
    )
    assert code == 2
    assert "is not one of the policies run: March-2024 personal-account crackdown;" in text
    assert "no complete run of the same world" in text and "circlelab compare" in text
    assert not (tmp_path / "a").exists()
    assert invoke("report", "1", "--db", db, "--out", str(tmp_path / "b"))[0] == 0
    html = (tmp_path / "b" / "report.html").read_text(encoding="utf-8")
    assert "a single run has no baseline of its own" in html
    # another world (a different seed) does not count; the same world does
    assert invoke(*RUN, "--policy", "none", "--seed", "99", "--db", db)[0] == 0  # run 2
    assert invoke(*RUN, "--policy", "none", "--db", db)[0] == 0  # run 3
    code, text = invoke(
        "report", "1", "--db", db, "--out", str(tmp_path / "c"), "--baseline", "none"
    )
    assert code == 0, text
    assert "measured against run 3 (No moderation)" in text
    rows = (tmp_path / "c" / "data" / "run_headlines.csv").read_text(encoding="utf-8")
    assert len(rows.splitlines()) == 3  # the run and its baseline
    html = (tmp_path / "c" / "report.html").read_text(encoding="utf-8")
    assert "<tr><td>baseline</td><td>No moderation</td></tr>" in html
