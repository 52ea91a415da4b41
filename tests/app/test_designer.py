"""The policy designer's workflow, driven through the real editor, buttons, menus and
dialogs: which file is open, unsaved edits, Save and Open, Tab, errors at the right
line, Setup with a broken text, versions in Compare and Runs, saving a run's report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QListView, QMessageBox

from app.dialogs import CASES_SUFFIX
from app.panels.run_controls import RunState
from app.versions import text_hash
from tests.app.conftest import (
    WAIT_MS,
    choose_from_menu,
    click,
    click_action,
    press_button,
    run_to_end,
    save_run_into,
    setup_run,
    type_file_name,
    when_dialog,
)

SMALL_POLICY = """name: tiny
rules:
  - name: no-spam
    when: {kind: spam}
    action: remove
"""


def _type_at_end(qtbot, editor, text: str) -> None:
    """Type ``text`` at the end of the editor (newlines and tabs as their keys)."""
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    keys = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}
    chunk = ""
    for ch in text:
        if ch in keys:
            if chunk:
                qtbot.keyClicks(editor, chunk)
            chunk = ""
            qtbot.keyClick(editor, keys[ch])
        else:
            chunk += ch
    if chunk:
        qtbot.keyClicks(editor, chunk)


def test_title_names_the_open_file_and_marks_unsaved_edits(qtbot, make_window):
    win = make_window(policy="crackdown")
    panel = win.policy_panel
    assert win.windowTitle().startswith("preset crackdown[*]")
    assert not win.isWindowModified()
    assert win.policy_dock.windowTitle() == "Policy: preset crackdown"
    _type_at_end(qtbot, panel.editor, "# note")
    assert win.isWindowModified()
    assert win.policy_dock.windowTitle() == "Policy: preset crackdown •"
    assert panel.file_label.text().endswith("•")
    click(qtbot, panel.undo_btn)  # back to the text as loaded: nothing unsaved
    qtbot.waitUntil(lambda: not win.isWindowModified(), timeout=WAIT_MS)


def test_save_adds_yaml_and_remembers_the_folder(qtbot, make_window, tmp_path):
    win = make_window()
    panel = win.policy_panel
    folder = tmp_path / "mine"
    folder.mkdir()
    win.settings.setValue("dirs/policy", str(folder))
    _type_at_end(qtbot, panel.editor, "# edited")
    seen = when_dialog(QFileDialog, type_file_name(qtbot, "my-policy"))
    click(qtbot, panel.save_btn)  # a preset: Save asks where
    assert seen and Path(seen[0].directory().absolutePath()) == folder, "starts in the folder"
    written = folder / "my-policy.yaml"
    assert written.read_text("utf-8").endswith("# edited")
    assert panel.path == written and not win.isWindowModified()
    assert win.windowTitle().startswith("my-policy.yaml[*]")
    # Save again (Ctrl+S from the File menu) writes the same file, no dialog
    _type_at_end(qtbot, panel.editor, " again")
    choose_from_menu(qtbot, win, "menuFile", "savePolicy")
    assert written.read_text("utf-8").endswith("# edited again")
    assert win.settings.value("dirs/policy") == str(folder)


def test_open_starts_in_the_last_folder_and_hides_case_files(qtbot, make_window, tmp_path):
    folder = tmp_path / "policies"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(SMALL_POLICY, encoding="utf-8")
    (folder / f"tiny{CASES_SUFFIX}").write_text("cases: []\n", encoding="utf-8")
    win = make_window()
    win.settings.setValue("dirs/policy", str(folder))
    listed: dict[str, list[str]] = {}

    def answer(dialog) -> None:
        assert Path(dialog.directory().absolutePath()) == folder
        view = dialog.findChild(QListView, "listView")

        def names() -> list[str]:
            model = view.model()
            root = view.rootIndex()
            return sorted(model.index(r, 0, root).data() for r in range(model.rowCount(root)))

        qtbot.waitUntil(lambda: "tiny.yaml" in names(), timeout=WAIT_MS)
        listed["policies"] = names()
        combo = dialog.findChild(QComboBox, "fileTypeCombo")
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Policy test cases"
        qtbot.waitUntil(lambda: f"tiny{CASES_SUFFIX}" in names(), timeout=WAIT_MS)
        listed["cases"] = names()
        qtbot.keyClick(combo, Qt.Key.Key_Up)
        type_file_name(qtbot, "tiny.yaml")(dialog)

    when_dialog(QFileDialog, answer)
    click(qtbot, win.policy_panel.open_btn)
    assert listed["policies"] == ["tiny.yaml"], "case files hidden"
    assert f"tiny{CASES_SUFFIX}" in listed["cases"], "…unless asked for"
    assert win.policy_panel.path == folder / "tiny.yaml"
    assert win.policy_panel.editor.toPlainText() == SMALL_POLICY
    assert win.windowTitle().startswith("tiny.yaml[*]")
    assert win.policy_panel.preset.currentIndex() == -1, "no preset claims to be open"


def test_unsaved_edits_prompt_before_close_preset_and_open(qtbot, make_window, tmp_path):
    win = make_window()
    panel = win.policy_panel
    _type_at_end(qtbot, panel.editor, "# keep me")
    # closing: Cancel keeps the window and the text
    seen = when_dialog(QMessageBox, press_button(QMessageBox.StandardButton.Cancel))
    win.close()
    assert seen and win.isVisible() and panel.editor.toPlainText().endswith("# keep me")
    # loading a preset from the picker: Cancel keeps the text, the picker shows what is open
    combo = panel.preset
    seen = when_dialog(QMessageBox, press_button(QMessageBox.StandardButton.Cancel))
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # a user's choice: emits activated
    assert seen and panel.editor.toPlainText().endswith("# keep me")
    assert combo.currentText() == "crackdown"
    # opening a file: Cancel, no file dialog
    seen = when_dialog(QMessageBox, press_button(QMessageBox.StandardButton.Cancel))
    click(qtbot, panel.open_btn)
    assert seen and panel.editor.toPlainText().endswith("# keep me")
    # closing: Save writes the file first, then the window closes
    win.settings.setValue("dirs/policy", str(tmp_path))
    when_dialog(QMessageBox, press_button(QMessageBox.StandardButton.Save))
    when_dialog(QFileDialog, type_file_name(qtbot, "kept"))
    win.close()
    assert (tmp_path / "kept.yaml").read_text("utf-8").endswith("# keep me")
    assert not win.isVisible()


def test_tab_inserts_spaces_and_shift_tab_takes_them_off(qtbot, make_window):
    win = make_window()
    editor = win.policy_panel.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.keyClicks(editor, "x")
    last = editor.toPlainText().splitlines()[-1]
    assert "\t" not in editor.toPlainText()
    assert last.startswith("  ") and last.strip() == "x"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.toPlainText().splitlines()[-1] == last[2:]


def test_a_missing_bracket_is_reported_on_its_own_line(qtbot, make_window):
    win = make_window(policy="crackdown")
    editor = win.policy_panel.editor
    lines = editor.toPlainText().splitlines()
    target = next(
        i for i, s in enumerate(lines) if s.strip().startswith("categories: [") and i > 25
    )
    block = editor.document().findBlockByNumber(target)
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the closing ]
    qtbot.waitUntil(lambda: bool(editor.issues), timeout=WAIT_MS)
    assert editor.issues[0].line == target + 1
    assert win.policy_panel.issues.item(0).text().startswith(f"✗ line {target + 1}")


def test_setup_with_a_broken_policy_refuses_and_says_why(qtbot, make_window):
    win = make_window(days=10)
    setup_run(qtbot, win)
    before = win.last_setup
    _type_at_end(qtbot, win.policy_panel.editor, "\nrules: [")
    qtbot.waitUntil(lambda: bool(win.policy_panel.editor.issues), timeout=WAIT_MS)
    click_action(qtbot, win, win.controls.setup)
    message = win.statusBar().currentMessage()
    assert message.startswith("Not set up: the policy in the editor has"), message
    assert win.last_setup is before, "no world built from the last valid policy"
    assert win.controls.state is RunState.READY


def test_versions_in_compare_tell_an_edited_copy_from_the_preset(qtbot, make_window):
    win = make_window(days=10)
    editor = win.policy_panel.editor
    preset_text = editor.toPlainText()
    _type_at_end(qtbot, editor, "\n# my edit")
    qtbot.waitUntil(
        lambda: editor.policy is not None and "my edit" in editor.policy.source, timeout=WAIT_MS
    )
    cmp = win.compare
    win.tabs.setCurrentWidget(cmp)
    cmp.policy_a.setCurrentIndex(cmp.policy_a.findData("__editor__"))
    cmp.policy_b.setCurrentIndex(cmp.policy_b.findData("crackdown"))
    cmp.days.setValue(3)
    assert text_hash(editor.toPlainText()) in cmp.policy_a.currentText()
    with qtbot.waitSignal(cmp.finished, timeout=WAIT_MS):
        click(qtbot, cmp.run_btn)
    a, b = cmp.labels
    name = editor.policy.name
    assert a == f"{name} · {text_hash(editor.toPlainText())}"
    assert b == f"{name} · {text_hash(preset_text)}"
    assert a != b
    assert a in cmp.legend.text() and b in cmp.legend.text()
    headers = [cmp.table.horizontalHeaderItem(i).text() for i in (1, 2)]
    assert headers == [f"A: {a}", f"B: {b}"]
    # a heading too long for its column ends in "…" (it lost both ends), whole in its tooltip
    assert [cmp.table.horizontalHeaderItem(i).toolTip() for i in (1, 2)] == headers
    assert cmp.table.horizontalHeader().textElideMode() == Qt.TextElideMode.ElideRight
    # one legend entry per series: nothing cut off by an (A)/(B) twin
    for spec in cmp.charts.specs:
        legend = cmp.charts.plots[spec.key].legend
        assert [label.text for _s, label in legend.items] == [s.label for s in spec.series]


def test_save_run_writes_its_report_and_lists_it_with_its_version(qtbot, make_window, tmp_path):
    win = make_window(days=8)
    setup_run(qtbot, win)
    run_to_end(qtbot, win)
    win.settings.setValue("dirs/reports", str(tmp_path))
    (tmp_path / "keep.txt").write_text("not ours", encoding="utf-8")

    save_run_into(qtbot, win, tmp_path)
    reports = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert len(reports) == 1
    report = reports[0]
    assert (report / "report.html").is_file() and (report / "daily_metrics.csv").is_file()
    assert len((report / "daily_metrics.csv").read_text().splitlines()) == 1 + 8
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "not ours"
    version = text_hash(win.policy_in_force.source)
    assert version in report.name
    table = win.runs.table
    assert table.rowCount() == 1
    assert table.item(0, 3).text() == f"{win.policy_in_force.name} · {version}"
    assert table.item(0, 5).text() == "8/8"
    assert win.runs.where.text().startswith("1 stored run(s)")
    # a second save of the same run makes a second folder, never overwrites the first
    save_run_into(qtbot, win, tmp_path)
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=WAIT_MS)
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 2


def test_runs_list_shows_policy_versions_of_stored_runs(qtbot, make_window, tmp_path):
    import simulation
    from policy import load_policy_text

    db = tmp_path / "v.db"
    preset = Path(simulation.__file__).parents[1] / "assets" / "policies" / "crackdown.yaml"
    text = preset.read_text("utf-8")
    simulation.run("classroom", "crackdown", days=3, db=db)
    edited = load_policy_text(text + "\n# edited\n", str(preset))
    simulation.run("classroom", edited, days=3, db=db)
    win = make_window(db=db)
    # the runs are listed once the window is up (not on its start-up path)
    qtbot.waitUntil(lambda: win.runs.table.rowCount() == 2, timeout=WAIT_MS)
    labels = sorted(win.runs.table.item(r, 3).text() for r in range(2))
    name = edited.name
    assert labels == sorted([f"{name} · {text_hash(text)}", f"{name} · {text_hash(edited.source)}"])


def test_save_never_writes_into_the_apps_presets(qtbot, make_window):
    from app.assets import policies_dir

    win = make_window()
    target = policies_dir() / "my-never-written.yaml"
    win.settings.setValue("dirs/policy", str(policies_dir()))
    _type_at_end(qtbot, win.policy_panel.editor, "# edited")
    when_dialog(QFileDialog, type_file_name(qtbot, target.stem))
    try:
        click(qtbot, win.policy_panel.save_btn)
        assert not target.exists()
        assert "presets belong to the app" in win.statusBar().currentMessage()
        assert win.isWindowModified(), "still unsaved"
    finally:
        target.unlink(missing_ok=True)


SHADOWED_RULE = """  - name: ban-tobacco-sellers
    when: {hit: restricted_terms}
    scope: {account_kind: [personal], categories: [tobacco]}
    action: ban
