"""The one input layer for every YAML file the project reads.

Policies, scenarios, policy cases, studies and lessons are written by people and
may come from anywhere, so each is read the same way::

    from policy.yamlfile import load_yaml
    study = load_yaml(path, StudyModel)            # or, in steps:
    doc = read_yaml(path)                          # limits + parse: data with positions
    model = validate(StudyModel, doc)              # pydantic; errors located in the file

and every problem is a :class:`~policy.errors.LocatedError` naming file, line,
column and field. Before any YAML is parsed the text must pass :class:`Limits`
(size, UTF-8, no binary control characters, line length); while the event stream
is read (libyaml, through PyYAML) the nesting depth and the number of values
*after alias expansion* are bounded, so an alias bomb or a 100,000-deep ``[[[[``
is answered in milliseconds, never parsed into memory. Values are built here, not
by a YAML constructor: only the core types (map, seq, str, int, float, bool, null)
exist, any other tag is an error at its position, a key given twice is an error,
and plain scalars are resolved by YAML 1.2 rules (``no`` is text, ``1e6`` a number).

Ranges the engine can run are declared on the models with :func:`at_most`, which
says why in the message.
"""

from __future__ import annotations

import re
import stat
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import AfterValidator, BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

from policy import messages as M
from policy.errors import LocatedError, Problem, format_path
from policy.messages import Message, MessageError, msg

Path_ = tuple[str | int, ...]
# PyYAML is imported on the first parse (a command that reads a cached policy never needs it)
yaml: Any = None
_Loader: Any = None


def _import_yaml() -> None:
    global yaml, _Loader
    if yaml is None:
        import yaml as module

        _Loader = getattr(module, "CSafeLoader", module.SafeLoader)  # libyaml when the wheel has it
        yaml = module


@dataclass(frozen=True)
class Limits:
    """What a YAML file may hold before it is parsed at all.

    The defaults are far above any real file (the largest shipped file is 14 kB,
    the deepest nests 8 levels) and far below what makes parsing slow: a file at
    every limit is answered in well under a second.
    """

    max_bytes: int = 1 << 20  # 1 MiB
    max_line: int = 10_000  # characters in one line
    max_depth: int = 64  # nested mappings and sequences
    max_values: int = 100_000  # values in the document with every alias expanded


LIMITS = Limits()


@dataclass
class Located:
    """Data with a position map: ``pos[path]`` is the (line, col) of the value,
    ``key_pos[path]`` the (line, col) of the mapping key that leads to it."""

    data: Any
    source: str
    pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        """Best known position for ``path``: its own, else its nearest ancestor's."""
        table = self.key_pos if key else self.pos
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.pos:
                return self.pos[p]
            p = p[:-1]
        return self.pos.get((), (1, 1))

    def problem(self, path: Sequence[str | int], message: Message, key: bool = False) -> Problem:
        """A problem at ``path`` (at its key with ``key=True``)."""
        line, col = self.where(path, key=key)
        return Problem.of(self.source, line, col, format_path(tuple(path)), message)


# -- reading: size, encoding ----------------------------------------------------------


