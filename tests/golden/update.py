"""Re-pin the golden hashes: ``python -m tests.golden.update``.

Only for a change that means to alter the model or a metric; say why in the commit, and
bump ``MODEL_VERSION`` in ``simulation/model_version.py`` by one in the same commit: it is
stored with every run, and a resumed sweep runs again the stored runs of another version
instead of mixing their numbers, computed under the old rules, with new ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulation.model_version import MODEL_VERSION
from tests.golden.cases import CASES, run_case

HASHES = Path(__file__).with_name("hashes.json")


def main() -> None:
    pinned = {case.name: run_case(case) for case in CASES}
    HASHES.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {HASHES} ({len(pinned)} runs)")
    print(
        f"if they changed, bump MODEL_VERSION in simulation/model_version.py (now {MODEL_VERSION})"
    )


if __name__ == "__main__":
    main()
