"""The text of the simulated feed: a finite, seeded pool of distinct post texts.

Detectors evaluate each distinct text once and the engine broadcasts the result to every
post that carries it, so the engine never formats text per post: it samples text ids
from buckets keyed by (kind, category, evasion style, innocent mention).

Identical strings may occur in different buckets (an empty caption under a photo of
vapes and one under a photo of pills are different posts); within a bucket texts are
distinct. Ground truth belongs to the text id, never to the string.
"""

from __future__ import annotations

import random
import string
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
from faker import Faker
from ruamel.yaml import YAML

from policy.interface import ContentKind
from simulation.catalogue import Catalogue, Category, Item, load_catalogue
from simulation.paths import assets_dir
from simulation.world.content.evasion import EvasionStyle, Variants, evade_in, evade_word

__all__ = [
    "Catalogue",
    "Category",
    "ContentKind",
    "EvasionStyle",
    "TextPool",
    "build_text_pool",
    "load_catalogue",
    "load_templates",
]

WORD_STYLES = (
    EvasionStyle.NONE,
    EvasionStyle.SPACING,
    EvasionStyle.HOMOGLYPH,
    EvasionStyle.PINYIN_ABBREV,
    EvasionStyle.EMOJI,
)
SIZES = {"small": 3_000, "standard": 10_000, "large": 20_000}

# Share of the "standard" pool per bucket family (targets; small buckets saturate).
_SHARE = {
    "life": 0.30,
    "mention": 0.02,
    "ad": 0.10,
    "ad_mention": 0.02,
    "spam": 0.025,
    "offer": 0.017,
}
# Probability that a text is posted with an image (photos of food, products...).
_IMAGE_RATE = {"life": 0.45, "ad": 0.75, "spam": 0.3, "offer": 0.5, "contact": 0.15}


