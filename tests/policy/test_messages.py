"""A policy's problems are worded by templates (``policy.messages``) that the app
translates, while the English the command line prints stays exactly what it was.

``problem_files/`` holds broken policies of every stage (YAML syntax, the input layer,
validation, the schema's validators, the compiler, lint); ``check_output.json`` is what
``circlelab policy check`` printed for each before problems carried templates, and
``window_en.json`` what the English policy panel showed (tests/app).
"""

from __future__ import annotations

import ast
import json
import re
import string
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, field_validator
from typer.testing import CliRunner

from policy import messages as M
from policy.errors import LocatedError, Problem
from policy.loader import load_policy, load_policy_text
from policy.messages import Message, MessageError, msg
from policy.yamlfile import Located, validate
from simulation.cli.main import app
from tests.inputs.hostile import NAMES, content
from tests.inputs.test_cli import STRUCTURAL

ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = ROOT / "policy"
TS = ROOT / "assets" / "i18n" / "circlelab_zh_CN.ts"
FILES = Path(__file__).parent / "problem_files"
HAN = re.compile("[\u4e00-\u9fff]")


def _fields(template: str) -> Counter:
    """The placeholders of a template with their conversions and format specs, counted."""
    return Counter(
        (name, conv, spec)
        for _text, name, spec, conv in string.Formatter().parse(template)
        if name is not None
    )


def _words(template: str) -> str:
    """The text of a template outside its placeholders."""
    return "".join(part for part, *_ in string.Formatter().parse(template))


def _translations(context: str) -> dict[str, tuple[str | None, str]]:
    """source → (translation type, translation) of one context of the Chinese .ts."""
    out = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                node = message.find("translation")
                assert node is not None
                out[message.findtext("source") or ""] = (node.get("type"), node.text or "")
    return out


# -- the templates and their translations ------------------------------------------------


def check_translated(context: str, templates: list[str]) -> None:
    """Every template of ``context`` is in the Chinese .ts, translated, with the same
    placeholders (no conversion or format spec, no stray brace) and no English left."""
    found = _translations(context)
    for template in templates:
        assert template in found, f"not in the .ts (run python -m app.i18n): {template!r}"
        kind, text = found[template]
        assert kind is None and text.strip(), f"not translated: {template!r}"
        assert _fields(text) == _fields(template), (template, text)
        names = {name for name, _c, _s in _fields(template)}
        text.format(**dict.fromkeys(names, "x"))  # no stray brace
        if re.search("[A-Za-z]{2,}", _words(template)):
            # in Chinese, or its words dropped ("Value error, {error}" → "{error}")
            english = re.search("[A-Za-z]{2,}", _words(text))
            assert HAN.search(text) or not english, f"left in English: {template!r} → {text!r}"


def test_every_template_is_translated_into_chinese_with_the_same_placeholders():
    assert len(M.TEMPLATES) > 150  # every module's messages, not a few
    check_translated(M.CONTEXT, list(M.TEMPLATES))


def test_templates_name_their_parts_and_hold_no_format_specs():
    for template in M.TEMPLATES:
        for name, conv, spec in _fields(template):
            assert name.isidentifier() and conv is None and spec == "", template


def test_a_message_is_made_only_from_a_template_with_exactly_its_arguments():
    assert str(msg(M.UNKNOWN_RULE, name="r9", hint="")) == "unknown rule 'r9'"
    with pytest.raises(ValueError, match="not a template"):
        Message("unknown rule '{name}'!", (("name", "r9"),))
    with pytest.raises(ValueError, match="takes"):
        msg(M.UNKNOWN_RULE, name="r9")  # hint missing
    with pytest.raises(ValueError, match="takes"):
        msg(M.UNKNOWN_RULE, name="r9", hint="", extra=1)


def test_a_problem_in_policy_is_made_from_a_message_never_from_text():
    with pytest.raises(TypeError):
        Problem.of("p.yaml", 1, 1, "name", "unknown key 'x'")  # type: ignore[arg-type]
    p = Problem.of("p.yaml", 3, 5, "rules[0].action", msg(M.MISSING_KEY, key="action"))
    assert p.message == "missing required key 'action'"
    assert (p.template, p.text) == (M.MISSING_KEY, msg(M.MISSING_KEY, key="action"))
    assert Problem("s.yaml", 1, 1, "", "plain").text is None  # a simulation check's text


