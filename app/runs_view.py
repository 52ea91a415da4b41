"""Runs stored in the database: listed, reopened without re-running, exported as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dialogs, wiring
from app.counts import bind_count
from app.fit_columns import ColumnFit
from app.i18n import t
from app.measures import Definition, MeasureTable, summary_definition
from app.problems import error_text
from app.versions import version_label
from simulation.numbers import format_number
from simulation.runs.history import RunHistory, value_text
from simulation.runs.scenario_shown import split_parameters
from simulation.runs.urls import DatabaseError, mask_url, normalise_url
from simulation.strict_json import read_summary
from simulation.world.history import POLICY

if TYPE_CHECKING:  # the database layer is imported when runs are listed, not at start-up
    from app.stored import StoredRun

# a run's state as ``simulation.runs.storage.run_state`` words it, translated on screen
STATES_CONTEXT = "RunStates"
STATES = (
    QT_TRANSLATE_NOOP("RunStates", "complete"),
    QT_TRANSLATE_NOOP("RunStates", "failed"),
    QT_TRANSLATE_NOOP("RunStates", "interrupted"),
    QT_TRANSLATE_NOOP("RunStates", "running"),
    QT_TRANSLATE_NOOP("RunStates", "incomplete"),
)
NAME, SCENARIO, POLICY_COLUMN, CHANGES = 1, 2, 3, 8
# columns of long texts: they share the view's width, elided (every cell's tooltip holds
# its whole text); the others are as wide as their contents while the view has room
LONG_COLUMNS = (NAME, SCENARIO, POLICY_COLUMN, CHANGES)


class RunsView(QWidget):
    runOpened = Signal(object)  # StoredRun

    def __init__(self, db: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.engine = None
        self.settings: QSettings | None = None  # where dialogs remember their folders
        self.where = QLabel()
        self.where.setObjectName("runsWhere")
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # paths, names, errors: as written
        self.where.setWordWrap(True)
        self.problem = ""  # why the database cannot be read ("" when it can)
        self.table = QTableWidget(0, 9)
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
                self.tr("Changes"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # every column inside the view: short ones as wide as their contents, the long
        # ones sharing the rest, elided; the Changes column (or, hidden, the Policy
        # column) takes what is left over
        self.columns = ColumnFit(self.table, LONG_COLUMNS, stretch=(POLICY_COLUMN, CHANGES))
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.count = bind_count(self.where, self.table.model(), self._where_text)
        self.open_btn = QPushButton(self.tr("Open run"))
        wiring.on_click(self.open_btn, lambda: self.open_row(self.table.currentRow()))
        self.csv_btn = QPushButton(self.tr("Export CSV…"))
        self.csv_btn.setObjectName("runsExportCsv")
        wiring.on_click(self.csv_btn, self.export_csv)
        self.db_btn = QPushButton(self.tr("Database…"))
        wiring.on_click(self.db_btn, self.choose_db)
        self.refresh_btn = QPushButton(self.tr("Refresh"))
        wiring.on_click(self.refresh_btn, self.refresh)
        buttons = QHBoxLayout()
        for b in (self.open_btn, self.csv_btn, self.refresh_btn, self.db_btn):
            buttons.addWidget(b)
        buttons.addStretch(1)
        # the selected run's summary: the same named measures as the command line's
        self.summary = MeasureTable([self.tr("Measure"), self.tr("Value")])
        self.summary.setObjectName("runSummary")
        self.summaries: dict[int, dict] = {}
        self.table.itemSelectionChanged.connect(self._show_summary)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.summary)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def set_db(self, db: str | None) -> None:
        self.db = db
        self.engine = None
        self.refresh()

    def refresh(self) -> None:
        try:
            from simulation.runs.storage import list_runs, open_db, run_state

            self.engine = open_db(self.db)
            runs = list_runs(self.engine)
        except DatabaseError as exc:  # a foreign, newer or unreachable database: a message
            self.engine = None
            self.problem = error_text(exc)  # in the interface's language
            self.table.setRowCount(0)
            self.count.update()
            return
        self.problem = ""
        self.table.setRowCount(len(runs))
        self.summaries = {}
        for run in runs:
            try:
                self.summaries[run.id] = read_summary(run.summary_json)
            except ValueError:
                self.summaries[run.id] = {}
        histories = [RunHistory.of_run(run) for run in runs]
        # the Changes column only when a run has changes (or none recorded): empty for
        # every run, it pushed the table past the view's right edge for nothing
        self.table.setColumnHidden(CHANGES, all(h.recorded and not h.changed for h in histories))
        for row, (run, history) in enumerate(zip(runs, histories, strict=True)):
            scen, pol = split_parameters(run.params_json)
            changes = self.changes_text(history)
            state = run_state(run)
            cells = [
                run.id,
                run.name,
                # with the values it was set up with beyond the files (--set, a sweep's
                # parameters), as a report's arms name them: the scenario's beside it,
                # the policy's beside the policy
                run.scenario_name + (f" ({scen})" if scen else ""),
                self.policy_text(history) + (f" [{pol}]" if pol else ""),
                run.seed,
                f"{run.days_done}/{run.days_requested}",
                t(STATES_CONTEXT, state),
                run.created_at.strftime("%Y-%m-%d %H:%M"),
                "; ".join(changes),
            ]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(str(value))
                if col == POLICY_COLUMN and changes and history.recorded:
                    item.setToolTip(f"{value}\n\n" + "\n".join(changes))
                elif col == CHANGES:
                    item.setToolTip("\n".join(changes))
                else:  # the whole text of a cell elided in a narrow view
                    item.setToolTip(str(value))
                self.table.setItem(row, col, item)
        self.columns.fit()
        self.count.update()

    def policy_text(self, history: RunHistory) -> str:
        """The policy, or every policy in the order they were put in force, each with its
        version: ``No moderation · 1a2b3c → Keyword filter only · 4d5e6f (day 8)``."""
        text = version_label(history.start_name, history.start_source)
        for change in history.policy_changes():
            label = version_label(str(change["name"]), str(change["source"]))
            text += self.tr(" → {0} (day {1})").format(label, change["day"])
        return text

    def changes_text(self, history: RunHistory) -> list[str]:
        """What was changed while a run ran, one entry a change (none: it ran as it was
        set up); "not recorded" for a run stored before that was kept."""
        if not history.recorded:
            return [self.tr("not recorded")]
        out = []
        for change in history.effective():
            if change["kind"] == POLICY:
                label = version_label(str(change["name"]), str(change["source"]))
                out.append(self.tr("day {0}: policy {1}").format(change["day"], label))
            else:
                out.append(
                    self.tr("day {0}: {1} {2} → {3}").format(
                        change["day"],
                        change["key"],
                        value_text(change["old"]),
                        value_text(change["new"]),
                    )
                )
        return out

    def _show_summary(self) -> None:
        run_id = self.run_id(self.table.currentRow())
        summary = self.summaries.get(run_id, {}) if run_id is not None else {}
        rows = []
        for key, value in summary.items():
            try:
                definition = summary_definition(key)
            except KeyError:  # a measure of another version of the program
                definition = Definition(key, key.replace("_", " "), "", "")
            rows.append((definition, [format_number(value) if value is not None else "–"]))
        self.summary.set_rows(rows)

    def _where_text(self, rows: int) -> str:
        if self.problem:
            where = mask_url(self.db) if self.db is not None else self.tr("(the default database)")
            return self.tr("Cannot open the database {0}: {1}").format(where, self.problem)
        return self.tr("{0} stored run(s) in {1}").format(rows, mask_url(normalise_url(self.db)))

    def run_id(self, row: int) -> int | None:
        item = self.table.item(row, 0) if row >= 0 else None
        return int(item.text()) if item is not None else None

    def open_row(self, row: int) -> StoredRun | None:
        run_id = self.run_id(row)
        if run_id is None or self.engine is None:
            return None
        from app.stored import StoredRun

        try:
            stored = StoredRun(self.engine, run_id)
        except (DatabaseError, LookupError) as exc:  # LookupError: no such run, nothing stored
            self._warn(error_text(exc))
            return None
        self.runOpened.emit(stored)
        return stored

    def export_csv(self) -> str | None:
        """Ask where, then write the selected run's daily metrics; the path written. A run
        with nothing stored (not complete) is refused with its state before asking."""
        run_id = self.run_id(self.table.currentRow())
        if run_id is None or self.engine is None:
            self.where.setText(self.tr("Select a run first"))
            return None
        from app.stored import StoredRun

        try:
            stored = StoredRun(self.engine, run_id, "export")
        except (DatabaseError, LookupError) as exc:
            self._warn(error_text(exc))
            return None
        path = dialogs.choose_save_path(
            self,
            self.settings,
            "csv",
            self.tr("Export metrics as CSV"),
            [self.tr("CSV files (*.csv)")],
            ".csv",
            f"run-{run_id}-metrics.csv",
        )
        if path:
            try:
                stored.metrics.to_csv(Path(path), index=False)
            except (DatabaseError, KeyError, OSError) as exc:
                self._warn(error_text(exc))
                return None
        return path

    def choose_db(self) -> None:
        dialog = dialogs.file_dialog(
            self,
            self.tr("Open database"),
            dialogs.last_dir(self.settings, "db"),
            [self.tr("SQLite databases (*.db *.sqlite)")],
        )
        path = dialogs.run_file_dialog(dialog)
        if path:
            dialogs.remember_dir(self.settings, "db", path)
            self.set_db(path)
            if self.engine is None:
                self._warn(self.where.text())

    def _warn(self, text: str) -> None:
        """A warning box that shows ``text`` as written (never read as rich text)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Database"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
