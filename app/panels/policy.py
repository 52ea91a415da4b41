"""Policy panel: preset picker, the open file, rules table with hits so far, YAML editor,
issues list.

The editor's text may be broken at any time; the policy in force changes only when the
user applies a text that compiled (``applyRequested``), so a typo never stops a run.
Applying a broken text (the button, or Ctrl+Enter in the editor) says why it cannot.

The panel knows which file is open (a preset, or the user's own file), whether the
text has unsaved edits (``titleChanged`` carries "name" and the main window shows it
with a modified mark), and asks before anything would throw edits away: loading a
preset, opening a file, closing the window.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QRect, QSettings, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from app import dialogs, wiring
from app.assets import policies_dir, policy_presets
from app.corpus_panel import CorpusPanel
from app.counts import bind_count
from app.elided import ElidedLabel
from app.policy_editor import PolicyEditor
from app.problems import problem_text
from app.versions import policy_label

BUTTON_PAD_PX = 14  # a text button's margins and frame, both sides together
# lines of the policy the editor keeps whenever the panel has room for them: the other
# parts of the splitter give way first (at 1280×720 the editor showed six to nine lines)
EDITOR_MIN_LINES = 12


def condition_text(when: Any) -> str:
    """A one-line rendering of a rule's ``when`` (as written in the YAML)."""
    if when is None:
        return "always"
    if isinstance(when, dict | list):
        return json.dumps(when, ensure_ascii=False).replace('"', "")
    return str(when)


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary sibling, so a failed write never
    leaves half a file where the user's policy was."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FitSplitter(QSplitter):
    """A splitter that calls ``on_resize`` after each change of its size (a resize
    handler, not an event filter: PySide6 6.12's filters corrupt references)."""

    def __init__(self, orientation: Qt.Orientation, on_resize: Callable[[], None]) -> None:
        super().__init__(orientation)
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resize()


