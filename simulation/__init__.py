"""Circle Lab's headless engine: a simulated Friends Circle, its metrics and storage.

>>> from simulation import run
>>> result = run("classroom", "crackdown", days=60, seed=3)
>>> result.metrics[["day", "ad_share", "offers_created.tobacco"]].tail()
"""

from simulation.scenario import Scenario, load_scenario, parse_scenario


def __getattr__(name: str):  # heavy modules load on first use
    if name in ("run", "RunResult", "summarise"):
        from simulation.runs import run as runs

        return getattr(runs, name)
    if name in ("sweep", "SweepResult"):
        from simulation.sweeps import sweep as sweeps

        return getattr(sweeps, name)
    if name == "Simulation":
        from simulation.world.engine import Simulation

        return Simulation
    raise AttributeError(name)


__all__ = [
    "RunResult",
    "Scenario",
    "Simulation",
    "load_scenario",
    "parse_scenario",
    "run",
    "summarise",
    "sweep",
]
