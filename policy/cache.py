"""Data built once per installation and kept in the user's cache directory.

Some tables the text matcher needs are derived from large library data (the pinyin of
every hanzi, the common words of a language). Deriving them takes a few hundred
milliseconds; reading the result back takes a few. :func:`cached_json` keeps such a
result as a JSON file named by a hash of everything it was built from (the library
versions and the content of our own tables), so an upgrade or an edited table builds a
new file instead of reading a stale one.

- Location: ``platformdirs.user_cache_dir("circlelab")`` (``~/.cache/circlelab`` on
  Linux), or ``$CIRCLELAB_CACHE_DIR``; ``CIRCLELAB_CACHE_DIR=off`` keeps everything in
  memory only.
- Writes are atomic: a temporary file in the same directory, then ``os.replace``; two
  processes building the same table at once both succeed and one file wins.
- A cache that cannot be read (damaged, not JSON, unwritable directory) is rebuilt in
  memory; the cache never makes a policy fail to load.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

ENV = "CIRCLELAB_CACHE_DIR"
FORMAT = 1  # bump when the layout of any cached table changes


def cache_dir() -> Path | None:
    """The directory for cached tables, or None when caching is switched off."""
    env = os.environ.get(ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("circlelab", appauthor=False))


def version_of(distribution: str) -> str:
    """The installed version of a distribution ('?' when it cannot be found)."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def content_key(parts: Iterable[str | bytes]) -> str:
    """A short, stable hash of the parts (library versions, table texts, options)."""
    h = hashlib.sha256(str(FORMAT).encode())
    for p in parts:
        h.update(b"\x00")
        h.update(p if isinstance(p, bytes) else p.encode("utf-8"))
    return h.hexdigest()[:16]


def cached_json(name: str, key_parts: Iterable[str | bytes], build: Callable[[], Any]) -> Any:
    """``build()``'s JSON-serialisable result, read from the cache when present.

    ``name`` is a readable prefix for the file; ``key_parts`` decide its identity.
    """
    folder = cache_dir()
    path = folder / f"{name}-{content_key(key_parts)}.json" if folder is not None else None
    if path is not None and path.is_file():
        try:
            with path.open(encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            pass  # damaged or half-written by a foreign tool: rebuild below
    value = build()
    if path is not None:
        _write_atomically(path, value)
    return value


def _write_atomically(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError:
        return  # read-only home, full disk: work from memory
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(value, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
