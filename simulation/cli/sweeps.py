"""``circlelab sweep | compare | report | study`` (declarations only).

Registered on the main ``circlelab`` app by ``register(app)``. Exit codes follow the
CLI's: 0 success, 1 some runs failed (the others are stored), 2 invalid input or an
unusable database. The bodies live in ``simulation.cli.cmd_sweep``, imported when a
command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from simulation.cli.options import DbOption, JsonOption, LangOption, StudyDbOption, SvgOption


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
    lang: LangOption = "en_US",
    svg: SvgOption = False,
) -> None:
    """Run policies × seeds × parameter values in parallel; store, resume, summarise."""
    # the engine, the sweep machinery, pandas and SQLAlchemy (~1.5 s): when a sweep runs
    from simulation.cli import cmd_sweep

    cmd_sweep.sweep_cmd(
        scenario=scenario,
        policy=policy,
        seeds=seeds,
        set_=set_,
        policy_set=policy_set,
        policy_zip=policy_zip,
        days=days,
        workers=workers,
        dask=dask,
        db=db,
        sweep_id=sweep_id,
        baseline=baseline,
        out_dir=out_dir,
        keep=keep,
        as_json=as_json,
        locale=lang,
        formats=_formats(svg),
    )


def _formats(svg: bool) -> tuple[str, ...]:
    return ("png", "svg") if svg else ("png",)


def report_cmd(
    ref: Annotated[str, typer.Argument(help="A run id or a sweep id")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for report.html, charts, data")],
    db: DbOption = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            help="Policy that 'avoided' is measured against, one of the runs' policies "
            "(default: the one the sweep was run with --baseline, else its policy without "
            "rules). A single run is measured against the newest complete stored run of "
            "the same world (scenario, seed, days, parameters) under this policy, e.g. "
            "--baseline none; circlelab compare RUN OTHER_RUN measures it against any other"
        ),
    ] = None,
    lang: LangOption = "en_US",
    svg: SvgOption = False,
    pair: Annotated[
        list[str] | None,
        typer.Option(
            "--pair",
            metavar="A:B",
            help="Test only these arms against each other (repeat): two arms of the sweep "
            "with a colon between them, named as the report names them "
            "(--pair 'Crackdown:Crackdown [delay_hours=6]') or by the preset or file the "
            "policy was run as (--pair crackdown:zero_tolerance). Default: every pair of "
            "policies with rules when there are four or fewer, else each against the "
            "first; a lone policy against the baseline",
        ),
    ] = None,
) -> None:
    """HTML report (band charts, tables, policies, scenario) + PNG (SVG: --svg) + CSV/Parquet."""
    # pandas, SQLAlchemy, matplotlib and jinja2 (~1.5 s): when a report is written
    from simulation.cli import cmd_sweep

    cmd_sweep.report_cmd(ref, out_dir, db, baseline, locale=lang, formats=_formats(svg), pair=pair)


def compare_cmd(
    a: Annotated[str, typer.Argument(help="Run id or sweep id")],
    b: Annotated[str, typer.Argument(help="Run id or sweep id")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the report")],
    db: DbOption = None,
    lang: LangOption = "en_US",
    svg: SvgOption = False,
    pair: Annotated[
        list[str] | None,
        typer.Option(
            "--pair",
            metavar="A:B",
            help="Compare only these arms (repeat): an arm of the first run or sweep, a "
            "colon, an arm of the second, named as their reports name them "
            "(--pair 'Crackdown:Zero tolerance'), as this comparison's report does "
            "('A (s1): Crackdown:B (s2): Crackdown') or by the preset or file the policy "
            "was run as (--pair crackdown:crackdown). Default: every arm of one against "
            "every arm of the other",
        ),
    ] = None,
) -> None:
    """Two runs or sweeps side by side, with a significance statement per measure."""
    # pandas, SQLAlchemy, matplotlib and jinja2 (~1.5 s): when a comparison is written
    from simulation.cli import cmd_sweep

    cmd_sweep.compare_cmd(a, b, out_dir, db, locale=lang, formats=_formats(svg), pair=pair)


def study_cmd(
    name: Annotated[str, typer.Argument(help="A study in assets/studies/ or a study YAML file")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for study.db and the report")],
    seeds: Annotated[str | None, typer.Option(help="Override the study's seeds")] = None,
    days: Annotated[int | None, typer.Option(help="Override the study's days")] = None,
    workers: Annotated[int | None, typer.Option(help="Local processes (default: all)")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address")] = None,
    db: StudyDbOption = None,
    as_json: JsonOption = False,
    lang: LangOption = "en_US",
    svg: SvgOption = False,
) -> None:
    """Run a shipped study (takedown_speed, classifier_threshold): sweep, figure, report."""
    # the engine, the sweep machinery, pandas and SQLAlchemy (~1.5 s): when a study runs
    from simulation.cli import cmd_sweep

    cmd_sweep.study_cmd(
        name,
        out_dir,
        seeds=seeds,
        days=days,
        workers=workers,
        dask=dask,
        db=db,
        as_json=as_json,
        locale=lang,
        formats=_formats(svg),
    )


def register(app: typer.Typer) -> None:
    """Add the sweep commands to the ``circlelab`` app."""
    app.command("sweep")(sweep_cmd)
    app.command("compare")(compare_cmd)
    app.command("report")(report_cmd)
    app.command("study")(study_cmd)