@dataclass
class TextPool:
    """Distinct texts (index = text id) and their ground truth, sampled by bucket."""

    texts: list[str]
    kind: np.ndarray  # int8 ContentKind
    category: np.ndarray  # int8 catalogue index, -1 if none
    style: np.ndarray  # int8 EvasionStyle
    has_image: np.ndarray  # bool
    mention: np.ndarray  # bool: innocent mention of a restricted term
    _keys: np.ndarray = field(init=False, repr=False)
    _order: np.ndarray = field(init=False, repr=False)
    _bucket_keys: np.ndarray = field(init=False, repr=False)
    _starts: np.ndarray = field(init=False, repr=False)
    _counts: np.ndarray = field(init=False, repr=False)
    _bucket_of: np.ndarray = field(init=False, repr=False)  # key -> bucket, -1: none

    def __post_init__(self) -> None:
        self.kind = np.asarray(self.kind, dtype=np.int8)
        self.category = np.asarray(self.category, dtype=np.int8)
        self.style = np.asarray(self.style, dtype=np.int8)
        self.has_image = np.asarray(self.has_image, dtype=np.bool_)
        self.mention = np.asarray(self.mention, dtype=np.bool_)
        n = len(self.texts)
        for name in ("kind", "category", "style", "has_image", "mention"):
            if getattr(self, name).shape != (n,):
                raise ValueError(f"TextPool.{name} must have one entry per text ({n})")
        self._index()

    def __len__(self) -> int:
        return len(self.texts)

    @staticmethod
    def _key(kind: Any, category: Any, style: Any, mention: Any) -> np.ndarray:
        """Pack a bucket into one int64 so lookups are a single searchsorted."""
        k = np.asarray(kind, dtype=np.int64)
        c = np.asarray(category, dtype=np.int64) + 1
        s = np.asarray(style, dtype=np.int64)
        m = np.asarray(mention, dtype=np.int64)
        return ((k * 256 + c) * 256 + s) * 2 + m

    def _index(self) -> None:
        self._keys = self._key(self.kind, self.category, self.style, self.mention)
        self._order = np.argsort(self._keys, kind="stable").astype(np.int32)
        sorted_keys = self._keys[self._order]
        self._bucket_keys, self._starts, self._counts = np.unique(
            sorted_keys, return_index=True, return_counts=True
        )
        # every key up to the largest (a few hundred thousand) looked up directly: what
        # np.searchsorted over the bucket keys finds, without a binary search per post
        size = int(self._bucket_keys[-1]) + 1 if len(self._bucket_keys) else 1
        self._bucket_of = np.full(size, -1, np.int32)
        self._bucket_of[self._bucket_keys] = np.arange(len(self._bucket_keys), dtype=np.int32)

    def bucket_sizes(self) -> dict[tuple[int, int, int, bool], int]:
        """Distinct texts per (kind, category, style, mention) bucket."""
        out = {}
        for key, cnt in zip(self._bucket_keys.tolist(), self._counts.tolist(), strict=True):
            m, key = key % 2, key // 2
            s, key = key % 256, key // 256
            c, k = key % 256 - 1, key // 256
            out[(k, c, s, bool(m))] = cnt
        return out

    def sample(
        self,
        rng: np.random.Generator,
        kind: np.ndarray,
        category: np.ndarray,
        style: np.ndarray,
        mention: np.ndarray,
    ) -> np.ndarray:
        """One text id (int32) per row, uniform within the row's bucket; vectorised."""
        kind, category, style, mention = np.broadcast_arrays(kind, category, style, mention)
        keys = self._key(kind, category, style, mention).ravel()
        if keys.size == 0:
            return np.zeros(0, dtype=np.int32)
        looked_up = np.clip(keys, 0, len(self._bucket_of) - 1)
        pos_c = self._bucket_of[looked_up]
        bad = (pos_c < 0) | (looked_up != keys)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(
                "no texts in bucket kind="
                f"{_name(ContentKind, int(kind.ravel()[i]))} category={int(category.ravel()[i])}"
                f" style={_name(EvasionStyle, int(style.ravel()[i]))}"
                f" mention={bool(mention.ravel()[i])}"
            )
        offset = (rng.random(keys.size) * self._counts[pos_c]).astype(np.int64)
        return self._order[self._starts[pos_c] + offset].reshape(kind.shape)

    def append(
        self,
        texts: Sequence[str],
        kind: Any,
        category: Any,
        style: Any,
        has_image: Any,
        mention: Any,
    ) -> np.ndarray:
        """Append texts (e.g. from a real corpus); returns their ids. They become
        sampleable in their buckets. Scalars broadcast to every new text."""
        n = len(texts)
        cols = [
            np.broadcast_to(np.asarray(v, dtype=dt), (n,))
            for v, dt in (
                (kind, np.int8),
                (category, np.int8),
                (style, np.int8),
                (has_image, np.bool_),
                (mention, np.bool_),
            )
        ]
        start = len(self.texts)
        self.texts.extend(str(t) for t in texts)
        self.kind = np.concatenate([self.kind, cols[0]])
        self.category = np.concatenate([self.category, cols[1]])
        self.style = np.concatenate([self.style, cols[2]])
        self.has_image = np.concatenate([self.has_image, cols[3]])
        self.mention = np.concatenate([self.mention, cols[4]])
        self._index()
        return np.arange(start, start + n, dtype=np.int32)

    def copy(self) -> TextPool:
        """A pool of the same texts whose appends (:meth:`append`) leave this one as is."""
        return TextPool(
            list(self.texts),
            self.kind.copy(),
            self.category.copy(),
            self.style.copy(),
            self.has_image.copy(),
            self.mention.copy(),
        )

    def bucket(self, kind: int, category: int, style: int, mention: bool) -> np.ndarray:
        """Text ids of one bucket (for tests and inspection)."""
        key = int(self._key(kind, category, style, mention))
        i = int(np.searchsorted(self._bucket_keys, key))
        if i >= len(self._bucket_keys) or self._bucket_keys[i] != key:
            return np.zeros(0, dtype=np.int32)
        return self._order[self._starts[i] : self._starts[i] + self._counts[i]]


def _name(enum: Any, value: int) -> str:
    try:
        return enum(value).name
    except ValueError:
        return str(value)


