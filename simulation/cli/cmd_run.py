"""``circlelab run``: one scenario under one policy, stored, written to files, summarised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from policy.errors import LocatedError
from policy.loader import load_policy
from policy.ranges import MAX_DAYS
from simulation.cli.common import (
    check_lang,
    check_out,
    database_error,
    err,
    fail_input,
    input_error,
    json_text,
    out,
    parse_set,
    say,
)
from simulation.messages import UnknownParameter
from simulation.numbers import format_number
from simulation.runs.marks import acts_from, first_action, heard
from simulation.runs.run import resolve_scenario
from simulation.runs.run import run as run_api
from simulation.runs.storage import usable_db
from simulation.runs.urls import DatabaseError, mask_url
from simulation.sweeps.plan import scenario_changes_error, typed_options


def summary_table(summary: dict[str, Any], title: str) -> Table:
    """The run summary as a two-column table (user text in the title shown as written)."""
    table = Table(title=Text(title), show_header=True, header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in summary.items():
        table.add_row(Text(key.replace("_", " ")), Text(format_number(value)))
    return table


def run(
    *,
    scenario: str,
    policy: str,
    days: int | None,
    seed: int | None,
    db: str | None,
    out_dir: Path | None,
    set_: list[str] | None,
    start_day: int | None,
    as_json: bool,
    no_db: bool,
    formats: tuple[str, ...] = ("png",),
    locale: str = "en_US",
) -> None:
    """Check every input first (exit 2), then run, store, write and summarise."""
    check_lang(locale)
    try:
        scen, _ = resolve_scenario(scenario)
        changes = parse_set(set_)
        if changes:
            try:
                scen.with_changes(changes, source="--set")
            except (UnknownParameter, LocatedError) as exc:  # named as typed, as a sweep does
                raise input_error(
                    scenario_changes_error(exc, changes, typed_options(set_, "--set"))
                ) from None
        if days is not None:
            scen.with_changes({"days": days}, source=f"--days {days}")
        if seed is not None:  # the scenario's range: 0 to 2^63 - 1
            scen.with_changes({"seed": seed}, source=f"--seed {seed}")
        if start_day is not None and not 0 <= start_day <= MAX_DAYS:  # not the file's fault
            raise input_error(f"--start-day {start_day}: a day from 0 to {MAX_DAYS:,}")
        pol = load_policy(policy, start_day=start_day)
    except LocatedError as exc:
        fail_input(exc)
    except KeyError as exc:
        raise input_error(f"--set: {exc.args[0]}") from None
    total = days or scen.days
    late = late_policy_note(pol, total)
    if late:  # allowed (a run may stop early), but said
        say("note", late, style="yellow")
    check_out(out_dir)
    try:
        db_url = None if no_db else usable_db(db)
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    progress = Progress(
        TextColumn("{task.description}", markup=False, style="bold"),
        BarColumn(),
        TextColumn("day {task.completed}/{task.total}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=as_json or not err.is_terminal,
        # redrawn at each day by the run itself: no refresh thread, so the run may fork
        # the worker that draws its report (simulation.runs.background)
        auto_refresh=False,
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
                formats=formats,
                locale=locale,
                progress=lambda d, _n: progress.update(task, completed=d, refresh=True),
            )
        except KeyboardInterrupt:
            err.print("interrupted: the run is marked 'interrupted' in the database")
            raise typer.Exit(130) from None
        except DatabaseError as exc:
            say("error", "the run's results could not be stored")
            raise database_error(db, exc) from None
        except Exception as exc:  # the run is stored as failed with its traceback
            say("run failed", str(exc))
            raise typer.Exit(1) from None
    shown = mask_url(db_url) if db_url else None
    summary = dict(
        result.summary,
        run_id=result.run_id,
        out=str(result.out_dir) if result.out_dir else None,
        db=shown,
    )
    if as_json:
        print(json_text(summary))
        return
    out.print(summary_table(result.summary, f"{scen.name} × {pol.name}, seed {summary['seed']}"))
    if result.run_id is not None:
        out.print(f"stored as run {result.run_id} in {shown}")
    if result.out_dir is not None:
        out.print(f"wrote {result.out_dir}/ (daily_metrics.csv, charts, report.html)")


def late_policy_note(policy: Any, days: int) -> str:
    """What a run of ``days`` days leaves out of ``policy``, in words, or ``""``: that
    it acts only after the last day (neither an announcement nor a rule within the run:
    the run is the same as no moderation), or that its rules do while an announcement
    acts within it (then the run is not the same as no moderation)."""
    first, rules = first_action(policy), acts_from(policy)
    if first is None:
        return ""
    last = days - 1
    if first >= days:
        return (
            f"'{policy.name}' first acts on day {first} (its first announcement or rule), "
            f"after this run's last day ({last}): neither acts, and the run is the same as "
            "no moderation"
        )
    if rules is not None and rules >= days:
        made = [str(d) for d in heard(policy) if d < days]
        when = f"day{'s' if len(made) > 1 else ''} {', '.join(made)}"
        return (
            f"the rules of '{policy.name}' are first in force on day {rules}, after this run's "
            f"last day ({last}); only its announcement ({when}) acts in this run, which is "
            "not the same as no moderation"
        )
    return ""
