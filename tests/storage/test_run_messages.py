"""Errors about stored runs and databases are worded by messages (``simulation.runs.
messages``, context ``RunProblems``): the command line's English is exactly what it was
(each expected text below is the old wording, written out), and each error carries its
message, whose templates another language can replace while the run ids, paths, dates and
the system's own words stay as written."""

from __future__ import annotations

import datetime as dt
import errno
import pickle
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import NoSuchModuleError

from policy.messages import Message, context_of
from simulation.runs import messages as R
from simulation.runs.database import SCHEMA_VERSION, describe
from simulation.runs.storage import (
    NothingStored,
    Run,
    get_run,
    not_stored,
    open_db,
    state_text,
    stored_notice,
)
from simulation.runs.urls import DatabaseError, normalise_url
from simulation.sweeps.store import load_runs, load_sweep, nothing_complete
from tests.sqlite_files import sqlite_with
from tests.storage.test_not_complete import stored_run

BEAT = dt.datetime(2026, 1, 1, 12, 0, 0)


def a_run(rid: int, status: str, error: str = "", done: int = 12, days: int = 120) -> Run:
    return Run(
        id=rid,
        status=status,
        error=error,
        days_done=done,
        days_requested=days,
        heartbeat_at=BEAT,
    )


def marked(message: Message) -> str:
    """``message`` with every template of RunProblems marked (a stand-in translation)."""
    return message.render(lambda t: f"«{t}»" if context_of(t) == R.CONTEXT else t)


def translated_as_written(message: Message, english: str) -> None:
    """A translation replaces the message's templates (its own first) and nothing else:
    with the marks taken out it is the English, arguments as they were."""
    shown = marked(message)
    assert shown.startswith("«") and shown.endswith("»"), shown
    assert shown.replace("«", "").replace("»", "") == english


def test_a_runs_state_reads_as_before():
    late = BEAT + dt.timedelta(hours=1)
    assert state_text(a_run(1, "complete", done=30, days=30)) == "complete: 30 of 30 days"
    assert state_text(a_run(1, "running"), BEAT + dt.timedelta(seconds=42)) == (
        "running: 12 of 120 days simulated, last progress recorded 42 s ago (a run's data is "
        "stored when it finishes; one whose process was killed reads as running for 5 "
        "minutes, then as incomplete)"
    )
    assert state_text(a_run(1, "running"), late) == (
        "incomplete: stopped after 12 of 120 days without being saved (no progress recorded "
        "since 2026-01-01 12:00:00 UTC; its process probably ended without finishing, e.g. "
        "was killed)"
    )
    assert state_text(a_run(1, "failed", "boom on day 5")) == (
        "failed: stopped after 12 of 120 days (boom on day 5)"
    )
    assert state_text(a_run(1, "interrupted")) == "interrupted: stopped after 12 of 120 days"
    assert state_text(a_run(1, "paused", "x")) == "paused: stopped after 12 of 120 days (x)"


def test_nothing_stored_reads_as_before_and_carries_its_message():
    exc = not_stored(a_run(7, "failed", "boom on day 5"), "open")
    english = (
        "run 7 is not complete; its state is failed: stopped after 12 of 120 days (boom on "
        "day 5). It has nothing stored to open"
    )
    assert str(exc) == english and exc.args == (english,)
    assert str(exc.message) == english
    translated_as_written(exc.message, english)
    assert marked(exc.message) == (
        "«run 7 is not complete; its state is «failed: stopped after «12 of 120 days»"
        "« (boom on day 5)»». It has nothing stored to «open»»"
    )
    again = pickle.loads(pickle.dumps(exc))
    assert isinstance(again, NothingStored) and str(again) == english
    assert again.message == exc.message

    runs = [a_run(i, "failed" if i % 2 else "interrupted", done=i) for i in range(1, 13)]
    many = nothing_complete(runs, "report")
    states = "; ".join(
        f"run {i}: {'failed' if i % 2 else 'interrupted'}: stopped after {i} of 120 days"
        for i in range(1, 11)
    )
    assert str(many) == (
        "none of these 12 runs is complete, so there is nothing stored to report "
        f"({states}; and 2 more)"
    )
    assert str(many.message) == str(many)
    assert "«report»" in marked(many.message) and "«; and 2 more»" in marked(many.message)


