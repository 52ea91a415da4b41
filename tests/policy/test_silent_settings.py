"""What the policy tools say about settings that silently do nothing: a review rule with
no reviewers, a key of another action, rules not in force on the evaluated day, a rule
whose scope leaves the post out; and how problems are worded and placed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from policy import messages as M
from policy.errors import LocatedError
from policy.explanation import explain
from policy.lint import lint
from policy.loader import load_policy_text
from simulation.cli.policy import policy_app

runner = CliRunner()

DETECTOR = """\
name: p
detectors:
  kw: {type: keywords, mode: word, terms: {tobacco: [vape], medical: [pills]}}
"""

UNREVIEWED = (
    DETECTOR
    + """\
rules:
  - name: to-review
    when: {hit: kw}
    action: review
    strikes: 1
"""
)


def _file(tmp_path, text: str, name: str = "p.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _warnings(text: str):
    return lint(load_policy_text(text, "p.yaml", cache=False))


# -- a review rule with nothing to review its posts ---------------------------------------


def test_a_review_rule_without_reviewers_is_warned_about_at_its_action(tmp_path):
    f = _file(tmp_path, UNREVIEWED)
    res = runner.invoke(policy_app, ["check", str(f)])
    assert res.exit_code == 0
    assert (
        f"warning: {f}:7:13: rules[0].action: rule 'to-review' sends posts to review, but "
        "nothing reviews them: the policy has no enforcement.review section, so the posts "
        "stay up as if allowed and its strikes, given when a reviewer confirms, are never "
        "given; add enforcement.review" in " ".join(res.output.split())
    )
    assert "1 warnings" in res.output
    (w,) = _warnings(UNREVIEWED)
    assert w.template == M.NOTHING_REVIEWS and w.text.kwargs["rule"] == "to-review"


def test_a_review_rule_with_reviewers_or_in_shadow_is_not_warned_about():
    reviewed = UNREVIEWED + "enforcement:\n  review: {capacity_per_day: 10}\n"
    assert _warnings(reviewed) == []
    shadow = UNREVIEWED + "    shadow: true\n"
    assert _warnings(shadow) == []


def test_explain_says_nothing_reviews_a_review_decision():
    p = load_policy_text(UNREVIEWED, "p.yaml", cache=False)
    verdict = str(explain(p, "vape")).splitlines()[-2]
    assert verdict == (
        "decision: review by rule 'to-review' (nothing reviews it: the policy has no "
        "enforcement.review section, so the post stays up as if allowed)"
    )
    reviewed = UNREVIEWED + "enforcement:\n  review: {capacity_per_day: 10}\n"
    p = load_policy_text(reviewed, "p.yaml", cache=False)
    assert "decision: review by rule 'to-review'\n" in str(explain(p, "vape"))


# -- keys of another action -----------------------------------------------------------


def test_a_key_of_another_action_is_warned_about_at_the_key():
    text = (
        DETECTOR
        + """\
rules:
  - name: r
    when: {hit: kw}
    action: review
    delay_hours: 3
    factor: 0.3
  - {name: d, when: {hit: kw}, action: downrank, restrict_days: 3, factor: 0.2}
  - {name: rm, when: {hit: kw}, action: remove, delay_hours: 2, restrict_days: 1}
  - {name: re, when: {hit: kw}, action: restrict, restrict_days: 2}
enforcement:
  review: {capacity_per_day: 10}
  strikes:
    ladder:
      - {at: 1, action: warn, days: 2}
      - {at: 2, action: restrict, days: 3}
      - {at: 3, action: ban, days: 3}
"""
    )
    mine = (M.FOR_ANOTHER_ACTION, M.DAYS_FOR_RESTRICT)  # (the later rules are shadowed)
    got = [(w.line, w.column, w.field, w.message) for w in _warnings(text) if w.template in mine]
    other = "' has no effect with action {}: it only acts for action {}"
    step = "'days' has no effect on a {} step: it only acts for a restrict step"
    assert [(line, col, field) for line, col, field, _m in got] == [
        (8, 5, "rules[0].delay_hours"),
        (9, 5, "rules[0].factor"),
        (10, 50, "rules[1].restrict_days"),
        (11, 65, "rules[2].restrict_days"),
        (17, 31, "enforcement.strikes.ladder[0].days"),
        (19, 30, "enforcement.strikes.ladder[2].days"),
    ]
    messages = [m for *_place, m in got]
    assert messages[0] == "'delay_hours" + other.format("review", "remove")
    assert messages[1] == "'factor" + other.format("review", "downrank")
    assert messages[2] == "'restrict_days" + other.format("downrank", "restrict")
    assert messages[3] == "'restrict_days" + other.format("remove", "restrict")
    assert messages[4].startswith(step.format("warn"))
    assert messages[5].startswith(step.format("ban"))


def test_a_key_left_at_its_default_is_not_warned_about():
    text = DETECTOR + "rules:\n  - {name: r, when: {hit: kw}, action: label}\n"
    assert _warnings(text) == []


# -- evaluate on a day the rules are not in force ----------------------------------------


LATE = (
    DETECTOR
    + """\
rules:
  - {name: early, when: {hit: kw}, action: label}
  - {name: late, when: {hit: kw}, action: remove}
  - {name: gone, when: {hit: kw}, action: downrank}
schedule:
  - {from_day: 0, rules: [early, gone]}
  - {from_day: 5, rules: [early, late]}
