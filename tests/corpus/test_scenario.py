"""The corpus-fed scenario: real texts in the feed, the requested share, deterministic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import policy
import simulation
from policy.corpus import CorpusError
from policy.interface import ContentKind
from simulation.scenario import CorpusText, load_scenario
from simulation.world.content.corpus_mix import CORPUS_STYLE, add_corpus_texts
from simulation.world.engine import Simulation


def test_corpus_demo_is_deterministic_per_seed(sms_corpus):
    a = simulation.run("corpus_demo", "spam", days=10, seed=1)
    b = simulation.run("corpus_demo", "spam", days=10, seed=1)
    pd.testing.assert_frame_equal(a.metrics, b.metrics)
    pd.testing.assert_frame_equal(a.rules, b.rules)
    c = simulation.run("corpus_demo", "spam", days=10, seed=2)
    assert not a.metrics.equals(c.metrics)


def test_corpus_texts_reach_the_feed_in_the_requested_share(sms_corpus):
    scen = load_scenario("corpus_demo").model_copy(update={"days": 3})
    sim = Simulation(scen, policy.load_policy("spam"), seed=3)
    ids = sim.world.corpus_buckets.ids
    assert sim.world.corpus_buckets.counts() == {"life": 4518, "spam": 653}  # distinct texts
    assert (sim.world.pool.style[ids[ContentKind.SPAM]] == CORPUS_STYLE).all()
    got = {ContentKind.LIFE: [0, 0], ContentKind.SPAM: [0, 0]}
    for _ in range(3):
        first = sim.world.posts.base + sim.world.posts.n
        sim.step()
        rows = slice(first - sim.world.posts.base, None)
        kind, text = sim.world.posts.column("kind")[rows], sim.world.posts.column("text")[rows]
        for k in got:
            got[k][0] += int((kind == k).sum())
            got[k][1] += int(np.isin(text[kind == k], ids[k]).sum())
    for k, share in ((ContentKind.LIFE, 0.25), (ContentKind.SPAM, 0.5)):
        n, hits = got[k]
        assert abs(hits / n - share) < 4 * np.sqrt(share * (1 - share) / n) + 0.01


def test_a_bad_corpus_is_a_located_error(tmp_path):
    bad = tmp_path / "c.tsv"
    bad.write_text("Label\tSMS\nham\thi\njunk\tx\n", encoding="utf-8")
    pool = simulation.world.content.pool.build_text_pool(
        simulation.world.content.pool.load_catalogue(), "en_US", np.random.default_rng(0), "small"
    )
    with pytest.raises(CorpusError, match="row 2"):
        add_corpus_texts(pool, CorpusText(path=str(bad)), np.random.default_rng(0))
    no_spam = CorpusText(path=str(bad), map={"ham": "life", "junk": "ignore"})
    with pytest.raises(ValueError, match=r"share\.spam"):
        add_corpus_texts(pool, no_spam, np.random.default_rng(0))
