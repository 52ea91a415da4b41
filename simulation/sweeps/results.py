"""A sweep's results as tidy DataFrames, built from stored runs or from outcomes in memory."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from policy.errors import LocatedError
from policy.schedule import load_schedule
from policy.yamlfile import parse_yaml
from simulation.model_version import MODEL_VERSION, stored_version
from simulation.runs.history import RunHistory, stored_marks
from simulation.runs.marks import Mark, first_action, heard, within
from simulation.runs.report_words import Words
from simulation.runs.same_world import world_of
from simulation.runs.scenario_shown import RanWith, scenarios_as_run
from simulation.sweeps import words as W
from simulation.sweeps.aggregate import (
    baseline_runs,
    compare_arms,
    daily_bands,
    headline,
    run_headlines,
    tidy,
)
from simulation.sweeps.execute import Outcome
from simulation.sweeps.plan import POLICY_PREFIX, SET_PREFIX, Job, param_cell
from simulation.sweeps.variants import is_baseline_text
from simulation.world.history import Outline


@dataclass(frozen=True)
class ChangedRun:
    """A stored run that was changed by hand while it ran (a live run saved from the
    desktop app): which run, and its history. ``side``: the side of a comparison it is
    on (``"A (12)"``; "" outside a comparison)."""

    run_id: int
    arm: str
    seed: int
    history: RunHistory
    side: str = ""

    def label(self, w: Words = W.ENGLISH) -> str:
        """``run 12 · No moderation → … · seed 3`` (after its side in a comparison)."""
        said = w(W.CHANGED_RUN).format(run=self.run_id, arm=self.arm, seed=self.seed)
        return w(W.ON_SIDE).format(side=self.side, text=said) if self.side else said

    def lines(self, w: Words = W.ENGLISH) -> list[str]:
        """Each change in words (``RunHistory.lines``)."""
        return self.history.lines(w)


@dataclass
class SweepResult:
    """A finished (or partly failed) sweep, as tidy DataFrames.

    ``runs``: one row per run (policy, arm, params, seed, status, summary numbers;
    ``no_rules``: no moderation, no rule in force and no announcement raising sellers'
    risk on any day; ``is_baseline``: a run of the
    ``baseline`` policy, which "avoided" is measured against).
    ``metrics``: one row per run and day, one column per metric (wide).
    ``daily``: the same, long: run_id, arm, policy, seed, day, metric, value.
    """

    sweep_id: str
    runs: pd.DataFrame
    metrics: pd.DataFrame
    baseline: str | None = None
    db: str | None = None  # where the runs are stored, as shown: the password masked
    ran: int = 0
    skipped: int = 0
    rerun: int = 0  # of the runs done, those replacing runs made under another model version
    failed: int = 0
    notes: list[str] = field(default_factory=list)  # English (a W.Note: in any language)
    posts: pd.DataFrame | None = None
    texts: dict[str, str] = field(default_factory=dict)  # arm → policy text
    # each distinct scenario the runs ran, as (heading, text): the stored text with the
    # runs' scenario changes, days and seed applied (simulation.runs.scenario_shown)
    scenarios: list[tuple[str, str]] = field(default_factory=list)
    # runs changed while they ran (stored live runs)
    changes: list[ChangedRun] = field(default_factory=list)
    # each arm's event marks (its first run's: ``simulation.runs.history.stored_marks``)
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    # the history of an arm whose (first) run had its policy changed while it ran: its
    # entry of ``texts`` is that history's account of every policy in force, in English
    histories: dict[str, RunHistory] = field(default_factory=dict)
    # the runs' scenario inputs, by the side of a comparison they are on ("" outside
    # one): what ``scenarios`` says in English, said again in a report's language
    inputs: list[tuple[str, list[RanWith]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # is_baseline: the runs "avoided" is measured against (the baseline policy's), kept
        # beside no_rules (no moderation on any day) whatever baseline was chosen
        if "no_rules" in self.runs:
            runs = self.runs.drop(columns="is_baseline", errors="ignore")
            at = runs.columns.get_loc("no_rules") + 1
            runs.insert(at, "is_baseline", baseline_runs(runs, self.baseline))
            self.runs = runs

    @property
    def daily(self) -> pd.DataFrame:
        return tidy(self.runs, self.metrics)

    def bands(self, level: float = 0.95, method: str = "t") -> pd.DataFrame:
        """Per arm, per day, per metric: mean and a ``level`` confidence band across seeds."""
        return daily_bands(self.runs, self.metrics, level=level, method=method)

    def headline(self, level: float = 0.95) -> pd.DataFrame:
        """Per arm: the headline numbers with their confidence bands."""
        return headline(run_headlines(self.runs, self.metrics, self.baseline), level=level)

    def compare(self, a: str, b: str, level: float = 0.95) -> pd.DataFrame:
        """Arm ``a`` against arm ``b`` on every headline measure, paired by seed."""
        return compare_arms(run_headlines(self.runs, self.metrics, self.baseline), a, b, level)

    def policy_texts(self, w: Words = W.ENGLISH) -> dict[str, str]:
        """Arm → policy text (``texts``), an arm whose run had its policy changed while it
        ran told as every policy in force by day in the words of ``w``."""
        return {
            arm: self.histories[arm].policy_account(w) if arm in self.histories else text
            for arm, text in self.texts.items()
        }

    def scenarios_in(self, w: Words = W.ENGLISH) -> list[tuple[str, str]]:
        """``scenarios`` in the words of ``w`` (as they are when the runs' inputs are not
        kept: a result made by hand)."""
        return sided_scenarios(self.inputs, w) if self.inputs else list(self.scenarios)


def sided_scenarios(
    sides: list[tuple[str, list[RanWith]]], w: Words = W.ENGLISH
) -> list[tuple[str, str]]:
    """Each side's scenarios as they ran (``scenarios_as_run``), headed by its side when
    there is more than one side or it has a name; a scenario several sides ran alike is
    shown once, under each side's heading (``"; "`` between them)."""
    if len(sides) == 1 and not sides[0][0]:
        return scenarios_as_run(sides[0][1], w)
    merged: dict[str, list[str]] = {}
    for side, ran in sides:
        for title, text in scenarios_as_run(ran, w):
            shown = w(W.ON_SIDE).format(side=side, text=title) if side else title
            merged.setdefault(text, []).append(shown)
    return [(w.join(headings), text) for text, headings in merged.items()]