def test_a_message_renders_translated_parts_and_keeps_the_arguments():
    m = msg(
        M.UNKNOWN_KEY,
        key="actoin",
        hint=M.did_you_mean("actoin", ["action"]),
        expected=M.one_of(["name", "action"]),
    )
    table = {
        M.UNKNOWN_KEY: "未知的键 '{key}'{hint}{expected}",
        M.DID_YOU_MEAN: "（是不是 '{choice}'？）",
        M.EXPECTED_ONE_OF: "；应为：{choices}",
    }
    assert m.render(lambda t: table.get(t, t)) == (
        "未知的键 'actoin'（是不是 'action'？）；应为：name, action"
    )
    assert str(m) == "unknown key 'actoin' (did you mean 'action'?); expected one of: name, action"
    # a translation whose placeholders do not fill gives the English of that part
    broken = {M.UNKNOWN_KEY: "未知的键 '{word}'", M.DID_YOU_MEAN: "（{choice}？）"}
    assert m.render(lambda t: broken.get(t, t)) == (
        "unknown key 'actoin'（action？）; expected one of: name, action"
    )


def _calls(tree: ast.AST, names: set[str]) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names
    ]


def test_no_problem_in_policy_is_made_from_plain_text():
    """Every Problem made in policy/ goes through Problem.of (Issue.of), which takes a
    Message only; the dataclass's own constructor is called nowhere else there. The
    schema's validators raise MessageError, never a bare ValueError (pydantic would quote
    its English inside a translated message)."""
    made = []
    for path in sorted(POLICY_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, {"Problem", "Issue"}):
            made.append(f"{path.relative_to(ROOT)}:{call.lineno}")
        if path.name == "schema.py":
            assert not _calls(tree, {"ValueError"}), "a validator must raise MessageError"
    assert not made, f"Problem(...) with plain text: {made}"
    # and the ways in exist: every module that reports problems uses messages
    users = {p.name for p in POLICY_DIR.rglob("*.py") if "msg(M." in p.read_text(encoding="utf-8")}
    assert {"yamlfile.py", "compiler.py", "conditions.py", "lint.py", "lint_terms.py"} <= users


# -- every problem of broken files has its template, and reads as its template says ----


def _problems_of(path: Path) -> list[Problem]:
    from policy.lint import lint

    try:
        policy = load_policy(path)
    except LocatedError as exc:
        return exc.problems
    return lint(policy)


def _parts(message: Message) -> list[Message]:
    """A message and every message nested in its arguments."""
    out = [message]
    for _name, value in message.args:
        if isinstance(value, Message):
            out += _parts(value)
    return out


def _check_templated(problems: list[Problem]) -> None:
    assert problems
    templates = {template for _context, template in M.registered()}
    for p in problems:
        assert p.template in templates, p
        assert p.text is not None and str(p.text) == p.message, p
        for part in _parts(p.text):
            assert part.template != M.PYDANTIC_OTHER, f"pydantic error without a template: {p}"


@pytest.mark.parametrize("name", sorted(p.name for p in FILES.glob("*.yaml")))
def test_every_problem_of_a_broken_policy_carries_its_template(name):
    _check_templated(_problems_of(FILES / name))


@pytest.mark.parametrize("name", NAMES)
def test_every_problem_of_a_hostile_file_carries_its_template(tmp_path, name):
    """The hostile set: as a policy, as a policy's catalogue (the policy reads a
    catalogue's names and terms only: its structural files) and as a cases file."""
    from policy.cases import run_cases

    kinds = ("policy", "catalogue", "cases") if name in STRUCTURAL else ("policy", "cases")
    for kind in kinds:
        data, _field = content(kind, name)
        path = tmp_path / f"{kind}.yaml"
        path.write_bytes(data)
        if kind == "policy":
            problems = _problems_of(path)
        elif kind == "catalogue":
            text = f"name: c\ncatalogue: {path.name}\nrules: []\n"
            with pytest.raises(LocatedError) as info:
                load_policy_text(text, "p.yaml", base_dir=tmp_path, cache=False)
            problems = info.value.problems
        else:
            with pytest.raises(LocatedError) as info:
                run_cases(load_policy("crackdown"), path)
            problems = info.value.problems
        _check_templated(problems)