@cache
def load_templates(locale: str) -> Mapping[str, Any]:
    """Templates and vocabularies of a locale (``assets/text/<locale>.yaml``), cached."""
    path = assets_dir() / "text" / f"{locale}.yaml"
    if not path.exists():
        raise ValueError(f"no templates for locale {locale!r} ({path} missing)")
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    required = (
        "vocab",
        "life",
        "life_mention",
        "ad",
        "ad_mention",
        "triggers",
        "spam",
        "spam_contact_only",
        "spam_image_only",
        "offer",
        "contact_only",
        "image_only",
    )
    for key in required:
        if key not in data:
            raise ValueError(f"{path}: missing section {key!r}")
    return data


class _Slots(dict):
    """Fills each ``{slot}`` occurrence with a fresh random pick from its pool."""

    def __init__(self, pools: Mapping[str, Sequence[str]], r: random.Random, **fixed: str):
        super().__init__(fixed)
        self.pools, self.r = pools, r

    def __missing__(self, key: str) -> str:
        if key not in self.pools:
            raise KeyError(f"template slot {{{key}}} has no vocabulary")
        return self.r.choice(self.pools[key])


def _token(r: random.Random, n: int, alphabet: str = string.ascii_lowercase + string.digits) -> str:
    return "".join(r.choices(alphabet, k=n))


def _faker_pools(locale: str, r: random.Random) -> dict[str, list[str]]:
    """Names, cities, contacts, phones, URLs and prices: built once per pool build."""
    fake = Faker(locale)
    fake.seed_instance(r.getrandbits(32))
    zh = locale.startswith("zh")
    names = [fake.first_name() for _ in range(300)]
    cities = sorted({fake.city_name() if zh else fake.city() for _ in range(120)})
    phones = [fake.phone_number().split("x")[0] for _ in range(150)]
    en_domains = [fake.domain_name() for _ in range(60)]
    users = [fake.user_name() for _ in range(200)]
    contacts = []
    for u in users:
        style = r.random()
        if zh:
            contact = (
                f"wxid_{_token(r, 10)}"
                if style < 0.4
                else f"{u}{r.randint(1, 999)}"
                if style < 0.8
                else f"QQ{r.randint(10**7, 10**10)}"
            )
        else:
            contact = (
                f"@{u}{r.randint(1, 99)}"
                if style < 0.5
                else f"WeChat {u}_{r.randint(1, 999)}"
                if style < 0.8
                else f"Telegram @{u}"
            )
        contacts.append(contact)
    shorteners = ["t.cn", "bit.ly", "dwz.cn", "url.cn"] if zh else ["bit.ly", "tinyurl.com", "t.co"]
    urls = [
        f"https://{r.choice(shorteners)}/{_token(r, 7, string.ascii_letters + string.digits)}"
        if r.random() < 0.5
        else f"http://{r.choice(en_domains)}/{_token(r, 5)}"
        for _ in range(200)
    ]
    amounts = [
        r.choice([68, 88, 98, 128, 158, 168, 188, 199, 268, 298, 388, 520, 888]) for _ in range(60)
    ]
    if zh:
        prices = [r.choice([f"{a}元", f"¥{a}"]) for a in amounts]
    else:
        prices = [r.choice([f"¥{a}", f"{a} yuan"]) for a in amounts]
    return {
        "name": names,
        "city": cities,
        "phone": phones,
        "contact": contacts,
        "url": urls,
        "price": prices,
    }


@dataclass
class _Builder:
    """Accumulates texts bucket by bucket, distinct within each bucket."""

    r: random.Random
    pools: dict[str, Sequence[str]]
    scale: float
    texts: list[str] = field(default_factory=list)
    rows: list[tuple[int, int, int, bool, bool]] = field(default_factory=list)

    def fill(
        self,
        target_share: float,
        kind: ContentKind,
        category: int,
        style: int,
        mention: bool,
        image_rate: float,
        make: Any,
    ) -> None:
        """Call ``make()`` until the bucket has its target of distinct texts (or stalls)."""
        target = max(1, round(target_share * self.scale))
        seen: set[str] = set()
        attempts = 0
        while len(seen) < target and attempts < target * 4:
            attempts += 1
            text, image = make()
            if text in seen:
                continue
            seen.add(text)
            has_image = image if image is not None else (text == "" or self.r.random() < image_rate)
            self.texts.append(text)
            self.rows.append((int(kind), category, int(style), mention, has_image))

    def fmt(self, template: str, **fixed: str) -> str:
        return template.format_map(_Slots(self.pools, self.r, **fixed))


