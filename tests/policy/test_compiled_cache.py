"""The compiled-policy cache: a policy read back is the policy compiled, and nothing
it was built from can change without the cache noticing."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from policy import PolicyError, compiler, explain, load_policy, load_policy_text
from policy import compiled_cache as cc
from policy.loader import POLICY_DIR
from policy.yamlfile import read_yaml

PRESETS = sorted(p.stem for p in POLICY_DIR.glob("*.yaml") if ".cases" not in p.name)

POLICY = """
name: listed
detectors:
  kw:
    type: keywords
    normalize: [casefold, separators]
    terms_file: {tobacco: terms.txt}
rules:
  - {name: r, when: {hit: kw}, action: remove}
"""


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    """An empty cache folder of the test's own; counts the compilations."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", str(folder))
    calls: list[str] = []
    real = compiler.compile_policy

    def counting(text, source, **kw):
        calls.append(source)
        return real(text, source, **kw)

    monkeypatch.setattr(compiler, "compile_policy", counting)
    return folder / cc.FOLDER, calls


def case_texts(name: str) -> list[str]:
    path = POLICY_DIR / f"{name}.cases.yaml"
    texts = ["Selling v@pe pens", "出售電★子★煙", "他是一位化学家", "today's lunch 🍜"]
    if path.exists():
        data = read_yaml(path, mapping=False).data
        cases = data.get("cases", data) if isinstance(data, dict) else data
        texts += [c["text"] for c in cases if isinstance(c, dict) and "text" in c]
    return texts


@pytest.mark.parametrize("name", PRESETS)
def test_a_preset_read_back_explains_every_text_as_the_compiled_one(cache, name):
    folder, calls = cache
    fresh = load_policy(name)
    assert calls == [str(POLICY_DIR / f"{name}.yaml")]
    again = load_policy(name)
    assert len(calls) == 1, "the second load must come from the cache"
    assert again is not fresh and len(list(folder.glob("*.policy.pickle"))) == 1
    uncached = load_policy_text(*_text(name), cache=False)
    assert len(calls) == 2
    texts = case_texts(name)
    assert len(texts) > 4
    for text in texts:
        assert str(explain(again, text)) == str(explain(uncached, text)), text


def _text(name: str) -> tuple[str, str]:
    path = POLICY_DIR / f"{name}.yaml"
    return path.read_text(encoding="utf-8"), str(path)


def test_an_edited_term_file_is_noticed_even_with_the_same_size_and_time(tmp_path, cache):
    _folder, calls = cache
    terms = tmp_path / "terms.txt"
    terms.write_text("vape\n", encoding="utf-8")
    policy = tmp_path / "p.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    assert explain(load_policy(policy), "cheap vape").action == "remove"
    assert explain(load_policy(policy), "cheap pipe").action == "allow"
    assert len(calls) == 1
    stamp = terms.stat()
    terms.write_text("pipe\n", encoding="utf-8")  # same size
    os.utime(terms, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # same time
    p = load_policy(policy)
    assert len(calls) == 2
    assert explain(p, "cheap pipe").action == "remove"
    assert explain(p, "cheap vape").action == "allow"
    terms.unlink()  # a missing term file is an error again, never a stale policy
    with pytest.raises(PolicyError, match=r"terms\.txt"):
        load_policy(policy)


def test_the_text_start_day_and_folder_are_part_of_the_key(tmp_path, cache):
    _folder, calls = cache
    text, source = _text("crackdown")
    load_policy_text(text, source)
    load_policy_text(text + "\n# a comment\n", source)
    assert len(calls) == 2
    assert load_policy("crackdown", start_day=3).spec.start_day == 3
    assert load_policy("crackdown", start_day=4).spec.start_day == 4
    assert load_policy("crackdown", start_day=3).spec.start_day == 3
    assert len(calls) == 4
    load_policy_text(text, source, base_dir=tmp_path)
    assert len(calls) == 5


def test_a_policy_with_problems_is_never_cached(cache):
    folder, calls = cache
    bad = "name: x\nrules:\n  - {name: r, when: {hit: nowhere}, action: remove}\n"
    for _ in range(2):
        with pytest.raises(PolicyError, match="nowhere"):
            load_policy_text(bad, "bad.yaml")
    assert len(calls) == 2
    assert not folder.exists() or not list(folder.iterdir())


def test_a_damaged_or_foreign_entry_is_ignored_and_rebuilt(cache):
    folder, calls = cache
    load_policy("spam")
    (entry,) = folder.glob("*.policy.pickle")
    entry.write_bytes(entry.read_bytes()[:1000])  # truncated
    assert load_policy("spam").name
    assert len(calls) == 2
    # an entry others may write is not read (a pickle runs code when loaded)
    entry.write_bytes(pickle.dumps({"format": cc.FORMAT, "inputs": [], "policy": "planted"}))
    entry.chmod(0o666)
    assert load_policy("spam").name != "planted"
    assert len(calls) == 3
    entry.chmod(0o600)
    entry.write_bytes(pickle.dumps({"format": cc.FORMAT + 1, "inputs": [], "policy": 1}))
    assert load_policy("spam").name
    assert len(calls) == 4


def test_switched_off_or_unwritable_the_cache_never_stops_a_policy(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", "off")
    assert load_policy("spam").name
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", str(blocked))
    assert load_policy("spam").name
    assert blocked.read_text() == "a file where the folder should be"


def test_only_the_least_recently_used_entries_of_ours_are_pruned(tmp_path):
    folder = tmp_path / "policies"
    folder.mkdir()
    ours = []
    for i in range(6):
        p = folder / f"{i:032x}.policy.pickle"
        p.write_bytes(b"x")
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
        ours.append(p)
    foreign = [folder / "notes.txt", folder / "other.pickle", folder / "abc.policy.pickle"]
    for f in foreign:
        f.write_text("not ours")
    cc.prune(folder, keep=4)
    assert [p.exists() for p in ours] == [False, False, True, True, True, True]
    assert all(f.exists() for f in foreign)


def test_a_cached_policy_loads_without_the_compiler_or_the_yaml_readers(cache):
    import subprocess
    import sys

    folder, _calls = cache
    load_policy("crackdown")
    code = (
        "import sys; from policy import load_policy; p = load_policy('crackdown'); "
        "print(p.name); print(*sorted(m for m in ('policy.compiler', 'yaml', 'ruamel.yaml') "
        "if m in sys.modules))"
    )
    env = {**os.environ, "CIRCLELAB_CACHE_DIR": str(folder.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.splitlines() == [load_policy("crackdown").name, ""]


def test_a_kept_policy_holds_no_copy_of_the_pinyin_readings(cache):
    """A keyword detector with the pinyin step pickled the readings of 45,000 hanzi with
    it (590 KB an entry, 14 ms to read back); the readings come from the process's one
    copy, and a sound-alike is still read after the round trip."""
    folder, _calls = cache
    fresh = load_policy("crackdown")
    (entry,) = folder.glob("*.policy.pickle")
    assert entry.stat().st_size < 150_000, entry.stat().st_size
    again = load_policy("crackdown")
    sound_alike = "出售电籽烟"  # 籽 is read zi, as 子: 电子烟 (e-cigarette) by its sound
    for t in ("出售电子烟", sound_alike, "出售店子烟"):  # the last: 店子 (a shop) explains it
        assert str(explain(again, t)) == str(explain(fresh, t)), t
    said = str(explain(again, sound_alike))
    assert "(sound-alike dian zi yan)" in said and "decision: remove" in said
