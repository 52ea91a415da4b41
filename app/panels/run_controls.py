"""Run controls as a toolbar: setup, go/pause, step, reset, speed, state and day counter.

Shortcuts avoid plain letters and Space so they never steal keys from the YAML editor.
What can be pressed follows the run's state (:class:`RunState`): Go and Step only while
there are days left, Reset once a world exists; the state is shown beside the counter.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QWidget

from app import theme, wiring
from app.i18n import t

MAX_SPEED = 61  # the slider's last step means "as fast as the engine goes"


class RunState(Enum):
    """Where the run is; the value is the label shown (translated in context "RunState")."""

    NONE = QT_TRANSLATE_NOOP("RunState", "No world yet")
    SETTING_UP = QT_TRANSLATE_NOOP("RunState", "Setting up…")
    READY = QT_TRANSLATE_NOOP("RunState", "Ready")
    RUNNING = QT_TRANSLATE_NOOP("RunState", "Running")
    PAUSED = QT_TRANSLATE_NOOP("RunState", "Paused")
    FINISHED = QT_TRANSLATE_NOOP("RunState", "Finished")
    STORED = QT_TRANSLATE_NOOP("RunState", "Stored run")

    @property
    def label(self) -> str:
        return t("RunState", self.value)


class RunControls(QToolBar):
    setupRequested = Signal()
    goToggled = Signal(bool)  # True = go, False = pause
    stepRequested = Signal()
    resetRequested = Signal()
    intervalChanged = Signal(int)  # milliseconds between days (0 = flat out)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runControls")
        self.setWindowTitle(self.tr("Run controls"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.state = RunState.NONE

        def action(name: str, text: str, keys: tuple[str, ...], tip: str, command=None):
            act = wiring.action(self, text, command, name=f"action_{name}", shortcuts=keys, tip=tip)
            theme.set_icon(act, name)
            self.addAction(act)
            return act

        self.setup = action(
            "setup",
            self.tr("Setup"),
            ("Ctrl+R",),
            self.tr("Build a new world from the scenario and policy"),
            self.setupRequested.emit,
        )
        self.go = action("go", self.tr("Go"), ("F5", "Ctrl+G"), self.tr("Run or pause"))
        self.go.setCheckable(True)
        wiring.on_toggle(self.go, self._go_toggled)
        self.step = action(
            "step", self.tr("Step"), ("F6", "Ctrl+T"), self.tr("One day"), self.stepRequested.emit
        )
        self.reset = action(
            "reset",
            self.tr("Reset"),
            ("Ctrl+Shift+R",),
            self.tr("Back to day 0 with the same settings"),
            self.resetRequested.emit,
        )
        self.addSeparator()
        self.addWidget(QLabel(self.tr("Speed")))
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("speed")
        self.speed.setRange(1, MAX_SPEED)
        self.speed.setValue(MAX_SPEED)
        self.speed.setFixedWidth(160)
        self.speed.valueChanged.connect(self._speed_changed)
        self.addWidget(self.speed)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(90)
        self.addWidget(self.speed_label)
        self.addSeparator()
        self.day = QLabel()
        self.day.setObjectName("dayCounter")
        self.addWidget(self.day)
        self.state_label = QLabel()
        self.state_label.setObjectName("runState")
        self.addWidget(self.state_label)
        self._speed_changed(self.speed.value())
        self.set_day(None, 0)
        self.set_state(RunState.NONE)

    def interval_ms(self) -> int:
        v = self.speed.value()
        return 0 if v >= MAX_SPEED else round(1000 / v)

    def _speed_changed(self, value: int) -> None:
        self.speed_label.setText(
            self.tr("max") if value >= MAX_SPEED else self.tr("{0} days/s").format(value)
        )
        self.intervalChanged.emit(self.interval_ms())

    def _go_toggled(self, on: bool) -> None:
        self._show_go(on)
        self.goToggled.emit(on)

    def _show_go(self, running: bool) -> None:
        theme.set_icon(self.go, "pause" if running else "go")
        self.go.setText(self.tr("Pause") if running else self.tr("Go"))

    def set_state(self, state: RunState) -> None:
        """Enable what makes sense in ``state`` and show it (never re-emits)."""
        self.state = state
        running = state is RunState.RUNNING
        self.go.blockSignals(True)
        self.go.setChecked(running)
        self.go.blockSignals(False)
        self._show_go(running)
        days_left = state in (RunState.READY, RunState.PAUSED, RunState.RUNNING)
        self.go.setEnabled(days_left)
        self.step.setEnabled(days_left and not running)
        self.reset.setEnabled(
            state in (RunState.READY, RunState.PAUSED, RunState.RUNNING, RunState.FINISHED)
        )
        self.setup.setEnabled(state is not RunState.SETTING_UP)
        self.state_label.setText(state.label)
        self.state_label.setProperty("state", state.name.lower())
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)

    def set_day(self, done: int | None, total: int) -> None:
        """``done`` days simulated of ``total`` (None: no world yet)."""
        self.day.setText(
            self.tr("{0} / {1} days").format("–" if done is None else done, total or "–")
        )
