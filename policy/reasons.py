"""Why a policy acted: every reason its decisions carry, one declared template per kind.

A strike-ladder step, a restrict or ban rule acting on an account, a rule firing on a
post, a reviewer's verdict, an appeal, and the hits that made a rule fire are each a kind
of :data:`KINDS`: an English template with named fields.

The engine writes a reason as plain English text straight from the template
(:data:`ENGLISH`: the template as a precomputed format string, filled positionally in
the template's order, with each number's format spec), so the command line, ``circlelab
policy explain``, rule tests and the stored ``reason`` and ``evidence`` columns read as
they always did, and writing a reason costs what an f-string costs.

:func:`parse` reads such a text back into a :class:`Reason` (its kind and the values of
its fields) with regular expressions made from the same templates, so the app can word
a stored reason in the interface's language (:meth:`Reason.render` with the template's
translation, Qt context :data:`CONTEXT`); a text that does not read back (written by
another version, or made ambiguous by a rule's name) is shown as it is.

Each field of a kind has a type:

- ``text``: the user's own words or ids (a rule's or detector's name, a term as
  written, a post id), never translated;
- ``word``: an engine word (``ban``, ``upload``, ``post``), translated by the app;
- ``reason``: another reason (translated in turn; :attr:`ReasonKind.parts` names the
  kinds it may be), or plain text (``""`` when absent);
- ``reasons``: a list of reasons, joined by ``"; "``;
- a format spec (``.2f``, ``d``, ``g``): a number, written as the interface's locale
  writes it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from policy.messages import register

CONTEXT = "Reasons"  # the Qt translation context of the templates
TEXT, WORD, REASON, REASONS = "text", "word", "reason", "reasons"
FIELD_TYPES = (TEXT, WORD, REASON, REASONS)  # or a number's format spec

# the regular expressions of a field's text
QUOTED = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""  # a string as Python's repr writes it
NUMBER = r"-?\d+"  # an id
EMPTY = ""  # nothing: a piece of a reason that is absent
NEVER = "(?!)"  # no plain text: only one of the field's kinds
_ANY = {False: ".*?", True: ".*"}  # any text, lazily and greedily
_WORD = r"[\w-]+"


@dataclass(frozen=True)
class ReasonKind:
    """One kind of reason: its English template, the type of each field and, for a
    ``reason`` or ``reasons`` field, the kinds it may hold (in the order they are read
    back); ``patterns`` narrows what a ``text`` field, or the plain text a ``reason``
    field may hold instead of one of its kinds, can be (any text when not given)."""

    key: str
    template: str
    fields: Mapping[str, str]
    parts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        named = [name for _t, name, _s, _c in string.Formatter().parse(self.template) if name]
        if sorted(named) != sorted(self.fields) or len(set(named)) != len(named):
            raise ValueError(f"{self.key}: {self.template!r} names {named}")
        for name, typ in self.fields.items():
            if typ not in FIELD_TYPES:
                format(0.0 if typ != "d" else 0, typ)  # ValueError: not a number's spec
            if (name in self.parts) != (typ in (REASON, REASONS)):
                raise ValueError(f"{self.key}: field {name!r} ({typ}) and its parts")
        register(self.template, CONTEXT)

    @property
    def order(self) -> tuple[str, ...]:
        """The fields in the order the template names them (:data:`ENGLISH`'s)."""
        return tuple(n for _t, n, _s, _c in string.Formatter().parse(self.template) if n)

    def english(self) -> str:
        """The template as a positional format string, each number with its spec (an
        integer as ``str`` writes it)."""
        out = []
        for literal, name, _s, _c in string.Formatter().parse(self.template):
            out.append(literal.replace("{", "{{").replace("}", "}}"))
            if name:
                typ = self.fields[name]
                spec = "" if typ in FIELD_TYPES or typ == "d" else ":" + typ
                out.append("{" + str(self.order.index(name)) + spec + "}")
        return "".join(out)


def _kinds(*kinds: ReasonKind) -> dict[str, ReasonKind]:
    return {k.key: k for k in kinds}


_FIRED = ("fired_shadow_on", "fired_shadow", "fired_on", "fired")
_HOW = ("how_abbreviation", "how_pinyin", "how_sound", "how_other")
_QUOTED_WHAT = ("predicted_violating", "predicted", "reports", "banned_device")

KINDS: dict[str, ReasonKind] = _kinds(
    # the strike ladder: an account's strikes crossed a step
    ReasonKind(
        "ladder",
        "strike ladder: {total} strikes in {window}d ≥ {at} → {step} (rule '{rule}', post {post})",
        {"total": ".2f", "window": "d", "at": "g", "step": REASON, "rule": TEXT, "post": TEXT},
        parts={"step": ("step_days", "step")},
        patterns={"step": NEVER, "post": NUMBER},
    ),
    ReasonKind("step", "{action}", {"action": WORD}),
    ReasonKind("step_days", "{action} {days}d", {"action": WORD, "days": "d"}),
    # a live restrict or ban rule acted on a post's author
    ReasonKind(
        "rule_account",
        "rule '{rule}' → {action}: {evidence}",
        {"rule": TEXT, "action": WORD, "evidence": REASON},
        parts={"evidence": _FIRED},
        patterns={"evidence": NEVER},
    ),
    # a rule fired on a post (at a stage), on its detectors' hits
    ReasonKind(
        "fired", "{stage}: rule '{rule}' → {action}", {"stage": WORD, "rule": TEXT, "action": WORD}
    ),
    ReasonKind(
        "fired_on",
        "{stage}: rule '{rule}' → {action} on {hits}",
        {"stage": WORD, "rule": TEXT, "action": WORD, "hits": REASONS},
        parts={"hits": ("hit",)},
    ),
    ReasonKind(
        "fired_shadow",
        "{stage}: rule '{rule}' → {action} (shadow)",
        {"stage": WORD, "rule": TEXT, "action": WORD},
    ),
    ReasonKind(
        "fired_shadow_on",
        "{stage}: rule '{rule}' → {action} (shadow) on {hits}",
        {"stage": WORD, "rule": TEXT, "action": WORD, "hits": REASONS},
        parts={"hits": ("hit",)},
    ),
    # what a detector found (policy.detectors.base.Hit): the term as Python's repr
    # writes it, and the category, the text as written and how it matched when known
    ReasonKind(
        "hit",
        "{detector}: {term}{category}{written}{how}",
        {"detector": TEXT, "term": REASON, "category": REASON, "written": REASON, "how": REASON},
        parts={
            "term": ("hit_quoted",),
            "category": ("hit_category",),
            "written": ("hit_written",),
            "how": ("hit_how",),
        },
        patterns={"term": QUOTED, "category": EMPTY, "written": EMPTY, "how": EMPTY},
    ),
    ReasonKind("hit_category", " [{category}]", {"category": TEXT}),
    ReasonKind(
        "hit_written", " as written {written}", {"written": TEXT}, patterns={"written": QUOTED}
    ),
    ReasonKind(
        "hit_how", " ({how})", {"how": REASON}, parts={"how": _HOW}, patterns={"how": NEVER}
    ),
    ReasonKind("how_abbreviation", "abbreviation {spelling}", {"spelling": TEXT}),
    ReasonKind("how_pinyin", "pinyin {syllables}", {"syllables": TEXT}),
    ReasonKind("how_sound", "sound-alike {syllables}", {"syllables": TEXT}),
    ReasonKind("how_other", "{how}", {"how": TEXT}),
    ReasonKind(
        "hit_quoted",
        "'{what}'",
        {"what": REASON},
        parts={"what": _QUOTED_WHAT},
        patterns={"what": NEVER},
    ),
    ReasonKind("predicted", "predicted {categories}", {"categories": TEXT}),
    ReasonKind("predicted_violating", "predicted violating", {}),
    ReasonKind(
        "reports",
        "{count} reports per {per} in {window}d (≥{least})",
        {"count": "d", "per": WORD, "window": "d", "least": "d"},
    ),
    ReasonKind("banned_device", "previously banned device", {}),
    # a reviewer's verdict on a post a rule sent to review
    ReasonKind(
        "review_confirmed",
        "review: reviewer confirmed rule '{rule}' after {hours}h",
        {"rule": TEXT, "hours": ".1f"},
    ),
    ReasonKind(
        "review_rejected",
        "review: reviewer rejected rule '{rule}' after {hours}h",
        {"rule": TEXT, "hours": ".1f"},
    ),
    # an appeal that overturned an action (restoring a post, reinstating an account)
    ReasonKind("appeal", "appeal: overturned rule '{rule}'", {"rule": TEXT}),
    ReasonKind(
        "appeal_wrong", "appeal: overturned rule '{rule}' (the action was wrong)", {"rule": TEXT}
    ),
)

# the kinds a decision's reason is (an account event's reason, a post's evidence line)
DECISIONS = ("ladder", "rule_account", *_FIRED, "review_confirmed", "review_rejected")
DECISIONS += ("appeal_wrong", "appeal")

# The engine's English of each kind: ``ENGLISH[key](*values)``, the values in the order
# the template names its fields (:attr:`ReasonKind.order`), a nested reason or a list of
# them already written out (a list joined by "; "), an absent piece as "".
ENGLISH: dict[str, Callable[..., str]] = {k: kind.english().format for k, kind in KINDS.items()}

Translate = Callable[[str], str]
Number = Callable[[float, str], str]


class Reason:
    """A reason of kind ``key`` with its fields' values (as :func:`parse` reads them
    back): a number as a number, a nested reason as a :class:`Reason` (or its plain
    text), a list of reasons as a tuple."""

    __slots__ = ("args", "key")

    def __init__(self, key: str, **args: Any) -> None:
        kind = KINDS[key]  # KeyError: not a kind of this module
        if args.keys() != kind.fields.keys():
            raise ValueError(f"reason {key!r} takes {sorted(kind.fields)}, not {sorted(args)}")
        self.key = key
        self.args: tuple[tuple[str, Any], ...] = tuple(
            (name, tuple(args[name]) if typ == REASONS else args[name])
            for name, typ in kind.fields.items()
        )

    def __getitem__(self, name: str) -> Any:
        return dict(self.args)[name]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reason) and (self.key, self.args) == (other.key, other.args)

    def __hash__(self) -> int:
        return hash((self.key, self.args))

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={v!r}" for n, v in self.args)
        return f"Reason({self.key!r}, {shown})"

    def __str__(self) -> str:
        return self.render()

    def render(
        self,
        translate: Translate | None = None,
        word: Translate | None = None,
        number: Number | None = None,
    ) -> str:
        """The reason in words: each template through ``translate`` (the engine's English
        when None), engine words through ``word``, numbers written by ``number(value,
        spec)``; a translation that does not fill gives the English template instead."""
        kind = KINDS[self.key]

        def one(value: Any) -> str:
            return value.render(translate, word, number) if isinstance(value, Reason) else value

        values = dict(self.args)
        if translate is None and word is None and number is None:  # as the engine writes it
            return ENGLISH[self.key](
                *(
                    "; ".join(one(v) for v in values[n])
                    if kind.fields[n] == REASONS
                    else one(values[n])
                    for n in kind.order
                )
            )
        shown: dict[str, str] = {}
        for name, value in self.args:
            typ = kind.fields[name]
            if typ == REASONS:
                shown[name] = "; ".join(one(v) for v in value)
            elif typ in (REASON, TEXT):
                shown[name] = one(value)
            elif typ == WORD:
                shown[name] = word(value) if word is not None else value
            else:
                shown[name] = number(value, typ) if number is not None else format(value, typ)
        template = translate(kind.template) if translate is not None else kind.template
        try:
            return template.format(**shown)
        except (KeyError, IndexError, ValueError):
            return kind.template.format(**shown)


