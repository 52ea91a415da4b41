"""``circlelab``: the headless command line.

Exit codes scripts can trust: 0 success, 1 a run failed, 2 invalid input (a
scenario or policy error, named with file, line and field, on stderr).

Commands from other packages join through the ``circlelab.commands`` entry point
group (the desktop app adds ``gui`` that way), so this module never imports Qt.
"""

from __future__ import annotations

import json
import math
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from simulation.cli.policy import policy_app
from simulation.cli.stored import open_stored
from simulation.located import LocatedError

app = typer.Typer(
    help="Circle Lab: a moderation-policy laboratory for a simulated Friends Circle feed.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
scenario_app = typer.Typer(help="Check and list scenarios.", no_args_is_help=True)
runs_app = typer.Typer(help="Runs stored in the database.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")
app.add_typer(scenario_app, name="scenario")
app.add_typer(runs_app, name="runs")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database: a SQLite file path or any SQLAlchemy URL "
        "(default: circlelab.db in the user's data directory)",
    ),
]


def fail_input(exc: Exception) -> None:
    """Print a located error (file:line:col: field: message) and exit 2."""
    problems = getattr(exc, "problems", None) or getattr(exc, "issues", None)
    for p in problems or [exc]:
        err.print(f"[red]error[/red]: {p}", markup=True)
    raise typer.Exit(2)


def parse_set(values: list[str] | None) -> dict[str, Any]:
    """``--set sellers.evasion_learn=0.3`` → ``{"sellers.evasion_learn": 0.3}`` (YAML scalars)."""
    from ruamel.yaml import YAML

    changes: dict[str, Any] = {}
    for item in values or []:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            err.print(f"[red]error[/red]: --set {item!r}: expected KEY=VALUE", markup=True)
            raise typer.Exit(2)
        changes[key.strip()] = YAML(typ="safe").load(raw)
    return changes


def _fmt(value: Any) -> str:
    from simulation.numbers import format_number

    return format_number(value)


def summary_table(summary: dict[str, Any], title: str) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(key.replace("_", " "), _fmt(value))
    return table


@app.command()
def run(
    scenario: Annotated[str, typer.Option(help="Scenario preset name or YAML file")] = "demo",
    policy: Annotated[str, typer.Option(help="Policy preset name or YAML file")] = "none",
    days: Annotated[int | None, typer.Option(help="Days to simulate (default: scenario)")] = None,
    seed: Annotated[int | None, typer.Option(help="Seed (default: scenario)")] = None,
    db: DbOption = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", help="Directory for daily_metrics.csv, charts and report.html"),
    ] = None,
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="Change a scenario parameter, e.g. --set posting.seller_per_day=3"
        ),
    ] = None,
    start_day: Annotated[
        int | None, typer.Option(help="Start the policy on this day (no moderation before)")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
    no_db: Annotated[bool, typer.Option("--no-db", help="Do not store the run")] = False,
) -> None:
    """Simulate a scenario under a policy; store the run; write metrics, charts and a report."""
    from policy import PolicyError, load_policy
    from simulation.runs.run import resolve_scenario
    from simulation.runs.run import run as run_api
    from simulation.runs.storage import usable_db

    try:
        scen, _ = resolve_scenario(scenario)
        changes = parse_set(set_)
        if changes:
            scen.with_changes(changes)
        pol = load_policy(policy, start_day=start_day)
    except (LocatedError, PolicyError) as exc:
        fail_input(exc)
    except KeyError as exc:
        err.print(f"[red]error[/red]: --set: {exc.args[0]}", markup=True)
        raise typer.Exit(2) from None
    except ValueError as exc:
        err.print(f"[red]error[/red]: --set: {exc}", markup=True)
        raise typer.Exit(2) from None
    if days is not None:
        try:
            scen.with_changes({"days": days})
        except ValueError as exc:
            err.print(f"[red]error[/red]: --days {days}: {exc.errors()[0]['msg']}", markup=True)
            raise typer.Exit(2) from None
    total = days or scen.days
    try:
        db_url = None if no_db else usable_db(db)
    except OSError as exc:
        err.print(f"[red]error[/red]: --db {db}: cannot use this database: {exc}", markup=True)
        raise typer.Exit(2) from None
    progress = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("day {task.completed}/{task.total}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=as_json or not err.is_terminal,
    )
    with progress:
        task = progress.add_task(f"{scen.name} × {pol.name}", total=total)
        try:
            result = run_api(
                scenario,
                pol,
                days=days,
                seed=seed,
                db=db_url,
                out=out_dir,
                changes=changes or None,
                progress=lambda d, _n: progress.update(task, completed=d),
            )
        except KeyboardInterrupt:
            err.print("interrupted: the run is marked 'interrupted' in the database")
            raise typer.Exit(130) from None
        except Exception as exc:  # the run is stored as failed with its traceback
            err.print(f"[red]run failed[/red]: {exc}", markup=True)
            raise typer.Exit(1) from None
    summary = dict(
        result.summary,
        run_id=result.run_id,
        out=str(result.out_dir) if result.out_dir else None,
        db=db_url,
    )
    if as_json:
        print(json.dumps(summary, indent=2, default=_json_default))
    else:
        out.print(
            summary_table(result.summary, f"{scen.name} × {pol.name}, seed {summary['seed']}")
        )
        if result.run_id is not None:
            out.print(f"stored as run {result.run_id} in {db_url}")
        if result.out_dir is not None:
            out.print(f"wrote {result.out_dir}/ (daily_metrics.csv, charts, report.html)")


