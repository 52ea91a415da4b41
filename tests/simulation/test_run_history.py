"""What was changed while a live run ran is kept, stored and told: a world stepped by hand
(the desktop app's) that had a parameter changed and another policy put in force mid-run is
saved with the policy and scenario it was set up with and its history, and every view of
the stored run (report, ``runs list``, ``report``/``compare``, marks) says which policy and
which values were in force on which days, not the last ones as if from day 0."""

from __future__ import annotations

import copy
import json
import pickle
import re

import pytest
from typer.testing import CliRunner

import simulation
from policy import load_policy, load_policy_text
from policy.errors import LocatedError
from simulation.cli.main import app
from simulation.metrics.summary import days_to_halve, parts
from simulation.runs.history import RunHistory, loads, policy_schedule
from simulation.runs.live import closed_copy, live_result, save_live
from simulation.runs.marks import ANNOUNCEMENT, PARAMETER, POLICY, run_marks
from simulation.runs.outputs import export_stored_run
from simulation.runs.result import policy_start
from simulation.runs.storage import get_run, open_db
from simulation.scenario import load_scenario, parse_scenario
from simulation.world.engine import Simulation
from simulation.world.history import effective

runner = CliRunner()
KEY = "posting.spammer_per_day"
CHANGED_ON, APPLIED_ON, DAYS = 5, 8, 12
CHAIN = f"No moderation → Keyword filter only (day {APPLIED_ON})"


def _world(policy: str = "none", days: int = 20) -> Simulation:
    return Simulation(load_scenario("classroom").with_changes({"days": days}), load_policy(policy))


def _live() -> Simulation:
    """Unmoderated; spam rate doubled from day 5; the keyword filter from day 8; 12 days."""
    sim = _world()
    for _ in range(CHANGED_ON):
        sim.step()
    sim.set_param(KEY, 8.0)
    for _ in range(APPLIED_ON - CHANGED_ON):
        sim.step()
    sim.set_policy(load_policy("keywords"))
    for _ in range(DAYS - APPLIED_ON):
        sim.step()
    return sim


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The live world, saved to SQLite with its report, beside a headless run."""
    folder = tmp_path_factory.mktemp("history")
    sim = _live()
    db = folder / "runs.db"
    result = save_live(sim, db=db, out=folder / "report")
    plain = simulation.run("classroom", "none", days=DAYS, db=db)
    return sim, result, plain, db, folder


def _text(page: str) -> str:
    """A page's words: tags dropped, entities read, spaces collapsed."""
    import html

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


# ---------------------------------------------------------------------- the engine
def test_each_change_is_kept_with_the_day_it_acts_from(saved):
    sim, *_ = saved
    keywords = load_policy("keywords")
    param, policy = sim.history
    assert param == {"day": CHANGED_ON, "kind": "parameter", "key": KEY, "old": 4.0, "new": 8.0}
    assert policy["day"] == APPLIED_ON and policy["kind"] == "policy"
    assert policy["name"] == keywords.name and policy["source"] == keywords.source
    assert policy["replaces"] == "No moderation" and policy["phases"] == [[0, True]]
    # "from the next day": the day the change was recorded for is the first that ran with it
    rules = sim.rule_frame()
    assert set(rules.loc[rules["day"] == APPLIED_ON - 1, "name"]) == set()
    assert set(rules.loc[rules["day"] == APPLIED_ON, "name"]) == set(keywords.rule_names)
    # the starting point is kept apart from what the world runs with now
    assert sim.start_scenario.posting.spammer_per_day == 4.0
    assert sim.scenario.posting.spammer_per_day == 8.0
    assert sim.start_policy["name"] == "No moderation"


def test_a_change_made_after_setup_before_the_first_day_counts_from_day_0():
    sim = _world()
    sim.set_policy(load_policy("keywords"))
    sim.set_param(KEY, 2.0)
    assert [(c["day"], c["kind"]) for c in sim.history] == [(0, "policy"), (0, "parameter")]
    sim.step()
    assert set(sim.rule_frame()["name"]) == set(load_policy("keywords").rule_names)
    periods = RunHistory.of_simulation(sim).periods()
    assert [(p.name, p.days) for p in periods] == [("No moderation", 0), ("Keyword filter only", 1)]
    assert "replaced before day 0 ran" in periods[0].describe(1)


