"""``circlelab runs list | export | delete``: the runs stored in a database."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text

from simulation.cli.common import (
    check_lang,
    check_out,
    database_error,
    input_error,
    open_db,
    out,
    say,
)
from simulation.model_version import MODEL_VERSION, stored_version
from simulation.runs.history import RunHistory
from simulation.runs.outputs import export_stored_run
from simulation.runs.scenario_shown import parameters_text, run_parameters
from simulation.runs.storage import (
    NothingStored,
    delete_run,
    get_run,
    list_runs,
    run_state,
    stored_notice,
)
from simulation.runs.urls import DatabaseError
from simulation.strict_json import dumps

COLUMNS = (
    "id",
    "state",
    "scenario",
    "policy",
    "parameters",
    "seed",
    "days",
    "created",
    "sweep",
    "changes",
    "model",
)
# columns left out of the table when no run has a value
OPTIONAL = ("parameters", "sweep", "changes")


def list_(db: str | None, as_json: bool) -> None:
    """Every stored run with its state (names shown exactly as stored), how it was set
    up and what was changed while it ran. "parameters" are the run's ``--set`` values or
    its sweep's parameters (a policy's prefixed ``policy:``). "changes" is empty for a
    run that ran as it was set up, lists the changes of one changed by hand (the app),
    and reads "not recorded" for a run stored before that was kept (with ``--json``: the
    parameters as an object; the changes without the policies' texts, ``[]``, or
    ``null``). "model" is the model version a run was made under (``simulation.model_version``;
    0: stored before versions were recorded), a column of the table only when some run's
    differs from this code's."""
    try:
        runs = list_runs(open_db(db, stored=True))
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    histories = {r.id: RunHistory.of_run(r) for r in runs}
    rows = [
        {
            "id": r.id,
            "state": run_state(r),
            "scenario": r.scenario_name,
            "policy": r.policy_name,
            "parameters": run_parameters(r.params_json)
            if as_json
            else parameters_text(r.params_json),
            "seed": r.seed,
            "days": f"{r.days_done}/{r.days_requested}",
            "created": r.created_at.isoformat(timespec="seconds"),
            "sweep": r.sweep_id or "",
            "changes": histories[r.id].compact() if as_json else histories[r.id].brief(),
            "model": stored_version(r.model_version),
        }
        for r in runs
    ]
    if as_json:
        print(dumps(rows, indent=2))
        return
    # in a terminal: "parameters", "sweep" and "changes" only when a run has one, and every value
    # folded onto more lines rather than cut to "classr…" in a narrow window
    # "model" only when some run was made under another model version than this one's
    other = any(row["model"] != MODEL_VERSION for row in rows)
    shown = [
        c
        for c in COLUMNS
        if (c not in OPTIONAL or any(row[c] for row in rows)) and (c != "model" or other)
    ]
    table = Table(show_header=True, header_style="bold")
    for col in shown:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(row[c])) for c in shown))
    out.print(table)
    if other:
        out.print(
            Text(
                f"model: the model version a run was made under (this Circle Lab's is "
                f"{MODEL_VERSION}; 0: stored before versions were recorded); a sweep runs "
                "again the runs of an older one and never mixes versions"
            )
        )
    if any(histories[r.id].changed for r in runs):
        out.print(
            Text(
                "changes: made by hand while the run ran; each from the day given "
                "(the policy column names every policy put in force)"
            )
        )


def export(
    run_id: int,
    out_dir: Path,
    db: str | None,
    formats: tuple[str, ...] = ("png",),
    locale: str = "en_US",
) -> None:
    """A stored run's daily_metrics.csv and charts, without re-running it. A run that is
    not complete exits 2 naming its state and writing nothing when it has nothing stored;
    with some days stored it is exported, its report saying it is not complete, and a
    warning goes to stderr."""
    check_lang(locale)
    check_out(out_dir)
    engine = open_db(db, stored=True)
    try:
        notice = stored_notice(engine, get_run(engine, run_id), "export")
    except NothingStored as exc:
        raise input_error(str(exc)) from None
    except KeyError as exc:  # no such run
        raise input_error(str(exc.args[0])) from None
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    try:
        path = export_stored_run(engine, run_id, out_dir, formats, locale)
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    if notice:
        say("warning", notice, "yellow")
    out.print(f"wrote {path}/")


def delete(run_id: int, db: str | None) -> None:
    """Delete a stored run and all its rows."""
    engine = open_db(db, write=True, stored=True)
    try:
        get_run(engine, run_id)
        delete_run(engine, run_id)
    except KeyError as exc:
        raise input_error(str(exc.args[0])) from None
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    out.print(f"deleted run {run_id}")
