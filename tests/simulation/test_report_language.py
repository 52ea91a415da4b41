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
    assert "<td>误封</td>" in page
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
