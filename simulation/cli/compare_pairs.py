"""``circlelab compare --pair A:B`` and ``report --pair A:B``: the arm pairs a user chose
to compare.

Two sweeps of six arms each make 36 pairs, and a sweep's own report tests its arms
against each other or against the first (``simulation.sweeps.report.default_pairs``);
``--pair`` (repeatable) keeps the ones asked for. Each value is an arm of the first side
(of ``report``: of the one run or sweep), ``:``, an arm of the second, each named

* as its own sweep's report names it (``Crackdown``, ``Crackdown [delay_hours=6]``),
* as the comparison's report names it (``A (s1): Crackdown``), or
* by the policy preset or file it was run as (``crackdown``), when that names one arm.

An arm's name may hold a ``:`` itself: every split of the value is tried, and the one
whose two parts name an arm of each side is taken. A value that names no such pair, or
reads as two, is an input error naming ``--pair``, the value and the arms there are.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from simulation.cli.common import input_error

OPTION = "--pair"


def chosen_pairs(
    values: list[str],
    arms_a: list[str],
    arms_b: list[str],
    prefix_a: str,
    prefix_b: str,
    policy_name: Callable[[str], str] = lambda ref: ref,
) -> list[tuple[str, str]]:
    """The pairs ``values`` name, as ``(arm of A, arm of B)`` in the arms' full names
    (``prefix_a`` + the side's own name, as ``cmd_sweep.merge`` made them), in the order
    given, each once. ``policy_name`` maps a policy preset or file to its policy's name
    (``crackdown`` → ``Crackdown``). Raises ``typer.Exit(2)`` after printing what is
    wrong with the first value that names no pair, or two."""
    side_a = _Side(prefix_a, arms_a, policy_name)
    side_b = _Side(prefix_b, arms_b, policy_name)
    pairs: list[tuple[str, str]] = []
    for value in values:
        pair = _one(value, side_a, side_b)
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def pairs_within(
    values: list[str],
    arms: list[str],
    label: str,
    policy_name: Callable[[str], str] = lambda ref: ref,
) -> list[tuple[str, str]]:
    """``circlelab report --pair A:B`` of one run or sweep (``label``: its id, as the
    messages name it): the pairs of its ``arms`` that ``values`` name, each arm named as
    the report names it or by its policy preset or file, in the order given, each once.
    Raises ``typer.Exit(2)`` after printing what is wrong with the first value that
    names no pair, or two, or an arm against itself."""
    side = _Side("", arms, policy_name, label)
    pairs: list[tuple[str, str]] = []
    for value in values:
        pair = _one(value, side, side)
        if pair[0] == pair[1]:
            raise input_error(
                f"{OPTION} {value!r} names {pair[0]!r} twice: an arm is not compared with "
                f"itself; the arms of {side.label}: {side.listed()}"
            )
        if pair not in pairs:
            pairs.append(pair)
    return pairs


class _Side:
    """One side's arms: by their own names, their full names and their policies."""

    def __init__(
        self,
        prefix: str,
        arms: list[str],
        policy_name: Callable[[str], str],
        label: str = "",
    ):
        self.label = label or prefix.removesuffix(": ")  # "A (s1)"
        self.prefix, self.arms, self._policy_name = prefix, arms, policy_name
        self.own = {arm.removeprefix(prefix): arm for arm in arms}

    def find(self, text: str) -> str | None:
        """The full name of the arm ``text`` names, else None."""
        text = text.strip()
        if text in self.arms:
            return text
        if text in self.own:
            return self.own[text]
        if not text:
            return None
        name = self._policy_name(text)  # a preset or a policy file
        return self.own.get(name)

    def listed(self) -> str:
        return ", ".join(repr(name) for name in self.own)

    def unknown(self, text: str) -> str:
        """``'text' is not an arm of A (s1)``, with the closest arm's name if one is close."""
        close = difflib.get_close_matches(text.strip(), list(self.own), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{text.strip()!r} is not an arm of {self.label}{hint}"


def _one(value: str, a: _Side, b: _Side) -> tuple[str, str]:
    """The pair one ``--pair`` value names, or exit 2 saying why it names none."""
    if a is b:  # two arms of one run or sweep
        both = f"the arms of {a.label}: {a.listed()}"
        expected = f"two arms of {a.label} with a colon between them"
    else:
        both = f"the arms of {a.label}: {a.listed()}; of {b.label}: {b.listed()}"
        expected = f"an arm of {a.label}, a colon, an arm of {b.label}"
    cuts = [i for i, ch in enumerate(value) if ch == ":"]
    if not cuts:
        raise input_error(f"{OPTION} {value!r}: expected A:B, {expected}; {both}")
    found: list[tuple[str, str]] = []
    left_known = right_known = None
    for i in cuts:
        left, right = value[:i], value[i + 1 :]
        x, y = a.find(left), b.find(right)
        if x is not None and y is not None and (x, y) not in found:
            found.append((x, y))
        if x is not None and left_known is None:
            left_known = right  # the left names an arm: the right is what is unknown
        if y is not None and right_known is None:
            right_known = left
    if len(found) == 1:
        return found[0]
    if found:
        ways = " or ".join(f"{x!r} against {y!r}" for x, y in found)
        if a is b:  # one sweep's names hold no side to tell them apart
            how = "name one of them by the policy preset or file it was run as"
        else:
            how = f"name the arms as the comparison report does ('{found[0][0]}:{found[0][1]}')"
        raise input_error(f"{OPTION} {value!r} names two pairs: {ways}; {how}")
    if left_known is not None:
        said = b.unknown(left_known)
    elif right_known is not None:
        said = a.unknown(right_known)
    else:
        said = f"{a.unknown(value[: cuts[0]])}, and {b.unknown(value[cuts[0] + 1 :])}"
    raise input_error(f"{OPTION} {value!r}: {said}; {both}")
