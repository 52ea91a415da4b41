"""The world's mechanisms do what the model says, measured over several seeds.

Each test compares two (or more) runs of the same small world per seed and asserts on the
95% Student-t band of the per-seed differences (or ratios), so that a claim holds beyond
the noise of one run: a crackdown on the feed moves selling to chats and groups; a policy
for personal accounts only is evaded through official accounts, and closing the loophole
cuts harm; deterrence is stronger when peers are seen banned; with limited attention,
removing offers lets other posts be read more; users come back after a cleanup; evasion
skill is learned from one's own removals; spammers enter and leave with what spam pays.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from policy import load_policy, load_policy_text
from simulation import run
from simulation.paths import assets_dir
from simulation.scenario import parse_scenario

SEEDS = (1, 2, 3)
START = 15  # the policies start on day 15; the world runs 60 days
WORLD = parse_scenario("name: small\nseed: 1\ndays: 60\npopulation: {accounts: 2000}\n", "s.yaml")


def band(values) -> tuple[float, float, float]:
    """Mean and 95% Student-t interval of per-seed values."""
    v = np.asarray(values, dtype=float)
    half = stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / np.sqrt(len(v))
    return float(v.mean()), float(v.mean() - half), float(v.mean() + half)


def total(m, prefix: str, first: int = 30, last: int = 60) -> float:
    cols = [prefix] if prefix in m.columns else [c for c in m.columns if c.startswith(prefix + ".")]
    return float(m[cols].iloc[first:last].to_numpy().sum())


def crackdown(scan: str | None = None, kinds: str | None = None):
    """The March-2024 preset from day START, optionally scanning more channels or scoped
    to other account kinds."""
    text = (assets_dir() / "policies" / "crackdown.yaml").read_text(encoding="utf-8")
    assert "account_kind: [personal]" in text
    if scan:
        text = text.replace("start_day: 30\n", f"start_day: 30\nscan: {scan}\n")
    if kinds:
        text = text.replace("account_kind: [personal]", f"account_kind: {kinds}")
    return load_policy_text(text, "crackdown-variant.yaml", start_day=START)


@pytest.fixture(scope="module")
def unmoderated():
    return {s: run(WORLD, "none", seed=s).metrics for s in SEEDS}


@pytest.fixture(scope="module")
def cracked():
    return {s: run(WORLD, crackdown(), seed=s).metrics for s in SEEDS}


def test_a_feed_crackdown_moves_selling_to_chats_and_groups(unmoderated, cracked):
    """The crackdown scans the feed only: feed offers nearly vanish, selling moves to chats
    and groups (most of what is still sold is sold there), so harm (units sold) falls less
    than feed offers."""
    private_gain, feed_drop, harm_drop = [], [], []
    private = ("units_by_channel.chat", "units_by_channel.group")
    for s in SEEDS:
        a, b = unmoderated[s], cracked[s]
        share_a = sum(total(a, c) for c in private) / total(a, "units_sold")
        share_b = sum(total(b, c) for c in private) / total(b, "units_sold")
        private_gain.append(share_b - share_a)
        feed_drop.append(
            1 - total(b, "offers_by_channel.moments") / total(a, "offers_by_channel.moments")
        )
        harm_drop.append(1 - total(b, "units_sold") / total(a, "units_sold"))
    assert band(private_gain)[1] > 0.3, private_gain  # displacement: selling moved
    assert band(feed_drop)[1] > 0.85, feed_drop  # the feed is nearly cleared
    # harm falls less: the share of sales that remains is a multiple of the share of feed
    # offers that remains (on the log scale, where the seeds' spreads are comparable)
    kept = np.log(np.subtract(1, harm_drop) / np.subtract(1, feed_drop))
    assert band(kept)[1] > 0, (feed_drop, harm_drop)
    assert band(harm_drop)[1] > 0.3  # ... though it does fall


def test_a_personal_only_policy_is_evaded_through_official_accounts_until_closed(unmoderated):
    """Scanning every channel, a policy scoped to personal accounts leaves one way out:
    registering an official account. Sellers take it — a large part of what is still sold is
    sold from official accounts, where nothing was before — and scoping the rule to official
    accounts too cuts harm."""
    official_share, closed_cut = [], []
    every = "[moments, chat, group]"
    for s in SEEDS:
        assert total(unmoderated[s], "units_by_account.official") == 0
        loophole = run(WORLD, crackdown(scan=every), seed=s).metrics
        closed = run(WORLD, crackdown(scan=every, kinds="[personal, official]"), seed=s).metrics
        assert total(loophole, "official_registrations", 0, 60) > 0
        official_share.append(
            total(loophole, "units_by_account.official") / total(loophole, "units_sold")
        )
        closed_cut.append(1 - total(closed, "units_sold") / total(loophole, "units_sold"))
    assert band(official_share)[1] > 0.25, official_share
    assert band(closed_cut)[1] > 0, closed_cut


def test_deterrence_is_stronger_when_peers_are_seen_banned():
    """The same crackdown; sellers hear of their peers' bans or not. When they do, fear
    rises, more of them quit, and fewer offers are made (five seeds: the number of offers
    varies much from one world to the next)."""
    exits, offers, fear = [], [], []
    for s in (*SEEDS, 4, 5):
        hidden = run(WORLD.with_changes({"deterrence.ban_visibility": 0.0}), crackdown(), seed=s)
        seen = run(WORLD.with_changes({"deterrence.ban_visibility": 1.0}), crackdown(), seed=s)
        h, v = hidden.metrics, seen.metrics
        exits.append(total(v, "seller_exits", START) - total(h, "seller_exits", START))
        offers.append(1 - total(v, "offers_created") / total(h, "offers_created"))
        fear.append(
            v["seller_fear.tobacco"].iloc[START:].mean()
            - h["seller_fear.tobacco"].iloc[START:].mean()
        )
    assert band(fear)[1] > 0.3, fear
    assert band(exits)[1] > 0, exits
    assert band(offers)[1] > 0, offers


REMOVE_OFFERS = """
version: 1
name: remove every offer at once
start_day: 15
detectors:
  model:
    type: classifier
    recall: {medical: 1.0, tobacco: 1.0, sexual_health: 1.0, aphrodisiac: 1.0}
