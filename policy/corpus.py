"""Labelled corpora (TSV, CSV, JSON Lines, Parquet), streamed in chunks.

A corpus may be far larger than memory, so it is only ever read chunk by chunk
(pandas ``chunksize``, pyarrow ``iter_batches``, or line by line for JSON Lines);
nothing here keeps a chunk after handing it on. Every problem is a
:class:`CorpusError` naming the file, the row (data record, 1-based, header not
counted), the line when the format has one, and the column, so a person can open
the file and fix it.

A blank line (empty, or nothing but whitespace, a trailing one included) is skipped in
every format with lines (TSV, CSV, JSON Lines): it is not a row, and each chunk counts
the blank lines skipped (:attr:`Chunk.blank_lines`), so a report can say so. A row
with fewer or more fields than the header is an error at its line. CSV quoting is read
strictly (RFC 4180): a quoted field that no quote closes is an error where it opens (it
would take in the rest of the file), and text after a closing quote an error where it
stands; a quote inside an unquoted field is text. TSV has no quoting.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from policy import corpus_messages as C
from policy.messages import Message, MessageError, did_you_mean, msg

TEXT_COLUMNS = ("text", "sms", "message", "body", "content")
LABEL_COLUMNS = ("label", "class", "category", "target")
DEFAULT_MAP = {"spam": "spam", "ham": "regular"}
# What a label may mean when a corpus is replayed through a policy: 1 = the policy
# should act (violating), 0 = it should leave the message alone, -1 = skip the row.
EVAL_TARGETS = {
    "spam": 1,
    "offer": 1,
    "violating": 1,
    "regular": 0,
    "life": 0,
    "ad": 0,
    "ham": 0,
    "ignore": -1,
}
FORMATS = {
    ".tsv": "tsv",
    ".tab": "tsv",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}


class CorpusError(ValueError):
    """A corpus problem, located: file, row, line and column (each when known).

    ``text`` is the problem as a :mod:`policy.corpus_messages` template and its
    arguments, ``message`` its English; ``str()`` is ``file, row 3 (line 4), column 'x':
    message`` and :meth:`describe` the same in another language."""

    def __init__(
        self,
        file: str | Path,
        message: Message,
        *,
        row: int | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        if not isinstance(message, Message):
            raise TypeError(f"a corpus problem is worded by a Message, not {message!r}")
        self.file, self.text, self.message = str(file), message, str(message)
        self.row, self.line, self.column = row, line, column
        super().__init__(str(self))

    def where(self) -> list[list[Message]]:
        """The place after the file's name: each part (row, line, column) as messages."""
        parts: list[list[Message]] = []
        if self.row is not None:
            name = msg(C.HEADER) if self.row == 0 else msg(C.ROW, row=self.row)
            parts.append([name, msg(C.ON_LINE, line=self.line)] if self.line else [name])
        elif self.line is not None:
            parts.append([msg(C.LINE, line=self.line)])
        if self.column is not None:
            parts.append([msg(C.COLUMN, column=self.column)])
        return parts

    def describe(self, translate: Callable[[str], str] | None = None) -> str:
        """Place and message, each template passed through ``translate`` (see
        :meth:`policy.messages.Message.render`; the English when None)."""
        where = [self.file] + ["".join(m.render(translate) for m in part) for part in self.where()]
        return ": ".join([", ".join(where), self.text.render(translate)])

    def __str__(self) -> str:
        return self.describe()


@dataclass
class Chunk:
    """Consecutive messages of a corpus. ``y`` holds the mapped target code per row."""

    first_row: int  # 1-based data-record number of texts[0]
    texts: list[str]
    labels: list[str]  # raw labels as written in the file
    y: np.ndarray  # int8 target code per message (see ``targets`` of read_corpus)
    # blank lines skipped after the previous chunk's last row and before this chunk's
    # last row (the last chunk also counts the blank lines after its last row)
    blank_lines: int = 0

    def __len__(self) -> int:
        return len(self.texts)


def parse_map(spec: str | None) -> dict[str, str]:
    """``"spam=spam,ham=regular"`` -> ``{"spam": "spam", "ham": "regular"}``."""
    if not spec:
        return dict(DEFAULT_MAP)
    out = {}
    for part in spec.split(","):
        label, sep, target = part.partition("=")
        if not sep or not label.strip() or not target.strip():
            raise MessageError(msg(C.MAP_PAIRS, part=repr(part)))
        out[label.strip()] = target.strip()
    return out


