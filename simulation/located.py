"""YAML documents whose every value remembers where it stood in the file.

Scenario files are written by people. When a value is wrong the error must name
the file, the line, the column and the field, so the person can fix it at once.
ruamel.yaml keeps positions; pydantic says which field path is wrong; this module
joins the two.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at a place a person can find."""

    file: str
    line: int  # 1-based; 0 when unknown
    column: int  # 1-based; 0 when unknown
    field: str  # dotted path such as ``population.mix.spammer``; "" for the whole file
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        return f"{where}: {self.field or '(file)'}: {self.message}"


class LocatedError(ValueError):
    """A file that could not be loaded; ``problems`` lists every place at fault."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def read_yaml(text: str, source: str) -> Any:
    """Parse YAML safely (no tags, no code) keeping positions; errors name line and column."""
    yaml = YAML(typ="rt", pure=True)
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (exc.problem or str(exc)).strip()
        raise LocatedError([Problem(source, line, col, "", f"invalid YAML: {problem}")]) from None
    except Exception as exc:  # ruamel raises a few non-marked errors (e.g. bad tags)
        raise LocatedError([Problem(source, 0, 0, "", f"invalid YAML: {exc}")]) from None
    return data


def position(root: Any, path: Iterable[str | int]) -> tuple[int, int]:
    """The 1-based (line, column) of the value at ``path``, or of its nearest ancestor."""
    node, best = root, (0, 0)
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.value(key) if node[key] is not None else node.lc.key(key)
            best = (line + 1, col + 1)
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line, col = node.lc.item(key)
            best = (line + 1, col + 1)
            node = node[key]
        else:
            break
    return best


def _key_position(root: Any, path: Sequence[str | int]) -> tuple[int, int]:
    """Position of the *key* at the end of ``path`` (for unknown keys)."""
    node = root
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return position(root, path[:-1])
    if isinstance(node, CommentedMap) and path and path[-1] in node:
        line, col = node.lc.key(path[-1])
        return line + 1, col + 1
    return position(root, path)


def _known_fields(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """Field names allowed at ``path`` inside ``model`` (for "did you mean")."""
    current: Any = model
    for key in path:
        fields = getattr(current, "model_fields", None)
        if fields is None or not isinstance(key, str) or key not in fields:
            return []
        annotation = fields[key].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate(model: type[BaseModel], data: Any, source: str, context: dict | None = None) -> Any:
    """Validate ``data`` against ``model``; turn pydantic's errors into located problems."""
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
            field = ".".join(str(p) for p in loc)
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                line, col = _key_position(data, loc)
                known = _known_fields(model, loc[:-1])
                guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
                message = f"unknown field '{loc[-1]}'"
                if guess:
                    message += f"; did you mean '{guess[0]}'?"
                elif known:
                    message += f"; expected one of: {', '.join(known)}"
            else:
                line, col = position(data, loc)
                if (
                    "input" in err
                    and err["type"] not in ("missing",)
                    and not isinstance(err["input"], dict | list)
                ):
                    message += f" (got {err['input']!r})"
            problems.append(Problem(source, line, col, field, message))
        raise LocatedError(problems) from None


def load_file(model: type[BaseModel], path: Path, context: dict | None = None) -> Any:
    """Read, parse and validate one YAML file; every error is located."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LocatedError([Problem(str(path), 0, 0, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise LocatedError(
            [Problem(str(path), 0, 0, "", f"not UTF-8 text (byte {exc.start})")]
        ) from None
    data = read_yaml(text, str(path))
    if not isinstance(data, dict):
        raise LocatedError([Problem(str(path), 1, 1, "", "expected a mapping of fields")])
    return validate(model, data, str(path), context)
