"""Circle Lab's policy language: YAML policies loaded, validated and run against
the engine's day batches (see ``policy.interface`` and docs/policy-language.md).

The public names below are loaded on first use (PEP 562): importing any submodule
(``policy.errors``, ``policy.yamlfile``) imports this package first, and the command
line should not pay for NumPy and the compiler before it knows which command runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "CompiledPolicy": "policy.model",
    "Explanation": "policy.explanation",
    "explain": "policy.explanation",
    "Issue": "policy.errors",
    "PolicyError": "policy.errors",
    "LocatedError": "policy.errors",
    "Problem": "policy.errors",
    "load_policy": "policy.loader",
    "load_policy_text": "policy.loader",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'policy' has no attribute {name!r}")


__all__ = sorted(_PUBLIC)
