"""Plain-language help: "what am I looking at" for each chart, the model's assumptions
and the metric definitions (the Help menu).

The charts' help says what a chart shows and how to read it; the definition of every
line on it comes from the metric registry (``simulation.metrics``), translated like
every other registry text (context "Meanings"). The assumptions are the section of
``docs/model.md`` between its ``assumptions`` markers; the Chinese interface shows
``docs/model-assumptions.zh_CN.md``, its translation.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import wiring
from app.charts import ChartSpec
from app.i18n import MEASURES_CONTEXT, meaning, measure_label, t, unit
from simulation.paths import project_root

CONTEXT = "ChartHelp"
# per chart: what it shows, and how to read it
CHART_HELP: dict[str, tuple[str, str]] = {
    "offers": (
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "How many offers of restricted goods (medicine, tobacco and vapes, sexual-health "
            "products, aphrodisiacs) were posted each day, one line per category.",
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "A drop after an announcement means sellers posted less, not that the filter "
            "caught more: compare with Precision and recall. Offers written in disguise are "
            "still counted here, caught or not.",
        ),
    ),
    "spam": (
        QT_TRANSLATE_NOOP(
            "ChartHelp", "Spam posted each day, and spam taken down that day (by any cause)."
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "The gap between the two lines is spam that stayed up that day. A policy aimed "
            "at restricted goods may leave spam alone.",
        ),
    ),
    "ad_share": (
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "Of everything people were shown that day, the share that was advertising "
            "(ads, spam and offers), and the share that was harmful (spam and offers).",
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "This counts views, not posts: a post removed within the hour is seen far less "
            "than one removed a day later. Lower is a cleaner feed.",
        ),
    ),
    "bans": (
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "Accounts banned each day: correctly (they had posted something violating in "
            "the wrongful window) or wrongfully (they had not), and bans overturned on "
            "appeal.",
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "These are accounts, not posts: the rule inspector's wrongful removals count "
            "posts. Each wrongful ban is an ordinary person locked out.",
        ),
    ),
    "quality": (
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "Precision: of the posts moderation took down that day, the share that were "
            "violating. Same-day recall: of the day's violating posts, the share taken down "
            "the same day.",
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "High precision and low recall: careful but missing most. Low precision: "
            "innocent posts are being removed. A day with nothing removed has no precision "
            "(a gap in the line).",
        ),
    ),
    "backlog": (
        QT_TRANSLATE_NOOP(
            "ChartHelp", "Posts waiting for a human reviewer at the end of each day."
        ),
        QT_TRANSLATE_NOOP(
            "ChartHelp",
            "A growing backlog means reviewers cannot keep up: what waits stays visible. "
            "Policies without human review keep it at zero.",
        ),
    ),
}
MARKS_HELP = QT_TRANSLATE_NOOP(
    "ChartHelp",
    "Dotted lines mark what happened: announcements, a policy coming into force or "
    "applied, a parameter changed, a lesson's step. The dashed line is the day shown in "
    "the feed: drag it, or type a day.",
)
ASSUMPTIONS_START = "<!-- assumptions -->"
ASSUMPTIONS_END = "<!-- /assumptions -->"


def chart_help_html(spec: ChartSpec) -> str:
    """The help of one chart: what it shows, how to read it, each line's definition."""
    what, how = CHART_HELP[spec.key]
    from simulation.metrics import definition

    lines = "".join(
        f"<li><b>{html.escape(s.label)}</b> ({html.escape(unit(definition(s.column).unit))}): "
        f"{html.escape(meaning(definition(s.column).meaning))}</li>"
        for s in spec.series
    )
    return (
        f"<h3>{html.escape(spec.title)}</h3>"
        f"<p><b>{html.escape(t(CONTEXT, 'What it shows'))}:</b> {html.escape(t(CONTEXT, what))}</p>"
        f"<p><b>{html.escape(t(CONTEXT, 'How to read it'))}:</b> {html.escape(t(CONTEXT, how))}</p>"
        f"<p><b>{html.escape(t(CONTEXT, 'The lines'))}:</b></p><ul>{lines}</ul>"
        f"<p>{html.escape(t(CONTEXT, MARKS_HELP))}</p>"
    )


