"""The JSON the project stores and writes is strict JSON (RFC 8259), which tools other than
ours read: an undefined measure is null, never NaN (PostgreSQL's ``::json`` cast, jq and
JavaScript's JSON.parse refuse NaN). Readers give null back as NaN where the code computes
with it, and still read rows stored before with NaN."""

from __future__ import annotations

import json
import math
import sqlite3

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.runs.outputs import export_stored_run
from simulation.runs.storage import get_run, open_db
from simulation.strict_json import dumps, plain, read_summary
from simulation.sweeps.plan import canonical
from simulation.sweeps.store import load_runs

runner = CliRunner()
# no moderation removes nothing: precision and days to halve are undefined (NaN)
RUN = ["run", "--scenario", "classroom", "--policy", "none", "--days", "3"]
PRECISE = "posting.life_per_day=0.123456789012345"


def strict(text: str):
    """Python's json with NaN and Infinity refused, as every other JSON reader does."""

    def refuse(token: str):
        raise ValueError(f"{token} is not JSON (RFC 8259)")

    return json.loads(text, parse_constant=refuse)


def test_a_stored_run_is_strict_json_and_reads_back_as_nan(tmp_path):
    db, out = tmp_path / "runs.db", tmp_path / "out"
    result = runner.invoke(app, [*RUN, "--db", str(db), "--out", str(out), "--set", PRECISE])
    assert result.exit_code == 0, result.output
    engine = open_db(str(db))
    run = get_run(engine, 1)
    stored = strict(run.summary_json)
    assert stored["moderation_precision"] is None and stored["days_to_halve"] is None
    # every digit of a --set value (pandas' to_json kept ten)
    assert strict(run.params_json) == {"posting.life_per_day": 0.123456789012345}
    written = strict((out / "summary.json").read_text(encoding="utf-8"))
    assert written["moderation_precision"] is None
    assert written["posts_created"] == stored["posts_created"] > 0

    # the readers compute with NaN, not None
    runs = load_runs(engine, [1]).runs
    assert runs["summary.moderation_precision"].dtype == float
    assert math.isnan(runs["summary.moderation_precision"].iat[0])
    exported = export_stored_run(engine, 1, tmp_path / "export")
    assert strict((exported / "summary.json").read_text(encoding="utf-8")) == written


def test_rows_stored_with_nan_before_are_still_read(tmp_path):
    db = tmp_path / "runs.db"
    assert runner.invoke(app, [*RUN, "--db", str(db)]).exit_code == 0
    old = json.loads(get_run(open_db(str(db)), 1).summary_json)
    old_text = json.dumps(
        {k: math.nan if v is None else v for k, v in old.items()}, default=float
    )  # how a run was stored before: "moderation_precision": NaN
    assert "NaN" in old_text
    con = sqlite3.connect(db)
    con.execute("UPDATE run SET summary_json = ? WHERE id = 1", (old_text,))
    con.commit()
    con.close()
    engine = open_db(str(db))
    assert math.isnan(read_summary(get_run(engine, 1).summary_json)["moderation_precision"])
    runs = load_runs(engine, [1]).runs
    assert math.isnan(runs["summary.moderation_precision"].iat[0])
    exported = export_stored_run(engine, 1, tmp_path / "export")
    assert strict((exported / "summary.json").read_text())["moderation_precision"] is None
    report = runner.invoke(app, ["report", "1", "--db", str(db), "--out", str(tmp_path / "r")])
    assert report.exit_code == 0, report.output


def test_postgresql_casts_what_is_stored_to_json(pg_database):
    import psycopg

    result = runner.invoke(app, [*RUN, "--db", pg_database, "--set", PRECISE])
    assert result.exit_code == 0, result.output
    plain_url = pg_database.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain_url) as conn:
        row = conn.execute(
            "SELECT summary_json::json ->> 'moderation_precision',"
            " (summary_json::json ->> 'posts_created')::int,"
            " params_json::json ->> 'posting.life_per_day' FROM run"
        ).fetchone()
        assert row[0] is None and row[1] > 0 and row[2] == "0.123456789012345"
        with pytest.raises(psycopg.errors.InvalidTextRepresentation):
            conn.execute("""SELECT '{"moderation_precision": NaN}'::json""")  # as stored before


def test_every_json_output_is_strict(tmp_path):
    db = tmp_path / "runs.db"
    policy = tmp_path / "p.yaml"
    # a rule that hits nothing: its precision is undefined
    policy.write_text(
        "name: p\ndetectors:\n  kw: {type: keywords, terms: {tobacco: [zzzqqq]}}\n"
        "rules:\n  - {name: r, when: {hit: kw}, action: remove}\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "c.tsv"
    corpus.write_text("label\ttext\nham\thello\nspam\tWIN now\n", encoding="utf-8")
    commands = {
        "run": [*RUN, "--json", "--db", str(db)],
        "runs list": ["runs", "list", "--json", "--db", str(db)],
        "policy evaluate": ["policy", "evaluate", str(policy), "--corpus", str(corpus), "--json"],
        "policy check": ["policy", "check", str(policy), "--json"],
        "metrics": ["metrics", "--json"],
        "sweep": [
            *("sweep", "--scenario", "classroom", "--policy", "none", "--days", "3"),
            *("--seeds", "1-2", "--json", "--db", str(db)),
        ],
    }
    found = {}
    for name, args in commands.items():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (name, result.output)
        lines = result.output.splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line[:1] in "{[")  # after notes
        found[name] = strict("".join(lines[start:]))
    assert found["run"]["moderation_precision"] is None
    assert found["policy evaluate"]["rules"][0]["precision"] is None
    headline = found["sweep"]["headline"]
    assert headline and any(v is None for row in headline for v in row.values())


def test_the_encoder_writes_what_json_writes_except_non_finite_numbers():
    import numpy as np

    params = {"b.x": 0.1, "a": [1, "two", True, None], "c": {"d": 3}, "policy:p.q": 2.5}
    # sweep keys are hashes of this text: runs stored before resume with the same keys
    assert canonical(params) == json.dumps(params, sort_keys=True, default=str)
    assert dumps({"x": math.nan, "y": [math.inf, -math.inf]}) == '{"x": null, "y": [null, null]}'
    assert plain({"n": np.int64(3), "f": np.float32(0.5), "a": np.array([1.0, np.nan])}) == {
        "n": 3,
        "f": 0.5,
        "a": [1.0, None],
    }
    with pytest.raises(ValueError, match="JSON object"):
        read_summary("[1, 2]")
