"""The engine off the GUI thread, and out of the GUI process.

The ``Simulation`` lives in a child process (``app.engine_proc``, started with the
``spawn`` method), so the engine never holds the GUI's GIL: a long day cannot stall the
event loop. ``SimWorker``, in its own ``QThread``, is the only thing that talks to that
process. It sends one request over a pipe and waits for the reply; the wait releases the
GIL. It then re-emits the reply as a signal. The GUI talks to the worker only through
queued signals, so its public interface is the same as when the engine ran in the thread.

A run steps one day per request, and the worker asks for the next day only while it is
running, so Pause takes effect after the day in progress. A failure in the engine comes
back as ``failed``. If the process dies, ``failed`` says so, and the next Setup starts a
new one.
"""

from __future__ import annotations

import atexit
import multiprocessing
import sys
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from app import engine_proc
from app.problems import error_text
from simulation.scenario import Scenario
from simulation.world.engine import DayRecord

SWITCH_INTERVAL_S = 0.001
POLL_S = 0.05  # how often a wait for the engine checks that it is alive / not cancelled
JOIN_S = 1.0  # how long a stop waits for the process at each step (exit, terminate, kill)


@dataclass(frozen=True)
class SetupInfo:
    """What the GUI needs to know about a fresh run."""

    categories: tuple[str, ...]
    watched: tuple[int, ...]
    days: int
    seed: int
    locale: str
    rule_names: tuple[str, ...]


def copy_record(record: DayRecord) -> DayRecord:
    """A copy safe to hand to another thread."""
    return DayRecord(record.day, dict(record.metrics), [dict(r) for r in record.rules])


class EngineError(Exception):
    """The engine answered a request with an error (the process carries on): ``str()``
    its English text, ``message`` the :class:`~policy.messages.Message` it was worded by
    (None: not worded by one)."""

    def __init__(self, text: str, message: Any = None) -> None:
        super().__init__(text)
        self.message = message


class EngineDied(Exception):
    """The engine process is gone."""


class Cancelled(Exception):
    """Shutdown was requested while waiting for the engine."""


