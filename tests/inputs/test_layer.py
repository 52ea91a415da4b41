"""The input layer itself: limits before parsing, YAML 1.2 values, positions, messages."""

from __future__ import annotations

from typing import Annotated

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field

from policy.errors import LocatedError, Problem
from policy.yamlfile import (
    Limits,
    at_most,
    load_yaml,
    parse_value,
    parse_yaml,
    read_text,
    read_yaml,
    validate,
)


def problems(text: str, **kw) -> list[Problem]:
    with pytest.raises(LocatedError) as info:
        parse_yaml(text, "t.yaml", **kw)
    return info.value.problems


def test_yaml_12_values():
    data = parse_yaml(
        "a: 1e6\nb: no\nc: 0x1F\nd: ~\ne: 2024-01-01\nf: '1'\ng: !!str 5\nh: true\ni: 1_000\n"
    ).data
    assert data == {
        "a": 1e6,
        "b": "no",
        "c": 31,
        "d": None,
        "e": "2024-01-01",
        "f": "1",
        "g": "5",
        "h": True,
        "i": 1000,
    }


def test_positions_count_characters_not_bytes():
    doc = parse_yaml("名字: 值\nrules:\n  - name: a\n    action: remove\n")
    assert doc.where(("名字",)) == (1, 5)
    assert doc.where(("rules", 0, "action")) == (4, 13)
    assert doc.where(("rules", 0, "action"), key=True) == (4, 5)
    assert doc.where(("rules", 0, "nope")) == (3, 5)  # the nearest ancestor


