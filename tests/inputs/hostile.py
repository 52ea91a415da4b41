"""The hostile-file set: files a careless or malicious person may hand to any loader.

For every kind of YAML file the project reads (policy, scenario, policy cases, study,
catalogue) the set holds nine files: binary, empty, an alias bomb, a huge line, a
Python tag, wrong types, NaN, a negative value and a huge value. Each comes with the
field its error must name ("" when the problem is the whole file). The files are
written into a folder at test time (the huge line is 200,000 characters), so the set
is exactly reproducible and stays out of the repository's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from simulation.paths import assets_dir

BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
HUGE_LINE = 200_000  # characters: far above the line limit, below the size limit

BASES = {
    "policy": (
        "name: hostile\n"
        "detectors:\n"
        "  kw: {type: keywords, terms: {tobacco: [vape]}}\n"
        "rules:\n"
        "  - {name: r, when: {hit: kw}, action: remove}\n"
    ),
    "scenario": "name: hostile\ndays: 10\npopulation:\n  accounts: 500\n",
    "cases": "cases:\n  - name: ok\n    text: hello\n    expect: allow\n",
    "study": "name: hostile\nscenario: classroom\npolicies: [none]\nseeds: 1-2\n",
    "catalogue": None,  # the shipped catalogue
}

# kind → hostile name → (text appended to or replacing parts of the base, field)
VALUES = {
    "policy": {
        "wrong types": ("rules: {a: 1}\n", "rules", "replace-rules"),
        "nan": ("enforcement:\n  review: {capacity_per_day: 5, accuracy: .nan}\n",
                "enforcement.review.accuracy", None),
        "negative": ("enforcement:\n  review: {capacity_per_day: -5}\n",
                     "enforcement.review.capacity_per_day", None),
        "huge": ("  - {name: r2, action: restrict, restrict_days: 1000000000000}\n",
                 "rules[1].restrict_days", None),
    },
    "scenario": {
        "wrong types": ("posting:\n  life_per_day: lots\n", "posting.life_per_day", None),
        "nan": ("posting:\n  life_per_day: .nan\n", "posting.life_per_day", None),
        "negative": ("graph:\n  mean_friends: -5\n", "graph.mean_friends", None),
        "huge": ("posting:\n  spammer_per_day: 1e308\n", "posting.spammer_per_day", None),
    },
    "cases": {
        "wrong types": ("    author: {friends: many}\n", "cases[0].author.friends", None),
        "nan": ("    author: {strikes: .nan}\n", "cases[0].author.strikes", None),
        "negative": ("    author: {friends: -1}\n", "cases[0].author.friends", None),
        "huge": ("    author: {friends: 100000000000000000000}\n", "cases[0].author.friends", None),
    },
    "study": {
        "wrong types": ("days: ten\n", "days", None),
        "nan": ("reference: {half_life_hours: .nan}\n", "reference.half_life_hours", None),
        "negative": ("days: -3\n", "days", None),
        "huge": ("days: 1000000000\n", "days", None),
    },
    "catalogue": {
        "wrong types": (("risk: 0.7", "risk: high"), "categories.medical.risk", None),
        "nan": (("risk: 0.7", "risk: .nan"), "categories.medical.risk", None),
        "negative": (("demand: 1.2", "demand: -1.2"), "categories.medical.demand", None),
        "huge": (("conversion: 2.0", "conversion: 1e308"), "categories.medical.conversion", None),
    },
}  # fmt: skip

NAMES = (
    "binary",
    "empty",
    "alias bomb",
    "huge line",
    "python tag",
    "wrong types",
    "nan",
    "negative",
    "huge",
)
KINDS = tuple(BASES)


@dataclass(frozen=True)
class Hostile:
    kind: str
    name: str
    path: Path
    field: str  # the field the error must name ("" for the whole file)


def base_text(kind: str) -> str:
    text = BASES[kind]
    if text is None:
        return (assets_dir() / "catalogue.yaml").read_text(encoding="utf-8")
    return text


def _bomb() -> str:
    """Nine levels of ten aliases each: 10^9 values once expanded (a billion laughs)."""
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*l{i - 1}"] * 10)
        lines.append(f"lol{i}: &l{i} [{refs}]")
    return "\n".join(lines) + "\n"


def content(kind: str, name: str) -> tuple[bytes, str]:
    """The bytes of one hostile file and the field its error names."""
    base = base_text(kind)
    if name == "binary":
        return BINARY, ""
    if name == "empty":
        return b"", ""
    if name == "alias bomb":
        return (base + _bomb()).encode(), "lol*"  # the alias that crosses the limit
    if name == "huge line":
        return (base + "description: " + "x" * HUGE_LINE + "\n").encode(), "description"
    if name == "python tag":
        return (
            "name: !!python/object/apply:os.system ['echo hacked > /tmp/hacked']\n" + base
        ).encode(), "name"
    change, field, mode = VALUES[kind][name]
    if isinstance(change, tuple):  # a replacement inside the base
        old, new = change
        assert old in base, (kind, old)
        return base.replace(old, new, 1).encode(), field
    if mode == "replace-rules":
        return base.split("rules:")[0].encode() + change.encode(), field
    return (base + change).encode(), field


def write_all(folder: Path, kinds: tuple[str, ...] = KINDS) -> list[Hostile]:
    """Write every hostile file of ``kinds`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for kind in kinds:
        for name in NAMES:
            data, field = content(kind, name)
            path = folder / f"{kind}-{name.replace(' ', '_')}.yaml"
            path.write_bytes(data)
            out.append(Hostile(kind, name, path, field))
    return out