def test_a_refused_value_changes_and_records_nothing():
    sim = _world()
    with pytest.raises(KeyError):
        sim.set_param("posting.no_such_rate", 1.0)
    with pytest.raises(ValueError):
        sim.set_param(KEY, -5.0)
    assert sim.history == [] and sim.scenario == sim.start_scenario


def test_the_history_is_plain_data_that_survives_every_copy(saved):
    sim, *_ = saved
    assert json.loads(json.dumps(sim.history)) == sim.history
    assert pickle.loads(pickle.dumps(sim.history)) == sim.history
    assert pickle.loads(pickle.dumps(sim.start_policy)) == sim.start_policy
    assert closed_copy(sim).history == sim.history
    assert copy.deepcopy(sim, {id(sim.policy): sim.policy}).history == sim.history
    headless = simulation.run("classroom", "crackdown", days=2, keep_simulation=True)
    assert headless.simulation.history == []


def test_changes_that_never_took_effect_count_once():
    history = [
        {"day": 3, "kind": "parameter", "key": "a", "old": 1, "new": 2},
        {"day": 3, "kind": "policy", "name": "X", "source": "x", "replaces": "S"},
        {"day": 3, "kind": "parameter", "key": "a", "old": 2, "new": 5},
        {"day": 3, "kind": "policy", "name": "Y", "source": "y", "replaces": "X"},
        {"day": 4, "kind": "parameter", "key": "b", "old": 1, "new": 2},
        {"day": 4, "kind": "parameter", "key": "b", "old": 2, "new": 1},  # and back
    ]
    assert effective(history) == [
        {"day": 3, "kind": "parameter", "key": "a", "old": 1, "new": 5},
        {"day": 3, "kind": "policy", "name": "Y", "source": "y", "replaces": "S"},
    ]
    assert RunHistory("S", "s", tuple(history), 10).name() == "S → Y (day 3)"


# ---------------------------------------------------------------------- stored
def test_the_stored_run_holds_what_it_was_set_up_with_and_its_history(saved):
    sim, result, plain, db, _ = saved
    engine = open_db(db)
    run = get_run(engine, result.run_id)
    assert run.policy_name == CHAIN and CHAIN in run.name
    assert run.policy_text == load_policy("none").source  # the policy of day 0, not the last
    scenario = parse_scenario(run.scenario_yaml, "stored")
    assert scenario.posting.spammer_per_day == 4.0  # the value of day 0, not the last
    assert loads(run.history_json) == sim.history
    assert json.loads(run.summary_json)["policy"] == CHAIN
    assert get_run(engine, plain.run_id).history_json == "[]"  # headless: nothing changed
    assert RunHistory.of_run(run).start_name == "No moderation"


def test_the_report_tells_which_policy_and_values_were_in_force_when(saved):
    sim, result, _plain, db, folder = saved
    page = _text((folder / "report" / "report.html").read_text("utf-8"))
    assert "Changes during the run" in page
    assert f"Day {CHANGED_ON}: parameter {KEY}: 4.0 → 8.0 from day {CHANGED_ON}" in page
    assert (
        f"Day {APPLIED_ON}: policy “Keyword filter only” in force from day {APPLIED_ON} "
        "(in place of “No moderation”" in page
    )
    assert "Not one policy" in page
    assert f"days 0–{APPLIED_ON - 1} (set up with the run) No moderation" in page
    assert (
        f"days {APPLIED_ON}–{DAYS - 1} (put in force on day {APPLIED_ON}) Keyword filter only"
        in page
    )
    assert f"classroom × {CHAIN}, seed" in page  # the title
    assert '"spammer_per_day": 4.0' in page  # the scenario as set up
    assert json.loads((folder / "report" / "changes.json").read_text("utf-8")) == sim.history
    # the same report rebuilt from the database
    again = export_stored_run(open_db(db), result.run_id, folder / "export")
    rebuilt = _text((again / "report.html").read_text("utf-8"))
    for words in (
        f"Day {CHANGED_ON}: parameter {KEY}: 4.0 → 8.0 from day {CHANGED_ON}",
        f"days {APPLIED_ON}–{DAYS - 1} (put in force on day {APPLIED_ON}) Keyword filter only",
    ):
        assert words in rebuilt


