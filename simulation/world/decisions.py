"""Applying a policy's decisions to the world, and judging them against ground truth.

The policy decides; the engine carries the decisions out and, because it alone
knows what each post really is, counts which were right: a removal of a life post
or a legal ad is wrongful; an action against an account that posted nothing
violating within the window is wrongful.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from policy.interface import (
    CHANNEL_NAMES,
    AccountAction,
    ContentKind,
    DayBatch,
    DayDecisions,
    PerceptionView,
    PostAction,
    Stage,
    TextView,
)
from simulation.metrics import KINDS, OUTCOMES, RULE_COUNT_NAMES, STYLES, DayTally
from simulation.world.accounts import WRONGLY_BANNED, WRONGLY_STRUCK, Archetype, Status
from simulation.world.channels import offer_cells
from simulation.world.decay import reached
from simulation.world.posting import ordinal_per_author
from simulation.world.sorting import stable_order
from simulation.world.state import AccountOutcome, Cause, Day, World, post_half_lives

MAX_EVENTS = 250_000
STRIKES = (AccountAction.WARN, AccountAction.RESTRICT, AccountAction.BAN)  # against an account

# What is counted per rule and day (the RuleStat table and rule_stats.csv).


def _first_per_post(idx: np.ndarray, age: np.ndarray) -> np.ndarray:
    """Positions of the earliest action per post (a post is removed once)."""
    order = np.lexsort((age, idx))
    first = np.r_[True, idx[order][1:] != idx[order][:-1]] if len(idx) else np.zeros(0, bool)
    return order[first]


def make_batch(world: World, day: Day, scanned: tuple[int, ...]) -> DayBatch:
    """What the policy sees today: the day's new posts in the channels it scans
    (``scanned``, Channel codes), then earlier posts of any channel that received new
    reports (and are still up): a private chat reaches the platform only when reported."""
    posts, acc, d, first_new = world.posts, world.accounts, day.d, day.first_new
    # the day's posts by author (stably): each one's rank among its author's posts today,
    # and the day's index of posts by author that a ban looks up (posts_of)
    day_author = posts.author[first_new:]
    by_author = stable_order(day_author)
    world.batched_author_index[d] = (
        posts.base + first_new,
        day_author[by_author],
        by_author.astype(np.int32),
    )
    new = np.arange(first_new, posts.n)
    keep = slice(None)  # today's posts the policy scans: all of them, or a mask
    if len(scanned) < len(CHANNEL_NAMES):
        is_scanned = np.zeros(len(CHANNEL_NAMES), bool)
        is_scanned[list(scanned)] = True
        keep = is_scanned[posts.channel[first_new:]]
        new = new[keep]
        # the scanned posts in the day's author order, as positions among them
        by_author = (np.cumsum(keep) - 1)[by_author[keep[by_author]]]
    n_new = len(new)
    # the posts with reports the policy has not seen (World.reported): those still up
    pending = world.reported - posts.base
    pending = pending[pending >= 0]  # posts that left the table are gone
    up = np.isinf(posts.removed_age[pending])
    reported = pending[up]
    world.reported = pending[~up] + posts.base  # removed: kept, as their counts are
    rows = np.concatenate([new, reported])

    def pick(column: np.ndarray) -> np.ndarray:
        """``column[rows]``: today's part selected by its mask (or whole), not gathered."""
        return np.concatenate([column[first_new:][keep], column[reported]])

    stage = np.concatenate(
        [np.full(n_new, Stage.UPLOAD, np.int8), np.full(len(reported), Stage.REPORT, np.int8)]
    )
    author = pick(posts.author)
    ordinal = np.zeros(len(rows), np.int32)
    ordinal[:n_new] = ordinal_per_author(author[:n_new], by_author)
    new_reports = pick(posts.new_reports).astype(np.int32)
    posts.new_reports[reported] = 0
    kind = pick(posts.kind)
    return DayBatch(
        day=d,
        post_id=(rows + posts.base).astype(np.int64),
        posted_day=pick(posts.day).astype(np.int32),
        hour=pick(posts.hour),
        author=author,
        account_kind=acc.kind[author],
        account_age_days=(d - acc.join_day[author]).astype(np.int32),
        friend_count=np.rint(day.audience[author]).astype(np.int32),
        posts_today=ordinal,
        prior_ban_device=acc.device_flag[author],
        text_id=pick(posts.text).astype(np.int32),
        stage=stage,
        reports=pick(posts.reports).astype(np.int32),
        new_reports=new_reports,
        texts=TextView(world.pool.texts, world.pool.has_image),
        perceived=PerceptionView(kind=kind, category=pick(posts.category)),
        channel=pick(posts.channel),
    )


