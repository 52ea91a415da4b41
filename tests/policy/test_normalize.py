"""The normaliser: each step undoes its disguise, the map points back to the text as
written, and the fast path and the mapped path are one function."""

from __future__ import annotations

import random
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy import load_policy_text
from policy.normalize import READINGS, STEPS, Normalizer, load_tables, make_normalizer
from simulation.world.content.evasion import HOMOGLYPHS, EvasionStyle, Variants, evade_word
from simulation.world.content.pool import (
    item_supports,
    load_catalogue,
    load_templates,
    offer_item_text,
)
from tests.policy.reference_normalize import reference_leet

LOCALES = ("en_US", "zh_CN")
CATALOGUE = load_catalogue()

# Which steps undo which style (PINYIN_ABBREV splits into its two variants).
MATCHING = {
    EvasionStyle.SPACING: ("separators", "invisible"),
    EvasionStyle.HOMOGLYPH: ("confusables",),
    EvasionStyle.EMOJI: ("emoji",),
}


def norm(steps, locale: str | None = None) -> Normalizer:
    return Normalizer(list(steps), load_tables(locales=locale))


def caught(term: str, text: str, steps, locale: str) -> bool:
    terms = f"[{term!r}]".replace("'", '"')
    det = load_policy_text(
        f"""
name: t
detectors:
  kw: {{type: keywords, mode: word, normalize: [{", ".join(steps)}], locales: [{locale}],
       terms: {{tobacco: {terms}}}}}
rules: [{{name: r, when: {{hit: kw}}, action: remove}}]
"""
    ).detectors["kw"]
    return bool(det.scan(text))


def _variants(locale: str):
    """(item text as evaded, canonical term, the steps that undo it) for every item."""
    r = random.Random(7)
    for cat in CATALOGUE:
        for item in cat.items[locale]:
            for style, steps in MATCHING.items():
                if item_supports(item, style):
                    for _ in range(6):
                        yield offer_item_text(item, style, r), item.term, steps
            for variant in [item.pinyin] if item.pinyin else []:
                yield item.text.replace(item.term, variant), item.term, ("pinyin",)
            for variant in item.abbrev:
                low = item.text.casefold().replace(item.term.casefold(), variant)
                undo = ("abbreviations", "leetspeak")
                yield low, item.term, undo
                yield (low.upper() if locale == "en_US" else low), item.term, undo


def _trigger_variants(locale: str):
    r = random.Random(3)
    for word, d in load_templates(locale)["triggers"].items():
        v = Variants(word, d.get("pinyin"), tuple(d.get("abbrev", ())), d.get("emoji"))
        for style, steps in MATCHING.items():
            if v.supports(style):
                yield evade_word(v, style, r), word, steps
        if v.pinyin:
            yield v.pinyin, word, ("pinyin",)
        for a in v.abbrev:
            yield a, word, ("abbreviations", "leetspeak")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_evasion_caught_exactly_when_its_step_is_on(locale: str) -> None:
    offer = load_templates(locale)["offer"][0]
    seen = 0
    for evaded, term, undo in [*_variants(locale), *_trigger_variants(locale)]:
        text = offer.format(item=evaded, price="¥88", contact="wxid_abc123", phone="13800000000")
        without = [s for s in STEPS if s not in undo]
        if evaded.casefold() != term.casefold():
            assert not caught(term, text, without, locale), (locale, undo, evaded)
        assert caught(term, text, STEPS, locale), (locale, undo, evaded)
        assert caught(term, text, [*undo, "casefold", "nfkc"], locale), (locale, undo, evaded)
        seen += 1
    assert seen > 50


def test_plain_terms_match_with_any_steps() -> None:
    for locale in LOCALES:
        n = norm(STEPS, locale)
        for cat in CATALOGUE:
            for item in cat.items[locale]:
                assert n.term(item.term) in n(item.text)


def test_homoglyph_table_folds_back_under_confusables() -> None:
    n = Normalizer(["casefold", "confusables"])
    for latin, subs in HOMOGLYPHS.items():
        for sub in subs:
            assert sub != latin and n(sub) == latin.casefold(), (latin, sub)
            assert Normalizer(["nfkc", "casefold"])(sub) != latin.casefold()


def test_unknown_step_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"pinyn.*valid steps: emoji, nfkc"):
        Normalizer(["casefold", "pinyn"])


def test_order_is_canonical_whatever_the_listing() -> None:
    a = Normalizer(["repeats", "traditional", "casefold", "separators"])
    b = Normalizer(["casefold", "separators", "traditional", "repeats"])
    assert a.steps == b.steps == ("casefold", "separators", "traditional", "repeats")
    assert a("電 電 子 煙 RELX") == b("電 電 子 煙 RELX") == "电子烟relx"


