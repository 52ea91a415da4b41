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
- ``traditional``: traditional hanzi -> simplified (OpenCC ``t2s``: 電子煙 -> 电子烟).
- ``numerals``: digits of any style -> ASCII (``❶``, ``٣``), and a run of five or more
  hanzi numerals and digits -> digits (幺三八零零幺三八零零零 -> 13800138000).
- ``separators``: every character that is neither a letter nor a digit is skipped:
  spaces, punctuation, every symbol (emoji included), modifier letters such as ``ˉ``,
  controls, marks. After it the text is one compact string (``电★子★烟`` -> 电子烟).
- ``leetspeak``: inside a Latin word, the tables' spellings -> letters (``v@pe``,
  ``c!alis``, ``nic0tine``). Digits are read word by word before ``separators``, symbols
  after it. A symbol between letters is read both ways, as a letter and as a separator
  (``va!pe``): the normalised text then holds both readings, joined by ``\\x00``, which no
  term contains.
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

from policy.chars import (
    CHAR_STEPS,
    HAN,
    HAN_CHAR,
    fold_table,
    is_separator,
    separator_table,
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
    "traditional",
    "numerals",
    "separators",
    "leetspeak",
    "repeats",
    "abbreviations",
    "pinyin",
)
MATCH_STEPS = ("abbreviations", "pinyin")  # add spellings to terms; rewrite no text
READINGS = "\x00"  # joins the readings of one text (see ``leetspeak``)

# A cheap pre-check: could this text contain an emoji at all?
_EMOJI_HINT = re.compile(
    "[\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff\U000e0020-\U000e007f]"
)
_REPEATS = re.compile(r"([^0-9])\1+")
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
_NUMERAL_RUN = re.compile(f"[0-9{_HAN_NUMERAL}](?:[ \\-.·]*[0-9{_HAN_NUMERAL}])+")
_NUMERAL_TABLE = str.maketrans(_HAN_DIGITS)
MIN_NUMERAL_RUN = 5  # digits in a run (repeats once): a phone or QQ number, not 三三两两


@dataclass(frozen=True)
class Normalized:
    """A normalised text and, per normalised character, the span of the text as written
    (``source[starts[i]:ends[i]]``) it stands for."""

    source: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

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
    out = _opencc().convert(text)
    # OpenCC chooses by phrase; when a phrase changes the length (never seen in the data
    # so far), fall back to one character at a time so the offset map stays exact.
    return out if len(out) == len(text) else text.translate(table)


def _numeral_runs(text: str) -> str:
    if not _NUMERAL_HINT.search(text):
        return text

    def convert(m: re.Match[str]) -> str:
        run = m.group()
        digits = [c for c in run.translate(_NUMERAL_TABLE) if c.isdigit()]
        # counted without repeats: 九九九九九九价 is a repeated hanzi, not a number
        changes = sum(1 for i, c in enumerate(digits) if i == 0 or c != digits[i - 1])
        return run.translate(_NUMERAL_TABLE) if changes >= MIN_NUMERAL_RUN else run

    return _NUMERAL_RUN.sub(convert, text)


