"""JSON the project stores and writes: strict (RFC 8259), so tools other than ours read it.

Python's ``json`` writes a NaN or an infinite float as ``NaN`` or ``Infinity``, which is
not JSON: PostgreSQL's ``::json`` cast, ``jq``, JavaScript's ``JSON.parse`` and a strict
reader refuse the whole document. Every JSON the project stores (a run's
``summary_json`` and ``params_json``) or writes (a report's ``summary.json``, the
``--json`` outputs) is made by :func:`dumps`: an undefined measure (NaN, such as
precision with nothing removed) or an infinite one is ``null``, a NumPy number a plain
number; for ordinary values the text is what ``json.dumps`` writes with the same options.

Readers of a stored summary use :func:`read_summary`, which gives ``null`` back as NaN
(the code computes with it) and still reads rows stored before with ``NaN``.
"""

from __future__ import annotations

import json
import math
from typing import Any


def plain(value: Any) -> Any:
    """``value`` with only what strict JSON holds: non-finite floats as None, NumPy
    scalars and arrays as numbers and lists, tuples as lists, anything else as its text
    (as ``default=str`` would write it)."""
    if isinstance(value, dict):
        return {_key(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if getattr(value, "ndim", 0) and hasattr(value, "tolist"):  # a NumPy array
        return plain(value.tolist())
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # a NumPy scalar
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _key(key: Any) -> Any:
    # the keys json itself turns into text (str, int, float, bool, None) are left to it
    return key if key is None or isinstance(key, str | int | float | bool) else str(key)


def dumps(value: Any, **options: Any) -> str:
    """``value`` as strict JSON text (``options`` as for ``json.dumps``: ``indent``,
    ``sort_keys``, ``ensure_ascii``); never ``NaN`` or ``Infinity``."""
    return json.dumps(plain(value), allow_nan=False, **options)


def read_summary(text: str | None) -> dict[str, Any]:
    """A run's stored ``summary_json`` as a dict, each ``null`` (an undefined measure)
    as NaN. Rows written before the summary was strict JSON hold ``NaN``, which Python's
    reader accepts. Raises ``ValueError`` when the text is not JSON."""
    data = json.loads(text or "{}")
    if not isinstance(data, dict):
        raise ValueError(f"a run summary is a JSON object, not {type(data).__name__}")
    return {k: math.nan if v is None else v for k, v in data.items()}
