"""Rule conditions: a tiny boolean language compiled to NumPy masks.

A condition is a mapping with one key:

- ``all: [c, ...]`` / ``any: [c, ...]`` / ``not: c``
- ``hit: DETECTOR`` or ``hit: {detector: D, categories: [...], count: {ge: 2}}``
- a signal comparison: ``friends: {lt: 20}``, ``account_kind: personal``, ``channel: group``,
  ``posts_today: {gt: 3, le: 50}`` (several operators are and-ed).

Conditions evaluate over a whole batch at once (one boolean array per node), so a
rule costs a few vector operations per day however many posts there are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from policy import messages as M
from policy.messages import Message, did_you_mean, msg

OPS: dict[str, Callable[[np.ndarray, Any], np.ndarray]] = {
    "lt": np.less,
    "le": np.less_equal,
    "gt": np.greater,
    "ge": np.greater_equal,
    "eq": np.equal,
    "ne": np.not_equal,
}
# signal name -> (aliases, value kind). Enumerated signals compare by name.
ENUMS = {
    "account_kind": {"personal": 0, "official": 1},
    "stage": {"upload": 0, "report": 1, "review": 2, "appeal": 3},
    "channel": {"moments": 0, "chat": 1, "group": 2},
}
SIGNALS = {
    "account_kind": "enum",
    "account_age_days": "number",
    "friends": "number",
    "posts_today": "number",
    "strikes": "number",
    "reports": "number",
    "new_reports": "number",
    "has_image": "bool",
    "stage": "enum",
    "hour": "number",
    "post_age_days": "number",
    "channel": "enum",
}
ALIASES = {"age_days": "account_age_days", "friend_count": "friends", "kind": "account_kind"}


class Frame(Protocol):
    """What a condition reads: signals per row and detector outputs per row."""

    n: int

    def signal(self, name: str) -> np.ndarray: ...

    def detector(self, name: str) -> DetectorOutput: ...

    def cats(self, names: Sequence[str]) -> np.ndarray:
        """Union (uint64 bit mask per row) of the categories the named detectors found."""
        ...


@dataclass
class DetectorOutput:
    fired: np.ndarray  # bool per row
    cats: np.ndarray  # uint64 bit mask of categories per row
    count: np.ndarray  # int32 per row: distinct terms/patterns/reports


class ConditionError(Exception):
    """A condition problem at a path inside the condition: at the key the path ends in
    when ``key`` (an unknown condition, key or operator), else at its value (an unknown
    detector, category or value is located at the word that is wrong)."""

    def __init__(self, path: tuple[str | int, ...], message: Message, *, key: bool = False) -> None:
        super().__init__(str(message))
        self.path = path
        self.message = message
        self.key = key


@dataclass(frozen=True)
class Node:
    op: str  # all | any | not | hit | cmp | true
    children: tuple[Node, ...] = ()
    detector: str = ""
    cat_mask: int = 0  # hit: restrict to these categories (0 = any)
    signal: str = ""
    cmp: tuple[tuple[str, Any], ...] = ()  # (operator, value) pairs, and-ed
    detectors: frozenset[str] = field(default=frozenset())

    def key(self) -> str:
        """Canonical text of the node, used by the linter to compare conditions."""
        return json.dumps(self._plain(), sort_keys=True)

    def _plain(self) -> Any:
        if self.op in ("all", "any"):
            return {self.op: sorted(c.key() for c in self.children)}
        if self.op == "not":
            return {"not": self.children[0]._plain()}
        if self.op == "hit":
            return {"hit": self.detector, "cats": self.cat_mask, "cmp": list(self.cmp)}
        if self.op == "cmp":
            return {self.signal: list(self.cmp)}
        return True

    def conjuncts(self) -> list[str]:
        """The and-ed parts of the condition (flattening nested ``all``)."""
        if self.op == "true":
            return []
        if self.op == "all":
            return [k for c in self.children for k in c.conjuncts()]
        return [self.key()]

    def eval(self, frame: Frame) -> np.ndarray:
        if self.op == "true":
            return np.ones(frame.n, dtype=bool)
        if self.op == "all":
            out = self.children[0].eval(frame)
            for c in self.children[1:]:
                out = out & c.eval(frame)
            return out
        if self.op == "any":
            out = self.children[0].eval(frame)
            for c in self.children[1:]:
                out = out | c.eval(frame)
            return out
        if self.op == "not":
            return ~self.children[0].eval(frame)
        if self.op == "hit":
            d = frame.detector(self.detector)
            out = d.fired
            if self.cat_mask:
                out = out & ((d.cats & np.uint64(self.cat_mask)) != 0)
            for op, value in self.cmp:
                out = out & OPS[op](d.count, value)
            return out
        values = frame.signal(self.signal)
        out = np.ones(frame.n, dtype=bool)
        for op, value in self.cmp:
            out &= OPS[op](values, value)
        return out


TRUE = Node("true")


def parse_condition(
    raw: Any,
    detectors: Sequence[str],
    categories: Sequence[str],
    path: tuple[str | int, ...] = (),
) -> Node:
    """Compile a condition; raise :class:`ConditionError` at the offending path."""
    if raw is None:
        return TRUE
    if not isinstance(raw, dict) or len(raw) != 1:
        raise ConditionError(path, msg(M.CONDITION_SHAPE, signals=", ".join(SIGNALS)))
    ((key, value),) = raw.items()
    sub = (*path, key)
    if key in ("all", "any"):
        if not isinstance(value, list) or not value:
            raise ConditionError(sub, msg(M.NEEDS_CONDITIONS, key=key))
        kids = tuple(
            parse_condition(v, detectors, categories, (*sub, i)) for i, v in enumerate(value)
        )
        return Node(key, kids, detectors=frozenset().union(*(k.detectors for k in kids)))
    if key == "not":
        kid = parse_condition(value, detectors, categories, sub)
        return Node("not", (kid,), detectors=kid.detectors)
    if key == "hit":
        return _parse_hit(value, detectors, categories, sub)
    name = ALIASES.get(key, key)
    if name not in SIGNALS:
        choices = ["all", "any", "not", "hit", *SIGNALS, *ALIASES]
        raise ConditionError(
            sub, msg(M.UNKNOWN_CONDITION, key=key, hint=did_you_mean(key, choices)), key=True
        )
    return Node("cmp", signal=name, cmp=_parse_cmp(name, value, sub))


def _parse_hit(value: Any, detectors: Sequence[str], categories: Sequence[str], path) -> Node:
    if isinstance(value, str):
        value = {"detector": value}
    if not isinstance(value, dict):
        raise ConditionError(path, msg(M.HIT_SHAPE))
    unknown = set(value) - {"detector", "categories", "count"}
    if unknown:
        k = sorted(unknown)[0]
        hint = did_you_mean(k, ["detector", "categories", "count"])
        raise ConditionError(
            (*path, k), msg(M.UNKNOWN_KEY, key=k, hint=hint, expected=""), key=True
        )
    det = value.get("detector")
    if det not in detectors:
        where = (*path, "detector") if isinstance(value.get("detector"), str) else path
        raise ConditionError(
            where,
            msg(
                M.UNKNOWN_DETECTOR,
                name=str(det),
                hint=did_you_mean(str(det), detectors),
                defined=(
                    msg(M.DEFINED, names=", ".join(detectors)) if detectors else msg(M.NO_DETECTORS)
                ),
            ),
        )
    mask = 0
    cats = value.get("categories")
    if cats is not None:
        if isinstance(cats, str):
            cats = [cats]
        for i, c in enumerate(cats):
            if c not in categories:
                raise ConditionError(
                    (*path, "categories", i),
                    msg(M.UNKNOWN_CATEGORY, name=str(c), hint=did_you_mean(str(c), categories)),
                )
            mask |= 1 << categories.index(c)
    cmp: tuple[tuple[str, Any], ...] = ()
    if "count" in value:
        cmp = _parse_cmp("count", value["count"], (*path, "count"))
    return Node("hit", detector=det, cat_mask=mask, cmp=cmp, detectors=frozenset([det]))


def _parse_cmp(name: str, value: Any, path) -> tuple[tuple[str, Any], ...]:
    kind = SIGNALS.get(name, "number")
    if not isinstance(value, dict):
        value = {"eq": value}
    if not value:
        raise ConditionError(path, msg(M.NO_COMPARISON))
    out = []
    for op, v in value.items():
        if op == "in":
            if kind != "enum" or not isinstance(v, list):
                raise ConditionError((*path, op), msg(M.IN_TAKES_NAMES))
            out.append(("in", tuple(_enum(name, x, (*path, op)) for x in v)))
            continue
        if op not in OPS:
            raise ConditionError(
                (*path, op),
                msg(M.UNKNOWN_OPERATOR, op=op, hint=did_you_mean(op, [*OPS, "in"])),
                key=True,
            )
        if kind == "enum":
            if op not in ("eq", "ne"):
                raise ConditionError((*path, op), msg(M.ENUM_OPERATORS, name=name))
            v = _enum(name, v, (*path, op))
        elif kind == "bool":
            if not isinstance(v, bool) or op not in ("eq", "ne"):
                raise ConditionError((*path, op), msg(M.COMPARES_WITH_BOOL, name=name))
        elif isinstance(v, bool) or not isinstance(v, int | float):
            raise ConditionError((*path, op), msg(M.COMPARES_WITH_NUMBER, name=name, value=repr(v)))
        out.append((op, v))
    return tuple(out)


def _isin(values: np.ndarray, choices: tuple[int, ...]) -> np.ndarray:
    return np.isin(values, choices)


OPS["in"] = _isin


def _enum(name: str, v: Any, path) -> int:
    table = ENUMS[name]
    if v not in table:
        raise ConditionError(
            path,
            msg(
                M.ENUM_VALUE,
                name=name,
                choices=", ".join(table),
                value=repr(v),
                hint=did_you_mean(str(v), table),
            ),
        )
    return table[v]
