"""What a run produced, and the headline numbers and stored rows made from a simulation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulation.metrics import KINDS
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


def summarise(sim: Simulation, metrics: pd.DataFrame, wall: float) -> dict[str, Any]:
    """Headline numbers of a run, for the CLI table, JSON and the report."""
    m = metrics
    cats = sim.categories

    def total(col: str) -> float:
        return float(m[col].sum()) if col in m and len(m) else 0.0

    def window(col: str, first: bool) -> float:
        if col not in m or not len(m):
            return float("nan")
        part = m[col].head(7) if first else m[col].tail(7)
        return float(part.mean())

    created = {k: total(f"posts_created.{k}") for k in KINDS}
    removed = {k: total(f"posts_removed.{k}") for k in KINDS}
    viol_created = created["spam"] + created["offer"]
    viol_removed = removed["spam"] + removed["offer"]
    all_removed = sum(removed.values())  # includes posts carried in from the warm-up
    own_removed, own_surviving = sim.post_fates()
    own_viol_removed = float(own_removed[2] + own_removed[3])  # spam + offers
    bans_wrong = total("bans.wrongful")
    return {
        "scenario": sim.scenario.name,
        "policy": getattr(sim.policy, "name", ""),
        "seed": sim.seed,
        "days": len(m),
        "accounts_start": sim.world.n_initial,
        "accounts_end": int(sim.world.accounts.n),
        "posts_created": int(sum(created.values())),
        "posts_removed": int(all_removed),
        "posts_surviving": int(own_surviving.sum()),
        "offers_created": int(created["offer"]),
        "spam_created": int(created["spam"]),
        "offer_impressions": total("impressions.offer"),
        "spam_impressions": total("impressions.spam"),
        "ad_share_first_week": window("ad_share", True),
        "ad_share_last_week": window("ad_share", False),
        "offers_per_day_first_week": float(sum(window(f"offers_created.{c}", True) for c in cats)),
        "offers_per_day_last_week": float(sum(window(f"offers_created.{c}", False) for c in cats)),
        "obfuscated_share_last_week": window("obfuscated_share", False),
        "bans_correct": int(total("bans.correct")),
        "bans_wrongful": int(bans_wrong),
        "wrongful_bans_per_10k_accounts": 1e4 * bans_wrong / max(sim.world.n_initial, 1),
        "wrongful_removals": int(total("wrongful_removals")),
        "precision": (viol_removed / all_removed) if all_removed else float("nan"),
        "recall": (own_viol_removed / viol_created) if viol_created else float("nan"),
        "reregistrations": int(total("reregistrations.seller") + total("reregistrations.spammer")),
        "seller_entries": int(sum(total(f"seller_entries.{c}") for c in cats)),
        "seller_exits": int(sum(total(f"seller_exits.{c}") for c in cats)),
        "reviewer_hours": total("review_hours"),
        "regular_churned": int(m["regular_churned"].iloc[-1]) if len(m) else 0,
        "wall_seconds": round(wall, 3),
        "posts_per_second": round(sum(created.values()) / wall, 1) if wall > 0 else None,
    }


def account_rows(sim: Simulation) -> list[dict[str, Any]]:
    """Every seller, spammer and merchant, plus regular users who were acted on or watched."""
    acc = sim.world.accounts
    interesting = (acc.archetype != Archetype.REGULAR) | (acc.bans > 0) | (acc.removals > 0)
    interesting[sim.watched] = True
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
    long = metrics.melt(id_vars="day", var_name="metric", value_name="value")
    long["value"] = long["value"].astype(object).where(long["value"].notna(), None)
    return long.to_dict("records")
