"""A review rule in a policy with no reviewers (no ``enforcement.review``) queues nothing:
the daily metrics said ``review_queued 1336`` every day beside ``reviewed 0`` and
``review_backlog 0``, posts "queued" that no queue held; and the rule's own statistics
("What each rule did") said ``reviews 369``."""

from __future__ import annotations

from policy import load_policy_text
from simulation import run

REVIEW = """
name: review vape
detectors:
  kw: {type: keywords, mode: word, terms_from: catalogue, categories: [tobacco, medical]}
rules:
  - {name: to review, when: {hit: kw}, action: review}
"""


def test_posts_no_queue_holds_are_not_counted_as_queued():
    alone = run("classroom", load_policy_text(REVIEW), days=3, seed=1)
    assert alone.rules.set_index("name").loc["to review", "hits"].sum() > 0  # the rule fires
    m = alone.metrics
    assert (m["review_queued"] == 0).all()
    assert (m["reviewed"] == 0).all() and (m["review_backlog"] == 0).all()
    assert alone.rules["reviews"].sum() == 0  # nothing the rule sent was reviewed


def test_posts_a_queue_holds_are_counted_as_queued():
    reviewed = REVIEW + "enforcement:\n  review: {capacity_per_day: 50}\n"
    result = run("classroom", load_policy_text(reviewed), days=3, seed=1)
    m = result.metrics
    assert m["review_queued"].sum() > 0
    assert result.rules["reviews"].sum() == m["review_queued"].sum()  # the rule sent them
    # what was queued is reviewed or still waiting
    assert m["review_queued"].sum() == m["reviewed"].sum() + m["review_backlog"].iloc[-1]
