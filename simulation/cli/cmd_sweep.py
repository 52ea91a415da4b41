"""``circlelab sweep | compare | report | study``: many runs, their confidence, their reports.

Exit codes follow the CLI's: 0 success, 1 some runs failed (the others are stored),
2 invalid input or an unusable database.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pandas as pd
import typer
from rich.measure import Measurement
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from policy import load_policy
from policy.errors import LocatedError
from simulation.cli.common import (
    check_lang,
    check_out,
    check_seeds,
    database_error,
    err,
    fail_input,
    input_error,
    open_db,
    out,
    say,
)
from simulation.cli.compare_pairs import chosen_pairs, pairs_within
from simulation.runs.report_words import Words
from simulation.runs.scenario_shown import RanWith
from simulation.runs.storage import NothingStored
from simulation.runs.urls import DatabaseError, mask_url, normalise_url
from simulation.strict_json import dumps
from simulation.sweeps import words as W
from simulation.sweeps.aggregate import run_headlines
from simulation.sweeps.plan import parse_assignments, typed_options
from simulation.sweeps.report import (
    KEY_MEASURES,
    REPORT_NAMES,
    baseline_events,
    clipped,
    default_pairs,
    heading,
    headline_cell,
    not_same_world,
    older_arms,
    seeds_per_arm,
    study_text,
    write_report,
)
from simulation.sweeps.results import ChangedRun, SweepResult
from simulation.sweeps.store import load_any, load_runs, same_world_runs
from simulation.sweeps.study import STUDY_DB, load_study
from simulation.sweeps.sweep import sweep


class _Bar:
    """A rich progress bar that starts only after the worker processes are forked."""

    def __init__(self, label: str, quiet: bool):
        self.progress = Progress(
            TextColumn("{task.description}", markup=False, style="bold"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}", markup=False),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=quiet or not err.is_terminal,
        )
        self.label, self.task, self.failed = label, None, 0

    def start(self, total: int) -> None:
        if self.task is not None:
            return
        self.progress.start()
        self.task = self.progress.add_task(self.label, total=total, failed="")

    def update(self, done: int, total: int, job: Any, outcome: Any) -> None:
        if self.task is None:
            self.start(total)
        if not outcome.ok:
            say("run failed", f"{job.policy_name} seed {job.seed} {job.params_json}")
            self.failed += 1
        n = self.failed
        self.progress.update(self.task, completed=done, failed=f"{n} failed" if n else "")

    def stop(self) -> None:
        self.progress.stop()


def run_sweep(quiet: bool, label: str, db: str | None, url: str, **kwargs: Any) -> SweepResult:
    """``simulation.sweeps.sweep.sweep`` on the database ``url`` (``db`` as the user gave
    it, for messages) with a progress bar and the CLI's error handling."""
    bar = _Bar(label, quiet)
    try:
        return sweep(**kwargs, db=url, progress=bar.update, on_start=bar.start)
    except LocatedError as exc:
        fail_input(exc)
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    except (KeyError, ValueError, FileNotFoundError) as exc:
        raise input_error(str(exc.args[0] if exc.args else exc)) from None
    except KeyboardInterrupt:
        err.print("interrupted: completed runs are stored; run the same command to resume")
        raise typer.Exit(130) from None
    finally:
        bar.stop()


def headline_notes(head: pd.DataFrame) -> list[str]:
    """The notes under the terminal's table (``headline`` rows): an interval end cut at
    its measure's bound, days to halve that some seeds never reached; of the measures
    the table shows (``KEY_MEASURES``) only."""
    key = head[head["measure"].isin(KEY_MEASURES)]
    notes = []
    if any(clipped(r) for _i, r in key.iterrows()):
        notes.append(W.CLIPPED_NOTE.strip())
    if (key["censored"] > 0).any():
        notes.append(W.CENSORED_NOTE.strip())
    return notes


