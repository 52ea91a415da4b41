"""The command line: exit codes scripts can trust, and the files it promises."""

from __future__ import annotations

import html
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from simulation.cli.main import app

runner = CliRunner()


def test_run_writes_database_csv_charts_and_report(tmp_path):
    db, out = tmp_path / "runs.db", tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "run",
            "--scenario",
            "classroom",
            "--policy",
            "crackdown",
            "--days",
            "35",
            "--seed",
            "3",
            "--db",
            str(db),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "posts created" in result.output
    metrics = pd.read_csv(out / "daily_metrics.csv")
    assert len(metrics) == 35 and "ad_share" in metrics
    for chart in ("offers_by_category", "spam", "ad_share", "bans"):
        assert (out / "charts" / f"{chart}.png").stat().st_size > 5000
        assert not (out / "charts" / f"{chart}.svg").exists()  # SVG only with --svg
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "crackdown" in html.lower()
    assert db.exists()


def test_run_json_summary(tmp_path):
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--days", "5", "--json", "--no-db"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["days"] == 5 and summary["posts_created"] > 0
    assert summary["run_id"] is None


def _strict(token: str):
    raise ValueError(f"{token} is not JSON (RFC 8259)")


def test_run_json_is_strict_json_with_undefined_measures_as_null():
    # No moderation removes nothing: precision and days to halve are undefined. Python's
    # json writes NaN for them, which JSON.parse, jq --strict, Go and serde refuse.
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--days", "3", "--json", "--no-db"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output, parse_constant=_strict)
    assert summary["moderation_precision"] is None and summary["days_to_halve"] is None
    assert summary["posts_created"] > 0


def test_bad_scenario_exits_2_with_location(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\npopulation:\n  accounts: -5\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--scenario", str(bad), "--no-db"])
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.output and "population.accounts" in result.output


def test_bad_policy_exits_2(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("version: 1\nname: x\nrulez: []\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--scenario", "classroom", "--policy", str(bad), "--no-db"])
    assert result.exit_code == 2
    assert "rulez" in result.output


def test_bad_set_exits_2():
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--set", "posting.x=1", "--no-db"]
    )
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", "--scenario", "classroom", "--set", "novalue", "--no-db"])
    assert result.exit_code == 2


def test_set_changes_the_world():
    base = runner.invoke(
        app, ["run", "--scenario", "classroom", "--days", "3", "--json", "--no-db"]
    )
    more = runner.invoke(
        app,
        [
            "run",
            "--scenario",
            "classroom",
            "--days",
            "3",
            "--json",
            "--no-db",
            "--set",
            "posting.spammer_per_day=20",
        ],
    )
    assert json.loads(more.output)["spam_created"] > 2 * json.loads(base.output)["spam_created"]


def test_scenario_check():
    assert runner.invoke(app, ["scenario", "check", "demo"]).exit_code == 0


def test_scenario_check_bad_file(tmp_path):
    bad = tmp_path / "s.yaml"
    bad.write_text("days: 10\ngraph:\n  mean_frends: 4\n", encoding="utf-8")
    result = runner.invoke(app, ["scenario", "check", str(bad)])
    assert result.exit_code == 2
    assert "3:3" in result.output and "mean_friends" in result.output


def test_runs_list_and_export(tmp_path):
    db = tmp_path / "r.db"
    assert (
        runner.invoke(
            app, ["run", "--scenario", "classroom", "--days", "4", "--db", str(db)]
        ).exit_code
        == 0
    )
    listing = runner.invoke(app, ["runs", "list", "--db", str(db), "--json"])
    rows = json.loads(listing.output)
    assert rows[0]["state"] == "complete" and rows[0]["days"] == "4/4"
    out = tmp_path / "again"
    assert (
        runner.invoke(app, ["runs", "export", "1", "--db", str(db), "--out", str(out)]).exit_code
        == 0
    )
    assert len(pd.read_csv(out / "daily_metrics.csv")) == 4
    assert (
        runner.invoke(app, ["runs", "export", "99", "--db", str(db), "--out", str(out)]).exit_code
        == 2
    )


def test_metrics_lists_definitions():
    result = runner.invoke(app, ["metrics"])
    assert result.exit_code == 0 and "ad_share" in result.output


def test_unusable_database_exits_2_before_running(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--days", "2", "--db", str(blocker / "runs.db")]
    )
    assert result.exit_code == 2
    assert "cannot use this database" in result.output


def test_days_must_be_positive():
    result = runner.invoke(app, ["run", "--scenario", "classroom", "--days", "0", "--no-db"])
    assert result.exit_code == 2 and "--days 0" in result.output


