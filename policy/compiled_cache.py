"""Compiled policies kept between processes, so loading a policy again is a file read.

Compiling a policy (parse, validate, normalise every term, build the keyword automata,
load the normalisation tables behind them) takes 50-100 ms and imports the YAML readers
and the libraries behind the tables; ``circlelab policy explain`` and the desktop app's
start pay it every time. :func:`policy.loader.load_policy_text` therefore keeps each
compiled policy as a pickle in ``<cache dir>/policies/`` (the directory of
:mod:`policy.cache`: ``~/.cache/circlelab`` on Linux, ``$CIRCLELAB_CACHE_DIR``, ``off``
for none) and reads it back when nothing it was built from has changed:

- the key (:func:`key_for`) hashes the policy's text, its file name, ``start_day``, the
  folder relative names start from, the Python version, the size and modification time of
  every module of the ``policy`` package (an edited or upgraded compiler builds anew) and
  of the libraries whose data or classes end up in a compiled policy;
- each entry lists the data files the compiler read (shipped tables, the catalogue, every
  ``terms_file``) with a hash of their content (or their absence): an edited term file is
  noticed even when it keeps its size and modification time;
- only policies without problems are stored, so errors are always reported afresh;
- writes are atomic (temporary file, then ``os.replace``); at most :data:`KEEP` entries
  are kept (the least recently used go first), and only files named like ours are ever
  deleted;
- an entry is read only when it is a regular file owned by the current user and not
  writable by others (a pickle runs code when read); anything unreadable, damaged or
  from another version is ignored and rebuilt; the cache never makes a policy fail to
  load.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import stat
import sys
import tempfile
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy.cache import cache_dir

if TYPE_CHECKING:
    from policy.model import CompiledPolicy

FORMAT = 1  # bump when an entry's layout changes
KEEP = 64  # entries kept; a policy editor's every checked draft is one
FOLDER = "policies"
NAME = re.compile(r"^[0-9a-f]{32}\.policy\.pickle$")
# the libraries whose data or classes are inside a compiled policy
LIBRARIES = (
    "numpy",
    "pydantic",
    "pydantic_core",
    "ahocorasick",
    "re2",
    "pypinyin",
    "opencc",
    "wordfreq",
    "confusable_homoglyphs",
)
_PACKAGE = Path(__file__).resolve().parent


def _stamp(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:absent"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def code_stamp() -> list[str]:
    """Size and modification time of every module of ``policy`` and of each library in
    :data:`LIBRARIES` (its ``__init__`` or extension file; not imported to find it)."""
    parts = [sys.version, str(FORMAT)]
    parts += [_stamp(f) for f in sorted(_PACKAGE.rglob("*.py"))]
    for name in LIBRARIES:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        parts.append(f"{name}:{_stamp(Path(origin)) if origin else 'absent'}")
    return parts


def key_for(text: str, source: str, start_day: int | None, base_dir: Path | None) -> str:
    """The cache key of a policy's text and everything its compilation depends on
    (32 hex digits). Relative names start at ``base_dir``, else the working directory."""
    h = hashlib.sha256()
    folder = str(base_dir.resolve()) if base_dir is not None else os.getcwd()
    for part in (text, source, repr(start_day), folder, *code_stamp()):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


def digest(path: Path) -> str | None:
    """SHA-256 of a file's content, or None when it cannot be read (absent)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _folder() -> Path | None:
    root = cache_dir()
    return root / FOLDER if root is not None else None


def _trusted(path: Path) -> bool:
    """A regular file of this user's that nobody else may write."""
    try:
        st = path.stat(follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode) or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or st.st_uid == os.getuid()


def read(key: str) -> CompiledPolicy | None:
    """The policy stored under ``key`` if its data files are unchanged, else None."""
    folder = _folder()
    if folder is None:
        return None
    path = folder / f"{key}.policy.pickle"
    if not _trusted(path):
        return None
    try:
        with path.open("rb") as fh:
            entry = pickle.load(fh)
        if not isinstance(entry, dict) or entry.get("format") != FORMAT:
            return None
        for name, expected in entry["inputs"]:
            if digest(Path(name)) != expected:
                return None
        policy = entry["policy"]
    except Exception:  # damaged, truncated, or classes changed shape: compile instead
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used
    return policy


def write(key: str, policy: Any, inputs: list[Path]) -> None:
    """Store a compiled policy and the content hashes of the files it was built from.

    Never raises: a read-only or full disk, or a policy that cannot be pickled, leaves
    the cache as it was."""
    folder = _folder()
    if folder is None:
        return
    names = list(dict.fromkeys(str(Path(p).resolve()) for p in inputs))
    entry = {
        "format": FORMAT,
        "inputs": [(name, digest(Path(name))) for name in names],
        "policy": policy,
    }
    try:
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".policy-", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / f"{key}.policy.pickle")
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    prune(folder)


def prune(folder: Path, keep: int = KEEP) -> None:
    """Delete all but the ``keep`` most recently used entries (files named like ours)."""
    try:
        entries = [p for p in folder.iterdir() if NAME.match(p.name)]
    except OSError:
        return
    if len(entries) <= keep:
        return

    def used(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    for p in sorted(entries, key=used, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            p.unlink()
