"""The commonest offer phrasing, a sound-alike followed by 有货 ("in stock"), is caught:
椿药有货 was allowed because 药有 (a rare entry of the segmented word list, a piece of two
words) counted as a word overlapping the sound-alike; a word reaching past a sound-alike
explains it only when it is a real word (厨房要 is still not 处方药, 递烟又说 not 烟油).
``policy explain`` says which sound-alike a word explained, and which word."""

from __future__ import annotations

import pytest

from policy import explain, load_policy


@pytest.mark.parametrize("text", ["椿药有货", "椿药，有货", "椿药到货", "有椿药有货"])
def test_a_sound_alike_before_a_common_phrase_is_caught(text):
    assert explain(load_policy("crackdown_zh"), text).action == "remove"


@pytest.mark.parametrize("text", ["递烟又说了一遍", "厨房要收拾", "威信很高"])
def test_ordinary_chinese_is_still_spared(text):
    assert explain(load_policy("crackdown_zh"), text).action == "allow"


def test_explain_names_the_word_that_explains_a_sound_alike():
    exp = explain(load_policy("crackdown_zh"), "递烟又说")
    assert exp.set_aside["restricted_terms"] == [
        "'烟油' as written '烟又': sounds like the term, but the word '又' explains it"
    ]
