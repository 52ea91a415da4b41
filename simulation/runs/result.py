"""What a run produced, and the headline numbers and stored rows made from a simulation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulation.metrics.summary import RunFacts
from simulation.metrics.summary import summarise as summarise_measures
from simulation.runs.history import RunHistory
from simulation.runs.marks import first_action
from simulation.world.accounts import Archetype, Status
from simulation.world.content.people import display_names
from simulation.world.engine import Simulation
from simulation.world.history import Outline


@dataclass
class RunResult:
    """What a run produced. ``metrics`` has one row per day, one column per metric."""

    metrics: pd.DataFrame
    rules: pd.DataFrame
    summary: dict[str, Any]
    run_id: int | None = None
    out_dir: Path | None = None
    simulation: Simulation | None = field(default=None, repr=False)


def policy_start(sim: Simulation) -> int:
    """The first day on which a policy in force acted (0 when none did): made an
    announcement or had a rule in force, whichever came first
    (:func:`~simulation.runs.marks.first_action`).

    A run without policy changes: its policy's first announcement or first phase with
    rules (its ``start_day`` or schedule). A run whose policy was changed while it ran:
    the first day any policy acted while it was in force (``no moderation`` for 30 days,
    then the crackdown from day 30: day 30, not the crackdown's own start)."""
    switches = RunHistory.of_simulation(sim).policy_changes()
    if not switches:
        return int(first_action(sim.policy) or 0)
    outlines = [sim.start_policy, *switches]
    starts = [0, *(int(c["day"]) for c in switches)]
    ends: list[int | None] = [*starts[1:], None]
    acting = [
        day
        for outline, first, end in zip(outlines, starts, ends, strict=True)
        if (day := first_action(Outline.of(outline), first)) is not None
        and (end is None or day < end)
    ]
    return min(acting, default=0)


def run_facts(sim: Simulation) -> RunFacts:
    """What a summary needs beyond the daily metrics: populations and the posts' fates."""
    w = sim.world
    own_removed, own_surviving = sim.post_fates()
    return RunFacts(
        accounts_start=w.n_initial,
        policy_start=policy_start(sim),
        own_removed=own_removed,
        own_surviving=own_surviving,
        carried_in=w.totals.carried_in.copy(),
        carried_in_removed=w.totals.removed_checked - w.totals.run_removed,
    )


def accounts_end(sim: Simulation) -> int:
    """Accounts registered by the end of the run (``accounts_end`` in the registry):
    every account row but the people who never joined (``Status.PROSPECT``), which the
    world keeps as rows of its friends graph from the start."""
    acc = sim.world.accounts
    return int(acc.n - np.count_nonzero(acc.status == Status.PROSPECT))


def summarise(sim: Simulation, metrics: pd.DataFrame, wall: float) -> dict[str, Any]:
    """The run's facts, then every headline measure (``simulation.metrics.summary``), for
    the CLI table, JSON, the report and the app. Call after ``sim.finish()``."""
    created = float(metrics.filter(like="posts_created.").to_numpy().sum())
    return {
        "scenario": sim.scenario.name,
        "policy": RunHistory.of_simulation(sim).name(),  # every policy put in force
        "seed": sim.seed,
        "days": len(metrics),
        "accounts_start": sim.world.n_initial,
        "accounts_end": accounts_end(sim),
        **summarise_measures(metrics, run_facts(sim)),
        "wall_seconds": round(wall, 3),
        "posts_per_second": round(created / wall, 1) if wall > 0 else None,
    }


def _records(columns: dict[str, Sequence[Any]]) -> list[dict[str, Any]]:
    keys = list(columns)
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns.values(), strict=True)]


ACCOUNT_FIELDS = (
    "archetype",
    "kind",
    "category",
    "style",
    "join_day",
    "status",
    "status_day",
    "predecessor",
    "generation",
    "removals",
    "violations",
    "bans",
    "device_flag",
)


def account_columns(sim: Simulation) -> dict[str, list[Any]]:
    """Every seller, spammer and merchant, plus regular users who were acted on, watched, or
    wrote a stored post (so that every stored post's author can be inspected), as columns
    (``account``, ``name`` and :data:`ACCOUNT_FIELDS`)."""
    acc = sim.world.accounts
    interesting = (acc.archetype != Archetype.REGULAR) | (acc.bans > 0) | (acc.removals > 0)
    interesting[sim.watched] = True
    interesting[sim.world.samples.array("author").astype(np.int64)] = True
    ids = np.flatnonzero(interesting)
    names = display_names(ids, acc.archetype[ids], sim.scenario.locale, sim.seed)
    return {
        "account": ids.tolist(),
        "name": names,
        **{c: getattr(acc, c)[ids].tolist() for c in ACCOUNT_FIELDS},
    }


def account_rows(sim: Simulation) -> list[dict[str, Any]]:
    """:func:`account_columns` as one dict per account."""
    return _records(account_columns(sim))


def post_columns(sim: Simulation) -> dict[str, Sequence[Any]]:
    """The sampled posts as columns: the engine's fields (``post_id``, ``day``, ``hour``,
    …), then ``author_name``, ``archetype``, ``text`` and ``has_image``. Empty when no
    post was sampled."""
    samples = sim.world.samples
    if not len(samples):
        return {}
    columns: dict[str, Sequence[Any]] = samples.columns()
    del columns["text_id"]
    text_ids = samples.array("text_id").astype(np.int64)
    authors, which = np.unique(samples.array("author").astype(np.int64), return_inverse=True)
    arche = sim.world.accounts.archetype[authors]
    texts = sim.world.pool.texts
    names = display_names(authors, arche, sim.scenario.locale, sim.seed)  # once per author
    columns["author_name"] = [names[i] for i in which.tolist()]
    columns["archetype"] = arche[which].tolist()
    columns["text"] = [texts[t] for t in text_ids.tolist()]
    columns["has_image"] = sim.world.pool.has_image[text_ids].astype(bool).tolist()
    return columns


def post_rows(sim: Simulation) -> list[dict[str, Any]]:
    """:func:`post_columns` as one dict per sampled post."""
    return _records(post_columns(sim))


def metrics_long(metrics: pd.DataFrame) -> list[dict[str, Any]]:
    """The daily metrics as (day, metric, value) rows, metric by metric (``melt``'s
    order); a missing value is None."""
    return _records(metrics_columns(metrics))


def metrics_columns(metrics: pd.DataFrame) -> dict[str, list[Any]]:
    """:func:`metrics_long` as columns ``day``, ``metric``, ``value``."""
    days = metrics["day"].tolist()
    out: dict[str, list[Any]] = {"day": [], "metric": [], "value": []}
    for name in metrics.columns:
        if name == "day":
            continue
        values = metrics[name].to_numpy(dtype=float).tolist()
        out["day"] += days
        out["metric"] += [name] * len(days)
        out["value"] += [None if v != v else v for v in values]  # v != v: NaN
    return out
