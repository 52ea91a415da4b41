"""Lint a loaded policy: rules that can never act and terms that can never match.

The checks are conservative (syntactic), so a warning is always real:

- a rule that is never in force (the schedule leaves it out), that reads only new posts
  of channels the policy does not scan, or that an earlier unconditional rule always
  pre-empts, is *unreachable*;
- a rule is *shadowed* when an earlier rule in evaluation order decides every post
  it could match (first_match; an earlier ``allow`` in all_match): each of the earlier
  rule's conditions is one of the later one's, or implied by one (a hit of a detector in
  some categories is a hit of it), and its scope is at least as wide;
- a term that normalises to nothing, or that is one of its detector's exceptions, can
  never match; a term shorter than three letters (a hanzi counts as two) or inside
  common words fires on innocent text (``policy.lint_terms``); so do an abbreviation or
  pinyin spelling the matching steps add that is too short or an everyday word, a phrase
  of everyday words, a hanzi term across the boundary of two words (``policy.lint_across``),
  and hanzi that sound like a term and read as two ordinary words (``policy.lint_spellings``);
- the same normalised term listed under two categories makes the categories overlap.
"""

from __future__ import annotations

from typing import Any

from policy import messages as M
from policy.conditions import OPS, Node
from policy.detectors import KeywordsDetector, RegexDetector
from policy.errors import Issue, format_path
from policy.interface import CHANNEL_NAMES, Stage
from policy.lint_across import across_words
from policy.lint_spellings import (
    check_sound_alikes,
    check_spellings,
    everyday_phrases,
    other_spellings,
)
from policy.lint_terms import ACTING, Deciding, check_terms, empty_terms, everyday_terms
from policy.messages import Message, msg
from policy.model import CompiledPolicy, Rule
from policy.normalize import MATCH_STEPS
from policy.yamlfile import parse_yaml


def lint(policy: CompiledPolicy) -> list[Issue]:
    located = parse_yaml(policy.source, policy.file)
    out: list[Issue] = []

    def warn(path: tuple, message: Message, key: bool = False) -> None:
        line, col = located.where(path, key=key)
        out.append(Issue.of(policy.file, line, col, format_path(path), message, "warning"))

    def warn_at(file: str, line: int, field: str, message: Message) -> None:
        out.append(Issue.of(file, line, 1, field, message, "warning"))

    warn.at = warn_at  # type: ignore[attr-defined]

    idle = _rules(policy, warn)
    _actions(policy, located.data, warn)
    _terms(policy, warn, idle)
    used = set().union(*(r.detectors for r in policy.rules)) if policy.rules else set()
    for name in policy.detectors:
        if name not in used:
            warn(("detectors", name), msg(M.UNUSED_DETECTOR, detector=name), key=True)
    # in reading order: the policy's own lines first, then each terms file's (stable, so
    # warnings at one place keep the order they were found in)
    return sorted(out, key=lambda i: (i.file != policy.file, i.file, i.line, i.column))


# rule keys that act for one action only (policy.schema.RuleSpec): key -> that action
FOR_ACTION = {"factor": "downrank", "restrict_days": "restrict", "delay_hours": "remove"}


def _actions(policy: CompiledPolicy, data: Any, warn) -> None:
    """Settings that do nothing with the action they are written beside: a review rule
    with no reviewers (``enforcement.review``), a rule key of another action
    (:data:`FOR_ACTION`), ``days`` on a ladder step that does not restrict. A key is
    warned about only where the file writes it (a default is not the user's)."""
    rules = data.get("rules") if isinstance(data, dict) else None
    for r in policy.rules:
        raw = rules[r.index] if isinstance(rules, list) and r.index < len(rules) else {}
        written = raw if isinstance(raw, dict) else {}
        if r.action == "review" and not r.shadow and policy.enforcement.review is None:
            strikes = msg(M.NO_REVIEW_STRIKES) if r.strikes > 0 else ""
            warn(("rules", r.index, "action"), msg(M.NOTHING_REVIEWS, rule=r.name, strikes=strikes))
        for key, owner in FOR_ACTION.items():
            if key in written and r.action != owner:
                warn(
                    ("rules", r.index, key),
                    msg(M.FOR_ANOTHER_ACTION, key=key, action=r.action, owner=owner),
                    key=True,
                )
    strikes = policy.enforcement.strikes
    enforcement = data.get("enforcement") if isinstance(data, dict) else None
    written_strikes = enforcement.get("strikes") if isinstance(enforcement, dict) else None
    ladder = written_strikes.get("ladder") if isinstance(written_strikes, dict) else None
    if strikes is None or not isinstance(ladder, list):
        return
    for j, step in enumerate(strikes.ladder):
        raw = ladder[j] if j < len(ladder) else {}
        if isinstance(raw, dict) and "days" in raw and step.action != "restrict":
            path = ("enforcement", "strikes", "ladder", j, "days")
            warn(path, msg(M.DAYS_FOR_RESTRICT, action=step.action), key=True)


