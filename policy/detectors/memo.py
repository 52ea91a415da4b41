"""What a text detector found in each text, kept across the runs of one process.

A text detector's findings are a function of the detector and the text alone (it never
sees ground truth, the day or the run), so a run that meets a text already read by an
equal detector in this process takes the findings instead of normalising and scanning
the text again: a run of the same world again (a lesson restarted, a test's repeated
worlds, a sweep's seeds run under one policy more than once) decides its texts without
the cold cost of about 20-50 µs each (``bench/bench_policy.py``).

Detectors are equal when they are of the same class, a class that says its findings are
a function of its public fields (``findings_depend_on_fields``: keywords and regular
expressions), and those fields pickle to the same bytes: the same name, terms,
categories, exceptions, steps and normalisation tables (compiled twice from one policy
text, they are). The fields starting with ``_`` are left out: they are built from the
others (the automata, whose pickles hold memory addresses). The fingerprint is taken once
per detector object, on first use. A false "different" only costs a scan.

Memory: the findings of the last :data:`KEEP` detectors, at most :data:`MAX_TEXTS`
texts each (a standard text pool holds about 10,000 texts; an entry takes about 40 bytes
and keeps its text, about 100 bytes, and the hits of a text that fired): at most about
15 MB per detector, a few MB for the pools of a few seeds.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
import weakref
from collections import OrderedDict
from typing import Any

KEEP = 8  # detectors whose findings are kept
MAX_TEXTS = 100_000  # texts kept per detector; later texts are scanned, not kept

# (fired, category mask, distinct terms, hits or None) of one text
Findings = tuple[bool, int, int, tuple[Any, ...] | None]

_BY_FINGERPRINT: OrderedDict[bytes, dict[str, Findings]] = OrderedDict()
_FINGERPRINT: dict[int, tuple[weakref.ref[Any], bytes | None]] = {}


def fingerprint(det: Any) -> bytes | None:
    """The SHA-256 of the detector's class and public fields, taken on its first use
    (None: its class does not declare ``findings_depend_on_fields``, or its fields do not
    pickle, and its findings are not kept)."""
    key = id(det)
    seen = _FINGERPRINT.get(key)
    if seen is not None and seen[0]() is det:
        return seen[1]
    digest = _digest(det)
    try:
        ref = weakref.ref(det, lambda _r, k=key: _FINGERPRINT.pop(k, None))
    except TypeError:  # no weak references: not remembered (fingerprinted each time)
        return digest
    _FINGERPRINT[key] = (ref, digest)
    return digest


def _digest(det: Any) -> bytes | None:
    cls = type(det)
    if not getattr(cls, "findings_depend_on_fields", False) or not dataclasses.is_dataclass(det):
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


def findings_of(det: Any) -> dict[str, Findings] | None:
    """The findings kept for detectors equal to ``det`` (text → findings; the caller adds
    new ones while under :data:`MAX_TEXTS`), or None when they cannot be kept."""
    fp = fingerprint(det)
    if fp is None:
        return None
    found = _BY_FINGERPRINT.get(fp)
    if found is None:
        found = _BY_FINGERPRINT[fp] = {}
        while len(_BY_FINGERPRINT) > KEEP:
            _BY_FINGERPRINT.popitem(last=False)
    else:
        _BY_FINGERPRINT.move_to_end(fp)
    return found


def forget() -> None:
    """Drop every kept finding (the next runs scan their texts anew)."""
    _BY_FINGERPRINT.clear()
    _FINGERPRINT.clear()
