"""The demo command's faster paths write exactly what the plain paths write: rows given to
the SQLite driver as tuples equal rows inserted through Core with dicts; a bundle drawn in
a worker process while the run is stored equals one drawn in this process; the cached
name pool equals the one Faker makes."""

from __future__ import annotations

import filecmp
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from simulation import run
from simulation.runs import background
from simulation.runs.storage import (
    AccountRow,
    DailyMetric,
    FeedItem,
    ModerationEvent,
    PostSample,
    RunWriter,
    _bulk,
    list_runs,
    open_db,
)
from simulation.world.content import people

ROWS = {
    DailyMetric: [
        {"day": 0, "metric": "ad_share", "value": 0.25},
        {"day": 1, "metric": "ad_share", "value": None},
    ],
    PostSample: [
        {
            "post_id": 7,
            "day": 0,
            "hour": 3.5,
            "author": 2,
            "kind": 1,
            "category": 0,
            "style": 2,
            "removed_at_hours": None,
            "removal_cause": 0,
            "rule": -1,
            "stage": 0,
            "views": 12.0,
            "likes": 1,
            "reports": 0,
            "labelled": True,
            "evidence": "",
            "author_name": "Ann ✨",
            "archetype": 1,
            "text": "电子🚬 'quoted' \"and\" ?",
            "has_image": False,
        },
        {
            "post_id": 8,
            "day": 1,
            "hour": 23,
            "author": 3,
            "kind": 0,
            "category": -1,
            "style": 0,
            "removed_at_hours": 1.25,
            "removal_cause": 2,
            "rule": 1,
            "stage": 1,
            "views": 0,
            "likes": 0,
            "reports": 3,
            "labelled": False,
            "evidence": "vape@0:4",
            "author_name": "",
            "archetype": 0,
            "text": "",
            "has_image": True,
        },
    ],
    FeedItem: [{"viewer": 1, "day": 0, "post_id": 7}, {"viewer": 1, "day": 1, "post_id": 8}],
    # columns left out take their defaults (hour, rule, wrongful, archetype, reason)
    ModerationEvent: [{"day": 4, "account": 9, "action": "ban"}],
    AccountRow: [{"account": 9, "name": "Lucky123", "archetype": 3, "device_flag": True}],
}


def _stored(engine, table, run_id):
    with engine.connect() as conn:
        rows = conn.execute(select(table.__table__).where(table.run_id == run_id)).all()
    return [tuple(r)[1:] for r in rows]  # without the id


@pytest.mark.parametrize("table", list(ROWS), ids=lambda t: t.__name__)
def test_tuples_to_the_driver_store_what_core_stores(tmp_path, table):
    engine = open_db(tmp_path / "a.db", write=True)
    fast, plain = (RunWriter(engine, name=n).run_id for n in ("fast", "plain"))
    with engine.begin() as conn:
        _bulk(conn, table, ROWS[table], fast)
        conn.execute(table.__table__.insert(), [{**r, "run_id": plain} for r in ROWS[table]])
    got, want = _stored(engine, table, fast), _stored(engine, table, plain)
    assert got == [(fast, *w[1:]) for w in want]
    assert len(got) == len(ROWS[table])


@pytest.mark.parametrize("table", list(ROWS), ids=lambda t: t.__name__)
def test_rows_given_as_columns_store_what_dicts_store(tmp_path, table):
    engine = open_db(tmp_path / "a.db", write=True)
    by_columns, by_dicts = (RunWriter(engine, name=n).run_id for n in ("columns", "dicts"))
    keys = list(ROWS[table][0])
    columns = {k: [r[k] for r in ROWS[table]] for k in keys}
    with engine.begin() as conn:
        _bulk(conn, table, columns, by_columns)
        _bulk(conn, table, ROWS[table], by_dicts)
    got, want = _stored(engine, table, by_columns), _stored(engine, table, by_dicts)
    assert got == [(by_columns, *w[1:]) for w in want] and len(got) == len(ROWS[table])


def test_keys_that_are_no_column_are_left_out_as_core_leaves_them(tmp_path):
    engine = open_db(tmp_path / "a.db", write=True)
    fast, plain = (RunWriter(engine, name=n).run_id for n in ("fast", "plain"))
    rows = [{"viewer": 1, "text_id": 5, "day": 0, "post_id": 1}]
    with engine.begin() as conn:
        _bulk(conn, FeedItem, rows, fast)
        conn.execute(FeedItem.__table__.insert(), [{**r, "run_id": plain} for r in rows])
    assert _stored(engine, FeedItem, fast) == [(fast, 1, 0, 1)]
    assert _stored(engine, FeedItem, plain) == [(plain, 1, 0, 1)]


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        if rel.name == "summary.json":  # the wall time differs between two runs
            sa, sb = (json.loads((d / rel).read_text()) for d in (a, b))
            for s in (sa, sb):
                s.pop("wall_seconds"), s.pop("posts_per_second")
            assert sa == sb
        elif rel.name != "report.html":
            assert filecmp.cmp(a / rel, b / rel, shallow=False), rel


