"""``circlelab policy check | test | explain``: policy files from the shell.

Exit codes: 0 ok, 1 a case failed (``test``) or lint warnings with ``--strict``
(``check``), 2 invalid input (the located error goes to stderr).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.text import Text

from policy.errors import LocatedError
from policy.loader import load_policy
from simulation.cli.common import fail_input, input_error, out, say
from simulation.strict_json import dumps

if TYPE_CHECKING:
    from policy.model import CompiledPolicy


def load(file: str, start_day: int | None = None) -> CompiledPolicy:
    """The compiled policy, or exit 2 with every located problem."""
    try:
        return load_policy(file, start_day=start_day)
    except LocatedError as exc:
        fail_input(exc)


def check(file: str, strict: bool, as_json: bool) -> None:
    """Validate and lint; print warnings (located) and a one-line verdict."""
    from policy.lint import lint

    p = load(file)
    warnings = lint(p)
    if as_json:
        print(
            dumps(
                {
                    "name": p.name,
                    "valid": True,
                    "rules": list(p.rule_names),
                    "detectors": list(p.detectors),
                    "warnings": [
                        {
                            "file": w.file,
                            "line": w.line,
                            "column": w.column,
                            "field": w.field,
                            "message": w.message,
                        }
                        for w in warnings
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for w in warnings:
            say("warning", str(w), "yellow", out)
        out.print(
            f"{p.file}: OK — '{p.name}': {len(p.detectors)} detectors, "
            f"{len(p.rules)} rules, {p.semantics}, {len(warnings)} warnings"
        )
    if strict and warnings:
        raise typer.Exit(1)


def test(file: str, cases: Path | None, verbose: bool) -> None:
    """Run the cases file and compare decisions; exit 1 when one fails."""
    from policy.cases import run_cases

    p = load(file)
    path = cases or Path(p.file).with_suffix("").with_suffix(".cases.yaml")
    try:
        results = run_cases(p, path)
    except LocatedError as exc:
        fail_input(exc)
    failed = 0
    for r in results:
        if r.passed:
            out.print(Text.assemble(("PASS", "green"), " ", r.name))
        else:
            failed += 1
            out.print(Text.assemble(("FAIL", "red"), f" {r.name}  ({path}:{r.line})"))
            out.print(f"     expected: {r.expected}\n     got:      {r.got}")
        if verbose or not r.passed:
            for e in r.evidence:
                out.print(f"     · {e}")
    out.print(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)


# the author options (simulation.cli.policy) by the signal each sets
AUTHOR_OPTIONS = {
    "kind": "--kind",
    "age_days": "--age-days",
    "friends": "--friends",
    "posts_today": "--posts-today",
    "strikes": "--strikes",
}


def check_author(signals: Mapping[str, object]) -> None:
    """Exit 2 when an author option is out of what a run can hold (a kind that is not
    personal or official, an age over 100 years, …), naming the option."""
    from policy.author import Author

    try:
        Author.of({k: v for k, v in signals.items() if k in AUTHOR_OPTIONS}, AUTHOR_OPTIONS)
    except ValueError as exc:
        raise input_error(str(exc)) from None


def explain(file: str, text: str, day: int | None, kind: str, **signals: object) -> None:
    """Normalised text, detector hits, matching rules and the decision for one text."""
    check_author({"kind": kind, **signals})
    if signals.get("channel") not in ("moments", "chat", "group"):
        raise input_error(f"--channel must be moments, chat or group, got {signals['channel']!r}")
    from policy.explanation import explain as run_explain

    p = load(file)
    exp = run_explain(p, text, {"kind": kind, **signals}, day=day)
    out.print(str(exp))
