"""Display names for accounts, drawn from a pool built once per run.

Faker makes about 16,000 names a second; a call per account would dominate a large
run. A pool of a few thousand names, indexed by a hash of the account id, gives
every account a stable name at no cost per account. The pool itself (Faker's import
and 3,000 names: about half a second) is built once per installation and kept in the
user cache (``policy.cache``), keyed by Faker's version, the locale and the seed.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from simulation.world.accounts import Archetype

POOL = 3000

_SHOP = {
    "en_US": ("{}'s Shop", "{} Boutique", "{} Goods", "{} Daily Deals"),
    "zh_CN": ("{}小店", "{}优选", "{}好物", "{}代购"),
}
_SELLER = {
    "en_US": ("{} ✨", "{} (DM me)", "{} 💫", "{} · wholesale"),
    "zh_CN": ("{}✨", "{}（私聊）", "{}💫", "{}·批发"),
}
_SPAM = {
    "en_US": ("Lucky{}", "Win{}", "Bonus{}", "Offer{}"),
    "zh_CN": ("好运{}", "福利{}", "中奖{}", "兼职{}"),
}


@lru_cache(maxsize=8)
def name_pool(locale: str, seed: int) -> tuple[str, ...]:
    """``POOL`` names Faker makes for ``locale`` seeded with ``seed`` (cached on disk)."""
    from policy.cache import cached_json, version_of

    key = ("names", version_of("faker"), locale, str(seed), str(POOL))
    return tuple(cached_json(f"names-{locale}", key, lambda: _faker_names(locale, seed)))


def _faker_names(locale: str, seed: int) -> list[str]:
    from faker import Faker  # ~0.1 s to import, ~0.2 s for the pool: only when not cached

    fake = Faker(locale)
    fake.seed_instance(seed)
    return [fake.name() for _ in range(POOL)]


def display_names(ids: np.ndarray, archetypes: np.ndarray, locale: str, seed: int) -> list[str]:
    pool = name_pool(locale, seed)
    shop, seller, spam = (
        _SHOP.get(locale, _SHOP["en_US"]),
        _SELLER.get(locale, _SELLER["en_US"]),
        _SPAM.get(locale, _SPAM["en_US"]),
    )
    out = []
    for i, arch in zip(ids.tolist(), archetypes.tolist(), strict=True):
        h = (i * 2654435761) & 0xFFFFFFFF
        base = pool[h % POOL]
        if arch == Archetype.MERCHANT:
            out.append(shop[h % len(shop)].format(base))
        elif arch == Archetype.SELLER:
            out.append(seller[h % len(seller)].format(base))
        elif arch == Archetype.SPAMMER:
            out.append(spam[h % len(spam)].format(h % 9000 + 100))
        else:
            out.append(base)
    return out
