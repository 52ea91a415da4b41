"""TSV, CSV, JSON Lines and Parquet give the same evaluation, whatever the chunk size."""

from __future__ import annotations

import pandas as pd
import pytest

import policy
from policy.corpus import read_corpus
from policy.evaluate import evaluate


@pytest.fixture(scope="module")
def sample(sms_corpus) -> pd.DataFrame:
    rows = [
        (lab, t) for c in read_corpus(sms_corpus) for lab, t in zip(c.labels, c.texts, strict=True)
    ]
    return pd.DataFrame(rows[:1500], columns=["Label", "SMS"])


def test_every_format_and_chunk_size_agrees(sample, tmp_path):
    tsv = tmp_path / "c.tsv"
    tsv.write_text(
        "Label\tSMS\n" + "".join(f"{a}\t{b}\n" for a, b in sample.itertuples(index=False)),
        encoding="utf-8",
    )
    sample.to_csv(tmp_path / "c.csv", index=False)
    sample.rename(columns={"SMS": "text", "Label": "label"}).to_json(
        tmp_path / "c.jsonl", orient="records", lines=True, force_ascii=False
    )
    sample.to_parquet(tmp_path / "c.parquet")
    p = policy.load_policy("spam")
    want = evaluate(p, tsv).to_dict()
    for name in ("c.csv", "c.jsonl", "c.parquet"):
        for chunksize in (1500, 97):
            got = evaluate(p, tmp_path / name, chunksize=chunksize).to_dict()
            for key in ("messages", "positives", "overall", "rules", "wrongly_hit", "missed"):
                assert got[key] == want[key], (name, chunksize, key)
