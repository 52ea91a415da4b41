"""File dialogs and questions, the same on every desktop (Qt's own dialogs).

Qt's own dialog (not the desktop's) lets the app add a suffix the user left out, hide
``*.cases.yaml`` test-case files from "Open policy" unless asked for, and start where
the user last was. Each kind of file remembers its own last folder in the settings.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QMessageBox, QWidget

CASES_SUFFIX = ".cases.yaml"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def last_dir(settings: QSettings | None, key: str) -> str:
    """The folder a dialog of kind ``key`` starts in: the last one used, else home."""
    if settings is not None:
        value = str(settings.value(f"dirs/{key}", "") or "")
        if value and Path(value).is_dir():
            return value
    return str(Path.home())


def remember_dir(settings: QSettings | None, key: str, path: str | Path) -> None:
    if settings is not None:
        p = Path(path)
        settings.setValue(f"dirs/{key}", str(p if p.is_dir() else p.parent))


class _HideCases(QSortFilterProxyModel):
    """Hides ``*.cases.yaml`` files (folders and other files pass)."""

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if isinstance(model, QFileSystemModel) and not model.isDir(index):
            return not model.fileName(index).lower().endswith(CASES_SUFFIX)
        return True


def file_dialog(
    parent: QWidget | None,
    title: str,
    directory: str,
    filters: list[str],
    *,
    save: bool = False,
    suffix: str = "",
    name: str = "",
) -> QFileDialog:
    """A Qt file dialog (not yet shown). ``suffix`` is added to a name typed without one."""
    dialog = QFileDialog(parent, title, directory)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    _note_when_listed(dialog)
    dialog.setNameFilters(filters)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if suffix:
            dialog.setDefaultSuffix(suffix.lstrip("."))
        if name:
            dialog.selectFile(name)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


LISTED = "directoryListed"  # dynamic property: the dialog's folder has been read


def _note_when_listed(dialog: QFileDialog) -> None:
    """Set :data:`LISTED` once the folder is read: until then the dialog may still
    replace a typed name with the suggested one (tests wait for it, as a user would)."""
    model = dialog.findChild(QFileSystemModel)
    if model is not None:
        model.directoryLoaded.connect(lambda _path: dialog.setProperty(LISTED, True))


def run_file_dialog(dialog: QFileDialog) -> str | None:
    """Show the dialog modally; the chosen path, or None when cancelled."""
    if not dialog.exec():
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None


def open_policy_dialog(parent: QWidget | None, settings: QSettings | None) -> QFileDialog:
    """ "Open policy": YAML policies, test-case files hidden unless their filter is picked."""
    policies = QCoreApplication.translate("Dialogs", "YAML policies (*.yaml *.yml)")
    cases = QCoreApplication.translate("Dialogs", "Policy test cases (*.cases.yaml)")
    title = QCoreApplication.translate("Dialogs", "Open policy")
    dialog = file_dialog(parent, title, last_dir(settings, "policy"), [])
    dialog.setNameFilters([policies, cases])
    proxy = _HideCases(dialog)

    def on_filter(chosen: str) -> None:
        dialog.setProxyModel(proxy if chosen == policies else None)

    dialog.filterSelected.connect(on_filter)
    on_filter(policies)
    return dialog


def choose_open_policy(parent: QWidget | None, settings: QSettings | None) -> str | None:
    path = run_file_dialog(open_policy_dialog(parent, settings))
    if path:
        remember_dir(settings, "policy", path)
    return path


def choose_save_path(
    parent: QWidget | None,
    settings: QSettings | None,
    key: str,
    title: str,
    filters: list[str],
    suffix: str,
    name: str,
) -> str | None:
    """A path to write; ``suffix`` added when the typed name has none of the filters'."""
    dialog = file_dialog(
        parent, title, last_dir(settings, key), filters, save=True, suffix=suffix, name=name
    )
    path = run_file_dialog(dialog)
    if path and not Path(path).suffix:
        path += suffix
    if path:
        remember_dir(settings, key, path)
    return path


def choose_folder(
    parent: QWidget | None, settings: QSettings | None, key: str, title: str
) -> str | None:
    """An existing folder (where a new sub-folder will be made)."""
    dialog = QFileDialog(parent, title, last_dir(settings, key))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    _note_when_listed(dialog)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    path = run_file_dialog(dialog)
    if path:
        remember_dir(settings, key, path)
    return path


def ask_unsaved(parent: QWidget | None, what: str) -> Unsaved:
    """Save / Discard / Cancel for unsaved edits of ``what`` (a file or policy name)."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Unsaved changes"))
    box.setText(
        QCoreApplication.translate("Dialogs", "The policy {0} has unsaved changes.").format(what)
    )
    box.setInformativeText(QCoreApplication.translate("Dialogs", "Save them first?"))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return Unsaved.SAVE
    if answer == buttons.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def ask_replace(parent: QWidget | None, files: list[Path]) -> bool:
    """Whether to replace ``files``, which already exist (Replace / Cancel; Cancel is the
    default: an export names files beside the one chosen, which the save dialog did not
    ask about)."""
    box = QMessageBox(parent)
    box.setObjectName("replacePrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "Replace files?"))
    box.setText(
        QCoreApplication.translate("Dialogs", "{0} of the files to write already exist:").format(
            len(files)
        )
    )
    box.setInformativeText("\n".join(str(f) for f in files[:10]))
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.Cancel)
    box.button(buttons.Yes).setText(QCoreApplication.translate("Dialogs", "Replace"))
    box.setDefaultButton(buttons.Cancel)
    return box.exec() == buttons.Yes


def choose_open_file(
    parent: QWidget | None, settings: QSettings | None, key: str, title: str, filters: list[str]
) -> str | None:
    """An existing file to open, starting in the last folder of kind ``key``."""
    path = run_file_dialog(file_dialog(parent, title, last_dir(settings, key), filters))
    if path:
        remember_dir(settings, key, path)
    return path


def show_problems(parent: QWidget | None, title: str, problems: list[str]) -> None:
    """A warning listing problems (file:line:column: field: message), shown as written."""
    from PySide6.QtCore import Qt

    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n".join(problems[:20]), parent=parent)
    box.setObjectName("problemsBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages: never rich text
    box.exec()
