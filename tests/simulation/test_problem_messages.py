"""Scenario, lesson and corpus problems are worded by templates (``simulation.messages``,
``policy.corpus_messages``) that the app translates, while the English the command line
prints stays exactly what it was.

``problem_files/`` holds broken scenarios, lessons and corpora reaching every message;
``cli_output.json`` is what ``circlelab scenario check``, ``lesson check`` and ``policy
evaluate --corpus`` printed for each before these problems carried templates (the
checkout's folder written ``<root>``).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from simulation.cli.main import app

FILES = Path(__file__).parent / "problem_files"
ROOT = Path(__file__).resolve().parents[2]
OUTPUT = FILES / "cli_output.json"


def cases() -> dict[str, list[str]]:
    """Each command line, by name (run in ``problem_files``)."""
    out = {}
    for path in [*sorted(FILES.glob("scenario_*.yaml")), FILES / "nosuch.yaml"]:
        out[f"scenario check {path.name}"] = ["scenario", "check", path.name]
    for path in [*sorted(FILES.glob("lesson_*.yaml")), FILES / "nosuch"]:
        out[f"lesson check {path.name}"] = ["lesson", "check", path.name]
    for path in [*sorted(FILES.glob("corpus_*")), FILES / "nosuch.tsv"]:
        out[f"evaluate {path.name}"] = ["policy", "evaluate", "crackdown", "--corpus", path.name]
    evaluate = ["policy", "evaluate", "crackdown", "--corpus"]
    out["evaluate --text-column"] = [*evaluate, "corpus_columns.csv", "--text-column", "word"]
    out["evaluate --map without ="] = [*evaluate, "corpus_label.tsv", "--map", "ham=regular,hma"]
    out["evaluate --map unknown target"] = [
        *evaluate,
        "corpus_label.tsv",
        "--map",
        "ham=regular,hma=spma",
    ]
    return out


def run_case(argv: list[str]) -> dict[str, object]:
    result = CliRunner().invoke(app, argv)
    return {
        "exit": result.exit_code,
        "stdout": result.stdout.replace(str(ROOT), "<root>"),
        "stderr": result.stderr.replace(str(ROOT), "<root>"),
    }


def test_the_command_line_prints_exactly_what_it_printed_before(monkeypatch):
    expected = json.loads(OUTPUT.read_text(encoding="utf-8"))
    monkeypatch.chdir(FILES)
    assert sorted(expected) == sorted(cases())
    for name, argv in cases().items():
        assert run_case(argv) == expected[name], name


if __name__ == "__main__":  # python -m tests.simulation.test_problem_messages: re-record
    import os

    os.chdir(FILES)
    record = {name: run_case(argv) for name, argv in cases().items()}
    OUTPUT.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
