"""Load a policy file: parse (positions kept), validate (pydantic), compile.

Every problem is collected with its file, line, column and field path and raised
together as one :class:`~policy.errors.LocatedError`. The text is read through the
project's one input layer (``policy.yamlfile``: limits first, then only core YAML
types, nothing in the file is ever executed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from policy import messages as M
from policy.catalogue import ASSETS
from policy.errors import LocatedError, Problem
from policy.messages import did_you_mean, msg
from policy.yamlfile import read_text

if TYPE_CHECKING:
    from policy.model import CompiledPolicy

POLICY_DIR = ASSETS / "policies"


def resolve(path_or_name: str | Path) -> Path:
    """A bare preset name (``crackdown``) resolves to ``assets/policies/crackdown.yaml``."""
    p = Path(path_or_name)
    if p.suffix in (".yaml", ".yml") or p.exists() or len(p.parts) > 1:
        return p
    return POLICY_DIR / f"{p.name}.yaml"


def read_policy_file(path_or_name: str | Path) -> tuple[str, Path]:
    """The text and path of a policy file or preset, read through the input layer's limits."""
    path = resolve(path_or_name)
    try:
        return read_text(path), path
    except LocatedError:
        if path.exists():
            raise
        presets = sorted(p.stem for p in POLICY_DIR.glob("*.yaml") if ".cases" not in p.name)
        hint = did_you_mean(str(path_or_name), presets)
        raise LocatedError(
            [Problem.of(str(path), 0, 0, "", msg(M.NO_SUCH_POLICY, hint=hint))]
        ) from None


def load_policy(path_or_name: str | Path, *, start_day: int | None = None) -> CompiledPolicy:
    """Load a policy file or a preset by name. ``start_day`` overrides the file's."""
    text, path = read_policy_file(path_or_name)
    return load_policy_text(text, str(path), start_day=start_day, base_dir=path.parent)


def load_policy_text(
    text: str,
    source: str = "<string>",
    *,
    start_day: int | None = None,
    base_dir: Path | None = None,
    cache: bool = True,
) -> CompiledPolicy:
    """Load a policy from YAML text; ``source`` names it in error messages.

    ``base_dir`` is where relative file names in it (``catalogue:``, ``terms_file:``)
    start (default: the working directory). With ``cache`` (the default) a policy
    compiled before from the same text, code and data files is read back from the
    compiled-policy cache (``policy.compiled_cache``: milliseconds instead of the
    compiler's 50-100 ms and its libraries' imports); a policy with problems is never
    cached, so its errors are always reported afresh.

    Raises :class:`~policy.errors.LocatedError` naming file, line, column and field of
    every problem found."""
    from policy import compiled_cache

    key = compiled_cache.key_for(text, source, start_day, base_dir) if cache else None
    if key is not None:
        hit = compiled_cache.read(key)
        if hit is not None:
            return hit
    from policy.compiler import compile_policy

    policy, inputs = compile_policy(text, source, start_day=start_day, base_dir=base_dir)
    if key is not None:
        compiled_cache.write(key, policy, inputs)
    return policy
