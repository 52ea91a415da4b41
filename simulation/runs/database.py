"""Opening a database safely: ours or refused, created once however many open it at once.

A database is *ours* when it records Circle Lab's schema version in the table
``circlelab_schema`` (or, made before versions were recorded, when every table in it
is one of ours with only columns we made). Anything else is refused before a single
byte is written: a SQLite file that is not SQLite, a database holding other tables,
or one written by a newer Circle Lab (its schema version is higher than ours).

Creating or upgrading the schema happens under a lock, so two processes opening a new
database at the same moment both succeed: on SQLite inside ``BEGIN IMMEDIATE`` (one
writer at a time; the other waits), on PostgreSQL under a transaction-level advisory
lock (DDL is transactional there). The state is checked again once the lock is held.

Every failure is a :class:`DatabaseError` with a message a person can act on (a
missing driver names the package to install) and the URL's password masked.
``CIRCLELAB_DB_TIMEOUT`` (seconds, default 60) bounds how long a locked database is
waited for.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, create_engine, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from policy.messages import Message, msg
from simulation.runs import messages as R
from simulation.runs.urls import DatabaseError, normalise_url, scrub

# 0: made before versions were recorded; 1: versions recorded; 2: each distinct text of a
# run's sampled posts stored once (table posttext, column postsample.text_id); 3: a
# sweep's baseline (table sweep); 4: what was changed while a run ran (column
# run.history_json, NULL in rows stored before); 5: the model version a run was computed
# under (column run.model_version, NULL in rows stored before). Opening an older database
# adds what is missing (old rows stay as they are, and readable); a database of a newer
# version is refused.
SCHEMA_VERSION = 5
APPLICATION = "circlelab"
META_TABLE = "circlelab_schema"
SQLITE_HEADER = b"SQLite format 3\x00"
_LOCK_KEY = 0x0C12C1E1AB  # PostgreSQL advisory lock of Circle Lab's schema changes

meta = MetaData()
schema_table = Table(
    META_TABLE,
    meta,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

# The package that provides each database driver (SQLAlchemy's driver names).
DRIVER_PACKAGES = {
    "psycopg": "psycopg[binary]",
    "psycopg2": "psycopg2-binary",
    "pg8000": "pg8000",
    "asyncpg": "asyncpg",
    "mysqldb": "mysqlclient",
    "pymysql": "PyMySQL",
    "mariadbconnector": "mariadb",
    "pyodbc": "pyodbc",
    "oracledb": "oracledb",
    "cx_oracle": "cx_Oracle",
}


def timeout() -> float:
    """Seconds to wait for a locked database (``CIRCLELAB_DB_TIMEOUT``, default 60)."""
    try:
        return max(0.0, float(os.environ.get("CIRCLELAB_DB_TIMEOUT", "60")))
    except ValueError:
        return 60.0


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for memory or another dialect)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if not parsed.drivername.startswith("sqlite") or not parsed.database:
        return None
    name = parsed.database
    if name == ":memory:" or (name.startswith("file:") and "mode=memory" in name):
        return None
    return Path(name.removeprefix("file:").split("?")[0])


# -- errors a person can act on ---------------------------------------------------------


def describe(exc: BaseException, url: str) -> DatabaseError:
    """A :class:`DatabaseError` for whatever the driver or SQLAlchemy raised."""
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, NoSuchModuleError | ArgumentError):
        scheme = url.partition("://")[0] if "://" in url else url
        return DatabaseError("url", msg(R.NOT_A_DATABASE_URL, scheme=scheme))
    if isinstance(exc, ImportError):
        return _missing_driver(exc, url)
    orig = getattr(exc, "orig", None) or exc
    message = " ".join(str(orig).split()) or type(orig).__name__
    message = scrub(message, url)
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None) or ""
    low = message.lower()
    kinds: tuple[tuple[str, bool, Message], ...] = (
        (
            "credentials",
            state in ("28P01", "28000")
            or any(
                s in low
                for s in (
                    "password authentication failed",
                    "authentication failed",
                    "no password supplied",
                    "pg_hba.conf",
                    "access denied for user",
                )
            )
            or ("role " in low and "does not exist" in low),
            msg(R.CREDENTIALS),
        ),
        (
            "unusable",
            state == "3D000" or ("database " in low and "does not exist" in low),
            msg(R.NO_SUCH_DATABASE),
        ),
        (
            "read-only",
            state == "25006" or "readonly database" in low or "read-only" in low,
            msg(R.READ_ONLY),
        ),
        ("read-only", state == "42501", msg(R.MAY_NOT_WRITE)),
        (
            "locked",
            state in ("55P03", "57014") or "database is locked" in low or "lock timeout" in low,
            msg(R.LOCKED, seconds=f"{timeout():g}"),
        ),
        (
            "full",
            state == "53100" or "disk is full" in low or "no space" in low,
            msg(R.DISK_FULL),
        ),
        (
            "full",
            "disk i/o error" in low,
            msg(R.WRITE_FAILED),
        ),
        (
            "corrupt",
            "malformed" in low,
            msg(R.DAMAGED),
        ),
        (
            "foreign",
            "file is not a database" in low,
            msg(R.NOT_SQLITE),
        ),
        (
            "unusable",
            "unable to open database file" in low,
            msg(R.CANNOT_OPEN_FILE),
        ),
        (
            "unreachable",
            any(
                s in low
                for s in (
                    "connection refused",
                    "could not translate host name",
                    "name or service not known",
                    "timeout expired",
                    "could not connect",
                    "connection failed",
                    "no route to host",
                    "network is unreachable",
                )
            ),
            msg(R.UNREACHABLE),
        ),
    )
    for kind, matched, summary in kinds:
        if matched:
            return DatabaseError(kind, msg(R.DRIVER_SAID, summary=summary, said=message))
    return DatabaseError("unusable", message)  # the driver's own words, as they are


def _missing_driver(exc: ImportError, url: str) -> DatabaseError:
    scheme = url.partition("://")[0]
    try:
        driver = make_url(url).get_dialect().driver
    except (ArgumentError, ValueError, ImportError, NoSuchModuleError):
        driver = getattr(exc, "name", None) or scheme
    package = DRIVER_PACKAGES.get(driver, getattr(exc, "name", None) or driver)
    return DatabaseError(
        "driver", msg(R.MISSING_DRIVER, scheme=scheme, driver=driver, package=package)
    )


# -- opening ----------------------------------------------------------------------------


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the lab's timeouts; nothing is connected yet."""
    kwargs: dict[str, Any] = {}
    wait = timeout()
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": wait}
    elif url.startswith("postgresql"):
        options = f"-c lock_timeout={int(wait * 1000)}"
        kwargs["connect_args"] = {"connect_timeout": 10, "options": options}
    try:
        return create_engine(url, **kwargs)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise describe(exc, url) from None


