"""``policy evaluate --out`` into a folder it wrote before: it replaces its own files and
nothing else, and a failed evaluation leaves the last report as it was (a file it did not
write is tested in ``test_errors.py``)."""

from __future__ import annotations

from typer.testing import CliRunner

from simulation.cli.policy import policy_app


def _evaluate(corpus, out):
    return CliRunner().invoke(
        policy_app, ["evaluate", "spam", "--corpus", str(corpus), "--out", str(out), "--top", "0"]
    )


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_next_evaluation_replaces_its_own_files_only(sms_corpus, tmp_path) -> None:
    out = tmp_path / "eval"
    assert _evaluate(sms_corpus, out).exit_code == 0
    (out / "notes.txt").write_text("keep me\n", encoding="utf-8")
    assert _evaluate(sms_corpus, out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".circlelab-bundle",
        "decisions.csv",
        "notes.txt",
        "report.html",
    ]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me\n"
    assert len((out / "decisions.csv").read_text(encoding="utf-8").splitlines()) == 5_575


def test_a_bad_corpus_leaves_the_last_report_whole(sms_corpus, tmp_path) -> None:
    out = tmp_path / "eval"
    assert _evaluate(sms_corpus, out).exit_code == 0
    before = _files(out)
    bad = tmp_path / "bad.tsv"
    bad.write_text("label\ttext\nspam\tfree prize\nunsure\thello\n", encoding="utf-8")
    res = _evaluate(bad, out)
    assert res.exit_code == 2 and "row 2" in res.output
    assert _files(out) == before
