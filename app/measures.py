"""Named measures with their definitions one click away.

Wherever the app shows numbers of a run (the rule inspector's totals, the Compare table,
a stored run's summary), each row is a measure of the metric registry
(``simulation.metrics``): its name as shown (translated), its unit, and its meaning as
the tooltip; clicking the row shows the definition under the table. So "wrongful
removals" (posts) and "wrongful bans" (accounts) can never be read as one thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.fit_columns import ColumnFit
from app.i18n import MEASURES_CONTEXT, meaning, measure_label, t, unit
from simulation.metrics.registry import RULE_COUNTS
from simulation.metrics.summary import BY_FACT, BY_MEASURE, BY_RELATIVE

NAME_ROLE = Qt.ItemDataRole.UserRole + 1

# the facts of a summary (what ran, how long it took: simulation.metrics.summary.FACTS,
# where their units and meanings are defined), as the app names them
FACTS = {
    "scenario": QT_TRANSLATE_NOOP("Facts", "scenario"),
    "policy": QT_TRANSLATE_NOOP("Facts", "policy"),
    "seed": QT_TRANSLATE_NOOP("Facts", "seed"),
    "days": QT_TRANSLATE_NOOP("Facts", "days"),
    "accounts_start": QT_TRANSLATE_NOOP("Facts", "accounts at the start"),
    "accounts_end": QT_TRANSLATE_NOOP("Facts", "accounts at the end"),
    "wall_seconds": QT_TRANSLATE_NOOP("Facts", "time to compute"),
    "posts_per_second": QT_TRANSLATE_NOOP("Facts", "posts per second computed"),
}
RULE_COUNT_BY_NAME = {c.name: c for c in RULE_COUNTS}


@dataclass(frozen=True)
class Definition:
    """A measure as the app shows it: registry name, label, unit, meaning (translated)."""

    name: str
    label: str
    unit: str
    meaning: str

    def html(self) -> str:
        import html

        unit_text = f" ({html.escape(self.unit)})" if self.unit else ""
        return (
            f"<b>{html.escape(self.label)}</b>{unit_text} · <code>{html.escape(self.name)}</code>"
            f"<br>{html.escape(self.meaning)}"
        )


def summary_definition(name: str) -> Definition:
    """A key of a run summary: a run measure, a relative measure or a run fact."""
    if name in BY_MEASURE or name in BY_RELATIVE:
        x = BY_MEASURE.get(name) or BY_RELATIVE[name]
        return Definition(name, t(MEASURES_CONTEXT, x.label), unit(x.unit), meaning(x.meaning))
    if name in BY_FACT:
        fact = BY_FACT[name]
        label = t("Facts", FACTS[name]) if name in FACTS else fact.label
        return Definition(name, label, unit(fact.unit), meaning(fact.meaning))
    raise KeyError(f"{name!r} is not a summary measure (see `circlelab metrics`)")


def rule_count_definition(name: str, total: bool = False) -> Definition:
    """A per-rule count (``simulation.metrics.RULE_COUNTS``): a day's (posts/day), or with
    ``total`` its sum over the days shown (posts)."""
    c = RULE_COUNT_BY_NAME[name]
    return Definition(
        name,
        t(MEASURES_CONTEXT, measure_label(name)),
        unit(c.total_unit if total else c.unit),
        meaning(c.meaning),
    )


def _is_number(text: str) -> bool:
    """A cell that shows a number (``1,234``, ``-0.5``, ``3.0e-09``, ``12.5%``) or the
    dash of none (``–``, ``—``): never to be cut; anything else is words."""
    text = text.strip().replace(",", "").removesuffix("%")
    if text in ("", "–", "—", "-"):
        return True
    try:
        float(text.replace("−", "-"))
    except ValueError:
        return False
    return True


class MeasureTable(QWidget):
    """A table of measures (first column) and values, with the selected measure's
    definition shown below it; every measure's meaning is its row's tooltip."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # the values as wide as they are (a number is never cut), the measures' names
        # taking the rest; a long heading (a policy's name) ends in "…" instead of losing
        # both ends, the whole of it the heading's tooltip
        self.columns = ColumnFit(
            self.table, (0,), elided_headers=range(1, len(headers)), cells_width=self._cells_width
        )
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.set_headers(headers)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.definition = QLabel()
        self.definition.setObjectName("measureDefinition")
        self.definition.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text
        self.definition.setWordWrap(True)
        self.hint = self.tr("Click a measure for its definition")
        self.definition.setText(self.hint)
        self.definitions: list[Definition] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.definition)

    def set_headers(self, headers: list[str]) -> None:
        """The column headings, each also its own tooltip (a narrow column cuts it)."""
        self.table.setHorizontalHeaderLabels(headers)
        for col, text in enumerate(headers):
            item = self.table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(text)
        self.columns.fit()

    def set_rows(self, rows: list[tuple[Definition, list[str]]]) -> None:
        """``rows``: (definition, the other cells' texts)."""
        self.table.setRowCount(len(rows))
        self.definitions = [d for d, _cells in rows]
        for row, (d, cells) in enumerate(rows):
            # "days", counted in days, is not "days (days)"
            name = f"{d.label} ({d.unit})" if d.unit and d.unit != d.label else d.label
            for col, text in enumerate([name, *cells]):
                item = QTableWidgetItem(text)
                # a value in words (a policy's name) may be cut: its whole text comes first
                words = col > 0 and not _is_number(text)
                item.setToolTip((f"{text}\n\n" if words else "") + f"{d.label}: {d.meaning}")
                item.setData(NAME_ROLE, d.name)
                self.table.setItem(row, col, item)
        self.columns.fit()
        self.definition.setText(self.hint)

    def _cells_width(self, column: int) -> int:
        """Pixels the cells of ``column`` need: every measure's name in the first; in the
        others their numbers (a text there, a policy's name, may be elided: its whole
        text is its tooltip)."""
        metrics = self.table.fontMetrics()
        widths = [0]
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            text = item.text() if item is not None else ""
            if column == 0 or _is_number(text):
                widths.append(metrics.horizontalAdvance(text) + 2 * metrics.averageCharWidth())
        return max(widths)

    def clear(self) -> None:
        self.set_rows([])

    def row_of(self, name: str) -> int:
        return next((i for i, d in enumerate(self.definitions) if d.name == name), -1)

    def _show_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.definitions):
            self.definition.setText(self.definitions[row].html())
        else:
            self.definition.setText(self.hint)