def test_a_run_that_ran_as_set_up_says_nothing_changed(saved):
    *_, plain, db, folder = saved
    out = export_stored_run(open_db(db), plain.run_id, folder / "plain")
    page = _text((out / "report.html").read_text("utf-8"))
    assert "Changes during the run None: nothing was changed by hand" in page
    assert "Not one policy" not in page
    assert json.loads((out / "changes.json").read_text("utf-8")) == []


def test_runs_list_marks_the_runs_with_changes(saved, monkeypatch):
    import io

    from rich.console import Console

    from simulation.cli import cmd_stored

    _sim, result, plain, db, _ = saved
    listing = runner.invoke(app, ["runs", "list", "--db", str(db), "--json"])
    assert listing.exit_code == 0, listing.output
    rows = {r["id"]: r for r in json.loads(listing.output)}
    assert rows[result.run_id]["policy"] == CHAIN
    assert rows[result.run_id]["changes"] == [
        {"day": CHANGED_ON, "kind": "parameter", "key": KEY, "old": 4.0, "new": 8.0},
        {
            "day": APPLIED_ON,
            "kind": "policy",
            "name": "Keyword filter only",
            "replaces": "No moderation",
        },
    ]
    assert rows[plain.run_id]["changes"] == []
    screen = io.StringIO()
    monkeypatch.setattr(cmd_stored, "out", Console(file=screen, width=250, markup=False))
    assert runner.invoke(app, ["runs", "list", "--db", str(db)]).exit_code == 0
    table = screen.getvalue()
    lines = {line.split("│")[1].strip(): line for line in table.splitlines() if "│" in line}
    changed, unchanged = lines[str(result.run_id)], lines[str(plain.run_id)]
    assert CHAIN in changed
    assert f"day {CHANGED_ON} {KEY} 4.0 → 8.0; day {APPLIED_ON} policy" in changed
    assert "→" not in unchanged and unchanged.split("│")[-2].strip() == ""  # no change
    assert "changes: made by hand while the run ran" in table


def test_report_and_compare_of_stored_runs_tell_the_changes(saved):
    _sim, result, plain, db, folder = saved
    from simulation.sweeps.store import load_runs

    loaded = load_runs(open_db(db), [result.run_id, plain.run_id])
    runs = loaded.runs.set_index("run_id")
    # no moderation for 8 days and then a keyword filter is neither a baseline nor a
    # policy in force from day 0: "avoided" is measured from the day its rules acted
    assert not runs.loc[result.run_id, "is_baseline"] and runs.loc[plain.run_id, "is_baseline"]
    assert runs.loc[result.run_id, "policy_start"] == APPLIED_ON
    assert "# ---- Keyword filter only: days 8–11" in loaded.texts[CHAIN]
    out = folder / "cmd-report"
    done = runner.invoke(app, ["report", str(result.run_id), "--db", str(db), "--out", str(out)])
    assert done.exit_code == 0, done.output
    page = _text((out / "report.html").read_text("utf-8"))
    assert "Changes during the run" in page and f"run {result.run_id} · {CHAIN}" in page
    assert f"Day {APPLIED_ON}: policy “Keyword filter only” in force" in page
    out = folder / "cmd-compare"
    argv = ["compare", str(plain.run_id), str(result.run_id), "--db", str(db), "--out", str(out)]
    done = runner.invoke(app, argv)
    assert done.exit_code == 0, done.output
    page = _text((out / "report.html").read_text("utf-8"))
    assert f"B ({result.run_id}): run {result.run_id} · {CHAIN}" in page
    assert f"Day {CHANGED_ON}: parameter {KEY}: 4.0 → 8.0" in page


def test_the_summary_counts_the_policy_start_from_when_rules_acted():
    """No moderation for 8 days, then zero tolerance: restricted offers halve 7 days after
    day 8. Counted from zero tolerance's own start (day 0) the measure was undefined."""
    sim = _world(days=30)
    for _ in range(APPLIED_ON):
        sim.step()
    sim.set_policy(load_policy("zero_tolerance"))
    sim.run(30 - APPLIED_ON)
    result = live_result(sim)
    assert policy_start(result.simulation) == APPLIED_ON
    offers = result.metrics[parts(result.metrics, "offers_created")].sum(axis=1).to_numpy(float)
    assert result.summary["days_to_halve"] == days_to_halve(offers, APPLIED_ON) == 7
    assert result.summary["policy"] == "No moderation → Zero tolerance (day 8)"


