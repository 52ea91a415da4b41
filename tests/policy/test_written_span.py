"""A hit's "as written" is the text that stands for it, not the rest of a run the repeats
step made one character across a space: 卖电子烟 烟草专卖局 quoted '电子烟 烟' for 电子烟,
and its exception as '烟 烟草专卖局'. A run with no separator in it is still quoted whole
(电电子子烟烟)."""

from __future__ import annotations

import pytest

from policy import explain, load_policy


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("卖电子烟 烟草专卖局", "电子烟"),
        ("卖电子烟，烟油", "电子烟"),
        ("电电子子烟烟", "电电子子烟烟"),
        ("电★子★烟", "电★子★烟"),
    ],
)
def test_as_written_stops_at_the_separator(text, written):
    exp = explain(load_policy("crackdown_zh"), text)
    hits = [h.located() for h in exp.hits["restricted_terms"] if h.what == "电子烟"]
    assert [h.written for h in hits] == [written]
    assert all(text[slice(*h.span)] == h.written for h in hits)


def test_a_set_aside_exception_is_quoted_as_written():
    exp = explain(load_policy("crackdown_zh"), "卖电子烟 烟草专卖局")
    assert (
        "'烟草' as written '烟草': inside the exception '烟草专卖局'"
        in exp.set_aside["restricted_terms"]
    )
