"""Blank lines: skipped alike in TSV, CSV and JSON Lines (not rows, counted in the report),
while a row that is really wrong is still an error at its file, row, line and column."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import policy
from policy.corpus import CorpusError, read_corpus
from policy.evaluate import evaluate, format_report
from simulation.cli.policy import policy_app

ROWS = [
    ("spam", "URGENT! Call 09061234567 to claim your prize"),
    ("ham", "see you at 7"),
    ("spam", "Text WIN to 80086 now, 150p/msg"),
    ("ham", "call me later"),
]
# what goes between the rows (and before the first and after the last line): every kind
# of blank line, 6 in all (the fifth is never used: there are four rows)
BLANKS = ["\n", "   \n", "\r\n", "\n \t \n", "\n", "  \n"]


def _line(fmt: str, label: str, text: str) -> str:
    if fmt == "jsonl":
        return json.dumps({"label": label, "text": text}) + "\n"
    if fmt == "csv":
        return f'{label},"{text}"\n'
    return f"{label}\t{text}\n"


def _write(path, fmt: str, blanks: list[str], rows=ROWS) -> None:
    """The rows with ``blanks[i]`` before row i (and ``blanks[-1]`` after the last)."""
    head = "" if fmt == "jsonl" else ("label\ttext\n" if fmt == "tsv" else "label,text\n")
    body = "".join(b + _line(fmt, *r) for b, r in zip(blanks, rows, strict=False))
    path.write_text(
        blanks[0] + head + body[len(blanks[0]) :] + blanks[-1], encoding="utf-8", newline=""
    )


def _rows(path, **kw) -> tuple[list[tuple[str, str]], int]:
    chunks = list(read_corpus(path, **kw))
    rows = [(lab, t) for c in chunks for lab, t in zip(c.labels, c.texts, strict=True)]
    return rows, sum(c.blank_lines for c in chunks)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
@pytest.mark.parametrize("chunksize", [1, 2, 50])
def test_blank_lines_are_skipped_and_counted_in_every_format(tmp_path, fmt, chunksize):
    plain, blank = tmp_path / f"plain.{fmt}", tmp_path / f"blank.{fmt}"
    _write(plain, fmt, [""] * 5)
    _write(blank, fmt, BLANKS)
    n_blank = sum(b.count("\n") for b in BLANKS[:4]) + BLANKS[-1].count("\n")
    assert _rows(plain, chunksize=chunksize) == (ROWS, 0)
    assert _rows(blank, chunksize=chunksize) == (ROWS, n_blank)
    p = policy.load_policy("spam")
    want = evaluate(p, plain, chunksize=chunksize).to_dict()
    got = evaluate(p, blank, chunksize=chunksize)
    assert got.blank_lines == n_blank and got.to_dict()["blank_lines"] == n_blank
    for key in ("messages", "positives", "negatives", "overall", "rules"):
        assert got.to_dict()[key] == want[key], key


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
def test_errors_after_blank_lines_name_the_row_and_its_line(tmp_path, fmt):
    path = tmp_path / f"c.{fmt}"
    _write(path, fmt, BLANKS, [*ROWS[:2], ("spma", "a typo in the label")])
    with pytest.raises(CorpusError) as info:
        _rows(path)
    err = info.value
    # rows count records (blank lines are not rows); lines count every line of the file
    header = 0 if fmt == "jsonl" else 1
    assert (err.row, err.column) == (3, "label")
    assert err.line == 5 + header + 1  # blank, (header,) row, blank, row, blank, the row
    assert "unknown label 'spma'" in str(err) and f"row 3 (line {err.line})" in str(err)


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_a_row_with_a_missing_field_is_an_error_at_its_line(tmp_path, fmt):
    sep = "\t" if fmt == "tsv" else ","
    path = tmp_path / f"c.{fmt}"
    path.write_text(f"label{sep}text\nham{sep}hi\n\nham\nspam{sep}x\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        _rows(path)
    err = info.value
    assert (err.row, err.line, err.column) == (2, 4, "text")
    assert "expected 2 fields, found 1: no value for 'text'" in str(err)
    path.write_text(f"label{sep}text\n\nham{sep}a{sep}b\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        _rows(path)
    assert (info.value.row, info.value.line) == (1, 3)
    assert "expected 2 fields, found 3" in str(info.value)


def test_a_blank_line_inside_a_quoted_csv_field_is_text(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('label,text\r\nspam,"first\r\n\r\nthird"\r\n\r\nham,hi\r\n', newline="")
    assert _rows(path) == ([("spam", "first\r\n\r\nthird"), ("ham", "hi")], 1)
    path.write_text('label,text\nspam,"one\n\ntwo"\nspma,x\n')
    with pytest.raises(CorpusError) as info:
        _rows(path)
    assert (info.value.row, info.value.line) == (2, 5)  # CSV errors now have their line too


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
def test_a_file_of_blank_lines_says_so(tmp_path, fmt):
    path = tmp_path / f"c.{fmt}"
    path.write_text("\n  \n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="only 3 blank lines"):
        _rows(path)


def test_undecodable_bytes_after_blank_lines_are_located(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_bytes(b"\nlabel\ttext\nham\tfine\n\n \nham\tcaf\xe9 au lait\n")
    with pytest.raises(CorpusError) as info:
        _rows(path)
    err = info.value
    assert (err.row, err.line, err.column) == (2, 6, "text")
    assert "byte 0xe9, character 8 of the line" in str(err)


def test_the_report_says_how_many_blank_lines_were_skipped(tmp_path):
    path = tmp_path / "c.tsv"
    _write(path, "tsv", BLANKS)
    res = CliRunner().invoke(policy_app, ["evaluate", "spam", "--corpus", str(path)])
    assert res.exit_code == 0, res.output
    assert "4 messages (2 spam, 2 ham, 0 ignored)" in res.output
    assert "messages/s; 6 blank lines skipped" in res.output
    res = CliRunner().invoke(policy_app, ["evaluate", "spam", "--corpus", str(path), "--json"])
    assert json.loads(res.output)["blank_lines"] == 6
    _write(path, "tsv", [""] * 5)
    assert "blank" not in format_report(evaluate(policy.load_policy("spam"), path))


def test_the_shipped_corpora_have_no_blank_lines(sms_corpus, zh_reviews):
    for path, n in ((sms_corpus, 5574), (zh_reviews, 4291)):
        rows, blank = _rows(path)
        assert (len(rows), blank) == (n, 0)
