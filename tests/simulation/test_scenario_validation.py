"""Scenario errors name the file, the line and the field, and say what is wrong."""

from __future__ import annotations

import pytest

from policy.errors import LocatedError
from simulation.scenario import load_scenario, parse_scenario, preset_names


def _error(text: str) -> LocatedError:
    with pytest.raises(LocatedError) as info:
        parse_scenario(text, "bad.yaml")
    return info.value


def test_presets_load():
    names = preset_names()
    assert {"demo", "classroom", "large"} <= set(names)
    for name in names:
        scenario = load_scenario(name)
        assert scenario.days > 0
    assert load_scenario("demo").population.accounts == 10_000
    assert load_scenario("large").population.accounts == 100_000
    assert load_scenario("large").days == 365


def test_unknown_field_has_line_and_suggestion():
    err = _error("name: x\npopulation:\n  acounts: 100\n")
    (p,) = err.problems
    assert (p.file, p.line, p.column, p.field) == ("bad.yaml", 3, 3, "population.acounts")
    assert "did you mean 'accounts'" in p.message
    assert str(p).startswith("bad.yaml:3:3: population.acounts:")


def test_wrong_type_names_value_line():
    err = _error("days: many\n")
    (p,) = err.problems
    assert p.line == 1 and p.field == "days"
    assert "integer" in p.message and "'many'" in p.message


def test_out_of_range_value():
    err = _error("name: x\nexposure:\n  feed_depth: -2\n")
    (p,) = err.problems
    assert (p.line, p.field) == (3, "exposure.feed_depth")
    assert "greater than 0" in p.message


def test_mix_must_sum_to_one():
    err = _error(
        "population:\n  mix: {regular: 0.5, micro_merchant: 0.1, restricted_seller: 0.1,"
        " spammer: 0.1}\n"
    )
    (p,) = err.problems
    assert p.field == "population.mix" and p.line == 2
    assert "add up to 1" in p.message


def test_a_mix_without_regular_users_is_an_error_at_regular():
    err = _error(
        "population:\n  mix:\n    micro_merchant: 0.5\n    regular: 0\n"
        "    restricted_seller: 0.3\n    spammer: 0.2\n"
    )
    (p,) = err.problems
    assert (p.field, p.line, p.column) == ("population.mix.regular", 4, 14)
    assert "some regular users" in p.message


def test_unknown_category_in_event():
    err = _error("events:\n  - day: 3\n    announce: {risk_multiplier: 2, categories: [guns]}\n")
    (p,) = err.problems
    assert p.field == "events[0].announce.categories[0]" and (p.line, p.column) == (3, 49)
    assert "unknown category 'guns'" in p.message


def test_event_set_must_name_a_real_parameter():
    err = _error("events:\n  - day: 3\n    set: {posting.sellers_per_day: 2}\n")
    assert "unknown scenario parameter 'posting.sellers_per_day'" in err.problems[0].message


def test_several_problems_are_reported_together():
    err = _error("days: 0\nlocale: fr_FR\n")
    fields = {p.field for p in err.problems}
    assert fields == {"days", "locale"}


def test_bad_yaml_reports_position():
    err = _error("name: [unclosed\n")
    assert err.problems[0].line >= 1
    assert "invalid YAML" in err.problems[0].message


def test_missing_file_is_named(tmp_path):
    with pytest.raises(LocatedError) as info:
        load_scenario(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(info.value)


def test_with_changes_validates():
    scenario = load_scenario("classroom")
    assert scenario.with_changes({"posting.seller_per_day": 5}).posting.seller_per_day == 5
    with pytest.raises(KeyError):
        scenario.with_changes({"posting.nope": 1})
    with pytest.raises(ValueError):
        scenario.with_changes({"posting.seller_per_day": -1})
