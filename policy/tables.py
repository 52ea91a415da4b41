"""Normalisation tables (emoji -> words, abbreviations -> terms, leetspeak -> letters).

They live in ``assets/tables/<locale>.yaml`` because they are policy data a designer
maintains, not code, and a policy can extend them (``tables:`` in the policy file). Each
table says which script it applies to (``script:``):

- ``latin``: its abbreviations are whole Latin tokens anywhere; its emoji words are used
  next to Latin text; its leetspeak spellings are read inside Latin words.
- ``han``: its abbreviations (pinyin initials such as ``dzy``) count only in a text that
  contains hanzi, written in lower case as such initials are typed; its emoji words are
  used next to hanzi. "Happy birthday CY!" is not 春药, "SD卡" is not 刷单.

A keyword detector's ``locales`` chooses which tables it uses, as it chooses its terms.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from policy import messages as M
from policy.messages import Message, MessageError, msg

DEFAULT_ASSETS = Path(__file__).resolve().parents[1] / "assets"
SCRIPTS = ("latin", "han")
SECTIONS = ("emoji", "abbreviations", "leetspeak")


@dataclass(frozen=True, eq=False)
class Table:
    """One locale's table. ``script`` is "" in a policy's addition to a shipped table
    (it inherits the shipped table's script)."""

    locale: str
    script: str
    emoji: Mapping[str, str] = field(default_factory=dict)
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    leetspeak: Mapping[str, str] = field(default_factory=dict)

    def _key(self) -> str:
        return json.dumps(
            [self.locale, self.script, self.emoji, self.abbreviations, self.leetspeak],
            ensure_ascii=False,
            sort_keys=True,
            default=dict,
        )

    def __hash__(self) -> int:
        return hash(self._key())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Table) and other._key() == self._key()


@dataclass(frozen=True)
class Abbreviation:
    key: str
    value: str
    script: str  # the script of the table it came from
    locale: str


@dataclass(frozen=True)
class NormalizationTables:
    """Tables merged over one or more locales.

    An emoji can stand for different words in different languages (🚬 is "cigarette" in
    English and 烟 in 电子🚬). ``emoji`` is used next to Latin text, ``emoji_cjk`` next to
    hanzi; with a single locale both hold that locale's table.
    """

    locales: tuple[str, ...]
    emoji: Mapping[str, str]
    emoji_cjk: Mapping[str, str]
    abbreviations: tuple[Abbreviation, ...]
    leetspeak: Mapping[str, str]
    digest: str = ""  # identifies the content (for caches)

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NormalizationTables) and other.digest == self.digest


class TableError(MessageError):
    """A table that cannot be used: ``where`` (a file, "" in a policy), ``field`` (such as
    ``script`` or ``leetspeak.4``; "" for the table) and ``message`` say what is wrong;
    ``str()`` is ``where: field: message``."""

    def __init__(self, where: str, field: str, message: Message) -> None:
        super().__init__(message)
        self.where, self.field = where, field
        self.args = (f"{where}: {field}: {message}" if field else f"{where}: {message}",)


def check_table(raw: Any, where: str, locale: str, default_script: str | None) -> Table:
    """Validate one table (a mapping read from YAML); :class:`TableError` (a
    ``ValueError``) names what is wrong.

    ``default_script``: the script when the table names none ("" = inherit the shipped
    table's); None makes ``script:`` required (a new locale)."""
    if not isinstance(raw, Mapping):
        raise TableError(where, "", msg(M.TABLE_SHAPE, sections=", ".join(SECTIONS)))
    unknown = set(raw) - {*SECTIONS, "script", "locale"}
    if unknown:
        keys = ", ".join(sorted(map(str, unknown)))
        raise TableError(
            where, "", msg(M.TABLE_UNKNOWN_KEYS, keys=keys, sections=", ".join(SECTIONS))
        )
    script = raw.get("script")
    if script is None and default_script is None:
        raise TableError(where, "script", msg(M.TABLE_SCRIPT_MISSING, scripts=", ".join(SCRIPTS)))
    if script is not None and script not in SCRIPTS:
        raise TableError(
            where,
            "script",
            msg(M.TABLE_SCRIPT_BAD, scripts=", ".join(SCRIPTS), value=repr(script)),
        )
    sections: dict[str, dict[str, str]] = {}
    for section in SECTIONS:
        table = raw.get(section) or {}
        if not isinstance(table, Mapping):
            raise TableError(where, section, msg(M.TABLE_SECTION_SHAPE))
        for k, v in table.items():
            if not isinstance(k, str) or not isinstance(v, str) or not k or not v:
                raise TableError(where, f"{section}.{k}", msg(M.TABLE_STRINGS))
            if section == "leetspeak" and (
                len(k) != 1 or k.isalpha() or len(v) != 1 or not v.isalpha()
            ):
                raise TableError(where, f"leetspeak.{k}", msg(M.TABLE_LEETSPEAK))
        sections[section] = dict(table)
    return Table(locale, script if script is not None else (default_script or ""), **sections)


