"""Circle Lab's policy language: YAML policies loaded, validated and run against
the engine's day batches (see ``policy.interface`` and docs/policy-language.md)."""

from policy.errors import Issue, PolicyError
from policy.loader import load_policy, load_policy_text
from policy.model import CompiledPolicy


def explain(policy, text, signals=None, **kwargs):
    """Explain what ``policy`` does with one text (see :mod:`policy.explain`)."""
    from policy.explain import explain as _explain

    return _explain(policy, text, signals=signals, **kwargs)


__all__ = ["CompiledPolicy", "Issue", "PolicyError", "explain", "load_policy",
           "load_policy_text"]