class EngineProcess:
    """One engine process and our end of its pipe. Used by one thread at a time."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        self.proc = ctx.Process(
            target=engine_proc.serve, args=(theirs,), name="circlelab-engine", daemon=True
        )
        try:
            self.proc.start()
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()  # only the child keeps it: its exit then ends our recv with EOF
        self.conn = ours
        self.answered = False  # it has replied at least once (its warm-up is over)
        self.busy = False  # a request is in flight
        self.closed = False

    def alive(self) -> bool:
        return not self.closed and self.proc.is_alive()

    def call(self, msg: tuple, cancel: threading.Event) -> tuple:
        """Send one request and wait for its reply; the wait releases the GIL."""
        if cancel.is_set():
            raise Cancelled
        if self.closed:
            raise EngineDied("the engine process is not running")
        self.busy = True
        try:
            self.conn.send(msg)
            while not self.conn.poll(POLL_S):
                if cancel.is_set():
                    raise Cancelled
                if not self.proc.is_alive():
                    break  # a reply may still be in the pipe; if not, recv raises EOFError
            reply = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise EngineDied(self.death_note()) from exc
        self.busy = False
        self.answered = True
        if reply[0] == "error":
            raise EngineError(reply[1], reply[2] if len(reply) > 2 else None)
        return reply

    def death_note(self) -> str:
        self.proc.join(JOIN_S)
        code = self.proc.exitcode
        how = "" if code is None else f" (exit code {code})"
        return f"The engine process stopped{how}; Setup starts a new one"

    def forget(self) -> bool:
        """Have an idle process drop its world (no reply); False if it is not idle."""
        if self.closed or self.busy or not self.proc.is_alive():
            return False
        try:
            self.conn.send(("forget",))
        except (OSError, ValueError):
            return False
        return True

    def stop(self) -> None:
        """Ask the process to exit; terminate, then kill it if it does not. Never raises.

        A process still warming up or busy with a request is terminated at once: it
        holds nothing that needs saving."""
        if self.closed:
            return
        self.closed = True
        idle = self.answered and not self.busy
        if idle:
            try:
                self.conn.send(("shutdown",))
            except (OSError, ValueError):
                idle = False
        proc = self.proc
        if idle:
            proc.join(JOIN_S)
        if proc.exitcode is None:
            proc.terminate()
            proc.join(JOIN_S)
        if proc.exitcode is None:
            proc.kill()
            proc.join(JOIN_S)
        if proc.exitcode is not None:
            proc.close()
        self.conn.close()


# An idle engine process left by a closed window, for the next window of this process
# (tests open dozens): a new one costs about a second of imports and warm-up. It is
# stopped when the application quits, and at interpreter exit at the latest.
_spare: EngineProcess | None = None
_spare_lock = threading.Lock()


def park_engine(engine: EngineProcess) -> None:
    """Keep an idle engine as the spare (dropping its world), or stop it."""
    global _spare
    with _spare_lock:
        if _spare is None and engine.forget():
            _spare, engine = engine, None
    if engine is not None:
        engine.stop()


def adopt_engine() -> EngineProcess | None:
    """The spare engine, if there is a live one."""
    global _spare
    with _spare_lock:
        engine, _spare = _spare, None
    if engine is not None and not engine.alive():
        engine.stop()
        engine = None
    return engine


def stop_spare_engine() -> None:
    global _spare
    with _spare_lock:
        engine, _spare = _spare, None
    if engine is not None:
        engine.stop()


atexit.register(stop_spare_engine)


class SimWorker(QObject):
    """Owns an engine process; steps its Simulation on a timer in the worker thread."""

    ready = Signal(object)  # SetupInfo
    dayDone = Signal(object)  # DayRecord (a copy)
    runningChanged = Signal(bool)
    finished = Signal(int)  # last day done
    feedReady = Signal(int, int, object)  # viewer, day, DataFrame
    accountReady = Signal(object)  # dict
    removedFeedFound = Signal(int, int)  # viewer, day of a feed with a removed post (-1: none)
    policyApplied = Signal(int, object)  # first day in force, rule names
    paramApplied = Signal(str, object, int)  # key, value, first day in effect
    historyChanged = Signal(object)  # the world's history after a change (list of dicts)
    failed = Signal(str)
    saved = Signal(object)  # (run id or None, report folder or None)
    refused = Signal(str)  # a request that cannot be done in this state, and why
    engineLost = Signal()  # the engine process died: there is no world any more
    engineStarting = Signal()  # a new engine process is being started (after one died)

    def __init__(self) -> None:
        super().__init__()
        self.interval_ms = 0
        self.engine: EngineProcess | None = None
        self.has_world = False
        self.lost_note = ""  # why the last world is gone, when its process died
        self.day = 0  # the next day the engine will run
        self.days = 0
        self.stop_at: int | None = None  # a run started by go_until stops on this day
        self._running = False
        self._cancel = threading.Event()  # set from the GUI thread by WorkerHost.shutdown
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    # --------------------------------------------------------------- engine process
    @Slot()
    def start_engine(self) -> None:
        """Start (or adopt) the engine process now, so that its warm-up overlaps with the
        user's choices."""
        self._ensure_engine(quiet=True)

    def _ensure_engine(self, quiet: bool = False) -> bool:
        if self.engine is not None and self.engine.alive():
            return True
        self._drop_engine()
        if self._cancel.is_set():
            return False
        self.engine = adopt_engine()
        if self.engine is not None:
            return True
        if not quiet:
            self.engineStarting.emit()
        try:
            self.engine = EngineProcess()
        except Exception as exc:
            self.failed.emit(f"cannot start the engine process: {engine_proc.describe(exc)}")
            return False
        return True

    def _drop_engine(self) -> None:
        engine, self.engine = self.engine, None
        self.has_world = False
        if engine is not None:
            engine.stop()

    def _request(self, *msg: Any) -> tuple | None:
        """One request to the engine; every failure becomes ``failed`` (or silence when
        shutting down)."""
        if self.engine is None:
            self.failed.emit("The engine process is not running; press Setup")
            return None
        try:
            return self.engine.call(msg, self._cancel)
        except EngineError as exc:  # worded by a message: in the interface's language
            self.failed.emit(error_text(exc))
        except EngineDied as exc:
            self.pause()
            self._drop_engine()
            self.lost_note = str(exc)
            self.engineLost.emit()
            self.failed.emit(self.lost_note)
        except Cancelled:
            self.pause()
        return None

    # --------------------------------------------------------------- control
    @Slot(object, object, object)
    def setup(self, scenario: Scenario, policy: Any, seed: Any) -> None:
        self.pause()
        self.has_world = False
        try:
            recipe = engine_proc.policy_recipe(policy)
        except Exception as exc:
            self.failed.emit(engine_proc.describe(exc))
            return
        if not self._ensure_engine():
            return
        reply = self._request("setup", scenario, recipe, int(seed))
        if reply is None:
            return
        categories, watched, days, seed, locale, rule_names = reply[1:]
        self.has_world, self.day, self.days, self.lost_note = True, 0, days, ""
        self.ready.emit(SetupInfo(categories, watched, days, seed, locale, rule_names))

    def _refuse(self) -> None:
        """Say why Go or Step cannot run (the death of the engine, if that is why)."""
        if not self.has_world and self.lost_note:
            self.failed.emit(self.lost_note)
        else:
            self.refused.emit("no world" if not self.has_world else "at end")

    @Slot()
    def go(self) -> None:
        self.stop_at = None
        self._go()

    @Slot(int)
    def go_until(self, day: int) -> None:
        """Run until ``day`` days are done, then pause (exactly there: a lesson's step)."""
        if self.has_world and self.day >= day:
            self.runningChanged.emit(False)  # nothing to run: say it has stopped
            return
        self.stop_at = int(day)
        self._go()

    def _go(self) -> None:
        if self._running:
            return
        if not self.has_world or self._at_end():
            # say so, and let the Go button show what is true (not running)
            self.runningChanged.emit(False)
            self._refuse()
            return
        self._running = True
        self.runningChanged.emit(True)
        self._timer.start(0)

    @Slot()
    def pause(self) -> None:
        if self._running:
            self._running = False
            self._timer.stop()
            self.runningChanged.emit(False)

    @Slot()
    def step(self) -> None:
        if self.has_world and not self._running and not self._at_end():
            self._step_once()
        elif not self._running:
            self._refuse()

    @Slot(int)
    def set_interval(self, ms: int) -> None:
        self.interval_ms = max(0, int(ms))

    @Slot(str, object)
    def set_param(self, key: str, value: Any) -> None:
        if not self.has_world:
            return
        reply = self._request("param", key, value)
        if reply is not None:
            self.paramApplied.emit(key, value, reply[1])
            self.historyChanged.emit(reply[2])

    @Slot(object)
    def set_policy(self, policy: Any) -> None:
        if not self.has_world:
            return
        try:
            recipe = engine_proc.policy_recipe(policy)
        except Exception as exc:
            self.failed.emit(engine_proc.describe(exc))
            return
        reply = self._request("policy", recipe)
        if reply is not None:
            self.policyApplied.emit(reply[1], reply[2])
            self.historyChanged.emit(reply[3])

    # --------------------------------------------------------------- queries
    @Slot(int, int)
    def request_feed(self, viewer: int, day: int) -> None:
        if not self.has_world:
            return
        reply = self._request("feed", viewer, day)
        if reply is not None:
            self.feedReady.emit(viewer, day, reply[1])

    @Slot(int)
    def find_removed_feed(self, day: int) -> None:
        """Look for a watched user's feed with a removed post, on ``day`` or before."""
        if not self.has_world:
            return
        reply = self._request("removed_feed", day)
        if reply is not None:
            self.removedFeedFound.emit(reply[1], reply[2])

    @Slot(object, object, str, str)
    def save(self, db: Any, out: Any, name: str, locale: str) -> None:
        """Store the world's days so far in ``db`` and/or write the report to ``out`` (in
        the language ``locale``)."""
        if not self.has_world:
            self.refused.emit("no world")
            return
        reply = self._request("save", db or None, out or None, name, locale)
        if reply is not None:
            self.saved.emit((reply[1], reply[2]))

    @Slot(int)
    def request_account(self, account: int) -> None:
        if not self.has_world:
            return
        reply = self._request("account", account)
        if reply is not None:
            self.accountReady.emit(reply[1])

    @Slot()
    def release(self) -> None:
        """Stop the run and park (or stop) the engine process in the worker thread, then
        hand this object
        (and its timer) back to the GUI thread, so that deleting it later never stops a
        timer from a foreign thread."""
        self._running = False
        self._timer.stop()
        engine, self.engine = self.engine, None
        self.has_world = False
        if engine is not None:
            park_engine(engine)
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())

    # --------------------------------------------------------------- internals
    def _at_end(self) -> bool:
        return not self.has_world or self.day >= self.days

    def _step_once(self) -> None:
        reply = self._request("step")
        if reply is None:
            self.pause()
            return
        record, self.day = reply[1], reply[2]
        self.dayDone.emit(record)  # unpickled from the pipe: already a copy
        if self._at_end():
            self.pause()
            self.finished.emit(self.day - 1)
        elif self.stop_at is not None and self.day >= self.stop_at:
            self.stop_at = None
            self.pause()

    @Slot()
    def _tick(self) -> None:
        if not self._running:
            return
        self._step_once()
        if self._running:
            self._timer.start(self.interval_ms)


