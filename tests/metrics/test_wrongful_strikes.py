"""The headline numbers show every innocent user a strike reached, not only the banned:
a crackdown run in the classroom world gave 105 wrongful warnings and restrictions and
no wrongful ban, and the summary, the comparison and the sweep table said "wrongful bans
0" and nothing else about accounts. ``wrongful_account_actions_per_10k_accounts`` is
counted from the daily metrics; the report compares arms on the innocent accounts those
actions reached (``accounts_wrongly_struck_per_10k_accounts``) and on innocent posts lost."""

from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from simulation.cli.main import app
from simulation.metrics.summary import HEADLINE
from simulation.sweeps.report import KEY_MEASURES


def test_the_summary_counts_wrongful_warnings_restrictions_and_bans(tmp_path):
    out = tmp_path / "run"
    args = ["run", "--scenario", "classroom", "--policy", "crackdown", "--days", "60"]
    res = CliRunner().invoke(app, [*args, "--seed", "3", "--no-db", "--out", str(out), "--json"])
    assert res.exit_code == 0, res.output
    summary = pd.read_json(out / "summary.json", typ="series")
    m = pd.read_csv(out / "daily_metrics.csv")
    wrongful = sum(m[f"{c}.wrongful"].sum() for c in ("warnings", "restrictions", "bans"))
    assert wrongful > 0 and m["bans.wrongful"].sum() == 0  # strikes reached innocents
    expected = 1e4 * wrongful / summary["accounts_start"]
    assert summary["wrongful_account_actions_per_10k_accounts"] == expected


def test_arms_are_compared_on_the_cost_to_innocent_users():
    """On the innocent accounts reached (each once) and posts lost; the counts of actions
    are in the report's headline tables."""
    costs = {"accounts_wrongly_struck_per_10k_accounts", "innocent_posts_removed"}
    assert costs <= set(KEY_MEASURES)
    assert "wrongful_account_actions_per_10k_accounts" in HEADLINE
