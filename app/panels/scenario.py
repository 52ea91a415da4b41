"""Scenario panel: preset picker and sliders for the main parameters.

Labels, units and tooltips come from the Scenario model's field metadata. Parameters
the engine reads every day (rates, evasion, re-registration, churn) are *live*: moving
the slider mid-run changes them from the next day, as in NetLogo. The others (population,
mix, seed) shape the world and take effect at the next setup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.i18n import t, unit
from simulation.scenario import Scenario, load_scenario, preset_names

SLIDER_STEPS = 1000


@dataclass(frozen=True)
class Param:
    key: str
    label: str
    lo: float
    hi: float
    live: bool
    decimals: int = 2


PARAMS = (
    Param("seed", QT_TRANSLATE_NOOP("Params", "Seed"), 0, 99_999, False, 0),
    Param("days", QT_TRANSLATE_NOOP("Params", "Days"), 1, 730, False, 0),
    Param("population.accounts", QT_TRANSLATE_NOOP("Params", "Accounts"), 200, 200_000, False, 0),
    Param(
        "population.mix.micro_merchant",
        QT_TRANSLATE_NOOP("Params", "Micro-merchants"),
        0,
        0.3,
        False,
    ),
    Param(
        "population.mix.restricted_seller",
        QT_TRANSLATE_NOOP("Params", "Restricted sellers"),
        0,
        0.3,
        False,
    ),
    Param("population.mix.spammer", QT_TRANSLATE_NOOP("Params", "Spammers"), 0, 0.2, False),
    Param("posting.life_per_day", QT_TRANSLATE_NOOP("Params", "Life posts per user"), 0, 5, True),
    Param("posting.merchant_per_day", QT_TRANSLATE_NOOP("Params", "Ads per merchant"), 0, 10, True),
    Param("posting.seller_per_day", QT_TRANSLATE_NOOP("Params", "Offers per seller"), 0, 10, True),
    Param("posting.spammer_per_day", QT_TRANSLATE_NOOP("Params", "Spam per spammer"), 0, 20, True),
    Param("exposure.view_prob", QT_TRANSLATE_NOOP("Params", "View probability"), 0, 1, True),
    Param("sellers.evasion_initial", QT_TRANSLATE_NOOP("Params", "Initial evasion"), 0, 1, True),
    Param("sellers.evasion_learn", QT_TRANSLATE_NOOP("Params", "Evasion learning"), 0, 1, True),
    Param(
        "sellers.reregister_prob", QT_TRANSLATE_NOOP("Params", "Seller re-registration"), 0, 1, True
    ),
    Param(
        "sellers.reregister_delay_days",
        QT_TRANSLATE_NOOP("Params", "Re-registration delay"),
        0,
        30,
        True,
        1,
    ),
    Param("sellers.entry_per_day", QT_TRANSLATE_NOOP("Params", "New sellers"), 0, 10, True),
    Param(
        "spammers.reregister_prob",
        QT_TRANSLATE_NOOP("Params", "Spammer re-registration"),
        0,
        1,
        True,
    ),
    Param("spammers.entry_per_day", QT_TRANSLATE_NOOP("Params", "New spammers"), 0, 5, True),
    Param("churn.threshold", QT_TRANSLATE_NOOP("Params", "Churn threshold"), 0, 1, True),
)
MIX_KEYS = (
    "population.mix.micro_merchant",
    "population.mix.restricted_seller",
    "population.mix.spammer",
)


def field_info(key: str) -> tuple[str, str]:
    """(description, unit) of a dotted scenario parameter, from the pydantic model."""
    model: Any = Scenario
    info = None
    for part in key.split("."):
        info = model.model_fields[part]
        model = info.annotation
    assert info is not None
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return info.description or "", str(extra.get("unit", ""))


def get_dotted(scenario: Scenario, key: str) -> Any:
    node: Any = scenario
    for part in key.split("."):
        node = getattr(node, part)
    return node


class ParamControl(QWidget):
    """A slider and a spin box bound together."""

    changed = Signal(str, object)

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        if param.decimals == 0:
            self.spin: QSpinBox | QDoubleSpinBox = QSpinBox()
            self.spin.setRange(int(param.lo), int(param.hi))
        else:
            self.spin = QDoubleSpinBox()
            self.spin.setDecimals(param.decimals)
            self.spin.setRange(param.lo, param.hi)
            self.spin.setSingleStep(10**-param.decimals)
        self.spin.setObjectName(param.key)
        self.spin.setMinimumWidth(80)
        self.spin.setKeyboardTracking(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self._sync = False
        self.slider.valueChanged.connect(self._from_slider)
        self.spin.valueChanged.connect(self._from_spin)

    def value(self) -> Any:
        v = self.spin.value()
        return int(v) if self.param.decimals == 0 else float(v)

    def set_value(self, value: Any, emit: bool = False) -> None:
        self._sync = True
        self.spin.setValue(value)
        self._place_slider(value)
        self._sync = False
        if emit:
            self.changed.emit(self.param.key, self.value())

    def _place_slider(self, value: float) -> None:
        p = self.param
        self.slider.setValue(round((float(value) - p.lo) / (p.hi - p.lo) * SLIDER_STEPS))

    def _from_slider(self, pos: int) -> None:
        if self._sync:
            return
        p = self.param
        value = p.lo + (p.hi - p.lo) * pos / SLIDER_STEPS
        self._sync = True
        self.spin.setValue(round(value) if p.decimals == 0 else round(value, p.decimals))
        self._sync = False
        self.changed.emit(p.key, self.value())

    def _from_spin(self, value: float) -> None:
        if self._sync:
            return
        self._sync = True
        self._place_slider(value)
        self._sync = False
        self.changed.emit(self.param.key, self.value())


class ScenarioPanel(QWidget):
    """Preset + parameters; ``scenario()`` is the preset with the controls applied."""

    liveChanged = Signal(str, object)  # a live parameter moved: apply to the running engine
    setupChanged = Signal(str, object)  # a world parameter moved: needs a new setup
    presetChanged = Signal(str)

    def __init__(self, locale: str = "en_US", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locale = locale
        self.base: Scenario | None = None
        self.preset = QComboBox()
        self.preset.setObjectName("scenarioPreset")
        self.preset.addItems(preset_names())
        self.preset.currentTextChanged.connect(self.load_preset)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("scenarioDescription")
        self.controls: dict[str, ParamControl] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for param in PARAMS:
            control = ParamControl(param)
            description, unit_name = field_info(param.key)
            when = (
                self.tr("live: takes effect the next day")
                if param.live
                else self.tr("takes effect at the next setup")
            )
            tip = f"{description}\n[{unit(unit_name) or '–'}] · {when}"
            label = QLabel(("⚡ " if param.live else "") + t("Params", param.label))
            label.setToolTip(tip)
            control.setToolTip(tip)
            control.changed.connect(self._on_changed)
            self.controls[param.key] = control
            form.addRow(label, control)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        legend = QLabel(self.tr("⚡ live parameters change a running world from the next day"))
        legend.setWordWrap(True)
        legend.setObjectName("hint")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Preset:")))
        row.addWidget(self.preset, 1)
        layout.addLayout(row)
        layout.addWidget(self.description)
        layout.addWidget(scroll, 1)
        layout.addWidget(legend)

    def load_preset(self, name: str) -> None:
        if self.preset.currentText() != name:
            self.preset.setCurrentText(name)  # re-enters through currentTextChanged
            return
        self.base = load_scenario(name)
        for key, control in self.controls.items():
            control.set_value(get_dotted(self.base, key))
        self.description.setText(self.base.description.strip())
        self.presetChanged.emit(name)

    def scenario(self) -> Scenario:
        """The preset with every control's value; the interface locale picks the content's."""
        assert self.base is not None
        changes: dict[str, Any] = {k: c.value() for k, c in self.controls.items()}
        mix = sum(changes[k] for k in MIX_KEYS)
        changes["population.mix.regular"] = round(1.0 - mix, 10)
        changes["locale"] = self.locale
        return self.base.with_changes(changes)

    def _on_changed(self, key: str, value: Any) -> None:
        param = next(p for p in PARAMS if p.key == key)
        (self.liveChanged if param.live else self.setupChanged).emit(key, value)
