"""A resumed sweep never reuses, nor mixes with new ones, runs stored under another model
version (``simulation.model_version``): the rules changed since ("posts made before a rule
was in force earn no strikes", "reinstatement restores ban-swept posts"), so their numbers
are of another model. Runs stored before versions were recorded (NULL) are version 0."""

from __future__ import annotations

import sqlite3

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