def read_text(path: str | Path, *, limits: Limits = LIMITS) -> str:
    """The text of a YAML file after the byte-level limits; :class:`LocatedError` if not.

    Refuses what is not a regular file, more than ``limits.max_bytes`` bytes (without
    reading further), text that is not UTF-8 (a UTF-8 byte-order mark is fine) and
    binary control characters, each with the line and column where it was found.
    """
    source = str(path)
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file")
        with open(path, "rb") as f:
            raw = f.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise LocatedError(
            [Problem.of(source, 0, 0, "", msg(M.CANNOT_READ, reason=reason))]
        ) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LocatedError([Problem.of(source, 1, 1, "", msg(M.UTF16))]) from None
    bom = raw.startswith(b"\xef\xbb\xbf")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    if len(raw) > limits.max_bytes:
        # the place of the first byte past the limit (``raw`` holds one byte more)
        within = raw[: limits.max_bytes].decode("utf-8", errors="replace")
        line, col = _line_col(within, len(within))
        raise LocatedError(
            [
                Problem.of(
                    source,
                    line,
                    col,
                    fields_at(raw.decode("utf-8", errors="replace"), [(line, col)], limits=limits)[
                        0
                    ],
                    msg(M.FILE_TOO_LARGE, size=_size(limits.max_bytes)),
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LocatedError(undecodable(raw, source, limits=limits, skipped=3 * bom)) from None
    check_text(text, source, limits=limits)
    return text


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def check_text(text: str, source: str, *, limits: Limits = LIMITS) -> None:
    """The character-level limits (size, control characters, line length) of ``text``."""
    if len(text) > limits.max_bytes:
        line, col = _line_col(text, limits.max_bytes)
        head = text[: limits.max_bytes + 1]  # up to the first character past the limit
        raise LocatedError(
            [
                Problem.of(
                    source,
                    line,
                    col,
                    fields_at(head, [(line, col)], limits=limits)[0],
                    msg(M.TEXT_TOO_LONG, size=_size(limits.max_bytes)),
                )
            ]
        )
    bad = _CONTROL.search(text)
    if bad is not None:
        line, col = _line_col(text, bad.start())
        raise LocatedError(
            [
                Problem.of(
                    source,
                    line,
                    col,
                    fields_at(text, [(line, col)], limits=limits)[0],
                    msg(M.CONTROL_CHARACTER, code=f"{ord(bad.group()):04X}"),
                )
            ]
        )
    if len(text) > limits.max_line:  # a short text cannot hold a long line
        for number, line_text in enumerate(text.split("\n"), start=1):
            if len(line_text) > limits.max_line:
                raise LocatedError(
                    [
                        Problem.of(
                            source,
                            number,
                            limits.max_line + 1,
                            fields_at(text, [(number, limits.max_line + 1)], limits=limits)[0],
                            msg(
                                M.LINE_TOO_LONG,
                                line=number,
                                length=f"{len(line_text):,}",
                                limit=f"{limits.max_line:,}",
                            ),
                        )
                    ]
                )


def _size(n: int) -> str:
    return f"{n / (1 << 20):g} MiB" if n >= 1 << 20 else f"{n / 1024:g} KiB"


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index`` of ``text``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


MAX_BAD_PLACES = 10  # places with bytes that are not UTF-8 listed one by one; the rest counted
_ESCAPED = re.compile("[\udc80-\udcff]+")  # undecodable bytes, as surrogateescape reads them


def undecodable(
    raw: bytes, source: str, *, limits: Limits = LIMITS, skipped: int = 0
) -> list[Problem]:
    """A problem at every place of ``raw`` that is not UTF-8 (a run of adjacent bad bytes
    is one place); ``[]`` when all of it is UTF-8. ``skipped``: bytes of the file before
    ``raw`` (a byte-order mark), added to the offsets the messages give.

    Each is at its own line and column: lines and columns are 1-based and count
    characters of the text before it as decoded, each undecodable byte one character
    (the columns of every other located error count characters too). The field is named
    only when the bytes are inside one (a key or a value, as the YAML parser reads the
    file with each bad byte replaced by U+FFFD), and is empty in a comment or between
    values. After :data:`MAX_BAD_PLACES` places, one more problem counts the rest.
    """
    text = raw.decode("utf-8", "surrogateescape")  # one character per undecodable byte
    runs = list(_ESCAPED.finditer(text))
    if not runs:
        return []
    more = len(runs) > MAX_BAD_PLACES + 1  # the rest counted at the next place
    shown = runs[:MAX_BAD_PLACES] if more else runs
    places = [_line_col(text, m.start()) for m in shown]
    if more:
        places.append(_line_col(text, runs[MAX_BAD_PLACES].start()))
    fields = fields_at(text, places, limits=limits)
    problems = []
    offset, done = skipped, 0  # byte offset in the file of character ``done`` of ``text``
    for m, (line, col), name in zip(shown, places, fields, strict=False):
        offset += len(text[done : m.start()].encode("utf-8", "surrogateescape"))
        done = m.start()
        found = [ord(ch) - 0xDC00 for ch in m.group()]
        what = " ".join(f"0x{b:02x}" for b in found[:8]) + (" …" if len(found) > 8 else "")
        template = M.NOT_UTF8 if len(found) == 1 else M.NOT_UTF8_BYTES
        problems.append(
            Problem.of(source, line, col, name, msg(template, bytes=what, offset=offset))
        )
    if more:
        line, col = places[-1]
        rest = len(runs) - MAX_BAD_PLACES - 1
        template = M.NOT_UTF8_MORE_PLACE if rest == 1 else M.NOT_UTF8_MORE_PLACES
        problems.append(
            Problem.of(
                source,
                line,
                col,
                fields[-1],
                msg(template, count=f"{rest:,}", listed=MAX_BAD_PLACES),
            )
        )
    return problems


def fields_at(
    text: str, places: Sequence[tuple[int, int]], *, limits: Limits = LIMITS
) -> list[str]:
    """The field each (line, column) of ``places`` is inside, as :func:`format_path`
    writes it: the key or value that holds the character there; ``""`` when the place is
    in a comment, a blank or between values.

    The text is read by the YAML parser with every character it would refuse (control
    characters, undecodable bytes) replaced by U+FFFD, up to the last place; a place the
    parser does not reach (a syntax error before it, nesting deeper than
    ``limits.max_depth``) is named from the block structure of the lines before it.
    """
    if not places:
        return []
    _import_yaml()
    clean = _CONTROL.sub("\ufffd", text)
    nodes = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    wanted = set(places)
    last = max(wanted)
    found: dict[tuple[int, int], str] = {}
    frames: list[list[Any]] = []  # [path, is a mapping, its key (None: a key is next) or index]
    reached = (0, 0)  # every place before this was read by the parser

    def advance() -> None:  # a value of the innermost collection is complete
        if frames:
            top = frames[-1]
            top[2] = None if top[1] else top[2] + 1

    def claim(start: tuple[int, int], end: tuple[int, int], path: Path_, block: bool) -> None:
        for place in wanted:
            if start <= place < end and place not in found:
                if block and place[0] == start[0]:
                    continue  # the header line of a block scalar: `|` and a comment
                found[place] = format_path(path)

    try:
        for event in yaml.parse(clean, Loader=_Loader):
            start = (event.start_mark.line + 1, event.start_mark.column + 1)
            reached = start
            if start > last:
                break
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                if frames:
                    frames.pop()
                advance()
                continue
            if not isinstance(event, nodes):
                continue
            is_key = bool(frames) and frames[-1][1] and frames[-1][2] is None
            if is_key and not isinstance(event, yaml.ScalarEvent):
                break  # a key that is a list or a map: no field names it
            if is_key:
                path: Path_ = (*frames[-1][0], str(event.value))
            else:
                path = (*frames[-1][0], frames[-1][2]) if frames else ()
            if isinstance(event, yaml.ScalarEvent):
                end = (event.end_mark.line + 1, event.end_mark.column + 1)
                claim(start, end, path, event.style in ("|", ">"))
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if len(frames) >= limits.max_depth:
                    break
                is_map = isinstance(event, yaml.MappingStartEvent)
                frames.append([path, is_map, None if is_map else 0])
            elif is_key:
                frames[-1][2] = path[-1]
            else:
                advance()
        else:
            reached = (last[0] + 1, 0)  # the whole text was read
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is not None:
            reached = min(reached, (mark.line + 1, mark.column + 1))
    out = []
    for place in places:
        if place in found:
            out.append(found[place])
        elif place < reached or _in_comment(clean, *place):
            out.append("")  # read by the parser and in no key or value; or a comment
        else:
            out.append(_field_at_line(clean, place[0]))
    return out


def _in_comment(text: str, line: int, col: int) -> bool:
    """Whether column ``col`` of ``line`` (1-based) is in a ``#`` comment, blanks and
    quoted text considered."""
    lines = text.split("\n", line)
    content = lines[line - 1] if line <= len(lines) else ""
    quote = ""
    for i, ch in enumerate(content[: col - 1]):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'" and (i == 0 or content[i - 1] in " \t:[{,-"):
            quote = ch
        elif ch == "#" and (i == 0 or content[i - 1] in " \t"):
            return True
    return False


_KEY = re.compile(
    r"""\s*((?:-\s+)*)(?:"([^"]*)"|'([^']*)'|([^\s#'"\[\]{},:&*!|>-][^:#]*?))\s*:(?:\s|$)"""
)
_DASH = re.compile(r"\s*-(?:\s|$)")


def _field_at_line(text: str, line: int) -> str:
    """Best-effort field path of ``line`` from the block structure of the lines before it.

    Used where the YAML is not parsed (a size, encoding or line-length problem, a syntax
    error): the keys of enclosing, less-indented lines and the index of enclosing ``-``
    items. A line indented with a tab is named by :func:`_tab_line_field`.
    """
    return format_path(_field_parts(text, line))


def _field_parts(text: str, line: int) -> list[str | int]:
    """:func:`_field_at_line` as the parts of the path (keys and item indices)."""
    stack: list[tuple[int, str | int]] = []  # (indent, key or item index)
    counts: dict[tuple[int, int], int] = {}  # (depth, indent) → items seen at that level
    for number, raw in enumerate(text.split("\n")[:line], start=1):
        content = raw[:300]
        stripped = content.lstrip(" ")
        if stripped.startswith("\t") and number == line:
            return _tab_line_field(text, line)
        if not stripped or stripped.startswith("#") or stripped.startswith("\t"):
            # a tab in the indentation is no YAML: the line holds no key of its own
            if number == line:
                break
            continue
        indent = len(content) - len(stripped)
        col = indent
        while True:
            dash = _DASH.match(content, col)
            if dash is None or content[col : col + 1] != "-":
                break
            while stack and (
                stack[-1][0] > col or (stack[-1][0] == col and isinstance(stack[-1][1], int))
            ):
                stack.pop()
            level = (len(stack), col)
            index = counts.get(level, -1) + 1
            counts[level] = index
            for stale in [k for k in counts if k[0] > len(stack)]:
                del counts[stale]
            stack.append((col, index))
            col = dash.end()
            while col < len(content) and content[col] == " ":
                col += 1
        key = _KEY.match(content, col)
        if key is not None:
            name = key.group(2) or key.group(3) or key.group(4) or ""
            while (
                stack
                and stack[-1][0] >= col
                and not (stack[-1][0] == col and isinstance(stack[-1][1], int) and col > indent)
            ):
                stack.pop()
            for stale in [k for k in counts if k[0] > len(stack)]:
                del counts[stale]
            stack.append((col, name.strip()))
        elif number == line and col == indent:
            # neither a key nor an item, no deeper than the keys before it: it is in none
            # of them (deeper, it continues the value of the key above)
            while stack and stack[-1][0] >= col:
                stack.pop()
    return [part for _i, part in stack]


def _tab_line_field(text: str, line: int) -> list[str | int]:
    """The field of ``line``, whose indentation holds a tab (no YAML: its depth is not
    known), as the parts of its path: the key written on it; inside the field of the
    line above when that line is a key that opens a block (``rules:``, the line is its
    first item or key); the key alone when the line above is anything else (a key with a
    value, ``name: x``, holds no key below it, and which of the keys before encloses the
    line cannot be told). A line that holds no key, under no such opening, names no
    field (``[]``): never a key of another line."""
    lines = text.split("\n")
    content = lines[line - 1][:300]
    col = len(content) - len(content.lstrip(" \t"))
    items = 0
    while content[col : col + 1] == "-" and _DASH.match(content, col):
        items += 1
        col = _DASH.match(content, col).end()  # type: ignore[union-attr]
        while content[col : col + 1] in (" ", "\t"):
            col += 1
    key = _KEY.match(content, col)
    name = (key.group(2) or key.group(3) or key.group(4) or "").strip() if key else ""
    above = next(
        (
            n
            for n in range(line - 1, 0, -1)
            if lines[n - 1][:300].strip(" \t") and not lines[n - 1].lstrip(" \t").startswith("#")
        ),
        0,
    )
    parts: list[str | int] = []
    if above and _opens_block(lines[above - 1][:300]):
        parts = [*_field_parts(text, above), *[0] * items]
    elif not name:
        return []
    return [*parts, name] if name else parts


def _opens_block(content: str) -> bool:
    """Whether the line ``content`` (indented with spaces) is a key with nothing after its
    ``:`` but a comment: the lines below, deeper, are its value."""
    if content.lstrip(" ").startswith("\t"):
        return False
    col = len(content) - len(content.lstrip(" "))
    while content[col : col + 1] == "-" and _DASH.match(content, col):
        col = _DASH.match(content, col).end()  # type: ignore[union-attr]
        while content[col : col + 1] == " ":
            col += 1
    key = _KEY.match(content, col)
    if key is None:
        return False
    rest = content[key.end() :].strip(" \t")
    return not rest or rest.startswith("#")


# -- parsing: events → data with positions ----------------------------------------------

_CORE = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
_OPENED_EARLIER = ("while parsing a flow", "while scanning a quoted scalar")


class _Stop(Exception):
    """A limit was crossed: stop reading events at once."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


class _Frame:
    __slots__ = ("anchor", "container", "key", "merges", "path", "size")

    def __init__(self, container: Any, path: Path_, anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.key: str | None = None  # mapping: the key whose value comes next
        self.merges: list[Any] = []
        self.size = 1  # values in this collection, aliases expanded


class _Builder:
    """Builds plain data from YAML events, keeping positions, enforcing the limits."""

    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.located = Located(None, source)
        self.problems: list[Problem] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor → (value, expanded size)
        self.open_anchors: set[str] = set()
        self.values = 0  # values so far, aliases expanded
        self.documents = 0
        self.root_set = False

    # positions and problems
    def mark(self, event: Any) -> tuple[int, int]:
        return event.start_mark.line + 1, event.start_mark.column + 1

    def fail(self, event: Any, path: Path_, message: Message) -> None:
        line, col = self.mark(event)
        self.problems.append(Problem.of(self.source, line, col, format_path(path), message))

    def stop(self, event: Any, path: Path_, message: Message) -> None:
        line, col = self.mark(event)
        raise _Stop(Problem.of(self.source, line, col, format_path(path), message))

    def count(self, n: int, event: Any, path: Path_, what: Message) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            self.stop(
                event,
                path,
                msg(M.TOO_MANY_VALUES, what=what, limit=f"{self.limits.max_values:,}"),
            )

    # where the next value goes
    def next_path(self, event: Any) -> Path_ | None:
        """The path of the value this event starts; None when it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        if top.key is None:
            return None
        return (*top.path, top.key)

    def feed(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.stop(event, (), msg(M.SECOND_DOCUMENT))
            return
        if isinstance(event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent):
            return
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.close(event)
            return
        path = self.next_path(event)
        if path is None:  # a mapping key
            self.key(event)
            return
        if isinstance(event, yaml.AliasEvent):
            self.alias(event, path)
            return
        self.check_tag(event, path)
        if isinstance(event, yaml.ScalarEvent):
            self.count(1, event, path, msg(M.VALUES_OVER))
            value = self.scalar(event, path)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            self.place(event, path, value, 1)
            return
        # a collection starts
        if len(self.stack) >= self.limits.max_depth:
            self.stop(event, path, msg(M.TOO_DEEP, limit=self.limits.max_depth))
        self.count(1, event, path, msg(M.VALUES_OVER))
        container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.located.pos[path] = self.mark(event)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(container, path, event.anchor))

    def check_tag(self, event: Any, path: Path_) -> None:
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!":
            return
        allowed = {
            yaml.ScalarEvent: _SCALAR_TAGS,
            yaml.MappingStartEvent: {"map"},
            yaml.SequenceStartEvent: {"seq"},
        }[type(event)]
        if not (tag.startswith(_CORE) and tag[len(_CORE) :] in allowed):
            self.fail(event, path, msg(M.TAG_NOT_ALLOWED, tag=repr(tag)))

    def scalar(self, event: Any, path: Path_) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            if not event.implicit[0] or tag == "!":  # quoted, or tagged '!': text
                return event.value
            return resolve_plain(event.value)
        suffix = tag[len(_CORE) :] if tag.startswith(_CORE) else ""
        if suffix not in _SCALAR_TAGS or suffix in ("str", "timestamp"):
            return event.value  # text; dates stay text; a refused tag was reported already
        try:
            return _CONSTRUCT[suffix](event.value)
        except (ValueError, IndexError, KeyError):
            self.fail(event, path, msg(M.NOT_A_VALID, value=repr(event.value), kind=suffix))
            return None

    def key(self, event: Any) -> None:
        top = self.stack[-1]
        if not isinstance(event, yaml.ScalarEvent):
            self.stop(event, top.path, msg(M.KEYS_PLAIN_TEXT))
        self.check_tag(event, top.path)
        name = str(event.value)
        mark = self.mark(event)
        if name == "<<" and event.implicit[0]:
            top.key = "<<"
            return
        if name in top.container:
            self.fail(event, (*top.path, name), msg(M.DUPLICATE_KEY))
            name = f"{name}\0duplicate{len(top.container)}"  # read, then thrown away
        top.key = name
        self.located.key_pos[(*top.path, name)] = mark

    def alias(self, event: Any, path: Path_) -> None:
        name = event.anchor
        if name in self.open_anchors and name not in self.anchors:
            self.stop(event, path, msg(M.ALIAS_INSIDE_ITSELF, name=name))
        if name not in self.anchors:
            self.stop(event, path, msg(M.UNKNOWN_ALIAS, name=name))
        value, size = self.anchors[name]
        self.count(size, event, path, msg(M.ALIAS_EXPANDS, name=name, size=f"{size:,}"))
        self.place(event, path, value, size)

    def place(self, event: Any, path: Path_, value: Any, size: int) -> None:
        self.located.pos.setdefault(path, self.mark(event))
        if not self.stack:
            self.located.data, self.root_set = value, True
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if top.key == "<<":
            top.merges.append((event, value))
        elif top.key is not None and "\0duplicate" not in top.key:
            top.container[top.key] = value
        top.key = None

    def close(self, event: Any) -> None:
        frame = self.stack.pop()
        value = frame.container
        if frame.merges:
            value = self.merge(frame, value)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (value, frame.size)
            self.open_anchors.discard(frame.anchor)
        if not self.stack:
            self.located.data, self.root_set = value, True
            return
        top = self.stack[-1]
        top.size += frame.size
        if isinstance(top.container, list):
            top.container.append(value)
        elif top.key == "<<":
            top.merges.append((event, value))
            top.key = None
        else:
            if top.key is not None and "\0duplicate" not in top.key:
                top.container[top.key] = value
            top.key = None

    def merge(self, frame: _Frame, own: dict) -> dict:
        """``<<: *base`` (or a list of them): keys of the merged mappings not set here."""
        merged: dict = {}
        for event, value in frame.merges:
            sources = value if isinstance(value, list) else [value]
            for src in sources:
                if not isinstance(src, dict):
                    self.fail(event, frame.path, msg(M.MERGE_MAPPINGS_ONLY))
                    continue
                for k, v in src.items():
                    merged.setdefault(k, v)
        merged.update(own)
        return merged


# YAML 1.2 core schema, as ruamel.yaml (which wrote the project's files before) reads
# plain scalars: ``no`` and ``on`` are text, ``1e6`` is a number, ``010`` is ten.
_PLAIN = (
    ("bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    (
        "float",
        re.compile(
            r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
            |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
            |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
            re.X,
        ),
    ),
    ("int", re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")),
    ("null", re.compile(r"^(?:~|null|Null|NULL|)$")),
)


def _int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits[:1] == "-" else 1
    digits = digits.lstrip("+-")
    for prefix, base in (("0b", 2), ("0x", 16), ("0o", 8)):
        if digits.startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


def _float(text: str) -> float:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits[:1] == "-" else 1.0
    digits = digits.lstrip("+-")
    if digits == ".inf":
        return sign * float("inf")
    if digits == ".nan":
        return float("nan")
    return sign * float(digits)


def _bool(text: str) -> bool:
    return {"true": True, "false": False}[text.lower()]


def _null(text: str) -> None:
    if text not in ("", "~", "null", "Null", "NULL"):
        raise ValueError(text)


_CONSTRUCT = {"int": _int, "float": _float, "bool": _bool, "null": _null}


def resolve_plain(text: str) -> Any:
    """A plain (unquoted, untagged) scalar's value by the YAML 1.2 core schema."""
    if text and text[0] not in "-+0123456789.tTfFnN~":
        return text
    for kind, pattern in _PLAIN:
        if pattern.match(text):
            try:
                return _CONSTRUCT[kind](text)
            except (ValueError, IndexError):
                return text  # e.g. "_" matches the int pattern but holds no digits
    return text


def _yaml_problem(exc: yaml.MarkedYAMLError, source: str, text: str) -> Problem:
    """One located problem for a YAML syntax error (at the opening of an unclosed
    bracket or quote, which is where the fix goes, not where the parser gave up)."""
    problem, context = exc.problem_mark, exc.context_mark
    opened = (exc.context or "").startswith(_OPENED_EARLIER)
    message: Message
    if opened and context is not None and (problem is None or context.line < problem.line):
        what = (exc.context or "").removeprefix("while ")
        what = what.replace("parsing a flow", "the flow").replace(
            "scanning a quoted scalar", "the quoted string"
        )
        found = msg(M.ON_LINE, line=problem.line + 1) if problem is not None else ""
        line, col = context.line + 1, context.column + 1
        message = msg(
            M.NOT_CLOSED,
            what=msg(M.OPENED[what]) if what in M.OPENED else what,
            problem=M.yaml_problem(str(exc.problem)),
            found=found,
        )
    else:
        mark = problem or context
        # a key left without its ':' ("rules" on a line of its own): the parser scans on
        # and gives up lines later; the fix goes where the key began
        keyless = (exc.context or "").startswith("while scanning a simple key")
        if keyless and context is not None and (problem is None or context.line < problem.line):
            mark = context
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        said = M.yaml_problem(str(exc.problem or exc.context))
        message = msg(M.INVALID_YAML, problem=said)
        lines = text.split("\n")
        at = (
            lines[mark.line][mark.column : mark.column + 1]
            if mark and mark.line < len(lines)
            else ""
        )
        if at == "\t" and "tab" not in str(message):
            message = msg(M.INVALID_YAML_TAB, problem=said)
        opener = _unclosed_bracket(text) if line > text.count("\n") else None
        if opener is not None:  # the parser gave up at the end of the text
            line, col = opener
            message = msg(M.FLOW_NOT_CLOSED, problem=M.yaml_problem(str(exc.problem)))
    return Problem.of(source, line, col, _field_at_line(text, line), message)


def _unclosed_bracket(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based, of the last ``[`` or ``{`` left open in ``text``, skipping
    quoted strings and comments; None when every bracket is closed."""
    stack: list[tuple[int, int]] = []
    for n, line in enumerate(text.split("\n"), start=1):
        quote = ""
        for i, ch in enumerate(line):
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'":
                quote = ch
            elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            elif ch in "[{":
                stack.append((n, i + 1))
            elif ch in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def parse_yaml(
    text: str, source: str = "<string>", *, limits: Limits = LIMITS, mapping: bool = True
) -> Located:
    """Parse ``text`` (one YAML document) into plain data with positions.

    Raises :class:`LocatedError` with every problem found: a limit crossed, a YAML
    syntax error, a tag, a duplicate key, an empty document or (with ``mapping``,
    the default) a document that is not a mapping of keys.
    """
    check_text(text, source, limits=limits)
    _import_yaml()
    builder = _Builder(source, limits)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Stop as stop:
        raise LocatedError([*builder.problems, stop.problem]) from None
    except yaml.MarkedYAMLError as exc:
        raise LocatedError([_yaml_problem(exc, source, text)]) from None
    except yaml.YAMLError as exc:  # reader errors (bad characters) carry a position only
        position = getattr(exc, "position", 0) or 0
        line, col = _line_col(text, min(position, len(text)))
        reason = M.yaml_problem(str(getattr(exc, "reason", None) or exc))
        raise LocatedError(
            [Problem.of(source, line, col, "", msg(M.INVALID_YAML, problem=reason))]
        ) from None
    if builder.problems:
        raise LocatedError(builder.problems)
    located = builder.located
    if not builder.root_set or (located.data is None and mapping):
        raise LocatedError([Problem.of(source, 1, 1, "", msg(M.EMPTY_FILE))])
    if mapping and not isinstance(located.data, dict):
        found = (
            msg(M.FOUND_A_LIST)
            if isinstance(located.data, list)
            else msg(M.FOUND_THE_VALUE, value=f"{located.data!r:.40}")
        )
        raise LocatedError([Problem.of(source, 1, 1, "", msg(M.NOT_A_MAPPING, found=found))])
    return located


def read_yaml(path: str | Path, *, limits: Limits = LIMITS, mapping: bool = True) -> Located:
    """Read and parse a YAML file (:func:`read_text`, then :func:`parse_yaml`)."""
    return parse_yaml(read_text(path, limits=limits), str(path), limits=limits, mapping=mapping)


def parse_value(text: str, source: str, *, limits: Limits = LIMITS) -> Any:
    """One YAML value given on a command line (``--set key=VALUE``): a scalar or a
    flow list/map, with the same limits and types as a file."""
    if text.strip() == "":
        return None
    return parse_yaml(text, source, limits=limits, mapping=False).data


# -- validation: pydantic errors → located problems -------------------------------------


def validate(model: type[BaseModel], doc: Located, *, context: Any = None) -> Any:
    """``model`` validated from ``doc.data``; :class:`LocatedError` names every bad field."""
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise LocatedError(validation_problems(exc, doc, model)) from None


def load_yaml(
    path: str | Path, model: type[BaseModel], *, limits: Limits = LIMITS, context: Any = None
) -> Any:
    """Read, parse and validate one YAML file: :func:`read_yaml` then :func:`validate`."""
    return validate(model, read_yaml(path, limits=limits), context=context)


def validation_problems(
    exc: ValidationError, doc: Located, model: type[BaseModel]
) -> list[Problem]:
    """Each of pydantic's errors as a problem at its place in the file."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    data = doc.data
    errors = exc.errors()
    paths = []
    for err in errors:
        path = _data_path(data, tuple(err["loc"]))
        if err["type"] != "missing" and path and not _in_data(data, path):
            path = path[:-1]  # the name of a union's member, not a key of the file
        paths.append(path)
    for err, path in zip(errors, paths, strict=True):
        kind, key = err["type"], False
        value = err.get("input")
        if isinstance(value, dict | list) and any(
            len(other) > len(path) and other[: len(path)] == path for other in paths
        ):
            # a map also tried as a plain value of a union (`expect: remove` or `expect:
            # {action: …}`): the errors inside it say what is wrong
            continue
        if (
            kind in ("model_type", "dict_type")
            and not isinstance(value, dict | list)
            and paths.count(path) > 1
        ):
            continue  # a plain value also tried as a map: the plain member's error says why
        ctx = err.get("ctx") or {}
        message: Message
        if kind == "extra_forbidden":
            names = _fields_at(model, data, path[:-1])
            message = msg(
                M.UNKNOWN_KEY,
                key=str(path[-1]),
                hint=M.did_you_mean(str(path[-1]), names),
                expected=M.one_of(names),
            )
            key = True
        elif kind == "missing":
            line, col = doc.where(path[:-1])
            problem = Problem.of(
                doc.source, line, col, format_path(path), msg(M.MISSING_KEY, key=str(path[-1]))
            )
            if (problem.field, problem.message) not in seen:
                seen.add((problem.field, problem.message))
                problems.append(problem)
            continue
        elif kind in ("union_tag_invalid", "union_tag_not_found"):
            name = str(ctx.get("discriminator", "'type'")).strip("'")
            expected = [
                t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",") if t.strip()
            ]
            if kind == "union_tag_invalid":
                tag = str(ctx.get("tag", ""))
                message = msg(
                    M.UNKNOWN_TAG,
                    name=name,
                    tag=tag,
                    hint=M.did_you_mean(tag, expected),
                    expected=M.one_of(expected),
                )
                path = (*path, name)
            else:
                message = msg(M.TAG_NEEDED, name=name, expected=M.one_of(expected))
        elif kind == PLACED:
            # a validator's error placed inside the value it checks (errors_at): its
            # message names the values, no ", got …"
            placed = ctx.get("message")
            message = placed if isinstance(placed, Message) else msg(M.AS_WRITTEN, text=err["msg"])
        else:
            message = _validator_message(ctx) if kind == "value_error" else None
            if message is None:
                message = M.pydantic_message(kind, err["msg"], ctx)
            value = err.get("input")
            if not isinstance(value, dict | list):
                shown = repr(value)
                if len(shown) > 60:
                    shown = shown[:57] + "…"
                message = msg(M.GOT, message=message, value=shown)
        text = str(message)
        if (format_path(path), text) in seen:
            continue
        seen.add((format_path(path), text))
        line, col = doc.where(path, key=key)
        problems.append(Problem.of(doc.source, line, col, format_path(path), message))
    return problems


def _validator_message(ctx: dict[str, Any]) -> Message | None:
    """A validator's ``ValueError`` as its own message, without pydantic's ``Value error, ``
    in front (words of pydantic's internals, not of the file): a :class:`MessageError`'s
    message, or the error's text as written; None when the error is not at hand."""
    error = ctx.get("error")
    if isinstance(error, MessageError):
        return error.message
    if isinstance(error, ValueError) and str(error):
        return msg(M.AS_WRITTEN, text=str(error))
    return None


def _in_data(data: Any, path: Path_) -> bool:
    """Whether ``path`` leads to a value of ``data``."""
    cur = data
    for part in path:
        if not (
            (isinstance(cur, dict) and part in cur)
            or (isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur))
        ):
            return False
        cur = cur[part]
    return True


def _data_path(data: Any, loc: tuple) -> Path_:
    """Map a pydantic ``loc`` onto the data (dropping union members and validator names)."""
    path: list = []
    cur = data
    for i, part in enumerate(loc):
        in_dict = isinstance(cur, dict) and part in cur
        if in_dict or (isinstance(cur, list) and isinstance(part, int) and 0 <= part < len(cur)):
            path.append(part)
            cur = cur[part]
        elif i == len(loc) - 1 and isinstance(part, str) and "[" not in part:
            path.append(part)
    return tuple(path)


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _model_in(annotation: Any, data: Any) -> type[BaseModel] | None:
    """The pydantic model ``annotation`` means for ``data`` (a union picks by its tag)."""
    annotation = _strip(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return None
    models = [
        m
        for m in (_strip(a) for a in typing.get_args(annotation))
        if isinstance(m, type) and issubclass(m, BaseModel)
    ]
    if len(models) == 1:
        return models[0]
    for m in models:  # a tagged union: the member whose Literal field matches the data
        for name, info in m.model_fields.items():
            if (
                typing.get_origin(info.annotation) is typing.Literal
                and isinstance(data, dict)
                and data.get(name) in typing.get_args(info.annotation)
            ):
                return m
    return None


def _item_annotation(annotation: Any, part: str | int) -> Any:
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is dict and len(args) == 2 and isinstance(part, str):
        return args[1]
    if origin is list and args and isinstance(part, int):
        return args[0]
    for arg in args:  # Optional[...] and other unions of containers
        found = _item_annotation(arg, part)
        if found is not None:
            return found
    return None


def _fields_at(model: type[BaseModel], data: Any, path: Path_) -> list[str]:
    """The keys allowed in the mapping at ``path`` (for "did you mean" and "expected")."""
    annotation: Any = model
    cur = data
    for part in path:
        found = _model_in(annotation, cur)
        if found is not None:
            if not isinstance(part, str) or part not in found.model_fields:
                return []
            annotation = found.model_fields[part].annotation
        else:
            annotation = _item_annotation(annotation, part)
            if annotation is None:
                return []
        try:
            cur = cur[part]
        except (KeyError, IndexError, TypeError):
            cur = None
    found = _model_in(annotation, cur)
    return list(found.model_fields) if found is not None else []


# -- errors a validator places inside the value it checks -------------------------------


PLACED = "placed_value"  # the type of errors_at's errors (their messages name the values)


def errors_at(title: str, errors: Sequence[tuple[Path_, str | Message, Any]]) -> ValidationError:
    """A :class:`ValidationError` for a validator to raise: one error per ``(loc, message,
    input)``, ``loc`` relative to the value the validator checks (a list item's index and
    key: ``(2, "at")``). A validator's ``ValueError`` is placed at the whole value (a
    list's first line); these are placed where ``loc`` leads, because pydantic puts the
    validated value's own location in front (``enforcement.strikes.ladder[2].at``), and
    :func:`validation_problems` finds its line and column like any other error's. The
    message is shown as written (it names the values; no ", got …" is added); a
    :class:`~policy.messages.Message` is translated in the app, a text is shown as it is."""
    details = [
        InitErrorDetails(
            type=PydanticCustomError(PLACED, "{message}", {"message": message}),
            loc=tuple(loc),
            input=value,
        )
        for loc, message, value in errors
    ]
    return ValidationError.from_exception_data(title, details)


# -- ranges the engine can run ----------------------------------------------------------


def at_most(limit: float, reason: str | Message) -> AfterValidator:
    """A validator for ``Annotated[...]``: the value may be at most ``limit``, because
    ``reason`` (which the error message gives, so a person knows why; a
    :class:`~policy.messages.Message` is translated in the app)."""

    def check(value: Any) -> Any:
        if value is not None and value > limit:
            raise PydanticCustomError(
                "engine_range", M.AT_MOST, {"limit": f"{limit:,}", "reason": reason}
            )
        return value

    return AfterValidator(check)
