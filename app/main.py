"""Start the desktop app (``circlelab gui``)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings


def run(
    preset: str | None = None,
    policy: str | None = None,
    db: str | None = None,
    locale: str | None = None,
) -> int:
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.main_window import MainWindow
    from app.qt_compat import guard_none_refcount

    guard_none_refcount()

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName("CircleLab")
    app.setApplicationName("Circle Lab")
    settings = QSettings()
    locale = locale or str(settings.value("locale", "en_US"))
    i18n.install(app, locale)
    window = MainWindow(settings, preset=preset, policy=policy, db=db, locale=locale)
    window.show()
    return app.exec()