"""


def test_a_rule_that_can_never_act_is_flagged_at_its_line(qtbot, make_window):
    """A valid text whose new rule can never act (an earlier rule decides every post it
    matches) was accepted with a green tick; ``circlelab policy check`` warns about it."""
    win = make_window(policy="crackdown")
    panel = win.policy_panel
    editor = panel.editor
    qtbot.waitUntil(lambda: editor.policy is not None and not editor.checking(), timeout=WAIT_MS)
    # the preset's own warnings: what its terms reach in innocent text (as policy check says)
    baseline = panel.issues.count()
    lines = editor.toPlainText().splitlines()
    target = lines.index("enforcement:")
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(target)))
    editor.setFocus()
    for line in SHADOWED_RULE.splitlines():
        qtbot.keyClicks(editor, line)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.issues.count() == baseline + 1, timeout=WAIT_MS)
    assert editor.policy is not None and not editor.issues  # valid: it can be applied
    rows = [panel.issues.item(i).text() for i in range(panel.issues.count())]
    (text,) = [row for row in rows if "shadowed" in row]
    assert text.startswith(f"⚠ line {target + 1} rules[1]:"), text
    assert "'ban-tobacco-sellers' is shadowed by earlier rule 'restricted-offer-personal'" in text
    assert f" {baseline + 1} warning(s)" in panel.status.text()
    assert panel.status.property("state") == "warning"
    assert target + 1 in editor.warning_lines and target + 1 not in editor.error_lines
    assert panel.apply_btn.isEnabled()
    # the entry leads to the rule, as an error's does
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    item = panel.issues.item(rows.index(text))
    qtbot.mouseClick(
        panel.issues.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.issues.visualItemRect(item).center(),
    )
    assert editor.textCursor().blockNumber() == target
    # without that rule: no warning, a plain tick
    cursor = QTextCursor(editor.document().findBlockByNumber(target))
    end = editor.document().findBlockByNumber(target + len(SHADOWED_RULE.splitlines()))
    cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: panel.issues.count() == baseline, timeout=WAIT_MS)
    assert panel.status.text().startswith("✓ Valid")
    assert not any("shadowed" in panel.issues.item(i).text() for i in range(baseline))
    assert target + 1 not in editor.warning_lines


def test_a_policy_from_a_deep_folder_does_not_widen_the_window(qtbot, make_window, tmp_path):
    """The policy panel's 'Editing: PATH' line took the whole path's width: a lesson's
    policy (assets/lessons/policies/…) or a file in a deep folder widened the left panel
    to 600 px and pushed the window past a 1280-px screen, the feed cut off."""
    folder = tmp_path.joinpath("course", "week-03", "moderation-policies", "drafts", "v2")
    folder.mkdir(parents=True)
    (folder / "keyword_ban_with_appeals.yaml").write_text(SMALL_POLICY, encoding="utf-8")
    win = make_window()
    win.resize(1280, 720)
    qtbot.waitUntil(lambda: win.width() == 1280, timeout=WAIT_MS)
    win.policy_dock.raise_()
    left = win.policy_dock.width()
    win.settings.setValue("dirs/policy", str(folder))
    when_dialog(QFileDialog, type_file_name(qtbot, "keyword_ban_with_appeals.yaml"))
    click(qtbot, win.policy_panel.open_btn)
    assert win.policy_panel.path == folder / "keyword_ban_with_appeals.yaml"
    label = win.policy_panel.file_label
    assert label.toolTip() == str(folder / "keyword_ban_with_appeals.yaml")
    for _ in range(20):  # the layout has settled: the window and the panel kept their width
        QApplication.processEvents()
    assert win.width() <= 1280 and win.policy_dock.width() <= left + 1
    assert label.width() <= win.policy_dock.width()
    shown = label.text()
    assert shown.startswith("Editing: ") and shown.endswith("keyword_ban_with_appeals.yaml")
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()


def test_the_status_counts_one_rule_as_one_rule(qtbot, make_window):
    """'✓ Valid: … (1 rules)' under the crackdown preset."""
    win = make_window(policy="crackdown")
    panel = win.policy_panel
    qtbot.waitUntil(lambda: panel.status.text().startswith("✓ Valid"), timeout=WAIT_MS)
    assert "(1 rule)" in panel.status.text(), panel.status.text()
    # a second rule, typed into the editor: two rules
    editor = panel.editor
    target = editor.toPlainText().splitlines().index("enforcement:")
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(target)))
    editor.setFocus()
    for line in ("  - name: no-spam", "    when: {hit: restricted_terms}", "    action: label"):
        qtbot.keyClicks(editor, line)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "(2 rules)" in panel.status.text(), timeout=WAIT_MS)


def test_a_long_problem_is_wrapped_in_the_list_not_cut(qtbot, make_window):
    """At 1280×720 the problem list showed '✗ line 31 rules[0].action: Input should be
    'allow',' and a sideways scroll bar: what the action may be was off to the right."""
    win = make_window(policy="crackdown")
    win.resize(1280, 720)
    win.policy_dock.raise_()
    panel = win.policy_panel
    editor = panel.editor
    line = next(i for i, s in enumerate(editor.toPlainText().splitlines()) if "action: remove" in s)
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    for _ in range(6):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "remvoe")
    qtbot.waitUntil(lambda: panel.issues.count() > 0, timeout=WAIT_MS)
    issues = panel.issues
    item = issues.item(0)
    assert "'ban'" in item.text()  # the message names every action, the last one too
    qtbot.waitUntil(
        lambda: issues.visualItemRect(item).width() <= issues.viewport().width(), timeout=WAIT_MS
    )
    assert issues.horizontalScrollBar().maximum() == 0
    assert issues.visualItemRect(item).height() > 2 * issues.fontMetrics().height()  # wrapped
    # ... and shown whole: the list grows to hold it (it stayed two lines tall and cut the
    # message after "'restrict' or" at 1280×720), the editor keeps room to type
    qtbot.waitUntil(
        lambda: issues.visualItemRect(item).bottom() < issues.viewport().height(),
        timeout=WAIT_MS,
    )
    assert issues.verticalScrollBar().maximum() == 0
    assert editor.height() >= 4 * editor.fontMetrics().height()