class _Leet:
    """The leetspeak step: one-character spellings read as letters inside Latin words.

    - Digits are read before ``separators``, word by word: a digit is a letter in a run of
      at most two digits touching a letter, inside a word (letters, digits and the
      spellings that are symbols) with at least two letters and no more digits than
      letters (``nic0tine``, ``fr33``, ``v@p3``; not ``wx12345678``, ``abc123``, ``b4``).
    - Symbols are read after ``separators`` (which leaves them in place for this step),
      so "v.@.p.e" is read too: a symbol between two letters is a letter (``v@pe``), and
      the separators reading, where it is dropped (``va!pe``), is kept beside it; other
      symbols are dropped when the separators step is on.
    """

    def __init__(self, table: dict[str, str], fold: Callable[[str], str], drop: bool) -> None:
        # Spellings and letters go through the per-character steps, like the text.
        folded = {fold(k) or k: fold(v) or v for k, v in table.items()}
        self.table = {k: v for k, v in folded.items() if len(k) == 1 and len(v) == 1}
        self.symbols = frozenset(k for k in self.table if not k.isdigit())
        self.has_digits = any(k.isdigit() for k in self.table)
        self.drop = drop
        sym = "".join(re.escape(k) for k in sorted(self.symbols))
        self.digit_hint = re.compile("[A-Za-z][0-9]|[0-9][A-Za-z]")
        self.word = re.compile(f"[A-Za-z0-9{sym}]+")
        self.symbol_hint = re.compile(f"[A-Za-z][{sym}](?=[A-Za-z])") if sym else None
        self.any_symbol = re.compile(f"[{sym}]") if sym else None
        self.delete = str.maketrans(dict.fromkeys(self.symbols)) if self.symbols else {}

    # -- digits, before separators (one character to one character) ------------------------
    def digits(self, s: str) -> str:
        if not self.has_digits or not self.digit_hint.search(s):
            return s
        out = list(s)
        for m in self.word.finditer(s):
            tok, base = m.group(), m.start()
            letters = sum(c.isascii() and c.isalpha() for c in tok)
            digits = sum(c.isdigit() for c in tok)
            if letters < 2 or digits > letters or not digits:
                continue
            j = 0
            while j < len(tok):
                if not tok[j].isdigit():
                    j += 1
                    continue
                k = j
                while k < len(tok) and tok[k].isdigit():
                    k += 1
                near = (j > 0 and tok[j - 1].isalpha()) or (k < len(tok) and tok[k].isalpha())
                if k - j <= 2 and near:
                    for p in range(j, k):
                        out[base + p] = self.table.get(tok[p], tok[p])
                j = k
        return "".join(out)

    # -- symbols, after separators ------------------------------------------------------------
    def fast(self, s: str) -> tuple[str, str | None]:
        """(letters reading, separators reading or None)."""
        if self.any_symbol is None or not self.any_symbol.search(s):
            return s, None
        if not self.symbol_hint.search(s):
            return (s.translate(self.delete) if self.drop else s), None
        first, second = self.symbols_read(s)
        if first is None:
            return s, None
        return "".join(first), ("".join(second) if second is not None else None)

    def symbols_read(self, s: str) -> tuple[list[str] | None, list[str] | None]:
        """Per character of ``s``, what it becomes in each reading ("" = dropped);
        (None, None) when nothing changes. Both paths of the normaliser use this."""
        if self.any_symbol is None or not self.any_symbol.search(s):
            return None, None
        first = list(s)
        read: list[int] = []
        if self.symbol_hint.search(s):
            for m in self.word.finditer(s):
                tok, base = m.group(), m.start()
                for j in range(1, len(tok) - 1):
                    c = tok[j]
                    if c in self.symbols and tok[j - 1].isalpha() and tok[j + 1].isalpha():
                        first[base + j] = self.table[c]
                        read.append(base + j)
        second = None
        if read and self.drop:  # without separators, a symbol is no separator to read
            second = list(first)
            for i in read:
                second[i] = ""
        if self.drop:
            for r in (first, second):
                if r is not None:
                    for i, c in enumerate(r):
                        if c in self.symbols:
                            r[i] = ""
        return first, second


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
        self.tables = locale_tables if locale_tables is not None else load_tables()
        char_steps = tuple(s for s in CHAR_STEPS if s in self.steps)
        self._fold = fold_table(char_steps) if char_steps else None
        self._lower = "casefold" in self.steps
        self._emoji = self._make_emoji() if "emoji" in self.steps else None
        self._trad = "traditional" in self.steps
        self._numerals = "numerals" in self.steps
        drop = "separators" in self.steps
        self._leet = (
            _Leet(dict(self.tables.leetspeak), self.fold_char, drop)
            if "leetspeak" in self.steps
            else None
        )
        keep = self._leet.symbols if self._leet is not None else frozenset()
        self._sep = separator_table(keep) if drop else None
        self._repeats = "repeats" in self.steps

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
        if s.isascii() and s.isalpha():  # a plain word: only case and repeats can change
            if self._lower:
                s = s.lower()
            return _REPEATS.sub(r"\1", s) if self._repeats else s
        if _UNIFIED_HAN.fullmatch(s):  # plain hanzi: no per-character step changes them
            if self._trad:
                s = _to_simplified(s)
            if self._numerals:
                s = _numeral_runs(s)
            return _REPEATS.sub(r"\1", s) if self._repeats else s
        if self._emoji is not None and _EMOJI_HINT.search(s):
            s = self._emoji[0].sub(self._emoji[1], s)
        if self._fold is not None:
            if s.isascii():
                if self._lower:
                    s = s.lower()
            else:
                s = s.translate(self._fold)
        if not s.isascii():
            if self._trad:
                s = _to_simplified(s)
            if self._numerals:
                s = _numeral_runs(s)
        if self._leet is not None:
            s = self._leet.digits(s)
        if self._sep is not None:
            s = s.translate(self._sep)
        alt = None
        if self._leet is not None:
            s, alt = self._leet.fast(s)
        if self._repeats:
            s = _REPEATS.sub(r"\1", s)
            if alt is not None:
                alt = _REPEATS.sub(r"\1", alt)
        return s if alt is None else s + READINGS + alt

    # -- the mapped path -----------------------------------------------------------------
    def mapped(self, text: str) -> Normalized:
        """The normalised text (equal to ``self(text)``) with its map to ``text``."""
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        if self._emoji is not None and _EMOJI_HINT.search(text):
            pattern, repl = self._emoji
            pos = 0
            for m in pattern.finditer(text):
                for i in range(pos, m.start()):
                    chars.append(text[i])
                    spans.append((i, i + 1))
                for c in repl(m):
                    chars.append(c)
                    spans.append((m.start(), m.end()))
                pos = m.end()
            for i in range(pos, len(text)):
                chars.append(text[i])
                spans.append((i, i + 1))
        else:
            chars = list(text)
            spans = [(i, i + 1) for i in range(len(text))]
        if self._fold is not None:
            s = "".join(chars)
            if s.isascii():
                if self._lower:
                    chars = list(s.lower())
            else:
                out_c: list[str] = []
                out_s: list[tuple[int, int]] = []
                for c, sp in zip(chars, spans, strict=True):
                    v = self._fold[ord(c)]
                    if v:
                        out_c.extend(v)
                        out_s.extend([sp] * len(v))
                chars, spans = out_c, out_s
        s = "".join(chars)
        if not s.isascii():  # both are one character to one character
            if self._trad:
                s = _to_simplified(s)
            if self._numerals:
                s = _numeral_runs(s)
        if self._leet is not None:
            s = self._leet.digits(s)
        if self._sep is not None:
            sep = self._sep
            keep = [i for i, c in enumerate(s) if sep[ord(c)] is not None]
            s = "".join(s[i] for i in keep)
            spans = [spans[i] for i in keep]
        readings = [(s, spans)]
        if self._leet is not None:
            first, second = self._leet.symbols_read(s)
            if first is None:
                first = list(s)
            readings = [
                ("".join(r), [sp for c, sp in zip(r, spans, strict=True) if c])
                for r in (first, second)
                if r is not None
            ]
        if self._repeats:
            readings = [_collapse(t, sp) for t, sp in readings]
        t, t_spans = readings[0]
        if len(readings) > 1:
            a, a_spans = readings[1]
            t = t + READINGS + a
            t_spans = [*t_spans, (len(text), len(text)), *a_spans]
        return Normalized(text, t, tuple(sp[0] for sp in t_spans), tuple(sp[1] for sp in t_spans))

    # -- terms -----------------------------------------------------------------------------
    def term(self, term: str) -> str:
        """A term's normal form: the letters reading only."""
        return self(term).split(READINGS, 1)[0]

    # -- emoji -----------------------------------------------------------------------------
    def _make_emoji(self) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]] | None:
        latin = dict(self.tables.emoji)
        cjk = dict(self.tables.emoji_cjk)
        keys = sorted(set(latin) | set(cjk), key=len, reverse=True)
        if not keys:
            return None
        pattern = re.compile("|".join("".join(re.escape(c) + "\ufe0f?" for c in k) for k in keys))
        han = re.compile(f"[{HAN}]")

        def replace(m: re.Match[str]) -> str:
            s, a, b = m.string, m.start(), m.end()
            key = m.group().replace("\ufe0f", "")
            near_han = (a > 0 and han.match(s, a - 1)) or (b < len(s) and han.match(s, b))
            table = cjk if near_han else latin
            return table.get(key, latin.get(key, key))

        return pattern, replace


def _collapse(s: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The repeats step with its map: a run of one character -> one, spanning the run."""
    out_c: list[str] = []
    out_s: list[tuple[int, int]] = []
    pos = 0
    for m in _REPEATS.finditer(s):
        out_c.extend(s[pos : m.start()])
        out_s.extend(spans[pos : m.start()])
        out_c.append(m.group(1))
        out_s.append((spans[m.start()][0], spans[m.end() - 1][1]))
        pos = m.end()
    out_c.extend(s[pos:])
    out_s.extend(spans[pos:])
    return "".join(out_c), out_s


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
        if j < 0 or not norm.is_word_char(src[j]) or not norm.is_word_char(src[k]):
            return k
    return None


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
