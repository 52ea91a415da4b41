"""The Runs tab refuses to open or export a run that has nothing stored (killed,
failed, interrupted, still running) with a message naming its state, as the command
line's ``runs export`` and ``report`` do; it never opens an empty run as if complete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app import dialogs
from app.runs_view import RunsView
from simulation.runs.storage import STALE_SECONDS
from tests.app.conftest import when_dialog
from tests.storage.test_not_complete import stored_run


def test_open_and_export_of_a_killed_run_say_its_state(qtbot, tmp_path, monkeypatch):
    db = tmp_path / "runs.db"
    rid = stored_run(db, "running", STALE_SECONDS + 60, "")
    asked: list[object] = []  # where to write the CSV: never asked for such a run
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *a, **k: asked.append(a) or "")
    view = RunsView(str(db))
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.item(0, 6).text() == "incomplete"
    view.table.selectRow(0)
    opened: list[object] = []
    view.runOpened.connect(opened.append)
    texts: list[str] = []
    for button, doing in ((view.open_btn, "open"), (view.csv_btn, "export")):
        texts.clear()
        seen = when_dialog(QMessageBox, lambda box: (texts.append(box.text()), box.accept()))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(seen))  # noqa: B023
        (text,) = texts
        assert f"run {rid} is not complete; its state is incomplete" in text
        assert f"nothing stored to {doing}" in text
    assert opened == [] and asked == []
