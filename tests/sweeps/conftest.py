"""Fixtures for sweep tests: a small reference sweep and a real PostgreSQL server.

The PostgreSQL server is Debian's ``postgresql`` package (scripts/debian-packages.txt),
started with ``initdb`` + ``pg_ctl`` in a temporary directory, listening on a free port
on 127.0.0.1 only. PostgreSQL refuses to run as root, and CI runs as root, so there
it runs as the ``postgres`` system user through ``runuser``. Where it cannot start, the
tests that need it are skipped with the reason (``pytest -ra`` prints it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from simulation.sweeps.sweep import sweep

SCENARIO = "classroom"
POLICIES = ("none", "keywords")
SEEDS = "1-2"
DAYS = 20


def small_sweep(**kwargs):
    """The sweep every equality test runs: 2 policies x 2 seeds x 20 classroom days."""
    args = {"scenario": SCENARIO, "policies": POLICIES, "seeds": SEEDS, "days": DAYS}
    return sweep(**{**args, **kwargs})


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """The serial (one process) sweep stored in SQLite: what every other path must equal."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    return small_sweep(workers=1, db=str(db))


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
