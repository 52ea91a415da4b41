"""Detectors that read rows, not text: the simulated classifier, user reports and
re-registration (device) evidence. Each keeps its own per-run state.

The classifier is the only one that reads ``PerceptionView``: it stands for a model
that looks at the image and text together, so it sees image-only offers that text
filters cannot read. Its quality is *stated* (recall per target, false-positive
rate per content kind) so a designer can ask "what if our model were better?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from policy.conditions import DetectorOutput
from policy.detectors.base import Hit
from policy.interface import ContentKind, DayBatch, RunContext
from policy.reasons import ENGLISH

# what each signal found, in English (policy.reasons)
_PREDICTED, _REPORTS = ENGLISH["predicted"], ENGLISH["reports"]
PREDICTED_VIOLATING = ENGLISH["predicted_violating"]()
BANNED_DEVICE = ENGLISH["banned_device"]()

KIND_NAMES = {
    "life": ContentKind.LIFE,
    "ad": ContentKind.AD,
    "spam": ContentKind.SPAM,
    "offer": ContentKind.OFFER,
}


@dataclass
class Classifier:
    name: str
    categories: tuple[str, ...]  # the policy's category order
    recall: dict[str, float]  # category / "spam" / "default" -> recall
    false_positive_rate: dict[str, float]
    kind = "row"

    def start(self, ctx: RunContext) -> ClassifierRun:
        return ClassifierRun(self, ctx)


class ClassifierRun:
    def __init__(self, spec: Classifier, ctx: RunContext) -> None:
        self.spec = spec
        self.rng = ctx.rng
        default = spec.recall.get("default", 0.0)
        # recall and predicted policy-category bit per engine category index
        self.cat_recall = np.array([spec.recall.get(c, default) for c in ctx.categories] or [0.0])
        bits = [
            (1 << spec.categories.index(c)) if c in spec.categories else 0 for c in ctx.categories
        ]
        self.cat_bits = np.array(bits or [0], dtype=np.uint64)
        self.spam_recall = spec.recall.get("spam", default)
        self.spam_bit = (
            np.uint64(1 << spec.categories.index("spam"))
            if "spam" in spec.categories
            else np.uint64(0)
        )
        self.fp = np.zeros(4)
        for k, v in spec.false_positive_rate.items():
            self.fp[KIND_NAMES[k]] = v

    def evaluate(self, batch: DayBatch) -> DetectorOutput:
        kind = batch.perceived.kind.astype(np.int64)
        cat = batch.perceived.category.astype(np.int64)
        n = kind.shape[0]
        u = self.rng.random(n)
        is_offer = (kind == ContentKind.OFFER) & (cat >= 0)
        safe_cat = np.where(is_offer, cat, 0)
        recall = np.where(is_offer, self.cat_recall[safe_cat], 0.0)
        recall = np.where(kind == ContentKind.SPAM, self.spam_recall, recall)
        true_hit = u < recall
        # a miss on a target can still be a (wrong-category) false alarm; others by kind
        fp_hit = ~true_hit & (self.rng.random(n) < self.fp[kind])
        fired = true_hit | fp_hit
        cats = np.zeros(n, dtype=np.uint64)
        cats[true_hit & is_offer] = self.cat_bits[safe_cat[true_hit & is_offer]]
        cats[true_hit & (kind == ContentKind.SPAM)] = self.spam_bit
        if fp_hit.any() and self.cat_bits.any():
            choices = self.cat_bits[self.cat_bits > 0]
            cats[fp_hit] = choices[self.rng.integers(0, choices.shape[0], int(fp_hit.sum()))]
        return DetectorOutput(fired, cats, fired.astype(np.int32))

    def hit(self, count: int, cats: int) -> Hit:
        names = [c for i, c in enumerate(self.spec.categories) if cats >> i & 1]
        found = ",".join(names)
        return Hit(self.spec.name, _PREDICTED(found) if found else PREDICTED_VIOLATING, found)


@dataclass
class UserReports:
    """At least ``min_reports`` within ``window_days``, per post or per account."""

    name: str
    min_reports: int
    window_days: int
    per: str = "post"
    kind = "row"

    def start(self, ctx: RunContext) -> ReportsRun:
        return ReportsRun(self)


@dataclass
class ReportsRun:
    spec: UserReports
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    last_day: int = -1

    def evaluate(self, batch: DayBatch) -> DetectorOutput:
        keys = batch.post_id if self.spec.per == "post" else batch.author.astype(np.int64)
        if batch.day != self.last_day:  # record the reports that reached us today, once
            new = batch.new_reports > 0
            # reports in today's batch arrived during the previous day
            self.keys = np.concatenate([self.keys, keys[new]])
            self.days = np.concatenate(
                [self.days, np.full(int(new.sum()), batch.day - 1, dtype=np.int32)]
            )
            self.counts = np.concatenate([self.counts, batch.new_reports[new].astype(np.int64)])
            keep = self.days > batch.day - 1 - self.spec.window_days
            self.keys, self.days, self.counts = self.keys[keep], self.days[keep], self.counts[keep]
            self.last_day = batch.day
        count = self.window_counts(keys)
        return DetectorOutput(
            count >= self.spec.min_reports, np.zeros(len(keys), np.uint64), count.astype(np.int32)
        )

    def window_counts(self, keys: np.ndarray) -> np.ndarray:
        if not self.keys.shape[0] or not keys.shape[0]:
            return np.zeros(keys.shape[0], dtype=np.int64)
        uniq, inv = np.unique(self.keys, return_inverse=True)
        sums = np.bincount(inv, weights=self.counts, minlength=uniq.shape[0]).astype(np.int64)
        pos = np.clip(np.searchsorted(uniq, keys), 0, uniq.shape[0] - 1)
        return np.where(uniq[pos] == keys, sums[pos], 0)

    def hit(self, count: int, cats: int = 0) -> Hit:
        return Hit(
            self.spec.name,
            _REPORTS(count, self.spec.per, self.spec.window_days, self.spec.min_reports),
        )


@dataclass
class DeviceMatch:
    """Sees a re-registered account's banned device with a stated probability.

    Detection is drawn once per account (the same device check gives the same
    answer every day), from a salt taken from the run's policy stream.
    """

    name: str
    detection_probability: float
    kind = "row"

    def start(self, ctx: RunContext) -> DeviceRun:
        return DeviceRun(self, int(ctx.rng.integers(1, 2**31)))


@dataclass
class DeviceRun:
    spec: DeviceMatch
    salt: int

    def evaluate(self, batch: DayBatch) -> DetectorOutput:
        a = batch.author.astype(np.uint64)
        h = (a * np.uint64(0x9E3779B97F4A7C15) + np.uint64(self.salt)) & np.uint64(0xFFFFFFFF)
        h = (h * np.uint64(0x85EBCA6B)) & np.uint64(0xFFFFFFFF)
        u = h.astype(np.float64) / 2.0**32
        fired = batch.prior_ban_device.astype(bool) & (u < self.spec.detection_probability)
        return DetectorOutput(fired, np.zeros(len(a), np.uint64), fired.astype(np.int32))

    def hit(self, count: int, cats: int = 0) -> Hit:
        return Hit(self.spec.name, BANNED_DEVICE)
