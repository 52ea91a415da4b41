"""A run's report bundle drawn in a child process while the run is being stored.

Drawing the charts and writing the report (matplotlib) and storing the rows (SQLite or
PostgreSQL) each take under a second after a demo-sized run, and need nothing from each
other: the bundle needs only the daily metrics, rule statistics, summary and input
texts. :class:`BundleDrawing` starts a worker process when the run starts, before the
world is built (it imports matplotlib and makes the charts' figures and their ticks,
in the fonts of the report's language, while the engine runs: ``figures.blanks``), and
when the run is done hands it those few tables; the worker builds the bundle in a
staging directory beside ``out`` while this process writes the database. ``finish``
then waits for it and swaps the directory in (so ``out`` is replaced only after the run
is stored, as when drawing inline); ``discard`` drops it when storing failed.

The worker is forked: it shares the modules this process has imported (NumPy, pandas,
the policy), so it costs the machine only the drawing itself, which matters when other
work keeps every core busy; forking before the world exists copies little, and the run
freezes the collector first (``gc.freeze``), so that the worker's collections never
walk those shared objects (nor copy the memory pages they live on). A fork is safe
only from a process that runs no other Python thread (the child would inherit any
lock another thread holds, the logging module's or a driver's, and wait on it forever),
and only Linux forks cheaply and safely; a spawned worker instead would import the
caller's script again, which runs it again when it has no ``if __name__ == "__main__"``
guard. So on other systems, from a threaded caller (a notebook kernel, a server), from
a daemonic worker, or when starting one fails, the bundle is built in this process
instead: the files are the same either way.
"""

from __future__ import annotations

import multiprocessing
import shutil
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import import_module
from pathlib import Path
from typing import Any

from simulation.runs.outputs import fill_bundle, place, staging_dir


def can_start_worker() -> bool:
    """Whether this process may fork a worker: on Linux, from a process that is not a
    daemonic worker itself and has no thread started through ``threading`` but this
    one. Threads started elsewhere (a ``QThread``, a C extension's) are not seen; the
    BLAS library's own threads are fork-safe (it re-creates them in the child)."""
    return (
        sys.platform.startswith("linux")
        and not multiprocessing.current_process().daemon
        and threading.active_count() == 1
    )


def _quiet() -> None:
    """In the worker: Ctrl-C is this process's to handle (it discards the bundle)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# In the worker: the charts' figures made by _warm, for the one bundle it then fills.
_blanks: list[Any] = []


def _warm(texts: tuple[str, str] | None = None, locale: str = "en_US") -> None:
    """In the worker, while the engine runs: import what drawing needs, make the charts'
    figures with their ticks (``figures.blanks``), their texts in the fonts of the
    report's language ``locale`` (CJK fonts for Chinese), and read the event marks of
    the run's scenario and policy ``texts`` (``outputs.drawing_texts``;
    ``outputs.prepare_marks``)."""
    figures = import_module("simulation.runs.figures")  # matplotlib
    outputs = import_module("simulation.runs.outputs")  # pandas
    _blanks[:] = figures.blanks(cjk=locale != "en_US")
    if texts is not None:
        outputs.prepare_marks(*texts)


def _fill(tmp: Path, *args: Any, formats: tuple[str, ...], locale: str = "en_US") -> None:
    """In the worker: the bundle's files in ``tmp``, its charts drawn on the figures
    ``_warm`` made (each used once; new ones when there are none)."""
    figures, _blanks[:] = list(_blanks), []
    fill_bundle(tmp, *args, formats=formats, figures=figures, locale=locale)


class BundleDrawing:
    """A report bundle being built for ``out`` (in a child process when possible)."""

    def __init__(self, out: Path, formats: tuple[str, ...], locale: str = "en_US") -> None:
        self.out = Path(out)
        self.formats = formats
        self.locale = locale  # the report's language (simulation.runs.report_words)
        self.args: tuple[Any, ...] = ()
        self.tmp: Path | None = None
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future | None = None

    @classmethod
    def prepare(
        cls,
        out: Path,
        formats: tuple[str, ...] = ("png",),
        texts: tuple[str, str] | None = None,
        locale: str = "en_US",
    ) -> BundleDrawing:
        """Start the worker (before the run: it imports, makes the charts' figures and
        reads the event marks of the scenario and policy ``texts``,
        ``outputs.drawing_texts``, while the engine runs); ``locale``: the report's
        language."""
        drawing = cls(out, formats, locale)
        if can_start_worker():
            try:
                drawing.pool = ProcessPoolExecutor(
                    1, mp_context=multiprocessing.get_context("fork"), initializer=_quiet
                )
                drawing.pool.submit(_warm, texts, locale)
            except (OSError, RuntimeError):  # no process to be had: draw inline in finish()
                drawing._stop()
        return drawing

    def start(self, args: tuple[Any, ...]) -> None:
        """Start building the bundle of a finished run; ``args`` are
        :func:`~simulation.runs.outputs.bundle_args`."""
        self.args = args
        self.tmp = staging_dir(self.out)
        if self.pool is not None:
            try:
                self.future = self.pool.submit(
                    _fill, self.tmp, *args, formats=self.formats, locale=self.locale
                )
            except (BrokenProcessPool, RuntimeError):  # the worker died: draw inline
                self._stop()

    def finish(self) -> Path:
        """Wait for the bundle (or build it here) and move it into ``out``; returns ``out``.
        Raises what building raised (the staging directory is removed then)."""
        if self.tmp is None:
            raise RuntimeError("BundleDrawing.finish() before start()")
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
                fill_bundle(self.tmp, *self.args, formats=self.formats, locale=self.locale)
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
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def _stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
