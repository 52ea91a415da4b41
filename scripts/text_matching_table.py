"""The README's text-matching table: each preset before and after the text-matching work.

    python scripts/text_matching_table.py [--before REV] [--days 90] [--seeds 1,2,3,4,5]

Per preset (``assets/policies/*.yaml``) it measures, in this checkout and in the commit
``--before`` (default: the last commit before the text-matching work, extracted with
``git archive`` into a temporary folder and measured in a child process with the same
Python):

- the share of the messages of ``assets/corpora/zh-reviews.tsv`` (all innocent) and of the
  ham of ``assets/corpora/sms-spam-collection.tsv`` that ``circlelab policy evaluate``
  actions (any action but allow, shadow rules not counted), and
- recall on the simulation's offers, twice: over the offer texts of the engine's text
  pools (every distinct offer text, English and Chinese, as ``policy evaluate`` decides
  them: a personal account on the day the policy's last phase is in force), which is what
  the matcher alone decides, before and after; and over the offers posted in runs of
  ``demo`` and ``demo_zh`` (``--days`` days, each of ``--seeds``; every channel: most
  offers move to private chats, which the presets do not read), in this checkout only:
  the mean over the seeds with its 95% Student-t interval. Runs are not compared with
  ``--before``: the world itself changed after it (sellers' channels, harm, adversaries
  that react), so a difference would mostly measure that change, not the matcher's.

It prints one Markdown table and nothing else (progress goes to stderr). A preset that did
not exist before shows "—".
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np
from scipy import stats

REPO = Path(__file__).resolve().parents[1]
BEFORE = "d19f2fb"  # main just before text matching was reworked
CORPORA = {
    "zh": REPO / "assets" / "corpora" / "zh-reviews.tsv",
    "sms": REPO / "assets" / "corpora" / "sms-spam-collection.tsv",
}
SCENARIOS = ("demo", "demo_zh")
LOCALES = ("en_US", "zh_CN")
OFFER = 3  # the engine's content kind code of an offer
POOL_SEED = 1  # the text pool whose offer texts are decided


def _find(name: str, places: tuple[str, ...]):
    """``name`` from the first module of ``places`` that defines it (modules move between
    versions; the measured tree may be an older one)."""
    import importlib

    for place in places:
        try:
            mod = importlib.import_module(place)
        except ImportError:
            continue
        if name in vars(mod):
            return vars(mod)[name]
    raise SystemExit(f"no {name} in {', '.join(places)}")


def pool_offers(locale: str, seed: int) -> list[str]:
    """Every distinct offer text of the engine's text pool for ``locale`` and ``seed``."""
    build_text_pool = _find(
        "build_text_pool", ("simulation.world.content.pool", "simulation.content")
    )
    load_catalogue = _find(
        "load_catalogue",
        ("simulation.catalogue", "simulation.text_catalogue", "simulation.content"),
    )
    pool = build_text_pool(load_catalogue(), locale, np.random.default_rng(seed))
    return [t for t, k in zip(pool.texts, pool.kind, strict=True) if int(k) == OFFER]


def measure(root: Path, days: int, seeds: list[int]) -> dict[str, dict]:
    """Every preset of the tree at ``root`` (which must be first on sys.path); runs only
    when ``seeds`` is not empty."""
    import policy
    from policy import load_policy
    from policy.corpus import Chunk
    from policy.evaluate import evaluate, evaluate_chunks
    from simulation import run

    if not Path(policy.__file__).resolve().is_relative_to(root.resolve()):
        raise SystemExit(f"measuring {root} but imported policy from {policy.__file__}")
    chunks = {}
    for locale in LOCALES:
        offers = pool_offers(locale, POOL_SEED)
        y = np.ones(len(offers), dtype=np.int8)
        chunks[locale] = Chunk(1, offers, ["offer"] * len(offers), y)
    out: dict[str, dict] = {}
    presets = sorted(
        p.stem for p in (root / "assets" / "policies").glob("*.yaml") if ".cases" not in p.name
    )
    for name in presets:
        row: dict = {}
        pol = load_policy(name)
        for key, path in CORPORA.items():
            ev = evaluate(pol, path)
            row[key] = ev.overall.fp / ev.negatives if ev.negatives else None
        for locale, chunk in chunks.items():
            row[f"texts_{locale}"] = evaluate_chunks(pol, [chunk]).overall.recall
        for scenario in SCENARIOS if seeds else ():
            runs = []
            for seed in seeds:
                print(f"  {root.name}: {name} on {scenario}, seed {seed}", file=sys.stderr)
                res = run(scenario, name, days=days, seed=seed, keep_simulation=True)
                removed, surviving = res.simulation.post_fates()
                offers = float(removed[OFFER] + surviving[OFFER])
                runs.append(float(removed[OFFER]) / offers if offers else None)
                del res
            row[f"runs_{scenario}"] = runs
        out[name] = row
    return out


