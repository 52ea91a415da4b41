"""Files a run leaves behind: metrics CSV, summary JSON, charts and a self-contained report.

Files are written into a temporary directory beside the target and renamed into
place at the end, so an interrupted write never leaves a half-finished folder
that looks like a finished one.
"""

from __future__ import annotations

import base64
import functools
import html
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from simulation.metrics import METRICS, RULE_COUNT_NAMES, RULE_COUNTS
from simulation.metrics.summary import summary_field
from simulation.numbers import format_number
from simulation.runs import bundle
from simulation.runs.history import POLICY_DAYS, RunHistory, stored_marks
from simulation.runs.marks import Mark, merged
from simulation.runs.report_words import Words
from simulation.runs.report_words import text as _text
from simulation.runs.result import RunResult
from simulation.runs.scenario_shown import scenario_that_ran
from simulation.strict_json import dumps, read_summary
from simulation.world.history import POLICY

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from sqlalchemy.engine import Engine

    from simulation.world.engine import Simulation

# the page's own words (simulation.runs.report_words: translated in the app's .ts)
RUN_TITLE = _text("{scenario} × {policy}, seed {seed}")
STORED_TITLE = _text("run {run}: {scenario} × {policy}, seed {seed}")
NOT_COMPLETE = _text(" (not complete)")
HEADLINE = _text("Headline numbers")
MEASURE, VALUE, UNIT, MEANING = _text("measure"), _text("value"), _text("unit"), _text("meaning")
CHARTS_HEADING = _text("Charts")
RULES_HEADING = _text("What each rule did")
RULES_SUMMED = _text("Each count summed over the run's days.")
RULES_OF_EVERY_POLICY = _text(
    " The rules of every policy that was in force, each over the days its "
    "policy was in force (see Policy)."
)
COUNT, ACTION, RULE = _text("count"), _text("action"), _text("rule")
ACTION_MEANING = _text(
    "What the rule does, as its policy says (a shadow "
    "rule's hits are counted, never acted on: 'shadow (would remove)'; an allow "
    "rule's hits are the posts it let through, its true positives violating "
    "ones)"
)
SCENARIO_HEADING = _text("Scenario")
DEFINITIONS = _text("Metric definitions")
METRIC, OVER_A_RUN = _text("metric"), _text("over a run")
AGGREGATES = {a: _text(a) for a in ("sum", "last", "ratio", "mean")}
DAYS_NOTE = _text("{days} days. Daily values are in {file} beside this page.")
MARKS_NOTE = _text("Dotted lines mark events: {items}.")
MARK_ITEM = _text("day {day}: {text}")
CHANGES_HEADING = _text("Changes during the run")
NOT_RECORDED = _text(
    "Not recorded: this run was stored by a version of Circle Lab that did not "
    "keep what was changed while a run ran. The policy and scenario below are what "
    "was stored; if the run was changed by hand, they may not have been in force "
    "throughout."
)
NO_CHANGES = _text(
    "None: nothing was changed by hand while this run ran. The policy and the "
    "scenario below were in force {when} (the scenario's own scheduled events are "
    "part of it)."
)
FROM_TO = _text("from day 0 to day {last}")
NO_DAY_RAN = _text("(no day ran)")
ITS_TEXT = _text("its text")
MADE_LIVE = _text(
    "Made while the run was live; each acts from the day given (the next day to run "
    "when it was made). Everything before that day ran without it."
)
POLICY_HEADING = _text("Policy")
NOT_ONE_POLICY = _text(
    "Not one policy: another was put in force while the run ran. In force, by day:"
)
DAYS, POLICY_COLUMN = _text("days"), _text("policy")
AS_SET_UP = _text(
    "As the run was set up. Changed while it ran: {keys} (see Changes during the run)."
)


