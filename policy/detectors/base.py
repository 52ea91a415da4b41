"""What every detector shares: hits for explanations and the per-text cache.

Text detectors see only text (never ground truth). They evaluate each distinct
text id once per run and the result is broadcast to every post carrying it: the
engine draws texts from a finite pool, so a day of 200k posts may hold only a few
thousand new texts. That is what makes a million decisions per second possible.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.conditions import DetectorOutput
from policy.detectors import memo
from policy.normalize import written_span
from policy.reasons import ENGLISH

# a hit's English (policy.reasons): ``detector: 'term' [category] as written '…' (how)``
_HIT, _CATEGORY = ENGLISH["hit"], ENGLISH["hit_category"]
_WRITTEN, _HOW = ENGLISH["hit_written"], ENGLISH["hit_how"]


@dataclass(frozen=True)
class Hit:
    """One thing a detector found, for explanations.

    Text detectors say where, in the text as written: ``span`` indexes the original text
    (not the normalised one) and ``written`` is that part of it, so "电★子★烟" is shown as
    written even though the term matched 电子烟. A keyword hit decided without reading
    the text as written carries ``place`` instead and is placed when first shown
    (``str(hit)``, :meth:`located`)."""

    detector: str
    what: str  # matched term / pattern name / "predicted medical" / "3 reports in 2d"
    category: str = ""
    normalized: str = ""  # the normalised form that matched (text detectors)
    span: tuple[int, int] = (-1, -1)  # in the text as written
    written: str = ""  # the text as written at ``span``
    how: str = ""  # keywords: "", "abbreviation …", "pinyin …", "sound-alike …"
    place: Any = field(default=None, repr=False, compare=False)  # (normaliser, text, a, b)

    def located(self) -> Hit:
        """This hit with ``span`` and ``written`` in the text as written."""
        if self.place is None:
            return self
        norm, text, a, b = self.place
        a0, b0 = written_span(norm.mapped(text), a, b)
        return Hit(
            self.detector, self.what, self.category, self.normalized, (a0, b0),
            text[a0:b0], self.how,
        )  # fmt: skip

    def brief(self) -> str:
        """``detector: term``, and where it stood as written when that reads otherwise
        (``restricted_terms: 电子烟 as written '电★子★烟'``)."""
        h = self.located()
        shown = f"{h.detector}: {h.what}"
        if h.written and h.written.casefold() != h.what.casefold():
            shown += f" as written {h.written!r}"
        return shown

    def __str__(self) -> str:
        h = self.located()
        return _HIT(
            h.detector,
            repr(h.what),
            _CATEGORY(h.category) if h.category else "",
            _WRITTEN(repr(h.written)) if h.written else "",
            _HOW(h.how) if h.how else "",
        )


class NormCache:
    """Normalised texts per normaliser, grown as new text ids appear.

    Two detectors with the same normaliser (same steps and tables) share the work. A
    detector brings its own normaliser (``detector.normalizer``); one without gets
    ``factory(steps)``.
    """

    def __init__(self, factory: Callable[[tuple[str, ...]], Callable[[str], str]]) -> None:
        self._factory = factory
        self._fns: dict[object, Callable[[str], str]] = {}
        self._texts: dict[object, list[str]] = {}
        self._lazy: dict[object, dict[int, str]] = {}  # ids past ``_texts``' end, by id

    def _key(self, det: TextDetector | tuple[str, ...]) -> tuple[object, Callable[[str], str]]:
        if isinstance(det, tuple):
            steps, fn = det, None
        else:
            steps, fn = det.steps, getattr(det, "normalizer", None)
        if fn is not None:
            key: object = fn
        else:
            key = steps
            if key not in self._fns:
                self._fns[key] = self._factory(steps) if steps else (lambda s: s)
            fn = self._fns[key]
        self._fns.setdefault(key, fn)
        return key, fn

    def function(self, det: TextDetector | tuple[str, ...]) -> Callable[[str], str]:
        """The text -> normalised text function of a detector (or of a list of steps)."""
        return self._key(det)[1]

    def get(
        self, det: TextDetector | tuple[str, ...], texts: Sequence[str], upto: int
    ) -> list[str]:
        """The normalised texts of ids ``0 .. upto - 1``."""
        key, fn = self._key(det)
        done = self._texts.setdefault(key, [])
        if len(done) < upto:
            done.extend(fn(t) for t in texts[len(done) : upto])
        lazy = self._lazy.get(key)
        if lazy:  # ids normalised one by one (:meth:`one`) and now below ``upto``
            for i in [i for i in lazy if i < upto]:
                done[i] = lazy.pop(i)
        return done

    def one(self, det: TextDetector | tuple[str, ...], texts: Sequence[str], i: int) -> str:
        """The normalised text of id ``i`` alone (the ids before it are not normalised)."""
        key, fn = self._key(det)
        done = self._texts.setdefault(key, [])
        if i < len(done):
            return done[i]
        lazy = self._lazy.setdefault(key, {})
        if i not in lazy:
            lazy[i] = fn(texts[i])
        return lazy[i]


class TextDetector:
    """Base for detectors that read only text. Subclasses implement ``match``."""

    name: str
    steps: tuple[str, ...] = ()
    kind = "text"
    places_later = False  # scan(..., locate=False) defers placing hits in the text as written

    def match(self, normalized: str) -> list[Hit]:
        raise NotImplementedError

    def findings_ready(self) -> bool:
        """Whether what it finds is settled, so that it may be kept across runs
        (:mod:`policy.detectors.memo`; a keyword detector once built)."""
        return True

    def scan(self, text: str, normalized: str | None = None) -> list[Hit]:
        """Hits in ``text`` (``normalized``: the text already normalised by this
        detector's normaliser, when the caller has it)."""
        return self.match(normalized if normalized is not None else text)

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
        """Evaluate texts not seen yet; each text id is evaluated once per run, and a text
        an equal detector read before in this process is not read again
        (:mod:`policy.detectors.memo`)."""
        n_old, n_new = self.fired.shape[0], len(texts)
        if n_new <= n_old:
            return
        kept = memo.findings_of(det)
        fired = np.zeros(n_new - n_old, dtype=bool)
        cats = np.zeros(n_new - n_old, dtype=np.uint64)
        count = np.zeros(n_new - n_old, dtype=np.int32)
        if kept is None:
            normalized = norm.get(det, texts, n_new)
            for i in range(n_old, n_new):
                self._record(i, n_old, self._scan(det, texts[i], normalized[i]), fired, cats, count)
        else:
            for i in range(n_old, n_new):
                text = texts[i]
                f = kept.get(text)
                if f is None:
                    f = self._scan(det, text, norm.one(det, texts, i))
                    kept.keep(text, f)
                self._record(i, n_old, f, fired, cats, count)
        self.fired = np.concatenate([self.fired, fired])
        self.cats = np.concatenate([self.cats, cats])
        self.count = np.concatenate([self.count, count])

    @staticmethod
    def _scan(det: TextDetector, text: str, normalized: str) -> memo.Findings:
        """What ``det`` finds in one text (hits placed when first shown, where it can)."""
        if det.places_later:
            hits = det.scan(text, normalized, locate=False)  # type: ignore[call-arg]
        else:
            hits = det.scan(text, normalized)
        if not hits:
            return (False, 0, 0, None)
        return (True, det.cat_mask(hits), len({h.what for h in hits}), tuple(hits))

    def _record(
        self,
        i: int,
        n_old: int,
        f: memo.Findings,
        fired: np.ndarray,
        cats: np.ndarray,
        count: np.ndarray,
    ) -> None:
        if f[0]:
            j = i - n_old
            fired[j] = True
            cats[j] = f[1]
            count[j] = f[2]
            self.hits[i] = list(f[3] or ())

    def gather(self, text_id: np.ndarray) -> DetectorOutput:
        return DetectorOutput(self.fired[text_id], self.cats[text_id], self.count[text_id])
