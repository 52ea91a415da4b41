"""Playing a lesson in the window: a narration banner above the charts, Next and Back.

The lesson itself is headless (``simulation.lessons``: the file, its checks, the same
steps played without Qt for the handout). Here a :class:`LessonPlayer` carries out a
step through the window's own controls, so the lab stays fully usable between steps:
``load`` picks the scenario and policy in their panels and presses Setup, ``set`` moves
the parameter (a live slider where there is one), ``apply`` loads the policy into the
editor and applies it, ``run_to`` runs at the lesson's speed and stops on that day.

A step with a question waits before it runs: Next (or PageDown, a presentation
clicker's key) starts the run, and the answer appears once the run has reached its
day. Back (PageUp) replays the lesson up to the step before, at full speed, so the
world on screen is always the one the lesson describes at that step.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import wiring
from simulation.lessons.load import LessonFile
from simulation.lessons.model import CHARTS, ref
from simulation.runs.marks import STEP, Mark

if TYPE_CHECKING:
    from app.main_window import MainWindow

FAST = 61  # the speed slider's "as fast as the engine goes" (app.panels.run_controls)

# what the player waits for after an operation
READY, STOPPED = "ready", "stopped"


class LessonBanner(QFrame):
    """The lesson on screen: title and progress, the step's narration, the question and
    (once revealed) its answer, and Back / Next / Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lessonBanner")
        self.heading = QLabel()
        self.heading.setObjectName("lessonHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("lessonProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.title = QLabel()
        self.title.setObjectName("lessonTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.narration = QLabel()
        self.narration.setObjectName("lessonNarration")
        self.narration.setTextFormat(Qt.TextFormat.PlainText)
        self.narration.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("lessonQuestion")
        self.question.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text
        self.question.setWordWrap(True)
        self.answer = QLabel()
        self.answer.setObjectName("lessonAnswer")
        self.answer.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text
        self.answer.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("lessonStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.back_btn = QPushButton(self.tr("◀ Back"))
        self.back_btn.setObjectName("lessonBack")
        self.back_btn.setToolTip(self.tr("The step before (PageUp)"))
        self.next_btn = QPushButton(self.tr("Next ▶"))
        self.next_btn.setObjectName("lessonNext")
        self.next_btn.setToolTip(self.tr("Go on (PageDown, or a presentation clicker)"))
        self.close_btn = QPushButton(self.tr("Close lesson"))
        self.close_btn.setObjectName("lessonClose")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status)
        buttons = QVBoxLayout()
        buttons.addWidget(self.next_btn)
        buttons.addWidget(self.back_btn)
        buttons.addWidget(self.close_btn)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(self.title)
        text.addWidget(self.narration)
        text.addWidget(self.question)
        text.addWidget(self.answer)
        body = QHBoxLayout()
        body.addLayout(text, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addLayout(body)
        self.hide()

    def set_presenting(self, on: bool) -> None:
        """Large type for a projector (the stylesheet's ``presenting`` rules)."""
        self.setProperty("presenting", "true" if on else "false")
        for widget in (self, *self.findChildren(QWidget)):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class LessonPlayer(QObject):
    """Plays one lesson in a :class:`~app.main_window.MainWindow` (see the module)."""

    stepShown = Signal(int)  # a step is on screen (its actions done, or waiting)
    settled = Signal(int)  # a step is complete: run done, answer (if any) shown
    finished = Signal()  # Next on the last step

    def __init__(self, window: MainWindow, found: LessonFile, banner: LessonBanner) -> None:
        super().__init__(window)
        self.win = window
        self.found = found
        self.lesson = found.lesson
        self.banner = banner
        self.locale = window.locale
        self.index = -1
        self.phase = "idle"  # idle, busy, asking, settled
        self.ops: list[Callable[[], str | None]] = []
        self.waiting: str | None = None
        self.target = 0  # the day a run of the current operation stops on
        self.revealed = False
        self.error = ""
        wiring.on_click(banner.next_btn, self.next)
        wiring.on_click(banner.back_btn, self.back)
        window.worldReady.connect(self._on_ready)
        window.runStopped.connect(self._on_stopped)
        window.host.worker.failed.connect(self._on_failed)

    # ------------------------------------------------------------- navigation
    def start(self) -> None:
        self.banner.show()
        self.go_to(0)

    def stop(self) -> None:
        """Leave the lesson (the world stays as it is, for the class to explore)."""
        self.ops, self.waiting, self.phase = [], None, "idle"
        self.win.worldReady.disconnect(self._on_ready)
        self.win.runStopped.disconnect(self._on_stopped)
        self.win.host.worker.failed.disconnect(self._on_failed)
        self.win.charts.highlight(())
        self.win.highlight_feed(False)

    def busy(self) -> bool:
        return self.phase == "busy"

    def next(self) -> None:
        """Run a waiting step, reveal an answer, or go to the next step (or finish)."""
        if self.busy():
            self._status(self.tr("Wait: the step is still running"))
            return
        step = self.lesson.steps[self.index]
        if self.phase == "asking":
            if step.run_to is not None:
                self._begin([self._run_op(step.run_to, self.lesson.speed)])
            else:
                self._settle()
            return
        if self.index + 1 < len(self.lesson.steps):
            self.go_to(self.index + 1)
        else:
            self.finished.emit()

    def back(self) -> None:
        if self.index > 0 and not self.busy():
            self.go_to(self.index - 1)

    def go_to(self, k: int) -> None:
        """Show step ``k``: forward from the step before, or else replayed from the step
        that loaded its world (earlier steps at full speed, without waiting)."""
        forward = k == self.index + 1 and self.phase == "settled"
        ops: list[Callable[[], str | None]] = []
        if not forward and self.lesson.steps[k].load is None:
            first = self.found.worlds[k]
            for j in range(first, k):
                ops += self._step_ops(j, fast=True)
        ops += self._step_ops(k, fast=False)
        self.index = k
        self.revealed = False
        self.error = ""
        self._show_step()
        self._begin(ops)

    # ------------------------------------------------------------- operations
    def _step_ops(self, k: int, fast: bool) -> list[Callable[[], str | None]]:
        step = self.lesson.steps[k]
        ops: list[Callable[[], str | None]] = []
        if step.load is not None:
            ops.append(lambda: self._load(k))
        ops.append(lambda: self._mark(k))
        for key, value in step.set.items():
            ops.append(lambda key=key, value=value: self._set(key, value))
        if step.apply is not None:
            ops.append(lambda value=step.apply: self._apply(value))
        if not fast:
            ops.append(lambda: self._highlight(k))
        if step.run_to is not None and (fast or not step.waits):
            ops.append(self._run_op(step.run_to, FAST if fast else self.lesson.speed))
        return ops

    def _load(self, k: int) -> str | None:
        step = self.lesson.steps[k]
        assert step.load is not None
        scenario = self.found.scenario(step, self.locale)
        name = ref(step.load.scenario, self.locale)
        policy = self.found.policy_ref(ref(step.load.policy, self.locale))
        if not self.win.load_world(name, scenario, policy):
            return self._fail(self.tr("The lesson needs the policy editor: edits were kept"))
        return READY

    def _mark(self, k: int) -> None:
        self.win.add_mark(Mark(self.win.days_done, STEP, str(k + 1)))

    def _set(self, key: str, value: Any) -> None:
        self.win.set_parameter(key, value)

    def _apply(self, value: Any) -> str | None:
        policy = self.found.policy_ref(ref(value, self.locale))
        if not self.win.apply_policy_file(policy):
            return self._fail(self.tr("The lesson needs the policy editor: edits were kept"))
        return None

    def _highlight(self, k: int) -> None:
        targets = self.lesson.steps[k].highlight
        self.win.highlight_charts([h for h in targets if h in CHARTS])
        self.win.highlight_feed("feed" in targets)

    def _run_op(self, day: int, speed: float) -> Callable[[], str | None]:
        def run() -> str | None:
            if self.win.days_done >= day:
                return None  # the class already ran past it between steps
            self.target = day
            self.win.controls.speed.setValue(min(FAST, round(speed)))
            self.win.run_to(day)
            self._status(self.tr("Running to day {0}…").format(day))
            return STOPPED

        return run

    def _begin(self, ops: list[Callable[[], str | None]]) -> None:
        self.ops = ops
        self.waiting = None
        self.phase = "busy"
        self._update_buttons()
        self._pump()

    def _pump(self) -> None:
        while self.ops and self.waiting is None:
            self.waiting = self.ops.pop(0)()
        if self.waiting is None and self.phase == "busy":
            self._operations_done()

    def _operations_done(self) -> None:
        step = self.lesson.steps[self.index]
        run_waits = step.waits and self.win.days_done < (step.run_to or 0)
        answer_waits = step.question is not None and step.run_to is None and not self.revealed
        if self.error:
            self.phase = "settled"
        elif run_waits or answer_waits:
            self.phase = "asking"
            self._status("")
            self.stepShown.emit(self.index)
        else:
            self._settle()
            return
        self._update_buttons()

    def _settle(self) -> None:
        step = self.lesson.steps[self.index]
        self.phase = "settled"
        if step.question is not None:
            self.revealed = True
            answer = self.tr("Answer")
            self.banner.answer.setText(
                f"<b>{html.escape(answer)}:</b> "
                f"{html.escape(step.question.answer.get(self.locale))}"
            )
            self.banner.answer.show()
        if not self.error:
            self._status("")
            if "feed" in step.highlight:
                self.win.show_removed_post()  # what the step asks the class to click
        self._update_buttons()
        self.stepShown.emit(self.index)
        self.settled.emit(self.index)

    def _fail(self, message: str) -> None:
        self.error = message
        self.ops = []
        self._status(message)
        return None

    # ------------------------------------------------------------- window events
    def _on_ready(self) -> None:
        if self.waiting == READY:
            self.waiting = None
            self._pump()

    def _on_stopped(self) -> None:
        if self.waiting == STOPPED and not self.win.running:
            self.waiting = None
            if self.win.days_done < self.target and not self.error:
                # stopped by the class (Pause) before the step's day: wait for Next
                self.ops = []
                self._status(
                    self.tr("Paused before day {0}: Go or Next runs on").format(self.target)
                )
                self.phase = "asking"
                self._update_buttons()
                return
            self._pump()

    def _on_failed(self, message: str) -> None:
        if self.phase == "busy" and self.waiting is not None:
            self.waiting = None
            self._fail(self.tr("The step could not run: {0}").format(message))
            self._operations_done()

    # ------------------------------------------------------------- display
    def _show_step(self) -> None:
        step = self.lesson.steps[self.index]
        b = self.banner
        n = len(self.lesson.steps)
        b.heading.setText(
            self.tr("Lesson: {0} · step {1} of {2}").format(
                self.lesson.title.get(self.locale), self.index + 1, n
            )
        )
        b.progress.setRange(0, n)
        b.progress.setValue(self.index + 1)
        b.title.setText(step.title.get(self.locale))
        b.narration.setText(step.narration.get(self.locale))
        if step.question is not None:
            question = self.tr("Question")
            b.question.setText(
                f"<b>{html.escape(question)}:</b> {html.escape(step.question.ask.get(self.locale))}"
            )
            b.question.show()
        else:
            b.question.hide()
        b.answer.hide()
        b.answer.setText("")

    def _status(self, text: str) -> None:
        self.banner.status.setText(text)

    def _update_buttons(self) -> None:
        b = self.banner
        step = self.lesson.steps[self.index]
        last = self.index + 1 >= len(self.lesson.steps)
        if self.phase == "asking":
            text = self.tr("Run ▶") if step.run_to is not None else self.tr("Show answer")
        elif last:
            text = self.tr("Finish")
        else:
            text = self.tr("Next ▶")
        b.next_btn.setText(text)
        b.next_btn.setEnabled(self.phase != "busy")
        b.back_btn.setEnabled(self.phase != "busy" and self.index > 0)


def lesson_file(path: str | Path) -> LessonFile:
    """Load a lesson (a shipped name or a file); raises ``LocatedError``."""
    from simulation.lessons.load import load_lesson

    return load_lesson(path)
