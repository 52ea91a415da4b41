"""``circlelab compare --pair A:B``: only the arm pairs asked for are compared (two
sweeps of six arms each made 36 pairs and a very long "Do the policies differ?"); an
arm that neither side has is an input error before anything is written. The reference
sweep (no moderation, keyword filter; 2 seeds) is compared with itself."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from simulation.cli import cmd_sweep
from simulation.cli.main import app

runner = CliRunner()


def _compare(reference, tmp_path, monkeypatch, *pairs: str):
    """The command run with ``pairs``; the pairs handed to the report (not drawn)."""
    handed: list[list[tuple[str, str]]] = []

    def write_report(result, out, title, pairs=None, **kwargs) -> Path:
        handed.append(pairs)
        return out / "report.html"

    monkeypatch.setattr(cmd_sweep, "write_report", write_report)
    sw = reference.sweep_id
    args = ["compare", sw, sw, "--db", reference.db, "--out", str(tmp_path / "cmp")]
    for pair in pairs:
        args += ["--pair", pair]
    done = runner.invoke(app, args)
    return done, handed


def test_pair_chooses_the_pairs_compared(reference, tmp_path, monkeypatch):
    sw = reference.sweep_id
    done, handed = _compare(reference, tmp_path, monkeypatch)
    assert done.exit_code == 0, done.output
    assert len(handed[0]) == 4  # without --pair: every arm of one against every arm of the other
    done, handed = _compare(
        reference, tmp_path, monkeypatch, "Keyword filter only:none", "keywords:keywords"
    )
    assert done.exit_code == 0, done.output
    assert handed == [
        [
            (f"A ({sw}): Keyword filter only", f"B ({sw}): No moderation"),
            (f"A ({sw}): Keyword filter only", f"B ({sw}): Keyword filter only"),
        ]
    ]


def test_an_unknown_arm_exits_2_naming_the_option_the_value_and_the_arms(
    reference, tmp_path, monkeypatch
):
    done, handed = _compare(reference, tmp_path, monkeypatch, "Keyword filter:[none]")
    assert done.exit_code == 2 and handed == []
    said = " ".join(done.output.split())
    sw = reference.sweep_id
    assert (
        f"error: --pair 'Keyword filter:[none]': 'Keyword filter' is not an arm of A ({sw}) "
        "(did you mean 'Keyword filter only'?), and '[none]' is not an arm of "
        f"B ({sw}); the arms of A ({sw}): 'No moderation', 'Keyword filter only'; of "
        f"B ({sw}): 'No moderation', 'Keyword filter only'"
    ) in said
    assert not (tmp_path / "cmp").exists()
