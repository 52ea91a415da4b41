"""Where the desktop app's own assets live (icons, stylesheets, translations)."""

from __future__ import annotations

from pathlib import Path

from simulation.paths import assets_dir


def icons_dir() -> Path:
    return assets_dir() / "icons"


def styles_dir() -> Path:
    return assets_dir() / "styles"


def i18n_dir() -> Path:
    return assets_dir() / "i18n"


def policies_dir() -> Path:
    return assets_dir() / "policies"


def policy_presets() -> list[str]:
    """Preset policy names (files without a ``.cases`` suffix)."""
    return sorted(p.stem for p in policies_dir().glob("*.yaml") if not p.stem.endswith(".cases"))