def _spam_parts(template: str) -> list[tuple[str, bool]]:
    """Split a spam template into (text, is_trigger) parts on ``<word>`` marks."""
    parts: list[tuple[str, bool]] = []
    rest = template
    while "<" in rest and ">" in rest[rest.index("<") :]:
        a = rest.index("<")
        b = rest.index(">", a)
        parts += [(rest[:a], False), (rest[a + 1 : b], True)]
        rest = rest[b + 1 :]
    return [*parts, (rest, False)]


def _spam_text(
    b: _Builder,
    parts: list[tuple[str, bool]],
    triggers: Mapping[str, Variants],
    style: EvasionStyle,
) -> str:
    out = []
    for text, is_trigger in parts:
        if is_trigger:
            v = triggers.get(text, Variants(text))
            out.append(evade_word(v, style, b.r) if v.supports(style) else text)
        else:
            out.append(text)
    return b.fmt("".join(out))


def _offer_item(item: Item, style: EvasionStyle, r: random.Random) -> str:
    if style == EvasionStyle.EMOJI:
        assert item.emoji is not None
        return item.emoji
    v = Variants(item.term, item.pinyin, item.abbrev, item.emoji)
    return evade_in(item.text, v, style, r)


def item_supports(item: Item, style: EvasionStyle) -> bool:
    """Whether an item has a variant for a word-level style."""
    return Variants(item.term, item.pinyin, item.abbrev, item.emoji).supports(style)


def offer_item_text(item: Item, style: EvasionStyle, r: random.Random) -> str:
    """The item phrase as a seller writes it under a word-level style (used by tests too)."""
    return _offer_item(item, style, r)


def _size(size: str | int) -> int:
    if isinstance(size, str):
        if size not in SIZES:
            raise ValueError(f"unknown pool size {size!r}; use one of {sorted(SIZES)} or an int")
        return SIZES[size]
    if size < 500:
        raise ValueError(f"pool size must be at least 500 texts, got {size}")
    return int(size)


# pools built in this process, newest last: (catalogue, locale, seed, size) -> pool
_BUILT: OrderedDict[tuple[str, str, int, int], TextPool] = OrderedDict()
_KEEP = 8  # pools kept (3-5 MB each at the standard size): a sweep's seeds in a worker


def build_text_pool(
    catalogue: Catalogue, locale: str, rng: np.random.Generator, size: str | int = "standard"
) -> TextPool:
    """The seeded pool of distinct texts for a locale; every bucket non-empty.

    Draws one integer from ``rng`` (the pool's seed). A pool is a function of the
    catalogue's contents, the locale, that seed and the size, so the last few built in
    this process are kept and a run of the same world gets a copy (the texts of a sweep's
    arms of one seed, a test's repeated worlds) instead of formatting 10,000 texts again:
    the same texts, in the same order, as a new build. Raises ValueError for a locale
    without templates or a size below 500 texts."""
    load_templates(locale)  # an unknown locale is refused before the draw, as always
    seed = int(rng.integers(2**63))
    key = (repr(catalogue), locale, seed, _size(size))
    pool = _BUILT.get(key)
    if pool is None:
        pool = _build(catalogue, locale, seed, key[3])
        _BUILT[key] = pool
        while len(_BUILT) > _KEEP:
            _BUILT.popitem(last=False)
    else:
        _BUILT.move_to_end(key)
    return pool.copy()


def forget_pools() -> None:
    """Drop the pools kept by :func:`build_text_pool` (the next build formats anew)."""
    _BUILT.clear()