def corpus_format(path: str | Path) -> str:
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    fmt = FORMATS.get(suffixes[-1] if suffixes else "")
    if fmt is None:
        raise CorpusError(path, msg(C.UNKNOWN_FORMAT))
    return fmt


def read_corpus(
    path: str | Path,
    text_column: str | None = None,
    label_column: str | None = None,
    mapping: Mapping[str, str] | None = None,
    targets: Mapping[str, int] = EVAL_TARGETS,
    chunksize: int = 50_000,
    *,
    every_label: bool = False,
) -> Iterator[Chunk]:
    """Stream a labelled corpus in chunks of at most ``chunksize`` messages.

    ``mapping`` turns a raw label into a target name and ``targets`` a target name
    into the code stored in ``Chunk.y``; a label that is itself a target name maps to
    itself. Raises :class:`CorpusError` (lazily, as the bad row is reached). With
    ``every_label`` (a map someone gave: ``--map``, the corpus panel's Map field), a
    label of ``mapping`` that no message has is an error too, raised after the last
    chunk, naming the labels the file has; a pair of :data:`DEFAULT_MAP` (``ham=regular``,
    which the panel's Map field starts with) need not be there.
    """
    path = Path(path)
    mapping = dict(DEFAULT_MAP if mapping is None else mapping)
    for label, target in mapping.items():
        if target not in targets:
            raise MessageError(
                msg(
                    C.MAP_TARGET,
                    label=label,
                    target=target,
                    given=repr(target),
                    targets=", ".join(targets),
                )
            )
    codes = {**{t: c for t, c in targets.items()}, **{k: targets[v] for k, v in mapping.items()}}
    fmt = corpus_format(path)
    if not path.is_file():
        raise CorpusError(path, msg(C.NO_SUCH_FILE))
    if path.stat().st_size == 0:
        raise CorpusError(path, msg(C.EMPTY), line=1)
    reader = {
        "tsv": _read_delimited,
        "csv": _read_delimited,
        "jsonl": _read_jsonl,
        "parquet": _read_parquet,
    }[fmt]
    seen, found, column = 0, set(), ""
    for first_row, header, texts, labels, lines, blank in reader(
        path, fmt, text_column, label_column, chunksize
    ):
        y = _codes(path, labels, codes, list(mapping), first_row, lines, header[1])
        seen += len(texts)
        found.update(labels)  # each a key of ``codes`` (else _codes raised): a few
        column = header[1]
        yield Chunk(first_row, texts, labels, y, blank)
    if not seen:
        raise CorpusError(path, msg(C.NO_MESSAGES), row=1)
    absent = [
        label
        for label, target in mapping.items()
        if every_label and label not in found and DEFAULT_MAP.get(label) != target
    ]
    if absent:
        label = absent[0]
        raise CorpusError(
            path,
            msg(
                C.MAP_LABEL_ABSENT,
                label=repr(label),
                option=msg(C.MAP_OPTION, flag="--map", label=label, target=mapping[label]),
                hint=did_you_mean(label, sorted(found)),
                labels=", ".join(map(repr, sorted(found))),
            ),
            column=column,
        )


def _codes(
    path: Path,
    labels: list[str],
    codes: Mapping[str, int],
    known: list[str],
    first_row: int,
    lines: list[int] | None,
    column: str,
) -> np.ndarray:
    out = np.empty(len(labels), dtype=np.int8)
    for i, lab in enumerate(labels):
        code = codes.get(lab)
        if code is None:
            hint = did_you_mean(lab, list(codes)) if lab else msg(C.LABEL_EMPTY)
            raise CorpusError(
                path,
                msg(
                    C.UNKNOWN_LABEL,
                    label=repr(lab),
                    hint=hint,
                    known=", ".join(known) or msg(C.KNOWS_NOTHING),
                    option=msg(C.MAP_OPTION, flag="--map", label=lab or "LABEL", target="TARGET"),
                ),
                row=first_row + i,
                line=lines[i] if lines else None,
                column=column,
            )
        out[i] = code
    return out


def _pick(
    path: Path,
    columns: list[str],
    wanted: str | None,
    candidates: tuple[str, ...],
    what: str,
    line: int | None,
) -> str:
    if wanted is not None:
        if wanted in columns:
            return wanted
        raise CorpusError(
            path,
            msg(
                C.NO_TEXT_COLUMN if what == "text" else C.NO_LABEL_COLUMN,
                wanted=repr(wanted),
                hint=did_you_mean(wanted, columns),
                columns=", ".join(map(repr, columns)),
            ),
            row=0,
            line=line,
            column=wanted,
        )
    lower = {c.lower(): c for c in columns}
    for c in candidates:
        if c in lower:
            return lower[c]
    raise CorpusError(
        path,
        msg(
            C.WHICH_TEXT_COLUMN if what == "text" else C.WHICH_LABEL_COLUMN,
            columns=", ".join(map(repr, columns)),
            option=f"--{what}-column",
        ),
        row=0,
        line=line,
        column=what,
    )


