"""The golden runs' daily outputs are bit-identical to the pinned hashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.golden.cases import CASES, run_case

PINNED = json.loads(Path(__file__).with_name("hashes.json").read_text(encoding="utf-8"))


def test_every_case_is_pinned():
    assert sorted(PINNED) == sorted(c.name for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_outputs_match_the_pinned_hashes(case):
    got = run_case(case)
    assert got == PINNED[case.name], (
        f"{case.name}: daily outputs changed. If the change means to alter the model or a "
        "metric, re-pin with `python -m tests.golden.update`, bump MODEL_VERSION in "
        "simulation/model_version.py and say why in the commit."
    )
