"""The main window: wires panels, charts, feed, inspectors, compare and runs to the worker.

It holds no simulation state of its own beyond what it displays: the live run lives in
``WorkerHost``'s engine process, a reopened run in a ``StoredRun``.

Three rules keep it honest (and are what a new view must follow):

* every button and menu action is connected with :mod:`app.wiring` (a command takes no
  argument, so a signal's ``bool`` can never land in a path);
* every view that shows a run has ``clear_run()``; :meth:`MainWindow.clear_run_views`
  calls all of them on Setup, Reset and when a stored run is opened;
* a count shown above a list comes from that list's model (:mod:`app.counts`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QResizeEvent,
    QShowEvent,
    QStatusTipEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import dialogs, theme, wiring
from app.charts import ChartPanel, chart_specs, presentation_scale
from app.compare import CompareView
from app.engine_proc import REMOVED_SEARCH_DAYS
from app.help import HelpDialog, assumptions_markdown, chart_help_html, definitions_html
from app.i18n import PARAMS_CONTEXT, t
from app.inspectors import AccountInspector, RuleInspector
from app.lessons import LessonBanner, LessonPlayer
from app.panels.feed import FeedPanel
from app.panels.policy import PolicyPanel
from app.panels.run_controls import RunControls, RunState
from app.panels.scenario import ScenarioPanel
from app.problems import error_text, translate
from app.runs_view import RunsView
from app.versions import policy_label, version_label
from app.worker import SetupInfo, WorkerHost
from simulation.paths import default_db_url
from simulation.runs.history import RunHistory, stored_marks
from simulation.runs.marks import (
    ANNOUNCEMENT,
    INFLUX,
    PARAMETER,
    POLICY,
    STEP,
    Mark,
    first_action,
    run_marks,
)
from simulation.world.content.pool import load_catalogue
from simulation.world.state import DayRecord

if TYPE_CHECKING:  # a stored run needs the database layer: imported when one is opened
    from app.stored import StoredRun

FEED_REFRESH_MS = 400
HITS_REFRESH_MS = 250
PRESENTATION_FEED_PX = 400  # the feed's width in the presentation view
LAYOUT_VERSION = 2  # saved dock layouts of another version are not restored
LOCALES = (("en_US", "English"), ("zh_CN", "中文"))
# how an event mark is labelled on the charts (context "Marks"): short, then the detail
MARK_WORDS = {
    ANNOUNCEMENT: QT_TRANSLATE_NOOP("Marks", "announced"),
    POLICY: QT_TRANSLATE_NOOP("Marks", "policy"),
    PARAMETER: QT_TRANSLATE_NOOP("Marks", "changed"),
    INFLUX: QT_TRANSLATE_NOOP("Marks", "newcomers"),
    STEP: QT_TRANSLATE_NOOP("Marks", "step"),
}
MARK_TIPS = {
    ANNOUNCEMENT: QT_TRANSLATE_NOOP(
        "Marks", "Day {0}: an announcement of stricter enforcement (sellers' risk {1})"
    ),
    POLICY: QT_TRANSLATE_NOOP("Marks", "Day {0}: policy in force: {1}"),
    PARAMETER: QT_TRANSLATE_NOOP("Marks", "Day {0}: parameter changed: {1}"),
    INFLUX: QT_TRANSLATE_NOOP("Marks", "Day {0}: new accounts arrive ({1})"),
    STEP: QT_TRANSLATE_NOOP("Marks", "Day {0}: the lesson's step {1}"),
}


class RunView(Protocol):
    """A view that shows something of the current run and forgets it on demand."""

    def clear_run(self) -> None: ...


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


def new_folder(parent: Path, name: str) -> Path:
    """``parent/name``, or ``name-2``, ``name-3``… : a folder that does not exist yet."""
    out, n = parent / name, 1
    while out.exists():
        n += 1
        out = parent / f"{name}-{n}"
    return out


def safe_name(text: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in text)
    return "-".join(part for part in keep.split("-") if part)[:80] or "run"


class MainWindow(QMainWindow):
    worldReady = Signal()  # a new world is built (after Setup, Reset or a lesson's load)
    runStopped = Signal()  # a run stopped: paused, reached its day, or finished

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
        self.chosen_locale = locale  # what the Language menu says for the next start
        self.theme_name = theme_name or str(self.settings.value("theme", "light"))
        app = QApplication.instance()
        if isinstance(app, QApplication):  # before any widget: fonts and colours at birth
            theme.apply(app, self.theme_name)
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

        self.marks: list[Mark] = []  # the event marks of the world on screen
        self.started: tuple[Any, Any] | None = None  # the live world's scenario and policy
        self.history: list[dict] = []  # what was changed while it ran (Simulation.history)
        self.step_marks: list[Mark] = []  # marks added by a lesson's steps
        self.lesson: LessonPlayer | None = None
        self._removed_wanted: tuple[int, int] | None = None  # a feed to scroll to its removed post
        self.presenting = False
        self._before_presenting: tuple[QByteArray, bool] | None = None
        self.help_dialog: HelpDialog | None = None
        self._shown = False

        # central: the lesson banner above charts, compare, runs
        self.charts = ChartPanel()
        self.charts.helpRequested.connect(self.show_chart_help)
        self.export_png_btn = self._button("exportPng", self.tr("Export PNG…"), "export")
        wiring.on_click(self.export_png_btn, lambda: self.export_charts("png"))
        self.export_svg_btn = self._button("exportSvg", self.tr("Export SVG…"), "export")
        wiring.on_click(self.export_svg_btn, lambda: self.export_charts("svg"))
        self.export_csv_btn = self._button("exportCsv", self.tr("Export CSV…"), "save")
        wiring.on_click(self.export_csv_btn, self.export_csv)
        # the day shown (feed, cursor): typed, or dragged on any chart
        self.day_box = QSpinBox()
        self.day_box.setObjectName("dayBox")
        self.day_box.setRange(0, 0)
        self.day_box.setKeyboardTracking(False)  # moves on Enter, not on each digit
        self.day_box.setToolTip(self.tr("The day shown in the feed; type a day and press Enter"))
        self.day_box.valueChanged.connect(self._day_typed)
        self.day_label = QLabel(self.tr("Day:"))
        self.day_label.setObjectName("dayLabel")
        self.day_label.setBuddy(self.day_box)
        chart_page = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.day_label)
        buttons.addWidget(self.day_box)
        buttons.addStretch(1)
        for b in (self.export_png_btn, self.export_svg_btn, self.export_csv_btn):
            buttons.addWidget(b)
        page_layout = QVBoxLayout(chart_page)
        page_layout.setContentsMargins(2, 2, 2, 2)
        page_layout.addWidget(self.charts, 1)
        page_layout.addLayout(buttons)
        self.scenario_panel = ScenarioPanel(locale)
        self.policy_panel = PolicyPanel()
        self.policy_panel.settings = self.settings
        self.policy_panel.corpus_panel.settings = self.settings
        self.compare = CompareView(
            self.scenario_panel.scenario,
            self.policy_panel.current_policy,
            specs_source=self._default_specs,
        )
        self.compare.settings = self.settings
        self.runs = RunsView(db)
        self.runs.settings = self.settings
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self._tab_icons = ("go", "compare", "save")
        self.tabs.addTab(chart_page, self.tr("Charts"))
        self.tabs.addTab(self.compare, self.tr("Compare"))
        self.tabs.addTab(self.runs, self.tr("Runs"))
        self.banner = LessonBanner()
        wiring.on_click(self.banner.close_btn, self.close_lesson)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(2)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        # docks
        self.feed = FeedPanel()
        self.account_inspector = AccountInspector()
        self.rule_inspector = RuleInspector()
        self.inspector_tabs = QTabWidget()
        # scrolls rather than push the window past a 1280×720 screen
        self.account_page = QScrollArea()
        self.account_page.setWidgetResizable(True)
        self.account_page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.account_page.setWidget(self.account_inspector)
        self.inspector_tabs.addTab(self.account_page, self.tr("Account"))
        # the rule page scrolls too: a page's minimum height is the whole tab widget's,
        # shown or not, and the rule chart's had made the feed above it a strip at 720 px
        self.rule_page = QScrollArea()
        self.rule_page.setWidgetResizable(True)
        self.rule_page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.rule_page.setWidget(self.rule_inspector)
        self.inspector_tabs.addTab(self.rule_page, self.tr("Rule"))
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
        self.docks = (self.scenario_dock, self.policy_dock, self.feed_dock, self.inspector_dock)
        self._fit_docks()

        # every view that shows the current run; each forgets it in clear_run()
        self.run_views: tuple[RunView, ...] = (
            self.charts,
            self.feed,
            self.account_inspector,
            self.rule_inspector,
            self.policy_panel,
        )

        self.controls = RunControls(self)
        self.addToolBar(self.controls)
        self.default_layout = self.saveState(LAYOUT_VERSION)
        self._menus()
        self._timers()
        self._connect()
        self.statusBar().showMessage(self.tr("Pick a scenario and a policy, then Setup (Ctrl+R)"))
        self._restore(preset, policy)
        category_labels(self.locale)  # read the catalogue now rather than at the first Setup
        freeze_startup_heap()

    # ------------------------------------------------------------- construction
    def _button(self, name: str, text: str, icon: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        theme.set_icon(button, icon)
        return button

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setProperty("baseTitle", title)
        self.addDockWidget(area, dock)
        return dock

    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        file.setObjectName("menuFile")
        p = self.policy_panel
        self.open_policy_action = wiring.action(
            self, self.tr("Open policy…"), p.open_file, name="openPolicy", shortcuts=("Ctrl+O",)
        )
        self.save_policy_action = wiring.action(
            self, self.tr("Save policy"), p.save, name="savePolicy", shortcuts=("Ctrl+S",)
        )
        self.save_policy_as_action = wiring.action(
            self,
            self.tr("Save policy as…"),
            p.save_as,
            name="savePolicyAs",
            shortcuts=("Ctrl+Shift+S",),
        )
        self.save_run_action = wiring.action(
            self,
            self.tr("Save run and report…"),
            self.save_run,
            name="saveRun",
            shortcuts=("Ctrl+Shift+E",),
            tip=self.tr("Store this run in the Runs database and write its report to a folder"),
        )
        theme.set_icon(self.save_run_action, "save")
        self.quit_action = wiring.action(
            self, self.tr("Quit"), self.close, name="quit", shortcuts=("Ctrl+Q",)
        )
        for act in (self.open_policy_action, self.save_policy_action, self.save_policy_as_action):
            file.addAction(act)
        file.addSeparator()
        file.addAction(self.save_run_action)
        file.addSeparator()
        file.addAction(self.quit_action)

        view = bar.addMenu(self.tr("&View"))
        view.setObjectName("menuView")
        for dock in self.docks:
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        self.theme_action = wiring.action(
            self, self.tr("Dark theme"), name="darkTheme", shortcuts=("Ctrl+Shift+D",)
        )
        self.theme_action.setCheckable(True)
        theme.set_icon(self.theme_action, "theme")
        wiring.on_toggle(self.theme_action, lambda on: self.set_theme("dark" if on else "light"))
        view.addAction(self.theme_action)
        self.lock_action = wiring.action(self, self.tr("Lock layout"), name="lockLayout")
        self.lock_action.setCheckable(True)
        self.lock_action.setToolTip(
            self.tr("Panels cannot be dragged away or floated by accident; unlock to rearrange")
        )
        wiring.on_toggle(self.lock_action, self.set_layout_locked)
        view.addAction(self.lock_action)
        self.reset_layout_action = wiring.action(
            self, self.tr("Reset layout"), self.reset_layout, name="resetLayout"
        )
        view.addAction(self.reset_layout_action)
        view.addSeparator()
        self.present_action = wiring.action(
            self,
            self.tr("Presentation view"),
            name="presentation",
            shortcuts=("F11",),
            tip=self.tr("Charts and feed fill the screen in large type; side panels hidden"),
        )
        self.present_action.setCheckable(True)
        wiring.on_toggle(self.present_action, self.set_presentation)
        view.addAction(self.present_action)
        self.addAction(self.present_action)  # F11 also when the menu bar is hidden

        lessons = bar.addMenu(self.tr("L&essons"))
        lessons.setObjectName("menuLessons")
        self.lesson_actions: dict[str, QAction] = {}
        for name, title in self._lesson_titles():
            act = wiring.action(
                self, title, functools.partial(self.open_lesson, name), name=f"lesson_{name}"
            )
            lessons.addAction(act)
            self.lesson_actions[name] = act
        lessons.addSeparator()
        self.open_lesson_action = wiring.action(
            self, self.tr("Open lesson file…"), self.choose_lesson, name="openLesson"
        )
        lessons.addAction(self.open_lesson_action)
        self.close_lesson_action = wiring.action(
            self, self.tr("Close lesson"), self.close_lesson, name="closeLesson"
        )
        self.close_lesson_action.setEnabled(False)
        lessons.addAction(self.close_lesson_action)
        # Next / Back of a lesson: PageDown / PageUp, as a presentation clicker sends them
        self.lesson_next_action = wiring.action(
            self, self.tr("Next step"), self._lesson_next, name="lessonNext", shortcuts=("PgDown",)
        )
        self.lesson_back_action = wiring.action(
            self,
            self.tr("Previous step"),
            self._lesson_back,
            name="lessonBack",
            shortcuts=("PgUp",),
        )
        for act in (self.lesson_next_action, self.lesson_back_action):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.setEnabled(False)
            self.addAction(act)
            lessons.addAction(act)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        charts_menu = help_menu.addMenu(self.tr("What am I looking at?"))
        charts_menu.setObjectName("menuChartHelp")
        self.chart_help_actions: dict[str, QAction] = {}
        for spec in self._default_specs():
            act = wiring.action(
                self,
                spec.title,
                functools.partial(self.show_chart_help, spec.key),
                name=f"help_{spec.key}",
            )
            charts_menu.addAction(act)
            self.chart_help_actions[spec.key] = act
        self.assumptions_action = wiring.action(
            self, self.tr("Model assumptions"), self.show_assumptions, name="helpAssumptions"
        )
        self.definitions_action = wiring.action(
            self,
            self.tr("Metric definitions"),
            self.show_definitions,
            name="helpDefinitions",
            shortcuts=("F1",),
        )
        help_menu.addAction(self.assumptions_action)
        help_menu.addAction(self.definitions_action)

        lang = bar.addMenu(self.tr("&Language"))
        lang.setObjectName("menuLanguage")
        self.locale_group = QActionGroup(self)
        self.locale_group.setExclusive(True)
        self.locale_actions: dict[str, QAction] = {}
        for code, label in LOCALES:
            act = wiring.action(
                self, label, functools.partial(self.choose_locale, code), name=f"locale_{code}"
            )
            act.setCheckable(True)
            act.setChecked(code == self.locale)
            self.locale_group.addAction(act)
            lang.addAction(act)
            self.locale_actions[code] = act

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
        w.removedFeedFound.connect(self._on_removed_feed)
        self.feed.feedShown.connect(self._on_feed_shown)
        w.policyApplied.connect(self._on_policy_applied)
        w.paramApplied.connect(self._on_param_applied)
        w.historyChanged.connect(self._on_history)
        w.failed.connect(self._on_failed)  # a bound method, so it runs in the GUI thread
        w.refused.connect(self._on_refused)
        w.saved.connect(self._on_saved)
        w.engineStarting.connect(self._on_engine_starting)
        w.engineLost.connect(self._on_engine_lost)
        c = self.controls
        c.setupRequested.connect(self.setup)
        c.goToggled.connect(self._go_toggled)
        c.stepRequested.connect(self.step)
        c.resetRequested.connect(self.reset)
        c.intervalChanged.connect(self.host.set_interval)
        self.host.set_interval(c.interval_ms())
        self.charts.cursorMoved.connect(self.feed.set_day)
        self.charts.cursorMoved.connect(self._cursor_moved)
        self.feed.feedRequested.connect(self._feed_requested)
        self.feed.postActivated.connect(self._post_activated)
        self.account_inspector.accountRequested.connect(self._account_requested)
        p = self.policy_panel
        p.applyRequested.connect(self.apply_policy)
        p.applyRefused.connect(self.statusBar().showMessage)
        p.ruleActivated.connect(self.show_rule)
        p.titleChanged.connect(lambda _name: self._update_title())
        p.validityChanged.connect(self._policy_validity)
        p.saved.connect(
            lambda path: self.statusBar().showMessage(self.tr("Policy saved to {0}").format(path))
        )
        self.scenario_panel.liveChanged.connect(self._live_param)
        self.scenario_panel.setupChanged.connect(
            lambda k, v: self.statusBar().showMessage(
                self.tr("{0}: takes effect at the next setup").format(
                    self.scenario_panel.describe(k, v)
                )
            )
        )
        self.runs.runOpened.connect(self.open_stored)

    def _restore(self, preset: str | None, policy: str | None) -> None:
        s = self.settings
        zh = self.locale == "zh_CN"
        default_preset = "demo_zh" if zh else "demo"
        default_policy = "crackdown_zh" if zh else "crackdown"
        self.scenario_panel.load_preset(preset or str(s.value("preset", default_preset)))
        # the policy is compiled just after the window's first paint (visible as "Checking
        # the policy…"); Setup or Apply before then compile it on the spot
        self.policy_panel.load_preset(
            policy or str(s.value("policy", default_policy)), ask=False, check_now=False
        )
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.value("windowState")
        # the docks are fitted to the window when it is first shown, unless a layout of
        # this version was restored (the person's own)
        self._fit_on_show = not isinstance(state, QByteArray | bytes)
        if not self._fit_on_show and not self.restoreState(state, LAYOUT_VERSION):
            self.reset_layout()  # another version's layout: start from ours
            self._fit_on_show = True
        speed = s.value("speed")
        if speed is not None:
            self.controls.speed.setValue(int(speed))
        self.lock_action.setChecked(str(s.value("layoutLocked", "true")).lower() == "true")
        self.set_layout_locked(self.lock_action.isChecked())
        self.theme_action.setChecked(self.theme_name == "dark")
        self.set_theme(self.theme_name)
        self._update_title()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the first paint comes first, then the policy's compilation
            self._shown = True
            if self._fit_on_show:
                self._fit_docks()
            # the policy first (read back from the compiled-policy cache: tens of ms), then
            # the stored runs (opening the database imports SQLAlchemy: slower)
            QTimer.singleShot(0, self.policy_panel.editor.check_pending)
            QTimer.singleShot(0, self.runs.refresh)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState(LAYOUT_VERSION))
        s.setValue("preset", self.scenario_panel.preset.currentText())
        if self.policy_panel.preset_name:
            s.setValue("policy", self.policy_panel.preset_name)
        s.setValue("theme", self.theme_name)
        s.setValue("locale", self.chosen_locale)
        s.setValue("speed", self.controls.speed.value())
        s.setValue("layoutLocked", "true" if self.lock_action.isChecked() else "false")
        s.sync()

    def _update_title(self) -> None:
        name = self.policy_panel.display_name()
        self.setWindowTitle(
            self.tr("{0}[*] — Circle Lab, moderation-policy laboratory").format(name)
        )
        self.setWindowModified(self.policy_panel.is_modified())
        mark = " •" if self.policy_panel.is_modified() else ""
        self.policy_dock.setWindowTitle(f"{self.policy_dock.property('baseTitle')}: {name}{mark}")

    def _default_specs(self) -> list:
        categories = (
            self.info.categories
            if self.info is not None
            else tuple(c.name for c in load_catalogue().categories)
        )
        return chart_specs(categories, category_labels(self.locale))

    # ------------------------------------------------------------- lessons
    def _lesson_titles(self) -> list[tuple[str, str]]:
        """(name, title in the interface language) of the shipped lessons; the titles are
        read without the full check (which compiles policies) to keep the start quick."""
        from policy.errors import LocatedError
        from policy.yamlfile import read_yaml, validate
        from simulation.lessons.load import lesson_names, lesson_path
        from simulation.lessons.model import Lesson

        out = []
        for name in lesson_names():
            try:
                lesson = validate(Lesson, read_yaml(lesson_path(name)))
                out.append((name, lesson.title.get(self.locale)))
            except LocatedError:
                out.append((name, name))
        return out

    def open_lesson(self, name_or_path: str) -> LessonPlayer | None:
        """Check a lesson and start playing it from its first step."""
        from policy.errors import LocatedError
        from simulation.lessons.load import load_lesson

        try:
            found = load_lesson(name_or_path)
        except LocatedError as exc:
            from app.problems import problem_line

            lines = [problem_line(p) for p in exc.problems]
            dialogs.show_problems(self, self.tr("Lesson"), lines)
            return None
        self.close_lesson()
        self.lesson = LessonPlayer(self, found, self.banner)
        self.lesson.finished.connect(self.close_lesson)
        for act in (self.close_lesson_action, self.lesson_next_action, self.lesson_back_action):
            act.setEnabled(True)
        self.banner.set_presenting(self.presenting)
        self.tabs.setCurrentIndex(0)
        self.lesson.start()
        return self.lesson

    def choose_lesson(self) -> None:
        path = dialogs.choose_open_file(
            self,
            self.settings,
            "lessons",
            self.tr("Open lesson"),
            [self.tr("Lessons (*.yaml *.yml)")],
        )
        if path:
            self.open_lesson(path)

    def close_lesson(self) -> None:
        if self.lesson is not None:
            self.lesson.stop()
            self.lesson.deleteLater()
            self.lesson = None
        self.banner.hide()
        for act in (self.close_lesson_action, self.lesson_next_action, self.lesson_back_action):
            act.setEnabled(False)

    def _lesson_next(self) -> None:
        if self.lesson is not None:
            self.lesson.next()

    def _lesson_back(self) -> None:
        if self.lesson is not None:
            self.lesson.back()

    def load_world(self, name: str, scenario: Any, policy: Any) -> bool:
        """Show ``scenario`` (preset ``name`` with changes) and the policy (a preset name or
        a file) in their panels, then set the world up as Setup does. False when the user
        kept unsaved policy edits."""
        from simulation.scenario import preset_names

        if not self._load_policy_text(policy):
            return False
        if name in preset_names():
            self.scenario_panel.load_preset(name)
        self.scenario_panel.show_scenario(scenario)
        compiled = self.policy_panel.current_policy()
        if compiled is None:
            return False
        self._start_world(self.scenario_panel.scenario(), compiled)
        return True

    def _load_policy_text(self, policy: Any) -> bool:
        if isinstance(policy, Path):
            if self.policy_panel.path == policy and not self.policy_panel.is_modified():
                return True
            return self.policy_panel.keep_or_save_edits() and self.policy_panel.open_path(policy)
        if self.policy_panel.preset_name == policy and not self.policy_panel.is_modified():
            return True
        return self.policy_panel.load_preset(str(policy))

    def apply_policy_file(self, policy: Any) -> bool:
        """Load a policy (preset name or file) into the editor and apply it, as Apply does."""
        if not self._load_policy_text(policy):
            return False
        self.policy_panel.apply()
        return True

    def set_parameter(self, key: str, value: Any) -> None:
        """Change a parameter as its slider would (or directly, without one)."""
        control = self.scenario_panel.controls.get(key)
        if control is not None:
            control.set_value(value, emit=True)
        else:
            self._live_param(key, value)

    def run_to(self, day: int) -> None:
        """Run until ``day`` days are done, then pause there."""
        if self.mode == "live":
            self.host.go_until(day)
        else:
            self._on_refused("no world")

    def highlight_charts(self, keys: list[str]) -> None:
        """Frame a lesson step's charts and bring them on screen: the Charts tab, scrolled
        to them."""
        if keys:
            self.tabs.setCurrentIndex(0)
        self.charts.highlight(keys)

    def highlight_feed(self, on: bool) -> None:
        self.feed.set_highlight(on)
        if on:
            self.feed_dock.show()
            self.feed_dock.raise_()

    def show_removed_post(self) -> None:
        """Bring a removed post into the feed (a lesson step about the feed asks the
        class to click one): the latest feed of a watched user, up to the cursor's day,
        with a removed offer in it (else any removed post), scrolled to it."""
        if self.mode == "live" and self.days_done > 0:
            self.host.find_removed_feed(self.charts.cursor_day)

    def _on_removed_feed(self, viewer: int, day: int) -> None:
        index = self.feed.viewer.findData(viewer)
        if viewer < 0 or index < 0:
            self.statusBar().showMessage(
                self.tr("No watched user saw a removed post in the last {0} days").format(
                    REMOVED_SEARCH_DAYS
                )
            )
            return
        self._removed_wanted = (viewer, day)
        self.charts.set_cursor(day)  # the cursor drives the feed's day
        self.feed.viewer.setCurrentIndex(index)

    def _on_feed_shown(self, viewer: int, day: int) -> None:
        if self._removed_wanted == (viewer, day):
            self._removed_wanted = None
            self.feed.show_first_removed()

    # ------------------------------------------------------------- event marks
    def add_mark(self, mark: Mark) -> None:
        """Draw one more mark (a lesson's step) beside the run's own."""
        self.step_marks.append(mark)
        self.marks.append(mark)
        self._draw_marks()

    def _live_marks(self) -> list[Mark]:
        """The live world's marks: what was scheduled when it was set up, and what was
        changed since (``run_marks``, as a stored run's are drawn), plus a lesson's steps."""
        if self.started is None:
            return list(self.step_marks)
        scenario, policy = self.started
        return run_marks(scenario, policy, self.history, version_label) + self.step_marks

    def _on_history(self, history: list[dict]) -> None:
        """The engine's history after a change: the marks are drawn again from it."""
        if self.mode != "live":
            return  # a change of the world being replaced, still in the queue
        self.history = list(history)
        self.marks = self._live_marks()
        self._draw_marks()

    def _draw_marks(self) -> None:
        rows = []
        for m in dict.fromkeys(self.marks):  # the same event from two sources: once
            detail = m.detail
            if m.kind == PARAMETER and " = " in detail:
                key, _, value = detail.partition(" = ")
                control = self.scenario_panel.controls.get(key)
                if control is not None:
                    detail = f"{t(PARAMS_CONTEXT, control.param.label)} = {value}"
            word = t("Marks", MARK_WORDS[m.kind])
            short = f"{word} {detail}" if m.kind in (ANNOUNCEMENT, STEP) else word
            rows.append((m.day, short, t("Marks", MARK_TIPS[m.kind]).format(m.day, detail)))
        self.charts.set_marks(rows)

    # ------------------------------------------------------------- help
    def _help(self) -> HelpDialog:
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        return self.help_dialog

    def show_chart_help(self, key: str) -> None:
        specs = {s.key: s for s in (self.charts.specs or self._default_specs())}
        self._help().show_html(self.tr("What am I looking at?"), chart_help_html(specs[key]))

    def show_assumptions(self) -> None:
        self._help().show_markdown(self.tr("Model assumptions"), assumptions_markdown(self.locale))

    def show_definitions(self) -> None:
        self._help().show_html(self.tr("Metric definitions"), definitions_html())

    # ------------------------------------------------------------- presentation
    def set_presentation(self, on: bool) -> None:
        """The charts and the feed fill the screen in large type; the other panels, the
        export buttons and the toolbar's text hide. Off: everything as it was."""
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            self._before_presenting = (self.saveState(LAYOUT_VERSION), self.isFullScreen())
            for dock in (self.scenario_dock, self.policy_dock, self.inspector_dock):
                dock.hide()
            self.feed_dock.show()
            # the feed's cards are drawn 1.35x: room for a whole card, beside the charts
            self.resizeDocks([self.feed_dock], [PRESENTATION_FEED_PX], Qt.Orientation.Horizontal)
            self.tabs.setCurrentIndex(0)
            self.showFullScreen()
        else:
            state, full = self._before_presenting or (None, False)
            if state is not None:
                self.restoreState(state, LAYOUT_VERSION)
            if not full:
                self.showNormal()
        self.tabs.tabBar().setVisible(not on)
        for b in (self.export_png_btn, self.export_svg_btn, self.export_csv_btn):
            b.setVisible(not on)
        self.charts.set_scale(presentation_scale(self.screen().size().height()) if on else 1.0)
        self.feed.set_scale(1.35 if on else 1.0)
        self.banner.set_presenting(on)
        self.setProperty("presenting", "true" if on else "false")
        for w in (
            self.day_label,
            self.day_box,
            self.controls,
            *self.controls.findChildren(QWidget),
        ):
            w.style().unpolish(w)
            w.style().polish(w)
        self.present_action.blockSignals(True)
        self.present_action.setChecked(on)
        self.present_action.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The presentation view's type follows the height it has (see
        ``app.charts.presentation_scale``)."""
        super().resizeEvent(event)
        if self.presenting:
            self.charts.set_scale(presentation_scale(self.height()))

    # ------------------------------------------------------------- layout
    def set_layout_locked(self, locked: bool) -> None:
        """Locked: panels can be shown and hidden, not dragged away or floated."""
        features = QDockWidget.DockWidgetFeature.DockWidgetClosable
        if not locked:
            features |= (
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
        for dock in self.docks:
            dock.setFeatures(features)
        self.controls.setMovable(not locked)

    def reset_layout(self) -> None:
        """Every panel back where it starts, shown and docked."""
        for dock in self.docks:
            dock.setFloating(False)
            dock.show()
        self.restoreState(self.default_layout, LAYOUT_VERSION)
        self._fit_docks()
        self.policy_panel.refit()  # the policy panel's own splitter too
        self.scenario_dock.raise_()
        self.statusBar().showMessage(self.tr("Layout reset"))

    def _fit_docks(self) -> None:
        """The docks' starting sizes for the window's size: the scenario and policy
        panels five sixteenths of the width (between 360 and 440 px: their sliders and
        buttons need it), the feed a quarter (between 300 and 420 px) and three fifths of
        the right side's height. Fixed sizes asked for before the window had its size
        left the feed a strip of one card at 1280×720."""
        width, height = self.width(), self.height()
        left = max(360, min(440, width * 5 // 16))
        right = max(300, min(420, width // 4))
        horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
        self.resizeDocks([self.scenario_dock, self.feed_dock], [left, right], horizontal)
        self.resizeDocks(
            [self.feed_dock, self.inspector_dock], [height * 3 // 5, height * 2 // 5], vertical
        )

    # ------------------------------------------------------------- run control
    def clear_run_views(self) -> None:
        """Every view forgets the run it showed (Setup, Reset, opening a stored run)."""
        self.feed_timer.stop()
        self.hits_timer.stop()
        self._removed_wanted = None
        self.records = []
        self.days_done = 0
        for view in self.run_views:
            view.clear_run()
        self.controls.set_day(None, 0)
        self._show_day_range(None)

    def setup(self) -> None:
        """Build a new world from the scenario and the policy in the editor."""
        policy = self.policy_panel.current_policy()
        if policy is None:
            self.policy_dock.show()
            self.policy_dock.raise_()
            self.policy_panel.show_first_issue()
            self.statusBar().showMessage(
                self.tr(
                    "Not set up: the policy in the editor has {0} problem(s); fix it first"
                ).format(len(self.policy_panel.editor.issues))
            )
            return
        self._start_world(self.scenario_panel.scenario(), policy)

    def reset(self) -> None:
        """Back to day 0 with the same scenario (live changes kept) and policy."""
        if self.last_setup is not None:
            self._start_world(*self.last_setup)

    def _start_world(self, scenario: Any, policy: Any) -> None:
        self.host.pause()
        self.mode, self.info, self.stored = "idle", None, None
        self.last_setup = (scenario, policy)
        self.policy_in_force = policy
        self.clear_run_views()
        # what is scheduled: the scenario's events, the policy's announcements and start
        self.started, self.history, self.step_marks = (scenario, policy), [], []
        self.marks = self._live_marks()
        self._draw_marks()
        self.controls.set_state(RunState.SETTING_UP)
        self.statusBar().showMessage(self.tr("Setting up…"))
        self.host.setup(scenario, policy)

    def go(self) -> None:
        if self.mode == "live":
            self.host.go()
        else:
            self._on_refused("no world")

    def pause(self) -> None:
        self.host.pause()

    def step(self) -> None:
        if self.mode == "live":
            self.host.step()
        else:
            self._on_refused("no world")

    def _go_toggled(self, on: bool) -> None:
        (self.go if on else self.pause)()

    def apply_policy(self, policy: Any) -> None:
        self.policy_in_force = policy
        if self.mode == "live":
            self.host.set_policy(policy)
        else:
            self.policy_panel.set_in_force(
                self.tr("Will be used at the next setup: {0}").format(policy_label(policy))
            )

    def _policy_validity(self, ok: bool) -> None:
        policy = self.policy_panel.editor.policy
        self.compare.set_editor_label(policy_label(policy) if ok and policy is not None else "")

    def _live_param(self, key: str, value: Any) -> None:
        if self.mode == "live":
            self.host.set_param(key, value)
            if self.last_setup is not None:  # reset keeps what the user set
                with contextlib.suppress(Exception):
                    self.last_setup = (
                        self.last_setup[0].with_changes({key: value}),
                        self.last_setup[1],
                    )
        else:
            self.statusBar().showMessage(
                self.tr("{0}: used at the next setup").format(
                    self.scenario_panel.describe(key, value)
                )
            )

    # ------------------------------------------------------------- worker replies
    def _on_ready(self, info: SetupInfo) -> None:
        self.mode, self.info, self.stored = "live", info, None
        self.records = []
        self.days_done = 0
        specs = chart_specs(info.categories, category_labels(self.locale))
        if specs != self.charts.specs:  # building six plots takes ~0.1 s: only when needed
            self.charts.build(specs)
        self.charts.clear_run()
        self._draw_marks()
        self.compare.set_specs(chart_specs(info.categories, category_labels(self.locale)))
        self.feed.set_viewers(info.watched)
        self.feed.set_day(0)
        self.account_inspector.rule_names = info.rule_names
        self.controls.set_state(RunState.READY)
        self.controls.set_day(0, info.days)
        self.policy_panel.set_in_force(self.in_force_text(0))
        self.statusBar().showMessage(
            self.tr("Ready: seed {0}, {1} days").format(info.seed, info.days)
        )
        self.worldReady.emit()

    def _on_day(self, record: DayRecord) -> None:
        if self.mode != "live":
            return  # a day of the world being replaced, still in the queue
        self.records.append(record)
        self.days_done = record.day + 1
        self.charts.append(record.day, record.metrics)
        self._show_day_range(record.day)
        total = self.info.days if self.info else 0
        self.controls.set_day(self.days_done, total)
        if self.controls.state is RunState.READY:
            self.controls.set_state(RunState.PAUSED)  # a step: no longer at day 0
        if not self.running and self._days_left():  # a step: the status bar says so too
            self.statusBar().showMessage(self.tr("Paused after day {0}").format(record.day))
        if not self.hits_timer.isActive():
            self.hits_timer.start()
        if self.charts.follow and not self.feed_timer.isActive():
            self.feed_timer.start()

    def _show_day_range(self, last: int | None) -> None:
        """The day box spans the days run so far (0 when none)."""
        self.day_box.blockSignals(True)
        self.day_box.setRange(0, max(0, last or 0))
        self.day_box.setValue(self.charts.cursor_day if last is not None else 0)
        self.day_box.blockSignals(False)

    def _day_typed(self, day: int) -> None:
        self.charts.set_cursor(day)

    def _cursor_moved(self, day: int) -> None:
        self.day_box.blockSignals(True)
        self.day_box.setValue(day)
        self.day_box.blockSignals(False)

    def _stored_marks(self, stored: StoredRun) -> list[Mark]:
        """A stored run's marks, as the live run showed them: its scenario's events, its
        starting policy's schedule and what was changed while it ran (``run_marks`` of the
        stored scenario and policy texts and history). What cannot be read back (a text
        of another version) adds no marks."""
        run = stored.run
        return stored_marks(
            run.scenario_yaml,
            run.policy_text,
            stored.history.changes,
            version_label,
            f"<stored run {run.id}>",
        )

    def _days_left(self) -> bool:
        return self.info is not None and self.days_done < self.info.days

    def _catch_up(self) -> None:
        """Views refreshed on timers during a run show the last day once it stops (a day
        that arrived while a timer was pending would otherwise never be shown)."""
        self.feed_timer.stop()
        self.hits_timer.stop()
        self.charts.refresh()
        self._update_hits()
        if self.charts.follow:
            self.feed.set_day(self.charts.cursor_day)

    def _on_running(self, running: bool) -> None:
        self.running = running
        if self.mode != "live":
            return
        if not running:
            self._catch_up()
        if running:
            self.controls.set_state(RunState.RUNNING)
            self.statusBar().showMessage(self.tr("Running…"))
        elif self._days_left():
            self.controls.set_state(RunState.PAUSED if self.days_done else RunState.READY)
            if self.days_done:  # "Running…" must not stay up on a paused run
                self.statusBar().showMessage(
                    self.tr("Paused after day {0}").format(self.days_done - 1)
                )
        else:  # the last day is done: said as ``finished`` says it, whichever comes first
            self.controls.set_state(RunState.FINISHED)
            if self.info is not None:
                self._say_finished(self.days_done - 1)
        if not running:
            self.runStopped.emit()

    def _on_engine_starting(self) -> None:
        self.statusBar().showMessage(self.tr("Starting the engine process…"))

    def _on_engine_lost(self) -> None:
        """The engine process died with its world: only Setup makes sense now (the
        error itself comes with ``failed`` and stays in the status bar)."""
        self.mode, self.info, self.running = "idle", None, False
        self.controls.set_state(RunState.NONE)

    def _on_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("Error: ") + message)
        if self.controls.state is RunState.SETTING_UP:
            self.controls.set_state(RunState.NONE)

    def _on_refused(self, why: str) -> None:
        if why == "at end":
            text = self.tr("The run has reached its last day: Reset or Setup to run again")
        else:
            text = self.tr("No world yet: press Setup (Ctrl+R) first")
        if self.mode == "live":
            self._on_running(False)
        self.statusBar().showMessage(text)  # (after: the refusal is the last word)

    def _on_finished(self, last_day: int) -> None:
        self._catch_up()  # live redraws update half the charts a tick; show them all
        self.controls.set_state(RunState.FINISHED)
        self._say_finished(last_day)
        self.runStopped.emit()

    def _say_finished(self, last_day: int) -> None:
        total = self.info.days if self.info else last_day + 1
        self.statusBar().showMessage(
            self.tr("Run finished: {0} of {1} days simulated").format(last_day + 1, total)
        )

    def _on_policy_applied(self, day: int, rule_names: tuple[str, ...]) -> None:
        self.account_inspector.rule_names = rule_names
        # its marks are drawn from the engine's history (historyChanged, which follows)
        self.policy_panel.set_in_force(self.in_force_text(day))
        self.statusBar().showMessage(self.tr("Policy applied from day {0}").format(day))

    def in_force_text(self, loaded: int) -> str:
        """The policy panel's "In force" line for the policy loaded on day ``loaded``:
        with the day it starts acting when that is later (its first announcement or the
        first day of its rules: ``start_day`` or schedule), as the charts' marks show it."""
        policy = self.policy_in_force
        label = policy_label(policy) if policy is not None else "?"
        acts = first_action(policy, loaded) if policy is not None else None
        if acts is not None and acts > loaded:
            return self.tr("In force: {0} (loaded day {1}; acts from day {2})").format(
                label, loaded, acts
            )
        return self.tr("In force: {0} (from day {1})").format(label, loaded)

    def _on_param_applied(self, key: str, value: Any, day: int) -> None:
        # its mark is drawn from the engine's history (historyChanged, which follows)
        self.statusBar().showMessage(
            self.tr("{0} from day {1}").format(self.scenario_panel.describe(key, value), day)
        )

    def _on_saved(self, result: tuple[int | None, str | None]) -> None:
        run_id, out = result
        self.runs.refresh()
        self.statusBar().showMessage(
            self.tr("Saved as run #{0}; report in {1}").format(run_id, out)
        )

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
        self.inspector_tabs.setCurrentWidget(self.rule_page)
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def _feed_requested(self, viewer: int, day: int) -> None:
        if self.mode == "live" and self.days_done > 0:
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
            except KeyError as exc:  # not stored with the run
                self.statusBar().showMessage(error_text(exc))

    def _show_account(self, info: dict) -> None:
        self.account_inspector.show_account(info, category_labels(self.locale))
        self.inspector_tabs.setCurrentWidget(self.account_page)
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def open_stored(self, stored: StoredRun) -> None:
        """Show a run from the database: charts, feed, inspectors; nothing is re-run."""
        self.host.pause()
        self.clear_run_views()
        self.mode, self.stored, self.info = "stored", stored, None
        self.controls.set_state(RunState.STORED)
        self.charts.build(chart_specs(stored.categories, category_labels(self.locale)))
        self.charts.set_frame(stored.metrics)
        self.started, self.history, self.step_marks = None, list(stored.history.changes), []
        self.marks = self._stored_marks(stored)
        self._draw_marks()
        self._show_day_range(self.charts.last_day())
        self.account_inspector.rule_names = stored.rule_names
        self.feed.set_viewers(stored.watched)
        self.feed.day = -1
        self.feed.set_day(self.charts.cursor_day)
        self._update_hits()
        run = stored.run
        self.days_done = run.days_done
        self.controls.set_day(run.days_done, run.days_requested)
        self.policy_panel.set_in_force(self.tr("Stored run #{0}: {1}").format(run.id, run.name))
        self.tabs.setCurrentIndex(0)
        # a run not complete with some days stored: said where the opening is said
        opened = self.tr("Opened stored run #{0} ({1})").format(run.id, run.name)
        notice = stored.notice_message
        self.statusBar().showMessage(f"{opened} {translate(notice)}" if notice else opened)

    # ------------------------------------------------------------- export, save
    def _has_days(self) -> bool:
        if self.mode == "stored":
            return self.stored is not None
        if self.mode == "live" and self.days_done > 0:
            return True
        self.statusBar().showMessage(self.tr("Nothing to export yet: run at least one day"))
        return False

    def export_charts(self, fmt: str, *, path: str | None = None) -> str | None:
        """Write the charts as ``fmt`` (png or svg), a file each beside the name chosen
        (``ChartPanel.export``); asks where unless ``path`` is given. Returns the name
        chosen (None: cancelled)."""
        if path is None:
            if not self._has_days():
                return None
            path = dialogs.choose_save_path(
                self,
                self.settings,
                "export",
                self.tr("Export charts"),
                [self.tr("{0} images (*.{1})").format(fmt.upper(), fmt)],
                f".{fmt}",
                f"circlelab-charts.{fmt}",
            )
        if path:
            chosen = Path(path)
            # a file a chart, beside the name chosen: the save dialog asked about that
            # name only, so files of these names that are there already are asked about
            there = [f for f in self.charts.export_paths(chosen) if f.exists()]
            if there and not dialogs.ask_replace(self, there):
                self.statusBar().showMessage(self.tr("Export cancelled: nothing written"))
                return None
            try:
                written = self.charts.export(path)
            except OSError as exc:  # a folder gone, a disk full, no right to write there
                self.statusBar().showMessage(self.tr("Error: ") + error_text(exc))
                return None
            files = chosen.with_name(f"{chosen.stem}-*{chosen.suffix}")
            self.statusBar().showMessage(
                self.tr("{0} charts written to {1}").format(len(written), files)
            )
        return path or None

    def export_csv(self, *, path: str | None = None) -> str | None:
        """Write the daily metrics as CSV; asks where unless ``path`` is given."""
        if path is None:
            if not self._has_days():
                return None
            path = dialogs.choose_save_path(
                self,
                self.settings,
                "export",
                self.tr("Export metrics as CSV"),
                [self.tr("CSV files (*.csv)")],
                ".csv",
                "circlelab-metrics.csv",
            )
        if path:
            try:
                self.metrics_frame().to_csv(path, index=False)
            except OSError as exc:  # a folder gone, a disk full, no right to write there
                self.statusBar().showMessage(self.tr("Error: ") + error_text(exc))
                return None
            self.statusBar().showMessage(self.tr("Daily metrics written to {0}").format(path))
        return path or None

    def report_name(self) -> str:
        """A folder name for this run's report: scenario, policy version and days."""
        if self.mode == "stored" and self.stored is not None:
            run = self.stored.run
            return safe_name(f"circlelab-run-{run.id}-{run.scenario_name}-{run.policy_name}")
        scenario = self.last_setup[0].name if self.last_setup else "run"
        versions = self.policy_history().name(version_label)
        version = versions.replace(" · ", "-").replace(" → ", "-then-")
        return safe_name(f"circlelab-{scenario}-{version}-day{self.days_done}")

    def policy_history(self) -> RunHistory:
        """The live world's policy and what was changed while it ran (its policy's name
        for a run and its report names every policy put in force, not the last one)."""
        start = self.started[1] if self.started is not None else self.policy_in_force
        return RunHistory(
            str(getattr(start, "name", "")),
            str(getattr(start, "source", "")),
            tuple(self.history),
            self.days_done,
        )

    def save_run(self, *, folder: str | None = None) -> Path | None:
        """Store the live run in the Runs database and write its report into a new
        sub-folder of ``folder`` (asked for when not given); a stored run gets its
        report only. Returns the report folder it will write."""
        if not self._has_days():
            return None
        if folder is None:
            folder = dialogs.choose_folder(
                self, self.settings, "reports", self.tr("Folder for the run's report")
            )
            if not folder:
                return None
        out = new_folder(Path(folder), self.report_name())
        if self.mode == "stored" and self.stored is not None:
            from simulation.runs.outputs import export_stored_run
            from simulation.runs.urls import DatabaseError

            try:
                export_stored_run(self.stored.engine, self.stored.run_id, out, locale=self.locale)
            except (DatabaseError, LookupError, OSError) as exc:  # gone, locked, unwritable
                self.statusBar().showMessage(self.tr("Error: ") + error_text(exc))
                return None
            self.statusBar().showMessage(self.tr("Report written to {0}").format(out))
            return out
        scenario = self.last_setup[0].name if self.last_setup else ""
        name = f"{scenario} × {self.policy_history().name(version_label)}"
        self.statusBar().showMessage(self.tr("Saving the run…"))
        # the report in the window's language
        self.host.save(self.runs.db or default_db_url(), str(out), name, self.locale)
        return out

    # ------------------------------------------------------------- theme, locale, close
    def set_theme(self, name: str) -> None:
        self.theme_name = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, name)
        dark = name == "dark"
        theme.retint(self)
        for i, icon in enumerate(self._tab_icons):
            self.tabs.setTabIcon(i, theme.icon(icon))
        self.charts.set_dark(dark)
        self.compare.charts.set_dark(dark)
        self.rule_inspector.set_dark(dark)
        self.policy_panel.editor.highlighter.set_dark(dark)
        if not self.policy_panel.editor.checking():  # a pending check marks them anyway
            self.policy_panel.editor.validate()  # error marks in the theme's red
        self.feed.view.viewport().update()

    def choose_locale(self, code: str) -> None:
        """The interface language from the next start (saved now, and again at close)."""
        self.chosen_locale = code
        for c, act in self.locale_actions.items():
            act.setChecked(c == code)
        self.settings.setValue("locale", code)
        self.settings.sync()
        if code == self.locale:
            self.statusBar().showMessage(self.tr("The language stays as it is"))
        else:
            self.statusBar().showMessage(
                self.tr("The language changes to {0} at the next start").format(dict(LOCALES)[code])
            )

    def event(self, event: QEvent) -> bool:
        # Hovering a toolbar button or menu entry without a status tip sends an empty
        # one, which wiped the last message (an engine error, "Run finished"): keep it.
        if isinstance(event, QStatusTipEvent) and not event.tip():
            return True
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.policy_panel.keep_or_save_edits():
            event.ignore()
            return
        self.save_settings()
        self.host.shutdown()
        self.compare.shutdown()
        super().closeEvent(event)
