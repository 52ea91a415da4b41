"""The main window: wires panels, charts, feed, inspectors, compare and runs to the worker.

It holds no simulation state of its own beyond what it displays: the live run lives in
``WorkerHost``'s engine process, a reopened run in a ``StoredRun``.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from typing import Any

import pandas as pd
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import theme
from app.charts import ChartPanel, chart_specs
from app.compare import CompareView
from app.inspectors import AccountInspector, RuleInspector
from app.panels.feed import FeedPanel
from app.panels.policy import PolicyPanel
from app.panels.run_controls import RunControls
from app.panels.scenario import ScenarioPanel
from app.runs_view import RunsView
from app.stored import StoredRun
from app.worker import SetupInfo, WorkerHost
from simulation.world.content.pool import load_catalogue
from simulation.world.engine import DayRecord

FEED_REFRESH_MS = 400
HITS_REFRESH_MS = 250


def category_labels(locale: str) -> dict[str, str]:
    """Short legend names: the catalogue's own label in Chinese, the id in English."""
    return dict(_category_labels(locale))


@functools.lru_cache(maxsize=4)
def _category_labels(locale: str) -> tuple[tuple[str, str], ...]:
    # cached: reading the catalogue takes ~80 ms, too long for the GUI thread at each Setup
    cats = load_catalogue().categories
    if locale == "zh_CN":
        return tuple((c.name, c.label.get("zh_CN", c.name)) for c in cats)
    return tuple((c.name, c.name.replace("_", " ")) for c in cats)


_heap_frozen = False


