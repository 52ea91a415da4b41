"""What a sweep's report puts in its headline table: whether a policy works, how fast,
and at what cost, displacement to chats and groups and evasion included."""

from __future__ import annotations

import pandas as pd

from simulation.sweeps.report import write_report
from simulation.sweeps.sweep import sweep


def test_the_crackdowns_report_shows_displacement_evasion_and_wrongful_removals(tmp_path):
    # The crackdown (from day 30) moves selling to chats and groups, which it does not
    # scan, teaches sellers to write around its keywords and removes innocent posts. The
    # report said how much harm it avoided and how many bans were wrongful, but none of
    # these: its reader could not tell that selling had moved rather than stopped.
    result = sweep("classroom", ["none", "crackdown"], seeds="1-2", days=45, workers=1)
    write_report(result, tmp_path / "report", "crackdown against none")
    head = pd.read_csv(tmp_path / "report" / "data" / "headline.csv")
    value = head.set_index(["arm", "measure"])["mean"]
    crackdown, none = "March-2024 personal-account crackdown", "No moderation"
    assert value[crackdown, "private_harm_avoided"] < 0 < value[crackdown, "harm_avoided"]
    assert value[crackdown, "wrongful_removals"] > 0 == value[none, "wrongful_removals"]
    evasion = "obfuscated_share_last_week"
    assert value[crackdown, evasion] > 2 * value[none, evasion]
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    for label in ("private harm avoided", "wrongful removals", "obfuscated share last week"):
        assert f"<td>{label}</td>" in html