@pytest.mark.parametrize(
    ("steps", "text", "expected"),
    [
        (["nfkc", "casefold"], "ＶＡＰＥ ﬁne", "vape fine"),
        (["casefold", "letterforms"], "ᴠᴀᴘᴇ 🇻🇦🇵🇪 🅥🅐🅟🅔", "vape vape vape"),
        (["casefold", "diacritics"], "vāpē v̶a̶p̶e̶ İ", "vape vape i"),
        (["invisible"], "v\u034fa\u3164p\u115f\u1160e\uffa0\ufe0f\u200b\u2060!", "vape!"),
        (["traditional"], "電子煙 香菸 頭髮", "电子烟 香烟 头发"),
        (["numerals"], "加我幺三八零零幺三八零零零", "加我13800138000"),
        (["numerals"], "①③⑧ ❶❸❽ ٣，三三两两", "138 138 3，三三两两"),
        (["separators"], "电★子★烟 电ˉ子ˉ烟 电°子°烟 电🔥子🔥烟", "电子烟电子烟电子烟电子烟"),
        (["separators", "leetspeak"], "nic0tine fr33 wx12345678 b4", "nicotinefreewx12345678b4"),
        (["separators", "repeats"], "vaaape 电电子子烟烟 1000", "vape电子烟1000"),
        (["emoji"], "电子🚬 e-🚬s ➕V", "电子烟 e-cigarettes 加V"),
    ],
)
def test_each_step(steps, text, expected) -> None:
    assert Normalizer(steps)(text) == expected


def test_a_symbol_between_letters_is_read_both_ways() -> None:
    n = Normalizer(["casefold", "separators", "leetspeak"])
    assert n("c!alis") == "cialis" + READINGS + "calis"
    assert n("va!pe") == "vaipe" + READINGS + "vape"
    assert n.term("c!alis") == "cialis"
    assert n("wow! great") == "wowgreat"  # a symbol before a space is punctuation
    assert n("v.@.p.e") == "vpe"  # a symbol between separators is one of them


def test_the_map_points_to_the_text_as_written() -> None:
    n = Normalizer(STEPS)
    text = "出售 電★子★煙，vaaape 和 🚬"
    m = n.mapped(text)
    assert m.text == n(text)
    written = [text[a:b] for a, b in zip(m.starts, m.ends, strict=True)]
    assert written[:5] == ["出", "售", "電", "子", "煙"]
    assert "aaa" in written and "🚬" in written
    i = m.text.index("电子烟")
    assert text[slice(*m.span(i, i + 3))] == "電★子★煙"


_ALPHABET = st.sampled_from(
    list("abcdefxyzIQOS RELX 0189.-_*·/|,，。！@!$")
    + ["\u200b", "\u200c", "\u2060", "\ufe0f", "\u0301", "\u0308", "\u034f", "\u3164"]
    + list("电子烟弹处方药春伟哥出加微信中奖贷款電煙菸幺三八零一")
    + [c for subs in HOMOGLYPHS.values() for c in subs]
    + ["🚬", "💊", "💙", "💉", "🔞", "😀", "👍🏽", "ＡＢ", "ﬁ", "ß", "İ", "ǅ", "★", "ˉ", "➕", "①"]
    + ["dzy", "ecig", "e-cig", "rx", "fr33", "cy", "wg", "s3x", "v@pe", "c!alis", "aaa"]
)
_TEXT = st.lists(_ALPHABET, max_size=30).map("".join)
_STEPS = st.sets(st.sampled_from(STEPS)).map(lambda s: [x for x in STEPS if x in s])
_NO_LEET = st.sets(st.sampled_from([s for s in STEPS if s != "leetspeak"])).map(
    lambda s: [x for x in STEPS if x in s]
)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(_TEXT, st.text(max_size=40)), steps=_STEPS)
def test_fast_and_mapped_paths_agree(text: str, steps: list[str]) -> None:
    n = Normalizer(steps)
    m = n.mapped(text)
    assert m.text == n(text)
    assert len(m.starts) == len(m.ends) == len(m.text)
    for a, b in zip(m.starts, m.ends, strict=True):
        assert 0 <= a <= b <= len(text)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(_TEXT, st.text(max_size=40)),
    locale=st.sampled_from([*LOCALES, None]),
    steps=_NO_LEET,
)
def test_each_reading_is_a_fixed_point(text: str, locale: str | None, steps) -> None:
    """Normalising a normalised text changes nothing, so a term found once is found again.

    Leetspeak is the exception: it reads digits word by word before separators join the
    words, so "0:AA" is "0aa" and "0aa" is "oaa"; a term is found in text written as the
    term is (tests/policy/test_properties.py)."""
    n = Normalizer(steps, load_tables(locales=locale))
    for reading in n(text).split(READINGS):
        assert n.term(reading) == reading