def print_headline(result: SweepResult) -> None:
    """Key measures per arm with their 95% bands, and the main comparisons in words.

    The table is as wide as the terminal allows without breaking a word: arms as rows
    when that fits, else measures as rows (a column per arm), else a table per arm."""
    head = result.headline()
    if head.empty:
        return
    arms = list(dict.fromkeys(head["arm"]))
    seeds = seeds_per_arm(result.runs)
    older = older_arms(result.runs)
    cells: dict[tuple[str, str], Text] = {}
    for arm in arms:
        for name in KEY_MEASURES:
            r = head[(head["arm"] == arm) & (head["measure"] == name)].iloc[0]
            cells[arm, name] = Text(headline_cell(r, name, seeds.get(arm), older=older.get(arm)))
    title = f"sweep {result.sweep_id}: mean [95% CI] across seeds"
    for table in headline_tables(arms, cells, title):
        out.print(table)
    for note in headline_notes(head):
        out.print(Text(note))
    out.print(Text(baseline_line(result)))
    rh = run_headlines(result.runs, result.metrics, result.baseline)
    for a, b in default_pairs(rh, result.baseline)[:6]:
        cmp = result.compare(a, b)
        wanted = ["violating_impressions_avoided", "wrongful_bans_per_10k_accounts"]
        for s in cmp[cmp["measure"].isin(wanted)]["statement"]:
            out.print(Text("• " + s))  # arm names are the user's: plain text
    say_not_same_world(result, rh)


def baseline_line(result: SweepResult) -> str:
    """What "avoided" is measured against, in words: the baseline policy, or that there
    is none (no policy of no moderation ran and ``--baseline`` named none)."""
    if result.baseline:
        said = f"'avoided' is measured against {result.baseline}, in the same world and seed."
        return said + baseline_events(result)
    return (
        "no baseline: no policy of no moderation (no rules, no announcement) ran and "
        "--baseline named none, so 'avoided' is undefined (add --policy none)"
    )


def say_not_same_world(result: SweepResult, rh: pd.DataFrame | None = None) -> None:
    """A note for each arm whose "avoided" measures are undefined because the baseline
    did not run its world (another scenario, text, parameters or seed), saying which."""
    if rh is None:
        rh = run_headlines(result.runs, result.metrics, result.baseline)
    for entry in not_same_world(rh):
        say("note", f"'avoided' is undefined for {entry['arm']}: {entry['reason']}", "yellow")


def _fits(table: Table) -> bool:
    """The table fits the terminal's width with every column at least as wide as its
    longest word (no word broken across lines)."""
    unbounded = out.options.update_width(1_000_000)  # (a measure is clipped to the width)
    return Measurement.get(out, unbounded, table).minimum <= out.width


def headline_tables(arms: list[str], cells: dict[tuple[str, str], Text], title: str) -> list[Table]:
    """The headline cells (``cells[arm, measure]``) as tables: arms as rows and the key
    measures as columns when that fits the terminal without breaking a word, else the
    measures as rows and a column per arm, else one table per arm."""
    # a cell still folds (never an ellipsis: it would cut a number short) where nothing fits
    wide = Table(title=Text(title), header_style="bold")
    wide.add_column("arm", overflow="fold")
    for name in KEY_MEASURES:  # headings and values from one list, in one order
        wide.add_column(Text(heading(name)), justify="right", overflow="fold")
    for arm in arms:
        wide.add_row(Text(arm), *(cells[arm, name] for name in KEY_MEASURES))
    if _fits(wide):
        return [wide]
    tall = Table(title=Text(title), header_style="bold")
    tall.add_column("measure", overflow="fold")
    for arm in arms:
        tall.add_column(Text(arm), justify="right", overflow="fold")
    for name in KEY_MEASURES:
        tall.add_row(Text(heading(name)), *(cells[arm, name] for arm in arms))
    if _fits(tall):
        return [tall]
    tables = []
    for arm in arms:
        one = Table(title=Text(f"{title}: {arm}"), header_style="bold")
        one.add_column("measure", overflow="fold")
        one.add_column("mean [95% CI]", justify="right", overflow="fold")
        for name in KEY_MEASURES:
            one.add_row(Text(heading(name)), cells[arm, name])
        tables.append(one)
    return tables


