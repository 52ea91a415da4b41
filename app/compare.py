"""Compare two policies: same scenario, same seed, curves overlaid, summary differences.

Both simulations are stepped day by day in one worker thread (never the GUI's), so
the curves grow side by side. The summary is the engine's own ``summarise`` for each.
"""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QThread, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import dialogs, wiring
from app.assets import policy_presets
from app.charts import ChartPanel, ChartSpec
from app.engine_proc import compare_serve, policy_recipe
from app.measures import MeasureTable, summary_definition
from app.problems import error_text
from app.versions import policy_label
from simulation.metrics.summary import differences, differences_frame
from simulation.numbers import format_number
from simulation.scenario import Scenario

EDITOR = "__editor__"


class CompareWorker(QObject):
    day = Signal(int, object, object)  # day, metrics A, metrics B
    done = Signal(object, object)  # summary A, summary B
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False

    @Slot(object, object, object, int)
    def run(self, scenario: Scenario, policy_a: Any, policy_b: Any, days: int) -> None:
        """Run both worlds in a child process; relay its messages as signals."""
        self.cancelled = False
        ctx = mp.get_context("spawn")
        mine, theirs = ctx.Pipe()
        try:
            recipes = (policy_recipe(policy_a), policy_recipe(policy_b))
            proc = ctx.Process(
                target=compare_serve,
                args=(theirs, scenario, *recipes, days),
                daemon=True,
                name="circlelab-compare",
            )
            proc.start()
        except Exception as exc:
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        theirs.close()
        try:
            while not self.cancelled:
                if not mine.poll(0.05):
                    if not proc.is_alive() and not mine.poll(0):
                        self.failed.emit("the compare process ended unexpectedly")
                        return
                    continue
                msg = mine.recv()
                if msg[0] == "day":
                    self.day.emit(msg[1], msg[2], msg[3])
                elif msg[0] == "done":
                    self.done.emit(msg[1], msg[2])
                    return
                else:
                    self.failed.emit(msg[1])
                    return
        except (EOFError, OSError):
            self.failed.emit("the compare process ended unexpectedly")
        finally:
            if proc.is_alive() and self.cancelled:
                proc.terminate()
            proc.join(2)
            mine.close()


