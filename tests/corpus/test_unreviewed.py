"""A review rule in a policy without reviewers (no ``enforcement.review``): its posts stay
up as if allowed, as in a run and as ``policy check`` and ``policy explain`` say. ``policy
evaluate`` counted them actioned (33 ham messages on the SMS corpus, FP rate 0.7%) with no
note."""

from __future__ import annotations

import json
from html import unescape

from typer.testing import CliRunner

from policy import explain, load_policy_text
from policy.evaluate import ChunkDecisions, evaluate, format_report, rule_rows, write_html
from policy.lint import lint
from simulation.cli.policy import policy_app

POLICY = """
name: review-only
detectors:
  sub: {type: keywords, mode: substring, normalize: [casefold], terms: {spam: [sex, cialis]}}
  kw: {type: keywords, mode: word, normalize: [casefold], terms: {spam: [prize]}}
rules:
  - {name: sexsub, when: {hit: sub}, action: review}
  - {name: prize, when: {hit: kw}, action: remove}
"""
REVIEWERS = "enforcement:\n  review: {capacity_per_day: 100, delay_hours: 1, accuracy: 1.0}\n"


def _corpus(tmp_path):
    rows = [
        "label\ttext",
        "ham\tI feel sexy today",
        "ham\tsee you in Essex",
        "spam\tcheap cialis here",
        "spam\tsexy cialis and a prize",  # both rules: the first to match decides it
        "spam\twin a prize",
        "ham\tlunch at noon",
    ]
    path = tmp_path / "c.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_posts_sent_to_a_review_nothing_does_stay_up(tmp_path) -> None:
    corpus = _corpus(tmp_path)
    policy = load_policy_text(POLICY, "p.yaml")
    # lint and explain: nothing reviews them, they stay up
    assert any("nothing reviews them" in w.message for w in lint(policy))
    chunks: list[ChunkDecisions] = []
    ev = evaluate(policy, corpus, on_chunk=chunks.append)
    texts = [t for c in chunks for t in c.texts]
    flagged = [bool(f) for c in chunks for f in c.flagged]
    for text, f in zip(texts, flagged, strict=True):
        exp = explain(policy, text)
        stays_up = exp.action == "allow" or exp.unreviewed
        assert f == (not stays_up), text
    sexsub, prize = ev.rules
    # the review rule hit 4 messages (2 ham, 2 spam; first match, so it decides the one
    # with a prize too): none of them is actioned; only 'win a prize' is
    assert (sexsub.decided.hits, sexsub.decided.fp) == (4, 2)
    assert ev.overall.confusion() == [[3, 0], [2, 1]]
    assert sexsub.unreviewed and not sexsub.acts and not prize.unreviewed
    row, _prize_row, total = rule_rows(ev)
    assert row[0] == "sexsub ‡" and row[1] == "review" and row[5:9] == ["—"] * 4
    assert total[2:5] == ["1", "1", "0"]
    note = "'sexsub' sends posts to review, but nothing reviews them"
    text = format_report(ev)
    assert note in text and "stay up as if allowed" in text
    assert "An allow rule" not in text  # that note is about allow rules only
    data = ev.to_dict()
    assert data["rules"][0]["unreviewed"] is True and data["rules"][0]["precision"] is None
    assert any(note in n for n in data["notes"])
    html = tmp_path / "r.html"
    write_html(ev, html)
    assert note in unescape(html.read_text(encoding="utf-8"))
    # with reviewers the same hits are actioned (queued for review), with no note
    reviewed = evaluate(load_policy_text(POLICY + REVIEWERS, "p.yaml"), corpus)
    assert reviewed.overall.confusion() == [[1, 2], [0, 3]]
    assert not reviewed.rules[0].unreviewed and note not in format_report(reviewed)


def test_the_command_says_so_in_json(tmp_path) -> None:
    policy_file = tmp_path / "p.yaml"
    policy_file.write_text(POLICY, encoding="utf-8")
    res = CliRunner().invoke(
        policy_app, ["evaluate", str(policy_file), "--corpus", str(_corpus(tmp_path)), "--json"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["overall"]["fp"] == 0 and data["rules"][0]["unreviewed"] is True
