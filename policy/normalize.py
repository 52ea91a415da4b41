"""Text normalisation for keyword detectors: undo the disguises people use.

Each step undoes one kind of disguise, so a policy designer can switch steps on one at a
time and watch recall (and false positives) move. Steps always run in this order:

- ``emoji``: an emoji listed in the tables -> its word (电子🚬 -> 电子烟, e-🚬 -> e-cigarette);
  other emoji are left for ``separators`` (they are skipped, never renamed).
- ``nfkc``: Unicode NFKC, character by character (fullwidth ＶＡＰＥ, ligatures, circled
  and mathematical letters, circled digits).
- ``casefold``: ``str.casefold``.
- ``confusables``: Cyrillic/Greek/... look-alikes -> Latin (``vаpe`` with a Cyrillic а).
- ``letterforms``: small capitals, regional indicators, negative circled/squared and
  modifier letters -> the letter they show (``ᴠᴀᴘᴇ``, ``🇻🇦🇵🇪``, ``🅥🅐🅟🅔``).
- ``diacritics``: accents and combining marks dropped (``vāpē``, ``v̶a̶p̶e̶``).
- ``invisible``: every default-ignorable and filler character dropped (zero-width,
  U+034F, variation selectors, Hangul fillers U+3164/U+115F/U+1160/U+FFA0, ...).
- ``leetspeak``: inside a Latin word, the tables' spellings -> letters (``v@pe``,
  ``c!alis``, ``nic0tine``), word by word, before ``separators`` joins the words. A symbol
  between letters is read both ways, as a letter and as a separator (``va!pe``): the
  normalised text then holds both readings, joined by ``\\x00``, which no term contains.
- ``separators``: every character that is neither a letter nor a digit is skipped:
  spaces, punctuation, every symbol (emoji included), modifier letters such as ``ˉ``,
  controls, marks. After it the text is one compact string (``电★子★烟`` -> 电子烟).
- ``traditional``: traditional hanzi -> simplified (OpenCC ``t2s``: 電子煙 -> 电子烟).
- ``numerals``: digits of any style -> ASCII (``❶``, ``٣``), and a run of five or more
  hanzi numerals and digits -> digits (幺三八零零幺三八零零零 -> 13800138000).
- ``repeats``: a run of one repeated character -> one (``vaaape``, 电电子子烟烟).
- ``abbreviations`` and ``pinyin`` rewrite nothing: they are matching steps of the
  keyword detector, which adds the tables' abbreviations and the pinyin of its hanzi
  terms as further spellings (see ``policy.detectors.keywords``).

Every normalised character remembers where it came from: :meth:`Normalizer.mapped`
returns the normalised text with the span of the text as written that each of its
characters stands for. Word boundaries, explanations and evidence use it, so they refer
to the text as written. ``Normalizer.__call__`` computes the same text without the map
(the fast path the engine uses for every new text); the two are the same function
(tested).

Apply the same Normalizer to the policy's terms and to the texts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, compress, repeat
from operator import itemgetter

from policy.chars import (
    CHAR_STEPS,
    HAN,
    HAN_CHAR,
    Translator,
    fold_length_table,
    fold_mark_table,
    fold_separator_table,
    fold_table,
    is_separator,
    separator_marks,
    separator_table,
    translator,
)
from policy.chars import (
    MARK as _MARK,
)
from policy.tables import NormalizationTables, load_tables

__all__ = ["STEPS", "NormalizationTables", "Normalized", "Normalizer", "load_tables"]

STEPS = (
    "emoji",
    "nfkc",
    "casefold",
    "confusables",
    "letterforms",
    "diacritics",
    "invisible",
    "leetspeak",
    "separators",
    "traditional",
    "numerals",
    "repeats",
    "abbreviations",
    "pinyin",
)
MATCH_STEPS = ("abbreviations", "pinyin")  # add spellings to terms; rewrite no text
READINGS = "\x00"  # joins the readings of one text (see ``leetspeak``)

_REPEATS = re.compile(r"([^0-9])\1+")
# the repeats step without a replacement function: every character but the last of a
# run is deleted (``_REPEAT_DROP.sub("", s)``, all in C; the same text as collapsing each
# run to its first character, tested)
_REPEAT_DROP = re.compile(r"([^0-9])(?=\1)")
_DIGITS = re.compile("[0-9]+")


def _drop_repeats(s: str) -> str:
    """The repeats step (``_REPEAT_DROP.sub("", s)``, tested equal). On ASCII text the
    characters equal to the one before are found as the zero bytes of the text XOR the
    text shifted by one byte (two big-integer operations in C, then one ``bytes.find``
    per repeat), quicker than the regular expression's attempt at every position. Other
    text: ``_drop_repeats_wide``."""
    if not s.isascii():
        return _drop_repeats_wide(s)
    b = s.encode("ascii")
    x = int.from_bytes(b, "big")
    same = (x ^ (x >> 8)).to_bytes(len(b), "big")  # same[i] == 0: b[i] == b[i - 1]
    i = same.find(0, 1)
    if i < 0:
        return s
    parts = []
    pos = 0
    while i >= 0:
        if not 48 <= b[i] <= 57:  # a repeated digit stays
            parts.append(s[pos:i])
            pos = i + 1
        i = same.find(0, i + 1)
    parts.append(s[pos:])
    return "".join(parts)


_LANES: dict[int, int] = {}  # length -> 0x8080...80


def _alnum_without_repeats(b: bytes) -> str:
    """The repeats step on ASCII letters and digits (as bytes), decoded: big-integer
    operations find, in every byte lane at once, the letters equal to the byte before
    (a lane of ``y = x ^ (x >> 8)`` is zero: 0x80 minus it keeps its top bit), and mark
    them with their top bit (a letter has bit 6 set, a digit not); decoding as ASCII
    ignores the marked bytes. Letters and digits only: another character would break
    the lane arithmetic (tested against ``_REPEAT_DROP``)."""
    n = len(b)
    k80 = _LANES.get(n)
    if k80 is None:
        k80 = int.from_bytes(b"\x80" * n, "big")
        if n <= 4096:
            _LANES[n] = k80
    x = int.from_bytes(b, "big")
    drop = (k80 - (x ^ (x >> 8))) & (x << 1) & k80
    if not drop:
        return b.decode("ascii")
    return (x | drop).to_bytes(n, "big").decode("ascii", "ignore")


_ANY_REPEAT = re.compile(r"(.)\1", re.DOTALL)


def _drop_repeats_wide(s: str) -> str:
    """The repeats step on any text (``_REPEAT_DROP.sub("", s)``, tested equal): a text
    is first searched for any character equal to the next (``.`` is checked quicker than
    a class, so this search is about twice as quick as ``_REPEAT_DROP``'s), a repeated
    digit found sends the search on for a repeat that is not one, and only the rest of
    the text from the first repeat found goes through ``_REPEAT_DROP``."""
    m = _ANY_REPEAT.search(s)
    if m is None:
        return s
    i = m.start()
    if "0" <= s[i] <= "9":
        m = _REPEAT_DROP.search(s, i + 1)
        if m is None:
            return s
        i = m.start()
    return s[:i] + _REPEAT_DROP.sub("", s[i:])


_UNIFIED_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+")

# Hanzi numerals (simplified; the traditional step runs before) -> digits.
_HAN_DIGITS = {
    **dict.fromkeys("〇零", "0"),
    **dict.fromkeys("一幺壹", "1"),
    **dict.fromkeys("二两贰", "2"),
    **dict.fromkeys("三叁", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
_HAN_NUMERAL = "".join(_HAN_DIGITS)
_NUMERAL_HINT = re.compile(f"[{_HAN_NUMERAL}]")
# a hanzi numeral next to a digit, a numeral or a joiner: every numeral of a run has such
# a neighbour, and 一 in 一个 or 之一 (most of them) has none
_NEAR = f"[0-9{_HAN_NUMERAL} \\-.·]"
_NUMERAL_NEAR = f"(?<={_NEAR}[{_HAN_NUMERAL}])|(?={_NEAR})"
_NUMERAL_IN_RUN = re.compile(f"[{_HAN_NUMERAL}](?:{_NUMERAL_NEAR})")
_NUMERAL_RUN = re.compile(f"[0-9{_HAN_NUMERAL}](?:[ \\-.·]*[0-9{_HAN_NUMERAL}])+")
# the same runs, only those holding a hanzi numeral (the others are left as they are):
# its first character is one, or the digits, numerals and joiners after it hold one (which
# they do exactly when the run does)
_HAN_NUMERAL_RUN = re.compile(
    f"[0-9{_HAN_NUMERAL}](?:(?<=[{_HAN_NUMERAL}])|(?=[0-9{_HAN_NUMERAL} \\-.·]*?"
    f"[{_HAN_NUMERAL}]))(?:[ \\-.·]*[0-9{_HAN_NUMERAL}])+"
)
_NUMERAL_TABLE = str.maketrans(_HAN_DIGITS)
MIN_NUMERAL_RUN = 5  # digits in a run (repeats once): a phone or QQ number, not 三三两两


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, per normalised character, the span of the text as written
    (``source[starts[i]:ends[i]]``) it stands for."""

    source: str
    text: str
    starts: list[int]
    ends: list[int]

    def span(self, a: int, b: int) -> tuple[int, int]:
        """The span of the text as written behind normalised characters ``a:b``."""
        return self.starts[a], self.ends[b - 1]


@cache
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _traditional() -> tuple[re.Pattern[str], dict[int, str]]:
    """Hanzi OpenCC changes on their own (traditional forms) and their simplified form."""
    cc = _opencc()
    chars = [
        chr(c)
        for a, b in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
        for c in range(a, b + 1)
    ]
    out = cc.convert("\n".join(chars)).split("\n")
    table = {ord(a): b for a, b in zip(chars, out, strict=True) if a != b and len(b) == 1}
    pattern = re.compile("[" + "".join(chr(c) for c in sorted(table)) + "]")
    return pattern, table


def _to_simplified(text: str) -> str:
    pattern, table = _traditional()
    if not pattern.search(text):
        return text
    try:
        out = _opencc().convert(text)
    except UnicodeEncodeError:
        # a lone surrogate (bytes that were not UTF-8, read with 'surrogateescape', as a
        # command-line argument is) cannot reach OpenCC: one character at a time instead
        return text.translate(table)
    # OpenCC chooses by phrase; when a phrase changes the length (never seen in the data
    # so far), fall back to one character at a time so the offset map stays exact.
    return out if len(out) == len(text) else text.translate(table)


@cache
def _hanzi_hint(trad: bool, numerals: bool, extra: str = "") -> Callable[[str], object]:
    """One search for what the traditional and numerals steps would change: a
    traditional hanzi or a hanzi numeral next to a digit, a numeral or a joiner (or one
    of the characters of ``extra``). One character class begins it (the search skips
    ahead to those characters); a look back tells which kind was found."""
    chars = "".join(chr(c) for c in sorted(_traditional()[1])) if trad else ""
    chars += "".join(map(re.escape, extra))
    if not numerals:
        return re.compile(f"[{chars}]").search if chars else _nothing
    if not chars:
        return _NUMERAL_IN_RUN.search
    return re.compile(f"[{chars}{_HAN_NUMERAL}](?:(?<=[{chars}])|{_NUMERAL_NEAR})").search


def _nothing(_text: str) -> None:
    return None


def _numeral_runs(text: str) -> str:
    if not _NUMERAL_IN_RUN.search(text):
        return text

    def convert(m: re.Match[str]) -> str:
        run = m.group()
        if len(run) < MIN_NUMERAL_RUN or not _NUMERAL_HINT.search(run):
            return run  # too short to count, or ASCII digits only: nothing to convert
        digits = [c for c in run.translate(_NUMERAL_TABLE) if c.isdigit()]
        # counted without repeats: 九九九九九九价 is a repeated hanzi, not a number
        changes = sum(1 for i, c in enumerate(digits) if i == 0 or c != digits[i - 1])
        return run.translate(_NUMERAL_TABLE) if changes >= MIN_NUMERAL_RUN else run

    return _HAN_NUMERAL_RUN.sub(convert, text)


class _Leet:
    """The leetspeak step: one-character spellings read as letters inside Latin words,
    before ``separators`` (one character for one character, so the map is unchanged).

    - A digit is a letter in a run of at most two digits touching a letter, inside a word
      (letters, digits and the spellings that are symbols) with at least two letters and
      no more digits than letters (``nic0tine``, ``fr33``, ``v@p3``; not ``wx12345678``,
      ``abc123``, ``b4``).
    - A symbol right between two letters is a letter (``v@pe``, ``c!alis``). It may as
      well be a separator (``va!pe``): then the text has a second reading, in which the
      symbol is left for ``separators`` to drop.
    """

    def __init__(self, table: dict[str, str], fold: Callable[[str], str]) -> None:
        # Spellings and letters go through the per-character steps, like the text.
        folded = {fold(k) or k: fold(v) or v for k, v in table.items()}
        self.table = {k: v for k, v in folded.items() if len(k) == 1 and len(v) == 1}
        self.symbols = frozenset(k for k in self.table if not k.isdigit())
        self.has_digits = any(k.isdigit() for k in self.table)
        sym = "".join(re.escape(k) for k in sorted(self.symbols))
        # Every pattern below begins with a digit or a spelling (rare characters), so the
        # regular expression engine skips ahead to them instead of trying every letter.
        # A run of one or two digits touching a letter (before or after it):
        run = "(?:(?<=[A-Za-z][0-9])[0-9]?(?![0-9])|[0-9]?(?=[A-Za-z]))"
        # a symbol spelling right between two letters:
        between = f"(?<=[A-Za-z][{sym}])(?=[A-Za-z])"
        # what ``read`` needs to change anything, in one search that also begins with one
        # character class (a top-level alternative would try every position); ``read``
        # goes on with the same search to weigh every digit run and symbol in order. The
        # first check after the class rejects a digit inside a run (the commonest try,
        # in a phone number) before either alternative is tried
        hints = ([f"(?<=[0-9]){run}"] if self.has_digits else []) + ([between] if sym else [])
        first = ("0-9" if self.has_digits else "") + sym
        found = re.compile(f"[{first}](?<![0-9][0-9])(?:{'|'.join(hints)})") if hints else None
        self.hint = found.search if found is not None else None
        self.any_symbol = re.compile(f"[{sym}]").search if sym else None
        # every run of one or two digits -> its reading (a run ``read`` reads is one)
        digits = "0123456789"
        self._runs = {
            r: "".join(self.table.get(c, c) for c in r)
            for r in [*digits, *(a + b for a in digits for b in digits)]
        }
        # ``read`` finds the word around a digit run, and counts its letters and digits,
        # in a string of classes, one byte per character (str.find and bytes.count, in C):
        # "a" a letter (or a spelling that is one), "0" a digit, "s" another spelling,
        # " " a character of no word (anything outside ASCII is one, but for spellings).
        self._class = bytes(
            _word_class(chr(c), self.symbols) if c < 128 else 32 for c in range(256)
        )
        wide = sorted(k for k in self.symbols if not k.isascii())
        self._wide_chars = tuple(wide)
        self._wide = (
            re.compile("[" + "".join(map(re.escape, wide)) + "]").finditer if wide else None
        )

    def wants(self, s: str) -> bool:
        """Whether ``read`` could change ``s`` (both paths of the normaliser ask): a
        necessary condition, checked by one regular expression."""
        return self.hint is not None and self.hint(s) is not None

    def read(self, s: str, first: re.Match[str] | None = None) -> tuple[str, str | None]:
        """(letters reading, separators reading or None when no symbol was read).

        ``first``: the match of ``self.hint`` in ``s`` when the caller has searched
        already (the search then goes on from it instead of starting again)."""
        search = self.hint
        if search is None:
            return s, None
        m = first if first is not None else search(s)
        if m is None:
            return s, None
        runs: list[tuple[int, int]] = []  # the digit runs read as letters
        symbols: list[int] = []  # positions of the symbols read as letters
        out = s  # the digits read (a run's reading is as long as the run)
        spell = self._runs
        cls = b""
        w1 = -1  # the end of the word last weighed, and whether its runs are read
        ok = False
        while m is not None:
            a, b = m.span()
            if not "0" <= s[a] <= "9":
                symbols.append(a)  # a symbol between two letters
            else:
                # a run of digits touching a letter: read in a word of two letters or
                # more and no more digits than letters
                if a >= w1:  # not in the word of the run before
                    if not cls:  # (ends with a character of no word)
                        cls = self.classes(s) + b" "
                    w0 = cls.rfind(b" ", 0, a) + 1  # the word around the run
                    w1 = cls.find(b" ", b)
                    letters = cls.count(b"a", w0, w1)
                    ok = letters >= 2 and cls.count(b"0", w0, w1) <= letters
                if ok:
                    runs.append((a, b))
                    out = out[:a] + spell[s[a:b]] + out[b:]
            m = search(s, b)
        if not symbols:  # the usual case: digits only
            return out, None
        table = self.table
        digits = [(p, table.get(s[p], s[p])) for a, b in runs for p in range(a, b)]
        read = _spliced(s, digits)
        # the digits read and the symbols left (alt), and both read
        both = sorted([*digits, *((p, table[s[p]]) for p in symbols)])
        return _spliced(s, both), read

    def classes(self, s: str) -> bytes:
        """One byte per character of ``s``: its class (see ``__init__``)."""
        cls = s.encode("ascii", "replace").translate(self._class)
        if self._wide is not None and not s.isascii():
            found = None
            for c in self._wide_chars:  # a few (quicker than one search)
                if c in s:
                    found = list(self._wide(s))
                    break
            if found:
                out = bytearray(cls)
                for m in found:
                    out[m.start()] = _word_class(m.group(), self.symbols)
                cls = bytes(out)
        return cls


def _word_class(c: str, symbols: frozenset[str]) -> int:
    """The class byte of one character for ``_Leet.classes``."""
    if "a" <= c <= "z" or "A" <= c <= "Z":
        return ord("a")
    if "0" <= c <= "9":
        return ord("0")
    if c in symbols:
        return ord("a") if c.isalpha() else ord("s")
    return ord(" ")


def _dropper(chars: tuple[str, ...]) -> Callable[[str], str]:
    """A function deleting every one of ``chars`` (a few) from a text: ``str.replace``
    for each one present (C searches; quicker than one regular expression or a
    ``str.translate`` over text outside ASCII)."""
    first, *rest = chars

    def drop(s: str) -> str:
        s = s.replace(first, "")
        for c in rest:
            if c in s:
                s = s.replace(c, "")
        return s

    return drop


def _spliced(s: str, edits: list[tuple[int, str]]) -> str:
    """``s`` with the character at each position of ``edits`` (in order) replaced."""
    if not edits:
        return s
    parts = []
    pos = 0
    for p, c in edits:
        parts.append(s[pos:p])
        parts.append(c)
        pos = p + 1
    parts.append(s[pos:])
    return "".join(parts)


class Normalizer:
    """Apply chosen normalisation steps, in canonical order, to terms and texts alike."""

    def __init__(
        self, steps: Sequence[str], locale_tables: NormalizationTables | None = None
    ) -> None:
        unknown = [s for s in steps if s not in STEPS]
        if unknown:
            raise ValueError(
                f"unknown normalisation step(s) {', '.join(map(repr, unknown))}; "
                f"valid steps: {', '.join(STEPS)}"
            )
        self.steps: tuple[str, ...] = tuple(s for s in STEPS if s in steps)
        self._last_mapped: Normalized | None = None  # see mapped()
        self.tables = locale_tables if locale_tables is not None else load_tables()
        char_steps = tuple(s for s in CHAR_STEPS if s in self.steps)
        self._fold = fold_table(char_steps) if char_steps else None
        self._lower = "casefold" in self.steps
        self._emoji = self._make_emoji() if "emoji" in self.steps else None
        self._trad = "traditional" in self.steps
        self._numerals = "numerals" in self.steps
        self._leet = (
            _Leet(dict(self.tables.leetspeak), self.fold_char)
            if "leetspeak" in self.steps
            else None
        )
        self._sep = separator_table() if "separators" in self.steps else None
        # ASCII text: case and separators in one bytes.translate (a C loop over bytes)
        lowered = bytes(ord(chr(c).lower()) if self._lower and c < 128 else c for c in range(256))
        dropped = bytes(
            c for c in range(128) if self._sep is not None and self._sep[lowered[c]] is None
        )
        self._ascii_table = (lowered, dropped) if self._lower or dropped else None
        self._sep_marks = separator_marks() if self._sep is not None else None
        self._ascii_marks = (
            bytes(ord(self._sep_marks[c]) if c < 128 else 0 for c in range(256))
            if self._sep_marks is not None
            else None
        )
        self._fold_len = fold_length_table(char_steps) if char_steps else None
        self._fold_mark = (
            fold_mark_table(char_steps, self._leet.symbols)
            if self._leet is not None and self._sep is not None
            else None
        )
        self._fold_sep = (
            fold_separator_table(char_steps) if char_steps and self._sep is not None else None
        )
        self._repeats = "repeats" in self.steps
        # repeats on ASCII text left with letters and digits only (separators dropped)
        self._alnum_repeats = self._repeats and self._sep is not None
        # the first characters of the emoji the tables replace
        self._emoji_first = (
            "".join(sorted({k[0] for k in (*self.tables.emoji, *self.tables.emoji_cjk)}))
            if self._emoji is not None
            else ""
        )
        self._mark_tr: Translator | None = None  # built on the first use
        # after ``_fold_mark`` and leetspeak, the separators left are the marks and the
        # spellings that are separators: one regular expression drops them (when no
        # letter a spelling stands for is itself a separator, which it never is)
        self._drop_marks = None
        self._drop_symbols: tuple[str, ...] = ()
        self._drop_gate: Callable[[str], object] | None = None  # built on the first use
        self._leet_hint = self._leet.hint if self._leet is not None else None
        if self._fold_mark is not None and not any(
            is_separator(c) for v in self._leet.table.values() for c in v
        ):
            self._drop_symbols = tuple(sorted(k for k in self._leet.symbols if is_separator(k)))
            self._drop_marks = _dropper((_MARK, *self._drop_symbols))
        # traditional and numerals: True until the first hanzi text builds the one-search
        # pre-check (``_hanzi_hint``); None without either step
        self._hanzi_gate: Callable[[str], object] | bool | None = (
            True if self._trad or self._numerals else None
        )
        # steps that, on ASCII text, change no character's position (only its case)
        self._one_for_one = not ({"emoji", "leetspeak", "separators", "repeats"} & set(self.steps))

    def __repr__(self) -> str:
        return f"Normalizer({list(self.steps)!r}, locales={self.tables.locales!r})"

    def __reduce__(self):
        return (Normalizer, (self.steps, self.tables))

    # -- characters ----------------------------------------------------------------------
    def fold_char(self, ch: str) -> str:
        """One character under the per-character steps ("" when they drop it)."""
        if self._fold is None:
            return ch
        v = self._fold[ord(ch)]
        return v if v is not None else ""

    def is_word_char(self, ch: str) -> bool:
        """A letter or digit of a Latin-like script after folding (hanzi are not: hanzi
        are unsegmented, so each is a boundary for Latin words)."""
        f = self.fold_char(ch)
        return any(c.isalnum() and not HAN_CHAR.match(c) for c in f)

    def is_transparent(self, ch: str) -> bool:
        """Invisible under the steps: a neighbour check looks through it."""
        return self.fold_char(ch) == ""

    # -- the fast path -------------------------------------------------------------------
    def __call__(self, text: str) -> str:
        s = text
        if s.isascii():
            if s.isalpha():  # a plain word: only case and repeats can change
                if self._lower:
                    s = s.lower()
                return _alnum_without_repeats(s.encode("ascii")) if self._repeats else s
            return self._ascii(s)
        if len(s) <= 12 and _UNIFIED_HAN.fullmatch(s):  # a hanzi word (term): no
            return self._hanzi(s)  # per-character step changes it
        if self._drop_marks is not None:
            return self._marked(s)
        if self._emoji is not None and self._emoji[2].search(s):
            s = self._emoji[0].sub(self._emoji[1], s)
            if s.isascii():
                return self._ascii(s)
        alt = None
        if self._leet is None and self._fold_sep is not None:
            tr = self._mark_tr
            if tr is None:
                tr = self._mark_tr = translator(self._fold_sep)
            s = tr(s)  # both steps in one pass
        elif self._fold_mark is not None:
            s = s.translate(self._fold_mark)
            if self._leet.wants(s):
                s, alt = self._leet.read(s)
                if alt is not None:
                    alt = alt.replace(_MARK, "")
            s = s.replace(_MARK, "")
            if self._leet.any_symbol is not None and self._leet.any_symbol(s):
                s = s.translate(self._sep)
            if alt is not None:
                alt = alt.translate(self._sep)
        else:
            if self._fold is not None:
                s = s.translate(self._fold)
            if self._leet is not None and self._leet.wants(s):
                s, alt = self._leet.read(s)
            if self._sep is not None:
                s = s.translate(self._sep)
                if alt is not None:
                    alt = alt.translate(self._sep)
        if self._hanzi_gate is not None:
            if not s.isascii():
                s = self._hanzi_steps(s)
            if alt is not None and not alt.isascii():
                alt = self._hanzi_steps(alt)
        if self._repeats:
            s = _drop_repeats(s)
            if alt is not None:
                alt = _drop_repeats(alt)
        return s if alt is None else s + READINGS + alt

    def _marked(self, s: str) -> str:
        """``__call__`` on text outside ASCII when leetspeak and separators are on: one
        pass folds (per-character steps) and marks separators (leetspeak reads
        words between marks as it reads them between separators), one drops the marks
        and the spellings left as separators. One search tells whether the text may
        hold an emoji of the tables (or a character the fold table has not met). The
        letters reading's last steps are written out here (``_tail``: one call less)."""
        tr = self._mark_tr
        if tr is None:
            tr = self._mark_tr = translator(self._fold_mark, self._emoji_first)
        if tr.gate(s) is None:  # no emoji of the tables, no character new to the table
            s = s.translate(tr.plain)
        else:
            if self._emoji is not None:  # (the gate's pre-check: no second one)
                s = self._emoji[0].sub(self._emoji[1], s)
                if s.isascii():
                    return self._ascii(s)
            s = tr(s)
        alt = None
        hint = self._leet_hint
        if hint is not None:
            m = hint(s)
            if m is not None:
                s, alt = self._leet.read(s, m)
                if alt is not None:
                    alt = self._tail(self._drop_marks(alt))
        s = s.replace(_MARK, "")
        # one search for a spelling left as a separator, a traditional hanzi or a hanzi
        # numeral next to a digit (without one, none of the passes below it has work)
        gate = self._drop_gate
        if gate is None:
            gate = self._drop_gate = _hanzi_hint(
                self._trad, self._numerals, "".join(self._drop_symbols)
            )
        if gate(s):
            for c in self._drop_symbols:
                if c in s:
                    s = s.replace(c, "")
            if not s.isascii() and self._hanzi_gate is not None:
                s = self._hanzi_steps(s)
        if s.isascii():  # letters and digits
            if self._alnum_repeats:
                s = _alnum_without_repeats(s.encode("ascii"))
        elif self._repeats:
            s = _drop_repeats_wide(s)
        return s if alt is None else s + READINGS + alt

    def _tail(self, s: str) -> str:
        """traditional, numerals and repeats on one reading without separators."""
        if s.isascii():  # letters and digits
            return _alnum_without_repeats(s.encode("ascii")) if self._repeats else s
        gate = self._hanzi_gate
        if gate is not None:
            if gate is True:
                gate = self._hanzi_gate = _hanzi_hint(self._trad, self._numerals)
            if gate(s):
                s = self._hanzi_convert(s)
        return _drop_repeats(s) if self._repeats else s

    def _ascii(self, s: str) -> str:
        """``__call__`` on ASCII text: leetspeak (which reads letters of either case
        alike), then case and separators in one ``bytes.translate`` (a C loop over
        bytes), then repeats (on the bytes, when separators leave letters and digits)."""
        alt = None
        hint = self._leet_hint
        if hint is not None:
            m = hint(s)
            if m is not None:
                s, alt = self._leet.read(s, m)
        if self._alnum_repeats:  # the letters reading written out (one call less)
            s = _alnum_without_repeats(s.encode("ascii").translate(*self._ascii_table))
        else:
            s = self._ascii_reading(s)
        return s if alt is None else s + READINGS + self._ascii_reading(alt)

    def _ascii_reading(self, s: str) -> str:
        table = self._ascii_table
        if table is None:
            return _drop_repeats(s) if self._repeats else s
        b = s.encode("ascii").translate(*table)
        if self._alnum_repeats:  # separators dropped: letters and digits are left
            return _alnum_without_repeats(b)
        s = b.decode("ascii")
        return _drop_repeats(s) if self._repeats else s

    def _hanzi_steps(self, s: str) -> str:
        """traditional and numerals (one character for one character)."""
        gate = self._hanzi_gate
        if gate is None:
            return s
        if gate is True:
            gate = self._hanzi_gate = _hanzi_hint(self._trad, self._numerals)
        if not gate(s):
            return s  # no traditional hanzi, no hanzi numeral: nothing to do
        return self._hanzi_convert(s)

    def _hanzi_convert(self, s: str) -> str:
        if self._trad:
            s = _to_simplified(s)
        if self._numerals:
            s = _numeral_runs(s)
        return s

    def _hanzi(self, s: str) -> str:
        s = self._hanzi_steps(s)
        return _drop_repeats_wide(s) if self._repeats else s

    # -- the mapped path -----------------------------------------------------------------
    def mapped(self, text: str) -> Normalized:
        """The normalised text (equal to ``self(text)``) with its map to ``text``.

        The last text's map is kept: hits placed one by one (``Hit.located``) share it,
        so showing *k* hits of a text of *n* characters costs O(n), not O(k·n). The
        returned object is shared and must not be changed."""
        last = self._last_mapped
        if last is not None and last.source is text:
            return last
        out = self._mapped(text)
        self._last_mapped = out
        return out

    def _mapped(self, text: str) -> Normalized:
        n = len(text)
        if self._one_for_one and text.isascii():  # ASCII under steps that keep positions
            return Normalized(text, self(text), list(range(n)), list(range(1, n + 1)))
        if self._emoji is not None and not text.isascii() and self._emoji[2].search(text):
            pattern, repl, _hint = self._emoji
            parts: list[str] = []
            st: list[int] = []
            en: list[int] = []
            pos = 0
            for m in pattern.finditer(text):
                a, b = m.span()
                parts.append(text[pos:a])
                st.extend(range(pos, a))
                en.extend(range(pos + 1, a + 1))
                word = repl(m)
                parts.append(word)
                st.extend([a] * len(word))
                en.extend([b] * len(word))
                pos = b
            parts.append(text[pos:])
            st.extend(range(pos, n))
            en.extend(range(pos + 1, n + 1))
            s = "".join(parts)
        else:
            s, st, en = text, list(range(n)), list(range(1, n + 1))
        if self._fold is not None:
            if s.isascii():
                if self._lower:
                    s = s.lower()
            else:
                lengths = translator(self._fold_len)(s)  # chr(characters each becomes)
                if lengths != "\x01" * len(s):  # not one for one: repeat each span
                    counts = lengths.encode("latin-1")
                    st = list(chain.from_iterable(map(repeat, st, counts)))
                    en = list(chain.from_iterable(map(repeat, en, counts)))
                s = translator(self._fold)(s)
        alt = None
        if self._leet is not None and self._leet.wants(s):
            s, alt = self._leet.read(s)  # one character for one character
        readings = [(r, st, en) for r in (s, alt) if r is not None]
        if self._sep is not None:
            kept = []
            for r, rs, re_ in readings:
                # 1 kept, 0 dropped
                if r.isascii():
                    marks = r.encode("ascii").translate(self._ascii_marks)
                else:
                    marks = translator(self._sep_marks)(r).encode("latin-1")
                keep = list(compress(range(len(r)), marks))
                if len(keep) != len(r):
                    if len(keep) > 1:  # C gathers
                        pick = itemgetter(*keep)
                        r, rs, re_ = "".join(pick(r)), list(pick(rs)), list(pick(re_))
                    else:
                        r = "".join([r[i] for i in keep])
                        rs = [rs[i] for i in keep]
                        re_ = [re_[i] for i in keep]
                kept.append((r, rs, re_))
            readings = kept
        readings = [
            (self._hanzi_steps(r) if not r.isascii() else r, rs, re_) for r, rs, re_ in readings
        ]
        if self._repeats:
            readings = [_collapse(*r) for r in readings]
        t, t_st, t_en = readings[0]
        if len(readings) > 1:
            a, a_st, a_en = readings[1]
            t = t + READINGS + a
            t_st = [*t_st, n, *a_st]
            t_en = [*t_en, n, *a_en]
        return Normalized(text, t, t_st, t_en)

    # -- terms -----------------------------------------------------------------------------
    def term(self, term: str) -> str:
        """A term's normal form: the letters reading only."""
        return self(term).split(READINGS, 1)[0]

    # -- emoji -----------------------------------------------------------------------------
    def _make_emoji(
        self,
    ) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str], re.Pattern[str]] | None:
        """(pattern of the tables' emoji, replacement, a one-character pre-check)."""
        latin = dict(self.tables.emoji)
        cjk = dict(self.tables.emoji_cjk)
        keys = sorted(set(latin) | set(cjk), key=len, reverse=True)
        if not keys:
            return None
        # a range check is quicker than a list of characters: the emoji blocks, plus any
        # first character outside them
        blocks = "\u2190-\u2bff\U0001f000-\U0001faff"
        others = sorted({k[0] for k in keys if not re.match(f"[{blocks}]", k[0])})
        first = "[" + blocks + "".join(re.escape(c) for c in others) + "]"
        hint = re.compile(first)
        # every key, longest first, each character followed by an optional U+FE0F; each
        # key's first character is checked looking back from a character of ``first``,
        # so the search skips ahead by that range check (a set of characters outside
        # the Basic Multilingual Plane is a list, checked one by one at every position)
        pattern = re.compile(
            first
            + "(?:"
            + "|".join(
                f"(?<={re.escape(k[0])})\ufe0f?" + "".join(re.escape(c) + "\ufe0f?" for c in k[1:])
                for k in keys
            )
            + ")"
        )
        han = re.compile(f"[{HAN}]")

        # an emoji with one word in both tables needs no look at its neighbours
        same = {k: latin[k] for k in keys if k in latin and cjk.get(k) == latin[k]}

        def replace(m: re.Match[str]) -> str:
            key = m.group()
            if "\ufe0f" in key:
                key = key.replace("\ufe0f", "")
            word = same.get(key)
            if word is not None:
                return word
            s, a, b = m.string, m.start(), m.end()
            near_han = (a > 0 and han.match(s, a - 1)) or (b < len(s) and han.match(s, b))
            table = cjk if near_han else latin
            return table.get(key, latin.get(key, key))

        return pattern, replace, hint


