"""Databases shared safely: ours or refused before a byte is written, created once however
many processes open a new one, every failure a clear message (exit 2), no password shown."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.runs.database import SCHEMA_VERSION
from simulation.runs.storage import engine_for, list_runs, open_db
from simulation.runs.urls import DatabaseError, mask_url
from tests.sqlite_files import sqlite_with

runner = CliRunner()
DAYS = ["--scenario", "classroom", "--days", "3"]
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def every_command(db: str, out: Path) -> dict[str, list[str]]:
    """Every command that takes --db, pointed at ``db``."""
    return {
        "run": ["run", *DAYS, "--db", db],
        "runs list": ["runs", "list", "--db", db],
        "runs export": ["runs", "export", "1", "--out", str(out / "export"), "--db", db],
        "runs delete": ["runs", "delete", "1", "--db", db],
        "sweep": ["sweep", "--scenario", "classroom", "--days", "3", "--seeds", "1", "--db", db],
        "report": ["report", "1", "--out", str(out / "report"), "--db", db],
        "compare": ["compare", "1", "1", "--out", str(out / "compare"), "--db", db],
        "study": ["study", "classifier_threshold", "--out", str(out / "study"), "--db", db],
    }


def foreign_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files that are not Circle Lab databases, and the words that say what was found."""
    return {
        "a table named run": (
            sqlite_with(
                folder / "shop.db",
                "CREATE TABLE run (id INTEGER PRIMARY KEY, name TEXT, started TEXT)",
                "INSERT INTO run (name, started) VALUES ('5k', '2025-01-01')",
            ),
            "columns Circle Lab never made (started)",
        ),
        "a NOT NULL run table": (
            sqlite_with(
                folder / "strict.db",
                "CREATE TABLE run (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "scenario_name TEXT NOT NULL, owner TEXT NOT NULL)",
            ),
            "columns Circle Lab never made (owner)",
        ),
        "other tables": (
            sqlite_with(folder / "notes.db", "CREATE TABLE notes (body TEXT)"),
            "holds tables Circle Lab never made (notes)",
        ),
        "not SQLite": (folder / "picture.db", "not a SQLite database"),
        "a newer Circle Lab": (folder / "newer.db", "newer Circle Lab (schema version 99"),
    }


@pytest.fixture
def foreign(tmp_path) -> dict[str, tuple[Path, str]]:
    files = foreign_files(tmp_path)
    files["not SQLite"][0].write_bytes(PNG)
    newer = files["a newer Circle Lab"][0]
    open_db(newer)
    engine_for.cache_clear()
    sqlite_with(newer, "UPDATE circlelab_schema SET value = '99' WHERE key = 'schema_version'")
    return files


@pytest.mark.parametrize(
    "kind",
    [
        "a table named run",
        "a NOT NULL run table",
        "other tables",
        "not SQLite",
        "a newer Circle Lab",
    ],
)
def test_no_command_changes_a_database_that_is_not_ours(tmp_path, foreign, kind):
    path, words = foreign[kind]
    before = digest(path)
    for name, argv in every_command(str(path), tmp_path).items():
        engine_for.cache_clear()
        result = runner.invoke(app, argv)
        assert result.exit_code == 2, (name, result.output)
        assert "Traceback" not in result.output
        assert f"error: --db {path}: cannot use this database: " in result.output, name
        assert words in result.output, (name, result.output)
        assert "nothing was written" in result.output or kind == "not SQLite"
        assert digest(path) == before, f"{name} changed the file"
    assert sorted(p.name for p in tmp_path.glob(f"{path.name}*")) == [path.name]  # no journal


def older_database(db: Path, *statements: str) -> Path:
    """A database with one run, then made to look older by ``statements``."""
    assert runner.invoke(app, ["run", *DAYS, "--db", str(db)]).exit_code == 0
    engine_for.cache_clear()
    return sqlite_with(db, *statements)


def schema_version(db: Path) -> tuple[str] | None:
    con = sqlite3.connect(db)
    return con.execute("SELECT value FROM circlelab_schema WHERE key='schema_version'").fetchone()