def test_tags_duplicates_and_complex_keys_are_located():
    (p,) = problems("a: 1\nb: !!python/name:os.system x\n")
    assert (p.line, p.column, p.field) == (2, 4, "b") and "not allowed" in p.message
    (p,) = problems("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert (p.line, p.column, p.field) == (4, 3, "b.c") and "duplicate key" in p.message
    (p,) = problems("? [a]\n: b\n")
    assert "plain text" in p.message


def test_anchors_aliases_and_merge_keys_work_within_limits():
    doc = parse_yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\ne: *b\n")
    assert doc.data["d"] == {"x": 1, "y": 3} and doc.data["e"] == {"x": 1, "y": 2}


def test_recursive_and_unknown_aliases():
    (p,) = problems("a: &x [1, *x]\n")
    assert "refers to the value it is inside" in p.message and p.field == "a[1]"
    (p,) = problems("a: *nope\n")
    assert "unknown alias" in p.message


def test_alias_expansion_limit_counts_expanded_values():
    text = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
    assert parse_yaml(text, limits=Limits(max_values=25)).data["b"][2] == [1, 2, 3, 4]
    (p,) = problems(text, limits=Limits(max_values=12))
    assert p.field == "b[1]" and "alias bomb" in p.message


def test_depth_limit_stops_a_deep_document_at_once():
    (p,) = problems("a: " + "[\n" * 100_000 + "]\n" * 100_000)
    assert p.line == 64 and "nested deeper than 64" in p.message


def test_size_and_line_limits(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"name: x\n" + b"# filler\n" * 200_000)
    with pytest.raises(LocatedError, match="larger than 1 MiB"):
        read_text(big)
    (p,) = problems("a: 1\nrules:\n  - name: " + "x" * 20 + "\n", limits=Limits(max_line=12))
    assert (p.line, p.field) == (3, "rules[0].name") and "lines may be at most 12" in p.message


def test_encoding_problems_name_the_place(tmp_path):
    f = tmp_path / "latin1.yaml"
    f.write_bytes("name: ok\ndescription: caf\xe9\n".encode("latin-1"))
    with pytest.raises(LocatedError) as info:
        read_text(f)
    (p,) = info.value.problems
    assert (p.line, p.column, p.field) == (2, 17, "description") and "not UTF-8" in p.message
    f.write_bytes("\ufeffname: ok\n".encode())  # a byte-order mark is fine
    assert read_yaml(f).data == {"name": "ok"}
    f.write_bytes("name: ok\n".encode("utf-16"))
    with pytest.raises(LocatedError, match="UTF-16"):
        read_text(f)
    (p,) = problems("a: 1\nb: x\x07y\n")
    assert (p.line, p.column, p.field) == (2, 5, "b") and "control character U+0007" in p.message


BAD_BYTES = [
    # a comment line under a key: the place of the byte, no field (it was the key above)
    (b"name: ok\ndescription: fine\n# caf\xe9 comment\nrules: []\n", [(3, 6, "")]),
    (b"name: ok  # caf\xe9\nrules: []\n", [(1, 16, "")]),  # a comment after a value
    (b"name: ok\ndescription: caf\xe9\n", [(2, 17, "description")]),
    (  # in a list item, a flow collection and a key
        b"rules:\n  - name: r\xff\n    when: {text: [a, b\xfe]}\n  - caf\xe9: 1\n",
        [(2, 12, "rules[0].name"), (3, 23, "rules[0].when.text[1]"), (4, 8, "rules[1].caf\ufffd")],
    ),
    (  # a block scalar: its header's comment is no field, its lines are
        b"a: |  # h\xff\n  l1\n  l\xff2\n# c\xff\nb: 'q\xff'\n",
        [(1, 10, ""), (3, 4, "a"), (4, 4, ""), (5, 6, "b")],
    ),
    # the column counts characters (\u4e2d is three bytes, one column); the offset bytes
    # of the file, its byte-order mark included
    (b"\xef\xbb\xbfname: \xe4\xb8\xad\xff\n", [(1, 8, "name")]),
    (b"a: 1\n\n   \xff\n", [(3, 4, "a")]),  # an indented line continues the value
    (b"a: 1\n\xff\n", [(2, 1, "")]),  # not indented: in no field
    (b"a: [1, 2\nb: 3  # \xff\n", [(2, 9, "")]),  # after a syntax error: still a comment
]


@pytest.mark.parametrize(("data", "where"), BAD_BYTES)
def test_every_undecodable_byte_is_located_at_its_own_place(tmp_path, data, where):
    f = tmp_path / "bad.yaml"
    f.write_bytes(data)
    with pytest.raises(LocatedError) as info:
        read_text(f)
    got = [(p.line, p.column, p.field) for p in info.value.problems]
    assert got == where
    assert all("not UTF-8 text (byte 0x" in p.message for p in info.value.problems)
    if data.startswith(b"\xef\xbb\xbf"):
        assert "byte 0xff at offset 12" in info.value.problems[0].message


def test_undecodable_bytes_run_together_and_are_counted_past_ten(tmp_path):
    f = tmp_path / "gbk.yaml"
    f.write_bytes("name: ok\ndescription: 中文\n".encode("gbk"))
    with pytest.raises(LocatedError) as info:
        read_text(f)
    (p,) = info.value.problems
    assert (p.line, p.column, p.field) == (2, 14, "description")
    assert "bytes 0xd6 0xd0 0xce 0xc4 at offset 22" in p.message
    f.write_bytes(b"# latin-1 notes\nx: " + b"\xe9 " * 30 + b"\n")
    with pytest.raises(LocatedError) as info:
        read_text(f)
    problems = info.value.problems
    assert len(problems) == 11
    assert [(p.line, p.column) for p in problems] == [(2, 4 + 2 * i) for i in range(11)]
    assert {p.field for p in problems} == {"x"}
    assert "here and at 19 more places after it (10 listed before)" in problems[-1].message


def test_other_byte_level_problems_in_a_comment_name_no_field():
    # a control character and an over-long line, each in a comment under a key
    (p,) = problems("a: 1\n# comment \x07 here\nb: 2\n")
    assert (p.line, p.column, p.field) == (2, 11, "") and "U+0007" in p.message
    (p,) = problems("a: 1\nb: x\x07y\n")
    assert (p.line, p.column, p.field) == (2, 5, "b")
    (p,) = problems("a: 1\n# " + "x" * 50 + "\nb: 2\n", limits=Limits(max_line=20))
    assert (p.line, p.field) == (2, "") and "lines may be at most 20" in p.message
    (p,) = problems("a: 1\nb: " + "x" * 50 + "\n", limits=Limits(max_line=20))
    assert (p.line, p.field) == (2, "b")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([b"a", b":", b" ", b"\n", b"- ", b"#", b"[", b"]", b"'", b"|", b"x"]),
            st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\x80"]),
        ),
        max_size=60,
    )
)
def test_undecodable_bytes_are_reported_where_they_are(tmp_path_factory, parts):
    """Each problem points at a byte that is not UTF-8: the character at its line and
    column (decoded, one character per such byte) is one."""
    data = b"".join(parts)
    path = tmp_path_factory.mktemp("bytes") / "f.yaml"
    path.write_bytes(data)
    try:
        read_text(path)
    except LocatedError as exc:
        lines = data.decode("utf-8", "surrogateescape").split("\n")
        for p in exc.problems:
            assert p.line >= 1 and p.column >= 1
            if "not UTF-8" in p.message:
                assert "\udc80" <= lines[p.line - 1][p.column - 1] <= "\udcff", p