def _collapse(s: str, st: list[int], en: list[int]) -> tuple[str, list[int], list[int]]:
    """The repeats step with its map: a run of one character -> one, spanning the run."""
    if not _REPEATS.search(s):
        return s, st, en
    out: list[str] = []
    st2: list[int] = []
    en2: list[int] = []
    pos = 0
    for m in _REPEATS.finditer(s):
        a, b = m.span()
        out.append(s[pos:a])
        st2.extend(st[pos:a])
        en2.extend(en[pos:a])
        out.append(m.group(1))
        st2.append(st[a])
        en2.append(en[b - 1])
        pos = b
    out.append(s[pos:])
    st2.extend(st[pos:])
    en2.extend(en[pos:])
    return "".join(out), st2, en2


def written_span(n: Normalized, start: int, end: int) -> tuple[int, int]:
    """The span of the text as written that normalised characters ``start:end`` stand
    for, not reaching across a separator into the rest of a run the repeats step made one
    character: 卖电子烟 烟草 holds 电子烟 as written '电子烟', not '电子烟 烟' (the two 烟
    are one character once the space is gone)."""
    src = n.source
    a0, b0 = n.starts[start], n.ends[end - 1]
    first_end, last_start = n.ends[start], n.starts[end - 1]
    if first_end - a0 > 1 and any(is_separator(c) for c in src[a0:first_end]):
        a0 = first_end - 1  # the run's last character begins the span
    if b0 - last_start > 1 and any(is_separator(c) for c in src[last_start:b0]):
        b0 = last_start + 1  # the run's first character ends it
    return a0, b0


