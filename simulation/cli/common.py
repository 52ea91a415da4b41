"""What every command body shares: the consoles, error messages that never read user
text as markup, ``--db`` (opened safely, its password masked) and ``--set``.

Both consoles have rich markup switched off: a policy named ``[red]x[/red]`` or a
pattern ``[a-z]+`` is printed as written. Colour comes only from ``Text`` objects
built here, never from markup inside a string that holds user text.

Exit codes scripts can trust: 0 success, 1 a run failed (or a case, or lint with
``--strict``), 2 invalid input or an unusable database (the reason on stderr).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.text import Text

from policy.errors import LocatedError
from policy.yamlfile import parse_value
from simulation.runs.bundle import BUNDLE_NAMES, OutputFolderError, check_folder, place
from simulation.runs.urls import DatabaseError, mask_url
from simulation.strict_json import dumps

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

out = Console(highlight=False, soft_wrap=True, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False, emoji=False)

INPUT_ERROR = 2


def say(label: str, message: str, style: str = "red", console: Console = err) -> None:
    """``label: message`` with only the label coloured; ``message`` is printed as written."""
    console.print(Text.assemble((label, style), ": ", str(message)))


def input_error(message: str) -> typer.Exit:
    """Print ``error: message`` and return the exit (code 2) for the caller to raise."""
    say("error", message)
    return typer.Exit(INPUT_ERROR)


def check_lang(locale: str) -> None:
    """Exit 2 unless ``locale`` is a language reports are written in (``--lang``)."""
    from simulation.runs.report_words import LOCALES  # the translations: no heavy import

    if locale not in LOCALES:
        raise input_error(f"--lang: no report language {locale!r} (one of {', '.join(LOCALES)})")


def fail_input(exc: LocatedError) -> NoReturn:
    """Print every located problem (file:line:column: field: message) and exit 2."""
    for problem in exc.problems:
        say("error", str(problem))
    raise typer.Exit(INPUT_ERROR)


def check_out(out_dir: Path | None, names: Iterable[str] = BUNDLE_NAMES) -> None:
    """Exit 2 before any work when ``--out`` would replace files Circle Lab did not write."""
    if out_dir is None:
        return
    try:
        check_folder(out_dir, names)
    except OutputFolderError as exc:
        raise input_error(f"--out {exc}") from None


def database_error(db: str | Path | None, exc: Exception) -> typer.Exit:
    """Print why ``--db`` cannot be used (password masked) and return the exit (code 2)."""
    return input_error(f"--db {mask_url(db)}: cannot use this database: {exc}")


def open_db(db: str | Path | None, *, write: bool = False, stored: bool = False) -> Engine:
    """The database behind ``--db``, or exit 2 with the reason it cannot be used.

    ``stored``: the command works on what is already stored (list, export, delete,
    report, compare), so a SQLite file named by ``--db`` that does not exist is an input
    error and is not created (a mistyped path made an empty database and then said the
    run or sweep was not in it). The default database (no ``--db``) is made as usual."""
    # SQLAlchemy, sqlmodel and pandas cost about 0.7 s to import: only the commands that
    # open a database pay for them (policy and scenario commands share this module)
    from simulation.runs import storage
    from simulation.runs.database import sqlite_path

    if stored and db is not None:  # (normalise_url would make a missing path's folders)
        text = str(db)
        path = sqlite_path(text) if "://" in text else Path(text).expanduser().resolve()
        if path is not None and not path.exists():
            raise input_error(
                f"--db {mask_url(db)}: there is no database at {path} (nothing was created; "
                "'circlelab run' or 'sweep' with this --db stores runs there)"
            )
    try:
        return storage.open_db(db, write=write)
    except DatabaseError as exc:
        raise database_error(db, exc) from None


def parse_set(values: list[str] | None, flag: str = "--set") -> dict[str, Any]:
    """``--set sellers.evasion_learn=0.3`` → ``{"sellers.evasion_learn": 0.3}``.

    Values are read as YAML scalars through the input layer (its limits and types).
    Exits 2 on a malformed item.
    """
    changes: dict[str, Any] = {}
    for item in values or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise input_error(f"{flag} {item!r}: expected KEY=VALUE")
        try:
            changes[key.strip()] = parse_value(raw, f"{flag} {key.strip()}")
        except LocatedError as exc:
            fail_input(exc)
    return changes


def json_text(value: Any) -> str:
    """``value`` as strict JSON (RFC 8259), indented: a NaN or infinite float (an undefined
    measure, such as precision with nothing removed) is ``null``, NumPy scalars are plain
    numbers. Python's ``json`` would write ``NaN``, which other JSON readers refuse."""
    return dumps(value, indent=2)


MAX_SEED = 2**63 - 1  # policy.ranges.Seed: a seed is a 64-bit integer
MAX_SEEDS = 100_000


def check_seeds(seeds: str | int | list[int], flag: str = "--seeds") -> None:
    """Exit 2 before any work unless ``seeds`` (``1-20``, ``1,3,5``, a list) names seeds a
    run can use: whole numbers from 0 to 2^63 − 1, at most ``MAX_SEEDS`` of them. Ranges
    are checked by their ends, before any is expanded (``1-10000000000`` would fill the
    memory). Other mistakes are the sweep's own parser's to name."""
    from simulation.sweeps.plan import parse_seeds

    parts = [str(s) for s in seeds] if isinstance(seeds, list) else str(seeds).split(",")
    count = 0
    for part in (p.replace(" ", "") for p in parts):
        lo, sep, hi = part.partition("-")
        ends = (lo, hi) if sep and lo else (part,)
        try:
            values = [int(v) for v in ends]
        except ValueError:
            continue  # not a number: parse_seeds names it below
        for v in values:
            if not 0 <= v <= MAX_SEED:
                raise input_error(
                    f"{flag} {seeds}: a seed is a whole number from 0 to {MAX_SEED:,} "
                    f"(a 64-bit integer), got {v}"
                )
        count += max(values[-1] - values[0] + 1, 1)
    if count > MAX_SEEDS:
        raise input_error(
            f"{flag} {seeds}: at most {MAX_SEEDS:,} seeds: each seed is a run of every arm, "
            f"stored; got {count:,}"
        )
    try:
        parse_seeds(seeds if isinstance(seeds, str) else [int(s) for s in seeds])
    except ValueError as exc:
        raise input_error(f"{flag}: {exc}") from None


@contextmanager
def staged_out(out_dir: Path, names: Iterable[str]) -> Iterator[Path]:
    """A folder to write the entries ``names`` in, moved into ``out_dir`` when the block
    ends without an error (``simulation.runs.bundle``: listed in its ``.circlelab-bundle``,
    so the next command replaces them and nothing else). A file of one of those names
    that Circle Lab did not write, or a folder that cannot be written, exits 2 before the
    block runs, its bytes unchanged; after an error nothing is moved in."""
    from simulation.runs.outputs import staging_dir

    check_out(out_dir, names)
    tmp = staging_dir(out_dir)
    try:
        yield tmp
        place(tmp, out_dir)
    except OutputFolderError as exc:  # a file of that name appeared meanwhile
        raise input_error(f"--out {exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
