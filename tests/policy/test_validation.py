"""Broken policy files: every error names file, line, column and field."""

from __future__ import annotations

import pytest

import policy
from policy import PolicyError, load_policy_text


def issues_of(text: str) -> list[policy.Issue]:
    with pytest.raises(PolicyError) as info:
        load_policy_text(text, "p.yaml")
    return info.value.issues


def one(text: str) -> policy.Issue:
    (issue,) = issues_of(text)
    return issue


KW = """\
name: t
detectors:
  kw:
    type: keywords
    terms:
      tobacco: [vape]
rules:
  - name: r
    when: {hit: kw}
    action: remove
"""


def test_valid_base_loads():
    assert load_policy_text(KW).rule_names == ("r",)


def test_bad_yaml_has_line_and_column():
    i = one("name: t\nrules: [\n  - a\n")
    assert (i.file, i.line) == ("p.yaml", 3) and i.column >= 1
    assert "invalid YAML" in i.message


def test_a_tab_in_the_indentation_names_the_field_of_its_line_and_says_tab():
    # the first item under "rules:": its key, in the item it opens
    i = one("name: t\nrules:\n\t- name: r\n    action: remove\n")
    assert (i.line, i.column, i.field) == (3, 1, "rules[0].name")
    assert "invalid YAML" in i.message and "a tab: YAML indents with spaces" in i.message


def test_unknown_key_with_suggestion_points_at_key():
    i = one(KW.replace("    action: remove", "    actoin: remove\n    action: remove"))
    assert (i.line, i.column) == (10, 5)
    assert i.field == "rules[0].actoin"
    assert "did you mean 'action'?" in i.message
    assert str(i).startswith("p.yaml:10:5: rules[0].actoin: unknown key 'actoin'")


def test_unknown_top_level_key():
    i = one("name: t\nrule: []\n")
    assert (i.line, i.column, i.field) == (2, 1, "rule")
    assert "did you mean 'rules'?" in i.message


def test_wrong_type_points_at_value():
    i = one(KW.replace("    action: remove", "    action: remove\n    strikes: lots"))
    assert (i.line, i.column, i.field) == (11, 14, "rules[0].strikes")
    assert "number" in i.message and "'lots'" in i.message


def test_bad_action_value():
    i = one(KW.replace("action: remove", "action: delete"))
    assert (i.line, i.column, i.field) == (10, 13, "rules[0].action")
    assert "'allow'" in i.message


def test_bad_re2_pattern_reports_re2_message_at_pattern():
    text = """\
name: t
detectors:
  contact:
    type: regex
    patterns:
      wechat: 'wx(:[a-z]+'
rules: []
"""
    i = one(text)
    assert (i.line, i.column) == (6, 15)
    assert i.field == "detectors.contact.patterns.wechat"
    assert "RE2" in i.message and "missing )" in i.message


def test_backreference_is_rejected_by_re2():
    text = "name: t\ndetectors:\n  d:\n    type: regex\n    patterns: {p: '(a)\\1'}\n"
    i = one(text)
    assert i.line == 5 and "RE2" in i.message


def test_unknown_category_with_suggestion():
    i = one(KW.replace("tobacco: [vape]", "tobaco: [vape]"))
    assert (i.line, i.column, i.field) == (6, 7, "detectors.kw.terms.tobaco")  # at the key
    assert "unknown category 'tobaco'" in i.message and "did you mean 'tobacco'?" in i.message


def test_unknown_category_in_scope():
    scoped = "    action: remove\n    scope: {categories: [medicl]}"
    i = one(KW.replace("    action: remove", scoped))
    assert i.line == 11 and i.column == 26
    assert "did you mean 'medical'?" in i.message


def test_negative_capacity():
    text = KW + "enforcement:\n  review:\n    capacity_per_day: -5\n"
    i = one(text)
    assert (i.line, i.column, i.field) == (13, 23, "enforcement.review.capacity_per_day")
    assert "greater than or equal to 0" in i.message


def test_unknown_detector_type_suggests():
    i = one(KW.replace("type: keywords", "type: keyword"))
    assert (i.line, i.column) == (4, 11)
    assert "did you mean 'keywords'?" in i.message


def test_unknown_detector_in_condition():
    i = one(KW.replace("when: {hit: kw}", "when: {hit: kws}"))
    assert i.line == 9 and "unknown detector 'kws'" in i.message
    assert "did you mean 'kw'?" in i.message


def test_unknown_signal_in_condition():
    i = one(KW.replace("when: {hit: kw}", "when: {all: [{hit: kw}, {frends: {lt: 3}}]}"))
    assert i.line == 9 and i.field.startswith("rules[0].when.all[1]")
    assert "did you mean 'friends'?" in i.message


def test_bad_comparison_operator():
    i = one(KW.replace("when: {hit: kw}", "when: {friends: {lessthan: 3}}"))
    assert "unknown operator 'lessthan'" in i.message


def test_unknown_normalisation_step():
    i = one(KW.replace("type: keywords", "type: keywords\n    normalize: [casefold, confusable]"))
    assert (i.line, i.column) == (5, 27)
    assert "did you mean 'confusables'?" in i.message


def test_restrict_step_needs_days():
    text = KW + "enforcement:\n  strikes:\n    ladder:\n      - {at: 2, action: restrict}\n"
    i = one(text)
    assert i.line == 14 and "days" in i.message


