"""Every reason a policy gives for what it did is one declared template with named
fields. The engine writes it as the English it always wrote; that English reads back
into its kind and values (even with rule names holding quotes, semicolons and arrows),
and worded through the Chinese translation it says in Chinese what happened with the
user's own words (rule names, terms, post ids) and the numbers left in place."""

from __future__ import annotations

import re

import pytest

from policy.detectors.base import Hit
from policy.reasons import CONTEXT, ENGLISH, KINDS, Reason, parse
from simulation.i18n import translator

HAN = re.compile("[\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")
RULE = "个人账号违禁商品"  # a user's rule name: never translated
# rule names that hold a template's own marks: quotes, "; " (the join of hits) and arrows
ODD_RULES = (RULE, "don't sell; vapes → out", 'the "no vapes" rule', "a→b; c'd → e")
STEP = Reason("step_days", action="restrict", days=7)
HIT = Reason(
    "hit",
    detector="违禁词",
    term="'电子烟'",
    category=Reason("hit_category", category="tobacco"),
    written=Reason("hit_written", written="'电★子★烟'"),
    how=Reason("hit_how", how=Reason("how_pinyin", syllables="dian zi yan")),
)
HIT_TEXT = "违禁词: '电子烟' [tobacco] as written '电★子★烟' (pinyin dian zi yan)"
# a classifier's hit: its finding quoted as Python's repr writes it
MODEL_HIT = Reason(
    "hit",
    detector="model",
    term=Reason("hit_quoted", what=Reason("predicted", categories="medical,tobacco")),
    category=Reason("hit_category", category="medical,tobacco"),
    written="",
    how="",
)


def samples(rule: str) -> dict[str, tuple[Reason, str, tuple[str, ...]]]:
    """One reason of each kind with ``rule`` as its rule's name, its English (as the
    engine wrote it before the templates) and what its Chinese must hold: the user's
    words and the numbers, as written."""
    return {
        "ladder": (
            Reason("ladder", total=2.5, window=90, at=2.0, step=STEP, rule=rule, post="5513"),
            f"strike ladder: 2.50 strikes in 90d ≥ 2 → restrict 7d (rule '{rule}', post 5513)",
            ("2.50", "90", "2", "7", rule, "5513"),
        ),
        "step": (Reason("step", action="warn"), "warn", ()),
        "step_days": (STEP, "restrict 7d", ("7",)),
        "rule_account": (
            Reason(
                "rule_account",
                rule=rule,
                action="ban",
                evidence=Reason("fired", stage="upload", rule=rule, action="ban"),
            ),
            f"rule '{rule}' → ban: upload: rule '{rule}' → ban",
            (rule,),
        ),
        "fired": (
            Reason("fired", stage="report", rule=rule, action="remove"),
            f"report: rule '{rule}' → remove",
            (rule,),
        ),
        "fired_on": (
            Reason("fired_on", stage="upload", rule=rule, action="downrank", hits=(HIT,)),
            f"upload: rule '{rule}' → downrank on {HIT_TEXT}",
            (rule, "'电子烟'", "'电★子★烟'", "dian zi yan"),
        ),
        "fired_shadow": (
            Reason("fired_shadow", stage="upload", rule=rule, action="remove"),
            f"upload: rule '{rule}' → remove (shadow)",
            (rule,),
        ),
        "fired_shadow_on": (
            Reason("fired_shadow_on", stage="upload", rule=rule, action="label", hits=(HIT,)),
            f"upload: rule '{rule}' → label (shadow) on {HIT_TEXT}",
            (rule, "'电子烟'"),
        ),
        "hit": (HIT, HIT_TEXT, ("违禁词", "'电子烟'")),
        "hit_category": (Reason("hit_category", category="烟草"), " [烟草]", ("烟草",)),
        "hit_written": (
            Reason("hit_written", written="'电★子★烟'"),
            " as written '电★子★烟'",
            ("'电★子★烟'",),
        ),
        "hit_how": (
            Reason("hit_how", how=Reason("how_pinyin", syllables="dian zi yan")),
            " (pinyin dian zi yan)",
            ("dian zi yan",),
        ),
        "how_abbreviation": (
            Reason("how_abbreviation", spelling="dzy = 电子烟"),
            "abbreviation dzy = 电子烟",
            ("dzy = 电子烟",),
        ),
        "how_pinyin": (Reason("how_pinyin", syllables="yan"), "pinyin yan", ()),
        "how_sound": (Reason("how_sound", syllables="yan dan"), "sound-alike yan dan", ()),
        "how_other": (Reason("how_other", how="相似"), "相似", ("相似",)),
        "hit_quoted": (
            Reason("hit_quoted", what=Reason("predicted_violating")),
            "'predicted violating'",
            (),
        ),
        "predicted": (Reason("predicted", categories="烟草"), "predicted 烟草", ("烟草",)),
        "predicted_violating": (Reason("predicted_violating"), "predicted violating", ()),
        "reports": (
            Reason("reports", count=3, per="account", window=2, least=2),
            "3 reports per account in 2d (≥2)",
            ("3", "2"),
        ),
        "banned_device": (Reason("banned_device"), "previously banned device", ()),
        "review_confirmed": (
            Reason("review_confirmed", rule=rule, hours=5.5),
            f"review: reviewer confirmed rule '{rule}' after 5.5h",
            (rule, "5.5"),
        ),
        "review_rejected": (
            Reason("review_rejected", rule=rule, hours=12.0),
            f"review: reviewer rejected rule '{rule}' after 12.0h",
            (rule, "12.0"),
        ),
        "appeal": (Reason("appeal", rule=rule), f"appeal: overturned rule '{rule}'", (rule,)),
        "appeal_wrong": (
            Reason("appeal_wrong", rule=rule),
            f"appeal: overturned rule '{rule}' (the action was wrong)",
            (rule,),
        ),
    }