def _params_columns(params_json: str) -> tuple[dict[str, Any], dict[str, Any]]:
    params = json.loads(params_json or "{}")
    scen = {k: v for k, v in params.items() if not k.startswith(POLICY_PREFIX)}
    pol = {k[len(POLICY_PREFIX) :]: v for k, v in params.items() if k.startswith(POLICY_PREFIX)}
    return scen, pol


def _label(params: dict[str, Any]) -> str:
    return ", ".join(f"{k}={param_cell(v)}" for k, v in sorted(params.items()))


def _number(value: Any) -> bool:
    return isinstance(value, int | float | np.number) and not isinstance(value, bool)


def value_order(values: pd.Series) -> pd.Series:
    """Each value's place among the distinct values of a parameter's column: numbers in
    numeric order, then every other value in the order of its text; a missing value
    (NaN, None) NaN. A sort key for a column whose values are of several kinds (``6``
    beside ``"fast"``, a list's JSON text), which Python cannot compare."""
    present = values[values.notna()]
    distinct = sorted(
        pd.unique(present),
        key=lambda v: (0, float(v), "") if _number(v) else (1, 0.0, str(v)),
    )
    place = {v: i for i, v in enumerate(distinct)}
    return values.map(lambda v: place.get(v, np.nan) if v is not None and v == v else np.nan)


