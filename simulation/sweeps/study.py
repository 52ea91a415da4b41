"""Study files: a named sweep with its figure (``assets/studies/*.yaml``).

A study names a scenario, policies (paths relative to the study file), seeds and the
parameters to sweep, and says how to draw its figure. It is read through the project's
one input layer, so a broken study is answered like a broken policy: file, line, column
and field, before any run starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from policy.errors import LocatedError
from policy.ranges import Days
from policy.yamlfile import read_yaml, validate
from simulation.paths import assets_dir
from simulation.sweeps.study_check import check_study, resolve

STUDY_DB = "study.db"  # a study's own database, in its --out folder (resumable)

STUDY_DIR = "studies"


class Reference(BaseModel):
    """The dashed line of the study figure: what removal alone would avoid."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    half_life_hours: float = Field(gt=0.0, le=240.0)
    recall: float = Field(default=1.0, ge=0.0, le=1.0)


class InEachLanguage(BaseModel):
    """A study's own text in each language its report can be written in
    (``circlelab study --lang``): ``{en_US: …, zh_CN: …}``."""

    model_config = ConfigDict(extra="forbid")
    en_US: str = Field(min_length=1)
    zh_CN: str = Field(min_length=1)


class Study(BaseModel):
    """What a study file may say (see ``assets/studies/takedown_speed.yaml``). ``title``
    and ``x_label`` are one text for every language, or one per language
    (:class:`InEachLanguage`)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    name: str = Field(min_length=1)
    title: str | InEachLanguage | None = None
    description: str | None = None
    scenario: str = Field(min_length=1)
    policies: list[Annotated[str, Field(min_length=1)]] = Field(min_length=1)
    seeds: str | int | list[int] = "1-10"
    days: Days | None = None
    baseline: str | None = None
    keep: Literal["all", "sample"] = "sample"
    set: dict[str, Any] | None = None
    policy_set: dict[str, Any] | None = None
    policy_zip: dict[str, list[Any]] | None = None
    x: str | None = None
    x_label: str | InEachLanguage | None = None
    x_log: bool = True
    reference: Reference | None = None


def study_path(name: str | Path) -> Path:
    """A shipped study's name (``takedown_speed``) or a path to a study file."""
    p = Path(name)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    return assets_dir() / STUDY_DIR / f"{name}.yaml"


def load_study(name: str | Path) -> dict[str, Any]:
    """A study as a dict for the sweep and its report: its scenario, policies and baseline
    resolved from the study's folder (a file there, else a preset), ``path`` added.

    Raises :class:`~policy.errors.LocatedError` naming the study file's line, column and
    field for anything that would stop or mislead the sweep (see
    :mod:`simulation.sweeps.study_check`), before any run starts."""
    path = study_path(name)
    doc = read_yaml(path)
    study = validate(Study, doc)
    problems = check_study(doc, study, path.parent)
    if problems:
        raise LocatedError(problems)
    spec = study.model_dump(exclude_none=True)
    base = path.parent
    spec["scenario"] = resolve(base, spec["scenario"])
    spec["policies"] = [resolve(base, p) for p in spec["policies"]]
    if "baseline" in spec:
        spec["baseline"] = resolve(base, spec["baseline"])
    spec["path"] = str(path)
    return spec
