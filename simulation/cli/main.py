"""``circlelab``: the headless command line. This module declares the commands only.

Exit codes scripts can trust: 0 success, 1 a run failed, 2 invalid input (a
scenario, policy or study error, named with file, line, column and field) or a
database that cannot be used; the reason goes to stderr.

Each command's body lives in a ``cmd_*`` module that imports what it needs at its
top (NumPy, pandas, SQLAlchemy, the engine: up to a second). This module stays light,
so ``circlelab --help`` costs about what Python and typer cost; each command imports
its body when it runs. Commands from other packages join through the
``circlelab.commands`` entry point group (the desktop app adds ``gui`` that way), so
this module never imports Qt.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from simulation.cli.options import DbOption, JsonOption, LangOption, SvgOption
from simulation.cli.policy import policy_app
from simulation.cli.sweeps import register as register_sweeps
from simulation.world.parallel import threads  # the standard library only, no NumPy

app = typer.Typer(
    help="Circle Lab: a moderation-policy laboratory for a simulated Friends Circle feed.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
scenario_app = typer.Typer(help="Check and list scenarios.", no_args_is_help=True)
runs_app = typer.Typer(help="Runs stored in the database.", no_args_is_help=True)
lesson_app = typer.Typer(
    help="Guided lessons: check a lesson file, list the shipped ones, render a handout.",
    no_args_is_help=True,
)
app.add_typer(policy_app, name="policy")
app.add_typer(scenario_app, name="scenario")
app.add_typer(runs_app, name="runs")
app.add_typer(lesson_app, name="lesson")


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
    svg: SvgOption = False,
    lang: LangOption = "en_US",
) -> None:
    """Simulate a scenario under a policy; store the run; write metrics, charts and a report."""
    # the engine, NumPy, pandas and SQLAlchemy (~1 s): imported when a run is asked for
    from simulation.cli import cmd_run

    cmd_run.run(
        scenario=scenario,
        policy=policy,
        days=days,
        seed=seed,
        db=db,
        out_dir=out_dir,
        set_=set_,
        start_day=start_day,
        as_json=as_json,
        no_db=no_db,
        formats=("png", "svg") if svg else ("png",),
        locale=lang,
    )


@scenario_app.command("check")
def scenario_check(
    file: Annotated[str, typer.Argument(help="Scenario YAML file or preset")],
) -> None:
    """Validate a scenario file; errors name the file, line and field (exit 2)."""
    # the scenario model and the input layer (pydantic, YAML): only when a file is checked
    from simulation.cli import cmd_scenario

    cmd_scenario.check(file)


@scenario_app.command("list")
def scenario_list() -> None:
    """The shipped scenario presets."""
    # the scenario model and the input layer (pydantic, YAML): only when presets are listed
    from simulation.cli import cmd_scenario

    cmd_scenario.list_()


@runs_app.command("list")
def runs_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Stored runs with their state: complete, running, failed, interrupted or incomplete."""
    # SQLAlchemy, sqlmodel and pandas (~0.7 s): only for the commands that read a database
    from simulation.cli import cmd_stored

    cmd_stored.list_(db, as_json)


@runs_app.command("export")
def runs_export(
    run_id: int,
    out_dir: Annotated[Path, typer.Option("--out")],
    db: DbOption = None,
    svg: SvgOption = False,
    lang: LangOption = "en_US",
) -> None:
    """Write a stored run's daily_metrics.csv and charts without re-running it."""
    # SQLAlchemy, pandas and matplotlib (~1.5 s): only when a run is exported
    from simulation.cli import cmd_stored

    cmd_stored.export(run_id, out_dir, db, formats=("png", "svg") if svg else ("png",), locale=lang)


@runs_app.command("delete")
def runs_delete(run_id: int, db: DbOption = None) -> None:
    """Delete a stored run and all its rows."""
    # SQLAlchemy, sqlmodel and pandas (~0.7 s): only for the commands that read a database
    from simulation.cli import cmd_stored

    cmd_stored.delete(run_id, db)