def test_bundle_drawn_beside_storing_equals_the_bundle_drawn_inline(tmp_path, tiny):
    assert background.can_start_worker()
    run(tiny, "crackdown", days=8, seed=2, db=tmp_path / "r.db", out=tmp_path / "child")
    run(tiny, "crackdown", days=8, seed=2, out=tmp_path / "inline")
    _same_tree(tmp_path / "child", tmp_path / "inline")
    assert not list(tmp_path.glob(".child-*")), "the staging directory is gone"


def test_a_threaded_caller_gets_its_bundle_drawn_inline_not_by_a_fork(tmp_path, tiny):
    """A fork copies the locks other threads hold; with a second thread alive no worker
    is forked, and the bundle is the same."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert not background.can_start_worker()
        drawing = background.BundleDrawing.prepare(tmp_path / "unused")
        assert drawing.pool is None
        drawing.discard()
        run(tiny, "crackdown", days=8, seed=2, db=tmp_path / "r.db", out=tmp_path / "threaded")
    finally:
        stop.set()
        other.join()
    assert background.can_start_worker()
    forked = background.BundleDrawing.prepare(tmp_path / "unused")
    assert forked.pool is not None  # without the other thread, a worker is forked
    forked.discard()
    run(tiny, "crackdown", days=8, seed=2, db=tmp_path / "s.db", out=tmp_path / "forked")
    _same_tree(tmp_path / "threaded", tmp_path / "forked")


def test_svg_only_on_request(tmp_path, tiny):
    run(tiny, "none", days=3, out=tmp_path / "png")
    run(tiny, "none", days=3, out=tmp_path / "both", formats=("png", "svg"))
    assert not list((tmp_path / "png" / "charts").glob("*.svg"))
    pngs = sorted(p.stem for p in (tmp_path / "both" / "charts").glob("*.png"))
    svgs = sorted(p.stem for p in (tmp_path / "both" / "charts").glob("*.svg"))
    assert pngs == svgs and len(pngs) >= 8
    assert (tmp_path / "both" / "charts" / "bans.svg").read_text().lstrip().startswith("<?xml")


class Broken(Exception):
    pass


def test_a_run_that_cannot_be_stored_leaves_out_as_it_was(tmp_path, tiny, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("an earlier bundle")

    def fail(self, **_rows):
        raise Broken("disk full")

    monkeypatch.setattr(RunWriter, "complete", fail)
    with pytest.raises(Broken):
        run(tiny, "none", days=3, db=tmp_path / "r.db", out=out)
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out-")] == []
    (stored,) = list_runs(open_db(tmp_path / "r.db"))
    assert stored.status == "failed" and "disk full" in stored.error


def test_bundle_is_drawn_inline_where_no_worker_may_be_started(tmp_path, tiny, monkeypatch):
    monkeypatch.setattr(background, "can_start_worker", lambda: False)
    result = run(tiny, "none", days=3, db=tmp_path / "r.db", out=tmp_path / "out")
    assert result.out_dir == tmp_path / "out" and (tmp_path / "out" / "report.html").exists()


def test_name_pool_from_the_cache_is_fakers(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", str(tmp_path))
    people.name_pool.cache_clear()
    built = people.name_pool("zh_CN", 11)  # built with Faker, then kept
    assert list(tmp_path.glob("names-zh_CN-*.json"))
    people.name_pool.cache_clear()
    assert people.name_pool("zh_CN", 11) == built == tuple(people._faker_names("zh_CN", 11))
    people.name_pool.cache_clear()


def test_objects_made_before_a_run_are_out_of_the_collectors_sight_only_during_it(tiny, tmp_path):
    import gc

    during = []
    gc.unfreeze()
    run(tiny, "none", days=2, progress=lambda _d, _n: during.append(gc.get_freeze_count()))
    assert during and all(n > 1000 for n in during)
    assert gc.get_freeze_count() == 0  # unfrozen after: garbage made before is collectable
    during.clear()  # stored and drawn, as the demo command runs: its worker's threads are ours
    count = lambda _d, _n: during.append(gc.get_freeze_count())  # noqa: E731
    run(tiny, "none", days=2, db=tmp_path / "r.db", out=tmp_path / "out", progress=count)
    assert during and all(n > 1000 for n in during)
    assert gc.get_freeze_count() == 0
    stop = threading.Event()  # another thread: a freeze would be the whole process's
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    during.clear()
    try:
        run(tiny, "none", days=2, progress=lambda _d, _n: during.append(gc.get_freeze_count()))
    finally:
        stop.set()
        other.join()
    assert during and set(during) == {0}
    gc.freeze()  # a caller that froze its own objects keeps them frozen
    try:
        frozen = gc.get_freeze_count()
        run(tiny, "none", days=2)
        assert gc.get_freeze_count() > frozen // 2  # still frozen (some freed since)
    finally:
        gc.unfreeze()


def test_charts_drawn_on_blanks_are_the_charts_drawn_on_new_figures(tmp_path, tiny, monkeypatch):
    """The worker's figures, made with their ticks while the engine ran, give the same
    PNG bytes as new ones: for a run, a one-day run, series without a single number (all
    NaN) or all zero, and blanks holding fewer ticks than the charts need."""
    import numpy as np

    from simulation.runs import figures
    from simulation.runs.figures import CHARTS, blanks, write_charts

    metrics = run(tiny, "crackdown", days=9, seed=2).metrics
    values = [c for c in metrics.columns if c != "day"]
    empty, zero = metrics.copy(), metrics.copy()
    empty[values] = np.nan
    zero[values] = 0
    cases = {"run": metrics, "one": metrics.head(1), "nan": empty, "zero": zero, "few": metrics}
    for case, m in cases.items():
        if case == "few":
            monkeypatch.setattr(figures, "TICKS", 2)
        new, on_blanks = tmp_path / case / "new", tmp_path / case / "blanks"
        write_charts(m, new)
        made = blanks()
        assert len(made) == len(CHARTS)
        assert all(len(f.axes[0].yaxis.majorTicks) == figures.TICKS for f in made)
        write_charts(m, on_blanks, figures=made)
        for name in CHARTS:
            png = f"{name}.png"
            assert (new / png).read_bytes() == (on_blanks / png).read_bytes(), (case, name)
        assert len(made[0].axes[0].xaxis.majorTicks) > 2  # drawn: ticks made as needed


FROZEN_SEEN: list[Path] = []  # where _record_freeze writes (set before the fork)


def _record_freeze(*args) -> None:
    """The worker's first task in the test below: note the freeze it started with."""
    import gc

    FROZEN_SEEN[0].write_text(str(gc.get_freeze_count()))
    WARM[0](*args)


