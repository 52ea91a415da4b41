"""Every message about stored runs and databases, as an English template with named parts
(context ``RunProblems``): a run that is not complete and its state, a run or sweep that
is not in a database, and why a database cannot be used.

The rules of :mod:`policy.messages` hold: placeholders are named and unformatted (the
caller formats numbers and dates itself), an argument is text the program or the system
supplied (a run id, a path, a date, an OS error's ``strerror``, a driver's own error
text), or a nested :class:`~policy.messages.Message`. The command line prints the
English (``str``), worded exactly as before; the app translates each template
(``app.problems``) and fills it with the same arguments, so paths, ids and the system's
words stay as written.
"""

from __future__ import annotations

from typing import Any

from policy import messages as M
from policy.messages import Message, msg, register
from simulation.messages import one_after_another

CONTEXT = "RunProblems"


def _r(template: str) -> str:
    return register(template, CONTEXT)


# -- a run's state (simulation.runs.storage.state_text) ----------------------------------
DAYS_OF = _r("{done} of {requested} days")
STATE_COMPLETE = _r("complete: {days}")
STATE_RUNNING = _r(
    "running: {days} simulated, last progress recorded {seconds} s ago (a run's data is "
    "stored when it finishes; one whose process was killed reads as running for {minutes} "
    "minutes, then as incomplete)"
)
STATE_INCOMPLETE = _r(
    "incomplete: stopped after {days} without being saved (no progress recorded since "
    "{when} UTC; its process probably ended without finishing, e.g. was killed)"
)
STATE_FAILED = _r("failed: stopped after {days}{reason}")
STATE_INTERRUPTED = _r("interrupted: stopped after {days}{reason}")
STATE_STOPPED = _r("{state}: stopped after {days}{reason}")  # a state of another version
REASON = _r(" ({error})")  # the error the run stored, as it was written
# the errors the program itself stores for a run stopped by Ctrl+C (simulation.runs.run,
# storage.RunWriter.marked_if_stopped), said in the reader's language where shown
BY_THE_USER = _r("interrupted by the user")
BY_THE_USER_WHILE_SAVING = _r("interrupted by the user while saving")
OWN_ERRORS = (BY_THE_USER, BY_THE_USER_WHILE_SAVING)

# -- nothing stored (storage.not_stored, storage.stored_notice, sweeps.store) ------------
# what there is nothing stored to do
DOING = {doing: _r(doing) for doing in ("open", "export", "report")}
NOT_STORED = _r("run {run} is not complete; its state is {state}. It has nothing stored to {doing}")
NONE_COMPLETE = _r(
    "none of these {count} runs is complete, so there is nothing stored to {doing} ({states}{more})"
)
RUN_STATE = _r("run {run}: {state}")
AND_MORE = _r("; and {count} more")
PARTIAL = _r(
    "This run is not complete; its state is {state}. Only {days} day(s) of daily metrics "
    "are stored; every number here covers those days only."
)

# -- not in this database (storage.get_run, sweeps.store, a stored run's account) --------
NO_RUN = _r("no run {run} in this database")
NO_RUNS = _r("no runs {runs} in this database")
NO_SWEEP = _r("no sweep '{sweep}' in this database")
NO_ACCOUNT = _r("account {account} is not stored with this run")

# -- a database that cannot be used (simulation.runs.urls, simulation.runs.database) -----
IS_A_FILE = _r("{path} is a file, not a folder")
CANNOT_CREATE_FOLDER = _r("cannot create the folder {path}: {reason}")
IS_A_FOLDER = _r("{path} is a folder, not a database file")
CANNOT_READ_FILE = _r("cannot read {path}: {reason}")
NOT_SQLITE_FILE = _r(
    "{path} is not a SQLite database (it starts with {head}), so not a Circle Lab one; "
    "nothing was written to it"
)
NOT_A_DATABASE_URL = _r(
    "'{scheme}://' is not a database this program can use; give a SQLite file path, "
    "sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname"
)
MISSING_DRIVER = _r(
    "the database driver for {scheme}:// ({driver}) is not installed: pip install '{package}'"
)
# what a driver's error means, before the driver's own words (database.describe)
DRIVER_SAID = _r("{summary} ({said})")
CREDENTIALS = _r("the server refused the user name or password")
NO_SUCH_DATABASE = _r("the server has no such database")
READ_ONLY = _r("the database is read-only")
MAY_NOT_WRITE = _r("the user may not write to this database")
LOCKED = _r("the database is locked by another process (waited {seconds} s)")
DISK_FULL = _r("the disk is full")
WRITE_FAILED = _r("the disk failed a write (full, or a file-size limit reached?)")
DAMAGED = _r("the database file is damaged")
NOT_SQLITE = _r("the file is not a SQLite database (so not a Circle Lab one)")
CANNOT_OPEN_FILE = _r("cannot open the database file (its folder is missing or not writable)")
UNREACHABLE = _r("cannot reach the database server")
# a database that is not Circle Lab's, or is newer (database._needs)
NAMES_ANOTHER = _r(
    "its {table} table names {found}, not {ours}: not a Circle Lab database; nothing was "
    "written to it"
)
NO_APPLICATION_NAME = _r("'no application name'")
NEWER = _r(
    "it was written by a newer Circle Lab (schema version {version}; this one knows "
    "versions up to {known}): upgrade circlelab, or use another database; nothing was "
    "written to it"
)
NO_USABLE_VERSION = _r("its {table} table has no usable version")
NOT_OURS = _r("not a Circle Lab database: {found}; nothing was written to it")
STRANGE_COLUMNS = _r("its table '{table}' has columns Circle Lab never made ({names})")
LACKS_COLUMN = _r("its table '{table}' has no {names} column")
STRANGE_TABLES = _r("it holds tables Circle Lab never made ({names})")
LACKS_TABLES = _r("it lacks the tables {names} and records no schema version")


def doing_text(doing: str) -> Message | str:
    """What there is nothing stored to do ("open", "export", "report") as a message; a
    word not listed stays as it is."""
    template = DOING.get(doing)
    return msg(template) if template is not None else doing


def as_message(text: Message | str) -> Message:
    """``text`` as a message: a message as it is, plain text shown as written."""
    return text if isinstance(text, Message) else msg(M.AS_WRITTEN, text=text)


def joined(parts: list[Message]) -> Message:
    """``a; b; c`` of messages, as one message."""
    return one_after_another(parts)


class NotInDatabase(KeyError):
    """A run, runs, a sweep or an account that a database does not hold: a ``KeyError``
    whose ``args[0]`` is the English (as the plain ``KeyError`` had it) and whose
    ``message`` is that text's :class:`Message`."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))
        self.message = as_message(message)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message,))
