"""The keyword detector: thousands of terms, one Aho-Corasick pass per text.

Terms go through the same normalisation pipeline as texts, so a designer writes
"viagra" once and the ``confusables`` step makes "vіagra" (Cyrillic і) match it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import ahocorasick

from policy.detectors.base import Hit, TextDetector


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _is_cjk(ch: str) -> bool:
    # Word mode has no meaning inside unsegmented CJK text: treat CJK as boundaries.
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalpha()


@dataclass
class KeywordsDetector(TextDetector):
    name: str
    categories: tuple[str, ...]  # the policy's category order (bit i = categories[i])
    steps: tuple[str, ...] = ()
    mode: str = "substring"
    # normalised term -> (category bit mask, raw spellings)
    table: dict[str, tuple[int, tuple[str, ...]]] = field(default_factory=dict)
    _automaton: ahocorasick.Automaton | None = None

    def build(self) -> None:
        a = ahocorasick.Automaton()
        for term, (mask, _raw) in self.table.items():
            a.add_word(term, (term, mask))
        if len(a):
            a.make_automaton()
        self._automaton = a

    def match(self, normalized: str) -> list[Hit]:
        a = self._automaton
        if a is None or not len(a) or not normalized:
            return []
        hits: list[Hit] = []
        for end, (term, mask) in a.iter(normalized):
            start = end - len(term) + 1
            if self.mode == "word" and not self._bounded(normalized, start, end):
                continue
            hits.append(Hit(self.name, term, self._cat_names(mask), normalized, (start, end + 1)))
        return hits

    def _bounded(self, text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start > 0 else ""
        after = text[end + 1] if end + 1 < len(text) else ""
        ok_before = (
            not before or not _is_word_char(before) or _is_cjk(before) or _is_cjk(text[start])
        )
        ok_after = not after or not _is_word_char(after) or _is_cjk(after) or _is_cjk(text[end])
        return ok_before and ok_after

    def _cat_names(self, mask: int) -> str:
        return ",".join(c for i, c in enumerate(self.categories) if mask >> i & 1)

    def cat_mask(self, hits: list[Hit]) -> int:
        out = 0
        for h in hits:
            out |= self.table[h.what][0]
        return out
