"""Real text in the simulated feed: a share of the posts of a kind carry a message
drawn from a labelled corpus (for example spam posts from SMS spam, life posts from
SMS ham), so a run shows how a policy does on real text over time.

Corpus texts are appended to the text pool under a style code of their own
(:data:`CORPUS_STYLE`), so the pool's ordinary bucket sampling never picks them;
:func:`draw_corpus_texts` (called by ``simulation.world.posting.post_day``) replaces the text of a
``share`` of each kind's posts with a uniform draw from that kind's corpus texts.
Doing it per post rather than by padding buckets keeps the share exact whatever the
bucket sizes and the evasion styles sellers and spammers learn. A corpus post has no
evasion style (``EvasionStyle.NONE``): it is what a person really wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from policy.corpus import read_corpus
from policy.interface import ContentKind
from simulation.scenario import CorpusText
from simulation.world.content.pool import EvasionStyle, TextPool

CORPUS_STYLE = 100  # pool-only style code: outside every bucket the engine samples
_KINDS = {"life": ContentKind.LIFE, "ad": ContentKind.AD, "spam": ContentKind.SPAM}
_TARGETS = {
    "life": int(ContentKind.LIFE),
    "ad": int(ContentKind.AD),
    "spam": int(ContentKind.SPAM),
    "ignore": -1,
}


@dataclass
class CorpusBuckets:
    """Text ids of the corpus texts per content kind, and the share of posts to draw."""

    ids: dict[int, np.ndarray] = field(default_factory=dict)
    share: dict[int, float] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {ContentKind(k).name.lower(): int(v.shape[0]) for k, v in self.ids.items()}


def add_corpus_texts(pool: TextPool, corpus: CorpusText, rng: np.random.Generator) -> CorpusBuckets:
    """Append the corpus's distinct texts, per kind, to ``pool`` (file order, so the
    result does not depend on ``rng``, which is kept for future use). Raises
    :class:`policy.corpus.CorpusError` for a malformed corpus, ``ValueError`` when a
    kind with a share has no text in the corpus."""
    texts: dict[int, dict[str, None]] = {int(k): {} for k in _KINDS.values()}
    for chunk in read_corpus(
        corpus.path, corpus.text_column, corpus.label_column, corpus.map, targets=_TARGETS
    ):
        for text, code in zip(chunk.texts, chunk.y.tolist(), strict=True):
            if code >= 0 and text.strip():
                texts[code].setdefault(text, None)
    out = CorpusBuckets()
    for name, share in corpus.share.items():
        kind = int(_KINDS[name])
        if share <= 0:
            continue
        if not texts[kind]:
            raise ValueError(
                f"{corpus.path}: share.{name} is {share} but no label maps to "
                f"{name!r} (map: {corpus.map})"
            )
        out.ids[kind] = pool.append(list(texts[kind]), kind, -1, CORPUS_STYLE, False, False)
        out.share[kind] = float(share)
    return out


def draw_corpus_texts(
    buckets: CorpusBuckets,
    kind: np.ndarray,
    style: np.ndarray,
    text: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Give a ``share`` of each kind's new posts a corpus text; returns the new text ids.

    ``kind``, ``style`` and ``text`` are the day's new posts (equal length); the style of
    a post that gets a corpus text is set to NONE in place. Draws a fixed number of
    variates per post, so the run stays deterministic per seed."""
    n = kind.shape[0]
    if not buckets.ids or not n:
        return text
    text = text.copy()
    u = rng.random(n)
    pick = rng.random(n)
    for code, ids in buckets.ids.items():
        rows = np.flatnonzero((kind == code) & (u < buckets.share[code]))
        text[rows] = ids[(pick[rows] * ids.shape[0]).astype(np.int64)]
        style[rows] = EvasionStyle.NONE
    return text
