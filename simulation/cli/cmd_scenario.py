"""``circlelab scenario check | list``."""

from __future__ import annotations

from policy.errors import LocatedError
from simulation.cli.common import fail_input, out
from simulation.scenario import load_scenario, preset_names


def check(file: str) -> None:
    """Validate a scenario file; a problem is named with file, line and field (exit 2)."""
    try:
        scen = load_scenario(file)
    except LocatedError as exc:
        fail_input(exc)
    out.print(
        f"{file}: OK — '{scen.name}': {scen.population.accounts:,} accounts, "
        f"{scen.days} days, locale {scen.locale}, seed {scen.seed}, "
        f"{len(scen.events)} events"
    )


def list_() -> None:
    """The shipped scenario presets."""
    for name in preset_names():
        scen = load_scenario(name)
        out.print(
            f"{name:12} {scen.population.accounts:>9,} accounts {scen.days:>4} days  {scen.locale}"
        )
