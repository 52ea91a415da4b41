"""Interface language: Qt translations compiled from ``assets/i18n/circlelab_<locale>.ts``.

Widgets use ``self.tr``; module-level texts (chart titles, units, parameter labels) are
marked with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` finds them, and translated at
run time with :func:`t`. ``python -m app.i18n`` refreshes the .ts and compiles the .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTranslator

from app.assets import i18n_dir
from simulation.scenario import controls

LOCALES = ("en_US", "zh_CN")
PARAMS_CONTEXT = "Params"  # context of the scenario parameters' labels
PARAM_HELP_CONTEXT = "ParamHelp"  # the scenario parameters' descriptions (tooltips)
CORPUS_CONTEXT = "CorpusHeaders"  # the corpus table's columns (policy.evaluate.RULE_HEADER)
MEANINGS_CONTEXT = "Meanings"  # what each metric, measure and rule count means (the registry)
MEASURES_CONTEXT = "Measures"  # the names of run measures and rule counts, as shown
CHARTS_CONTEXT = "Charts"  # chart titles and series labels (simulation.runs.figures)

# Units of the metric registry and scenario parameters, so lupdate lists them.
UNITS = (
    QT_TRANSLATE_NOOP("Units", "posts/day"),
    QT_TRANSLATE_NOOP("Units", "offers/day"),
    QT_TRANSLATE_NOOP("Units", "impressions/day"),
    QT_TRANSLATE_NOOP("Units", "share"),
    QT_TRANSLATE_NOOP("Units", "accounts"),
    QT_TRANSLATE_NOOP("Units", "accounts/day"),
    QT_TRANSLATE_NOOP("Units", "posts"),
    QT_TRANSLATE_NOOP("Units", "probability"),
    QT_TRANSLATE_NOOP("Units", "probability/day"),
    QT_TRANSLATE_NOOP("Units", "days"),
    QT_TRANSLATE_NOOP("Units", "friends"),
    QT_TRANSLATE_NOOP("Units", "sellers/day/10k"),
    QT_TRANSLATE_NOOP("Units", "spammers/day/10k"),
    QT_TRANSLATE_NOOP("Units", "CNY"),
    QT_TRANSLATE_NOOP("Units", "CNY/day"),
    QT_TRANSLATE_NOOP("Units", "day"),
)

KIND_NAMES = (
    QT_TRANSLATE_NOOP("Kinds", "life"),
    QT_TRANSLATE_NOOP("Kinds", "ad"),
    QT_TRANSLATE_NOOP("Kinds", "spam"),
    QT_TRANSLATE_NOOP("Kinds", "offer"),
)


# Words the engine uses for accounts and actions, shown in the inspectors.
ACCOUNT_WORDS = (
    QT_TRANSLATE_NOOP("Words", "regular"),
    QT_TRANSLATE_NOOP("Words", "micro merchant"),
    QT_TRANSLATE_NOOP("Words", "restricted seller"),
    QT_TRANSLATE_NOOP("Words", "spammer"),
    QT_TRANSLATE_NOOP("Words", "personal"),
    QT_TRANSLATE_NOOP("Words", "official"),
    QT_TRANSLATE_NOOP("Words", "active"),
    QT_TRANSLATE_NOOP("Words", "restricted"),
    QT_TRANSLATE_NOOP("Words", "banned"),
    QT_TRANSLATE_NOOP("Words", "exited"),
    QT_TRANSLATE_NOOP("Words", "churned"),
    QT_TRANSLATE_NOOP("Words", "none"),
    QT_TRANSLATE_NOOP("Words", "spacing"),
    QT_TRANSLATE_NOOP("Words", "homoglyph"),
    QT_TRANSLATE_NOOP("Words", "pinyin abbrev"),
    QT_TRANSLATE_NOOP("Words", "emoji"),
    QT_TRANSLATE_NOOP("Words", "contact only"),
    QT_TRANSLATE_NOOP("Words", "image only"),
    QT_TRANSLATE_NOOP("Words", "warn"),
    QT_TRANSLATE_NOOP("Words", "restrict"),
    QT_TRANSLATE_NOOP("Words", "ban"),
    QT_TRANSLATE_NOOP("Words", "reinstate"),
    # a rule's post actions, the stages a post is decided at, what reports are counted per
    # (the reasons of policy.reasons)
    QT_TRANSLATE_NOOP("Words", "allow"),
    QT_TRANSLATE_NOOP("Words", "label"),
    QT_TRANSLATE_NOOP("Words", "downrank"),
    QT_TRANSLATE_NOOP("Words", "review"),
    QT_TRANSLATE_NOOP("Words", "remove"),
    QT_TRANSLATE_NOOP("Words", "upload"),
    QT_TRANSLATE_NOOP("Words", "report"),
    QT_TRANSLATE_NOOP("Words", "appeal"),
    QT_TRANSLATE_NOOP("Words", "post"),
    QT_TRANSLATE_NOOP("Words", "account"),
)


def word(text: str) -> str:
    """An engine word (``restricted_seller``, ``banned``, ``warn``) in the interface language."""
    return t("Words", str(text).replace("_", " "))


def t(context: str, text: str) -> str:
    """Translate a text marked elsewhere with QT_TRANSLATE_NOOP."""
    return QCoreApplication.translate(context, text)


def unit(text: str) -> str:
    return t("Units", text)


def qm_path(locale: str) -> Path:
    return i18n_dir() / f"circlelab_{locale}.qm"


def ts_path(locale: str) -> Path:
    return i18n_dir() / f"circlelab_{locale}.ts"


def install(app: QCoreApplication, locale: str) -> QTranslator | None:
    """Load and install the translator for ``locale`` (English needs none)."""
    QLocale.setDefault(QLocale(locale))
    if locale == "en_US":
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm_path(locale))):
        print(f"circlelab: no translation for {locale} ({qm_path(locale)})", file=sys.stderr)
        return None
    app.installTranslator(translator)
    return translator


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def model_texts() -> str:
    """Python source declaring the texts the app shows from the headless models.

    They are defined once, headless: the scenario panel's slider labels and descriptions
    on the Scenario model, the corpus table's columns (``policy.evaluate``), the charts'
    titles and series in ``simulation.runs.figures.LIVE_CHARTS``, and every metric's,
    run fact's, run measure's and rule count's name, unit and meaning in the metric
    registry (``simulation.metrics``), the words of a run's, a sweep's and a study's
    report (``simulation.runs.report_words``), the message templates of the problems of a
    policy, a corpus, a scenario and a lesson and of the errors of stored runs and
    databases (``policy.messages``, ``policy.corpus_messages``, ``simulation.messages``,
    ``simulation.runs.messages``: see ``app.problems``) and of the reasons of
    enforcement events (``policy.reasons``: see ``app.reasons``).
    lupdate only reads Qt calls, so they are handed to it as
    ``QT_TRANSLATE_NOOP(context, text)`` lines.
    """
    import policy.corpus_messages  # registers a corpus's templates
    import policy.reasons  # noqa: F401  (registers the reasons' templates)
    import simulation.messages  # registers a scenario's and a lesson's templates
    import simulation.runs.messages  # a stored run's and a database's templates
    from policy import messages
    from policy.evaluate import RULE_HEADER
    from simulation.metrics.registry import METRICS, RULE_COUNTS
    from simulation.metrics.summary import FACTS, MEASURES, RELATIVE
    from simulation.runs.live_charts import LIVE_CHARTS
    from simulation.scenario import field_info

    texts: list[tuple[str, str]] = [(PARAMS_CONTEXT, c.label) for _key, c in controls()]
    texts += [(PARAM_HELP_CONTEXT, field_info(key)[0]) for key, _c in controls()]
    texts += [("Units", field_info(key)[1]) for key, _c in controls()]
    texts += [(CORPUS_CONTEXT, h) for h in RULE_HEADER]
    for chart in LIVE_CHARTS.values():
        texts.append((CHARTS_CONTEXT, chart.title))
        texts += [(CHARTS_CONTEXT, label) for _column, label in chart.series if label]
    for entry in (*METRICS, *FACTS, *MEASURES, *RELATIVE, *RULE_COUNTS):
        texts += [(MEANINGS_CONTEXT, entry.meaning), ("Units", entry.unit)]
    texts += [(MEASURES_CONTEXT, x.label) for x in (*FACTS, *MEASURES, *RELATIVE)]
    texts += [(MEASURES_CONTEXT, measure_label(c.name)) for c in RULE_COUNTS]
    texts += [("Units", c.total_unit) for c in RULE_COUNTS]  # a total's (the inspector's)
    texts += messages.registered()  # every file's problems, each in its context
    # a run's report and its charts, written in the app's language when saved from it,
    # and a sweep's, a study's and a comparison's (circlelab sweep/study/report --lang)
    import simulation.runs.figures  # (declares the charts' texts; matplotlib)
    import simulation.runs.outputs  # (declares the page's texts)
    import simulation.sweeps.words  # noqa: F401  (a sweep report's page and charts)
    from simulation.runs import report_words

    texts += [(report_words.CONTEXT, text) for text in report_words.texts()]
    seen: set[tuple[str, str]] = set()
    lines = []
    for context, text in texts:
        if text and (context, text) not in seen:
            seen.add((context, text))
            lines.append(f"QT_TRANSLATE_NOOP({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def measure_label(name: str) -> str:
    """How a measure or count is named on screen in English: ``wrongful_bans`` →
    ``wrongful bans`` (translated in context "Measures")."""
    return name.replace("_", " ").replace("10k", "10,000")


def meaning(text: str) -> str:
    """A registry meaning in the interface language."""
    return t(MEANINGS_CONTEXT, text)


def update(locales: tuple[str, ...] = ("zh_CN",)) -> None:
    """Extract texts from app/ (and the models' labels) into the .ts files, keeping
    translations, and compile the .qm."""
    sources = sorted(str(p) for p in Path(__file__).parent.rglob("*.py"))
    # written beside the .ts for the time lupdate reads it, so its location is stable
    labels = i18n_dir() / "model_texts.py"
    labels.write_text(model_texts(), encoding="utf-8")
    try:
        for loc in locales:
            subprocess.run(
                [
                    _tool("pyside6-lupdate"),
                    *sources,
                    str(labels),
                    "-no-obsolete",
                    "-ts",
                    str(ts_path(loc)),
                ],
                check=True,
            )
            subprocess.run(
                [_tool("pyside6-lrelease"), str(ts_path(loc)), "-qm", str(qm_path(loc))],
                check=True,
            )
    finally:
        labels.unlink(missing_ok=True)


if __name__ == "__main__":
    update()