def _read(path: Path) -> Table:
    try:
        from ruamel.yaml import YAML  # imported only when a table is read, not from a cache

        raw = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ValueError(f"{path}: cannot read normalisation table: {exc}") from exc
    return check_table(raw, str(path), path.stem, default_script="latin")


@lru_cache(maxsize=64)
def _shipped(root: Path, locale: str) -> Table:
    return _read(root / "tables" / f"{locale}.yaml")


def available_locales(assets_dir: Path | None = None) -> tuple[str, ...]:
    root = Path(assets_dir) if assets_dir is not None else DEFAULT_ASSETS
    return tuple(sorted(p.stem for p in (root / "tables").glob("*.yaml")))


def merge(tables: list[Table]) -> NormalizationTables:
    """Merge tables; Latin-script tables first so they win key conflicts next to Latin
    text, hanzi tables first next to hanzi."""
    ordered = sorted(tables, key=lambda t: t.script == "han")
    latin: dict[str, str] = {}
    cjk: dict[str, str] = {}
    abbreviations: dict[str, Abbreviation] = {}
    leet: dict[str, str] = {}
    for t in ordered:
        target = cjk if t.script == "han" else latin
        for k, v in t.emoji.items():
            target.setdefault(k.replace("\ufe0f", ""), v)
        for k, v in t.abbreviations.items():
            abbreviations.setdefault(k.casefold(), Abbreviation(k, v, t.script, t.locale))
        for k, v in t.leetspeak.items():
            leet.setdefault(k, v)
    payload = "\n".join(t._key() for t in ordered)
    return NormalizationTables(
        locales=tuple(t.locale for t in tables),
        emoji={**cjk, **latin},
        emoji_cjk={**latin, **cjk},
        abbreviations=tuple(abbreviations.values()),
        leetspeak=leet,
        digest=hashlib.sha256(payload.encode()).hexdigest()[:16],
    )


@lru_cache(maxsize=64)
def _load(
    root: Path, locales: tuple[str, ...] | None, extra: tuple[Table, ...]
) -> NormalizationTables:
    folder = root / "tables"
    available = available_locales(root)
    extra_locales = [t.locale for t in extra]
    chosen = (
        locales
        if locales is not None
        else tuple(available) + tuple(loc for loc in extra_locales if loc not in available)
    )
    out: list[Table] = []
    for loc in chosen:
        own = [t for t in extra if t.locale == loc]
        if loc in available:
            base = _shipped(root, loc)
        elif own:
            base = Table(loc, own[0].script)
        else:
            raise MessageError(msg(M.NO_TABLE_FOR_LOCALE, locale=repr(loc), folder=str(folder)))
        for t in own:  # a policy's additions come first: they win over the shipped table
            out.append(Table(loc, t.script or base.script, t.emoji, t.abbreviations, t.leetspeak))
        out.append(base)
    return merge(out)


def load_tables(
    assets_dir: Path | None = None,
    locales: tuple[str, ...] | list[str] | str | None = None,
    extra: tuple[Table, ...] = (),
) -> NormalizationTables:
    """Read ``assets/tables`` (cached). ``locales``: one locale, several, or all (None).

    ``extra``: a policy's own tables (its ``tables:``), merged over the shipped ones of the
    same locale.
    """
    if isinstance(locales, str):
        locales = (locales,)
    root = Path(assets_dir) if assets_dir is not None else DEFAULT_ASSETS
    return _load(root.resolve(), tuple(locales) if locales is not None else None, tuple(extra))


def policy_tables(
    specs: Mapping[str, Any], error: Callable[[tuple, Message], None]
) -> Callable[[list[str] | None], NormalizationTables]:
    """A policy's ``tables:`` checked (problems go to ``error(path, message)``); returns
    locales -> the tables a detector with those ``locales`` uses (None = all)."""
    shipped = set(available_locales())
    extra: list[Table] = []
    for loc, spec in specs.items():
        raw = spec.model_dump(exclude_none=True) if hasattr(spec, "model_dump") else spec
        try:
            extra.append(check_table(raw, "", loc, default_script="" if loc in shipped else None))
        except TableError as exc:
            path = ("tables", loc, *exc.field.split(".", 1)) if exc.field else ("tables", loc)
            error(path, exc.message)
    frozen = tuple(extra)

    def tables(locales: list[str] | None) -> NormalizationTables:
        return load_tables(locales=tuple(locales) if locales is not None else None, extra=frozen)

    return tables
