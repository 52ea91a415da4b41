"""The desktop app shows user text as written and databases it cannot use as a message.

Qt reads a label's text as rich text when it looks like HTML, so a policy named
``<img src=x>`` or a rule named ``<b>r</b>`` would be rendered, not shown.
"""

from __future__ import annotations

import hashlib
import sqlite3

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.inspectors import RuleInspector
from app.panels.policy import PolicyPanel
from app.runs_view import RunsView

NAME = "<b>bold</b> & <img src=x> [red]y[/red]"


def test_policy_name_is_shown_as_written(qtbot):
    panel = PolicyPanel()
    qtbot.addWidget(panel)
    panel.editor.set_source(f'name: "{NAME}"\nrules: []\n', "p.yaml")
    assert panel.status.textFormat() == Qt.TextFormat.PlainText
    assert NAME in panel.status.text()
    panel.editor.set_source("name: t\nrules: [{name: '<b>r</b>', action: nuke}]\n", "p.yaml")
    (selection,) = panel.editor.extraSelections()
    tip = selection.format.toolTip()
    assert "&lt;b&gt;" not in panel.issues.item(0).text()  # list items are plain text
    assert "nuke" in tip and "<b>" not in tip.replace("<br>", "")


def test_rule_name_in_the_rich_heading_is_escaped(qtbot):
    inspector = RuleInspector()
    qtbot.addWidget(inspector)
    frame = pd.DataFrame(
        {"day": [0, 1], "name": ["<b>r</b>"] * 2, "rule": [0, 0], "hits": [1, 2]}
        | {c: [0, 0] for c in ("true_positives", "false_positives", "wrongful_account_actions")}
    )
    inspector.show_rule("<b>r</b>", frame)
    assert "&lt;b&gt;r&lt;/b&gt;" in inspector.heading.text()


@pytest.fixture
def foreign_db(tmp_path):
    path = tmp_path / "shop.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE run (id INTEGER PRIMARY KEY, name TEXT, started TEXT)")
    con.commit()
    con.close()
    return path


def test_runs_view_refuses_a_foreign_database_and_leaves_it_alone(qtbot, foreign_db):
    before = hashlib.sha256(foreign_db.read_bytes()).hexdigest()
    view = RunsView(str(foreign_db))
    qtbot.addWidget(view)
    refresh = next(b for b in view.findChildren(QPushButton) if b.text() == "Refresh")
    qtbot.mouseClick(refresh, Qt.MouseButton.LeftButton)
    assert view.where.textFormat() == Qt.TextFormat.PlainText
    assert "not a Circle Lab database" in view.where.text()
    assert view.table.rowCount() == 0 and view.engine is None
    assert hashlib.sha256(foreign_db.read_bytes()).hexdigest() == before


def test_runs_view_masks_passwords(qtbot, tmp_path):
    view = RunsView("postgresql+psycopg://ann:hunter22@127.0.0.1:1/lab")
    qtbot.addWidget(view)
    view.refresh()
    assert "hunter22" not in view.where.text() and "ann:***@" in view.where.text()
