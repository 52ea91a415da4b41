"""Text matching on real text: every example of evasion and of innocent text, with the
right answer (caught or spared), on the shipped presets and on small detectors."""

from __future__ import annotations

import json

import pytest

from policy import explain, load_policy, load_policy_text
from policy.normalize import STEPS

ALL = "[" + ", ".join(STEPS) + "]"


def detector(terms: dict[str, list[str]], steps: str = ALL, mode: str = "word", extra: str = ""):
    body = json.dumps(terms, ensure_ascii=False)
    return load_policy_text(
        f"""
name: t
detectors:
  kw:
    type: keywords
    mode: {mode}
    normalize: {steps}
    terms: {body}
{extra}
rules:
  - {{name: r, when: {{hit: kw}}, action: remove}}
"""
    ).detectors["kw"]


def action(preset: str, text: str) -> str:
    return explain(load_policy(preset), text).action


KEYWORD_PRESETS = ("keywords", "crackdown", "zero_tolerance", "classifier_review", "crackdown_zh")

# -- innocent Chinese text: sound-alikes that are ordinary words ----------------------------
INNOCENT_ZH = [
    "这房间是啥情况，空调一直不制冷。",  # 是啥 sounds like "shisha"
    "时时刻刻都能听到楼下的音乐，时啥也睡不着。",
    "他是一位著名的化学家，书写得很好懂。",  # 学家 / 雪茄
    "楼下那家酒家的早茶很地道。",  # 酒家 / 九价
    "厨房要是再干净一点就好了。",  # 厨房要 / 处方药
    "看了一晚上屏幕，眼干得厉害。",  # 眼干 / 烟杆
    "密钥在包装盒里，激活很顺利。",  # 密钥 / 迷药
    "约克郡的风景在书里写得很美。",  # 约克 / 悦刻
    "老师在学生中很有威信。",  # 威信 / 微信 (tested below with 微信 as a term)
    "Ryan you are late again!",  # "yanyou" / 烟油
    "房间在二楼，递烟又说好话也没用。",  # 烟又 / 烟油: 又 is a grammar word
    "买这本书是因为作者剑指利益集团。",  # 剑指 / 兼职: no character in common
]


@pytest.mark.parametrize("preset", KEYWORD_PRESETS)
@pytest.mark.parametrize("text", INNOCENT_ZH)
def test_innocent_chinese_is_spared(preset, text):
    assert action(preset, text) == "allow", explain(load_policy(preset), text)


@pytest.mark.parametrize(
    "text", ["他在学生中很有威信。", "卫星电视信号很好。", "明治维新", "唯心主义"]
)
def test_common_words_that_sound_like_a_term_are_not_the_term(text):
    det = detector({"spam": ["微信"]})
    assert det.scan(text) == []


@pytest.mark.parametrize(
    ("text", "term", "written"),
    [
        ("出椿药，见效快", "春药", "椿药"),
        ("谜药现货", "迷药", "谜药"),
        ("催晴水，私聊", "催情水", "催晴水"),
    ],
)
def test_a_sound_alike_that_is_no_word_is_caught(text, term, written):
    det = detector({"aphrodisiac": ["春药", "迷药", "催情水"]})
    (hit,) = det.scan(text)
    assert (hit.what, hit.written) == (term, written) and hit.how.startswith("sound-alike")
    steps = "[" + ", ".join(s for s in STEPS if s != "pinyin") + "]"
    assert detector({"aphrodisiac": ["春药", "迷药", "催情水"]}, steps=steps).scan(text) == []


def test_sound_alikes_stay_inside_runs_of_hanzi():
    det = detector({"tobacco": ["烟油", "电子烟"]})
    assert det.scan("Ryan you") == []  # Latin text is never read as the sound of hanzi
    assert det.scan("烟 you") == []  # nor half of it
    assert [h.written for h in det.scan("yan you")] == ["yan you"]  # pinyin as whole words


