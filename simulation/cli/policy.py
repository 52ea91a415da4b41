"""``circlelab policy …``: check, test, explain and evaluate policies (declarations only).

Exit codes scripts can trust: 0 ok, 1 a case failed (``test``) or lint warnings
with ``--strict`` (``check``), 2 invalid input (the located error goes to stderr).
Each body lives in ``simulation.cli.cmd_policy`` (``cmd_evaluate`` for ``evaluate``),
imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from simulation.cli.options import JsonOption

# the author of the post (explain) or of every message (evaluate): the same options, names,
# defaults and checks in both (cmd_policy.author checks the kind and the upper bounds)
KindOption = Annotated[str, typer.Option(help="personal or official")]
AgeDaysOption = Annotated[int, typer.Option(min=0, help="Account age in days")]
FriendsOption = Annotated[int, typer.Option(min=0)]
PostsTodayOption = Annotated[int, typer.Option(min=0)]
StrikesOption = Annotated[float, typer.Option(min=0, help="Strikes before this post")]

policy_app = typer.Typer(
    help="Check, test and explain moderation policies.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@policy_app.command()
def check(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    strict: Annotated[bool, typer.Option(help="Exit 1 when lint finds anything")] = False,
    as_json: JsonOption = False,
) -> None:
    """Validate a policy and lint it (unreachable/shadowed rules, dead terms, overlaps)."""
    # the policy compiler and NumPy (~0.3 s): imported when a policy command runs
    from simulation.cli import cmd_policy

    cmd_policy.check(file, strict, as_json)


@policy_app.command("test")
def test_cases(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    cases: Annotated[
        Path | None, typer.Argument(help="Cases YAML (default: <policy>.cases.yaml)")
    ] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Show evidence")] = False,
) -> None:
    """Run sample posts through the policy and compare with the expected decisions."""
    # the policy compiler and NumPy (~0.3 s): imported when a policy command runs
    from simulation.cli import cmd_policy

    cmd_policy.test(file, cases, verbose)


@policy_app.command()
def explain(
    file: Annotated[str, typer.Argument(help="Policy file or preset name")],
    text: Annotated[str, typer.Argument(help="The post's text")],
    day: Annotated[
        int | None, typer.Option(min=0, help="Day (default: when the policy is in force)")
    ] = None,
    kind: KindOption = "personal",
    age_days: AgeDaysOption = 365,
    friends: FriendsOption = 100,
    posts_today: PostsTodayOption = 1,
    strikes: StrikesOption = 0.0,
    reports: Annotated[int, typer.Option(min=0)] = 0,
    image: Annotated[bool, typer.Option(help="The post carries an image")] = False,
    channel: Annotated[
        str, typer.Option(help="moments, chat or group (a new chat post is seen only if scanned)")
    ] = "moments",
) -> None:
    """Show normalised text, detector hits, matching rules and the decision for one text."""
    # the policy compiler and NumPy (~0.3 s): imported when a policy command runs
    from simulation.cli import cmd_policy

    cmd_policy.explain(
        file,
        text,
        day,
        kind,
        age_days=age_days,
        friends=friends,
        posts_today=posts_today,
        strikes=strikes,
        reports=reports,
        has_image=image,
        channel=channel,
    )


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
        int | None, typer.Option(min=0, help="Day (default: when the policy is in force)")
    ] = None,
    top: Annotated[
        int, typer.Option(min=0, help="Examples of wrongly hit and missed messages")
    ] = 10,
    chunksize: Annotated[int, typer.Option(min=1, help="Messages per batch")] = 50_000,
    channel: Annotated[
        str,
        typer.Option(
            help="moments, chat or group: where each message is posted (a channel the "
            "policy does not scan sees nothing, as in a run)"
        ),
    ] = "moments",
    kind: KindOption = "personal",
    age_days: AgeDaysOption = 365,
    friends: FriendsOption = 100,
    posts_today: PostsTodayOption = 1,
    strikes: StrikesOption = 0.0,
    as_json: JsonOption = False,
    out: Annotated[
        Path | None, typer.Option(help="Write decisions.csv and report.html here")
    ] = None,
) -> None:
    """Replay a policy's text rules over a labelled corpus: precision, recall, F1 per rule.

    Every message is a new post by the author of --kind, --age-days, --friends,
    --posts-today and --strikes (as for explain); a rule that can fire for no message by
    that author is marked and the report says why."""
    # the policy compiler, NumPy and the corpus readers (~1 s): imported when it runs
    from simulation.cli import cmd_evaluate

    cmd_evaluate.evaluate(
        file,
        corpus,
        text_column=text_column,
        label_column=label_column,
        mapping=mapping,
        day=day,
        top=top,
        chunksize=chunksize,
        channel=channel,
        author={
            "kind": kind,
            "age_days": age_days,
            "friends": friends,
            "posts_today": posts_today,
            "strikes": strikes,
        },
        as_json=as_json,
        out_dir=out,
    )
