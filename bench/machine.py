"""What the benchmarks say about the machine beside their figures (they are noisy)."""

from __future__ import annotations

import os
from pathlib import Path


def load_average() -> float | None:
    """The 1-minute load average (``/proc/loadavg``), or None where there is none."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cores() -> int:
    """Logical CPUs of this machine."""
    return os.cpu_count() or 1