def test_the_editor_keeps_twelve_lines_and_the_typed_line_at_1280x720(qtbot, make_window):
    """At 1280×720, with a world running (its 'in force' line wrapped over three lines)
    and an error listed, the editor showed six to nine lines of the policy; and the line
    being typed, near the editor's bottom, slid out of sight under the problem list as the
    list grew to hold the new error."""
    win = make_window(policy="spam")  # a preset without warnings: the list starts short
    win.resize(1280, 720)
    setup_run(qtbot, win)
    win.policy_dock.raise_()
    panel = win.policy_panel
    editor = panel.editor
    # the world's policy is named above the editor, on one line; the whole in its tooltip
    in_force = panel.in_force
    assert in_force.isVisible()
    assert in_force.height() < 2 * in_force.fontMetrics().lineSpacing()
    assert in_force.toolTip() == in_force.full_text()
    assert in_force.full_text().startswith("In force: ")
    qtbot.waitUntil(lambda: panel.status.text().startswith("✓ Valid"), timeout=WAIT_MS)
    assert panel.issues.count() == 0
    spacing = editor.fontMetrics().lineSpacing()
    # the last "action: remove" line, put at the bottom of the editor, as when typing there
    line = max(i for i, s in enumerate(editor.toPlainText().splitlines()) if "action: remove" in s)
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    shown = editor.viewport().height() // spacing
    editor.verticalScrollBar().setValue(line - shown + 1)
    assert editor.viewport().rect().contains(editor.cursorRect())
    for _ in range(6):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "remvoe")
    qtbot.waitUntil(lambda: panel._error_count() > 0, timeout=WAIT_MS)
    item = panel.issues.item(0)
    assert "remvoe" in item.text()
    # the editor keeps its lines, the list its error (it scrolls when it has less room)
    assert editor.viewport().height() >= 12 * spacing
    assert panel.issues.height() >= panel.issues.minimumHeight()
    # the typed line is still on screen
    assert editor.textCursor().blockNumber() == line
    assert editor.viewport().rect().contains(editor.cursorRect())