def write_bundle(
    out: Path,
    metrics: pd.DataFrame,
    summary: dict[str, Any],
    title: str,
    policy_text: str,
    scenario_text: str,
    rules: pd.DataFrame | None = None,
    history: RunHistory | None = None,
    formats: tuple[str, ...] = ("png",),
    notice: str = "",
    locale: str = "en_US",
) -> Path:
    """Write everything into ``out``: built in a sibling temp dir, then moved in, replacing
    only what an earlier bundle wrote there (``simulation.runs.bundle``; raises its
    ``OutputFolderError`` when ``out`` holds a file of the same name that is not ours).

    Charts are written as PNG (the report embeds them) plus any other ``formats``
    (``svg``) asked for. ``history``: what changed while the run ran (None: nothing).
    ``notice``: said at the top of the report (a run that is not complete). ``locale``:
    the language of the report and its charts (``simulation.runs.report_words``).
    """
    out = Path(out)
    tmp = staging_dir(out)
    try:
        fill_bundle(
            tmp,
            metrics,
            summary,
            title,
            policy_text,
            scenario_text,
            rules,
            history,
            formats,
            notice=notice,
            locale=locale,
        )
        return place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def staging_dir(out: Path) -> Path:
    """A new empty directory beside ``out`` to build its files in (see :func:`place`)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))


def place(tmp: Path, out: Path) -> Path:
    """Move the finished directory ``tmp`` into ``out``, replacing only what an earlier
    bundle wrote there (``simulation.runs.bundle.place``; raises its
    ``OutputFolderError``, nothing moved, when ``out`` holds a file of the same name
    that is not ours)."""
    return bundle.place(tmp, out)


def fill_bundle(
    tmp: Path,
    metrics: pd.DataFrame,
    summary: dict[str, Any],
    title: str,
    policy_text: str,
    scenario_text: str,
    rules: pd.DataFrame | None = None,
    history: RunHistory | None = None,
    formats: tuple[str, ...] = ("png",),
    figures: Sequence[Figure] = (),
    notice: str = "",
    locale: str = "en_US",
) -> None:
    """The bundle's files in the (staging) directory ``tmp``: metrics and rule CSVs,
    ``summary.json``, ``changes.json`` (what was changed while the run ran: the list of
    ``Simulation.history``, empty when nothing was; ``null`` for a run stored before
    histories were kept), charts (PNG, plus ``formats``; drawn on ``figures``, made
    beforehand by :func:`~simulation.runs.figures.blanks`, while they last; with the
    run's event marks, :func:`chart_marks`) and ``report.html``."""
    from simulation.runs.figures import write_charts  # matplotlib: only when drawing

    # every digit (the shortest text that reads back as the same number): with six
    # significant digits the parts of a total no longer added up to it, the days' sums
    # missed the summary's totals, and a count above a million read 1.23457e+06
    metrics.to_csv(tmp / "daily_metrics.csv", index=False)
    if rules is not None and len(rules):
        # one order however the rows were gathered (a run's day by day, a stored run's as
        # the database returns them): `runs export` writes the same file as `run --out`
        order = [c for c in ("day", "rule") if c in rules.columns]
        rules = rules.sort_values(order, kind="stable").reset_index(drop=True)
        rules.to_csv(tmp / "rule_stats.csv", index=False)
    (tmp / "summary.json").write_text(dumps(summary, indent=2), encoding="utf-8")
    changes = [] if history is None else list(history.changes) if history.recorded else None
    (tmp / "changes.json").write_text(
        dumps(changes, indent=2, ensure_ascii=False), encoding="utf-8"
    )
    marks = chart_marks(scenario_text, policy_text, history, len(metrics), locale)
    formats = ("png", *(f for f in formats if f != "png"))
    write_charts(metrics, tmp / "charts", formats, figures=figures, marks=marks, locale=locale)
    (tmp / "report.html").write_text(
        report_html(
            metrics,
            summary,
            title,
            policy_text,
            scenario_text,
            tmp / "charts",
            rules,
            history,
            marks,
            notice=notice,
            locale=locale,
        ),
        encoding="utf-8",
    )


def chart_marks(
    scenario_text: str,
    policy_text: str,
    history: RunHistory | None,
    days: int,
    locale: str = "en_US",
) -> list[tuple[int, str]]:
    """The run's event marks on the days it ran (``0`` to ``days - 1``), one ``(day,
    label)`` a day in the report's language: those the app and a lesson's handout draw
    (``simulation.runs.history.stored_marks``, worded by ``simulation.runs.marks``)."""
    changes = history.changes if history is not None else ()
    marks = (
        stored_marks(scenario_text, policy_text, changes)
        if changes
        else _start_marks(scenario_text, policy_text)
    )
    return [(day, text) for day, text in merged(marks, locale) if 0 <= day < days]


@functools.lru_cache(maxsize=2)
def _start_marks(scenario_text: str, policy_text: str) -> tuple[Mark, ...]:
    """The marks of a run in which nothing was changed by hand: its texts' alone."""
    return tuple(stored_marks(scenario_text, policy_text))


def prepare_marks(scenario_text: str, policy_text: str) -> None:
    """Read the marks of a run of these texts (:func:`drawing_texts`) before it ends, for
    :func:`chart_marks` to find them read (reading the policy and scenario texts, YAML
    and all, takes tens of milliseconds): what the drawing worker does while the engine
    runs (``simulation.runs.background``). Marks of other texts, or of a run with
    changes made by hand, are read when asked for, as before."""
    _start_marks(scenario_text, policy_text)


def drawing_texts(scenario: Any, policy: Any, seed: int) -> tuple[str, str]:
    """The scenario and policy texts a run of ``scenario`` (as the engine built its
    world), ``policy`` and ``seed`` reports (:func:`bundle_args`)."""
    return _scenario_text(scenario, seed), str(getattr(policy, "source", ""))


def _scenario_text(scenario: Any, seed: int) -> str:
    """The scenario as it ran, with the seed the run used (a run's --seed is not the
    scenario file's)."""
    return scenario.model_copy(update={"seed": seed}).model_dump_json(indent=2)


def bundle_args(result: RunResult, sim: Simulation, locale: str = "en_US") -> tuple[Any, ...]:
    """The arguments of :func:`write_bundle` after ``out`` for a finished run (small,
    picklable: the daily metrics, rule statistics, summary, the input texts and the
    history). The inputs are those the run was set up with (the scenario before any
    change, scheduled or made by hand; the first policy), the history says what changed."""
    start = sim.start_scenario
    scenario_text = _scenario_text(start, sim.seed)
    history = RunHistory.of_simulation(sim)
    words = Words(locale)
    title = words(RUN_TITLE).format(
        scenario=start.name, policy=history.name(w=words), seed=sim.seed
    )
    return (
        result.metrics,
        result.summary,
        title,
        history.start_source,
        scenario_text,
        result.rules,
        history,
    )


def write_outputs(
    result: RunResult,
    sim: Simulation,
    out: Path,
    formats: tuple[str, ...] = ("png",),
    locale: str = "en_US",
) -> Path:
    return write_bundle(out, *bundle_args(result, sim, locale), formats=formats, locale=locale)


def export_stored_run(
    engine: Engine,
    run_id: int,
    out: Path,
    formats: tuple[str, ...] = ("png",),
    locale: str = "en_US",
) -> Path:
    """The same files for a run already in the database, without re-running it.

    A run that is not complete (running, incomplete, failed, interrupted) and has no
    rows stored raises ``simulation.runs.storage.NothingStored`` before anything is
    written; one with rows stored is exported with its report saying plainly that it
    is not complete (its title too)."""
    from simulation.runs.storage import (
        RuleStat,
        get_run,
        load_metrics,
        load_table,
        stored_notice_message,
    )

    run = get_run(engine, run_id)
    words = Words(locale)
    # the notice in the report's language (its English is the command line's)
    stated = stored_notice_message(engine, run, "export")
    notice = "" if stated is None else words.message(stated)
    metrics = load_metrics(engine, run_id)
    rules = load_table(engine, RuleStat, run_id).drop(columns=["id", "run_id"], errors="ignore")
    summary = read_summary(run.summary_json)
    history = RunHistory.of_run(run)
    # the stored name of a run changed while it ran is the English chain of its policies
    # ("No moderation → Keyword filter only (day 8)"): said again in the report's words
    policy = run.policy_name
    if not words.english and history.recorded and history.policy_changes():
        policy = history.name(w=words)
    title = words(STORED_TITLE).format(
        run=run_id, scenario=run.scenario_name, policy=policy, seed=run.seed
    )
    if notice:
        title += words(NOT_COMPLETE)
    scenario = scenario_that_ran(
        run.scenario_yaml, run.params_json, int(run.days_requested), int(run.seed)
    )
    return write_bundle(
        out,
        metrics,
        summary,
        title,
        run.policy_text,
        scenario,
        rules,
        history,
        formats,
        notice=notice,
        locale=locale,
    )


def _rule_actions(policy_text: str, history: RunHistory | None) -> dict[str, str]:
    """Each rule's action by its name in the policies the run had in force (a name whose
    action differs between them: each, " / " between them); a text that cannot be read
    gives none."""
    from policy.errors import LocatedError
    from policy.schedule import rule_actions

    texts = [policy_text]
    if history is not None:
        texts += [str(c["source"]) for c in history.policy_changes()]
    found: dict[str, list[str]] = {}
    for text in dict.fromkeys(texts):
        try:
            actions = rule_actions(text, "<stored policy>")
        except (LocatedError, ValueError, TypeError):
            continue
        for name, action in actions.items():
            if action not in found.setdefault(name, []):
                found[name].append(action)
    return {name: " / ".join(actions) for name, actions in found.items()}


def _prose(words: str) -> str:
    """A sentence of the page's own, escaped as it always was (quotes kept as written)."""
    return html.escape(words, quote=False)


def _img(path: Path) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return f'<img alt="{html.escape(path.stem)}" src="data:image/png;base64,{data}">'


def report_html(
    metrics: pd.DataFrame,
    summary: dict[str, Any],
    title: str,
    policy_text: str,
    scenario_text: str,
    charts: Path,
    rules: pd.DataFrame | None = None,
    history: RunHistory | None = None,
    marks: Sequence[tuple[int, str]] = (),
    notice: str = "",
    locale: str = "en_US",
) -> str:
    """One self-contained page: headline numbers, charts (and the event ``marks`` drawn
    on them, ``(day, label)``, listed in full), rule statistics, what changed
    while the run ran, the policies in force on which days, the scenario it was set up
    with.

    ``policy_text`` and ``scenario_text`` are what the run was set up with; ``history``
    (None: nothing changed) says what was changed while it ran; ``notice`` (a run
    that is not complete) is said in a box above everything else. Everything that comes
    from a user or from generated text is escaped. ``locale``: the page's language.
    """
    from simulation.runs.figures import CHARTS

    esc = html.escape
    w = Words(locale)
    shown = dict(summary)
    if not w.english and "policy" in shown and history is not None and history.policy_changes():
        # the policies put in force, named as stored ("… (day 8)"): in the page's words
        shown["policy"] = history.name(w=w)
    rows = "".join(
        f"<tr><td>{esc(w.measure(k))}</td><td>{esc(_num(v))}</td>"
        f"<td>{esc(w.unit(_field(k, 'unit')))}</td>"
        f"<td>{esc(w.meaning(_field(k, 'meaning')))}</td></tr>"
        for k, v in shown.items()
    )
    figures = "".join(
        f"<figure>{_img(charts / f'{name}.png')}<figcaption>{esc(w(label))}</figcaption></figure>"
        for name, (label, _fn) in CHARTS.items()
        if (charts / f"{name}.png").exists()
    )
    rule_table = ""
    if rules is not None and len(rules):
        agg = rules.groupby("name", sort=False)[list(RULE_COUNT_NAMES)].sum()
        # the table holds each count summed over the run: in posts or accounts, not per day
        rule_defs = "".join(
            f"<tr><td>{esc(w.measure(c.name))}</td><td>{esc(w.unit(c.total_unit))}</td>"
            f"<td>{esc(w.meaning(c.meaning))}</td></tr>"
            for c in RULE_COUNTS
        )
        rule_defs = (
            f"<tr><td>{esc(w(ACTION))}</td><td></td><td>{_prose(w(ACTION_MEANING))}</td></tr>"
            + rule_defs
        )
        # headers with spaces wrap, and the table scrolls on its own when a narrow
        # window still cannot hold it: the page itself never grows wider than the window
        agg.columns = [w.measure(c) for c in agg.columns]
        # what each rule does, beside what it counted: an allow rule's "true positives"
        # are violating posts it let through, a shadow rule's hits were never acted on
        actions = _rule_actions(policy_text, history)
        agg.insert(0, w(ACTION), [actions.get(name, "") for name in agg.index])
        rule_table = (
            f"<h2>{esc(w(RULES_HEADING))}</h2><p>{_prose(w(RULES_SUMMED))}"
            + (
                _prose(w(RULES_OF_EVERY_POLICY))
                if history is not None and history.policy_changes()
                else ""
            )
            + "</p>"
            "<div class=wide>"
            + agg.reset_index()
            .rename(columns={"name": w(RULE)})
            .to_html(escape=True, border=0, index=False)
            + f"</div><table><tr><th>{esc(w(COUNT))}</th><th>{esc(w(UNIT))}</th>"
            f"<th>{esc(w(MEANING))}</th></tr>" + rule_defs + "</table>"
        )
    banner = f"<p class=notice role=alert><strong>{esc(notice)}</strong></p>" if notice else ""
    defs = "".join(
        f"<tr><td><code>{esc(m.name)}</code></td><td>{esc(w.unit(m.unit))}</td>"
        f"<td>{esc(w(AGGREGATES.get(m.aggregate, m.aggregate)))}</td>"
        f"<td>{esc(w.meaning(m.meaning))}</td></tr>"
        for m in METRICS
    )
    days_note = esc(w(DAYS_NOTE)).format(days=len(metrics), file="<code>daily_metrics.csv</code>")
    return f"""<!doctype html>
<html lang="{w.html_lang}"><head><meta charset="utf-8"><meta name="generator" content="Circle Lab">
<title>{esc(title)}</title>
<style>
body{{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2rem auto;max-width:1100px;
color:#222;line-height:1.4}} h1{{font-size:1.8rem}} table{{border-collapse:collapse}}
td,th{{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:left}}
figure{{margin:1rem 0}} img{{max-width:100%}} pre{{background:#f6f6f6;padding:1rem;
overflow:auto;font-size:.85rem}} figcaption{{color:#666}}
.wide{{overflow-x:auto;margin-bottom:1rem}} .wide td,.wide th{{padding:.25rem .4rem}}
th{{vertical-align:bottom}} .notice{{border:2px solid #b00;padding:.6rem;color:#700}}
</style></head><body>
<h1>{esc(title)}</h1>
{banner}
<h2>{esc(w(HEADLINE))}</h2><table><tr><th>{esc(w(MEASURE))}</th><th>{esc(w(VALUE))}</th>\
<th>{esc(w(UNIT))}</th>
<th>{esc(w(MEANING))}</th></tr>{rows}</table>
<h2>{esc(w(CHARTS_HEADING))}</h2>{marks_note(marks, w)}{figures}
{rule_table}
{changes_section(history, len(metrics), w)}
{policy_section(policy_text, history, len(metrics), w)}
<h2>{esc(w(SCENARIO_HEADING))}</h2>{scenario_note(history, w)}<pre>{esc(scenario_text)}</pre>
<h2>{esc(w(DEFINITIONS))}</h2><table><tr><th>{esc(w(METRIC))}</th><th>{esc(w(UNIT))}</th>\
<th>{esc(w(OVER_A_RUN))}</th>
<th>{esc(w(MEANING))}</th></tr>
{defs}</table>
<p>{days_note}</p>
</body></html>
"""


def marks_note(marks: Sequence[tuple[int, str]], w: Words | None = None) -> str:
    """The line above the charts that lists their event marks in full (a chart cuts a
    long label); "" without marks."""
    if not marks:
        return ""
    w = w or Words()
    esc = html.escape
    items = w.join(
        [esc(w(MARK_ITEM)).format(day=day, text=esc(w.one_day(text))) for day, text in marks]
    )
    return f"<p class=marks>{esc(w(MARKS_NOTE)).format(items=items)}</p>"


def changes_section(history: RunHistory | None, days: int, w: Words | None = None) -> str:
    """The report's "Changes during the run": each policy put in force (with its text)
    and each parameter changed, with the day from which it acted."""
    w = w or Words()
    esc = html.escape
    head = f"<h2>{esc(w(CHANGES_HEADING))}</h2>"
    if history is not None and not history.recorded:
        return head + f"<p>{_prose(w(NOT_RECORDED))}</p>"
    if history is None or not history.changed:
        when = w(FROM_TO).format(last=days - 1) if days > 0 else w(NO_DAY_RAN)
        return head + f"<p>{_prose(w(NO_CHANGES).format(when=when))}</p>"
    items = []
    sources = {int(c["day"]): str(c["source"]) for c in history.policy_changes()}
    for change, line in zip(history.effective(), history.lines(w), strict=True):
        text = ""
        if change["kind"] == POLICY:
            text = (
                f"<details><summary>{esc(w(ITS_TEXT))}</summary>"
                f"<pre>{esc(sources[int(change['day'])])}</pre></details>"
            )
        items.append(f"<li>{esc(line)}{text}</li>")
    return head + f"<p>{_prose(w(MADE_LIVE))}</p><ul>{''.join(items)}</ul>"


def policy_section(
    policy_text: str, history: RunHistory | None, days: int, w: Words | None = None
) -> str:
    """The report's "Policy": the text of the policy, or, when another was put in force
    during the run, which policy was in force on which days and each one's text."""
    w = w or Words()
    esc = html.escape
    periods = history.periods() if history is not None else []
    heading = f"<h2>{esc(w(POLICY_HEADING))}</h2>"
    if len(periods) < 2:
        return f"{heading}<pre>{esc(policy_text)}</pre>"
    rows = "".join(
        f"<tr><td>{esc(p.describe(days, w))}</td><td>{esc(p.name)}</td></tr>" for p in periods
    )
    texts = "".join(
        f"<h3>{esc(w(POLICY_DAYS).format(policy=p.name, days=p.describe(days, w)))}</h3>"
        f"<pre>{esc(p.source)}</pre>"
        for p in periods
    )
    return (
        f"{heading}<p>{_prose(w(NOT_ONE_POLICY))}</p><table><tr><th>{esc(w(DAYS))}</th>"
        f"<th>{esc(w(POLICY_COLUMN))}</th></tr>{rows}</table>{texts}"
    )


def scenario_note(history: RunHistory | None, w: Words | None = None) -> str:
    """A line above the scenario when parameters were changed during the run."""
    if history is None or not history.parameter_changes():
        return ""
    w = w or Words()
    keys = ", ".join(dict.fromkeys(str(c["key"]) for c in history.parameter_changes()))
    return f"<p>{html.escape(w(AS_SET_UP).format(keys=keys))}</p>"


def _field(key: str, what: str) -> str:
    """The unit or meaning of a summary key in the registry ("" for a key of another
    version of Circle Lab)."""
    try:
        return str(getattr(summary_field(key), what))
    except KeyError:
        return ""


def _num(value: Any) -> str:

    return format_number(value)