def run_record(**r: Any) -> dict[str, Any]:
    """One row of ``SweepResult.runs`` from a stored run's fields (or an outcome's)."""
    scen, pol = _params_columns(r.get("params_json", "{}"))
    arm = (
        r["policy"] + (f" [{_label(pol)}]" if pol else "") + (f" ({_label(scen)})" if scen else "")
    )
    summary = r.pop("summary", {}) or {}
    history = r.pop("history", None)  # a stored run's RunHistory (None: a sweep's own run)
    rec = {
        "run_id": r.get("run_id"),
        "sweep_id": r.get("sweep_id"),
        "status": r.get("status", "complete"),
        "arm": arm,
        "policy": r["policy"],
        "policy_params": _label(pol),
        "scenario_params": _label(scen),
        "seed": int(r["seed"]),
        "days": int(r.get("days", 0)),
        "no_rules": _no_rules(r.get("policy_text", ""), history),
        "policy_start": _first_action_day(r.get("policy_text", ""), history),
        "accounts_start": summary.get("accounts_start"),
        "code_version": r.get("code_version", ""),
        # the model version it was computed under (0: stored before versions were recorded)
        "model_version": int(r.get("model_version", MODEL_VERSION)),
        "scenario": r.get("scenario", ""),
        # the world it ran (simulation.runs.same_world): "avoided" is measured only
        # against a baseline run of the same world and seed
        "world": world_of(r["scenario_text"], r.get("params_json", "{}")).key
        if "scenario_text" in r
        else "",
        "error": r.get("error", ""),
        "wall_seconds": r.get("wall_seconds", 0.0),
    }
    for k, v in pol.items():
        rec[POLICY_PREFIX + k] = param_cell(v)
    for k, v in scen.items():
        rec[SET_PREFIX + k] = param_cell(v)
    for k, v in summary.items():
        rec.setdefault(f"summary.{k}", v)
    return rec


def _no_rules(text: str, history: RunHistory | None) -> bool:
    """No moderation on any day: the starting policy has no rule and makes no
    announcement that raises sellers' risk, and neither has nor makes any policy put in
    force while the run ran (a run of no moderation for 30 days and the crackdown after
    is not a baseline, nor is a policy that only announces: sellers post less after it)."""
    if history is None or not history.policy_changes():
        return is_baseline_text(text)
    return all(
        is_baseline_text(p.source)
        if p.change is None
        else not any(rules for _day, rules in p.change.get("phases") or [])
        and not heard(Outline.of(p.change), p.first)
        for p in history.periods()
        if p.days > 0
    )


def _first_action_day(text: str, history: RunHistory | None) -> int:
    """The first day a policy acted: its first announcement or the first day one of its
    rules was in force, whichever came first (``simulation.runs.marks.first_action``);
    for a run whose policy was changed while it ran, the first day a policy acted while
    it was in force (0 when none did), as the engine's summary counts it
    (``simulation.runs.result.policy_start``). "Avoided" is counted from this day."""
    if history is None or not history.policy_changes():
        return _acts_from_text(text) or 0
    periods = history.periods()
    days = []
    for i, p in enumerate(periods):
        nxt = periods[i + 1].first if i + 1 < len(periods) else None
        if p.change is None:
            acts = _acts_from_text(text)
        else:
            acts = first_action(Outline.of(p.change), p.first)
        if acts is not None and (nxt is None or acts < nxt):
            days.append(acts)
    return min(days, default=0)


@functools.lru_cache(maxsize=256)
def _acts_from_text(text: str) -> int | None:
    """The first day the policy of ``text`` acts (an announcement or a rule in force,
    whichever first); None when it never does. A text that is no longer a policy's
    structure: its rules' start as the file gives it (``start_day`` or the first
    scheduled phase with rules), announcements unread."""
    try:
        return first_action(load_schedule(text, "<stored policy>"))
    except LocatedError:
        pass
    try:
        data = parse_yaml(text, "<policy>").data
    except LocatedError:
        return 0
    phases = [ph for ph in data.get("schedule") or [] if isinstance(ph, dict)]
    if not phases:
        return int(data.get("start_day") or 0)
    on = [int(ph.get("from_day", 0)) for ph in phases if ph.get("rules", "all") != "none"]
    return min(on) if on else 0


