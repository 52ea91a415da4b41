"""Fixtures shared by every test folder: a real PostgreSQL server, and a cache folder
of the suite's own.

The PostgreSQL server is Debian's ``postgresql`` package (scripts/debian-packages.txt),
started with ``initdb`` + ``pg_ctl`` in a temporary directory, listening on a free port
on 127.0.0.1 only. PostgreSQL refuses to run as root, and CI runs as root, so there
it runs as the ``postgres`` system user through ``runuser``. Where it cannot start, the
tests that need it are skipped with the reason (``pytest -ra`` prints it).
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

# The suite never touches the user's own Circle Lab files: the default database (in the
# user data folder) and the cached tables and compiled policies (policy.cache) live in
# folders of the suite's own, one per test process (xdist worker); subprocesses inherit them.
_HOME = tempfile.mkdtemp(prefix="circlelab-test-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ.setdefault("CIRCLELAB_CACHE_DIR", os.path.join(_HOME, "cache"))


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    exe = shutil.which("initdb")
    return Path(exe).parent if exe else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_url():
    """A running PostgreSQL on loopback, as an SQLAlchemy URL; stopped at the end."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL not installed: no initdb (install the Debian package 'postgresql')")
    try:
        import psycopg
    except ImportError as exc:
        pytest.skip(f"psycopg is not installed: {exc}")
    prefix: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="circlelab-pg-"))
    if os.geteuid() == 0:  # postgres refuses root: run it as the postgres system user
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run PostgreSQL as")
        if not shutil.which("runuser"):
            pytest.skip("running as root and 'runuser' is missing: cannot drop to 'postgres'")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", _free_port()

    def pg(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*prefix, *args], capture_output=True, text=True, check=check, timeout=120
        )

    try:
        pg(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "lab",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "-N",
        )
        opts = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off"
        pg(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(base / "log"),
            "-o",
            opts,
            "-w",
            "-t",
            "60",
            "start",
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        log = (base / "log").read_text() if (base / "log").exists() else ""
        detail = getattr(exc, "stderr", "") or str(exc)
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started: {detail.strip()[-400:]} {log[-400:]}")
    try:
        with psycopg.connect(
            f"host=127.0.0.1 port={port} user=lab dbname=postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE circlelab")
        yield f"postgresql+psycopg://lab@127.0.0.1:{port}/circlelab"
    finally:
        from simulation.runs.storage import engine_for

        engine_for.cache_clear()  # close pooled connections before the server goes
        pg(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_database(postgres_url):
    """A new, empty PostgreSQL database on the test server (its URL); dropped afterwards."""
    import psycopg

    from simulation.runs.storage import engine_for

    admin = postgres_url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0]
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    engine_for.cache_clear()  # close pooled connections before the database goes
    with psycopg.connect(admin + "/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(autouse=True)
def _no_thread_left_running():
    """A test leaves no Python thread running behind it.

    A process with a second thread never forks the worker that draws a report
    (``simulation.runs.background.can_start_worker``), so a thread one test left (a Dask
    client's offload executor, a pool's manager) made a later test of the same worker
    process fail, far from its cause. Threads still finishing get 30 s to end."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before]
    for thread in left:
        thread.join(timeout=30)
    running = [t.name for t in left if t.is_alive()]
    assert not running, f"threads left running by this test: {running}"
