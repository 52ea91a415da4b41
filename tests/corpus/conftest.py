"""The shipped corpus lives beside the repository (``../shared/corpora``), as in CI."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpora" / "sms-spam-collection.tsv"


@pytest.fixture(scope="session")
def sms_corpus() -> Path:
    if not CORPUS.is_file():
        pytest.skip(
            f"the SMS Spam Collection is not at {CORPUS} (CI puts shared/ beside the repository)"
        )
    return CORPUS