def test_every_kind_has_a_sample():
    assert set(samples(RULE)) == set(KINDS)


@pytest.mark.parametrize("rule", ODD_RULES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_reads_back_from_its_english(kind, rule):
    """format → parse → the same kind and values → the same English, whatever the
    rule's name holds."""
    reason, english, _kept = samples(rule)[kind]
    assert reason.key == kind
    assert str(reason) == english  # written with the engine's format strings
    again = parse(english, (kind,))
    assert again == reason, (again, reason)
    assert again.render() == english
    if kind in ("ladder", "rule_account", "review_confirmed", "appeal_wrong", "fired_on"):
        assert parse(english) == reason  # a decision's reason, found among them all


def test_the_engine_writes_each_kind_from_its_template():
    """ENGLISH is the template, positionally, with the numbers' format specs: the
    engine's f-strings of before, word for word."""
    assert ENGLISH["ladder"](1.0, 90, 1.0, "warn", "r", 7) == (
        "strike ladder: 1.00 strikes in 90d ≥ 1 → warn (rule 'r', post 7)"
    )
    assert ENGLISH["review_rejected"]("r", 2.25) == "review: reviewer rejected rule 'r' after 2.2h"
    assert ENGLISH["step_days"]("restrict", 7) == "restrict 7d"
    assert ENGLISH["reports"](3, "post", 2, 2) == "3 reports per post in 2d (≥2)"


@pytest.mark.parametrize(
    "hit",
    [
        Hit("kw", "vape", "tobacco", written="V@PE", how="abbreviation v = vape"),
        Hit("kw", "it's", written='it"s'),  # repr picks the other quotes
        Hit("kw", "a; b → c", "drugs"),  # the join of hits inside a term
        Hit("kw", "烟", how="sound-alike yan"),
        Hit("kw", "x", how="word boundaries"),
        Hit("model", "predicted violating"),
        Hit("model", "predicted medical,tobacco", "medical,tobacco"),
        Hit("reported", "3 reports per account in 7d (≥3)"),
        Hit("device", "previously banned device"),
    ],
)
def test_a_detectors_hit_reads_back(hit):
    text = str(hit)
    reason = parse(text, ("hit",))
    assert reason is not None and reason.render() == text
    assert reason["detector"] == hit.detector


def test_hits_are_split_on_semicolons_unless_a_term_holds_one():
    hits = "; ".join(str(h) for h in (Hit("kw", "a; b", "x"), Hit("kw", "c"), Hit("m", "d; e")))
    text = f"upload: rule 'r; s' → remove on {hits}"
    reason = parse(text)
    assert reason is not None and reason.key == "fired_on" and reason["rule"] == "r; s"
    assert [h["term"] for h in reason["hits"]] == ["'a; b'", "'c'", "'d; e'"]
    assert reason.render() == text


def test_hits_that_do_not_read_are_kept_as_written():
    text = "upload: rule 'r' → remove on something a later version found"
    reason = parse(text)
    assert reason is not None and reason["hits"] == ("something a later version found",)
    assert reason.render() == text


def test_a_reason_that_does_not_read_back_is_none():
    assert parse("") is None
    assert parse("a reason worded by a later version") is None
    assert parse("strike ladder: 1 strikes in 90d ≥ 1 → warn (rule 'r', post 7)") is None
    assert parse("appeal: overturned rule 'r' (it was wrong)") is None


def test_a_rule_name_that_makes_a_reason_ambiguous_is_not_read():
    """Named ``a' → ban: upload: rule 'b``, a rule's account action reads in two ways
    (which rule fired on the post?): it is shown as stored, not guessed."""
    rule = "a' → ban: upload: rule 'b"
    text = f"rule '{rule}' → ban: upload: rule '{rule}' → ban"
    assert str(samples(rule)["rule_account"][0]) == text
    assert parse(text) is None


def _chinese(reason: Reason) -> str:
    tr = translator("zh_CN")
    return reason.render(
        lambda template: tr(CONTEXT, template),
        lambda word: tr("Words", word),
        lambda value, spec: format(value, spec),
    )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_reads_in_chinese(kind):
    _reason, english, kept = samples(RULE)[kind]
    chinese = _chinese(parse(english, (kind,)))
    for part in kept:
        assert part in chinese, (chinese, part)
    # no English of a template is left: only the user's words (here the pinyin and the
    # abbreviation they typed) hold Latin letters
    rest = chinese
    for part in (*kept, "dian zi yan", "dzy", "tobacco", "yan dan", "yan"):
        rest = rest.replace(part, "")
    assert not LATIN.search(rest), chinese
    if LATIN.search(re.sub(r"\{\w+\}", "", KINDS[kind].template)):
        assert HAN.search(rest), chinese  # a template's own words are said in Chinese


def test_the_ladder_in_chinese():
    english = samples(RULE)["ladder"][1]
    assert _chinese(parse(english)) == (
        f"违规计分阶梯：90 天内 2.50 分 ≥ 2 → 限制 7 天（规则“{RULE}”，帖子 5513）"
    )


def test_a_classifiers_hit_in_chinese():
    text = str(MODEL_HIT)
    assert text == "model: 'predicted medical,tobacco' [medical,tobacco]"
    assert str(Hit("model", "predicted medical,tobacco", "medical,tobacco")) == text
    assert parse(text, ("hit",)) == MODEL_HIT
    assert _chinese(MODEL_HIT) == "model：“预测为 medical,tobacco” [medical,tobacco]"