def test_a_database_from_before_versions_is_adopted(tmp_path):
    """Made by an earlier Circle Lab (no version table): recognised, upgraded, runs kept."""
    db = older_database(
        tmp_path / "old.db",
        "DROP TABLE circlelab_schema",
        "ALTER TABLE accountrow DROP COLUMN style",
        "DROP TABLE posttext",  # texts were stored in each post row then
        "ALTER TABLE postsample DROP COLUMN text_id",
        "DROP TABLE sweep",  # nor were sweeps' baselines
    )
    assert runner.invoke(app, ["run", *DAYS, "--db", str(db)]).exit_code == 0
    assert schema_version(db) == (str(SCHEMA_VERSION),)
    con = sqlite3.connect(db)
    assert "style" in {r[1] for r in con.execute("PRAGMA table_info(accountrow)")}
    assert len(list_runs(open_db(db))) == 2


def test_a_version_2_database_gets_the_sweep_table(tmp_path):
    """Schema version 2 kept no sweep baselines: opened for a sweep, it gains the table
    (and version 3); its runs stay readable."""
    db = older_database(
        tmp_path / "v2.db",
        "DROP TABLE sweep",
        "UPDATE circlelab_schema SET value = '2' WHERE key = 'schema_version'",
    )
    sweep = ["sweep", "--scenario", "classroom", "--days", "3", "--seeds", "1", "--db", str(db)]
    done = runner.invoke(
        app, [*sweep, "--policy", "none", "--policy", "keywords", "--baseline", "keywords"]
    )
    assert done.exit_code == 0, done.output
    assert schema_version(db) == (str(SCHEMA_VERSION),)
    con = sqlite3.connect(db)
    assert con.execute("SELECT baseline FROM sweep").fetchall() == [("Keyword filter only",)]
    assert len(list_runs(open_db(db))) == 3


def _check_upgraded_history(db: str, out: Path) -> None:
    """A database whose one run was stored before histories were kept, just opened: the
    run reads "not recorded" everywhere (whether it was changed is not known), and a run
    stored now says it ran unchanged."""
    listing = runner.invoke(app, ["runs", "list", "--db", db, "--json"])
    assert listing.exit_code == 0, listing.output
    (old,) = json.loads(listing.output)
    assert old["changes"] is None
    export = runner.invoke(app, ["runs", "export", "1", "--db", db, "--out", str(out / "old")])
    assert export.exit_code == 0, export.output
    page = (out / "old" / "report.html").read_text("utf-8")
    assert "Not recorded: this run was stored by a version of Circle Lab" in page
    assert json.loads((out / "old" / "changes.json").read_text("utf-8")) is None
    assert runner.invoke(app, ["run", *DAYS, "--db", db]).exit_code == 0
    listing = runner.invoke(app, ["runs", "list", "--db", db, "--json"])
    assert [r["changes"] for r in json.loads(listing.output)] == [None, []]


def test_a_version_3_database_gets_the_history_column(tmp_path):
    """Schema version 3 kept no record of what was changed while a run ran: opened, it
    gains the column run.history_json (and version 4), NULL for its old runs."""
    db = older_database(
        tmp_path / "v3.db",
        "ALTER TABLE run DROP COLUMN history_json",
        "UPDATE circlelab_schema SET value = '3' WHERE key = 'schema_version'",
    )
    _check_upgraded_history(str(db), tmp_path)
    assert schema_version(db) == (str(SCHEMA_VERSION),) == ("5",)
    con = sqlite3.connect(db)
    assert con.execute("SELECT history_json FROM run ORDER BY id").fetchall() == [(None,), ("[]",)]


def test_a_version_3_postgresql_database_gets_the_history_column(pg_database, tmp_path):
    import psycopg

    assert runner.invoke(app, ["run", *DAYS, "--db", pg_database]).exit_code == 0
    engine_for.cache_clear()
    plain = pg_database.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("ALTER TABLE run DROP COLUMN history_json")
        conn.execute("UPDATE circlelab_schema SET value = '3' WHERE key = 'schema_version'")
    _check_upgraded_history(pg_database, tmp_path)
    with psycopg.connect(plain) as conn:
        version = conn.execute(
            "SELECT value FROM circlelab_schema WHERE key = 'schema_version'"
        ).fetchone()
        rows = conn.execute("SELECT history_json FROM run ORDER BY id").fetchall()
    assert version == (str(SCHEMA_VERSION),) and rows == [(None,), ("[]",)]


