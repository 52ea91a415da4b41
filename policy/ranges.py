"""Ranges the engine can actually run, shared by the policy, cases and scenario models.

A value a model accepts must be one a run can use: the engine keeps days, counts and
account ids in 32-bit NumPy columns and draws Poisson counts per account per day, so
"any non-negative number" is not enough. Each bound says why in its error message
(``policy.yamlfile.at_most``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from policy import messages as M
from policy.messages import msg
from policy.yamlfile import at_most

MAX_DAYS = 36_500
DAYS_WHY = msg(M.DAYS_WHY)
MAX_COUNT = 1_000_000_000
COUNT_WHY = msg(M.COUNT_WHY)
MAX_STRIKES = 1_000_000

Day = Annotated[int, Field(ge=0), at_most(MAX_DAYS, DAYS_WHY)]
Days = Annotated[int, Field(ge=1), at_most(MAX_DAYS, DAYS_WHY)]
Hours = Annotated[float, Field(ge=0.0), at_most(24 * MAX_DAYS, DAYS_WHY)]
Count = Annotated[int, Field(ge=0), at_most(MAX_COUNT, COUNT_WHY)]
Strikes = Annotated[
    float,
    Field(ge=0.0),
    at_most(MAX_STRIKES, msg(M.STRIKES_WHY)),
]
Seed = Annotated[int, Field(ge=0), at_most(2**63 - 1, msg(M.SEED_WHY))]
