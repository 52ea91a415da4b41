"""Where the project's data lives: shipped assets and the user's data directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs


def project_root() -> Path:
    return Path(__file__).resolve().parents[1]


def assets_dir() -> Path:
    """Presets, catalogue, templates, tables, icons: data, not code."""
    return project_root() / "assets"


def data_dir() -> Path:
    """The user's data directory, where the default database lives."""
    path = Path(platformdirs.user_data_dir("circlelab", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'circlelab.db'}"
