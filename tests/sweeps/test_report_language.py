"""A sweep's, a study's and a comparison's report in the language asked for
(``circlelab sweep|study|report|compare --lang zh_CN``): the page's sentences, table
headings, the measures' names, units and meanings, whether two policies differ, notes,
the charts' titles, axes and legends, and a study's own title and axis when its file
gives them per language, all in Chinese, drawn with a CJK font. Numbers, policy names,
arm labels, rule ids and parameter paths stay as written; the data files are the same
in every language; English stays the default, word for word."""

from __future__ import annotations

import html
import re
import shutil
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.paths import assets_dir
from simulation.runs.report_words import Words
from simulation.sweeps.aggregate import compare_arms, headline, run_headlines
from simulation.sweeps.report import avoided_chart, band_chart, curve_chart, write_report
from simulation.sweeps.tradeoff import tradeoff_chart, tradeoff_points
from tests.sweeps.conftest import DAYS, POLICIES, SCENARIO, SEEDS

HAN = re.compile("[\u4e00-\u9fff]")
ZH = Words("zh_CN")
runner = CliRunner()

# sentences and words of the English page, none of which a Chinese page may hold
ENGLISH = [
    "Headline numbers",
    "Do the policies differ?",
    "Mean across seeds",
    "confidence interval",
    '"Avoided" is against',
    "do not differ significantly",
    "is significantly",
    "Cannot tell whether",
    "percentage points",
    "t-test",
    "permutation test",
    "fewer than 2",
    "Lines: mean across seeds",
    "Dotted lines mark events",
    "Harm and exposure avoided",
    "Trade-off over",
    "Sample posts",
    "most-seen violating posts",
    "Changes during the run",
    "changed by hand",
    "As the runs were set up",
    "Headline measures",
    "Metric definitions",
    "undefined when",
    "complete of",
    "(in memory)",
    "has no rules",
    "summed over the days",
    "nothing to divide by",
    "never halved",
    "from day",
    "seeds 1",
    "seed 1",
    "Sweep sw-",
    "Report:",
    "Compare ",
]
HEADINGS = ["主要数字", "这些策略有差异吗？", "图表", "策略", "主要指标", "指标定义"]


def _said(page: str) -> str:
    """The page's own words: tags, images, the texts of policies, scenarios and posts
    (as written) and code names left out, entities read, spaces collapsed."""
    page = re.sub(r"<(pre|code|style)>.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<td class="post">.*?</td>', " ", page, flags=re.S)
    page = re.sub(r'src="data:[^"]*"', "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _english_left(page: str) -> list[str]:
    said = _said(page)
    return [phrase for phrase in ENGLISH if phrase in said]


@pytest.fixture(scope="module")
def written(reference, tmp_path_factory):
    """The reference sweep's report in English and in Chinese (no glyph missing)."""
    folder = tmp_path_factory.mktemp("lang")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        zh = write_report(reference, folder / "zh", locale="zh_CN")
    glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message)]
    assert not glyphs, glyphs[:3]
    en = write_report(reference, folder / "en")
    return en.read_text("utf-8"), zh.read_text("utf-8"), folder


def test_a_sweep_report_in_chinese(written, reference):
    _en, page, _folder = written
    assert '<html lang="zh-CN">' in page
    assert f"<h1>参数扫描 {reference.sweep_id}</h1>" in page
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert set(HEADINGS) <= set(headings), headings
    assert all(HAN.search(h) for h in headings), headings
    assert not _english_left(page), _english_left(page)
    # the headline table: its headings, a measure as the app names it, which way is better
    assert "<th>指标</th><th>更好</th><th>No moderation</th><th>Keyword filter only</th>" in page
    assert "<tr><td>避免的危害</td><td>更高</td>" in page
    assert "<tr><td>2 次中完成 2 次</td>" not in page and "4 次中完成 4 次" in page
    # whether the two policies differ, in sentences that name them as written
    statements = re.findall(r'<p class="statement \w+">(.*?)</p>', page)
    assert len(statements) >= 8
    for s in statements:
        assert s.startswith(("Keyword filter only ", "无法判断 Keyword filter only ")), s
        assert HAN.search(s) and ("显著" in s or "无法判断" in s), s
    # the charts' captions and the definitions
    assert "<figcaption>相对于 No moderation 避免的危害和曝光</figcaption>" in page
    assert "<figcaption>违禁商品信息在信息流中的触达（7 天均值）</figcaption>" in page
    assert "<th>指标</th><th>单位</th><th>含义</th><th>何时无定义</th>" in page
    assert "没有同一个世界（运行时的同一场景、同一随机种子）的基线运行，或基线的总量为 0" in page
    # the sample posts: their columns and kinds (the posts themselves as generated)
    assert "<th>组</th><th>随机种子</th><th>天</th><th>类型</th>" in page
    assert re.search(r"<td>(垃圾|违禁)</td>", page)