"""
)
CORPUS = "label\ttext\nspam\tbuy vape now\nham\thello there\n"


def test_evaluate_says_which_rules_are_not_in_force_that_day(tmp_path):
    f, c = _file(tmp_path, LATE), _file(tmp_path, CORPUS, "c.tsv")
    note = (
        "not in force on day 2: rule 'late' (in force from day 5); as in a run on that day, "
        "it decides nothing here; evaluate with --day 5 to measure it"
    )
    res = runner.invoke(policy_app, ["evaluate", str(f), "--corpus", str(c), "--day", "2"])
    assert res.exit_code == 0 and res.output.splitlines()[1] == note
    res = runner.invoke(
        policy_app, ["evaluate", str(f), "--corpus", str(c), "--day", "2", "--json"]
    )
    info = json.loads(res.output)
    assert info["not_in_force"] == [{"rule": "late", "from_day": 5}]
    assert info["notes"] == [note]
    out = tmp_path / "out"
    args = ["evaluate", str(f), "--corpus", str(c), "--day", "2", "--out", str(out)]
    assert runner.invoke(policy_app, args).exit_code == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "not in force on day 2: rule &#x27;late&#x27; (in force from day 5)" in html

    res = runner.invoke(policy_app, ["evaluate", str(f), "--corpus", str(c), "--day", "6"])
    assert res.output.splitlines()[1] == (
        "not in force on day 6: rule 'gone' (not in force on day 6 or later); as in a run "
        "on that day, it decides nothing here"
    )


def test_evaluate_says_nothing_when_every_rule_is_in_force(tmp_path):
    f = _file(tmp_path, DETECTOR + "rules:\n  - {name: r, when: {hit: kw}, action: label}\n")
    c = _file(tmp_path, CORPUS, "c.tsv")
    res = runner.invoke(policy_app, ["evaluate", str(f), "--corpus", str(c), "--json"])
    info = json.loads(res.output)
    assert info["not_in_force"] == [] and info["notes"] == []
    res = runner.invoke(policy_app, ["evaluate", str(f), "--corpus", str(c)])
    assert "not in force" not in res.output


# -- explain: a rule whose condition holds but whose scope leaves the post out --------------


SCOPED = (
    DETECTOR
    + """\
rules:
  - {name: personal, when: {hit: kw}, action: remove, scope: {account_kind: [personal]}}
  - name: narrow
    when: {hit: kw}
    action: remove
    scope: {categories: [medical], stages: [report], channels: [chat, group]}
  - {name: no-match, when: {hit: {detector: kw, categories: [medical]}}, action: label}
  - {name: no-hit, when: {friends: {lt: 500}}, action: label, scope: {account_kind: [personal]}}
scan: [moments, chat]
"""
)


def test_explain_says_why_a_rule_that_hit_did_not_match():
    p = load_policy_text(SCOPED, "p.yaml", cache=False)
    lines = str(explain(p, "vape", {"kind": "official"})).splitlines()
    assert (
        "  rule 'personal' [remove]: - (hit, out of scope: account_kind is official, the rule "
        "takes personal)"
    ) in lines
    assert (
        "  rule 'narrow' [remove]: - (hit, out of scope: channel is moments, the rule takes "
        "chat, group; stage is upload, the rule takes report; categories are tobacco, the "
        "rule takes medical)"
    ) in lines
    assert "  rule 'no-match' [label]: -" in lines  # its condition does not hold: no reason
    assert (
        "  rule 'no-hit' [label]: - (condition holds, out of scope: account_kind is "
        "official, the rule takes personal)"
    ) in lines
    lines = str(explain(p, "vape", {"kind": "personal"})).splitlines()
    assert "  rule 'personal' [remove]: FIRED" in lines


# -- problems: worded without pydantic's internals, in line order, at the wrong word ----------


def _problems(text: str):
    with pytest.raises(LocatedError) as info:
        load_policy_text(text, "p.yaml", cache=False)
    return info.value.problems


def test_a_validator_error_has_no_value_error_prefix(tmp_path):
    text = DETECTOR + "enforcement:\n  strikes:\n    ladder:\n      - {at: 1, action: restrict}\n"
    (problem,) = _problems(text)
    assert problem.message == "a restrict step needs 'days'"
    res = runner.invoke(policy_app, ["check", str(_file(tmp_path, text))])
    assert res.exit_code == 2 and "Value error" not in res.output
    assert "enforcement.strikes.ladder[0]: a restrict step needs 'days'" in res.output


def test_problems_are_printed_in_line_order(tmp_path):
    text = """\
name: p
enforcement:
  strikes:
    ladder:
      - {at: 1, action: restrict}
detectors:
  kw: {type: keywords, terms: {tobacco: [vape]}}
rules:
  - name: r
    when: {hit: kw}
    action: remvoe
    priority: high
  - {name: s, actoin: remove}
"""
    assert [(p.line, p.column) for p in _problems(text)] == [
        (5, 9),
        (11, 13),
        (12, 15),
        (13, 5),
        (13, 15),
    ]
    f = _file(tmp_path, text)
    res = runner.invoke(policy_app, ["check", str(f)])
    places = [line.split(":")[2] for line in res.output.splitlines() if line.startswith("error")]
    assert places == ["5", "11", "12", "13", "13"]


def test_an_unknown_detector_is_located_at_the_name_written():
    text = DETECTOR + "rules:\n  - name: r\n    when: {hit: modle}\n    action: remove\n"
    (problem,) = _problems(text)
    assert (problem.line, problem.column) == (6, 17)  # 'modle', not the 'hit' key
    assert problem.message.startswith("unknown detector 'modle'")
    long_form = (
        DETECTOR + "rules:\n  - name: r\n    when: {hit: {detector: modle}}\n    action: remove\n"
    )
    (problem,) = _problems(long_form)
    assert (problem.line, problem.column) == (6, 28)
    unknown_condition = (
        DETECTOR + "rules:\n  - {name: r, when: {frends: {lt: 3}}, action: remove}\n"
    )
    (problem,) = _problems(unknown_condition)
    assert (problem.line, problem.column) == (5, 22)  # an unknown key: at the key
