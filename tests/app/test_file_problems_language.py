"""A lesson's, a scenario's and a corpus's problems in the interface's language: the Chinese
window says in Chinese what is wrong, with the user's own words (a misspelt parameter, a
file or column name, a label) as typed; the English window shows the command line's words.

A lesson is opened with Lessons → Open lesson file… (its name typed in the file dialog),
and its problems box read; a scenario's problems reach the window through the lesson that
loads it. A corpus is typed into the policy panel's corpus field (Enter), a label map
into its Map field.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.app.conftest import WAIT_MS, choose_from_menu, type_file_name, when_dialog

FILES = Path(__file__).resolve().parents[1] / "simulation" / "problem_files"
HAN = re.compile("[\u4e00-\u9fff]")
# English words of the messages' templates, none of which may be left in a Chinese line
ENGLISH = re.compile(
    r"\b(must|should|unknown|expected|found|the|is|has|no|not|with|days|file|row|line|"
    r"column|label|run|after|before|shares|engine|world|metric)\b"
)


def _copy(tmp_path: Path, *names: str) -> None:
    for name in names:
        shutil.copy(FILES / name, tmp_path / name)


def _lesson_problems(qtbot, win, path: Path) -> list[str]:
    """Open the lesson file ``path`` from the Lessons menu; the lines of its problems box."""
    lines: list[str] = []

    def read(box) -> None:
        lines.extend(box.text().split("\n"))
        box.button(QMessageBox.StandardButton.Ok).click()

    boxes = when_dialog(QMessageBox, read)
    when_dialog(QFileDialog, type_file_name(qtbot, str(path)))
    choose_from_menu(qtbot, win, "menuLessons", "openLesson")
    qtbot.waitUntil(lambda: bool(boxes), timeout=WAIT_MS)
    assert win.lesson is None  # a broken lesson does not start
    return lines


def _message(line: str) -> str:
    """What a problem line says after ``file:line:column: field: ``."""
    return line.split(": ", 2)[2]


def _assert_chinese(lines: list[str], user_words: list[str]) -> None:
    for line in lines:
        said = _message(line)
        assert HAN.search(said), line
        # the user's own words and file names taken out, no English word of a template
        # is left
        said = re.sub(r"\S*/\S*|\S+\.ya?ml", "", said)
        for words in user_words:
            said = said.replace(words, "")
        assert not ENGLISH.search(said), line


def test_a_lesson_and_its_scenario_say_what_is_wrong_in_chinese(
    qtbot, chinese, make_window, tmp_path
):
    _copy(tmp_path, "lesson_steps.yaml", "lesson_loads.yaml", "scenario_mix.yaml")
    _copy(tmp_path, "policy_broken.yaml")
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh")

    # the lesson's own checks: its steps, its parameters, its claims
    lines = _lesson_problems(qtbot, win, tmp_path / "lesson_steps.yaml")
    assert len(lines) == 10
    said = {line.split(": ", 2)[1]: _message(line) for line in lines}
    assert said["steps[0]"] == "第一步必须加载一个世界（load：scenario、policy）"
    assert said["steps[2].set.posting.spamer_per_day"] == (
        "未知的场景参数 'posting.spamer_per_day'（是不是想写 'posting.spammer_per_day'？）"
    )
    assert said["steps[2].set.churn.threshold"] == "应小于或等于 1，实际为 7"
    assert said["steps[2].run_to"] == "世界已经运行了 20 天；run_to 必须更晚（或加载一个新世界）"
    assert said["steps[3].run_to"] == "场景只运行 90 天；run_to 超过了它的结尾"
    assert said["steps[4].question.shows[0].metric"] == (
        "'offers_creatd' 不是一个指标（是不是想写 'offers_created'？）"
    )
    _assert_chinese(lines, ["posting.spamer_per_day", "offers_creatd", "offers_created"])

    # what it loads: a scenario preset misspelt, values the scenario refuses, a broken
    # policy, a broken scenario file (its problem quoted with its own place)
    lines = _lesson_problems(qtbot, win, tmp_path / "lesson_loads.yaml")
    said = {line.split(": ", 2)[1]: _message(line) for line in lines}
    assert said["steps[0].load.scenario"] == (
        "没有名为 'classroon' 的场景预设或文件（是不是想写 'classroom'？）"
    )
    assert said["steps[2].load.set"] == (
        "未知的场景参数 'population.acounts'（是不是想写 'population.accounts'？）"
    )
    assert said["steps[1].load.set"] == "population.accounts: 应大于或等于 50，实际为 10"
    assert said["steps[3].load.scenario"] == (
        f"{tmp_path / 'scenario_mix.yaml'}:4:8: population.mix: "
        "各类账户的占比之和必须为 1（现在是 1.1000）"
    )
    policy = said["steps[2].load.policy"]
    assert policy.startswith(f"{tmp_path / 'policy_broken.yaml'}:4:13: rules[0].action: 应为 ")
    assert policy.endswith("，实际为 'remvoe'（另有 1 个问题）")
    assert said["steps[1].load.policy"].endswith(
        ": （整个文件）: 找不到这个策略文件或预设（是不是想写 'crackdown'？）"
    )
    words = ["classroon", "classroom", "population.acounts", "population.accounts", "remvoe"]
    words += ["crackdown", "allow", "label", "downrank", "remove", "review", "restrict", "ban"]
    _assert_chinese(lines, words)


def test_the_english_window_shows_a_lesson_as_the_command_line_does(qtbot, make_window, tmp_path):
    from policy.errors import LocatedError
    from simulation.lessons.load import load_lesson

    _copy(tmp_path, "lesson_loads.yaml", "scenario_mix.yaml", "policy_broken.yaml")
    win = make_window()
    lines = _lesson_problems(qtbot, win, tmp_path / "lesson_loads.yaml")
    with pytest.raises(LocatedError) as info:
        load_lesson(tmp_path / "lesson_loads.yaml")
    assert lines == [str(p) for p in info.value.problems]


CORPORA = {
    # file: (what the Chinese window says after the file's name and place, user words)
    "corpus_label.tsv": (
        ", 第 2 条记录（第 3 行）, 列 'label': 未知的标签 'hma'（是不是想写 'ham'？）；"
        "映射中已有的标签：spam, ham（请加上 hma=目标类别 到「映射」栏）"
    ),
    "corpus_narrow.tsv": (
        ", 第 1 条记录（第 2 行）, 列 'text': 应有 2 个字段，实际有 1 个：'text' 没有值"
        "（少了一个制表符？）"
    ),
    "corpus_bytes.jsonl": (
        ", 第 1 条记录（第 1 行）, 列 'text': 不是有效的 UTF-8（字节 0xff，该行第 28 个字符）；"
        "请把文件另存为 UTF-8"
    ),
    "corpus_empty.tsv": ", 第 1 行: 文件是空的（应有一行表头，写明各列的名称）",
    "corpus_format.txt": ": 未知的语料格式；请使用 .tsv、.csv、.jsonl 或 .parquet",
    "nosuch.tsv": ": 找不到这个文件",
}


def _type(qtbot, field, text: str) -> None:
    """Type ``text`` into ``field`` (replacing what it holds) and press Enter."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _status_becomes(qtbot, panel, expected: str) -> None:
    qtbot.waitUntil(lambda: panel.status.text() == expected, timeout=WAIT_MS)