def _once(path: Path, columns: list[str], used: tuple[str, str], line: int | None) -> None:
    """Each column the corpus is read by (``used``: text, label) is named once among
    ``columns`` (a header's, a Parquet schema's); else a :class:`CorpusError` at the
    header: the first of them was read and the other silently left out."""
    for name in used:
        at = [i + 1 for i, c in enumerate(columns) if c == name]
        if len(at) > 1:
            raise CorpusError(
                path,
                msg(C.DUPLICATE_COLUMN, column=repr(name), fields=", ".join(map(str, at))),
                row=0,
                line=line,
                column=name,
            )


# -- delimited text -------------------------------------------------------------------
# an undecodable byte, as ``errors="surrogateescape"`` reads it: one lone surrogate each
_UNDECODED = re.compile("[\udc80-\udcff]")


def _blank(line: str) -> bool:
    """A line that holds no row: empty, or nothing but whitespace (its line end too)."""
    return not line.strip()


def _tsv_records(f: Iterator[str]) -> Iterator[tuple[int, list[str], list[str]]]:
    """(line number, fields, the line) of every line; TSV has no quoting (SMS text is
    full of quote marks), so a line is a record and a tab separates fields."""
    for lineno, line in enumerate(f, 1):
        body = line[:-2] if line.endswith("\r\n") else line.rstrip("\r\n")
        yield lineno, body.split("\t"), [line]


def _csv_records(f: Iterator[str]) -> Iterator[tuple[int, list[str], list[str]]]:
    """(first line number, fields, its lines) of every record, quoted fields following RFC
    4180 (a quoted field may hold line breaks, so a record may span lines)."""
    taken: list[str] = []

    def lines() -> Iterator[str]:
        for line in f:
            taken.append(line)
            yield line

    # a message may be long; the module's default refuses a field over 128 KiB. The
    # limit is the process's own: raised while this file is read, then put back
    before = csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        # strict: a quote nothing closes is an error, not the rest of the file read as
        # one field, and so is text after a closing quote (not its quotes dropped)
        reader = csv.reader(lines(), delimiter=",", quotechar='"', doublequote=True, strict=True)
        first = 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                fault = _quote_fault(taken)
                if fault is None:
                    reason = msg(C.CANNOT_PARSE, reason=str(exc))
                    raise _RecordError(reader.line_num, reason) from None
                what, field, n, at = fault
                raise _RecordError(first + n, msg(what, at=at + 1), field) from None
            record = taken[:]
            taken.clear()
            yield first, fields, record
            first = reader.line_num + 1
    finally:
        csv.field_size_limit(before)


def _quote_fault(lines: list[str]) -> tuple[str, int, int, int] | None:
    """Where the CSV record of ``lines`` (as read, line ends kept) breaks RFC 4180's
    quoting: ``(template, field, line, character)``, each 0-based from the record's start,
    for a quoted field never closed (at its opening quote: :data:`C.QUOTE_NEVER_CLOSED`)
    or text after a closing quote (at that text: :data:`C.TEXT_AFTER_QUOTE`); None when
    its quoting is sound."""
    field, state, opened = 0, "start", (0, 0, 0)
    for n, line in enumerate(lines):
        for i, ch in enumerate(line):
            if state == "quoted":
                if ch == '"':
                    state = "quote"  # closes the field, or the first of a doubled quote
            elif ch == ",":
                field, state = field + 1, "start"
            elif ch in "\r\n":
                if state == "quote":
                    state = "start"
            elif state == "quote":
                if ch != '"':
                    return C.TEXT_AFTER_QUOTE, field, n, i
                state = "quoted"
            elif state == "start":
                if ch == '"':
                    state, opened = "quoted", (field, n, i)
                else:
                    state = "plain"
    if state == "quoted":
        return C.QUOTE_NEVER_CLOSED, *opened
    return None


class _RecordError(Exception):
    """A CSV record that cannot be read: its ``line``, why (``message``) and the 0-based
    ``field`` it is in (None: not known)."""

    def __init__(self, line: int, message: Message, field: int | None = None) -> None:
        self.line, self.message, self.field = line, message, field