def test_the_progress_bar_in_a_terminal_leaves_the_run_free_to_fork_its_worker(
    tmp_path, monkeypatch
):
    """Rich redraws a progress bar from a thread of its own unless told not to; with that
    thread alive the run could not fork the worker that draws the report."""
    import io

    from rich.console import Console

    import simulation.cli.cmd_run as cmd_run
    from simulation.runs.background import BundleDrawing

    screen = io.StringIO()
    monkeypatch.setattr(cmd_run, "err", Console(file=screen, force_terminal=True, width=100))
    # threads other tests of this process left (a sweep's pool, a database driver's)
    # would stop the fork too: what the run must not add is a thread of its own
    before = set(threading.enumerate())
    forked, added = [], []
    prepare = BundleDrawing.prepare.__func__

    def watched(cls, *args, **kwargs):
        added.append(set(threading.enumerate()) - before)
        drawing = prepare(cls, *args, **kwargs)
        forked.append(drawing.pool is not None)
        return drawing

    monkeypatch.setattr(BundleDrawing, "prepare", classmethod(watched))
    args = ["run", "--scenario", "classroom", "--days", "3", "--db", str(tmp_path / "r.db")]
    result = runner.invoke(app, [*args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert added == [set()], added  # no thread of the bar's alive when the worker forks
    if before == {threading.main_thread()}:
        assert forked == [True]
    assert "day 3/3" in screen.getvalue()  # the bar was drawn, by the run's own calls


def test_a_moved_start_day_is_stored_shown_and_read_back(tmp_path):
    # --start-day 4 moved the crackdown (its file says 30): the stored policy text, the
    # report's policy section and a report rebuilt from the database must all start on
    # day 4. The text used to say 30, so the rebuilt report found no days to halve.
    db, out, again = tmp_path / "r.db", tmp_path / "out", tmp_path / "again"
    # (18 days: from day 4 offer volume halves in 11, past a 14-day run's end)
    args = ["run", "--scenario", "classroom", "--policy", "crackdown", "--days", "18"]
    result = runner.invoke(
        app, [*args, "--start-day", "4", "--db", str(db), "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["days_to_halve"] is not None
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "start_day: 4  # moved when loaded (the file says 30)" in html
    assert "start_day: 30" not in html
    rebuilt = runner.invoke(app, ["report", "1", "--db", str(db), "--out", str(again)])
    assert rebuilt.exit_code == 0, rebuilt.output
    heads = pd.read_csv(again / "data" / "run_headlines.csv")
    assert heads["days_to_halve"].tolist() == [summary["days_to_halve"]]


def test_start_day_with_a_scheduled_policy_exits_2(tmp_path):
    scheduled = tmp_path / "scheduled.yaml"
    scheduled.write_text(
        "version: 1\nname: s\ndetectors:\n  kw: {type: keywords, terms_from: catalogue}\n"
        "rules:\n  - {name: r, when: {hit: kw}, action: remove}\n"
        "schedule:\n  - {from_day: 2, rules: all}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--policy", str(scheduled), "--start-day", "6"]
    )
    assert result.exit_code == 2
    assert f"{scheduled}:8:3: schedule:" in result.output and "--start-day" in result.output


def _report_scenario(report: Path) -> dict:
    """The scenario section of a run's report.html (the last <pre>), parsed."""
    pres = re.findall(r"<pre>(.*?)</pre>", report.read_text(encoding="utf-8"), flags=re.S)
    return json.loads(html.unescape(pres[-1]))


def test_the_report_shows_the_scenario_that_ran_fresh_and_exported(tmp_path):
    # classroom.yaml says seed 11, 90 days, evasion_learn 0.7. The report's scenario said
    # seed 11 beside a title saying seed 5, and an exported run showed the file as written.
    db, out, again = tmp_path / "r.db", tmp_path / "out", tmp_path / "again"
    ran = ["--seed", "5", "--days", "3", "--set", "sellers.evasion_learn=0.33"]
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", *ran, "--db", str(db), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    exported = runner.invoke(app, ["runs", "export", "1", "--db", str(db), "--out", str(again)])
    assert exported.exit_code == 0, exported.output
    for report in (out / "report.html", again / "report.html"):
        scenario = _report_scenario(report)
        assert (scenario["seed"], scenario["days"]) == (5, 3), report
        assert scenario["sellers"]["evasion_learn"] == 0.33, report


def test_a_stored_scenario_no_longer_valid_is_shown_with_what_the_run_changed():
    from simulation.runs.outputs import scenario_that_ran

    shown = scenario_that_ran("population: {acounts: 500}\n", '{"posting.seller_per_day": 3}', 4, 9)
    assert shown.startswith("population: {acounts: 500}\n")
    assert "# the run changed: posting.seller_per_day=3, days=4, seed=9" in shown


def _as_unprivileged(args: list[str]) -> subprocess.CompletedProcess:
    """``circlelab ARGS`` as a user a folder's permissions apply to (root ignores them:
    as root, the command runs as ``nobody`` through util-linux's ``setpriv``)."""
    command = [str(Path(sys.executable).with_name("circlelab")), *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: folder permissions do not apply")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    env = {**os.environ, "HOME": tempfile.gettempdir()}
    return subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir()
    )


def test_an_out_folder_that_cannot_be_written_is_an_input_error_before_the_run():
    # The run simulated every day, then failed on its staging folder: exit 1, "run
    # failed: [Errno 13] Permission denied: '/…/.out-va4mksb1'".
    top = Path(tempfile.mkdtemp())
    try:
        top.chmod(0o755)
        locked = top / "locked"
        locked.mkdir(mode=0o755)
        (locked / "mine.txt").write_text("keep", encoding="utf-8")
        if os.geteuid() != 0:
            locked.chmod(0o555)
        for out in (locked / "out", locked):
            done = _as_unprivileged(
                ["run", "--scenario", "classroom", "--days", "400", "--no-db", "--out", str(out)]
            )
            assert done.returncode == 2, done.stderr
            assert f"--out {out}: cannot write in " in done.stderr
            assert "run failed" not in done.stderr and "Traceback" not in done.stderr
        assert sorted(p.name for p in locked.iterdir()) == ["mine.txt"]
        assert sorted(p.name for p in top.iterdir()) == ["locked"]
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(top)


def test_an_out_folder_under_a_file_is_an_input_error_before_the_run(tmp_path):
    (tmp_path / "a-file").write_text("mine", encoding="utf-8")
    out = tmp_path / "a-file" / "out"
    result = runner.invoke(app, ["run", "--scenario", "classroom", "--no-db", "--out", str(out)])
    assert result.exit_code == 2
    assert f"--out {out}: {tmp_path / 'a-file'} is a file, not a folder" in result.output
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "mine"


def test_the_exported_daily_metrics_add_up_to_the_summary_digit_for_digit(tmp_path):
    # Written with six significant digits, the parts of impressions_total missed it by
    # up to 0.05 a day and the days' sums missed summary.json's totals.
    out = tmp_path / "out"
    args = ["run", "--scenario", "classroom", "--policy", "crackdown", "--days", "12"]
    result = runner.invoke(app, [*args, "--start-day", "2", "--no-db", "--out", str(out)])
    assert result.exit_code == 0, result.output
    m = pd.read_csv(out / "daily_metrics.csv")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    kinds = [f"impressions.{k}" for k in ("life", "ad", "spam", "offer")]
    assert (m[kinds].sum(axis=1) - m["impressions_total"]).abs().max() < 1e-9
    sold = m.filter(like="units_sold.").sum(axis=1)
    assert (m.filter(like="units_by_channel.").sum(axis=1) - sold).abs().max() < 1e-9
    for measure, column in (("offer_impressions", "impressions.offer"), ("units_sold", None)):
        total = m[column].sum() if column else sold.sum()
        assert math.isclose(summary[measure], total, rel_tol=1e-12), measure
    share = m["impressions.offer"] + m["impressions.spam"]
    assert np.allclose(m["prevalence"], share / m["impressions_total"], rtol=1e-12, atol=0)


@pytest.mark.parametrize("seed", ["-1", str(2**64)])
def test_a_seed_out_of_range_is_an_input_error_before_the_run(tmp_path, seed):
    # -1 failed inside the run ("run failed: expected non-negative integer", exit 1);
    # 2**64 ran for the whole run, then could not be stored (exit 1).
    db = tmp_path / "r.db"
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--days", "2", f"--seed={seed}", "--db", str(db)]
    )
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: --seed {seed}: seed: ")
    assert not db.exists()


@pytest.mark.parametrize(
    ("command", "seeds", "said"),
    [
        ("sweep", "-1", "a seed is a whole number from 0 to 9,223,372,036,854,775,807"),
        ("sweep", f"1-{2**64}", f"got {2**64}"),  # the sweep's parent failed storing it
        ("sweep", "1-10000000000", "at most 100,000 seeds"),  # expanded: the memory filled
        ("study", "-1", "a seed is a whole number"),  # every run failed, then a KeyError
    ],
)
def test_sweep_and_study_seeds_out_of_range_are_input_errors(tmp_path, command, seeds, said):
    db = tmp_path / "s.db"
    if command == "sweep":
        args = ["sweep", "--scenario", "classroom", "--policy", "none", "--days", "2"]
    else:
        args = ["study", "takedown_speed", "--days", "2", "--out", str(tmp_path / "out")]
    result = runner.invoke(app, [*args, f"--seeds={seeds}", "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: --seeds {seeds}: ") and said in result.output
    assert not db.exists() and not (tmp_path / "out").exists()


@pytest.mark.parametrize("day", ["-1", "36501"])
def test_a_start_day_out_of_range_names_the_flag_not_the_policy_file(day):
    # It was reported at crackdown.yaml:12:12, a shipped file with nothing wrong in it.
    result = runner.invoke(
        app, ["run", "--scenario", "classroom", "--policy", "crackdown", f"--start-day={day}"]
    )
    assert result.exit_code == 2
    assert result.output == f"error: --start-day {day}: a day from 0 to 36,500\n"


def test_a_policy_first_in_force_after_the_last_day_is_noted():
    """A run shorter than the policy's start (the crackdown acts from day 30) ran as no
    moderation without a word; it still runs (exit 0), and says so."""
    base = ["run", "--scenario", "classroom", "--days", "5", "--no-db"]
    late = runner.invoke(app, [*base, "--policy", "crackdown"])
    assert late.exit_code == 0, late.output
    words = "first acts on day 30 (its first announcement or rule), after this run's last day (4)"
    assert words in " ".join(late.output.split())
    for policy in (["--policy", "crackdown", "--start-day", "4"], ["--policy", "none"]):
        done = runner.invoke(app, [*base, *policy])
        assert done.exit_code == 0 and "first acts" not in done.output, policy


def test_runs_list_in_a_narrow_terminal_cuts_no_value(tmp_path, monkeypatch):
    """At 80 columns the table cut the scenario to 'classr…' and the time to '2026-1…' (a
    column for changes, empty for every run, took their room): values fold onto more
    lines, and the sweep and changes columns appear only when a run has one."""
    import io

    from rich.console import Console

    import simulation.cli.cmd_stored as cmd_stored

    db = tmp_path / "r.db"
    args = ["run", "--scenario", "classroom", "--days", "2", "--db", str(db)]
    assert runner.invoke(app, args).exit_code == 0
    screen = io.StringIO()
    monkeypatch.setattr(cmd_stored, "out", Console(file=screen, width=80, markup=False))
    assert runner.invoke(app, ["runs", "list", "--db", str(db)]).exit_code == 0
    table = screen.getvalue()
    assert "…" not in table and "classroom" in table
    header = table.splitlines()[1]
    assert "scenario" in header and "sweep" not in header and "changes" not in header
    assert "parameters" not in header
    rows = json.loads(runner.invoke(app, ["runs", "list", "--db", str(db), "--json"]).output)
    assert rows[0]["sweep"] == "" and rows[0]["changes"] == []  # the data keeps them
    assert rows[0]["parameters"] == {}


def test_runs_list_tells_runs_apart_by_their_set_values(tmp_path, monkeypatch):
    """Two runs of one scenario, policy and seed, one with --set, looked the same in the
    list: the parameters column shows the values a run was set up with."""
    import io

    from rich.console import Console

    import simulation.cli.cmd_stored as cmd_stored

    db = str(tmp_path / "r.db")
    args = ["run", "--scenario", "classroom", "--days", "2", "--db", db]
    assert runner.invoke(app, args).exit_code == 0
    sets = ["--set", "sellers.evasion_learn=0.9", "--set", "population.accounts=400"]
    assert runner.invoke(app, [*args, *sets]).exit_code == 0
    screen = io.StringIO()
    monkeypatch.setattr(cmd_stored, "out", Console(file=screen, width=200, markup=False))
    assert runner.invoke(app, ["runs", "list", "--db", db]).exit_code == 0
    lines = screen.getvalue().splitlines()
    assert "parameters" in lines[1]
    assert "population.accounts=400, sellers.evasion_learn=0.9" in lines[4]
    assert "=" not in lines[3]
    rows = json.loads(runner.invoke(app, ["runs", "list", "--db", db, "--json"]).output)
    assert [r["parameters"] for r in rows] == [
        {},
        {"population.accounts": 400, "sellers.evasion_learn": 0.9},
    ]