def sweep_cmd(
    *,
    scenario: str,
    policy: list[str] | None,
    seeds: str,
    set_: list[str] | None,
    policy_set: list[str] | None,
    policy_zip: list[str] | None,
    days: int | None,
    workers: int | None,
    dask: str | None,
    db: str | None,
    sweep_id: str | None,
    baseline: str | None,
    out_dir: Path | None,
    keep: str,
    as_json: bool,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
) -> None:
    """Run policies × seeds × parameter values; store, resume, summarise, report (in the
    language ``locale``, charts in ``formats``)."""
    check_lang(locale)
    check_seeds(seeds)
    try:
        sets = parse_assignments(set_, "--set")
        psets = parse_assignments(policy_set, "--policy-set")
        pzip = parse_assignments(policy_zip, "--policy-zip")
        url = normalise_url(db)
    except LocatedError as exc:
        fail_input(exc)
    except ValueError as exc:
        raise input_error(str(exc)) from None
    except DatabaseError as exc:
        raise database_error(db, exc) from None
    check_out(out_dir, REPORT_NAMES)
    result = run_sweep(
        as_json,
        "sweep",
        db,
        url,
        scenario=scenario,
        policies=policy or ["none", "crackdown"],
        seeds=seeds,
        sets=sets,
        policy_sets=psets,
        days=days,
        workers=workers,
        dask=dask,
        sweep_id=sweep_id,
        baseline=baseline,
        keep=keep,
        policy_zip=pzip,
        typed={
            **typed_options(set_, "--set"),
            **typed_options(policy_set, "--policy-set"),
            **typed_options(policy_zip, "--policy-zip"),
        },
    )
    report = None
    if out_dir is not None:
        title = Words(locale)(W.TITLE_SWEEP_OF).format(sweep=result.sweep_id, scenario=scenario)
        report = write_report(result, out_dir, title, locale=locale, formats=formats)
    finish(result, as_json, report)


def finish(result: SweepResult, as_json: bool, report: Path | None) -> None:
    """Print the outcome (as JSON or tables); exit 1 when some runs failed."""
    for note in result.notes:
        say("note", note, "cyan")
    shown = mask_url(result.db) if result.db else None
    if as_json:
        head = result.headline()
        print(
            dumps(
                {
                    "sweep_id": result.sweep_id,
                    "db": shown,
                    "ran": result.ran,
                    "skipped": result.skipped,
                    "rerun": result.rerun,
                    "failed": result.failed,
                    "report": str(report) if report else None,
                    "headline": head.to_dict(orient="records"),
                },
                indent=2,
            )
        )
    else:
        print_headline(result)
        rerun = (
            f", {result.rerun} of them replacing runs made under another model version"
            if result.rerun
            else ""
        )
        out.print(
            f"sweep {result.sweep_id}: {result.ran} runs done ({result.failed} failed{rerun}), "
            f"{result.skipped} already complete; stored in {shown}"
        )
        if report:
            out.print(f"wrote {report}")
    if result.failed:
        raise typer.Exit(1)


def load(db: str | None, ref: str) -> SweepResult:
    """A stored run or sweep by reference, or exit 2."""
    try:
        return load_any(open_db(db, stored=True), ref)
    except NothingStored as exc:
        raise input_error(str(exc)) from None
    except KeyError as exc:
        raise input_error(str(exc.args[0])) from None
    except DatabaseError as exc:
        raise database_error(db, exc) from None


def report_cmd(
    ref: str,
    out_dir: Path,
    db: str | None,
    baseline: str | None = None,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
    pair: list[str] | None = None,
) -> None:
    """HTML report (charts with bands, tables, policies, scenario) + PNG (SVG among
    ``formats``) + CSV/Parquet.
    ``baseline``: one of the runs' policies, by its name or as ``--policy`` named it (a
    preset or a file); exit 2 naming the policies when it is none of them. ``locale``:
    the language of the page and its charts. ``pair``: the ``--pair A:B`` values, the
    pairs of arms to test against each other (``simulation.cli.compare_pairs.
    pairs_within``; exit 2 naming the arms when one names none); without them
    ``simulation.sweeps.report.default_pairs``."""
    check_lang(locale)
    check_out(out_dir, REPORT_NAMES)
    result = load(db, ref)
    if baseline is not None:  # what the result measures against (its runs stay as loaded)
        if result.runs["run_id"].nunique() == 1:
            result = _with_stored_baseline(db, result, baseline)
        result = dataclasses.replace(result, baseline=_policy_of(result, baseline))
    pairs = None
    if pair:
        arms = list(dict.fromkeys(result.runs["arm"]))
        if len(arms) < 2:
            raise input_error(
                f"--pair: {ref} has one arm ({', '.join(repr(a) for a in arms)}), nothing "
                "to pair it with; --baseline POLICY adds the newest stored run of the same "
                "world under that policy"
            )
        pairs = pairs_within(pair, arms, ref, _policy_name)
    title = Words(locale)(W.TITLE_REPORT).format(ref=ref)
    path = write_report(result, out_dir, title, pairs=pairs, locale=locale, formats=formats)
    for note in result.notes:  # runs left out or made under an older model version
        say("note", note, "cyan")
    say_not_same_world(result)
    out.print(f"wrote {path}")


