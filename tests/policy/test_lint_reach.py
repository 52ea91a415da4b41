"""Lint: rules that can never act were passed as clean. A rule scoped to chat uploads in
a policy that scans only the feed never sees a post (a 30-day run had 352 chat offers
and the rule 0 hits); a rule reading a detector's tobacco hits after a rule that removes
on any hit of it is never reached, as an identical later rule is."""

from __future__ import annotations

from policy import load_policy_text
from policy.cases import run_cases
from policy.lint import lint

CHAT = """
name: chat rule
{scan}
detectors:
  kw: {{type: keywords, mode: word, terms: {{tobacco: [vape]}}}}
rules:
  - name: chat-uploads
    when: {{hit: kw}}
    scope: {{channels: [chat], stages: [{stages}]}}
    action: remove
"""


def _warnings(text: str) -> list[tuple[str, str]]:
    return [(w.field, w.message) for w in lint(load_policy_text(text))]


def test_a_rule_on_new_posts_of_a_channel_not_scanned_is_unreachable():
    (warned,) = _warnings(CHAT.format(scan="", stages="upload"))
    assert warned[0] == "rules[0].scope.channels"
    assert (
        "reads only new posts in chat, which the policy does not scan (scan: moments)"
        in (warned[1])
    )


def test_scanning_the_channel_or_reading_reports_makes_it_reachable():
    assert _warnings(CHAT.format(scan="scan: [moments, chat]", stages="upload")) == []
    assert _warnings(CHAT.format(scan="", stages="upload, report")) == []


def test_the_warning_is_what_the_policy_does(tmp_path):
    """The post is not seen: the policy allows it (a reported chat post would be read)."""
    policy = load_policy_text(CHAT.format(scan="", stages="upload"))
    cases = tmp_path / "chat.cases.yaml"
    cases.write_text("""
cases:
  - name: a chat upload is never read
    text: "vape for sale"
    post: {channel: chat}
    expect: allow
""")
    (result,) = run_cases(policy, cases)
    assert result.passed, result.got


SHADOW = """
name: shadow
detectors:
  kw: {type: keywords, mode: word, terms: {tobacco: [vape], medical: [oxycodone]}}
rules:
  - {name: any-term, when: {hit: kw}, action: remove}
  - {name: tobacco-only, when: {hit: {detector: kw, categories: [tobacco]}}, action: ban}
  - {name: two-terms, when: {hit: {detector: kw, count: {ge: 2}}}, action: ban}
  - {name: no-term, when: {not: {hit: kw}}, action: label}
"""


def test_a_narrower_hit_of_the_same_detector_is_shadowed():
    warned = {field: message for field, message in _warnings(SHADOW)}
    assert set(warned) == {"rules[1]", "rules[2]"}
    assert "'tobacco-only' is shadowed by earlier rule 'any-term'" in warned["rules[1]"]
    assert "'two-terms' is shadowed by earlier rule 'any-term'" in warned["rules[2]"]


def test_a_wider_hit_after_a_narrower_one_is_not_shadowed():
    text = SHADOW.replace("  - {name: any-term, when: {hit: kw}, action: remove}\n", "").replace(
        "action: ban}\n  - {name: two-terms",
        "action: remove}\n  - {name: any-term, when: {hit: kw}, action: ban}\n  - {name: two-terms",
    )
    warned = {field: message for field, message in _warnings(text)}
    assert "rules[1]" not in warned  # any-term after tobacco-only still decides medical hits
    assert "'two-terms' is shadowed by earlier rule 'any-term'" in warned["rules[2]"]
