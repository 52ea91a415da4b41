"""Text normalisation for keyword detectors: undo the evasions sellers use.

Each step undoes one evasion, so a policy designer can switch steps on one at a time and
watch recall (and false positives) move:

- ``nfkc``: Unicode NFKC (fullwidth ＶＡＰＥ, ligatures, circled letters).
- ``casefold``: ``str.casefold``.
- ``confusables``: Cyrillic/Greek/... lookalikes -> Latin (``vаpe`` with a Cyrillic а).
- ``emoji``: emoji -> words from the tables (电子🚬 -> 电子烟), else the emoji's English name.
- ``pinyin``: hanzi -> toneless pinyin, so 电子烟 and ``dianziyan`` compare equal.
- ``abbreviations``: whole-token slang/initials -> canonical term (``dzy`` -> 电子烟).
- ``separators``: drop whitespace, punctuation, symbols and zero-width/format characters.
  After it the text is one compact string, so keyword matching is effectively substring
  matching: ``e.c.i.g`` matches ``ecig`` but ``pod`` also matches ``tripod``.

Apply the same Normalizer to the policy's terms and to the texts. Steps always run in the
canonical order of ``STEPS``. The result is idempotent: a table value or a separator
removal can create new matches (``e cig`` -> ``ecig``), so ``__call__`` repeats the
pipeline until the text no longer changes (almost always one extra, cheap pass).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import cache

from policy.tables import NormalizationTables, load_tables

__all__ = ["STEPS", "NormalizationTables", "Normalizer", "load_tables"]

STEPS = ("nfkc", "casefold", "confusables", "emoji", "pinyin", "abbreviations", "separators")
_MAX_PASSES = 4

# Hanzi: CJK Unified Ideographs, Extension A, compatibility ideographs, Extensions B+.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
# A cheap pre-check: could this text contain an emoji at all?
_EMOJI_HINT = re.compile(
    "[\u00a9\u00ae\u203c-\u3299\ufe0f\U0001f000-\U0001faff\U000e0020-\U000e007f]"
)
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@cache
def _confusables_map(fold_case: bool) -> dict[int, str]:
    """Non-ASCII character -> its ASCII letter/digit prototype (TR39 data).

    The data comes from confusable-homoglyphs (Unicode's confusables.txt, maintained
    upstream) instead of a hand-made list, so new lookalikes are covered. Deliberate
    departures from the full TR39 skeleton: ASCII is left alone (the skeleton maps
    ``1`` -> ``l`` and ``rn`` -> ``m``, which would turn prices and phone numbers into
    letters and make ``burn`` match ``bum``), hanzi are left for the pinyin step, and only
    lookalikes of letters and digits are folded. Prototypes are case-folded when the
    casefold step is on, so the pipeline stays idempotent.
    """
    from confusable_homoglyphs.utils import load

    data = load("confusables.json")
    out: dict[int, str] = {}
    for key, entries in data.items():
        if len(key) != 1 or key.isascii() or _HAN_CHAR.match(key):
            continue
        for entry in entries:
            target = entry["c"]
            if target.isascii() and target.isalnum():
                out[ord(key)] = target.casefold() if fold_case else target
                break
    return out


@cache
def _pinyin_map() -> dict[int, str]:
    """Hanzi -> toneless pinyin of its most common reading (ü written v, as typed).

    Per character, not per phrase: a phrase-aware reading could convert the same hanzi
    differently in a term and in a text, and then a term contained in a text would no
    longer be contained after normalisation.
    """
    from pypinyin.pinyin_dict import pinyin_dict

    out: dict[int, str] = {}
    for cp, readings in pinyin_dict.items():
        reading = readings.split(",")[0]
        plain = unicodedata.normalize("NFD", reading).replace("\u0308", "v")
        syllable = "".join(c for c in plain if c.isascii() and c.isalpha()).lower()
        if syllable and _HAN_CHAR.match(chr(cp)):
            out[cp] = syllable
    return out


@cache
def _separator_map() -> dict[int, None]:
    """Whitespace, punctuation, math/modifier symbols, controls and format characters."""
    ranges = [range(0x10000), range(0xE0000, 0xE0080), range(0x1D173, 0x1D17B)]
    cats = {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cc", "Cf", "Sk", "Sm"}
    return {cp: None for rng in ranges for cp in rng if unicodedata.category(chr(cp)) in cats}


class Normalizer:
    """Apply chosen normalisation steps, in canonical order, to terms and texts alike."""

    def __init__(self, steps: Sequence[str], locale_tables: NormalizationTables | None = None):
        unknown = [s for s in steps if s not in STEPS]
        if unknown:
            raise ValueError(
                f"unknown normalisation step(s) {', '.join(map(repr, unknown))}; "
                f"valid steps: {', '.join(STEPS)}"
            )
        self.steps: tuple[str, ...] = tuple(s for s in STEPS if s in steps)
        self.tables = locale_tables if locale_tables is not None else load_tables()
        self._funcs: list[Callable[[str], str]] = []
        for step in self.steps:
            self._funcs.append(getattr(self, f"_make_{step}")())

    def __repr__(self) -> str:
        return f"Normalizer({list(self.steps)!r}, locales={self.tables.locales!r})"

    def __call__(self, text: str) -> str:
        out = self._once(text)
        for _ in range(_MAX_PASSES):
            again = self._once(out)
            if again == out:
                return out
            out = again
        return out

    def _once(self, text: str) -> str:
        for f in self._funcs:
            text = f(text)
        return text

    def _prefix(self, step: str) -> Callable[[str], str]:
        """The steps before ``step`` (to normalise table keys and values consistently)."""
        funcs = self._funcs[: self.steps.index(step)] if step in self.steps else self._funcs

        def run(text: str) -> str:
            for f in funcs:
                text = f(text)
            return text

        return run

    # -- steps ---------------------------------------------------------------------------
    @staticmethod
    def _make_nfkc() -> Callable[[str], str]:
        def nfkc(text: str) -> str:
            if text.isascii() or unicodedata.is_normalized("NFKC", text):
                return text
            return unicodedata.normalize("NFKC", text)

        return nfkc

    @staticmethod
    def _make_casefold() -> Callable[[str], str]:
        return str.casefold

    def _make_confusables(self) -> Callable[[str], str]:
        table = _confusables_map("casefold" in self.steps)

        def confusables(text: str) -> str:
            return text if text.isascii() else text.translate(table)

        return confusables

    def _make_emoji(self) -> Callable[[str], str]:
        import emoji as emoji_lib

        prefix = self._prefix("emoji")
        latin = {k: prefix(v) for k, v in self.tables.emoji.items()}
        cjk = {k: prefix(v) for k, v in self.tables.emoji_cjk.items()}
        keys = sorted(set(latin) | set(cjk), key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, keys))) if keys else None
        names: dict[str, str] = {}

        def fallback(chars: str, data: Mapping[str, str]) -> str:
            if chars not in names:
                name = data.get("en", "").strip(":").replace("_", " ")
                names[chars] = f" {prefix(name)} "
            return names[chars]

        def replace(m: re.Match[str]) -> str:
            s, a, b = m.string, m.start(), m.end()
            near_han = (a > 0 and _HAN_CHAR.match(s, a - 1)) or (
                b < len(s) and _HAN_CHAR.match(s, b)
            )
            table = cjk if near_han else latin
            return table.get(m.group(), latin.get(m.group(), m.group()))

        def emoji_step(text: str) -> str:
            if not _EMOJI_HINT.search(text):
                return text
            text = text.replace("\ufe0f", "")
            if pattern is not None:
                text = pattern.sub(replace, text)
            return emoji_lib.replace_emoji(text, replace=fallback)

        return emoji_step

    @staticmethod
    def _make_pinyin() -> Callable[[str], str]:
        def convert(m: re.Match[str]) -> str:
            s, a, b = m.string, m.start(), m.end()
            out = m.group().translate(_pinyin_map())  # built on first hanzi (~0.5 s, once)
            # Keep converted hanzi apart from adjacent Latin so "出dzy" keeps "dzy" a token.
            if a > 0 and s[a - 1] in _ALNUM:
                out = " " + out
            if b < len(s) and s[b] in _ALNUM:
                out += " "
            return out

        def pinyin(text: str) -> str:
            return text if text.isascii() else _HAN_RUN.sub(convert, text)

        return pinyin

    def _make_abbreviations(self) -> Callable[[str], str]:
        prefix = self._prefix("abbreviations")
        table: dict[str, str] = {}
        for k, v in self.tables.abbreviations.items():
            table.setdefault(prefix(k), prefix(v))
        if not table:
            return lambda text: text
        keys = sorted(table, key=len, reverse=True)
        # Zero-width and soft-hyphen characters glue a token together rather than end it:
        # "fl\u200by" is "fly" written to dodge filters, not the abbreviation "fl".
        word = "A-Za-z0-9\u00ad\u200b-\u200d\u2060\ufeff"
        pattern = re.compile(
            f"(?<![{word}])(?:" + "|".join(map(re.escape, keys)) + f")(?![{word}])"
        )
        for k, v in table.items():
            if pattern.search(v):
                raise ValueError(f"abbreviation {k!r} -> {v!r}: the value contains a key")

        def abbreviations(text: str) -> str:
            return pattern.sub(lambda m: table[m.group()], text)

        return abbreviations

    @staticmethod
    def _make_separators() -> Callable[[str], str]:
        table = _separator_map()

        def separators(text: str) -> str:
            return text.translate(table)

        return separators


@cache
def make_normalizer(steps: tuple[str, ...]) -> Callable[[str], str]:
    """The text→text function for a list of steps (canonical order is the normaliser's).

    Cached: building a normaliser loads its tables, and many policies share steps."""
    if not steps:
        return _identity
    return Normalizer(list(steps))


def _identity(text: str) -> str:
    return text
