"""A CSV corpus whose quoting is broken is an error at the field where it breaks (file,
row, line, column; exit 2): a quote nothing closed swallowed the rest of the file into
one message, and text after a closing quote was read with the quotes dropped. TSV has
no quoting: its quote marks are part of the text."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from policy.corpus import CorpusError, read_corpus
from simulation.cli.policy import policy_app


def _error(path) -> CorpusError:
    with pytest.raises(CorpusError) as info:
        for _ in read_corpus(path):
            pass
    return info.value


def _write(tmp_path, text: str, name: str = "c3.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_an_unterminated_quote_is_named_where_it_opens(tmp_path):
    path = _write(tmp_path, 'label,text\nham,"unterminated\nspam,vape\n')
    err = _error(path)
    assert (err.row, err.line, err.column) == (1, 2, "text")
    assert str(err).startswith(
        f"{path}, row 1 (line 2), column 'text': quoted field never closed: its opening "
        "quote is character 5 of the line"
    )
    res = CliRunner().invoke(policy_app, ["evaluate", "crackdown", "--corpus", str(path)])
    assert res.exit_code == 2
    assert f"{path}, row 1 (line 2), column 'text': quoted field never closed" in " ".join(
        res.output.split()
    )
    assert "1 messages" not in res.output


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # in the label column, at the end of a file without a last line break
        ('label,text\nspam,vape\n"ham,hello', (2, 3, "label")),
        # after a quoted field that spans two lines (CRLF) and one with doubled quotes
        ('label,text\r\nham,"two\r\nlines"\r\nspam,"a ""b"" c"\r\nham,"open\r\n', (3, 5, "text")),
        # in the header
        ('label,"text\nham,hi\n', (0, 1, "#2")),
    ],
)
def test_an_unterminated_quote_anywhere_is_named(tmp_path, text, where):
    err = _error(_write(tmp_path, text))
    assert (err.row, err.line, err.column) == where
    assert "quoted field never closed" in str(err)


@pytest.mark.parametrize(
    ("text", "where", "at"),
    [
        ('label,text\nham,"hello" world\nspam,vape\n', (1, 2, "text"), 12),
        ('label,text\nham,"a\nb" c\n', (1, 3, "text"), 3),
        ('label,text\n"ham" x,hi\n', (1, 2, "label"), 6),
    ],
)
def test_text_after_a_closing_quote_is_named(tmp_path, text, where, at):
    err = _error(_write(tmp_path, text))
    assert (err.row, err.line, err.column) == where
    assert f"text after the closing quote of a quoted field, at character {at} of" in str(err)


def test_sound_quoting_reads_every_message(tmp_path):
    text = 'label,text\nham,"two\nlines"\nspam,"x ""y"""\nham,he said "hi"\nspam,vape\n'
    (chunk,) = read_corpus(_write(tmp_path, text))
    assert chunk.texts == ["two\nlines", 'x "y"', 'he said "hi"', "vape"]


def test_a_tsv_quote_is_text(tmp_path):
    path = _write(tmp_path, 'label\ttext\nham\t"unterminated\nspam\tvape\n', "c3.tsv")
    (chunk,) = read_corpus(path)
    assert chunk.texts == ['"unterminated', "vape"] and chunk.labels == ["ham", "spam"]