# -- innocent English text -------------------------------------------------------------
INNOCENT_EN = [
    "Ask the specialist about it",
    "A history of socialism in Europe",
    "I want to specialise in pediatrics",
    "Send me the spreadsheets tonight",
    "New bed sheets from the market",
    "Print the info sheets for class",
    "Happy birthday CY!",  # zh abbreviation of 春药
    "He won the 100 yd dash",  # 烟弹
    "Dinner in our WG kitchen",  # 伟哥
    "Bought a new SD card",  # 刷单
    "Only an HB pencil is allowed",  # 红包
]


@pytest.mark.parametrize("preset", KEYWORD_PRESETS)
@pytest.mark.parametrize("text", INNOCENT_EN)
def test_innocent_english_is_spared(preset, text):
    assert action(preset, text) == "allow", explain(load_policy(preset), text)


def test_a_detectors_locales_limit_its_tables():
    # "sd" is a zh_CN abbreviation (刷单); an en_US detector does not read it, even in Chinese
    zh = detector({"spam": ["刷单"]}, extra="    locales: [zh_CN]")
    assert [h.written for h in zh.scan("兼职sd，日结")] == ["sd"]
    en = load_policy_text(
        """
name: t
detectors:
  kw: {type: keywords, normalize: [casefold, abbreviations], locales: [en_US],
       terms: {spam: [刷单]}}
rules: [{name: r, when: {hit: kw}, action: remove}]
"""
    ).detectors["kw"]
    assert en.scan("兼职sd，日结") == []


def test_pinyin_abbreviations_count_in_lower_case_in_chinese_text():
    det = detector({"spam": ["刷单", "红包"], "aphrodisiac": ["春药"]})
    assert det.scan("SD卡坏了") == [] and det.scan("HB铅笔") == []
    assert [h.what for h in det.scan("出cy，私聊")] == ["春药"]


# -- disguises that must be caught ---------------------------------------------------------
CAUGHT_ZH = [
    "电★子★烟",
    "电✿子✿烟",
    "电￥子￥烟",
    "电°子°烟",
    "电ˉ子ˉ烟",
    "电🔥子🔥烟",  # emoji between characters are skipped, not named
    "电😀子😀烟",
    "电\u034f子\u034f烟",  # combining grapheme joiner
    "电\u3164子烟",  # Hangul filler
    "电\u115f子\u1160烟",  # Hangul choseong/jungseong fillers
    "电\uffa0子烟",  # halfwidth Hangul filler
    "电\ufe0e子\ufe00烟",  # variation selectors
    "电\u200b子\u2060烟",
    "电电子子烟烟",  # repeated characters
    "电子子子烟",
    "電子煙",  # traditional characters
    "電子菸",
    "一次性电子🚬",
    "出dzy，私聊",
    "出dianziyan，私聊",
    "出dian zi yan，私聊",
]


@pytest.mark.parametrize("text", CAUGHT_ZH)
@pytest.mark.parametrize("preset", ["crackdown", "crackdown_zh", "keywords", "zero_tolerance"])
def test_chinese_disguises_are_caught(preset, text):
    assert action(preset, text) == "remove", explain(load_policy(preset), text)


CAUGHT_EN = [
    "Selling vāpē pens",
    "Selling v̶a̶p̶e̶ pens",
    "Selling v@pe pens",
    "Selling vaaape pens",
    "Selling v.a.p.e pens",
    "Selling va!pe pens",  # a symbol between letters is also read as a separator
    "Selling ᴠᴀᴘᴇ pens",  # small capitals
    "Selling 🇻🇦🇵🇪 pens",  # regional indicators
    "Selling 🅥🅐🅟🅔 pens",  # negative circled letters
    "Selling 𝐯𝐚𝐩𝐞 pens",  # mathematical bold
    "Selling ⓥⓐⓟⓔ pens",  # circled
    "Selling ＶＡＰＥ pens",  # fullwidth
    "Real c!alis, cheap",
    "nic0tine pouches here",
    "n1cotine pouches here",
    "Selling v\u034fape pens",
    "Selling va\u3164pe pens",
    "selling vape pens, DM me",
]


