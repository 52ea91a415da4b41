"""Human review and appeals: people with a daily capacity, a delay and an accuracy.

The queue is first-in first-out and carries over between days. An item becomes
reviewable ``delay_hours`` after it was queued; reviewers work through at most
``capacity_per_day`` items per day, spread evenly over the 24 hours. The post
stays visible while queued: the REMOVE emitted when a review confirms a violation
carries ``at_hours`` = hours from posting to removal, so the engine cuts off only
the views that come after it. Reviewers perceive the truth (``PerceptionView``)
and judge correctly with probability ``accuracy``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from policy.interface import ContentKind
from policy.model import AppealSettings, ReviewSettings

KIND_IDS = {
    "life": ContentKind.LIFE,
    "ad": ContentKind.AD,
    "spam": ContentKind.SPAM,
    "offer": ContentKind.OFFER,
}
_FIELDS = {
    "post_id": np.int64,
    "author": np.int64,
    "posted_abs": np.float64,
    "eligible": np.float64,
    "rule": np.int16,
    "violating": np.bool_,
    "text_id": np.int64,
}


@dataclass
class Reviewed:
    """Items whose review finished today."""

    post_id: np.ndarray
    author: np.ndarray
    done_abs: np.ndarray  # absolute hour (day * 24 + hour) the review finished
    posted_abs: np.ndarray
    rule: np.ndarray
    confirmed: np.ndarray  # the reviewer judged it violating
    violating: np.ndarray  # what it really was (as perceived), for appeals
    text_id: np.ndarray


@dataclass
class ReviewQueue:
    settings: ReviewSettings
    rng: np.random.Generator
    q: dict[str, np.ndarray] = field(
        default_factory=lambda: {k: np.zeros(0, t) for k, t in _FIELDS.items()}
    )

    def __len__(self) -> int:
        return int(self.q["post_id"].shape[0])

    def queued(self) -> np.ndarray:
        return self.q["post_id"]

    def add(self, post_id, author, posted_abs, decided_abs, rule, kind, text_id) -> None:
        viol_kinds = list(self.settings.violating_kinds)
        new = {
            "post_id": post_id,
            "author": author,
            "posted_abs": posted_abs,
            "eligible": decided_abs + self.settings.delay_hours,
            "rule": rule,
            "violating": np.isin(kind, viol_kinds),
            "text_id": text_id,
        }
        for k, t in _FIELDS.items():
            self.q[k] = np.concatenate([self.q[k], np.asarray(new[k], dtype=t)])

    def work(self, day: int) -> Reviewed:
        """Review what capacity allows today; the rest stays queued."""
        cap = self.settings.capacity_per_day
        end = (day + 1) * 24.0
        elig = self.q["eligible"]
        cand = np.flatnonzero(elig < end)[:cap]  # FIFO among the reviewable ones
        if cand.shape[0]:
            slots = day * 24.0 + 24.0 * np.arange(cand.shape[0]) / max(cap, 1)
            done_at = np.maximum.accumulate(np.maximum(elig[cand], slots))
            cand = cand[done_at < end]
            done_at = done_at[done_at < end]
        else:
            done_at = np.zeros(0)
        take = {k: v[cand] for k, v in self.q.items()}
        keep = np.ones(len(self), dtype=bool)
        keep[cand] = False
        self.q = {k: v[keep] for k, v in self.q.items()}
        right = self.rng.random(cand.shape[0]) < self.settings.accuracy
        confirmed = np.where(right, take["violating"], ~take["violating"])
        return Reviewed(
            take["post_id"],
            take["author"],
            done_at,
            take["posted_abs"],
            take["rule"],
            confirmed,
            take["violating"],
            take["text_id"],
        )


@dataclass
class Appeal:
    decide_day: int
    post_id: int  # -1 for an account appeal
    account: int
    posted_abs: float
    rule: int
    wrong: bool  # the action was wrong (as perceived by the appeal reviewer)


@dataclass
class Appeals:
    """Some actioned users appeal; a wrong action is overturned with a probability."""

    settings: AppealSettings
    rng: np.random.Generator
    pending: list[Appeal] = field(default_factory=list)

    def lodge(self, day: int, post_id, account, posted_abs, rule, wrong) -> int:
        """Each action is appealed with probability ``share_appealed``; returns how many."""
        n = len(post_id)
        if not n:
            return 0
        chosen = np.flatnonzero(self.rng.random(n) < self.settings.share_appealed)
        for i in chosen:
            self.pending.append(
                Appeal(
                    day + self.settings.delay_days,
                    int(post_id[i]),
                    int(account[i]),
                    float(posted_abs[i]),
                    int(rule[i]),
                    bool(wrong[i]),
                )
            )
        return int(chosen.shape[0])

    def decide(self, day: int) -> list[Appeal]:
        """Appeals decided today that overturn the action."""
        due = [a for a in self.pending if a.decide_day <= day]
        self.pending = [a for a in self.pending if a.decide_day > day]
        out = []
        for a in due:
            p = (
                self.settings.overturn_probability
                if a.wrong
                else self.settings.overturn_probability_when_right
            )
            if self.rng.random() < p:
                out.append(a)
        return out