def finish_result(
    sweep_id: str,
    records: list[dict[str, Any]],
    metrics: list[pd.DataFrame],
    baseline: str | None,
    posts: pd.DataFrame | None,
    texts: dict[str, str],
    ran: list[RanWith],
) -> SweepResult:
    """The result of ``records`` (one per run, :func:`run_record`), their daily
    ``metrics`` and sample ``posts``, arm → policy text, and each run's scenario inputs
    (``ran``)."""
    runs = pd.DataFrame(records)
    if len(runs):  # baseline first, then policies, parameter values in numeric order, seeds
        params = [c for c in runs.columns if c.startswith((POLICY_PREFIX, SET_PREFIX))]
        order = {f"_o{i}": value_order(runs[c]) for i, c in enumerate(params)}
        runs = runs.assign(_nb=~runs["no_rules"], **order).sort_values(
            ["_nb", "policy", *order, "seed", "run_id"], na_position="first", kind="stable"
        )
        runs = runs.drop(columns=["_nb", *order]).reset_index(drop=True)
    wide = pd.concat(metrics, ignore_index=True) if metrics else pd.DataFrame(columns=["run_id"])
    if baseline is None and len(runs) and runs["no_rules"].any():
        baseline = str(runs.loc[runs["no_rules"], "policy"].iloc[0])
    return SweepResult(
        sweep_id,
        runs,
        wide,
        baseline,
        posts=posts,
        texts=texts,
        scenarios=scenarios_as_run(ran),
        inputs=[("", list(ran))],
    )


def from_outcomes(
    sweep_id: str, pairs: list[tuple[Job, Outcome]], baseline: str | None
) -> SweepResult:
    """A result kept in memory (a sweep without a database)."""
    records, metrics, texts, post_frames = [], [], {}, []
    marks: dict[str, list[Mark]] = {}
    for i, (job, out) in enumerate(sorted(pairs, key=lambda p: (p[0].policy_name, p[0].seed))):
        rec = run_record(
            run_id=-(i + 1),
            sweep_id=sweep_id,
            status="complete" if out.ok else "failed",
            policy=job.policy_name,
            policy_text=job.policy.text,
            params_json=job.params_json,
            seed=job.seed,
            days=job.days,
            summary=out.summary,
            code_version=out.code_version,
            model_version=stored_version(out.model_version),
            scenario=job.scenario.name,
            scenario_text=job.scenario_text,
            error=out.error,
            wall_seconds=out.wall_seconds,
        )
        records.append(rec)
        texts.setdefault(rec["arm"], job.policy.text)
        if rec["arm"] not in marks:
            every = stored_marks(job.scenario_text, job.policy.text)
            marks[rec["arm"]] = within(every, 0, job.days - 1)  # the days it ran
        if out.ok and out.metrics is not None:
            metrics.append(out.metrics.assign(run_id=rec["run_id"]))
            if rec["arm"] not in {f["arm"].iat[0] for f in post_frames}:
                post_frames.append(sample_posts(pd.DataFrame(out.rows["posts"]), rec))
    posts = pd.concat(post_frames, ignore_index=True) if post_frames else None
    ran = [
        RanWith.stored(job.scenario_text, job.params_json, job.days, job.seed, job.scenario.name)
        for job, _out in pairs
    ]
    result = finish_result(sweep_id, records, metrics, baseline, posts, texts, ran)
    result.marks = marks
    return result


def sample_posts(posts: pd.DataFrame, rec: dict[str, Any], n: int = 12) -> pd.DataFrame:
    """A few posts of a run for the report: the violating ones first (kind 2 spam, 3 offer)."""
    if posts.empty:
        return posts.assign(arm=[])
    order = posts.assign(_v=posts["kind"].isin([2, 3])).sort_values(
        ["_v", "views"], ascending=[False, False], kind="stable"
    )
    cols = [
        c for c in ("day", "kind", "text", "views", "removed_at_hours", "author_name") if c in posts
    ]
    return order[cols].head(n).assign(arm=rec["arm"], seed=rec["seed"], run_id=rec["run_id"])
