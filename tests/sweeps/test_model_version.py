"""A resumed sweep never reuses, nor mixes with new ones, runs stored under another model
version (``simulation.model_version``): the rules changed since ("posts made before a rule
was in force earn no strikes", "reinstatement restores ban-swept posts"), so their numbers
are of another model. Runs stored before versions were recorded (NULL) are version 0."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.model_version import MODEL_VERSION
from simulation.runs.report_words import Words
from simulation.runs.storage import engine_for, open_db
from simulation.sweeps.report import headline_cell, older_arms, seeds_per_arm
from simulation.sweeps.store import load_sweep
from simulation.sweeps.sweep import sweep

ARGS = dict(scenario="classroom", policies=["none"], days=2, workers=1)
UNRECORDED = "model version 0 (stored before model versions were recorded)"


def _as_before_versions(db: str, seeds: list[int]) -> None:
    """Make the stored runs of ``seeds`` look stored before versions were recorded."""
    con = sqlite3.connect(db)
    marks = ",".join("?" * len(seeds))
    con.execute(f"UPDATE run SET model_version = NULL WHERE seed IN ({marks})", seeds)
    con.commit()
    con.close()


def _versions(db: str) -> list[tuple[int, int | None]]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT seed, model_version FROM run ORDER BY seed").fetchall()
    con.close()
    return rows


def test_each_stored_run_records_the_model_version(tmp_path):
    db = str(tmp_path / "s.db")
    result = sweep(seeds="1-2", db=db, **ARGS)
    assert _versions(db) == [(1, MODEL_VERSION), (2, MODEL_VERSION)]
    assert list(result.runs["model_version"]) == [MODEL_VERSION, MODEL_VERSION]


def test_a_resume_reruns_runs_of_another_model_version_and_says_so(tmp_path):
    db = str(tmp_path / "s.db")
    first = sweep(seeds="1-3", db=db, **ARGS)
    _as_before_versions(db, [2, 3])
    again = sweep(seeds="1-3", db=db, **ARGS)
    assert (again.ran, again.skipped, again.rerun, again.failed) == (2, 1, 2, 0)
    assert again.sweep_id == first.sweep_id
    # the old runs were replaced, not kept beside the new ones
    assert _versions(db) == [(1, MODEL_VERSION), (2, MODEL_VERSION), (3, MODEL_VERSION)]
    assert sorted(again.runs["seed"]) == [1, 2, 3]
    (note,) = [n for n in again.notes if "run again" in n]
    assert note.startswith(f"2 stored runs of this sweep were made under {UNRECORDED}")
    assert f"not this one ({MODEL_VERSION})" in note
    # said in a report's language too
    assert "重新运行" in note.said(Words("zh_CN"))


def test_stored_runs_of_another_version_outside_the_plan_are_left_out(tmp_path):
    db = str(tmp_path / "s.db")
    sweep(seeds="1-3", db=db, **ARGS)
    _as_before_versions(db, [3])
    again = sweep(seeds="1-2", db=db, **ARGS)  # the same sweep id: seed 3 not in the plan
    assert (again.ran, again.skipped, again.rerun) == (0, 2, 0)
    assert sorted(again.runs["seed"]) == [1, 2]  # seed 3 (version 0) is not mixed in
    assert set(again.runs["model_version"]) == {MODEL_VERSION}
    assert any(
        n.startswith(f"1 stored run made under {UNRECORDED} is left out") for n in again.notes
    )
    assert _versions(db)[-1] == (3, None)  # kept in the database, not deleted


def test_old_runs_read_back_say_their_missing_measures_are_missing(tmp_path):
    """Runs stored before the distinct-account measures were counted: their cells say the
    measure is missing from runs of that model version, not a bare "–"."""
    db = str(tmp_path / "s.db")
    result = sweep(seeds="1-2", db=db, **ARGS)
    _as_before_versions(db, [1, 2])
    con = sqlite3.connect(db)
    con.execute("DELETE FROM dailymetric WHERE metric LIKE 'accounts_wrongly_%'")
    con.commit()
    con.close()
    old = load_sweep(open_db(db), result.sweep_id)
    (note,) = [n for n in old.notes if n.startswith(f"these runs were made under {UNRECORDED}")]
    # runs of an older version may hold every measure: the note does not say they do not
    assert "a measure counted since may be missing from them" in note
    (arm,) = set(old.runs["arm"])
    assert older_arms(old.runs) == {arm: 0}
    head = old.headline()
    row = head[head["measure"] == "accounts_wrongly_banned_per_10k_accounts"].iloc[0]
    seeds = seeds_per_arm(old.runs)[arm]
    assert headline_cell(row, row["measure"], seeds) == "–"  # what the table showed
    said = headline_cell(row, row["measure"], seeds, older=0)
    assert said == f"missing: runs of {UNRECORDED}"
    zh = headline_cell(row, row["measure"], seeds, Words("zh_CN"), older=0)
    assert zh != said and "0" in zh
    # a measure the old runs do have is shown as always
    harm = head[head["measure"] == "reviewer_hours"].iloc[0]
    assert headline_cell(harm, "reviewer_hours", seeds, older=0) == headline_cell(
        harm, "reviewer_hours", seeds
    )


def test_runs_of_a_database_from_before_versions_are_run_again(tmp_path):
    """A database of schema version 4 has no column for the model version: opened, it
    gains it (NULL for its runs), and a resume runs those again."""
    db = str(tmp_path / "v4.db")
    sweep(seeds="1", db=db, **ARGS)
    engine_for.cache_clear()
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE run DROP COLUMN model_version")
    con.execute("UPDATE circlelab_schema SET value = '4' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    again = sweep(seeds="1", db=db, **ARGS)
    assert (again.ran, again.skipped, again.rerun) == (1, 0, 1)
    assert _versions(db) == [(1, MODEL_VERSION)]


def test_the_sweep_command_counts_the_runs_run_again(tmp_path):
    db = str(tmp_path / "s.db")
    cmd = ["sweep", "--scenario", "classroom", "--policy", "none", "--seeds", "1-2"]
    cmd += ["--days", "2", "--workers", "1", "--db", db]
    assert CliRunner().invoke(app, cmd).exit_code == 0
    _as_before_versions(db, [2])
    res = CliRunner().invoke(app, cmd)
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert "1 runs done (0 failed, 1 of them replacing runs made under another model" in said
    assert "1 already complete" in said
    assert f"note: 1 stored run of this sweep was made under {UNRECORDED}" in said
    res = CliRunner().invoke(app, [*cmd, "--json"])
    assert '"rerun": 0' in res.output and '"skipped": 2' in res.output


def _set_version(db: str, seeds: list[int], version: int) -> None:
    con = sqlite3.connect(db)
    marks = ",".join("?" * len(seeds))
    con.execute(f"UPDATE run SET model_version = ? WHERE seed IN ({marks})", [version, *seeds])
    con.commit()
    con.close()


def test_runs_of_a_newer_circle_lab_are_refused_never_replaced(tmp_path):
    """Runs made by a newer Circle Lab (a higher model version) sharing the database: the
    older code refused nothing and deleted them, and a report said measures were missing
    from them. A resume is now refused with nothing changed; read back, the note says
    they are of a newer version."""
    db = str(tmp_path / "s.db")
    first = sweep(seeds="1-2", db=db, **ARGS)
    _set_version(db, [1, 2], MODEL_VERSION + 1)
    with pytest.raises(ValueError, match="newer Circle Lab") as exc:
        sweep(seeds="1-2", db=db, **ARGS)
    said = str(exc.value)
    assert f"model version {MODEL_VERSION + 1}; this one is version {MODEL_VERSION}" in said
    assert "nothing was changed" in said
    assert _versions(db) == [(1, MODEL_VERSION + 1), (2, MODEL_VERSION + 1)]
    back = load_sweep(open_db(db), first.sweep_id)
    (note,) = [n for n in back.notes if "Circle Lab" in n]
    assert note.startswith(
        f"these runs were made by a newer Circle Lab (model version {MODEL_VERSION + 1}"
    )
    assert "missing" not in note
    res = CliRunner().invoke(
        app,
        [
            "sweep",
            "--scenario",
            "classroom",
            "--policy",
            "none",
            "--seeds",
            "1-2",
            "--days",
            "2",
            "--workers",
            "1",
            "--db",
            db,
        ],
    )
    assert res.exit_code == 2 and "made by a newer Circle Lab" in " ".join(res.output.split())


def test_an_interrupted_resume_keeps_the_runs_it_did_not_replace(tmp_path):
    """The older version's runs were all deleted before any new run was made: a resume
    stopped after its first job lost the others. Each is now deleted only once its
    replacement is stored complete."""
    from simulation.sweeps.execute import execute

    db = str(tmp_path / "s.db")
    sweep(seeds="1-3", db=db, **ARGS)
    _as_before_versions(db, [1, 2, 3])
    calls = []

    def stops_at_the_second(job):
        calls.append(job.seed)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return execute(job)

    with pytest.raises(KeyboardInterrupt):
        sweep(seeds="1-3", db=db, runner=stops_at_the_second, **ARGS)
    rows = _versions(db)
    assert len(rows) == 3  # one replaced, two old runs kept
    assert sorted(v for _s, v in rows if v is not None) == [MODEL_VERSION]
    assert sum(v is None for _s, v in rows) == 2
    again = sweep(seeds="1-3", db=db, **ARGS)  # the next resume finishes the job
    assert (again.ran, again.skipped, again.rerun) == (2, 1, 2)
    assert _versions(db) == [(1, MODEL_VERSION), (2, MODEL_VERSION), (3, MODEL_VERSION)]


def test_a_comparison_of_two_versions_says_so(tmp_path):
    db = str(tmp_path / "s.db")
    old = sweep(seeds="1-2", db=db, sweep_id="old", **ARGS)
    new = sweep(seeds="1-2", db=db, sweep_id="new", **ARGS)
    con = sqlite3.connect(db)
    con.execute("UPDATE run SET model_version = NULL WHERE sweep_id = 'old'")
    con.commit()
    con.close()
    out = tmp_path / "cmp"
    res = CliRunner().invoke(
        app, ["compare", old.sweep_id, new.sweep_id, "--db", db, "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    said = " ".join(res.output.split())
    assert (
        f"A (old) holds runs of {UNRECORDED} and B (new) runs of model version "
        f"{MODEL_VERSION}: their numbers were computed under different rules" in said
    )
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "computed under different rules" in page


def test_a_single_runs_baseline_of_another_version_is_named(tmp_path):
    """``report RUN --baseline none`` with a run of the same world under ``none`` made
    under another model version said no such run is stored; it now names it and why it
    is not used."""
    db = str(tmp_path / "r.db")
    base = ["run", "--scenario", "classroom", "--days", "3", "--seed", "1", "--db", db]
    for policy in ("none", "crackdown"):
        assert CliRunner().invoke(app, [*base, "--policy", policy]).exit_code == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE run SET model_version = NULL WHERE policy_name = 'No moderation'")
    (none_id,) = con.execute("SELECT id FROM run WHERE policy_name = 'No moderation'").fetchone()
    (run_id,) = con.execute("SELECT id FROM run WHERE policy_name != 'No moderation'").fetchone()
    con.commit()
    con.close()
    res = CliRunner().invoke(
        app,
        ["report", str(run_id), "--baseline", "none", "--db", db, "--out", str(tmp_path / "r")],
    )
    said = " ".join(res.output.split())
    assert res.exit_code == 2, res.output
    assert (
        f"run {none_id} is of the same world under it, but was made under model version 0" in said
    )
    assert "no complete run of the same world" not in said


def test_the_runs_list_shows_a_runs_model_version(tmp_path):
    """Which stored runs a sweep would run again, or leave out, was not visible: the
    list gives each run's model version (a column only when some run's differs)."""
    import json

    db = str(tmp_path / "s.db")
    sweep(seeds="1-2", db=db, **ARGS)
    listed = CliRunner().invoke(app, ["runs", "list", "--db", db, "--json"])
    assert [r["model"] for r in json.loads(listed.output)] == [MODEL_VERSION] * 2
    plain = CliRunner().invoke(app, ["runs", "list", "--db", db])
    assert "model" not in plain.output  # every run of this version: no column
    _as_before_versions(db, [2])
    plain = CliRunner().invoke(app, ["runs", "list", "--db", db])
    said = " ".join(plain.output.split())
    assert "model" in plain.output.splitlines()[1]  # the header
    assert (
        f"model: the model version a run was made under (this Circle Lab's is {MODEL_VERSION}"
        in said
    )


def test_an_outcome_from_a_worker_without_versions_is_not_taken_for_this_version():
    """A Dask worker on code from before versions were recorded sends an Outcome without
    the field: it read as the receiving process's version (its default) and was stored
    as current. It reads as unrecorded now (stored NULL, version 0: run again later)."""
    import pickle

    from simulation.sweeps.execute import Outcome

    sent = Outcome("key", True)
    del sent.__dict__["model_version"]  # as an older worker's object arrives
    got = pickle.loads(pickle.dumps(sent))
    assert got.model_version is None


def _duplicate_run(db: str, seed: int) -> None:
    """Store a second run row for the job of ``seed`` (as a sweep made before a policy
    given twice became one arm could leave)."""
    con = sqlite3.connect(db)
    cols = [c[1] for c in con.execute("PRAGMA table_info(run)") if c[1] != "id"]
    names = ", ".join(cols)
    con.execute(f"INSERT INTO run ({names}) SELECT {names} FROM run WHERE seed = ?", (seed,))
    con.commit()
    con.close()


def test_the_rerun_note_counts_stored_runs_not_jobs(tmp_path):
    """The note counted the jobs that replaced older runs, not the runs: a job holding two
    stored runs read "1 stored run"."""
    db = str(tmp_path / "s.db")
    first = sweep(seeds="1", db=db, **ARGS)
    _duplicate_run(db, 1)
    _as_before_versions(db, [1])
    assert len(_versions(db)) == 2  # one job now holds two stored runs
    again = sweep(seeds="1", db=db, sweep_id=first.sweep_id, **ARGS)
    (note,) = [n for n in again.notes if "run again" in n]
    assert note.startswith(f"2 stored runs of this sweep were made under {UNRECORDED}")
    assert (again.ran, again.rerun) == (1, 1)  # the jobs done, as the terminal counts them
    assert _versions(db) == [(1, MODEL_VERSION)]


def test_a_policy_given_twice_reruns_its_one_stored_run_once(tmp_path):
    """A policy given twice is one job: its older stored run is one run again."""
    db = str(tmp_path / "s.db")
    first = sweep(seeds="1", db=db, **ARGS)
    _as_before_versions(db, [1])
    again = sweep(seeds="1", db=db, sweep_id=first.sweep_id, **dict(ARGS, policies=["none"] * 2))
    (note,) = [n for n in again.notes if "run again" in n]
    assert note.startswith(f"1 stored run of this sweep was made under {UNRECORDED}")
    assert any("was given more than once" in n for n in again.notes)
    assert (again.ran, again.rerun) == (1, 1)
    assert _versions(db) == [(1, MODEL_VERSION)]