def _read_delimited(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    """TSV (no quoting) or CSV (RFC 4180) in chunks of ``chunksize`` rows, each row with
    its line number; blank lines skipped and counted."""
    records = _tsv_records if fmt == "tsv" else _csv_records
    # every undecodable byte read as one lone surrogate, so it is found in its field
    with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
        rows = records(f)
        header: list[str] | None = None
        blank = 0
        texts: list[str] = []
        labels: list[str] = []
        lines: list[int] = []
        row, first = 0, 1
        try:
            for lineno, fields, raw in rows:
                if len(raw) == 1 and _blank(raw[0]):
                    blank += 1
                    continue
                if header is None:
                    if any(_UNDECODED.search(x) for x in raw):
                        _check_bytes(path, fields, fields, lineno, raw, 0)
                    header = fields
                    text_col = _pick(path, header, text_col, TEXT_COLUMNS, "text", lineno)
                    label_col = _pick(path, header, label_col, LABEL_COLUMNS, "label", lineno)
                    _once(path, header, (text_col, label_col), lineno)
                    ti, li = header.index(text_col), header.index(label_col)
                    continue
                row += 1
                if _UNDECODED.search(raw[0] if len(raw) == 1 else "".join(raw)):
                    _check_bytes(path, header, fields, lineno, raw, row)
                if len(fields) != len(header):
                    raise _width_error(path, fmt, header, fields, row, lineno)
                if len(texts) >= chunksize:  # full: handed on once a row follows it
                    yield first, (text_col, label_col), texts, labels, lines, blank
                    first += len(texts)
                    texts, labels, lines, blank = [], [], [], 0
                texts.append(fields[ti])
                labels.append(fields[li].strip())
                lines.append(lineno)
        except _RecordError as exc:
            named = header or []
            column = None
            if exc.field is not None:
                column = named[exc.field] if exc.field < len(named) else f"#{exc.field + 1}"
            raise CorpusError(
                path, exc.message, row=row + 1 if header else 0, line=exc.line, column=column
            ) from None
    if header is None:
        what = msg(C.ONLY_BLANK, count=f"{blank:,}") if blank else msg(C.EMPTY)
        raise CorpusError(path, what, line=1)
    if texts:
        yield first, (text_col, label_col), texts, labels, lines, blank


def _width_error(
    path: Path, fmt: str, header: list[str], fields: list[str], row: int, line: int
) -> CorpusError:
    """A row with more or fewer fields than the header, at its line."""
    n, m = len(header), len(fields)
    if m > n:
        wide = C.TOO_MANY_FIELDS_TSV if fmt == "tsv" else C.TOO_MANY_FIELDS_CSV
        return CorpusError(path, msg(wide, expected=n, found=m), row=row, line=line)
    missing = header[m]
    narrow = C.TOO_FEW_FIELDS_TSV if fmt == "tsv" else C.TOO_FEW_FIELDS_CSV
    return CorpusError(
        path,
        msg(narrow, expected=n, found=m, column=repr(missing)),
        row=row,
        line=line,
        column=missing,
    )


def _check_bytes(
    path: Path, header: list[str], fields: list[str], line: int, raw: list[str], row: int
) -> None:
    """A :class:`CorpusError` at the first byte of the record that is not UTF-8: its line,
    its column of the corpus and its character on the line (1-based, each undecodable
    byte one character, as the YAML files' columns count)."""
    for i, value in enumerate(fields):
        if _UNDECODED.search(value) is None:
            continue
        n, at = next((n, m.start()) for n, x in enumerate(raw) if (m := _UNDECODED.search(x)))
        byte = ord(raw[n][at]) - 0xDC00
        raise CorpusError(
            path,
            msg(C.NOT_UTF8_AT, byte=f"{byte:02x}", at=at + 1),
            row=row,
            line=line + n,
            column=header[i] if i < len(header) else f"#{i + 1}",
        )


# -- JSON Lines -----------------------------------------------------------------------
def _read_jsonl(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    texts: list[str] = []
    labels: list[str] = []
    lines: list[int] = []
    row, first, blank = 0, 1, 0
    cols: tuple[str, str] | None = None
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            text = raw.decode("utf-8-sig" if lineno == 1 else "utf-8", "surrogateescape")
            if _blank(text):
                blank += 1
                continue
            row += 1
            bad = _UNDECODED.search(text)
            if bad is not None:
                raise _bad_json_bytes(path, text, bad.start(), row, lineno)
            try:
                rec = json.loads(text)
            except json.JSONDecodeError as exc:
                raise CorpusError(
                    path,
                    msg(C.NOT_JSON, reason=exc.msg, at=exc.pos),
                    row=row,
                    line=lineno,
                ) from None
            if not isinstance(rec, dict):
                raise CorpusError(path, msg(C.JSON_OBJECT_EACH), row=row, line=lineno)
            if cols is None:
                keys = list(rec)
                cols = (
                    _pick(path, keys, text_col, TEXT_COLUMNS, "text", lineno),
                    _pick(path, keys, label_col, LABEL_COLUMNS, "label", lineno),
                )
            for c in cols:
                if c not in rec:
                    raise CorpusError(
                        path, msg(C.MISSING_FIELD, field=repr(c)), row=row, line=lineno, column=c
                    )
                # a key given twice: json keeps the last in silence (looked for only when
                # the key's text is there twice, so a corpus pays nothing for it)
                if text.count(c) > 1 and _keys(text).count(c) > 1:
                    raise CorpusError(
                        path, msg(C.DUPLICATE_FIELD, field=repr(c)), row=row, line=lineno, column=c
                    )
            if len(texts) >= chunksize:  # full: handed on once a row follows it
                yield first, cols, texts, labels, lines, blank
                first += len(texts)
                texts, labels, lines, blank = [], [], [], 0
            t, lab = rec[cols[0]], rec[cols[1]]
            texts.append(_as_text(path, t, row, cols[0], lineno))
            labels.append(_as_text(path, lab, row, cols[1], lineno).strip())
            lines.append(lineno)
    if texts:
        yield first, cols, texts, labels, lines, blank
    elif cols is None:
        what = msg(C.ONLY_BLANK_JSONL, count=f"{blank:,}") if blank else msg(C.EMPTY_JSONL)
        raise CorpusError(path, what, line=1)


def _keys(text: str) -> list[str]:
    """The keys of the JSON object ``text`` as written (not those of objects inside it),
    each as often as it is given."""
    objects: list[list[str]] = []  # each object's keys, the innermost first
    json.loads(text, object_pairs_hook=lambda pairs: objects.append([k for k, _v in pairs]))
    return objects[-1] if objects else []


def _bad_json_bytes(path: Path, text: str, at: int, row: int, line: int) -> CorpusError:
    """The error for a byte that is not UTF-8 at character ``at`` of a JSON line, naming
    the field whose text holds it when the line is a JSON object."""
    try:
        rec = json.loads(text)
    except json.JSONDecodeError:
        rec = None
    names = [
        k for k, v in (rec.items() if isinstance(rec, dict) else ()) if _UNDECODED.search(str(v))
    ]
    return CorpusError(
        path,
        msg(C.NOT_UTF8_AT, byte=f"{ord(text[at]) - 0xDC00:02x}", at=at + 1),
        row=row,
        line=line,
        column=names[0] if names else None,
    )


# -- Parquet --------------------------------------------------------------------------
def _read_parquet(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    # pyarrow only for Parquet corpora (a heavy import most corpora never need)
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise CorpusError(path, msg(C.NOT_PARQUET, reason=str(exc))) from None
    names = list(pf.schema_arrow.names)
    tc = _pick(path, names, text_col, TEXT_COLUMNS, "text", None)
    lc = _pick(path, names, label_col, LABEL_COLUMNS, "label", None)
    _once(path, names, (tc, lc), None)
    first = 1
    for batch in pf.iter_batches(batch_size=chunksize, columns=[tc, lc]):
        texts = [
            _as_text(path, v, first + i, tc) for i, v in enumerate(batch.column(tc).to_pylist())
        ]
        labels = [
            _as_text(path, v, first + i, lc).strip()
            for i, v in enumerate(batch.column(lc).to_pylist())
        ]
        yield first, (tc, lc), texts, labels, None, 0
        first += len(texts)


def _as_text(path: Path, v: object, row: int, column: str, line: int | None = None) -> str:
    """A JSON Lines or Parquet value as the text of its field: a string as it is, a number
    as written (``1`` for a label of 1), a boolean as JSON writes it. A null, a list or a
    map is an error at its row and column: none of them is a message or a label (a list
    used to become its Python spelling, ``['vape']``, and match; a null an empty message,
    counted and allowed)."""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, bytes):
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError:
            raise CorpusError(path, msg(C.NOT_UTF8), row=row, column=column, line=line) from None
    if v is None or isinstance(v, list | tuple | dict):
        found = (
            msg(C.FOUND_NULL)
            if v is None
            else msg(C.FOUND_MAP if isinstance(v, dict) else C.FOUND_LIST)
        )
        raise CorpusError(
            path, msg(C.EXPECTED_TEXT, found=found), row=row, line=line, column=column
        )
    return str(v)