def _contributing(n: Normalized, norm: Normalizer, i: int) -> list[int]:
    """The positions of the text as written that normalised character ``i`` comes from:
    its span's first and last characters (which always contribute: an emoji replaced by
    a word, the ends of a run of repeats) and the letters and digits between them."""
    src, a, b = n.source, n.starts[i], n.ends[i]
    inner = [k for k in range(a + 1, b - 1) if not is_separator(src[k]) and norm.fold_char(src[k])]
    return sorted({a, b - 1, *inner})


def boundary_before(n: Normalized, norm: Normalizer, i: int) -> int | None:
    """Where normalised character ``i`` begins a word of the text as written: the
    position in ``n.source``, or None. A run of repeated or substituted characters may
    begin a word anywhere inside it ("bus stop" -> "bustop")."""
    src = n.source
    # the last of a run belongs to the word that follows
    for k in reversed(_contributing(n, norm, i)):
        j = k - 1
        while j >= 0 and norm.is_transparent(src[j]):
            j -= 1
        if j < 0 or not norm.is_word_char(src[k]):
            return k
        if not norm.is_word_char(src[j]) and not _clitic(src, j, norm):
            return k
    return None


APOSTROPHES = frozenset("'’ʼ")


def _clitic(src: str, j: int, norm: Normalizer) -> bool:
    """``src[j]`` is an apostrophe between letters (isn't, wife's): what follows it ends
    the word before and begins none, so "isn't it" holds no 'tit' and "wife's ex" no
    'sex'. A word may still end at the apostrophe ("vape's" holds 'vape')."""
    return src[j] in APOSTROPHES and j > 0 and norm.is_word_char(src[j - 1])


def boundary_after(n: Normalized, norm: Normalizer, i: int) -> int | None:
    """Where normalised character ``i`` ends a word of the text as written (the position
    after it in ``n.source``), or None."""
    src = n.source
    for k in _contributing(n, norm, i):  # the first of a run belongs to the word before
        j = k + 1
        while j < len(src) and norm.is_transparent(src[j]):
            j += 1
        if j >= len(src) or not norm.is_word_char(src[j]) or not norm.is_word_char(src[k]):
            return k + 1
    return None


@cache
def make_normalizer(
    steps: tuple[str, ...], tables: NormalizationTables | None = None
) -> Callable[[str], str]:
    """The text→text function for a list of steps (canonical order is the normaliser's)
    and tables (default: every shipped locale).

    Cached: building a normaliser loads its tables, and many policies share steps."""
    if not steps:
        return _identity
    return Normalizer(list(steps), tables)


def _identity(text: str) -> str:
    return text