# -- reading a reason back ----------------------------------------------------------------


class _Ambiguous(Exception):
    """The text reads as this kind in more than one way (a rule's name holds the
    template's own words)."""


def _number_pattern(spec: str) -> str:
    if spec == "d":
        return r"-?\d+"
    if spec.startswith(".") and spec.endswith("f"):
        places = int(spec[1:-1])
        return r"-?\d+" + (rf"\.\d{{{places}}}" if places else "")
    return r"-?(?:inf|nan|\d+(?:\.\d+)?(?:e[+-]\d+)?)"  # g


@cache
def _pattern(key: str, greedy: bool, named: bool) -> str:
    """The regular expression of ``key``'s text: its fields in groups named after them
    (``named``), text fields lazy or ``greedy``; a nested reason's field holds one of its
    kinds' expressions (unnamed) or its plain text."""
    kind = KINDS[key]
    out = []
    for literal, name, _s, _c in string.Formatter().parse(kind.template):
        out.append(re.escape(literal))
        if not name:
            continue
        typ = kind.fields[name]
        if typ == WORD:
            body = _WORD
        elif typ == TEXT:
            body = kind.patterns.get(name, _ANY[greedy])
        elif typ == REASON:
            plain = kind.patterns.get(name, _ANY[greedy])
            body = "|".join([*(_pattern(p, greedy, False) for p in kind.parts[name]), plain])
        elif typ == REASONS:
            body = _ANY[greedy]
        else:
            body = _number_pattern(typ)
        out.append(f"(?P<{name}>{body})" if named else f"(?:{body})")
    return "".join(out)


