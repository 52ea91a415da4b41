"""The README's figures, printed by the code that measures them.

Each figure block of the README sits between ``<!-- figures:NAME -->`` and
``<!-- /figures:NAME -->``; a generator here prints its Markdown. ::

    python scripts/figures.py demo              # print the block
    python scripts/figures.py --write demo      # put it into README.md
    python scripts/figures.py --check demo      # exit 1 when README.md differs

``tests/test_readme.py`` runs ``--check`` on the cheap blocks, so when the model or a
metric changes, the README's numbers must be re-measured in the same commit. Blocks
whose measurement takes minutes (benchmarks, studies) are printed by their own scripts
(``bench/…``, ``circlelab study``) and pasted here by ``--write`` from a saved output.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from simulation import run  # noqa: E402  (after the path, so a checkout works uninstalled)
from simulation.world.decay import avoided_share  # noqa: E402

WEEK = 7


def _fmt(x: float, digits: int = 0) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:,.{digits}f}"


def demo() -> str:
    """The seed story: the demo world under the crackdown, seed 7, against no moderation."""
    crack = run("demo", "crackdown", seed=7)
    none = run("demo", "none", seed=7)
    m, s, n = crack.metrics, crack.summary, none.metrics
    start = 30
    feed = m["offers_by_channel.moments"]
    private = m["offers_by_channel.chat"] + m["offers_by_channel.group"]
    weekly = feed.rolling(WEEK, min_periods=WEEK).mean()
    before = float(feed.iloc[start - WEEK : start].mean())
    week_after = float(feed.iloc[start + 1 : start + 1 + WEEK].mean())
    trough_day = int(weekly.iloc[start + WEEK :].idxmin())
    trough = float(weekly.iloc[start + WEEK :].min())
    end = float(feed.tail(WEEK).mean())
    private_before = float(private.iloc[start - WEEK : start].mean())
    private_end = float(private.tail(WEEK).mean())
    units = m.filter(like="units_sold.").sum(axis=1)
    units_none = n.filter(like="units_sold.").sum(axis=1)
    after = slice(start, None)
    harm_cut = 1 - units.iloc[after].sum() / units_none.iloc[after].sum()
    seen_cut = (
        1 - m["impressions.offer"].iloc[after].sum() / n["impressions.offer"].iloc[after].sum()
    )
    private_units = m["units_by_channel.chat"] + m["units_by_channel.group"]
    private_units_none = n["units_by_channel.chat"] + n["units_by_channel.group"]
    moved = private_units.iloc[after].sum() / private_units_none.iloc[after].sum()
    spam_ratio = s["spam_impressions"] / none.summary["spam_impressions"]
    rebound = "climb back" if end > 1.1 * trough else "stay there"
    spam = "untouched" if 0.9 < spam_ratio < 1.1 else f"{spam_ratio:.0%} of its unmoderated level"
    rows = [
        ("feed offers a day, the week before day 30", _fmt(before)),
        ("feed offers a day, the week after day 30", _fmt(week_after)),
        (
            "lowest 7-day mean after that (day)",
            f"{_fmt(trough)} (day {int(m['day'].iloc[trough_day])})",
        ),
        ("feed offers a day, the last week", _fmt(end)),
        ("offers in chats and groups a day, the week before day 30", _fmt(private_before)),
        ("offers in chats and groups a day, the last week", _fmt(private_end)),
        ("feed offer impressions from day 30, cut against no moderation", f"{seen_cut:.0%}"),
        ("restricted units sold from day 30, cut against no moderation", f"{harm_cut:.0%}"),
        ("units sold in chats and groups from day 30, crackdown / no moderation", f"{moved:.2f}"),
        ("sellers who registered an official account", _fmt(s["official_registrations"])),
        ("spam impressions, crackdown / no moderation", f"{spam_ratio:.2f}"),
        ("Advertising Circle index, last week", f"{s['ad_share_last_week']:.2f}"),
        (
            "times a user left the feed (no moderation)",
            f"{_fmt(s['regular_left'])} ({_fmt(none.summary['regular_left'])})",
        ),
        (
            "wrongful bans (per 10,000 accounts)",
            f"{s['bans_wrongful']} ({s['wrongful_bans_per_10k_accounts']:.0f})",
        ),
        ("wrongful removals (life posts and legal ads)", _fmt(s["wrongful_removals"])),
        (
            "innocent posts removed (with those of wrongly banned authors)",
            _fmt(s["innocent_posts_removed"]),
        ),
        ("moderation precision", f"{s['moderation_precision']:.3f}"),
        ("recall (the run's offers and spam down at the end)", f"{s['recall']:.3f}"),
    ]
    table = "\n".join(
        ["| demo × crackdown, seed 7 | |", "| --- | ---: |", *(f"| {a} | {b} |" for a, b in rows)]
    )
    story = (
        f"Offers in the feed fall from about {_fmt(before)} a day before day 30 to "
        f"{_fmt(week_after)} a day the week after, reach their lowest 7-day mean "
        f"({_fmt(trough)}) around day {int(m['day'].iloc[trough_day])}, then {rebound} "
        f"({_fmt(end)} a day in the last week). But selling moves rather than stops: chats "
        f"and groups, which this policy does not scan, carry {_fmt(private_end)} offers a day "
        f"at the end ({_fmt(private_before)} before; from day 30 they sell {moved:.2f} times "
        f"what they sell in the unmoderated world, whose own growth also goes there), and "
        f"{_fmt(s['official_registrations'])} "
        f"sellers register official accounts, out of the policy's scope. So from day 30 the "
        f"restricted units sold fall by {harm_cut:.0%} against the same world without "
        f"moderation, while what users see of offers in the feed falls by {seen_cut:.0%}. "
        f"Spam, which this policy does not target, is {spam} (the removed offers leave "
        f"room in users' attention, and more users stay), so the Advertising Circle index "
        f"ends at "
        f"{s['ad_share_last_week']:.0%}; {_fmt(s['regular_left'])} users leave the feed "
        f"({_fmt(none.summary['regular_left'])} without moderation); "
        f"{s['bans_wrongful']} ordinary accounts are banned wrongly and "
        f"{_fmt(s['wrongful_removals'])} life posts and legal ads removed for innocent mentions."
    )
    return f"{story}\n\n{table}"


STUDIES = ROOT / "out"  # where `circlelab study NAME --out out/NAME` writes its report


def _study(name: str, table: str = "run_headlines") -> pd.DataFrame:
    path = STUDIES / name / "data" / f"{table}.csv"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `circlelab study {name} --out out/{name}`")
    return pd.read_csv(path)


def _per_delay(rh: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Mean and 95% half-width across seeds of a measure, per takedown delay."""
    from simulation.sweeps.aggregate import t_interval

    col = "policy:rules.*.delay_hours"
    rows = []
    for x, d in rh[rh[col].notna()].groupby(col):
        mean, lo, hi = t_interval(d[measure].to_numpy(float))
        rows.append((float(x), mean, (hi - lo) / 2))
    return pd.DataFrame(rows, columns=["delay", "mean", "half"]).set_index("delay")


