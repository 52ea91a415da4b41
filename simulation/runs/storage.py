"""Runs in a database: SQLite by default, any SQLAlchemy URL (PostgreSQL) for a shared lab.

A run row is written with status ``running`` before the first day. Everything
else (daily metrics, rule statistics, sampled posts, feeds, events, accounts) is
written at the end in ONE transaction that also sets status ``complete``: a run
killed halfway can never look complete. Its row stays ``running`` and, once its
heartbeat is stale, reads as ``incomplete``. Rows are written with executemany
through SQLAlchemy Core (``Table.insert()``), never one ORM object per row; they may
be given as a list of dicts or, cheaper, as columns (a dict of equal-length lists).

A sampled post's text is stored once per run in :class:`PostText` (a demo run samples
about 76,000 posts but only about 4,000 distinct texts); the post row points to it by
``text_id`` and keeps ``text`` empty. Rows written before schema version 2 have no
``text_id`` and carry their text inline; :func:`load_posts` reads both alike.

Databases are opened through ``simulation.runs.database``: a database that is not
ours, or is newer than this code, is refused before anything is written; every
failure is a :class:`~simulation.runs.database.DatabaseError` with a clear message.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import NaiveDatetime
from sqlalchemy import Boolean, Index, and_, delete, func, insert, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, select

from policy.messages import Message, msg
from simulation.metrics import columns
from simulation.runs import messages as R
from simulation.runs.database import describe, open_engine, probe_write
from simulation.runs.urls import DatabaseError, normalise_url
from simulation.strict_json import dumps

STALE_SECONDS = 300  # a running run without a heartbeat for this long is incomplete
CHUNK = 20_000

# Rows for one table: a list of dicts with the same keys, or columns (name → values, all
# of one length), which skips building and taking apart one dict per row.
Rows = Sequence[dict[str, Any]] | Mapping[str, Sequence[Any]]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Run(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    scenario_name: str = ""
    scenario_yaml: str = ""
    policy_name: str = ""
    policy_text: str = ""
    seed: int = 0
    days_requested: int = 0
    days_done: int = 0
    categories: str = ""  # comma-separated catalogue order
    locale: str = "en_US"
    code_version: str = ""
    status: str = "running"  # running, complete, failed, interrupted
    created_at: NaiveDatetime = Field(default_factory=now)  # UTC
    heartbeat_at: NaiveDatetime = Field(default_factory=now)  # UTC
    finished_at: NaiveDatetime | None = None  # UTC
    wall_seconds: float = 0.0
    error: str = ""
    summary_json: str = "{}"
    params_json: str = "{}"
    sweep_id: str | None = Field(default=None, index=True)
    # what was changed while the run ran (schema version 4): the JSON list of
    # ``Simulation.history`` ("[]": nothing); NULL for a run stored before it was kept
    history_json: str | None = None
    # the model version the run was computed under (schema version 5:
    # ``simulation.model_version.MODEL_VERSION``); NULL for a run stored before it was kept
    model_version: int | None = None


class DailyMetric(SQLModel, table=True):
    __table_args__ = (Index("ix_daily_run_metric", "run_id", "metric"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    day: int
    metric: str
    value: float | None = None


class RuleStat(SQLModel, table=True):
    __table_args__ = (Index("ix_rulestat_run", "run_id", "rule"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    day: int
    rule: int
    name: str
    hits: int = 0
    true_positives: int = 0
    false_positives: int = 0
    removals: int = 0
    wrongful_removals: int = 0
    reviews: int = 0
    shadow_hits: int = 0
    account_actions: int = 0
    wrongful_account_actions: int = 0
    bans: int = 0
    wrongful_bans: int = 0


class PostSample(SQLModel, table=True):
    __table_args__ = (Index("ix_post_run_post", "run_id", "post_id"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    post_id: int
    day: int
    hour: float
    author: int
    author_name: str = ""
    archetype: int = 0
    kind: int = 0
    category: int = -1
    style: int = 0
    text: str = ""  # rows before schema version 2 only; since then in PostText
    has_image: bool = False
    removed_at_hours: float | None = None
    removal_cause: int = 0
    rule: int = -1
    stage: int = -1
    views: float = 0.0
    likes: int = 0
    reports: int = 0
    labelled: bool = False
    evidence: str = ""
    text_id: int | None = None  # PostText.text_id of this run; None: the text is inline


class PostText(SQLModel, table=True):
    """Each distinct text of a run's sampled posts, once (schema version 2)."""

    __table_args__ = (Index("ix_posttext_run_text", "run_id", "text_id"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    text_id: int
    text: str = ""


class Sweep(SQLModel, table=True):
    """A sweep's own setting that its runs do not carry (schema version 3): the
    baseline its last sweep command named with ``--baseline`` ("avoided" is measured
    against that policy's runs on the same seeds). No row: the command named none."""

    id: str = Field(primary_key=True)  # the sweep id its runs carry in ``Run.sweep_id``
    baseline: str | None = None  # a policy name, as the runs store it
    updated_at: NaiveDatetime = Field(default_factory=now)  # UTC


class FeedItem(SQLModel, table=True):
    __table_args__ = (Index("ix_feed_run_viewer_day", "run_id", "viewer", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    viewer: int
    day: int
    post_id: int


class ModerationEvent(SQLModel, table=True):
    __table_args__ = (Index("ix_event_run_account", "run_id", "account"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    day: int
    hour: float = 0.0
    account: int
    action: str
    rule: int = -1
    wrongful: bool = False
    archetype: int = 0
    reason: str = ""


class AccountRow(SQLModel, table=True):
    __table_args__ = (Index("ix_account_run_account", "run_id", "account"),)
    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="run.id")
    account: int
    name: str = ""
    archetype: int = 0
    kind: int = 0
    category: int = -1
    style: int = 0  # how the account last wrote its offers (EvasionStyle)
    join_day: int = 0
    status: int = 0
    status_day: int = 0
    predecessor: int = -1
    generation: int = 0
    removals: int = 0
    violations: int = 0
    bans: int = 0
    device_flag: bool = False


def usable_db(db: str | Path | None) -> str:
    """The URL of ``db`` after checking it is ours and takes writes; else
    :class:`DatabaseError` says why. A run finds out that its database is unusable
    before it starts, not after its last day."""
    url = normalise_url(db)
    open_db(url, write=True)
    return url


@lru_cache(maxsize=16)
def engine_for(url: str) -> Engine:
    """The engine of a database that is ours and current (one per URL per process)."""
    return open_engine(url, SQLModel.metadata, write=False)


def open_db(db: str | Path | None, *, write: bool = False) -> Engine:
    """The database ``db`` (a path, a URL or None for the default), ready to read; with
    ``write`` also proven to take writes. Raises :class:`DatabaseError`."""
    engine = engine_for(normalise_url(db))
    if write:
        with database_errors(engine):
            probe_write(engine)
    return engine


@contextmanager
def database_errors(engine: Engine) -> Iterator[None]:
    """Turn whatever the driver raises into a :class:`DatabaseError` with a clear message."""
    try:
        yield
    except DatabaseError:
        raise
    except (SQLAlchemyError, OSError) as exc:
        raise describe(exc, engine.url.render_as_string(hide_password=False)) from None


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (re-enabled after, if it was on).

    Building and inserting a run's rows allocates some 150,000 tuples and lists, none
    in a reference cycle; each few hundred allocations would start a collection that
    walks the finished simulation's objects too (a tenth of the write's time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def as_columns(rows: Rows) -> dict[str, Sequence[Any]]:
    """``rows`` as columns: name → values (a list of dicts is taken apart once)."""
    if isinstance(rows, Mapping):
        return dict(rows)
    if not rows:
        return {}
    return {k: [r[k] for r in rows] for k in rows[0]}  # no tuple per row: no GC passes


def _length(columns: Mapping[str, Sequence[Any]]) -> int:
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    return lengths.pop() if lengths else 0


def _bulk(conn: Connection, table: type[SQLModel], rows: Rows, run_id: int) -> None:
    """Insert ``rows`` (dicts with the same keys, or columns) with ``run_id``, by executemany.

    Where the driver takes positional parameters (SQLite), the statement is compiled
    once by SQLAlchemy Core and the rows go to the driver as tuples, built column by
    column with each column's bind processor and default, exactly what ``conn.execute(
    table.insert(), dicts)`` sends, without its per-row Python work (about 3× faster on
    a demo run's 150,000 rows). Other drivers, and tables whose omitted columns have
    defaults computed per row, take the plain Core path. Keys that are no column of
    ``table`` are ignored, as Core ignores them.
    """
    t = table.__table__  # type: ignore[attr-defined]
    every = as_columns(rows)
    n_rows = _length(every)
    columns = {k: v for k, v in every.items() if k in t.c and k != "run_id"}
    if not n_rows:
        return
    given = list(columns)
    compiled = t.insert().compile(dialect=conn.dialect, column_keys=["run_id", *given])
    order = list(compiled.positiontup or ()) if given else []
    defaults = {}
    for name in order:
        if name == "run_id" or name in given:
            continue
        default = t.c[name].default
        if default is None or not default.is_scalar:
            order = []  # a default computed per row: leave it to Core
            break
        defaults[name] = default.arg
    if not compiled.positional or not order:
        insert = t.insert()
        for i in range(0, n_rows, CHUNK):
            stop = min(i + CHUNK, n_rows)
            conn.execute(
                insert,
                [
                    {"run_id": run_id, **dict(zip(given, values, strict=True))}
                    for values in zip(*(columns[k][i:stop] for k in given), strict=True)
                ]
                if given
                else [{"run_id": run_id}] * (stop - i),
            )
        return
    sql = str(compiled)
    dialect = conn.dialect
    for i in range(0, n_rows, CHUNK):
        n = min(CHUNK, n_rows - i)
        ordered = []
        for name in order:
            values = (
                [run_id] * n
                if name == "run_id"
                else columns[name][i : i + n]
                if name in columns
                else [defaults[name]] * n
            )
            process = _processor(t.c[name].type, dialect, values)
            ordered.append(list(map(process, values)) if process is not None else values)
        conn.exec_driver_sql(sql, list(zip(*ordered, strict=True)))


def _processor(kind: Any, dialect: Any, values: Sequence[Any]) -> Any:
    """The column type's bind processor for ``values``; none for booleans that are all
    ``True``, ``False`` or ``None`` (what the processor would pass on unchanged as
    1, 0 and NULL: the driver binds a bool as that integer)."""
    process = kind.bind_processor(dialect)
    plain = (
        process is not None
        and isinstance(kind, Boolean)
        and dialect.name == "sqlite"
        and set(map(type, values)) <= {bool, type(None)}
    )
    return None if plain else process


def split_texts(posts: Rows) -> tuple[dict[str, Sequence[Any]], dict[str, list[Any]]]:
    """Sampled posts with their texts moved out: (post columns with ``text_id`` and no
    ``text``, PostText columns with each distinct text once). Ids count from 0 in the
    order texts first appear."""
    columns = as_columns(posts)
    texts = columns.pop("text", None)
    if texts is None:
        return columns, {}
    ids: dict[str, int] = {}
    text_ids = [ids.setdefault(text, len(ids)) for text in texts]
    columns["text_id"] = text_ids
    return columns, {"text_id": list(range(len(ids))), "text": list(ids)}


class RunWriter:
    """Writes one run so that it is either complete or visibly not.

    Every method raises :class:`DatabaseError` (a clear message) when the database fails.
    """

    def __init__(self, engine: Engine, **fields: Any):
        # a Core insert: an ORM session here would configure every mapped class first
        # (about 0.09 s, a fifth of a demo command's set-up), for one row
        self.engine = engine
        with database_errors(engine), engine.begin() as conn:
            result = conn.execute(insert(Run.__table__).values(**fields))
            self.run_id = int(result.inserted_primary_key[0])

    def _update(self, **values: Any) -> None:
        with database_errors(self.engine), self.engine.begin() as conn:
            conn.execute(
                update(Run.__table__).where(Run.__table__.c.id == self.run_id).values(**values)
            )

    def set_categories(self, categories: Sequence[str]) -> None:
        """Record the catalogue's category names (the columns' breakdown) for this run."""
        self._update(categories=",".join(categories))

    def heartbeat(self, days_done: int) -> bool:
        """Record progress; best effort (a busy database delays the record, not the run).
        Returns whether it was written."""
        try:
            self._update(days_done=days_done, heartbeat_at=now())
        except DatabaseError:
            return False
        return True

    def complete(
        self,
        *,
        days_done: int,
        wall_seconds: float,
        summary: dict[str, Any],
        metrics: Iterable[dict[str, Any]] | Mapping[str, Sequence[Any]],
        rules: Rows,
        posts: Rows,
        feed: Rows,
        events: Rows,
        accounts: Rows,
    ) -> None:
        """Every row of the run and status ``complete``, in one transaction. Each table's
        rows are a list of dicts or columns (see :data:`Rows`); each distinct text of
        ``posts`` is stored once (:class:`PostText`).

        When writing fails (the database, a bad row, Ctrl+C), nothing of it is kept and
        the run is marked ``failed`` or ``interrupted`` (best effort, as :meth:`fail`)
        before the error goes on: a stopped save never leaves it ``running``."""
        rid = self.run_id
        with self.marked_if_stopped(days_done), gc_paused():
            post_columns, texts = split_texts(posts)
        with (
            self.marked_if_stopped(days_done),
            gc_paused(),
            database_errors(self.engine),
            self.engine.begin() as conn,
        ):
            for table, rows in (
                (DailyMetric, metrics if isinstance(metrics, Mapping) else list(metrics)),
                (RuleStat, rules),
                (PostText, texts),
                (PostSample, post_columns),
                (FeedItem, feed),
                (ModerationEvent, events),
                (AccountRow, accounts),
            ):
                _bulk(conn, table, rows, rid)
            conn.execute(
                update(Run.__table__)
                .where(Run.__table__.c.id == rid)
                .values(
                    status="complete",
                    days_done=days_done,
                    wall_seconds=wall_seconds,
                    finished_at=now(),
                    heartbeat_at=now(),
                    summary_json=dumps(summary),  # strict: an undefined measure is null
                )
            )

    @contextmanager
    def marked_if_stopped(self, days_done: int) -> Iterator[None]:
        """Whatever stops the block marks the run ``interrupted`` (Ctrl+C) or ``failed``
        (best effort, as :meth:`fail`) before it goes on: for a caller that builds the
        rows of :meth:`complete` after making the writer (``save_live``)."""
        try:
            yield
        except KeyboardInterrupt:
            self.fail("interrupted", R.BY_THE_USER_WHILE_SAVING, days_done)
            raise
        except BaseException as exc:
            self.fail("failed", f"saving the run failed: {exc}", days_done)
            raise

    def fail(self, status: str, error: str, days_done: int) -> bool:
        """Mark the run failed or interrupted; rows of a failed run are never written.

        Best effort: when the database itself failed (full disk, lost server) the mark
        may not be written either; the run then stays ``running`` and reads as
        ``incomplete`` once its heartbeat is stale. Returns whether the mark was written.
        """
        try:
            self._update(status=status, error=error[:4000], days_done=days_done, finished_at=now())
        except DatabaseError:
            return False
        return True


def run_state(run: Run, at: dt.datetime | None = None) -> str:
    """``complete``, ``failed``, ``interrupted``, ``running`` or ``incomplete`` (stale)."""
    if run.status != "running":
        return run.status
    at = at or now()
    return "incomplete" if (at - run.heartbeat_at).total_seconds() > STALE_SECONDS else "running"


class NothingStored(LookupError):
    """A run (or every run of a reference) that was never stored complete and has no
    rows to read back: ``str()`` names each run's state and says there is nothing to
    export, report or open; ``message`` is that text's :class:`~policy.messages.Message`
    (``simulation.runs.messages``), which the app shows in the interface's language.
    Raised before anything is written."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))
        self.message = R.as_message(message)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message,))


def state_text(run: Run, at: dt.datetime | None = None) -> str:
    """``run``'s state in words, with what a user needs to judge it: how many days it
    simulated, when it was last heard from (running / incomplete) and its error
    (failed / interrupted). E.g. ``incomplete: stopped after 12 of 400 days without
    being saved (no progress recorded since 2026-01-01 12:00:00 UTC; its process
    probably ended without finishing, e.g. was killed)``. :func:`state_message` is the
    same as a message."""
    return str(state_message(run, at))


def state_message(run: Run, at: dt.datetime | None = None) -> Message:
    """:func:`state_text` as a message of ``simulation.runs.messages``."""
    state = run_state(run, at)
    days = msg(R.DAYS_OF, done=run.days_done, requested=run.days_requested)
    if state == "complete":
        return msg(R.STATE_COMPLETE, days=days)
    if state == "running":
        seen = int(((at or now()) - run.heartbeat_at).total_seconds())
        return msg(R.STATE_RUNNING, days=days, seconds=seen, minutes=STALE_SECONDS // 60)
    if state == "incomplete":
        when = run.heartbeat_at.isoformat(sep=" ", timespec="seconds")
        return msg(R.STATE_INCOMPLETE, days=days, when=when)
    # an error the program stored in its own words is said in the reader's language
    error = msg(run.error) if run.error in R.OWN_ERRORS else run.error
    reason = msg(R.REASON, error=error) if run.error else ""
    if state == "failed":
        return msg(R.STATE_FAILED, days=days, reason=reason)
    if state == "interrupted":
        return msg(R.STATE_INTERRUPTED, days=days, reason=reason)
    return msg(R.STATE_STOPPED, state=state, days=days, reason=reason)


def not_stored(run: Run, doing: str) -> NothingStored:
    """The error for ``run`` (not complete, no rows): its state and that it has nothing
    stored to ``doing`` ("export", "report", "open")."""
    return NothingStored(
        msg(R.NOT_STORED, run=run.id, state=state_message(run), doing=R.doing_text(doing))
    )


def stored_days(engine: Engine, run_id: int) -> int:
    """How many days of daily metrics are stored for the run (0: none)."""
    with database_errors(engine), engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count(func.distinct(DailyMetric.day))).where(
                    DailyMetric.run_id == run_id
                )
            ).scalar_one()
        )


def stored_notice(engine: Engine, run: Run, doing: str = "export") -> str:
    """What a reader of a stored run must be told before its data: ``""`` for a
    complete run; for one that is not complete but has rows stored (partial data), a
    sentence saying so plainly. Raises :class:`NothingStored` (its state, and that it
    has nothing stored to ``doing``) when it is not complete and has no rows."""
    notice = stored_notice_message(engine, run, doing)
    return "" if notice is None else str(notice)


def stored_notice_message(engine: Engine, run: Run, doing: str = "export") -> Message | None:
    """:func:`stored_notice` as a message (None for a complete run)."""
    if run.status == "complete":
        return None
    days = stored_days(engine, int(run.id or 0))
    if not days:
        raise not_stored(run, doing)
    return msg(R.PARTIAL, state=state_message(run), days=days)


def list_runs(engine: Engine) -> list[Run]:
    with database_errors(engine), Session(engine) as session:
        return list(session.exec(select(Run).order_by(Run.id)).all())


def get_run(engine: Engine, run_id: int) -> Run:
    with database_errors(engine), Session(engine) as session:
        run = session.get(Run, run_id)
        if run is None:
            raise R.NotInDatabase(msg(R.NO_RUN, run=run_id))
        return run


def delete_run(engine: Engine, run_id: int) -> None:
    with database_errors(engine), Session(engine) as session:
        for table in (
            DailyMetric,
            RuleStat,
            PostSample,
            PostText,
            FeedItem,
            ModerationEvent,
            AccountRow,
        ):
            session.execute(delete(table).where(table.run_id == run_id))
        sweep_id = session.exec(select(Run.sweep_id).where(Run.id == run_id)).first()
        session.execute(delete(Run).where(Run.id == run_id))
        if (
            sweep_id is not None
            and not session.exec(select(Run.id).where(Run.sweep_id == sweep_id).limit(1)).first()
        ):  # the sweep's last run: its settings go with it
            session.execute(delete(Sweep).where(Sweep.id == sweep_id))
        session.commit()


def load_metrics(engine: Engine, run_id: int):
    """The daily metrics of a stored run as a wide table (one row per day)."""
    with database_errors(engine), engine.connect() as conn:
        long = pd.read_sql_query(
            select(DailyMetric.day, DailyMetric.metric, DailyMetric.value).where(
                DailyMetric.run_id == run_id
            ),
            conn,
        )
    run = get_run(engine, run_id)
    cols = columns(tuple(c for c in run.categories.split(",") if c))
    if long.empty:
        return pd.DataFrame(columns=["day", *cols])
    wide = long.pivot(index="day", columns="metric", values="value").reset_index()
    wide.columns.name = None
    ordered = ["day", *[c for c in cols if c in wide.columns]]
    extra = [c for c in wide.columns if c not in ordered]
    return wide[ordered + extra]


def load_posts(engine: Engine, run_id: int, post_ids: Sequence[int] | None = None, **where: Any):
    """A run's sampled posts (all, or those of ``post_ids``) as a DataFrame with the
    columns of :class:`PostSample` but ``text_id``, each post's ``text`` filled in,
    whether it was stored once in :class:`PostText` or inline (before schema 2)."""
    t, texts = PostSample.__table__, PostText.__table__  # type: ignore[attr-defined]
    cols = [
        func.coalesce(texts.c.text, t.c.text).label("text") if c.name == "text" else c
        for c in t.c
        if c.name != "text_id"
    ]
    joined = t.outerjoin(texts, and_(texts.c.run_id == t.c.run_id, texts.c.text_id == t.c.text_id))
    query = select(*cols).select_from(joined).where(t.c.run_id == run_id)
    if post_ids is not None:
        query = query.where(t.c.post_id.in_(list(post_ids)))
    for key, value in where.items():
        query = query.where(t.c[key] == value)
    with database_errors(engine), engine.connect() as conn:
        return pd.read_sql_query(query.order_by(t.c.id), conn)


def load_table(engine: Engine, table: type[SQLModel], run_id: int, **where: Any):
    """Rows of one table for a run as a DataFrame (feed, posts, events, accounts, rules);
    sampled posts come with their texts (:func:`load_posts`)."""
    if table is PostSample:
        return load_posts(engine, run_id, **where)
    query = select(table).where(table.run_id == run_id)
    for key, value in where.items():
        query = query.where(getattr(table, key) == value)
    with database_errors(engine), engine.connect() as conn:
        return pd.read_sql_query(query, conn)
