"""The words of a sweep's, a study's and a comparison's report, in the language it is
written in.

Declared like a run report's (:func:`simulation.runs.report_words.text`, context
``Report``, translated once in the app's translation file, read headless): the page's own
sentences (``assets/report/sweep.html.j2`` takes them from here), its charts' titles,
axes and legends, and the sentences that say whether two policies differ. A text the
run report already declares ("Charts", "Policy", "day {day}: {text}") is the same text
here, translated once. Names of measures, units and meanings come from the metric
registry's entries in the translation file (contexts ``Measures``, ``Units``,
``Meanings``), as the app and a run's report show them.

The English of every text is what the report wrote before it had a language, byte for
byte; numbers, policy names, arm labels, rule ids and parameter paths stay as written.
"""

from __future__ import annotations

from policy.messages import Message, msg, register
from simulation.metrics.summary import AVOIDED_DAYS, HEADLINE, measure
from simulation.runs.report_words import CONTEXT, Words
from simulation.runs.report_words import text as _t

ENGLISH = Words()


def _note(english: str) -> str:
    """A text of the report that is also the template of a :class:`Note`'s message."""
    return register(_t(english), CONTEXT)


class Note(str):
    """A note a sweep makes before the language of its report is known: the English text
    itself (what the command line prints), and ``message``, the same as a
    :class:`~policy.messages.Message` that a report says in its own language."""

    message: Message

    def __new__(cls, template: str, **args: object) -> Note:
        said = msg(template, **args)
        note = super().__new__(cls, str(said))
        note.message = said
        return note

    def __reduce__(self) -> tuple[object, ...]:  # (pickled: rebuilt from its message)
        return (_note_of, (self.message,))

    def said(self, w: Words) -> str:
        """The note in the words of ``w``."""
        return w.message(self.message)


def _note_of(message: Message) -> Note:
    return Note(message.template, **message.kwargs)


# ------------------------------------------------------------------ the page
TITLE_SWEEP = _t("Sweep {sweep}")
TITLE_SWEEP_OF = _t("Sweep {sweep}: {scenario}")
TITLE_REPORT = _t("Report: {ref}")
TITLE_COMPARE = _t("Compare {a} with {b}")
STUDY = _t("Study")  # a study without a title

# the table at the top
META_SWEEP = _t("sweep")
META_DATABASE = _t("database")
META_SCENARIO = _t("scenario")
META_SEEDS = _t("seeds")
META_DAYS = _t("days")
META_RUNS = _t("runs")
META_BASELINE = _t("baseline")
META_CODE = _t("code version")
IN_MEMORY = _t("(in memory)")
COMPLETE_OF = _t("{complete} complete of {runs}")
NO_BASELINE_OF_ONE = _t(
    "none: a single run has no baseline of its own; 'avoided' needs one (circlelab report "
    "RUN --baseline none measures it against a stored no-moderation run of the same world; "
    "circlelab compare against any other run)"
)
NO_BASELINE = _t("none in this sweep: 'avoided' cannot be computed")
ARM_DAYS = _t("{arm}: {days}")  # each arm's days, when the runs ran for different lengths