def measure_before(rev: str) -> dict[str, dict[str, float]]:
    """The texts of every preset of commit ``rev`` (no runs: see the module's docstring)."""
    with tempfile.TemporaryDirectory(prefix="circlelab-before-") as tmp:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", "--format=tar", rev],
            check=True,
            capture_output=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        env = {**os.environ, "PYTHONPATH": tmp}
        done = subprocess.run(
            [
                *(sys.executable, __file__, "--measure", tmp),
                "--seeds=",  # texts only
            ],
            cwd=tmp,
            env=env,
            check=True,
            stdout=subprocess.PIPE,
        )
        return json.loads(done.stdout)


def pct(x: float | None) -> str:
    return "—" if x is None or x != x else f"{100 * x:.2f}%"


def pair(before: float | None, after: float | None, digits: int = 2) -> str:
    if before is None or before != before:
        return f"— → {pct(after)}" if digits == 2 else f"— → {100 * after:.1f}%"
    if digits == 2:
        return f"{pct(before)} → {pct(after)}"
    return f"{100 * before:.1f}% → {100 * after:.1f}%"


def runs_cell(after: list) -> str:
    """Mean recall over the seeds and its 95% Student-t interval."""
    a = 100 * np.array(after, dtype=float)
    half = stats.t.ppf(0.975, len(a) - 1) * a.std(ddof=1) / np.sqrt(len(a)) if len(a) > 1 else 0
    low, high = max(a.mean() - half, 0.0), min(a.mean() + half, 100.0)
    return f"{a.mean():.1f}% ({low:.1f}–{high:.1f}%)"


def table(before: dict, after: dict, seeds: list[int]) -> str:
    n = len(seeds)
    head = [
        "preset",
        "zh-reviews actioned",
        "SMS ham actioned",
        "offer texts caught, en",
        "offer texts caught, zh",
        f"offers taken down, `demo` runs, now (mean of {n} seeds, 95% CI)",
        f"offers taken down, `demo_zh` runs, now (mean of {n} seeds, 95% CI)",
    ]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for name in sorted(after):
        b, a = before.get(name, {}), after[name]
        cells = [
            f"`{name}`",
            pair(b.get("zh"), a["zh"]),
            pair(b.get("sms"), a["sms"]),
            pair(b.get("texts_en_US"), a["texts_en_US"], 1),
            pair(b.get("texts_zh_CN"), a["texts_zh_CN"], 1),
            runs_cell(a["runs_demo"]),
            runs_cell(a["runs_demo_zh"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", default=BEFORE, help="git revision to compare with")
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--seeds", default="1,2,3,4,5", help="comma-separated run seeds")
    ap.add_argument("--measure", metavar="ROOT", help=argparse.SUPPRESS)
    args = ap.parse_args()
    seeds = [int(x) for x in args.seeds.split(",") if x]
    if args.measure:
        root = Path(args.measure)
        print(json.dumps(measure(root, args.days, seeds)))
        return
    before = measure_before(args.before)
    after = measure(REPO, args.days, seeds)
    print(table(before, after, seeds))


if __name__ == "__main__":
    if "--measure" in sys.argv:
        sys.path.insert(0, sys.argv[sys.argv.index("--measure") + 1])
    else:
        sys.path.insert(0, str(REPO))
    main()