def apply_decisions(world: World, day: Day, dec: DayDecisions) -> None:
    """Carry out the policy's decisions and count them against ground truth.

    Every removal is counted once, on its day, by cause (moderation or with a banned
    author); a restoration after an appeal is counted as a restoration, never subtracted
    from the removals of the day it happens on.
    """
    posts, acc, tally = world.posts, world.accounts, day.tally
    cats = world.categories
    pdec = dec.posts
    day.removals = np.zeros(acc.n, np.int32)
    day.penalties = np.zeros(acc.n, np.int32)  # warnings count 1, restrictions 2
    removed = _Removed(len(cats))
    ages = np.zeros(0, np.float32)
    if len(pdec):
        idx = np.asarray(pdec.post_id, np.int64) - posts.base
        known = (idx >= 0) & (idx < posts.n)
        shadow = (
            np.asarray(pdec.shadow, bool)
            if len(pdec.shadow) == len(pdec)
            else np.zeros(len(pdec), bool)
        )
        live = known & ~shadow
        action = np.asarray(pdec.action)
        tally["late_decisions_ignored"] = int((~known).sum())
        rm = np.flatnonzero(live & (action == PostAction.REMOVE))
        if len(rm):
            ages = _remove(world, day, pdec, idx, rm, removed)
        restore = np.flatnonzero(live & (action == PostAction.RESTORE))
        if len(restore):
            rows = idx[restore]
            _put_back(world, tally, rows[(posts.cause[rows] == Cause.RULE)])
        dr = np.flatnonzero(live & (action == PostAction.DOWNRANK))
        if len(dr):
            f = np.asarray(pdec.factor, np.float32)[dr] if len(pdec.factor) == len(pdec) else 0.5
            # posts past the exposure window collect no more views: nothing to downrank
            hot = idx[dr] - (world.exposed.base - posts.base)
            inside = hot >= 0
            f = f[inside] if np.ndim(f) else f
            np.minimum.at(world.exposed.factor, hot[inside], f)
            tally["downranks"] = len(dr)
        lb = np.flatnonzero(live & (action == PostAction.LABEL))
        posts.labelled[idx[lb]] = True
        tally["labels"] = len(lb)
        if dec.review_queue:  # a policy with no reviewers queues nothing it decides REVIEW
            tally["review_queued"] = int((live & (action == PostAction.REVIEW)).sum())
    _apply_accounts(world, day, dec, removed)
    world.totals.removed += removed.kind
    day.spam_removed = int(removed.kind[ContentKind.SPAM])
    day.offers_removed = removed.cell
    day.offers_prevented = removed.prevented
    tally.set_parts("posts_removed", KINDS, removed.kind.tolist())
    tally.set_parts("offers_removed", cats, removed.category.tolist())
    tally.set_parts("removed_by_moderation", OUTCOMES, removed.moderation.tolist())
    tally["removed_with_banned_author"] = removed.with_author
    tally["innocent_removed_with_wrongly_banned"] = removed.with_wrongly_banned
    tally["time_to_removal_hours"] = float(ages.mean()) if len(ages) else np.nan
    _same_day(world, day)


