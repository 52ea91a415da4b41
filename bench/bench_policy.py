"""Benchmark the policy language (figures only; no timed assertions anywhere).

1. Cold text: distinct texts per second, every text new (the engine's text pools, English
   and Chinese), normalised with every step against plain ``str.casefold``, and normalised
   and matched by the crackdown's detector; side by side with the code of ``--before``
   (the crackdown's seven steps then), measured in a child process on the same texts.
2. Compile time of each preset and of a 15,000-term list (``policy check``: load and lint),
   in fresh processes, now and ``--before`` (which had no ``terms_file:``, so the list is
   pasted into its YAML there), and now with an empty cache (the first use on a machine).
3. Decisions per second for the crackdown preset over one synthetic day of the
   ``large`` scenario's size: ~200k posts drawn from a ~20k-text pool. Day 0 is
   "cold" (every distinct text is normalised and matched once); day 1 is "warm"
   (texts are cached by id, as they are for most of a run).
4. Keyword matching throughput with 10,000 terms: Aho-Corasick (pyahocorasick, one
   pass per text) against one Python ``re`` alternation of the same terms.
5. Long texts: one message of 10,000 and of 100,000 characters, full of terms and
   sound-alikes, decided and explained as ``policy evaluate`` does (every hit placed in
   the text as written), in milliseconds per 10,000 characters side by side: equal
   figures mean the cost grows with the length, not with its square.

Run: ``.venv/bin/python bench/bench_policy.py [--posts 200000] [--texts 20000]
[--before REV | --no-before] [--only cold|long] [--save bench/results/policy.json]``
(``--save`` keeps the cold-text table for ``scripts/figures.py --write
text_matching_speed``; ``--only cold`` measures that table alone, and with ``--save``
keeps the compile table already in the file, marked as measured then).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import string
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from machine import load_average, save_figures  # noqa: E402  (bench/ is the script's folder)

from policy import load_policy, load_policy_text  # noqa: E402
from policy.detectors import KeywordsDetector, memo  # noqa: E402
from policy.interface import DayBatch, PerceptionView, RunContext, TextView  # noqa: E402

BEFORE = "d19f2fb"  # the last commit before text matching was reworked
OLD_STEPS = "nfkc,casefold,confusables,separators,emoji,pinyin,abbreviations"

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
            if day == 0:  # cold: no text read before in this process (policy.detectors.memo)
                memo.forget()
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
    ac_hits = sum(bool(det.scan(t)) for t in texts)
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


# -- 1. cold text ---------------------------------------------------------------------------
def pool_texts(seed: int) -> list[str]:
    """Every distinct text of the engine's English and Chinese pools."""
    from simulation.catalogue import load_catalogue
    from simulation.world.content.pool import build_text_pool

    cat = load_catalogue()
    texts: list[str] = []
    for loc in ("en_US", "zh_CN"):
        texts += list(build_text_pool(cat, loc, np.random.default_rng(seed)).texts)
    return list(dict.fromkeys(texts))


def per_text_us(fn, texts: list[str], repeats: int = 3) -> float:
    """Best of ``repeats`` passes, microseconds per text (tables warmed by a first pass)."""
    for t in texts[:2000]:
        fn(t)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best / len(texts) * 1e6


_OLD_COLD = """
import json, sys, time
from policy.loader import make_normalizer
from policy import load_policy
texts = json.load(open(sys.argv[1], encoding="utf-8"))
norm = make_normalizer(tuple(sys.argv[2].split(",")))
det = load_policy("crackdown").detectors["restricted_terms"]
def per(fn):
    for t in texts[:2000]:
        fn(t)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best / len(texts) * 1e6
print(json.dumps({"normalise": per(norm), "match": per(lambda t: det.match(norm(t)))}))
"""


def old_tree(rev: str, into: str) -> Path:
    """The files of ``rev`` (``git archive``) extracted into ``into``."""
    data = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", rev], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return Path(into)


def in_tree(root: Path, code: str, *args: str, env: dict | None = None) -> str:
    """Run ``code`` with the tree at ``root`` first on the path; its standard output."""
    full = {**os.environ, "PYTHONPATH": str(root), **(env or {})}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=root, env=full, check=True, capture_output=True
    )
    return out.stdout.decode()


