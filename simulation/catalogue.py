"""The restricted-goods catalogue: categories, keywords and items, loaded from YAML.

The catalogue is data (``assets/catalogue.yaml``) so that a teacher can add a category
without touching code. Errors name the file and the field, because the person fixing
them is editing YAML, not Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from simulation.paths import assets_dir

LOCALES = ("en_US", "zh_CN")


class CatalogueError(ValueError):
    """Bad catalogue data; the message names the file and the field."""


@dataclass(frozen=True)
class Item:
    """A product phrase an offer uses, with the evasion variants of its term."""

    text: str  # e.g. "一次性电子烟"
    term: str  # the canonical term it contains, e.g. "电子烟"
    pinyin: str | None = None  # the term in toneless pinyin, as sellers type it
    abbrev: tuple[str, ...] = ()  # initials, slang, leetspeak standing for the term
    emoji: str | None = None  # the whole item text with (part of) the term as emoji


@dataclass(frozen=True)
class Category:
    name: str
    label: Mapping[str, str]
    demand: float
    margin: float
    risk: float
    conversion: float
    terms: Mapping[str, tuple[str, ...]]
    items: Mapping[str, tuple[Item, ...]]


@dataclass(frozen=True)
class Catalogue:
    categories: tuple[Category, ...]

    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    def index(self, name: str) -> int:
        for i, c in enumerate(self.categories):
            if c.name == name:
                return i
        raise ValueError(f"unknown category {name!r}; known: {', '.join(self.names())}")

    def __len__(self) -> int:
        return len(self.categories)

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __getitem__(self, key: int | str) -> Category:
        return self.categories[self.index(key) if isinstance(key, str) else key]

    def terms(self, locale: str) -> dict[str, tuple[str, ...]]:
        """Canonical keywords per category for a locale (what a policy designer lists)."""
        return {c.name: tuple(c.terms.get(locale, ())) for c in self.categories}


def _fail(path: Path, field: str, msg: str) -> CatalogueError:
    return CatalogueError(f"{path}: {field}: {msg}")


def _number(path: Path, field: str, value: Any, lo: float, hi: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(path, field, f"must be a number, got {value!r}")
    if value < lo or (hi is not None and value > hi):
        bounds = f"[{lo}, {hi}]" if hi is not None else f">= {lo}"
        raise _fail(path, field, f"must be in {bounds}, got {value}")
    return float(value)


def _strings(path: Path, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, field, "must be a list of non-empty strings")
    return tuple(value)


def _item(path: Path, field: str, raw: Any, terms: tuple[str, ...]) -> Item:
    if not isinstance(raw, Mapping):
        raise _fail(path, field, "must be a mapping with text and term")
    unknown = set(raw) - {"text", "term", "pinyin", "abbrev", "emoji"}
    if unknown:
        raise _fail(path, field, f"unknown keys {sorted(unknown)}")
    text, term = raw.get("text"), raw.get("term")
    if not isinstance(text, str) or not isinstance(term, str) or not text or not term:
        raise _fail(path, field, "text and term must be non-empty strings")
    if term.casefold() not in text.casefold():
        raise _fail(path, f"{field}.term", f"{term!r} does not occur in text {text!r}")
    if term.casefold() not in {t.casefold() for t in terms}:
        raise _fail(path, f"{field}.term", f"{term!r} is not one of the category's terms")
    abbrev = _strings(path, f"{field}.abbrev", raw.get("abbrev", []))
    pinyin, emoji = raw.get("pinyin"), raw.get("emoji")
    for key, val in (("pinyin", pinyin), ("emoji", emoji)):
        if val is not None and (not isinstance(val, str) or not val):
            raise _fail(path, f"{field}.{key}", "must be a non-empty string")
    return Item(text, term, pinyin, abbrev, emoji)


def _per_locale(path: Path, field: str, raw: Any) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _fail(path, field, f"must map each locale ({', '.join(LOCALES)}) to a value")
    missing = [loc for loc in LOCALES if loc not in raw]
    if missing:
        raise _fail(path, field, f"missing locale(s) {', '.join(missing)}")
    return raw


def _category(path: Path, name: str, raw: Any) -> Category:
    f = f"categories.{name}"
    if not isinstance(raw, Mapping):
        raise _fail(path, f, "must be a mapping")
    for key in ("label", "demand", "margin", "risk", "conversion", "terms", "items"):
        if key not in raw:
            raise _fail(path, f"{f}.{key}", "missing")
    label = {k: str(v) for k, v in _per_locale(path, f"{f}.label", raw["label"]).items()}
    terms = {
        loc: _strings(path, f"{f}.terms.{loc}", v)
        for loc, v in _per_locale(path, f"{f}.terms", raw["terms"]).items()
    }
    items: dict[str, tuple[Item, ...]] = {}
    for loc, lst in _per_locale(path, f"{f}.items", raw["items"]).items():
        if not isinstance(lst, list) or not lst:
            raise _fail(path, f"{f}.items.{loc}", "must be a non-empty list")
        items[loc] = tuple(
            _item(path, f"{f}.items.{loc}[{i}]", it, terms.get(loc, ())) for i, it in enumerate(lst)
        )
    return Category(
        name=name,
        label=label,
        demand=_number(path, f"{f}.demand", raw["demand"], 0.0, None),
        margin=_number(path, f"{f}.margin", raw["margin"], 0.0, None),
        risk=_number(path, f"{f}.risk", raw["risk"], 0.0, 1.0),
        conversion=_number(path, f"{f}.conversion", raw["conversion"], 0.0, 1000.0),
        terms=terms,
        items=items,
    )


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """Load and validate the catalogue (default ``assets/catalogue.yaml``)."""
    path = Path(path) if path is not None else assets_dir() / "catalogue.yaml"
    try:
        raw = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read: {exc}") from exc
    except Exception as exc:  # ruamel raises several parser error types
        raise CatalogueError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(raw, Mapping) or not isinstance(raw.get("categories"), Mapping):
        raise _fail(path, "categories", "missing or not a mapping")
    cats = tuple(_category(path, str(n), c) for n, c in raw["categories"].items())
    if not cats:
        raise _fail(path, "categories", "no categories")
    if len(cats) > 127:
        raise _fail(path, "categories", "at most 127 categories (stored as int8)")
    return Catalogue(cats)
