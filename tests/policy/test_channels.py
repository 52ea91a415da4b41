"""Channels in the policy language: the `channel` signal, `scope.channels`, and `scan:` —
what the platform reads as it is posted (reports only, elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from policy import PolicyError, explain, load_policy_text
from policy.cases import run_cases
from policy.interface import Channel, Stage, scanned_channels
from policy.lint import lint
from tests.policy.helpers import World, context

BASE = """\
name: t
detectors:
  kw: {type: keywords, terms: {tobacco: [vape]}}
rules:
  - name: r
    when: {hit: kw}
    action: remove
"""


def _decide(text: str, channels, stage=0, day=1):
    p = load_policy_text(text, "p.yaml")
    out = p.start(context()).decide(
        World().batch(day, ["vape"] * len(channels), channel=channels, stage=stage, posted_day=0)
    )
    return sorted(out.posts.post_id.tolist())


def test_a_rule_scoped_to_channels_matches_only_there():
    scoped = BASE.replace("    action: remove", "    action: remove\n    scope: {channels: [chat]}")
    assert _decide(scoped, [0, 1, 2]) == [1]
    assert _decide(BASE, [0, 1, 2]) == [0, 1, 2]  # no scope: every channel it is shown


def test_the_channel_signal_in_conditions():
    cond = BASE.replace(
        "when: {hit: kw}", "when: {all: [{hit: kw}, {channel: {in: [group, chat]}}]}"
    )
    assert _decide(cond, [0, 1, 2]) == [1, 2]
    neg = BASE.replace("when: {hit: kw}", "when: {all: [{hit: kw}, {not: {channel: moments}}]}")
    assert _decide(neg, [0, 2]) == [1]


def test_a_batch_without_channels_is_all_moments():
    scoped = BASE.replace(
        "    action: remove", "    action: remove\n    scope: {channels: [moments]}"
    )
    p = load_policy_text(scoped, "p.yaml")
    out = p.start(context()).decide(World().batch(0, ["vape", "vape"]))
    assert out.posts.post_id.tolist() == [0, 1]


def test_scan_is_moments_unless_the_policy_says_so():
    assert scanned_channels(load_policy_text(BASE)) == (Channel.MOMENTS,)
    every = load_policy_text("scan: [moments, chat, group]\n" + BASE)
    assert scanned_channels(every) == (Channel.MOMENTS, Channel.CHAT, Channel.GROUP)
    assert scanned_channels(load_policy_text("scan: []\n" + BASE)) == ()
    assert scanned_channels(object()) == (Channel.MOMENTS,)  # a policy that says nothing


def test_unknown_channel_names_are_located_errors():
    with pytest.raises(PolicyError) as info:
        load_policy_text("scan: [moments, whatsapp]\n" + BASE, "p.yaml")
    (issue,) = info.value.issues
    assert (issue.file, issue.line) == ("p.yaml", 1) and issue.column > 1
    assert issue.field.startswith("scan") and "'chat'" in issue.message
    scoped = BASE.replace("    action: remove", "    action: remove\n    scope: {channels: [grp]}")
    with pytest.raises(PolicyError) as info:
        load_policy_text(scoped, "p.yaml")
    (issue,) = info.value.issues
    assert issue.line == 8 and issue.field == "rules[0].scope.channels[0]"
    cond = BASE.replace("when: {hit: kw}", "when: {channel: telegram}")
    with pytest.raises(PolicyError) as info:
        load_policy_text(cond, "p.yaml")
    (issue,) = info.value.issues
    assert issue.line == 6 and "'channel' is one of moments, chat, group" in issue.message


def test_explain_says_an_unscanned_private_post_is_not_seen():
    p = load_policy_text(BASE, "p.yaml")
    chat = explain(p, "vape", {"channel": "chat"})
    assert (chat.seen, chat.action) == (False, "allow") and "not seen" in str(chat)
    reported = explain(p, "vape", {"channel": "chat", "stage": "report", "reports": 2})
    assert (reported.seen, reported.action) == (True, "remove")
    scanning = load_policy_text("scan: [moments, chat]\n" + BASE, "p.yaml")
    assert explain(scanning, "vape", {"channel": "chat"}).action == "remove"
    assert explain(p, "vape", {"channel": "moments"}).action == "remove"
    assert explain(p, "vape", {"channel": "group", "stage": "report"}).seen
    assert int(Stage.REPORT) == 1


def test_cases_file_can_name_a_channel(tmp_path: Path):
    cases = tmp_path / "c.yaml"
    cases.write_text(
        "cases:\n"
        "  - {name: feed offer, text: vape, expect: remove}\n"
        "  - {name: chat offer unseen, text: vape, post: {channel: chat}, expect: allow}\n"
        "  - name: reported chat offer\n"
        "    text: vape\n"
        "    post: {channel: chat, stage: report, reports: 1}\n"
        "    expect: remove\n",
        encoding="utf-8",
    )
    results = run_cases(load_policy_text(BASE, "p.yaml"), cases)
    assert [r.passed for r in results] == [True, True, True], [(r.name, r.got) for r in results]


def test_lint_knows_channels_narrow_a_scope():
    text = BASE + (
        "  - name: chat-only\n    when: {hit: kw}\n    action: remove\n"
        "    scope: {channels: [chat]}\n"
        "  - name: everywhere\n    when: {hit: kw}\n    action: label\n"
    )
    p = load_policy_text(text.replace("  - name: r\n    when: {hit: kw}\n    action: remove\n", ""))
    warnings = [i.message for i in lint(p)]
    assert not any("shadowed" in w for w in warnings), warnings
    empty = BASE.replace("    action: remove", "    action: remove\n    scope: {channels: []}")
    assert any("scope is empty" in i.message for i in lint(load_policy_text(empty)))


def test_explain_command_takes_a_channel():
    from typer.testing import CliRunner

    from simulation.cli.policy import policy_app

    runner = CliRunner()
    res = runner.invoke(policy_app, ["explain", "crackdown", "vape pens", "--channel", "chat"])
    assert res.exit_code == 0 and "not seen" in res.output and "decision: allow" in res.output
    res = runner.invoke(policy_app, ["explain", "crackdown", "vape pens", "--channel", "group"])
    assert "decision: allow" in res.output
    res = runner.invoke(policy_app, ["explain", "crackdown", "vape pens"])
    assert "decision: remove" in res.output
    bad = runner.invoke(policy_app, ["explain", "crackdown", "x", "--channel", "whatsapp"])
    assert bad.exit_code == 2


CHAT_ONLY = BASE.replace("name: t\n", "name: t\nscan: [chat]\n") + (
    "  - name: group only\n    when: {hit: kw}\n    action: label\n    scope: {channels: [group]}\n"
)


@pytest.mark.parametrize("channel", ["moments", "chat", "group"])
def test_evaluate_decides_a_message_as_explain_and_the_engine_do_in_its_channel(channel):
    """policy evaluate put every message in the feed and decided it even when the policy
    does not scan the feed: a chat-only policy removed messages that ``policy explain``
    (and a run) say it never sees, and a rule scoped to a channel never fired. Each
    message is now a post in ``--channel`` (default: moments, as explain), seen only
    where the policy scans."""
    from policy.corpus import Chunk
    from policy.evaluate import evaluate_chunks, format_report

    for text in (CHAT_ONLY, CHAT_ONLY.replace("scan: [chat]", "scan: [moments, chat, group]")):
        p = load_policy_text(text, "p.yaml")
        chunk = Chunk(1, ["selling vape", "hello"], ["spam", "ham"], np.array([1, 0], np.int8))
        rows = []
        ev = evaluate_chunks(p, [chunk], channel=channel, on_chunk=rows.append)
        (dec,) = rows
        for i, message in enumerate(chunk.texts):
            e = explain(p, message, {"channel": channel})
            assert (dec.action[i], dec.rule[i] or None) == (e.action, e.rule), (text, channel)
        seen = channel in scanned_names(p)
        assert ev.seen == seen and ev.to_dict()["channel"] == channel
        assert dec.action[0] == ("remove" if seen else "allow")
        assert ("not seen: the policy does not scan" in format_report(ev)) == (not seen)
        # the group-only rule fires only in the group (first match: 'r' takes the others)
        group = next(r for r in ev.rules if r.name == "group only")
        assert group.alone.hits == (1 if seen and channel == "group" else 0)


def scanned_names(p) -> list[str]:
    return [Channel(c).name.lower() for c in scanned_channels(p)]


def test_evaluate_refuses_an_unknown_channel():
    from policy.evaluate import Evaluator

    with pytest.raises(ValueError, match="--channel must be one of moments, chat, group"):
        Evaluator(load_policy_text(BASE, "p.yaml"), channel="wechat")


def test_evaluate_command_sees_nothing_a_chat_only_policy_does_not_scan(tmp_path: Path):
    from typer.testing import CliRunner

    from simulation.cli.policy import policy_app

    pol, corpus = tmp_path / "p.yaml", tmp_path / "c.tsv"
    pol.write_text(CHAT_ONLY, encoding="utf-8")
    corpus.write_text("label\ttext\nspam\tselling vape\nham\thello\n", encoding="utf-8")
    res = CliRunner().invoke(policy_app, ["evaluate", str(pol), "--corpus", str(corpus), "--json"])
    assert res.exit_code == 0, res.output
    info = json.loads(res.output)
    assert info["overall"]["hits"] == 0 and info["seen"] is False  # a run sees none of it
    res = CliRunner().invoke(
        policy_app, ["evaluate", str(pol), "--corpus", str(corpus), "--channel", "chat"]
    )
    assert res.exit_code == 0 and "(day 0, chat)" in res.output
    assert "100.0% (1/1)" in res.output


def test_evaluate_and_the_corpus_panel_say_a_policy_without_scan_sees_nothing(tmp_path: Path):
    """``scan: []`` (a policy acting on reported posts only) stopped ``policy evaluate``
    with an IndexError: the note named the first channel scanned, and there is none."""
    from typer.testing import CliRunner

    from simulation.cli.policy import policy_app

    pol, corpus = tmp_path / "p.yaml", tmp_path / "c.tsv"
    pol.write_text(CHAT_ONLY.replace("scan: [chat]", "scan: []"), encoding="utf-8")
    corpus.write_text("label\ttext\nspam\tselling vape\nham\thello\n", encoding="utf-8")
    res = CliRunner().invoke(policy_app, ["evaluate", str(pol), "--corpus", str(corpus)])
    assert res.exit_code == 0, res.output
    assert "not seen: the policy scans no channel (scan: [])" in res.output
    assert "--channel" not in res.output.split("not seen")[1].splitlines()[0]