def _with_stored_baseline(db: str | None, result: SweepResult, ref: str) -> SweepResult:
    """A single run and, when ``ref`` names another policy, the newest complete run of
    the same world (scenario, seed, days, parameters) under it, to measure against; the
    run alone when there is none (``_policy_of`` then says so)."""
    names = list(dict.fromkeys(result.runs["policy"]))
    name = _policy_name(ref)
    if ref in names or name in names:
        return result
    run_id = int(result.runs["run_id"].iat[0])
    try:
        engine = open_db(db, stored=True)
        others: dict[int, tuple[int, int]] = {}
        found = same_world_runs(engine, run_id, name, others)
        if not found and others:  # the same world, but computed under other rules
            other, (made, own) = next(iter(others.items()))
            raise input_error(
                f"--baseline {ref!r}: run {other} is of the same world under it, but was "
                f"made under model version {made} and run {run_id} under {own}: their "
                "numbers were computed under different rules, so one is not measured "
                "against the other; run both again with this Circle Lab"
            )
        if not found:
            return result
        out.print(
            f"measured against run {found[0]} ({name}): the same scenario, seed, days and "
            "parameters"
        )
        return load_runs(engine, [run_id, found[0]], doing="report")
    except DatabaseError as exc:
        raise database_error(db, exc) from None


def _policy_name(ref: str) -> str:
    """The name of the policy ``ref`` names (a preset or a policy file), else ``ref``."""
    try:
        return load_policy(ref).name
    except (LocatedError, KeyError, OSError, ValueError):  # not a preset or a policy file
        return ref


def _policy_of(result: SweepResult, ref: str) -> str:
    """The name of the stored runs' policy that ``ref`` names: the name itself, or a
    preset or policy file whose name it is; else exit 2."""
    names = list(dict.fromkeys(result.runs["policy"]))
    if ref in names:
        return ref
    name = _policy_name(ref)
    if name in names:
        return name
    hint = (
        "; no complete run of the same world (scenario, seed, days, parameters) under it "
        "is stored either; to measure against another stored run, use circlelab compare "
        "RUN OTHER_RUN"
        if result.runs["run_id"].nunique() == 1
        else ""
    )
    raise input_error(
        f"--baseline {ref!r} is not one of the policies run: " + ", ".join(names) + hint
    )


def compare_cmd(
    a: str,
    b: str,
    out_dir: Path,
    db: str | None,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
    pair: list[str] | None = None,
) -> None:
    """Two runs or sweeps side by side, with a significance statement per measure (the
    report in the language ``locale``, charts in ``formats``). ``pair``: the ``--pair
    A:B`` values, the arm pairs to compare (``simulation.cli.compare_pairs``; exit 2
    naming the arms when one names none); without them every pair (:func:`arm_pairs`)."""
    check_lang(locale)
    check_out(out_dir, REPORT_NAMES)
    ra, rb = load(db, a), load(db, b)
    merged = merge(ra, rb, f"A ({a})", f"B ({b})")
    va, vb = model_version_of(ra), model_version_of(rb)
    if va is not None and vb is not None and va != vb:  # said, in the report and here
        merged.notes.insert(
            0,
            W.Note(
                W.NOTE_VERSIONS_DIFFER,
                a=f"A ({a})",
                b=f"B ({b})",
                va=W.version_said(va),
                vb=W.version_said(vb),
            ),
        )
    arms_a = [x for x in dict.fromkeys(merged.runs["arm"]) if x.startswith("A ")]
    arms_b = [x for x in dict.fromkeys(merged.runs["arm"]) if x.startswith("B ")]
    prefix_a, prefix_b = f"A ({a}): ", f"B ({b}): "
    if pair:
        pairs = chosen_pairs(pair, arms_a, arms_b, prefix_a, prefix_b, _policy_name)
    else:
        pairs = arm_pairs(arms_a, arms_b, prefix_a, prefix_b)
    title = Words(locale)(W.TITLE_COMPARE).format(a=a, b=b)
    path = write_report(merged, out_dir, title, pairs=pairs, locale=locale, formats=formats)
    for note in merged.notes:  # runs left out or made under an older model version
        say("note", note, "cyan")
    say_not_same_world(merged)
    out.print(f"wrote {path}")