# headline numbers
HEADLINE_HEADING = _t("Headline numbers")
HEADLINE_NOTE = _t(
    "Mean across seeds with the {level}% confidence interval [low, high] (Student t),\n"
    "clipped to the values a measure can take: a count, total or share never below 0, a "
    'share never\nabove 100%; an "avoided" share may be below 0 (worse than the baseline) '
    'but never above 100%. "Avoided" is against the baseline{baseline} in the same world '
    "(the same scenario as it ran, and the same seed), {days}{starts}."
)
BASELINE_NAMED = _t(" ({baseline})")
# above each headline table when the arms are shown in several (too many for one's width)
ARMS_OF_TABLE = _t("Arms {first}–{last} of {n}")
# the scenario's own events, which happen in the baseline's runs too
BASELINE_EVENTS = _t(
    " The baseline is a policy of no moderation in the same scenario, not a world without "
    "events: the scenario's own events ({events}) happen in its runs as in every arm's, so "
    '"avoided" is what a policy adds to them.'
)
STARTS = _t(" ({starts})")  # each arm's first day it acts (announcement or rule)
STARTS_ON = _t("{arm}: from day {day}")
STARTS_AFTER_END = _t(
    "{arm}: from day {day}, after the runs' last day, day {last}: it never acts in these runs"
)
NOT_SAME_WORLD = _t(
    "{undefined} where the baseline did not run the same world: measured against another "
    "scenario, parameters or seed, it would count the difference between the worlds as the "
    "policy's doing."
)
AVOIDED_UNDEFINED = _t('"Avoided" is undefined')
PARTIAL_NOTE = _t(
    ' "(2 of 5 seeds)": the measure is defined for only that many of the arm\'s seeds, and '
    'the mean and interval are of those (see "undefined when" under Headline measures).'
)
# a headline interval with an end cut at what its measure can be (headline_cell's < and >)
CLIPPED_NOTE = _t(
    ' "<" or ">" before an end of an interval: the interval ran past the values the measure '
    "can take (no count below 0, at most 100% avoided) and is cut there, so that end is not "
    "one the data gave: too few seeds for an interval on that side (more seeds narrow it)."
)
NO_RUN_COMPLETED = _t("No run completed")
NO_NUMBERS = _t(
    "{no_run}: there are no numbers to show; each run's error is under \"Runs that did not "
    'complete".'
)
MEASURE = _t("measure")
BETTER = _t("better")
BETTER_WAYS = {way: _t(way) for way in ("higher", "lower")}
SOME_SEEDS = _t(" ({n} of {seeds} seeds)")  # a headline cell defined for some seeds only
# a censored measure (days to halve that some seeds never reached): a median, no mean
MEDIAN = _t("median {value}")
MEDIAN_ABOVE = _t("median > {value}")
HALVED_IN = _t(" (halved in {k} of {n} seeds)")
# a headline cell of a measure its runs lack: they were made under an older model version,
# before the measure was counted (simulation.metrics.summary.Measure.since_stored)
MISSING_IN_VERSION = _t("missing: runs of model version {version}")
CENSORED_NOTE = _t(
    ' "median > N (halved in k of n seeds)": in the seeds that did not halve, '
    "restricted-offer volume did not halve before the run ended, so their days to halve are "
    "known only to be more than N, the days the run went on after the start. A mean of the "
    "seeds that halved would favour the fast ones, so none is given: the median counts "
    'every seed, those that never halved as the slowest, and "> N" says the median is '
    "among them."
)

# do the policies differ?
DIFFER_HEADING = _t("Do the policies differ?")
NOTHING_TO_COMPARE = _t("No run completed: nothing to compare.")
ONE_POLICY = _t("Only one policy has complete runs: nothing to compare.")

# charts
CHARTS_HEADING = _t("Charts")
CHARTS_NOTE = _t(
    "Lines: mean across seeds. Shaded: {level}% confidence band. The chart files\n"
    "({formats}) are in {charts}; the numbers behind them in {data} (CSV and Parquet)."
)
MARKS_ONE = _t("Dotted lines mark events:")
MARKS_MANY = _t("Dotted lines mark events (in an arm's colour: that arm's alone):")
MARK_ITEM = _t("day {day}: {text}")
ARM_MARKS = _t("{arm}: {marks}")

# sample posts
POSTS_HEADING = _t("Sample posts")
POSTS_NOTE = _t("The most-seen violating posts of the first run of each arm, as generated.")
POST_COLUMNS = {c: _t(c) for c in ("arm", "seed", "day", "kind", "text", "views", "removed")}
REMOVED_AFTER = _t("after {hours} h")

# runs that did not complete
FAILED_HEADING = _t("Runs that did not complete")
FAILED_RUN = _t("run {run} · {arm} · seed {seed} · {status}")
STATUSES = {s: _t(s) for s in ("failed", "interrupted", "running", "incomplete")}

# changes made while a stored run ran
CHANGES_HEADING = _t("Changes during the run")
CHANGES_NOTE = _t(
    "These runs were changed by hand while they ran (stored from the desktop app): the\n"
    "policy or parameters below were not in force throughout. Each change acts from the day\n"
    "given; under Policies, such a run's entry lists every policy in force and on which "
    "days.\nThe scenario below is the one the runs were set up with."
)
CHANGED_RUN = _t("run {run} · {arm} · seed {seed}")
ON_SIDE = _t("{side}: {text}")  # a side of a comparison before its arm, run or scenario

# policies, scenarios, definitions
POLICIES_HEADING = _t("Policies")
SCENARIO_HEADING = _t("Scenario")
SCENARIOS_HEADING = _t("Scenarios")
SCENARIOS_NOTE = _t(
    "As the runs were set up: the scenario as written with what each run was given\n"
    "beside it applied ({set} values or the sweep's parameters, the number of days,\n"
    "and the seed when a single seed ran it; each heading names its seeds). What was "
    'changed by\nhand while a run ran is under "Changes during the run".'
)
MEASURES_HEADING = _t("Headline measures")
UNIT = _t("unit")
MEANING = _t("meaning")
UNDEFINED_WHEN = _t("undefined when")
DEFINITIONS_HEADING = _t("Metric definitions")
METRIC = _t("metric")
MEANING_AND_DAYS = _t("{meaning} ({days})")  # an "avoided" measure's meaning and its days
# why a headline measure can be undefined, and the days an "avoided" measure counts
UNDEFINED = {measure(n).undefined: _t(measure(n).undefined) for n in HEADLINE}
AVOIDED_DAYS_TEXT = _t(AVOIDED_DAYS)

