"""Build small DayBatches by hand, as the engine would."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from policy.interface import DayBatch, PerceptionView, RunContext, TextView

CATEGORIES = ("medical", "tobacco", "sexual_health", "aphrodisiac")
KIND = {"life": 0, "ad": 1, "spam": 2, "offer": 3}


def context(seed: int = 0, days: int = 60) -> RunContext:
    return RunContext(CATEGORIES, "en_US", np.random.default_rng(seed), days)


class World:
    """A growing text pool and increasing post ids across days."""

    def __init__(self, texts: Sequence[str] = (), images: Sequence[bool] | None = None):
        self.texts: list[str] = list(texts)
        self.images: list[bool] = list(images) if images is not None else [False] * len(texts)
        self.next_id = 0

    def text(self, s: str, image: bool = False) -> int:
        self.texts.append(s)
        self.images.append(image)
        return len(self.texts) - 1

    def batch(
        self,
        day: int,
        texts: Sequence[int | str],
        *,
        authors=None,
        kind="personal",
        age=100,
        friends=50,
        posts_today=None,
        hour=None,
        truth=None,
        category=None,
        stage=None,
        reports=None,
        new_reports=None,
        posted_day=None,
        prior_ban_device=None,
        post_id=None,
        channel=None,
    ) -> DayBatch:
        tids = [t if isinstance(t, int) else self.text(t) for t in texts]
        n = len(tids)

        def arr(v, default, dtype):
            if v is None:
                v = default
            return np.broadcast_to(np.asarray(v), (n,)).astype(dtype).copy()

        if post_id is None:
            post_id = np.arange(self.next_id, self.next_id + n)
            self.next_id += n
        kinds = [KIND[k] for k in truth] if truth is not None else 0
        if isinstance(kind, str):
            kind = 0 if kind == "personal" else 1
        elif not np.isscalar(kind):
            kind = [0 if k == "personal" else 1 for k in kind]
        cats = category if category is not None else -1
        return DayBatch(
            day=day,
            post_id=arr(post_id, 0, np.int64),
            posted_day=arr(posted_day, day, np.int32),
            hour=arr(hour, np.linspace(1, 20, n) if n else 0, np.float32),
            author=arr(authors, np.arange(n), np.int32),
            account_kind=arr(kind, 0, np.int8),
            account_age_days=arr(age, 100, np.int32),
            friend_count=arr(friends, 50, np.int32),
            posts_today=arr(posts_today, 1, np.int32),
            prior_ban_device=arr(prior_ban_device, False, bool),
            text_id=np.array(tids, dtype=np.int32),
            stage=arr(stage, 0, np.int8),
            reports=arr(reports, 0, np.int32),
            new_reports=arr(new_reports, 0, np.int32),
            texts=TextView(self.texts, np.array(self.images, dtype=bool)),
            perceived=PerceptionView(arr(kinds, 0, np.int8), arr(cats, -1, np.int8)),
            channel=None if channel is None else arr(channel, 0, np.int8),
        )
