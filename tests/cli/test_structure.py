"""The command line's shape: light declarations, command bodies imported when they run.

``circlelab --help`` must not pay for NumPy, pandas, SQLAlchemy or the policy compiler,
and ``policy explain`` must not pay for SQLAlchemy and pandas (speed is measured in
``bench/bench_cli.py``; here only what is imported is checked).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import simulation.cli

CLI = Path(simulation.cli.__file__).parent
HEAVY = ("numpy", "pandas", "sqlalchemy", "sqlmodel", "pydantic", "matplotlib", "policy.loader")


def imported_after(argv: list[str]) -> set[str]:
    code = (
        "import sys\n"
        f"sys.argv = {['circlelab', *argv]!r}\n"
        "from simulation.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return set(proc.stderr.split())


def test_help_imports_nothing_heavy():
    loaded = imported_after(["--help"])
    assert "typer" in loaded
    assert not {m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY}


def test_policy_explain_does_not_import_the_database_layer():
    loaded = imported_after(["policy", "explain", "none", "hello"])
    assert "policy.loader" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "sqlmodel", "pandas")}


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module is not None
    } | {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}


def test_no_import_circle_and_one_lazy_import_per_command():
    """Declaration modules import no command body at their top, bodies import no
    declaration module, and each command function holds exactly one import."""
    declarations = {"main", "policy", "sweeps", "options"}
    for path in CLI.glob("*.py"):
        top = _top_level_imports(path)
        if path.stem in declarations:
            assert not {m for m in top if m.startswith("simulation.cli.cmd_")}, path
        elif path.stem.startswith("cmd_") or path.stem == "common":
            assert not top & {f"simulation.cli.{d}" for d in declarations}, path
    for name in ("main", "policy", "sweeps"):
        tree = ast.parse((CLI / f"{name}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            imports = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
            if node.name in ("main", "register"):
                assert not imports, (name, node.name)
                continue
            assert len(imports) == 1, (name, node.name)  # a command: its one lazy import


def test_a_command_leaves_nothing_for_the_exit_collections_to_walk():
    """After a command, every object is in the collector's permanent generation, so the
    interpreter's shutdown does not walk them all again (a third of a second of a demo
    command's exit)."""
    code = (
        "import gc, sys\n"
        "sys.argv = ['circlelab', 'scenario', 'check', 'demo']\n"
        "from simulation.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "print(code, gc.get_freeze_count() > 10_000, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stderr.split()[-2:] == ["0", "True"], proc.stderr