def test_english_stays_the_default(written):
    page, _zh, _folder = written
    assert '<html lang="en">' in page
    said = _said(page)
    for phrase in ("Headline numbers", "Do the policies differ?", "Headline measures"):
        assert phrase in said
    assert not HAN.search(said)


def test_the_data_files_are_the_same_in_every_language(written):
    _en, _zh, folder = written
    for name in ("comparisons.csv", "headline.csv", "run_headlines.csv", "runs.csv"):
        en = (folder / "en" / "data" / name).read_bytes()
        assert en == (folder / "zh" / "data" / name).read_bytes(), name
    # a comparison's statement in the data is the English sentence
    assert (
        b"do not differ significantly" in (folder / "zh" / "data" / "comparisons.csv").read_bytes()
    )


def test_whether_two_arms_differ_is_said_in_chinese(reference):
    rh = run_headlines(reference.runs, reference.metrics, reference.baseline)
    en = compare_arms(rh, "Keyword filter only", "No moderation")
    zh = compare_arms(rh, "Keyword filter only", "No moderation", w=ZH)
    # the same test, the same numbers; the test's name stays English (a data column)
    assert zh.drop(columns="statement").equals(en.drop(columns="statement"))
    said = dict(zip(zh["measure"], zh["statement"], strict=True))
    assert said["harm_avoided"].startswith(
        "Keyword filter only 在“避免的危害”上显著高于 No moderation：差值 +"
    )
    assert "个百分点（95% 置信区间 " in said["harm_avoided"]
    assert "2 个随机种子上的配对 t 检验，p = " in said["harm_avoided"]
    for text in zh["statement"]:
        assert not re.search(r"\b(and|than|on|seeds?|difference|includes)\b", text), text


def test_the_charts_speak_chinese(reference):
    """Titles, axes and legends of the band, "avoided", trade-off and study charts."""
    import matplotlib.pyplot as plt

    from simulation.sweeps.aggregate import daily_bands

    bands = daily_bands(reference.runs, reference.metrics, columns=["ad_share"])
    fig = band_chart(bands, "ad_share", "Advertising Circle index", "share of impressions", w=ZH)
    ax = fig.axes[0]
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("“广告圈”指数", "天", "曝光占比")
    plt.close(fig)
    rh = run_headlines(reference.runs, reference.metrics, reference.baseline)
    head = headline(rh)
    fig = avoided_chart(head[head["arm"] == "Keyword filter only"], "No moderation", ZH)
    assert fig._suptitle.get_text() == "相对于 No moderation 避免的危害和曝光（相同随机种子）"
    assert fig._supxlabel.get_text().startswith("避免的 No moderation 曝光或售出件数（%")
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [
        "被看到的违禁商品信息（信息流）",
        "违禁商品售出件数（危害）",
        "被看到的垃圾信息",
    ]
    plt.close(fig)
    fig = tradeoff_chart(tradeoff_points(rh, []), "标题", w=ZH)
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == (
        "每万账户误封次数",
        "避免的违禁 + 垃圾信息曝光（%）",
    )
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["帕累托前沿", "一个策略变体（各随机种子的均值和 95% 置信带）"]
    plt.close(fig)
    with warnings.catch_warnings():  # (no swept parameter: no curve, no legend)
        warnings.simplefilter("ignore", UserWarning)
        fig = curve_chart(rh, "rules.*.delay_hours", "从发布到删除的小时数", w=ZH)
    ax = fig.axes[0]
    title = fig._suptitle.get_text().replace("\n", "")  # the figure's: above the y label
    assert title.startswith("相对于 基线 避免的危害和曝光随“从发布到删除的小时数”的变化")
    assert ax.get_ylabel() == "避免的 基线 曝光或售出件数（%）"
    plt.close(fig)