@dataclass
class _Removed:
    """The day's removals by kind, by offer category, by moderation outcome, and offers by
    channel × account kind × category (what sellers see of enforcement)."""

    n_categories: int
    kind: np.ndarray = field(default_factory=lambda: np.zeros(4, np.int64))
    category: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    moderation: np.ndarray = field(default_factory=lambda: np.zeros(2, np.int64))  # ok, wrong
    with_author: int = 0
    with_wrongly_banned: int = 0  # of them, life posts and ads of wrongly banned authors
    cell: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0), np.int64))
    prevented: np.ndarray = field(default_factory=lambda: np.zeros((0, 0, 0)))

    def __post_init__(self) -> None:
        self.category = np.zeros(self.n_categories, np.int64)
        self.cell = np.zeros((len(CHANNEL_NAMES), 2, self.n_categories, len(STYLES)), np.int64)
        self.prevented = np.zeros(self.cell.shape)

    def add(
        self, kinds: np.ndarray, categories: np.ndarray, rows: np.ndarray, world: World
    ) -> None:
        """Count the removal of post ``rows`` (their kinds and categories given; their
        ``removed_age`` already set): offers also by the share of their views (so of their
        sales) the removal prevented, 2^(−age / half-life)."""
        self.kind += np.bincount(kinds, minlength=4)
        offers = kinds == ContentKind.OFFER
        self.category += np.bincount(categories[offers], minlength=self.n_categories)
        o = rows[offers]
        posts = world.posts
        where = (
            posts.channel[o],
            world.accounts.kind[posts.author[o]],
            posts.category[o],
            posts.style[o],
            self.n_categories,
        )
        self.cell += offer_cells(*where)
        half_life = post_half_lives(world, o).astype(np.float64)  # today's feed: not set yet
        half_life = np.where(half_life > 0, half_life, world.feed_half_life)
        kept = reached(posts.removed_age[o].astype(np.float64), half_life)
        self.prevented += offer_cells(*where, weights=1.0 - kept)


def _remove(
    world: World, day: Day, pdec, idx: np.ndarray, rm: np.ndarray, removed: _Removed
) -> np.ndarray:
    """Apply moderation removals (the first per post); returns their ages in hours."""
    posts, acc = world.posts, world.accounts
    first = rm[_first_per_post(idx[rm], np.asarray(pdec.at_hours)[rm])]
    rows = idx[first]
    fresh = np.isinf(posts.removed_age[rows])
    first, rows = first[fresh], rows[fresh]
    age = np.maximum(np.asarray(pdec.at_hours, np.float32)[first], 0.0)
    rule = np.asarray(pdec.rule)[first]
    posts.removed_age[rows] = age
    posts.cause[rows] = Cause.RULE
    if len(rule):  # rule indices start as int8: widened for a policy of 128 rules or more
        posts.fit("rule", int(rule.min()), int(rule.max()))
    posts.rule[rows] = rule
    posts.stage[rows] = np.asarray(pdec.stage)[first]
    kinds = posts.kind[rows]
    authors = posts.author[rows]
    removed.add(kinds, posts.category[rows], rows, world)
    per_author = np.bincount(authors, minlength=acc.n)  # np.add.at, without its cost
    day.removals += per_author
    np.add(acc.removals, per_author, out=acc.removals)
    viol = (kinds == ContentKind.OFFER) | (kinds == ContentKind.SPAM)
    removed.moderation += [int(viol.sum()), int((~viol).sum())]
    day.removal_rule = rule.astype(np.int64)
    day.removal_wrongful = ~viol
    if pdec.evidence is not None:
        sampled = posts.sampled[rows]
        for pos, row in zip(first[sampled], rows[sampled], strict=True):
            world.evidence[int(row + posts.base)] = str(pdec.evidence[pos])
    return age


def _same_day(world: World, day: Day) -> None:
    """The day's own posts taken down the same day (the numerators of same-day recall).

    Removals of older posts (a ban sweeping away a backlog, a slow review) are left out,
    so that same-day recall never exceeds 1."""
    posts, cats = world.posts, world.categories
    start = posts.first_row_from("day", day.d)
    kind, cat = posts.kind[start:], posts.category[start:]
    gone = ~np.isinf(posts.removed_age[start:])
    viol = (kind == ContentKind.SPAM) | (kind == ContentKind.OFFER)
    day.tally["violating_removed_same_day"] = int((gone & viol).sum())
    hit = np.bincount(cat[(kind == ContentKind.OFFER) & gone], minlength=len(cats))
    day.tally.set_parts("offers_removed_same_day", cats, hit.tolist())