def test_the_version_is_recorded(tmp_path):
    db = tmp_path / "new.db"
    open_db(db)
    rows = dict(sqlite3.connect(db).execute("SELECT key, value FROM circlelab_schema").fetchall())
    assert rows == {"application": "circlelab", "schema_version": str(SCHEMA_VERSION)}


# -- two processes creating one new database at the same moment ------------------------


def _open_together(url: str, barrier, results) -> None:
    engine_for.cache_clear()  # the forked parent's engines are not ours to use
    try:
        barrier.wait(timeout=60)
        engine = open_db(url, write=True)
        list_runs(engine)
        results.put("ok")
    except Exception as exc:
        results.put(f"{type(exc).__name__}: {exc}")


def race(url: str) -> list[str]:
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_open_together, args=(url, barrier, results)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    return [results.get(timeout=5) for _ in procs]


def test_concurrent_creation_sqlite_20_times(tmp_path):
    """Two processes open a new SQLite database at once, 20 times: both always succeed
    (before the schema lock, one failed with 'table run already exists')."""
    for trial in range(20):
        path = tmp_path / f"race{trial}.db"
        assert race(f"sqlite:///{path}") == ["ok", "ok"], trial
        rows = sqlite3.connect(path).execute("SELECT count(*) FROM circlelab_schema").fetchone()
        assert rows == (2,)


def test_concurrent_creation_postgresql_20_times(postgres_url):
    """The same on PostgreSQL (before: a duplicate key in pg_type); a fresh database each time."""
    import psycopg

    admin = postgres_url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    base = postgres_url.rsplit("/", 1)[0]
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        for trial in range(20):
            name = f"race{trial}"
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
            assert race(f"{base}/{name}") == ["ok", "ok"], trial
            with psycopg.connect(f"{admin}/{name}") as db:
                (count,) = db.execute("SELECT count(*) FROM circlelab_schema").fetchone()
            assert count == 2
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_a_foreign_postgresql_database_is_left_alone(pg_database):
    import psycopg

    plain = pg_database.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("CREATE TABLE run (id serial PRIMARY KEY, title text)")
        conn.execute("INSERT INTO run (title) VALUES ('mine')")
    for argv in (["runs", "list", "--db", pg_database], ["run", *DAYS, "--db", pg_database]):
        result = runner.invoke(app, argv)
        assert result.exit_code == 2 and "columns Circle Lab never made (title)" in result.output
    with psycopg.connect(plain) as conn:
        tables = {
            r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")
        }
        columns = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name='run' ORDER BY 1"
        )]  # fmt: skip
        assert tables == {"run"} and columns == ["id", "title"]
        assert conn.execute("SELECT title FROM run").fetchall() == [("mine",)]


# -- every database failure: a clear message, exit 2 -----------------------------------


def test_read_only_sqlite_is_found_before_the_run(tmp_path):
    db = tmp_path / "ro.db"
    assert runner.invoke(app, ["run", *DAYS, "--db", str(db)]).exit_code == 0
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    engine_for.cache_clear()
    result = runner.invoke(app, ["run", *DAYS, "--db", url])
    assert result.exit_code == 2 and "the database is read-only" in result.output
    assert "Traceback" not in result.output and "run failed" not in result.output
    listing = runner.invoke(app, ["runs", "list", "--db", url, "--json"])
    assert listing.exit_code == 0 and len(json.loads(listing.output)) == 1  # reading works


