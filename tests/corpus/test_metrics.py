"""The evaluation's numbers agree with scikit-learn on the same decisions, on real text."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from typer.testing import CliRunner

import policy
from policy.evaluate import ChunkDecisions, Scores, evaluate
from simulation.cli.policy import policy_app


def _check(scores: Scores, y: np.ndarray, pred: np.ndarray) -> None:
    p, r, f, _ = precision_recall_fscore_support(
        y, pred, average="binary", pos_label=1, zero_division=np.nan
    )
    cm = confusion_matrix(y, pred, labels=[0, 1])
    assert scores.confusion() == cm.tolist()
    for mine, theirs in ((scores.precision, p), (scores.recall, r)):
        assert (np.isnan(mine) and np.isnan(theirs)) or mine == pytest.approx(theirs)
    # F1 is scikit-learn's where precision and recall are both defined, and undefined
    # where either is (scikit-learn reads 2·TP/(2·TP+FP+FN) = 0 for a rule that hit
    # nothing in a corpus with spam; that 0 is not a measured score)
    if np.isnan(p) or np.isnan(r):
        assert np.isnan(scores.f1)
    else:
        assert scores.f1 == pytest.approx(f)
    tn, fp = cm[0]
    assert scores.fpr == pytest.approx(fp / (fp + tn))


@pytest.mark.parametrize("name", ["spam", "zero_tolerance", "keywords"])
def test_metrics_match_sklearn_on_the_real_corpus(sms_corpus, name):
    p = policy.load_policy(name)
    chunks: list[ChunkDecisions] = []
    ev = evaluate(p, sms_corpus, chunksize=2_000, on_chunk=chunks.append)  # several chunks
    y = np.concatenate([c.y for c in chunks]).astype(int)
    flagged = np.concatenate([c.flagged for c in chunks]).astype(int)
    assert ev.messages == len(y) == 5574 and ev.positives == 747 and ev.negatives == 4827
    _check(ev.overall, y, flagged)
    decided = np.concatenate([c.decided for c in chunks])
    alone = np.concatenate([c.alone for c in chunks])
    for j, rule in enumerate(ev.rules):
        _check(rule.decided, y, decided[:, j].astype(int))
        _check(rule.alone, y, alone[:, j].astype(int))
    assert ev.overall.tp > 0 or name == "keywords"


def test_spam_preset_numbers_stated_in_readme(sms_corpus):
    """README's "Real text" section quotes these; change both together."""
    ev = evaluate(policy.load_policy("spam"), sms_corpus)
    assert (ev.overall.tp, ev.overall.fp) == (621, 5)
    assert round(100 * ev.overall.precision, 1) == 99.2
    assert round(100 * ev.overall.recall, 1) == 83.1


def test_cli_json_and_out_files_agree_with_sklearn(sms_corpus, tmp_path):
    res = CliRunner().invoke(
        policy_app,
        ["evaluate", "spam", "--corpus", str(sms_corpus), "--json", "--out", str(tmp_path)],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    with (tmp_path / "decisions.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == data["messages"] == 5574
    y = np.array([int(r["spam"]) for r in rows])
    pred = np.array([int(r["flagged"]) for r in rows])
    cm = confusion_matrix(y, pred, labels=[0, 1])
    assert data["overall"]["confusion"] == cm.tolist()
    p, r, f, _ = precision_recall_fscore_support(y, pred, average="binary")
    assert data["overall"]["precision"] == pytest.approx(p)
    assert data["overall"]["recall"] == pytest.approx(r)
    assert data["overall"]["f1"] == pytest.approx(f)
    hit = [r for r in rows if r["flagged"] == "1"]
    assert all(r["rule"] and r["evidence"] for r in hit)  # the term that matched is shown
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "premium-rate-number" in html and "Confusion matrix" in html


def test_examples_are_counted_and_html_is_escaped(tmp_path):
    corpus = tmp_path / "c.tsv"
    rows = (
        ["Label\tSMS"]
        + ["spam\t<script>alert(1)</script> win a prize"] * 3
        + ["ham\tcall 09061234567 about the prize"] * 2
        + ["ham\thello"]
    )
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    p = policy.load_policy("spam")
    ev = evaluate(p, corpus)
    assert [(e.count, e.rule) for e in ev.wrongly_hit] == [(2, "premium-rate-number")]
    assert "premium" in ev.wrongly_hit[0].evidence
    assert ev.missed[0].count == 3
    res = CliRunner().invoke(
        policy_app, ["evaluate", "spam", "--corpus", str(corpus), "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 0, res.output
    html = (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_ignored_labels_and_classifier_rules_are_reported(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'label,text\nspam,"Txt WIN to 80086, £1.50/msg"\nham,hi\nneutral,meh\n', encoding="utf-8"
    )
    ev = evaluate(
        policy.load_policy("classifier_review"),
        corpus,
        mapping={"spam": "spam", "ham": "regular", "neutral": "ignore"},
    )
    assert (ev.messages, ev.ignored) == (2, 1)
    assert ev.not_text  # the classifier and friends cannot be measured on a corpus
    assert any(not r.text_only for r in ev.rules)
    assert all(r.decided.hits == 0 for r in ev.rules if not r.text_only)
