"""The normaliser's fast path (and its mapped path) against the plain reference of
``reference_normalize``: the same text for any steps, tables and text."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from policy.chars import LazyTable, Translator, fold_mark_table
from policy.normalize import STEPS, Normalizer, load_tables
from simulation.world.content.evasion import HOMOGLYPHS
from tests.policy.reference_normalize import reference_normalize

# pieces of text people write, and disguise: Latin words, leetspeak, full-width and
# mathematical letters, look-alikes, accents and combining marks, invisible characters,
# separators of every kind, emoji (listed or not, with variation selectors and skin
# tones), hanzi that pinyin reads, traditional hanzi, hanzi numerals and other digits
_PIECES = st.sampled_from(
    [*"abcxyzIQOSRELXvape", *"0123456789", *" .,-_*·/|!@$€:;'\"#\t\n\x00\x1f"]
    + ["vape", "VAPE", "fr33", "v@pe", "c!alis", "b4", "s3x", "nic0tine", "dzy", "wg", "rx"]
    + ["ＶＡＰＥ", "ｖａｐｅ", "１２３", "𝐯𝐚𝐩𝐞", "ᴠᴀᴘᴇ", "🇻🇦🇵🇪", "🅥🅐🅟🅔", "ⓥⓐⓟⓔ", "ﬁ", "ß", "İ"]
    + [c for subs in HOMOGLYPHS.values() for c in subs]
    + ["vāpē", "v̶a̶p̶e̶", "e\u0301", "\u0308", "\u200b", "\u200d", "\u2060", "\u034f", "\u3164"]
    + ["\ufe0f", "\ufeff", "ˉ", "ˇ", "★", "，", "。", "！", "？", "、", "（", "）", "…", "–", "—"]
    + [
        "🚬",
        "🚬\ufe0f",
        "💊",
        "💙💊",
        "💉",
        "🔞",
        "😀",
        "👍🏽",
        "➕",
        "🎁",
        "🔥",
        "①",
        "❶",
        "٣",
        "㊿",
    ]
    + list("电子烟弹处方药春伟哥出加微信中奖贷款雪茄威信剑指兼职是啥")
    + list("電子煙菸偉貸款處藥裡")
    + list("一二三四五六七八九十零〇幺两壹贰叁")
    + ["dianziyan", "dian zi yan", "weige", "weixin", "QQ2374708103", "幺三八零零幺三八零零零"]
)
_TEXT = st.lists(_PIECES, max_size=30).map("".join)
_ANY_TEXT = st.one_of(_TEXT, st.text(max_size=40))
_STEPS = st.sets(st.sampled_from(STEPS)).map(lambda s: [x for x in STEPS if x in s])
_LOCALE = st.sampled_from([None, "en_US", "zh_CN"])


@settings(max_examples=600, deadline=None)
@given(text=_ANY_TEXT, steps=_STEPS, locale=_LOCALE)
def test_fast_path_equals_the_reference(text: str, steps: list[str], locale) -> None:
    tables = load_tables(locales=locale)
    assert Normalizer(steps, tables)(text) == reference_normalize(steps, text, tables)


@settings(max_examples=300, deadline=None)
@given(text=_ANY_TEXT, steps=_STEPS)
def test_mapped_path_equals_the_reference(text: str, steps: list[str]) -> None:
    assert Normalizer(steps).mapped(text).text == reference_normalize(steps, text)


@settings(max_examples=300, deadline=None)
@given(text=_ANY_TEXT)
def test_every_step_equals_the_reference(text: str) -> None:
    """The crackdown's steps: every one of them."""
    assert Normalizer(STEPS)(text) == reference_normalize(STEPS, text)


