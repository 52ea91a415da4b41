"""A text's findings are kept across runs for detectors equal field by field
(policy.detectors.memo): a run that meets texts read before decides them without reading
them again, and decides exactly what a run that reads them anew decides."""

from __future__ import annotations

import dataclasses

import pytest

from policy import load_policy_text
from policy.detectors import NormCache, TextCache, memo
from policy.detectors.keywords import KeywordsDetector
from policy.detectors.regex import RegexDetector
from policy.evaluate import evaluate
from simulation import run
from simulation.paths import assets_dir
from simulation.scenario import parse_scenario
from tests.corpus.conftest import CORPUS as SMS

WORLD = parse_scenario("name: tiny\nseed: 2\ndays: 10\npopulation: {accounts: 500}\n", "t.yaml")
POLICIES = assets_dir() / "policies"


def policy(name: str = "zero_tolerance", replace: tuple[str, str] | None = None):
    """The preset compiled anew (a new object each call, as a sweep's worker compiles each
    job's policy), in force from day 1, its text optionally changed."""
    text = (POLICIES / f"{name}.yaml").read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    return load_policy_text(text, f"{name}.yaml", start_day=1, base_dir=POLICIES, cache=False)


def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the keyword and regex detectors read from now on."""
    read: list[str] = []
    for cls in (KeywordsDetector, RegexDetector):
        original = cls.scan

        def counted(self, text, *a, _original=original, **k):
            read.append(text)
            return _original(self, text, *a, **k)

        monkeypatch.setattr(cls, "scan", counted)
    return read


def decided(result):
    """Everything a run decided from text: daily metrics, rule counts, and each detector's
    hits per text id as they read (located in the text as written)."""
    session = result.simulation.session
    hits = {
        name: {i: [str(h) for h in hs] for i, hs in sorted(cache.hits.items())}
        for name, cache in session.text_cache.items()
    }
    return result.metrics, result.rules, hits


def test_a_second_run_of_an_equal_policy_reads_no_text_again_and_decides_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memo.forget()
    read = scans(monkeypatch)
    first = run(WORLD, policy(), seed=2, keep_simulation=True)
    assert len(read) > 1000  # every distinct text of the world, once per detector
    read.clear()
    again = run(WORLD, policy(), seed=2, keep_simulation=True)  # compiled anew
    assert read == []
    memo.forget()
    fresh = run(WORLD, policy(), seed=2, keep_simulation=True)
    assert len(read) > 1000
    for a, b, c in zip(decided(first), decided(again), decided(fresh), strict=True):
        if hasattr(a, "equals"):
            assert a.equals(b) and a.equals(c)
        else:
            assert a == b == c
    hits = decided(again)[2]
    assert any(hits.values())  # the texts fired: the comparison above is not of nothing


def test_a_policy_that_differs_in_one_field_reads_for_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A detector without one of its categories is another detector: it reads every text
    itself, and no longer fires on the offers of tobacco."""
    memo.forget()
    every = run(WORLD, policy("crackdown"), seed=2, keep_simulation=True)
    read = scans(monkeypatch)
    cats = "terms_from: catalogue\n    categories: [medical, tobacco, sexual_health, aphrodisiac]"
    fewer = policy("crackdown", (cats, cats.replace("tobacco, ", "")))
    no_tobacco = run(WORLD, fewer, seed=2, keep_simulation=True)
    assert len(read) > 1000
    fired = [r.simulation.session.text_cache["restricted_terms"].hits for r in (every, no_tobacco)]
    assert set(fired[1]) < set(fired[0])


def test_a_runs_hits_are_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists handed to one run are not the ones kept: changing them changes no later run."""
    memo.forget()
    first = run(WORLD, policy(), seed=2, keep_simulation=True)
    cache = first.simulation.session.text_cache["restricted_terms"]
    i = next(iter(cache.hits))
    kept = [str(h) for h in cache.hits[i]]
    cache.hits[i].clear()
    again = run(WORLD, policy(), seed=2, keep_simulation=True)
    assert [str(h) for h in again.simulation.session.text_cache["restricted_terms"].hits[i]] == kept


def test_only_detectors_that_say_so_themselves_and_are_built_are_kept() -> None:
    """A subclass does not inherit the promise (its own state may decide), a detector not
    yet built finds nothing and must not speak for the built ones, and a detector edited
    in place and built again is another detector."""
    det = policy().detectors["restricted_terms"]
    assert memo.fingerprint(det) is not None
    assert memo.fingerprint(det) == memo.fingerprint(policy().detectors["restricted_terms"])

    @dataclasses.dataclass
    class Longer(KeywordsDetector):  # a field of its own, the promise not made again
        min_len: int = 50

    assert memo.fingerprint(Longer(name="x", categories=())) is None
    unbuilt = KeywordsDetector(name="x", categories=("medical",), table={"pills": (1, ("pills",))})
    assert memo.fingerprint(unbuilt) is None  # its automata not made yet
    unbuilt.build()
    before = memo.fingerprint(unbuilt)
    assert before is not None
    unbuilt.table["vape"] = (1, ("vape",))
    unbuilt.build()
    assert memo.fingerprint(unbuilt) != before


def test_an_edited_detector_reads_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same object, a term added in place and built again: a text it now fires on is
    read anew, not answered from what it found before the edit."""
    det = KeywordsDetector(name="x", categories=("medical",), table={"pills": (1, ("pills",))})
    det.build()
    texts = ["pills here", "vape here"]
    first = TextCache()
    first.ensure(det, texts, NormCache(lambda steps: lambda s: s))
    assert first.fired.tolist() == [True, False]
    det.table["vape"] = (1, ("vape",))
    det.build()
    again = TextCache()
    again.ensure(det, texts, NormCache(lambda steps: lambda s: s))
    assert again.fired.tolist() == [True, True]


def test_the_store_keeps_to_its_budget_and_a_corpus_keeps_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the budget the detectors used least recently are dropped and later texts
    are read, not kept; evaluating a corpus keeps none of its messages."""
    monkeypatch.setattr(memo, "BUDGET", 200_000)
    run(WORLD, policy(), seed=2)
    assert 0 < memo.kept_bytes() <= 200_000
    memo.forget()
    evaluate(policy(), SMS)  # 5,574 real messages
    assert memo.kept_bytes() == 0
