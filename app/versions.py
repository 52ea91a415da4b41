"""Versions of a policy within a session: its name plus a short hash of its text.

An edited copy of ``crackdown`` keeps the name "March-2024 personal-account crackdown";
the hash tells the two apart in Compare and in the Runs list. The hash is of the text
as written (line endings normalised), so saving or reloading the same text keeps it.
No Qt here: the same label can be computed headless.
"""

from __future__ import annotations

import hashlib

HASH_CHARS = 7


def text_hash(text: str) -> str:
    """First ``HASH_CHARS`` hex digits of the SHA-256 of ``text`` (``\\r\\n`` read as ``\\n``)."""
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:HASH_CHARS]


def version_label(name: str, text: str | None) -> str:
    """``name · hash`` (the name alone for a policy without text, e.g. no moderation)."""
    return f"{name} · {text_hash(text)}" if text else name


def policy_label(policy: object) -> str:
    """:func:`version_label` of a compiled policy (its ``name`` and ``source`` text)."""
    return version_label(str(getattr(policy, "name", "")), getattr(policy, "source", None))
