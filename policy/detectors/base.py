"""What every detector shares: hits for explanations and the per-text cache.

Text detectors see only text (never ground truth). They evaluate each distinct
text id once per run and the result is broadcast to every post carrying it: the
engine draws texts from a finite pool, so a day of 200k posts may hold only a few
thousand new texts. That is what makes a million decisions per second possible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from policy.conditions import DetectorOutput


@dataclass(frozen=True)
class Hit:
    """One thing a detector found, for explanations."""

    detector: str
    what: str  # matched term / pattern name / "predicted medical" / "3 reports in 2d"
    category: str = ""
    normalized: str = ""  # the normalised text the term was found in (text detectors)
    span: tuple[int, int] = (-1, -1)

    def __str__(self) -> str:
        cat = f" [{self.category}]" if self.category else ""
        inside = f" in {self.normalized!r}" if self.normalized else ""
        return f"{self.detector}: {self.what!r}{cat}{inside}"


class NormCache:
    """Normalised texts per normalisation pipeline, grown as new text ids appear.

    Two detectors with the same steps share the work.
    """

    def __init__(self, factory: Callable[[tuple[str, ...]], Callable[[str], str]]) -> None:
        self._factory = factory
        self._fns: dict[tuple[str, ...], Callable[[str], str]] = {}
        self._texts: dict[tuple[str, ...], list[str]] = {}

    def function(self, steps: tuple[str, ...]) -> Callable[[str], str]:
        if steps not in self._fns:
            self._fns[steps] = self._factory(steps) if steps else (lambda s: s)
        return self._fns[steps]

    def get(self, steps: tuple[str, ...], texts: Sequence[str], upto: int) -> list[str]:
        done = self._texts.setdefault(steps, [])
        if len(done) < upto:
            fn = self.function(steps)
            done.extend(fn(t) for t in texts[len(done) : upto])
        return done


class TextDetector:
    """Base for detectors that read only text. Subclasses implement ``match``."""

    name: str
    steps: tuple[str, ...] = ()
    kind = "text"

    def match(self, normalized: str) -> list[Hit]:
        raise NotImplementedError

    def cat_mask(self, hits: list[Hit]) -> int:
        raise NotImplementedError


@dataclass
class TextCache:
    """Per-run results of one text detector, indexed by text id (append-only)."""

    fired: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    cats: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    count: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    hits: dict[int, list[Hit]] = field(default_factory=dict)

    def ensure(self, det: TextDetector, texts: Sequence[str], norm: NormCache) -> None:
        """Evaluate texts not seen yet; each text id is evaluated once per run."""
        n_old, n_new = self.fired.shape[0], len(texts)
        if n_new <= n_old:
            return
        normalized = norm.get(det.steps, texts, n_new)
        fired = np.zeros(n_new - n_old, dtype=bool)
        cats = np.zeros(n_new - n_old, dtype=np.uint64)
        count = np.zeros(n_new - n_old, dtype=np.int32)
        for i in range(n_old, n_new):
            hits = det.match(normalized[i])
            if hits:
                j = i - n_old
                fired[j] = True
                cats[j] = det.cat_mask(hits)
                count[j] = len({h.what for h in hits})
                self.hits[i] = hits
        self.fired = np.concatenate([self.fired, fired])
        self.cats = np.concatenate([self.cats, cats])
        self.count = np.concatenate([self.count, count])

    def gather(self, text_id: np.ndarray) -> DetectorOutput:
        return DetectorOutput(self.fired[text_id], self.cats[text_id], self.count[text_id])
