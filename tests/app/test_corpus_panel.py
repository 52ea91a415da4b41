"""The corpus panel: pick a corpus, see the per-rule table, re-evaluated on set_policy."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import policy
from app.corpus_panel import CorpusPanel

CORPUS = "Label\tSMS\n" + "".join(
    [
        "spam\tURGENT! Call 09061234567 to claim your prize\n",
        "spam\tText WIN to 80086 now, 150p/msg\n",
        "spam\tyou have been chosen\n",
        "ham\tsee you at 7\n",
        "ham\tcall me on 0121 496 0000\n",
    ]
)


def test_table_follows_the_policy(qtbot, tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    spam = policy.load_policy("spam")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(spam)
    assert panel.table.rowCount() == len(spam.rules) + 1
    assert not panel.columns_row.isVisibleTo(panel)  # the usual names: no column fields
    assert panel.table.item(0, 0).text() == "premium-rate-number"
    assert panel.table.item(0, 2).text() == "1"  # hits
    assert panel.evaluation.overall.confusion() == [[2, 0], [1, 2]]
    assert "precision 100.0% (2/2), recall 66.7% (2/3)" in panel.status.text()
    assert "false-positive rate 0.0% (0/2)" in panel.status.text()
    assert any("missed" in panel.examples.item(i).text() for i in range(panel.examples.count()))

    edited = policy.load_policy_text("""
name: one rule
detectors:
  phone: {type: regex, patterns: {any: '\\b0\\d{3}\\s?\\d{3}\\s?\\d{3,4}'}}
rules:
  - {name: any-phone, when: {hit: phone}, action: remove}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(edited)
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 0).text() == "any-phone"
    assert panel.evaluation.overall.confusion() == [[1, 1], [2, 1]]


def test_a_bad_corpus_is_shown_not_raised(qtbot, tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text("Label\tSMS\nham\thi\neggs\tx\n", encoding="utf-8")
    panel = CorpusPanel()
    qtbot.addWidget(panel)
    panel.set_corpus(path)
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(policy.load_policy("spam"))
    assert panel.evaluation is None and panel.table.rowCount() == 0
    assert "row 2" in panel.status.text() and "'Label'" in panel.status.text()


def test_the_shipped_corpus(qtbot):
    from pathlib import Path

    sms = Path(__file__).resolve().parents[2] / "assets" / "corpora" / "sms-spam-collection.tsv"
    panel = CorpusPanel(corpus=sms)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.evaluated, timeout=30_000):
        panel.set_policy(policy.load_policy("spam"))
    # each rate with its count and denominator, as `policy evaluate` prints them
    assert panel.status.text().startswith(
        "5,574 messages (747 spam, 4,827 ham): precision 99.2% (621/626), "
        "recall 83.1% (621/747), false-positive rate 0.1% (5/4,827), F1 90.5%"
    )


def test_policy_panel_replays_each_valid_policy_over_the_corpus(qtbot, tmp_path):
    """The corpus panel is part of the policy panel and follows the editor."""
    from app.panels.policy import PolicyPanel

    corpus = tmp_path / "tiny.tsv"
    corpus.write_text(
        "Label\tSMS\nspam\tWIN a FREE prize! Txt CLAIM to 80086 now\nham\tSee you at lunch\n",
        encoding="utf-8",
    )
    panel = PolicyPanel()
    qtbot.addWidget(panel)
    panel.corpus_panel.set_corpus(corpus)
    with qtbot.waitSignal(panel.corpus_panel.evaluated, timeout=20_000):
        panel.load_preset("spam")
    assert panel.corpus_panel.evaluation is not None
    assert panel.corpus_panel.table.rowCount() > 0


