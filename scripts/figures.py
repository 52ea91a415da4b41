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
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
sys.path.insert(0, str(ROOT))

from simulation import run  # noqa: E402  (after the path, so a checkout works uninstalled)

WEEK = 7


def _fmt(x: float, digits: int = 0) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:,.{digits}f}"


def demo() -> str:
    """The seed story: the demo world under the crackdown, seed 7, against no moderation."""
    crack = run("demo", "crackdown", seed=7)
    none = run("demo", "none", seed=7)
    m, s = crack.metrics, crack.summary
    offers = m.filter(like="offers_created.").sum(axis=1)
    weekly = offers.rolling(WEEK, min_periods=WEEK).mean()
    start = 30
    before = float(offers.iloc[start - WEEK : start].mean())
    week_after = float(offers.iloc[start + 1 : start + 1 + WEEK].mean())
    trough_day = int(weekly.iloc[start + WEEK :].idxmin())
    trough = float(weekly.iloc[start + WEEK :].min())
    end = float(offers.tail(WEEK).mean())
    spam_ratio = s["spam_impressions"] / none.summary["spam_impressions"]
    rebound = "climb back" if end > 1.1 * trough else "stay"
    spam = "untouched" if 0.9 < spam_ratio < 1.1 else f"{spam_ratio:.0%} of its unmoderated level"
    rows = [
        ("offers a day, the week before day 30", _fmt(before)),
        ("offers a day, the week after day 30", _fmt(week_after)),
        (
            "lowest 7-day mean after that (day)",
            f"{_fmt(trough)} (day {int(m['day'].iloc[trough_day])})",
        ),
        ("offers a day, the last week", _fmt(end)),
        ("spam impressions, crackdown / no moderation", f"{spam_ratio:.2f}"),
        ("Advertising Circle index, last week", f"{s['ad_share_last_week']:.2f}"),
        (
            "wrongful bans (per 10,000 accounts)",
            f"{s['bans_wrongful']} ({s['wrongful_bans_per_10k_accounts']:.0f})",
        ),
        ("wrongful removals (life posts and legal ads)", _fmt(s["wrongful_removals"])),
        ("moderation precision", f"{s['moderation_precision']:.3f}"),
        ("recall (the run's offers and spam down at the end)", f"{s['recall']:.3f}"),
    ]
    table = "\n".join(
        ["| demo × crackdown, seed 7 | |", "| --- | ---: |", *(f"| {a} | {b} |" for a, b in rows)]
    )
    story = (
        f"Offers fall from about {_fmt(before, 0)} a day before day 30 to {_fmt(week_after)} a "
        f"day the week after, reach their lowest 7-day mean ({_fmt(trough)}) around day "
        f"{int(m['day'].iloc[trough_day])}, then {rebound} "
        f"({_fmt(end)} a day in the last week). Spam, which this policy does not target, is "
        f"{spam}, "
        f"so the Advertising Circle index ends at {s['ad_share_last_week']:.0%}; "
        f"{s['bans_wrongful']} ordinary accounts are banned wrongly and "
        f"{_fmt(s['wrongful_removals'])} life posts and legal ads removed for innocent mentions."
    )
    return f"{story}\n\n{table}"


GENERATORS: dict[str, Callable[[], str]] = {"demo": demo}
CHEAP = ("demo",)  # checked by the tests


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