def _pct(x: float) -> str:
    return "–" if x is None or math.isnan(x) else f"{100 * x:.1f}%".replace("-", "−")


def _half_life(study: str) -> float:
    """Mean feed half-life (hours) of a study's runs without moderation."""
    runs, daily = _study(study), _study(study, "daily_metrics")
    base = runs.loc[runs["no_rules"], "run_id"]
    return float(daily[daily["run_id"].isin(base)]["feed_half_life_hours"].mean())


def takedown() -> str:
    """The takedown-speed studies (assets/studies/takedown_speed*.yaml), from their saved
    outputs in out/: exposure and harm avoided per delay, adaptive and indifferent posting."""
    adaptive, passive = _study("takedown_speed"), _study("takedown_speed_passive")
    h, h_passive = _half_life("takedown_speed"), _half_life("takedown_speed_passive")
    shares = {
        "restricted-offer impressions avoided (feed)": _per_delay(
            adaptive, "offer_impressions_avoided"
        ),
        "restricted units sold avoided (harm, every channel)": _per_delay(adaptive, "harm_avoided"),
        "spam impressions avoided": _per_delay(adaptive, "spam_impressions_avoided"),
        "posting indifferent to removals: offer impressions avoided": _per_delay(
            passive, "offer_impressions_avoided"
        ),
        "posting indifferent to removals: spam impressions avoided": _per_delay(
            passive, "spam_impressions_avoided"
        ),
    }
    moved = _per_delay(adaptive, "private_harm_avoided")
    delays = list(shares["spam impressions avoided"].index)
    reference = {x: 0.9 * avoided_share(x, h_passive) for x in delays}
    rows = [
        "| removal after (h) | " + " | ".join(f"{x:g}" for x in delays) + " |",
        "| --- |" + " --- |" * len(delays),
    ]
    for label, t in list(shares.items())[:2]:
        rows.append(f"| {label} | " + " | ".join(_pct(t.loc[x, "mean"]) for x in delays) + " |")
    rows.append(
        "| units sold in chats and groups, × their unmoderated level | "
        + " | ".join(f"{1 - moved.loc[x, 'mean']:.1f}×" for x in delays)
        + " |"
    )
    for label, t in list(shares.items())[2:]:
        rows.append(f"| {label} | " + " | ".join(_pct(t.loc[x, "mean"]) for x in delays) + " |")
    rows.append(
        f"| removal alone at that feed's half-life ({h_passive:.1f} h): "
        f"0.9 × 2^(−h/{h_passive:.1f}) | " + " | ".join(_pct(reference[x]) for x in delays) + " |"
    )
    widest = max(100 * float(t.loc[delays, "half"].max()) for t in shares.values())
    passive_offers = shares["posting indifferent to removals: offer impressions avoided"]
    below = [reference[x] - passive_offers.loc[x, "mean"] for x in delays]
    offers = shares["restricted-offer impressions avoided (feed)"]
    harm = shares["restricted units sold avoided (harm, every channel)"]
    spam = shares["spam impressions avoided"]
    note = (
        f"95% bands across seeds are at most ±{widest:.1f} points for the shares "
        f"(`data/headline.csv`; the chats-and-groups multiple varies more from seed to seed: "
        f"±{float(moved.loc[delays, 'half'].max()):.1f}). Without moderation the demo "
        f"feed's half-life averages {h:.1f} hours in the first study and {h_passive:.1f} "
        f"hours in the second (`feed_half_life_hours`; users leave in the first). With "
        f"posting indifferent to removals, offer exposure avoided lies within "
        f"{100 * max(abs(b) for b in below):.1f} points of removal alone at that half-life "
        f"(at most {100 * max(below):.1f} below it): "
        f"{_pct(passive_offers.loc[delays[0], 'mean'])} at {delays[0]:g} h, "
        f"{_pct(passive_offers.loc[24.0, 'mean'])} at 24 h. With sellers that react, offer "
        f"exposure in the feed falls by {_pct(offers['mean'].min())} to "
        f"{_pct(offers['mean'].max())} whatever the delay, but units sold only by "
        f"{_pct(harm['mean'].min())} to {_pct(harm['mean'].max())}: sales in chats and "
        f"groups grow to {1 - moved['mean'].max():.1f}–{1 - moved['mean'].min():.1f} times "
        f"their unmoderated level. Spam exposure avoided goes from "
        f"{_pct(spam.loc[delays[0], 'mean'])} at {delays[0]:g} h to "
        f"{_pct(spam.loc[delays[-1], 'mean'])} at {delays[-1]:g} h."
    )
    return "\n".join(rows) + "\n\n" + note


