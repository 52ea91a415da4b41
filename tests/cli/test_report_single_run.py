"""A single run's report says where "avoided" comes from: it has no baseline of its own,
and `report RUN --baseline none` pointed nowhere ("not one of the policies run") though a
no-moderation run of the same world was stored; both now name `circlelab compare`."""

from __future__ import annotations

from typer.testing import CliRunner

from simulation.cli.main import app

runner = CliRunner()


def test_a_single_runs_report_names_the_way_to_a_baseline(tmp_path):
    db = str(tmp_path / "r.db")
    args = ["run", "--scenario", "classroom", "--policy", "crackdown", "--days", "3"]
    assert runner.invoke(app, [*args, "--db", db]).exit_code == 0
    res = runner.invoke(
        app,
        ["report", "1", "--db", db, "--out", str(tmp_path / "a"), "--baseline", "none"],
        terminal_width=400,
    )
    assert res.exit_code == 2
    text = " ".join(res.output.split())
    assert "is not one of the policies run: March-2024 personal-account crackdown;" in text
    assert "use circlelab compare RUN OTHER_RUN" in text
    assert not (tmp_path / "a").exists()
    assert (
        runner.invoke(app, ["report", "1", "--db", db, "--out", str(tmp_path / "b")]).exit_code == 0
    )
    html = (tmp_path / "b" / "report.html").read_text(encoding="utf-8")
    assert "a single run has no baseline of its own" in html
    assert "circlelab compare this run with a no-moderation run" in html
