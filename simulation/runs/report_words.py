"""The words of a run's report and of its charts, in the language it is written in.

A run's report (``simulation.runs.outputs``) and its charts (``simulation.runs.figures``)
are written in English unless another locale is asked for (``circlelab run --lang
zh_CN``, ``runs export --lang``, the app's Save run in its own language). Their texts
are declared here with :func:`text` (context :data:`CONTEXT`); ``python -m app.i18n``
hands them to lupdate, so they are translated once, in the app's translation file, and
read headless from it (:mod:`simulation.i18n`). The registry's names, units and meanings
come from the same file (contexts ``Measures``, ``Units``, ``Meanings``), as the app
shows them. A text without a translation stays English.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from simulation.i18n import translator

if TYPE_CHECKING:
    from policy.messages import Message

CONTEXT = "Report"  # the translation context of the report's own texts
LOCALES = ("en_US", "zh_CN")  # the languages a report can be written in
_TEXTS: list[str] = []


def text(english: str) -> str:
    """Declare ``english`` (a module-level constant) as a text of the report."""
    if english not in _TEXTS:
        _TEXTS.append(english)
    return english


def texts() -> list[str]:
    """Every text declared so far: the report's once ``simulation.runs.outputs`` and
    ``simulation.runs.figures`` (the charts') are imported."""
    return list(_TEXTS)


# between the items of a list in a sentence ("day 5: …; day 8: …")
LIST_SEPARATOR = text("; ")

# the channels a post is sold through (policy.interface.CHANNEL_NAMES), in words
CHANNELS = {
    "moments": text("Moments feed"),
    "chat": text("private chats"),
    "group": text("group chats"),
}


@functools.lru_cache(maxsize=2)
def _category_labels(locale: str) -> dict[str, str]:
    from simulation.catalogue import load_catalogue

    return {c.name: c.label.get(locale, c.name) for c in load_catalogue().categories}


def measure_label(name: str) -> str:
    """How a measure or count is named on screen in English: ``wrongful_bans`` →
    ``wrongful bans`` (translated in context "Measures")."""
    return name.replace("_", " ").replace("10k", "10,000")


class Words:
    """The report's words in ``locale`` (English for ``en_US`` or a text not translated)."""

    def __init__(self, locale: str = "en_US") -> None:
        if locale not in LOCALES:
            raise ValueError(f"no report language {locale!r} (one of {', '.join(LOCALES)})")
        self.locale = locale
        self._tr = translator(locale)

    @property
    def english(self) -> bool:
        return self.locale == "en_US"

    @property
    def html_lang(self) -> str:
        return self.locale.replace("_", "-") if not self.english else "en"

    def __call__(self, english: str) -> str:
        return self._tr(CONTEXT, english)

    def message(self, message: Message | str) -> str:
        """A :class:`~policy.messages.Message` (a stored run's state, a sweep's note) in
        the report's language, each template in its own context; a plain text as it is."""
        if isinstance(message, str):
            return message
        from policy.messages import context_of

        def said(template: str) -> str:
            try:
                return self._tr(context_of(template), template)
            except KeyError:  # registered in another process only
                return template

        return message.render(said)

    def join(self, items: list[str]) -> str:
        """``items`` as one list in a sentence: ``"a; b"`` in English, ``"a；b"`` in Chinese."""
        return self(LIST_SEPARATOR).join(items)

    def one_day(self, marks: str) -> str:
        """A day's event marks as ``simulation.runs.marks.merged`` joins them (``"; "``
        between them, what a chart splits its label at), as a sentence lists them."""
        return self.join(marks.split("; "))

    def unit(self, english: str) -> str:
        return self._tr("Units", english)

    def meaning(self, english: str) -> str:
        return self._tr("Meanings", english)

    def legend(self, name: str) -> str:
        """A category's or channel's name in a chart's legend: the catalogue's own label
        of a category in Chinese (as the app's legends), a channel's word; in English the
        id with spaces (``sexual_health`` → "sexual health")."""
        if self.english:
            return name.replace("_", " ")
        labels = _category_labels(self.locale)
        if name in labels:
            return labels[name]
        return self(CHANNELS.get(name, name.replace("_", " ")))

    def label(self, english: str) -> str:
        """A summary measure's label as the app names it (``harm avoided``; context
        "Measures"), the English label as it is."""
        return self._tr("Measures", english)

    def kind(self, english: str) -> str:
        """A kind of post (``life``, ``ad``, ``spam``, ``offer``) as the app names it."""
        return self._tr("Kinds", english)

    def measure(self, name: str) -> str:
        """A measure's or count's name (``wrongful_bans``): "wrongful bans" in English, a
        run measure's own label where it has one (``days_to_halve_above``: "never halved:
        days after start"), as the app names it."""
        from simulation.metrics.summary import BY_MEASURE

        shown = BY_MEASURE[name].shown if name in BY_MEASURE else ""
        label = shown or measure_label(name)
        said = self._tr("Measures", label)
        return said if said != label else shown or name.replace("_", " ")