def test_not_a_file(tmp_path):
    with pytest.raises(LocatedError, match="cannot read"):
        read_text(tmp_path / "missing.yaml")
    with pytest.raises(LocatedError, match="directory"):
        read_text(tmp_path)


def test_unclosed_bracket_is_reported_where_it_was_opened():
    (p,) = problems("name: t\nterms: [a, b\nrules: []\n")
    assert (p.line, p.column, p.field) == (2, 8, "terms") and "not closed" in p.message


def test_one_document_per_file():
    (p,) = problems("a: 1\n---\nb: 2\n")
    assert p.line == 2 and "one YAML document" in p.message


class _Inner(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)
    rate: Annotated[float, Field(ge=0), at_most(10, "the engine draws each one")] = 1.0


class _Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    items: list[_Inner] = []


def test_validation_errors_are_located_with_suggestions_and_reasons(tmp_path):
    doc = parse_yaml("name: x\nitems:\n  - rate: 11\n  - raet: 1\n", "m.yaml")
    with pytest.raises(LocatedError) as info:
        validate(_Outer, doc)
    first, second = info.value.problems
    assert str(first) == (
        "m.yaml:3:11: items[0].rate: at most 10: the engine draws each one, got 11"
    )
    assert (second.line, second.column, second.field) == (4, 5, "items[1].raet")
    assert "did you mean 'rate'?" in second.message and "expected one of: rate" in second.message
    f = tmp_path / "m.yaml"
    f.write_text("items: []\n", encoding="utf-8")
    with pytest.raises(LocatedError, match="missing required key 'name'"):
        load_yaml(f, _Outer)


def test_parse_value_for_command_lines():
    assert parse_value("3", "--set") == 3 and parse_value("[1, 2]", "--set") == [1, 2]
    assert parse_value("", "--set") is None
    with pytest.raises(LocatedError, match="not allowed"):
        parse_value("!!python/object:os.system x", "--set")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_are_data_or_a_located_error(tmp_path_factory, data):
    """Whatever the bytes, the layer returns data or raises LocatedError, never else."""
    path = tmp_path_factory.mktemp("any") / "f.yaml"
    path.write_bytes(data)
    try:
        read_yaml(path, mapping=False)
    except LocatedError as exc:
        assert all(p.file == str(path) and p.message for p in exc.problems)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ,?<%@`12.")), max_size=120))
def test_any_yaml_like_text_is_data_or_a_located_error(text):
    try:
        parse_yaml(text, "t.yaml", mapping=False)
    except LocatedError as exc:
        assert all(p.line >= 0 and p.message for p in exc.problems)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("a: 1\nrules: [\n", 2, 8), ("a: '['\nb: {x: 1\n", 2, 4), ("a: 1  # [\nb: [1,\n", 2, 4)],
)
def test_a_bracket_left_open_at_the_end_is_reported_where_it_opens(text, line, column):
    with pytest.raises(LocatedError) as exc:
        parse_yaml(text)
    problem = exc.value.problems[0]
    assert (problem.line, problem.column) == (line, column)
    assert "opened here is not closed" in problem.message
