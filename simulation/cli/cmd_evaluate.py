"""``circlelab policy evaluate``: a policy's text rules replayed over a labelled corpus.

Exit codes: 0 ok, 2 invalid input (a located policy error, or a corpus problem).
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path

from policy.corpus import CorpusError, parse_map
from policy.evaluate import DecisionCSV, format_report, write_html
from policy.evaluate import evaluate as run_evaluate
from simulation.cli.cmd_policy import AUTHOR_OPTIONS, check_author, load
from simulation.cli.common import input_error, out, staged_out
from simulation.strict_json import dumps

OUT_NAMES = ("decisions.csv", "report.html")


def evaluate(
    file: str,
    corpus: Path,
    *,
    text_column: str | None,
    label_column: str | None,
    mapping: str | None,
    day: int | None,
    top: int,
    chunksize: int,
    channel: str = "moments",
    author: Mapping[str, object] | None = None,
    as_json: bool,
    out_dir: Path | None,
) -> None:
    """Replay the policy's text rules over a labelled corpus; precision, recall, F1.
    ``author``: the author options (``kind``, ``age_days``, …) every message is posted with."""
    check_author(author or {})
    p = load(file)
    with ExitStack() as stack:  # --out: written beside it, moved in at the end
        tmp = stack.enter_context(staged_out(out_dir, OUT_NAMES)) if out_dir else None
        writer = None
        try:
            # no --map: None, the default map, whose labels a corpus need not all have
            labels = parse_map(mapping) if mapping else None
            if tmp is not None:
                writer = DecisionCSV(tmp / "decisions.csv", p.rule_names)
            ev = run_evaluate(
                p,
                corpus,
                text_column=text_column,
                label_column=label_column,
                mapping=labels,
                chunksize=chunksize,
                day=day,
                top=top,
                on_chunk=writer,
                channel=channel,
                signals=author,
                labels=AUTHOR_OPTIONS,
            )
        except (CorpusError, ValueError, OSError) as exc:
            raise input_error(str(exc)) from None
        finally:
            if writer is not None:
                writer.close()
        if tmp is not None:
            write_html(ev, tmp / "report.html")
    if as_json:
        print(dumps(ev.to_dict(), indent=2, ensure_ascii=False))
    else:
        out.print(format_report(ev))
        if out_dir is not None:
            out.print(f"wrote {out_dir / 'decisions.csv'} and {out_dir / 'report.html'}")
