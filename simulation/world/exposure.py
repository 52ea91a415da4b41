"""Who saw what today: views of every live post, the ad share each user sees, reports."""

from __future__ import annotations

import numpy as np

from policy.interface import ContentKind
from simulation.metrics import KINDS
from simulation.world import decay as expo
from simulation.world.population import style_efficiency
from simulation.world.state import Day, World


def expose_day(world: World, day: Day) -> None:
    """Every live post collects today's views; users report some of what they see.

    Sets ``day.offer_impressions`` (per category), ``day.offer_views`` (per account,
    weighted by how well its style sells) and ``day.viewer_ad_share`` (per regular user).
    """
    posts, acc, sc, d, tally = world.posts, world.accounts, world.scenario, day.d, day.tally
    half_life = sc.exposure.half_life_hours
    start = int(np.searchsorted(posts.day, d - expo.horizon_days(half_life) + 1, side="left"))
    sl = slice(start, posts.n)
    views = expo.views_on_day(
        d,
        posts.day[sl],
        posts.hour[sl],
        posts.removed_age[sl],
        posts.potential[sl] * posts.factor[sl],
        half_life,
    )
    posts.views[sl] += views
    kind = posts.kind[sl]
    author = posts.author[sl]
    by_kind = np.bincount(kind, weights=views, minlength=4)
    total = float(by_kind.sum())
    tally.set_parts("impressions", KINDS, by_kind.tolist())
    tally["impressions_total"] = total
    offer = kind == ContentKind.OFFER
    per_cat = np.bincount(
        posts.category[sl][offer], weights=views[offer], minlength=len(world.categories)
    )
    tally.set_parts("offer_impressions", world.categories, per_cat.tolist())
    day.offer_impressions = per_cat
    eff = style_efficiency(world)[posts.style[sl][offer]]
    day.offer_views = np.bincount(author[offer], weights=views[offer] * eff, minlength=acc.n)
    # what each regular user saw: views spread evenly over each author's audience
    audience = np.maximum(day.audience, 1.0)
    per_friend_all = np.bincount(author, weights=views, minlength=acc.n) / audience
    ad_like = kind != ContentKind.LIFE
    per_friend_ad = np.bincount(author[ad_like], weights=views[ad_like], minlength=acc.n) / audience
    seen_all = world.graph.spread_to_viewers(per_friend_all)
    seen_ad = world.graph.spread_to_viewers(per_friend_ad)
    with np.errstate(invalid="ignore", divide="ignore"):
        day.viewer_ad_share = np.where(seen_all > 1e-9, seen_ad / seen_all, np.nan)
    # reports: some impressions of annoying posts make a user press "report"
    rp = sc.exposure.report_prob
    prob = np.array([rp.get(k, 0.0) for k in KINDS])
    reports = world.rng["reports"].poisson(views * prob[kind]).astype(np.int32)
    posts.reports[sl] += reports
    posts.new_reports[sl] += reports
    tally["reports"] = int(reports.sum())