def test_a_corpus_says_what_is_wrong_in_chinese(qtbot, chinese, make_window, tmp_path):
    _copy(tmp_path, *(name for name in CORPORA if name != "nosuch.tsv"))
    win = make_window(locale="zh_CN", preset="classroom_zh", policy="crackdown_zh")
    win.policy_dock.raise_()
    panel = win.policy_panel.corpus_panel
    qtbot.waitUntil(lambda: panel.policy is not None, timeout=WAIT_MS)
    for name, expected in CORPORA.items():
        path = tmp_path / name
        _type(qtbot, panel.path, str(path))
        _status_becomes(qtbot, panel, f"✗ {path}{expected}")
        assert not panel.table.isVisible()
    # the label map typed in the Map field: its words as typed
    _type(qtbot, panel.path, str(tmp_path / "corpus_label.tsv"))
    _type(qtbot, panel.mapping, "ham=regular,hma")
    _status_becomes(qtbot, panel, "✗ 映射应为以逗号分隔的“标签=目标类别”，实际为 'hma'")
    _type(qtbot, panel.mapping, "ham=regular,hma=spma")
    _status_becomes(
        qtbot,
        panel,
        "✗ 映射 hma=spma：未知的目标类别 'spma'；可用的目标类别："
        "spam, offer, violating, regular, life, ad, ham, ignore",
    )
    # a label of the map that no message has: named with the labels the file has
    _type(qtbot, panel.mapping, "ham=regular,hma=spam,hmm=spam")
    _status_becomes(
        qtbot,
        panel,
        f"✗ {tmp_path / 'corpus_label.tsv'}, 列 'label': 没有任何消息带有 「映射」栏的 "
        "hmm=spam 中的标签 'hmm'（是不是想写 'hma'？）；文件中的标签：'ham', 'hma'",
    )
    # a map that knows every label: the rules' table instead of an error
    _type(qtbot, panel.mapping, "ham=regular,hma=spam")
    qtbot.waitUntil(lambda: panel.evaluation is not None, timeout=WAIT_MS)
    assert panel.table.isVisible() and not panel.status.text().startswith("✗")


def test_the_english_window_shows_a_corpus_as_the_command_line_does(qtbot, make_window, tmp_path):
    from policy.corpus import CorpusError, read_corpus

    _copy(tmp_path, "corpus_label.tsv", "corpus_narrow.tsv")
    win = make_window()
    win.policy_dock.raise_()
    panel = win.policy_panel.corpus_panel
    qtbot.waitUntil(lambda: panel.policy is not None, timeout=WAIT_MS)
    for name in ("corpus_label.tsv", "corpus_narrow.tsv"):
        path = tmp_path / name
        with pytest.raises(CorpusError) as info:
            for _chunk in read_corpus(path):
                pass
        _type(qtbot, panel.path, str(path))
        # as the command line says it, its advice naming the panel's field, not an option
        said = str(info.value).replace(
            "(add --map hma=TARGET)", "(add hma=TARGET to the Map field)"
        )
        _status_becomes(qtbot, panel, f"✗ {said}")