STUDY = """\
name: small_takedown
title:
  en_US: "Takedown speed in a classroom: exposure avoided vs. hours to removal"
  zh_CN: 课堂中的删除速度：避免的曝光与到删除的小时数
scenario: classroom
days: 6
seeds: 1-2
baseline: none
policies:
  - none
  - takedown_speed.policy.yaml
policy_set:
  rules.*.delay_hours: [1, 12]
x: rules.*.delay_hours
x_label:
  en_US: hours from posting to removal
  zh_CN: 从发布到删除的小时数
reference:
  half_life_hours: 6.8
  recall: 0.9
"""


@pytest.fixture(scope="module")
def study_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("study")
    shutil.copy(assets_dir() / "studies" / "takedown_speed.policy.yaml", folder)
    path = folder / "small_takedown.yaml"
    path.write_text(STUDY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def chinese_study(study_file, tmp_path_factory) -> tuple[str, Path]:
    """The study run from the command line with ``--lang zh_CN``: what the command said,
    and its folder (its report and its study.db)."""
    out = tmp_path_factory.mktemp("study_zh") / "zh"
    done = runner.invoke(app, ["study", str(study_file), "--out", str(out), "--lang", "zh_CN"])
    assert done.exit_code == 0, done.output
    return done.output, out


def test_a_study_report_in_chinese(chinese_study):
    output, out = chinese_study
    page = (out / "report.html").read_text("utf-8")
    assert not _english_left(page), _english_left(page)
    title = "课堂中的删除速度：避免的曝光与到删除的小时数"
    assert f"<title>{title}</title>" in page and f"<h1>{title}</h1>" in page
    assert f"<figcaption>{title}</figcaption>" in page  # the study's curve
    assert (
        "<figcaption>从发布到删除的小时数 的权衡（每组一个点）；标出帕累托前沿</figcaption>" in page
    )
    # what the sweep noted while planning, in the report's words
    assert (
        "<p><small>策略 &#39;none&#39; 没有规则也没有公告：只运行一次，不带这些参数</small></p>"
        in page
    )
    # the command line itself speaks English, as before
    assert "policy 'none' has no rules and no announcements: it runs once" in " ".join(
        output.split()
    )


def test_a_study_in_english_takes_its_english_texts(study_file, chinese_study, tmp_path):
    out = tmp_path / "en"
    out.mkdir()  # the study resumes the Chinese report's runs: only the report is new
    shutil.copy(chinese_study[1] / "study.db", out / "study.db")
    assert runner.invoke(app, ["study", str(study_file), "--out", str(out)]).exit_code == 0
    page = (out / "report.html").read_text("utf-8")
    title = "Takedown speed in a classroom: exposure avoided vs. hours to removal"
    assert f"<h1>{title}</h1>" in page and f"<figcaption>{title}</figcaption>" in page
    assert "<figcaption>Trade-off over hours from posting to removal (one point" in page
    assert not HAN.search(_said(page))


def test_the_shipped_studies_have_a_chinese_title_and_axis():
    from simulation.sweeps.study import load_study

    for name in ("takedown_speed", "takedown_speed_passive", "classifier_threshold"):
        spec = load_study(name)
        for key in ("title", "x_label"):
            assert HAN.search(spec[key]["zh_CN"]) and not HAN.search(spec[key]["en_US"])


def test_a_sweep_from_the_command_line_in_chinese(reference, tmp_path):
    out = tmp_path / "zh"
    db = tmp_path / "s.db"  # a copy of the reference sweep's runs: the command resumes them
    shutil.copy(reference.db.removeprefix("sqlite:///"), db)
    args = ["sweep", "--scenario", SCENARIO, "--policy", POLICIES[0], "--policy", POLICIES[1]]
    args += ["--seeds", SEEDS, "--days", str(DAYS), "--db", str(db)]
    done = runner.invoke(app, [*args, "--out", str(out), "--lang", "zh_CN"])
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text("utf-8")
    assert re.search(r"<h1>参数扫描 sw-[0-9a-f]+：classroom</h1>", page)
    assert not _english_left(page), _english_left(page)


def _changed_run(db: Path) -> None:
    """A live run with the keyword filter put in force on day 3, stored (run 1), and a
    run of the crackdown on the same world (run 2)."""
    import simulation
    from policy import load_policy
    from simulation.runs.live import save_live
    from simulation.scenario import load_scenario
    from simulation.world.engine import Simulation

    sim = Simulation(load_scenario("classroom").with_changes({"days": 6}), load_policy("none"))
    for day in range(6):
        if day == 3:
            sim.set_policy(load_policy("keywords"))
        sim.step()
    save_live(sim, db=db)
    simulation.run("classroom", "crackdown", days=6, seed=sim.seed, db=db)


def test_report_and_compare_of_stored_runs_in_chinese(tmp_path):
    db = tmp_path / "runs.db"
    _changed_run(db)
    out = tmp_path / "report"
    done = runner.invoke(
        app, ["report", "1", "--db", str(db), "--out", str(out), "--lang", "zh_CN"]
    )
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text("utf-8")
    assert "<h1>报告：1</h1>" in page
    # what was changed while the run ran, and the policies' account of their days
    assert "<h2>运行期间的改动</h2>" in page
    assert "第 3 天：策略“Keyword filter only”从第 3 天起生效（取代“No moderation”；" in page
    assert "# 本次运行期间各天生效的策略（运行中有改动）：" in page
    assert "#   Keyword filter only：第 3–5 天（第 3 天启用）" in page
    assert "Day 3: policy" not in page and "by day (changed while it ran)" not in page
    out = tmp_path / "compare"
    args = ["compare", "1", "2", "--db", str(db), "--out", str(out), "--lang", "zh_CN"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    page = (out / "report.html").read_text("utf-8")
    assert "<h1>比较 1 与 2</h1>" in page
    assert "A (1)：运行 1 · " in page  # the changed run, on its side of the comparison
    assert re.search(
        r"<h3>A \(1\)：classroom，随机种子 \d+；B \(2\)：classroom，随机种子 \d+</h3>", page
    )
    assert not _english_left(page), _english_left(page)


@pytest.mark.parametrize(
    "command",
    [
        ["sweep", "--scenario", "classroom", "--seeds", "1", "--days", "2"],
        ["study", "takedown_speed"],
        ["report", "1"],
        ["compare", "1", "2"],
    ],
)
def test_an_unknown_report_language_is_refused_before_anything_runs(tmp_path, command):
    out = tmp_path / "out"
    db = tmp_path / "none.db"
    done = runner.invoke(app, [*command, "--out", str(out), "--db", str(db), "--lang", "fr_FR"])
    assert done.exit_code == 2, done.output
    assert "fr_FR" in done.output and "zh_CN" in done.output
    assert not out.exists() and not db.exists()


def _fails(job):
    from simulation.sweeps.execute import failed

    return failed(job, "Traceback (most recent call last):\nRuntimeError: injected")


def test_a_sweep_where_every_run_failed_says_so_in_chinese(tmp_path):
    from simulation.sweeps.sweep import sweep

    result = sweep("classroom", ("none", "keywords"), "1-2", days=3, workers=1, runner=_fails)
    page = write_report(result, tmp_path / "r", locale="zh_CN").read_text("utf-8")
    assert (
        "<p><strong>没有完成的运行</strong>：没有可显示的数字；每次运行的错误见“未完成的运行”。</p>"
        in page
    )
    assert "<p>没有完成的运行：没有可比较的内容。</p>" in page
    assert "<h2>未完成的运行</h2>" in page
    assert re.search(r"<p>运行 -?\d+ · No moderation · 随机种子 1 · 失败</p>", page)
    assert page.count("RuntimeError: injected") == 4  # each error as it was written
    assert "<td>数据库</td><td><code>（内存中）</code></td>" in page
    assert not _english_left(page), _english_left(page)
