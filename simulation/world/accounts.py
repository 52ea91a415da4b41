"""Accounts as rows of arrays: archetype, kind, status, seller state, exposure memory."""

from __future__ import annotations

from enum import IntEnum

import numpy as np

from simulation.world.columns import Columns


class Archetype(IntEnum):
    REGULAR = 0
    MERCHANT = 1
    SELLER = 2
    SPAMMER = 3


ARCHETYPE_NAMES = ("regular", "micro_merchant", "restricted_seller", "spammer")


class Status(IntEnum):
    ACTIVE = 0
    RESTRICTED = 1  # may not post until ``restricted_until``
    BANNED = 2
    EXITED = 3  # a seller or spammer that gave up because risk outweighed profit
    CHURNED = 4  # a regular user who stopped using the feed (may come back)
    PROSPECT = 5  # a regular user not yet on the feed (may join)


STATUS_NAMES = ("active", "restricted", "banned", "exited", "churned", "prospect")

NEVER = np.iinfo(np.int32).min // 2  # "no such day" that stays far below any window

ACCOUNT_SCHEMA = {
    "archetype": (np.int8, 0),
    "kind": (np.int8, 0),  # AccountKind
    "join_day": (np.int32, 0),
    "status": (np.int8, 0),
    "status_day": (np.int32, NEVER),  # day the status last changed
    "restricted_until": (np.int32, 0),
    "category": (np.int8, -1),  # sellers: catalogue index
    "style": (np.int8, 0),  # current EvasionStyle of sellers and spammers
    "skill": (np.float32, 0.0),  # sellers and spammers: evasion know-how, 0..1
    "channel": (np.int8, 0),  # sellers: the Channel their offers go to
    "lineage": (np.int32, -1),  # commercial accounts: the first account of the same person
    "removals": (np.int32, 0),  # removals suffered, lifetime
    "profit": (np.float32, 0.0),  # sellers, spammers: remembered daily profit (CNY)
    "risk": (np.float32, 0.0),  # sellers, spammers: remembered daily cost of enforcement (CNY)
    "target_friends": (np.int32, 0),  # commercial accounts: customers they work towards
    "friends_added": (np.int32, 0),  # commercial accounts: customers added so far
    "center": (np.int32, 0),  # commercial accounts: where on the ring their customers live
    "predecessor": (np.int32, -1),  # the banned account this one re-registered from
    "generation": (np.int16, 0),  # 0 = original account, n = n-th re-registration
    "device_flag": (np.bool_, False),  # same device as a banned account (true state)
    "last_violation_day": (np.int32, NEVER),
    "violations": (np.int32, 0),
    "feed_ad_share": (np.float32, 0.0),  # regulars: remembered ad share of the feed they
    # see (or, away from it, hear of from friends)
    "reregister_day": (np.int32, -1),  # banned sellers: the day they come back, -1 = never
    "bans": (np.int16, 0),
    "wronged": (np.int8, 0),  # WRONGLY_STRUCK | WRONGLY_BANNED: what wrongful actions reached it
}

WRONGLY_STRUCK = 1  # ``wronged`` bit: a wrongful warning, restriction or ban reached it
WRONGLY_BANNED = 2  # ``wronged`` bit: it was banned wrongfully


def new_accounts(capacity: int) -> Columns:
    return Columns(ACCOUNT_SCHEMA, capacity)