def model_version_of(result: SweepResult) -> int | None:
    """The model version of a result's runs (read back, they are of one version:
    ``simulation.sweeps.store.one_version``); None without runs."""
    runs = result.runs
    if not len(runs) or "model_version" not in runs:
        return None
    return int(runs["model_version"].max())


def arm_pairs(
    arms_a: list[str], arms_b: list[str], prefix_a: str, prefix_b: str
) -> list[tuple[str, str]]:
    """Every arm of one side against every arm of the other, none left out, the likeliest
    questions first: the arms found on one side only against each other (a policy changed
    between the two: the question when the same scenario ran different policies), then
    an arm against the arm of the same name on the other side (the same policy in both:
    the question when the scenario or its settings changed), then the rest, each group
    in the order of the arms. ``prefix_a``/``prefix_b``: what :func:`merge` put before
    each side's arm names."""
    name_a = {x: x.removeprefix(prefix_a) for x in arms_a}
    name_b = {y: y.removeprefix(prefix_b) for y in arms_b}
    only_a = set(name_a.values()) - set(name_b.values())
    only_b = set(name_b.values()) - set(name_a.values())

    def rank(pair: tuple[str, str]) -> int:
        x, y = name_a[pair[0]], name_b[pair[1]]
        if x in only_a and y in only_b:
            return 0
        return 1 if x == y else 2

    every = [(x, y) for x in arms_a for y in arms_b]
    return sorted(every, key=rank)  # stable: each group in the arms' order


def merge(ra: SweepResult, rb: SweepResult, la: str, lb: str) -> SweepResult:
    """Two results as one, arms prefixed so that the same policy in both stays apart."""

    def tag(r: SweepResult, label: str) -> tuple[Any, Any, dict[str, str], list[ChangedRun]]:
        runs = r.runs.assign(arm=label + ": " + r.runs["arm"])
        posts = r.posts.assign(arm=label + ": " + r.posts["arm"]) if r.posts is not None else None
        texts = {f"{label}: {k}": v for k, v in r.texts.items()}
        changes = [
            dataclasses.replace(c, side=f"{label}: {c.side}" if c.side else label)
            for c in r.changes
        ]
        return runs, posts, texts, changes

    def sides(r: SweepResult, label: str) -> list[tuple[str, list[RanWith]]]:
        return [(f"{label}: {side}" if side else label, ran) for side, ran in r.inputs]

    runs_a, posts_a, texts_a, changes_a = tag(ra, la)
    runs_b, posts_b, texts_b, changes_b = tag(rb, lb)
    overlap = set(runs_a["run_id"]) & set(runs_b["run_id"])
    metrics_b = rb.metrics
    if overlap:  # the same run on both sides: keep them apart by id
        shift = int(max(runs_a["run_id"].max(), 0)) + 1_000_000
        runs_b = runs_b.assign(run_id=runs_b["run_id"] + shift)
        metrics_b = metrics_b.assign(run_id=metrics_b["run_id"] + shift)
        if posts_b is not None:
            posts_b = posts_b.assign(run_id=posts_b["run_id"] + shift)
    posts = [p for p in (posts_a, posts_b) if p is not None]
    return SweepResult(
        f"{ra.sweep_id} vs {rb.sweep_id}",
        pd.concat([runs_a, runs_b], ignore_index=True),
        pd.concat([ra.metrics, metrics_b], ignore_index=True),
        baseline=ra.baseline or rb.baseline,
        db=ra.db,
        posts=pd.concat(posts, ignore_index=True) if posts else None,
        texts={**texts_a, **texts_b},
        scenarios=_both_scenarios(ra, rb, la, lb),
        notes=[*_sided(ra.notes, la), *_sided(rb.notes, lb)],
        changes=[*changes_a, *changes_b],
        marks={
            **{f"{la}: {k}": v for k, v in ra.marks.items()},
            **{f"{lb}: {k}": v for k, v in rb.marks.items()},
        },
        histories={
            **{f"{la}: {k}": v for k, v in ra.histories.items()},
            **{f"{lb}: {k}": v for k, v in rb.histories.items()},
        },
        inputs=[*sides(ra, la), *sides(rb, lb)] if ra.inputs and rb.inputs else [],
    )


