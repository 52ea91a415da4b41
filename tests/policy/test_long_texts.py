"""Long texts: the work per hit does not grow with the length of the text.

A message of 150,000 hanzi holding 50,000 terms took more than ten minutes in
``policy evaluate``: every hit mapped the whole text to place itself, and every
sound-alike counted syllables from the start and read the whole run of hanzi around
it. These tests count that work instead of timing it (``bench/bench_policy.py --only
long`` prints the times).
"""

from __future__ import annotations

import numpy as np

import policy.lexicon
from policy import load_policy
from policy.corpus import Chunk
from policy.evaluate import evaluate_chunks
from policy.normalize import Normalizer


def _one_message(preset: str, text: str):
    return evaluate_chunks(load_policy(preset), [Chunk(1, [text], ["ham"], np.zeros(1, np.int8))])


def test_every_hit_of_a_text_is_placed_from_one_mapping(monkeypatch) -> None:
    calls: list[int] = []
    real = Normalizer._mapped  # the work behind Normalizer.mapped

    def counting(self: Normalizer, text: str):
        calls.append(len(text))
        return real(self, text)

    monkeypatch.setattr(Normalizer, "_mapped", counting)
    text = "电★子★烟 v.a.p.e " * 2_000  # 4,000 hits, each placed in the text as written
    ev = _one_message("crackdown", text)
    assert ev.overall.fp == 1
    assert ev.wrongly_hit[0].evidence.startswith("restricted_terms: ")
    assert calls.count(len(text)) == 1


def test_a_sound_alike_reads_only_the_hanzi_a_word_can_reach(monkeypatch) -> None:
    seen: list[tuple[int, int, int]] = []
    real = policy.lexicon.explained_by_words

    def spy(run: str, a: int, b: int, term: str, *args, **kwargs):
        seen.append((len(run), a, b))
        return real(run, a, b, term, *args, **kwargs)

    monkeypatch.setattr(policy.lexicon, "explained_by_words", spy)
    text = "椿药好" * 5_000  # one run of 15,000 hanzi with 5,000 sound-alikes of 春药
    ev = _one_message("crackdown_zh", text)
    assert ev.overall.fp == 1
    assert "椿药" in ev.wrongly_hit[0].evidence
    assert len(seen) == 5_000
    # a word of at most WORD_LONGEST hanzi overlapping it, on either side
    assert max(n - (b - a) for n, a, b in seen) <= 2 * policy.lexicon.WORD_LONGEST


def test_sound_alikes_far_into_a_long_text_are_placed_where_they_are() -> None:
    from policy import explain

    filler = "今天天气很好。" * 3_000 + "abc, 12 "
    text = filler + "椿药" + filler + "椿药"
    exp = explain(load_policy("crackdown_zh"), text)
    found = [h.located() for hits in exp.hits.values() for h in hits if h.what == "春药"]
    spans = sorted(h.span for h in found)
    assert spans == [
        (len(filler), len(filler) + 2),
        (2 * len(filler) + 2, 2 * len(filler) + 4),
    ]