@pytest.mark.parametrize(
    "catalogue",
    [
        "categories: 5\n",
        "categories:\n  - 7\n",
        "categories:\n  medical: {terms: 3}\n",
        "categories:\n  medical: {terms: {en: {a: 1}}}\n",
    ],
)
def test_every_problem_of_a_catalogue_of_the_wrong_shape_carries_its_template(tmp_path, catalogue):
    (tmp_path / "c.yaml").write_text(catalogue, encoding="utf-8")
    text = "name: c\ncatalogue: c.yaml\nrules: []\n"
    with pytest.raises(LocatedError) as info:
        load_policy_text(text, "p.yaml", base_dir=tmp_path, cache=False)
    _check_templated(info.value.problems)


def _models() -> list[type[BaseModel]]:
    """Every model a project file is validated against, with the models inside them."""
    from policy.cases import CasesFile
    from policy.schema import PolicySpec
    from simulation.lessons.model import Lesson
    from simulation.scenario import Scenario
    from simulation.sweeps.study import Study

    seen: list[type[BaseModel]] = []

    def walk(annotation: Any) -> None:
        is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        if is_model and annotation not in seen:
            seen.append(annotation)
            for info in annotation.model_fields.values():
                walk(info.annotation)
        for arg in getattr(annotation, "__args__", ()) or ():
            walk(arg)
        for arg in getattr(annotation, "__metadata__", ()) or ():
            walk(arg)

    for root in (PolicySpec, CasesFile, Scenario, Lesson, Study):
        walk(root)
    return seen


MODELS = _models()
SCALARS = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["", "abc", "12", "1e999", "nan", "yes", "x" * 3000]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["a", "type", "name", "at", "action"]), inner, max_size=3),
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_pydantic_error_a_model_raises_has_a_template(data):
    """Wrong values of every kind in every field of every model: each error gets the
    template of its type (none falls back to pydantic's English), reading exactly as
    pydantic words it."""
    model = data.draw(st.sampled_from(MODELS), label="model")
    fields = data.draw(
        st.lists(st.sampled_from(sorted(model.model_fields)), min_size=1, max_size=3, unique=True),
        label="fields",
    )
    doc = Located({name: data.draw(VALUES, label=name) for name in fields}, "t.yaml")
    try:
        validate(model, doc)
    except LocatedError as exc:
        _check_templated(exc.problems)


def _only_problem(name: str) -> Problem:
    text = (FILES / name).read_text(encoding="utf-8")
    with pytest.raises(LocatedError) as info:
        load_policy_text(text, name, cache=False)
    (problem,) = info.value.problems
    return problem


def test_a_validator_error_keeps_its_message_for_translation():
    """A validator's error reaches the problem as its own message: the ladder check places
    each offending step's error at its ``at`` (errors_at) worded by its template alone; the
    restrict-needs-days check (a model validator) raises MessageError, whose message is
    the problem's own, without pydantic's "Value error, " in front."""
    ladder = _only_problem("ladder.yaml")
    assert (ladder.field, ladder.template) == ("enforcement.strikes.ladder[1].at", M.LADDER_NOT_UP)
    assert ladder.text is not None and ladder.text.kwargs["action"] == "warn"  # a YAML word
    restrict = _only_problem("restrict.yaml")
    assert restrict.text is not None and restrict.template == M.RESTRICT_NEEDS_DAYS
    assert restrict.message == "a restrict step needs 'days'"
    assert isinstance(MessageError(restrict.text), ValueError)


def test_a_validator_error_placed_as_plain_text_is_shown_as_written():
    """The simulation's models place errors worded as plain text (errors_at): shown as
    written, not as an unknown pydantic error."""
    from policy.yamlfile import errors_at

    class Span(BaseModel):
        days: list[int]

        @field_validator("days")
        @classmethod
        def _up(cls, days: list[int]) -> list[int]:
            raise errors_at("Span", [((1,), "the span runs backwards", days[1])])

    with pytest.raises(LocatedError) as info:
        validate(Span, Located({"days": [5, 2]}, "s.yaml"))
    (problem,) = info.value.problems
    assert (problem.field, problem.message) == ("days[1]", "the span runs backwards")
    assert problem.template == M.AS_WRITTEN


# -- the English is what it was ----------------------------------------------------------


def test_policy_check_prints_exactly_what_it_printed_before(monkeypatch):
    expected = json.loads((FILES / "check_output.json").read_text(encoding="utf-8"))
    assert sorted(expected) == sorted(p.name for p in FILES.glob("*.yaml"))
    monkeypatch.chdir(FILES)
    for name, before in expected.items():
        result = CliRunner().invoke(app, ["policy", "check", name])
        now = {"exit": result.exit_code, "stdout": result.stdout, "stderr": result.stderr}
        assert now == before, name
