"""A run's report in the language asked for: ``--lang zh_CN`` (and the Chinese window's
Save run) writes its headings, measure names, units and meanings, chart captions, marks
and charts in Chinese, drawn with a CJK font (no glyph missing); English stays the
default, word for word."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.runs import outputs
from simulation.runs.run import run

HAN = re.compile("[\u4e00-\u9fff]")
ENGLISH_HEADINGS = [
    outputs.HEADLINE,
    outputs.CHARTS_HEADING,
    outputs.RULES_HEADING,
    outputs.CHANGES_HEADING,
    outputs.POLICY_HEADING,
    outputs.SCENARIO_HEADING,
    outputs.DEFINITIONS,
]


def headings(page: str) -> list[str]:
    return re.findall(r"<h[123]>(.*?)</h[123]>", page)


def assert_chinese_report(page: str) -> None:
    found = headings(page)
    assert len(found) >= 7, found
    for heading in found:
        assert HAN.search(heading), heading  # the title and every section's heading
    for english in ENGLISH_HEADINGS:
        assert f"<h2>{english}</h2>" not in page
    assert '<html lang="zh-CN">' in page
    assert "<th>指标</th><th>数值</th><th>单位</th>" in page
    assert "<figcaption>垃圾信息量</figcaption>" in page  # a chart's caption
    assert "Dotted lines mark events" not in page and "虚线标出事件" in page
    assert "第 30 天：公告" in page  # the crackdown's announcement, a mark of the run
    # a measure's name, unit and meaning as the app words them
    assert "<td>误封次数</td>" in page
    assert "Daily values are in" not in page


def test_a_report_written_in_chinese(tmp_path):
    out = tmp_path / "zh"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run("classroom_zh", "crackdown_zh", days=35, seed=3, out=out, locale="zh_CN")
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    assert not glyphs, glyphs[:3]
    page = (out / "report.html").read_text("utf-8")
    assert_chinese_report(page)
    assert "classroom_zh × 2024年3月个人账号违禁商品整治，随机种子 3" in page


def test_english_stays_the_default(tmp_path):
    run("classroom", "crackdown", days=32, seed=3, out=tmp_path / "en")
    page = (tmp_path / "en" / "report.html").read_text("utf-8")
    assert [h for h in headings(page)[1:]] == [
        "Headline numbers",
        "Charts",
        "What each rule did",
        "Changes during the run",
        "Policy",
        "Scenario",
        "Metric definitions",
    ]
    assert '<html lang="en">' in page and not HAN.search(page.split("<pre>")[0])


def test_runs_export_writes_chinese_with_lang(tmp_path):
    db = str(tmp_path / "runs.db")
    runner = CliRunner()
    args = ["run", "--scenario", "classroom_zh", "--policy", "crackdown_zh", "--days", "33"]
    assert runner.invoke(app, [*args, "--db", db]).exit_code == 0
    out = tmp_path / "export"
    done = runner.invoke(
        app, ["runs", "export", "1", "--db", db, "--out", str(out), "--lang", "zh_CN"]
    )
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text("utf-8")
    assert_chinese_report(page)
    assert "运行 1：classroom_zh" in page


@pytest.mark.parametrize("command", [["run", "--days", "3", "--no-db"], ["runs", "export", "1"]])
def test_an_unknown_report_language_is_refused(tmp_path, command):
    out = tmp_path / "out"
    done = CliRunner().invoke(app, [*command, "--out", str(out), "--lang", "fr_FR"])
    assert done.exit_code == 2
    assert "fr_FR" in done.output and "zh_CN" in done.output
    assert not Path(out).exists()


# ------------------------------------------------------------------ what stayed English
# sentences a Chinese run report still wrote in English: the "not complete" notice, the
# changes made while a run ran, each policy's days in force and the chain of policies
STILL_ENGLISH = [
    "This run is not complete",
    "its state is",
    "stopped after",
    "interrupted by the user",
    "day(s) of daily metrics",
    "in force from day",
    "in place of",
    "strikes and review queues start afresh",
    ": parameter ",
    "set up with the run",
    "put in force on day",
    "(day 8)",
    "days 0–7",
    "days 8–11",
    "its rules act from day",
    "Policies in force during this run",
]


def _text(page: str) -> str:
    """A page's words, without its charts, tags and entities."""
    import html

    page = re.sub(r'src="data:[^"]*"', "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _changed_live(days: int = 14):
    """Unmoderated; the spam rate doubled from day 5; the keyword filter put in force on
    day 8, then the crackdown on day 12 (its rules act from its own day 30)."""
    from policy import load_policy
    from simulation.scenario import load_scenario
    from simulation.world.engine import Simulation

    sim = Simulation(
        load_scenario("classroom").with_changes({"days": 20}), load_policy("none"), seed=3
    )
    for day in range(days):
        if day == 5:
            sim.set_param("posting.spammer_per_day", 8.0)
        if day == 8:
            sim.set_policy(load_policy("keywords"))
        if day == 12:
            sim.set_policy(load_policy("crackdown"))
        sim.step()
    return sim


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """A live run changed while it ran, saved in English and in Chinese (and stored)."""
    from simulation.runs.live import save_live

    folder = tmp_path_factory.mktemp("changed")
    sim = _changed_live()
    save_live(sim, db=folder / "runs.db", out=folder / "en")
    save_live(sim, out=folder / "zh", locale="zh_CN")
    return folder


def test_the_changes_made_while_a_run_ran_are_told_in_chinese(changed):
    page = (changed / "zh" / "report.html").read_text("utf-8")
    said = _text(page)
    for english in STILL_ENGLISH:
        assert english not in said, english
    # the title, and the policy of the headline numbers: every policy put in force
    chain = (
        "No moderation → Keyword filter only（第 8 天起） → "
        "March-2024 personal-account crackdown（第 12 天起）"
    )
    assert f"<h1>classroom × {chain}，随机种子 3</h1>" in page
    assert f"<td>{chain}</td>" in page
    # "Changes during the run": each change, the day it acts from, what it replaced
    assert "第 5 天：参数 posting.spammer_per_day：4.0 → 8.0，从第 5 天起" in said
    assert (
        "第 12 天：策略“March-2024 personal-account crackdown”从第 12 天起生效"
        "（取代“Keyword filter only”；违规计分和审核队列重新开始）；其规则从第 30 天起执行"
    ) in said
    # "Policy": which policy was in force on which days
    assert "<td>第 0–7 天（运行开始时设定）</td><td>No moderation</td>" in page
    assert "<h3>Keyword filter only：第 8–11 天（第 8 天启用）</h3>" in page
    assert (
        "<h3>March-2024 personal-account crackdown：第 12–13 天（第 12 天启用；"
        "其规则从第 30 天起执行）</h3>"
    ) in page
    # the marks listed with the Chinese separator, as every list of the page
    assert "第 8 天：策略生效 Keyword filter only；第 12 天：" in said


def test_the_english_of_a_changed_run_is_as_it_was(changed):
    said = _text((changed / "en" / "report.html").read_text("utf-8"))
    assert (
        "Day 12: policy “March-2024 personal-account crackdown” in force from day 12 (in "
        "place of “Keyword filter only”; strikes and review queues start afresh); its rules "
        "act from day 30"
    ) in said
    assert "Day 5: parameter posting.spammer_per_day: 4.0 → 8.0 from day 5" in said
    assert "days 0–7 (set up with the run) No moderation" in said
    assert "Keyword filter only: days 8–11 (put in force on day 8)" in said
    assert "classroom × No moderation → Keyword filter only (day 8) → March-2024" in said


def test_a_stored_run_changed_while_it_ran_is_exported_in_chinese(changed, tmp_path):
    from simulation.runs.outputs import export_stored_run
    from simulation.runs.storage import open_db

    out = export_stored_run(open_db(changed / "runs.db"), 1, tmp_path / "zh", locale="zh_CN")
    page = (out / "report.html").read_text("utf-8")
    for english in STILL_ENGLISH:
        assert english not in _text(page), english
    assert "<h1>运行 1：classroom × No moderation → Keyword filter only（第 8 天起） → " in page
    assert "crackdown（第 12 天起），随机种子 3</h1>" in page


def _stopped(db: Path, status: str, error: str) -> int:
    """A run with 6 of its 40 days stored, then marked ``status`` (as a run that stopped
    early and kept what it had: a stored row marked by hand, as tests/storage do)."""
    from sqlalchemy import update

    from simulation.runs.storage import Run, open_db

    rid = run("classroom", "crackdown", days=6, seed=3, db=db).run_id
    with open_db(db, write=True).begin() as conn:
        conn.execute(update(Run.__table__).values(status=status, error=error, days_requested=40))
    return rid


def test_a_run_that_stopped_early_says_so_in_chinese(tmp_path):
    from simulation.runs import messages as R

    db = tmp_path / "runs.db"
    rid = _stopped(db, "interrupted", R.BY_THE_USER)
    out = tmp_path / "zh"
    args = ["runs", "export", str(rid), "--db", str(db), "--out", str(out), "--lang", "zh_CN"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text("utf-8")
    assert "<p class=notice role=alert><strong>这次运行没有完成，状态为已中断：" in page
    assert "（被用户中断）。只保存了 6 天的每日指标；这里的每个数字都只涵盖这些天。" in page
    assert "随机种子 3（未完成）</h1>" in page
    for english in STILL_ENGLISH:
        assert english not in _text(page), english
    assert "warning" in done.stderr  # the command line itself speaks English, as before


def test_a_run_that_stopped_early_says_so_in_english_as_before(tmp_path):
    from simulation.runs import messages as R

    db = tmp_path / "runs.db"
    rid = _stopped(db, "interrupted", R.BY_THE_USER)
    out = tmp_path / "en"
    args = ["runs", "export", str(rid), "--db", str(db), "--out", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert (
        "This run is not complete; its state is interrupted: stopped after 6 of 40 days "
        "(interrupted by the user). Only 6 day(s) of daily metrics are stored; every "
        "number here covers those days only."
    ) in _text((out / "report.html").read_text("utf-8"))


def test_an_error_the_run_wrote_itself_stays_as_written(tmp_path):
    """A failure's own words (a traceback, a driver's error) are not the program's to
    translate: only the two it stores for Ctrl+C are said in Chinese."""
    db = tmp_path / "runs.db"
    rid = _stopped(db, "failed", "boom on day 5")
    out = tmp_path / "zh"
    args = ["runs", "export", str(rid), "--db", str(db), "--out", str(out), "--lang", "zh_CN"]
    assert CliRunner().invoke(app, args).exit_code == 0
    page = (out / "report.html").read_text("utf-8")
    assert "状态为失败：模拟了 40 天中的 6 天后停止（boom on day 5）。" in page


def test_every_text_of_a_report_is_translated_with_the_same_placeholders():
    """Every text of a run's, a sweep's and a study's report has a Chinese translation
    that fills the same placeholders: a report never stops on a translation, nor falls
    back to English for a text that was declared."""
    import string

    import simulation.runs.figures
    import simulation.sweeps.words  # noqa: F401  (a sweep report's texts)
    from simulation.i18n import translations
    from simulation.runs.report_words import CONTEXT, texts

    def names(text: str) -> list[str]:
        return sorted(n for _t, n, _s, _c in string.Formatter().parse(text) if n)

    table = translations("zh_CN")
    missing = [t for t in texts() if (CONTEXT, t) not in table]
    assert not missing, missing
    for text in texts():
        assert names(table[CONTEXT, text]) == names(text), text
