"""Corpus panel: the per-rule table of ``circlelab policy evaluate`` inside the GUI.

A policy designer picks a labelled corpus once; every time the policy panel has a
policy that compiles, it calls :meth:`CorpusPanel.set_policy` and the table shows what
each rule does on real messages. Evaluation runs on a worker thread (a few hundred
milliseconds for the SMS corpus) and is debounced, so typing never blocks; a result for
an older policy is dropped. A small corpus is read once and kept in memory; a large
one is streamed again on each evaluation.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dialogs, wiring
from app.i18n import CORPUS_CONTEXT, t
from app.problems import error_text
from policy import corpus_messages as C
from policy.corpus import Chunk, CorpusError, parse_map, read_corpus
from policy.evaluate import (
    RULE_HEADER,
    Evaluation,
    allow_note,
    evaluate_chunks,
    rate,
    rule_rows,
)

_KEEP_IN_MEMORY = 200_000  # messages; larger corpora are streamed on each evaluation
Spec = tuple[str, str | None, str | None]  # the label map, the text and label columns
# problems the Text and Label column fields answer (the row shows with them)
COLUMN_PROBLEMS = (
    C.WHICH_TEXT_COLUMN,
    C.WHICH_LABEL_COLUMN,
    C.NO_TEXT_COLUMN,
    C.NO_LABEL_COLUMN,
)


def _read(path: str, spec: Spec) -> Iterator[Chunk]:
    mapping, text_column, label_column = spec
    # a label typed in the Map field is one the corpus has (a typo is an error)
    return read_corpus(path, text_column, label_column, parse_map(mapping), every_label=True)


class _Relay(QObject):
    """Carries a worker thread's result to the GUI thread (queued signal)."""

    done = Signal(int, object)  # generation, (Evaluation, None) or (False, the exception)


