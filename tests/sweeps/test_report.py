"""Reports: charts with bands in a self-contained page, data files, escaped text; the CLI."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import typer
from sqlalchemy import update
from sqlmodel import Session
from typer.testing import CliRunner

from simulation.cli import common
from simulation.cli.cmd_sweep import _policy_of, load
from simulation.cli.sweeps import register
from simulation.runs.storage import PostSample, PostText, open_db
from simulation.sweeps.aggregate import MEASURES, headline, run_headlines
from simulation.sweeps.report import (
    KEY_MEASURES,
    _fmt,
    avoided_chart,
    heading,
    write_report,
)
from simulation.sweeps.store import load_sweep
from tests.sweeps.conftest import small_sweep

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
    page = write_report(load_sweep(engine, reference.sweep_id), tmp_path / "rep").read_text()
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; buy now" in page
    assert page.count('src="data:image/png;base64,') >= 6  # band charts + avoided chart
    out = tmp_path / "rep"
    for name in ("ad_share", "offer_impressions_all", "avoided", "impressions_spam"):
        assert (out / "charts" / f"{name}.png").stat().st_size > 5000
    assert not list((out / "charts").glob("*.svg"))  # SVG only when asked for
    assert "The chart files\n(PNG) are in" in page  # (it said "PNG and SVG" without SVG)
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
    db = tmp_path / "cli.db"
    app, run = _cli(), CliRunner()
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--policy", str(evil)]
    args += ["--seeds", "1-2", "--days", "3", "--workers", "2", "--db", str(db)]
    result = run.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert (info["ran"], info["failed"], info["skipped"]) == (4, 0, 0)
    again = run.invoke(app, [*args, "--json"])  # the same command resumes: nothing to do
    assert json.loads(again.stdout)["skipped"] == 4
    sid = info["sweep_id"]
    # one report of the sweep (a sweep's --out writes the same page: test_list_values)
    rep = run.invoke(app, ["report", sid, "--db", str(db), "--out", str(tmp_path / "r2"), "--svg"])
    assert rep.exit_code == 0, rep.output
    page = (tmp_path / "r2" / "report.html").read_text()
    assert "<script>alert(2)" not in page and "&lt;script&gt;alert(2)" in page
    assert "<img src=x" not in page
    charts = tmp_path / "r2" / "charts"
    svgs = sorted(p.stem for p in charts.glob("*.svg"))
    assert svgs and svgs == sorted(p.stem for p in charts.glob("*.png"))  # each chart, both
    assert (charts / f"{svgs[0]}.svg").read_text().lstrip().startswith("<?xml")
    assert "The chart files\n(PNG, SVG) are in" in page
    cmp = run.invoke(
        app, ["compare", "run:1", "run:3", "--db", str(db), "--out", str(tmp_path / "cmp")]
    )
    assert cmp.exit_code == 0, cmp.output
    page = (tmp_path / "cmp" / "report.html").read_text()
    assert "A (run:1)" in page and "B (run:3)" in page
    assert not list((tmp_path / "cmp" / "charts").glob("*.svg"))  # PNG only unless --svg
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


def _cells(line: str, sep: str) -> list[str]:
    return [c.strip() for c in line.strip().strip(sep).split(sep)]


def test_cli_sweep_table_headings_name_the_measure_of_their_column(tmp_path, monkeypatch):
    db = tmp_path / "h.db"
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--policy", "keywords"]
    args += ["--seeds", "1-2", "--days", "10", "--workers", "1", "--db", str(db)]
    monkeypatch.setattr(common.out, "_width", 400)  # one line per row, whatever COLUMNS says
    result = CliRunner().invoke(_cli(), args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    head_line = next(x for x in lines if x.startswith("┃") and "arm" in x)
    row = next((x for x in lines if x.startswith("│ Keyword filter only")), result.stdout)
    headings, cells = _cells(head_line, "┃"), _cells(row, "│")
    assert len(headings) == len(cells) == 1 + len(KEY_MEASURES)
    by_heading = {heading(n): n for n in MEASURES}
    assert len(by_heading) == len(MEASURES)  # no two measures share a heading
    head = load_sweep(open_db(db), json_sweep_id(result.stdout)).headline()
    head = head[head["arm"] == "Keyword filter only"].set_index("measure")
    shown = set()
    for title, cell in zip(headings[1:], cells[1:], strict=True):
        name = by_heading[title]  # every heading is a measure's own heading
        assert MEASURES[name].label in title
        assert cell.split(" [")[0] == _fmt(head.loc[name, "mean"], name), title
        shown.add(name)
    assert shown == set(KEY_MEASURES)
    # the example of the defect: the ad share sits under the ad share, not under bans
    ad = headings.index(heading("ad_share_last_week"))
    assert cells[ad].endswith("%]") and "wrongful" not in headings[ad]


def test_cli_sweep_table_in_a_narrow_terminal_cuts_no_number(tmp_path, monkeypatch):
    """At 80 columns rich cut cells with an ellipsis ("[-267.…"): a number cut short reads
    as another number. Cells fold onto more lines instead, every digit kept."""
    db = tmp_path / "n.db"
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--policy", "crackdown"]
    args += ["--seeds", "1-2", "--days", "40", "--workers", "1", "--db", str(db)]
    monkeypatch.setattr(common.out, "_width", 80)
    result = CliRunner().invoke(_cli(), args)
    assert result.exit_code == 0, result.output
    table = result.stdout[: result.stdout.index("└")]
    body = table[table.index("┡") :]
    assert "…" not in body
    head = load_sweep(open_db(db), json_sweep_id(result.stdout)).headline()
    mean = head[(head["arm"] == "No moderation") & (head["measure"] == "ad_share_last_week")]
    shown = _fmt(float(mean["mean"].iloc[0]), "ad_share_last_week")
    cells = "".join(c for line in body.splitlines() for c in line if c not in "│ ")
    assert shown in cells  # the whole number, once its folded pieces are joined


def json_sweep_id(stdout: str) -> str:
    return re.search(r"sweep (sw-[0-9a-f]+):", stdout).group(1)


def _inside(inner, outer, pad: float = 0.5) -> bool:
    return (
        inner.x0 >= outer.x0 - pad
        and inner.y0 >= outer.y0 - pad
        and inner.x1 <= outer.x1 + pad
        and inner.y1 <= outer.y1 + pad
    )


def test_avoided_chart_names_its_baseline_and_keeps_text_in_the_figure(reference, tmp_path):
    base = "Keyword filter only"
    rh = run_headlines(reference.runs, reference.metrics, base)
    head = headline(rh)
    long_arm = "A (sw-0123456789): March-2024 personal-account crackdown [delay_hours=24]"
    part = head[head["arm"] == "No moderation"].assign(arm=long_arm)
    fig = avoided_chart(part, base)
    title = fig.get_suptitle()
    assert title == f"Harm and exposure avoided against {base}, same seeds"
    assert "no moderation" not in title.lower()
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    (ax,) = fig.axes
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()][1] == "restricted units sold (harm)"
    lb, ab = legend.get_window_extent(r), ax.get_window_extent(r)
    assert not lb.overlaps(ab)  # beside the bars, never over them
    texts = [fig._suptitle, fig._supxlabel, legend, *ax.get_yticklabels()]
    assert fig._supxlabel.get_text().endswith("(mean, 95% CI)")
    for t in texts:
        assert _inside(t.get_window_extent(r), fig.bbox), t
    plt.close(fig)
    # the report names the sweep's own baseline, in the chart and its caption
    named = dataclasses.replace(reference, baseline=base)
    page = write_report(named, tmp_path / "rep").read_text()
    assert f"Harm and exposure avoided against {base}" in page
    png = plt.imread(tmp_path / "rep" / "charts" / "avoided.png")
    assert png.shape[1] > 900  # the whole 10-inch figure and its label, not a crop


def test_heading_adds_the_unit_only_where_the_label_lacks_it():
    assert heading("harm_avoided") == "harm avoided (%)"
    assert heading("ad_share_last_week") == "ad share last week (%)"
    assert heading("wrongful_bans_per_10k_accounts") == "wrongful bans per 10,000 accounts"
    assert heading("reviewer_hours") == "reviewer hours"
    assert heading("offer_impressions") == "offer impressions"


def test_band_chart_legends_sit_below_the_axes(reference):
    """With a few seeds the shaded bands fill most of a chart: a legend inside the axes
    ("best") hid some of them. It sits below the axes, inside the figure."""
    from simulation.sweeps.aggregate import daily_bands
    from simulation.sweeps.report import BAND_CHARTS, _has, band_chart

    charts = [c for c in BAND_CHARTS if _has(reference.metrics, c[0])][:3]
    bands = daily_bands(reference.runs, reference.metrics, columns=[c[0] for c in charts])
    assert len(charts) == 3
    for col, title, unit, _smooth in charts:
        fig = band_chart(bands, col, title, unit)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        (ax,) = fig.axes
        assert ax.get_legend() is None and len(fig.legends) == 1
        box = fig.legends[0].get_window_extent(renderer)
        frame = ax.get_window_extent(renderer)
        assert box.y1 <= frame.y0 and _inside(box, fig.bbox), col


@pytest.fixture(scope="module")
def kept(tmp_path_factory) -> Path:
    """A database holding the small sweep run with ``baseline="keywords"``; each test
    that changes it works on its own copy (``_copy``)."""
    db = tmp_path_factory.mktemp("kept") / "kept.db"
    _kept_sweep(db, baseline="keywords")
    return db


def _kept_sweep(db: Path, **kwargs):
    """The small sweep of ``kept`` (6 days are enough to store and delete a baseline),
    into ``db``: the same sweep each time, so it resumes what ``db`` holds."""
    return small_sweep(workers=1, db=str(db), days=6, **kwargs)


def _copy(db: Path, folder: Path) -> Path:
    """``db`` and any journal beside it, copied into ``folder``."""
    for f in db.parent.glob(db.name + "*"):
        shutil.copy(f, folder / f.name)
    return folder / db.name


def test_a_stored_sweep_keeps_its_baseline(kept, tmp_path):
    """The baseline a sweep command names is kept with the sweep: its report rebuilt from
    the database and a later command on the same sweep measure "avoided" against it (they
    measured against no moderation when it was not stored). ``report --baseline`` names
    another for one report (a preset or the policy's name) without changing what is kept;
    one that was not run exits 2 naming those that were; a later sweep command naming a
    baseline replaces it."""
    db = _copy(kept, tmp_path)
    sweep_id = _only_sweep(db)
    cli = CliRunner()

    def report(name: str, *more: str) -> str:
        out = tmp_path / name
        args = ["report", sweep_id, "--db", str(db), "--out", str(out), *more]
        done = cli.invoke(_cli(), args)
        assert done.exit_code == 0, done.output
        return (out / "report.html").read_text(encoding="utf-8")

    page = report("plain")
    assert "baseline</td><td>Keyword filter only" in page
    assert "avoided against Keyword filter only" in page
    page = report("none", "--baseline", "none")  # a preset, named as --policy names it
    assert "baseline</td><td>No moderation" in page
    assert "avoided against No moderation" in page
    result = load_sweep(open_db(db), sweep_id)
    for given, name in [
        ("keywords", "Keyword filter only"),
        ("Keyword filter only", "Keyword filter only"),  # or by the policy's own name
        ("No moderation", "No moderation"),
    ]:
        assert _policy_of(result, given) == name
    # what a later report measures against is the baseline `report` loads (its page names
    # the one loaded, as the first report shows)
    assert load(str(db), sweep_id).baseline == "Keyword filter only"  # kept as it was
    assert load_sweep(open_db(db), sweep_id).baseline == "Keyword filter only"
    assert _kept_sweep(db).baseline == "Keyword filter only"  # no --baseline
    assert _kept_sweep(db, baseline="none").baseline == "No moderation"
    assert load(str(db), sweep_id).baseline == "No moderation"  # replaced
    args = ["report", sweep_id, "--db", str(db), "--out", str(tmp_path / "w")]
    wrong = cli.invoke(_cli(), [*args, "--baseline", "zero_tolerance"])
    assert wrong.exit_code == 2
    assert "is not one of the policies run: No moderation, Keyword filter only" in wrong.output


def test_a_sweeps_baseline_goes_with_its_last_run(kept, tmp_path):
    """Deleting a sweep's runs one by one deletes its kept baseline with the last, so a
    new sweep under the same id does not inherit it."""
    from sqlmodel import select

    from simulation.runs.storage import Run, Sweep, delete_run

    db = _copy(kept, tmp_path)
    sweep_id, engine = _only_sweep(db), open_db(db, write=True)
    with Session(engine) as session:
        ids = list(session.exec(select(Run.id)).all())
    for rid in ids:
        with Session(engine) as session:
            assert session.get(Sweep, sweep_id).baseline == "Keyword filter only"
        delete_run(engine, rid)
    with Session(engine) as session:
        assert session.exec(select(Sweep)).all() == []
    assert _kept_sweep(db).baseline == "No moderation"


def _only_sweep(db) -> str:
    from sqlmodel import select

    from simulation.runs.storage import Run

    with Session(open_db(db)) as session:
        (sweep_id,) = set(session.exec(select(Run.sweep_id)).all())
    return sweep_id


def test_a_report_of_stored_runs_names_their_database(reference, tmp_path):
    """A report or comparison rebuilt from the database said its runs were kept
    "(in memory)"; it names the database they were read from, as the sweep's own
    report does (a password would be masked by the same mask_url)."""
    db = reference.db
    assert db.startswith("sqlite:///")
    path = db.removeprefix("sqlite:///")
    cli = CliRunner()
    for name, args in (
        ("sweep", ["report", reference.sweep_id]),
        ("run", ["report", "run:1"]),
        ("compare", ["compare", "run:1", "run:2"]),
    ):
        out = tmp_path / name
        done = cli.invoke(_cli(), [*args, "--db", path, "--out", str(out)])
        assert done.exit_code == 0, done.output
        page = (out / "report.html").read_text(encoding="utf-8")
        assert f"database</td><td><code>{db}</code>" in page, name
        assert "(in memory)" not in page


def test_report_tests_the_pairs_named_with_pair(reference, tmp_path):
    """`report --pair` keeps the pairs asked for (here the default's reversed: no
    moderation against the keyword filter), in the page's data and its statements."""
    db = reference.db.removeprefix("sqlite:///")
    args = ["report", reference.sweep_id, "--db", db, "--out", str(tmp_path / "r")]
    result = CliRunner().invoke(_cli(), [*args, "--pair", "none:keywords"])
    assert result.exit_code == 0, result.output
    said = pd.read_csv(tmp_path / "r" / "data" / "comparisons.csv")
    assert set(zip(said["a"], said["b"], strict=True)) == {("No moderation", "Keyword filter only")}
    bad = CliRunner().invoke(_cli(), [*args[:-1], str(tmp_path / "bad"), "--pair", "none:x"])
    assert bad.exit_code == 2
    assert "'x' is not an arm of " + reference.sweep_id in " ".join(bad.output.split())
    assert not (tmp_path / "bad").exists()  # nothing written


def test_report_pair_of_a_single_run_says_what_would_give_it_a_second_arm(tmp_path):
    db = tmp_path / "one.db"
    ran = CliRunner().invoke(
        _cli(),
        [
            "sweep",
            "--scenario",
            "classroom",
            "--policy",
            "crackdown",
            "--seeds",
            "1",
            "--days",
            "5",
            "--workers",
            "1",
            "--db",
            str(db),
        ],
    )
    assert ran.exit_code == 0, ran.output
    sweep_id = json_sweep_id(ran.stdout)
    args = ["report", sweep_id, "--db", str(db), "--out", str(tmp_path / "r")]
    said = CliRunner().invoke(_cli(), [*args, "--pair", "none:crackdown"])
    assert said.exit_code == 2
    text = " ".join(said.output.split())
    assert f"--pair: {sweep_id} has one arm" in text and "--baseline POLICY" in text