@pytest.mark.parametrize(
    ("steps", "words"),
    [
        # written top down: the binary search over [3, 1] never crossed the ban: no one banned
        (["{at: 3, action: ban}", "{at: 1, action: warn}"], "step 2 (warn at 1) follows step 1"),
        # two steps at one count: one of them never acted
        (["{at: 3, action: warn}", "{at: 3, action: ban}"], "step 2 (ban at 3) follows step 1"),
    ],
)
def test_ladder_steps_must_go_up_in_strikes(steps, words):
    ladder = "".join(f"      - {s}\n" for s in steps)
    i = one(KW + "enforcement:\n  strikes:\n    ladder:\n" + ladder)
    # at the offending step's `at` (the second step, line 15), not the ladder's first line
    assert (i.field, i.line, i.column) == ("enforcement.strikes.ladder[1].at", 15, 14)
    assert words in i.message and "must go up in strikes" in i.message
    ok = "      - {at: 1, action: warn}\n      - {at: 1.5, action: ban}\n"
    load_policy_text(KW + "enforcement:\n  strikes:\n    ladder:\n" + ok, "p.yaml")  # fine


def test_every_step_out_of_order_is_an_error_at_its_own_line():
    ladder = (
        "      - {at: 1, action: warn}\n"
        "      - {at: 3, action: ban}\n"
        "      - action: restrict\n"
        "        days: 7\n"
        "        at: 2\n"
        "      - {action: warn, at: 2}\n"
    )
    with pytest.raises(PolicyError) as e:
        load_policy_text(KW + "enforcement:\n  strikes:\n    ladder:\n" + ladder, "p.yaml")
    got = [(i.file, i.line, i.column, i.field) for i in e.value.issues]
    assert got == [
        ("p.yaml", 18, 13, "enforcement.strikes.ladder[2].at"),
        ("p.yaml", 19, 28, "enforcement.strikes.ladder[3].at"),
    ]
    first, second = (i.message for i in e.value.issues)
    assert "step 3 (restrict at 2) follows step 2 (ban at 3)" in first
    assert "step 4 (warn at 2) follows step 3 (restrict at 2)" in second
    assert not first.endswith(", got 2.0")  # the message names the values itself


def test_duplicate_rule_names_and_keys():
    text = KW + "  - name: r\n    action: allow\n"
    i = one(text)
    assert (i.line, i.field) == (11, "rules[1].name") and "duplicate rule name" in i.message
    i = one("name: t\nname: u\n")
    assert (i.line, i.column) == (2, 1) and "duplicate key" in i.message


def test_several_errors_reported_together():
    text = KW.replace("type: keywords", "type: keywords\n    mode: fuzzy").replace(
        "action: remove", "action: remove\n    strikes: -1"
    )
    issues = issues_of(text)
    assert [(i.line, i.field) for i in issues] == [
        (5, "detectors.kw.mode"),
        (12, "rules[0].strikes"),
    ]


def test_yaml_tags_are_never_executed():
    i = one("name: !!python/object/apply:os.system ['echo hacked']\n")
    assert "not allowed" in i.message and i.line == 1


def test_missing_required_key_names_it():
    i = one("description: no name\n")
    assert i.field == "name" and "missing required key 'name'" in i.message


def test_unknown_rule_in_schedule():
    text = KW + "schedule:\n  - {from_day: 0, rules: none}\n  - {from_day: 10, rules: [rr]}\n"
    i = one(text)
    assert i.line == 13 and "unknown rule 'rr'" in i.message


def test_error_str_is_compiler_like():
    with pytest.raises(PolicyError) as info:
        load_policy_text("name: t\nrule: []\n", "my.yaml")
    assert str(info.value).splitlines()[0].startswith("my.yaml:2:1: rule: unknown key 'rule'")


def test_missing_file_and_preset_suggestion(tmp_path):
    with pytest.raises(PolicyError) as info:
        policy.load_policy("crackdwn")
    assert "did you mean 'crackdown'?" in str(info.value)
    f = tmp_path / "x.yaml"
    f.write_text("name: t\nrules: [{name: a, action: nuke}]\n")
    with pytest.raises(PolicyError) as info:
        policy.load_policy(f)
    assert info.value.issues[0].file == str(f)


def test_an_unclosed_bracket_is_reported_where_it_opens():
    from policy import PolicyError, load_policy_text

    text = "name: x\nrules:\n  - name: r\n    when: {kind: spam\n    action: remove\n"
    with pytest.raises(PolicyError) as err:
        load_policy_text(text, "p.yaml")
    issue = err.value.issues[0]
    assert (issue.line, issue.column) == (4, 11), issue
    assert "not closed" in issue.message and "line 5" in issue.message


@pytest.mark.parametrize(
    "expect, column, field, message",
    [
        ("{action: zap}", 22, "cases[0].expect.action", "got 'zap'"),
        ("zap", 13, "cases[0].expect", "got 'zap'"),
    ],
)
def test_a_wrong_expectation_is_one_problem_at_its_field(tmp_path, expect, column, field, message):
    from policy import load_policy
    from policy.cases import run_cases

    cases = tmp_path / "c.cases.yaml"
    cases.write_text(f"cases:\n  - name: c\n    text: vape\n    expect: {expect}\n")
    with pytest.raises(PolicyError) as exc:
        run_cases(load_policy("crackdown"), cases)
    (p,) = exc.value.problems
    assert (p.line, p.column, p.field) == (4, column, field)
    assert p.message.startswith("Input should be 'allow', 'label'") and message in p.message
