"""Report folders: a bundle replaces what an earlier bundle wrote and nothing else; a file
Circle Lab did not write is never deleted or overwritten (exit 2 before any work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from simulation import run
from simulation.cli.main import app
from simulation.runs.bundle import MANIFEST, OutputFolderError, check_folder, owned, place

runner = CliRunner()
RUN = ["run", "--scenario", "classroom", "--days", "2", "--no-db", "--out"]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_run_into_a_folder_with_other_files_leaves_them_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    (out / "photos").mkdir()
    (out / "photos" / "a.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    before = snapshot(out)
    for _ in range(2):  # the second run replaces the first's files, and only those
        res = runner.invoke(app, [*RUN, str(out)])
        assert res.exit_code == 0, res.output
        assert {k: v for k, v in snapshot(out).items() if k in before} == before
    listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert {"report.html", "daily_metrics.csv", "summary.json", "charts"} <= set(listed)
    assert "notes.txt" not in listed and "photos" not in listed


def test_a_file_of_the_same_name_that_is_not_ours_stops_the_run_before_it_starts(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "report.html").write_text("<p>my own report</p>", encoding="utf-8")
    (out / "charts").mkdir()
    before = snapshot(out)
    res = runner.invoke(app, [*RUN, str(out)])
    assert res.exit_code == 2
    assert "report.html" in res.output and "charts" in res.output
    assert "did not write" in res.output
    assert "Traceback" not in res.output
    assert snapshot(out) == before and sorted(p.name for p in out.iterdir()) == [
        "charts",
        "report.html",
    ]


def test_out_naming_a_file_is_refused(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("keep me", encoding="utf-8")
    res = runner.invoke(app, [*RUN, str(target)])
    assert res.exit_code == 2 and "not a folder" in res.output
    assert target.read_text(encoding="utf-8") == "keep me"


def test_the_python_api_refuses_too_and_keeps_the_file(tmp_path):
    out = tmp_path / "x"
    out.mkdir()
    (out / "summary.json").write_text('{"mine": true}', encoding="utf-8")
    db = tmp_path / "runs.db"
    with pytest.raises(OutputFolderError, match=r"summary\.json"):
        run("classroom", "none", days=2, out=out, db=db)
    assert (out / "summary.json").read_text(encoding="utf-8") == '{"mine": true}'
    assert not db.exists()  # refused before any work: no run was even registered


def test_a_bundle_from_before_the_manifest_is_recognised_and_replaced(tmp_path):
    out = tmp_path / "old"
    (out / "charts").mkdir(parents=True)
    (out / "charts" / "stale.png").write_bytes(b"old chart")
    (out / "report.html").write_text("old", encoding="utf-8")
    (out / "daily_metrics.csv").write_text("day\n0\n", encoding="utf-8")
    (out / "summary.json").write_text("{}", encoding="utf-8")
    assert owned(out) == {"charts", "report.html", "daily_metrics.csv", "summary.json"}
    res = runner.invoke(app, [*RUN, str(out)])
    assert res.exit_code == 0, res.output
    assert not (out / "charts" / "stale.png").exists()  # the old bundle's chart went with it
    assert (out / "report.html").read_text(encoding="utf-8") != "old"


def test_a_sweep_report_keeps_the_study_database_and_other_files(tmp_path):
    out = tmp_path / "study"
    out.mkdir()
    (out / "study.db").write_bytes(b"database bytes")
    (out / "README.txt").write_text("what this folder is", encoding="utf-8")
    before = snapshot(out)
    args = ["sweep", "--scenario", "classroom", "--policy", "none", "--seeds", "1", "--days", "2"]
    res = runner.invoke(app, [*args, "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert {k: v for k, v in snapshot(out).items() if k in before} == before
    assert (out / "report.html").is_file()


names = st.sampled_from(["report.html", "charts", "data", "summary.json", "a.txt", "b", "c.csv"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    theirs=st.sets(names, max_size=4),
    first=st.sets(names, min_size=1, max_size=4),
    second=st.sets(names, min_size=1, max_size=4),
    dirs=st.sets(names, max_size=3),
)
def test_place_never_touches_what_it_did_not_write(tmp_path_factory, theirs, first, second, dirs):
    """Whatever the folder held, placing bundles either refuses before moving anything or
    replaces exactly the previous bundle's entries; the others' bytes never change."""
    root = tmp_path_factory.mktemp("place")
    out = root / "out"
    out.mkdir()
    for n in theirs:
        if n in dirs:
            (out / n).mkdir()
            (out / n / "inner").write_text(f"theirs {n}", encoding="utf-8")
        else:
            (out / n).write_text(f"theirs {n}", encoding="utf-8")
    before = snapshot(out)
    placed: set[str] = set()
    for k, entries in enumerate((first, second)):
        staged = root / f"staged{k}"
        staged.mkdir()
        for n in entries:
            (staged / n).write_text(f"bundle {k} {n}", encoding="utf-8")
        state = snapshot(out)
        try:
            check_folder(out, entries)
        except OutputFolderError:
            with pytest.raises(OutputFolderError):
                place(staged, out)
            assert snapshot(out) == state  # refused: nothing moved
            assert entries & theirs
            continue
        place(staged, out)
        placed = set(entries)
        for n in entries:
            assert (out / n).read_text(encoding="utf-8") == f"bundle {k} {n}"
    mine = {p for p in snapshot(out) if p.split("/")[0] in placed or p == MANIFEST}
    assert {p: v for p, v in snapshot(out).items() if p not in mine} == before


def test_the_rule_table_wraps_its_headers_and_scrolls_by_itself(tmp_path):
    """The rule table has a dozen counts: with their names as written (one long word
    each) it was 1,700 px wide and made the whole page scroll sideways at 1280 px."""
    run("classroom", "crackdown", days=2, out=tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    table = page[page.index("<h2>What each rule did</h2>") :]
    assert table.startswith(
        "<h2>What each rule did</h2><p>Each count summed over the run's days.</p>"
        '<div class=wide><table class="dataframe"'
    )
    head = table[: table.index("</thead>")]
    assert "wrongful account actions" in head and "wrongful_" not in head
    assert ".wide{overflow-x:auto;" in page
    assert "<th>rule</th>" in head
    assert "<th>action</th>" in head


def test_the_rule_table_says_what_each_rule_does(tmp_path):
    """The table listed an allow rule's hits as true and false positives, and a restrict
    rule's beside a remove rule's, without saying what either did: each row now gives the
    rule's action (every policy's, when the run changed policy)."""
    from policy import load_policy
    from simulation.runs.live import save_live
    from simulation.scenario import load_scenario
    from simulation.world.engine import Simulation

    run("classroom", "report_driven", days=2, out=tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<td>reported-account</td>\n      <td>restrict</td>" in page
    assert "<td>reported-post</td>\n      <td>review</td>" in page
    assert "<tr><td>action</td><td></td><td>What the rule does" in page
    # a run that changed policy: the rules of both, each with its own policy's action
    sim = Simulation(load_scenario("classroom").with_changes({"days": 4}), load_policy("spam"))
    sim.step()
    sim.set_policy(load_policy("report_driven"))
    for _ in range(3):
        sim.step()
    save_live(sim, out=tmp_path / "live")
    page = (tmp_path / "live" / "report.html").read_text(encoding="utf-8")
    assert "<td>prize-words-only</td>\n      <td>shadow (would label)</td>" in page
    assert "<td>reported-account</td>\n      <td>restrict</td>" in page


def test_the_rule_table_gives_the_units_of_its_totals(tmp_path):
    """The table sums each rule's daily counts over the run: its definitions say posts and
    accounts, not the daily counts' posts/day (a total of 3,351 "posts/day" misreads)."""
    result = run("classroom", "crackdown", days=40, out=tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    defs = page[page.index("<th>count</th><th>unit</th>") :]
    defs = defs[: defs.index("</table>")]
    assert "<tr><td>hits</td><td>posts</td>" in defs
    assert "<tr><td>wrongful bans</td><td>bans</td>" in defs
    assert "/day" not in defs
    # and the table's numbers are those sums
    totals = result.rules.groupby("name")["hits"].sum()
    first = totals.index[0]
    assert f"<td>{first}</td>" in page and f"<td>{int(totals[first])}</td>" in page


@pytest.mark.parametrize(
    ("scenario", "policy", "days"),
    [("classroom", "crackdown", 90), ("classroom", "none", 90), ("demo", "report_driven", 60)],
)
def test_no_chart_legend_covers_a_line(scenario, policy, days):
    """The report's legends sat in fixed corners over the lines (spam posted, the
    spammers, a category's offers, chat sales): no point of any line is under a legend,
    nor of the event marks' lines (each line in its own coordinates: a mark's height is
    a share of the axes), and no mark's label touches a legend. The runs have marks on
    day 30 (the crackdown's; the classroom's announcement) and day 0."""
    import numpy as np

    from simulation.runs.figures import CHARTS, MARK_GID, draw
    from simulation.runs.outputs import bundle_args, chart_marks

    result = run(scenario, policy, days=days, keep_simulation=True)
    m = result.metrics
    _metrics, _summary, _title, policy_text, scenario_text, _rules, history = bundle_args(
        result, result.simulation
    )
    marks = chart_marks(scenario_text, policy_text, history, len(m))
    assert marks and {day for day, _ in marks} <= {0, 30}
    covered, touched, drawn = {}, {}, 0
    for name in CHARTS:
        fig = draw(name, m, marks=marks)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            legend = ax.get_legend()
            if legend is None:
                continue
            box = legend.get_window_extent(renderer)
            for line in ax.get_lines():
                xy = line.get_xydata()
                x, y = line.get_transform().transform(xy[np.isfinite(xy).all(axis=1)]).T
                under = (x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)
                if under.any():
                    covered[f"{name}: {line.get_label()}"] = int(under.sum())
            for text in ax.texts:
                if text.get_gid() == MARK_GID:
                    drawn += 1
                    if text.get_window_extent(renderer).overlaps(box):
                        touched[name] = text.get_text()
    assert covered == {} and touched == {}
    assert drawn >= len(CHARTS)  # the marks were drawn, on every chart


def test_chart_legends_name_categories_in_words():
    """The report's charts label a category as the app does: "sexual health", not the
    column's sexual_health."""
    from simulation.runs.figures import draw

    result = run("classroom", "crackdown", days=3)
    for name in ("offers_by_category", "offer_reach", "sellers", "harm"):
        legend = draw(name, result.metrics).axes[0].get_legend()
        labels = [t.get_text() for t in legend.get_texts()]
        assert labels and not any("_" in label for label in labels), (name, labels)
    labels = [
        t.get_text() for t in draw("offer_reach", result.metrics).axes[0].get_legend().get_texts()
    ]
    assert "sexual health" in labels
