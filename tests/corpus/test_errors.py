"""A malformed corpus gives a clear error naming the file, the row and the column,
from the API (CorpusError) and from the CLI (exit code 2)."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from policy.corpus import CorpusError, read_corpus
from simulation.cli.policy import policy_app


def _write(path, fmt: str, rows: list[dict], raw: bytes | None = None):
    if raw is not None:
        path.write_bytes(raw)
    elif fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(rows), path)
    elif fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        sep = "\t" if fmt == "tsv" else ","
        lines = [sep.join(rows[0])] + [sep.join(r.values()) for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _error(path, **kw) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        for _ in read_corpus(path, **kw):
            pass
    return info.value


FORMATS = ["tsv", "csv", "jsonl", "parquet"]
GOOD = [{"Label": "ham", "SMS": "hello"}, {"Label": "spam", "SMS": "WIN now"}]


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_column(tmp_path, fmt):
    path = _write(tmp_path / f"c.{fmt}", fmt, [{"Label": "ham", "Message": "hi"}])
    err = _error(path, text_column="SMS", label_column="Label")
    assert err.file == str(path) and err.column == "SMS"
    assert "no text column 'SMS'" in str(err) and "'Message'" in str(err)
    assert str(path) in str(err)


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_label_names_row_and_column(tmp_path, fmt):
    rows = [*GOOD, {"Label": "spma", "SMS": "typo in the label"}]
    path = _write(tmp_path / f"c.{fmt}", fmt, rows)
    err = _error(path, text_column="SMS", label_column="Label")
    assert (err.row, err.column) == (3, "Label")
    assert "unknown label 'spma'" in str(err) and "did you mean 'spam'" in str(err)
    assert str(err).startswith(f"{path}, row 3")


@pytest.mark.parametrize("fmt", ["tsv", "csv", "jsonl"])
def test_bad_encoding_names_row_and_column(tmp_path, fmt):
    head = {"tsv": b"Label\tSMS\n", "csv": b"Label,SMS\n", "jsonl": b""}[fmt]
    body = {
        "tsv": b"ham\tfine\nham\tcaf\xe9 latin-1\n",
        "csv": b"ham,fine\nham,caf\xe9 latin-1\n",
        "jsonl": b'{"Label": "ham", "SMS": "fine"}\n{"Label": "ham", "SMS": "caf\xe9"}\n',
    }
    path = _write(tmp_path / f"c.{fmt}", fmt, [], raw=head + body[fmt])
    err = _error(path)
    assert err.row == 2 and err.column == "SMS"
    assert "not valid UTF-8" in str(err) and str(path) in str(err)


def test_bad_encoding_in_parquet_binary_column(tmp_path):
    path = tmp_path / "c.parquet"
    pq.write_table(
        pa.table({"Label": ["ham", "ham"], "SMS": pa.array([b"ok", b"caf\xe9"], pa.binary())}), path
    )
    err = _error(path)
    assert (err.row, err.column) == (2, "SMS") and "not valid UTF-8" in str(err)


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_file(tmp_path, fmt):
    path = tmp_path / f"c.{fmt}"
    path.write_bytes(b"")
    err = _error(path)
    assert "empty" in str(err) and str(path) in str(err)


@pytest.mark.parametrize("fmt", ["tsv", "csv", "parquet"])
def test_header_without_rows(tmp_path, fmt):
    path = tmp_path / f"c.{fmt}"
    if fmt == "parquet":
        pq.write_table(
            pa.table({"Label": pa.array([], pa.string()), "SMS": pa.array([], pa.string())}), path
        )
    else:
        path.write_text("Label\tSMS\n" if fmt == "tsv" else "Label,SMS\n")
    assert "no messages" in str(_error(path))


def test_tsv_row_with_a_tab_inside_a_message(tmp_path):
    path = _write(tmp_path / "c.tsv", "tsv", [], raw=b"Label\tSMS\nham\ta\nham\tb\tc\n")
    err = _error(path)
    assert (err.row, err.line) == (2, 3) and "expected 2 fields" in str(err)


def test_cli_exits_2_with_the_location(tmp_path):
    path = _write(tmp_path / "c.tsv", "tsv", [*GOOD, {"Label": "eggs", "SMS": "x"}])
    res = CliRunner().invoke(policy_app, ["evaluate", "spam", "--corpus", str(path)])
    assert res.exit_code == 2
    assert f"{path}, row 3 (line 4), column 'Label': unknown label 'eggs'" in res.output
    res = CliRunner().invoke(
        policy_app, ["evaluate", "spam", "--corpus", str(path), "--map", "eggs"]
    )
    assert res.exit_code == 2 and "LABEL=TARGET" in res.output
    res = CliRunner().invoke(
        policy_app, ["evaluate", "spam", "--corpus", str(path), "--map", "eggs=bacon"]
    )
    assert res.exit_code == 2 and "unknown target 'bacon'" in res.output
    res = CliRunner().invoke(
        policy_app, ["evaluate", "spam", "--corpus", str(tmp_path / "nope.tsv")]
    )
    assert res.exit_code == 2 and "no such file" in res.output


def test_evaluate_out_never_replaces_files_it_did_not_write(sms_corpus, tmp_path):
    # --out wrote decisions.csv and report.html over whatever had those names: a
    # person's own report.html was lost.
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "report.html").write_text("my notes", encoding="utf-8")
    args = ["evaluate", "spam", "--corpus", str(sms_corpus), "--out"]
    refused = CliRunner().invoke(policy_app, [*args, str(mine)])
    assert refused.exit_code == 2
    assert "report.html, which Circle Lab did not write here" in refused.output
    assert (mine / "report.html").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in mine.iterdir()) == ["report.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]  # no staging folder left
    ours = tmp_path / "ours"
    for _ in range(2):  # what it wrote itself, it replaces
        done = CliRunner().invoke(policy_app, [*args, str(ours)])
        assert done.exit_code == 0, done.output
    assert {p.name for p in ours.iterdir()} == {".circlelab-bundle", "decisions.csv", "report.html"}


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
@pytest.mark.parametrize(
    ("column", "value", "found"),
    [
        ("SMS", None, "no value (null)"),
        ("SMS", ["vape"], "a list (JSON array)"),
        ("Label", None, "no value (null)"),
        ("Label", ["spam"], "a list (JSON array)"),
    ],
)
def test_a_value_that_is_not_text_is_an_error_at_its_row_and_column(
    tmp_path, fmt, column, value, found
):
    """A list became its Python spelling ("['vape']", which then matched 'vape') and a
    null text an empty message, counted and allowed: neither was in the file."""
    bad = {"Label": "spam", "SMS": "win"} | {column: value}
    if fmt == "parquet":  # one type per column: every row of the bad column is a list
        rows = [{**r, column: [r[column]] if isinstance(value, list) else r[column]} for r in GOOD]
    else:
        rows = list(GOOD)
    path = _write(tmp_path / f"c.{fmt}", fmt, [*rows, bad])
    err = _error(path, text_column="SMS", label_column="Label")
    row = 1 if fmt == "parquet" and isinstance(value, list) else 3
    assert (err.row, err.column) == (row, column)
    assert f"expected text, found {found}" in str(err)
    assert err.line == (row if fmt == "jsonl" else None)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_numbers_and_booleans_are_read_as_written(tmp_path, fmt):
    rows = [{"label": 1, "text": 42}, {"label": 0, "text": 7}]
    path = _write(tmp_path / f"c.{fmt}", fmt, rows)
    (chunk,) = read_corpus(path, mapping={"1": "spam", "0": "ham"})
    assert (chunk.texts, chunk.labels, chunk.y.tolist()) == (["42", "7"], ["1", "0"], [1, 0])
    path = _write(tmp_path / f"b.{fmt}", fmt, [{"label": True, "text": "x"}])
    (chunk,) = read_corpus(path, mapping={"true": "spam"})
    assert chunk.labels == ["true"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_map_label_no_message_has_is_an_error_naming_the_labels_there(tmp_path, fmt):
    """``--map hma=spam`` on a corpus labelled ham and spam was accepted: the map's typo
    mapped nothing and the run measured as if it were right. With ``every_label`` (a map
    someone gave), it is an error at the end of the file naming the option's pair, the
    label and the labels the file has; without, the map's labels need not all be there
    (the default map on a corpus of spam alone)."""
    path = _write(tmp_path / f"c.{fmt}", fmt, GOOD)
    err = _error(path, mapping={"spam": "spam", "hma": "regular"}, every_label=True)
    assert (err.row, err.line, err.column) == (None, None, "Label")
    assert str(err) == (
        f"{path}, column 'Label': no message has the label 'hma' of --map hma=regular "
        "(did you mean 'ham'?); the file's labels are 'ham', 'spam'"
    )
    # every chunk was read first: the error comes after the last
    read = []
    with pytest.raises(CorpusError):
        for chunk in read_corpus(path, mapping={"hma": "spam"}, every_label=True, chunksize=1):
            read += chunk.texts
    assert read == ["hello", "WIN now"]
    # labels that are all there, or a map nobody gave: no error
    assert sum(len(c) for c in read_corpus(path, mapping={"ham": "regular"}, every_label=True))
    assert sum(len(c) for c in read_corpus(path, mapping={"hma": "spam"})) == 2
    only_spam = _write(tmp_path / f"s.{fmt}", fmt, [{"Label": "spam", "SMS": "WIN"}])
    assert sum(len(c) for c in read_corpus(only_spam)) == 1
    # nor a pair of the default map (the panel's Map field starts with it), given or not
    for mapping in (None, {"spam": "spam", "ham": "regular"}):
        assert sum(len(c) for c in read_corpus(only_spam, mapping=mapping, every_label=True)) == 1
    assert _error(only_spam, mapping={"ham": "spam"}, every_label=True).column == "Label"


def test_cli_map_label_no_message_has_exits_2(tmp_path):
    path = _write(tmp_path / "c.tsv", "tsv", GOOD)
    out = tmp_path / "out"
    args = ["evaluate", "spam", "--corpus", str(path), "--out", str(out)]
    res = CliRunner().invoke(policy_app, [*args, "--map", "spam=spam,hma=regular"])
    assert res.exit_code == 2
    assert (
        f"{path}, column 'Label': no message has the label 'hma' of --map hma=regular "
        "(did you mean 'ham'?); the file's labels are 'ham', 'spam'"
    ) in res.output
    assert not out.exists()  # nothing written
    # the default map on a corpus without ham, and a map of labels it has: measured
    spam_only = _write(tmp_path / "s.tsv", "tsv", [{"Label": "spam", "SMS": "WIN now"}])
    res = CliRunner().invoke(policy_app, ["evaluate", "spam", "--corpus", str(spam_only)])
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(policy_app, [*args, "--map", "spam=spam,ham=regular"])
    assert res.exit_code == 0, res.output
