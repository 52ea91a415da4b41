"""A rule's evidence is the hits that made it fire: only the categories its conditions
read, only the branches that held, nothing under a ``not``. It blamed every hit of the
detectors a rule reads: a rule on category spam of ``kw`` gave ``kw: weed; kw: free`` for
"weed the garden in my free time", where only ``free`` is spam; a designer dropping
``weed`` to mend that false positive would change nothing. The engine's evidence (which
``policy explain`` shows and runs store) and ``policy evaluate``'s examples agree."""

from __future__ import annotations

import numpy as np

from policy import explain, load_policy_text
from policy.corpus import Chunk
from policy.evaluate import evaluate_chunks

POLICY = """
name: p1
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [casefold]
    terms:
      spam: [free, win, prize, claim]
      medical: [weed, pot, pills]
  kw2: {type: keywords, mode: word, terms: {spam: [cash, loan]}}
rules:
  - {name: spammy, when: {hit: {detector: kw, categories: [spam]}}, action: remove}
"""
TEXTS = [
    "I need to weed the garden in my free time",
    "pot and weed for free, win a prize",
    "claim your pills",
]


def _terms(evidence: str, names: list[str]) -> set[str]:
    """Which of ``names`` an evidence string names as a hit (``kw: 'free'`` or ``kw: free``)."""
    return {n for n in names if f"'{n}'" in evidence or f": {n}" in evidence}


def _evaluated(p, texts: list[str], signals=None) -> list[str]:
    seen: list[str] = []
    evaluate_chunks(
        p,
        [Chunk(1, texts, ["ham"] * len(texts), np.zeros(len(texts), np.int8))],
        on_chunk=lambda d: seen.extend(d.evidence),
        signals=signals,
    )
    return seen


def test_only_hits_of_the_categories_a_rule_reads_are_its_evidence() -> None:
    p = load_policy_text(POLICY, "p1.yaml")
    det = p.detectors["kw"]
    evaluated = _evaluated(p, TEXTS)
    for text, from_evaluate in zip(TEXTS, evaluated, strict=True):
        hits = det.scan(text)
        every = [h.what for h in hits]
        # the right answer: the hits whose categories include spam, the one the rule reads
        spam = {h.what for h in hits if "spam" in h.category.split(",")}
        assert spam and set(every) - spam, text  # each text has both kinds of hit
        exp = explain(p, text)
        assert exp.rule == "spammy" and len(exp.evidence) == 1
        assert _terms(exp.evidence[0], every) == spam, exp.evidence
        assert _terms(from_evaluate, every) == spam, from_evaluate
        # explain still lists every hit of the detector, each with its category
        assert len(exp.hits["kw"]) == len(hits)


BRANCHES = """
name: branches
detectors:
  kw:
    type: keywords
    mode: word
    terms: {spam: [free, prize], medical: [weed]}
  kw2: {type: keywords, mode: word, terms: {spam: [cash, loan]}}
rules:
  - name: mixed
    when:
      all:
        - any:
            - hit: {detector: kw, categories: [spam]}
            - all: [{hit: {detector: kw, categories: [medical]}}, {account_age_days: {lt: 30}}]
        - not: {hit: {detector: kw2, count: {ge: 2}}}
    action: remove
"""


def test_only_the_branches_that_held_are_evidence() -> None:
    """'weed' counts through the branch for young accounts only; 'cash' is kw2's one hit,
    read under a ``not`` (fewer than two kw2 terms): it is why the rule did not stop, not
    why it fired."""
    p = load_policy_text(BRANCHES, "b.yaml")
    text = "weed for free, cash only"
    names = ["weed", "free", "cash"]
    for signals, wanted in (({}, {"free"}), ({"age_days": 3}, {"weed", "free"})):
        exp = explain(p, text, signals)
        assert exp.rule == "mixed"
        assert _terms(exp.evidence[0], names) == wanted, (signals, exp.evidence)
        (from_evaluate,) = _evaluated(p, [text], signals)
        assert _terms(from_evaluate, names) == wanted, (signals, from_evaluate)
    # a young account posting only the medical term: that branch alone explains it
    exp = explain(p, "weed, cash", {"age_days": 3})
    assert _terms(exp.evidence[0], names) == {"weed"}
    assert explain(p, "weed, cash").action == "allow"  # a year-old account: no branch holds


def test_a_plain_hit_still_shows_every_hit() -> None:
    p = load_policy_text(POLICY.replace("{detector: kw, categories: [spam]}", "kw"), "p.yaml")
    exp = explain(p, TEXTS[0])
    assert _terms(exp.evidence[0], ["weed", "free"]) == {"weed", "free"}