rules:
  - {name: offers, when: {hit: model}, action: remove}
"""


def test_with_limited_attention_removed_offers_free_room_for_other_posts():
    """Users leave the feed for nothing here (churn off), so only attention links the kinds:
    with a daily cap, removing every offer lets life posts, ads and spam be read more; with
    unlimited attention, life posts are read as much as before."""
    steady = WORLD.with_changes({"churn.daily_prob": 0.0, "churn.dampening": 0.0})
    remove = load_policy_text(REMOVE_OFFERS, "remove-offers.yaml")
    others = ("impressions.life", "impressions.ad", "impressions.spam")
    capped, capped_life, unlimited = [], [], []
    for s in SEEDS:
        for cap in (15.0, 1000.0):
            world = steady.with_changes({"attention.posts_per_day": cap})
            a = run(world, "none", seed=s).metrics
            b = run(world, remove, seed=s).metrics
            life = total(b, "impressions.life", 20) / total(a, "impressions.life", 20)
            if cap > 100:
                unlimited.append(life)
                continue
            capped_life.append(life)
            capped.append(
                sum(total(b, k, 20) for k in others) / sum(total(a, k, 20) for k in others)
            )
    assert band(capped)[1] > 1.02, capped
    assert band(capped_life)[1] > 1.02, capped_life
    mean, lo, hi = band(unlimited)
    assert lo > 0.98 and hi < 1.02, unlimited
    assert band(capped_life)[0] > mean + 0.03


def test_users_come_back_after_a_cleanup():
    """A spammy feed drives users away; zero tolerance from day 25 cleans it, and users
    who left come back (none do without it) while fewer leave."""
    spammy = WORLD.with_changes(
        {
            "population.mix": {
                "regular": 0.85,
                "micro_merchant": 0.05,
                "restricted_seller": 0.05,
                "spammer": 0.05,
            },
            "churn.daily_prob": 0.02,
            "churn.threshold": 0.4,
            "days": 70,
        }
    )
    returned, active = [], []
    for s in SEEDS:
        a = run(spammy, "none", seed=s).metrics
        b = run(spammy, load_policy("zero_tolerance", start_day=25), seed=s).metrics
        assert a["regular_returned"].sum() == 0
        assert b["regular_returned"].iloc[:25].sum() == 0  # nobody came back before it
        returned.append(b["regular_returned"].sum())
        active.append(b["regular_active"].iloc[-1] - a["regular_active"].iloc[-1])
    assert band(returned)[1] > 10, returned
    assert band(active)[1] > 100, active


def test_evasion_is_learned_from_ones_own_removals(unmoderated):
    """Under a keyword filter that normalises nothing, obfuscation grows with the evasion
    learning rate: hardly at all when sellers learn nothing from their removals."""
    policy = load_policy("keywords", start_day=START)
    share = {}
    for learn in (0.0, 0.5):
        world = WORLD.with_changes({"sellers.evasion_learn": learn})
        share[learn] = [
            run(world, policy, seed=s).metrics["obfuscated_share"].iloc[40:].mean() for s in SEEDS
        ]
    assert band(share[0.0])[2] < 0.12, share
    assert band(np.subtract(share[0.5], share[0.0]))[1] > 0.2, share


SPAM_RULE = """
version: 1
name: remove spam
start_day: 15
detectors:
  model: {type: classifier, recall: {spam: 0.9}}
rules:
  - {name: spam, when: {hit: model}, action: remove, strikes: 1}
enforcement:
  strikes:
    window_days: 30
    ladder: [{at: 3, action: restrict, days: 3}]
"""


def test_spammers_leave_and_stop_coming_when_spam_stops_paying(unmoderated):
    """Removing spam makes it pay less and cost more: spammers quit (none quit when it pays)
    and fewer new ones come."""
    policy = load_policy_text(SPAM_RULE, "spam-rule.yaml")
    exits, entries = [], []
    for s in SEEDS:
        a = unmoderated[s]
        b = run(WORLD, policy, seed=s).metrics
        assert a["spammer_exits"].sum() == 0
        exits.append(total(b, "spammer_exits", START))
        entries.append(total(a, "spammer_entries", START) - total(b, "spammer_entries", START))
    assert band(exits)[1] > 5, exits
    assert band(entries)[0] > 0, entries
