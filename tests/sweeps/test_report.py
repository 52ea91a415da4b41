"""Reports: charts with bands in a self-contained page, data files, escaped text; the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import typer
from sqlalchemy import update
from sqlmodel import Session
from typer.testing import CliRunner

from simulation.cli.sweeps import register
from simulation.runs.storage import PostSample, PostText, open_db
from simulation.sweeps.store import load_sweep

HOSTILE = "<script>alert(1)</script>"


def _cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_report_has_charts_data_and_escapes_generated_text(reference, tmp_path):
    src = Path(reference.db.removeprefix("sqlite:///"))
    db = tmp_path / "copy.db"
    shutil.copy(src, db)
    engine = open_db(db)
    with Session(engine) as s:  # every stored post now says <script> (texts stored once)
        s.execute(update(PostText).values(text=HOSTILE + " buy now"))
        s.execute(update(PostSample).values(text=HOSTILE + " buy now"))  # before schema 2
        s.commit()
    from simulation.sweeps.report import write_report

    page = write_report(load_sweep(engine, reference.sweep_id), tmp_path / "rep").read_text()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; buy now" in page
    assert page.count('src="data:image/png;base64,') >= 6  # band charts + avoided chart
    out = tmp_path / "rep"
    for name in ("ad_share", "offer_impressions_all", "avoided", "impressions_spam"):
        assert (out / "charts" / f"{name}.png").stat().st_size > 5000
        assert (out / "charts" / f"{name}.svg").exists()
    bands = pd.read_parquet(out / "data" / "bands.parquet")
    assert {"arm", "metric", "day", "n", "mean", "lo", "hi"} <= set(bands.columns)
    assert (bands["lo"] <= bands["mean"] + 1e-12).all()
    assert pd.read_csv(out / "data" / "runs.csv")["seed"].tolist()
    for text in ("Keyword filter only", "No moderation", "code version", "seeds"):
        assert text in page
    assert "do not differ significantly" in page or "significantly" in page


def test_cli_sweep_report_compare_with_a_hostile_policy_name(tmp_path):
    evil = tmp_path / "evil.yaml"
    evil.write_text(
        "version: 1\nname: 'Evil <script>alert(2)</script>'\n"
        "description: '<img src=x onerror=alert(3)>'\n"
        "detectors:\n  kw: {type: keywords, terms_from: catalogue}\n"
        "rules:\n  - {name: r, when: {hit: kw}, action: remove, delay_hours: 2}\n",
        encoding="utf-8",
    )
    db, out = tmp_path / "cli.db", tmp_path / "out"
    app, run = _cli(), CliRunner()
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--policy", str(evil)]
    args += ["--seeds", "1-2", "--days", "10", "--workers", "2", "--db", str(db)]
    result = run.invoke(app, [*args, "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert (info["ran"], info["failed"], info["skipped"]) == (4, 0, 0)
    page = (out / "report.html").read_text()
    assert "<script>alert(2)" not in page and "&lt;script&gt;alert(2)" in page
    assert "<img src=x" not in page
    again = run.invoke(app, [*args, "--json"])  # the same command resumes: nothing to do
    assert json.loads(again.stdout)["skipped"] == 4
    sid = info["sweep_id"]
    rep = run.invoke(app, ["report", sid, "--db", str(db), "--out", str(tmp_path / "r2")])
    assert rep.exit_code == 0, rep.output
    assert (tmp_path / "r2" / "report.html").exists()
    cmp = run.invoke(
        app, ["compare", "run:1", "run:3", "--db", str(db), "--out", str(tmp_path / "cmp")]
    )
    assert cmp.exit_code == 0, cmp.output
    page = (tmp_path / "cmp" / "report.html").read_text()
    assert "A (run:1)" in page and "B (run:3)" in page
    missing = run.invoke(app, ["report", "nope", "--db", str(db), "--out", str(tmp_path / "x")])
    assert missing.exit_code == 2


def test_cli_bad_input_exits_2(tmp_path):
    app, run = _cli(), CliRunner()
    base = [
        "sweep",
        "--scenario",
        "classroom",
        "--seeds",
        "1",
        "--days",
        "3",
        "--db",
        str(tmp_path / "x.db"),
    ]
    assert (
        run.invoke(
            app, [*base, "--policy", "crackdown", "--policy-set", "enforcement.nope.x=1"]
        ).exit_code
        == 2
    )
    assert (
        run.invoke(
            app, [*base, "--policy", "crackdown", "--policy-set", "rules.*.delay_hourz=1"]
        ).exit_code
        == 2
    )
    assert run.invoke(app, [*base, "--set", "posting.nope=1"]).exit_code == 2
    assert run.invoke(app, [*base, "--policy", "none", "--seeds", "5-1"]).exit_code == 2
