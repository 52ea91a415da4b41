"""Benchmark ``policy evaluate``: messages evaluated per second (figures only, no asserts).

1. The shipped SMS corpus replicated to 1,000,000 messages, streamed from a TSV file in
   chunks of 50,000 (read + decide + tally), for the ``spam`` and ``crackdown`` presets.
   Replication repeats texts, and the evaluator (like the engine) matches each distinct
   text of a chunk once, so this is the throughput on a corpus with realistic repetition.
2. The same with every message made distinct (a serial number appended), 200,000
   messages: the cost when nothing repeats, i.e. per text actually normalised and matched.

Run: ``.venv/bin/python bench/bench_corpus.py [--messages 1000000] [--distinct 200000]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policy import load_policy
from policy.detectors import memo
from policy.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "assets" / "corpora" / "sms-spam-collection.tsv"


def replicate(dst: Path, n: int, distinct: bool) -> None:
    head, *rows = CORPUS.read_text(encoding="utf-8").splitlines()
    with dst.open("w", encoding="utf-8") as f:
        f.write(head + "\n")
        for i in range(n):
            row = rows[i % len(rows)]
            f.write(f"{row} #{i}\n" if distinct else row + "\n")


def run(label: str, path: Path, n: int) -> None:
    for name in ("spam", "crackdown"):
        p = load_policy(name)
        evaluate(p, CORPUS)  # warm: normalisation tables, compiled patterns
        memo.forget()  # ... but no text's findings: every text is read in the timed run
        t0 = time.perf_counter()
        ev = evaluate(p, path, chunksize=50_000)
        wall = time.perf_counter() - t0
        print(
            f"{label:<34} {name:<10} {ev.messages:>9,} msgs  {wall:6.1f} s  "
            f"{ev.messages / wall:>10,.0f} msg/s  ({ev.distinct_texts:,} texts matched; "
            f"P={ev.overall.precision:.3f} R={ev.overall.recall:.3f})"
        )
        assert ev.messages == n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=200_000)
    args = ap.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"corpus not found at {CORPUS}")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "replicated.tsv"
        replicate(big, args.messages, distinct=False)
        run(f"SMS corpus replicated to {args.messages:,}", big, args.messages)
        uniq = Path(tmp) / "distinct.tsv"
        replicate(uniq, args.distinct, distinct=True)
        run(f"{args.distinct:,} distinct messages", uniq, args.distinct)


if __name__ == "__main__":
    main()
