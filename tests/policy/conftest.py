"""Every policy test starts with no findings kept from earlier tests of the process
(``policy.detectors.memo``): a test that spies on what a detector reads, or patches it,
sees its own reads, and leaves nothing patched behind for the next."""

from __future__ import annotations

import pytest

from policy.detectors import memo


@pytest.fixture(autouse=True)
def _no_kept_findings():
    memo.forget()
    yield
    memo.forget()
