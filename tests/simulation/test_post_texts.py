"""Sampled posts' texts stored once per run (schema version 2): a stored run reads back the
posts and texts it had; a database of schema version 1 (texts in every post row) is
upgraded on opening, its runs still read back whole, and new runs join it."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from sqlalchemy import func, select

from simulation import run
from simulation.runs.database import SCHEMA_VERSION
from simulation.runs.result import post_rows
from simulation.runs.storage import (
    PostSample,
    PostText,
    RunWriter,
    delete_run,
    engine_for,
    list_runs,
    load_posts,
    load_table,
    open_db,
    split_texts,
)


def _count(engine, table, run_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(table).where(table.run_id == run_id)
        ).scalar_one()


@pytest.fixture(params=["sqlite", "postgresql"])
def stored(tmp_path, tiny, request):
    db = (
        f"sqlite:///{tmp_path / 'runs.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_database")
    )
    result = run(tiny, "crackdown", days=10, seed=3, db=db, keep_simulation=True)
    return open_db(db), result


def test_a_stored_run_reads_back_its_posts_and_texts(stored):
    engine, result = stored
    want = pd.DataFrame(post_rows(result.simulation))
    got = load_posts(engine, result.run_id)
    assert len(got) == len(want) > 0
    assert "text_id" not in got.columns and "text" in got.columns
    got = got.drop(columns=["id", "run_id"])[list(want.columns)]
    got["removed_at_hours"] = got["removed_at_hours"].astype(float)
    want["removed_at_hours"] = want["removed_at_hours"].astype(float)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    # every distinct text once; the post rows point to them and keep no copy
    assert _count(engine, PostText, result.run_id) == want["text"].nunique()
    with engine.connect() as conn:
        inline = conn.execute(
            select(func.count()).where(PostSample.run_id == result.run_id, PostSample.text != "")
        ).scalar_one()
    assert inline == 0
    pd.testing.assert_frame_equal(
        load_table(engine, PostSample, result.run_id), load_posts(engine, result.run_id)
    )


def test_posts_of_a_feed_read_back_by_id(stored):
    engine, result = stored
    every = load_posts(engine, result.run_id)
    some = every["post_id"].iloc[::7].tolist()
    got = load_posts(engine, result.run_id, some)
    assert got["post_id"].tolist() == some
    assert got["text"].tolist() == every.set_index("post_id").loc[some, "text"].tolist()


def test_texts_are_split_once_in_order_of_first_use():
    posts = [
        {"post_id": 1, "text": "b"},
        {"post_id": 2, "text": "a"},
        {"post_id": 3, "text": "b"},
        {"post_id": 4, "text": ""},
    ]
    columns, texts = split_texts(posts)
    assert list(columns["text_id"]) == [0, 1, 0, 2] and "text" not in columns
    assert texts == {"text_id": [0, 1, 2], "text": ["b", "a", ""]}
    as_columns = {"post_id": [1, 2, 3, 4], "text": ["b", "a", "b", ""]}
    assert split_texts(as_columns) == (columns | {"post_id": [1, 2, 3, 4]}, texts)


def test_two_runs_keep_their_own_texts_and_deleting_one_removes_its_texts(tmp_path):
    engine = open_db(tmp_path / "two.db", write=True)
    ids = []
    for text in ("first run's text", "second run's text"):
        writer = RunWriter(engine, name=text)
        writer.complete(
            days_done=1,
            wall_seconds=0.1,
            summary={},
            metrics=[],
            rules=[],
            posts=[{"post_id": 5, "day": 0, "hour": 1.0, "author": 1, "text": text}],
            feed=[],
            events=[],
            accounts=[],
        )
        ids.append(writer.run_id)
    assert [load_posts(engine, i)["text"].tolist() for i in ids] == [
        ["first run's text"],
        ["second run's text"],
    ]
    delete_run(engine, ids[0])
    assert _count(engine, PostText, ids[0]) == 0 and _count(engine, PostSample, ids[0]) == 0
    assert load_posts(engine, ids[1])["text"].tolist() == ["second run's text"]


def _as_version_1(path) -> None:
    """Turn a database into what schema version 1 wrote: each text in its post row."""
    con = sqlite3.connect(path)
    con.execute(
        "UPDATE postsample SET text = (SELECT t.text FROM posttext t WHERE "
        "t.run_id = postsample.run_id AND t.text_id = postsample.text_id)"
    )
    con.execute("DROP TABLE posttext")
    con.execute("ALTER TABLE postsample DROP COLUMN text_id")
    con.execute("UPDATE circlelab_schema SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()


def test_a_version_1_database_is_upgraded_and_its_runs_read_back(tmp_path, tiny):
    path = tmp_path / "v1.db"
    old = run(tiny, "crackdown", days=6, seed=5, db=path)
    engine = open_db(path)
    before = load_posts(engine, old.run_id)
    engine.dispose()
    engine_for.cache_clear()
    _as_version_1(path)
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM postsample WHERE text != ''").fetchone()[0] > 0
    con.close()

    new = run(tiny, "keywords", days=6, seed=5, db=path)  # opens, upgrades, stores
    engine = open_db(path)
    pd.testing.assert_frame_equal(load_posts(engine, old.run_id), before)
    assert (load_posts(engine, new.run_id)["text"].str.len() > 0).any()
    assert len(list_runs(engine)) == 2
    con = sqlite3.connect(path)
    version = con.execute("SELECT value FROM circlelab_schema WHERE key = 'schema_version'")
    assert version.fetchone() == (str(SCHEMA_VERSION),)
    assert "text_id" in {r[1] for r in con.execute("PRAGMA table_info(postsample)")}
    con.close()