def test_the_engines_texts_equal_the_reference() -> None:
    """A sample of the engine's own text pools (English and Chinese), every step."""
    import numpy as np

    from simulation.catalogue import load_catalogue
    from simulation.world.content.pool import build_text_pool

    cat = load_catalogue()
    texts = [
        t
        for loc in ("en_US", "zh_CN")
        for t in build_text_pool(cat, loc, np.random.default_rng(3), 500).texts
    ]
    n = Normalizer(STEPS)
    for text in random.Random(1).sample(texts, 300):
        assert n(text) == reference_normalize(STEPS, text), text


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(max_size=20), min_size=1, max_size=60))
def test_the_translator_equals_its_lazy_table(texts: list[str]) -> None:
    """Through the plain copy or the lazy table, before and after the copy is rebuilt,
    a text translates as the lazy table translates it."""
    lazy = fold_mark_table(("nfkc", "casefold", "confusables"), frozenset("@!"))
    reference = LazyTable(lazy.fn)
    tr = Translator(lazy)
    tr.threshold = 2  # rebuild often
    for text in texts * 2:
        assert tr(text) == text.translate(reference)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(max_size=20), min_size=1, max_size=60))
def test_the_translators_gate_answers_for_its_excluded_characters(texts: list[str]) -> None:
    """``gate(s)`` is None only when ``s`` holds no excluded character and the plain copy
    translates it as the lazy table does (the normaliser then skips its emoji step)."""
    lazy = fold_mark_table(("nfkc", "casefold", "confusables"), frozenset("@!"))
    reference = LazyTable(lazy.fn)
    excluded = "a🚬é"
    tr = Translator(lazy, excluded)
    tr.threshold = 2  # rebuild often
    for text in texts * 2:
        if tr.gate(text) is None:
            assert not set(excluded) & set(text)
            assert text.translate(tr.plain) == text.translate(reference)
        elif tr.unseen(text) is None:
            assert set(excluded) & set(text)
        assert tr(text) == text.translate(reference)


_NUMERAL = st.sampled_from([*"0123456789一二三四五六七八九零〇幺两壹 -.·x电"])
_DIGIT = st.sampled_from([*"0123456789"])
# a run's one hanzi numeral may come first, last or anywhere among ASCII digits
_NUMERAL_TEXT = st.one_of(
    st.lists(_NUMERAL, max_size=25),
    st.tuples(st.lists(_DIGIT, max_size=8), _NUMERAL, st.lists(_DIGIT, max_size=8)).map(
        lambda t: [*t[0], t[1], *t[2]]
    ),
)


@settings(max_examples=500, deadline=None)
@given(chars=_NUMERAL_TEXT, steps=st.sampled_from([["numerals"], ["numerals", "repeats"], STEPS]))
def test_numeral_runs_equal_the_reference(chars: list[str], steps: list[str]) -> None:
    text = "".join(chars)
    assert Normalizer(steps)(text) == reference_normalize(steps, text)


@settings(max_examples=500, deadline=None)
@given(chars=_NUMERAL_TEXT, extra=st.sampled_from(["", "!@"]))
def test_the_numeral_pre_checks_find_every_run_with_a_numeral(chars: list[str], extra) -> None:
    """The pre-checks of the numerals step (a hanzi numeral next to a digit, a numeral
    or a joiner) find a numeral in every run the step would look at."""
    from policy.normalize import _HAN_NUMERAL_RUN, _NUMERAL_HINT, _NUMERAL_IN_RUN, _hanzi_hint

    text = "".join(chars)
    if any(_NUMERAL_HINT.search(m.group()) for m in _HAN_NUMERAL_RUN.finditer(text)):
        assert _NUMERAL_IN_RUN.search(text)
        assert _hanzi_hint(True, True, extra)(text)
        assert _hanzi_hint(False, True, extra)(text)


@settings(max_examples=200, deadline=None)
@given(text=_ANY_TEXT, steps=_STEPS)
def test_leetspeak_of_digits_only_equals_the_reference(text: str, steps: list[str]) -> None:
    """Tables whose leetspeak spells with digits only (no spelling is left for the
    separators step to drop)."""
    from dataclasses import replace

    tables = replace(load_tables(), leetspeak={"0": "o", "3": "e"})
    assert Normalizer(steps, tables)(text) == reference_normalize(steps, text, tables)