def threshold() -> str:
    """The classifier-threshold study (assets/studies/classifier_threshold.yaml), from its
    saved trade-off table in out/ (one row per threshold, in the column of the study's
    ``x``)."""
    from simulation.sweeps.study import load_study

    x = "policy:" + load_study("classifier_threshold")["x"]
    t = _study("classifier_threshold", "tradeoff").sort_values(x)
    head = "| recall | offer + spam exposure avoided | wrongful bans per 10,000 accounts | |"
    rows = [head, "| ---: | ---: | ---: | --- |"]
    rows += [
        f"| {r[x]:g} | {_pct(r['gain'])} | {r['cost']:.0f} | "
        + ("Pareto front" if r["pareto"] else "off the front")
        + " |"
        for _, r in t.iterrows()
    ]
    return "\n".join(rows)


SMS = ROOT / "assets" / "corpora" / "sms-spam-collection.tsv"


def _scores_row(label: str, ev) -> str:
    o = ev.overall
    return (
        f"| {label} | {ev.messages:,} | {_pct(o.precision)} ({o.tp}/{o.hits}) | "
        f"{_pct(o.recall)} ({o.tp}/{o.tp + o.fn}) | {_pct(o.f1)} | "
        f"{100 * o.fpr:.2f}% ({o.fp}/{o.fp + o.tn:,}) |"
    )


