"""Parse YAML into plain Python data plus the position of every key and value.

We compose the node graph with ruamel.yaml's *safe* loader and build the data
ourselves, so no tag can ever construct or execute anything: only the core YAML
types (map, seq, str, int, float, bool, null) are accepted and any other tag is an
error at its position. Duplicate keys are errors too (silently keeping the last one
hides mistakes in long rule lists).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from policy.errors import Issue, PolicyError

Path_ = tuple[str | int, ...]
_CORE = "tag:yaml.org,2002:"
_SCALARS = {"str", "int", "float", "bool", "null", "timestamp"}


@dataclass
class Located:
    """Data with a position map: ``pos[path]`` is the (line, col) of the value,
    ``key_pos[path]`` the (line, col) of the mapping key that leads to it."""

    data: Any
    source: str
    pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
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


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def parse_yaml(text: str, source: str = "<string>") -> Located:
    """Parse ``text``; raise :class:`PolicyError` with located issues on bad YAML."""
    loader = YAML(typ="safe", pure=True)
    try:
        root = loader.compose(text)
    except MarkedYAMLError as exc:
        raise PolicyError([_yaml_issue(exc, source)]) from None
    except Exception as exc:  # ruamel raises a few non-marked errors (e.g. bad encodings)
        raise PolicyError([Issue(source, 0, 0, "", f"invalid YAML: {exc}")]) from None
    located = Located(None, source)
    if root is None:
        raise PolicyError([Issue(source, 1, 1, "", "the file is empty; expected a mapping")])
    issues: list[Issue] = []
    located.data = _build(root, (), located, loader, issues)
    if issues:
        raise PolicyError(issues)
    return located


# Errors found only after the construct that caused them: an unclosed ``[``/``{`` or
# quote is noticed on a later line; the author's mistake is where it was opened.
_OPENED_EARLIER = ("while parsing a flow", "while scanning a quoted scalar")


def _yaml_issue(exc: MarkedYAMLError, source: str) -> Issue:
    """One located issue for a YAML syntax error (at the opening of an unclosed bracket
    or quote, which is where the fix goes, not where the parser gave up)."""
    problem, context = exc.problem_mark, exc.context_mark
    opened = (exc.context or "").startswith(_OPENED_EARLIER)
    if opened and context is not None and (problem is None or context.line < problem.line):
        what = (exc.context or "").removeprefix("while ")
        what = what.replace("parsing a flow", "the flow").replace(
            "scanning a quoted scalar", "the quoted string"
        )
        found = f" on line {problem.line + 1}" if problem is not None else ""
        msg = f"invalid YAML: {what} opened here is not closed ({exc.problem}{found})"
        return Issue(source, context.line + 1, context.column + 1, "", msg)
    mark = problem or context
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return Issue(source, line, col, "", f"invalid YAML: {exc.problem or exc.context}")


def _build(node: Node, path: Path_, loc: Located, loader: YAML, issues: list[Issue]) -> Any:
    loc.pos[path] = _mark(node)
    tag = node.tag or ""
    if isinstance(node, MappingNode):
        if tag != _CORE + "map":
            issues.append(_tag_issue(node, path, loc))
            return None
        out: dict[str, Any] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, ScalarNode):
                line, col = _mark(knode)
                issues.append(Issue(loc.source, line, col, _fmt(path), "keys must be plain text"))
                continue
            key = str(knode.value)
            if key in out:
                line, col = _mark(knode)
                issues.append(Issue(loc.source, line, col, _fmt((*path, key)), "duplicate key"))
                continue
            loc.key_pos[(*path, key)] = _mark(knode)
            out[key] = _build(vnode, (*path, key), loc, loader, issues)
        return out
    if isinstance(node, SequenceNode):
        if tag != _CORE + "seq":
            issues.append(_tag_issue(node, path, loc))
            return None
        return [_build(v, (*path, i), loc, loader, issues) for i, v in enumerate(node.value)]
    if not tag.startswith(_CORE) or tag[len(_CORE) :] not in _SCALARS:
        issues.append(_tag_issue(node, path, loc))
        return None
    value = loader.constructor.construct_object(node, deep=True)
    if tag == _CORE + "timestamp":
        return str(node.value)
    return value


def _tag_issue(node: Node, path: Path_, loc: Located) -> Issue:
    line, col = _mark(node)
    return Issue(loc.source, line, col, _fmt(path), f"YAML tag {node.tag!r} is not allowed")


def _fmt(path: Path_) -> str:
    from policy.errors import format_path

    return format_path(path)
