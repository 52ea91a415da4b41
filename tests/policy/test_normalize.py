"""The normaliser: every evasion is caught exactly when its matching step is on."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policy.normalize import STEPS, Normalizer, load_tables
from simulation.world.content.evasion import HOMOGLYPHS, EvasionStyle, Variants, evade_word
from simulation.world.content.pool import (
    item_supports,
    load_catalogue,
    load_templates,
    offer_item_text,
)

LOCALES = ("en_US", "zh_CN")
CATALOGUE = load_catalogue()

# Which steps undo which style (PINYIN_ABBREV splits into its two variants).
MATCHING = {
    EvasionStyle.SPACING: ("separators",),
    EvasionStyle.HOMOGLYPH: ("confusables",),
    EvasionStyle.EMOJI: ("emoji",),
}


def norm(steps, locale: str) -> Normalizer:
    return Normalizer(list(steps), load_tables(locales=locale))


def _variants(locale: str):
    """(item text as evaded, canonical term, matching step) for every item and style."""
    r = random.Random(7)
    for cat in CATALOGUE:
        for item in cat.items[locale]:
            for style in MATCHING:
                if item_supports(item, style):
                    for _ in range(6):
                        yield offer_item_text(item, style, r), item.term, MATCHING[style][0]
            for variant in [item.pinyin] if item.pinyin else []:
                yield item.text.replace(item.term, variant), item.term, "pinyin"
            for variant in item.abbrev:
                low = item.text.casefold().replace(item.term.casefold(), variant)
                yield low, item.term, "abbreviations"
                yield low.upper() if locale == "en_US" else low, item.term, "abbreviations"


def _trigger_variants(locale: str):
    r = random.Random(3)
    for word, d in load_templates(locale)["triggers"].items():
        v = Variants(word, d.get("pinyin"), tuple(d.get("abbrev", ())), d.get("emoji"))
        for style, steps in MATCHING.items():
            if v.supports(style):
                yield evade_word(v, style, r), word, steps[0]
        if v.pinyin:
            yield v.pinyin, word, "pinyin"
        for a in v.abbrev:
            yield a, word, "abbreviations"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_evasion_caught_exactly_when_its_step_is_on(locale: str) -> None:
    offer = load_templates(locale)["offer"][0]
    seen = 0
    for evaded, term, step in [*_variants(locale), *_trigger_variants(locale)]:
        text = offer.format(item=evaded, price="¥88", contact="wxid_abc123", phone="13800000000")
        without = norm([s for s in STEPS if s != step], locale)
        assert without(term) not in without(text), (locale, step, evaded)
        for on in ([step, "casefold"], STEPS):
            n = norm(on, locale)
            assert n(term) in n(text), (locale, step, evaded, n(term), n(text))
        seen += 1
    assert seen > 50


@pytest.mark.parametrize("locale", LOCALES)
def test_plain_terms_match_with_any_steps(locale: str) -> None:
    n = norm(STEPS, locale)
    for cat in CATALOGUE:
        for item in cat.items[locale]:
            assert n(item.term) in n(item.text)


def test_homoglyph_table_folds_back_under_confusables() -> None:
    n = Normalizer(["casefold", "confusables"])
    for latin, subs in HOMOGLYPHS.items():
        for sub in subs:
            assert sub != latin and n(sub) == latin.casefold(), (latin, sub)
            assert Normalizer(["nfkc", "casefold"])(sub) != latin.casefold()


def test_unknown_step_names_the_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"pinyn.*valid steps: nfkc"):
        Normalizer(["casefold", "pinyn"])


def test_order_is_canonical_whatever_the_listing() -> None:
    a = Normalizer(["separators", "pinyin", "casefold"])
    b = Normalizer(["casefold", "pinyin", "separators"])
    assert a.steps == b.steps == ("casefold", "pinyin", "separators")
    assert a("电 子 烟 RELX") == b("电 子 烟 RELX") == "dianziyanrelx"


def test_examples() -> None:
    n = Normalizer(STEPS, load_tables(locales="zh_CN"))
    assert n("出dzy，加V") == n("出电子烟，加V") == "chudianziyanjiav"
    assert n("电\u200b子烟") == n("电子🚬") == n("dianziyan") == "dianziyan"
    e = Normalizer(STEPS, load_tables(locales="en_US"))
    assert e("ＶＡＰＥ") == e("v.a.p.e") == e("vаpe") == "vape"
    assert e("e-🚬s") == e("E-CIG") + "s" == "ecigarettes"


def test_merged_tables_pick_emoji_words_by_neighbouring_script() -> None:
    n = Normalizer(["emoji"], load_tables())
    assert n("电子🚬") == "电子烟"
    assert n("e-🚬s") == "e-cigarettes"


_ALPHABET = st.sampled_from(
    list("abcdefxyzIQOS RELX 0189.-_*·/|,，。！")
    + ["\u200b", "\u200c", "\u2060", "\ufe0f", "\u0301", "\u0308"]
    + list("电子烟弹处方药春伟哥出加微信中奖贷款")
    + [c for subs in HOMOGLYPHS.values() for c in subs]
    + ["🚬", "💊", "💙", "💉", "🔞", "😀", "👍🏽", "ＡＢ", "ﬁ", "ß", "İ", "ǅ"]
    + ["dzy", "ecig", "e-cig", "rx", "fr33", "cy", "wg", "s3x"]
)
_TEXT = st.lists(_ALPHABET, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_TEXT, st.text(max_size=40)), locale=st.sampled_from([*LOCALES, None]))
def test_all_steps_idempotent(text: str, locale: str | None) -> None:
    n = Normalizer(STEPS, load_tables(locales=locale))
    once = n(text)
    assert n(once) == once


@pytest.mark.parametrize("step", STEPS)
@settings(max_examples=150, deadline=None)
@given(text=st.one_of(_TEXT, st.text(max_size=30)))
def test_each_step_idempotent(step: str, text: str) -> None:
    n = Normalizer([step])
    assert n(n(text)) == n(text)


@settings(max_examples=200, deadline=None)
@given(term=_TEXT, left=_TEXT, right=_TEXT)
def test_containment_survives_structural_steps(term: str, left: str, right: str) -> None:
    """Steps that act per character keep a contained term contained."""
    n = Normalizer(["casefold", "confusables", "separators"])
    assert n(term) in n(left + term + right) or not n(term)
