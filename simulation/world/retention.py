"""Posts leave the post table when they can no longer be seen; their fate is counted then.

Only the last ``engine.retention_days`` days of posts are held (late decisions, reviews and
appeals, need no more), and what only exposure reads (``World.exposed``: reach, downranking,
views) only for the days whose posts can still collect views (a few days). When a post
leaves, its final fate — removed or surviving — is added to the run's totals, so that the
totals account for every post exactly once.
"""

from __future__ import annotations

import numpy as np

from simulation.world.exposure import exposure_start
from simulation.world.sampling import finish_samples
from simulation.world.state import World


def trim(world: World, d: int) -> None:
    """At the end of day ``d``: forget what only exposure reads of the posts no exposure
    will reach again, and the posts older than the retention window, tallying their final
    state."""
    posts = world.posts
    for made in [m for m in world.batched_author_index if m < d]:  # keeps today's only
        del world.batched_author_index[made]
    unexposed = posts.first_row_from("day", exposure_start(world, d + 1))
    cut = posts.first_row_from("day", d - world.scenario.engine.retention_days + 1)
    leave_exposure(world, posts.base + max(unexposed, cut))
    if cut <= 0:
        return
    finish_samples(world, 0, cut)
    tally_final(world, 0, cut)
    posts.trim_front(cut)
    world.reported = world.reported[world.reported >= posts.base]
    oldest = d - world.scenario.engine.retention_days + 1
    for made in [m for m in world.day_half_life if m < oldest]:
        del world.day_half_life[made]
    for made in [m for m in world.author_index if m < oldest]:
        del world.author_index[made]


def leave_exposure(world: World, first: int) -> None:
    """Drop the exposure tier's rows of posts before id ``first``; the views of the sampled
    ones among them are kept (``World.sample_views``) for the stored sample."""
    hot, posts = world.exposed, world.posts
    cut = first - hot.base
    if cut <= 0:
        return
    lag = hot.base - posts.base
    rows = lag + np.flatnonzero(posts.sampled[lag : lag + cut])
    views = hot.views[rows - lag]
    for pid, v in zip((rows + posts.base).tolist(), views, strict=True):
        world.sample_views[pid] = v
    hot.trim_front(cut)


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
    own = slice(min(max(first - posts.base - start, 0), stop - start), None)  # ids >= first
    totals.run_removed += np.bincount(kind[own][removed[own]], minlength=4)
    totals.run_surviving += np.bincount(kind[own][~removed[own]], minlength=4)


def close_books(world: World) -> None:
    """Tally every post still held (once, after the last day)."""
    finish_samples(world, 0, world.posts.n)
    tally_final(world, 0, world.posts.n)
    world.posts.trim_front(world.posts.n)
    world.exposed.trim_front(world.exposed.n)


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
    own = slice(min(max(first - posts.base, 0), posts.n), None)  # rows of ids >= first
    kind = posts.kind[own]
    gone = ~np.isinf(posts.removed_age[own])
    removed += np.bincount(kind[gone], minlength=4)
    surviving += np.bincount(kind[~gone], minlength=4)
    return removed, surviving
