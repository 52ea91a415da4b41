"""The feed and account views of a live simulation, as plain tables.

The GUI shows these; they are computed here so that the same views exist headless
(and for stored runs, ``simulation.runs.storage`` returns the same columns).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from policy.interface import CHANNEL_NAMES
from simulation.metrics import KINDS, STYLES
from simulation.world.accounts import ARCHETYPE_NAMES, STATUS_NAMES
from simulation.world.content.people import display_names
from simulation.world.sampling import LIKE_RATE
from simulation.world.state import World, post_views

FEED_COLUMNS = [
    "post_id",
    "day",
    "hour",
    "author",
    "author_name",
    "archetype",
    "kind",
    "category",
    "style",
    "text",
    "has_image",
    "removed_at_hours",
    "removal_cause",
    "rule",
    "stage",
    "views",
    "likes",
    "reports",
    "labelled",
    "evidence",
    "author_status",
    "author_status_day",
]


def _live_rows(world: World, post_ids: np.ndarray) -> list[dict[str, Any]]:
    posts = world.posts
    rows = post_ids - posts.base
    ok = (rows >= 0) & (rows < posts.n)
    out = []
    seen = post_views(world, rows[ok]).tolist()
    for pid, r, views in zip(post_ids[ok].tolist(), rows[ok].tolist(), seen, strict=True):
        age = float(posts.removed_age[r])
        out.append(
            {
                "post_id": pid,
                "day": int(posts.day[r]),
                "hour": float(posts.hour[r]),
                "author": int(posts.author[r]),
                "kind": int(posts.kind[r]),
                "category": int(posts.category[r]),
                "style": int(posts.style[r]),
                "text_id": int(posts.text[r]),
                "removed_at_hours": None if np.isinf(age) else age,
                "removal_cause": int(posts.cause[r]),
                "rule": int(posts.rule[r]),
                "stage": int(posts.stage[r]),
                "views": views,
                "likes": round(views * float(LIKE_RATE[posts.kind[r]])),  # expected, so far
                "reports": int(posts.reports[r]),
                "labelled": bool(posts.labelled[r]),
                "evidence": world.evidence.get(pid, ""),
            }
        )
    return out


def feed_frame(world: World, viewer: int, day: int) -> pd.DataFrame:
    ids = np.array([p for v, d, p in world.feed_rows if v == viewer and d == day], np.int64)
    if not len(ids):
        return pd.DataFrame(columns=FEED_COLUMNS)
    samples = world.samples
    finished = {r["post_id"]: r for r in samples.rows(samples.array("day") == day)}
    rows = [dict(finished[p]) for p in ids.tolist() if p in finished]
    rows += _live_rows(world, np.array([p for p in ids.tolist() if p not in finished], np.int64))
    frame = pd.DataFrame(rows)
    acc = world.accounts
    authors = frame["author"].to_numpy(np.int64)
    frame["author_name"] = display_names(
        authors, acc.archetype[authors], world.scenario.locale, world.seed
    )
    frame["archetype"] = acc.archetype[authors]
    frame["text"] = [world.pool.texts[t] for t in frame["text_id"]]
    frame["has_image"] = world.pool.has_image[frame["text_id"].to_numpy()]
    frame["author_status"] = acc.status[authors]
    frame["author_status_day"] = acc.status_day[authors]
    frame = frame.sort_values("hour", ascending=False).reset_index(drop=True)
    return frame[FEED_COLUMNS]


def describe_post(row: dict[str, Any], categories: tuple[str, ...]) -> dict[str, str]:
    """Human words for a post's codes (kind, category, style, archetype)."""
    cat = int(row.get("category", -1))
    return {
        "kind": KINDS[int(row["kind"])],
        "category": categories[cat] if 0 <= cat < len(categories) else "",
        "style": STYLES[int(row.get("style", 0))],
        "archetype": ARCHETYPE_NAMES[int(row.get("archetype", 0))],
    }


def account_info(world: World, account: int) -> dict[str, Any]:
    acc = world.accounts
    if not 0 <= account < acc.n:
        raise KeyError(f"no account {account}")
    a = np.array([account])
    cat = int(acc.category[account])
    successors = np.flatnonzero(acc.predecessor == account).tolist()
    return {
        "account": account,
        "name": display_names(a, acc.archetype[a], world.scenario.locale, world.seed)[0],
        "archetype": ARCHETYPE_NAMES[int(acc.archetype[account])],
        "kind": "official" if acc.kind[account] else "personal",
        "category": world.categories[cat] if cat >= 0 else "",
        "status": STATUS_NAMES[int(acc.status[account])],
        "status_day": int(acc.status_day[account]),
        "join_day": int(acc.join_day[account]),
        "style": STYLES[int(acc.style[account])],
        "skill": float(acc.skill[account]),
        "channel": CHANNEL_NAMES[int(acc.channel[account])],
        "lineage": int(acc.lineage[account]),
        "removals": int(acc.removals[account]),
        "violations": int(acc.violations[account]),
        "bans": int(acc.bans[account]),
        "predecessor": int(acc.predecessor[account]),
        "successors": successors,
        "generation": int(acc.generation[account]),
        "device_flag": bool(acc.device_flag[account]),
        "profit": float(acc.profit[account]),
        "risk": float(acc.risk[account]),
        "events": [e for e in world.events if e["account"] == account],
    }