def check_file(url: str) -> None:
    """Refuse, without opening it, a file that exists and is not a SQLite database."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return
    if path.is_dir():
        raise DatabaseError("unusable", msg(R.IS_A_FOLDER, path=str(path)))
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            "unusable", msg(R.CANNOT_READ_FILE, path=str(path), reason=str(exc.strerror))
        ) from None
    if head and head != SQLITE_HEADER:
        raise DatabaseError("foreign", msg(R.NOT_SQLITE_FILE, path=str(path), head=repr(head[:8])))


def prepare(engine: Engine, metadata: MetaData, *, write: bool) -> None:
    """Make ``engine``'s database ours and current, or raise :class:`DatabaseError`.

    Reads first (nothing is written to a foreign or newer database); creates or
    upgrades under the lock when needed; with ``write`` also proves that a write
    would succeed (a read-only file or role is found before a run starts).
    """
    url = engine.url.render_as_string(hide_password=False)
    try:
        with engine.connect() as conn:
            needed = _needs(conn, metadata)
        if needed:
            with _locked(engine) as conn:
                needed = _needs(conn, metadata)  # again, now that no one else can change it
                if needed:
                    _create(conn, metadata)
        if write:
            probe_write(engine)
    except DatabaseError:
        raise
    except (SQLAlchemyError, OSError) as exc:
        raise describe(exc, url) from None


def _ours(metadata: MetaData) -> dict[str, set[str]]:
    return {t.name: {c.name for c in t.columns} for t in metadata.sorted_tables}


def _needs(conn: Connection, metadata: MetaData) -> bool:
    """Whether the schema must be created or upgraded; raise for a database not ours."""
    insp = inspect(conn)
    tables = set(insp.get_table_names())
    if not tables:
        return True
    ours = _ours(metadata)
    if META_TABLE in tables:
        rows = dict(conn.execute(select(schema_table.c.key, schema_table.c.value)).all())
        if rows.get("application") != APPLICATION:
            named = rows.get("application")
            found = repr(named) if named else msg(R.NO_APPLICATION_NAME)
            raise DatabaseError(
                "foreign",
                msg(R.NAMES_ANOTHER, table=META_TABLE, found=found, ours=repr(APPLICATION)),
            )
        try:
            version = int(rows.get("schema_version", "-1"))
        except ValueError:
            version = -1
        if version > SCHEMA_VERSION:
            raise DatabaseError("newer", msg(R.NEWER, version=version, known=SCHEMA_VERSION))
        if version < 0:
            raise DatabaseError("foreign", msg(R.NO_USABLE_VERSION, table=META_TABLE))
    else:
        _check_unversioned(insp, tables, ours)
        return True
    if version < SCHEMA_VERSION or not set(ours) <= tables:
        return True
    return any(
        ours[name] - {c["name"] for c in insp.get_columns(name)}
        for name in ours
        if name != META_TABLE
    )


# What every database made before versions were recorded holds: these tables (made
# together by one create_all), and a run table with at least these columns.
UNVERSIONED_TABLES = frozenset(
    {"run", "dailymetric", "rulestat", "postsample", "feeditem", "moderationevent", "accountrow"}
)
UNVERSIONED_RUN = frozenset(
    {
        "id", "name", "scenario_name", "scenario_yaml", "policy_name", "policy_text", "seed",
        "days_requested", "days_done", "categories", "locale", "code_version", "status",
        "created_at", "heartbeat_at", "finished_at", "wall_seconds", "error", "summary_json",
        "params_json", "sweep_id",
    }
)  # fmt: skip


def _check_unversioned(insp: Any, tables: set[str], ours: dict[str, set[str]]) -> None:
    """A database without a version is ours only if it looks exactly like an old one of
    ours: all our tables and no other, a complete run table, no column we never made."""
    found: list[Message] = []
    for name in sorted(tables & UNVERSIONED_TABLES):
        columns = {c["name"] for c in insp.get_columns(name)}
        strange = sorted(columns - ours.get(name, set()))
        lacking = sorted(UNVERSIONED_RUN - columns) if name == "run" else []
        if strange:
            found.append(msg(R.STRANGE_COLUMNS, table=name, names=_few(strange)))
        elif lacking:
            found.append(msg(R.LACKS_COLUMN, table=name, names=_few(lacking)))
    other = sorted(tables - UNVERSIONED_TABLES)
    if other:
        found.append(msg(R.STRANGE_TABLES, names=_few(other)))
    missing = sorted(UNVERSIONED_TABLES - tables)
    if missing and not found:
        found.append(msg(R.LACKS_TABLES, names=_few(missing)))
    if found:
        raise DatabaseError("foreign", msg(R.NOT_OURS, found=R.joined(found)))


def _few(names: list[str]) -> str:
    return ", ".join(names[:8]) + (", …" if len(names) > 8 else "")


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the schema lock; committed on success."""
    with engine.connect() as conn:
        dialect = engine.dialect.name
        if dialect == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _create(conn: Connection, metadata: MetaData) -> None:
    """Create what is missing, add missing columns, record the version (under the lock)."""
    metadata.create_all(conn, checkfirst=True)
    meta.create_all(conn, checkfirst=True)
    add_missing_columns(conn, metadata)
    conn.execute(schema_table.delete())
    conn.execute(
        schema_table.insert(),
        [
            {"key": "application", "value": APPLICATION},
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
        ],
    )


