"""The strike ladder: strikes over a window, with optional decay, and the account
actions they trigger (warn → restrict N days → ban).

Strikes are events (account, day, weight). An account's strikes on day ``d`` are
the weights of its events in the last ``window_days`` days, each multiplied by
``0.5 ** (age / half_life_days)`` when a half-life is set. A step fires when a new
strike makes the total *cross* the step's threshold, so a strike that takes an
account from 1 to 3 strikes on a ladder warn@1, restrict@3 restricts it, and an
account whose strikes decay below a threshold can reach it again later.
Everything is vectorised over the day's strikes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from policy.model import StrikeSettings

LADDER_ACTIONS = {"warn": 0, "restrict": 1, "ban": 2}  # AccountAction values


# strike totals are summed per id in one array while the ids are below this (32 MiB of
# float64 at most); a book with larger or negative ids is summed by its distinct accounts
DENSE_IDS = 1 << 22


@dataclass
class Crossing:
    """Ladder steps reached today, one row per (account, step)."""

    account: np.ndarray
    step: np.ndarray  # index into the ladder
    total: np.ndarray  # strikes after the crossing strike
    hour: np.ndarray
    rule: np.ndarray
    post_id: np.ndarray


@dataclass
class StrikeBook:
    settings: StrikeSettings
    account: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    day: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    weight: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    post_id: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    @property
    def thresholds(self) -> np.ndarray:
        return np.array([s.at for s in self.settings.ladder], dtype=np.float64)

    def _weights_on(self, day: int) -> np.ndarray:
        age = day - self.day
        w = np.where((age >= 0) & (age < self.settings.window_days), self.weight, 0.0)
        if self.settings.half_life_days:
            w = w * np.power(0.5, age / self.settings.half_life_days)
        return w

    def current(self, accounts: np.ndarray, day: int) -> np.ndarray:
        """Strikes of each account (any int64 id; 0 for one without strikes) on ``day``,
        counting events before that day only: each account's weights summed in the
        book's order."""
        accounts = np.asarray(accounts, dtype=np.int64)
        if not self.account.shape[0] or not accounts.shape[0]:
            return np.zeros(accounts.shape[0])
        before = self.day < day
        w = self._weights_on(day)[before]
        who = self.account[before]
        if not who.shape[0]:
            return np.zeros(accounts.shape[0])
        if who.min() >= 0 and who.max() < max(DENSE_IDS, 8 * who.shape[0]):
            # the engine's ids (0 to the number of accounts): one sum per id, with no
            # sort of the book to find its distinct accounts
            sums = np.bincount(who, weights=w)
            known = (accounts >= 0) & (accounts < sums.shape[0])
            return np.where(known, sums[np.where(known, accounts, 0)], 0.0)
        # ids far apart or negative (the policy library used on its own): by the book's
        # distinct accounts, the same sums in the same order
        uniq, inv = np.unique(who, return_inverse=True)
        sums = np.bincount(inv, weights=w, minlength=uniq.shape[0])
        pos = np.clip(np.searchsorted(uniq, accounts), 0, uniq.shape[0] - 1)
        return np.where(uniq[pos] == accounts, sums[pos], 0.0)

    def prune(self, day: int) -> None:
        keep = day - self.day < self.settings.window_days
        for name in ("account", "day", "weight", "post_id"):
            setattr(self, name, getattr(self, name)[keep])

    def add(
        self,
        day: int,
        account: np.ndarray,
        hour: np.ndarray,
        weight: np.ndarray,
        rule: np.ndarray,
        post_id: np.ndarray,
    ) -> Crossing:
        """Record today's strikes (any order) and return the ladder steps they cross."""
        account = np.asarray(account, np.int64)
        order = np.lexsort((hour, account))
        account, hour, weight = account[order], hour[order], weight[order]
        rule, post_id = rule[order], post_id[order]
        base = self.current(account, day)
        self.account = np.concatenate([self.account, account])
        self.day = np.concatenate([self.day, np.full(account.shape[0], day, np.int32)])
        self.weight = np.concatenate([self.weight, weight.astype(np.float64)])
        self.post_id = np.concatenate([self.post_id, post_id.astype(np.int64)])
        empty = Crossing(
            *(
                np.zeros(0, t)
                for t in (np.int64, np.int64, np.float64, np.float32, np.int16, np.int64)
            )
        )
        if not account.shape[0] or not self.settings.ladder:
            return empty
        cs = np.cumsum(weight, dtype=np.float64)
        starts = np.r_[True, account[1:] != account[:-1]]
        group_start = np.maximum.accumulate(np.where(starts, np.arange(cs.shape[0]), 0))
        before_group = np.where(group_start > 0, cs[group_start - 1], 0.0)
        within = cs - before_group
        now = base + within
        prev = now - weight
        th = self.thresholds
        eps = 1e-9
        lvl_now = np.searchsorted(th, now + eps, side="right")
        lvl_prev = np.searchsorted(th, prev + eps, side="right")
        hit = lvl_now > lvl_prev
        return Crossing(
            account[hit],
            lvl_now[hit] - 1,
            now[hit],
            hour[hit].astype(np.float32),
            rule[hit].astype(np.int16),
            post_id[hit],
        )

    def forget_post(self, post_id: int) -> None:
        """An appeal overturned the action: its strikes no longer count."""
        self.weight = np.where(self.post_id == post_id, 0.0, self.weight)

    def forget_account(self, account: int) -> None:
        """A wrongful ban was reversed: the account starts clean."""
        self.weight = np.where(self.account == account, 0.0, self.weight)
