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

import pytest
from typer.testing import CliRunner

from policy import messages as M
from policy.errors import LocatedError
from policy.messages import Message, msg
from simulation import messages as S
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
    out["evaluate --map label no message has"] = [
        *evaluate,
        "corpus_label.tsv",
        "--map",
        "ham=regular,hma=spam,hmm=spam",
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


# -- every problem carries its template, and every template its translation -------------


def test_every_template_is_translated_into_chinese_with_the_same_placeholders():
    from policy import corpus_messages
    from policy.messages import registered
    from simulation import messages
    from tests.policy.test_messages import _fields, check_translated

    contexts = (messages.SCENARIO, messages.LESSON, corpus_messages.CONTEXT)
    for context in contexts:
        templates = [t for c, t in registered() if c == context]
        assert len(templates) > 15, context
        check_translated(context, templates)
        for template in templates:
            for name, _conv, spec in _fields(template):
                assert name.isidentifier() and spec == "", template


def _leaves(message: Message) -> list[Message]:
    out = [message]
    for _name, value in message.args:
        if isinstance(value, Message):
            out += _leaves(value)
    return out


def _check_templated(problems) -> None:
    assert problems
    for p in problems:
        assert p.text is not None and str(p.text) == p.message, p
        for part in _leaves(p.text):
            # plain text inside a template would stay English in the window
            assert part.template not in (M.AS_WRITTEN, M.PYDANTIC_OTHER), p


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.glob("scenario_*.yaml")))
def test_every_problem_of_a_broken_scenario_carries_its_template(name):
    from simulation.scenario import load_scenario

    with pytest.raises(LocatedError) as info:
        load_scenario(FILES / name)
    _check_templated(info.value.problems)


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.glob("lesson_*.yaml")))
def test_every_problem_of_a_broken_lesson_carries_its_template(name):
    from simulation.lessons.load import load_lesson

    with pytest.raises(LocatedError) as info:
        load_lesson(FILES / name)
    _check_templated(info.value.problems)


def test_missing_files_and_values_refused_by_a_change_carry_their_templates(tmp_path):
    from simulation.lessons.load import load_lesson
    from simulation.messages import UnknownParameter
    from simulation.scenario import load_scenario

    for load in (load_scenario, load_lesson):
        with pytest.raises(LocatedError) as info:
            load(tmp_path / "nosuch.yaml")
        _check_templated(info.value.problems)
    scenario = load_scenario("classroom")
    with pytest.raises(LocatedError) as info:
        scenario.with_changes({"population.mix.spammer": 0.5}, source="--set")
    _check_templated(info.value.problems)
    assert info.value.problems[0].file == "--set"
    with pytest.raises(UnknownParameter) as unknown:
        scenario.with_changes({"posting.nothing": 1})
    assert isinstance(unknown.value, KeyError)
    assert unknown.value.args == ("unknown scenario parameter 'posting.nothing'",)
    assert unknown.value.text == msg(S.UNKNOWN_PARAMETER, key="posting.nothing", hint="")
    with pytest.raises(UnknownParameter) as close:  # a close name: suggested
        scenario.with_changes({"posting.seller_per_dya": 1})
    assert close.value.text == msg(
        S.UNKNOWN_PARAMETER,
        key="posting.seller_per_dya",
        hint=msg(M.DID_YOU_MEAN, choice="posting.seller_per_day"),
    )


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.glob("corpus_*")))
def test_every_corpus_error_is_worded_by_its_templates(name):
    from policy.corpus import CorpusError, read_corpus

    with pytest.raises(CorpusError) as info:
        for _chunk in read_corpus(FILES / name):
            pass
    error = info.value
    assert error.text.template in dict((t, c) for c, t in M.registered())
    parts = [error.text] + [m for part in error.where() for m in part]
    for part in parts:
        for leaf in _leaves(part):
            assert leaf.template not in (M.AS_WRITTEN, M.PYDANTIC_OTHER), error
    # the place and the message, each part translated
    table = {t: f"<{t}>" for _c, t in M.registered()}
    shown = error.describe(lambda t: table[t].replace("<", "«").replace(">", "»"))
    assert shown.startswith(error.file) and "«" in shown


def test_a_corpus_error_is_made_from_a_message_never_from_text():
    from policy.corpus import CorpusError

    with pytest.raises(TypeError):
        CorpusError("c.tsv", "no such file")  # type: ignore[arg-type]


def test_no_problem_of_a_scenario_or_a_lesson_is_made_from_plain_text():
    """Their Problems are made with Problem.of (or problem_at) from messages: the
    dataclass's own constructor is called nowhere there, and the models' validators
    raise MessageError or errors_at with messages, never a bare ValueError."""
    import ast

    sources = [ROOT / "simulation" / "scenario.py", *(ROOT / "simulation" / "lessons").glob("*.py")]
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("Problem", "ValueError"), f"{path}:{node.lineno}"
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "problem_at":
                assert not isinstance(node.args[2], ast.JoinedStr | ast.Constant), path