def posts_of(world: World, accounts: np.ndarray) -> np.ndarray:
    """Rows of the post table whose author is one of ``accounts`` (ascending, int64): the
    rows of ``np.flatnonzero(np.isin(posts.author, accounts))``.

    Looked up per day in the day's posts ordered by author (``World.author_index``; a
    day's index is taken from the one its batch made, ``World.batched_author_index``, or
    made the first time it is needed, once the day's posts are all made), so that a ban
    does not look up the author of every post held (a gather over the whole table, ~6 ms
    at 100,000 accounts, on most days of a crackdown)."""
    posts, index = world.posts, world.author_index
    if not posts.n or not len(accounts):
        return np.zeros(0, np.int64)
    wanted = np.unique(np.asarray(accounts)).astype(posts.author.dtype)
    found = []
    for made in range(int(posts.day[0]), int(posts.day[-1]) + 1):
        if made not in index and made in world.batched_author_index:
            index[made] = world.batched_author_index.pop(made)  # sorted when batched
        elif made not in index:
            start = posts.first_row_from("day", made)
            stop = posts.first_row_from("day", made + 1)
            authors = posts.author[start:stop]
            order = stable_order(authors)
            index[made] = (posts.base + start, authors[order], order.astype(np.int32))
        first, authors, within = index[made]
        lo = np.searchsorted(authors, wanted, side="left")
        size = np.searchsorted(authors, wanted, side="right") - lo
        if not size.any():
            continue
        at = np.arange(int(size.sum()), dtype=np.int64)
        at += np.repeat(lo - (np.cumsum(size) - size), size)  # each account's run in turn
        found.append(within[at] + (first - posts.base))
    return np.sort(np.concatenate(found).astype(np.int64)) if found else np.zeros(0, np.int64)


def _wrongful(world: World, accounts: np.ndarray, d: int) -> np.ndarray:
    window = world.scenario.engine.wrongful_window_days
    return world.accounts.last_violation_day[accounts] < d - window


