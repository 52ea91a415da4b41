"""Re-pin the golden hashes: ``python -m tests.golden.update``.

Only for a change that means to alter the model or a metric; say why in the commit, and
bump ``MODEL_VERSION`` in ``simulation/model_version.py`` by one in the same commit: it is
stored with every run, and a resumed sweep runs again the stored runs of another version
instead of mixing their numbers, computed under the old rules, with new ones.

The hashes are pinned together with the model version they were computed under
(``version.json``: the version and a digest of ``hashes.json``); new hashes under the
version the old ones were pinned with are refused (exit 1), and
``tests/golden/test_golden.py`` fails when either file changes without the other.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from simulation.model_version import MODEL_VERSION
from tests.golden.cases import CASES, run_case

HASHES = Path(__file__).with_name("hashes.json")
VERSION = Path(__file__).with_name("version.json")


def digest(text: str) -> str:
    """SHA-256 of ``hashes.json``'s text (hex)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pinned_version() -> dict[str, object]:
    """``{"model_version": int, "hashes_sha256": str}`` as pinned."""
    return json.loads(VERSION.read_text(encoding="utf-8"))


def main() -> int:
    pinned = {case.name: run_case(case) for case in CASES}
    text = json.dumps(pinned, indent=2, sort_keys=True) + "\n"
    old = HASHES.read_text(encoding="utf-8") if HASHES.exists() else ""
    record = pinned_version() if VERSION.exists() else {"model_version": -1}
    if text != old and record["model_version"] == MODEL_VERSION:
        print(
            f"the outputs changed, but MODEL_VERSION is still {MODEL_VERSION}, the version "
            "the old hashes were pinned under: bump it in simulation/model_version.py "
            "(stored runs of the old model must not be mixed with new ones), then re-pin",
            file=sys.stderr,
        )
        return 1
    HASHES.write_text(text, encoding="utf-8")
    record = {"model_version": MODEL_VERSION, "hashes_sha256": digest(text)}
    VERSION.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {HASHES} ({len(pinned)} runs), pinned under model version {MODEL_VERSION}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