def spam_corpus() -> str:
    """The `spam` preset on the SMS Spam Collection: the odd data rows (looked at while
    writing the rules), the even rows (held out) and all, as `policy evaluate` decides."""
    import numpy as np

    from policy import load_policy
    from policy.corpus import Chunk, read_corpus
    from policy.evaluate import evaluate_chunks

    policy = load_policy("spam")
    chunks = list(read_corpus(SMS, chunksize=10**7))
    texts = [t for c in chunks for t in c.texts]
    labels = [x for c in chunks for x in c.labels]
    y = np.concatenate([c.y for c in chunks])
    rows = []
    for label, start in (("odd rows (used for adjusting)", 0), ("even rows (held out)", 1)):
        part = Chunk(start + 1, texts[start::2], labels[start::2], y[start::2])
        rows.append(_scores_row(label, evaluate_chunks(policy, [part])))
    rows.append(_scores_row("all", evaluate_chunks(policy, [Chunk(1, texts, labels, y)])))
    head = [
        "| SMS Spam Collection | messages | precision | recall | F1 | false-positive rate |",
        "|---|---|---|---|---|---|",
    ]
    return "\n".join(head + rows)


def corpus_demo() -> str:
    """Real text in a run: `corpus_demo` (half of the spam real SMS spam) under `spam`
    against no moderation, 30 days, seed 5."""
    spam = run("corpus_demo", "spam", days=30, seed=5)
    none = run("corpus_demo", "none", days=30, seed=5)
    s, m = spam.summary, spam.metrics
    removed = int(m["posts_removed.spam"].sum())
    return (
        f"On 30 days (seed 5) the `spam` preset cuts spam impressions from "
        f"{none.summary['spam_impressions'] / 1e3:,.0f}k to {s['spam_impressions'] / 1e3:,.0f}k "
        f"at {_pct(s['moderation_precision'])} moderation precision. It removes "
        f"{removed:,} spam posts (the {s['spam_created']:,} posted in the 30 days and those "
        f"still live from before), and spammers whose posts are removed stop earning and "
        f"leave ({s['spammer_exits']} left; {none.summary['spammer_exits']} without "
        f"moderation). Its recall, the share of the run's offers and spam down at the end, "
        f"is only {_pct(s['recall'])}: it is written for spam and leaves the "
        f"{s['offers_created']:,} restricted offers alone."
    )


BENCH_RESULTS = ROOT / "bench" / "results"  # what the benchmarks' --save writes


def _bench(name: str, command: str) -> dict:
    path = BENCH_RESULTS / f"{name}.json"
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `{command}`")
    return json.loads(path.read_text(encoding="utf-8"))


def _size(n: float) -> str:
    return f"{n / 1e6:.1f} M" if n >= 1e6 else f"{n / 1e3:.0f} k"