class WorkerHost(QObject):
    """GUI-side handle: starts the thread and forwards calls as queued signals."""

    _setup = Signal(object, object, object)
    _go = Signal()
    _go_until = Signal(int)
    _pause = Signal()
    _step = Signal()
    _interval = Signal(int)
    _param = Signal(str, object)
    _policy = Signal(object)
    _feed = Signal(int, int)
    _account = Signal(int)
    _removed_feed = Signal(int)
    _save = Signal(object, object, str, str)
    _start = Signal()
    _release = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The engine has its own process, but the Compare tab still steps two Simulations
        # in a thread of this one; with the default 5 ms switch interval each Qt call of a
        # repaint may wait that long for the GIL. 1 ms keeps those stalls short.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.thread = QThread()
        self.thread.setObjectName("circlelab-engine")
        self.worker = SimWorker()
        self.worker.moveToThread(self.thread)
        w = self.worker
        self._setup.connect(w.setup)
        self._go.connect(w.go)
        self._go_until.connect(w.go_until)
        self._pause.connect(w.pause)
        self._step.connect(w.step)
        self._interval.connect(w.set_interval)
        self._param.connect(w.set_param)
        self._policy.connect(w.set_policy)
        self._feed.connect(w.request_feed)
        self._account.connect(w.request_account)
        self._removed_feed.connect(w.find_removed_feed)
        self._save.connect(w.save)
        self._start.connect(w.start_engine)
        self._release.connect(w.release, Qt.ConnectionType.BlockingQueuedConnection)
        self.thread.start()
        self._start.emit()  # the process starts (and imports) in the worker thread

    def setup(self, scenario: Scenario, policy: Any, seed: int | None = None) -> None:
        # never emit None through Signal(object): PySide6 6.12 mis-counts its references
        self._setup.emit(scenario, policy, scenario.seed if seed is None else int(seed))

    def go(self) -> None:
        self._go.emit()

    def pause(self) -> None:
        self._pause.emit()

    def go_until(self, day: int) -> None:
        self._go_until.emit(int(day))

    def step(self) -> None:
        self._step.emit()

    def set_interval(self, ms: int) -> None:
        self._interval.emit(ms)

    def set_param(self, key: str, value: Any) -> None:
        self._param.emit(key, value)

    def set_policy(self, policy: Any) -> None:
        self._policy.emit(policy)

    def request_feed(self, viewer: int, day: int) -> None:
        self._feed.emit(viewer, day)

    def request_account(self, account: int) -> None:
        self._account.emit(account)

    def find_removed_feed(self, day: int) -> None:
        self._removed_feed.emit(int(day))

    def save(self, db: str | None, out: str | None, name: str, locale: str = "en_US") -> None:
        # "" for "not this one": never emit None through Signal(object) (see setup)
        self._save.emit(db or "", out or "", name, locale)

    def shutdown(self) -> None:
        """Stop the run, the engine process and the thread.

        A wait for the engine in progress (a day, a setup) is cancelled within ``POLL_S``;
        the process is then asked to exit, and terminated if it is busy."""
        if not self.thread.isRunning():
            return
        self.worker._cancel.set()
        self._release.emit()  # blocks until the worker has stopped the engine process
        self.thread.quit()
        self.thread.wait(30_000)
