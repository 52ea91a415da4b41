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
