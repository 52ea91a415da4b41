"""``policy evaluate`` takes ``policy explain``'s author (--kind, --age-days, --friends,
--posts-today, --strikes) and marks each rule that can fire for no message by that author.

It fixed a personal account a year old posting once a day, and reported "0 hits, FP rate
0.0% (0/4,827)" for a rule scoped to official accounts, one requiring an account younger
than 30 days, and the shipped classifier_review's ad rate limit (posts_today > 3), which
with its condition met down-ranks innocent Chinese reviews."""

from __future__ import annotations

import json
from html import unescape

import numpy as np
import pytest
from typer.testing import CliRunner

import policy
from policy import explain, load_policy_text
from policy.corpus import Chunk, read_corpus
from policy.evaluate import evaluate, evaluate_chunks, format_report, rule_rows, write_html
from simulation.cli.policy import policy_app

P7 = """
name: p7
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [casefold]
    terms: {spam: [free, prize, claim, urgent, txt, call]}
rules:
  - name: new-account-spam
    when: {all: [{hit: kw}, {account_age_days: {lt: 30}}]}
    action: remove
  - name: official-spam
    when: {hit: kw}
    scope: {account_kind: [official]}
    action: remove
"""
AUTHOR = ("kind", "age_days", "friends", "posts_today", "strikes")


def _sample(sms_corpus, n: int = 400) -> list[Chunk]:
    """The first ``n`` messages of the SMS corpus, as one chunk."""
    chunk = next(iter(read_corpus(sms_corpus, chunksize=n)))
    return [chunk]


def _explained(p, chunk: Chunk, signals: dict) -> list[list[int]]:
    """The confusion matrix ``policy explain`` gives message by message, the right answer."""
    cm = [[0, 0], [0, 0]]
    for text, y in zip(chunk.texts, chunk.y.tolist(), strict=True):
        exp = explain(p, text, signals)
        acted = exp.action != "allow" and not exp.unreviewed
        cm[y][int(acted)] += 1
    return cm


def test_rules_the_author_excludes_are_marked_with_why(sms_corpus, tmp_path) -> None:
    p = load_policy_text(P7, "p7.yaml")
    ev = evaluate(p, sms_corpus)
    young, official = ev.rules
    assert young.decided.hits == official.decided.hits == 0  # as before, now explained
    assert young.never == ["requires account_age_days < 30"]
    assert official.never == ["scoped to official accounts"]
    names = [row[0] for row in rule_rows(ev)]
    assert names[:2] == ["new-account-spam †", "official-spam †"]
    text = format_report(ev)
    who = "a personal account aged 365 days with 100 friends, 1 post today and 0 strikes"
    assert f"each message posted by {who}" in text
    assert f"† 'official-spam' never fires for {who}: scoped to official accounts" in text
    assert f"† 'new-account-spam' never fires for {who}: requires account_age_days < 30" in text
    data = ev.to_dict()
    assert data["author"] == {
        "kind": "personal",
        "age_days": 365,
        "friends": 100,
        "posts_today": 1,
        "strikes": 0.0,
    }
    assert [r["never_fires"] for r in data["rules"]] == [young.never, official.never]
    assert sum("never fires" in n for n in data["notes"]) == 2
    html = tmp_path / "r.html"
    write_html(ev, html)
    page = unescape(html.read_text(encoding="utf-8"))
    assert f"'official-spam' never fires for {who}" in page and "official-spam †" in page


def test_the_author_options_decide_as_explain_does(sms_corpus) -> None:
    p = load_policy_text(P7, "p7.yaml")
    chunks = _sample(sms_corpus)
    for signals in ({"kind": "official"}, {"age_days": 3}, {"kind": "official", "age_days": 3}):
        ev = evaluate_chunks(p, chunks, signals=signals)
        assert ev.overall.confusion() == _explained(p, chunks[0], signals), signals
        assert ev.overall.hits > 0
        young, official = ev.rules
        assert bool(young.never) == ("age_days" not in signals)
        assert bool(official.never) == ("kind" not in signals)


def test_posts_today_reaches_the_rules(zh_reviews) -> None:
    """classifier_review's ad rate limit (ad words and posts_today > 3) on the innocent
    Chinese reviews: never fired, now marked; with 4 posts today it down-ranks each review
    explain says it does."""
    p = policy.load_policy("classifier_review")
    ads = p.detectors["ad_words"]
    texts = [t for chunk in read_corpus(zh_reviews) for t in chunk.texts]
    # a review without an ad word cannot meet the rule's condition; explain the others
    candidates = [t for t in texts if ads.scan(t)]
    wanted = sum(explain(p, t, {"posts_today": 4}).rule == "ad-rate-limit" for t in candidates)
    assert wanted > 0
    assert not any(explain(p, t).rule == "ad-rate-limit" for t in candidates)
    once = evaluate(p, zh_reviews)
    limit = next(r for r in once.rules if r.name == "ad-rate-limit")
    assert limit.decided.hits == 0 and limit.never == ["requires posts_today > 3"]
    four = evaluate(p, zh_reviews, signals={"posts_today": 4})
    limit = next(r for r in four.rules if r.name == "ad-rate-limit")
    assert (limit.decided.hits, limit.decided.fp, limit.never) == (wanted, wanted, [])
    assert "4 posts today" in format_report(four)
    # README's "Real text" section quotes these; change both together
    assert (wanted, len(texts)) == (55, 4_291)


