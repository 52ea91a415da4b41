"""What the benchmarks share: the machine beside their figures (they are noisy), and how a
benchmark keeps its figures for ``scripts/figures.py``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any


def load_average() -> float | None:
    """The 1-minute load average (``/proc/loadavg``), or None where there is none."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cores() -> int:
    """Logical CPUs of this machine."""
    return os.cpu_count() or 1


def save_figures(path: Path, record: Any) -> None:
    """Write a benchmark's figures as JSON (``bench/results/NAME.json``, read by
    ``scripts/figures.py --write NAME``), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def commit(rev: str = "HEAD") -> str:
    """The short hash of ``rev`` in this checkout ("" outside a git checkout)."""
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", rev],
        capture_output=True,
        text=True,
    ).stdout.strip()