def _sided(notes: list[str], label: str) -> list[str]:
    """A side's notes, each headed by the side's label (the two sides' notes can read
    alike: which side's runs were left out, or made under an older model version)."""
    return [
        W.Note(W.NOTE_OF_SIDE, side=label, note=n.message)
        if isinstance(n, W.Note)
        else f"{label}: {n}"
        for n in notes
    ]


def _both_scenarios(ra: SweepResult, rb: SweepResult, la: str, lb: str) -> list[tuple[str, str]]:
    """Each side's scenarios as they ran, headed by its side; a scenario both sides ran
    alike is shown once, under both headings."""
    merged: dict[str, list[str]] = {}
    for label, result in ((la, ra), (lb, rb)):
        for title, text in result.scenarios:
            merged.setdefault(text, []).append(f"{label}: {title}")
    return [("; ".join(headings), text) for text, headings in merged.items()]


# ---------------------------------------------------------------- studies


def run_study(
    name: str | Path,
    out_dir: Path,
    *,
    seeds: str | None = None,
    days: int | None = None,
    workers: int | None = None,
    dask: str | None = None,
    db: str | None = None,
    quiet: bool = False,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
) -> tuple[SweepResult, Path]:
    """Run a study's sweep (resumable: its database lives in ``out_dir``) and its report
    (in the language ``locale``, charts in ``formats``)."""
    check_lang(locale)
    try:
        spec = load_study(name)
    except LocatedError as exc:
        fail_input(exc)
    study_seeds = spec.get("seeds", "1-10")
    check_seeds(seeds, "--seeds") if seeds else check_seeds(study_seeds, "the study's seeds")
    check_out(out_dir, REPORT_NAMES)
    out_dir.mkdir(parents=True, exist_ok=True)
    db = db or str(out_dir / STUDY_DB)  # what --help says: OUT/study.db
    result = run_sweep(
        quiet,
        spec.get("name", "study"),
        db,
        db,
        scenario=spec["scenario"],
        policies=spec["policies"],
        seeds=seeds or (study_seeds if isinstance(study_seeds, list) else str(study_seeds)),
        sets=spec.get("set") or {},
        policy_sets=spec.get("policy_set") or {},
        days=days or spec.get("days"),
        workers=workers,
        dask=dask,
        baseline=spec.get("baseline"),
        keep=spec.get("keep", "sample"),
        policy_zip=spec.get("policy_zip") or {},
    )
    words = Words(locale)
    title = study_text(spec, "title", words, spec.get("name", words(W.STUDY)))
    report = write_report(result, out_dir, title, study=spec, locale=locale, formats=formats)
    return result, report


def study_cmd(
    name: str,
    out_dir: Path,
    *,
    seeds: str | None,
    days: int | None,
    workers: int | None,
    dask: str | None,
    db: str | None,
    as_json: bool,
    locale: str = "en_US",
    formats: tuple[str, ...] = ("png",),
) -> None:
    """Run a shipped study (e.g. takedown_speed) with one command: sweep, figure, report
    (in the language ``locale``)."""
    result, report = run_study(
        name,
        out_dir,
        seeds=seeds,
        days=days,
        workers=workers,
        dask=dask,
        db=db,
        quiet=as_json,
        locale=locale,
        formats=formats,
    )
    finish(result, as_json, report)