# what the sweep noted while planning (simulation.sweeps.plan)
NOTE_NO_RULES = _note(
    "policy '{ref}' has no rules and no announcements: it runs once, without the parameters"
)
NOTE_TWICE = _note(
    "policy '{ref}' was given more than once: it runs once (a second arm of the same runs "
    "would count each seed twice)"
)
NOTE_NO_PATH = _note("policy '{ref}' has no '{path}': it runs without that parameter")
NOTE_NO_ZIP = _note("policy '{ref}' lacks a zipped path: it runs without them")
NOTE_LATE = _note(
    "policy '{ref}' acts from day {day} (its first announcement or rule), after the sweep's "
    "last day (day {last}): it never acts in these runs (run more --days)"
)
NOTE_RULES_LATE = _note(
    "the rules of policy '{ref}' are in force from day {rules}, after the sweep's last day "
    "(day {last}): only its announcement acts in these runs, from day {day}"
)

# the model version stored runs were made under (simulation.model_version)
VERSION_UNRECORDED = _note("0 (stored before model versions were recorded)")
NOTE_RERUN = _note(
    "{count} stored runs of this sweep were made under model version {version}, not this "
    "one ({current}): they were run again, not reused (runs computed under other rules are "
    "never mixed)"
)
NOTE_LEFT_OUT = _note(
    "{count} stored runs made under model version {version} are left out: these results are "
    "of the runs made under model version {kept} (runs computed under other rules are never "
    "mixed; run the sweep again to recompute them)"
)
NOTE_RERUN_ONE = _note(
    "1 stored run of this sweep was made under model version {version}, not this one "
    "({current}): it was run again, not reused (runs computed under other rules are never "
    "mixed)"
)
NOTE_LEFT_OUT_ONE = _note(
    "1 stored run made under model version {version} is left out: these results are of the "
    "runs made under model version {kept} (runs computed under other rules are never mixed; "
    "run the sweep again to recompute it)"
)
NOTE_NEWER = _note(
    "these runs were made by a newer Circle Lab (model version {version}; this one is "
    "{current}): their numbers follow that version's rules, which this one does not know"
)
NOTE_VERSIONS_DIFFER = _note(
    "{a} holds runs of model version {va} and {b} runs of model version {vb}: their numbers "
    "were computed under different rules, so a difference between them may be the model's "
    "and not the policies'"
)
NOTE_OF_SIDE = _note("{side}: {note}")  # a note of one side of a comparison
NOTE_OLDER = _note(
    "these runs were made under model version {version}, not this one ({current}): their "
    "numbers follow that version's rules, and a measure counted since may be missing from "
    "them (run the sweep again to recompute them)"
)


def version_said(version: int) -> Message | str:
    """A model version as a note names it: its number, or for 0 (a run stored before
    versions were recorded) that number and why it has no other."""
    return msg(VERSION_UNRECORDED) if version == 0 else str(version)


# ------------------------------------------------------------------ the charts
DAY = _t("day")  # the x axis (the run report's word)
SHARE_OF_IMPRESSIONS = _t("share of impressions")  # a unit the registry does not list
# each band chart's title (simulation.sweeps.report.BAND_CHARTS)
REACH = _t("Reach of restricted offers in the feed (7-day mean)")
SPAM_IMPRESSIONS = _t("Spam impressions (7-day mean)")
AD_SHARE = _t("Advertising Circle index")
OFFERS = _t("Restricted-offer volume, every channel (7-day mean)")
HARM = _t("Harm: restricted units sold (7-day mean)")
WRONGFUL = _t("Wrongful bans, cumulative")
CORRECT = _t("Correct bans, cumulative")
BACKLOG = _t("Review backlog")
SELLERS = _t("Active restricted sellers")
# the "avoided" chart
AVOIDED_OFFERS = _t("restricted offers seen (feed)")
AVOIDED_HARM = _t("restricted units sold (harm)")
AVOIDED_SPAM = _t("spam seen")
AVOIDED_TITLE = _t("Harm and exposure avoided against {baseline}, same seeds")
AVOIDED_AXIS = _t("% of {baseline}'s impressions or units sold avoided (mean, 95% CI)")
AVOIDED_CAPTION = _t("Harm and exposure avoided against {baseline}")
THE_BASELINE = _t("the baseline")  # when the baseline has no one name
# the study's curve
CURVE_OFFERS = _t("restricted-offer impressions avoided")
CURVE_HARM = _t("restricted units sold avoided (harm)")
CURVE_SPAM = _t("spam impressions avoided")
CURVE_OF = _t("{series}: {key}")  # a series of one curve among several
REMOVAL_ALONE = _t("removal alone: recall × 2^(−x/{hours} h)")
CURVE_AXIS = _t("% of {baseline}'s impressions or units sold avoided")
CURVE_TITLE = _t(
    "Harm and exposure avoided against {baseline} vs. {x} (mean and 95% band across seeds)"
)
# the trade-off chart
TRADEOFF_TITLE = _t("Trade-off over {over}: exposure avoided vs. wrongful bans")
TRADEOFF_CAPTION = _t("Trade-off over {over} (one point per arm); Pareto front marked")
ONE_VARIANT = _t("one policy variant (mean and 95% band across seeds)")
PARETO = _t("Pareto front")
TRADEOFF_X = _t("wrongful bans per 10,000 accounts")
TRADEOFF_Y = _t("% of offer + spam impressions avoided")

