"""The version of the model: the rules a stored run's numbers were computed under.

``MODEL_VERSION`` is recorded with every stored run (``Run.model_version``; NULL for a
run stored before versions were recorded, which reads as version 0). It is bumped by one
whenever the golden outputs are intentionally re-pinned (``python -m tests.golden.update``):
a change that alters the model or a metric, such as "posts made before a rule was in force
earn no strikes" or "reinstatement restores ban-swept posts". A resumed sweep reuses a
stored run only when it was made under this version (runs of an older one are replaced,
runs of a newer one refused), and a set of runs read back for a report never mixes
versions (``simulation.sweeps.store``); a comparison of two such sets of different
versions says so in its report.
"""

from __future__ import annotations

MODEL_VERSION = 1


def stored_version(value: int | None) -> int:
    """A stored run's model version: ``value``, or 0 for a run stored before versions
    were recorded (``Run.model_version`` NULL)."""
    return int(value) if value is not None else 0
