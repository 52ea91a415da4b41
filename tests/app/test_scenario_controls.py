"""The scenario panel renders one slider per model control, translated in Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.i18n import PARAMS_CONTEXT, ts_path
from app.panels.scenario import ScenarioPanel
from simulation.scenario import controls


def test_panel_has_a_control_per_model_parameter(qtbot):
    panel = ScenarioPanel()
    qtbot.addWidget(panel)
    panel.load_preset("classroom")
    assert list(panel.controls) == [key for key, _c in controls()]
    spin = panel.controls["sellers.evasion_learn"].spin
    assert spin.value() == 0.7  # the classroom preset's value
    seen = []
    panel.liveChanged.connect(lambda k, v: seen.append((k, v)))
    spin.setValue(0.3)
    assert seen == [("sellers.evasion_learn", 0.3)]


def test_every_control_label_is_translated():
    root = ET.parse(ts_path("zh_CN")).getroot()
    done = {
        m.findtext("source"): m.findtext("translation")
        for ctx in root.iter("context")
        if ctx.findtext("name") == PARAMS_CONTEXT
        for m in ctx.iter("message")
    }
    for _key, control in controls():
        assert done.get(control.label), f"no zh_CN translation for {control.label!r}"
