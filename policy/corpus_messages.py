"""Every message a problem in a labelled corpus can carry (:mod:`policy.corpus`), as an
English template with named parts, under the translation context ``CorpusProblems``.

The rules of :mod:`policy.messages` hold: placeholders are named and unformatted (the
caller writes ``f"{n:,}"``, ``repr(label)``), an argument is text the file or a library
supplied (a column's name, a label, the csv or json module's own description), a number,
or a nested :class:`~policy.messages.Message`. The command line prints the English
(``str``); the app translates each template and fills it with the same arguments. The
place of a problem (``file, row 3 (line 4), column 'text'``) is worded by the templates of
its parts (:data:`ROW`, :data:`ON_LINE`, …), so it is translated too.
"""

from __future__ import annotations

from policy.messages import register

CONTEXT = "CorpusProblems"


def _t(template: str) -> str:
    return register(template, CONTEXT)


# -- where a problem is (policy.corpus.CorpusError) ---------------------------------------
HEADER = _t("header")
ROW = _t("row {row}")
ON_LINE = _t(" (line {line})")
LINE = _t("line {line}")
COLUMN = _t("column '{column}'")

# -- the file --------------------------------------------------------------------------
UNKNOWN_FORMAT = _t("unknown corpus format; use .tsv, .csv, .jsonl or .parquet")
NO_SUCH_FILE = _t("no such file")
EMPTY = _t("the file is empty (expected a header naming the columns)")
ONLY_BLANK = _t("the file is only {count} blank lines (expected a header naming the columns)")
EMPTY_JSONL = _t("the file is empty (expected one JSON object per line)")
ONLY_BLANK_JSONL = _t("the file is only {count} blank lines (expected one JSON object per line)")
NO_MESSAGES = _t("no messages (the file has a header but no rows)")
NOT_PARQUET = _t("not a readable Parquet file: {reason}")

# -- its columns and labels --------------------------------------------------------------
NO_TEXT_COLUMN = _t("no text column {wanted}{hint}; the columns are {columns}")
NO_LABEL_COLUMN = _t("no label column {wanted}{hint}; the columns are {columns}")
# {option}: how to say it where the corpus was read: "--text-column", "--map hma=TARGET" on
# the command line; the app names its own fields instead (app/corpus_panel.py)
WHICH_TEXT_COLUMN = _t(
    "cannot tell which column is the text; the columns are {columns} (name it with {option})"
)
WHICH_LABEL_COLUMN = _t(
    "cannot tell which column is the label; the columns are {columns} (name it with {option})"
)
# a column the corpus is read by (its text or its label) named twice in the header
DUPLICATE_COLUMN = _t(
    "the header names {column} more than once (fields {fields}): which one to read is not "
    "clear; rename all but one"
)
UNKNOWN_LABEL = _t("unknown label {label}{hint}; the map knows {known} (add {option})")
# the command line's option for one pair of the label map ("--map hma=TARGET"), worded
# by its arguments (the same in every language); the app reads the label and target out
# of it to name its Map field instead
MAP_OPTION = _t("{flag} {label}={target}")
LABEL_EMPTY = _t(" (the label is empty)")
KNOWS_NOTHING = _t("nothing")

# -- its rows --------------------------------------------------------------------------
CANNOT_PARSE = _t("cannot parse: {reason}")
# a CSV field whose opening quote nothing closes: the rest of the file would be one message
QUOTE_NEVER_CLOSED = _t(
    "quoted field never closed: its opening quote is character {at} of the line and no "
    'quote closes it before the end of the file (a quote inside a quoted field is written "")'
)
TEXT_AFTER_QUOTE = _t(
    "text after the closing quote of a quoted field, at character {at} of the line (a quote "
    'inside a quoted field is written "", and a field that holds quotes is quoted as a whole)'
)
TOO_MANY_FIELDS_TSV = _t("expected {expected} fields, found {found} (a tab inside a message?)")
TOO_MANY_FIELDS_CSV = _t("expected {expected} fields, found {found} (a comma outside quotes?)")
TOO_FEW_FIELDS_TSV = _t(
    "expected {expected} fields, found {found}: no value for {column} (a tab missing?)"
)
TOO_FEW_FIELDS_CSV = _t(
    "expected {expected} fields, found {found}: no value for {column} (a comma missing?)"
)
NOT_UTF8_AT = _t(
    "not valid UTF-8 (byte 0x{byte}, character {at} of the line); re-save the file as UTF-8"
)
NOT_UTF8 = _t("not valid UTF-8")
EXPECTED_TEXT = _t("expected text, found {found}")
FOUND_NULL = _t("no value (null)")
FOUND_LIST = _t("a list (JSON array)")
FOUND_MAP = _t("a map (JSON object)")
NOT_JSON = _t("not a JSON object: {reason} at character {at}")
JSON_OBJECT_EACH = _t("each line must be a JSON object")
MISSING_FIELD = _t("missing field {field}")
DUPLICATE_FIELD = _t(
    "the field {field} is given more than once in this object: which one to read is not clear"
)

# -- the label map (--map, the corpus panel's Map field) ---------------------------------
MAP_PAIRS = _t("--map expects LABEL=TARGET pairs separated by commas, got {part}")
MAP_TARGET = _t("--map {label}={target}: unknown target {given}; use one of {targets}")
# a LABEL of the map that no message has (a typo for one it has): {option} is how the
# map was given ("--map hma=spam"; the app names its Map field), {labels} what the file has
MAP_LABEL_ABSENT = _t(
    "no message has the label {label} of {option}{hint}; the file's labels are {labels}"
)