def _apply_accounts(world: World, day: Day, dec: DayDecisions, removed: _Removed) -> None:
    """Warn, restrict, ban or reinstate accounts; a ban sweeps away its author's posts, and
    reinstating a banned account puts them back (``_restore_with_account``).

    Decisions take effect in their order: one that names an account a decision earlier
    the same day has acted on sees the status that decision left. They are applied in
    rounds (the first decision about each account, then the second, …), each round one
    vectorised step over distinct accounts; the re-registration draws of banned sellers
    and spammers are then made in decision order, as one decision after another would.
    """
    acc, posts, d, tally = world.accounts, world.posts, day.d, day.tally
    adec = dec.accounts
    if not len(adec):
        return
    who = np.asarray(adec.account, np.int64)
    ok = (who >= 0) & (who < acc.n)
    action = np.asarray(adec.action)
    hour = (
        np.asarray(adec.at_hour, np.float32)
        if len(adec.at_hour) == len(adec)
        else np.zeros(len(adec), np.float32)
    )
    wrong = np.zeros(len(adec), bool)
    wrong[ok] = _wrongful(world, who[ok], d)
    applied = np.zeros(len(adec), bool)
    was_banned = np.zeros(len(adec), bool)  # the account was banned when this decision came
    # the status each decision meets, round by round (the k-th decision about an account)
    pos = np.flatnonzero(ok)
    occurrence = _occurrence(who[pos])
    for k in range(int(occurrence.max()) + 1 if len(pos) else 0):
        i = pos[occurrence == k]
        a, act = who[i], action[i]
        status = acc.status[a]
        warn = act == AccountAction.WARN
        restrict = (act == AccountAction.RESTRICT) & (status == Status.ACTIVE)
        ban = (act == AccountAction.BAN) & (
            (status == Status.ACTIVE) | (status == Status.RESTRICTED)
        )
        reinstate = (act == AccountAction.REINSTATE) & (
            (status == Status.BANNED) | (status == Status.RESTRICTED)
        )
        applied[i] = warn | restrict | ban | reinstate
        was_banned[i] = status == Status.BANNED
        np.add.at(day.penalties, a[warn], 1)
        np.add.at(day.penalties, a[restrict], 2)
        r = a[restrict]
        acc.status[r] = Status.RESTRICTED
        acc.status_day[r] = d
        acc.restricted_until[r] = np.maximum(np.asarray(adec.until_day)[i[restrict]], d + 1)
        b = a[ban]
        acc.status[b] = Status.BANNED
        acc.status_day[b] = d
        acc.bans[b] += 1
        back = reinstate & (status == Status.BANNED)
        _add(tally, "bans_overturned", int(back.sum()))
        _add(tally, "restrictions_overturned", int((reinstate & ~back).sum()))
        r = a[reinstate]
        acc.status[r] = Status.ACTIVE
        acc.status_day[r] = d
    for name, code in (
        ("warnings", AccountAction.WARN),
        ("restrictions", AccountAction.RESTRICT),
        ("bans", AccountAction.BAN),
    ):
        done = applied & (action == code)
        _add(tally, f"{name}.wrongful", int((done & wrong).sum()))
        _add(tally, f"{name}.correct", int((done & ~wrong).sum()))
    _first_wronged(world, day, who[ok & applied & wrong], action[ok & applied & wrong])
    _reregistration(world, who, action, applied, d)
    _log_events(world, adec, who, action, hour, applied, wrong, d)
    banned = who[ok & applied & (action == AccountAction.BAN)]
    day.bans = banned
    if len(banned):
        # the banned accounts' live posts disappear at the hour of the ban
        ban_hour = np.zeros(acc.n, np.float32)
        ban_hour[who[ok & applied & (action == AccountAction.BAN)]] = hour[
            ok & applied & (action == AccountAction.BAN)
        ]
        rows = posts_of(world, banned)
        rows = rows[np.isinf(posts.removed_age[rows])]
        age = (d - posts.day[rows]) * 24.0 + ban_hour[posts.author[rows]] - posts.hour[rows]
        posts.removed_age[rows] = np.maximum(age, 0.0)
        posts.cause[rows] = Cause.BAN
        removed.add(posts.kind[rows], posts.category[rows], rows, world)
        removed.with_author += len(rows)
        wrongly = np.zeros(acc.n, bool)
        wrongly[who[ok & applied & (action == AccountAction.BAN) & wrong]] = True
        innocent = posts.kind[rows] <= ContentKind.AD  # life posts and legal ads
        removed.with_wrongly_banned += int((innocent & wrongly[posts.author[rows]]).sum())
    unbanned = who[ok & applied & (action == AccountAction.REINSTATE) & was_banned]
    _restore_with_account(world, day, unbanned[acc.status[unbanned] == Status.ACTIVE])
    day.account_outcome = AccountOutcome(who, action, ok & applied, wrong)


def _restore_with_account(world: World, day: Day, accounts: np.ndarray) -> None:
    """Put back the posts that disappeared with ``accounts`` (ids) when they were banned,
    now that their bans are overturned: a platform that reinstates an account restores
    what the ban took down with it. Posts a rule, a review or reports took down
    (``Cause.RULE``) stay down: each has its own appeal. Counted in ``posts_restored`` (by
    kind) and ``restored_with_reinstated_author``; posts past the retention window are
    gone for good and not counted."""
    if not len(accounts):
        return
    posts = world.posts
    rows = posts_of(world, accounts)
    rows = rows[posts.cause[rows] == Cause.BAN]
    if not len(rows):
        return
    _put_back(world, day.tally, rows)
    _add(day.tally, "restored_with_reinstated_author", len(rows))


def _put_back(world: World, tally: DayTally, rows: np.ndarray) -> None:
    """Put the posts ``rows`` (taken down) back up, counted in ``posts_restored`` by kind."""
    posts = world.posts
    posts.removed_age[rows] = np.inf
    posts.cause[rows] = Cause.NONE
    back = np.bincount(posts.kind[rows], minlength=4)
    world.totals.restored += back
    for kind, n in zip(KINDS, back.tolist(), strict=True):
        _add(tally, f"posts_restored.{kind}", n)


