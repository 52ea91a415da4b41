"""Every message a problem in a file can carry, as an English template with named parts.

A :class:`~policy.errors.Problem` made in ``policy/`` carries a :class:`Message`: one of
the templates below and its arguments (``Message(UNKNOWN_RULE, name="r9", hint="")``).
The command line prints the English (``str(message)``, worded as the templates say);
the app translates the template (Qt context ``PolicyProblems``, the translations in
``assets/i18n``) and fills the translation with the same arguments, so a Chinese window
says in Chinese what is wrong while the user's own words (a misspelt action, a key, a
term, a file name) stay exactly as written.

Rules for a template:

- placeholders are named (``{name}``), with no conversion or format spec: a caller
  formats numbers (``f"{n:,}"``) and quotes user values (``repr(term)``) itself;
- an argument is text the file or the program supplied (never translated), a number, or
  another :class:`Message` (translated in turn): optional parts such as
  :data:`DID_YOU_MEAN` are nested messages, or ``""`` when absent;
- names of keys and actions (``action``, ``terms_from``, ``restrict``) are YAML keywords
  and stay as written in every language; so does pydantic's class name in ``model_type``.

Every template is listed in :data:`TEMPLATES` (``python -m app.i18n`` hands them to
lupdate), and a :class:`Message` can only be made from one of them. Other files' problems
are worded the same way by templates registered under their own translation context
with :func:`register` (``policy.corpus_messages``: a corpus's; ``simulation.messages``:
a scenario's and a lesson's); :func:`registered` lists them all, :func:`context_of`
names a template's context.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

CONTEXT = "PolicyProblems"  # the Qt translation context of the templates
_REGISTERED: dict[str, str] = {}  # template -> its context, in the order registered


def register(template: str, context: str) -> str:
    """Register ``template`` (a module-level constant) under the translation ``context``
    of its module's messages; a :class:`Message` can then be made from it. One text is
    the template of one context only (a module reuses another's template instead)."""
    known = _REGISTERED.setdefault(template, context)
    if known != context:
        raise ValueError(f"{template!r} is already a template of {known}")
    return template


def _t(template: str) -> str:
    """Register ``template`` (a module-level constant) in :data:`TEMPLATES`."""
    return register(template, CONTEXT)


def registered() -> list[tuple[str, str]]:
    """(context, template) of every template registered so far, in order."""
    return [(context, template) for template, context in _REGISTERED.items()]


def context_of(template: str) -> str:
    """The translation context of a registered template."""
    return _REGISTERED[template]


@dataclass(frozen=True)
class Message:
    """A template of this module and its arguments; ``str()`` gives the English."""

    template: str
    args: tuple[tuple[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.template not in _REGISTERED:
            raise ValueError(f"not a template of policy.messages: {self.template!r}")
        wanted, given = placeholders(self.template), {name for name, _v in self.args}
        if wanted != given:
            raise ValueError(f"{self.template!r} takes {sorted(wanted)}, not {sorted(given)}")

    @property
    def kwargs(self) -> dict[str, Any]:
        return dict(self.args)

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        """The message in words: each template passed through ``translate`` (the English
        when None), nested messages first. A translation that does not fill (a broken
        placeholder) gives the English template instead."""
        values = {
            name: value.render(translate) if isinstance(value, Message) else value
            for name, value in self.args
        }
        template = translate(self.template) if translate is not None else self.template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)

    def replace(self, **args: Any) -> Message:
        """The same message with some arguments replaced."""
        return Message(self.template, tuple({**dict(self.args), **args}.items()))

    def __str__(self) -> str:
        return self.render()


def msg(template: str, **args: Any) -> Message:
    """``Message(template, args)``: the way problems are worded in ``policy/``."""
    return Message(template, tuple(args.items()))


class MessageError(ValueError):
    """A ``ValueError`` worded by a :class:`Message` (a validator, a table, a pattern);
    its ``str`` is the English; a problem shows its message alone, without pydantic's
    ``Value error, `` in front (``policy.yamlfile.validation_problems``)."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def placeholders(template: str) -> set[str]:
    """The names of the ``{placeholders}`` of ``template`` (``{{`` and ``}}`` are text)."""
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def did_you_mean(word: str, choices: Iterable[str]) -> Message | str:
    """:data:`DID_YOU_MEAN` with the closest choice, or ``""`` when none is close."""
    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=0.6)
    return msg(DID_YOU_MEAN, choice=close[0]) if close else ""


def one_of(choices: Iterable[str]) -> Message | str:
    """:data:`EXPECTED_ONE_OF` listing ``choices``, or ``""`` when there are none."""
    names = ", ".join(choices)
    return msg(EXPECTED_ONE_OF, choices=names) if names else ""


# -- parts of other messages ------------------------------------------------------------

DID_YOU_MEAN = _t(" (did you mean '{choice}'?)")
EXPECTED_ONE_OF = _t("; expected one of: {choices}")
OR_LIST = _t("{items} or {last}")  # pydantic's list of allowed values: 'a', 'b' or 'c'

# -- finding and reading a file (policy.loader, policy.yamlfile) -------------------------

NO_SUCH_POLICY = _t("no such policy file or preset{hint}")
CANNOT_READ = _t("cannot read: {reason}")
UTF16 = _t("UTF-16 text; save the file as UTF-8")
FILE_TOO_LARGE = _t(
    "the file is larger than {size}, the limit for a file a person writes "
    "(it passes the limit on this line)"
)
NOT_UTF8 = _t(
    "not UTF-8 text (byte {bytes} at offset {offset}): a binary file, or text in another "
    "encoding; save it as UTF-8"
)
NOT_UTF8_BYTES = _t(
    "not UTF-8 text (bytes {bytes} at offset {offset}): a binary file, or text in another "
    "encoding; save it as UTF-8"
)
NOT_UTF8_MORE_PLACE = _t(
    "not UTF-8 text here and at {count} more place after it ({listed} listed before); "
    "save the file as UTF-8"
)
NOT_UTF8_MORE_PLACES = _t(
    "not UTF-8 text here and at {count} more places after it ({listed} listed before); "
    "save the file as UTF-8"
)
TEXT_TOO_LONG = _t(
    "the text is longer than {size}, the limit for a file a person writes "
    "(it passes the limit on this line)"
)
CONTROL_CHARACTER = _t("binary data: control character U+{code} (a YAML file is text)")
LINE_TOO_LONG = _t("line {line} is {length} characters long; lines may be at most {limit}")

# -- parsing YAML (policy.yamlfile) ------------------------------------------------------

TOO_MANY_VALUES = _t(
    "{what}: the document would hold more than {limit} values with its aliases expanded "
    "(an alias bomb?)"
)
VALUES_OVER = _t("too many values")
ALIAS_EXPANDS = _t("alias *{name} expands to {size} values")
TOO_DEEP = _t("nested deeper than {limit} levels (no file a person writes needs that many)")
SECOND_DOCUMENT = _t("a file holds one YAML document; a second one starts here")
TAG_NOT_ALLOWED = _t("YAML tag {tag} is not allowed (nothing in a file runs)")
NOT_A_VALID = _t("{value} is not a valid {kind}")
KEYS_PLAIN_TEXT = _t("keys must be plain text")
DUPLICATE_KEY = _t("duplicate key (the same key given twice)")
ALIAS_INSIDE_ITSELF = _t("alias *{name} refers to the value it is inside")
UNKNOWN_ALIAS = _t("unknown alias *{name} (no anchor &{name} before it)")
MERGE_MAPPINGS_ONLY = _t("'<<' merges mappings only")
INVALID_YAML = _t("invalid YAML: {problem}")
INVALID_YAML_TAB = _t("invalid YAML: {problem} (a tab: YAML indents with spaces)")
NOT_CLOSED = _t("invalid YAML: {what} opened here is not closed ({problem}{found})")
ON_LINE = _t(" on line {line}")
FLOW_NOT_CLOSED = _t("invalid YAML: the flow collection opened here is not closed ({problem})")
EMPTY_FILE = _t("the file is empty; expected a mapping of keys")
NOT_A_MAPPING = _t("expected a mapping of keys, found {found}")
FOUND_A_LIST = _t("a list")
FOUND_THE_VALUE = _t("the value {value}")

# what was opened and not closed, as libyaml's context names it ("while parsing a flow
# mapping" → "the flow mapping")
OPENED = {
    "the flow mapping": _t("the flow mapping"),
    "the flow sequence": _t("the flow sequence"),
    "the flow node": _t("the flow node"),
    "the quoted string": _t("the quoted string"),
}

# libyaml's own descriptions of a syntax error (its scanner and parser), which
# :data:`INVALID_YAML` and :data:`NOT_CLOSED` quote. A description not listed here (the
# pure-Python parser words some differently) is quoted as it is, in English.
YAML_PROBLEMS = {
    text: _t(text.replace("{", "{{").replace("}", "}}"))  # a brace is text, not a placeholder
    for text in (
        "mapping values are not allowed in this context",
        "mapping keys are not allowed in this context",
        "block sequence entries are not allowed in this context",
        "could not find expected ':'",
        "did not find expected key",
        "did not find expected node content",
        "did not find expected '-' indicator",
        "did not find expected ',' or ']'",
        "did not find expected ',' or '}'",
        "did not find expected <document start>",
        "did not find expected alphabetic or numeric character",
        "did not find expected comment or line break",
        "did not find expected whitespace or line break",
        "did not find expected hexdecimal number",
        "did not find expected '!'",
        "did not find expected tag URI",
        "did not find URI escaped octet",
        "did not find expected whitespace",
        "could not find expected directive name",
        "found unknown directive name",
        "did not find expected version number",
        "did not find expected digit or '.' character",
        "did not find the expected '>'",
        "found character that cannot start any token",
        "found unexpected end of stream",
        "found unexpected ':'",
        "found unexpected document indicator",
        "found a tab character that violates indentation",
        "found a tab character where an indentation space is expected",
        "found unknown escape character",
        "found invalid Unicode character escape code",
        "found an indentation indicator equal to 0",
        "found an incorrect leading UTF-8 octet",
        "found an incorrect trailing UTF-8 octet",
        "found undefined tag handle",
        "found duplicate %YAML directive",
        "found duplicate %TAG directive",
        "found incompatible YAML document",
        "found extremely long version number",
        "found unexpected non-alphabetical character",
        "control characters are not allowed",
    )
}


def yaml_problem(text: str) -> Message | str:
    """libyaml's description of a syntax error as a message, or as it is if not listed."""
    template = YAML_PROBLEMS.get(text)
    return msg(template) if template is not None else text


# -- validating against a model (policy.yamlfile.validation_problems) --------------------

UNKNOWN_KEY = _t("unknown key '{key}'{hint}{expected}")
MISSING_KEY = _t("missing required key '{key}'")
UNKNOWN_TAG = _t("unknown {name} '{tag}'{hint}{expected}")
TAG_NEEDED = _t("a '{name}' is needed{expected}")
GOT = _t("{message}, got {value}")
AT_MOST = _t("at most {limit}: {reason}")  # policy.yamlfile.at_most (pydantic: engine_range)
# a validator's ValueError as pydantic words it; a problem shows the error alone
# (validation_problems), so this reads only where the error itself is not at hand
VALUE_ERROR = _t("Value error, {error}")
PYDANTIC_OTHER = _t("{message}")  # an error type not listed below: pydantic's English
# a validator's error placed inside its value (policy.yamlfile.errors_at) worded as plain
# text (the simulation's models): shown as written
AS_WRITTEN = _t("{text}")

# What pydantic says for each error type a project model can raise, as pydantic words it
# (pydantic_core's message templates); :func:`pydantic_message` matches pydantic's text
# against them, so the English stays pydantic's exactly. The types come from the field
# types and constraints used: str, int, float (finite), bool, Literal, list, dict, tuple,
# nested models, min/max lengths, ge/gt/le/lt bounds and the validators' ValueErrors.
PYDANTIC = {
    "bool_parsing": (_t("Input should be a valid boolean, unable to interpret input"),),
    "bool_type": (_t("Input should be a valid boolean"),),
    "dict_type": (_t("Input should be a valid dictionary"),),
    "engine_range": (AT_MOST,),
    "finite_number": (_t("Input should be a finite number"),),
    "float_parsing": (_t("Input should be a valid number, unable to parse string as a number"),),
    "float_type": (_t("Input should be a valid number"),),
    "greater_than": (_t("Input should be greater than {gt}"),),
    "greater_than_equal": (_t("Input should be greater than or equal to {ge}"),),
    "less_than": (_t("Input should be less than {lt}"),),
    "less_than_equal": (_t("Input should be less than or equal to {le}"),),
    "int_from_float": (_t("Input should be a valid integer, got a number with a fractional part"),),
    "int_parsing": (_t("Input should be a valid integer, unable to parse string as an integer"),),
    "int_parsing_size": (_t("Unable to parse input string as an integer, exceeded maximum size"),),
    "int_type": (_t("Input should be a valid integer"),),
    "invalid_key": (_t("Keys should be strings"),),
    "list_type": (_t("Input should be a valid list"),),
    "tuple_type": (_t("Input should be a valid tuple"),),
    "literal_error": (_t("Input should be {expected}"),),
    "model_type": (_t("Input should be a valid dictionary or instance of {class_name}"),),
    "model_attributes_type": (
        _t("Input should be a valid dictionary or object to extract fields from"),
    ),
    "string_type": (_t("Input should be a valid string"),),
    "string_too_short": (
        _t("String should have at least {min_length} character"),
        _t("String should have at least {min_length} characters"),
    ),
    "string_too_long": (
        _t("String should have at most {max_length} character"),
        _t("String should have at most {max_length} characters"),
    ),
    "too_short": (
        _t(
            "{field_type} should have at least {min_length} item after validation, "
            "not {actual_length}"
        ),
        _t(
            "{field_type} should have at least {min_length} items after validation, "
            "not {actual_length}"
        ),
    ),
    "too_long": (
        _t(
            "{field_type} should have at most {max_length} item after validation, "
            "not {actual_length}"
        ),
        _t(
            "{field_type} should have at most {max_length} items after validation, "
            "not {actual_length}"
        ),
    ),
    "value_error": (VALUE_ERROR,),
}
# what ``{field_type}`` of too_short / too_long names
FIELD_TYPES = {name: _t(name) for name in ("List", "Dictionary", "Tuple", "Set")}


def _pattern(template: str) -> re.Pattern[str]:
    parts = []
    for text, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(re.escape(text))
        if name:
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.S)


_PATTERNS = {kind: [(t, _pattern(t)) for t in ts] for kind, ts in PYDANTIC.items()}


def pydantic_message(kind: str, text: str, ctx: dict[str, Any] | None = None) -> Message:
    """Pydantic's error ``text`` of type ``kind`` as a message of this module that reads
    exactly as ``text`` in English; :data:`PYDANTIC_OTHER` (pydantic's English as it is)
    for a type or wording not listed. ``ctx`` is the error's context: a validator's
    :class:`MessageError` (``ctx["error"]``) and a :class:`Message` given to
    ``at_most`` (``ctx["reason"]``) become nested messages."""
    ctx = ctx or {}
    for template, pattern in _PATTERNS.get(kind, ()):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        args: dict[str, Any] = dict(found.groupdict())
        for name, value in args.items():
            given = ctx.get(name)
            if isinstance(given, MessageError) and str(given) == value:
                args[name] = given.message
            elif isinstance(given, Message) and str(given) == value:
                args[name] = given
            elif name == "expected":
                args[name] = _or_list(value)
            elif name == "field_type" and value in FIELD_TYPES:
                args[name] = msg(FIELD_TYPES[value])
        message = Message(template, tuple(args.items()))
        if str(message) == text:
            return message
    for given in ctx.values():  # a custom error worded by a message ("{why}")
        if isinstance(given, Message) and str(given) == text:
            return given
    return msg(PYDANTIC_OTHER, message=text)


def _or_list(expected: str) -> Message | str:
    """pydantic's ``'a', 'b' or 'c'`` with its ``or`` a translatable part."""
    items, sep, last = expected.rpartition(" or ")
    return msg(OR_LIST, items=items, last=last) if sep else expected


# -- the schema's validators (policy.schema) and ranges (policy.ranges) ------------------

RESTRICT_NEEDS_DAYS = _t("a restrict step needs 'days'")
LADDER_NOT_UP = _t(
    "the ladder's steps must go up in strikes: step {step} ({action} at {at}) follows step "
    "{previous} ({previous_action} at {previous_at}); write each step at more strikes than "
    "the one before"
)
DAYS_WHY = _t("days are kept in 32-bit columns and no run covers more than 100 years")
COUNT_WHY = _t("counts are kept in 32-bit columns")
STRIKES_WHY = _t("strikes are summed over a window; a million already bans anyone")
SEED_WHY = _t("a seed is a 64-bit integer")

# -- compiling a policy (policy.compiler, policy.conditions, policy.tables, …) -----------

NO_CATALOGUE_FILE = _t("no catalogue file at {path}")
TOO_MANY_CATEGORIES = _t("at most 63 categories are supported")
UNKNOWN_CATEGORY_KNOWN = _t("unknown category '{name}'{hint}; known: {known}")
UNKNOWN_CATEGORY = _t("unknown category '{name}'{hint}")
UNKNOWN_STEP = _t("unknown normalisation step '{step}'{hint}{expected}")
DUPLICATE_RULE = _t("duplicate rule name (rule {index} has the same name)")
RE2_REJECTS = _t("RE2 rejects the pattern: {reason}")
NO_CATALOGUE_FOR_TERMS = _t(
    "terms come from the catalogue but no catalogue was found "
    "(assets/catalogue.yaml or 'catalogue:')"
)
CATEGORIES_NEED_CATALOGUE = _t(
    "'categories' selects catalogue terms; add 'terms_from: catalogue' or list 'terms' per category"
)
KEYWORDS_NEED_TERMS = _t("a keywords detector needs terms ('terms', 'terms_from' or 'terms_file')")
NO_TABLE_FOR_LOCALE = _t("no normalisation table for locale {locale} in {folder}")
ALLOW_GIVES_NO_STRIKES = _t("an 'allow' rule cannot give strikes")
START_DAY_GIVEN = _t(
    "a start day ({day}) was given when loading (--start-day), but this policy has a "
    "schedule, whose phases say from which day each rule is in force; change the phases' "
    "from_day instead"
)
START_DAY_AND_SCHEDULE = _t(
    "start_day and a schedule both say when rules are in force, and the schedule would win; "
    "give the first phase's from_day instead (start_day is the shorthand for a policy "
    "without a schedule)"
)
PHASES_IN_ORDER = _t("phases must be in increasing day order")
UNKNOWN_RULE = _t("unknown rule '{name}'{hint}")

# conditions (policy.conditions)
CONDITION_SHAPE = _t(
    "expected a mapping with exactly one key: all, any, not, hit or a signal ({signals})"
)
NEEDS_CONDITIONS = _t("'{key}' expects a non-empty list of conditions")
UNKNOWN_CONDITION = _t("unknown condition '{key}'{hint}")
HIT_SHAPE = _t("'hit' expects a detector name or {{detector, categories, count}}")
UNKNOWN_DETECTOR = _t("unknown detector '{name}'{hint}{defined}")
DEFINED = _t("; defined: {names}")
NO_DETECTORS = _t("; the policy defines no detectors")
NO_COMPARISON = _t("expected at least one comparison (lt, le, gt, ge, eq, ne)")
IN_TAKES_NAMES = _t("'in' takes a list of names (enum signals only)")
UNKNOWN_OPERATOR = _t("unknown operator '{op}'{hint}")
ENUM_OPERATORS = _t("'{name}' supports eq, ne and in only")
COMPARES_WITH_BOOL = _t("'{name}' compares with true or false")
COMPARES_WITH_NUMBER = _t("'{name}' compares with a number, got {value}")
ENUM_VALUE = _t("'{name}' is one of {choices}, got {value}{hint}")

# a policy's normalisation tables (policy.tables)
TABLE_SHAPE = _t("a table is a mapping with {sections}")
TABLE_UNKNOWN_KEYS = _t("unknown key(s) {keys}; expected script, {sections}")
TABLE_SCRIPT_MISSING = _t("missing; one of {scripts}")
TABLE_SCRIPT_BAD = _t("must be one of {scripts}, got {value}")
TABLE_SECTION_SHAPE = _t("must be a mapping of strings to strings")
TABLE_STRINGS = _t("keys and values must be strings")
TABLE_LEETSPEAK = _t(
    "a spelling is one character that is not a letter (4, @, !), standing for one letter"
)

# term files (policy.termfile)
TERMS_NOT_UTF8 = _t("not UTF-8 (byte 0x{byte})")
CANNOT_READ_TERMS = _t("cannot read terms file {path}: {reason}")
NO_TERMS = _t("terms file {path} has no terms")

# the catalogue (policy.catalogue)
CATEGORIES_SHAPE = _t("categories must be a mapping or a list")
CATEGORY_SHAPE = _t("a category is a mapping with a name and terms")
TERMS_SHAPE = _t("terms map a locale to a list of words")
WORDS_EXPECTED = _t("expected a list of words")

# -- lint warnings (policy.lint, policy.lint_terms) --------------------------------------

NEVER_IN_FORCE = _t("rule '{rule}' is unreachable: the schedule never puts it in force")
EMPTY_SCOPE = _t("rule '{rule}' is unreachable: its scope is empty")
NOT_SCANNED = _t(
    "rule '{rule}' is unreachable: it reads only new posts in {channels}, which the policy "
    "does not scan (scan: {scanned}); add them to scan, or the report stage to its scope"
)
NEVER_REPORTED = _t("rule '{rule}' is unreachable: its detectors never report {categories}")
MATCHES_EVERY_POST = _t(
    "rule '{rule}' is unreachable: rule '{earlier}' before it matches every post"
)
SHADOWED = _t(
    "rule '{rule}' is shadowed by earlier rule '{earlier}': every post it matches is "
    "decided there first"
)
IDLE_FOR_REGEX = _t(
    "step(s) {steps} only add spellings to keyword terms: they do nothing for a regex detector"
)
SEVERAL_CATEGORIES = _t(
    "term {term} (normalised {normalised}) is in several categories: {categories}"
)
IN_OTHER_DETECTOR = _t("term {term} is also in detector '{detector}' under another category")
UNUSED_DETECTOR = _t("detector '{detector}' is not used by any rule")
NOTHING_REVIEWS = _t(
    "rule '{rule}' sends posts to review, but nothing reviews them: the policy has no "
    "enforcement.review section, so the posts stay up as if allowed{strikes}; add "
    "enforcement.review (capacity_per_day: how many posts reviewers decide a day) or "
    "choose another action"
)
NO_REVIEW_STRIKES = _t(" and its strikes, given when a reviewer confirms, are never given")
FOR_ANOTHER_ACTION = _t(
    "'{key}' has no effect with action {action}: it only acts for action {owner}"
)
DAYS_FOR_RESTRICT = _t(
    "'days' has no effect on a {action} step: it only acts for a restrict step (how many "
    "days the account is restricted)"
)
CATALOGUE_TERM = _t("{term} (catalogue, {category})")  # a term the catalogue supplied
NORMALISES_TO_NOTHING = _t("term {term} normalises to nothing and can never match")
IS_AN_EXCEPTION = _t("term {term} is one of the detector's exceptions: it never counts")
IS_AN_EXCEPTION_SPELT = _t(
    "term {term} is one of the detector's exceptions: written as itself it never counts, "
    "but the detector still matches other spellings of it ({spellings}); list the innocent "
    "ones under 'exceptions' too, or remove the term"
)
TOO_SHORT = _t(
    "term {term} normalises to {normalised}, shorter than {minimum} letters (a hanzi counts "
    "as two): it fires on a great deal of innocent text"
)
WORD_EDGE = _t(
    "term {term} begins or ends with a non-word character: in word mode it can never match"
)
INSIDE_ENGLISH_WORDS = _t(
    "term {term} is inside {count} common English word(s) ({words}): it fires on them; "
    "use mode: word or list 'exceptions'"
)
INSIDE_CHINESE_WORDS = _t(
    "term {term} is inside {count} common Chinese word(s) ({words}): it fires on them; "
    "list the innocent ones under 'exceptions'"
)
EVERYDAY_ENGLISH_WORD = _t(
    "term {term} is an everyday English word (one of the {count} most frequent) and a "
    "single hit of it makes rule '{rule}' {action}: every post using it in its everyday "
    "sense does too; require a second condition (all: ...) or measure it on innocent text "
    "with circlelab policy evaluate --corpus"
)
FROM_ABBREVIATION = _t("abbreviation {key} = {value}, table {table}, step abbreviations")
FROM_PINYIN = _t("pinyin {reading}, step pinyin")
SPELLING_TOO_SHORT = _t(
    "term {term} is also matched as {spelling} ({source}), which normalises to {normalised}, "
    "shorter than {minimum} letters: it fires on a great deal of innocent text"
)
SPELLING_EVERYDAY = _t(
    "term {term} is also matched as {spelling} ({source}), an everyday English word (one of "
    "the {count} most frequent), and a single hit of it makes rule '{rule}' {action}: every "
    "post using the word in its everyday sense does too"
)
EVERYDAY_ENGLISH_PHRASE = _t(
    "term {term} is made of everyday English words ({words}; each one of the {count} most "
    "frequent) and a single hit of it makes rule '{rule}' {action}: every post that uses "
    "these words together in their everyday sense does too; require a second condition "
    "(all: ...) or measure it on innocent text with circlelab policy evaluate --corpus"
)
ACROSS_CHINESE_WORDS = _t(
    "term {term} is held across the boundary of two words side by side ({pairs}): by word "
    "frequency such pairs are written about {share} times as often as the term itself, and "
    "it fires on them; list the innocent ones under 'exceptions'"
)
SOUND_ALIKE_WORDS = _t(
    "the pinyin step reads hanzi that sound like {terms} of the terms and are two common "
    "Chinese words as those terms ({examples}): each fires where no longer word explains "
    "it; list the innocent ones under 'exceptions'"
)
EVERYDAY_CHINESE_WORD = _t(
    "term {term} is an everyday Chinese word (one of the {count} most frequent) and a "
    "single hit of it makes rule '{rule}' {action}: every post using it in its everyday "
    "sense does too; require a second condition (all: ...) or measure it on innocent text "
    "with circlelab policy evaluate --corpus"
)

# every template of a policy's problems, in the order above
TEMPLATES: tuple[str, ...] = tuple(t for t, c in _REGISTERED.items() if c == CONTEXT)
