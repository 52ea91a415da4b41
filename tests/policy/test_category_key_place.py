"""An unknown category used as a key (``terms:``, ``recall:``, ``terms_file:``) is named
at the key, where the misspelling is, not at the value list after it."""

from __future__ import annotations

import pytest

from policy import load_policy_text
from policy.errors import LocatedError

POLICY = """version: 1
name: t
detectors:
  kw:
    type: keywords
    terms:
      medcal: [pills]
    terms_file:
      tobaco: terms.txt
  clf:
    type: classifier
    recall: {aphrodisiak: 0.5}
rules:
  - {name: r, when: {hit: kw}, action: remove}
  - {name: r2, when: {hit: clf}, action: remove}
"""


def test_unknown_category_keys_are_named_at_the_key(tmp_path):
    with pytest.raises(LocatedError) as caught:
        load_policy_text(POLICY, str(tmp_path / "p.yaml"), base_dir=tmp_path)
    places = sorted((p.line, p.column, p.field) for p in caught.value.problems)
    assert places == [
        (7, 7, "detectors.kw.terms.medcal"),
        (9, 7, "detectors.kw.terms_file.tobaco"),
        (12, 14, "detectors.clf.recall.aphrodisiak"),
    ]