@pytest.mark.parametrize("text", CAUGHT_EN)
@pytest.mark.parametrize("preset", ["crackdown", "keywords", "zero_tolerance"])
def test_english_disguises_are_caught(preset, text):
    assert action(preset, text) == "remove", explain(load_policy(preset), text)


def test_traditional_characters_are_caught_without_pinyin():
    steps = "[" + ", ".join(s for s in STEPS if s != "pinyin") + "]"
    det = detector({"tobacco": ["电子烟", "香烟"]}, steps=steps)
    assert [h.what for h in det.scan("電子煙")] == ["电子烟"]
    assert [h.what for h in det.scan("香菸一條")] == ["香烟"]
    off = "[" + ", ".join(s for s in STEPS if s not in ("pinyin", "traditional")) + "]"
    assert detector({"tobacco": ["电子烟", "香烟"]}, steps=off).scan("電子煙 香菸") == []


def test_plus_emoji_reads_as_jia():
    det = detector({"spam": ["加V"]})
    assert [h.written for h in det.scan("➕V了解一下")] == ["➕V"]
    assert [h.written for h in det.scan("加v了解一下")] == ["加v"]


def test_numerals_in_contact_numbers_become_digits():
    policy = load_policy_text(
        r"""
name: t
detectors:
  phone:
    type: regex
    normalize: [nfkc, numerals]
    patterns: {phone: '1[3-9]\d{9}'}
rules: [{name: r, when: {hit: phone}, action: remove}]
"""
    )
    det = policy.detectors["phone"]
    for text in [
        "加我幺三八零零幺三八零零零",
        "电话①③⑧⓪⓪①③⑧⓪⓪⓪",
        "电话❶❸❽0013８000",
        "电话一三八零零一三八零零零",
    ]:
        (hit,) = det.scan(text)
        assert hit.what == "phone=13800138000"
        assert text.endswith(hit.written)  # the span is in the text as written
    assert det.scan("三三两两的游客") == []  # a few hanzi numerals stay words


# -- word mode works with every step, and hits refer to the text as written ------------------
def test_word_mode_with_every_step():
    det = detector({"tobacco": ["vape"]})
    (hit,) = det.scan("selling vape pens, DM me")
    assert hit.written == "vape" and hit.span == (8, 12)
    assert [h.written for h in det.scan("selling v.a.p.e pens")] == ["v.a.p.e"]
    assert det.scan("evaporate the vapour") == []
    assert det.scan("sellingvapepens") == []


# -- an apostrophe between letters is inside a word ------------------------------------------
@pytest.mark.parametrize(
    "innocent", ["Isn't it lovely", "my wife's ex is here", "Don't it look odd", "it’s ex-rated"]
)
def test_a_contraction_does_not_begin_a_word(innocent):
    det = detector({"spam": ["tit", "sex"]})
    assert det.scan(innocent) == []
    assert det.scan(innocent, locate=False) == []


@pytest.mark.parametrize(
    "text, written",
    [
        ("the vape's battery", "vape"),  # a word may end at the apostrophe
        ("selling 'vape' pens", "vape"),  # quotes are not between letters
        ("v'a'p'e pens", "v'a'p'e"),
    ],
)
def test_apostrophes_still_let_a_term_be_found(text, written):
    assert [h.written for h in detector({"tobacco": ["vape"]}).scan(text)] == [written]


# -- a doubled letter the repeats step drops does not turn ordinary words into the term -----
@pytest.mark.parametrize("mode", ["word", "substring"])
@pytest.mark.parametrize(
    "term, innocent",
    [
        ("weed", "we wed in June"),
        ("speed", "I sped up"),
        ("ass", "As much as you like"),
        ("grass", "Mardi Gras"),
    ],
)
def test_ordinary_words_that_lose_no_letter_are_not_the_term(mode, term, innocent):
    det = detector({"spam": [term]}, mode=mode)
    assert det.scan(innocent) == []
    assert det.scan(innocent, locate=False) == []  # the engine's path decides the same
    assert [h.written for h in det.scan(f"{term} for sale")] == [term]


