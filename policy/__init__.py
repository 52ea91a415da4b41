"""Circle Lab's policy language: YAML policies loaded, validated and run against
the engine's day batches (see ``policy.interface`` and docs/policy-language.md)."""

from policy.errors import Issue, PolicyError
from policy.loader import load_policy, load_policy_text
from policy.model import CompiledPolicy

# Bound last, so the name ``policy.explain`` is the function, not its submodule.
from policy.explanation import Explanation, explain  # isort: skip

__all__ = [
    "CompiledPolicy",
    "Explanation",
    "Issue",
    "PolicyError",
    "explain",
    "load_policy",
    "load_policy_text",
]
