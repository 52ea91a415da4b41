"""The printed evaluation: every rate with its count and denominator, never a cost
rounded away, columns that line up whatever the script of a rule's name."""

from __future__ import annotations

import re

import numpy as np
from rich.cells import cell_len
from typer.testing import CliRunner

import policy.evaluate
from policy import load_policy_text
from policy.corpus import Chunk
from policy.evaluate import evaluate, evaluate_chunks, format_report, rule_rows
from simulation.cli.policy import policy_app

POLICY = """
name: t
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [casefold]
    terms: {spam: [prize, 电子烟]}
rules:
  - {name: 奖品规则, when: {hit: kw}, action: remove}
"""


def _corpus(tmp_path, n_ham: int = 4_827):
    rows = ["label\ttext", "spam\tyou won a prize", "spam\tcall me"]
    rows += ["ham\tthe prize for the best cake"] + ["ham\tsee you at lunch"] * (n_ham - 1)
    path = tmp_path / "c.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_rate_says_its_count_and_is_never_rounded_to_nothing() -> None:
    rate = policy.evaluate.rate
    assert rate(1, 4_827) == "0.02% (1/4,827)"
    assert rate(0, 4_827) == "0.0% (0/4,827)"
    assert rate(4_826, 4_827) == "99.98% (4,826/4,827)"
    assert rate(621, 626) == "99.2% (621/626)"
    assert rate(0, 0) == "— (0/0)"


def test_every_printed_rate_has_its_numerator_and_denominator(tmp_path) -> None:
    ev = evaluate(load_policy_text(POLICY, "t.yaml"), _corpus(tmp_path))
    rows = rule_rows(ev)
    rule, policy_row = rows
    # precision, recall, FP rate of the rule as decided, and precision, recall alone
    assert rule[5:9] == ["50.0% (1/2)", "50.0% (1/2)", "50.0%", "0.02% (1/4,827)"]
    assert rule[10:] == ["50.0% (1/2)", "50.0% (1/2)"]
    assert policy_row[8] == "0.02% (1/4,827)"
    text = format_report(ev)
    assert "4,829 messages (2 spam, 4,827 ham, 0 ignored)" in text
    assert "FP rate: ham hit / ham messages" in text
    assert not re.search(r"(?<![\d,])0\.0%(?! \(0/)", text)  # no cost shown as nothing


def test_the_command_prints_the_rates_with_their_counts(tmp_path) -> None:
    policy_file = tmp_path / "p.yaml"
    policy_file.write_text(POLICY, encoding="utf-8")
    res = CliRunner().invoke(
        policy_app, ["evaluate", str(policy_file), "--corpus", str(_corpus(tmp_path))]
    )
    assert res.exit_code == 0, res.output
    assert "0.02% (1/4,827)" in res.output
    assert "50.0% (1/2)" in res.output


def test_columns_line_up_with_hanzi_in_a_rule_name() -> None:
    ev = evaluate_chunks(
        load_policy_text(POLICY, "t.yaml"),
        [Chunk(1, ["电子烟 出", "hello"], ["spam", "ham"], np.array([1, 0], np.int8))],
    )
    lines = format_report(ev).splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("rule "))) :][:4]
    # the 'action' column starts at the same terminal cell on every line of the table
    header, dashes, rule, total = table
    starts = [
        cell_len(header[: header.index("action")]),
        cell_len(dashes[: dashes.index("  -") + 2]),
        cell_len(rule[: rule.index("remove")]),
        cell_len(total[: total.index("any action")]),
    ]
    assert rule.startswith("奖品规则") and len(set(starts)) == 1, table


def test_a_missed_message_says_no_rule_acted_on_its_hits() -> None:
    p = load_policy_text(
        POLICY.replace("action: remove}", "action: remove, scope: {account_kind: [official]}}"),
        "t.yaml",
    )
    ev = evaluate_chunks(p, [Chunk(1, ["a prize"], ["spam"], np.array([1], np.int8))])
    assert "no rule acted; hits: kw: prize" in format_report(ev)


WHITELIST = """
name: w
detectors:
  kw: {type: keywords, mode: word, terms: {spam: [prize]}}
  hotel: {type: keywords, mode: word, terms: {ad: [hotel]}}
rules:
  - {name: hotels are fine, when: {hit: hotel}, action: allow}
  - {name: prize, when: {hit: kw}, action: remove}
"""


