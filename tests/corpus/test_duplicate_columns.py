"""A corpus that names the column it is read by twice (a header's text column, a JSON
object's key, a Parquet field) is an error at the header or the row, exit 2: a CSV or
TSV read the first in silence, a JSON line the last, and Parquet stopped with a
traceback."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from policy.corpus import CorpusError, read_corpus
from simulation.cli.policy import policy_app


def _error(path) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        for _ in read_corpus(path):
            pass
    return info.value


@pytest.mark.parametrize("sep", [",", "\t"])
def test_a_header_naming_the_text_twice(tmp_path, sep):
    path = tmp_path / ("c.csv" if sep == "," else "c.tsv")
    path.write_text(sep.join(["label", "text", "text"]) + "\nham" + sep + "hi" + sep + "vape\n")
    err = _error(path)
    assert (err.row, err.line, err.column) == (0, 1, "text")
    assert str(err) == (
        f"{path}, header (line 1), column 'text': the header names 'text' more than once "
        "(fields 2, 3): which one to read is not clear; rename all but one"
    )


def test_a_parquet_file_naming_the_label_twice(tmp_path):
    path = tmp_path / "c.parquet"
    arrays = [pa.array(["ham"]), pa.array(["hi"]), pa.array(["spam"])]
    pq.write_table(pa.Table.from_arrays(arrays, names=["label", "text", "label"]), path)
    err = _error(path)
    assert (err.row, err.column) == (0, "label") and "(fields 1, 3)" in str(err)
    res = CliRunner().invoke(policy_app, ["evaluate", "crackdown", "--corpus", str(path)])
    assert res.exit_code == 2 and "names 'label' more than once" in res.output


def test_a_json_line_giving_the_text_twice(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"label": "ham", "text": "the text", "meta": {"text": 1}}\n'
        '{"label": "ham", "text": "hi", "text": "vape"}\n',
        encoding="utf-8",
    )
    err = _error(path)
    assert (err.row, err.line, err.column) == (2, 2, "text")
    assert "the field 'text' is given more than once in this object" in str(err)


def test_a_column_the_corpus_is_not_read_by_may_repeat(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("label,note,text,note\nham,a,hi,b\n")
    (chunk,) = read_corpus(path)
    assert chunk.texts == ["hi"]