WARM = [background._warm]


def test_the_drawing_worker_starts_with_the_runs_objects_frozen(tmp_path, tiny, monkeypatch):
    """The worker is forked after the freeze: its collections skip what it shares."""
    import gc

    FROZEN_SEEN[:] = [tmp_path / "frozen.txt"]
    monkeypatch.setattr(background, "_warm", _record_freeze)
    gc.unfreeze()
    run(tiny, "none", days=2, db=tmp_path / "r.db", out=tmp_path / "out")
    assert int(FROZEN_SEEN[0].read_text()) > 1000
    assert gc.get_freeze_count() == 0
    assert (tmp_path / "out" / "report.html").exists()
    FROZEN_SEEN.clear()


def test_the_worker_fills_its_bundle_on_the_figures_it_made_while_waiting(tmp_path, tiny):
    """``_warm`` makes one figure per chart; ``_fill`` draws on them (once) and the
    bundle equals one drawn on new figures."""
    from simulation.runs import outputs
    from simulation.runs.figures import CHARTS
    from simulation.runs.outputs import bundle_args, fill_bundle

    result = run(tiny, "crackdown", days=6, seed=3, keep_simulation=True)
    args = bundle_args(result, result.simulation)
    background._warm((args[4], args[3]))  # the run's marks read beforehand too
    made = list(background._blanks)
    assert len(made) == len(CHARTS)
    (tmp_path / "worker").mkdir()
    background._fill(tmp_path / "worker", *args, formats=("png",))
    assert background._blanks == []
    assert all(fig.axes[0].get_lines() for fig in made)  # the charts were drawn on them
    outputs._start_marks.cache_clear()  # the marks read afresh
    (tmp_path / "new").mkdir()
    fill_bundle(tmp_path / "new", *args)
    _same_tree(tmp_path / "worker", tmp_path / "new")
    page = (tmp_path / "worker" / "report.html").read_text(encoding="utf-8")
    assert page == (tmp_path / "new" / "report.html").read_text(encoding="utf-8")


TEXTS_SEEN: list[Path] = []  # where _record_texts writes (set before the fork)


def _record_texts(texts=None, locale="en_US") -> None:
    """The worker's first task in the test below: note the texts it reads marks from."""
    TEXTS_SEEN[0].write_text(json.dumps(texts), encoding="utf-8")
    WARM[0](texts, locale)


def test_the_worker_reads_the_marks_of_the_texts_the_report_gives(tmp_path, tiny, monkeypatch):
    """The worker reads the run's event marks while the engine runs: from the same
    scenario and policy texts (a crackdown's, a seed not the scenario's) that the bundle
    then draws them from, so that they are not read again after the run."""
    from policy import load_policy
    from simulation.runs.outputs import bundle_args

    TEXTS_SEEN[:] = [tmp_path / "texts.json"]
    monkeypatch.setattr(background, "_warm", _record_texts)
    policy = load_policy("crackdown", start_day=3)
    result = run(tiny, policy, days=6, seed=5, db=tmp_path / "r.db", out=tmp_path / "out")
    seen = json.loads(TEXTS_SEEN[0].read_text(encoding="utf-8"))
    TEXTS_SEEN.clear()
    again = run(tiny, policy, days=6, seed=5, keep_simulation=True)
    args = bundle_args(again, again.simulation)
    assert seen == [args[4], args[3]]  # the scenario's text, the policy's
    assert '"seed": 5' in seen[0] and "crackdown" in seen[1].lower()
    assert "day 3: announcement" in (tmp_path / "out" / "report.html").read_text("utf-8")
    assert result.run_id is not None
