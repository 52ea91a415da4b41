"""The corpora ship with the project (``assets/corpora``, README there: sources, licences)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPORA = REPO / "assets" / "corpora"
CORPUS = CORPORA / "sms-spam-collection.tsv"
ZH_REVIEWS = CORPORA / "zh-reviews.tsv"


@pytest.fixture(scope="session")
def sms_corpus() -> Path:
    assert CORPUS.is_file(), f"the SMS Spam Collection ships at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def zh_reviews() -> Path:
    assert ZH_REVIEWS.is_file(), f"the Chinese reviews ship at {ZH_REVIEWS}"
    return ZH_REVIEWS
