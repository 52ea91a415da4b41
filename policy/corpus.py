"""Labelled corpora (TSV, CSV, JSON Lines, Parquet), streamed in chunks.

A corpus may be far larger than memory, so it is only ever read chunk by chunk
(pandas ``chunksize``, pyarrow ``iter_batches``, or line by line for JSON Lines);
nothing here keeps a chunk after handing it on. Every problem is a
:class:`CorpusError` naming the file, the row (data record, 1-based, header not
counted), the line when the format has one, and the column, so a person can open
the file and fix it.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from policy.errors import did_you_mean

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
    """A corpus problem, located: file, row, line and column (each when known)."""

    def __init__(
        self,
        file: str | Path,
        message: str,
        *,
        row: int | None = None,
        line: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file, self.message = str(file), message
        self.row, self.line, self.column = row, line, column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            name = "header" if self.row == 0 else f"row {self.row}"
            where.append(name + (f" (line {self.line})" if self.line else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return ": ".join([", ".join(where), self.message])


@dataclass
class Chunk:
    """Consecutive messages of a corpus. ``y`` holds the mapped target code per row."""

    first_row: int  # 1-based data-record number of texts[0]
    texts: list[str]
    labels: list[str]  # raw labels as written in the file
    y: np.ndarray  # int8 target code per message (see ``targets`` of read_corpus)

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
            raise ValueError(f"--map expects LABEL=TARGET pairs separated by commas, got {part!r}")
        out[label.strip()] = target.strip()
    return out


def corpus_format(path: str | Path) -> str:
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    fmt = FORMATS.get(suffixes[-1] if suffixes else "")
    if fmt is None:
        raise CorpusError(path, "unknown corpus format; use .tsv, .csv, .jsonl or .parquet")
    return fmt


def read_corpus(
    path: str | Path,
    text_column: str | None = None,
    label_column: str | None = None,
    mapping: Mapping[str, str] | None = None,
    targets: Mapping[str, int] = EVAL_TARGETS,
    chunksize: int = 50_000,
) -> Iterator[Chunk]:
    """Stream a labelled corpus in chunks of at most ``chunksize`` messages.

    ``mapping`` turns a raw label into a target name and ``targets`` a target name
    into the code stored in ``Chunk.y``; a label that is itself a target name maps to
    itself. Raises :class:`CorpusError` (lazily, as the bad row is reached).
    """
    path = Path(path)
    mapping = dict(DEFAULT_MAP if mapping is None else mapping)
    for label, target in mapping.items():
        if target not in targets:
            raise ValueError(
                f"--map {label}={target}: unknown target {target!r}; "
                f"use one of {', '.join(targets)}"
            )
    codes = {**{t: c for t, c in targets.items()}, **{k: targets[v] for k, v in mapping.items()}}
    fmt = corpus_format(path)
    if not path.is_file():
        raise CorpusError(path, "no such file")
    if path.stat().st_size == 0:
        raise CorpusError(path, "the file is empty (expected a header naming the columns)", line=1)
    reader = {
        "tsv": _read_delimited,
        "csv": _read_delimited,
        "jsonl": _read_jsonl,
        "parquet": _read_parquet,
    }[fmt]
    seen = 0
    for first_row, header, texts, labels, lines in reader(
        path, fmt, text_column, label_column, chunksize
    ):
        y = _codes(path, labels, codes, list(mapping), first_row, lines, header[1])
        seen += len(texts)
        yield Chunk(first_row, texts, labels, y)
    if not seen:
        raise CorpusError(path, "no messages (the file has a header but no rows)", row=1)


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
            hint = did_you_mean(lab, list(codes)) if lab else " (an empty line?)"
            raise CorpusError(
                path,
                f"unknown label {lab!r}{hint}; the map knows "
                f"{', '.join(known) or 'nothing'} (add --map {lab or 'LABEL'}="
                "TARGET)",
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
            f"no {what} column {wanted!r}{did_you_mean(wanted, columns)}; "
            f"the columns are {', '.join(map(repr, columns))}",
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
        f"cannot tell which column is the {what}; the columns are "
        f"{', '.join(map(repr, columns))} (name it with --{what}-column)",
        row=0,
        line=line,
        column=what,
    )


# -- delimited text -------------------------------------------------------------------
def _read_delimited(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    # pandas (~0.5 s to import) only for delimited files; JSONL and Parquet need none of it
    import pandas as pd

    sep = "\t" if fmt == "tsv" else ","
    # TSV has no quoting (SMS text is full of quote marks); CSV follows RFC 4180.
    quoting = csv.QUOTE_NONE if fmt == "tsv" else csv.QUOTE_MINIMAL
    kw = dict(
        sep=sep,
        quoting=quoting,
        dtype=str,
        na_filter=False,
        skip_blank_lines=False,
        encoding="utf-8-sig",
        engine="c",
    )
    try:
        header = list(pd.read_csv(path, nrows=0, **kw).columns)
        text_col = _pick(path, header, text_col, TEXT_COLUMNS, "text", 1)
        label_col = _pick(path, header, label_col, LABEL_COLUMNS, "label", 1)
        first = 1
        # no usecols: with it pandas silently drops extra fields (a tab inside a message)
        for df in pd.read_csv(path, chunksize=chunksize, **kw):
            n = len(df)
            if not n:
                continue
            lines = list(range(first + 1, first + 1 + n)) if fmt == "tsv" else None
            yield (
                first,
                (text_col, label_col),
                df[text_col].tolist(),
                [s.strip() for s in df[label_col].tolist()],
                lines,
            )
            first += n
    except UnicodeDecodeError:
        raise _bad_bytes(path, sep.encode()) from None
    except pd.errors.EmptyDataError:
        raise CorpusError(
            path, "the file is empty (expected a header naming the columns)", line=1
        ) from None
    except pd.errors.ParserError as exc:
        m = re.search(r"line (\d+), saw (\d+)", str(exc))
        if m is None:
            raise CorpusError(path, f"cannot parse: {exc}") from None
        line = int(m.group(1))
        raise CorpusError(
            path,
            f"expected {len(header)} fields, found {m.group(2)}"
            + (" (a tab inside a message?)" if fmt == "tsv" else ""),
            row=line - 1,
            line=line,
        ) from None


def _bad_bytes(path: Path, sep: bytes) -> CorpusError:
    """Find the first line that is not UTF-8, and the field it is in."""
    with path.open("rb") as f:
        header = f.readline().decode("utf-8-sig", "replace").rstrip("\r\n").split(sep.decode())
        f.seek(0)
        for lineno, raw in enumerate(f, 1):
            try:
                raw.decode("utf-8")
                continue
            except UnicodeDecodeError as exc:
                col = None
                start = 0
                for i, field in enumerate(raw.split(sep)):
                    end = start + len(field)
                    if start <= exc.start < end + 1:
                        col = header[i] if header and i < len(header) else f"#{i + 1}"
                        break
                    start = end + len(sep)
                return CorpusError(
                    path,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at "
                    f"offset {exc.start}); re-save the file as UTF-8",
                    row=lineno - 1 if lineno > 1 else 0,
                    line=lineno,
                    column=col,
                )
    return CorpusError(path, "not valid UTF-8; re-save the file as UTF-8")


# -- JSON Lines -----------------------------------------------------------------------
def _read_jsonl(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    texts: list[str] = []
    labels: list[str] = []
    lines: list[int] = []
    row, first = 0, 1
    cols: tuple[str, str] | None = None
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            row += 1
            try:
                rec = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
            except UnicodeDecodeError as exc:
                rec = json.loads(raw.decode("utf-8", "surrogateescape"))
                bad = (
                    [
                        k
                        for k, v in rec.items()
                        if isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v)
                    ]
                    if isinstance(rec, dict)
                    else []
                )
                raise CorpusError(
                    path,
                    f"not valid UTF-8 (byte 0x{raw[exc.start]:02x}); re-save the file as UTF-8",
                    row=row,
                    line=lineno,
                    column=bad[0] if bad else None,
                ) from None
            except json.JSONDecodeError as exc:
                raise CorpusError(
                    path,
                    f"not a JSON object: {exc.msg} at character {exc.pos}",
                    row=row,
                    line=lineno,
                ) from None
            if not isinstance(rec, dict):
                raise CorpusError(path, "each line must be a JSON object", row=row, line=lineno)
            if cols is None:
                keys = list(rec)
                cols = (
                    _pick(path, keys, text_col, TEXT_COLUMNS, "text", lineno),
                    _pick(path, keys, label_col, LABEL_COLUMNS, "label", lineno),
                )
            for c in cols:
                if c not in rec:
                    raise CorpusError(path, f"missing field {c!r}", row=row, line=lineno, column=c)
            t, lab = rec[cols[0]], rec[cols[1]]
            texts.append("" if t is None else str(t))
            labels.append(str(lab).strip() if lab is not None else "")
            lines.append(lineno)
            if len(texts) >= chunksize:
                yield first, cols, texts, labels, lines
                first += len(texts)
                texts, labels, lines = [], [], []
    if texts:
        yield first, cols, texts, labels, lines
    elif cols is None:
        raise CorpusError(path, "the file is empty (expected one JSON object per line)", line=1)


# -- Parquet --------------------------------------------------------------------------
def _read_parquet(
    path: Path, fmt: str, text_col: str | None, label_col: str | None, chunksize: int
) -> Iterator[tuple]:
    # pyarrow only for Parquet corpora (a heavy import most corpora never need)
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise CorpusError(path, f"not a readable Parquet file: {exc}") from None
    names = list(pf.schema_arrow.names)
    tc = _pick(path, names, text_col, TEXT_COLUMNS, "text", None)
    lc = _pick(path, names, label_col, LABEL_COLUMNS, "label", None)
    first = 1
    for batch in pf.iter_batches(batch_size=chunksize, columns=[tc, lc]):
        texts = [
            _as_text(path, v, first + i, tc) for i, v in enumerate(batch.column(tc).to_pylist())
        ]
        labels = [
            _as_text(path, v, first + i, lc).strip()
            for i, v in enumerate(batch.column(lc).to_pylist())
        ]
        yield first, (tc, lc), texts, labels, None
        first += len(texts)


def _as_text(path: Path, v: object, row: int, column: str) -> str:
    if v is None:
        return ""
    if isinstance(v, bytes):
        try:
            return v.decode("utf-8")
        except UnicodeDecodeError:
            raise CorpusError(path, "not valid UTF-8", row=row, column=column) from None
    return str(v)