def bench_cold(seed: int, before: Path | None, rounds: int = 3) -> tuple[dict[str, float], int]:
    """Print the cold-text table; returns its rows (µs per text) by label and the number
    of texts.

    Normalising with every step, and the crackdown's normalising and matching, now and
    before, are measured in ``rounds`` interleaved rounds (a child process for "before"
    in each) and the best of each is kept, so a busy moment of the machine hits both
    sides alike."""
    from policy import load_policy
    from policy.normalize import STEPS, Normalizer

    texts = pool_texts(seed)
    det = load_policy("crackdown").detectors["restricted_terms"]
    everything = Normalizer(STEPS)
    fh = None
    if before is not None:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
            json.dump(texts, fh)
    now_norm = now_match = old_norm = old_match = every_norm = float("inf")
    try:
        for _ in range(rounds):
            every_norm = min(every_norm, per_text_us(everything, texts))
            now_norm = min(now_norm, per_text_us(det.normalizer, texts))
            now_match = min(now_match, per_text_us(lambda t: det.scan(t, locate=False), texts))
            if before is not None:
                old = json.loads(in_tree(before, _OLD_COLD, fh.name, OLD_STEPS))
                old_norm = min(old_norm, old["normalise"])
                old_match = min(old_match, old["match"])
    finally:
        if fh is not None:
            os.unlink(fh.name)
    rows = [
        ("plain str.casefold", per_text_us(str.casefold, texts)),
        (f"every step ({len(STEPS)}), normalise", every_norm),
        ("crackdown's steps, normalise", now_norm),
        ("crackdown's detector, normalise and match", now_match),  # as the engine does
        ("... and place the hits in the text as written", per_text_us(det.scan, texts)),
    ]
    if before is not None:
        rows += [
            ("before: crackdown's steps, normalise", old_norm),
            ("before: crackdown's detector, normalise and match", old_match),
        ]
    base = rows[0][1]
    print(f"\ncold text: {len(texts):,} distinct texts of the engine's pools (English, Chinese)")
    if before is not None:
        print(f"  (now and before: best of {rounds} interleaved rounds)")
    print(f"  {'':52s}{'µs/text':>9s}{'texts/s':>12s}{'× casefold':>12s}")
    for label, us in rows:
        print(f"  {label:52s}{us:9.2f}{1e6 / us:12,.0f}{us / base:12.1f}")
    if before is not None:
        print(f"  normalise: before / now = {old_norm / now_norm:.1f}×")
        print(f"  normalise and match: before / now = {old_match / now_match:.1f}×")
    return dict(rows), len(texts)


# -- 2. compile time ------------------------------------------------------------------------
_COMPILE = """
import json, sys, time
from policy import load_policy
from policy.lint import lint
t0 = time.perf_counter()
p = load_policy(sys.argv[1])
t1 = time.perf_counter()
lint(p) if sys.argv[2] == "lint" else None
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "lint": t2 - t1}))
"""


def word_list(n: int, seed: int) -> list[str]:
    """A public-style Chinese word list: ``n`` words of two to four hanzi (wordfreq)."""
    import wordfreq

    rng = random.Random(seed)
    han = re.compile("^[\u4e00-\u9fff]{2,4}$")
    freq = wordfreq.get_frequency_dict("zh")
    words = sorted(w for w, f in freq.items() if han.match(w) and 1e-7 <= f < 1e-5)
    return sorted(rng.sample(words, n))


BIG = """name: a public word list
detectors:
  words:
    type: keywords
    normalize: [{steps}]
    {terms}
rules:
  - {{name: listed, when: {{hit: words}}, action: remove}}
"""


