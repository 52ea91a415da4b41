"""A key written without its ':' is named on its own line: 'rules' alone on line 6 was
reported on line 7 as the field detectors.model[0].name, which the file does not have."""

from __future__ import annotations

import pytest

from policy import load_policy
from policy.errors import LocatedError

TEXT = """version: 1
name: t
detectors:
  model:
    type: classifier
rules
  - name: r
    when: {hit: model}
    action: remove
"""


def test_the_key_without_a_colon_is_named_where_it_is(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(LocatedError) as caught:
        load_policy(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (6, 1)
    assert "could not find expected ':'" in problem.message
    assert "detectors.model" not in problem.field