@pytest.mark.parametrize(
    "term, disguised",
    [("tobacco", "tobaco"), ("heets", "hets"), ("weed", "weeeed"), ("weed", "W.E.E.D")],
)
def test_a_dropped_doubled_letter_still_catches_what_is_no_word(term, disguised):
    det = detector({"tobacco": [term]})
    assert [h.written for h in det.scan(f"{disguised} for sale")] == [disguised]


def test_ordinary_words_are_spared_on_real_decisions():
    from policy.corpus import Chunk
    from policy.evaluate import evaluate_chunks

    p = load_policy_text(
        """
name: t
detectors:
  kw: {type: keywords, mode: word, normalize: [nfkc, casefold, repeats], terms: {spam: [weed]}}
rules:
  - {name: r, when: {hit: kw}, action: remove}
"""
    )
    import numpy as np

    texts = ["we wed in June", "weed for sale", "wed"]
    ev = evaluate_chunks(p, [Chunk(1, texts, ["ham", "spam", "ham"], np.array([0, 1, 0], np.int8))])
    assert (ev.overall.tp, ev.overall.fp) == (1, 0)


def test_explanations_and_evidence_quote_the_text_as_written():
    e = explain(load_policy("crackdown"), "出售电★子★烟，私聊")
    assert e.action == "remove"
    assert "'电★子★烟'" in e.evidence[0] and "'电子烟'" in e.evidence[0]
    assert "电★子★烟" in str(e)


# -- exceptions ------------------------------------------------------------------------------
def test_exceptions_suppress_a_hit_inside_them():
    extra = "    exceptions: [路口交通]"
    det = detector({"sexual_health": ["口交"]}, extra=extra)
    assert det.scan("这个路口交通很乱") == []
    assert det.scan("路口 交通 很乱") == []  # the exception is normalised like the text
    assert [h.written for h in det.scan("提供口交服务")] == ["口交"]
    assert [h.written for h in detector({"sexual_health": ["口交"]}).scan("路口交通")] == ["口交"]


# -- lint -------------------------------------------------------------------------------------
def test_lint_flags_terms_that_normalise_to_two_letters_or_fewer(tmp_path):
    from typer.testing import CliRunner

    from simulation.cli.main import app

    f = tmp_path / "short.yaml"
    f.write_text(
        """
name: short
detectors:
  kw:
    type: keywords
    normalize: [casefold, separators, pinyin]
    terms: {sexual_health: [色, 屙, hb, 成人用品]}
rules: [{name: r, when: {hit: kw}, action: remove}]
""",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["policy", "check", str(f), "--strict"])
    assert res.exit_code == 1
    for term in ("色", "屙", "hb"):
        assert f"term '{term}'" in res.output and "shorter than 3 letters" in res.output
    assert "'成人用品'" not in res.output


def test_lint_flags_terms_inside_common_words(tmp_path):
    from policy.lint import lint

    p = load_policy_text(
        """
name: t
detectors:
  kw: {type: keywords, mode: substring, normalize: [casefold], terms: {aphrodisiac: [cialis]}}
  zh: {type: keywords, normalize: [casefold], terms: {tobacco: [学家]}}
  ok: {type: keywords, mode: word, normalize: [casefold], terms: {aphrodisiac: [cialis]}}
rules:
  - {name: r, when: {any: [{hit: kw}, {hit: zh}, {hit: ok}]}, action: remove}
"""
    )
    warnings = [w.message for w in lint(p)]
    assert any("'cialis' is inside" in m and "socialist" in m for m in warnings)
    assert any("'学家' is inside" in m and "化学家" in m for m in warnings)
    assert sum("'cialis' is inside" in m for m in warnings) == 1  # not in word mode
