"""Tables written one at a time as a build makes them (SnapshotWriter, assemble.iter_tables): the snapshot
is still switched atomically, and a build that fails half-way leaves the live snapshot as it was."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import make_tiny_book
from workbook.assemble import ASSEMBLED_TABLES, extraction_rows, iter_tables
from workbook.book import TABLE_NAMES
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor
from workbook.model import SCHEMA_VERSION
from workbook.rowbatches import RowCollector
from workbook.synth import articles
from workbook.workspace import SnapshotWriter, read_book, write_snapshot

pytestmark = pytest.mark.unit


def _snapshots(ws: Path) -> list[str]:
    return sorted(p.name for p in (ws / "snapshots").iterdir())


def test_a_failure_between_tables_leaves_the_live_snapshot_and_no_temp_folder(tmp_path: Path) -> None:
    book = make_tiny_book()
    ws = tmp_path / "ws"
    write_snapshot(ws, "b1", {n: book.table(n) for n in TABLE_NAMES}, {"schema_version": SCHEMA_VERSION})
    with pytest.raises(RuntimeError, match="half-way"), SnapshotWriter(ws) as writer:
        writer.add("documents", book.documents.iloc[:1])
        assert (writer.folder / "documents.parquet").is_file()
        raise RuntimeError("half-way")
    assert _snapshots(ws) == ["b1"] and (ws / "CURRENT").read_text().strip() == "b1"
    pd.testing.assert_frame_equal(read_book(ws).documents, book.documents)
    with SnapshotWriter(ws) as writer:
        for name in TABLE_NAMES:
            writer.add(name, book.table(name))
        final = writer.commit("b2", {"schema_version": SCHEMA_VERSION})
    assert final.name == "b2" and (ws / "CURRENT").read_text().strip() == "b2"
    assert _snapshots(ws) == ["b1", "b2"]
    pd.testing.assert_frame_equal(read_book(ws).claims, book.claims)


def test_the_documents_are_given_before_any_rows_are_merged() -> None:
    extractor = DefaultExtractor()
    collector = RowCollector(flush_docs=2)
    documents = []
    for i, a in enumerate(articles(5, seed=3)):
        did = f"d{i}"
        documents.append(
            {
                "doc_id": did,
                "title": did,
                "source": f"{did}.txt",
                "sha256": did,
                "text": a.text,
                "n_chars": len(a.text),
                "format": "txt",
            }
        )
        collector.add(extraction_rows(did, a.text, extractor.extract(DocumentInput(did, a.text))))
    made = iter_tables(documents, collector, [])
    name, table = next(made)
    assert name == "documents" and len(table) == 5
    assert len(collector.take("mentions")) > 0  # not taken yet: the rows were not merged before the documents
    names = ["documents"]
    fresh = RowCollector()
    for i, a in enumerate(articles(5, seed=3)):
        fresh.add(extraction_rows(f"d{i}", a.text, extractor.extract(DocumentInput(f"d{i}", a.text))))
    names += [n for n, _ in list(iter_tables(documents, fresh, []))[1:]]
    assert sorted(names) == sorted(ASSEMBLED_TABLES)
