"""Account and rule inspectors: the story behind one post's author or one rule."""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import theme
from app.charts import LINE_WIDTH, DayAxis, ZeroBasedViewBox, big_font
from app.i18n import t, word
from app.measures import Definition, MeasureTable, rule_count_definition
from app.reasons import reason_text
from simulation.metrics import RULE_COUNT_NAMES as RULE_COUNTS
from simulation.runs import colours

NEVER_DAY = -(10**6)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _link(account: int) -> str:
    """A link to an account in the inspector's rich-text chain field (``linkActivated``
    gives its number)."""
    return f"<a href='{account}'>#{account}</a>"


class AccountInspector(QWidget):
    """Archetype, status, strikes and actions, appeals, re-registrations of one account."""

    accountRequested = Signal(int)  # follow a predecessor / successor link

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info: dict[str, Any] = {}
        self.rule_names: tuple[str, ...] = ()
        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        self.form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("archetype", self.tr("Archetype")),
            ("kind", self.tr("Account type")),
            ("category", self.tr("Sells")),
            ("status", self.tr("Status")),
            ("join_day", self.tr("Joined")),
            ("style", self.tr("Writing style")),
            ("violations", self.tr("Violating posts")),
            ("removals", self.tr("Posts removed")),
            ("bans", self.tr("Bans")),
            ("chain", self.tr("Re-registrations")),
        ):
            value = QLabel()
            # user-facing values are plain text; the chain holds links to accounts (its
            # words escaped, its numbers ours) and is the one rich-text field
            rich = key == "chain"
            value.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
            value.setObjectName(f"account_{key}")
            value.setOpenExternalLinks(False)
            value.linkActivated.connect(lambda href: self.accountRequested.emit(int(href)))
            value.setWordWrap(True)
            self.fields[key] = value
            self.form.addRow(label, value)
        self.events = _table(
            [
                self.tr("Day"),
                self.tr("Action"),
                self.tr("Rule"),
                self.tr("Wrongful"),
                self.tr("Reason"),
            ]
        )
        self.events.setObjectName("accountEvents")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(self.tr("Strikes, actions and appeals")))
        layout.addWidget(self.events, 1)
        self.clear_run()

    def clear_run(self) -> None:
        """No account on display (a new world has other accounts)."""
        self.info = {}
        self.heading.setText(self.tr("Click a post in the feed to inspect its author"))
        for value in self.fields.values():
            value.setText("")
        self.events.setRowCount(0)

    def _joined(self, day: Any) -> str:
        """When the account joined: a day of the run, or how long before it began (the
        accounts of the starting world joined before day 0, most a year before)."""
        if day is None or day == "":
            return ""
        day = int(day)
        if day >= 0:
            return self.tr("day {0}").format(day)
        return self.tr("{0} days before the run began").format(-day)

    def show_account(self, info: dict[str, Any], categories: dict[str, str] | None = None) -> None:
        """Show an account; ``categories`` names the catalogue's categories in the
        interface language (as the charts' legends do)."""
        self.info = info
        name = html.escape(str(info.get("name", "")))  # a rich-text label: escape the data
        self.heading.setText(f"<b>{name}</b> · #{info['account']}")
        status = word(info.get("status", ""))
        if info.get("status_day", NEVER_DAY) > NEVER_DAY // 2 and status != "active":
            status += self.tr(" (since day {0})").format(info["status_day"])
        values = {
            "archetype": word(info.get("archetype", "")),
            "kind": word(info.get("kind", "")),
            "category": (categories or {}).get(str(info.get("category", "")), "")
            or str(info.get("category", "")).replace("_", " ")
            or "–",
            "status": status,
            "join_day": self._joined(info.get("join_day")),
            "style": word(info.get("style", "")),
            "violations": str(info.get("violations", "")),
            "removals": str(info.get("removals", "")),
            "bans": str(info.get("bans", "")),
            "chain": self._chain(info),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        events = info.get("events", [])
        self.events.setRowCount(len(events))
        for row, e in enumerate(events):
            rule = int(e.get("rule", -1))
            rule_name = self.rule_names[rule] if 0 <= rule < len(self.rule_names) else "–"
            cells = [
                f"{e['day']}",
                word(e["action"]),
                rule_name,
                self.tr("yes") if e.get("wrongful") else self.tr("no"),
                reason_text(e.get("reason", "")),
            ]
            for col, text in enumerate(cells):
                self.events.setItem(row, col, QTableWidgetItem(text))

    def _chain(self, info: dict[str, Any]) -> str:
        parts = []
        pred = int(info.get("predecessor", -1))
        if pred >= 0:
            parts.append(html.escape(self.tr("came back from banned")) + f" {_link(pred)}")
        succ = info.get("successors", [])
        if succ:
            links = ", ".join(_link(int(s)) for s in succ)
            parts.append(html.escape(self.tr("re-registered as")) + " " + links)
        gen = int(info.get("generation", 0))
        if gen:
            parts.append(html.escape(self.tr("generation {0}").format(gen)))
        return "; ".join(parts) or "–"


class RuleInspector(QWidget):
    """What one rule did, day by day (posts), and its totals with their definitions.

    The chart draws only counts of posts (hits, true and false positives, wrongful
    removals); counts of accounts (actions, bans) are in the totals table, each named
    with its unit, its meaning one click away: a rule's "wrongful removals" (posts) are
    not the Bans chart's "wrongful" bans (accounts).
    """

    COLUMNS = ("hits", "true_positives", "false_positives", "wrongful_removals")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = ""
        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        self.plot = pg.PlotWidget(
            axisItems={"bottom": DayAxis("bottom")}, viewBox=ZeroBasedViewBox()
        )
        self.plot.setObjectName("ruleChart")
        self.plot.setMinimumHeight(140)
        # the legend below the plot, as on the main charts: never over the data
        self.legend = pg.LegendItem(labelTextSize="11pt", colCount=2, horSpacing=12)
        self.legend.setSizePolicy(
            pg.QtWidgets.QSizePolicy.Policy.Ignored, pg.QtWidgets.QSizePolicy.Policy.Fixed
        )
        item = self.plot.getPlotItem()
        item.layout.addItem(self.legend, 4, 1)  # rows 0-3: title, top axis, plot, day axis
        item.legend = self.legend  # where plot(name=...) adds its entry
        self.plot.getAxis("bottom").setLabel(t("Units", "day"))
        self.plot.getAxis("left").setLabel(t("Units", "posts/day"))
        for side in ("bottom", "left"):
            self.plot.getAxis(side).setTickFont(big_font(11))
        self.curves = {
            c: self.plot.plot([], [], name=rule_count_definition(c).label) for c in self.COLUMNS
        }
        self.totals = MeasureTable([self.tr("Measure"), self.tr("Total")])
        self.totals.setObjectName("ruleTotals")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.plot, 2)
        layout.addWidget(self.totals, 1)
        self.set_dark(False)
        self.clear_run()

    def set_dark(self, dark: bool) -> None:
        """Chart colours of the theme (background, axes, legend text, lines)."""
        s = theme.scheme(dark)
        self.plot.setBackground(s.chart_bg)
        for side in ("bottom", "left"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(s.chart_fg, width=1))
            axis.setTextPen(pg.mkPen(s.chart_fg))
            axis.label.setDefaultTextColor(pg.mkColor(s.chart_fg))
        self.legend.setLabelTextColor(s.chart_fg)
        self.legend.setBrush(pg.mkBrush(s.legend_bg))
        for i, (column, curve) in enumerate(self.curves.items()):
            tint = colours.colour(f"rule.{column}", i, dark)  # as wherever it is drawn
            curve.setPen(pg.mkPen(tint, width=LINE_WIDTH))
        for _sample, label in self.legend.items:
            label.setText(label.text, color=s.chart_fg)

    def clear_run(self) -> None:
        """No rule on display; empty curves and totals; the axes forget the last run."""
        self.rule = ""
        self.heading.setText(self.tr("Click a rule in the policy panel to inspect it"))
        for curve in self.curves.values():
            curve.setData([], [])
        self.totals.clear()
        self.plot.setXRange(0, 10, padding=0.02)
        self.plot.setYRange(0, 1, padding=0.02)
        self.plot.enableAutoRange()

    def show_rule(self, name: str, frame: pd.DataFrame) -> None:
        """``frame``: the engine's rule_frame() rows (any days, any rules)."""
        self.rule = name
        rows = frame[frame["name"] == name] if len(frame) else frame
        daily = rows.groupby("day").sum(numeric_only=True) if len(rows) else pd.DataFrame()
        for col, curve in self.curves.items():
            if len(daily) and col in daily:
                curve.setData(daily.index.to_numpy(float), daily[col].to_numpy(float))
            else:
                curve.setData([], [])
        total = {c: int(daily[c].sum()) if c in daily else 0 for c in RULE_COUNTS}
        hits = total["hits"]
        precision = total["true_positives"] / hits if hits else math.nan
        heading = self.tr("<b>Rule {0}</b> · {1} days").format(html.escape(name), len(daily))
        self.heading.setText(heading)  # rich text: the rule name (user text) is escaped
        # sums over the days shown: in posts and accounts, not per day
        rows_shown = [(rule_count_definition(k, total=True), [str(v)]) for k, v in total.items()]
        rows_shown.insert(
            3,
            (
                Definition(
                    "true_positives / hits",
                    self.tr("precision of the rule"),
                    t("Units", "share"),
                    self.tr(
                        "Of the posts the rule fired on, the share that were violating "
                        "(true positives / hits)"
                    ),
                ),
                ["–" if np.isnan(precision) else f"{precision:.3f}"],
            ),
        )
        self.totals.set_rows(rows_shown)
