"""Output folders: what Circle Lab writes into a folder, and what it never touches.

A report bundle (``circlelab run --out``, ``runs export``, a sweep's or a study's report,
the app's *Save run and report*) is built in a hidden sibling folder, then moved into the
folder asked for. What it moves in is listed in the folder's ``.circlelab-bundle`` file,
so the next bundle written there replaces exactly those entries and nothing else. A file
or folder Circle Lab did not write is never deleted or overwritten: when a bundle would
replace one, :class:`OutputFolderError` says which, before anything is moved (commands
exit 2). Folders written before the list existed are recognised by their signature (a
run's report, summary and daily metrics, or a sweep's report and data tables) beside
nothing else but a study's ``study.db``.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

MANIFEST = ".circlelab-bundle"
# every entry a run's or a sweep's bundle may hold (what a folder from before the
# manifest can hold and still be recognised as ours)
BUNDLE_NAMES = frozenset(
    {
        "report.html",
        "summary.json",
        "changes.json",
        "daily_metrics.csv",
        "rule_stats.csv",
        "charts",
        "data",
    }
)


class OutputFolderError(Exception):
    """Writing a bundle into ``path`` would replace something Circle Lab did not write."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def owned(out: Path) -> frozenset[str]:
    """Names of the entries of ``out`` that an earlier bundle wrote (empty when none)."""
    manifest = out / MANIFEST
    if manifest.is_file():
        try:
            names = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            names = None
        if isinstance(names, list) and all(isinstance(n, str) for n in names):
            # only plain names of this folder, never a path that leads elsewhere
            return frozenset(n for n in names if n not in ("", ".", "..") and Path(n).name == n)
        return frozenset()
    # a bundle written before the manifest: a run's (report, summary and daily metrics) or
    # a sweep's (report and its data tables), beside nothing but a study's own database
    present = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    besides = {n for n in present - BUNDLE_NAMES if not n.startswith("study.db")}
    run_bundle = {"report.html", "summary.json", "daily_metrics.csv"} <= present
    sweep_bundle = "report.html" in present and (out / "data" / "run_headlines.csv").is_file()
    if (run_bundle or sweep_bundle) and not besides:
        return frozenset(present & BUNDLE_NAMES)
    return frozenset()


def check_folder(out: str | Path, names: Iterable[str] = BUNDLE_NAMES) -> None:
    """Raise :class:`OutputFolderError` when writing entries ``names`` into ``out`` would
    replace a file or folder Circle Lab did not write (or ``out`` is not a folder)."""
    out = Path(out)
    _check_writable(out)
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputFolderError(out, "exists and is not a folder; pick a folder for the report")
    ours = owned(out)
    clash = sorted(n for n in names if (out / n).exists() or (out / n).is_symlink())
    foreign = [n for n in clash if n not in ours]
    if foreign:
        raise OutputFolderError(
            out,
            "holds " + ", ".join(foreign) + ", which Circle Lab did not write here and will not "
            "replace; pick an empty or new folder, or move them away",
        )


def _check_writable(out: Path) -> None:
    """Raise :class:`OutputFolderError` when a bundle could not be written to ``out``: it
    is built in a hidden folder beside ``out`` (in its parent, made if missing), then
    moved into ``out``. Checked before any work, so that a run does not simulate for
    minutes and then fail on a folder it cannot write (exit 1, naming a temporary path)."""
    where = out.absolute().parent
    while not where.exists() and where != where.parent:  # the folder that would be made in
        where = where.parent
    if not where.is_dir():
        raise OutputFolderError(
            out, f"{where} is a file, not a folder; pick a folder for the report"
        )
    if not os.access(where, os.W_OK | os.X_OK):
        raise OutputFolderError(
            out,
            f"cannot write in {where} (no permission, or a read-only file system), where the "
            "report is built before it is moved in; pick a folder you can write to",
        )
    if out.is_dir() and not os.access(out, os.W_OK | os.X_OK):
        raise OutputFolderError(
            out,
            "cannot write in this folder (no permission, or a read-only file system); pick a "
            "folder you can write to",
        )


def place(staged: Path, out: str | Path) -> Path:
    """Move the entries of the finished folder ``staged`` into ``out`` (made if missing),
    replacing what an earlier bundle wrote there and nothing else; ``staged`` is removed.

    Raises :class:`OutputFolderError` (nothing moved) when an entry would replace a file
    Circle Lab did not write.
    """
    out = Path(out)
    new = sorted(p.name for p in staged.iterdir())
    check_folder(out, new)
    out.mkdir(parents=True, exist_ok=True)
    for name in owned(out):
        old = out / name
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        elif old.exists() or old.is_symlink():
            old.unlink()
    for name in new:
        (staged / name).rename(out / name)
    (out / MANIFEST).write_text(json.dumps(new, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(staged, ignore_errors=True)
    return out