def _json_default(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    return str(value)


@scenario_app.command("check")
def scenario_check(
    file: Annotated[str, typer.Argument(help="Scenario YAML file or preset")],
) -> None:
    """Validate a scenario file; errors name the file, line and field (exit 2)."""
    from simulation.scenario import load_scenario

    try:
        scen = load_scenario(file)
    except LocatedError as exc:
        fail_input(exc)
    out.print(
        f"{file}: OK — '{scen.name}': {scen.population.accounts:,} accounts, "
        f"{scen.days} days, locale {scen.locale}, seed {scen.seed}, "
        f"{len(scen.events)} events"
    )


@scenario_app.command("list")
def scenario_list() -> None:
    """The shipped scenario presets."""
    from simulation.scenario import load_scenario, preset_names

    for name in preset_names():
        scen = load_scenario(name)
        out.print(
            f"{name:12} {scen.population.accounts:>9,} accounts {scen.days:>4} days  {scen.locale}"
        )


@runs_app.command("list")
def runs_list(
    db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """Stored runs with their state: complete, running, failed, interrupted or incomplete."""
    from simulation.runs.storage import list_runs, run_state

    runs = list_runs(open_stored(db))
    rows = [
        {
            "id": r.id,
            "state": run_state(r),
            "scenario": r.scenario_name,
            "policy": r.policy_name,
            "seed": r.seed,
            "days": f"{r.days_done}/{r.days_requested}",
            "created": r.created_at.isoformat(timespec="seconds"),
            "sweep": r.sweep_id or "",
        }
        for r in runs
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    table = Table(show_header=True, header_style="bold")
    for col in ("id", "state", "scenario", "policy", "seed", "days", "created", "sweep"):
        table.add_column(col)
    for row in rows:
        table.add_row(
            *(
                str(row[c])
                for c in ("id", "state", "scenario", "policy", "seed", "days", "created", "sweep")
            )
        )
    out.print(table)


@runs_app.command("export")
def runs_export(
    run_id: int, out_dir: Annotated[Path, typer.Option("--out")], db: DbOption = None
) -> None:
    """Write a stored run's daily_metrics.csv and charts without re-running it."""
    from simulation.runs.outputs import export_stored_run

    try:
        path = export_stored_run(open_stored(db), run_id, out_dir)
    except KeyError as exc:
        err.print(f"[red]error[/red]: {exc.args[0]}", markup=True)
        raise typer.Exit(2) from None
    out.print(f"wrote {path}/")


@runs_app.command("delete")
def runs_delete(run_id: int, db: DbOption = None) -> None:
    """Delete a stored run and all its rows."""
    from simulation.runs.storage import delete_run, get_run

    engine = open_stored(db)
    try:
        get_run(engine, run_id)
    except KeyError as exc:
        err.print(f"[red]error[/red]: {exc.args[0]}", markup=True)
        raise typer.Exit(2) from None
    delete_run(engine, run_id)
    out.print(f"deleted run {run_id}")


@app.command()
def metrics(
    name: Annotated[
        str | None,
        typer.Argument(help="Show only this metric, measure or column (e.g. bans.wrongful)"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the definitions as JSON")] = False,
) -> None:
    """Every metric with its unit and meaning (the one definition all outputs share): the
    daily metrics, the run summary's measures and the per-rule counts."""
    from simulation.metrics.listing import definitions

    tables = definitions()
    if name is not None:
        base = name.split(".", 1)[0]
        tables = {
            title: [r for r in rows if next(iter(r.values())) in (name, base)]
            for title, rows in tables.items()
        }
        tables = {title: rows for title, rows in tables.items() if rows}
        if not tables:
            err.print(f"error: no metric, measure or rule count is called {name!r}", markup=False)
            raise typer.Exit(2)
    if as_json:
        print(json.dumps(tables, indent=2, ensure_ascii=False))
        return
    for title, rows in tables.items():
        table = Table(title=title, show_header=True, header_style="bold", title_justify="left")
        for col in rows[0]:
            table.add_column(col)
        for row in rows:
            table.add_row(*(Text(str(v)) for v in row.values()))
        out.print(table)


def _load_plugins() -> None:
    """Commands contributed by other packages (``circlelab.commands`` entry points)."""
    for ep in entry_points(group="circlelab.commands"):
        try:
            ep.load()(app)
        except Exception as exc:  # a broken plugin must not take the headless CLI down
            err.print(
                f"[yellow]warning[/yellow]: command plugin {ep.name!r} failed to load: {exc}",
                markup=True,
            )


def main() -> None:
    from simulation.cli.sweeps import register

    register(app)
    _load_plugins()
    app(prog_name="circlelab")


if __name__ == "__main__":
    sys.exit(main())
