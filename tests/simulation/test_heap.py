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