@lesson_app.command("check")
def lesson_check(
    file: Annotated[str, typer.Argument(help="Lesson YAML file or shipped lesson name")],
    run: Annotated[
        bool, typer.Option("--run", help="Also play it headless and check what its answers claim")
    ] = False,
) -> None:
    """Validate a lesson (both languages); errors name the file, line and field (exit 2)."""
    # the lesson model, scenarios and policies (pydantic, the policy compiler; --run: the engine)
    from simulation.cli import cmd_lesson

    cmd_lesson.check(file, run)


@lesson_app.command("list")
def lesson_list() -> None:
    """The shipped lessons: name, title in both languages, steps and class time."""
    # the lesson model and the policies it names (pydantic, the policy compiler)
    from simulation.cli import cmd_lesson

    cmd_lesson.list_()


@lesson_app.command("render")
def lesson_render(
    file: Annotated[str, typer.Argument(help="Lesson YAML file or shipped lesson name")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the handout")],
    locale: Annotated[
        str, typer.Option(help="en_US, zh_CN or both (one page per language)")
    ] = "both",
    answers: Annotated[
        bool, typer.Option("--answers/--no-answers", help="End the page with the answers")
    ] = True,
) -> None:
    """Write a printable handout: the narration with the charts a headless run produces."""
    # the engine and matplotlib (~2 s): only when a handout is drawn
    from simulation.cli import cmd_lesson

    cmd_lesson.render(file, out_dir, locale, answers)


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
    # the metric registry (NumPy) and rich's tables: only when the list is asked for
    from simulation.cli import cmd_metrics

    cmd_metrics.metrics(name, as_json)


register_sweeps(app)


def _load_plugins() -> None:
    """Commands contributed by other packages (``circlelab.commands`` entry points)."""
    from importlib.metadata import entry_points  # see main(): only when plugins may run

    for ep in entry_points(group="circlelab.commands"):
        try:
            ep.load()(app)
        except Exception as exc:  # a broken plugin must not take the headless CLI down
            typer.echo(f"warning: command plugin {ep.name!r} failed to load: {exc}", err=True)


def _own_commands() -> set[str]:
    names = {g.name for g in app.registered_groups if g.name}
    for c in app.registered_commands:
        names.add(c.name or (c.callback.__name__.replace("_", "-") if c.callback else ""))
    return names


# the commands that run the engine (and so read CIRCLELAB_THREADS): checked before they start
ENGINE_COMMANDS = ("run", "sweep", "study", "gui", "lesson")


def main() -> None:
    # Finding plugins reads every installed package's metadata (importlib.metadata,
    # ~20 ms): done for help, no command or a command that is not ours only.
    first = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if first is None or first not in _own_commands():
        _load_plugins()
    if first in ENGINE_COMMANDS and "--help" not in sys.argv:
        try:
            threads()  # CIRCLELAB_THREADS: a bad value stops a command that would simulate
        except ValueError as exc:
            typer.echo(f"error: {exc}", err=True)
            sys.exit(2)
    try:
        app(prog_name="circlelab")
    finally:
        if first != "gui":  # the desktop app's Qt objects are left to Qt's own shutdown
            _quick_exit()


def _quick_exit() -> None:
    """Put every object into the collector's permanent generation before the interpreter
    exits. Its shutdown otherwise runs full collections over everything the command's
    libraries made (pandas, SQLAlchemy, pydantic's schemas): from the last statement of
    a process that imported ``simulation.cli.cmd_run`` to its end took 0.37 s, and 0.04 s
    after a freeze (2-core machine, best of three). Objects are still freed as the modules are
    cleared; only cyclic garbage made by the command is not collected, which an exiting
    process gives back to the system anyway (a file left open inside such a cycle would
    not be flushed: Circle Lab's commands close every file they write; a plugin command
    must close its own)."""
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