# ------------------------------------------------------------------ do two arms differ?
HIGHER = _t(
    "{a} is significantly higher than {b} on {label}: difference {amount} ({band}; {test}, "
    "p = {p})."
)
LOWER = _t(
    "{a} is significantly lower than {b} on {label}: difference {amount} ({band}; {test}, p = {p})."
)
NO_DIFFERENCE = _t(
    "{a} and {b} do not differ significantly on {label}: difference {amount} ({band} "
    "includes 0; {test}, p = {p})."
)
HIGHER_EVERY_SEED = _t(
    "{a} is significantly higher than {b} on {label}: difference {spread} ({why})."
)
LOWER_EVERY_SEED = _t(
    "{a} is significantly lower than {b} on {label}: difference {spread} ({why})."
)
NO_DIFFERENCE_EVERY_SEED = _t(
    "{a} and {b} do not differ significantly on {label}: difference {spread} ({why})."
)
BAND = _t("{level}% CI {lo} to {hi}")
TEST_AND_P = _t("{test}, p = {p}")
NO_SMALLER_P_SEEDS = _t("; {n} seeds can give no smaller p")
NO_SMALLER_P = _t("; no smaller p is possible")
ON_EACH_SEED = _t("{amount} on each of the {n} seeds")
EACH_ARM_THE_SAME = _t("{amount}, each arm the same on each of its seeds")
SIGN_FLIP_TEST = _t("sign-flip permutation test over {n} seeds")
PAIRED_TEST = _t("paired t-test over {n} seeds")
PERMUTATION_TEST = _t("permutation test, {na} and {nb} seeds")
WELCH_TEST = _t("Welch t-test, {na} and {nb} seeds")
# a measure some seeds never reached within the run (days to halve): medians and a rank
# test with censoring (simulation.sweeps.censored), no difference
CENSORED_HIGHER = _t(
    "{a} is significantly higher than {b} on {label}: {ma} against {mb}, {halved} ({why})."
)
CENSORED_LOWER = _t(
    "{a} is significantly lower than {b} on {label}: {ma} against {mb}, {halved} ({why})."
)
CENSORED_NO_DIFFERENCE = _t(
    "{a} and {b} do not differ significantly on {label}: {ma} against {mb}, {halved} ({why})."
)
HALVED_IN_BOTH = _t("halved in {ka} of {na} and {kb} of {nb} seeds")
SIGN_TEST_CENSORED = _t("sign test over the {m} of {n} seeds whose order is known")
GEHAN_TEST = _t("Gehan rank test with censoring, {na} and {nb} seeds")
# an "avoided" measure of two arms whose policies start on different days
OWN_WINDOWS = _t(
    " Each is summed from its own policy's start, over different days: {a} {da}, {b} {db}."
)
FROM_DAY = _t("from day {day}")
FROM_DAYS = _t("from days {lo} to {hi}")
CANNOT_TELL = _t("Cannot tell whether {a} and {b} differ on {label}: {why}.")
ONE_SEED_ONLY = _t("{arm} has {n} seed (fewer than 2)")
TOO_FEW_SEEDS = _t("{arm} has {n} seeds (fewer than 2)")
UNDEFINED_FOR = _t("it is undefined for {arm} in {k} of {n} seeds ({why})")
NEVER_HALVED = _t("restricted-offer volume never halved within the run")
POLICY_AFTER_END = _t(
    "it acts from day {day} (its first announcement or rule), after the runs' last day, day {last}"
)
PERCENTAGE_POINTS = _t("percentage points")  # a difference of two shares
AMOUNT_IN_UNIT = _t("{amount} {unit}")


def unit(w: Words, english: str) -> str:
    """A unit in ``w``'s language: the registry's (context ``Units``), else one of this
    module's ("share of impressions", "percentage points")."""
    said = w.unit(english)
    return said if said != english else w(english)