class CorpusPanel(QWidget):
    """Pick a corpus; see precision, recall and F1 per rule of the current policy."""

    evaluated = Signal()  # a new result (or error) is on display
    statusShown = Signal()  # the status line has new text (it may need more lines)

    def __init__(self, parent: QWidget | None = None, corpus: str | Path | None = None) -> None:
        super().__init__(parent)
        self.policy: Any = None
        self.settings: Any = None  # QSettings where dialogs remember their folders
        self.evaluation: Evaluation | None = None
        self.error = ""
        self._cache: tuple[tuple[str, Spec], list[Chunk]] | None = None  # (path, spec) -> chunks
        self._generation = 0
        self._relay = _Relay()
        self._relay.done.connect(self._show)
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._start)

        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Labelled corpus (TSV, CSV, JSONL, Parquet)"))
        self.path.editingFinished.connect(lambda: self.set_corpus(self.path.text()))
        pick = QPushButton(self.tr("Corpus…"))
        wiring.on_click(pick, self.choose_corpus)
        self.mapping = QLineEdit("spam=spam,ham=regular")
        self.mapping.setToolTip(
            self.tr("LABEL=TARGET pairs (targets: spam, offer, regular, life, ad, ignore)")
        )
        self.mapping.editingFinished.connect(lambda: self.set_corpus(self.path.text()))
        top = QHBoxLayout()
        top.addWidget(self.path, 3)
        top.addWidget(pick)
        top.addWidget(QLabel(self.tr("Map:")))
        top.addWidget(self.mapping, 2)
        # which columns hold the text and the label, when the file's names are not the
        # usual ones: shown once the corpus needs them (or they hold a name), so that at
        # 1280×720 the policy editor keeps its room
        self.text_column = QLineEdit()
        self.label_column = QLineEdit()
        columns = QHBoxLayout()
        self.columns_row = QWidget()
        self.columns_row.setObjectName("corpusColumns")
        columns.setContentsMargins(0, 0, 0, 0)
        for caption, field in (
            (self.tr("Text column:"), self.text_column),
            (self.tr("Label column:"), self.label_column),
        ):
            field.setPlaceholderText(self.tr("by name"))  # found by its usual name
            field.editingFinished.connect(lambda: self.set_corpus(self.path.text()))
            columns.addWidget(QLabel(caption))
            columns.addWidget(field, 1)
        self.columns_row.setLayout(columns)
        self.columns_row.setVisible(False)

        self.status = QLabel(self.tr("No corpus chosen"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names and errors: user text
        self.status.setObjectName("corpusStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(RULE_HEADER))
        self.table.setObjectName("corpusRules")
        self.table.setHorizontalHeaderLabels([t(CORPUS_CONTEXT, h) for h in RULE_HEADER])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.examples = QListWidget()
        self.examples.setObjectName("corpusExamples")
        self.examples.setMaximumHeight(120)
        # small minimums: the policy panel must fit a 1280×720 screen
        self.table.setMinimumHeight(40)
        self.examples.setMinimumHeight(30)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns_row)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.examples)
        # the table and the examples appear with a result: until then the policy editor
        # above gets their height (at 1280×720 it showed four lines of the policy)
        self._show_results(False)
        if corpus is not None:
            self.set_corpus(corpus)

    # ------------------------------------------------------------- inputs
    def choose_corpus(self) -> None:
        start = self.path.text().strip()
        dialog = dialogs.file_dialog(
            self,
            self.tr("Choose a labelled corpus"),
            str(Path(start).parent) if start else dialogs.last_dir(self.settings, "corpus"),
            [self.tr("Corpora (*.tsv *.csv *.jsonl *.ndjson *.json *.parquet)")],
        )
        path = dialogs.run_file_dialog(dialog)
        if path:
            dialogs.remember_dir(self.settings, "corpus", path)
            self.set_corpus(path)

    def set_corpus(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self._cache = None
        self._schedule()

    def set_policy(self, policy: Any) -> None:
        """The policy to evaluate (a CompiledPolicy); re-evaluates after a short pause."""
        self.policy = policy
        self._schedule()

    # ------------------------------------------------------------- work
    def _schedule(self) -> None:
        if self.policy is not None and self.path.text().strip():
            self._timer.start()

    def _start(self) -> None:
        self._generation += 1
        gen, policy, path, spec = (
            self._generation,
            self.policy,
            self.path.text().strip(),
            (
                self.mapping.text(),
                self.text_column.text().strip() or None,
                self.label_column.text().strip() or None,
            ),
        )
        self.status.setText(self.tr("Evaluating {0}…").format(Path(path).name))
        self.statusShown.emit()
        threading.Thread(target=self._work, args=(gen, policy, path, spec), daemon=True).start()

    def _work(self, gen: int, policy: Any, path: str, spec: Spec) -> None:
        try:
            cache = self._cache
            chunks = (
                cache[1]
                if cache is not None and cache[0] == (path, spec)
                else self._load(path, spec)
            )
            ev = evaluate_chunks(
                policy,
                chunks if chunks is not None else _read(path, spec),
                corpus=path,
                top=5,
            )
            self._relay.done.emit(gen, (ev, None))
        except (CorpusError, ValueError, OSError) as exc:
            self._relay.done.emit(gen, (False, exc))  # worded in the GUI thread

    def _load(self, path: str, spec: Spec) -> list[Chunk] | None:
        """Keep a small corpus in memory (keyed by path and map, so a worker that
        finishes late never serves another corpus); None means: stream it each time."""
        kept, n = [], 0
        for chunk in _read(path, spec):
            kept.append(chunk)
            n += len(chunk)
            if n > _KEEP_IN_MEMORY:
                return None
        self._cache = ((path, spec), kept)
        return kept

    def _show(self, gen: int, payload: tuple[Any, str]) -> None:
        if gen != self._generation:
            return  # an older policy's result
        ev, error = payload
        if not ev and isinstance(error, CorpusError):
            error = self._in_panel_words(error)
            if error.text.template in COLUMN_PROBLEMS:
                self.columns_row.setVisible(True)
        self.error = "" if ev else error_text(error)  # in the interface's language
        if not ev:
            self.evaluation = None
            self.status.setText(self.tr("✗ {0}").format(self.error))
            self.table.setRowCount(0)
            self.examples.clear()
        else:
            self.evaluation = ev
            self._fill(ev)
        self._show_results(bool(ev))
        self.evaluated.emit()

    def _in_panel_words(self, error: CorpusError) -> CorpusError:
        """A corpus problem whose advice names a command-line option, with the panel's
        own field named instead (the command line keeps its words)."""
        template, args = error.text.template, dict(error.text.args)
        if template == C.WHICH_TEXT_COLUMN:
            option = self.tr("the Text column field")
        elif template == C.WHICH_LABEL_COLUMN:
            option = self.tr("the Label column field")
        elif template == C.UNKNOWN_LABEL:
            label = dict(args["option"].args)["label"]  # (C.MAP_OPTION)
            option = self.tr("{0}=TARGET to the Map field").format(label)
        elif template == C.MAP_LABEL_ABSENT:
            pair = "{label}={target}".format(**dict(args["option"].args))  # (C.MAP_OPTION)
            option = self.tr("{0} in the Map field").format(pair)
        else:
            return error
        return CorpusError(
            error.file,
            error.text.replace(option=option),
            row=error.row,
            line=error.line,
            column=error.column,
        )

    def _show_results(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.examples.setVisible(shown)
        self.statusShown.emit()

    def needed_height(self, width: int) -> int:
        """Pixels the panel needs at ``width`` to show its inputs and every line of its
        status (the table and examples, when shown, take what is left)."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            return max(layout.totalHeightForWidth(width), self.minimumSizeHint().height())
        return self.sizeHint().height()

    def notes(self, ev: Evaluation) -> list[str]:
        """What the numbers need said with them, as ``policy evaluate`` says it
        (``policy.evaluate.unseen_note``, ``not_in_force_note``, ``rule_notes``,
        ``allow_note``), in the interface's language (a rule's reasons stay English)."""
        out = []
        if not ev.seen and not ev.scanned:
            out.append(
                self.tr(
                    "Not seen: the policy scans no channel (scan: []), so every message is "
                    "allowed, as in a run: only reported posts reach it, and a corpus has no "
                    "reports."
                )
            )
        elif not ev.seen:
            out.append(
                self.tr(
                    "Not seen: the policy does not scan {0} (it scans {1}), so every message "
                    "posted there is allowed, as in a run; `circlelab policy evaluate "
                    "--channel {2}` measures it where it looks."
                ).format(ev.channel, ", ".join(ev.scanned), ev.scanned[0])
            )
        if ev.not_in_force:
            rules = ", ".join(
                self.tr("'{0}' (in force from day {1})").format(name, day)
                if day is not None
                else self.tr("'{0}' (not in force on this day or later)").format(name)
                for name, day in ev.not_in_force
            )
            out.append(
                self.tr(
                    "Not in force on day {0}: {1}; as in a run on that day, these rules decide "
                    "nothing here."
                ).format(ev.day, rules)
            )
        for r in ev.rules:
            if r.never:  # the panel's author is evaluate's default one
                out.append(
                    self.tr(
                        "† '{0}' never fires here: every message is posted by a personal "
                        "account a year old with 100 friends, 1 post today and no strikes "
                        "({1}); `circlelab policy evaluate` takes another author (--kind, "
                        "--age-days, --friends, --posts-today, --strikes)."
                    ).format(r.name, "; ".join(r.never))
                )
            if r.unreviewed:
                out.append(
                    self.tr(
                        "‡ '{0}' sends posts to review, but nothing reviews them (the policy "
                        "has no enforcement.review section): they stay up as if allowed, so "
                        "its hits are not counted as actioned and it has no precision, recall, "
                        "F1 or false-positive rate (—)."
                    ).format(r.name)
                )
        if allow_note(ev):
            out.append(
                self.tr(
                    "An allow rule actions nothing: its spam hits are spam it let through and "
                    "its ham hits ham it spared, so it has no precision, recall, F1 or "
                    "false-positive rate (—)."
                )
            )
        return out

    def _fill(self, ev: Evaluation) -> None:
        o = ev.overall
        # each rate with its count and denominator, as the table and `policy evaluate`
        # print them (a rate is never rounded to 0% or 100% against its count; precision
        # with nothing hit is "—", not 0%)
        self.status.setText(
            self.tr(
                "{0:,} messages ({1:,} spam, {2:,} ham): precision {3}, recall {4}, "
                "false-positive rate {5}, F1 {6}; {7:,.0f} messages/s"
            ).format(
                ev.messages,
                ev.positives,
                ev.negatives,
                rate(o.tp, o.tp + o.fp),
                rate(o.tp, o.tp + o.fn),
                rate(o.fp, o.fp + o.tn),
                "—" if o.f1 != o.f1 else f"{o.f1:.1%}",
                ev.throughput,
            )
            + (
                ""
                if not ev.blank_lines
                else self.tr("; 1 blank line skipped")
                if ev.blank_lines == 1
                else self.tr("; {0:,} blank lines skipped").format(ev.blank_lines)
            )
            + "".join(f"\n{note}" for note in self.notes(ev))
        )
        rows = rule_rows(ev)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.examples.clear()
        for title, items in (
            (self.tr("wrongly hit"), ev.wrongly_hit),
            (self.tr("missed"), ev.missed),
        ):
            for e in items:
                why = f" — {e.rule}: {e.evidence}" if e.rule else ""
                self.examples.addItem(f"{title} ×{e.count}: {' '.join(e.text.split())}{why}")
