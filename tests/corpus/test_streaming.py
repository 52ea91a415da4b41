"""Streaming: a corpus ten times the shipped one is evaluated in the same memory."""

from __future__ import annotations

import gc
import tracemalloc

import policy
from policy.evaluate import evaluate

# One cheap text rule: the test measures the reader and the evaluator, not a detector.
POLICY = """
name: memory probe
detectors:
  money: {type: regex, normalize: [casefold], patterns: {pounds: '£\\s?\\d+'}}
rules:
  - {name: money, when: {hit: money}, action: remove}
"""


def _replicate(src, dst, times: int) -> None:
    head, *rows = src.read_text(encoding="utf-8").splitlines(keepends=True)
    with dst.open("w", encoding="utf-8") as f:
        f.write(head)
        for _ in range(times):
            f.writelines(rows)


def _peak(p, path) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        ev = evaluate(p, path, chunksize=2_000)
        return tracemalloc.get_traced_memory()[1], ev.messages
    finally:
        tracemalloc.stop()


def test_ten_times_the_corpus_keeps_memory_flat(sms_corpus, tmp_path):
    big = tmp_path / "x10.tsv"
    _replicate(sms_corpus, big, 10)
    p = policy.load_policy_text(POLICY)
    evaluate(p, sms_corpus, chunksize=2_000)  # warm caches (tables, compiled patterns)
    peak1, n1 = _peak(p, sms_corpus)
    peak10, n10 = _peak(p, big)
    assert n10 == 10 * n1
    # Reading the whole 10x file at once would need several times the 1x peak.
    assert peak10 < 1.5 * peak1 + 1_000_000, (peak1, peak10)
