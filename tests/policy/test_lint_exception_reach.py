"""Lint counts a spelling as handled by the detector's exceptions only where the matcher
silences it: a hit counts unless it lies inside an exception's own text. An exception that
holds a sound-alike (魏哥生日 holds 魏哥) silences it there, not in 魏哥来了; one written
otherwise than the word it names (Specialist) or one inside the word that holds the term
(cialist in specialist) silences the term in that word wherever it is written."""

from __future__ import annotations

from policy import explain, load_policy_text
from policy.lint import lint
from policy.lint_spellings import sound_alikes
from policy.lint_terms import words_holding

SOUND = """
name: sound
detectors:
  kw:
    type: keywords
    normalize: [nfkc, casefold, pinyin]
    terms: {{aphrodisiac: [伟哥]}}
    exceptions: [{exceptions}]
rules: [{{name: r, when: {{hit: kw}}, action: remove}}]
"""


def _sound(exceptions: list[str]):
    return load_policy_text(SOUND.format(exceptions=", ".join(exceptions) or '""'))


def _pinyin_warnings(policy) -> list[str]:
    return [w.message for w in lint(policy) if "the pinyin step reads" in w.message]


def test_a_sound_alike_inside_a_longer_exception_is_not_handled_elsewhere():
    # every sound-alike of 伟哥 lint finds listed as it is, but 魏哥 only inside 魏哥生日
    others = [v for v in sound_alikes(_sound([]).detectors["kw"])["伟哥"] if v != "魏哥"]
    policy = _sound([*others, "魏哥生日"])
    assert sound_alikes(policy.detectors["kw"]) == {"伟哥": ["魏哥"]}
    (warning,) = _pinyin_warnings(policy)
    assert "(魏哥 → '伟哥')" in warning
    # what the matcher does: silenced inside the exception, a hit anywhere else
    assert explain(policy, "魏哥生日快乐").action == "allow"
    assert explain(policy, "新年快乐！魏哥来了").action == "remove"


def test_a_sound_alike_listed_as_it_is_is_handled():
    others = sound_alikes(_sound([]).detectors["kw"])["伟哥"]
    policy = _sound(others)
    assert sound_alikes(policy.detectors["kw"]) == {}
    assert _pinyin_warnings(policy) == []
    assert explain(policy, "新年快乐！魏哥来了").action == "allow"


INSIDE = """
name: inside
detectors:
  kw:
    type: keywords
    normalize: [nfkc, casefold]
    terms: {{medical: [cialis, 电子]}}
    exceptions: [{exceptions}]
rules: [{{name: r, when: {{hit: kw}}, action: remove}}]
"""


def _inside(exceptions: str) -> tuple[object, dict[str, str]]:
    policy = load_policy_text(INSIDE.format(exceptions=exceptions))
    said = {
        w.message.split("'")[1]: w.message
        for w in lint(policy)
        if "common English word" in w.message or "common Chinese word" in w.message
    }
    return policy, said


def test_a_word_the_exceptions_silence_everywhere_is_not_warned():
    assert {"specialist", "specialists"} <= set(words_holding(["cialis"], "en")["cialis"])
    # written in capitals, the exception still is the word as the matcher reads it
    policy, said = _inside("Specialist")
    assert "specialist" not in said["cialis"] and "specialists" not in said["cialis"]
    assert explain(policy, "ask a specialist").action == "allow"
    assert explain(policy, "two specialists").action == "allow"
    # a part of the word that holds the term silences it in the word
    policy, said = _inside("cialist")
    assert "specialist" not in said["cialis"] and "socialist" not in said["cialis"]
    assert "socialism" in said["cialis"]
    assert explain(policy, "a socialist specialist").action == "allow"
    assert explain(policy, "socialism").action == "remove"


def test_a_word_inside_a_longer_exception_is_still_warned():
    policy, said = _inside("specialists, 电子邮件地址")
    assert "specialist, " in said["cialis"]  # 'specialists' holds it: silenced only there
    # 电子邮件地址 holds 电子邮件: the same warning as without it; 电子邮件 itself is one less
    assert said["电子"] == _inside('""')[1]["电子"]
    count = int(said["电子"].split(" is inside ")[1].split()[0])
    assert f"is inside {count - 1} common" in _inside("电子邮件")[1]["电子"]
    assert explain(policy, "ask a specialist").action == "remove"
    assert explain(policy, "发个电子邮件").action == "remove"
    assert explain(policy, "电子邮件地址").action == "allow"
