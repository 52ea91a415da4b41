"""How fast hostile files are answered, side by side with a valid file of the same kind.

Every file of the hostile set (tests/inputs/hostile.py: binary, empty, alias bomb,
huge line, Python tag, wrong types, NaN, negative, huge) goes through its loader;
the median time to the located error is printed with its ratio to loading the valid
base file. Before the input layer, an alias bomb ran past 120 s and 2.4 GB and a
5 MB line took 11-20 s; the requirement is "well under 2 s" for each.

Run: ``.venv/bin/python bench/bench_inputs.py [--repeat 5]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from policy.cases import load_cases
from policy.errors import LocatedError
from policy.loader import load_policy
from policy.yamlfile import parse_yaml
from simulation.catalogue import load_catalogue
from simulation.scenario import load_scenario
from simulation.sweeps.study import load_study
from tests.inputs.hostile import KINDS, NAMES, base_text, content

LOADERS = {
    "policy": load_policy,
    "scenario": load_scenario,
    "cases": load_cases,
    "study": load_study,
    "catalogue": load_catalogue,
}


def median_seconds(load, path: Path, repeat: int) -> tuple[float, bool]:
    times, refused = [], False
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            load(path)
        except LocatedError:
            refused = True
        times.append(time.perf_counter() - started)
    return statistics.median(times), refused


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="circlelab-hostile-"))
    worst = 0.0
    print(f"median of {args.repeat} loads; ratio to loading the valid file of the same kind")
    print(f"{'kind':10} {'file':12} {'time':>9} {'× valid':>8}  answer")
    for kind in KINDS:
        load = LOADERS[kind]
        valid = folder / f"{kind}-valid.yaml"
        valid.write_text(base_text(kind), encoding="utf-8")
        base, _ = median_seconds(load, valid, args.repeat)
        print(f"{kind:10} {'valid':12} {1000 * base:7.1f}ms {1.0:7.1f}×")
        for name in NAMES:
            data, _field = content(kind, name)
            path = folder / f"{kind}-{name.replace(' ', '_')}.yaml"
            path.write_bytes(data)
            took, refused = median_seconds(load, path, args.repeat)
            worst = max(worst, took)
            answer = "located error" if refused else "LOADED (should be refused)"
            print(f"{'':10} {name:12} {1000 * took:7.1f}ms {took / base:7.2f}×  {answer}")
    print("files at the input layer's limits (parse only, policy.yamlfile.parse_yaml):")
    at_limits = {
        "1 MiB of list items (stops at 100,000 values)": "x:\n" + "- a\n" * 262_000,
        "45,000 keys with values (90,000 values)": "".join(f"k{i}: {i}\n" for i in range(45_000)),
        "1 MiB of comments": ("# " + "c" * 97 + "\n") * 10_400 + "a: 1\n",
    }
    for name, text in at_limits.items():
        started = time.perf_counter()
        try:
            parse_yaml(text, "limits.yaml", mapping=False)
            answer = "parsed"
        except LocatedError:
            answer = "located error"
        took = time.perf_counter() - started
        worst = max(worst, took)
        print(f"  {name:48} {1000 * took:7.1f}ms  {answer}")
    print(f"slowest answer: {1000 * worst:.1f} ms (requirement: well under 2 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