def _days_in_force(policy: CompiledPolicy, r: Rule) -> set[int]:
    return {i for i, ph in enumerate(policy.phases) if r.index in ph.rules}


def _parts(node: Node) -> list[Node]:
    """The and-ed parts of a condition, as nodes (``Node.conjuncts`` gives their keys)."""
    if node.op == "true":
        return []
    if node.op == "all":
        return [p for c in node.children for p in _parts(c)]
    return [node]


def _implies(b: Node, a: Node) -> bool:
    """Every post that satisfies ``b`` satisfies ``a`` (syntactically): the same condition,
    or a hit of the same detector in some of ``a``'s categories (a hit of ``kw`` in
    tobacco, or two hits of ``kw``, are a hit of ``kw``) where ``a`` asks for no count or
    the same one. (A hit condition holds only where its detector fired, whatever count it
    asks for.)"""
    if a.key() == b.key():
        return True
    if a.op != "hit" or b.op != "hit" or a.detector != b.detector:
        return False
    within = a.cat_mask == 0 or (b.cat_mask != 0 and not b.cat_mask & ~a.cat_mask)
    return within and (not a.cmp or a.cmp == b.cmp)


def _covers(a: Rule, b: Rule) -> bool:
    """Every post that ``b`` matches is matched by ``a`` (syntactically)."""
    later = _parts(b.condition)
    if not all(any(_implies(y, x) for y in later) for x in _parts(a.condition)):
        return False
    if a.account_kinds is not None and (
        b.account_kinds is None or not set(b.account_kinds) <= set(a.account_kinds)
    ):
        return False
    if not set(b.stages) <= set(a.stages):
        return False
    if a.channels is not None and (b.channels is None or not set(b.channels) <= set(a.channels)):
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


def _rules(policy: CompiledPolicy, warn) -> set[int]:
    """Warn about rules that can never act; returns their indices."""
    idle: set[int] = set()
    first = policy.semantics == "first_match"
    order = policy.order
    text_dets = [
        n for n, d in policy.detectors.items() if isinstance(d, KeywordsDetector | RegexDetector)
    ]
    scanned = set(policy.scanned_channels)
    for pos, r in enumerate(order):
        path = ("rules", r.index)
        if not _days_in_force(policy, r):
            warn(path, msg(M.NEVER_IN_FORCE, rule=r.name))
            idle.add(r.index)
            continue
        if r.account_kinds == () or r.channels == () or not r.stages:
            warn((*path, "scope"), msg(M.EMPTY_SCOPE, rule=r.name))
            idle.add(r.index)
            continue
        uploads_only = set(r.stages) == {Stage.UPLOAD}
        if uploads_only and r.channels is not None and not set(r.channels) & scanned:
            warn(  # new posts there never reach the policy
                (*path, "scope", "channels"),
                msg(
                    M.NOT_SCANNED,
                    rule=r.name,
                    channels=", ".join(CHANNEL_NAMES[c] for c in r.channels),
                    scanned=", ".join(CHANNEL_NAMES[c] for c in sorted(scanned)),
                ),
            )
            idle.add(r.index)
            continue
        if r.scope_cats:
            produced = _produced(policy, r.detectors or text_dets)
            if not produced & r.scope_cats:
                warn(
                    (*path, "scope", "categories"),
                    msg(
                        M.NEVER_REPORTED,
                        rule=r.name,
                        categories=", ".join(policy.cat_names(r.scope_cats)),
                    ),
                )
                idle.add(r.index)
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
                and earlier.channels is None
                and not earlier.scope_cats
            ):
                warn(path, msg(M.MATCHES_EVERY_POST, rule=r.name, earlier=earlier.name))
            else:
                warn(path, msg(M.SHADOWED, rule=r.name, earlier=earlier.name))
            idle.add(r.index)
            break
    return idle


def _terms(policy: CompiledPolicy, warn, idle_rules: set[int]) -> None:
    owner: dict[str, tuple[str, int]] = {}
    for name, det in policy.detectors.items():
        if isinstance(det, RegexDetector):
            idle = [s for s in det.steps if s in MATCH_STEPS]
            if idle:
                warn(("detectors", name, "normalize"), msg(M.IDLE_FOR_REGEX, steps=", ".join(idle)))
        if not isinstance(det, KeywordsDetector):
            continue
        spec = policy.spec.detectors[name]
        _term_warnings(policy, name, det, spec, warn, idle_rules)
        names: dict[int, list[str]] = {}
        for term, (mask, raws) in det.table.items():
            if mask not in names:
                names[mask] = policy.cat_names(mask)
            cats = names[mask]
            if len(cats) > 1:
                warn(
                    ("detectors", name),
                    msg(
                        M.SEVERAL_CATEGORIES,
                        term=repr(raws[0]),
                        normalised=repr(term),
                        categories=", ".join(cats),
                    ),
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
                        msg(M.IN_OTHER_DETECTOR, term=repr(term), detector=prev[0]),
                        key=True,
                    )
            owner.setdefault(term, (name, mask))


