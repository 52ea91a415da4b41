"""Term lists in plain text files (a keyword detector's ``terms_file:``).

One term per line, UTF-8 (a byte-order mark is allowed). A line whose first non-blank
character is ``#`` is a comment, and so is everything after `` #`` (a blank, then ``#``)
on a line; blank lines are skipped and blanks around a term are dropped. Public word
lists are usually in this shape, so they can be used as they are, and reading 15,000
terms takes milliseconds (YAML would take seconds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policy import messages as M
from policy.errors import Issue, format_path
from policy.messages import Message, msg


@dataclass(frozen=True)
class TermFileError(Exception):
    path: str
    line: int
    column: int
    message: Message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def read_terms(path: Path) -> list[tuple[str, int]]:
    """(term, line number) for every term in the file; raises :class:`TermFileError`
    (unreadable file, bad encoding with its line and column, 1-based, the column in
    characters) or ``OSError``."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # one character per undecodable byte: the column counts characters, as every
        # located error's does
        text = data.decode("utf-8-sig", "surrogateescape")
        bad = next(i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff")
        line = text.count("\n", 0, bad) + 1
        col = bad - (text.rfind("\n", 0, bad) + 1) + 1
        raise TermFileError(
            str(path), line, col, msg(M.TERMS_NOT_UTF8, byte=f"{ord(text[bad]) - 0xDC00:02x}")
        ) from None
    out: list[tuple[str, int]] = []
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if "#" in s:
            cut = min((p for p in (s.find(" #"), s.find("\t#")) if p >= 0), default=-1)
            if cut >= 0:
                s = s[:cut].rstrip()
        if s:
            out.append((s, i))
    return out


def read_term_files(
    spec: dict[str, str | list[str]],
    base: Path | None,
    path: tuple,
    lists: dict[str, list[str]],
    check_category: Callable[[tuple, str], int],
    error: Callable[[tuple, Message], None],
    issues: list[Issue],
) -> dict[str, tuple[str, int]]:
    """Add the terms of a detector's ``terms_file:`` to ``lists`` (category -> terms).

    Files are relative to ``base`` (the policy file's folder; the working directory when
    the policy has no file). Returns term -> (file, line), so lint can point at the line.
    A missing file is an error at the policy's ``terms_file`` entry; a file that is not
    UTF-8 is an error at its own line and column."""
    origins: dict[str, tuple[str, int]] = {}
    for cat, files in spec.items():
        where = (*path, "terms_file", cat)
        if not check_category(where, cat):
            continue
        for i, name in enumerate([files] if isinstance(files, str) else files):
            at = where if isinstance(files, str) else (*where, i)
            p = Path(name)
            if not p.is_absolute():
                p = (base or Path.cwd()) / p
            try:
                terms = read_terms(p)
            except TermFileError as exc:
                issues.append(
                    Issue.of(exc.path, exc.line, exc.column, format_path(at), exc.message)
                )
                continue
            except OSError as exc:
                error(at, msg(M.CANNOT_READ_TERMS, path=str(p), reason=str(exc.strerror or exc)))
                continue
            if not terms:
                error(at, msg(M.NO_TERMS, path=str(p)))
            out = lists.setdefault(cat, [])
            for term, line in terms:
                out.append(term)
                origins.setdefault(term, (str(p), line))
    return origins
