"""The engine off the GUI thread.

A ``Simulation`` is not thread-safe, so exactly one object touches it: ``SimWorker``,
living in its own ``QThread``. The GUI talks to it only through queued signals and
gets copies back (metrics dicts, DataFrames), so a long day never freezes the window.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from simulation.engine import DayRecord, Simulation
from simulation.scenario import Scenario

SWITCH_INTERVAL_S = 0.001


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


class SimWorker(QObject):
    """Owns one Simulation; steps it on a timer in the worker thread."""

    ready = Signal(object)  # SetupInfo
    dayDone = Signal(object)  # DayRecord (a copy)
    runningChanged = Signal(bool)
    finished = Signal(int)  # last day done
    feedReady = Signal(int, int, object)  # viewer, day, DataFrame
    accountReady = Signal(object)  # dict
    policyApplied = Signal(int, object)  # first day in force, rule names
    paramApplied = Signal(str, object, int)  # key, value, first day in effect
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.sim: Simulation | None = None
        self.interval_ms = 0
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    # --------------------------------------------------------------- control
    @Slot(object, object, object)
    def setup(self, scenario: Scenario, policy: Any, seed: Any) -> None:
        self.pause()
        try:
            self.sim = Simulation(scenario, policy, seed=seed)
        except Exception as exc:  # a bad scenario must not kill the thread
            self.sim = None
            self.failed.emit(_describe(exc))
            return
        sim = self.sim
        self.ready.emit(
            SetupInfo(
                sim.categories,
                tuple(int(v) for v in sim.watched),
                sim.scenario.days,
                sim.seed,
                sim.scenario.locale,
                tuple(policy.rule_names),
            )
        )

    @Slot()
    def go(self) -> None:
        if self.sim is None or self._running or self._at_end():
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
        if self.sim is not None and not self._running and not self._at_end():
            self._step_once()

    @Slot(int)
    def set_interval(self, ms: int) -> None:
        self.interval_ms = max(0, int(ms))

    @Slot(str, object)
    def set_param(self, key: str, value: Any) -> None:
        if self.sim is None:
            return
        try:
            self.sim.set_param(key, value)
        except Exception as exc:
            self.failed.emit(_describe(exc))
            return
        self.paramApplied.emit(key, value, self.sim.day)

    @Slot(object)
    def set_policy(self, policy: Any) -> None:
        if self.sim is None:
            return
        self.sim.set_policy(policy)
        self.policyApplied.emit(self.sim.day, tuple(policy.rule_names))

    # --------------------------------------------------------------- queries
    @Slot(int, int)
    def request_feed(self, viewer: int, day: int) -> None:
        if self.sim is None:
            return
        try:
            frame = self.sim.feed(viewer, day).copy()
        except Exception as exc:
            self.failed.emit(_describe(exc))
            return
        self.feedReady.emit(viewer, day, frame)

    @Slot(int)
    def request_account(self, account: int) -> None:
        if self.sim is None:
            return
        try:
            info = self.sim.account(account)
        except Exception as exc:
            self.failed.emit(_describe(exc))
            return
        info = dict(info, events=[dict(e) for e in info["events"]])
        self.accountReady.emit(info)

    @Slot()
    def release(self) -> None:
        """Stop in the worker thread, then hand this object (and its timer) back to the GUI
        thread, so that deleting it later never stops a timer from a foreign thread."""
        self._running = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())

    # --------------------------------------------------------------- internals
    def _at_end(self) -> bool:
        return self.sim is None or self.sim.day >= self.sim.scenario.days

    def _step_once(self) -> None:
        assert self.sim is not None
        try:
            record = self.sim.step()
        except Exception as exc:
            self.pause()
            self.failed.emit(_describe(exc))
            return
        self.dayDone.emit(copy_record(record))
        if self._at_end():
            self.pause()
            self.finished.emit(self.sim.day - 1)

    @Slot()
    def _tick(self) -> None:
        if not self._running:
            return
        self._step_once()
        if self._running:
            self._timer.start(self.interval_ms)


def _describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


class WorkerHost(QObject):
    """GUI-side handle: starts the thread and forwards calls as queued signals."""

    _setup = Signal(object, object, object)
    _go = Signal()
    _pause = Signal()
    _step = Signal()
    _interval = Signal(int)
    _param = Signal(str, object)
    _policy = Signal(object)
    _feed = Signal(int, int)
    _account = Signal(int)
    _release = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The GUI thread re-takes the GIL after every Qt call; with the default 5 ms switch
        # interval each of those waits for the engine's thread, and a repaint of many calls
        # stalls for 100+ ms. 1 ms keeps stalls short at a small cost in engine speed.
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.thread = QThread()
        self.thread.setObjectName("circlelab-engine")
        self.worker = SimWorker()
        self.worker.moveToThread(self.thread)
        w = self.worker
        self._setup.connect(w.setup)
        self._go.connect(w.go)
        self._pause.connect(w.pause)
        self._step.connect(w.step)
        self._interval.connect(w.set_interval)
        self._param.connect(w.set_param)
        self._policy.connect(w.set_policy)
        self._feed.connect(w.request_feed)
        self._account.connect(w.request_account)
        self._release.connect(w.release, Qt.ConnectionType.BlockingQueuedConnection)
        self.thread.start()

    def setup(self, scenario: Scenario, policy: Any, seed: int | None = None) -> None:
        # never emit None through Signal(object): PySide6 6.12 mis-counts its references
        self._setup.emit(scenario, policy, scenario.seed if seed is None else int(seed))

    def go(self) -> None:
        self._go.emit()

    def pause(self) -> None:
        self._pause.emit()

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

    def shutdown(self) -> None:
        """Stop the run and the thread (waits for the day in progress to end)."""
        if not self.thread.isRunning():
            return
        self._release.emit()  # blocks until the day in progress has ended
        self.thread.quit()
        self.thread.wait(30_000)
