"""A build's column batches kept on disk until their table is made (workbook.rowspill): the tables equal
those of batches held in memory, nothing is held meanwhile, and the temporary files do not outlive the
build."""

from __future__ import annotations

import contextlib
import functools
import importlib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.test_rowbatches import _assert_tables_equal, corpus_rows  # noqa: F401 (fixture)
from workbook.assemble import DocRows, assemble_tables
from workbook.build import build
from workbook.errors import WorkspaceWriteError
from workbook.model import conform
from workbook.rowbatches import ROW_KINDS, RowBatch, RowCollector
from workbook.rowspill import FrameSpill, spill_folder
from workbook.synth import write_jsonl
from workbook.workspace import read_book

pytestmark = pytest.mark.unit


def test_spilled_batches_assemble_to_the_same_tables(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]],  # noqa: F811
    tmp_path: Path,
) -> None:
    documents, per_doc = corpus_rows
    in_memory = RowCollector(flush_docs=3)
    with spill_folder(tmp_path / "ws") as spill:
        assert spill is not None and spill.folder.is_dir()
        spilled = RowCollector(flush_docs=3, spill=spill)
        for rows in per_doc:
            in_memory.add(rows)
            spilled.add(rows)
        for kind in ROW_KINDS:  # every full batch went to disk, none is held
            assert spilled._frames[kind] == [] and spill.count(kind) == len(per_doc) // 3
        frame = conform("documents", documents)  # type: ignore[arg-type]
        _assert_tables_equal(assemble_tables(frame, spilled, []), assemble_tables(frame, in_memory, []))
        assert list(spill.folder.iterdir()) == []  # each kind's file removed once read
        folder = spill.folder
    assert not folder.exists()


def test_a_spill_gives_back_each_kind_once_in_order(tmp_path: Path) -> None:
    spill = FrameSpill(tmp_path)
    frames = [
        pd.DataFrame({"a": pd.array([f"x{i}", None], dtype="string[pyarrow]"), "n": [i, i + 1]}) for i in range(3)
    ]
    for f in frames:
        spill.append("k", f)
    back = spill.read("k")
    assert len(back) == 3
    for a, b in zip(back, frames, strict=True):
        pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert spill.read("never") == []
    with pytest.raises(ValueError, match="read already"):
        spill.append("k", frames[0])


def test_a_workspace_that_cannot_be_written_keeps_the_batches_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(ws: Path) -> Path:
        raise WorkspaceWriteError(f"Cannot write to the workspace {ws}")

    monkeypatch.setattr("workbook.rowspill.temp_folder", refuse)  # what a read-only workspace gives
    with spill_folder(tmp_path / "ws") as spill:
        assert spill is None
    collector = RowCollector(flush_docs=1, spill=spill)
    collector.add(DocRows())
    assert len(collector._frames["mentions"]) == 1  # held in memory, as without a spill


def test_a_full_disk_while_spilling_is_a_workspace_write_error(tmp_path: Path) -> None:
    spill = FrameSpill(tmp_path / "gone")  # its folder does not exist: opening the file fails
    with pytest.raises(WorkspaceWriteError, match="temporary files"):
        spill.append("mentions", pd.DataFrame({"a": [1]}))


def test_a_build_spills_its_batches_and_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 12, seed=5)
    ws = tmp_path / "out.workbook"
    spilled: list[tuple[Path, str]] = []
    append = FrameSpill.append

    def recording(self: FrameSpill, kind: str, frame: pd.DataFrame) -> None:
        spilled.append((self.folder, kind))
        append(self, kind, frame)

    monkeypatch.setattr(FrameSpill, "append", recording)
    report = build([corpus], ws, progress=False)
    assert report.counts["mentions"] > 0
    assert {kind for _, kind in spilled} == set(ROW_KINDS)
    assert all(folder.parent == ws / "snapshots" for folder, _ in spilled)
    assert [p.name for p in (ws / "snapshots").iterdir() if p.name.startswith(".")] == []


def test_batches_added_as_columns_keep_their_place_among_documents(
    corpus_rows: tuple[list[dict[str, object]], list[DocRows]],  # noqa: F811
    tmp_path: Path,
) -> None:
    """What benchmarks/bench_assemble_tiled.py replays: ready column batches between documents' rows."""
    documents, per_doc = corpus_rows
    with spill_folder(tmp_path / "ws") as spill:
        collector = RowCollector(flush_docs=4, spill=spill)
        collector.add(per_doc[0])  # buffered, flushed before the batch so that the order is kept
        collector.add_batch(RowBatch.of(per_doc[1:9]))
        for rows in per_doc[9:]:
            collector.add(rows)
        frame = conform("documents", documents)  # type: ignore[arg-type]
        _assert_tables_equal(assemble_tables(frame, collector, []), assemble_tables(frame, per_doc, []))


def _parquet_files(ws: Path) -> dict[str, pa.Table]:
    """Every table file of the workspace's one snapshot, by file name, as Arrow (schema metadata kept)."""
    files = sorted(ws.glob("snapshots/*/*.parquet"))
    assert files and len({p.parent for p in files}) == 1
    return {p.name: pq.read_table(p) for p in files}


def test_a_build_with_every_batch_spilled_equals_one_holding_them_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many small batches (one document each) through the Arrow IPC files, against the same build with the
    batches in memory: every table file equal, schema and pandas metadata included. The corpus gives
    every kind of column a batch holds (seen below): numbers, datetimes with NaT, strings, labels with
    nulls, declared categories, lists, and private columns of objects (a batch whose places have no
    admin area, or none at all)."""
    corpus = tmp_path / "corpus"
    write_jsonl(corpus / "articles.jsonl", 40, seed=5)
    for seed in sorted(Path("seeds").glob("*.txt"))[:1]:
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "nothing.txt").write_text("Nothing to see here, nobody to name.\n", encoding="utf-8")
    builder = importlib.import_module("workbook.build")  # the module (workbook.build is also the function)
    monkeypatch.setattr(builder, "RowCollector", functools.partial(RowCollector, flush_docs=1))
    dtypes: set[str] = set()
    append = FrameSpill.append

    def recording(self: FrameSpill, kind: str, frame: pd.DataFrame) -> None:
        for dtype in frame.dtypes:
            if isinstance(dtype, pd.CategoricalDtype | pd.StringDtype | pd.ArrowDtype):
                dtypes.add(type(dtype).__name__)
            else:
                dtypes.add(dtype.kind)  # numpy: i, f, M (datetime), O (object)
        append(self, kind, frame)

    monkeypatch.setattr(FrameSpill, "append", recording)
    spilled = build([corpus], tmp_path / "spilled.workbook", progress=False)

    @contextlib.contextmanager
    def no_spill(ws: Path) -> Iterator[None]:
        yield None

    monkeypatch.setattr(builder, "spill_folder", no_spill)
    held = build([corpus], tmp_path / "held.workbook", progress=False)

    assert spilled.counts == held.counts and spilled.counts["mentions"] > 500
    assert dtypes == {"CategoricalDtype", "StringDtype", "ArrowDtype", "i", "f", "M", "O"}
    a, b = _parquet_files(spilled.workspace), _parquet_files(held.workspace)
    assert list(a) == list(b) and {"mentions.parquet", "_doc_places.parquet"} <= set(a)
    for name in a:
        assert a[name].schema.equals(b[name].schema, check_metadata=True), name
        assert a[name].equals(b[name]), name
    book = read_book(spilled.workspace)
    assert book.events["date_start"].isna().any() and book.claims["speaker_id"].isna().any()