def test_an_allow_rule_is_not_given_precision_recall_or_a_false_positive_rate(
    tmp_path,
) -> None:
    """A whitelist actions nothing: its ham hits are ham it spared, not false positives.
    It read 'precision 0.0%, FP rate 18.1% (775/4,291)' on the Chinese reviews."""
    rows = [
        "label\ttext",
        "ham\tnice hotel",
        "ham\thotel by the sea",
        "spam\twin a prize at our hotel",
        "spam\twin a prize",
        "ham\tlunch",
    ]
    corpus = tmp_path / "c.tsv"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ev = evaluate(load_policy_text(WHITELIST, "w.yaml"), corpus)
    allow, prize, total = rule_rows(ev)
    # counts stay: 3 messages allowed, one of them spam (let through), two ham (spared)
    assert allow[1:5] == ["allow", "3", "1", "2"]
    assert allow[5:9] == ["—"] * 4 and allow[10:] == ["—"] * 2
    assert allow[9] == "3"
    # the acting rule and the policy keep their rates
    assert prize[5:9] == ["100.0% (1/1)", "50.0% (1/2)", "66.7%", "0.0% (0/3)"]
    assert total[5] == "100.0% (1/1)"
    note = "An allow rule actions nothing: its spam hits are spam it let through"
    assert note in format_report(ev)
    allow_json = ev.to_dict()["rules"][0]
    assert (allow_json["hits"], allow_json["tp"], allow_json["fp"]) == (3, 1, 2)
    for scores in (allow_json, allow_json["alone"]):
        assert [scores[k] for k in ("precision", "recall", "f1", "fpr")] == [None] * 4
    assert ev.to_dict()["rules"][1]["precision"] == 1.0
    html_path = tmp_path / "r.html"
    policy.evaluate.write_html(ev, html_path)
    assert note in html_path.read_text(encoding="utf-8")
    # without an allow rule the note is not printed
    assert note not in format_report(evaluate(load_policy_text(POLICY, "t.yaml"), corpus))


def test_f1_is_undefined_when_precision_or_recall_is(tmp_path) -> None:
    """An all-innocent corpus has no spam, so recall has no denominator; a rule that hits
    nothing has no precision. F1 is the harmonic mean of the two: undefined with either
    (it read 'F1 0.0%' beside 'recall — (0/0)' on the Chinese reviews)."""
    corpus = tmp_path / "ham.tsv"
    rows = ["label\ttext", "ham\tthe prize for the best cake", "ham\tsee you at lunch"]
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ev = evaluate(load_policy_text(POLICY, "t.yaml"), corpus)
    rule, policy_row = rule_rows(ev)
    # precision is defined (1 message hit, not spam), recall is not (no spam messages)
    assert rule[5:7] == ["0.0% (0/1)", "— (0/0)"] and rule[7] == "—"
    assert policy_row[5:8] == ["0.0% (0/1)", "— (0/0)", "—"]
    data = ev.to_dict()
    assert data["overall"]["precision"] == 0.0 and data["overall"]["recall"] is None
    assert data["overall"]["f1"] is None and data["rules"][0]["f1"] is None
    assert data["rules"][0]["alone"]["f1"] is None
    html_path = tmp_path / "r.html"
    policy.evaluate.write_html(ev, html_path)
    assert "<td>0.0%</td>" not in html_path.read_text(encoding="utf-8")
    # with spam but no hits: recall is 0 of 1 spam, precision has no denominator
    spam = tmp_path / "spam.tsv"
    spam.write_text("label\ttext\nspam\tcall me now\nham\thello\n", encoding="utf-8")
    rule, _total = rule_rows(evaluate(load_policy_text(POLICY, "t.yaml"), spam))
    assert rule[5:8] == ["— (0/0)", "0.0% (0/1)", "—"]


def _section(text: str, title: str) -> list[str]:
    """The indented lines under a heading of the printed report."""
    lines = text.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start:end]


def test_top_0_lists_no_examples_and_never_claims_there_are_none(tmp_path) -> None:
    """With --top 0 the report said 'most often wrongly hit (ham actioned) (none)' while its
    confusion matrix counted ham actioned."""
    policy_file = tmp_path / "p.yaml"
    policy_file.write_text(POLICY, encoding="utf-8")
    corpus = _corpus(tmp_path, n_ham=20)
    ev = evaluate(load_policy_text(POLICY, "t.yaml"), corpus, top=0)
    assert ev.overall.fp > 0 and ev.overall.fn > 0  # there are examples of both kinds
    out = tmp_path / "o"
    res = CliRunner().invoke(
        policy_app,
        ["evaluate", str(policy_file), "--corpus", str(corpus), "--top", "0", "--out", str(out)],
    )
    assert res.exit_code == 0, res.output
    for title in ("most often wrongly hit (ham actioned)", "most often missed (spam allowed)"):
        assert _section(res.output, title) == ["  not listed (--top 0)"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("not listed (--top 0)") == 2
    data = ev.to_dict()
    assert data["top"] == 0 and data["wrongly_hit"] == [] and data["missed"] == []
    # asked for, and none found: "(none)" is then what the corpus says
    clean = tmp_path / "clean.tsv"
    clean.write_text("label\ttext\nspam\tyou won a prize\nham\thello\n", encoding="utf-8")
    text = format_report(evaluate(load_policy_text(POLICY, "t.yaml"), clean))
    assert _section(text, "most often wrongly hit (ham actioned)") == ["  (none)"]
