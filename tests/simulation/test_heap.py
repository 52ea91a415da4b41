"""Freed large arrays go back to the system (glibc): the threshold is set, once."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

import pytest

from simulation.world import heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_the_mmap_threshold_is_set_once_and_sticks() -> None:
    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").gnu_get_libc_version  # noqa: B018
    except AttributeError:
        pytest.skip("not glibc")
    assert heap.return_large_blocks() is True
    assert heap.return_large_blocks() is True  # a second call changes nothing
    assert heap._done


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_a_freed_temporary_is_kept_for_the_next_one() -> None:
    """A temporary of a few MiB freed at the top of the heap stays there: the next one of
    the same size reuses its pages instead of faulting fresh ones in (the trim threshold)."""
    import resource

    import numpy as np

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").gnu_get_libc_version  # noqa: B018
    except AttributeError:
        pytest.skip("not glibc")
    assert heap.return_large_blocks()
    np.ones(1 << 20).sum()  # 8 MiB, touched, freed
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(5):
        np.ones(1 << 20).sum()
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    assert faults < 2048  # 8 MiB faulted in afresh each time would be 5 × 2048 pages


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_a_threshold_set_in_the_environment_is_left_alone() -> None:
    """Whoever starts the process (a Dask nanny sets MALLOC_TRIM_THRESHOLD_=65536) keeps
    their setting: freed temporaries at the top of the heap then go back each time."""
    import os
    import subprocess

    try:
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").gnu_get_libc_version  # noqa: B018
    except AttributeError:
        pytest.skip("not glibc")
    code = (
        "import resource, numpy as np\n"
        "from simulation.world import heap\n"
        "heap.return_large_blocks()\n"
        "np.ones(1 << 20).sum()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "for _ in range(5):\n    np.ones(1 << 20).sum()\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)\n"
    )
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 1024  # pages faulted in afresh (none when overridden here)
