"""A run reopened from the database: same views as a live run, nothing re-simulated.

Every read goes through ``simulation.runs.storage`` and fails as a
:class:`~simulation.runs.urls.DatabaseError` with a clear message, never a raw SQL error.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import select

from policy.messages import Message, msg
from simulation.metrics import STYLES
from simulation.runs import messages as R
from simulation.runs.history import RunHistory
from simulation.runs.storage import (
    AccountRow,
    FeedItem,
    ModerationEvent,
    RuleStat,
    database_errors,
    get_run,
    load_metrics,
    load_posts,
    load_table,
    stored_notice_message,
)
from simulation.world.accounts import ARCHETYPE_NAMES, STATUS_NAMES
from simulation.world.views import FEED_COLUMNS


class StoredRun:
    """Reads one stored run's tables on demand (and caches the small ones).

    A run that is not complete and has nothing stored raises
    ``simulation.runs.storage.NothingStored`` (its state, in words); one with some days
    stored opens with ``notice`` saying it is not complete ("" for a complete run; in
    English, ``notice_message`` the same as a message, None for a complete run).
    ``doing``: what the error says there is nothing stored to do ("open", "export")."""

    def __init__(self, engine: Engine, run_id: int, doing: str = "open") -> None:
        self.engine = engine
        self.run_id = run_id
        self.run = get_run(engine, run_id)
        self.notice_message: Message | None = stored_notice_message(engine, self.run, doing)
        self.notice = "" if self.notice_message is None else str(self.notice_message)
        self.categories = tuple(c for c in self.run.categories.split(",") if c)

    @cached_property
    def history(self) -> RunHistory:
        """What was changed while the run ran (``recorded`` False: stored before that
        was kept)."""
        return RunHistory.of_run(self.run)

    @cached_property
    def metrics(self) -> pd.DataFrame:
        return load_metrics(self.engine, self.run_id)

    @cached_property
    def rules(self) -> pd.DataFrame:
        frame = load_table(self.engine, RuleStat, self.run_id)
        return frame.drop(columns=["id", "run_id"], errors="ignore")

    @cached_property
    def rule_names(self) -> tuple[str, ...]:
        rules = self.rules
        if not len(rules):
            return ()
        order = rules.drop_duplicates("rule").sort_values("rule")
        return tuple(order["name"])

    @cached_property
    def watched(self) -> tuple[int, ...]:
        with database_errors(self.engine), self.engine.connect() as conn:
            rows = conn.execute(
                select(FeedItem.viewer).distinct().where(FeedItem.run_id == self.run_id)
            ).all()
        return tuple(sorted(int(r[0]) for r in rows))

    def feed(self, viewer: int, day: int) -> pd.DataFrame:
        ids = load_table(self.engine, FeedItem, self.run_id, viewer=viewer, day=day)["post_id"]
        if not len(ids):
            return pd.DataFrame(columns=FEED_COLUMNS)
        posts = load_posts(self.engine, self.run_id, ids.tolist())
        authors = posts["author"].unique().tolist()
        acc = self._accounts(authors)[["account", "status", "status_day"]]
        posts = posts.merge(acc, left_on="author", right_on="account", how="left")
        posts["author_status"] = posts["status"].fillna(0).astype(int)
        posts["author_status_day"] = posts["status_day"]
        posts["removed_at_hours"] = posts["removed_at_hours"].astype(float)
        posts = posts.sort_values("hour", ascending=False).reset_index(drop=True)
        return posts[FEED_COLUMNS]

    def _accounts(self, ids: list[int]) -> pd.DataFrame:
        query = select(AccountRow).where(
            AccountRow.run_id == self.run_id, AccountRow.account.in_(ids)
        )
        with database_errors(self.engine), self.engine.connect() as conn:
            return pd.read_sql_query(query, conn)

    def account(self, account: int) -> dict[str, Any]:
        """The stored counterpart of ``Simulation.account`` (fields the database keeps)."""
        rows = self._accounts([account])
        if not len(rows):
            raise R.NotInDatabase(msg(R.NO_ACCOUNT, account=account))
        r = rows.iloc[0]
        with database_errors(self.engine), self.engine.connect() as conn:
            succ = conn.execute(
                select(AccountRow.account).where(
                    AccountRow.run_id == self.run_id, AccountRow.predecessor == account
                )
            ).all()
        events = load_table(self.engine, ModerationEvent, self.run_id, account=account)
        cat = int(r["category"])
        return {
            "account": account,
            "name": r["name"],
            "archetype": ARCHETYPE_NAMES[int(r["archetype"])],
            "kind": "official" if int(r["kind"]) else "personal",
            "category": self.categories[cat] if 0 <= cat < len(self.categories) else "",
            "status": STATUS_NAMES[int(r["status"])],
            "status_day": int(r["status_day"]),
            "join_day": int(r["join_day"]),
            "style": STYLES[int(r["style"])] if "style" in r else STYLES[0],
            "removals": int(r["removals"]),
            "violations": int(r["violations"]),
            "bans": int(r["bans"]),
            "predecessor": int(r["predecessor"]),
            "successors": [int(s[0]) for s in succ],
            "generation": int(r["generation"]),
            "device_flag": bool(r["device_flag"]),
            "events": events.drop(columns=["id", "run_id"], errors="ignore").to_dict("records"),
        }
