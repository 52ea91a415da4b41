"""Re-pin the golden hashes: ``python -m tests.golden.update``.

Only for a change that means to alter the model or a metric; say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.golden.cases import CASES, run_case

HASHES = Path(__file__).with_name("hashes.json")


def main() -> None:
    pinned = {case.name: run_case(case) for case in CASES}
    HASHES.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {HASHES} ({len(pinned)} runs)")


if __name__ == "__main__":
    main()
