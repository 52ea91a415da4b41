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


def test_a_long_csv_message_is_read_and_the_process_csv_limit_is_left_as_it_was(tmp_path):
    """A message over the csv module's 128 KiB field limit is read whole; the limit is
    raised only while the file is read (it stayed raised for the rest of the process, a
    setting of whoever imported the library)."""
    import csv

    long = "vape " * 40_000  # 200,000 characters
    path = tmp_path / "long.csv"
    path.write_text(f'label,text\nspam,"{long}"\nham,hello\n', encoding="utf-8")
    before = csv.field_size_limit()
    chunks = list(read_corpus(path))
    assert [t for c in chunks for t in c.texts] == [long, "hello"]
    assert csv.field_size_limit() == before
