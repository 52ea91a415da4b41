"""Large arrays handed back to the system when they are freed (glibc only).

glibc serves an allocation from its heap unless it is larger than a threshold, and raises
that threshold (up to 32 MiB) each time a larger block is freed. After a few days a
100,000-account run frees blocks of tens of MiB (post-table columns when the table is
resized, the friends matrix when it is rebuilt), so arrays of several MiB then come from
the heap too; a freed one leaves a hole that is not given back while anything above it
lives, and the process keeps tens of MiB it does not use. Fixing the threshold at
``THRESHOLD`` keeps arrays larger than that out of the heap: freed, their pages go back at
once. A day's temporaries at 100,000 accounts (per account, and per post of the few days
still collecting views) are smaller and are served from the heap as before. At 8 MiB
(tried first) some of them were mapped and unmapped every day: a 90-day 100,000-account
crackdown run spent 1.4 s more in the kernel (16% more wall time) for an 8% lower peak;
at 32 MiB it spends 0.2 s more than with no threshold set and keeps most of the saving
(peak 453 MB against 474 MB). Measured as whole processes (user, system and wall time,
peak resident memory), each setting against no threshold in turn, three pairs, on a
2-core machine: `simulation.run("large", "crackdown", days=90)`.

Fixing the mmap threshold also stops glibc from adjusting its trim threshold, which then
stays at its default of 128 KiB: each time a temporary of a few MiB at the top of the heap
was freed, the top was handed back to the system, and the next day's temporaries faulted
their pages in again. ``THRESHOLD`` is the trim threshold too (at most 32 MiB of free
memory at the top of the heap is kept for the next temporaries): a 100,000-account
crackdown year then takes 0.1 million page faults instead of 0.9-1.7 million, 0.4 s in
the kernel instead of 2-3.7 s, and 8% less processor time in all (user plus system), for
a peak 7-17 MB higher (about 600 MB). Measured as whole processes, two pairs, the default
trim threshold against this one: `simulation.run("large", "crackdown", days=365)`.

``mallopt`` is glibc's documented interface (``man 3 mallopt``); on other C libraries this
does nothing. A threshold the process was started with (``MALLOC_MMAP_THRESHOLD_`` or
``MALLOC_TRIM_THRESHOLD_`` in its environment, as a Dask nanny sets the latter) is left as
it was: that choice is the person's. It changes where memory comes from, never a value
computed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

THRESHOLD = 32 << 20  # bytes: glibc's own ceiling for the mmap threshold on 64-bit systems
_M_MMAP_THRESHOLD = -3  # glibc's malloc.h
_M_TRIM_THRESHOLD = -1
_done = False


def return_large_blocks() -> bool:
    """Fix glibc's mmap and trim thresholds at ``THRESHOLD`` (once per process), each
    unless the environment sets it. Returns whether those set here took (False off glibc,
    or when the C library refuses)."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it (musl's mallopt differs)
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _done = True
    for option, variable in (
        (_M_MMAP_THRESHOLD, "MALLOC_MMAP_THRESHOLD_"),
        (_M_TRIM_THRESHOLD, "MALLOC_TRIM_THRESHOLD_"),
    ):
        if variable not in os.environ:  # set by whoever started the process: theirs
            _done = _done and mallopt(option, THRESHOLD) == 1
    return _done
