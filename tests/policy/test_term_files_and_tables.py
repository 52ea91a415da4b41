"""Terms from plain text files, a policy's own tables, the per-installation cache."""

from __future__ import annotations

import json
import pickle

import pytest

from policy import PolicyError, explain, load_policy, load_policy_text
from policy.cache import cached_json
from policy.lint import lint

POLICY = """
name: listed
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [casefold, separators, traditional, repeats]
    terms_file: {{tobacco: {file}}}
rules:
  - {{name: r, when: {{hit: kw}}, action: remove}}
"""


def write_policy(tmp_path, terms: str, file: str = "terms.txt"):
    (tmp_path / file).write_text(terms, encoding="utf-8")
    p = tmp_path / "p.yaml"
    p.write_text(POLICY.format(file=file), encoding="utf-8")
    return p


def test_terms_come_from_a_plain_text_file_beside_the_policy(tmp_path):
    path = write_policy(
        tmp_path, "\ufeff# tobacco, one per line\nvape\n\n  電子煙  # traditional is fine\nC#\n"
    )
    det = load_policy(path).detectors["kw"]
    assert sorted(r for _m, raws in det.table.values() for r in raws) == ["C#", "vape", "電子煙"]
    assert det.origins["vape"] == (str(tmp_path / "terms.txt"), 2)
    assert [h.what for h in det.scan("出电子烟")] == ["電子煙"]
    assert explain(load_policy(path), "Selling v a p e pens").action == "remove"


def test_a_relative_terms_file_follows_the_policy_not_the_working_directory(tmp_path, monkeypatch):
    path = write_policy(tmp_path, "vape\n")
    monkeypatch.chdir(tmp_path.parent)
    assert explain(load_policy(path), "vape").action == "remove"
    # compiled from text, the file's own folder is used when the source names a file
    text = path.read_text(encoding="utf-8")
    assert explain(load_policy_text(text, str(path)), "vape").action == "remove"


