"""The normaliser written plainly: each step in its documented order, character by
character, with no table, no shortcut and no pre-check. Slow on purpose; the tests hold
``policy.normalize.Normalizer`` (its fast path and its mapped path) equal to it.

What it shares with the normaliser is the definition of the steps, not their speed-ups:
the tables (emoji, leetspeak spellings), one character under the per-character steps
(``policy.chars.char_folder``), what a separator is (``policy.chars.is_separator``) and the
traditional step's OpenCC conversion (``_to_simplified``)."""

from __future__ import annotations

import re

from policy.chars import CHAR_STEPS, char_folder, is_han, is_separator
from policy.normalize import (
    _HAN_DIGITS,
    _NUMERAL_TABLE,
    MIN_NUMERAL_RUN,
    READINGS,
    STEPS,
    Normalizer,
    _to_simplified,
)
from policy.tables import NormalizationTables, load_tables

LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
DIGITS = frozenset("0123456789")


def reference_normalize(
    steps: list[str] | tuple[str, ...], text: str, tables: NormalizationTables | None = None
) -> str:
    """``Normalizer(steps, tables)(text)``, step by step."""
    tables = tables if tables is not None else load_tables()
    on = set(steps)
    s = text
    if "emoji" in on and not s.isascii():  # the step reads emoji, so never ASCII text
        s = reference_emoji(s, dict(tables.emoji), dict(tables.emoji_cjk))
    char_steps = tuple(x for x in CHAR_STEPS if x in on)
    if char_steps:
        fold = char_folder(char_steps)
        s = "".join(fold(c) for c in s)
    readings = [s]
    if "leetspeak" in on:
        leet = Normalizer([x for x in STEPS if x in on], tables)._leet
        read, alt = reference_leet(leet, s)
        readings = [read] if alt is None else [read, alt]
    out = []
    for r in readings:
        if "separators" in on:
            r = "".join(c for c in r if not is_separator(c))
        if "traditional" in on:
            r = _to_simplified(r)
        if "numerals" in on:
            r = reference_numeral_runs(r)
        if "repeats" in on:
            r = reference_repeats(r)
        out.append(r)
    return READINGS.join(out)


def reference_emoji(s: str, latin: dict[str, str], cjk: dict[str, str]) -> str:
    """Left to right, the longest emoji of the tables (each of its characters may be
    followed by U+FE0F) becomes its word: the hanzi table's when a hanzi touches it in
    the text as written, else the Latin table's."""
    keys = sorted(set(latin) | set(cjk), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(s):
        for key in keys:
            j = i
            for c in key:
                if j < len(s) and s[j] == c:
                    j += 1
                    if j < len(s) and s[j] == "\ufe0f":
                        j += 1
                else:
                    break
            else:
                near_han = (i > 0 and is_han(s[i - 1])) or (j < len(s) and is_han(s[j]))
                out.append((cjk if near_han else latin)[key])
                i = j
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def reference_leet(leet, s: str) -> tuple[str, str | None]:
    """The leetspeak step: digit runs found one by one, the word around each found
    character by character; (letters reading, reading with the symbols left or None)."""
    word = LETTERS | DIGITS | leet.symbols
    out = list(s)
    changed = False
    if leet.has_digits:
        for m in re.finditer("[0-9]+", s):
            a, b = m.span()
            if b - a > 2 or not ((a and s[a - 1] in LETTERS) or (b < len(s) and s[b] in LETTERS)):
                continue
            w0, w1 = a, b
            while w0 and s[w0 - 1] in word:
                w0 -= 1
            while w1 < len(s) and s[w1] in word:
                w1 += 1
            tok = s[w0:w1]
            n_letters = sum(c.isalpha() for c in tok)
            if n_letters < 2 or sum(c.isdigit() for c in tok) > n_letters:
                continue
            for p in range(a, b):
                out[p] = leet.table.get(s[p], s[p])
            changed = True
    alt = None
    between = [
        i
        for i in range(1, len(s) - 1)
        if s[i] in leet.symbols and s[i - 1] in LETTERS and s[i + 1] in LETTERS
    ]
    if between:
        alt = "".join(out)
        for i in between:
            out[i] = leet.table[s[i]]
        changed = True
    return ("".join(out) if changed else s), alt


def reference_numeral_runs(s: str) -> str:
    """Each maximal run of digits and hanzi numerals (joined by spaces, hyphens, dots or
    middle dots) of at least five characters, with a hanzi numeral and five changes of
    digit, becomes ASCII digits."""
    numeral = set(_HAN_DIGITS) | DIGITS
    joiner = set(" -.·")
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] not in numeral:
            out.append(s[i])
            i += 1
            continue
        end = j = i + 1  # the run: numerals joined by joiners; it ends on a numeral
        while j < len(s) and (s[j] in numeral or s[j] in joiner):
            if s[j] in numeral:
                end = j + 1
            j += 1
        run = s[i:end]
        digits = [c for c in run.translate(_NUMERAL_TABLE) if c.isdigit()]
        changes = sum(1 for k, c in enumerate(digits) if k == 0 or c != digits[k - 1])
        convert = (
            len(run) >= MIN_NUMERAL_RUN
            and any(c in _HAN_DIGITS for c in run)
            and changes >= MIN_NUMERAL_RUN
        )
        out.append(run.translate(_NUMERAL_TABLE) if convert else run)
        i = end
    return "".join(out)


def reference_repeats(s: str) -> str:
    """A run of one repeated character (not an ASCII digit) -> that character once."""
    out: list[str] = []
    for c in s:
        if out and c == out[-1] and c not in DIGITS:
            continue
        out.append(c)
    return "".join(out)
