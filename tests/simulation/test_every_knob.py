"""Every knob has an effect: each scenario parameter and each catalogue field, moved from
its default to the far end of its range, changes the outputs of a small world where every
mechanism is at work (a crackdown on personal accounts in the feed and chats, reports
from groups, review slower than a day, appeals, device and account-age checks, an ad rate
limit, users leaving and coming back). A parameter that leaves the table as it is is dead:
give it an effect or remove it. (The far end is the one further from the default, relative
to the range; every run is compared with one run at the defaults, to keep the test fast.)

The output compared is the daily metrics table, except for the two parameters that only
decide what is stored (``engine.watched_users``, ``engine.post_sample_per_day``), whose
output is the stored post sample and feeds.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

import numpy as np
import pandas as pd
import pytest
from pydantic import BaseModel

from policy import load_policy_text
from simulation.catalogue import load_catalogue
from simulation.scenario import Scenario, controls, get_dotted, parse_scenario
from simulation.world.content.pool import build_text_pool
from simulation.world.engine import Simulation

# Inputs rather than knobs: a corpus file's columns and shares (tests/corpus covers how a
# corpus mixes in), scheduled events (each event kind has its own test), names.
NOT_KNOBS = {"name", "description", "events", "corpus"}
STORAGE = {"engine.watched_users", "engine.post_sample_per_day"}

WORLD = """
name: every-knob
seed: 4
days: 22
population:
  accounts: 450
  mix: {regular: 0.8, micro_merchant: 0.06, restricted_seller: 0.09, spammer: 0.05}
graph: {mean_friends: 16, customers_per_seller: 40}
churn: {threshold: 0.4, daily_prob: 0.04}
users: {prospects: 0.2, join_prob: 0.02, return_prob: 0.1, return_threshold: 0.45}
sellers: {evasion_learn: 0.5, reconsider_prob: 0.3}
business: {registration_cost: 60}   # cheap enough that sellers try the loophole
engine: {watched_users: 3, post_sample_per_day: 20}
events:
  - day: 3
    announce: {risk_multiplier: 2.0}
"""

POLICY = """
version: 1
name: every mechanism
start_day: 2
scan: [moments, chat]   # groups are seen through reports only
detectors:
  terms:
    type: keywords
    normalize: [casefold]   # cheap: the policy is not what is tested here
    terms_from: catalogue
  model:
    type: classifier
    recall: {spam: 0.8}
    false_positive_rate: {life: 0.002}
  reported:
    type: user_reports
    min_reports: 1
    window_days: 3
  device:
    type: device_match
    detection_probability: 0.8
  ad_words:
    type: keywords
    terms: {ad: [dm me, in stock, orders, each, flash sale, 包邮, 私聊, 秒杀, 代购]}
rules:
  - name: device-new-account
    when: {all: [{hit: device}, {account_age_days: {lt: 30}}]}
    action: ban
    priority: 10
  - name: restricted-personal
    when: {hit: terms}
    scope: {account_kind: [personal]}
    action: remove
    strikes: 1
  - name: spam-model
    when: {hit: model}
    action: review
    strikes: 1
  - name: reported-in-private
    when: {hit: reported}
    scope: {channels: [chat, group], stages: [report]}
    action: remove
    strikes: 1
  - name: ad-rate-limit
    when: {all: [{hit: ad_words}, {posts_today: {gt: 1}}]}
    scope: {account_kind: [personal]}
    action: downrank
    factor: 0.3
enforcement:
  strikes:
    window_days: 60
    ladder:
      - {at: 1, action: warn}
      - {at: 2, action: restrict, days: 2}
      - {at: 3, action: ban}
  review: {capacity_per_day: 40, delay_hours: 30, accuracy: 0.9}
  appeals: {share_appealed: 0.5, overturn_probability: 0.6, delay_days: 2}