def _build(catalogue: Catalogue, locale: str, seed: int, size: int) -> TextPool:
    t = load_templates(locale)
    r = random.Random(seed)
    pools: dict[str, Sequence[str]] = {k: list(v) for k, v in t["vocab"].items()}
    pools.update(_faker_pools(locale, r))
    b = _Builder(r, pools, float(size))

    def pick(lst: Sequence[str], **fixed: str) -> Any:
        return lambda: (b.fmt(r.choice(lst), **fixed), None)

    b.fill(_SHARE["life"], ContentKind.LIFE, -1, 0, False, _IMAGE_RATE["life"], pick(t["life"]))
    for ci, cat in enumerate(catalogue):
        mentions = t["life_mention"].get(cat.name)
        if mentions:
            make = pick(mentions)
        else:
            terms = cat.terms.get(locale) or (cat.name,)
            generic = t["life_mention"]["_default"]
            make = lambda g=generic, ts=terms: (b.fmt(r.choice(g), term=r.choice(ts)), None)  # noqa: E731
        b.fill(_SHARE["mention"], ContentKind.LIFE, ci, 0, True, _IMAGE_RATE["life"], make)
    b.fill(_SHARE["ad"], ContentKind.AD, -1, 0, False, _IMAGE_RATE["ad"], pick(t["ad"]))
    b.fill(
        _SHARE["ad_mention"], ContentKind.AD, -1, 0, True, _IMAGE_RATE["ad"], pick(t["ad_mention"])
    )

    triggers = {
        w: Variants(w, d.get("pinyin"), tuple(d.get("abbrev", ())), d.get("emoji"))
        for w, d in (t["triggers"] or {}).items()
    }
    spam_parts = [_spam_parts(s) for s in t["spam"]]
    for style in WORD_STYLES:
        usable = [
            p
            for p in spam_parts
            if any(trig and triggers.get(w, Variants(w)).supports(style) for w, trig in p)
        ]
        if not usable:
            raise ValueError(f"{locale}: no spam template has a trigger for style {style.name}")
        make = lambda u=usable, s=style: (_spam_text(b, r.choice(u), triggers, s), None)  # noqa: E731
        b.fill(_SHARE["spam"], ContentKind.SPAM, -1, style, False, _IMAGE_RATE["spam"], make)
    b.fill(
        _SHARE["spam"],
        ContentKind.SPAM,
        -1,
        EvasionStyle.CONTACT_ONLY,
        False,
        _IMAGE_RATE["contact"],
        pick(t["spam_contact_only"]),
    )
    b.fill(
        _SHARE["spam"],
        ContentKind.SPAM,
        -1,
        EvasionStyle.IMAGE_ONLY,
        False,
        1.0,
        lambda: (b.fmt(r.choice(t["spam_image_only"])), True),
    )

    for ci, cat in enumerate(catalogue):
        items = cat.items.get(locale, ())
        for style in WORD_STYLES:
            usable = [it for it in items if item_supports(it, style)]
            if not usable:
                raise ValueError(
                    f"catalogue category {cat.name!r} has no {locale} item for style {style.name}"
                )
            make = lambda u=usable, s=style: (  # noqa: E731
                b.fmt(r.choice(t["offer"]), item=_offer_item(r.choice(u), s, r)),
                None,
            )
            b.fill(_SHARE["offer"], ContentKind.OFFER, ci, style, False, _IMAGE_RATE["offer"], make)
        b.fill(
            _SHARE["offer"],
            ContentKind.OFFER,
            ci,
            EvasionStyle.CONTACT_ONLY,
            False,
            _IMAGE_RATE["contact"],
            pick(t["contact_only"]),
        )
        b.fill(
            _SHARE["offer"],
            ContentKind.OFFER,
            ci,
            EvasionStyle.IMAGE_ONLY,
            False,
            1.0,
            lambda: (b.fmt(r.choice(t["image_only"])), True),
        )

    rows = np.array(b.rows, dtype=np.int64).reshape(-1, 5)
    return TextPool(
        texts=b.texts,
        kind=rows[:, 0].astype(np.int8),
        category=rows[:, 1].astype(np.int8),
        style=rows[:, 2].astype(np.int8),
        has_image=rows[:, 4].astype(np.bool_),
        mention=rows[:, 3].astype(np.bool_),
    )