def bench_compile(before: Path | None, seed: int) -> list[dict[str, Any]]:
    presets = sorted(
        p.stem for p in (REPO / "assets" / "policies").glob("*.yaml") if ".cases" not in p.name
    )
    rows: list[tuple[str, float | None, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="bench-policy-") as tmp:
        empty_cache = {"CIRCLELAB_CACHE_DIR": str(Path(tmp) / "cache")}
        for name in presets:
            now = json.loads(in_tree(REPO, _COMPILE, name, "-"))["load"]
            first = json.loads(in_tree(REPO, _COMPILE, name, "-", env=empty_cache))["load"]
            old = None
            if before is not None and (before / "assets" / "policies" / f"{name}.yaml").exists():
                old = json.loads(in_tree(before, _COMPILE, name, "-"))["load"]
            rows.append((name, old, now, first))
        words = word_list(15_000, seed)
        listed = Path(tmp) / "words.txt"
        listed.write_text("# 15,000 Chinese words\n" + "\n".join(words) + "\n", "utf-8")
        from policy.normalize import STEPS

        new_yaml = Path(tmp) / "big.yaml"
        new_yaml.write_text(
            BIG.format(steps=", ".join(STEPS), terms=f"terms_file: {{spam: {listed}}}"), "utf-8"
        )
        pasted = Path(tmp) / "big_pasted.yaml"
        pasted.write_text(
            BIG.format(
                steps=OLD_STEPS.replace(",", ", "),
                terms="terms:\n      spam: [" + ", ".join(words) + "]",
            ),
            "utf-8",
        )
        now = json.loads(in_tree(REPO, _COMPILE, str(new_yaml), "lint"))
        first = json.loads(in_tree(REPO, _COMPILE, str(new_yaml), "lint", env=empty_cache))
        old = json.loads(in_tree(before, _COMPILE, str(pasted), "lint")) if before else None
        cli = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "circlelab"), "policy", "check", str(new_yaml)],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        cli = time.perf_counter() - cli
    print("\ncompile time (load_policy in a fresh process, seconds)")
    print(f"  {'':38s}{'before':>9s}{'now':>9s}{'before/now':>12s}{'now, empty cache':>18s}")

    def line(label: str, old: float | None, now: float, first: float) -> None:
        o = f"{old:9.3f}" if old is not None else f"{'—':>9s}"
        r = f"{old / now:11.1f}×" if old is not None else f"{'—':>12s}"
        print(f"  {label:38s}{o}{now:9.3f}{r}{first:18.3f}")

    for name, o, n, f in rows:
        line(name, o, n, f)
    words_row = (
        "15,000 words: load + lint",
        old["load"] + old["lint"] if old else None,
        now["load"] + now["lint"],
        first["load"] + first["lint"],
    )
    line(*words_row)
    print(
        f"  (15,000 words {'pasted into YAML ' if old else ''}before, in a terms_file now; "
        f"`circlelab policy check` on it, whole command: {cli:.2f} s)"
    )
    return [
        {"name": name, "before": o, "now": n, "empty_cache": f}
        for name, o, n, f in [*rows, words_row]
    ]


def bench_long(lengths: tuple[int, ...] = (10_000, 100_000)) -> None:
    from policy.corpus import Chunk
    from policy.evaluate import evaluate_chunks

    units = {
        "crackdown": "vape pens 电子烟 椿药 and more ",
        "crackdown_zh": "电子烟便宜出椿药处方药学家厨房要",
    }
    print("\nlong texts: ms per 10,000 characters (one message, policy evaluate's path)")
    for name, unit in units.items():
        p = load_policy(name)
        cells = []
        for n in lengths:
            text = (unit * (n // len(unit) + 1))[:n]
            chunk = Chunk(1, [text], ["ham"], np.zeros(1, np.int8))
            evaluate_chunks(p, [chunk])  # warm: tables, lexicon
            t0 = time.perf_counter()
            evaluate_chunks(p, [chunk])
            cells.append(f"{n:>7,} chars {1e4 * (time.perf_counter() - t0) * 1e3 / n:7.2f}")
        print(f"  {name:<14} " + "   ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=200_000)
    ap.add_argument("--texts", type=int, default=20_000)
    ap.add_argument("--terms", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--before", default=BEFORE, help="git revision to compare with")
    ap.add_argument("--no-before", action="store_true", help="measure this checkout only")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds, cold text")
    ap.add_argument("--only", choices=["cold", "long"], help="measure only this section")
    ap.add_argument("--save", type=Path, help="write the cold-text table to this JSON file")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    if args.only == "long":
        bench_long()
        return
    with tempfile.TemporaryDirectory(prefix="bench-before-") as tmp:
        before = None if args.no_before else old_tree(args.before, tmp)
        cold, n_texts = bench_cold(args.seed, before, args.rounds)
        record: dict[str, Any] = {
            "before": None if before is None else args.before,
            "rounds": args.rounds,
            "texts": n_texts,
            "us_per_text": cold,
            "load_average": load_average(),
        }
        if args.only != "cold":
            record["compile_seconds"] = bench_compile(before, args.seed)
        elif args.save and args.save.exists():
            # the cold table alone: keep the compile table the file holds, with the load
            # it was measured under
            kept = json.loads(args.save.read_text(encoding="utf-8"))
            if kept.get("compile_seconds"):
                record["compile_seconds"] = kept["compile_seconds"]
                record["compile_load_average"] = kept.get(
                    "compile_load_average", kept.get("load_average")
                )
        if args.save:
            save_figures(args.save, record)
        if args.only == "cold":
            return
    bench_decisions(args.posts, args.texts, args.seed)
    bench_keywords(args.terms, args.texts, args.seed)
    bench_long()


if __name__ == "__main__":
    main()