def engine() -> str:
    """The engine's speed and memory, this commit against the engine before the speed work,
    from ``bench/bench_engine.py --against REV --save bench/results/engine.json``."""
    r = _bench(
        "engine", "python bench/bench_engine.py --against d6b3f05 --save bench/results/engine.json"
    )
    rows = [
        "| scenario | policy | accounts | days | posts | wall time | posts/s | peak memory "
        "| wall time before | speed × before |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in r["rows"]:
        a, b = row["after"], row["before"]
        rows.append(
            f"| `{row['scenario']}` | {row['policy']} | {a['accounts']:,} | {a['days']} "
            f"| {_size(a['posts'])} | {a['wall_s']:.1f} s | {_size(a['posts'] / a['wall_s'])} "
            f"| {a['peak_mb']:,.0f} MB | {b['wall_s']:.1f} s | {row['speed_ratio']:.2f} |"
        )
    mem = r["memory_per_account_kib"]
    year = [row for row in r["rows"] if row["after"]["accounts"] == 100_000]
    years = [f"{row['policy']} {row['after']['wall_s']:.1f} s" for row in year]
    fast = all(row["after"]["wall_s"] < 30 for row in year)
    halved = mem["before"] / mem["after"] >= 2
    note = (
        f"Before = commit {r['before']}, the engine before the speed work; after = "
        f"{r['after']}. Each case in a fresh process, the two alternating, best of "
        f"{r['repeat']} per side; {r['cpus']} cores shared with other work (load average "
        f"{r['load_average']} at the end), so compare within a row, not with figures measured "
        f"at another time. Memory per account (the slope of peak memory, `large` with no "
        f"policy, between 10,000 and 100,000 accounts): {mem['after']:.2f} KiB, against "
        f"{mem['before']:.2f} KiB before ({mem['before'] / mem['after']:.2f}× less). "
        f"A 100,000-account year: " + ", ".join(years) + "."
    )
    goals = (
        f"Goals: a 100,000-account year under 30 s ({'met' if fast else 'not met'} in this "
        f"run); memory per account halved ({'met' if halved else 'not met'}: "
        f"{mem['before'] / mem['after']:.2f}×)."
    )
    path = BENCH_RESULTS / "gui_process.json"
    if path.exists():  # python bench/bench_engine.py --gui-process --save …
        g = json.loads(path.read_text(encoding="utf-8"))
        goals += (
            f" The same engine speed in the desktop app's engine process: "
            f"{g['median_ratio']:.2f} of a plain process's speed (`large`, keywords, "
            f"{g['accounts']:,} accounts, {g['days']} days; median of "
            f"{len(g['ratios'])} pairs, commit {g['commit']}, load average "
            f"{g['load_average']})."
        )
    path = BENCH_RESULTS / "threads.json"
    if path.exists():  # python bench/bench_engine.py --threads 2 --save …
        t = json.loads(path.read_text(encoding="utf-8"))
        pairs = ", ".join(
            f"{a:.1f} s against {b:.1f} s"
            for a, b in zip(t["one_thread_s"], t["threads_s"], strict=True)
        )
        goals += (
            f" The {t['threads']} threads against one (`large`, crackdown, 100,000 accounts, "
            f"a year; one thread, then {t['threads']}, in turn: {pairs}): "
            f"{t['median_ratio']:.2f}× the speed (median of {len(t['ratios'])} pairs, commit "
            f"{t['commit']}, load average {t['load_average']})."
        )
    return "\n".join(rows) + "\n\n" + note + "\n\n" + goals


def mesa() -> str:
    """The engine against the Mesa yardstick, from ``bench/bench_mesa.py --save``."""
    r = _bench("mesa", "python bench/bench_mesa.py --save bench/results/mesa.json")
    rows = [
        "| accounts | days | engine policy | engine account-days/s | Mesa account-days/s "
        "| engine / Mesa, per pair | median |",
        "| ---: | ---: | --- | ---: | ---: | --- | ---: |",
    ]
    for x in r.values():
        rows.append(
            f"| {x['accounts']:,} | {x['days']} | {x['policy']} "
            f"| {statistics.median(x['engine_rate']):,.0f} "
            f"| {statistics.median(x['mesa_rate']):,.0f} "
            f"| {', '.join(f'{q:.1f}×' for q in x['ratios'])} | {x['median_ratio']:.1f}× |"
        )
    loads = sorted({x["load_average"] for x in r.values()})
    goal = r.get("100000")
    verdict = (
        f"Goal: at least 30× at 100,000 accounts with the keyword policy: "
        f"{goal['median_ratio']:.1f}× ({'met' if goal['median_ratio'] >= 30 else 'not met'})."
        if goal
        else ""
    )
    return (
        "\n".join(rows)
        + f"\n\nCommit {', '.join(sorted({x['commit'] for x in r.values()}))}; load average "
        + " and ".join(f"{v}" for v in loads)
        + " when the runs ended (the two sides of a pair run in turn, so load moves both). "
        + verdict
    ).strip()


def _load(record: dict) -> str:
    load = record.get("load_average")
    return (
        f"; load average {load:.1f} on 2 cores when it ended, its own processes included"
        if load is not None
        else ""
    )


def cli() -> str:
    """Start-up of the command line, from bench/bench_cli.py's saved output."""
    r = _bench("cli", "python bench/bench_cli.py --save bench/results/cli.json")
    med, goal = r["median"], r["goal"]
    base = med["python -c pass"]
    rows = ["| command | median | × `python -c pass` |", "| --- | ---: | ---: |"]
    for name, m in sorted(med.items(), key=lambda kv: kv[1]):
        rows.append(f"| `{name}` | {m:.3f} s | {m / base:.1f} |")
    waited = {n: med[n] for n in ("circlelab --help", 'circlelab policy explain crackdown "vape"')}
    verdict = "; ".join(
        f"`{n}` {'meets it' if m < goal else 'does not'} ({m:.2f} s)" for n, m in waited.items()
    )
    return (
        f"`python bench/bench_cli.py` (each command a fresh process, median of "
        f"{r['repeat']} interleaved runs{_load(r)}):\n\n"
        + "\n".join(rows)
        + f"\n\nGoal: `--help` and `policy explain` under {goal} s: {verdict}."
    )


def gui_startup() -> str:
    """The desktop app's start against a bare PySide6 window, from bench/bench_gui.py's
    saved output."""
    r = _bench(
        "gui",
        "python bench/bench_gui.py --only-startup --save bench/results/gui.json",
    )
    med, goal = r["median"], r["goal"]
    bare = med["bare window"]
    names = {
        "bare window": "a bare PySide6 window painted",
        "usable": "Circle Lab's window painted, its event loop turning (usable)",
        "checked": "... the policy in the editor checked (read from the compiled-policy cache)",
        "listed": "... the stored runs listed (the database layer imported)",
    }
    rows = ["| from launch to | median | × the bare window |", "| --- | ---: | ---: |"]
    for key, label in names.items():
        rows.append(f"| {label} | {med[key]:.2f} s | {med[key] / bare:.1f} |")
    usable = med["usable"]
    verdict = "meets it" if usable < goal else "does not meet it"
    return (
        f"`python bench/bench_gui.py --only-startup` ({r['platform']}; each a fresh process, "
        f"the two kinds in turn, median of {r['repeats']}{_load(r)}):\n\n"
        + "\n".join(rows)
        + f"\n\nGoal: a usable window within {goal:.0f} s: {verdict} ({usable:.2f} s)."
    )


def gui() -> str:
    """The desktop app under load: event-loop stalls during a `large` run, chart refresh,
    the feed with a million posts; from bench/bench_gui.py's saved output."""
    r = _bench(
        "gui_all",
        "QT_QPA_PLATFORM=offscreen python bench/bench_gui.py --save bench/results/gui_all.json",
    )
    st, ch, fe = r["stalls"], r["charts"], r["feed"]
    rows = [
        "| measure | result |",
        "| --- | --- |",
        f"| longest event-loop stall, `large` ({st['accounts']:,} accounts), {st['days']} days "
        f"at max speed | {st['stall_longest_ms']} ms (99th percentile "
        f"{st['stall_p99_ms']:.0f} ms, median {st['stall_median_ms']:.0f} ms; goal < 50 ms) |",
        f"| longest event-loop stall during Setup, `large` | {st['setup_longest_stall_ms']} ms "
        f"(Setup {st['setup_s']:.1f} s) |",
        f"| engine speed in the window, `large` | {st['days_per_s']:.1f} days/s |",
        f"| chart refresh + repaint, 6 charts × 365 days | {ch['refresh_median_ms']:.1f} ms "
        f"median, {ch['refresh_max_ms']:.1f} ms max |",
        f"| feed with {fe['posts']:,} posts: scroll frame (120 px + repaint) | "
        f"{fe['scroll_median_ms']:.1f} ms median, {fe['scroll_max_ms']:.1f} ms max |",
        f"| feed with {fe['posts']:,} posts: jump anywhere + repaint / type filter | "
        f"{fe['jump_median_ms']:.1f} ms / {fe['filter_ms']:.0f} ms |",
        f"| feed with {fe['posts']:,} posts: memory | {fe['array_mib']:.0f} MiB of NumPy "
        f"columns, {fe['python_mib']:.0f} MiB held by Python in all; load {fe['load_s']:.1f} s |",
    ]
    load = r.get("load_average")
    where = f" (load average {load:.1f} when it ended)" if load is not None else ""
    return (
        "`QT_QPA_PLATFORM=offscreen python bench/bench_gui.py --save "
        f"bench/results/gui_all.json`, 2 cores, 1600×1000 window{where}:\n\n" + "\n".join(rows)
    )


def demo_command() -> str:
    """The demo command against the in-memory run, from bench/bench_demo.py's output."""
    r = _bench("demo", "python bench/bench_demo.py --save bench/results/demo.json")
    med, cpu = r["median"], r["cpu_median"]
    rows = [
        "| | wall time, median | CPU time, median |",
        "| --- | ---: | ---: |",
        f'| `simulation.run("demo", "crackdown")` in a fresh process | '
        f"{med['in-memory run']:.2f} s | {cpu['in-memory run']:.2f} s |",
        f"| `circlelab run --scenario demo --policy crackdown --out DIR --db sqlite:///FILE` | "
        f"{med['demo command']:.2f} s | {cpu['demo command']:.2f} s |",
        f"| command / in-memory run | {r['ratio']:.2f}× | {r['cpu_ratio']:.2f}× |",
    ]
    before = r.get("before")
    if before is not None:
        rev = before["revision"]
        rows += [
            f"| `simulation.run(…)`, code of `{rev}` | "
            f"{med['before: in-memory run']:.2f} s | {cpu['before: in-memory run']:.2f} s |",
            f"| the command, code of `{rev}` | "
            f"{med['before: demo command']:.2f} s | {cpu['before: demo command']:.2f} s |",
            f"| command / in-memory run, code of `{rev}` | {before['ratio']:.2f}× | "
            f"{before['cpu_ratio']:.2f}× |",
        ]
    pairs = r["pair_ratios"]
    flag = f" --before {before['revision']}" if before is not None else ""
    stored = []
    for name, db in r.get("databases", {}).items():
        counts = db["rows"]
        texts = f", {counts['posttext']:,} distinct texts" if "posttext" in counts else ""
        whose = f"code of `{before['revision']}`" if name.startswith("before") else "now"
        stored.append(
            f"{whose}: {db['bytes'] / 2**20:.1f} MiB, {sum(counts.values()):,} rows "
            f"({counts.get('postsample', 0):,} sampled posts{texts})"
        )
    return (
        f"`python bench/bench_demo.py{flag}` ({r['repeat']} runs of each, "
        f"interleaved{_load(r)}; the ratio of each pair ranged from {min(pairs):.2f}× to "
        f"{max(pairs):.2f}×):\n\n"
        + "\n".join(rows)
        + ("\n\nThe database file the command leaves: " + "; ".join(stored) + "." if stored else "")
        + "\n\nGoal: the command within 1.25× of the in-memory run "
        + ("(met)." if r["ratio"] <= 1.25 else "(not met).")
    )


def text_matching_speed() -> str:
    """Cold text and compile time, from bench/bench_policy.py's saved output."""
    r = _bench("policy", "python bench/bench_policy.py --save bench/results/policy.json")
    us = r["us_per_text"]
    base = us["plain str.casefold"]
    lines = [
        f"cold text: {r['texts']:,} distinct texts of the engine's pools (English, Chinese)",
        f"  (now and before: best of {r['rounds']} interleaved rounds)",
        f"  {'':52s}{'µs/text':>9s}{'texts/s':>12s}{'× casefold':>12s}",
    ]
    lines += [f"  {k:52s}{v:9.2f}{1e6 / v:12,.0f}{v / base:12.1f}" for k, v in us.items()]
    norm = us["before: crackdown's steps, normalise"] / us["crackdown's steps, normalise"]
    match = (
        us["before: crackdown's detector, normalise and match"]
        / us["crackdown's detector, normalise and match"]
    )
    lines += [
        f"  normalise: before / now = {norm:.1f}×",
        f"  normalise and match: before / now = {match:.1f}×",
    ]
    if r.get("compile_seconds"):
        earlier = r.get("compile_load_average")
        lines += [
            "",
            "compile time (load_policy in a fresh process, seconds)"
            + (
                f" — from an earlier run (load average {earlier:.1f})"
                if "compile_load_average" in r and earlier is not None
                else " — from an earlier run"
                if "compile_load_average" in r
                else ""
            ),
            f"  {'':38s}{'before':>9s}{'now':>9s}{'before/now':>12s}{'now, empty cache':>18s}",
        ]
        for c in r["compile_seconds"]:
            o = f"{c['before']:9.3f}" if c["before"] is not None else f"{'—':>9s}"
            q = f"{c['before'] / c['now']:11.1f}×" if c["before"] is not None else f"{'—':>12s}"
            lines.append(f"  {c['name']:38s}{o}{c['now']:9.3f}{q}{c['empty_cache']:18.3f}")
    every = us[next(k for k in us if k.startswith("every step"))]
    verdict = (
        f"A new text with every step costs {every:.1f} µs to normalise "
        f"({'under' if every < 10 else 'over'} the 10 µs aimed at); the crackdown's steps "
        f"normalise {norm:.1f}× faster than the seven steps of commit {r['before']} "
        f"({'meeting' if norm >= 5 else 'short of'} the 5× aimed at)."
    )
    command = (
        "python bench/bench_policy.py --only cold"
        if "compile_load_average" in r
        else "python bench/bench_policy.py"
    )
    return (
        f'`{command}` (one run{_load(r)}; "before" is commit '
        f"{r['before']}, measured in a child process on the same texts):\n\n```\n"
        + "\n".join(lines)
        + "\n```\n\n"
        + verdict
    )


def sweep() -> str:
    """Sweep throughput, local against Dask and SQLite, from ``bench/bench_sweep.py --save``."""
    r = _bench("sweep", "python bench/bench_sweep.py --save bench/results/sweep.json")
    by = {(x["case"], x["workers"]): x for x in r["rows"]}
    cores = r["cores"]

    def rate(x: dict) -> float:
        return 60 * x["runs"] / x["wall_s"]

    one = by[("local", 1)]
    rows = [
        "| | wall | runs/min | |",
        "| --- | ---: | ---: | --- |",
        f"| local, 1 worker | {one['wall_s']:.1f} s | {rate(one):.1f} | |",
    ]
    for workers in sorted(w for case, w in by if case == "local" and w > 1):
        x = by[("local", workers)]
        efficiency = rate(x) / rate(one) / workers
        label = f"local, {workers} workers" + (" (= all cores)" if workers == cores else "")
        rows.append(
            f"| {label} | {x['wall_s']:.1f} s | {rate(x):.1f} "
            f"| scaling efficiency {efficiency:.0%} |"
        )
    local = by[("local", cores)]
    dask = by.get(("dask", cores))
    if dask:
        rows.append(
            f"| Dask `LocalCluster`, {cores} single-thread worker processes "
            f"| {dask['wall_s']:.1f} s | {rate(dask):.1f} "
            f"| {dask['wall_s'] / local['wall_s'] - 1:+.0%} against local "
            f"(cluster start {dask['start_s']:.1f} s, not included) |"
        )
    for keep in ("all", "sample"):
        x = by.get((f"sqlite-{keep}", cores))
        if x:
            rows.append(
                f"| local, {cores} workers, SQLite, `--keep {keep}` | {x['wall_s']:.1f} s "
                f"| {rate(x):.1f} | {x['rows_per_run']:,.0f} rows, "
                f"{x['bytes_per_run'] / 1e6:.1f} MB per run; {rate(x) / rate(local):.0%} "
                "of the in-memory pace |"
            )
    days = f"{r['days']} days" if r["days"] else "the scenario's days"
    return (
        f"A {r['seeds']}-seed `{r['scenario']}` sweep under `{r['policy']}` ({days}); "
        f"commit {r['commit']}, {cores} cores, load average {r['load_before']} before and "
        f"{r['load_after']} after (`{r['command']}`, then `python scripts/figures.py "
        "--write sweep`):\n\n" + "\n".join(rows)
    )


def rerun() -> str:
    """A world run again in the same process, from ``bench/bench_rerun.py --save``."""
    r = _bench("rerun", "python bench/bench_rerun.py --save bench/results/rerun.json")
    lines = [
        "| scenario | policy | first run | same world again | another seed | first / again, "
        "per repeat | median |",
        "| --- | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for c in r["cases"]:
        med = statistics.median
        lines.append(
            f"| `{c['scenario']}` | {c['policy']} | {med(c['first_s']):.2f} s | "
            f"{med(c['again_s']):.2f} s | {med(c['other_seed_s']):.2f} s | "
            + ", ".join(f"{x:.2f}×" for x in c["ratios"])
            + f" | {c['median_ratio']:.2f}× |"
        )
    return (
        f"`{r['command']}` (one process, imports excluded; medians of {r['repeat']}; commit "
        f"{r['commit']}{_load(r)}):\n\n" + "\n".join(lines)
    )


GENERATORS: dict[str, Callable[[], str]] = {
    "spam_corpus": spam_corpus,
    "corpus_demo": corpus_demo,
    "demo": demo,
    "takedown": takedown,
    "threshold": threshold,
    "engine": engine,
    "mesa": mesa,
    "cli": cli,
    "gui_startup": gui_startup,
    "gui": gui,
    "demo_command": demo_command,
    "text_matching_speed": text_matching_speed,
    "sweep": sweep,
    "rerun": rerun,
}
# checked by the tests: the demo and the corpus figures are run afresh; the benchmarks' blocks
# are printed from their saved outputs (bench/results/), so the README shows what the
# benchmark printed. The studies take minutes (run them, then --write).
CHEAP = (
    "demo",
    "spam_corpus",
    "corpus_demo",
    "engine",
    "mesa",
    "cli",
    "gui_startup",
    "gui",
    "demo_command",
    "text_matching_speed",
    "sweep",
    "rerun",
)


def block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- figures:{re.escape(name)} -->\n)(.*?)(\n<!-- /figures:{re.escape(name)} -->)",
        re.S,
    )


def current(name: str, text: str) -> str | None:
    match = block_pattern(name).search(text)
    return match.group(2) if match else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", default=list(GENERATORS))
    parser.add_argument("--write", action="store_true", help="replace the blocks in README.md")
    parser.add_argument("--check", action="store_true", help="exit 1 when README.md differs")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    status = 0
    for name in args.names:
        block = GENERATORS[name]().strip()
        if args.check:
            if current(name, text) != block:
                print(
                    f"README.md: figures:{name} is out of date; run "
                    f"`python scripts/figures.py --write {name}`",
                    file=sys.stderr,
                )
                status = 1
        elif args.write:
            if current(name, text) is None:
                print(f"README.md has no figures:{name} block", file=sys.stderr)
                return 2
            text = block_pattern(name).sub(lambda m, new=block: m.group(1) + new + m.group(3), text)
        else:
            print(block)
    if args.write:
        README.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
