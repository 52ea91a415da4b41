"""Run controls as a toolbar: setup, go/pause, step, reset, speed, day counter.

Shortcuts avoid plain letters and Space so they never steal keys from the YAML editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QWidget

from app.theme import icon

MAX_SPEED = 61  # the slider's last step means "as fast as the engine goes"


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

        def action(name: str, text: str, keys: list[str], tip: str) -> QAction:
            act = QAction(icon(name), text, self)
            act.setObjectName(f"action_{name}")
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(f"{tip} ({', '.join(keys)})")
            self.addAction(act)
            return act

        self.setup = action(
            "setup",
            self.tr("Setup"),
            ["Ctrl+R"],
            self.tr("Build a new world from the scenario and policy"),
        )
        self.go = action("go", self.tr("Go"), ["F5", "Ctrl+G"], self.tr("Run or pause"))
        self.go.setCheckable(True)
        self.step = action("step", self.tr("Step"), ["F6", "Ctrl+T"], self.tr("One day"))
        self.reset = action(
            "reset",
            self.tr("Reset"),
            ["Ctrl+Shift+R"],
            self.tr("Back to day 0 with the same settings"),
        )
        self.setup.triggered.connect(self.setupRequested)
        self.go.toggled.connect(self._go_toggled)
        self.step.triggered.connect(self.stepRequested)
        self.reset.triggered.connect(self.resetRequested)
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
        self.day = QLabel()
        self.day.setObjectName("dayCounter")
        self.addSeparator()
        self.addWidget(self.day)
        self._speed_changed(self.speed.value())
        self.set_day(None, 0)
        self.set_ready(False)

    def interval_ms(self) -> int:
        v = self.speed.value()
        return 0 if v >= MAX_SPEED else round(1000 / v)

    def _speed_changed(self, value: int) -> None:
        self.speed_label.setText(
            self.tr("max") if value >= MAX_SPEED else self.tr("{0} days/s").format(value)
        )
        self.intervalChanged.emit(self.interval_ms())

    def _go_toggled(self, on: bool) -> None:
        self.go.setIcon(icon("pause" if on else "go"))
        self.go.setText(self.tr("Pause") if on else self.tr("Go"))
        self.goToggled.emit(on)

    def set_running(self, running: bool) -> None:
        """Reflect the worker's state without re-emitting."""
        self.go.blockSignals(True)
        self.go.setChecked(running)
        self.go.blockSignals(False)
        self.go.setIcon(icon("pause" if running else "go"))
        self.go.setText(self.tr("Pause") if running else self.tr("Go"))
        self.step.setEnabled(not running and self.go.isEnabled())

    def set_ready(self, ready: bool) -> None:
        for act in (self.go, self.step, self.reset):
            act.setEnabled(ready)

    def set_day(self, day: int | None, total: int) -> None:
        self.day.setText(self.tr("Day {0} / {1}").format("–" if day is None else day, total))
