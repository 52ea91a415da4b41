"""Policy panel: preset picker, rules table with hits so far, YAML editor, issues list.

The editor's text may be broken at any time; the policy in force changes only when the
user applies a text that compiled (``applyRequested``), so a typo never stops a run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.assets import policies_dir, policy_presets
from app.corpus_panel import CorpusPanel
from app.policy_editor import PolicyEditor


def condition_text(when: Any) -> str:
    """A one-line rendering of a rule's ``when`` (as written in the YAML)."""
    if when is None:
        return "always"
    if isinstance(when, dict | list):
        return json.dumps(when, ensure_ascii=False).replace('"', "")
    return str(when)


class PolicyPanel(QWidget):
    applyRequested = Signal(object)  # CompiledPolicy
    ruleActivated = Signal(str)  # rule name
    validityChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: dict[str, int] = {}
        self.preset = QComboBox()
        self.preset.addItems(policy_presets())
        self.preset.setToolTip(self.tr("Load a preset policy into the editor (undoable)"))
        self.preset.activated.connect(lambda _i: self.load_preset(self.preset.currentText()))
        self.apply_btn = QPushButton(self.tr("Apply"))
        self.apply_btn.setObjectName("applyPolicy")
        self.apply_btn.setShortcut(QKeySequence("Ctrl+Return"))
        self.apply_btn.setToolTip(
            self.tr("Put this policy in force from the next day (Ctrl+Enter)")
        )
        self.apply_btn.clicked.connect(self.apply)
        load_btn = QPushButton(self.tr("Open…"))
        load_btn.clicked.connect(self.open_file)
        save_btn = QPushButton(self.tr("Save…"))
        save_btn.clicked.connect(self.save_file)
        self.undo_btn = QPushButton(self.tr("Undo"))
        self.redo_btn = QPushButton(self.tr("Redo"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset:")))
        top.addWidget(self.preset, 1)
        buttons = QHBoxLayout()  # a second row keeps the dock narrow enough for 1600 px
        for b in (load_btn, save_btn, self.undo_btn, self.redo_btn, self.apply_btn):
            buttons.addWidget(b)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # policy names are user text
        self.status.setObjectName("policyStatus")
        self.status.setWordWrap(True)
        self.in_force = QLabel()
        self.in_force.setTextFormat(Qt.TextFormat.PlainText)
        self.in_force.setObjectName("policyInForce")
        self.in_force.setWordWrap(True)

        self.rules = QTableWidget(0, 5)
        self.rules.setHorizontalHeaderLabels(
            [
                self.tr("Rule"),
                self.tr("Condition"),
                self.tr("Action"),
                self.tr("Strikes"),
                self.tr("Hits so far"),
            ]
        )
        self.rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rules.verticalHeader().hide()
        self.rules.cellClicked.connect(self._rule_clicked)
        self.rules.setToolTip(self.tr("Click a rule to inspect it"))

        self.editor = PolicyEditor()
        self.editor.validated.connect(self._on_validated)
        self.undo_btn.clicked.connect(self.editor.undo)
        self.redo_btn.clicked.connect(self.editor.redo)
        self.editor.undoAvailable.connect(self.undo_btn.setEnabled)
        self.editor.redoAvailable.connect(self.redo_btn.setEnabled)
        self.undo_btn.setEnabled(False)
        self.redo_btn.setEnabled(False)
        self.issues = QListWidget()
        self.issues.setObjectName("policyIssues")
        self.issues.itemActivated.connect(self._issue_clicked)
        self.issues.itemClicked.connect(self._issue_clicked)

        # replay the policy over real labelled messages after each valid edit
        self.corpus_panel = CorpusPanel()
        self.corpus_panel.setObjectName("corpusPanel")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.rules)
        split.addWidget(self.editor)
        split.addWidget(self.issues)
        split.addWidget(self.corpus_panel)
        split.setStretchFactor(1, 3)
        split.setCollapsible(1, False)
        split.setSizes([110, 460, 70, 160])  # the editor first; the corpus table on demand
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.in_force)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------- text
    def load_preset(self, name: str) -> None:
        path = policies_dir() / f"{name}.yaml"
        self.editor.set_source(path.read_text("utf-8"), str(path))
        idx = self.preset.findText(name)
        if idx >= 0:
            self.preset.setCurrentIndex(idx)

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open policy"),
            str(policies_dir()),
            self.tr("YAML policies (*.yaml *.yml)"),
        )
        if path:
            self.editor.set_source(Path(path).read_text("utf-8"), path)

    def save_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save policy"), "", self.tr("YAML policies (*.yaml *.yml)")
        )
        if path:
            Path(path).write_text(self.editor.toPlainText(), "utf-8")
            self.editor.source_name = path

    def current_policy(self) -> Any:
        """The policy the text compiles to now, or None when it is broken."""
        return self.editor.validate()

    def apply(self) -> None:
        policy = self.editor.validate()
        if policy is not None:
            self.applyRequested.emit(policy)

    # ------------------------------------------------------------- display
    def _on_validated(self, _ok: bool) -> None:
        policy, issues = self.editor.policy, self.editor.issues
        self.issues.clear()
        for issue in issues:
            where = self.tr("line {0}").format(issue.line) if issue.line else ""
            field = f" {issue.field}:" if issue.field else ""
            item = QListWidgetItem(f"✗ {where}{field} {issue.message}")
            item.setData(Qt.ItemDataRole.UserRole, (issue.line, issue.column))
            self.issues.addItem(item)
        if policy is not None:
            self.corpus_panel.set_policy(policy)
            self.status.setText(
                self.tr("✓ Valid: {0} ({1} rules)").format(policy.name, len(policy.rule_names))
            )
            self.status.setProperty("state", "ok")
            self._fill_rules(policy)
        else:
            self.status.setText(
                self.tr("✗ {0} problem(s) — the policy in force is unchanged").format(len(issues))
            )
            self.status.setProperty("state", "error")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.apply_btn.setEnabled(policy is not None)
        self.validityChanged.emit(policy is not None)

    def _fill_rules(self, policy: Any) -> None:
        specs = list(getattr(policy.spec, "rules", []))
        self.rules.setRowCount(len(specs))
        for row, spec in enumerate(specs):
            values = [
                spec.name,
                condition_text(spec.when),
                str(spec.action),
                f"{spec.strikes:g}",
                str(self.hits.get(spec.name, 0)),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if spec.description:
                    item.setToolTip(QtGui.Qt.convertFromPlainText(spec.description))
                self.rules.setItem(row, col, item)
        self.rules.resizeColumnToContents(0)

    def set_hits(self, hits: dict[str, int]) -> None:
        """Hits so far per rule name (from the engine's per-rule statistics)."""
        self.hits = hits
        for row in range(self.rules.rowCount()):
            name_item = self.rules.item(row, 0)
            hit_item = self.rules.item(row, 4)
            if name_item is not None and hit_item is not None:
                hit_item.setText(str(hits.get(name_item.text(), 0)))

    def set_in_force(self, text: str) -> None:
        self.in_force.setText(text)

    def _rule_clicked(self, row: int, _col: int) -> None:
        item = self.rules.item(row, 0)
        if item is not None:
            self.ruleActivated.emit(item.text())

    def _issue_clicked(self, item: QListWidgetItem) -> None:
        line, column = item.data(Qt.ItemDataRole.UserRole)
        if line:
            self.editor.go_to_line(line, column)
