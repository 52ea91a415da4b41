"""Benchmark the policy language (figures only; no timed assertions anywhere).

1. Decisions per second for the crackdown preset over one synthetic day of the
   ``large`` scenario's size: ~200k posts drawn from a ~20k-text pool. Day 0 is
   "cold" (every distinct text is normalised and matched once); day 1 is "warm"
   (texts are cached by id, as they are for most of a run).
2. Keyword matching throughput with 10,000 terms: Aho-Corasick (pyahocorasick, one
   pass per text) against one Python ``re`` alternation of the same terms.

Run: ``.venv/bin/python bench/bench_policy.py [--posts 200000] [--texts 20000]``
"""

from __future__ import annotations

import argparse
import random
import re
import string
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policy import load_policy, load_policy_text
from policy.detectors import KeywordsDetector
from policy.interface import DayBatch, PerceptionView, RunContext, TextView

CATEGORIES = ("medical", "tobacco", "sexual_health", "aphrodisiac")


def text_pool(n: int, seed: int) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The engine's own text pool when available (both locales), else a synthetic one."""
    rng = np.random.default_rng(seed)
    try:
        from simulation.catalogue import load_catalogue
        from simulation.world.content.pool import build_text_pool

        cat = load_catalogue()
        pools = [build_text_pool(cat, loc, rng, n // 2) for loc in ("en_US", "zh_CN")]
        texts = [t for p in pools for t in p.texts]
        kind = np.concatenate([p.kind for p in pools])
        category = np.concatenate([p.category for p in pools])
        image = np.concatenate([p.has_image for p in pools])
        return texts, image, kind, category
    except Exception as exc:  # pragma: no cover - fallback when the engine is absent
        print(f"(simulation text pool unavailable: {exc}; using synthetic texts)")
        r = random.Random(seed)
        words = ["lunch", "cat", "trip", "vape", "sale", "happy", "pills", "weekend", "dm me"]
        texts = [" ".join(r.choice(words) for _ in range(8)) for _ in range(n)]
        return texts, np.zeros(n, bool), np.zeros(n, np.int8), np.full(n, -1, np.int8)


# A day's mix of what people post (by ground-truth kind): mostly life updates.
MIX = {0: 0.72, 1: 0.14, 2: 0.07, 3: 0.07}


def day_batch(day: int, n: int, texts, image, kind, category, rng) -> DayBatch:
    """One day's posts: text ids drawn so the kinds follow ``MIX``, in posting order."""
    weight = np.zeros(len(texts))
    for k, share in MIX.items():
        sel = kind == k
        if sel.any():
            weight[sel] = share / sel.sum()
    tid = rng.choice(len(texts), n, p=weight / weight.sum()).astype(np.int32)
    return DayBatch(
        day=day,
        post_id=np.arange(day * n, (day + 1) * n, dtype=np.int64),
        posted_day=np.full(n, day, np.int32),
        hour=np.sort(rng.random(n).astype(np.float32) * 24),
        author=rng.integers(0, n // 2, n).astype(np.int32),
        account_kind=(rng.random(n) < 0.05).astype(np.int8),
        account_age_days=rng.integers(0, 2000, n).astype(np.int32),
        friend_count=rng.integers(5, 500, n).astype(np.int32),
        posts_today=np.ones(n, np.int32),
        prior_ban_device=np.zeros(n, bool),
        text_id=tid,
        stage=np.zeros(n, np.int8),
        reports=np.zeros(n, np.int32),
        new_reports=np.zeros(n, np.int32),
        texts=TextView(texts, image),
        perceived=PerceptionView(kind[tid], category[tid]),
    )


def bench_decisions(posts: int, n_texts: int, seed: int) -> None:
    texts, image, kind, category = text_pool(n_texts, seed)
    rng = np.random.default_rng(seed)
    for name in ("crackdown", "keywords"):
        pol = load_policy(name, start_day=0) if name == "crackdown" else load_policy(name)
        session = pol.start(RunContext(CATEGORIES, "en_US", np.random.default_rng(seed), 3))
        print(f"\n{pol.name}: {posts:,} posts/day over {len(texts):,} distinct texts")
        for day, label in (
            (0, "cold (every text matched once)"),
            (1, "warm (texts cached)"),
            (2, "warm (texts cached)"),
        ):
            batch = day_batch(day, posts, texts, image, kind, category, rng)
            t0 = time.perf_counter()
            out = session.decide(batch)
            dt = time.perf_counter() - t0
            print(
                f"  day {day} {label:32s} {dt * 1e3:8.1f} ms  {posts / dt:12,.0f} posts/s"
                f"   ({len(out.posts):,} post actions, {len(out.accounts):,} account actions)"
            )
        text = pol.source.replace("version: 1", "version: 1\nevidence: false", 1)
        quiet = load_policy_text(text, pol.file, start_day=0).start(
            RunContext(CATEGORIES, "en_US", np.random.default_rng(seed), 3)
        )
        quiet.decide(day_batch(0, posts, texts, image, kind, category, rng))
        batch = day_batch(1, posts, texts, image, kind, category, rng)
        t0 = time.perf_counter()
        quiet.decide(batch)
        dt = time.perf_counter() - t0
        print(
            f"  day 1 warm, evidence strings off       {dt * 1e3:8.1f} ms  "
            f"{posts / dt:12,.0f} posts/s"
        )


def bench_keywords(n_terms: int, n_texts: int, seed: int) -> None:
    r = random.Random(seed)
    alphabet = string.ascii_lowercase
    terms = sorted(
        {"".join(r.choice(alphabet) for _ in range(r.randint(5, 12))) for _ in range(n_terms)}
    )[:n_terms]
    texts, *_ = text_pool(n_texts, seed)
    texts = [t.casefold() for t in texts]
    # plant some terms so there is something to find
    texts = [t + " " + r.choice(terms) if i % 10 == 0 else t for i, t in enumerate(texts)]
    chars = sum(len(t) for t in texts)
    det = KeywordsDetector(name="kw", categories=("x",), table={t: (1, (t,)) for t in terms})
    t0 = time.perf_counter()
    det.build()
    build_ac = time.perf_counter() - t0
    t0 = time.perf_counter()
    ac_hits = sum(bool(det.match(t)) for t in texts)
    ac = time.perf_counter() - t0
    t0 = time.perf_counter()
    rx = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    build_re = time.perf_counter() - t0
    t0 = time.perf_counter()
    re_hits = sum(bool(rx.search(t)) for t in texts)
    rt = time.perf_counter() - t0
    print(
        f"\nkeyword matching: {len(terms):,} terms over {len(texts):,} texts "
        f"({chars / 1e6:.2f} M chars)"
    )
    print(f"  {'':28s}{'build':>10s}{'match':>12s}{'texts/s':>14s}{'MB/s':>9s}{'hit texts':>11s}")
    for label, b, m, h in (
        ("Aho-Corasick (pyahocorasick)", build_ac, ac, ac_hits),
        ("re alternation (baseline)", build_re, rt, re_hits),
    ):
        print(
            f"  {label:28s}{b * 1e3:8.1f}ms{m * 1e3:10.1f}ms{len(texts) / m:14,.0f}"
            f"{chars / m / 1e6:9.2f}{h:11,d}"
        )
    print(f"  speed-up: {rt / ac:.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=200_000)
    ap.add_argument("--texts", type=int, default=20_000)
    ap.add_argument("--terms", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    bench_decisions(args.posts, args.texts, args.seed)
    bench_keywords(args.terms, args.texts, args.seed)


if __name__ == "__main__":
    main()
