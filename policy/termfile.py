"""Term lists in plain text files (a keyword detector's ``terms_file:``).

One term per line, UTF-8 (a byte-order mark is allowed). A line whose first non-blank
character is ``#`` is a comment, and so is everything after `` #`` (a blank, then ``#``)
on a line; blank lines are skipped and blanks around a term are dropped. Public word
lists are usually in this shape, so they can be used as they are, and reading 15,000
terms takes milliseconds (YAML would take seconds).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policy import messages as M
from policy.errors import Issue, format_path
from policy.messages import Message, msg
from policy.yamlfile import MAX_BAD_PLACES  # as a YAML file's: places listed, the rest counted

_ESCAPED = re.compile("[\udc80-\udcff]+")  # undecodable bytes, as surrogateescape reads them


@dataclass(frozen=True)
class TermFileError(Exception):
    """Problems of a terms file at its own lines and columns (1-based; the column in
    characters): ``places`` is ``(line, column, message)`` for each, in file order."""

    path: str
    places: tuple[tuple[int, int, Message], ...]

    def __str__(self) -> str:
        return "\n".join(f"{self.path}:{ln}:{col}: {m}" for ln, col, m in self.places)


def _bad_bytes(text: str) -> tuple[tuple[int, int, Message], ...]:
    """Every place of ``text`` (decoded with surrogateescape: one character per byte
    that is not UTF-8) with such bytes, a run of adjacent ones as one place: its line,
    column and first byte. After :data:`MAX_BAD_PLACES` places, one more counts the
    rest."""
    runs = list(_ESCAPED.finditer(text))
    more = len(runs) > MAX_BAD_PLACES + 1
    places = []
    for m in runs[: MAX_BAD_PLACES + 1]:
        at = m.start()
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        if more and len(places) == MAX_BAD_PLACES:
            rest = len(runs) - MAX_BAD_PLACES - 1
            template = M.NOT_UTF8_MORE_PLACE if rest == 1 else M.NOT_UTF8_MORE_PLACES
            message = msg(template, count=f"{rest:,}", listed=MAX_BAD_PLACES)
        else:
            message = msg(M.TERMS_NOT_UTF8, byte=f"{ord(text[at]) - 0xDC00:02x}")
        places.append((line, col, message))
    return tuple(places)


def read_terms(path: Path) -> list[tuple[str, int]]:
    """(term, line number) for every term in the file; raises :class:`TermFileError`
    (bytes that are not UTF-8: every place, with its line and column) or ``OSError``."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # one character per undecodable byte: the column counts characters, as every
        # located error's does
        text = data.decode("utf-8-sig", "surrogateescape")
        raise TermFileError(str(path), _bad_bytes(text)) from None
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
    check_category: Callable[[tuple, str, bool], int],
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
        if not check_category(where, cat, True):  # located at the category's key
            continue
        for i, name in enumerate([files] if isinstance(files, str) else files):
            at = where if isinstance(files, str) else (*where, i)
            p = Path(name)
            if not p.is_absolute():
                p = (base or Path.cwd()) / p
            try:
                terms = read_terms(p)
            except TermFileError as exc:
                issues += [
                    Issue.of(exc.path, line, col, format_path(at), message)
                    for line, col, message in exc.places
                ]
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
