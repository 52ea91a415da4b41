"""Policy variants for sweeps: the same YAML policy with one parameter changed.

A sweep over review capacity, a classifier's recall or a takedown delay must vary
the policy a person wrote, not a copy of it typed by hand. So the file is loaded with
ruamel's round-trip loader (comments and key order survive), one dotted path is set,
and the text is dumped and compiled again with ``policy.load_policy_text``: the
stored ``policy_text`` of each run is then exactly the policy that ran, readable.

Paths: ``enforcement.review.delay_hours``; list items by index (``rules.0.delay_hours``),
by ``name`` (``rules.restricted-offer-personal.delay_hours``) or all of them
(``rules.*.delay_hours``). The last key may be new (``delay_hours`` defaults to 0 and
is often absent); a misspelt one is caught when the variant is compiled, with its line.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from policy import load_policy_text
from policy.errors import LocatedError
from policy.loader import read_policy_file
from policy.yamlfile import parse_yaml


@dataclass(frozen=True)
class PolicySource:
    """A policy as text plus what is needed to compile it anywhere (a Dask worker too)."""

    ref: str  # what the user wrote: a preset name or a path
    text: str
    file: str  # the name errors cite
    base_dir: str  # where relative paths inside the policy (catalogue) resolve


def read_policy(ref: str | Path) -> PolicySource:
    """Find a preset or file and read it (the same resolution as ``load_policy``)."""
    text, path = read_policy_file(ref)
    parse_yaml(text, str(path))  # the input layer's checks before the round-trip loader
    return PolicySource(str(ref), text, str(path), str(path.resolve().parent))


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)  # the presets' style: "  - name: ..."
    return yaml


def _children(node: Any, part: str, create_last: bool) -> list[tuple[Any, Any]]:
    """The (container, key) pairs a path part selects inside ``node``."""
    if isinstance(node, dict):
        if part in node or create_last:
            return [(node, part)]
        return []
    if isinstance(node, list):
        if part == "*":
            return [(node, i) for i in range(len(node))]
        if part.lstrip("-").isdigit():
            i = int(part)
            return [(node, i)] if -len(node) <= i < len(node) else []
        return [
            (node, i)
            for i, item in enumerate(node)
            if isinstance(item, dict) and item.get("name") == part
        ]
    return []


def _targets(data: Any, path: str) -> list[tuple[Any, Any]]:
    """Every (container, key) a dotted path selects; wildcards fan out."""
    parts = path.split(".")
    level: list[Any] = [data]
    for part in parts[:-1]:
        nxt: list[Any] = []
        for node in level:
            nxt.extend(c[k] for c, k in _children(node, part, False))
        level = nxt
    last = parts[-1]
    out: list[tuple[Any, Any]] = []
    for node in level:
        out.extend(_children(node, last, True))
    return out


def has_path(text: str, path: str) -> bool:
    """Whether ``path`` selects at least one existing value in the policy text."""
    return bool(_targets(_yaml().load(text), path))


def set_paths(text: str, changes: dict[str, Any], file: str = "<policy>") -> str:
    """The policy text with each dotted path set; unknown paths are an error, not a no-op."""
    yaml = _yaml()
    data = yaml.load(text)
    for path, value in changes.items():
        targets = _targets(data, path)
        if not targets:
            raise KeyError(f"{file}: no '{path}' in this policy")
        for container, key in targets:
            container[key] = value
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


def variant(source: PolicySource, changes: dict[str, Any]) -> PolicySource:
    """A copy of the policy source with parameters changed (unchanged when ``changes`` is empty)."""
    if not changes:
        return source
    return PolicySource(
        source.ref, set_paths(source.text, changes, source.file), source.file, source.base_dir
    )


def compile_source(source: PolicySource):
    """Compile a policy source (validates it: errors name the file, line and field)."""
    return load_policy_text(source.text, source.file, base_dir=Path(source.base_dir))


def is_baseline_text(text: str) -> bool:
    """No moderation, the counterfactual ``none``: a policy without rules that makes no
    announcement raising sellers' risk (a risk multiplier above 1). A policy that only
    announces is not one: sellers hear it and post less (``simulation.runs.marks.heard``)."""
    try:
        data = parse_yaml(text, "<policy>").data
    except LocatedError:  # a stored text that no longer parses is simply not a baseline
        return False
    return not data.get("rules") and not any(_raises_risk(a) for a in _announced(data))


def does_nothing_text(text: str) -> bool:
    """A policy without rules or announcements of any kind: its parameters change
    nothing (``start_day=5,10`` of ``none`` would make identical arms), so a sweep runs
    it once, without them."""
    try:
        data = parse_yaml(text, "<policy>").data
    except LocatedError:
        return False
    return not data.get("rules") and not _announced(data)


def _announced(data: Any) -> list[Any]:
    """The announcements a policy's data makes: under ``announcements`` and each
    schedule phase's ``announce``."""
    phases = [ph for ph in data.get("schedule") or [] if isinstance(ph, dict)]
    in_phases = [ph["announce"] for ph in phases if ph.get("announce")]
    return [*(data.get("announcements") or []), *in_phases]


def _raises_risk(announcement: Any) -> bool:
    try:
        return float(announcement.get("risk_multiplier")) > 1
    except (AttributeError, TypeError, ValueError):
        return False