"""

BASE = parse_scenario(WORLD, "every-knob.yaml")
# Ranges narrowed so that the test stays fast (the slider's top is a 200,000-account world).
FAST = {"population.accounts": (200, 900), "days": (10, 30)}
SLIDERS = dict(controls())


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    lo = hi = None
    for m in metadata:
        if hasattr(m, "ge"):
            lo = m.ge
        elif hasattr(m, "gt"):
            lo = m.gt + (1e-3 if isinstance(m.gt, float) else 1)
        elif hasattr(m, "le"):
            hi = m.le
        elif hasattr(m, "lt"):
            hi = m.lt - 1e-3
    return lo, hi


def _ends(key: str, default: Any, metadata: list[Any], annotation: Any) -> tuple[Any, Any]:
    """The two ends of a parameter's range: its slider's, else its validation bounds
    (an unbounded top end is taken as a few times the default)."""
    if key in FAST:
        lo, hi = FAST[key]
    elif key in SLIDERS:
        c = SLIDERS[key]
        lo, hi = c.lo, c.hi
    else:
        lo, hi = _bounds(metadata)
        lo = 0 if lo is None else lo
        hi = max(3 * default, lo + 2) if hi is None else min(hi, max(10 * default, lo + 2))
    if annotation is int or isinstance(default, int):
        return int(np.ceil(lo)), int(hi)
    return float(lo), float(hi)


def knobs(model: type[BaseModel] = Scenario, instance: Any = None, prefix: str = ""):
    """(dotted key, low end, high end) for every scenario parameter; dict parameters per key."""
    instance = Scenario() if instance is None else instance
    for name, info in model.model_fields.items():
        key = f"{prefix}{name}"
        if not prefix and name in NOT_KNOBS:
            continue
        value = getattr(instance, name)
        if isinstance(value, BaseModel):
            yield from knobs(type(value), value, key + ".")
        elif key == "locale":
            yield key, "en_US", "zh_CN"
        elif key == "population.seller_categories":
            yield key, {"medical": 1.0}, {"aphrodisiac": 1.0}
        elif key.startswith("population.mix."):
            continue  # the shares add up to 1: swept together below
        elif isinstance(value, dict):
            value_type = typing.get_args(info.annotation)[1]
            meta = [m for a in typing.get_args(value_type)[1:] for m in getattr(a, "metadata", [])]
            for k, v in value.items():
                yield (f"{key}.{k}", *_ends(f"{key}.{k}", v, meta, float))
        else:
            yield key, *_ends(key, value, info.metadata, info.annotation)
    if not prefix:
        yield "population.mix", "commerce-light", "commerce-heavy"


MIXES = {
    "commerce-light": {
        "regular": 0.9,
        "micro_merchant": 0.03,
        "restricted_seller": 0.05,
        "spammer": 0.02,
    },
    "commerce-heavy": {
        "regular": 0.7,
        "micro_merchant": 0.1,
        "restricted_seller": 0.12,
        "spammer": 0.08,
    },
}
KNOBS = list(knobs())


def _set(scenario: Scenario, key: str, value: Any) -> Scenario:
    if key == "population.mix":
        return scenario.with_changes({key: MIXES[value]})
    parts = key.split(".")
    parent = ".".join(parts[:-1])
    if parent and isinstance(get_dotted(scenario, parent), dict):
        return scenario.with_changes({parent: {**get_dotted(scenario, parent), parts[-1]: value}})
    return scenario.with_changes({key: value})


@pytest.fixture(scope="module")
def policy():
    return load_policy_text(POLICY, "every-mechanism.yaml")


@pytest.fixture(scope="module")
def pools():
    return {
        loc: build_text_pool(CATALOGUE, loc, np.random.default_rng(0)) for loc in ("en_US", "zh_CN")
    }


CATALOGUE = load_catalogue()


def _output(scenario: Scenario, policy, pools, key: str, catalogue=None) -> pd.DataFrame:
    catalogue = CATALOGUE if catalogue is None else catalogue
    sim = Simulation(scenario, policy, catalogue=catalogue, pool=pools[scenario.locale])
    sim.run()
    sim.finish()
    if key in STORAGE:
        w = sim.world
        ids, views = w.samples.array("post_id"), w.samples.array("views")
        stored = list(zip(ids.tolist(), views.tolist(), strict=True))
        return pd.DataFrame(stored + [(viewer, post) for viewer, _day, post in w.feed_rows])
    return sim.metrics_frame()


def test_the_knob_list_covers_every_parameter():
    keys = {k for k, _lo, _hi in KNOBS}
    assert "sellers.evasion_learn" in keys and "exposure.report_prob.offer" in keys
    assert "channels.conversion_factor.chat" in keys and "users.return_prob" in keys
    assert "deterrence.ban_visibility" in keys and "business.registration_cost" in keys
    assert len(keys) > 90
    for key, lo, hi in KNOBS:
        assert lo != hi, key


def _value(scenario: Scenario, key: str) -> Any:
    parent, _, last = key.rpartition(".")
    node = get_dotted(scenario, parent) if parent else scenario
    return node[last] if isinstance(node, dict) else getattr(node, last)


def _ends_in_order(key: str, lo: Any, hi: Any) -> tuple[Any, Any]:
    """Both ends, the one further from the knob world's value first."""
    if key in ("population.mix", "population.seller_categories", "locale"):
        return hi, lo
    value = _value(BASE, key)
    return (hi, lo) if (hi - value) >= (value - lo) else (lo, hi)


@pytest.fixture(scope="module")
def base_outputs(policy, pools):
    return {
        "metrics": _output(BASE, policy, pools, "metrics"),
        "storage": _output(BASE, policy, pools, "engine.watched_users"),
    }


@pytest.mark.parametrize(("key", "lo", "hi"), KNOBS, ids=[k for k, _a, _b in KNOBS])
def test_every_scenario_parameter_changes_the_outputs(key, lo, hi, policy, pools, base_outputs):
    """The far end first; the near end only if the far one changed nothing (a long retention
    window, say, changes nothing in a short run, a short one does)."""
    base = base_outputs["storage" if key in STORAGE else "metrics"]
    tried = []
    for end in _ends_in_order(key, lo, hi):
        tried.append(end)
        if not _output(_set(BASE, key, end), policy, pools, key).equals(base):
            return
    pytest.fail(f"{key}: {tried[0]} and {tried[1]} both give the outputs of {_value(BASE, key)}")


CATALOGUE_FIELDS = (("demand", 0.1, 3.0), ("margin", 5.0, 300.0), ("risk", 0.0, 1.0))
CATALOGUE_FIELDS += (("conversion", 0.2, 20.0),)


@pytest.mark.parametrize(("field", "lo", "hi"), CATALOGUE_FIELDS, ids=lambda v: str(v))
def test_every_catalogue_field_changes_the_outputs(field, lo, hi, policy, pools):
    base = CATALOGUE

    def with_value(value: float):
        cats = tuple(dataclasses.replace(c, **{field: value}) for c in base.categories)
        return dataclasses.replace(base, categories=cats)

    low = _output(BASE, policy, pools, field, with_value(lo))  # texts do not depend on
    high = _output(BASE, policy, pools, field, with_value(hi))  # these fields: pool reused
    assert not low.equals(high), f"catalogue {field}: {lo} and {hi} give the same metrics"
    # (each category's own value differs: the two ends are compared with each other)
