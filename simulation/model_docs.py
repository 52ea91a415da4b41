"""Keep docs/model.md's tables in step with the code.

``python -m simulation.model_docs`` rewrites the parameter and metric tables between their
markers in docs/model.md; a test fails when the page is out of date, so the page a
teacher reads always states the parameters and defaults the engine really uses.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from simulation.metrics import markdown_table
from simulation.paths import project_root
from simulation.scenario import Scenario

MODEL_PAGE = project_root() / "docs" / "model.md"
SKIP = {"events", "corpus", "name", "description"}


def _rows(model: type[BaseModel], instance: BaseModel, prefix: str = "") -> list[str]:
    rows = []
    for name, field in model.model_fields.items():
        if not prefix and name in SKIP:
            continue
        value = getattr(instance, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            rows += _rows(type(value), value, path + ".")
            continue
        extra: Any = field.json_schema_extra or {}
        unit = extra.get("unit", "") if isinstance(extra, dict) else ""
        source = extra.get("source", "") if isinstance(extra, dict) else ""
        default = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value
        rows.append(f"| `{path}` | {default} | {unit} | {field.description or ''} | {source} |")
    return rows


def parameter_table() -> str:
    head = [
        "| parameter | default | unit | meaning | source |",
        "| --- | --- | --- | --- | --- |",
    ]
    return "\n".join(head + _rows(Scenario, Scenario()))


def _replace(text: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)", re.S)
    if not pattern.search(text):
        raise ValueError(f"markers for '{marker}' are missing from {MODEL_PAGE}")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def render(text: str) -> str:
    text = _replace(text, "parameters", parameter_table())
    return _replace(text, "metrics", markdown_table())


def main(path: Path = MODEL_PAGE) -> int:
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