def _first_wronged(world: World, day: Day, accounts: np.ndarray, action: np.ndarray) -> None:
    """Count the accounts that today's wrongful actions (``accounts``, their ``action``;
    warnings, restrictions and bans only) reached for the first time: summed over the
    days, the distinct accounts wrongly struck and wrongly banned, where ``warnings``,
    ``restrictions`` and ``bans`` count actions (an account warned, then banned, or
    reinstated and banned again, counts once here)."""
    if not len(accounts):
        return
    acc = world.accounts
    for bit, mask, name in (
        (WRONGLY_STRUCK, np.isin(action, STRIKES), "accounts_wrongly_struck"),
        (WRONGLY_BANNED, action == AccountAction.BAN, "accounts_wrongly_banned"),
    ):
        reached = np.unique(accounts[mask])
        new = reached[(acc.wronged[reached] & bit) == 0]
        acc.wronged[new] |= bit
        _add(day.tally, name, len(new))


def _occurrence(values: np.ndarray) -> np.ndarray:
    """0 for the first occurrence of each value, 1 for its second, … (in the given order)."""
    n = len(values)
    if n == 0:
        return np.zeros(0, np.int64)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    starts = np.r_[True, ordered[1:] != ordered[:-1]]
    group_start = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    out = np.empty(n, np.int64)
    out[order] = np.arange(n) - group_start
    return out


def _add(tally: DayTally, name: str, count: int) -> None:
    if count:
        tally.add(name, count)


def _reregistration(
    world: World, who: np.ndarray, action: np.ndarray, applied: np.ndarray, d: int
) -> None:
    """Re-registration days after the day's bans and reinstatements, in decision order:
    a banned seller or spammer may come back under a new account after a delay (one
    draw after another, as the bans were applied); a reinstated account will not."""
    acc, rng, sc = world.accounts, world.rng["sellers"], world.scenario
    steps = np.flatnonzero(
        applied & ((action == AccountAction.BAN) | (action == AccountAction.REINSTATE))
    )
    if not len(steps):
        return
    accounts = who[steps]
    arch = acc.archetype[accounts]
    # per step: the chance of coming back and the mean delay (nan: no draw)
    p = np.full(len(steps), np.nan)
    delay = np.zeros(len(steps))
    for archetype, model in ((Archetype.SELLER, sc.sellers), (Archetype.SPAMMER, sc.spammers)):
        mine = arch == archetype
        p[mine] = model.reregister_prob
        delay[mine] = max(model.reregister_delay_days - 1.0, 0.0)
    is_ban = (action[steps] == AccountAction.BAN).tolist()
    reregister = acc.reregister_day
    for a, ban, chance, lam in zip(
        accounts.tolist(), is_ban, p.tolist(), delay.tolist(), strict=True
    ):
        if not ban:
            reregister[a] = -1  # a reinstatement undoes a re-registration
        elif chance == chance and rng.random() < chance:  # not nan: a seller or spammer
            reregister[a] = d + 1 + int(rng.poisson(lam))


_ACTION_NAMES = {int(a): a.name.lower() for a in AccountAction}


def _log_events(
    world: World,
    adec,
    who: np.ndarray,
    action: np.ndarray,
    hour: np.ndarray,
    applied: np.ndarray,
    wrong: np.ndarray,
    d: int,
) -> None:
    """Append the applied decisions to ``world.events`` (up to ``MAX_EVENTS`` in all)."""
    room = MAX_EVENTS - len(world.events)
    if room <= 0:
        return
    i = np.flatnonzero(applied)[:room]
    if not len(i):
        return
    acc = world.accounts
    rules = np.asarray(adec.rule)[i].tolist() if len(adec.rule) == len(adec) else [-1] * len(i)
    reasons = [adec.reason[j] for j in i.tolist()] if adec.reason is not None else [""] * len(i)
    accounts = who[i]
    world.events.extend(
        {
            "day": d,
            "hour": h,
            "account": a,
            "action": _ACTION_NAMES[act],
            "rule": int(rule),
            "wrongful": w,
            "archetype": arch,
            "reason": reason,
        }
        for h, a, act, rule, w, arch, reason in zip(
            hour[i].tolist(),
            accounts.tolist(),
            action[i].tolist(),
            rules,
            wrong[i].tolist(),
            acc.archetype[accounts].tolist(),
            reasons,
            strict=True,
        )
    )


