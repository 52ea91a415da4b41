"""A term that is one of its detector's exceptions never counts as written, but the
detector still matches its other spellings: its pinyin typed in Latin letters and the
hanzi that sound like it. Lint said "it never counts", while ``weige available`` was
removed by a policy whose exceptions held 伟哥."""

from __future__ import annotations

from policy import load_policy_text
from policy.explanation import explain
from policy.lint import lint

POLICY = """
version: 1
name: exception spellings
detectors:
  kw:
    type: keywords
    terms: {{sexual_health: [伟哥, 春药]}}
    exceptions: {exceptions}
    normalize: {steps}
rules:
  - name: r
    when: {{hit: kw}}
    action: remove
"""


def _warnings(exceptions: str, steps: str = "[pinyin]") -> list[str]:
    policy = load_policy_text(POLICY.format(exceptions=exceptions, steps=steps), "p.yaml")
    return [str(w.message) for w in lint(policy) if "'伟哥' is" in str(w.message)]


def _removed(exceptions: str, text: str) -> bool:
    policy = load_policy_text(POLICY.format(exceptions=exceptions, steps="[pinyin]"), "p.yaml")
    return explain(policy, text).action == "remove"


def test_the_spellings_that_still_fire_are_named():
    (said,) = [w for w in _warnings("[伟哥]") if "exceptions" in w]
    assert said.startswith(
        "term '伟哥' is one of the detector's exceptions: written as itself it never counts, "
        "but the detector still matches other spellings of it ('weige', '位哥'"
    )
    # what it says is what the matcher does
    assert _removed("[伟哥]", "weige available") and _removed("[伟哥]", "我和位哥吃饭")
    assert not _removed("[伟哥]", "伟哥")


def test_an_exception_for_a_spelling_takes_it_off_the_list():
    (said,) = [w for w in _warnings("[伟哥, weige]") if "exceptions" in w]
    assert "'weige'" not in said and "'位哥'" in said
    assert not _removed("[伟哥, weige]", "weige available")


def test_sound_alikes_are_found_by_the_matcher_itself():
    """With the term's pinyin silenced too, hanzi of the same sound still fire (電子煙,
    殿子烟): lint said "never counts" of 电子烟 when the listed sound-alikes (two
    ordinary words only) ran out; the examples now come from the matcher's own scan."""
    exceptions = "[电子烟, dianziyan]"
    policy = load_policy_text(
        POLICY.replace("[伟哥, 春药]", "[电子烟]").format(exceptions=exceptions, steps="[pinyin]"),
        "p.yaml",
    )
    (said,) = [str(w.message) for w in lint(policy) if "'电子烟' is" in str(w.message)]
    assert "written as itself it never counts, but the detector still matches" in said
    shown = said.split("(", 1)[1].split(")", 1)[0].split(", ")
    spelled = [s.strip("'") for s in shown if s != "…"]
    assert spelled and all(len(s) == 3 and s != "电子烟" for s in spelled)
    for text in [*spelled, "電子煙"]:  # each example, and the traditional spelling
        assert explain(policy, text).action == "remove", text


def test_without_other_spellings_it_never_counts():
    # no pinyin step: nothing but the term as written, which the exception silences
    assert _warnings("[伟哥]", "[]") == [
        "term '伟哥' is one of the detector's exceptions: it never counts"
    ]
