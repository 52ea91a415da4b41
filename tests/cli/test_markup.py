"""User text is printed as written: never read as rich markup, Qt rich text or mathtext.

Before, a pattern ``[a-z]+(x`` was shown as ``+(x`` and a policy named
``[red]Alert[/red] policy [a-z] done`` as ``Alert policy  done``.
"""

from __future__ import annotations

import json

from rich.console import Console
from typer.testing import CliRunner

from simulation.cli import cmd_stored
from simulation.cli.main import app

runner = CliRunner()
NAME = "[red]A[/red] [a-z] $x$"
POLICY = f"""\
name: "{NAME}"
detectors:
  kw: {{type: keywords, mode: word, terms: {{tobacco: [vape, "[x]"]}}}}
rules:
  - {{name: "[bold]r[/bold]", when: {{hit: kw}}, action: remove}}
"""


def test_policy_names_terms_and_patterns_keep_their_brackets(tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    result = runner.invoke(app, ["policy", "check", str(policy)])
    assert result.exit_code == 0, result.output
    assert f"'{NAME}'" in result.output
    assert "term '[x]'" in result.output  # a lint warning quoting a term
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: t\ndetectors:\n  c: {type: regex, patterns: {wechat: 'wx(:[a-z]+'}}\nrules: []\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["policy", "check", str(bad)])
    assert result.exit_code == 2 and "wx(:[a-z]+" in result.output
    result = runner.invoke(app, ["policy", "explain", str(policy), "[b]vape[/b]"])
    assert "[b]vape[/b]" in result.output and "[bold]r[/bold]" in result.output


def test_run_summary_and_stored_names_keep_their_brackets(tmp_path, monkeypatch):
    policy = tmp_path / "p.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text('name: "[i]town[/i]"\ndays: 3\npopulation: {accounts: 300}\n', "utf-8")
    db = tmp_path / "r.db"
    result = runner.invoke(
        app, ["run", "--scenario", str(scenario), "--policy", str(policy), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    assert f"[i]town[/i] × {NAME}, seed" in result.output
    wide = Console(highlight=False, markup=True, width=220)  # no wrapping; markup would bite
    monkeypatch.setattr(cmd_stored, "out", wide)
    listing = runner.invoke(app, ["runs", "list", "--db", str(db)])
    assert "[red]A[/red]" in listing.output and "[i]town[/i]" in listing.output
    check = runner.invoke(app, ["scenario", "check", str(scenario)])
    assert "'[i]town[/i]'" in check.output
    rows = json.loads(runner.invoke(app, ["runs", "list", "--db", str(db), "--json"]).output)
    assert rows[0]["policy"] == NAME


def test_sweep_tables_and_report_charts_take_names_as_written(tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text(POLICY.replace(NAME, "cost $\\\\frac$ [b]x[/b]"), encoding="utf-8")
    out = tmp_path / "report"
    result = runner.invoke(
        app,
        [
            "sweep",
            "--scenario",
            "classroom",
            "--days",
            "4",
            "--seeds",
            "1",
            "--policy",
            "none",
            "--policy",
            str(policy),
            "--db",
            str(tmp_path / "s.db"),
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "[b]x[/b]" in result.output
    assert (out / "report.html").exists()
