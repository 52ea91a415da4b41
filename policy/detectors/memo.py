"""What a text detector found in each text, kept across the runs of one process.

A text detector's findings are a function of the detector and the text alone (it never
sees ground truth, the day or the run), so a run that meets a text already read by an
equal detector in this process takes the findings instead of normalising and scanning
the text again: a run of the same world again (a lesson restarted, a test's repeated
worlds, a sweep's seeds run under one policy more than once) decides its texts without
the cold cost of about 20-50 µs each (``bench/bench_policy.py``).

Detectors are equal when they are of the same class, a class that itself declares that
its findings are a function of its public fields (``findings_depend_on_fields`` in the
class's own body: a subclass that adds state of its own does not inherit it), that is
ready to read (``findings_ready()``: a keyword detector once its automata are built), and
whose public fields pickle to the same bytes: the same name, terms, categories,
exceptions, steps and normalisation tables (compiled twice from one policy text, they
are). The fields starting with ``_`` are left out: they are built from the others (the
automata, whose pickles hold memory addresses). The fingerprint is taken afresh each
time a run has new texts to read (0.1-0.3 ms), so a detector edited in place and built
again is another detector. A false "different" only costs a scan.

Memory: at most :data:`BUDGET` bytes in all (an entry counted as its text's size, 100
bytes, and 300 bytes a hit); the detectors used least recently are dropped first, and a
text longer than :data:`LONGEST` characters is read, not kept. Reading a corpus
(``policy.evaluate``) keeps nothing (:func:`not_kept`): its memory stays bounded by its
chunk.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import pickle
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

BUDGET = 64 * 2**20  # bytes of kept findings, all detectors together
LONGEST = 2_000  # characters: longer texts (pasted messages) are read, not kept
_ENTRY, _HIT = 100, 300  # bytes counted per kept text beside the text, and per hit

# (fired, category mask, distinct terms, hits or None) of one text
Findings = tuple[bool, int, int, tuple[Any, ...] | None]


class Kept:
    """The findings kept for one fingerprint: ``get(text)``, and ``keep(text, findings)``
    while the budget allows."""

    def __init__(self) -> None:
        self.found: dict[str, Findings] = {}
        self.size = 0  # bytes counted

    def get(self, text: str) -> Findings | None:
        return self.found.get(text)

    def keep(self, text: str, findings: Findings) -> None:
        global _SIZE
        if len(text) > LONGEST or text in self.found:
            return
        size = sys.getsizeof(text) + _ENTRY + _HIT * len(findings[3] or ())
        if _SIZE + size > BUDGET and not _evict(self, size):
            return
        self.found[text] = findings
        self.size += size
        _SIZE += size


_BY_FINGERPRINT: OrderedDict[bytes, Kept] = OrderedDict()
_SIZE = 0  # bytes counted over every Kept
_LOCAL = threading.local()  # .off: True inside not_kept() in this thread


def fingerprint(det: Any) -> bytes | None:
    """The SHA-256 of the detector's class and public fields (None: its class does not
    itself declare ``findings_depend_on_fields``, it is not ready to read, or its fields
    do not pickle; its findings are then not kept)."""
    cls = type(det)
    if not cls.__dict__.get("findings_depend_on_fields", False):
        return None
    if not dataclasses.is_dataclass(det) or not det.findings_ready():
        return None
    public = [
        (f.name, getattr(det, f.name))
        for f in dataclasses.fields(det)
        if not f.name.startswith("_")
    ]
    try:
        data = pickle.dumps(
            (cls.__module__, cls.__qualname__, public), protocol=pickle.HIGHEST_PROTOCOL
        )
    except Exception:  # a field holding something that does not pickle
        return None
    return hashlib.sha256(data).digest()


def findings_of(det: Any) -> Kept | None:
    """The findings kept for detectors equal to ``det``, or None when they cannot be kept
    (see :func:`fingerprint`) or this thread is inside :func:`not_kept`."""
    if getattr(_LOCAL, "off", False):
        return None
    fp = fingerprint(det)
    if fp is None:
        return None
    kept = _BY_FINGERPRINT.get(fp)
    if kept is None:
        kept = _BY_FINGERPRINT[fp] = Kept()
    else:
        _BY_FINGERPRINT.move_to_end(fp)
    return kept


def _evict(keeping: Kept, size: int) -> bool:
    """Drop the findings of the detectors used least recently (not ``keeping``'s) until
    ``size`` more bytes fit; whether they do."""
    global _SIZE
    for fp in list(_BY_FINGERPRINT):
        if _SIZE + size <= BUDGET:
            break
        kept = _BY_FINGERPRINT[fp]
        if kept is keeping:
            continue
        del _BY_FINGERPRINT[fp]
        _SIZE -= kept.size
    return _SIZE + size <= BUDGET


def kept_bytes() -> int:
    """The bytes counted over every detector's kept findings (at most :data:`BUDGET`)."""
    return _SIZE


@contextlib.contextmanager
def not_kept() -> Iterator[None]:
    """Within it, in this thread, no finding is looked up or kept (a corpus's messages
    are read once and would only fill the memory)."""
    before = getattr(_LOCAL, "off", False)
    _LOCAL.off = True
    try:
        yield
    finally:
        _LOCAL.off = before


def forget() -> None:
    """Drop every kept finding (the next runs scan their texts anew)."""
    global _SIZE
    _BY_FINGERPRINT.clear()
    _SIZE = 0
