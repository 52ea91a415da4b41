"""``circlelab sweep | compare | report | study``: many runs, their confidence, their reports.

Registered on the main ``circlelab`` app by ``register(app)``. Exit codes follow the
CLI's: 0 success, 1 some runs failed (the others are stored), 2 invalid input.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from simulation.cli.stored import open_stored

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or SQLAlchemy URL (default: the user's circlelab.db)"),
]
STUDY_DIR = "studies"


def _input_error(message: str) -> typer.Exit:
    err.print(f"[red]error[/red]: {message}", markup=True)
    return typer.Exit(2)


class _Bar:
    """A rich progress bar that starts only after the worker processes are forked."""

    def __init__(self, label: str, quiet: bool):
        self.progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=quiet or not err.is_terminal,
        )
        self.label, self.task = label, None

    def start(self, total: int) -> None:
        if self.task is not None:
            return
        self.progress.start()
        self.task = self.progress.add_task(self.label, total=total, failed="")

    def update(self, done: int, total: int, job, outcome) -> None:
        if self.task is None:
            self.start(total)
        if not outcome.ok:
            err.print(
                f"run failed: {job.policy_name} seed {job.seed} {job.params_json}", markup=False
            )
            self.failed = getattr(self, "failed", 0) + 1
        n = getattr(self, "failed", 0)
        self.progress.update(self.task, completed=done, failed=f"{n} failed" if n else "")

    def stop(self) -> None:
        self.progress.stop()


def run_sweep_cli(quiet: bool, label: str, **kwargs: Any):
    """Run ``simulation.sweeps.sweep.sweep`` with a progress bar and CLI error handling."""
    from policy import PolicyError
    from simulation.located import LocatedError
    from simulation.sweeps.sweep import sweep

    bar = _Bar(label, quiet)
    try:
        return sweep(**kwargs, progress=bar.update, on_start=bar.start)
    except (PolicyError, LocatedError) as exc:
        for p in getattr(exc, "problems", None) or getattr(exc, "issues", None) or [exc]:
            err.print(f"[red]error[/red]: {p}", markup=True)
        raise typer.Exit(2) from None
    except (KeyError, ValueError, FileNotFoundError) as exc:
        raise _input_error(str(exc.args[0] if exc.args else exc)) from None
    except KeyboardInterrupt:
        err.print("interrupted: completed runs are stored; run the same command to resume")
        raise typer.Exit(130) from None
    finally:
        bar.stop()


def _fmt(v: Any, measure: str) -> str:
    from simulation.sweeps.aggregate import MEASURES

    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if MEASURES[measure].unit.startswith("share"):
        return f"{100 * v:.1f}%"
    return f"{v:,.3g}" if abs(v) < 100 else f"{v:,.0f}"


def print_headline(result) -> None:
    from simulation.sweeps.report import default_pairs

    head = result.headline()
    if head.empty:
        return
    arms = list(dict.fromkeys(head["arm"]))
    from simulation.sweeps.report import KEY_MEASURES

    shown = list(KEY_MEASURES)
    short = [
        "offers avoided",
        "spam avoided",
        "ad share, end",
        "wrongful bans /10k",
        "reviewer h",
        "days to halve",
    ]
    table = Table(title=f"sweep {result.sweep_id}: mean [95% CI] across seeds", header_style="bold")
    table.add_column("arm")
    for label in short:
        table.add_column(label, justify="right")
    for arm in arms:
        cells = []
        for name in shown:
            r = head[(head["arm"] == arm) & (head["measure"] == name)].iloc[0]
            band = "" if math.isnan(r["lo"]) else f" [{_fmt(r['lo'], name)}, {_fmt(r['hi'], name)}]"
            cells.append(escape(_fmt(r["mean"], name) + band))
        table.add_row(escape(arm), *cells)
    out.print(table)
    from simulation.sweeps.aggregate import run_headlines

    rh = run_headlines(result.runs, result.metrics, result.baseline)
    for a, b in default_pairs(rh, result.baseline)[:6]:
        cmp = result.compare(a, b)
        for s in cmp[
            cmp["measure"].isin(["violating_impressions_avoided", "wrongful_bans_per_10k_accounts"])
        ]["statement"]:
            out.print("• " + s, markup=False)


def sweep_cmd(
    scenario: Annotated[str, typer.Option(help="Scenario preset or YAML file")] = "demo",
    policy: Annotated[
        list[str] | None, typer.Option("--policy", help="Policy preset or file (repeat)")
    ] = None,
    seeds: Annotated[str, typer.Option(help="Seeds: 1-20, 1,3,5 or 1-5,9")] = "1-10",
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="Scenario parameter: KEY=V or KEY=V1,V2 (swept)"),
    ] = None,
    policy_set: Annotated[
        list[str] | None,
        typer.Option(
            "--policy-set",
            help="Policy parameter, swept: rules.*.delay_hours=1,6,24 "
            "(applied to the policies that have the path)",
        ),
    ] = None,
    policy_zip: Annotated[
        list[str] | None,
        typer.Option(
            "--policy-zip",
            help="Policy parameters that move together (same number of values each): "
            "a classifier threshold as recall and false-positive-rate pairs",
        ),
    ] = None,
    days: Annotated[int | None, typer.Option(help="Days per run (default: scenario)")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Local processes (default: all cores)")
    ] = None,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Dask scheduler address, e.g. tcp://host:8786")
    ] = None,
    db: DbOption = None,
    sweep_id: Annotated[
        str | None,
        typer.Option(
            help="Sweep id (default: a hash of the sweep's definition, so a re-run "
            "of the same command resumes)"
        ),
    ] = None,
    baseline: Annotated[
        str | None, typer.Option(help="Policy that 'avoided' is measured against")
    ] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write the report here")] = None,
    keep: Annotated[
        str,
        typer.Option(
            help="What to store per run: all (like `run`) or sample (metrics, rules, "
            "events, 200 posts; much smaller and faster)"
        ),
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON")] = False,
) -> None:
    """Run policies × seeds × parameter values in parallel; store, resume, summarise."""
    from simulation.runs.storage import normalise_url
    from simulation.sweeps.plan import parse_assignments

    try:
        sets = parse_assignments(set_, "--set")
        psets = parse_assignments(policy_set, "--policy-set")
        pzip = parse_assignments(policy_zip, "--policy-zip")
    except ValueError as exc:
        raise _input_error(str(exc)) from None
    result = run_sweep_cli(
        as_json,
        "sweep",
        scenario=scenario,
        policies=policy or ["none", "crackdown"],
        seeds=seeds,
        sets=sets,
        policy_sets=psets,
        days=days,
        workers=workers,
        dask=dask,
        db=normalise_url(db),
        sweep_id=sweep_id,
        baseline=baseline,
        keep=keep,
        policy_zip=pzip,
    )
    report = None
    if out_dir is not None:
        from simulation.sweeps.report import write_report

        report = write_report(result, out_dir, f"Sweep {result.sweep_id}: {scenario}")
    _finish(result, as_json, report)


def _finish(result, as_json: bool, report: Path | None) -> None:
    for note in result.notes:
        err.print(f"note: {note}", markup=False)
    if as_json:
        head = result.headline()
        print(
            json.dumps(
                {
                    "sweep_id": result.sweep_id,
                    "db": result.db,
                    "ran": result.ran,
                    "skipped": result.skipped,
                    "failed": result.failed,
                    "report": str(report) if report else None,
                    "headline": json.loads(head.to_json(orient="records")),
                },
                indent=2,
            )
        )
    else:
        print_headline(result)
        out.print(
            f"sweep {result.sweep_id}: {result.ran} runs done ({result.failed} failed), "
            f"{result.skipped} already complete; stored in {result.db}"
        )
        if report:
            out.print(f"wrote {report}")
    if result.failed:
        raise typer.Exit(1)


def _load(db: str | None, ref: str):
    from simulation.sweeps.store import load_any

    try:
        return load_any(open_stored(db), ref)
    except KeyError as exc:
        raise _input_error(str(exc.args[0])) from None


def report_cmd(
    ref: Annotated[str, typer.Argument(help="A run id or a sweep id")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for report.html, charts, data")],
    db: DbOption = None,
) -> None:
    """HTML report (charts with bands, tables, policies, scenario) + PNG/SVG + CSV/Parquet."""
    from simulation.sweeps.report import write_report

    result = _load(db, ref)
    path = write_report(result, out_dir, f"Report: {ref}")
    out.print(f"wrote {path}")


def compare_cmd(
    a: Annotated[str, typer.Argument(help="Run id or sweep id")],
    b: Annotated[str, typer.Argument(help="Run id or sweep id")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the report")],
    db: DbOption = None,
) -> None:
    """Two runs or sweeps side by side, with a significance statement per measure."""
    from simulation.sweeps.report import write_report

    merged = merge(_load(db, a), _load(db, b), f"A ({a})", f"B ({b})")
    arms_a = [x for x in dict.fromkeys(merged.runs["arm"]) if x.startswith("A ")]
    arms_b = [x for x in dict.fromkeys(merged.runs["arm"]) if x.startswith("B ")]
    pairs = [(x, y) for x in arms_a for y in arms_b][:8]
    path = write_report(merged, out_dir, f"Compare {a} with {b}", pairs=pairs)
    out.print(f"wrote {path}")


def merge(ra, rb, la: str, lb: str):
    """Two results as one, arms prefixed so that the same policy in both stays apart."""
    import pandas as pd

    from simulation.sweeps.results import SweepResult

    def tag(r, label):
        runs = r.runs.assign(arm=label + ": " + r.runs["arm"])
        posts = r.posts.assign(arm=label + ": " + r.posts["arm"]) if r.posts is not None else None
        texts = {f"{label}: {k}": v for k, v in r.texts.items()}
        return runs, posts, texts

    runs_a, posts_a, texts_a = tag(ra, la)
    runs_b, posts_b, texts_b = tag(rb, lb)
    overlap = set(runs_a["run_id"]) & set(runs_b["run_id"])
    metrics_b = rb.metrics
    if overlap:  # the same run on both sides: keep them apart by id
        shift = int(max(runs_a["run_id"].max(), 0)) + 1_000_000
        runs_b = runs_b.assign(run_id=runs_b["run_id"] + shift)
        metrics_b = metrics_b.assign(run_id=metrics_b["run_id"] + shift)
        if posts_b is not None:
            posts_b = posts_b.assign(run_id=posts_b["run_id"] + shift)
    posts = [p for p in (posts_a, posts_b) if p is not None]
    return SweepResult(
        f"{ra.sweep_id} vs {rb.sweep_id}",
        pd.concat([runs_a, runs_b], ignore_index=True),
        pd.concat([ra.metrics, metrics_b], ignore_index=True),
        baseline=ra.baseline or rb.baseline,
        db=ra.db,
        posts=pd.concat(posts, ignore_index=True) if posts else None,
        texts={**texts_a, **texts_b},
        scenario_text=ra.scenario_text,
    )


# ---------------------------------------------------------------- studies


def study_path(name: str | Path) -> Path:
    from simulation.paths import assets_dir

    p = Path(name)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    return assets_dir() / STUDY_DIR / f"{name}.yaml"


def load_study(name: str | Path) -> dict[str, Any]:
    """A study file: a named sweep with its figure. Policy paths are relative to the file."""
    from ruamel.yaml import YAML

    path = study_path(name)
    spec = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    base = path.parent
    spec["policies"] = [
        str(base / p) if (base / p).exists() else p for p in spec.get("policies", [])
    ]
    spec["path"] = str(path)
    return spec


def run_study(
    name: str | Path,
    out_dir: Path,
    *,
    seeds: str | None = None,
    days: int | None = None,
    workers: int | None = None,
    dask: str | None = None,
    db: str | None = None,
    quiet: bool = False,
):
    """Run a study's sweep (resumable: its database lives in ``out_dir``) and its report."""
    from simulation.sweeps.report import write_report

    spec = load_study(name)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = run_sweep_cli(
        quiet,
        spec.get("name", "study"),
        scenario=spec["scenario"],
        policies=spec["policies"],
        seeds=seeds or str(spec.get("seeds", "1-10")),
        sets=spec.get("set") or {},
        policy_sets=spec.get("policy_set") or {},
        days=days or spec.get("days"),
        workers=workers,
        dask=dask,
        db=db or str(out_dir / "study.db"),
        baseline=spec.get("baseline"),
        keep=spec.get("keep", "sample"),
        policy_zip=spec.get("policy_zip") or {},
    )
    report = write_report(result, out_dir, spec.get("title", spec.get("name", "Study")), study=spec)
    return result, report


def study_cmd(
    name: Annotated[str, typer.Argument(help="A study in assets/studies/ or a study YAML file")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for study.db and the report")],
    seeds: Annotated[str | None, typer.Option(help="Override the study's seeds")] = None,
    days: Annotated[int | None, typer.Option(help="Override the study's days")] = None,
    workers: Annotated[int | None, typer.Option(help="Local processes (default: all)")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address")] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Run a shipped study (e.g. takedown_speed) with one command: sweep, figure, report."""
    try:
        load_study(name)
    except OSError as exc:
        raise _input_error(f"cannot read study {name!r}: {exc.strerror}") from None
    result, report = run_study(
        name, out_dir, seeds=seeds, days=days, workers=workers, dask=dask, db=db, quiet=as_json
    )
    _finish(result, as_json, report)


def register(app: typer.Typer) -> None:
    """Add the sweep commands to the ``circlelab`` app."""
    app.command("sweep")(sweep_cmd)
    app.command("compare")(compare_cmd)
    app.command("report")(report_cmd)
    app.command("study")(study_cmd)
