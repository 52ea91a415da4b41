"""Every reason a real run stores reads back into its kind and values: the strike
ladder's steps, restrict and ban rules with the hits they fired on, reviewers' verdicts
and appeals (the account inspector words them in the interface's language from that),
under rule names holding quotes, semicolons and arrows."""

from __future__ import annotations

from collections import Counter

from policy import load_policy_text
from policy.reasons import parse
from simulation.world.engine import Simulation

POLICY = """
name: reasons
detectors:
  restricted_terms:
    type: keywords
    mode: word
    normalize: [nfkc, casefold, confusables, leetspeak, separators, abbreviations, pinyin]
    terms_from: catalogue
  model:
    type: classifier
    recall: {medical: 0.8, tobacco: 0.85, sexual_health: 0.75, aphrodisiac: 0.8, spam: 0.9}
    false_positive_rate: {life: 0.01, ad: 0.05}
  reported_account:
    type: user_reports
    min_reports: 2
    window_days: 7
    per: account
rules:
  - name: "reported; account → restrict"
    when: {hit: reported_account}
    scope: {stages: [report]}
    action: restrict
    restrict_days: 3
    priority: 20
  - name: the seller's "ban"
    when:
      all:
        - hit: restricted_terms
        - hit: model
        - account_age_days: {lt: 60}
    action: ban
    priority: 10
  - name: keyword's removal
    when: {hit: restricted_terms}
    action: remove
    strikes: 1
  - name: model → review
    when: {hit: model}
    action: review
    strikes: 1
  - name: trial; stricter
    when: {hit: model}
    action: remove
    shadow: true
enforcement:
  review: {capacity_per_day: 2000, delay_hours: 6, accuracy: 0.9}
  strikes:
    window_days: 60
    half_life_days: 30
    ladder:
      # restrict at the first strike: an innocent account a false hit reaches is
      # restricted, appeals and is reinstated within the run (an appeal's reason)
      - {at: 1, action: restrict, days: 5}
      - {at: 2, action: ban}
  appeals: {share_appealed: 0.6, overturn_probability: 0.7, delay_days: 1}
"""


def test_every_stored_reason_of_a_run_reads_back(tiny):
    sim = Simulation(tiny, load_policy_text(POLICY), seed=4)
    evidence: list[str] = []  # why each removed post was removed
    for _ in range(20):
        sim.step()
        evidence.extend(e for e in sim.world.evidence.values() if e)
        sim.world.evidence.clear()
    events = [e["reason"] for e in sim.world.events]
    assert events and all(events)
    kinds: Counter[str] = Counter()
    for text in [*events, *evidence]:
        reason = parse(text)
        assert reason is not None, text
        assert reason.render() == text
        kinds[reason.key] += 1
        if reason.key == "ladder":
            kinds[reason["step"].key] += 1
        if reason.key == "rule_account":
            kinds[reason["action"]] += 1
            if reason["evidence"].key.endswith("_on"):
                kinds.update(h.key for h in reason["evidence"]["hits"])
    # the run went through every kind of account event
    for kind in ("ladder", "step", "step_days", "rule_account", "restrict", "ban", "hit"):
        assert kinds[kind], (kind, kinds)
    assert kinds["appeal"] + kinds["appeal_wrong"], kinds
    # and the removed posts' evidence: a keyword rule's hits, a reviewer's confirmation
    assert kinds["fired_on"] and kinds["review_confirmed"], kinds
