"""Which of a rule's detector hits made it fire: the evidence a decision shows.

A rule reads detectors through ``hit`` conditions, some of them restricted to categories
(``hit: {detector: kw, categories: [spam]}``). A post it fires on may carry other hits of
the same detector (``weed`` [medical] beside ``free`` [spam]): they did not make the rule
fire, and a designer who dropped them to mend a false positive would change nothing. The
evidence of a firing is the hits of the ``hit`` conditions that hold on that post and
count towards the match: not under a ``not``, not in a branch of an ``any`` that failed,
and only of the categories each condition reads.

The engine's evidence strings (``policy.session``, which ``policy explain`` shows) and
``policy evaluate``'s examples both come from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from policy.conditions import Frame, Node

ALL = 0  # a category mask of 0: every category the detector finds


@dataclass(frozen=True)
class Read:
    """One ``hit`` condition a rule's match can rest on."""

    detector: str
    cats: int  # the categories it reads (bit mask; ALL: any)
    node: Node
    # its ancestors from the condition's root, each with the value it must have for this
    # hit to count (an ``all`` under a ``not`` must be false, …)
    path: tuple[tuple[Node, bool], ...]

    @property
    def always(self) -> bool:
        """Whether it holds wherever the condition does: only ``all`` above it, none
        under a ``not`` (the common case; then nothing need be evaluated per post)."""
        return all(n.op == "all" and want for n, want in self.path)


@lru_cache(maxsize=1024)
def reads(condition: Node) -> tuple[Read, ...]:
    """The ``hit`` conditions of ``condition`` that count when they hold (an even number
    of ``not`` above them), in the order written."""
    out: list[Read] = []

    def walk(node: Node, want: bool, path: tuple[tuple[Node, bool], ...]) -> None:
        if node.op == "hit":
            if want:
                out.append(Read(node.detector, node.cat_mask, node, path))
            return
        below = (*path, (node, want))
        if node.op == "not":
            walk(node.children[0], not want, below)
        elif node.op in ("all", "any"):
            for child in node.children:
                walk(child, want, below)

    walk(condition, True, ())
    return tuple(out)


def explaining(condition: Node, frame: Frame, rows: np.ndarray) -> np.ndarray:
    """bool (len(rows) × len(reads(condition))): which reads explain the match on each of
    ``rows`` (rows where ``condition`` holds): the hit condition holds there and each node
    above it has the value its place asks for."""
    rd = reads(condition)
    out = np.ones((len(rows), len(rd)), dtype=bool)
    values: dict[int, np.ndarray] = {}

    def value(node: Node) -> np.ndarray:
        key = id(node)
        if key not in values:
            values[key] = node.eval(frame)[rows]
        return values[key]

    for j, r in enumerate(rd):
        if r.always:
            continue
        col = value(r.node).copy()
        for node, want in r.path:
            col &= value(node) == want
        out[:, j] = col
    return out


def masks(rd: Iterable[Read], explains: Iterable[bool]) -> dict[str, int]:
    """detector -> the categories whose hits are evidence (ALL: every hit), for the reads
    that explain a post; a detector no explaining read names is absent."""
    out: dict[str, int] = {}
    for r, yes in zip(rd, explains, strict=True):
        if not yes:
            continue
        if r.cats == ALL or out.get(r.detector, -1) == ALL:
            out[r.detector] = ALL
        else:
            out[r.detector] = out.get(r.detector, 0) | r.cats
    return dict(sorted(out.items()))


def select(hits: list[Any], detector: Any, cats: int) -> list[Any]:
    """The hits of ``detector`` (a text detector, whose ``cat_mask([hit])`` gives a hit's
    categories) in ``cats``; all of them for ALL."""
    if cats == ALL:
        return hits
    return [h for h in hits if detector.cat_mask([h]) & cats]


def text_evidence(
    detectors: Mapping[str, Any],
    by_detector: Mapping[str, int],
    hits_of: Callable[[str], list[Any]],
) -> list[tuple[str, list[Any]]]:
    """(detector, its evidence hits) for each text detector of ``by_detector`` (from
    :func:`masks`) that has some; ``hits_of(name)`` gives the detector's hits on the text."""
    out = []
    for name, cats in by_detector.items():
        hits = select(hits_of(name), detectors[name], cats)
        if hits:
            out.append((name, hits))
    return out
