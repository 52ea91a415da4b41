"""A small reader for the category catalogue's term lists.

``policy/`` may not import ``simulation/`` (where the full catalogue model lives),
so presets read only what they need: category names, in order, and their terms
per locale. Anything else in the file is ignored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

ASSETS = Path(__file__).resolve().parents[1] / "assets"
DEFAULT_CATALOGUE = ASSETS / "catalogue.yaml"
PSEUDO_CATEGORIES = ("spam", "ad")  # usable in policies without a catalogue entry


@dataclass(frozen=True)
class CatalogueTerms:
    categories: tuple[str, ...]
    terms: dict[str, dict[str, tuple[str, ...]]]  # category -> locale -> terms

    def terms_for(self, category: str, locales: list[str] | None = None) -> list[str]:
        per_locale = self.terms.get(category, {})
        keys = locales if locales is not None else sorted(per_locale)
        out: list[str] = []
        for loc in keys:
            out.extend(per_locale.get(loc, ()))
        return out


EMPTY = CatalogueTerms((), {})


def read_catalogue(path: Path | None = None) -> CatalogueTerms:
    """Read category names and terms; an absent file gives an empty catalogue."""
    path = Path(path) if path else DEFAULT_CATALOGUE
    if not path.exists():
        return EMPTY
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_duplicate_keys = True  # we read only names and terms; the owner validates the rest
    data = yaml.load(path.read_text(encoding="utf-8")) or {}
    cats = data.get("categories", data) if isinstance(data, dict) else {}
    names: list[str] = []
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    items = (
        cats.items()
        if isinstance(cats, dict)
        else ((c.get("name"), c) for c in cats if isinstance(c, dict))
    )
    for name, body in items:
        if not name:
            continue
        names.append(str(name))
        raw = (body or {}).get("terms", {}) if isinstance(body, dict) else {}
        if isinstance(raw, list):
            raw = {"any": raw}
        terms[str(name)] = {str(k): tuple(str(t) for t in (v or [])) for k, v in raw.items()}
    return CatalogueTerms(tuple(names), terms)
