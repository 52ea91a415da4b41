"""Runs in a database: SQLite by default, any SQLAlchemy URL (PostgreSQL) for a shared lab.

A run row is written with status ``running`` before the first day. Everything
else (daily metrics, rule statistics, sampled posts, feeds, events, accounts) is
written at the end in ONE transaction that also sets status ``complete``: a run
killed halfway can never look complete. Its row stays ``running`` and, once its
heartbeat is stale, reads as ``incomplete``. Rows are written with executemany
(SQLAlchemy Core inserts of lists), never one session ``add`` per row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import NaiveDatetime
from sqlalchemy import Index, delete, insert, inspect, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, create_engine, select

from simulation.metrics import columns
from simulation.paths import default_db_url

STALE_SECONDS = 300  # a running run without a heartbeat for this long is incomplete
CHUNK = 20_000


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
    text: str = ""
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


def normalise_url(db: str | Path | None) -> str:
    """``None`` → the user's data directory; a path → SQLite file; a URL stays a URL."""
    if db is None:
        return default_db_url()
    text = str(db)
    if "://" in text:
        return text
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def usable_db(db: str | Path | None) -> str:
    """The URL of ``db`` after checking it can be opened; ``OSError`` says why not.

    A run finds out that its database is unusable before it starts, not after its last day.
    """
    try:
        url = normalise_url(db)
        with engine_for(url).connect():
            pass
    except SQLAlchemyError as exc:
        raise OSError(str(exc.orig) if getattr(exc, "orig", None) else str(exc)) from None
    return url


@lru_cache(maxsize=16)
def engine_for(url: str) -> Engine:
    kwargs: dict[str, Any] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 60}
    engine = create_engine(url, **kwargs)
    SQLModel.metadata.create_all(engine)
    add_missing_columns(engine)
    return engine


def add_missing_columns(engine: Engine) -> list[str]:
    """Bring a database made by an earlier version up to date by adding new columns.

    Columns are only ever added (with their default), never changed or dropped, so old
    runs stay readable and new runs can be written to the same file.
    """
    added = []
    existing_tables = set(inspect(engine).get_table_names())
    with engine.begin() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in existing_tables:
                continue
            have = {c["name"] for c in inspect(conn).get_columns(table.name)}
            for column in table.columns:
                if column.name in have:
                    continue
                kind = column.type.compile(dialect=engine.dialect)
                default = column.default.arg if column.default is not None else None
                clause = ""
                if isinstance(default, bool):
                    clause = f" DEFAULT {'TRUE' if default else 'FALSE'}"
                elif isinstance(default, int | float):
                    clause = f" DEFAULT {default}"
                elif isinstance(default, str):
                    clause = " DEFAULT '" + default.replace("'", "''") + "'"
                conn.execute(
                    text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{clause}')
                )
                added.append(f"{table.name}.{column.name}")
    return added


def open_db(db: str | Path | None) -> Engine:
    return engine_for(normalise_url(db))


def _bulk(session: Session, table: type[SQLModel], rows: Sequence[dict[str, Any]]) -> None:
    for i in range(0, len(rows), CHUNK):
        chunk = rows[i : i + CHUNK]
        if chunk:
            session.execute(insert(table), list(chunk))


class RunWriter:
    """Writes one run so that it is either complete or visibly not."""

    def __init__(self, engine: Engine, **fields: Any):
        self.engine = engine
        with Session(engine) as session:
            run = Run(**fields)
            session.add(run)
            session.commit()
            self.run_id = int(run.id)  # type: ignore[arg-type]

    def set_categories(self, categories: Sequence[str]) -> None:
        """Record the catalogue's category names (the columns' breakdown) for this run."""
        with Session(self.engine) as session:
            session.execute(
                update(Run).where(Run.id == self.run_id).values(categories=",".join(categories))
            )
            session.commit()

    def heartbeat(self, days_done: int) -> None:
        with Session(self.engine) as session:
            session.execute(
                update(Run)
                .where(Run.id == self.run_id)
                .values(days_done=days_done, heartbeat_at=now())
            )
            session.commit()

    def complete(
        self,
        *,
        days_done: int,
        wall_seconds: float,
        summary: dict[str, Any],
        metrics: Iterable[dict[str, Any]],
        rules: Sequence[dict[str, Any]],
        posts: Sequence[dict[str, Any]],
        feed: Sequence[dict[str, Any]],
        events: Sequence[dict[str, Any]],
        accounts: Sequence[dict[str, Any]],
    ) -> None:
        rid = self.run_id
        with Session(self.engine) as session:
            for table, rows in (
                (DailyMetric, list(metrics)),
                (RuleStat, rules),
                (PostSample, posts),
                (FeedItem, feed),
                (ModerationEvent, events),
                (AccountRow, accounts),
            ):
                _bulk(session, table, [{**r, "run_id": rid} for r in rows])
            session.execute(
                update(Run)
                .where(Run.id == rid)
                .values(
                    status="complete",
                    days_done=days_done,
                    wall_seconds=wall_seconds,
                    finished_at=now(),
                    heartbeat_at=now(),
                    summary_json=json.dumps(summary, default=float),
                )
            )
            session.commit()

    def fail(self, status: str, error: str, days_done: int) -> None:
        """Mark the run failed or interrupted; rows of a failed run are never written."""
        with Session(self.engine) as session:
            session.execute(
                update(Run)
                .where(Run.id == self.run_id)
                .values(status=status, error=error[:4000], days_done=days_done, finished_at=now())
            )
            session.commit()


def run_state(run: Run, at: dt.datetime | None = None) -> str:
    """``complete``, ``failed``, ``interrupted``, ``running`` or ``incomplete`` (stale)."""
    if run.status != "running":
        return run.status
    at = at or now()
    return "incomplete" if (at - run.heartbeat_at).total_seconds() > STALE_SECONDS else "running"


def list_runs(engine: Engine) -> list[Run]:
    with Session(engine) as session:
        return list(session.exec(select(Run).order_by(Run.id)).all())


def get_run(engine: Engine, run_id: int) -> Run:
    with Session(engine) as session:
        run = session.get(Run, run_id)
        if run is None:
            raise KeyError(f"no run {run_id} in this database")
        return run


def delete_run(engine: Engine, run_id: int) -> None:
    with Session(engine) as session:
        for table in (DailyMetric, RuleStat, PostSample, FeedItem, ModerationEvent, AccountRow):
            session.execute(delete(table).where(table.run_id == run_id))
        session.execute(delete(Run).where(Run.id == run_id))
        session.commit()


def load_metrics(engine: Engine, run_id: int):
    """The daily metrics of a stored run as a wide table (one row per day)."""
    with engine.connect() as conn:
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


def load_table(engine: Engine, table: type[SQLModel], run_id: int, **where: Any):
    """Rows of one table for a run as a DataFrame (feed, posts, events, accounts, rules)."""
    query = select(table).where(table.run_id == run_id)
    for key, value in where.items():
        query = query.where(getattr(table, key) == value)
    with engine.connect() as conn:
        return pd.read_sql_query(query, conn)
