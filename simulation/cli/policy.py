"""``circlelab policy …``: check, test and explain policy files from the shell.

Exit codes scripts can trust: 0 ok, 1 a case failed (``test``) or lint warnings
with ``--strict`` (``check``), 2 invalid input (the located error goes to stderr).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from policy.errors import PolicyError
from policy.loader import load_policy

policy_app = typer.Typer(help="Check, test and explain moderation policies.", no_args_is_help=True)
_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


def _load(file: str, start_day: int | None = None):
    try:
        return load_policy(file, start_day=start_day)
    except PolicyError as exc:
        for issue in exc.issues:
            _err.print(f"[red]error[/red]: {issue}", markup=True)
        raise typer.Exit(2) from None


@policy_app.command()
def check(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    strict: Annotated[bool, typer.Option(help="Exit 1 when lint finds anything")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output")] = False,
) -> None:
    """Validate a policy and lint it (unreachable/shadowed rules, dead terms, overlaps)."""
    from policy.lint import lint

    p = _load(file)
    warnings = lint(p)
    if as_json:
        _out.print_json(
            json.dumps(
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
                }
            )
        )
    else:
        for w in warnings:
            _out.print(f"warning: {w}")
        _out.print(
            f"{p.file}: OK — '{p.name}': {len(p.detectors)} detectors, "
            f"{len(p.rules)} rules, {p.semantics}, {len(warnings)} warnings"
        )
    if strict and warnings:
        raise typer.Exit(1)


@policy_app.command("test")
def test_cases(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    cases: Annotated[
        Path | None, typer.Argument(help="Cases YAML (default: <policy>.cases.yaml)")
    ] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show evidence")] = False,
) -> None:
    """Run sample posts through the policy and compare with the expected decisions."""
    from policy.cases import run_cases

    p = _load(file)
    path = cases or Path(p.file).with_suffix("").with_suffix(".cases.yaml")
    try:
        results = run_cases(p, path)
    except PolicyError as exc:
        for issue in exc.issues:
            _err.print(f"error: {issue}")
        raise typer.Exit(2) from None
    except OSError as exc:
        _err.print(f"error: cannot read {path}: {exc.strerror}")
        raise typer.Exit(2) from None
    failed = 0
    for r in results:
        if r.passed:
            _out.print(f"[green]PASS[/green] {r.name}")
        else:
            failed += 1
            _out.print(
                f"[red]FAIL[/red] {r.name}  ({path}:{r.line})\n"
                f"     expected: {r.expected}\n     got:      {r.got}"
            )
        if verbose or not r.passed:
            for e in r.evidence:
                _out.print(f"     · {e}", markup=False)
    _out.print(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        raise typer.Exit(1)


@policy_app.command()
def explain(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    text: Annotated[str, typer.Argument(help="The post's text")],
    day: Annotated[
        int | None, typer.Option(help="Day (default: when the policy is in force)")
    ] = None,
    kind: Annotated[str, typer.Option(help="personal or official")] = "personal",
    age_days: Annotated[int, typer.Option(help="Account age in days")] = 365,
    friends: Annotated[int, typer.Option()] = 100,
    posts_today: Annotated[int, typer.Option()] = 1,
    strikes: Annotated[float, typer.Option(help="Strikes before this post")] = 0.0,
    reports: Annotated[int, typer.Option()] = 0,
    image: Annotated[bool, typer.Option(help="The post carries an image")] = False,
) -> None:
    """Show normalised text, detector hits, matching rules and the decision for one text."""
    from policy.explanation import explain as run_explain

    if kind not in ("personal", "official"):
        _err.print(f"error: --kind must be personal or official, got {kind!r}")
        raise typer.Exit(2)
    p = _load(file)
    exp = run_explain(
        p,
        text,
        {
            "kind": kind,
            "age_days": age_days,
            "friends": friends,
            "posts_today": posts_today,
            "strikes": strikes,
            "reports": reports,
            "has_image": image,
        },
        day=day,
    )
    _out.print(str(exp), markup=False)


@policy_app.command()
def evaluate(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Labelled corpus: TSV, CSV, JSONL, Parquet")
    ],
    text_column: Annotated[str | None, typer.Option(help="Column with the message text")] = None,
    label_column: Annotated[str | None, typer.Option(help="Column with the label")] = None,
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="LABEL=TARGET pairs; targets spam/offer (should be actioned), "
            "regular/life/ad (should not), ignore",
        ),
    ] = None,
    day: Annotated[
        int | None, typer.Option(help="Day (default: when the policy is in force)")
    ] = None,
    top: Annotated[int, typer.Option(help="Examples of wrongly hit and missed messages")] = 10,
    chunksize: Annotated[int, typer.Option(min=1, help="Messages per batch")] = 50_000,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output")] = False,
    out: Annotated[
        Path | None, typer.Option(help="Write decisions.csv and report.html here")
    ] = None,
) -> None:
    """Replay a policy's text rules over a labelled corpus: precision, recall, F1 per rule."""
    from policy.corpus import CorpusError, parse_map
    from policy.evaluate import DecisionCSV, format_report, write_html
    from policy.evaluate import evaluate as run_evaluate

    p = _load(file)
    writer = None
    try:
        labels = parse_map(mapping)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            writer = DecisionCSV(out / "decisions.csv", p.rule_names)
        ev = run_evaluate(
            p,
            corpus,
            text_column=text_column,
            label_column=label_column,
            mapping=labels,
            chunksize=chunksize,
            day=day,
            top=top,
            on_chunk=writer,
        )
    except (CorpusError, ValueError, OSError) as exc:
        _err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from None
    finally:
        if writer is not None:
            writer.close()
    if out is not None:
        write_html(ev, out / "report.html")
    if as_json:
        _out.print_json(json.dumps(ev.to_dict(), default=float))
    else:
        _out.print(format_report(ev), markup=False)
        if out is not None:
            _out.print(f"wrote {out / 'decisions.csv'} and {out / 'report.html'}", markup=False)
