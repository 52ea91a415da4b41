"""The golden runs' daily outputs are bit-identical to the pinned hashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulation.model_version import MODEL_VERSION
from tests.golden.cases import CASES, run_case
from tests.golden.update import digest, pinned_version

PINNED = json.loads(Path(__file__).with_name("hashes.json").read_text(encoding="utf-8"))


def test_every_case_is_pinned():
    assert sorted(PINNED) == sorted(c.name for c in CASES)


def test_the_hashes_are_pinned_under_this_model_version():
    """New hashes come with a new MODEL_VERSION (stored runs record it, and a resumed
    sweep never mixes runs of two versions): ``version.json`` holds the version the
    hashes were pinned under and a digest of them, written by ``tests.golden.update``."""
    record = pinned_version()
    text = Path(__file__).with_name("hashes.json").read_text(encoding="utf-8")
    assert record["hashes_sha256"] == digest(text), (
        "hashes.json changed without tests/golden/version.json: re-pin with "
        "`python -m tests.golden.update` (which asks for a new MODEL_VERSION)"
    )
    assert record["model_version"] == MODEL_VERSION, (
        f"MODEL_VERSION is {MODEL_VERSION} but the golden hashes were pinned under "
        f"{record['model_version']}: re-pin with `python -m tests.golden.update`"
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_outputs_match_the_pinned_hashes(case):
    got = run_case(case)
    assert got == PINNED[case.name], (
        f"{case.name}: daily outputs changed. If the change means to alter the model or a "
        "metric, re-pin with `python -m tests.golden.update`, bump MODEL_VERSION in "
        "simulation/model_version.py and say why in the commit."
    )


def test_re_pinning_new_outputs_asks_for_a_new_model_version(tmp_path, monkeypatch, capsys):
    from tests.golden import update

    hashes, version = tmp_path / "hashes.json", tmp_path / "version.json"
    monkeypatch.setattr(update, "HASHES", hashes)
    monkeypatch.setattr(update, "VERSION", version)
    monkeypatch.setattr(update, "CASES", CASES[:1])
    monkeypatch.setattr(update, "run_case", lambda case: {"metrics": "a"})
    assert update.main() == 0  # first pinning
    assert update.main() == 0  # the same outputs again: nothing to bump
    monkeypatch.setattr(update, "run_case", lambda case: {"metrics": "b"})
    before = hashes.read_text(encoding="utf-8")
    assert update.main() == 1  # changed outputs, same version: refused, nothing written
    assert "bump it in simulation/model_version.py" in capsys.readouterr().err
    assert hashes.read_text(encoding="utf-8") == before
    monkeypatch.setattr(update, "MODEL_VERSION", MODEL_VERSION + 1)
    assert update.main() == 0
    assert update.pinned_version()["model_version"] == MODEL_VERSION + 1
