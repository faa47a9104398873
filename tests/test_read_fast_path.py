"""read_book's fast path: the tables conform() would give, without its per-row work, and the documents'
text memory-mapped from documents.text.arrow."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.conftest import make_tiny_book
from workbook.book import TABLE_NAMES
from workbook.build import build
from workbook.model import SCHEMA_VERSION, conform
from workbook.synth import write_jsonl
from workbook.tableread import read_parquet_table
from workbook.workspace import TEXT_FILE, read_book, read_manifest, table_from_arrow, write_snapshot

pytestmark = pytest.mark.unit


def _snapshot(ws: Path) -> Path:
    return ws / "snapshots" / (ws / "CURRENT").read_text().strip()


def _slow(ws: Path) -> dict[str, pd.DataFrame]:
    """The tables as the read path before the fast path made them: conform() of each Parquet file."""
    snap = _snapshot(ws)
    return {
        n: conform(n, pq.read_table(snap / f"{n}.parquet").to_pandas())
        for n in TABLE_NAMES
        if (snap / f"{n}.parquet").exists()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fast")
    build([write_jsonl(root / "c.jsonl", 15, seed=4)], root / "ws", progress=False)
    return root / "ws"


def test_read_book_equals_conform_of_every_table(built: Path) -> None:
    book = read_book(built)
    slow = _slow(built)
    assert set(slow) >= {"documents", "entities", "mentions", "claims", "events", "places", "build_issues"}
    for name, expected in slow.items():
        pd.testing.assert_frame_equal(book.table(name), expected, obj=name)
    assert all(type(v) is list for v in book.claims["entity_ids"])
    assert all(type(x) is str for v in book.entities["aliases"] for x in v)


def test_text_is_memory_mapped_and_equal(built: Path) -> None:
    snap = _snapshot(built)
    assert (snap / TEXT_FILE).is_file()
    text = pa.ipc.open_file(pa.memory_map(str(snap / TEXT_FILE))).read_all().column("text").to_pylist()
    book = read_book(built)
    assert book.documents["text"].tolist() == text == pq.read_table(snap / "documents.parquet")["text"].to_pylist()
    assert isinstance(book.documents["text"].dtype, pd.StringDtype)


def test_without_or_with_a_wrong_text_file_the_parquet_text_is_read(tmp_path: Path) -> None:
    book = make_tiny_book()
    tables = {n: book.table(n) for n in TABLE_NAMES}
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": SCHEMA_VERSION})
    snap = _snapshot(tmp_path / "ws")
    expected = _slow(tmp_path / "ws")["documents"]
    (snap / TEXT_FILE).unlink()
    pd.testing.assert_frame_equal(read_book(tmp_path / "ws").documents, expected)
    with pa.OSFile(str(snap / TEXT_FILE), "wb") as sink:  # one row short: not this snapshot's text
        schema = pa.schema([("text", pa.large_string())])
        with pa.ipc.new_file(sink, schema) as w:
            w.write_table(pa.table({"text": pa.array(["only one"], pa.large_string())}))
    pd.testing.assert_frame_equal(read_book(tmp_path / "ws").documents, expected)


def test_tables_match_conform_on_hand_made_rows(tmp_path: Path) -> None:
    book = make_tiny_book()
    claims = book.claims.copy()
    claims.loc[0, "entity_ids"] = None  # a null list row reads as []
    tables = {n: book.table(n) for n in TABLE_NAMES}
    tables["claims"] = claims
    write_snapshot(tmp_path / "ws", "b1", tables, {"schema_version": SCHEMA_VERSION})
    got = read_book(tmp_path / "ws")
    for name, expected in _slow(tmp_path / "ws").items():
        pd.testing.assert_frame_equal(got.table(name), expected, obj=name)
    assert got.claims.loc[0, "entity_ids"] == []
    assert got.claims.loc[2, "entity_ids"] == book.claims.loc[2, "entity_ids"] != []


def test_a_table_lacking_a_declared_column_goes_through_conform() -> None:
    events = make_tiny_book().events.drop(columns=["kind", "anchor"])  # nullable columns an older writer left out
    table = pa.Table.from_pandas(events, preserve_index=False)
    got = table_from_arrow("events", table)
    pd.testing.assert_frame_equal(got, conform("events", events))
    assert got["kind"].isna().all()


def test_list_elements_that_are_null_read_as_conform_reads_them() -> None:
    table = pa.table(
        {
            "entity_id": ["e1", "e2"],
            "name": ["A", "B"],
            "type": ["person", "place"],
            "aliases": pa.array([["x", None], None], pa.list_(pa.string())),
            "n_mentions": [1, 2],
            "n_docs": [1, 1],
            "origin": ["rules", "rules"],
        }
    )
    got = table_from_arrow("entities", table)
    pd.testing.assert_frame_equal(got, conform("entities", table.to_pandas()))
    assert got.loc[1, "aliases"] == []


def test_column_by_column_read_equals_the_whole_table_over_several_row_groups(tmp_path: Path) -> None:
    book = make_tiny_book()
    for name in ("mentions", "claims", "events", "documents", "entities"):
        path = tmp_path / f"{name}.parquet"
        pq.write_table(pa.Table.from_pandas(book.table(name), preserve_index=False), path, row_group_size=2)
        assert pq.ParquetFile(path).metadata.num_row_groups > 1 or len(book.table(name)) <= 2
        got = read_parquet_table(name, path)
        pd.testing.assert_frame_equal(got, table_from_arrow(name, pq.read_table(path)), obj=name)
        pd.testing.assert_frame_equal(got, conform(name, book.table(name)), obj=name)


def test_a_file_lacking_a_declared_column_is_read_through_conform(tmp_path: Path) -> None:
    events = make_tiny_book().events.drop(columns=["kind", "anchor"])
    pq.write_table(pa.Table.from_pandas(events, preserve_index=False), tmp_path / "events.parquet")
    got = read_parquet_table("events", tmp_path / "events.parquet")
    pd.testing.assert_frame_equal(got, conform("events", events))


def test_the_books_manifest_leaves_out_the_per_document_listing(built: Path) -> None:
    stored = read_manifest(built)
    assert set(stored["documents"]) == set(read_book(built).documents["doc_id"])
    manifest = read_book(built).manifest
    assert "documents" not in manifest
    assert manifest == {k: v for k, v in stored.items() if k != "documents"}
    docs = read_book(built).documents.set_index("doc_id")
    for doc_id, entry in stored["documents"].items():  # the listing is the documents table's columns
        assert entry == {"source": docs.loc[doc_id, "source"], "sha256": docs.loc[doc_id, "sha256"]}


def test_the_duckdb_executors_books_carry_the_same_manifest(built: Path) -> None:
    from workbook.filtering.duckdb import DuckDBExecutor

    with DuckDBExecutor(built) as ex:
        assert ex.manifest == read_book(built).manifest
        assert "documents" not in ex.manifest
