"""Every shipped preset on real innocent text, through ``circlelab policy evaluate``.

Bounds (the goal the presets were tuned to): at most 0.3% of the Chinese reviews and at
most 0.2% of the SMS ham actioned. The figures themselves are in the README, printed by
``scripts/text_matching_table.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from simulation.cli.main import app

PRESETS = Path(__file__).resolve().parents[2] / "assets" / "policies"
NAMES = sorted(p.stem for p in PRESETS.glob("*.yaml") if not p.name.endswith(".cases.yaml"))


def evaluate(name: str, corpus: Path) -> dict:
    res = CliRunner().invoke(app, ["policy", "evaluate", name, "--corpus", str(corpus), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


@pytest.mark.parametrize("name", NAMES)
def test_each_preset_actions_at_most_0_3_percent_of_the_chinese_reviews(name, zh_reviews):
    ev = evaluate(name, zh_reviews)
    assert ev["negatives"] == 4291 and ev["positives"] == 0
    assert ev["overall"]["fp"] / ev["negatives"] <= 0.003, ev["wrongly_hit"]


@pytest.mark.parametrize("name", NAMES)
def test_each_preset_actions_at_most_0_2_percent_of_the_sms_ham(name, sms_corpus):
    ev = evaluate(name, sms_corpus)
    assert ev["negatives"] == 4827
    assert ev["overall"]["fp"] / ev["negatives"] <= 0.002, ev["wrongly_hit"]
