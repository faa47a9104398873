"""The documents of a build streamed into Arrow chunks (workbook.docstream) and the extraction inputs
made from them batch by batch (workbook.engines.base.iter_batches)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from workbook.docstream import DocumentStream, StreamedDocument
from workbook.engines.base import iter_batches, split_batches
from workbook.errors import SchemaError
from workbook.extract.base import DocumentInput
from workbook.model import conform


def _row(i: int) -> dict[str, Any]:
    return {
        "doc_id": f"doc{i:04d}",
        "title": f"Title {i}",
        "publisher": "KCNA" if i % 3 else None,
        "published": pd.Timestamp(2024, 1, 1 + i % 28) if i % 5 else None,
        "dateline_place": None,
        "dateline_source": None,
        "source": f"f{i}.txt",
        "sha256": f"{i:064x}",
        "text": f"Text of document {i}. " * (1 + i % 4) + ("é" if i % 7 == 0 else ""),
        "n_chars": 0,
        "language": "en",
        "format": "txt",
        "section": "News" if i % 2 else None,
        "url": None,
        "encoding": "utf-8",
        "meta": None,
    }


def _stream(rows: list[dict[str, Any]], chunk_docs: int) -> DocumentStream:
    stream = DocumentStream(chunk_docs)
    for r in rows:
        info = StreamedDocument(r["doc_id"], r["source"], r["title"], date(2024, 1, 2), "en")
        stream.add(dict(r), info)
    return stream


@pytest.mark.parametrize("chunk_docs", [1, 4, 7, 100])
def test_the_table_equals_conform_of_every_row(chunk_docs: int) -> None:
    rows = [_row(i) for i in range(23)]
    stream = _stream(rows, chunk_docs)
    # sections changed after the document's chunk was made, and in the rows not yet chunked
    for position, section in [(0, "Top News"), (1, "News; Top News"), (22, "Extra")]:
        assert stream.section(position) == rows[position]["section"]
        stream.set_section(position, section)
        rows[position]["section"] = section
        assert stream.section(position) == section
    assert stream.text(5) == rows[5]["text"]
    pd.testing.assert_frame_equal(stream.table(), conform("documents", rows))
    with pytest.raises(ValueError, match="once"):
        stream.table()


@pytest.mark.parametrize("chunk_docs", [1, 4, 7, 100])
def test_every_text_read_by_position_is_the_rows_text(chunk_docs: int) -> None:
    # read from the chunks' Arrow text column (speed round fourteen), as the pandas column gave it before
    rows = [_row(i) for i in range(23)]
    rows[3]["text"] = "Line one\nLine two — 北朝鮮 \u00a0 end."
    stream = _stream(rows, chunk_docs)
    for position, row in enumerate(rows):
        assert stream.text(position) == row["text"]
        start = len(stream._chunks) * chunk_docs
        if position < start:  # the original form, on the chunk's pandas column
            chunk = stream._chunks[position // chunk_docs]
            assert stream.text(position) == str(chunk["text"].iloc[position % chunk_docs])


def test_inputs_are_made_when_read_and_in_order() -> None:
    rows = [_row(i) for i in range(10)]
    stream = _stream(rows, 3)
    inputs = stream.inputs([1, 4, 9])
    assert len(inputs) == 3
    assert [d.doc_id for d in inputs] == ["doc0001", "doc0004", "doc0009"]
    assert inputs[1] == DocumentInput("doc0004", rows[4]["text"], "Title 4", date(2024, 1, 2), "en")
    assert [d.doc_id for d in inputs[1:]] == ["doc0004", "doc0009"]


def test_an_empty_stream_gives_the_empty_table() -> None:
    pd.testing.assert_frame_equal(DocumentStream().table(), conform("documents", []))


def test_a_duplicated_doc_id_is_a_schema_error() -> None:
    rows = [_row(1), _row(2), _row(1)]
    with pytest.raises(SchemaError, match="duplicated"):
        _stream(rows, 2).table()


def test_chunk_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        DocumentStream(0)


@pytest.mark.parametrize("max_chars", [1, 10, 37, 10_000])
def test_iter_batches_cuts_as_split_batches_does(max_chars: int) -> None:
    docs = [DocumentInput(f"d{i}", "x" * (i % 7 + 1)) for i in range(50)]
    assert list(iter_batches(docs, max_chars)) == split_batches(docs, 1, max_chars)
    assert list(iter_batches([], max_chars)) == []