def test_the_policy_start_of_a_schedule_and_of_a_replaced_policy():
    later = _world("none")
    later.step()
    later.set_policy(load_policy("crackdown", start_day=6))
    assert policy_start(later) == 6  # put in force on day 1, its rules act from day 6
    gone = _world("crackdown")  # the crackdown's rules start on day 30 ...
    gone.step()
    gone.set_policy(load_policy("none"))  # ... but it was replaced on day 1: none acted
    assert policy_start(gone) == 0


# ---------------------------------------------------------------------- marks
def test_a_stored_run_has_the_marks_the_live_run_had(saved):
    sim, result, _plain, db, _ = saved
    live = run_marks(sim.start_scenario, load_policy("none"), sim.history)
    run = get_run(open_db(db), result.run_id)
    stored = run_marks(
        parse_scenario(run.scenario_yaml, "stored"),
        policy_schedule(run.policy_text),
        loads(run.history_json),
    )
    assert stored == live
    assert (CHANGED_ON, PARAMETER, f"{KEY} = 8.0") in {(m.day, m.kind, m.detail) for m in live}
    assert (APPLIED_ON, POLICY, "Keyword filter only") in {(m.day, m.kind, m.detail) for m in live}


def test_a_replaced_policy_marks_nothing_after_its_replacement():
    """The crackdown set up (in force from day 30, announced then) and replaced on day 10
    by no moderation: no "policy in force" on day 30, and no announcement of its own."""
    sim = _world("crackdown", days=40)
    policy = load_policy("crackdown")
    before = run_marks(sim.start_scenario, policy, [])
    assert (30, POLICY) in {(m.day, m.kind) for m in before}
    for _ in range(10):
        sim.step()
    sim.set_policy(load_policy("none"))
    marks = run_marks(sim.start_scenario, policy, sim.history)
    assert [(m.day, m.detail) for m in marks if m.kind == POLICY] == [(10, "No moderation")]
    scenario_only = run_marks(sim.start_scenario, None, [])
    assert [m for m in marks if m.kind == ANNOUNCEMENT] == [
        m for m in scenario_only if m.kind == ANNOUNCEMENT
    ]


def test_a_policy_put_in_force_on_its_announcement_day_shows_the_announcement():
    """The crackdown (announced on day 12, in force from day 12) applied on day 12 to an
    unmoderated world: the engine hears its announcement, so the marks show it too (they
    showed only "policy in force")."""
    sim = _world("none", days=14)
    for _ in range(12):
        sim.step()
    sim.set_policy(load_policy("crackdown", start_day=12))
    assert [a.day for a in sim.world.announcements] == [12]
    marks = run_marks(sim.start_scenario, load_policy("none"), sim.history)
    assert {(m.day, m.kind) for m in marks if m.day == 12} == {(12, POLICY), (12, ANNOUNCEMENT)}


SCHEDULED_WITH_A_FILE = """\
version: 1
name: Scheduled with a terms file
start_day: 4
announcements:
  - {risk_multiplier: 2.0}
detectors:
  words:
    type: keywords
    terms_file: {tobacco: words.txt}
rules:
  - {name: words, when: {hit: words}, action: remove}
"""


def test_a_stored_policy_whose_terms_file_is_gone_still_has_its_marks(tmp_path):
    """A run set up with a policy whose terms file sat beside it, reopened where the file
    is not: the policy no longer compiles, and its own schedule (in force and announced
    from day 4) was missing from the reopened run's marks. The marks read the schedule
    from the text alone."""
    from simulation import run

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "policy.yaml").write_text(SCHEDULED_WITH_A_FILE, encoding="utf-8")
    (folder / "words.txt").write_text("vape\n", encoding="utf-8")
    db = tmp_path / "r.db"
    result = run("classroom", folder / "policy.yaml", days=6, db=db)
    live = run_marks(load_scenario("classroom"), load_policy(folder / "policy.yaml"), [])
    (folder / "words.txt").unlink()
    stored = get_run(open_db(db), result.run_id)
    with pytest.raises(LocatedError):
        load_policy_text(stored.policy_text, "stored")  # what the marks used to need
    schedule = policy_schedule(stored.policy_text)
    marks = run_marks(parse_scenario(stored.scenario_yaml, "stored"), schedule, [])
    assert marks == live
    assert {(4, POLICY), (4, ANNOUNCEMENT)} <= {(m.day, m.kind) for m in marks}
