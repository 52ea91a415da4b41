"""What a run produced, and the headline numbers and stored rows made from a simulation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulation.metrics.summary import RunFacts
from simulation.metrics.summary import summarise as summarise_measures
from simulation.world.accounts import Archetype
from simulation.world.content.people import display_names
from simulation.world.engine import Simulation


@dataclass
class RunResult:
    """What a run produced. ``metrics`` has one row per day, one column per metric."""

    metrics: pd.DataFrame
    rules: pd.DataFrame
    summary: dict[str, Any]
    run_id: int | None = None
    out_dir: Path | None = None
    simulation: Simulation | None = field(default=None, repr=False)


def run_facts(sim: Simulation) -> RunFacts:
    """What a summary needs beyond the daily metrics: populations and the posts' fates."""
    w = sim.world
    own_removed, own_surviving = sim.post_fates()
    phases = getattr(sim.policy, "phases", [])
    start = min((ph.from_day for ph in phases if ph.rules), default=0)
    return RunFacts(
        accounts_start=w.n_initial,
        policy_start=int(start),
        own_removed=own_removed,
        own_surviving=own_surviving,
        carried_in=w.totals.carried_in.copy(),
        carried_in_removed=w.totals.removed_checked - w.totals.run_removed,
    )


def summarise(sim: Simulation, metrics: pd.DataFrame, wall: float) -> dict[str, Any]:
    """The run's facts, then every headline measure (``simulation.metrics.summary``), for
    the CLI table, JSON, the report and the app. Call after ``sim.finish()``."""
    created = float(metrics.filter(like="posts_created.").to_numpy().sum())
    return {
        "scenario": sim.scenario.name,
        "policy": getattr(sim.policy, "name", ""),
        "seed": sim.seed,
        "days": len(metrics),
        "accounts_start": sim.world.n_initial,
        "accounts_end": int(sim.world.accounts.n),
        **summarise_measures(metrics, run_facts(sim)),
        "wall_seconds": round(wall, 3),
        "posts_per_second": round(created / wall, 1) if wall > 0 else None,
    }


def account_rows(sim: Simulation) -> list[dict[str, Any]]:
    """Every seller, spammer and merchant, plus regular users who were acted on, watched, or
    wrote a stored post (so that every stored post's author can be inspected)."""
    acc = sim.world.accounts
    interesting = (acc.archetype != Archetype.REGULAR) | (acc.bans > 0) | (acc.removals > 0)
    interesting[sim.watched] = True
    authors = [r["author"] for r in sim.world.sample_rows]
    interesting[np.asarray(authors, np.int64)] = True
    ids = np.flatnonzero(interesting)
    names = display_names(ids, acc.archetype[ids], sim.scenario.locale, sim.seed)
    cols = (
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
    arrays = {c: getattr(acc, c)[ids].tolist() for c in cols}
    return [
        {"account": int(i), "name": names[j], **{c: arrays[c][j] for c in cols}}
        for j, i in enumerate(ids.tolist())
    ]


def post_rows(sim: Simulation) -> list[dict[str, Any]]:
    rows = sim.world.sample_rows
    if not rows:
        return []
    authors = np.array([r["author"] for r in rows], np.int64)
    arche = sim.world.accounts.archetype[authors]
    names = display_names(authors, arche, sim.scenario.locale, sim.seed)
    texts, images = sim.world.pool.texts, sim.world.pool.has_image
    out = []
    for r, name, arch in zip(rows, names, arche.tolist(), strict=True):
        row = dict(r)
        tid = row.pop("text_id")
        row.update(author_name=name, archetype=arch, text=texts[tid], has_image=bool(images[tid]))
        out.append(row)
    return out


def metrics_long(metrics: pd.DataFrame) -> list[dict[str, Any]]:
    """The daily metrics as (day, metric, value) rows, metric by metric (``melt``'s
    order); a missing value is None."""
    days = metrics["day"].tolist()
    rows = []
    for name in metrics.columns:
        if name == "day":
            continue
        values = metrics[name].to_numpy(dtype=float).tolist()
        rows += [
            {"day": d, "metric": name, "value": None if v != v else v}  # v != v: NaN
            for d, v in zip(days, values, strict=True)
        ]
    return rows
