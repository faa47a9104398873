"""Every mention, claim and event of a real build points at exactly its text (issue 12).

Three real corpora from ``../shared/data``, each built to Parquet and read back as an analyst would:
the GUM news and GUM training texts (rebuilt from their CoNLL-U tokens) and the KCNA 2024 archive
(whose text ingest normalises: glued words split, so offsets must index into the stored text). For
every row: the span lies inside its document, ``text[start:end]`` equals the row's surface (mentions)
or text (claims, events), a mention is a non-empty span with no outer whitespace, mentions of one
document never overlap, and every entity id a row names exists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.ner_data import gum_docs
from workbook.book import Book
from workbook.build import build
from workbook.workspace import read_book

pytestmark = [pytest.mark.realdata, pytest.mark.slow]


def _check_offsets(book: Book) -> dict[str, int]:
    texts = book.documents.set_index("doc_id")["text"]
    known = set(book.entities["entity_id"])
    checked: dict[str, int] = {}
    for table, column in (("mentions", "surface"), ("claims", "text"), ("events", "text")):
        df = book.table(table)
        bad = []
        for row in df.itertuples(index=False):
            text = texts[row.doc_id]
            span = text[row.start : row.end]
            if not 0 <= row.start < row.end <= len(text) or span != getattr(row, column):
                bad.append((row.doc_id, row.start, row.end, getattr(row, column)[:40]))
        assert not bad, f"{table}: {len(bad)} rows whose offsets do not give their {column}: {bad[:5]}"
        checked[table] = len(df)
    mentions = book.mentions
    assert (mentions["surface"].str.strip() == mentions["surface"]).all()
    assert mentions["entity_id"].isin(known).all()
    claims_speakers = book.claims["speaker_id"].dropna()
    assert claims_speakers.isin(known).all()
    ordered = mentions.sort_values(["doc_id", "start", "end"])
    same_doc = ordered["doc_id"].eq(ordered["doc_id"].shift())
    overlap = same_doc & (ordered["start"] < ordered["end"].shift())
    assert not overlap.any(), ordered[overlap | overlap.shift(-1, fill_value=False)].head(6).to_dict("records")
    return checked


def _write_gum(folder: Path, out: Path) -> int:
    out.mkdir(parents=True)
    docs = gum_docs(folder)
    for d in docs:
        (out / f"{d.doc_id}.txt").write_text(d.text, encoding="utf-8")
    return len(docs)


@pytest.mark.parametrize("corpus", ["gum-news_amir-zeldes", "gum-train_amir-zeldes"])
def test_gum_build_offsets_give_their_text(corpus: str, shared_data: Path, tmp_path: Path) -> None:
    n = _write_gum(shared_data / corpus, tmp_path / "corpus")
    build([tmp_path / "corpus"], tmp_path / "ws", progress=False)
    book = read_book(tmp_path / "ws")
    assert len(book.documents) == n and len(book.build_issues) == 0
    checked = _check_offsets(book)
    assert checked["mentions"] > 20 * n and checked["events"] > n


def test_kcna_build_offsets_give_their_text(shared_data: Path, tmp_path: Path) -> None:
    archive = shared_data / "kcna-archive_stiles" / "headlines_2024-11-11.json"
    records = json.loads(archive.read_text(encoding="utf-8"))
    sample = tmp_path / "kcna_sample.json"
    sample.write_text(json.dumps(records[::4]), encoding="utf-8")  # every 4th record: 528, a minute's build
    build([sample], tmp_path / "ws", progress=False)
    book = read_book(tmp_path / "ws")
    assert len(book.build_issues) == 0
    checked = _check_offsets(book)
    assert checked["mentions"] > 2000 and checked["claims"] > 50 and checked["events"] > 400
    # ingest normalised some glued words in this sample, and the offsets above hold in the stored text
    normalised = book.documents["meta"].fillna("{}").map(json.loads).map(lambda m: "normalised" in m)
    assert normalised.any()
    assert pd.api.types.is_string_dtype(book.documents["text"])