def test_strikes_are_given_to_every_author() -> None:
    p = load_policy_text(
        """
name: s
detectors:
  kw: {type: keywords, mode: word, terms: {spam: [prize]}}
rules:
  - {name: repeat, when: {all: [{hit: kw}, {strikes: {ge: 1}}]}, action: remove}
enforcement:
  strikes:
    window_days: 90
    ladder: [{at: 5, action: ban}]
""",
        "s.yaml",
    )
    chunk = Chunk(1, ["a prize", "another prize", "hello"], ["spam"] * 3, np.ones(3, np.int8))
    none = evaluate_chunks(p, [chunk])
    assert none.rules[0].never == ["requires strikes >= 1"] and none.overall.hits == 0
    two = evaluate_chunks(p, [chunk], signals={"strikes": 2})
    assert two.rules[0].never == [] and two.overall.hits == 2
    assert two.overall.confusion() == _explained(p, chunk, {"strikes": 2})


def test_only_what_the_text_cannot_change_marks_a_rule() -> None:
    """A rule is marked only when no text could fire it: a hit that may or may not be
    found keeps it unmarked; an ``any`` fails only when every branch does."""
    p = load_policy_text(
        """
name: n
detectors:
  kw: {type: keywords, mode: word, terms: {spam: [prize]}}
rules:
  - {name: either, when: {any: [{hit: kw}, {account_age_days: {lt: 30}}]}, action: label}
  - {name: neither, when: {any: [{hour: {lt: 6}}, {reports: {ge: 2}}]}, action: label}
  - {name: not-hit, when: {all: [{not: {hit: kw}}, {friends: {ge: 10}}]}, action: label}
  - {name: not-personal, when: {not: {account_kind: personal}}, action: label}
  - {name: chat, when: {hit: kw}, action: label, scope: {channels: [chat, group]}}
  - {name: reported, when: {hit: kw}, action: label, scope: {stages: [report]}}
""",
        "n.yaml",
    )
    chunk = Chunk(1, ["a prize"], ["spam"], np.ones(1, np.int8))
    ev = evaluate_chunks(p, [chunk])
    never = {r.name: r.never for r in ev.rules}
    assert never == {
        "either": [],
        "neither": [
            "requires hour < 6 (each message is posted at 12:00) or requires reports >= 2 "
            "(a corpus message has no reports)"
        ],
        "not-hit": [],
        "not-personal": ["requires not (account_kind = personal)"],
        "chat": ["scoped to chat, group (each message is posted in moments)"],
        "reported": ["scoped to the report stage (each message is a new post, decided at upload)"],
    }
    # what each one did agrees: a marked rule hit nothing
    assert all(r.decided.hits == 0 for r in ev.rules if r.never)
    assert [r.name for r in ev.rules if r.decided.hits] == ["either"]
    assert not evaluate_chunks(p, [chunk], channel="chat").rules[4].never


def _params(command: str) -> dict[str, tuple]:
    from typer.main import get_command

    group = get_command(policy_app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    return {
        p.name: (tuple(p.opts), p.default, p.min, p.max, p.help)
        for p in cmd.params
        if p.name in AUTHOR
    }


def test_evaluate_has_explains_author_options() -> None:
    assert _params("evaluate") == _params("explain")
    assert sorted(_params("evaluate")) == sorted(AUTHOR)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "boss"], "--kind must be personal or official, got 'boss'"),
        (["--age-days", "3000000000"], "--age-days must be from 0 to 36,500"),
        (["--posts-today", "-1"], "--posts-today"),
        (["--strikes", "2000000"], "--strikes must be from 0 to 1,000,000"),
    ],
)
def test_a_bad_author_is_refused_alike(sms_corpus, args, message) -> None:
    runner = CliRunner()
    for command in (
        ["explain", "spam", "free prize"],
        ["evaluate", "spam", "--corpus", str(sms_corpus)],
    ):
        res = runner.invoke(policy_app, [*command, *args])
        assert res.exit_code == 2, (command, res.output)
        assert message in res.output, (command, res.output)


def test_the_python_api_checks_the_author(sms_corpus) -> None:
    p = policy.load_policy("spam")
    with pytest.raises(ValueError, match="unknown author signal 'age'"):
        evaluate(p, sms_corpus, signals={"age": 3})
    with pytest.raises(ValueError, match="kind must be personal or official"):
        evaluate(p, sms_corpus, signals={"kind": "boss"})
    # explain's other spellings of the same signals are taken
    ev = evaluate_chunks(
        p, _sample(sms_corpus, 50), signals={"account_kind": "official", "account_age_days": 3}
    )
    assert (ev.author.kind, ev.author.age_days) == ("official", 3)


def test_the_command_takes_the_author(sms_corpus) -> None:
    res = CliRunner().invoke(
        policy_app,
        [
            "evaluate",
            "classifier_review",
            "--corpus",
            str(sms_corpus),
            "--kind",
            "official",
            "--age-days",
            "3",
            "--friends",
            "2",
            "--posts-today",
            "5",
            "--strikes",
            "1",
            "--json",
        ],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["author"] == {
        "kind": "official",
        "age_days": 3,
        "friends": 2,
        "posts_today": 5,
        "strikes": 1.0,
    }
    never = {r["name"]: r["never_fires"] for r in data["rules"]}
    assert never["keyword-restricted"] == ["scoped to personal accounts"]
    assert never["re-registered-seller"] == []  # 3 days old: younger than 14