def test_read_only_postgresql(pg_database):
    import psycopg

    assert runner.invoke(app, ["run", *DAYS, "--db", pg_database]).exit_code == 0
    engine_for.cache_clear()
    name = pg_database.rsplit("/", 1)[1]
    admin = pg_database.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {name} SET default_transaction_read_only = on")
    result = runner.invoke(app, ["run", *DAYS, "--db", pg_database])
    assert result.exit_code == 2 and "the database is read-only" in result.output


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://ann:hunter22@localhost/lab", "pip install 'mysqlclient'"),
        ("mysql+pymysql://ann:hunter22@localhost/lab", "pip install 'PyMySQL'"),
        ("postgresql+psycopg2://ann:hunter22@localhost/lab", "pip install 'psycopg2-binary'"),
        ("nosuchdb://ann:hunter22@localhost/lab", "'nosuchdb://' is not a database"),
    ],
)
def test_missing_driver_names_the_package(url, words):
    result = runner.invoke(app, ["runs", "list", "--db", url])
    assert result.exit_code == 2 and words in result.output, result.output
    assert "hunter22" not in result.output and "ann:***@localhost" in result.output


def test_unreachable_server(postgres_url):
    port = int(postgres_url.rsplit(":", 1)[1].split("/")[0])
    url = f"postgresql+psycopg://lab:hunter22@127.0.0.1:{port + 1}/circlelab"
    result = runner.invoke(app, ["run", *DAYS, "--db", url])
    assert result.exit_code == 2 and "cannot reach the database server" in result.output
    assert "hunter22" not in result.output


def test_wrong_credentials(postgres_url):
    url = postgres_url.replace("lab@", "intruder:hunter22@")
    result = runner.invoke(app, ["runs", "list", "--db", url])
    assert result.exit_code == 2
    assert "the server refused the user name or password" in result.output
    assert "hunter22" not in result.output


def test_passwords_are_never_printed_or_stored(pg_database, tmp_path):
    url = pg_database.replace("lab@", "lab:hunter22@")  # the server trusts, the URL still has one
    result = runner.invoke(app, ["run", *DAYS, "--db", url])
    assert result.exit_code == 0, result.output
    assert "hunter22" not in result.output and mask_url(url) in result.output
    as_json = runner.invoke(app, ["run", *DAYS, "--db", url, "--json"])
    assert json.loads(as_json.output)["db"] == mask_url(url)
    report = tmp_path / "report"
    sweep = ["sweep", "--scenario", "classroom", "--days", "3", "--seeds", "1"]
    swept = runner.invoke(app, [*sweep, "--db", url, "--out", str(report)])
    assert swept.exit_code == 0 and "hunter22" not in swept.output
    for written in report.rglob("*"):
        if written.is_file():
            assert b"hunter22" not in written.read_bytes(), written
    for run in list_runs(open_db(url)):
        assert "hunter22" not in json.dumps(run.model_dump(), default=str)
    assert mask_url(url).endswith(pg_database.split("@")[1])


def test_database_error_kinds_are_what_callers_can_catch(tmp_path):
    picture = tmp_path / "p.db"
    picture.write_bytes(PNG)
    with pytest.raises(DatabaseError) as info:
        open_db(picture)
    assert info.value.kind == "foreign"


def test_a_mistyped_db_for_stored_runs_is_refused_and_nothing_is_made(tmp_path, monkeypatch):
    """Commands that work on stored runs (list, export, delete, report, compare) refuse a
    SQLite --db that does not exist, exit 2, and create nothing: a typo made an empty
    database (and its folders) and then said the run was not in it."""
    monkeypatch.chdir(tmp_path)
    for typo in ("typo.db", "no/such/folder/typo.db", "sqlite:///typo.db"):
        commands = every_command(typo, tmp_path)
        for name in ("runs list", "runs export", "runs delete", "report", "compare"):
            result = runner.invoke(app, commands[name])
            assert result.exit_code == 2, (name, typo, result.output)
            assert "there is no database at" in result.output, (name, result.output)
            assert "nothing was created" in result.output
        assert list(tmp_path.iterdir()) == [], typo
    # a run stores there, and then the same commands read it
    assert runner.invoke(app, every_command("typo.db", tmp_path)["run"]).exit_code == 0
    assert runner.invoke(app, ["runs", "list", "--db", "typo.db"]).exit_code == 0