def test_a_partial_run_and_runs_not_in_the_database_read_as_before(tmp_path):
    db = tmp_path / "runs.db"
    rid = stored_run(db, "failed", 10, "boom", days=(0, 1))
    engine = open_db(db)
    assert stored_notice(engine, get_run(engine, rid)) == (
        "This run is not complete; its state is failed: stopped after 12 of 120 days (boom). "
        "Only 2 day(s) of daily metrics are stored; every number here covers those days only."
    )
    for call, english in (
        (lambda: get_run(engine, 99), "no run 99 in this database"),
        (lambda: load_runs(engine, [98, 99]), "no runs [98, 99] in this database"),
        (lambda: load_sweep(engine, "sw-x"), "no sweep 'sw-x' in this database"),
    ):
        with pytest.raises(KeyError) as caught:
            call()
        assert caught.value.args == (english,) and str(caught.value) == repr(english)
        message = caught.value.message  # type: ignore[attr-defined]
        assert str(message) == english
        translated_as_written(message, english)


def refusal(db: Path | str) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        open_db(db)
    return caught.value


SCHEMA = "CREATE TABLE circlelab_schema (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256))"


def test_every_refused_database_reads_as_before(tmp_path):
    text = tmp_path / "notes.db"
    text.write_bytes(b"hello world, plain text")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    shop = sqlite_with(tmp_path / "shop.db", "CREATE TABLE run (id INTEGER, started TEXT)")
    other = sqlite_with(tmp_path / "other.db", "CREATE TABLE orders (id INTEGER)")
    named = sqlite_with(
        tmp_path / "named.db",
        SCHEMA,
        "INSERT INTO circlelab_schema VALUES ('application', 'shopapp')",
    )
    nameless = sqlite_with(
        tmp_path / "nameless.db",
        SCHEMA,
        "INSERT INTO circlelab_schema VALUES ('schema_version', '1')",
    )
    newer = sqlite_with(
        tmp_path / "newer.db",
        SCHEMA,
        "INSERT INTO circlelab_schema VALUES ('application', 'circlelab')",
        "INSERT INTO circlelab_schema VALUES ('schema_version', '99')",
    )
    broken = sqlite_with(
        tmp_path / "broken.db",
        SCHEMA,
        "INSERT INTO circlelab_schema VALUES ('application', 'circlelab')",
        "INSERT INTO circlelab_schema VALUES ('schema_version', 'x')",
    )
    nothing = "; nothing was written to it"
    cases = {
        text: f"{text} is not a SQLite database (it starts with b'hello wo'), so not a Circle "
        f"Lab one{nothing}",
        folder: f"{folder} is a folder, not a database file",
        shop: "not a Circle Lab database: its table 'run' has columns Circle Lab never made "
        f"(started){nothing}",
        other: "not a Circle Lab database: it holds tables Circle Lab never made (orders)"
        + nothing,
        named: "its circlelab_schema table names 'shopapp', not 'circlelab': not a Circle Lab "
        "database" + nothing,
        nameless: "its circlelab_schema table names 'no application name', not 'circlelab': "
        "not a Circle Lab database" + nothing,
        newer: "it was written by a newer Circle Lab (schema version 99; this one knows "
        f"versions up to {SCHEMA_VERSION}): upgrade circlelab, or use another database" + nothing,
        broken: "its circlelab_schema table has no usable version",
    }
    for db, english in cases.items():
        exc = refusal(db)
        assert str(exc) == english and exc.args == (english,)
        assert str(exc.message) == english and context_of(exc.message.template) == R.CONTEXT
        translated_as_written(exc.message, english)
    # two findings, one after another
    both = sqlite_with(
        tmp_path / "both.db",
        "CREATE TABLE run (id INTEGER, x TEXT)",
        "CREATE TABLE zz (id INTEGER)",
    )
    assert str(refusal(both)) == (
        "not a Circle Lab database: its table 'run' has columns Circle Lab never made (x); it "
        "holds tables Circle Lab never made (zz)" + nothing
    )
    assert marked(refusal(both).message) == (
        "«not a Circle Lab database: «its table 'run' has columns Circle Lab never made (x)»; "
        "«it holds tables Circle Lab never made (zz)»; nothing was written to it»"
    )


