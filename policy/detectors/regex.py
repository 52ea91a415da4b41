"""The regex detector: named RE2 patterns, linear time whatever a user writes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import re2

from policy import messages as M
from policy.detectors.base import Hit, TextDetector
from policy.messages import MessageError

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2's message goes into the located PolicyError instead


def compile_re2(pattern: str) -> Any:
    """Compile with RE2; raise :class:`~policy.messages.MessageError` (a ``ValueError``)
    quoting RE2's own message when rejected."""
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        msg = exc.args[0] if exc.args else str(exc)
        if isinstance(msg, bytes):
            msg = msg.decode("utf-8", "replace")
        raise MessageError(M.msg(M.RE2_REJECTS, reason=msg)) from None


@dataclass
class RegexDetector(TextDetector):
    name: str
    patterns: dict[str, Any] = field(default_factory=dict)  # name -> compiled RE2
    category: str = ""
    cat_bits: int = 0
    steps: tuple[str, ...] = ()
    normalizer: Any = None  # a policy.normalize.Normalizer when there are steps

    places_later = True  # hits are placed in the text as written when first shown
    findings_depend_on_fields = True  # equal detectors share findings (policy.detectors.memo)

    def scan(self, text: str, normalized: str | None = None, locate: bool = True) -> list[Hit]:
        """Hits, with spans and excerpts in the text as written (``locate=False``: placed
        when first shown, as the engine and the corpus evaluator use them)."""
        norm = self.normalizer
        s = normalized if normalized is not None else (norm(text) if norm else text)
        hits = self.match(s)
        if not hits:
            return hits
        if norm is None:
            return [replace(h, written=text[h.span[0] : h.span[1]]) for h in hits]
        if not locate:
            return [
                replace(h, span=(-1, -1), place=(norm, text, *h.span))
                if h.span[1] > h.span[0]
                else h
                for h in hits
            ]
        n = norm.mapped(text)
        out = []
        for h in hits:
            a, b = h.span
            if b > a:
                a, b = n.span(a, b)
            out.append(replace(h, span=(a, b), written=text[a:b]))
        return out

    def match(self, normalized: str) -> list[Hit]:
        hits = []
        for pname, rx in self.patterns.items():
            m = rx.search(normalized)
            if m is not None:
                hits.append(
                    Hit(
                        self.name,
                        f"{pname}={m.group(0)}",
                        self.category,
                        normalized,
                        (m.start(), m.end()),
                    )
                )
        return hits

    def cat_mask(self, hits: list[Hit]) -> int:
        return self.cat_bits
