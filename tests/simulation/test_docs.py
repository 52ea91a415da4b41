"""docs/model.md states the parameters and metrics the engine really uses."""

from simulation.metrics import METRICS
from simulation.model_docs import MODEL_PAGE, parameter_table, render


def test_model_page_is_up_to_date():
    text = MODEL_PAGE.read_text(encoding="utf-8")
    assert render(text) == text, "run `python -m simulation.model_docs` to refresh docs/model.md"


def test_every_parameter_has_a_meaning_and_every_metric_is_documented():
    rows = parameter_table().splitlines()[2:]
    assert len(rows) > 40
    for row in rows:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[3], f"{cells[0]} has no description"
        assert cells[4], f"{cells[0]} has no source (a reference, 'assumed' or 'run setting')"
    text = MODEL_PAGE.read_text(encoding="utf-8")
    for metric in METRICS:
        assert f"`{metric.name}`" in text