def test_a_missing_terms_file_is_an_error_at_its_entry(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text(POLICY.format(file="nowhere.txt"), encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    (issue,) = e.value.issues
    assert issue.field == "detectors.kw.terms_file.tobacco" and issue.line == 8
    assert "nowhere.txt" in issue.message


def test_a_terms_file_that_is_not_utf8_names_its_line_and_column(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"vape\n\xe7\x94\xb5\nab\xffcd\n")
    p = tmp_path / "p.yaml"
    p.write_text(POLICY.format(file="bad.txt"), encoding="utf-8")
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    (issue,) = e.value.issues
    assert (issue.file, issue.line, issue.column) == (str(tmp_path / "bad.txt"), 3, 3)
    assert "not UTF-8" in issue.message
    # the column counts characters, as the YAML files' errors do (\u7535 is three bytes)
    (tmp_path / "bad.txt").write_bytes(b"vape\n\xe7\x94\xb5\xff\n")
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    (issue,) = e.value.issues
    assert (issue.line, issue.column) == (2, 2) and "byte 0xff" in issue.message


def test_lint_points_at_the_line_of_the_terms_file(tmp_path):
    path = write_policy(tmp_path, "vape\nhb\n")
    (w,) = lint(load_policy(path))
    assert (w.file, w.line) == (str(tmp_path / "terms.txt"), 2)
    assert "shorter than 3 letters" in w.message


def test_fifteen_thousand_terms_load_and_match(tmp_path):
    words = [f"term{i:05d}x" for i in range(15_000)]
    path = write_policy(tmp_path, "\n".join(words) + "\n")
    p = load_policy(path)
    assert len(p.detectors["kw"].table) == 15_000
    assert [h.what for h in p.detectors["kw"].scan("buy term12345x now")] == ["term12345x"]
    assert lint(p) == []


# -- a policy's own tables ----------------------------------------------------------------
TABLES = """
name: t
tables:
  en_US:
    leetspeak: {"8": b}
    abbreviations: {vp: vape}
  slang:
    script: latin
    abbreviations: {ciggy: cigarette}
detectors:
  kw:
    type: keywords
    mode: word
    normalize: [casefold, leetspeak, separators, abbreviations]
    terms: {tobacco: [vape, cigarette, bong]}
rules: [{name: r, when: {hit: kw}, action: remove}]
"""


def test_a_policy_extends_the_tables_with_its_own_spellings():
    det = load_policy_text(TABLES).detectors["kw"]
    assert [h.what for h in det.scan("new b0ng 4 sale")] == ["bong"]  # the shipped "0"
    assert [h.what for h in det.scan("new 8ong here")] == ["bong"]  # the policy's own "8"
    plain = load_policy_text(TABLES.replace('leetspeak: {"8": b}', "leetspeak: {}"))
    assert plain.detectors["kw"].scan("new 8ong here") == []
    assert [(h.what, h.written) for h in det.scan("selling vp pens")] == [("vape", "vp")]
    assert [h.what for h in det.scan("a ciggy please")] == ["cigarette"]


def test_a_new_locales_table_must_say_its_script():
    bad = TABLES.replace("    script: latin\n", "")
    with pytest.raises(PolicyError) as e:
        load_policy_text(bad)
    assert any(i.field == "tables.slang.script" for i in e.value.issues)


def test_a_leetspeak_spelling_is_one_non_letter_for_one_letter():
    bad = TABLES.replace('{"8": b}', "{ph: f}")
    with pytest.raises(PolicyError) as e:
        load_policy_text(bad)
    assert any(i.field == "tables.en_US.leetspeak.ph" for i in e.value.issues)


def test_a_detectors_locales_choose_its_tables():
    det = load_policy_text(
        TABLES.replace("    mode: word\n", "    mode: word\n    locales: [slang]\n")
    ).detectors["kw"]
    assert [h.what for h in det.scan("a ciggy please")] == ["cigarette"]
    assert det.scan("selling vp pens") == []  # en_US (with "vp") is not among its tables


# -- compiled policies travel, derived tables are cached --------------------------------------
def test_a_compiled_policy_pickles_and_decides_the_same():
    for name in ("crackdown", "crackdown_zh", "zero_tolerance"):
        p = load_policy(name)
        q = pickle.loads(pickle.dumps(p))
        for text in ("出售電★子★煙", "Selling v@pe pens", "他是一位化学家"):
            assert explain(q, text).action == explain(p, text).action


def test_the_cache_is_written_once_atomically_and_survives_damage(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    assert cached_json("thing", ["v1"], build) == {"a": [1, 2]}
    assert cached_json("thing", ["v1"], build) == {"a": [1, 2]}
    assert len(calls) == 1
    (file,) = tmp_path.glob("thing-*.json")
    assert json.loads(file.read_text()) == {"a": [1, 2]}
    assert not list(tmp_path.glob(".*tmp"))  # no temporary file left behind
    file.write_text("{half a file")
    assert cached_json("thing", ["v1"], build) == {"a": [1, 2]} and len(calls) == 2
    assert cached_json("thing", ["v2"], build) == {"a": [1, 2]} and len(calls) == 3
    assert len(list(tmp_path.glob("thing-*.json"))) == 2  # another key, another file


def test_the_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", "off")
    assert cached_json("thing", ["v1"], lambda: [1]) == [1]
    monkeypatch.setenv("CIRCLELAB_CACHE_DIR", str(tmp_path / "ro"))
    (tmp_path / "ro").write_text("a file where the folder should be")
    assert cached_json("thing", ["v1"], lambda: [2]) == [2]  # unwritable: works from memory


def test_a_terms_file_names_every_place_that_is_not_utf8(tmp_path):
    """Only the first bad byte of a terms file was reported: a list saved in GBK has many,
    and the user fixed one, tried again, and met the next. Every place is now an error at
    its own line and column (a run of bad bytes is one place); after ten, one more
    counts the rest."""
    p = tmp_path / "p.yaml"
    p.write_text(POLICY.format(file="bad.txt"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff vape\nok\nab\xfe\xfdcd\nx\xfc\n")
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    found = [(i.line, i.column, i.message) for i in e.value.issues]
    assert [(line, col) for line, col, _ in found] == [(1, 1), (3, 3), (4, 2)]
    assert all(f"0x{b}" in m for (_l, _c, m), b in zip(found, ("ff", "fe", "fc"), strict=True))
    assert all(i.file == str(tmp_path / "bad.txt") for i in e.value.issues)
    (tmp_path / "bad.txt").write_bytes(b"".join(b"t\xff\n" for _ in range(14)))
    with pytest.raises(PolicyError) as e:
        load_policy(p)
    issues = e.value.issues
    assert [i.line for i in issues] == list(range(1, 12))
    assert "3 more places" in issues[-1].message and "10 listed" in issues[-1].message


def test_lint_warnings_come_in_reading_order(tmp_path):
    """Warnings came in the order the checks ran (line 22 before line 3): they are now
    in the policy's reading order, then each terms file's."""
    from policy.lint import lint

    (tmp_path / "words.txt").write_text("ok term\nhb\n", encoding="utf-8")
    p = tmp_path / "p.yaml"
    p.write_text(
        "name: order\n"
        "detectors:\n"
        "  kw:\n"
        "    type: keywords\n"
        "    terms: {tobacco: [vape, se]}\n"
        "    terms_file: {medical: words.txt}\n"
        "  unused: {type: keywords, terms: {tobacco: [cigar]}}\n"
        "rules:\n"
        "  - {name: everything, action: label}\n"
        "  - {name: never, when: {hit: kw}, action: remove}\n",
        encoding="utf-8",
    )
    places = [(w.file, w.line, w.column) for w in lint(load_policy(p))]
    mine = [x for x in places if x[0] == str(p)]
    assert len(mine) >= 3 and mine == sorted(mine)
    assert places == mine + sorted(x for x in places if x[0] != str(p))
    assert any(x[0] == str(tmp_path / "words.txt") for x in places)
