"""A run report's charts draw Chinese (a Chinese policy's name in an event mark) with a
CJK font: no glyph is missing (they were drawn as empty boxes)."""

from __future__ import annotations

import warnings

import matplotlib
import pytest

from simulation.runs.figures import CJK_FONTS, font_families, has_cjk, write_charts
from simulation.runs.run import run


@pytest.fixture(scope="module")
def daily():
    return run("classroom", "none", seed=1, days=12).metrics


def test_a_chinese_mark_is_drawn_with_every_glyph(daily, tmp_path):
    marks = [(5, "policy in force 2024年3月个人账号违禁商品整治")]
    before = list(matplotlib.rcParams["font.family"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph … missing from font(s)"
        paths = write_charts(daily, tmp_path, marks=marks)
    assert len(paths) == 9
    assert list(matplotlib.rcParams["font.family"]) == before  # set for the drawing only


def test_cjk_fonts_are_asked_for_only_when_a_text_needs_them():
    assert has_cjk(["政策 crackdown"]) and has_cjk(["（"]) and not has_cjk(["crackdown ×3 …"])
    assert font_families(False) == ["DejaVu Sans"]
    chinese = font_families(True)
    assert chinese[0] == "DejaVu Sans" and set(chinese[1:]) <= set(CJK_FONTS)
    assert len(chinese) > 1  # the project's set-up installs Noto Sans CJK


def test_a_sweep_report_of_a_chinese_policy_draws_every_glyph(tmp_path):
    """``circlelab report`` and sweeps draw arm names (a Chinese policy's) in their charts'
    legends: they were empty boxes too."""
    from simulation.sweeps.report import write_report
    from simulation.sweeps.sweep import sweep

    result = sweep(
        scenario="classroom_zh", policies=["none", "crackdown_zh"], seeds="1-2", days=8, workers=1
    )
    assert has_cjk(result.runs["arm"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        write_report(result, tmp_path / "report")
    assert (tmp_path / "report" / "charts" / "ad_share.png").exists()


GLYPH_MISSING = r"Glyph .* missing from font"


def _charts(folder):
    return {p.name: p.read_bytes() for p in sorted((folder / "charts").glob("*.png"))}


def test_a_chinese_report_drawn_by_the_worker_misses_no_glyph(tmp_path, tiny):
    """``run --lang zh_CN`` with a database draws its charts in a forked worker, on
    figures made before the run ends (``figures.blanks``): their titles and axis labels
    were drawn in DejaVu Sans alone, as empty boxes. The worker inherits the warning
    filter, so a missing glyph fails the run; its charts are the ones drawn inline."""
    from simulation.runs import background

    assert background.can_start_worker()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", GLYPH_MISSING)
        run(
            tiny,
            "crackdown",
            days=6,
            seed=2,
            db=tmp_path / "r.db",
            out=tmp_path / "worker",
            locale="zh_CN",
        )
        run(tiny, "crackdown", days=6, seed=2, out=tmp_path / "inline", locale="zh_CN")
    worker, inline = _charts(tmp_path / "worker"), _charts(tmp_path / "inline")
    assert len(worker) == 9 and worker == inline


def test_figures_made_in_latin_fonts_draw_chinese_words_with_every_glyph(daily, tmp_path):
    """Whatever fonts a figure's texts were made with, their Chinese is drawn in a CJK
    font: English blanks filled with a Chinese report's words, and a figure whose title
    and label were made before any font was chosen (as a sweep's charts are)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from simulation.runs.figures import blanks, fit_fonts

    made = blanks()  # DejaVu Sans alone
    with warnings.catch_warnings():
        warnings.filterwarnings("error", GLYPH_MISSING)
        write_charts(daily, tmp_path / "zh", figures=made, locale="zh_CN")
        fig = Figure()
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        ax.set_title("封号（累计）")
        ax.set_ylabel("units")
        assert fit_fonts(fig) == 1  # the title; the English label is left as it was
        assert ax.yaxis.label.get_fontfamily() == list(matplotlib.rcParams["font.family"])
        fig.savefig(tmp_path / "plain.png")
    assert all(fig.axes[0].get_lines() for fig in made)  # drawn on the blanks


def test_a_chinese_handout_leaves_the_process_fonts_as_they_were(monkeypatch, tmp_path):
    """A handout set matplotlib's fonts for the whole process: after a Chinese one, every
    later figure was made in CJK fonts (a figure made "before any font was chosen" was
    not, and a test of that failed whenever a Chinese handout had run first in its
    process). The fonts now hold while the handout's charts are drawn only."""
    from simulation.lessons import handout

    before = list(matplotlib.rcParams["font.family"])
    inside = []

    def drawn(found, out, locale, answers):
        inside.append(list(matplotlib.rcParams["font.family"]))
        return out / "handout.html"

    monkeypatch.setattr(handout, "_render", drawn)
    handout.render(None, tmp_path, "zh_CN")
    assert inside == [handout.font_families(True)] and inside[0] != before
    assert list(matplotlib.rcParams["font.family"]) == before