def _fired_rows(
    world: World, rule: Any, post_id: Any, stage: Any, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rule, post row, kept mask) of the decision rows a rule took at upload or after
    reports about a post still held, with a rule index below ``n``."""
    posts = world.posts
    rule = np.asarray(rule, np.int64)
    idx = np.asarray(post_id, np.int64) - posts.base
    stage = np.asarray(stage)
    fired = (stage == Stage.UPLOAD) | (stage == Stage.REPORT)
    ok = (rule >= 0) & (rule < n) & (idx >= 0) & (idx < posts.n) & fired
    return rule[ok], idx[ok], ok


def _count_hits(
    world: World, stats: dict[str, np.ndarray], rule: np.ndarray, idx: np.ndarray, n: int
) -> None:
    """Add hits, and which of them were on violating posts, per rule."""
    kind = world.posts.kind[idx]
    viol = (kind == ContentKind.OFFER) | (kind == ContentKind.SPAM)
    stats["hits"] += np.bincount(rule, minlength=n)
    stats["true_positives"] += np.bincount(rule[viol], minlength=n)
    stats["false_positives"] += np.bincount(rule[~viol], minlength=n)


def rule_statistics(
    world: World, day: Day, dec: DayDecisions, names: list[str]
) -> list[dict[str, Any]]:
    """Per rule (``names`` in rule-index order) the counts of ``RULE_COUNTS`` on this day.

    Hits are the posts the rule fired on at upload or after reports: its post decisions,
    and for a live ``restrict`` or ``ban`` rule (which acts on the author and has no post
    row) the posts of ``dec.account_rule_hits``. Removals and account actions count what
    was applied, so that over all rules they add up to the day's
    ``removed_by_moderation`` and account actions."""
    if not names:
        return []
    d = day.d
    n = len(names)
    stats = {k: np.zeros(n, np.int64) for k in RULE_COUNT_NAMES}
    pdec = dec.posts
    if len(pdec):
        rule, idx, ok = _fired_rows(world, pdec.rule, pdec.post_id, pdec.stage, n)
        action = np.asarray(pdec.action)[ok]
        shadow = (
            np.asarray(pdec.shadow, bool)[ok]
            if len(pdec.shadow) == len(pdec)
            else np.zeros(len(rule), bool)
        )
        _count_hits(world, stats, rule, idx, n)
        if dec.review_queue:  # a policy with no reviewers sends nothing to review
            queued = (action == PostAction.REVIEW) & ~shadow
            stats["reviews"] += np.bincount(rule[queued], minlength=n)
        stats["shadow_hits"] += np.bincount(rule[shadow], minlength=n)
    hits = dec.account_rule_hits
    if len(hits):
        rule, idx, _ok = _fired_rows(world, hits.rule, hits.post_id, hits.stage, n)
        _count_hits(world, stats, rule, idx, n)
    removed = day.removal_rule
    if len(removed):
        stats["removals"] += np.bincount(removed, minlength=n)[:n]
        stats["wrongful_removals"] += np.bincount(removed[day.removal_wrongful], minlength=n)[:n]
    adec = dec.accounts
    outcome = day.account_outcome
    if len(adec) and len(adec.rule) == len(adec) and outcome is not None:
        applied, wrong = outcome.applied, outcome.wrongful
        rule = np.asarray(adec.rule, np.int64)
        acts = (outcome.action == AccountAction.WARN) | (outcome.action == AccountAction.RESTRICT)
        acts |= outcome.action == AccountAction.BAN
        ok = applied & acts & (rule >= 0) & (rule < n)
        ban = ok & (outcome.action == AccountAction.BAN)
        stats["account_actions"] += np.bincount(rule[ok], minlength=n)
        stats["wrongful_account_actions"] += np.bincount(rule[ok & wrong], minlength=n)
        stats["bans"] += np.bincount(rule[ban], minlength=n)
        stats["wrongful_bans"] += np.bincount(rule[ban & wrong], minlength=n)
    return [
        {"day": d, "rule": i, "name": names[i], **{k: int(v[i]) for k, v in stats.items()}}
        for i in range(n)
    ]
