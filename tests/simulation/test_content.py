"""The text pool: deterministic, every bucket filled, sampled uniformly and vectorised."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest

from policy.errors import LocatedError
from policy.interface import ContentKind
from policy.normalize import STEPS, Normalizer, load_tables
from simulation import run
from simulation.scenario import parse_scenario
from simulation.world.content.pool import (
    EvasionStyle,
    TextPool,
    build_text_pool,
    forget_pools,
    load_catalogue,
)

LOCALES = ("en_US", "zh_CN")
CATALOGUE = load_catalogue()
CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(scope="module", params=LOCALES)
def pool(request: pytest.FixtureRequest) -> tuple[str, TextPool]:
    return request.param, build_text_pool(CATALOGUE, request.param, np.random.default_rng(11))


def required_buckets() -> list[tuple[int, int, int, bool]]:
    n = len(CATALOGUE)
    out = [
        (ContentKind.LIFE, -1, 0, False),
        (ContentKind.AD, -1, 0, False),
        (ContentKind.AD, -1, 0, True),
    ]
    out += [(ContentKind.LIFE, c, 0, True) for c in range(n)]
    out += [(ContentKind.SPAM, -1, s, False) for s in EvasionStyle]
    out += [(ContentKind.OFFER, c, s, False) for c in range(n) for s in EvasionStyle]
    return out


def test_catalogue_has_the_four_categories() -> None:
    assert CATALOGUE.names() == ("medical", "tobacco", "sexual_health", "aphrodisiac")
    for cat in CATALOGUE:
        for loc in LOCALES:
            assert 10 <= len(cat.terms[loc]) <= 30
        assert 0 <= cat.risk <= 1


def test_bad_catalogue_names_file_and_field(tmp_path) -> None:
    bad = tmp_path / "cat.yaml"
    text = (CATALOGUE_PATH := load_catalogue.__globals__["assets_dir"]() / "catalogue.yaml")
    bad.write_text(text.read_text(encoding="utf-8").replace("risk: 0.7", "risk: 7"), "utf-8")
    with pytest.raises(LocatedError) as info:
        load_catalogue(bad)
    (problem,) = info.value.problems
    line = text.read_text(encoding="utf-8").split("risk: 0.7")[0].count("\n") + 1
    assert (problem.file, problem.line, problem.field) == (
        str(bad),
        line,
        "categories.medical.risk",
    )
    assert "got 7" in problem.message
    assert CATALOGUE_PATH.exists()


@pytest.mark.parametrize("locale", LOCALES)
def test_deterministic_per_seed(locale: str) -> None:
    forget_pools()
    a = build_text_pool(CATALOGUE, locale, np.random.default_rng(3), size="small")
    forget_pools()  # built anew, not the copy kept of the first
    b = build_text_pool(CATALOGUE, locale, np.random.default_rng(3), size="small")
    c = build_text_pool(CATALOGUE, locale, np.random.default_rng(4), size="small")
    assert a.texts == b.texts and (a.has_image == b.has_image).all()
    assert a.texts != c.texts


def _same(a: TextPool, b: TextPool) -> bool:
    return a.texts == b.texts and all(
        np.array_equal(getattr(a, k), getattr(b, k))
        for k in ("kind", "category", "style", "has_image", "mention")
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_a_pool_kept_from_an_earlier_build_is_the_pool_built_anew(locale: str) -> None:
    """The same catalogue, locale, seed and size give the kept pool's copy: the same texts
    as a new build, each draw advancing the caller's generator alike; appending to one
    copy (a corpus's texts) leaves the next copy as built; another catalogue or seed
    builds its own."""
    forget_pools()
    rng_new, rng_kept = np.random.default_rng(5), np.random.default_rng(5)
    fresh = build_text_pool(CATALOGUE, locale, rng_new, size="small")
    kept = build_text_pool(CATALOGUE, locale, rng_kept, size="small")
    assert kept is not fresh and _same(kept, fresh)
    assert rng_new.random() == rng_kept.random()  # one draw each, as before
    kept.append(["a corpus text"], ContentKind.LIFE, -1, 0, False, False)
    again = build_text_pool(CATALOGUE, locale, np.random.default_rng(5), size="small")
    assert _same(again, fresh) and "a corpus text" not in again.texts
    # the same categories in another order: another catalogue, another pool
    other = dataclasses.replace(CATALOGUE, categories=CATALOGUE.categories[::-1])
    changed = build_text_pool(other, locale, np.random.default_rng(5), size="small")
    assert not _same(changed, fresh)
    forget_pools()
    assert _same(build_text_pool(other, locale, np.random.default_rng(5), size="small"), changed)


def test_a_run_on_a_kept_pool_is_the_run_on_a_new_one() -> None:
    """A second run of the same world (its pool kept from the first) gives every daily
    metric of a run whose pool was built anew."""
    world = parse_scenario(
        "name: tiny\nseed: 4\ndays: 12\npopulation: {accounts: 600}\n", "tiny.yaml"
    )
    forget_pools()
    first = run(world, "keywords", seed=4).metrics
    kept = run(world, "keywords", seed=4).metrics
    assert kept.equals(first)


def test_size_and_buckets_non_empty(pool: tuple[str, TextPool]) -> None:
    locale, p = pool
    assert 5_000 <= len(p) <= 20_000
    sizes = p.bucket_sizes()
    for key in required_buckets():
        k = (int(key[0]), key[1], int(key[2]), key[3])
        assert sizes.get(k, 0) > 0, (locale, key)


def test_texts_distinct_within_bucket(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    for key in p.bucket_sizes():
        ids = p.bucket(*key)
        assert len({p.texts[i] for i in ids}) == len(ids)


def test_sample_vectorised_and_uniform(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    n = 200_000
    kind = np.full(n, ContentKind.OFFER, np.int8)
    cat = np.full(n, 1, np.int8)
    style = np.full(n, EvasionStyle.SPACING, np.int8)
    mention = np.zeros(n, bool)
    ids = p.sample(np.random.default_rng(0), kind, cat, style, mention)
    assert ids.dtype == np.int32 and ids.shape == (n,)
    assert (p.kind[ids] == ContentKind.OFFER).all() and (p.category[ids] == 1).all()
    counts = np.bincount(ids, minlength=len(p))[p.bucket(3, 1, 1, False)]
    expected = n / counts.size
    assert counts.min() > 0.6 * expected and counts.max() < 1.4 * expected


def test_sample_mixed_rows_land_in_their_buckets(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    rng = np.random.default_rng(5)
    keys = required_buckets()
    rows = np.array([keys[i] for i in rng.integers(len(keys), size=5000)], dtype=np.int64)
    ids = p.sample(rng, rows[:, 0], rows[:, 1], rows[:, 2], rows[:, 3].astype(bool))
    assert (p.kind[ids] == rows[:, 0]).all() and (p.category[ids] == rows[:, 1]).all()
    assert (p.style[ids] == rows[:, 2]).all() and (p.mention[ids] == rows[:, 3]).all()


def test_unknown_bucket_raises(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    with pytest.raises(ValueError, match="no texts in bucket kind=LIFE"):
        p.sample(
            np.random.default_rng(0), np.array([0]), np.array([2]), np.array([3]), np.array([False])
        )


def test_append_makes_texts_sampleable(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    p2 = TextPool(list(p.texts), p.kind, p.category, p.style, p.has_image, p.mention)
    ids = p2.append(
        ["real corpus text"], ContentKind.OFFER, 0, EvasionStyle.HOMOGLYPH, False, False
    )
    assert p2.texts[int(ids[0])] == "real corpus text"
    assert int(ids[0]) in set(p2.bucket(3, 0, 2, False).tolist())
    ids = p2.append(["only one"], ContentKind.AD, 3, EvasionStyle.EMOJI, True, False)
    got = p2.sample(
        np.random.default_rng(0), np.full(10, 1), np.full(10, 3), np.full(10, 4), np.zeros(10, bool)
    )
    assert (got == ids[0]).all()


def test_images_at_realistic_rates(pool: tuple[str, TextPool]) -> None:
    _, p = pool
    life = p.kind == ContentKind.LIFE
    assert 0.2 < p.has_image[life].mean() < 0.7
    assert p.has_image[p.style == EvasionStyle.IMAGE_ONLY].all()


def test_zh_texts_are_chinese(pool: tuple[str, TextPool]) -> None:
    locale, p = pool
    if locale != "zh_CN":
        pytest.skip("zh only")
    life = [t for t, k in zip(p.texts, p.kind, strict=True) if k == ContentKind.LIFE and t]
    assert all(CJK.search(t) for t in life)
    offers = [t for t, k in zip(p.texts, p.kind, strict=True) if k == ContentKind.OFFER]
    assert np.mean([bool(CJK.search(t)) for t in offers]) > 0.8


def _all_terms(locale: str, n: Normalizer) -> set[str]:
    return {n(t) for terms in CATALOGUE.terms(locale).values() for t in terms}


def test_contact_and_image_only_name_no_term(pool: tuple[str, TextPool]) -> None:
    locale, p = pool
    n = Normalizer(STEPS, load_tables(locales=locale))
    terms = _all_terms(locale, n)
    hidden = (p.kind == ContentKind.OFFER) & (p.style >= EvasionStyle.CONTACT_ONLY)
    for i in np.flatnonzero(hidden):
        text = n(p.texts[i])
        assert not [t for t in terms if t in text], p.texts[i]


def test_plain_offers_name_their_category_and_life_posts_do_not(pool) -> None:
    locale, p = pool
    n = Normalizer(["nfkc", "casefold"], load_tables(locales=locale))
    per_cat = {i: [n(t) for t in c.terms[locale]] for i, c in enumerate(CATALOGUE)}
    plain = np.flatnonzero((p.kind == ContentKind.OFFER) & (p.style == EvasionStyle.NONE))
    for i in plain:
        assert any(t in n(p.texts[i]) for t in per_cat[int(p.category[i])]), p.texts[i]
    everything = [t for ts in per_cat.values() for t in ts]
    for i in np.flatnonzero((p.kind == ContentKind.LIFE) & ~p.mention):
        assert not [t for t in everything if t in n(p.texts[i])], p.texts[i]
    for i in np.flatnonzero(p.mention & (p.kind == ContentKind.LIFE)):
        assert any(t in n(p.texts[i]) for t in per_cat[int(p.category[i])]), p.texts[i]
