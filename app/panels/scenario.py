"""Scenario panel: preset picker and sliders for the main parameters.

Which parameters appear, their labels, ranges, units, tooltips and whether they are live
all come from the Scenario model (``simulation.scenario.controls``). Parameters
the engine reads every day (rates, evasion, re-registration, churn) are *live*: moving
the slider mid-run changes them from the next day, as in NetLogo. The others (population,
mix, seed) shape the world and take effect at the next setup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
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

from app.i18n import PARAM_HELP_CONTEXT, PARAMS_CONTEXT, t, unit
from simulation.scenario import (
    Control,
    Scenario,
    controls,
    field_info,
    get_dotted,
    load_scenario,
    preset_names,
)

SLIDER_STEPS = 1000
SLIDER_MIN_PX = 72


MIX_KEYS = (
    "population.mix.micro_merchant",
    "population.mix.restricted_seller",
    "population.mix.spammer",
)


class NameLabel(QLabel):
    """A parameter's name: on one line where the panel has room, on two where it has not
    (a long Chinese name then leaves its slider room to slide). Qt's own wrapped labels
    wrap by a rule of thumb even with room to spare."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        return QSize(one_line, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        narrow = min(hint.width(), hint.width() // 2 + self.fontMetrics().height())
        return QSize(narrow, self.fontMetrics().height())


class ParamControl(QWidget):
    """A slider and a spin box bound together."""

    changed = Signal(str, object)

    def __init__(self, key: str, param: Control, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.param = param
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setMinimumWidth(SLIDER_MIN_PX)  # narrower is no longer a slider
        if param.decimals == 0:
            self.spin: QSpinBox | QDoubleSpinBox = QSpinBox()
            self.spin.setRange(int(param.lo), int(param.hi))
        else:
            self.spin = QDoubleSpinBox()
            self.spin.setDecimals(param.decimals)
            self.spin.setRange(param.lo, param.hi)
            self.spin.setSingleStep(10**-param.decimals)
        self.spin.setObjectName(key)
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
            self.changed.emit(self.key, self.value())

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
        self.changed.emit(self.key, self.value())

    def _from_spin(self, value: float) -> None:
        if self._sync:
            return
        self._sync = True
        self._place_slider(value)
        self._sync = False
        self.changed.emit(self.key, self.value())


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
        self.description.setTextFormat(Qt.TextFormat.PlainText)  # the scenario's own text
        self.description.setWordWrap(True)
        self.description.setObjectName("scenarioDescription")
        self.controls: dict[str, ParamControl] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, param in controls():
            control = ParamControl(key, param)
            description, unit_name = field_info(key)
            when = (
                self.tr("live: takes effect the next day")
                if param.live
                else self.tr("takes effect at the next setup")
            )
            tip = f"{t(PARAM_HELP_CONTEXT, description)}\n[{unit(unit_name) or '–'}] · {when}"
            label = NameLabel(("⚡ " if param.live else "") + t("Params", param.label))
            label.setToolTip(tip)
            control.setToolTip(tip)
            control.changed.connect(self._on_changed)
            self.controls[key] = control
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

    def show_scenario(self, scenario: Scenario) -> None:
        """Take ``scenario`` as the base (a lesson's world: a preset with changes) and show
        its values on the sliders; ``scenario()`` then gives it back (in the interface's
        locale)."""
        self.base = scenario
        for key, control in self.controls.items():
            control.set_value(get_dotted(scenario, key))
        self.description.setText(scenario.description.strip())

    def scenario(self) -> Scenario:
        """The preset with every control's value; the interface locale picks the content's."""
        assert self.base is not None
        changes: dict[str, Any] = {k: c.value() for k, c in self.controls.items()}
        mix = sum(changes[k] for k in MIX_KEYS)
        changes["population.mix.regular"] = round(1.0 - mix, 10)
        changes["locale"] = self.locale
        return self.base.with_changes(changes)

    def describe(self, key: str, value: Any) -> str:
        """The parameter's label and the value as shown: "Spam per spammer = 20.00"."""
        control = self.controls.get(key)
        if control is None:
            return f"{key} = {value}"
        shown = control.spin.textFromValue(value)
        return f"{t(PARAMS_CONTEXT, control.param.label)} = {shown}"

    def _on_changed(self, key: str, value: Any) -> None:
        live = self.controls[key].param.live
        (self.liveChanged if live else self.setupChanged).emit(key, value)
