"""Runs stored in the database: listed, reopened without re-running, exported as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.stored import StoredRun
from simulation.runs.storage import list_runs, open_db, run_state
from simulation.runs.urls import DatabaseError, mask_url, normalise_url


class RunsView(QWidget):
    runOpened = Signal(object)  # StoredRun

    def __init__(self, db: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.engine = None
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # paths, names, errors: as written
        self.where.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("runsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Id"),
                self.tr("Name"),
                self.tr("Scenario"),
                self.tr("Policy"),
                self.tr("Seed"),
                self.tr("Days"),
                self.tr("State"),
                self.tr("Created"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        open_btn = QPushButton(self.tr("Open run"))
        open_btn.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        csv_btn = QPushButton(self.tr("Export CSV…"))
        csv_btn.clicked.connect(self.export_csv)
        db_btn = QPushButton(self.tr("Database…"))
        db_btn.clicked.connect(self.choose_db)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (open_btn, csv_btn, refresh, db_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_db(self, db: str | None) -> None:
        self.db = db
        self.engine = None
        self.refresh()

    def refresh(self) -> None:
        try:
            self.engine = open_db(self.db)
            runs = list_runs(self.engine)
        except DatabaseError as exc:  # a foreign, newer or unreachable database: a message
            self.engine = None
            self.where.setText(
                self.tr("Cannot open the database {0}: {1}").format(mask_url(self.db), exc)
            )
            self.table.setRowCount(0)
            return
        self.where.setText(self.tr("Database: {0}").format(mask_url(normalise_url(self.db))))
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            cells = [
                run.id,
                run.name,
                run.scenario_name,
                run.policy_name,
                run.seed,
                f"{run.days_done}/{run.days_requested}",
                run_state(run),
                run.created_at.strftime("%Y-%m-%d %H:%M"),
            ]
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))

    def run_id(self, row: int) -> int | None:
        item = self.table.item(row, 0) if row >= 0 else None
        return int(item.text()) if item is not None else None

    def open_row(self, row: int) -> StoredRun | None:
        run_id = self.run_id(row)
        if run_id is None or self.engine is None:
            return None
        try:
            stored = StoredRun(self.engine, run_id)
        except (DatabaseError, KeyError) as exc:
            self._warn(str(exc))
            return None
        self.runOpened.emit(stored)
        return stored

    def export_csv(self) -> None:
        run_id = self.run_id(self.table.currentRow())
        if run_id is None or self.engine is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export metrics as CSV"), f"run-{run_id}-metrics.csv", "CSV (*.csv)"
        )
        if path:
            try:
                StoredRun(self.engine, run_id).metrics.to_csv(Path(path), index=False)
            except (DatabaseError, KeyError, OSError) as exc:
                self._warn(str(exc))

    def choose_db(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("SQLite databases (*.db *.sqlite)")
        )
        if path:
            self.set_db(path)
            if self.engine is None:
                self._warn(self.where.text())

    def _warn(self, text: str) -> None:
        """A warning box that shows ``text`` as written (never read as rich text)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