def test_examples_show_the_match_as_written(qtbot, tmp_path):
    """The panel's examples quote where the term matched in the message as written."""
    path = tmp_path / "zh.tsv"
    path.write_text("label\ttext\nham\t出售电★子★烟，私聊\nham\t今天的晚霞绝了\n", encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(policy.load_policy("crackdown_zh"))
    shown = [panel.examples.item(i).text() for i in range(panel.examples.count())]
    assert any("电子烟 as written '电★子★烟'" in t for t in shown), shown


def test_results_take_room_only_once_there_are_some(qtbot, tmp_path):
    """Without a corpus the panel is its inputs and a status line; the table and the
    examples appear with the first result and go with an error."""
    panel = CorpusPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.table.isHidden() and panel.examples.isHidden()
    assert panel.needed_height(400) < 120
    good = tmp_path / "c.tsv"
    good.write_text(CORPUS, encoding="utf-8")
    panel.set_corpus(good)
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(policy.load_policy("spam"))
    assert panel.table.isVisible() and panel.examples.isVisible()
    bad = tmp_path / "bad.tsv"
    bad.write_text("Label\tSMS\nham\thi\neggs\tx\n", encoding="utf-8")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_corpus(bad)
    assert panel.table.isHidden() and panel.examples.isHidden()
    # a long error needs more lines at a narrow width, and the panel asks for them
    assert panel.needed_height(220) > panel.needed_height(900)


def test_the_status_says_how_many_blank_lines_were_skipped(qtbot, tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS.replace("ham\tsee", "\n  \nham\tsee") + "\n", encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(policy.load_policy("spam"))
    assert panel.evaluation.messages == 5 and panel.evaluation.blank_lines == 3
    assert panel.status.text().startswith("5 messages (3 spam, 2 ham)")
    assert panel.status.text().endswith("messages/s; 3 blank lines skipped")


def test_the_status_says_why_an_allow_rule_has_no_rates_and_an_unscanned_channel_nothing(
    qtbot, tmp_path
):
    """The panel showed '—' for an allow rule's rates and every message allowed under a
    policy that does not scan the feed, without the notes `policy evaluate` prints."""
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    whitelist = policy.load_policy_text("""
name: whitelist
detectors:
  friends: {type: keywords, terms: {ad: [see you]}}
  phone: {type: regex, patterns: {any: '\\b0\\d{3}'}}
rules:
  - {name: friends, when: {hit: friends}, action: allow}
  - {name: any-phone, when: {hit: phone}, action: remove}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(whitelist)
    assert panel.table.item(0, 0).text() == "friends" and panel.table.item(0, 5).text() == "—"
    assert panel.status.text().splitlines()[1].startswith("An allow rule actions nothing")
    chat_only = policy.load_policy_text("""
name: chats only
scan: [chat]
detectors:
  phone: {type: regex, patterns: {any: '\\b0\\d{3}'}}
rules:
  - {name: any-phone, when: {hit: phone}, action: remove}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(chat_only)
    lines = panel.status.text().splitlines()
    assert panel.evaluation.overall.tp + panel.evaluation.overall.fp == 0
    assert lines[1].startswith("Not seen: the policy does not scan moments (it scans chat)")
    assert "--channel chat" in lines[1] and len(lines) == 2


def test_a_policy_that_scans_no_channel_is_said_to_see_nothing(qtbot, tmp_path):
    """``scan: []``: the panel's note named the first channel scanned, and there is none
    (an IndexError in the GUI thread)."""
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    reports_only = policy.load_policy_text("""
name: reports only
scan: []
detectors:
  phone: {type: regex, patterns: {any: '\\b0\\d{3}'}}
rules:
  - {name: any-phone, when: {hit: phone}, action: remove}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(reports_only)
    lines = panel.status.text().splitlines()
    assert lines[1].startswith("Not seen: the policy scans no channel (scan: [])")


def test_the_status_says_which_rules_are_not_in_force_on_the_day_measured(qtbot, tmp_path):
    """The panel measures the day the policy's last phase starts; a rule that phase leaves
    out decided nothing and the panel said so nowhere (``policy evaluate`` does)."""
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    phased = policy.load_policy_text("""
name: phased
detectors:
  phone: {type: regex, patterns: {any: '\\b0\\d{3}'}}
rules:
  - {name: any-phone, when: {hit: phone}, action: remove}
  - {name: label-phone, when: {hit: phone}, action: label}
schedule:
  - {from_day: 0, rules: [label-phone]}
  - {from_day: 10, rules: [any-phone]}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(phased)
    lines = panel.status.text().splitlines()
    assert lines[1] == (
        "Not in force on day 10: 'label-phone' (not in force on this day or later); as in a "
        "run on that day, these rules decide nothing here."
    )
    assert panel.table.item(1, 0).text() == "label-phone" and panel.table.item(1, 2).text() == "0"


def _type_into(qtbot, field, text: str) -> None:
    """Click the field, type ``text`` over what it holds and press Enter, as a user does."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
def test_a_corpus_with_unusual_column_names_can_be_read_in_the_panel(
    qtbot, tmp_path, request, locale
):
    """A CSV whose columns are not called text/label could not be read in the window:
    the error said to use --text-column, and the panel had no such field. The Text and
    Label column fields appear with that error, its advice names them, and filling them
    in reads the corpus; an unknown label's advice names the Map field."""
    from tests.app.conftest import interface

    interface(request, locale)
    path = tmp_path / "c.csv"
    path.write_text(
        "msg,kind\n"
        '"URGENT! Call 09061234567 to claim your prize",spam\n'
        '"see you at 7",ham\n'
        '"call me on 0121 496 0000",hma\n',
        encoding="utf-8",
    )
    panel = CorpusPanel()
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(policy.load_policy("spam"))
        panel.set_corpus(path)
    assert panel.columns_row.isVisible()
    field = "「文本列」栏" if locale == "zh_CN" else "(name it with the Text column field)"
    assert field in panel.status.text() and "--text-column" not in panel.status.text()
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        _type_into(qtbot, panel.text_column, "msg")
    field = "「标签列」栏" if locale == "zh_CN" else "(name it with the Label column field)"
    assert field in panel.status.text()
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        _type_into(qtbot, panel.label_column, "kind")
    advice = (
        "hma=目标类别 到「映射」栏" if locale == "zh_CN" else "(add hma=TARGET to the Map field)"
    )
    assert advice in panel.status.text() and "--map" not in panel.status.text()
    # a label of the map that no message has: the Map field named, and the file's labels
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        _type_into(qtbot, panel.mapping, "spam=spam,ham=regular,hma=regular,hmm=spam")
    said = (
        "没有任何消息带有 「映射」栏的 hmm=spam 中的标签 'hmm'（是不是想写 'hma'？）；"
        "文件中的标签：'ham', 'hma', 'spam'"
        if locale == "zh_CN"
        else "no message has the label 'hmm' of hmm=spam in the Map field (did you mean "
        "'hma'?); the file's labels are 'ham', 'hma', 'spam'"
    )
    assert said in panel.status.text() and "--map" not in panel.status.text()
    assert panel.evaluation is None and not panel.table.isVisible()
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        _type_into(qtbot, panel.mapping, "spam=spam,ham=regular,hma=regular")
    assert panel.evaluation is not None and panel.evaluation.messages == 3
    assert panel.evaluation.positives == 1 and panel.evaluation.negatives == 2


@pytest.mark.parametrize("locale", ["en_US", "zh_CN"])
def test_the_status_says_which_rules_never_fire_and_which_nothing_reviews(
    qtbot, tmp_path, request, locale
):
    """The table marks † a rule its author cannot fire and ‡ a review nobody does, as
    ``policy evaluate`` does; the status says why, in the window's language."""
    from tests.app.conftest import interface

    interface(request, locale)
    path = tmp_path / "c.tsv"
    path.write_text(CORPUS, encoding="utf-8")
    panel = CorpusPanel(corpus=path)
    qtbot.addWidget(panel)
    marked = policy.load_policy_text("""
name: marked
detectors:
  phone: {type: regex, patterns: {any: '\\b0\\d{3}'}}
rules:
  - {name: official-phone, when: {hit: phone}, action: remove,
     scope: {account_kind: [official]}}
  - {name: check-phone, when: {hit: phone}, action: review}
""")
    with qtbot.waitSignal(panel.evaluated, timeout=15_000):
        panel.set_policy(marked)
    assert panel.table.item(0, 0).text() == "official-phone †"
    assert panel.table.item(1, 0).text() == "check-phone ‡"
    assert panel.evaluation.overall.hits == 0  # the review leaves the posts up
    lines = panel.status.text().splitlines()
    if locale == "zh_CN":
        assert lines[1].startswith("† 'official-phone' 在这里永远不会触发")
        assert lines[2].startswith("‡ 'check-phone' 把帖子送去审核，但没有人审核它们")
    else:
        assert lines[1].startswith("† 'official-phone' never fires here")
        assert lines[2].startswith("‡ 'check-phone' sends posts to review, but nothing reviews")
    assert "scoped to official accounts" in lines[1]  # the reason, as evaluate words it