def test_leetspeak_reads_digits_word_by_word() -> None:
    n = Normalizer(["casefold", "separators", "leetspeak"])
    assert n("0:AA") == "0aa" and n("0AA") == "oaa"
    assert n("fr33, ¥88") == "free88" and n("b4 wx12345678") == "b4wx12345678"


@settings(max_examples=200, deadline=None)
@given(term=_TEXT, left=_TEXT, right=_TEXT)
def test_containment_survives_structural_steps(term: str, left: str, right: str) -> None:
    """Steps that act per character keep a contained term contained."""
    n = Normalizer(["casefold", "confusables", "invisible", "separators"])
    assert n(term) in n(left + term + right) or not n(term)


# -- the fast steps against plain reference versions -------------------------------------
_LEET_TEXT = st.lists(
    st.sampled_from(
        [*"aAbvxz0123456789@!$|€ .-\x1f\n电", "fr33", "v@pe", "c!a", "b4", "00", "电电"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(_LEET_TEXT, _TEXT, st.text(max_size=40)))
def test_leetspeak_equals_its_plain_reading(text: str) -> None:
    leet = Normalizer(STEPS)._leet
    got = leet.read(text)
    assert got == reference_leet(leet, text)
    if not leet.wants(text):  # the one-search pre-check never skips a change
        assert got == (text, None)
    else:  # going on from the pre-check's match reads the same
        assert leet.read(text, leet.hint(text)) == got


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(_TEXT, st.text(max_size=40), _LEET_TEXT))
def test_repeats_by_deletion_equals_collapsing_each_run(text: str) -> None:
    from policy.normalize import _REPEAT_DROP, _drop_repeats, _drop_repeats_wide

    collapsed = re.sub(r"([^0-9])\1+", lambda m: m.group(1), text)
    assert _REPEAT_DROP.sub("", text) == collapsed
    assert _drop_repeats(text) == collapsed
    assert _drop_repeats_wide(text) == collapsed
    ascii_text = text.encode("ascii", "replace").decode("ascii")  # the XOR path
    assert _drop_repeats(ascii_text) == re.sub(r"([^0-9])\1+", r"\1", ascii_text)


_EMOJI_TEXT = st.lists(
    st.sampled_from([*"a电 ,", "🚬", "💊", "💙", "💙💊", "\ufe0f", "➕", "😀", "★", "→", "💨"]),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_EMOJI_TEXT, _TEXT), locale=st.sampled_from([*LOCALES, None]))
def test_emoji_pattern_finds_what_the_plain_alternation_finds(text: str, locale) -> None:
    """The emoji pattern (a range check, then each key's first character looked back at)
    matches where the alternation of the keys, longest first, matches."""
    n = Normalizer(["emoji"], load_tables(locales=locale))
    tables = n.tables
    keys = sorted(set(tables.emoji) | set(tables.emoji_cjk), key=len, reverse=True)
    plain = re.compile("|".join("".join(re.escape(c) + "\ufe0f?" for c in k) for k in keys))
    pattern = n._emoji[0]
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


_ALNUM = st.lists(st.sampled_from([*"abzAZ09", "aa", "xxx", "00", "Zz"]), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=st.one_of(_ALNUM, st.text(alphabet=string.ascii_letters + string.digits)))
def test_repeats_on_letter_and_digit_bytes_equal_collapsing_each_run(text: str) -> None:
    """The big-integer lanes of ``_alnum_without_repeats`` (ASCII letters and digits),
    also at lengths past those whose lane constants are kept."""
    from policy.normalize import _alnum_without_repeats

    collapsed = re.sub(r"([^0-9])\1+", r"\1", text)
    assert _alnum_without_repeats(text.encode("ascii")) == collapsed
    long = text + "ab" * 2100 + text  # past 4,096 bytes
    assert _alnum_without_repeats(long.encode("ascii")) == re.sub(r"([^0-9])\1+", r"\1", long)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_separators_as_bytes_equal_the_table(text: str) -> None:
    n = Normalizer(["separators"])
    assert n(text) == text.translate(n._sep)


@pytest.mark.parametrize(
    "steps", [("traditional",), ("traditional", "numerals"), ("nfkc", "traditional")]
)
def test_a_lone_surrogate_passes_through_the_traditional_step(steps):
    """Bytes that are not UTF-8 reach a policy as lone surrogates (a command-line argument,
    a file read with 'surrogateescape'); OpenCC cannot take them, the step still works."""
    norm = make_normalizer(steps)
    assert norm("\udcff電子煙") == "\udcff电子烟"
    assert norm("電子煙\udcd9") == "电子烟\udcd9"
