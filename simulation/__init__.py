"""Circle Lab's headless engine: a simulated Friends Circle, its metrics and storage.

>>> from simulation import run
>>> result = run("classroom", "crackdown", days=60, seed=3)
>>> result.metrics[["day", "ad_share", "offers_created.tobacco"]].tail()

The public names below are loaded on first use (PEP 562): importing any submodule
imports this package first, and the command line should not pay for NumPy, pandas and
pydantic before it knows which command runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "Scenario": "simulation.scenario",
    "load_scenario": "simulation.scenario",
    "parse_scenario": "simulation.scenario",
    "run": "simulation.runs.run",
    "RunResult": "simulation.runs.result",
    "summarise": "simulation.runs.result",
    "sweep": "simulation.sweeps.sweep",
    "SweepResult": "simulation.sweeps.sweep",
    "Simulation": "simulation.world.engine",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'simulation' has no attribute {name!r}")


__all__ = sorted(_PUBLIC)
