"""Lint a loaded policy: rules that can never act and terms that can never match.

The checks are conservative (syntactic), so a warning is always real:

- a rule that is never in force (the schedule leaves it out), or that an earlier
  unconditional rule always pre-empts, is *unreachable*;
- a rule is *shadowed* when an earlier rule in evaluation order decides every post
  it could match (first_match; an earlier ``allow`` in all_match): the earlier rule's
  conditions are a subset of the later one's and its scope is at least as wide;
- a term that normalises to nothing, or to a form that the normaliser itself would
  change again, can never match normalised text;
- the same normalised term listed under two categories makes the categories overlap.
"""

from __future__ import annotations

from policy.detectors import KeywordsDetector, RegexDetector
from policy.errors import Issue, format_path
from policy.model import CompiledPolicy, Rule
from policy.normalize import make_normalizer
from policy.yamlfile import parse_yaml


def lint(policy: CompiledPolicy) -> list[Issue]:
    located = parse_yaml(policy.source, policy.file)
    out: list[Issue] = []

    def warn(path: tuple, msg: str, key: bool = False) -> None:
        line, col = located.where(path, key=key)
        out.append(Issue(policy.file, line, col, format_path(path), msg, "warning"))

    _rules(policy, warn)
    _terms(policy, warn)
    used = set().union(*(r.detectors for r in policy.rules)) if policy.rules else set()
    for name in policy.detectors:
        if name not in used:
            warn(("detectors", name), f"detector '{name}' is not used by any rule", key=True)
    return out


def _days_in_force(policy: CompiledPolicy, r: Rule) -> set[int]:
    return {i for i, ph in enumerate(policy.phases) if r.index in ph.rules}


def _covers(a: Rule, b: Rule) -> bool:
    """Every post that ``b`` matches is matched by ``a`` (syntactically)."""
    if not set(a.condition.conjuncts()) <= set(b.condition.conjuncts()):
        return False
    if a.account_kinds is not None and (
        b.account_kinds is None or not set(b.account_kinds) <= set(a.account_kinds)
    ):
        return False
    if not set(b.stages) <= set(a.stages):
        return False
    if a.scope_cats:
        if not b.scope_cats or b.scope_cats & ~a.scope_cats:
            return False
        if a.detectors != b.detectors:  # scope categories are read from the rule's detectors
            return False
    return True


def _produced(policy: CompiledPolicy, names) -> int:
    mask = 0
    for n in names:
        d = policy.detectors[n]
        if isinstance(d, KeywordsDetector):
            for m, _raw in d.table.values():
                mask |= m
        elif isinstance(d, RegexDetector):
            mask |= d.cat_bits
        elif hasattr(d, "recall"):
            for c in d.recall:
                mask |= (
                    (1 << policy.categories.index(c))
                    if c in policy.categories
                    else ((1 << len(policy.categories)) - 1)
                )
    return mask


def _rules(policy: CompiledPolicy, warn) -> None:
    first = policy.semantics == "first_match"
    order = policy.order
    text_dets = [
        n for n, d in policy.detectors.items() if isinstance(d, KeywordsDetector | RegexDetector)
    ]
    for pos, r in enumerate(order):
        path = ("rules", r.index)
        if not _days_in_force(policy, r):
            warn(path, f"rule '{r.name}' is unreachable: the schedule never puts it in force")
            continue
        if r.account_kinds == () or not r.stages:
            warn((*path, "scope"), f"rule '{r.name}' is unreachable: its scope is empty")
            continue
        if r.scope_cats:
            produced = _produced(policy, r.detectors or text_dets)
            if not produced & r.scope_cats:
                warn(
                    (*path, "scope", "categories"),
                    f"rule '{r.name}' is unreachable: its detectors never report "
                    f"{', '.join(policy.cat_names(r.scope_cats))}",
                )
                continue
        for earlier in order[:pos]:
            if earlier.shadow or (not first and earlier.action != "allow"):
                continue
            if not _days_in_force(policy, r) <= _days_in_force(policy, earlier):
                continue
            if not _covers(earlier, r):
                continue
            if (
                earlier.condition.op == "true"
                and earlier.account_kinds is None
                and not earlier.scope_cats
            ):
                warn(
                    path,
                    f"rule '{r.name}' is unreachable: rule '{earlier.name}' before it "
                    "matches every post",
                )
            else:
                warn(
                    path,
                    f"rule '{r.name}' is shadowed by earlier rule '{earlier.name}': "
                    "every post it matches is decided there first",
                )
            break


def _terms(policy: CompiledPolicy, warn) -> None:
    owner: dict[str, tuple[str, int]] = {}
    for name, det in policy.detectors.items():
        if not isinstance(det, KeywordsDetector):
            continue
        norm = make_normalizer(det.steps)
        spec = policy.spec.detectors[name]
        for cat, terms in spec.terms.items():
            if terms == "catalogue":
                continue
            for i, t in enumerate(terms):
                _check_term(warn, ("detectors", name, "terms", cat, i), t, norm, det)
        if spec.terms_from == "catalogue" and policy.catalogue is not None:
            cat_terms = policy.catalogue
            for cat in spec.categories or cat_terms.categories:
                for t in cat_terms.terms_for(cat, spec.locales):
                    _check_term(
                        warn,
                        ("detectors", name, "terms_from"),
                        t,
                        norm,
                        det,
                        f" (catalogue, {cat})",
                    )
        for term, (mask, raws) in det.table.items():
            cats = policy.cat_names(mask)
            if len(cats) > 1:
                warn(
                    ("detectors", name),
                    f"term {raws[0]!r} (normalised {term!r}) is in "
                    f"several categories: {', '.join(cats)}",
                    key=True,
                )
            for c in cats:
                prev = owner.get(term)
                if (
                    prev
                    and prev[0] != name
                    and not (mask >> policy.categories.index(c) & 1 and prev[1] & mask)
                ):
                    warn(
                        ("detectors", name),
                        f"term {term!r} is also in detector '{prev[0]}' under another category",
                        key=True,
                    )
            owner.setdefault(term, (name, mask))


def _check_term(warn, path, term: str, norm, det: KeywordsDetector, where: str = "") -> None:
    n = norm(term)
    if not n:
        warn(path, f"term {term!r}{where} normalises to nothing and can never match")
    elif norm(n) != n:
        warn(
            path,
            f"term {term!r}{where} normalises to {n!r}, which the normaliser changes "
            f"again to {norm(n)!r}: it can never match normalised text",
        )
    elif det.mode == "word" and (not (n[0].isalnum() or n[-1].isalnum())):
        warn(
            path,
            f"term {term!r}{where} begins or ends with a non-word character: in word "
            "mode it can never match",
        )
