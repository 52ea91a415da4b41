"""The author every corpus message is posted by in ``policy evaluate``, and the rules that
can never fire for that author.

``policy explain`` decides one post by an author given on the command line (``--kind``,
``--age-days``, ``--friends``, ``--posts-today``, ``--strikes``); ``policy evaluate`` takes
the same options, with the same defaults, for every message of a corpus. A rule whose
condition or scope reads those signals, or a post's own (reports, the hour, an image),
may then be unable to fire on any message: ``account_kind: [official]`` for a personal
account, ``account_age_days < 30`` for a year-old one. :func:`never_fires` finds such a
rule and says why, so a designer does not read "0 hits, FP rate 0.0%" as a rule tried on
real text and found clean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

from policy import messages as M
from policy.conditions import ENUMS, Frame, Node
from policy.model import Rule
from policy.ranges import MAX_COUNT, MAX_DAYS, MAX_STRIKES

ACCOUNT_KINDS = ENUMS["account_kind"]  # personal 0, official 1
_ALIASES = {"account_kind": "kind", "account_age_days": "age_days", "friend_count": "friends"}
# the largest value of each number a run can hold, and why (policy.ranges)
_RANGES = {
    "age_days": (MAX_DAYS, M.DAYS_WHY),
    "friends": (MAX_COUNT, M.COUNT_WHY),
    "posts_today": (MAX_COUNT, M.COUNT_WHY),
    "strikes": (MAX_STRIKES, M.STRIKES_WHY),
}


@dataclass(frozen=True)
class Author:
    """The signals of ``policy explain``'s author options, with its defaults: a personal
    account a year old (days), with 100 friends, posting its first post of the day, with
    no strikes (``strikes`` as ``--strikes``: given before the day; they count where the
    policy has a strike ladder)."""

    kind: str = "personal"
    age_days: int = 365
    friends: int = 100
    posts_today: int = 1
    strikes: float = 0.0

    @classmethod
    def of(
        cls, signals: Mapping[str, Any] | None, labels: Mapping[str, str] | None = None
    ) -> Author:
        """The author of ``signals``: the keys of ``policy.explain``'s author (``kind``,
        ``age_days``, ``friends``, ``posts_today``, ``strikes``; ``account_kind``,
        ``account_age_days`` and ``friend_count`` too), the rest as the defaults. Raises
        ``ValueError`` for another key, a kind that is not personal or official, or a value
        out of the range a run can hold (a message names each by ``labels``: field ->
        how the caller spells it, e.g. ``--age-days``)."""
        label = {f: f for f in cls.__dataclass_fields__} | dict(labels or {})
        values: dict[str, Any] = {}
        for key, value in (signals or {}).items():
            name = _ALIASES.get(key, key)
            if name not in cls.__dataclass_fields__:
                known = ", ".join(cls.__dataclass_fields__)
                raise ValueError(f"unknown author signal {key!r} (known: {known})")
            values[name] = value
        kind = values.get("kind", "personal")
        if isinstance(kind, Integral) and not isinstance(kind, bool):
            kind = next((k for k, v in ACCOUNT_KINDS.items() if v == kind), kind)
        if kind not in ACCOUNT_KINDS:
            raise ValueError(f"{label['kind']} must be personal or official, got {kind!r}")
        values["kind"] = kind
        for name, (top, why) in _RANGES.items():
            v = values.get(name, getattr(cls, name))
            whole = name != "strikes"
            if isinstance(v, bool) or not isinstance(v, Integral if whole else Real) or v != v:
                raise ValueError(f"{label[name]} must be a {'whole ' * whole}number, got {v!r}")
            if not 0 <= v <= top:
                raise ValueError(f"{label[name]} must be from 0 to {top:,} ({why}), got {v!r}")
            values[name] = int(v) if whole else float(v)
        return cls(**values)

    @property
    def account_kind(self) -> int:
        return ACCOUNT_KINDS[self.kind]

    def describe(self) -> str:
        """``a personal account aged 365 days with 100 friends, 1 post today and 0 strikes``."""
        s = self.strikes
        strikes = f"{s:g} strike{'' if s == 1 else 's'}"
        return (
            f"a{'n' if self.kind[0] in 'aeiou' else ''} {self.kind} account aged "
            f"{_n(self.age_days, 'day')} with {_n(self.friends, 'friend')}, "
            f"{_n(self.posts_today, 'post')} today and {strikes}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "age_days": self.age_days,
            "friends": self.friends,
            "posts_today": self.posts_today,
            "strikes": self.strikes,
        }


def _n(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# what every corpus message is, for a signal no option sets
POST_FACTS = {
    "reports": "a corpus message has no reports",
    "new_reports": "a corpus message has no reports",
    "has_image": "a corpus message has no image",
    "hour": "each message is posted at 12:00",
    "post_age_days": "each message is a new post, 0 days old",
    "stage": "each message is a new post, decided at upload",
}
_OPS = {"lt": "<", "le": "<=", "gt": ">", "ge": ">=", "eq": "=", "ne": "!="}


def describe(node: Node) -> str:
    """A condition as a reader writes it: ``account_age_days < 30``, ``hit kw``,
    ``(a or b)``, ``not (…)``."""
    if node.op == "true":
        return "always"
    if node.op == "hit":
        return f"hit {node.detector}"
    if node.op == "not":
        return f"not ({describe(node.children[0])})"
    if node.op in ("all", "any"):
        joined = f" {'and' if node.op == 'all' else 'or'} ".join(map(describe, node.children))
        return f"({joined})"
    names = {v: k for k, v in ENUMS.get(node.signal, {}).items()}
    parts = []
    for op, value in node.cmp:
        if op == "in":
            parts.append(f"{node.signal} in [{', '.join(names.get(v, str(v)) for v in value)}]")
        else:
            shown = names.get(value, value) if names else value
            shown = str(shown).lower() if isinstance(shown, bool) else shown
            parts.append(f"{node.signal} {_OPS[op]} {shown}")
    return " and ".join(parts)


def holds(node: Node, frame: Frame) -> bool | None:
    """Whether ``node`` holds for the one row of ``frame`` whatever the text: True or
    False when its signals decide it, None when it depends on what the detectors find."""
    if node.op == "true":
        return True
    if node.op == "hit":
        return None
    if node.op == "cmp":
        return bool(node.eval(frame)[0])
    if node.op == "not":
        v = holds(node.children[0], frame)
        return None if v is None else not v
    values = [holds(c, frame) for c in node.children]
    if node.op == "all":
        return False if False in values else (True if all(values) else None)
    return True if True in values else (False if all(v is False for v in values) else None)


def _why_not(node: Node, frame: Frame, author: Author) -> list[str]:
    """What ``node`` requires that the row of ``frame`` does not have (``node`` does not
    hold there): one part per failing conjunct."""
    if node.op == "all":
        return [
            p for c in node.children if holds(c, frame) is False for p in _why_not(c, frame, author)
        ]
    if node.op == "any":
        return [" or ".join("; ".join(_why_not(c, frame, author)) for c in node.children)]
    text = f"requires {describe(node)}"
    if node.op == "cmp":
        fact = _fact(node.signal, frame, author)
        if fact:
            text += f" ({fact})"
    return [text]


def _fact(signal: str, frame: Frame, author: Author) -> str:
    """What a row's signal is, when the author's description does not say it: the post's
    own signals, and strikes that read other than given (no strike ladder to keep them,
    or decayed by its half-life since the day before)."""
    if signal in POST_FACTS:
        return POST_FACTS[signal]
    if signal == "channel":
        names = {v: k for k, v in ENUMS["channel"].items()}
        return f"each message is posted in {names[int(frame.signal('channel')[0])]}"
    read = float(frame.signal("strikes")[0]) if signal == "strikes" else author.strikes
    if abs(read - author.strikes) > 1e-9:
        return f"its strikes read {read:.3g} here"
    return ""


def never_fires(rule: Rule, frame: Frame, author: Author) -> list[str]:
    """Why ``rule`` can fire on no message posted as the one row of ``frame`` (by
    ``author``, in its channel, stage and hour): the scope keys that leave the row out and
    the parts of the condition its signals fail, whatever the text; empty when some text
    could fire it."""
    out = []
    kind = int(frame.signal("account_kind")[0])
    if rule.account_kinds is not None and kind not in rule.account_kinds:
        names = [k for k, v in ACCOUNT_KINDS.items() if v in rule.account_kinds]
        out.append(f"scoped to {' and '.join(names) or 'no'} accounts")
    channel = int(frame.signal("channel")[0])
    if rule.channels is not None and channel not in rule.channels:
        names = [k for k, v in ENUMS["channel"].items() if v in rule.channels]
        out.append(f"scoped to {', '.join(names)} ({_fact('channel', frame, author)})")
    stage = int(frame.signal("stage")[0])
    if stage not in rule.stages:
        names = [k for k, v in ENUMS["stage"].items() if v in rule.stages]
        out.append(f"scoped to the {', '.join(names)} stage ({POST_FACTS['stage']})")
    if holds(rule.condition, frame) is False:
        out.extend(_why_not(rule.condition, frame, author))
    return out