class PolicyPanel(QWidget):
    applyRequested = Signal(object)  # CompiledPolicy
    applyRefused = Signal(str)  # why the text cannot be applied
    ruleActivated = Signal(str)  # rule name
    validityChanged = Signal(bool)
    titleChanged = Signal(str)  # the open file's name (the modified mark is separate)
    saved = Signal(str)  # path written

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings: QSettings | None = None  # where dialogs remember their folders
        self.hits: dict[str, int] = {}
        self.path: Path | None = None  # the user's file being edited (None: a preset)
        self.preset_name: str | None = None
        self.preset = QComboBox()
        self.preset.setObjectName("policyPreset")
        self.preset.addItems(policy_presets())
        self.preset.setToolTip(self.tr("Load a preset policy into the editor (undoable)"))
        self.preset.activated.connect(lambda _i: self._preset_chosen())
        self.file_label = ElidedLabel()  # a path: it must not widen the panel
        self.file_label.setObjectName("policyFile")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.apply_btn = QPushButton(self.tr("Apply"))
        self.apply_btn.setObjectName("applyPolicy")
        self.apply_btn.setToolTip(
            self.tr("Put this policy in force from the next day (Ctrl+Enter)")
        )
        wiring.on_click(self.apply_btn, self.apply)
        # Ctrl+Enter works with a broken text too: it then says why it cannot apply
        self.apply_action = wiring.action(
            self, self.tr("Apply policy"), self.apply, shortcuts=("Ctrl+Return", "Ctrl+Enter")
        )
        self.apply_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.apply_action)
        self.open_btn = QPushButton(self.tr("Open…"))
        self.open_btn.setObjectName("openPolicy")
        wiring.on_click(self.open_btn, self.open_file)
        self.save_btn = QPushButton(self.tr("Save"))
        self.save_btn.setObjectName("savePolicy")
        self.save_btn.setToolTip(
            self.tr("Save to the open file; a preset or a new text asks where (Ctrl+S)")
        )
        wiring.on_click(self.save_btn, self.save)
        self.undo_btn = QPushButton(self.tr("Undo"))
        self.redo_btn = QPushButton(self.tr("Redo"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Preset:")))
        top.addWidget(self.preset, 1)
        buttons = QHBoxLayout()  # a second row keeps the dock narrow enough for 1280 px
        for b in (self.open_btn, self.save_btn, self.undo_btn, self.redo_btn, self.apply_btn):
            # the style's 80 px minimum per text button made the row (and the left dock)
            # 384 px wide; a button may shrink to its text when the window is narrow
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + BUTTON_PAD_PX)
            buttons.addWidget(b)

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # policy names are user text
        self.status.setObjectName("policyStatus")
        self.status.setWordWrap(True)
        # one line, cut in the middle when narrow (the whole of it in its tooltip): wrapped,
        # it took three of the editor's lines at 1280×720
        self.in_force = ElidedLabel()
        self.in_force.setObjectName("policyInForce")
        self.in_force.hide()  # until a world runs a policy (set_in_force)

        self.rules = QTableWidget(0, 5)
        self.rules.setObjectName("policyRules")
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
        wiring.on_click(self.undo_btn, self.editor.undo)
        wiring.on_click(self.redo_btn, self.editor.redo)
        self.editor.undoAvailable.connect(self.undo_btn.setEnabled)
        self.editor.redoAvailable.connect(self.redo_btn.setEnabled)
        self.editor.document().modificationChanged.connect(lambda _m: self._emit_title())
        self.undo_btn.setEnabled(False)
        self.redo_btn.setEnabled(False)
        self.issues = QListWidget()
        self.issues.setObjectName("policyIssues")
        self.issues.setMinimumHeight(36)  # two lines: at 720 px the corpus status needs room
        # a problem's message is wrapped to the panel's width, never cut at its right edge
        # (what a field may be comes last: "Input should be 'allow', …, 'restrict' or 'ban'")
        self.issues.setWordWrap(True)
        self.issues.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.issues.setResizeMode(QListWidget.ResizeMode.Adjust)
        # scrolled by pixels: a warning taller than the list can still be read whole
        self.issues.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.issues.itemActivated.connect(self._issue_clicked)
        self.issues.itemClicked.connect(self._issue_clicked)
        # the status line counts the list it stands above (one source: the list's model)
        self.issue_count = bind_count(self.status, self.issues.model(), self._status_text)

        # replay the policy over real labelled messages after each valid edit
        self.corpus_panel = CorpusPanel()
        self.corpus_panel.setObjectName("corpusPanel")

        # fitted again whenever its height changes: also when the lines above it change
        # (the status's second line, the 'in force' line when a world starts), which the
        # panel's own size does not show
        split = FitSplitter(Qt.Orientation.Vertical, self._fit_split)
        split.addWidget(self.rules)
        split.addWidget(self.editor)
        split.addWidget(self.issues)
        split.addWidget(self.corpus_panel)
        split.setStretchFactor(1, 3)
        split.setCollapsible(1, False)
        self.split = split
        self._split_moved = False  # once the person drags a handle, their sizes stay
        split.splitterMoved.connect(self._on_split_moved)
        self.corpus_panel.evaluated.connect(self._fit_split)
        self.corpus_panel.statusShown.connect(self._fit_split)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.in_force)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------- layout
    def _on_split_moved(self, _pos: int, _index: int) -> None:
        self._split_moved = True

    def refit(self) -> None:
        """Forget where the person dragged the splitter's handles and fit it again."""
        self._split_moved = False
        self._fit_split()

    def _fit_split(self) -> None:
        """The editor gets what the rule table (its rules, a fifth at most), the problem
        list and the corpus panel (its inputs and every line of its status, plus a quarter
        for its results once it has some) leave: at 1280×720 fixed sizes left it four
        lines.

        The problem list: an eighth when empty or short, else as tall as its errors need,
        wrapped (a third at most: an error cut after two lines hid what the field may be,
        "…, 'restrict' or 'ban', got 'remvoe'"); warnings alone, which leave the policy
        valid, as tall as the tallest of them, a fifth at most: they scroll, counted on
        the status line (a preset's twenty took a third and left the editor seven lines
        at 1280×720). The corpus status is whole first: the list gives way to it, down to
        its minimum, but not to the corpus results.

        The editor keeps ``EDITOR_MIN_LINES`` when the panel holds them (at 1280×720 an
        error's three lines and a running world's 'in force' line left it six to nine),
        and a cursor it showed stays shown when the list's change makes it shorter (the
        line being typed slid under the growing list)."""
        if self._split_moved:
            return
        # (the handles between the parts take their height from the splitter's)
        total = self.split.height() - self.split.handleWidth() * (self.split.count() - 1)
        if total <= 0:
            return
        status = self.corpus_panel.needed_height(self.split.width())
        corpus = status
        if self.corpus_panel.evaluation is not None:
            corpus = max(corpus, total // 4)
        rules = min(self._rules_needed(), 110, total // 5)
        errors = self._error_count()
        if errors:
            wanted, cap = self._issues_needed(range(errors), sum), total // 3
        else:
            wanted, cap = self._issues_needed(range(self.issues.count()), max), total // 5
        issues = max(min(70, total // 8), min(wanted, cap))
        room = total - rules - status - self.editor.minimumSizeHint().height()
        issues = max(self.issues.minimumHeight(), min(issues, room))
        # the editor's EDITOR_MIN_LINES: the corpus results give way first (down to the
        # corpus status), then the rule table (down to its header and one rule), then
        # the problem list (down to its minimum); each scrolls
        short = self.editor_height(EDITOR_MIN_LINES) - (total - rules - issues - corpus)
        sizes = {"corpus": corpus, "rules": rules, "issues": issues}
        floors = {
            "corpus": status,
            "rules": min(rules, self._rules_floor()),
            "issues": min(issues, self.issues.minimumHeight()),
        }
        for name in ("corpus", "rules", "issues"):
            give = max(0, min(short, sizes[name] - floors[name]))
            sizes[name] -= give
            short -= give
        corpus, rules, issues = sizes["corpus"], sizes["rules"], sizes["issues"]
        editor = max(total - rules - issues - corpus, 0)
        cursor_shown = self._cursor_shown()
        self.split.blockSignals(True)
        self.split.setSizes([rules, editor, issues, corpus])
        self.split.blockSignals(False)
        if cursor_shown:  # the line being edited stays on screen when the editor shrinks
            self.editor.ensureCursorVisible()

    def editor_height(self, lines: int) -> int:
        """Pixels the editor needs to show ``lines`` lines of the policy (its frame,
        the document's margins and the horizontal scroll bar included)."""
        editor = self.editor
        margin = round(editor.document().documentMargin())
        return (
            lines * editor.fontMetrics().lineSpacing()
            + 2 * margin
            + 2 * editor.frameWidth()
            + editor.horizontalScrollBar().sizeHint().height()
        )

    def _rules_floor(self) -> int:
        """Pixels of the rule table's header and first rule (the rest scroll), or the
        table's own least height if more (the splitter keeps to it)."""
        table = self.rules
        row = table.rowHeight(0) if table.rowCount() else 0
        floor = table.horizontalHeader().height() + row + 2 * table.frameWidth()
        return max(floor, table.minimumSizeHint().height())

    def _cursor_shown(self) -> bool:
        """The editor's cursor is on screen (then a change of the editor's height keeps
        it there; a person who scrolled away from it is left where they are)."""
        editor = self.editor
        return editor.isVisible() and editor.viewport().rect().intersects(editor.cursorRect())

    def _rules_needed(self) -> int:
        """Pixels the rule table needs to show its header and every rule (a one-rule
        policy left a blank under its row that the editor lacked)."""
        table = self.rules
        bar = table.horizontalScrollBar()
        return (
            table.horizontalHeader().height()
            + sum(table.rowHeight(r) for r in range(table.rowCount()))
            + (bar.sizeHint().height() if bar.isVisible() else 0)
            + 2 * table.frameWidth()
        )

    def _error_count(self) -> int:
        """Errors in the problem list (they come first; then warnings)."""
        return min(len(self.editor.issues), self.issues.count())  # as the list was filled

    def _issues_needed(self, rows: range, combine: Callable[[list[int]], int]) -> int:
        """Pixels the problem list needs to show its ``rows`` whole at its width, each
        row's height combined by ``combine`` (``sum``: all of them at once; ``max``: the
        tallest, one at a time)."""
        if not len(rows):
            return 0
        width = max(1, (self.issues.viewport().width() or self.split.width()) - 8)
        metrics = self.issues.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        heights = [
            metrics.boundingRect(
                QRect(0, 0, width, 1 << 20), flags, self.issues.item(i).text()
            ).height()
            + 4
            for i in rows
        ]
        return combine(heights) + 2 * self.issues.frameWidth() + 4

    # ------------------------------------------------------------- the open file
    def display_name(self) -> str:
        """What is open: the file's name, or "preset NAME", or "new policy"."""
        if self.path is not None:
            return self.path.name
        if self.preset_name is not None:
            return self.tr("preset {0}").format(self.preset_name)
        return self.tr("new policy")

    def is_modified(self) -> bool:
        return self.editor.document().isModified()

    def _emit_title(self) -> None:
        mark = " •" if self.is_modified() else ""
        where = str(self.path) if self.path is not None else self.display_name()
        self.file_label.setText(self.tr("Editing: {0}{1}").format(where, mark), where)
        self.file_label.setToolTip(where)
        self.titleChanged.emit(self.display_name())

    def _set_text(
        self,
        text: str,
        source: str,
        path: Path | None,
        preset: str | None,
        check_now: bool = True,
    ) -> None:
        self.path, self.preset_name = path, preset
        self.editor.set_source(text, source, check_now)
        if not check_now:
            self.status.setText(self.tr("Checking the policy…"))
            self.status.setProperty("state", "checking")  # Apply checks it on the spot
        self.editor.document().setModified(False)
        self._emit_title()

    def keep_or_save_edits(self) -> bool:
        """Before the text is replaced or the window closes: True when it may go ahead
        (nothing unsaved, saved now, or the user chose to discard)."""
        if not self.is_modified():
            return True
        answer = dialogs.ask_unsaved(self, self.display_name())
        if answer is dialogs.Unsaved.SAVE:
            return self.save()
        return answer is dialogs.Unsaved.DISCARD

    def _preset_chosen(self) -> None:
        name = self.preset.currentText()
        if name != self.preset_name or self.path is not None or self.is_modified():
            self.load_preset(name)

    def load_preset(self, name: str, ask: bool = True, check_now: bool = True) -> bool:
        """Load a preset (after asking about unsaved edits); False if the user cancelled.
        ``check_now=False``: compile it a moment later (see ``PolicyEditor.set_source``)."""
        if ask and not self.keep_or_save_edits():
            self._show_preset_in_combo()
            return False
        path = policies_dir() / f"{name}.yaml"
        self._set_text(path.read_text("utf-8"), str(path), None, name, check_now)
        self._show_preset_in_combo()
        return True

    def _show_preset_in_combo(self) -> None:
        idx = self.preset.findText(self.preset_name or "")
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(idx)  # -1 (blank) for a user's file
        self.preset.blockSignals(False)

    def open_file(self) -> bool:
        """Ask for a policy file and open it (after asking about unsaved edits)."""
        if not self.keep_or_save_edits():
            return False
        chosen = dialogs.choose_open_policy(self, self.settings)
        if not chosen:
            return False
        return self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.applyRefused.emit(self.tr("Cannot read {0}: {1}").format(path, exc))
            return False
        self._set_text(text, str(path), path, None)
        self._show_preset_in_combo()
        return True

    def save(self) -> bool:
        """Save to the open file; a preset or a new text asks where (Save as)."""
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        # a preset's copy is suggested under a new name: never the preset's own
        suggested = self.path.name if self.path else f"{self.preset_name or 'policy'}-edited.yaml"
        chosen = dialogs.choose_save_path(
            self,
            self.settings,
            "policy",
            self.tr("Save policy"),
            [self.tr("YAML policies (*.yaml *.yml)")],
            ".yaml",
            suggested,
        )
        if not chosen:
            return False
        return self._write(Path(chosen))

    def _write(self, path: Path) -> bool:
        if path.resolve().parent == policies_dir().resolve():
            self.applyRefused.emit(
                self.tr("The presets belong to the app; save your policy in another folder")
            )
            return False
        try:
            write_text_atomically(path, self.editor.toPlainText())
        except OSError as exc:
            self.applyRefused.emit(self.tr("Cannot write {0}: {1}").format(path, exc))
            return False
        self.path, self.preset_name = path, None
        self.editor.source_name = str(path)
        self.editor.document().setModified(False)
        self._show_preset_in_combo()
        self._emit_title()
        self.saved.emit(str(path))
        return True

    # ------------------------------------------------------------- policy
    def current_policy(self) -> Any:
        """The policy the text compiles to now, or None when it is broken."""
        return self.editor.validate()

    def apply(self) -> None:
        """Put the text in force, or say why it cannot be (``applyRefused``)."""
        policy = self.editor.validate()
        if policy is not None:
            self.applyRequested.emit(policy)
            return
        self.show_first_issue()
        self.applyRefused.emit(
            self.tr(
                "Cannot apply: the policy has {0} problem(s); the policy in force is unchanged"
            ).format(len(self.editor.issues))
        )

    def show_first_issue(self) -> None:
        """Select the first issue and put the editor's cursor on its line."""
        if self.issues.count():
            self.issues.setCurrentRow(0)
            self._issue_clicked(self.issues.item(0))

    def clear_run(self) -> None:
        """A new world: no hits yet."""
        self.set_hits({})
        self.set_in_force("")

    # ------------------------------------------------------------- display
    def _status_text(self, listed: int) -> str:
        """The verdict above the list: its rows are the problems of a broken text, or
        the warnings of a valid one."""
        policy = self.editor.policy
        if policy is None:
            return self.tr("✗ {0} problem(s) — the policy in force is unchanged").format(listed)
        n = len(policy.rule_names)
        rules = self.tr("1 rule") if n == 1 else self.tr("{0} rules").format(n)
        valid = self.tr("✓ Valid: {0} ({1})").format(policy_label(policy), rules)
        if not listed:
            return valid
        return self.tr("{0} — ⚠ {1} warning(s) below: it can be applied").format(valid, listed)

    def _on_validated(self, _ok: bool) -> None:
        policy, issues = self.editor.policy, self.editor.issues
        warnings = self.editor.warnings if policy is not None else []
        self.issues.clear()
        for mark, issue in [("✗", i) for i in issues] + [("⚠", w) for w in warnings]:
            where = self.tr("line {0}").format(issue.line) if issue.line else ""
            field = f" {issue.field}:" if issue.field else ""
            message = problem_text(issue)  # in the interface's language; user words as written
            item = QListWidgetItem(f"{mark} {where}{field} {message}")
            item.setData(Qt.ItemDataRole.UserRole, (issue.line, issue.column))
            item.setToolTip(message)
            self.issues.addItem(item)
        self.issue_count.update()  # the policy may have changed with the same count
        self._fit_split()  # room for the messages just listed
        if policy is not None:
            self.corpus_panel.set_policy(policy)
            self._fill_rules(policy)
        state = "error" if policy is None else "warning" if warnings else "ok"
        self.status.setProperty("state", state)
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
        """What is in force in the running world; hidden when there is none (an empty
        line took the room of two of the editor's)."""
        self.in_force.setText(text)
        self.in_force.setToolTip(text)
        self.in_force.setVisible(bool(text))

    def _rule_clicked(self, row: int, _col: int) -> None:
        item = self.rules.item(row, 0)
        if item is not None:
            self.ruleActivated.emit(item.text())

    def _issue_clicked(self, item: QListWidgetItem) -> None:
        line, column = item.data(Qt.ItemDataRole.UserRole)
        if line:
            self.editor.go_to_line(line, column)
