"""The restricted-goods catalogue: categories, keywords and items, loaded from YAML.

The catalogue is data (``assets/catalogue.yaml``) so that a teacher can add a category
without touching code. Errors name the file, line and field (a
:class:`~policy.errors.LocatedError`), because the person fixing them is editing YAML,
not Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policy.errors import LocatedError
from policy.yamlfile import Located, read_yaml
from simulation.paths import assets_dir
from simulation.problems import problem_at

LOCALES = ("en_US", "zh_CN")


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
    demand: float  # relative daily demand (1.0 = an average category)
    margin: float  # CNY earned per unit sold
    risk: float  # 0..1: share of applications for an official account the platform refuses
    conversion: float  # units sold per 1,000 impressions on users who did not seek the item
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


def _fail(doc: Located, field: str, msg: str) -> LocatedError:
    path = tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", field))
    return LocatedError([problem_at(doc, path, msg)])


def _number(doc: Located, field: str, value: Any, lo: float, hi: float | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(doc, field, f"must be a number, got {value!r}")
    if not abs(value) < 1e300:  # NaN, infinities, and numbers no computation here needs
        raise _fail(doc, field, f"must be a finite number below 1e300, got {value!r}")
    if value < lo or (hi is not None and value > hi):
        bounds = f"[{lo}, {hi}]" if hi is not None else f">= {lo}"
        raise _fail(doc, field, f"must be in {bounds}, got {value}")
    return float(value)


def _strings(doc: Located, field: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(doc, field, "must be a list of non-empty strings")
    return tuple(value)


def _item(doc: Located, field: str, raw: Any, terms: tuple[str, ...]) -> Item:
    if not isinstance(raw, Mapping):
        raise _fail(doc, field, "must be a mapping with text and term")
    unknown = set(raw) - {"text", "term", "pinyin", "abbrev", "emoji"}
    if unknown:
        raise _fail(doc, field, f"unknown keys {sorted(unknown)}")
    text, term = raw.get("text"), raw.get("term")
    if not isinstance(text, str) or not isinstance(term, str) or not text or not term:
        raise _fail(doc, field, "text and term must be non-empty strings")
    if term.casefold() not in text.casefold():
        raise _fail(doc, f"{field}.term", f"{term!r} does not occur in text {text!r}")
    if term.casefold() not in {t.casefold() for t in terms}:
        raise _fail(doc, f"{field}.term", f"{term!r} is not one of the category's terms")
    abbrev = _strings(doc, f"{field}.abbrev", raw.get("abbrev", []))
    pinyin, emoji = raw.get("pinyin"), raw.get("emoji")
    for key, val in (("pinyin", pinyin), ("emoji", emoji)):
        if val is not None and (not isinstance(val, str) or not val):
            raise _fail(doc, f"{field}.{key}", "must be a non-empty string")
    return Item(text, term, pinyin, abbrev, emoji)


def _per_locale(doc: Located, field: str, raw: Any) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise _fail(doc, field, f"must map each locale ({', '.join(LOCALES)}) to a value")
    missing = [loc for loc in LOCALES if loc not in raw]
    if missing:
        raise _fail(doc, field, f"missing locale(s) {', '.join(missing)}")
    return raw


def _category(doc: Located, name: str, raw: Any) -> Category:
    f = f"categories.{name}"
    if not isinstance(raw, Mapping):
        raise _fail(doc, f, "must be a mapping")
    for key in ("label", "demand", "margin", "risk", "conversion", "terms", "items"):
        if key not in raw:
            raise _fail(doc, f"{f}.{key}", "missing")
    label = {k: str(v) for k, v in _per_locale(doc, f"{f}.label", raw["label"]).items()}
    terms = {
        loc: _strings(doc, f"{f}.terms.{loc}", v)
        for loc, v in _per_locale(doc, f"{f}.terms", raw["terms"]).items()
    }
    items: dict[str, tuple[Item, ...]] = {}
    for loc, lst in _per_locale(doc, f"{f}.items", raw["items"]).items():
        if not isinstance(lst, list) or not lst:
            raise _fail(doc, f"{f}.items.{loc}", "must be a non-empty list")
        items[loc] = tuple(
            _item(doc, f"{f}.items.{loc}[{i}]", it, terms.get(loc, ())) for i, it in enumerate(lst)
        )
    return Category(
        name=name,
        label=label,
        demand=_number(doc, f"{f}.demand", raw["demand"], 0.0, None),
        margin=_number(doc, f"{f}.margin", raw["margin"], 0.0, None),
        risk=_number(doc, f"{f}.risk", raw["risk"], 0.0, 1.0),
        conversion=_number(doc, f"{f}.conversion", raw["conversion"], 0.0, 1000.0),
        terms=terms,
        items=items,
    )


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """Load and validate the catalogue (default ``assets/catalogue.yaml``)."""
    path = Path(path) if path is not None else assets_dir() / "catalogue.yaml"
    doc = read_yaml(path)  # the one input layer: limits, core types, located errors
    raw = doc.data
    if not isinstance(raw.get("categories"), Mapping):
        raise _fail(doc, "categories", "missing or not a mapping")
    cats = tuple(_category(doc, str(n), c) for n, c in raw["categories"].items())
    if not cats:
        raise _fail(doc, "categories", "no categories")
    if len(cats) > 127:
        raise _fail(doc, "categories", "at most 127 categories (stored as int8)")
    return Catalogue(cats)
