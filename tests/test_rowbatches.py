"""Build rows streamed into column batches: the tables equal those assembled from every document's
row dicts at once, whatever the batch size, and engines deliver results batch by batch in order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.test_engines import CapitalsExtractor
from workbook.assemble import DocRows, assemble_tables, extraction_rows
from workbook.engines import ProcessEngine, SerialEngine
from workbook.engines.base import iter_results
from workbook.extract.base import DocumentInput
from workbook.extract.pipeline import DefaultExtractor
from workbook.lists import LIST_DTYPE, arrow_lists
from workbook.model import conform
from workbook.rowbatches import ROW_KINDS, RowBatch, RowCollector, concat_rows, rows_frame
from workbook.synth import articles

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def corpus_rows() -> tuple[list[dict[str, object]], list[DocRows]]:
    """Documents and their rows from the default extractor on 30 synthetic articles, plus a document
    that yields nothing."""
    extractor = DefaultExtractor()
    documents: list[dict[str, object]] = []
    per_doc: list[DocRows] = []
    texts = [a.text for a in articles(30, seed=3)] + ["nothing to see here"]
    for i, text in enumerate(texts):
        did = f"doc{i:03d}"
        documents.append(
            {
                "doc_id": did,
                "title": did,
                "source": f"{did}.txt",
                "sha256": did,
                "text": text,
                "n_chars": len(text),
                "format": "txt",
            }
        )
        per_doc.append(extraction_rows(did, str(text), extractor.extract(DocumentInput(did, str(text)))))
    return documents, per_doc


def _assert_tables_equal(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert list(a) == list(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name, check_exact=True)


@pytest.mark.parametrize("flush_docs", [1, 2, 7, 1000])
def test_batched_rows_assemble_to_the_same_tables(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]], flush_docs: int
) -> None:
    documents, per_doc = corpus_rows
    at_once = assemble_tables(documents, per_doc, [])  # type: ignore[arg-type]
    assert len(at_once["mentions"]) > 300 and len(at_once["claims"]) > 30 and len(at_once["events"]) > 30
    collector = RowCollector(flush_docs=flush_docs)
    for rows in per_doc:
        collector.add(rows)
    batches = collector.batches()
    assert len(batches) == -(-len(per_doc) // flush_docs) and sum(b.n_docs for b in batches) == len(per_doc)
    assert collector.batches() == []  # handed over, not kept
    _assert_tables_equal(assemble_tables(documents, batches, []), at_once)  # type: ignore[arg-type]


def test_batched_tables_equal_the_row_dicts_conformed_at_once(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]],
) -> None:
    """What assemble_tables made before rows were batched: conform() of every row dict at once."""
    documents, per_doc = corpus_rows
    collector = RowCollector(flush_docs=4)
    for rows in per_doc:
        collector.add(rows)
    tables = assemble_tables(documents, collector.batches(), [])  # type: ignore[arg-type]
    for kind in ("mentions", "claims", "events"):
        expected = conform(kind, [r for d in per_doc for r in getattr(d, kind)])
        pd.testing.assert_frame_equal(tables[kind], expected, obj=kind, check_exact=True)
        lists = [c for c in expected.columns if expected[c].dtype == LIST_DTYPE]
        assert lists and all(isinstance(v, list) for c in lists for v in tables[kind][c])
    for kind, name in (("doc_entities", "_doc_entities"), ("doc_places", "_doc_places")):
        expected = rows_frame(kind, [r for d in per_doc for r in getattr(d, kind)])
        pd.testing.assert_frame_equal(tables[name], expected, obj=name, check_exact=True)


def test_documents_and_batches_can_be_mixed_in_order(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]],
) -> None:
    documents, per_doc = corpus_rows
    mixed: list[DocRows | RowBatch] = [
        per_doc[0],
        RowBatch.of(per_doc[1:10]),
        *per_doc[10:12],
        RowBatch.of(per_doc[12:]),
    ]
    _assert_tables_equal(
        assemble_tables(documents, mixed, []),  # type: ignore[arg-type]
        assemble_tables(documents, per_doc, []),
    )  # type: ignore[arg-type]
    for kind in ROW_KINDS:
        assert len(concat_rows([], kind)) == 0
        assert list(concat_rows([DocRows()], kind).columns) == list(concat_rows(per_doc, kind).columns)


def test_collector_rejects_a_bad_flush_size() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        RowCollector(flush_docs=0)
    with pytest.raises(ValueError, match="at least 1"):
        RowCollector(flush_rows=0)


@pytest.mark.parametrize("flush_rows", [1, 60, 250])
def test_the_collector_flushes_by_rows_too(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]], flush_rows: int
) -> None:
    """A batch is made once ``flush_rows`` rows are buffered, however few documents hold them (a batch
    costs pandas a fixed time per kind: a few big batches, not many small ones); same tables."""
    documents, per_doc = corpus_rows
    collector = RowCollector(flush_docs=1000, flush_rows=flush_rows)
    for rows in per_doc:
        collector.add(rows)
    batches = collector.batches()
    expected, buffered, docs = [], 0, 0  # documents per batch: a batch ends once flush_rows rows are in
    for d in per_doc:
        buffered += sum(len(getattr(d, k)) for k in ROW_KINDS)
        docs += 1
        if buffered >= flush_rows:
            expected.append(docs)
            buffered = docs = 0
    expected += [docs] if docs else []
    assert [b.n_docs for b in batches] == expected
    assert len(batches) > 1
    _assert_tables_equal(
        assemble_tables(documents, batches, []),  # type: ignore[arg-type]
        assemble_tables(documents, per_doc, []),  # type: ignore[arg-type]
    )


def test_engines_deliver_batches_in_input_order() -> None:
    docs = [DocumentInput(f"d{i}", f"Word{i} and Mr Name{i % 3} " * 40 + " BOOM" * (i == 5)) for i in range(40)]
    extractor = CapitalsExtractor()
    whole = SerialEngine().extract(extractor, docs, progress=False)
    serial_batches = list(SerialEngine().extract_batches(extractor, docs, progress=False))
    assert [r for b in serial_batches for r in b] == whole
    parallel = list(ProcessEngine(workers=2, batch_chars=2_000).extract_batches(extractor, docs, progress=False))
    assert len(parallel) > 2 and [r for b in parallel for r in b] == whole
    assert list(iter_results(SerialEngine(), extractor, docs, False)) == whole

    class ListOnly:  # an engine without extract_batches still works
        def extract(self, ex: CapitalsExtractor, ds: list[DocumentInput], progress: bool) -> list[object]:
            return list(SerialEngine().extract(ex, ds, progress))

    assert list(iter_results(ListOnly(), extractor, docs, False)) == whole


def test_serial_engine_streams_long_corpora_in_several_batches(tmp_path: Path) -> None:
    docs = [DocumentInput(f"d{i}", "Mr Kim met Acme. " * 2_000) for i in range(40)]  # 34k chars each
    batches = list(SerialEngine().extract_batches(CapitalsExtractor(), docs, progress=False))
    assert len(batches) > 1 and sum(len(b) for b in batches) == 40


def test_a_collector_assembles_kind_by_kind_to_the_same_tables(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]],
) -> None:
    """What a build does: the collector itself to assemble_tables (each kind taken once, its batches then
    dropped) and the documents as a table; the tables equal those of the row dicts at once."""
    documents, per_doc = corpus_rows
    at_once = assemble_tables(documents, per_doc, [])  # type: ignore[arg-type]
    collector = RowCollector(flush_docs=3)
    for rows in per_doc:
        collector.add(rows)
    frame = conform("documents", documents)  # type: ignore[arg-type]
    _assert_tables_equal(assemble_tables(frame, collector, []), at_once)
    for kind in ROW_KINDS:  # every kind was taken, and its batches dropped
        assert collector._frames[kind] == []
        with pytest.raises(ValueError, match="taken already"):
            collector.take(kind)
    with pytest.raises(ValueError, match="taken"):
        collector.batches()
    with pytest.raises(ValueError, match="added after"):
        collector.add(per_doc[0])
    with pytest.raises(ValueError, match="Unknown kind"):
        RowCollector().take("nothing")


def test_conform_makes_arrow_lists_and_does_not_copy_them_again() -> None:
    """conform() makes list cells Arrow lists of strings (no Python list per row), and a column that already
    is one keeps its Arrow buffers (a build conforms each batch and then the tables)."""
    kept = ["e1", "e2"]
    rows = [
        {
            "mention_id": "m1",
            "doc_id": "d",
            "start": 0,
            "end": 1,
            "entity_id": "e1",
            "surface": "x",
            "sentence": 0,
            "resolution": "exact",
            "candidates": kept,
        },
        {
            "mention_id": "m2",
            "doc_id": "d",
            "start": 1,
            "end": 2,
            "entity_id": "e1",
            "surface": "y",
            "sentence": 0,
            "resolution": "exact",
            "candidates": ("e3", 4),
        },
    ]
    out = conform("mentions", rows)
    assert out["candidates"].dtype == LIST_DTYPE
    assert out["candidates"].tolist() == [["e1", "e2"], ["e3", "4"]]
    assert out["candidates"][1] == ["e3", "4"] and isinstance(out["candidates"][1], list)

    def values_address(df: pd.DataFrame) -> int:
        return int(arrow_lists(df["candidates"]).chunk(0).values.buffers()[2].address)

    assert values_address(conform("mentions", out)) == values_address(out)
