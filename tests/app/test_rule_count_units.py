"""Every unit the rule inspector shows is translated: its totals' units ("actions") were
left out of the texts handed to the translation file, so the Chinese inspector read
"账户处置 (actions)"."""

from __future__ import annotations

from app.i18n import model_texts
from simulation.metrics.registry import RULE_COUNTS
from simulation.runs.report_words import Words


def test_every_rule_counts_units_are_declared_and_translated():
    declared = model_texts()
    zh = Words("zh_CN")
    for c in RULE_COUNTS:
        for said in (c.unit, c.total_unit):
            assert f'QT_TRANSLATE_NOOP("Units", {said!r})' in declared or (
                f"QT_TRANSLATE_NOOP('Units', {said!r})" in declared
            ), said
            assert zh.unit(said) != said, said