def freeze_startup_heap() -> None:
    """Keep the garbage collector off what the first window imported and built.

    Qt, pyqtgraph, pandas and the engine's modules leave ~380,000 objects that live as
    long as the process; every full collection walked them all, a 100–150 ms stall of the
    GUI thread in the middle of a run. ``gc.freeze`` moves them out of its sight (once
    per process: a later window's own objects stay collectable).
    """
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect()
        gc.freeze()


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: QSettings | None = None,
        preset: str | None = None,
        policy: str | None = None,
        db: str | None = None,
        locale: str = "en_US",
        theme_name: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.locale = locale
        self.theme_name = theme_name or str(self.settings.value("theme", "light"))
        self.setWindowTitle(self.tr("Circle Lab — moderation-policy laboratory"))
        self.setWindowIcon(theme.icon("app"))
        self.host = WorkerHost(self)
        self.mode = "idle"  # idle, live, stored
        self.info: SetupInfo | None = None
        self.stored: StoredRun | None = None
        self.records: list[DayRecord] = []
        self.days_done = 0
        self.running = False
        self.policy_in_force: Any = None
        self.last_setup: tuple[Any, Any] | None = None

        # central: charts, compare, runs
        self.charts = ChartPanel()
        export_png = QPushButton(theme.icon("export"), self.tr("Export PNG…"))
        export_png.clicked.connect(lambda: self.export_charts("png"))
        export_svg = QPushButton(theme.icon("export"), self.tr("Export SVG…"))
        export_svg.clicked.connect(lambda: self.export_charts("svg"))
        export_csv = QPushButton(theme.icon("save"), self.tr("Export CSV…"))
        export_csv.clicked.connect(self.export_csv)
        chart_page = QWidget()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (export_png, export_svg, export_csv):
            buttons.addWidget(b)
        page_layout = QVBoxLayout(chart_page)
        page_layout.setContentsMargins(2, 2, 2, 2)
        page_layout.addWidget(self.charts, 1)
        page_layout.addLayout(buttons)
        self.scenario_panel = ScenarioPanel(locale)
        self.policy_panel = PolicyPanel()
        self.compare = CompareView(self.scenario_panel.scenario, self.policy_panel.current_policy)
        self.runs = RunsView(db)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(chart_page, theme.icon("go"), self.tr("Charts"))
        self.tabs.addTab(self.compare, theme.icon("compare"), self.tr("Compare"))
        self.tabs.addTab(self.runs, theme.icon("save"), self.tr("Runs"))
        self.setCentralWidget(self.tabs)

        # docks
        self.feed = FeedPanel()
        self.account_inspector = AccountInspector()
        self.rule_inspector = RuleInspector()
        self.inspector_tabs = QTabWidget()
        self.inspector_tabs.addTab(self.account_inspector, self.tr("Account"))
        self.inspector_tabs.addTab(self.rule_inspector, self.tr("Rule"))
        self.scenario_dock = self._dock(
            "scenarioDock",
            self.tr("Scenario"),
            self.scenario_panel,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.policy_dock = self._dock(
            "policyDock", self.tr("Policy"), self.policy_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.tabifyDockWidget(self.scenario_dock, self.policy_dock)
        self.scenario_dock.raise_()
        self.feed_dock = self._dock(
            "feedDock", self.tr("Friends Circle"), self.feed, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.inspector_dock = self._dock(
            "inspectorDock",
            self.tr("Inspector"),
            self.inspector_tabs,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.splitDockWidget(self.feed_dock, self.inspector_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.scenario_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.feed_dock], [400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.feed_dock, self.inspector_dock], [640, 300], Qt.Orientation.Vertical)

        self.controls = RunControls(self)
        self.addToolBar(self.controls)
        self._menus()
        self._timers()
        self._connect()
        self.statusBar().showMessage(self.tr("Pick a scenario and a policy, then Setup (Ctrl+R)"))
        self._restore(preset, policy)
        category_labels(self.locale)  # read the catalogue now rather than at the first Setup
        freeze_startup_heap()

    # ------------------------------------------------------------- construction
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _menus(self) -> None:
        view = self.menuBar().addMenu(self.tr("&View"))
        for dock in (self.scenario_dock, self.policy_dock, self.feed_dock, self.inspector_dock):
            view.addAction(dock.toggleViewAction())
        self.theme_action = QAction(theme.icon("theme"), self.tr("Dark theme"), self)
        self.theme_action.setCheckable(True)
        self.theme_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.theme_action.toggled.connect(lambda on: self.set_theme("dark" if on else "light"))
        view.addAction(self.theme_action)
        lang = self.menuBar().addMenu(self.tr("&Language"))
        for code, label in (("en_US", "English"), ("zh_CN", "中文")):
            act = QAction(label, self)
            act.setCheckable(True)
            act.setChecked(code == self.locale)
            act.triggered.connect(lambda _c=False, c=code: self._choose_locale(c))
            lang.addAction(act)

    def _timers(self) -> None:
        self.feed_timer = QTimer(self)
        self.feed_timer.setSingleShot(True)
        self.feed_timer.setInterval(FEED_REFRESH_MS)
        self.feed_timer.timeout.connect(lambda: self.feed.set_day(self.charts.cursor_day))
        self.hits_timer = QTimer(self)
        self.hits_timer.setSingleShot(True)
        self.hits_timer.setInterval(HITS_REFRESH_MS)
        self.hits_timer.timeout.connect(self._update_hits)

    def _connect(self) -> None:
        w = self.host.worker
        w.ready.connect(self._on_ready)
        w.dayDone.connect(self._on_day)
        w.runningChanged.connect(self._on_running)
        w.finished.connect(self._on_finished)
        w.feedReady.connect(self.feed.show_feed)
        w.accountReady.connect(self._show_account)
        w.policyApplied.connect(self._on_policy_applied)
        w.paramApplied.connect(self._on_param_applied)
        w.failed.connect(self._on_failed)  # a bound method, so it runs in the GUI thread
        w.engineStarting.connect(self._on_engine_starting)
        c = self.controls
        c.setupRequested.connect(self.setup)
        c.goToggled.connect(self._go_toggled)
        c.stepRequested.connect(self.step)
        c.resetRequested.connect(self.reset)
        c.intervalChanged.connect(self.host.set_interval)
        self.host.set_interval(c.interval_ms())
        self.charts.cursorMoved.connect(self.feed.set_day)
        self.feed.feedRequested.connect(self._feed_requested)
        self.feed.postActivated.connect(self._post_activated)
        self.account_inspector.accountRequested.connect(self._account_requested)
        self.policy_panel.applyRequested.connect(self.apply_policy)
        self.policy_panel.ruleActivated.connect(self.show_rule)
        self.scenario_panel.liveChanged.connect(self._live_param)
        self.scenario_panel.setupChanged.connect(
            lambda k, v: self.statusBar().showMessage(
                self.tr("{0} = {1}: takes effect at the next setup").format(k, v)
            )
        )
        self.runs.runOpened.connect(self.open_stored)

    def _restore(self, preset: str | None, policy: str | None) -> None:
        s = self.settings
        default_preset = "demo_zh" if self.locale == "zh_CN" else "demo"
        self.scenario_panel.load_preset(preset or str(s.value("preset", default_preset)))
        self.policy_panel.load_preset(policy or str(s.value("policy", "crackdown")))
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.value("windowState")
        if state is not None:
            self.restoreState(state)
        speed = s.value("speed")
        if speed is not None:
            self.controls.speed.setValue(int(speed))
        self.theme_action.setChecked(self.theme_name == "dark")
        self.set_theme(self.theme_name)
        self.runs.refresh()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("preset", self.scenario_panel.preset.currentText())
        s.setValue("policy", self.policy_panel.preset.currentText())
        s.setValue("theme", self.theme_name)
        s.setValue("locale", self.locale)
        s.setValue("speed", self.controls.speed.value())
        s.sync()

    # ------------------------------------------------------------- run control
    def setup(self) -> None:
        policy = self.policy_panel.current_policy() or self.policy_in_force
        if policy is None:
            self.statusBar().showMessage(self.tr("The policy has errors; fix it before setup"))
            self.policy_dock.raise_()
            return
        scenario = self.scenario_panel.scenario()
        self.last_setup = (scenario, policy)
        self.policy_in_force = policy
        self.statusBar().showMessage(self.tr("Setting up…"))
        self.host.setup(scenario, policy)

    def reset(self) -> None:
        if self.last_setup is not None:
            self.host.setup(*self.last_setup)

    def go(self) -> None:
        if self.mode == "live":
            self.host.go()

    def pause(self) -> None:
        self.host.pause()

    def step(self) -> None:
        if self.mode == "live":
            self.host.step()

    def _go_toggled(self, on: bool) -> None:
        (self.go if on else self.pause)()

    def apply_policy(self, policy: Any) -> None:
        self.policy_in_force = policy
        if self.mode == "live":
            self.host.set_policy(policy)
        else:
            self.policy_panel.set_in_force(
                self.tr("Will be used at the next setup: {0}").format(policy.name)
            )

    def _live_param(self, key: str, value: Any) -> None:
        if self.mode == "live":
            self.host.set_param(key, value)
            if self.last_setup is not None:  # reset keeps what the user set
                with contextlib.suppress(Exception):
                    self.last_setup = (
                        self.last_setup[0].with_changes({key: value}),
                        self.last_setup[1],
                    )

    # ------------------------------------------------------------- worker replies
    def _on_ready(self, info: SetupInfo) -> None:
        self.mode, self.info, self.stored = "live", info, None
        self.records = []
        self.days_done = 0
        specs = chart_specs(info.categories, category_labels(self.locale))
        if specs != self.charts.specs:  # building six plots takes ~0.1 s: only when needed
            self.charts.build(specs)
        self.charts.clear()
        self.compare.set_specs(chart_specs(info.categories, category_labels(self.locale)))
        self.feed.set_viewers(info.watched)
        self.account_inspector.rule_names = info.rule_names
        self.policy_panel.set_hits({})
        self.controls.set_ready(True)
        self.controls.set_day(0, info.days)
        name = self.policy_in_force.name if self.policy_in_force is not None else "?"
        self.policy_panel.set_in_force(self.tr("In force: {0} (from day 0)").format(name))
        self.statusBar().showMessage(
            self.tr("Ready: seed {0}, {1} days").format(info.seed, info.days)
        )

    def _on_day(self, record: DayRecord) -> None:
        self.records.append(record)
        self.days_done = record.day + 1
        self.charts.append(record.day, record.metrics)
        total = self.info.days if self.info else 0
        self.controls.set_day(self.days_done, total)
        if not self.hits_timer.isActive():
            self.hits_timer.start()
        if self.charts.follow and not self.feed_timer.isActive():
            self.feed_timer.start()

    def _on_running(self, running: bool) -> None:
        self.running = running
        self.controls.set_running(running)

    def _on_engine_starting(self) -> None:
        self.statusBar().showMessage(self.tr("Starting the engine process…"))

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Error: ") + message)

    def _on_finished(self, last_day: int) -> None:
        self.charts.refresh()  # live redraws update half the charts a tick; show them all
        self.statusBar().showMessage(self.tr("Run finished after day {0}").format(last_day))

    def _on_policy_applied(self, day: int, rule_names: tuple[str, ...]) -> None:
        self.account_inspector.rule_names = rule_names
        name = self.policy_in_force.name if self.policy_in_force is not None else "?"
        self.policy_panel.set_in_force(self.tr("In force: {0} (from day {1})").format(name, day))
        self.statusBar().showMessage(self.tr("Policy applied from day {0}").format(day))

    def _on_param_applied(self, key: str, value: Any, day: int) -> None:
        self.statusBar().showMessage(self.tr("{0} = {1} from day {2}").format(key, value, day))

    # ------------------------------------------------------------- views
    def rule_frame(self) -> pd.DataFrame:
        """Per-rule statistics so far: the engine's rule rows, as ``Simulation.rule_frame``."""
        if self.mode == "stored" and self.stored is not None:
            return self.stored.rules
        rows = [r for rec in self.records for r in rec.rules]
        return pd.DataFrame(rows) if rows else pd.DataFrame(columns=["day", "rule", "name"])

    def metrics_frame(self) -> pd.DataFrame:
        if self.mode == "stored" and self.stored is not None:
            return self.stored.metrics
        frame = pd.DataFrame([r.metrics for r in self.records])
        if len(frame):
            frame["day"] = frame["day"].astype(int)
        return frame

    def _update_hits(self) -> None:
        frame = self.rule_frame()
        if len(frame) and "hits" in frame:
            self.policy_panel.set_hits(frame.groupby("name")["hits"].sum().astype(int).to_dict())
        if self.rule_inspector.rule:
            self.rule_inspector.show_rule(self.rule_inspector.rule, frame)

    def show_rule(self, name: str) -> None:
        self.rule_inspector.show_rule(name, self.rule_frame())
        self.inspector_tabs.setCurrentWidget(self.rule_inspector)
        self.inspector_dock.raise_()

    def _feed_requested(self, viewer: int, day: int) -> None:
        if self.mode == "live":
            self.host.request_feed(viewer, day)
        elif self.mode == "stored" and self.stored is not None:
            self.feed.show_feed(viewer, day, self.stored.feed(viewer, day))

    def _post_activated(self, post: dict) -> None:
        self._account_requested(int(post["author"]))

    def _account_requested(self, account: int) -> None:
        if self.mode == "live":
            self.host.request_account(account)
        elif self.mode == "stored" and self.stored is not None:
            try:
                self._show_account(self.stored.account(account))
            except KeyError as exc:
                self.statusBar().showMessage(str(exc))

    def _show_account(self, info: dict) -> None:
        self.account_inspector.show_account(info)
        self.inspector_tabs.setCurrentWidget(self.account_inspector)
        self.inspector_dock.raise_()

    def open_stored(self, stored: StoredRun) -> None:
        """Show a run from the database: charts, feed, inspectors; nothing is re-run."""
        self.host.pause()
        self.mode, self.stored, self.records = "stored", stored, []
        self.controls.set_ready(False)
        self.charts.build(chart_specs(stored.categories, category_labels(self.locale)))
        self.charts.set_frame(stored.metrics)
        self.account_inspector.rule_names = stored.rule_names
        self.feed.set_viewers(stored.watched)
        self.feed.day = -1
        self.feed.set_day(self.charts.cursor_day)
        self._update_hits()
        run = stored.run
        self.controls.set_day(run.days_done, run.days_requested)
        self.policy_panel.set_in_force(self.tr("Stored run #{0}: {1}").format(run.id, run.name))
        self.tabs.setCurrentIndex(0)
        self.statusBar().showMessage(
            self.tr("Opened stored run #{0} ({1})").format(run.id, run.name)
        )

    # ------------------------------------------------------------- export, theme, locale
    def export_charts(self, fmt: str, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export charts"), f"circlelab-charts.{fmt}", f"*.{fmt}"
            )
        if path:
            self.charts.export(path)
            self.statusBar().showMessage(self.tr("Charts written to {0}").format(path))
        return path or None

    def export_csv(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export metrics as CSV"), "circlelab-metrics.csv", "CSV (*.csv)"
            )
        if path:
            self.metrics_frame().to_csv(path, index=False)
        return path or None

    def set_theme(self, name: str) -> None:
        self.theme_name = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        dark = name == "dark"
        self.charts.set_dark(dark)
        self.compare.charts.set_dark(dark)
        self.policy_panel.editor.highlighter.set_dark(dark)

    def _choose_locale(self, code: str) -> None:
        self.settings.setValue("locale", code)
        self.statusBar().showMessage(self.tr("The language changes at the next start"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.host.shutdown()
        self.compare.shutdown()
        super().closeEvent(event)