HEADINGS = (
    QT_TRANSLATE_NOOP("ChartHelp", "What it shows"),
    QT_TRANSLATE_NOOP("ChartHelp", "How to read it"),
    QT_TRANSLATE_NOOP("ChartHelp", "The lines"),
)


def definitions_html() -> str:
    """Every daily metric, run measure and rule count: name, unit and meaning."""
    from simulation.metrics.registry import METRICS, RULE_COUNTS
    from simulation.metrics.summary import MEASURES, RELATIVE

    def table(title: str, rows: list[tuple[str, str, str, str]]) -> str:
        body = "".join(
            f"<tr><td>{f'<b>{html.escape(label)}</b><br>' if label else ''}"
            f"<code>{html.escape(name)}</code></td>"
            f"<td>{html.escape(u)}</td><td>{html.escape(m)}</td></tr>"
            for name, label, u, m in rows
        )
        head = (
            f"<tr><th>{html.escape(t(CONTEXT, 'Name'))}</th>"
            f"<th>{html.escape(t(CONTEXT, 'Unit'))}</th>"
            f"<th>{html.escape(t(CONTEXT, 'Meaning'))}</th></tr>"
        )
        return f"<h3>{html.escape(title)}</h3><table cellpadding='4'>{head}{body}</table>"

    # daily metrics are known by their column names (the charts' lines name them)
    daily = [(m.name, "", unit(m.unit), meaning(m.meaning)) for m in METRICS]
    measures = [
        (x.name, t(MEASURES_CONTEXT, x.label), unit(x.unit), meaning(x.meaning))
        for x in (*MEASURES, *RELATIVE)
    ]
    counts = [
        (c.name, t(MEASURES_CONTEXT, measure_label(c.name)), unit(c.unit), meaning(c.meaning))
        for c in RULE_COUNTS
    ]
    return (
        table(t(CONTEXT, "Run measures (the summary, Compare, saved runs)"), measures)
        + table(t(CONTEXT, "Daily metrics (the charts, daily_metrics.csv)"), daily)
        + table(t(CONTEXT, "Rule counts (the rule inspector)"), counts)
    )


TABLE_TITLES = (
    QT_TRANSLATE_NOOP("ChartHelp", "Name"),
    QT_TRANSLATE_NOOP("ChartHelp", "Unit"),
    QT_TRANSLATE_NOOP("ChartHelp", "Meaning"),
    QT_TRANSLATE_NOOP("ChartHelp", "Run measures (the summary, Compare, saved runs)"),
    QT_TRANSLATE_NOOP("ChartHelp", "Daily metrics (the charts, daily_metrics.csv)"),
    QT_TRANSLATE_NOOP("ChartHelp", "Rule counts (the rule inspector)"),
)


def assumptions_markdown(locale: str) -> str:
    """The model's assumptions as Markdown, in ``locale``."""
    docs = project_root() / "docs"
    if locale == "zh_CN":
        return (docs / "model-assumptions.zh_CN.md").read_text(encoding="utf-8")
    return assumptions_section(docs / "model.md")


def assumptions_section(path: Path) -> str:
    """The part of ``docs/model.md`` between the assumptions markers."""
    text = path.read_text(encoding="utf-8")
    pattern = re.escape(ASSUMPTIONS_START) + r"(.*?)" + re.escape(ASSUMPTIONS_END)
    found = re.search(pattern, text, re.S)
    if found is None:
        raise ValueError(f"{path}: no {ASSUMPTIONS_START} … {ASSUMPTIONS_END} section")
    return found.group(1).strip()


class HelpDialog(QDialog):
    """A non-modal window of help text (HTML or Markdown); reused for each topic."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.resize(720, 560)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        wiring.on_click(close, self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setWindowModality(Qt.WindowModality.NonModal)

    def show_html(self, title: str, body: str) -> None:
        self.setWindowTitle(title)
        self.browser.setHtml(body)
        self._raise()

    def show_markdown(self, title: str, body: str) -> None:
        self.setWindowTitle(title)
        self.browser.setMarkdown(body)
        self._raise()

    def _raise(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
