"""A run's report bundle drawn in a child process while the run is being stored.

Drawing the charts and writing the report (matplotlib) and storing the rows (SQLite or
PostgreSQL) each take about a second after a demo-sized run and need nothing from each
other: the bundle needs only the daily metrics, rule statistics, summary and input
texts. :class:`BundleDrawing` forks a child that builds the bundle in a staging
directory beside ``out`` while this process writes the database; ``finish`` then waits
for the child and swaps the directory in (so ``out`` is replaced only after the run is
stored, as when drawing inline), ``discard`` drops it when storing failed.

Where ``fork`` is not the platform's way (Windows, macOS) or this process may not have
children (a daemonic worker), the bundle is built in this process instead: the files
are the same either way.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from simulation.runs.outputs import fill_bundle, place, staging_dir


def can_fork() -> bool:
    """Whether a child process may be forked from this one (Linux, not a daemon)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and not multiprocessing.current_process().daemon
    )


class BundleDrawing:
    """A report bundle being built for ``out`` (in a child process when possible)."""

    def __init__(self, out: Path, args: tuple[Any, ...], formats: tuple[str, ...]) -> None:
        self.out = Path(out)
        self.args = args
        self.formats = formats
        self.tmp = staging_dir(self.out)
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future | None = None

    @classmethod
    def start(cls, out: Path, args: tuple[Any, ...], formats: tuple[str, ...]) -> BundleDrawing:
        """Start building; ``args`` are :func:`~simulation.runs.outputs.bundle_args`."""
        drawing = cls(out, args, formats)
        if can_fork():
            try:
                fork = multiprocessing.get_context("fork")
                drawing.pool = ProcessPoolExecutor(1, mp_context=fork)
                drawing.future = drawing.pool.submit(
                    fill_bundle, drawing.tmp, *args, formats=formats
                )
            except (OSError, RuntimeError):  # no process to be had: draw inline in finish()
                drawing._stop()
        return drawing

    def finish(self) -> Path:
        """Wait for the bundle (or build it here) and move it into ``out``; returns ``out``.
        Raises what building raised (the staging directory is removed then)."""
        try:
            done = False
            if self.future is not None:
                try:
                    self.future.result()
                    done = True
                except BrokenProcessPool:  # the child died (killed, out of memory)
                    shutil.rmtree(self.tmp, ignore_errors=True)
                    self.tmp = staging_dir(self.out)
            if not done:
                fill_bundle(self.tmp, *self.args, formats=self.formats)
            return place(self.tmp, self.out)
        except BaseException:
            self.discard()
            raise
        finally:
            self._stop()

    def discard(self) -> None:
        """Stop building and remove the staging directory; ``out`` is left as it was."""
        if self.future is not None:
            self.future.cancel()
        self._stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