@cache
def _compiled(key: str, greedy: bool) -> re.Pattern[str]:
    return re.compile(_pattern(key, greedy, True), re.DOTALL)


def _number(text: str, spec: str) -> float | int:
    return int(text) if spec == "d" else float(text)


def _read(key: str, text: str) -> Reason | None:
    """``text`` as a reason of kind ``key``, None when it is not one (``_Ambiguous``
    when it reads in two ways)."""
    lazy = _compiled(key, False).fullmatch(text)
    if lazy is None:
        return None
    found = lazy.groupdict()
    greedy = _compiled(key, True).fullmatch(text)
    if greedy is None or greedy.groupdict() != found:
        raise _Ambiguous(text)
    kind = KINDS[key]
    args: dict[str, Any] = {}
    for name, typ in kind.fields.items():
        value = found[name]
        if typ == REASON:
            args[name] = _read_one(value, kind.parts[name], kind.patterns.get(name))
            if args[name] is None:
                return None
        elif typ == REASONS:
            args[name] = _read_list(value, kind.parts[name])
        elif typ in (TEXT, WORD):
            args[name] = value
        else:
            args[name] = _number(value, typ)
    return Reason(key, **args)


def _read_one(text: str, kinds: Iterable[str], plain: str | None) -> Reason | str | None:
    """``text`` as the first of ``kinds`` it reads as, else as plain text when it is
    (``plain``: its expression, None for any), else None."""
    for key in kinds:
        reason = _read(key, text)
        if reason is not None:
            return reason
    if plain is None or re.fullmatch(plain, text, re.DOTALL):
        return text
    return None


def _read_list(text: str, kinds: tuple[str, ...]) -> tuple[Reason | str, ...]:
    """A list of reasons joined by "; ": each piece as one of ``kinds``, pieces joined
    again where one alone does not read (a term holding "; "); the whole text as one
    plain item when that does not read either."""
    pieces = text.split("; ")
    out: list[Reason | str] = []
    i = 0
    while i < len(pieces):
        for j in range(i + 1, len(pieces) + 1):
            reason = _read_one("; ".join(pieces[i:j]), kinds, NEVER)
            if isinstance(reason, Reason):
                out.append(reason)
                i = j
                break
        else:
            return (text,)
    return tuple(out)


def parse(text: str, kinds: Iterable[str] = DECISIONS) -> Reason | None:
    """The reason the engine wrote as ``text`` (read as the first of ``kinds`` it is), or
    None when it is none of them (written by another version) or reads in more than one
    way (a rule's name holding a template's words, such as ``' → ban: ``)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        found = _read_one(text, kinds, NEVER)
    except _Ambiguous:
        return None
    return found if isinstance(found, Reason) else None