def add_missing_columns(conn: Connection, metadata: MetaData) -> list[str]:
    """Bring tables made by an earlier version up to date by adding new columns.

    Columns are only ever added (with their default), never changed or dropped, so old
    runs stay readable and new runs can be written to the same database.
    """
    added = []
    insp = inspect(conn)
    existing = set(insp.get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in existing:
            continue
        have = {c["name"] for c in insp.get_columns(table.name)}
        for column in table.columns:
            if column.name in have:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            default = column.default.arg if column.default is not None else None
            clause = ""
            if isinstance(default, bool):
                clause = f" DEFAULT {'TRUE' if default else 'FALSE'}"
            elif isinstance(default, int | float):
                clause = f" DEFAULT {default}"
            elif isinstance(default, str):
                clause = " DEFAULT '" + default.replace("'", "''") + "'"
            conn.execute(
                text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}{clause}')
            )
            added.append(f"{table.name}.{column.name}")
    return added


def probe_write(engine: Engine) -> None:
    """A write that changes nothing, rolled back: proves the database takes writes."""
    with engine.connect() as conn:
        try:
            if engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.execute(
                schema_table.update()
                .where(schema_table.c.key == "schema_version")
                .values(value=schema_table.c.value)
            )
        finally:
            conn.rollback()


def open_engine(db: str | Path | None, metadata: MetaData, *, write: bool = True) -> Engine:
    """An engine on ``db`` whose database is ours and current (see :func:`prepare`)."""
    url = normalise_url(db)
    check_file(url)
    engine = make_engine(url)
    try:
        prepare(engine, metadata, write=write)
    except BaseException:
        engine.dispose()
        raise
    return engine