class CompareView(QWidget):
    """Pick two policies, run them on the current scenario, read the differences."""

    _start = Signal(object, object, object, int)
    finished = Signal()

    def __init__(
        self,
        scenario_source: Any,
        editor_policy: Any,
        parent: QWidget | None = None,
        specs_source: Any = None,
    ) -> None:
        super().__init__(parent)
        self.scenario_source = scenario_source  # callable -> Scenario
        self.editor_policy = editor_policy  # callable -> policy or None
        self.specs_source = specs_source  # callable -> chart specs, when none were set yet
        self.summaries: tuple[dict, dict] | None = None
        self.labels: tuple[str, str] = ("", "")  # "name · hash" of A and B of the last run
        self.policy_a, self.policy_b = QComboBox(), QComboBox()
        for combo in (self.policy_a, self.policy_b):
            # long "name · hash" entries must not widen the window past a 1280 px screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            combo.addItem(self.tr("Policy in the editor"), EDITOR)
            for name in policy_presets():
                combo.addItem(name, name)
        self.policy_a.setCurrentIndex(self.policy_a.findData("none"))
        self.policy_b.setCurrentIndex(self.policy_b.findData("crackdown"))
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        self.run_btn = QPushButton(self.tr("Run both"))
        self.run_btn.setObjectName("compareRun")
        wiring.on_click(self.run_btn, self.start)
        self.export_btn = QPushButton(self.tr("Export CSV…"))
        self.export_btn.setObjectName("compareExportCsv")
        self.export_btn.setToolTip(
            self.tr("The table below as CSV: each measure's unit, A, B and B − A")
        )
        self.export_btn.setEnabled(False)  # until both runs are done
        wiring.on_click(self.export_btn, self.export_csv)
        self.settings: QSettings | None = None  # where the last folder chosen is kept
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # policy names are user text
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(80)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("A (solid):")))
        top.addWidget(self.policy_a, 1)
        top.addWidget(QLabel(self.tr("B (dashed):")))
        top.addWidget(self.policy_b, 1)
        runner = QHBoxLayout()
        runner.addWidget(self.days)
        runner.addWidget(self.run_btn)
        runner.addWidget(self.export_btn)
        self.charts = ChartPanel(overlays=("A", "B"))
        self.charts.placeholder.setText(self.tr("Pick two policies and press Run both"))
        self.legend = QLabel()
        self.legend.setObjectName("compareLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the summary's measures, named and defined as everywhere else (simulation.metrics)
        self.measures = MeasureTable([self.tr("Measure"), "A", "B", "B − A"])
        self.table = self.measures.table
        self.table.setObjectName("compareTable")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.charts)
        split.addWidget(self.measures)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.addLayout(runner)
        row.addWidget(self.progress, 1)
        row.addWidget(self.status, 2)
        layout.addLayout(row)
        layout.addWidget(self.legend)
        layout.addWidget(split, 1)

        self._pending_specs: list[ChartSpec] | None = None
        self.thread = QThread()
        self.thread.setObjectName("circlelab-compare")
        self.worker = CompareWorker()
        self.worker.moveToThread(self.thread)
        self._start.connect(self.worker.run)
        self.worker.day.connect(self._on_day)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.thread.start()

    def set_specs(self, specs: list[ChartSpec]) -> None:
        """The charts are built when first needed (shown or run): six plots take ~0.1 s
        of the GUI thread, which a Setup need not spend on a hidden tab."""
        if specs == self.charts.specs:
            self._pending_specs = None
            return
        self._pending_specs = specs
        if self.isVisible():
            self._build_charts()

    def _build_charts(self) -> None:
        if self._pending_specs is None and not self.charts.specs and self.specs_source:
            self._pending_specs = self.specs_source()
        if self._pending_specs is not None:
            specs, self._pending_specs = self._pending_specs, None
            self.charts.build(specs)

    def set_editor_label(self, label: str) -> None:
        """Name the editor's policy (with its version) in both pickers."""
        text = self.tr("Editor: {0}").format(label) if label else self.tr("Policy in the editor")
        for combo in (self.policy_a, self.policy_b):
            combo.setItemText(combo.findData(EDITOR), text)

    def showEvent(self, event: QShowEvent) -> None:
        self._build_charts()
        super().showEvent(event)

    def _policy(self, combo: QComboBox) -> Any:
        data = combo.currentData()
        if data == EDITOR:
            return self.editor_policy()
        from policy import load_policy

        return load_policy(data)

    def start(self) -> None:
        a, b = self._policy(self.policy_a), self._policy(self.policy_b)
        if a is None or b is None:
            self.status.setText(self.tr("The policy in the editor has errors; fix it first"))
            return
        self._build_charts()
        self.charts.clear()
        self.measures.clear()
        self.summaries = None
        self.run_btn.setEnabled(False)
        self.export_btn.setEnabled(False)
        self.progress.setRange(0, self.days.value())
        self.progress.setValue(0)
        self.labels = (policy_label(a), policy_label(b))
        self.legend.setText(
            self.tr("A (solid lines): {0}    B (dashed lines): {1}").format(*self.labels)
        )
        self.measures.set_headers(
            [self.tr("Measure"), f"A: {self.labels[0]}", f"B: {self.labels[1]}", "B − A"]
        )
        self.status.setText(self.tr("Running…"))
        self._start.emit(self.scenario_source(), a, b, self.days.value())

    def _on_day(self, day: int, a: dict, b: dict) -> None:
        self.charts.append(day, a, "A")
        self.charts.append(day, b, "B")
        self.progress.setValue(day + 1)

    def _on_done(self, a: dict, b: dict) -> None:
        self.summaries = (a, b)
        self.charts.refresh()
        rows = [
            (summary_definition(d.name), [_fmt(d.a), _fmt(d.b), _fmt(d.b_minus_a)])
            for d in differences(a, b)
        ]
        self.measures.set_rows(rows)
        self.run_btn.setEnabled(True)
        self.export_btn.setEnabled(True)
        self.status.setText(self.tr("Done"))
        self.finished.emit()

    def _on_failed(self, message: str) -> None:
        self.run_btn.setEnabled(True)
        self.status.setText(message)
        self.finished.emit()

    def export_csv(self, *, path: str | None = None) -> str | None:
        """Write the comparison's table as CSV (``simulation.metrics.summary.
        differences_frame``: measure, unit, A, B and B − A at full precision, the two
        policies' names in its ``policy`` row); asks where unless ``path`` is given."""
        if self.summaries is None:
            return None
        if path is None:
            path = dialogs.choose_save_path(
                self,
                self.settings,
                "export",
                self.tr("Export the comparison as CSV"),
                [self.tr("CSV files (*.csv)")],
                ".csv",
                "circlelab-compare.csv",
            )
        if path:
            try:
                differences_frame(*self.summaries).to_csv(path, index=False)
            except OSError as exc:  # a folder gone, a disk full, no right to write there
                self.status.setText(self.tr("Not written: {0}").format(error_text(exc)))
                return None
            self.status.setText(self.tr("Comparison written to {0}").format(path))
        return path or None

    def shutdown(self) -> None:
        self.worker.cancelled = True
        self.thread.quit()
        self.thread.wait(30_000)


def _fmt(value: Any) -> str:
    """The same number format as the command line and the reports."""
    return format_number(value) if value is not None else "–"
