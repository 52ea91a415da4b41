"""Normalisation tables (emoji -> words, abbreviations -> canonical terms), per locale.

They live in ``assets/tables/<locale>.yaml`` because they are policy data a designer
maintains, not code. Coverage gaps in them are real-world gaps a lab should be able to show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ruamel.yaml import YAML

DEFAULT_ASSETS = Path(__file__).resolve().parents[1] / "assets"
CJK_LOCALE_PREFIXES = ("zh", "ja", "ko")


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
    abbreviations: Mapping[str, str]


def _is_cjk(locale: str) -> bool:
    return locale.startswith(CJK_LOCALE_PREFIXES)


def _read(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    try:
        raw = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ValueError(f"{path}: cannot read normalisation table: {exc}") from exc
    out = []
    for section in ("emoji", "abbreviations"):
        table = raw.get(section) or {}
        if not isinstance(table, Mapping):
            raise ValueError(f"{path}: {section}: must be a mapping of strings to strings")
        for k, v in table.items():
            if not isinstance(k, str) or not isinstance(v, str) or not k or not v:
                raise ValueError(f"{path}: {section}.{k}: keys and values must be strings")
        out.append(dict(table))
    return out[0], out[1]


@lru_cache(maxsize=16)
def _load(root: Path, locales: tuple[str, ...] | None) -> NormalizationTables:
    folder = root / "tables"
    available = sorted(p.stem for p in folder.glob("*.yaml"))
    chosen = locales if locales is not None else tuple(available)
    for loc in chosen:
        if loc not in available:
            raise ValueError(f"no normalisation table for locale {loc!r} in {folder}")
    # Latin-script locales first so they win key conflicts in the Latin-context table.
    ordered = sorted(chosen, key=_is_cjk)
    latin: dict[str, str] = {}
    cjk: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for loc in ordered:
        emoji, abbrev = _read(folder / f"{loc}.yaml")
        target = cjk if _is_cjk(loc) else latin
        for k, v in emoji.items():
            target.setdefault(k, v)
        for k, v in abbrev.items():
            abbreviations.setdefault(k.casefold(), v)
    latin_full = {**cjk, **latin}
    cjk_full = {**latin, **cjk}
    return NormalizationTables(
        locales=tuple(chosen),
        emoji=MappingProxyType(latin_full),
        emoji_cjk=MappingProxyType(cjk_full),
        abbreviations=MappingProxyType(abbreviations),
    )


def load_tables(
    assets_dir: Path | None = None, locales: tuple[str, ...] | str | None = None
) -> NormalizationTables:
    """Read ``assets/tables`` (cached). ``locales``: one locale, several, or all (None).

    Pass the run's locale when you know it: merged tables carry every locale's
    abbreviations, so an English name can collide with a pinyin initialism.
    """
    if isinstance(locales, str):
        locales = (locales,)
    root = Path(assets_dir) if assets_dir is not None else DEFAULT_ASSETS
    return _load(root.resolve(), tuple(locales) if locales is not None else None)
