"""Posts leave the post table when they can no longer be seen; their fate is counted then.

Only the last ``engine.retention_days`` days of posts are held (exposure needs no more).
When a post leaves, its final fate — removed or surviving — is added to the run's totals,
so that the totals account for every post exactly once.
"""

from __future__ import annotations

import numpy as np

from simulation.world.sampling import finish_samples
from simulation.world.state import World


def trim(world: World, d: int) -> None:
    """Forget posts older than the retention window, tallying their final state."""
    keep_from = d - world.scenario.engine.retention_days + 1
    cut = world.posts.first_row_from("day", keep_from)
    if cut <= 0:
        return
    finish_samples(world, 0, cut)
    tally_final(world, 0, cut)
    world.posts.trim_front(cut)


def tally_final(world: World, start: int, stop: int) -> None:
    """Count the final fate of rows ``[start, stop)``: all of them, and the run's own."""
    posts, totals = world.posts, world.totals
    kind = posts.kind[start:stop]
    removed = ~np.isinf(posts.removed_age[start:stop])
    totals.removed_checked += np.bincount(kind[removed], minlength=4)
    totals.surviving_checked += np.bincount(kind[~removed], minlength=4)
    first = world.first_run_post
    if first is None:  # still warming up: nothing of the run's own yet
        return
    own = (np.arange(start, stop) + posts.base) >= first
    totals.run_removed += np.bincount(kind[own & removed], minlength=4)
    totals.run_surviving += np.bincount(kind[own & ~removed], minlength=4)


def close_books(world: World) -> None:
    """Tally every post still held (once, after the last day)."""
    finish_samples(world, 0, world.posts.n)
    tally_final(world, 0, world.posts.n)
    world.posts.trim_front(world.posts.n)


def post_fates(world: World) -> tuple[np.ndarray, np.ndarray]:
    """Removed and surviving counts, by content kind (arrays of 4), of the run's own posts.

    Posts carried in from the warm-up are left out, so that recall (the share of the
    run's violating posts taken down) never exceeds 1. Posts still held count by their
    state now.
    """
    totals, posts = world.totals, world.posts
    removed = totals.run_removed.copy()
    surviving = totals.run_surviving.copy()
    first = world.first_run_post if world.first_run_post is not None else posts.base + posts.n
    own = (np.arange(posts.n) + posts.base) >= first
    gone = ~np.isinf(posts.removed_age)
    removed += np.bincount(posts.kind[own & gone], minlength=4)
    surviving += np.bincount(posts.kind[own & ~gone], minlength=4)
    return removed, surviving
