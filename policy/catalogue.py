"""A small reader for the category catalogue's term lists.

``policy/`` may not import ``simulation/`` (where the full catalogue model lives),
so presets read only what they need: category names, in order, and their terms
per locale. Anything else in the file is ignored here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policy import messages as M
from policy.errors import LocatedError
from policy.messages import msg
from policy.yamlfile import read_yaml

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
    """Read category names and terms; an absent file gives an empty catalogue.

    Raises :class:`~policy.errors.LocatedError` (file, line, field) for a file that is
    not usable YAML or whose categories and terms have the wrong shape.
    """
    path = Path(path) if path else DEFAULT_CATALOGUE
    try:
        st = path.stat()
    except OSError:
        return EMPTY
    return _read(str(path.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _read(file: str, _mtime_ns: int, _size: int) -> CatalogueTerms:
    """Cached per file version (path, modification time, size): compiling a policy reads the
    catalogue every time, and parsing it is most of a small policy's compile time."""
    path = Path(file)
    doc = read_yaml(path)  # the one input layer: limits, core types, located errors
    data = doc.data
    prefix: tuple = ("categories",) if "categories" in data else ()
    cats = data["categories"] if prefix else data
    problems = []
    if isinstance(cats, dict):
        items = [((*prefix, name), name, body) for name, body in cats.items()]
    elif isinstance(cats, list):
        items = [
            ((*prefix, i), c.get("name"), c) if isinstance(c, dict) else ((*prefix, i), None, c)
            for i, c in enumerate(cats)
        ]
    else:
        items = []
        problems.append(doc.problem(prefix, msg(M.CATEGORIES_SHAPE)))
    names: list[str] = []
    terms: dict[str, dict[str, tuple[str, ...]]] = {}
    for where, name, body in items:
        if not name or not isinstance(body, dict | None):
            problems.append(doc.problem(where, msg(M.CATEGORY_SHAPE)))
            continue
        names.append(str(name))
        raw = (body or {}).get("terms", {})
        if isinstance(raw, list):
            raw = {"any": raw}
        if not isinstance(raw, dict):
            problems.append(doc.problem((*where, "terms"), msg(M.TERMS_SHAPE)))
            continue
        for loc, words in raw.items():
            if words is not None and not (
                isinstance(words, list) and all(isinstance(w, str | int | float) for w in words)
            ):
                problems.append(doc.problem((*where, "terms", loc), msg(M.WORDS_EXPECTED)))
        terms[str(name)] = {
            str(k): tuple(str(t) for t in (v if isinstance(v, list) else []))
            for k, v in raw.items()
        }
    if problems:
        raise LocatedError(problems)
    return CatalogueTerms(tuple(names), terms)