def test_a_folder_that_cannot_be_made_reads_as_before(tmp_path, monkeypatch):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(DatabaseError) as caught:
        normalise_url(blocker / "sub" / "runs.db")
    assert str(caught.value) == f"{blocker} is a file, not a folder"
    assert caught.value.message.template == R.IS_A_FILE

    def refuse(self, *a, **k):
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(DatabaseError) as caught:
        normalise_url(tmp_path / "new" / "runs.db")
    assert str(caught.value) == f"cannot create the folder {tmp_path / 'new'}: Permission denied"
    assert caught.value.message.kwargs["reason"] == "Permission denied"  # the system's words


URL = "postgresql+psycopg://ann:hunter22@db.example/lab"


@pytest.mark.parametrize(
    "raised, english",
    [
        (
            sqlite3.OperationalError("database is locked"),
            "the database is locked by another process (waited 2.5 s) (database is locked)",
        ),
        (
            sqlite3.OperationalError("database or disk is full"),
            "the disk is full (database or disk is full)",
        ),
        (
            sqlite3.OperationalError("disk I/O error"),
            "the disk failed a write (full, or a file-size limit reached?) (disk I/O error)",
        ),
        (
            sqlite3.DatabaseError("database disk image is malformed"),
            "the database file is damaged (database disk image is malformed)",
        ),
        (
            sqlite3.DatabaseError("file is not a database"),
            "the file is not a SQLite database (so not a Circle Lab one) (file is not a database)",
        ),
        (
            sqlite3.OperationalError("unable to open database file"),
            "cannot open the database file (its folder is missing or not writable) (unable to "
            "open database file)",
        ),
        (
            sqlite3.OperationalError("attempt to write a readonly database"),
            "the database is read-only (attempt to write a readonly database)",
        ),
        (
            Exception('password authentication failed for user "ann"'),
            "the server refused the user name or password (password authentication failed for "
            'user "ann")',
        ),
        (
            Exception('database "lab" does not exist'),
            'the server has no such database (database "lab" does not exist)',
        ),
        (
            Exception("connection refused by hunter22 host"),
            "cannot reach the database server (connection refused by *** host)",
        ),
        (Exception("something odd"), "something odd"),
        (
            NoSuchModuleError("nope"),
            "'postgresql+psycopg://' is not a database this program can use; give a SQLite "
            "file path, sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname",
        ),
        (
            ImportError("No module named 'psycopg'", name="psycopg"),
            "the database driver for postgresql+psycopg:// (psycopg) is not installed: pip "
            "install 'psycopg[binary]'",
        ),
    ],
)
def test_what_a_driver_raises_reads_as_before(monkeypatch, raised, english):
    monkeypatch.setenv("CIRCLELAB_DB_TIMEOUT", "2.5")
    exc = describe(raised, URL)
    assert str(exc) == english and str(exc.message) == english
    if english == "something odd":  # a driver's text not recognised is shown as it is
        assert marked(exc.message) == english
    else:
        translated_as_written(exc.message, english)
    again = pickle.loads(pickle.dumps(exc))
    assert (again.kind, str(again), again.message) == (exc.kind, english, exc.message)


def test_every_template_is_one_of_run_problems():
    texts = [
        getattr(R, name)
        for name in dir(R)
        if name.isupper() and isinstance(getattr(R, name), str) and name != "CONTEXT"
    ]
    assert len(texts) > 40
    assert {context_of(t) for t in texts} == {R.CONTEXT}
    assert {context_of(t) for t in R.DOING.values()} == {R.CONTEXT}