def _term_warnings(
    policy: CompiledPolicy, name: str, det: KeywordsDetector, spec, warn, idle_rules: set[int]
) -> None:
    """Lint of the terms themselves (policy.lint_terms), each at the place it is listed:
    its line in the policy, its line in a terms file, or the detector's ``terms_from``."""
    where: dict[str, tuple] = {}
    for cat, terms in spec.terms.items():
        if terms != "catalogue":
            for i, t in enumerate(terms):
                where.setdefault(t, ("detectors", name, "terms", cat, i))
    listed = [t for terms in spec.terms.values() if terms != "catalogue" for t in terms]
    catalogue: list[tuple[str, str]] = []
    if policy.catalogue is not None and (
        spec.terms_from == "catalogue" or "catalogue" in spec.terms.values()
    ):
        cats = spec.categories or policy.catalogue.categories
        if spec.terms_from != "catalogue":
            cats = [c for c, t in spec.terms.items() if t == "catalogue"]
        for cat in cats:
            for t in policy.catalogue.terms_for(cat, spec.locales):
                catalogue.append((t, cat))
                where.setdefault(t, ("detectors", name, "terms_from"))

    def say(raw: str, message: Message) -> None:
        origin = det.origins.get(raw)
        if raw in where:
            cat = next((c for t, c in catalogue if t == raw), None)
            if where[raw][-1] == "terms_from" and cat:
                # every term message names the term first: say the catalogue supplied it
                message = message.replace(term=msg(M.CATALOGUE_TERM, term=repr(raw), category=cat))
            warn(where[raw], message)
        elif origin is not None:
            file, line = origin
            warn_at(file, line, f"detectors.{name}.terms_file", message)
        else:
            warn(("detectors", name), message, key=True)

    warn_at = warn.at  # type: ignore[attr-defined]
    for t in empty_terms(det, listed + [t for t, _c in catalogue] + list(det.origins)):
        say(t, msg(M.NORMALISES_TO_NOTHING, term=repr(t)))
    check_terms(det, say, other_spellings(det))
    deciding = _deciding(policy, name, idle_rules)
    everyday_terms(det, deciding, say)
    # what the detector matches beyond its terms as written (policy.lint_spellings)
    check_spellings(det, deciding, say)
    everyday_phrases(det, deciding, say)
    across_words(det, say)
    steps = list(spec.normalize)
    at = ("detectors", name, "normalize", steps.index("pinyin")) if "pinyin" in steps else None
    check_sound_alikes(det, lambda m: warn(at, m) if at else warn(("detectors", name), m, True))


def _alone(node: Node) -> list[tuple[str, int]]:
    """(detector, category mask; 0 for any) of each hit a single one of which satisfies
    ``node`` whatever else the post is: a ``hit`` that one term fulfils (no count, or one
    that 1 meets), any of an ``any``, the only part of an ``all``. Conservative: a hit
    beside another condition, or under ``not``, decides nothing alone."""
    if node.op == "hit":
        if all(bool(OPS[op](1, value)) for op, value in node.cmp):
            return [(node.detector, node.cat_mask)]
        return []
    if node.op == "any" or (node.op == "all" and len(node.children) == 1):
        return [found for child in node.children for found in _alone(child)]
    return []


def _deciding(policy: CompiledPolicy, name: str, idle_rules: set[int]) -> Deciding:
    """(rule, action, the hit's category mask, the rule's scope category mask; 0 for
    any) of each rule that acts on a new post (an action in ``ACTING``, not a shadow rule,
    able to act at all, deciding posts as they are published in a channel the policy
    scans) when one of detector ``name``'s terms is found in it. ``idle_rules``: the rules
    lint found can never act (unreachable, shadowed, an empty scope)."""
    scanned = set(policy.scanned_channels)
    out = []
    for r in policy.rules:
        if r.shadow or r.action not in ACTING or r.index in idle_rules:
            continue
        if Stage.UPLOAD not in r.stages:
            continue  # reported posts only: not "every post" that uses the word
        if not scanned & set(r.channels if r.channels is not None else scanned):
            continue  # only in channels the policy never reads at upload
        out += [(r.name, r.action, m, r.scope_cats) for d, m in _alone(r.condition) if d == name]
    return out
